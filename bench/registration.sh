#!/usr/bin/env bash
# The registration rush: N concurrent clients (default 1,000) register over HTTP for a category with 100 seats, each
# with its own address, as browsers do (form page first for the antiforgery cookie and token, then the POST).
# Prints registrations per minute and the confirmed / waitlisted counts; exactly 100 must be confirmed. Then waits
# for every consequence (email, badge) to be carried out and counts registrations without their email row (must be
# 0) and those without their audit entry (must be 0), and measures, on a trickle of 40 registrations a quarter of a second apart, how long after its commit each
# registration's email consequence was done (p50 / p95 / max).
# SQLite by default; with SUMMIT_BENCH_POSTGRES="Host=…;Username=…;Password=…" it runs on a fresh PostgreSQL database.
# The per-address flood limit is lifted for the run, since every client here shares 127.0.0.1.
# Usage: bash bench/registration.sh [seconds] [clients]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/rush.sh
duration=${1:-20}
connections=${2:-1000}
engine=SQLite
if [[ -n "${SUMMIT_BENCH_POSTGRES:-}" ]]; then
  engine=PostgreSQL
  database="summit_bench_$(date +%s)"
  export Database__Provider=Postgres
  export ConnectionStrings__Summit="$SUMMIT_BENCH_POSTGRES;Database=$database"
  psql "$(pg_url "$SUMMIT_BENCH_POSTGRES")" -qc "CREATE DATABASE $database" >/dev/null
fi
export RateLimits__FormsPerMinute=100000000
ulimit -n 65536 2>/dev/null || true
source bench/lib/app.sh

jar="$work/organizer.cookies"
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
t=$(curl -fs -c "$jar" -b "$jar" "$base/account/login" | token)
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Email=organizer@summit.example" --data-urlencode "Input.Password=summit-demo-2021" --data-urlencode "__RequestVerificationToken=$t" "$base/account/login"
t=$(curl -fs -c "$jar" -b "$jar" "$base/admin/registrations/2021/categories" | token)
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.NameEn=Bench rush" --data-urlencode "Input.NameZh=压测" --data-urlencode "Input.Kind=General" \
  --data-urlencode "Input.Capacity=100" --data-urlencode "Input.RequiresApproval=false" --data-urlencode "Input.RequiresInvitation=false" --data-urlencode "Input.Order=99" \
  --data-urlencode "__RequestVerificationToken=$t" "$base/admin/registrations/2021/categories"
category=$(curl -fs "$base/2021/register" | grep -o 'id="category-[0-9]*" name="Input.CategoryId" value="[0-9]*"' | tail -n 1 | grep -o 'value="[0-9]*"' | grep -o '[0-9]*')

write_rush_lua "$work/rush.lua" "$category" rush
out=$(wrk -t2 -c"$connections" -d"${duration}s" --timeout 30s -s "$work/rush.lua" "$base")
csv=$(curl -fs -c "$jar" -b "$jar" "$base/admin/registrations/2021?handler=csv" | grep ',Bench rush,' || true)
confirmed=$(grep -c ',Bench rush,Confirmed,' <<<"$csv" || true)
waitlisted=$(grep -c ',Bench rush,Waitlisted,' <<<"$csv" || true)
total=$((confirmed + waitlisted))
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores; $engine; Release build; $connections clients (wrk -t2 -c$connections -d${duration}s) for 100 seats"
echo "registrations $total in ${duration}s = $((total * 60 / duration)) per minute"
echo "confirmed $confirmed waitlisted $waitlisted"

# The database itself: psql for PostgreSQL, the sqlite3 shell (Debian's sqlite3) for SQLite.
if [[ $engine == PostgreSQL ]]; then
  sql() { psql "$(pg_url "$ConnectionStrings__Summit")" -tAqc "$1"; }
  millis='EXTRACT(EPOCH FROM ("DoneAt" - "CreatedAt")) * 1000'
