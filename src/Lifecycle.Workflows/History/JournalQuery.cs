using Lifecycle.Workflows.Journal;

namespace Lifecycle.Workflows.History;

/// <summary>A page of one instance's journal, in order.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="AfterSequence">Entries after this sequence (0 for the start).</param>
/// <param name="Limit">At most this many entries.</param>
/// <param name="ActivityId">Only this activity's entries (its id, or its JSONPath when it has none).</param>
/// <param name="Event">Only entries of this event.</param>
public sealed record JournalQuery(string InstanceId, long AfterSequence, int Limit, string? ActivityId = null, JournalEvent? Event = null);
