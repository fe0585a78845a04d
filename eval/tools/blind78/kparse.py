"""Small parser of the stripped knowledge into sections (id, heading, level, text)."""
import os
import re

KROOT = os.environ.get("BLIND78_KROOT", "/work/scratch/blind78/kstripped")

FENCE = re.compile(r"^\s*(```|~~~)")
HEAD = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def slug(text):
    t = text.strip().lower()
    t = re.sub(r"[^\w\- ]", "", t)
    return t.replace(" ", "-")


def strip_front_matter(lines):
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() == "---":
                return lines[i + 1:]
    return lines


def parse_file(path, root=None):
    root = root or KROOT
    rel = os.path.relpath(path, root).replace(os.sep, "/")
    with open(path, encoding="utf-8") as fh:
        lines = strip_front_matter(fh.read().split("\n"))
    sections, cur, infence, seen = [], None, False, {}
    for line in lines:
        if FENCE.match(line):
            infence = not infence
        m = None if infence else HEAD.match(line)
        if m:
            if cur:
                sections.append(cur)
            base = slug(m.group(2))
            n = seen.get(base, 0)
            seen[base] = n + 1
            anchor = base if n == 0 else "%s-%d" % (base, n)
            cur = {"id": rel + "#" + anchor, "path": rel, "heading": m.group(2).strip(),
                   "level": len(m.group(1)), "lines": [line]}
        elif cur:
            cur["lines"].append(line)
    if cur:
        sections.append(cur)
    for s in sections:
        s["text"] = "\n".join(s.pop("lines"))
    return sections


def parse_all(root=None):
    root = root or KROOT
    out = {}
    for d, _, files in os.walk(root):
        for f in sorted(files):
            if f.endswith(".md"):
                for s in parse_file(os.path.join(d, f), root):
                    out[s["id"]] = s
    return out


def all_text(root=None):
    root = root or KROOT
    parts = []
    for d, _, files in os.walk(root):
        for f in sorted(files):
            if f.endswith(".md"):
                with open(os.path.join(d, f), encoding="utf-8") as fh:
                    parts.append(fh.read())
    return "\n".join(parts)


if __name__ == "__main__":
    for sid, s in parse_all().items():
        print(sid, len(s["text"]))
