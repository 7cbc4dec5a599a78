#!/usr/bin/env bash
# Mail throughput: logged emails sent by the real send job (claim, build, SMTP, record) to an SMTP server on 127.0.0.1,
# with connections reused across messages versus one connection per message. Release build; SQLite mail log.
# Results go to stdout; copy them into docs/performance.md.
# Usage: bash bench/mail.sh [messages] [workers]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/MailBench -- "${1:-2000}" "${2:-4}"
