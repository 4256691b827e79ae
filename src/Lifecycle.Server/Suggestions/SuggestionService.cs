using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Reports;
using Lifecycle.Server.Sessions;
using Lifecycle.Workflows.Hosting;

namespace Lifecycle.Server.Suggestions;

/// <summary>
/// The suggestions use case: the closed sessions' figures (<see cref="ReportBuilder.FiguresAsync"/>,
/// the reports' own) and their carried blockers and tasks, turned into suggestions with their
/// evidence (<see cref="ScoreSuggestions"/>, <see cref="CarryOverSuggestions"/>).
/// </summary>
public sealed class SuggestionService(SessionQueries queries, ReportBuilder builder, TimeProvider time)
{
    /// <summary>The suggestions from every closed session.</summary>
    public async Task<SuggestionReport> SuggestAsync(CancellationToken cancellationToken)
    {
        using var span = CommandTrace.Begin("suggestions");
        var closed = (await queries.ListAsync(cancellationToken)).Where(s => s.State == SessionState.Dormant && s.EndTime is not null).ToList();
        var figures = await builder.FiguresAsync(closed, cancellationToken);
        return Of(closed, figures, time.GetUtcNow(), time.LocalTimeZone);
    }

    /// <summary>The suggestions from closed sessions (oldest first) and their figures; hours of day in <paramref name="zone"/>.</summary>
    public static SuggestionReport Of(IReadOnlyList<SessionContext> closed, IReadOnlyList<SessionFigures> figures, DateTimeOffset now, TimeZoneInfo zone)
    {
        var outcomes = new[]
        {
            CarryOverSuggestions.LastingBlockers(closed),
            CarryOverSuggestions.SlippingTasks(closed),
            ScoreSuggestions.BestHours(figures, zone),
            ScoreSuggestions.SessionLength(figures),
            ScoreSuggestions.Interruptions(figures),
            ScoreSuggestions.SetupTime(figures),
        };
        return new SuggestionReport(now, zone == TimeZoneInfo.Utc ? "UTC" : zone.Id, closed.Count, figures.Count(f => f.Score is not null),
            [.. outcomes.Select(o => o.Suggestion).OfType<Suggestion>()], [.. outcomes.Select(o => o.Withheld).OfType<string>()]);
    }
}
