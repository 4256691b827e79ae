namespace Lifecycle.Server.Dashboard.Workflows;

/// <summary>What happened to a line between two texts.</summary>
public enum DiffKind
{
    Same,
    Removed,
    Added,
}
