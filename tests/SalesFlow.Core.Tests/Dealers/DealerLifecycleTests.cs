using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Dealers.Applications;

namespace SalesFlow.Core.Tests.Dealers;

/// <summary>The status machine of a dealer and of an application, on the entities.</summary>
public class DealerLifecycleTests
{
    private static readonly DateOnly Day = new(2026, 1, 1);

    private static Dealer NewDealer() => new("DLR-000099", "测试商贸", DealerTier.Silver, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "江苏", "南京");

    private static void AssertWrongStatus(Result result)
    {
        Assert.False(result.IsSuccess);
        Assert.Equal((ErrorKind.Conflict, "dealer.wrongStatus"), (result.Error!.Kind, result.Error.Code));
    }

    [Fact]
    public void Onboarding_walks_contract_deposit_training_and_activation_in_order()
    {
        var dealer = NewDealer();
        AssertWrongStatus(dealer.RecordDeposit(Day));
        AssertWrongStatus(dealer.Activate(Day));
        Assert.True(dealer.SignContract(Day, Day.AddYears(1).AddDays(-1), "BM,CN", 1_000_000m, 50_000m).IsSuccess);
        Assert.Equal(DealerStatus.Contracted, dealer.Status);
        AssertWrongStatus(dealer.SignContract(Day, Day.AddYears(1), null, 1m, 1m));
        AssertWrongStatus(dealer.CompleteTraining(Day));
        Assert.True(dealer.RecordDeposit(Day.AddDays(5)).IsSuccess);
        Assert.True(dealer.CompleteTraining(Day.AddDays(9)).IsSuccess);
        Assert.False(dealer.IsTrading);
        Assert.True(dealer.Activate(Day.AddDays(10)).IsSuccess);
        Assert.True(dealer.IsTrading);
        Assert.Equal((Day.AddDays(5), Day.AddDays(9), Day.AddDays(10)), (dealer.DepositReceivedOn, dealer.TrainedOn, dealer.ActivatedOn));
    }

    [Fact]
    public void Renewal_needs_a_passed_assessment_in_the_current_period()
    {
        var dealer = Active();
        Assert.Equal("dealer.assessmentRequired", dealer.Renew(Day.AddYears(2), null).Error!.Code);
        Assert.True(dealer.Assess(Day.AddMonths(11), DealerAssessmentResult.Failed, "目标未达成").IsSuccess);
        Assert.Equal("dealer.assessmentFailed", dealer.Renew(Day.AddYears(2), null).Error!.Code);
        Assert.True(dealer.Assess(Day.AddMonths(11), DealerAssessmentResult.Passed, null).IsSuccess);
        Assert.True(dealer.Renew(Day.AddYears(2).AddDays(-1), 1_200_000m).IsSuccess);
        Assert.Equal((Day.AddYears(1), Day.AddYears(2).AddDays(-1), 1_200_000m), (dealer.ContractStart, dealer.ContractEnd, dealer.YearlyTarget));

        // The new period needs its own assessment.
        Assert.Equal("dealer.assessmentRequired", dealer.Renew(Day.AddYears(3), null).Error!.Code);
    }

    [Fact]
    public void Suspension_returns_to_the_status_before_it()
    {
        var dealer = NewDealer();
        dealer.SignContract(Day, Day.AddYears(1), null, 0m, 10_000m);
        Assert.True(dealer.Suspend("资质待核实").IsSuccess);
        Assert.Equal(DealerStatus.Suspended, dealer.Status);
        AssertWrongStatus(dealer.Suspend("again"));
        AssertWrongStatus(dealer.RecordDeposit(Day));
        Assert.True(dealer.Resume().IsSuccess);
        Assert.Equal(DealerStatus.Contracted, dealer.Status);
        Assert.Null(dealer.SuspensionReason);
        AssertWrongStatus(dealer.Resume());
    }

    [Fact]
    public void Termination_is_final_and_finance_refunds_a_received_deposit_once()
    {
        var dealer = Active();
        Assert.True(dealer.Terminate(Day.AddMonths(6), "严重窜货").IsSuccess);
        AssertWrongStatus(dealer.Terminate(Day.AddMonths(6), "again"));
        AssertWrongStatus(dealer.Suspend("x"));
        AssertWrongStatus(dealer.Resume());
        Assert.True(dealer.RecordDepositRefund(Day.AddMonths(7)).IsSuccess);
        Assert.Equal("dealer.noDepositToRefund", dealer.RecordDepositRefund(Day.AddMonths(7)).Error!.Code);

        var neverPaid = NewDealer();
        neverPaid.Terminate(Day, "放弃合作");
        Assert.Equal("dealer.noDepositToRefund", neverPaid.RecordDepositRefund(Day).Error!.Code);
        AssertWrongStatus(Active().RecordDepositRefund(Day));
    }

    [Fact]
    public void An_application_is_approved_only_when_scored_at_or_above_the_pass_mark()
    {
        var application = new DealerApplication("DAP-000001", Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        Assert.Equal("application.wrongStatus", application.Approve(Guid.NewGuid(), 60m, "x", DateTime.UtcNow).Error!.Code);
        application.Score(new Dictionary<string, int> { ["capital"] = 1 }, 59.9m, null);
        var below = application.Approve(Guid.NewGuid(), 60m, "x", DateTime.UtcNow).Error!;
        Assert.Equal((ErrorKind.BusinessRule, "application.belowPassMark"), (below.Kind, below.Code));
        application.Score(new Dictionary<string, int> { ["capital"] = 3 }, 60m, null);
        Assert.True(application.Approve(Guid.NewGuid(), 60m, "x", DateTime.UtcNow).IsSuccess);
        Assert.Equal(ApplicationStatus.Approved, application.Status);
        Assert.Equal("application.wrongStatus", application.Reject("late", "x", DateTime.UtcNow).Error!.Code);
        Assert.Equal("application.wrongStatus", application.Score(new Dictionary<string, int>(), 0m, null).Error!.Code);
    }

    private static Dealer Active()
    {
        var dealer = NewDealer();
        dealer.SignContract(Day, Day.AddYears(1).AddDays(-1), null, 1_000_000m, 50_000m);
        dealer.RecordDeposit(Day);
        dealer.CompleteTraining(Day);
        dealer.Activate(Day);
        return dealer;
    }
}
