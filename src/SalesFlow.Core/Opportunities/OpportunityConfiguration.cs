using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Leads;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Opportunities;

internal sealed class OpportunityStageConfiguration : IEntityTypeConfiguration<OpportunityStage>
{
    public void Configure(EntityTypeBuilder<OpportunityStage> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(OpportunityStage.CodeMaxLength);
        builder.Property(s => s.NameZh).HasMaxLength(OpportunityStage.NameMaxLength);
        builder.Property(s => s.NameEn).HasMaxLength(OpportunityStage.NameMaxLength);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(10);
        builder.HasIndex(s => s.Code).IsUnique();
    }
}

internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> builder)
    {
        builder.Property(o => o.Number).HasMaxLength(20);
        builder.Property(o => o.Name).HasMaxLength(Opportunity.NameMaxLength);
        builder.Property(o => o.Amount).IsMoney();
        builder.Property(o => o.Currency).HasMaxLength(3);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(o => o.CloseReason).HasMaxLength(Opportunity.ReasonMaxLength);
        builder.Property(o => o.Competitor).HasMaxLength(Opportunity.CompetitorMaxLength);
        builder.HasOne<Customer>().WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contact>().WithMany().HasForeignKey(o => o.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OpportunityStage>().WithMany().HasForeignKey(o => o.StageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(o => o.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(o => o.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Lead>().WithMany().HasForeignKey(o => o.SourceLeadId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.StageChanges).WithOne().HasForeignKey(c => c.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(o => o.StageChanges).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(o => o.Number).IsUnique();

        // The customer 360 tab and field work ask by customer; lists and the board are scoped by unit or owner.
        builder.HasIndex(o => o.CustomerId);
        builder.HasIndex(o => new { o.OrgUnitId, o.Status, o.StageId });
        builder.HasIndex(o => new { o.OwnerId, o.Status, o.StageId });
        builder.HasIndex(o => new { o.StageId, o.Amount });
        builder.HasIndex(o => new { o.Amount, o.Id });
        builder.HasIndex(o => new { o.CreatedAtUtc, o.Id });
        builder.HasIndex(o => new { o.ExpectedCloseDate, o.Id });
        builder.HasIndex(o => new { o.Name, o.Id });
        builder.HasIndex(o => o.SourceLeadId);
    }
}

internal sealed class OpportunityLineConfiguration : IEntityTypeConfiguration<OpportunityLine>
{
    public void Configure(EntityTypeBuilder<OpportunityLine> builder)
    {
        // Lines and history are added through the opportunity's collections with ids set here: never generated.
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.ProductName).HasMaxLength(OpportunityLine.ProductNameMaxLength);
        builder.Property(l => l.Sku).HasMaxLength(50);
        builder.Property(l => l.Unit).HasMaxLength(20);
        builder.Property(l => l.Quantity).IsQuantity();
        builder.Property(l => l.UnitPrice).IsMoney();
        builder.Property(l => l.LineAmount).IsMoney();
        builder.HasIndex(l => new { l.OpportunityId, l.Position });
    }
}

internal sealed class OpportunityStageChangeConfiguration : IEntityTypeConfiguration<OpportunityStageChange>
{
    public void Configure(EntityTypeBuilder<OpportunityStageChange> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.By).HasMaxLength(100);
        builder.HasOne<OpportunityStage>().WithMany().HasForeignKey(c => c.FromStageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OpportunityStage>().WithMany().HasForeignKey(c => c.ToStageId).OnDelete(DeleteBehavior.Restrict);

        // Field work asks "did this deal advance since"; the report filters by time of the change and of entry.
        builder.HasIndex(c => new { c.OpportunityId, c.AtUtc });
        builder.HasIndex(c => new { c.AtUtc, c.ToStageId });
        builder.HasIndex(c => new { c.FromEnteredAtUtc, c.FromStageId });
    }
}
