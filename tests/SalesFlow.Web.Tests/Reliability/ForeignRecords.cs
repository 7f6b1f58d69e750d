using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SalesFlow.Web.Tests.Reliability;

/// <summary>What the sweep may call without signing in, and which records one user may read of another's.</summary>
public static class SweepRules
{
    public static bool IsPublic(ApiOperation operation) => operation.ToString() == "POST /api/v1/auth/token";

    /// <summary>What every signed-in user may do with their own account: read it, set its language and password, sign out, read their notifications.</summary>
    public static bool IsOwnAccount(ApiOperation operation) =>
        operation.Path.StartsWith("/api/v1/me", StringComparison.Ordinal)
        || operation.ToString() == "DELETE /api/v1/auth/token"
        || (operation.Path.StartsWith("/api/v1/notifications", StringComparison.Ordinal) && !operation.HasRecordId);

    /// <summary>
    /// What a dealer user may use besides the portal (RolePermissions): its targets, plans and reviews, its stores and
    /// their checks, its stock reports and imports, its staff. Everything else of the company's API must refuse it.
    /// </summary>
    public static bool IsForDealerUsers(ApiOperation operation) =>
        DealerUserPaths.Any(p => operation.Path == p || operation.Path.StartsWith(p + "/", StringComparison.Ordinal));

    private static readonly string[] DealerUserPaths =
    [
        "/api/v1/portal", "/api/v1/targets", "/api/v1/plan-vs-actual", "/api/v1/exports/plan-vs-actual", "/api/v1/plans",
        "/api/v1/reviews", "/api/v1/stores", "/api/v1/store-checks", "/api/v1/stock-reports", "/api/v1/imports", "/api/v1/dealer-staff",
    ];

    /// <summary>
    /// The user whose records are foreign to the attacker: a manager of a region the attacker has no part in, or, in the
    /// dealer portal, another dealer. DLR-000001 and DLR-000002 (staff.*, dealer.*) are dealers of 华东.
    /// </summary>
    public static string OwnerFor(string attacker, ApiOperation operation) =>
        operation.Path.StartsWith("/api/v1/portal/", StringComparison.Ordinal) ? "dealer.1"
        : attacker.EndsWith("huabei", StringComparison.Ordinal) || attacker.Contains(".huabei.", StringComparison.Ordinal) ? "manager.huadong"
        : "manager.huabei";

    /// <summary>
    /// Collections every signed-in employee reads whole (the catalogue, the org tree, who is who): a foreign id of these
    /// may be read with 200, but every write and action on it must still be refused.
    /// </summary>
    public static readonly string[] SharedForEmployees =
    [
        "/api/v1/products",
        "/api/v1/price-lists",
        "/api/v1/org-units",
        "/api/v1/employees",
        // Rebate policies are the company's terms, the same for every dealer of a tier; what each dealer earned is scoped.
        "/api/v1/rebates/policies",
    ];
}

