using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Collaboration;

/// <summary>Who ran a session: git's identity, a person or an agent, and agents named as co-authors; through the real CLI on a real repository.</summary>
public class IdentityTests
{
    [Fact]
    public async Task APersonsSession_RecordsGitIdentity_AndCoAuthoringAgents_InTheStoreHandoffAndListings()
    {
        using var folder = new TempFolder();
        var cli = Clones.AsPerson(SessionRepositories.Prepare(folder));

        var start = await cli.RunAsync("--json", "start");
        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Equal("Test User", start.Json["userName"]!.GetValue<string>());
        Assert.Equal("test@example.com", start.Json["userEmail"]!.GetValue<string>());
        Assert.Null(start.Json["agent"]);

        folder.Write("a.txt", "one\n");
        Git.Run(folder.Path, "add", "-A");
        Git.Run(folder.Path, "commit", "-q", "-m", "with help\n\nCo-authored-by: Claude <noreply@anthropic.com>\nCo-authored-by: Dana <dana@example.com>");
        var end = await cli.RunAsync("--json", "end", "--yes");

        Assert.True(end.ExitCode == 0, end.ToString());
        var ranBy = end.Json["ranBy"]!;
        Assert.Equal("Test User", ranBy["name"]!.GetValue<string>());
        Assert.Equal("agent-assisted", ranBy["kind"]!.GetValue<string>());
        Assert.Equal(["claude"], ranBy["assistedBy"]!.AsArray().Select(a => a!.GetValue<string>()));
        var markdown = File.ReadAllText(Path.Combine(folder.Path, "docs", "sessions", "SESSION-00001-HANDOFF.md"));
        Assert.Contains("- **Ran By**: Test User <test@example.com> (person, assisted by claude)", markdown);
        var json = File.ReadAllText(Path.Combine(folder.Path, "docs", "sessions", "SESSION-00001-HANDOFF.json"));
        Assert.Contains("\"assistedBy\": [", json);

        var list = await cli.RunAsync("--json", "sessions");
        var listed = Assert.Single(list.Json["sessions"]!.AsArray())!;
        Assert.Equal("Test User", listed["userName"]!.GetValue<string>());
        Assert.Equal("agent-assisted", listed["kind"]!.GetValue<string>());
        var table = await cli.RunAsync("sessions");
        Assert.Contains("Test User <test@example.com> (person, assisted by claude)", table.Stdout);
        var show = await cli.RunAsync("sessions", "show", "1");
        Assert.Contains("ran by: Test User <test@example.com> (person, assisted by claude)", show.Stdout);
    }

    [Theory]
    [InlineData("LIFECYCLE_AGENT", "nightly-bot", "nightly-bot")]
    [InlineData("CLAUDECODE", "1", "claude-code")]
    [InlineData("GEMINI_CLI", "1", "gemini-cli")]
    [InlineData("CODEX_SANDBOX", "seatbelt", "codex")]
    public async Task ASessionStartedUnderAnAgentsEnvironment_RecordsTheAgent(string variable, string value, string agent)
    {
        using var folder = new TempFolder();
        var cli = Clones.AsPerson(SessionRepositories.Prepare(folder));
        cli.Environment[variable] = value;

        var start = await cli.RunAsync("--json", "start");
        var end = await cli.RunAsync("--json", "end", "--yes");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Equal(agent, start.Json["agent"]!.GetValue<string>());
        Assert.Equal("agent", end.Json["ranBy"]!["kind"]!.GetValue<string>());
        Assert.Contains($"(agent: {agent})", File.ReadAllText(Path.Combine(folder.Path, "docs", "sessions", "SESSION-00001-HANDOFF.md")));
    }

    [Fact]
    public async Task StartRequestAgent_OverHttp_IsRecordedOnTheSession()
    {
        using var server = new ServerFactory();
        var client = server.Authorized();

        var response = await client.PostAsync("/api/sessions/start",
            System.Net.Http.Json.JsonContent.Create(new { yes = true, agent = "mcp-inspector" }));
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var current = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync("/api/sessions/current"))!;

        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        Assert.Equal("mcp-inspector", body["session"]!["agent"]!.GetValue<string>());
        Assert.Equal("mcp-inspector", current["session"]!["agent"]!.GetValue<string>());
        Assert.Equal("Test User", current["session"]!["userName"]!.GetValue<string>());
        var page = await server.Browser().GetStringAsync("/sessions/00001");
        Assert.Contains("<dd id=\"session-ran-by\">Test User &lt;test@example.com&gt; (agent: mcp-inspector)</dd>", page);
        var live = await server.Browser().GetStringAsync("/sessions/current");
        Assert.Contains("(agent: mcp-inspector)", live);
    }
}
