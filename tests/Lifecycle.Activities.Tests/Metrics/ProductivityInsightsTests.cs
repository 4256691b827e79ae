using Lifecycle.Activities.Metrics;
using Lifecycle.Activities.Tests.Support;

namespace Lifecycle.Activities.Tests.Metrics;

public class ProductivityInsightsTests
{
    [Fact]
    public void Generate_ForAHealthySession_GivesNothing()
    {
        Assert.Empty(ProductivityInsights.Generate(SampleMetrics.With()));
    }

    [Fact]
    public void Generate_WhenEveryRuleFires_GivesTheSpecsSentencesInTheSpecsOrder()
    {
        var metrics = SampleMetrics.With(setup: 16.5, commitsPerHour: 0.2, coverageDelta: -0.03, documentationRatio: 0.05, interruptions: 6);

        Assert.Equal(
            [
                "Setup took 16.5min - consider automating initialization",
                "6 interruptions - check self-healing logs",
                "Low commit frequency - consider smaller, atomic commits",
                "Test coverage decreased - add tests for new code",
                "Low documentation - document complex logic",
            ],
            ProductivityInsights.Generate(metrics));
    }

    [Theory]
    [InlineData(15.0, null)]
    [InlineData(15.04, "Setup took 15min - consider automating initialization")]
    [InlineData(20.0, "Setup took 20min - consider automating initialization")]
    [InlineData(22.333333, "Setup took 22.3min - consider automating initialization")]
    public void Generate_FlagsSetupOverFifteenMinutes(double setup, string? expected)
    {
        AssertInsight(SampleMetrics.With(setup: setup), "Setup took", expected);
    }

    [Theory]
    [InlineData(5, null)]
    [InlineData(6, "6 interruptions - check self-healing logs")]
    public void Generate_FlagsMoreThanFiveInterruptions(int interruptions, string? expected)
    {
        AssertInsight(SampleMetrics.With(interruptions: interruptions), "interruptions", expected);
    }

    [Theory]
    [InlineData(0.0, "Low commit frequency - consider smaller, atomic commits")]
    [InlineData(0.49, "Low commit frequency - consider smaller, atomic commits")]
    [InlineData(0.5, null)]
    [InlineData(4.0, null)]
    [InlineData(4.01, "High commit frequency - ensure commits are meaningful")]
    public void Generate_FlagsCommitFrequencyBelowHalfOrAboveFourPerHour(double commitsPerHour, string? expected)
    {
        AssertInsight(SampleMetrics.With(commitsPerHour: commitsPerHour), "commit frequency", expected);
    }

    [Theory]
    [InlineData(-0.001, "Test coverage decreased - add tests for new code")]
    [InlineData(0.0, null)]
    [InlineData(null, null)]
    public void Generate_FlagsACoverageDecreaseOnlyWhenMeasured(double? delta, string? expected)
    {
        AssertInsight(SampleMetrics.With(coverageDelta: delta), "Test coverage", expected);
    }

    [Theory]
    [InlineData(0.0, "Low documentation - document complex logic")]
    [InlineData(0.099, "Low documentation - document complex logic")]
    [InlineData(0.1, null)]
    public void Generate_FlagsDocumentationRatioBelowOneTenth(double ratio, string? expected)
    {
        AssertInsight(SampleMetrics.With(documentationRatio: ratio), "documentation", expected);
    }

    private static void AssertInsight(ProductivityMetrics metrics, string topic, string? expected)
    {
        var insights = ProductivityInsights.Generate(metrics).Where(i => i.Contains(topic, StringComparison.Ordinal)).ToList();
        if (expected is null)
        {
            Assert.Empty(insights);
        }
        else
        {
            Assert.Equal([expected], insights);
        }
    }
}
