using System.Text.Json;
using System.Text.Json.Nodes;
using Lifecycle.Activities.Metrics;
using Lifecycle.Activities.Sessions;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Activities.Documents;

/// <summary>Measures the session's productivity and stores its counts (commits, files, lines, interruptions).</summary>
/// <remarks>
/// The session ends at its <see cref="SessionContext.EndTime"/>, or now while it is still running.
/// Commits are those reachable from HEAD and not from <see cref="SessionContext.StartSha"/>; activity
/// moments are the timestamps of every recorded event.
/// </remarks>
[Activity("Session", "Computes the session's productivity (commits since the start, events, work put away, debt markers, coverage) and stores commits/files/lines/interruptions in the session; outputs 'metrics', 'score' (null when the session is too short to score), 'insights'.",
    Outputs = ["metrics", "score", "insights"])]
public sealed class ComputeProductivity(ISessionStore sessions, RepositoryContext repository, TimeProvider time) : SessionActivityBase(sessions)
{
    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var session = await LoadAsync(context);
        var measured = await SessionMeasurement.TakeAsync(session, Sessions, repository, session.EndTime ?? time.GetUtcNow(), context.CancellationToken);
        if (measured.StoreIn(session))
        {
            await Sessions.SaveAsync(session, context.CancellationToken);
        }

        var insights = ProductivityInsights.Generate(measured.Metrics);
        context.SetOutput("metrics", JsonSerializer.SerializeToNode(measured.Metrics, SessionJson.Default.ProductivityMetrics));
        context.SetOutput("score", measured.Metrics.Score);
        context.SetOutput("insights", new JsonArray([.. insights.Select(i => (JsonNode?)i)]));
        var score = measured.Metrics.Score is { } value ? $"Productivity score {value:0.###}" : $"Not scored ({measured.Metrics.ScoreUnavailableReason})";
        context.Complete($"{score}: {measured.Commits.Count} commits, {measured.LinesChanged} lines changed.");
    }
}
