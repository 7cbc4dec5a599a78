#!/usr/bin/env bash
# Every page each role reaches by following links, at one tenth and at the whole of a large summit's data (issue 22,
# item 6): two web processes from one Release build, one with Demo__Scale=1 (60 sessions, 40 speakers, 2,000
# registrations, 20 articles in the size-test edition 2030), one with Demo__Scale=10 (600, 400, 20,000, 200).
# As anonymous and as the demo organizer, speaker, journalist and attendee, the script walks the links from the
# home page, the edition's pages and each role's area (every page of another edition such as the demo's 2021, the
# Hangfire dashboard, downloads and sign-out left out), one address per shape (digits and query values aside); then it asks each address
# 1 + 20 times, one request at a time, and prints p95 at 1x and 10x, the ratio, and the page's size at 10x.
# Last, the registrations CSV of 20,000 rows: its time, its size and the process's RSS before and after.
# Usage: bash bench/scale.sh [requests-per-page] [max-pages-per-role]
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-20}
max_pages=${2:-120}
export RateLimits__FormsPerMinute=100000000 Demo__Scale=10
source bench/lib/app.sh
large=$base
large_pid=$pid

small="http://127.0.0.1:$(free_port $((port + 1)))"
start_web "$small" "$work/data-small" "$work/app-small.log" Demo__Scale=1
small_pid=$started
trap 'kill $large_pid $small_pid 2>/dev/null || true; wait $large_pid $small_pid 2>/dev/null || true; rm -rf "$work"' EXIT
wait_for "$small/health"
# The start's consequences (the programme PDF of 600 sessions, the speakers' registrations) run in the background first.
sleep 20

token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
# sign_in BASE JAR EMAIL
sign_in() {
  local t
  t=$(curl -fs -c "$2" -b "$2" "$1/account/login" | token)
  curl -fs -o /dev/null -c "$2" -b "$2" --data-urlencode "Input.Email=$3" --data-urlencode "Input.Password=summit-demo-2021" \
    --data-urlencode "__RequestVerificationToken=$t" "$1/account/login"
}

