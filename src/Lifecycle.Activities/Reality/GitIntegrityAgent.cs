using Lifecycle.Activities.Configuration;
using LibGit2Sharp;

namespace Lifecycle.Activities.Reality;

/// <summary>The repository opens and HEAD resolves to a commit whose tree loads; an unborn HEAD is healthy.</summary>
internal sealed class GitIntegrityAgent(double weight) : IRealityAgent
{
    public string Name => BuiltinChecksConfig.GitIntegrityName;

    public double Weight => weight;

    public Task<AgentVerdict> CheckAsync(string repositoryRoot, CancellationToken cancellationToken) =>
        Task.Run(() => Check(repositoryRoot), cancellationToken);

    private static AgentVerdict Check(string repositoryRoot)
    {
        if (!Repository.IsValid(repositoryRoot))
        {
            return AgentVerdict.Broken($"'{repositoryRoot}' is not a git repository; run 'git init' there or point Lifecycle at a repository root.");
        }

        try
        {
            using var repository = new Repository(repositoryRoot);
            if (repository.Info.IsHeadUnborn)
            {
                return new AgentVerdict(1, "HEAD is unborn (no commits yet).");
            }

            var tip = repository.Head.Tip;
            if (tip is null)
            {
                return AgentVerdict.Broken($"HEAD ({repository.Head.CanonicalName}) does not resolve to a commit; the branch or its commit object is missing.");
            }

            // Reading the entry count makes libgit2 load the tree object, which a corrupt store lacks.
            _ = tip.Tree.Count;
            return AgentVerdict.Healthy;
        }
        catch (LibGit2SharpException ex)
        {
            return AgentVerdict.Broken($"git cannot read the repository: {ex.Message.Trim()} Run 'git fsck' to see what is damaged.");
        }
    }
}
