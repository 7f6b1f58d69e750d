#!/usr/bin/env bash
# scripts/add-migration.sh <Name>: adds the same migration for every provider (SQLite and PostgreSQL).
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh <MigrationName>}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project "src/SalesFlow.Migrations.$provider" --output-dir Migrations
done
