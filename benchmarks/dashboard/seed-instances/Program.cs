using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Lifecycle.Benchmarks.Dashboard;
using Lifecycle.Workflows.Hosting;
using Microsoft.Extensions.DependencyInjection;

// seed-instances REPOSITORY [COUNT]
// Fills REPOSITORY/.lifecycle/lifecycle.db with COUNT instances (default 100,000) of four
// workflows, spread over the last 90 days: about 55% Finished, 10% Faulted, 20% Suspended, 5%
// Cancelled and 10% Finished loops; then one instance whose journal has at least 10,000 entries.
// Everything goes through the engine (WorkflowEngine.RunAsync and CancelAsync over its SQLite
// store), as the server would write it; no SQL of its own. Prints the long instance's id last.
if (args.Length is < 1 or > 2 || (args.Length == 2 && !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out _)))
{
    Console.Error.WriteLine("Usage: seed-instances REPOSITORY [COUNT]   (run 'lifecycle init' in REPOSITORY first)");
    return 2;
}

var database = Path.Combine(Path.GetFullPath(args[0]), ".lifecycle", "lifecycle.db");
if (!Directory.Exists(Path.GetDirectoryName(database)))
{
    Console.Error.WriteLine($"No .lifecycle folder in {args[0]}; run 'lifecycle init' there first.");
    return 2;
}

var count = args.Length == 2 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
var target = database;
// The store commits each instance durably (an fsync per insert and per save): in place, on a busy
// machine, 2,000 instances took 11 s against 5,000 in 8 s in memory. So the same writes go to a
// copy in /dev/shm when there is one, and the file is copied back at the end.
var scratch = Directory.Exists("/dev/shm") ? Path.Combine("/dev/shm", $"seed-instances-{Environment.ProcessId}") : null;
if (scratch is not null)
{
    Directory.CreateDirectory(scratch);
    database = Path.Combine(scratch, "lifecycle.db");
    foreach (var suffix in new[] { "", "-wal" }.Where(s => File.Exists(target + s)))
    {
        File.Copy(target + suffix, database + suffix);
    }
}

var end = new DateTimeOffset(TimeProvider.System.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
var start = end.AddDays(-90);
var clock = new SeedClock(start);
var services = new ServiceCollection()
    .AddSingleton<TimeProvider>(clock)
    .AddLifecycleWorkflows(database)
    .BuildServiceProvider();
var engine = services.GetRequiredService<WorkflowEngine>();
await engine.StartAsync();
async Task<Lifecycle.Workflows.Definitions.WorkflowDefinition> PublishAsync(string json) =>
    (await engine.PublishAsync(await engine.ReadAsync(json, "seed"))).Definition;

var deploy = await PublishAsync(SeedWorkflows.Deploy);
var nightly = await PublishAsync(SeedWorkflows.Nightly);
var approval = await PublishAsync(SeedWorkflows.Approval);
var import = await PublishAsync(SeedWorkflows.Import);

var random = new Random(20261207);
var spacing = (end - start) / count;
var watch = Stopwatch.StartNew();
for (var i = 0; i < count; i++)
{
    clock.Set(start + spacing * i + TimeSpan.FromMilliseconds(random.Next(0, 1000)));
    var roll = random.Next(100);
    var ticket = $"T-{i:D6}";
    if (roll < 55)
    {
        await engine.RunAsync(deploy, new JsonObject { ["release"] = $"1.{i / 1000}.{i % 1000}" }, correlation: null);
    }
    else if (roll < 65)
    {
        await engine.RunAsync(nightly, new JsonObject { ["fail"] = true }, correlation: null);
    }
    else if (roll < 90)
    {
        var run = await engine.RunAsync(approval, new JsonObject { ["ticket"] = ticket }, ticket);
        if (roll >= 85)
        {
            await engine.CancelAsync(run.InstanceId, "withdrawn");
        }
    }
    else
    {
        await engine.RunAsync(import, new JsonObject(), correlation: null);
    }

    if ((i + 1) % 10_000 == 0)
    {
        Console.WriteLine($"{i + 1:N0} instances, {(i + 1) / watch.Elapsed.TotalSeconds:N0}/s");
    }
}

// The long journal: a loop of logged steps, sized from two small runs (entries per step and the fixed part).
clock.Set(end.AddMinutes(-30));
async Task<long> JournalLengthAsync(int items)
{
    var run = await engine.RunAsync(await PublishAsync(SeedWorkflows.Long(items)), null, correlation: "probe");
    var length = (await engine.Store.GetDetailsAsync(run.InstanceId, CancellationToken.None))!.JournalLength;
    await engine.DeleteAsync(run.InstanceId);
    return length;
}

var ten = await JournalLengthAsync(10);
var perStep = (await JournalLengthAsync(20) - ten) / 10.0;
var steps = (int)Math.Ceiling((10_000 - (ten - 10 * perStep)) / perStep);
clock.Set(end.AddMinutes(-20));
var big = await engine.RunAsync(await PublishAsync(SeedWorkflows.Long(steps)), null, correlation: "big");
var journalLength = (await engine.Store.GetDetailsAsync(big.InstanceId, CancellationToken.None))!.JournalLength;
await services.DisposeAsync();
if (scratch is not null)
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    foreach (var suffix in new[] { "", "-wal", "-shm" })
    {
        File.Delete(target + suffix);
        if (suffix != "-shm" && File.Exists(database + suffix))
        {
            File.Copy(database + suffix, target + suffix);
        }
    }

    Directory.Delete(scratch, recursive: true);
}

Console.WriteLine($"seeded {count:N0} instances and one with a {journalLength:N0}-entry journal in {watch.Elapsed.TotalSeconds:N0} s");
Console.WriteLine(big.InstanceId);
return journalLength >= 10_000 ? 0 : 1;
