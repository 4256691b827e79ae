using System.Text.RegularExpressions;

namespace Lifecycle.Activities.Tracking;

/// <summary>
/// One line of <c>.lifecycle/events.spool</c> as a hook wrote it (<see cref="Setup.HookScript"/>):
/// <c>v1 HOOK CLOCK HEAD SHA [ARG...]</c>, fields separated by one space.
/// </summary>
/// <param name="Hook">post-commit, post-checkout or post-merge.</param>
/// <param name="Clock">When: <c>BOOT-ID+UPTIME</c> (the boot clock) or <c>@UNIX-SECONDS</c>; see <see cref="SpoolClock"/>.</param>
/// <param name="Branch">The branch HEAD was on (without <c>refs/heads/</c>); during a rebase, the branch being rebased; null when detached.</param>
/// <param name="Rebase">True when a rebase was in progress.</param>
/// <param name="Sha">HEAD's commit after the event (post-commit, post-merge); null for post-checkout, whose arguments carry it.</param>
/// <param name="Arguments">The hook's arguments: PREVIOUS NEW FLAG for post-checkout, SQUASH for post-merge.</param>
internal sealed partial record SpoolLine(string Hook, string Clock, string? Branch, bool Rebase, string? Sha, IReadOnlyList<string> Arguments)
{
    /// <summary>The first field: the format's version, so a later format can be told apart.</summary>
    public const string Version = "v1";

    private const string RebasePrefix = "rebase:";
    private const string BranchPrefix = "refs/heads/";

    /// <summary>Reads a line (without its newline); null when it is not one a hook writes.</summary>
    public static SpoolLine? Parse(string line)
    {
        var fields = line.Split(' ');
        if (fields.Length < 5 || fields[0] != Version || !ClockPattern().IsMatch(fields[2]) || fields.Skip(5).Any(a => a.Length == 0))
        {
            return null;
        }

        var hook = fields[1];
        var arguments = fields[5..];
        var argumentsFit = hook switch
        {
            "post-commit" => arguments.Length == 0,
            "post-checkout" => arguments.Length == 3,
            "post-merge" => arguments.Length == 1,
            _ => false,
        };
        var sha = fields[4] == "-" ? null : fields[4];
        if (!argumentsFit || (sha is not null && !ShaPattern().IsMatch(sha)))
        {
            return null;
        }

        var head = fields[3];
        var rebase = head.StartsWith(RebasePrefix, StringComparison.Ordinal);
        var reference = rebase ? head[RebasePrefix.Length..] : head;
        if (reference == "-" ? rebase : !reference.StartsWith("refs/", StringComparison.Ordinal))
        {
            return null;
        }

        var branch = reference == "-" ? null
            : reference.StartsWith(BranchPrefix, StringComparison.Ordinal) ? reference[BranchPrefix.Length..]
            : reference;
        return new SpoolLine(hook, fields[2], branch, rebase, sha, arguments);
    }

    [GeneratedRegex(@"^(@\d+|[0-9a-fA-F-]{8,64}\+\d+(\.\d+)?)$")]
    private static partial Regex ClockPattern();

    [GeneratedRegex("^([0-9a-f]{40}|[0-9a-f]{64})$")]
    private static partial Regex ShaPattern();
}
