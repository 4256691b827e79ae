using Lifecycle.Activities.Metrics;

namespace Lifecycle.Activities.Tests.Support;

/// <summary>Metrics with sensible defaults, each field overridable, for score and insight tests.</summary>
internal static class SampleMetrics
{
    public static ProductivityMetrics With(
        double setup = 5, double active = 50, double idle = 10, double commitsPerHour = 1,
        double? coverageDelta = 0.05, double documentationRatio = 0.25, int interruptions = 2) => new()
    {
        SetupTime = setup,
        ActiveTime = active,
        IdleTime = idle,
        CommitsPerHour = commitsPerHour,
        LinesPerHour = 120,
        TasksPerHour = 2,
        TestCoverageDelta = coverageDelta,
        TestCoverageUnavailableReason = coverageDelta is null ? "not measured" : null,
        DocumentationRatio = documentationRatio,
        TechnicalDebtDelta = 0,
        InterruptionCount = interruptions,
        ContextSwitches = 0,
        FocusScore = 1.0 / (1.0 + interruptions * 0.1),
    };
}
