using System.Text.Json;
using System.Text.Json.Nodes;
using Lifecycle.Activities.Handoff;

namespace Lifecycle.Activities.Tests.Handoff;

/// <summary>
/// Documents afl found (fuzz/, docs/FUZZING.md) that parsed with null where the contract has a value,
/// and crashed later where they were used: rendering, the next session's start.
/// </summary>
public class HandoffParseRobustnessTests
{
    [Theory]
    [InlineData("stash", "files")]
    [InlineData("stash", "skipped")]
    [InlineData("workCompleted", "commits")]
    [InlineData("workCompleted", "files")]
    [InlineData("workCompleted", "completedTasks")]
    [InlineData("health", "agentsAtStart")]
    [InlineData("health", "agentsAtClose")]
    [InlineData("continuation", "reason")]
    public void NullWhereTheContractHasAValue_IsAJsonException(string section, string field)
    {
        // afl's input: "files": null under stash, then StashedWork.LinesChanged threw ArgumentNullException.
        var document = Example();
        document[section]![field] = null;

        var error = Assert.Throws<JsonException>(() => HandoffJson.Parse(document.ToJsonString()));

        Assert.Contains(field, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("openItems")]
    [InlineData("blockers")]
    [InlineData("nextActions")]
    [InlineData("insights")]
    public void NullForAList_IsAJsonException(string field)
    {
        var document = Example();
        document[field] = null;

        Assert.Throws<JsonException>(() => HandoffJson.Parse(document.ToJsonString()));
    }

    [Theory]
    [InlineData("stash", "files", "$.stash.files[1]")]
    [InlineData("workCompleted", "files", "$.workCompleted.files[0]")]
    public void ANullItemInAList_IsAJsonExceptionThatNamesIt(string section, string field, string path)
    {
        var document = Example();
        var list = document[section]![field]!.AsArray();
        list.Insert(path.EndsWith("[0]", StringComparison.Ordinal) ? 0 : 1, null);

        var error = Assert.Throws<JsonException>(() => HandoffJson.Parse(document.ToJsonString()));

        Assert.Contains($"null where the list holds items at {path};", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANullTaskAmongTheOpenItems_IsAJsonException()
    {
        var document = Example();
        document["openItems"]!.AsArray().Add(null);

        var error = Assert.Throws<JsonException>(() => HandoffJson.Parse(document.ToJsonString()));

        Assert.Contains("null where the list holds items at $.openItems[", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFieldsThatMayBeNull_StillReadAsNull()
    {
        var document = Example();
        foreach (var field in new[] { "activeSince", "branch", "headSha", "previousSession", "stash", "notes" })
        {
            document[field] = null;
        }

        var handoff = HandoffJson.Parse(document.ToJsonString());

        Assert.Null(handoff.Stash);
        Assert.Null(handoff.Notes);
        Assert.Equal(HandoffJson.Render(handoff), HandoffJson.Render(HandoffJson.Parse(HandoffJson.Render(handoff))));
    }

    [Theory]
    [InlineData("metrics", "idleTime", "$.metrics.idleTime")]
    [InlineData("health", "startConsensus", "$.health.startConsensus")]
    public void ANumberTooLargeForADouble_IsAJsonException_NotAnUnwritableInfinity(string section, string field, string path)
    {
        // afl's input had "idleTime": 1e4000: it read as infinity, and rendering it threw ArgumentException.
        var document = Example();
        document[section]![field] = JsonNode.Parse("1e4000");

        var error = Assert.Throws<JsonException>(() => HandoffJson.Parse(document.ToJsonString()));

        Assert.Contains($"a number too large for a double at {path};", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANumberTooLargeForADouble_InADictionary_IsAJsonException()
    {
        var document = Example();
        document["health"]!["agentsAtStart"] = JsonNode.Parse("""{"tests": -1e999}""");

        var error = Assert.Throws<JsonException>(() => HandoffJson.Parse(document.ToJsonString()));

        Assert.Contains("at $.health.agentsAtStart.tests;", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatTheProductWrites_ReadsBack_ForAFullAndAnEmptySession()
    {
        // The stricter reading must not turn away a document the product wrote itself.
        foreach (var handoff in new[] { HandoffExample.Handoff(), HandoffBuilder.Build(HandoffExample.Empty()) })
        {
            var text = HandoffJson.Render(handoff);

            Assert.Equal(text, HandoffJson.Render(HandoffJson.Parse(text)));
        }
    }

    private static JsonObject Example() => JsonNode.Parse(HandoffJson.Render(HandoffExample.Handoff()))!.AsObject();
}
