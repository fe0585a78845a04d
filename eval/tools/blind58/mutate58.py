"""blind58 mutation driver. Each mutation runs on a fresh temp copy (inside blind58/) of the set, prev/, the
blind57 and blind56 first-canonical lists, the knowledge and the fact sheets; it counts as caught only when check58.py
exits 1 and prints the mutation's expected message (and, for mutations marked only=True, nothing else)."""
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
KROOT = os.environ.get("BLIND58_KROOT", "/work/scratch/kstripped")
FACTS = os.environ.get("BLIND58_FACTS", "/work/shared/facts")
sys.path.insert(0, HERE)
import build58  # noqa: E402
import check58  # noqa: E402
import kparse  # noqa: E402

SET = "blind58"
FILES = (SET + ".json", SET + "-meta.json", SET + "-first-canonicals.txt")
_entries, _meta = build58.build()
_byq = {q["question"]: q["key"] for q in build58.QUESTIONS}
ID = {_byq[e["question"]]: e["id"] for e in _entries}
SCENARIO_SECTION = next("acr-cmk/" + k if not k.startswith("acr-cmk/") else k
                        for k in kparse.parse_all(KROOT) if "scenarios/" in k)
P = build58.ID_PREFIX
LISTS = tuple("blind%d-first-canonicals.txt" % n for n in check58.SPREAD_SETS)
A_SET, B_SET = check58.SPREAD_SETS
PREV_LABEL = check58.PREV_LABEL


