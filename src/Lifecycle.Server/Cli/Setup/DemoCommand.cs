using System.CommandLine;
using System.Runtime.InteropServices;
using Lifecycle.Activities.Setup;
using Lifecycle.Server.Demo;
using Lifecycle.Server.Hosting;

namespace Lifecycle.Server.Cli.Setup;

/// <summary>
/// <c>demo</c>: what Lifecycle is for, in one command. Makes a throwaway git repository in a new
/// temp folder and runs a real session cycle on it (<see cref="DemoTour"/>), then says where
/// everything is. It never touches the repository of the current folder, nor <c>--repo</c>.
/// </summary>
public static class DemoCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var serve = new Option<bool>("--serve") { Description = "Then serve the dashboard on the demo repository (with a waiting and a faulted workflow to try) until Ctrl-C" };
        var command = new Command("demo", "See what Lifecycle does, on a throwaway git repository in a new temp folder: start, tasks, a commit, end (handoff, documents, work put away), start again") { serve };
        return command.Handle(output, error, async (context, cancellationToken) =>
        {
            var folder = Directory.CreateTempSubdirectory("lifecycle-demo-").FullName;
            var narration = context.Json ? TextWriter.Null : context.Out;
            narration.WriteLine($"Lifecycle demo in {folder}");
            narration.WriteLine($"A throwaway git repository made for the demo (a small C# project, {DemoRepository.InitialFiles.Count} files in 3 commits on {DemoRepository.Branch});");
            narration.WriteLine("nothing else is touched. Each step below is the command you would type, then what it did.");

            await using var host = new EmbeddedHost(folder, liveLog: null, notes: context.Error);
            var repository = DemoRepository.Create(folder, host.Get<TimeProvider>());
            using var stop = StopOnSignals(host);
            var outcome = await new DemoTour(host.Sessions, repository, narration).RunAsync(cancellationToken);
            if (context.Parse.GetValue(serve))
            {
                var runs = await DemoWorkflows.RunAsync(host.Get<Lifecycle.Workflows.Hosting.WorkflowEngine>(), cancellationToken);
                narration.WriteLine();
                narration.WriteLine($"Two workflows to try from the dashboard: {string.Join(", ", runs.Select(r => $"{r.WorkflowId} is {r.Status}"))}.");
                var paths = host.Paths;
                // The server handles Ctrl-C and SIGTERM from here on; the tour's host is done.
                stop.Dispose();
                await host.DisposeAsync();
                if (!context.Json)
                {
                    WhereThingsAre(context.Out, outcome, paths);
                    context.Out.WriteLine();
                }

                return await Serving.ServeCommand.RunAsync(context, folder, Lifecycle.Server.Serving.ServerOptions.DefaultUrls, remote: false, exposed: [], cancellationToken);
            }

            if (context.Json)
            {
                context.WriteJson(new
                {
                    repository = outcome.Repository,
                    sessions = new[] { outcome.First.Session.SessionId, outcome.Second.Session.SessionId },
                    mission = outcome.First.Mission,
                    handoff = outcome.Closed.Handoff,
                    nextMission = outcome.Second.Mission,
                    documents = outcome.Documents,
                    stateFolder = host.StateFolder,
                });
                return ExitCodes.Ok;
            }

            WhereThingsAre(context.Out, outcome, host.Paths);
            return ExitCodes.Ok;
        });
    }

    private static void WhereThingsAre(TextWriter output, DemoOutcome outcome, LifecyclePaths paths)
    {
        output.WriteLine();
        output.WriteLine("Where everything is:");
        output.WriteLine($"  repository:  {outcome.Repository} (session {outcome.Second.Session.SessionId} is {outcome.Second.Session.State.ToString().ToUpperInvariant()})");
        foreach (var document in outcome.Documents)
        {
            output.WriteLine($"  document:    {document}");
        }

        output.WriteLine($"  state:       {Path.GetRelativePath(outcome.Repository, paths.Database)} (SQLite, kept out of git)");
        output.WriteLine();
        output.WriteLine("Go on by hand:");
        output.WriteLine($"  cd {HookInstaller.Quote(outcome.Repository)}");
        output.WriteLine("  lifecycle status");
        output.WriteLine($"  lifecycle report {outcome.Closed.SessionId}");
        output.WriteLine("  lifecycle end --yes");
        if (!OnPath("lifecycle"))
        {
            // Run through 'dotnet run' before anything was installed: say what 'lifecycle' is meanwhile.
            output.WriteLine($"  (lifecycle stands for {ThisProgram()} until it is on PATH: see README.md, Install)");
        }

        output.WriteLine($"Remove it with: rm -rf {HookInstaller.Quote(outcome.Repository)}");
    }

    /// <summary>How to run this very program again from a shell: its app host, or <c>dotnet exec lifecycle.dll</c>.</summary>
    private static string ThisProgram()
    {
        var process = Environment.ProcessPath ?? "dotnet";
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? $"{HookInstaller.Quote(process)} exec {HookInstaller.Quote(Path.Combine(AppContext.BaseDirectory, "lifecycle.dll"))}"
            : HookInstaller.Quote(process);
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Any(folder => File.Exists(Path.Combine(folder, program)));

    /// <summary>Ctrl-C or SIGTERM: the demo's workflows stop at their next persisted point, as the session commands' do.</summary>
    private static Registrations StopOnSignals(EmbeddedHost host) =>
        new(
            PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => host.StopSignal.Request()),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => host.StopSignal.Request()));

    private sealed class Registrations(params IDisposable[] registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }
        }
    }
}
