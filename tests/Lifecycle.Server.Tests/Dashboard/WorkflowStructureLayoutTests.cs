using System.Text.Json.Nodes;
using System.Xml.Linq;
using Lifecycle.Server.Dashboard.Workflows;
using Lifecycle.Server.Hosting;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Server.Tests.Dashboard;

/// <summary>The structure picture's layout and SVG, on the shipped workflows and on a nested one.</summary>
public sealed class WorkflowStructureLayoutTests
{
    private static readonly ActivityRegistry Registry = ProductActivities.CreateRegistry();

    private const string Nested = """
    {
      "id": "nested",
      "root": { "type": "Sequence", "activities": [
        { "id": "first", "type": "Log", "message": "go" },
        { "id": "fork", "type": "Parallel", "branches": [
          { "id": "left", "type": "Log", "message": "l" },
          { "id": "right", "type": "Sequence", "activities": [ { "id": "r1", "type": "Log", "message": "1" }, { "id": "r2", "type": "Log", "message": "2" } ] } ] },
        { "id": "choose", "type": "If", "condition": true,
          "then": { "id": "loop", "type": "ForEach", "items": [1], "variable": "i", "body": { "id": "inner", "type": "Log", "message": "i" } },
          "else": { "id": "guard", "type": "TryCatch", "try": { "id": "boom", "type": "Fail", "message": "x" }, "catch": { "id": "caught", "type": "Log", "message": "c" } } },
        { "id": "pick", "type": "Switch", "cases": [ { "when": true, "do": { "id": "case0", "type": "Log", "message": "0" } } ], "default": { "id": "otherwise", "type": "Finish" } },
        { "type": "Log", "message": "no id" }
      ] }
    }
    """;

