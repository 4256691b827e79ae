using Lifecycle.Activities.Configuration;

namespace Lifecycle.Activities.Reality;

/// <summary>
/// Runs the reality check of a repository: the enabled built-in agents and the configured command
/// agents, all in parallel, and combines their health into a weighted consensus.
/// </summary>
/// <remarks>
/// An agent never fails the check as a whole: a timeout, a crash or an exception is that agent's
/// health 0 with the reason. Only cancellation of the whole check throws. Command agents are
/// bounded by their <c>timeoutSeconds</c> on the injected clock; the built-ins read local files
/// only and run without a timeout.
/// </remarks>
public sealed class RealityChecker(TimeProvider timeProvider)
{
    /// <summary>Runs the agents and reports their health and consensus.</summary>
    /// <param name="repositoryRoot">The repository's working-tree root; commands run there.</param>
    /// <param name="config">The repository's configuration (its <c>realityChecks</c> section).</param>
    /// <param name="quick">Run only the built-ins and the command agents marked <c>quick</c>.</param>
    /// <param name="cancellationToken">Stops the check; running commands are killed.</param>
    public async Task<RealityReport> RunAsync(string repositoryRoot, LifecycleConfig config, bool quick, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(repositoryRoot);
        ArgumentNullException.ThrowIfNull(config);
        var agents = AgentsFor(config.RealityChecks, quick);
        var reports = await Task.WhenAll(agents.Select(agent => RunAgentAsync(agent, repositoryRoot, cancellationToken))).ConfigureAwait(false);
        return new RealityReport(reports, quick);
    }

    private List<IRealityAgent> AgentsFor(RealityChecksConfig checks, bool quick)
    {
        var agents = new List<IRealityAgent>();
        if (checks.Builtins.GitIntegrity.Enabled)
        {
            agents.Add(new GitIntegrityAgent(checks.Builtins.GitIntegrity.Weight));
        }

        if (checks.Builtins.NoMergeConflicts.Enabled)
        {
            agents.Add(new NoMergeConflictsAgent(checks.Builtins.NoMergeConflicts.Weight));
        }

        if (checks.Builtins.DiskSpace.Enabled)
        {
            agents.Add(new DiskSpaceAgent(checks.Builtins.DiskSpace.Weight, checks.MinimumFreeDiskMegabytes));
        }

        agents.AddRange(checks.Agents.Where(a => !quick || a.Quick).Select(a => new CommandAgent(a, timeProvider)));
        return agents;
    }

    private async Task<AgentReport> RunAgentAsync(IRealityAgent agent, string repositoryRoot, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        AgentVerdict verdict;
        try
        {
            verdict = await agent.CheckAsync(repositoryRoot, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            verdict = AgentVerdict.Broken($"the agent failed: {ex.Message}");
        }

        return new AgentReport(agent.Name, verdict.Health, agent.Weight, verdict.Reason, timeProvider.GetElapsedTime(started));
    }
}
