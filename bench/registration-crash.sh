#!/usr/bin/env bash
# The registration rush with a crash: 1,000 clients register (as in registration.sh) while the web process, which
# also runs the jobs, is killed with SIGKILL after a few seconds; it is started again on the same data, and once the
# consequences have been carried out the script counts committed registrations without their email row (must be 0)
# and consequences still pending or failed. SQLite by default; SUMMIT_BENCH_POSTGRES as in registration.sh.
# Usage: bash bench/registration-crash.sh [seconds before the kill] [clients]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/rush.sh
before=${1:-6}
connections=${2:-1000}
engine=SQLite
if [[ -n "${SUMMIT_BENCH_POSTGRES:-}" ]]; then
  engine=PostgreSQL
  database="summit_crash_$(date +%s)"
  export Database__Provider=Postgres
  export ConnectionStrings__Summit="$SUMMIT_BENCH_POSTGRES;Database=$database"
  psql "$(pg_url "$SUMMIT_BENCH_POSTGRES")" -qc "CREATE DATABASE $database" >/dev/null
  sql() { psql "$(pg_url "$ConnectionStrings__Summit")" -tAqc "$1"; }
else
  command -v sqlite3 >/dev/null || { echo "bench: needs sqlite3 (apt-get install sqlite3)" >&2; exit 1; }
fi
export RateLimits__FormsPerMinute=100000000
ulimit -n 65536 2>/dev/null || true
source bench/lib/app.sh
[[ $engine == SQLite ]] && sql() { sqlite3 -cmd ".timeout 10000" "$work/data/summit.db" "$1"; }

category=$(curl -fs "$base/2021/register" | grep -o 'id="category-[0-9]*" name="Input.CategoryId" value="[0-9]*"' | head -n 1 | grep -o 'value="[0-9]*"' | grep -o '[0-9]*')
write_rush_lua "$work/rush.lua" "$category" crash
wrk -t2 -c"$connections" -d"$((before + 4))s" --timeout 30s -s "$work/rush.lua" "$base" >"$work/wrk.out" 2>&1 &
wrk_pid=$!
sleep "$before"
kill -9 "$pid"
at_kill=$(sql "SELECT COUNT(*) FROM \"Registrations\" WHERE \"Email\" LIKE 'crash-%'")
pending_at_kill=$(sql "SELECT COUNT(*) FROM \"Consequences\" WHERE \"Status\" = 'Pending'")
wait "$wrk_pid" || true
wait "$pid" 2>/dev/null || true
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break; sleep 0.2; done

# Started again on the same data, as an operator (or systemd with Restart=on-failure) would: the port may stay taken
# for a while by the killed process's connections, so a start that cannot bind is tried again every 2 s.
restarts=0
restarted_at=$(date +%s.%N)
while true; do
  (cd "$work/app" && ASPNETCORE_ENVIRONMENT=Production Web__PublicUrl="$base" Storage__Path="$work/data" Logging__LogLevel__Default=Warning \
    exec dotnet Summit.Web.dll --urls "$base" >>"$work/app.log" 2>&1) &
  pid=$!
  for _ in $(seq 1 120); do curl -fs "$base/health" >/dev/null 2>&1 && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && break
  restarts=$((restarts + 1))
  ((restarts < 60)) || { echo "bench: Summit would not start again" >&2; tail -n 40 "$work/app.log" >&2; exit 1; }
  sleep 2
done
up=$(awk -v a="$restarted_at" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
start=$(date +%s.%N)
for _ in $(seq 1 600); do
  [[ $(sql "SELECT COUNT(*) FROM \"Consequences\" WHERE \"Status\" = 'Pending'") == 0 ]] && break
  kill -0 "$pid" 2>/dev/null || { echo "bench: Summit did not survive its restart:" >&2; tail -n 40 "$work/app.log" >&2; exit 1; }
  sleep 0.5
done
drained=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
total=$(sql "SELECT COUNT(*) FROM \"Registrations\" WHERE \"Email\" LIKE 'crash-%'")
missing=$(sql "SELECT COUNT(*) FROM \"Registrations\" r WHERE r.\"Email\" LIKE 'crash-%' AND NOT EXISTS (SELECT 1 FROM \"OutgoingMail\" m WHERE m.\"Entity\" = 'registration:' || r.\"Id\")")
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores; $engine; Release build; $connections clients; SIGKILL after ${before}s"
echo "committed registrations at the kill $at_kill (with $pending_at_kill consequences pending); after the restart $total"
echo "up again after ${up}s ($restarts starts refused: address in use)"
echo "consequences pending $(sql "SELECT COUNT(*) FROM \"Consequences\" WHERE \"Status\" = 'Pending'"), failed $(sql "SELECT COUNT(*) FROM \"Consequences\" WHERE \"Status\" = 'Failed'") ${drained}s after the restart; registrations without their email row: $missing"
