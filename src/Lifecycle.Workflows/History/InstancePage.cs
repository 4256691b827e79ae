namespace Lifecycle.Workflows.History;

/// <summary>One page of a listing, newest first.</summary>
/// <param name="Items">The instances of the page.</param>
/// <param name="Total">How many instances the filter matches in all.</param>
/// <param name="Next">The cursor of the next page; null on the last one.</param>
public sealed record InstancePage(IReadOnlyList<InstanceHeader> Items, long Total, string? Next);
