namespace Lifecycle.Server.Reports;

/// <summary>The lanes of a session's timeline, top to bottom.</summary>
public static class TimelineKinds
{
    public const string State = "state";
    public const string Commit = "commit";
    public const string Task = "task";
    public const string Error = "error";
    public const string Idle = "idle";

    /// <summary>Every kind, in the order the chart draws its lanes.</summary>
    public static readonly IReadOnlyList<string> All = [State, Commit, Task, Error, Idle];
}
