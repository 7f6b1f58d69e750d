using System.Net;

namespace SalesFlow.Web.Tests.Reliability;

/// <summary>
/// R1: every route and verb of the OpenAPI document, called by people who must not reach it: anonymous, a disabled
/// user with a token from before, a dealer user on the company's own API, users of another region or another dealer
/// with ids of records they do not own (action endpoints included). Each answer must be 401, 403 or 404, and a hash of
/// every table must be unchanged afterwards. A route the sweep cannot find a foreign record for fails the coverage test,
/// so a new route is either swept or named here with a reason.
/// </summary>
public sealed class AuthorizationSweepTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anonymous_callers_get_401_from_every_operation_but_signing_in()
    {
        var operations = await ApiSurface.LoadAsync(app);
        using var anonymous = app.Anonymous();
        var failures = await SweepAsync(anonymous, operations.Where(o => !SweepRules.IsPublic(o)), Plain, [HttpStatusCode.Unauthorized]);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_disabled_user_gets_401_from_every_operation_with_the_token_issued_before()
    {
        var token = await app.NewTokenAsync("rep.huadong.9");
        using var disabledUser = app.WithToken(token);
        var director = await app.ClientAsync("director");
        using (var disable = await director.Post($"/api/v1/users/{await app.UserIdAsync("rep.huadong.9")}/disable", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, disable.StatusCode);
        }

        var operations = await ApiSurface.LoadAsync(app);
        var failures = await SweepAsync(disabledUser, operations.Where(o => !SweepRules.IsPublic(o)), Plain, [HttpStatusCode.Unauthorized]);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_dealer_user_gets_403_from_every_operation_of_the_company_side()
    {
        var operations = await ApiSurface.LoadAsync(app);
        var dealer = await app.ClientAsync("dealer.1");
        var before = await DatabaseFingerprint.TakeAsync(app);

        var companySide = operations.Where(o => !SweepRules.IsPublic(o) && !SweepRules.IsOwnAccount(o) && !SweepRules.IsForDealerUsers(o)).ToList();
        var failures = await SweepAsync(dealer, companySide, Plain, [HttpStatusCode.Forbidden, HttpStatusCode.NotFound]);

        Assert.True(failures.Count == 0, $"{failures.Count} of {companySide.Count} operations answered dealer.1 wrongly:\n" + string.Join("\n", failures));
        Assert.Empty(DatabaseFingerprint.Changed(before, await DatabaseFingerprint.TakeAsync(app)));
    }

    [Theory]
    [InlineData("manager.huabei")]
    [InlineData("rep.huabei.1")]
    [InlineData("staff.2")]
    [InlineData("dealer.2")]
    public async Task Users_of_another_region_or_dealer_get_only_401_403_or_404_for_records_they_do_not_own(string attacker)
    {
        var operations = await ApiSurface.LoadAsync(app);
        var foreign = await ForeignRecords.FindAsync(app, operations, attacker);
        var client = await app.ClientAsync(attacker);
        var before = await DatabaseFingerprint.TakeAsync(app);

        var swept = operations.Where(o => foreign.Covers(o)).ToList();
        var failures = await SweepAsync(client, swept, foreign.Request, [HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound], foreign.MayRead);

        var after = await DatabaseFingerprint.TakeAsync(app);
        Assert.True(failures.Count == 0, $"{failures.Count} of {swept.Count} operations answered {attacker} wrongly:\n" + string.Join("\n", failures));
        Assert.Empty(DatabaseFingerprint.Changed(before, after));
    }

    [Fact]
    public async Task Every_operation_with_a_record_id_is_swept_or_named_with_a_reason()
    {
        var operations = await ApiSurface.LoadAsync(app);
        var uncovered = new List<string>();
        foreach (var attacker in new[] { "manager.huabei", "dealer.2" })
        {
            var foreign = await ForeignRecords.FindAsync(app, operations, attacker);
            uncovered.AddRange(operations.Where(o => o.HasRecordId && !foreign.Covers(o)).Select(o => $"{attacker}: {o} ({foreign.WhyNot(o)})"));
        }

        Assert.True(uncovered.Count == 0, "Routes without a foreign record to sweep them with:\n" + string.Join("\n", uncovered));
    }

    private static (string Url, string? Body) Plain(ApiOperation operation) => (operation.Url(), operation.SampleJson);

    private static async Task<List<string>> SweepAsync(
        HttpClient client,
        IEnumerable<ApiOperation> operations,
        Func<ApiOperation, (string Url, string? Body)> request,
        HttpStatusCode[] allowed,
        Func<ApiOperation, bool>? mayRead = null)
    {
        var failures = new List<string>();
        foreach (var operation in operations)
        {
            var (target, body) = request(operation);
            using var response = await client.Send(new HttpMethod(operation.Method), target, body, r =>
            {
                if (operation.TakesForm)
                {
                    r.Content = new MultipartFormDataContent { { new StringContent("leads"), "kind" } };
                }
            });
            if (allowed.Contains(response.StatusCode) || (response.StatusCode == HttpStatusCode.OK && mayRead?.Invoke(operation) == true))
            {
                continue;
            }

            var text = await response.Content.ReadAsStringAsync(Ct);
            failures.Add($"{operation.Method} {target}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 200)]}");
        }

        return failures;
    }
}
