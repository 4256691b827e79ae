using Lifecycle.Server.Sessions;

namespace Lifecycle.Server.Hosting;

/// <summary>Notes as <c>note: …</c> lines on a writer (the CLI's stderr), flushed at once.</summary>
internal sealed class TextNotifier(TextWriter writer) : ISessionNotifier
{
    public void Note(string message)
    {
        writer.WriteLine($"note: {message}");
        writer.Flush();
    }
}
