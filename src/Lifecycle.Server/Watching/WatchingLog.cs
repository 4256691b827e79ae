using Microsoft.Extensions.Logging;

namespace Lifecycle.Server.Watching;

/// <summary>What the watchers log: always why they lost track of the work tree, and what they did about it.</summary>
internal static partial class WatchingLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {Root} for changes (ignoring .git/, .lifecycle/, session documents and git-ignored paths)")]
    public static partial void Watching(ILogger logger, string root);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The watcher lost track of changes in session {SessionId}: {Reason}. A git status scan will record what changed at the next checkpoint")]
    public static partial void Lost(ILogger logger, string? sessionId, string reason, Exception? exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Status scan for session {SessionId} after the watcher lost track: {Recorded} changed files recorded")]
    public static partial void Scanned(ILogger logger, string? sessionId, int recorded);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The status scan could not run; it is tried again at the next checkpoint")]
    public static partial void ScanFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The work tree {Root} is back; watching it again")]
    public static partial void Resumed(ILogger logger, string root);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record file_modified {Path}: {Reason}")]
    public static partial void NotRecorded(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording file_modified {Path} failed")]
    public static partial void RecordFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingesting the hooks' spool failed; it is tried again on the next append or command")]
    public static partial void IngestFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot watch the hooks' spool in {Folder}: {Reason}; it is ingested by each command and every {Interval} instead")]
    public static partial void SpoolUnwatched(ILogger logger, string folder, string reason, TimeSpan interval);
}
