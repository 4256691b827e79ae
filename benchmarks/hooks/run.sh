#!/usr/bin/env bash
# Hook benchmark: what Lifecycle's git hooks add to a commit. Three fresh one-file repositories:
# without hooks, with an empty post-commit hook (`exit 0`: what git spends to start any hook), and
# after `lifecycle init`. Each round, hyperfine times N empty commits in a row in each repository
# in turn (interleaved, so a change in the machine's load hits all three alike); this prints the
# medians over the rounds per commit and what the hooks add, then checks that the spool holds one
# line for every commit made with the hooks.
# Usage: benchmarks/hooks/run.sh [N] [ROUNDS]   (defaults 20 15; one more round first, as warm-up)
# Needs hyperfine (Debian: apt-get install -y hyperfine). LIFECYCLE=path/to/lifecycle skips the build.
set -euo pipefail
n=${1:-20}; rounds=${2:-15}
root="$(cd "$(dirname "$0")/../.." && pwd)"
command -v hyperfine >/dev/null || { echo "hyperfine not found: apt-get install -y hyperfine" >&2; exit 1; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
if [ -z "${LIFECYCLE:-}" ]; then
    dotnet build "$root/src/Lifecycle.Server" -c Release -o "$work/bin" -v q -nologo >/dev/null
    LIFECYCLE="$work/bin/lifecycle"
fi
# Only the repositories' own configuration: no user or system hooks, hooksPath or templates.
export HOME="$work" GIT_CONFIG_NOSYSTEM=1 GIT_TEMPLATE_DIR=""
variants="plain empty hooked"
for name in $variants; do
    mkdir -p "$work/$name/.git/hooks"; cd "$work/$name"
    git init -q -b main; git config user.name bench; git config user.email bench@example.com; git config gc.auto 0
    echo a > a.txt; git add a.txt; git commit -qm one
done
printf '#!/bin/sh\nexit 0\n' > "$work/empty/.git/hooks/post-commit"; chmod +x "$work/empty/.git/hooks/post-commit"
"$LIFECYCLE" --repo "$work/hooked" init >/dev/null
cat > "$work/commits.sh" <<'SH'
cd "$1" && i=0 && while [ $i -lt "$2" ]; do git commit -q --allow-empty -m "c$i" || exit 1; i=$((i + 1)); done
SH
# One line per round and variant: variant, wall ms, user + system ms (for N commits).
for round in $(seq 0 "$rounds"); do
    for name in $variants; do
        hyperfine --shell=none --runs 1 --style none --export-csv "$work/run.csv" "sh $work/commits.sh $work/$name $n" >/dev/null
        [ "$round" -eq 0 ] || awk -F, -v name="$name" 'NR == 2 { printf "%s %f %f\n", name, $2 * 1000, ($5 + $6) * 1000 }' "$work/run.csv" >> "$work/times"
    done
done
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
for name in $variants; do
    eval "wall_$name=$(awk -v v="$name" -v n="$n" '$1 == v { print $2 / n }' "$work/times" | median)"
    eval "cpu_$name=$(awk -v v="$name" -v n="$n" '$1 == v { print $3 / n }' "$work/times" | median)"
done
awk -v r="$rounds" -v n="$n" -v p="$wall_plain" -v e="$wall_empty" -v h="$wall_hooked" -v cp="$cpu_plain" -v ce="$cpu_empty" -v ch="$cpu_hooked" 'BEGIN {
    printf "per commit, median of %d rounds of %d commits: %.2f ms without hooks, %.2f ms with an empty hook, %.2f ms with Lifecycle'"'"'s hooks\n", r, n, p, e, h
    printf "Lifecycle'"'"'s hooks add %.2f ms per commit: %.2f ms for git to start a hook at all, %.2f ms the hook'"'"'s own work\n", h - p, e - p, h - e
    printf "CPU time (user + system) per commit: %.2f / %.2f / %.2f ms: the hooks add %.2f ms of CPU\n", cp, ce, ch, ch - cp }'
expected=$(( (rounds + 1) * n ))
spooled=$(grep -c '^v1 post-commit ' "$work/hooked/.lifecycle/events.spool")
echo "spool: $spooled lines for $expected commits"
[ "$spooled" -eq "$expected" ]
