namespace Lifecycle.Activities.Tests.Git.Activities;

/// <summary>The session end puts every state git can hold away and the next start brings it back identical, through the real activities.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StashStatesActivityTests
{
    private const string Stash = """{ "id": "stash", "type": "StashWork", "session": "00001" }""";
    private const string Restore = """{ "id": "restore", "type": "RestoreStash", "session": "00002" }""";

    [Fact]
    public async Task StashWorkThenRestoreStash_BringBackModesFlagsFoldersReplacedByFilesLineEndingsAndBinaries()
    {
        await using var test = await GitActivityHarness.StartAsync();
        var repo = test.Repository;
        repo.Write(".gitattributes", "*.crlf eol=crlf\n*.auto text=auto\n*.bin binary\n");
        repo.Write("secret.env", "A=1\n");
        repo.Write("d/f", "f\n");
        repo.Write("sparse/gone.txt", "not checked out\n");
        repo.Write("assumed.txt", "committed\n");
        repo.Write("x.crlf", "one\r\n");
        repo.Write("y.bin", [0, 13, 10, 255]);
        repo.CommitAll("states");
        await test.AddSessionAsync("00001");

        File.SetUnixFileMode(repo.Write("secret.env", "A=2\n"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.SetUnixFileMode(repo.Write("keys/id", "key\n"), UnixFileMode.UserRead);
        File.SetUnixFileMode(Path.Combine(repo.Path, "keys"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.Delete(Path.Combine(repo.Path, "d"), recursive: true);
        repo.Write("d", "now a file\n");
        repo.Git("add", "-A", "d");
        repo.Write("intended.txt", "not staged yet\n");
        repo.Git("add", "-N", "intended.txt");
        repo.Git("update-index", "--skip-worktree", "sparse/gone.txt");
        File.Delete(Path.Combine(repo.Path, "sparse", "gone.txt"));
        repo.Git("update-index", "--assume-unchanged", "assumed.txt");
        repo.Write("assumed.txt", "ignored edit\n");
        repo.Write("x.crlf", "one\r\ntwo\r\n");
        repo.Write("y.bin", [0, 13, 10, 255, 0]);
        repo.Write("new.auto", "crlf\r\n");
        var before = GitState.Take(repo);

        var stashed = await test.RunAsync(Stash);
        var between = GitState.Take(repo);
        await test.AddSessionAsync("00002", previous: "00001");
        var restored = await test.RunAsync(Restore);
        var after = GitState.Take(repo);

        Assert.True((bool)stashed["stash"]!["stashed"]!);
        Assert.Equal("", between.Status);
        Assert.Equal("restored", (string?)restored["restore"]!["status"]);
        var differences = after.DifferencesFrom(before);
        Assert.True(differences.Length == 0, differences);
        Assert.Equal("", test.Stashes());
        Assert.Empty(test.Store.Get("00002").Blockers);
    }
}
