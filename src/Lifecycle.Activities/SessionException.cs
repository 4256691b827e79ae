using Lifecycle.Workflows.Activities;

namespace Lifecycle.Activities;

/// <summary>
/// The base of every error the session domain reports, with its <see cref="ErrorKind"/>: the CLI
/// maps the kind to an exit code and the HTTP API to a status. Thrown by an activity, the same kind
/// travels with the workflow's fault (<see cref="FaultCode"/>).
/// </summary>
public class SessionException(string message, ErrorKind kind = ErrorKind.Failure, Exception? inner = null) : Exception(message, inner), IFaultCoded
{
    public ErrorKind Kind { get; } = kind;

    /// <inheritdoc />
    public string? FaultCode => ToFaultCode(Kind);

    /// <summary>The engine's fault code for a kind (null for a plain failure).</summary>
    public static string? ToFaultCode(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidInput => FaultCodes.BadInput,
        ErrorKind.NotFound => FaultCodes.NotFound,
        ErrorKind.Blocked => FaultCodes.Blocked,
        ErrorKind.Conflict => FaultCodes.Conflict,
        _ => null,
    };

    /// <summary>The kind of a workflow fault's code (a plain failure when it has none).</summary>
    public static ErrorKind FromFaultCode(string? code) => code switch
    {
        FaultCodes.BadInput => ErrorKind.InvalidInput,
        FaultCodes.NotFound => ErrorKind.NotFound,
        FaultCodes.Blocked => ErrorKind.Blocked,
        FaultCodes.Conflict => ErrorKind.Conflict,
        _ => ErrorKind.Failure,
    };
}
