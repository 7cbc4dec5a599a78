#!/usr/bin/env bash
# What a password sign-in costs, and whether its time tells which addresses have accounts (issue 21).
# 1. Medians of 30 wrong sign-ins each to an address with an account (the demo press account, locked after five)
#    and to one without, interleaved, one at a time with curl.
# 2. Throughput of successful sign-ins (POST /account/login with the right password, answered 302 with the auth
#    cookie), with wrk and a Lua script that posts the form with one antiforgery token.
# The forms' rate limit is lifted for the run. Usage: bash bench/signin.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-15}
connections=${2:-8}
export RateLimits__FormsPerMinute=100000000
source bench/lib/app.sh

jar="$work/jar"
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
t=$(curl -fs -c "$jar" -b "$jar" "$base/account/login" | token)
post() { # post EMAIL PASSWORD: prints the seconds the answer took
  curl -s -o /dev/null -w '%{time_total}\n' -c "$jar" -b "$jar" --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=$2" --data-urlencode "__RequestVerificationToken=$t" "$base/account/login"
}
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m*1000}'; }

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores; Release build; SQLite; demo edition"
post nobody@summit.example "warm up" >/dev/null
post press@summit.example "warm up" >/dev/null
known=(); unknown=()
for i in $(seq 1 30); do
  known+=("$(post press@summit.example "not the password $i")")
  unknown+=("$(post "nobody-$i@summit.example" "not the password $i")")
done
echo "wrong_signin_median_ms_known $(printf '%s\n' "${known[@]}" | median)"
echo "wrong_signin_median_ms_unknown $(printf '%s\n' "${unknown[@]}" | median)"

# Successful sign-ins: the attendee account (no second factor); each answer is a 302 with a new auth cookie.
cookie=$(awk '$6 ~ /Antiforgery/ {print $6"="$7}' "$jar")
cat >"$work/login.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "$cookie"
wrk.body = "Input.Email=attendee%40summit.example&Input.Password=summit-demo-2021&__RequestVerificationToken=$t"
LUA
wrk -t2 -c"$connections" -d5s -s "$work/login.lua" "$base/account/login" >/dev/null
out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$work/login.lua" "$base/account/login")
echo "login_post_req_per_s $(awk '/Requests\/sec/{print $2}' <<<"$out") p50 $(awk '$1=="50%"{print $2}' <<<"$out") p99 $(awk '$1=="99%"{print $2}' <<<"$out") requests $(awk '/requests in/{print $1}' <<<"$out") errors $(awk '/Non-2xx|Socket errors/{print}' <<<"$out" | tr '\n' ' ')"
echo "one_signin_answer $(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$jar" --data-urlencode "Input.Email=attendee@summit.example" --data-urlencode "Input.Password=summit-demo-2021" --data-urlencode "__RequestVerificationToken=$t" "$base/account/login")"

# A signed-in page, for what the session store adds to every request of a signed-in browser (one lookup by key).
signed="$work/signed"
t2=$(curl -fs -c "$signed" -b "$signed" "$base/account/login" | token)
curl -fs -o /dev/null -c "$signed" -b "$signed" --data-urlencode "Input.Email=attendee@summit.example" --data-urlencode "Input.Password=summit-demo-2021" --data-urlencode "__RequestVerificationToken=$t2" "$base/account/login"
auth=$(awk '$6 == ".Summit.Auth" {print $6"="$7}' "$signed")
wrk -t2 -c32 -d5s -H "Cookie: $auth" "$base/account/manage" >/dev/null
out=$(wrk -t2 -c32 -d"${duration}s" --latency -H "Cookie: $auth" "$base/account/manage")
echo "signed_in_account_page_req_per_s $(awk '/Requests\/sec/{print $2}' <<<"$out") p50 $(awk '$1=="50%"{print $2}' <<<"$out") p99 $(awk '$1=="99%"{print $2}' <<<"$out") cookie_bytes ${#auth} errors $(awk '/Non-2xx|Socket errors/{print}' <<<"$out" | tr '\n' ' ')"
echo "rss_after_load_kib $(ps -o rss= -p $pid)"
