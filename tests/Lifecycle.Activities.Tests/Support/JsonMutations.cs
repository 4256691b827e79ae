using CsCheck;

namespace Lifecycle.Activities.Tests.Support;

/// <summary>
/// Real files, mutated the way afl does it (fuzz/, docs/FUZZING.md): characters deleted, replaced or
/// copied elsewhere, and JSON tokens inserted, so <c>dotnet test</c> guards the readers without afl.
/// </summary>
internal static class JsonMutations
{
    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", ",", ":", "\"", "null", "true", "false", "0", "-1", "1.5", "1e400", "99999999999999999999",
        "\"\"", "{}", "[]", "\\ud800", "\\udc00", "\\n", "\\u0000", "\n", "//", "/*", "*/", "\"id\"", "\"type\"",
        "\"workflow\"", "\"RunWorkflow\"", "\"Sequence\"", "\"activities\"", "\"js\"", "\"payload\"", "\"sha256\"",
        "\"files\"", "\"tasks\"", "\"agents\"", "\"realityChecks\"",
    ];

    /// <summary>One of <paramref name="files"/> with 1 to 8 mutations.</summary>
    public static Gen<string> Of(IReadOnlyList<string> files) =>
        Gen.Select(Gen.Int[0, files.Count - 1], Mutation.Array[1, 8])
            .Select((index, mutations) => mutations.Aggregate(files[index], (text, mutate) => mutate(text)));

    /// <summary>The text of every file in <c>fuzz/corpus/{target}</c>, the fuzzer's seeds.</summary>
    public static IReadOnlyList<string> Corpus(string target) =>
        [.. Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "fuzz", "corpus", target)).Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Lifecycle.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Lifecycle.sln not found above the test binaries.");
    }

    // Positions are fractions of the length, so a mutation applies to any text and shrinks toward the start.
    private static readonly Gen<Func<string, string>> Mutation = Gen.Frequency(
        (3, Gen.Select(Gen.Double[0, 1], Gen.Int[1, 16]).Select<double, int, Func<string, string>>((at, count) => text =>
        {
            var start = At(text, at);
            return text.Remove(start, Math.Min(count, text.Length - start));
        })),
        (3, Gen.Select(Gen.Double[0, 1], Gen.Int[0, Tokens.Length - 1]).Select<double, int, Func<string, string>>((at, token) =>
            text => text.Insert(At(text, at), Tokens[token]))),
        (2, Gen.Select(Gen.Double[0, 1], Gen.Char).Select<double, char, Func<string, string>>((at, c) => text =>
            text.Length == 0 ? text : string.Concat(text.AsSpan(0, Math.Min(At(text, at), text.Length - 1)), c.ToString(), text.AsSpan(Math.Min(At(text, at), text.Length - 1) + 1)))),
        (2, Gen.Select(Gen.Double[0, 1], Gen.Int[1, 64], Gen.Double[0, 1]).Select<double, int, double, Func<string, string>>((from, count, to) => text =>
        {
            var start = At(text, from);
            return text.Insert(At(text, to), text.Substring(start, Math.Min(count, text.Length - start)));
        })));

    private static int At(string text, double fraction) => Math.Min((int)(fraction * text.Length), text.Length);
}
