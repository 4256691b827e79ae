namespace Lifecycle.Workflows.Runtime;

/// <summary>The input given to a workflow does not match what it declares.</summary>
public sealed class WorkflowInputException(string workflowId, IReadOnlyList<string> problems)
    : WorkflowException($"Input for workflow '{workflowId}' is not valid: {string.Join("; ", problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
