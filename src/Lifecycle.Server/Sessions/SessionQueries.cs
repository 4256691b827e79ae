using LibGit2Sharp;
using Lifecycle.Activities;
using Lifecycle.Activities.Documents;
using Lifecycle.Activities.Git;
using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Sessions;

namespace Lifecycle.Server.Sessions;

/// <summary>The read-only use cases: status, the list of sessions, one session (and the documents the reports read).</summary>
public sealed class SessionQueries(ISessionStore sessions, SessionStoreAccess access, RepositoryContext repository, TimeProvider clock, Timing.SessionReminders reminders)
{
    public async Task<SessionStatus> StatusAsync(CancellationToken cancellationToken)
    {
        var session = await access.LatestAsync(cancellationToken);
        var events = await sessions.GetEventsAsync(session.SessionId, cancellationToken);
        string? branch = null, head = null;
        DateTimeOffset? last = null;
        IReadOnlyList<string>? uncommitted = null;
        try
        {
            using var git = GitWorkspace.Open(repository.Root, readOnly: true);
            branch = git.CurrentBranch;
            head = git.HeadSha;
            if (session.State == SessionState.Active)
            {
                uncommitted = Measure(session, git);
            }
        }
        catch (SessionException)
        {
            // A repository git cannot read now: the recorded counts stand.
        }

        if (session.State == SessionState.Active)
        {
            // git status once per command: on a large tree it is most of the command.
            last = await LastActivity.OfAsync(session, sessions, repository.Root, cancellationToken, events, uncommitted);
        }

        return new SessionStatus(session, events.Count, events.Count(e => e.Type == SessionEventTypes.GitCommit),
            [.. events.Where(e => e.Type == SessionEventTypes.ErrorOccurred)], last, branch, head, reminders.Of(session, events, last));
    }

    /// <summary>Every session, oldest first; empty when none ever started (creates nothing).</summary>
    public async Task<IReadOnlyList<SessionContext>> ListAsync(CancellationToken cancellationToken) =>
        await access.LatestOrNullAsync(cancellationToken) is null ? [] : await sessions.ListAsync(cancellationToken);

    /// <summary>The largest page a listing returns.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>A page of the sessions, oldest first, with how many there are.</summary>
    public async Task<Page<SessionContext>> ListPageAsync(int offset, int limit, CancellationToken cancellationToken)
    {
        CheckPage(offset, limit);
        var all = await ListAsync(cancellationToken);
        return new Page<SessionContext>(all.Count, offset, limit, [.. all.Skip(offset).Take(limit)]);
    }

    /// <summary>
    /// Every session that passes <paramref name="filter"/>'s dates, branch and state (its score is
    /// <see cref="SessionSearch"/>'s), in its order, after checking the page asked for.
    /// </summary>
    internal async Task<IReadOnlyList<SessionContext>> FilterAsync(SessionFilter filter, int offset, int limit, CancellationToken cancellationToken)
    {
        CheckPage(offset, limit);
        if (filter is { Since: { } since, Until: { } until } && until < since)
        {
            throw new SessionException($"'until' ({until:yyyy-MM-dd}) is before 'since' ({since:yyyy-MM-dd}); give a range that ends after it starts.", ErrorKind.InvalidInput);
        }

        if (filter.MinScore is { } score && score is < 0 or > 1)
        {
            throw new SessionException($"The minimum score must be from 0 to 100; got {score * 100:0.#}.", ErrorKind.InvalidInput);
        }

        var matching = (await ListAsync(cancellationToken)).Where(session => filter.Matches(session, clock.LocalTimeZone));
        return (filter.NewestFirst ? matching.Reverse() : matching).ToList();
    }

    /// <summary>A page of a session's events, filtered by type and time, with how many match.</summary>
    public async Task<Page<SessionEvent>> EventsAsync(string id, string? type, DateTimeOffset? since, DateTimeOffset? until, int offset, int limit, CancellationToken cancellationToken)
    {
        CheckPage(offset, limit);
        if (since is { } from && until is { } to && to < from)
        {
            throw new SessionException($"'until' ({to:O}) is before 'since' ({from:O}); give a range that ends after it starts.", ErrorKind.InvalidInput);
        }

        var session = await access.GetAsync(id, cancellationToken);
        return await sessions.QueryEventsAsync(new SessionEventQuery(session.SessionId, type, since, until, offset, limit), cancellationToken);
    }

