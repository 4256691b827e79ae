namespace Lifecycle.Activities.Git;

/// <summary>How <see cref="Stashing.StashRestorer.Restore"/> ended.</summary>
public enum RestoreStatus
{
    /// <summary>The stash was applied, index included, and dropped.</summary>
    Restored,

    /// <summary>No stash carries the session's name.</summary>
    NothingToRestore,

    /// <summary>The stash would overwrite local or upstream changes; nothing was touched and the stash is kept.</summary>
    Conflict,

    /// <summary>
    /// Restored except paths written while the restore ran (an editor's save): those keep the newer
    /// edit, and the stash is kept, so both versions exist.
    /// </summary>
    Partial,
}
