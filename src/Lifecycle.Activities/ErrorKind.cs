namespace Lifecycle.Activities;

/// <summary>
/// What kind of failure a <see cref="SessionException"/> is. The adapters map kinds to their own
/// form: the CLI to exit codes, the HTTP API to Problem Details statuses.
/// </summary>
public enum ErrorKind
{
    /// <summary>Anything else went wrong (a damaged repository, an unwritable folder).</summary>
    Failure,

    /// <summary>The user's input or files are invalid: a typo, a malformed config, an unknown option value.</summary>
    InvalidInput,

    /// <summary>What the input names does not exist: a task, a session, a commit.</summary>
    NotFound,

    /// <summary>A protocol rule stopped the command; the message names the rule and its override.</summary>
    Blocked,

    /// <summary>The state of things stands in the way (a session already active, another process, a merge in progress); retry after.</summary>
    Conflict,

    /// <summary>
    /// The command was stopped (Ctrl-C, SIGTERM, a shutdown) at a safe point; the message says what
    /// state was left and which command finishes the job.
    /// </summary>
    Interrupted,
}
