#!/usr/bin/env bash
# Server benchmark: the real `lifecycle serve` on loopback, loaded by an outside client
# (autocannon from npm), in one run with its physical reference.
#   events       POST /api/sessions/current/events as fast as 32 connections go for DURATION s
#                (wrk): events/s, and stored count against the count the server acknowledged (zero
#                loss); then 1,000 events/s for DURATION s (autocannon, which paces): p50/p99 latency.
#   executions   POST /api/workflows/bench/execute (a persisted workflow of three activities) from
#                16 connections: runs/s, against single-row SQLite transactions/s on the same disk
#                (sqlite_rate.py, WAL, synchronous=FULL) measured in the same run.
#   idle         a fresh server left alone for 60 s: RSS and CPU.
# Usage: benchmarks/server/run.sh [DURATION]   (default 20 s per load)
# LIFECYCLE=path/to/lifecycle measures that executable; otherwise the script publishes it as it
# ships (`dotnet publish src/Lifecycle.Server -c Release`). Needs autocannon (npm i -g autocannon),
# wrk (Debian), sqlite3 and python3.
set -euo pipefail
duration=${1:-20}
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"; server_pid=""
cleanup() { [ -n "$server_pid" ] && kill -TERM "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
if [ -z "${LIFECYCLE:-}" ]; then
    dotnet publish "$root/src/Lifecycle.Server" -c Release -o "$work/bin" -v q -nologo >/dev/null
    LIFECYCLE="$work/bin/lifecycle"
fi
command -v autocannon >/dev/null || { echo "autocannon not found: npm install -g autocannon" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 1; }

# serve REPO: starts the server there, sets url, token, server_pid.
serve() {
    local repo=$1
    (cd "$repo" && exec "$LIFECYCLE" serve >"$repo.serve.out" 2>"$repo.serve.err") &
    server_pid=$!
    for _ in $(seq 1 600); do
        [ -f "$repo/.lifecycle/server.json" ] && break
        sleep 0.1
    done
    url=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['url'])" "$repo/.lifecycle/server.json")
    token=$(cat "$repo/.lifecycle/token")
}
stop() { kill -TERM "$server_pid"; wait "$server_pid" || true; server_pid=""; }
field() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$1" "$2"; }

repo="$work/repo"; mkdir -p "$repo"; cd "$repo"
git init -q -b main && git config user.email bench@example.com && git config user.name bench
echo "# bench" > README.md && git add -A && git commit -qm init
"$LIFECYCLE" init >/dev/null
cat > .lifecycle/config.json <<'JSON'
{ "realityChecks": { "builtins": { "diskSpace": { "enabled": false } } } }
JSON
cat > "$work/bench.json" <<'JSON'
{ "id": "bench", "name": "Bench", "persistence": "everyActivity",
  "root": { "type": "Sequence", "activities": [
    { "type": "SetVariable", "variable": "n", "value": 1 },
    { "type": "SetVariable", "variable": "n", "value": { "js": "vars.n + 1" } },
    { "type": "SetOutput", "name": "n", "value": { "js": "vars.n" } } ] } }
JSON
"$LIFECYCLE" workflow publish "$work/bench.json" >/dev/null

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
serve "$repo"
auth="Authorization: Bearer $token"

# Idle first, on the fresh server: RSS and CPU over 60 s (IDLE=0 skips it).
if [ "${IDLE:-1}" != 0 ]; then
    ticks() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }
    sleep 5; before=$(ticks); sleep 60; after=$(ticks)
    hz=$(getconf CLK_TCK); rss=$(awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$server_pid/status")
    idle_cpu=$(python3 -c "print(f'{($after - $before) / $hz / 60 * 100:.2f}')")
    echo "idle: RSS $rss MB, CPU $idle_cpu% over 60 s"
fi

# Executions.
sqlite_rate=$(python3 "$root/benchmarks/server/sqlite_rate.py" "$work/rate.db" "$duration")
autocannon -c 16 -d "$duration" -m POST -H "$auth" -H "Content-Type: application/json" -b '{"input":{}}' \
    --json "$url/api/workflows/bench/execute" > "$work/exec.json" 2>/dev/null
exec_rate=$(field "$work/exec.json" "round(d['requests']['average'])")
exec_ok=$(field "$work/exec.json" "d['2xx']")
stored=$(sqlite3 "$repo/.lifecycle/lifecycle.db" "SELECT COUNT(*) FROM WorkflowInstances WHERE DefinitionId = 'bench' AND Status = 'Finished'")
echo "executions: $exec_rate runs/s (${exec_ok} answered 2xx, $stored stored Finished); raw SQLite: $sqlite_rate, same disk, same run"

# Events.
session=$(curl -sf -X POST -H "$auth" -H "Content-Type: application/json" -d '{"yes":true}' "$url/api/sessions/start" >/dev/null \
    && curl -sf -H "$auth" "$url/api/sessions/current" | python3 -c "import json,sys; d=json.load(sys.stdin); print(d.get('sessionId') or d['session']['sessionId'])")
count_events() { curl -sf -H "$auth" "$url/api/sessions/$session/events?type=file_modified&limit=1" | python3 -c "import json,sys; print(json.load(sys.stdin)['total'])"; }
before_events=$(count_events)
# wrk (C, one thread) for the rate: autocannon's own CPU (node) at 10,000 requests/s would take
# much of the core the server needs on a 2-core machine.
cat > "$work/event.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"type":"file_modified","path":"README.md"}'
wrk.headers["Content-Type"] = "application/json"
LUA
wrk -t1 -c32 -d"${duration}s" -s "$work/event.lua" -H "$auth" "$url/api/sessions/current/events" > "$work/events.txt"
rate=$(awk '/^Requests\/sec/ { print int($2) }' "$work/events.txt")
answered=$(awk '/ requests in / { print $1 }' "$work/events.txt")
non2xx=$(awk '/Non-2xx/ { print $NF }' "$work/events.txt"); non2xx=${non2xx:-0}
sent=$((answered - non2xx))
after_events=$(count_events)
echo "events: $rate events/s sustained over ${duration} s; acknowledged $sent, stored $((after_events - before_events))"
autocannon -c 16 -d "$duration" --overallRate 1000 -m POST -H "$auth" -H "Content-Type: application/json" \
    -b '{"type":"file_modified","path":"README.md"}' --json "$url/api/sessions/current/events" > "$work/paced.json" 2>/dev/null
echo "events at 1,000/s: p50 $(field "$work/paced.json" "d['latency']['p50']") ms, p99 $(field "$work/paced.json" "d['latency']['p99']") ms, $(field "$work/paced.json" "d['non2xx']") non-2xx"
stop
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
