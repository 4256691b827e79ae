using System.Text.Json.Serialization;

namespace Lifecycle.Activities.Metrics;

/// <summary>What kind of change a file went through; written in lowercase in the documents and JSON.</summary>
/// <remarks>
/// For committed work it is git's kind of change (as <c>git log --name-status</c> gives it, renames
/// detected as <c>diff.renames</c> says), and in the handoff the net kind over the session's
/// commits (added then modified is <see cref="Added"/>; modified then deleted is
/// <see cref="Deleted"/>). For uncommitted work put away it is <see cref="Untracked"/> for a new
/// file never added, <see cref="Renamed"/> for a staged rename, <see cref="Deleted"/>,
/// <see cref="TypeChange"/> or <see cref="Mode"/> when that is the change, otherwise where the
/// change sat: <see cref="Staged"/> (in the index, in part or whole) or <see cref="Modified"/>
/// (in the work tree only). <see cref="Unknown"/> means the source did not say (older records).
/// </remarks>
[JsonConverter(typeof(JsonStringEnumConverter<FileChangeKind>))]
public enum FileChangeKind
{
    /// <summary>Not known: whoever measured the change did not record its kind.</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown,

    /// <summary>The file is new.</summary>
    [JsonStringEnumMemberName("added")]
    Added,

    /// <summary>The file's content changed.</summary>
    [JsonStringEnumMemberName("modified")]
    Modified,

    /// <summary>The file was removed.</summary>
    [JsonStringEnumMemberName("deleted")]
    Deleted,

    /// <summary>The file was moved (its path is the new one).</summary>
    [JsonStringEnumMemberName("renamed")]
    Renamed,

    /// <summary>Only the file's mode changed (e.g. made executable).</summary>
    [JsonStringEnumMemberName("mode")]
    Mode,

    /// <summary>The path changed type: a file became a symbolic link, or the other way round (git's <c>typechange</c>).</summary>
    [JsonStringEnumMemberName("typechange")]
    TypeChange,

    /// <summary>Uncommitted, and staged in the index.</summary>
    [JsonStringEnumMemberName("staged")]
    Staged,

    /// <summary>Uncommitted and untracked: a new file git was never told about.</summary>
    [JsonStringEnumMemberName("untracked")]
    Untracked,
}
