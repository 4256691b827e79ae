namespace Lifecycle.Server.Suggestions;

/// <summary>One optimization suggestion from the recorded history, never without the figures behind it.</summary>
/// <param name="Kind">One of <see cref="SuggestionKinds"/>.</param>
/// <param name="Advice">What to do, one sentence.</param>
/// <param name="Evidence">Why, one sentence with the numbers: how many sessions, what was compared, the difference.</param>
/// <param name="Sessions">How many sessions the evidence rests on.</param>
/// <param name="MinimumSessions">The sample size below which this kind makes no suggestion.</param>
/// <param name="Figures">The numbers of <paramref name="Evidence"/>, by name (for scripts and charts).</param>
public sealed record Suggestion(string Kind, string Advice, string Evidence, int Sessions, int MinimumSessions, IReadOnlyList<SuggestionFigure> Figures)
{
    /// <summary>The suggestion on one line: advice, then evidence.</summary>
    public string Line => $"{Advice} Evidence: {Evidence}";
}
