using System.Text.Json.Nodes;
using Lifecycle.Workflows.Expressions;

namespace Lifecycle.Workflows.Activities;

/// <summary>The non-generic face of <see cref="Input{T}"/>, for the registry and the journal.</summary>
public interface IInput
{
    string Path { get; }

    string Name { get; }

    JsonNode? Literal { get; }

    Expression? Expression { get; }
}
