using Lifecycle.Activities.Prediction;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tests.Support;

namespace Lifecycle.Activities.Tests.Prediction;

/// <summary>The git history read from a real repository, and the choice between it and the closed sessions.</summary>
public sealed class GitWorkHistoryTests : IDisposable
{
    private readonly TempRepository _repo = new();

    [Fact]
    public void Commits_are_read_oldest_first_with_author_time_and_lines()
    {
        Commit("a.txt", "one\ntwo\nthree\n", "2026-03-02T09:00:00+01:00");
        Commit("a.txt", "one\n2\nthree\nfour\n", "2026-03-02T09:40:00+01:00");

        var commits = GitWorkHistory.Read(_repo.Path);

        Assert.Equal(2, commits.Count);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 40, 0, TimeSpan.Zero), commits[^1].When);
        Assert.Equal(3, commits[^1].Lines); // 2 added, 1 deleted
        Assert.Equal(3, commits[^2].Lines);
        Assert.Equal(GitWorkHistory.UserEmail(_repo.Path), commits[^1].Author);
    }

    [Fact]
    public void The_closes_own_commits_of_session_documents_are_not_work()
    {
        Commit("a.txt", "work\n", "2026-03-02T09:00:00+01:00");
        _repo.Write("docs/sessions/SESSION-00001-HANDOFF.md", "# handoff\n");
        _repo.Git("add", "-A");
        _repo.Git("-c", "core.hooksPath=/dev/null", "commit", "-q", "-m", "docs: session 00001 documents");

        var commits = GitWorkHistory.Read(_repo.Path);

        Assert.Single(commits);
        Assert.False(GitWorkHistory.IsSessionDocsCommit("docs: describe the session documents"));
    }

    [Fact]
    public void Before_enough_closed_sessions_the_history_predicts_and_then_the_sessions_do()
    {
        for (var day = 2; day <= 8; day++)
        {
            Commit("a.txt", $"day {day}\n", $"2026-03-0{day}T09:00:00+00:00");
            Commit("a.txt", $"day {day} later\n", $"2026-03-0{day}T10:00:00+00:00");
        }

        var few = Closed(NextSessionPrediction.MinimumSessions - 1);
        var enough = Closed(NextSessionPrediction.MinimumSessions);

        var fromHistory = NextSessionPrediction.Predict(NextSessionPrediction.Closed(few), () => GitWorkHistory.Read(_repo.Path), GitWorkHistory.UserEmail(_repo.Path))!;
        var fromSessions = NextSessionPrediction.Predict(NextSessionPrediction.Closed(enough), () => throw new InvalidOperationException("the history is not read"), null)!;

        Assert.Equal(PredictionSource.GitHistory, fromHistory.Source);
        Assert.Equal(60 + WorkSessionGrouping.LeadIn.TotalMinutes, fromHistory.DurationMinutes.Point);
        Assert.Equal(2, fromHistory.Commits.Point);
        Assert.Equal(PredictionSource.Sessions, fromSessions.Source);
        Assert.Equal(45, fromSessions.DurationMinutes.Point);
    }

    private static List<SessionContext> Closed(int count)
    {
        var start = new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
        return [.. Enumerable.Range(0, count).Select(i => new SessionContext
        {
            SessionId = $"{i + 1:00000}", StartTime = start.AddDays(i), ActiveSince = start.AddDays(i), EndTime = start.AddDays(i).AddMinutes(45),
            State = SessionState.Dormant, Commits = 3, LinesChanged = 50,
        })];
    }

    private void Commit(string file, string content, string when)
    {
        _repo.Write(file, content);
        _repo.Git("add", "-A");
        var (code, _, error) = _repo.TryGit(["-c", "core.hooksPath=/dev/null", "commit", "-q", "-m", "change", "--date", when]);
        Assert.True(code == 0, error);
    }

    public void Dispose() => _repo.Dispose();
}
