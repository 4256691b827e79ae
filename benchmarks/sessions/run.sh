#!/usr/bin/env bash
# Session benchmark: in one run, on generated repositories with files modified, the wall time of
# `git status --porcelain`, `lifecycle --version`, `lifecycle status`, `lifecycle end` and
# `lifecycle start`, as medians over the rounds, each command against the same round's git status.
#   small  5,000 files in 200 folders, 100 modified (where most users are)
#   large  50,000 files in 2,000 folders, 100 modified
#   huge   200,000 files in 8,000 folders, 100 modified (slow to generate: not run unless named)
# Usage: benchmarks/sessions/run.sh [ROUNDS] [REPOSITORIES]   (defaults 7 "small large";
#        e.g. benchmarks/sessions/run.sh 7 "small large huge")
# LIFECYCLE=path/to/lifecycle measures that executable; otherwise the script publishes it as it
# ships (`dotnet publish src/Lifecycle.Server -c Release`: self-contained, one composite
# ReadyToRun image with the runtime). LIFECYCLE="old/lifecycle new/lifecycle" compares several on
# the same repositories: each round runs the commands of each in turn, so a change in the shared
# machine's load hits all alike. LIFECYCLE_TRACE is cleared: the figures are untraced.
#
# Each round, on the tree with MODIFIED files changed, times in turn git status --porcelain,
# lifecycle --version, lifecycle status, lifecycle end (which puts the files away) and lifecycle
# start (which brings them back; the script checks they came back). For each repository it prints
# the medians, each command's median ratio to git status, and start and end against
# `--version` + git status of the same round (the cost of starting any process plus the cost of
# looking at the tree). What the hooks add to a commit: benchmarks/hooks/run.sh.
# SERVE=1 runs `lifecycle serve` in each repository first (the first executable's), so the CLI
# commands go through the warm server; each round then also times start and end sent straight to
# the HTTP API with curl (no process start-up at all), in the columns "api start" and "api end".
set -euo pipefail
rounds=${1:-7}; repositories=${2:-small large}
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
unset LIFECYCLE_TRACE
if [ -z "${LIFECYCLE:-}" ]; then
    dotnet publish "$root/src/Lifecycle.Server" -c Release -o "$work/bin" -v q -nologo >/dev/null
    LIFECYCLE="$work/bin/lifecycle"
fi
read -r -a executables <<< "$LIFECYCLE"
lifecycle="${executables[0]}"
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { tr ' ' '\n' | sort -n | awk 'NF { a[++n] = $1 } END { print a[int((n + 1) / 2)] }'; }

