using Lifecycle.Activities.Prediction;

namespace Lifecycle.Activities.Tests.Prediction;

public sealed class SessionPredictorTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Nothing_to_learn_from_is_no_prediction()
    {
        Assert.Null(SessionPredictor.Predict([], "ann", PredictionSource.Sessions));
    }

    [Fact]
    public void Fewer_sessions_than_the_minimum_are_no_prediction_and_the_minimum_is_one()
    {
        var two = Sessions("ann", [980, 455]);
        var five = Sessions("ann", [60, 45, 90, 30, 60]);

        Assert.Null(SessionPredictor.Predict(two, "ann", PredictionSource.GitHistory));
        Assert.Null(SessionPredictor.Predict([.. five.Take(SessionPredictor.MinimumSamples - 1)], "ann", PredictionSource.GitHistory));
        Assert.Equal(60, SessionPredictor.Predict(five, "ann", PredictionSource.GitHistory)!.DurationMinutes.Point);
    }

    [Fact]
    public void The_point_is_a_median_so_one_huge_session_does_not_move_it()
    {
        var past = Sessions("ann", [60, 60, 60, 60, 6000], lines: [100, 120, 80, 110, 50_000]);

        var forecast = SessionPredictor.Predict(past, null, PredictionSource.Sessions)!;

        Assert.Equal(60, forecast.DurationMinutes.Point);
        Assert.InRange(forecast.Lines.Point, 80, 120);
        Assert.True(forecast.Lines.High >= forecast.Lines.Point && forecast.Lines.Low <= forecast.Lines.Point);
    }

    [Fact]
    public void An_authors_own_sessions_pull_the_prediction_towards_theirs_as_they_grow()
    {
        var others = Sessions("bob", Enumerable.Repeat(30.0, 20).ToArray());
        var few = others.Concat(Sessions("ann", [120, 120], after: 20)).ToList();
        var many = others.Concat(Sessions("ann", Enumerable.Repeat(120.0, 40).ToArray(), after: 20)).ToList();

        var afterFew = SessionPredictor.Predict(few, "ann", PredictionSource.Sessions)!;
        var afterMany = SessionPredictor.Predict(many, "ann", PredictionSource.Sessions)!;
        var someoneNew = SessionPredictor.Predict(few, "carol", PredictionSource.Sessions)!;

        Assert.InRange(afterFew.DurationMinutes.Point, 31, 119);
        Assert.True(afterMany.DurationMinutes.Point > afterFew.DurationMinutes.Point);
        Assert.InRange(afterMany.DurationMinutes.Point, 100, 120);
        Assert.Equal(30, someoneNew.DurationMinutes.Point);
        Assert.Equal(2, afterFew.AuthorSamples);
    }

    [Fact]
    public void Recent_sessions_weigh_more_than_old_ones()
    {
        var past = Sessions("ann", [.. Enumerable.Repeat(200.0, 60), .. Enumerable.Repeat(40.0, 45)]);

        var forecast = SessionPredictor.Predict(past, "ann", PredictionSource.Sessions)!;

        Assert.Equal(40, forecast.DurationMinutes.Point);
    }

    private static List<WorkSample> Sessions(string author, double[] minutes, int[]? lines = null, int after = 0) =>
        [.. minutes.Select((m, i) => new WorkSample(author, Start.AddDays(after + i), Start.AddDays(after + i).AddMinutes(m), m, 2, lines?[i] ?? 100))];
}
