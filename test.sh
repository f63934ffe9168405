#!/usr/bin/env bash
# Runs every test suite: all projects on SQLite, then the database tests again on PostgreSQL.
# Installs what the tests need when it is missing (Debian packages), starts PostgreSQL,
# and ends with the line `tests: N passed, N failed, N skipped`.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_UI_LANGUAGE=en DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
results=$(mktemp -d)

need_packages=()
command -v pg_ctlcluster >/dev/null || need_packages+=(postgresql)
command -v chromium >/dev/null || need_packages+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need_packages+=(fonts-noto-cjk)
command -v soffice >/dev/null || need_packages+=(libreoffice-writer-nogui libreoffice-calc-nogui)
command -v pdftotext >/dev/null || need_packages+=(poppler-utils)
[ -x /usr/sbin/nginx ] || need_packages+=(nginx) # the several-instances test starts its own, as the current user
if [ ${#need_packages[@]} -gt 0 ]; then
  echo "== installing ${need_packages[*]}"
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need_packages[@]}" >/dev/null
fi

echo "== starting PostgreSQL"
postgres_ok=0
if command -v pg_ctlcluster >/dev/null; then
  cluster=$(pg_lsclusters -h 2>/dev/null | awk 'NR==1{print $1" "$2}')
  if [ -n "$cluster" ]; then
    pg_ctlcluster $cluster start 2>/dev/null || true
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
    if pg_isready -q -h 127.0.0.1; then
      runuser -u postgres -- psql -q -c "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='jiebang') THEN CREATE ROLE jiebang LOGIN CREATEDB PASSWORD 'jiebang'; END IF; END\$\$;" && postgres_ok=1
    fi
  fi
fi
export JIEBANG_TEST_POSTGRES="Host=127.0.0.1;Username=jiebang;Password=jiebang;Database=postgres"

echo "== building"
if ! dotnet build Jiebang.slnx --tl:off -warnaserror -v:q -nologo > "$results/build.log" 2>&1; then
  cat "$results/build.log"
  echo "tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi

run() { # run LABEL PROJECT [extra dotnet test args...]
  local label=$1 project=$2; shift 2
  echo "== $label"
  dotnet test "$project" --no-build --tl:off --logger "trx;LogFileName=$label.trx" --results-directory "$results/trx" "$@" 2>&1 \
    | tee "$results/$label.log" \
    | awk '/Error Message:/ { print; n = 8; next } n > 0 { print; n--; next } /^[ \t]*(Failed|Skipped) |Passed!|Failed!|error/' \
    | head -300
}

run domain tests/Jiebang.Domain.Tests
run cli tests/Jiebang.Cli.Tests
JIEBANG_TEST_PROVIDER=Sqlite run web-sqlite tests/Jiebang.Web.Tests
JIEBANG_TEST_PROVIDER=Sqlite run browser tests/Jiebang.Browser.Tests
if [ $postgres_ok = 1 ]; then
  JIEBANG_TEST_PROVIDER=Postgres run web-postgres tests/Jiebang.Web.Tests --filter "Category=Database"
else
  echo "PostgreSQL could not be started: the PostgreSQL run counts as failed" | tee "$results/postgres-missing.log"
fi

# Each skipped test with its reason, from the TRX files (the console summary leaves reasons out).
if command -v python3 >/dev/null && ls "$results"/trx/*.trx >/dev/null 2>&1; then
  python3 - "$results"/trx/*.trx <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for path in sys.argv[1:]:
    for result in ET.parse(path).getroot().iterfind(".//t:UnitTestResult[@outcome='NotExecuted']", ns):
        reason = result.findtext("t:Output/t:ErrorInfo/t:Message", default="(no reason given)", namespaces=ns).strip()
        print(f"skipped: {result.get('testName')}: {reason}")
PY
fi

passed=0; failed=0; skipped=0
echo "== format (dotnet format --verify-no-changes)"
if timeout 600 dotnet format Jiebang.slnx --verify-no-changes --no-restore > "$results/format.out" 2>&1; then
  passed=$((passed + 1))
else
  head -20 "$results/format.out"; echo "format: run 'dotnet format Jiebang.slnx' to fix"; failed=$((failed + 1))
fi
for log in "$results"/*.log; do
  while read -r f p s; do
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  done < <(grep -E "^(Passed|Failed)!" "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/')
  # A suite that crashed or never reported counts as one failure.
  case "$log" in *build.log) continue;; esac
  grep -qE "^(Passed|Failed)!" "$log" || { echo "no result from $(basename "$log" .log)"; failed=$((failed + 1)); }
done
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
