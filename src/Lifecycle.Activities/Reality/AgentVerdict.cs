namespace Lifecycle.Activities.Reality;

/// <summary>An agent's own finding, before the checker adds its name, weight and duration.</summary>
internal readonly record struct AgentVerdict(double Health, string? Reason)
{
    public static AgentVerdict Healthy { get; } = new(1, null);

    public static AgentVerdict Broken(string reason) => new(0, reason);
}
