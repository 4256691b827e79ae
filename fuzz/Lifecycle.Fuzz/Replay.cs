using System.Diagnostics;
using Lifecycle.Fuzz.Targets;

namespace Lifecycle.Fuzz;

/// <summary>Runs saved inputs outside afl-fuzz: one line per input, the full exception for a crash.</summary>
internal static class Replay
{
    /// <summary>An input slower than this is reported as a hang.</summary>
    private static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(2);

    public static int Run(IFuzzTarget target, IEnumerable<string> paths)
    {
        // afl leaves a README.txt beside what it saves; a path that does not exist holds nothing to run.
        var files = paths.SelectMany(p => Directory.Exists(p)
            ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.') && !f.EndsWith("README.txt", StringComparison.Ordinal))
            : File.Exists(p) ? [p] : []).Order(StringComparer.Ordinal).ToList();
        var crashes = 0;
        var hangs = 0;
        foreach (var file in files)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                target.Run(File.ReadAllBytes(file));
                var elapsed = Stopwatch.GetElapsedTime(started);
                if (elapsed > HangAfter)
                {
                    hangs++;
                    Console.WriteLine($"HANG  {file} ({elapsed.TotalSeconds:F1} s)");
                }
            }
            catch (Exception exception)
            {
                crashes++;
                Console.WriteLine($"CRASH {file}\n{exception}");
            }
        }

        Console.WriteLine($"{target.Name}: {files.Count} inputs, {crashes} crashes, {hangs} hangs");
        return crashes + hangs == 0 ? 0 : 1;
    }
}