/// <summary>
/// For one attacker: a record of each collection that belongs to someone else (found through its owner's list), and the
/// request the sweep sends for an operation on it: the owner's own representation as the body of a PUT, or a body built
/// from the schema, so that the request is valid and only authorization can refuse it.
/// </summary>
public sealed class ForeignRecords
{
    // Record ids a plain list under the path does not give: a child listed in its parent's representation, a record
    // listed under another path, or one the owner must first make. Each yields the record's URLs (without the verb).
    private static readonly Dictionary<string, Func<Source, Task<List<string>>>> Sources = new(StringComparer.Ordinal)
    {
        ["/api/v1/price-lists/{id}/items/{itemId}"] = s => s.ChildrenInRepresentationAsync("/api/v1/price-lists/{id}", "items", "id", "/items/"),
        ["/api/v1/contracts/{id}/orders/{orderId}"] = s => s.ChildrenInRepresentationAsync("/api/v1/contracts/{id}", "orders", "orderId", "/orders/"),
        ["/api/v1/dealer-staff/{id}"] = async s =>
        {
            var urls = new List<string>();
            foreach (var dealer in await s.RecordsAsync("/api/v1/dealers/{id}"))
            {
                urls.AddRange((await s.IdsAsync(s.Owner, dealer + "/staff")).Select(id => $"/api/v1/dealer-staff/{id}"));
                if (urls.Count > 0)
                {
                    break;
                }
            }

            return urls;
        },
        ["/api/v1/dealers/{id}/tier-changes/{changeId}"] = async s =>
        {
            var page = await s.Owner.GetJsonAsync("/api/v1/dealer-tier-changes?status=Pending");
            if (page.Items().Count == 0)
            {
                // None pending in the owner's region: the owner proposes one for its first dealer.
                var dealer = (await s.RecordsAsync("/api/v1/dealers/{id}"))[0];
                var tier = (await s.Owner.GetJsonAsync(dealer)).Str("tier");
                await s.Owner.PostJsonAsync($"{dealer}/tier-changes", new { toTier = tier == "Gold" ? "Silver" : "Gold", effectiveOn = DateTime.UtcNow.AddMonths(1).ToString("yyyy-MM-01", System.Globalization.CultureInfo.InvariantCulture), reason = "越权扫描用的调级申请" }, HttpStatusCode.Created);
                page = await s.Owner.GetJsonAsync("/api/v1/dealer-tier-changes?status=Pending");
            }

            return page.Items().Select(c => $"/api/v1/dealers/{c.Id("dealerId")}/tier-changes/{c.Id()}").ToList();
        },
        ["/api/v1/users/{id}"] = async s => (await s.IdsAsync(await s.App.ClientAsync("admin"), "/api/v1/users")).Select(id => $"/api/v1/users/{id}").ToList(),
        ["/api/v1/notifications/{id}"] = async s =>
        {
            // Notifications come from the reminder job; run it, then take one of the first user who got any.
            using (var run = await (await s.App.ClientAsync("director")).Post("/api/v1/jobs/reminders/run", null))
            {
                Assert.True(run.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"The reminder job answered {(int)run.StatusCode}.");
            }

            foreach (var user in new[] { "rep.huadong.1", "rep.huadong.2", "supervisor.huadong.1", "manager.huadong", "finance", "director" })
            {
                var ids = await s.IdsAsync(await s.App.ClientAsync(user), "/api/v1/notifications");
                if (ids.Count > 0)
                {
                    return ids.Select(id => $"/api/v1/notifications/{id}").ToList();
                }
            }

            return [];
        },
        ["/api/v1/imports/{id}"] = async s => await s.DryRunImportAsync() is { } job ? [job] : [],
    };

    private readonly Dictionary<string, List<string>> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _representations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _missing = new(StringComparer.Ordinal);
    private readonly string _attacker;

    private ForeignRecords(string attacker) => _attacker = attacker;

    public static async Task<ForeignRecords> FindAsync(SalesFlowApp app, IReadOnlyList<ApiOperation> operations, string attacker, string? owner = null)
    {
        var records = new ForeignRecords(attacker);
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var operation in operations.Where(o => o.HasRecordId))
        {
            var name = owner ?? SweepRules.OwnerFor(attacker, operation);
            if (!clients.TryGetValue(name, out var client))
            {
                clients[name] = client = await app.ClientAsync(name);
            }

            await new Source(app, client, records).RecordsAsync(DeepestKey(operation));
        }

