using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Cli;

/// <summary>Every mistake a user can make gets one clear line, the documented exit code and no stack trace.</summary>
public class UsageErrorTests
{
    [Fact]
    public async Task Validate_InvalidDefinition_ListsEveryProblemWithItsPath_AndExitsTwo()
    {
        using var folder = new TempFolder();
        folder.Write("bad.json", """
        { "id": "bad", "triggers": [ { "type": "Webhook" } ],
          "root": { "type": "Sequence", "activities": [
            { "id": "x", "type": "Log", "message": "m" },
            { "id": "x", "type": "While", "condition": { "js": "vars.a >" }, "maxIterations": "ten", "body": { "type": "Finish" } },
            { "type": "WaitForEvent" },
            { "type": "RunWorkflow", "workflow": "nowhere" },
            { "type": "Stash" } ] } }
        """);

        var result = await new CliRunner(folder.Path).RunAsync("workflow", "validate", "bad.json");

        Assert.Equal(2, result.ExitCode);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("error: bad.json is not a valid workflow (7 problems); fix it and run the command again:", lines[0]);
        lines = [.. lines.Skip(1).Select(l => l.StartsWith("  ") ? l[2..] : "not indented: " + l)];
        Assert.Contains(lines, l => l.StartsWith("$.root.activities[4].type: Unknown activity type 'Stash'. Known types:") && l.Contains("WaitForEvent"));
        Assert.Contains(lines, l => l.StartsWith("$.root.activities[1].id: Duplicate activity id 'x'"));
        Assert.Contains(lines, l => l.StartsWith("$.root.activities[1].condition.js: JavaScript syntax error"));
        Assert.Contains(lines, l => l.StartsWith("$.root.activities[1].maxIterations: Input 'maxIterations' expects an integer"));
        Assert.Contains(lines, l => l.StartsWith("$.root.activities[2]: Missing required input 'event' of WaitForEvent"));
        Assert.Contains(lines, l => l.StartsWith("$.root.activities[3].workflow: RunWorkflow names workflow 'nowhere'"));
        Assert.Contains(lines, l => l.StartsWith("$.triggers[0].type: Unknown trigger type 'Webhook'"));
        Assert.False(Directory.Exists(Path.Combine(folder.Path, ".lifecycle")), "validate must not create state");
    }

