#!/usr/bin/env bash
# Makes the demo upgrade fixture (demo.sqlite, demo.postgres.sql) with the commit named below: the
# Development demo data of that commit, written out by generator/DemoFixtureGenerator.cs run in a clean
# export of it. Remake it from the last landed commit whenever a change adds a migration. Needs the .NET SDK,
# pg_dump, and PostgreSQL as for the tests (JIEBANG_TEST_POSTGRES, default Host=127.0.0.1;Username=jiebang;Password=jiebang).
set -euo pipefail
commit="${1:?usage: make-demo-fixture.sh <commit>}"
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(git -C "$here" rev-parse --show-toplevel)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

git -C "$repo" archive "$commit" | tar -x -C "$work"
cp "$here/generator/DemoFixtureGenerator.cs" "$work/tests/Jiebang.Web.Tests/"
cd "$work"
dotnet build tests/Jiebang.Web.Tests --tl:off -v:q -nologo
for provider in Sqlite Postgres; do
  JIEBANG_TEST_PROVIDER=$provider JIEBANG_FIXTURE_OUT="$here" JIEBANG_FIXTURE_NAME=demo \
    dotnet test tests/Jiebang.Web.Tests --no-build --tl:off --filter "FullyQualifiedName~DemoFixtureGenerator"
done
# psql meta-commands (\restrict, newer pg_dump) are not SQL; the test skips them, keep the file plain.
sed -i '/^\\/d' "$here/demo.postgres.sql"
git -C "$repo" rev-parse "$commit" > "$here/demo.commit"
echo "made with $(cat "$here/demo.commit")"
