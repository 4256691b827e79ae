using System.CommandLine;
using System.CommandLine.Completions;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Setup;
using Lifecycle.Activities.Tasks;
using Lifecycle.Server.Hosting;
using Lifecycle.Server.Sessions;
using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Server.Cli.Setup;

/// <summary>
/// The values shell completion offers for the commands' arguments and options: fixed sets (report
/// formats, event types, instance statuses) and, read from the repository's store, task and
/// session ids. Kept in one place, attached to the built command tree by name, so the commands
/// stay as they are; a lookup that fails offers nothing rather than disturbing the shell.
/// </summary>
public static class ValueCompletions
{
    public static RootCommand Attach(RootCommand root)
    {
        Option(root, ["report"], "--format").CompletionSources.Add("md", "json", "html");
        Option(root, ["plan"], "--format").CompletionSources.Add("text", "json");
        Option(root, ["suggest"], "--format").CompletionSources.Add("text", "json");
        Argument(root, ["event"], "type").CompletionSources.Add([.. SessionEventTypes.Recordable]);
        Option(root, ["instances"], "--status").CompletionSources.Add(Enum.GetNames<WorkflowStatus>());

        Option(root, ["event"], "--task").CompletionSources.Add(Tasks(task => task.Status == SessionTaskStatus.Open));
        Argument(root, ["task", "done"], "id").CompletionSources.Add(Tasks(task => task.Status == SessionTaskStatus.Open));
        Argument(root, ["task", "block"], "id").CompletionSources.Add(Tasks(task => task.Status == SessionTaskStatus.Open));
        Argument(root, ["task", "reopen"], "id").CompletionSources.Add(Tasks(task => task.Status != SessionTaskStatus.Open));
        Argument(root, ["task", "edit"], "id").CompletionSources.Add(Tasks(_ => true));
        Argument(root, ["task", "remove"], "id").CompletionSources.Add(Tasks(_ => true));

        Argument(root, ["report"], "id").CompletionSources.Add(Sessions(session => session.State == SessionState.Dormant));
        Argument(root, ["sessions", "show"], "id").CompletionSources.Add(Sessions(_ => true));
        return root;
    }

    private static Func<CompletionContext, IEnumerable<CompletionItem>> Tasks(Func<SessionTask, bool> offered) =>
        context => Read(context, async (sessions, ct) =>
            (await sessions.ListTasksAsync(all: false, ct)).Tasks.Select(listed => listed.Task).Where(offered).Select(task => task.Id));

    private static Func<CompletionContext, IEnumerable<CompletionItem>> Sessions(Func<SessionContext, bool> offered) =>
        context => Read(context, async (sessions, ct) =>
            (await sessions.ListAsync(ct)).Where(offered).Select(session => session.SessionId).Reverse());

    /// <summary>
    /// Ids read through the session use cases, only where a store exists (so completing creates no
    /// <c>.lifecycle/</c>), with the repository found as the command would find it.
    /// </summary>
    private static IEnumerable<CompletionItem> Read(CompletionContext context, Func<SessionService, CancellationToken, Task<IEnumerable<string>>> read)
    {
        try
        {
            var repository = RepositoryLocator.Locate(context.ParseResult.GetValue(GlobalOptions.Repo), Environment.CurrentDirectory);
            if (!File.Exists(LifecyclePaths.For(repository).Database))
            {
                return [];
            }

            var host = new EmbeddedHost(repository, liveLog: null);
            try
            {
                // The suggest directive's action is synchronous and runs with no synchronization
                // context. No time limit: the reads take a few milliseconds and wait for no lock
                // longer than the store's busy timeout, and a limit would only drop ids on a busy machine.
                return [.. read(host.Sessions, CancellationToken.None).GetAwaiter().GetResult().Select(id => new CompletionItem(id))];
            }
            finally
            {
                host.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        catch (Exception)
        {
            return [];
        }
    }

    private static Option Option(Command root, string[] path, string name) =>
        Find(root, path).Options.Single(option => option.Name == name);

    private static Argument Argument(Command root, string[] path, string name) =>
        Find(root, path).Arguments.Single(argument => argument.Name == name);

    private static Command Find(Command root, string[] path) =>
        path.Aggregate(root, (command, name) => command.Subcommands.Single(sub => sub.Name == name));
}
