using Lifecycle.Activities.Metrics;

namespace Lifecycle.Activities.Tests.Git.Activities;

public class StashAndRestoreTests
{
    private const string Stash = """{ "id": "stash", "type": "StashWork", "session": "00001" }""";
    private const string Restore = """{ "id": "restore", "type": "RestoreStash", "session": "00002" }""";

    [Fact]
    public async Task StashThenRestore_AcrossTwoSessions_BringsTheWorkBackWithStagedStillStaged()
    {
        await using var test = await GitActivityHarness.StartAsync();
        await test.AddSessionAsync("00001");
        test.Repository.Write("a.txt", "alpha\nstaged\n");
        test.Repository.Git("add", "a.txt");
        test.Repository.Write("b.txt", "beta\nunstaged\n");
        test.Repository.Write("notes/c.txt", "new\n");
        var before = test.Status();

        var stashed = await test.RunAsync(Stash);

        Assert.True((bool)stashed["stash"]!["stashed"]!);
        Assert.Equal("lifecycle session 00001", (string?)stashed["stash"]!["name"]);
        Assert.Equal(["a.txt", "b.txt", "notes/c.txt"], stashed["stash"]!["files"]!.AsArray().Select(f => (string)f!));
        Assert.Equal("", test.Status());
        var first = test.Store.Get("00001");
        Assert.Equal("lifecycle session 00001", first.PutAway!.Name);
        Assert.Equal(["a.txt", "b.txt", "notes/c.txt"], first.PutAway.Files.Select(f => f.Path));
        Assert.Equal(3, first.PutAway.LinesChanged);
        Assert.Equal(["a.txt", "b.txt", "notes/c.txt"], first.UncommittedFiles);

        await test.AddSessionAsync("00002", previous: "00001");
        var restored = await test.RunAsync(Restore);

        Assert.Equal("restored", (string?)restored["restore"]!["status"]);
        Assert.Equal(before, test.Status());
        Assert.Equal("M  a.txt\n M b.txt\n?? notes/c.txt\n", before);
        Assert.Equal("", test.Stashes());
        Assert.Empty(test.Store.Get("00002").Blockers);
    }

    [Fact]
    public async Task RestoreStash_WhenAStashedFileChangedSince_KeepsTheStashAndRecordsABlocker()
    {
        await using var test = await GitActivityHarness.StartAsync();
        await test.AddSessionAsync("00001");
        test.Repository.Write("a.txt", "alpha\nput away\n");
        await test.RunAsync(Stash);
        test.Repository.Write("a.txt", "alpha\nchanged meanwhile\n");
        await test.AddSessionAsync("00002", previous: "00001");

        var outputs = await test.RunAsync(Restore);

        Assert.Equal("conflict", (string?)outputs["restore"]!["status"]);
        Assert.Equal(["a.txt"], outputs["restore"]!["files"]!.AsArray().Select(f => (string)f!));
        Assert.Equal("On main: lifecycle session 00001\n", test.Stashes());
        Assert.Equal("alpha\nchanged meanwhile\n", File.ReadAllText(Path.Combine(test.Repository.Path, "a.txt")));
        Assert.Null(test.Store.Get("00002").RestoredStash);
        var blocker = Assert.Single(test.Store.Get("00002").Blockers);
        Assert.Contains("'lifecycle session 00001'", blocker);
        Assert.Contains("a.txt", blocker);
    }

    [Fact]
    public async Task RestoreStash_RunTwiceAfterAConflict_RecordsTheBlockerOnce()
    {
        await using var test = await GitActivityHarness.StartAsync();
        await test.AddSessionAsync("00001");
        test.Repository.Write("a.txt", "alpha\nput away\n");
        await test.RunAsync(Stash);
        test.Repository.Write("a.txt", "alpha\nchanged meanwhile\n");
        await test.AddSessionAsync("00002", previous: "00001");

        var outputs = await test.RunAsync(Restore, Restore.Replace("\"restore\"", "\"again\""));

        Assert.Equal("conflict", (string?)outputs["again"]!["status"]);
        Assert.Single(test.Store.Get("00002").Blockers);
        Assert.Equal("On main: lifecycle session 00001\n", test.Stashes());
    }

