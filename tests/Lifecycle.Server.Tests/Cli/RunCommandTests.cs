using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Cli;

public class RunCommandTests
{
    [Fact]
    public async Task RunCommand_RunsInTheRepository_AndFaultsOnFailureUnlessToldNotTo()
    {
        using var folder = new TempFolder();
        Git.Init(folder.Path);
        folder.Write("ok.json", """
            { "id": "ok", "root": { "type": "Sequence", "activities": [
              { "id": "cmd", "type": "RunCommand", "run": "cat README.md; echo done >&2" },
              { "type": "SetOutput", "name": "out", "value": { "js": "outputs.cmd.stdout + outputs.cmd.stderr" } } ] } }
            """);
        folder.Write("bad.json", """{ "id": "bad", "root": { "id": "tests", "type": "RunCommand", "run": "echo broken >&2; exit 3" } }""");
        folder.Write("tolerant.json", """
            { "id": "tolerant", "root": { "type": "Sequence", "activities": [
              { "id": "cmd", "type": "RunCommand", "run": "exit 3", "failOnError": false },
              { "type": "SetOutput", "name": "code", "value": { "js": "outputs.cmd.exitCode" } } ] } }
            """);
        var cli = new CliRunner(folder.Path);

        var ok = await cli.RunAsync("--json", "workflow", "run", "ok.json");
        var bad = await cli.RunAsync("--json", "workflow", "run", "bad.json");
        var tolerant = await cli.RunAsync("--json", "workflow", "run", "tolerant.json");

        Assert.True(ok.ExitCode == 0, ok.ToString());
        Assert.Equal("# test\ndone\n", ok.Json["outputs"]!["out"]!.GetValue<string>());
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("RunCommand 'tests': 'echo broken >&2; exit 3' exited with code 3: broken", bad.Json["error"]!.GetValue<string>());
        Assert.Equal(3, tolerant.Json["outputs"]!["code"]!.GetValue<int>());
    }
}
