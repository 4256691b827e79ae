namespace Lifecycle.Benchmarks.Persisted;

/// <summary>How many operations finished in how long.</summary>
public readonly record struct Rate(long Count, TimeSpan Elapsed)
{
    public double PerSecond => Count / Elapsed.TotalSeconds;

    public static Rate operator +(Rate a, Rate b) => new(a.Count + b.Count, a.Elapsed + b.Elapsed);
}
