#!/usr/bin/env bash
# The registration rush: N concurrent clients (default 1,000) register over HTTP for a category with 100 seats, each
# with its own address, as browsers do (form page first for the antiforgery cookie and token, then the POST).
# Prints registrations per minute and the confirmed / waitlisted counts; exactly 100 must be confirmed.
# SQLite by default; with SUMMIT_BENCH_POSTGRES="Host=…;Username=…;Password=…" it runs on a fresh PostgreSQL database.
# The per-address flood limit is lifted for the run, since every client here shares 127.0.0.1.
# Usage: bash bench/registration.sh [seconds] [clients]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20}
connections=${2:-1000}
engine=SQLite
if [[ -n "${SUMMIT_BENCH_POSTGRES:-}" ]]; then
  engine=PostgreSQL
  database="summit_bench_$(date +%s)"
  export Database__Provider=Postgres
  export ConnectionStrings__Summit="$SUMMIT_BENCH_POSTGRES;Database=$database"
  psql "$(sed 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/; s/Password=/password=/; s/Database=/dbname=/' <<<"$SUMMIT_BENCH_POSTGRES")" -qc "CREATE DATABASE $database" >/dev/null
fi
export RateLimits__FormsPerMinute=100000000
ulimit -n 65536 2>/dev/null || true
source bench/lib/app.sh

jar="$work/organizer.cookies"
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
t=$(curl -fs -c "$jar" -b "$jar" "$base/account/login" | token)
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Email=organizer@summit.example" --data-urlencode "Input.Password=summit-demo-2021" --data-urlencode "__RequestVerificationToken=$t" "$base/account/login"
t=$(curl -fs -c "$jar" -b "$jar" "$base/admin/registrations/2021/categories" | token)
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.NameEn=Bench rush" --data-urlencode "Input.NameZh=压测" --data-urlencode "Input.Kind=General" \
  --data-urlencode "Input.Capacity=100" --data-urlencode "Input.RequiresApproval=false" --data-urlencode "Input.RequiresInvitation=false" --data-urlencode "Input.Order=99" \
  --data-urlencode "__RequestVerificationToken=$t" "$base/admin/registrations/2021/categories"
category=$(curl -fs "$base/2021/register" | grep -o 'id="category-[0-9]*" name="Input.CategoryId" value="[0-9]*"' | tail -n 1 | grep -o 'value="[0-9]*"' | grep -o '[0-9]*')

cat >"$work/rush.lua" <<LUA
local token, cookie
local n = 0
function setup(thread) thread:set("tid", math.random(1, 1000000000)) end
request = function()
  if not token then return wrk.format("GET", "/2021/register") end
  n = n + 1
  local who = tid .. "-" .. n
  local body = "Input.CategoryId=$category&Input.FamilyNameLatin=Rush&Input.GivenNameLatin=P" .. who ..
    "&Input.Email=rush-" .. who .. "%40bench.test&Input.PreferredCulture=en&Input.Consent=true&__RequestVerificationToken=" .. token
  return wrk.format("POST", "/2021/register", { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie }, body)
end
response = function(status, headers, body)
  if not token and status == 200 then
    token = body:match('name="__RequestVerificationToken" type="hidden" value="([^"]+)"')
    cookie = (headers["Set-Cookie"] or ""):match("(%.Summit%.Antiforgery=[^;]+)")
  end
end
LUA
out=$(wrk -t2 -c"$connections" -d"${duration}s" --timeout 30s -s "$work/rush.lua" "$base")
csv=$(curl -fs -c "$jar" -b "$jar" "$base/admin/registrations/2021?handler=csv" | grep ',Bench rush,' || true)
confirmed=$(grep -c ',Bench rush,Confirmed,' <<<"$csv" || true)
waitlisted=$(grep -c ',Bench rush,Waitlisted,' <<<"$csv" || true)
total=$((confirmed + waitlisted))
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores; $engine; Release build; $connections clients (wrk -t2 -c$connections -d${duration}s) for 100 seats"
echo "registrations $total in ${duration}s = $((total * 60 / duration)) per minute"
echo "confirmed $confirmed waitlisted $waitlisted"
awk '/Latency|Socket errors|Requests\/sec/' <<<"$out"
echo "http_5xx $(grep -c " 500 \| 503 " "$work/app.log" || true) (from the app log)"
[[ "$confirmed" == 100 ]] || { echo "FAIL: $confirmed confirmed, expected exactly 100" >&2; exit 1; }
