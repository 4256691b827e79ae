using System.Globalization;

namespace Lifecycle.Benchmarks.Persisted;

/// <summary>
/// Finished runs per second through the durable engine against raw single-row SQLite
/// transactions on the same disk, measured alternately in rounds so that machine noise hits both.
/// The goal is a ratio of 0.25 or better.
/// </summary>
public static class PersistedMeasurement
{
    public const double Goal = 0.25;

    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    public static async Task<int> RunAsync(PersistedOptions options)
    {
        var folder = Directory.CreateDirectory(Path.Combine(options.Folder, $"lifecycle-bench-{Guid.NewGuid():N}")).FullName;
        try
        {
            return await MeasureAsync(options, folder);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> MeasureAsync(PersistedOptions options, string folder)
    {
        Console.WriteLine($"Folder: {folder}");
        await using var engine = await EngineWorkload.StartAsync(Path.Combine(folder, "engine.db"));
        using var raw = new RawSqliteWriter(Path.Combine(folder, "raw.db"));
        Console.WriteLine($"Raw connection: {raw.Settings}; engine: the same PRAGMAs (SqlitePragmas)");

        // Warm-up: tiered JIT, the EF Core model, the connection pool and the WAL files of both databases.
        await engine.MeasureAsync(WarmUp);
        raw.Measure(WarmUp);

        var slice = TimeSpan.FromSeconds(options.Seconds / options.Rounds);
        Console.WriteLine($"{options.Rounds} rounds of {slice.TotalSeconds:0.##} s per side");
        Console.WriteLine($"{"round",5} {"runs/s",10} {"tx/s",10} {"ratio",7}");
        Rate runs = default, transactions = default;
        var ratios = new List<double>();
        for (var round = 1; round <= options.Rounds; round++)
        {
            var r = await engine.MeasureAsync(slice);
            var t = raw.Measure(slice);
            runs += r;
            transactions += t;
            ratios.Add(r.PerSecond / t.PerSecond);
            Console.WriteLine(Line(round.ToString(CultureInfo.InvariantCulture), r, t));
        }

        Console.WriteLine(Line("all", runs, transactions));
        var ratio = runs.PerSecond / transactions.PerSecond;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{runs.Count} runs in {runs.Elapsed.TotalSeconds:0.00} s, {transactions.Count} transactions in {transactions.Elapsed.TotalSeconds:0.00} s; " +
            $"mean {1000 / runs.PerSecond:0.000} ms per run, {1000 / transactions.PerSecond:0.000} ms per transaction"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Median of the rounds' ratios: {ratios.Order().ElementAt(ratios.Count / 2):0.000}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Goal: ratio >= {Goal:0.00}: {(ratio >= Goal ? "met" : "missed")} ({ratio:0.000})"));
        return 0;
    }

    private static string Line(string label, Rate runs, Rate transactions) => string.Create(CultureInfo.InvariantCulture,
        $"{label,5} {runs.PerSecond,10:0.0} {transactions.PerSecond,10:0.0} {runs.PerSecond / transactions.PerSecond,7:0.000}");
}
