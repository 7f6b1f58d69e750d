using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Customers;

public sealed record CustomerRow(
    Guid Id, string Number, string Name, CustomerType Type, CustomerClass Class, ValueTier ValueTier, string? Industry,
    Guid RegionId, string RegionName, Guid OwnerId, string OwnerName, string? Phone, IReadOnlyList<string> Tags, DateTime CreatedAtUtc);

public sealed record ContactRow(Guid Id, string FullName, string? Title, string? OfficePhone, string? Mobile, string? Email, bool IsPrimary, int Version);

public sealed record CustomerDetails(
    Guid Id, string Number, string Name, CustomerType Type, CustomerClass Class, ValueTier ValueTier, string? Industry,
    Guid RegionId, string RegionName, Guid OwnerId, string OwnerName, string? Address, string? Phone, IReadOnlyList<string> Tags,
    decimal CreditLimit, int PaymentTermsDays, bool IsDeleted, int Version, IReadOnlyList<ContactRow> Contacts,
    DateTime CreatedAtUtc, string CreatedBy, DateTime UpdatedAtUtc, string UpdatedBy, string PreferredLanguage = CustomerLanguages.Default);

public sealed record CustomerFilter(
    string? Q = null, string? Region = null, CustomerClass? Class = null, ValueTier? Tier = null, CustomerType? Type = null,
    Guid? OwnerId = null, string? Tag = null, bool Deleted = false);

public sealed class CustomerQueries(IDbContextFactory<SalesFlowDbContext> dbFactory)
{
    public static readonly SortWhitelist<Customer> Sorts = new(
        "name",
        SortOption<Customer>.By("name", c => c.Name),
        SortOption<Customer>.By("number", c => c.Number),
        SortOption<Customer>.By("createdAt", c => c.CreatedAtUtc),
        SortOption<Customer>.By("creditLimit", c => c.CreditLimit));

    public async Task<Result<Page<CustomerRow>>> ListAsync(Actor actor, CustomerFilter filter, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(CustomerPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Filter(db, db.Customers.AsNoTracking().VisibleTo(actor), filter);
        return await Sorts.PageAsync(query, page, c => new CustomerRow(
            c.Id, c.Number, c.Name, c.Type, c.Class, c.ValueTier, c.Industry, c.RegionId,
            db.OrgUnits.Where(u => u.Id == c.RegionId).Select(u => u.Name).First(),
            c.OwnerId,
            db.Employees.Where(e => e.Id == c.OwnerId).Select(e => e.Name).First(),
            c.Phone, Customer.SplitTags(c.Tags), c.CreatedAtUtc), ct);
    }

    private static IQueryable<Customer> Filter(SalesFlowDbContext db, IQueryable<Customer> query, CustomerFilter filter)
    {
        query = query.Where(c => c.IsDeleted == filter.Deleted);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            query = SearchText.Customers(db, query, filter.Q);
        }

        if (!string.IsNullOrWhiteSpace(filter.Region))
        {
            var regions = Regions.Named(db, filter.Region).Select(u => u.Id);
            query = query.Where(c => regions.Contains(c.RegionId));
        }

        if (filter.Class is { } customerClass)
        {
            query = query.Where(c => c.Class == customerClass);
        }

        if (filter.Tier is { } tier)
        {
            query = query.Where(c => c.ValueTier == tier);
        }

        if (filter.Type is { } type)
        {
            query = query.Where(c => c.Type == type);
        }

        if (filter.OwnerId is { } owner)
        {
            query = query.Where(c => c.OwnerId == owner);
        }

        if (!string.IsNullOrWhiteSpace(filter.Tag))
        {
            var tag = "," + filter.Tag.Trim() + ",";
            query = query.Where(c => c.Tags.Contains(tag));
        }

        return query;
    }

    public async Task<Result<CustomerDetails>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(CustomerPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customer = await db.Customers.AsNoTracking().VisibleTo(actor).Where(c => c.Id == id)
            .Select(c => new
            {
                Customer = c,
                RegionName = db.OrgUnits.Where(u => u.Id == c.RegionId).Select(u => u.Name).First(),
                OwnerName = db.Employees.Where(e => e.Id == c.OwnerId).Select(e => e.Name).First(),
            })
            .SingleOrDefaultAsync(ct);
        if (customer is null)
        {
            return CustomerErrors.NotFound(id);
        }

        var contacts = await db.Contacts.AsNoTracking().Where(k => k.CustomerId == id && !k.IsDeleted)
            .OrderByDescending(k => k.IsPrimary).ThenBy(k => k.FullName)
            .Select(k => new ContactRow(k.Id, k.FullName, k.Title, k.OfficePhone, k.Mobile, k.Email, k.IsPrimary, k.Version))
            .ToListAsync(ct);
        var c = customer.Customer;
        return new CustomerDetails(
            c.Id, c.Number, c.Name, c.Type, c.Class, c.ValueTier, c.Industry, c.RegionId, customer.RegionName, c.OwnerId, customer.OwnerName,
            c.Address, c.Phone, c.TagList, c.CreditLimit, c.PaymentTermsDays, c.IsDeleted, c.Version, contacts,
            c.CreatedAtUtc, c.CreatedBy, c.UpdatedAtUtc, c.UpdatedBy, c.PreferredLanguage);
    }
}
