using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SalesFlow.Core.Data;

namespace SalesFlow.Migrations.Postgres;

/// <summary>Lets `dotnet ef` build the model for Postgres; the connection is never opened when adding a migration.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SalesFlowDbContext>
{
    public SalesFlowDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SalesFlowDbContext>();
        options.UseSalesFlowDatabase(DatabaseProvider.Postgres, "Host=localhost;Database=salesflow_design;Username=postgres");
        return new SalesFlowDbContext(options.Options);
    }
}
