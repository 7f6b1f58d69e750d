using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Stores;

internal sealed class StoreConfiguration : IEntityTypeConfiguration<Store>
{
    public void Configure(EntityTypeBuilder<Store> builder)
    {
        builder.Property(s => s.Code).HasMaxLength(20);
        builder.Property(s => s.Name).HasMaxLength(Store.NameMaxLength);
        builder.Property(s => s.Class).HasConversion<string>().HasMaxLength(2);
        builder.Property(s => s.Province).HasMaxLength(DealerTerritory.PlaceMaxLength);
        builder.Property(s => s.City).HasMaxLength(DealerTerritory.PlaceMaxLength);
        builder.Property(s => s.Address).HasMaxLength(300);
        builder.Property(s => s.ContactName).HasMaxLength(100);
        builder.Property(s => s.Phone).HasMaxLength(40);
        builder.HasOne<Dealer>().WithMany().HasForeignKey(s => s.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(s => s.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(s => s.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.Code).IsUnique();

        // Lists: a dealer's stores, a unit's stores, an owner's stores, each by code.
        builder.HasIndex(s => new { s.DealerId, s.Code });
        builder.HasIndex(s => new { s.OrgUnitId, s.Code });
        builder.HasIndex(s => new { s.OwnerId, s.Code });
    }
}
