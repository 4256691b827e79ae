namespace Lifecycle.Activities.Reality;

/// <summary>One voice in the reality check.</summary>
internal interface IRealityAgent
{
    string Name { get; }

    double Weight { get; }

    /// <summary>Judges the repository; a thrown exception counts as health 0 with its message.</summary>
    Task<AgentVerdict> CheckAsync(string repositoryRoot, CancellationToken cancellationToken);
}
