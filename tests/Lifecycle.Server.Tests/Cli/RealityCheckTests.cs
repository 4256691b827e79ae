using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Cli;

/// <summary>The RealityCheck activity with the repository's config, and the spec's 0.8 start rule on top.</summary>
public class RealityCheckTests
{
    private const string Gate = """
        { "id": "gate", "inputs": { "force": { "type": "boolean", "default": false } },
          "root": { "type": "Sequence", "activities": [
            { "id": "reality", "type": "RealityCheck" },
            { "type": "SetOutput", "name": "consensus", "value": { "js": "outputs.reality.consensus" } },
            { "type": "Block", "rule": "reality-consensus", "force": { "js": "input.force" },
              "message": { "js": "'Cannot start session - consensus ' + outputs.reality.consensus + ' is below 0.8'" },
              "when": { "js": "outputs.reality.consensus < 0.8" } } ] } }
        """;

    private const string Config = """
        { "realityChecks": {
            "builtins": { "diskSpace": { "enabled": false } },
            "agents": [ { "name": "lint", "run": "echo 0.5", "weight": 2 } ] } }
        """;

    [Fact]
    public async Task ConsensusBelowTheThreshold_Blocks_AndForceOverrides()
    {
        using var folder = new TempFolder();
        Git.Init(folder.Path);
        folder.Write(".lifecycle/config.json", Config);
        folder.Write("gate.json", Gate);
        var cli = new CliRunner(folder.Path);

        var blocked = await cli.RunAsync("--json", "workflow", "run", "gate.json");
        var forced = await cli.RunAsync("--json", "workflow", "run", "gate", "--input", """{"force": true}""");

        Assert.Equal(3, blocked.ExitCode);
        Assert.Contains("Blocked by rule 'reality-consensus': Cannot start session - consensus 0.75 is below 0.8", blocked.Json["error"]!.GetValue<string>());
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Equal(0.75, forced.Json["outputs"]!["consensus"]!.GetValue<double>());
    }

    [Fact]
    public async Task BrokenConfig_FaultsWithItsValidationMessage_AsBadInput()
    {
        using var folder = new TempFolder();
        Git.Init(folder.Path);
        folder.Write(".lifecycle/config.json", """{ "idleTreshold": 5 }""");
        folder.Write("gate.json", Gate);

        var result = await new CliRunner(folder.Path).RunAsync("--json", "workflow", "run", "gate.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("idleTreshold", result.Json["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task ABlockedStart_NamesTheFailingChecksAndWhatTheyPrinted()
    {
        using var folder = new TempFolder();
        Git.Init(folder.Path);
        folder.Write(".lifecycle/config.json", """
            { "realityChecks": {
                "builtins": { "diskSpace": { "enabled": false } },
                "agents": [ { "name": "build", "run": "echo 'error CS1002: ; expected' >&2; exit 1", "weight": 5 } ] } }
            """);
        var cli = new CliRunner(folder.Path);

        var blocked = await cli.RunAsync("start");

        Assert.Equal(3, blocked.ExitCode);
        var line = Assert.Single(blocked.Stderr.Trim().Split('\n'));
        Assert.Contains("is below 80%; failing: build 0%", line);
        Assert.Contains("error CS1002: ; expected", line);
        Assert.Contains("Override with --force", line);
    }
}
