using Lifecycle.Activities.Sessions;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Activities.Git;

/// <summary>
/// What the git activities share: the session, the repository and its configuration, and the
/// manual-mode rule (Lifecycle records but never changes git).
/// </summary>
public abstract class GitSessionActivityBase(ISessionStore sessions, RepositoryContext repository, TimeProvider time)
    : SessionActivityBase(sessions)
{
    protected RepositoryContext Repository { get; } = repository;

    /// <summary>True when <c>manualMode</c> is set: the activity must leave git as it is.</summary>
    protected bool ManualMode => Repository.Config.ManualMode;

    /// <summary>Opens the repository; dispose it when done.</summary>
    /// <param name="readOnly">True when the activity only reads git (then <c>.git</c> is left untouched).</param>
    protected GitWorkspace OpenWorkspace(bool readOnly = false) => GitWorkspace.Open(Repository.Root, time, readOnly);

    /// <summary>Adds <paramref name="text"/> to the list once (a re-run after a crash adds nothing).</summary>
    protected static void AddOnce(List<string> list, string text)
    {
        if (!list.Contains(text))
        {
            list.Add(text);
        }
    }

    /// <summary>Completes saying manual mode left git alone.</summary>
    protected static void CompleteManual(ActivityContext context, string what) =>
        context.Complete($"Manual mode: {what} left to you; git was not touched.");
}
