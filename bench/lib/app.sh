# Sourced by the bench scripts: publishes Summit.Web in Release, starts it on a free 127.0.0.1 port with the demo
# edition in a throw-away SQLite store, waits for /health, and stops it on exit.
# Sets: work (temp folder), port, pid, base (http://127.0.0.1:PORT).
command -v wrk >/dev/null || { echo "bench: needs wrk (apt-get install wrk)" >&2; exit 1; }
work=$(mktemp -d /tmp/summit-bench.XXXXXX)
dotnet publish src/Summit.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null
source "$(dirname "${BASH_SOURCE[0]}")/ports.sh"

# start_web URL DATA LOG [NAME=value...]: a web process from the publish folder (so the web root, and a bench's
# static file, is the published wwwroot) with the demo seeded in DATA, the settings given, its output in LOG; sets
# started (its pid).
start_web() {
  local url=$1 data=$2 log=$3
  shift 3
  (cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT=Production Web__PublicUrl="$url" Demo__Seed=true Storage__Path="$data" \
    Logging__LogLevel__Default=Warning "$@" dotnet Summit.Web.dll --urls "$url" >"$log" 2>&1) &
  started=$!
}

port=$(free_port 58080)
base="http://127.0.0.1:$port"
start_web "$base" "$work/data" "$work/app.log"
pid=$started
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; [[ -n ${BENCH_VERBOSE:-} ]] && cp "$work/app.log" /tmp/bench-app.log; rm -rf "$work"' EXIT
wait_for "$base/health"

# wrk_row PATH: a warm-up (5 s, or $warmup), then a measured run; prints "req/s p50 p99 errors".
wrk_row() {
  wrk -t2 -c"$connections" -d"${warmup:-5}s" --latency "$base$1" >/dev/null
  local out
  out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency "$base$1")
  local errors
  errors=$(awk '/Non-2xx|Socket errors/{print}' <<<"$out" | tr '\n' ' ')
  echo "$(awk '/Requests\/sec/{print $2}' <<<"$out") $(awk '$1=="50%"{print $2}' <<<"$out") $(awk '$1=="99%"{print $2}' <<<"$out") ${errors:-none}"
}
