namespace Lifecycle.Workflows.Activities;

/// <summary>Marks a class as an activity type usable in definitions.</summary>
/// <param name="category">Groups activities in the schema and listings, e.g. "Control".</param>
/// <param name="description">One sentence on what the activity does.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string category, string description) : Attribute
{
    public string Category { get; } = category;

    public string Description { get; } = description;

    /// <summary>The type name in definitions; the class name when not set.</summary>
    public string? Type { get; init; }

    /// <summary>Names of the outputs the activity sets, visible as <c>outputs.&lt;id&gt;.&lt;name&gt;</c>.</summary>
    public string[] Outputs { get; init; } = [];
}