        return records;
    }

    public bool Covers(ApiOperation operation) => operation.HasRecordId && _records.GetValueOrDefault(DeepestKey(operation)) is { Count: > 0 };

    public string WhyNot(ApiOperation operation) => _missing.GetValueOrDefault(DeepestKey(operation), "?");

    /// <summary>A GET on a shared collection's record may answer 200; nothing else may.</summary>
    public bool MayRead(ApiOperation operation) =>
        operation.Method == "GET" && !_attacker.StartsWith("dealer.", StringComparison.Ordinal)
        && SweepRules.SharedForEmployees.Any(c => operation.Path.StartsWith(c + "/", StringComparison.Ordinal));

    public (string Url, string? Body) Request(ApiOperation operation)
    {
        var key = DeepestKey(operation);
        var record = _records[key][0];
        // Other path parameters after the record (dates, kinds) as the plain URL fills them.
        var plain = operation.Url().Split('/');
        var rest = string.Join('/', operation.Path[key.Length..].Split('/').Select((part, i) => part.StartsWith('{') ? plain[key.Count(c => c == '/') + i] : part));
        var url = record + rest;
        if (!operation.HasJsonBody)
        {
            return (url, null);
        }

        var body = operation.Method == "PUT" && _representations.TryGetValue(url, out var representation) ? representation : operation.SampleJson;
        return (url, WithVersion(body, record));
    }

    /// <summary>The owner's representation of the record a PUT on the operation would edit, for round-trip tests.</summary>
    public string? Representation(ApiOperation operation) =>
        Covers(operation) ? _representations.GetValueOrDefault(Request(operation).Url) : null;

    // The version the owner last read, so that a stale version cannot be the reason for a refusal.
    private string? WithVersion(string? body, string record)
    {
        if (body is null || JsonNode.Parse(body) is not JsonObject json || !json.ContainsKey("version"))
        {
            return body;
        }

        if (_representations.GetValueOrDefault(record) is { } owned && JsonNode.Parse(owned) is JsonObject read && read["version"] is { } version)
        {
            json["version"] = version.DeepClone();
        }

        return json.ToJsonString();
    }

    // The path up to the operation's last record id: /api/v1/customers/{id}/contacts/{contactId} for an operation on a
    // contact, /api/v1/customers/{id} for one on the customer or its lists.
    private static string DeepestKey(ApiOperation operation)
    {
        var marker = "{" + operation.RecordIdParameters[^1] + "}";
        return operation.Path[..(operation.Path.IndexOf(marker, StringComparison.Ordinal) + marker.Length)];
    }

    /// <summary>Finds records for a key as one owner, remembering them (and why not, when there are none).</summary>
    private sealed class Source(SalesFlowApp app, HttpClient owner, ForeignRecords records)
    {
        public SalesFlowApp App => app;

        public HttpClient Owner => owner;

        /// <summary>Up to ten record URLs for a key like /api/v1/customers/{id} or /api/v1/customers/{id}/contacts/{contactId}.</summary>
        public async Task<List<string>> RecordsAsync(string key)
        {
            if (records._records.TryGetValue(key, out var known))
            {
                return known;
            }

            var found = Sources.TryGetValue(key, out var source) ? await source(this) : await FromListAsync(key);
            records._records[key] = found = found.Take(10).ToList();
            if (found.Count == 0)
            {
                records._missing.TryAdd(key, "the owner sees no record there");
                return found;
            }

            using var get = await owner.Get(found[0]);
            if (get.StatusCode == HttpStatusCode.OK)
            {
                records._representations[found[0]] = await get.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            }

            return found;
        }

        /// <summary>An import job of the owner's (a dry run of one lead, so that it writes nothing else); null for one who may not import leads.</summary>
        public async Task<string?> DryRunImportAsync()
        {
            var file = System.Text.Encoding.UTF8.GetBytes("姓名/name,公司/company,手机/mobile,邮箱/email,来源/source,区域/region\n扫描甲,扫描甲有限公司,13611119999,,Exhibition,华东\n");
            using var response = await owner.UploadAsync("leads", file, "leads.csv", dryRun: true);
            return response.StatusCode == HttpStatusCode.Forbidden ? null : $"/api/v1/imports/{(await response.JsonAsync(HttpStatusCode.Accepted)).Id()}";
        }

        public async Task<List<string>> ChildrenInRepresentationAsync(string parentKey, string property, string idProperty, string segment)
        {
            foreach (var parent in await RecordsAsync(parentKey))
            {
                var json = await owner.GetJsonAsync(parent);
                var children = json.GetProperty(property).EnumerateArray().Select(c => $"{parent}{segment}{c.Id(idProperty)}").ToList();
                if (children.Count > 0)
                {
                    return children;
                }
            }

            return [];
        }

        public async Task<List<Guid>> IdsAsync(HttpClient client, string listUrl)
        {
            using var response = await client.Get(listUrl);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                records._missing.TryAdd(listUrl, $"GET {listUrl} answered {(int)response.StatusCode}");
                return [];
            }

            var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
            var items = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("items", out var i) ? i : json;
            return items.ValueKind != JsonValueKind.Array ? []
                : items.EnumerateArray()
                    .Where(item => item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) && id.TryGetGuid(out _))
                    .Select(item => item.Id())
                    .ToList();
        }

        // The list at the path before the last id, under the first of the parent's records that has any.
        private async Task<List<string>> FromListAsync(string key)
        {
            var collection = key[..key.LastIndexOf('/')];
            var parentEnd = collection.LastIndexOf('}');
            var parents = parentEnd < 0 ? [""] : await RecordsAsync(collection[..(parentEnd + 1)]);
            foreach (var parent in parents)
            {
                var list = parent + collection[(parentEnd + 1)..];
                var ids = await IdsAsync(owner, list);
                if (ids.Count > 0)
                {
                    return ids.Select(id => $"{list}/{id}").ToList();
                }

                records._missing.TryAdd(key, records._missing.GetValueOrDefault(list, $"the owner's GET {list} has no record with an id"));
            }

            return [];
        }
    }
}
