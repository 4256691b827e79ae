using System.Text.RegularExpressions;
using Lifecycle.Activities.Documents;
using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tests.Support;

namespace Lifecycle.Activities.Tests.Documents;

public sealed class SessionLogWriterTests : IDisposable
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private readonly TempRepository _repository = new();

    private SessionLogWriter Writer => new(new RepositoryContext(_repository.Path));

    private string LogPath => Path.Combine(_repository.Path, "docs", "sessions", "SESSION-00001-LOG.md");

    private static SessionContext Session(SessionState state = SessionState.Active) => new()
    {
        SessionId = "00001",
        StartTime = Nine,
        State = state,
        ActiveBranch = "main",
        RealityConsensus = 1,
    };

    public void Dispose() => _repository.Dispose();

    [Fact]
    public void Append_WhenTheLogIsMissing_CreatesItWithItsHeaderThenTheEntry()
    {
        var written = Writer.Append(Session(), SessionLogEntries.Note(Nine.AddMinutes(5), "hello"));

        Assert.Equal(SessionLogWriteStatus.Written, written.Status);
        Assert.Equal(LogPath, written.Path);
        var log = File.ReadAllText(LogPath);
        Assert.StartsWith("# Session 00001 Log\n\n- **Started**: 2026-11-24 09:00 UTC\n", log);
        Assert.EndsWith("\n## Log\n- 2026-11-24 09:05:00 [note] hello\n", log);
    }

    [Fact]
    public void Append_ToAnExistingLog_AddsTheEntriesInOrder()
    {
        Writer.Append(Session(), SessionLogEntries.Note(Nine, "one"));

        Writer.Append(Session(), SessionLogEntries.Note(Nine.AddMinutes(1), "two"), SessionLogEntries.Note(Nine.AddMinutes(2), "three"));

        Assert.EndsWith("## Log\n- 2026-11-24 09:00:00 [note] one\n- 2026-11-24 09:01:00 [note] two\n- 2026-11-24 09:02:00 [note] three\n", File.ReadAllText(LogPath));
    }

    [Fact]
    public void Append_ToALogWithoutAFinalNewline_StartsANewLine()
    {
        Writer.Append(Session(), SessionLogEntries.Note(Nine, "one"));
        File.WriteAllText(LogPath, File.ReadAllText(LogPath).TrimEnd('\n'));

        Writer.Append(Session(), SessionLogEntries.Note(Nine, "two"));

        Assert.EndsWith("[note] one\n- 2026-11-24 09:00:00 [note] two\n", File.ReadAllText(LogPath));
    }

    [Fact]
    public async Task Append_FromManyWritersAtOnce_LosesAndMixesNoLine()
    {
        const int writers = 6;
        const int each = 100;
        var session = Session();
        var start = new ManualResetEventSlim();

        // Each writer has its own writer object and opens its own file handles, as separate processes do.
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(() =>
        {
            var writer = new SessionLogWriter(new RepositoryContext(_repository.Path));
            start.Wait();
            for (var i = 0; i < each; i++)
            {
                var written = writer.Append(session, SessionLogEntries.Note(Nine, $"writer {w} entry {i} " + new string('x', 100)));
                Assert.Equal(SessionLogWriteStatus.Written, written.Status);
            }
        })).ToList();
        start.Set();
        await Task.WhenAll(tasks);

        var log = File.ReadAllText(LogPath);
        Assert.Single(Regex.Matches(log, "^# Session 00001 Log$", RegexOptions.Multiline));
        var entries = log.Split('\n').Where(l => l.StartsWith("- 2026-11-24 09:00:00 [note] ", StringComparison.Ordinal)).ToList();
        Assert.Equal(writers * each, entries.Count);
        Assert.All(entries, e => Assert.Matches(@"^- 2026-11-24 09:00:00 \[note\] writer \d entry \d+ x{100}$", e));
        Assert.Equal(writers * each, entries.Distinct().Count());
        for (var w = 0; w < writers; w++)
        {
            // Each writer's entries are in the order it appended them.
            var mine = entries.Where(e => e.Contains($"writer {w} entry ", StringComparison.Ordinal)).Select(e => int.Parse(Regex.Match(e, @"entry (\d+)").Groups[1].Value)).ToList();
            Assert.Equal(Enumerable.Range(0, each), mine);
        }
    }

    [Fact]
    public void Append_ForADormantSession_WritesNothing()
    {
        var written = Writer.Append(Session(SessionState.Dormant), SessionLogEntries.Note(Nine, "late"));

        Assert.Equal(SessionLogWriteStatus.Skipped, written.Status);
        Assert.Equal("session 00001 is not open (its log is written while it starts, runs and closes)", written.Detail);
        Assert.False(File.Exists(LogPath));
    }

    [Fact]
    public void Append_AfterTheClosingSection_WritesNothing()
    {
        Writer.Append(Session(), SessionLogEntries.Note(Nine, "one"));
        File.AppendAllText(LogPath, "\n## Closed\n- **Ended**: 2026-11-24 10:00 UTC\n");
        var closed = File.ReadAllText(LogPath);

        var written = Writer.Append(Session(SessionState.Closing), SessionLogEntries.Note(Nine, "after"));

        Assert.Equal(SessionLogWriteStatus.Skipped, written.Status);
        Assert.Equal("the log of session 00001 is closed", written.Detail);
        Assert.Equal(closed, File.ReadAllText(LogPath));
    }

    [Fact]
    public void Append_ByOneWriterManyTimes_AddsEveryEntryOnceInOrder()
    {
        var writer = Writer;

        for (var i = 0; i < 5; i++)
        {
            writer.Append(Session(), SessionLogEntries.Note(Nine.AddMinutes(i), $"n{i}"));
        }

        var notes = Regex.Matches(File.ReadAllText(LogPath), @"\[note\] (n\d)\n").Select(m => m.Groups[1].Value);
        Assert.Equal(["n0", "n1", "n2", "n3", "n4"], notes);
    }

    [Fact]
    public void Append_AfterAnotherProcessClosedTheLogItLastAppendedTo_WritesNothing()
    {
        var writer = Writer;
        writer.Append(Session(), SessionLogEntries.Note(Nine, "one"));
        // Another process (a close run by the CLI) ends the log this writer knew open, with a closing
        // section longer than what an append reads of a log it knows open.
        File.AppendAllText(LogPath, "\n## Closed\n- **Ended**: 2026-11-24 10:00 UTC\n- **Duration**: 1h 00m\n- **Commits**: 3\n- **Tasks done**: 2 of 4\n");
        var closed = File.ReadAllText(LogPath);

        var written = writer.Append(Session(), SessionLogEntries.Note(Nine, "after"));

        Assert.Equal(SessionLogWriteStatus.Skipped, written.Status);
        Assert.Equal(closed, File.ReadAllText(LogPath));
    }

    [Fact]
    public void Append_AfterAnotherProcessRewroteTheLogItLastAppendedTo_StartsANewLine()
    {
        var writer = Writer;
        writer.Append(Session(), SessionLogEntries.Note(Nine, "one"));
        File.WriteAllText(LogPath, File.ReadAllText(LogPath) + "- 2026-11-24 09:00:30 [note] two");

        writer.Append(Session(), SessionLogEntries.Note(Nine.AddMinutes(1), "three"));

        Assert.EndsWith("[note] one\n- 2026-11-24 09:00:30 [note] two\n- 2026-11-24 09:01:00 [note] three\n", File.ReadAllText(LogPath));
    }

    [Fact]
    public void Append_WhenTheDocsFolderCannotBeMade_ReportsTheProblemInsteadOfThrowing()
    {
        // A file where the docs folder should be: nothing can be created under it.
        _repository.Write("docs", "not a folder");

        var written = Writer.Append(Session(), SessionLogEntries.Note(Nine, "hello"));

        Assert.Equal(SessionLogWriteStatus.Failed, written.Status);
        Assert.Contains("session 00001's events are still recorded in the session store", written.Detail);
        Assert.StartsWith($"Could not write the session log {LogPath}: ", written.ToString());
    }

    [Fact]
    public void Append_WhenTheConfigurationIsBroken_ReportsItInsteadOfThrowing()
    {
        _repository.Write(".lifecycle/config.json", "{ not json");

        var written = Writer.Append(Session(), SessionLogEntries.Note(Nine, "hello"));

        Assert.Equal(SessionLogWriteStatus.Failed, written.Status);
        Assert.Contains("config.json", written.Detail);
    }

    [Fact]
    public void Append_UsesTheConfiguredDocsFolder()
    {
        _repository.Write(".lifecycle/config.json", """{ "docsFolder": "notes/sessions" }""");

        var written = Writer.Append(Session(), SessionLogEntries.Note(Nine, "hello"));

        Assert.Equal(Path.Combine(_repository.Path, "notes", "sessions", "SESSION-00001-LOG.md"), written.Path);
        Assert.True(File.Exists(written.Path));
    }

    [Fact]
    public void Begin_RunTwice_WritesTheStartOnce_AfterEntriesRecordedBeforeIt()
    {
        var session = Session(SessionState.Initializing);
        Writer.Append(session, SessionLogEntries.Note(Nine, "early"));

        Writer.Begin(session, [SessionLogEntries.Start(session)]);
        var again = Writer.Begin(session, [SessionLogEntries.Start(session)]);

        Assert.Equal(SessionLogWriteStatus.Skipped, again.Status);
        var log = File.ReadAllText(LogPath);
        Assert.EndsWith("## Log\n- 2026-11-24 09:00:00 [note] early\n- 2026-11-24 09:00:00 [start] session 00001 started on branch main (first session)\n", log);
    }

    [Fact]
    public void Close_RunTwice_KeepsTheFirstEntriesAndReplacesTheClosingSection()
    {
        var session = Session(SessionState.Closing);
        Writer.Append(session, SessionLogEntries.Note(Nine, "work"));
        var closeEntry = new SessionLogEntry(Nine.AddHours(1), SessionLogEntryKind.Close, "handoff written");

        Writer.Close(session, [closeEntry], "\n## Closed\n- first\n");
        var second = Writer.Close(session, [closeEntry with { Time = Nine.AddHours(2) }], "\n## Closed\n- second\n");

        Assert.Equal(SessionLogWriteStatus.Written, second.Status);
        Assert.EndsWith("[note] work\n- 2026-11-24 10:00:00 [close] handoff written\n\n## Closed\n- second\n", File.ReadAllText(LogPath));
        Assert.False(File.Exists(LogPath + ".tmp"));
    }
}
