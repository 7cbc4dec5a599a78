#!/usr/bin/env bash
# Throughput and latency of the public pages, and the web process's memory, on this machine.
# Publishes Summit.Web in Release, starts it on 127.0.0.1 with the demo edition in a throw-away SQLite store,
# and drives it with wrk (Debian package `wrk`). Results go to stdout; copy them into docs/performance.md.
# Usage: bash bench/web.sh [seconds-per-page] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20}
connections=${2:-32}
source bench/lib/app.sh

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; wrk -t2 -c$connections -d${duration}s; Release build; SQLite"
echo "rss_after_start_kib $(ps -o rss= -p $pid)"
printf '%-28s %10s %10s %10s %10s\n' page req/s p50 p99 errors
for page in / /2021 /contact /health /speakers /speakers/zeng-gang /api/v1/speakers /2021/schedule /2021/schedule.ics /api/v1/editions/2021/sessions; do
  read -r rps p50 p99 errors <<<"$(wrk_row "$page")"
  printf '%-28s %10s %10s %10s %10s\n' "$page" "$rps" "$p50" "$p99" "$errors"
done
echo "rss_after_load_kib $(ps -o rss= -p $pid)"
