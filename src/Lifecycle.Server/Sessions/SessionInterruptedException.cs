using Lifecycle.Activities;

namespace Lifecycle.Server.Sessions;

/// <summary>
/// A start or end stopped by Ctrl-C or SIGTERM at a persisted point; the message says what state
/// was left and what the next command will do (it finishes the job).
/// </summary>
public sealed class SessionInterruptedException(string message, Exception? inner = null)
    : SessionException(message, ErrorKind.Interrupted, inner);
