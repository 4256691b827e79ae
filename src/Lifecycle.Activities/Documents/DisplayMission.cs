using System.Globalization;
using System.Text.Json.Nodes;
using Lifecycle.Activities.Continuity;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tasks;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Activities.Documents;

/// <summary>The mission shown at the terminal when a session starts.</summary>
/// <remarks>
/// Only reads the session; the text is built from the continuation, so it always agrees with the
/// session log's Mission section.
/// </remarks>
[Activity("Session", "Builds the mission for the terminal: session and branch, continuation strategy and reason, the files restored from the previous session, open tasks by priority, blockers, warnings, reality consensus, the timebox and the suggestions from the history; outputs 'mission' (multi-line text).",
    Outputs = ["mission"])]
public sealed class DisplayMission(ISessionStore sessions) : SessionActivityBase(sessions)
{
    /// <summary>At most this many restored files are named; the rest are counted.</summary>
    internal const int RestoredNamed = 10;

    [Input("The files this start restored from the previous session's stash (RestoreStash's 'files' when its status is 'restored'), listed after the mission.")]
    public Input<JsonNode?>? Restored { get; init; }

    [Input("Suggestions from the recorded history, each one line with its figures (what 'lifecycle suggest' prints), listed at the end of the mission.")]
    public Input<JsonNode?>? Suggestions { get; init; }

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var restored = Strings(context.Get(Restored, null));
        var mission = Render(await LoadAsync(context), restored, Strings(context.Get(Suggestions, null)), context.Time.LocalTimeZone);
        context.SetOutput("mission", mission);
        context.Complete(mission[..mission.IndexOf('\n', StringComparison.Ordinal)]);
    }

    /// <summary>The mission text, lines ending with LF; the timebox's end is given in <paramref name="zone"/> (UTC when null).</summary>
    public static string Render(SessionContext session, IReadOnlyList<string>? restored = null, IReadOnlyList<string>? suggestions = null, TimeZoneInfo? zone = null)
    {
        var continuation = ContinuationStrategy.Determine(session);
        var open = session.OpenTasks;
        var blockers = session.AllBlockers();
        var agents = session.AgentHealth.Count == 0
            ? ""
            : $" ({string.Join(", ", session.AgentHealth.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key} {Percent(a.Value)}"))})";

        var lines = new List<string>
        {
            $"Session {session.SessionId} on {SessionBranch.Of(session)}{(session.DetachedHead ? $" ({SessionBranch.DetachedAdvice})" : "")}",
            $"Mission: {StrategyName(continuation.Strategy)}: {continuation.Reason}",
        };
        if (session.HandoffNotes.Trim() is { Length: > 0 } notes)
        {
            // One line: the notes' lines (blank ones dropped) joined by ' / '.
            lines.Add($"Handoff notes: {string.Join(" / ", notes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))}");
        }

        if (restored is { Count: > 0 })
        {
            var named = string.Join(", ", restored.Take(RestoredNamed));
            var more = restored.Count > RestoredNamed ? $", and {restored.Count - RestoredNamed} more" : "";
            lines.Add($"Restored {restored.Count} changed file{(restored.Count == 1 ? "" : "s")} put away by session {session.PreviousSession}: {named}{more}");
        }

        lines.Add($"Open tasks ({open.Count}):");
        lines.AddRange(open.Count == 0 ? ["  none"] : open.Select(t =>
            $"  {t.Id} (priority {t.Priority}{(t.Status == SessionTaskStatus.Blocked ? ", blocked" : "")}): {t.Title}"));
        lines.Add($"Blockers ({blockers.Count}):");
        lines.AddRange(blockers.Count == 0 ? ["  none"] : blockers.Select(b => $"  {b}"));
        lines.Add($"Warnings ({session.Warnings.Count}):");
        lines.AddRange(session.Warnings.Count == 0 ? ["  none"] : session.Warnings.Select(w => $"  {w}"));
        lines.Add($"Reality consensus: {Percent(session.RealityConsensus)}{agents}");
        if (session.TimeboxMinutes is { } timebox)
        {
            var end = TimeZoneInfo.ConvertTime((session.ActiveSince ?? session.StartTime).AddMinutes(timebox), zone ?? TimeZoneInfo.Utc);
            lines.Add($"Timebox: {timebox} minutes, until {end.ToString("HH:mm", CultureInfo.InvariantCulture)} ('lifecycle status' shows the time left and the reminders)");
        }

        if (suggestions is { Count: > 0 })
        {
            lines.Add($"Suggestions from your history ({suggestions.Count}):");
            lines.AddRange(suggestions.Select(s => $"  - {s}"));
        }

        return string.Join("\n", lines) + "\n";
    }

    private static List<string> Strings(JsonNode? node) => node is JsonArray items
        ? [.. items.Select(f => f?.GetValueKind() == System.Text.Json.JsonValueKind.String ? f.GetValue<string>() : null).OfType<string>()]
        : [];

    private static string StrategyName(WorkStrategy strategy) =>
        System.Text.Json.JsonSerializer.Serialize(strategy).Trim('"');

    private static string Percent(double fraction) =>
        (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
