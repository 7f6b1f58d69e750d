using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SalesFlow.Core.Data;

/// <summary>
/// Tells a database that is briefly out of reach (PostgreSQL restarting or refusing connections, the pool
/// exhausted while it is down, SQLite's file still locked after the busy wait) from a bug. The first is answered
/// 503 with Retry-After, so clients retry with the same idempotency key; the second stays a 500.
/// </summary>
public static class DatabaseFaults
{
    /// <summary>Seconds a client should wait before it retries.</summary>
    public const int RetryAfterSeconds = 2;

    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    // Class 08 (connection), 57P01–57P03 (shut down, crash, cannot connect now), 53300 (too many connections).
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState is "57P01" or "57P02" or "57P03" or "53300";
                case NpgsqlException npgsql when npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException:
                    return true;
                case SqliteException sqlite when sqlite.SqliteErrorCode is 5 or 6: // SQLITE_BUSY, SQLITE_LOCKED
                    return true;
                case SocketException:
                    return true;
            }
        }

        return false;
    }
}
