#!/usr/bin/env bash
# Memory of the web process while photos are uploaded at once (issue 21, item 8): writes a 49-megapixel JPEG
# (bench/PhotoBench), starts Summit (Release, SQLite, demo edition), signs in as the demo organizer and posts the photo
# to a speaker's photo form from N clients at the same moment, sampling the process's resident memory every 20 ms.
# Prints the resident memory before, the peak during the uploads (sampled, and the kernel's VmHWM), the answers, the time.
# Usage: bash bench/photos.sh [uploads] [jpg|png]  (default 12 JPEGs; Photos__ConcurrentDecodes and the like pass through)
set -euo pipefail
cd "$(dirname "$0")/.."
uploads=${1:-12}
format=${2:-jpg}
export RateLimits__FormsPerMinute=100000000
photo=$(mktemp "/tmp/summit-photo.XXXXXX.$format")
dotnet run -c Release --project bench/PhotoBench -- "$photo" >&2
source bench/lib/app.sh
trap 'rm -f "$photo"; kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT

jar="$work/jar"
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
t=$(curl -fs -c "$jar" -b "$jar" "$base/account/login" | token)
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Email=organizer@summit.example" --data-urlencode "Input.Password=summit-demo-2021" --data-urlencode "__RequestVerificationToken=$t" "$base/account/login"
speaker=$(curl -fs -b "$jar" "$base/admin/speakers" | grep -o '/admin/speakers/photo/[0-9]*' | head -1)
form=$(curl -fs -c "$jar" -b "$jar" "$base$speaker" | token)

kib() { awk -v k="$1" '$1 == k":" {print $2}' "/proc/$pid/status"; }
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores; Release build; SQLite; $uploads uploads at once of a $format of $(stat -c %s "$photo") bytes, 8572 × 5716; Photos:ConcurrentDecodes ${Photos__ConcurrentDecodes:-2 (default)}"
echo "rss_before_kib $(kib VmRSS)"
peak=0
( while kill -0 $pid 2>/dev/null; do kib VmRSS; sleep 0.02; done ) >"$work/rss" &
sampler=$!
started=$(date +%s.%N)
for i in $(seq 1 "$uploads"); do
  curl -s -o /dev/null -w '%{http_code}\n' -b "$jar" -F "Input.Photo=@$photo;type=image/$([[ $format == png ]] && echo png || echo jpeg)" -F "Input.Credit=Bench $i" -F "Input.Licence=Bench" \
    -F "__RequestVerificationToken=$form" "$base$speaker" >>"$work/answers" &
done
wait $(jobs -p | grep -v "^$sampler$" | grep -v "^$pid$") 2>/dev/null || true
finished=$(date +%s.%N)
sleep 0.5
kill $sampler 2>/dev/null || true
peak=$(sort -n "$work/rss" | tail -1)
echo "rss_peak_sampled_kib $peak"
echo "rss_peak_vmhwm_kib $(kib VmHWM)"
echo "answers $(sort "$work/answers" | uniq -c | awk '{printf "%s×%s ", $1, $2}')"
echo "seconds $(echo "$finished - $started" | bc -l | cut -c1-5)"
