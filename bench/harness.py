#!/usr/bin/env python3
"""Benchmarks acr-cmk-mcp against the peer (bench/peer/server.py: the official Python MCP SDK
plus tantivy-py) in one run, with the same client code for both.

usage: python bench/harness.py [--ours PATH] [--peer-python PATH] [--runs N] [--quick]
                               [--skip-http] [--skip-scale] [--scale 1000,10000] [--no-pin]

Run it with the Python of a venv that has bench/peer/requirements.txt installed (bench/run.sh
does this); --peer-python defaults to that same Python.

What it measures (each repeated --runs times; the tables show medians over the runs):

  spawn -> initialize   a raw JSON-RPC stdio client writes `initialize` right after Popen and
                        times until the response line arrives.
  tools/call latency    a raw line-based JSON-RPC stdio client (no SDK), per tool: warm-up
                        calls, then timed calls, each from writing the request line to reading
                        the response line; p50 and p99 in microseconds.
  SDK client            the official SDK's ClientSession over stdio: initialize + tools/list,
                        one call of each tool (all must succeed), and answer_cmk_question
                        latency as a Python SDK client sees it.
  peak RSS              VmHWM of the server process from /proc/PID/status, read right before
                        closing it, after the calls.
  HTTP                  (when `serve --help` lists --http) our server with --http --stateless,
                        the peer with --http --stateless --json-response: 1, 8 and 32
                        concurrent clients calling answer_cmk_question for a bounded time each,
                        with raw JSON-RPC POSTs over httpx2 (the HTTP client the SDK installs);
                        calls/s, p50/p99 latency, server CPU per call.
  scale                 a synthetic corpus (bench/gen_corpus.py) of 1k and 10k docs:
                        `acr-cmk-mcp --knowledge DIR --no-builtin doctor` (its load and index
                        build times, wall time, peak RSS), and for both servers on that corpus:
                        spawn -> initialize, answer_cmk_question and troubleshoot latency over
                        stdio, peak RSS.

On a machine with 2 or more CPUs the servers run pinned to CPU 0 and the harness (the load
generator) to CPU 1, so client and server do not compete (--no-pin turns this off).

Output: a Markdown report on stdout (also bench/results/latest.md) and the raw results as JSON
in bench/results/latest.json. Every step is bounded in time; the HTTP load only ever goes to
127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import math
import os
import platform
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import gen_corpus  # noqa: E402

PROTOCOL = "2025-06-18"
CLK_TCK = os.sysconf("SC_CLK_TCK")

README_QUESTIONS = [
    "How do I rotate the customer-managed key?",
    "Can I disable customer-managed key encryption later?",
    "Which key types and sizes does ACR support for CMK?",
    "What permissions does the managed identity need on the key vault?",
    "How do I use the registry's system-assigned identity for encryption?",
    "Does geo-replication work with a customer-managed key?",
    "What happens when the key is revoked or the key vault is deleted?",
    "How do I let the registry reach a key vault behind a firewall?",
    "What is the difference between a versioned and a versionless key ID?",
    "Which SKU is required for customer-managed keys?",
]
BASE_SYMPTOMS = [
    "Cannot set policies to a vault with '--enable-rbac-authorization' specified",
    "az acr check-health reports CMK_ERROR for the registry",
    "docker pull fails with 403 after the key was disabled in Key Vault",
    "Removing the user-assigned identity fails: does not have access to identity",
    "The registry cannot reach the key vault after enabling the firewall",
    "Key rotation did not update the registry's key version",
]
REGISTRIES = [f"contosoacr{i:02d}" for i in range(1, 9)]


def eval_questions(name: str, keep=lambda q: True) -> list[str]:
    """The questions of an eval set (`eval/NAME.json`) that `keep` admits, in order."""
    return [q["question"] for q in json.loads((ROOT / "eval" / f"{name}.json").read_text()) if keep(q)]


# Calls cycle through at least 50 different questions and 25 different symptoms (issue
# #17), so no cache of either server can flatter it: the README's questions, then the
# natural set's (short questions in users' words, off-topic ones included), and the
# error texts users paste from the dev, held-out and natural sets.
QUESTIONS = README_QUESTIONS + eval_questions("natural")
SYMPTOMS = (
    BASE_SYMPTOMS
    + eval_questions("questions", lambda q: q.get("category") == "error_paste")
    + eval_questions("heldout", lambda q: q.get("category") == "error_paste")
    + eval_questions("natural", lambda q: q.get("category") == "error")
)


# ---------------------------------------------------------------------------------------
# helpers


def pct(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    if not values:
        return float("nan")
    s = sorted(values)
    k = max(0, min(len(s) - 1, math.ceil(p / 100.0 * len(s)) - 1))
    return s[k]


def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def proc_status(pid: int) -> dict[str, int]:
    """VmHWM / VmRSS in KiB."""
    out = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(("VmHWM:", "VmRSS:")):
                k, v = line.split(":", 1)
                out[k] = int(v.split()[0])
    except OSError:
        pass
    return out


def proc_cpu(pid: int) -> tuple[float | None, float | None]:
    """Two readings of a process's CPU time so far, in seconds: the sum of its live threads'
    schedstat (ns resolution), and utime + stime from /proc/PID/stat (clock ticks, but
    counting threads that have exited, e.g. a Python thread pool's)."""
    live = ticks = None
    try:
        total = 0
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/schedstat") as f:
                total += int(f.read().split()[0])
        live = total / 1e9
    except (OSError, ValueError, IndexError):
        pass
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        fields = stat[stat.rindex(")") + 2 :].split()
        ticks = (int(fields[11]) + int(fields[12])) / CLK_TCK
    except (OSError, ValueError, IndexError):
        pass
    return live, ticks


def cpu_delta(a, b) -> float | None:
    """CPU seconds between two proc_cpu readings: the precise live-thread delta, unless the
    tick count grew by more (beyond its 2-tick rounding), which means threads ran and exited
    in between."""
    live = b[0] - a[0] if a[0] is not None and b[0] is not None else None
    ticks = b[1] - a[1] if a[1] is not None and b[1] is not None else None
    if live is None:
        return ticks
    if ticks is not None and ticks > live + 2.0 / CLK_TCK:
        return ticks
    return live


def cpu_total(r) -> float | None:
    vs = [v for v in r if v is not None]
    return max(vs) if vs else None


class Pinning:
    """Servers on one CPU, the harness on another, when there are at least two."""

    def __init__(self, enabled: bool):
        cpus = sorted(os.sched_getaffinity(0))
        self.enabled = enabled and len(cpus) >= 2
        self.all = set(cpus)
        self.server = {cpus[0]} if self.enabled else self.all
        self.client = {cpus[1]} if self.enabled else self.all
        if self.enabled:
            os.sched_setaffinity(0, self.client)

    def spawn(self, argv, **kw) -> subprocess.Popen:
        """Popen with the child on the server CPU (it inherits the affinity at fork)."""
        if self.enabled:
            os.sched_setaffinity(0, self.server)
        try:
            return subprocess.Popen(argv, **kw)
        finally:
            if self.enabled:
                os.sched_setaffinity(0, self.client)

    def describe(self) -> str:
        if not self.enabled:
            return "not pinned"
        return f"servers on CPU {sorted(self.server)}, harness on CPU {sorted(self.client)}"


PIN: Pinning


def cpu_busy(window: float = 2.0) -> float:
    """Fraction of all CPUs busy over a short window (from /proc/stat)."""

    def sample():
        f = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
        idle = f[3] + (f[4] if len(f) > 4 else 0)
        return sum(f[:8]), idle

    t0, i0 = sample()
    time.sleep(window)
    t1, i1 = sample()
    return 1.0 - (i1 - i0) / max(1, t1 - t0)


def wait_idle(max_wait: float, threshold: float = 0.15) -> float:
    """Waits (at most max_wait s) until the machine is nearly idle; returns the last busy fraction."""
    end = min(time.monotonic() + max_wait, RETRY["deadline"])
    busy = cpu_busy()
    while busy > threshold and time.monotonic() < end:
        log(f"machine busy ({busy:.0%} of all CPUs); waiting for it to go idle (up to {end - time.monotonic():.0f} s more)")
        time.sleep(3)
        busy = cpu_busy()
    return busy


def cpu_busy_seconds(cpus: set[int]) -> float:
    """Time the given CPUs spent running tasks (user + nice + system) or stolen by the
    hypervisor, so far, in seconds. irq and softirq time is left out: the loopback traffic
    of the HTTP load is processed there and is not charged to the server process."""
    total = 0
    for line in Path("/proc/stat").read_text().splitlines():
        if line.startswith("cpu") and line[3:4].isdigit():
            name, *f = line.split()
            if int(name[3:]) in cpus:
                v = [int(x) for x in f[:8]] + [0] * 8
                total += v[0] + v[1] + v[2] + v[7]
    return total / CLK_TCK


def cpu_busy_window(cpus: set[int], seconds: float) -> float:
    """CPUs' worth of busy time on `cpus` over the next `seconds` (the harness sleeps)."""
    b0 = cpu_busy_seconds(cpus)
    time.sleep(seconds)
    return (cpu_busy_seconds(cpus) - b0) / seconds


class Foreign:
    """How much CPU something other than the measured server (and, unpinned, the harness)
    used on the server's CPUs during a measurement, in CPUs (0.25 = a quarter of one)."""

    def __init__(self, pid: int):
        self.pid = pid
        self.t0 = time.perf_counter()
        self.b0 = cpu_busy_seconds(PIN.server)
        self.s0 = proc_cpu(pid)
        self.h0 = time.process_time()

    def done(self) -> float:
        wall = time.perf_counter() - self.t0
        busy = cpu_busy_seconds(PIN.server) - self.b0
        server = cpu_delta(self.s0, proc_cpu(self.pid)) or 0.0
        harness = 0.0 if PIN.enabled else time.process_time() - self.h0
        return round(max(0.0, busy - server - harness) / max(wall, 1e-9), 3)


FOREIGN_LIMIT = 0.10


# Waiting for idle and measuring again stop at the deadline (--patience), so a run on a
# machine that never goes idle still ends, with its noisy numbers flagged.
RETRY = {"attempts": 3, "idle_wait": 90.0, "deadline": float("inf")}


def retry_if_busy(what: str, measure, foreign_of):
    """Runs measure(); when other work took more than FOREIGN_LIMIT of the server's CPU meanwhile,
    waits for the machine to go idle and measures again (at most `attempts` times in all),
    keeping the cleanest result. The result gets 'foreign_cpu' and 'attempts'."""
    best = None
    attempts, idle_wait = RETRY["attempts"], RETRY["idle_wait"]
    for attempt in range(1, attempts + 1):
        r = measure()
        f = foreign_of(r)
        if best is None or f < best[0]:
            best = (f, r)
        if f <= FOREIGN_LIMIT or time.monotonic() >= RETRY["deadline"]:
            break
        if attempt < attempts:
            log(f"  {what}: other work used {f:.0%} of a server CPU meanwhile; waiting for idle and measuring again")
            wait_idle(idle_wait)
    f, r = best
    r["foreign_cpu"] = f
    r["attempts"] = attempt
    return r


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(p: subprocess.Popen, grace: float = 5.0) -> None:
    if p.poll() is None:
        try:
            if p.stdin:
                p.stdin.close()
        except OSError:
            pass
        try:
            p.wait(grace)
            return
        except subprocess.TimeoutExpired:
            pass
        p.terminate()
        try:
            p.wait(grace)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------
# servers


class Server:
    def __init__(self, name: str, stdio_argv, http_argv, label: str):
        self.name = name
        self.stdio_argv = stdio_argv  # (knowledge: Path | None) -> argv
        self.http_argv = http_argv  # (port, mode, knowledge) -> argv
        self.label = label


def ours_server(binary: str) -> Server:
    def stdio(knowledge=None):
        k = ["--knowledge", str(knowledge), "--no-builtin"] if knowledge else []
        return [binary, *k, "serve"]

    def http(port, mode="stateless", knowledge=None):
        k = ["--knowledge", str(knowledge), "--no-builtin"] if knowledge else []
        return [binary, *k, "serve", "--http", f"127.0.0.1:{port}", *(["--stateless"] if mode == "stateless" else [])]

    return Server("ours", stdio, http, f"acr-cmk-mcp ({binary})")


def peer_server(python: str) -> Server:
    script = str(HERE / "peer" / "server.py")

    def stdio(knowledge=None):
        return [python, script, "--knowledge", str(knowledge or ROOT / "knowledge")]

    def http(port, mode="stateless", knowledge=None):
        return [*stdio(knowledge), "--http", f"127.0.0.1:{port}", *(["--stateless"] if mode == "stateless" else []), "--json-response"]

    return Server("peer", stdio, http, "peer (mcp 2.3.0 MCPServer + tantivy-py)")


# ---------------------------------------------------------------------------------------
# raw line-based JSON-RPC over stdio


class RawStdio:
    """A minimal JSON-RPC client: one request line out, one response line back."""

    def __init__(self, argv, timeout: float):
        self.stderr = tempfile.TemporaryFile()
        self.t0 = time.perf_counter()
        self.p = PIN.spawn(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr)
        self.next_id = 0
        self.killed = False
        # The watchdog bounds everything this client does: past the deadline it kills the
        # server, and the pending readline returns EOF.
        self.watchdog = threading.Timer(timeout, self._kill)
        self.watchdog.daemon = True
        self.watchdog.start()

    def _kill(self):
        self.killed = True
        try:
            self.p.kill()
        except OSError:
            pass

    def encode(self, method, params=None, notify=False) -> tuple[int | None, bytes]:
        msg = {"jsonrpc": "2.0", "method": method}
        rid = None
        if not notify:
            self.next_id += 1
            rid = msg["id"] = self.next_id
        if params is not None:
            msg["params"] = params
        return rid, (json.dumps(msg, separators=(",", ":")) + "\n").encode()

    def send(self, line: bytes) -> None:
        self.p.stdin.write(line)
        self.p.stdin.flush()

    def read_response(self, rid: int) -> bytes:
        while True:
            line = self.p.stdout.readline()
            if not line:
                raise RuntimeError(f"server closed stdout{' (killed by the watchdog)' if self.killed else ''}: {self.stderr_tail()}")
            # Our response, found without parsing it (parsing is left to the caller, outside
            # the timed region): both servers put "id" right after "jsonrpc".
            tag = b'"id":%d' % rid
            i = line.find(tag, 0, 80)
            if i >= 0 and line[i + len(tag) : i + len(tag) + 1] in (b",", b"}"):
                return line
            # Otherwise skip notifications and anything else that is not our response.
            if b'"id"' in line:
                try:
                    if json.loads(line).get("id") == rid:
                        return line
                except ValueError:
                    pass

    def request(self, method, params=None) -> dict:
        rid, line = self.encode(method, params)
        self.send(line)
        return json.loads(self.read_response(rid))

    def initialize(self) -> dict:
        r = self.request(
            "initialize",
            {"protocolVersion": PROTOCOL, "capabilities": {}, "clientInfo": {"name": "acr-cmk-bench", "version": "1"}},
        )
        self.send(self.encode("notifications/initialized", notify=True)[1])
        return r

    def stderr_tail(self, n=600) -> str:
        try:
            self.stderr.seek(0)
            return self.stderr.read().decode(errors="replace")[-n:]
        except (OSError, ValueError):
            return ""

    def stderr_text(self) -> str:
        self.stderr.seek(0)
        return self.stderr.read().decode(errors="replace")

    def close(self) -> dict:
        """Reads VmHWM before closing; returns {'VmHWM': KiB, 'VmRSS': KiB}."""
        st = proc_status(self.p.pid)
        self.watchdog.cancel()
        stop(self.p)
        return st


def spawn_to_initialize(server: Server, knowledge, timeout: float) -> dict:
    """{'ms': milliseconds from Popen to the initialize response line, 'stderr': the server's
    stderr, 'foreign_cpu': other work on the server CPUs meanwhile}.

    /proc/stat counts in clock ticks (10 ms), too coarse for a startup shorter than a second:
    then 'foreign_cpu' is the load on the server CPUs in the half second before the spawn."""
    pre = cpu_busy_window(PIN.server, 0.5)
    b0 = cpu_busy_seconds(PIN.server)
    c = RawStdio(server.stdio_argv(knowledge), timeout)
    try:
        # Popen has returned: the pipe is open. Write at once.
        rid, line = c.encode(
            "initialize",
            {"protocolVersion": PROTOCOL, "capabilities": {}, "clientInfo": {"name": "acr-cmk-bench", "version": "1"}},
        )
        c.send(line)
        resp = c.read_response(rid)
        t1 = time.perf_counter()
        if b'"result"' not in resp:
            raise RuntimeError(f"initialize failed: {resp[:300]!r}")
        ms = (t1 - c.t0) * 1000
        # A server may answer the handshake before its index is ready (ours does): the
        # first answered question is the startup a user waits for.
        c.send(c.encode("notifications/initialized", notify=True)[1])
        rid, line = c.encode("tools/call", {"name": "answer_cmk_question", "arguments": {"question": QUESTIONS[0]}})
        c.send(line)
        first = c.read_response(rid)
        t2 = time.perf_counter()
        if b'"result"' not in first:
            raise RuntimeError(f"first tools/call failed: {first[:300]!r}")
        first_ms = (t2 - c.t0) * 1000
        used = cpu_total(proc_cpu(c.p.pid)) or 0.0
        busy = cpu_busy_seconds(PIN.server) - b0
    finally:
        c.close()
    # Unpinned, the harness shares the CPUs; it sleeps in readline meanwhile, so it is not subtracted.
    wall = t2 - c.t0
    foreign = round(max(0.0, busy - used) / wall, 3) if wall >= 1.0 else round(pre, 3)
    return {"ms": ms, "first_call_ms": first_ms, "stderr": c.stderr_text(), "foreign_cpu": foreign}


def spawn_to_initialize_clean(server: Server, knowledge, timeout: float) -> dict:
    return retry_if_busy(f"{server.name} startup", lambda: spawn_to_initialize(server, knowledge, timeout), lambda r: r["foreign_cpu"])


def tool_cases(tool: str, corpus_questions=None, corpus_symptoms=None) -> list[dict]:
    if tool == "answer_cmk_question":
        return [{"question": q} for q in (corpus_questions or QUESTIONS)]
    if tool == "troubleshoot":
        return [{"symptom": s} for s in (corpus_symptoms or SYMPTOMS)]
    if tool == "get_setup_commands":
        return [
            {
                "scenario": "create_registry",
                "registry_name": r,
                "resource_group": "rg-acr",
                "location": "westeurope",
                "identity_name": "id-acr-cmk",
                "key_vault_name": "kv-acr-cmk-01",
                "key_name": "acr-cmk",
            }
            for r in REGISTRIES
        ]
    raise ValueError(tool)


def measure_calls(c: RawStdio, tool: str, cases: list[dict], warmup: int, calls: int) -> dict:
    """Latency of tools/call over raw stdio; the request bytes are built before timing and
    the response is parsed after it."""
    lines = []
    for i in range(warmup + calls):
        rid, line = c.encode("tools/call", {"name": tool, "arguments": cases[i % len(cases)]})
        lines.append((rid, line))
    lat_us, errors, sizes, sample = [], 0, [], None
    cpu0 = foreign = None
    for i, (rid, line) in enumerate(lines):
        if i == warmup:
            cpu0 = proc_cpu(c.p.pid)
            foreign = Foreign(c.p.pid)
        t0 = time.perf_counter_ns()
        c.send(line)
        resp = c.read_response(rid)
        t1 = time.perf_counter_ns()
        if i >= warmup:
            lat_us.append((t1 - t0) / 1000)
        msg = json.loads(resp)
        res = msg.get("result")
        if res is None or res.get("isError"):
            errors += 1
            if sample is None:
                sample = resp[:400].decode(errors="replace")
        sizes.append(len(resp))
    cpu1 = proc_cpu(c.p.pid)
    dcpu = cpu_delta(cpu0, cpu1) if cpu0 else None
    return {
        "foreign_cpu": foreign.done() if foreign else None,
        "server_cpu_us_per_call": dcpu / calls * 1e6 if dcpu is not None else None,
        "calls": calls,
        "warmup": warmup,
        "p50_us": pct(lat_us, 50),
        "p99_us": pct(lat_us, 99),
        "mean_us": statistics.fmean(lat_us),
        "errors": errors,
        "error_sample": sample,
        "mean_response_bytes": statistics.fmean(sizes),
    }


def stdio_latency_run(server: Server, tools, warmup, calls, timeout, knowledge=None, cq=None, cs=None) -> dict:
    c = RawStdio(server.stdio_argv(knowledge), timeout)
    out = {}
    try:
        init = c.initialize()
        if "result" not in init:
            raise RuntimeError(f"initialize failed: {init}")
        # Other work over the whole run (a second or more; per tool the window can be too
        # short for /proc/stat's clock ticks).
        foreign = Foreign(c.p.pid)
        for tool in tools:
            out[tool] = measure_calls(c, tool, tool_cases(tool, cq, cs), warmup, calls)
        out["run_foreign_cpu"] = foreign.done()
    finally:
        st = c.close()
    out["VmHWM_kib"] = st.get("VmHWM")
    out["VmRSS_kib"] = st.get("VmRSS")
    return out


def max_foreign(run: dict) -> float:
    return run["run_foreign_cpu"]


def stdio_latency_clean(server: Server, tools, warmup, calls, timeout, knowledge=None, cq=None, cs=None) -> dict:
    return retry_if_busy(
        f"{server.name} stdio latency",
        lambda: stdio_latency_run(server, tools, warmup, calls, timeout, knowledge, cq, cs),
        max_foreign,
    )


# ---------------------------------------------------------------------------------------
# the official SDK client over stdio


async def sdk_check(server: Server, calls: int) -> dict:
    from mcp import ClientSession, StdioServerParameters
    from mcp.client.stdio import stdio_client

    argv = server.stdio_argv(None)
    params = StdioServerParameters(command=argv[0], args=argv[1:])
    out: dict = {"ok": False}
    errlog = tempfile.TemporaryFile(mode="w+")
    if PIN.enabled:
        os.sched_setaffinity(0, PIN.server)
    try:
        cm = stdio_client(params, errlog=errlog)
        read, write = await cm.__aenter__()
    finally:
        if PIN.enabled:
            os.sched_setaffinity(0, PIN.client)
    try:
        async with ClientSession(read, write) as s:
            t0 = time.perf_counter()
            init = await s.initialize()
            tools = (await s.list_tools()).tools
            out["initialize_and_list_ms"] = (time.perf_counter() - t0) * 1000
            out["server_info"] = f"{init.server_info.name} {init.server_info.version}"
            out["protocol_version"] = init.protocol_version
            out["tools"] = sorted(t.name for t in tools)
            ok = True
            for tool in ("answer_cmk_question", "get_setup_commands", "troubleshoot"):
                r = await s.call_tool(tool, tool_cases(tool)[0])
                good = not r.is_error and bool(r.content)
                out[f"{tool}_ok"] = good
                ok = ok and good
            lat = []
            for i in range(calls):
                t = time.perf_counter_ns()
                r = await s.call_tool("answer_cmk_question", {"question": QUESTIONS[i % len(QUESTIONS)]})
                lat.append((time.perf_counter_ns() - t) / 1000)
                ok = ok and not r.is_error
            out["answer_calls"] = calls
            out["answer_p50_us"] = pct(lat, 50)
            out["answer_p99_us"] = pct(lat, 99)
            out["ok"] = ok and {"answer_cmk_question", "get_setup_commands", "troubleshoot"} <= set(out["tools"])
    finally:
        await cm.__aexit__(None, None, None)
    return out


# ---------------------------------------------------------------------------------------
# HTTP (streamable HTTP, raw JSON-RPC POSTs)


def ours_has_http(binary: str) -> bool:
    try:
        r = subprocess.run([binary, "serve", "--help"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return "--http" in r.stdout


def parse_http_body(content_type: str, body: bytes) -> dict | None:
    if content_type.startswith("application/json"):
        return json.loads(body)
    # text/event-stream: the response is the data of the event carrying our result.
    for block in body.split(b"\n\n"):
        data = b"\n".join(line[5:].lstrip() for line in block.split(b"\n") if line.startswith(b"data:"))
        if data.strip():
            try:
                msg = json.loads(data)
            except ValueError:
                continue
            if "result" in msg or "error" in msg:
                return msg
    return None


async def http_client_loop(url, mode, deadline, record, counters, client_id):
    import httpx2

    headers = {
        "Accept": "application/json, text/event-stream",
        "Content-Type": "application/json",
        "MCP-Protocol-Version": PROTOCOL,
    }
    async with httpx2.AsyncClient(
        limits=httpx2.Limits(max_connections=1, max_keepalive_connections=1), timeout=httpx2.Timeout(10.0)
    ) as client:
        if mode == "session":
            init = {
                "jsonrpc": "2.0",
                "id": 0,
                "method": "initialize",
                "params": {"protocolVersion": PROTOCOL, "capabilities": {}, "clientInfo": {"name": "acr-cmk-bench", "version": "1"}},
            }
            r = await client.post(url, content=json.dumps(init), headers=headers)
            sid = r.headers.get("mcp-session-id")
            if sid:
                headers["Mcp-Session-Id"] = sid
            await client.post(
                url, content=json.dumps({"jsonrpc": "2.0", "method": "notifications/initialized"}), headers=headers
            )
        i = client_id * 7
        while time.perf_counter() < deadline:
            i += 1
            body = json.dumps(
                {
                    "jsonrpc": "2.0",
                    "id": i,
                    "method": "tools/call",
                    "params": {"name": "answer_cmk_question", "arguments": {"question": QUESTIONS[i % len(QUESTIONS)]}},
                },
                separators=(",", ":"),
            )
            t0 = time.perf_counter_ns()
            try:
                r = await client.post(url, content=body, headers=headers)
                raw = r.content
                t1 = time.perf_counter_ns()
                ct = r.headers.get("content-type", "")
                counters["content_types"].add(ct.split(";")[0])
                msg = parse_http_body(ct, raw) if r.status_code == 200 else None
                ok = bool(msg) and "result" in msg and not msg["result"].get("isError")
            except Exception as e:  # noqa: BLE001 - any failure is an error of this call
                t1 = time.perf_counter_ns()
                ok = False
                counters.setdefault("exceptions", []).append(repr(e)[:200])
            if record():
                if ok:
                    counters["lat"].append((t1 - t0) / 1000)
                else:
                    counters["errors"] += 1
                    if counters.get("error_sample") is None:
                        try:
                            counters["error_sample"] = f"{r.status_code} {raw[:300]!r}"
                        except Exception:  # noqa: BLE001
                            counters["error_sample"] = "exception"


async def http_level(url, mode, concurrency, warmup_s, duration_s, pid) -> dict:
    counters = {"lat": [], "errors": 0, "content_types": set()}
    start = time.perf_counter()
    measure_from = start + warmup_s
    deadline = measure_from + duration_s
    state = {"cpu0": None, "cpu_client0": None}

    def record() -> bool:
        return time.perf_counter() >= measure_from

    async def mark():
        await asyncio.sleep(warmup_s)
        state["cpu0"] = proc_cpu(pid)
        state["cpu_client0"] = time.process_time()
        state["foreign"] = Foreign(pid)
        state["t0"] = time.perf_counter()

    marker = asyncio.create_task(mark())
    await asyncio.wait_for(
        asyncio.gather(*(http_client_loop(url, mode, deadline, record, counters, k) for k in range(concurrency))),
        timeout=warmup_s + duration_s + 30,
    )
    await marker
    t1 = time.perf_counter()
    cpu1 = proc_cpu(pid)
    foreign = state["foreign"].done()
    elapsed = t1 - state["t0"]
    n = len(counters["lat"])
    server_cpu = cpu_delta(state["cpu0"], cpu1)
    client_cpu = time.process_time() - state["cpu_client0"]
    return {
        "concurrency": concurrency,
        "foreign_cpu_raw": foreign,
        "duration_s": elapsed,
        "calls": n,
        "errors": counters["errors"],
        "error_sample": counters.get("error_sample"),
        "exceptions": (counters.get("exceptions") or [])[:3],
        "calls_per_s": n / elapsed if elapsed > 0 else None,
        "p50_us": pct(counters["lat"], 50),
        "p99_us": pct(counters["lat"], 99),
        "server_cpu_us_per_call": (server_cpu / n * 1e6) if (server_cpu is not None and n) else None,
        "server_cpu_util": (server_cpu / elapsed) if server_cpu is not None else None,
        "client_cpu_util": client_cpu / elapsed,
        "content_types": sorted(counters["content_types"]),
    }


def wait_port(port: int, p: subprocess.Popen, timeout: float) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if p.poll() is not None:
            raise RuntimeError(f"server exited with {p.returncode} before listening")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"server did not listen on 127.0.0.1:{port} within {timeout} s")


def http_bench(server: Server, levels, warmup_s, duration_s, mode, timeout) -> dict:
    port = free_port()
    errf = tempfile.TemporaryFile()
    p = PIN.spawn(server.http_argv(port, mode), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errf)
    try:
        wait_port(port, p, timeout)
        url = f"http://127.0.0.1:{port}/mcp"
        results = []
        for c in levels:
            log(f"  {server.name} HTTP {mode}: {c} clients, {duration_s} s")
            results.append(
                retry_if_busy(
                    f"{server.name} HTTP {c} clients",
                    lambda: asyncio.run(http_level(url, mode, c, warmup_s, duration_s, p.pid)),
                    lambda r: r["foreign_cpu_raw"],
                )
            )
        st = proc_status(p.pid)
        return {"mode": mode, "argv": server.http_argv(port, mode), "levels": results, "VmHWM_kib": st.get("VmHWM")}
    except Exception:
        errf.seek(0)
        log(f"  {server.name} HTTP stderr: {errf.read().decode(errors='replace')[-800:]}")
        raise
    finally:
        p.terminate()
        try:
            p.wait(10)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


# ---------------------------------------------------------------------------------------
# scale: synthetic corpora


DOCTOR_RE = re.compile(r"load:\s*([\d.]+)\s*ms,\s*index build:\s*([\d.]+)\s*ms")
PEER_RE = re.compile(r"load\s*([\d.]+)\s*ms,\s*index\s*([\d.]+)\s*ms")


def doctor_run(binary: str, corpus: Path, timeout: float) -> dict:
    b0 = cpu_busy_seconds(PIN.server)
    t0 = time.perf_counter()
    p = PIN.spawn(
        [binary, "--knowledge", str(corpus), "--no-builtin", "doctor"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
    )
    timer = threading.Timer(timeout, p.kill)
    timer.start()
    try:
        out = p.stdout.read().decode(errors="replace")
        _, status, ru = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
    finally:
        timer.cancel()
    wall = (time.perf_counter() - t0) * 1000
    busy = cpu_busy_seconds(PIN.server) - b0
    used = ru.ru_utime + ru.ru_stime
    m = DOCTOR_RE.search(out)
    if p.returncode != 0 or not m:
        raise RuntimeError(f"doctor failed (exit {p.returncode}): {out[-500:]}")
    docs = re.search(r"docs:\s*(\d+),\s*sections:\s*(\d+)", out)
    return {
        "load_ms": float(m.group(1)),
        "index_ms": float(m.group(2)),
        "wall_ms": wall,
        "maxrss_kib": ru.ru_maxrss,
        "cpu_ms": used * 1000,
        "foreign_cpu": round(max(0.0, busy - used) / max(wall / 1000, 1e-9), 3),
        "docs": int(docs.group(1)) if docs else None,
        "sections": int(docs.group(2)) if docs else None,
    }


def scale_bench(ours: Server, peer: Server | None, binary: str, n: int, args) -> dict:
    corpus = Path(args.corpus_dir) / f"docs-{n}"
    t0 = time.perf_counter()
    manifest = gen_corpus.ensure(corpus, n, args.seed)
    log(f"scale {n}: corpus {corpus} ({manifest['bytes'] / 1e6:.1f} MB, ready in {time.perf_counter() - t0:.1f} s)")
    cq = gen_corpus.questions(args.seed, 60)
    cs = gen_corpus.symptoms(args.seed, 30)
    res: dict = {"docs": n, "corpus": str(corpus), "bytes": manifest["bytes"], "ours": {}, "peer": {}}
    runs = args.scale_runs

    wait_idle(args.wait_idle)
    doctor = [
        retry_if_busy("doctor", lambda: doctor_run(binary, corpus, args.timeout), lambda r: r["foreign_cpu"])
        for _ in range(runs)
    ]
    res["ours"]["doctor_runs"] = doctor
    for k in ("load_ms", "index_ms", "wall_ms", "maxrss_kib", "cpu_ms"):
        res["ours"][f"doctor_{k}"] = med([d[k] for d in doctor])
    res["ours"]["doctor_foreign_cpu_max"] = max(d["foreign_cpu"] for d in doctor)
    if res["ours"]["doctor_foreign_cpu_max"] > FOREIGN_LIMIT:
        res.setdefault("problems", []).append(f"doctor: other work used up to {res['ours']['doctor_foreign_cpu_max']:.0%} of the server CPU")
    res["ours"]["sections"] = doctor[0]["sections"]

    for srv in [ours] + ([peer] if peer else []):
        r = res[srv.name]
        wait_idle(args.wait_idle)
        log(f"scale {n}: {srv.name} startup x{runs}")
        starts, stderrs = [], []
        foreign, firsts = [], []
        for _ in range(runs):
            st = spawn_to_initialize_clean(srv, corpus, args.timeout)
            starts.append(st["ms"])
            firsts.append(st["first_call_ms"])
            stderrs.append(st["stderr"])
            foreign.append(st["foreign_cpu"])
        r["spawn_to_init_ms_runs"] = starts
        r["spawn_foreign_cpu_max"] = max(foreign)
        if r["spawn_foreign_cpu_max"] > FOREIGN_LIMIT:
            res.setdefault("problems", []).append(f"{srv.name}: other work used up to {r['spawn_foreign_cpu_max']:.0%} of the server CPU during a startup")
        r["spawn_to_init_ms"] = med(starts)
        r["spawn_to_first_call_ms"] = med(firsts)
        if srv.name == "peer":
            found = [PEER_RE.search(e) for e in stderrs]
            r["load_ms"] = med([float(m.group(1)) for m in found if m])
            r["index_ms"] = med([float(m.group(2)) for m in found if m])
        log(f"scale {n}: {srv.name} latency")
        lat = stdio_latency_clean(
            srv, ["answer_cmk_question", "troubleshoot"], args.warmup, args.scale_calls, args.timeout, corpus, cq, cs
        )
        r["latency"] = lat
        r["VmHWM_kib"] = lat["VmHWM_kib"]
        if lat["foreign_cpu"] > FOREIGN_LIMIT:
            res.setdefault("problems", []).append(f"{srv.name}: other work used {lat['foreign_cpu']:.0%} of the server CPU during the calls")
    return res


# ---------------------------------------------------------------------------------------
# machine and report


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_kib = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_kib = int(line.split()[1])
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "cpu_model": cpu,
        "mem_total_gib": round(mem_kib / 1024 / 1024, 1) if mem_kib else None,
        "kernel": platform.release(),
        "python": platform.python_version(),
    }


def binary_info(path: str) -> dict:
    h = hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]
    try:
        v = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=20).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        v = "?"
    st = Path(path).stat()
    return {
        "path": path,
        "version": v,
        "sha256_16": h,
        "size_bytes": st.st_size,
        "mtime": time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(st.st_mtime)),
    }


