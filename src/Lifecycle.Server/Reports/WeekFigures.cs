namespace Lifecycle.Server.Reports;

/// <summary>One week's sessions in figures.</summary>
/// <param name="Start">Its Monday (local date).</param>
/// <param name="Sessions">Sessions started in it.</param>
/// <param name="Hours">Their hours, start to end.</param>
/// <param name="Commits">Their commits.</param>
/// <param name="MeanScore">The mean of their scores; null when none was scored.</param>
public sealed record WeekFigures(DateOnly Start, int Sessions, double Hours, int Commits, double? MeanScore);