class Ctx:
    def __init__(self, d):
        self.d = d
        self.j = json.load(open(os.path.join(d, FILES[0]), encoding="utf-8"))
        self.m = json.load(open(os.path.join(d, FILES[1]), encoding="utf-8"))
        self.raw_set = False

    def e(self, key):
        qid = ID[key]
        return next(x for x in self.j if x["id"] == qid)

    def meta(self, key):
        return self.m[ID[key]]

    def q_rep(self, key, old, new, count=1):
        e = self.e(key)
        if old not in e["question"]:
            raise AssertionError("setup: %r not in %s" % (old[:40], key))
        e["question"] = e["question"].replace(old, new, count)

    def t_rep(self, key, old, new):
        e = self.e(key)
        if old not in e["truth"]:
            raise AssertionError("setup: %r not in truth of %s" % (old[:40], key))
        e["truth"] = e["truth"].replace(old, new, 1)

    def save(self):
        with open(os.path.join(self.d, FILES[0]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(self.j, indent=1, ensure_ascii=False) + "\n")
        if not self.raw_set and "_set" in self.m:
            # keep the meta file's _set record in step with the mutated items, so that a mutation trips its own
            # rule and not also the _set check (the _set mutations set raw_set and edit the record directly)
            firsts = {}
            for n in check58.SPREAD_SETS:
                fp = os.path.join(self.d, "blind%d-first-canonicals.txt" % n)
                firsts[n] = {x.strip() for x in open(fp, encoding="utf-8") if x.strip()} if os.path.exists(fp) else set()
            self.m["_set"] = check58.set_summary(self.j, self.m, firsts)
        with open(os.path.join(self.d, FILES[1]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(self.m, indent=1, ensure_ascii=False, sort_keys=True) + "\n")

    def kfile(self, rel):
        p = os.path.join(self.d, "k", rel)
        if not os.path.exists(p) and rel.startswith("acr-cmk/"):
            p = os.path.join(self.d, "k", rel[len("acr-cmk/"):])
        return p


MUTS = []


def mut(name, expect, build=False, only=False):
    def deco(fn):
        MUTS.append((name, expect, fn, build, only))
        return fn
    return deco


def simple(name, expect, fn, build=False, only=False):
    MUTS.append((name, expect, fn, build, only))


def qset(key, text):
    def f(c):
        c.e(key)["question"] = text
    return f


def qrep(key, old, new, count=1):
    return lambda c: c.q_rep(key, old, new, count)


def qadd(key, text):
    def f(c):
        c.e(key)["question"] += text
    return f


def tset(key, text):
    def f(c):
        c.e(key)["truth"] = text
    return f


def trep(key, old, new):
    return lambda c: c.t_rep(key, old, new)


def tadd(key, text):
    def f(c):
        c.e(key)["truth"] += text
    return f


def trep_all(key, old, new):
    def f(c):
        e = c.e(key)
        if old not in e["truth"]:
            raise AssertionError("setup: %r not in truth of %s" % (old[:40], key))
        e["truth"] = e["truth"].replace(old, new)
    return f


def qsub(key, pattern, repl, flags=0):
    def f(c):
        e = c.e(key)
        new = re.sub(pattern, repl, e["question"], flags=flags)
        if new == e["question"]:
            raise AssertionError("setup: pattern %r matches nothing in %s" % (pattern[:40], key))
        e["question"] = new
    return f


def mset(key, field, val):
    def f(c):
        c.meta(key)[field] = val
    return f


def mdel(key, field):
    def f(c):
        if field not in c.meta(key):
            raise AssertionError("setup: %s has no %s" % (key, field))
        c.meta(key).pop(field)
    return f


def eset(key, field, val):
    def f(c):
        c.e(key)[field] = val
    return f


def chain(*fns):
    def f(c):
        for fn in fns:
            fn(c)
    return f


def unfence(key):
    """remove the Markdown fence markers of an item (the pasted text stays, now in prose)"""
    def f(c):
        e = c.e(key)
        new = re.sub(r"```[a-z]*\n?", "", e["question"])
        if new == e["question"]:
            raise AssertionError("setup: no fence in %s" % key)
        e["question"] = new
    return f


def prevq(n, idx):
    def get(c):
        return json.load(open(os.path.join(c.d, "prev", "blind%d.json" % n), encoding="utf-8"))[idx]["question"]
    return get


def first_lines(c):
    p = os.path.join(c.d, FILES[2])
    return open(p, encoding="utf-8").read().split("\n")[:-1]


def write_first_lines(c, lines):
    with open(os.path.join(c.d, FILES[2]), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


def prev_edit(n, fn):
    """apply fn to the entry list of prev/blind<n>.json and write it back"""
    def f(c):
        p = os.path.join(c.d, "prev", "blind%d.json" % n)
        data = json.load(open(p, encoding="utf-8"))
        fn(data)
        json.dump(data, open(p, "w", encoding="utf-8"))
    return f


# ---------------- ids, source, structure, meta, rebuild ----------------
for pfx in ("m", "l", "k", "j", "i", "h", "g", "f", "e", "d", "c", "b", "a", "o", "z"):
    def f(c, pfx=pfx):
        c.j[5]["id"] = pfx + c.j[5]["id"][1:]
    simple("id prefix %s (earlier set or other)" % pfx, "bad id at position 6", f)
simple("ids numbered from zero", "bad id at position 1",
       lambda c: [x.__setitem__("id", "%s%03d" % (P, int(x["id"][1:]) - 1)) for x in c.j])
simple("wrong source", "bad source", lambda c: c.j[3].__setitem__("source", "written by hand"))
simple("key order swapped", "keys or key order wrong",
       lambda c: c.j.__setitem__(2, dict([("category", c.j[2]["category"])] +
                                         [(k, v) for k, v in c.j[2].items() if k != "category"])))
simple("extra key in an entry", "keys or key order wrong", lambda c: c.j[7].__setitem__("notes", "x"))
simple("meta entry missing", "meta: ids do not match", lambda c: c.m.pop(P + "010"))
simple("meta entry for an unknown id", "meta: ids do not match", lambda c: c.m.__setitem__(P + "061", {"style": "short"}))
simple("59 entries", "need a list of 60", lambda c: c.j.pop())
simple("rebuild: json truth edited", "rebuild differs from blind58.json",
       lambda c: c.j[0].__setitem__("truth", c.j[0]["truth"] + " Extra."), True)
simple("rebuild: meta edited", "rebuild differs from blind58-meta.json",
       lambda c: c.m[P + "001"].__setitem__("qual", "none" if c.m[P + "001"]["qual"] != "none" else "asked"), True)


@mut("rebuild: same content, other JSON layout (byte compare)", "rebuild differs from blind58.json", True)
def _(c):
    # content unchanged, only the serialisation differs: caught by the byte comparison alone
    def save():
        with open(os.path.join(c.d, FILES[0]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(c.j, indent=2, ensure_ascii=False) + "\n")
        with open(os.path.join(c.d, FILES[1]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(c.m, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    c.save = save


@mut("rebuild: a Dockerfile ENV value changed (byte compare)", "rebuild differs from blind58.json", True)
def _(c):
    # still a complete Dockerfile whose ENV name the truth repeats, but no longer what build58.py writes
    c.q_rep("L9", "KEY_CURVE=P-384", "KEY_CURVE=P-521")


@mut("rebuild: first-canonical list edited", "rebuild differs from blind58-first-canonicals.txt", True)
def _(c):
    lines = first_lines(c)
    write_first_lines(c, lines[1:] + lines[:1])


@mut("first-canonical list out of order", "first-canonicals.txt does not list the set's 48 first canonicals")
def _(c):
    lines = first_lines(c)
    write_first_lines(c, [lines[1], lines[0]] + lines[2:])


@mut("first-canonical list one line short", "first-canonicals.txt does not list the set's 48 first canonicals")
def _(c):
    write_first_lines(c, first_lines(c)[:47])


simple("first-canonical list missing", "blind58-first-canonicals.txt missing",
       lambda c: os.remove(os.path.join(c.d, FILES[2])))


@mut("three of one category in a row", "three")
def _(c):
    grp = [x for x in c.j if x["category"] == "off-topic"][:3]
    rest = [x for x in c.j if x not in grp]
    new = rest[:10] + grp + rest[10:]
    old_meta = {x["id"]: c.m[x["id"]] for x in c.j}
    keep = c.m.get("_set")
    c.m.clear()
    for n, x in enumerate(new, 1):
        c.m["%s%03d" % (P, n)] = old_meta[x["id"]]
        x["id"] = "%s%03d" % (P, n)
    c.m["_set"] = keep
    c.j[:] = new


# ---------------- the meta file's _set record ----------------
def set_edit(fn):
    def f(c):
        c.raw_set = True
        fn(c.m["_set"])
    return f


def raw(fn):
    def f(c):
        c.raw_set = True
        fn(c)
    return f


simple("_set missing", "meta: _set summary does not match", lambda c: c.m.pop("_set"))
simple("_set: shape item list edited", "meta: _set summary does not match",
       set_edit(lambda s: s["new_shapes"]["dockerfile"].pop()))
simple("_set: spread count inflated", "meta: _set summary does not match",
       set_edit(lambda s: s["spread"].__setitem__("new_against_blind%d_and_blind%d" % (A_SET, B_SET), 48)))
simple("_set: spread floors changed", "meta: _set summary does not match",
       set_edit(lambda s: s["spread"].__setitem__("floors", [30, 20])))
simple("_set: typo moved to another id", "meta: _set summary does not match",
       set_edit(lambda s: s["typos"].__setitem__("occured", ID["S2"])))
simple("_set: off-topic subject renamed", "meta: _set summary does not match",
       set_edit(lambda s: s["off_topic_subjects"].__setitem__(ID["X1"], "longhorn")))
simple("_set: stale after a flag change", "meta: _set summary does not match",
       raw(mdel("L7", "dockerfile")))


def add_my_first_to_list(n, key):
    def f(c):
        # one of this set's first canonicals now also counts as a first of blind<n>: the spread figures go stale
        c.raw_set = True
        p = os.path.join(c.d, "blind%d-first-canonicals.txt" % n)
        lines = [x for x in open(p, encoding="utf-8") if x.strip()]
        lines[-1] = c.e(key)["canonical"][0] + "\n"
        open(p, "w", encoding="utf-8").writelines(lines)
    return f


simple("_set: stale after the blind57 first-canonical list changed", "meta: _set summary does not match",
       add_my_first_to_list(A_SET, "L22"))
simple("_set: stale after the blind56 first-canonical list changed", "meta: _set summary does not match",
       add_my_first_to_list(B_SET, "A12"))

# ---------------- dropped flags and fields (the shape flags of blind52 to blind57 included) ----------------
_SPECIAL = {"field": "bypass", "wrong": "--kek-uri", "other": ["AWS"], "premise": "x"}
for fld in check58.DROPPED_FIELDS:
    simple("dropped/unknown field %s" % fld, "unknown field %r" % fld, mset("L24", fld, _SPECIAL.get(fld, True)))

# ---------------- facts and answer facts ----------------
simple("answer_fact not in canonical", "answer_fact not in first canonical",
       lambda c: c.e("L20")["answer_facts"].__setitem__(0, "zone redundancy is supported with cmk"))
simple("answer_fact only in a related section", "answer_fact not in first canonical",
       lambda c: c.e("L14")["answer_facts"].__setitem__(0, "do not pile up duplicate assignments"))
simple("answer_fact added from a related section", "answer_fact not in first canonical",
       lambda c: c.e("L20")["answer_facts"].append("create a new registry and copy content"))
simple("answer_fact over 7 words", "answer_fact over 7 words",
       lambda c: c.e("S9")["answer_facts"].__setitem__(1, "once the identity has its permissions on the vault again"))
simple("fact not in any section", "fact not in a canonical or related section",
       lambda c: c.e("S3")["facts"].__setitem__(0, "a private endpoint blocks trusted services"))
simple("empty answer_facts", "no answer_facts", eset("S6", "answer_facts", []))
simple("empty facts", "no facts", eset("S6", "facts", []))
simple("two_facts with all facts in the first canonical", "two_facts needs one answer_fact only in each",
       lambda c: c.e("L22")["answer_facts"].__setitem__(2, "take access away by deleting"))
simple("two_facts fact in neither canonical", "answer_fact not in either canonical",
       lambda c: c.e("L16")["answer_facts"].__setitem__(0, "the registry recreates the grant"))
simple("two canonicals without flag", "two canonical sections need two_facts", mdel("L15", "two_facts"))
simple("two_facts flag with one canonical", "two_facts needs two canonical sections",
       mset("A11", "two_facts", True))

# ---------------- sections ----------------
simple("unknown section id", "unknown section",
       lambda c: c.e("L14")["related"].__setitem__(2, "acr-cmk/references/identities.md#no-such-anchor"))
simple("section id without the acr-cmk/ folder", "unknown section",
       lambda c: c.e("L14")["related"].__setitem__(2, "references/troubleshooting.md#general-diagnostic-checklist"))
simple("canonical repeated in related", "repeated section",
       lambda c: c.e("L14")["related"].append(c.e("L14")["canonical"][0]))
simple("canonical empty", "canonical must hold 1 or 2", eset("L23", "canonical", []))
simple("three canonicals", "canonical must hold 1 or 2",
       lambda c: c.e("L23")["canonical"].extend(c.e("L23")["related"][:2]))
simple("first canonical in a scenario", "first canonical not a reference doc",
       lambda c: c.e("S1")["canonical"].__setitem__(0, SCENARIO_SECTION))
simple("related empty", "related is empty", eset("S8", "related", []))

# ---------------- kinds, styles, truths, categories ----------------
simple("unknown kind", "bad kind", mset("A7", "kind", "opinion"))
simple("yes truth opening No", "yes truth must open 'Yes: '",
       lambda c: c.e("S4").__setitem__("truth", "No: " + c.e("S4")["truth"][5:]))
simple("no truth without No", "no truth must open 'No: '",
       lambda c: c.e("L7").__setitem__("truth", c.e("L7")["truth"][4:]))
simple("undocumented truth without verdict", "undocumented truth must open 'Not documented'",
       lambda c: c.e("S6").__setitem__("truth", c.e("S6")["truth"][16:]))
simple("off-topic truth without verdict", "off-topic truth must open 'Not covered: '",
       lambda c: c.e("X3").__setitem__("truth", c.e("X3")["truth"][13:]))
simple("howto truth opening Yes", "howto truth opens with a verdict word",
       lambda c: c.e("A11").__setitem__("truth", "Yes: " + c.e("A11")["truth"]))
simple("troubleshoot truth opening No", "troubleshoot truth opens with a verdict word",
       lambda c: c.e("L6").__setitem__("truth", "No, " + c.e("L6")["truth"]))
simple("off-topic item with canonical", "off-topic item must have empty lists",
       lambda c: c.e("X4")["canonical"].append("acr-cmk/references/overview.md#default-encryption-at-rest-without-a-cmk"))
simple("off-topic category on an on-topic kind", "off-topic category and kind disagree",
       eset("A10", "category", "off-topic"))
simple("unknown category", "bad category", eset("A10", "category", "misc"))
simple("style count broken", "on-topic short count 13", mset("A7", "style", "short"))
simple("unknown style", "bad style", mset("A7", "style", "medium"))
simple("kind count broken", "kind howto count 13", mset("L22", "kind", "why"))
simple("kind group missing from a style", "kind group yes/no missing from style agent",
       chain(mset("A7", "kind", "value"),
             tset("A7", "Attach id-finch-new, grant it the vault role, rotate to it, and detach id-finch-old last."),
             mset("A8", "kind", "value"),
             tset("A8", "An in-place update, which the service is expected to refuse; declare a new registry instead.")))
simple("category above 9", "category hsm count 10",
       chain(eset("L20", "category", "hsm"), eset("L21", "category", "hsm")))
simple("category below 2", "category troubleshooting count 1",
       chain(eset("L19", "category", "limits"), eset("L21", "category", "limits")))

# ---------------- style rules ----------------
S2_15 = "which version of our managed hsm key is the azure container registry actually using now?"
L20_START = "crstarling is geo-replicated"
simple("long post too short", "long question length", qset("L24", "Which az commands differ between 2.45 and now?"))
simple("long post too long", "long question length",
       lambda c: c.e("L20").__setitem__("question", c.e("L20")["question"] + (" Some more background here." * 60)))
simple("short question of 15 words", "short question has 15 words", qset("S2", S2_15))
simple("short question on two lines", "short question spans lines", qrep("S8", " on our new kv", "\non our new kv"))
simple("agent query of 50 words", "agent query has",
       lambda c: c.e("A7").__setitem__("question", c.e("A7")["question"] + " please" + " also" * 30))
simple("agent query on two lines", "agent query spans lines", qrep("A9", " Question:", "\nQuestion:"))
simple("agent query with a fence", "agent query spans lines", qrep("A9", " Question:", " ```x``` Question:"))
simple("context form without Context:", "context form must open with 'Context:'",
       lambda c: c.e("A9").__setitem__("question", c.e("A9")["question"][len("Context: "):]))
simple("imperative form without verb", "imperative form must open with an imperative verb",
       qrep("A11", "Write the commands", "I need the commands"))
simple("keywords form opening uppercase", "keywords form must open lowercase",
       lambda c: c.e("A8").__setitem__("question", "T" + c.e("A8")["question"][1:]))
simple("keywords form with ?", "keywords form must open lowercase",
       lambda c: c.e("A8").__setitem__("question", c.e("A8")["question"] + "?"))
simple("form on a short item", "form on a non-agent item", mset("S2", "form", "keywords"))
simple("agent forms miscounted", "on-topic agent form context count 4",
       chain(mset("A9", "form", "imperative"), qrep("A9", "Context: kv-knot", "Explain: kv-knot")))
simple("off-topic agent forms miscounted", "off-topic agent form keywords count 0",
       chain(mset("X9", "form", "imperative"),
             lambda c: c.e("X9").__setitem__("question", "Explain " + c.e("X9")["question"])))


@mut("three short questions not lowercase", "short questions not lowercase (max 2)")
def _(c):
    for k in ("S2", "S3", "S4"):
        e = c.e(k)
        e["question"] = e["question"][0].upper() + e["question"][1:]


@mut("every short question asks with ?", "short questions without '?' (want 3-9)")
def _(c):
    for x in c.j:
        if c.m[x["id"]]["style"] == "short" and "?" not in x["question"]:
            x["question"] = x["question"].rstrip(".") + "?"


@mut("short abbreviations removed", "floor: short questions with an abbreviation")
def _(c):
    rep = {"acr": "registry", "cmk": "customer key", "kv": "vault", "hsm": "hardware module", "az": "",
           "cli": "tool", "kid": "key handle", "id": "name", "rg": "group", "sku": "tier", "uami": "identity",
           "rbac": "role mode", "kek": "key", "mi": "identity", "oras": "the artifact tool", "dct": "content trust"}
    for x in c.j:
        if c.m[x["id"]]["style"] == "short":
            x["question"] = re.sub(r"\b(%s)\b" % "|".join(rep), lambda mm: rep[mm.group(1).lower()],
                                   x["question"], flags=re.I)


# ---------------- qualifiers ----------------
simple("hsm qualifier without Managed HSM", "hsm qualifier but no Managed HSM in the question",
       chain(mset("L20", "quals", ["hsm"]), mset("L20", "qual", "story")))
simple("iac qualifier without a tool", "iac qualifier but no portal/Terraform/Bicep/ARM/AVM",
       chain(mset("S3", "quals", ["iac"]), mset("S3", "qual", "story")))
simple("October 2026 truth without Managed HSM", "October 2026 truth names neither",
       tset("S4", "Yes: the create form takes such keys too, through Select from Key Vault or Enter key URI."))
simple("qual asked recorded as story", "qual is 'story', should be 'asked'", mset("L12", "qual", "story"))
simple("quals without qual none", "qual is 'asked', should be 'none'", mset("L20", "qual", "asked"))
simple("unknown qualifier", "bad quals", mset("L12", "quals", ["hsm", "oct2026", "k8s"]))


def drop_qual(mm, x, q):
    mm["quals"] = [v for v in mm["quals"] if v != q]
    ask = build58.ask_part(x["question"])
    hit = ("hsm" in mm["quals"] and build58.HSM_RE.search(ask)) or ("iac" in mm["quals"] and build58.IAC_RE.search(ask))
    mm["qual"] = "none" if not mm["quals"] else ("asked" if hit else "story")


@mut("Managed HSM asked floor", "floor: Managed HSM asked")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "hsm" in mm.get("quals", []) and build58.HSM_RE.search(build58.ask_part(x["question"])):
            n += 1
            if n > 9:
                drop_qual(mm, x, "hsm")


@mut("Managed HSM asked in too few ways (qualifiers dropped)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    # S2 is the only which-version ask, L22 the only revocation ask
    for k in ("S2", "L22"):
        drop_qual(c.meta(k), c.e(k), "hsm")


@mut("Managed HSM asked in too few ways (asks reworded)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    # L16 is the only deleted-HSM ask, A4 the only scope ask
    c.q_rep("L16", "What does it take to bring shrikehsm and the registry back, which role does that need, and is the "
                   "deleted Managed HSM still billed in the meantime?",
            "What does it need to bring shrikehsm and the registry back, which role does that need, and is the "
            "Managed HSM still billed in the meantime?")
    c.q_rep("A4", "Question: at which scope in the Managed HSM should the role be assigned, and what would /keys or / "
                  "grant instead?",
            "Question: where in the Managed HSM should the role be put, and what would the wider levels mean instead?")


@mut("iac named floor", "floor: portal/Terraform/Bicep/ARM/AVM named")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "iac" in mm.get("quals", []) and n < 3:
            drop_qual(mm, x, "iac")
            n += 1


@mut("October 2026 floor", "floor: October 2026")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "oct2026" in mm.get("quals", []) and n < 5:
            drop_qual(mm, x, "oct2026")
            n += 1


# ---------------- spread and per-doc ----------------
def list_lines(c, n):
    return [x.strip() for x in open(os.path.join(c.d, "blind%d-first-canonicals.txt" % n), encoding="utf-8") if x.strip()]


@mut("spread against blind57", "first canonicals new against blind57 (floor 40)")
def _(c):
    firsts = list(dict.fromkeys(list_lines(c, A_SET)))
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < 9 and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [firsts[n]]
            x["related"] = [r for r in x["related"] if r != firsts[n]] or [firsts[n + 20]]
            n += 1


@mut("spread against blind57 and blind56", "first canonicals new against blind57 and blind56 (floor 30)")
def _(c):
    a, b = set(list_lines(c, A_SET)), set(list_lines(c, B_SET))
    mine = {x["canonical"][0] for x in c.j if x["canonical"]}
    fresh = sum(1 for x in c.j if x["canonical"] and x["canonical"][0] not in a and x["canonical"][0] not in b)
    need = fresh - 29
    pool = [f for f in dict.fromkeys(list_lines(c, B_SET)) if f not in a and f not in mine]
    if len(pool) < need:
        raise AssertionError("setup: only %d blind56-only firsts" % len(pool))
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < need and not c.m[x["id"]].get("two_facts") \
                and x["canonical"][0] not in b:
            x["canonical"] = [pool[n]]
            x["related"] = [r for r in x["related"] if r != pool[n]] or ["acr-cmk/references/overview.md#requirements-at-a-glance"]
            n += 1


simple("troubleshooting doc above 8", "first canonical doc troubleshooting count 9",
       lambda c: c.e("L24")["canonical"].__setitem__(0, "acr-cmk/references/troubleshooting.md#general-diagnostic-checklist"))
simple("identities doc below 2", "first canonical doc identities count 1",
       chain(lambda c: c.e("L17")["canonical"].__setitem__(0, "acr-cmk/references/key-rotation.md#how-often-to-rotate"),
             lambda c: c.e("A11")["canonical"].__setitem__(0, "acr-cmk/references/key-rotation.md#how-often-to-rotate")))
simple("blind57 first-canonical list missing", "first-canonical list missing: blind57",
       lambda c: os.remove(os.path.join(c.d, "blind57-first-canonicals.txt")))
simple("blind56 first-canonical list missing", "first-canonical list missing: blind56",
       lambda c: os.remove(os.path.join(c.d, "blind56-first-canonicals.txt")))


@mut("blind56 first-canonical list cut to 47", "blind56 has 47 lines")
def _(c):
    p = os.path.join(c.d, "blind56-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:47])


@mut("blind57 first-canonical list cut to 40", "blind57 has 40 lines")
def _(c):
    p = os.path.join(c.d, "blind57-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:40])


@mut("first-canonical lists read from the set's folder, not from prev/ (blind57)", "first-canonical list missing: blind57")
def _(c):
    # a copy in prev/ does not stand in for the list next to the set
    shutil.move(os.path.join(c.d, "blind57-first-canonicals.txt"), os.path.join(c.d, "prev", "blind57-first-canonicals.txt"))


@mut("first-canonical lists read from the set's folder, not from prev/ (blind56)", "first-canonical list missing: blind56")
def _(c):
    shutil.move(os.path.join(c.d, "blind56-first-canonicals.txt"), os.path.join(c.d, "prev", "blind56-first-canonicals.txt"))


@mut("spread lists of the wrong sets (blind56 and blind55 in place of blind57 and blind56)",
     "first-canonical list missing: blind57")
def _(c):
    # the previous set's pair of lists does not satisfy this set's spread rule
    os.remove(os.path.join(c.d, "blind57-first-canonicals.txt"))
    shutil.copy(os.path.join(c.d, "blind56-first-canonicals.txt"), os.path.join(c.d, "blind55-first-canonicals.txt"))


# ---------------- typos ----------------
def plant_prev(n, word, idx=4):
    def f(c):
        p = os.path.join(c.d, "prev", "blind%d.json" % n)
        data = json.load(open(p))
        data[idx]["question"] += " " + word
        json.dump(data, open(p, "w"))
    return f


def plant_prev_truth(n, word, idx=7):
    def f(c):
        p = os.path.join(c.d, "prev", "blind%d.json" % n)
        data = json.load(open(p))
        data[idx]["truth"] += " " + word
        json.dump(data, open(p, "w"))
    return f


def plant_prev_offtopic_truth(n, text):
    """Append text to the truth of blind<n>'s first off-topic entry."""
    def f(c):
        p = os.path.join(c.d, "prev", "blind%d.json" % n)
        data = json.load(open(p))
        e = next(x for x in data if x["category"] == "off-topic")
        e["truth"] += " " + text
        json.dump(data, open(p, "w"))
    return f


simple("typo planted in blind20", "typo 'definately' already used in blind19-57", plant_prev(20, "definately"))
simple("typo planted in blind41", "typo 'occured' already used in blind19-57", plant_prev(41, "occured"))
simple("typo planted in blind48", "typo 'happend' already used in blind19-57", plant_prev(48, "happend"))
simple("typo planted in blind57", "typo 'definately' already used in blind19-57", plant_prev(57, "definately"))
simple("typo planted in a blind57 truth", "typo 'occured' already used in blind19-57", plant_prev_truth(57, "occured"))
simple("typo planted in a blind25 truth", "typo 'happend' already used in blind19-57", plant_prev_truth(25, "happend"))
simple("typo moved to an off-topic short", "typo must sit in a short on-topic question",
       chain(mdel("S7", "typo"), qrep("S7", "definately", "definitely"), mset("X10", "typo", "definately"),
             qrep("X10", "already issued?", "already issued, definately?")))
simple("typo fixed in the question", "typo 'occured' not in the question", qrep("S9", "occured", "occurred"))
simple("unrecorded typo in another question", "unrecorded typo 'definately'",
       qrep("S2", "right now?", "right now, definately?"))
simple("typo used twice", "typo 'definately' used 2 times",
       chain(mset("S2", "typo", "definately"), qrep("S2", "right now?", "right now, definately?")))
simple("unknown typo word", "not in the set's typo list",
       chain(mset("S12", "typo", "happenned"), qrep("S12", "happend", "happenned")))
simple("typo on a long item", "typo must sit in a short on-topic question",
       chain(mdel("S9", "typo"), qrep("S9", "occured", "occurred"), mset("L20", "typo", "occured"),
             qrep("L20", "for example a second vault per region?", "for example a second vault per region, if that ever occured?")))


@mut("typo added to the knowledge", "typo 'definately' stands in the knowledge or facts")
def _(c):
    p = c.kfile("acr-cmk/references/overview.md")
    open(p, "a").write("\ndefinately\n")


@mut("typo added to the fact sheets", "typo 'happend' stands in the knowledge or facts")
def _(c):
    p = os.path.join(c.d, "facts", "cmk-facts-2026-10.md")
    os.chmod(p, 0o644)
    open(p, "a").write("\nhappend\n")


# ---------------- copying ----------------
KV_POLICY_CMD = ('az keyvault set-policy --name "$KEY_VAULT_NAME" --resource-group "$RESOURCE_GROUP" --object-id '
                 '"$PRINCIPAL_ID" --key-permissions get unwrapKey wrapKey')
KNOWLEDGE_PROSE = "the registry cannot unwrap its data without the key so deleting the key store"
simple("knowledge 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L20", L20_START, "The registry cannot unwrap its data without the key, and " + L20_START))
simple("fact-sheet 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L20", L20_START, "We wonder whether this revision is already live on Learn, and " + L20_START))
simple("knowledge prose inside a Dockerfile (12-token rule)", "12-token run (fences included) shared with knowledge/facts",
       qrep("L8", "COPY reapply.sh", 'LABEL note="' + KNOWLEDGE_PROSE + '"\nCOPY reapply.sh'))
simple("pasted error moved into prose", "8-token run shared with knowledge/facts",
       qrep("L20", L20_START, "The CLI said Cannot set policies to a vault with '--enable-rbac-authorization' specified. " + L20_START))
simple("knowledge prose inside an nslookup fence (12-token rule)", "12-token run (fences included)",
       qrep("L1", "Non-authoritative answer:\n", "Non-authoritative answer:\n" + KNOWLEDGE_PROSE + "\n"))
simple("knowledge command inside an event description (12-token rule)",
       "12-token run (fences included) shared with knowledge/facts",
       qrep("L11", "Description:\n", "Description:\n" + KV_POLICY_CMD + "\n"))
simple("knowledge prose as an alert value (12-token rule)", "12-token run (fences included) shared with knowledge/facts",
       qrep("L20", '"title": "Degraded availability of Key Vault in West Europe"', '"title": "' + KNOWLEDGE_PROSE + '"'))
simple("blind30 8-token run", "8-token run shared with blind19-57",
       lambda c: c.e("L24").__setitem__("question", c.e("L24")["question"] + " " + prevq(30, 8)(c)[:120]))
simple("blind41 8-token run", "8-token run shared with blind19-57",
       lambda c: c.e("L24").__setitem__("question", c.e("L24")["question"] + " " + prevq(41, 3)(c)[:150]))
simple("blind57 8-token run", "8-token run shared with blind19-57",
       lambda c: c.e("L24").__setitem__("question", c.e("L24")["question"] + " " + prevq(57, 50)(c)[:150]))


def clean_prev_truth(n):
    """The first 200 characters of the first on-topic blind<n> truth whose opening shares no 8-token run with the
    knowledge or the fact sheets (so that only the prev-truth rule can fire)."""
    def get(c):
        src = check58.grams(check58.toks(kparse.all_text(os.path.join(c.d, "k")) + "\n" +
                                         kparse.all_text(os.path.join(c.d, "facts"))), 8)
        for e in json.load(open(os.path.join(c.d, "prev", "blind%d.json" % n), encoding="utf-8")):
            t = e["truth"][:200]
            if len(e["truth"]) >= 250 and not e["truth"].startswith("Not covered") and \
                    not check58.grams(check58.toks(t), 8) & src:
                return t
        raise AssertionError("setup: no clean blind%d truth" % n)
    return get


simple("blind57 truth copied into a question", "8-token run shared with a blind19-57 truth",
       lambda c: c.e("L24").__setitem__("question", c.e("L24")["question"] + " " + clean_prev_truth(57)(c)))
simple("blind33 truth copied into a question", "8-token run shared with a blind19-57 truth",
       lambda c: c.e("L23").__setitem__("question", c.e("L23")["question"] + " " + clean_prev_truth(33)(c)))


def _tokset(t):
    return set(re.findall(r"[a-z0-9]+", t.lower()))


def own_prev(n, field):
    """A blind<n> question or truth that no earlier prev entry resembles (Jaccard <= 0.6); truths must open
    without a verdict; questions carrying an earlier set's banned shape are skipped."""
    def get(c):
        older = [_tokset(e[field]) for m in range(19, n)
                 for e in json.load(open(os.path.join(c.d, "prev", "blind%d.json" % m), encoding="utf-8"))]
        for e in json.load(open(os.path.join(c.d, "prev", "blind%d.json" % n), encoding="utf-8")):
            t = e[field]
            if field == "truth" and re.match(r"(Yes|No|Not documented|Not covered)\b", t):
                continue
            if "\x1b" in t or "~~" in t or "%2F" in t:
                continue
            if field == "question" and any(d(t) for d in check58.OLD_DETECT.values() if d is not None):
                continue
            ts = _tokset(t)
            if all(len(ts & o) / len(ts | o) <= 0.6 for o in older):
                return t
        raise AssertionError("setup: no own blind%d %s" % (n, field))
    return get


simple("blind57 question repeated", "Jaccard > 0.6 with blind57",
       lambda c: c.e("A9").__setitem__("question", own_prev(57, "question")(c)))
simple("blind53 question repeated", "Jaccard > 0.6 with blind53",
       lambda c: c.e("A4").__setitem__("question", own_prev(53, "question")(c)))
simple("blind46 question repeated", "Jaccard > 0.6 with blind46",
       lambda c: c.e("S8").__setitem__("question", own_prev(46, "question")(c)))
simple("blind57 truth repeated", "truth Jaccard > 0.6 with blind57",
       lambda c: c.e("S3").__setitem__("truth", own_prev(57, "truth")(c)))
simple("off-topic truth close to an earlier truth", "truth Jaccard > 0.6 with blind",
       tset("X11", "Not covered: resetting a Navidrome password is outside the ACR customer-managed key knowledge."))
simple("off-topic truth copied from blind57", "truth Jaccard > 0.6 with blind57",
       lambda c: c.e("X12").__setitem__("truth", next(
           e["truth"] for e in json.load(open(os.path.join(c.d, "prev", "blind57.json"), encoding="utf-8"))
           if e["truth"].startswith("Not covered"))))
simple("near-duplicate inside the set", "Jaccard > 0.6 with",
       qset("S8", "moving acr cmk to a key in another kv, what should we grant first?"))
simple("truth copies a knowledge sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("L20").__setitem__("truth", c.e("L20")["truth"] + " Soft delete alone keeps deleted keys and vaults recoverable, but someone with purge rights can still destroy them permanently before the retention period ends."))
simple("truth copies a fact-sheet sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("A6").__setitem__("truth", c.e("A6")["truth"] + " Whether this revision is already live on Learn was not checked."))
simple("question copies a knowledge sentence", "question copies a knowledge/fact sentence",
       qrep("L20", L20_START, "Registries without a CMK are still encrypted at rest with Microsoft-managed keys. " + L20_START))
simple("question echoes a heading", "question echoes a heading",
       qrep("L20", L20_START, "Versioned and versionless key IDs, the wiki says. " + L20_START))


def drop_from_sources(text, repl):
    def f(c):
        for root in (os.path.join(c.d, "k"), os.path.join(c.d, "facts")):
            for dd, _, files in os.walk(root):
                for fn in files:
                    p = os.path.join(dd, fn)
                    os.chmod(p, 0o644)
                    s = open(p, encoding="utf-8").read()
                    open(p, "w", encoding="utf-8").write(s.replace(text, repl))
    return f


simple("error anchor removed from sources", "error anchor not in sources",
       drop_from_sources("Failed to access KeyId", "Failed to reach KeyId"))
simple("wrap anchor removed from sources", "error anchor not in sources",
       drop_from_sources("is not a valid value for '--key-permissions'", "is not valid for '--key-permissions'"))


@mut("knowledge heading renamed", "unknown section")
def _(c):
    p = c.kfile("acr-cmk/references/managed-hsm.md")
    s = open(p, encoding="utf-8").read()
    old = "## Managed HSM key URIs"
    if old not in s:
        raise AssertionError("setup: heading not in managed-hsm.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "## Key URIs in a Managed HSM"))


@mut("knowledge text edited under an answer fact", "answer_fact not in either canonical")
def _(c):
    p = c.kfile("acr-cmk/references/revocation-and-recovery.md")
    s = open(p, encoding="utf-8").read()
    old = "same scope where it was created"
    if s.count(old) != 1:
        raise AssertionError("setup: text not once in revocation-and-recovery.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "same scope where it was made"))


@mut("knowledge without its acr-cmk/ folder (ids still resolve)", "short question has 15 words", only=True)
def _(c):
    # the layout change alone must not break anything: only the planted over-long short question is reported
    k = os.path.join(c.d, "k")
    inner = os.path.join(k, "acr-cmk")
    if not os.path.isdir(inner):
        raise AssertionError("setup: knowledge has no acr-cmk/ folder to flatten")
    for name in os.listdir(inner):
        os.rename(os.path.join(inner, name), os.path.join(k, name))
    os.rmdir(inner)
    qset("S2", S2_15)(c)


@mut("knowledge under an extra acr-cmk/ level is not silently accepted", "unknown section")
def _(c):
    k = os.path.join(c.d, "k")
    tmp = os.path.join(c.d, "k-flat")
    os.rename(k, tmp)
    os.makedirs(k)
    os.rename(tmp, os.path.join(k, "acr-cmk"))


@mut("fact sheets missing", "fact sheets missing")
def _(c):
    for f in os.listdir(os.path.join(c.d, "facts")):
        os.remove(os.path.join(c.d, "facts", f))


simple("prev file missing", "prev file missing: blind27.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind27.json")))
simple("blind41 prev file missing", "prev file missing: blind41.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind41.json")))
simple("blind56 prev file missing", "prev file missing: blind56.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind56.json")))
simple("blind57 prev file missing", "prev file missing: blind57.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind57.json")))
simple("blind19 prev file missing (first of the range)", "prev file missing: blind19.json",
       lambda c: os.remove(os.path.join(c.d, "prev", "blind19.json")))


# ---------------- off-topic ----------------
simple("banned blind57 subject", "banned off-topic subject 'rauc'",
       chain(mset("X11", "subject", "rauc"), qset("X11", "rauc: how do i renew the bundle signing key?")))
simple("banned blind57 extra name", "banned off-topic subject 'cloud foundry'",
       chain(mset("X11", "subject", "cloud foundry"), qset("X11", "cloud foundry: how do i rotate the internal credential key?")))
simple("banned blind56 subject", "banned off-topic subject 'werf'",
       chain(mset("X11", "subject", "werf"), qset("X11", "werf: how do i move to a new encryption key?")))
simple("banned blind56 extra name", "banned off-topic subject 'secure variable'",
       chain(mset("X11", "subject", "secure variable"), qset("X11", "secure variable: how do i rotate one safely?")))
simple("banned blind55 subject", "banned off-topic subject 'fscrypt'",
       chain(mset("X11", "subject", "fscrypt"), qset("X11", "fscrypt: how do i lock a directory again after unlocking it?")))
simple("banned blind54 subject", "banned off-topic subject 'seafile'",
       chain(mset("X11", "subject", "seafile"), qset("X11", "seafile: can i move a library to another server?")))
simple("banned blind53 subject", "banned off-topic subject 'kaniko'",
       chain(mset("X11", "subject", "kaniko"), qset("X11", "kaniko: where does the executor keep its layer cache?")))
simple("banned blind52 subject", "banned off-topic subject 'mealie'",
       chain(mset("X11", "subject", "mealie"), qset("X11", "mealie: move my recipes to another server?")))
simple("banned blind51 extra name", "banned off-topic subject 'fernet'",
       chain(mset("X11", "subject", "fernet"), qset("X11", "how do i rotate the fernet key of our registry sync job?")))
simple("banned blind45 subject", "banned off-topic subject 'vaultwarden'",
       chain(mset("X11", "subject", "vaultwarden"), qset("X11", "how do i rotate the vaultwarden key after our registry admin left?")))
simple("banned blind32 subject (list of blind19-36)", "banned off-topic subject 'databricks'",
       chain(mset("X11", "subject", "databricks"), qset("X11", "databricks workspace cmk rotation, how?")))
X8_TAIL = "without losing the credentials already stored in its flows"
for _word, _label in (("bitrise", "blind57 subject"), ("libsodium", "blind57 extra name"), ("travis", "blind56 subject"),
                      ("sqlite", "blind56 extra name"), ("circleci", "blind55 subject"), ("nats", "blind54 subject"),
                      ("istio", "blind53 subject")):
    simple("%s in another question" % _label, "off-topic question names banned %r" % _word,
           qrep("X8", X8_TAIL, "(as we did for %s) %s" % (_word, X8_TAIL)))
simple("blind54 extra name in another question", "off-topic question names banned 'argo cd'",
       qrep("X8", X8_TAIL, "(Argo CD reads them too) " + X8_TAIL))
simple("blind28 subject in another question", "off-topic question names banned 'payment hsm'",
       qrep("X8", X8_TAIL, "(the Payment HSM team asked too) " + X8_TAIL))
simple("subject planted in blind33", "subject 'awx' used in blind19-57", plant_prev(33, "awx"))
simple("subject planted in blind57", "subject 'dendrite' used in blind19-57", plant_prev(57, "dendrite"))
simple("subject not in question", "subject 'dendrite' not in the question",
       qset("X12", "matrix homeserver signing key rotation steps"))
simple("earlier off-topic product named (capitalised, blind27)", "repeats an earlier off-topic subject word: verdaccio",
       qrep("X8", X8_TAIL, "the way we once did for Verdaccio, " + X8_TAIL))
simple("earlier off-topic product named (lowercase short, blind25)", "repeats an earlier off-topic subject word: sops",
       qset("X11", "zigbee2mqtt network key change like sops does?"))
simple("earlier off-topic word from blind51 outside the ban list", "repeats an earlier off-topic subject word: secret-key",
       qrep("X9", "api key rotation", "secret-key rotation"))
simple("earlier off-topic word from blind54 outside the ban list", "repeats an earlier off-topic subject word: gitops",
       qrep("X6", "sits in our deployment repository", "sits in our GitOps repository"))
simple("earlier off-topic word from blind55 outside the ban list", "repeats an earlier off-topic subject word: cas",
       qrep("X4", "One of them left last week.", "One of them, who also ran our CAs, left last week."))
simple("earlier off-topic word from blind56 outside the ban list", "repeats an earlier off-topic subject word: compromised",
       qrep("X1", "our auditors want", "after a compromised laptop our auditors want"))
simple("earlier off-topic word from blind57 outside the ban list", "repeats an earlier off-topic subject word: members",
       qrep("X7", "get every minion to accept the new one", "get every minion to accept the new one, all members included"))
simple("off-topic subject word planted in an earlier off-topic truth", "repeats an earlier off-topic subject word: tang",
       plant_prev_offtopic_truth(40, "Compare Tang."))
simple("banned key word in off-topic", "off-topic question names banned 'kubernetes'",
       qrep("X6", "The in-cluster controller", "The Kubernetes controller"))
simple("banned key word kms", "off-topic question names banned 'kms'",
       qrep("X1", "generated at install time", "generated at install time (wrapped by our kms)"))
simple("near_miss on an agent item", "near_miss only on long off-topic posts", mset("X7", "near_miss", True))
simple("near-miss floor", "floor: near misses", chain(mdel("X1", "near_miss"), mdel("X2", "near_miss")))


@mut("off-topic story floor", "floor: long off-topic registry+key stories")
def _(c):
    for k in ("X5", "X6"):
        e = c.e(k)
        e["question"] = re.sub(r"\bregistr\w*", "service", e["question"], flags=re.I)


simple("off-topic subject missing", "off-topic subject missing", mdel("X6", "subject"))
simple("shape flag on off-topic", "shape flag dockerfile on an off-topic item", mset("X6", "dockerfile", True))
simple("subject on an on-topic item", "subject/near_miss on an on-topic item", mset("L22", "subject", "x"))


# ---------------- long measures ----------------
@mut("fenced long floor", "floor: fenced long posts")
def _(c):
    for k in ("L1", "L2", "L3", "L4", "L5", "L11", "L13", "L15"):
        unfence(k)(c)


@mut("fenced troubleshoot floor", "floor: fenced long troubleshoot posts")
def _(c):
    for k in ("L11", "L12", "L14", "L17"):
        e = c.e(k)
        e["question"] = e["question"].replace("```", "'''")


@mut("two-asks floor", "floor: long posts asking two things")
def _(c):
    for x in c.j:
        if c.m[x["id"]]["style"] == "long" and c.m[x["id"]]["kind"] != "off-topic":
            q = x["question"]
            last = q.rfind("?")
            x["question"] = q[:last].replace("?", ",") + q[last:]


@mut("last-sentence ask floor", "floor: long posts asking only in the last sentence")
def _(c):
    for x in c.j:
        if c.m[x["id"]]["style"] == "long" and c.m[x["id"]]["kind"] != "off-topic":
            x["question"] = "Q? " + x["question"]


# ---------------- the shapes of blind52 to blind57 are rejected in the text ----------------
HISTORY_FENCE = ("\n\n```text\n  881  az acr show -n crstarling\n  882  az acr show-usage -n crstarling\n"
                 "  883  az acr replication list -r crstarling\n```\n")
ENV_FENCE = "\n\n```bash\nSTR_REGISTRY=crstarling\nSTR_REGIONS=3\nSTR_VAULT=kv-starling\n```\n"
CONFLICT_FENCE = ("\n\n```hcl\n<<<<<<< HEAD\nversion = \"0.5.1\"\n=======\nversion = \"0.8.0\"\n>>>>>>> avm-upgrade\n```\n")
TRACEBACK_FENCE = ('\n\n```\nTraceback (most recent call last):\n  File "C:\\tools\\avm\\pin.py", line 12, in <module>\n'
                   '    pin()\nRuntimeError: registry lookup exited with status 1\n```\n')
RUNNER_FENCE = ("\n\n```text\n2026-12-02T03:00:00.1000000Z ##[group]Run az acr show -n crstarling\n"
                "2026-12-02T03:00:00.2000000Z ##[endgroup]\n2026-12-02T03:00:09.3000000Z ##[error]exit 1\n```")
PS_FENCE = ("\n\n```text\nAt line:1 char:1\n+ az keyvault role assignment list --hsm-name petrelhsm\n"
            "    + CategoryInfo          : NotSpecified: (:String) [], RemoteException\n"
            "    + FullyQualifiedErrorId : NativeCommandError\n```")
EVENTS_FENCE = ("\n\n```text\nType      Reason    Age   From      Message\n"
                "Warning   Failed    1m    kubelet   Failed to pull image \"crsome.azurecr.io/app:1\"\n```")
NDJSON_FENCE = ('\n\n```text\n{"op":"pull","region":"weu","status":"ok"}\n{"op":"pull","region":"neu","status":"failed"}\n'
                '{"op":"pull","region":"swc","status":"failed"}\n```')
CURL_SNIPPET = ("\n\n```text\n> GET /healthz HTTP/1.1\n> Host: probe.build.example\n>\n< HTTP/1.1 404 Not Found\n"
                "< X-Trace-Ref: 42ab\n```")
GITLOG_SNIPPET = "\n\n```text\n4f1a2b3 pin the module\n5e6d7c8 new key\n9a8b7c6 old key\n```"
CSV_SNIPPET = "\n\n```text\nscope,role,principal\n/keys/a,user,p-01\n/keys/b,user,p-02\n```"


def _b64(obj):
    return base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode()).decode().rstrip("=")


FAKE_TOKEN = (_b64({"typ": "JWT", "alg": "RS256"}) + "." + _b64({"oid": "5b2e9f13-6c84-4d07-9e1a-3f8c7b0d2a61",
                                                                  "aud": "https://vault.azure.net"})
              + ".c2lnbmF0dXJlLW5vdC1yZWFs")
simple("old shape: TL;DR line", "question shows blind52's shape tldr_summary",
       qrep("L22", "Which of the documented ways", "TL;DR: which revocation is easy to undo?\n\nWhich of the documented ways"))
simple("old shape: TL;DR line in an off-topic post", "question shows blind52's shape tldr_summary",
       qadd("X1", "\n\ntl;dr can the old key stay readable?"))
simple("old shape: shouting", "question shows blind52's shape caps_shouting",
       qrep("L20", "We had expected", "I REALLY need this SETTLED. We had expected"))
simple("old shape: typographic quotes", "question shows blind52's shape smart_punctuation",
       qrep("S6", "downgrade a cmk acr", "\u201cdowngrade\u201d a cmk acr"))
simple("old shape: en dash in a command", "question shows blind52's shape smart_punctuation",
       qrep("L4", "runs az acr import to copy", "runs az acr import \u2013-no-wait to copy"))
simple("old shape: --query expression", "question shows blind52's shape jmespath_query",
       qrep("L22", "Twice a year", "az keyvault show --query properties.hsmUri prints fine. Twice a year"))
simple("old shape: anchored regex", "question shows blind52's shape regex_pattern",
       qrep("S6", "downgrade a cmk acr", "`^https://[^/]+/keys/[^/]+$` downgrade a cmk acr"))
simple("old shape: shell history", "question shows blind53's shape shell_history", qadd("L20", HISTORY_FENCE))
simple("old shape: env file", "question shows blind53's shape dotenv_file", qadd("L20", ENV_FENCE))
simple("old shape: ANSI colour codes", "question shows blind53's shape ansi_escape_codes",
       qrep("A9", "kv-knot, created years ago", "\x1b[33mkv-knot\x1b[0m, created years ago"))
simple("old shape: strikethrough", "question shows blind53's shape strikethrough_correction",
       qrep("A7", "must be retired", "must be ~~deleted~~ retired"))
simple("old shape: percent-encoded URI", "question shows blind53's shape percent_encoded_uri",
       qrep("S5", "versionless managed hsm key uri:", "https%3a%2f%2fjadehsm.managedhsm.azure.net%2fkeys%2fx versionless managed hsm key uri:"))
simple("old shape: strikethrough in an off-topic question", "question shows blind53's shape strikethrough_correction",
       qrep("X11", "network key change", "network ~~master~~ key change"))
simple("old shape inside a Dockerfile (shell history)", "question shows blind53's shape shell_history",
       qrep("L8", "COPY reapply.sh", "  101  az acr show -n crkestrel\n  102  az keyvault show -n kv-kestrel\n  103  az acr encryption show -n crkestrel\nCOPY reapply.sh"))
simple("old shape: merge conflict markers", "question shows blind54's shape merge_conflict_markers",
       qadd("L23", CONFLICT_FENCE))
simple("old shape: Jira monospace spans", "question shows blind54's shape jira_markup",
       chain(qrep("L23", "We're moving our registries", "We're moving {{our}} registries"),
             qrep("L23", "does customer_managed_key use", "does {{customer_managed_key}} use")))
simple("old shape: Jira code block in front of a Dockerfile", "question shows blind54's shape jira_markup",
       qrep("L6", "```dockerfile\nFROM", "{code}\n{code}\n```dockerfile\nFROM"))
simple("old shape: HTML character references", "question shows blind54's shape html_entities",
       qrep("S6", "downgrade a cmk acr", "&quot;downgrade&quot; a cmk acr"))
simple("old shape: numbered sub-questions", "question shows blind54's shape numbered_subquestions",
       qadd("L23", "\n\n1. Which version? 2. Which azurerm? 3. Which key store?"))
simple("old shape: access token", "question shows blind54's shape jwt_token", qadd("X7", " Pasted: " + FAKE_TOKEN))
simple("old shape: Jira markup in an off-topic question", "question shows blind54's shape jira_markup",
       qrep("X10", "meilisearch master key", "{{meilisearch}} {{master}} key"))
simple("old shape: Python traceback", "question shows blind55's shape python_traceback", qadd("L23", TRACEBACK_FENCE))
simple("old shape: collapsed details section", "question shows blind55's shape details_block",
       qadd("L20", "\n\n<details>\n<summary>replica status</summary>\n\nnortheurope: failed\n\n</details>"))
simple("old shape: screenshot", "question shows blind55's shape screenshot_embed",
       qadd("S6", " ![sku page](https://github.com/user-attachments/assets/1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f)"))
simple("old shape: double-encoded JSON", "question shows blind55's shape double_encoded_json",
       qrep("A9", "yet az acr create still says", 'yet az acr create still says "{\\"error\\":{\\"code\\":\\"Forbidden\\"}}" and'))
simple("old shape: escaped Markdown", "question shows blind55's shape escaped_markdown",
       qrep("S8", "on our new kv", "on our\\_new\\_kv"))
simple("old shape: traceback in an off-topic question", "question shows blind55's shape python_traceback",
       qadd("X2", TRACEBACK_FENCE))
simple("old shape: details section in an off-topic question", "question shows blind55's shape details_block",
       qadd("X3", "\n\n<details>\n<summary>tang keys</summary>\n\nadv=old\n\n</details>"))
simple("old shape: screenshot in an off-topic question", "question shows blind55's shape screenshot_embed",
       qadd("X7", " ![pillar page](https://github.com/user-attachments/assets/7d1e0f3a-5b2c-4c8d-9e6f-0a1b2c3d4e5f)"))
simple("old shape: escaped Markdown in an off-topic question", "question shows blind55's shape escaped_markdown",
       qrep("X11", "network key change", "network\\_key\\_change"))
simple("old shape: runner log (blind56)", "question shows blind56's shape gha_log_groups", qadd("L24", RUNNER_FENCE))
simple("old shape: PowerShell error record (blind56)", "question shows blind56's shape powershell_error_record",
       qadd("L22", PS_FENCE))
simple("old shape: events table (blind56)", "question shows blind56's shape kubectl_events", qadd("L24", EVENTS_FENCE))
simple("old shape: JSON lines (blind56)", "question shows blind56's shape ndjson_log", qadd("L24", NDJSON_FENCE))
simple("old shape: logfmt line (blind56)", "question shows blind56's shape logfmt_line",
       qrep("A11", "Write the commands", "Write, for level=error msg=failed registry=crsora, the commands"))
simple("old shape: runner log in an off-topic question (blind56)", "question shows blind56's shape gha_log_groups",
       qadd("X1", RUNNER_FENCE))
simple("old shape: PowerShell record in an off-topic question (blind56)", "question shows blind56's shape powershell_error_record",
       qadd("X2", PS_FENCE))
simple("old shape: events table in an off-topic question (blind56)", "question shows blind56's shape kubectl_events",
       qadd("X3", EVENTS_FENCE))
simple("old shape: JSON lines in an off-topic question (blind56)", "question shows blind56's shape ndjson_log",
       qadd("X4", NDJSON_FENCE))
simple("old shape: logfmt line in an off-topic question (blind56)", "question shows blind56's shape logfmt_line",
       qrep("X8", "Explain how to change", 'Explain, given level=warn msg="secret stale" app=kiosk-build, how to change'))
simple("old shape: curl trace (blind57)", "question shows blind57's shape curl_verbose", qadd("L24", CURL_SNIPPET))
simple("old shape: git log (blind57)", "question shows blind57's shape git_log_oneline", qadd("L23", GITLOG_SNIPPET))
simple("old shape: CSV table (blind57)", "question shows blind57's shape csv_export", qadd("L22", CSV_SNIPPET))
simple("old shape: crontab line (blind57)", "question shows blind57's shape crontab_line",
       qrep("A12", "Show the Terraform", "Show, for the `0 3 * * 1 /opt/kv/roll-key.sh` job, the Terraform"))
simple("old shape: Copilot file reference (blind57)", "question shows blind57's shape copilot_refs",
       qrep("A3", "in our Terraform", "in our Terraform (#file:kv.tf)"))
simple("old shape: curl trace in an off-topic question (blind57)", "question shows blind57's shape curl_verbose",
       qadd("X1", CURL_SNIPPET))
simple("old shape: git log in an off-topic question (blind57)", "question shows blind57's shape git_log_oneline",
       qadd("X2", GITLOG_SNIPPET))
simple("old shape: CSV table in an off-topic question (blind57)", "question shows blind57's shape csv_export",
       qadd("X3", CSV_SNIPPET))
simple("old shape: crontab line in an off-topic question (blind57)", "question shows blind57's shape crontab_line",
       qadd("X4", "\n\n`0 1 * * * /opt/gitsecret/reencrypt.sh`"))
simple("old shape: Copilot participant in an off-topic question (blind57)", "question shows blind57's shape copilot_refs",
       lambda c: c.e("X10").__setitem__("question", "@terminal " + c.e("X10")["question"]))


@mut("GitHub Actions ${{ }} expressions are not Jira markup", "short question has 15 words", only=True)
def _(c):
    # a pasted workflow step with ${{ ... }} expressions must not count as blind54's Jira monospace (earlier sets
    # pasted such steps): only the planted over-long short question is reported
    c.e("L20")["question"] += ("\n\n```yaml\n- name: check replicas\n  env:\n    STR_TAG: ${{ github.sha }}\n"
                               "    STR_REG: ${{ vars.STARLING_REGISTRY }}\n```\n")
    qset("S2", S2_15)(c)


# ---------------- the detectors of earlier shapes and the novelty of the new ones, checked on prev ----------------
DOCKERFILE_SNIPPET = "\n\n```text\nFROM alpine:3.20\nRUN wget -q -O /usr/local/bin/tool https://example.invalid/tool\nCOPY run.sh /run.sh\n```"
simple("a blind57 shape planted in an older prev question", "detector curl_verbose (blind57) finds 5 items of blind57 and 1 elsewhere",
       prev_edit(40, lambda d: d[4].__setitem__("question", d[4]["question"] + CURL_SNIPPET)))
simple("a blind57 item losing its shape in prev", "detector git_log_oneline (blind57) finds 4 items of blind57",
       prev_edit(57, lambda d: d[16].__setitem__("question", re.sub(r"(?m)^([0-9a-f]{7}) ", r"[\1] ", d[16]["question"]))))
simple("a blind55 shape planted in blind30", "detector python_traceback (blind55) finds 5 items of blind55 and 1 elsewhere",
       prev_edit(30, lambda d: d[2].__setitem__("question", d[2]["question"] + TRACEBACK_FENCE)))
simple("a new shape already in an earlier question (Dockerfile)", "new shape dockerfile already occurs in blind19-57",
       prev_edit(45, lambda d: d[2].__setitem__("question", d[2]["question"] + DOCKERFILE_SNIPPET)))
simple("a new shape already in an earlier question (Checkov ID)", "new shape checkov_finding already occurs in blind19-57",
       prev_edit(22, lambda d: d[5].__setitem__("question", d[5]["question"] + " CKV_AZURE_110 flagged it")))


# ---------------- new shapes: a shape in the text needs its flag ----------------
NS_SNIPPET = ("\n\n```text\n$ nslookup tang1.build.example\nServer:\t\t10.0.0.2\nAddress:\t10.0.0.2#53\n\n"
              "Non-authoritative answer:\nName:\ttang1.build.example\nAddress: 10.0.8.21\n```")
EVENT_SNIPPET = ("\n\n```text\nLog Name:      Application\nSource:        tangd\nEvent ID:      7\nLevel:         Error\n"
                 "Description:\nadvertisement signature check failed\n```")
ALERT_SNIPPET = ('\n\n```json\n{\n  "schemaId": "azureMonitorCommonAlertSchema",\n  "data": {\n    "essentials": {\n'
                 '      "alertRule": "repo-secret-watch",\n      "severity": "Sev3",\n      "signalType": "Log",\n'
                 '      "monitorCondition": "Fired"\n    },\n    "alertContext": {\n      "caller": "git-hook"\n    }\n  }\n}\n```')
simple("unflagged nslookup output", "question shows the shape nslookup_output without its flag", mdel("L1", "nslookup_output"))
simple("unflagged Dockerfile", "question shows the shape dockerfile without its flag", mdel("L6", "dockerfile"))
simple("unflagged event record", "question shows the shape windows_event_log without its flag", mdel("L11", "windows_event_log"))
simple("unflagged alert payload", "question shows the shape monitor_alert_payload without its flag",
       mdel("L16", "monitor_alert_payload"))
simple("unflagged Checkov finding", "question shows the shape checkov_finding without its flag", mdel("S1", "checkov_finding"))
simple("nslookup output in an off-topic question", "question shows the shape nslookup_output without its flag",
       qadd("X3", NS_SNIPPET))
simple("NXDOMAIN line alone in an off-topic question", "question shows the shape nslookup_output without its flag",
       qadd("X5", "\n\n** server can't find releases.build.example: NXDOMAIN"))
simple("Dockerfile in an off-topic question", "question shows the shape dockerfile without its flag",
       qadd("X5", DOCKERFILE_SNIPPET))
simple("event record in an off-topic question", "question shows the shape windows_event_log without its flag",
       qadd("X3", EVENT_SNIPPET))
simple("alert payload in an off-topic question", "question shows the shape monitor_alert_payload without its flag",
       qadd("X4", ALERT_SNIPPET))
simple("Checkov ID alone in an off-topic question", "question shows the shape checkov_finding without its flag",
       qrep("X9", "typesense api key rotation", "typesense api key rotation flagged by CKV2_AZURE_1"))

# ---------------- nslookup_output ----------------
simple("nslookup: no Server line", "nslookup_output needs a fence with a 'Server:' line",
       qsub("L3", r"(?m)^Server:.*\n", ""))
simple("nslookup: no Name/Address answer", "nslookup_output needs a fence with a 'Server:' line",
       qrep("L4", "Name:\tkv-plover.privatelink.vaultcore.azure.net\nAddress: 10.60.4.5\n", ""))
simple("nslookup: lookup outside a fence", "nslookup_output needs a fence with a 'Server:' line", unfence("L1"))
simple("nslookup: truth repeats no answer", "nslookup_output truth repeats no answer of the lookup",
       trep_all("L2", "51.144.32.17", "a public address"))
simple("nslookup: the resolver's address does not count", "nslookup_output truth repeats no answer of the lookup",
       trep_all("L4", "10.60.4.5", "168.63.129.16"))
simple("nslookup: an alias counts as an answer", "short question has 15 words", only=True,
       fn=chain(trep_all("L2", "51.144.32.17", "lapwinghsm.privatelink.managedhsm.azure.net"), qset("S2", S2_15)))
simple("nslookup: truth keeps lookup output", "nslookup_output truth still holds lookup output",
       tadd("L5", " Non-authoritative answer: 52.227.140.9."))
simple("nslookup on a short item", "nslookup_output must be a long post", mset("S2", "nslookup_output", True))


@mut("nslookup used 4 times", "shape nslookup_output used 4 times, want exactly 5")
def _(c):
    mdel("L3", "nslookup_output")(c)
    e = c.e("L3")
    e["question"] = re.sub(r"```text\n.*?```", "crosprey resolves to 10.40.2.7 through its privatelink name.",
                           e["question"], flags=re.S)


simple("nslookup used 6 times", "shape nslookup_output used 6 times, want exactly 5", mset("L24", "nslookup_output", True))

# ---------------- dockerfile ----------------
simple("dockerfile: FROM not the first instruction", "dockerfile needs a fence with >= 3 instructions starting with FROM",
       chain(qrep("L7", "FROM nvcr.io/nvidia/pytorch:24.10-py3\nWORKDIR /opt/trainer\n",
                  "WORKDIR /opt/trainer\nFROM nvcr.io/nvidia/pytorch:24.10-py3\n")))
simple("dockerfile: only two instructions", "dockerfile needs a fence with >= 3 instructions starting with FROM",
       chain(qrep("L8", "COPY reapply.sh /usr/local/bin/reapply.sh\n", ""),
             qrep("L8", 'ENTRYPOINT ["/usr/local/bin/reapply.sh"]\n', "")))
simple("dockerfile: a line that is no instruction", "dockerfile needs a fence with >= 3 instructions starting with FROM",
       qrep("L10", "WORKDIR /srv/app\n", "WORKDIR /srv/app\nthen the tests run here\n"))
simple("dockerfile: Dockerfile outside a fence", "dockerfile needs a fence with >= 3 instructions starting with FROM",
       unfence("L6"))
simple("dockerfile: truth names no build input", "dockerfile truth names no base image, ENV or ARG of the file",
       trep_all("L7", "nvcr.io/nvidia/pytorch:24.10-py3", "the PyTorch base image"))
simple("dockerfile: a RUN argument does not count", "dockerfile truth names no base image, ENV or ARG of the file",
       tset("L9", "The key is the problem: the image behind azure-keyvault-keys==4.10.0 produced an elliptic-curve key, "
                  "which can't wrap keys. Produce RSA or RSA-HSM keys for registries, under a new name, and create "
                  "crwren with that key."))
simple("dockerfile: the FROM tag counts", "short question has 15 words", only=True,
       fn=chain(trep_all("L7", "nvcr.io/nvidia/pytorch:24.10-py3", "the PyTorch image tagged 24.10-py3"), qset("S2", S2_15)))
simple("dockerfile: truth keeps an instruction line", "dockerfile truth still holds an instruction line",
       tadd("L8", "\nENV ACR_KEK=https://kv-kestrel.vault.azure.net/keys/kestrel-kek"))
simple("dockerfile on a short item", "dockerfile must be a long post", mset("S2", "dockerfile", True))


@mut("dockerfile: comments and ARG lines before FROM stay valid", "short question has 15 words", only=True)
def _(c):
    c.q_rep("L7", "```dockerfile\nFROM nvcr.io", "```dockerfile\n# syntax=docker/dockerfile:1\nARG PYTORCH_TAG=24.10-py3\nFROM nvcr.io")
    qset("S2", S2_15)(c)


@mut("dockerfile used 4 times", "shape dockerfile used 4 times, want exactly 5")
def _(c):
    mdel("L7", "dockerfile")(c)
    e = c.e("L7")
    e["question"] = re.sub(r"```dockerfile\n.*?```", "It starts from nvcr.io/nvidia/pytorch:24.10-py3 and adds our trainer.",
                           e["question"], flags=re.S)


simple("dockerfile used 6 times", "shape dockerfile used 6 times, want exactly 5", mset("L24", "dockerfile", True))

# ---------------- windows_event_log ----------------
simple("event: no Event ID line", "windows_event_log needs a fence with Log Name/Source/Event ID/Level lines",
       qsub("L11", r"(?m)^Event ID:.*\n", ""))
simple("event: Event ID not a number", "windows_event_log needs a fence with Log Name/Source/Event ID/Level lines",
       qrep("L12", "Event ID:      1002", "Event ID:      n/a"))
simple("event: no Description", "windows_event_log needs a fence with Log Name/Source/Event ID/Level lines",
       qsub("L13", r"(?m)^Description:\n(.|\n)*?(?=```)", ""))
simple("event: record outside a fence", "windows_event_log needs a fence with Log Name/Source/Event ID/Level lines",
       unfence("L14"))
simple("event: truth repeats nothing of the description", "windows_event_log truth repeats nothing of the event description",
       trep_all("L15", "crgannet.azurecr.io/apps/intake-api:2.8.4", "the intake images"))
simple("event: a header value does not count", "windows_event_log truth repeats nothing of the event description",
       trep_all("L11", "crsiskin.azurecr.io/tools/msbuild:17.12", "WINBUILD-07.build.example"))
simple("event: truth keeps a header line", "windows_event_log truth still holds an event header line",
       tadd("L12", "\nEvent ID: 1002"))
simple("event on a short item", "windows_event_log must be a long post", mset("S2", "windows_event_log", True))


@mut("event used 4 times", "shape windows_event_log used 4 times, want exactly 5")
def _(c):
    mdel("L14", "windows_event_log")(c)
    e = c.e("L14")
    e["question"] = re.sub(r"```text\n.*?```", "Step 4 failed 14 seconds after step 3: id-snipe could not use snipe-kek.",
                           e["question"], flags=re.S)


simple("event used 6 times", "shape windows_event_log used 6 times, want exactly 5", mset("L24", "windows_event_log", True))

# ---------------- monitor_alert_payload ----------------
simple("alert: other schema id", "monitor_alert_payload needs a fence with a common-alert-schema payload",
       qrep("L16", '"schemaId": "azureMonitorCommonAlertSchema"', '"schemaId": "AzureMonitorMetricAlert"'))
simple("alert: essentials without monitorCondition", "monitor_alert_payload needs a fence with a common-alert-schema payload",
       qrep("L17", '      "monitorCondition": "Fired",\n', ""))
simple("alert: payload that is not valid JSON", "monitor_alert_payload needs a fence with a common-alert-schema payload",
       qrep("L18", '        "complianceState": "NonCompliant"\n      }\n', '        "complianceState": "NonCompliant"\n'))
simple("alert: payload outside a fence", "monitor_alert_payload needs a fence with a common-alert-schema payload",
       unfence("L19"))
simple("alert: empty alert context", "monitor_alert_payload needs a fence with a common-alert-schema payload",
       qsub("L20", r'"alertContext": \{(.|\n)*?\n    \}\n  \}\n\}', '"alertContext": {}\n  }\n}'))
simple("alert: truth repeats no context value", "monitor_alert_payload truth repeats no value of the alert context",
       trep_all("L20", "7KQ2-R8T", "that incident"))
simple("alert: an essentials value does not count", "monitor_alert_payload truth repeats no value of the alert context",
       trep_all("L16", "Microsoft.KeyVault/managedHSMs/delete", "hsm-delete-watch"))
simple("alert: a plain word value does not count", "monitor_alert_payload truth repeats no value of the alert context",
       trep_all("L20", "7KQ2-R8T", "Key Vault"))
simple("alert: truth keeps JSON", "monitor_alert_payload truth still holds JSON of the payload",
       tadd("L17", ' {"name": "identity_claim_oid_g"}'))
simple("alert on a short item", "monitor_alert_payload must be a long post", mset("S2", "monitor_alert_payload", True))


@mut("alert used 4 times", "shape monitor_alert_payload used 4 times, want exactly 5")
def _(c):
    mdel("L18", "monitor_alert_payload")(c)
    e = c.e("L18")
    e["question"] = re.sub(r"```json\n.*?```", "It reports the audit action on crpipitlegacy as non-compliant.",
                           e["question"], flags=re.S)


simple("alert used 6 times", "shape monitor_alert_payload used 6 times, want exactly 5",
       mset("L24", "monitor_alert_payload", True))

# ---------------- checkov_finding ----------------
simple("checkov: no result after the check ID", "checkov_finding needs a FAILED finding",
       qrep("A1", "`CKV_AZURE_112 FAILED for resource: azurerm_key_vault_key.ruff`", "`CKV_AZURE_112`"))
simple("checkov: only passed findings", "checkov_finding needs a FAILED finding",
       qrep("L21", "FAILED for resource: azurerm_container_registry.dipper", "PASSED for resource: azurerm_container_registry.dipper"))
simple("checkov: result too far from its check ID", "checkov_finding needs a FAILED finding",
       qrep("L21", '"Ensures that ACR uses signed/trusted images"\n', '"Ensures that ACR uses signed/trusted images"\n\n\n\n'))
simple("checkov: truth names no failed check", "checkov_finding truth names no failed check",
       trep_all("S1", "CKV_AZURE_110", "the check"))
simple("checkov: a passed check does not count", "checkov_finding truth names no failed check",
       trep_all("L21", "CKV_AZURE_164", "CKV_AZURE_110"))
simple("checkov: truth keeps a result line", "checkov_finding truth still holds a Checkov result line",
       tadd("A3", " (FAILED for resource: azurerm_key_vault.cmk)"))


@mut("checkov used 4 times", "shape checkov_finding used 4 times, want exactly 5")
def _(c):
    mdel("S1", "checkov_finding")(c)
    c.q_rep("S1", "`CKV_AZURE_110 FAILED for resource: azurerm_key_vault.cmk` is", "checkov wants purge protection, is it")


simple("checkov used 6 times", "shape checkov_finding used 6 times, want exactly 5", mset("L24", "checkov_finding", True))
simple("two new shapes on one item", "more than one new shape on one item", mset("L1", "dockerfile", True))

# ---------------- two_facts ----------------
simple("two_facts floor", "floor: shape two_facts 3 < 4",
       chain(mdel("L18", "two_facts"), lambda c: c.e("L18")["canonical"].pop(),
             lambda c: c.e("L18")["answer_facts"].pop(),
             mdel("L16", "two_facts"), lambda c: c.e("L16")["canonical"].pop(),
             lambda c: c.e("L16")["answer_facts"].pop()))


def run_check(d):
    env = dict(os.environ, BLIND58_DIR=d, BLIND58_KROOT=os.path.join(d, "k"), BLIND58_FACTS=os.path.join(d, "facts"))
    p = subprocess.run([sys.executable, os.path.join(HERE, "check58.py")], env=env, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def fresh(with_build):
    d = tempfile.mkdtemp(prefix="mut-", dir=HERE)
    for f in FILES:
        shutil.copy(os.path.join(HERE, f), d)
    shutil.copytree(os.path.join(HERE, "prev"), os.path.join(d, "prev"))
    for f in LISTS:
        shutil.copy(os.path.join(HERE, f), d)
    shutil.copytree(KROOT, os.path.join(d, "k"))
    shutil.copytree(FACTS, os.path.join(d, "facts"))
    if with_build:
        shutil.copy(os.path.join(HERE, "build58.py"), d)
    return d


def main():
    verbose = "-v" in sys.argv
    d = fresh(True)
    rc, out = run_check(d)
    shutil.rmtree(d)
    print("unmodified copy: %s" % out.strip())
    if rc != 0:
        return 1
    caught = 0
    for name, expect, fn, with_build, only in MUTS:
        d = fresh(with_build)
        try:
            c = Ctx(d)
            fn(c)
            c.save()
            rc, out = run_check(d)
        except AssertionError as exc:
            rc, out = 0, "setup failed: %s" % exc
        finally:
            shutil.rmtree(d, ignore_errors=True)
        ok = rc == 1 and expect in out and (not only or len(out.strip().split("\n")) == 1)
        caught += ok
        if not ok or verbose:
            print("%s  %s  (expect %r)\n    %s" % ("CAUGHT" if ok else "MISSED", name, expect,
                                                 out.strip().replace("\n", "\n    ")[:600]))
    d = fresh(True)
    rc, out = run_check(d)
    shutil.rmtree(d)
    print("unmodified copy after runs: %s" % out.strip())
    print("%d/%d mutations caught" % (caught, len(MUTS)))
    return 0 if caught == len(MUTS) and rc == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
