using Lifecycle.Workflows.Hosting;

namespace Lifecycle.Server.Workflows;

/// <summary>What delivering a stimulus did, and what went undelivered.</summary>
/// <param name="Result">The instances resumed and started (as the engine reports them), those another process took first, those busy.</param>
/// <param name="Problems">
/// One sentence per thing not delivered: the stimulus as a whole (nothing waited for it and nothing
/// is triggered by it), or an instance that stayed busy in another process. Empty when all went.
/// </param>
public sealed record StimulusOutcome(ResumeResult Result, IReadOnlyList<string> Problems)
{
    /// <summary>Everything that waited for the stimulus took it.</summary>
    public bool Delivered => Problems.Count == 0;

    /// <summary>
    /// The document of <c>workflow resume --json</c> and <c>POST /api/events/{name}</c>:
    /// <c>{resumed, started: [{instanceId, workflowId, status, outputs, error}], skipped, notDelivered}</c>.
    /// </summary>
    public object Document => new
    {
        resumed = Result.Resumed.Select(Brief).ToList(),
        started = Result.Started.Select(Brief).ToList(),
        skipped = Result.Skipped,
        notDelivered = Result.NotDelivered,
    };

    private static object Brief(RunResult r) => new { instanceId = r.InstanceId, workflowId = r.WorkflowId, status = r.Status, outputs = r.Outputs, error = r.Error };
}
