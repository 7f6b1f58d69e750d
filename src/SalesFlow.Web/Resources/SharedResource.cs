namespace SalesFlow.Web.Resources;

/// <summary>Marker for the UI's text catalogue: Resources/SharedResource.resx (en) and SharedResource.zh-CN.resx.</summary>
public sealed class SharedResource;
