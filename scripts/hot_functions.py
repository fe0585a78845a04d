#!/usr/bin/env python3
"""Writes link/hot-functions.txt: the functions a served session runs, for the linker.

The release binary is about 13 MB, 8.6 MB of it code, and the code a session runs is
spread all over it. The kernel maps a file's pages 64 KB at a time around each page a
process touches, so a session that runs 2.6 MB of functions kept about 10.5 MB of the
binary resident: most of the peak RSS on the embedded knowledge. build.rs hands this
list to the linker (lld's --symbol-ordering-file), which lays these functions out
first and together.

The list comes from callgrind over a release build of `serve` on stdio, driven through
every MCP method, all three tools (their errors too) and the dev question set; then the
functions that only `serve --http` runs, from the dev questions asked again over HTTP.
It is not driven by the benchmark's own questions (bench/harness.py), which measure it.

Symbol names carry a hash that depends on the compiler version and each crate's
version and features, so the list holds for the toolchain named in its header; build.rs
leaves it out, with a warning, under any other. Rerun this after a toolchain or
dependency change, or after a change that moves much code:

    cargo build --release && python3 scripts/hot_functions.py && cargo build --release

Build the binary alone: built in one command with an example, it takes the
dev-dependencies' features, and its symbols other hashes. Needs valgrind.
"""

import argparse
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Values for every parameter a setup scenario can take; each scenario gets the ones it
# asks for (its "Missing parameters" line), so a new scenario needs no edit here.
SETUP_VALUES = {
    "registry_name": "contosoregistry01",
    "resource_group": "rg-containers",
    "location": "northeurope",
    "identity_name": "id-registry-keys",
    "key_vault_name": "kv-registry-keys",
    "key_name": "registry-key",
    "hsm_name": "hsm-registry",
}


