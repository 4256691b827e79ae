using System.Text.Json.Nodes;
using Lifecycle.Activities.Sessions;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Activities.Git;

/// <summary>Brings back the work the previous session put away (its stash), staged files staged again.</summary>
/// <remarks>
/// When the work tree has changed where the stash would write, nothing is restored: the stash is
/// kept and a blocker names it and the conflicting paths. Run again after a restore there is no
/// stash left, so the second run reports <c>nothing</c> and changes nothing.
/// </remarks>
[Activity("Git", "Restores the previous session's stash; a conflict keeps the stash and records a blocker; outputs 'status' (restored, partial, nothing, conflict, skipped) and 'files'.",
    Outputs = ["status", "files"])]
public sealed class RestoreStash(ISessionStore sessions, RepositoryContext repository, TimeProvider time)
    : GitSessionActivityBase(sessions, repository, time)
{
    [Input("True to leave the stash alone (lifecycle start --no-stash).")]
    public Input<bool>? Skip { get; init; }

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var session = await LoadAsync(context);
        await ClearResolvedStashBlockersAsync(context, session);
        if (context.Get(Skip, false))
        {
            await KeepTrackOfSkippedStashAsync(context, session);
            Done(context, "skipped", [], "Stash restore skipped as asked.");
            return;
        }

        if (session.PreviousSession is not { } previous)
        {
            Done(context, "nothing", [], "No previous session, so no stash to restore.");
            return;
        }

        if (ManualMode)
        {
            Done(context, "skipped", [], $"Manual mode: restoring the stash of session {previous} is left to you; git was not touched.");
            return;
        }

        using var git = OpenWorkspace();
        var name = git.Stashes.NameFor(previous);

        // Recorded before anything is written, so a restore killed half-way and finished by a later
        // run still tells the close which work was restored rather than made by the session.
        if (git.Stashes.ShaOf(previous) is { } stash && session.RestoredStash != stash)
        {
            session.RestoredStash = stash;
            await Sessions.SaveAsync(session, context.CancellationToken);
        }

        var outcome = git.StashRestorer.Restore(previous);
        if (outcome.Status is RestoreStatus.Conflict && session.RestoredStash is not null)
        {
            // Nothing was restored: whatever the close finds is the session's own.
            session.RestoredStash = null;
            await Sessions.SaveAsync(session, context.CancellationToken);
        }

        switch (outcome.Status)
        {
            case RestoreStatus.Restored:
                Done(context, "restored", outcome.Files, $"Restored {outcome.Files.Count} files from '{name}'.");
                break;
            case RestoreStatus.Conflict:
                var paths = string.Join(", ", outcome.ConflictingPaths);
                AddOnce(session.Blockers, $"The stash '{name}' was not restored because these files changed since it was made: {paths}. Commit or move them, then apply it with 'git stash pop --index stash@{{N}}' (N from 'git stash list'; --index keeps what was staged).");
                await Sessions.SaveAsync(session, context.CancellationToken);
                Done(context, "conflict", outcome.ConflictingPaths, $"Kept the stash '{name}': {paths} changed since it was made.");
                break;
            case RestoreStatus.Partial when outcome.Problem is { } problem:
                var unkept = string.Join(", ", outcome.ConflictingPaths);
                AddOnce(session.Blockers, $"The stash '{name}' was restored, but {problem}, so it is kept. 'git log -1 --format=%b stash@{{N}}' (N from 'git stash list') lists the flags; set them with 'git update-index --skip-worktree <path>', '--assume-unchanged <path>' or 'git add -N <path>', then drop it with 'git stash drop stash@{{N}}'.");
                await Sessions.SaveAsync(session, context.CancellationToken);
                Done(context, "partial", outcome.Files, $"Restored {outcome.Files.Count} files from '{name}'; kept the stash: the index flags of {unkept} could not be set again.");
                break;
            case RestoreStatus.Partial:
                var kept = string.Join(", ", outcome.ConflictingPaths);
                AddOnce(session.Blockers, $"The stash '{name}' was restored except {kept}, written while it was being restored: they keep that newer edit, and the stash is kept with the version it put away. Find it in 'git stash list', compare with 'git diff stash@{{N}} -- <path>', then drop it with 'git stash drop stash@{{N}}'.");
                await Sessions.SaveAsync(session, context.CancellationToken);
                Done(context, "partial", outcome.Files, $"Restored {outcome.Files.Count} files from '{name}'; kept the stash for {kept}, written meanwhile.");
                break;
            default:
                Done(context, "nothing", [], $"No stash named '{name}' to restore.");
                break;
        }
    }

    /// <summary>
    /// Blockers this activity recorded about a stash left in place ("The stash 'NAME' …", "… in
    /// stash 'NAME' was not restored …") are dropped once that stash is gone from
    /// <c>git stash list</c>: the user applied or dropped it, so it no longer stands in the way.
    /// </summary>
    private async Task ClearResolvedStashBlockersAsync(ActivityContext context, SessionContext session)
    {
        var aboutStashes = session.Blockers
            .Select(b => (Blocker: b, Name: StashBlockers.StashNamed(b)))
            .Where(b => b.Name is not null)
            .ToList();
        if (aboutStashes.Count == 0 || ManualMode)
        {
            return;
        }

        try
        {
            using var git = OpenWorkspace(readOnly: true);
            var resolved = aboutStashes.Where(b => !git.Stashes.HasNamed(b.Name!)).Select(b => b.Blocker).ToList();
            if (resolved.Count > 0)
            {
                session.Blockers.RemoveAll(resolved.Contains);
                await Sessions.SaveAsync(session, context.CancellationToken);
            }
        }
        catch (SessionException)
        {
            // Not a repository git can open: the blockers stay.
        }
    }


    /// <summary>A stash left where it is stays a blocker, so later sessions do not forget it.</summary>
    private async Task KeepTrackOfSkippedStashAsync(ActivityContext context, SessionContext session)
    {
        if (ManualMode || session.PreviousSession is not { } previous)
        {
            return;
        }

        try
        {
            using var git = OpenWorkspace(readOnly: true);
            if (git.Stashes.Has(previous))
            {
                AddOnce(session.Blockers, $"The work session {previous} put away in stash '{git.Stashes.NameFor(previous)}' was not restored (--no-stash): apply that stash with 'git stash apply' when you want it back; it stays in 'git stash list' until then.");
                await Sessions.SaveAsync(session, context.CancellationToken);
            }
        }
        catch (SessionException)
        {
            // Not a repository git can open: there is no stash to keep track of.
        }
    }

    private static void Done(ActivityContext context, string status, IReadOnlyList<string> files, string message)
    {
        context.SetOutput("status", status);
        context.SetOutput("files", new JsonArray([.. files.Select(f => JsonValue.Create(f))]));
        context.Complete(message);
    }
}
