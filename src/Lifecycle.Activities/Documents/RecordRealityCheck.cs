using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Sessions;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Activities.Documents;

/// <summary>Stores a reality check's outcome in the session: the start's consensus and agent health, or the check at close.</summary>
[Activity("Session", "Stores a RealityCheck's 'consensus' and 'agentHealth' in the session: as RealityConsensus/AgentHealth, or with atClose=true as the check at close (compared in the handoff).")]
public sealed class RecordRealityCheck(ISessionStore sessions) : SessionActivityBase(sessions)
{
    [Input("The consensus, 0 to 1, e.g. {\"js\": \"outputs.check.consensus\"}.", Required = true)]
    public Input<double> Consensus { get; init; } = null!;

    [Input("Agent name to health (0 to 1), e.g. {\"js\": \"outputs.check.agentHealth\"}.", Required = true)]
    public Input<Dictionary<string, double>?> AgentHealth { get; init; } = null!;

    [Input("True for the quick check at close; false (the default) for the check at start.")]
    public Input<bool>? AtClose { get; init; }

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var consensus = context.Get(Consensus);
        var agents = context.Get(AgentHealth) ?? [];
        var problems = agents.Where(a => a.Value is < 0 or > 1 || double.IsNaN(a.Value)).Select(a => $"agent '{a.Key}' has health {a.Value}").ToList();
        if (consensus is < 0 or > 1 || double.IsNaN(consensus))
        {
            problems.Insert(0, $"consensus is {consensus}");
        }

        if (problems.Count > 0)
        {
            throw new ActivityFaultException($"{string.Join("; ", problems)}: every value must be from 0 to 1, as RealityCheck outputs them");
        }

        var session = await LoadAsync(context);
        var atClose = context.Get(AtClose, false);
        if (atClose)
        {
            session.CheckAtClose = new HealthReading(consensus, agents);
        }
        else
        {
            session.RealityConsensus = consensus;
            session.AgentHealth = agents;
        }

        await Sessions.SaveAsync(session, context.CancellationToken);
        context.Complete($"Reality check {(atClose ? "at close" : "at start")}: consensus {consensus:0.###}.");
    }

    protected override IEnumerable<(string Path, string Message)> Validate()
    {
        if (Consensus is { Expression: null } literal && literal.Value is < 0 or > 1)
        {
            yield return (literal.Path, $"Consensus {literal.Value} is outside 0 to 1; pass the RealityCheck's output, e.g. {{\"js\": \"outputs.check.consensus\"}}.");
        }
    }
}
