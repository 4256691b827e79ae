using Lifecycle.Activities.Prediction;

namespace Lifecycle.Server.Planning;

/// <summary>What <c>GET /api/predictions</c> answers: the next session and each open task's effort.</summary>
/// <param name="NextSession">The next session's duration, commits and lines; null without any history.</param>
/// <param name="Tasks">The open and blocked tasks with their predicted effort, in the plan's order.</param>
/// <param name="ClosedSessions">Closed sessions recorded (the sessions replace the git history from <paramref name="MinimumSessions"/> on).</param>
/// <param name="MinimumSessions">Closed sessions needed before they are used.</param>
/// <param name="DoneTasks">Done tasks with a recorded time (task effort uses them from <see cref="TaskEffortPredictor.MinimumSamples"/> on).</param>
public sealed record Predictions(SessionForecast? NextSession, IReadOnlyList<TaskPrediction> Tasks, int ClosedSessions, int MinimumSessions, int DoneTasks);
