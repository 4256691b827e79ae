using System.Globalization;

namespace Lifecycle.Benchmarks.Persisted;

/// <summary>Settings of the persisted measurement, from the command line.</summary>
public sealed record PersistedOptions(double Seconds, int Rounds, string Folder)
{
    /// <summary>Reads <c>--seconds N</c> (measured time per side, default 10), <c>--rounds R</c> (default 5) and <c>--folder DIR</c> (default the temp folder).</summary>
    /// <exception cref="ArgumentException">Every problem with the arguments, listed together.</exception>
    public static PersistedOptions Parse(IReadOnlyList<string> args)
    {
        var options = new PersistedOptions(10, 5, Path.GetTempPath());
        var errors = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--seconds" when double.TryParse(value, CultureInfo.InvariantCulture, out var seconds) && seconds > 0:
                    options = options with { Seconds = seconds };
                    i++;
                    break;
                case "--rounds" when int.TryParse(value, CultureInfo.InvariantCulture, out var rounds) && rounds > 0:
                    options = options with { Rounds = rounds };
                    i++;
                    break;
                case "--folder" when !string.IsNullOrWhiteSpace(value):
                    options = options with { Folder = value };
                    i++;
                    break;
                case "--seconds" or "--rounds" or "--folder":
                    errors.Add($"{args[i]} needs a {(args[i] == "--folder" ? "folder" : "positive number")}; got '{value}'.");
                    i++;
                    break;
                default:
                    errors.Add($"Unknown argument '{args[i]}'. Use --seconds N, --rounds R or --folder DIR.");
                    break;
            }
        }

        return errors.Count == 0 ? options : throw new ArgumentException(string.Join(Environment.NewLine, errors));
    }
}
