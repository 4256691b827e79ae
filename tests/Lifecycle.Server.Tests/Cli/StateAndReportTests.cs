using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Cli;

public class StateAndReportTests
{
    [Fact]
    public async Task CorruptStateJson_IsRestoredFromTheNewestGoodBackup_AndTheUserIsTold()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("checkpoint")).ExitCode);
        var state = Path.Combine(folder.Path, ".lifecycle", "state.json");
        var bytes = File.ReadAllBytes(state);
        bytes[bytes.Length / 2] ^= 0x20;
        File.WriteAllBytes(state, bytes);

        var status = await cli.RunAsync("status");

        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("state.json was corrupt", status.Stderr);
        Assert.Contains("restored from state.json.1", status.Stderr);
        Assert.DoesNotContain("corrupt", (await cli.RunAsync("status")).Stderr);
    }

    [Fact]
    public async Task Report_ShowsTheLastClosedSession_AsMarkdownOrJson_AndLifecycleStateIsNeverStashed()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("end", "--yes")).ExitCode);

        var markdown = await cli.RunAsync("report");
        var json = await cli.RunAsync("report", "1", "--format", "json");
        var missing = await cli.RunAsync("report", "7");
        var globalJson = await cli.RunAsync("--json", "report");
        var contradiction = await cli.RunAsync("--json", "report", "--format", "md");

        Assert.Equal("00001", globalJson.Json["sessionId"]!.GetValue<string>());
        Assert.Equal(2, contradiction.ExitCode);
        Assert.Contains("--json prints the report as JSON", contradiction.Stderr);
        Assert.StartsWith("# Session 00001 Lifecycle Report", markdown.Stdout);
        Assert.Equal("", Git.Run(folder.Path, "stash", "list"));
        Assert.Contains(".lifecycle/", File.ReadAllText(Path.Combine(folder.Path, ".git", "info", "exclude")));
        Assert.Equal("00001", json.Json["sessionId"]!.GetValue<string>());
        Assert.Equal("00001", json.Json["handoff"]!["sessionId"]!.GetValue<string>());
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("There is no session 00007", missing.Stderr);
    }
}
