using Lifecycle.Activities;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Server.Sessions;

/// <summary>
/// A session workflow (start, end) that did not finish: its fault's kind (a protocol block, a
/// conflict, bad input) is this error's kind, and the message is the cause alone when the kind is
/// known, else the activity and cause with where to read the journal.
/// </summary>
public sealed class SessionWorkflowException(RunResult result)
    : SessionException(Describe(result), FromFaultCode(result.ErrorCode))
{
    public RunResult Result { get; } = result;

    public string InstanceId => Result.InstanceId;

    private static string Describe(RunResult result) =>
        (result.ErrorCode is not null ? result.ErrorReason : null)
        ?? (result.Error is { } error ? $"{error} (see 'lifecycle journal {result.InstanceId}')" : null)
        ?? (result.Status == WorkflowStatus.Suspended
            ? $"{result.WorkflowId} is waiting ({string.Join(", ", result.Bookmarks.Select(b => b.Event))}) instead of finishing; see 'lifecycle journal {result.InstanceId}'."
            : $"{result.WorkflowId} ended {result.Status}; see 'lifecycle journal {result.InstanceId}'.");
}
