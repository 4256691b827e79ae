using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Cli;

/// <summary>Block, Require and Warn through the real binary: exit 3, overrides, confirmations.</summary>
public class ProtocolTests
{
    private const string Guarded = """
        { "id": "guarded", "inputs": { "force": { "type": "boolean", "default": false }, "yes": { "type": "boolean", "default": false } },
          "root": { "type": "Sequence", "activities": [
            { "type": "Warn", "message": "previous session missing handoff" },
            { "id": "consensus", "type": "Block", "rule": "reality-consensus", "message": "consensus 0.62 is below 0.80",
              "when": { "js": "0.62 < 0.8" }, "force": { "js": "input.force" } },
            { "id": "commit", "type": "Require", "action": "Commit or stash uncommitted work", "yes": { "js": "input.yes" } },
            { "type": "SetOutput", "name": "done", "value": true } ] } }
        """;

    [Fact]
    public async Task Block_StopsWithExitThree_NamingTheRuleAndTheOverride()
    {
        using var folder = new TempFolder();
        folder.Write("guarded.json", Guarded);

        var result = await new CliRunner(folder.Path).RunAsync("--json", "workflow", "run", "guarded.json");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("blocked", result.Json["errorCode"]!.GetValue<string>());
        Assert.Contains("Blocked by rule 'reality-consensus': consensus 0.62 is below 0.80. Override with --force.", result.Json["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Force_OverridesTheRule_AndTheJournalSaysWho_ThenRequireBlocksWithoutATerminal()
    {
        using var folder = new TempFolder();
        folder.Write("guarded.json", Guarded);
        var cli = new CliRunner(folder.Path);

        var result = await cli.RunAsync("--json", "workflow", "run", "guarded.json", "--input", """{"force": true}""");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Required action not completed: Commit or stash uncommitted work. Confirm with --yes", result.Json["error"]!.GetValue<string>());
        var journal = (await cli.RunAsync("--json", "journal", result.Json["instanceId"]!.GetValue<string>())).Json["entries"]!.AsArray();
        var overridden = journal.Single(e => e!["activityId"]!.GetValue<string>() == "consensus" && e["event"]!.GetValue<string>() == "Completed")!;
        Assert.StartsWith("Rule 'reality-consensus' overridden with --force by ", overridden["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task ForceAndYes_LetTheWorkflowFinish_WithTheWarningInItsOutputs()
    {
        using var folder = new TempFolder();
        folder.Write("guarded.json", Guarded);

        var result = await new CliRunner(folder.Path).RunAsync("--json", "workflow", "run", "guarded.json", "--input", """{"force": true, "yes": true}""");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.Json["outputs"]!["done"]!.GetValue<bool>());
        Assert.Equal("previous session missing handoff", result.Json["outputs"]!["warnings"]![0]!.GetValue<string>());
    }
}
