namespace Lifecycle.Workflows.Hosting;

/// <summary>What a stimulus did: the instances it resumed and those its triggers started.</summary>
/// <param name="Resumed">Instances resumed, in the state they reached.</param>
/// <param name="Started">Instances started by Event triggers.</param>
/// <param name="Skipped">Instances whose bookmark another process consumed first (nothing was done to them here).</param>
/// <param name="NotDelivered">
/// Instances still waiting for this stimulus that could not take it: busy in another process past
/// the wait, or faulted because they could not be loaded. Deliver it again later.
/// </param>
public sealed record ResumeResult(
    IReadOnlyList<RunResult> Resumed,
    IReadOnlyList<RunResult> Started,
    IReadOnlyList<string> Skipped,
    IReadOnlyList<string> NotDelivered);
