using System.Text.Json.Serialization;

namespace Lifecycle.Activities.Handoff;

/// <summary>How the repository's health moved over the session (see <see cref="HealthDelta"/> for the rule).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HealthStatus>))]
public enum HealthStatus
{
    /// <summary>Neither the consensus nor any agent moved by more than the tolerance.</summary>
    [JsonStringEnumMemberName("STABLE")]
    Stable,

    /// <summary>The consensus, or an agent checked at both ends, dropped by more than the tolerance.</summary>
    [JsonStringEnumMemberName("DEGRADED")]
    Degraded,

    /// <summary>The consensus rose by more than the tolerance and no agent dropped.</summary>
    [JsonStringEnumMemberName("IMPROVED")]
    Improved,

    /// <summary>No reality check ran at close (manual mode, or it was skipped).</summary>
    [JsonStringEnumMemberName("UNCHECKED")]
    Unchecked,
}
