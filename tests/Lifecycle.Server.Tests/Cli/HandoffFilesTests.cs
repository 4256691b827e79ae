using System.Text.Json.Nodes;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Cli;

/// <summary>
/// The files a session's handoff lists, through the real binary on a real repository: each with its
/// kind of change from git, renames counted as git counts them, and only the session's own work.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class HandoffFilesTests
{
    private static readonly string Lines138 = string.Concat(Enumerable.Range(1, 138).Select(i => $"line {i} of the parser\n"));

    [Fact]
    public async Task End_AfterAGitMvCommittedAndAStagedOne_CountsNoChangedLinesAndNamesBothRenamed()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        folder.Write("src/Parser.cs", Lines138);
        folder.Write("src/Lexer.cs", Lines138.Replace("parser", "lexer", StringComparison.Ordinal));
        Git.Run(folder.Path, "add", "src");
        Git.Run(folder.Path, "commit", "-q", "-m", "two files of 138 lines");
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Directory.CreateDirectory(Path.Combine(folder.Path, "lib"));
        Git.Run(folder.Path, "mv", "src/Parser.cs", "lib/Parser.cs");
        Git.Run(folder.Path, "commit", "-q", "-m", "move the parser");
        var committed = Git.Run(folder.Path, "log", "--numstat", "-M", "--format=", "-1");
        Git.Run(folder.Path, "mv", "src/Lexer.cs", "lib/Lexer.cs");
        var staged = Git.Run(folder.Path, "diff", "--cached", "-M", "--numstat");

        var end = await cli.RunAsync("--json", "end", "--yes");

        Assert.True(end.ExitCode == 0, end.ToString());
        Assert.Equal("0\t0\t{src => lib}/Parser.cs\n", committed);
        Assert.Equal("0\t0\t{src => lib}/Lexer.cs\n", staged);
        var work = end.Json["workCompleted"]!;
        Assert.Equal(0, work["linesChanged"]!.GetValue<int>());
        Assert.Equal(2, work["filesModified"]!.GetValue<int>());
        Assert.Equal(
            ["lib/Lexer.cs from src/Lexer.cs: renamed +0 -0 put away", "lib/Parser.cs from src/Parser.cs: renamed +0 -0"],
            Files(work["files"]!));
        Assert.Equal(["lib/Lexer.cs from src/Lexer.cs: renamed +0 -0"], StashFiles(end.Json));
        var markdown = File.ReadAllText(Path.Combine(folder.Path, "docs", "sessions", "SESSION-00001-HANDOFF.md"));
        Assert.Contains("- lib/Parser.cs (+0 -0, renamed from src/Parser.cs)\n", markdown, StringComparison.Ordinal);
        Assert.Contains("- lib/Lexer.cs (+0 -0, renamed from src/Lexer.cs, put away)\n", markdown, StringComparison.Ordinal);

        var next = await cli.RunAsync("--json", "start");

        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Equal("R  src/Lexer.cs -> lib/Lexer.cs\n", Git.Run(folder.Path, "status", "--porcelain", "--untracked-files=no"));
    }

    [Fact]
    public async Task End_OfSessionsThatRestoreWork_CountsOnlyWhatEachChangedSinceItsStart()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        foreach (var name in new[] { "a.txt", "b.txt", "c.txt", "d.txt" })
        {
            folder.Write(name, "one\ntwo\nthree\n");
        }

        Git.Run(folder.Path, "add", "a.txt", "b.txt", "c.txt", "d.txt");
        Git.Run(folder.Path, "commit", "-q", "-m", "four files");
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        folder.Write("a.txt", "one\ntwo\nthree\nfour\n");
        folder.Write("b.txt", "one\n2\nthree\n");
        Git.Run(folder.Path, "add", "b.txt");
        folder.Write("c.txt", "one\ntwo\n");
        File.Delete(Path.Combine(folder.Path, "d.txt"));
        folder.Write("e.txt", "new\n");
        var first = await cli.RunAsync("--json", "end", "--yes");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(5, first.Json["workCompleted"]!["filesModified"]!.GetValue<int>());
        Assert.Equal(1 + 2 + 1 + 3 + 1, first.Json["workCompleted"]!["linesChanged"]!.GetValue<int>());

        // An idle session: its start restores the five files, its end puts them away untouched.
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        var idleStatus = await cli.RunAsync("--json", "status");
        var idle = await cli.RunAsync("--json", "end", "--yes");

        Assert.True(idle.ExitCode == 0, idle.ToString());
        Assert.Equal(0, idleStatus.Json["filesModified"]!.GetValue<int>());
        Assert.Equal(5, idleStatus.Json["uncommittedFiles"]!.AsArray().Count);
        Assert.Equal(0, idle.Json["workCompleted"]!["filesModified"]!.GetValue<int>());
        Assert.Equal(0, idle.Json["workCompleted"]!["linesChanged"]!.GetValue<int>());
        Assert.Empty(idle.Json["workCompleted"]!["files"]!.AsArray());
        Assert.Equal(5, idle.Json["stash"]!["files"]!.AsArray().Count);
        Assert.Contains("- **Work**: 0 commits, 0 tasks completed, 0 files modified, 0 lines changed",
            File.ReadAllText(Path.Combine(folder.Path, "docs", "sessions", "SESSION-00002-HANDOFF.md")), StringComparison.Ordinal);

        // A session that edits one of the five restored files: that file, with the lines it changed since.
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        var restored = Git.Run(folder.Path, "diff", "--numstat", "a.txt");
        folder.Write("a.txt", "zero\none\ntwo\nthree\nfour\n");
        var editingStatus = await cli.RunAsync("--json", "status");
        var editing = await cli.RunAsync("--json", "end", "--yes");

        Assert.True(editing.ExitCode == 0, editing.ToString());
        Assert.Equal(1, editingStatus.Json["filesModified"]!.GetValue<int>());
        Assert.Equal("1\t0\ta.txt\n", restored);
        Assert.Equal(1, editing.Json["workCompleted"]!["filesModified"]!.GetValue<int>());
        Assert.Equal(1, editing.Json["workCompleted"]!["linesChanged"]!.GetValue<int>());
        Assert.Equal(["a.txt: modified +1 -0 put away"], Files(editing.Json["workCompleted"]!["files"]!));
        Assert.Contains("a.txt: modified +2 -0", StashFiles(editing.Json));
    }

    [Fact]
    public async Task End_GivesEachFileItsKindFromGit_CommittedAndPutAway()
    {
        using var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        folder.Write("gone.txt", "bye\n");
        folder.Write("run.sh", "#!/bin/sh\necho hi\n");
        folder.Write("staged.txt", "one\n");
        folder.Write("edited.txt", "one\n");
        Git.Run(folder.Path, "add", "gone.txt", "run.sh", "staged.txt", "edited.txt");
        Git.Run(folder.Path, "commit", "-q", "-m", "files");
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        folder.Write("src/new.cs", "class New {}\n");
        Git.Run(folder.Path, "add", "src/new.cs");
        Git.Run(folder.Path, "rm", "-q", "gone.txt");
        File.SetUnixFileMode(Path.Combine(folder.Path, "run.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Git.Run(folder.Path, "add", "run.sh");
        Git.Run(folder.Path, "commit", "-q", "-m", "add, delete, chmod");
        var nameStatus = Git.Run(folder.Path, "log", "--name-status", "--format=", "-1");
        folder.Write("notes/idea.txt", "untracked\n");
        folder.Write("staged.txt", "one\ntwo\n");
        Git.Run(folder.Path, "add", "staged.txt");
        folder.Write("edited.txt", "one\nthree\n");

        var end = await cli.RunAsync("--json", "end", "--yes");

        Assert.True(end.ExitCode == 0, end.ToString());
        Assert.Equal("D\tgone.txt\nM\trun.sh\nA\tsrc/new.cs\n", nameStatus);
        Assert.Equal(
            ["edited.txt: modified +1 -0 put away", "gone.txt: deleted +0 -1", "notes/idea.txt: untracked +1 -0 put away",
             "run.sh: mode +0 -0", "src/new.cs: added +1 -0", "staged.txt: staged +1 -0 put away"],
            Files(end.Json["workCompleted"]!["files"]!));
        Assert.Equal(["edited.txt: modified +1 -0", "notes/idea.txt: untracked +1 -0", "staged.txt: staged +1 -0"], StashFiles(end.Json));
    }

    // Each file of workCompleted.files as "path[ from old]: kind +added -deleted[ put away]".
    private static List<string> Files(JsonNode files) =>
        [.. files.AsArray().Select(f => Describe(f!) + (f!["putAway"]!.GetValue<bool>() ? " put away" : ""))];

    private static List<string> StashFiles(JsonNode handoff) =>
        [.. handoff["stash"]!["files"]!.AsArray().Select(f => Describe(f!))];

    private static string Describe(JsonNode file) =>
        $"{file["path"]!.GetValue<string>()}{(file["from"]?.GetValue<string>() is { } from ? $" from {from}" : "")}: {file["kind"]!.GetValue<string>()} +{file["added"]!.GetValue<int>()} -{file["deleted"]!.GetValue<int>()}";
}
