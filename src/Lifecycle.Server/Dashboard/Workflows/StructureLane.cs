namespace Lifecycle.Server.Dashboard.Workflows;

/// <summary>
/// The children a composite runs from one slot, stacked top to bottom: a Sequence's activities (run
/// in order, joined by arrows), or the one activity of a slot like If's <c>then</c>.
/// </summary>
/// <param name="Label">The slot's name (<c>then</c>, <c>branches[1]</c>, <c>cases[0].do</c>); null for a Sequence's own list.</param>
public sealed record StructureLane(string? Label)
{
    public List<StructureBox> Boxes { get; } = [];

    public double X { get; internal set; }

    public double Y { get; internal set; }

    public double Width { get; internal set; }

    public double Height { get; internal set; }
}
