using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tasks;
using Lifecycle.Server.Suggestions;

namespace Lifecycle.Server.Tests.Suggestions;

/// <summary>Blockers that outlived a session and tasks that keep slipping, followed over consecutive closes.</summary>
public sealed class CarryOverSuggestionsTests
{
    [Fact]
    public void A_blocked_task_open_at_two_closes_in_a_row_outlived_a_session()
    {
        var closed = new[]
        {
            Closed("00001", Blocked("T1", "deploy", "no staging access")),
            Closed("00002", Blocked("T1", "deploy", "no staging access"), Blocked("T2", "docs", "waiting on review")),
            Closed("00003", Blocked("T1", "deploy", "no staging access"), Open("T2", "docs")),
        };

        var (suggestion, withheld) = CarryOverSuggestions.LastingBlockers(closed);

        Assert.Null(withheld);
        Assert.NotNull(suggestion);
        Assert.Equal("Clear the lasting blocker first, or ask for help with it: T1 'deploy' (no staging access) (open at 3 closes, since session 00001).", suggestion.Advice);
        Assert.Equal("1 blocker open now stood at the closes of 3 sessions in a row at most (target: resolved within 1 session); 1 of the 2 blockers seen in 3 sessions outlived a session, and the resolved ones stood at a median of 1 close.", suggestion.Evidence);
        Assert.Equal(3, suggestion.Sessions);
    }

    [Fact]
    public void A_blocker_resolved_within_a_session_gives_no_suggestion()
    {
        var closed = new[] { Closed("00001", Blocked("T1", "deploy", "no access")), Closed("00002", Open("T1", "deploy")) };

        var (suggestion, withheld) = CarryOverSuggestions.LastingBlockers(closed);

        Assert.Null(suggestion);
        Assert.Equal("blockers: none open at the last close has stood at 2 closes in a row (1 seen in 2 sessions).", withheld);
    }

    [Fact]
    public void A_protocol_blocker_is_followed_by_its_text()
    {
        var first = Closed("00001");
        first.Blockers.Add("stash conflict in src/app.cs");
        var second = Closed("00002");
        second.Blockers.Add("stash conflict in src/app.cs");

        var (suggestion, _) = CarryOverSuggestions.LastingBlockers([first, second]);

        Assert.Contains("'stash conflict in src/app.cs' (open at 2 closes, since session 00001)", suggestion!.Advice);
    }

    [Fact]
    public void A_task_open_at_three_closes_in_a_row_is_slipping()
    {
        var closed = new[]
        {
            Closed("00001", Open("T1", "refactor parser"), Open("T2", "small fix")),
            Closed("00002", Open("T1", "refactor parser")),
            Closed("00003", Open("T1", "refactor parser"), Open("T3", "new thing")),
        };

        var (suggestion, _) = CarryOverSuggestions.SlippingTasks(closed);

        Assert.NotNull(suggestion);
        Assert.Equal("Split the slipping task into steps that fit one session, or drop it (lifecycle task edit/remove): T1 'refactor parser' (priority 3) (carried over 3 sessions).", suggestion.Advice);
        Assert.Equal("1 of the 2 tasks open at the last close were open at 3 or more closes in a row (the longest 3), over 3 sessions.", suggestion.Evidence);
    }

    [Fact]
    public void Too_few_closes_to_see_a_task_slip_say_so()
    {
        var (suggestion, withheld) = CarryOverSuggestions.SlippingTasks([Closed("00001", Open("T1", "x")), Closed("00002", Open("T1", "x"))]);

        Assert.Null(suggestion);
        Assert.Equal("slipping tasks: 2 closed sessions, 3 needed to see a task carried over.", withheld);
    }

    private static SessionContext Closed(string id, params SessionTask[] tasks) =>
        new() { SessionId = id, State = SessionState.Dormant, Tasks = [.. tasks] };

    private static SessionTask Open(string id, string title) => new(id, title);

    private static SessionTask Blocked(string id, string title, string reason) => new(id, title, Status: SessionTaskStatus.Blocked, BlockedReason: reason);
}
