using Lifecycle.Activities.Collaboration;

namespace Lifecycle.Activities.Tests.Collaboration;

public class IdentitySourcesTests
{
    [Theory]
    [InlineData("LIFECYCLE_AGENT", " my-bot ", "my-bot")]
    [InlineData("CLAUDECODE", "1", "claude-code")]
    [InlineData("GEMINI_CLI", "1", "gemini-cli")]
    [InlineData("CODEX_SANDBOX", "seatbelt", "codex")]
    [InlineData("CODEX_SANDBOX_NETWORK_DISABLED", "1", "codex")]
    [InlineData("CLAUDECODE", "0", null)]
    [InlineData("CLAUDECODE", "", null)]
    [InlineData("CODEX_HOME", "/tmp/codex", null)]
    public void AgentEnvironment_ReadsOnlyTheVariablesAgentsSet(string variable, string value, string? agent) =>
        Assert.Equal(agent, AgentEnvironment.Detect(name => name == variable ? value : null));

    [Fact]
    public void AgentEnvironment_LifecycleAgent_WinsOverAnAgentsOwnVariable() =>
        Assert.Equal("reviewer", AgentEnvironment.Detect(name => name switch { "LIFECYCLE_AGENT" => "reviewer", "CLAUDECODE" => "1", _ => null }));

    [Theory]
    [InlineData("fix\n\nCo-authored-by: Claude <noreply@anthropic.com>", "claude")]
    [InlineData("fix\n\nCo-Authored-By: Claude Opus 4 <noreply@anthropic.com>", "claude")]
    [InlineData("fix\n\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>", "copilot")]
    [InlineData("fix\n\nCo-authored-by: copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>", "copilot")]
    [InlineData("fix\n\nCo-authored-by: aider (gpt-4o) <noreply@aider.chat>", "aider")]
    [InlineData("fix\n\nCo-authored-by: Cursor Agent <cursoragent@cursor.com>", "cursor")]
    [InlineData("fix\n\nCo-authored-by: Dana <dana@example.com>", null)]
    [InlineData("mention noreply@anthropic.com in the body", null)]
    public void CoAuthorTrailers_NameOnlyKnownAgents(string message, string? agent) =>
        Assert.Equal(agent is null ? [] : [agent], CoAuthorTrailers.AgentsIn(message));

    [Theory]
    [InlineData("Dana Scully", true)]
    [InlineData("dana scully", true)]
    [InlineData("dana@example.com", true)]
    [InlineData("dana", true)]
    [InlineData("claude-code", true)]
    [InlineData("bob", false)]
    public void SessionIdentity_Matches_NameEmailLocalPartOrAgent(string name, bool matches) =>
        Assert.Equal(matches, new SessionIdentity("Dana Scully", "dana@example.com", "claude-code", []).Matches(name));

    [Fact]
    public void SessionIdentity_Kind_SaysWhoDidTheWork()
    {
        Assert.Equal("person", new SessionIdentity("Dana", null, null, []).Kind);
        Assert.Equal("agent-assisted", new SessionIdentity("Dana", null, null, ["claude"]).Kind);
        Assert.Equal("agent", new SessionIdentity("Dana", null, "codex", ["claude"]).Kind);
        Assert.Equal("Dana <d@x.org> (person, assisted by claude)", new SessionIdentity("Dana", "d@x.org", null, ["claude"]).Describe());
    }
}
