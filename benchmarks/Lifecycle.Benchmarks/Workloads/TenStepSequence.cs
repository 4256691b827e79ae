using Lifecycle.Workflows.Activities;
using Lifecycle.Workflows.Definitions;
using Microsoft.Extensions.DependencyInjection;

namespace Lifecycle.Benchmarks.Workloads;

/// <summary>
/// The workload both benchmarks run: a Sequence of ten SetVariable activities, each evaluating
/// <c>vars.count + 1</c>, the shape of the published "10 sequential steps" comparisons.
/// </summary>
public static class TenStepSequence
{
    public const int Steps = 10;

    public static string Json { get; } = $$"""
        {
          "id": "bench-sequence",
          "variables": { "count": 0 },
          "root": {
            "type": "Sequence",
            "activities": [ {{string.Join(", ", Enumerable.Repeat(Step, Steps))}} ]
          }
        }
        """;

    private const string Step = """{ "type": "SetVariable", "variable": "count", "value": { "js": "vars.count + 1" } }""";

    /// <summary>Reads the workload with the built-in activities, without a store.</summary>
    public static WorkflowDefinition Read() =>
        new DefinitionReader(new ActivityRegistry(), new ServiceCollection().BuildServiceProvider()).Read(Json);
}
