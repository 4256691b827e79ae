using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tasks;
using MathNet.Numerics.Statistics;

namespace Lifecycle.Server.Suggestions;

/// <summary>
/// The suggestions about what the closed sessions carried from one to the next: blockers that
/// outlived a session (the spec's target is "blocker resolution &lt; 1 session") and open tasks
/// that keep slipping. A blocker or task is followed by its key (a blocked task by its id, any
/// other blocker by its text) over the closes of consecutive sessions, oldest first.
/// </summary>
public static class CarryOverSuggestions
{
    /// <summary>Closes a blocker must stand at, in a row, to have outlived a session (it was there when one ended and still when the next did).</summary>
    public const int LastingCloses = 2;

    /// <summary>Closes an open task must stand at, in a row, to be slipping.</summary>
    public const int SlippingCloses = 3;

    /// <summary>At most this many blockers or tasks are named in one suggestion; the rest are counted.</summary>
    public const int Named = 3;

    /// <summary>Blockers open at the last close that stood at the closes of <see cref="LastingCloses"/> or more sessions in a row.</summary>
    public static (Suggestion? Suggestion, string? Withheld) LastingBlockers(IReadOnlyList<SessionContext> closed)
    {
        if (closed.Count < LastingCloses)
        {
            return (null, $"blockers: {closed.Count} closed session{(closed.Count == 1 ? "" : "s")}, {LastingCloses} needed to see one outlive a session.");
        }

        var runs = Runs(closed, Blockers);
        var ended = runs.Where(r => !r.Open).Select(r => (double)r.Closes).ToList();
        var lasting = runs.Where(r => r.Open && r.Closes >= LastingCloses).OrderByDescending(r => r.Closes).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        if (lasting.Count == 0)
        {
            return (null, runs.Count == 0
                ? $"blockers: none recorded in {closed.Count} sessions."
                : $"blockers: none open at the last close has stood at {LastingCloses} closes in a row ({runs.Count} seen in {closed.Count} sessions).");
        }

        var outlived = runs.Count(r => r.Closes >= LastingCloses);
        var named = string.Join("; ", lasting.Take(Named).Select(r => $"{r.Label} (open at {r.Closes} closes, since session {r.Since})"));
        var more = lasting.Count > Named ? $"; and {lasting.Count - Named} more" : "";
        return (new Suggestion(SuggestionKinds.LastingBlockers,
            $"Clear the lasting blocker{(lasting.Count == 1 ? "" : "s")} first, or ask for help with {(lasting.Count == 1 ? "it" : "them")}: {named}{more}.",
            $"{lasting.Count} blocker{(lasting.Count == 1 ? "" : "s")} open now stood at the closes of {lasting[0].Closes} sessions in a row at most (target: resolved within 1 session); " +
            $"{outlived} of the {runs.Count} blockers seen in {closed.Count} sessions outlived a session" +
            (ended.Count > 0 ? $", and the resolved ones stood at a median of {ended.Median():0.#} close{(ended.Median() == 1 ? "" : "s")}." : "."),
            closed.Count, LastingCloses,
            [new("lastingBlockers", lasting.Count), new("longestCloses", lasting[0].Closes), new("blockersSeen", runs.Count), new("blockersThatOutlivedASession", outlived),
             .. ended.Count > 0 ? [new SuggestionFigure("medianClosesOfResolved", Math.Round(ended.Median(), 1))] : Array.Empty<SuggestionFigure>(), new("targetSessions", 1)]), null);
    }

    /// <summary>Open tasks (not blocked: those are blockers) open at <see cref="SlippingCloses"/> or more closes in a row, still open at the last.</summary>
    public static (Suggestion? Suggestion, string? Withheld) SlippingTasks(IReadOnlyList<SessionContext> closed)
    {
        if (closed.Count < SlippingCloses)
        {
            return (null, $"slipping tasks: {closed.Count} closed session{(closed.Count == 1 ? "" : "s")}, {SlippingCloses} needed to see a task carried over.");
        }

        var runs = Runs(closed, OpenTasks);
        var slipping = runs.Where(r => r.Open && r.Closes >= SlippingCloses).OrderByDescending(r => r.Closes).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        if (slipping.Count == 0)
        {
            return (null, $"slipping tasks: no task open at the last close was open at {SlippingCloses} closes in a row ({runs.Count(r => r.Open)} open now).");
        }

        var open = runs.Count(r => r.Open);
        var named = string.Join("; ", slipping.Take(Named).Select(r => $"{r.Label} (carried over {r.Closes} sessions)"));
        var more = slipping.Count > Named ? $"; and {slipping.Count - Named} more" : "";
        return (new Suggestion(SuggestionKinds.SlippingTasks,
            $"Split the slipping task{(slipping.Count == 1 ? "" : "s")} into steps that fit one session, or drop {(slipping.Count == 1 ? "it" : "them")} (lifecycle task edit/remove): {named}{more}.",
            $"{slipping.Count} of the {open} tasks open at the last close were open at {SlippingCloses} or more closes in a row (the longest {slipping[0].Closes}), over {closed.Count} sessions.",
            closed.Count, SlippingCloses,
            [new("slippingTasks", slipping.Count), new("openTasks", open), new("longestCloses", slipping[0].Closes), new("thresholdCloses", SlippingCloses)]), null);
    }

    /// <summary>What stood in the way at a session's close: blocked tasks by id, other blockers by text.</summary>
    private static IEnumerable<(string Key, string Label)> Blockers(SessionContext session) =>
        session.Tasks.Where(t => t.Status == SessionTaskStatus.Blocked).Select(t => (t.Id, $"{t.Id} '{t.Title}' ({t.BlockedReason ?? "no reason given"})"))
            .Concat(session.Blockers
                .Where(b => !session.Tasks.Any(t => t.Status == SessionTaskStatus.Blocked && b.StartsWith($"{t.Id}: ", StringComparison.Ordinal)))
                .Select(b => (b, $"'{b}'")));

    private static IEnumerable<(string Key, string Label)> OpenTasks(SessionContext session) =>
        session.Tasks.Where(t => t.Status == SessionTaskStatus.Open).Select(t => (t.Id, $"{t.Id} '{t.Title}' (priority {t.Priority})"));

    /// <summary>
    /// Each key's latest run of consecutive closes it stood at: how many, from which session, and
    /// whether it still stood at the last close (open). A key that comes back later starts a new run.
    /// </summary>
    private static List<Run> Runs(IReadOnlyList<SessionContext> closed, Func<SessionContext, IEnumerable<(string Key, string Label)>> items)
    {
        var runs = new Dictionary<string, Run>(StringComparer.Ordinal);
        var finished = new List<Run>();
        for (var i = 0; i < closed.Count; i++)
        {
            var now = items(closed[i]).DistinctBy(x => x.Key).ToList();
            foreach (var gone in runs.Keys.Except(now.Select(x => x.Key)).ToList())
            {
                finished.Add(runs[gone] with { Open = false });
                runs.Remove(gone);
            }

            foreach (var (key, label) in now)
            {
                runs[key] = runs.TryGetValue(key, out var run)
                    ? run with { Closes = run.Closes + 1, Label = label }
                    : new Run(key, label, closed[i].SessionId, 1, true);
            }
        }

        return [.. finished, .. runs.Values];
    }

    private sealed record Run(string Key, string Label, string Since, int Closes, bool Open);
}
