using Lifecycle.Workflows;
using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Server.Cli;

/// <summary>Turns an exception into one clear line on stderr (or a JSON document) and an exit code.</summary>
public static class ErrorReporter
{
    public static int Report(CommandContext context, Exception exception)
    {
        var code = Write(context, exception);
        if (context.Json && exception is not WorkflowValidationException)
        {
            context.WriteJson(new { error = exception.Message, exitCode = code });
        }

        return code;
    }

    private static int Write(CommandContext context, Exception exception)
    {
        switch (exception)
        {
            case WorkflowValidationException invalid:
                if (context.Json)
                {
                    context.WriteJson(new { valid = false, errors = invalid.Errors.Select(e => new { path = e.Path, message = e.Message }) });
                }

                foreach (var error in invalid.Errors)
                {
                    context.Error.WriteLine(error.ToString());
                }

                return ExitCodes.BadInput;
            case WorkflowInputException input:
                foreach (var problem in input.Problems)
                {
                    context.Error.WriteLine($"error: input: {problem}");
                }

                return ExitCodes.BadInput;
            case UsageException or WorkflowNotFoundException:
                context.Error.WriteLine($"error: {exception.Message}");
                return ExitCodes.BadInput;
            case OperationCanceledException:
                context.Error.WriteLine("error: cancelled.");
                return ExitCodes.Failure;
            case WorkflowException:
                context.Error.WriteLine($"error: {exception.Message}");
                return ExitCodes.Failure;
            default:
                context.Error.WriteLine($"error: {exception.GetType().Name}: {exception.Message}" +
                                        (context.Parse.GetValue(GlobalOptions.Verbose) ? "" : " (run with --verbose for details)"));
                if (context.Parse.GetValue(GlobalOptions.Verbose))
                {
                    context.Error.WriteLine(exception.ToString());
                }

                return ExitCodes.Failure;
        }
    }
}
