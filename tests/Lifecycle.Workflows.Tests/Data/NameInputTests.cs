using Lifecycle.Workflows.Runtime;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Data;

/// <summary>Inputs that name something fault clearly when an expression gives no name.</summary>
public class NameInputTests
{
    [Theory]
    [InlineData("""{ "id": "x", "type": "SetVariable", "variable": { "js": "null" }, "value": 1 }""", "SetVariable 'x'", "'variable' evaluated to null")]
    [InlineData("""{ "id": "x", "type": "SetOutput", "name": { "js": "''" }, "value": 1 }""", "SetOutput 'x'", "'name' evaluated to an empty string")]
    [InlineData("""{ "id": "x", "type": "ForEach", "items": [1], "variable": { "js": "null" }, "body": { "type": "Finish" } }""", "ForEach 'x'", "'variable' evaluated to null")]
    public async Task NameFromAnExpression_NullOrEmpty_FaultsNamingTheInput(string activity, string who, string why)
    {
        await using var test = new TestEngine();

        var run = await test.RunAsync(TestEngine.Workflow(activity));

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Contains(who, run.Error);
        Assert.Contains(why, run.Error);
    }
}
