using Lifecycle.Workflows.Activities;

namespace Lifecycle.Activities.Sessions;

/// <summary>What the session activities share: the session they work on, loaded from the store.</summary>
public abstract class SessionActivityBase(ISessionStore sessions) : Activity
{
    [Input("The session id, e.g. {\"js\": \"outputs.context.sessionId\"}.", Required = true)]
    public Input<string> Session { get; init; } = null!;

    protected ISessionStore Sessions { get; } = sessions;

    /// <summary>Loads the session named by <see cref="Session"/>, or faults naming it.</summary>
    protected async Task<SessionContext> LoadAsync(ActivityContext context) =>
        await Sessions.GetAsync(context.GetName(Session), context.CancellationToken) ??
        throw new ActivityFaultException($"session '{context.Get(Session)}' does not exist");
}
