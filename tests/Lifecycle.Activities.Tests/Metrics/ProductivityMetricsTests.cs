using Lifecycle.Activities.Metrics;
using Lifecycle.Activities.Tests.Support;

namespace Lifecycle.Activities.Tests.Metrics;

public class ProductivityMetricsTests
{
    [Fact]
    public void Score_WeighsEfficiencyOutputQualityAndFlowAsTheSpecSays()
    {
        // 0.3 × 50/60 + 0.4 × 1/2 + 0.2 × (0.05 + 0.25) + 0.1 × 1/1.2
        Assert.Equal(0.25 + 0.2 + 0.06 + 0.1 / 1.2, SampleMetrics.With().Score!.Value, 12);
        Assert.Equal(0.5933333333333334, SampleMetrics.With().Score!.Value, 12);
    }

    [Fact]
    public void Score_CapsOutputAndQualityAtOne()
    {
        var metrics = SampleMetrics.With(active: 60, idle: 0, commitsPerHour: 3, coverageDelta: 0.9, documentationRatio: 0.5, interruptions: 0);

        Assert.Equal(1.0, metrics.Score!.Value, 12);
    }

    [Fact]
    public void Score_IgnoresACoverageDecreaseInQuality()
    {
        var metrics = SampleMetrics.With(active: 60, idle: 0, commitsPerHour: 2, coverageDelta: -0.2, documentationRatio: 0.5, interruptions: 0);

        Assert.Equal(0.3 + 0.4 + 0.1 + 0.1, metrics.Score!.Value, 12);
    }

    [Fact]
    public void Score_WhenCoverageIsUnavailable_CountsItAsZero()
    {
        var measured = SampleMetrics.With(coverageDelta: 0);
        var unavailable = SampleMetrics.With(coverageDelta: null);

        Assert.Equal(measured.Score!.Value, unavailable.Score!.Value, 12);
    }

    [Fact]
    public void Score_WhenThereWasNoWorkingTime_TakesEfficiencyAsZero()
    {
        var metrics = SampleMetrics.With(active: 0, idle: 0, commitsPerHour: 0, coverageDelta: null, documentationRatio: 0, interruptions: 0);

        Assert.Equal(0.1, metrics.Score!.Value, 12);
    }

    [Fact]
    public void Score_WithManyInterruptions_ShrinksTheFlowTerm()
    {
        var metrics = SampleMetrics.With(active: 60, idle: 0, commitsPerHour: 2, coverageDelta: null, documentationRatio: 1, interruptions: 10);

        Assert.Equal(0.3 + 0.4 + 0.2 + 0.05, metrics.Score!.Value, 12);
    }

    [Fact]
    public void SerializedAndReadBack_IsEqual()
    {
        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        var metrics = SampleMetrics.With(coverageDelta: null);

        var json = System.Text.Json.JsonSerializer.Serialize(metrics, options);

        Assert.Equal(metrics, System.Text.Json.JsonSerializer.Deserialize<ProductivityMetrics>(json, options));
    }

    [Fact]
    public void Serialized_UsesTheSpecsCamelCaseNamesAndIncludesTheScore()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(
            SampleMetrics.With(coverageDelta: null), new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));

        foreach (var name in new[]
        {
            "setupTime", "activeTime", "idleTime", "commitsPerHour", "linesPerHour", "tasksPerHour",
            "testCoverageDelta\":null", "testCoverageUnavailableReason", "documentationRatio", "technicalDebtDelta",
            "interruptionCount", "contextSwitches", "focusScore", "score",
        })
        {
            Assert.Contains($"\"{name}", json);
        }
    }

    [Fact]
    public void Serialized_AddsTheTimesUnderNamesWithTheirUnit()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(
            SampleMetrics.With(setup: 5, active: 50, idle: 10), new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)))!;

        Assert.Equal(5, (double)json["setupMinutes"]!);
        Assert.Equal(50, (double)json["activeMinutes"]!);
        Assert.Equal(10, (double)json["idleMinutes"]!);
        Assert.Equal(60, (double)json["workingMinutes"]!);
        Assert.Equal((double)json["activeTime"]!, (double)json["activeMinutes"]!);
    }

    [Fact]
    public void Score_WhenTooShortToScore_IsNullAndSerializedAsNullWithTheReason()
    {
        var metrics = SampleMetrics.With() with
        {
            CommitsPerHour = null, LinesPerHour = null, TasksPerHour = null,
            ScoreUnavailableReason = "too short to score: 0.3 minutes of working time, under the 15-minute minimum",
        };

        var json = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(
            metrics, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)))!.AsObject();

        Assert.Null(metrics.Score);
        Assert.True(json.ContainsKey("score"));
        Assert.Null(json["score"]);
        Assert.Null(json["commitsPerHour"]);
        Assert.Equal(metrics.ScoreUnavailableReason, (string)json["scoreUnavailableReason"]!);
    }
}
