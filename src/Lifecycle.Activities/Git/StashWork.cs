using System.Text.Json.Nodes;
using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Sessions;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Activities.Git;

/// <summary>Puts the session's uncommitted work away in a stash named after it, and records what went.</summary>
/// <remarks>
/// Skipped (or in manual mode, or with <c>stash</c> off in the configuration) it only records the
/// uncommitted files. Run again after a crash, a stash of this session with a clean tree is the
/// first run's work: it is recorded again, not stashed twice.
/// </remarks>
[Activity("Git", "Stashes uncommitted work (staged, unstaged, untracked) as 'lifecycle session <id>' and records it on the session; outputs 'stashed', 'files', 'name'.",
    Outputs = ["stashed", "files", "name"])]
public sealed class StashWork(ISessionStore sessions, RepositoryContext repository, StatusPrefetch prefetch, TimeProvider time)
    : GitSessionActivityBase(sessions, repository, time)
{
    [Input("True to leave uncommitted work in place (lifecycle end --no-stash).")]
    public Input<bool>? Skip { get; init; }

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var session = await LoadAsync(context);
        var snapshot = await prefetch.TakeAsync();
        using var git = OpenWorkspace();
        var name = git.Stashes.NameFor(session.SessionId);

        // Lifecycle's own files are not the user's work: its state folder (the database, state.json)
        // must never be put away, and the session's documents stay for the docs commit.
        var documents = SessionDocs.For(Repository.Config.DocsFolder, session.SessionId).All.ToHashSet(StringComparer.Ordinal);
        bool Leave(string path) => documents.Contains(path) || Setup.LifecyclePaths.IsInside(path);
        var reason = context.Get(Skip, false) ? "Stash skipped as asked"
            : ManualMode ? "Manual mode: stashing is left to you; git was not touched"
            : !Repository.Config.Stash ? "Stashing is off in the configuration"
            : git.HeadSha is null ? "Nothing can be stashed before the first commit"
            : null;
        if (reason is not null)
        {
            session.UncommittedFiles = [.. git.Status.UncommittedFiles(snapshot).Where(f => !Leave(f))];
            session.PutAway = null;
            await Sessions.SaveAsync(session, context.CancellationToken);
            Done(context, stashed: false, session.UncommittedFiles, null, $"{reason}; {session.UncommittedFiles.Count} uncommitted files left in place.");
            return;
        }

        // A stash this close already made (a run that crashed, or a file written meanwhile left in
        // place) is the session's: a second one with the same name would hide it from the restore,
        // so whatever is uncommitted now and not in it stays in the work tree, listed as left there.
        var already = git.Stashes.Has(session.SessionId);
        var outcome = already ? WithLeftInPlace(git.Stashes.Describe(session.SessionId)!, git.Status.UncommittedFiles(snapshot).Where(f => !Leave(f)))
            : git.StashWriter.Write(session.SessionId, Leave, snapshot);
        var files = outcome.Files.Select(ToRecord).ToList();
        session.PutAway = outcome.Stashed
            ? new StashedWork(name, files, outcome.Skipped) { ThisSession = session.RestoredStash is { } restored ? [.. git.Stashes.ChangedSinceRestore(restored, outcome).Select(ToRecord)] : null }
            : null;
        session.UncommittedFiles = [.. files.Select(f => f.Path)];
        await Sessions.SaveAsync(session, context.CancellationToken);
        Done(context, outcome.Stashed, session.UncommittedFiles, outcome.Stashed ? name : null,
            !outcome.Stashed ? "Nothing to stash."
            : already ? $"'{name}' was already made ({files.Count} files); recorded again."
            : $"Put {files.Count} files away in '{name}'.");
    }

    private static Metrics.FileChange ToRecord(FileChange file) => new(file.Path, file.Added, file.Deleted, file.Kind, file.From);

    private static StashOutcome WithLeftInPlace(StashOutcome stash, IEnumerable<string> uncommitted)
    {
        var inStash = stash.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        return stash with { Skipped = [.. stash.Skipped, .. uncommitted.Where(f => !inStash.Contains(f) && !stash.Skipped.Contains(f))] };
    }

    private static void Done(ActivityContext context, bool stashed, IReadOnlyList<string> files, string? name, string message)
    {
        context.SetOutput("stashed", stashed);
        context.SetOutput("files", new JsonArray([.. files.Select(f => JsonValue.Create(f))]));
        context.SetOutput("name", name);
        context.Complete(message);
    }
}
