using Lifecycle.Activities;
using Lifecycle.Activities.Setup;

namespace Lifecycle.Server.Sessions;

/// <summary>
/// The exclusive right to start, end or recover the repository's session: held by one command at
/// a time across processes (an advisory lock on <c>.lifecycle/session.lock</c>, released by the
/// kernel when the holder dies, so a crash never leaves it taken).
/// </summary>
/// <remarks>
/// A second command does not wait: two <c>lifecycle end</c> at once must not both close the
/// session, so the one that comes second changes nothing and says who holds the lock.
/// </remarks>
public sealed class SessionLock(LifecyclePaths paths, TimeProvider time)
{
    /// <summary>How long a change to the session (a task, an event) waits for a start or an end to finish.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Takes the lock for a change to the session made between or during starts and ends (a task,
    /// an event, a checkpoint), waiting while a start or an end holds it: the change then lands on
    /// the session as that command left it, never under a close that is saving it. Null when there
    /// is no state folder yet (no session to change, nothing to protect).
    /// </summary>
    /// <exception cref="SessionException">Still held after <see cref="Patience"/> (<see cref="ErrorKind.Conflict"/>).</exception>
    public async Task<IDisposable?> WaitAsync(string command, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(paths.StateFolder))
        {
            return null;
        }

        var deadline = time.GetUtcNow() + Patience;
        while (true)
        {
            if (TryTake(command) is { } held)
            {
                return held;
            }

            if (time.GetUtcNow() > deadline)
            {
                throw new SessionException(
                    $"Another lifecycle command ({Holder()}) has been starting or ending the session for over {Patience.TotalMinutes:0} minutes; nothing was changed. Run this command again once it is done.",
                    ErrorKind.Conflict);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken);
        }
    }

    /// <summary>Takes the lock for <paramref name="command"/>, or throws a conflict naming the holder.</summary>
    /// <exception cref="SessionException">Another process holds it (<see cref="ErrorKind.Conflict"/>).</exception>
    public IDisposable Acquire(string command)
    {
        // Lifecycle's state never goes into git (nor into a stash), even before 'lifecycle init':
        // the lock file is the first thing any of these commands writes under .lifecycle/.
        GitExclude.Ensure(GitPaths.Of(paths.Root), LifecyclePaths.FolderName + "/");
        Directory.CreateDirectory(paths.StateFolder);
        var deadline = time.GetUtcNow() + BriefChangeWait;
        while (true)
        {
            if (TryTake(command) is { } held)
            {
                return held;
            }

            // A task, an event or a checkpoint holds it for a moment: worth waiting for. Another
            // start or end is not: the second of two at once changes nothing and says so.
            var holder = Holder();
            if (!BriefChanges.Any(brief => holder.StartsWith($"'{brief}'", StringComparison.Ordinal)) || time.GetUtcNow() > deadline)
            {
                throw new SessionException(
                    $"Another lifecycle command ({holder}) is starting or ending the session; nothing was changed. Wait for it to finish, then run the command again.",
                    ErrorKind.Conflict);
            }

            Thread.Sleep(20);
        }
    }

    /// <summary>The commands that hold the lock only for one small change (see <see cref="WaitAsync"/>).</summary>
    private static readonly string[] BriefChanges = ["task", "event", "checkpoint"];

    /// <summary>How long a start or an end waits for one of <see cref="BriefChanges"/>.</summary>
    private static readonly TimeSpan BriefChangeWait = TimeSpan.FromSeconds(30);

    /// <summary>The lock, with this command named as its holder; null when another process holds it.</summary>
    private FileStream? TryTake(string command)
    {
        FileStream stream;
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock) on Unix.
            stream = new FileStream(paths.SessionLock, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }

        try
        {
            // Any other open of the lock file takes a shared flock, which fails while it is held:
            // the holder is named in a file beside it, read only by a command refused the lock.
            File.WriteAllText(paths.SessionLockHolder, $"'{command}', process {Environment.ProcessId}");
        }
        catch (IOException)
        {
            // Naming the holder is a courtesy; the lock is what matters.
        }

        return stream;
    }

    private string Holder()
    {
        try
        {
            var text = File.ReadAllText(paths.SessionLockHolder).Trim();
            return text.Length > 0 ? text : "another process";
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return "another process";
        }
    }
}
