using System.Text;
using Lifecycle.Activities.Continuity;
using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.State;

namespace Lifecycle.Activities.Documents;

/// <summary>
/// Appends timestamped entries to a session's log (<c>SESSION-NNNNN-LOG.md</c> in the docs folder)
/// as things happen, safely while other processes do the same: a git hook's event, a <c>task</c>
/// command and the close each take the repository's log lock around one write, so lines never
/// interleave or get lost.
/// </summary>
/// <remarks>
/// <para>
/// A log that does not exist yet is created with its header (<see cref="SessionLog.Start"/>) before
/// the entries. Nothing is appended to the log of a DORMANT session, nor after a log's closing
/// section: it was committed with the handoff, and a later line would leave the repository dirty.
/// </para>
/// <para>
/// A write never throws for a problem with the log (a folder that cannot be written, a full disk,
/// the lock held for seconds): the caller's command goes on, and the returned
/// <see cref="SessionLogWrite"/> says what went wrong, to show or to journal.
/// </para>
/// </remarks>
public sealed class SessionLogWriter(RepositoryContext repository)
{
    // The logs this writer last appended to while they were open, as the file was right after:
    // while a log still has that length and time, nobody else wrote it, so it is still open and
    // an append needs only its last bytes (how it ends), not the window.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, FileStamp> _open = new(StringComparer.Ordinal);

    /// <summary>Appends <paramref name="entries"/> to the log of <paramref name="session"/>, in order.</summary>
    /// <param name="session">The session whose log it is (its state, and its header if the log is new).</param>
    /// <param name="entries">The entries, e.g. from <see cref="SessionLogEntries"/>.</param>
    public SessionLogWrite Append(SessionContext session, params IReadOnlyList<SessionLogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(entries);
        if (session.State == SessionState.Dormant)
        {
            return new SessionLogWrite(SessionLogWriteStatus.Skipped, TryPathOf(session),
                $"session {session.SessionId} is not open (its log is written while it starts, runs and closes)");
        }

        if (entries.Count == 0)
        {
            return new SessionLogWrite(SessionLogWriteStatus.Skipped, TryPathOf(session), "no entries");
        }

        // Only the log's end is read: whether it is closed (its closing section is last) and how it
        // ends. A long session's log grows with every event, and reading it whole for each append
        // made recording events cost more the longer the session ran.
        return Edit(session, log => log is null ? Change.Create(Header(session) + SessionLog.Entries(entries))
            : SessionLog.IsClosed(log) ? Change.None($"the log of session {session.SessionId} is closed")
            : Change.Append(Gap(log) + SessionLog.Entries(entries)), AppendWindow);
    }

    /// <summary>
    /// The start's entries, once: creates the log with its header and <paramref name="entries"/>, or
    /// appends them to a log that has no start entry yet (entries recorded before it, or a header
    /// written by an earlier version); a log that has one is left as it is (a start run again).
    /// </summary>
    internal SessionLogWrite Begin(SessionContext session, IReadOnlyList<SessionLogEntry> entries)
    {
        return Edit(session, log => log is null ? Change.Create(Header(session) + SessionLog.Entries(entries))
            : SessionLog.HasEntry(log, SessionLogEntryKind.Start) ? Change.None("the start is logged already")
            : Change.Append(Gap(log) + SessionLog.Entries(entries)));
    }

    /// <summary>
    /// The close: appends <paramref name="entries"/> (unless a close entry is there from an earlier
    /// run) and the closing section, replacing the closing section an earlier run wrote.
    /// </summary>
    internal SessionLogWrite Close(SessionContext session, IReadOnlyList<SessionLogEntry> entries, string closing)
    {
        return Edit(session, log =>
        {
            if (log is null)
            {
                return Change.Create(Header(session) + SessionLog.Entries(entries) + closing);
            }

            // A close run again (after a crash) keeps its first entries and replaces its closing section.
            var open = SessionLog.IsClosed(log) ? SessionLog.WithoutClosing(log) : log;
            var added = SessionLog.HasEntry(open, SessionLogEntryKind.Close) ? "" : SessionLog.Entries(entries);
            return ReferenceEquals(open, log)
                ? Change.Append(Gap(log) + added + closing)
                : Change.Replace(open + added + closing);
        });
    }

    /// <summary>The full path of the session's log.</summary>
    /// <exception cref="SessionException">The repository's configuration cannot be read (it names the docs folder).</exception>
    public string PathOf(SessionContext session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return SessionDocuments.For(repository, session.SessionId).Log;
    }

