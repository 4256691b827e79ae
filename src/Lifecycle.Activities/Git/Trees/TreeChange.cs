using LibGit2Sharp;

namespace Lifecycle.Activities.Git.Trees;

/// <summary>
/// A path (file, link or submodule) whose entry differs between two trees, as
/// <c>git diff --no-renames</c> lists it: what it was and what it is, null on the side without it.
/// </summary>
internal sealed record TreeChange(string Path, ObjectId? OldId, Mode OldMode, ObjectId? NewId, Mode NewMode)
{
    public bool OldExists => OldId is not null;

    public bool Exists => NewId is not null;
}
