using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Lifecycle.Activities.Sessions;

/// <summary>
/// The JSON of the session and of what the session activities write (handoff, metrics, tasks), with
/// the serialization code generated at build time. <c>Default</c> has the web defaults (camelCase,
/// enums by their converters), the stored session's; the state file and the handoff document resolve
/// their own settings' metadata from here first (<see cref="Resolver"/>).
/// </summary>
/// <remarks>
/// Every command reads a session; building the same metadata by reflection cost about 40 ms of
/// each command's start, and compiled several hundred methods at run time. The output is the
/// reflection serializer's, byte for byte, under each settings it is used with (tests hold it).
/// </remarks>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(SessionContext))]
[JsonSerializable(typeof(Handoff.Handoff))]
[JsonSerializable(typeof(Metrics.ProductivityMetrics))]
[JsonSerializable(typeof(Tasks.SessionTask))]
[JsonSerializable(typeof(Continuity.WorkStrategy))]
public sealed partial class SessionJson : JsonSerializerContext
{
    /// <summary>This metadata first, then reflection for any other type: for settings other than <c>Default</c>'s.</summary>
    /// <remarks>
    /// Built on first use, not by a static initializer: the generated half of this class sets
    /// <c>Default</c> in its own initializers, which may run after ours and leave it null here.
    /// </remarks>
    public static IJsonTypeInfoResolver Resolver => field ??= JsonTypeInfoResolver.Combine(Default, new DefaultJsonTypeInfoResolver());
}