def peer_info(python: str) -> dict:
    code = "import importlib.metadata as m, sys; print(sys.version.split()[0], m.version('mcp'), m.version('tantivy'))"
    try:
        out = subprocess.run([python, "-c", code], capture_output=True, text=True, timeout=60).stdout.split()
        return {"python": out[0], "mcp": out[1], "tantivy": out[2]}
    except (OSError, subprocess.TimeoutExpired, IndexError):
        return {}


def fmt(v, digits=0) -> str:
    if v is None or (isinstance(v, float) and v != v):
        return "–"
    if isinstance(v, float):
        return f"{v:,.{digits}f}"
    return f"{v:,}"


def ratio(peer, ours) -> str:
    if not peer or not ours:
        return "–"
    return f"{peer / ours:.2f}×"


def mib(kib) -> float | None:
    return kib / 1024 if kib else None


def report(R: dict) -> str:
    m = R["machine"]
    L = []
    L.append("# acr-cmk-mcp benchmark")
    L.append("")
    L.append(
        f"Machine: {m['nproc']} CPUs ({m['cpu_model']}), {m['mem_total_gib']} GiB RAM, Linux {m['kernel']}, "
        f"harness Python {m['python']}; {R['pinning']}. {R['when']}. "
        f"Other CPU load before the run: {m.get('busy_before', 0):.0%}; load average before {' '.join(m.get('loadavg_before', []))}, "
        f"after {' '.join(m.get('loadavg_after', []))}."
    )
    o, p = R["ours_binary"], R.get("peer_versions", {})
    L.append(f"Ours: `{o['path']}` ({o['version']}, {o['size_bytes'] / 1e6:.1f} MB, sha256 {o['sha256_16']}…, built {o['mtime']}).")
    if p:
        L.append(f"Peer: bench/peer/server.py on Python {p.get('python')}, mcp {p.get('mcp')}, tantivy {p.get('tantivy')}.")
    L.append(
        f"Runs: {R['args']['runs']} (medians over runs); {R['args']['calls']} timed calls per tool after "
        f"{R['args']['warmup']} warm-up calls. Ratio column = peer / ours (above 1× means ours is faster or smaller; "
        f"for calls/s below 1× means ours serves more)."
    )
    L.append("")

    S = R.get("stdio", {})
    if S:
        L.append("## stdio, built-in knowledge (raw JSON-RPC client)")
        L.append("")
        L.append("| metric | ours | peer | peer/ours |")
        L.append("|---|---:|---:|---:|")
        so, sp = S.get("ours", {}), S.get("peer", {})
        L.append(f"| spawn → initialize response (ms) | {fmt(so.get('spawn_to_init_ms'), 1)} | {fmt(sp.get('spawn_to_init_ms'), 1)} | {ratio(sp.get('spawn_to_init_ms'), so.get('spawn_to_init_ms'))} |")
        L.append(f"| spawn → first answer_cmk_question answered (ms) | {fmt(so.get('spawn_to_first_call_ms'), 1)} | {fmt(sp.get('spawn_to_first_call_ms'), 1)} | {ratio(sp.get('spawn_to_first_call_ms'), so.get('spawn_to_first_call_ms'))} |")
        for tool in ("answer_cmk_question", "get_setup_commands", "troubleshoot"):
            for q in ("p50_us", "p99_us"):
                a, b = so.get(tool, {}).get(q), sp.get(tool, {}).get(q)
                L.append(f"| {tool} {q[:3]} (µs) | {fmt(a)} | {fmt(b)} | {ratio(b, a)} |")
        fl = S.get("floor", {})
        for tool in ("answer_cmk_question", "get_setup_commands", "troubleshoot"):
            f = fl.get(tool, {}).get("p50_us")
            if f is not None:
                a = so.get(tool, {}).get("p50_us")
                x = f"{a / f:.2f}× the floor" if a and f else ""
                L.append(f"| {tool} p50 of the line-echo floor, same response size (µs) | {fmt(f)} | | {x} |")
        for tool in ("answer_cmk_question", "get_setup_commands", "troubleshoot"):
            a, b = so.get(tool, {}).get("server_cpu_us_per_call"), sp.get(tool, {}).get("server_cpu_us_per_call")
            L.append(f"| {tool} server CPU per call (µs) | {fmt(a)} | {fmt(b)} | {ratio(b, a)} |")
        for tool in ("answer_cmk_question", "get_setup_commands", "troubleshoot"):
            a, b = so.get(tool, {}).get("mean_response_bytes"), sp.get(tool, {}).get("mean_response_bytes")
            L.append(f"| {tool} response size (bytes) | {fmt(a)} | {fmt(b)} | {ratio(b, a)} |")
        a, b = mib(so.get("VmHWM_kib")), mib(sp.get("VmHWM_kib"))
        L.append(f"| peak RSS after the calls (MiB) | {fmt(a, 1)} | {fmt(b, 1)} | {ratio(b, a)} |")
        eo, ep = so.get("errors", 0), sp.get("errors", 0)
        L.append(f"| tool errors in timed calls | {eo} | {ep} | |")
        L.append(f"| other work on the server CPU during timed calls (max, CPUs) | {fmt(so.get('foreign_cpu_max'), 2)} | {fmt(sp.get('foreign_cpu_max'), 2)} | |")
        L.append(f"| other work on the server CPU during startups (max, CPUs) | {fmt(so.get('spawn_foreign_cpu_max'), 2)} | {fmt(sp.get('spawn_foreign_cpu_max'), 2)} | |")
        L.append("")

    K = R.get("sdk", {})
    if K:
        L.append("## official Python SDK client (ClientSession over stdio)")
        L.append("")
        L.append("| metric | ours | peer | peer/ours |")
        L.append("|---|---:|---:|---:|")
        ko, kp = K.get("ours", {}), K.get("peer", {})
        L.append(f"| all three tools answer without error | {ko.get('ok')} | {kp.get('ok')} | |")
        L.append(f"| initialize + tools/list (ms) | {fmt(ko.get('initialize_and_list_ms'), 1)} | {fmt(kp.get('initialize_and_list_ms'), 1)} | {ratio(kp.get('initialize_and_list_ms'), ko.get('initialize_and_list_ms'))} |")
        for q in ("answer_p50_us", "answer_p99_us"):
            L.append(f"| answer_cmk_question {q[7:10]} via SDK (µs) | {fmt(ko.get(q))} | {fmt(kp.get(q))} | {ratio(kp.get(q), ko.get(q))} |")
        L.append("")

    H = R.get("http")
    if H and (H.get("ours") or H.get("peer")):
        ho, hp = H.get("ours") or {}, H.get("peer") or {}
        L.append(f"## streamable HTTP, answer_cmk_question ({H['mode']}; {H['duration_s']} s per level)")
        L.append("")
        L.append(
            "| clients | ours calls/s | peer calls/s | peer/ours | ours p50 µs | peer p50 µs | peer/ours | ours p99 µs | peer p99 µs | peer/ours | ours server CPU µs/call | peer server CPU µs/call | harness CPU (ours / peer runs) |"
        )
        L.append("|---:|" + "---:|" * 12)
        by_c = {lv["concurrency"]: lv for lv in ho.get("levels", [])}
        by_cp = {lv["concurrency"]: lv for lv in hp.get("levels", [])}
        for c in sorted(set(by_c) | set(by_cp)):
            a, b = by_c.get(c, {}), by_cp.get(c, {})
            L.append(
                f"| {c} | {fmt(a.get('calls_per_s'))} | {fmt(b.get('calls_per_s'))} | {ratio(b.get('calls_per_s'), a.get('calls_per_s'))} "
                f"| {fmt(a.get('p50_us'))} | {fmt(b.get('p50_us'))} | {ratio(b.get('p50_us'), a.get('p50_us'))} "
                f"| {fmt(a.get('p99_us'))} | {fmt(b.get('p99_us'))} | {ratio(b.get('p99_us'), a.get('p99_us'))} "
                f"| {fmt(a.get('server_cpu_us_per_call'))} | {fmt(b.get('server_cpu_us_per_call'))} "
                f"| {fmt((a.get('client_cpu_util') or 0) * 100) if a else '–'}% / {fmt((b.get('client_cpu_util') or 0) * 100) if b else '–'}% |"
            )
        errs_o = sum(lv["errors"] for lv in ho.get("levels", []))
        errs_p = sum(lv["errors"] for lv in hp.get("levels", []))
        cts_o = sorted({ct for lv in ho.get("levels", []) for ct in lv["content_types"]})
        cts_p = sorted({ct for lv in hp.get("levels", []) for ct in lv["content_types"]})
        L.append("")
        L.append(
            f"Errors: ours {errs_o}, peer {errs_p if hp else '–'}. Response content types: ours {cts_o}, peer {cts_p if hp else '–'}. "
            f"Peak RSS after the load: ours {fmt(mib(ho.get('VmHWM_kib')), 1)} MiB, peer {fmt(mib(hp.get('VmHWM_kib')), 1)} MiB. "
            f"Other work on the server CPU (max over levels): ours {fmt(max([lv.get('foreign_cpu', 0) for lv in ho.get('levels', [])] or [0.0]), 2)}, "
            f"peer {fmt(max([lv.get('foreign_cpu', 0) for lv in hp.get('levels', [])] or [0.0]), 2)} CPUs. "
            "A harness CPU near 100% means the Python load generator, not the server, set the ceiling."
        )
        if H.get("ours_skipped"):
            L.append(f"Ours not measured: {H['ours_skipped']}.")
        for who in ("ours", "peer"):
            if H.get(f"{who}_error"):
                L.append(f"{who} HTTP failed: {H[f'{who}_error']}")
        L.append("")
    elif H is not None:
        L.append(f"## streamable HTTP\n\nNot measured: {H.get('ours_skipped', '')} {H.get('ours_error', '')} {H.get('peer_error', '')}\n")

    SC = R.get("scale", [])
    if SC:
        L.append("## scale: synthetic corpus (bench/gen_corpus.py), `--knowledge DIR --no-builtin`")
        L.append("")
        L.append("| docs | metric | ours | peer | peer/ours |")
        L.append("|---:|---|---:|---:|---:|")
        for s in SC:
            o, p = s["ours"], s.get("peer") or {}
            d = f"{s['docs']:,}"
            L.append(f"| {d} | corpus: {s['bytes'] / 1e6:.1f} MB, {fmt(o.get('sections'))} sections (ours) | | | |")
            L.append(f"| {d} | `doctor` load (ms) | {fmt(o.get('doctor_load_ms'), 1)} | {fmt(p.get('load_ms'), 1)} (peer's own timer) | {ratio(p.get('load_ms'), o.get('doctor_load_ms'))} |")
            L.append(f"| {d} | `doctor` index build (ms) | {fmt(o.get('doctor_index_ms'), 1)} | {fmt(p.get('index_ms'), 1)} (peer's own timer) | {ratio(p.get('index_ms'), o.get('doctor_index_ms'))} |")
            L.append(f"| {d} | `doctor` wall time / CPU time (ms) / peak RSS (MiB) | {fmt(o.get('doctor_wall_ms'))} / {fmt(o.get('doctor_cpu_ms'))} / {fmt(mib(o.get('doctor_maxrss_kib')), 1)} | | |")
            L.append(f"| {d} | spawn → initialize response (ms) | {fmt(o.get('spawn_to_init_ms'), 1)} | {fmt(p.get('spawn_to_init_ms'), 1)} | {ratio(p.get('spawn_to_init_ms'), o.get('spawn_to_init_ms'))} |")
            L.append(f"| {d} | spawn → first answer_cmk_question answered (ms) | {fmt(o.get('spawn_to_first_call_ms'), 1)} | {fmt(p.get('spawn_to_first_call_ms'), 1)} | {ratio(p.get('spawn_to_first_call_ms'), o.get('spawn_to_first_call_ms'))} |")
            for tool in ("answer_cmk_question", "troubleshoot"):
                for q in ("p50_us", "p99_us"):
                    a = (o.get("latency") or {}).get(tool, {}).get(q)
                    b = (p.get("latency") or {}).get(tool, {}).get(q)
                    L.append(f"| {d} | {tool} {q[:3]} over stdio (µs) | {fmt(a)} | {fmt(b)} | {ratio(b, a)} |")
                a = (o.get("latency") or {}).get(tool, {}).get("server_cpu_us_per_call")
                b = (p.get("latency") or {}).get(tool, {}).get("server_cpu_us_per_call")
                L.append(f"| {d} | {tool} server CPU per call (µs) | {fmt(a)} | {fmt(b)} | {ratio(b, a)} |")
            a, b = mib(o.get("VmHWM_kib")), mib(p.get("VmHWM_kib"))
            L.append(f"| {d} | serve peak RSS after the calls (MiB) | {fmt(a, 1)} | {fmt(b, 1)} | {ratio(b, a)} |")
            a, b = (o.get("latency") or {}).get("foreign_cpu"), (p.get("latency") or {}).get("foreign_cpu")
            L.append(f"| {d} | other work on the server CPU during the calls (CPUs) | {fmt(a, 2)} | {fmt(b, 2)} | |")
            L.append(
                f"| {d} | other work on the server CPU during startups / doctor (max, CPUs) | "
                f"{fmt(o.get('spawn_foreign_cpu_max'), 2)} / {fmt(o.get('doctor_foreign_cpu_max'), 2)} | {fmt(p.get('spawn_foreign_cpu_max'), 2)} | |"
            )
        L.append("")
    if R.get("problems"):
        L.append("## problems")
        L.append("")
        for pr in R["problems"]:
            L.append(f"- {pr}")
        L.append("")
    return "\n".join(L)


