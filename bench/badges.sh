#!/usr/bin/env bash
# Badge rendering: single-badge PDFs (as the badge job and the "badge ready" email make them) per second, mean size and
# peak memory. Release build. Results go to stdout; copy them into docs/performance.md.
# Usage: bash bench/badges.sh [count]        (bash bench/badges.sh 0 --sample badge.pdf writes one badge)
#        bash bench/badges.sh 5000 --sheet   (the print run of 5,000 badges, four per A4 sheet, as ZIP of PDFs past 2,000: rate and peak memory)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/BadgeBench -- "${1:-1000}" "${@:2}"
