using Spectre.Console;

namespace Lifecycle.Server.Cli.Terminal;

/// <summary>A table drawn with Spectre.Console on the terminal, states and statuses in colour.</summary>
internal static class TerminalTable
{
    public static void Write(IReadOnlyList<string> headers, IReadOnlyList<string[]> rows)
    {
        var table = new Table().Border(TableBorder.Rounded).BorderColor(Color.Grey);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn($"[bold]{Markup.Escape(header)}[/]"));
        }

        foreach (var row in rows)
        {
            table.AddRow([.. row.Select(Cell)]);
        }

        AnsiConsole.Write(table);
    }

    private static string Cell(string text) => text switch
    {
        "ACTIVE" or "Finished" or "done" => $"[green]{Markup.Escape(text)}[/]",
        "INITIALIZING" or "CLOSING" or "Suspended" or "Running" => $"[yellow]{Markup.Escape(text)}[/]",
        "Faulted" or "Cancelled" => $"[red]{Markup.Escape(text)}[/]",
        "DORMANT" or "-" => $"[grey]{Markup.Escape(text)}[/]",
        _ when text.StartsWith("blocked", StringComparison.Ordinal) => $"[red]{Markup.Escape(text)}[/]",
        _ when text.StartsWith("done in", StringComparison.Ordinal) => $"[green]{Markup.Escape(text)}[/]",
        _ => Markup.Escape(text),
    };
}
