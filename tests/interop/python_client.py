"""The official Python MCP SDK (mcp==2.3.0) against the built binary over stdio.

usage: python tests/interop/python_client.py PATH/TO/acr-cmk-mcp

Lists the tools, calls each one, checks a bad argument comes back as a tool error
naming the field, and prints one line per check and a final 'N passed, N failed'.
"""
import asyncio
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(f"{'ok  ' if ok else 'FAIL'} {name}{(' - ' + detail) if detail and not ok else ''}")


async def main(binary):
    params = StdioServerParameters(command=binary, args=["serve"])
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as s:
            init = await s.initialize()
            check("initialize: server name", init.server_info.name == "acr-cmk-mcp", str(init.server_info))
            check("initialize: protocol version", init.protocol_version in ("2025-06-18", "2025-11-25"), init.protocol_version)

            tools = (await s.list_tools()).tools
            names = sorted(t.name for t in tools)
            check("tools/list", names == ["answer_cmk_question", "get_setup_commands", "troubleshoot"], str(names))
            check("every tool has an output schema", all(t.output_schema for t in tools))
            check("every tool is read-only", all(t.annotations and t.annotations.read_only_hint for t in tools))

            r = await s.call_tool("answer_cmk_question", {"question": "How do I rotate the customer-managed key?"})
            sc = r.structured_content or {}
            check("answer: not an error", not r.is_error, str(r.content[:1]))
            check("answer: confident", sc.get("confident") is True, str(sc)[:300])
            snippets = sc.get("snippets") or []
            check(
                "answer: cited snippets",
                bool(snippets) and all(x["uri"].startswith("skill://") and x["source_url"].startswith("https://") and x["lines"]["start"] >= 1 for x in snippets),
                str(snippets[:1])[:300],
            )
            check("answer: text rendering cites", "Source: skill://" in r.content[0].text)

            r = await s.call_tool("get_setup_commands", {"scenario": "create_registry", "registry_name": "contosoacr01"})
            sc = r.structured_content or {}
            check("setup: script", not r.is_error and sc.get("script", "").startswith("#!/usr/bin/env bash"), str(r.content[:1])[:300])

            r = await s.call_tool("troubleshoot", {"symptom": "Cannot set policies to a vault with '--enable-rbac-authorization' specified"})
            sc = r.structured_content or {}
            check("troubleshoot: case", sc.get("confident") is True and sc["matches"][0]["id"] == "set-policy-fails-on-an-rbac-key-vault", str(sc)[:300])

            r = await s.call_tool("answer_cmk_question", {"question": "x", "max_results": 42})
            check("bad argument: isError naming the field", r.is_error and "max_results" in r.content[0].text, str(r.content[:1]))


asyncio.run(main(sys.argv[1]))
failed = results.count(False)
print(f"{len(results) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
