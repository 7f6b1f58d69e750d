using SalesFlow.Core.Common;
using SalesFlow.Core.Dealers.Applications;

namespace SalesFlow.Core.Tests.Dealers;

public class ChecklistTests
{
    private static readonly DealerApplicationOptions Options = new();

    private static Dictionary<string, int> All(int score) => Options.Checklist.ToDictionary(c => c.Code, _ => score);

    [Fact]
    public void Full_marks_are_100_and_zero_is_0()
    {
        Assert.Equal(100m, Checklist.Total(Options, All(5)).Value);
        Assert.Equal(0m, Checklist.Total(Options, All(0)).Value);
    }

    [Fact]
    public void The_total_weights_each_criterion_and_rounds_to_one_decimal()
    {
        // capital 25 × 4/5 = 20, channels 20 × 3/5 = 12, customers 20 × 2/5 = 8, team 15 × 1/5 = 3, credit 20 × 5/5 = 20 → 63.
        var scores = new Dictionary<string, int> { ["capital"] = 4, ["channels"] = 3, ["customers"] = 2, ["team"] = 1, ["credit"] = 5 };
        Assert.Equal(63m, Checklist.Total(Options, scores).Value);

        var odd = new DealerApplicationOptions { Criteria = [new() { Code = "a", Weight = 1, MaxScore = 3 }, new() { Code = "b", Weight = 2, MaxScore = 3 }] };
        Assert.Equal(33.3m, Checklist.Total(odd, new Dictionary<string, int> { ["a"] = 1, ["b"] = 1 }).Value);
    }

    [Fact]
    public void A_missing_unknown_or_out_of_range_score_is_refused_by_field()
    {
        var missing = All(3);
        missing.Remove("team");
        Assert.Equal("scores.team", Checklist.Total(Options, missing).Error!.Fields![0].Field);

        var unknown = All(3);
        unknown["looks"] = 2;
        Assert.Equal("unknownCriterion", Checklist.Total(Options, unknown).Error!.Fields![0].Rule);

        var high = All(3);
        high["capital"] = 6;
        var error = Checklist.Total(Options, high).Error!;
        Assert.Equal((ErrorKind.Validation, "scores.capital", "range"), (error.Kind, error.Fields![0].Field, error.Fields[0].Rule));
        Assert.False(Checklist.Total(Options, null).IsSuccess);
    }

    [Fact]
    public void Configured_criteria_replace_the_defaults()
    {
        var configured = new DealerApplicationOptions { Criteria = [new() { Code = "capital", Weight = 100, MaxScore = 10 }] };
        Assert.Single(configured.Checklist);
        Assert.Equal(5, new DealerApplicationOptions().Checklist.Count);
    }
}