    [Fact]
    public async Task StashWork_RunTwice_StashesOnceAndRecordsTheSame()
    {
        await using var test = await GitActivityHarness.StartAsync();
        await test.AddSessionAsync("00001");
        test.Repository.Write("a.txt", "alpha\nmore\n");
        test.Repository.Write("new.txt", "one\ntwo\n");

        var outputs = await test.RunAsync(Stash, Stash.Replace("\"stash\"", "\"again\""));

        Assert.Equal(outputs["stash"]!.ToJsonString(), outputs["again"]!.ToJsonString());
        Assert.Equal("On main: lifecycle session 00001\n", test.Stashes());
        var session = test.Store.Get("00001");
        Assert.Equal([("a.txt", 1, 0), ("new.txt", 2, 0)], session.PutAway!.Files.Select(f => (f.Path, f.Added, f.Deleted)));
    }

    [Fact]
    public async Task StashWork_RunAgainWithNewWorkInTheTree_MakesNoSecondStash_AndLeavesTheNewWorkInPlace()
    {
        await using var test = await GitActivityHarness.StartAsync();
        await test.AddSessionAsync("00001");
        test.Repository.Write("a.txt", "alpha\nmore\n");
        await test.RunAsync(Stash);
        test.Repository.Write("late.txt", "written after the first run\n");

        var outputs = await test.RunAsync(Stash);

        Assert.True((bool)outputs["stash"]!["stashed"]!);
        Assert.Equal("On main: lifecycle session 00001\n", test.Stashes());
        var putAway = test.Store.Get("00001").PutAway!;
        Assert.Equal(["a.txt"], putAway.Files.Select(f => f.Path));
        Assert.Equal(["late.txt"], putAway.Skipped);
        Assert.Equal("written after the first run\n", File.ReadAllText(Path.Combine(test.Repository.Path, "late.txt")));
    }

    [Fact]
    public async Task StashWork_AfterACrashBeforeTheSessionWasSaved_RecordsTheStashItMade()
    {
        await using var test = await GitActivityHarness.StartAsync();
        await test.AddSessionAsync("00001");
        test.Repository.Write("a.txt", "alpha\nmore\n");
        await test.RunAsync(Stash);
        var recorded = test.Store.Get("00001").PutAway!;
        await test.AddSessionAsync("00001");

        var outputs = await test.RunAsync(Stash);

        Assert.True((bool)outputs["stash"]!["stashed"]!);
        Assert.Equal(recorded.Files, test.Store.Get("00001").PutAway!.Files);
        Assert.Equal("On main: lifecycle session 00001\n", test.Stashes());
    }

    [Fact]
    public async Task StashWork_WithSkip_LeavesTheWorkInPlaceAndRecordsIt()
    {
        await using var test = await GitActivityHarness.StartAsync();
        await test.AddSessionAsync("00001");
        test.Repository.Write("b.txt", "changed\n");

        var outputs = await test.RunAsync("""{ "id": "stash", "type": "StashWork", "session": "00001", "skip": true }""");

        Assert.False((bool)outputs["stash"]!["stashed"]!);
        Assert.Null(outputs["stash"]!["name"]);
        Assert.Equal(" M b.txt\n", test.Status());
        Assert.Equal(["b.txt"], test.Store.Get("00001").UncommittedFiles);
        Assert.Null(test.Store.Get("00001").PutAway);
    }

    [Fact]
    public async Task RestoreStash_RunTwice_RestoresOnceAndLeavesTheWorkAsRestored()
    {
        await using var test = await GitActivityHarness.StartAsync();
        await test.AddSessionAsync("00001");
        test.Repository.Write("a.txt", "alpha\nstaged\n");
        test.Repository.Git("add", "a.txt");
        await test.RunAsync(Stash);
        await test.AddSessionAsync("00002", previous: "00001");

        var outputs = await test.RunAsync(Restore, Restore.Replace("\"restore\"", "\"again\""));

        Assert.Equal("restored", (string?)outputs["restore"]!["status"]);
        Assert.Equal("nothing", (string?)outputs["again"]!["status"]);
        Assert.Equal("M  a.txt\n", test.Status());
        Assert.Empty(test.Store.Get("00002").Blockers);
    }

