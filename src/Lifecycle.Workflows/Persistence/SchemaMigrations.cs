using Microsoft.Data.Sqlite;

namespace Lifecycle.Workflows.Persistence;

/// <summary>
/// One DbContext's migrations as <see cref="SqliteDatabase.InitializeAsync"/> sees them: where
/// EF Core records the applied ones, which ones this binary has, and how to apply them.
/// </summary>
/// <param name="HistoryTable">The table EF Core records applied migration ids in.</param>
/// <param name="Known">
/// The ids of the migrations compiled into this binary, in order. Kept equal to EF Core's own
/// list by a test, so that adding a migration without adding it here fails the build's tests
/// instead of leaving databases behind.
/// </param>
/// <param name="MigrateAsync">
/// Applies the missing migrations through EF Core on an open connection. Called only when the
/// file is missing or behind, so EF Core's model is built only then.
/// </param>
public sealed record SchemaMigrations(
    string HistoryTable,
    IReadOnlyList<string> Known,
    Func<SqliteConnection, CancellationToken, Task> MigrateAsync)
{
    /// <summary>The migration ids recorded in <see cref="HistoryTable"/>; none when the table does not exist yet.</summary>
    internal async Task<IReadOnlySet<string>> ReadAppliedAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using (var exists = connection.Command("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $table", ("$table", HistoryTable)))
        {
            if ((long)(await exists.ExecuteScalarAsync(cancellationToken))! == 0)
            {
                return new HashSet<string>();
            }
        }

        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using var select = connection.Command($"""SELECT MigrationId FROM "{HistoryTable}" """);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add(reader.GetString(0));
        }

        return applied;
    }
}
