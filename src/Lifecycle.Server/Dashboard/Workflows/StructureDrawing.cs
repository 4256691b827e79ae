namespace Lifecycle.Server.Dashboard.Workflows;

/// <summary>A laid-out structure: the root box (with every box inside it placed), the arrows, and the size of the whole.</summary>
public sealed record StructureDrawing(StructureBox Root, IReadOnlyList<StructureArrow> Arrows, double Width, double Height)
{
    /// <summary>Every activity's box, depth first.</summary>
    public IEnumerable<StructureBox> Boxes => Root.DescendantsAndSelf();
}
