using SalesFlow.Core.Planning;
using SalesFlow.Core.Planning.Targets;

namespace SalesFlow.Bench.Data;

/// <summary>
/// Revenue targets for each whole year of the window: each rep's year is the rep's booked actual times 0.9–1.3 (so
/// attainment varies), summed up the tree (team, region, company) as splits, and phased into the rep's months by the
/// months' actuals. Each dealer gets a year target phased into quarters.
/// </summary>
internal static class BenchTargets
{
    public static IEnumerable<Target> For(BenchOrganization organization, BenchRecords records, BenchOrders orders)
    {
        var random = new Random(7301);
        var ids = new IdSource(7302);
        foreach (var year in Enumerable.Range(Scale.FirstMonth.Year, Scale.LastMonth.Year - Scale.FirstMonth.Year + 1))
        {
            var first = ((year - Scale.FirstMonth.Year) * 12) + 1 - Scale.FirstMonth.Month;
            if (first < 0)
            {
                continue; // the window's first year is not a whole year
            }

            var period = Period.OfYear(year);
            var created = new DateTime(year - 1, 12, 20, 2, 0, 0, DateTimeKind.Utc);
            var months = period.Children(PeriodKind.Month);
            var quarters = period.Children(PeriodKind.Quarter);
            decimal Actual(decimal[,] actuals, int row, int month) => first + month < Scale.Months ? actuals[row, first + month] : 0m;

            var repAmounts = organization.Reps.Select((_, r) =>
                Round(Enumerable.Range(0, 12).Sum(m => Actual(orders.RepMonthActuals, r, m)) * (decimal)(0.9 + (random.NextDouble() * 0.4)))).ToArray();
            var teamAmounts = organization.Teams.Select(t => organization.Reps.Select((rep, r) => rep.TeamId == t.Id ? repAmounts[r] : 0m).Sum()).ToArray();
            var regionAmounts = organization.Regions.Select(g => organization.Teams.Select((t, i) => t.RegionId == g.Id ? teamAmounts[i] : 0m).Sum()).ToArray();

            Target Made(Target target) => target.Set("Id", ids.At(created)).Stamped(created);

            var company = Made(new Target(period, TargetMeasure.Revenue, "", null, TargetOwnerType.OrgUnit, organization.CompanyId, organization.CompanyId, regionAmounts.Sum()));
            company.MarkSplit(SplitMethod.LastYearShare, "按去年占比分解");
            yield return company;
            for (var g = 0; g < organization.Regions.Count; g++)
            {
                var regionId = organization.Regions[g].Id;
                var region = Made(company.ChildFor(TargetOrigin.Split, period, TargetOwnerType.OrgUnit, regionId, regionId, regionAmounts[g], "按去年占比分解"));
                region.MarkSplit(SplitMethod.LastYearShare, "按去年占比分解到团队");
                yield return region;
                for (var t = 0; t < organization.Teams.Count; t++)
                {
                    if (organization.Teams[t].RegionId != regionId)
                    {
                        continue;
                    }

                    var teamId = organization.Teams[t].Id;
                    var team = Made(region.ChildFor(TargetOrigin.Split, period, TargetOwnerType.OrgUnit, teamId, teamId, teamAmounts[t], "按去年占比分解到团队"));
                    team.MarkSplit(SplitMethod.LastYearShare, "按去年占比分解到人");
                    yield return team;
                    for (var r = 0; r < organization.Reps.Count; r++)
                    {
                        var rep = organization.Reps[r];
                        if (rep.TeamId != teamId)
                        {
                            continue;
                        }

                        var person = Made(team.ChildFor(TargetOrigin.Split, period, TargetOwnerType.Employee, rep.Id, teamId, repAmounts[r], "按去年占比分解到人"));
                        person.MarkPhased(PhasingMethod.LastYearSeasonality, "按季节性分月");
                        yield return person;
                        var weights = Enumerable.Range(0, 12).Select(m => Actual(orders.RepMonthActuals, r, m) + 1m).ToList();
                        var split = TargetAllocation.ByWeights(person.Amount, weights, 2).Value!;
                        for (var m = 0; m < 12; m++)
                        {
                            yield return Made(person.ChildFor(TargetOrigin.Phased, months[m], TargetOwnerType.Employee, rep.Id, teamId, split[m], "按季节性分月"));
                        }
                    }
                }
            }

            for (var d = 0; d < records.DealerIds.Length; d++)
            {
                var rep = organization.Reps[records.CustomerRep[d]];
                var amount = Round(Enumerable.Range(0, 12).Sum(m => Actual(orders.DealerMonthActuals, d, m)) * (decimal)(0.9 + (random.NextDouble() * 0.4)));
                var dealer = Made(new Target(period, TargetMeasure.Revenue, "", null, TargetOwnerType.Dealer, records.DealerIds[d], rep.TeamId, amount));
                dealer.MarkPhased(PhasingMethod.LastYearSeasonality, "经销商年度进货目标，按季度分解");
                yield return dealer;
                var weights = Enumerable.Range(0, 4).Select(q => Enumerable.Range(q * 3, 3).Sum(m => Actual(orders.DealerMonthActuals, d, m)) + 1m).ToList();
                var split = TargetAllocation.ByWeights(dealer.Amount, weights, 2).Value!;
                for (var q = 0; q < 4; q++)
                {
                    yield return Made(dealer.ChildFor(TargetOrigin.Phased, quarters[q], TargetOwnerType.Dealer, records.DealerIds[d], rep.TeamId, split[q], "按季度分解"));
                }
            }
        }
    }

    /// <summary>Targets are set in thousands; never zero.</summary>
    private static decimal Round(decimal amount) => Math.Max(10_000m, decimal.Round(amount / 1_000m, MidpointRounding.AwayFromZero) * 1_000m);
}
