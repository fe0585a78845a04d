"""The official Python MCP SDK (mcp==2.3.0) against the built binary.

usage: python tests/interop/python_client.py PATH/TO/acr-cmk-mcp

Over stdio, and over streamable HTTP in session and in stateless mode (the binary is
started on a free loopback port for each), it initializes, lists and calls every tool,
lists and reads resources and the section template, lists and gets every prompt,
completes arguments, sets the log level, and checks that a bad argument comes back as
a tool error naming the field. Prints one line per check and 'N passed, N failed'.
"""
import asyncio
import logging
import socket
import subprocess
import sys
import time

from mcp import ClientSession, StdioServerParameters, types
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamable_http_client

results = []


class Warnings(logging.Handler):
    """Collects what the SDK logs at WARNING and above, such as "Session termination
    failed: 202" when the server answers a session's DELETE with anything but 200/204."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


sdk_warnings = Warnings()
logging.getLogger("mcp").addHandler(sdk_warnings)


def check(name, ok, detail=""):
    results.append(ok)
    print(f"{'ok  ' if ok else 'FAIL'} {name}{(' - ' + str(detail)[:300]) if detail and not ok else ''}")


async def exercise(s, label):
    init = await s.initialize()
    check(f"{label}: initialize", init.server_info.name == "acr-cmk-mcp", init.server_info)
    check(f"{label}: protocol version", init.protocol_version in ("2025-06-18", "2025-11-25"), init.protocol_version)

    tools = (await s.list_tools()).tools
    names = sorted(t.name for t in tools)
    check(f"{label}: tools/list", names == ["answer_cmk_question", "get_setup_commands", "list_skills", "read_section", "troubleshoot"], names)
    check(f"{label}: output schemas and read-only annotations", all(t.output_schema and t.annotations and t.annotations.read_only_hint for t in tools))

    r = await s.call_tool("answer_cmk_question", {"question": "How do I rotate the customer-managed key?"})
    sc = r.structured_content or {}
    snippets = sc.get("snippets") or []
    citations = sc.get("citations") or []
    cited = [citations[x["cite"]] for x in snippets if x.get("cite", len(citations)) < len(citations)]
    check(f"{label}: answer_cmk_question cited", not r.is_error and sc.get("confident") is True and snippets
          and len(cited) == len(snippets)
          and all(c["uri"].startswith("skill://") and c["source_url"].startswith("https://") for c in cited), sc)
    uris = [c["uri"] for c in citations]
    check(f"{label}: each source cited once", len(uris) == len(set(uris)) and all(u in r.content[0].text for u in uris), r.content)

    r = await s.call_tool("get_setup_commands", {"scenario": "create_registry", "registry_name": "contosoacr01"})
    plan = r.structured_content or {}
    check(f"{label}: get_setup_commands", not r.is_error and "#!/usr/bin/env bash" in r.content[0].text
          and plan.get("steps") and all(s["command"] in r.content[0].text for s in plan["steps"]), r.content[:1])

    r = await s.call_tool("troubleshoot", {"symptom": "Cannot set policies to a vault with '--enable-rbac-authorization' specified"})
    sc = r.structured_content or {}
    check(f"{label}: troubleshoot", sc.get("confident") is True and sc["matches"][0]["id"] == "set-policy-fails-on-an-rbac-key-vault", sc)

    r = await s.call_tool("read_section", {"uri": cited[0]["uri"] if cited else ""})
    check(f"{label}: read_section", not r.is_error and (r.structured_content or {}).get("text", "").startswith("#"), r.content[:1])
    r = await s.call_tool("list_skills", {})
    check(f"{label}: list_skills", (r.structured_content or {}).get("skills", [{}])[0].get("name") == "acr-cmk", r.structured_content)

    r = await s.call_tool("answer_cmk_question", {"question": "x", "max_results": 42})
    check(f"{label}: bad argument is a tool error naming the field", r.is_error and "max_results" in r.content[0].text, r.content[:1])

    resources = (await s.list_resources()).resources
    uris = [str(x.uri) for x in resources]
    check(f"{label}: resources/list", "skill://acr-cmk/SKILL.md" in uris and "skill://catalog.json" in uris, uris)
    for uri in uris:
        content = (await s.read_resource(uri)).contents
        if not content or not getattr(content[0], "text", ""):
            check(f"{label}: resources/read {uri}", False, content)
            break
    else:
        check(f"{label}: resources/read every resource", True)
    templates = (await s.list_resource_templates()).resource_templates
    check(f"{label}: resources/templates/list", [t.uri_template for t in templates] == ["skill://{skill}/{+path}{#anchor}"], templates)
    section = (await s.read_resource("skill://acr-cmk/references/overview.md#cmk-requires-the-premium-sku")).contents
    check(f"{label}: read a section through the template", "Premium" in section[0].text, section)
    try:
        await s.read_resource("skill://acr-cmk/../../etc/passwd")
        check(f"{label}: traversal URI refused", False, "it was served")
    except Exception as e:  # the SDK raises McpError
        check(f"{label}: traversal URI refused", "not found" in str(e).lower(), e)

    prompts = (await s.list_prompts()).prompts
    check(f"{label}: prompts/list", sorted(p.name for p in prompts) == ["rotate_cmk_key", "setup_cmk_registry", "troubleshoot_cmk"], prompts)
    for name, args in [("setup_cmk_registry", {"registry_name": "contosoacr01"}), ("rotate_cmk_key", {"registry_name": "contosoacr01"}),
                       ("troubleshoot_cmk", {"symptom": "CMK_ERROR"})]:
        p = await s.get_prompt(name, args)
        check(f"{label}: prompts/get {name}", p.messages and p.messages[0].content.text, p)

    c = await s.complete(types.PromptReference(type="ref/prompt", name="setup_cmk_registry"), {"name": "scenario", "value": "re"})
    check(f"{label}: completion for a prompt argument", c.completion.values == ["restore_access", "revoke_access"], c.completion)
    c = await s.complete(types.ResourceTemplateReference(type="ref/resource", uri="skill://{skill}/{+path}{#anchor}"), {"name": "skill", "value": "acr"})
    check(f"{label}: completion for a template variable", c.completion.values == ["acr-cmk"], c.completion)
    await s.set_logging_level("info")
    check(f"{label}: logging/setLevel", True)


async def over_stdio(binary):
    async with stdio_client(StdioServerParameters(command=binary, args=["serve"])) as (read, write):
        async with ClientSession(read, write) as s:
            await exercise(s, "stdio")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def over_http(binary, stateless):
    port = free_port()
    args = [binary, "serve", "--http", f"127.0.0.1:{port}"] + (["--stateless"] if stateless else [])
    server = subprocess.Popen(args, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 15
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        label = "http-stateless" if stateless else "http-session"
        sdk_warnings.messages.clear()
        async with streamable_http_client(f"http://127.0.0.1:{port}/mcp") as streams:
            async with ClientSession(streams[0], streams[1]) as s:
                await exercise(s, label)
        # Leaving the client ends the session (DELETE in session mode), which the SDK
        # must take for success. (Other warnings at teardown are the SDK's own race:
        # a notification arriving after its read stream closed is logged as "Error
        # parsing SSE message", BrokenResourceError.)
        failed = [m for m in sdk_warnings.messages if "Session termination failed" in m]
        check(f"{label}: session closed without an SDK warning", not failed, failed)
    finally:
        server.terminate()
        server.wait(timeout=10)


async def main(binary):
    await over_stdio(binary)
    await over_http(binary, stateless=False)
    await over_http(binary, stateless=True)


asyncio.run(main(sys.argv[1]))
failed = results.count(False)
print(f"{len(results) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
