#!/usr/bin/env bash
# Session benchmark: on a generated repository of 50,000 files in 2,000 folders with 100 of them
# modified, measure in one run the wall time of `lifecycle start`, `lifecycle end` and
# `git status --porcelain`, and what the hooks add to a commit.
# Usage: benchmarks/sessions/run.sh [FILES] [FOLDERS] [MODIFIED] [ROUNDS]   (defaults 50000 2000 100 5)
#
# lifecycle is measured as shipped: the publish profile 'executable' (self-contained, one composite
# ReadyToRun image with the runtime, so next to nothing is compiled at start-up).
# Each round times `git status --porcelain` on the tree with MODIFIED files changed, `lifecycle end`
# (which puts them away) and `lifecycle start` (which brings them back); the figures are medians
# over the rounds, each command compared with that round's git status.
set -euo pipefail
files=${1:-50000}; folders=${2:-2000}; modified=${3:-100}; rounds=${4:-5}
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
dotnet publish "$root/src/Lifecycle.Server" -p:PublishProfile=executable -o "$work/bin" -v q -nologo >/dev/null
lifecycle="$work/bin/lifecycle"
repo="$work/repo"; mkdir -p "$repo"; cd "$repo"
git init -q -b main; git config user.name bench; git config user.email bench@example.com; git config gc.auto 0
python3 - "$files" "$folders" <<'PY'
import os, sys
files, folders = int(sys.argv[1]), int(sys.argv[2])
for i in range(files):
    d = f"src/d{i % folders:04d}"
    os.makedirs(d, exist_ok=True)
    with open(f"{d}/f{i:05d}.txt", "w") as f:
        f.write(f"file {i}\nline two\n")
PY
mkdir -p .lifecycle && echo '{ "realityChecks": { "builtins": { "diskSpace": { "enabled": false } } } }' > .lifecycle/config.json
git add -A >/dev/null && git commit -qm "generated tree"
# Packed like a real repository, and no automatic gc starting in the background mid-measurement.
git gc -q
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
modify() { for i in $(seq 1 "$modified"); do n=$(( (i * 487) % files )); printf 'changed %s\n' "$RANDOM" >> "src/d$(printf %04d $(( n % folders )))/f$(printf %05d $n).txt"; done; }
median() { tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
"$lifecycle" init >/dev/null
"$lifecycle" status >/dev/null 2>&1 || true   # first run of the binary (page cache)
"$lifecycle" start --yes >/dev/null
modify
starts=(); ends=(); sts=(); rs=(); re=()
for r in $(seq 1 "$rounds"); do
    # The session works with MODIFIED files changed; end puts them away, the next start brings
    # them back: both commands handle the same MODIFIED files every round.
    a=$(ms git status --porcelain); d=$(ms "$lifecycle" end --yes)
    b=$(ms "$lifecycle" start --yes)
    if [ "$(git status --porcelain -- src | wc -l)" -ne "$modified" ]; then echo "round $r: the work did not come back" >&2; exit 1; fi
    sts+=("$a"); starts+=("$b"); ends+=("$d")
    rs+=("$(awk "BEGIN{printf \"%.2f\", $b/$a}")"); re+=("$(awk "BEGIN{printf \"%.2f\", $d/$a}")")
    echo "round $r: git status ${a} ms, end ${d} ms, start ${b} ms"
done
# Hooks: time commits with the Lifecycle hooks, then without them (hooks moved away); medians.
withs=(); withouts=()
for i in $(seq 1 "$rounds"); do echo "x$i" >> README.txt; git add README.txt; withs+=("$(ms git commit -qm "with hooks $i")"); done
mv .git/hooks .git/hooks.off; mkdir .git/hooks
for i in $(seq 1 "$rounds"); do echo "y$i" >> README.txt; git add README.txt; withouts+=("$(ms git commit -qm "without hooks $i")"); done
rm -rf .git/hooks; mv .git/hooks.off .git/hooks
with_ms=$(echo "${withs[*]}" | median); without_ms=$(echo "${withouts[*]}" | median)
# The same commands on a one-file repository: what a command costs before any work on the tree.
small="$work/small"; mkdir -p "$small"; cd "$small"
git init -q -b main; git config user.name bench; git config user.email bench@example.com
echo a > a.txt; git add a.txt; git commit -qm one; "$lifecycle" init >/dev/null; "$lifecycle" start --yes >/dev/null
small_starts=(); small_ends=()
for r in $(seq 1 "$rounds"); do
    echo "$r" >> a.txt
    small_ends+=("$(ms "$lifecycle" end --yes)"); small_starts+=("$(ms "$lifecycle" start --yes)")
done
echo "repository: $files files in $folders folders, $modified modified, $rounds rounds (medians)"
echo "git status --porcelain: $(echo "${sts[*]}" | median) ms"
echo "lifecycle start: $(echo "${starts[*]}" | median) ms ($(echo "${rs[*]}" | median)x git status)"
echo "lifecycle end: $(echo "${ends[*]}" | median) ms ($(echo "${re[*]}" | median)x git status)"
echo "commit with hooks: ${with_ms} ms, without: ${without_ms} ms, hooks add $(( with_ms - without_ms )) ms"
echo "one-file repository: start $(echo "${small_starts[*]}" | median) ms, end $(echo "${small_ends[*]}" | median) ms (the cost of a command before any work on the tree)"
rm -rf "$work"
