using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Customers;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.Property(c => c.Number).HasMaxLength(20);
        builder.Property(c => c.Name).HasMaxLength(Customer.NameMaxLength);
        builder.Property(c => c.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Class).HasConversion<string>().HasMaxLength(1);
        builder.Property(c => c.ValueTier).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.Industry).HasMaxLength(50);
        builder.Property(c => c.Address).HasMaxLength(300);
        builder.Property(c => c.Phone).HasMaxLength(30);
        builder.Property(c => c.Tags).HasMaxLength(Customer.TagsMaxLength);
        builder.Property(c => c.CreditLimit).IsMoney();
        builder.Property(c => c.PreferredLanguage).HasMaxLength(CustomerLanguages.MaxLength).HasDefaultValue(CustomerLanguages.Default);
        builder.Ignore(c => c.TagList);
        builder.HasOne<Employee>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.Number).IsUnique();

        // One index per offered sort, led by the scope column so a scoped, sorted page is an index range.
        builder.HasIndex(c => new { c.OrgUnitId, c.Name, c.Id });
        builder.HasIndex(c => new { c.OwnerId, c.Name, c.Id });
        builder.HasIndex(c => new { c.Name, c.Id });
        builder.HasIndex(c => new { c.CreatedAtUtc, c.Id });

        // One per offered filter, then the default sort so page 1 of a filtered list is an index range read in order,
        // then the deleted flag so the list's count is read from the index alone. The flag goes last: the lists ask
        // `NOT is_deleted`, which SQLite does not treat as an equality, so in second place it would cut the index's
        // order off after the filter and every page would sort all the filter's rows (seconds at 1M rows).
        builder.HasIndex(c => new { c.RegionId, c.Name, c.Id, c.IsDeleted });
        builder.HasIndex(c => new { c.Class, c.Name, c.Id, c.IsDeleted });
        builder.HasIndex(c => new { c.ValueTier, c.Name, c.Id, c.IsDeleted });
        builder.HasIndex(c => new { c.Type, c.Name, c.Id, c.IsDeleted });
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.Property(c => c.FullName).HasMaxLength(50);
        builder.Property(c => c.Title).HasMaxLength(50);
        builder.Property(c => c.OfficePhone).HasMaxLength(30);
        builder.Property(c => c.Mobile).HasMaxLength(30);
        builder.Property(c => c.Email).HasMaxLength(200);
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.CustomerId, c.FullName });
        builder.HasIndex(c => c.Mobile);
        builder.HasIndex(c => c.Email);
    }
}
