using Lifecycle.Workflows.Journal;

namespace Lifecycle.Workflows.History;

/// <summary>One page of a journal.</summary>
/// <param name="Entries">The entries, in sequence order.</param>
/// <param name="Next">The <c>after</c> of the next page; null when this page reached the end.</param>
public sealed record JournalPage(IReadOnlyList<JournalEntry> Entries, long? Next);
