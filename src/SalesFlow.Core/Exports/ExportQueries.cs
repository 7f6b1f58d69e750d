using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Imports;
using SalesFlow.Core.Leads;

namespace SalesFlow.Core.Exports;

/// <summary>A table to download: localized headers and rows read page by page.</summary>
public sealed record ExportTable(string Name, IReadOnlyList<string> Headers, IAsyncEnumerable<IReadOnlyList<string?>> Rows);

/// <summary>
/// Exports exactly what a list shows: the list's own query (filters, sort, data scope) walked page by page with its
/// keyset cursor, so no filter is written twice and memory holds one page. Columns use the import templates'
/// names where they have one, so an export can be edited and imported again.
/// </summary>
public sealed class ExportQueries(CustomerQueries customers, LeadQueries leads, IDbContextFactory<SalesFlowDbContext> dbFactory)
{
    // A contacts page reads its customers' contacts by id list, which stays at a screen's page size.
    private const int ContactPageSize = PageRequest.MaxPageSize;

    public async Task<Result<ExportTable>> CustomersAsync(Actor actor, CustomerFilter filter, string? sort, CancellationToken ct)
    {
        if (actor.Require(ImportPermissions.Export) is { } denied)
        {
            return denied;
        }

        var first = await customers.ListAsync(actor, filter, PageRequest.ForExport(sort, null), ct);
        if (!first.IsSuccess)
        {
            return first.Error!;
        }

        var headers = Localized(("number", "客户编号"), ("name", "客户名称"), ("type", "客户类型"), ("class", "客户等级"), ("valueTier", "价值层级"),
            ("industry", "行业"), ("region", "区域"), ("owner", "负责人"), ("phone", "电话"), ("tags", "标签"), ("createdAt", "创建时间"));
        return new ExportTable("customers", headers, Pages(first.Value!, cursor => customers.ListAsync(actor, filter, PageRequest.ForExport(sort, cursor), ct))
            .SelectMany(page => page.Select(CustomerCells).ToAsyncEnumerable()));
    }

    /// <summary>The contacts of the customers the customer list shows, with the same filters.</summary>
    public async Task<Result<ExportTable>> ContactsAsync(Actor actor, CustomerFilter filter, string? sort, CancellationToken ct)
    {
        if (actor.Require(ImportPermissions.Export) is { } denied)
        {
            return denied;
        }

        var first = await customers.ListAsync(actor, filter, new PageRequest(sort, null, ContactPageSize, false), ct);
        if (!first.IsSuccess)
        {
            return first.Error!;
        }

        var headers = Localized(("customer", "客户"), ("customerName", "客户名称"), ("fullName", "姓名"), ("title", "职务"), ("officePhone", "办公电话"),
            ("mobile", "手机"), ("email", "邮箱"), ("isPrimary", "主联系人"));
        return new ExportTable("contacts", headers, Pages(first.Value!, cursor => customers.ListAsync(actor, filter, new PageRequest(sort, cursor, ContactPageSize, false), ct))
            .SelectMany(page => ContactsOf(page, ct)));
    }

    public async Task<Result<ExportTable>> LeadsAsync(Actor actor, LeadFilter filter, string? sort, CancellationToken ct)
    {
        if (actor.Require(ImportPermissions.Export) is { } denied)
        {
            return denied;
        }

        var first = await leads.ListAsync(actor, filter, PageRequest.ForExport(sort, null), ct);
        if (!first.IsSuccess)
        {
            return first.Error!;
        }

        var headers = Localized(("name", "姓名"), ("company", "公司"), ("mobile", "手机"), ("email", "邮箱"), ("source", "来源"), ("status", "状态"),
            ("region", "区域"), ("owner", "负责人"), ("createdAt", "创建时间"));
        return new ExportTable("leads", headers, Pages(first.Value!, cursor => leads.ListAsync(actor, filter, PageRequest.ForExport(sort, cursor), ct))
            .SelectMany(page => page.Select(LeadCells).ToAsyncEnumerable()));
    }

    private static async IAsyncEnumerable<IReadOnlyList<T>> Pages<T>(Page<T> first, Func<string, Task<Result<Page<T>>>> next)
    {
        var page = first;
        while (true)
        {
            yield return page.Items;
            if (page.NextCursor is not { } cursor)
            {
                yield break;
            }

            var result = await next(cursor);
            page = result.Value ?? throw new InvalidOperationException(result.Error?.Message);
        }
    }

    private async IAsyncEnumerable<IReadOnlyList<string?>> ContactsOf(IReadOnlyList<CustomerRow> page, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var ids = page.Select(c => c.Id).ToList();
        var byCustomer = page.ToDictionary(c => c.Id);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contacts = await db.Contacts.AsNoTracking().Where(k => ids.Contains(k.CustomerId) && !k.IsDeleted)
            .Select(k => new { k.CustomerId, k.FullName, k.Title, k.OfficePhone, k.Mobile, k.Email, k.IsPrimary }).ToListAsync(ct);
        foreach (var customer in page)
        {
            foreach (var k in contacts.Where(k => k.CustomerId == customer.Id).OrderByDescending(k => k.IsPrimary).ThenBy(k => k.FullName, StringComparer.Ordinal))
            {
                yield return [byCustomer[k.CustomerId].Number, byCustomer[k.CustomerId].Name, k.FullName, k.Title, k.OfficePhone, k.Mobile, k.Email, k.IsPrimary ? "true" : "false"];
            }
        }
    }

    private static IReadOnlyList<string?> CustomerCells(CustomerRow c) =>
        [c.Number, c.Name, c.Type.ToString(), c.Class.ToString(), c.ValueTier.ToString(), c.Industry, c.RegionName, c.OwnerName, c.Phone, string.Join(',', c.Tags), Time(c.CreatedAtUtc)];

    private static IReadOnlyList<string?> LeadCells(LeadRow l) =>
        [l.Name, l.Company, l.Mobile, l.Email, l.Source.ToString(), l.Status.ToString(), l.RegionName, l.OwnerName, Time(l.CreatedAtUtc)];

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Chinese headers for a Chinese reader, the import field names otherwise.</summary>
    public static IReadOnlyList<string> Localized(params (string English, string Chinese)[] columns) =>
        CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase)
            ? columns.Select(c => c.Chinese).ToList()
            : columns.Select(c => c.English).ToList();
}
