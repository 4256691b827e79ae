using Lifecycle.Workflows.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Lifecycle.Server.Persistence;

/// <summary>The session tables as <see cref="SessionDbContext"/>'s migrations define them.</summary>
internal static class SessionSchema
{
    /// <summary>The migrations of <see cref="SessionDbContext"/>; a test keeps the list equal to EF Core's.</summary>
    public static SchemaMigrations Migrations { get; } = new(SessionDbContext.HistoryTable, ["20261124025107_InitialSessions"], MigrateAsync);

    // EF Core's model is built here only, when a database is missing or behind.
    private static async Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var db = new SessionDbContext(new DbContextOptionsBuilder<SessionDbContext>()
            .UseSqlite(connection, o => o.MigrationsHistoryTable(SessionDbContext.HistoryTable))
            .Options);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
