using System.Text.Json;
using Lifecycle.Activities;
using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Sessions;
using Lifecycle.Workflows.Hosting;

namespace Lifecycle.Server.Reports;

/// <summary>
/// Gathers the reports' figures from the store (sessions and their events) and the committed
/// handoffs; local dates, weekdays and hours are in the injected clock's local time zone.
/// </summary>
public sealed class ReportBuilder(ISessionStore sessions, SessionStoreAccess access, SessionQueries queries, RepositoryContext repository, TimeProvider time)
{
    private TimeSpan IdleThreshold => TimeSpan.FromMinutes(repository.Config.IdleThresholdMinutes);

    /// <summary>One closed session's report; the last closed one when <paramref name="sessionId"/> is null.</summary>
    public async Task<SessionReportModel> ForSessionAsync(string? sessionId, CancellationToken cancellationToken)
    {
        var id = sessionId is not null
            ? (await access.GetAsync(sessionId, cancellationToken)).SessionId
            : await queries.LastClosedAsync(cancellationToken);
        var document = queries.FindDocument(id, "json") ?? throw new SessionException(
            $"Session {id} has no handoff at {SessionDocs.For(repository.Config.DocsFolder, id).HandoffJson} in the work tree or on any local branch; " +
            "reports are written when a session ends (see 'lifecycle sessions').", ErrorKind.NotFound);
        var handoff = Parse(document.Text, id);
        var events = await sessions.GetEventsAsync(id, cancellationToken);
        var figures = SessionFigureReader.FromHandoff(handoff);
        var plan = await sessions.GetAsync(id, cancellationToken) is { } session
            ? await Lifecycle.Activities.Prediction.PlanReviews.OfAsync(sessions, session, time.GetUtcNow(), IdleThreshold, cancellationToken)
            : null;
        var closed = (await queries.ListAsync(cancellationToken)).Where(s => s.State == SessionState.Dormant && s.EndTime is not null).ToList();
        var suggestions = Suggestions.SuggestionService.Of(closed, await FiguresAsync(closed, cancellationToken), time.GetUtcNow(), time.LocalTimeZone);
        return new SessionReportModel(
            id, time.GetUtcNow(), ZoneName, figures, SessionTimeline.Build(handoff, events, IdleThreshold),
            handoff.Insights, ReportGoals.Check(repository.Config.Goals, [figures]), handoff, document.Source, plan, suggestions);
    }

    /// <summary>
    /// The figures of closed sessions: from each one's handoff in the work tree, else computed
    /// again from its record and events (<see cref="SessionFigures.Source"/> says which).
    /// </summary>
    public async Task<IReadOnlyList<SessionFigures>> FiguresAsync(IReadOnlyList<SessionContext> closed, CancellationToken cancellationToken)
    {
        var figures = new List<SessionFigures>(closed.Count);
        foreach (var session in closed)
        {
            figures.Add(HandoffInWorkTree(session.SessionId) is { } handoff
                ? SessionFigureReader.FromHandoff(handoff)
                : SessionFigureReader.FromRecord(session, await sessions.GetEventsAsync(session.SessionId, cancellationToken), IdleThreshold));
        }

        return figures;
    }

    /// <summary>The report across the closed sessions that started from <paramref name="since"/> to <paramref name="until"/> (local dates, both included).</summary>
    public async Task<AcrossSessionsReport> AcrossAsync(DateOnly? since, DateOnly? until, CancellationToken cancellationToken)
    {
        if (since is { } from && until is { } to && to < from)
        {
            throw new SessionException($"until ({to:yyyy-MM-dd}) is before since ({from:yyyy-MM-dd}); give a range that ends on or after its first day.", ErrorKind.InvalidInput);
        }

        var zone = time.LocalTimeZone;
        IReadOnlyList<SessionContext> all;
        using (CommandTrace.Begin("report: read the sessions"))
        {
            all = await queries.ListAsync(cancellationToken);
        }

        var closed = all
            .Where(s => s.State == SessionState.Dormant && s.EndTime is not null)
            .Where(s => ReportComparisons.LocalDate(s.StartTime, zone) is var day && (since is null || day >= since) && (until is null || day <= until))
            .ToList();
        IReadOnlyList<SessionFigures> figures;
        using (CommandTrace.Begin($"report: figures of {closed.Count} sessions"))
        {
            figures = await FiguresAsync(closed, cancellationToken);
        }

        var now = time.GetUtcNow();
        var today = ReportComparisons.LocalDate(now, zone);
        var lastDay = until is { } end && end < today ? end : today;
        var scores = figures.Select(f => f.Score).ToList();
        var scored = scores.Where(s => s is not null).Select(s => s!.Value).ToList();
        var totals = new ReportTotals(
            figures.Count,
            ReportNumbers.Round(figures.Sum(f => (f.EndTime - f.StartTime).TotalHours), 2),
            ReportNumbers.Round(figures.Sum(f => f.ActiveMinutes) / 60, 2),
            ReportNumbers.Round(figures.Sum(f => f.IdleMinutes) / 60, 2),
            figures.Sum(f => f.Commits), figures.Sum(f => f.LinesChanged), figures.Sum(f => f.TasksCompleted),
            scored.Count == 0 ? null : ReportNumbers.Round(scored.Average(), 3));
        return new AcrossSessionsReport(
            now, ZoneName, since, until, totals, figures, ScoreTrends.Of(scores),
            ReportTimeSplit.ByWeekday(figures, zone), ReportTimeSplit.ByHour(figures, zone),
            ReportComparisons.Week(figures, lastDay, zone), ReportComparisons.Streaks(figures, lastDay, zone),
            ReportComparisons.BestHours(figures, zone), ReportGoals.Check(repository.Config.Goals, figures),
            Suggestions.SuggestionService.Of(closed, figures, now, zone));
    }

    private string ZoneName => time.LocalTimeZone == TimeZoneInfo.Utc ? "UTC" : time.LocalTimeZone.Id;

    /// <summary>The session's handoff when its document is in the work tree and reads; null otherwise (the record is used).</summary>
    private Handoff? HandoffInWorkTree(string sessionId)
    {
        var path = Path.Combine(repository.Root, SessionDocs.For(repository.Config.DocsFolder, sessionId).HandoffJson);
        try
        {
            return File.Exists(path) ? HandoffJson.Parse(File.ReadAllText(path)) : null;
        }
        catch (Exception error) when (error is JsonException or IOException or InvalidOperationException)
        {
            return null;
        }
    }

    private static Handoff Parse(string text, string sessionId)
    {
        try
        {
            return HandoffJson.Parse(text);
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            throw new SessionException($"Session {sessionId}'s handoff does not read ({error.Message}); restore it from git or run 'lifecycle recover'.", ErrorKind.InvalidInput);
        }
    }
}
