namespace Lifecycle.Activities.Git;

/// <summary>The bits git keeps on an index entry besides its content, which trees do not hold.</summary>
[Flags]
internal enum IndexEntryFlags
{
    None = 0,

    /// <summary><c>git update-index --assume-unchanged</c>: git does not look at the file.</summary>
    AssumeUnchanged = 1,

    /// <summary><c>git update-index --skip-worktree</c> (sparse checkouts): git takes the file as the index has it, present or not.</summary>
    SkipWorktree = 2,

    /// <summary><c>git add -N</c>: the path is tracked, its content not staged yet.</summary>
    IntentToAdd = 4,
}
