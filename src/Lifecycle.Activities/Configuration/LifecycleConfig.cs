using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

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
    [Description("Minutes without a recorded event (file change, commit, task change) after which a session counts as idle: a longer gap is idle time, not active time.")]
    [Range(1, ConfigLimits.MaxMinutes)]
    public int IdleThresholdMinutes { get; init; } = 15;

    /// <summary>Minutes between automatic checkpoints of an active session. Default 5.</summary>
    [Description("Minutes between automatic checkpoints of an active session (its state saved to .lifecycle/state.json), so a crash loses at most this much.")]
    [Range(1, ConfigLimits.MaxMinutes)]
    public int CheckpointIntervalMinutes { get; init; } = 5;

    /// <summary>Minutes of inactivity after which an open session is closed automatically. Default 60.</summary>
    /// <remarks>
    /// An hour is four idle thresholds: long enough for a meeting or lunch, short enough that a
    /// forgotten session is closed (with its handoff) the same day. 0 turns auto-close off.
    /// </remarks>
    [Description("Minutes without activity after which an open session is closed automatically, with its handoff; 0 turns auto-close off.")]
    [Range(0, ConfigLimits.MaxMinutes)]
    public int InactivityAutoCloseMinutes { get; init; } = 60;

    /// <summary>Days a workflow instance that ended is kept, with its journal, before the server deletes it. Default 30.</summary>
    /// <remarks>
    /// Finished, faulted and cancelled instances only: a suspended one waits as long as it must.
    /// A month keeps the history of recent sessions at hand while the database stays small.
    /// 0 keeps them forever.
    /// </remarks>
    [Description("Days an ended workflow instance (finished, faulted or cancelled) is kept with its journal before the server deletes it; 0 keeps them forever.")]
    [Range(0, ConfigLimits.MaxRetentionDays)]
    public int RetentionDays { get; init; } = 30;

    /// <summary>Folder, relative to the repository root, for session logs, handoffs and reports. Default <c>docs/sessions</c>.</summary>
    [Description("Folder, relative to the repository root, for the session documents: log, handoff (Markdown and JSON) and report.")]
    [RegularExpression(ConfigLimits.RelativePathPattern)]
    public string DocsFolder { get; init; } = "docs/sessions";

    /// <summary>Whether uncommitted work is stashed at session end and restored at the next start. Default true.</summary>
    [Description("Whether uncommitted work is stashed when a session ends and restored when the next one starts.")]
    public bool Stash { get; init; } = true;

    /// <summary>Whether the session documents are committed when a session closes. Default true.</summary>
    [Description("Whether the session documents are committed, alone, when a session closes.")]
    public bool CommitDocs { get; init; } = true;

    /// <summary>Record only: when true Lifecycle never touches git (no stash, checkout or commit). Default false.</summary>
    [Description("Record only: Lifecycle never touches git (no stash, checkout or commit) and leaves those steps to you.")]
    public bool ManualMode { get; init; }

    /// <summary>Path, relative to the repository root, of a Cobertura XML coverage report; null when there is none.</summary>
    [Description("Path, relative to the repository root, of a Cobertura XML coverage report read at session start and end; null when there is none.")]
    [RegularExpression(ConfigLimits.RelativePathPattern)]
    public string? CoverageReport { get; init; }

    /// <summary>The agents of the reality check.</summary>
    [Description("The reality check: built-in agents and your own commands, whose health is weighed into one score.")]
    public RealityChecksConfig RealityChecks { get; init; } = new();

    /// <summary>The goals the reports check and draw.</summary>
    [Description("Goals of the reports (lifecycle report): each is drawn on its chart and reported as met or not.")]
    public GoalsConfig Goals { get; init; } = new();

    /// <summary>The timebox and reminders.</summary>
    [Description("Time management: the default timebox of a session and the reminders the server fires (time left, timebox ended, take a break).")]
    public TimingConfig Timing { get; init; } = new();
}
