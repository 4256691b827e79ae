using System.Text.Json;
using System.Text.Json.Nodes;
using Lifecycle.Activities.Continuity;
using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Sessions;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Activities.Documents;

/// <summary>
/// Writes the closing session's documents: <c>SESSION-NNNNN-HANDOFF.md</c>, <c>-HANDOFF.json</c> and
/// <c>-REPORT.md</c>, and the closing section of <c>-LOG.md</c> (created first when missing).
/// </summary>
/// <remarks>
/// The metrics are measured again at the session's end time, as <see cref="ComputeProductivity"/> does.
/// Run twice, it rewrites the same documents and replaces the log's closing section instead of
/// adding a second one.
/// </remarks>
[Activity("Session", "Builds the handoff of the closing session and writes SESSION-NNNNN-HANDOFF.md, -HANDOFF.json, -REPORT.md and the log's closing section; outputs 'handoff' (the handoff JSON) and 'paths' (log, handoff, handoffJson, report).",
    Outputs = ["handoff", "paths"])]
public sealed class GenerateHandoff(ISessionStore sessions, RepositoryContext repository, TimeProvider time) : SessionActivityBase(sessions)
{
    private const string ClosedHeading = "\n## Closed\n";

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var token = context.CancellationToken;
        var session = await LoadAsync(context);
        var changed = session.EndTime is null;
        session.EndTime ??= time.GetUtcNow();
        var measured = await SessionMeasurement.TakeAsync(session, Sessions, repository, session.EndTime.Value, token);
        changed |= measured.StoreIn(session);
        if (changed)
        {
            await Sessions.SaveAsync(session, token);
        }

        var handoff = HandoffBuilder.Build(new HandoffSources
        {
            Context = session,
            Commits = measured.Commits,
            PutAway = session.PutAway,
            Metrics = measured.Metrics,
            CheckAtClose = session.CheckAtClose,
            Note = session.CloseNote,
            HeadSha = measured.HeadSha,
        });

        var docs = SessionDocuments.For(repository, session.SessionId);
        await SessionDocuments.WriteAsync(docs.Handoff, HandoffMarkdown.Render(handoff), token);
        await SessionDocuments.WriteAsync(docs.HandoffJson, HandoffJson.Render(handoff), token);
        await SessionDocuments.WriteAsync(docs.Report, SessionReport.Render(handoff), token);
        var log = File.Exists(docs.Log)
            ? await File.ReadAllTextAsync(docs.Log, token)
            : SessionLog.Start(session, ContinuationStrategy.Determine(session), session.Warnings);
        await SessionDocuments.WriteAsync(docs.Log, SessionLog.Close(WithoutClosing(log), handoff), token);

        context.SetOutput("handoff", JsonSerializer.SerializeToNode(handoff, HandoffJson.Options));
        context.SetOutput("paths", new JsonObject
        {
            ["log"] = docs.Log,
            ["handoff"] = docs.Handoff,
            ["handoffJson"] = docs.HandoffJson,
            ["report"] = docs.Report,
        });
        context.Complete($"Handoff of session {session.SessionId} written: {handoff.WorkCompleted.Commits.Count} commits, score {handoff.ProductivityScore:0.###}.");
    }

    // A re-run (after a crash between writing the log and finishing) replaces the closing section.
    private static string WithoutClosing(string log)
    {
        var at = log.LastIndexOf(ClosedHeading, StringComparison.Ordinal);
        return at < 0 ? log : log[..(at + 1)].TrimEnd('\n') + "\n";
    }
}
