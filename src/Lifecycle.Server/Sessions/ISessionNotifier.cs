namespace Lifecycle.Server.Sessions;

/// <summary>
/// Where the session use cases say what they are doing besides their result: a leftover session
/// closed first, an instance recovered, a checkpoint restored from a backup. The CLI writes these
/// as <c>note:</c> lines on stderr; the server logs them.
/// </summary>
public interface ISessionNotifier
{
    void Note(string message);
}
