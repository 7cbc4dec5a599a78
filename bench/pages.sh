#!/usr/bin/env bash
# The pages people use during the summit, anonymous and signed in, against a static file of the same bytes served by
# the same process (issue 22). One run: every target warmed up together first, then each measured in turn.
# Rows: static file, anonymous schedule (cached), anonymous schedule rendered from the database on every request,
# the schedule, a session page and /my/agenda signed in as the demo attendee (with three sessions starred), each as
# req/s, p50, p99 and the ratio to the static file; the web process's RSS at rest and after the load.
# Publishes Summit.Web in Release, starts it on 127.0.0.1 with the demo edition in a throw-away SQLite store, drives
# it with wrk (Debian package `wrk`). Results go to stdout; copy them into docs/performance.md.
# Usage: bash bench/pages.sh [seconds-per-run] [connections]
# At ten times the data (issue 22, item 6): Demo__Scale=10 SCHEDULE='/2030/schedule?day=2030-11-04' SESSION=/2030/sessions/300 bash bench/pages.sh
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-15}
connections=${2:-32}
export RateLimits__FormsPerMinute=100000000
source bench/lib/app.sh

# At rest: the demo seeded, nothing requested yet but the health check; a few seconds for the start's garbage to go.
sleep 10
rss_rest=$(ps -o rss= -p "$pid")

schedule=${SCHEDULE:-"/2021/schedule?day=2021-11-05"}
session=${SESSION:-/2021/sessions/2}
mkdir -p "$work/app/wwwroot/bench"
curl -fs "$base$schedule" -o "$work/app/wwwroot/bench/schedule.html"
bytes=$(stat -c %s "$work/app/wwwroot/bench/schedule.html")

# Signed in as the demo attendee, who stars three sessions of the day through the page's own forms.
jar="$work/jar"
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
t=$(curl -fs -c "$jar" -b "$jar" "$base/account/login" | token)
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Email=attendee@summit.example" \
  --data-urlencode "Input.Password=summit-demo-2021" --data-urlencode "__RequestVerificationToken=$t" "$base/account/login"
# The shared pages carry no token; personal.js takes one from the state document, and so does this script.
page_token=$(curl -fs -c "$jar" -b "$jar" "$base/my/state.json" | sed 's/.*"token":"\([^"]*\)".*/\1/')
for id in 2 3 4; do
  curl -fs -o /dev/null -c "$jar" -b "$jar" -H "RequestVerificationToken: $page_token" \
    --data-urlencode "sessionId=$id" --data-urlencode "__RequestVerificationToken=$page_token" "$base/my/agenda?handler=star"
done
# As a browser holds them: the sign-in cookie and the antiforgery cookie (the agenda's copy is keyed on both).
cookie=$(awk '$6 == ".Summit.Auth" || $6 == ".Summit.Antiforgery" {printf "%s%s=%s", (n++ ? "; " : ""), $6, $7}' "$jar")
starred=$(curl -fs -H "Cookie: $cookie" "$base/my/agenda" | grep -c 'class="session-card' || true)
[ "$starred" -ge 3 ] || { echo "bench: the attendee's agenda shows $starred sessions, expected 3" >&2; exit 1; }

# wrk takes a header only as "Name: value", which a word-split option cannot carry: the cookie goes in a script.
cat >"$work/signed.lua" <<LUA
wrk.headers["Cookie"] = "$cookie"
LUA

# Rendering from the database on every request: a second process from the same build with the output cache off
# (Web__OutputCache=false), on its own copy of the demo. Random parameters no longer miss the cache (issue 22).
uncached="http://127.0.0.1:$(free_port $((port + 1)))"
start_web "$uncached" "$work/data-uncached" "$work/app-uncached.log" Web__OutputCache=false
uncached_pid=$started
trap 'kill $pid $uncached_pid 2>/dev/null || true; wait $pid $uncached_pid 2>/dev/null || true; rm -rf "$work"' EXIT
wait_for "$uncached/health"

# run LABEL PATH [wrk options...]: prints "req/s p50 p99 errors" for one measured run.
run() {
  local path=$1; shift
  local out
  local target=$base
  [ "$path" = "@uncached" ] && { target=$uncached; path=$schedule; }
  out=$(wrk -t2 -c"$connections" -d"${seconds:-$duration}s" --latency "$@" "$target$path")
  local errors
  errors=$(awk '/Non-2xx|Socket errors/{print}' <<<"$out" | tr '\n' ' ')
  echo "$(awk '/Requests\/sec/{print $2}' <<<"$out") $(awk '$1=="50%"{print $2}' <<<"$out") $(awk '$1=="99%"{print $2}' <<<"$out") ${errors:-none}"
}
labels=("static file (same bytes)" "schedule, anonymous" "schedule, anonymous, never cached" "schedule, signed in" "session page, signed in" "/my/agenda, signed in")
paths=(/bench/schedule.html "$schedule" @uncached "$schedule" "$session" /my/agenda)
options=("" "" "" "-s $work/signed.lua" "-s $work/signed.lua" "-s $work/signed.lua")

# A fresh process is still compiling its hot paths (tiered JIT): warm every target up, twice, before measuring any.
for _ in 1 2; do
  for i in "${!paths[@]}"; do
    # shellcheck disable=SC2086
    seconds=3 run "${paths[$i]}" ${options[$i]} >/dev/null
  done
done

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores; wrk -t2 -c$connections -d${duration}s after warm-ups; Release build; SQLite; demo edition; schedule page $bytes bytes anonymous"
printf '%-36s %10s %10s %10s %8s  %s\n' target req/s p50 p99 ratio errors
static_rps=""
for i in "${!paths[@]}"; do
  # shellcheck disable=SC2086
  read -r rps p50 p99 errors <<<"$(run "${paths[$i]}" ${options[$i]})"
  static_rps=${static_rps:-$rps}
  ratio=$(awk -v r="$rps" -v s="$static_rps" 'BEGIN { printf "%.3f", r / s }')
  printf '%-36s %10s %10s %10s %8s  %s\n' "${labels[$i]}" "$rps" "$p50" "$p99" "$ratio" "$errors"
done
# Random query parameters (issue 22, item 4): they share the page's entry, so the cache and the process stay flat.
cat >"$work/random.lua" <<LUA
request = function() return wrk.format(nil, "$schedule&x=" .. math.random(1, 1000000000) .. "&utm_source=" .. math.random(1, 1000000)) end
LUA
rss_before_random=$(ps -o rss= -p "$pid")
read -r rps p50 p99 errors <<<"$(run / -s "$work/random.lua")"
printf '%-36s %10s %10s %10s %8s  %s\n' "schedule, random parameters" "$rps" "$p50" "$p99" "$(awk -v r="$rps" -v s="$static_rps" 'BEGIN { printf "%.3f", r / s }')" "$errors"
echo "rss_before_random_parameters_kib $rss_before_random"
echo "rss_after_random_parameters_kib $(ps -o rss= -p "$pid")"
echo "signed_in_statuses $(for p in "$schedule" "$session" /my/agenda; do curl -s -o /dev/null -w '%{http_code} ' -H "Cookie: $cookie" "$base$p"; done)"
echo "signed_in_schedule_bytes $(curl -fs -H "Cookie: $cookie" "$base$schedule" | wc -c)"
echo "rss_at_rest_kib $rss_rest"
echo "rss_after_load_kib $(ps -o rss= -p "$pid")"
echo "rss_uncached_process_after_load_kib $(ps -o rss= -p "$uncached_pid")"
