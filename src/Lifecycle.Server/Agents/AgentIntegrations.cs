using Lifecycle.Server.Cli;

namespace Lifecycle.Server.Agents;

/// <summary>The agents <c>lifecycle agent install</c> knows, by name.</summary>
public static class AgentIntegrations
{
    public static IReadOnlyList<IAgentIntegration> All { get; } = [new ClaudeCodeIntegration(), new AgentsMdIntegration()];

    /// <summary>The integration named <paramref name="name"/>; an unknown name is a usage error that lists the known ones.</summary>
    public static IAgentIntegration Find(string name) =>
        All.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new UsageException($"Unknown agent '{name}'. Known agents: {string.Join(", ", All.Select(a => a.Name))}.");
}
