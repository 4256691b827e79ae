namespace Lifecycle.Activities.Prediction;

/// <summary>One past work session as prediction sees it: a closed Lifecycle session, or commits grouped from git history.</summary>
/// <param name="Author">Who worked (an e-mail or id); null when unknown.</param>
/// <param name="Start">When it began.</param>
/// <param name="End">When it ended (its last commit, for a session grouped from history).</param>
/// <param name="Minutes">How long it lasted.</param>
/// <param name="Commits">Commits made in it.</param>
/// <param name="Lines">Lines added plus lines deleted.</param>
public sealed record WorkSample(string? Author, DateTimeOffset Start, DateTimeOffset End, double Minutes, int Commits, int Lines);
