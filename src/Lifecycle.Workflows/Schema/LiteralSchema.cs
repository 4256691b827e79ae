using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lifecycle.Workflows.Schema;

/// <summary>
/// The schema of the JSON literals an <c>Input&lt;T&gt;</c> accepts, derived from T the way the
/// definition binder deserializes it (System.Text.Json with <see cref="WorkflowJson.Options"/>).
/// </summary>
internal static class LiteralSchema
{
    private static readonly string[] AnyType = ["array", "boolean", "number", "object", "string"];

    private static readonly HashSet<Type> Strings =
        [typeof(string), typeof(char), typeof(Guid), typeof(DateTime), typeof(DateTimeOffset), typeof(DateOnly), typeof(TimeOnly), typeof(TimeSpan), typeof(Uri)];

    private static readonly HashSet<Type> Integers =
        [typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong)];

    private static readonly HashSet<Type> Numbers = [typeof(float), typeof(double), typeof(decimal)];

    private static readonly HashSet<Type> AnyValue = [typeof(object), typeof(JsonNode), typeof(JsonValue), typeof(JsonElement)];

    /// <summary>The literal schema for a T whose nullability is <paramref name="info"/>; null is allowed when T is nullable.</summary>
    public static JsonObject For(NullabilityInfo info)
    {
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        var nullable = info.ReadState == NullabilityState.Nullable || type != info.Type;

        if (Strings.Contains(type))
        {
            return Typed("string", nullable);
        }

        if (type == typeof(bool))
        {
            return Typed("boolean", nullable);
        }

        if (Integers.Contains(type))
        {
            return Typed("integer", nullable);
        }

        if (Numbers.Contains(type))
        {
            return Typed("number", nullable);
        }

        if (type.IsEnum)
        {
            var schema = Typed("string", nullable);
            schema["enum"] = WorkflowSchemaGenerator.Strings(Enum.GetNames(type));
            if (nullable)
            {
                ((JsonArray)schema["enum"]!).Add((JsonNode?)null);
            }

            return schema;
        }

        if (AnyValue.Contains(type))
        {
            var schema = nullable ? [] : new JsonObject { ["type"] = WorkflowSchemaGenerator.Strings(AnyType) };
            return NotAnExpression(schema);
        }

        var dictionary = IsDictionary(type);
        if (!dictionary && (type.IsArray || typeof(IEnumerable).IsAssignableFrom(type)))
        {
            var schema = Typed("array", nullable);
            if ((info.ElementType ?? (info.GenericTypeArguments.Length == 1 ? info.GenericTypeArguments[0] : null)) is { } item)
            {
                schema["items"] = For(item);
            }

            return schema;
        }

        // JsonObject, dictionaries and plain classes are all written as JSON objects.
        var objectSchema = Typed("object", nullable);
        if (dictionary && info.GenericTypeArguments.Length == 2)
        {
            objectSchema["additionalProperties"] = For(info.GenericTypeArguments[1]);
        }

        return NotAnExpression(objectSchema);
    }

    private static JsonObject Typed(string type, bool nullable) =>
        new() { ["type"] = nullable ? WorkflowSchemaGenerator.Strings([type, "null"]) : type };

    // The binder reads any object with a "js" property as an expression, never as a literal; saying
    // so keeps anyOf [literal, expression] from accepting a malformed expression as a literal.
    private static JsonObject NotAnExpression(JsonObject schema)
    {
        schema["not"] = new JsonObject { ["type"] = "object", ["required"] = WorkflowSchemaGenerator.Strings(["js"]) };
        return schema;
    }

    private static bool IsDictionary(Type type) =>
        typeof(IDictionary).IsAssignableFrom(type) || type.GetInterfaces().Append(type).Any(i => i.IsGenericType &&
            (i.GetGenericTypeDefinition() == typeof(IDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)));
}
