using System.Text.Json.Nodes;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Workflows.Definitions;

/// <summary>
/// A validated, loaded workflow: the tree of activities and what surrounds it. Immutable and shared
/// by every run of that version. Read one with <see cref="DefinitionReader"/>.
/// </summary>
public sealed class WorkflowDefinition
{
    internal WorkflowDefinition(
        string id,
        string name,
        string? description,
        IReadOnlyDictionary<string, WorkflowInputDefinition> inputs,
        JsonObject variables,
        IReadOnlyList<TriggerDefinition> triggers,
        PersistenceMode persistence,
        Activity root,
        IReadOnlyDictionary<string, Activity> byPath,
        string source,
        string contentHash)
    {
        Id = id;
        Name = name;
        Description = description;
        Inputs = inputs;
        Variables = variables;
        Triggers = triggers;
        Persistence = persistence;
        Root = root;
        ByPath = byPath;
        Source = source;
        ContentHash = contentHash;
    }

    public string Id { get; }

    public string Name { get; }

    public string? Description { get; }

    /// <summary>The version in the store; 0 for a definition read from a file and not yet published.</summary>
    public int Version { get; internal set; }

    public IReadOnlyDictionary<string, WorkflowInputDefinition> Inputs { get; }

    /// <summary>Variables and their initial values.</summary>
    public JsonObject Variables { get; }

    public IReadOnlyList<TriggerDefinition> Triggers { get; }

    public PersistenceMode Persistence { get; }

    public Activity Root { get; }

    /// <summary>The JSON text the definition was read from.</summary>
    public string Source { get; }

    /// <summary>SHA-256 of the definition's content without formatting; publishing compares it.</summary>
    public string ContentHash { get; }

    /// <summary>Every activity of the tree by its JSONPath.</summary>
    public IReadOnlyDictionary<string, Activity> ByPath { get; }

    /// <summary>Every activity of the tree, depth first.</summary>
    public IEnumerable<Activity> Activities => ByPath.Values;
}
