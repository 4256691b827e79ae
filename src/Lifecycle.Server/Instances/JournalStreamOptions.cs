namespace Lifecycle.Server.Instances;

/// <summary>How the live journal stream reads the store.</summary>
public sealed record JournalStreamOptions
{
    /// <summary>
    /// How often a watcher reads the store when no in-process commit woke it: entries written by
    /// another process (a CLI running embedded on the same file) arrive within this.
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How long the stream may stay silent before it sends a comment, so proxies and clients keep it open.</summary>
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Journal segments read per query (each holds the entries of one persist).</summary>
    public int SegmentsPerRead { get; init; } = 200;
}
