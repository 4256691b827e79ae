using System.Globalization;

namespace Lifecycle.Activities.Metrics;

/// <summary>Advice drawn from a session's metrics: the spec's <c>generate_productivity_insights</c>.</summary>
public static class ProductivityInsights
{
    /// <summary>
    /// The insights that apply, in the spec's order: setup over 15 minutes, more than 5 interruptions,
    /// under 0.5 or over 4 commits per hour, coverage down (only when measured), documentation ratio
    /// under 0.1. Setup minutes are shown with at most one decimal (<c>Setup took 16.5min …</c>).
    /// </summary>
    /// <remarks>
    /// A session too short to score has no commit rate, so the commit-frequency insight is not given;
    /// the first insight then says the session was not scored, and why.
    /// </remarks>
    public static IReadOnlyList<string> Generate(ProductivityMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var insights = new List<string>();

        if (metrics.ScoreUnavailableReason is { } reason)
        {
            insights.Add($"Not scored: {reason} - rates from so little time would mislead");
        }

        if (metrics.SetupTime > 15)
        {
            var minutes = metrics.SetupTime.ToString("0.#", CultureInfo.InvariantCulture);
            insights.Add($"Setup took {minutes}min - consider automating initialization");
        }

        if (metrics.InterruptionCount > 5)
        {
            insights.Add($"{metrics.InterruptionCount} interruptions - check self-healing logs");
        }

        if (metrics.CommitsPerHour < 0.5)
        {
            insights.Add("Low commit frequency - consider smaller, atomic commits");
        }
        else if (metrics.CommitsPerHour > 4)
        {
            insights.Add("High commit frequency - ensure commits are meaningful");
        }

        if (metrics.TestCoverageDelta < 0)
        {
            insights.Add("Test coverage decreased - add tests for new code");
        }

        if (metrics.DocumentationRatio < 0.1)
        {
            insights.Add("Low documentation - document complex logic");
        }

        return insights;
    }
}
