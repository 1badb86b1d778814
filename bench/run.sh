#!/usr/bin/env bash
# `make bench`: a fresh PostgreSQL database, the seed and load data at scale BENCH_SCALE (1),
# then run_bench under production settings on 127.0.0.1. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
DB=${BENCH_DATABASE:-idm_bench}
SCALE=${BENCH_SCALE:-1}

if ! command -v wrk >/dev/null 2>&1; then
  echo "Installing wrk (Debian package)…"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk >/dev/null \
    || { apt-get update >/dev/null && apt-get install -y --no-install-recommends wrk >/dev/null; }
fi
pg_isready -h 127.0.0.1 -p 5432 -q || {
  echo "PostgreSQL is not answering on 127.0.0.1:5432"; exit 1; }
if [ "${BENCH_KEEP_DATABASE:-0}" != "1" ]; then
  psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS ${DB}" -c "CREATE DATABASE ${DB}"
fi

# Production settings, as deployed behind the TLS proxy (which redirects to HTTPS itself).
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/${DB}"
export DJANGO_DEBUG=0
export DJANGO_SECRET_KEY="bench-$($PY -c 'import secrets; print(secrets.token_urlsafe(50))')"
export DJANGO_ALLOWED_HOSTS=127.0.0.1
export IDM_SITE_URL=http://127.0.0.1
export DJANGO_SECURE_SSL_REDIRECT=0
export DJANGO_SECURE_COOKIES=0
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/9}

started=$(date +%s)
$PY manage.py migrate --noinput -v0
$PY manage.py seed_idm >/dev/null
$PY manage.py generate_load_data --scale "$SCALE"
$PY manage.py run_bench "$@"
echo "make bench took $(( $(date +%s) - started )) s"
