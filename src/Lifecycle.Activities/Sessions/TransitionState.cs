using Lifecycle.Workflows.Activities;

namespace Lifecycle.Activities.Sessions;

/// <summary>Moves the session through its state machine; already in the target state (a re-run) is a no-op.</summary>
[Activity("Session", "Fires a trigger of the session state machine (start, activate, abort, close, finish, abandon); outputs 'state'.", Outputs = ["state"])]
public sealed class TransitionState(ISessionStore sessions) : SessionActivityBase(sessions)
{
    private static readonly IReadOnlyDictionary<SessionTrigger, SessionState> Targets = new Dictionary<SessionTrigger, SessionState>
    {
        [SessionTrigger.Start] = SessionState.Initializing,
        [SessionTrigger.Activate] = SessionState.Active,
        [SessionTrigger.Abort] = SessionState.Dormant,
        [SessionTrigger.Close] = SessionState.Closing,
        [SessionTrigger.Finish] = SessionState.Dormant,
        [SessionTrigger.Abandon] = SessionState.Dormant,
        [SessionTrigger.Reopen] = SessionState.Active,
    };

    [Input("The trigger: start, activate, abort, close, finish, abandon or reopen.", Required = true)]
    public Input<string> Trigger { get; init; } = null!;

    [Input("With 'close': the note for the next session (lifecycle end --note); kept only when not empty.")]
    public Input<string?>? Note { get; init; }

    [Input("With 'close': why the session closes: end, inactivity or recovered.")]
    public Input<string?>? Reason { get; init; }

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var trigger = Parse(context.Get(Trigger));
        var session = await LoadAsync(context);
        if (session.State == Targets[trigger])
        {
            context.SetOutput("state", session.State.ToString().ToUpperInvariant());
            context.Complete($"Already {session.State.ToString().ToUpperInvariant()}.");
            return;
        }

        var from = session.State;
        var state = session.State;
        new SessionStateMachine(() => state, s => state = s).Fire(trigger);
        session.State = state;
        var now = context.Time.GetUtcNow();
        if (trigger == SessionTrigger.Activate)
        {
            session.ActiveSince = now;
        }
        else if (trigger is SessionTrigger.Close or SessionTrigger.Abandon)
        {
            session.EndTime ??= now;
            if (context.Get(Note, null) is { Length: > 0 } note && !string.IsNullOrWhiteSpace(note))
            {
                session.CloseNote = note;
            }

            session.CloseReason ??= context.Get(Reason, null) ?? "end";
        }
        else if (trigger == SessionTrigger.Finish)
        {
            session.NextSession ??= SessionId.Next(session.SessionId);
        }

        await Sessions.SaveAsync(session, context.CancellationToken);
        context.SetOutput("state", state.ToString().ToUpperInvariant());
        context.Complete($"{from.ToString().ToUpperInvariant()} → {state.ToString().ToUpperInvariant()}");
    }

    protected override IEnumerable<(string Path, string Message)> Validate()
    {
        if (Trigger is { Expression: null } literal && !Enum.TryParse<SessionTrigger>(literal.Value, ignoreCase: true, out _))
        {
            yield return (literal.Path, $"Unknown trigger '{literal.Value}'. Use one of: {string.Join(", ", Enum.GetNames<SessionTrigger>().Select(n => n.ToLowerInvariant()))}.");
        }
    }

    private static SessionTrigger Parse(string text) =>
        Enum.TryParse<SessionTrigger>(text, ignoreCase: true, out var trigger) && !int.TryParse(text, out _)
            ? trigger
            : throw new ActivityFaultException($"unknown trigger '{text}'");
}