# measure NAME FILES FOLDERS MODIFIED: generates the repository, runs the rounds, appends the
# summary to $work/summary.
measure() {
    local name=$1 files=$2 folders=$3 modified=$4
    local repo="$work/$name"; mkdir -p "$repo"; cd "$repo"
    git init -q -b main; git config user.name bench; git config user.email bench@example.com; git config gc.auto 0
    python3 - "$files" "$folders" <<'PY'
import os, sys
files, folders = int(sys.argv[1]), int(sys.argv[2])
for i in range(files):
    d = f"src/d{i % folders:04d}"
    os.makedirs(d, exist_ok=True)
    with open(f"{d}/f{i:06d}.txt", "w") as f:
        f.write(f"file {i}\nline two\n")
PY
    mkdir -p .lifecycle && echo '{ "realityChecks": { "builtins": { "diskSpace": { "enabled": false } } } }' > .lifecycle/config.json
    git add -A >/dev/null && git commit -qm "generated tree"
    # Packed like a real repository, and no automatic gc starting in the background mid-measurement.
    git gc -q
    "$lifecycle" init >/dev/null
    "$lifecycle" status >/dev/null 2>&1 || true   # first run of the binary (page cache)
    local server_pid="" url="" token=""
    if [ "${SERVE:-}" = 1 ]; then
        ("$lifecycle" serve >"$work/serve.out" 2>"$work/serve.err") &
        server_pid=$!
        for _ in $(seq 1 600); do [ -f .lifecycle/server.json ] && break; sleep 0.1; done
        url=$(python3 -c "import json; print(json.load(open('.lifecycle/server.json'))['url'])")
        token=$(cat .lifecycle/token)
    fi
    api() { curl -sf -o /dev/null -X POST -H "Authorization: Bearer $token" -H "Content-Type: application/json" -d "$2" "$url/api/sessions/$1"; }
    "$lifecycle" start --yes >/dev/null
    local i n
    for i in $(seq 1 "$modified"); do
        n=$(( (i * 487) % files ))
        printf 'changed %s\n' "$RANDOM" >> "src/d$(printf %04d $(( n % folders )))/f$(printf %06d $n).txt"
    done
    local r x a v s d b
    : > "$work/rounds"
    for r in $(seq 1 "$rounds"); do
        for x in "${!executables[@]}"; do
            local exe="${executables[$x]}"
            # The session works with MODIFIED files changed; end puts them away, the next start
            # brings them back: both commands handle the same files every round.
            a=$(ms git status --porcelain); v=$(ms "$exe" --version); s=$(ms "$exe" status)
            d=$(ms "$exe" end --yes); b=$(ms "$exe" start --yes)
            if [ "$(git status --porcelain -- src | wc -l)" -ne "$modified" ]; then echo "$name, round $r, $exe: the work did not come back" >&2; exit 1; fi
            local ae=0 as=0
            if [ -n "$server_pid" ]; then
                ae=$(ms api end '{"yes":true}'); as=$(ms api start '{"yes":true}')
                if [ "$(git status --porcelain -- src | wc -l)" -ne "$modified" ]; then echo "$name, round $r: the work did not come back through the API" >&2; exit 1; fi
            fi
            echo "$x $a $v $s $d $b $ae $as" >> "$work/rounds"
            echo "$name, round $r, $exe: git status $a ms, --version $v ms, status $s ms, end $d ms, start $b ms${server_pid:+, api end $ae ms, api start $as ms}" >&2
        done
    done
    for x in "${!executables[@]}"; do
        # Columns of $work/rounds: executable, git status, --version, status, end, start (ms).
        col() { awk -v x="$x" -v c="$1" '$1 == x { print $c }' "$work/rounds" | tr '\n' ' ' | median; }
        per() { awk -v x="$x" -v c="$1" '$1 == x { printf "%.2f ", $c / $2 }' "$work/rounds" | median; }
        fixed() { awk -v x="$x" -v c="$1" '$1 == x { printf "%.2f ", $c / ($2 + $3) }' "$work/rounds" | median; }
        {
            echo "$name: $files files in $folders folders, $modified modified; medians of $rounds rounds; ${executables[$x]}"
            echo "  git status --porcelain  $(col 2) ms"
            echo "  lifecycle --version     $(col 3) ms"
            echo "  lifecycle status        $(col 4) ms  ($(per 4)x git status)"
            echo "  lifecycle start         $(col 6) ms  ($(per 6)x git status, $(fixed 6)x --version + git status)"
            echo "  lifecycle end           $(col 5) ms  ($(per 5)x git status, $(fixed 5)x --version + git status)"
            if [ -n "$server_pid" ]; then
                echo "  api start (curl)        $(col 8) ms  ($(per 8)x git status)"
                echo "  api end (curl)          $(col 7) ms  ($(per 7)x git status)"
            fi
        } >> "$work/summary"
    done
    if [ -n "$server_pid" ]; then kill -TERM "$server_pid"; wait "$server_pid" || true; fi
    cd "$work"; rm -rf "$repo"
}

{
    for x in "${!executables[@]}"; do echo "executable $x: ${executables[$x]}, version $("${executables[$x]}" --version)"; done
    echo "load before: $(uptime)"
} > "$work/summary"
for repository in $repositories; do
    case "$repository" in
        small) measure small 5000 200 100 ;;
        large) measure large 50000 2000 100 ;;
        huge) measure huge 200000 8000 100 ;;
        *) echo "unknown repository '$repository': small, large or huge" >&2; exit 2 ;;
    esac
done
echo "load after: $(uptime)" >> "$work/summary"
cat "$work/summary"
