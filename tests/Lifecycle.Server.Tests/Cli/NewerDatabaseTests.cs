using Lifecycle.Server.Persistence;
using Lifecycle.Server.Tests.Support;
using Lifecycle.Workflows.Persistence;
using Microsoft.Data.Sqlite;

namespace Lifecycle.Server.Tests.Cli;

public class NewerDatabaseTests
{
    [Theory]
    [InlineData(SessionDbContext.HistoryTable, "status")]
    [InlineData(WorkflowSchema.HistoryTable, "workflow", "list")]
    public async Task Command_OnADatabaseANewerLifecycleMigrated_ExitsTwoWithOneLineSayingToUpgrade(string historyTable, params string[] command)
    {
        using var folder = new TempFolder();
        Git.Init(folder.Path);
        var cli = new CliRunner(folder.Path);
        Assert.Equal(0, (await cli.RunAsync("init")).ExitCode);
        var database = Path.Combine(folder.Path, ".lifecycle", "lifecycle.db");
        using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            connection.Open();
            using var insert = connection.CreateCommand();
            insert.CommandText = $"""INSERT INTO "{historyTable}" VALUES ('29991231000000_FromANewerLifecycle', '99.0.0')""";
            insert.ExecuteNonQuery();
        }

        var result = await cli.RunAsync(command);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: The state database {database} was written by a newer lifecycle", line);
        Assert.Contains("29991231000000_FromANewerLifecycle", line);
        Assert.EndsWith("Upgrade lifecycle to use it.", line.TrimEnd());
    }
}
