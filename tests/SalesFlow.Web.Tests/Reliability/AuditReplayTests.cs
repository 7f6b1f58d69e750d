using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using SalesFlow.Core.Auditing;
using SalesFlow.Core.Data;

namespace SalesFlow.Web.Tests.Reliability;

/// <summary>
/// R14: thousands of random creates, updates and deletes through the API (customers, contacts, credit, leads and their
/// conversion, products, orders and their submission), then every audited record of every audited table is rebuilt from
/// <c>audit_entries</c> alone (Created's JSON, each Updated field in order, Deleted removes it) and compared field by
/// field, typed, with the row in the database. The seed is printed; <c>SALESFLOW_TEST_SEED</c> replays one run.
/// </summary>
public sealed class AuditReplayTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private const int Operations = 2000;

    /// <summary>
    /// The columns the trail leaves out on purpose, each with its reason; every other mapped column of an audited
    /// record must be reproducible from the trail.
    /// </summary>
    private static readonly Dictionary<string, string> NotAudited = new(StringComparer.Ordinal)
    {
        ["CreatedAtUtc"] = "the Created line's own time",
        ["CreatedBy"] = "the Created line's own user",
        ["UpdatedAtUtc"] = "the last line's own time",
        ["UpdatedBy"] = "the last line's own user",
        ["Version"] = "the concurrency token, bumped by every save",
        ["AppUser.PasswordHash"] = "a secret",
        ["AppUser.SecurityStamp"] = "a secret",
        ["AppUser.ConcurrencyStamp"] = "Identity's own token",
        ["AppUser.NormalizedUserName"] = "derived from UserName",
        ["AppUser.NormalizedEmail"] = "derived from Email",
        ["AppUser.AccessFailedCount"] = "sign-in bookkeeping",
        ["AppUser.LockoutEnd"] = "sign-in bookkeeping",
        ["OrgUnit.Path"] = "derived from the tree (ParentId is audited)",
        ["OrgUnit.Depth"] = "derived from the tree (ParentId is audited)",
        ["Customer.CreditCheckedAtUtc"] = "the credit check's lock, not business data",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Replaying_the_audit_trail_after_thousands_of_random_writes_reproduces_every_audited_record()
    {
        var seed = Environment.GetEnvironmentVariable("SALESFLOW_TEST_SEED") is { Length: > 0 } fixedSeed
            ? int.Parse(fixedSeed, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        TestContext.Current.TestOutputHelper?.WriteLine($"R14 audit replay seed: {seed} (SALESFLOW_TEST_SEED={seed} replays it)");

        var workload = new AuditWorkload(app, new Random(seed));
        await workload.RunAsync(Operations);
        Assert.True(workload.Failures.Count == 0, $"seed {seed}: " + string.Join("\n", workload.Failures.Take(20)));
        TestContext.Current.TestOutputHelper?.WriteLine(workload.Summary());

        var mismatches = await ReplayAsync(app);
        Assert.True(mismatches.Count == 0, $"seed {seed}: " + Describe(mismatches));
    }

    /// <summary>The differences by table and column (how many, and two examples of each), for a failure message.</summary>
    internal static string Describe(List<string> mismatches) =>
        $"{mismatches.Count} differences between the trail and the data:\n" + string.Join("\n", mismatches
            .GroupBy(m => m[..(m.IndexOf(']', StringComparison.Ordinal) + 1)], StringComparer.Ordinal)
            .Select(g => $"{g.Key} ×{g.Count()}:\n    " + string.Join("\n    ", g.Take(2).Select(m => m[(g.Key.Length + 1)..]))));

    /// <summary>
    /// Every record of every audited table against its replayed trail: the differences, as readable lines. Also checks
    /// that each Updated line's old value is what the trail had at that point (no write went unrecorded in between).
    /// </summary>
    internal static async Task<List<string>> ReplayAsync(SalesFlowApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SalesFlowDbContext>>().CreateDbContextAsync(Ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var mismatches = new List<string>();
        foreach (var type in db.Model.GetEntityTypes().Where(t => typeof(IAudited).IsAssignableFrom(t.ClrType)).OrderBy(t => t.ClrType.Name, StringComparer.Ordinal))
        {
            var name = type.ClrType.Name;
            var key = type.FindPrimaryKey()!.Properties.Single();
            var columns = type.GetProperties().Where(p => !p.IsPrimaryKey() && !NotAudited.ContainsKey(p.Name) && !NotAudited.ContainsKey(name + "." + p.Name)).ToList();
            var byName = columns.ToDictionary(p => p.Name, StringComparer.Ordinal);

            var trail = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == name).ToListAsync(Ct);
            var replayed = new Dictionary<string, Dictionary<string, string?>>(StringComparer.Ordinal);
            foreach (var line in trail.OrderBy(a => a.AtUtc).ThenBy(a => a.Action))
            {
                var where = $"{name} {line.EntityId} at {line.AtUtc:O}";
                switch (line.Action)
                {
                    case AuditAction.Created:
                        if (replayed.ContainsKey(line.EntityId))
                        {
                            mismatches.Add($"[{name}] {where}: created twice");
                        }

                        var values = JsonSerializer.Deserialize<Dictionary<string, string?>>(line.NewValue ?? "{}")!;
                        foreach (var unknown in values.Keys.Where(k => !byName.ContainsKey(k) && !NotAudited.ContainsKey(k) && !NotAudited.ContainsKey(name + "." + k)))
                        {
                            mismatches.Add($"[{name}.{unknown}] {where}: the Created snapshot names {unknown}, which is no audited column");
                        }

                        replayed[line.EntityId] = new Dictionary<string, string?>(values, StringComparer.Ordinal);
                        break;
                    case AuditAction.Updated:
                        if (!replayed.TryGetValue(line.EntityId, out var state))
                        {
                            mismatches.Add($"[{name}] {where}: updated ({line.Field}) before it was created");
                            break;
                        }

                        if (line.Field is null || !byName.TryGetValue(line.Field, out var property))
                        {
                            if (line.Field is null || !(NotAudited.ContainsKey(line.Field) || NotAudited.ContainsKey(name + "." + line.Field)))
                            {
                                mismatches.Add($"[{name}.{line.Field}] {where}: an Updated line for {line.Field ?? "(no field)"}, which is no audited column");
                            }

                            break;
                        }

                        var before = state.GetValueOrDefault(line.Field);
                        if (!Same(Parse(before, property, out _), Parse(line.OldValue, property, out _)))
                        {
                            mismatches.Add($"[{name}.{line.Field}] {where}: {line.Field} old value '{line.OldValue}' but the trail had '{before}' (a change went unrecorded)");
                        }

                        state[line.Field] = line.NewValue;
                        break;
                    case AuditAction.Deleted:
                        if (!replayed.Remove(line.EntityId))
                        {
                            mismatches.Add($"[{name}] {where}: deleted but never created");
                        }

                        break;
                }
            }

            var rows = await RowsAsync(db, type.ClrType);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                var entry = db.Entry(row);
                var id = Convert.ToString(entry.Property(key.Name).CurrentValue, CultureInfo.InvariantCulture)!;
                seen.Add(id);
                if (!replayed.TryGetValue(id, out var state))
                {
                    mismatches.Add($"[{name}] {name} {id}: in the database but the trail {(trail.Any(a => a.EntityId == id) ? "deleted it" : "never created it")}");
                    continue;
                }

                foreach (var column in columns)
                {
                    var actual = entry.Property(column.Name).CurrentValue;
                    var text = state.GetValueOrDefault(column.Name);
                    var expected = Parse(text, column, out var error);
                    if (error is not null)
                    {
                        mismatches.Add($"[{name}.{column.Name}] {name} {id}.{column.Name}: the trail's '{text}' does not read as {column.ClrType.Name}: {error}");
                    }
                    else if (!Same(expected, actual))
                    {
                        mismatches.Add($"[{name}.{column.Name}] {name} {id}.{column.Name}: trail '{text}', database '{Show(actual)}'");
                    }
                }
            }

            foreach (var missing in replayed.Keys.Where(id => !seen.Contains(id)))
            {
                mismatches.Add($"[{name}] {name} {missing}: the trail has it, the database does not");
            }

            db.ChangeTracker.Clear();
        }

        return mismatches;
    }

    private static async Task<List<object>> RowsAsync(SalesFlowDbContext db, Type type) =>
        await (Task<List<object>>)typeof(AuditReplayTests).GetMethod(nameof(RowsOfAsync), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type).Invoke(null, [db])!;

    private static async Task<List<object>> RowsOfAsync<T>(SalesFlowDbContext db)
        where T : class =>
        [.. await db.Set<T>().IgnoreQueryFilters().ToListAsync(Ct)];

    /// <summary>The trail's text read back as the column's type, as an auditor would read it.</summary>
    private static object? Parse(string? text, IProperty property, out string? error)
    {
        error = null;
        if (text is null)
        {
            return null;
        }

        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        var invariant = CultureInfo.InvariantCulture;
        try
        {
            return type switch
            {
                _ when type == typeof(string) => text,
                _ when typeof(System.Collections.IEnumerable).IsAssignableFrom(type) => JsonSerializer.Deserialize(text, property.ClrType),
                _ when type.IsEnum => Enum.Parse(type, text),
                _ when type == typeof(Guid) => Guid.Parse(text, invariant),
                _ when type == typeof(bool) => bool.Parse(text),
                _ when type == typeof(int) => int.Parse(text, NumberStyles.Integer, invariant),
                _ when type == typeof(long) => long.Parse(text, NumberStyles.Integer, invariant),
                _ when type == typeof(short) => short.Parse(text, NumberStyles.Integer, invariant),
                _ when type == typeof(decimal) => decimal.Parse(text, NumberStyles.Number, invariant),
                _ when type == typeof(double) => double.Parse(text, NumberStyles.Float, invariant),
                _ when type == typeof(DateTime) => DateTime.ParseExact(text, "O", invariant, DateTimeStyles.RoundtripKind),
                _ when type == typeof(DateOnly) => DateOnly.ParseExact(text, "yyyy-MM-dd", invariant),
                _ when type == typeof(TimeOnly) => TimeOnly.Parse(text, invariant),
                _ when type == typeof(DateTimeOffset) => DateTimeOffset.ParseExact(text, "O", invariant),
                _ => throw new FormatException($"no reading for {type.Name}"),
            };
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            error = e.Message;
            return null;
        }
    }

    // Typed equality: 1.50 is 1.5, and a time is its ticks (SQLite reads times back without a kind).
    private static bool Same(object? expected, object? actual) => (expected, actual) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (DateTime a, DateTime b) => a.Ticks == b.Ticks,
        (string, _) => expected.Equals(actual),
        (System.Collections.IEnumerable a, System.Collections.IEnumerable b) => a.Cast<object?>().SequenceEqual(b.Cast<object?>()),
        _ => expected.Equals(actual),
    };

    private static string Show(object? value) => value switch
    {
        null => "null",
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        string text => text,
        System.Collections.IEnumerable list => JsonSerializer.Serialize(list),
        _ => value.ToString() ?? "",
    };
}

