using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.FieldWork.Travel;

public enum TravelStatus
{
    /// <summary>Waiting for a manager.</summary>
    Submitted,
    Approved,
    Rejected,

    /// <summary>Refused by the no-breakthrough rule at submission; a manager may still override it.</summary>
    Refused,
}

/// <summary>
/// A rep's travel request (出差申请): where, why, when, which customers, at what estimated cost. A manager whose
/// scope holds the requester approves or rejects it; one refused by <see cref="Breakthroughs"/> stays on record and
/// can be overridden with a reason.
/// </summary>
public sealed class TravelRequest : IHasId, IAudited, IVersioned, IRepOwned
{
    public const int TextMaxLength = 1000;

    private readonly List<TravelRequestCustomer> _customers = [];

    private TravelRequest()
    {
    }

    public TravelRequest(
        Guid ownerId, Guid orgUnitId, string destination, string purpose, DateOnly startDate, DateOnly endDate, decimal estimatedCost,
        IEnumerable<Guid> customerIds)
    {
        Id = Guid.CreateVersion7();
        OwnerId = ownerId;
        OrgUnitId = orgUnitId;
        Destination = destination;
        Purpose = purpose;
        StartDate = startDate;
        EndDate = endDate;
        EstimatedCost = estimatedCost;
        Status = TravelStatus.Submitted;
        foreach (var customer in customerIds.Distinct())
        {
            _customers.Add(new TravelRequestCustomer(Id, customer));
        }
    }

    public Guid Id { get; private set; }

    /// <summary>The requester.</summary>
    public Guid OwnerId { get; private set; }

    public Guid OrgUnitId { get; private set; }

    public string Destination { get; private set; } = "";

    public string Purpose { get; private set; } = "";

    public DateOnly StartDate { get; private set; }

    public DateOnly EndDate { get; private set; }

    public decimal EstimatedCost { get; private set; }

    public IReadOnlyList<TravelRequestCustomer> Customers => _customers;

    public TravelStatus Status { get; private set; }

    /// <summary>The customer the rule refused the request for, and its visits since the last breakthrough.</summary>
    public Guid? RefusedForCustomerId { get; private set; }

    public int? RefusedVisitCount { get; private set; }

    /// <summary>Why it was rejected, or why a manager overrode the refusal.</summary>
    public string? DecisionReason { get; private set; }

    public Guid? DecidedById { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public bool Overridden { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public void RefuseByRule(Guid customerId, int visits)
    {
        Status = TravelStatus.Refused;
        RefusedForCustomerId = customerId;
        RefusedVisitCount = visits;
    }

    public Result Approve(Guid byEmployeeId, DateTime nowUtc) => Decide(TravelStatus.Submitted, TravelStatus.Approved, null, byEmployeeId, nowUtc);

    public Result Reject(string reason, Guid byEmployeeId, DateTime nowUtc) => Decide(TravelStatus.Submitted, TravelStatus.Rejected, reason, byEmployeeId, nowUtc);

    public Result Override(string reason, Guid byEmployeeId, DateTime nowUtc)
    {
        var decided = Decide(TravelStatus.Refused, TravelStatus.Approved, reason, byEmployeeId, nowUtc);
        Overridden |= decided.IsSuccess;
        return decided;
    }

    private Result Decide(TravelStatus from, TravelStatus to, string? reason, Guid byEmployeeId, DateTime nowUtc)
    {
        if (Status != from)
        {
            return FieldWorkErrors.WrongStatus("TravelRequest", Status.ToString(), to.ToString());
        }

        if (reason is not null && string.IsNullOrWhiteSpace(reason))
        {
            return Error.Invalid("reason", "required");
        }

        Status = to;
        DecisionReason = reason?.Trim();
        DecidedById = byEmployeeId;
        DecidedAtUtc = nowUtc;
        return Result.Ok();
    }
}

public sealed class TravelRequestCustomer
{
    private TravelRequestCustomer()
    {
    }

    internal TravelRequestCustomer(Guid travelRequestId, Guid customerId)
    {
        TravelRequestId = travelRequestId;
        CustomerId = customerId;
    }

    public Guid TravelRequestId { get; private set; }

    public Guid CustomerId { get; private set; }
}