    [Fact]
    public async Task RestoreStash_WithSkip_LeavesTheStash()
    {
        await using var test = await GitActivityHarness.StartAsync();
        await test.AddSessionAsync("00001");
        test.Repository.Write("a.txt", "alpha\nput away\n");
        await test.RunAsync(Stash);
        await test.AddSessionAsync("00002", previous: "00001");

        var outputs = await test.RunAsync("""{ "id": "restore", "type": "RestoreStash", "session": "00002", "skip": true }""");

        Assert.Equal("skipped", (string?)outputs["restore"]!["status"]);
        Assert.Equal("On main: lifecycle session 00001\n", test.Stashes());
        Assert.Equal("", test.Status());
        var blocker = Assert.Single(test.Store.Get("00002").Blockers);
        Assert.Contains("stash 'lifecycle session 00001' was not restored (--no-stash)", blocker);
    }

    [Fact]
    public async Task StashWork_WithStashOffInTheConfiguration_LeavesTheWorkInPlace()
    {
        await using var test = await GitActivityHarness.StartAsync(config: """{ "stash": false }""");
        await test.AddSessionAsync("00001");
        test.Repository.Write("b.txt", "changed\n");

        var outputs = await test.RunAsync(Stash);

        Assert.False((bool)outputs["stash"]!["stashed"]!);
        Assert.Equal(" M b.txt\n", test.Status());
        Assert.Equal("", test.Stashes());
    }

    [Fact]
    public async Task RestoreStash_WithoutAPreviousSession_HasNothingToDo()
    {
        await using var test = await GitActivityHarness.StartAsync();
        await test.AddSessionAsync("00002");

        var outputs = await test.RunAsync(Restore);

        Assert.Equal("nothing", (string?)outputs["restore"]!["status"]);
        Assert.Empty(outputs["restore"]!["files"]!.AsArray());
    }

    [Fact]
    public async Task StashWork_AfterARestoreWithNoEdits_CountsNoneOfTheRestoredWorkAsTheSessions()
    {
        await using var test = await GitActivityHarness.StartAsync();
        await PutAwayFourFilesAsync(test);
        await test.AddSessionAsync("00002", previous: "00001");
        await test.RunAsync(Restore);

        await test.RunAsync(Stash.Replace("00001", "00002", StringComparison.Ordinal));

        var session = test.Store.Get("00002");
        Assert.NotNull(session.RestoredStash);
        Assert.Equal(["a.txt", "b.txt", "c.txt", "notes/d.txt"], session.PutAway!.Files.Select(f => f.Path));
        Assert.Equal(8, session.PutAway.LinesChanged);
        Assert.Empty(session.PutAway.ThisSession!);
        Assert.Empty(session.PutAway.SessionChanges);
    }

