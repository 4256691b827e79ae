using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;


namespace Lifecycle.Workflows.Expressions;

/// <summary>Moves values between JavaScript and JSON, with fast paths for primitives.</summary>
internal static class JsConvert
{
    public static JsonNode? ToJson(Engine engine, JsValue value)
    {
        if (value.IsNull() || value.IsUndefined())
        {
            return null;
        }

        if (value.IsString())
        {
            return JsonValue.Create(value.AsString());
        }

        if (value.IsBoolean())
        {
            return JsonValue.Create(value.AsBoolean());
        }

        if (value.IsNumber())
        {
            return Number(value.AsNumber());
        }

        var text = new Jint.Native.Json.JsonSerializer(engine).Serialize(value);
        return text.IsUndefined() ? null : JsonNode.Parse(text.AsString());
    }

    public static JsValue FromJson(Engine engine, JsonNode? node)
    {
        if (node is null)
        {
            return JsValue.Null;
        }

        if (node is JsonValue v)
        {
            switch (v.GetValueKind())
            {
                case JsonValueKind.String:
                    return new JsString(v.GetValue<string>());
                case JsonValueKind.True:
                    return JsBoolean.True;
                case JsonValueKind.False:
                    return JsBoolean.False;
                case JsonValueKind.Number:
                    return new JsNumber(double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture));
            }
        }

        return new Jint.Native.Json.JsonParser(engine).Parse(node.ToJsonString());
    }

    private static JsonValue? Number(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            return null;
        }

        // Element-backed values convert to any numeric type on GetValue<T>, as values read from disk do.
        return Math.Floor(d) == d && Math.Abs(d) < 9007199254740992d
            ? JsonValue.Create(System.Text.Json.JsonSerializer.SerializeToElement((long)d, WorkflowJsonContext.Default.Int64))
            : JsonValue.Create(System.Text.Json.JsonSerializer.SerializeToElement(d, WorkflowJsonContext.Default.Double));
    }
}
