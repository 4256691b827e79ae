namespace Lifecycle.Workflows.Activities;

/// <summary>Load-time checks activities share in their <see cref="Activity.Validate"/>.</summary>
public static class LiteralChecks
{
    /// <summary>A name written as a literal (a variable, an output, an event) must not be empty.</summary>
    public static IEnumerable<(string Path, string Message)> Name(Input<string>? input)
    {
        if (input is { Expression: null } literal && string.IsNullOrWhiteSpace(literal.Value))
        {
            yield return (literal.Path, $"'{literal.Name}' must be a non-empty name; found {literal.Literal?.ToJsonString() ?? "null"}.");
        }
    }
}
