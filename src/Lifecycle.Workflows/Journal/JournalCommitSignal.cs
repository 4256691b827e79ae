namespace Lifecycle.Workflows.Journal;

/// <summary>
/// Raised by the store after each commit that adds journal entries in this process, so watchers
/// read them at once instead of at their next poll.
/// </summary>
/// <remarks>A hint only: watchers still poll, for entries other processes write.</remarks>
public sealed class JournalCommitSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Wakes everyone waiting.</summary>
    public void Notify() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Completes at the next <see cref="Notify"/>.</summary>
    public Task NextAsync() => Volatile.Read(ref _next).Task;
}
