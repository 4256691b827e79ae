using Lifecycle.Workflows.Activities;

namespace Lifecycle.Activities;

/// <summary>
/// The base of every error the session domain reports. The CLI maps <see cref="ExitCode"/> to
/// the process exit code: 2 bad input, 3 blocked by the protocol, 4 conflict, 1 anything else;
/// thrown by an activity, the same kind travels with the workflow's fault (<see cref="FaultCode"/>).
/// </summary>
public class SessionException(string message, int exitCode = 1, Exception? inner = null) : Exception(message, inner), IFaultCoded
{
    public int ExitCode { get; } = exitCode;

    /// <inheritdoc />
    public string? FaultCode => ExitCode switch
    {
        2 => FaultCodes.BadInput,
        3 => FaultCodes.Blocked,
        4 => FaultCodes.Conflict,
        _ => null,
    };
}
