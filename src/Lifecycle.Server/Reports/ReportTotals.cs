namespace Lifecycle.Server.Reports;

/// <summary>The sessions of a report added up.</summary>
public sealed record ReportTotals(int Sessions, double Hours, double ActiveHours, double IdleHours, int Commits, int LinesChanged, int TasksCompleted, double? MeanScore);
