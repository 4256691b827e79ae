namespace Lifecycle.Fuzz.Targets;

/// <summary>
/// Folders the targets write to: under <c>LIFECYCLE_FUZZ_SCRATCH</c>, which fuzz/run.sh creates in
/// memory and removes when afl stops (afl kills the children, so they cannot clean up themselves);
/// under the temp folder otherwise.
/// </summary>
internal static class Scratch
{
    public static string Folder(string name) =>
        Directory.CreateDirectory(Path.Combine(
            Environment.GetEnvironmentVariable("LIFECYCLE_FUZZ_SCRATCH") is { Length: > 0 } root ? root : Path.GetTempPath(),
            $"lifecycle-fuzz-{name}-{Environment.ProcessId}")).FullName;
}
