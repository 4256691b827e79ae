using System.Text.Json.Nodes;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Agents;

/// <summary><c>lifecycle agent install|uninstall</c>, the real binary on a real repository's files.</summary>
public sealed class AgentInstallTests : IDisposable
{
    private const string UserSettings = """
        {
          "permissions": { "allow": ["Bash(npm test)"] },
          "hooks": {
            "SessionStart": [ { "matcher": "startup", "hooks": [ { "type": "command", "command": "echo mine" } ] } ],
            "PreToolUse": [ { "matcher": "Bash", "hooks": [ { "type": "command", "command": "./check.sh" } ] } ]
          },
          "model": "opus"
        }
        """;

    private readonly TempFolder _folder = new();
    private readonly CliRunner _cli;

    public AgentInstallTests()
    {
        _cli = SessionRepositories.Prepare(_folder);
    }

    public void Dispose() => _folder.Dispose();

    private string Settings => Path.Combine(_folder.Path, ".claude", "settings.json");

    private string McpJson => Path.Combine(_folder.Path, ".mcp.json");

    [Theory]
    [InlineData("{\n  // ours\n  \"model\": \"opus\"\n}", "error: .claude/settings.json has comments (line 2), which writing it again would lose: take them out (or move the file away) and run the command again. It was not changed.")]
    [InlineData("{ \"hooks\": [] }", "error: \"hooks\" in .claude/settings.json is not a JSON object: fix it (or move the file away) and run the command again. It was not changed.")]
    [InlineData("{ \"hooks\": { \"SessionStart\": \"echo hi\" } }", "error: \"SessionStart\" in .claude/settings.json is not a JSON array: fix it (or move the file away) and run the command again. It was not changed.")]
    public async Task Settings_that_a_merge_would_lose_are_refused_and_left_as_they_are(string settings, string message)
    {
        _folder.Write(".claude/settings.json", settings);

        var refused = await _cli.RunAsync("agent", "install", "claude-code", "--command", "dotnet exec /opt/lifecycle.dll");

        Assert.Equal(2, refused.ExitCode);
        Assert.Equal(message, refused.Stderr.Trim());
        Assert.Equal(settings, await File.ReadAllTextAsync(Settings));
        Assert.False(File.Exists(McpJson));
    }

    [Fact]
    public async Task A_command_that_is_not_on_PATH_is_installed_with_a_warning_that_says_what_to_do()
    {
        var missing = await _cli.RunAsync("agent", "install", "claude-code", "--command", "lifecycle-not-installed-here");
        var found = await _cli.RunAsync("agent", "install", "claude-code", "--command", "dotnet exec /opt/lifecycle.dll");

        Assert.Equal(0, missing.ExitCode);
        Assert.Equal(
            "warning: 'lifecycle-not-installed-here' is not on PATH here, so the agent would fail to run it: install lifecycle on PATH (eng/install.sh), or give --command, e.g. --command \"dotnet /path/to/lifecycle.dll\".",
            missing.Stderr.Trim());
        Assert.Equal(0, found.ExitCode);
        Assert.Equal("", found.Stderr.Trim());
    }

    [Fact]
    public async Task Claude_code_install_merges_the_hooks_keeps_the_users_and_a_second_install_changes_nothing()
    {
        _folder.Write(".claude/settings.json", UserSettings);
        _folder.Write(".mcp.json", """{ "mcpServers": { "other": { "command": "other-server" } } }""");

        var first = await _cli.RunAsync("agent", "install", "claude-code");
        var afterFirst = await File.ReadAllTextAsync(Settings);
        var second = await _cli.RunAsync("agent", "install", "claude-code");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains(".claude/settings.json", first.Stdout);
        Assert.Equal("claude-code: already installed; nothing changed.", second.Stdout.Trim());
        Assert.Equal(afterFirst, await File.ReadAllTextAsync(Settings));

        var settings = JsonNode.Parse(afterFirst)!.AsObject();
        Assert.Equal(["permissions", "hooks", "model"], settings.Select(p => p.Key));
        var hooks = settings["hooks"]!.AsObject();
        Assert.Equal(["SessionStart", "PreToolUse", "PreCompact", "SessionEnd", "UserPromptSubmit"], hooks.Select(p => p.Key));
        var start = hooks["SessionStart"]!.AsArray();
        Assert.Equal("echo mine", (string?)start[0]!["hooks"]![0]!["command"]);
        Assert.Equal("lifecycle agent hook session-start --agent claude-code", (string?)start[1]!["hooks"]![0]!["command"]);
        Assert.Equal("command", (string?)start[1]!["hooks"]![0]!["type"]);
        Assert.Equal("lifecycle agent hook pre-compact --agent claude-code", (string?)hooks["PreCompact"]![0]!["hooks"]![0]!["command"]);
        Assert.Equal("lifecycle agent hook session-end --agent claude-code", (string?)hooks["SessionEnd"]![0]!["hooks"]![0]!["command"]);
        Assert.Equal("lifecycle agent hook prompt --agent claude-code", (string?)hooks["UserPromptSubmit"]![0]!["hooks"]![0]!["command"]);

        var servers = JsonNode.Parse(await File.ReadAllTextAsync(McpJson))!["mcpServers"]!.AsObject();
        Assert.Equal(["other", "lifecycle"], servers.Select(p => p.Key));
        Assert.Equal("lifecycle", (string?)servers["lifecycle"]!["command"]);
        Assert.Equal(["mcp"], servers["lifecycle"]!["args"]!.AsArray().Select(a => (string)a!));
        Assert.Equal("claude-code", (string?)servers["lifecycle"]!["env"]!["LIFECYCLE_AGENT"]);
    }

