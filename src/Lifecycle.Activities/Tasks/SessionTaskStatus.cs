using System.Text.Json.Serialization;

namespace Lifecycle.Activities.Tasks;

/// <summary>Where a task stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SessionTaskStatus>))]
public enum SessionTaskStatus
{
    [JsonStringEnumMemberName("open")]
    Open,

    [JsonStringEnumMemberName("done")]
    Done,

    [JsonStringEnumMemberName("blocked")]
    Blocked,
}
