namespace Lifecycle.Workflows.Activities;

/// <summary>Well-known fault codes.</summary>
public static class FaultCodes
{
    /// <summary>A protocol rule stopped the workflow; a user can override it (the CLI exits 3).</summary>
    public const string Blocked = "blocked";

    /// <summary>The state of things stands in the way (another process, a merge in progress); retry after (the CLI exits 4).</summary>
    public const string Conflict = "conflict";

    /// <summary>The user's input or files are invalid (the CLI exits 2).</summary>
    public const string BadInput = "bad-input";

    /// <summary>What the input names does not exist (a task, a commit, a session; the CLI exits 2).</summary>
    public const string NotFound = "not-found";
}
