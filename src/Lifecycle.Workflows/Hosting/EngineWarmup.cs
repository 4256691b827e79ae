using System.Text.Json;
using Lifecycle.Workflows.Expressions;
using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Workflows.Hosting;

/// <summary>
/// Does once, ahead of need, the one-time work of a process's first workflow run: the JavaScript
/// engine's static set-up and parser, and the JSON metadata of snapshots and journal entries.
/// </summary>
/// <remarks>
/// A command line process pays these (about 50 ms) on its critical path otherwise. Run it on
/// another thread while the process does its own start-up (parsing arguments, opening the store);
/// it touches no state of its own, so it is safe to run at any time, even twice.
/// </remarks>
public static class EngineWarmup
{
    public static void Run()
    {
        var expression = Expression.TryParse("input.ready === true && !outputs.stop || [input, outputs].length > 1", out _)!;
        var host = new ScriptHost(new ExpressionLimits());
        host.Engine.SetValue("input", host.NewObject());
        host.Engine.SetValue("outputs", host.NewObject());
        host.Engine.Evaluate(expression.Script);
        _ = JsonSerializer.Serialize(new List<JournalEntry>(), WorkflowJson.Options);
        _ = WorkflowJson.Options.GetTypeInfo(typeof(InstanceSnapshot));
    }
}
