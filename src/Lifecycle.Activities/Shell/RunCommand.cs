using Lifecycle.Activities.Sessions;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Activities.Shell;

/// <summary>Runs a shell command in the repository root, for steps a team adds to its protocol (tests, linters, builds).</summary>
[Activity("Session", "Runs 'run' with sh -c in the repository root; outputs 'exitCode', 'stdout', 'stderr' (their tails); faults on a non-zero exit or past 'timeoutSeconds' unless 'failOnError' is false.",
    Outputs = ["exitCode", "stdout", "stderr"])]
public sealed class RunCommand(RepositoryContext repository, Git.StatusPrefetch prefetch, TimeProvider time) : Activity
{
    public const int DefaultTimeoutSeconds = 300;

    [Input("The command line, run by /bin/sh -c in the repository root.", Required = true)]
    public Input<string> Run { get; init; } = null!;

    [Input("How long it may run before its process tree is killed. Default 300.")]
    public Input<int>? TimeoutSeconds { get; init; }

    [Input("Fault the workflow on a non-zero exit or a timeout (default true).")]
    public Input<bool>? FailOnError { get; init; }

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var command = context.GetName(Run);
        var seconds = context.Get(TimeoutSeconds, DefaultTimeoutSeconds);
        if (seconds < 1)
        {
            throw new ActivityFaultException($"timeoutSeconds must be 1 or more; got {seconds}");
        }

        prefetch.Discard();
        var result = await ShellCommand.RunAsync(repository.Root, command, TimeSpan.FromSeconds(seconds), time, context.CancellationToken);
        context.SetOutput("exitCode", result.ExitCode);
        context.SetOutput("stdout", result.Stdout);
        context.SetOutput("stderr", result.Stderr);
        var failure = result switch
        {
            { StartError: { } error } => error,
            { TimedOut: true } => $"'{command}' timed out after {seconds}s; its process tree was killed",
            { ExitCode: not 0 } => $"'{command}' exited with code {result.ExitCode}{(result.LastStderrLine is { } line ? $": {line}" : "")}",
            _ => null,
        };
        if (failure is not null && context.Get(FailOnError, true))
        {
            throw new ActivityFaultException(failure);
        }

        context.Complete(failure ?? $"'{command}' exited with code 0.");
    }

    protected override IEnumerable<(string Path, string Message)> Validate()
    {
        foreach (var problem in LiteralChecks.Name(Run))
        {
            yield return problem;
        }

        if (TimeoutSeconds is { Expression: null } timeout && timeout.Value < 1)
        {
            yield return (timeout.Path, $"timeoutSeconds must be 1 or more; found {timeout.Value}.");
        }
    }
}
