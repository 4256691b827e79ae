namespace Lifecycle.Workflows.Activities;

/// <summary>Why an activity faulted: the message users read and the activity that raised it.</summary>
/// <param name="Message">One line naming the activity and the cause.</param>
/// <param name="ActivityId">The id (or path) of the activity that faulted.</param>
/// <param name="ActivityType">The type of the activity that faulted.</param>
/// <param name="Reason">The cause alone, without the activity (e.g. a Fail's message).</param>
/// <param name="Code">A machine-readable kind, e.g. <see cref="FaultCodes.Blocked"/>; null for a plain failure.</param>
public sealed record WorkflowFault(string Message, string ActivityId, string ActivityType, string? Reason = null, string? Code = null)
{
    /// <summary>The cause alone when known, else the whole message.</summary>
    public string Cause => Reason ?? Message;
}
