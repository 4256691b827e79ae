namespace Lifecycle.Workflows.Hosting;

/// <summary>
/// Asks the engine to stop running instances at their next persisted point: between two
/// activities, never inside one. A stopped instance is saved as it stands and released, so the
/// next engine start (any process) continues it from there.
/// </summary>
/// <remarks>
/// Hosts request it on Ctrl-C or SIGTERM (the CLI) or when the host shuts down (the server). A
/// <see cref="CancellationToken"/> passed to a run still cancels at once, inside activities too.
/// </remarks>
public sealed class WorkflowStopSignal
{
    private readonly CancellationTokenSource _source = new();

    /// <summary>Signalled once a stop was requested.</summary>
    public CancellationToken Token => _source.Token;

    public bool IsRequested => _source.IsCancellationRequested;

    /// <summary>Requests the stop; the instances running now stop after their current activity.</summary>
    public void Request() => _source.Cancel();
}
