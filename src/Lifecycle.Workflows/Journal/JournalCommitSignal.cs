namespace Lifecycle.Workflows.Journal;

/// <summary>Raised by the store after each commit that adds journal entries in this process.</summary>
public sealed class JournalCommitSignal : CommitSignal;
