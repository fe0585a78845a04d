#!/usr/bin/env python3
"""Generates a synthetic knowledge tree of N Markdown skill docs for scale benchmarks.

usage: python bench/gen_corpus.py OUT_DIR [--docs 10000] [--seed 42] [--docs-per-skill 100]

Layout (what `acr-cmk-mcp --knowledge OUT_DIR --no-builtin` reads as a folder of skill folders):

  OUT_DIR/skill-0000/SKILL.md
  OUT_DIR/skill-0000/references/troubleshooting.md      (kind: troubleshooting, 3-6 cases)
  OUT_DIR/skill-0000/references/<topic>-00002.md ...     (reference docs)

Every doc has realistic front matter (name, description, sources, updated), 3-8 headings
(one level-1 title, then level 2 and 3), prose paragraphs drawn from a vocabulary of
technical words with a Zipf-like distribution, and fenced bash (az commands with
double-quoted shell variables) and json code blocks. The output is deterministic for a
given --seed and --docs: the same arguments write byte-identical files.

Uses only the standard library. `questions(seed, n)` gives queries over the same vocabulary
for the harness.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import shutil
import sys
from pathlib import Path

GENERATOR_VERSION = 1

NOUNS = """
registry key vault identity encryption rotation policy role assignment principal tenant
subscription resource group region replica replication webhook token scope repository
artifact manifest tag digest layer image blob storage account firewall network endpoint
subnet service connection certificate secret version permission access audit log metric
alert quota limit tier sku premium standard basic pipeline task agent runner cluster node
pool container pod deployment namespace ingress gateway proxy cache mirror snapshot backup
restore retention purge deletion recovery lock lease rule condition trigger schedule
interval timeout retry throttle request response header payload schema template parameter
variable output module provider plugin extension client server socket port protocol cipher
algorithm signature hash checksum nonce salt envelope wrap unwrap hsm module enclave
""".split()

VERBS = """
create rotate revoke restore enable disable assign grant deny configure update delete list
show check verify validate import export sync replicate encrypt decrypt sign scan push
pull tag untag lock unlock purge recover migrate upgrade downgrade provision deprovision
monitor inspect trace debug diagnose resolve renew expire refresh cache reload attach detach
""".split()

ADJECTIVES = """
managed user-assigned system-assigned customer-managed versioned versionless private public
regional global soft-deleted purge-protected disabled enabled expired stale pending failed
healthy degraded encrypted unencrypted trusted untrusted dedicated shared default optional
required legacy preview deprecated automatic manual periodic immediate transient persistent
""".split()

GLUE = """
the a an of to for with when after before during while because if then so and or but
that which this each every any its their your on in by from into over under through
""".split()

ERROR_CODES = """
Forbidden Unauthorized NotFound Conflict BadRequest KeyVaultAccessDenied IdentityNotFound
KeyDisabled KeyExpired VaultUnreachable ThrottledRequest QuotaExceeded InvalidKeyVersion
""".split()

VARS = ["RESOURCE_GROUP", "LOCATION", "REGISTRY_NAME", "IDENTITY_NAME", "KEY_VAULT_NAME", "KEY_NAME"]
AZ_GROUPS = [
    ("acr", ["create", "show", "update", "delete", "list"]),
    ("acr encryption", ["show", "rotate-key"]),
    ("acr identity", ["assign", "remove", "show"]),
    ("keyvault", ["create", "show", "update"]),
    ("keyvault key", ["create", "show", "rotate", "delete", "recover"]),
    ("identity", ["create", "show", "delete"]),
    ("role assignment", ["create", "list", "delete"]),
]
FLAG_FOR_VAR = {
    "RESOURCE_GROUP": "--resource-group",
    "LOCATION": "--location",
    "REGISTRY_NAME": "--name",
    "IDENTITY_NAME": "--identity",
    "KEY_VAULT_NAME": "--vault-name",
    "KEY_NAME": "--key-name",
}


SYLLABLES = "ka ro mi tu ne sa vo li den tor bex qua zen fil mar cor dyn lex nov pra sil ter vex".split()


def third_person(verb: str) -> str:
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    if verb.endswith(("s", "sh", "ch", "x")):
        return verb + "es"
    return verb + "s"


def _zipf_weights(n: int, s: float = 0.9) -> list[float]:
    """Cumulative Zipf-like weights (for random.choices(cum_weights=...))."""
    return list(itertools.accumulate(1.0 / (r + 1) ** s for r in range(n)))


class Words:
    def __init__(self, rng: random.Random):
        self.rng = rng
        # A fixed shuffle per seed decides which words are common.
        self.nouns = NOUNS[:]
        rng.shuffle(self.nouns)
        self.verbs = VERBS[:]
        rng.shuffle(self.verbs)
        self.adjs = ADJECTIVES[:]
        rng.shuffle(self.adjs)
        self.nw = _zipf_weights(len(self.nouns))
        self.vw = _zipf_weights(len(self.verbs))
        self.aw = _zipf_weights(len(self.adjs))
        # A long tail of rare made-up terms (product names, feature flags), as real docs have.
        rare = set()
        while len(rare) < 4000:
            rare.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
        self.rare = sorted(rare)
        rng.shuffle(self.rare)
        self.rw = _zipf_weights(len(self.rare), 0.8)

    def rare_word(self) -> str:
        return self.rng.choices(self.rare, cum_weights=self.rw)[0]

    def noun(self) -> str:
        return self.rng.choices(self.nouns, cum_weights=self.nw)[0]

    def verb(self) -> str:
        return self.rng.choices(self.verbs, cum_weights=self.vw)[0]

    def adj(self) -> str:
        return self.rng.choices(self.adjs, cum_weights=self.aw)[0]

    def phrase(self) -> str:
        r = self.rng.random()
        if r < 0.08:
            return f"{self.rare_word()} {self.noun()}"
        if r < 0.35:
            return f"{self.adj()} {self.noun()}"
        if r < 0.55:
            return f"{self.noun()} {self.noun()}"
        return self.noun()

    def sentence(self) -> str:
        parts: list[str] = []
        n = self.rng.randint(8, 20)
        while len(parts) < n:
            r = self.rng.random()
            if r < 0.30:
                parts.append(self.rng.choice(GLUE))
            elif r < 0.50:
                v = self.verb()
                parts.append(third_person(v) if self.rng.random() < 0.33 else v)
            elif r < 0.93:
                parts.append(self.phrase())
            elif r < 0.97:
                parts.append(f"`--{self.noun()}-{self.noun()}`")
            else:
                parts.append(f"`{self.rng.choice(ERROR_CODES)}`")
        s = " ".join(parts)
        return s[0].upper() + s[1:] + "."

    def paragraph(self) -> str:
        text = " ".join(self.sentence() for _ in range(self.rng.randint(2, 5)))
        return wrap(text)

    def title(self) -> str:
        r = self.rng.random()
        if r < 0.4:
            t = f"{self.verb()} the {self.phrase()}"
        elif r < 0.7:
            t = f"{self.adj()} {self.noun()} and {self.noun()}"
        else:
            t = f"{self.noun()} {self.noun()} {self.rng.choice(['limits', 'overview', 'requirements', 'options', 'errors', 'checks'])}"
        return t[0].upper() + t[1:]


def wrap(text: str, width: int = 96) -> str:
    lines, line = [], ""
    for w in text.split():
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    if line:
        lines.append(line)
    return "\n".join(lines)


def bash_block(rng: random.Random, w: Words) -> str:
    cmds = []
    for _ in range(rng.randint(1, 4)):
        group, subs = rng.choice(AZ_GROUPS)
        sub = rng.choice(subs)
        args = []
        for var in rng.sample(VARS, rng.randint(1, 3)):
            args.append(f'{FLAG_FOR_VAR[var]} "${var}"')
        if rng.random() < 0.4:
            args.append(f"--query {w.noun()}.{w.noun()} --output tsv")
        cmds.append(f"az {group} {sub} " + " ".join(args))
    return "```bash\n" + "\n".join(cmds) + "\n```"


def json_block(rng: random.Random, w: Words) -> str:
    obj = {}
    for _ in range(rng.randint(2, 6)):
        k = f"{w.noun()}{w.noun().capitalize()}"
        r = rng.random()
        if r < 0.3:
            obj[k] = rng.randint(0, 10_000)
        elif r < 0.5:
            obj[k] = rng.random() < 0.5
        elif r < 0.7:
            obj[k] = {w.noun(): w.adj(), w.noun(): rng.randint(1, 99)}
        else:
            obj[k] = f"{w.adj()}-{w.noun()}-{rng.randint(1, 999):03d}"
    return "```json\n" + json.dumps(obj, indent=2) + "\n```"


def front_matter(name: str, description: str, sources: list[str], extra: str = "") -> str:
    src = "\n".join(f"  - {s}" for s in sources)
    return f"---\nname: {name}\ndescription: {description}\nsources:\n{src}\nupdated: 2026-11-29\n{extra}---\n"


def source_urls(rng: random.Random, w: Words) -> list[str]:
    return [
        f"https://learn.microsoft.com/azure/{w.noun()}/{w.verb()}-{w.noun()}-{w.noun()}"
        for _ in range(rng.randint(1, 3))
    ]


def description(w: Words) -> str:
    d = " ".join(w.sentence() for _ in range(2))
    return d.replace(":", " -").replace("`", "")[:1000]


def reference_doc(rng: random.Random, w: Words, name: str) -> str:
    out = [front_matter(name, description(w), source_urls(rng, w)), f"# {w.title()}\n", w.paragraph() + "\n"]
    for _ in range(rng.randint(2, 7)):  # 3-8 headings in all, with the title
        level = "##" if rng.random() < 0.7 else "###"
        out.append(f"{level} {w.title()}\n")
        for _ in range(rng.randint(1, 3)):
            out.append(w.paragraph() + "\n")
        r = rng.random()
        if r < 0.45:
            out.append(bash_block(rng, w) + "\n")
        elif r < 0.65:
            out.append(json_block(rng, w) + "\n")
    return "\n".join(out)


def troubleshooting_doc(rng: random.Random, w: Words) -> str:
    out = [
        front_matter("troubleshooting", description(w), source_urls(rng, w), "kind: troubleshooting\n"),
        f"# Troubleshooting {w.phrase()}\n",
        w.paragraph() + "\n",
    ]
    for _ in range(rng.randint(3, 6)):
        out.append(f"## {w.title()} fails\n")
        symptoms = "\n".join(f"- {w.sentence()}" for _ in range(rng.randint(1, 3)))
        errors = "\n".join(f"- `{rng.choice(ERROR_CODES)}: {w.verb()} {w.phrase()}`" for _ in range(rng.randint(1, 2)))
        out.append(f"**Symptoms:**\n{symptoms}\n")
        out.append(f"**Errors:**\n{errors}\n")
        out.append(f"**Cause:** {wrap(w.sentence() + ' ' + w.sentence())}\n")
        out.append("**Diagnose:**\n" + bash_block(rng, w) + "\n")
        out.append(f"**Fix:**\n1. {w.sentence()}\n" + bash_block(rng, w) + f"\n2. {w.sentence()}\n")
    return "\n".join(out)


def skill_doc(rng: random.Random, w: Words, name: str) -> str:
    body = reference_doc(rng, w, name)
    return body


def generate(out: Path, docs: int, seed: int, docs_per_skill: int = 100) -> dict:
    """Writes the tree; returns the manifest. Rewrites OUT from scratch."""
    if docs < 1:
        raise ValueError("--docs must be at least 1")
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    rng = random.Random(seed)
    w = Words(rng)
    written, total_bytes, skill = 0, 0, 0
    while written < docs:
        sname = f"skill-{skill:04d}"
        sdir = out / sname
        (sdir / "references").mkdir(parents=True)
        n_here = min(docs_per_skill, docs - written)
        for i in range(n_here):
            if i == 0:
                path, text = sdir / "SKILL.md", skill_doc(rng, w, sname)
            elif i == 1:
                path, text = sdir / "references" / "troubleshooting.md", troubleshooting_doc(rng, w)
            else:
                stem = f"{w.noun()}-{written:05d}"
                path, text = sdir / "references" / f"{stem}.md", reference_doc(rng, w, stem)
            data = text.encode("utf-8")
            path.write_bytes(data)
            total_bytes += len(data)
            written += 1
        skill += 1
    manifest = {
        "generator_version": GENERATOR_VERSION,
        "docs": docs,
        "seed": seed,
        "docs_per_skill": docs_per_skill,
        "skills": skill,
        "bytes": total_bytes,
    }
    # A dot-file: the loaders skip it (it is not .md anyway).
    (out / ".manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def ensure(out: Path, docs: int, seed: int, docs_per_skill: int = 100) -> dict:
    """Generates OUT unless it already holds the same corpus (same manifest)."""
    want = {"generator_version": GENERATOR_VERSION, "docs": docs, "seed": seed, "docs_per_skill": docs_per_skill}
    try:
        have = json.loads((out / ".manifest.json").read_text())
        if all(have.get(k) == v for k, v in want.items()):
            return have
    except (OSError, ValueError):
        pass
    return generate(out, docs, seed, docs_per_skill)


def questions(seed: int, n: int) -> list[str]:
    """Queries over the corpus vocabulary (same word frequencies as the docs)."""
    rng = random.Random(seed)
    w = Words(rng)
    qs = []
    for _ in range(n):
        r = rng.random()
        if r < 0.4:
            qs.append(f"How do I {w.verb()} the {w.phrase()} for a {w.adj()} {w.noun()}?")
        elif r < 0.7:
            qs.append(f"Why does {w.verb()} {w.phrase()} fail with {rng.choice(ERROR_CODES)}?")
        else:
            qs.append(f"What {w.noun()} does the {w.adj()} {w.noun()} need?")
    return qs


def symptoms(seed: int, n: int) -> list[str]:
    rng = random.Random(seed + 1)
    w = Words(rng)
    return [f"{rng.choice(ERROR_CODES)}: cannot {w.verb()} the {w.phrase()} after {w.verb()}" for _ in range(n)]


def main() -> int:
    ap = argparse.ArgumentParser(description="Generate a synthetic Markdown knowledge tree.")
    ap.add_argument("out", type=Path)
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--docs-per-skill", type=int, default=100)
    args = ap.parse_args()
    m = generate(args.out, args.docs, args.seed, args.docs_per_skill)
    print(f"{m['docs']} docs in {m['skills']} skills, {m['bytes'] / 1e6:.1f} MB under {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
