#!/usr/bin/env bash
# Hook benchmark: what Lifecycle's git hooks add to a commit. Three fresh one-file repositories:
# without hooks, with an empty post-commit hook (`exit 0`: what git spends to start any hook), and
# after `lifecycle init`. hyperfine times N empty commits in a row in each (RUNS runs after 2
# warm-ups); this prints the medians per commit and what the hooks add, then checks that the spool
# holds one line for every commit made with the hooks.
# Usage: benchmarks/hooks/run.sh [N] [RUNS]   (defaults 50 10)
# Needs hyperfine (Debian: apt-get install -y hyperfine). LIFECYCLE=path/to/lifecycle skips the build.
set -euo pipefail
n=${1:-50}; runs=${2:-10}; warmup=2
root="$(cd "$(dirname "$0")/../.." && pwd)"
command -v hyperfine >/dev/null || { echo "hyperfine not found: apt-get install -y hyperfine" >&2; exit 1; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
if [ -z "${LIFECYCLE:-}" ]; then
    dotnet build "$root/src/Lifecycle.Server" -c Release -o "$work/bin" -v q -nologo >/dev/null
    LIFECYCLE="$work/bin/lifecycle"
fi
# Only the repositories' own configuration: no user or system hooks, hooksPath or templates.
export HOME="$work" GIT_CONFIG_NOSYSTEM=1 GIT_TEMPLATE_DIR=""
for name in plain empty hooked; do
    mkdir -p "$work/$name"; cd "$work/$name"
    git init -q -b main; git config user.name bench; git config user.email bench@example.com; git config gc.auto 0
    echo a > a.txt; git add a.txt; git commit -qm one
done
mkdir -p "$work/empty/.git/hooks"; printf '#!/bin/sh\nexit 0\n' > "$work/empty/.git/hooks/post-commit"; chmod +x "$work/empty/.git/hooks/post-commit"
"$LIFECYCLE" --repo "$work/hooked" init >/dev/null
cat > "$work/commits.sh" <<'SH'
cd "$1" && i=0 && while [ $i -lt "$2" ]; do git commit -q --allow-empty -m "c$i" || exit 1; i=$((i + 1)); done
SH
hyperfine --shell=none --warmup "$warmup" --runs "$runs" --export-csv "$work/times.csv" \
    -n "without hooks" "sh $work/commits.sh $work/plain $n" \
    -n "with an empty hook" "sh $work/commits.sh $work/empty $n" \
    -n "with Lifecycle's hooks" "sh $work/commits.sh $work/hooked $n"
# times.csv: command,mean,stddev,median,user,system,min,max (seconds)
awk -F, -v n="$n" -v runs="$runs" 'NR > 1 { median[NR - 1] = $4 * 1000 / n; sd[NR - 1] = $3 * 1000 / n }
    END { printf "per commit, median of %d runs of %d commits: %.2f ms without hooks, %.2f ms with an empty hook, %.2f ms with Lifecycle'"'"'s hooks\n", runs, n, median[1], median[2], median[3]
          printf "Lifecycle'"'"'s hooks add %.2f ms per commit (%.2f ms of them git starting a hook at all, %.2f ms the hook'"'"'s own work); stddev per commit %.2f / %.2f / %.2f ms\n",
                 median[3] - median[1], median[2] - median[1], median[3] - median[2], sd[1], sd[2], sd[3] }' "$work/times.csv"
expected=$(( (warmup + runs) * n ))
spooled=$(grep -c '^v1 post-commit ' "$work/hooked/.lifecycle/events.spool")
echo "spool: $spooled lines for $expected commits"
[ "$spooled" -eq "$expected" ]
