using System.Text.Json.Nodes;
using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Sessions;

namespace Lifecycle.Server.Demo;

/// <summary>
/// One real session cycle on the demo repository, through the same use cases and workflows as the
/// commands: start, three tasks, an edit committed and recorded, one task done, unfinished work,
/// end (handoff, documents committed, work put away), start again (the work back, the mission).
/// Each step is written to the narration as the command a person would type, then what it did.
/// </summary>
public sealed class DemoTour(SessionService sessions, DemoRepository repository, TextWriter narration)
{
    /// <summary>The note the first session leaves for the next.</summary>
    public const string Note = "Shout is half done: finish it, then the changelog.";

    /// <summary>The tasks the first session adds, in order; the first is done in it.</summary>
    public static IReadOnlyList<(string Title, int Priority)> Tasks { get; } =
        [("Greet in French", 1), ("Add Greetings.Shout", 2), ("Write the changelog", 3)];

    /// <summary>The files left unfinished at the first end: put away, then back at the next start.</summary>
    public static IReadOnlyList<string> UnfinishedFiles { get; } = ["src/Greetings.cs", "CHANGELOG.md"];

    private const string French = """
        namespace Greeter;

        public static class Greetings
        {
            public static string Hello(string name, string language = "en") => language switch
            {
                "fr" => $"Bonjour, {name} !",
                _ => $"Hello, {name}!",
            };
        }

        """;

    private const string HalfShout = """
        namespace Greeter;

        public static class Greetings
        {
            public static string Hello(string name, string language = "en") => language switch
            {
                "fr" => $"Bonjour, {name} !",
                _ => $"Hello, {name}!",
            };

            // TODO: Shout in every language, and a test
            public static string Shout(string name) => Hello(name).ToUpperInvariant();
        }

        """;

    private const string Changelog = """
        # Changelog

        ## Unreleased

        - `Greetings.Hello(name, "fr")` greets in French.

        """;

    public async Task<DemoOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var first = await StartAsync(cancellationToken);

        var added = new List<string>();
        foreach (var (title, priority) in Tasks)
        {
            Command($"lifecycle task add \"{title}\" --priority {priority}");
            var change = await sessions.AddTaskAsync(title, priority, cancellationToken);
            added.Add(change.Task.Id);
            Say($"Added {change.Task.Id}: {change.Task.Title}");
        }

        Comment($"Work on {added[0]}: src/Greetings.cs greets in French, and git commits it.");
        repository.Write("src/Greetings.cs", French);
        const string Message = "Greet in French";
        var sha = repository.Commit(Message);
        Command($"git commit -am \"{Message}\"");
        Say($"[{DemoRepository.Branch} {sha[..7]}] {Message}");
        Comment("The post-commit hook that 'lifecycle init' installs records each commit; here the demo does:");
        Command($"lifecycle event git_commit --sha {sha[..7]}");
        await sessions.RecordEventAsync(new EventRequest(SessionEventTypes.GitCommit, new JsonObject { ["sha"] = sha }), cancellationToken);
        Say($"Recorded git_commit in session {first.Session.SessionId}.");
        Command($"lifecycle task done {added[0]}");
        var done = await sessions.CompleteTaskAsync(added[0], cancellationToken);
        Say($"Done {done.Task.Id}: {done.Task.Title}");

        Comment($"Work on {added[1]}, unfinished and not committed: src/Greetings.cs changed again, CHANGELOG.md new.");
        repository.Write("src/Greetings.cs", HalfShout);
        repository.Write("CHANGELOG.md", Changelog);

        Command($"lifecycle end --yes --note \"{Note}\"");
        var closed = await sessions.EndAsync(new EndRequest(Yes: true, Note: Note), cancellationToken);
        var handoff = HandoffJson.Parse(closed.Handoff?.ToJsonString() ?? throw new InvalidOperationException("session-end returned no handoff."));
        DescribeClose(handoff);

        var second = await StartAsync(cancellationToken);
        var documents = Documents(first.Session.SessionId, second.Session.SessionId);
        return new DemoOutcome(repository.Root, first, closed, second, documents);
    }

    private async Task<StartOutcome> StartAsync(CancellationToken cancellationToken)
    {
        Command("lifecycle start");
        var started = await sessions.StartAsync(new StartRequest(Yes: true), cancellationToken);
        Say(started.Mission);
        return started;
    }

    /// <summary>What <c>lifecycle end</c> prints, then what it did to the repository, and the handoff document itself.</summary>
    private void DescribeClose(Handoff handoff)
    {
        Say($"Session {handoff.SessionId} closed.");
        Say(handoff.ProductivityScore is { } score ? $"  productivity score: {score}" : $"  not scored: {handoff.Metrics.ScoreUnavailableReason}");
        foreach (var action in handoff.NextActions)
        {
            Say($"  next: {action}");
        }

        if (handoff.Stash is { } stash)
        {
            Comment($"The unfinished work ({string.Join(", ", stash.Files.Select(f => f.Path))}) is put away in stash '{stash.Name}', the work tree clean; the session's documents are committed:");
        }

        Command("git log --oneline -1");
        var (headSha, subject) = repository.Head();
        Say($"{headSha} {subject}");
        var document = SessionDocs.For(null, handoff.SessionId).Handoff;
        Command($"cat {document}");
        Say(repository.Read(document) ?? "(not written)");
    }

    /// <summary>The session documents in the work tree, repository-relative: the first session's four, the second's log.</summary>
    private List<string> Documents(string firstSession, string secondSession) =>
        [.. SessionDocs.For(null, firstSession).All.Append(SessionDocs.For(null, secondSession).Log)
            .Where(path => repository.Read(path) is not null)];

    private void Command(string line)
    {
        narration.WriteLine();
        narration.WriteLine($"$ {line}");
        narration.Flush();
    }

    private void Comment(string line)
    {
        narration.WriteLine();
        narration.WriteLine($"# {line}");
    }

    private void Say(string text)
    {
        foreach (var line in text.TrimEnd().ReplaceLineEndings("\n").Split('\n'))
        {
            narration.WriteLine(line.Length == 0 ? "" : $"  {line}");
        }
    }
}
