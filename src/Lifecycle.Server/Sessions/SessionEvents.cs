using System.Text.Json.Nodes;
using LibGit2Sharp;
using Lifecycle.Activities;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tasks;
using Lifecycle.Workflows.Hosting;

namespace Lifecycle.Server.Sessions;

/// <summary>
/// Records what happened in the active session (commands, agents, hooks), checked first: an event
/// that names a task, a commit or an error must name one that exists. Each recorded event is also
/// a stimulus: it resumes workflows waiting for it and starts those it triggers (work-tracking, for
/// the events that change the session: docs/EVENTS.md).
/// </summary>
public sealed class SessionEvents(
    ISessionStore sessions,
    EventWriter writer,
    SessionStoreAccess access,
    SessionRuntime runtime,
    SessionCheckpoints checkpoints,
    RepositoryContext repository,
    TimeProvider time)
{
    public async Task<EventOutcome> RecordAsync(EventRequest request, CancellationToken cancellationToken)
    {
        if (!SessionEventTypes.Recordable.Contains(request.Type))
        {
            throw new SessionException($"Unknown event type '{request.Type}'. Use one of: {string.Join(", ", SessionEventTypes.Recordable)}.", ErrorKind.InvalidInput);
        }

        var details = (JsonObject)request.Details.DeepClone();
        RequireDetails(request.Type, details);
        RequireInsideRepository(details);
        // Only the id and state: most events (file saves, heartbeats) need no more of the session.
        var session = await access.LatestHeadOrNullAsync(cancellationToken);
        if (session is not { State: SessionState.Active })
        {
            return new EventOutcome(null);
        }

        switch (request.Type)
        {
            case SessionEventTypes.GitCommit:
                DescribeCommit(details);
                break;
            case SessionEventTypes.TaskCompleted or SessionEventTypes.TaskSwitched:
                var tasks = (await sessions.GetAsync(session.SessionId, cancellationToken))?.Tasks ?? [];
                details["task"] = TaskBoard.Get(tasks, details["task"]!.GetValue<string>()).Id;
                break;
        }

        return new EventOutcome(await RecordAsync(session.SessionId, request.Type, time.GetUtcNow(), details, cancellationToken));
    }

    /// <summary>Records an event the hooks spooled (already described by them) in <paramref name="sessionId"/>.</summary>
    public Task<SessionEvent> RecordIngestedAsync(string sessionId, string type, DateTimeOffset timestamp, JsonObject details, CancellationToken cancellationToken) =>
        RecordAsync(sessionId, type, timestamp, details, cancellationToken);

    /// <remarks>
    /// Stored and logged through <see cref="EventWriter"/> (group commit). A heartbeat that extends
    /// the session's pulse adds no row and no log line; it is still delivered as a stimulus.
    /// </remarks>
    private async Task<SessionEvent> RecordAsync(string sessionId, string type, DateTimeOffset timestamp, JsonObject details, CancellationToken cancellationToken)
    {
        var happened = new SessionEvent(sessionId, type, timestamp, details);
        var (recorded, merged) = await writer.AppendAsync(happened, cancellationToken);
        if (!merged)
        {
            await ApplyAsync(sessionId, recorded, cancellationToken);
        }

        await DeliverAsync(merged ? happened : recorded, cancellationToken);
        return recorded;
    }

    private static void RequireDetails(string type, JsonObject details)
    {
        var missing = type switch
        {
            SessionEventTypes.ErrorOccurred when Text(details, "message") is null => "--message with what went wrong, e.g. --message \"build failed: CS1002\"",
            SessionEventTypes.TaskCompleted or SessionEventTypes.TaskSwitched when Text(details, "task") is null => "--task with the task's id, e.g. --task T3",
            SessionEventTypes.FileModified when Text(details, "path") is null => "--path with the file, e.g. --path src/app.cs",
            SessionEventTypes.Note when Text(details, "message") is null => "--message with the note, e.g. --message \"chose SQLite over files\"",
            _ => null,
        };
        if (missing is not null)
        {
            throw new SessionException($"Event {type} needs {missing}.", ErrorKind.InvalidInput);
        }
    }

    /// <summary>A path an event names is a file of the repository: one that leads outside it (<c>../</c>, another absolute path) is refused.</summary>
    private void RequireInsideRepository(JsonObject details)
    {
        if (Text(details, "path") is not { } path)
        {
            return;
        }

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(repository.Root));
        string full;
        try
        {
            full = path.Contains('\0', StringComparison.Ordinal) ? "" : Path.GetFullPath(path, root);
        }
        catch (Exception error) when (error is ArgumentException or NotSupportedException or PathTooLongException)
        {
            full = "";
        }

        if (full != root && !full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new SessionException($"Path '{path}' is outside the repository {root}; name a file inside it, e.g. src/app.cs.", ErrorKind.InvalidInput);
        }
    }

    /// <summary>The commit's full sha, subject line and branch (HEAD when no sha was given); an unknown commit is an error.</summary>
    private void DescribeCommit(JsonObject details)
    {
        using var git = new Repository(Repository.Discover(repository.Root));
        var given = Text(details, "sha");
        var commit = given is null ? git.Head.Tip : git.Lookup<Commit>(given);
        if (commit is null)
        {
            throw given is null
                ? new SessionException("The repository has no commits yet, so there is no commit to record; pass --sha or make a commit.", ErrorKind.InvalidInput)
                : new SessionException($"'{given}' is not a commit in {repository.Root}: pass a sha from 'git log'.", ErrorKind.NotFound);
        }

        details["sha"] = commit.Sha;
        details["message"] ??= commit.MessageShort;
        if (!git.Info.IsHeadDetached)
        {
            details["branch"] ??= git.Head.FriendlyName;
        }
    }

    /// <summary>What an event changes in the session itself (the spec's work-tracking rules).</summary>
    private async Task ApplyAsync(string sessionId, SessionEvent recorded, CancellationToken cancellationToken)
    {
        switch (recorded.Type)
        {
            case SessionEventTypes.ErrorOccurred:
                await UpdateAsync(sessionId, s => s.LastError = Text(recorded.Data!, "message"), cancellationToken);
                break;
            case SessionEventTypes.TaskCompleted:
                var id = Text(recorded.Data!, "task")!;
                await UpdateAsync(sessionId, s =>
                {
                    if (TaskBoard.Get(s.Tasks, id).Status != SessionTaskStatus.Done)
                    {
                        TaskBoard.Done(s.Tasks, id);
                        s.Blockers.RemoveAll(b => b.StartsWith($"{id}: ", StringComparison.Ordinal));
                    }
                }, cancellationToken);
                break;
        }
    }

    private async Task UpdateAsync(string sessionId, Action<SessionContext> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var session = await sessions.GetAsync(sessionId, cancellationToken) ?? throw new SessionException($"Session {sessionId} disappeared from the store.");
            change(session);
            try
            {
                await sessions.SaveAsync(session, cancellationToken);
                await checkpoints.FollowAsync(session, cancellationToken);
                return;
            }
            catch (SessionConflictException) when (attempt < 25)
            {
                // Another process saved it meanwhile: apply the change again on what it saved.
            }
        }
    }

    /// <summary>Resumes the workflows waiting for this event and starts those it triggers (no recovery of others here).</summary>
    private async Task DeliverAsync(SessionEvent recorded, CancellationToken cancellationToken)
    {
        await runtime.Engine.Store.InitializeAsync(cancellationToken);
        await runtime.Engine.ResumeAsync(new Stimulus(recorded.Type, new JsonObject
        {
            ["session"] = recorded.SessionId,
            ["type"] = recorded.Type,
            ["data"] = recorded.Data?.DeepClone(),
        }, Correlation: recorded.SessionId), cancellationToken);
    }

    private static string? Text(JsonObject details, string key) =>
        details[key] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;
}
