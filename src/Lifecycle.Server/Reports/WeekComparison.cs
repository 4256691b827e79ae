namespace Lifecycle.Server.Reports;

/// <summary>The week of the report's last day against the week before it.</summary>
public sealed record WeekComparison(WeekFigures ThisWeek, WeekFigures LastWeek);
