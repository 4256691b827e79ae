namespace Lifecycle.Server.Sessions;

/// <summary>A notifier that drops every note (for hosts that have nobody to tell).</summary>
public sealed class SilentNotifier : ISessionNotifier
{
    public void Note(string message)
    {
    }
}
