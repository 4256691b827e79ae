using Lifecycle.Server.Cli;
using Lifecycle.Server.Hosting;

StartupWarmup.Begin();
return await LifecycleCli.RunAsync(args, Console.Out, Console.Error);
