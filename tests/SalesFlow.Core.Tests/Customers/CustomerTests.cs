using SalesFlow.Core.Customers;

namespace SalesFlow.Core.Tests.Customers;

public class CustomerTests
{
    private static Customer NewCustomer() => new("CUS-000001", "上海恒达机电有限公司", CustomerType.Enterprise, Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());

    [Fact]
    public void Tags_are_trimmed_deduplicated_and_stored_between_commas()
    {
        Assert.Equal(",展会,老客户,", Customer.JoinTags([" 展会", "老客户", "展会", "", "  "]));
        Assert.Equal(",ab,", Customer.JoinTags(["a,b"]));
        Assert.Equal("", Customer.JoinTags([]));
        Assert.Equal(["展会", "老客户"], Customer.SplitTags(",展会,老客户,"));
    }

    [Fact]
    public void A_new_customer_is_class_C_general_with_no_credit()
    {
        var customer = NewCustomer();

        Assert.Equal((CustomerClass.C, ValueTier.General, 0m, 0), (customer.Class, customer.ValueTier, customer.CreditLimit, customer.PaymentTermsDays));
    }

    [Theory]
    [InlineData(-1, 30, "creditLimit")]
    [InlineData(1000, 400, "paymentTermsDays")]
    [InlineData(1000, -1, "paymentTermsDays")]
    public void Credit_out_of_range_is_refused_by_field(decimal limit, int days, string field)
    {
        var customer = NewCustomer();

        var result = customer.SetCredit(limit, days);

        Assert.Equal(field, result.Error?.Fields?[0].Field);
        Assert.Equal(0m, customer.CreditLimit);
    }

    [Fact]
    public void Credit_is_rounded_half_away_from_zero_to_the_cent()
    {
        var customer = NewCustomer();

        customer.SetCredit(1234.565m, 60);

        Assert.Equal(1234.57m, customer.CreditLimit);
    }

    [Fact]
    public void Handing_a_customer_to_its_current_owner_is_refused()
    {
        var customer = NewCustomer();

        Assert.Equal("customer.sameOwner", customer.AssignTo(customer.OwnerId, customer.OrgUnitId).Error?.Code);
        var newOwner = Guid.CreateVersion7();
        Assert.True(customer.AssignTo(newOwner, Guid.CreateVersion7()).IsSuccess);
        Assert.Equal(newOwner, customer.OwnerId);
    }

    [Fact]
    public void Deleting_twice_or_restoring_a_live_customer_is_a_conflict()
    {
        var customer = NewCustomer();

        Assert.Equal("customer.notDeleted", customer.Restore().Error?.Code);
        Assert.True(customer.Delete().IsSuccess);
        Assert.Equal("customer.alreadyDeleted", customer.Delete().Error?.Code);
    }
}
