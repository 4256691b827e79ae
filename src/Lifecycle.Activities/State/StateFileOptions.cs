using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lifecycle.Activities.State;

/// <summary>How a <see cref="StateFile{T}"/> keeps its backups and serializes its payload.</summary>
public sealed record StateFileOptions
{
    /// <summary>
    /// How many rotated backups to keep beside the file (<c>state.json.1</c> newest …
    /// <c>state.json.N</c> oldest). Default 5; at least 1, at most 100.
    /// </summary>
    public int BackupCount { get; init; } = 5;

    /// <summary>
    /// Serializer options for the payload. Default: camelCase names, indented, enums as strings.
    /// </summary>
    public JsonSerializerOptions SerializerOptions { get; init; } = DefaultSerializerOptions;

    internal static JsonSerializerOptions DefaultSerializerOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = Sessions.SessionJson.Resolver,
    };

    internal void Validate()
    {
        if (BackupCount is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(
                nameof(BackupCount), BackupCount, $"BackupCount {BackupCount} is out of range; use 1 to 100.");
        }
    }
}
