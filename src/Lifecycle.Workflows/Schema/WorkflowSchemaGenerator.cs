using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Workflows.Schema;

/// <summary>
/// Generates the JSON Schema (draft 2020-12) of workflow definitions from an
/// <see cref="ActivityRegistry"/>, so editors validate and complete hand-written definitions.
/// </summary>
/// <remarks>
/// <para>
/// <c>$defs</c> holds one object schema per activity type (named after the type), the union
/// <c>activity</c> of all of them, <c>expression</c> (<c>{"js": "..."}</c>), <c>trigger</c> and
/// <c>workflowInput</c>. Each activity schema carries the activity's description, its category as
/// <c>x-category</c> and its outputs as <c>x-outputs</c>.
/// </para>
/// <para>
/// The output depends only on the registry: activity types and their inputs are sorted by name
/// (ordinal), so the committed <c>schemas/workflow.schema.json</c> changes only when an activity does.
/// </para>
/// </remarks>
public static class WorkflowSchemaGenerator
{
    /// <summary>The JSON Schema dialect the generated schema declares.</summary>
    public const string Dialect = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>The names in <c>$defs</c> that are not activity types.</summary>
    public static readonly IReadOnlyList<string> SharedDefinitions = ["activity", "expression", "trigger", "workflowInput"];

    // Activity objects may carry these beside their inputs; the binder skips them as inputs.
    private static readonly string[] NodeFields = ["type", "id", "description"];

    private static readonly JsonSerializerOptions TextOptions = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Builds the schema of definitions that may use every activity type of <paramref name="registry"/>.</summary>
    /// <exception cref="InvalidOperationException">An activity type is named like one of <see cref="SharedDefinitions"/>.</exception>
    public static JsonObject Generate(ActivityRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var descriptors = registry.Descriptors.OrderBy(d => d.Type, StringComparer.Ordinal).ToList();
        var clash = descriptors.Select(d => d.Type).Intersect(SharedDefinitions, StringComparer.Ordinal).ToList();
        if (clash.Count > 0)
        {
            throw new InvalidOperationException(
                $"Activity type '{clash[0]}' has the name of a shared schema definition ({string.Join(", ", SharedDefinitions)}). Give the activity another Type in its [Activity] attribute.");
        }

        // Not thread-safe, so one per call rather than a shared static.
        var nullability = new NullabilityInfoContext();
        var definitions = new JsonObject
        {
            ["activity"] = ActivityUnion(descriptors),
            ["expression"] = Expression(),
            ["trigger"] = DefinitionSchema.Trigger(),
            ["workflowInput"] = DefinitionSchema.WorkflowInput(),
        };
        foreach (var descriptor in descriptors)
        {
            definitions[descriptor.Type] = Activity(descriptor, nullability);
        }

        var schema = DefinitionSchema.Root(Dialect, Ref("activity"));
        schema["$defs"] = definitions;
        return schema;
    }

    /// <summary>
    /// The schema of <see cref="Generate"/> as indented JSON with <c>\n</c> line endings and a final
    /// newline: the exact text of <c>schemas/workflow.schema.json</c>.
    /// </summary>
    public static string GenerateText(ActivityRegistry registry) => Generate(registry).ToJsonString(TextOptions) + "\n";

    /// <summary>A <c>$ref</c> to <c>$defs/<paramref name="name"/></c>, escaped as a JSON Pointer in a URI fragment.</summary>
    internal static JsonObject Ref(string name) => new() { ["$ref"] = Pointer(name) };

    private static string Pointer(string name) => "#/$defs/" + Uri.EscapeDataString(name.Replace("~", "~0").Replace("/", "~1"));

    internal static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)v).ToArray());

    private static JsonObject ActivityUnion(IReadOnlyList<ActivityDescriptor> descriptors)
    {
        // The type enum gives editors a completion list and a readable error before oneOf's.
        // The registry always holds the built-ins, so neither enum nor oneOf is ever empty.
        return new JsonObject
        {
            ["description"] = "An activity: an object whose 'type' names an activity type; its other properties are that type's inputs.",
            ["type"] = "object",
            ["properties"] = new JsonObject { ["type"] = new JsonObject { ["enum"] = Strings(descriptors.Select(d => d.Type)) } },
            ["required"] = Strings(["type"]),
            ["oneOf"] = new JsonArray(descriptors.Select(d => (JsonNode?)Ref(d.Type)).ToArray()),
        };
    }

    private static JsonObject Expression() => new()
    {
        ["description"] = "A JavaScript expression, evaluated each time the activity reads the input. Scope: input, vars, outputs (of activities with an id), workflow.",
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["js"] = new JsonObject { ["description"] = "The JavaScript source, e.g. \"vars.count + 1\".", ["type"] = "string" },
        },
        ["required"] = Strings(["js"]),
        ["additionalProperties"] = false,
    };

    private static JsonObject Activity(ActivityDescriptor descriptor, NullabilityInfoContext nullability)
    {
        var properties = new JsonObject
        {
            ["type"] = new JsonObject { ["const"] = descriptor.Type },
            ["id"] = new JsonObject
            {
                ["description"] = "Names this activity, unique in the definition; its outputs are then readable as outputs.<id>.<name>.",
                ["type"] = "string",
            },
            ["description"] = new JsonObject { ["description"] = "A note for readers; the engine ignores it.", ["type"] = "string" },
        };
        var required = Strings(["type"]);
        AddInputs(descriptor.Inputs.Where(i => !NodeFields.Contains(i.Name)), properties, required, nullability);

        var schema = new JsonObject
        {
            ["title"] = descriptor.Type,
            ["description"] = descriptor.Description,
            ["x-category"] = descriptor.Category,
        };
        if (descriptor.Outputs.Count > 0)
        {
            schema["x-outputs"] = Strings(descriptor.Outputs);
        }

        schema["type"] = "object";
        schema["properties"] = properties;
        schema["required"] = required;
        schema["additionalProperties"] = false;
        return schema;
    }

    private static void AddInputs(IEnumerable<InputDescriptor> inputs, JsonObject properties, JsonArray required, NullabilityInfoContext nullability)
    {
        foreach (var input in inputs.OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            properties[input.Name] = Input(input, nullability);
            if (input.Required)
            {
                required.Add(input.Name);
            }
        }
    }

    private static JsonObject Input(InputDescriptor input, NullabilityInfoContext nullability)
    {
        var schema = new JsonObject { ["description"] = input.Description };
        switch (input.Kind)
        {
            case InputKind.Value:
                var literal = LiteralSchema.For(nullability.Create(input.Property).GenericTypeArguments[0]);
                schema["anyOf"] = new JsonArray(literal, Ref("expression"));
                break;
            case InputKind.Activity:
                schema["$ref"] = Pointer("activity");
                break;
            case InputKind.ActivityList:
                schema["type"] = "array";
                schema["items"] = Ref("activity");
                break;
            default:
                var properties = new JsonObject();
                var required = new JsonArray();
                AddInputs(input.ItemInputs, properties, required, nullability);
                var item = new JsonObject { ["type"] = "object", ["properties"] = properties };
                if (required.Count > 0)
                {
                    item["required"] = required;
                }

                item["additionalProperties"] = false;
                schema["type"] = "array";
                schema["items"] = item;
                break;
        }

        return schema;
    }
}
