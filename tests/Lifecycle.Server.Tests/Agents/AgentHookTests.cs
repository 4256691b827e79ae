using System.Diagnostics;
using System.Text.Json.Nodes;
using Lifecycle.Activities.Setup;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Agents;

/// <summary>
/// The hooks <c>agent install claude-code</c> writes, run as Claude Code runs them: the command
/// from <c>.claude/settings.json</c> through a shell, with the agent's JSON on stdin.
/// </summary>
public sealed class AgentHookTests : IDisposable
{
    private static readonly string Lifecycle = $"dotnet exec {Path.Combine(AppContext.BaseDirectory, "lifecycle.dll")}";

    private readonly TempFolder _folder = new();
    private readonly CliRunner _cli;

    public AgentHookTests()
    {
        _cli = SessionRepositories.Prepare(_folder);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Session_start_starts_the_session_and_gives_the_mission_and_handoff_as_context()
    {
        await _cli.RunAsync("start");
        await _cli.RunAsync("task", "add", "port the parser");
        await _cli.RunAsync("end", "--yes", "--note", "the parser half-done in src/parse");
        await InstallAsync();

        var started = await RunHookAsync("SessionStart", """{"hook_event_name":"SessionStart","source":"startup"}""");

        Assert.Equal(0, started.ExitCode);
        var context = (string)JsonNode.Parse(started.Stdout)!["hookSpecificOutput"]!["additionalContext"]!;
        Assert.Equal("SessionStart", (string?)JsonNode.Parse(started.Stdout)!["hookSpecificOutput"]!["hookEventName"]);
        Assert.Contains("# Mission\nSession 00002 on branch", context);
        Assert.Contains("port the parser", context);
        Assert.Contains("# Handoff from the last session", context);
        Assert.Contains("the parser half-done in src/parse", context);
        Assert.Equal("ACTIVE", (string?)(await _cli.RunAsync("--json", "status")).Json["state"]);

        // After a compaction the agent's session starts again: the same lifecycle session, its mission again.
        var compacted = await RunHookAsync("SessionStart", """{"hook_event_name":"SessionStart","source":"compact"}""");
        Assert.Contains("Session 00002 on branch", (string)JsonNode.Parse(compacted.Stdout)!["hookSpecificOutput"]!["additionalContext"]!);
        Assert.Equal("00002", (string?)(await _cli.RunAsync("--json", "status")).Json["sessionId"]);
    }

    [Fact]
    public async Task Pre_compact_checkpoints_and_session_end_ends_the_session_but_not_on_clear()
    {
        await InstallAsync();
        await RunHookAsync("SessionStart", """{"source":"startup"}""");
        File.Delete(LifecyclePaths.For(_folder.Path).StateFile);

        var compact = await RunHookAsync("PreCompact", """{"hook_event_name":"PreCompact","trigger":"auto"}""");
        Assert.Equal(0, compact.ExitCode);
        Assert.True(File.Exists(LifecyclePaths.For(_folder.Path).StateFile), compact.ToString());

        var cleared = await RunHookAsync("SessionEnd", """{"hook_event_name":"SessionEnd","reason":"clear"}""");
        Assert.Equal(0, cleared.ExitCode);
        Assert.Equal("ACTIVE", (string?)(await _cli.RunAsync("--json", "status")).Json["state"]);

        var ended = await RunHookAsync("SessionEnd", """{"hook_event_name":"SessionEnd","reason":"prompt_input_exit"}""");
        Assert.Equal(0, ended.ExitCode);
        Assert.Contains("session 00001 closed with the agent's session (prompt_input_exit)", ended.Stderr);
        Assert.Equal("DORMANT", (string?)(await _cli.RunAsync("--json", "status")).Json["state"]);

        var endedAgain = await RunHookAsync("SessionEnd", """{"reason":"logout"}""");
        Assert.Equal(0, endedAgain.ExitCode);
        Assert.Contains("not active; nothing to end", endedAgain.Stderr);
    }

    [Fact]
    public async Task A_prompt_says_the_agent_is_working_and_prints_nothing_without_reminders()
    {
        await InstallAsync();
        await RunHookAsync("SessionStart", "{}");
        var before = (int)(await _cli.RunAsync("--json", "sessions", "show", "00001")).Json["session"]!["interruptions"]!;

        var prompt = await RunHookAsync("UserPromptSubmit", """{"hook_event_name":"UserPromptSubmit","prompt":"go on"}""");

        Assert.Equal(0, prompt.ExitCode);
        Assert.Equal("", prompt.Stdout);
        Assert.Contains("[heartbeat] agent prompt", await File.ReadAllTextAsync(Path.Combine(_folder.Path, "docs", "sessions", "SESSION-00001-LOG.md")));
        Assert.Equal(before, (int)(await _cli.RunAsync("--json", "sessions", "show", "00001")).Json["session"]!["interruptions"]!);
    }

    [Fact]
    public async Task A_failing_lifecycle_never_fails_the_agent_and_says_why()
    {
        await InstallAsync();
        // A start the protocol refuses: the repository's own session-start fails.
        _folder.Write(".lifecycle/workflows/session-start.json", """{ "id": "session-start", "root": { "type": "Fail", "message": "reality check broken on purpose" } }""");

        var started = await RunHookAsync("SessionStart", "{}");
        var garbage = await RunHookAsync("SessionStart", "not json at all");
        var compact = await RunHookAsync("PreCompact", "{}");

        Assert.Equal(0, started.ExitCode);
        var answer = JsonNode.Parse(started.Stdout)!;
        Assert.StartsWith("lifecycle: ", (string?)answer["systemMessage"]);
        Assert.Contains("reality check broken on purpose", (string?)answer["hookSpecificOutput"]!["additionalContext"]);
        Assert.Contains("reality check broken on purpose", started.Stderr);
        Assert.DoesNotContain("   at ", started.Stderr);
        Assert.Equal(0, garbage.ExitCode);
        Assert.Equal(0, compact.ExitCode);
        Assert.StartsWith("lifecycle: the pre-compact hook did nothing:", compact.Stderr.Trim());
    }

    /// <summary>Installs the hooks with the built binary as the command (as <c>--command</c> lets a user name any) and commits them.</summary>
    private async Task InstallAsync()
    {
        var installed = await _cli.RunAsync("agent", "install", "claude-code", "--command", Lifecycle);
        Assert.Equal(0, installed.ExitCode);
        Assert.Contains("commit .claude/settings.json and .mcp.json", installed.Stdout);

        // As the install says: uncommitted, the hooks would be put away by the session's end with the rest of the work.
        Git.Run(_folder.Path, "add", ".claude/settings.json", ".mcp.json");
        Git.Run(_folder.Path, "commit", "-q", "-m", "lifecycle hooks for Claude Code");
    }

    /// <summary>Runs the hook command the settings name for <paramref name="hookEvent"/> through bash, as Claude Code does.</summary>
    private async Task<CliResult> RunHookAsync(string hookEvent, string stdin)
    {
        var settings = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_folder.Path, ".claude", "settings.json")))!;
        var command = (string)settings["hooks"]![hookEvent]!.AsArray().Last()!["hooks"]![0]!["command"]!;
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = _folder.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        start.Environment["CLAUDE_PROJECT_DIR"] = _folder.Path;
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
