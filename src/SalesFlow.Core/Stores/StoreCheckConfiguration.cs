using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.FieldWork.Visits;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Stores;

internal sealed class StoreCheckConfiguration : IEntityTypeConfiguration<StoreCheck>
{
    public void Configure(EntityTypeBuilder<StoreCheck> builder)
    {
        builder.Property(c => c.Notes).HasMaxLength(Visit.TextMaxLength);
        builder.PrimitiveCollection(c => c.MissingLines).ElementType().HasMaxLength(StoreCheck.LineMaxLength);
        builder.HasOne<Visit>().WithMany().HasForeignKey(c => c.VisitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Store>().WithMany().HasForeignKey(c => c.StoreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Dealer>().WithMany().HasForeignKey(c => c.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.OrgUnitId).OnDelete(DeleteBehavior.Restrict);

        // One check per visit; a store's checks by date; a dealer's and a visitor's month.
        builder.HasIndex(c => c.VisitId).IsUnique();
        builder.HasIndex(c => new { c.StoreId, c.Date, c.Id });
        builder.HasIndex(c => new { c.DealerId, c.Date, c.Id });
        builder.HasIndex(c => new { c.OwnerId, c.Date });
    }
}
