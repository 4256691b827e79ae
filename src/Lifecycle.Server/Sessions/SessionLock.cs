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
public sealed class SessionLock(LifecyclePaths paths)
{
    /// <summary>Takes the lock for <paramref name="command"/>, or throws a conflict naming the holder.</summary>
    /// <exception cref="SessionException">Another process holds it (<see cref="ErrorKind.Conflict"/>).</exception>
    public IDisposable Acquire(string command)
    {
        // Lifecycle's state never goes into git (nor into a stash), even before 'lifecycle init':
        // the lock file is the first thing any of these commands writes under .lifecycle/.
        GitExclude.Ensure(GitPaths.Of(paths.Root), LifecyclePaths.FolderName + "/");
        Directory.CreateDirectory(paths.StateFolder);
        FileStream stream;
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock) on Unix.
            stream = new FileStream(paths.SessionLock, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new SessionException(
                $"Another lifecycle command ({Holder()}) is starting or ending the session; nothing was changed. Wait for it to finish, then run the command again.",
                ErrorKind.Conflict);
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
