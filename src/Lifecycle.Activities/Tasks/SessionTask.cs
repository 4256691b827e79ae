namespace Lifecycle.Activities.Tasks;

/// <summary>A piece of work carried from session to session until it is done.</summary>
/// <param name="Id">Short and stable across sessions: T1, T2, …</param>
/// <param name="Title">What to do.</param>
/// <param name="Priority">1 (highest) to 5; 3 by default.</param>
/// <param name="Status">Open, done or blocked.</param>
/// <param name="BlockedReason">Why it is blocked, when it is.</param>
/// <param name="Assignee">Who is to do it (a person's name or email, or an agent's name); null when anyone.</param>
public sealed record SessionTask(string Id, string Title, int Priority = SessionTask.DefaultPriority, SessionTaskStatus Status = SessionTaskStatus.Open, string? BlockedReason = null, string? Assignee = null)
{
    public const int DefaultPriority = 3;
}
