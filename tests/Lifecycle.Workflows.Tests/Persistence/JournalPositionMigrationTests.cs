using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Persistence;
using Lifecycle.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Lifecycle.Workflows.Tests.Persistence;

public class JournalPositionMigrationTests
{
    [Fact]
    public async Task Upgrade_GivesExistingSegmentsPositionsInTheOrderTheyWereWritten_AndKeepsEveryRow()
    {
        using var db = new TempDatabase();
        await using (var ef = db.Ef())
        {
            await ef.GetService<IMigrator>().MigrateAsync("20261124025458_Initial");
        }

        var at = db.Time.GetUtcNow();
        db.Execute($"""
            INSERT INTO WorkflowInstances (Id, DefinitionId, Version, Status, CreatedAt, UpdatedAt, Outputs, Snapshot, Revision, JournalSequence)
            VALUES ('b', 'w', 1, 'Suspended', {StoredTime.ToStored(at)}, {StoredTime.ToStored(at)}, '{"{}"}', '{"{}"}', 1, 3),
                   ('a', 'w', 1, 'Suspended', {StoredTime.ToStored(at)}, {StoredTime.ToStored(at)}, '{"{}"}', '{"{}"}', 1, 2)
            """);
        foreach (var (instance, sequence) in new[] { ("b", 1L), ("a", 1L), ("b", 2L), ("a", 2L), ("b", 3L) })
        {
            await using var connection = db.Connect();
            await using var insert = connection.Command("INSERT INTO WorkflowJournal (InstanceId, FirstSequence, LastSequence, Entries) VALUES ($i, $s, $s, $e)",
                ("$i", instance), ("$s", sequence), ("$e", JournalCompression.Compress([new JournalEntry(sequence, at, "x", "Log", JournalEvent.Started)])));
            await insert.ExecuteNonQueryAsync();
        }

        var store = db.Store();
        await store.InitializeAsync(default);
        var feed = await store.ReadAfterAsync(JournalPosition.Start, null, null, 100, default);

        Assert.Equal(["b1", "a1", "b2", "a2", "b3"], feed.Select(e => $"{e.InstanceId}{e.Entry.Sequence}"));
        Assert.Equal([1L, 2L, 3L, 4L, 5L], feed.Select(e => e.Position.Segment));
        Assert.Equal(3, (await store.GetJournalAsync("b", 0, default)).Count);
    }

    [Fact]
    public async Task Positions_AreNeverReused_AfterTheNewestSegmentsAreDeleted()
    {
        await using var test = new TestEngine();
        var first = await test.RunAsync(TestEngine.Workflow("""{ "type": "Log", "message": "hi" }"""));
        var head = await test.Engine.Store.HeadAsync(default);
        await test.Engine.DeleteAsync(first.InstanceId);

        await test.RunAsync(TestEngine.Workflow("""{ "type": "Log", "message": "again" }"""));

        Assert.True((await test.Engine.Store.ReadAfterAsync(JournalPosition.Start, null, null, 100, default)).All(e => e.Position.Segment > head.Segment));
    }
}