    public static TheoryData<string> Shipped() => new(Directory.GetFiles(Path.Combine(RepositoryRoot(), "workflows"), "*.json", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(RepositoryRoot(), f)));

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Every_activity_of_a_shipped_workflow_is_a_box_inside_its_parent_apart_from_its_siblings(string file)
    {
        var definition = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), file)), documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;

        var drawing = StructureLayout.Draw(definition, Registry)!;

        Assert.Equal(Ids(definition).Order(), drawing.Boxes.Where(b => b.Id is not null).Select(b => b.Id!).Order());
        AssertNested(drawing.Root);
        AssertSvgHasEveryBox(drawing);
    }

    [Fact]
    public void Composites_nest_their_children_in_lanes_named_by_slot()
    {
        var drawing = StructureLayout.Draw(JsonNode.Parse(Nested), Registry)!;
        var byId = drawing.Boxes.Where(b => b.Id is not null).ToDictionary(b => b.Id!);

        Assert.Equal(17, drawing.Boxes.Count());
        Assert.Equal(["branches[0]", "branches[1]"], byId["fork"].Lanes.Select(l => l.Label));
        Assert.Equal(["then", "else"], byId["choose"].Lanes.Select(l => l.Label));
        Assert.Equal(["try", "catch"], byId["guard"].Lanes.Select(l => l.Label));
        Assert.Equal(["cases[0].do", "default"], byId["pick"].Lanes.Select(l => l.Label));
        Assert.Equal("$.root.activities[3].cases[0].do", byId["case0"].Path);
        Assert.Equal("$.root.activities[1].branches[1].activities[1]", byId["r2"].Path);
        Assert.Equal("activities[4]", drawing.Boxes.Single(b => b.Id is null && b.Type == "Log").Name);
        AssertNested(drawing.Root);

        // A lane side by side: then to the left of else, both below the If's header.
        Assert.True(byId["loop"].X + byId["loop"].Width <= byId["guard"].X);
        Assert.True(byId["loop"].Y > byId["choose"].Y);
        AssertSvgHasEveryBox(drawing);
    }

    [Fact]
    public void Activities_in_order_are_stacked_and_joined_by_an_arrow_each()
    {
        var drawing = StructureLayout.Draw(JsonNode.Parse(Nested), Registry)!;
        var root = drawing.Root.Lanes.Single().Boxes;

        for (var i = 1; i < root.Count; i++)
        {
            Assert.True(root[i].Y >= root[i - 1].Y + root[i - 1].Height);
        }

        // 4 arrows between the root's 5 activities, 1 between r1 and r2.
        Assert.Equal(5, drawing.Arrows.Count);
        Assert.All(drawing.Arrows, a => Assert.True(a.Y2 > a.Y1));
    }

    [Fact]
    public void The_svg_has_a_text_alternative_and_escapes_what_the_definition_says()
    {
        var drawing = StructureLayout.Draw(JsonNode.Parse("""{ "id": "x", "root": { "id": "<b>&", "type": "Log", "message": "m" } }"""), Registry)!;

        var svg = StructureSvg.Render(drawing, "structure", "X \"quoted\"");

        var document = XElement.Parse(svg);
        Assert.Equal("img", (string?)document.Attribute("role"));
        Assert.Contains("Structure of workflow X \"quoted\": 1 activity", document.Element("title")!.Value);
        Assert.Contains("<b>&", document.Descendants("text").First().Value);
        Assert.Contains("&lt;b&gt;&amp;", StructureSvg.Outline(drawing));
    }

    [Fact]
    public void A_definition_without_a_root_object_draws_nothing_and_an_unknown_type_is_a_leaf()
    {
        Assert.Null(StructureLayout.Draw(JsonNode.Parse("""{ "id": "x" }"""), Registry));
        var drawing = StructureLayout.Draw(JsonNode.Parse("""{ "id": "x", "root": { "type": "Gone", "activities": [ { "type": "Log" } ] } }"""), Registry)!;
        Assert.Single(drawing.Boxes);
        Assert.False(drawing.Root.IsComposite);
    }

    private static void AssertNested(StructureBox box)
    {
        foreach (var lane in box.Lanes)
        {
            foreach (var child in lane.Boxes)
            {
                Assert.True(child.X >= box.X && child.Y >= box.Y + StructureLayout.Header - 0.01, $"{child.Path} starts outside {box.Path}");
                Assert.True(child.X + child.Width <= box.X + box.Width + 0.01 && child.Y + child.Height <= box.Y + box.Height + 0.01, $"{child.Path} ends outside {box.Path}");
                AssertNested(child);
            }
        }

        var siblings = box.Lanes.SelectMany(l => l.Boxes).ToList();
        foreach (var a in siblings)
        {
            foreach (var b in siblings.Where(b => !ReferenceEquals(a, b)))
            {
                var apart = a.X + a.Width <= b.X + 0.01 || b.X + b.Width <= a.X + 0.01 || a.Y + a.Height <= b.Y + 0.01 || b.Y + b.Height <= a.Y + 0.01;
                Assert.True(apart, $"{a.Path} overlaps {b.Path}");
            }
        }
    }

    private static void AssertSvgHasEveryBox(StructureDrawing drawing)
    {
        var svg = XElement.Parse(StructureSvg.Render(drawing, "structure", "w"));
        var paths = svg.Descendants("g").Select(g => (string?)g.Attribute("data-path")).OfType<string>().ToList();
        Assert.Equal(drawing.Boxes.Select(b => b.Path).Order(), paths.Order());
    }

    private static IEnumerable<string> Ids(JsonNode? node) => node switch
    {
        JsonObject o => (o["id"] is JsonValue v && v.TryGetValue(out string? id) && o.ContainsKey("type") ? [id] : Array.Empty<string>())
            .Concat(o.Where(p => p.Key != "inputs" && p.Key != "variables").SelectMany(p => Ids(p.Value))),
        JsonArray a => a.SelectMany(Ids),
        _ => [],
    };

    private static string RepositoryRoot()
    {
        var folder = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(folder, "Lifecycle.sln")))
        {
            folder = Path.GetDirectoryName(folder)!;
        }

        return folder;
    }
}
