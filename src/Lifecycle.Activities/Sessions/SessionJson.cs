using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lifecycle.Activities.Sessions;

/// <summary>
/// The session's JSON as stored (web defaults: camelCase, enums by their converters), with the
/// serialization code generated at build time.
/// </summary>
/// <remarks>
/// Every command reads a session; building the same metadata by reflection cost about 40 ms of
/// each command's start. The output is the reflection serializer's, byte for byte (a test holds it).
/// </remarks>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SessionContext))]
public sealed partial class SessionJson : JsonSerializerContext;
