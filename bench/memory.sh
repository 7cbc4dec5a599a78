#!/usr/bin/env bash
# The web process's and the worker's memory under each garbage-collector and JIT setting (issue 22, item 5).
# The demo is seeded once by a first start (its RSS printed: the seed's photos and PDFs are one-off work), then for
# each setting a copy of that store is started again as a deployment restarts: the web process with the jobs off and
# a worker beside it on the same storage folder; RSS of both at rest (10 s after the web answers /health/ready) and
# after load (wrk on the schedule, a session, the speakers, a schedule rendered afresh for every request through a
# filter not asked before, and random query parameters), read 2 s after the load and again 10 s after it, once the
# process has been quiet long enough to give its spare memory back (Memory:ReturnWhenIdle, docs/decisions/0021);
# with the schedule's req/s, so a setting that saves memory by costing speed shows it. Publishes Summit.Web (and with it Summit.Jobs) in Release once.
# Usage: bash bench/memory.sh [seconds-of-load]   (ONLY='regex' for the rows whose label matches)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
command -v wrk >/dev/null || { echo "bench: needs wrk (apt-get install wrk)" >&2; exit 1; }
work=$(mktemp -d /tmp/summit-memory.XXXXXX)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet publish src/Summit.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null

source bench/lib/ports.sh

cat >"$work/random.lua" <<'LUA'
request = function() return wrk.format(nil, "/2021/schedule?day=2021-11-05&x=" .. math.random(1, 1000000000)) end
LUA

# The first start, which seeds the demo and renders its PDFs and badges; its store is the template of every row.
template="$work/template"
port=$(free_port 58200)
(cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT=Production Web__PublicUrl="http://127.0.0.1:$port" Demo__Seed=true Storage__Path="$template" \
  Logging__LogLevel__Default=Warning dotnet Summit.Web.dll --urls "http://127.0.0.1:$port" >"$work/seed.log" 2>&1) &
seeder=$!
pids+=("$seeder")
wait_for "http://127.0.0.1:$port/health/ready"
sleep 20
seeded=$(ps -o rss= -p "$seeder")
kill "$seeder"
wait "$seeder" 2>/dev/null || true

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; Release build; SQLite; demo edition; wrk -t2 -c32 -d${duration}s per target"
echo "# the first start, seeding the demo (web with the jobs in it): $((seeded / 1024)) MB after 20 s"
printf '%-44s %12s %12s %12s %12s %12s %14s\n' setting web_rest_MB web_load_MB web_10s_MB worker_rest_MB worker_load_MB schedule_req/s
settings=(
  "server GC (default, DATAS)|"
  "server GC, memory kept when quiet|Memory__ReturnWhenIdle=false"
  "server GC, GCConserveMemory=5|DOTNET_GCConserveMemory=5"
  "workstation GC|DOTNET_gcServer=0"
  "workstation GC, non-concurrent|DOTNET_gcServer=0 DOTNET_gcConcurrent=0"
  "workstation GC, GCConserveMemory=5|DOTNET_gcServer=0 DOTNET_GCConserveMemory=5"
  "server GC, TieredPGO off|DOTNET_TieredPGO=0"
  "workstation GC, TieredPGO off, gen0 4 MB|DOTNET_gcServer=0 DOTNET_TieredPGO=0 DOTNET_GCgen0size=400000"
  "server GC, tiered compilation off|DOTNET_TieredCompilation=0"
  "workstation GC, tiered compilation off|DOTNET_gcServer=0 DOTNET_TieredCompilation=0"
)
for setting in "${settings[@]}"; do
  label=${setting%%|*}
  # ONLY=pattern measures the rows whose label matches it (and the seed), for one question at a time.
  [[ -z ${ONLY:-} || $label =~ $ONLY ]] || continue
  environment=${setting#*|}
  data="$work/data-$RANDOM"
  cp -r "$template" "$data"
  port=$(free_port 58200)
  health=$(free_port 58400)
  base="http://127.0.0.1:$port"
  # shellcheck disable=SC2086
  (cd "$work/app" && exec env $environment ASPNETCORE_ENVIRONMENT=Production Web__PublicUrl="$base" Demo__Seed=true Jobs__RunServer=false \
    Storage__Path="$data" Logging__LogLevel__Default=Warning dotnet Summit.Web.dll --urls "$base" >"$work/web.log" 2>&1) &
  web=$!
  pids+=("$web")
  wait_for "$base/health/ready"
  # shellcheck disable=SC2086
  (cd "$work/app" && exec env $environment ASPNETCORE_ENVIRONMENT=Production Web__PublicUrl="$base" Storage__Path="$data" Health__WorkerPort="$health" \
    Logging__LogLevel__Default=Warning dotnet Summit.Jobs.dll >"$work/worker.log" 2>&1) &
  worker=$!
  pids+=("$worker")
  wait_for "http://127.0.0.1:$health/health/ready"
  sleep 10
  web_rest=$(ps -o rss= -p "$web")
  worker_rest=$(ps -o rss= -p "$worker")
  rps=$(wrk -t2 -c32 -d"${duration}s" "$base/2021/schedule?day=2021-11-05" | awk '/Requests\/sec/{print $2}')
  for target in /2021/sessions/2 /speakers "/2021/schedule?day=2021-11-06&view=list"; do
    wrk -t2 -c32 -d"${duration}s" "$base$target" >/dev/null
  done
  wrk -t2 -c32 -d"${duration}s" -s "$work/random.lua" "$base" >/dev/null
  sleep 2
  web_load=$(ps -o rss= -p "$web")
  worker_load=$(ps -o rss= -p "$worker")
  sleep 8
  web_settled=$(ps -o rss= -p "$web")
  printf '%-44s %12d %12d %12d %12d %12d %14s\n' "$label" $((web_rest / 1024)) $((web_load / 1024)) $((web_settled / 1024)) $((worker_rest / 1024)) $((worker_load / 1024)) "$rps"
  kill "$web" "$worker" 2>/dev/null || true
  wait "$web" "$worker" 2>/dev/null || true
done