# ---------------------------------------------------------------------------------------


def combine_latency(runs: list[dict], tools) -> dict:
    out = {}
    for tool in tools:
        rs = [r[tool] for r in runs if tool in r]
        out[tool] = {
            "p50_us": med([r["p50_us"] for r in rs]),
            "p99_us": med([r["p99_us"] for r in rs]),
            "mean_response_bytes": med([r["mean_response_bytes"] for r in rs]),
            "server_cpu_us_per_call": med([r.get("server_cpu_us_per_call") for r in rs]),
            "errors": sum(r["errors"] for r in rs),
            "error_sample": next((r["error_sample"] for r in rs if r["error_sample"]), None),
        }
    out["VmHWM_kib"] = med([r["VmHWM_kib"] for r in runs])
    out["errors"] = sum(out[t]["errors"] for t in tools)
    out["foreign_cpu_max"] = max(r.get("foreign_cpu", 0.0) for r in runs)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description="Benchmark acr-cmk-mcp against the Python SDK + tantivy-py peer.")
    ap.add_argument("--ours", default=str(ROOT / "target" / "release" / "acr-cmk-mcp"))
    ap.add_argument("--peer-python", default=sys.executable, help="Python with bench/peer/requirements.txt installed")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--quick", action="store_true", help="fewer runs and calls, shorter HTTP levels (a smoke run)")
    ap.add_argument("--calls", type=int, default=300, help="timed tools/call per tool per run")
    ap.add_argument("--warmup", type=int, default=20)
    ap.add_argument("--http-duration", type=float, default=10.0, help="seconds per concurrency level")
    ap.add_argument("--http-levels", default="1,8,32")
    ap.add_argument("--http-mode", choices=["stateless", "session"], default="stateless",
                    help="stateless: each POST stands alone (MCP-Protocol-Version header); session: initialize once per client")
    ap.add_argument("--scale", default="1000,10000", help="corpus sizes (docs); empty for none")
    ap.add_argument("--scale-calls", type=int, default=200)
    ap.add_argument("--corpus-dir", default=os.path.join(tempfile.gettempdir(), "acr-cmk-bench-corpus"))
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--skip-peer", action="store_true")
    ap.add_argument("--skip-stdio", action="store_true")
    ap.add_argument("--skip-http", action="store_true")
    ap.add_argument("--skip-scale", action="store_true")
    ap.add_argument("--skip-sdk", action="store_true")
    ap.add_argument("--no-pin", action="store_true")
    ap.add_argument("--timeout", type=float, default=180.0, help="bound for each server process (s)")
    ap.add_argument("--retries", type=int, default=2,
                    help="measure again (after waiting for idle) when other work used >10%% of the server CPU meanwhile")
    ap.add_argument("--patience", type=float, default=20.0,
                    help="minutes after which the run stops waiting for idle and measuring again")
    ap.add_argument("--wait-idle", type=float, default=120.0, help="wait up to this long (s) for other CPU load to stop")
    ap.add_argument("--out", default=str(HERE / "results" / "latest.json"))
    args = ap.parse_args()
    if args.quick:
        args.runs = min(args.runs, 2)
        args.calls = min(args.calls, 100)
        args.warmup = min(args.warmup, 10)
        args.http_duration = min(args.http_duration, 3.0)
        args.scale_calls = min(args.scale_calls, 100)
        args.retries = min(args.retries, 0)
        args.wait_idle = min(args.wait_idle, 10.0)
    args.scale_runs = max(1, min(args.runs, 3))

    global PIN
    PIN = Pinning(not args.no_pin)
    RETRY.update(
        attempts=1 + max(0, args.retries), idle_wait=args.wait_idle, deadline=time.monotonic() + 60 * args.patience
    )
    # On SIGTERM (e.g. from `timeout`), unwind so every `finally` stops its server.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    ours_bin = os.path.abspath(args.ours)
    if not os.access(ours_bin, os.X_OK):
        log(f"error: {ours_bin} is not an executable; build it with `cargo build --release`")
        return 2
    ours = ours_server(ours_bin)
    peer = None if args.skip_peer else peer_server(args.peer_python)
    servers = [ours] + ([peer] if peer else [])
    tools = ["answer_cmk_question", "get_setup_commands", "troubleshoot"]

    R: dict = {
        "when": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
        "machine": machine(),
        "pinning": PIN.describe(),
        "ours_binary": binary_info(ours_bin),
        "peer_versions": peer_info(args.peer_python) if peer else {},
        "args": {k: v for k, v in vars(args).items()},
        "problems": [],
    }
    R["machine"]["busy_before"] = round(wait_idle(args.wait_idle), 3)
    R["machine"]["loadavg_before"] = Path("/proc/loadavg").read_text().split()[:3]
    if R["machine"]["busy_before"] > 0.15:
        R["problems"].append(
            f"the machine was {R['machine']['busy_before']:.0%} busy with other work when the run started; numbers are noisy"
        )
    t_start = time.perf_counter()

    # stdio: spawn -> initialize, and call latency
    R["stdio"] = {}
    for srv in [] if args.skip_stdio else servers:
        wait_idle(args.wait_idle)
        log(f"stdio {srv.name}: spawn -> initialize x{args.runs}")
        try:
            st = [spawn_to_initialize_clean(srv, None, args.timeout) for _ in range(args.runs)]
            starts = [x["ms"] for x in st]
            log(f"stdio {srv.name}: latency, {args.runs} runs x {args.calls} calls x {len(tools)} tools")
            runs = [stdio_latency_clean(srv, tools, args.warmup, args.calls, args.timeout) for _ in range(args.runs)]
        except Exception as e:  # noqa: BLE001
            R["problems"].append(f"stdio {srv.name}: {e}")
            log(f"  failed: {e}")
            continue
        comb = combine_latency(runs, tools)
        comb["spawn_to_init_ms"] = med(starts)
        comb["spawn_to_first_call_ms"] = med([x["first_call_ms"] for x in st])
        comb["spawn_foreign_cpu_max"] = max(x["foreign_cpu"] for x in st)
        comb["spawn_to_init_ms_runs"] = starts
        comb["runs"] = runs
        R["stdio"][srv.name] = comb
        if comb["spawn_foreign_cpu_max"] > FOREIGN_LIMIT:
            R["problems"].append(f"stdio {srv.name}: other work used up to {comb['spawn_foreign_cpu_max']:.0%} of the server CPU during a startup")
        if comb["foreign_cpu_max"] > FOREIGN_LIMIT:
            R["problems"].append(f"stdio {srv.name}: other work used up to {comb['foreign_cpu_max']:.0%} of the server CPU during timed calls")
        if comb["errors"]:
            R["problems"].append(f"stdio {srv.name}: {comb['errors']} tool errors, e.g. {comb[next(t for t in tools if comb[t]['errors'])]['error_sample']}")

    # the floor: a program that answers each line at once with a response of our size,
    # timed with the same client, pipe and pinning (examples/line_echo.rs)
    echo_bin = str(Path(ours_bin).parent / "examples" / "line_echo")
    ours_stdio = R["stdio"].get("ours")
    if ours_stdio and Path(echo_bin).exists():
        floor = {}
        for tool in tools:
            size = int(ours_stdio[tool]["mean_response_bytes"])
            echo = Server("floor", lambda knowledge=None, size=size: [echo_bin, "--bytes", str(size)], None, "line echo")
            log(f"stdio floor: line echo of {size} bytes, {args.runs} runs x {args.calls} calls")
            try:
                runs = [stdio_latency_clean(echo, [tool], args.warmup, args.calls, args.timeout) for _ in range(args.runs)]
            except Exception as e:  # noqa: BLE001
                R["problems"].append(f"stdio floor: {e}")
                break
            floor[tool] = combine_latency(runs, [tool])[tool]
        R["stdio"]["floor"] = floor
    elif ours_stdio:
        log(f"stdio floor: skipped, {echo_bin} not built (cargo build --release --example line_echo)")

    # the official SDK client
    if not args.skip_sdk:
        R["sdk"] = {}
        for srv in servers:
            log(f"sdk {srv.name}: ClientSession over stdio")
            try:
                R["sdk"][srv.name] = asyncio.run(asyncio.wait_for(sdk_check(srv, args.calls), args.timeout))
            except Exception as e:  # noqa: BLE001
                R["problems"].append(f"SDK client against {srv.name}: {e!r}")
                log(f"  failed: {e!r}")

    # HTTP
    if not args.skip_http:
        levels = [int(x) for x in args.http_levels.split(",") if x]
        H = {"mode": args.http_mode, "duration_s": args.http_duration, "levels": levels}
        http_servers = servers
        if not ours_has_http(ours_bin):
            H["ours_skipped"] = f"`{ours_bin} serve --help` does not list --http yet"
            log(f"http: {H['ours_skipped']}")
            R["problems"].append(f"HTTP ours: {H['ours_skipped']}")
            http_servers = [s for s in servers if s is not ours]
        for srv in http_servers:
            wait_idle(args.wait_idle)
            log(f"http {srv.name}: {levels} clients")
            try:
                H[srv.name] = http_bench(srv, levels, 1.0, args.http_duration, args.http_mode, 60.0)
            except Exception as e:  # noqa: BLE001
                H[f"{srv.name}_error"] = repr(e)
                R["problems"].append(f"HTTP {srv.name}: {e!r}")
                log(f"  failed: {e!r}")
            for lv in (H.get(srv.name) or {}).get("levels", []):
                if lv["foreign_cpu"] > FOREIGN_LIMIT:
                    R["problems"].append(f"HTTP {srv.name} at {lv['concurrency']} clients: other work used {lv['foreign_cpu']:.0%} of the server CPU")
                if lv["errors"]:
                    R["problems"].append(f"HTTP {srv.name} at {lv['concurrency']} clients: {lv['errors']} errors, e.g. {lv['error_sample']} {lv['exceptions']}")
        R["http"] = H

    # scale
    if not args.skip_scale and args.scale:
        R["scale"] = []
        for n in [int(x) for x in args.scale.split(",") if x]:
            try:
                R["scale"].append(scale_bench(ours, peer, ours_bin, n, args))
                R["problems"].extend(f"scale {n}: {p}" for p in R["scale"][-1].get("problems", []))
            except Exception as e:  # noqa: BLE001
                R["problems"].append(f"scale {n}: {e}")
                log(f"  failed: {e}")

    R["elapsed_s"] = time.perf_counter() - t_start
    R["machine"]["loadavg_after"] = Path("/proc/loadavg").read_text().split()[:3]
    if float(R["machine"]["loadavg_after"][0]) > 1.5 * (1 if PIN.enabled else 0) + 1.0:
        R["problems"].append(f"load average {R['machine']['loadavg_after'][0]} at the end: other work may have shared the CPUs")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(R, indent=2, default=list) + "\n")
    md = report(R)
    out.with_suffix(".md").write_text(md + "\n")
    print(md)
    log(f"wrote {out} and {out.with_suffix('.md')} ({R['elapsed_s']:.0f} s)")
    return 1 if R["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
