using System.Text.Json.Nodes;
using Lifecycle.Activities.Sessions;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Activities.Reality;

/// <summary>Runs the repository's reality check agents and outputs their consensus.</summary>
[Activity("Session", "Runs the reality check agents of .lifecycle/config.json in parallel (all, or only the quick ones); outputs 'consensus' (0..1), 'agentHealth' (name → health) and 'agents' (with reasons).",
    Outputs = ["consensus", "agentHealth", "agents"])]
public sealed class RealityCheck(RealityChecker checker, RepositoryContext repository, Git.StatusPrefetch prefetch) : Activity
{
    [Input("Run only the built-ins and the agents marked quick (the close runs a quick check).")]
    public Input<bool>? Quick { get; init; }

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var quick = context.Get(Quick, false);
        if (repository.Config.RealityChecks.Agents.Any(a => a.Quick || !quick))
        {
            // Commands (builds, tests) may write to the work tree.
            prefetch.Discard();
        }

        var report = await checker.RunAsync(repository.Root, repository.Config, quick, context.CancellationToken);
        context.SetOutput("consensus", report.Consensus);
        context.SetOutput("agentHealth", new JsonObject(report.AgentHealth.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))));
        context.SetOutput("agents", new JsonArray(report.Agents.Select(a => (JsonNode?)new JsonObject
        {
            ["name"] = a.Name,
            ["health"] = a.Health,
            ["weight"] = a.Weight,
            ["reason"] = a.Reason,
            ["seconds"] = Math.Round(a.Duration.TotalSeconds, 3),
        }).ToArray()));
        var failing = report.Agents.Where(a => a.Health < 1).Select(a => $"{a.Name} {a.Health:0.##}").ToList();
        context.Complete($"Consensus {report.Consensus:0.###}{(failing.Count == 0 ? "" : $" ({string.Join(", ", failing)})")}.");
    }
}
