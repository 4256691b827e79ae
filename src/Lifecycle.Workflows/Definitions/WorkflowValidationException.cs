namespace Lifecycle.Workflows.Definitions;

/// <summary>A definition was rejected; <see cref="Errors"/> lists every problem found.</summary>
public sealed class WorkflowValidationException(string source, IReadOnlyList<DefinitionError> errors)
    : WorkflowException($"{source} is not a valid workflow ({errors.Count} problem{(errors.Count == 1 ? "" : "s")}): " +
                        string.Join("; ", errors.Select(e => e.ToString())))
{
    /// <summary>Where the definition came from (a file path, or a name for one not read from a file).</summary>
    public string DefinitionSource { get; } = source;

    public IReadOnlyList<DefinitionError> Errors { get; } = errors;
}
