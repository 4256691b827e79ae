using Lifecycle.Workflows;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Server.Cli.Workflows;

/// <summary>Human output of a run or resumption.</summary>
internal static class RunResultText
{
    public static void Write(TextWriter output, RunResult result)
    {
        output.WriteLine($"Instance {result.InstanceId} of '{result.WorkflowId}' v{result.Version}: {result.Status}");
        foreach (var bookmark in result.Bookmarks)
        {
            output.WriteLine(bookmark.DueAt is { } due
                ? $"  waiting: timer until {TextTable.Time(due)} at {bookmark.ActivityId}"
                : $"  waiting: event '{bookmark.Event}'{(bookmark.Correlation is null ? "" : $" (correlation '{bookmark.Correlation}')")} at {bookmark.ActivityId}");
        }

        if (result.Outputs.Count > 0)
        {
            output.WriteLine($"  outputs: {result.Outputs.ToJsonString(WorkflowJson.Options)}");
        }

        if (result.Error is not null)
        {
            output.WriteLine($"  error: {result.Error}");
        }

        if (result.Status == WorkflowStatus.Suspended && result.Bookmarks.Any(b => !b.DueAt.HasValue))
        {
            var first = result.Bookmarks.First(b => !b.DueAt.HasValue);
            output.WriteLine($"  resume with: lifecycle workflow resume --event {ShellQuote(first.Event)}{(first.Correlation is null ? "" : $" --correlation {ShellQuote(first.Correlation)}")} --instance {result.InstanceId}");
        }
    }

    /// <summary>Quotes a word for a POSIX shell when it holds anything but plain characters.</summary>
    internal static string ShellQuote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or ':' or '@')
            ? word
            : $"'{word.Replace("'", "'\\''")}'";

    /// <summary>0 for Finished or Suspended; for a fault, the kind it carries: 3 blocked by a protocol rule, 4 a conflict, 2 bad input; 1 for any other.</summary>
    public static int ExitCode(RunResult result) => result switch
    {
        { Status: WorkflowStatus.Finished or WorkflowStatus.Suspended } => ExitCodes.Ok,
        { ErrorCode: Lifecycle.Workflows.Activities.FaultCodes.Blocked } => ExitCodes.Blocked,
        { ErrorCode: Lifecycle.Workflows.Activities.FaultCodes.Conflict } => ExitCodes.Conflict,
        { ErrorCode: Lifecycle.Workflows.Activities.FaultCodes.BadInput or Lifecycle.Workflows.Activities.FaultCodes.NotFound } => ExitCodes.BadInput,
        _ => ExitCodes.Failure,
    };
}
