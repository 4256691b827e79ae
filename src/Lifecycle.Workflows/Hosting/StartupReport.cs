namespace Lifecycle.Workflows.Hosting;

/// <summary>What the engine did when it started: instances it recovered, timers it fired, and instances it had to fault.</summary>
/// <param name="Recovered">Instances left Running by a dead process, continued here.</param>
/// <param name="TimersFired">Instances resumed by a due timer.</param>
/// <param name="Unloadable">Instances that could not be loaded (e.g. their definition no longer reads); now Faulted with the reason.</param>
public sealed record StartupReport(IReadOnlyList<RunResult> Recovered, IReadOnlyList<RunResult> TimersFired, IReadOnlyList<string> Unloadable);
