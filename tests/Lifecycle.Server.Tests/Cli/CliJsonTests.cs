using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Cli;
using Lifecycle.Workflows.Journal;

namespace Lifecycle.Server.Tests.Cli;

/// <summary>The CLI's documents are the same bytes whether metadata comes from generated code or reflection.</summary>
public class CliJsonTests
{
    public static TheoryData<string> Documents => ["session", "journal", "anonymous", "values"];

    [Theory]
    [MemberData(nameof(Documents))]
    public void CliDocuments_AreWrittenExactlyAsByReflection(string document)
    {
        object value = document switch
        {
            "session" => new SessionContext { SessionId = "00003", ActiveBranch = null, UncommittedFiles = ["a b.txt", "é.md"], RealityConsensus = 0.5 },
            "journal" => new List<JournalEntry> { new(1, DateTimeOffset.UnixEpoch, "a", "Log", JournalEvent.Completed, null, new JsonObject { ["x"] = null }) },
            "anonymous" => new { sessionId = "00003", note = (string?)null, count = 2, files = new List<string> { "x" } },
            _ => new Dictionary<string, double> { ["git-integrity"] = 1, ["tests"] = 0.25 },
        };

        foreach (var options in new[] { CliJson.Options, CliJson.Compact })
        {
            var reflection = new JsonSerializerOptions(options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
            Assert.Equal(JsonSerializer.Serialize(value, value.GetType(), reflection), JsonSerializer.Serialize(value, value.GetType(), options));
        }
    }
}
