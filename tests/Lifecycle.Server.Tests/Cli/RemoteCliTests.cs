using System.Text.RegularExpressions;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Cli;

/// <summary>
/// The CLI with a running <c>lifecycle serve</c> talks to it over HTTP, and prints what it prints
/// without one: the same command sequence in two repositories, one embedded and one through a real
/// server on a loopback port, gives the same stdout and exit codes (times, shas, paths aside).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class RemoteCliTests
{
    private static readonly string[][] Sequence =
    [
        ["status"],
        ["--json", "status"],
        ["sessions"],
        ["start"],
        ["start"],
        ["--json", "start"],
        ["task", "add", "first", "--priority", "2"],
        ["--json", "task", "add", "second"],
        ["task", "done", "T1"],
        ["task", "block", "T2", "--reason", "waiting"],
        ["task", "edit", "T2", "--title", "second, renamed"],
        ["task", "done", "T9"],
        ["task", "list"],
        ["--json", "task", "list", "--all"],
        ["event", "heartbeat"],
        ["event", "file_modified", "--path", "src/a.cs"],
        ["event", "file_modified", "--path", "../outside.txt"],
        ["event", "task_completed", "--task", "T9"],
        ["event", "no_such_type"],
        ["event", "git_commit"],
        ["--json", "event", "error_occurred", "--message", "build failed"],
        ["status"],
        ["--json", "status"],
        ["checkpoint"],
        ["end"],
        ["--json", "end"],
        ["end", "--yes", "--note", "done for today"],
        ["event", "heartbeat"],
        ["sessions"],
        ["--json", "sessions"],
        ["sessions", "show", "1"],
        ["--json", "sessions", "show", "1"],
        ["sessions", "show", "42"],
        ["report"],
        ["report", "1", "--format", "json"],
        ["--json", "report"],
        ["report", "42"],
        ["report", "--format", "pdf"],
        ["report", "--format", "html"],
        ["report", "--all", "--format", "json"],
        ["report", "--all", "--format", "md"],
        ["report", "--all", "--since", "2020-01-01", "--until", "2019-01-01"],
        ["task", "add", "after the end"],
        ["start", "--yes"],
        ["--json", "end", "--yes"],
    ];

    [Fact]
    public async Task The_same_commands_print_the_same_through_the_server_as_embedded()
    {
        using var embeddedFolder = new TempFolder();
        using var remoteFolder = new TempFolder();
        var embedded = SessionRepositories.Prepare(embeddedFolder);
        var remote = SessionRepositories.Prepare(remoteFolder);
        await using var server = await RunningServer.StartAsync(remote);

        foreach (var args in Sequence)
        {
            if (args.SequenceEqual(["event", "git_commit"]))
            {
                Commit(embeddedFolder.Path);
                Commit(remoteFolder.Path);
            }

            var alone = await embedded.RunAsync(args);
            var served = await remote.RunAsync(args);

            var command = string.Join(' ', args);
            Assert.True(alone.ExitCode == served.ExitCode, $"'{command}': embedded {alone}\nthrough the server {served}");
            var expected = Normalize(alone.Stdout, embeddedFolder.Path);
            var actual = Normalize(served.Stdout, remoteFolder.Path);
            Assert.True(expected == actual, $"'{command}' printed differently.\n--- embedded\n{expected}\n--- through the server\n{actual}\n--- server's stderr\n{served.Stderr}");
        }

        Assert.Equal(0, (await server.StopAsync()).ExitCode);
        var log = string.Join('\n', Directory.GetFiles(Path.Combine(remoteFolder.Path, ".lifecycle", "logs")).Select(File.ReadAllText));
        Assert.Contains("\"RequestPath\":\"/api/sessions/start\"", log);
        Assert.Contains("\"RequestPath\":\"/api/sessions/end\"", log);
        Assert.Contains("\"RequestPath\":\"/api/sessions/current/tasks\"", log);
        Assert.Contains("\"RequestPath\":\"/api/sessions/current/events\"", log);
        Assert.False(File.Exists(Path.Combine(remoteFolder.Path, ".lifecycle", "server.json")));
    }

    [Fact]
    public async Task Log_lines_of_the_server_s_workflows_print_as_embedded()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        folder.Write(".lifecycle/workflows/session-start.json",
            """{ "id": "session-start", "root": { "type": "Sequence", "activities": [ { "type": "Log", "message": "hello from the override" } ] } }""");
        var alone = await cli.RunAsync("start");
        await using var server = await RunningServer.StartAsync(cli);

        var served = await cli.RunAsync("start");
        var json = await cli.RunAsync("--json", "start");

        Assert.Equal("  log: hello from the override\n", alone.Stdout);
        Assert.True(served.ExitCode == alone.ExitCode && served.Stdout == alone.Stdout, $"embedded {alone}\nthrough the server {served}");
        Assert.DoesNotContain("log:", json.Stdout, StringComparison.Ordinal);
        Assert.Contains("session-start finished without creating a session", (string?)json.Json["error"]);
    }

    [ScriptFact]
    public async Task End_that_may_ask_on_a_terminal_asks_there_and_runs_embedded()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        await using var server = await RunningServer.StartAsync(cli);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "still open")).ExitCode);

        var start = new System.Diagnostics.ProcessStartInfo("script")
        {
            WorkingDirectory = folder.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-qec", $"dotnet exec '{Path.Combine(AppContext.BaseDirectory, "lifecycle.dll")}' end", "/dev/null" })
        {
            start.ArgumentList.Add(arg);
        }

        using var end = System.Diagnostics.Process.Start(start)!;
        await end.StandardInput.WriteLineAsync("n");
        end.StandardInput.Close();
        var output = await end.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await end.WaitForExitAsync(timeout.Token);

        Assert.True(end.ExitCode == 3, output);
        Assert.Contains("Update task status before closing (1 open). Continue? [y/N]", output);
        // The server writes its log file from a buffer, flushed every second.
        var log = await Poll.UntilAsync(() => Task.FromResult(ServerLog(folder.Path)), text => text.Contains("/api/sessions/current/tasks", StringComparison.Ordinal));
        Assert.Contains("/api/sessions/current/tasks", log);
        Assert.DoesNotContain("/api/sessions/end", log);
    }

    [Fact]
    public async Task A_token_the_server_refuses_is_an_error_that_says_what_to_do()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        await using var server = await RunningServer.StartAsync(cli);
        var token = Path.Combine(folder.Path, ".lifecycle", "token");
        File.SetUnixFileMode(token, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(token, "not-the-server-s-token");

        var status = await cli.RunAsync("status");

        Assert.Equal(1, status.ExitCode);
        Assert.Contains("refused the token of .lifecycle/token", status.Stderr);
        // The server writes its log file from a buffer, flushed every second.
        var log = await Poll.UntilAsync(() => Task.FromResult(ServerLog(folder.Path)), text => text.Contains("/api/sessions/current", StringComparison.Ordinal));
        Assert.Contains("/api/sessions/current", log);
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_is_no_error_the_cli_runs_embedded()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        var state = Path.Combine(folder.Path, ".lifecycle");
        // A server that holds its lock but listens nowhere (hung, or its port closed): server.json names a closed port.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        File.WriteAllText(Path.Combine(state, "server.json"), $$"""{"url":"http://127.0.0.1:{{port}}","pid":1}""");
        File.WriteAllText(Path.Combine(state, "token"), "some-token");
        using var held = new FileStream(Path.Combine(state, "server.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var start = await cli.RunAsync("start");
        var status = await cli.RunAsync("--json", "status");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.DoesNotContain("error", start.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("ACTIVE", (string?)status.Json["state"]);
    }

    /// <summary>The server's log file as written so far (the server still writes it).</summary>
    private static string ServerLog(string repository) =>
        string.Join('\n', Directory.GetFiles(Path.Combine(repository, ".lifecycle", "logs")).Select(file =>
        {
            using var shared = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return new StreamReader(shared).ReadToEnd();
        }));

    private static void Commit(string repository)
    {
        File.WriteAllText(Path.Combine(repository, "app.txt"), "hello\n");
        Git.Run(repository, "add", "app.txt");
        Git.Run(repository, "commit", "-q", "-m", "add the app");
    }

    /// <summary>
    /// The output with what differs between two runs replaced: the repository's path, times, shas,
    /// instance ids, and the count and positions of events (the server's file watcher records the
    /// test's edits as file_modified events, which embedded commands cannot see).
    /// </summary>
    private static string Normalize(string output, string repository)
    {
        var text = output.Replace(repository, "<repo>", StringComparison.Ordinal);
        text = EventCount().Replace(text, "${name}<n>");
        text = IsoTime().Replace(text, "<time>");
        text = ClockTime().Replace(text, "<clock>");
        text = Guid().Replace(text, "<id>");
        text = Efficiency().Replace(text, "<efficiency>");
        text = Duration().Replace(text, "<duration>");
        text = Fraction().Replace(text, "<number>");
        text = Hex().Replace(text, "<sha>");
        return text;
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?")]
    private static partial Regex IsoTime();

    [GeneratedRegex(@"\b\d{1,2}:\d{2}\b")]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"\b[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\b|\b[0-9a-f]{32}\b")]
    private static partial Regex Guid();

    // A timeline entry's minute is a fraction, or 0 when the step came within the rounding of the start.
    [GeneratedRegex(@"(?<name>""sequence"": |""events"": |\bevents: |""minute"": )\d+(\.\d+)?")]
    private static partial Regex EventCount();

    [GeneratedRegex(@"\b\d+(\.\d+)? ?(minutes|min|m|s|h)\b")]
    private static partial Regex Duration();

    /// <summary>Active time over the session's time: the server's setup is a few milliseconds shorter, which may round to another percent.</summary>
    [GeneratedRegex(@"\d+% efficiency|""efficiency"": [\d.]+")]
    private static partial Regex Efficiency();

    [GeneratedRegex(@"\b\d+\.\d+\b")]
    private static partial Regex Fraction();

    [GeneratedRegex(@"\b[0-9a-f]{7,40}\b")]
    private static partial Regex Hex();
}
