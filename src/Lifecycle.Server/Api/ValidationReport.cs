using Lifecycle.Workflows.Definitions;

namespace Lifecycle.Server.Api;

/// <summary>The body of <c>POST /api/workflows/validate</c>, as <c>lifecycle workflow validate --json</c> prints it.</summary>
/// <param name="Valid">True when there is no problem.</param>
/// <param name="Errors">Every problem, each with its JSONPath and message.</param>
public sealed record ValidationReport(bool Valid, IReadOnlyList<DefinitionError> Errors);
