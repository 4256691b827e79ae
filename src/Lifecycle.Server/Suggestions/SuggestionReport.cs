namespace Lifecycle.Server.Suggestions;

/// <summary>The suggestions from the closed sessions' history: what <c>lifecycle suggest</c> and <c>GET /api/suggestions</c> answer.</summary>
/// <param name="GeneratedAt">When they were made.</param>
/// <param name="TimeZone">The zone of the hours of day.</param>
/// <param name="Sessions">How many closed sessions were read.</param>
/// <param name="ScoredSessions">How many of them have a score (long enough to score).</param>
/// <param name="Suggestions">The suggestions, the most pressing first (blockers, slipping tasks, then the score comparisons).</param>
/// <param name="Withheld">For each kind that made no suggestion, why (too few sessions, no difference worth a change, nothing wrong).</param>
public sealed record SuggestionReport(
    DateTimeOffset GeneratedAt,
    string TimeZone,
    int Sessions,
    int ScoredSessions,
    IReadOnlyList<Suggestion> Suggestions,
    IReadOnlyList<string> Withheld);
