using System.Net;
using System.Text;

namespace Lifecycle.Server.Reports;

/// <summary>
/// A small writer of one self-contained HTML page: inline CSS, no script, no external URL; text is
/// always encoded. Tables have a caption and header cells, for screen readers.
/// </summary>
internal sealed class HtmlPage
{
    private const string Style = """
        :root { color-scheme: light; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1a1a1a; background: #ffffff; margin: 0 auto; padding: 1rem 1.25rem 3rem; max-width: 60rem; line-height: 1.45; }
        h1 { font-size: 1.6rem; margin-bottom: .25rem; }
        h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 2px solid #1f5fa8; padding-bottom: .2rem; }
        p.meta { color: #444444; margin-top: 0; }
        figure { margin: 1rem 0; }
        svg.chart { max-width: 100%; height: auto; border: 1px solid #d0d0d0; }
        table { border-collapse: collapse; margin: .75rem 0; font-size: .92rem; }
        caption { text-align: left; font-weight: 600; padding: .25rem 0; }
        th, td { border: 1px solid #c8c8c8; padding: .25rem .5rem; text-align: left; }
        th { background: #eef3f9; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        .met { color: #1b5e20; font-weight: 600; }
        .unmet { color: #a11a12; font-weight: 600; }
        details { margin: .5rem 0; }
        summary { cursor: pointer; font-weight: 600; }
        .scroll { overflow-x: auto; }
        """;

    private readonly StringBuilder _html = new();

    public HtmlPage(string title, string meta)
    {
        _html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n")
            .Append("<h1>").Append(Encode(title)).Append("</h1>\n<p class=\"meta\">").Append(Encode(meta)).Append("</p>\n");
    }

    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    public HtmlPage Heading(string text, string id)
    {
        _html.Append("<h2 id=\"").Append(id).Append("\">").Append(Encode(text)).Append("</h2>\n");
        return this;
    }

    public HtmlPage Paragraph(string text)
    {
        _html.Append("<p>").Append(Encode(text)).Append("</p>\n");
        return this;
    }

    public HtmlPage List(IEnumerable<string> items)
    {
        _html.Append("<ul>\n");
        foreach (var item in items)
        {
            _html.Append("<li>").Append(Encode(item)).Append("</li>\n");
        }

        _html.Append("</ul>\n");
        return this;
    }

    /// <summary>A chart (an inline svg from <see cref="ReportCharts"/>) in a figure with a visible caption.</summary>
    public HtmlPage Chart(string svg, string caption)
    {
        _html.Append("<figure>\n").Append(svg).Append("\n<figcaption>").Append(Encode(caption)).Append("</figcaption>\n</figure>\n");
        return this;
    }

    /// <summary>A table; a cell that parses as a number is right-aligned. Row attributes (e.g. <c>data-session</c>) come from <paramref name="rowKey"/>.</summary>
    public HtmlPage Table(string id, string caption, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, Func<IReadOnlyList<string>, string?>? rowKey = null, bool collapsed = false)
    {
        if (collapsed)
        {
            _html.Append("<details>\n<summary>").Append(Encode(caption)).Append("</summary>\n");
        }

        _html.Append("<div class=\"scroll\"><table id=\"").Append(id).Append("\">\n<caption>").Append(Encode(caption)).Append("</caption>\n<thead><tr>");
        foreach (var header in headers)
        {
            _html.Append("<th scope=\"col\">").Append(Encode(header)).Append("</th>");
        }

        _html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            _html.Append("<tr");
            if (rowKey?.Invoke(row) is { } key)
            {
                _html.Append(" data-key=\"").Append(Encode(key)).Append('"');
            }

            _html.Append('>');
            foreach (var cell in row)
            {
                var numeric = double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
                var css = cell switch { "met" => " class=\"met\"", "not met" => " class=\"unmet\"", _ => numeric ? " class=\"n\"" : "" };
                _html.Append("<td").Append(css).Append('>').Append(Encode(cell)).Append("</td>");
            }

            _html.Append("</tr>\n");
        }

        _html.Append("</tbody>\n</table></div>\n");
        if (collapsed)
        {
            _html.Append("</details>\n");
        }

        return this;
    }

    public override string ToString() => _html.ToString() + "</main>\n</body>\n</html>\n";
}
