using Lifecycle.Activities.Metrics;

namespace Lifecycle.Activities.Handoff;

/// <summary>The uncommitted work put away at close, restored by name when the next session starts.</summary>
/// <param name="Name">The stash's name, e.g. <c>lifecycle session 00004</c>.</param>
/// <param name="Files">Every file put away, with its line counts against HEAD and its kind of change.</param>
/// <param name="Skipped">Paths left in place: changed submodules and nested repositories (a stash cannot hold them), and files written while the session closed (the stash holds the version read).</param>
public sealed record StashedWork(string Name, IReadOnlyList<FileChange> Files, IReadOnlyList<string> Skipped)
{
    /// <summary>Added plus deleted lines over every file put away.</summary>
    public int LinesChanged => Files.Sum(file => file.ChangedLines);

    /// <summary>
    /// The files of <see cref="Files"/> this session changed, when its start restored earlier work:
    /// a file put away again as it was restored is not listed, and one changed since counts the
    /// lines changed since. Null when nothing was restored (then all of <see cref="Files"/> is the
    /// session's), and in records written before it existed.
    /// </summary>
    public IReadOnlyList<FileChange>? ThisSession { get; init; }

    /// <summary>The session's own share of the work put away: <see cref="ThisSession"/>, or every file when that is null.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<FileChange> SessionChanges => ThisSession ?? Files;
}
