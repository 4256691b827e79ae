using System.Text.Json.Nodes;
using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Protocol;
using Lifecycle.Activities.Sessions;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Activities.Documents;

/// <summary>
/// Writes the session log (<c>SESSION-NNNNN-LOG.md</c>) as the start leaves it: its header, then the
/// start, the reality check (the consensus, each agent, what a failing agent reported), the
/// overrides of this workflow (<c>--force</c>, <c>--yes</c>) and the restore of the stashed work.
/// </summary>
/// <remarks>
/// Run again after a crash, a log with its start entry is left as it is. A log that cannot be
/// written does not stop the start: the activity completes and the journal says why.
/// </remarks>
[Activity("Session", "Writes <docsFolder>/SESSION-NNNNN-LOG.md: the header (mission, open tasks, blockers, warnings) and the start's entries (start, reality check, overrides, stash restore); a log with its start entry is kept; outputs 'path'.",
    Outputs = ["path"])]
public sealed class CreateSessionLog(ISessionStore sessions, SessionLogWriter log, TimeProvider time) : SessionActivityBase(sessions)
{
    [Input("The RealityCheck's outputs, logged with each agent, e.g. {\"js\": \"outputs.reality\"}.")]
    public Input<JsonNode?>? Reality { get; init; }

    [Input("The RestoreStash's outputs (status, files), logged, e.g. {\"js\": \"outputs.stash\"}.")]
    public Input<JsonNode?>? Restore { get; init; }

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var session = await LoadAsync(context);
        var now = time.GetUtcNow();
        var entries = new List<SessionLogEntry> { SessionLogEntries.Start(session) };
        if (RealityOutputs.Read(context.Get(Reality, null)) is { } check)
        {
            entries.AddRange(SessionLogEntries.Reality(session.StartTime, check.Consensus, check.Agents, atClose: false));
        }

        entries.AddRange(ProtocolOverrides.Entries(context));
        if (context.Get(Restore, null) is JsonObject restore
            && SessionLogEntries.Restore(now, Text(restore["status"]) ?? "", [.. (restore["files"] as JsonArray ?? []).Select(Text).OfType<string>()], session.PreviousSession) is { } restored)
        {
            entries.Add(restored);
        }

        var written = log.Begin(session, entries);
        context.SetOutput("path", written.Path);
        context.Complete(written.ToString());
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : null;
}
