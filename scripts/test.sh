#!/usr/bin/env bash
# Runs every test on a fresh machine: installs the pinned npm test peers (Azurite, the Agents Playground,
# the Adaptive Cards parser, the Teams manifest schemas), then builds and tests the whole solution.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v dotnet >/dev/null || { echo "dotnet (the .NET 10 SDK) is required" >&2; exit 1; }
command -v node >/dev/null || { echo "node (Node.js 20 or later) and npm are required" >&2; exit 1; }

echo "== npm test peers (tests/node)"
(cd tests/node && npm ci --no-audit --no-fund --loglevel=error)

echo "== browser (Debian's Chromium, for the dashboard's browser tests)"
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
  else
    echo "Chromium is missing at /usr/bin/chromium: install the chromium package (as root: apt-get install -y chromium)" >&2
    exit 1
  fi
fi

echo "== build"
dotnet build TeamsEngage.sln -c Release --nologo -warnaserror

echo "== test"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test TeamsEngage.sln -c Release --no-build --nologo --logger "console;verbosity=normal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# The failed tests again, each with its error message, so the end of the output says what broke.
awk '/^[[:space:]]+Failed [A-Za-z_][A-Za-z0-9_.]+/ { show = 1; print "--"; }
     /^[[:space:]]+Stack Trace:/ { show = 0 }
     show && n < 400 { print; n++ }' "$log"
# One plain closing line for the whole run, summed over the test projects' summaries.
awk '/^[[:space:]]+Passed: [0-9]+$/  { passed += $2 }
     /^[[:space:]]+Failed: [0-9]+$/  { failed += $2 }
     /^[[:space:]]+Skipped: [0-9]+$/ { skipped += $2 }
     END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$log"
exit "$status"
