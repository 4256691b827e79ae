namespace Lifecycle.Server.Reports;

/// <summary>An hour of the day (local) whose sessions scored best on average.</summary>
/// <param name="Hour">0 to 23: the hour the sessions started in.</param>
/// <param name="MeanScore">Their mean score (three decimals).</param>
/// <param name="Sessions">How many scored sessions back it.</param>
public sealed record BestHour(int Hour, double MeanScore, int Sessions);
