"""The benchmark peer: the MCP server a user would otherwise write in an afternoon.

The official Python MCP SDK (mcp==2.3.0, its high-level `MCPServer` API) plus tantivy-py.
At startup it reads every .md under a knowledge dir, splits it into sections at headings
(levels 1-4, outside code fences), and indexes heading + body in an in-RAM tantivy index.
It exposes the same three tool names as acr-cmk-mcp with the same main parameters:

  answer_cmk_question {question, max_results?, max_chars?}  -> top-k sections
  get_setup_commands  {scenario, registry_name?, ...}       -> a fixed-template az script
  troubleshoot        {symptom, max_results?}               -> top sections of troubleshooting.md

usage:
  python server.py [--knowledge DIR]                          # MCP over stdio
  python server.py [--knowledge DIR] --http 127.0.0.1:8765 [--stateless] [--json-response]

It is a peer for measurements, not a product: no citations to upstream pages, no input
validation beyond the SDK's type checks, no shell quoting.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

import tantivy
from pydantic import BaseModel

from mcp.server.mcpserver import MCPServer

HEADING = re.compile(r"^(#{1,4})\s+(.+?)\s*#*\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")


class Section(BaseModel):
    doc: str
    heading: str
    text: str
    score: float


class Answer(BaseModel):
    question: str
    snippets: list[Section]


class Diagnosis(BaseModel):
    symptom: str
    matches: list[Section]


class SetupScript(BaseModel):
    scenario: str
    script: str


def split_sections(rel: str, text: str) -> list[tuple[str, str, str]]:
    """(doc, heading, body) for each heading of a Markdown file; front matter is dropped."""
    lines = text.splitlines()
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() == "---":
                lines = lines[i + 1 :]
                break
    sections: list[tuple[str, str, str]] = []
    heading, body, in_fence = "", [], False
    for line in lines:
        if FENCE.match(line):
            in_fence = not in_fence
        m = None if in_fence else HEADING.match(line)
        if m:
            if heading or any(b.strip() for b in body):
                sections.append((rel, heading, "\n".join(body).strip()))
            heading, body = m.group(2), []
        else:
            body.append(line)
    if heading or any(b.strip() for b in body):
        sections.append((rel, heading, "\n".join(body).strip()))
    return sections


class Knowledge:
    def __init__(self, root: Path):
        t0 = time.perf_counter()
        self.sections: list[tuple[str, str, str]] = []
        for path in sorted(root.rglob("*.md")):
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as e:
                print(f"skipping {path}: {e}", file=sys.stderr)
                continue
            self.sections.extend(split_sections(str(path.relative_to(root)), text))
        t1 = time.perf_counter()

        sb = tantivy.SchemaBuilder()
        sb.add_integer_field("id", stored=True, indexed=True)
        sb.add_text_field("kind", stored=False, tokenizer_name="raw")
        sb.add_text_field("heading", stored=False)
        sb.add_text_field("body", stored=False)
        self.schema = sb.build()
        self.index = tantivy.Index(self.schema)  # in RAM
        writer = self.index.writer(heap_size=128_000_000, num_threads=1)
        for i, (doc, heading, body) in enumerate(self.sections):
            kind = "troubleshooting" if Path(doc).name == "troubleshooting.md" else "reference"
            writer.add_document(tantivy.Document(id=i, kind=kind, heading=heading, body=body))
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()
        self.searcher = self.index.searcher()
        t2 = time.perf_counter()
        print(
            f"peer: {len(self.sections)} sections; load {1000 * (t1 - t0):.1f} ms, index {1000 * (t2 - t1):.1f} ms",
            file=sys.stderr,
        )

    def search(self, text: str, limit: int, kind: str | None = None, max_chars: int | None = None) -> list[Section]:
        query, _errors = self.index.parse_query_lenient(text, ["heading", "body"], field_boosts={"heading": 2.0})
        if kind is not None:
            query = tantivy.Query.boolean_query(
                [
                    (tantivy.Occur.Must, query),
                    (tantivy.Occur.Must, tantivy.Query.term_query(self.schema, "kind", kind)),
                ]
            )
        hits = self.searcher.search(query, limit).hits
        out = []
        per = max(200, max_chars // max(1, len(hits))) if max_chars else None
        for score, addr in hits:
            i = self.searcher.doc(addr)["id"][0]
            doc, heading, body = self.sections[i]
            if per is not None and len(body) > per:
                body = body[:per] + " …"
            out.append(Section(doc=doc, heading=heading, text=body, score=float(score)))
        return out


def build_server(knowledge: Knowledge) -> MCPServer:
    mcp = MCPServer("acr-cmk-peer", version="0.1.0", log_level="WARNING")

    @mcp.tool()
    def answer_cmk_question(question: str, max_results: int = 3, max_chars: int | None = None) -> Answer:
        """Answer a question about ACR customer-managed keys with the top matching knowledge sections."""
        return Answer(question=question, snippets=knowledge.search(question, max(1, min(max_results, 10)), None, max_chars))

    @mcp.tool()
    def get_setup_commands(
        scenario: str,
        registry_name: str = "contosoacr01",
        resource_group: str = "rg-acr",
        location: str = "westeurope",
        identity_name: str = "id-acr-cmk",
        key_vault_name: str = "kv-acr-cmk-01",
        key_name: str = "acr-cmk",
    ) -> SetupScript:
        """An az CLI script for a CMK scenario (this peer knows create_registry only)."""
        if scenario != "create_registry":
            raise ValueError(f"unsupported scenario: {scenario}")
        script = f"""#!/usr/bin/env bash
