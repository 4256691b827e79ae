using System.Text.Json.Nodes;
using Lifecycle.Workflows.Expressions;

namespace Lifecycle.Workflows.Activities;

/// <summary>
/// An activity input as written in a definition: a JSON literal, read once when the definition is
/// loaded, or a JavaScript expression, evaluated each time the activity reads it.
/// </summary>
/// <typeparam name="T">The type the activity works with; literals are checked against it on load.</typeparam>
public sealed class Input<T> : IInput
{
    internal Input(string path, JsonNode? literal, T value)
    {
        Path = path;
        Literal = literal;
        Value = value;
    }

    internal Input(string path, Expression expression)
    {
        Path = path;
        Expression = expression;
        Value = default!;
    }

    /// <summary>The JSONPath of this input in its definition.</summary>
    public string Path { get; }

    /// <summary>The input's name: the last segment of <see cref="Path"/>.</summary>
    public string Name => Path[(Path.LastIndexOf('.') + 1)..];

    /// <summary>The literal as written, when this input is not an expression.</summary>
    public JsonNode? Literal { get; }

    /// <summary>The expression, when this input is one.</summary>
    public Expression? Expression { get; }

    /// <summary>The literal's value, read when the definition was loaded; default when this input is an expression.</summary>
    /// <remarks>Activities read inputs with <see cref="ActivityContext.Get{T}(Input{T})"/>; this is for load-time checks.</remarks>
    public T Value { get; }

    /// <summary>Creates an input holding a literal value, for activities built in code.</summary>
    public static Input<T> Of(T value) =>
        new("$", System.Text.Json.JsonSerializer.SerializeToNode(value, WorkflowJson.Options), value);

    public override string ToString() => Expression is { } e ? $"{{js: {e.Source}}}" : Literal?.ToJsonString() ?? "null";
}
