using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Dealers.Applications;

internal sealed class DealerApplicationConfiguration : IEntityTypeConfiguration<DealerApplication>
{
    public void Configure(EntityTypeBuilder<DealerApplication> builder)
    {
        builder.Property(a => a.Number).HasMaxLength(20);
        builder.Property(a => a.CompanyName).HasMaxLength(Dealer.NameMaxLength);
        builder.Property(a => a.LicenceNumber).HasMaxLength(18);
        builder.Property(a => a.RegisteredCapital).IsMoney();
        builder.Property(a => a.Province).HasMaxLength(DealerTerritory.PlaceMaxLength);
        builder.Property(a => a.City).HasMaxLength(DealerTerritory.PlaceMaxLength);
        builder.Property(a => a.Channels).HasMaxLength(DealerApplication.TextMaxLength);
        builder.Property(a => a.CustomerResources).HasMaxLength(DealerApplication.TextMaxLength);
        builder.Property(a => a.ContactName).HasMaxLength(100);
        builder.Property(a => a.ContactMobile).HasMaxLength(40);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.TotalScore).HasPrecision(18, 2);
        builder.Property(a => a.ReviewNote).HasMaxLength(DealerApplication.TextMaxLength);
        builder.Property(a => a.RejectionReason).HasMaxLength(Dealer.ReasonMaxLength);
        builder.Property(a => a.DecidedBy).HasMaxLength(256);
        builder.HasMany(a => a.Scores).WithOne().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Scores).HasField("_scores").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Employee>().WithMany().HasForeignKey(a => a.ManagerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(a => a.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Dealer>().WithMany().HasForeignKey(a => a.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.Number).IsUnique();
        builder.HasIndex(a => new { a.Status, a.Number });
        builder.HasIndex(a => new { a.OrgUnitId, a.Number });
    }
}

internal sealed class ApplicationScoreConfiguration : IEntityTypeConfiguration<ApplicationScore>
{
    public void Configure(EntityTypeBuilder<ApplicationScore> builder)
    {
        builder.Property(s => s.Criterion).HasMaxLength(30);
        builder.HasIndex(s => new { s.ApplicationId, s.Criterion }).IsUnique();
    }
}
