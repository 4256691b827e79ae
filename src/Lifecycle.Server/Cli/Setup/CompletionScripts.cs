namespace Lifecycle.Server.Cli.Setup;

/// <summary>
/// The shell scripts <c>lifecycle completion SHELL</c> prints. Each asks the program being completed
/// for its candidates through System.CommandLine's <c>[suggest:POSITION]</c> directive, passing the
/// line up to the cursor: the program's own parser decides what comes next (subcommands, options,
/// option values, task ids), so the script never goes stale when commands change.
/// </summary>
public static class CompletionScripts
{
    /// <summary>The shells there is a script for.</summary>
    public static IReadOnlyList<string> Shells { get; } = ["bash", "zsh"];

    /// <summary>The script for <paramref name="shell"/> (one of <see cref="Shells"/>).</summary>
    public static string For(string shell) => shell switch
    {
        "bash" => Bash,
        "zsh" => Zsh,
        _ => throw new UsageException($"There is no completion script for '{shell}'. Shells: {string.Join(", ", Shells)}."),
    };

    // The program is the word the user typed (a name on PATH, a path, ~/...), so the script follows
    // 'dotnet tool update' and works for a build run from its folder. The line sent starts with
    // 'lifecycle' whatever was typed, since the parser knows itself by that name. The parser offers
    // candidates that contain the word anywhere, and Windows' help aliases (/?, /h): the scripts
    // keep those that start with it, and no /-aliases.
    private const string Bash = """
        # lifecycle completion for bash. Load it with: source <(lifecycle completion bash)
        # or keep it: lifecycle completion bash > ~/.local/share/bash-completion/completions/lifecycle
        _lifecycle_complete()
        {
            local program="${COMP_WORDS[0]/#\~/$HOME}"
            local line="${COMP_LINE:0:COMP_POINT}"
            line="${line#"${line%%[![:space:]]*}"}"
            line="lifecycle ${line#*[[:space:]]}"
            local current="${COMP_WORDS[COMP_CWORD]}"
            local candidate
            COMPREPLY=()
            while IFS= read -r candidate; do
                if [[ -n "$candidate" && "$candidate" != /* && "$candidate" == "$current"* ]]; then
                    COMPREPLY+=("$candidate")
                fi
            done < <("$program" "[suggest:${#line}]" "$line" 2>/dev/null)
        }
        complete -o bashdefault -o default -F _lifecycle_complete lifecycle

        """;

    private const string Zsh = """
        # lifecycle completion for zsh. Load it with: source <(lifecycle completion zsh)
        # or keep it: lifecycle completion zsh > "${fpath[1]}/_lifecycle"
        _lifecycle()
        {
            local program="${words[1]/#\~/$HOME}"
            local -a parts candidates
            parts=(lifecycle "${(@)words[2,CURRENT-1]}" "$PREFIX")
            local line="${(j: :)parts}"
            candidates=("${(@f)$("$program" "[suggest:${#line}]" "$line" 2>/dev/null)}")
            candidates=("${(@)${(@)candidates:#/*}:#}")
            if (( ${#candidates} )); then
                compadd -- "${candidates[@]}"
            else
                _files
            fi
        }
        if ! (( $+functions[compdef] )); then
            autoload -Uz compinit && compinit
        fi
        compdef _lifecycle lifecycle

        """;
}
