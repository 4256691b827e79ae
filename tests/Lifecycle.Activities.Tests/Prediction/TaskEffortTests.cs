using System.Text.Json.Nodes;
using Lifecycle.Activities.Prediction;
using Lifecycle.Activities.Sessions;

namespace Lifecycle.Activities.Tests.Prediction;

public sealed class TaskEffortTests
{
    private static readonly DateTimeOffset Friday = new(2026, 3, 6, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_task_counts_only_the_time_inside_sessions()
    {
        // Added on Friday at 15:00 in a session until 17:00, done on Monday at 10:00 in a session from 09:00.
        var friday = Session("00001", Friday, Friday.AddHours(3));
        var monday = Session("00002", Friday.AddDays(3).AddHours(-5), null);
        var events = new[]
        {
            Event("00001", SessionEventTypes.TaskAdded, Friday.AddHours(1), "T1", 2),
            Event("00002", SessionEventTypes.TaskCompleted, Friday.AddDays(3).AddHours(-4), "T1", 2),
        };

        var sample = Assert.Single(TaskEffortHistory.From([friday, monday], events, Friday.AddDays(3)));

        Assert.Equal("T1", sample.TaskId);
        Assert.Equal(2, sample.Priority);
        Assert.Equal(120 + 60, sample.Minutes, 3);
    }

    [Fact]
    public void Where_a_sessions_activity_is_known_a_pause_longer_than_the_idle_threshold_is_not_counted()
    {
        var session = Session("00001", Friday, Friday.AddHours(3));
        var events = new[]
        {
            Event("00001", SessionEventTypes.TaskAdded, Friday, "T1"),
            Event("00001", SessionEventTypes.TaskCompleted, Friday.AddMinutes(90), "T1"),
        };
        var activity = new Dictionary<string, IReadOnlyList<DateTimeOffset>>
        {
            ["00001"] = [Friday.AddMinutes(10), Friday.AddMinutes(20), Friday.AddMinutes(150)],
        };

        var counted = Assert.Single(TaskEffortHistory.From([session], events, Friday.AddHours(3), activity, TimeSpan.FromMinutes(15)));
        var wall = Assert.Single(TaskEffortHistory.From([session], events, Friday.AddHours(3)));

        Assert.Equal(20, counted.Minutes, 3); // 10 + 10; the 70 minutes without an event are idle
        Assert.Equal(90, wall.Minutes, 3);
    }

    [Fact]
    public void A_task_with_no_measured_activity_is_no_sample()
    {
        // Without 'serve' nothing records the edits between add and done: the 20 minutes read idle.
        var session = Session("00001", Friday, Friday.AddHours(1));
        var events = new[]
        {
            Event("00001", SessionEventTypes.TaskAdded, Friday, "T1"),
            Event("00001", SessionEventTypes.TaskCompleted, Friday.AddMinutes(20), "T1"),
        };
        var activity = new Dictionary<string, IReadOnlyList<DateTimeOffset>> { ["00001"] = [Friday, Friday.AddMinutes(20)] };

        var sample = Assert.Single(TaskEffortHistory.From([session], events, Friday.AddHours(1), activity, TimeSpan.FromMinutes(15)));
        Assert.Equal(0, sample.Minutes);
        var forecast = TaskEffortPredictor.Predict([sample, sample, sample, sample], 3);
        Assert.Equal(PredictionSource.Assumed, forecast.Source);
    }

    [Fact]
    public void A_task_reopened_after_it_was_done_is_not_a_sample_until_done_again()
    {
        var session = Session("00001", Friday, Friday.AddHours(4));
        var events = new[]
        {
            Event("00001", SessionEventTypes.TaskAdded, Friday, "T1"),
            Event("00001", SessionEventTypes.TaskCompleted, Friday.AddMinutes(30), "T1"),
            Event("00001", SessionEventTypes.TaskReopened, Friday.AddMinutes(40), "T1"),
        };

        Assert.Empty(TaskEffortHistory.From([session], events, Friday.AddHours(4)));
    }

    [Fact]
    public void Without_enough_done_tasks_the_effort_is_an_assumption_that_says_so()
    {
        var forecast = TaskEffortPredictor.Predict([new TaskEffortSample("T1", 3, 20, Friday)], 3);

        Assert.Equal(PredictionSource.Assumed, forecast.Source);
        Assert.Equal(TaskEffortPredictor.Assumed, forecast.Minutes);
        Assert.Equal(0, forecast.Samples);
    }

    [Fact]
    public void With_history_the_effort_is_the_median_leaning_to_the_same_priority()
    {
        var done = new List<TaskEffortSample>();
        for (var i = 0; i < 12; i++)
        {
            done.Add(new TaskEffortSample($"T{i}", i % 2 == 0 ? 1 : 3, i % 2 == 0 ? 120 : 20, Friday.AddHours(i)));
        }

        var urgent = TaskEffortPredictor.Predict(done, 1);
        var routine = TaskEffortPredictor.Predict(done, 3);
        var unknown = TaskEffortPredictor.Predict(done, 5);

        Assert.Equal(PredictionSource.Sessions, urgent.Source);
        Assert.True(urgent.Minutes.Point > routine.Minutes.Point);
        Assert.InRange(unknown.Minutes.Point, 20, 120);
        Assert.True(urgent.Minutes.Low <= urgent.Minutes.Point && urgent.Minutes.Point <= urgent.Minutes.High);
    }

    private static SessionContext Session(string id, DateTimeOffset start, DateTimeOffset? end) =>
        new() { SessionId = id, StartTime = start, EndTime = end, ActiveSince = start, State = end is null ? SessionState.Active : SessionState.Dormant };

    private static SessionEvent Event(string session, string type, DateTimeOffset at, string task, int priority = 3) =>
        new(session, type, at, new JsonObject { ["task"] = task, ["title"] = "x", ["priority"] = priority });
}