    [Fact]
    public async Task StashWork_AfterARestoreAndAnEditOfOneFile_CountsThatFileWithTheLinesChangedSinceTheRestore()
    {
        await using var test = await GitActivityHarness.StartAsync();
        await PutAwayFourFilesAsync(test);
        await test.AddSessionAsync("00002", previous: "00001");
        await test.RunAsync(Restore);
        test.Repository.Write("b.txt", "b1\nb2 put away\nb3\nthis session\n");
        using (var workspace = Lifecycle.Activities.Git.GitWorkspace.Open(test.Repository.Path, readOnly: true))
        {
            Assert.Equal(["b.txt"], workspace.Stashes.TouchedSinceRestore(test.Store.Get("00002").RestoredStash!, workspace.Status.UncommittedFiles()));
        }

        var sinceRestore = test.Repository.Git("diff", "--numstat", "b.txt");

        await test.RunAsync(Stash.Replace("00001", "00002", StringComparison.Ordinal));

        var putAway = test.Store.Get("00002").PutAway!;
        Assert.Equal("1\t0\tb.txt\n", sinceRestore);
        Assert.Equal(new FileChange("b.txt", 1, 0, FileChangeKind.Staged), Assert.Single(putAway.SessionChanges));
        Assert.Equal(new FileChange("b.txt", 2, 1, FileChangeKind.Staged), putAway.Files.Single(f => f.Path == "b.txt"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task StashWork_AfterARestoreWithNoEdits_CountsNothing_WithCrlfFiltersBinaryModesLinksAndARename()
    {
        await using var test = await GitActivityHarness.StartAsync();
        test.Repository.Write(".gitattributes", "* text=auto\n*.bin binary\n");
        test.Repository.Write("crlf.txt", "one\r\ntwo\r\n");
        test.Repository.Write("data.bin", [0, 1, 2, 13, 10, 255]);
        test.Repository.Write("run.sh", "#!/bin/sh\n");
        test.Repository.Write("old.txt", string.Concat(Enumerable.Range(1, 40).Select(i => $"line {i}\n")));
        test.Repository.CommitAll("files");
        await test.AddSessionAsync("00001");
        test.Repository.Write("crlf.txt", "one\r\ntwo\r\nthree\r\n");
        test.Repository.Write("data.bin", [0, 1, 2, 13, 10, 254, 7]);
        Lifecycle.Activities.Tests.Git.StashRoundTripTests.MakeExecutable(Path.Combine(test.Repository.Path, "run.sh"));
        test.Repository.Git("mv", "old.txt", "new.txt");
        File.CreateSymbolicLink(Path.Combine(test.Repository.Path, "link"), "crlf.txt");
        test.Repository.Write("untracked\u00e9.txt", "new\r\n");
        await test.RunAsync(Stash);
        await test.AddSessionAsync("00002", previous: "00001");
        await test.RunAsync(Restore);
        var restored = test.Status();
        IReadOnlyList<string> touched;
        using (var workspace = Lifecycle.Activities.Git.GitWorkspace.Open(test.Repository.Path, readOnly: true))
        {
            touched = workspace.Stashes.TouchedSinceRestore(test.Store.Get("00002").RestoredStash!, workspace.Status.UncommittedFiles());
        }

        await test.RunAsync(Stash.Replace("00001", "00002", StringComparison.Ordinal));

        var putAway = test.Store.Get("00002").PutAway!;
        Assert.Equal(test.Store.Get("00001").PutAway!.Files, putAway.Files);
        Assert.Equal(6, putAway.Files.Count);
        Assert.Contains("R  old.txt -> new.txt\n", restored, StringComparison.Ordinal);
        Assert.Empty(touched);
        Assert.Empty(putAway.SessionChanges);
    }

    [Fact]
    public async Task StashWork_WithoutARestore_CountsEverythingPutAwayAsTheSessions()
    {
        await using var test = await GitActivityHarness.StartAsync();
        await PutAwayFourFilesAsync(test);

        var putAway = test.Store.Get("00001").PutAway!;
        Assert.Null(test.Store.Get("00001").RestoredStash);
        Assert.Null(putAway.ThisSession);
        Assert.Equal(putAway.Files, putAway.SessionChanges);
        Assert.Equal(4, putAway.SessionChanges.Count);
    }

    // Session 00001 changes four files (staged, in the work tree, deleted, untracked: 8 lines) and puts them away.
    private static async Task PutAwayFourFilesAsync(GitActivityHarness test)
    {
        test.Repository.Write("a.txt", "a1\na2\n");
        test.Repository.Write("b.txt", "b1\nb2\nb3\n");
        test.Repository.Write("c.txt", "c1\nc2\n");
        test.Repository.CommitAll("three files");
        await test.AddSessionAsync("00001");
        test.Repository.Write("a.txt", "a1\na2\na3\n");
        test.Repository.Write("b.txt", "b1\nb2 put away\nb3\n");
        test.Repository.Git("add", "b.txt");
        File.Delete(Path.Combine(test.Repository.Path, "c.txt"));
        test.Repository.Write("notes/d.txt", "d1\nd2\nd3\n");
        await test.RunAsync(Stash);
    }
}
