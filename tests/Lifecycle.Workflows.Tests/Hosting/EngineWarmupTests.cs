using Lifecycle.Workflows.Hosting;

namespace Lifecycle.Workflows.Tests.Hosting;

public class EngineWarmupTests
{
    [Fact]
    public void Run_EvaluatesWithoutErrorAndCanRunAgain()
    {
        var error = Record.Exception(() =>
        {
            EngineWarmup.Run();
            EngineWarmup.Run();
        });

        Assert.Null(error);
    }
}
