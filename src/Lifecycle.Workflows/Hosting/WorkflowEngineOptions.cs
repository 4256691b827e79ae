namespace Lifecycle.Workflows.Hosting;

/// <summary>Settings of the durable engine.</summary>
public sealed class WorkflowEngineOptions
{
    /// <summary>
    /// How long a stimulus waits for an instance that another process is running (its bookmark
    /// still stored) before it is reported as not delivered. Default 10 seconds.
    /// </summary>
    public TimeSpan BusyInstanceWait { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether <see cref="WorkflowEngine.StartAsync"/> resumes the timers that are due, one after
    /// another before it returns. True for a short-lived process (the CLI); the server turns it off
    /// because its scheduler fires them, spread out, once it runs.
    /// </summary>
    public bool FireDueTimersOnStart { get; init; } = true;
}
