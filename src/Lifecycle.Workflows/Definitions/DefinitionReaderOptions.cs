namespace Lifecycle.Workflows.Definitions;

/// <summary>What a <see cref="DefinitionReader"/> checks beyond the definition itself.</summary>
public sealed class DefinitionReaderOptions
{
    /// <summary>
    /// Answers whether a workflow id exists, for <c>RunWorkflow</c>. When null, any id is accepted
    /// (the check then happens when the activity runs).
    /// </summary>
    public Func<string, bool>? WorkflowExists { get; init; }

    /// <summary>Names the source in messages, e.g. the file path.</summary>
    public string SourceName { get; init; } = "definition";
}
