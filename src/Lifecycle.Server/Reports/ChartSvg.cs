using System.Net;
using System.Text.RegularExpressions;
using ScottPlot;

namespace Lifecycle.Server.Reports;

/// <summary>
/// Turns a ScottPlot <see cref="Plot"/> into an inline, accessible <c>&lt;svg&gt;</c>: the chart
/// says what it shows (<c>role="img"</c>, <c>aria-label</c> and a <c>&lt;title&gt;</c>) and holds no
/// URL at all (the XML namespaces, which HTML does not need inline, are dropped), so a page that
/// embeds it opens offline and a scan for <c>http</c> finds nothing.
/// </summary>
internal static partial class ChartSvg
{
    public const int Width = 820;
    public const int Height = 380;

    /// <summary>A plot styled alike for every chart: a title, axis labels with units, dark text on white.</summary>
    public static Plot New(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Axes.Color(Color.FromHex("#222222"));
        plot.Grid.MajorLineColor = Color.FromHex("#e3e3e3");
        return plot;
    }

    /// <summary>The plot as an inline svg whose text alternative is its title and <paramref name="description"/> (the figures it shows).</summary>
    public static string Render(Plot plot, string description)
    {
        var svg = plot.GetSvgXml(Width, Height);
        svg = Namespace().Replace(svg, "");
        var open = svg.IndexOf("<svg", StringComparison.Ordinal);
        var close = svg.IndexOf('>', open);
        var label = WebUtility.HtmlEncode($"{plot.Axes.Title.Label.Text}. {description}");
        var viewBox = svg[open..close].Contains("viewBox", StringComparison.Ordinal) ? "" : $" viewBox=\"0 0 {Width} {Height}\"";
        return svg[open..close] + viewBox + $" role=\"img\" aria-label=\"{label}\" class=\"chart\"><title>{label}</title>" + svg[(close + 1)..];
    }

    [GeneratedRegex("""\s+xmlns(:\w+)?="[^"]*"|<\?xml[^>]*\?>\s*""")]
    private static partial Regex Namespace();
}
