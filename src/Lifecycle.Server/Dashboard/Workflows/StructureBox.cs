namespace Lifecycle.Server.Dashboard.Workflows;

/// <summary>
/// One activity of a workflow's structure picture: a box, with lanes of child boxes when the
/// activity is a composite. Positions are filled in by <see cref="StructureLayout"/>.
/// </summary>
public sealed class StructureBox
{
    /// <summary>The activity's JSONPath, as the engine and its messages name it (e.g. <c>$.root.activities[2]</c>).</summary>
    public required string Path { get; init; }

    /// <summary>The id given in the definition, if any.</summary>
    public string? Id { get; init; }

    /// <summary>The activity type as written (<c>?</c> when it is missing or not a string).</summary>
    public required string Type { get; init; }

    /// <summary>The child activities by slot; empty for a leaf.</summary>
    public List<StructureLane> Lanes { get; } = [];

    /// <summary>True for an activity that has child slots (even empty ones), drawn as a container.</summary>
    public bool IsComposite { get; init; }

    /// <summary>How the box is titled: its id, or the last step of its path when it has none.</summary>
    public string Name => Id ?? LastStep(Path);

    public double X { get; internal set; }

    public double Y { get; internal set; }

    public double Width { get; internal set; }

    public double Height { get; internal set; }

    /// <summary>This box and every box inside it, depth first.</summary>
    public IEnumerable<StructureBox> DescendantsAndSelf()
    {
        yield return this;
        foreach (var box in Lanes.SelectMany(l => l.Boxes).SelectMany(b => b.DescendantsAndSelf()))
        {
            yield return box;
        }
    }

    private static string LastStep(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot < 0 ? path : path[(dot + 1)..];
    }
}
