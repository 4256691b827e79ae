namespace Lifecycle.Workflows.Activities;

/// <summary>Marks a property of an activity as an input written in the definition.</summary>
/// <remarks>
/// The property type decides how the definition's value is read: <see cref="Input{T}"/> takes a
/// JSON literal or a <c>{"js": "..."}</c> expression; <see cref="Activity"/> and
/// <c>IReadOnlyList&lt;Activity&gt;</c> take child activities; a list of a plain class with
/// input properties (such as a switch case) takes an array of objects.
/// </remarks>
[AttributeUsage(AttributeTargets.Property)]
public sealed class InputAttribute(string description) : Attribute
{
    public string Description { get; } = description;

    public bool Required { get; init; }
}
