using Lifecycle.Activities.Sessions;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Activities.Git;

/// <summary>Switches to the session's branch (or the one given), refusing rather than overwriting local changes.</summary>
/// <remarks>
/// Local changes in the way make it record a blocker on the session and complete with
/// <c>switched</c> false, so the start goes on and the blocker shows up in the handoff. A branch
/// that no longer exists is a warning, not a fault.
/// </remarks>
[Activity("Git", "Checks out 'branch' (default: the session's active branch); local changes in the way become a blocker; outputs 'branch', 'switched'.",
    Outputs = ["branch", "switched"])]
public sealed class CheckoutBranch(ISessionStore sessions, RepositoryContext repository, TimeProvider time)
    : GitSessionActivityBase(sessions, repository, time)
{
    [Input("The branch to check out; the session's active branch when left out.")]
    public Input<string>? Branch { get; init; }

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var session = await LoadAsync(context);
        var given = Branch is null ? null : context.Get(Branch);
        var target = string.IsNullOrWhiteSpace(given) ? session.ActiveBranch : given;
        context.SetOutput("branch", target);
        context.SetOutput("switched", false);

        // A blocker an earlier start left about a switch is this run's to judge again: it is added
        // back below when the switch still fails, never carried on once the branch is checked out
        // (or when there is no branch to go back to).
        if (!ManualMode && session.Blockers.RemoveAll(b => b.StartsWith(SwitchBlocker, StringComparison.Ordinal)) > 0)
        {
            await Sessions.SaveAsync(session, context.CancellationToken);
        }

        if (target is null)
        {
            context.Complete("No branch to check out (none given and the session has none).");
            return;
        }

        if (ManualMode)
        {
            CompleteManual(context, $"checking out '{target}'");
            return;
        }

        using var git = OpenWorkspace();

        if (git.CurrentBranch == target)
        {
            if (session.ActiveBranch != target)
            {
                session.ActiveBranch = target;
                await Sessions.SaveAsync(session, context.CancellationToken);
            }

            context.Complete($"Already on '{target}'.");
            return;
        }

        try
        {
            git.Checkout(target);
        }
        catch (SessionException error) when (error.Kind == ErrorKind.Conflict)
        {
            AddOnce(session.Blockers, $"{SwitchBlocker}{target}': {error.Message} Then run 'git checkout {target}'.");
            StayOn(session, git);
            await Sessions.SaveAsync(session, context.CancellationToken);
            context.Complete($"Stayed on '{git.CurrentBranch ?? "(detached HEAD)"}': {error.Message}");
            return;
        }
        catch (SessionException error) when (error.Kind == ErrorKind.InvalidInput)
        {
            AddOnce(session.Warnings, $"Branch '{target}' does not exist any more; the session stays on '{git.CurrentBranch ?? "(detached HEAD)"}'.");
            StayOn(session, git);
            await Sessions.SaveAsync(session, context.CancellationToken);
            context.Complete(error.Message);
            return;
        }

        session.ActiveBranch = target;
        await Sessions.SaveAsync(session, context.CancellationToken);
        context.SetOutput("switched", true);
        context.Complete($"Switched to '{target}'.");
    }

    /// <summary>How a blocker about a failed switch begins (the branch's name and why follow).</summary>
    internal const string SwitchBlocker = "Could not switch to branch '";

    // The session is where HEAD is, not where it meant to go: the mission, status and log say so.
    private static void StayOn(SessionContext session, GitWorkspace git)
    {
        session.ActiveBranch = git.CurrentBranch;
        session.DetachedHead = git.DetachedHead;
    }
}
