using System.Text.Json;
using System.Text.Json.Serialization;
using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Workflows;

/// <summary>
/// Serialization code generated at build time for what every run writes and reads (the instance
/// snapshot, the journal) and the values expressions most often give; <see cref="WorkflowJson"/>
/// resolves these first and anything else by reflection.
/// </summary>
/// <remarks>
/// Building the same metadata by reflection compiled several hundred methods at run time in each
/// command (docs/PERFORMANCE.md §3). The settings are <see cref="WorkflowJson.Options"/>' own, and
/// a test holds the output to the reflection serializer's, byte for byte.
/// </remarks>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(InstanceSnapshot))]
[JsonSerializable(typeof(List<JournalEntry>))]
[JsonSerializable(typeof(IReadOnlyList<JournalEntry>))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(Dictionary<string, double>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class WorkflowJsonContext : JsonSerializerContext;
