using System.Globalization;
using System.Net;
using System.Text;
using Lifecycle.Activities.Sessions;

namespace Lifecycle.Server.Dashboard.Workflows;

/// <summary>
/// Draws the session's transition table (<see cref="SessionTransitions"/>) as inline SVG: the states
/// left to right in the order a session goes through them, a transition to the next state as a
/// straight arrow, any other as an arc (forward above, back below, deeper the farther it goes),
/// each labelled with its trigger.
/// </summary>
/// <remarks>
/// A layered layout of our own, as for <see cref="StructureLayout"/>: no graph library is served,
/// and a handful of states in one row reads better than any general-purpose placement.
/// </remarks>
public static class StateMachineSvg
{
    private const double NodeWidth = 130;
    private const double NodeHeight = 44;
    private const double Spacing = 100;
    private const double Left = 46;
    private const double ArcStep = 30;

    public static string Render(IReadOnlyList<SessionTransitions.Transition> table, string elementId)
    {
        var states = SessionTransitions.States(table);
        var index = states.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i);
        double Center(SessionState s) => Left + index[s] * (NodeWidth + Spacing) + NodeWidth / 2;

        var above = table.Where(t => index[t.To] > index[t.From] + 1 || t.To == t.From).Select(Depth).DefaultIfEmpty(0).Max();
        var below = table.Where(t => index[t.To] < index[t.From]).Select(Depth).DefaultIfEmpty(0).Max();
        var top = 24 + above;
        var bottom = top + NodeHeight;
        var width = Left + states.Count * NodeWidth + (states.Count - 1) * Spacing + 16;
        var height = bottom + below + 24;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"""<svg id="{E(elementId)}" class="machine" role="img" aria-labelledby="{E(elementId)}-title {E(elementId)}-desc" width="{N(width)}" height="{N(height)}" viewBox="0 0 {N(width)} {N(height)}">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title id="{E(elementId)}-title">Session state machine: {states.Count} states, {table.Count} transitions</title>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<desc id="{E(elementId)}-desc">{E(string.Join("; ", table.Select(t => $"{Name(t.From)} to {Name(t.To)} on {Trigger(t.Trigger)}")))}.</desc>""");
        svg.Append(CultureInfo.InvariantCulture,
            $"""<defs><marker id="{E(elementId)}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="arrow-head" d="M0,0 L10,5 L0,10 z"/></marker></defs>""");
        var marker = $"url(#{E(elementId)}-arrow)";

        // The initial state: a dot with an arrow into it.
        var first = Center(states[0]) - NodeWidth / 2;
        svg.Append(CultureInfo.InvariantCulture, $"""<circle class="initial" cx="14" cy="{N(top + NodeHeight / 2)}" r="6"><title>Initial state</title></circle>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<line class="arrow" x1="20" y1="{N(top + NodeHeight / 2)}" x2="{N(first - 2)}" y2="{N(top + NodeHeight / 2)}" marker-end="{marker}"/>""");

        foreach (var state in states)
        {
            var x = Center(state) - NodeWidth / 2;
            svg.Append(CultureInfo.InvariantCulture, $"""<g class="state" data-state="{E(Name(state))}"><title>{E(Name(state))}</title>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{N(x)}" y="{N(top)}" width="{N(NodeWidth)}" height="{N(NodeHeight)}" rx="22"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{N(x + NodeWidth / 2)}" y="{N(top + NodeHeight / 2 + 5)}" text-anchor="middle">{E(Name(state))}</text></g>""");
        }

        foreach (var t in table)
        {
            var (from, to) = (index[t.From], index[t.To]);
            string path;
            double labelX, labelY;
            if (to == from + 1)
            {
                var y = top + NodeHeight / 2;
                var (x1, x2) = (Center(t.From) + NodeWidth / 2, Center(t.To) - NodeWidth / 2);
                path = $"M{N(x1)},{N(y)} L{N(x2 - 2)},{N(y)}";
                (labelX, labelY) = ((x1 + x2) / 2, y - 7);
            }
            else if (to > from || to == from)
            {
                var d = Depth(t);
                var (x1, x2) = to == from ? (Center(t.From) - 20, Center(t.To) + 20) : (Center(t.From) + 20, Center(t.To) - 20);
                path = $"M{N(x1)},{N(top)} C{N(x1)},{N(top - d * 1.3)} {N(x2)},{N(top - d * 1.3)} {N(x2)},{N(top - 2)}";
                (labelX, labelY) = ((x1 + x2) / 2, top - d + 4);
            }
            else
            {
                var d = Depth(t);
                // Each arc its own end points, spread by distance, so arrows into one state do not meet in one point.
                var spread = 8 + 10 * (from - to);
                var (x1, x2) = (Center(t.From) - spread, Center(t.To) + spread);
                path = $"M{N(x1)},{N(bottom)} C{N(x1)},{N(bottom + d * 1.3)} {N(x2)},{N(bottom + d * 1.3)} {N(x2)},{N(bottom + 2)}";
                (labelX, labelY) = ((x1 + x2) / 2, bottom + d + 2);
            }

            svg.Append(CultureInfo.InvariantCulture,
                $"""<g class="transition" data-from="{E(Name(t.From))}" data-to="{E(Name(t.To))}" data-trigger="{E(Trigger(t.Trigger))}"><title>{E(Name(t.From))} → {E(Name(t.To))} on {E(Trigger(t.Trigger))}</title>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<path class="arrow" d="{path}" marker-end="{marker}"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{N(labelX)}" y="{N(labelY)}" text-anchor="middle">{E(Trigger(t.Trigger))}</text></g>""");
        }

        return svg.Append("</svg>").ToString();

        double Depth(SessionTransitions.Transition t) => ArcStep * (1 + Math.Abs(index[t.To] - index[t.From]));
    }

    /// <summary>A state as the product prints it (DORMANT, ACTIVE...).</summary>
    public static string Name(SessionState state) => state.ToString().ToUpperInvariant();

    /// <summary>A trigger as the docs write it (start, close...).</summary>
    public static string Trigger(SessionTrigger trigger) => trigger.ToString().ToLowerInvariant();

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
