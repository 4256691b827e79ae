using System.Globalization;
using Lifecycle.Activities.Configuration;
using Lifecycle.Activities.Shell;

namespace Lifecycle.Activities.Reality;

/// <summary>
/// Runs a configured command with <c>/bin/sh -c</c> in the repository root. Exit 0 is health 1, or
/// the number on the last line of stdout when it is in 0..1; any other exit is 0 with the code and
/// the last line of stderr; running past the timeout kills the whole process tree and scores 0.
/// </summary>
internal sealed class CommandAgent(RealityAgentConfig config, TimeProvider timeProvider) : IRealityAgent
{
    public string Name => config.Name;

    public double Weight => config.Weight;

    public async Task<AgentVerdict> CheckAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var result = await ShellCommand.RunAsync(repositoryRoot, config.Run, TimeSpan.FromSeconds(config.TimeoutSeconds), timeProvider, cancellationToken)
            .ConfigureAwait(false);
        return result switch
        {
            { StartError: { } error } => AgentVerdict.Broken(error),
            { TimedOut: true } => AgentVerdict.Broken($"timed out after {config.TimeoutSeconds}s; the process tree was killed."),
            _ => Judge(result.ExitCode!.Value, result.LastStdoutLine, result.LastStderrLine),
        };
    }

    internal static AgentVerdict Judge(int exitCode, string? lastStdout, string? lastStderr)
    {
        if (exitCode != 0)
        {
            var detail = lastStderr is null ? " (nothing on stderr)" : $": {lastStderr}";
            return AgentVerdict.Broken($"exited with code {exitCode}{detail}");
        }

        if (lastStdout is null || !double.TryParse(lastStdout, NumberStyles.Float, CultureInfo.InvariantCulture, out var reported))
        {
            return AgentVerdict.Healthy;
        }

        return reported is >= 0 and <= 1
            ? new AgentVerdict(reported, string.Create(CultureInfo.InvariantCulture, $"reported health {reported}"))
            : new AgentVerdict(1, $"exited 0; its last line '{lastStdout}' is outside 0..1, so it is not read as a health.");
    }
}
