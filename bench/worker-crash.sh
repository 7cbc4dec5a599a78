#!/usr/bin/env bash
# A job worker killed mid-batch: the web process runs no jobs (Jobs:RunServer=false); a rush of registrations leaves a
# backlog of emails; a separate worker (Summit.Jobs) sends them to a slow SMTP relay (bench/MailBench's sink, DELAY ms a
# message) and is killed with SIGKILL in the middle. A second worker is started at once. The script notes what the dead
# worker had claimed (emails "sending", consequences leased) and times, from the moment the second worker is up
# ("Application started"), until every one of them is done; then until the whole backlog is. Counts emails sent twice
# (the sink sees each Message-ID) and registrations without their email.
# SQLite by default; with SUMMIT_BENCH_POSTGRES as in registration.sh, PostgreSQL for data and Hangfire.
# Usage: bash bench/worker-crash.sh [seconds of the first worker before the kill] [delay ms a message at the relay]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/rush.sh
before=${1:-8}
delay=${2:-100}
engine=SQLite
if [[ -n "${SUMMIT_BENCH_POSTGRES:-}" ]]; then
  engine=PostgreSQL
  database="summit_worker_$(date +%s)"
  export Database__Provider=Postgres
  export ConnectionStrings__Summit="$SUMMIT_BENCH_POSTGRES;Database=$database"
  psql "$(pg_url "$SUMMIT_BENCH_POSTGRES")" -qc "CREATE DATABASE $database" >/dev/null
  sql() { psql "$(pg_url "$ConnectionStrings__Summit")" -tAqc "$1"; }
else
  command -v sqlite3 >/dev/null || { echo "bench: needs sqlite3 (apt-get install sqlite3)" >&2; exit 1; }
fi

# The slow relay, on a free port.
dotnet build bench/MailBench -c Release --nologo -v quiet >/dev/null
smtp_port=""
for candidate in $(seq 52525 52625); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then smtp_port=$candidate; break; fi
done
export Smtp__Host=127.0.0.1 Smtp__Port=$smtp_port Smtp__Security=None
export Jobs__RunServer=false RateLimits__FormsPerMinute=100000000
ulimit -n 65536 2>/dev/null || true
source bench/lib/app.sh
[[ $engine == SQLite ]] && sql() { sqlite3 -cmd ".timeout 10000" "$work/data/summit.db" "$1"; }
dotnet bench/MailBench/bin/Release/net10.0/MailBench.dll sink "$smtp_port" "$delay" >"$work/sink.log" 2>&1 &
sink=$!
dotnet publish src/Summit.Jobs -c Release -o "$work/worker" --nologo -v quiet >/dev/null
workers=()
trap 'kill "${workers[@]}" $sink $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; [[ -n ${BENCH_VERBOSE:-} ]] && cp "$work"/*.log /tmp/ 2>/dev/null; rm -rf "$work"' EXIT

# The backlog: a short rush (the web process queues every consequence; nothing runs them yet).
category=$(curl -fs "$base/2021/register" | grep -o 'id="category-[0-9]*" name="Input.CategoryId" value="[0-9]*"' | head -n 1 | grep -o 'value="[0-9]*"' | grep -o '[0-9]*')
write_rush_lua "$work/rush.lua" "$category" worker
wrk -t2 -c100 -d4s --timeout 30s -s "$work/rush.lua" "$base" >"$work/wrk.out"
registered=$(sql "SELECT COUNT(*) FROM \"Registrations\" WHERE \"Email\" LIKE 'worker-%'")

