namespace Lifecycle.Activities.Prediction;

/// <summary>What prediction needs of one commit: who made it, when, and how many lines it changed.</summary>
/// <param name="Author">The author's e-mail (or any stable id).</param>
/// <param name="When">Author time.</param>
/// <param name="Lines">Lines added plus lines deleted.</param>
public sealed record CommitFact(string Author, DateTimeOffset When, int Lines);
