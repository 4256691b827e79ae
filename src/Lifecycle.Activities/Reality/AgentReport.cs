namespace Lifecycle.Activities.Reality;

/// <summary>What one agent of a reality check found.</summary>
/// <param name="Name">The agent's name: a built-in (<c>git-integrity</c>, <c>no-merge-conflicts</c>, <c>disk-space</c>) or a configured command.</param>
/// <param name="Health">0 (broken) to 1 (healthy).</param>
/// <param name="Weight">The agent's share in the consensus.</param>
/// <param name="Reason">Why the health is what it is, for people; null when there is nothing to add.</param>
/// <param name="Duration">How long the agent took, by the checker's clock.</param>
public sealed record AgentReport(string Name, double Health, double Weight, string? Reason, TimeSpan Duration);