else
  command -v sqlite3 >/dev/null || { echo "bench: needs sqlite3 (apt-get install sqlite3) for the consequence figures" >&2; exit 1; }
  sql() { sqlite3 -cmd ".timeout 10000" "$work/data/summit.db" "$1"; }
  millis='("DoneAt" - "CreatedAt") / 10000.0'
fi
pending() { sql "SELECT COUNT(*) FROM \"Consequences\" WHERE \"Status\" = 'Pending'"; }
start=$(date +%s.%N)
for _ in $(seq 1 600); do [[ $(pending) == 0 ]] && break; sleep 0.5; done
drained=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
missing=$(sql "SELECT COUNT(*) FROM \"Registrations\" r WHERE r.\"CategoryId\" = $category AND NOT EXISTS (SELECT 1 FROM \"OutgoingMail\" m WHERE m.\"Entity\" = 'registration:' || r.\"Id\")")
failed=$(sql "SELECT COUNT(*) FROM \"Consequences\" WHERE \"Status\" = 'Failed'")
echo "consequences drained ${drained}s after the rush; still pending $(pending), failed $failed; registrations without their email row: $missing"
unaudited=$(sql "SELECT COUNT(*) FROM \"Registrations\" r WHERE r.\"CategoryId\" = $category AND NOT EXISTS (SELECT 1 FROM \"AuditEntries\" a WHERE a.\"ObjectType\" = 'Registration' AND a.\"ObjectId\" = CAST(r.\"Id\" AS TEXT) AND a.\"Action\" = 'created')")
echo "registrations without their audit entry: $unaudited"

# A trickle: one registration every 250 ms, each timed from its commit (the consequence row's creation) to its
# email's consequence done (the OutgoingMail row written, SendMailJob queued).
for i in $(seq 1 40); do
  visitor="$work/trickle-$i.cookies"
  t=$(curl -fs -c "$visitor" -b "$visitor" "$base/2021/register" | token)
  curl -fs -o /dev/null -c "$visitor" -b "$visitor" --data-urlencode "Input.CategoryId=$category" --data-urlencode "Input.FamilyNameLatin=Trickle" \
    --data-urlencode "Input.GivenNameLatin=T$i" --data-urlencode "Input.Email=trickle-$i@bench.test" --data-urlencode "Input.PreferredCulture=en" \
    --data-urlencode "Input.Consent=true" --data-urlencode "__RequestVerificationToken=$t" "$base/2021/register"
  sleep 0.25
done
for _ in $(seq 1 120); do [[ $(pending) == 0 ]] && break; sleep 0.5; done
lat=$(sql "SELECT $millis FROM \"Consequences\" c WHERE c.\"Handler\" = 'RegistrationMailer.RegistrationChanged' AND c.\"Status\" = 'Done' AND c.\"Subject\" IN (SELECT 'registration:' || r.\"Id\" FROM \"Registrations\" r WHERE r.\"Email\" LIKE 'trickle-%')" | sort -n)
n=$(grep -c . <<<"$lat" || true)
pick() { sed -n "$(awk -v n="$n" -v q="$1" 'BEGIN { i = int(n * q + 0.999); if (i < 1) i = 1; print i }')p" <<<"$lat" | awk '{ printf "%.0f", $1 }'; }
echo "email consequence done after its commit, $n registrations one at a time: p50 $(pick 0.5) ms, p95 $(pick 0.95) ms, max $(pick 1) ms"
awk '/Latency|Socket errors|Requests\/sec/' <<<"$out"
echo "http_5xx $(grep -c " 500 \| 503 " "$work/app.log" || true) (from the app log)"
if [[ -n "${SUMMIT_BENCH_KEEP_LOG:-}" ]]; then cp "$work/app.log" "$SUMMIT_BENCH_KEEP_LOG"; fi
[[ "$confirmed" == 100 ]] || { echo "FAIL: $confirmed confirmed, expected exactly 100" >&2; exit 1; }
