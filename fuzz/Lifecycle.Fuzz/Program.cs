using Lifecycle.Fuzz.Targets;
using SharpFuzz;

namespace Lifecycle.Fuzz;

/// <summary>
/// <c>Lifecycle.Fuzz TARGET</c>: SharpFuzz's out-of-process fork server for afl-fuzz, one input per
/// run on standard input. <c>Lifecycle.Fuzz TARGET FILE|FOLDER...</c>: runs saved inputs (afl's
/// crashes, a corpus) and prints what each did; exit code 1 when any of them crashes.
/// </summary>
public static class Program
{
    private static readonly Dictionary<string, Func<IFuzzTarget>> Targets = new(StringComparer.Ordinal)
    {
        ["definition"] = () => new DefinitionTarget(),
        ["config"] = () => new ConfigTarget(),
        ["state"] = () => new StateTarget(),
        ["handoff"] = () => new HandoffTarget(),
    };

    public static int Main(string[] args)
    {
        if (args.Length == 0 || !Targets.TryGetValue(args[0], out var create))
        {
            Console.Error.WriteLine($"usage: Lifecycle.Fuzz {string.Join("|", Targets.Keys)} [FILE|FOLDER...]");
            return 2;
        }

        if (args.Length > 1)
        {
            return Replay.Run(create(), args[1..]);
        }

        // Built on the first input, in the child process: the instrumented assemblies write coverage
        // to afl's shared memory, which only the child maps, so the fork server must not run them.
        IFuzzTarget? target = null;
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            (target ??= create()).Run(buffer.ToArray());
        });
        return 0;
    }
}
