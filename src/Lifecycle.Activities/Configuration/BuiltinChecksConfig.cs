using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Lifecycle.Activities.Configuration;

/// <summary>The <c>realityChecks.builtins</c> section: one switch and weight per built-in agent.</summary>
public sealed record BuiltinChecksConfig
{
    /// <summary>The name the git-integrity agent reports under.</summary>
    public const string GitIntegrityName = "git-integrity";

    /// <summary>The name the no-merge-conflicts agent reports under.</summary>
    public const string NoMergeConflictsName = "no-merge-conflicts";

    /// <summary>The name the disk-space agent reports under.</summary>
    public const string DiskSpaceName = "disk-space";

    /// <summary>The names of the built-in agents, which command agents may not take.</summary>
    public static IReadOnlyList<string> Names { get; } = [GitIntegrityName, NoMergeConflictsName, DiskSpaceName];

    /// <summary>The <c>git-integrity</c> agent: the repository opens and HEAD's commit and tree load.</summary>
    [Description("The git-integrity agent: the repository opens, and HEAD's commit and tree load.")]
    public BuiltinCheckConfig GitIntegrity { get; init; } = new();

    /// <summary>The <c>no-merge-conflicts</c> agent: no conflicted paths and no merge or rebase in progress.</summary>
    [Description("The no-merge-conflicts agent: no conflicted paths, and no merge or rebase in progress.")]
    public BuiltinCheckConfig NoMergeConflicts { get; init; } = new();

    /// <summary>The <c>disk-space</c> agent: free space on the repository's drive against the minimum.</summary>
    [Description("The disk-space agent: free space on the repository's drive against minimumFreeDiskMegabytes.")]
    public BuiltinCheckConfig DiskSpace { get; init; } = new();
}
