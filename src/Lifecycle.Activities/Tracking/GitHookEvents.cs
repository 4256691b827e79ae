using System.Text.Json.Nodes;
using Lifecycle.Activities.Sessions;
using LibGit2Sharp;

namespace Lifecycle.Activities.Tracking;

/// <summary>
/// What a git hook call means as a session event, in one place for the spooled hooks and for the
/// <c>lifecycle event --hook</c> calls of hooks installed by earlier versions.
/// </summary>
public static class GitHookEvents
{
    /// <summary>
    /// For a hook that calls <c>lifecycle event</c> itself (installed before the spool): fills
    /// <paramref name="details"/> from the hook's arguments and the repository as it is now;
    /// false when the call is not worth recording (a file checkout).
    /// </summary>
    /// <param name="eventName">The event the hook records.</param>
    /// <param name="hook">The hook's name; null when no hook calls.</param>
    /// <param name="arguments">The hook's arguments.</param>
    /// <param name="details">The event's details so far; a <c>sha</c> given is kept.</param>
    /// <param name="repository">A folder in the repository.</param>
    public static bool Apply(string eventName, string? hook, IReadOnlyList<string> arguments, JsonObject details, string repository)
    {
        if (hook == "post-checkout")
        {
            if (!IsBranchCheckout(arguments))
            {
                return false;
            }

            details["from"] = arguments[0];
            details["to"] = arguments[1];
        }

        if (hook is not null)
        {
            details["hook"] = hook;
        }

        if (eventName is SessionEventTypes.GitCommit or SessionEventTypes.BranchSwitched && Repository.Discover(repository) is { } gitDirectory)
        {
            using var git = new Repository(gitDirectory);
            if (eventName == SessionEventTypes.GitCommit && !details.ContainsKey("sha") && git.Head.Tip is { } tip)
            {
                AddCommit(details, tip.Sha, git);
            }

            if (!git.Info.IsHeadDetached)
            {
                details["branch"] = git.Head.FriendlyName;
            }
        }

        return true;
    }

    /// <summary>The event a spooled line records; null when it records none (a rebase's checkout of its base).</summary>
    /// <param name="line">The line.</param>
    /// <param name="git">The repository, to read commit subjects; null when it cannot be opened.</param>
    internal static (string Type, JsonObject Details)? Describe(SpoolLine line, IRepository? git)
    {
        var details = new JsonObject { ["hook"] = line.Hook };
        string type;
        switch (line.Hook)
        {
            case "post-checkout":
                // A rebase starts by checking out its base: git's own step, not the user switching branches.
                if (!IsBranchCheckout(line.Arguments) || line.Rebase)
                {
                    return null;
                }

                type = SessionEventTypes.BranchSwitched;
                details["from"] = line.Arguments[0];
                details["to"] = line.Arguments[1];
                break;
            case "post-merge":
                type = SessionEventTypes.GitCommit;
                AddCommit(details, line.Sha, git);
                details["squash"] = line.Arguments[0] == "1";
                break;
            default:
                type = SessionEventTypes.GitCommit;
                AddCommit(details, line.Sha, git);
                break;
        }

        if (line.Branch is { } branch)
        {
            details["branch"] = branch;
        }

        if (line.Rebase)
        {
            details["rebase"] = true;
        }

        return (type, details);
    }

    // post-checkout PREVIOUS NEW FLAG: flag 1 is a branch checkout, 0 a file checkout.
    private static bool IsBranchCheckout(IReadOnlyList<string> arguments) => arguments.Count >= 3 && arguments[2] == "1";

    private static void AddCommit(JsonObject details, string? sha, IRepository? git)
    {
        if (sha is null)
        {
            return;
        }

        details["sha"] = sha;
        if (git?.Lookup<Commit>(sha) is { } commit)
        {
            details["message"] ??= commit.MessageShort;
        }
    }
}
