using Lifecycle.Activities.Sessions;

namespace Lifecycle.Activities.Tests.Sessions;

public class SessionsWarmupTests
{
    [Fact]
    public void Run_BuildsTheMetadataWithoutErrorAndCanRunAgain()
    {
        var error = Record.Exception(() =>
        {
            SessionsWarmup.Run();
            SessionsWarmup.Run();
        });

        Assert.Null(error);
    }
}
