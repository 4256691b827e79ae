using System.Globalization;

namespace Lifecycle.Server.Reports;

/// <summary>
/// How the reports round and print numbers: the model holds values already rounded, and every
/// writer prints them with <see cref="Text(double)"/>, so the HTML tables show exactly what the JSON holds.
/// </summary>
public static class ReportNumbers
{
    /// <summary>Rounds to <paramref name="decimals"/> places (away from zero at the half).</summary>
    public static double Round(double value, int decimals = 1) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    /// <summary>Rounds a value that may be missing.</summary>
    public static double? Round(double? value, int decimals) => value is { } v ? Round(v, decimals) : null;

    /// <summary>The invariant, shortest text of a number (<c>2.5</c>, <c>3</c>).</summary>
    public static string Text(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>The text of a value that may be missing: <c>n/a</c> when it is.</summary>
    public static string Text(double? value) => value is { } v ? Text(v) : "n/a";
}
