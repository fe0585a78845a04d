#!/usr/bin/env bash
# Runs every test: cargo test (with the real Azure CLI parse check), then real MCP
# clients against the built binary: the official Python SDK (stdio and HTTP), the MCP
# Inspector CLI and the official conformance suite. Installs what it needs on first
# use: azure-cli and the MCP Python SDK from PyPI, each into its own venv, and the npm
# clients with Node 22, all under $ACR_CMK_CACHE (default ~/.cache/acr-cmk-mcp).
set -euo pipefail
cd "$(dirname "$0")/.."

AZ_CLI_VERSION="${AZ_CLI_VERSION:-2.91.0}"
MCP_SDK_VERSION="${MCP_SDK_VERSION:-2.3.0}"
CACHE="${ACR_CMK_CACHE:-$HOME/.cache/acr-cmk-mcp}"
AZ_VENV="$CACHE/azure-cli-$AZ_CLI_VERSION"
SDK_VENV="$CACHE/mcp-sdk-$MCP_SDK_VERSION"

venv() { # venv DIR PACKAGE==VERSION: create DIR with PACKAGE unless it is already there
  local dir="$1" package="$2"
  if [ ! -f "$dir/.installed" ]; then
    echo "installing $package into $dir" >&2
    rm -rf "$dir"
    python3 -m venv "$dir"
    "$dir/bin/pip" install --quiet --disable-pip-version-check "$package"
    touch "$dir/.installed"
  fi
}

venv "$AZ_VENV" "azure-cli==$AZ_CLI_VERSION"
venv "$SDK_VENV" "mcp==$MCP_SDK_VERSION"

export AZ_CLI="$AZ_VENV/bin/az" REQUIRE_AZ_CLI=1
cargo test --all-targets

echo "== official Python MCP SDK $MCP_SDK_VERSION against the binary (stdio and HTTP)"
cargo build --quiet
"$SDK_VENV/bin/python" tests/interop/python_client.py target/debug/acr-cmk-mcp

echo "== MCP Inspector CLI and the official conformance suite against the binary"
tests/interop/clients.sh target/debug/acr-cmk-mcp
