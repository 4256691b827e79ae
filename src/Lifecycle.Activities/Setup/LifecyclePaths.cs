namespace Lifecycle.Activities.Setup;

/// <summary>
/// Every path Lifecycle keeps in a repository's <c>.lifecycle/</c> folder (git-excluded): the one
/// place that spells them out.
/// </summary>
/// <param name="Root">The working tree's root.</param>
public sealed record LifecyclePaths(string Root)
{
    /// <summary>The folder's name, as git sees it from the root.</summary>
    public const string FolderName = ".lifecycle";

    /// <summary>For the working tree at <paramref name="root"/> (made absolute).</summary>
    public static LifecyclePaths For(string root) => new(Path.GetFullPath(root));

    /// <summary><c>.lifecycle/</c>.</summary>
    public string StateFolder => Path.Combine(Root, FolderName);

    /// <summary>The SQLite database, the system of record.</summary>
    public string Database => Path.Combine(StateFolder, "lifecycle.db");

    /// <summary>The checkpoint of the current session (checksummed, with rotated backups beside it).</summary>
    public string StateFile => Path.Combine(StateFolder, "state.json");

    /// <summary>The repository's configuration.</summary>
    public string Config => Path.Combine(StateFolder, "config.json");

    /// <summary>The repository's own session workflows, overriding the defaults.</summary>
    public string WorkflowsFolder => Path.Combine(StateFolder, "workflows");

    /// <summary>The override of workflow <paramref name="id"/>.</summary>
    public string WorkflowOverride(string id) => Path.Combine(WorkflowsFolder, $"{id}.json");

    /// <summary>The same override, relative to the root (for messages).</summary>
    public static string WorkflowOverrideRelative(string id) => Path.Combine(FolderName, "workflows", $"{id}.json");

    /// <summary>Held by the command that starts, ends or recovers the session.</summary>
    public string SessionLock => Path.Combine(StateFolder, "session.lock");

    /// <summary>Which command holds <see cref="SessionLock"/> (the lock file itself cannot be read while it is held).</summary>
    public string SessionLockHolder => Path.Combine(StateFolder, "session.lock.holder");

    /// <summary>Where the git hooks append one line per event, for the next command to record.</summary>
    public string EventSpool => Path.Combine(StateFolder, "events.spool");

    /// <summary>The ingestion's own files: spools claimed by an ingester, its lock, and the per-boot clock anchors the hooks write.</summary>
    public string EventsFolder => Path.Combine(StateFolder, "events");

    /// <summary>Held by the one process ingesting the spool at a time.</summary>
    public string EventSpoolLock => Path.Combine(EventsFolder, "lock");

    /// <summary>The JSON Schema of <see cref="Config"/>, written by <c>lifecycle init</c> for editors.</summary>
    public string ConfigSchema => Path.Combine(StateFolder, "config.schema.json");

    /// <summary>
    /// The lock every process takes to write a session log (<c>SESSION-NNNNN-LOG.md</c>): held for
    /// one append, so entries from a hook, a command and the close never interleave or get lost.
    /// </summary>
    public string SessionLogLock => Path.Combine(StateFolder, "session-log.lock");

    /// <summary>Log files.</summary>
    public string LogsFolder => Path.Combine(StateFolder, "logs");

    /// <summary>The running server's address and process (<c>{url, pid}</c>).</summary>
    public string ServerFile => Path.Combine(StateFolder, "server.json");

    /// <summary>Held by the running server for its whole life, so that a repository has one server at a time.</summary>
    public string ServerLock => Path.Combine(StateFolder, "server.lock");

    /// <summary>The HTTP API's bearer token (mode 0600).</summary>
    public string TokenFile => Path.Combine(StateFolder, "token");

    /// <summary>True for a path (relative to the root, '/'-separated) inside <c>.lifecycle/</c>.</summary>
    public static bool IsInside(string relativePath) =>
        relativePath == FolderName || relativePath.StartsWith(FolderName + "/", StringComparison.Ordinal);
}
