namespace Lifecycle.Server.Dashboard.Workflows;

/// <summary>An arrow from one activity to the next it runs (the bottom of one box to the top of the next).</summary>
public sealed record StructureArrow(double X1, double Y1, double X2, double Y2);
