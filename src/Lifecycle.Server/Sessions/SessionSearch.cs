using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Reports;

namespace Lifecycle.Server.Sessions;

/// <summary>
/// The sessions a listing asks for, with the figures of the closed ones. The figures cost a read
/// of each session's handoff (or its events), so they are computed for the page only, unless a
/// minimum score must be checked on every candidate first.
/// </summary>
public sealed class SessionSearch(SessionQueries queries, ReportBuilder reports)
{
    public async Task<Page<SessionListItem>> SearchAsync(SessionFilter filter, int offset, int limit, CancellationToken cancellationToken)
    {
        var candidates = await queries.FilterAsync(filter, offset, limit, cancellationToken);
        if (filter.MinScore is not { } minimum)
        {
            var shown = candidates.Skip(offset).Take(limit).ToList();
            return new Page<SessionListItem>(candidates.Count, offset, limit, await WithFiguresAsync(shown, cancellationToken));
        }

        var scored = (await WithFiguresAsync(candidates, cancellationToken)).Where(item => item.Figures?.Score >= minimum).ToList();
        return new Page<SessionListItem>(scored.Count, offset, limit, [.. scored.Skip(offset).Take(limit)]);
    }

    private async Task<IReadOnlyList<SessionListItem>> WithFiguresAsync(IReadOnlyList<SessionContext> sessions, CancellationToken cancellationToken)
    {
        var closed = sessions.Where(s => s.State == SessionState.Dormant && s.EndTime is not null).ToList();
        var figures = (await reports.FiguresAsync(closed, cancellationToken)).ToDictionary(f => f.SessionId, StringComparer.Ordinal);
        return [.. sessions.Select(s => new SessionListItem(s, figures.GetValueOrDefault(s.SessionId)))];
    }
}
