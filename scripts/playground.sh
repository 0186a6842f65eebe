#!/usr/bin/env bash
# Starts the Microsoft 365 Agents Playground against the locally running bot (bash scripts/run.sh),
# bound to 127.0.0.1 only. Open http://127.0.0.1:56150 in a browser.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
port="${PLAYGROUND_PORT:-56150}"
bot="${BOT_ENDPOINT:-http://127.0.0.1:3978/api/messages}"
[ -d "$root/tests/node/node_modules" ] || (cd "$root/tests/node" && npm ci --no-audit --no-fund --loglevel=error)
export TEAMSAPPTESTER_BROWSER=none
export NODE_OPTIONS="--require $root/tests/node/playground-loopback.cjs"
exec node "$root/tests/node/node_modules/@microsoft/m365agentsplayground/cli.js" \
  -e "$bot" -c msteams -p "$port" --service-url "http://127.0.0.1:$port/_connector" --disable-telemetry
