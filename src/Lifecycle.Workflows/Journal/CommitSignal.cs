namespace Lifecycle.Workflows.Journal;

/// <summary>
/// Wakes whoever waits for the next commit of something this process writes, so watchers read it
/// at once instead of at their next poll. A hint only: watchers still poll, for what other
/// processes write. Each kind of commit has its own subclass, so each is its own service.
/// </summary>
public abstract class CommitSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Wakes everyone waiting.</summary>
    public void Notify() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Completes at the next <see cref="Notify"/>.</summary>
    public Task NextAsync() => Volatile.Read(ref _next).Task;
}
