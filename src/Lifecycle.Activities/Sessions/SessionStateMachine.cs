using Stateless;
using Stateless.Graph;

namespace Lifecycle.Activities.Sessions;

/// <summary>
/// The one transition table of a session, read like the spec:
/// DORMANT → INITIALIZING → ACTIVE → CLOSING → DORMANT, with INITIALIZING and ACTIVE able to
/// fall back to DORMANT. Anything else is an <see cref="IllegalTransitionException"/>.
/// </summary>
public sealed class SessionStateMachine
{
    private readonly StateMachine<SessionState, SessionTrigger> _machine;

    /// <param name="read">Reads the session's current state.</param>
    /// <param name="write">Stores the session's new state.</param>
    public SessionStateMachine(Func<SessionState> read, Action<SessionState> write)
    {
        _machine = new StateMachine<SessionState, SessionTrigger>(read, write);

        _machine.Configure(SessionState.Dormant)
            .Permit(SessionTrigger.Start, SessionState.Initializing);

        _machine.Configure(SessionState.Initializing)
            .Permit(SessionTrigger.Activate, SessionState.Active)
            .Permit(SessionTrigger.Abort, SessionState.Dormant);

        _machine.Configure(SessionState.Active)
            .Permit(SessionTrigger.Close, SessionState.Closing)
            .Permit(SessionTrigger.Abandon, SessionState.Dormant);

        _machine.Configure(SessionState.Closing)
            .Permit(SessionTrigger.Finish, SessionState.Dormant)
            .Permit(SessionTrigger.Reopen, SessionState.Active);

        _machine.OnUnhandledTrigger((state, trigger) => throw new IllegalTransitionException(state, trigger, Explain(state, trigger)));
    }

    public SessionState State => _machine.State;

    /// <summary>The triggers the current state permits.</summary>
    public IEnumerable<SessionTrigger> PermittedTriggers => Enum.GetValues<SessionTrigger>().Where(_machine.CanFire);

    public bool CanFire(SessionTrigger trigger) => _machine.CanFire(trigger);

    /// <exception cref="IllegalTransitionException">The current state does not permit <paramref name="trigger"/>.</exception>
    public void Fire(SessionTrigger trigger) => _machine.Fire(trigger);

    /// <summary>Moves <paramref name="session"/> by <paramref name="trigger"/> (in memory; the caller saves it).</summary>
    /// <exception cref="IllegalTransitionException">Its state does not permit <paramref name="trigger"/>.</exception>
    public static void Fire(SessionContext session, SessionTrigger trigger) =>
        new SessionStateMachine(() => session.State, s => session.State = s).Fire(trigger);

    /// <summary>The table as a Mermaid state diagram, for the docs.</summary>
    public static string ToMermaid()
    {
        var state = SessionState.Dormant;
        var machine = new SessionStateMachine(() => state, s => state = s);
        return MermaidGraph.Format(machine._machine.GetInfo());
    }

    private static string Explain(SessionState state, SessionTrigger trigger) => (state, trigger) switch
    {
        (SessionState.Active, SessionTrigger.Start) or (SessionState.Initializing, SessionTrigger.Start) =>
            $"A session is already {Name(state)}. End it with 'lifecycle end' before starting another.",
        (SessionState.Closing, SessionTrigger.Start) =>
            "The last session is still CLOSING (its close was interrupted). Run 'lifecycle end' to finish it, then start again.",
        (SessionState.Dormant, SessionTrigger.Close) =>
            "No session is active. Start one with 'lifecycle start'.",
        _ => $"Cannot {trigger.ToString().ToLowerInvariant()} a session that is {Name(state)}; " +
             $"from {Name(state)} a session may only: {string.Join(", ", Permitted(state))}.",
    };

    private static string Name(SessionState state) => state.ToString().ToUpperInvariant();

    private static IEnumerable<string> Permitted(SessionState state)
    {
        var current = state;
        var table = new SessionStateMachine(() => current, s => current = s);
        return table.PermittedTriggers.Select(t => t.ToString().ToLowerInvariant());
    }
}
