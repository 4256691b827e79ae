#!/usr/bin/env bash
# Session benchmark: on a generated repository of 50,000 files in 2,000 folders with 100 of them
# modified, measure in one run the wall time of `lifecycle start`, `lifecycle end` and
# `git status --porcelain`, and what the hooks add to a commit.
# Usage: benchmarks/sessions/run.sh [FILES] [FOLDERS] [MODIFIED]   (defaults 50000 2000 100)
set -euo pipefail
files=${1:-50000}; folders=${2:-2000}; modified=${3:-100}
root="$(cd "$(dirname "$0")/../.." && pwd)"
dotnet build -c Release "$root/src/Lifecycle.Server" -v q -nologo >/dev/null
lifecycle="$root/src/Lifecycle.Server/bin/Release/net10.0/lifecycle"
repo="$(mktemp -d)/repo"; mkdir -p "$repo"; cd "$repo"
git init -q -b main; git config user.name bench; git config user.email bench@example.com
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
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
modify() { for i in $(seq 1 "$modified"); do n=$(( (i * 487) % files )); printf 'changed %s\n' "$RANDOM" >> "src/d$(printf %04d $(( n % folders )))/f$(printf %05d $n).txt"; done; }
"$lifecycle" init >/dev/null
warm=$(ms "$lifecycle" status)   # first run of the binary (JIT, page cache)
modify
status_ms=$(ms git status --porcelain)
start_ms=$(ms "$lifecycle" start --yes)
modify
status2_ms=$(ms git status --porcelain)
end_ms=$(ms "$lifecycle" end --yes)
# Hooks: time a commit with the Lifecycle hooks, then without them (hooks moved away).
echo x >> README.txt; git add README.txt
with_ms=$(ms git commit -qm "with hooks")
mv .git/hooks .git/hooks.off; mkdir .git/hooks
echo y >> README.txt; git add README.txt
without_ms=$(ms git commit -qm "without hooks")
rm -rf .git/hooks; mv .git/hooks.off .git/hooks
echo "repository: $files files in $folders folders, $modified modified"
echo "git status --porcelain: ${status_ms} ms (before start), ${status2_ms} ms (before end)"
echo "lifecycle start: ${start_ms} ms ($(awk "BEGIN{printf \"%.1f\", $start_ms/$status_ms}")x git status)"
echo "lifecycle end: ${end_ms} ms ($(awk "BEGIN{printf \"%.1f\", $end_ms/$status2_ms}")x git status)"
echo "commit with hooks: ${with_ms} ms, without: ${without_ms} ms, hooks add $(( with_ms - without_ms )) ms"
echo "(first lifecycle run, for scale: ${warm} ms)"
