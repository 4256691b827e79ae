namespace Lifecycle.Server.Sessions;

/// <summary>
/// Raised after this process commits session events (<see cref="EventWriter"/>), so live session
/// streams read them at once instead of at their next poll. A hint only: watchers still poll, for
/// what other processes (an embedded CLI on the same file) write.
/// </summary>
public sealed class SessionChangeSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Wakes everyone waiting.</summary>
    public void Notify() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Completes at the next <see cref="Notify"/>.</summary>
    public Task NextAsync() => Volatile.Read(ref _next).Task;
}
