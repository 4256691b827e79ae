using Lifecycle.Workflows.Definitions;

namespace Lifecycle.Workflows.Runtime;

/// <summary>Where the runtime finds published definitions (for sub-workflows and reloading instances).</summary>
public interface IDefinitionSource
{
    /// <summary>The latest published version of <paramref name="id"/>, or null.</summary>
    ValueTask<WorkflowDefinition?> GetLatestAsync(string id, CancellationToken cancellationToken);

    /// <summary>One exact version, or null.</summary>
    ValueTask<WorkflowDefinition?> GetAsync(string id, int version, CancellationToken cancellationToken);
}
