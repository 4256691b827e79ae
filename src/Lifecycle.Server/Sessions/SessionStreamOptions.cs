namespace Lifecycle.Server.Sessions;

/// <summary>How the live session stream reads the store.</summary>
public sealed record SessionStreamOptions
{
    /// <summary>How often a watcher reads when no commit of this process woke it: changes made by another process arrive within this.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the stream may stay silent before it sends a comment, so proxies and clients keep it open.</summary>
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Events read per query.</summary>
    public int EventsPerRead { get; init; } = 200;
}
