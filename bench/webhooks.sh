#!/usr/bin/env bash
# Webhooks: a local receiver (bench/webhook_receiver.py, asyncio, checking every signature) and an endpoint for the demo
# edition's registration events. Three figures:
#  1. throughput: the endpoint paused, a registration rush (wrk, 200 clients, 30 s) piles up its events; resumed,
#     the deliveries a second until the backlog is gone (target >= 500/s);
#  2. latency: a trickle of 40 registrations a quarter of a second apart, each event timed from its change's commit
#     (the consequence row) to its delivery (p50 / p95 / max; target p95 <= 2 s);
#  3. outage: the receiver answers 503 for DOWN seconds (default 600, as the issue asks) while registrations go on,
#     then recovers; every event must arrive (none lost), duplicates only with the same event id.
# SQLite by default; with SUMMIT_BENCH_POSTGRES="Host=…;Username=…" on a fresh PostgreSQL database.
# Usage: bash bench/webhooks.sh [down-seconds]
set -euo pipefail
[[ -n ${BENCH_TRACE:-} ]] && set -x
cd "$(dirname "$0")/.."
source bench/lib/rush.sh
down_seconds=${1:-600}
engine=SQLite
if [[ -n "${SUMMIT_BENCH_POSTGRES:-}" ]]; then
  engine=PostgreSQL
  database="summit_bench_$(date +%s)"
  export Database__Provider=Postgres
  export ConnectionStrings__Summit="$SUMMIT_BENCH_POSTGRES;Database=$database"
  psql "$(pg_url "$SUMMIT_BENCH_POSTGRES")" -qc "CREATE DATABASE $database" >/dev/null
fi
export RateLimits__FormsPerMinute=100000000
export Webhooks__AllowedInternalHosts__0=127.0.0.1
ulimit -n 65536 2>/dev/null || true
source bench/lib/app.sh

if [[ $engine == PostgreSQL ]]; then
  sql() { psql "$(pg_url "$ConnectionStrings__Summit")" -tAqc "$1"; }
  ms() { echo "EXTRACT(EPOCH FROM ($1 - $2)) * 1000"; }
else
  command -v sqlite3 >/dev/null || { echo "bench: needs sqlite3 (apt-get install sqlite3)" >&2; exit 1; }
  sql() { sqlite3 -cmd ".timeout 10000" "$work/data/summit.db" "$1"; }
  ms() { echo "($1 - $2) / 10000.0"; }
fi

rport=""
for candidate in $(seq 58190 58290); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then rport=$candidate; break; fi
done
python3 bench/webhook_receiver.py "$rport" "$work/received.log" "$work/secret" "$work/down" &
receiver=$!
trap 'kill $receiver 2>/dev/null || true; kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT

jar="$work/organizer.cookies"
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
post() { # post PAGE ACTION [field=value…]
  local page=$1 action=$2; shift 2
  local t args=()
  t=$(curl -fs -c "$jar" -b "$jar" "$base$page" | token)
  for f in "$@"; do args+=(--data-urlencode "$f"); done
  curl -fs -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" "${args[@]}" --data-urlencode "__RequestVerificationToken=$t" "$base$action"
}
post /account/login /account/login "Input.Email=organizer@summit.example" "Input.Password=summit-demo-2021" >/dev/null
edition=$(sql "SELECT \"Id\" FROM \"Editions\" WHERE \"Slug\" = '2021'")
location=$(post /admin/webhooks "/admin/webhooks?handler=create" "Input.EditionId=$edition" "Input.Url=http://127.0.0.1:$rport/hook" \
  "Input.EventTypes[0]=registration.created" "Input.EventTypes[1]=registration.confirmed" "Input.EventTypes[2]=registration.waitlisted")
