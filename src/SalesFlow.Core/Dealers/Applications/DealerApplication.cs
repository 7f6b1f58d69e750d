using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Dealers.Applications;

public enum ApplicationStatus
{
    /// <summary>Entered, not yet scored.</summary>
    Submitted,

    /// <summary>Scored on the checklist, waiting for the decision.</summary>
    Scored,
    Approved,
    Rejected,
}

/// <summary>
/// A company's application to become a dealer (经销商申请, PRODUCT.md §8), entered by the area manager who will guide it.
/// It is scored on the qualification checklist (<see cref="DealerApplicationOptions"/>); a regional manager or the
/// director approves it (only at or above the pass mark), which creates the <see cref="Dealer"/> and its customer
/// account, or rejects it with a reason.
/// </summary>
public sealed class DealerApplication : IHasId, IAudited, IVersioned
{
    public const string NumberSeries = "DAP";
    public const int TextMaxLength = 1000;

    private readonly List<ApplicationScore> _scores = [];

    private DealerApplication()
    {
    }

    public DealerApplication(string number, Guid managerId, Guid orgUnitId, Guid regionId)
    {
        Id = Guid.CreateVersion7();
        Number = number;
        ManagerId = managerId;
        OrgUnitId = orgUnitId;
        RegionId = regionId;
        Status = ApplicationStatus.Submitted;
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; } = "";

    public string CompanyName { get; private set; } = "";

    /// <summary>统一社会信用代码 (18 characters).</summary>
    public string LicenceNumber { get; private set; } = "";

    public decimal RegisteredCapital { get; private set; }

    public string Province { get; private set; } = "";

    public string City { get; private set; } = "";

    /// <summary>The sales channels it runs (supermarkets, wholesale markets, online ...).</summary>
    public string? Channels { get; private set; }

    /// <summary>The customers and stores it already serves.</summary>
    public string? CustomerResources { get; private set; }

    public int TeamSize { get; private set; }

    public string? ContactName { get; private set; }

    public string? ContactMobile { get; private set; }

    /// <summary>The area manager who entered it and will guide the dealer.</summary>
    public Guid ManagerId { get; private set; }

    public Guid OrgUnitId { get; private set; }

    public Guid RegionId { get; private set; }

    public ApplicationStatus Status { get; private set; }

    /// <summary>The weighted checklist total (0–100), set when scored.</summary>
    public decimal? TotalScore { get; private set; }

    public string? ReviewNote { get; private set; }

    public string? RejectionReason { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    /// <summary>The dealer it became, once approved.</summary>
    public Guid? DealerId { get; private set; }

    public IReadOnlyList<ApplicationScore> Scores => _scores;

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public bool IsOpen => Status is ApplicationStatus.Submitted or ApplicationStatus.Scored;

    public void SetDetails(
        string companyName, string licenceNumber, decimal registeredCapital, string province, string city, string? channels, string? customerResources,
        int teamSize, string? contactName, string? contactMobile)
    {
        CompanyName = companyName;
        LicenceNumber = licenceNumber;
        RegisteredCapital = registeredCapital;
        Province = province;
        City = city;
        Channels = channels;
        CustomerResources = customerResources;
        TeamSize = teamSize;
        ContactName = contactName;
        ContactMobile = contactMobile;
    }

    /// <summary>Scores (or re-scores) the checklist while the application is open.</summary>
    public Result Score(IReadOnlyDictionary<string, int> scores, decimal total, string? note)
    {
        if (!IsOpen)
        {
            return ApplicationErrors.WrongStatus(Status);
        }

        _scores.Clear();
        _scores.AddRange(scores.Select(s => new ApplicationScore(Id, s.Key, s.Value)));
        TotalScore = total;
        ReviewNote = note;
        Status = ApplicationStatus.Scored;
        return Result.Ok();
    }

    public Result Approve(Guid dealerId, decimal passMark, string by, DateTime atUtc)
    {
        if (Status != ApplicationStatus.Scored)
        {
            return ApplicationErrors.WrongStatus(Status);
        }

        if (TotalScore < passMark)
        {
            return ApplicationErrors.BelowPassMark(TotalScore!.Value, passMark);
        }

        DealerId = dealerId;
        Status = ApplicationStatus.Approved;
        DecidedBy = by;
        DecidedAtUtc = atUtc;
        return Result.Ok();
    }

    public Result Reject(string reason, string by, DateTime atUtc)
    {
        if (!IsOpen)
        {
            return ApplicationErrors.WrongStatus(Status);
        }

        RejectionReason = reason;
        Status = ApplicationStatus.Rejected;
        DecidedBy = by;
        DecidedAtUtc = atUtc;
        return Result.Ok();
    }

    /// <summary>Demo history only: when it was entered.</summary>
    internal void SetCreatedAt(DateTime utc) => CreatedAtUtc = utc;
}

/// <summary>One checklist criterion's score on an application.</summary>
public sealed class ApplicationScore : IHasId
{
    private ApplicationScore()
    {
    }

    public ApplicationScore(Guid applicationId, string criterion, int score)
    {
        Id = Guid.CreateVersion7();
        ApplicationId = applicationId;
        Criterion = criterion;
        Score = score;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public string Criterion { get; private set; } = "";

    public int Score { get; private set; }
}
