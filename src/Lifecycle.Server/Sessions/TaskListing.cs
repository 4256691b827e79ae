using Lifecycle.Activities.Tasks;

namespace Lifecycle.Server.Sessions;

/// <summary>The tasks <c>task list</c> shows.</summary>
/// <param name="SessionId">The session the current tasks belong to.</param>
/// <param name="Tasks">Open and blocked tasks by priority, then this session's done tasks; with <c>--all</c>, also tasks done in earlier sessions.</param>
public sealed record TaskListing(string SessionId, IReadOnlyList<ListedTask> Tasks);

/// <summary>A task and the session it belongs to (where it was done, for one done earlier).</summary>
public sealed record ListedTask(string SessionId, SessionTask Task);
