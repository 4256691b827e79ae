using BenchmarkDotNet.Attributes;
using Lifecycle.Benchmarks.Workloads;
using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Benchmarks.InMemory;

/// <summary>
/// One run of the ten-step sequence, start to finish, through <see cref="WorkflowRunner"/> alone:
/// no store, no DI. The goal is 20 µs or less per run.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class SequenceBenchmarks
{
    private WorkflowDefinition _definition = null!;
    private WorkflowRunner _runner = null!;

    [GlobalSetup]
    public void Setup()
    {
        _definition = TenStepSequence.Read();
        _runner = new WorkflowRunner(TimeProvider.System);
        var check = RunSequence().AsTask().GetAwaiter().GetResult();
        if (check.Status != WorkflowStatus.Finished || check.Variables["count"]?.GetValue<int>() != TenStepSequence.Steps)
        {
            throw new InvalidOperationException($"The workload did not finish with count {TenStepSequence.Steps}: {check.Status}, {check.Fault?.Message}.");
        }
    }

    /// <summary>The goal: create an instance and run it to the end.</summary>
    [Benchmark(Baseline = true)]
    public async ValueTask<WorkflowExecution> RunSequence()
    {
        var execution = _runner.Create(_definition, input: null);
        await _runner.RunAsync(execution);
        return execution;
    }

    /// <summary>Only the creation, to show how a run splits between set-up and execution.</summary>
    [Benchmark]
    public WorkflowExecution Create() => _runner.Create(_definition, input: null);
}
