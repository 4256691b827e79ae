using System.Globalization;
using System.Net;
using System.Text;

namespace Lifecycle.Server.Dashboard.Workflows;

/// <summary>
/// Draws a <see cref="StructureDrawing"/> as inline SVG (no script, no external reference), with a
/// text alternative: the picture's <c>title</c> and <c>desc</c>, and <see cref="Outline"/> as a
/// nested list for readers who cannot see it. Colours come from CSS classes (workflows.css), so the
/// picture follows the page's light or dark scheme.
/// </summary>
public static class StructureSvg
{
    private const double Margin = 8;

    /// <param name="drawing">The laid-out structure.</param>
    /// <param name="elementId">The svg element's id (its title's and arrow marker's ids derive from it).</param>
    /// <param name="workflow">The workflow's name, for the text alternative.</param>
    public static string Render(StructureDrawing drawing, string elementId, string workflow)
    {
        var boxes = drawing.Boxes.ToList();
        var width = drawing.Width + 2 * Margin;
        var height = drawing.Height + 2 * Margin;
        var label = $"Structure of workflow {workflow}: {boxes.Count} {(boxes.Count == 1 ? "activity" : "activities")}";
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"""<svg id="{E(elementId)}" class="structure" role="img" aria-labelledby="{E(elementId)}-title {E(elementId)}-desc" width="{N(width)}" height="{N(height)}" viewBox="0 0 {N(width)} {N(height)}">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title id="{E(elementId)}-title">{E(label)}</title>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<desc id="{E(elementId)}-desc">{E(Describe(drawing.Root))}</desc>""");
        svg.Append(CultureInfo.InvariantCulture,
            $"""<defs><marker id="{E(elementId)}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="arrow-head" d="M0,0 L10,5 L0,10 z"/></marker></defs>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<g transform="translate({N(Margin)},{N(Margin)})">""");
        Box(svg, drawing.Root);
        foreach (var arrow in drawing.Arrows)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"""<line class="arrow" x1="{N(arrow.X1)}" y1="{N(arrow.Y1 + 1)}" x2="{N(arrow.X2)}" y2="{N(arrow.Y2 - 1)}" marker-end="url(#{E(elementId)}-arrow)"/>""");
        }

        svg.Append("</g></svg>");
        return svg.ToString();
    }

    /// <summary>The structure as nested HTML lists: "name (Type)", each composite's slots under it.</summary>
    public static string Outline(StructureDrawing drawing)
    {
        var html = new StringBuilder("<ul class=\"outline\">");
        Item(html, drawing.Root);
        return html.Append("</ul>").ToString();
    }

    private static void Box(StringBuilder svg, StructureBox box)
    {
        var kind = box.IsComposite ? "activity composite" : "activity";
        svg.Append(CultureInfo.InvariantCulture,
            $"""<g class="{kind}" data-path="{E(box.Path)}" data-type="{E(box.Type)}"{(box.Id is null ? "" : $" data-id=\"{E(box.Id)}\"")}>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title>{E(box.Name)} ({E(box.Type)}) at {E(box.Path)}</title>""");
        svg.Append(CultureInfo.InvariantCulture,
            $"""<rect x="{N(box.X)}" y="{N(box.Y)}" width="{N(box.Width)}" height="{N(box.Height)}" rx="6"/>""");
        if (box.IsComposite)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text class="type" x="{N(box.X + StructureLayout.Pad)}" y="{N(box.Y + 17)}">{E(Cut(box.Type))} <tspan class="name">{E(Cut(box.Name, StructureLayout.MaxLabel - box.Type.Length - 1))}</tspan></text>""");
            foreach (var lane in box.Lanes)
            {
                if (lane.Label is not null)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"""<text class="slot" x="{N(lane.X)}" y="{N(lane.Y + 12)}">{E(Cut(lane.Label))}</text>""");
                }

                foreach (var child in lane.Boxes)
                {
                    Box(svg, child);
                }
            }
        }
        else
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="name" x="{N(box.X + StructureLayout.Pad)}" y="{N(box.Y + 18)}">{E(Cut(box.Name))}</text>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="type" x="{N(box.X + StructureLayout.Pad)}" y="{N(box.Y + 35)}">{E(Cut(box.Type))}</text>""");
        }

        svg.Append("</g>");
    }

    private static void Item(StringBuilder html, StructureBox box)
    {
        html.Append("<li><code>").Append(WebUtility.HtmlEncode(box.Name)).Append("</code> (").Append(WebUtility.HtmlEncode(box.Type)).Append(')');
        if (box.Lanes.Count > 0)
        {
            html.Append("<ul>");
            foreach (var lane in box.Lanes)
            {
                if (lane.Label is not null)
                {
                    html.Append("<li>").Append(WebUtility.HtmlEncode(lane.Label)).Append(":<ul>");
                }

                foreach (var child in lane.Boxes)
                {
                    Item(html, child);
                }

                if (lane.Label is not null)
                {
                    html.Append("</ul></li>");
                }
            }

            html.Append("</ul>");
        }

        html.Append("</li>");
    }

    /// <summary>One sentence per composite: "Sequence root runs: a (Log), then b (Fail)."</summary>
    private static string Describe(StructureBox root)
    {
        var sentences = root.DescendantsAndSelf()
            .Where(b => b.Lanes.Count > 0)
            .Select(b => $"{b.Type} {b.Name} runs " + string.Join("; ", b.Lanes.Select(l =>
                (l.Label is null ? "" : $"{l.Label}: ") + string.Join(", then ", l.Boxes.Select(c => $"{c.Name} ({c.Type})")))) + ".");
        var text = string.Join(" ", sentences);
        return text.Length > 0 ? text : $"{root.Name} ({root.Type}).";
    }

    private static string Cut(string text, int max = StructureLayout.MaxLabel)
    {
        max = Math.Max(4, max);
        return text.Length <= max ? text : text[..(max - 1)] + "…";
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
