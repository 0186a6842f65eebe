#!/usr/bin/env bash
# Starts the Microsoft 365 Agents Playground against the locally running bot (bash scripts/run.sh),
# bound to 127.0.0.1 only. Open http://127.0.0.1:56150 in a browser.
# PLAYGROUND_AS=admin|liaison|teacher|newcomer opens it as one person of the sample district (samples/playground/),
# each on its own port (56151 to 56154) so that several people can talk to the bot at once.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
default_port=56150
if [ -n "${PLAYGROUND_AS:-}" ]; then
  case "$PLAYGROUND_AS" in
    admin) default_port=56151 ;; liaison) default_port=56152 ;; teacher) default_port=56153 ;; newcomer) default_port=56154 ;;
    *) echo "PLAYGROUND_AS must be one of admin, liaison, teacher, newcomer (got '$PLAYGROUND_AS')" >&2; exit 2 ;;
  esac
  # The Playground reads its people from .m365agentsplayground.yml in the folder it starts in.
  cd "$root/samples/playground/$PLAYGROUND_AS"
fi
port="${PLAYGROUND_PORT:-$default_port}"
bot="${BOT_ENDPOINT:-http://127.0.0.1:3978/api/messages}"
[ -d "$root/tests/node/node_modules" ] || (cd "$root/tests/node" && npm ci --no-audit --no-fund --loglevel=error)
export TEAMSAPPTESTER_BROWSER=none
export NODE_OPTIONS="--require $root/tests/node/playground-loopback.cjs"
exec node "$root/tests/node/node_modules/@microsoft/m365agentsplayground/cli.js" \
  -e "$bot" -c msteams -p "$port" --service-url "http://127.0.0.1:$port/_connector" --disable-telemetry
