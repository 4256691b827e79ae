using System.Text.Json.Serialization;

namespace Lifecycle.Activities.Prediction;

/// <summary>What a prediction was made from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PredictionSource>))]
public enum PredictionSource
{
    /// <summary>Nothing to learn from: no closed session, no commit.</summary>
    [JsonStringEnumMemberName("none")]
    None,

    /// <summary>The repository's closed Lifecycle sessions.</summary>
    [JsonStringEnumMemberName("sessions")]
    Sessions,

    /// <summary>Commits of the git history grouped into work sessions (too few closed sessions yet).</summary>
    [JsonStringEnumMemberName("git-history")]
    GitHistory,

    /// <summary>A stated assumption, used when there is no history at all (task effort only).</summary>
    [JsonStringEnumMemberName("assumed")]
    Assumed,
}
