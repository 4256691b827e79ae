namespace Lifecycle.Workflows.Hosting;

/// <summary>Settings of the durable engine.</summary>
public sealed class WorkflowEngineOptions
{
    /// <summary>
    /// How long a stimulus waits for an instance that another process is running (its bookmark
    /// still stored) before it is reported as not delivered. Default 10 seconds.
    /// </summary>
    public TimeSpan BusyInstanceWait { get; init; } = TimeSpan.FromSeconds(10);
}
