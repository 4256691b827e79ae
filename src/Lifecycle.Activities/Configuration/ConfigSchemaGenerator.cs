using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lifecycle.Workflows.Schema;

namespace Lifecycle.Activities.Configuration;

/// <summary>
/// Generates the JSON Schema (draft 2020-12) of <c>.lifecycle/config.json</c> from
/// <see cref="LifecycleConfig"/> and the records it holds, so editors validate and complete the file.
/// </summary>
/// <remarks>
/// Each public settable property is a key (camelCase, in declaration order) with its
/// <see cref="DescriptionAttribute"/>, its default (from a new instance), <see cref="RangeAttribute"/>
/// as minimum and maximum, <see cref="RegularExpressionAttribute"/> as pattern, <c>required</c>
/// members as required, and enums by name. Every object says <c>additionalProperties: false</c>:
/// the reader rejects unknown keys at every level. The text is <c>schemas/config.schema.json</c>
/// (a test fails when it is stale) and what <c>lifecycle init</c> writes beside the config.
/// </remarks>
public static class ConfigSchemaGenerator
{
    private static readonly JsonSerializerOptions TextOptions = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Builds the schema.</summary>
    public static JsonObject Generate()
    {
        var nullability = new NullabilityInfoContext();
        var schema = new JsonObject
        {
            ["$schema"] = WorkflowSchemaGenerator.Dialect,
            ["title"] = "Lifecycle repository configuration",
            ["description"] = "The settings of one working tree, in .lifecycle/config.json. Every key is optional: a key left out takes its default.",
        };
        var root = ObjectSchema(typeof(LifecycleConfig), LifecycleConfig.Default, nullability);
        var properties = (JsonObject)root["properties"]!;
        var withSchema = new JsonObject
        {
            ["$schema"] = new JsonObject
            {
                ["description"] = "The path or URL of this schema, for editors; Lifecycle ignores it.",
                ["type"] = "string",
            },
        };
        foreach (var (name, value) in properties.ToList())
        {
            properties.Remove(name);
            withSchema[name] = value;
        }

        root["properties"] = withSchema;
        foreach (var (name, value) in root.ToList())
        {
            root.Remove(name);
            schema[name] = value;
        }

        return schema;
    }

    /// <summary>
    /// The schema of <see cref="Generate"/> as indented JSON with <c>\n</c> line endings and a final
    /// newline: the exact text of <c>schemas/config.schema.json</c>.
    /// </summary>
    public static string GenerateText() => Generate().ToJsonString(TextOptions) + "\n";

    /// <summary>The JSON name of a setting.</summary>
    internal static string KeyOf(PropertyInfo property) => JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    /// <summary>The settings of a section, in declaration order.</summary>
    internal static IEnumerable<PropertyInfo> SettingsOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .OrderBy(p => p.MetadataToken);

    private static JsonObject ObjectSchema(Type type, object defaults, NullabilityInfoContext nullability)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var property in SettingsOf(type))
        {
            var isRequired = property.IsDefined(typeof(RequiredMemberAttribute));
            properties[KeyOf(property)] = PropertySchema(property, isRequired ? null : defaults, nullability);
            if (isRequired)
            {
                required.Add(KeyOf(property));
            }
        }

        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Count > 0)
        {
            schema["required"] = required;
        }

        schema["additionalProperties"] = false;
        return schema;
    }

    private static JsonObject PropertySchema(PropertyInfo property, object? defaults, NullabilityInfoContext nullability)
    {
        var description = property.GetCustomAttribute<DescriptionAttribute>()?.Description
            ?? throw new InvalidOperationException($"{property.DeclaringType!.Name}.{property.Name} has no [Description]; every setting needs one for the schema and the docs.");
        var schema = new JsonObject { ["description"] = description };
        var value = defaults is null ? null : property.GetValue(defaults);
        foreach (var (name, node) in ValueSchema(nullability.Create(property), value, nullability))
        {
            schema[name] = node?.DeepClone();
        }

        if (property.GetCustomAttribute<RangeAttribute>() is { } range)
        {
            schema["minimum"] = Bound(range.Minimum);
            if (Convert.ToDouble(range.Maximum, System.Globalization.CultureInfo.InvariantCulture) < double.MaxValue)
            {
                schema["maximum"] = Bound(range.Maximum);
            }
        }

        if (property.GetCustomAttribute<RegularExpressionAttribute>() is { } pattern)
        {
            schema["pattern"] = pattern.Pattern;
        }

        if (defaults is not null && schema["type"]?.ToString() != "object")
        {
            schema["default"] = JsonSerializer.SerializeToNode(value, property.PropertyType, ConfigFile.JsonOptions);
        }

        return schema;
    }

    private static JsonObject ValueSchema(NullabilityInfo info, object? value, NullabilityInfoContext nullability)
    {
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        var nullable = info.ReadState == NullabilityState.Nullable || type != info.Type;
        if (type.IsEnum)
        {
            var names = Enum.GetNames(type).Select(n => (JsonNode?)JsonNamingPolicy.CamelCase.ConvertName(n));
            return new JsonObject { ["enum"] = new JsonArray([.. names, .. nullable ? new JsonNode?[] { null } : []]) };
        }

        var json = type switch
        {
            _ when type == typeof(bool) => "boolean",
            _ when type == typeof(int) || type == typeof(long) => "integer",
            _ when type == typeof(double) => "number",
            _ when type == typeof(string) => "string",
            _ when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) => "array",
            _ when type.IsClass => "object",
            _ => throw new InvalidOperationException($"A setting of type {type.Name} has no JSON Schema type yet; add it to {nameof(ConfigSchemaGenerator)}."),
        };

        if (json == "object")
        {
            return ObjectSchema(type, value ?? Activator.CreateInstance(type)!, nullability);
        }

        var schema = new JsonObject { ["type"] = nullable ? new JsonArray(json, "null") : json };
        if (json == "array")
        {
            var item = info.GenericTypeArguments[0];
            schema["items"] = item.Type.IsClass && item.Type != typeof(string)
                ? ObjectSchema(item.Type, Activator.CreateInstance(item.Type)!, nullability)
                : ValueSchema(item, null, nullability);
        }

        return schema;
    }

    private static JsonNode Bound(object bound) => bound switch
    {
        int i => i,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => (long)d,
        double d => d,
        _ => throw new InvalidOperationException($"Range bound {bound} is neither int nor double."),
    };
}
