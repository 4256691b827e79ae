namespace Lifecycle.Workflows.Hosting;

/// <summary>What the engine did when it started: instances it recovered and timers it fired.</summary>
public sealed record StartupReport(IReadOnlyList<RunResult> Recovered, IReadOnlyList<RunResult> TimersFired);
