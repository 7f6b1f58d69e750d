using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SalesFlow.Core.Data;

namespace SalesFlow.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the model for Sqlite; the connection is never opened when adding a migration.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SalesFlowDbContext>
{
    public SalesFlowDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SalesFlowDbContext>();
        options.UseSalesFlowDatabase(DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new SalesFlowDbContext(options.Options);
    }
}
