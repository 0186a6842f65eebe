#!/usr/bin/env bash
# Mutation testing of the rules that matter most. Each area is one Stryker configuration in mutation/;
# an area scoring under 85 % of mutants killed makes the command fail. Reports: artifacts/mutation/<area>/reports.
#   bash scripts/mutation.sh            every area
#   bash scripts/mutation.sh auth       one area (auth, tenancy, access, anonymity, outbox)
# Not run in CI: an area takes minutes on two cores (docs/quality.md).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null

declare -A tests=( [auth]=tests/TeamsEngage.Connector.Tests [tenancy]=tests/TeamsEngage.Storage.Tests
  [access]=tests/TeamsEngage.Tests [anonymity]=tests/TeamsEngage.Tests [outbox]=tests/TeamsEngage.Tests )
areas=("$@")
[ ${#areas[@]} -eq 0 ] && areas=(auth tenancy access anonymity outbox)

status=0
for area in "${areas[@]}"; do
  [ -n "${tests[$area]:-}" ] || { echo "unknown area '$area' (known: ${!tests[*]})" >&2; exit 2; }
  out="$PWD/artifacts/mutation/$area"
  echo "== $area"
  if (cd "${tests[$area]}" && dotnet stryker -f "../../mutation/$area.json" --skip-version-check -O "$out"); then
    echo "$area: at or above the threshold"
  else
    echo "$area: below the threshold (see $out/reports/mutation-report.md)"; status=1
  fi
done
exit "$status"
