namespace SalesFlow.Core.Leads;

public enum ProspectBand
{
    Below,
    Within,
    Above,
}

/// <summary>Configuration section <c>Leads:PipelineHealth</c>; defaults are the documents' numbers.</summary>
public sealed class PipelineHealthOptions
{
    /// <summary>A rep keeps at least this many prospects in follow-up…</summary>
    public int MinProspects { get; set; } = 60;

    /// <summary>…and at most this many, or follow-up gets thin.</summary>
    public int MaxProspects { get; set; } = 80;

    /// <summary>For every closed customer, at least this many new names.</summary>
    public int NewNamesPerClosedCustomer { get; set; } = 5;
}

/// <summary>The pipeline-health rules of PRODUCT.md §3, as pure calculations.</summary>
public static class PipelineHealth
{
    public static ProspectBand Band(int openProspects, PipelineHealthOptions options) =>
        openProspects < options.MinProspects ? ProspectBand.Below
        : openProspects > options.MaxProspects ? ProspectBand.Above
        : ProspectBand.Within;

    public static int NewNamesRequired(int closedCustomers, PipelineHealthOptions options) =>
        closedCustomers * options.NewNamesPerClosedCustomer;
}