/// <summary>
/// The random writes of R14, all through the API as the users who may make them. Expected refusals (409 for a stale
/// version, 422 for a rule) are counted; a 5xx or an unexpected status is a failure.
/// </summary>
internal sealed class AuditWorkload(SalesFlowApp app, Random random)
{
    private static readonly string[] Reps = ["rep.huadong.1", "rep.huadong.2", "rep.huadong.3", "rep.huabei.1"];
    private static readonly string[] Words = ["华东", "机电", "有限公司", "O'Brien", "\"引号\"", "back\\slash", "😀表情", "tab\there", "Ünïcødé", "<b>粗</b>", "100%", "a,b"];
    private static readonly string[] CustomerTypes = ["Enterprise", "Smb", "Consumer", "RetailStore"];
    private static readonly string[] Classes = ["A", "B", "C", "D"];
    private static readonly string[] Tiers = ["High", "General", "Low"];
    private static readonly string[] Sources = ["Website", "Exhibition", "ColdVisit", "YellowPages", "PhoneIn", "Campaign"];
    private static readonly string[] Steps = ["contact", "qualify", "disqualify"];
    private static readonly string[] Units = ["件", "台", "箱"];
    private static readonly decimal[] TaxRates = [0.13m, 0.09m, 0.06m, 0.125m];

