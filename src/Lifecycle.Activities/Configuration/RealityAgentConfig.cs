namespace Lifecycle.Activities.Configuration;

/// <summary>A command agent: a shell command whose exit code (and optionally last line) is its health.</summary>
public sealed record RealityAgentConfig
{
    /// <summary>The default time a command agent may take: one minute.</summary>
    public const int DefaultTimeoutSeconds = 60;

    /// <summary>The agent's name, unique in the file and distinct from the built-in names.</summary>
    public required string Name { get; init; }

    /// <summary>The command, run with <c>/bin/sh -c</c> in the repository root.</summary>
    public required string Run { get; init; }

    /// <summary>The agent's weight in the consensus, 0 or more. Default 1.</summary>
    public double Weight { get; init; } = 1;

    /// <summary>Seconds the command may run before it is killed and scored 0. Default 60.</summary>
    public int TimeoutSeconds { get; init; } = DefaultTimeoutSeconds;

    /// <summary>Whether the agent also runs in a quick check (the one at session end). Default false.</summary>
    public bool Quick { get; init; }
}
