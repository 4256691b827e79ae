namespace Lifecycle.Activities.State;

/// <summary>
/// An exclusive lock between processes, held as a file opened with <see cref="FileShare.None"/>
/// (a <c>flock</c> on Linux and macOS, a sharing lock on Windows); released when disposed, or by
/// the operating system when the process dies.
/// </summary>
/// <remarks>
/// .NET's <see cref="FileMode.Append"/> seeks to the end once and writes there, so two processes
/// appending to one file can overwrite each other's lines; writers take this lock around each write.
/// The lock file is never renamed or deleted: a process waiting on it always locks the same file.
/// </remarks>
internal sealed class FileLock : IDisposable
{
    /// <summary>How many times taking a held lock is tried; with the waits between, about ten seconds.</summary>
    internal const int Attempts = 1000;

    private readonly FileStream _stream;

    private FileLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock at <paramref name="path"/>, creating the file and its folder, waiting while another holds it.</summary>
    /// <exception cref="IOException">The lock is still held after every attempt, or the file cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The file or its folder may not be written.</exception>
    public static FileLock Acquire(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1));
            }
            catch (IOException) when (attempt < Attempts)
            {
                // Held by another writer for one append (about a millisecond), or by a close
                // rewriting the log: wait a little longer each time, up to 10 ms.
                Thread.Sleep(Math.Min(attempt, 10));
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
