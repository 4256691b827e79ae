using Lifecycle.Workflows;
using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Runtime;
using Microsoft.Data.Sqlite;

namespace Lifecycle.Server.Cli;

/// <summary>Turns an exception into one clear line on stderr (or a JSON document) and an exit code.</summary>
public static class ErrorReporter
{
    public static int Report(CommandContext context, Exception exception)
    {
        var (code, message) = Describe(context, exception);
        if (exception is WorkflowValidationException invalid)
        {
            if (context.Json)
            {
                context.WriteJson(new { valid = false, source = invalid.DefinitionSource, errors = invalid.Errors.Select(e => new { path = e.Path, message = e.Message }) });
            }

            // The file first: a session command may have read an override the user did not name.
            context.Error.WriteLine($"error: {invalid.DefinitionSource} is not a valid workflow ({invalid.Errors.Count} problem{(invalid.Errors.Count == 1 ? "" : "s")}); fix it and run the command again:");
            foreach (var error in invalid.Errors)
            {
                context.Error.WriteLine($"  {error}");
            }

            return code;
        }

        context.Error.WriteLine($"error: {message}");
        if (context.Json)
        {
            if (((exception as Lifecycle.Server.Sessions.SessionWorkflowException)?.InstanceId ?? (exception as Remote.RemoteSessionException)?.InstanceId) is { } instanceId)
            {
                context.WriteJson(new { error = message, exitCode = code, instanceId });
            }
            else
            {
                context.WriteJson(new { error = message, exitCode = code });
            }
        }

        if (code == ExitCodes.Failure && context.Parse.GetValue(GlobalOptions.Verbose))
        {
            context.Error.WriteLine(exception.ToString());
        }

        return code;
    }

    private static (int Code, string Message) Describe(CommandContext context, Exception exception) => exception switch
    {
        WorkflowValidationException => (ExitCodes.BadInput, exception.Message),
        WorkflowInputException or StimulusRejectedException or UsageException or WorkflowNotFoundException => (ExitCodes.BadInput, exception.Message),
        Lifecycle.Workflows.Persistence.DatabaseTooNewException => (ExitCodes.BadInput, exception.Message),
        Lifecycle.Activities.SessionException session => (ExitCodes.For(session.Kind), exception.Message),
        WorkflowStoppedException stopped => (ExitCodes.Interrupted,
            $"Interrupted: instance {stopped.InstanceId} of '{stopped.WorkflowId}' stopped at a safe point; the next 'lifecycle workflow run' or 'workflow resume' continues it."),
        OperationCanceledException => (ExitCodes.Interrupted,
            "Cancelled; what was saved is finished by the next command ('lifecycle start', 'end', 'workflow run' or 'workflow resume')."),
        UnauthorizedAccessException => (ExitCodes.Failure, $"{exception.Message} Run lifecycle where you may write, or point --repo at such a folder."),
        SqliteException { SqliteErrorCode: 8 } => (ExitCodes.Failure,
            $"the state database {Database(context)} is read-only; this command needs to write it."),
        SqliteException { SqliteErrorCode: 14 } => (ExitCodes.Failure,
            $"the state database {Database(context)} cannot be opened; check the folder exists and may be written."),
        SqliteException { SqliteErrorCode: 11 or 26 } => (ExitCodes.Failure,
            $"the state database {Database(context)} is damaged (not a database any more): run 'lifecycle recover' to rebuild it from .lifecycle/state.json and the committed session docs (the damaged file is moved aside, not deleted)."),
        SqliteException sqlite => (ExitCodes.Failure, $"the state database failed: {sqlite.Message}"),
        IOException => (ExitCodes.Failure, exception.Message),
        WorkflowException => (ExitCodes.Failure, exception.Message),
        _ => (ExitCodes.Failure, $"{exception.GetType().Name}: {exception.Message}" +
                                 (context.Parse.GetValue(GlobalOptions.Verbose) ? "" : " (run with --verbose for details)")),
    };

    private static string Database(CommandContext context) => Lifecycle.Activities.Setup.LifecyclePaths.For(context.Repository).Database;
}
