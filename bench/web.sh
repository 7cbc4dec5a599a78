#!/usr/bin/env bash
# Throughput and latency of the public pages, and the web process's memory, on this machine.
# Publishes Summit.Web in Release, starts it on 127.0.0.1 with the demo edition in a throw-away SQLite store,
# and drives it with wrk (Debian package `wrk`). Results go to stdout; copy them into docs/performance.md.
# Usage: bash bench/web.sh [seconds-per-page] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20}
connections=${2:-32}
command -v wrk >/dev/null || { echo "bench: needs wrk (apt-get install wrk)" >&2; exit 1; }

work=$(mktemp -d /tmp/summit-bench.XXXXXX)
dotnet publish src/Summit.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null
port=""
for candidate in $(seq 58080 58180); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done

ASPNETCORE_ENVIRONMENT=Production Web__PublicUrl="http://127.0.0.1:$port" Demo__Seed=true Storage__Path="$work/data" Logging__LogLevel__Default=Warning \
  dotnet "$work/app/Summit.Web.dll" --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.5
done

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; wrk -t2 -c$connections -d${duration}s; Release build; SQLite"
echo "rss_after_start_kib $(ps -o rss= -p $pid)"
printf '%-10s %10s %10s %10s %10s\n' page req/s p50 p99 errors
for page in / /2021 /contact /health /speakers /speakers/zeng-gang /api/v1/speakers; do
  wrk -t2 -c"$connections" -d2s --latency "http://127.0.0.1:$port$page" >/dev/null   # warm-up
  out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency "http://127.0.0.1:$port$page")
  rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
  p50=$(awk '$1=="50%"{print $2}' <<<"$out")
  p99=$(awk '$1=="99%"{print $2}' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/{print}' <<<"$out" | tr '\n' ' ')
  printf '%-10s %10s %10s %10s %10s\n' "$page" "$rps" "$p50" "$p99" "${errors:-none}"
done
echo "rss_after_load_kib $(ps -o rss= -p $pid)"
