using SalesFlow.Core.Customers;
using SalesFlow.Core.FieldWork.Visits;

namespace SalesFlow.Core.Tests.FieldWork;

public class VisitCadenceTests
{
    private static readonly VisitOptions Defaults = new();
    private static readonly DateOnly Today = new(2026, 3, 31);

    [Theory]
    [InlineData(CustomerClass.A, 7)]
    [InlineData(CustomerClass.B, 14)]
    [InlineData(CustomerClass.C, 30)]
    [InlineData(CustomerClass.D, 90)]
    public void The_next_visit_is_due_the_class_frequency_after_the_last_completed_one(CustomerClass customerClass, int days)
    {
        var last = new DateOnly(2026, 3, 1);

        Assert.Equal(last.AddDays(days), VisitCadence.NextDue(last, customerClass, Defaults));
        Assert.False(VisitCadence.IsOverdue(Today.AddDays(-days), customerClass, Today, Defaults));
        Assert.True(VisitCadence.IsOverdue(Today.AddDays(-days - 1), customerClass, Today, Defaults));
    }

    [Fact]
    public void A_customer_never_visited_is_due_now()
    {
        Assert.Null(VisitCadence.NextDue(null, CustomerClass.D, Defaults));
        Assert.True(VisitCadence.IsOverdue(null, CustomerClass.D, Today, Defaults));
    }

    [Fact]
    public void Frequencies_are_settings_and_a_missing_class_falls_back_to_its_default()
    {
        var options = new VisitOptions { Frequency = new() { [CustomerClass.A] = 3 } };

        Assert.Equal(3, options.DaysFor(CustomerClass.A));
        Assert.Equal(14, options.DaysFor(CustomerClass.B));
    }
}
