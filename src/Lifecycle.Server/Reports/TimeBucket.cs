namespace Lifecycle.Server.Reports;

/// <summary>Session time that fell in one weekday or hour of the day (local).</summary>
/// <param name="Index">0 to 6 (Monday first) or 0 to 23.</param>
/// <param name="Label">Mon … Sun, or 00 … 23.</param>
/// <param name="Minutes">Minutes of sessions (start to end) inside it.</param>
/// <param name="Sessions">Sessions that overlapped it.</param>
public sealed record TimeBucket(int Index, string Label, double Minutes, int Sessions);