    [Fact]
    public async Task Claude_code_uninstall_removes_only_what_install_added()
    {
        _folder.Write(".claude/settings.json", UserSettings);
        _folder.Write(".mcp.json", """{ "mcpServers": { "other": { "command": "other-server" } } }""");
        await _cli.RunAsync("agent", "install", "claude-code");

        var removed = await _cli.RunAsync("agent", "uninstall", "claude-code");
        var again = await _cli.RunAsync("agent", "uninstall", "claude-code");

        Assert.Equal(0, removed.ExitCode);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(UserSettings), JsonNode.Parse(await File.ReadAllTextAsync(Settings))), await File.ReadAllTextAsync(Settings));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "mcpServers": { "other": { "command": "other-server" } } }"""), JsonNode.Parse(await File.ReadAllTextAsync(McpJson))));
        Assert.Equal("claude-code: nothing of lifecycle's was installed; nothing changed.", again.Stdout.Trim());
    }

    [Fact]
    public async Task Install_then_uninstall_on_a_repository_without_settings_leaves_no_file_behind()
    {
        await _cli.RunAsync("agent", "install", "claude-code", "--command", "dotnet exec /opt/lifecycle.dll");
        var servers = JsonNode.Parse(await File.ReadAllTextAsync(McpJson))!["mcpServers"]!;
        Assert.Equal("dotnet", (string?)servers["lifecycle"]!["command"]);
        Assert.Equal(["exec", "/opt/lifecycle.dll", "mcp"], servers["lifecycle"]!["args"]!.AsArray().Select(a => (string)a!));
        Assert.Contains("dotnet exec /opt/lifecycle.dll agent hook session-start --agent claude-code", await File.ReadAllTextAsync(Settings));

        await _cli.RunAsync("agent", "uninstall", "claude-code");

        Assert.False(File.Exists(Settings));
        Assert.False(Directory.Exists(Path.GetDirectoryName(Settings)));
        Assert.False(File.Exists(McpJson));
    }

    [Fact]
    public async Task A_settings_file_that_is_not_JSON_is_refused_in_one_line_and_left_untouched()
    {
        const string broken = "{ \"hooks\": { \"SessionStart\": [ }\n";
        _folder.Write(".claude/settings.json", broken);

        var refused = await _cli.RunAsync("agent", "install", "claude-code");

        Assert.Equal(2, refused.ExitCode);
        Assert.Equal("error: .claude/settings.json is not valid JSON (line 1): fix it (or move it away) and run the command again. It was not changed.", refused.Stderr.Trim());
        Assert.Equal(broken, await File.ReadAllTextAsync(Settings));
        Assert.False(File.Exists(McpJson));
    }

    [Fact]
    public async Task An_unknown_agent_is_refused_with_the_known_names()
    {
        var refused = await _cli.RunAsync("agent", "install", "vim");

        Assert.Equal(2, refused.ExitCode);
        Assert.Equal("error: Unknown agent 'vim'. Known agents: claude-code, agents-md.", refused.Stderr.Trim());
    }

    [Fact]
    public async Task Agents_md_gets_a_marked_section_that_uninstall_takes_out_again()
    {
        const string mine = "# Agents\n\nRun `make test` before committing.\n";
        _folder.Write("AGENTS.md", mine);

        var installed = await _cli.RunAsync("agent", "install", "agents-md");
        var text = await File.ReadAllTextAsync(Path.Combine(_folder.Path, "AGENTS.md"));
        var again = await _cli.RunAsync("agent", "install", "agents-md");

        Assert.Equal(0, installed.ExitCode);
        Assert.StartsWith(mine, text);
        Assert.Contains("## Work sessions (lifecycle)", text);
        Assert.Contains("lifecycle://handoff/current", text);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "lifecycle:begin"));
        Assert.Equal("agents-md: already installed; nothing changed.", again.Stdout.Trim());

        await _cli.RunAsync("agent", "uninstall", "agents-md");

        Assert.Equal(mine, await File.ReadAllTextAsync(Path.Combine(_folder.Path, "AGENTS.md")));
    }

    [Fact]
    public async Task Agents_md_section_is_updated_in_place_and_a_file_that_held_only_it_is_removed()
    {
        await _cli.RunAsync("agent", "install", "agents-md");
        var path = Path.Combine(_folder.Path, "AGENTS.md");
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("lifecycle start", "lifecycle start --old") + "\n## Mine\nkeep this\n");

        await _cli.RunAsync("agent", "install", "agents-md");
        var updated = await File.ReadAllTextAsync(path);
        Assert.DoesNotContain("--old", updated);
        Assert.EndsWith("## Mine\nkeep this\n", updated);

        await _cli.RunAsync("agent", "uninstall", "agents-md");
        Assert.Equal("## Mine\nkeep this\n", await File.ReadAllTextAsync(path));

        await File.WriteAllTextAsync(path, "");
        await _cli.RunAsync("agent", "install", "agents-md");
        await _cli.RunAsync("agent", "uninstall", "agents-md");
        Assert.False(File.Exists(path));
    }
}
