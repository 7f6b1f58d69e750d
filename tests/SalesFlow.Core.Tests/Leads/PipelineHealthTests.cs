using SalesFlow.Core.Leads;

namespace SalesFlow.Core.Tests.Leads;

public class PipelineHealthTests
{
    private static readonly PipelineHealthOptions Defaults = new();

    [Theory]
    [InlineData(0, ProspectBand.Below)]
    [InlineData(59, ProspectBand.Below)]
    [InlineData(60, ProspectBand.Within)]
    [InlineData(80, ProspectBand.Within)]
    [InlineData(81, ProspectBand.Above)]
    public void A_rep_should_keep_60_to_80_prospects_in_follow_up(int open, ProspectBand band)
    {
        Assert.Equal(band, PipelineHealth.Band(open, Defaults));
    }

    [Fact]
    public void Every_closed_customer_asks_for_five_new_names_and_the_numbers_are_settings()
    {
        Assert.Equal(15, PipelineHealth.NewNamesRequired(3, Defaults));
        Assert.Equal(ProspectBand.Within, PipelineHealth.Band(10, new PipelineHealthOptions { MinProspects = 5, MaxProspects = 10 }));
        Assert.Equal(6, PipelineHealth.NewNamesRequired(2, new PipelineHealthOptions { NewNamesPerClosedCustomer = 3 }));
    }
}
