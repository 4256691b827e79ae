using System.Globalization;

namespace Lifecycle.Server.Cli;

/// <summary>
/// Left-aligned columns for human output: plain text when redirected (scripts parse it), a
/// Spectre.Console table with colour on a terminal.
/// </summary>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [headers];

    public static string Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";

    public void Add(params string[] cells) => _rows.Add(cells);

    /// <summary>Writes to the command's output: a terminal gets the drawn table.</summary>
    public void WriteTo(CommandContext context)
    {
        if (ReferenceEquals(context.Out, Console.Out) && !Console.IsOutputRedirected)
        {
            Terminal.TerminalTable.Write(_rows[0], _rows.Skip(1).ToList());
            return;
        }

        WriteTo(context.Out);
    }

    public void WriteTo(TextWriter output)
    {
        var widths = Enumerable.Range(0, headers.Length).Select(i => _rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in _rows)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        }
    }
}
