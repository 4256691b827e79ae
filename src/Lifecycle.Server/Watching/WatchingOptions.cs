namespace Lifecycle.Server.Watching;

/// <summary>How the server watches the work tree and the hooks' spool.</summary>
public sealed record WatchingOptions
{
    /// <summary>A path is recorded once it has been quiet this long: an editor's burst of saves is one event.</summary>
    public TimeSpan Quiet { get; init; } = TimeSpan.FromMilliseconds(750);

    /// <summary>A path written without pause is still recorded this long after its first write.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The spool is ingested once the hooks have not appended to it for this long.</summary>
    public TimeSpan SpoolQuiet { get; init; } = TimeSpan.FromMilliseconds(150);

    /// <summary>
    /// How often the watcher checks whether it lost track (an overflow, a watch it could not make,
    /// the work tree gone) and then scans git status, if no checkpoint did meanwhile.
    /// </summary>
    public TimeSpan ScanInterval { get; init; } = TimeSpan.FromSeconds(30);
}
