using System.CommandLine;

namespace Lifecycle.Server.Cli.Setup;

/// <summary><c>completion bash|zsh</c>: prints the script that makes the shell complete lifecycle's commands, options and values.</summary>
public static class CompletionCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var shell = new Argument<string>("shell") { Description = "bash or zsh" };
        shell.AcceptOnlyFromAmong([.. CompletionScripts.Shells]);
        var command = new Command("completion", "Print the shell completion script; load it with: source <(lifecycle completion bash) (or zsh)") { shell };
        return command.Handle(output, error, (context, _) =>
        {
            context.Out.Write(CompletionScripts.For(context.Parse.GetValue(shell)!));
            return Task.FromResult(ExitCodes.Ok);
        });
    }
}
