namespace Lifecycle.Workflows.Activities;

/// <summary>
/// Thrown by an activity (or by the runtime on its behalf) to fault it with a message meant for
/// users. Any other exception faults the activity too, with its message.
/// </summary>
public sealed class ActivityFaultException(string message, Exception? inner = null) : WorkflowException(message, inner);