start_worker() { # $1: log file; prints the pid
  (cd "$work/worker" && exec env Storage__Path="$work/data" Web__PublicUrl="$base" Logging__LogLevel__Default=Warning \
    "Logging__LogLevel__Microsoft.Hosting.Lifetime=Information" dotnet Summit.Jobs.dll >"$1" 2>&1) &
  echo $!
}
status() { sql "SELECT 'mail ' || GROUP_CONCAT(s, ' ') FROM (SELECT \"Status\" || '=' || COUNT(*) AS s FROM \"OutgoingMail\" GROUP BY \"Status\")"; sql "SELECT 'consequences ' || GROUP_CONCAT(s, ' ') FROM (SELECT \"Status\" || '=' || COUNT(*) AS s FROM \"Consequences\" GROUP BY \"Status\")"; }
first=$(start_worker "$work/worker1.log")
workers+=("$first")
# Killed once it is well into the batch: BEFORE seconds after its first email went out.
for _ in $(seq 1 240); do [[ $(sql "SELECT COUNT(*) FROM \"OutgoingMail\" WHERE \"Status\" = 'Sent'") -gt 0 ]] && break; sleep 0.25; done
sleep "$before"
kill -9 "$first"
wait "$first" 2>/dev/null || true
sending=$(sql "SELECT \"Id\" FROM \"OutgoingMail\" WHERE \"Status\" = 'Sending' ORDER BY \"Id\"" | tr '\n' ' ')
leased=$(sql "SELECT \"Id\" FROM \"Consequences\" WHERE \"Status\" = 'Pending' AND \"LeasedUntil\" IS NOT NULL ORDER BY \"Id\"" | tr '\n' ' ')
sent_at_kill=$(sql "SELECT COUNT(*) FROM \"OutgoingMail\" WHERE \"Status\" = 'Sent'")

killed_at=$(date +%s.%N)
second=$(start_worker "$work/worker2.log")
workers+=("$second")
for _ in $(seq 1 240); do grep -q 'Application started' "$work/worker2.log" && break; sleep 0.25; done
up_at=$(date +%s.%N)
in_list() { [[ -z "$1" ]] && echo "0" || echo "$1" | sed 's/ *$//; s/ /,/g'; }
resumed_at=""
drained_at=""
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
for _ in $(seq 1 1200); do
  now=$(date +%s.%N)
  if [[ -z $resumed_at ]]; then
    left=$(sql "SELECT (SELECT COUNT(*) FROM \"OutgoingMail\" WHERE \"Id\" IN ($(in_list "$sending")) AND \"Status\" <> 'Sent') + (SELECT COUNT(*) FROM \"Consequences\" WHERE \"Id\" IN ($(in_list "$leased")) AND \"Status\" <> 'Done')")
    [[ $left == 0 ]] && resumed_at=$now
  fi
  if [[ -n $resumed_at ]]; then
    backlog=$(sql "SELECT (SELECT COUNT(*) FROM \"OutgoingMail\" WHERE \"Status\" IN ('Queued', 'Sending')) + (SELECT COUNT(*) FROM \"Consequences\" WHERE \"Status\" = 'Pending')")
    [[ $backlog == 0 ]] && { drained_at=$now; break; }
  fi
  [[ -n ${BENCH_VERBOSE:-} ]] && echo "$(secs "$up_at" "$now")s: $(status | tr '\n' ' ')" >&2
  kill -0 "$second" 2>/dev/null || { echo "bench: the second worker stopped:" >&2; tail -n 40 "$work/worker2.log" >&2; exit 1; }
  sleep 1
done
kill -TERM "$sink"; wait "$sink" 2>/dev/null || true
missing=$(sql "SELECT COUNT(*) FROM \"Registrations\" r WHERE r.\"Email\" LIKE 'worker-%' AND NOT EXISTS (SELECT 1 FROM \"OutgoingMail\" m WHERE m.\"Entity\" = 'registration:' || r.\"Id\" AND m.\"Status\" = 'Sent')")
mails=$(sql "SELECT COUNT(*) FROM \"OutgoingMail\" WHERE \"Status\" = 'Sent'")
received=$(grep -o 'received [0-9]*' "$work/sink.log" | grep -o '[0-9]*' || echo "?")
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores; $engine; Release build; web without jobs, one worker killed with SIGKILL after ${before}s, a second started at once; relay ${delay} ms a message"
echo "registrations $registered; emails sent before the kill $sent_at_kill"
echo "claimed by the dead worker: $(wc -w <<<"$sending") emails sending, $(wc -w <<<"$leased") consequences leased"
echo "second worker up $(secs "$killed_at" "$up_at")s after the kill; the dead worker's claims all done $( [[ -n $resumed_at ]] && secs "$up_at" "$resumed_at" || echo 'NOT')s after it was up"
echo "backlog drained $( [[ -n $drained_at ]] && secs "$up_at" "$drained_at" || echo 'NOT')s after it was up"
echo "emails sent $mails, messages the relay accepted $received (more: sent twice after the kill); registrations without a sent email: $missing"
