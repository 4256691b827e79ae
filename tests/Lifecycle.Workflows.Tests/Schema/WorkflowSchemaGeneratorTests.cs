using System.Text.Json.Nodes;
using Lifecycle.Workflows.Activities;
using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Schema;

namespace Lifecycle.Workflows.Tests.Schema;

public class WorkflowSchemaGeneratorTests
{
    private static readonly JsonObject BuiltIn = WorkflowSchemaGenerator.Generate(new ActivityRegistry());

    [Fact]
    public void Generate_BuiltInRegistry_DefinesEveryActivityType()
    {
        var registry = new ActivityRegistry();

        var definitions = Definitions(WorkflowSchemaGenerator.Generate(registry));

        Assert.NotEmpty(registry.TypeNames);
        Assert.All(registry.TypeNames, type => Assert.Equal(type, definitions[type]!["properties"]!["type"]!["const"]!.GetValue<string>()));
        Assert.Equal(registry.TypeNames.Concat(WorkflowSchemaGenerator.SharedDefinitions).Order(StringComparer.Ordinal),
            definitions.Select(d => d.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Generate_ActivityUnion_IsOneOfEveryTypeSortedByName()
    {
        var registry = new ActivityRegistry();

        var union = Definitions(BuiltIn)["activity"]!;

        Assert.Equal(registry.TypeNames.Select(t => $"#/$defs/{t}"), union["oneOf"]!.AsArray().Select(r => r!["$ref"]!.GetValue<string>()));
        Assert.Equal(registry.TypeNames, Strings(union["properties"]!["type"]!["enum"]));
        Assert.Equal(registry.TypeNames, Definitions(BuiltIn).Select(d => d.Key).Where(k => !WorkflowSchemaGenerator.SharedDefinitions.Contains(k)));
    }

    [Fact]
    public void Generate_ActivityDefinition_ListsRequiredInputsAndForbidsUnknownProperties()
    {
        var @if = Definitions(BuiltIn)["If"]!;

        Assert.Equal("object", @if["type"]!.GetValue<string>());
        Assert.Equal(["type", "condition", "then"], Strings(@if["required"]));
        Assert.False(@if["additionalProperties"]!.GetValue<bool>());
        Assert.Equal(["condition", "description", "else", "id", "then", "type"], @if["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("Runs when the condition is false.", @if["properties"]!["else"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public void Generate_ValueInput_AcceptsItsLiteralTypeOrAnExpression()
    {
        var condition = Definitions(BuiltIn)["If"]!["properties"]!["condition"]!;
        var maxIterations = Definitions(BuiltIn)["While"]!["properties"]!["maxIterations"]!;

        Assert.Equal("""[{"type":"boolean"},{"$ref":"#/$defs/expression"}]""", condition["anyOf"]!.ToJsonString());
        Assert.Equal("""[{"type":"integer"},{"$ref":"#/$defs/expression"}]""", maxIterations["anyOf"]!.ToJsonString());
        Assert.Equal("The condition; JavaScript truthiness applies to expressions.", condition["description"]!.GetValue<string>());
    }

    [Fact]
    public void Generate_NullableValueInput_AllowsNull()
    {
        var correlation = Definitions(BuiltIn)["WaitForEvent"]!["properties"]!["correlation"]!;
        var @event = Definitions(BuiltIn)["WaitForEvent"]!["properties"]!["event"]!;

        Assert.Equal("""["string","null"]""", correlation["anyOf"]![0]!["type"]!.ToJsonString());
        Assert.Equal("\"string\"", @event["anyOf"]![0]!["type"]!.ToJsonString());
    }

    [Fact]
    public void Generate_ChildActivityInputs_ReferenceTheActivityUnion()
    {
        var then = Definitions(BuiltIn)["If"]!["properties"]!["then"]!;
        var activities = Definitions(BuiltIn)["Sequence"]!["properties"]!["activities"]!;

        Assert.Equal("#/$defs/activity", then["$ref"]!.GetValue<string>());
        Assert.Equal("array", activities["type"]!.GetValue<string>());
        Assert.Equal("#/$defs/activity", activities["items"]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/$defs/activity", BuiltIn["properties"]!["root"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public void Generate_ObjectListInput_DescribesItsItemsAsClosedObjects()
    {
        var cases = Definitions(BuiltIn)["Switch"]!["properties"]!["cases"]!;

        Assert.Equal("array", cases["type"]!.GetValue<string>());
        var item = cases["items"]!;
        Assert.Equal(["do", "when"], Strings(item["required"]));
        Assert.False(item["additionalProperties"]!.GetValue<bool>());
        Assert.Equal("#/$defs/activity", item["properties"]!["do"]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/$defs/expression", item["properties"]!["when"]!["anyOf"]![1]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public void Generate_Activity_CarriesDescriptionCategoryAndOutputs()
    {
        var wait = Definitions(BuiltIn)["WaitForEvent"]!;
        var sequence = Definitions(BuiltIn)["Sequence"]!;

        Assert.StartsWith("Suspends the workflow until the event", wait["description"]!.GetValue<string>());
        Assert.Equal("Bookmarks", wait["x-category"]!.GetValue<string>());
        Assert.Equal(["payload"], Strings(wait["x-outputs"]));
        Assert.Equal("Control", sequence["x-category"]!.GetValue<string>());
        Assert.Null(sequence["x-outputs"]);
    }

    [Fact]
    public void Generate_Expression_IsAnObjectWithOnlyAStringJs()
    {
        var expression = Definitions(BuiltIn)["expression"]!;

        Assert.Equal("object", expression["type"]!.GetValue<string>());
        Assert.Equal(["js"], Strings(expression["required"]));
        Assert.Equal("string", expression["properties"]!["js"]!["type"]!.GetValue<string>());
        Assert.False(expression["additionalProperties"]!.GetValue<bool>());
    }

    [Fact]
    public void Generate_TopLevel_DeclaresEveryDefinitionFieldAndNothingElse()
    {
        Assert.Equal(WorkflowSchemaGenerator.Dialect, BuiltIn["$schema"]!.GetValue<string>());
        Assert.Equal(["$schema", "id", "name", "description", "inputs", "variables", "triggers", "root", "persistence"],
            BuiltIn["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["id", "root"], Strings(BuiltIn["required"]));
        Assert.False(BuiltIn["additionalProperties"]!.GetValue<bool>());
        Assert.Equal(["suspensions", "everyActivity"], Strings(BuiltIn["properties"]!["persistence"]!["enum"]));
        Assert.Equal(WorkflowInputDefinition.Types, Strings(Definitions(BuiltIn)["workflowInput"]!["properties"]!["type"]!["enum"]));
    }

    [Fact]
    public void Generate_Triggers_AreOneOfEveryTriggerTypeWithItsFields()
    {
        var variants = Definitions(BuiltIn)["trigger"]!["oneOf"]!.AsArray();

        Assert.Equal(TriggerDefinition.Types.Keys.Order(StringComparer.Ordinal), variants.Select(v => v!["properties"]!["type"]!["const"]!.GetValue<string>()));
        Assert.All(variants, v => Assert.Equal(
            TriggerDefinition.Types[v!["title"]!.GetValue<string>()].Order(StringComparer.Ordinal).Prepend("type"),
            Strings(v["required"])));
    }

    [Fact]
    public void Generate_ExtraAssembly_MapsEachInputTypeToItsJsonType()
    {
        var registry = new ActivityRegistry().AddAssembly(typeof(SchemaProbe).Assembly);

        var probe = Definitions(WorkflowSchemaGenerator.Generate(registry))["SchemaProbe"]!;

        var properties = probe["properties"]!;
        string Literal(string input) => properties[input]!["anyOf"]![0]!.ToJsonString();
        Assert.Equal("""{"type":["integer","null"]}""", Literal("count"));
        Assert.Equal("""{"type":"number"}""", Literal("ratio"));
        Assert.Equal("""{"type":"array","items":{"type":["string","null"]}}""", Literal("tags"));
        Assert.Equal("""{"type":"object","not":{"type":"object","required":["js"]}}""", Literal("settings"));
        Assert.Equal("""{"type":"string","enum":["Fast","Careful"]}""", Literal("pace"));
        Assert.Equal("""{"type":"object","additionalProperties":{"type":"integer"},"not":{"type":"object","required":["js"]}}""", Literal("labels"));
        Assert.Equal("""{"not":{"type":"object","required":["js"]}}""", Literal("anything"));
        Assert.Equal("""{"type":["array","boolean","number","object","string"],"not":{"type":"object","required":["js"]}}""", Literal("something"));
        Assert.Equal(["when"], Strings(properties["rules"]!["items"]!["required"]));
        Assert.Equal(["type", "ratio"], Strings(probe["required"]));
        Assert.Equal(["echo", "count"], Strings(probe["x-outputs"]));
        Assert.Equal("Testing", probe["x-category"]!.GetValue<string>());
    }

    [Fact]
    public void GenerateText_CalledTwice_ReturnsTheSameIndentedTextWithUnixLineEndings()
    {
        var first = WorkflowSchemaGenerator.GenerateText(new ActivityRegistry());
        var second = WorkflowSchemaGenerator.GenerateText(new ActivityRegistry());

        Assert.Equal(first, second);
        Assert.DoesNotContain("\r", first);
        Assert.StartsWith("{\n  \"$schema\": ", first);
        Assert.EndsWith("}\n", first);
        Assert.True(JsonNode.DeepEquals(BuiltIn, JsonNode.Parse(first)));
    }

    private static JsonObject Definitions(JsonObject schema) => schema["$defs"]!.AsObject();

    private static IEnumerable<string> Strings(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>());
}
