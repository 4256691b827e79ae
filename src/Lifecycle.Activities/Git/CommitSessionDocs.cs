using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Sessions;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Activities.Git;

/// <summary>Commits the session's documents (log, handoff, handoff JSON, report) and nothing else.</summary>
/// <remarks>
/// Only the documents that exist go in, taken from disk; whatever the user has staged stays
/// staged and out of the commit. Run again, the documents match HEAD and no commit is made.
/// </remarks>
[Activity("Git", "Commits exactly the session's documents that exist (never the user's staged changes), signed as git would with commit.gpgsign; outputs 'sha' (null when there was nothing to commit), 'signed' and 'signingProblem' (why a commit that should be signed is not).",
    Outputs = ["sha", "signed", "signingProblem"])]
public sealed class CommitSessionDocs(ISessionStore sessions, RepositoryContext repository, TimeProvider time)
    : GitSessionActivityBase(sessions, repository, time)
{
    [Input("The commit message; 'docs: session <id> documents' when left out.")]
    public Input<string>? Message { get; init; }

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var session = await LoadAsync(context);
        context.SetOutput("sha", null);
        context.SetOutput("signed", false);
        context.SetOutput("signingProblem", null);
        if (ManualMode)
        {
            CompleteManual(context, "committing the session documents");
            return;
        }

        if (!Repository.Config.CommitDocs)
        {
            context.Complete("Committing the session documents is off in the configuration.");
            return;
        }

        var docs = SessionDocs.For(Repository.Config.DocsFolder, session.SessionId).All
            .Where(path => File.Exists(System.IO.Path.Combine(Repository.Root, path)))
            .ToList();
        if (docs.Count == 0)
        {
            context.Complete($"Session {session.SessionId} has no documents to commit.");
            return;
        }

        var given = Message is null ? null : context.Get(Message);
        // A message a workflow builds (from a note, a task) is history as much as the docs are: redacted like them.
        var message = string.IsNullOrWhiteSpace(given) ? $"docs: session {session.SessionId} documents" : Redaction.SecretRedactor.Redact(given).Text;
        using var git = OpenWorkspace();
        var (sha, signed, problem) = git.DocsCommit.CommitPaths(docs, message);
        context.SetOutput("sha", sha);
        context.SetOutput("signed", signed);
        context.SetOutput("signingProblem", problem);
        if (sha is not null)
        {
            // The next session names it when this one ended on a detached HEAD (SessionBranch.LeftDetached).
            session.DocsSha = sha;
            await Sessions.SaveAsync(session, context.CancellationToken);
        }

        context.Complete(sha is null
            ? $"The {docs.Count} documents of session {session.SessionId} are already committed."
            : $"Committed {docs.Count} documents of session {session.SessionId} as {sha[..7]}{(signed ? ", signed" : "")}."
                + (problem is null ? "" : $" The docs commit is not signed: {problem}."));
    }
}
