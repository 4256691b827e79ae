using System.Text.Json.Serialization;

namespace Lifecycle.Activities.Sessions;

/// <summary>Where a session stands (the spec's state machine).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SessionState>))]
public enum SessionState
{
    /// <summary>No active session.</summary>
    [JsonStringEnumMemberName("DORMANT")]
    Dormant,

    /// <summary>Setup in progress.</summary>
    [JsonStringEnumMemberName("INITIALIZING")]
    Initializing,

    /// <summary>Work in progress.</summary>
    [JsonStringEnumMemberName("ACTIVE")]
    Active,

    /// <summary>Handoff generation.</summary>
    [JsonStringEnumMemberName("CLOSING")]
    Closing,
}
