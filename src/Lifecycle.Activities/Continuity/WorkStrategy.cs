using System.Text.Json.Serialization;

namespace Lifecycle.Activities.Continuity;

/// <summary>How the next session should continue (the spec's work continuation strategy).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WorkStrategy>))]
public enum WorkStrategy
{
    [JsonStringEnumMemberName("RESOLVE_BLOCKERS")]
    ResolveBlockers,

    [JsonStringEnumMemberName("COMPLETE_IN_PROGRESS")]
    CompleteInProgress,

    [JsonStringEnumMemberName("CONTINUE_TASKS")]
    ContinueTasks,

    [JsonStringEnumMemberName("START_NEW_WORK")]
    StartNewWork,
}
