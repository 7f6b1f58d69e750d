using System.Net;
using System.Text.Json;

namespace SalesFlow.Web.Tests.Deliveries;

/// <summary>Deliveries, their exceptions, freight rates and invoicing a delivery through the real HTTP API (one demo company for the class).</summary>
public sealed class DeliveryApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static int _customerNo;

    /// <summary>A confirmed order of a fresh customer of the rep: 3 air filters (1.8 kg, 0.012 m³ each) and 2 compressors (880 kg, 2.1 m³ each).</summary>
    private async Task<JsonElement> ConfirmedOrderAsync(string repName = "rep.huadong.1")
    {
        var rep = await app.ClientAsync(repName);
        var name = $"发货测试客户{Interlocked.Increment(ref _customerNo)}号有限公司{Guid.NewGuid():N}"[..30];
        var customer = await rep.PostJsonAsync("/api/v1/customers", new { name, type = "Enterprise" }, HttpStatusCode.Created);
        var finance = await app.ClientAsync("finance");
        await finance.PostJsonAsync($"/api/v1/customers/{customer.Id()}/credit", new { creditLimit = 10_000_000m, paymentTermsDays = 30, version = customer.Number("version") });
        var products = (await rep.GetJsonAsync($"/api/v1/orders/priced-products?customerId={customer.Id()}")).EnumerateArray().ToDictionary(p => p.Str("sku"));
        var order = await rep.PostJsonAsync(
            "/api/v1/orders",
            new
            {
                customerId = customer.Id(),
                lines = new object[] { new { productId = products["CS-FLT-AIR1"].Id(), quantity = 3m }, new { productId = products["EQ-AC-0037"].Id(), quantity = 2m } },
            },
            HttpStatusCode.Created);
        var confirmed = await rep.PostJsonAsync($"/api/v1/orders/{order.Id()}/submit", new { });
        Assert.Equal("Confirmed", confirmed.Str("status"));
        return confirmed;
    }

    private static object Plan(JsonElement order, decimal filters, decimal compressors, string method = "FreightCarrier", string? key = null) => new
    {
        orderId = order.Id(),
        method,
        carrier = "德邦",
        shipToProvince = "浙江",
        shipToAddress = "杭州市余杭区文一西路 1 号",
        plannedShipDate = "2026-11-30",
        plannedDeliveryDate = "2026-12-03",
        lines = new[] { filters, compressors }.Select((quantity, i) => (quantity, i)).Where(l => l.quantity > 0)
            .Select(l => new { orderLineId = order.GetProperty("lines")[l.i].Id(), l.quantity }).ToArray(),
        note = key,
    };

    [Fact]
    public async Task Shipping_a_partial_delivery_makes_the_order_partly_fulfilled_and_the_second_fulfils_it()
    {
        var order = await ConfirmedOrderAsync();
        var logistics = await app.ClientAsync("logistics");
        var rep = await app.ClientAsync("rep.huadong.1");

        // Creating is idempotent; a repeated key with another body is refused.
        var body = JsonSerializer.Serialize(Plan(order, 3m, 1m), Json);
        using var first = await logistics.Send(HttpMethod.Post, "/api/v1/deliveries", body, r => r.Headers.Add("Idempotency-Key", $"dl-{order.Id()}"));
        var created = await first.JsonAsync(HttpStatusCode.Created);
        using var again = await logistics.Send(HttpMethod.Post, "/api/v1/deliveries", body, r => r.Headers.Add("Idempotency-Key", $"dl-{order.Id()}"));
        Assert.Equal(created.GetRawText(), (await again.JsonAsync(HttpStatusCode.Created)).GetRawText());
        using (var other = await logistics.Send(HttpMethod.Post, "/api/v1/deliveries", JsonSerializer.Serialize(Plan(order, 1m, 1m), Json), r => r.Headers.Add("Idempotency-Key", $"dl-{order.Id()}")))
        {
            await other.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        }

        Assert.Matches(@"^DL-\d{4}-\d{6}$", created.Str("number"));
        Assert.Equal(("Planned", "华东", "浙江"), (created.Str("status"), created.Str("zone"), created.Str("shipToProvince")));
        Assert.Single(created.GetProperty("events").EnumerateArray());
        // 3 × 1.8 + 880 = 885.4 kg; 3 × 0.012 + 2.1 = 2.136 m³. Demo 华东 freight carrier: weight 1.20 + 885 × 0.35 = 310.95; volume 25 + 21 × 16 = 361 → 361.00.
        Assert.Equal((885.4m, 2.136m, 361.00m), (created.GetProperty("totalWeightKg").GetDecimal(), created.GetProperty("totalVolumeM3").GetDecimal(), created.GetProperty("freight").GetDecimal()));
        var quote = await rep.PostJsonAsync("/api/v1/deliveries/freight-quote", new
        {
            method = "FreightCarrier",
            zone = "华东",
            date = "2026-11-30",
            lines = new[] { new { productId = order.GetProperty("lines")[0].GetProperty("productId").GetGuid(), quantity = 3m }, new { productId = order.GetProperty("lines")[1].GetProperty("productId").GetGuid(), quantity = 1m } },
        });
        Assert.Equal(created.GetProperty("freight").GetDecimal(), quote.GetProperty("amount").GetDecimal());

        // The rest of the order is 1 compressor: planning 2 more is refused while the first delivery holds one.
        using (var over = await logistics.Post("/api/v1/deliveries", Plan(order, 0m, 2m)))
        {
            var problem = await over.ProblemAsync(HttpStatusCode.UnprocessableEntity, "delivery.exceedsRemaining");
            Assert.Equal(1m, problem.GetProperty("remaining").GetDecimal());
        }

        // Roles and scope: a rep cannot plan or ship; a rep of another region does not see it; the order's rep does.
        using (var repPlan = await rep.Post("/api/v1/deliveries", Plan(order, 0m, 1m)))
        using (var repShip = await rep.Post($"/api/v1/deliveries/{created.Id()}/ship", null))
        {
            await repPlan.ProblemAsync(HttpStatusCode.Forbidden);
            await repShip.ProblemAsync(HttpStatusCode.Forbidden);
        }

        var north = await app.ClientAsync("rep.huabei.1");
        using (var hidden = await north.Get($"/api/v1/deliveries/{created.Id()}"))
        {
            await hidden.ProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.Empty((await north.GetJsonAsync($"/api/v1/deliveries?orderId={order.Id()}")).Items());
        Assert.Single((await rep.GetJsonAsync($"/api/v1/deliveries?orderId={order.Id()}")).Items());

        // Edit while planned, at the current version; a stale version is 409 with the current record; status is not edited.
        var edited = JsonSerializer.Deserialize<Dictionary<string, object?>>(created.GetRawText())!;
        edited["carrier"] = "安能";
        edited["trackingNumber"] = "AN1234567890";
        edited["method"] = "Express";
        var updated = await logistics.PutJsonAsync($"/api/v1/deliveries/{created.Id()}", edited);
        Assert.Equal(("安能", "Express", created.Number("version") + 1), (updated.Str("carrier"), updated.Str("method"), updated.Number("version")));
        Assert.NotEqual(created.GetProperty("freight").GetDecimal(), updated.GetProperty("freight").GetDecimal());
        using (var stale = await logistics.Put($"/api/v1/deliveries/{created.Id()}", edited))
        {
            Assert.Equal(updated.Number("version"), (await stale.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion")).GetProperty("current").Number("version"));
        }

        edited["version"] = updated.Number("version");
        edited["status"] = "Shipped";
        using (var status = await logistics.Put($"/api/v1/deliveries/{created.Id()}", edited))
        {
            Assert.Contains("status", (await status.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        }

        // Ship: the order's lines get their delivered quantities in the same transaction.
        using (var staleShip = await logistics.Post($"/api/v1/deliveries/{created.Id()}/ship", new { version = created.Number("version") }))
        {
            await staleShip.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion");
        }

        var shipped = await logistics.PostJsonAsync($"/api/v1/deliveries/{created.Id()}/ship", new { version = updated.Number("version"), location = "上海仓" });
        Assert.Equal(("Shipped", "AN1234567890"), (shipped.Str("status"), shipped.Str("trackingNumber")));
        var afterFirst = await rep.GetJsonAsync($"/api/v1/orders/{order.Id()}");
        Assert.Equal(("PartiallyFulfilled", 3m, 1m), (afterFirst.Str("status"), afterFirst.GetProperty("lines")[0].GetProperty("deliveredQuantity").GetDecimal(), afterFirst.GetProperty("lines")[1].GetProperty("deliveredQuantity").GetDecimal()));
        using (var editShipped = await logistics.Put($"/api/v1/deliveries/{created.Id()}", new Dictionary<string, object?>(edited) { ["status"] = null, ["version"] = shipped.Number("version") }))
        using (var cancelShipped = await logistics.Post($"/api/v1/deliveries/{created.Id()}/cancel", new { reason = "客户取消" }))
        using (var shipAgain = await logistics.Post($"/api/v1/deliveries/{created.Id()}/ship", null))
        {
            await editShipped.ProblemAsync(HttpStatusCode.Conflict, "delivery.notPlanned");
            await cancelShipped.ProblemAsync(HttpStatusCode.Conflict, "delivery.cannotCancel");
            await shipAgain.ProblemAsync(HttpStatusCode.Conflict, "delivery.notPlanned");
        }

        // Tracking events and delivery with the actual date; a delivery date is required and never before the ship date.
        var tracked = await logistics.PostJsonAsync($"/api/v1/deliveries/{created.Id()}/events", new { location = "杭州转运中心", note = "到达" });
        Assert.Equal(3, tracked.GetProperty("events").GetArrayLength());
        using (var noDate = await logistics.Post($"/api/v1/deliveries/{created.Id()}/deliver", new { }))
        using (var early = await logistics.Post($"/api/v1/deliveries/{created.Id()}/deliver", new { actualDeliveryDate = "2020-01-01" }))
        using (var repEvent = await rep.Post($"/api/v1/deliveries/{created.Id()}/events", new { note = "x" }))
        {
            Assert.Contains("actualDeliveryDate", (await noDate.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
            await early.ProblemAsync(HttpStatusCode.UnprocessableEntity, "delivery.deliveredBeforeShipped");
            await repEvent.ProblemAsync(HttpStatusCode.Forbidden);
        }

        var today = shipped.GetProperty("actualShipDate").GetString();
        var delivered = await logistics.PostJsonAsync($"/api/v1/deliveries/{created.Id()}/deliver", new { actualDeliveryDate = today, note = "客户签收" });
        Assert.Equal(("Delivered", today), (delivered.Str("status"), delivered.Str("actualDeliveryDate")));
        Assert.Equal(["Planned", "Shipped", "Shipped", "Delivered"], delivered.GetProperty("events").EnumerateArray().Select(e => e.Str("status")).ToArray());

        // A second delivery for the rest; a cancelled third never ships; the order is fulfilled.
        var rest = await logistics.PostJsonAsync("/api/v1/deliveries", Plan(order, 0m, 1m, "OwnTruck"), HttpStatusCode.Created);
        using (var nothingLeft = await logistics.Post("/api/v1/deliveries", Plan(order, 0m, 1m)))
        {
            await nothingLeft.ProblemAsync(HttpStatusCode.UnprocessableEntity, "delivery.exceedsRemaining");
        }

        using (var noReason = await logistics.Post($"/api/v1/deliveries/{rest.Id()}/cancel", new { }))
        {
            Assert.Contains("reason", (await noReason.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        }

        await logistics.PostJsonAsync($"/api/v1/deliveries/{rest.Id()}/cancel", new { reason = "改用客户自提" });
        var pickup = await logistics.PostJsonAsync("/api/v1/deliveries", Plan(order, 0m, 1m, "CustomerPickup"), HttpStatusCode.Created);
        Assert.Equal(0m, pickup.GetProperty("freight").GetDecimal());
        await logistics.PostJsonAsync($"/api/v1/deliveries/{pickup.Id()}/ship", new { });
        Assert.Equal("Fulfilled", (await rep.GetJsonAsync($"/api/v1/orders/{order.Id()}")).Str("status"));

        var listed = (await logistics.GetJsonAsync($"/api/v1/deliveries?orderId={order.Id()}&status=Cancelled")).Items();
        Assert.Equal(rest.Id(), Assert.Single(listed).Id());
        Assert.Single((await logistics.GetJsonAsync($"/api/v1/deliveries?orderId={order.Id()}&carrier=安能")).Items());
        Assert.Equal(3, (await logistics.GetJsonAsync($"/api/v1/deliveries?orderId={order.Id()}&from=2026-11-30&to=2026-11-30")).GetProperty("totalCount").GetInt32());
        Assert.Equal(0, (await logistics.GetJsonAsync($"/api/v1/deliveries?orderId={order.Id()}&from=2026-12-31")).GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Planning_needs_a_confirmed_order_a_known_zone_and_a_rate()
    {
        var logistics = await app.ClientAsync("logistics");
        var order = await ConfirmedOrderAsync("rep.huadong.2");
        using (var zone = await logistics.Post("/api/v1/deliveries", new Dictionary<string, object?>(ToDictionary(Plan(order, 1m, 0m))) { ["shipToProvince"] = null, ["zone"] = "火星" }))
        using (var province = await logistics.Post("/api/v1/deliveries", new Dictionary<string, object?>(ToDictionary(Plan(order, 1m, 0m))) { ["shipToProvince"] = "台北" }))
        using (var noLines = await logistics.Post("/api/v1/deliveries", new Dictionary<string, object?>(ToDictionary(Plan(order, 1m, 0m))) { ["lines"] = Array.Empty<object>() }))
        using (var dates = await logistics.Post("/api/v1/deliveries", new Dictionary<string, object?>(ToDictionary(Plan(order, 1m, 0m))) { ["plannedDeliveryDate"] = "2026-11-01" }))
        using (var foreignLine = await logistics.Post("/api/v1/deliveries", new Dictionary<string, object?>(ToDictionary(Plan(order, 1m, 0m))) { ["lines"] = new[] { new { orderLineId = Guid.NewGuid(), quantity = 1m } } }))
        using (var noRate = await logistics.Post("/api/v1/deliveries", new Dictionary<string, object?>(ToDictionary(Plan(order, 1m, 0m))) { ["plannedShipDate"] = "2001-01-01", ["plannedDeliveryDate"] = "2001-01-02" }))
        {
            await zone.ProblemAsync(HttpStatusCode.UnprocessableEntity, "delivery.unknownZone");
            await province.ProblemAsync(HttpStatusCode.UnprocessableEntity, "delivery.unknownProvince");
            await noLines.ProblemAsync(HttpStatusCode.UnprocessableEntity, "delivery.noLines");
            await dates.ProblemAsync(HttpStatusCode.UnprocessableEntity, "delivery.deliveryBeforeShip");
            await foreignLine.ProblemAsync(HttpStatusCode.UnprocessableEntity, "delivery.orderLineNotFound");
            await noRate.ProblemAsync(HttpStatusCode.UnprocessableEntity, "delivery.noFreightRate");
        }

        using (var quoteNoRate = await logistics.Post("/api/v1/deliveries/freight-quote", new { method = "Express", zone = "西北", date = "2001-01-01", lines = new[] { new { productId = order.GetProperty("lines")[0].GetProperty("productId").GetGuid(), quantity = 1m } } }))
        {
            await quoteNoRate.ProblemAsync(HttpStatusCode.UnprocessableEntity, "delivery.noFreightRate");
        }

        // A draft order is not delivered.
        var rep = await app.ClientAsync("rep.huadong.2");
        var draft = await rep.PostJsonAsync("/api/v1/orders", new { customerId = order.GetProperty("customerId").GetGuid(), lines = new[] { new { productId = order.GetProperty("lines")[0].GetProperty("productId").GetGuid(), quantity = 1m } } }, HttpStatusCode.Created);
        using (var notConfirmed = await logistics.Post("/api/v1/deliveries", Plan(draft, 1m, 0m)))
        {
            await notConfirmed.ProblemAsync(HttpStatusCode.UnprocessableEntity, "delivery.orderNotShippable");
        }

        // The planning view shows what is left per line, counting open deliveries.
        await logistics.PostJsonAsync("/api/v1/deliveries", Plan(order, 2m, 0m), HttpStatusCode.Created);
        var plannable = await logistics.GetJsonAsync($"/api/v1/deliveries/plannable?orderId={order.Id()}");
        Assert.Equal("华东", plannable.Str("defaultZone"));
        var line = plannable.GetProperty("lines")[0];
        Assert.Equal((3m, 0m, 2m, 1m), (line.GetProperty("ordered").GetDecimal(), line.GetProperty("delivered").GetDecimal(), line.GetProperty("planned").GetDecimal(), line.GetProperty("remaining").GetDecimal()));
        var zones = await logistics.GetJsonAsync("/api/v1/deliveries/zones");
        Assert.Equal(7, zones.GetArrayLength());
    }

    [Fact]
    public async Task Exceptions_are_opened_assigned_and_resolved_by_logistics_and_listed_while_open()
    {
        var order = await ConfirmedOrderAsync("rep.huadong.3");
        var logistics = await app.ClientAsync("logistics");
        var delivery = await logistics.PostJsonAsync("/api/v1/deliveries", Plan(order, 3m, 2m), HttpStatusCode.Created);
        await logistics.PostJsonAsync($"/api/v1/deliveries/{delivery.Id()}/ship", new { });

        var rep = await app.ClientAsync("rep.huadong.3");
        using (var repOpens = await rep.Post($"/api/v1/deliveries/{delivery.Id()}/exceptions", new { type = "Damage", description = "外箱破损" }))
        using (var noDescription = await logistics.Post($"/api/v1/deliveries/{delivery.Id()}/exceptions", new { type = "Damage" }))
        {
            await repOpens.ProblemAsync(HttpStatusCode.Forbidden);
            Assert.Contains("description", (await noDescription.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        }

        var opened = await logistics.PostJsonAsync($"/api/v1/deliveries/{delivery.Id()}/exceptions", new { type = "Damage", description = "一台空压机外壳凹陷", affectedQuantity = 1m }, HttpStatusCode.Created);
        Assert.Equal(("Open", "Damage", 0), (opened.Str("status"), opened.Str("type"), opened.Number("ageDays")));
        var me = await logistics.GetJsonAsync("/api/v1/me");
        var open = (await logistics.GetJsonAsync($"/api/v1/delivery-exceptions?status=Open&deliveryId={delivery.Id()}")).Items();
        Assert.Equal(opened.Id(), Assert.Single(open).Id());
        Assert.Single((await logistics.GetJsonAsync($"/api/v1/deliveries?orderId={order.Id()}&hasOpenException=true")).Items());

        // Assign to another employee (the finance user, say), at the current version.
        var financeEmployee = (await (await app.ClientAsync("finance")).GetJsonAsync("/api/v1/me")).GetProperty("employeeId").GetGuid();
        using (var unknown = await logistics.Post($"/api/v1/delivery-exceptions/{opened.Id()}/assign", new { ownerId = Guid.NewGuid() }))
        using (var staleAssign = await logistics.Post($"/api/v1/delivery-exceptions/{opened.Id()}/assign", new { ownerId = financeEmployee, version = opened.Number("version") + 5 }))
        {
            await unknown.ProblemAsync(HttpStatusCode.UnprocessableEntity, "deliveryException.unknownOwner");
            await staleAssign.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion");
        }

        var assigned = await logistics.PostJsonAsync($"/api/v1/delivery-exceptions/{opened.Id()}/assign", new { ownerId = financeEmployee, version = opened.Number("version") });
        Assert.Equal(financeEmployee, assigned.GetProperty("ownerId").GetGuid());
        Assert.NotEqual(me.GetProperty("employeeId").GetGuid(), financeEmployee);

        using (var repResolves = await rep.Post($"/api/v1/delivery-exceptions/{opened.Id()}/resolve", new { resolution = "x" }))
        using (var noText = await logistics.Post($"/api/v1/delivery-exceptions/{opened.Id()}/resolve", new { }))
        {
            await repResolves.ProblemAsync(HttpStatusCode.Forbidden);
            Assert.Contains("resolution", (await noText.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        }

        var resolved = await logistics.PostJsonAsync($"/api/v1/delivery-exceptions/{opened.Id()}/resolve", new { resolution = "补发外壳，承运商赔付", version = assigned.Number("version") });
        Assert.Equal(("Resolved", "补发外壳，承运商赔付"), (resolved.Str("status"), resolved.Str("resolution")));
        using (var twice = await logistics.Post($"/api/v1/delivery-exceptions/{opened.Id()}/resolve", new { resolution = "again" }))
        {
            await twice.ProblemAsync(HttpStatusCode.Conflict, "deliveryException.resolved");
        }

        Assert.Empty((await logistics.GetJsonAsync($"/api/v1/delivery-exceptions?status=Open&deliveryId={delivery.Id()}")).Items());
        var details = await rep.GetJsonAsync($"/api/v1/deliveries/{delivery.Id()}");
        Assert.Equal("Resolved", Assert.Single(details.GetProperty("exceptions").EnumerateArray()).Str("status"));

        // Another region's rep sees neither the case nor the list entry; the demo's open cases are with logistics.
        var north = await app.ClientAsync("rep.huabei.1");
        using (var hidden = await north.Get($"/api/v1/delivery-exceptions/{opened.Id()}"))
        {
            await hidden.ProblemAsync(HttpStatusCode.NotFound);
        }

        var demoOpen = (await logistics.GetJsonAsync($"/api/v1/delivery-exceptions?status=Open&ownerId={me.GetProperty("employeeId").GetGuid()}")).Items();
        Assert.NotEmpty(demoOpen);
        Assert.All(demoOpen, e => Assert.True(e.Number("ageDays") >= 0));
    }

    [Fact]
    public async Task Finance_invoices_what_a_delivery_shipped_once()
    {
        var order = await ConfirmedOrderAsync("rep.huadong.4");
        var logistics = await app.ClientAsync("logistics");
        var finance = await app.ClientAsync("finance");
        var delivery = await logistics.PostJsonAsync("/api/v1/deliveries", Plan(order, 3m, 1m), HttpStatusCode.Created);
        using (var planned = await finance.Post($"/api/v1/deliveries/{delivery.Id()}/invoice", null))
        {
            await planned.ProblemAsync(HttpStatusCode.UnprocessableEntity, "delivery.notInvoiceable");
        }

        await logistics.PostJsonAsync($"/api/v1/deliveries/{delivery.Id()}/ship", new { });
        using (var logisticsInvoices = await logistics.Post($"/api/v1/deliveries/{delivery.Id()}/invoice", null))
        {
            await logisticsInvoices.ProblemAsync(HttpStatusCode.Forbidden);
        }

        var invoice = await finance.PostJsonAsync($"/api/v1/deliveries/{delivery.Id()}/invoice", new { }, HttpStatusCode.Created);
        var lines = invoice.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal([3m, 1m], lines.Select(l => l.GetProperty("quantity").GetDecimal()).ToArray());
        var orderLine = order.GetProperty("lines")[1];
        var net = decimal.Round(orderLine.GetProperty("netUnitPrice").GetDecimal() * 1m, 2, MidpointRounding.AwayFromZero);
        Assert.Equal(net, lines[1].GetProperty("netAmount").GetDecimal());
        using (var twice = await finance.Post($"/api/v1/deliveries/{delivery.Id()}/invoice", null))
        {
            await twice.ProblemAsync(HttpStatusCode.UnprocessableEntity, "delivery.nothingToInvoice");
        }

        var details = await logistics.GetJsonAsync($"/api/v1/deliveries/{delivery.Id()}");
        Assert.Equal(invoice.Str("number"), Assert.Single(details.GetProperty("invoices").EnumerateArray()).Str("number"));
        Assert.Equal([3m, 1m], details.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("invoicedQuantity").GetDecimal()).ToArray());
        var afterOrder = await finance.GetJsonAsync($"/api/v1/orders/{order.Id()}");
        Assert.Equal(invoice.GetProperty("total").GetDecimal(), afterOrder.GetProperty("invoicedAmount").GetDecimal());
    }

    [Fact]
    public async Task Logistics_keeps_the_freight_rate_table()
    {
        var logistics = await app.ClientAsync("logistics");
        var rep = await app.ClientAsync("rep.huadong.1");
        var demo = await rep.GetJsonAsync("/api/v1/freight-rates?zone=西北&method=Express");
        Assert.Equal(2, demo.Items().Count);

        var body = new { zone = "西北", method = "Express", basis = "Weight", firstUnitPrice = 30m, additionalUnitPrice = 8m, minimumCharge = 30m, validFrom = "2001-01-01", validTo = "2001-12-31" };
        using (var repCreates = await rep.Post("/api/v1/freight-rates", body))
        using (var badZone = await logistics.Post("/api/v1/freight-rates", body with { zone = "火星" }))
        using (var badPeriod = await logistics.Post("/api/v1/freight-rates", body with { validTo = "2000-01-01" }))
        using (var negative = await logistics.Post("/api/v1/freight-rates", body with { firstUnitPrice = -1m }))
        {
            await repCreates.ProblemAsync(HttpStatusCode.Forbidden);
            await badZone.ProblemAsync(HttpStatusCode.UnprocessableEntity, "delivery.unknownZone");
            await badPeriod.ProblemAsync(HttpStatusCode.UnprocessableEntity, "freightRate.invalidPeriod");
            Assert.Contains("firstUnitPrice", (await negative.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        }

        var created = await logistics.PostJsonAsync("/api/v1/freight-rates", body, HttpStatusCode.Created);
        var productId = (await rep.GetJsonAsync("/api/v1/products?q=CS-FLT-AIR1")).Items()[0].Id();
        var quote = await rep.PostJsonAsync("/api/v1/deliveries/freight-quote", new { method = "Express", province = "新疆", date = "2001-06-01", lines = new[] { new { productId, quantity = 10m } } });
        Assert.Equal(30m + (17 * 8m), quote.GetProperty("amount").GetDecimal()); // 18 kg: first + 17 further

        var edit = ToDictionary(body with { firstUnitPrice = 40m });
        edit["version"] = created.Number("version");
        var updated = await logistics.PutJsonAsync($"/api/v1/freight-rates/{created.Id()}", edit);
        Assert.Equal(40m, updated.GetProperty("firstUnitPrice").GetDecimal());
        using (var stale = await logistics.Put($"/api/v1/freight-rates/{created.Id()}", edit))
        {
            await stale.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion");
        }

        using (var deleted = await logistics.Delete($"/api/v1/freight-rates/{created.Id()}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using var gone = await logistics.Post("/api/v1/deliveries/freight-quote", new { method = "Express", zone = "西北", date = "2001-06-01", lines = new[] { new { productId, quantity = 10m } } });
        await gone.ProblemAsync(HttpStatusCode.UnprocessableEntity, "delivery.noFreightRate");
    }

    private static Dictionary<string, object?> ToDictionary(object value) =>
        JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(value, Json))!;
}
