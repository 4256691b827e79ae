namespace Lifecycle.Activities.Prediction;

/// <summary>A task's predicted effort in minutes, with what it comes from.</summary>
/// <param name="Minutes">The point and the 10-90% interval.</param>
/// <param name="Source"><see cref="PredictionSource.Sessions"/> (done tasks' recorded times) or <see cref="PredictionSource.Assumed"/>.</param>
/// <param name="Samples">How many done tasks it comes from (0 for an assumption).</param>
public sealed record TaskEffortForecast(Estimate Minutes, PredictionSource Source, int Samples);
