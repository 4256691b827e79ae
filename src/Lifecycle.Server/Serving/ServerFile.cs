using System.Text.Json;
using System.Text.Json.Serialization;
using Lifecycle.Activities;
using Lifecycle.Activities.Setup;

namespace Lifecycle.Server.Serving;

/// <summary>
/// <c>.lifecycle/server.json</c> <c>{url, pid}</c>: where the repository's running server listens,
/// for the CLI to use it. Written once the server listens, removed on a clean stop. The lock on
/// <c>.lifecycle/server.lock</c>, held for the server's life and released by the kernel when it
/// dies, is what makes it the only server of the repository; a file left by a killed server is
/// recognised as stale because nobody holds the lock.
/// </summary>
public sealed class ServerFile(LifecyclePaths paths)
{
    private FileStream? _lock;

    /// <summary>What a server wrote: its base address and process id.</summary>
    public sealed record Content([property: JsonPropertyName("url")] string Url, [property: JsonPropertyName("pid")] int Pid);

    /// <summary>Takes the repository's server lock, or throws a conflict naming the running server.</summary>
    /// <exception cref="SessionException">Another server runs for this repository (<see cref="ErrorKind.Conflict"/>).</exception>
    public void Claim()
    {
        Directory.CreateDirectory(paths.StateFolder);
        try
        {
            _lock = new FileStream(paths.ServerLock, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            var running = Read(paths);
            throw new SessionException(
                running is null
                    ? "A server is already starting for this repository; use it, or stop it before serving again."
                    : $"A server is already running for this repository at {running.Url} (process {running.Pid}); use it, or stop it (kill -TERM {running.Pid}) before serving again.",
                ErrorKind.Conflict);
        }
    }

    /// <summary>Says where the server listens (atomically: a reader sees the old file or the new one).</summary>
    public void Publish(string url)
    {
        var temporary = paths.ServerFile + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(new Content(url, Environment.ProcessId)));
        File.Move(temporary, paths.ServerFile, overwrite: true);
    }

    /// <summary>Removes the file and lets the lock go (a clean stop).</summary>
    public void Release()
    {
        if (_lock is null)
        {
            return;
        }

        try
        {
            File.Delete(paths.ServerFile);
        }
        catch (IOException)
        {
            // The next server overwrites it; the free lock already says it is stale.
        }

        _lock.Dispose();
        _lock = null;
    }

    /// <summary>The running server of the repository; null when none runs (no file, or a file a dead server left).</summary>
    public static Content? Running(LifecyclePaths paths)
    {
        if (!File.Exists(paths.ServerFile))
        {
            return null;
        }

        try
        {
            // Nobody holds the lock: whoever wrote the file is gone.
            using var probe = new FileStream(paths.ServerLock, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return null;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (IOException)
        {
            return Read(paths);
        }
    }

    private static Content? Read(LifecyclePaths paths)
    {
        try
        {
            return JsonSerializer.Deserialize<Content>(File.ReadAllText(paths.ServerFile));
        }
        catch (Exception error) when (error is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
