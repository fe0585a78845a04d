#!/usr/bin/env python3
"""Resident memory of a long-running server over a large corpus, as it is asked more and
more different questions.

    python3 bench/gen_corpus.py /tmp/corpus --docs 10000
    python3 bench/growth.py target/release/acr-cmk-mcp /tmp/corpus 10000

Starts `serve --no-builtin --knowledge DIR` over stdio, asks N different questions
(`gen_corpus.questions`, with a `troubleshoot` call every fourth) one after another, and
prints VmRSS and VmHWM (MB) after 1, 100, 500, 1,000, 2,000, 4,000, 8,000 and N questions.
The harness (`run.sh`) asks 76, which says nothing of what a server keeps as it runs.
"""
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen_corpus  # noqa: E402


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    binary, knowledge, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    questions = gen_corpus.questions(7, n)
    symptoms = gen_corpus.symptoms(7, max(1, n // 4))
    server = subprocess.Popen(
        [binary, "serve", "--no-builtin", "--knowledge", knowledge],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )

    errors = 0

    def call(message: dict) -> None:
        nonlocal errors
        server.stdin.write((json.dumps(message) + "\n").encode())
        server.stdin.flush()
        if "id" in message:
            response = json.loads(server.stdout.readline())
            if "error" in response or response.get("result", {}).get("isError"):
                errors += 1

    def memory() -> str:
        fields = {}
        for line in Path(f"/proc/{server.pid}/status").read_text().splitlines():
            if line.startswith(("VmRSS", "VmHWM")):
                fields[line.split(":")[0]] = int(line.split()[1]) // 1024
        return f"VmRSS {fields['VmRSS']} MB, VmHWM {fields['VmHWM']} MB"

    call({"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
        "protocolVersion": "2025-06-18", "capabilities": {},
        "clientInfo": {"name": "growth", "version": "1"}}})
    call({"jsonrpc": "2.0", "method": "notifications/initialized"})
    marks = {1, 100, 500, 1000, 2000, 4000, 8000, n}
    start = time.time()
    for i, question in enumerate(questions):
        call({"jsonrpc": "2.0", "id": i + 1, "method": "tools/call", "params": {
            "name": "answer_cmk_question", "arguments": {"question": question}}})
        if i % 4 == 0:
            call({"jsonrpc": "2.0", "id": 10**7 + i, "method": "tools/call", "params": {
                "name": "troubleshoot",
                "arguments": {"symptom": symptoms[(i // 4) % len(symptoms)]}}})
        if i + 1 in marks:
            print(f"{i + 1:>6} questions: {memory()} ({time.time() - start:.0f} s, {errors} errors)", flush=True)
    server.stdin.close()
    server.wait()
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
