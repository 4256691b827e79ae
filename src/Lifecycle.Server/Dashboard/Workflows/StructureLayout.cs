using System.Text.Json.Nodes;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Server.Dashboard.Workflows;

/// <summary>
/// Lays out a workflow's activities for <see cref="StructureSvg"/>: every activity a box; a
/// composite a container whose slots are lanes side by side (If's <c>then</c> and <c>else</c>,
/// Parallel's branches, Switch's cases); a list run in order (a Sequence's <c>activities</c>) a lane
/// of boxes top to bottom joined by arrows.
/// </summary>
/// <remarks>
/// Written here because no graph layout library is served to us (and the browser gets no script
/// for it): the engine's definitions are trees (composites hold their children; there is no
/// flowchart with free connections), so a nested layout is enough: sizes are measured bottom up,
/// then positions given top down, in one pass each. Slots are found through the activity registry
/// (inputs of kind Activity, ActivityList, ObjectList), so activities added later are drawn too.
/// Text width is estimated from the character count (the server has no font metrics); labels past
/// <see cref="MaxLabel"/> characters are cut, and the full text is in each box's tooltip.
/// </remarks>
public static class StructureLayout
{
    internal const double CharWidth = 7.2;
    internal const double LeafHeight = 44;
    internal const double Header = 26;
    internal const double LaneLabel = 18;
    internal const double Pad = 10;
    internal const double Gap = 22;
    internal const double LaneGap = 14;
    internal const double MinWidth = 130;
    internal const int MaxLabel = 34;

    /// <summary>The list slot whose activities run one after another (drawn top to bottom with arrows).</summary>
    private const string SequentialSlot = "activities";

    /// <summary>Reads the tree of <paramref name="definition"/>'s <c>root</c> and lays it out.</summary>
    /// <returns>Null when the definition has no root activity object.</returns>
    public static StructureDrawing? Draw(JsonNode? definition, ActivityRegistry registry)
    {
        if (definition is not JsonObject document || document["root"] is not JsonObject root)
        {
            return null;
        }

        var box = Read(root, "$.root", registry);
        Measure(box);
        var arrows = new List<StructureArrow>();
        Place(box, 0, 0, arrows);
        return new StructureDrawing(box, arrows, box.Width, box.Height);
    }

    /// <summary>The box of one activity object and, through the registry's slots, of its children.</summary>
    internal static StructureBox Read(JsonObject activity, string path, ActivityRegistry registry)
    {
        var type = activity["type"] is JsonValue t && t.TryGetValue(out string? name) ? name : "?";
        var id = activity["id"] is JsonValue i && i.TryGetValue(out string? given) ? given : null;
        var descriptor = registry.TryGet(type, out var found) ? found : null;
        var box = new StructureBox { Path = path, Id = id, Type = type, IsComposite = descriptor?.IsComposite == true };
        foreach (var input in descriptor?.Inputs ?? [])
        {
            var slotPath = $"{path}.{input.Name}";
            switch (input.Kind, activity[input.Name])
            {
                case (InputKind.Activity, JsonObject child):
                    Lane(box, input.Name).Boxes.Add(Read(child, slotPath, registry));
                    break;
                case (InputKind.ActivityList, JsonArray list) when input.Name == SequentialSlot:
                    var lane = Lane(box, null);
                    foreach (var (child, index) in Objects(list))
                    {
                        lane.Boxes.Add(Read(child, $"{slotPath}[{index}]", registry));
                    }

                    break;
                case (InputKind.ActivityList, JsonArray list):
                    foreach (var (child, index) in Objects(list))
                    {
                        Lane(box, $"{input.Name}[{index}]").Boxes.Add(Read(child, $"{slotPath}[{index}]", registry));
                    }

                    break;
                case (InputKind.ObjectList, JsonArray items):
                    foreach (var (item, index) in Objects(items))
                    {
                        foreach (var slot in input.ItemInputs.Where(s => s.Kind == InputKind.Activity))
                        {
                            if (item[slot.Name] is JsonObject child)
                            {
                                Lane(box, $"{input.Name}[{index}].{slot.Name}").Boxes.Add(Read(child, $"{slotPath}[{index}].{slot.Name}", registry));
                            }
                        }
                    }

                    break;
            }
        }

        return box;
    }

    private static StructureLane Lane(StructureBox box, string? label)
    {
        var lane = new StructureLane(label);
        box.Lanes.Add(lane);
        return lane;
    }

    private static IEnumerable<(JsonObject Node, int Index)> Objects(JsonArray list) =>
        list.Select((node, index) => (node as JsonObject, index)).Where(p => p.Item1 is not null).Select(p => (p.Item1!, p.index));

    /// <summary>The widest label of a box, in characters (cut at <see cref="MaxLabel"/>).</summary>
    internal static int LabelLength(StructureBox box) =>
        Math.Min(MaxLabel, box.IsComposite ? box.Type.Length + 3 + box.Name.Length : Math.Max(box.Type.Length, box.Name.Length));

    private static void Measure(StructureBox box)
    {
        var label = LabelLength(box) * CharWidth + 2 * Pad;
        if (!box.IsComposite)
        {
            box.Width = Math.Max(MinWidth, label);
            box.Height = LeafHeight;
            return;
        }

        foreach (var lane in box.Lanes)
        {
            foreach (var child in lane.Boxes)
            {
                Measure(child);
            }

            lane.Width = Math.Max(lane.Label is null ? 0 : Math.Min(lane.Label.Length, MaxLabel) * CharWidth, lane.Boxes.Count == 0 ? 0 : lane.Boxes.Max(b => b.Width));
            lane.Height = (lane.Label is null ? 0 : LaneLabel) + lane.Boxes.Sum(b => b.Height) + Gap * Math.Max(0, lane.Boxes.Count - 1);
        }

        var lanesWidth = box.Lanes.Sum(l => l.Width) + LaneGap * Math.Max(0, box.Lanes.Count - 1);
        box.Width = Math.Max(Math.Max(MinWidth, label), lanesWidth + 2 * Pad);
        box.Height = Header + (box.Lanes.Count == 0 ? 0 : box.Lanes.Max(l => l.Height)) + Pad;
    }

    private static void Place(StructureBox box, double x, double y, List<StructureArrow> arrows)
    {
        box.X = x;
        box.Y = y;
        var lanesWidth = box.Lanes.Sum(l => l.Width) + LaneGap * Math.Max(0, box.Lanes.Count - 1);
        var laneX = x + (box.Width - lanesWidth) / 2;
        foreach (var lane in box.Lanes)
        {
            lane.X = laneX;
            lane.Y = y + Header;
            var childY = lane.Y + (lane.Label is null ? 0 : LaneLabel);
            var center = laneX + lane.Width / 2;
            for (var i = 0; i < lane.Boxes.Count; i++)
            {
                var child = lane.Boxes[i];
                if (i > 0)
                {
                    arrows.Add(new StructureArrow(center, childY - Gap, center, childY));
                }

                Place(child, center - child.Width / 2, childY, arrows);
                childY += child.Height + Gap;
            }

            laneX += lane.Width + LaneGap;
        }
    }
}
