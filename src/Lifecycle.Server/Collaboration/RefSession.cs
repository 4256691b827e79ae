using Lifecycle.Activities.Handoff;

namespace Lifecycle.Server.Collaboration;

/// <summary>The newest session whose handoff is committed on some refs (a clone's branch, pushed or fetched).</summary>
/// <param name="Refs">The refs whose tip holds this handoff as their newest, e.g. <c>refs/remotes/origin/feature</c>, <c>refs/heads/main</c>.</param>
/// <param name="Handoff">The handoff as committed.</param>
public sealed record RefSession(IReadOnlyList<string> Refs, Handoff Handoff)
{
    /// <summary>The refs as people say them: <c>origin/feature</c>, <c>main</c>.</summary>
    public IReadOnlyList<string> RefNames => [.. Refs.Select(ShortName)];

    /// <summary>True when the session left work unfinished: work put away in a stash, or open tasks.</summary>
    public bool InFlight => Handoff.Stash is { Files.Count: > 0 } || Handoff.OpenItems.Count > 0;

    internal static string ShortName(string reference) =>
        reference.StartsWith("refs/heads/", StringComparison.Ordinal) ? reference["refs/heads/".Length..]
        : reference.StartsWith("refs/remotes/", StringComparison.Ordinal) ? reference["refs/remotes/".Length..]
        : reference;
}
