namespace Lifecycle.Activities.Sessions;

/// <summary>One page of a query: how many match in all, and those of the page.</summary>
/// <param name="Total">How many items match the query, all pages together.</param>
/// <param name="Offset">Where the page starts.</param>
/// <param name="Limit">The page's size asked for.</param>
/// <param name="Items">The page's items, in the query's order.</param>
public sealed record Page<T>(int Total, int Offset, int Limit, IReadOnlyList<T> Items);
