namespace Lifecycle.Server.Dashboard.Workflows;

/// <summary>One line of a <see cref="LineDiff"/>.</summary>
/// <param name="Kind">Kept, removed (left only) or added (right only).</param>
/// <param name="Text">The line without its line break.</param>
/// <param name="LeftNumber">Its number on the left, from 1; null for an added line.</param>
/// <param name="RightNumber">Its number on the right, from 1; null for a removed line.</param>
public sealed record DiffLine(DiffKind Kind, string Text, int? LeftNumber, int? RightNumber);
