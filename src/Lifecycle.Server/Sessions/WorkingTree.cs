using Lifecycle.Activities;
using LibGit2Sharp;

namespace Lifecycle.Server.Sessions;

/// <summary>Sessions stash, restore and commit, so every session use case needs a git working tree.</summary>
public static class WorkingTree
{
    /// <summary>Refuses, creating nothing, when <paramref name="root"/> is not the top of a git working tree.</summary>
    /// <exception cref="SessionException">Not a working tree: a bare repository, or no repository (<see cref="ErrorKind.InvalidInput"/>).</exception>
    public static void Require(string root)
    {
        var dotGit = Path.Combine(root, ".git");
        if (Directory.Exists(dotGit) || File.Exists(dotGit))
        {
            return;
        }

        if (IsBare(root))
        {
            throw new SessionException(
                $"'{root}' is a bare git repository: it has no working tree for a session to work in. Clone it ('git clone {root} work') and run lifecycle in the clone.",
                ErrorKind.InvalidInput);
        }

        throw new SessionException(
            $"'{root}' is not a git repository, and sessions work on one. Run 'git init' there, or pass --repo with a repository's folder.",
            ErrorKind.InvalidInput);
    }

    private static bool IsBare(string root)
    {
        try
        {
            if (!Repository.IsValid(root))
            {
                return false;
            }

            using var repository = new Repository(root);
            return repository.Info.IsBare;
        }
        catch (LibGit2SharpException)
        {
            return false;
        }
    }
}
