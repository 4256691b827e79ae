using Lifecycle.Activities.Metrics;

namespace Lifecycle.Activities.Handoff;

/// <summary>The uncommitted work put away at close, restored by name when the next session starts.</summary>
/// <param name="Name">The stash's name, e.g. <c>lifecycle session 00004</c>.</param>
/// <param name="Files">Every file put away, with its line counts against HEAD.</param>
/// <param name="Skipped">Paths left in place: changed submodules and nested repositories (a stash cannot hold them), and files written while the session closed (the stash holds the version read).</param>
public sealed record StashedWork(string Name, IReadOnlyList<FileChange> Files, IReadOnlyList<string> Skipped)
{
    /// <summary>Added plus deleted lines over every file put away.</summary>
    public int LinesChanged => Files.Sum(file => file.ChangedLines);
}
