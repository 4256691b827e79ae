using Lifecycle.Activities.Sessions;

namespace Lifecycle.Activities.Prediction;

/// <summary>
/// Chooses what the next session is predicted from: the repository's closed sessions once there
/// are <see cref="MinimumSessions"/> of them, the git history grouped into work sessions before.
/// </summary>
/// <remarks>
/// Five because a median of fewer sessions moves with every new one (one long session is a
/// fifth of the sample), while the git history of a repository that has any usually holds hundreds
/// of work sessions of the same people; from the fifth closed session on, Lifecycle's own
/// measurements (real start and end times, not commit times plus a lead-in) take over.
/// </remarks>
public static class NextSessionPrediction
{
    /// <summary>Closed sessions needed before they replace the git history.</summary>
    public const int MinimumSessions = 5;

    /// <summary>The closed sessions among <paramref name="sessions"/> (oldest first) as samples.</summary>
    public static IReadOnlyList<WorkSample> Closed(IEnumerable<SessionContext> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        return [.. sessions
            .Where(s => s is { State: SessionState.Dormant, EndTime: not null, ActiveSince: not null })
            .OrderBy(s => s.StartTime)
            .Select(s => new WorkSample(s.UserEmail, s.StartTime, s.EndTime!.Value, Math.Max(0, (s.EndTime.Value - s.StartTime).TotalMinutes), s.Commits, s.LinesChanged))];
    }

    /// <summary>
    /// The forecast from <paramref name="closed"/> when there are enough, otherwise from the
    /// <paramref name="history"/> (read only then: it costs a diff per commit) for <paramref name="author"/>;
    /// null when neither has anything.
    /// </summary>
    public static SessionForecast? Predict(IReadOnlyList<WorkSample> closed, Func<IReadOnlyList<CommitFact>> history, string? author)
    {
        ArgumentNullException.ThrowIfNull(closed);
        ArgumentNullException.ThrowIfNull(history);
        if (closed.Count >= MinimumSessions)
        {
            return SessionPredictor.Predict(closed, author, PredictionSource.Sessions);
        }

        return SessionPredictor.Predict(WorkSessionGrouping.Group(history()), author, PredictionSource.GitHistory)
               ?? SessionPredictor.Predict(closed, author, PredictionSource.Sessions);
    }
}
