namespace SalesFlow.Core.Dealers;

/// <summary>The dealer module's rights; which role holds each is in <see cref="Common.RolePermissions"/>.</summary>
public static class DealerPermissions
{
    /// <summary>See dealers, their territories and stores (within the data scope).</summary>
    public const string View = "dealers.view";

    /// <summary>Change a dealer's details and territories.</summary>
    public const string Manage = "dealers.manage";

    /// <summary>The internal dealer file: lists, details, contract, assessment, tier changes (not for dealer users, who use the portal).</summary>
    public const string ViewFile = "dealers.viewFile";

    /// <summary>Enter and score applications; sign the contract, record the training, activate, assess; request a tier change (the area manager's work).</summary>
    public const string Onboard = "dealers.onboard";

    /// <summary>Approve or reject applications; renew, terminate, suspend and resume dealers.</summary>
    public const string Decide = "dealers.decide";

    /// <summary>Record the deposit received and refunded (finance).</summary>
    public const string Deposit = "dealers.deposit";

    /// <summary>Approve or reject tier changes (the director).</summary>
    public const string ApproveTier = "dealers.approveTier";
}
