using System.Net;
using System.Text.Json;

namespace SalesFlow.Web.Tests.Orders;

/// <summary>Orders, credit holds, invoices, receipts and aging through the real HTTP API (one demo company for the class).</summary>
public sealed class OrderToCashApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private static int _customerNo;

    /// <summary>A fresh customer of the rep (no history), with the credit finance gives it.</summary>
    private async Task<Guid> CustomerAsync(HttpClient rep, decimal creditLimit, int terms = 30)
    {
        var name = $"订单测试客户{Interlocked.Increment(ref _customerNo)}号有限公司{Guid.NewGuid():N}"[..30];
        var created = await rep.PostJsonAsync("/api/v1/customers", new { name, type = "Enterprise" }, HttpStatusCode.Created);
        var finance = await app.ClientAsync("finance");
        await finance.PostJsonAsync($"/api/v1/customers/{created.Id()}/credit", new { creditLimit, paymentTermsDays = terms, version = created.Number("version") });
        return created.Id();
    }

    private static async Task<Dictionary<string, JsonElement>> ProductsAsync(HttpClient client, Guid customerId) =>
        (await client.GetJsonAsync($"/api/v1/orders/priced-products?customerId={customerId}")).EnumerateArray().ToDictionary(p => p.Str("sku"));

    private static async Task<JsonElement> OrderAsync(HttpClient rep, Guid customerId, params object[] lines) =>
        await rep.PostJsonAsync("/api/v1/orders", new { customerId, lines, requestedDeliveryDate = "2027-01-15" }, HttpStatusCode.Created);

    [Fact]
    public async Task Creating_an_order_is_idempotent_prices_bulk_lines_and_refuses_bad_quantities_and_discounts()
    {
        var rep = await app.ClientAsync("rep.huadong.1");
        var customer = await CustomerAsync(rep, 10_000_000m);
        var products = await ProductsAsync(rep, customer);
        var rebar = products["BM-RBR-HRB400"];
        var body = new
        {
            customerId = customer,
            lines = new object[]
            {
                new { productId = rebar.Id(), quantity = 12.345m },
                new { productId = rebar.Id(), quantity = 500m, unit = "kg", discountPercent = 2m },
            },
            requestedDeliveryDate = "2027-01-15",
        };

        using var first = await rep.Send(HttpMethod.Post, "/api/v1/orders", JsonSerializer.Serialize(body, JsonOptions), r => r.Headers.Add("Idempotency-Key", "order-key-1"));
        var created = await first.JsonAsync(HttpStatusCode.Created);
        using var again = await rep.Send(HttpMethod.Post, "/api/v1/orders", JsonSerializer.Serialize(body, JsonOptions), r => r.Headers.Add("Idempotency-Key", "order-key-1"));
        var repeated = await again.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(created.GetRawText(), repeated.GetRawText());
        Assert.Single((await rep.GetJsonAsync($"/api/v1/orders?customerId={customer}")).Items());

        var other = JsonSerializer.Serialize(body with { requestedDeliveryDate = "2027-02-01" }, JsonOptions);
        using var otherBody = await rep.Send(HttpMethod.Post, "/api/v1/orders", other, r => r.Headers.Add("Idempotency-Key", "order-key-1"));
        await otherBody.ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Matches(@"^SO-\d{4}-\d{6}$", created.Str("number"));
        Assert.Equal(("Draft", "CNY", JsonValueKind.Null), (created.Str("status"), created.Str("currency"), created.GetProperty("dealerId").ValueKind));
        var lines = created.GetProperty("lines").EnumerateArray().ToList();
        var price = rebar.GetProperty("unitPrice").GetDecimal();
        var net1 = decimal.Round(12.345m * price, 2, MidpointRounding.AwayFromZero);
        var net2 = decimal.Round(0.5m * price * 0.98m, 2, MidpointRounding.AwayFromZero);
        var gross = net1 + decimal.Round(net1 * 0.13m, 2, MidpointRounding.AwayFromZero) + net2 + decimal.Round(net2 * 0.13m, 2, MidpointRounding.AwayFromZero);
        Assert.Equal((0.5m, "t", net2), (lines[1].GetProperty("baseQuantity").GetDecimal(), lines[1].Str("baseUnit"), lines[1].GetProperty("netAmount").GetDecimal()));
        Assert.Equal(gross, created.GetProperty("total").GetDecimal());

        var compressor = products["EQ-AC-0037"];
        using var half = await rep.Post("/api/v1/orders", new { customerId = customer, lines = new[] { new { productId = compressor.Id(), quantity = 1.5m } } });
        await half.ProblemAsync(HttpStatusCode.UnprocessableEntity, "order.quantityDecimals");
        using var unit = await rep.Post("/api/v1/orders", new { customerId = customer, lines = new[] { new { productId = compressor.Id(), quantity = 1m, unit = "吨" } } });
        await unit.ProblemAsync(HttpStatusCode.UnprocessableEntity, "order.unitNotSold");
        using var discount = await rep.Post("/api/v1/orders", new { customerId = customer, lines = new[] { new { productId = compressor.Id(), quantity = 1m, discountPercent = 25m } } });
        await discount.ProblemAsync(HttpStatusCode.UnprocessableEntity, "order.discountTooHigh");
        using var unknown = await rep.Post("/api/v1/orders", new { customerId = customer, lines = new[] { new { productId = Guid.NewGuid(), quantity = 1m } } });
        await unknown.ProblemAsync(HttpStatusCode.UnprocessableEntity, "order.productNotFound");
    }

    [Fact]
    public async Task A_draft_is_edited_at_its_version_submitted_and_then_never_edited_again_and_other_regions_see_nothing()
    {
        var rep = await app.ClientAsync("rep.huadong.2");
        var customer = await CustomerAsync(rep, 10_000_000m);
        var products = await ProductsAsync(rep, customer);
        var created = await OrderAsync(rep, customer, new { productId = products["CS-FLT-AIR1"].Id(), quantity = 2m, unit = "箱" });
        var id = created.Id();
        Assert.Equal(24m, created.GetProperty("lines")[0].GetProperty("baseQuantity").GetDecimal());

        var edited = JsonSerializer.Deserialize<Dictionary<string, object?>>(created.GetRawText())!;
        edited["lines"] = new[] { new { productId = products["CS-FLT-AIR1"].Id(), quantity = 3m } };
        var updated = await rep.PutJsonAsync($"/api/v1/orders/{id}", edited);
        Assert.Equal((3m, created.Number("version") + 1), (updated.GetProperty("lines")[0].GetProperty("baseQuantity").GetDecimal(), updated.Number("version")));
        using var stale = await rep.Put($"/api/v1/orders/{id}", edited);
        Assert.Equal(updated.Number("version"), (await stale.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion")).GetProperty("current").Number("version"));
        edited["version"] = updated.Number("version");
        edited["status"] = "Confirmed";
        using var statusChange = await rep.Put($"/api/v1/orders/{id}", edited);
        Assert.Contains("status", (await statusChange.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        var other = await app.ClientAsync("rep.huabei.1");
        using (var read = await other.Get($"/api/v1/orders/{id}"))
        using (var submitOther = await other.Post($"/api/v1/orders/{id}/submit", null))
        using (var cancelOther = await other.Post($"/api/v1/orders/{id}/cancel", new { reason = "x" }))
        {
            await read.ProblemAsync(HttpStatusCode.NotFound);
            await submitOther.ProblemAsync(HttpStatusCode.NotFound);
            await cancelOther.ProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.Empty((await other.GetJsonAsync($"/api/v1/orders?q={created.Str("number")}")).Items());
        Assert.Single((await rep.GetJsonAsync($"/api/v1/orders?q={created.Str("number")}&status=Draft")).Items());

        var logistics = await app.ClientAsync("logistics");
        using (var notAllowed = await logistics.Post("/api/v1/orders", new { customerId = customer, lines = new[] { new { productId = products["CS-FLT-AIR1"].Id(), quantity = 1m } } }))
        {
            await notAllowed.ProblemAsync(HttpStatusCode.Forbidden);
        }

        var submitted = await rep.PostJsonAsync($"/api/v1/orders/{id}/submit", new { });
        Assert.Equal("Confirmed", submitted.Str("status"));
        edited["version"] = submitted.Number("version");
        edited.Remove("status");
        using var afterSubmit = await rep.Put($"/api/v1/orders/{id}", edited);
        await afterSubmit.ProblemAsync(HttpStatusCode.Conflict, "order.notDraft");
        using var resubmit = await rep.Post($"/api/v1/orders/{id}/submit", null);
        await resubmit.ProblemAsync(HttpStatusCode.Conflict, "order.notDraft");

        // Deliveries: partial, never more than ordered, then the rest; a delivered order is not cancelled.
        var lineId = submitted.GetProperty("lines")[0].Id();
        using (var repFulfil = await rep.Post($"/api/v1/orders/{id}/fulfil", new { lines = new[] { new { lineId, quantity = 1m } } }))
        {
            await repFulfil.ProblemAsync(HttpStatusCode.Forbidden);
        }

        var part = await logistics.PostJsonAsync($"/api/v1/orders/{id}/fulfil", new { lines = new[] { new { lineId, quantity = 1m } } });
        Assert.Equal("PartiallyFulfilled", part.Str("status"));
        using (var over = await logistics.Post($"/api/v1/orders/{id}/fulfil", new { lines = new[] { new { lineId, quantity = 3m } } }))
        {
            await over.ProblemAsync(HttpStatusCode.UnprocessableEntity, "order.overDelivered");
        }

        var all = await logistics.PostJsonAsync($"/api/v1/orders/{id}/fulfil", new { lines = new[] { new { lineId, quantity = 2m } } });
        Assert.Equal(("Fulfilled", 3m), (all.Str("status"), all.GetProperty("lines")[0].GetProperty("deliveredQuantity").GetDecimal()));
        using var cancel = await rep.Post($"/api/v1/orders/{id}/cancel", new { reason = "客户取消" });
        await cancel.ProblemAsync(HttpStatusCode.Conflict, "order.cannotCancel");
    }

    [Fact]
    public async Task An_order_over_the_limit_is_held_until_finance_releases_it_with_a_reason()
    {
        var rep = await app.ClientAsync("rep.huadong.3");
        var customer = await CustomerAsync(rep, 50_000m);
        var products = await ProductsAsync(rep, customer);
        var created = await OrderAsync(rep, customer, new { productId = products["EQ-AC-0037"].Id(), quantity = 1m });
        var read = await rep.GetJsonAsync($"/api/v1/orders/{created.Id()}");
        Assert.Equal((50_000m, 0m, 50_000m), (read.GetProperty("credit").GetProperty("limit").GetDecimal(), read.GetProperty("credit").GetProperty("exposure").GetDecimal(), read.GetProperty("credit").GetProperty("available").GetDecimal()));

        var held = await rep.PostJsonAsync($"/api/v1/orders/{created.Id()}/submit", new { });
        Assert.Equal(("OnCreditHold", "credit.limitExceeded"), (held.Str("status"), held.Str("holdReason")));
        Assert.Equal(held.GetProperty("total").GetDecimal(), held.GetProperty("credit").GetProperty("exposure").GetDecimal());

        using (var confirm = await rep.Post($"/api/v1/orders/{created.Id()}/confirm", null))
        using (var resubmit = await rep.Post($"/api/v1/orders/{created.Id()}/submit", null))
        using (var repRelease = await rep.Post($"/api/v1/orders/{created.Id()}/release-hold", new { reason = "我说可以" }))
        {
            await confirm.ProblemAsync(HttpStatusCode.Conflict, "order.onCreditHold");
            await resubmit.ProblemAsync(HttpStatusCode.Conflict, "order.notDraft");
            await repRelease.ProblemAsync(HttpStatusCode.Forbidden);
        }

        var finance = await app.ClientAsync("finance");
        using (var noReason = await finance.Post($"/api/v1/orders/{created.Id()}/release-hold", new { }))
        {
            Assert.Contains("reason", (await noReason.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        }

        using (var staleRelease = await finance.Post($"/api/v1/orders/{created.Id()}/release-hold", new { reason = "预付款已到账", version = created.Number("version") }))
        {
            await staleRelease.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion");
        }

        var released = await finance.PostJsonAsync($"/api/v1/orders/{created.Id()}/release-hold", new { reason = "预付款已到账", version = held.Number("version") });
        Assert.Equal(("Confirmed", "预付款已到账"), (released.Str("status"), released.Str("releaseReason")));
        using var again = await finance.Post($"/api/v1/orders/{created.Id()}/release-hold", new { reason = "再次" });
        await again.ProblemAsync(HttpStatusCode.Conflict, "order.notOnHold");

        // A limit of 0 is no credit at all: every order is held.
        var cashOnly = await CustomerAsync(rep, 0m);
        var small = await OrderAsync(rep, cashOnly, new { productId = products["CS-FLT-AIR1"].Id(), quantity = 1m });
        Assert.Equal("OnCreditHold", (await rep.PostJsonAsync($"/api/v1/orders/{small.Id()}/submit", new { })).Str("status"));

        // Beyond the rep's discount authority: the order waits for approval.
        var rich = await CustomerAsync(rep, 10_000_000m);
        var discounted = await OrderAsync(rep, rich, new { productId = products["CS-FLT-AIR1"].Id(), quantity = 1m, discountPercent = 8m });
        Assert.Equal("PendingApproval", (await rep.PostJsonAsync($"/api/v1/orders/{discounted.Id()}/submit", new { })).Str("status"));
        using var confirmPending = await rep.Post($"/api/v1/orders/{discounted.Id()}/confirm", null);
        await confirmPending.ProblemAsync(HttpStatusCode.Conflict, "order.awaitingApproval");

        // The regional manager approves through the approvals engine; the order goes on to the credit check.
        var manager = await app.ClientAsync("manager.huadong");
        var request = (await manager.GetJsonAsync($"/api/v1/approvals?subjectId={discounted.Id()}")).Items().Single();
        Assert.Equal(("Order", "RegionalManager"), (request.Str("subjectKind"), request.Str("requiredRole")));
        await manager.PostJsonAsync($"/api/v1/approvals/{request.Id()}/approve", new { comment = "大客户，同意" });
        Assert.Equal("Confirmed", (await rep.GetJsonAsync($"/api/v1/orders/{discounted.Id()}")).Str("status"));
    }

    [Fact]
    public async Task A_customer_with_invoices_overdue_beyond_the_grace_days_gets_its_orders_held()
    {
        var finance = await app.ClientAsync("finance");
        var overdue = (await finance.GetJsonAsync("/api/v1/invoices?overdue=true&sort=dueDate&pageSize=1")).Items()[0];
        Assert.True(DateOnly.Parse(overdue.Str("dueDate"), System.Globalization.CultureInfo.InvariantCulture) < DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-31)));
        var customerId = overdue.Id("customerId");
        var customer = await finance.GetJsonAsync($"/api/v1/customers/{customerId}");
        await finance.PostJsonAsync($"/api/v1/customers/{customerId}/credit", new { creditLimit = 900_000_000m, paymentTermsDays = 30, version = customer.Number("version") });

        var director = await app.ClientAsync("director");
        var products = await ProductsAsync(director, customerId);
        var created = await OrderAsync(director, customerId, new { productId = products["CS-FLT-AIR1"].Id(), quantity = 1m });
        var held = await director.PostJsonAsync($"/api/v1/orders/{created.Id()}/submit", new { });
        Assert.Equal(("OnCreditHold", "credit.overdueInvoices"), (held.Str("status"), held.Str("holdReason")));
        Assert.True(held.GetProperty("credit").GetProperty("overdueAmount").GetDecimal() > 0);
    }

    [Fact]
    public async Task Finance_invoices_an_order_records_a_receipt_and_the_aging_and_collection_follow()
    {
        var rep = await app.ClientAsync("rep.huadong.4");
        var customer = await CustomerAsync(rep, 10_000_000m, terms: 45);
        var products = await ProductsAsync(rep, customer);
        var created = await OrderAsync(rep, customer, new { productId = products["BM-RBR-HRB400"].Id(), quantity = 10.5m }, new { productId = products["SV-INS-0001"].Id(), quantity = 1m });
        var order = await rep.PostJsonAsync($"/api/v1/orders/{created.Id()}/submit", new { });
        var finance = await app.ClientAsync("finance");

        using (var repInvoice = await rep.Post("/api/v1/invoices", new { orderId = order.Id() }))
        {
            await repInvoice.ProblemAsync(HttpStatusCode.Forbidden);
        }

        var steel = order.GetProperty("lines")[0].Id();
        using (var tooMuch = await finance.Post("/api/v1/invoices", new { orderId = order.Id(), lines = new[] { new { orderLineId = steel, quantity = 11m } } }))
        {
            await tooMuch.ProblemAsync(HttpStatusCode.UnprocessableEntity, "invoice.overInvoiced");
        }

        var invoice = await finance.PostJsonAsync("/api/v1/invoices", new { orderId = order.Id() }, HttpStatusCode.Created);
        Assert.Matches(@"^INV-\d{4}-\d{6}$", invoice.Str("number"));
        Assert.Equal((order.GetProperty("total").GetDecimal(), "Open", 2), (invoice.GetProperty("total").GetDecimal(), invoice.Str("status"), invoice.GetProperty("lines").GetArrayLength()));
        var issue = DateOnly.Parse(invoice.Str("issueDate"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(issue.AddDays(45).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), invoice.Str("dueDate"));
        using (var twice = await finance.Post("/api/v1/invoices", new { orderId = order.Id() }))
        {
            await twice.ProblemAsync(HttpStatusCode.UnprocessableEntity, "invoice.nothingToInvoice");
        }

        var total = invoice.GetProperty("total").GetDecimal();
        var aging = await finance.GetJsonAsync("/api/v1/reports/aging?by=customer");
        var row = aging.GetProperty("rows").EnumerateArray().Single(r => r.Id("key") == customer);
        Assert.Equal((total, total), (row.GetProperty("notDue").GetDecimal(), row.GetProperty("total").GetDecimal()));

        // Over-allocation is refused and saves nothing; the unapplied rest stays as the customer's credit.
        using (var over = await finance.Post("/api/v1/receipts", new
        {
            customerId = customer,
            amount = total + 1_000m,
            receivedOn = issue.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            method = "BankTransfer",
            reference = "BK-1",
            allocations = new[] { new { invoiceId = invoice.Id(), amount = total + 1m } },
        }))
        {
            await over.ProblemAsync(HttpStatusCode.UnprocessableEntity, "receipt.overAllocated");
        }

        var part = decimal.Round(total * 0.4m, 2);
        var receipt = await finance.PostJsonAsync("/api/v1/receipts", new
        {
            customerId = customer,
            amount = total + 1_000m,
            receivedOn = issue.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            method = "BankTransfer",
            reference = "BK-2",
            allocations = new[] { new { invoiceId = invoice.Id(), amount = part } },
        }, HttpStatusCode.Created);
        Assert.Equal((part, total + 1_000m - part), (receipt.GetProperty("allocatedAmount").GetDecimal(), receipt.GetProperty("unapplied").GetDecimal()));
        var partly = await finance.GetJsonAsync($"/api/v1/invoices/{invoice.Id()}");
        Assert.Equal(("PartiallyPaid", total - part), (partly.Str("status"), partly.GetProperty("outstanding").GetDecimal()));
        row = (await finance.GetJsonAsync("/api/v1/reports/aging?by=customer")).GetProperty("rows").EnumerateArray().Single(r => r.Id("key") == customer);
        Assert.Equal(total - part, row.GetProperty("notDue").GetDecimal());

        using (var beyondInvoice = await finance.Post($"/api/v1/receipts/{receipt.Id()}/allocate", new { allocations = new[] { new { invoiceId = invoice.Id(), amount = total - part + 1m } } }))
        {
            await beyondInvoice.ProblemAsync(HttpStatusCode.UnprocessableEntity, "receipt.overAllocated");
        }

        using (var beyondReceipt = await finance.Post($"/api/v1/receipts/{receipt.Id()}/allocate", new { allocations = new[] { new { invoiceId = invoice.Id(), amount = total } } }))
        {
            await beyondReceipt.ProblemAsync(HttpStatusCode.UnprocessableEntity, "receipt.exceedsReceipt");
        }

        using (var repAllocate = await rep.Post($"/api/v1/receipts/{receipt.Id()}/allocate", new { allocations = new[] { new { invoiceId = invoice.Id(), amount = 1m } } }))
        {
            await repAllocate.ProblemAsync(HttpStatusCode.Forbidden);
        }

        var allocated = await finance.PostJsonAsync($"/api/v1/receipts/{receipt.Id()}/allocate", new { allocations = new[] { new { invoiceId = invoice.Id(), amount = total - part } } });
        Assert.Equal(1_000m, allocated.GetProperty("unapplied").GetDecimal());
        Assert.Equal("Paid", (await finance.GetJsonAsync($"/api/v1/invoices/{invoice.Id()}")).Str("status"));
        Assert.DoesNotContain((await finance.GetJsonAsync("/api/v1/reports/aging?by=customer")).GetProperty("rows").EnumerateArray(), r => r.Id("key") == customer);

        // The rep sees its own customer's invoice and receipt; another region's rep does not.
        Assert.Equal("Paid", (await rep.GetJsonAsync($"/api/v1/invoices/{invoice.Id()}")).Str("status"));
        var other = await app.ClientAsync("rep.huabei.1");
        using (var hidden = await other.Get($"/api/v1/invoices/{invoice.Id()}"))
        using (var hiddenReceipt = await other.Get($"/api/v1/receipts/{receipt.Id()}"))
        {
            await hidden.ProblemAsync(HttpStatusCode.NotFound);
            await hiddenReceipt.ProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.Contains((await finance.GetJsonAsync($"/api/v1/receipts?customerId={customer}")).Items(), r => r.Id() == receipt.Id());
        var collection = await finance.GetJsonAsync("/api/v1/reports/collection?period=2026&by=region");
        Assert.True(collection.GetProperty("totals").GetProperty("due").GetDecimal() > 0);
        using var badPeriod = await finance.Get("/api/v1/reports/collection?period=2026-Q5");
        Assert.Contains("period", (await badPeriod.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Finance_cancels_an_unpaid_invoice_with_a_reason_and_the_order_can_be_invoiced_again()
    {
        var rep = await app.ClientAsync("rep.huadong.5");
        var customer = await CustomerAsync(rep, 10_000_000m);
        var products = await ProductsAsync(rep, customer);
        var created = await OrderAsync(rep, customer, new { productId = products["CS-FLT-AIR1"].Id(), quantity = 3m });
        var order = await rep.PostJsonAsync($"/api/v1/orders/{created.Id()}/submit", new { });
        var finance = await app.ClientAsync("finance");
        var invoice = await finance.PostJsonAsync("/api/v1/invoices", new { orderId = order.Id() }, HttpStatusCode.Created);

        using (var byRep = await rep.Post($"/api/v1/invoices/{invoice.Id()}/cancel", new { reason = "开错了" }))
        using (var noReason = await finance.Post($"/api/v1/invoices/{invoice.Id()}/cancel", new { }))
        using (var stale = await finance.Post($"/api/v1/invoices/{invoice.Id()}/cancel", new { reason = "开错了", version = invoice.Number("version") + 1 }))
        using (var otherRegion = await (await app.ClientAsync("rep.huabei.1")).Post($"/api/v1/invoices/{invoice.Id()}/cancel", new { reason = "x" }))
        {
            await byRep.ProblemAsync(HttpStatusCode.Forbidden);
            Assert.Contains("reason", (await noReason.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
            await stale.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion");
            await otherRegion.ProblemAsync(HttpStatusCode.Forbidden);
        }

        var cancelled = await finance.PostJsonAsync($"/api/v1/invoices/{invoice.Id()}/cancel", new { reason = "发票抬头开错", version = invoice.Number("version") });
        Assert.Equal(("Cancelled", "发票抬头开错", 0m), (cancelled.Str("status"), cancelled.Str("cancelReason"), cancelled.GetProperty("outstanding").GetDecimal()));
        Assert.Equal(0m, (await rep.GetJsonAsync($"/api/v1/orders/{order.Id()}")).GetProperty("invoicedAmount").GetDecimal());
        var again = await finance.PostJsonAsync("/api/v1/invoices", new { orderId = order.Id() }, HttpStatusCode.Created);
        Assert.Equal(invoice.GetProperty("total").GetDecimal(), again.GetProperty("total").GetDecimal());
        var history = await finance.GetJsonAsync($"/api/v1/audit?entity=Invoice&id={invoice.Id()}");
        Assert.Contains(history.Items(), e => e.Str("field") == "Status" && e.Str("newValue") == "Cancelled");
    }

    [Fact]
    public async Task Notifications_are_each_users_own_and_only_an_admin_or_director_runs_the_reminders_now()
    {
        var rep = await app.ClientAsync("rep.huadong.6");
        using (var repRun = await rep.Post("/api/v1/jobs/reminders/run", null))
        {
            await repRun.ProblemAsync(HttpStatusCode.Forbidden);
        }

        var director = await app.ClientAsync("director");
        var run = await director.PostJsonAsync("/api/v1/jobs/reminders/run", new { });
        Assert.True(run.GetProperty("ran").GetBoolean());
        Assert.True(run.GetProperty("sent").GetProperty("overdue-invoices").GetInt32() >= 0);
        Assert.True(run.GetProperty("sent").GetProperty("contract-renewals").GetInt32() > 0, "the demo has contracts due for renewal");

        // A second run the same day sends nothing again.
        var again = await director.PostJsonAsync("/api/v1/jobs/reminders/run", new { });
        Assert.Equal((0, 0), (again.GetProperty("sent").GetProperty("overdue-invoices").GetInt32(), again.GetProperty("sent").GetProperty("contract-renewals").GetInt32()));

        var unread = (await rep.GetJsonAsync("/api/v1/notifications/unread-count")).GetProperty("count").GetInt32();
        var list = await rep.GetJsonAsync("/api/v1/notifications?unread=true");
        Assert.Equal(unread, list.GetProperty("totalCount").GetInt32());
        using (var readAll = await rep.Post("/api/v1/notifications/read-all", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, readAll.StatusCode);
        }

        Assert.Equal(0, (await rep.GetJsonAsync("/api/v1/notifications/unread-count")).GetProperty("count").GetInt32());
        using var missing = await rep.Post($"/api/v1/notifications/{Guid.NewGuid()}/read", null);
        await missing.ProblemAsync(HttpStatusCode.NotFound);
        using var anonymous = await app.Anonymous().GetAsync("/api/v1/notifications");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