endpoint=${location##*/}
sql "SELECT \"Secret\" FROM \"WebhookEndpoints\" WHERE \"Id\" = $endpoint" >"$work/secret"
post /admin/registrations/2021/categories /admin/registrations/2021/categories "Input.NameEn=Bench hooks" "Input.NameZh=压测" "Input.Kind=General" \
  "Input.Capacity=100000" "Input.RequiresApproval=false" "Input.RequiresInvitation=false" "Input.Order=99" >/dev/null
category=$(curl -fs "$base/2021/register" | grep -o 'id="category-[0-9]*" name="Input.CategoryId" value="[0-9]*"' | tail -n 1 | grep -o 'value="[0-9]*"' | grep -o '[0-9]*')
pending() { sql "SELECT COUNT(*) FROM \"WebhookDeliveries\" WHERE \"EndpointId\" = $endpoint AND \"Status\" = 'Pending'"; }
settled() { sql "SELECT COUNT(*) FROM \"Consequences\" WHERE \"Status\" = 'Pending'"; }
wait_for() { for _ in $(seq 1 "$2"); do [[ $($1) == 0 ]] && return 0; sleep 0.5; done; return 1; }
trickle() { # trickle N PREFIX PAUSE
  for i in $(seq 1 "$1"); do
    local visitor="$work/$2-$i.cookies" t
    t=$(curl -fs -c "$visitor" -b "$visitor" "$base/2021/register" | token)
    curl -fs -o /dev/null -c "$visitor" -b "$visitor" --data-urlencode "Input.CategoryId=$category" --data-urlencode "Input.FamilyNameLatin=Hook" \
      --data-urlencode "Input.GivenNameLatin=T$i" --data-urlencode "Input.Email=$2-$i@bench.test" --data-urlencode "Input.PreferredCulture=en" \
      --data-urlencode "Input.Consent=true" --data-urlencode "__RequestVerificationToken=$t" "$base/2021/register"
    sleep "$3"
  done
}
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores; $engine; Release build; receiver: Python asyncio on 127.0.0.1, checking every signature"

# 1. Throughput: a backlog, then drained.
post "/admin/webhooks/$endpoint" "/admin/webhooks/$endpoint?handler=pause" >/dev/null
write_rush_lua "$work/rush.lua" "$category" hooks
wrk -t2 -c200 -d30s --timeout 30s -s "$work/rush.lua" "$base" >/dev/null
wait_for settled 600
backlog=$(pending)
start=$(date +%s.%N)
post "/admin/webhooks/$endpoint" "/admin/webhooks/$endpoint?handler=resume" >/dev/null
wait_for pending 1200
elapsed=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
echo "throughput: $backlog deliveries in ${elapsed}s = $(awk -v n="$backlog" -v s="$elapsed" 'BEGIN { printf "%.0f", n / s }')/s (a backlog left by a rush while the endpoint was paused)"

# 2. Latency from commit to delivery.
trickle 40 trickle 0.25
wait_for settled 240; wait_for pending 240
lat=$(sql "SELECT $(ms 'd."DeliveredAt"' 'c."CreatedAt"') FROM \"WebhookDeliveries\" d JOIN \"Consequences\" c ON c.\"Id\" = d.\"Sequence\" JOIN \"Registrations\" r ON d.\"Subject\" = 'registration:' || r.\"Id\" WHERE d.\"EndpointId\" = $endpoint AND r.\"Email\" LIKE 'trickle-%'" | sort -n)
n=$(grep -c . <<<"$lat" || true)
pick() { sed -n "$(awk -v n="$n" -v q="$1" 'BEGIN { i = int(n * q + 0.999); if (i < 1) i = 1; print i }')p" <<<"$lat" | awk '{ printf "%.0f", $1 }'; }
echo "latency, commit to delivery, $n events: p50 $(pick 0.5) ms, p95 $(pick 0.95) ms, max $(pick 1) ms"

# 3. The receiver down, then back: registrations go on, one a second, through the outage and 30 s after it.
touch "$work/down"
trickle $((down_seconds + 30)) outage 1 &
trickler=$!
sleep "$down_seconds"
rm -f "$work/down"
back=$(date +%s.%N)
echo "receiver back after ${down_seconds}s down"
wait $trickler || echo "the trickle during the outage failed"
wait_for settled 240 || true
if ! wait_for pending 4000; then echo "still pending: $(pending)"; fi
caught=$(awk -v a="$back" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
echo "every event delivered ${caught}s after the receiver came back"
rows=$(sql "SELECT COUNT(*) FROM \"WebhookDeliveries\" WHERE \"EndpointId\" = $endpoint")
delivered=$(sql "SELECT COUNT(*) FROM \"WebhookDeliveries\" WHERE \"EndpointId\" = $endpoint AND \"Status\" = 'Delivered'")
sql "SELECT \"EventId\" FROM \"WebhookDeliveries\" WHERE \"EndpointId\" = $endpoint" | sort >"$work/rows.txt"
awk '$3 == "ok" { print $1 }' "$work/received.log" | sort >"$work/ok.txt"
lost=$(comm -23 "$work/rows.txt" <(uniq "$work/ok.txt") | grep -c . || true)
duplicates=$(( $(grep -c . "$work/ok.txt") - $(uniq "$work/ok.txt" | grep -c .) ))
bad=$(awk '$3 == "bad"' "$work/received.log" | grep -c . || true)
refused=$(awk '$3 == "down"' "$work/received.log" | grep -c . || true)
echo "outage: $rows events, $delivered delivered, lost $lost, received twice (same id) $duplicates, bad signatures $bad, attempts refused while down $refused"
