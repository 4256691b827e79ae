using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Lifecycle.Workflows.Persistence;

/// <summary>The engine's tables as <see cref="WorkflowDbContext"/>'s migrations define them.</summary>
public static class WorkflowSchema
{
    /// <summary>EF Core's default history table, which <see cref="WorkflowDbContext"/> keeps.</summary>
    public const string HistoryTable = "__EFMigrationsHistory";

    /// <summary>The migrations of <see cref="WorkflowDbContext"/>; a test keeps the list equal to EF Core's.</summary>
    public static SchemaMigrations Migrations { get; } = new(HistoryTable, ["20261124025458_Initial", "20261207105856_InstanceFiltersAndJournalPositions"], MigrateAsync);

    // EF Core's model is built here only, when a database is missing or behind.
    private static async Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var db = new WorkflowDbContext(new DbContextOptionsBuilder<WorkflowDbContext>().UseSqlite(connection).Options);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
