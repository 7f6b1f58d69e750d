using Microsoft.Extensions.Time.Testing;
using SalesFlow.Core.Common;
using SalesFlow.Core.Contracts;

namespace SalesFlow.Core.Tests.Contracts;

/// <summary>The contract's own rules: the schedule sums to the amount, collected money fills installments by due date, expiry in the company's day.</summary>
public class ContractRulesTests
{
    private static readonly DateOnly Start = new(2026, 1, 1);

    private static ContractTerms Terms(decimal amount, DateOnly? end = null) =>
        new("年度供货合同", "远航工业集团销售有限公司", null, Start, end ?? new DateOnly(2026, 12, 31), amount, null);

    private static Contract Draft() => new("CT-2026-000001", Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "CNY");

    [Fact]
    public void A_schedule_must_add_up_to_the_amount_exactly_and_fall_inside_or_after_the_period()
    {
        var contract = Draft();
        var unequal = contract.Edit(Terms(100_000m), [new(Start.AddDays(10), 30_000m, "预付款 30%"), new(Start.AddDays(100), 69_999.99m, null)]);
        Assert.Equal("contract.scheduleNotEqualAmount", unequal.Error!.Code);
        Assert.Equal(99_999.99m, unequal.Error.Args["scheduled"]);
        Assert.Empty(contract.Installments);

        var early = contract.Edit(Terms(100_000m), [new(Start.AddDays(-1), 100_000m, null)]);
        Assert.Equal("contract.installmentBeforeStart", early.Error!.Code);
        Assert.Equal("contract.endBeforeStart", contract.Edit(Terms(1m, Start.AddDays(-1)), []).Error!.Code);

        // After the end is fine (质保金 paid after the warranty); the installments are kept in due-date order.
        var ok = contract.Edit(Terms(100_000m), [new(new DateOnly(2027, 3, 1), 10_000m, "质保金"), new(Start.AddDays(10), 30_000m, "预付款"), new(Start.AddDays(100), 60_000m, "到货款")]);
        Assert.True(ok.IsSuccess);
        Assert.Equal(["预付款", "到货款", "质保金"], contract.Installments.Select(i => i.Milestone));
        Assert.Equal([1, 2, 3], contract.Installments.Select(i => i.Sequence));
    }

    [Fact]
    public void Signing_needs_a_full_schedule_and_after_signing_nothing_is_edited()
    {
        var contract = Draft();
        Assert.True(contract.Edit(Terms(50_000m), []).IsSuccess);
        Assert.Equal("contract.scheduleNotEqualAmount", contract.Activate(Start).Error!.Code);

        Assert.True(contract.Edit(Terms(50_000m), [new(Start, 50_000m, null)]).IsSuccess);
        Assert.True(contract.Activate(Start).IsSuccess);
        Assert.Equal((ContractStatus.Active, Start), (contract.Status, contract.SignedDate!.Value));
        Assert.Equal("contract.notDraft", contract.Edit(Terms(60_000m), [new(Start, 60_000m, null)]).Error!.Code);
        Assert.Equal("contract.notDraft", contract.Activate(Start).Error!.Code);
        Assert.Equal(50_000m, contract.Amount);

        Assert.Equal(ErrorKind.Validation, contract.Terminate(" ", Start).Error!.Kind);
        Assert.True(contract.Terminate("客户停产", Start.AddDays(30)).IsSuccess);
        Assert.Equal("contract.notActive", contract.Complete(Start).Error!.Code);
    }

    [Fact]
    public void Renewal_copies_the_terms_for_the_next_period_of_the_same_length()
    {
        var contract = Draft();
        contract.Edit(Terms(120_000m), [new(Start.AddDays(10), 36_000m, "预付款"), new(new DateOnly(2026, 12, 31), 84_000m, "尾款")]);
        Assert.Equal("contract.notRenewable", contract.Renew("CT-2026-000002").Error!.Code);
        contract.Activate(Start);

        var next = contract.Renew("CT-2026-000002").Value!;
        Assert.Equal((ContractStatus.Draft, contract.Id, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)), (next.Status, next.RenewedFromId!.Value, next.StartDate, next.EndDate));
        Assert.Equal((120_000m, contract.CustomerId, contract.OwnerId), (next.Amount, next.CustomerId, next.OwnerId));
        Assert.Equal([new DateOnly(2027, 1, 11), new DateOnly(2027, 12, 31)], next.Installments.Select(i => i.DueDate));
    }

    [Fact]
    public void Collected_money_fills_the_installments_in_due_date_order()
    {
        // Given out of order: sequence 3 is due first.
        (int, DateOnly, decimal)[] schedule = [(1, new(2026, 3, 1), 30_000m), (2, new(2026, 9, 1), 60_000m), (3, new(2026, 2, 1), 10_000m)];
        Assert.Equal([25_000m, 0m, 10_000m], ContractSchedule.Allocate(schedule, 35_000m));
        Assert.Equal([30_000m, 5_000m, 10_000m], ContractSchedule.Allocate(schedule, 45_000m));
        Assert.Equal([30_000m, 60_000m, 10_000m], ContractSchedule.Allocate(schedule, 150_000m));
        Assert.Equal([0m, 0m, 0m], ContractSchedule.Allocate(schedule, 0m));

        // Same due date: the lower sequence first.
        Assert.Equal([100m, 50m], ContractSchedule.Allocate([(1, new(2026, 3, 1), 100m), (2, new(2026, 3, 1), 100m)], 150m));
    }

    [Fact]
    public void An_active_contract_expires_when_its_end_date_has_passed_in_the_company_time_zone()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 30, 15, 30, 0, TimeSpan.Zero)); // 23:30 in Shanghai
        var clock = new CompanyClock(time, new CompanyOptions());
        var contract = Draft();
        contract.Edit(Terms(1_000m, new DateOnly(2026, 6, 30)), [new(Start, 1_000m, null)]);
        Assert.Equal(ContractState.Draft, contract.StateOn(clock.Today));
        contract.Activate(Start);
        Assert.Equal(ContractState.Active, contract.StateOn(clock.Today));

        time.Advance(TimeSpan.FromHours(1)); // 16:30 UTC is still 30 June in UTC, but 1 July 00:30 in Shanghai
        Assert.Equal(new DateOnly(2026, 6, 30), DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        Assert.Equal(ContractState.Expired, contract.StateOn(clock.Today));

        contract.Complete(clock.Today);
        Assert.Equal(ContractState.Completed, contract.StateOn(clock.Today));
    }
}
