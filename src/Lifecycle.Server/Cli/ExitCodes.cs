namespace Lifecycle.Server.Cli;

/// <summary>The exit codes of the <c>lifecycle</c> executable, as DESIGN.md defines them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Anything else went wrong (including a workflow that faulted).</summary>
    public const int Failure = 1;

    /// <summary>Bad usage or bad input (an invalid definition, malformed JSON, an unknown id).</summary>
    public const int BadInput = 2;

    /// <summary>Blocked by the protocol; the message names the rule and the override.</summary>
    public const int Blocked = 3;

    /// <summary>A conflict, e.g. a session is already active.</summary>
    public const int Conflict = 4;

    /// <summary>Stopped by Ctrl-C or SIGTERM at a safe point (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;

    /// <summary>The exit code of an error kind: what the user can fix exits 2, a protocol block 3, a conflict 4.</summary>
    public static int For(Lifecycle.Activities.ErrorKind kind) => kind switch
    {
        Lifecycle.Activities.ErrorKind.InvalidInput or Lifecycle.Activities.ErrorKind.NotFound => BadInput,
        Lifecycle.Activities.ErrorKind.Blocked => Blocked,
        Lifecycle.Activities.ErrorKind.Conflict => Conflict,
        Lifecycle.Activities.ErrorKind.Interrupted => Interrupted,
        _ => Failure,
    };
}
