using System.Text.Json;
using System.Text.Json.Nodes;
using Lifecycle.Activities.Documents;
using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Mcp;
using Lifecycle.Server.Sessions;

namespace Lifecycle.Server.Agents;

/// <summary>
/// What an agent's hook does (<c>lifecycle agent hook EVENT</c>), as answers to print: never an
/// error that stops the agent. A failure becomes a message (on stderr, and for the session start
/// also in the context and as a message to the user) and the hook still succeeds.
/// </summary>
public static class AgentHook
{
    public const string SessionStart = "session-start";
    public const string PreCompact = "pre-compact";
    public const string SessionEnd = "session-end";
    public const string Prompt = "prompt";

    public static IReadOnlyList<string> Events { get; } = [SessionStart, PreCompact, SessionEnd, Prompt];

    /// <summary>What the hook prints: <paramref name="Stdout"/> for the agent (context), <paramref name="Stderr"/> for the person.</summary>
    public sealed record Answer(string Stdout, string Stderr);

    /// <summary>
    /// Runs the hook <paramref name="hook"/> with the agent's input (<paramref name="input"/>: the
    /// JSON the agent wrote on stdin, possibly empty).
    /// </summary>
    /// <param name="hook">The hook: one of <see cref="Events"/>.</param>
    /// <param name="sessions">The session use cases, embedded or through the running server.</param>
    /// <param name="input">The agent's JSON from stdin.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <param name="delivered">The reminders given to the agent already (the prompt hook tells each once); null tells every due one.</param>
    public static async Task<Answer> RunAsync(string hook, ISessionApi sessions, JsonObject input, CancellationToken cancellationToken, DeliveredReminders? delivered = null)
    {
        try
        {
            return hook switch
            {
                SessionStart => await StartAsync(sessions, cancellationToken),
                PreCompact => await CheckpointAsync(sessions, cancellationToken),
                SessionEnd => await EndAsync(sessions, input, cancellationToken),
                Prompt => await PromptAsync(sessions, delivered, cancellationToken),
                _ => new Answer("", $"lifecycle: unknown hook '{hook}'; known hooks: {string.Join(", ", Events)}."),
            };
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var message = McpErrors.Translate(error)?.Message ?? error.Message;
            return hook == SessionStart
                ? new Answer(StartContext($"lifecycle could not start or read the session: {message}", message), $"lifecycle: {message}")
                : new Answer("", $"lifecycle: the {hook} hook did nothing: {message}");
        }
    }

    /// <summary>Starts a session (or finds the active one, after a compaction or a resume) and gives the agent its mission and the handoff.</summary>
    private static async Task<Answer> StartAsync(ISessionApi sessions, CancellationToken cancellationToken)
    {
        string mission;
        SessionStatus? status = null;
        try
        {
            status = await sessions.StatusAsync(cancellationToken);
        }
        catch (Lifecycle.Activities.SessionException none) when (none.Kind is Lifecycle.Activities.ErrorKind.NotFound)
        {
            // No session ever: the start below makes the first.
        }

        if (status?.Session is { State: SessionState.Active } active)
        {
            mission = DisplayMission.Render(active);
        }
        else
        {
            mission = (await sessions.StartAsync(new StartRequest(Yes: true, Agent: Lifecycle.Activities.Collaboration.AgentEnvironment.OfThisProcess()), cancellationToken)).Mission;
        }

        string handoff;
        try
        {
            handoff = await McpText.HandoffAsync(sessions, cancellationToken);
        }
        catch (Lifecycle.Activities.SessionException missing)
        {
            handoff = missing.Message;
        }

        var context = $"""
            This repository's work is tracked in lifecycle sessions ('lifecycle --help'). Keep its tasks with the
            lifecycle MCP tools (task_add, task_done, task_block; record_error, record_note) or the
            'lifecycle task' commands; the session ends when this conversation ends.

            # Mission
            {mission.TrimEnd()}

            # Handoff from the last session
            {handoff.TrimEnd()}
            """;
        return new Answer(StartContext(context, null), "");
    }

    private static async Task<Answer> CheckpointAsync(ISessionApi sessions, CancellationToken cancellationToken)
    {
        var written = await sessions.CheckpointAsync(cancellationToken);
        return new Answer("", $"lifecycle: checkpoint of session {written.SessionId} written before the compaction.");
    }

    /// <summary>Ends the session with the agent's (not on <c>/clear</c>: the conversation goes on, and the session with it).</summary>
    private static async Task<Answer> EndAsync(ISessionApi sessions, JsonObject input, CancellationToken cancellationToken)
    {
        var reason = input["reason"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        if (reason == "clear")
        {
            return new Answer("", "lifecycle: the conversation was cleared; the session goes on.");
        }

        var status = await sessions.StatusAsync(cancellationToken);
        if (status.Session.State != SessionState.Active)
        {
            return new Answer("", $"lifecycle: session {status.Session.SessionId} is not active; nothing to end.");
        }

        var closed = await sessions.EndAsync(new EndRequest(Yes: true), cancellationToken);
        return new Answer("", $"lifecycle: session {closed.SessionId} closed with the agent's session{(reason is null ? "" : $" ({reason})")}.");
    }

    /// <summary>Says the agent is still working (a heartbeat) and prints the reminders due now that it was not given yet, if any.</summary>
    private static async Task<Answer> PromptAsync(ISessionApi sessions, DeliveredReminders? delivered, CancellationToken cancellationToken)
    {
        var beat = await sessions.RecordEventAsync(new EventRequest(SessionEventTypes.Heartbeat, new JsonObject { ["message"] = "agent prompt" }), cancellationToken);
        if (beat.Recorded is null)
        {
            return new Answer("", "");
        }

        var status = await sessions.StatusAsync(cancellationToken);
        var given = delivered?.Of(status.Session.SessionId) ?? new HashSet<string>();
        var reminders = (status.Timing?.Reminders ?? []).Where(r => !given.Contains(r.Key)).ToList();
        if (reminders.Count == 0)
        {
            return new Answer("", "");
        }

        delivered?.Add(status.Session.SessionId, reminders.Select(r => r.Key));
        return new Answer(string.Join("\n", reminders.Select(r => $"lifecycle reminder: {r.Message}")) + "\n", "");
    }

    /// <summary>Claude Code's SessionStart answer: the text as additional context, and a message the person sees when something went wrong.</summary>
    private static string StartContext(string context, string? problem)
    {
        var answer = new JsonObject
        {
            ["hookSpecificOutput"] = new JsonObject { ["hookEventName"] = "SessionStart", ["additionalContext"] = context },
        };
        if (problem is not null)
        {
            answer["systemMessage"] = $"lifecycle: {problem}";
        }

        return answer.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }
}
