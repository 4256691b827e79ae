using LibGit2Sharp;
using Lifecycle.Activities.Metrics;

namespace Lifecycle.Activities.Git;

/// <summary>The kind of change of a path between two versions, as git names it.</summary>
internal static class ChangeKinds
{
    /// <summary>
    /// Added or deleted when one side is missing; renamed when git paired it with another path;
    /// a type change when a file became a link or a submodule (or back); a mode change when only
    /// the mode differs; modified otherwise.
    /// </summary>
    /// <param name="renamed">True when rename detection paired the path with the one it came from.</param>
    /// <param name="oldId">The blob before; null when the path did not exist.</param>
    /// <param name="oldMode">The mode before.</param>
    /// <param name="newId">The blob after; null when the path does not exist any more.</param>
    /// <param name="newMode">The mode after.</param>
    public static FileChangeKind Of(bool renamed, ObjectId? oldId, Mode oldMode, ObjectId? newId, Mode newMode) =>
        oldId is null ? FileChangeKind.Added
        : newId is null ? FileChangeKind.Deleted
        : renamed ? FileChangeKind.Renamed
        : TypeOf(oldMode) != TypeOf(newMode) ? FileChangeKind.TypeChange
        : oldId == newId && oldMode != newMode ? FileChangeKind.Mode
        : FileChangeKind.Modified;

    /// <summary>The kind of a change in a diff of two trees.</summary>
    public static FileChangeKind Of(PatchEntryChanges change) => change.Status switch
    {
        ChangeKind.Copied => FileChangeKind.Added,
        _ => Of(change.Status == ChangeKind.Renamed, change.OldMode == Mode.Nonexistent ? null : change.OldOid, change.OldMode, change.Mode == Mode.Nonexistent ? null : change.Oid, change.Mode),
    };

    /// <summary>
    /// The kind of a change put away uncommitted: untracked for a new file never added; a rename,
    /// a deletion, a type or a mode change as such; otherwise staged (an added file is always
    /// staged) or modified in the work tree only.
    /// </summary>
    /// <param name="kind">The kind against HEAD (<see cref="Of(bool, ObjectId?, Mode, ObjectId?, Mode)"/>).</param>
    /// <param name="staged">True when the change is staged, in part or whole.</param>
    /// <param name="untracked">True for an untracked file.</param>
    public static FileChangeKind PutAway(FileChangeKind kind, bool staged, bool untracked) =>
        untracked ? FileChangeKind.Untracked
        : kind is FileChangeKind.Added || (kind is FileChangeKind.Modified && staged) ? FileChangeKind.Staged
        : kind;

    /// <summary>The path a change was renamed or copied from; null for any other change.</summary>
    public static string? FromOf(PatchEntryChanges change) =>
        change.Status is ChangeKind.Renamed or ChangeKind.Copied ? change.OldPath : null;

    // A file, executable or not, is one type; a link and a submodule are others.
    private static int TypeOf(Mode mode) => mode switch
    {
        Mode.SymbolicLink => 1,
        Mode.GitLink => 2,
        _ => 0,
    };
}
