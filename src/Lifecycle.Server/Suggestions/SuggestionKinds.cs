namespace Lifecycle.Server.Suggestions;

/// <summary>The kinds of suggestion, in the order they are listed.</summary>
public static class SuggestionKinds
{
    /// <summary>Blockers that outlived a session: the spec's "blocker resolution &lt; 1 session".</summary>
    public const string LastingBlockers = "lasting_blockers";

    /// <summary>Open tasks carried over several sessions without being done.</summary>
    public const string SlippingTasks = "slipping_tasks";

    /// <summary>The hours of the day (start) whose sessions scored best.</summary>
    public const string BestHours = "best_hours";

    /// <summary>The session lengths that scored best.</summary>
    public const string SessionLength = "session_length";

    /// <summary>Interruptions (recorded errors) against the score.</summary>
    public const string Interruptions = "interruptions";

    /// <summary>Setup time (start to ACTIVE) above the spec's 15 minutes.</summary>
    public const string SetupTime = "setup_time";

    public static readonly IReadOnlyList<string> All = [LastingBlockers, SlippingTasks, BestHours, SessionLength, Interruptions, SetupTime];
}
