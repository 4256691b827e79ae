namespace Lifecycle.Workflows.Journal;

/// <summary>A durable journal entry with where it stands in the store and whose it is.</summary>
public sealed record FeedEntry(JournalPosition Position, string InstanceId, string WorkflowId, JournalEntry Entry);
