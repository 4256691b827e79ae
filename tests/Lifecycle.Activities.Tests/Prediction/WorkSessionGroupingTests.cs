using Lifecycle.Activities.Prediction;

namespace Lifecycle.Activities.Tests.Prediction;

public sealed class WorkSessionGroupingTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void Commits_within_the_idle_gap_are_one_session_that_counts_the_lead_in()
    {
        var sessions = WorkSessionGrouping.Group(
        [
            new CommitFact("ann", Monday, 10),
            new CommitFact("ann", Monday.AddMinutes(50), 5),
            new CommitFact("ann", Monday.AddMinutes(50 + 119), 1),
        ]);

        var session = Assert.Single(sessions);
        Assert.Equal(3, session.Commits);
        Assert.Equal(16, session.Lines);
        Assert.Equal(169 + WorkSessionGrouping.LeadIn.TotalMinutes, session.Minutes);
    }

    [Fact]
    public void A_pause_longer_than_the_gap_starts_a_new_session()
    {
        var sessions = WorkSessionGrouping.Group([new CommitFact("ann", Monday, 1), new CommitFact("ann", Monday.AddHours(2).AddMinutes(1), 1)]);

        Assert.Equal(2, sessions.Count);
        Assert.All(sessions, s => Assert.Equal(WorkSessionGrouping.LeadIn.TotalMinutes, s.Minutes));
    }

    [Fact]
    public void Authors_working_at_the_same_time_have_sessions_of_their_own_ordered_by_start()
    {
        var sessions = WorkSessionGrouping.Group(
        [
            new CommitFact("bob", Monday.AddMinutes(10), 1),
            new CommitFact("ann", Monday, 1),
            new CommitFact("bob", Monday.AddMinutes(20), 1),
            new CommitFact("ann", Monday.AddMinutes(30), 1),
        ]);

        Assert.Equal(["ann", "bob"], sessions.Select(s => s.Author));
        Assert.All(sessions, s => Assert.Equal(2, s.Commits));
    }

    [Fact]
    public void Offsets_are_compared_as_instants()
    {
        // 10:00+02:00 and 09:30+01:00 are 30 minutes apart, not 30 minutes the other way.
        var sessions = WorkSessionGrouping.Group(
        [
            new CommitFact("ann", new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(2)), 1),
            new CommitFact("ann", new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(1)), 1),
        ]);

        Assert.Equal(30 + WorkSessionGrouping.LeadIn.TotalMinutes, Assert.Single(sessions).Minutes);
    }
}
