using Lifecycle.Workflows.Persistence;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Persistence;

public class DeferredSyncTests
{
    private const long Normal = 1;
    private const long Full = 2;

    [Fact]
    public async Task Open_InTheScope_CommitsWithoutWaitingForTheDisk_OnlyOnItsFileAndInItsFlow()
    {
        using var db = new TempDatabase();
        using var other = new TempDatabase();
        var database = new SqliteDatabase(db.Path);
        var elsewhere = new SqliteDatabase(other.Path);
        long before, inside, inATask, onAnotherFile, anotherFlow, after;

        before = Synchronous(database);
        var outsider = new TaskCompletionSource();
        var outside = Task.Run(async () =>
        {
            await outsider.Task;
            return Synchronous(database);
        });
        using (DeferredSync.For(db.Path))
        {
            inside = Synchronous(database);
            inATask = await Task.Run(() => Synchronous(database));
            onAnotherFile = Synchronous(elsewhere);
            outsider.SetResult();
            anotherFlow = await outside;
        }

        after = Synchronous(database);

        Assert.Equal([Full, Normal, Normal, Full, Full, Full], [before, inside, inATask, onAnotherFile, anotherFlow, after]);
    }

    [Fact]
    public async Task Run_WhatActivitiesWriteToTheStoresFile_DoesNotWaitForTheDisk_AndTheRunsEndDoes()
    {
        await using var test = new TestEngine(configureRegistry: r => r.AddAssembly(typeof(ProbeSync).Assembly));
        var path = Path.Combine(test.Folder, "lifecycle.db").Replace("\\", "\\\\");

        var run = await test.RunAsync(TestEngine.Workflow($$"""{ "type": "ProbeSync", "database": "{{path}}" }""", extra: """ "persistence": "everyActivity", """));

        Assert.Equal("Finished", run.Status.ToString());
        Assert.Equal(Normal, run.Outputs["synchronous"]!.GetValue<long>());
        Assert.Equal(Full, Synchronous(new SqliteDatabase(Path.Combine(test.Folder, "lifecycle.db"))));
    }

    private static long Synchronous(SqliteDatabase database)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous";
        return (long)command.ExecuteScalar()!;
    }
}
