namespace Lifecycle.Server.Suggestions;

/// <summary>A number behind a suggestion.</summary>
/// <param name="Name">What it is, camelCase (<c>meanScore</c>, <c>otherMeanScore</c>, <c>difference</c>, <c>spearmanRho</c>, …).</param>
/// <param name="Value">Its value (scores 0 to 1 with three decimals, minutes with one).</param>
public sealed record SuggestionFigure(string Name, double Value);
