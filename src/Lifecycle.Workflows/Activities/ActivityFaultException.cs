namespace Lifecycle.Workflows.Activities;

/// <summary>
/// Thrown by an activity (or by the runtime on its behalf) to fault it with a message meant for
/// users. Any other exception faults the activity too, with its message.
/// </summary>
/// <param name="message">The cause, for users.</param>
/// <param name="inner">The exception behind it, if any.</param>
/// <param name="code">
/// A machine-readable kind kept with the fault (e.g. <see cref="FaultCodes.Blocked"/>), so hosts can
/// tell a protocol block from a failure.
/// </param>
public sealed class ActivityFaultException(string message, Exception? inner = null, string? code = null) : WorkflowException(message, inner)
{
    public string? Code { get; } = code;
}
