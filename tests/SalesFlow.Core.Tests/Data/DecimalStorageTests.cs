using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Tests.Data;

public class DecimalStorageTests
{
    [Theory]
    [InlineData(2, "12.34", 1234L)]
    [InlineData(2, "12.345", 1235L)]
    [InlineData(2, "-12.345", -1235L)]
    [InlineData(3, "0.125", 125L)]
    [InlineData(3, "98765432.1", 98765432100L)]
    public void Decimals_are_stored_in_minor_units_of_their_scale_rounding_half_away_from_zero(int scale, string value, long stored)
    {
        var converter = (ValueConverter<decimal, long>)DecimalStorage.ConverterFor(scale);

        Assert.Equal(stored, converter.ConvertToProviderExpression.Compile()(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(stored / (decimal)Math.Pow(10, scale), converter.ConvertFromProviderExpression.Compile()(stored));
    }
}
