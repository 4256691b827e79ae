using Lifecycle.Activities.Configuration;

namespace Lifecycle.Activities.Tests.Configuration;

/// <summary>
/// Inputs that afl found (fuzz/, docs/FUZZING.md): a crash, and problems split over two lines where
/// the loader promises one problem per line.
/// </summary>
public class ConfigReaderRobustnessTests
{
    [Theory]
    [InlineData("""{"che\ud800ckpointIntervalMinutes": 15}""", "$: The name of property 1 has an escape for half")]
    [InlineData("""{"realityChecks": {"agents": [{"name": "tests", "run": "\udfff"}]}}""", "$.realityChecks.agents[0].run: The string has an escape for half")]
    public void HalfASurrogatePair_IsOneProblem_NotAnInvalidOperationException(string json, string problem)
    {
        var error = Assert.Throws<SessionException>(() => LifecycleConfigLoader.Parse(json));

        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
        Assert.StartsWith(problem, Assert.Single(Problems(error)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"checkpo\ntIntervalMinutes": 15}""", "$['checkpo\\ntIntervalMinutes']: Unknown key 'checkpo\\ntIntervalMinutes'.")]
    [InlineData("""{"realityChecks": {"m\nimumFreeDiskMegabytes": 500}}""", "$.realityChecks['m\\nimumFreeDiskMegabytes']: Unknown key")]
    [InlineData("""{"docsFolder": "../a\tb\u0007"}""", "$.docsFolder: '../a\\tb\\u0007' leaves the repository;")]
    [InlineData("""{"stash": "yes\r\nno"}""", "$.stash: Expected true or false; found the string 'yes\\r\\nno'.")]
    [InlineData("f]\n {\n \u0080\u0000\u0001\u0000 \"", "$: Invalid JSON at line 1, column 2: 'f]\\n {")]
    public void ALineBreakInAKeyOrValue_IsWrittenAsAnEscape_SoEachProblemKeepsItsLine(string json, string problem)
    {
        var error = Assert.Throws<SessionException>(() => LifecycleConfigLoader.Parse(json));

        Assert.StartsWith(problem, Assert.Single(Problems(error)), StringComparison.Ordinal);
    }

    private static string[] Problems(SessionException error) => error.Message.Split('\n')[1..];
}
