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

# SAMPLE_DISTRICT=1 imports samples/departments.csv and samples/people.csv (and the service catalogue,
# samples/services.csv and samples/faq.csv) at start-up into the tenant of the
# Playground personas (samples/playground/), with Ines Admin as administrator: see the README, "Trying it as several people".
if [ "${SAMPLE_DISTRICT:-}" = "1" ]; then
  sample_tenant=5f2b7c1e-9d4a-4e6b-8a3c-2d1e0f9a8b7c
  export TeamsEngage__Directory__TenantId="$sample_tenant"
  export TeamsEngage__Directory__DepartmentsCsv="$PWD/samples/departments.csv"
  export TeamsEngage__Directory__PeopleCsv="$PWD/samples/people.csv"
  export TeamsEngage__Catalogue__ServicesCsv="$PWD/samples/services.csv"
  export TeamsEngage__Catalogue__FaqCsv="$PWD/samples/faq.csv"
  export TeamsEngage__Administrators__0="$sample_tenant/a1d00000-0000-4000-8000-000000000001"
fi

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
