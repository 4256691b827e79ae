using Lifecycle.Activities.Metrics;
using Microsoft.Extensions.Time.Testing;

namespace Lifecycle.Activities.Tests.Metrics;

public class ProductivityCalculatorTests
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static readonly ProductivityCalculator Calculator = new();

    private static DateTimeOffset At(int minutes, int seconds = 0) => Nine.AddMinutes(minutes).AddSeconds(seconds);

    private static SessionFacts Session(int activeAfter, int endAfter, params int[] activityMinutes) => new()
    {
        StartedAt = Nine,
        ActiveAt = At(activeAfter),
        EndedAt = At(endAfter),
        ActivityTimestamps = activityMinutes.Select(minutes => At(minutes)).ToList(),
    };

    [Fact]
    public void Calculate_TheSpecsExampleSession_ReproducesItsEfficiencyAndScore()
    {
        // Session 00014 of the spec's example report: ACTIVE after 8 minutes of setup, 3 docs-only
        // commits, 5 tasks done, 3 interruptions, 1 task reordering, no coverage. Activity is
        // recorded at most 15 minutes apart except one 16-minute pause.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.Zero));
        var startedAt = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromMinutes(8));
        var activeAt = clock.GetUtcNow();
        var activity = new List<DateTimeOffset>();
        foreach (var gap in new[] { 10, 5, 10, 12, 10, 10, 7, 10, 10, 16, 10, 10, 10, 10, 10 })
        {
            clock.Advance(TimeSpan.FromMinutes(gap));
            activity.Add(clock.GetUtcNow());
        }

        clock.Advance(TimeSpan.FromMinutes(7));
        var facts = new SessionFacts
        {
            StartedAt = startedAt,
            ActiveAt = activeAt,
            EndedAt = clock.GetUtcNow(),
            ActivityTimestamps = activity,
            Commits =
            [
                new("c1", [new("MASTERPLAN-FOUNDATION-PRINCIPLES.md", 312, 0)]),
                new("c2", [new("MASTERPLAN-000-UNIFIED-MONITORING.md", 456, 0)]),
                new("c3",
                [
                    new("MASTERPLAN-001-TEMPORAL-INTELLIGENCE.md", 423, 0),
                    new("MASTERPLAN-002-SELF-HEALING.md", 498, 0),
                    new("MASTERPLAN-003-LIFECYCLE.md", 512, 0),
                ]),
            ],
            UncommittedChanges = [new("SESSION-00014-LOG.md", 87, 0)],
            TasksCompleted = 5,
            ErrorsRecorded = 3,
            TaskSwitches = 1,
        };

        var metrics = Calculator.Calculate(facts);

        Assert.Equal(8, metrics.SetupTime);
        Assert.Equal(141, metrics.ActiveTime); // 2h 21m
        Assert.Equal(16, metrics.IdleTime);
        Assert.Equal(90, Math.Round(100 * metrics.ActiveTime / (metrics.ActiveTime + metrics.IdleTime))); // "90% efficiency"
        Assert.Equal(180.0 / 157, metrics.CommitsPerHour!.Value, 12);
        Assert.Equal(2288 * 60.0 / 157, metrics.LinesPerHour!.Value, 9);
        Assert.Equal(300.0 / 157, metrics.TasksPerHour!.Value, 12);
        Assert.Null(metrics.TestCoverageDelta);
        Assert.Equal("no coverage report was recorded at the session's start", metrics.TestCoverageUnavailableReason);
        Assert.Equal(1.0, metrics.DocumentationRatio); // "100% (docs-only session)"
        Assert.Equal(0, metrics.TechnicalDebtDelta);
        Assert.Equal(3, metrics.InterruptionCount);
        Assert.Equal(1, metrics.ContextSwitches);
        Assert.Equal(1 / 1.3, metrics.FocusScore, 12); // the spec's 8.7/10 does not follow from its formula
        Assert.Equal(0.7756491915727584, metrics.Score!.Value, 12);
        Assert.Equal(78, Math.Round(metrics.Score.Value * 100)); // "Productivity Score: 78/100"
        Assert.Empty(ProductivityInsights.Generate(metrics));
    }

    [Fact]
    public void Calculate_AZeroLengthSession_GivesZerosAndNoRatesNorScore()
    {
        var metrics = Calculator.Calculate(Session(0, 0));

        Assert.Equal(0, metrics.SetupTime);
        Assert.Equal(0, metrics.ActiveTime);
        Assert.Equal(0, metrics.IdleTime);
        Assert.Null(metrics.CommitsPerHour);
        Assert.Null(metrics.LinesPerHour);
        Assert.Null(metrics.TasksPerHour);
        Assert.Equal(0, metrics.DocumentationRatio);
        Assert.Equal(1, metrics.FocusScore);
        Assert.Null(metrics.Score);
        Assert.Equal("too short to score: 0 minutes of working time, under the 15-minute minimum", metrics.ScoreUnavailableReason);
        Assert.Equal(
            [
                "Not scored: too short to score: 0 minutes of working time, under the 15-minute minimum - rates from so little time would mislead",
                "Low documentation - document complex logic",
            ],
            ProductivityInsights.Generate(metrics));
    }

    [Fact]
    public void Calculate_AnEighteenSecondSessionWithTwoCommits_IsNotScoredNorCalledHighFrequency()
    {
        // The issue's case: 2 commits in 18 seconds once read as 391 commits per hour, "High commit
        // frequency" and 95/100.
        var facts = new SessionFacts
        {
            StartedAt = Nine,
            ActiveAt = Nine.AddSeconds(2),
            EndedAt = Nine.AddSeconds(20),
            ActivityTimestamps = [Nine.AddSeconds(10), Nine.AddSeconds(15)],
            Commits = [new("c1", [new("README.md", 3, 0)]), new("c2", [new("docs/a.md", 5, 1)])],
        };

        var metrics = Calculator.Calculate(facts);

        Assert.Equal(0.3, metrics.ActiveTime, 12);
        Assert.Null(metrics.CommitsPerHour);
        Assert.Null(metrics.LinesPerHour);
        Assert.Null(metrics.TasksPerHour);
        Assert.Null(metrics.Score);
        Assert.Equal("too short to score: 0.3 minutes of working time, under the 15-minute minimum", metrics.ScoreUnavailableReason);
        Assert.Equal(1.0, metrics.DocumentationRatio);
        Assert.Equal(
            ["Not scored: too short to score: 0.3 minutes of working time, under the 15-minute minimum - rates from so little time would mislead"],
            ProductivityInsights.Generate(metrics));
    }

    [Theory]
    [InlineData(14 * 60 + 59, false)]
    [InlineData(15 * 60, true)]
    public void Calculate_IsScoredFromFifteenMinutesOfWorkingTime(int workingSeconds, bool scored)
    {
        var facts = new SessionFacts
        {
            StartedAt = Nine,
            ActiveAt = Nine,
            EndedAt = Nine.AddSeconds(workingSeconds),
            Commits = [new("c1", [new("a.cs", 1, 0)])],
        };

        var metrics = Calculator.Calculate(facts);

        Assert.Equal(scored, metrics.Score is not null);
        Assert.Equal(scored, metrics.CommitsPerHour is not null);
        Assert.Equal(scored, metrics.ScoreUnavailableReason is null);
        if (scored)
        {
            // One commit in the shortest scored session is 4 per hour: not "High commit frequency".
            Assert.Equal(4, metrics.CommitsPerHour!.Value, 12);
            Assert.DoesNotContain(ProductivityInsights.Generate(metrics), i => i.Contains("commit frequency", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Calculate_OneMinuteOfWorkingTime_SaysMinuteInTheSingular()
    {
        Assert.Equal("too short to score: 1 minute of working time, under the 15-minute minimum", Calculator.Calculate(Session(0, 1)).ScoreUnavailableReason);
    }

    [Fact]
    public void Calculate_WithAMinimumOfZero_ScoresAnyWorkingTimeButStillNotNone()
    {
        var calculator = new ProductivityCalculator(new ProductivityOptions { MinimumWorkingTime = TimeSpan.Zero });

        // One minute without events is all active: efficiency 1, no output, no quality, full flow.
        Assert.Equal(0.3 + 0.1, calculator.Calculate(Session(0, 1)).Score!.Value, 12);
        var none = calculator.Calculate(Session(0, 0));
        Assert.Null(none.Score);
        Assert.Equal("nothing to score: no working time", none.ScoreUnavailableReason);
    }

    [Fact]
    public void Constructor_WithANegativeMinimumAndANonPositiveThreshold_ReportsBoth()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ProductivityCalculator(
            new ProductivityOptions { IdleThreshold = TimeSpan.Zero, MinimumWorkingTime = TimeSpan.FromMinutes(-1) }));

        Assert.Contains("IdleThreshold 00:00:00 must be positive", error.Message);
        Assert.Contains("MinimumWorkingTime -00:01:00 cannot be negative", error.Message);
    }

    [Fact]
    public void Calculate_WithNoActivityInALongSession_CountsItAllIdle()
    {
        var metrics = Calculator.Calculate(Session(5, 65));

        Assert.Equal(5, metrics.SetupTime);
        Assert.Equal(0, metrics.ActiveTime);
        Assert.Equal(60, metrics.IdleTime);
        Assert.Equal(0.1, metrics.Score!.Value, 12);
    }

    [Fact]
    public void Calculate_WithNoActivityInASessionShorterThanTheThreshold_CountsItAllActive()
    {
        var metrics = Calculator.Calculate(Session(5, 15));

        Assert.Equal(10, metrics.ActiveTime);
        Assert.Equal(0, metrics.IdleTime);
    }

    [Fact]
    public void Calculate_AGapOfExactlyTheThresholdIsActiveAndOneSecondMoreIsIdle()
    {
        var facts = Session(0, 60, 15) with { ActivityTimestamps = [At(15), At(30, 1), At(45, 1)] };

        var metrics = Calculator.Calculate(facts);

        // 0→15 active (15:00), 15→30:01 idle (15:01), 30:01→45:01 active (15:00), 45:01→60 active (14:59)
        Assert.Equal(15 + 15 + 14 + 59 / 60.0, metrics.ActiveTime, 12);
        Assert.Equal(15 + 1 / 60.0, metrics.IdleTime, 12);
    }

    [Fact]
    public void Calculate_WithALongerThreshold_CountsLongerGapsAsActive()
    {
        var facts = Session(0, 60, 20, 40);

        Assert.Equal(0, Calculator.Calculate(facts).ActiveTime);
        var relaxed = new ProductivityCalculator(new ProductivityOptions { IdleThreshold = TimeSpan.FromMinutes(30) });
        Assert.Equal(60, relaxed.Calculate(facts).ActiveTime);
    }

    [Fact]
    public void Calculate_IgnoresActivityOutsideWorkingTimeAndTheOrderItCameIn()
    {
        var inOrder = Calculator.Calculate(Session(10, 70, 20, 30, 50, 60));
        var shuffled = Calculator.Calculate(Session(10, 70, 60, 2, 30, 95, 50, 20, 5));

        // 10→20→30 active, 30→50 idle, 50→60→70 active
        Assert.Equal(40, inOrder.ActiveTime);
        Assert.Equal(20, inOrder.IdleTime);
        Assert.Equal(inOrder, shuffled);
    }

    [Fact]
    public void Calculate_WhenTheSessionNeverBecameActive_CountsItAllAsSetup()
    {
        var facts = Session(0, 25, 10) with { ActiveAt = null, Commits = [new("c1", [new("a.cs", 1, 0)])] };

        var metrics = Calculator.Calculate(facts);

        Assert.Equal(25, metrics.SetupTime);
        Assert.Equal(0, metrics.ActiveTime);
        Assert.Equal(0, metrics.IdleTime);
        Assert.Null(metrics.CommitsPerHour);
        Assert.Null(metrics.Score);
    }

    [Fact]
    public void Calculate_RatesArePerHourOfActivePlusIdleTime()
    {
        // 10 minutes of setup, then 60 active and 30 idle minutes: 1.5 working hours.
        var facts = Session(10, 100, 20, 30, 40, 50, 60, 70) with
        {
            Commits =
            [
                new("c1", [new("src/a.cs", 10, 5)]),
                new("c2", [new("src/a.cs", 3, 2), new("src/b.cs", 10, 0)]),
            ],
            UncommittedChanges = [new("src/c.cs", 4, 6)],
            TasksCompleted = 3,
        };

        var metrics = Calculator.Calculate(facts);

        Assert.Equal(60, metrics.ActiveTime);
        Assert.Equal(30, metrics.IdleTime);
        Assert.Equal(2 / 1.5, metrics.CommitsPerHour!.Value, 12);
        Assert.Equal(40 / 1.5, metrics.LinesPerHour!.Value, 12);
        Assert.Equal(2, metrics.TasksPerHour!.Value, 12);
    }

    [Fact]
    public void Calculate_DocumentationRatioIsDocumentationLinesOverAllChangedLines()
    {
        var facts = Session(0, 60, 15, 30, 45) with
        {
            Commits =
            [
                new("c1", [new("README.md", 20, 10), new("src/Program.cs", 40, 20)]),
                new("c2", [new("docs/diagram.svg", 6, 0), new("CMakeLists.txt", 1, 1)]),
            ],
            UncommittedChanges = [new("notes/plan.rst", 2, 0)],
        };

        Assert.Equal(38 / 100.0, Calculator.Calculate(facts).DocumentationRatio, 12);
    }

    [Fact]
    public void Calculate_CoverageDeltaIsEndMinusStartLineRate()
    {
        var facts = Session(0, 60, 15, 30, 45) with
        {
            CoverageAtStart = CoverageReading.Of(0.80),
            CoverageAtEnd = CoverageReading.Of(0.85),
        };

        var metrics = Calculator.Calculate(facts);

        Assert.Equal(0.05, metrics.TestCoverageDelta!.Value, 12);
        Assert.Null(metrics.TestCoverageUnavailableReason);
    }

    [Fact]
    public void Calculate_WhenCoverageDropped_TheInsightSaysSo()
    {
        var facts = Session(0, 60, 15, 30, 45) with
        {
            CoverageAtStart = CoverageReading.Of(0.85),
            CoverageAtEnd = CoverageReading.Of(0.80),
        };

        var insights = ProductivityInsights.Generate(Calculator.Calculate(facts));

        Assert.Contains("Test coverage decreased - add tests for new code", insights);
    }

    [Fact]
    public void Calculate_WhenOneCoverageReportIsUnavailable_TheDeltaIsNullWithItsReasonAndScoresAsZero()
    {
        var facts = Session(0, 60, 15, 30, 45) with
        {
            CoverageAtStart = CoverageReading.Of(0.10),
            CoverageAtEnd = CoverageReading.Unavailable("coverage report 'end.xml' was not found"),
        };

        var metrics = Calculator.Calculate(facts);

        Assert.Null(metrics.TestCoverageDelta);
        Assert.Equal("coverage report 'end.xml' was not found", metrics.TestCoverageUnavailableReason);
        Assert.Equal((metrics with { TestCoverageDelta = 0 }).Score!.Value, metrics.Score!.Value, 12);
        Assert.DoesNotContain(ProductivityInsights.Generate(metrics), insight => insight.StartsWith("Test coverage", StringComparison.Ordinal));
    }

    [Fact]
    public void Calculate_WhenTheEndReportWasNotRecorded_SaysSo()
    {
        var facts = Session(0, 60) with { CoverageAtStart = CoverageReading.Of(0.5) };

        Assert.Equal("no coverage report was recorded at the session's end", Calculator.Calculate(facts).TestCoverageUnavailableReason);
    }

    [Fact]
    public void Calculate_CountsDebtMarkersInterruptionsAndContextSwitches()
    {
        var facts = Session(0, 60, 15, 30, 45) with
        {
            TechnicalDebtMarkersAtStart = 12,
            TechnicalDebtMarkersAtEnd = 9,
            ErrorsRecorded = 4,
            BranchSwitches = 2,
            TaskSwitches = 3,
        };

        var metrics = Calculator.Calculate(facts);

        Assert.Equal(-3, metrics.TechnicalDebtDelta);
        Assert.Equal(4, metrics.InterruptionCount);
        Assert.Equal(5, metrics.ContextSwitches);
        Assert.Equal(1 / 1.4, metrics.FocusScore, 12);
    }

    [Fact]
    public void Calculate_WithInconsistentFacts_ListsEveryProblem()
    {
        var facts = new SessionFacts
        {
            StartedAt = At(10),
            ActiveAt = At(20),
            EndedAt = At(5),
            ErrorsRecorded = -1,
            UncommittedChanges = [new("a.cs", -2, 0)],
        };

        var error = Assert.Throws<ArgumentException>(() => Calculator.Calculate(facts));

        Assert.Contains("EndedAt 2026-11-24T09:05:00.0000000+00:00 is before StartedAt", error.Message);
        Assert.Contains("ActiveAt 2026-11-24T09:20:00.0000000+00:00 is outside the session", error.Message);
        Assert.Contains("ErrorsRecorded is -1; counts cannot be negative.", error.Message);
        Assert.Contains("File change 'a.cs' has -2 added and 0 deleted lines", error.Message);
    }

    [Fact]
    public void Constructor_WithANonPositiveIdleThreshold_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => new ProductivityCalculator(new ProductivityOptions { IdleThreshold = TimeSpan.Zero }));

        Assert.Contains("IdleThreshold 00:00:00 must be positive", error.Message);
    }
}
