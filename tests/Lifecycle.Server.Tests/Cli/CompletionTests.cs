using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Cli;

/// <summary>
/// <c>lifecycle completion bash|zsh</c>: the printed script is loaded into the real shell, the shell's
/// completion variables are set as the shell sets them for a line typed up to the cursor, and the
/// completion function is called; it asks the real binary (a <c>lifecycle</c> on PATH) for candidates.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class CompletionTests
{
    // Fills COMP_WORDS, COMP_CWORD, COMP_LINE and COMP_POINT as bash does for $LINE with the cursor at its end.
    private const string BashDriver = """
        source "$SCRIPT"
        complete -p lifecycle >&2
        COMP_LINE="$LINE"; COMP_POINT=${#LINE}
        read -ra COMP_WORDS <<< "$LINE"
        if [[ "$LINE" == *" " ]]; then COMP_WORDS+=(""); fi
        COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
        _lifecycle_complete
        printf '%s\n' "${COMPREPLY[@]}"
        """;

    // Sets words, CURRENT and PREFIX as zsh's completion system does; compadd prints what it is
    // given that starts with PREFIX (what the builtin offers without a matcher-list), _files a marker.
    private const string ZshDriver = """
        source "$SCRIPT"
        print -r -- "registered: $_comps[lifecycle]" >&2
        compadd() { [[ "$1" == "--" ]] && shift; local c; for c in "$@"; do [[ "$c" == "$PREFIX"* ]] && print -r -- "$c"; done; return 0; }
        _files() { print -r -- "(files)"; }
        words=(${(z)LINE})
        [[ "$LINE" == *" " ]] && words+=("")
        CURRENT=${#words}
        PREFIX="${words[CURRENT]}"
        _lifecycle
        """;

    [Theory]
    [InlineData("bash", "lifecycle st", "start status")]
    [InlineData("bash", "lifecycle task d", "done")]
    [InlineData("bash", "lifecycle report --format ", "html json md")]
    [InlineData("bash", "lifecycle event g", "git_commit")]
    [InlineData("bash", "lifecycle end --n", "--no-stash --note")]
    [InlineData("bash", "lifecycle completion z", "zsh")]
    [InlineData("bash", "lifecycle --repo . sta", "start status")]
    [InlineData("bash", "lifecycle report 00001 --format j", "json")]
    public async Task Completion_OfATypedLine_OffersWhatCanComeNext(string shell, string line, string expected)
    {
        using var folder = new TempFolder();

        var offered = await CompleteAsync(shell, line, folder, folder.Path);

        Assert.Equal(expected.Split(' ').Order(StringComparer.Ordinal), offered.Order(StringComparer.Ordinal));
    }

    [ZshTheory]
    [InlineData("zsh", "lifecycle st", "start status")]
    [InlineData("zsh", "lifecycle task ", "--help --json --repo --verbose -? -h add block done edit list remove reopen")]
    [InlineData("zsh", "lifecycle report --format ", "html json md")]
    [InlineData("zsh", "lifecycle end --n", "--no-stash --note")]
    public Task Completion_InZsh_OfATypedLine_OffersWhatCanComeNext(string shell, string line, string expected) =>
        Completion_OfATypedLine_OffersWhatCanComeNext(shell, line, expected);

    [Theory]
    [InlineData("bash")]
    public async Task Completion_OfTheCommandAlone_OffersEveryCommandAndNoWindowsAliases(string shell)
    {
        using var folder = new TempFolder();

        var offered = await CompleteAsync(shell, "lifecycle ", folder, folder.Path);

        Assert.Superset(new HashSet<string> { "init", "start", "end", "status", "task", "event", "report", "demo", "completion", "workflow", "--json" }, offered.ToHashSet());
        Assert.DoesNotContain(offered, candidate => candidate.StartsWith('/'));
    }

    [ZshTheory]
    [InlineData("zsh")]
    public Task Completion_InZsh_OfTheCommandAlone_OffersEveryCommandAndNoWindowsAliases(string shell) =>
        Completion_OfTheCommandAlone_OffersEveryCommandAndNoWindowsAliases(shell);

    [Theory]
    [InlineData("bash")]
    public async Task Completion_OfATaskId_OffersTheSessionsTasksThatFitTheCommand(string shell)
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "first")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "second")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "third")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "done", "T2")).ExitCode);

        Assert.Equal(["T1", "T3"], (await CompleteAsync(shell, "lifecycle task done T", folder, folder.Path)).Order());
        Assert.Equal(["T2"], await CompleteAsync(shell, "lifecycle task reopen T", folder, folder.Path));
        Assert.Equal(["T1", "T2", "T3"], (await CompleteAsync(shell, "lifecycle task edit T", folder, folder.Path)).Order());
    }

    [ZshTheory]
    [InlineData("zsh")]
    public Task Completion_InZsh_OfATaskId_OffersTheSessionsTasksThatFitTheCommand(string shell) =>
        Completion_OfATaskId_OffersTheSessionsTasksThatFitTheCommand(shell);

    [Fact]
    public async Task Completion_OfATaskId_OutsideAnyRepository_OffersNoneAndCreatesNothing()
    {
        using var folder = new TempFolder();

        var offered = await CompleteAsync("bash", "lifecycle task done T", folder, folder.Path);

        Assert.Empty(offered);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, ".lifecycle")));
    }

    [Fact]
    public async Task Completion_ForAnUnknownShell_ExitsTwoNamingTheShells()
    {
        using var folder = new TempFolder();

        var result = await new CliRunner(folder.Path).RunAsync("completion", "fish");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("bash", result.Stderr);
        Assert.Contains("zsh", result.Stderr);
    }

    /// <summary>What <paramref name="shell"/>'s completion offers for <paramref name="line"/> typed in <paramref name="workingDirectory"/>.</summary>
    private static async Task<IReadOnlyList<string>> CompleteAsync(string shell, string line, TempFolder folder, string workingDirectory)
    {
        var printed = await new CliRunner(workingDirectory).RunAsync("completion", shell);
        Assert.True(printed.ExitCode == 0, printed.ToString());
        var tools = Directory.CreateDirectory(Path.Combine(folder.Path, ".shell-test"));
        var script = Path.Combine(tools.FullName, $"lifecycle.{shell}");
        File.WriteAllText(script, printed.Stdout);
        Wrapper(tools.FullName);

        var result = await Shell.RunAsync(shell, shell == "zsh" ? ZshDriver : BashDriver, workingDirectory, new Dictionary<string, string>
        {
            ["SCRIPT"] = script,
            ["LINE"] = line,
            ["PATH"] = $"{tools.FullName}{Path.PathSeparator}{Environment.GetEnvironmentVariable("PATH")}",
            ["HOME"] = tools.FullName,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(shell == "zsh" ? "registered: _lifecycle" : "-F _lifecycle_complete", result.Stderr);
        return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>A <c>lifecycle</c> on PATH that runs the binary under test, as an installed one would be found.</summary>
    private static void Wrapper(string folder)
    {
        var binary = Path.Combine(AppContext.BaseDirectory, "lifecycle.dll");
        var wrapper = Path.Combine(folder, "lifecycle");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec dotnet exec '{binary}' \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
