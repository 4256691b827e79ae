using Lifecycle.Activities.Configuration;
using Lifecycle.Server.Timing;

namespace Lifecycle.Server.Tests.Timing;

/// <summary>Which reminders are due when: time left, timebox ended, a break after an unbroken stretch cut by idle gaps as idle time is.</summary>
public sealed class ReminderScheduleTests
{
    private static readonly DateTimeOffset Active = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(15);
    private static readonly TimingConfig Timing = new() { ReminderLeadMinutes = 15, BreakAfterMinutes = 90 };

    [Fact]
    public void Before_the_lead_nothing_is_due_and_the_time_left_counts_down()
    {
        var timing = At(74, timebox: 90, activityEvery: 5);

        Assert.Empty(timing.Reminders);
        Assert.Equal(16, timing.MinutesLeft);
        Assert.Equal(Active.AddMinutes(90), timing.EndsAt);
    }

    [Fact]
    public void From_the_lead_to_the_end_time_left_is_due_once_under_one_key()
    {
        var first = At(75, timebox: 90, activityEvery: 5);
        var later = At(89.5, timebox: 90, activityEvery: 5);

        var reminder = Assert.Single(first.Reminders);
        Assert.Equal(ReminderKinds.TimeLeft, reminder.Kind);
        Assert.Equal(Active.AddMinutes(75), reminder.DueAt);
        Assert.Equal("15 minutes left in the 1 h 30 min timebox (it ends at 10:30): finish what you are on and leave notes for the handoff.", reminder.Message);
        Assert.Equal(reminder.Key, Assert.Single(later.Reminders).Key);
        Assert.Equal(1, later.MinutesLeft);
    }

    [Fact]
    public void At_the_end_the_timebox_ended_reminder_replaces_time_left_and_minutes_left_go_negative()
    {
        var timing = At(100, timebox: 90, activityEvery: 5);

        Assert.DoesNotContain(timing.Reminders, r => r.Kind == ReminderKinds.TimeLeft);
        var reminder = Assert.Single(timing.Reminders, r => r.Kind == ReminderKinds.TimeboxEnded);
        Assert.Equal(Active.AddMinutes(90), reminder.DueAt);
        Assert.Contains("ended at 10:30 (10 minutes ago)", reminder.Message);
        Assert.Equal(-10, timing.MinutesLeft);
    }

    [Fact]
    public void A_lead_as_long_as_the_timebox_gives_no_time_left_reminder()
    {
        Assert.Empty(At(10, timebox: 15, activityEvery: 5).Reminders);
    }

    [Fact]
    public void Without_a_timebox_only_breaks_can_be_due()
    {
        var timing = At(60, timebox: null, activityEvery: 5);

        Assert.Null(timing.MinutesLeft);
        Assert.Null(timing.EndsAt);
        Assert.Empty(timing.Reminders);
        Assert.Equal(60, timing.StretchMinutes);
    }

    [Fact]
    public void Ninety_minutes_of_activity_without_an_idle_gap_makes_a_break_due()
    {
        var timing = At(95, timebox: null, activityEvery: 10);

        var reminder = Assert.Single(timing.Reminders);
        Assert.Equal(ReminderKinds.Break, reminder.Kind);
        Assert.Equal(Active.AddMinutes(90), reminder.DueAt);
        Assert.Equal(95, timing.StretchMinutes);
        Assert.StartsWith("95 minutes of activity without a break (since 09:00", reminder.Message);
    }

    [Fact]
    public void A_gap_longer_than_the_idle_threshold_cuts_the_stretch_as_it_counts_idle_time()
    {
        // Active 09:00-10:00 every 5 minutes, then 20 minutes without activity (idle: over 15), then active again.
        var activity = Every(5, 0, 60).Concat(Every(5, 80, 130)).ToList();

        var timing = ReminderSchedule.At(Active, null, activity, Active.AddMinutes(130), Timing, Idle, new HashSet<string>(), TimeZoneInfo.Utc);

        Assert.Empty(timing.Reminders);
        Assert.Equal(Active.AddMinutes(80), timing.StretchSince);
        Assert.Equal(50, timing.StretchMinutes);
    }

    [Fact]
    public void A_gap_of_exactly_the_idle_threshold_does_not_cut_the_stretch()
    {
        var activity = Every(15, 0, 120).ToList();

        var timing = ReminderSchedule.At(Active, null, activity, Active.AddMinutes(120), Timing, Idle, new HashSet<string>(), TimeZoneInfo.Utc);

        Assert.Equal(Active, timing.StretchSince);
        Assert.Equal(ReminderKinds.Break, Assert.Single(timing.Reminders).Kind);
    }

    [Fact]
    public void Idle_now_is_a_break_being_taken_so_none_is_due()
    {
        var activity = Every(5, 0, 100).ToList();

        var timing = ReminderSchedule.At(Active, null, activity, Active.AddMinutes(120), Timing, Idle, new HashSet<string>(), TimeZoneInfo.Utc);

        Assert.Null(timing.StretchSince);
        Assert.Equal(0, timing.StretchMinutes);
        Assert.Empty(timing.Reminders);
    }

    [Fact]
    public void The_same_stretch_gets_a_new_break_key_after_each_further_break_length()
    {
        var first = At(100, timebox: null, activityEvery: 5).Reminders.Single();
        var second = At(185, timebox: null, activityEvery: 5).Reminders.Single();

        Assert.NotEqual(first.Key, second.Key);
        Assert.Equal(Active.AddMinutes(180), second.DueAt);
    }

    [Fact]
    public void Recorded_keys_mark_their_reminders_as_recorded()
    {
        var key = At(80, timebox: 90, activityEvery: 5).Reminders.Single().Key;

        var timing = ReminderSchedule.At(Active, 90, Every(5, 0, 80), Active.AddMinutes(80), Timing, Idle, new HashSet<string> { key }, TimeZoneInfo.Utc);

        Assert.True(timing.Reminders.Single().Recorded);
    }

    [Fact]
    public void Zero_turns_the_lead_and_the_break_off()
    {
        var off = new TimingConfig { ReminderLeadMinutes = 0, BreakAfterMinutes = 0 };

        var timing = ReminderSchedule.At(Active, 120, Every(5, 0, 110), Active.AddMinutes(110), off, Idle, new HashSet<string>(), TimeZoneInfo.Utc);

        Assert.Empty(timing.Reminders);
    }

    private static SessionTiming At(double minutes, int? timebox, int activityEvery) =>
        ReminderSchedule.At(Active, timebox, Every(activityEvery, 0, minutes), Active.AddMinutes(minutes), Timing, Idle, new HashSet<string>(), TimeZoneInfo.Utc);

    private static IEnumerable<DateTimeOffset> Every(int step, double from, double to)
    {
        for (var m = from; m <= to; m += step)
        {
            yield return Active.AddMinutes(m);
        }
    }
}
