namespace Lifecycle.Workflows.Hosting;

/// <summary>What became of one timer a scheduler fired.</summary>
/// <param name="Resumed">The instance as the timer left it, when it was resumed here.</param>
/// <param name="StillPending">
/// True when the bookmark still waits: another process kept its instance busy past
/// <see cref="WorkflowEngineOptions.BusyInstanceWait"/>, so the timer should be tried again later.
/// </param>
public sealed record TimerFiring(RunResult? Resumed, bool StillPending);
