using Lifecycle.Activities.Metrics;
using Lifecycle.Activities.Sessions;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Activities.Git;

/// <summary>
/// Records what the close compares against: HEAD, the debt markers at HEAD, the coverage report's
/// line rate and the branch. Only reads git, so it runs in manual mode too.
/// </summary>
/// <remarks>
/// The debt markers are counted from the previous session's count, reading only the files that
/// changed since. A fact already recorded is kept: run again after a crash (or after commits were made) the
/// session still measures from where it really started.
/// </remarks>
[Activity("Git", "Records the session's start facts (HEAD sha, TODO/FIXME/HACK count, coverage line rate, branch) without changing git; outputs 'startSha', 'branch'.",
    Outputs = ["startSha", "branch"])]
public sealed class RecordStartFacts(ISessionStore sessions, RepositoryContext repository, TimeProvider time)
    : GitSessionActivityBase(sessions, repository, time)
{
    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var session = await LoadAsync(context);
        var firstRun = session.DebtMarkersAtStart is null;
        var previous = firstRun && session.PreviousSession is { } id
            ? await Sessions.GetAsync(id, context.CancellationToken)
            : null;
        using (var git = OpenWorkspace(readOnly: true))
        {
            if (firstRun)
            {
                session.StartSha = git.HeadSha;
                session.DebtMarkersAtStart = git.History.CountDebtMarkers(known: previous is null ? null
                    : DebtMarkerCount.From(previous.EndSha, previous.DebtMarkersAtEnd)
                        ?? DebtMarkerCount.From(previous.StartSha, previous.DebtMarkersAtStart));
                session.CoverageAtStart = ReadCoverage();
            }

            session.ActiveBranch ??= git.CurrentBranch;
            session.DetachedHead = session.ActiveBranch is null && git.DetachedHead;
            if (previous is { DetachedHead: true } && git.CurrentBranch is { } current)
            {
                AddOnce(session.Warnings, SessionBranch.LeftDetached(previous, current));
            }
        }

        await Sessions.SaveAsync(session, context.CancellationToken);
        context.SetOutput("startSha", session.StartSha);
        context.SetOutput("branch", session.ActiveBranch);
        context.Complete(firstRun
            ? $"Start facts of session {session.SessionId}: HEAD {session.StartSha?[..7] ?? "(no commits)"}, {session.DebtMarkersAtStart} debt markers, coverage {(session.CoverageAtStart is { } rate ? rate.ToString("P1", System.Globalization.CultureInfo.InvariantCulture) : "unknown")}."
            : $"Start facts of session {session.SessionId} were already recorded; kept.");
    }

    private double? ReadCoverage() =>
        Repository.Config.CoverageReport is { Length: > 0 } report
            ? CoberturaReport.Read(System.IO.Path.Combine(Repository.Root, report)).LineRate
            : null;
}
