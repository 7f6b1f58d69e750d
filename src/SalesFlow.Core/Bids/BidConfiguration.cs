using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Opportunities;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Bids;

internal sealed class BidConfiguration : IEntityTypeConfiguration<Bid>
{
    public void Configure(EntityTypeBuilder<Bid> builder)
    {
        builder.Property(b => b.Number).HasMaxLength(20);
        builder.Property(b => b.Title).HasMaxLength(Bid.TitleMaxLength);
        builder.Property(b => b.Currency).HasMaxLength(3);
        builder.Property(b => b.EstimatedAmount).IsMoney();
        builder.Property(b => b.PurchaseCost).HasPrecision(18, 2);
        builder.Property(b => b.ProposedPrice).HasPrecision(18, 2);
        builder.Property(b => b.ApprovedPrice).HasPrecision(18, 2);
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(b => b.CurrentStep).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.TechnicalSpecs).HasMaxLength(Bid.TextMaxLength);
        builder.Property(b => b.DocumentNumber).HasMaxLength(Bid.DocumentNumberMaxLength);
        builder.Property(b => b.ResultReason).HasMaxLength(Bid.ReasonMaxLength);
        builder.Property(b => b.Competitor).HasMaxLength(Bid.CompetitorMaxLength);
        builder.HasOne<Customer>().WithMany().HasForeignKey(b => b.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(b => b.OpportunityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(b => b.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(b => b.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(b => b.Steps).WithOne().HasForeignKey(s => s.BidId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(b => b.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(b => b.Number).IsUnique();
        builder.HasIndex(b => new { b.OrgUnitId, b.Status });
        builder.HasIndex(b => new { b.OwnerId, b.Status });
        builder.HasIndex(b => b.CustomerId);
    }
}

internal sealed class BidStepRecordConfiguration : IEntityTypeConfiguration<BidStepRecord>
{
    public void Configure(EntityTypeBuilder<BidStepRecord> builder)
    {
        builder.ToTable("bid_steps");
        builder.Property(s => s.Step).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Comment).HasMaxLength(Bid.ReasonMaxLength);
        builder.HasOne<Employee>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.BidId, s.Step }).IsUnique();

        // "Overdue" asks for open steps by due date.
        builder.HasIndex(s => new { s.CompletedAtUtc, s.DueDate });
    }
}
