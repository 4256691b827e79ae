using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Lifecycle.Workflows;

/// <summary>The JSON settings every document of the engine is written and read with.</summary>
public static class WorkflowJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = JsonTypeInfoResolver.Combine(WorkflowJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };

    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };
}
