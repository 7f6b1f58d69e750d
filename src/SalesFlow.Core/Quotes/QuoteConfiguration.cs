using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Catalog.Products;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Opportunities;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Quotes;

internal sealed class QuoteConfiguration : IEntityTypeConfiguration<Quote>
{
    public void Configure(EntityTypeBuilder<Quote> builder)
    {
        builder.Property(q => q.Number).HasMaxLength(20);
        builder.Property(q => q.Title).HasMaxLength(Quote.TitleMaxLength);
        builder.Property(q => q.Currency).HasMaxLength(3);
        builder.Property(q => q.Terms).HasMaxLength(Quote.TermsMaxLength);
        builder.Property(q => q.RejectionReason).HasMaxLength(Approvals.ApprovalRequest.CommentMaxLength);
        builder.Property(q => q.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(q => q.NetAmount).IsMoney();
        builder.Property(q => q.TaxAmount).IsMoney();
        builder.Property(q => q.GrossAmount).IsMoney();
        builder.Property(q => q.MaxDiscountPercent).HasPrecision(18, 2);
        builder.HasOne<Customer>().WithMany().HasForeignKey(q => q.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contact>().WithMany().HasForeignKey(q => q.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(q => q.OpportunityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(q => q.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(q => q.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Approvals.ApprovalRequest>().WithMany().HasForeignKey(q => q.ApprovalRequestId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(q => q.DisplayNumber);
        builder.Ignore(q => q.CanBeRevised);
        builder.HasMany(q => q.Lines).WithOne().HasForeignKey(l => l.QuoteId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(q => q.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(q => new { q.Number, q.Revision }).IsUnique();
        builder.HasIndex(q => q.FamilyId);
        builder.HasIndex(q => q.CustomerId);
        builder.HasIndex(q => q.OpportunityId);
        builder.HasIndex(q => new { q.OrgUnitId, q.Status });
        builder.HasIndex(q => new { q.OwnerId, q.Status });
        builder.HasIndex(q => new { q.CreatedAtUtc, q.Id });
        builder.HasIndex(q => new { q.GrossAmount, q.Id });
        builder.HasIndex(q => new { q.ValidUntil, q.Id });
    }
}

internal sealed class QuoteLineConfiguration : IEntityTypeConfiguration<QuoteLine>
{
    public void Configure(EntityTypeBuilder<QuoteLine> builder)
    {
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Sku).HasMaxLength(Product.SkuMaxLength);
        builder.Property(l => l.ProductName).HasMaxLength(Product.NameMaxLength);
        builder.Property(l => l.Unit).HasMaxLength(Product.UnitMaxLength);
        builder.Property(l => l.BaseUnit).HasMaxLength(Product.UnitMaxLength);
        builder.Property(l => l.Quantity).IsQuantity();
        builder.Property(l => l.BaseQuantity).IsQuantity();
        builder.Property(l => l.ListUnitPrice).IsMoney();
        builder.Property(l => l.FloorPrice).HasPrecision(18, 2);
        builder.Property(l => l.DiscountPercent).HasPrecision(18, 2);
        builder.Property(l => l.TaxRate).HasPrecision(9, 6);
        builder.Property(l => l.NetUnitPrice).HasPrecision(18, 4);
        builder.Property(l => l.NetAmount).IsMoney();
        builder.Property(l => l.TaxAmount).IsMoney();
        builder.Property(l => l.GrossAmount).IsMoney();
        builder.Ignore(l => l.Amounts);
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PriceList>().WithMany().HasForeignKey(l => l.PriceListId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.QuoteId, l.Position });
        builder.HasIndex(l => l.ProductId);
    }
}
