namespace Lifecycle.Workflows.Journal;

/// <summary>What happened to an activity, as recorded in the journal.</summary>
public enum JournalEvent
{
    Scheduled,
    Started,
    Completed,
    Faulted,
    Suspended,
    Resumed,
    Interrupted,
}
