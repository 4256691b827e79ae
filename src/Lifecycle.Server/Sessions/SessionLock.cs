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

        var owner = System.Text.Encoding.UTF8.GetBytes($"'{command}', process {Environment.ProcessId}");
        stream.SetLength(0);
        stream.Write(owner);
        stream.Flush();
        return stream;
    }

    private string Holder()
    {
        try
        {
            // Sharing everything takes no lock, so the holder's note can be read while it holds it.
            using var reader = new StreamReader(new FileStream(paths.SessionLock, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            var text = reader.ReadToEnd().Trim();
            return text.Length > 0 ? text : "another process";
        }
        catch (IOException)
        {
            return "another process";
        }
    }
}
