#!/usr/bin/env bash
# The public schedule against a static file of the same bytes, served by the same process: how close output caching
# brings a page built from the database to the cost of serving a file. Also the exports, uncached and cached.
# Publishes Summit.Web in Release, starts it on 127.0.0.1 with the demo edition (62 sessions, two published versions),
# drives it with wrk (Debian package `wrk`). Results go to stdout; copy them into docs/performance.md.
# Usage: bash bench/schedule.sh [seconds-per-run] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-15}
connections=${2:-32}
source bench/lib/app.sh

page="/2021/schedule?day=2021-11-05"
mkdir -p "$work/app/wwwroot/bench"
curl -fs "$base$page" -o "$work/app/wwwroot/bench/schedule.html"
bytes=$(stat -c %s "$work/app/wwwroot/bench/schedule.html")

# A freshly started process is still compiling its hot paths (tiered JIT) for many seconds: warm both targets up
# together first, or whichever runs first looks slower than it is.
for target in "$page" /bench/schedule.html "$page" /bench/schedule.html; do
  wrk -t2 -c"$connections" -d5s "$base$target" >/dev/null
done

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores; wrk -t2 -c$connections -d${duration}s after a 5 s warm-up; Release build; SQLite; page $bytes bytes"
printf '%-34s %10s %10s %10s %10s\n' target req/s p50 p99 errors
read -r page_rps p50 p99 errors <<<"$(wrk_row "$page")"
printf '%-34s %10s %10s %10s %10s\n' "$page" "$page_rps" "$p50" "$p99" "$errors"
read -r file_rps p50 p99 errors <<<"$(wrk_row /bench/schedule.html)"
printf '%-34s %10s %10s %10s %10s\n' "/bench/schedule.html (same bytes)" "$file_rps" "$p50" "$p99" "$errors"
for export in /2021/schedule /2021/schedule.ics /2021/schedule.xml /2021/schedule.json /2021/schedule/changelog /2021/sessions/2; do
  read -r rps p50 p99 errors <<<"$(wrk_row "$export")"
  printf '%-34s %10s %10s %10s %10s\n' "$export" "$rps" "$p50" "$p99" "$errors"
done
# Every request a cache miss (a random query parameter): what rendering the page from the database costs.
cat >"$work/miss.lua" <<'LUA'
request = function() return wrk.format(nil, "/2021/schedule?day=2021-11-05&miss=" .. math.random(1, 1000000000)) end
LUA
out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$work/miss.lua" "$base")
printf '%-34s %10s %10s %10s %10s\n' "$page (never cached)" "$(awk '/Requests\/sec/{print $2}' <<<"$out")" "$(awk '$1=="50%"{print $2}' <<<"$out")" "$(awk '$1=="99%"{print $2}' <<<"$out")" "$(awk '/Non-2xx|Socket errors/{print}' <<<"$out" | tr '\n' ' ')"
awk -v p="$page_rps" -v f="$file_rps" 'BEGIN { printf "ratio schedule page / static file: %.2f\n", p / f }'
echo "rss_after_load_kib $(ps -o rss= -p $pid)"
