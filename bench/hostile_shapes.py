#!/usr/bin/env python3
"""Hostile knowledge: pathological skill docs, each shape written at two sizes and timed
for load and index (`doctor`), `ask` and `troubleshoot` against the given binary.

    python3 bench/hostile_shapes.py target/release/acr-cmk-mcp [SIZES] [SHAPES]

SIZES is a comma list (default 100000,400000: the second four times the first); a time
that grows by much more than four times between them (marked SUPERLINEAR) grows with the
square of the doc and is a bug. Shapes over the 4 MiB file limit are skipped by the
server and show about zero. Docs are written under /tmp/hostile-shapes."""
import os, subprocess, sys, time, shutil, json

FM = "---\nname: h\ndescription: Hostile shapes.\nsources: [https://example.com/h]\n---\n"
# Other sections, so that the shape's words are rare enough to be scored as pairs.
# A pasted log at the symptom limit, naming one case's error among much else.
LONG_SYMPTOM = ("crumbs fail in the oven after the knead step, flour everywhere " * 320)[:19000] + " sourdough error 7 crumb"
TAIL = "## Oven\nplain text\n## Flour\nmore plain text\n"

def words(n, w="sourdough crumb"):
    return " ".join([w] * n)

SHAPES = {
    # very many skill folders of one doc each (written below)
    "many_skills": None,
    # one paragraph of two words repeated
    "repeat_pair": lambda n: FM + "# H\n## Dough\n" + words(n) + "\n" + TAIL,
    # one token with no spaces
    "long_token": lambda n: FM + "# H\n## Dough\n" + "a" * (n * 8) + "\n",
    # a line of many tiny sentences
    "tiny_sentences": lambda n: FM + "# H\n## Dough\n" + "Ab. " * (n * 2) + "\n",
    # very many headings
    "many_headings": lambda n: FM + "# H\n" + "".join(f"## Crumb {i}\nsourdough {i}\n" for i in range(n // 4)),
    # deeply nested lists
    "nested_lists": lambda n: FM + "# H\n## Dough\n" + "".join("  " * min(i, 2000) + "- sourdough crumb\n" for i in range(n // 40)),
    # deeply nested quotes
    "nested_quotes": lambda n: FM + "# H\n## Dough\n" + "".join(">" * min(i, 3000) + " sourdough crumb\n" for i in range(n // 400)),
    # a huge table
    "huge_table": lambda n: FM + "# H\n## Dough\n\n| a | b | c |\n|---|---|---|\n" + "".join(f"| sourdough {i} | crumb {i} | x |\n" for i in range(n // 8)),
    # a wide table
    "wide_table": lambda n: FM + "# H\n## Dough\n\n|" + "h|" * (n // 4) + "\n|" + "-|" * (n // 4) + "\n|" + "sourdough crumb|" * (n // 4) + "\n",
    # a huge code block of az commands
    "huge_code": lambda n: FM + "# H\n## Dough\n\n```bash\n" + "az keyvault key create --vault-name kv --name k --kty RSA\n" * (n // 12) + "```\n",
    # one enormous heading
    "long_heading": lambda n: FM + "# H\n## " + words(n // 2) + "\ntext\n",
    # many link reference definitions and links
    "many_links": lambda n: FM + "# H\n## Dough\n" + "".join(f"[sourdough{i}] " for i in range(n // 4)) + "\n\n" + "".join(f"[sourdough{i}]: https://example.com/{i}\n" for i in range(n // 4)),
    # an asked comment with a huge phrase list
    "huge_asked": lambda n: FM + "# H\n## Dough\n<!-- asked: " + "; ".join(["sourdough crumb question"] * (n // 3)) + " -->\ntext\n",
    # many synonym groups in front matter
    "many_synonyms": lambda n: FM.replace("sources:", "synonyms:\n" + "".join(f"  - [sourdough{i}, crumb{i} loaf{i}]\n" for i in range(n // 6)) + "sources:") + "# H\n## Dough\nsourdough crumb\n",
    # a troubleshooting doc with very many cases
    "many_cases": lambda n: FM.replace("description: Hostile shapes.", "description: Hostile shapes.\nkind: troubleshooting") + "# H\n" + "".join(
        f"## Error {i} when crumbs fail\n\n**Symptoms:**\n- the crumb {i} falls apart\n\n**Errors:**\n- `sourdough error {i} crumb`\n- `oven failure number {i} in the bakery`\n\n**Cause:** the crumb {i}.\n\n**Fix:**\n- knead {i}.\n" for i in range(n // 40)),
    # the same heading over and over (anchors made unique: -1, -2, …)
    "dup_headings": lambda n: FM + "# H\n" + "## Crumb\nsourdough\n" * (n // 4),
    # huge scope lists
    "huge_scope": lambda n: FM.replace("sources:", "covers: [" + ", ".join(f"crumb{i}" for i in range(n // 4)) + "]\nnot_covered: [" + ", ".join(f"loaf {i}" for i in range(n // 4)) + "]\nsources:") + "# H\n## Dough\nsourdough crumb\n",
    # many qualifiers
    "many_qualifiers": lambda n: FM.replace("sources:", "qualifiers: [" + ", ".join(f"crumb{i}" for i in range(n // 4)) + "]\nsources:") + "# H\n## Dough\nsourdough crumb\n",
    # emphasis and backtick soup (parser pathologies)
    "emphasis_soup": lambda n: FM + "# H\n## Dough\n" + "*_" * (n // 2) + " sourdough crumb " + "`" * (n // 4) + "\n",
}

def run(b, d, args, stdin=None):
    t = time.perf_counter()
    p = subprocess.run([b, "--knowledge", d, "--no-builtin", *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True, input=stdin, timeout=600)
    return time.perf_counter() - t, p.returncode

def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    b = sys.argv[1]
    sizes = [int(x) for x in (sys.argv[2] if len(sys.argv) > 2 else "100000,400000").split(",")]
    only = sys.argv[3].split(",") if len(sys.argv) > 3 else list(SHAPES)
    root = "/tmp/hostile-shapes"
    print(f"{'shape':16} {'size':>8} {'MB':>5} {'doctor s':>9} {'ask s':>7} {'trbl s':>7}")
    for name in only:
        previous = None
        for n in sizes:
            d = f"{root}/{name}-{n}"
            shutil.rmtree(d, ignore_errors=True)
            if name == "many_skills":
                text = ""
                for i in range(n // 20):
                    os.makedirs(f"{d}/s{i}")
                    t = FM.replace("name: h", f"name: s{i}") + f"# S{i}\n## Dough\nsourdough crumb {i}\n"
                    open(f"{d}/s{i}/SKILL.md", "w").write(t)
                    text += t
            else:
                os.makedirs(f"{d}/h")
                text = SHAPES[name](n)
                open(f"{d}/h/SKILL.md", "w").write(text)
            mb = len(text.encode()) / 1e6
            td, rd = run(b, d, ["doctor"])
            ta, ra = run(b, d, ["ask", "sourdough crumb fails after knead", "--max-results", "3"])
            tt, rt = run(b, d, ["troubleshoot", "-"], stdin=LONG_SYMPTOM)
            flags = "" if (rd, ra, rt) == (0, 0, 0) else f" exit codes {rd} {ra} {rt}"
            worst = max(td, ta, tt)
            if previous is not None and worst > 0.25 and worst > 6 * previous * (n / previous_n) / 4:
                flags += " SUPERLINEAR"
            previous, previous_n = max(worst, 1e-3), n
            print(f"{name:16} {n:>8} {mb:>5.2f} {td:>9.2f} {ta:>7.2f} {tt:>7.2f}{flags}", flush=True)

main()
