using System.Diagnostics;

namespace Lifecycle.Workflows.Hosting;

/// <summary>
/// Where a command's time goes: named spans written to stderr when <c>LIFECYCLE_TRACE</c> is set
/// (any value), each with its start and length in milliseconds since the process reached Main.
/// </summary>
/// <remarks>
/// For measuring the published executable as users run it (docs/PERFORMANCE.md), where a profiler
/// changes what it measures. Unset, a span costs one static read and writes nothing.
/// </remarks>
public static class CommandTrace
{
    /// <summary>The environment variable that turns tracing on.</summary>
    public const string Variable = "LIFECYCLE_TRACE";

    private static readonly long Origin = Stopwatch.GetTimestamp();

    /// <summary>True when spans are written.</summary>
    public static bool Enabled { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 };

    /// <summary>Starts a span; disposing it writes it. Nothing when tracing is off.</summary>
    public static Span Begin(string name) => Enabled ? new Span(name, Stopwatch.GetTimestamp()) : default;

    /// <summary>Writes one line now (a span of no length), e.g. what a step found.</summary>
    public static void Note(string text)
    {
        if (Enabled)
        {
            Write($"{Milliseconds(Origin, Stopwatch.GetTimestamp()),8:F1} {"",7} {text}");
        }
    }

    /// <summary>Writes the process's totals: CPU, compiled methods, garbage collections.</summary>
    public static void Summary()
    {
        if (!Enabled)
        {
            return;
        }

        var cpu = Environment.CpuUsage;
        Write($"{Milliseconds(Origin, Stopwatch.GetTimestamp()),8:F1} {"",7} totals: CPU {cpu.TotalTime.TotalMilliseconds:F0} ms " +
              $"(user {cpu.UserTime.TotalMilliseconds:F0}, system {cpu.PrivilegedTime.TotalMilliseconds:F0}), " +
              $"JIT {System.Runtime.JitInfo.GetCompiledMethodCount()} methods in {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms, " +
              $"GC {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, threads {ThreadPool.ThreadCount}");
    }

    private static double Milliseconds(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

    private static void Write(string line) => Console.Error.WriteLine("[trace] " + line);

    /// <summary>A span in progress; disposing it writes its line.</summary>
    public readonly struct Span : IDisposable
    {
        private readonly string? _name;
        private readonly long _start;

        internal Span(string name, long start)
        {
            _name = name;
            _start = start;
        }

        public void Dispose()
        {
            if (_name is not null)
            {
                var end = Stopwatch.GetTimestamp();
                Write($"{Milliseconds(Origin, _start),8:F1} {Milliseconds(_start, end),7:F1} {_name} [thread {Environment.CurrentManagedThreadId}]");
            }
        }
    }
}
