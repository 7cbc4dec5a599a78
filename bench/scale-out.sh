#!/usr/bin/env bash
# Summit as several nodes: two web nodes and a worker (Release builds, processes of their own, a folder each) on one
# fresh PostgreSQL database with the files in the database store, all started at the same moment. Then:
#  - a registration rush for a category of 100 seats through both nodes at once (two wrk runs side by side, half the
#    clients on each node, as a round-robin balancer spreads connections): exactly 100 confirmed, no 5xx;
#  - the cached public schedule through both nodes at once;
#  - how soon a speaker's edit on node A shows on node B's cached session page (bench/lib/edit_reach.py, 20 edits);
#  - the worker SIGKILLed during a print run of everyone the rush registered and started again: how soon the run is
#    picked up.
# Needs wrk, python3, psql and SUMMIT_BENCH_POSTGRES (a server: "Host=…;Port=…;Username=…[;Password=…]").
# Usage: SUMMIT_BENCH_POSTGRES="Host=127.0.0.1;Port=5432;Username=postgres" bash bench/scale-out.sh [seconds] [clients]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/rush.sh
duration=${1:-15}
connections=${2:-200}
[[ -n "${SUMMIT_BENCH_POSTGRES:-}" ]] || { echo "bench: set SUMMIT_BENCH_POSTGRES to a PostgreSQL server" >&2; exit 1; }
for tool in wrk python3 psql; do command -v $tool >/dev/null || { echo "bench: needs $tool" >&2; exit 1; }; done
ulimit -n 65536 2>/dev/null || true

work=$(mktemp -d /tmp/summit-scale.XXXXXX)
database="summit_scale_$(date +%s)"
psql "$(pg_url "$SUMMIT_BENCH_POSTGRES")" -qc "CREATE DATABASE $database" >/dev/null
connection="$SUMMIT_BENCH_POSTGRES;Database=$database"
sql() { psql "$(pg_url "$connection")" -tAqc "$1"; }
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql "$(pg_url "$SUMMIT_BENCH_POSTGRES")" -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

dotnet publish src/Summit.Web -c Release -o "$work/web" --nologo -v quiet >/dev/null
dotnet publish src/Summit.Jobs -c Release -o "$work/jobs" --nologo -v quiet >/dev/null
# The worker reads the web's settings files beside it, as in a deployment that copies both into one folder.
cp "$work/web"/appsettings*.json "$work/jobs/"

free_port() { for p in $(seq "$1" $(($1 + 100))); do if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi; done; }
port_a=$(free_port 58280); port_b=$(free_port $((port_a + 1))); port_w=$(free_port $((port_b + 1)))
a="http://127.0.0.1:$port_a"; b="http://127.0.0.1:$port_b"
export ASPNETCORE_ENVIRONMENT=Production Database__Provider=Postgres ConnectionStrings__Summit="$connection" Files__Store=database \
  Demo__Seed=true Web__PublicUrl="$a" RateLimits__FormsPerMinute=100000000 Logging__LogLevel__Default=Warning
start_web() { (cd "$work/web" && Jobs__RunServer=false Storage__Path="$work/data-$1" exec dotnet Summit.Web.dll --urls "$2" >"$work/$1.log" 2>&1) & pids+=($!); }
start_worker() { (cd "$work/jobs" && Health__WorkerPort=$port_w Storage__Path="$work/data-$1" exec dotnet Summit.Jobs.dll >"$work/$1.log" 2>&1) & worker_pid=$!; pids+=($worker_pid); }
ready() { for _ in $(seq 1 600); do curl -fs "$1/health/ready" >/dev/null 2>&1 && return 0; sleep 0.1; done; echo "bench: $1 not ready" >&2; exit 1; }
seconds_since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

t0=$(date +%s.%N)
start_web a "$a"; start_web b "$b"; start_worker worker
ready "$a"; ready "$b"; ready "http://127.0.0.1:$port_w"
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores; PostgreSQL; Release builds; 2 web nodes + 1 worker, Files:Store=database"
echo "three processes started at once on an empty database, all ready after $(seconds_since "$t0") s"

# The rush: a category of 100 seats, half the clients on each node.
jar="$work/organizer.cookies"
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
t=$(curl -fs -c "$jar" -b "$jar" "$a/account/login" | token)
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Email=organizer@summit.example" --data-urlencode "Input.Password=summit-demo-2021" --data-urlencode "__RequestVerificationToken=$t" "$b/account/login"
t=$(curl -fs -c "$jar" -b "$jar" "$b/admin/registrations/2021/categories" | token)
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.NameEn=Bench rush" --data-urlencode "Input.NameZh=压测" --data-urlencode "Input.Kind=General" \
  --data-urlencode "Input.Capacity=100" --data-urlencode "Input.RequiresApproval=false" --data-urlencode "Input.RequiresInvitation=false" --data-urlencode "Input.Order=99" \
  --data-urlencode "__RequestVerificationToken=$t" "$a/admin/registrations/2021/categories"
