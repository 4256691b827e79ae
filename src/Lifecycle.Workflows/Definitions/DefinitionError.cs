namespace Lifecycle.Workflows.Definitions;

/// <summary>One problem in a definition: where it is (a JSONPath) and what to do about it.</summary>
/// <param name="Path">JSONPath of the offending value, e.g. <c>$.root.activities[2].type</c>.</param>
/// <param name="Message">One sentence that quotes the value and suggests the fix.</param>
public sealed record DefinitionError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
