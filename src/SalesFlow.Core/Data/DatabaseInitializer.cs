using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Demo;
using SalesFlow.Core.Identity;
using SalesFlow.Core.Opportunities;

namespace SalesFlow.Core.Data;

/// <summary>Brings a database to the current model and loads reference data (roles) and, when asked, the demo company.</summary>
public sealed class DatabaseInitializer(IDbContextFactory<SalesFlowDbContext> dbFactory, DemoCompanySeeder demo)
{
    public async Task InitializeAsync(bool migrate, bool seedDemo, string demoPassword, CancellationToken ct)
    {
        await using (var db = await dbFactory.OpenAsync(Actor.System, ct))
        {
            if (migrate)
            {
                if (db.Database.IsSqlite())
                {
                    // WAL lets readers run while one writer writes; it is a property of the file and persists.
                    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
                }

                await db.Database.MigrateAsync(ct);
            }

            var existing = await db.Roles.Select(r => r.Name).ToListAsync(ct);
            foreach (var role in Roles.All.Except(existing!))
            {
                db.Roles.Add(new AppRole(role!));
            }

            await db.SaveChangesAsync(ct);
            await OpportunityStages.EnsureDefaultsAsync(db, ct);
        }

        if (seedDemo)
        {
            await demo.SeedIfEmptyAsync(demoPassword, ct);
        }
    }
}
