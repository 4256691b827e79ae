namespace Lifecycle.Activities.Prediction;

/// <summary>The next session predicted: its duration, commits and lines, each a point with an interval.</summary>
/// <param name="DurationMinutes">How long it will last, in minutes.</param>
/// <param name="Commits">How many commits it will make.</param>
/// <param name="Lines">How many lines it will change (added plus deleted).</param>
/// <param name="Source">What the figures come from.</param>
/// <param name="Samples">How many past sessions they come from.</param>
/// <param name="AuthorSamples">How many of those were the same author's (they weigh more).</param>
public sealed record SessionForecast(Estimate DurationMinutes, Estimate Commits, Estimate Lines, PredictionSource Source, int Samples, int AuthorSamples);
