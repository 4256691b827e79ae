using System.Globalization;
using Lifecycle.Activities.Continuity;
using Lifecycle.Activities.Metrics;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tasks;

namespace Lifecycle.Activities.Handoff;

/// <summary>Builds the <see cref="Handoff"/> of a closing session; pure, no I/O, no clock.</summary>
/// <remarks>
/// Next actions, in this order (the order of <see cref="ContinuationStrategy"/>, with failing checks
/// before new task work):
/// <list type="number">
/// <item>one <c>Resolve blocker: …</c> per blocker;</item>
/// <item><c>Restore and finish the N files put away in stash '…'</c> when work was put away, and
/// <c>Check N paths left in place …</c> when the stash could not hold some, or <c>Finish the N
/// uncommitted files left in the work tree …</c> when nothing was put away;</item>
/// <item>one <c>Fix the '…' check (health 40% at close)</c> per agent below 100% at close, worst first;</item>
/// <item>one <c>Continue T2 (priority 1): …</c> per open (not blocked) task, highest priority first;</item>
/// <item><c>Start new work: nothing is carried over.</c> when none of the above applies.</item>
/// </list>
/// </remarks>
public static class HandoffBuilder
{
    /// <summary>Builds the handoff.</summary>
    /// <exception cref="ArgumentException">The context has no end time, or it ends before it starts.</exception>
    public static Handoff Build(HandoffSources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var context = sources.Context;
        var end = context.EndTime
            ?? throw new ArgumentException($"Session {context.SessionId} has no end time; set SessionContext.EndTime when it enters CLOSING.", nameof(sources));
        if (end < context.StartTime)
        {
            throw new ArgumentException($"Session {context.SessionId} ends at {end:O}, before it starts at {context.StartTime:O}.", nameof(sources));
        }

        var blockers = BlockersOf(context);
        var health = HealthDelta.Compare(new HealthReading(context.RealityConsensus, context.AgentHealth), sources.CheckAtClose);
        var next = context.NextSession ?? SessionId.Next(context.SessionId);
        var continuation = ContinuationStrategy.Determine(NextContext(context, next, sources.PutAway));

        return new Handoff
        {
            SessionId = context.SessionId,
            Duration = (end - context.StartTime).TotalSeconds,
            WorkCompleted = WorkOf(context, sources.Commits, sources.PutAway),
            OpenItems = context.OpenTasks,
            Blockers = blockers,
            NextActions = NextActions(context, blockers, sources.PutAway, health),
            ProductivityScore = sources.Metrics.Score is { } score ? Math.Round(score, 4) : null,
            Metrics = sources.Metrics,
            Insights = sources.Insights ?? ProductivityInsights.Generate(sources.Metrics),
            StartTime = context.StartTime,
            ActiveSince = context.ActiveSince,
            ClosingSince = sources.ClosingAt ?? end,
            EndTime = end,
            Branch = context.ActiveBranch,
            DetachedHead = context.DetachedHead,
            HeadSha = sources.HeadSha,
            PreviousSession = context.PreviousSession,
            NextSession = next,
            Continuation = continuation,
            Stash = sources.PutAway,
            Health = health,
            Errors = [.. sources.Errors.OrderBy(e => e.Time)],
            Notes = NotesOf(context.HandoffNotes, sources.Note),
            RanBy = Collaboration.SessionIdentity.Of(context),
            HandoffTo = context.HandoffTo,
        };
    }

    private static List<string> BlockersOf(SessionContext context) =>
        [.. context.AllBlockers().Distinct(StringComparer.Ordinal)];

    private static WorkCompleted WorkOf(SessionContext context, IReadOnlyList<CommitRecord> commits, StashedWork? putAway)
    {
        var ordered = commits.OrderBy(c => c.Time).ToList();
        var changes = ordered.SelectMany(c => c.Files).Select(f => (Change: f, PutAway: false))
            .Concat((putAway?.SessionChanges ?? []).Select(f => (Change: f, PutAway: true)));
        var files = changes
            .GroupBy(c => c.Change.Path, StringComparer.Ordinal)
            .Select(g => (Changes: g, Kind: HandoffFile.KindOf(g.Select(c => c.Change.Kind))))
            .Select(g => new HandoffFile(g.Changes.Key, g.Changes.Sum(c => c.Change.Added), g.Changes.Sum(c => c.Change.Deleted), g.Changes.Any(c => c.PutAway), g.Kind,
                g.Kind == FileChangeKind.Renamed ? g.Changes.Select(c => c.Change.From).FirstOrDefault(from => from is not null) : null))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        var completed = context.CompletedTasks;
        return new WorkCompleted
        {
            Commits = ordered.Select(c => new HandoffCommit(c.Sha, c.Message, c.Time)).ToList(),
            TasksCompleted = completed.Count,
            FilesModified = files.Count,
            LinesChanged = ordered.SelectMany(c => c.Files).Sum(f => f.ChangedLines) + (putAway?.SessionChanges.Sum(f => f.ChangedLines) ?? 0),
            CompletedTasks = completed,
            Files = files,
        };
    }

    // The next session starts with this session's blockers and tasks, and the stashed files come back uncommitted.
    private static SessionContext NextContext(SessionContext context, string next, StashedWork? putAway) => new()
    {
        SessionId = next,
        Blockers = [.. context.Blockers],
        Tasks = [.. context.Tasks],
        UncommittedFiles = putAway?.Files.Select(f => f.Path).ToList() ?? [.. context.UncommittedFiles],
    };

    private static List<string> NextActions(SessionContext context, List<string> blockers, StashedWork? putAway, HealthDelta health)
    {
        var actions = blockers.Select(b => $"Resolve blocker: {b}").ToList();
        if (putAway is { Files.Count: > 0 })
        {
            actions.Add($"Restore and finish the {Count(putAway.Files.Count, "file")} put away in stash '{putAway.Name}'");
        }

        else if (putAway is null && context.UncommittedFiles.Count > 0)
        {
            // Left in the work tree (--no-stash, manual mode, no commit yet): still the next session's to finish.
            var shown = string.Join(", ", context.UncommittedFiles.Take(10)) + (context.UncommittedFiles.Count > 10 ? ", …" : "");
            actions.Add($"Finish the {Count(context.UncommittedFiles.Count, "uncommitted file")} left in the work tree (not put away): {shown}");
        }

        if (putAway is { Skipped.Count: > 0 })
        {
            actions.Add($"Check {Count(putAway.Skipped.Count, "path")} left in place (submodules and nested repositories, which a stash cannot hold, or files written while the session closed, whose earlier version the stash holds): {LongList.Names(putAway.Skipped)}");
        }

        actions.AddRange(health.AgentsAtClose
            .Where(a => a.Value < 1)
            .OrderBy(a => a.Value).ThenBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => $"Fix the '{a.Key}' check (health {Percent(a.Value)} at close)"));

        actions.AddRange(TaskBoard.ByPriority(context.Tasks.Where(t => t.Status == SessionTaskStatus.Open))
            .Select(t => $"Continue {t.Id} (priority {t.Priority}): {t.Title}"));

        if (actions.Count == 0)
        {
            actions.Add("Start new work: nothing is carried over.");
        }

        return actions;
    }

    private static string? NotesOf(string? handoffNotes, string? note)
    {
        var parts = new[] { handoffNotes?.Trim(), note?.Trim() }
            .Where(p => !string.IsNullOrEmpty(p))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return parts.Count == 0 ? null : string.Join("\n\n", parts);
    }

    internal static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    internal static string Percent(double fraction) =>
        (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