category=$(curl -fs "$a/2021/register" | grep -o 'id="category-[0-9]*" name="Input.CategoryId" value="[0-9]*"' | tail -n 1 | grep -o 'value="[0-9]*"' | grep -o '[0-9]*')
write_rush_lua "$work/rush.lua" "$category" rush
wrk -t1 -c$((connections / 2)) -d"${duration}s" --timeout 30s -s "$work/rush.lua" "$a" >"$work/rush-a.out" & other=$!
wrk -t1 -c$((connections / 2)) -d"${duration}s" --timeout 30s -s "$work/rush.lua" "$b" >"$work/rush-b.out"
wait $other
confirmed=$(sql "SELECT COUNT(*) FROM \"Registrations\" WHERE \"CategoryId\" = $category AND \"Status\" = 'Confirmed'")
waitlisted=$(sql "SELECT COUNT(*) FROM \"Registrations\" WHERE \"CategoryId\" = $category AND \"Status\" = 'Waitlisted'")
errors=$(cat "$work"/rush-?.out | awk '/Non-2xx/{n += $5} /Socket errors/{print "  " $0} END {print n + 0}' | tail -n 1)
echo "rush: $connections clients for 100 seats through both nodes for ${duration}s: registrations $((confirmed + waitlisted)) ($(((confirmed + waitlisted) * 60 / duration)) per minute), confirmed $confirmed, waitlisted $waitlisted, non-2xx/3xx answers $errors"

# The cached schedule through both nodes at once.
wrk -t1 -c32 -d5s "$a/2021/schedule" >/dev/null & other=$!
wrk -t1 -c32 -d5s "$b/2021/schedule" >/dev/null; wait $other
wrk -t1 -c32 -d"${duration}s" --latency "$a/2021/schedule" >"$work/page-a.out" & other=$!
wrk -t1 -c32 -d"${duration}s" --latency "$b/2021/schedule" >"$work/page-b.out"
wait $other
rps=$(awk '/Requests\/sec/{s += $2} END {printf "%.0f", s}' "$work"/page-?.out)
echo "cached /2021/schedule through both nodes (32 connections each): $rps req/s in all; p99 a $(awk '$1=="99%"{print $2}' "$work/page-a.out"), b $(awk '$1=="99%"{print $2}' "$work/page-b.out")"

python3 bench/lib/edit_reach.py "$a" "$b" 20

# The worker killed during a print run: everyone the rush registered (waitlisted ones made confirmed in SQL, for a
# run long enough to kill part-way).
sql "UPDATE \"RegistrationCategories\" SET \"Capacity\" = NULL WHERE \"Id\" = $category; UPDATE \"Registrations\" SET \"Status\" = 'Confirmed' WHERE \"CategoryId\" = $category" >/dev/null
t=$(curl -fs -c "$jar" -b "$jar" "$a/admin/registrations/2021/badges" | token)
sheet_url=$(curl -fs -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "categoryId=$category" --data-urlencode "layout=FourPerA4" \
  --data-urlencode "__RequestVerificationToken=$t" "$b/admin/registrations/2021/badges")
sheet=${sheet_url##*sheet=}
for _ in $(seq 1 600); do [[ $(sql "SELECT \"Done\" FROM \"BadgeSheets\" WHERE \"Id\" = $sheet") -ge 25 ]] && break; sleep 0.05; done
done_at_kill=$(sql "SELECT \"Done\" FROM \"BadgeSheets\" WHERE \"Id\" = $sheet")
total=$(sql "SELECT \"Total\" FROM \"BadgeSheets\" WHERE \"Id\" = $sheet")
[[ $(sql "SELECT \"FinishedAt\" IS NULL FROM \"BadgeSheets\" WHERE \"Id\" = $sheet") == t ]] || { echo "bench: the print run finished before the worker could be killed; run longer (more registrations)" >&2; exit 1; }
kill -9 "$worker_pid"; killed=$(date +%s.%N)
start_worker worker2; ready "http://127.0.0.1:$port_w"; up=$(seconds_since "$killed")
for _ in $(seq 1 1200); do [[ $(sql "SELECT \"Done\" FROM \"BadgeSheets\" WHERE \"Id\" = $sheet") -lt $done_at_kill ]] && break; sleep 0.1; done
picked=$(seconds_since "$killed")
for _ in $(seq 1 1200); do [[ $(sql "SELECT \"FinishedAt\" IS NOT NULL FROM \"BadgeSheets\" WHERE \"Id\" = $sheet") == t ]] && break; sleep 0.2; done
echo "print run of $total badges, worker killed (SIGKILL) at $done_at_kill: new worker ready after ${up} s, run picked up again after ${picked} s, finished after $(seconds_since "$killed") s"
echo "http_5xx in the web logs: $(cat "$work"/a.log "$work"/b.log | grep -c ' 500 \| 503 ' || true)"
[[ "$confirmed" == 100 ]] || { echo "FAIL: $confirmed confirmed, expected exactly 100" >&2; exit 1; }