# shape URL: the address with digit runs as N, public slugs as SLUG and each query value dropped, so
# /admin/registrations/2030/17 and /admin/registrations/2030/18 are one page, and ?page=2 and ?page=3 too.
shape() {
  local path=${1%%\?*} query=""
  [[ $1 == *\?* ]] && query="?$(tr '&' '\n' <<<"${1#*\?}" | sed 's/=.*//' | sort -u | paste -sd '&')"
  # A public speaker's or article's slug is a name: one shape too.
  sed -E 's#^(/[0-9]+)?/(speakers|news)/[^/?]+#\1/\2/SLUG#; s/[0-9]+/N/g' <<<"$path$query"
}

# crawl BASE JAR SEEDS...: prints "shape<TAB>address" for each shape reached, breadth first, at most max_pages.
crawl() {
  local base=$1 jar=$2
  shift 2
  local -a queue=("$@")
  local -A seen=()
  local found=0 head=0
  while ((head < ${#queue[@]} && found < max_pages)); do
    local url=${queue[$head]}
    head=$((head + 1))
    local key
    key=$(shape "$url")
    [[ -n ${seen[$key]:-} ]] && continue
    seen[$key]=1
    local html
    html=$(curl -fs -b "$jar" "$base$url" 2>/dev/null) || continue
    printf '%s\t%s\n' "$key" "$url"
    found=$((found + 1))
    while IFS= read -r link; do
      queue+=("$link")
    done < <(grep -oE 'href="/[^"#]*' <<<"$html" | sed 's/^href="//; s/&amp;/\&/g' |
      grep -vE '(^|/)20(1[89]|2[0-5])(/|\?|$)|^/admin/jobs|^/account/logout|^/culture|handler=|\.(pdf|ics|xml|json|csv|png|jpe?g|webp|svg|css|js|ico|txt)(\?|$)|/photo(/|\?|$)|/feed|^//' || true)
  done
}

# p95 BASE JAR URL: one warm-up, then the requests; prints "p95-ms status bytes".
p95() {
  local out
  curl -s -o /dev/null -b "$2" "$1$3" || true
  out=$(for _ in $(seq 1 "$requests"); do curl -s -o /dev/null -b "$2" -w '%{time_total} %{http_code} %{size_download}\n' "$1$3"; done)
  local n
  n=$(( (requests * 95 + 99) / 100 ))
  echo "$(awk '{print $1}' <<<"$out" | sort -g | sed -n "${n}p" | awk '{printf "%.1f", $1 * 1000}') $(tail -n 1 <<<"$out" | awk '{print $2, $3}')"
}

roles=(anonymous organizer speaker press attendee)
declare -A emails=([organizer]=organizer@summit.example [speaker]=speaker@summit.example [press]=press@summit.example [attendee]=attendee@summit.example)
seeds=(/ /2030 /2030/schedule /2030/speakers /speakers /news)
declare -A role_seeds=([organizer]="/admin /admin/registrations/2030 /admin/speakers /admin/mail /admin/audit /checkin /newsroom /account/manage"
  [speaker]="/my/agenda /my/speaker-profile /my/sign-offs /account/manage" [press]="/newsroom /account/manage" [attendee]="/my/agenda /my/registration /account/manage")

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores; Release build; SQLite; one request at a time, 1 + $requests per page; p95 in ms"
printf '%-10s %-58s %8s %8s %6s %9s\n' role page "p95@1x" "p95@10x" ratio "KB@10x"
over_budget=0 over_ratio=0 pages=0
for role in "${roles[@]}"; do
  small_jar="$work/jar-small-$role" large_jar="$work/jar-large-$role"
  : >"$small_jar"; : >"$large_jar"
  if [[ $role != anonymous ]]; then
    sign_in "$small" "$small_jar" "${emails[$role]}"
    sign_in "$large" "$large_jar" "${emails[$role]}"
  fi
  # shellcheck disable=SC2206
  role_start=("${seeds[@]}" ${role_seeds[$role]:-})
  declare -A small_urls=()
  while IFS=$'\t' read -r key url; do small_urls[$key]=$url; done < <(crawl "$small" "$small_jar" "${role_start[@]}")
  # Both walks first, so nothing else asks either process anything while a page is measured.
  mapfile -t large_pages < <(crawl "$large" "$large_jar" "${role_start[@]}")
  for line in "${large_pages[@]}"; do
    key=${line%%$'\t'*} url=${line#*$'\t'}
    read -r large_ms large_status large_bytes <<<"$(p95 "$large" "$large_jar" "$url")"
    small_ms="-" ratio="-"
    if [[ -n ${small_urls[$key]:-} ]]; then
      read -r small_ms _ _ <<<"$(p95 "$small" "$small_jar" "${small_urls[$key]}")"
      ratio=$(awk -v a="$large_ms" -v b="$small_ms" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
      awk -v r="$ratio" 'BEGIN { exit !(r > 2) }' && over_ratio=$((over_ratio + 1))
    fi
    awk -v m="$large_ms" 'BEGIN { exit !(m > 100) }' && over_budget=$((over_budget + 1))
    pages=$((pages + 1))
    [[ $large_status == 200 ]] || key="$key ($large_status)"
    printf '%-10s %-58s %8s %8s %6s %9s\n' "$role" "${key:0:58}" "$small_ms" "$large_ms" "$ratio" "$(awk -v b="$large_bytes" 'BEGIN { printf "%.1f", b / 1024 }')"
  done
  unset small_urls
done
echo "# $pages pages; $over_budget with p95 over 100 ms at 10x; $over_ratio with a 10x / 1x ratio over 2"

# The registrations CSV at 20,000 rows, streamed: the time, the size, and the web process's RSS around it.
rss_before=$(ps -o rss= -p "$large_pid")
csv=$(curl -s -o /dev/null -b "$work/jar-large-organizer" -w '%{time_total} %{size_download}' "$large/admin/registrations/2030?handler=Csv")
rss_after=$(ps -o rss= -p "$large_pid")
echo "# registrations CSV at 10x: $(awk '{printf "%.0f ms, %.1f MB", $1 * 1000, $2 / 1048576}' <<<"$csv"); web RSS $((rss_before / 1024)) MB before, $((rss_after / 1024)) MB after"
