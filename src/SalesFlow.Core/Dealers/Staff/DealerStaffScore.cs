using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Dealers.Staff;

/// <summary>
/// The area manager's monthly score of one dealer staff member (经销商业务员月度评分): the manager's own 0–100 score and
/// comment, one per staff member and month. The facts shown beside it (visits, store checks, 主推率, plan and review on
/// time) are computed from the records when shown, never stored here.
/// </summary>
public sealed class DealerStaffScore : IHasId, IAudited, IVersioned
{
    public const int CommentMaxLength = 1000;

    private DealerStaffScore()
    {
    }

    public DealerStaffScore(Guid employeeId, Guid dealerId, DateOnly month, int score, string? comment, Guid? scoredById)
    {
        Id = Guid.CreateVersion7();
        EmployeeId = employeeId;
        DealerId = dealerId;
        Month = month;
        Change(score, comment, scoredById);
    }

    public Guid Id { get; private set; }

    public Guid EmployeeId { get; private set; }

    public Guid DealerId { get; private set; }

    /// <summary>The first day of the month scored.</summary>
    public DateOnly Month { get; private set; }

    public int Score { get; private set; }

    public string? Comment { get; private set; }

    /// <summary>The employee who gave the score (the area manager or someone above).</summary>
    public Guid? ScoredById { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public void Change(int score, string? comment, Guid? scoredById)
    {
        Score = score;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        ScoredById = scoredById;
    }
}

internal sealed class DealerStaffScoreConfiguration : IEntityTypeConfiguration<DealerStaffScore>
{
    public void Configure(EntityTypeBuilder<DealerStaffScore> builder)
    {
        builder.Property(s => s.Comment).HasMaxLength(DealerStaffScore.CommentMaxLength);
        builder.HasOne<Employee>().WithMany().HasForeignKey(s => s.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(s => s.ScoredById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Dealer>().WithMany().HasForeignKey(s => s.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.EmployeeId, s.Month }).IsUnique();
        builder.HasIndex(s => new { s.DealerId, s.Month });
    }
}
