using Lifecycle.Activities.Prediction;
using Lifecycle.Activities.Tasks;

namespace Lifecycle.Server.Planning;

/// <summary>An open or blocked task with its predicted effort.</summary>
/// <param name="Id">The task (T3).</param>
/// <param name="Title">What to do.</param>
/// <param name="Priority">1 (highest) to 5.</param>
/// <param name="Status">Open or blocked.</param>
/// <param name="Effort">Its predicted effort in minutes, with what it comes from.</param>
public sealed record TaskPrediction(string Id, string Title, int Priority, SessionTaskStatus Status, TaskEffortForecast Effort);
