using System.Text.Json.Nodes;
using LibGit2Sharp;

namespace Lifecycle.Server.Cli.Sessions;

/// <summary>Turns what a git hook passes into event details (and tells which calls record nothing).</summary>
internal static class HookDetails
{
    /// <summary>Fills <paramref name="details"/>; false when the call is not worth recording (a file checkout).</summary>
    public static bool Apply(string eventName, string? hook, string[] arguments, JsonObject details, string repository)
    {
        if (hook == "post-checkout")
        {
            // post-checkout PREVIOUS NEW FLAG: flag 1 is a branch checkout, 0 a file checkout.
            if (arguments.Length < 3 || arguments[2] != "1")
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

        if (eventName is "git_commit" or "branch_switched" && Repository.Discover(repository) is { } gitDirectory)
        {
            using var git = new Repository(gitDirectory);
            if (eventName == "git_commit" && !details.ContainsKey("sha") && git.Head.Tip is { } tip)
            {
                details["sha"] = tip.Sha;
                details["message"] ??= tip.MessageShort;
            }

            if (!git.Info.IsHeadDetached)
            {
                details["branch"] = git.Head.FriendlyName;
            }
        }

        return true;
    }
}
