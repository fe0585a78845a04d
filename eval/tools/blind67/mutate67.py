"""blind67 mutation driver. Each mutation runs on a fresh temp copy (inside blind67/) of the set, prev/, the
blind66 and blind65 first-canonical lists, the knowledge and the fact sheets; it counts as caught only when check67.py
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
KROOT = os.environ.get("BLIND67_KROOT", "/work/scratch/blind67/kstripped")
FACTS = os.environ.get("BLIND67_FACTS", "/work/shared/facts")
sys.path.insert(0, HERE)
import build67  # noqa: E402
import check67  # noqa: E402
import kparse  # noqa: E402

SET = "blind67"
FILES = (SET + ".json", SET + "-meta.json", SET + "-first-canonicals.txt")
_entries, _meta = build67.build()
_byq = {q["question"]: q["key"] for q in build67.QUESTIONS}
ID = {_byq[e["question"]]: e["id"] for e in _entries}
SCENARIO_SECTION = next("acr-cmk/" + k if not k.startswith("acr-cmk/") else k
                        for k in kparse.parse_all(KROOT) if "scenarios/" in k)
P = build67.ID_PREFIX
LISTS = tuple("blind%d-first-canonicals.txt" % n for n in check67.SPREAD_SETS)
A_SET, B_SET = check67.SPREAD_SETS
PREV_LABEL = check67.PREV_LABEL


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
            for n in check67.SPREAD_SETS:
                fp = os.path.join(self.d, "blind%d-first-canonicals.txt" % n)
                firsts[n] = {x.strip() for x in open(fp, encoding="utf-8") if x.strip()} if os.path.exists(fp) else set()
            self.m["_set"] = check67.set_summary(self.j, self.m, firsts)
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
# the set's prefix is "ae"; every single letter (the prefixes of blind19-62), blind63's "aa", blind64's "ab", blind65's
# "ac", blind66's "ad", other two-letter prefixes, an upper-case "AE" and a longer "aee" are rejected
for pfx in tuple("abcdefghijklmnopqrstuvwxyz") + ("aa", "ab", "ac", "ad", "af", "ea", "AE", "aee"):
    def f(c, pfx=pfx):
        c.j[5]["id"] = pfx + c.j[5]["id"][len(P):]
    simple("id prefix %s (earlier set or other)" % pfx, "bad id at position 6", f)
simple("ids numbered from zero", "bad id at position 1",
       lambda c: [x.__setitem__("id", "%s%03d" % (P, int(x["id"][len(P):]) - 1)) for x in c.j])
simple("wrong source", "bad source", lambda c: c.j[3].__setitem__("source", "written by hand"))
simple("key order swapped", "keys or key order wrong",
       lambda c: c.j.__setitem__(2, dict([("category", c.j[2]["category"])] +
                                         [(k, v) for k, v in c.j[2].items() if k != "category"])))
simple("extra key in an entry", "keys or key order wrong", lambda c: c.j[7].__setitem__("notes", "x"))
simple("meta entry missing", "meta: ids do not match", lambda c: c.m.pop(P + "010"))
simple("meta entry for an unknown id", "meta: ids do not match", lambda c: c.m.__setitem__(P + "061", {"style": "short"}))
simple("59 entries", "need a list of 60", lambda c: c.j.pop())
simple("rebuild: json truth edited", "rebuild differs from blind67.json",
       lambda c: c.j[0].__setitem__("truth", c.j[0]["truth"] + " Extra."), True)
simple("rebuild: meta edited", "rebuild differs from blind67-meta.json",
       lambda c: c.m[P + "001"].__setitem__("qual", "none" if c.m[P + "001"]["qual"] != "none" else "asked"), True)


@mut("rebuild: same content, other JSON layout (byte compare)", "rebuild differs from blind67.json", True)
def _(c):
    # content unchanged, only the serialisation differs: caught by the byte comparison alone
    def save():
        with open(os.path.join(c.d, FILES[0]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(c.j, indent=2, ensure_ascii=False) + "\n")
        with open(os.path.join(c.d, FILES[1]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(c.m, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    c.save = save


@mut("rebuild: a GUID in a pasted account entry changed (byte compare)", "rebuild differs from blind67.json", True)
def _(c):
    # still a complete account entry whose principal the truth names, but no longer what build67.py writes
    c.q_rep("Z1", '"id": "2f24a1f9-50e3-4201-8312-a41d2a624074"', '"id": "2f24a1f9-50e3-4201-8312-a41d2a624075"')


@mut("rebuild: first-canonical list edited", "rebuild differs from blind67-first-canonicals.txt", True)
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


simple("first-canonical list missing", "blind67-first-canonicals.txt missing",
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
       set_edit(lambda s: s["new_shapes"]["replication_list"].pop()))
simple("_set: spread count changed", "meta: _set summary does not match",
       set_edit(lambda s: s["spread"].__setitem__("new_against_blind%d_and_blind%d" % (A_SET, B_SET), 48)))
simple("_set: spread floors changed", "meta: _set summary does not match",
       set_edit(lambda s: s["spread"].__setitem__("floors", [30, 20])))
simple("_set: typo moved to another id", "meta: _set summary does not match",
       set_edit(lambda s: s["typos"].__setitem__("usualy", ID["S9"])))
simple("_set: off-topic subject renamed", "meta: _set summary does not match",
       set_edit(lambda s: s["off_topic_subjects"].__setitem__(ID["X1"], "zuul")))
simple("_set: stale after a flag change", "meta: _set summary does not match",
       raw(mdel("K5", "aks_check_acr")))


def add_my_first_to_list(n, key):
    def f(c):
        # one of this set's first canonicals now also counts as a first of blind<n>: the spread figures go stale
        c.raw_set = True
        p = os.path.join(c.d, "blind%d-first-canonicals.txt" % n)
        lines = [x for x in open(p, encoding="utf-8") if x.strip()]
        lines[-1] = c.e(key)["canonical"][0] + "\n"
        open(p, "w", encoding="utf-8").writelines(lines)
    return f


simple("_set: stale after the blind66 first-canonical list changed", "meta: _set summary does not match",
       add_my_first_to_list(A_SET, "L3"))
simple("_set: stale after the blind65 first-canonical list changed", "meta: _set summary does not match",
       add_my_first_to_list(B_SET, "G2"))

# ---------------- dropped flags and fields (the shape flags of blind52 to blind66 included) ----------------
_SPECIAL = {"field": "bypass", "wrong": "--kek-uri", "other": ["AWS"], "premise": "x"}
for fld in check67.DROPPED_FIELDS:
    simple("dropped/unknown field %s" % fld, "unknown field %r" % fld, mset("L2", fld, _SPECIAL.get(fld, True)))

# ---------------- facts and answer facts ----------------
simple("answer_fact not in canonical", "answer_fact not in first canonical",
       lambda c: c.e("L2")["answer_facts"].__setitem__(0, "zone redundancy is supported with cmk"))
simple("answer_fact only in a related section", "answer_fact not in first canonical",
       lambda c: c.e("R4")["answer_facts"].__setitem__(0, "Follow Key Vault disaster-recovery guidance"))
simple("answer_fact added from a related section", "answer_fact not in first canonical",
       lambda c: c.e("S3")["answer_facts"].append("Enabling purge protection is a one-way change"))
simple("answer_fact over 7 words", "answer_fact over 7 words",
       lambda c: c.e("S9")["answer_facts"].__setitem__(0, "the ACR documentation does not describe the internal key hierarchy"))
simple("fact not in any section", "fact not in a canonical or related section",
       lambda c: c.e("S1")["facts"].__setitem__(0, "the system identity has no principal ID until a restart"))
simple("empty answer_facts", "no answer_facts", eset("S12", "answer_facts", []))
simple("empty facts", "no facts", eset("S12", "facts", []))
simple("two_facts with all facts in the first canonical", "two_facts needs one answer_fact only in each",
       lambda c: c.e("G5")["answer_facts"].__setitem__(1, "recoverable within its retention period"))
simple("two_facts fact in neither canonical", "answer_fact not in either canonical",
       lambda c: c.e("Z4")["answer_facts"].__setitem__(0, "the portal grants the role on its own"))
simple("two canonicals without flag", "two canonical sections need two_facts", mdel("D5", "two_facts"))
simple("two_facts flag with one canonical", "two_facts needs two canonical sections",
       mset("S12", "two_facts", True))

# ---------------- sections ----------------
simple("unknown section id", "unknown section",
       lambda c: c.e("L1")["related"].__setitem__(1, "acr-cmk/references/managed-hsm.md#no-such-anchor"))
simple("section id without the acr-cmk/ folder", "unknown section",
       lambda c: c.e("L1")["related"].__setitem__(1, "references/troubleshooting.md#general-diagnostic-checklist"))
simple("canonical repeated in related", "repeated section",
       lambda c: c.e("L1")["related"].append(c.e("L1")["canonical"][0]))
simple("canonical empty", "canonical must hold 1 or 2", eset("L2", "canonical", []))
simple("three canonicals", "canonical must hold 1 or 2",
       lambda c: c.e("L2")["canonical"].extend(c.e("L2")["related"][:2]))
simple("first canonical in a scenario", "first canonical not a reference doc",
       lambda c: c.e("S9")["canonical"].__setitem__(0, SCENARIO_SECTION))
simple("related empty", "related is empty", eset("S12", "related", []))

# ---------------- kinds, styles, truths, categories ----------------
simple("unknown kind", "bad kind", mset("G8", "kind", "opinion"))
simple("yes truth opening No", "yes truth must open 'Yes: '",
       lambda c: c.e("S6").__setitem__("truth", "No: " + c.e("S6")["truth"][5:]))
simple("no truth without No", "no truth must open 'No: '",
       lambda c: c.e("D1").__setitem__("truth", c.e("D1")["truth"][4:]))
simple("undocumented truth without verdict", "undocumented truth must open 'Not documented'",
       lambda c: c.e("S9").__setitem__("truth", c.e("S9")["truth"][16:]))
simple("off-topic truth without verdict", "off-topic truth must open 'Not covered: '",
       lambda c: c.e("X3").__setitem__("truth", c.e("X3")["truth"][13:]))
simple("howto truth opening Yes", "howto truth opens with a verdict word",
       lambda c: c.e("G2").__setitem__("truth", "Yes: " + c.e("G2")["truth"]))
simple("troubleshoot truth opening No", "troubleshoot truth opens with a verdict word",
       lambda c: c.e("K1").__setitem__("truth", "No, " + c.e("K1")["truth"]))
simple("off-topic item with canonical", "off-topic item must have empty lists",
       lambda c: c.e("X4")["canonical"].append("acr-cmk/references/overview.md#default-encryption-at-rest-without-a-cmk"))
simple("off-topic category on an on-topic kind", "off-topic category and kind disagree",
       eset("G6", "category", "off-topic"))
simple("unknown category", "bad category", eset("G6", "category", "misc"))
simple("style count broken", "on-topic short count 13", mset("G8", "style", "short"))
simple("unknown style", "bad style", mset("G8", "style", "medium"))
simple("kind count broken", "kind howto count 13", mset("Z3", "kind", "why"))
simple("kind group missing from a style", "kind group yes/no missing from style agent",
       chain(mset("G4", "kind", "value"),
             tset("G4", "A new version of kek-rhodonite, picked up by crrhodonite within an hour through the Managed HSM."),
             mset("G6", "kind", "value"),
             tset("G6", "A user-assigned identity at creation; the system identity only later.")))
simple("category above 9", "category rotation count 10",
       chain(eset("L2", "category", "rotation"), eset("S5", "category", "rotation"), eset("S3", "category", "rotation"),
             eset("S12", "category", "rotation"), eset("R2", "category", "rotation")))
simple("category below 2", "category network count 1", chain(eset("P5", "category", "keys"), eset("G7", "category", "keys")))

# ---------------- style rules ----------------
# a short question of exactly 15 words, used as the marker of the only=True mutations (S5 carries no qualifier, typo
# or shape)
S5_15 = "which sku must az acr create get for a cmk registry in our new subscription"
L2_START = "The create script for crtalc broke"
S11_TAIL = "how do we fix it?"
simple("long post too short", "long question length", qset("L2", "Which tier after CMK?"))
simple("long post too long", "long question length",
       lambda c: c.e("L1").__setitem__("question", c.e("L1")["question"] + (" Some more background here." * 60)))
simple("short question of 15 words", "short question has 15 words", qset("S5", S5_15))
simple("short question on two lines", "short question spans lines",
       qrep("S12", " makes acr follow", "\nmakes acr follow"))
simple("agent query of 50 words", "agent query has",
       lambda c: c.e("G8").__setitem__("question", c.e("G8")["question"] + " please" + " also" * 30))
simple("agent query on two lines", "agent query spans lines", qrep("G8", " Question:", "\nQuestion:"))
simple("agent query with a fence", "agent query spans lines", qrep("G8", " Question:", " ```x``` Question:"))
simple("context form without Context:", "context form must open with 'Context:'",
       lambda c: c.e("G8").__setitem__("question", c.e("G8")["question"][len("Context: "):]))
simple("imperative form without verb", "imperative form must open with an imperative verb",
       qrep("R5", "Show the steps to move", "I want the steps to move"))
simple("keywords form opening uppercase", "keywords form must open lowercase",
       lambda c: c.e("G3").__setitem__("question", c.e("G3")["question"][0].upper() + c.e("G3")["question"][1:]))
simple("keywords form with ?", "keywords form must open lowercase",
       lambda c: c.e("G3").__setitem__("question", c.e("G3")["question"] + "?"))
simple("form on a short item", "form on a non-agent item", mset("S12", "form", "keywords"))
simple("agent forms miscounted", "on-topic agent form context count 4",
       chain(mset("G8", "form", "imperative"), qrep("G8", "Context: we will rotate", "Explain: we will rotate")))
simple("off-topic agent forms miscounted", "off-topic agent form keywords count 0",
       chain(mset("X9", "form", "imperative"),
             lambda c: c.e("X9").__setitem__("question", "Explain " + c.e("X9")["question"])))


@mut("three short questions not lowercase", "short questions not lowercase (max 2)")
def _(c):
    for k in ("S5", "S6", "S9"):
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
           "rbac": "role mode", "kek": "key", "mi": "identity", "oras": "the artifact tool", "dct": "content trust",
           "pe": "endpoint", "tf": "terraform"}
    for x in c.j:
        if c.m[x["id"]]["style"] == "short":
            x["question"] = re.sub(r"\b(%s)\b" % "|".join(rep), lambda mm: rep[mm.group(1).lower()],
                                   x["question"], flags=re.I)


# ---------------- qualifiers ----------------
simple("hsm qualifier without Managed HSM", "hsm qualifier but no Managed HSM in the question",
       chain(mset("L2", "quals", ["hsm"]), mset("L2", "qual", "story")))
simple("iac qualifier without a tool", "iac qualifier but no portal/Terraform/Bicep/ARM/AVM",
       chain(mset("S5", "quals", ["iac"]), mset("S5", "qual", "story")))
simple("October 2026 truth without Managed HSM", "October 2026 truth names neither",
       tset("S4", "28 days at most for a rotation policy in the HSM pool; a vault policy allows 7, and a key keeps at most 100 versions."))
simple("qual asked recorded as story", "qual is 'story', should be 'asked'", mset("P1", "qual", "story"))
simple("quals without qual none", "qual is 'asked', should be 'none'", mset("K1", "qual", "asked"))
simple("unknown qualifier", "bad quals", mset("P1", "quals", ["hsm", "oct2026", "k8s"]))


def drop_qual(mm, x, q):
    mm["quals"] = [v for v in mm["quals"] if v != q]
    ask = build67.ask_part(x["question"])
    hit = ("hsm" in mm["quals"] and build67.HSM_RE.search(ask)) or ("iac" in mm["quals"] and build67.IAC_RE.search(ask))
    mm["qual"] = "none" if not mm["quals"] else ("asked" if hit else "story")


@mut("Managed HSM asked floor", "floor: Managed HSM asked")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "hsm" in mm.get("quals", []) and build67.HSM_RE.search(build67.ask_part(x["question"])):
            n += 1
            if n > 9:
                drop_qual(mm, x, "hsm")


@mut("Managed HSM asked in too few ways (qualifiers dropped)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    # K4 is the only which-key ask, K5 the only revocation ask
    drop_qual(c.meta("K4"), c.e("K4"), "hsm")
    drop_qual(c.meta("K5"), c.e("K5"), "hsm")


@mut("Managed HSM asked in too few ways (asks reworded)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    # Z4 is the only rbac ask, K5 the only revocation ask
    c.q_rep("Z4", "grant crpyrite's identity access scoped to kek-pyrite?", "grant crpyrite's identity access to kek-pyrite?")
    c.q_rep("K5", "after we revoked the role", "after we took the role away")


@mut("iac named floor", "floor: portal/Terraform/Bicep/ARM/AVM named")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "iac" in mm.get("quals", []) and n < 2:
            drop_qual(mm, x, "iac")
            n += 1


@mut("October 2026 floor", "floor: October 2026")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "oct2026" in mm.get("quals", []) and n < 4:
            drop_qual(mm, x, "oct2026")
            n += 1


# ---------------- spread and per-doc ----------------
def list_lines(c, n):
    return [x.strip() for x in open(os.path.join(c.d, "blind%d-first-canonicals.txt" % n), encoding="utf-8") if x.strip()]


@mut("spread against blind66", "first canonicals new against blind66 (floor 40)")
def _(c):
    firsts = list(dict.fromkeys(list_lines(c, A_SET)))
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < 9 and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [firsts[n]]
            x["related"] = [r for r in x["related"] if r != firsts[n]] or [firsts[n + 20]]
            n += 1


@mut("spread against blind66 and blind65", "first canonicals new against blind66 and blind65 (floor 30)")
def _(c):
    a, b = set(list_lines(c, A_SET)), set(list_lines(c, B_SET))
    mine = {x["canonical"][0] for x in c.j if x["canonical"]}
    fresh = sum(1 for x in c.j if x["canonical"] and x["canonical"][0] not in a and x["canonical"][0] not in b)
    need = fresh - 29
    pool = [f for f in dict.fromkeys(list_lines(c, B_SET)) if f not in a and f not in mine]
    if len(pool) < need:
        raise AssertionError("setup: only %d blind65-only firsts" % len(pool))
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < need and not c.m[x["id"]].get("two_facts") \
                and x["canonical"][0] not in b:
            x["canonical"] = [pool[n]]
            x["related"] = [r for r in x["related"] if r != pool[n]] or ["acr-cmk/references/overview.md#requirements-at-a-glance"]
            n += 1


simple("troubleshooting doc above 8", "first canonical doc troubleshooting count 9",
       lambda c: c.e("S12")["canonical"].__setitem__(0, "acr-cmk/references/troubleshooting.md#general-diagnostic-checklist"))
simple("identities doc below 2", "first canonical doc identities count 1",
       chain(lambda c: c.e("G2")["canonical"].__setitem__(0, "acr-cmk/references/key-rotation.md#rotating-the-customer-managed-key"),
             lambda c: c.e("G6")["canonical"].__setitem__(0, "acr-cmk/references/setup-cli.md#step-1-create-a-resource-group")))
simple("blind66 first-canonical list missing", "first-canonical list missing: blind66",
       lambda c: os.remove(os.path.join(c.d, "blind66-first-canonicals.txt")))
simple("blind65 first-canonical list missing", "first-canonical list missing: blind65",
       lambda c: os.remove(os.path.join(c.d, "blind65-first-canonicals.txt")))


@mut("blind65 first-canonical list cut to 47", "blind65 has 47 lines")
def _(c):
    p = os.path.join(c.d, "blind65-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:47])


@mut("blind66 first-canonical list cut to 40", "blind66 has 40 lines")
def _(c):
    p = os.path.join(c.d, "blind66-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:40])


@mut("first-canonical lists read from the set's folder, not from prev/ (blind66)", "first-canonical list missing: blind66")
def _(c):
    # a copy in prev/ does not stand in for the list next to the set
    shutil.move(os.path.join(c.d, "blind66-first-canonicals.txt"), os.path.join(c.d, "prev", "blind66-first-canonicals.txt"))


@mut("first-canonical lists read from the set's folder, not from prev/ (blind65)", "first-canonical list missing: blind65")
def _(c):
    shutil.move(os.path.join(c.d, "blind65-first-canonicals.txt"), os.path.join(c.d, "prev", "blind65-first-canonicals.txt"))


@mut("spread lists of the wrong sets (blind65 and blind64 in place of blind66 and blind65)",
     "first-canonical list missing: blind66")
def _(c):
    # the previous set's pair of lists does not satisfy this set's spread rule
    os.remove(os.path.join(c.d, "blind66-first-canonicals.txt"))
    shutil.copy(os.path.join(c.d, "blind65-first-canonicals.txt"), os.path.join(c.d, "blind64-first-canonicals.txt"))


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


simple("typo planted in blind20", "typo 'finaly' already used in blind19-66", plant_prev(20, "finaly"))
simple("typo planted in blind41", "typo 'usualy' already used in blind19-66", plant_prev(41, "usualy"))
simple("typo planted in blind48", "typo 'noticable' already used in blind19-66", plant_prev(48, "noticable"))
simple("typo planted in blind66", "typo 'finaly' already used in blind19-66", plant_prev(66, "finaly"))
simple("typo planted in a blind66 truth", "typo 'usualy' already used in blind19-66", plant_prev_truth(66, "usualy"))
simple("typo planted in a blind25 truth", "typo 'noticable' already used in blind19-66", plant_prev_truth(25, "noticable"))
simple("typo planted in blind19 (first of the range)", "typo 'noticable' already used in blind19-66", plant_prev(19, "noticable"))
simple("typo moved to an off-topic short", "typo must sit in a short on-topic question",
       chain(mdel("S7", "typo"), qrep("S7", "noticable", "noticeable"), mset("X11", "typo", "noticable"),
             qrep("X11", "print blank after the upgrade", "print blank, which is noticable, after the upgrade")))
simple("typo fixed in the question", "typo 'usualy' not in the question", qrep("S3", "usualy", "usually"))
simple("unrecorded typo in another question", "unrecorded typo 'finaly'",
       qrep("S9", "or wrap other keys", "or wrap other keys, finaly"))
simple("typo used twice", "typo 'finaly' used 2 times",
       chain(mset("S9", "typo", "finaly"), qrep("S9", "or wrap other keys", "or wrap other keys, finaly")))
simple("unknown typo word", "not in the set's typo list",
       chain(mset("S1", "typo", "finnaly"), qrep("S1", "finaly", "finnaly")))
simple("typo on a long item", "typo must sit in a short on-topic question",
       chain(mdel("S3", "typo"), qrep("S3", "usualy", "usually"), mset("L2", "typo", "usualy"),
             qrep("L2", L2_START, "As usualy, " + L2_START)))
simple("typo on an agent item", "typo must sit in a short on-topic question",
       chain(mdel("S1", "typo"), qrep("S1", "finaly", "finally"), mset("G2", "typo", "finaly"),
             qrep("G2", "List the commands that hand", "List the commands that finaly hand")))


@mut("typo added to the knowledge", "typo 'usualy' stands in the knowledge or facts")
def _(c):
    p = c.kfile("acr-cmk/references/overview.md")
    open(p, "a").write("\nusualy\n")


@mut("typo added to the fact sheets", "typo 'noticable' stands in the knowledge or facts")
def _(c):
    p = os.path.join(c.d, "facts", "cmk-facts-2026-10.md")
    os.chmod(p, 0o644)
    open(p, "a").write("\nnoticable\n")


@mut("typo added to an older fact sheet", "typo 'finaly' stands in the knowledge or facts")
def _(c):
    p = os.path.join(c.d, "facts", "cli-facts.md")
    os.chmod(p, 0o644)
    open(p, "a").write("\nfinaly\n")
# ---------------- copying ----------------
KV_POLICY_CMD = ('az keyvault set-policy --name $KEY_VAULT_NAME --resource-group $RESOURCE_GROUP --object-id '
                 '$PRINCIPAL_ID --key-permissions get unwrapKey wrapKey')
KNOWLEDGE_PROSE = "the registry cannot unwrap its data without the key so deleting the key store"
simple("knowledge 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L2", L2_START, "The registry cannot unwrap its data without the key, and " + L2_START))
simple("fact-sheet 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L2", L2_START, "We wonder whether this revision is already live on Learn, and " + L2_START))
simple("pasted error moved into prose", "8-token run shared with knowledge/facts",
       qrep("L2", L2_START, "The CLI said Cannot set policies to a vault with '--enable-rbac-authorization' specified. " + L2_START))
simple("knowledge command in the prose around a check-acr report", "8-token run shared with knowledge/facts",
       qrep("K2", "Can a half-finished change", "We granted vault access with " + KV_POLICY_CMD + ". Can a half-finished change"))
simple("knowledge command in the prose around an account entry", "8-token run shared with knowledge/facts",
       qrep("Z5", "How should the script look up", "Its next line is " + KV_POLICY_CMD + ". How should the script look up"))
simple("knowledge prose inside a replication list (12-token rule)", "12-token run (fences included) shared with knowledge/facts",
       qrep("R2", '"zoneRedundancy": "Disabled",\n   "provisioningState": "Succeeded", "type"',
            '"zoneRedundancy": "Disabled", "note": "' + KNOWLEDGE_PROSE + '",\n   "provisioningState": "Succeeded", "type"'))
simple("knowledge prose inside a cloud profile (12-token rule)", "12-token run (fences included) shared with knowledge/facts",
       qrep("P2", '  "profile": "latest",\n', '  "profile": "latest",\n  "note": "' + KNOWLEDGE_PROSE + '",\n'))
simple("knowledge prose inside a check-acr report (12-token rule)", "12-token run (fences included) shared with knowledge/facts",
       qrep("K3", "[2026-11-24T08:40:10Z] Kubelet", "[2026-11-24T08:40:10Z] " + KNOWLEDGE_PROSE + "\n[2026-11-24T08:40:10Z] Kubelet"))
simple("knowledge prose inside an account entry (12-token rule)", "12-token run (fences included) shared with knowledge/facts",
       qrep("Z3", '  "name": "sub-build",\n', '  "name": "sub-build",\n  "note": "' + KNOWLEDGE_PROSE + '",\n'))
simple("knowledge prose inside a slide (8-token rule: slides are prose)", "8-token run shared with knowledge/facts",
       qrep("D2", "- Soft delete: always on, nothing to do\n", "- Soft delete: always on, nothing to do\n- " + KNOWLEDGE_PROSE + "\n"))
simple("blind30 8-token run", "8-token run shared with blind19-66",
       lambda c: c.e("L2").__setitem__("question", c.e("L2")["question"] + " " + prevq(30, 8)(c)[:120]))
simple("blind41 8-token run", "8-token run shared with blind19-66",
       lambda c: c.e("L2").__setitem__("question", c.e("L2")["question"] + " " + prevq(41, 3)(c)[:150]))
simple("blind66 8-token run", "8-token run shared with blind19-66",
       lambda c: c.e("L2").__setitem__("question", c.e("L2")["question"] + " " + prevq(66, 1)(c)[:150]))


def clean_prev_truth(n):
    """The first 200 characters of the first on-topic blind<n> truth whose opening shares no 8-token run with the
    knowledge or the fact sheets (so that only the prev-truth rule can fire)."""
    def get(c):
        src = check67.grams(check67.toks(kparse.all_text(os.path.join(c.d, "k")) + "\n" +
                                         kparse.all_text(os.path.join(c.d, "facts"))), 8)
        for e in json.load(open(os.path.join(c.d, "prev", "blind%d.json" % n), encoding="utf-8")):
            t = e["truth"][:200]
            if len(e["truth"]) >= 250 and not e["truth"].startswith("Not covered") and \
                    not check67.grams(check67.toks(t), 8) & src:
                return t
        raise AssertionError("setup: no clean blind%d truth" % n)
    return get


simple("blind66 truth copied into a question", "8-token run shared with a blind19-66 truth",
       lambda c: c.e("L2").__setitem__("question", c.e("L2")["question"] + " " + clean_prev_truth(66)(c)))
simple("blind33 truth copied into a question", "8-token run shared with a blind19-66 truth",
       lambda c: c.e("L1").__setitem__("question", c.e("L1")["question"] + " " + clean_prev_truth(33)(c)))


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
            if field == "question" and any(d(t) for d in check67.OLD_DETECT.values() if d is not None):
                continue
            ts = _tokset(t)
            if all(len(ts & o) / len(ts | o) <= 0.6 for o in older):
                return t
        raise AssertionError("setup: no own blind%d %s" % (n, field))
    return get


simple("blind66 question repeated", "Jaccard > 0.6 with blind66",
       lambda c: c.e("G6").__setitem__("question", own_prev(66, "question")(c)))
simple("blind53 question repeated", "Jaccard > 0.6 with blind53",
       lambda c: c.e("G5").__setitem__("question", own_prev(53, "question")(c)))
simple("blind46 question repeated", "Jaccard > 0.6 with blind46",
       lambda c: c.e("S12").__setitem__("question", own_prev(46, "question")(c)))
simple("blind66 truth repeated", "truth Jaccard > 0.6 with blind66",
       lambda c: c.e("S5").__setitem__("truth", own_prev(66, "truth")(c)))
simple("off-topic truth close to an earlier truth", "truth Jaccard > 0.6 with blind",
       tset("X11", "Not covered: resetting a Navidrome password is outside the ACR customer-managed key knowledge."))
simple("off-topic truth copied from blind66", "truth Jaccard > 0.6 with blind66",
       lambda c: c.e("X12").__setitem__("truth", next(
           e["truth"] for e in json.load(open(os.path.join(c.d, "prev", "blind66.json"), encoding="utf-8"))
           if e["truth"].startswith("Not covered"))))
simple("near-duplicate inside the set", "Jaccard > 0.6 with",
       qset("S10", "which sku must az acr create get for the cmk registry"))
simple("truth copies a knowledge sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("L1").__setitem__("truth", c.e("L1")["truth"] + " Soft delete alone keeps deleted keys and vaults recoverable, but someone with purge rights can still destroy them permanently before the retention period ends."))
simple("truth copies a fact-sheet sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("G5").__setitem__("truth", c.e("G5")["truth"] + " Whether this revision is already live on Learn was not checked."))
simple("question copies a knowledge sentence", "question copies a knowledge/fact sentence",
       qrep("L2", L2_START, "Registries without a CMK are still encrypted at rest with Microsoft-managed keys. " + L2_START))
simple("question echoes a heading", "question echoes a heading",
       qrep("L2", L2_START, "Versioned and versionless key IDs, the wiki says. " + L2_START))


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


@mut("knowledge text edited under an answer fact", "answer_fact not in first canonical")
def _(c):
    p = c.kfile("acr-cmk/references/troubleshooting.md")
    s = open(p, encoding="utf-8").read()
    old = "the key itself must allow the operations"
    if s.count(old) != 1:
        raise AssertionError("setup: text not once in troubleshooting.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "the key itself must permit the operations"))


@mut("knowledge text edited under a two_facts answer fact", "answer_fact not in either canonical")
def _(c):
    p = c.kfile("acr-cmk/references/revocation-and-recovery.md")
    s = open(p, encoding="utf-8").read()
    old = "does **not** bring them back"
    if s.count(old) != 1:
        raise AssertionError("setup: text not once in revocation-and-recovery.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "does **not** restore them"))


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
    qset("S5", S5_15)(c)


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
simple("blind65 prev file missing", "prev file missing: blind65.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind65.json")))
simple("blind66 prev file missing", "prev file missing: blind66.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind66.json")))
simple("blind19 prev file missing (first of the range)", "prev file missing: blind19.json",
       lambda c: os.remove(os.path.join(c.d, "prev", "blind19.json")))


# ---------------- off-topic ----------------
def banned_subject(word, text):
    return chain(mset("X10", "subject", word), qset("X10", text))


simple("banned blind66 subject", "banned off-topic subject 'zuul'",
       banned_subject("zuul", "zuul: how do i give a project a new key safely?"))
simple("banned blind66 subject (2)", "banned off-topic subject 'meshcentral'",
       banned_subject("meshcentral", "meshcentral: how do i move the server to new hardware?"))
simple("banned blind66 extra name", "banned off-topic subject 'api key'",
       banned_subject("api key", "api key: how do i rotate the one for our dashboard?"))
simple("banned blind66 extra name (2)", "banned off-topic subject 'browser extension'",
       banned_subject("browser extension", "browser extension: how do i point it at a new server?"))
simple("banned blind65 subject", "banned off-topic subject 'syslog-ng'",
       banned_subject("syslog-ng", "syslog-ng: how do i hand it a new tls key safely?"))
simple("banned blind65 extra name", "banned off-topic subject 'replication plugin'",
       banned_subject("replication plugin", "replication plugin: how do i point it at a new mirror?"))
simple("banned blind64 subject", "banned off-topic subject 'lighttpd'",
       banned_subject("lighttpd", "lighttpd: how do i hand it a new tls key safely?"))
simple("banned blind64 extra name", "banned off-topic subject 'influxdb'",
       banned_subject("influxdb", "influxdb: how do i rotate the write password safely?"))
simple("banned blind63 subject", "banned off-topic subject 'hitch'",
       banned_subject("hitch", "hitch: how do i hand it a new tls key safely?"))
simple("banned blind63 extra name", "banned off-topic subject 'snmpv3'",
       banned_subject("snmpv3", "snmpv3: how do i change the privacy passphrase on our switches?"))
simple("banned blind62 subject", "banned off-topic subject 'varnish'",
       banned_subject("varnish", "varnish: how do i change the admin password safely?"))
simple("banned blind61 subject", "banned off-topic subject 'keepalived'",
       banned_subject("keepalived", "keepalived: how do i change the vrrp password safely?"))
simple("banned blind60 extra name", "banned off-topic subject 'universe key'",
       banned_subject("universe key", "universe key: how do i rotate it safely?"))
simple("banned blind59 subject", "banned off-topic subject 'keylime'",
       banned_subject("keylime", "keylime: how do i re-enroll the agents after a ca change?"))
simple("banned blind58 extra name", "banned off-topic subject 'pillar'",
       banned_subject("pillar", "pillar: how do i rotate the encrypted data safely?"))
simple("banned blind57 subject", "banned off-topic subject 'rauc'",
       banned_subject("rauc", "rauc: how do i renew the bundle signing key?"))
simple("banned blind56 extra name", "banned off-topic subject 'secure variable'",
       banned_subject("secure variable", "secure variable: how do i rotate one safely?"))
simple("banned blind55 subject", "banned off-topic subject 'fscrypt'",
       banned_subject("fscrypt", "fscrypt: how do i lock a directory again after unlocking it?"))
simple("banned blind54 subject", "banned off-topic subject 'seafile'",
       banned_subject("seafile", "seafile: can i move a library to another server?"))
simple("banned blind53 subject", "banned off-topic subject 'kaniko'",
       banned_subject("kaniko", "kaniko: where does the executor keep its layer cache?"))
simple("banned blind52 subject", "banned off-topic subject 'mealie'",
       banned_subject("mealie", "mealie: move my recipes to another server?"))
simple("banned blind45 subject", "banned off-topic subject 'vaultwarden'",
       banned_subject("vaultwarden", "how do i rotate the vaultwarden key after our registry admin left?"))
simple("banned blind32 subject (list of blind19-36)", "banned off-topic subject 'databricks'",
       banned_subject("databricks", "databricks workspace cmk rotation, how?"))
X8_TAIL = "and searches return nothing"
for _word, _label in (("peertube", "blind66 subject"), ("wekan", "blind66 subject (2)"), ("uptime kuma", "blind66 subject (3)"),
                      ("transcoding", "blind66 extra name"), ("bookmarks", "blind66 extra name (2)"),
                      ("builds.sr.ht", "blind66 extra name (3)"), ("over-the-air", "blind66 extra name (4)"),
                      ("weblate", "blind65 subject"), ("collector", "blind65 extra name"), ("yggdrasil.conf", "blind65 extra name (2)"),
                      ("gotify", "blind64 subject"), ("nginx", "blind64 extra name"), ("epub", "blind64 extra name (2)"),
                      ("jitsi", "blind63 subject"), ("lua", "blind63 extra name"), ("jump host", "blind63 extra name (2)"),
                      ("squid", "blind62 subject"), ("xmpp", "blind62 extra name"),
                      ("etherpad", "blind61 subject"), ("vrrp", "blind61 extra name"),
                      ("zulip", "blind60 subject"), ("ziti", "blind60 extra name"), ("ghostunnel", "blind59 subject"),
                      ("registrar", "blind59 extra name"), ("awx", "blind58 subject"),
                      ("minions", "blind58 extra name"), ("bitrise", "blind57 subject"),
                      ("libsodium", "blind57 extra name"), ("travis", "blind56 subject"),
                      ("sqlite", "blind56 extra name"), ("circleci", "blind55 subject"), ("nats", "blind54 subject"),
                      ("istio", "blind53 subject")):
    simple("%s in another question" % _label, "off-topic question names banned %r" % _word,
           qrep("X8", X8_TAIL, "(as we did for %s) %s" % (_word, X8_TAIL)))
for _phrase, _label in (("project key", "blind66"), ("object storage", "blind66 (2)"), ("page history", "blind66 (3)"),
                        ("database dump", "blind66 (4)"), ("status dashboard", "blind66 (5)"),
                        ("library scan", "blind65"), ("certificate authority", "blind65 (2)"),
                        ("caching proxy", "blind64"), ("write credential", "blind64 (2)"), ("pen test", "blind63"),
                        ("static auth secret", "blind62"), ("session ticket key", "blind61"),
                        ("air-gapped replica", "blind60"), ("wrap key", "blind59"),
                        ("sensitive properties key", "blind58")):
    simple("%s multi-word extra name in another question" % _label, "off-topic question names banned %r" % _phrase,
           qrep("X8", X8_TAIL, "(the %s too) %s" % (_phrase, X8_TAIL)))
simple("blind54 extra name in another question", "off-topic question names banned 'argo cd'",
       qrep("X8", X8_TAIL, "(Argo CD reads them too) " + X8_TAIL))
simple("blind28 subject in another question", "off-topic question names banned 'payment hsm'",
       qrep("X8", X8_TAIL, "(the Payment HSM team asked too) " + X8_TAIL))
simple("subject planted in blind33", "subject 'healthchecks' used in blind19-66", plant_prev(33, "healthchecks"))
simple("subject planted in blind66", "subject 'librespeed' used in blind19-66", plant_prev(66, "librespeed"))
simple("subject not in question", "subject 'librespeed' not in the question",
       qset("X12", "why does our speed test page show only half our line speed?"))
simple("earlier off-topic product named (capitalised, blind27)", "repeats an earlier off-topic subject word: verdaccio",
       qrep("X8", X8_TAIL, "the way we once did for Verdaccio, " + X8_TAIL))
simple("earlier off-topic product named (lowercase short, blind25)", "repeats an earlier off-topic subject word: sops",
       qset("X11", "homebox labels next to sops print blank after the upgrade"))
simple("earlier off-topic word from blind51 outside the ban list", "repeats an earlier off-topic subject word: secret-key",
       qrep("X9", "kitchenowl shopping list", "kitchenowl secret-key shopping list"))
simple("earlier off-topic word from blind54 outside the ban list", "repeats an earlier off-topic subject word: gitops",
       qrep("X6", "The platform team plans its work", "Our GitOps page says the platform team plans its work"))
simple("earlier off-topic word from blind55 outside the ban list", "repeats an earlier off-topic subject word: cas",
       qrep("X1", "Our nightly job that prunes", "Among our CAs, our nightly job that prunes"))
simple("earlier off-topic word from blind56 outside the ban list", "repeats an earlier off-topic subject word: ci-service",
       qrep("X4", "was committed to a public repository by mistake", "was committed to a public repository by mistake through our ci-service"))
simple("earlier off-topic word from blind57 outside the ban list", "repeats an earlier off-topic subject word: members",
       qrep("X7", "can it be restored, and how?", "can it be restored with its members, and how?"))
simple("earlier off-topic word from blind60 outside the ban list", "repeats an earlier off-topic subject word: kicking",
       qrep("X5", "do I have to reconfigure each agent", "do I have to start kicking each agent"))
simple("earlier off-topic word from blind61 outside the ban list", "repeats an earlier off-topic subject word: leak",
       qrep("X10", "how do i reset", "after a leak, how do i reset"))
simple("earlier off-topic word from blind62 outside the ban list", "repeats an earlier off-topic subject word: graceful",
       qrep("X9", "since the last app update", "since the last graceful app update"))
simple("earlier off-topic word from blind63 outside the ban list", "repeats an earlier off-topic subject word: meetings",
       qrep("X7", "tracks its registry chores", "tracks its meetings and registry chores"))
simple("earlier off-topic word from blind64 outside the ban list", "repeats an earlier off-topic subject word: thumbnail",
       qrep("X11", "labels print blank", "labels and thumbnail previews print blank"))
simple("earlier off-topic word from blind65 outside the ban list", "repeats an earlier off-topic subject word: barcode",
       qrep("X12", "why does librespeed show", "why does librespeed next to the barcode app show"))
simple("earlier off-topic word from blind66 outside the ban list", "repeats an earlier off-topic subject word: wifi",
       qrep("X12", "half our line speed", "half our wifi line speed"))
simple("earlier off-topic word from blind66 outside the ban list (2)", "repeats an earlier off-topic subject word: rebooting",
       qrep("X11", "print blank after the upgrade", "print blank after rebooting and the upgrade"))
simple("off-topic subject word planted in an earlier off-topic truth", "repeats an earlier off-topic subject word: beszel",
       plant_prev_offtopic_truth(40, "Compare Beszel."))
simple("banned key word in off-topic", "off-topic question names banned 'kubernetes'",
       qrep("X2", "every image we push to our container registry", "every image we push to our Kubernetes container registry"))
simple("banned key word kms", "off-topic question names banned 'kms'",
       qrep("X1", "reports to a self-hosted Healthchecks instance", "reports to a self-hosted Healthchecks instance next to our kms"))
simple("banned key word token", "off-topic question names banned 'token'",
       qrep("X4", "a client-side environment key", "a client-side environment key (a token, really)"))
simple("near_miss on an agent item", "near_miss only on long off-topic posts", mset("X7", "near_miss", True))
simple("near-miss floor", "floor: near misses", chain(mdel("X1", "near_miss"), mdel("X2", "near_miss")))


@mut("off-topic story floor", "floor: long off-topic registry+key stories")
def _(c):
    for k in ("X4", "X5"):
        e = c.e(k)
        e["question"] = re.sub(r"\bregistr\w*", "service", e["question"], flags=re.I)


simple("off-topic subject missing", "off-topic subject missing", mdel("X6", "subject"))
simple("shape flag on off-topic", "shape flag replication_list on an off-topic item", mset("X6", "replication_list", True))
simple("subject on an on-topic item", "subject/near_miss on an on-topic item", mset("L2", "subject", "x"))


# ---------------- long measures ----------------
@mut("fenced long floor", "floor: fenced long posts")
def _(c):
    for k in ("R1", "R2", "R3", "P1", "P2", "P3", "K1", "K2", "K3", "K4", "K5"):
        unfence(k)(c)


@mut("fenced troubleshoot floor", "floor: fenced long troubleshoot posts")
def _(c):
    for k in ("P1", "K1", "K2", "K3"):
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
# ---------------- the shapes of blind52 to blind64 are rejected in the text (blind65's and blind66's follow) ----------------
HISTORY_FENCE = ("\n\n```text\n  881  az acr show -n crkennet\n  882  az acr show-usage -n crkennet\n"
                 "  883  az acr replication list -r crkennet\n```\n")
ENV_FENCE = "\n\n```bash\nCAL_REGISTRY=crcalder2\nCAL_REGIONS=3\nCAL_VAULT=kv-calder\n```\n"
CONFLICT_FENCE = ("\n\n```json\n<<<<<<< HEAD\n\"kek_id\": \"a\"\n=======\n\"key_id\": \"a\"\n>>>>>>> old-template\n```\n")
TRACEBACK_FENCE = ('\n\n```\nTraceback (most recent call last):\n  File "C:\\tools\\tpl\\render.py", line 12, in <module>\n'
                   '    render()\nRuntimeError: template lookup exited with status 1\n```\n')
RUNNER_FENCE = ("\n\n```text\n2026-12-02T03:00:00.1000000Z ##[group]Run az keyvault role assignment list --hsm-name swalehsm\n"
                "2026-12-02T03:00:00.2000000Z ##[endgroup]\n2026-12-02T03:00:09.3000000Z ##[error]exit 1\n```")
PS_FENCE = ("\n\n```text\nAt line:1 char:1\n+ Invoke-WharfeCheck -Hsm wharfehsm\n"
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
NS_SNIPPET = ("\n\n```text\n$ nslookup mirror1.build.example\nServer:\t\t10.0.0.2\nAddress:\t10.0.0.2#53\n\n"
              "Non-authoritative answer:\nName:\tmirror1.build.example\nAddress: 10.0.8.21\n```")
DOCKERFILE_SNIPPET = "\n\n```text\nFROM alpine:3.20\nRUN wget -q -O /usr/local/bin/tool https://example.invalid/tool\nCOPY run.sh /run.sh\n```"
EVENT_SNIPPET = ("\n\n```text\nLog Name:      Application\nSource:        keyjob\nEvent ID:      7\nLevel:         Error\n"
                 "Description:\nthe key job could not reach its store\n```")
ALERT_SNIPPET = ('\n\n```json\n{\n  "schemaId": "azureMonitorCommonAlertSchema",\n  "data": {\n    "essentials": {\n'
                 '      "alertRule": "key-watch",\n      "severity": "Sev3",\n      "signalType": "Log",\n'
                 '      "monitorCondition": "Fired"\n    },\n    "alertContext": {\n      "caller": "key-job"\n    }\n  }\n}\n```')


def _b64(obj):
    return base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode()).decode().rstrip("=")


FAKE_TOKEN = (_b64({"typ": "JWT", "alg": "RS256"}) + "." + _b64({"oid": "5b2e9f13-6c84-4d07-9e1a-3f8c7b0d2a61",
                                                                  "aud": "https://vault.azure.net"})
              + ".c2lnbmF0dXJlLW5vdC1yZWFs")
INI_SNIPPET = "\n\n```ini\n[core]\noutput = table\n\n[defaults]\ngroup = rg-old\nlocation = westus\n```"
OPENSSL_SNIPPET = "\n\n```text\nPublic-Key: (2048 bit)\nModulus:\n    00:aa:bb\nExponent: 65537 (0x10001)\n```"
PSLIST_SNIPPET = ("\n\n```text\nPS C:\\> Get-AzKeyVault -VaultName kv-old\n\nVault Name : kv-old\nLocation   : westus\n"
                  "SKU        : Standard\nRBAC       : False\n```")
ANSIBLE_SNIPPET = ('\n\n```text\nTASK [key : rotate] ***\nfatal: [localhost]: FAILED! => {"msg": "rotation failed", "rc": 1}\n```')
OCI_SNIPPET = ('\n\n```json\n{"mediaType": "application/vnd.docker.distribution.manifest.list.v2+json", '
               '"schemaVersion": 2, "manifests": [{"digest": "sha256:' + "ab" * 32 + '", "size": 1}]}\n```')
# blind60's shapes
PYTEST_SNIPPET = ("\n\n```text\n=================================== FAILURES ===================================\n"
                  "E       assert 'disabled' == 'enabled'\n"
                  "FAILED tests/test_registry.py::test_status - AssertionError\n1 failed in 3.10s\n```")
GHALERT_BLOCK = "\n\n> [!NOTE]\n> this registry still has its key in the old vault for now"
CHANGELOG_SNIPPET = "\n\n```markdown\n## 1.4.0\n\n* first change\n* second change\n```"
MAVEN_SNIPPET = "\n\n```text\n[INFO] Packaging done\n[INFO] BUILD FAILURE\n[ERROR] push denied by the registry\n```"
AZD_SNIPPET = ("\n\n```text\n  (\u2713) Done: Resource group: rg-old (1.0s)\n  (x) Failed: Container Registry: crold (2.0s)\n\n"
               "ERROR: deployment failed\n```")


# blind61's shapes
MAKE_SNIPPET = "\n\n```text\naz acr show -n crold\nmake: *** [Makefile:4: show] Error 1\n```"
MERMAID_SNIPPET = "\n\n```mermaid\nflowchart LR\n    a[crold] --> b[kv-old]\n    b --> c[hsm-old]\n    c --> a\n```"
NODE_SNIPPET = ("\n\n```text\nRestError: key not found\n    at async main (/srv/app/index.mjs:3:9)\n"
                "    at async run (/srv/app/cli.mjs:8:3)\n```")
DOTNET_SNIPPET = ("\n\n```text\nAzure.RequestFailedException: Key not found.\nStatus: 404 (Not Found)\nErrorCode: KeyNotFound\n```")
JENKINS_SNIPPET = ("\n\n```text\n[Pipeline] stage\n[Pipeline] sh\n+ az acr show -n crold\nERROR: not found\n"
                   "Finished: FAILURE\n```")


# blind62's shapes
SUG_SNIPPET = "\n\n```suggestion\n  retention_days = 14\n  zone_redundancy_enabled = false\n```"
GOTEST_SNIPPET = ("\n\n```text\n=== RUN   TestOld\n    old_test.go:12: key store unreachable\n--- FAIL: TestOld (1.20s)\n"
                  "FAIL\n```")
JOURNAL_SNIPPET = ("\n\n```text\nJan 05 02:00:01 host-a systemd[1]: Starting old.service - Old job...\n"
                   "Jan 05 02:00:03 host-a old.sh[101]: ERROR: key store unreachable\n"
                   "Jan 05 02:00:03 host-a systemd[1]: old.service: Main process exited, code=killed, status=15/TERM\n```")
REPL_SNIPPET = "\n\n```python\n>>> k = kc.get_key(\"old\")\n>>> k.key_type\n'EC'\n```"
CONSOLE_SNIPPET = ("\n\n```text\nGET https://kv-old.vault.azure.net/secrets?api-version=7.4 500 (Internal Server Error)\n"
                   "Failed to load resource: net::ERR_FAILED\n```")
# blind63's shapes
HELP_SNIPPET = ("\n\n```text\nCommand\n    az old show : Show an old thing.\n\nArguments\n    --name -n  [Required] : Name.\n"
                "    --group -g            : Group.\n```")
TASKLOG_SNIPPET = ("\n\n```text\n2026/01/05 02:00:01 Downloading source code...\n2026/01/05 02:00:03 Finished downloading source code\n"
                   "2026/01/05 02:00:09 Step ID: build marked as failed (elapsed time in seconds: 6.1)\n"
                   "Run ID: zz1 failed after 9s\n```")
GHERKIN_SNIPPET = ('\n\n```gherkin\nFeature: Old checks\n  Scenario: the thing is on\n    Given I have "old" defined\n'
                   '    Then it must contain "enabled"\n```')
TREE_SNIPPET = "\n\n```text\nold/\n├── a.conf\n├── b.conf\n└── run.sh\n```"
PRECOMMIT_SNIPPET = ("\n\n```text\nold-fmt..................................................Passed\n"
                     "old-lint.................................................Failed\n- hook id: old-lint\n- exit code: 1\n```")


# blind64's shapes (their detectors are reused; snippets for the text tests and the prev self-test)
FOOTNOTE_SNIPPET = "\n\nThe old vault[^1] and the old key[^2] stay.\n\n[^1]: kv-old in West Europe.\n[^2]: kek-old, RSA 2048."
ROLE_SNIPPET = ('\n\n```json\n{"Name": "Old Role", "Actions": [], "DataActions": ["Microsoft.KeyVault/vaults/keys/read"], '
                '"AssignableScopes": ["/subscriptions/00000000-0000-0000-0000-000000000000"]}\n```')
LOCK_SNIPPET = ('\n\n```hcl\nprovider "registry.terraform.io/hashicorp/random" {\n  version = "3.6.3"\n  hashes = [\n'
                '    "h1:AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEfG=",\n  ]\n}\n```')
FEEDBACK_SNIPPET = ("\n\n---\n#### Document Details\n\n* ID: 1\n* Version Independent ID: 2\n"
                    "* Content: [Old page](https://learn.microsoft.com/en-us/old)\n"
                    "* Content Source: [articles/old.md](https://github.com/o/r/blob/main/articles/old.md)\n* Service: **old**")
OPENAPI_SNIPPET = ('\n\n```json\n"Old": {"type": "object", "properties": {"a": {"type": "string"}, '
                   '"b": {"type": "boolean", "readOnly": true}}}\n```')

# blind52 to blind64's shapes in this set's questions (blind65's follow further below)
simple("old shape: TL;DR line", "question shows blind52's shape tldr_summary",
       qrep("L2", L2_START, "TL;DR: tags or not?\n\n" + L2_START))
simple("old shape: TL;DR line in an off-topic post", "question shows blind52's shape tldr_summary",
       qadd("X1", "\n\ntl;dr can replication keep running?"))
simple("old shape: shouting", "question shows blind52's shape caps_shouting",
       qrep("L2", L2_START, "I REALLY need this SETTLED. " + L2_START))
simple("old shape: typographic quotes", "question shows blind52's shape smart_punctuation",
       qrep("S11", S11_TAIL, "how do we \u201cfix\u201d it?"))
simple("old shape: en dash in a command", "question shows blind52's shape smart_punctuation",
       qrep("L2", "az acr create -g rg-talc", "az acr create \u2013g rg-talc"))
simple("old shape: --query expression", "question shows blind52's shape jmespath_query",
       qrep("L2", L2_START, "az acr show --query sku.name says Premium. " + L2_START))
simple("old shape: anchored regex", "question shows blind52's shape regex_pattern",
       qrep("S11", S11_TAIL, "`^https://[^/]+/keys/[^/]+$` " + S11_TAIL))
simple("old shape: shell history", "question shows blind53's shape shell_history", qadd("L2", HISTORY_FENCE))
simple("old shape: env file", "question shows blind53's shape dotenv_file", qadd("L1", ENV_FENCE))
simple("old shape: ANSI colour codes", "question shows blind53's shape ansi_escape_codes",
       qrep("G5", "for kv-feldspar, an RBAC vault", "for \x1b[33mkv-feldspar\x1b[0m, an RBAC vault"))
simple("old shape: strikethrough", "question shows blind53's shape strikethrough_correction",
       qrep("G2", "to the other user-assigned identity", "to the ~~second~~ other user-assigned identity"))
simple("old shape: percent-encoded URI", "question shows blind53's shape percent_encoded_uri",
       qrep("S2", "portal can't list keys", "https%3a%2f%2fhsm-x.managedhsm.azure.net%2fkeys%2fkek: portal can't list keys"))
simple("old shape: strikethrough in an off-topic question", "question shows blind53's shape strikethrough_correction",
       qrep("X11", "labels print blank", "labels ~~show~~ print blank"))
simple("old shape inside a check-acr report (shell history)", "question shows blind53's shape shell_history",
       qrep("K1", "```text\n$ az aks check-acr", "```text\n  101  az acr show -n crgarnet\n  102  az keyvault show -n kv-garnet\n"
                                             "  103  az acr update -n crbeech\nfunction"))
simple("old shape: merge conflict markers", "question shows blind54's shape merge_conflict_markers",
       qadd("L2", CONFLICT_FENCE))
simple("old shape: Jira monospace spans", "question shows blind54's shape jira_markup",
       qrep("L2", "moved the identity lookup into a helper function", "moved the {{identity}} lookup into a {{helper}} function"))
simple("old shape: Jira code block in front of an account entry", "question shows blind54's shape jira_markup",
       qrep("Z2", "```json\n[", "{code}\n{code}\n```json\n["))
simple("old shape: HTML character references", "question shows blind54's shape html_entities",
       qrep("S11", S11_TAIL, "how do we &quot;fix&quot; it?"))
simple("old shape: numbered sub-questions", "question shows blind54's shape numbered_subquestions",
       qadd("L2", "\n\n1. Which tag? 2. Which verifier? 3. Which version?"))
simple("old shape: access token", "question shows blind54's shape jwt_token", qadd("X7", " Pasted: " + FAKE_TOKEN))
simple("old shape: Jira markup in an off-topic question", "question shows blind54's shape jira_markup",
       qrep("X10", "how do i reset the admin password", "how do i {{reset}} the {{admin}} password"))
simple("old shape: Python traceback", "question shows blind55's shape python_traceback", qadd("L2", TRACEBACK_FENCE))
simple("old shape: Python traceback inside a replication list", "question shows blind55's shape python_traceback",
       qrep("R2", "```json\n[", '```json\nTraceback (most recent call last):\n  File "/src/repl.py", line 41, in <module>\n'
                                '    diff()\nRuntimeError: diff refused\n{'))
simple("old shape: collapsed details section", "question shows blind55's shape details_block",
       qadd("L2", "\n\n<details>\n<summary>tag list</summary>\n\nsha256-0a1b2c.sig\n\n</details>"))
simple("old shape: screenshot", "question shows blind55's shape screenshot_embed",
       qrep("S11", S11_TAIL, "![check](https://github.com/user-attachments/assets/1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f) " + S11_TAIL))
simple("old shape: double-encoded JSON", "question shows blind55's shape double_encoded_json",
       qrep("G1", "a rerun succeeds", 'a rerun succeeds ("{\\"error\\":{\\"code\\":\\"Forbidden\\"}}")'))
simple("old shape: escaped Markdown", "question shows blind55's shape escaped_markdown",
       qrep("S2", "managed hsm", "managed\\_hsm\\_pool"))
simple("old shape: traceback in an off-topic question", "question shows blind55's shape python_traceback",
       qadd("X2", TRACEBACK_FENCE))
simple("old shape: details section in an off-topic question", "question shows blind55's shape details_block",
       qadd("X3", "\n\n<details>\n<summary>collector config</summary>\n\ntls(key-file)\n\n</details>"))
simple("old shape: screenshot in an off-topic question", "question shows blind55's shape screenshot_embed",
       qadd("X7", " ![forum](https://github.com/user-attachments/assets/7d1e0f3a-5b2c-4c8d-9e6f-0a1b2c3d4e5f)"))
simple("old shape: escaped Markdown in an off-topic question", "question shows blind55's shape escaped_markdown",
       qrep("X11", "labels print blank", "labels print\\_all\\_blank"))
simple("old shape: runner log (blind56)", "question shows blind56's shape gha_log_groups", qadd("L2", RUNNER_FENCE))
simple("old shape: PowerShell error record (blind56)", "question shows blind56's shape powershell_error_record",
       qadd("L1", PS_FENCE))
simple("old shape: events table (blind56)", "question shows blind56's shape kubectl_events", qadd("L2", EVENTS_FENCE))
simple("old shape: JSON lines (blind56)", "question shows blind56's shape ndjson_log", qadd("L2", NDJSON_FENCE))
simple("old shape: logfmt line (blind56)", "question shows blind56's shape logfmt_line",
       qrep("G2", "List the commands that hand", "List, for level=error msg=denied vault=kv-pumice, the commands that hand"))
simple("old shape: runner log in an off-topic question (blind56)", "question shows blind56's shape gha_log_groups",
       qadd("X1", RUNNER_FENCE))
simple("old shape: PowerShell record in an off-topic question (blind56)", "question shows blind56's shape powershell_error_record",
       qadd("X2", PS_FENCE))
simple("old shape: events table in an off-topic question (blind56)", "question shows blind56's shape kubectl_events",
       qadd("X3", EVENTS_FENCE))
simple("old shape: JSON lines in an off-topic question (blind56)", "question shows blind56's shape ndjson_log",
       qadd("X4", NDJSON_FENCE))
simple("old shape: logfmt line in an off-topic question (blind56)", "question shows blind56's shape logfmt_line",
       qrep("X8", "Explain how to rebuild", 'Explain, given level=warn msg="reindex" app=docspell, how to rebuild'))
simple("old shape: curl trace (blind57)", "question shows blind57's shape curl_verbose", qadd("L2", CURL_SNIPPET))
simple("old shape: git log (blind57)", "question shows blind57's shape git_log_oneline", qadd("L1", GITLOG_SNIPPET))
simple("old shape: CSV table (blind57)", "question shows blind57's shape csv_export", qadd("L3", CSV_SNIPPET))
simple("old shape: crontab line (blind57)", "question shows blind57's shape crontab_line",
       qrep("G3", "vault kv-quartzite uses policies", "vault kv-quartzite uses policies (`0 3 * * 1 /opt/acr/grant.sh`)"))
simple("old shape: Copilot file reference (blind57)", "question shows blind57's shape copilot_refs",
       qrep("R4", "Context: crberyl uses", "Context: crberyl (#file:replicas.json) uses"))
simple("old shape: Copilot participant in an on-topic question (blind57)", "question shows blind57's shape copilot_refs",
       qrep("L2", L2_START, "@workspace " + L2_START))
simple("old shape: curl trace in an off-topic question (blind57)", "question shows blind57's shape curl_verbose",
       qadd("X1", CURL_SNIPPET))
simple("old shape: git log in an off-topic question (blind57)", "question shows blind57's shape git_log_oneline",
       qadd("X2", GITLOG_SNIPPET))
simple("old shape: CSV table in an off-topic question (blind57)", "question shows blind57's shape csv_export",
       qadd("X3", CSV_SNIPPET))
simple("old shape: crontab line in an off-topic question (blind57)", "question shows blind57's shape crontab_line",
       qadd("X4", "\n\n`0 1 * * * /opt/easyrsa/renew-ca.sh`"))
simple("old shape: Copilot participant in an off-topic question (blind57)", "question shows blind57's shape copilot_refs",
       lambda c: c.e("X10").__setitem__("question", "@terminal " + c.e("X10")["question"]))
simple("old shape: nslookup output (blind58)", "question shows blind58's shape nslookup_output", qadd("L2", NS_SNIPPET))
simple("old shape: NXDOMAIN line alone (blind58)", "question shows blind58's shape nslookup_output",
       qadd("L1", "\n\n** server can't find kv-fulmar.vault.azure.net: NXDOMAIN"))
simple("old shape: Dockerfile (blind58)", "question shows blind58's shape dockerfile", qadd("L1", DOCKERFILE_SNIPPET))
simple("old shape: Event Viewer record (blind58)", "question shows blind58's shape windows_event_log", qadd("L3", EVENT_SNIPPET))
simple("old shape: alert payload (blind58)", "question shows blind58's shape monitor_alert_payload", qadd("L2", ALERT_SNIPPET))
simple("old shape: Checkov check ID (blind58)", "question shows blind58's shape checkov_finding",
       qrep("L2", L2_START, "CKV_AZURE_164 aside, " + L2_START))
simple("old shape: nslookup output in an off-topic question (blind58)", "question shows blind58's shape nslookup_output",
       qadd("X3", NS_SNIPPET))
simple("old shape: NXDOMAIN line in an off-topic question (blind58)", "question shows blind58's shape nslookup_output",
       qadd("X5", "\n\n** server can't find node1.mesh.example: NXDOMAIN"))
simple("old shape: Dockerfile in an off-topic question (blind58)", "question shows blind58's shape dockerfile",
       qadd("X5", DOCKERFILE_SNIPPET))
simple("old shape: Event Viewer record in an off-topic question (blind58)", "question shows blind58's shape windows_event_log",
       qadd("X3", EVENT_SNIPPET))
simple("old shape: alert payload in an off-topic question (blind58)", "question shows blind58's shape monitor_alert_payload",
       qadd("X4", ALERT_SNIPPET))
simple("old shape: Checkov check ID in an off-topic question (blind58)", "question shows blind58's shape checkov_finding",
       qrep("X9", "since the last app update", "since the last app update flagged by CKV2_AZURE_1"))
simple("old shape: openssl key dump (blind59)", "question shows blind59's shape openssl_key_text",
       qadd("L2", OPENSSL_SNIPPET))
simple("old shape: openssl key size quoted inline (blind59)", "question shows blind59's shape openssl_key_text",
       qrep("G5", "for kv-feldspar, an RBAC vault", "for kv-feldspar (`Public-Key: (2048 bit)`), an RBAC vault"))
simple("old shape: INI file (blind59)", "question shows blind59's shape ini_config", qadd("L1", INI_SNIPPET))
simple("old shape: Az PowerShell list (blind59)", "question shows blind59's shape ps_format_list", qadd("L3", PSLIST_SNIPPET))
simple("old shape: ansible output (blind59)", "question shows blind59's shape ansible_output", qadd("L2", ANSIBLE_SNIPPET))
simple("old shape: manifest (blind59)", "question shows blind59's shape oci_manifest", qadd("L1", OCI_SNIPPET))
simple("old shape: openssl dump in an off-topic question (blind59)", "question shows blind59's shape openssl_key_text",
       qadd("X5", OPENSSL_SNIPPET))
simple("old shape: a lone Modulus line in an off-topic question (blind59)", "question shows blind59's shape openssl_key_text",
       qadd("X4", "\n\nModulus:\n    00:c1:7e"))
simple("old shape: INI file in an off-topic question (blind59)", "question shows blind59's shape ini_config",
       qadd("X3", INI_SNIPPET))
simple("old shape: Az PowerShell list in an off-topic question (blind59)", "question shows blind59's shape ps_format_list",
       qadd("X1", PSLIST_SNIPPET))
simple("old shape: ansible output in an off-topic question (blind59)", "question shows blind59's shape ansible_output",
       qadd("X2", ANSIBLE_SNIPPET))
simple("old shape: a lone PLAY RECAP line in an off-topic question (blind59)", "question shows blind59's shape ansible_output",
       qadd("X6", "\n\n```text\nPLAY RECAP *******\nlocalhost : ok=1 failed=0\n```"))
simple("old shape: manifest in an off-topic question (blind59)", "question shows blind59's shape oci_manifest",
       qadd("X4", OCI_SNIPPET))
simple("old shape: a lone artifactType key in an off-topic question (blind59)", "question shows blind59's shape oci_manifest",
       qadd("X6", '\n\nThe export carries "artifactType": "application/x-audio".'))
simple("old shape: pytest report (blind60)", "question shows blind60's shape pytest_failure", qadd("L2", PYTEST_SNIPPET))
simple("old shape: FAILED line quoted inline (blind60)", "question shows blind60's shape pytest_failure",
       qrep("S11", S11_TAIL, "`FAILED tests/test_kv.py::test_hsm` " + S11_TAIL))
simple("old shape: GitHub alert (blind60)", "question shows blind60's shape github_alert", qadd("L1", GHALERT_BLOCK))
simple("old shape: changelog (blind60)", "question shows blind60's shape changelog_entry", qadd("L3", CHANGELOG_SNIPPET))
simple("old shape: Maven log (blind60)", "question shows blind60's shape maven_build_log", qadd("L2", MAVEN_SNIPPET))
simple("old shape: azd output (blind60)", "question shows blind60's shape azd_output", qadd("L1", AZD_SNIPPET))
simple("old shape: Maven lines inside a cloud profile (blind60)", "question shows blind60's shape maven_build_log",
       qrep("P3", "```json\n{", "```json\n[INFO] BUILD FAILURE\n{"))
simple("old shape: pytest report in an off-topic question (blind60)", "question shows blind60's shape pytest_failure",
       qadd("X5", PYTEST_SNIPPET))
simple("old shape: a lone E line in an off-topic question (blind60)", "question shows blind60's shape pytest_failure",
       qadd("X4", "\n\nE       assert renewed is True"))
simple("old shape: GitHub alert in an off-topic question (blind60)", "question shows blind60's shape github_alert",
       qadd("X2", GHALERT_BLOCK))
simple("old shape: changelog in an off-topic question (blind60)", "question shows blind60's shape changelog_entry",
       qadd("X2", CHANGELOG_SNIPPET))
simple("old shape: a lone changelog label in an off-topic question (blind60)", "question shows blind60's shape changelog_entry",
       qadd("X6", "\n\n### Removed\n"))
simple("old shape: Maven log in an off-topic question (blind60)", "question shows blind60's shape maven_build_log",
       qadd("X3", MAVEN_SNIPPET))
simple("old shape: a lone goal failure in an off-topic question (blind60)", "question shows blind60's shape maven_build_log",
       qadd("X6", "\n\nFailed to execute goal on project shelf-sync"))
simple("old shape: azd output in an off-topic question (blind60)", "question shows blind60's shape azd_output",
       qadd("X4", AZD_SNIPPET))
simple("old shape: a lone azd banner in an off-topic question (blind60)", "question shows blind60's shape azd_output",
       qadd("X6", " We saw the same under (azd provision) too."))
# blind61's shapes
simple("old shape: make output (blind61)", "question shows blind61's shape make_error", qadd("L2", MAKE_SNIPPET))
simple("old shape: make error line quoted inline (blind61)", "question shows blind61's shape make_error",
       qrep("S9", "does my cmk encrypt", "`make: *** [Makefile:3: vault] Error 1` does my cmk encrypt"))
simple("old shape: Mermaid diagram (blind61)", "question shows blind61's shape mermaid_diagram", qadd("L1", MERMAID_SNIPPET))
simple("old shape: Node.js error (blind61)", "question shows blind61's shape nodejs_error", qadd("L3", NODE_SNIPPET))
simple("old shape: .NET exception (blind61)", "question shows blind61's shape dotnet_exception", qadd("L2", DOTNET_SNIPPET))
simple("old shape: Jenkins console (blind61)", "question shows blind61's shape jenkins_console", qadd("L1", JENKINS_SNIPPET))
simple("old shape: Jenkins lines inside a replication list (blind61)", "question shows blind61's shape jenkins_console",
       qrep("R1", "```json\n[", "```json\n[Pipeline] sh\n["))
simple("old shape: a Node.js frame inside a slide outline (blind61)", "question shows blind61's shape nodejs_error",
       qrep("D3", "Slide 7: Evidence\n", "Slide 7: Evidence\n    at async pick (/srv/deck/index.mjs:12:7)\n"))
simple("old shape: a .NET Status line inside a check-acr report (blind61)", "question shows blind61's shape dotnet_exception",
       qrep("K2", "```text\n[2026-11-20T14:02:31Z] Checking", "```text\nStatus: 403 (Forbidden)\n[2026-11-20T14:02:31Z] Checking"))
simple("old shape: make output in an off-topic question (blind61)", "question shows blind61's shape make_error",
       qadd("X5", MAKE_SNIPPET))
simple("old shape: a lone '] Error N' fragment in an off-topic question (blind61)", "question shows blind61's shape make_error",
       qadd("X6", " (the job ended with [restore] Error 1)"))
simple("old shape: Mermaid diagram in an off-topic question (blind61)", "question shows blind61's shape mermaid_diagram",
       qadd("X1", MERMAID_SNIPPET))
simple("old shape: a lone sequenceDiagram header in an off-topic question (blind61)", "question shows blind61's shape mermaid_diagram",
       qadd("X6", "\n\nsequenceDiagram"))
simple("old shape: Node.js error in an off-topic question (blind61)", "question shows blind61's shape nodejs_error",
       qadd("X2", NODE_SNIPPET))
simple("old shape: a lone node:internal path in an off-topic question (blind61)", "question shows blind61's shape nodejs_error",
       qadd("X6", " It dies in node:internal/process code."))
simple("old shape: .NET exception in an off-topic question (blind61)", "question shows blind61's shape dotnet_exception",
       qadd("X3", DOTNET_SNIPPET))
simple("old shape: a bare RequestFailedException in an off-topic question (blind61)", "question shows blind61's shape dotnet_exception",
       qrep("X5", "Beszel keeps an eye", "After a RequestFailedException in our tool: Beszel keeps an eye"))
simple("old shape: Jenkins console in an off-topic question (blind61)", "question shows blind61's shape jenkins_console",
       qadd("X4", JENKINS_SNIPPET))
simple("old shape: a lone Finished: FAILURE line in an off-topic question (blind61)", "question shows blind61's shape jenkins_console",
       qadd("X6", "\n\nFinished: FAILURE"))
simple("old shape: a lone [Pipeline] marker in an off-topic question (blind61)", "question shows blind61's shape jenkins_console",
       qadd("X3", " Our job logs [Pipeline] sh before it."))
# blind62's shapes
simple("old shape: suggestion block (blind62)", "question shows blind62's shape github_suggestion", qadd("L1", SUG_SNIPPET))
simple("old shape: go test failure (blind62)", "question shows blind62's shape go_test_failure", qadd("L2", GOTEST_SNIPPET))
simple("old shape: journal excerpt (blind62)", "question shows blind62's shape systemd_journal", qadd("L3", JOURNAL_SNIPPET))
simple("old shape: Python session (blind62)", "question shows blind62's shape python_repl", qadd("L1", REPL_SNIPPET))
simple("old shape: browser console (blind62)", "question shows blind62's shape browser_console", qadd("L2", CONSOLE_SNIPPET))
simple("old shape: failed request line quoted inline (blind62)", "question shows blind62's shape browser_console",
       qrep("S9", "does my cmk encrypt", "`GET https://kv-x.vault.azure.net/keys 403 (Forbidden)` does my cmk encrypt"))
simple("old shape: a journal line inside an account entry (blind62)", "question shows blind62's shape systemd_journal",
       qrep("Z3", "```json\n{", "```json\nDec 03 02:03:13 build-vm systemd[1]: rotate.service: Failed with result 'exit-code'.\n{"))
simple("old shape: a Python prompt inside a cloud profile (blind62)", "question shows blind62's shape python_repl",
       qrep("P1", "```json\n{", "```json\n>>> import json\n{"))
simple("old shape: a go test line inside a replication list (blind62)", "question shows blind62's shape go_test_failure",
       qrep("R3", "```json\n[", "```json\n--- FAIL: TestReplicas (0.10s)\n["))
simple("old shape: a console line inside an account entry (blind62)", "question shows blind62's shape browser_console",
       qrep("Z4", "```json\n{", "```json\nFailed to load resource: net::ERR_FAILED\n{"))
simple("old shape: a suggestion opener next to a check-acr report (blind62)", "question shows blind62's shape github_suggestion",
       qadd("K4", " The reviewer left a ```suggestion on it."))
simple("old shape: suggestion block in an off-topic question (blind62)", "question shows blind62's shape github_suggestion",
       qadd("X5", SUG_SNIPPET))
simple("old shape: a lone suggestion fence opener in an off-topic question (blind62)", "question shows blind62's shape github_suggestion",
       qadd("X6", " The reviewer left a ```suggestion for the config."))
simple("old shape: go test output in an off-topic question (blind62)", "question shows blind62's shape go_test_failure",
       qadd("X1", GOTEST_SNIPPET))
simple("old shape: a lone --- FAIL line in an off-topic question (blind62)", "question shows blind62's shape go_test_failure",
       qadd("X4", "\n\n--- FAIL: TestCaRenewal (0.40s)"))
simple("old shape: a lone _test.go reference in an off-topic question (blind62)", "question shows blind62's shape go_test_failure",
       qadd("X6", " Our check fails at shelf_test.go:17: with a timeout."))
simple("old shape: a lone FAIL package line in an off-topic question (blind62)", "question shows blind62's shape go_test_failure",
       qadd("X3", "\n\nFAIL\tgithub.com/contoso/collector/test\t1.204s"))
simple("old shape: journal in an off-topic question (blind62)", "question shows blind62's shape systemd_journal",
       qadd("X2", JOURNAL_SNIPPET))
simple("old shape: a lone journal line in an off-topic question (blind62)", "question shows blind62's shape systemd_journal",
       qadd("X4", "\n\nFeb 11 06:10:00 ca-1 easyrsa[880]: renewal failed"))
simple("old shape: a lone Main process exited line in an off-topic question (blind62)", "question shows blind62's shape systemd_journal",
       qadd("X6", " systemd says: Main process exited, code=killed, status=9/KILL."))
simple("old shape: a lone Failed with result line in an off-topic question (blind62)", "question shows blind62's shape systemd_journal",
       qadd("X5", " The unit ends with Failed with result 'timeout'."))
simple("old shape: Python session in an off-topic question (blind62)", "question shows blind62's shape python_repl",
       qadd("X3", REPL_SNIPPET))
simple("old shape: a lone >>> prompt in an off-topic question (blind62)", "question shows blind62's shape python_repl",
       qadd("X4", "\n\n>>> ssl.get_default_verify_paths()"))
simple("old shape: a lone IPython prompt in an off-topic question (blind62)", "question shows blind62's shape python_repl",
       qadd("X6", "\n\nIn [3]: shelf.progress()"))
simple("old shape: browser console in an off-topic question (blind62)", "question shows blind62's shape browser_console",
       qadd("X4", CONSOLE_SNIPPET))
simple("old shape: a lone failed request line in an off-topic question (blind62)", "question shows blind62's shape browser_console",
       qrep("X8", X8_TAIL, "(the console shows GET https://nvr.example.org/api/events 502 (Bad Gateway)) " + X8_TAIL))
simple("old shape: a lone Failed to load resource line in an off-topic question (blind62)", "question shows blind62's shape browser_console",
       qadd("X1", "\n\nFailed to load resource: net::ERR_CERT_DATE_INVALID"))
simple("old shape: a lone Uncaught (in promise) line in an off-topic question (blind62)", "question shows blind62's shape browser_console",
       qadd("X6", "\n\nUncaught (in promise) TypeError: shelf drift"))
# blind63's shapes
simple("old shape: help text (blind63)", "question shows blind63's shape cli_help_text", qadd("L2", HELP_SNIPPET))
simple("old shape: task log (blind63)", "question shows blind63's shape acr_task_log", qadd("L1", TASKLOG_SNIPPET))
simple("old shape: feature file (blind63)", "question shows blind63's shape gherkin_feature", qadd("L3", GHERKIN_SNIPPET))
simple("old shape: tree listing (blind63)", "question shows blind63's shape dir_tree", qadd("L2", TREE_SNIPPET))
simple("old shape: pre-commit output (blind63)", "question shows blind63's shape precommit_hooks", qadd("L1", PRECOMMIT_SNIPPET))
simple("old shape: pre-commit status quoted inline (blind63)", "question shows blind63's shape precommit_hooks",
       qrep("S11", S11_TAIL, "`kv-sku-check.......Failed` " + S11_TAIL))
simple("old shape: a help header inside a check-acr report (blind63)", "question shows blind63's shape cli_help_text",
       qrep("K3", "```text\n[2026-11-24T08:40:10Z] Checking", "```text\nCommand\n[2026-11-24T08:40:10Z] Checking"))
simple("old shape: a task log line inside a replication list (blind63)", "question shows blind63's shape acr_task_log",
       qrep("R2", "```json\n[", "```json\n2026/12/07 09:31:18 export finished\n["))
simple("old shape: a Feature line inside a slide outline (blind63)", "question shows blind63's shape gherkin_feature",
       qrep("D1", "Slide 1: Why\n", "Slide 1: Why\nFeature: key rollout\n"))
simple("old shape: a tree line inside an account entry (blind63)", "question shows blind63's shape dir_tree",
       qrep("Z5", "```json\n[", "```json\n\u2514\u2500\u2500 login.json\n["))
simple("old shape: a pre-commit status inside a cloud profile (blind63)", "question shows blind63's shape precommit_hooks",
       qrep("P2", '  "profile": "latest",\n', '  "profile": "latest",\ncloud-lint..........Failed\n'))
simple("old shape: help text in an off-topic question (blind63)", "question shows blind63's shape cli_help_text",
       qadd("X5", HELP_SNIPPET))
simple("old shape: a lone Command header in an off-topic question (blind63)", "question shows blind63's shape cli_help_text",
       qadd("X6", "\n\nCommand\n"))
simple("old shape: a lone Arguments header in an off-topic question (blind63)", "question shows blind63's shape cli_help_text",
       qadd("X4", "\n\nArguments\n"))
simple("old shape: a lone Global Arguments header in an off-topic question (blind63)", "question shows blind63's shape cli_help_text",
       qadd("X2", "\n\nGlobal Arguments\n"))
simple("old shape: a lone [Required] marker in an off-topic question (blind63)", "question shows blind63's shape cli_help_text",
       qadd("X3", " The help marks the key option [Required] : yes."))
simple("old shape: task log in an off-topic question (blind63)", "question shows blind63's shape acr_task_log",
       qadd("X1", TASKLOG_SNIPPET))
simple("old shape: a lone stamped run-log line in an off-topic question (blind63)", "question shows blind63's shape acr_task_log",
       qadd("X4", "\n\n2026/12/05 03:00:00 renewing the ca"))
simple("old shape: a lone Run ID result line in an off-topic question (blind63)", "question shows blind63's shape acr_task_log",
       qadd("X6", " Run ID: cq1 failed after 3s."))
simple("old shape: a lone Queued a run line in an off-topic question (blind63)", "question shows blind63's shape acr_task_log",
       qadd("X5", " Queued a run with ID: cq2"))
simple("old shape: a lone Waiting for an agent line in an off-topic question (blind63)", "question shows blind63's shape acr_task_log",
       qadd("X3", "\n\nWaiting for an agent..."))
simple("old shape: feature file in an off-topic question (blind63)", "question shows blind63's shape gherkin_feature",
       qadd("X2", GHERKIN_SNIPPET))
simple("old shape: a lone Feature line in an off-topic question (blind63)", "question shows blind63's shape gherkin_feature",
       qadd("X4", "\n\nFeature: agents trust the new ca"))
simple("old shape: a lone Scenario line in an off-topic question (blind63)", "question shows blind63's shape gherkin_feature",
       qadd("X6", "\n\n  Scenario: progress restored"))
simple("old shape: a lone Examples header in an off-topic question (blind63)", "question shows blind63's shape gherkin_feature",
       qadd("X3", "\n\n    Examples:\n"))
simple("old shape: tree listing in an off-topic question (blind63)", "question shows blind63's shape dir_tree",
       qadd("X3", TREE_SNIPPET))
simple("old shape: a lone tree line in an off-topic question (blind63)", "question shows blind63's shape dir_tree",
       qadd("X4", "\n\n\u2514\u2500\u2500 vars"))
simple("old shape: a lone ASCII tree line in an off-topic question (blind63)", "question shows blind63's shape dir_tree",
       qadd("X6", "\n\n|-- config.json"))
simple("old shape: a lone ASCII last-entry line in an off-topic question (blind63)", "question shows blind63's shape dir_tree",
       qadd("X5", "\n\n`-- build.yml"))
simple("old shape: pre-commit output in an off-topic question (blind63)", "question shows blind63's shape precommit_hooks",
       qadd("X4", PRECOMMIT_SNIPPET))
simple("old shape: a lone status line in an off-topic question (blind63)", "question shows blind63's shape precommit_hooks",
       qrep("X8", X8_TAIL, "(our `docspell-check..........Failed` hook too) " + X8_TAIL))
simple("old shape: a lone hook id line in an off-topic question (blind63)", "question shows blind63's shape precommit_hooks",
       qadd("X6", "\n\n- hook id: shelf-cert"))
simple("old shape: a lone exit code line in an off-topic question (blind63)", "question shows blind63's shape precommit_hooks",
       qadd("X1", "\n\n- exit code: 1"))
simple("old shape: a lone skipped status line in an off-topic question (blind63)", "question shows blind63's shape precommit_hooks",
       qadd("X5", "\n\nmesh-lint....(no files to check)Skipped"))
# blind64's shapes
simple("old shape: footnotes (blind64)", "question shows blind64's shape md_footnotes", qadd("L2", FOOTNOTE_SNIPPET))
simple("old shape: role definition (blind64)", "question shows blind64's shape role_definition_json", qadd("L1", ROLE_SNIPPET))
simple("old shape: lock file (blind64)", "question shows blind64's shape tf_lock_file", qadd("L2", LOCK_SNIPPET))
simple("old shape: Document Details (blind64)", "question shows blind64's shape docs_feedback_block", qadd("L1", FEEDBACK_SNIPPET))
simple("old shape: OpenAPI excerpt (blind64)", "question shows blind64's shape openapi_schema", qadd("L3", OPENAPI_SNIPPET))
simple("old shape: role definition quoted inline (blind64)", "question shows blind64's shape role_definition_json",
       qrep("S11", S11_TAIL, '`{"Actions": [], "DataActions": ["Microsoft.KeyVault/vaults/keys/read"]}` ' + S11_TAIL))
simple("old shape: a footnote inside a slide outline (blind64)", "question shows blind64's shape md_footnotes",
       qrep("D4", "Slide 3: Undo\n", "Slide 3: Undo[^1]\n"))
simple("old shape: a lock hash inside a check-acr report (blind64)", "question shows blind64's shape tf_lock_file",
       qrep("K5", "Validating image pull permission: SUCCEEDED\n", 'Validating image pull permission: SUCCEEDED "h1:Qm3vX8sTnK1bR4yEw9LpZc2dJf6="\n'))
simple("old shape: a role-definition key inside an account entry (blind64)", "question shows blind64's shape role_definition_json",
       qrep("Z1", '    "state": "Enabled",\n', '    "state": "Enabled",\n    "dataActions": [],\n'))
simple("old shape: a Document Details heading inside a slide outline (blind64)", "question shows blind64's shape docs_feedback_block",
       qrep("D5", "Slide 2: Access\n", "Slide 2: Access\n# Document Details\n"))
simple("old shape: a readOnly key inside a replication list (blind64)", "question shows blind64's shape openapi_schema",
       qrep("R1", '    "location": "northeurope",\n', '    "location": "northeurope",\n    "readOnly": true,\n'))
simple("old shape: footnotes in an off-topic question (blind64)", "question shows blind64's shape md_footnotes",
       qadd("X5", FOOTNOTE_SNIPPET))
simple("old shape: a lone footnote reference in an off-topic question (blind64)", "question shows blind64's shape md_footnotes",
       qrep("X6", "to a larger volume", "to a larger volume[^1]"))
simple("old shape: a lone footnote definition in an off-topic question (blind64)", "question shows blind64's shape md_footnotes",
       qadd("X4", "\n\n[^ca]: created in 2018"))
simple("old shape: role definition in an off-topic question (blind64)", "question shows blind64's shape role_definition_json",
       qadd("X1", ROLE_SNIPPET))
simple("old shape: a lone DataActions key in an off-topic question (blind64)", "question shows blind64's shape role_definition_json",
       qadd("X2", ' The push config has "DataActions": none.'))
simple("old shape: a lone assignableScopes key in an off-topic question (blind64)", "question shows blind64's shape role_definition_json",
       qadd("X7", ' (its "assignableScopes": ["/"])'))
simple("old shape: lock file in an off-topic question (blind64)", "question shows blind64's shape tf_lock_file", qadd("X3", LOCK_SNIPPET))
simple("old shape: a lone lock provider line in an off-topic question (blind64)", "question shows blind64's shape tf_lock_file",
       qadd("X6", '\n\nprovider "registry.terraform.io/hashicorp/tls" {'))
simple("old shape: a lone lock hash in an off-topic question (blind64)", "question shows blind64's shape tf_lock_file",
       qadd("X5", ' The module pins "h1:Zq8mW2xYt4cLb7Ns1Kv0Hd9JeF3aGu6Ro5Pi=" too.'))
simple("old shape: Document Details in an off-topic question (blind64)", "question shows blind64's shape docs_feedback_block",
       qadd("X4", FEEDBACK_SNIPPET))
simple("old shape: a lone Document Details heading in an off-topic question (blind64)", "question shows blind64's shape docs_feedback_block",
       qadd("X1", "\n\n#### Document Details"))
simple("old shape: a lone Version Independent ID line in an off-topic question (blind64)", "question shows blind64's shape docs_feedback_block",
       qadd("X3", "\n\n* Version Independent ID: 4f0c2a1e"))
simple("old shape: a lone Content Source link in an off-topic question (blind64)", "question shows blind64's shape docs_feedback_block",
       qadd("X2", "\n\n* Content Source: [docs/push.md](https://github.com/o/r/blob/main/docs/push.md)"))
simple("old shape: a lone Microsoft Alias line in an off-topic question (blind64)", "question shows blind64's shape docs_feedback_block",
       qadd("X6", "\n\n* Microsoft Alias: **shelfkeeper**"))
simple("old shape: a lone GitHub Login line in an off-topic question (blind64)", "question shows blind64's shape docs_feedback_block",
       qadd("X5", "\n\n* GitHub Login: @meshadmin"))
simple("old shape: OpenAPI excerpt in an off-topic question (blind64)", "question shows blind64's shape openapi_schema",
       qadd("X2", OPENAPI_SNIPPET))
simple("old shape: a lone readOnly key in an off-topic question (blind64)", "question shows blind64's shape openapi_schema",
       qadd("X3", ' The API marks it "readOnly": true.'))
simple("old shape: a lone $ref in an off-topic question (blind64)", "question shows blind64's shape openapi_schema",
       qadd("X4", ' It points to "$ref": "#/definitions/Credential".'))
simple("old shape: a lone x-ms-enum in an off-topic question (blind64)", "question shows blind64's shape openapi_schema",
       qadd("X1", ' The spec has "x-ms-enum": {"name": "MirrorState"}.'))
simple("old shape: a lone type object in an off-topic question (blind64)", "question shows blind64's shape openapi_schema",
       qadd("X6", ' Its schema says "type": "object" and nothing else.'))


@mut("GitHub Actions ${{ }} expressions are not Jira markup", "short question has 15 words", only=True)
def _(c):
    # a pasted workflow step with ${{ ... }} expressions must not count as blind54's Jira monospace (earlier sets
    # pasted such steps): only the planted over-long short question is reported
    c.e("L2")["question"] += ("\n\n```yaml\n- name: check registry\n  env:\n    OSIER_TAG: ${{ github.sha }}\n"
                               "    OSIER_REG: ${{ vars.OSIER_REGISTRY }}\n```\n")
    qset("S5", S5_15)(c)
# ---------------- the detectors of earlier shapes and the novelty of the new ones, checked on prev ----------------
def _prev_item(d, qid):
    return next(x for x in d if x["id"] == qid)


def _break_ps_prompt(d):
    e = _prev_item(d, "o050")
    new = e["question"].replace("\nPS ", "\nps ")
    if new == e["question"]:
        raise AssertionError("setup: no PS prompt in blind59 o050")
    e["question"] = new


def _break_alert(d):
    e = _prev_item(d, "p012")
    new = e["question"].replace("> [!IMPORTANT]", "> **Important**")
    if new == e["question"]:
        raise AssertionError("setup: no alert marker in blind60 p012")
    e["question"] = new


def _break_jenkins(d):
    e = _prev_item(d, "q040")
    new = e["question"].replace("[Pipeline]", "[Step]").replace("Finished: FAILURE", "Result: FAILURE")
    if new == e["question"]:
        raise AssertionError("setup: no Jenkins console in blind61 q040")
    e["question"] = new


def _break_journal(d):
    # every blind62 journal excerpt loses journalctl's short time stamps and systemd's two result phrases
    e = _prev_item(d, "r026")
    new = re.sub(r"(?m)^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d (\d\d:\d\d:\d\d) ", r"T\1 ", e["question"])
    new = new.replace("Main process exited, code=", "main process ended, code ").replace("Failed with result '", "failed, result '")
    if new == e["question"] or check67.OLD_DETECT["systemd_journal"](new):
        raise AssertionError("setup: blind62 r026 journal not broken")
    e["question"] = new


simple("a blind62 shape planted in an older prev question (suggestion)", "detector github_suggestion (blind62) finds 5 items of blind62 and 1 elsewhere",
       prev_edit(40, lambda d: d[4].__setitem__("question", d[4]["question"] + SUG_SNIPPET)))
simple("a blind62 item losing its shape in prev (journal)", "detector systemd_journal (blind62) finds 4 items of blind62",
       prev_edit(62, _break_journal))
simple("a blind62 shape planted in blind22 (go test)", "detector go_test_failure (blind62) finds 5 items of blind62 and 1 elsewhere",
       prev_edit(22, lambda d: d[5].__setitem__("question", d[5]["question"] + GOTEST_SNIPPET)))
simple("a blind62 shape planted in blind59 (journal)", "detector systemd_journal (blind62) finds 5 items of blind62 and 1 elsewhere",
       prev_edit(59, lambda d: d[7].__setitem__("question", d[7]["question"] + JOURNAL_SNIPPET)))
simple("a blind62 shape planted in blind33 (Python session)", "detector python_repl (blind62) finds 5 items of blind62 and 1 elsewhere",
       prev_edit(33, lambda d: d[9].__setitem__("question", d[9]["question"] + REPL_SNIPPET)))
simple("a blind62 shape planted in blind61 (browser console)", "detector browser_console (blind62) finds 5 items of blind62 and 1 elsewhere",
       prev_edit(61, lambda d: d[11].__setitem__("question", d[11]["question"] + CONSOLE_SNIPPET)))
simple("a blind61 shape planted in an older prev question", "detector make_error (blind61) finds 5 items of blind61 and 1 elsewhere",
       prev_edit(40, lambda d: d[4].__setitem__("question", d[4]["question"] + MAKE_SNIPPET)))
simple("a blind61 item losing its shape in prev", "detector jenkins_console (blind61) finds 4 items of blind61",
       prev_edit(61, _break_jenkins))
simple("a blind61 shape planted in blind22 (Mermaid)", "detector mermaid_diagram (blind61) finds 5 items of blind61 and 1 elsewhere",
       prev_edit(22, lambda d: d[5].__setitem__("question", d[5]["question"] + MERMAID_SNIPPET)))
simple("a blind61 shape planted in blind62 (.NET)", "detector dotnet_exception (blind61) finds 5 items of blind61 and 1 elsewhere",
       prev_edit(62, lambda d: d[20].__setitem__("question", d[20]["question"] + DOTNET_SNIPPET)))
simple("a blind60 shape planted in an older prev question", "detector azd_output (blind60) finds 5 items of blind60 and 1 elsewhere",
       prev_edit(40, lambda d: d[4].__setitem__("question", d[4]["question"] + AZD_SNIPPET)))
simple("a blind60 item losing its shape in prev", "detector github_alert (blind60) finds 4 items of blind60",
       prev_edit(60, _break_alert))
simple("a blind60 shape planted in blind21 (pytest)", "detector pytest_failure (blind60) finds 5 items of blind60 and 1 elsewhere",
       prev_edit(21, lambda d: d[3].__setitem__("question", d[3]["question"] + PYTEST_SNIPPET)))
simple("a blind60 shape planted in blind62 (Maven log)", "detector maven_build_log (blind60) finds 5 items of blind60 and 1 elsewhere",
       prev_edit(62, lambda d: d[7].__setitem__("question", d[7]["question"] + MAVEN_SNIPPET)))
simple("a blind59 shape planted in an older prev question", "detector openssl_key_text (blind59) finds 5 items of blind59 and 1 elsewhere",
       prev_edit(40, lambda d: d[4].__setitem__("question", d[4]["question"] + OPENSSL_SNIPPET)))
simple("a blind59 item losing its shape in prev", "detector ps_format_list (blind59) finds 4 items of blind59",
       prev_edit(59, _break_ps_prompt))
simple("a blind58 shape planted in an older prev question", "detector nslookup_output (blind58) finds 5 items of blind58 and 1 elsewhere",
       prev_edit(40, lambda d: d[4].__setitem__("question", d[4]["question"] + NS_SNIPPET)))
simple("a blind58 item losing its shape in prev", "detector checkov_finding (blind58) finds 4 items of blind58",
       prev_edit(58, lambda d: _prev_item(d, "n035").__setitem__(
           "question", _prev_item(d, "n035")["question"].replace("CKV_AZURE_110", "the purge check"))))
simple("a blind57 shape planted in an older prev question", "detector curl_verbose (blind57) finds 5 items of blind57 and 1 elsewhere",
       prev_edit(40, lambda d: d[4].__setitem__("question", d[4]["question"] + CURL_SNIPPET)))
simple("a blind57 item losing its shape in prev", "detector git_log_oneline (blind57) finds 4 items of blind57",
       prev_edit(57, lambda d: d[16].__setitem__("question", re.sub(r"(?m)^([0-9a-f]{7}) ", r"[\1] ", d[16]["question"]))))
simple("a blind55 shape planted in blind30", "detector python_traceback (blind55) finds 5 items of blind55 and 1 elsewhere",
       prev_edit(30, lambda d: d[2].__setitem__("question", d[2]["question"] + TRACEBACK_FENCE)))
simple("a blind58 shape planted in blind21 (Dockerfile)", "detector dockerfile (blind58) finds 5 items of blind58 and 1 elsewhere",
       prev_edit(21, lambda d: d[3].__setitem__("question", d[3]["question"] + DOCKERFILE_SNIPPET)))
simple("a blind59 shape planted in blind24 (manifest)", "detector oci_manifest (blind59) finds 5 items of blind59 and 1 elsewhere",
       prev_edit(24, lambda d: d[6].__setitem__("question", d[6]["question"] + OCI_SNIPPET)))


def _break_tree(d):
    # blind63 aa038 loses tree's connectors (the listing becomes plain indented lines)
    e = _prev_item(d, "aa038")
    new = e["question"].replace("\u251c\u2500\u2500 ", "+ ").replace("\u2514\u2500\u2500 ", "+ ").replace("\u2502", " ")
    if new == e["question"] or check67.OLD_DETECT["dir_tree"](new):
        raise AssertionError("setup: blind63 aa038 tree not broken")
    e["question"] = new


simple("a blind63 shape planted in an older prev question (help text)", "detector cli_help_text (blind63) finds 5 items of blind63 and 1 elsewhere",
       prev_edit(40, lambda d: d[4].__setitem__("question", d[4]["question"] + HELP_SNIPPET)))
simple("a blind63 item losing its shape in prev (tree listing)", "detector dir_tree (blind63) finds 4 items of blind63",
       prev_edit(63, _break_tree))
simple("a blind63 shape planted in blind22 (task log)", "detector acr_task_log (blind63) finds 5 items of blind63 and 1 elsewhere",
       prev_edit(22, lambda d: d[5].__setitem__("question", d[5]["question"] + TASKLOG_SNIPPET)))
simple("a blind63 shape planted in blind59 (feature file)", "detector gherkin_feature (blind63) finds 5 items of blind63 and 1 elsewhere",
       prev_edit(59, lambda d: d[7].__setitem__("question", d[7]["question"] + GHERKIN_SNIPPET)))
simple("a blind63 shape planted in blind33 (tree listing)", "detector dir_tree (blind63) finds 5 items of blind63 and 1 elsewhere",
       prev_edit(33, lambda d: d[9].__setitem__("question", d[9]["question"] + TREE_SNIPPET)))
simple("a blind63 shape planted in blind62 (pre-commit output)", "detector precommit_hooks (blind63) finds 5 items of blind63 and 1 elsewhere",
       prev_edit(62, lambda d: d[20].__setitem__("question", d[20]["question"] + PRECOMMIT_SNIPPET)))
simple("a blind63 shape planted in an off-topic blind63 item (help text)", "detector cli_help_text (blind63) finds 6 items of blind63 and 0 elsewhere",
       prev_edit(63, lambda d: d[0].__setitem__("question", d[0]["question"] + HELP_SNIPPET)))

def _break_feedback(d):
    # blind64 ab036 loses every trace of the Document Details block
    e = _prev_item(d, "ab036")
    new = (e["question"].replace("Document Details", "Page info").replace("Version Independent ID:", "Version-free ID -")
           .replace("Content Source: [", "Content Source (").replace("Microsoft Alias:", "MS alias -")
           .replace("GitHub Login: @", "GitHub login - "))
    if new == e["question"] or check67.OLD_DETECT["docs_feedback_block"](new):
        raise AssertionError("setup: blind64 ab036 feedback block not broken")
    e["question"] = new


def _first_offtopic(d):
    return next(x for x in d if x["category"] == "off-topic")


simple("a blind64 shape planted in an older prev question (footnotes)", "detector md_footnotes (blind64) finds 5 items of blind64 and 1 elsewhere",
       prev_edit(45, lambda d: d[2].__setitem__("question", d[2]["question"] + FOOTNOTE_SNIPPET)))
simple("a blind64 shape planted in blind22 (role definition)", "detector role_definition_json (blind64) finds 5 items of blind64 and 1 elsewhere",
       prev_edit(22, lambda d: d[5].__setitem__("question", d[5]["question"] + ROLE_SNIPPET)))
simple("a blind64 shape planted in blind59 (lock file)", "detector tf_lock_file (blind64) finds 5 items of blind64 and 1 elsewhere",
       prev_edit(59, lambda d: d[7].__setitem__("question", d[7]["question"] + LOCK_SNIPPET)))
simple("a blind64 shape planted in blind33 (Document Details)", "detector docs_feedback_block (blind64) finds 5 items of blind64 and 1 elsewhere",
       prev_edit(33, lambda d: d[9].__setitem__("question", d[9]["question"] + FEEDBACK_SNIPPET)))
simple("a blind64 shape planted in blind50 (OpenAPI excerpt)", "detector openapi_schema (blind64) finds 5 items of blind64 and 1 elsewhere",
       prev_edit(50, lambda d: d[11].__setitem__("question", d[11]["question"] + OPENAPI_SNIPPET)))
simple("a blind64 shape planted in blind63 (footnotes)", "detector md_footnotes (blind64) finds 5 items of blind64 and 1 elsewhere",
       prev_edit(63, lambda d: d[20].__setitem__("question", d[20]["question"] + FOOTNOTE_SNIPPET)))
simple("a blind64 item losing its shape in prev (Document Details)", "detector docs_feedback_block (blind64) finds 4 items of blind64",
       prev_edit(64, _break_feedback))
simple("a blind64 shape planted in an off-topic blind64 item (lock file)", "detector tf_lock_file (blind64) finds 6 items of blind64 and 0 elsewhere",
       prev_edit(64, lambda d: _first_offtopic(d).__setitem__("question", _first_offtopic(d)["question"] + LOCK_SNIPPET)))


# ---------------- blind65's shapes: rejected in the text, and their detectors checked on prev ----------------
ADR_SNIPPET = "\n\n```markdown\n# ADR-0002: Old choice\n\n## Status\n\nAccepted\n\n## Decision\n\nKeep the old vault.\n```"
LEARN_SNIPPET = "\n\n```text\nAzure CLI\nCopy\nOpen Cloud Shell\naz acr show --name <registry-name>\n```"
ARROW_SNIPPET = "\n\n```text\nstate: failed      <-- why?\nretries: 3         <-- too many\n```"
REDACT_SNIPPET = "\n\n```text\nuser = <redacted>\nhost = [REDACTED]\n```"
GRAPH_SNIPPET = ('\n\n```json\n{"appId": "00000000-0000-0000-0000-000000000001", "displayName": "old-sp", '
                 '"id": "00000000-0000-0000-0000-000000000002", "servicePrincipalType": "Application"}\n```')

simple("old shape: ADR (blind65)", "question shows blind65's shape adr_record", qadd("L2", ADR_SNIPPET))
simple("old shape: Learn page copy (blind65)", "question shows blind65's shape learn_page_copy", qadd("L1", LEARN_SNIPPET))
simple("old shape: arrow notes (blind65)", "question shows blind65's shape arrow_annotations", qadd("L3", ARROW_SNIPPET))
simple("old shape: redacted paste (blind65)", "question shows blind65's shape redacted_paste", qadd("L2", REDACT_SNIPPET))
simple("old shape: service principal object (blind65)", "question shows blind65's shape graph_sp_object", qadd("L1", GRAPH_SNIPPET))
simple("old shape: a redaction marker quoted inline (blind65)", "question shows blind65's shape redacted_paste",
       qrep("S11", S11_TAIL, "`--identity <redacted>` " + S11_TAIL))
simple("old shape: a service principal key quoted inline (blind65)", "question shows blind65's shape graph_sp_object",
       qrep("G8", " Question:", ' (`{"appId": "x"}`) Question:'))
simple("old shape: an ADR heading inside a slide outline (blind65)", "question shows blind65's shape adr_record",
       qrep("D3", "Slide 7: Evidence\n", "## Decision\nSlide 7: Evidence\n"))
simple("old shape: a Copy line inside an account entry (blind65)", "question shows blind65's shape learn_page_copy",
       qrep("Z2", "```json\n[", "```json\nCopy\n["))
simple("old shape: an arrow note inside a check-acr report (blind65)", "question shows blind65's shape arrow_annotations",
       qrep("K4", "Validating image pull permission: SUCCEEDED\n", "Validating image pull permission: SUCCEEDED   <-- this one\n"))
simple("old shape: a redaction marker inside a cloud profile (blind65)", "question shows blind65's shape redacted_paste",
       qrep("P1", '"isActive": true,', '"isActive": "[REDACTED]",'))
simple("old shape: an appId key inside a replication list (blind65)", "question shows blind65's shape graph_sp_object",
       qrep("R2", '"location": "eastus2", "name": "eastus2",', '"location": "eastus2", "appId": "x", "name": "eastus2",'))
simple("old shape: ADR in an off-topic question (blind65)", "question shows blind65's shape adr_record", qadd("X5", ADR_SNIPPET))
simple("old shape: a lone Decision heading in an off-topic question (blind65)", "question shows blind65's shape adr_record",
       qadd("X6", "\n\n## Decision\n"))
simple("old shape: a lone ADR title in an off-topic question (blind65)", "question shows blind65's shape adr_record",
       qadd("X4", "\n\n# ADR-12: keep the old dashboard key"))
simple("old shape: a lone Consequences heading in an off-topic question (blind65)", "question shows blind65's shape adr_record",
       qadd("X1", "\n\n### Consequences"))
simple("old shape: Learn copy in an off-topic question (blind65)", "question shows blind65's shape learn_page_copy",
       qadd("X3", LEARN_SNIPPET))
simple("old shape: a lone Copy line in an off-topic question (blind65)", "question shows blind65's shape learn_page_copy",
       qadd("X2", "\n\nCopy\n"))
simple("old shape: a lone Open Cloud Shell line in an off-topic question (blind65)", "question shows blind65's shape learn_page_copy",
       qadd("X4", "\n\nOpen Cloud Shell"))
simple("old shape: a lone Expand table line in an off-topic question (blind65)", "question shows blind65's shape learn_page_copy",
       qadd("X6", "\n\nExpand table\n"))
simple("old shape: arrows in an off-topic question (blind65)", "question shows blind65's shape arrow_annotations",
       qadd("X2", ARROW_SNIPPET))
simple("old shape: a lone dash arrow in an off-topic question (blind65)", "question shows blind65's shape arrow_annotations",
       qrep("X8", X8_TAIL, "(recording: always <-- too much) " + X8_TAIL))
simple("old shape: a lone double arrow in an off-topic question (blind65)", "question shows blind65's shape arrow_annotations",
       qadd("X3", "\n\nkey age: six years  <== this one"))
simple("old shape: redaction in an off-topic question (blind65)", "question shows blind65's shape redacted_paste",
       qadd("X4", REDACT_SNIPPET))
simple("old shape: a lone <redacted> in an off-topic question (blind65)", "question shows blind65's shape redacted_paste",
       qrep("X10", "of our snipe-it instance?", "of our snipe-it instance (<redacted>)?"))
simple("old shape: a lone [REDACTED] in an off-topic question (blind65)", "question shows blind65's shape redacted_paste",
       qadd("X1", " The scheduler host is [REDACTED]."))
simple("old shape: a lone REDACTED word in an off-topic question (blind65)", "question shows blind65's shape redacted_paste",
       qadd("X6", " (bucket name REDACTED)"))
simple("old shape: a lone all-x GUID in an off-topic question (blind65)", "question shows blind65's shape redacted_paste",
       qadd("X5", " Tenant xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx holds the old secret."))
simple("old shape: service principal in an off-topic question (blind65)", "question shows blind65's shape graph_sp_object",
       qadd("X3", GRAPH_SNIPPET))
simple("old shape: a lone servicePrincipalType key in an off-topic question (blind65)", "question shows blind65's shape graph_sp_object",
       qadd("X7", ' (its "servicePrincipalType": "Application")'))
simple("old shape: a lone appId key in an off-topic question (blind65)", "question shows blind65's shape graph_sp_object",
       qadd("X2", ' The backup app has "appId": "x".'))
simple("old shape: a lone alternativeNames key in an off-topic question (blind65)", "question shows blind65's shape graph_sp_object",
       qadd("X4", ' It lists "alternativeNames": [].'))
simple("old shape: a lone @odata.context in an off-topic question (blind65)", "question shows blind65's shape graph_sp_object",
       qadd("X1", ' The reply starts with "@odata.context".'))


def _break_arrows(d):
    # every arrow note of one blind65 arrow_annotations item becomes a plain comment, so the detector loses that item
    for e in d:
        if check67.OLD_DETECT["arrow_annotations"](e["question"]):
            new = re.sub(r"<(?:-{2,}|={2,})(?![\->=])", "#", e["question"])
            if new == e["question"] or check67.OLD_DETECT["arrow_annotations"](new):
                raise AssertionError("setup: blind65 arrows not broken")
            e["question"] = new
            return
    raise AssertionError("setup: no arrow item in blind65")


simple("a blind65 shape planted in an older prev question (ADR)", "detector adr_record (blind65) finds 5 items of blind65 and 1 elsewhere",
       prev_edit(45, lambda d: d[2].__setitem__("question", d[2]["question"] + ADR_SNIPPET)))
simple("a blind65 shape planted in blind22 (Learn copy)", "detector learn_page_copy (blind65) finds 5 items of blind65 and 1 elsewhere",
       prev_edit(22, lambda d: d[5].__setitem__("question", d[5]["question"] + LEARN_SNIPPET)))
simple("a blind65 shape planted in blind59 (arrows)", "detector arrow_annotations (blind65) finds 5 items of blind65 and 1 elsewhere",
       prev_edit(59, lambda d: d[7].__setitem__("question", d[7]["question"] + ARROW_SNIPPET)))
simple("a blind65 shape planted in blind33 (redaction)", "detector redacted_paste (blind65) finds 5 items of blind65 and 1 elsewhere",
       prev_edit(33, lambda d: d[9].__setitem__("question", d[9]["question"] + REDACT_SNIPPET)))
simple("a blind65 shape planted in blind50 (service principal)", "detector graph_sp_object (blind65) finds 5 items of blind65 and 1 elsewhere",
       prev_edit(50, lambda d: d[11].__setitem__("question", d[11]["question"] + GRAPH_SNIPPET)))
simple("a blind65 shape planted in blind64 (redaction)", "detector redacted_paste (blind65) finds 5 items of blind65 and 1 elsewhere",
       prev_edit(64, lambda d: d[20].__setitem__("question", d[20]["question"] + REDACT_SNIPPET)))
simple("a blind65 item losing its shape in prev (arrows)", "detector arrow_annotations (blind65) finds 4 items of blind65",
       prev_edit(65, _break_arrows))
simple("a blind65 shape planted in an off-topic blind65 item (ADR)", "detector adr_record (blind65) finds 6 items of blind65 and 0 elsewhere",
       prev_edit(65, lambda d: _first_offtopic(d).__setitem__("question", _first_offtopic(d)["question"] + ADR_SNIPPET)))

simple("a blind65 shape planted in blind66 (ADR)", "detector adr_record (blind65) finds 5 items of blind65 and 1 elsewhere",
       prev_edit(66, lambda d: d[20].__setitem__("question", d[20]["question"] + ADR_SNIPPET)))


# ---------------- blind66's shapes: rejected in the text, and their detectors checked on prev ----------------
ST_SNIPPET = ('\n\n```json\n{"name": "AzureCloud.westus", "properties": {"addressPrefixes": ["192.0.2.0/24"], '
              '"systemService": ""}}\n```')
RC_SNIPPET = ('\n\n```json\n{"changeType": "Update", "changes": {"properties.x": {"previousValue": "a", "newValue": "b", '
              '"propertyChangeType": "Update"}}}\n```')
HX_SNIPPET = ("\n\n```text\n00000000: 6f6c 6420 7661 6c75 650d 0a0d 0a0d 0a0d  old value.......\n"
              "00000010: 0a                                       .\n```")
PAC_SNIPPET = ('\n\n```javascript\nfunction FindProxyForURL(url, host) {\n  if (shExpMatch(host, "*.example.net"))\n'
               '    return "PROXY old.example:3128";\n  return "DIRECT";\n}\n```')
FL_SNIPPET = "\n\n```hcl old/main.tf\nlocals {}\n```\n\n```hcl old/vars.tf\nvariable \"x\" {}\n```"

simple("old shape: service tag file (blind66)", "question shows blind66's shape service_tag_json", qadd("L2", ST_SNIPPET))
simple("old shape: change record (blind66)", "question shows blind66's shape resource_change_record", qadd("L1", RC_SNIPPET))
simple("old shape: hex dump (blind66)", "question shows blind66's shape hex_dump", qadd("L3", HX_SNIPPET))
simple("old shape: PAC file (blind66)", "question shows blind66's shape pac_file", qadd("L2", PAC_SNIPPET))
simple("old shape: labelled fences (blind66)", "question shows blind66's shape fence_file_labels", qadd("L1", FL_SNIPPET))
simple("old shape: a service tag key quoted inline (blind66)", "question shows blind66's shape service_tag_json",
       qrep("G8", " Question:", ' (`{"addressPrefixes": []}`) Question:'))
simple("old shape: a change record quoted inline (blind66)", "question shows blind66's shape resource_change_record",
       qrep("S11", S11_TAIL, '`{"newValue": "x"}` ' + S11_TAIL))
simple("old shape: a service tag key inside a cloud profile (blind66)", "question shows blind66's shape service_tag_json",
       qrep("P3", '    "keyvaultDns": ".vault.usgovcloudapi.net"\n',
            '    "keyvaultDns": ".vault.usgovcloudapi.net",\n    "addressPrefixes": []\n'))
simple("old shape: a change record key inside an account entry (blind66)", "question shows blind66's shape resource_change_record",
       qrep("Z5", '    "name": "sub-galena",\n', '    "name": "sub-galena",\n    "previousValue": "sub-old",\n'))
simple("old shape: a dump line inside a check-acr report (blind66)", "question shows blind66's shape hex_dump",
       qrep("K2", "```text\n[2026-11-20T14:02:31Z] Checking",
            "```text\n00000000: 6372 7175 6172 747a 0d0a  crquartz..\n[2026-11-20T14:02:31Z] Checking"))
simple("old shape: a PAC call inside a slide outline (blind66)", "question shows blind66's shape pac_file",
       qrep("D2", "- Soft delete: always on, nothing to do\n", "- Soft delete: always on, nothing to do\n- proxy rule: shExpMatch(host, \"*.vault.azure.net\")\n"))
simple("old shape: a file label on a replication list fence (blind66)", "question shows blind66's shape fence_file_labels",
       qrep("R2", "```json\n[", "```json replicas.json\n["))
simple("old shape: service tags in an off-topic question (blind66)", "question shows blind66's shape service_tag_json",
       qadd("X3", ST_SNIPPET))
for _key, _x in (("addressPrefixes", "X1"), ("systemService", "X2"), ("changeNumber", "X4"), ("networkFeatures", "X6")):
    simple("old shape: a lone %s key in an off-topic question (blind66)" % _key,
           "question shows blind66's shape service_tag_json", qadd(_x, ' (the export holds "%s": [])' % _key))
simple("old shape: change record in an off-topic question (blind66)", "question shows blind66's shape resource_change_record",
       qadd("X5", RC_SNIPPET))
for _key, _x in (("previousValue", "X1"), ("newValue", "X2"), ("propertyChangeType", "X3"), ("changeAttributes", "X4"),
                 ("targetResourceType", "X5"), ("changeCategory", "X6"), ("changesCount", "X7"),
                 ("previousResourceSnapshotId", "X1"), ("newResourceSnapshotId", "X2")):
    simple("old shape: a lone %s key in an off-topic question (blind66)" % _key,
           "question shows blind66's shape resource_change_record", qadd(_x, ' (the record holds "%s": "x")' % _key))
simple("old shape: hex dump in an off-topic question (blind66)", "question shows blind66's shape hex_dump", qadd("X6", HX_SNIPPET))
simple("old shape: a lone xxd line in an off-topic question (blind66)", "question shows blind66's shape hex_dump",
       qadd("X2", "\n\n00000000: 6f6c 6420 7661 6c75 650a  old value."))
simple("old shape: a lone hexdump -C line in an off-topic question (blind66)", "question shows blind66's shape hex_dump",
       qadd("X4", "\n\n00000000  6b 65 79 0a 0d 0a                                 |key...|"))
simple("old shape: PAC file in an off-topic question (blind66)", "question shows blind66's shape pac_file", qadd("X1", PAC_SNIPPET))
for _fn, _x in (("FindProxyForURL", "X2"), ("shExpMatch(host, x)", "X3"), ("dnsDomainIs(host, x)", "X4"),
                ("isInNet(host, x)", "X5"), ("isPlainHostName(host)", "X6"), ("dnsResolve(host)", "X1")):
    simple("old shape: a lone %s call in an off-topic question (blind66)" % _fn.split("(")[0],
           "question shows blind66's shape pac_file", qadd(_x, " Our proxy file calls %s for this." % _fn))
simple("old shape: labelled fences in an off-topic question (blind66)", "question shows blind66's shape fence_file_labels",
       qadd("X2", FL_SNIPPET))
for _op, _x in (("```hcl main.tf", "X3"), ('```yaml title="ci/build.yml"', "X5"), ("```10:20:scripts/run.sh", "X6"),
                ("```config.json", "X1")):
    simple("old shape: a lone labelled fence (%s) in an off-topic question (blind66)" % _op[3:],
           "question shows blind66's shape fence_file_labels", qadd(_x, "\n\n%s\nx = 1\n```" % _op))


def _break_pac(d):
    # one blind66 pac_file item loses every PAC function name, so the detector loses that item
    for e in d:
        if check67.OLD_DETECT["pac_file"](e["question"]):
            new = (e["question"].replace("FindProxyForURL", "pickRoute").replace("shExpMatch(", "matchHost(")
                   .replace("dnsDomainIs(", "inDomain(").replace("isInNet(", "inNet(")
                   .replace("isPlainHostName(", "plainHost(").replace("dnsResolve(", "resolveHost("))
            if new == e["question"] or check67.OLD_DETECT["pac_file"](new):
                raise AssertionError("setup: blind66 PAC file not broken")
            e["question"] = new
            return
    raise AssertionError("setup: no PAC item in blind66")


simple("a blind66 shape planted in an older prev question (service tags)", "detector service_tag_json (blind66) finds 5 items of blind66 and 1 elsewhere",
       prev_edit(45, lambda d: d[2].__setitem__("question", d[2]["question"] + ST_SNIPPET)))
simple("a blind66 shape planted in blind22 (change record)", "detector resource_change_record (blind66) finds 5 items of blind66 and 1 elsewhere",
       prev_edit(22, lambda d: d[5].__setitem__("question", d[5]["question"] + RC_SNIPPET)))
simple("a blind66 shape planted in blind59 (hex dump)", "detector hex_dump (blind66) finds 5 items of blind66 and 1 elsewhere",
       prev_edit(59, lambda d: d[7].__setitem__("question", d[7]["question"] + HX_SNIPPET)))
simple("a blind66 shape planted in blind33 (PAC file)", "detector pac_file (blind66) finds 5 items of blind66 and 1 elsewhere",
       prev_edit(33, lambda d: d[9].__setitem__("question", d[9]["question"] + PAC_SNIPPET)))
simple("a blind66 shape planted in blind50 (labelled fences)", "detector fence_file_labels (blind66) finds 5 items of blind66 and 1 elsewhere",
       prev_edit(50, lambda d: d[11].__setitem__("question", d[11]["question"] + FL_SNIPPET)))
simple("a blind66 shape planted in blind65 (hex dump)", "detector hex_dump (blind66) finds 5 items of blind66 and 1 elsewhere",
       prev_edit(65, lambda d: d[20].__setitem__("question", d[20]["question"] + HX_SNIPPET)))
simple("a blind66 shape planted in blind19 (PAC file)", "detector pac_file (blind66) finds 5 items of blind66 and 1 elsewhere",
       prev_edit(19, lambda d: d[0].__setitem__("question", d[0]["question"] + PAC_SNIPPET)))
simple("a blind66 item losing its shape in prev (PAC file)", "detector pac_file (blind66) finds 4 items of blind66",
       prev_edit(66, _break_pac))
simple("a blind66 shape planted in an off-topic blind66 item (service tags)", "detector service_tag_json (blind66) finds 6 items of blind66 and 0 elsewhere",
       prev_edit(66, lambda d: _first_offtopic(d).__setitem__("question", _first_offtopic(d)["question"] + ST_SNIPPET)))

# ---------------- this set's shapes (for the novelty test on prev and for unflagged use) ----------------
RL_SNIPPET = '\n\n```json\n[{"location": "brazilsouth", "regionEndpointEnabled": true, "zoneRedundancy": "Disabled"}]\n```'
CP_SNIPPET = '\n\n```json\n{"name": "AzureGermanCloud", "suffixes": {"keyvaultDns": ".vault.microsoftazure.de"}}\n```'
CA_SNIPPET = ("\n\n```text\n[2026-01-05T02:00:01Z] Checking host name resolution (crold.azurecr.io): SUCCEEDED\n"
              "[2026-01-05T02:00:01Z] ACR location: westus\n"
              "[2026-01-05T02:00:02Z] Validating image pull permission: FAILED\n```")
AC_SNIPPET = '\n\n```json\n{"isDefault": true, "tenantId": "t-1", "user": {"name": "ops@example.org", "type": "user"}}\n```'
SL_SNIPPET = "\n\nSlide 1: Old plan\n- keep the old key\n\nSlide 2: New plan\n- move to the new key\n"

simple("a new shape already in an earlier question (replication list)", "new shape replication_list already occurs in blind19-66",
       prev_edit(45, lambda d: d[2].__setitem__("question", d[2]["question"] + RL_SNIPPET)))
simple("a new shape already in an earlier question (cloud profile)", "new shape cloud_profile already occurs in blind19-66",
       prev_edit(22, lambda d: d[5].__setitem__("question", d[5]["question"] + CP_SNIPPET)))
simple("a new shape already in an earlier question (check-acr report)", "new shape aks_check_acr already occurs in blind19-66",
       prev_edit(59, lambda d: d[7].__setitem__("question", d[7]["question"] + CA_SNIPPET)))
simple("a new shape already in an earlier question (account entry)", "new shape az_account_json already occurs in blind19-66",
       prev_edit(33, lambda d: d[9].__setitem__("question", d[9]["question"] + AC_SNIPPET)))
simple("a new shape already in an earlier question (slide outline)", "new shape slide_outline already occurs in blind19-66",
       prev_edit(50, lambda d: d[11].__setitem__("question", d[11]["question"] + SL_SNIPPET)))
simple("a new shape already in the last earlier set (blind66, slide outline)", "new shape slide_outline already occurs in blind19-66",
       prev_edit(66, lambda d: d[20].__setitem__("question", d[20]["question"] + SL_SNIPPET)))
simple("a new shape already in blind19 (first of the range, account entry)", "new shape az_account_json already occurs in blind19-66",
       prev_edit(19, lambda d: d[0].__setitem__("question", d[0]["question"] + AC_SNIPPET)))
simple("a new shape already in an off-topic blind66 question (check-acr report)", "new shape aks_check_acr already occurs in blind19-66",
       prev_edit(66, lambda d: _first_offtopic(d).__setitem__("question", _first_offtopic(d)["question"] + CA_SNIPPET)))


# ---------------- new shapes: a shape in the text needs its flag ----------------
simple("unflagged replication list", "question shows the shape replication_list without its flag", mdel("R1", "replication_list"))
simple("unflagged inline replication list", "question shows the shape replication_list without its flag", mdel("R4", "replication_list"))
simple("unflagged cloud profile", "question shows the shape cloud_profile without its flag", mdel("P1", "cloud_profile"))
simple("unflagged inline cloud profile", "question shows the shape cloud_profile without its flag", mdel("P4", "cloud_profile"))
simple("unflagged check-acr report", "question shows the shape aks_check_acr without its flag", mdel("K1", "aks_check_acr"))
simple("unflagged account entry", "question shows the shape az_account_json without its flag", mdel("Z1", "az_account_json"))
simple("unflagged slide outline", "question shows the shape slide_outline without its flag", mdel("D1", "slide_outline"))
simple("replication list in an off-topic question", "question shows the shape replication_list without its flag",
       qadd("X3", RL_SNIPPET))
for _piece, _x in (('"regionEndpointEnabled": true', "X1"), ('"displayStatus": "Ready"', "X2"),
                   ("Microsoft.ContainerRegistry/registries/replications", "X4")):
    simple("a lone replication piece (%s) in an off-topic question" % _piece.split('"')[1 if _piece.startswith('"') else 0][:40],
           "question shows the shape replication_list without its flag", qadd(_x, " (it lists %s)" % _piece))
simple("cloud profile in an off-topic question", "question shows the shape cloud_profile without its flag", qadd("X5", CP_SNIPPET))
for _key, _x in (("suffixes", "X1"), ("mhsmDns", "X2"), ("keyvaultDns", "X3"), ("acrLoginServerEndpoint", "X4"),
                 ("activeDirectoryResourceId", "X6")):
    simple("a lone %s key in an off-topic question" % _key, "question shows the shape cloud_profile without its flag",
           qadd(_x, ' (the profile holds "%s": "x")' % _key))
simple("check-acr report in an off-topic question", "question shows the shape aks_check_acr without its flag",
       qadd("X6", CA_SNIPPET))
for _line, _x in (("Checking host name resolution (mirror.example.org): SUCCEEDED", "X1"),
                  ("Validating image pull permission: FAILED", "X2"),
                  ("Canonical name for ACR (mirror.example.org): edge.example.org.", "X3"),
                  ("Kubelet managed identity client ID: 324a9a6e-174e-4f1e-8fb4-4b2c128d8cdc", "X4"),
                  ("Your cluster can pull images from mirror.example.org!", "X5")):
    simple("a lone check-acr line (%s) in an off-topic question" % _line.split(" (")[0].split(":")[0],
           "question shows the shape aks_check_acr without its flag", qadd(_x, "\n\n" + _line))
simple("account entry in an off-topic question", "question shows the shape az_account_json without its flag",
       qadd("X4", AC_SNIPPET))
for _key, _x in (("assignedIdentityInfo", "X1"), ("homeTenantId", "X2"), ("isDefault", "X3"), ("managedByTenants", "X5"),
                 ("environmentName", "X6")):
    simple("a lone %s key in an off-topic question" % _key, "question shows the shape az_account_json without its flag",
           qadd(_x, ' (the login shows "%s": "x")' % _key))
simple("slide outline in an off-topic question", "question shows the shape slide_outline without its flag",
       qadd("X2", SL_SNIPPET))
for _head, _x in (("Slide 3: Budget", "X1"), ("## Slide 2. Timeline", "X3"), ("**Slide 4:** Risks", "X4"),
                  ("slide 5) Questions", "X6")):
    simple("a lone slide heading (%s) in an off-topic question" % _head, "question shows the shape slide_outline without its flag",
           qadd(_x, "\n\n%s\n- to be filled in" % _head))

# ---------------- replication_list ----------------
simple("replicas: fence that is not JSON", "replication_list needs a fence with a replication",
       qrep("R1", '"provisioningState": "Succeeded",', '"provisioningState": "Succeeded"'))
simple("replicas: no location", "replication_list needs a fence with a replication",
       chain(qrep("R2", '"location": "eastus2", ', ''), qrep("R2", '"location": "centralus", ', '')))
simple("replicas: neither regionEndpointEnabled nor a replications type", "replication_list needs a fence with a replication",
       chain(qrep("R3", '"regionEndpointEnabled": true, ', '', 2),
             qrep("R3", '"type": "Microsoft.ContainerRegistry/registries/replications"', '"type": "replica"', 2)))
simple("replicas: the replications type alone counts", "short question has 15 words", only=True,
       fn=chain(qrep("R3", '"regionEndpointEnabled": true, ', '', 2), qset("S5", S5_15)))
simple("replicas: list outside a fence", "replication_list needs a fence with a replication", unfence("R1"))
simple("replicas: agent item with the list not quoted inline", "replication_list needs the replication list quoted inline",
       lambda c: c.e("R4").__setitem__("question", c.e("R4")["question"].replace("`", "")))
simple("replicas: short item without an inline list", "replication_list needs the replication list quoted inline",
       mset("S11", "replication_list", True))
simple("replicas: truth names no pasted location", "replication_list truth names no pasted replica location",
       tset("R2", "Not documented: nothing in the docs says whether an encrypted registry may move to Standard; ask Azure support before trying it on crjasper."))
simple("replicas: a location that was not pasted does not count", "replication_list truth names no pasted replica location",
       tset("R2", "Not documented: whether crjasper may leave Premium after its westeurope replica is deleted is not stated anywhere; ask Azure support first."))
simple("replicas: the location counts in any case", "short question has 15 words", only=True,
       fn=chain(trep_all("R4", "uksouth", "UKSouth"), qset("S5", S5_15)))
simple("replicas: an inline fragment that starts with a quoted name counts", "short question has 15 words", only=True,
       fn=chain(qrep("R4", '`[{"location": "uksouth", "regionEndpointEnabled": true}, {"location": "ukwest", "regionEndpointEnabled": true}]`',
                     '`"location": "uksouth", "regionEndpointEnabled": true`'),
                qset("S5", S5_15)))
simple("replicas: truth keeps replication JSON", "replication_list truth still holds replication JSON",
       tadd("R1", ' (both show "regionEndpointEnabled": true)'))


@mut("replication lists used 4 times", "shape replication_list used 4 times, want exactly 5")
def _(c):
    mdel("R3", "replication_list")(c)
    e = c.e("R3")
    e["question"] = re.sub(r"```json\n.*?```", "(one replica in japaneast, one in australiaeast)", e["question"], flags=re.S)


simple("replication lists used 6 times", "shape replication_list used 6 times, want exactly 5", mset("L2", "replication_list", True))

# ---------------- cloud_profile ----------------
simple("cloud: fence that is not JSON", "cloud_profile needs a fence with a cloud profile",
       qrep("P1", '"isActive": true,', '"isActive": true'))
simple("cloud: no suffixes object", "cloud_profile needs a fence with a cloud profile",
       qrep("P2", '"suffixes": {', '"dnsSuffixes": {'))
simple("cloud: an empty suffixes object", "cloud_profile needs a fence with a cloud profile",
       qsub("P3", r'"suffixes": \{[^}]*\}', '"suffixes": {}'))
simple("cloud: profile outside a fence", "cloud_profile needs a fence with a cloud profile", unfence("P2"))
simple("cloud: agent item with the profile not quoted inline", "cloud_profile needs the cloud profile quoted inline",
       lambda c: c.e("P5").__setitem__("question", c.e("P5")["question"].replace("`", "")))
simple("cloud: short item without an inline profile", "cloud_profile needs the cloud profile quoted inline",
       mset("S11", "cloud_profile", True))
simple("cloud: truth names neither the cloud nor a suffix", "cloud_profile truth names neither the pasted cloud nor a pasted suffix",
       tset("P1", "Very likely: the host belongs to another cloud. Read hsmUri from hsm-obsidian, or take the key's kid, and run the key change again with that value."))
simple("cloud: a cloud that was not pasted does not count", "cloud_profile truth names neither the pasted cloud nor a pasted suffix",
       tset("P2", "No: the CLI profile of AzureUSGovernment says nothing about Managed HSM availability; confirm it for chinanorth3 first and keep a vault as the fallback."))
simple("cloud: a suffix without its leading dot counts", "short question has 15 words", only=True,
       fn=chain(tset("P1", "Very likely: a Managed HSM there sits under managedhsm.usgovcloudapi.net, not the global suffix; read hsmUri from hsm-obsidian and rerun the key change with the key's kid."),
                qset("S5", S5_15)))
simple("cloud: the cloud name counts in any case", "short question has 15 words", only=True,
       fn=chain(trep_all("P2", "AzureChinaCloud", "azurechinacloud"), qset("S5", S5_15)))
simple("cloud: truth keeps profile JSON", "cloud_profile truth still holds cloud profile JSON",
       tadd("P2", ' (see "mhsmDns": ".managedhsm.azure.cn")'))


@mut("cloud profiles used 4 times", "shape cloud_profile used 4 times, want exactly 5")
def _(c):
    mdel("P3", "cloud_profile")(c)
    e = c.e("P3")
    e["question"] = re.sub(r"```json\n.*?```", "(the Government suffixes, in short)", e["question"], flags=re.S)


simple("cloud profiles used 6 times", "shape cloud_profile used 6 times, want exactly 5", mset("L2", "cloud_profile", True))

# ---------------- aks_check_acr ----------------
simple("check-acr: only two stamped lines", "aks_check_acr needs a fence with >= 3 stamped check-acr lines",
       qsub("K4", r"(?m)^\[[^\]]+\] (?:ACR location|Kubelet managed identity client ID):.*\n", ""))
simple("check-acr: none of the report's phrases", "aks_check_acr needs a fence with >= 3 stamped check-acr lines",
       chain(qrep("K2", "Checking host name resolution", "Resolving"), qrep("K2", "Canonical name for ACR", "CNAME of registry"),
             qrep("K2", "Kubelet managed identity client ID", "Kubelet client"), qrep("K2", "Validating image pull permission", "Pull rights")))
simple("check-acr: report outside a fence", "aks_check_acr needs a fence with >= 3 stamped check-acr lines", unfence("K3"))
simple("check-acr: truth names no check and not the kubelet", "aks_check_acr truth names no check of the report and not the kubelet identity",
       tset("K1", "The report never tests whether crgarnet can use its own key; give the encryption identity its Key Vault Crypto Service Encryption User role on kv-garnet again and the pods pull."))
simple("check-acr: a check the report does not hold does not count", "aks_check_acr truth names no check of the report and not the kubelet identity",
       chain(qsub("K4", r"(?m)^\[[^\]]+\] Checking host name resolution.*\n", ""),
             tset("K4", "Recover kek-agate with az keyvault key recover --hsm-name hsm-agate as a Managed HSM Crypto Officer; host name resolution was never the issue, and nothing has to run on cragate.")))
simple("check-acr: the kubelet client ID counts", "short question has 15 words", only=True,
       fn=chain(tset("K1", "The check only vouches for the kubelet identity 7bd80b6c-51df-4f6f-82d5-89a0e34510ec; crgarnet's encryption identity lost its role on kv-garnet, so give it back and the pods pull."),
                qset("S5", S5_15)))
simple("check-acr: a check label counts in any case", "short question has 15 words", only=True,
       fn=chain(trep("K1", "image pull permission", "Image Pull Permission"), qset("S5", S5_15)))
simple("check-acr: truth keeps a report line", "aks_check_acr truth still holds a report line",
       tadd("K5", " [2026-11-27T10:03:20Z]"))
simple("check-acr report on a short item", "aks_check_acr must be a long post", mset("S11", "aks_check_acr", True))


@mut("check-acr reports used 4 times", "shape aks_check_acr used 4 times, want exactly 5")
def _(c):
    mdel("K2", "aks_check_acr")(c)
    e = c.e("K2")
    e["question"] = re.sub(r"```text\n.*?```", "(the cluster check passes)", e["question"], flags=re.S)


simple("check-acr reports used 6 times", "shape aks_check_acr used 6 times, want exactly 5", mset("L2", "aks_check_acr", True))

# ---------------- az_account_json ----------------
simple("account: fence that is not JSON", "az_account_json needs a fence with an account entry",
       qrep("Z1", '"state": "Enabled",', '"state": "Enabled"'))
simple("account: no user object", "az_account_json needs a fence with an account entry",
       qrep("Z3", '"user": {', '"owner": {'))
simple("account: a user object without tenantId, isDefault or homeTenantId", "az_account_json needs a fence with an account entry",
       chain(qrep("Z4", '  "homeTenantId": "d03c19db-a4df-4c8f-a044-2826845ed60d",\n', ''), qrep("Z4", '  "isDefault": true,\n', ''),
             qrep("Z4", '  "tenantId": "d03c19db-a4df-4c8f-a044-2826845ed60d",\n', '')))
simple("account: entry outside a fence", "az_account_json needs a fence with an account entry", unfence("Z2"))
simple("account: an agent item without an inline entry", "az_account_json needs the account entry quoted inline",
       mset("G2", "az_account_json", True))
simple("account: short item without an inline entry", "az_account_json needs the account entry quoted inline",
       mset("S11", "az_account_json", True))
simple("account: truth names no signed-in principal", "az_account_json truth names no signed-in principal of the paste",
       tset("Z1", "Contributor manages kv-beryl but cannot create keys in it; give the pipeline's service principal Key Vault Crypto Officer on the vault and rerun."))
simple("account: a principal named only in the prose does not count", "az_account_json truth names no signed-in principal of the paste",
       tset("Z2", "Give id-lapis-rotator the local role Managed HSM Crypto User at /keys/kek-lapis; crlapis then follows the new versions within an hour."))
simple("account: a principal that was not pasted does not count", "az_account_json truth names no signed-in principal of the paste",
       tset("Z4", "Ask a Managed HSM Administrator, Crypto Officer or Policy Administrator (ops@fabrikam.example can) to assign the role at /keys/kek-pyrite; neither ACR nor the portal does it."))
simple("account: the user name counts in any case", "short question has 15 words", only=True,
       fn=chain(trep("Z4", "ines.moreau@fabrikam.example", "Ines.Moreau@fabrikam.example"), qset("S5", S5_15)))
simple("account: the last segment of an MSIResource ID counts", "short question has 15 words", only=True,
       fn=chain(tset("Z5", "Look up the principal ID of id-galena-build with az identity show and pass it with --assignee-object-id and --assignee-principal-type ServicePrincipal."),
                qset("S5", S5_15)))
simple("account: the MSIClient ID counts", "short question has 15 words", only=True,
       fn=chain(tset("Z2", "2fc4f3c5-d87d-4fa9-8926-cc0c073ee895 is only the client ID: give that identity's principal Managed HSM Crypto User at /keys/kek-lapis; crlapis follows new versions on its own."),
                qset("S5", S5_15)))
simple("account: truth keeps account JSON", "az_account_json truth still holds account JSON",
       tadd("Z3", ' ("assignedIdentityInfo": "MSIClient-x")'))


@mut("account entries used 4 times", "shape az_account_json used 4 times, want exactly 5")
def _(c):
    mdel("Z3", "az_account_json")(c)
    e = c.e("Z3")
    e["question"] = re.sub(r"```json\n.*?```", "(it signs in as id-calcite-enc)", e["question"], flags=re.S)


simple("account entries used 6 times", "shape az_account_json used 6 times, want exactly 5", mset("L2", "az_account_json", True))

# ---------------- slide_outline ----------------
simple("slides: only one heading", "slide_outline needs >= 2 slide headings",
       qrep("D2", "Slide 5: Deleted keys", "Next: Deleted keys"))
simple("slides: numbers not increasing", "slide_outline needs >= 2 slide headings",
       qrep("D1", "Slide 3: Switch-over", "Slide 1: Switch-over"))
simple("slides: a heading without content", "slide_outline needs >= 2 slide headings",
       qsub("D4", r"(Slide 2: Emergency stop\n)(?:- .*\n)+\n", r"\1"))
simple("slides: truth cites no slide", "slide_outline truth cites no pasted slide by number",
       tset("D1", "No: a customer-managed key can only be chosen when a registry is created; plan a new registry for crmalachite and import the images."))
simple("slides: a slide number that was not pasted does not count", "slide_outline truth cites no pasted slide by number",
       tset("D1", "No: a customer-managed key can only be chosen when a registry is created, as slide 9 of the deck should say; plan a new registry and import the images."))
simple("slides: a 'slides 4 and 5' citation counts", "short question has 15 words", only=True,
       fn=chain(tset("D2", "Purge protection can be turned on later for kv-azurite with az keyvault update --enable-purge-protection true; it is one-way, so slides 4 and 5 should say so."),
                qset("S5", S5_15)))
simple("slides: headings with # marks or in bold count", "short question has 15 words", only=True,
       fn=chain(qrep("D5", "Slide 1: Target design", "## Slide 1: Target design"), qrep("D5", "Slide 2: Access", "**Slide 2:** Access"),
                qset("S5", S5_15)))
simple("slides: truth keeps a slide heading", "slide_outline truth still holds a slide heading",
       tadd("D3", "\nSlide 6: Key rotation"))
simple("slide outline on a short item", "slide_outline must be a long post", mset("S11", "slide_outline", True))


@mut("slide outlines used 4 times", "shape slide_outline used 4 times, want exactly 5")
def _(c):
    mdel("D4", "slide_outline")(c)
    c.q_rep("D4", "Slide 2: Emergency stop", "Step two, emergency stop")
    c.q_rep("D4", "Slide 3: Undo", "Step three, undo")


simple("slide outlines used 6 times", "shape slide_outline used 6 times, want exactly 5", mset("L2", "slide_outline", True))
simple("two new shapes on one item", "more than one new shape on one item", mset("R1", "cloud_profile", True))

# ---------------- two_facts ----------------
simple("two_facts floor", "floor: shape two_facts 3 < 4",
       chain(*[f for k in ("K3", "Z4") for f in
               (mdel(k, "two_facts"), (lambda c, k=k: c.e(k)["canonical"].pop()),
                (lambda c, k=k: c.e(k)["answer_facts"].pop()))]))


def run_check(d):
    env = dict(os.environ, BLIND67_DIR=d, BLIND67_KROOT=os.path.join(d, "k"), BLIND67_FACTS=os.path.join(d, "facts"))
    p = subprocess.run([sys.executable, os.path.join(HERE, "check67.py")], env=env, capture_output=True, text=True)
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
        shutil.copy(os.path.join(HERE, "build67.py"), d)
    return d


def run_one(i):
    """Run mutation number i on a fresh copy; returns (caught, report line)."""
    name, expect, fn, with_build, only = MUTS[i]
    d = fresh(with_build)
    try:
        c = Ctx(d)
        fn(c)
        c.save()
        rc, out = run_check(d)
    except Exception as exc:  # noqa: BLE001  (a broken mutation counts as missed, the run goes on)
        rc, out = 0, "setup failed: %s: %s" % (type(exc).__name__, exc)
    finally:
        shutil.rmtree(d, ignore_errors=True)
    ok = rc == 1 and expect in out and (not only or len(out.strip().split("\n")) == 1)
    return ok, "%s  %s  (expect %r)\n    %s" % ("CAUGHT" if ok else "MISSED", name, expect,
                                             out.strip().replace("\n", "\n    ")[:600])


def main():
    """Options: -v prints every mutation's report, -j N runs N mutations at a time, -k TEXT runs only the
    mutations whose name contains TEXT (a filtered run does not count as a full run)."""
    verbose = "-v" in sys.argv
    jobs = int(sys.argv[sys.argv.index("-j") + 1]) if "-j" in sys.argv else 1
    only_k = sys.argv[sys.argv.index("-k") + 1] if "-k" in sys.argv else None
    d = fresh(True)
    rc, out = run_check(d)
    shutil.rmtree(d)
    print("unmodified copy: %s" % out.strip())
    if rc != 0:
        return 1
    todo = [i for i, m in enumerate(MUTS) if only_k is None or only_k in m[0]]
    if jobs > 1:
        import multiprocessing
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            results = pool.map(run_one, todo, chunksize=1)
    else:
        results = [run_one(i) for i in todo]
    caught = 0
    for ok, line in results:
        caught += ok
        if not ok or verbose:
            print(line)
    d = fresh(True)
    rc, out = run_check(d)
    shutil.rmtree(d)
    print("unmodified copy after runs: %s" % out.strip())
    print("%d/%d mutations caught" % (caught, len(todo)))
    return 0 if caught == len(todo) and rc == 0 else 1


if __name__ == "__main__":
    sys.exit(main())