class Session:
    def __init__(self, argv):
        self.p = subprocess.Popen(
            argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        self.next_id = 0

    def call(self, method, params=None):
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": self.next_id, "method": method}
        if params is not None:
            msg["params"] = params
        self.p.stdin.write(json.dumps(msg) + "\n")
        self.p.stdin.flush()
        line = self.p.stdout.readline()
        if not line:
            sys.exit(f"the server closed its output after {method}")
        return json.loads(line)

    def notify(self, method):
        self.p.stdin.write(json.dumps({"jsonrpc": "2.0", "method": method}) + "\n")
        self.p.stdin.flush()

    def tool(self, name, arguments):
        return self.call("tools/call", {"name": name, "arguments": arguments})["result"]

    def close(self):
        self.p.stdin.close()
        if self.p.wait(timeout=600) != 0:
            sys.exit("the server did not exit cleanly")


def drive(s: Session, questions: list[str]):
    s.call("initialize", {"protocolVersion": "2025-06-18", "capabilities": {},
                          "clientInfo": {"name": "hot-functions", "version": "1"}})
    s.notify("notifications/initialized")
    s.call("ping")
    tools = s.call("tools/list")["result"]["tools"]
    setup = next(t for t in tools if t["name"] == "get_setup_commands")
    scenarios = setup["inputSchema"]["properties"]["scenario"]["enum"]

    resources = s.call("resources/list")["result"]["resources"]
    s.call("resources/templates/list")
    for r in resources[:8]:
        s.call("resources/read", {"uri": r["uri"]})
    for p in s.call("prompts/list")["result"]["prompts"]:
        args = {a["name"]: SETUP_VALUES.get(a["name"], "the key vault denies access") for a in p.get("arguments", [])
                if a.get("required") or a["name"] in SETUP_VALUES}
        s.call("prompts/get", {"name": p["name"], "arguments": args})

    for q in questions:
        s.tool("answer_cmk_question", {"question": q})
        s.tool("troubleshoot", {"symptom": q})
    s.tool("answer_cmk_question", {"question": questions[0], "max_results": 10})

    for scenario in scenarios:
        missing = s.tool("get_setup_commands", {"scenario": scenario})["content"][0]["text"]
        m = re.search(r"Missing parameters[^:]*: ([a-z_, ]+)", missing)
        wanted = m.group(1).split(", ") if m else []
        args = {"scenario": scenario, **{k: SETUP_VALUES[k] for k in wanted if k in SETUP_VALUES}}
        s.tool("get_setup_commands", args)
        s.tool("get_setup_commands", {**args, "permission_model": "access_policy"})
    # Refusals: a bad value, an unknown field, an unknown tool.
    s.tool("get_setup_commands", {"scenario": "create_registry", "registry_name": "Bad Name!"})
    s.tool("get_setup_commands", {"scenario": "show_status", "colour": "blue"})
    s.call("tools/call", {"name": "no_such_tool", "arguments": {}})
    s.tool("answer_cmk_question", {"question": ""})


def drive_http(argv: list[str], questions: list[str]):
    """A stateless `serve --http` answering every question once, each tool's other calls
    being the same code as over stdio; then a clean shutdown, so callgrind writes."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    p = subprocess.Popen(argv + ["--http", f"127.0.0.1:{port}", "--stateless"],
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/mcp"

    def post(method, params):
        body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params}).encode()
        req = urllib.request.Request(url, data=body, headers={
            "Content-Type": "application/json", "Accept": "application/json, text/event-stream",
            "MCP-Protocol-Version": "2025-06-18"})
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.read()

    for _ in range(600):
        try:
            post("ping", {})
            break
        except OSError:
            time.sleep(0.1)
    else:
        sys.exit("serve --http did not come up")
    post("tools/list", {})
    for q in questions:
        post("tools/call", {"name": "answer_cmk_question", "arguments": {"question": q}})
    post("tools/call", {"name": "troubleshoot", "arguments": {"symptom": questions[0]}})
    p.send_signal(signal.SIGINT)
    if p.wait(timeout=600) != 0:
        sys.exit("serve --http did not exit cleanly on SIGINT")


def callgrind(out: str) -> list[str]:
    return ["valgrind", "--tool=callgrind", "--demangle=no", "--dump-instr=no", f"--callgrind-out-file={out}"]


def functions_run(profile: str, binary: str) -> set[str]:
    """The functions of `binary` that ran ("fn=") or were called ("cfn=") in a callgrind
    profile, which names each object and function once, as "ob=(n) name", then by number."""
    objects, functions, ran = {}, {}, set()
    current_object = None
    for line in profile.splitlines():
        m = re.match(r"^(c?)(ob|fn)=\((\d+)\)(?: (.*))?$", line)
        if not m:
            continue
        called, kind, n, name = m.groups()
        table = objects if kind == "ob" else functions
        if name:
            table[n] = name
        if kind == "ob" and not called:
            current_object = objects[n]
        elif kind == "fn" and current_object == binary:
            ran.add(functions[n])
    for line in profile.splitlines():
        m = re.match(r"^cfn=\((\d+)\)", line)
        if m:
            ran.add(functions[m.group(1)])
    return ran


def function_addresses(binary: str) -> dict[str, int]:
    nm = subprocess.run(["nm", "--defined-only", binary], capture_output=True, text=True, check=True).stdout
    address = {}
    for line in nm.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "tTwW":
            address[parts[2]] = int(parts[0], 16)
    return address


def rustc_version() -> str:
    out = subprocess.run(["rustc", "-vV"], capture_output=True, text=True, check=True).stdout
    return next(line for line in out.splitlines() if line.startswith("rustc "))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=str(ROOT / "target" / "release" / "acr-cmk-mcp"))
    ap.add_argument("--questions", default=str(ROOT / "eval" / "questions.json"))
    ap.add_argument("--out", default=str(ROOT / "link" / "hot-functions.txt"))
    a = ap.parse_args()

    binary = os.path.realpath(a.bin)
    questions = [q["question"] for q in json.load(open(a.questions))]
    address = function_addresses(binary)
    with tempfile.TemporaryDirectory() as tmp:
        stdio_profile = os.path.join(tmp, "stdio.out")
        s = Session(callgrind(stdio_profile) + [binary, "serve"])
        drive(s, questions)
        s.close()
        http_profile = os.path.join(tmp, "http.out")
        drive_http(callgrind(http_profile) + [binary, "serve"], questions)
        stdio = functions_run(open(stdio_profile).read(), binary) & address.keys()
        http = functions_run(open(http_profile).read(), binary) & address.keys()
    if len(stdio) < 500:
        sys.exit(f"only {len(stdio)} functions of the binary ran: is {binary} a release build with symbols?")
    # What stdio runs first: the harness's memory figure is a stdio session's.
    hot = sorted(stdio, key=address.get) + sorted(http - stdio, key=address.get)

    out = Path(a.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    header = [
        "# The functions a served session runs, stdio's first, each part in address order: build.rs",
        "# hands this to the linker so that they lie together (see scripts/hot_functions.py).",
        f"# {rustc_version()}",
        f"# {len(stdio)} functions over stdio, then {len(http - stdio)} more over HTTP; "
        f"{len(questions)} questions of {os.path.relpath(a.questions, ROOT)}",
    ]
    out.write_text("\n".join(header + hot) + "\n")
    print(f"{out}: {len(hot)} functions", file=sys.stderr)


if __name__ == "__main__":
    main()
