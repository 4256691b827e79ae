namespace Lifecycle.Activities.Configuration;

/// <summary>
/// The settings of one repository, read from <c>.lifecycle/config.json</c> by
/// <see cref="LifecycleConfigLoader"/>. Every property has a default, so an absent file or key
/// means "the usual".
/// </summary>
public sealed record LifecycleConfig
{
    /// <summary>The settings used when <c>.lifecycle/config.json</c> does not exist.</summary>
    public static LifecycleConfig Default { get; } = new();

    /// <summary>Minutes without file or git activity after which a session counts as idle. Default 15.</summary>
    public int IdleThresholdMinutes { get; init; } = 15;

    /// <summary>Minutes between automatic checkpoints of an active session. Default 5.</summary>
    public int CheckpointIntervalMinutes { get; init; } = 5;

    /// <summary>Minutes of inactivity after which an open session is closed automatically. Default 60.</summary>
    /// <remarks>
    /// An hour is four idle thresholds: long enough for a meeting or lunch, short enough that a
    /// forgotten session is closed (with its handoff) the same day. 0 turns auto-close off.
    /// </remarks>
    public int InactivityAutoCloseMinutes { get; init; } = 60;

    /// <summary>Folder, relative to the repository root, for session logs, handoffs and reports. Default <c>docs/sessions</c>.</summary>
    public string DocsFolder { get; init; } = "docs/sessions";

    /// <summary>Whether uncommitted work is stashed at session end and restored at the next start. Default true.</summary>
    public bool Stash { get; init; } = true;

    /// <summary>Whether the session documents are committed when a session closes. Default true.</summary>
    public bool CommitDocs { get; init; } = true;

    /// <summary>Record only: when true Lifecycle never touches git (no stash, checkout or commit). Default false.</summary>
    public bool ManualMode { get; init; }

    /// <summary>Path, relative to the repository root, of a Cobertura XML coverage report; null when there is none.</summary>
    public string? CoverageReport { get; init; }

    /// <summary>The agents of the reality check.</summary>
    public RealityChecksConfig RealityChecks { get; init; } = new();
}
