using System.Text.Json.Nodes;
using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Persistence;
using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lifecycle.Workflows.Tests.Persistence;

/// <summary>
/// The hand-written SQL reads what EF Core wrote and writes what EF Core reads, table by table, so
/// databases from before the change and after it are the same files.
/// </summary>
public class WorkflowStoreFormatTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 24, 9, 30, 15, 123, TimeSpan.Zero);
    private static readonly DateTimeOffset Updated = Created.AddMinutes(5);

    private const string Greet = """
        { "id": "greet", "name": "Greet", "description": "Says hello",
          "triggers": [ { "type": "Event", "event": "push" }, { "type": "Event", "event": "tag" } ],
          "root": { "type": "Log", "message": "hello" } }
        """;

    private const string GreetAgain = """
        { "id": "greet", "name": "Greet again", "root": { "type": "Log", "message": "hello again" } }
        """;

    [Fact]
    public async Task Definitions_WrittenByEfCore_ReadTheSameThroughTheStore()
    {
        using var db = new TempDatabase();
        var store = db.Store();
        await store.InitializeAsync(default);
        var first = Readers.Create().Read(Greet);
        var second = Readers.Create().Read(GreetAgain);
        await using (var ef = db.Ef())
        {
            ef.Definitions.Add(Record(first, 1, "push tag", Created));
            ef.Definitions.Add(Record(second, 2, "", Updated));
            await ef.SaveChangesAsync();
        }

        var summary = Assert.Single(await store.ListDefinitionsAsync(default));
        var versions = await store.ListVersionsAsync("greet", default);
        var latest = await store.GetLatestAsync("greet", default);
        var older = await store.GetAsync("greet", 1, default);
        var triggered = await store.FindTriggeredAsync("push", default);

        Assert.Equal(new DefinitionSummary("greet", "Greet again", null, 2, 2, Updated), summary);
        Assert.Equal([new DefinitionVersion(1, first.ContentHash, Created), new DefinitionVersion(2, second.ContentHash, Updated)], versions);
        Assert.Equal(Created.Offset, versions[0].PublishedAt.Offset);
        Assert.Equal((2, "Greet again"), (latest!.Version, latest.Name));
        Assert.Equal((1, "Says hello"), (older!.Version, older.Description));
        Assert.Empty(triggered);
    }

    [Fact]
    public async Task Definitions_PublishedByTheStore_ReadTheSameThroughEfCore()
    {
        using var db = new TempDatabase();
        var store = db.Store();
        await store.InitializeAsync(default);
        var definition = Readers.Create().Read(Greet);

        await store.PublishAsync(definition, default);

        await using var ef = db.Ef();
        var record = Assert.Single(await ef.Definitions.AsNoTracking().ToListAsync());
        Assert.Equal(("greet", 1, "Greet", "Says hello"), (record.Id, record.Version, record.Name, record.Description));
        Assert.Equal((definition.ContentHash, definition.Source, "push tag"), (record.ContentHash, record.Source, record.TriggerEvents));
        Assert.Equal(db.Time.GetUtcNow(), record.PublishedAt);
    }

    [Fact]
    public async Task Instances_WrittenByEfCore_ReadTheSameThroughTheStore()
    {
        using var db = new TempDatabase();
        var store = db.Store();
        await store.InitializeAsync(default);
        var faulted = new InstanceRecord
        {
            Id = "i-faulted", DefinitionId = "greet", Version = 3, Status = "Faulted", Error = "boom", FaultActivityId = "$.root.a",
            FaultCode = "blocked", CreatedAt = Created, UpdatedAt = Updated, FinishedAt = Updated, Outputs = """{"n":1}""",
            Snapshot = """{"s":2}""", Owner = null, Revision = 7, JournalSequence = 12,
        };
        var running = new InstanceRecord
        {
            Id = "i-running", DefinitionId = "greet", Version = 1, Status = "Running", CreatedAt = Updated, UpdatedAt = Updated,
            Owner = "host:42:1", Revision = 1,
        };
        await using (var ef = db.Ef())
        {
            ef.Instances.AddRange(faulted, running);
            await ef.SaveChangesAsync();
        }

        var loaded = await store.LoadAsync("i-faulted", default);
        var summary = await store.GetInstanceAsync("i-running", default);
        var listed = await store.ListInstancesAsync(null, "greet", 10, default);
        var onlyFaulted = await store.ListInstancesAsync(WorkflowStatus.Faulted, null, 10, default);
        var owners = await store.FindRunningAsync(default);

        Assert.Equal(new StoredInstance("i-faulted", "greet", 3, WorkflowStatus.Faulted, "boom", "$.root.a", "blocked", Created, Updated, Updated,
            7, 12, null, """{"s":2}"""), loaded);
        Assert.Null(await store.LoadAsync("missing", default));
        Assert.Equal((WorkflowStatus.Running, Updated, (DateTimeOffset?)null, (string?)null), (summary!.Status, summary.CreatedAt, summary.FinishedAt, summary.Error));
        Assert.Empty(summary.Outputs);
        Assert.Equal(["i-running", "i-faulted"], listed.Select(i => i.InstanceId));
        Assert.Equal(1, listed[1].Outputs["n"]!.GetValue<int>());
        Assert.Equal(["i-faulted"], onlyFaulted.Select(i => i.InstanceId));
        Assert.Equal([("i-running", (string?)"host:42:1")], owners);
    }

    [Fact]
    public async Task Bookmarks_WrittenByEfCore_ReadTheSameThroughTheStore()
    {
        using var db = new TempDatabase();
        var store = db.Store();
        await store.InitializeAsync(default);
        var due = Created.AddHours(1);
        await using (var ef = db.Ef())
        {
            ef.Instances.Add(new InstanceRecord
            {
                Id = "i", DefinitionId = "greet", Version = 1, Status = "Suspended", CreatedAt = Created, UpdatedAt = Created, Revision = 2,
            });
            ef.Bookmarks.AddRange(
                new BookmarkRecord { InstanceId = "i", BookmarkId = 2, Event = "review", Correlation = "pr-7", ActivityId = "wait" },
                new BookmarkRecord { InstanceId = "i", BookmarkId = 1, Event = Bookmark.TimerEvent, DueAt = due, ActivityId = "pause" },
                new BookmarkRecord { InstanceId = "j", BookmarkId = 1, Event = "review", ActivityId = "any" });
            await ef.SaveChangesAsync();
        }

        Assert.Equal([new BookmarkMatch("i", 2), new BookmarkMatch("j", 1)], await store.FindBookmarksAsync("review", "pr-7", null, default));
        Assert.Equal([new BookmarkMatch("j", 1)], await store.FindBookmarksAsync("review", null, null, default));
        Assert.Equal([new BookmarkMatch("i", 2)], await store.FindBookmarksAsync("review", "pr-7", "i", default));
        Assert.Equal([new BookmarkMatch("i", 1)], await store.FindDueTimersAsync(due, default));
        Assert.Empty(await store.FindDueTimersAsync(due.AddMilliseconds(-1), default));
        Assert.True(await store.HasBookmarksAsync("i", [1, 5], default));
        Assert.False(await store.HasBookmarksAsync("i", [5], default));
        Assert.False(await store.HasBookmarksAsync("i", [], default));
        Assert.Equal(
            [new BookmarkSummary(Bookmark.TimerEvent, "pause", null, due), new BookmarkSummary("review", "wait", "pr-7")],
            (await store.GetInstanceAsync("i", default))!.Bookmarks);
    }

    [Fact]
    public async Task Journal_WrittenByEfCore_ReadsTheSameThroughTheStore()
    {
        using var db = new TempDatabase();
        var store = db.Store();
        await store.InitializeAsync(default);
        JournalEntry[] first = [new(1, Created, "$.root", "Sequence", JournalEvent.Started), new(2, Created, "$.root.a", "Log", JournalEvent.Completed, "hi")];
        JournalEntry[] second = [new(3, Updated, "$.root", "Sequence", JournalEvent.Completed)];
        await using (var ef = db.Ef())
        {
            ef.Journal.AddRange(
                new JournalSegmentRecord { InstanceId = "i", FirstSequence = 3, LastSequence = 3, Entries = JournalCompression.Compress(second) },
                new JournalSegmentRecord { InstanceId = "i", FirstSequence = 1, LastSequence = 2, Entries = JournalCompression.Compress(first) });
            await ef.SaveChangesAsync();
        }

        Assert.Equal([.. first, .. second], await store.GetJournalAsync("i", 0, default));
        Assert.Equal([first[1], .. second], await store.GetJournalAsync("i", 1, default));
        Assert.Empty(await store.GetJournalAsync("i", 3, default));
    }

    [Fact]
    public async Task InstancesBookmarksAndJournal_WrittenByTheStore_ReadTheSameThroughEfCore()
    {
        await using var test = new TestEngine();
        var run = await test.RunAsync(TestEngine.Workflow("""
            { "type": "SetOutput", "name": "greeting", "value": "hi" },
            { "type": "Parallel", "branches": [
              { "id": "wait", "type": "WaitForEvent", "event": "review", "correlation": "pr-7" },
              { "id": "pause", "type": "Delay", "duration": "PT5M" } ] }
            """));
        var stored = await test.Engine.Store.LoadAsync(run.InstanceId, default);
        var journal = await test.JournalAsync(run.InstanceId);

        await using var ef = new WorkflowDbContext(new DbContextOptionsBuilder<WorkflowDbContext>()
            .UseSqlite($"Data Source={Path.Combine(test.Folder, "lifecycle.db")}").Options);
        var instance = await ef.Instances.AsNoTracking().SingleAsync();
        var bookmarks = await ef.Bookmarks.AsNoTracking().OrderBy(b => b.BookmarkId).ToListAsync();
        var segments = await ef.Journal.AsNoTracking().OrderBy(j => j.FirstSequence).ToListAsync();

        var now = test.Time.GetUtcNow();
        Assert.Equal((run.InstanceId, "test", 1, "Suspended"), (instance.Id, instance.DefinitionId, instance.Version, instance.Status));
        Assert.Equal((now, now, (DateTimeOffset?)null), (instance.CreatedAt, instance.UpdatedAt, instance.FinishedAt));
        Assert.Equal(("hi", stored!.Snapshot, (string?)null), (JsonNode.Parse(instance.Outputs)!["greeting"]!.GetValue<string>(), instance.Snapshot, instance.Owner));
        Assert.Equal((stored.Revision, stored.JournalSequence), (instance.Revision, instance.JournalSequence));
        Assert.Equal([("review", "pr-7", (DateTimeOffset?)null, "wait"), (Bookmark.TimerEvent, null, now.AddMinutes(5), "pause")],
            bookmarks.Select(b => (b.Event, b.Correlation, b.DueAt, b.ActivityId)));
        Assert.All(bookmarks, b => Assert.Equal(run.InstanceId, b.InstanceId));
        Assert.Equal(Json(journal), Json(segments.SelectMany(s => JournalCompression.Decompress(s.Entries)).ToList()));
        Assert.Equal(journal[^1].Sequence, segments[^1].LastSequence);
    }

    [Fact]
    public async Task FaultAndRelease_WrittenByTheStore_ReadTheSameThroughEfCore()
    {
        await using var test = new TestEngine();
        var definition = await test.PublishAsync(TestEngine.Workflow("""{ "id": "wait", "type": "WaitForEvent", "event": "go" }"""));
        var suspended = await test.Engine.RunAsync(definition, null);
        var running = test.Runner.Create(definition, null);
        await test.Engine.Store.InsertAsync(running, "me", default);
        var stored = (await test.Engine.Store.LoadAsync(suspended.InstanceId, default))!;
        var at = test.Time.GetUtcNow().AddMinutes(3);

        await test.Engine.Store.FaultAsync(stored, "definition no longer reads", at, default);
        await test.Engine.Store.ReleaseAsync(running.InstanceId, running.Revision, default);

        await using var ef = new WorkflowDbContext(new DbContextOptionsBuilder<WorkflowDbContext>()
            .UseSqlite($"Data Source={Path.Combine(test.Folder, "lifecycle.db")}").Options);
        var faulted = await ef.Instances.AsNoTracking().SingleAsync(i => i.Id == suspended.InstanceId);
        Assert.Equal(("Faulted", "definition no longer reads", "$.root", (string?)null), (faulted.Status, faulted.Error, faulted.FaultActivityId, faulted.Owner));
        Assert.Equal((at, (DateTimeOffset?)at), (faulted.UpdatedAt, faulted.FinishedAt));
        Assert.Equal((stored.Revision + 1, stored.JournalSequence + 1), (faulted.Revision, faulted.JournalSequence));
        Assert.False(await ef.Bookmarks.AnyAsync(b => b.InstanceId == suspended.InstanceId));
        var segment = await ef.Journal.AsNoTracking().Where(j => j.InstanceId == suspended.InstanceId).OrderBy(j => j.FirstSequence).LastAsync();
        var entry = Assert.Single(JournalCompression.Decompress(segment.Entries));
        Assert.Equal(new JournalEntry(stored.JournalSequence + 1, at, "$.root", "Workflow", JournalEvent.Faulted, "definition no longer reads"), entry);
        Assert.Equal((entry.Sequence, entry.Sequence), (segment.FirstSequence, segment.LastSequence));
        var released = await ef.Instances.AsNoTracking().SingleAsync(i => i.Id == running.InstanceId);
        Assert.Equal(("Running", (string?)null, running.Revision), (released.Status, released.Owner, released.Revision));
    }

    // Entries carry JsonNode data, which compares by reference.
    private static string Json(IReadOnlyList<JournalEntry> entries) => System.Text.Json.JsonSerializer.Serialize(entries, WorkflowJson.Options);

    private static DefinitionRecord Record(WorkflowDefinition definition, int version, string triggers, DateTimeOffset publishedAt) => new()
    {
        Id = definition.Id,
        Version = version,
        Name = definition.Name,
        Description = definition.Description,
        ContentHash = definition.ContentHash,
        Source = definition.Source,
        TriggerEvents = triggers,
        PublishedAt = publishedAt,
    };
}
