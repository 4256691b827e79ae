namespace Lifecycle.Activities.Collaboration;

/// <summary>
/// Which coding agent, if any, a process runs under, from its environment: <c>LIFECYCLE_AGENT=NAME</c>
/// (set by Lifecycle's agent hooks and MCP server, or by hand) first, then the variables the agents
/// themselves set for the commands they run.
/// </summary>
/// <remarks>
/// Only variables an agent documents or sets in its own source are read: Claude Code sets
/// <c>CLAUDECODE=1</c> (since 0.2.47, anthropics/claude-code#531); Gemini CLI sets <c>GEMINI_CLI=1</c>
/// for its shell tool; OpenAI's Codex CLI sets <c>CODEX_SANDBOX</c> (macOS seatbelt) or
/// <c>CODEX_SANDBOX_NETWORK_DISABLED=1</c> for commands in its sandbox. Agents that set nothing
/// (or nothing documented) are named with <c>LIFECYCLE_AGENT</c>.
/// </remarks>
public static class AgentEnvironment
{
    /// <summary>The variable that names the agent explicitly.</summary>
    public const string Variable = "LIFECYCLE_AGENT";

    private static readonly (string Variable, string? Value, string Agent)[] Known =
    [
        ("CLAUDECODE", "1", "claude-code"),
        ("GEMINI_CLI", "1", "gemini-cli"),
        ("CODEX_SANDBOX", null, "codex"),
        ("CODEX_SANDBOX_NETWORK_DISABLED", "1", "codex"),
    ];

    /// <summary>The agent named by <paramref name="read"/> (a variable's value, or null when unset); null for a person.</summary>
    public static string? Detect(Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (read(Variable) is { } named && !string.IsNullOrWhiteSpace(named))
        {
            return named.Trim();
        }

        foreach (var (variable, value, agent) in Known)
        {
            if (read(variable) is { Length: > 0 } set && (value is null || set.Trim() == value))
            {
                return agent;
            }
        }

        return null;
    }

    /// <summary>The agent this process runs under; null for a person.</summary>
    public static string? OfThisProcess() => Detect(Environment.GetEnvironmentVariable);
}
