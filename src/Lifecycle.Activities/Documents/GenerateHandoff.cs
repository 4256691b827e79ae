using System.Text.Json;
using System.Text.Json.Nodes;
using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Protocol;
using Lifecycle.Activities.Redaction;
using Lifecycle.Activities.Sessions;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Activities.Documents;

/// <summary>
/// Writes the closing session's documents: <c>SESSION-NNNNN-HANDOFF.md</c>, <c>-HANDOFF.json</c> and
/// <c>-REPORT.md</c>, and the close in <c>-LOG.md</c> (created first when missing): the overrides of
/// this workflow, the quick reality check, the work put away, the handoff written, then the closing
/// section with the errors of the session.
/// </summary>
/// <remarks>
/// The metrics are measured again at the session's end time, as <see cref="ComputeProductivity"/> does.
/// Run twice, it rewrites the same documents, keeps the log's close entries from the first run and
/// replaces its closing section instead of adding a second one. A log that cannot be written does
/// not stop the close: the handoff is what the next session needs, and the journal says why.
/// </remarks>
[Activity("Session", "Builds the handoff of the closing session and writes SESSION-NNNNN-HANDOFF.md, -HANDOFF.json, -REPORT.md and the log's close (overrides, check at close, work put away, closing section with the errors); outputs 'handoff' (the handoff JSON) and 'paths' (log, handoff, handoffJson, report).",
    Outputs = ["handoff", "paths"])]
public sealed class GenerateHandoff(ISessionStore sessions, RepositoryContext repository, SessionLogWriter log, TimeProvider time) : SessionActivityBase(sessions)
{
    [Input("The quick RealityCheck's outputs at close, logged with each agent, e.g. {\"js\": \"outputs.check\"}.")]
    public Input<JsonNode?>? Check { get; init; }

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var token = context.CancellationToken;
        var session = await LoadAsync(context);
        var now = time.GetUtcNow();
        var changed = session.EndTime is null;
        session.EndTime ??= now;
        var measured = await SessionMeasurement.TakeAsync(session, Sessions, repository, session.EndTime.Value, token);
        changed |= measured.StoreIn(session);
        var assistedBy = Collaboration.GitIdentity.AgentsCoAuthoringSince(repository.Root, session.StartSha);
        if (!assistedBy.SequenceEqual(session.AssistedBy))
        {
            session.AssistedBy = [.. assistedBy];
            changed = true;
        }

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
            Errors = measured.Errors,
        });

        var docs = SessionDocuments.For(repository, session.SessionId);
        var review = await Prediction.PlanReviews.OfAsync(Sessions, session, now, TimeSpan.FromMinutes(repository.Config.IdleThresholdMinutes), token);
        var markdown = await SessionDocuments.WriteAsync(docs.Handoff, HandoffMarkdown.Render(handoff) + Prediction.PlanReview.Markdown(review), token);
        var json = await SessionDocuments.WriteAsync(docs.HandoffJson, HandoffJson.Render(handoff), token);
        var report = await SessionDocuments.WriteAsync(docs.Report, SessionReport.Render(handoff), token);
        var inDocs = RedactionResult.Sum([markdown.Counts, json.Counts, report.Counts]);
        var entries = CloseEntries(context, session, handoff, now);
        if (review is not null)
        {
            entries.Insert(entries.Count - 1, SessionLogEntries.Note(now, review.Summary()));
        }

        if (inDocs.Count > 0)
        {
            entries.Add(new SessionLogEntry(now, SessionLogEntryKind.Event, $"secrets redacted from the handoff and report: {RedactionResult.Describe(inDocs)}"));
        }

        var logged = log.Close(session, entries, SessionLog.Closing(handoff, docsCommit: DocsCommit()));
        await RecordRedactionsAsync(session, RedactionResult.Sum([inDocs, logged.Redacted ?? new Dictionary<string, int>()]), now, token);

        // What the close prints is what was written: the handoff as its redacted document says it.
        context.SetOutput("handoff", JsonNode.Parse(json.Text));
        context.SetOutput("paths", new JsonObject
        {
            ["log"] = docs.Log,
            ["handoff"] = docs.Handoff,
            ["handoffJson"] = docs.HandoffJson,
            ["report"] = docs.Report,
        });
        var score = handoff.ProductivityScore is { } value ? $"score {value:0.###}" : "not scored";
        context.Complete($"Handoff of session {session.SessionId} written: {handoff.WorkCompleted.Commits.Count} commits, {score}."
            + (logged.Status == SessionLogWriteStatus.Failed ? $" {logged}" : ""));
    }

    /// <summary>The close's redactions as a <c>secrets_redacted</c> event: how many of each kind, never the secrets.</summary>
    private async Task RecordRedactionsAsync(SessionContext session, IReadOnlyDictionary<string, int> counts, DateTimeOffset now, CancellationToken token)
    {
        if (counts.Count == 0)
        {
            return;
        }

        var kinds = new JsonObject();
        foreach (var (kind, count) in counts)
        {
            kinds[kind] = count;
        }

        await Sessions.AppendEventAsync(new SessionEvent(session.SessionId, SessionEventTypes.SecretsRedacted, now,
            new JsonObject { ["count"] = counts.Values.Sum(), ["kinds"] = kinds }), token);
    }

    private List<SessionLogEntry> CloseEntries(ActivityContext context, SessionContext session, Handoff.Handoff handoff, DateTimeOffset now)
    {
        var entries = new List<SessionLogEntry>(ProtocolOverrides.Entries(context));
        if (RealityOutputs.Read(context.Get(Check, null)) is { } check)
        {
            entries.AddRange(SessionLogEntries.Reality(now, check.Consensus, check.Agents, atClose: true));
        }
        else if (session.CheckAtClose is { } reading)
        {
            var agents = reading.Agents.OrderBy(a => a.Key, StringComparer.Ordinal)
                .Select(a => new Reality.AgentReport(a.Key, a.Value, 1, null, TimeSpan.Zero)).ToList();
            entries.AddRange(SessionLogEntries.Reality(now, reading.Consensus, agents, atClose: true));
        }

        entries.Add(SessionLogEntries.PutAway(now, session));
        entries.Add(SessionLogEntries.Close(now, handoff));
        return entries;
    }

    private string DocsCommit()
    {
        var config = repository.Config;
        return config.ManualMode ? "not committed by Lifecycle (manual mode): commit the session documents yourself"
            : !config.CommitDocs ? "not committed (commitDocs is off in .lifecycle/config.json)"
            : "committed with the handoff and the report when the close finishes";
    }
}
