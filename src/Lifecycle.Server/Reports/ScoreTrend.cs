namespace Lifecycle.Server.Reports;

/// <summary>Where the score is heading across sessions.</summary>
/// <param name="Window">Sessions in each moving average.</param>
/// <param name="MovingAverage">Per session (in order), the mean of the last <paramref name="Window"/> scores; null before any score.</param>
/// <param name="SlopePerSession">The least-squares line's change of score per session (four decimals); null with fewer than two scores.</param>
public sealed record ScoreTrend(int Window, IReadOnlyList<double?> MovingAverage, double? SlopePerSession);
