using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Dealers;

internal sealed class DealerConfiguration : IEntityTypeConfiguration<Dealer>
{
    public void Configure(EntityTypeBuilder<Dealer> builder)
    {
        builder.Property(d => d.Code).HasMaxLength(20);
        builder.Property(d => d.Name).HasMaxLength(Dealer.NameMaxLength);
        builder.Property(d => d.Tier).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.StatusBeforeSuspension).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Province).HasMaxLength(DealerTerritory.PlaceMaxLength);
        builder.Property(d => d.City).HasMaxLength(DealerTerritory.PlaceMaxLength);
        builder.Property(d => d.Address).HasMaxLength(300);
        builder.Property(d => d.ContactName).HasMaxLength(100);
        builder.Property(d => d.ContactMobile).HasMaxLength(40);
        builder.Property(d => d.LicenceNumber).HasMaxLength(18);
        builder.Property(d => d.RegisteredCapital).IsMoney();
        builder.Property(d => d.DepositAmount).IsMoney();
        builder.Property(d => d.SuspensionReason).HasMaxLength(Dealer.ReasonMaxLength);
        builder.Property(d => d.TerminationReason).HasMaxLength(Dealer.ReasonMaxLength);
        builder.Property(d => d.ProductScope).HasMaxLength(Dealer.ProductScopeMaxLength);
        builder.Property(d => d.YearlyTarget).IsMoney();
        builder.Property(d => d.AssessmentResult).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.AssessmentNote).HasMaxLength(Dealer.ReasonMaxLength);
        builder.HasOne<Customer>().WithMany().HasForeignKey(d => d.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(d => d.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(d => d.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(d => d.ManagerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.Code).IsUnique();

        // One dealer per customer account: the account is how its orders find it.
        builder.HasIndex(d => d.CustomerId).IsUnique();
        builder.HasIndex(d => new { d.OrgUnitId, d.Code });
        builder.HasIndex(d => new { d.ManagerId, d.Code });
        builder.HasIndex(d => new { d.Status, d.Code });
        builder.HasIndex(d => new { d.Tier, d.Code });
        builder.HasIndex(d => new { d.RegionId, d.Code });
    }
}

internal sealed class DealerTerritoryConfiguration : IEntityTypeConfiguration<DealerTerritory>
{
    public void Configure(EntityTypeBuilder<DealerTerritory> builder)
    {
        builder.Property(t => t.Province).HasMaxLength(DealerTerritory.PlaceMaxLength);
        builder.Property(t => t.City).HasMaxLength(DealerTerritory.PlaceMaxLength);
        builder.HasOne<Dealer>().WithMany().HasForeignKey(t => t.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.DealerId);

        // The overlap check reads the claims on one province.
        builder.HasIndex(t => new { t.Province, t.City });
    }
}

internal sealed class DealerTierChangeConfiguration : IEntityTypeConfiguration<DealerTierChange>
{
    public void Configure(EntityTypeBuilder<DealerTierChange> builder)
    {
        builder.Property(c => c.FromTier).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.ToTier).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Reason).HasMaxLength(Dealer.ReasonMaxLength);
        builder.Property(c => c.DecisionNote).HasMaxLength(Dealer.ReasonMaxLength);
        builder.Property(c => c.DecidedBy).HasMaxLength(256);
        builder.HasOne<Dealer>().WithMany().HasForeignKey(c => c.DealerId).OnDelete(DeleteBehavior.Restrict);

        // The tier effective on a date reads a dealer's approved changes by date.
        builder.HasIndex(c => new { c.DealerId, c.Status, c.EffectiveOn });
    }
}
