#!/usr/bin/env bash
# Remakes the upgrade fixture (upgrade.sqlite, upgrade.postgres.sql) with the commit named below:
# a clean export of that commit gets generator/UpgradeFixtureGenerator.cs added to its web test
# project, which starts the app in Development (demo data) on each provider, files demands in
# every state and writes the database out. Needs the .NET SDK, pg_dump, and PostgreSQL as for
# the tests (JIEBANG_TEST_POSTGRES, default Host=127.0.0.1;Username=jiebang;Password=jiebang).
set -euo pipefail
commit="${1:-b7a937b}"
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(git -C "$here" rev-parse --show-toplevel)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

git -C "$repo" archive "$commit" | tar -x -C "$work"
cp "$here/generator/UpgradeFixtureGenerator.cs" "$work/tests/Jiebang.Web.Tests/"
cd "$work"
dotnet build tests/Jiebang.Web.Tests --tl:off -v:q -nologo
for provider in Sqlite Postgres; do
  JIEBANG_TEST_PROVIDER=$provider JIEBANG_FIXTURE_OUT="$here" \
    dotnet test tests/Jiebang.Web.Tests --no-build --tl:off --filter "FullyQualifiedName~UpgradeFixtureGenerator"
done
# psql meta-commands (\restrict, newer pg_dump) are not SQL; the test skips them, keep the file plain.
sed -i '/^\\/d' "$here/upgrade.postgres.sql"
echo "made with $(git -C "$repo" rev-parse "$commit"); update README.md"
