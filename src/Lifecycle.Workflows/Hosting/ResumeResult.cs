namespace Lifecycle.Workflows.Hosting;

/// <summary>What a stimulus did: the instances it resumed and those its triggers started.</summary>
/// <param name="Resumed">Instances resumed, in the state they reached.</param>
/// <param name="Started">Instances started by Event triggers.</param>
/// <param name="Skipped">Instances another process resumed first (nothing was done to them here).</param>
public sealed record ResumeResult(IReadOnlyList<RunResult> Resumed, IReadOnlyList<RunResult> Started, IReadOnlyList<string> Skipped);
