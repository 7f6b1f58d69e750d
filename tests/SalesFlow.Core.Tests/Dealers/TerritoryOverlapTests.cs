using SalesFlow.Core.Dealers;

namespace SalesFlow.Core.Tests.Dealers;

/// <summary>The one overlap rule, run in memory on the same expression the database query uses.</summary>
public class TerritoryOverlapTests
{
    private static readonly Guid Holder = Guid.NewGuid();
    private static readonly Guid Applicant = Guid.NewGuid();
    private static readonly DateOnly Jan1 = new(2026, 1, 1);
    private static readonly DateOnly Dec31 = new(2026, 12, 31);

    private static DealerTerritory Held(string province, string? city, bool exclusive = true, DateOnly? from = null, DateOnly? to = null) =>
        new(Holder, province, city, exclusive, from ?? Jan1, to);

    private static bool Conflicts(DealerTerritory existing, string province, string? city, bool exclusive = true, DateOnly? from = null, DateOnly? to = null) =>
        TerritoryOverlap.Conflicts(existing, Applicant, new TerritoryClaim(province, city, exclusive, from ?? Jan1, to));

    [Fact]
    public void The_same_city_in_an_overlapping_period_conflicts() =>
        Assert.True(Conflicts(Held("江苏", "南京", to: Dec31), "江苏", "南京", from: new DateOnly(2026, 6, 1), to: new DateOnly(2027, 5, 31)));

    [Fact]
    public void Another_city_of_the_same_province_does_not_conflict() =>
        Assert.False(Conflicts(Held("江苏", "南京"), "江苏", "苏州"));

    [Fact]
    public void A_province_claim_conflicts_with_a_city_in_it_and_the_other_way_round()
    {
        Assert.True(Conflicts(Held("江苏", null), "江苏", "苏州"));
        Assert.True(Conflicts(Held("江苏", "苏州"), "江苏", null));
        Assert.False(Conflicts(Held("浙江", null), "江苏", "苏州"));
    }

    [Fact]
    public void Adjacent_periods_do_not_conflict_but_sharing_one_day_does()
    {
        var held = Held("江苏", "南京", to: Dec31);
        Assert.False(Conflicts(held, "江苏", "南京", from: Dec31.AddDays(1)));
        Assert.True(Conflicts(held, "江苏", "南京", from: Dec31));
        var later = Held("江苏", "南京", from: new DateOnly(2027, 1, 1));
        Assert.False(Conflicts(later, "江苏", "南京", from: Jan1, to: Dec31));
        Assert.True(Conflicts(later, "江苏", "南京", from: Jan1, to: new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void An_open_ended_claim_blocks_every_later_period() =>
        Assert.True(Conflicts(Held("江苏", "南京"), "江苏", "南京", from: new DateOnly(2030, 1, 1)));

    [Fact]
    public void Two_non_exclusive_claims_share_a_city_but_an_exclusive_one_on_either_side_does_not()
    {
        Assert.False(Conflicts(Held("江苏", "南京", exclusive: false), "江苏", "南京", exclusive: false));
        Assert.True(Conflicts(Held("江苏", "南京", exclusive: false), "江苏", "南京", exclusive: true));
        Assert.True(Conflicts(Held("江苏", "南京", exclusive: true), "江苏", "南京", exclusive: false));
    }

    [Fact]
    public void A_dealer_never_conflicts_with_its_own_claims() =>
        Assert.False(TerritoryOverlap.Conflicts(Held("江苏", "南京"), Holder, new TerritoryClaim("江苏", "南京", true, Jan1, null)));

    [Fact]
    public void An_ended_claim_no_longer_blocks_after_its_last_day()
    {
        var held = Held("江苏", "南京");
        held.EndOn(new DateOnly(2026, 3, 31));
        Assert.False(Conflicts(held, "江苏", "南京", from: new DateOnly(2026, 4, 1)));
        Assert.True(Conflicts(held, "江苏", "南京", from: new DateOnly(2026, 3, 31)));
    }
}
