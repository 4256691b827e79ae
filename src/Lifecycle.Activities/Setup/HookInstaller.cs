using System.Text;

namespace Lifecycle.Activities.Setup;

/// <summary>
/// Installs the git hooks that feed a session's tracking: post-commit, post-checkout and
/// post-merge. An existing hook is kept (moved to <c>&lt;hook&gt;.lifecycle-chained</c>) and still
/// runs first with the same arguments and standard input; its exit status is the hook's. The
/// Lifecycle part appends one line to <c>.lifecycle/events.spool</c> with shell builtins
/// (<see cref="HookScript"/>) and starts no process, so it never fails a git command and costs it
/// about a millisecond; the next command ingests the line (<see cref="Tracking.EventSpool"/>).
/// </summary>
/// <remarks>
/// The hooks name no executable: moving or upgrading Lifecycle does not break them. Running the
/// installer again rewrites every hook that carries <see cref="Marker"/>, which upgrades the hooks of
/// earlier versions (that ran <c>lifecycle event</c> in the background) to the spool.
/// </remarks>
public static class HookInstaller
{
    /// <summary>The hooks installed and the event each records.</summary>
    public static readonly IReadOnlyDictionary<string, string> Hooks = new Dictionary<string, string>
    {
        ["post-commit"] = "git_commit",
        ["post-checkout"] = "branch_switched",
        ["post-merge"] = "git_commit",
    };

    /// <summary>Marks a hook file as Lifecycle's own.</summary>
    public const string Marker = "# lifecycle-hook";

    /// <summary>Suffix of the user's hook moved aside.</summary>
    public const string ChainedSuffix = ".lifecycle-chained";

    /// <param name="paths">The repository.</param>
    public static IReadOnlyList<HookInstallation> Install(GitPaths paths)
    {
        Directory.CreateDirectory(paths.HooksDirectory);
        var done = new List<HookInstallation>();
        foreach (var hook in Hooks.Keys)
        {
            var file = Path.Combine(paths.HooksDirectory, hook);
            var chained = file + ChainedSuffix;
            var updated = false;
            if (File.Exists(file))
            {
                if (File.ReadAllText(file).Contains(Marker, StringComparison.Ordinal))
                {
                    updated = true;
                }
                else if (!File.Exists(chained))
                {
                    File.Move(file, chained);
                }
                else
                {
                    throw new SessionException(
                        $"{file} is not Lifecycle's, and {chained} exists already; merge the two by hand, then run 'lifecycle init' again.", ErrorKind.Conflict);
                }
            }

            WriteExecutable(file, HookScript.For(hook));
            done.Add(new HookInstallation(hook, file, File.Exists(chained) ? chained : null, updated));
        }

        return done;
    }

    /// <summary>Quotes <paramref name="text"/> for sh.</summary>
    public static string Quote(string text) => $"'{text.Replace("'", "'\\''")}'";

    private static void WriteExecutable(string file, string content)
    {
        var temp = file + ".tmp";
        File.WriteAllText(temp, content.ReplaceLineEndings("\n"), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                                       UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        File.Move(temp, file, overwrite: true);
    }
}
