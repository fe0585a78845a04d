#!/usr/bin/env bash
# Benchmarks acr-cmk-mcp against the peer a user would otherwise write (bench/peer/server.py:
# the official Python MCP SDK 2.3.0 + tantivy-py), in one run with the same client code.
#
#   cargo build --release      # first; this script builds nothing
#   cargo build --release --example line_echo   # optional: the stdio floor, timed in the same run
#   bench/run.sh --quick       # a smoke run: 2 runs, 100 calls per tool, 3 s per HTTP level
#   bench/run.sh               # the full run: 5 runs, 300 calls per tool, 10 s per HTTP level,
#                              # 1k and 10k doc synthetic corpora (about 10-15 minutes)
#
# Every argument goes to bench/harness.py (see `bench/run.sh --help`): --ours PATH (default
# target/release/acr-cmk-mcp), --runs N, --quick, --skip-http, --skip-scale, --scale 1000,10000,
# --http-mode stateless|session, --no-pin, ...
#
# What it does:
#   1. creates a venv at $ACR_CMK_CACHE/bench-venv (default ~/.cache/acr-cmk-mcp/bench-venv,
#      outside the repo) with bench/peer/requirements.txt from PyPI, once (again when the
#      requirements change); needs python3 with venv;
#   2. checks that target/release/acr-cmk-mcp (or --ours) exists;
#   3. runs bench/harness.py with that venv's Python, which is also the peer's Python.
# The synthetic corpora are generated under ${TMPDIR:-/tmp}/acr-cmk-bench-corpus and reused.
# Results: a Markdown report on stdout and in bench/results/latest.md, raw JSON in
# bench/results/latest.json. The HTTP part runs when `acr-cmk-mcp serve --help` lists --http.
# All traffic stays on 127.0.0.1; every step is bounded in time. The exit code is 1 when the
# report lists problems (errors, a busy machine), 2 on a usage error.
set -euo pipefail
cd "$(dirname "$0")/.."

CACHE="${ACR_CMK_CACHE:-$HOME/.cache/acr-cmk-mcp}"
VENV="$CACHE/bench-venv"
REQ=bench/peer/requirements.txt

stamp="$(sha256sum "$REQ" | cut -c1-16)"
if [ ! -f "$VENV/.installed-$stamp" ]; then
  echo "installing $(tr '\n' ' ' <"$REQ")into $VENV" >&2
  rm -rf "$VENV"
  mkdir -p "$CACHE"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$REQ"
  touch "$VENV/.installed-$stamp"
fi

ours=target/release/acr-cmk-mcp
prev=""
for a in "$@"; do
  case "$a" in
    --ours=*) ours="${a#--ours=}" ;;
  esac
  if [ "$prev" = "--ours" ]; then ours="$a"; fi
  prev="$a"
done
case " $* " in
  *" -h "* | *" --help "*) ;;
  *)
    if [ ! -x "$ours" ]; then
      echo "error: $ours not found; build it first with: cargo build --release" >&2
      exit 2
    fi
    ;;
esac

exec "$VENV/bin/python" bench/harness.py --ours "$ours" --peer-python "$VENV/bin/python" "$@"
