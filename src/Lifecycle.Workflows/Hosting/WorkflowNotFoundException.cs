namespace Lifecycle.Workflows.Hosting;

/// <summary>No published workflow has this id.</summary>
public sealed class WorkflowNotFoundException(string workflowId)
    : WorkflowException($"No published workflow has id '{workflowId}'. Publish it with 'lifecycle workflow publish FILE' or check 'lifecycle workflow list'.")
{
    public string WorkflowId { get; } = workflowId;
}
