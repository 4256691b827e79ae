#!/usr/bin/env bash
# Dashboard benchmark (issue 10): the pages of the real `lifecycle serve` on a database of COUNT
# instances (default 100,000) and one instance with a 10,000-entry journal, seeded through the
# engine by benchmarks/dashboard/seed-instances, and SESSIONS closed sessions (default 1,000, about
# 20 events each) seeded through the session store by benchmarks/reports/Seeder. Times, with
# hyperfine, signed in with the dashboard's cookie:
#   GET /sessions                    the sessions list (50 rows, newest first, with their scores)
#   GET /sessions?score=50           the list filtered by a minimum score (every session's figures)
#   GET /sessions/{id}               one closed session
#   GET /reports                     the report across all sessions, its eight charts drawn
#   lifecycle report --all --format html --out F   the CLI, through the running server
#   GET /instances                   the first page of the list (50 rows, newest first, with the total)
#   GET /instances?status=Faulted    the list filtered (about 10% of the instances)
#   GET /instances?workflow=deploy&status=Finished   two filters (about 55%)
#   GET /instances/{big}             the long instance (its first 200 journal entries)
#   GET /instances/{big}?after=9800  its last page
# next to references measured in the same run: `sqlite3` counting the rows (the database alone)
# and the JSON API's GET /api/instances and GET /api/instances/{big}/journal?limit=200.
# Usage: benchmarks/dashboard/run.sh [COUNT] [SESSIONS]
# LIFECYCLE=path/to/lifecycle measures that executable; otherwise the script publishes it as it
# ships (`dotnet publish src/Lifecycle.Server -c Release`). Needs hyperfine, sqlite3, python3.
set -euo pipefail
count=${1:-100000}; sessions=${2:-1000}
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"; server_pid=""
cleanup() { [ -n "$server_pid" ] && kill -TERM "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
command -v hyperfine >/dev/null || { echo "hyperfine not found: apt-get install hyperfine" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 not found: apt-get install sqlite3" >&2; exit 1; }
if [ -z "${LIFECYCLE:-}" ]; then
    dotnet publish "$root/src/Lifecycle.Server" -c Release -o "$work/bin" -v q -nologo >/dev/null
    LIFECYCLE="$work/bin/lifecycle"
fi
dotnet build "$root/benchmarks/dashboard/seed-instances" -c Release -v q -nologo >/dev/null
seed="$root/benchmarks/dashboard/seed-instances/bin/Release/net10.0/seed-instances.dll"
dotnet build "$root/benchmarks/reports/Seeder" -c Release -o "$work/session-seeder" -v q -nologo >/dev/null

repo="$work/repo"; mkdir -p "$repo"; cd "$repo"
git init -q -b main && git config user.email bench@example.com && git config user.name bench
echo "# bench" > README.md && git add -A && git commit -qm init
"$LIFECYCLE" init >/dev/null
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$seed" "$repo" "$count" | tee "$work/seed.out"
big=$(tail -n 1 "$work/seed.out")
dotnet "$work/session-seeder/ReportSeeder.dll" "$repo" "$sessions"
db="$repo/.lifecycle/lifecycle.db"
echo "sessions: $(sqlite3 "$db" "SELECT COUNT(*) FROM Sessions"), events: $(sqlite3 "$db" "SELECT COUNT(*) FROM SessionEvents")"
one=$(sqlite3 "$db" "SELECT Id FROM Sessions ORDER BY Id LIMIT 1 OFFSET 500")
echo "database: $(du -h "$db" | cut -f1), $(sqlite3 "$db" "SELECT COUNT(*) FROM WorkflowInstances") instances, $(sqlite3 "$db" "SELECT COUNT(*) FROM WorkflowInstances WHERE Status = 'Faulted'") faulted"

("$LIFECYCLE" serve >"$work/serve.out" 2>"$work/serve.err") &
server_pid=$!
for _ in $(seq 1 600); do grep -q "login?code=" "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
login=$(grep -o "http://[^ ]*/login?code=[^ ]*" "$work/serve.out" | head -n 1)
url=${login%%/login*}
token=$(cat .lifecycle/token)
curl -sf -c "$work/cookies" -o /dev/null "$login"

# Each page must answer 200 with its rows before it is timed.
check() { local status; status=$(curl -s -b "$work/cookies" -o "$work/page.html" -w '%{http_code}' "$url$1"); [ "$status" = 200 ] || { echo "GET $1 answered $status" >&2; exit 1; }; echo "GET $1: $(grep -c '<tr data-' "$work/page.html") rows, $(wc -c < "$work/page.html") bytes"; }
for path in "/sessions" "/sessions?score=50" "/sessions/$one" "/reports" "/instances" "/instances?status=Faulted" "/instances?workflow=deploy&status=Finished" "/instances/$big" "/instances/$big?after=9800"; do check "$path"; done

page() { echo "curl -sf -b $work/cookies -o /dev/null $url$1"; }
api() { echo "curl -sf -H 'Authorization: Bearer $token' -o /dev/null $url$1"; }
hyperfine -N --warmup 3 --runs "${RUNS:-20}" --export-json "$work/times.json" \
    -n "sqlite3 COUNT(*)" "sqlite3 $db 'SELECT COUNT(*) FROM WorkflowInstances'" \
    -n "sqlite3 every session and event" "sqlite3 $db 'SELECT * FROM Sessions; SELECT * FROM SessionEvents'" \
    -n "GET /sessions" "$(page "/sessions")" \
    -n "GET /sessions?score=50" "$(page "/sessions?score=50")" \
    -n "GET /sessions/{id}" "$(page "/sessions/$one")" \
    -n "GET /reports" "$(page "/reports")" \
    -n "report --all --format html" "$LIFECYCLE --repo $repo report --all --format html --out $work/all.html" \
    -n "GET /api/instances" "$(api "/api/instances")" \
    -n "GET /instances" "$(page "/instances")" \
    -n "GET /instances?status=Faulted" "$(page "/instances?status=Faulted")" \
    -n "GET /instances?workflow=deploy&status=Finished" "$(page "/instances?workflow=deploy&status=Finished")" \
    -n "GET /api/instances/{big}/journal?limit=200" "$(api "/api/instances/$big/journal?limit=200")" \
    -n "GET /instances/{big}" "$(page "/instances/$big")" \
    -n "GET /instances/{big}?after=9800" "$(page "/instances/$big?after=9800")" >/dev/null
python3 - "$work/times.json" <<'PY'
import json, sys
print(f"{'':48} {'mean':>9} {'median':>9} {'max':>9}")
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"{r['command']:48} {r['mean']*1000:7.1f}ms {r['median']*1000:7.1f}ms {r['max']*1000:7.1f}ms")
PY
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
