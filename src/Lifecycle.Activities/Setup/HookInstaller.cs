using System.Text;

namespace Lifecycle.Activities.Setup;

/// <summary>
/// Installs the git hooks that feed a session's tracking: post-commit, post-checkout and
/// post-merge. An existing hook is kept (moved to <c>&lt;hook&gt;.lifecycle-chained</c>) and still
/// runs first with the same arguments and standard input; its exit status is the hook's. The
/// Lifecycle part runs in the background with all output discarded, so it never fails a git
/// command and adds only the cost of starting a shell to it.
/// </summary>
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

    /// <summary>
    /// When set in the environment, the hook runs the command in the foreground (tests read what
    /// it recorded without waiting on a background process).
    /// </summary>
    public const string SyncVariable = "LIFECYCLE_HOOK_SYNC";

    /// <param name="paths">The repository.</param>
    /// <param name="lifecycleCommand">The command line that runs lifecycle, already quoted for sh (e.g. the executable's path).</param>
    public static IReadOnlyList<HookInstallation> Install(GitPaths paths, string lifecycleCommand)
    {
        Directory.CreateDirectory(paths.HooksDirectory);
        var done = new List<HookInstallation>();
        foreach (var (hook, eventName) in Hooks)
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

            WriteExecutable(file, Script(hook, eventName, lifecycleCommand));
            done.Add(new HookInstallation(hook, file, File.Exists(chained) ? chained : null, updated));
        }

        return done;
    }

    /// <summary>The hook script: chain first, then record in the background, for the working tree git runs it in.</summary>
    internal static string Script(string hook, string eventName, string lifecycleCommand) =>
        $$"""
        #!/bin/sh
        {{Marker}}: records {{hook}} for the current lifecycle session; never fails the git command.
        # Installed by 'lifecycle init'. Your previous {{hook}} hook, if any, is {{hook}}{{ChainedSuffix}} and runs first.
        # git runs it from the top of the working tree the command ran in, so one hook serves every
        # worktree of the repository, and a repository moved elsewhere.
        status=0
        chained="$(dirname "$0")/{{hook}}{{ChainedSuffix}}"
        if [ -x "$chained" ]; then
          "$chained" "$@"
          status=$?
        fi
        if [ -n "${{{SyncVariable}}}" ]; then
          {{lifecycleCommand}} --repo "$PWD" event {{eventName}} --quiet --hook {{hook}} -- "$@" </dev/null >/dev/null 2>&1
        else
          ( {{lifecycleCommand}} --repo "$PWD" event {{eventName}} --quiet --hook {{hook}} -- "$@" </dev/null >/dev/null 2>&1 & ) >/dev/null 2>&1
        fi
        exit $status

        """;

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
