#!/usr/bin/env bash
# Runs the bot locally in the Development environment: no app id (anonymous, for the Agents Playground), data in the
# embedded store under src/TeamsEngage/data/. It listens on http://127.0.0.1:3978 unless told otherwise, first match wins:
#   bash scripts/run.sh --urls http://127.0.0.1:4000
#   ASPNETCORE_URLS=http://127.0.0.1:4000 bash scripts/run.sh
#   BOT_ENDPOINT=http://127.0.0.1:4000/api/messages bash scripts/run.sh   (the same variable scripts/playground.sh reads)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v dotnet >/dev/null || { echo "dotnet (the .NET 10 SDK) is required" >&2; exit 1; }
export ASPNETCORE_ENVIRONMENT=Development

urls="${ASPNETCORE_URLS:-}"
if [ -z "$urls" ] && [ -n "${BOT_ENDPOINT:-}" ]; then
  # The bot listens where the Playground will send: scheme, host and port of the endpoint.
  urls="$(printf '%s' "$BOT_ENDPOINT" | sed -E 's#^(https?://[^/]+).*$#\1#')"
fi
urls="${urls:-http://127.0.0.1:3978}"
for arg in "$@"; do
  case "$arg" in --urls|--urls=*) urls="" ;; esac
done

# No launch profile: its applicationUrl would override ASPNETCORE_URLS. A --urls argument is passed on and wins.
if [ -n "$urls" ]; then
  exec dotnet run --project src/TeamsEngage --no-launch-profile -- --urls "$urls" "$@"
fi
exec dotnet run --project src/TeamsEngage --no-launch-profile -- "$@"