    private readonly List<(Guid Id, string Rep)> _customers = [];
    private readonly List<(Guid Customer, Guid Id, string Rep)> _contacts = [];
    private readonly List<(Guid Id, string Rep)> _leads = [];
    private readonly List<Guid> _products = [];
    private readonly List<(Guid Id, string Rep)> _orders = [];
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _statuses = [];
    private string[] _lines = [];
    private int _serial;

    public List<string> Failures { get; } = [];

    public string Summary() =>
        string.Join(", ", _counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"))
        + "; statuses " + string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"));

    public async Task RunAsync(int operations)
    {
        var director = await app.ClientAsync("director");
        _lines = (await director.GetJsonAsync("/api/v1/products/lines")).EnumerateArray().Select(l => l.ValueKind == JsonValueKind.String ? l.GetString()! : l.Str("name")).ToArray();
        for (var i = 0; i < operations; i++)
        {
            var roll = random.Next(100);
            var op = roll switch
            {
                < 14 => "customer.create",
                < 28 => "customer.update",
                < 32 => "customer.delete",
                < 35 => "customer.restore",
                < 40 => "customer.credit",
                < 49 => "contact.create",
                < 56 => "contact.update",
                < 59 => "contact.delete",
                < 68 => "lead.create",
                < 75 => "lead.step",
                < 78 => "lead.convert",
                < 82 => "product.create",
                < 87 => "product.update",
                < 89 => "product.toggle",
                < 95 => "order.create",
                _ => "order.submit",
            };
            _counts[op] = _counts.GetValueOrDefault(op) + 1;
            await RunAsync(op);
        }
    }

    private string Text(int words) => string.Join(random.Next(2) == 0 ? "" : " ", Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]));

    private static string Cut(string text, int max) => text.Length <= max ? text : text[^max..];

    private string? Maybe(Func<string> value) => random.Next(4) == 0 ? null : value();

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private string Unique() => (++_serial).ToString("D5", CultureInfo.InvariantCulture) + random.Next(1000).ToString("D3", CultureInfo.InvariantCulture);

    // Up to four decimals, so the model's rounding to the column's scale is exercised.
    private decimal Amount(int max) => decimal.Round((decimal)random.NextDouble() * max, random.Next(5));

    private async Task RunAsync(string op)
    {
        switch (op)
        {
            case "customer.create":
                {
                    var rep = Pick(Reps);
                    var body = new
                    {
                        name = $"{Text(2)}{Unique()}",
                        type = Pick(CustomerTypes),
                        @class = Pick(Classes),
                        valueTier = Pick(Tiers),
                        industry = Maybe(() => Text(1)),
                        address = Maybe(() => Text(3)),
                        phone = Maybe(() => "021-" + random.Next(10_000_000, 99_999_999)),
                        tags = Enumerable.Range(0, random.Next(4)).Select(_ => Text(1)).ToArray(),
                        preferredLanguage = random.Next(3) == 0 ? "en" : null,
                    };
                    if (await SendAsync(rep, HttpMethod.Post, "/api/v1/customers", body, HttpStatusCode.Created) is { } created)
                    {
                        _customers.Add((created.Id(), rep));
                    }

                    break;
                }

            case "customer.update" when _customers.Count > 0:
                {
                    var (id, rep) = Pick(_customers);
                    if (await SendAsync(rep, HttpMethod.Get, $"/api/v1/customers/{id}", null, HttpStatusCode.OK) is not { } current)
                    {
                        break;
                    }

                    var body = new Dictionary<string, object?>
                    {
                        ["name"] = random.Next(2) == 0 ? current.Str("name") : $"{Text(2)}{Unique()}",
                        ["type"] = random.Next(2) == 0 ? current.Str("type") : Pick(CustomerTypes),
                        ["class"] = random.Next(2) == 0 ? current.Str("class") : Pick(Classes),
                        ["valueTier"] = random.Next(2) == 0 ? current.Str("valueTier") : Pick(Tiers),
                        ["industry"] = Maybe(() => Text(1)),
                        ["regionId"] = current.Id("regionId"),
                        ["address"] = Maybe(() => Text(3)),
                        ["phone"] = Maybe(() => "0571-" + random.Next(10_000_000, 99_999_999)),
                        ["tags"] = Enumerable.Range(0, random.Next(4)).Select(_ => Text(1)).ToArray(),
                        ["preferredLanguage"] = random.Next(2) == 0 ? "zh-CN" : "en",
                        ["version"] = current.Number("version"),
                    };
                    await SendAsync(rep, HttpMethod.Put, $"/api/v1/customers/{id}", body, HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.NotFound); // a deleted customer is not edited
                    break;
                }

            case "customer.delete" when _customers.Count > 0:
                {
                    var (id, rep) = Pick(_customers);
                    await SendAsync(rep, HttpMethod.Delete, $"/api/v1/customers/{id}", null, HttpStatusCode.NoContent, HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity);
                    break;
                }

            case "customer.restore" when _customers.Count > 0:
                {
                    var (id, rep) = Pick(_customers);
                    await SendAsync(rep, HttpMethod.Post, $"/api/v1/customers/{id}/restore", null, HttpStatusCode.OK, HttpStatusCode.NoContent, HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity);
                    break;
                }

            case "customer.credit" when _customers.Count > 0:
                {
                    var (id, _) = Pick(_customers);
                    if (await SendAsync("finance", HttpMethod.Get, $"/api/v1/customers/{id}", null, HttpStatusCode.OK) is { } current)
                    {
                        var body = new { creditLimit = Amount(5_000_000), paymentTermsDays = random.Next(0, 181), version = current.Number("version") };
                        await SendAsync("finance", HttpMethod.Post, $"/api/v1/customers/{id}/credit", body, HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity, HttpStatusCode.NotFound);
                    }

                    break;
                }

            case "contact.create" when _customers.Count > 0:
                {
                    var (customer, rep) = Pick(_customers);
                    var body = ContactBody(null);
                    if (await SendAsync(rep, HttpMethod.Post, $"/api/v1/customers/{customer}/contacts", body, HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity, HttpStatusCode.NotFound) is { } created)
                    {
                        _contacts.Add((customer, created.Id(), rep));
                    }

                    break;
                }

            case "contact.update" when _contacts.Count > 0:
                {
                    var (customer, id, rep) = Pick(_contacts);
                    if (await SendAsync(rep, HttpMethod.Get, $"/api/v1/customers/{customer}/contacts", null, HttpStatusCode.OK, HttpStatusCode.NotFound) is { } list
                        && list.EnumerateArray().FirstOrDefault(c => c.Id() == id) is { ValueKind: JsonValueKind.Object } current)
                    {
                        await SendAsync(rep, HttpMethod.Put, $"/api/v1/customers/{customer}/contacts/{id}", ContactBody(current.Number("version")), HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity, HttpStatusCode.NotFound);
                    }

                    break;
                }

            case "contact.delete" when _contacts.Count > 0:
                {
                    var (customer, id, rep) = Pick(_contacts);
                    await SendAsync(rep, HttpMethod.Delete, $"/api/v1/customers/{customer}/contacts/{id}", null, HttpStatusCode.NoContent, HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity, HttpStatusCode.NotFound);
                    break;
                }

            case "lead.create":
                {
                    var rep = Pick(Reps);
                    var tag = Unique();
                    var body = new
                    {
                        name = Cut($"{Text(1)}{tag}", 40),
                        company = $"{Text(2)}{tag}",
                        mobile = "139" + tag.PadLeft(8, '0')[..8],
                        email = random.Next(2) == 0 ? $"lead{tag}@example.com" : null,
                        source = Pick(Sources),
                        region = "华东",
                        needs = Maybe(() => Text(4)),
                    };
                    if (await SendAsync(rep, HttpMethod.Post, "/api/v1/leads", body, HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity) is { ValueKind: JsonValueKind.Object } created)
                    {
                        _leads.Add((created.Id(), rep));
                    }

                    break;
                }

            case "lead.step" when _leads.Count > 0:
                {
                    var (id, rep) = Pick(_leads);
                    var step = Pick(Steps);
                    await SendAsync(rep, HttpMethod.Post, $"/api/v1/leads/{id}/{step}", step == "disqualify" ? new { reason = Text(2) } : new { }, HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity);
                    break;
                }

            case "lead.convert" when _leads.Count > 0:
                {
                    var (id, rep) = Pick(_leads);
                    var body = new { opportunityName = $"{Text(2)}商机{Unique()}", amount = Amount(1_000_000) };
                    if (await SendAsync(rep, HttpMethod.Post, $"/api/v1/leads/{id}/convert", body, HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity) is { ValueKind: JsonValueKind.Object } converted)
                    {
                        _customers.Add((converted.Id("customerId"), rep));
                        _contacts.Add((converted.Id("customerId"), converted.Id("contactId"), rep));
                    }

                    break;
                }

            case "product.create":
                {
                    var body = new
                    {
                        sku = $"R14-{Unique()}",
                        nameZh = $"{Text(2)}{Unique()}",
                        nameEn = Maybe(() => "Product " + Unique()),
                        productLine = Pick(_lines),
                        category = Maybe(() => Text(1)),
                        unit = Pick(Units),
                        quantityDecimals = random.Next(0, 4),
                        taxRate = Pick(TaxRates),
                        costPrice = random.Next(3) == 0 ? (decimal?)null : Amount(10_000),
                        weightKg = random.Next(3) == 0 ? (decimal?)null : Amount(5_000),
                        volumeM3 = random.Next(3) == 0 ? (decimal?)null : Amount(20),
                    };
                    if (await SendAsync("director", HttpMethod.Post, "/api/v1/products", body, HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity) is { ValueKind: JsonValueKind.Object } created)
                    {
                        _products.Add(created.Id());
                    }

                    break;
                }

            case "product.update" when _products.Count > 0:
                {
                    var id = Pick(_products);
                    if (await SendAsync("director", HttpMethod.Get, $"/api/v1/products/{id}", null, HttpStatusCode.OK) is not { } current)
                    {
                        break;
                    }

                    var body = new Dictionary<string, object?>
                    {
                        ["sku"] = current.Str("sku"),
                        ["nameZh"] = random.Next(2) == 0 ? current.Str("nameZh") : $"{Text(2)}{Unique()}",
                        ["nameEn"] = Maybe(() => "Product " + Unique()),
                        ["productLine"] = Pick(_lines),
                        ["category"] = Maybe(() => Text(1)),
                        ["unit"] = current.Str("unit"),
                        ["quantityDecimals"] = current.Number("quantityDecimals"),
                        ["taxRate"] = Pick(TaxRates),
                        ["costPrice"] = random.Next(3) == 0 ? null : Amount(10_000),
                        ["weightKg"] = random.Next(3) == 0 ? null : Amount(5_000),
                        ["volumeM3"] = random.Next(3) == 0 ? null : Amount(20),
                        ["version"] = current.Number("version"),
                    };
                    await SendAsync("director", HttpMethod.Put, $"/api/v1/products/{id}", body, HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity);
                    break;
                }

            case "product.toggle" when _products.Count > 0:
                {
                    var id = Pick(_products);
                    if (await SendAsync("director", HttpMethod.Get, $"/api/v1/products/{id}", null, HttpStatusCode.OK) is { } current)
                    {
                        var verb = current.GetProperty("isActive").GetBoolean() ? "deactivate" : "activate";
                        await SendAsync("director", HttpMethod.Post, $"/api/v1/products/{id}/{verb}", new { version = current.Number("version") }, HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity);
                    }

                    break;
                }

            case "order.create" when _customers.Count > 0:
                {
                    var (customer, rep) = Pick(_customers);
                    if (await SendAsync(rep, HttpMethod.Get, $"/api/v1/orders/priced-products?customerId={customer}", null, HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.UnprocessableEntity) is not { ValueKind: JsonValueKind.Array } priced
                        || priced.GetArrayLength() == 0)
                    {
                        break;
                    }

                    var products = priced.EnumerateArray().ToList();
                    var lines = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pick(products)).DistinctBy(p => p.Id())
                        .Select(p => new { productId = p.Id(), quantity = (decimal)random.Next(1, 20), discountPercent = (decimal)random.Next(0, 3) })
                        .ToArray();
                    var body = new { customerId = customer, lines, requestedDeliveryDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(random.Next(3, 60))).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
                    if (await SendAsync(rep, HttpMethod.Post, "/api/v1/orders", body, HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity, HttpStatusCode.NotFound, HttpStatusCode.Conflict) is { ValueKind: JsonValueKind.Object } created)
                    {
                        _orders.Add((created.Id(), rep));
                    }

                    break;
                }

            case "order.submit" when _orders.Count > 0:
                {
                    var (id, rep) = Pick(_orders);
                    await SendAsync(rep, HttpMethod.Post, $"/api/v1/orders/{id}/submit", new { }, HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity);
                    break;
                }
        }
    }

    private object ContactBody(int? version) => new
    {
        fullName = Cut($"{Text(1)}{Unique()}", 45),
        title = Maybe(() => Text(1)),
        officePhone = Maybe(() => "021-" + random.Next(10_000_000, 99_999_999)),
        mobile = Maybe(() => "138" + random.Next(10_000_000, 99_999_999)),
        email = Maybe(() => $"c{Unique()}@example.com"),
        isPrimary = random.Next(3) == 0,
        version,
    };

    /// <summary>Sends one request; its JSON when the status is the first expected one, default for another expected one, and a failure otherwise.</summary>
    private async Task<JsonElement?> SendAsync(string user, HttpMethod method, string url, object? body, params HttpStatusCode[] expected)
    {
        var client = await app.ClientAsync(user);
        using var response = await client.Send(method, url, body is null ? null : JsonSerializer.Serialize(body));
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        _statuses[(int)response.StatusCode] = _statuses.GetValueOrDefault((int)response.StatusCode) + 1;
        if (!expected.Contains(response.StatusCode))
        {
            Failures.Add($"{user} {method} {url}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 400)]}");
            return null;
        }

        return response.StatusCode == expected[0] && text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : null;
    }
}
