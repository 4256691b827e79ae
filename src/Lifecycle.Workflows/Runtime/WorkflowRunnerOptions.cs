using Lifecycle.Workflows.Expressions;

namespace Lifecycle.Workflows.Runtime;

/// <summary>Settings of the runtime.</summary>
public sealed class WorkflowRunnerOptions
{
    public ExpressionLimits Expressions { get; init; } = new();

    /// <summary>Journal data (inputs, outputs) longer than this many characters is cut. Default 2,048.</summary>
    public int JournalDataLimit { get; init; } = 2048;

    /// <summary>How deep <c>RunWorkflow</c> may nest. Default 16.</summary>
    public int MaxSubWorkflowDepth { get; init; } = 16;
}
