using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Dealers.Evaluations;

internal sealed class DealerEvaluationConfiguration : IEntityTypeConfiguration<DealerEvaluation>
{
    public void Configure(EntityTypeBuilder<DealerEvaluation> builder)
    {
        builder.Property(e => e.Tier).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.ProposedOutcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ConfirmedOutcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Comment).HasMaxLength(DealerEvaluation.CommentMaxLength);
        builder.Property(e => e.ConfirmedBy).HasMaxLength(256);
        builder.Property(e => e.TargetAmount).HasPrecision(18, 2);
        builder.Property(e => e.SellInAmount).IsMoney();
        builder.Property(e => e.InvoicedDue).IsMoney();
        builder.Property(e => e.PaidOnTime).IsMoney();
        builder.Property(e => e.SellInQuantity).IsQuantity();
        builder.Property(e => e.SellThroughQuantity).IsQuantity();
        foreach (var score in new[] { nameof(DealerEvaluation.TargetScore), nameof(DealerEvaluation.SellThroughScore), nameof(DealerEvaluation.InventoryScore), nameof(DealerEvaluation.PaymentScore), nameof(DealerEvaluation.CoverageScore), nameof(DealerEvaluation.ComplianceScore) })
        {
            builder.Property<decimal?>(score).HasPrecision(5, 2);
        }

        builder.Property(e => e.Total).HasPrecision(5, 2);
        builder.HasOne<Dealer>().WithMany().HasForeignKey(e => e.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DealerTierChange>().WithMany().HasForeignKey(e => e.TierChangeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.DealerId, e.Year, e.Quarter }).IsUnique();
        builder.HasIndex(e => new { e.Year, e.Quarter, e.Total });
        builder.Ignore(e => e.Facts);
        builder.Ignore(e => e.Weights);
        builder.Ignore(e => e.Scores);
    }
}
