using Lifecycle.Workflows.Activities;

namespace Lifecycle.Workflows.Tests.Support;

/// <summary>Activities that misbehave on purpose, registered with <c>configureRegistry: r => r.AddAssembly(typeof(Stall).Assembly)</c>.</summary>
[Activity("Test", "Neither completes nor waits.")]
public sealed class Stall : Activity
{
    public override ValueTask ExecuteAsync(ActivityContext context) => ValueTask.CompletedTask;
}

[Activity("Test", "Throws an exception that is not an ActivityFaultException.")]
public sealed class Crash : Activity
{
    public override ValueTask ExecuteAsync(ActivityContext context) =>
        throw new InvalidOperationException("the disk is on fire");
}

[Activity("Test", "Throws an exception that says what kind of failure it is.")]
public sealed class ConflictingCrash : Activity
{
    public override ValueTask ExecuteAsync(ActivityContext context) => throw new CodedException();

    private sealed class CodedException() : Exception("someone else holds the lock"), IFaultCoded
    {
        public string? FaultCode => FaultCodes.Conflict;
    }
}

[Activity("Test", "Sets the workflow output 'synchronous' to the PRAGMA synchronous of a connection it opens on the SQLite file 'database'.")]
public sealed class ProbeSync : Activity
{
    [Input("The SQLite file.", Required = true)]
    public Input<string> Database { get; init; } = null!;

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        using var connection = new Lifecycle.Workflows.Persistence.SqliteDatabase(context.Get(Database)!).Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous";
        context.SetWorkflowOutput("synchronous", (long)command.ExecuteScalar()!);
        context.Complete();
        return ValueTask.CompletedTask;
    }
}

[Activity("Test", "Faults while the file 'file' does not exist, and completes once it does (to retry a faulted instance).")]
public sealed class FailWhileMissing : Activity
{
    [Input("The file whose existence lets the activity complete.", Required = true)]
    public Input<string> File { get; init; } = null!;

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var path = context.Get(File)!;
        if (!System.IO.File.Exists(path))
        {
            throw new ActivityFaultException($"{path} does not exist yet");
        }

        context.Complete();
        return ValueTask.CompletedTask;
    }
}
