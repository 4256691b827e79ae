using System.Text.RegularExpressions;
using Lifecycle.Activities.Handoff;
using LibGit2Sharp;

namespace Lifecycle.Server.Collaboration;

/// <summary>
/// The handoffs committed on every ref of a repository: each local branch and each remote-tracking
/// branch (what <c>git fetch</c> brought from the other clones) is read for the newest
/// <c>SESSION-NNNNN-HANDOFF.json</c> in its docs folder, as the close committed it there.
/// </summary>
/// <remarks>
/// Only committed trees are read, never the work tree, so nothing another command is writing is
/// seen half-written. A handoff that does not read (a conflict, a newer shape) is passed over for
/// the next older one on that ref. The same handoff on several refs (a branch and its upstream) is
/// one session with several refs.
/// </remarks>
public static partial class CommittedHandoffs
{
    /// <summary>How many handoffs of one ref are tried, newest first, before the ref is given up.</summary>
    private const int TriedPerRef = 5;

    /// <summary>The newest readable handoff of each ref, one entry per distinct session, newest end first.</summary>
    public static IReadOnlyList<RefSession> OnAllRefs(string repositoryRoot, string? docsFolder)
    {
        var folder = (string.IsNullOrWhiteSpace(docsFolder) ? SessionDocs.DefaultFolder : docsFolder).Replace('\\', '/').Trim('/');
        var found = new Dictionary<string, (List<string> Refs, Handoff Handoff)>(StringComparer.Ordinal);
        using var repo = new Repository(repositoryRoot);
        foreach (var branch in repo.Branches.Where(b => !b.IsRemote || !b.CanonicalName.EndsWith("/HEAD", StringComparison.Ordinal)))
        {
            if (branch.Tip is not { } tip || NewestHandoff(tip, folder) is not { } handoff)
            {
                continue;
            }

            var key = $"{handoff.SessionId}|{handoff.StartTime:O}|{handoff.RanBy?.Who}";
            if (!found.TryGetValue(key, out var entry))
            {
                found[key] = entry = ([], handoff);
            }

            entry.Refs.Add(branch.CanonicalName);
        }

        return [.. found.Values.Select(v => new RefSession(v.Refs, v.Handoff)).OrderByDescending(s => s.Handoff.EndTime)];
    }

    private static Handoff? NewestHandoff(Commit tip, string folder)
    {
        if (tip[folder]?.Target is not Tree docs)
        {
            return null;
        }

        var files = docs.Where(e => e.TargetType == TreeEntryTargetType.Blob && HandoffFileName().IsMatch(e.Name))
            .OrderByDescending(e => e.Name, StringComparer.Ordinal)
            .Take(TriedPerRef);
        foreach (var file in files)
        {
            try
            {
                return HandoffJson.Parse(((Blob)file.Target).GetContentText());
            }
            catch (Exception)
            {
                // Deliberately broad, as CommittedHandoff does: a document that does not read is passed over.
            }
        }

        return null;
    }

    [GeneratedRegex(@"^SESSION-\d{5}-HANDOFF\.json$")]
    private static partial Regex HandoffFileName();
}
