using System.Data.Common;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Bench.Data;
using SalesFlow.Core.Data;
using SalesFlow.Core.Orders;

namespace SalesFlow.Bench.Workloads.Http;

/// <summary>The baseline's request: the product's body plus which template it is (the baseline looks the priced lines up instead of pricing).</summary>
internal sealed record BaselineOrderBody(int Template, Guid CustomerId, IReadOnlyList<OrderLineInput> Lines);

internal sealed record CreatedAnswer(Guid Id, decimal Total, string Status);

/// <summary>
/// W3's baseline: a tiny web app on its own loopback port with one endpoint and no auth, no validation, no idempotency,
/// no audit, no credit check: it inserts the order row and its five line rows (the same columns as the product's, as
/// its model maps them) in one transaction over plain ADO.NET, with a number from an in-memory counter.
/// </summary>
internal sealed class BaselineOrderServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly BenchDatabase _database;
    private readonly IReadOnlyList<OrderTemplate> _templates;
    private readonly BulkTable _orders;
    private readonly BulkTable _lines;
    private readonly string _numberPrefix = "B" + Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
    private int _numbers;

    private BaselineOrderServer(BenchDatabase database, IServiceProvider services, IReadOnlyList<OrderTemplate> templates)
    {
        _database = database;
        _templates = templates;
        using (var db = services.GetRequiredService<IDbContextFactory<SalesFlowDbContext>>().CreateDbContext())
        {
            _orders = BulkTable.Of<Order>(db.Model);
            _lines = BulkTable.Of<OrderLine>(db.Model);
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/orders", async (BaselineOrderBody body, CancellationToken ct) => TypedResults.Created((string?)null, await InsertAsync(body, ct)));
    }

    public Uri Address { get; private set; } = null!;

    /// <summary>Numbers this server gave, so the workload can find (and delete) what it inserted.</summary>
    public string NumberPrefix => _numberPrefix;

    public static async Task<BaselineOrderServer> StartAsync(BenchDatabase database, IServiceProvider services, IReadOnlyList<OrderTemplate> templates, CancellationToken ct)
    {
        var server = new BaselineOrderServer(database, services, templates);
        await server._app.StartAsync(ct);
        server.Address = new Uri(server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    private async Task<CreatedAnswer> InsertAsync(BaselineOrderBody body, CancellationToken ct)
    {
        var template = _templates[body.Template];
        var shape = template.Shape;
        var now = DateTime.UtcNow;
        var number = $"{_numberPrefix}{Interlocked.Increment(ref _numbers):D8}";
        var order = new Order(number, shape.CustomerId, shape.DealerId, shape.Channel, shape.OwnerId, shape.OrgUnitId, shape.Currency, shape.OrderDate, shape.PaymentTermsDays);
        var lines = OrderTemplates.CopyLines(template);
        order.Edit(null, lines);
        order.Submit(OrderStatus.Confirmed, null, now);
        order.Stamped(now, "baseline").Set("Version", 1);
        foreach (var line in lines)
        {
            line.Set("OrderId", order.Id);
        }

        await using var connection = await _database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await InsertAsync(connection, transaction, _orders, [order], ct);
        await InsertAsync(connection, transaction, _lines, lines, ct);
        await transaction.CommitAsync(ct);
        return new CreatedAnswer(order.Id, order.Total, order.Status.ToString());
    }

    private static async Task InsertAsync<T>(DbConnection connection, DbTransaction transaction, BulkTable table, List<T> rows, CancellationToken ct)
        where T : class
    {
        var sqlite = connection is Microsoft.Data.Sqlite.SqliteConnection;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var values = string.Join(", ", rows.Select((_, r) => "(" + string.Join(", ", table.Columns.Select((_, c) => $"@p{r}_{c}")) + ")"));
        command.CommandText = $"INSERT INTO {table.Target} VALUES {values}";
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{r}_{c}";
                parameter.Value = table.Columns[c].Read(rows[r]) switch
                {
                    null => DBNull.Value,
                    Guid id when sqlite => id.ToString().ToUpperInvariant(), // as EF Core's SQLite provider stores it
                    var value => value,
                };
                command.Parameters.Add(parameter);
            }
        }

        await command.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
