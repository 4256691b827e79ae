using Lifecycle.Activities.Configuration;
using LibGit2Sharp;

namespace Lifecycle.Activities.Reality;

/// <summary>No conflicted paths in the index and no merge, rebase, cherry-pick or revert in progress.</summary>
internal sealed class NoMergeConflictsAgent(double weight) : IRealityAgent
{
    private const int MaxPathsShown = 10;

    public string Name => BuiltinChecksConfig.NoMergeConflictsName;

    public double Weight => weight;

    public Task<AgentVerdict> CheckAsync(string repositoryRoot, CancellationToken cancellationToken) =>
        Task.Run(() => Check(repositoryRoot), cancellationToken);

    private static AgentVerdict Check(string repositoryRoot)
    {
        if (!Repository.IsValid(repositoryRoot))
        {
            return AgentVerdict.Broken($"'{repositoryRoot}' is not a git repository, so its merge state is unknown.");
        }

        try
        {
            using var repository = new Repository(repositoryRoot);
            // The index file's bytes answer the common case (no conflict) without loading it; when they
            // cannot, or there are conflicts to list, libgit2 reads it.
            List<string> paths = NoConflictsInIndexFile(repository) || repository.Index.IsFullyMerged
                ? []
                : repository.Index.Conflicts
                    .Select(c => (c.Ours ?? c.Theirs ?? c.Ancestor).Path)
                    .Distinct(StringComparer.Ordinal)
                    .Order(StringComparer.Ordinal)
                    .ToList();
            var operation = repository.Info.CurrentOperation;
            var inProgress = operation is not (CurrentOperation.None or CurrentOperation.Bisect);
            if (paths.Count == 0 && !inProgress)
            {
                return AgentVerdict.Healthy;
            }

            var parts = new List<string>();
            if (paths.Count > 0)
            {
                var shown = string.Join(", ", paths.Take(MaxPathsShown));
                var more = paths.Count > MaxPathsShown ? $" and {paths.Count - MaxPathsShown} more" : "";
                parts.Add($"{paths.Count} conflicted path{(paths.Count == 1 ? "" : "s")}: {shown}{more}");
            }

            if (inProgress)
            {
                parts.Add($"{Describe(operation)} in progress");
            }

            return AgentVerdict.Broken($"{string.Join("; ", parts)}. Resolve and commit, or abort it (e.g. 'git merge --abort').");
        }
        catch (LibGit2SharpException ex)
        {
            return AgentVerdict.Broken($"git cannot read the index: {ex.Message.Trim()}");
        }
    }

    private static bool NoConflictsInIndexFile(Repository repository)
    {
        try
        {
            return IndexStages.HasConflicts(File.ReadAllBytes(Path.Combine(repository.Info.Path, "index"))) == false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string Describe(CurrentOperation operation) => operation switch
    {
        CurrentOperation.Merge => "a merge (MERGE_HEAD)",
        CurrentOperation.Rebase or CurrentOperation.RebaseInteractive or CurrentOperation.RebaseMerge => "a rebase",
        CurrentOperation.ApplyMailbox or CurrentOperation.ApplyMailboxOrRebase => "a 'git am'",
        CurrentOperation.CherryPick or CurrentOperation.CherryPickSequence => "a cherry-pick",
        CurrentOperation.Revert or CurrentOperation.RevertSequence => "a revert",
        _ => $"a git operation ({operation})",
    };
}
