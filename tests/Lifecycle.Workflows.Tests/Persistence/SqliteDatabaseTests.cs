using Lifecycle.Workflows.Persistence;
using Lifecycle.Workflows.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Lifecycle.Workflows.Tests.Persistence;

public class SqliteDatabaseTests
{
    private const string FromANewerLifecycle = "29991231000000_FromANewerLifecycle";

    [Fact]
    public async Task InitializeAsync_NoFile_CreatesTheSchemaInWalMode()
    {
        using var db = new TempDatabase();

        await db.Store().InitializeAsync(default);

        Assert.Equal(WorkflowSchema.Migrations.Known, AppliedMigrations(db));
        Assert.Equal(0L, db.Scalar("SELECT COUNT(*) FROM WorkflowInstances"));
        Assert.Equal("wal", db.Scalar("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task InitializeAsync_UpToDate_WritesNothingSoItWorksWhileItCannotWrite()
    {
        using var db = new TempDatabase();
        await db.Store().InitializeAsync(default);
        Lifecycle.Workflows.Persistence.SqliteDatabase.ClearAllPools();
        using var watcher = db.Connect();
        var version = DataVersion(watcher);

        // Another connection holds the write lock throughout: a write would wait for it and fail,
        // as it would on a read-only file; reads go on under WAL.
        using var writer = db.Connect();
        using var transaction = writer.BeginTransaction(deferred: false);
        var store = db.Store();
        await store.InitializeAsync(default);
        var definitions = await store.ListDefinitionsAsync(default);
        var running = await store.FindRunningAsync(default);
        transaction.Rollback();

        Assert.Empty(definitions);
        Assert.Empty(running);
        Assert.Equal(version, DataVersion(watcher));
    }

    [Fact]
    public async Task InitializeAsync_EmptyFile_Migrates()
    {
        using var db = new TempDatabase();
        await File.WriteAllBytesAsync(db.Path, []);

        await db.Store().InitializeAsync(default);

        Assert.Equal(WorkflowSchema.Migrations.Known, AppliedMigrations(db));
    }

    [Fact]
    public async Task InitializeAsync_HistoryWithoutTheMigrations_Migrates()
    {
        using var db = new TempDatabase();
        db.Execute("""CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT NOT NULL PRIMARY KEY, "ProductVersion" TEXT NOT NULL)""");

        await db.Store().InitializeAsync(default);

        Assert.Equal(WorkflowSchema.Migrations.Known, AppliedMigrations(db));
        Assert.Equal(0L, db.Scalar("SELECT COUNT(*) FROM WorkflowDefinitions"));
    }

    [Fact]
    public async Task InitializeAsync_DatabaseMissingALaterMigration_RunsTheMigrationsOnce()
    {
        using var db = new TempDatabase();
        await db.Store().InitializeAsync(default);
        var migrations = 0;
        var later = WorkflowSchema.Migrations with
        {
            Known = [.. WorkflowSchema.Migrations.Known, "20991231000000_Later"],
            MigrateAsync = async (connection, cancellationToken) =>
            {
                migrations++;
                await WorkflowSchema.Migrations.MigrateAsync(connection, cancellationToken);
                await using var record = connection.Command("""INSERT INTO "__EFMigrationsHistory" VALUES ('20991231000000_Later', 'test')""");
                await record.ExecuteNonQueryAsync(cancellationToken);
            },
        };
        var database = new SqliteDatabase(db.Path);

        await database.InitializeAsync(later, default);
        await database.InitializeAsync(later, default);

        Assert.Equal(1, migrations);
        Assert.Equal(later.Known, AppliedMigrations(db));
    }

    [Fact]
    public async Task InitializeAsync_MigrationFromANewerLifecycle_SaysToUpgradeAndWritesNothing()
    {
        using var db = new TempDatabase();
        await db.Store().InitializeAsync(default);
        db.Execute($"""INSERT INTO "__EFMigrationsHistory" VALUES ('{FromANewerLifecycle}', '99.0.0')""");
        using var watcher = db.Connect();
        var version = DataVersion(watcher);

        var error = await Assert.ThrowsAsync<DatabaseTooNewException>(() => db.Store().InitializeAsync(default));

        Assert.Equal([FromANewerLifecycle], error.UnknownMigrations);
        Assert.Contains(db.Path, error.Message);
        Assert.Contains(FromANewerLifecycle, error.Message);
        Assert.EndsWith("Upgrade lifecycle to use it.", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(version, DataVersion(watcher));
    }

    [Fact]
    public async Task InitializeAsync_NewerAndBehindAtOnce_StillRefusesWithoutMigrating()
    {
        using var db = new TempDatabase();
        db.Execute($"""
            CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT NOT NULL PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
            INSERT INTO "__EFMigrationsHistory" VALUES ('{FromANewerLifecycle}', '99.0.0');
            """);

        await Assert.ThrowsAsync<DatabaseTooNewException>(() => db.Store().InitializeAsync(default));

        Assert.Equal([FromANewerLifecycle], AppliedMigrations(db));
    }

    private static List<string> AppliedMigrations(TempDatabase db)
    {
        using var connection = db.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = """SELECT MigrationId FROM "__EFMigrationsHistory" ORDER BY MigrationId""";
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>Changes whenever another connection commits to the file.</summary>
    private static long DataVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return (long)command.ExecuteScalar()!;
    }
}
