using System.Globalization;
using System.Net;
using System.Text.Json;

namespace SalesFlow.Web.Tests.Contracts;

/// <summary>Contracts through the real HTTP API: terms and schedule, order links, signing, fulfilment, renewal, scope and permissions.</summary>
public sealed class ContractApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
    private static int _customerNo;

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private async Task<Guid> CustomerAsync(HttpClient rep)
    {
        var name = $"合同测试客户{Interlocked.Increment(ref _customerNo)}号有限公司{Guid.NewGuid():N}"[..30];
        var created = await rep.PostJsonAsync("/api/v1/customers", new { name, type = "Enterprise" }, HttpStatusCode.Created);
        var finance = await app.ClientAsync("finance");
        await finance.PostJsonAsync($"/api/v1/customers/{created.Id()}/credit", new { creditLimit = 10_000_000m, paymentTermsDays = 30, version = created.Number("version") });
        return created.Id();
    }

    private static async Task<JsonElement> ConfirmedOrderAsync(HttpClient rep, Guid customerId)
    {
        var products = (await rep.GetJsonAsync($"/api/v1/orders/priced-products?customerId={customerId}")).EnumerateArray().ToDictionary(p => p.Str("sku"));
        var created = await rep.PostJsonAsync("/api/v1/orders", new
        {
            customerId,
            lines = new object[] { new { productId = products["BM-RBR-HRB400"].Id(), quantity = 10m }, new { productId = products["SV-INS-0001"].Id(), quantity = 1m } },
            requestedDeliveryDate = Day(Today.AddDays(20)),
        }, HttpStatusCode.Created);
        return await rep.PostJsonAsync($"/api/v1/orders/{created.Id()}/submit", new { });
    }

    private static object NewContract(Guid customerId, decimal amount, DateOnly start, DateOnly end, object[]? installments = null) => new
    {
        customerId,
        title = "年度钢材供货合同",
        startDate = Day(start),
        endDate = Day(end),
        amount,
        customerSignatory = "李总",
        paymentTerms = "预付30%，到货后付70%",
        installments = installments ?? [],
    };

    [Fact]
    public async Task A_contract_is_created_once_scheduled_at_its_version_linked_signed_fulfilled_completed_and_renewed()
    {
        var rep = await app.ClientAsync("rep.huadong.1");
        var customer = await CustomerAsync(rep);
        var order = await ConfirmedOrderAsync(rep, customer);
        Assert.Equal("Confirmed", order.Str("status"));
        var total = order.GetProperty("total").GetDecimal();
        var amount = decimal.Round(total * 1.2m, 0);
        var start = Today.AddDays(-30);
        var end = start.AddYears(1).AddDays(-1);

        // Idempotent create: the same key and body give the first result again; another body with that key is refused.
        var body = JsonSerializer.Serialize(NewContract(customer, amount, start, end), JsonOptions);
        using var first = await rep.Send(HttpMethod.Post, "/api/v1/contracts", body, r => r.Headers.Add("Idempotency-Key", "contract-key-1"));
        var created = await first.JsonAsync(HttpStatusCode.Created);
        using var again = await rep.Send(HttpMethod.Post, "/api/v1/contracts", body, r => r.Headers.Add("Idempotency-Key", "contract-key-1"));
        Assert.Equal(created.GetRawText(), (await again.JsonAsync(HttpStatusCode.Created)).GetRawText());
        using var otherBody = await rep.Send(HttpMethod.Post, "/api/v1/contracts", JsonSerializer.Serialize(NewContract(customer, amount + 1, start, end), JsonOptions), r => r.Headers.Add("Idempotency-Key", "contract-key-1"));
        await otherBody.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Single((await rep.GetJsonAsync($"/api/v1/contracts?customerId={customer}")).Items());

        var id = created.Id();
        Assert.Matches(@"^CT-\d{4}-\d{6}$", created.Str("number"));
        Assert.Equal(("Draft", "Draft", "CNY", amount), (created.Str("status"), created.Str("state"), created.Str("currency"), created.GetProperty("amount").GetDecimal()));
        Assert.False(string.IsNullOrWhiteSpace(created.Str("ourEntity")));
        Assert.Equal(created.Str("number"), (await rep.GetJsonAsync($"/api/v1/contracts/{id}")).Str("number"));

        using (var backwards = await rep.Post("/api/v1/contracts", NewContract(customer, amount, start, start.AddDays(-1))))
        {
            await backwards.ProblemAsync(HttpStatusCode.UnprocessableEntity, "contract.endBeforeStart");
        }

        // The schedule: must sum to the amount, not be due before the start; a stale version is refused with the current record.
        var edited = JsonSerializer.Deserialize<Dictionary<string, object?>>(created.GetRawText())!;
        var advance = decimal.Round(amount * 0.3m, 2);
        edited["installments"] = new[] { new { dueDate = Day(start.AddDays(5)), amount = advance, milestone = (string?)"预付款 30%" }, new { dueDate = Day(start.AddDays(90)), amount = amount - advance - 1m, milestone = (string?)null } };
        using (var unequal = await rep.Put($"/api/v1/contracts/{id}", edited))
        {
            var problem = await unequal.ProblemAsync(HttpStatusCode.UnprocessableEntity, "contract.scheduleNotEqualAmount");
            Assert.Equal(amount - 1m, problem.GetProperty("scheduled").GetDecimal());
        }

        edited["installments"] = new[] { new { dueDate = Day(start.AddDays(-1)), amount, milestone = "全款" } };
        using (var early = await rep.Put($"/api/v1/contracts/{id}", edited))
        {
            await early.ProblemAsync(HttpStatusCode.UnprocessableEntity, "contract.installmentBeforeStart");
        }

        edited["installments"] = new[] { new { dueDate = Day(start.AddDays(5)), amount = advance, milestone = "预付款 30%" }, new { dueDate = Day(start.AddDays(90)), amount = amount - advance, milestone = "到货款 70%" } };
        var scheduled = await rep.PutJsonAsync($"/api/v1/contracts/{id}", edited);
        Assert.Equal(created.Number("version") + 1, scheduled.Number("version"));
        Assert.Equal([advance, amount - advance], scheduled.GetProperty("installments").EnumerateArray().Select(i => i.GetProperty("amount").GetDecimal()));
        using (var stale = await rep.Put($"/api/v1/contracts/{id}", edited))
        {
            Assert.Equal(scheduled.Number("version"), (await stale.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion")).GetProperty("current").Number("version"));
        }

        edited["version"] = scheduled.Number("version");
        edited["customerId"] = Guid.NewGuid();
        using (var otherCustomer = await rep.Put($"/api/v1/contracts/{id}", edited))
        {
            Assert.Contains("customerId", (await otherCustomer.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        }

        edited["customerId"] = customer;

        // Orders: only this customer's; an order belongs to one contract.
        var linked = await rep.PostJsonAsync($"/api/v1/contracts/{id}/orders", new { orderId = order.Id() });
        Assert.Equal(order.Id(), Assert.Single(linked.GetProperty("orders").EnumerateArray()).Id("orderId"));
        var foreign = (await rep.GetJsonAsync("/api/v1/orders?pageSize=50")).Items().First(o => o.Id("customerId") != customer);
        using (var otherCustomersOrder = await rep.Post($"/api/v1/contracts/{id}/orders", new { orderId = foreign.Id() }))
        {
            await otherCustomersOrder.ProblemAsync(HttpStatusCode.UnprocessableEntity, "contract.orderOfOtherCustomer");
        }

        var second = await rep.PostJsonAsync("/api/v1/contracts", NewContract(customer, 1_000m, start, end), HttpStatusCode.Created);
        using (var twice = await rep.Post($"/api/v1/contracts/{second.Id()}/orders", new { orderId = order.Id() }))
        {
            var problem = await twice.ProblemAsync(HttpStatusCode.Conflict, "contract.orderLinkedElsewhere");
            Assert.Equal(created.Str("number"), problem.Str("contractNumber"));
        }

        using (var notLinked = await rep.Delete($"/api/v1/contracts/{second.Id()}/orders/{order.Id()}"))
        {
            await notLinked.ProblemAsync(HttpStatusCode.NotFound);
        }

        // A draft without a full schedule is not signed; the scheduled one is, and is then not edited.
        using (var unscheduled = await rep.Post($"/api/v1/contracts/{second.Id()}/activate", new { }))
        {
            await unscheduled.ProblemAsync(HttpStatusCode.UnprocessableEntity, "contract.scheduleNotEqualAmount");
        }

        using (var staleVerb = await rep.Post($"/api/v1/contracts/{id}/activate", new { version = created.Number("version") }))
        {
            await staleVerb.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion");
        }

        var active = await rep.PostJsonAsync($"/api/v1/contracts/{id}/activate", new { signedDate = Day(start), version = scheduled.Number("version") });
        Assert.Equal(("Active", "Active", Day(start)), (active.Str("status"), active.Str("state"), active.Str("signedDate")));
        edited["version"] = active.Number("version");
        edited["status"] = active.Str("status");
        using (var afterSigning = await rep.Put($"/api/v1/contracts/{id}", edited))
        {
            await afterSigning.ProblemAsync(HttpStatusCode.UnprocessableEntity, "contract.notDraft");
        }

        // Fulfilment: part delivered, all invoiced, part collected.
        var steel = order.GetProperty("lines")[0];
        var logistics = await app.ClientAsync("logistics");
        await logistics.PostJsonAsync($"/api/v1/orders/{order.Id()}/fulfil", new { lines = new[] { new { lineId = steel.Id(), quantity = 4m } } });
        var finance = await app.ClientAsync("finance");
        var invoice = await finance.PostJsonAsync("/api/v1/invoices", new { orderId = order.Id() }, HttpStatusCode.Created);
        var paid = advance + 1_000m;
        await finance.PostJsonAsync("/api/v1/receipts", new
        {
            customerId = customer,
            amount = paid,
            receivedOn = Day(Today),
            method = "BankTransfer",
            reference = "BK-CT-1",
            allocations = new[] { new { invoiceId = invoice.Id(), amount = paid } },
        }, HttpStatusCode.Created);

        var fulfilment = await finance.GetJsonAsync($"/api/v1/contracts/{id}/fulfilment");
        var delivered = decimal.Round(4m * steel.GetProperty("netUnitPrice").GetDecimal(), 2, MidpointRounding.AwayFromZero);
        Assert.Equal(amount, fulfilment.GetProperty("contracted").GetDecimal());
        Assert.Equal(total, fulfilment.GetProperty("ordered").GetProperty("amount").GetDecimal());
        Assert.Equal(delivered, fulfilment.GetProperty("delivered").GetProperty("amount").GetDecimal());
        Assert.Equal(invoice.GetProperty("total").GetDecimal(), fulfilment.GetProperty("invoiced").GetProperty("amount").GetDecimal());
        Assert.Equal(paid, fulfilment.GetProperty("collected").GetProperty("amount").GetDecimal());
        Assert.Equal(decimal.Round(paid * 100m / amount, 1, MidpointRounding.AwayFromZero), fulfilment.GetProperty("collected").GetProperty("percent").GetDecimal());
        var installments = fulfilment.GetProperty("installments").EnumerateArray().ToList();
        Assert.Equal((advance, false), (installments[0].GetProperty("collected").GetDecimal(), installments[0].GetProperty("overdue").GetBoolean()));
        Assert.Equal(1_000m, installments[1].GetProperty("collected").GetDecimal());
        Assert.Equal(start.AddDays(90) < Today, installments[1].GetProperty("overdue").GetBoolean());

        // Terminate needs a reason; complete; renew once into a draft of the next period.
        using (var noReason = await rep.Post($"/api/v1/contracts/{id}/terminate", new { reason = " " }))
        {
            Assert.Contains("reason", (await noReason.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        }

        var completed = await rep.PostJsonAsync($"/api/v1/contracts/{id}/complete", new { });
        Assert.Equal("Completed", completed.Str("status"));
        using (var terminateCompleted = await rep.Post($"/api/v1/contracts/{id}/terminate", new { reason = "客户停产" }))
        {
            await terminateCompleted.ProblemAsync(HttpStatusCode.UnprocessableEntity, "contract.notActive");
        }

        using (var linkToCompleted = await rep.Post($"/api/v1/contracts/{id}/orders", new { orderId = order.Id() }))
        {
            await linkToCompleted.ProblemAsync(HttpStatusCode.UnprocessableEntity, "contract.closed");
        }

        var renewal = await rep.PostJsonAsync($"/api/v1/contracts/{id}/renew", new { }, HttpStatusCode.Created);
        Assert.Equal(("Draft", id, Day(end.AddDays(1)), amount), (renewal.Str("status"), renewal.Id("renewedFromId"), renewal.Str("startDate"), renewal.GetProperty("amount").GetDecimal()));
        Assert.Equal(2, renewal.GetProperty("installments").GetArrayLength());
        Assert.Equal(renewal.Str("number"), (await rep.GetJsonAsync($"/api/v1/contracts/{id}")).Str("renewedByNumber"));
        using (var renewTwice = await rep.Post($"/api/v1/contracts/{id}/renew", new { }))
        {
            Assert.Equal(renewal.Str("number"), (await renewTwice.ProblemAsync(HttpStatusCode.Conflict, "contract.alreadyRenewed")).Str("renewedBy"));
        }

        // Terminate the second contract (after signing it) and unlink from a draft.
        var list = await rep.GetJsonAsync($"/api/v1/contracts?q={created.Str("number")}&status=Completed");
        Assert.Equal(id, Assert.Single(list.Items()).Id());
        using (var unlink = await rep.Delete($"/api/v1/contracts/{id}/orders/{order.Id()}"))
        {
            await unlink.ProblemAsync(HttpStatusCode.UnprocessableEntity, "contract.closed");
        }

        var secondOrder = await ConfirmedOrderAsync(rep, customer);
        await rep.PostJsonAsync($"/api/v1/contracts/{second.Id()}/orders", new { orderId = secondOrder.Id() });
        using (var unlinked = await rep.Delete($"/api/v1/contracts/{second.Id()}/orders/{secondOrder.Id()}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, unlinked.StatusCode);
        }

        Assert.Equal(0, (await rep.GetJsonAsync($"/api/v1/contracts/{second.Id()}")).GetProperty("orders").GetArrayLength());
    }

    [Fact]
    public async Task Roles_without_the_permission_are_refused_and_other_regions_see_nothing()
    {
        var rep = await app.ClientAsync("rep.huadong.2");
        var customer = await CustomerAsync(rep);
        var created = await rep.PostJsonAsync("/api/v1/contracts", NewContract(customer, 10_000m, Today, Today.AddYears(1), [new { dueDate = Day(Today), amount = 10_000m, milestone = "全款" }]), HttpStatusCode.Created);
        var id = created.Id();

        var logistics = await app.ClientAsync("logistics");
        using (var list = await logistics.Get("/api/v1/contracts"))
        using (var read = await logistics.Get($"/api/v1/contracts/{id}"))
        {
            await list.ProblemAsync(HttpStatusCode.Forbidden);
            await read.ProblemAsync(HttpStatusCode.Forbidden);
        }

        var finance = await app.ClientAsync("finance");
        Assert.Equal(id, (await finance.GetJsonAsync($"/api/v1/contracts/{id}")).Id());
        using (var financeCreates = await finance.Post("/api/v1/contracts", NewContract(customer, 1m, Today, Today)))
        using (var financeSigns = await finance.Post($"/api/v1/contracts/{id}/activate", new { }))
        {
            await financeCreates.ProblemAsync(HttpStatusCode.Forbidden);
            await financeSigns.ProblemAsync(HttpStatusCode.Forbidden);
        }

        var other = await app.ClientAsync("rep.huabei.1");
        using (var read = await other.Get($"/api/v1/contracts/{id}"))
        using (var fulfilment = await other.Get($"/api/v1/contracts/{id}/fulfilment"))
        using (var sign = await other.Post($"/api/v1/contracts/{id}/activate", new { }))
        using (var renew = await other.Post($"/api/v1/contracts/{id}/renew", new { }))
        using (var create = await other.Post("/api/v1/contracts", NewContract(customer, 1m, Today, Today)))
        {
            await read.ProblemAsync(HttpStatusCode.NotFound);
            await fulfilment.ProblemAsync(HttpStatusCode.NotFound);
            await sign.ProblemAsync(HttpStatusCode.NotFound);
            await renew.ProblemAsync(HttpStatusCode.NotFound);
            await create.ProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.Empty((await other.GetJsonAsync($"/api/v1/contracts?q={created.Str("number")}")).Items());
        var manager = await app.ClientAsync("manager.huadong");
        Assert.Equal("Active", (await manager.PostJsonAsync($"/api/v1/contracts/{id}/activate", new { version = created.Number("version") })).Str("status"));
        var otherManager = await app.ClientAsync("manager.huabei");
        using (var terminate = await otherManager.Post($"/api/v1/contracts/{id}/terminate", new { reason = "x" }))
        {
            await terminate.ProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Renewals_due_lists_unrenewed_active_contracts_ending_soon_in_scope_by_end_date()
    {
        var director = await app.ClientAsync("director");
        var all = await director.GetJsonAsync("/api/v1/contracts/renewals-due?pageSize=500");
        var due = all.Items();
        Assert.True(due.Count >= 12, $"{due.Count} due");
        Assert.All(due, c => Assert.True(c.GetProperty("renewalDue").GetBoolean() && c.Str("status") == "Active"));
        Assert.All(due, c => Assert.True(DateOnly.Parse(c.Str("endDate"), CultureInfo.InvariantCulture) <= Today.AddDays(60)));
        var ends = due.Select(c => c.Str("endDate")).ToList();
        Assert.Equal(ends.Order(StringComparer.Ordinal), ends);

        // Keyset paging: two pages of five are the first ten, without repeats.
        var page1 = await director.GetJsonAsync("/api/v1/contracts/renewals-due?pageSize=5");
        var page2 = await director.GetJsonAsync($"/api/v1/contracts/renewals-due?pageSize=5&cursor={page1.Str("nextCursor")}");
        Assert.Equal(due.Take(10).Select(c => c.Id()), page1.Items().Concat(page2.Items()).Select(c => c.Id()));
        Assert.Equal(due.Count, page1.Number("totalCount"));

        // In scope: a region's manager sees only the region's, never another's.
        var east = (await (await app.ClientAsync("manager.huadong")).GetJsonAsync("/api/v1/contracts/renewals-due?pageSize=500")).Items().Select(c => c.Id()).ToHashSet();
        var north = (await (await app.ClientAsync("manager.huabei")).GetJsonAsync("/api/v1/contracts/renewals-due?pageSize=500")).Items().Select(c => c.Id()).ToHashSet();
        Assert.Empty(east.Intersect(north));
        Assert.True(east.Count + north.Count <= due.Count);

        // A contract signed now and ending within the notice is due until it is renewed.
        var rep = await app.ClientAsync("rep.huadong.3");
        var customer = await CustomerAsync(rep);
        var created = await rep.PostJsonAsync("/api/v1/contracts", NewContract(customer, 5_000m, Today.AddDays(-300), Today.AddDays(30), [new { dueDate = Day(Today.AddDays(-290)), amount = 5_000m, milestone = "全款" }]), HttpStatusCode.Created);
        await rep.PostJsonAsync($"/api/v1/contracts/{created.Id()}/activate", new { });
        Assert.Contains(created.Id(), (await rep.GetJsonAsync("/api/v1/contracts/renewals-due?pageSize=500")).Items().Select(c => c.Id()));
        Assert.Contains(created.Id(), (await rep.GetJsonAsync("/api/v1/contracts?renewalsDue=true&pageSize=500")).Items().Select(c => c.Id()));
        await rep.PostJsonAsync($"/api/v1/contracts/{created.Id()}/renew", new { }, HttpStatusCode.Created);
        Assert.DoesNotContain(created.Id(), (await rep.GetJsonAsync("/api/v1/contracts/renewals-due?pageSize=500")).Items().Select(c => c.Id()));

        // Filters: ending before, owner.
        var ending = await director.GetJsonAsync($"/api/v1/contracts?endingBefore={Day(Today)}&status=Expired&pageSize=500");
        Assert.All(ending.Items(), c => Assert.Equal("Expired", c.Str("state")));
    }
}
