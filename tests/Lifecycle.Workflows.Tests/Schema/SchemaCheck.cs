using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Lifecycle.Workflows.Tests.Schema;

/// <summary>
/// A small JSON Schema validator for exactly the keywords the generator writes, so tests can check
/// definitions against the generated schema without another package.
/// </summary>
/// <remarks>
/// A keyword it does not know fails loudly: a new keyword in the generator must be taught here
/// rather than silently pass.
/// </remarks>
internal sealed class SchemaCheck(JsonObject root)
{
    private static readonly HashSet<string> Annotations =
        ["$schema", "$defs", "title", "description", "default", "then", "x-category", "x-outputs"];

    /// <summary>Every problem found in <paramref name="instance"/>, as "path: keyword".</summary>
    public IReadOnlyList<string> Errors(JsonNode? instance)
    {
        var errors = new List<string>();
        Check(instance, root, "$", errors);
        return errors;
    }

    private void Check(JsonNode? instance, JsonNode? schemaNode, string path, List<string> errors)
    {
        if (schemaNode is JsonValue boolean)
        {
            if (!boolean.GetValue<bool>())
            {
                errors.Add($"{path}: false");
            }

            return;
        }

        var schema = schemaNode!.AsObject();
        foreach (var (keyword, value) in schema)
        {
            var ok = keyword switch
            {
                "$ref" => Valid(instance, Resolve(value!.GetValue<string>()), path, errors),
                "type" => value is JsonArray types ? types.Any(t => HasType(instance, t!.GetValue<string>())) : HasType(instance, value!.GetValue<string>()),
                "const" => JsonNode.DeepEquals(instance, value),
                "enum" => value!.AsArray().Any(v => JsonNode.DeepEquals(instance, v)),
                "pattern" => instance?.GetValueKind() != JsonValueKind.String || Regex.IsMatch(instance.GetValue<string>(), value!.GetValue<string>()),
                "minLength" => instance?.GetValueKind() != JsonValueKind.String || instance.GetValue<string>().Length >= value!.GetValue<int>(),
                "maxLength" => instance?.GetValueKind() != JsonValueKind.String || instance.GetValue<string>().Length <= value!.GetValue<int>(),
                "properties" => instance is not JsonObject o || value!.AsObject()
                    .Select(p => !o.TryGetPropertyValue(p.Key, out var v) || Valid(v, p.Value, $"{path}.{p.Key}", errors)).ToList().All(v => v),
                "required" => instance is not JsonObject r || value!.AsArray().All(n => r.ContainsKey(n!.GetValue<string>())),
                "additionalProperties" => instance is not JsonObject a || a.Where(p => schema["properties"]?.AsObject().ContainsKey(p.Key) != true)
                    .Select(p => Valid(p.Value, value, $"{path}.{p.Key}", errors)).ToList().All(v => v),
                "items" => instance is not JsonArray items || items.Select((item, i) => Valid(item, value, $"{path}[{i}]", errors)).ToList().All(v => v),
                "anyOf" => value!.AsArray().Any(s => Valid(instance, s, path, [])),
                "oneOf" => value!.AsArray().Count(s => Valid(instance, s, path, [])) == 1,
                "allOf" => value!.AsArray().Select(s => Valid(instance, s, path, errors)).ToList().All(v => v),
                "not" => !Valid(instance, value, path, []),
                "if" => !Valid(instance, value, path, []) || schema["then"] is not { } then || Valid(instance, then, path, errors),
                _ when Annotations.Contains(keyword) => true,
                _ => throw new NotSupportedException($"SchemaCheck does not know the keyword '{keyword}'; teach it."),
            };

            if (!ok)
            {
                errors.Add($"{path}: {keyword}");
            }
        }
    }

    private bool Valid(JsonNode? instance, JsonNode? schema, string path, List<string> errors)
    {
        var found = new List<string>();
        Check(instance, schema, path, found);
        errors.AddRange(found);
        return found.Count == 0;
    }

    private JsonNode Resolve(string reference)
    {
        const string prefix = "#/$defs/";
        Assert.StartsWith(prefix, reference);
        var name = Uri.UnescapeDataString(reference[prefix.Length..]).Replace("~1", "/").Replace("~0", "~");
        return root["$defs"]![name] ?? throw new InvalidOperationException($"Unresolved {reference}.");
    }

    private static bool HasType(JsonNode? instance, string type) => type switch
    {
        "null" => instance is null,
        "object" => instance is JsonObject,
        "array" => instance is JsonArray,
        "string" => instance?.GetValueKind() == JsonValueKind.String,
        "boolean" => instance?.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "number" => instance?.GetValueKind() == JsonValueKind.Number,
        "integer" => instance?.GetValueKind() == JsonValueKind.Number && Math.Floor(instance.GetValue<double>()) == instance.GetValue<double>(),
        _ => throw new NotSupportedException($"Unknown JSON type '{type}'."),
    };
}
