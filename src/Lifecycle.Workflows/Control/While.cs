using Lifecycle.Workflows.Activities;

namespace Lifecycle.Workflows.Control;

/// <summary>Runs the body while the condition holds, at most <see cref="MaxIterations"/> times.</summary>
[Activity("Control", "Runs 'body' while 'condition' is true; faults past 'maxIterations' (default 10,000).")]
public sealed class While : Activity
{
    public const int DefaultMaxIterations = 10_000;

    [Input("Checked before each iteration.", Required = true)]
    public Input<bool> Condition { get; init; } = null!;

    [Input("Runs while the condition is true.", Required = true)]
    public Activity? Body { get; init; }

    [Input("The most iterations allowed before the loop faults. Default 10,000.")]
    public Input<int>? MaxIterations { get; init; }

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        context.State["iterations"] = 0;
        Next(context, 0);
        return ValueTask.CompletedTask;
    }

    public override ValueTask OnChildCompletedAsync(ActivityContext context, Activity child)
    {
        var iterations = context.State["iterations"]!.GetValue<int>() + 1;
        context.State["iterations"] = iterations;
        Next(context, iterations);
        return ValueTask.CompletedTask;
    }

    protected internal override IEnumerable<(string Path, string Message)> Validate()
    {
        if (MaxIterations is { Expression: null } max && max.Value < 1)
        {
            yield return (max.Path, $"maxIterations must be 1 or more; found {max.Value}.");
        }
    }

    private void Next(ActivityContext context, int iterations)
    {
        if (!context.Get(Condition) || Body is null)
        {
            context.Complete($"Ran {iterations} iteration{(iterations == 1 ? "" : "s")}.");
            return;
        }

        var max = context.Get(MaxIterations, DefaultMaxIterations);
        if (iterations >= max)
        {
            throw new ActivityFaultException($"the loop exceeded maxIterations ({max}); raise maxIterations or fix the condition");
        }

        context.ScheduleChild(Body);
    }
}
