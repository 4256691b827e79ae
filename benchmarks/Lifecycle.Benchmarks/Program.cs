using BenchmarkDotNet.Running;
using Lifecycle.Benchmarks.Persisted;

// in-memory [BenchmarkDotNet args]   the BenchmarkDotNet benchmarks (all of them unless --filter is given)
// persisted [--seconds N] [--rounds R] [--folder DIR]   the scripted SQLite measurement
var mode = args.FirstOrDefault();
var rest = args.Skip(1).ToArray();
switch (mode)
{
    case "in-memory":
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
            .Run(rest.Contains("--filter") ? rest : [.. rest, "--filter", "*"]);
        return 0;
    case "persisted":
        PersistedOptions options;
        try
        {
            options = PersistedOptions.Parse(rest);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        return await PersistedMeasurement.RunAsync(options);
    default:
        Console.Error.WriteLine("Usage: Lifecycle.Benchmarks in-memory [BenchmarkDotNet args] | persisted [--seconds N] [--rounds R] [--folder DIR]");
        return 2;
}
