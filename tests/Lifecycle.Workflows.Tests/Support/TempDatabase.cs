using Lifecycle.Workflows.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Lifecycle.Workflows.Tests.Support;

/// <summary>
/// A SQLite file in a temp folder, reachable through the store, through EF Core's context and
/// through plain connections (to put it in states only other processes or versions reach).
/// </summary>
public sealed class TempDatabase : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("lifecycle-db-").FullName;

    public string Path => System.IO.Path.Combine(Folder, "lifecycle.db");

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    public SqliteWorkflowStore Store() => new(Path, Readers.Create(), Time);

    /// <summary>EF Core's view of the same file, as the version before hand-written SQL read and wrote it.</summary>
    public WorkflowDbContext Ef() => new(new DbContextOptionsBuilder<WorkflowDbContext>().UseSqlite($"Data Source={Path}").Options);

    /// <summary>A plain connection, without the store's PRAGMAs.</summary>
    public SqliteConnection Connect()
    {
        var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        return connection;
    }

    public object? Scalar(string sql)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Execute(string sql) => Scalar(sql);

    public void Dispose()
    {
        Lifecycle.Workflows.Persistence.SqliteDatabase.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
