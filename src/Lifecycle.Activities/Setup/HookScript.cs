using Lifecycle.Activities.Tracking;

namespace Lifecycle.Activities.Setup;

/// <summary>
/// The text of a Lifecycle git hook: POSIX sh (dash runs it) that chains the user's own hook, then
/// appends one line to <see cref="LifecyclePaths.EventSpool"/> with a single <c>&gt;&gt;</c> write.
/// </summary>
/// <remarks>
/// <para>
/// Every fork costs about a millisecond, so the script uses builtins only: <c>read</c> takes the
/// time from <c>/proc/uptime</c> (the boot clock, turned into wall-clock time when the line is
/// ingested, see <see cref="SpoolClock"/>) and HEAD from the git folder's files. It forks
/// <c>date</c> once per boot (to anchor that boot's clock), and on systems without
/// <c>/proc</c>; <c>git rev-parse</c> only when HEAD's branch is not a loose ref (reftable).
/// </para>
/// <para>The line format is <see cref="SpoolLine"/>'s; the leading newline ends whatever a crash may have left half-written.</para>
/// </remarks>
internal static class HookScript
{
    /// <summary>Relative to the working tree's root, where git runs hooks.</summary>
    private static readonly LifecyclePaths Relative = new(".");

    public static string For(string hook)
    {
        var state = Sh(Relative.StateFolder);
        var spool = Sh(Relative.EventSpool);
        var clock = Sh(Path.Combine(Relative.EventsFolder, SpoolClock.AnchorPrefix));
        var chained = hook + HookInstaller.ChainedSuffix;
        var onlyBranchCheckouts = hook == "post-checkout"
            ? "# A file checkout (flag 0) is not worth recording.\n[ \"$3\" = 1 ] || exit $status\n"
            : "";
        return $$"""
            #!/bin/sh
            {{HookInstaller.Marker}}: records {{hook}} for lifecycle; never fails the git command.
            # Installed by 'lifecycle init'. Your previous {{hook}} hook, if any, is {{chained}}
            # and runs first; its exit status is this hook's. Then one line goes to {{spool}} of the
            # working tree git runs the hook in (nothing without {{state}}/), for the next lifecycle
            # command to record. Shell builtins only: the git command waits for no other process.
            status=0
            case $0 in */*) chained=${0%/*}/{{chained}} ;; *) chained=./{{chained}} ;; esac
            if [ -x "$chained" ]; then
              "$chained" "$@"
              status=$?
            fi
            {{onlyBranchCheckouts}}[ -d {{state}} ] || exit $status
            {
              # The boot clock, read without a fork; once per boot, its wall-clock time (for lines
              # ingested after a reboot). No /proc: the wall clock, at the price of a fork.
              if read -r up _ </proc/uptime && read -r boot </proc/sys/kernel/random/boot_id; then
                at=$boot+$up
                [ -f {{clock}}$boot ] || printf '%s %s\n' "$up" "$(date +%s.%N)" >{{clock}}$boot
              else
                at=@$(date +%s)
              fi
              # This working tree's git folder: .git, a .git file naming it (linked worktree,
              # submodule), or GIT_DIR when git sets it.
              g=${GIT_DIR:-.git}
              if [ -f "$g" ]; then read -r g <"$g"; g=${g#gitdir: }; fi
              h=
              read -r h <"$g/HEAD"
              case $h in
                "ref: refs/heads/.invalid") head=$(git symbolic-ref -q HEAD) || head=- ;;
                "ref: "*) head=${h#ref: } ;;
                *) head=-
                   r=
                   read -r r <"$g/rebase-merge/head-name" || read -r r <"$g/rebase-apply/head-name"
                   case $r in refs/*) head=rebase:$r ;; esac ;;
              esac
            {{Record(hook)}}
            } 2>/dev/null
            exit $status

            """;
    }

    private static string Record(string hook) => hook switch
    {
        "post-checkout" => $"  printf '\\n{SpoolLine.Version} post-checkout %s %s - %s %s %s\\n' \"$at\" \"$head\" \"$1\" \"$2\" \"$3\" >>{Sh(Relative.EventSpool)}",
        "post-merge" => Resolve() + $"\n  printf '\\n{SpoolLine.Version} post-merge %s %s %s %s\\n' \"$at\" \"$head\" \"$sha\" \"$1\" >>{Sh(Relative.EventSpool)}",
        _ => Resolve() + $"\n  printf '\\n{SpoolLine.Version} {hook} %s %s %s\\n' \"$at\" \"$head\" \"$sha\" >>{Sh(Relative.EventSpool)}",
    };

    // HEAD's commit: the detached HEAD itself, or the branch's loose ref in the folder shared by
    // all worktrees (git writes a loose ref when it moves a branch); git rev-parse otherwise.
    private static string Resolve() =>
        """
          sha=$h
          case $h in "ref: "*)
            c=${GIT_COMMON_DIR-}
            if [ -z "$c" ]; then
              read -r c <"$g/commondir"
              case $c in '') c=$g ;; /*) ;; *) c=$g/$c ;; esac
            fi
            sha=
            read -r sha <"$c/$head" ;;
          esac
          case $sha in
            [0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]*) ;;
            *) sha=$(git rev-parse -q --verify HEAD) || sha=- ;;
          esac
        """;

    // The paths hold no characters sh would interpret; '/' also on Windows, where Git's sh runs hooks.
    private static string Sh(string path) => path.Replace('\\', '/');
}