    // The path for a result: a broken configuration is reported by the write, not thrown.
    private string TryPathOf(SessionContext session)
    {
        try
        {
            return PathOf(session);
        }
        catch (SessionException)
        {
            return System.IO.Path.Combine(repository.Root, SessionDocs.For(null, session.SessionId).Log);
        }
    }

    private static string Gap(string log) => log.Length == 0 || log.EndsWith('\n') ? "" : "\n";

    private static string Header(SessionContext session) =>
        SessionLog.Start(session, ContinuationStrategy.Determine(session), session.Warnings);

    /// <summary>
    /// How much of the log's end an append reads: far more than a closing section (lists in it are
    /// summarised), so a closed log is always seen as closed.
    /// </summary>
    private const int AppendWindow = 256 * 1024;

    /// <param name="session">Whose log.</param>
    /// <param name="decide">What to do, given the log (null when there is none).</param>
    /// <param name="window">Read only the last this many bytes; the whole log when null.</param>
    private SessionLogWrite Edit(SessionContext session, Func<string?, Change> decide, int? window = null)
    {
        var path = TryPathOf(session);
        try
        {
            path = PathOf(session);
            using var held = FileLock.Acquire(repository.Paths.SessionLogLock);
            var stamp = FileStamp.Of(path);
            var appending = window is not null;
            var log = stamp is null ? null
                : appending && _open.TryGetValue(path, out var known) && known == stamp ? ReadEnd(path, KnownOpenWindow)
                : window is { } last ? ReadEnd(path, last)
                : File.ReadAllText(path);
            _open.TryRemove(path, out _);
            var decided = decide(log);

            // Every line of a log passes here: its secrets never reach the disk (nor the docs commit).
            var redacted = Redaction.SecretRedactor.Redact(decided.Text);
            var change = decided with { Text = decided.Kind == ChangeKind.None ? decided.Text : redacted.Text };
            switch (change.Kind)
            {
                case ChangeKind.None:
                    return new SessionLogWrite(SessionLogWriteStatus.Skipped, path, change.Text);
                case ChangeKind.Create:
                    Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
                    Write(path, FileMode.CreateNew, change.Text);
                    break;
                case ChangeKind.Append:
                    // One write of the whole text, while holding the lock.
                    Write(path, FileMode.Append, change.Text);
                    if (appending && FileStamp.Of(path) is { } written)
                    {
                        _open[path] = written;
                    }

                    break;
                default:
                    var temp = path + ".tmp";
                    Write(temp, FileMode.Create, change.Text, flush: true);
                    File.Move(temp, path, overwrite: true);
                    break;
            }

            return new SessionLogWrite(SessionLogWriteStatus.Written, path, Redacted: redacted.Counts);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or NotSupportedException or SessionException)
        {
            // The log is a record of the session, not the session: its command must still succeed.
            return new SessionLogWrite(SessionLogWriteStatus.Failed, path,
                $"{error.Message} (session {session.SessionId}'s events are still recorded in the session store)");
        }
    }

    /// <summary>What an append reads of a log known to be open: how it ends.</summary>
    private const int KnownOpenWindow = 64;

    /// <summary>A file's length and last write time: another process's write changes one of them.</summary>
    private sealed record FileStamp(long Length, DateTime LastWriteUtc)
    {
        public static FileStamp? Of(string path)
        {
            var file = new FileInfo(path);
            return file.Exists ? new FileStamp(file.Length, file.LastWriteTimeUtc) : null;
        }
    }

    /// <summary>The last <paramref name="bytes"/> bytes of the file as text (a character cut at the start decodes as U+FFFD).</summary>
    private static string ReadEnd(string path, int bytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
        var start = Math.Max(0, stream.Length - bytes);
        stream.Position = start;
        var buffer = new byte[stream.Length - start];
        stream.ReadExactly(buffer);
        return Encoding.UTF8.GetString(buffer);
    }

    private static void Write(string path, FileMode mode, string text, bool flush = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        using var stream = new FileStream(path, mode, FileAccess.Write, FileShare.Read, bufferSize: 1);
        stream.Write(bytes);
        if (flush)
        {
            stream.Flush(flushToDisk: true);
        }
    }

    private enum ChangeKind
    {
        None,
        Create,
        Append,
        Replace,
    }

    private readonly record struct Change(ChangeKind Kind, string Text)
    {
        public static Change None(string reason) => new(ChangeKind.None, reason);

        public static Change Create(string text) => new(ChangeKind.Create, text);

        public static Change Append(string text) => new(ChangeKind.Append, text);

        public static Change Replace(string text) => new(ChangeKind.Replace, text);
    }
}
