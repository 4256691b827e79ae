using Lifecycle.Server.Reports;
using Lifecycle.Server.Suggestions;

namespace Lifecycle.Server.Tests.Suggestions;

/// <summary>The score comparisons: each suggestion names the groups, their means and medians, the difference; none below the sample sizes or for a small difference.</summary>
public sealed class ScoreSuggestionsTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Mornings_that_score_better_give_the_best_hours_with_their_figures()
    {
        var figures = History();

        var (suggestion, withheld) = ScoreSuggestions.BestHours(figures, TimeZoneInfo.Utc);

        Assert.Null(withheld);
        Assert.NotNull(suggestion);
        Assert.Equal("Start your demanding sessions between 09:00-12:00 (UTC): they score best.", suggestion.Advice);
        Assert.Equal("6 sessions started 09:00-12:00 scored a mean 0.800 (median 0.800) against 0.500 (median 0.500) for the other 6: +0.300; permutation p 0.003.", suggestion.Evidence);
        Assert.Equal(12, suggestion.Sessions);
        Assert.Equal(ScoreSuggestions.MinimumSessions, suggestion.MinimumSessions);
        Assert.Equal(0.3, Figure(suggestion, "difference"));
        Assert.Equal(6, Figure(suggestion, "otherSessions"));
    }

    [Fact]
    public void The_best_length_comes_with_a_timebox_and_the_rank_correlation()
    {
        var (suggestion, _) = ScoreSuggestions.SessionLength(History());

        Assert.NotNull(suggestion);
        Assert.Equal("Plan sessions of 45 to 90 minutes (lifecycle start --timebox 90m): that length scores best.", suggestion.Advice);
        Assert.StartsWith("6 sessions of 45 to 90 minutes of working time scored a mean 0.800 (median 0.800) against 0.500 (median 0.500) for the other 6: +0.300; rank correlation of length and score -", suggestion.Evidence);
        Assert.True(Figure(suggestion, "spearmanRho") < -0.8);
    }

    [Fact]
    public void Sessions_with_errors_that_score_worse_give_the_interruptions_suggestion()
    {
        var (suggestion, withheld) = ScoreSuggestions.Interruptions(History());

        Assert.Null(withheld);
        Assert.NotNull(suggestion);
        Assert.Contains("6 sessions with errors (median 3) scored a mean 0.500 (median 0.500) against 0.800 (median 0.800) for the 6 without: -0.300", suggestion.Evidence);
        Assert.Equal(0.3, Figure(suggestion, "difference"));
        Assert.True(Figure(suggestion, "spearmanRho") <= -ScoreSuggestions.MinimumCorrelation);
    }

    [Fact]
    public void Below_the_sample_size_nothing_is_suggested_and_the_count_is_said()
    {
        var few = History().Take(ScoreSuggestions.MinimumSessions - 1).ToList();

        var (suggestion, withheld) = ScoreSuggestions.BestHours(few, TimeZoneInfo.Utc);

        Assert.Null(suggestion);
        Assert.Equal("hours of the day: 5 scored sessions, 6 needed.", withheld);
        Assert.Null(ScoreSuggestions.SessionLength(few).Suggestion);
        Assert.Null(ScoreSuggestions.Interruptions(few).Suggestion);
        Assert.Null(ScoreSuggestions.SetupTime(few).Suggestion);
    }

    [Fact]
    public void A_difference_under_the_minimum_is_no_reason_to_change()
    {
        var flat = Enumerable.Range(0, 12).Select(i => Session(i, hour: i % 2 == 0 ? 9 : 15, minutes: 60, score: i % 2 == 0 ? 0.62 : 0.60, errors: 0)).ToList();

        var (suggestion, withheld) = ScoreSuggestions.BestHours(flat, TimeZoneInfo.Utc);

        Assert.Null(suggestion);
        Assert.Equal("hours of the day: the best, 09:00-12:00, scores only +0.020 against the other hours (under 0.05).", withheld);
    }

    [Fact]
    public void A_best_group_that_chance_explains_is_no_reason_to_change()
    {
        // Twelve sessions whose scores do not depend on the hour: one 09:00 session scores high, the rest vary.
        double[] scores = [0.9, 0.5, 0.6, 0.4, 0.7, 0.5, 0.55, 0.65, 0.45, 0.6, 0.5, 0.58];
        var noisy = scores.Select((score, i) => Session(i, hour: 3 * (i % 4) + 6, minutes: 60, score: score, errors: 0)).ToList();

        var (suggestion, withheld) = ScoreSuggestions.BestHours(noisy, TimeZoneInfo.Utc);

        Assert.Null(suggestion);
        Assert.Matches(@"^hours of the day: the best, \d\d:00-\d\d:00, scores \+0\.\d{3} against the other hours, but chance gives as much \(permutation p 0\.\d{3}, needs 0\.05 or below\)\.$", withheld);
    }

    [Fact]
    public void Unscored_sessions_do_not_count_towards_the_sample()
    {
        var unscored = History().Select(f => f with { Score = null }).ToList();

        Assert.Equal("hours of the day: 0 scored sessions, 6 needed.", ScoreSuggestions.BestHours(unscored, TimeZoneInfo.Utc).Withheld);
    }

    [Fact]
    public void A_median_setup_over_fifteen_minutes_is_suggested_with_its_figures()
    {
        var slow = History().Select((f, i) => f with { SetupMinutes = i < 8 ? 20 : 5 }).ToList();

        var (suggestion, _) = ScoreSuggestions.SetupTime(slow);

        Assert.NotNull(suggestion);
        Assert.StartsWith("Setup (start to ACTIVE) took a median 20 minutes (mean 15) over 12 sessions, 8 of them over the spec's 15", suggestion.Evidence);
        Assert.Equal(20, Figure(suggestion, "medianSetupMinutes"));
        Assert.Equal("setup time: median 5 minutes over 12 sessions, within the spec's 15 minutes.",
            ScoreSuggestions.SetupTime(History().Select(f => f with { SetupMinutes = 5 }).ToList()).Withheld);
    }

    /// <summary>Twelve sessions: six 60-minute mornings without errors scoring 0.8, six 200-minute afternoons with three errors scoring 0.5.</summary>
    private static List<SessionFigures> History() =>
        [.. Enumerable.Range(0, 12).Select(i => i % 2 == 0
            ? Session(i, hour: 9, minutes: 60, score: 0.8, errors: 0)
            : Session(i, hour: 15, minutes: 200, score: 0.5, errors: 3))];

    private static SessionFigures Session(int index, int hour, double minutes, double? score, int errors)
    {
        var start = Monday.AddDays(index).AddHours(hour);
        return new SessionFigures($"{index + 1:00000}", start, start.AddMinutes(minutes + 1), "main", 1, minutes, 0, 2, 40, 1, errors, 2 / (minutes / 60), score, "record");
    }

    private static double Figure(Suggestion suggestion, string name) => suggestion.Figures.Single(f => f.Name == name).Value;
}
