# Sourced by the bench scripts: publishes Summit.Web in Release, starts it on a free 127.0.0.1 port with the demo
# edition in a throw-away SQLite store, waits for /health, and stops it on exit.
# Sets: work (temp folder), port, pid, base (http://127.0.0.1:PORT).
command -v wrk >/dev/null || { echo "bench: needs wrk (apt-get install wrk)" >&2; exit 1; }
work=$(mktemp -d /tmp/summit-bench.XXXXXX)
dotnet publish src/Summit.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null
port=""
for candidate in $(seq 58080 58180); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
base="http://127.0.0.1:$port"

# Started from its publish folder, so the web root (and the bench's static file) is the published wwwroot.
(cd "$work/app" && ASPNETCORE_ENVIRONMENT=Production Web__PublicUrl="$base" Demo__Seed=true Storage__Path="$work/data" Logging__LogLevel__Default=Warning \
  exec dotnet Summit.Web.dll --urls "$base" >"$work/app.log" 2>&1) &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; [[ -n ${BENCH_VERBOSE:-} ]] && cp "$work/app.log" /tmp/bench-app.log; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do
  curl -fs "$base/health" >/dev/null 2>&1 && break
  sleep 0.5
done

# wrk_row PATH: a warm-up (5 s, or $warmup), then a measured run; prints "req/s p50 p99 errors".
wrk_row() {
  wrk -t2 -c"$connections" -d"${warmup:-5}s" --latency "$base$1" >/dev/null
  local out
  out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency "$base$1")
  local errors
  errors=$(awk '/Non-2xx|Socket errors/{print}' <<<"$out" | tr '\n' ' ')
  echo "$(awk '/Requests\/sec/{print $2}' <<<"$out") $(awk '$1=="50%"{print $2}' <<<"$out") $(awk '$1=="99%"{print $2}' <<<"$out") ${errors:-none}"
}
