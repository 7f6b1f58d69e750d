namespace SalesFlow.Core.Imports;

public static class ImportPermissions
{
    /// <summary>Upload files; each kind also needs the permission its own create use case needs.</summary>
    public const string Run = "imports.run";

    /// <summary>Download lists; each list also needs its own view permission.</summary>
    public const string Export = "exports.run";
}

public static class ImportErrors
{
    public static readonly Common.Error UnsupportedFile = Common.Error.Invalid("file", "oneOf", ("allowed", ".csv, .xlsx"));

    public static readonly Common.Error FileTooLarge = Common.Error.Invalid("file", "maxLength", ("max", "512 MB"));

    public static Common.Error NotFound(Guid id) => Common.Error.NotFound("ImportJob", id);
}