set -euo pipefail
az group create --name {resource_group} --location {location}
az identity create --resource-group {resource_group} --name {identity_name}
IDENTITY_ID=$(az identity show --resource-group {resource_group} --name {identity_name} --query id --output tsv)
PRINCIPAL_ID=$(az identity show --resource-group {resource_group} --name {identity_name} --query principalId --output tsv)
az keyvault create --name {key_vault_name} --resource-group {resource_group} --location {location} --enable-purge-protection
KEY_VAULT_ID=$(az keyvault show --resource-group {resource_group} --name {key_vault_name} --query id --output tsv)
az role assignment create --assignee-object-id "$PRINCIPAL_ID" --assignee-principal-type ServicePrincipal --role "Key Vault Crypto Service Encryption User" --scope "$KEY_VAULT_ID/keys/{key_name}"
az keyvault key create --name {key_name} --vault-name {key_vault_name}
KEY_ID=$(az keyvault key show --name {key_name} --vault-name {key_vault_name} --query key.kid --output tsv)
KEY_ID=$(echo "$KEY_ID" | sed -e 's/\\/[^/]*$//')
az acr create --resource-group {resource_group} --name {registry_name} --identity "$IDENTITY_ID" --key-encryption-key "$KEY_ID" --sku Premium
az acr encryption show --name {registry_name}
"""
        return SetupScript(scenario=scenario, script=script)

    @mcp.tool()
    def troubleshoot(symptom: str, max_results: int = 3) -> Diagnosis:
        """Match an error message or symptom to sections of the troubleshooting doc."""
        return Diagnosis(symptom=symptom, matches=knowledge.search(symptom, max(1, min(max_results, 10)), "troubleshooting"))

    return mcp


def main() -> None:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--knowledge", default=os.environ.get("PEER_KNOWLEDGE", str(here.parent.parent / "knowledge")))
    ap.add_argument("--http", metavar="HOST:PORT", help="serve streamable HTTP at http://HOST:PORT/mcp instead of stdio")
    ap.add_argument("--stateless", action="store_true", help="HTTP: stateless mode (no Mcp-Session-Id)")
    ap.add_argument("--json-response", action="store_true", help="HTTP: answer POSTs with application/json, not SSE")
    args = ap.parse_args()

    mcp = build_server(Knowledge(Path(args.knowledge)))
    if args.http:
        host, _, port = args.http.rpartition(":")
        mcp.run(
            "streamable-http",
            host=host,
            port=int(port),
            stateless_http=args.stateless,
            json_response=args.json_response,
        )
    else:
        mcp.run()


if __name__ == "__main__":
    main()
