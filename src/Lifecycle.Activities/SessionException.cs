namespace Lifecycle.Activities;

/// <summary>
/// The base of every error the session domain reports. The CLI maps <see cref="ExitCode"/> to
/// the process exit code: 2 bad input, 3 blocked by the protocol, 4 conflict, 1 anything else.
/// </summary>
public class SessionException(string message, int exitCode = 1, Exception? inner = null) : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;
}
