#!/usr/bin/env bash
# Runs the bot locally on http://127.0.0.1:3978/api/messages in the Development environment:
# no app id (anonymous, for the Agents Playground), data in the embedded store under src/TeamsEngage/data/.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v dotnet >/dev/null || { echo "dotnet (the .NET 10 SDK) is required" >&2; exit 1; }
export ASPNETCORE_ENVIRONMENT=Development
exec dotnet run --project src/TeamsEngage --launch-profile TeamsEngage "$@"
