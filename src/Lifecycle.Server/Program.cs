using Lifecycle.Server.Cli;

return await LifecycleCli.RunAsync(args, Console.Out, Console.Error);
