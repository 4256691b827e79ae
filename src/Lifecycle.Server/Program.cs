using Lifecycle.Server.Cli;
using Lifecycle.Server.Hosting;
using Lifecycle.Workflows.Hosting;

StartupWarmup.Begin(args);
int exitCode;
using (CommandTrace.Begin("command"))
{
    exitCode = await LifecycleCli.RunAsync(args, Console.Out, Console.Error);
}

CommandTrace.Summary();
return exitCode;
