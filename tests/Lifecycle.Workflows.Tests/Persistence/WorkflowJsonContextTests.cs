using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Workflows.Tests.Persistence;

public class WorkflowJsonContextTests
{
    // The same settings with metadata built by reflection: what every stored snapshot and journal
    // was written with before the generated code, and what it must keep reading and writing.
    private static readonly JsonSerializerOptions Reflected =
        new(WorkflowJson.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    [Fact]
    public void Snapshot_IsWrittenAndReadExactlyAsByReflection()
    {
        var snapshot = new InstanceSnapshot(
            [
                new InstanceSnapshot.ScopeState(1, "session-end", 3, null,
                    new JsonObject { ["note"] = "é \"quoted\"", ["yes"] = true },
                    new JsonObject { ["count"] = 2, ["files"] = new JsonArray("a.txt", "日本.md") },
                    new JsonObject { ["stash"] = new JsonObject { ["stashed"] = false } },
                    []),
                new InstanceSnapshot.ScopeState(2, "child", 1, 4, [], [], [], new JsonObject { ["x"] = 1.5 }),
            ],
            [
                new InstanceSnapshot.FrameState(1, null, 1, "$", null, null),
                new InstanceSnapshot.FrameState(4, 1, 1, "$.activities[3]", new JsonObject { ["index"] = 3 }, new JsonObject { ["sha"] = null }),
            ],
            [
                new WorkItem(WorkKind.Execute, 4),
                new WorkItem(WorkKind.ChildCompleted, 1, "$.activities[2]", 2),
                new WorkItem(WorkKind.Resume, 4, Payload: new JsonObject { ["answer"] = 42 }),
            ],
            [
                new Bookmark(1, 4, Bookmark.TimerEvent, null, new DateTimeOffset(2026, 11, 24, 6, 30, 0, TimeSpan.FromHours(1)), "wait"),
                new Bookmark(2, 4, "approved", "order-7", null, "$.activities[1]"),
            ],
            NextFrameId: 5,
            NextBookmarkId: 3,
            NextScopeId: 3);

        AssertSameAsReflection(snapshot);
    }

    [Fact]
    public void Journal_IsWrittenAndReadExactlyAsByReflection()
    {
        var at = new DateTimeOffset(2026, 11, 24, 6, 30, 0, 123, TimeSpan.Zero);
        List<JournalEntry> journal =
        [
            new(1, at, "start", "Sequence", JournalEvent.Started),
            new(2, at.AddMilliseconds(5), "stash", "StashWork", JournalEvent.Completed, "put away 3 files",
                new JsonObject { ["files"] = new JsonArray("a", "b"), ["stashed"] = true }),
            new(3, at.AddSeconds(1), "$.activities[4]", "RunCommand", JournalEvent.Faulted, "exit 1: ü\n<script>"),
        ];

        AssertSameAsReflection(journal);
        AssertSameAsReflection<IReadOnlyList<JournalEntry>>(journal);
    }

    [Fact]
    public void ValuesExpressionsGive_AreWrittenAndReadExactlyAsByReflection()
    {
        AssertSameAsReflection(42);
        AssertSameAsReflection(long.MaxValue);
        AssertSameAsReflection(0.1 + 0.2);
        AssertSameAsReflection(true);
        AssertSameAsReflection("a \"b\" é <c>");
        AssertSameAsReflection(new List<string> { "x", "日本" });
        AssertSameAsReflection(new Dictionary<string, double> { ["git-integrity"] = 1, ["tests"] = 0.25 });
        AssertSameAsReflection(new Dictionary<string, string> { ["Key"] = "value" });
        AssertSameAsReflection(JsonDocument.Parse("""{"a": [1, 2.5, "x", null, {"b": true}]}""").RootElement);
    }

    [Fact]
    public void Options_ResolveTheGeneratedMetadataFirst_AndAnythingElseByReflection()
    {
        Assert.IsType<WorkflowJsonContext>(WorkflowJson.Options.TypeInfoResolverChain[0]);
        Assert.IsType<DefaultJsonTypeInfoResolver>(WorkflowJson.Options.TypeInfoResolverChain[^1]);
        Assert.Equal("{\"when\":\"2026-11-24\"}", JsonSerializer.Serialize(new { When = new DateOnly(2026, 11, 24) }, WorkflowJson.Options));
    }

    private static void AssertSameAsReflection<T>(T value)
    {
        var generated = JsonSerializer.Serialize(value, WorkflowJson.Options);
        var reflected = JsonSerializer.Serialize(value, Reflected);
        Assert.Equal(reflected, generated);

        var read = JsonSerializer.Deserialize<T>(reflected, WorkflowJson.Options);
        Assert.Equal(reflected, JsonSerializer.Serialize(read, Reflected));
    }
}