    [Theory]
    [InlineData("start --yes")]
    [InlineData("end --yes")]
    [InlineData("status")]
    [InlineData("task add x")]
    [InlineData("sessions")]
    [InlineData("checkpoint")]
    public async Task SessionCommand_OutsideAGitRepository_SaysSoInOneLine_AndCreatesNothing(string command)
    {
        using var folder = new TempFolder();

        var result = await new CliRunner(folder.Path).RunAsync(command.Split(' '));

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("is not a git repository", line);
        Assert.Contains("Run 'git init' there", line);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, ".lifecycle")), $"{command} must not create state");
    }

    [Fact]
    public async Task Status_WithADamagedDatabase_SaysWhatToDoInOneLine()
    {
        using var folder = new TempFolder();
        Git.Init(folder.Path);
        folder.Write(".lifecycle/lifecycle.db", "this is not a SQLite database, it was overwritten by mistake\n" + new string('x', 4096));

        var result = await new CliRunner(folder.Path).RunAsync("status");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("is damaged", line);
        Assert.Contains("run 'lifecycle recover'", line);
    }

    [Fact]
    public async Task Validate_Json_PrintsValidAndErrors()
    {
        using var folder = new TempFolder();
        folder.Write("bad.json", """{ "id": "bad", "root": { "type": "Log" } }""");
        folder.Write("good.json", """{ "id": "good", "root": { "type": "Log", "message": "hi" } }""");
        var cli = new CliRunner(folder.Path);

        var bad = await cli.RunAsync("--json", "workflow", "validate", "bad.json");
        var good = await cli.RunAsync("--json", "workflow", "validate", "good.json");

        Assert.Equal(2, bad.ExitCode);
        Assert.False(bad.Json["valid"]!.GetValue<bool>());
        Assert.Equal("$.root", bad.Json["errors"]![0]!["path"]!.GetValue<string>());
        Assert.Equal(0, good.ExitCode);
        Assert.True(good.Json["valid"]!.GetValue<bool>());
        Assert.Empty(good.Json["errors"]!.AsArray());
    }

    [Fact]
    public async Task Validate_BrokenJson_ReportsLineAndColumn()
    {
        using var folder = new TempFolder();
        folder.Write("broken.json", "{\n  \"id\": \"x\",\n  \"root\": { \"type\": \"Log\" \"message\": \"hi\" }\n}");

        var result = await new CliRunner(folder.Path).RunAsync("workflow", "validate", "broken.json");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: broken.json is not a valid workflow (1 problem); fix it and run the command again:\n  $: Invalid JSON at line 3, column", result.Stderr);
    }

    [Theory]
    [InlineData("workflow run missing.json", "File 'missing.json' does not exist")]
    [InlineData("workflow run nosuchid", "No published workflow has id 'nosuchid'")]
    [InlineData("workflow run steps.json --input {oops", "--input is not valid JSON")]
    [InlineData("workflow run steps.json --input [1]", "--input must be a JSON object")]
    [InlineData("workflow resume", "Option '--event' is required")]
    [InlineData("workflow resume --event go --instance nope", "No instance has id 'nope'")]
    [InlineData("instances --status Sleeping", "Unknown status 'Sleeping'")]
    [InlineData("journal nope", "No instance has id 'nope'")]
    [InlineData("workflow show nope", "No published workflow has id 'nope'")]
    [InlineData("frobnicate", "Unknown command 'frobnicate'")]
    [InlineData("--repo /no/such/folder workflow list", "--repo '/no/such/folder' is not a folder")]
    [InlineData("workflow run steps.json --input @missing.json", "--input @missing.json: file 'missing.json' does not exist")]
    [InlineData("workflow run steps.json --input {\"name\":\"\\ud800\"}", "not a whole character")]
    [InlineData("workflow validate sub", "'sub' is a folder")]
    [InlineData("workflow validate empty.json", "File 'empty.json' is empty")]
    [InlineData("workflow resume --event", "Required argument missing for option: '--event'")]
    [InlineData("workflow resume --event --json", "--event needs an event name")]
    [InlineData("workflow show steps --version abc", "--version must be a version number like 2; got 'abc'")]
    public async Task BadInput_ExitsTwo_WithOneClearLine(string commandLine, string expected)
    {
        using var folder = new TempFolder();
        folder.Write("steps.json", TestWorkflows.Steps());
        folder.Write("empty.json", "");
        Directory.CreateDirectory(Path.Combine(folder.Path, "sub"));
        var cli = new CliRunner(folder.Path);
        await cli.RunAsync("workflow", "publish", "steps.json");

        var result = await cli.RunAsync(commandLine.Split(' '));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public async Task UsageError_WithJson_PrintsAnErrorDocument()
    {
        using var folder = new TempFolder();

        var result = await new CliRunner(folder.Path).RunAsync("--json", "workflow", "run");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Required argument missing", result.Json["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Input_FromAFile_IsRead()
    {
        using var folder = new TempFolder();
        folder.Write("echo.json", """{ "id": "echo", "root": { "type": "SetOutput", "name": "got", "value": { "js": "input.name" } } }""");
        folder.Write("in.json", """{ "name": "Grace" }""");

        var result = await new CliRunner(folder.Path).RunAsync("--json", "workflow", "run", "echo.json", "--input", "@in.json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Grace", result.Json["outputs"]!["got"]!.GetValue<string>());
    }

    [Fact]
    public async Task ResumeHint_QuotesEventNamesForTheShell()
    {
        using var folder = new TempFolder();
        folder.Write("odd.json", """{ "id": "odd", "root": { "type": "WaitForEvent", "event": "my event; rm -rf x" } }""");

        var result = await new CliRunner(folder.Path).RunAsync("workflow", "run", "odd.json");

        Assert.Contains("resume with: lifecycle workflow resume --event 'my event; rm -rf x' --instance", result.Stdout);
    }

    [Fact]
    public async Task BadInput_WithJson_PrintsAnErrorDocument()
    {
        using var folder = new TempFolder();

        var result = await new CliRunner(folder.Path).RunAsync("--json", "workflow", "run", "nosuchid");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nosuchid", result.Json["error"]!.GetValue<string>());
        Assert.Equal(2, result.Json["exitCode"]!.GetValue<int>());
    }
}
