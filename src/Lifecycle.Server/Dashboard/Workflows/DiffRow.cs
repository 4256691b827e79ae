namespace Lifecycle.Server.Dashboard.Workflows;

/// <summary>One row of a side-by-side diff: the left line, the right line, or both when kept; a missing side is null.</summary>
public sealed record DiffRow(DiffLine? Left, DiffLine? Right);
