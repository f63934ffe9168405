#!/usr/bin/env bash
# The deadline rush, from one command: a fresh PostgreSQL database, the app (Release, Production)
# started on it, then bench/Jiebang.Load against it; the app is stopped at the end.
#   bench/Jiebang.Load/run.sh [driver options: --clients 200 --filings 1 --saves 3 --staff 4 …]
# APP_DIR=/path/to/another/checkout runs that checkout's app instead (e.g. an unchanged main).
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
APP_DIR=${APP_DIR:-$REPO}
DB=${LOAD_DB:-jiebang_load}
PORT=${LOAD_PORT:-5080}
PG=${LOAD_POSTGRES:-"Host=127.0.0.1;Username=jiebang;Password=jiebang"}
WORK=$(mktemp -d /tmp/jiebang-load-XXXXXX)

PGPASSWORD=jiebang psql -h 127.0.0.1 -U jiebang -d postgres -q -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
dotnet build -c Release "$APP_DIR/src/Jiebang.Web" --tl:off -v:q -nologo >/dev/null
dotnet build -c Release "$REPO/bench/Jiebang.Load" --tl:off -v:q -nologo >/dev/null

# A new installation's key files, made as docs/operations.md says.
install -d -m 700 "$WORK/keys"
for key in data-protection lookup audit-chain; do (umask 077; openssl rand -base64 32 > "$WORK/keys/$key.key"); done

# Production settings as shipped: the sign-in limits (per address and per account) stay on.
(cd "$APP_DIR/src/Jiebang.Web" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$PORT" \
  Database__Provider=Postgres ConnectionStrings__Postgres="$PG;Database=$DB" \
  Keys__Directory="$WORK/keys" Storage__Root="$WORK/files" Logging__LogLevel__Default=Warning \
  exec dotnet bin/Release/net10.0/Jiebang.Web.dll >"$WORK/app.log" 2>&1) &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break
  sleep 1
done
echo "app: $APP_DIR (pid $APP), log $WORK/app.log"
dotnet "$REPO/bench/Jiebang.Load/bin/Release/net10.0/Jiebang.Load.dll" --url "http://127.0.0.1:$PORT" --postgres "$PG;Database=$DB" "$@"
