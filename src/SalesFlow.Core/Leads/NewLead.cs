using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Leads;

/// <summary>
/// The rules of a new lead on a context the caller opened (capture and imports come here): a phone or an e-mail,
/// a known region, no duplicate of another lead or contact, and an owner chosen by <see cref="LeadAssignment"/>.
/// The caller saves. <see cref="CheckAsync"/> is the same rules without adding, for an import's validation pass.
/// One lead is a <see cref="Batch"/> of one; an import checks and adds its rows a chunk at a time.
/// </summary>
public static class NewLead
{
    /// <summary>A valid new lead's normalized keys, region and chosen owner.</summary>
    public sealed record Checked(string? Mobile, string? Email, string? Company, Guid? RegionId, LeadAssignment.Owner Owner);

    public static async Task<Result<Lead>> AddAsync(SalesFlowDbContext db, Actor actor, CaptureLead request, DateTime nowUtc, CancellationToken ct) =>
        (await new Batch(db, actor).AddAsync([request], nowUtc, ct))[0];

    public static async Task<Result<Checked>> CheckAsync(SalesFlowDbContext db, Actor actor, CaptureLead request, CancellationToken ct) =>
        (await new Batch(db, actor).CheckAsync([request], ct))[0];

    /// <summary>How a lead's mobile, e-mail and company are compared and stored (trimmed; e-mail lower-case).</summary>
    public static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// New leads checked and added many at a time on one context: regions are resolved once per name, duplicates are
    /// found with one query per key for the whole chunk, and the round-robin remembers who took the previous lead.
    /// </summary>
    public sealed class Batch(SalesFlowDbContext db, Actor actor)
    {
        private readonly Dictionary<string, Guid?> _regions = new(StringComparer.Ordinal);
        private readonly LeadAssignment.Rotation _rotation = new(db, actor);

        public SalesFlowDbContext Db => db;

        public async Task<IReadOnlyList<Result<Lead>>> AddAsync(IReadOnlyList<CaptureLead> requests, DateTime nowUtc, CancellationToken ct)
        {
            var valid = await CheckAsync(requests, assigning: true, ct);
            var added = new List<Result<Lead>>(requests.Count);
            for (var i = 0; i < requests.Count; i++)
            {
                if (!valid[i].IsSuccess)
                {
                    added.Add(valid[i].Error!);
                    continue;
                }

                var (mobile, email, company, regionId, owner) = valid[i].Value!;
                var request = requests[i];
                var lead = new Lead(request.Name.Trim(), company, mobile, email, request.Source!.Value, regionId, Normalize(request.Needs));
                lead.AssignTo(owner.EmployeeId, owner.OrgUnitId, nowUtc);
                db.Leads.Add(lead);
                added.Add(lead);
            }

            return added;
        }

        /// <summary>
        /// Checks the leads without adding them. <paramref name="lookUpDuplicates"/> false leaves out the duplicate rule's
        /// lookups: an import checks rows the file itself already failed as duplicates that way, inside a transaction that
        /// holds the file's earlier rows, which would otherwise be reported as the saved leads they duplicate.
        /// </summary>
        public Task<IReadOnlyList<Result<Checked>>> CheckAsync(IReadOnlyList<CaptureLead> requests, CancellationToken ct, bool lookUpDuplicates = true) =>
            CheckAsync(requests, assigning: false, ct, lookUpDuplicates);

        private async Task<IReadOnlyList<Result<Checked>>> CheckAsync(IReadOnlyList<CaptureLead> requests, bool assigning, CancellationToken ct, bool lookUpDuplicates = true)
        {
            var results = new Result<Checked>?[requests.Count];
            var keys = new (LeadDuplicates.Keys Keys, Guid? RegionId)[requests.Count];
            for (var i = 0; i < requests.Count; i++)
            {
                var request = requests[i];
                if (RequestValidation.Check(request) is { } invalid)
                {
                    results[i] = invalid;
                    continue;
                }

                var mobile = Normalize(request.Mobile);
                var email = Normalize(request.Email)?.ToLowerInvariant();
                if (mobile is null && email is null)
                {
                    results[i] = LeadErrors.NeedsAPhoneOrEmail;
                    continue;
                }

                Guid? regionId = null;
                if (Normalize(request.Region) is { } region)
                {
                    regionId = await RegionAsync(region, ct);
                    if (regionId is null)
                    {
                        results[i] = Error.Invalid("region", "notFound");
                        continue;
                    }
                }

                keys[i] = (new LeadDuplicates.Keys(mobile, email, Normalize(request.Company)), regionId);
            }

            var pending = Enumerable.Range(0, requests.Count).Where(i => results[i] is null).ToList();
            var duplicates = pending.Count == 0 || !lookUpDuplicates ? [] : await LeadDuplicates.FindManyAsync(db, [.. pending.Select(i => keys[i].Keys)], null, ct);
            for (var p = 0; p < pending.Count; p++)
            {
                var i = pending[p];
                if (p < duplicates.Count && duplicates[p] is { } duplicate)
                {
                    results[i] = duplicate;
                    continue;
                }

                var owner = await _rotation.ChooseAsync(requests[i].OwnerId, keys[i].RegionId, assigning, ct);
                var (mobile, email, company) = keys[i].Keys;
                results[i] = owner.IsSuccess ? new Checked(mobile, email, company, keys[i].RegionId, owner.Value!) : owner.Error!;
            }

            return results!;
        }

        private async Task<Guid?> RegionAsync(string name, CancellationToken ct)
        {
            if (!_regions.TryGetValue(name, out var id))
            {
                _regions[name] = id = await Regions.Named(db, name).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
            }

            return id;
        }
    }
}
