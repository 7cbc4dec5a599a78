#!/usr/bin/env bash
# Where a signed-in request spends its time (issue 22, item 2): thread-time samples (~100 Hz) of the web process (dotnet-trace, from
# the repository's tool manifest) while wrk drives one signed-in page that no cache serves, then the methods longest
# on the stack, inclusive and exclusive. Thread time includes idle waits (Hangfire's polling, the thread pool): read
# the request's share from the middleware rows.
# Release build, SQLite, demo edition; the demo attendee signs in with the page's own form.
# Usage: bash bench/profile.sh [path] [seconds]   (default /account/manage, 15 s)
set -euo pipefail
cd "$(dirname "$0")/.."
path=${1:-/account/manage}
duration=${2:-15}
connections=32
export RateLimits__FormsPerMinute=100000000
dotnet tool restore >/dev/null
source bench/lib/app.sh

jar="$work/jar"
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
t=$(curl -fs -c "$jar" -b "$jar" "$base/account/login" | token)
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Email=attendee@summit.example" \
  --data-urlencode "Input.Password=summit-demo-2021" --data-urlencode "__RequestVerificationToken=$t" "$base/account/login"
cookie=$(awk '$6 == ".Summit.Auth" || $6 == ".Summit.Antiforgery" {printf "%s%s=%s", (n++ ? "; " : ""), $6, $7}' "$jar")
cat >"$work/signed.lua" <<LUA
wrk.headers["Cookie"] = "$cookie"
LUA
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base$path")
[ "$status" = 200 ] || { echo "bench: $path answered $status signed in" >&2; exit 1; }

wrk -t2 -c"$connections" -d10s -s "$work/signed.lua" "$base$path" >/dev/null # warm-up: tiered JIT
wrk -t2 -c"$connections" -d"$((duration + 4))s" --latency -s "$work/signed.lua" "$base$path" >"$work/wrk.txt" &
load=$!
sleep 2
dotnet tool run dotnet-trace collect -p "$pid" --profile dotnet-sampled-thread-time --duration "00:00:$(printf '%02d' "$duration")" -o "$work/trace.nettrace" >/dev/null
wait "$load"

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores; $path signed in; wrk -t2 -c$connections; CPU samples for ${duration}s"
echo "wrk: $(awk '/Requests\/sec/{print $2}' "$work/wrk.txt") req/s, p50 $(awk '$1=="50%"{print $2}' "$work/wrk.txt"), p99 $(awk '$1=="99%"{print $2}' "$work/wrk.txt")"
echo "## inclusive (on the stack)"
dotnet tool run dotnet-trace report "$work/trace.nettrace" topN -n 40 --inclusive
echo "## exclusive (at the top of the stack)"
dotnet tool run dotnet-trace report "$work/trace.nettrace" topN -n 25