    private static void CheckPage(int offset, int limit)
    {
        if (offset < 0 || limit is < 1 or > MaxPageSize)
        {
            throw new SessionException($"offset must be 0 or more and limit 1 to {MaxPageSize}; got offset {offset}, limit {limit}.", ErrorKind.InvalidInput);
        }
    }

    public async Task<SessionDetails> ShowAsync(string id, CancellationToken cancellationToken)
    {
        var session = await access.GetAsync(id, cancellationToken);
        var events = await sessions.GetEventsAsync(session.SessionId, cancellationToken);
        Handoff? handoff = null;
        if (session.State == SessionState.Dormant && session.EndTime is not null && FindDocument(session.SessionId, "json") is { } found)
        {
            try
            {
                handoff = HandoffJson.Parse(found.Text);
            }
            catch (Exception error) when (error is System.Text.Json.JsonException or SessionException or InvalidOperationException)
            {
                // A handoff that no longer reads (a merge conflict in it): the session's own record stands.
            }
        }
        else if (session.State == SessionState.Active)
        {
            using var git = GitWorkspace.Open(repository.Root, readOnly: true);
            _ = Measure(session, git);
        }

        return new SessionDetails(session, handoff, events);
    }

    /// <summary>A session's log (<c>SESSION-NNNNN-LOG.md</c>) as written so far, from the work tree or the branch that holds it; null when it has none.</summary>
    public async Task<ReportDocument?> LogAsync(string id, CancellationToken cancellationToken)
    {
        var session = await access.GetAsync(id, cancellationToken);
        return FindDocument(session.SessionId, "log");
    }

    /// <summary>The last closed session's id; a NotFound error before the first close.</summary>
    internal async Task<string> LastClosedAsync(CancellationToken cancellationToken)
    {
        await access.LatestAsync(cancellationToken);
        var closed = (await sessions.ListAsync(cancellationToken)).LastOrDefault(s => s.State == SessionState.Dormant && s.EndTime is not null);
        return closed?.SessionId ?? throw new SessionException("No session has ended yet; end one with 'lifecycle end'.", ErrorKind.NotFound);
    }

    /// <summary>
    /// A session's committed document (<paramref name="format"/> md: its report, json: its handoff):
    /// the one in the work tree, else at HEAD, else at the tip of the first local branch that
    /// holds it (a session whose docs were committed on a branch that is not checked out now).
    /// </summary>
    internal ReportDocument? FindDocument(string sessionId, string format)
    {
        var relative = Relative(sessionId, format);
        var full = Path.Combine(repository.Root, relative);
        if (File.Exists(full))
        {
            return new ReportDocument(sessionId, format, File.ReadAllText(full), "work tree");
        }

        using var git = new Repository(Repository.Discover(repository.Root));
        var gitPath = relative.Replace('\\', '/');
        foreach (var branch in git.Branches.Where(b => !b.IsRemote).OrderByDescending(b => b.IsCurrentRepositoryHead))
        {
            if (branch.Tip?[gitPath]?.Target is Blob blob)
            {
                return new ReportDocument(sessionId, format, blob.GetContentText(), $"branch {branch.FriendlyName}");
            }
        }

        return null;
    }

    private string Relative(string sessionId, string format)
    {
        var docs = SessionDocs.For(repository.Config.DocsFolder, sessionId);
        return format switch { "md" => docs.Report, "log" => docs.Log, _ => docs.HandoffJson };
    }

    /// <summary>Live counts of an ACTIVE session: its commits so far, the files and lines they changed, what is uncommitted now (returned, all of it).</summary>
    private IReadOnlyList<string> Measure(SessionContext session, GitWorkspace git)
    {
        var commits = session.StartSha is null ? [] : git.History.CommitsSince(session.StartSha);

        // The session's own documents are committed by its close, not work of the session.
        var documents = SessionDocs.For(repository.Config.DocsFolder, session.SessionId).All.ToHashSet(StringComparer.Ordinal);
        var all = git.Status.UncommittedFiles();
        var uncommitted = all.Where(path => !documents.Contains(path)).ToList();
        session.Commits = commits.Count;
        session.LinesChanged = commits.SelectMany(c => c.Files).Sum(f => f.Added + f.Deleted);

        // Work the start restored and the session has not touched yet is not the session's (as the close counts it).
        var touched = session.RestoredStash is { } restored ? git.Stashes.TouchedSinceRestore(restored, uncommitted) : uncommitted;
        session.FilesModified = commits.SelectMany(c => c.Files).Select(f => f.Path).Concat(touched).Distinct(StringComparer.Ordinal).Count();
        session.UncommittedFiles = [.. uncommitted];
        return all;
    }
}
