namespace Lifecycle.Workflows.Definitions;

/// <summary>When a running instance writes its state to the store.</summary>
/// <remarks>
/// Every mode persists when a run starts, at every suspension and at the end. After a crash an
/// instance resumes from its last persisted point, so the activities run since then run again
/// (at-least-once). <see cref="EveryActivity"/> narrows that to the one interrupted activity,
/// at the price of a transaction per activity.
/// </remarks>
public enum PersistenceMode
{
    /// <summary>Persist at start, at every suspension and at the end (the default; fastest).</summary>
    Suspensions,

    /// <summary>Also persist after every completed activity.</summary>
    EveryActivity,
}
