using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tasks;

namespace Lifecycle.Server.Sessions;

/// <summary>What a task command changed.</summary>
/// <param name="Kind">The change: task_added, task_completed, task_blocked, task_edited, task_reopened or task_removed (the event recorded).</param>
/// <param name="SessionId">The session the task belongs to.</param>
/// <param name="SessionState">That session's state: not ACTIVE means the task carries over to the next start.</param>
/// <param name="Task">The task as it is now (as it was, when removed).</param>
public sealed record TaskChange(string Kind, string SessionId, SessionState SessionState, SessionTask Task);
