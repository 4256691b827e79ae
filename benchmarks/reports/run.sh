#!/usr/bin/env bash
# Reports benchmark: `lifecycle report --all --format html --out F` (and --format json) on a real
# repository whose .lifecycle/lifecycle.db holds SESSIONS closed sessions (default 1,000, about
# 20 events each), seeded through the product's own store (benchmarks/reports/Seeder: SessionContexts
# and events written with SqliteSessionStore, as the CLI writes them), timed by hyperfine beside
# two comparisons measured in the same run on the same repository:
#   sqlite3    reading the same rows (every session and every event) with the sqlite3 shell
#   version    `lifecycle --version`: starting the executable at all
# Goal (docs/PERFORMANCE.md, Reports): the HTML report of 1,000 sessions in at most 1 s.
# After the seeding, one more session is run through the product (start, commit, end), for the
# one-session report.
# Usage: benchmarks/reports/run.sh [SESSIONS] [RUNS]        (defaults 1000 10)
# LIFECYCLE=path/to/lifecycle measures that executable; otherwise the script publishes it as it
# ships (`dotnet publish src/Lifecycle.Server -c Release`). Needs hyperfine and sqlite3
# (Debian: apt-get install -y hyperfine sqlite3).
set -euo pipefail
sessions=${1:-1000}; runs=${2:-10}
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
for tool in hyperfine sqlite3; do
    command -v "$tool" >/dev/null || { echo "$tool not found: apt-get install -y $tool" >&2; exit 1; }
done
unset LIFECYCLE_TRACE
if [ -z "${LIFECYCLE:-}" ]; then
    dotnet publish "$root/src/Lifecycle.Server" -c Release -o "$work/bin" -v q -nologo >/dev/null
    LIFECYCLE="$work/bin/lifecycle"
fi
dotnet build "$root/benchmarks/reports/Seeder" -c Release -o "$work/seeder" -v q -nologo >/dev/null

repo="$work/repo"; mkdir -p "$repo"; cd "$repo"
git init -q -b main; git config user.name bench; git config user.email bench@example.com
mkdir -p .lifecycle && echo '{ "realityChecks": { "builtins": { "diskSpace": { "enabled": false } } } }' > .lifecycle/config.json
echo "bench" > README.md; git add -A; git commit -qm "bench repository"
"$LIFECYCLE" init >/dev/null
dotnet "$work/seeder/ReportSeeder.dll" "$repo" "$sessions"
# One more session run through the product (start, a commit, end), whose handoff the one-session report reads.
"$LIFECYCLE" start --yes >/dev/null; echo "more" >> README.md; git commit -qam "work"; "$LIFECYCLE" end --yes >/dev/null
events=$(sqlite3 .lifecycle/lifecycle.db "select count(*) from SessionEvents")
echo "$((sessions + 1)) sessions, $events events in $(du -h .lifecycle/lifecycle.db | cut -f1) .lifecycle/lifecycle.db"

"$LIFECYCLE" report --all --format html --out "$work/all.html" 2>/dev/null   # first run (page cache)
hyperfine --shell=none --warmup 2 --runs "$runs" --style basic --export-markdown "$work/times.md" \
    -n "report --all --format html" "$LIFECYCLE --repo $repo report --all --format html --out $work/all.html" \
    -n "report --all --format json" "$LIFECYCLE --repo $repo report --all --format json --out $work/all.json" \
    -n "report (one session, html)" "$LIFECYCLE --repo $repo report --format html --out $work/one.html" \
    -n "sqlite3: the same rows" "sqlite3 $repo/.lifecycle/lifecycle.db 'select * from Sessions; select * from SessionEvents;'" \
    -n "lifecycle --version" "$LIFECYCLE --version" >/dev/null 2>&1 || true
cat "$work/times.md"
echo "HTML: $(du -h "$work/all.html" | cut -f1), $(grep -o '<svg' "$work/all.html" | wc -l) charts"
