"""blind65 mutation driver. Each mutation runs on a fresh temp copy (inside blind65/) of the set, prev/, the
blind64 and blind63 first-canonical lists, the knowledge and the fact sheets; it counts as caught only when check65.py
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
KROOT = os.environ.get("BLIND65_KROOT", "/work/scratch/blind65/kstripped")
FACTS = os.environ.get("BLIND65_FACTS", "/work/shared/facts")
sys.path.insert(0, HERE)
import build65  # noqa: E402
import check65  # noqa: E402
import kparse  # noqa: E402

SET = "blind65"
FILES = (SET + ".json", SET + "-meta.json", SET + "-first-canonicals.txt")
_entries, _meta = build65.build()
_byq = {q["question"]: q["key"] for q in build65.QUESTIONS}
ID = {_byq[e["question"]]: e["id"] for e in _entries}
SCENARIO_SECTION = next("acr-cmk/" + k if not k.startswith("acr-cmk/") else k
                        for k in kparse.parse_all(KROOT) if "scenarios/" in k)
P = build65.ID_PREFIX
LISTS = tuple("blind%d-first-canonicals.txt" % n for n in check65.SPREAD_SETS)
A_SET, B_SET = check65.SPREAD_SETS
PREV_LABEL = check65.PREV_LABEL


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
            for n in check65.SPREAD_SETS:
                fp = os.path.join(self.d, "blind%d-first-canonicals.txt" % n)
                firsts[n] = {x.strip() for x in open(fp, encoding="utf-8") if x.strip()} if os.path.exists(fp) else set()
            self.m["_set"] = check65.set_summary(self.j, self.m, firsts)
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
# the set's prefix is "ac"; every single letter (the prefixes of blind19-62), blind63's "aa", blind64's "ab", other
# two-letter prefixes, an upper-case "AC" and a longer "acc" are rejected
for pfx in tuple("abcdefghijklmnopqrstuvwxyz") + ("aa", "ab", "ad", "ca", "AC", "acc"):
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
simple("rebuild: json truth edited", "rebuild differs from blind65.json",
       lambda c: c.j[0].__setitem__("truth", c.j[0]["truth"] + " Extra."), True)
simple("rebuild: meta edited", "rebuild differs from blind65-meta.json",
       lambda c: c.m[P + "001"].__setitem__("qual", "none" if c.m[P + "001"]["qual"] != "none" else "asked"), True)


@mut("rebuild: same content, other JSON layout (byte compare)", "rebuild differs from blind65.json", True)
def _(c):
    # content unchanged, only the serialisation differs: caught by the byte comparison alone
    def save():
        with open(os.path.join(c.d, FILES[0]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(c.j, indent=2, ensure_ascii=False) + "\n")
        with open(os.path.join(c.d, FILES[1]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(c.m, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    c.save = save


@mut("rebuild: a GUID in a pasted service principal changed (byte compare)", "rebuild differs from blind65.json", True)
def _(c):
    # still a complete service principal object whose id value the truth names, but no longer what build65.py writes
    c.q_rep("G2", '"appId": "a93d5e02', '"appId": "a93d5e03')


@mut("rebuild: first-canonical list edited", "rebuild differs from blind65-first-canonicals.txt", True)
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


simple("first-canonical list missing", "blind65-first-canonicals.txt missing",
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
       set_edit(lambda s: s["new_shapes"]["adr_record"].pop()))
simple("_set: spread count changed", "meta: _set summary does not match",
       set_edit(lambda s: s["spread"].__setitem__("new_against_blind%d_and_blind%d" % (A_SET, B_SET), 47)))
simple("_set: spread floors changed", "meta: _set summary does not match",
       set_edit(lambda s: s["spread"].__setitem__("floors", [30, 20])))
simple("_set: typo moved to another id", "meta: _set summary does not match",
       set_edit(lambda s: s["typos"].__setitem__("adress", ID["S2"])))
simple("_set: off-topic subject renamed", "meta: _set summary does not match",
       set_edit(lambda s: s["off_topic_subjects"].__setitem__(ID["X1"], "longhorn")))
simple("_set: stale after a flag change", "meta: _set summary does not match",
       raw(mdel("D4", "adr_record")))


def add_my_first_to_list(n, key):
    def f(c):
        # one of this set's first canonicals now also counts as a first of blind<n>: the spread figures go stale
        c.raw_set = True
        p = os.path.join(c.d, "blind%d-first-canonicals.txt" % n)
        lines = [x for x in open(p, encoding="utf-8") if x.strip()]
        lines[-1] = c.e(key)["canonical"][0] + "\n"
        open(p, "w", encoding="utf-8").writelines(lines)
    return f


simple("_set: stale after the blind64 first-canonical list changed", "meta: _set summary does not match",
       add_my_first_to_list(A_SET, "L24"))
simple("_set: stale after the blind63 first-canonical list changed", "meta: _set summary does not match",
       add_my_first_to_list(B_SET, "A10"))

# ---------------- dropped flags and fields (the shape flags of blind52 to blind64 included) ----------------
_SPECIAL = {"field": "bypass", "wrong": "--kek-uri", "other": ["AWS"], "premise": "x"}
for fld in check65.DROPPED_FIELDS:
    simple("dropped/unknown field %s" % fld, "unknown field %r" % fld, mset("L24", fld, _SPECIAL.get(fld, True)))

# ---------------- facts and answer facts ----------------
simple("answer_fact not in canonical", "answer_fact not in first canonical",
       lambda c: c.e("L24")["answer_facts"].__setitem__(0, "managed hsm is available in every region"))
simple("answer_fact only in a related section", "answer_fact not in first canonical",
       lambda c: c.e("A9")["answer_facts"].__setitem__(0, "these rules are for your clients"))
simple("answer_fact added from a related section", "answer_fact not in first canonical",
       lambda c: c.e("S10")["answer_facts"].append("is unaffected by deleting and recovering"))
simple("answer_fact over 7 words", "answer_fact over 7 words",
       lambda c: c.e("S2")["answer_facts"].__setitem__(0, "this is the one documented command for every registry"))
simple("fact not in any section", "fact not in a canonical or related section",
       lambda c: c.e("S1")["facts"].__setitem__(0, "managed hsm roles are granted by acr automatically"))
simple("empty answer_facts", "no answer_facts", eset("S11", "answer_facts", []))
simple("empty facts", "no facts", eset("S11", "facts", []))
simple("two_facts with all facts in the first canonical", "two_facts needs one answer_fact only in each",
       lambda c: c.e("A2")["answer_facts"].__setitem__(1, "has no access policies to remove"))
simple("two_facts fact in neither canonical", "answer_fact not in either canonical",
       lambda c: c.e("C5")["answer_facts"].__setitem__(0, "the registry recreates the grant"))
simple("two canonicals without flag", "two canonical sections need two_facts", mdel("C1", "two_facts"))
simple("two_facts flag with one canonical", "two_facts needs two canonical sections",
       mset("S9", "two_facts", True))

# ---------------- sections ----------------
simple("unknown section id", "unknown section",
       lambda c: c.e("L23")["related"].__setitem__(2, "acr-cmk/references/identities.md#no-such-anchor"))
simple("section id without the acr-cmk/ folder", "unknown section",
       lambda c: c.e("L23")["related"].__setitem__(2, "references/troubleshooting.md#general-diagnostic-checklist"))
simple("canonical repeated in related", "repeated section",
       lambda c: c.e("L23")["related"].append(c.e("L23")["canonical"][0]))
simple("canonical empty", "canonical must hold 1 or 2", eset("L24", "canonical", []))
simple("three canonicals", "canonical must hold 1 or 2",
       lambda c: c.e("L24")["canonical"].extend(c.e("L24")["related"][:2]))
simple("first canonical in a scenario", "first canonical not a reference doc",
       lambda c: c.e("S2")["canonical"].__setitem__(0, SCENARIO_SECTION))
simple("related empty", "related is empty", eset("S11", "related", []))

# ---------------- kinds, styles, truths, categories ----------------
simple("unknown kind", "bad kind", mset("A7", "kind", "opinion"))
simple("yes truth opening No", "yes truth must open 'Yes: '",
       lambda c: c.e("S8").__setitem__("truth", "No: " + c.e("S8")["truth"][5:]))
simple("no truth without No", "no truth must open 'No: '",
       lambda c: c.e("D1").__setitem__("truth", c.e("D1")["truth"][4:]))
simple("undocumented truth without verdict", "undocumented truth must open 'Not documented'",
       lambda c: c.e("S11").__setitem__("truth", c.e("S11")["truth"][16:]))
simple("off-topic truth without verdict", "off-topic truth must open 'Not covered: '",
       lambda c: c.e("X3").__setitem__("truth", c.e("X3")["truth"][13:]))
simple("howto truth opening Yes", "howto truth opens with a verdict word",
       lambda c: c.e("A3").__setitem__("truth", "Yes: " + c.e("A3")["truth"]))
simple("troubleshoot truth opening No", "troubleshoot truth opens with a verdict word",
       lambda c: c.e("C1").__setitem__("truth", "No, " + c.e("C1")["truth"]))
simple("off-topic item with canonical", "off-topic item must have empty lists",
       lambda c: c.e("X4")["canonical"].append("acr-cmk/references/overview.md#default-encryption-at-rest-without-a-cmk"))
simple("off-topic category on an on-topic kind", "off-topic category and kind disagree",
       eset("A10", "category", "off-topic"))
simple("unknown category", "bad category", eset("A10", "category", "misc"))
simple("style count broken", "on-topic short count 13", mset("A7", "style", "short"))
simple("unknown style", "bad style", mset("A7", "style", "medium"))
simple("kind count broken", "kind howto count 13", mset("C4", "kind", "why"))
simple("kind group missing from a style", "kind group yes/no missing from style agent",
       chain(mset("A7", "kind", "value"),
             tset("A7", "A 403 on import after the HSM firewall goes on, unless trusted services are allowed on hsm-wheatear first."),
             mset("A8", "kind", "value"),
             tset("A8", "BlockedForEncryptionEnabledRegistry: content trust stays off on CMK registries; sign with Notation instead.")))
simple("category above 9", "category rotation count 10",
       chain(eset("D4", "category", "rotation"), eset("P5", "category", "rotation"), eset("L24", "category", "rotation"),
             eset("S9", "category", "rotation"), eset("S11", "category", "rotation")))
simple("category below 2", "category identity count 1", chain(eset("G1", "category", "keys"), eset("G2", "category", "keys")))

# ---------------- style rules ----------------
# a short question of exactly 15 words, used as the marker of the only=True mutations (S4 carries no qualifier, typo
# or shape)
S4_15 = "can notation still sign the images we push to our cmk acr with a key"
L24_START = "We moved image signing for crpochard"
simple("long post too short", "long question length", qset("L24", "Which tier after CMK?"))
simple("long post too long", "long question length",
       lambda c: c.e("L23").__setitem__("question", c.e("L23")["question"] + (" Some more background here." * 60)))
simple("short question of 15 words", "short question has 15 words", qset("S4", S4_15))
simple("short question on two lines", "short question spans lines",
       qrep("S11", " supported or not?", "\nsupported or not?"))
simple("agent query of 50 words", "agent query has",
       lambda c: c.e("A7").__setitem__("question", c.e("A7")["question"] + " please" + " also" * 30))
simple("agent query on two lines", "agent query spans lines", qrep("A3", " Question:", "\nQuestion:"))
simple("agent query with a fence", "agent query spans lines", qrep("A3", " Question:", " ```x``` Question:"))
simple("context form without Context:", "context form must open with 'Context:'",
       lambda c: c.e("A3").__setitem__("question", c.e("A3")["question"][len("Context: "):]))
simple("imperative form without verb", "imperative form must open with an imperative verb",
       qrep("A5", "Check why every pull", "I want to know why every pull"))
simple("keywords form opening uppercase", "keywords form must open lowercase",
       lambda c: c.e("A10").__setitem__("question", c.e("A10")["question"][0].upper() + c.e("A10")["question"][1:]))
simple("keywords form with ?", "keywords form must open lowercase",
       lambda c: c.e("A10").__setitem__("question", c.e("A10")["question"] + "?"))
simple("form on a short item", "form on a non-agent item", mset("S11", "form", "keywords"))
simple("agent forms miscounted", "on-topic agent form context count 4",
       chain(mset("A3", "form", "imperative"), qrep("A3", "Context: the firewall", "Explain: the firewall")))
simple("off-topic agent forms miscounted", "off-topic agent form keywords count 0",
       chain(mset("X9", "form", "imperative"),
             lambda c: c.e("X9").__setitem__("question", "Explain " + c.e("X9")["question"])))


@mut("three short questions not lowercase", "short questions not lowercase (max 2)")
def _(c):
    for k in ("S3", "S4", "S5"):
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
       chain(mset("L24", "quals", ["hsm"]), mset("L24", "qual", "story")))
simple("iac qualifier without a tool", "iac qualifier but no portal/Terraform/Bicep/ARM/AVM",
       chain(mset("S6", "quals", ["iac"]), mset("S6", "qual", "story")))
simple("October 2026 truth without Managed HSM", "October 2026 truth names neither",
       tset("S1", "Someone holding the Azure HSM contributor role lists the deleted pools and recovers this one with its location; do it soon, the pool is billed meanwhile."))
simple("qual asked recorded as story", "qual is 'story', should be 'asked'", mset("D1", "qual", "story"))
simple("quals without qual none", "qual is 'asked', should be 'none'", mset("C3", "qual", "asked"))
simple("unknown qualifier", "bad quals", mset("D1", "quals", ["hsm", "oct2026", "k8s"]))


def drop_qual(mm, x, q):
    mm["quals"] = [v for v in mm["quals"] if v != q]
    ask = build65.ask_part(x["question"])
    hit = ("hsm" in mm["quals"] and build65.HSM_RE.search(ask)) or ("iac" in mm["quals"] and build65.IAC_RE.search(ask))
    mm["qual"] = "none" if not mm["quals"] else ("asked" if hit else "story")


@mut("Managed HSM asked floor", "floor: Managed HSM asked")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "hsm" in mm.get("quals", []) and build65.HSM_RE.search(build65.ask_part(x["question"])):
            n += 1
            if n > 9:
                drop_qual(mm, x, "hsm")


@mut("Managed HSM asked in too few ways (qualifier dropped)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    # A10 is the only which-key ask and the only URI ask
    drop_qual(c.meta("A10"), c.e("A10"), "hsm")


@mut("Managed HSM asked in too few ways (asks reworded)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    # D1 is the only rbac ask, A2 the only revocation ask
    c.q_rep("D1", "Is granting that role at that scope an acceptable way for the registries to reach their HSM keys?",
            "Is that an acceptable way for the registries to reach their HSM keys?")
    c.q_rep("A2", "List the steps to revoke crbunting's access to kek-bunting in hsm-bunting, and how to confirm afterwards that the revocation really took effect",
            "List the steps to cut crbunting off from kek-bunting in hsm-bunting, and how to confirm afterwards that it really took effect")


@mut("iac named floor", "floor: portal/Terraform/Bicep/ARM/AVM named")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "iac" in mm.get("quals", []) and n < 4:
            drop_qual(mm, x, "iac")
            n += 1


@mut("October 2026 floor", "floor: October 2026")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "oct2026" in mm.get("quals", []) and n < 7:
            drop_qual(mm, x, "oct2026")
            n += 1


# ---------------- spread and per-doc ----------------
def list_lines(c, n):
    return [x.strip() for x in open(os.path.join(c.d, "blind%d-first-canonicals.txt" % n), encoding="utf-8") if x.strip()]


@mut("spread against blind64", "first canonicals new against blind64 (floor 40)")
def _(c):
    firsts = list(dict.fromkeys(list_lines(c, A_SET)))
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < 9 and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [firsts[n]]
            x["related"] = [r for r in x["related"] if r != firsts[n]] or [firsts[n + 20]]
            n += 1


@mut("spread against blind64 and blind63", "first canonicals new against blind64 and blind63 (floor 30)")
def _(c):
    a, b = set(list_lines(c, A_SET)), set(list_lines(c, B_SET))
    mine = {x["canonical"][0] for x in c.j if x["canonical"]}
    fresh = sum(1 for x in c.j if x["canonical"] and x["canonical"][0] not in a and x["canonical"][0] not in b)
    need = fresh - 29
    pool = [f for f in dict.fromkeys(list_lines(c, B_SET)) if f not in a and f not in mine]
    if len(pool) < need:
        raise AssertionError("setup: only %d blind63-only firsts" % len(pool))
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < need and not c.m[x["id"]].get("two_facts") \
                and x["canonical"][0] not in b:
            x["canonical"] = [pool[n]]
            x["related"] = [r for r in x["related"] if r != pool[n]] or ["acr-cmk/references/overview.md#requirements-at-a-glance"]
            n += 1


simple("troubleshooting doc above 8", "first canonical doc troubleshooting count 9",
       lambda c: c.e("L24")["canonical"].__setitem__(0, "acr-cmk/references/troubleshooting.md#cmk-needs-the-premium-tier"))
simple("infrastructure-as-code doc below 2", "first canonical doc infrastructure-as-code count 1",
       lambda c: c.e("A6")["canonical"].__setitem__(0, "acr-cmk/references/key-rotation.md#how-often-to-rotate"))
simple("blind64 first-canonical list missing", "first-canonical list missing: blind64",
       lambda c: os.remove(os.path.join(c.d, "blind64-first-canonicals.txt")))
simple("blind63 first-canonical list missing", "first-canonical list missing: blind63",
       lambda c: os.remove(os.path.join(c.d, "blind63-first-canonicals.txt")))


@mut("blind63 first-canonical list cut to 47", "blind63 has 47 lines")
def _(c):
    p = os.path.join(c.d, "blind63-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:47])


@mut("blind64 first-canonical list cut to 40", "blind64 has 40 lines")
def _(c):
    p = os.path.join(c.d, "blind64-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:40])


@mut("first-canonical lists read from the set's folder, not from prev/ (blind64)", "first-canonical list missing: blind64")
def _(c):
    # a copy in prev/ does not stand in for the list next to the set
    shutil.move(os.path.join(c.d, "blind64-first-canonicals.txt"), os.path.join(c.d, "prev", "blind64-first-canonicals.txt"))


@mut("first-canonical lists read from the set's folder, not from prev/ (blind63)", "first-canonical list missing: blind63")
def _(c):
    shutil.move(os.path.join(c.d, "blind63-first-canonicals.txt"), os.path.join(c.d, "prev", "blind63-first-canonicals.txt"))


@mut("spread lists of the wrong sets (blind63 and blind62 in place of blind64 and blind63)",
     "first-canonical list missing: blind64")
def _(c):
    # the previous set's pair of lists does not satisfy this set's spread rule
    os.remove(os.path.join(c.d, "blind64-first-canonicals.txt"))
    shutil.copy(os.path.join(c.d, "blind63-first-canonicals.txt"), os.path.join(c.d, "blind62-first-canonicals.txt"))


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


simple("typo planted in blind20", "typo 'completly' already used in blind19-64", plant_prev(20, "completly"))
simple("typo planted in blind41", "typo 'adress' already used in blind19-64", plant_prev(41, "adress"))
simple("typo planted in blind48", "typo 'wether' already used in blind19-64", plant_prev(48, "wether"))
simple("typo planted in blind64", "typo 'completly' already used in blind19-64", plant_prev(64, "completly"))
simple("typo planted in a blind64 truth", "typo 'adress' already used in blind19-64", plant_prev_truth(64, "adress"))
simple("typo planted in a blind25 truth", "typo 'wether' already used in blind19-64", plant_prev_truth(25, "wether"))
simple("typo moved to an off-topic short", "typo must sit in a short on-topic question",
       chain(mdel("S9", "typo"), qrep("S9", "wether", "whether"), mset("X11", "typo", "wether"),
             qrep("X11", "adds every product twice", "adds every product twice, wether new or old,")))
simple("typo fixed in the question", "typo 'adress' not in the question", qrep("S3", "adress", "address"))
simple("unrecorded typo in another question", "unrecorded typo 'completly'",
       qrep("S6", "that lets acr reach our key?", "that lets acr reach our key completly?"))
simple("typo used twice", "typo 'completly' used 2 times",
       chain(mset("S6", "typo", "completly"), qrep("S6", "that lets acr reach our key?", "that lets acr reach our key completly?")))
simple("unknown typo word", "not in the set's typo list",
       chain(mset("S5", "typo", "completley"), qrep("S5", "completly", "completley")))
simple("typo on a long item", "typo must sit in a short on-topic question",
       chain(mdel("S3", "typo"), qrep("S3", "adress", "address"), mset("L24", "typo", "adress"),
             qrep("L24", L24_START, "From our office adress: " + L24_START)))


@mut("typo added to the knowledge", "typo 'adress' stands in the knowledge or facts")
def _(c):
    p = c.kfile("acr-cmk/references/overview.md")
    open(p, "a").write("\nadress\n")


@mut("typo added to the fact sheets", "typo 'wether' stands in the knowledge or facts")
def _(c):
    p = os.path.join(c.d, "facts", "cmk-facts-2026-10.md")
    os.chmod(p, 0o644)
    open(p, "a").write("\nwether\n")

# ---------------- copying ----------------
KV_POLICY_CMD = ('az keyvault set-policy --name $KEY_VAULT_NAME --resource-group $RESOURCE_GROUP --object-id '
                 '$PRINCIPAL_ID --key-permissions get unwrapKey wrapKey')
KNOWLEDGE_PROSE = "the registry cannot unwrap its data without the key so deleting the key store"
simple("knowledge 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L24", L24_START, "The registry cannot unwrap its data without the key, and " + L24_START))
simple("fact-sheet 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L24", L24_START, "We wonder whether this revision is already live on Learn, and " + L24_START))
simple("pasted error moved into prose", "8-token run shared with knowledge/facts",
       qrep("L24", L24_START, "The CLI said Cannot set policies to a vault with '--enable-rbac-authorization' specified. " + L24_START))
simple("knowledge command in the prose around a redacted paste", "8-token run shared with knowledge/facts",
       qrep("M1", "What is wrong with the command?", "We granted access with " + KV_POLICY_CMD + ". What is wrong with the command?"))
simple("knowledge prose inside an ADR (12-token rule)", "12-token run (fences included) shared with knowledge/facts",
       qrep("D1", "Filing one ticket per key for a role assignment slows the HSM team down.", KNOWLEDGE_PROSE))
simple("knowledge prose inside a Learn copy (12-token rule)", "12-token run (fences included) shared with knowledge/facts",
       qrep("C4", "Allow trusted services and deny the rest", KNOWLEDGE_PROSE))
simple("knowledge prose inside annotated output (12-token rule)", "12-token run (fences included) shared with knowledge/facts",
       qrep("P2", '"message": "Security domain has not been downloaded yet.",', '"message": "' + KNOWLEDGE_PROSE + '",'))
simple("knowledge prose inside a service principal object (12-token rule)", "12-token run (fences included) shared with knowledge/facts",
       qrep("G2", '"displayName": "crhobby",', '"displayName": "crhobby",\n  "notes": "' + KNOWLEDGE_PROSE + '",'))
simple("knowledge prose inside a redacted paste (12-token rule)", "12-token run (fences included) shared with knowledge/facts",
       qrep("M3", '  location            = "westeurope"\n', '  location            = "westeurope"\n  # ' + KNOWLEDGE_PROSE + '\n'))
simple("blind30 8-token run", "8-token run shared with blind19-64",
       lambda c: c.e("L24").__setitem__("question", c.e("L24")["question"] + " " + prevq(30, 8)(c)[:120]))
simple("blind41 8-token run", "8-token run shared with blind19-64",
       lambda c: c.e("L24").__setitem__("question", c.e("L24")["question"] + " " + prevq(41, 3)(c)[:150]))
simple("blind64 8-token run", "8-token run shared with blind19-64",
       lambda c: c.e("L24").__setitem__("question", c.e("L24")["question"] + " " + prevq(64, 1)(c)[:150]))


def clean_prev_truth(n):
    """The first 200 characters of the first on-topic blind<n> truth whose opening shares no 8-token run with the
    knowledge or the fact sheets (so that only the prev-truth rule can fire)."""
    def get(c):
        src = check65.grams(check65.toks(kparse.all_text(os.path.join(c.d, "k")) + "\n" +
                                         kparse.all_text(os.path.join(c.d, "facts"))), 8)
        for e in json.load(open(os.path.join(c.d, "prev", "blind%d.json" % n), encoding="utf-8")):
            t = e["truth"][:200]
            if len(e["truth"]) >= 250 and not e["truth"].startswith("Not covered") and \
                    not check65.grams(check65.toks(t), 8) & src:
                return t
        raise AssertionError("setup: no clean blind%d truth" % n)
    return get


simple("blind64 truth copied into a question", "8-token run shared with a blind19-64 truth",
       lambda c: c.e("L24").__setitem__("question", c.e("L24")["question"] + " " + clean_prev_truth(64)(c)))
simple("blind33 truth copied into a question", "8-token run shared with a blind19-64 truth",
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
            if field == "question" and any(d(t) for d in check65.OLD_DETECT.values() if d is not None):
                continue
            ts = _tokset(t)
            if all(len(ts & o) / len(ts | o) <= 0.6 for o in older):
                return t
        raise AssertionError("setup: no own blind%d %s" % (n, field))
    return get


simple("blind64 question repeated", "Jaccard > 0.6 with blind64",
       lambda c: c.e("A10").__setitem__("question", own_prev(64, "question")(c)))
simple("blind53 question repeated", "Jaccard > 0.6 with blind53",
       lambda c: c.e("A4").__setitem__("question", own_prev(53, "question")(c)))
simple("blind46 question repeated", "Jaccard > 0.6 with blind46",
       lambda c: c.e("S11").__setitem__("question", own_prev(46, "question")(c)))
simple("blind64 truth repeated", "truth Jaccard > 0.6 with blind64",
       lambda c: c.e("S9").__setitem__("truth", own_prev(64, "truth")(c)))
simple("off-topic truth close to an earlier truth", "truth Jaccard > 0.6 with blind",
       tset("X11", "Not covered: resetting a Navidrome password is outside the ACR customer-managed key knowledge."))
simple("off-topic truth copied from blind64", "truth Jaccard > 0.6 with blind64",
       lambda c: c.e("X12").__setitem__("truth", next(
           e["truth"] for e in json.load(open(os.path.join(c.d, "prev", "blind64.json"), encoding="utf-8"))
           if e["truth"].startswith("Not covered"))))
simple("near-duplicate inside the set", "Jaccard > 0.6 with",
       qset("S6", "cmk on: how many layers of encryption at rest does the acr get?"))
simple("truth copies a knowledge sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("L23").__setitem__("truth", c.e("L23")["truth"] + " Soft delete alone keeps deleted keys and vaults recoverable, but someone with purge rights can still destroy them permanently before the retention period ends."))
simple("truth copies a fact-sheet sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("A6").__setitem__("truth", c.e("A6")["truth"] + " Whether this revision is already live on Learn was not checked."))
simple("question copies a knowledge sentence", "question copies a knowledge/fact sentence",
       qrep("L24", L24_START, "Registries without a CMK are still encrypted at rest with Microsoft-managed keys. " + L24_START))
simple("question echoes a heading", "question echoes a heading",
       qrep("L24", L24_START, "Versioned and versionless key IDs, the wiki says. " + L24_START))


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
    old = "usually after about three months"
    if s.count(old) != 1:
        raise AssertionError("setup: text not once in troubleshooting.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "usually after roughly three months"))


@mut("knowledge text edited under a two_facts answer fact", "answer_fact not in either canonical")
def _(c):
    p = c.kfile("acr-cmk/references/revocation-and-recovery.md")
    s = open(p, encoding="utf-8").read()
    old = "The vault name stays reserved"
    if s.count(old) != 1:
        raise AssertionError("setup: text not once in revocation-and-recovery.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "The vault name remains reserved"))


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
    qset("S4", S4_15)(c)


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
simple("blind63 prev file missing", "prev file missing: blind63.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind63.json")))
simple("blind64 prev file missing", "prev file missing: blind64.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind64.json")))
simple("blind19 prev file missing (first of the range)", "prev file missing: blind19.json",
       lambda c: os.remove(os.path.join(c.d, "prev", "blind19.json")))


# ---------------- off-topic ----------------
def banned_subject(word, text):
    return chain(mset("X10", "subject", word), qset("X10", text))


simple("banned blind64 subject", "banned off-topic subject 'lighttpd'",
       banned_subject("lighttpd", "lighttpd: how do i hand it a new tls key safely?"))
simple("banned blind64 subject (2)", "banned off-topic subject 'crowdsec'",
       banned_subject("crowdsec", "crowdsec: how do i add a second bouncer machine?"))
simple("banned blind64 extra name", "banned off-topic subject 'influxdb'",
       banned_subject("influxdb", "influxdb: how do i rotate the write password safely?"))
simple("banned blind64 extra name (2)", "banned off-topic subject 'tsig'",
       banned_subject("tsig", "tsig: how do i change the shared name for updates?"))
simple("banned blind63 subject", "banned off-topic subject 'hitch'",
       banned_subject("hitch", "hitch: how do i hand it a new tls key safely?"))
simple("banned blind63 extra name", "banned off-topic subject 'videobridge'",
       banned_subject("videobridge", "videobridge: how do i rotate its shared password?"))
simple("banned blind63 extra name (2)", "banned off-topic subject 'snmpv3'",
       banned_subject("snmpv3", "snmpv3: how do i change the privacy passphrase on our switches?"))
simple("banned blind62 subject", "banned off-topic subject 'varnish'",
       banned_subject("varnish", "varnish: how do i change the admin password safely?"))
simple("banned blind62 extra name", "banned off-topic subject 'varnishadm'",
       banned_subject("varnishadm", "varnishadm: how do i rotate its access safely?"))
simple("banned blind61 subject", "banned off-topic subject 'keepalived'",
       banned_subject("keepalived", "keepalived: how do i change the vrrp password safely?"))
simple("banned blind61 extra name", "banned off-topic subject 'slapd'",
       banned_subject("slapd", "slapd: how do i swap its tls certificate?"))
simple("banned blind60 subject", "banned off-topic subject 'rudder'",
       banned_subject("rudder", "rudder: how do i re-trust the agents after a rebuild?"))
simple("banned blind60 extra name", "banned off-topic subject 'universe key'",
       banned_subject("universe key", "universe key: how do i rotate it safely?"))
simple("banned blind59 subject", "banned off-topic subject 'keylime'",
       banned_subject("keylime", "keylime: how do i re-enroll the agents after a ca change?"))
simple("banned blind59 extra name", "banned off-topic subject 'data converter'",
       banned_subject("data converter", "data converter: how do i rotate its cipher safely?"))
simple("banned blind58 subject", "banned off-topic subject 'goreleaser'",
       banned_subject("goreleaser", "goreleaser: how do i move to a new checksum signer?"))
simple("banned blind58 extra name", "banned off-topic subject 'pillar'",
       banned_subject("pillar", "pillar: how do i rotate the encrypted data safely?"))
simple("banned blind57 subject", "banned off-topic subject 'rauc'",
       banned_subject("rauc", "rauc: how do i renew the bundle signing key?"))
simple("banned blind57 extra name", "banned off-topic subject 'cloud foundry'",
       banned_subject("cloud foundry", "cloud foundry: how do i rotate the internal credential key?"))
simple("banned blind56 subject", "banned off-topic subject 'werf'",
       banned_subject("werf", "werf: how do i move to a new encryption key?"))
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
simple("banned blind51 extra name", "banned off-topic subject 'fernet'",
       banned_subject("fernet", "how do i rotate the fernet key of our registry sync job?"))
simple("banned blind45 subject", "banned off-topic subject 'vaultwarden'",
       banned_subject("vaultwarden", "how do i rotate the vaultwarden key after our registry admin left?"))
simple("banned blind32 subject (list of blind19-36)", "banned off-topic subject 'databricks'",
       banned_subject("databricks", "databricks workspace cmk rotation, how?"))
X8_TAIL = "instead of waiting for the nightly library scan"
for _word, _label in (("gotify", "blind64 subject"), ("nginx", "blind64 extra name"), ("epub", "blind64 extra name (2)"),
                      ("bouncer", "blind64 extra name (3)"),
                      ("jitsi", "blind63 subject"), ("lua", "blind63 extra name"), ("jump host", "blind63 extra name (2)"),
                      ("squid", "blind62 subject"), ("xmpp", "blind62 extra name"), ("helpdesk", "blind62 extra name (2)"),
                      ("etherpad", "blind61 subject"), ("vrrp", "blind61 extra name"),
                      ("zulip", "blind60 subject"), ("ziti", "blind60 extra name"), ("ghostunnel", "blind59 subject"),
                      ("registrar", "blind59 extra name"), ("awx", "blind58 subject"),
                      ("minions", "blind58 extra name"), ("bitrise", "blind57 subject"),
                      ("libsodium", "blind57 extra name"), ("travis", "blind56 subject"),
                      ("sqlite", "blind56 extra name"), ("circleci", "blind55 subject"), ("nats", "blind54 subject"),
                      ("istio", "blind53 subject")):
    simple("%s in another question" % _label, "off-topic question names banned %r" % _word,
           qrep("X8", X8_TAIL, "(as we did for %s) %s" % (_word, X8_TAIL)))
for _phrase, _label in (("caching proxy", "blind64"), ("write credential", "blind64 (2)"), ("pen test", "blind63"),
                        ("static auth secret", "blind62"), ("session ticket key", "blind61"),
                        ("air-gapped replica", "blind60"), ("wrap key", "blind59"),
                        ("sensitive properties key", "blind58")):
    simple("%s multi-word extra name in another question" % _label, "off-topic question names banned %r" % _phrase,
           qrep("X8", X8_TAIL, "(the %s too) %s" % (_phrase, X8_TAIL)))
simple("blind54 extra name in another question", "off-topic question names banned 'argo cd'",
       qrep("X8", X8_TAIL, "(Argo CD reads them too) " + X8_TAIL))
simple("blind28 subject in another question", "off-topic question names banned 'payment hsm'",
       qrep("X8", X8_TAIL, "(the Payment HSM team asked too) " + X8_TAIL))
simple("subject planted in blind33", "subject 'gerrit' used in blind19-64", plant_prev(33, "gerrit"))
simple("subject planted in blind64", "subject 'photoprism' used in blind19-64", plant_prev(64, "photoprism"))
simple("subject not in question", "subject 'photoprism' not in the question",
       qset("X12", "can my photo library app recognise faces in folders it only reads?"))
simple("earlier off-topic product named (capitalised, blind27)", "repeats an earlier off-topic subject word: verdaccio",
       qrep("X8", X8_TAIL, "the way we once did for Verdaccio, " + X8_TAIL))
simple("earlier off-topic product named (lowercase short, blind25)", "repeats an earlier off-topic subject word: sops",
       qset("X11", "grocy barcode scanner next to sops adds every product twice"))
simple("earlier off-topic word from blind51 outside the ban list", "repeats an earlier off-topic subject word: secret-key",
       qrep("X9", "trilium notes sync", "trilium notes secret-key sync"))
simple("earlier off-topic word from blind54 outside the ban list", "repeats an earlier off-topic subject word: gitops",
       qrep("X6", "We moved our Audiobookshelf server", "We moved our GitOps page and our Audiobookshelf server"))
simple("earlier off-topic word from blind55 outside the ban list", "repeats an earlier off-topic subject word: cas",
       qrep("X1", "and its replication plugin", "and, among our CAs, its replication plugin"))
simple("earlier off-topic word from blind56 outside the ban list", "repeats an earlier off-topic subject word: compromised",
       qrep("X4", "and must be replaced", "and may be compromised, so it must be replaced"))
simple("earlier off-topic word from blind57 outside the ban list", "repeats an earlier off-topic subject word: members",
       qrep("X7", "without losing the extensions we rely on?", "without losing the extensions our members rely on?"))
simple("earlier off-topic word from blind60 outside the ban list", "repeats an earlier off-topic subject word: kicking",
       qrep("X5", "without the agents losing their path", "without kicking the agents off their path"))
simple("earlier off-topic word from blind61 outside the ban list", "repeats an earlier off-topic subject word: leak",
       qrep("X10", "how do i move a lemmy instance", "how do i move a lemmy leak instance"))
simple("earlier off-topic word from blind62 outside the ban list", "repeats an earlier off-topic subject word: graceful",
       qrep("X9", "after upgrading only the server", "after a graceful upgrade of only the server"))
simple("earlier off-topic word from blind63 outside the ban list", "repeats an earlier off-topic subject word: meetings",
       qrep("X7", "including registry maintenance windows", "including meetings and registry maintenance windows"))
simple("earlier off-topic word from blind64 outside the ban list", "repeats an earlier off-topic subject word: thumbnail",
       qrep("X11", "adds every product twice", "adds every product thumbnail twice"))
simple("off-topic subject word planted in an earlier off-topic truth", "repeats an earlier off-topic subject word: gerrit",
       plant_prev_offtopic_truth(40, "Compare Gerrit."))
simple("banned key word in off-topic", "off-topic question names banned 'kubernetes'",
       qrep("X2", "the images we push to our container registry", "the images we push to our Kubernetes container registry"))
simple("banned key word kms", "off-topic question names banned 'kms'",
       qrep("X1", "was generated when Gerrit was installed in 2019", "was generated when Gerrit was installed in 2019 and sits in our kms"))
simple("near_miss on an agent item", "near_miss only on long off-topic posts", mset("X7", "near_miss", True))
simple("near-miss floor", "floor: near misses", chain(mdel("X1", "near_miss"), mdel("X2", "near_miss")))


@mut("off-topic story floor", "floor: long off-topic registry+key stories")
def _(c):
    for k in ("X5", "X6"):
        e = c.e(k)
        e["question"] = re.sub(r"\bregistr\w*", "service", e["question"], flags=re.I)


simple("off-topic subject missing", "off-topic subject missing", mdel("X6", "subject"))
simple("shape flag on off-topic", "shape flag adr_record on an off-topic item", mset("X6", "adr_record", True))
simple("subject on an on-topic item", "subject/near_miss on an on-topic item", mset("L24", "subject", "x"))


# ---------------- long measures ----------------
@mut("fenced long floor", "floor: fenced long posts")
def _(c):
    for k in ("D1", "D2", "D3", "D4", "D5", "C1", "C2", "C3", "C4", "C5"):
        unfence(k)(c)


@mut("fenced troubleshoot floor", "floor: fenced long troubleshoot posts")
def _(c):
    for k in ("C1", "C2", "C5", "P1"):
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
# ---------------- the shapes of blind52 to blind64 are rejected in the text ----------------
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

# blind52 to blind64's shapes in this set's questions
simple("old shape: TL;DR line", "question shows blind52's shape tldr_summary",
       qrep("L24", L24_START, "TL;DR: tags or not?\n\n" + L24_START))
simple("old shape: TL;DR line in an off-topic post", "question shows blind52's shape tldr_summary",
       qadd("X1", "\n\ntl;dr can replication keep running?"))
simple("old shape: shouting", "question shows blind52's shape caps_shouting",
       qrep("L24", L24_START, "I REALLY need this SETTLED. " + L24_START))
simple("old shape: typographic quotes", "question shows blind52's shape smart_punctuation",
       qrep("S11", "supported or not?", "\u201csupported\u201d or not?"))
simple("old shape: en dash in a command", "question shows blind52's shape smart_punctuation",
       qrep("L23", "az acr create keeps failing", "az acr create \u2013-sku Premium keeps failing"))
simple("old shape: --query expression", "question shows blind52's shape jmespath_query",
       qrep("L24", L24_START, "az acr show --query sku.name says Premium. " + L24_START))
simple("old shape: anchored regex", "question shows blind52's shape regex_pattern",
       qrep("S11", "azure policy", "`^https://[^/]+/keys/[^/]+$` azure policy"))
simple("old shape: shell history", "question shows blind53's shape shell_history", qadd("L24", HISTORY_FENCE))
simple("old shape: env file", "question shows blind53's shape dotenv_file", qadd("L23", ENV_FENCE))
simple("old shape: ANSI colour codes", "question shows blind53's shape ansi_escape_codes",
       qrep("A3", "the firewall of hsm-shrike", "the firewall of \x1b[33mhsm-shrike\x1b[0m"))
simple("old shape: strikethrough", "question shows blind53's shape strikethrough_correction",
       qrep("A9", "still lets us edit", "still ~~blocks~~ lets us edit"))
simple("old shape: percent-encoded URI", "question shows blind53's shape percent_encoded_uri",
       qrep("S1", "bring back", "https%3a%2f%2fhsm-x.managedhsm.azure.net%2fkeys%2fkek: bring back"))
simple("old shape: strikethrough in an off-topic question", "question shows blind53's shape strikethrough_correction",
       qrep("X11", "adds every product twice", "adds every ~~item~~ product twice"))
simple("old shape inside an ADR (shell history)", "question shows blind53's shape shell_history",
       qrep("D1", "## Status\n", "  101  az acr show -n crplover\n  102  az acr update -n crplover\n"
                                 "  103  az keyvault show --hsm-name hsm-plover\n## Status\n"))
simple("old shape: merge conflict markers", "question shows blind54's shape merge_conflict_markers",
       qadd("L24", CONFLICT_FENCE))
simple("old shape: Jira monospace spans", "question shows blind54's shape jira_markup",
       qrep("L24", "crpochard from Docker Content Trust", "{{crpochard}} from {{Docker}} Content Trust"))
simple("old shape: Jira code block in front of a Learn copy", "question shows blind54's shape jira_markup",
       qrep("C2", "```text\nAssign the role", "{code}\n{code}\n```text\nAssign the role"))
simple("old shape: HTML character references", "question shows blind54's shape html_entities",
       qrep("S11", "supported or not?", "&quot;supported&quot; or not?"))
simple("old shape: numbered sub-questions", "question shows blind54's shape numbered_subquestions",
       qadd("L24", "\n\n1. Which tag? 2. Which verifier? 3. Which version?"))
simple("old shape: access token", "question shows blind54's shape jwt_token", qadd("X7", " Pasted: " + FAKE_TOKEN))
simple("old shape: Jira markup in an off-topic question", "question shows blind54's shape jira_markup",
       qrep("X10", "how do i move a lemmy instance", "how do i {{move}} a {{lemmy}} instance"))
simple("old shape: Python traceback", "question shows blind55's shape python_traceback", qadd("L24", TRACEBACK_FENCE))
simple("old shape: Python traceback inside an ADR", "question shows blind55's shape python_traceback",
       qrep("D3", "## Status\n", 'Traceback (most recent call last):\n  File "/src/policy.py", line 41, in <module>\n'
                                 '    apply()\nRuntimeError: policy refused\n## Status\n'))
simple("old shape: collapsed details section", "question shows blind55's shape details_block",
       qadd("L24", "\n\n<details>\n<summary>tag list</summary>\n\nsha256-0a1b2c.sig\n\n</details>"))
simple("old shape: screenshot", "question shows blind55's shape screenshot_embed",
       qrep("S11", "supported or not?", "![policy](https://github.com/user-attachments/assets/1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f) supported or not?"))
simple("old shape: double-encoded JSON", "question shows blind55's shape double_encoded_json",
       qrep("A3", "crshrike does not exist yet", 'crshrike does not exist yet ("{\\"error\\":{\\"code\\":\\"Forbidden\\"}}")'))
simple("old shape: escaped Markdown", "question shows blind55's shape escaped_markdown",
       qrep("S1", "soft-deleted managed hsm", "soft\\_deleted\\_managed hsm"))
simple("old shape: traceback in an off-topic question", "question shows blind55's shape python_traceback",
       qadd("X2", TRACEBACK_FENCE))
simple("old shape: details section in an off-topic question", "question shows blind55's shape details_block",
       qadd("X3", "\n\n<details>\n<summary>collector config</summary>\n\ntls(key-file)\n\n</details>"))
simple("old shape: screenshot in an off-topic question", "question shows blind55's shape screenshot_embed",
       qadd("X7", " ![forum](https://github.com/user-attachments/assets/7d1e0f3a-5b2c-4c8d-9e6f-0a1b2c3d4e5f)"))
simple("old shape: escaped Markdown in an off-topic question", "question shows blind55's shape escaped_markdown",
       qrep("X11", "adds every product twice", "adds every\\_product\\_entry twice"))
simple("old shape: runner log (blind56)", "question shows blind56's shape gha_log_groups", qadd("L24", RUNNER_FENCE))
simple("old shape: PowerShell error record (blind56)", "question shows blind56's shape powershell_error_record",
       qadd("L23", PS_FENCE))
simple("old shape: events table (blind56)", "question shows blind56's shape kubectl_events", qadd("L24", EVENTS_FENCE))
simple("old shape: JSON lines (blind56)", "question shows blind56's shape ndjson_log", qadd("L24", NDJSON_FENCE))
simple("old shape: logfmt line (blind56)", "question shows blind56's shape logfmt_line",
       qrep("A5", "Check why every pull", "Check, for level=error msg=denied vault=kv-linnet, why every pull"))
simple("old shape: runner log in an off-topic question (blind56)", "question shows blind56's shape gha_log_groups",
       qadd("X1", RUNNER_FENCE))
simple("old shape: PowerShell record in an off-topic question (blind56)", "question shows blind56's shape powershell_error_record",
       qadd("X2", PS_FENCE))
simple("old shape: events table in an off-topic question (blind56)", "question shows blind56's shape kubectl_events",
       qadd("X3", EVENTS_FENCE))
simple("old shape: JSON lines in an off-topic question (blind56)", "question shows blind56's shape ndjson_log",
       qadd("X4", NDJSON_FENCE))
simple("old shape: logfmt line in an off-topic question (blind56)", "question shows blind56's shape logfmt_line",
       qrep("X8", "Describe how to make Komga", 'Describe, given level=warn msg="scan due" app=komga, how to make Komga'))
simple("old shape: curl trace (blind57)", "question shows blind57's shape curl_verbose", qadd("L24", CURL_SNIPPET))
simple("old shape: git log (blind57)", "question shows blind57's shape git_log_oneline", qadd("L23", GITLOG_SNIPPET))
simple("old shape: CSV table (blind57)", "question shows blind57's shape csv_export", qadd("M4", CSV_SNIPPET))
simple("old shape: crontab line (blind57)", "question shows blind57's shape crontab_line",
       qrep("A10", "managed hsm for a cmk registry", "managed hsm (`0 3 * * 1 /opt/acr/rotate.sh`) for a cmk registry"))
simple("old shape: Copilot file reference (blind57)", "question shows blind57's shape copilot_refs",
       qrep("G5", "our ARM template has to put", "our ARM template (#file:acr.json) has to put"))
simple("old shape: Copilot participant in an on-topic question (blind57)", "question shows blind57's shape copilot_refs",
       qrep("L24", L24_START, "@workspace " + L24_START))
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
simple("old shape: nslookup output (blind58)", "question shows blind58's shape nslookup_output", qadd("L24", NS_SNIPPET))
simple("old shape: NXDOMAIN line alone (blind58)", "question shows blind58's shape nslookup_output",
       qadd("L23", "\n\n** server can't find kv-fulmar.vault.azure.net: NXDOMAIN"))
simple("old shape: Dockerfile (blind58)", "question shows blind58's shape dockerfile", qadd("L23", DOCKERFILE_SNIPPET))
simple("old shape: Event Viewer record (blind58)", "question shows blind58's shape windows_event_log", qadd("M4", EVENT_SNIPPET))
simple("old shape: alert payload (blind58)", "question shows blind58's shape monitor_alert_payload", qadd("L24", ALERT_SNIPPET))
simple("old shape: Checkov check ID (blind58)", "question shows blind58's shape checkov_finding",
       qrep("L24", L24_START, "CKV_AZURE_164 aside, " + L24_START))
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
       qrep("X9", "after upgrading only the server", "after upgrading only the server flagged by CKV2_AZURE_1"))
simple("old shape: openssl key dump (blind59)", "question shows blind59's shape openssl_key_text",
       qadd("L24", OPENSSL_SNIPPET))
simple("old shape: openssl key size quoted inline (blind59)", "question shows blind59's shape openssl_key_text",
       qrep("A9", "the firewall of kv-redpoll", "the firewall of kv-redpoll (`Public-Key: (2048 bit)`)"))
simple("old shape: INI file (blind59)", "question shows blind59's shape ini_config", qadd("L23", INI_SNIPPET))
simple("old shape: Az PowerShell list (blind59)", "question shows blind59's shape ps_format_list", qadd("M4", PSLIST_SNIPPET))
simple("old shape: ansible output (blind59)", "question shows blind59's shape ansible_output", qadd("L24", ANSIBLE_SNIPPET))
simple("old shape: manifest (blind59)", "question shows blind59's shape oci_manifest", qadd("L23", OCI_SNIPPET))
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
simple("old shape: pytest report (blind60)", "question shows blind60's shape pytest_failure", qadd("L24", PYTEST_SNIPPET))
simple("old shape: FAILED line quoted inline (blind60)", "question shows blind60's shape pytest_failure",
       qrep("S11", "supported or not?", "`FAILED tests/test_kv.py::test_hsm` supported or not?"))
simple("old shape: GitHub alert (blind60)", "question shows blind60's shape github_alert", qadd("L23", GHALERT_BLOCK))
simple("old shape: changelog (blind60)", "question shows blind60's shape changelog_entry", qadd("M4", CHANGELOG_SNIPPET))
simple("old shape: Maven log (blind60)", "question shows blind60's shape maven_build_log", qadd("L24", MAVEN_SNIPPET))
simple("old shape: azd output (blind60)", "question shows blind60's shape azd_output", qadd("L23", AZD_SNIPPET))
simple("old shape: Maven lines inside annotated output (blind60)", "question shows blind60's shape maven_build_log",
       qrep("P2", "```json\n{", "```json\n[INFO] BUILD FAILURE\n{"))
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
simple("old shape: make output (blind61)", "question shows blind61's shape make_error", qadd("L24", MAKE_SNIPPET))
simple("old shape: make error line quoted inline (blind61)", "question shows blind61's shape make_error",
       qrep("S2", "need a new kek version", "`make: *** [Makefile:3: rotate] Error 1` need a new kek version"))
simple("old shape: Mermaid diagram (blind61)", "question shows blind61's shape mermaid_diagram", qadd("L23", MERMAID_SNIPPET))
simple("old shape: Node.js error (blind61)", "question shows blind61's shape nodejs_error", qadd("M4", NODE_SNIPPET))
simple("old shape: .NET exception (blind61)", "question shows blind61's shape dotnet_exception", qadd("L24", DOTNET_SNIPPET))
simple("old shape: Jenkins console (blind61)", "question shows blind61's shape jenkins_console", qadd("L23", JENKINS_SNIPPET))
simple("old shape: Jenkins lines inside a service principal object (blind61)", "question shows blind61's shape jenkins_console",
       qrep("G3", "```json\n{", "```json\n[Pipeline] sh\n{"))
simple("old shape: a Node.js frame inside an ADR (blind61)", "question shows blind61's shape nodejs_error",
       qrep("D2", "## Status\n", "    at async push (/srv/build/index.mjs:12:7)\n## Status\n"))
simple("old shape: a .NET Status line inside a Learn copy (blind61)", "question shows blind61's shape dotnet_exception",
       qrep("C3", "```text\nCreate the registry", "```text\nStatus: 403 (Forbidden)\nCreate the registry"))
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
       qrep("X5", "Our build agents in two labs", "After a RequestFailedException in our tool: our build agents in two labs"))
simple("old shape: Jenkins console in an off-topic question (blind61)", "question shows blind61's shape jenkins_console",
       qadd("X4", JENKINS_SNIPPET))
simple("old shape: a lone Finished: FAILURE line in an off-topic question (blind61)", "question shows blind61's shape jenkins_console",
       qadd("X6", "\n\nFinished: FAILURE"))
simple("old shape: a lone [Pipeline] marker in an off-topic question (blind61)", "question shows blind61's shape jenkins_console",
       qadd("X3", " Our job logs [Pipeline] sh before it."))
# blind62's shapes
simple("old shape: suggestion block (blind62)", "question shows blind62's shape github_suggestion", qadd("L23", SUG_SNIPPET))
simple("old shape: go test failure (blind62)", "question shows blind62's shape go_test_failure", qadd("L24", GOTEST_SNIPPET))
simple("old shape: journal excerpt (blind62)", "question shows blind62's shape systemd_journal", qadd("M4", JOURNAL_SNIPPET))
simple("old shape: Python session (blind62)", "question shows blind62's shape python_repl", qadd("L23", REPL_SNIPPET))
simple("old shape: browser console (blind62)", "question shows blind62's shape browser_console", qadd("L24", CONSOLE_SNIPPET))
simple("old shape: failed request line quoted inline (blind62)", "question shows blind62's shape browser_console",
       qrep("S2", "need a new kek version", "`GET https://kv-x.vault.azure.net/keys 403 (Forbidden)` need a new kek version"))
simple("old shape: a journal line inside an ADR (blind62)", "question shows blind62's shape systemd_journal",
       qrep("D4", "## Status\n", "Dec 03 02:03:13 build-vm systemd[1]: dr-check.service: Failed with result 'exit-code'.\n## Status\n"))
simple("old shape: a Python prompt inside a Learn copy (blind62)", "question shows blind62's shape python_repl",
       qrep("C5", "```text\nDelete the encryption key", "```text\n>>> page.copy()\nDelete the encryption key"))
simple("old shape: a go test line inside a service principal object (blind62)", "question shows blind62's shape go_test_failure",
       qrep("G1", "```json\n{", "```json\n--- FAIL: TestPrincipal (0.10s)\n{"))
simple("old shape: a console line inside annotated output (blind62)", "question shows blind62's shape browser_console",
       qrep("P3", "```json\n{", "```json\nFailed to load resource: net::ERR_FAILED\n{"))
simple("old shape: a suggestion opener next to a redacted paste (blind62)", "question shows blind62's shape github_suggestion",
       qadd("M3", " The reviewer left a ```suggestion on it."))
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
       qrep("X8", X8_TAIL, "(the console shows GET https://comics.example.org/login 502 (Bad Gateway)) " + X8_TAIL))
simple("old shape: a lone Failed to load resource line in an off-topic question (blind62)", "question shows blind62's shape browser_console",
       qadd("X1", "\n\nFailed to load resource: net::ERR_CERT_DATE_INVALID"))
simple("old shape: a lone Uncaught (in promise) line in an off-topic question (blind62)", "question shows blind62's shape browser_console",
       qadd("X6", "\n\nUncaught (in promise) TypeError: shelf drift"))
# blind63's shapes
simple("old shape: help text (blind63)", "question shows blind63's shape cli_help_text", qadd("L24", HELP_SNIPPET))
simple("old shape: task log (blind63)", "question shows blind63's shape acr_task_log", qadd("L23", TASKLOG_SNIPPET))
simple("old shape: feature file (blind63)", "question shows blind63's shape gherkin_feature", qadd("M4", GHERKIN_SNIPPET))
simple("old shape: tree listing (blind63)", "question shows blind63's shape dir_tree", qadd("L24", TREE_SNIPPET))
simple("old shape: pre-commit output (blind63)", "question shows blind63's shape precommit_hooks", qadd("L23", PRECOMMIT_SNIPPET))
simple("old shape: pre-commit status quoted inline (blind63)", "question shows blind63's shape precommit_hooks",
       qrep("S11", "supported or not?", "`kv-sku-check.......Failed` supported or not?"))
simple("old shape: a help header inside an ADR (blind63)", "question shows blind63's shape cli_help_text",
       qrep("D5", "## Status\n", "Command\n## Status\n"))
simple("old shape: a task log line inside annotated output (blind63)", "question shows blind63's shape acr_task_log",
       qrep("P5", "```json\n[", "```json\n2026/12/07 09:31:18 export finished\n["))
simple("old shape: a Feature line inside a Learn copy (blind63)", "question shows blind63's shape gherkin_feature",
       qrep("C1", "```text\nEnable the managed identity", "```text\nFeature: key access\nEnable the managed identity"))
simple("old shape: a tree line inside a redacted paste (blind63)", "question shows blind63's shape dir_tree",
       qrep("M2", "```bash\naz keyvault set-policy", "```bash\n\u2514\u2500\u2500 grant.sh\naz keyvault set-policy"))
simple("old shape: a pre-commit status inside a service principal object (blind63)", "question shows blind63's shape precommit_hooks",
       qrep("G2", '  "accountEnabled": true,\n', '  "accountEnabled": true,\nsp-lint..........Failed\n'))
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
       qadd("X5", "\n\n`-- yggdrasil.conf"))
simple("old shape: pre-commit output in an off-topic question (blind63)", "question shows blind63's shape precommit_hooks",
       qadd("X4", PRECOMMIT_SNIPPET))
simple("old shape: a lone status line in an off-topic question (blind63)", "question shows blind63's shape precommit_hooks",
       qrep("X8", X8_TAIL, "(our `komga-check..........Failed` hook too) " + X8_TAIL))
simple("old shape: a lone hook id line in an off-topic question (blind63)", "question shows blind63's shape precommit_hooks",
       qadd("X6", "\n\n- hook id: shelf-cert"))
simple("old shape: a lone exit code line in an off-topic question (blind63)", "question shows blind63's shape precommit_hooks",
       qadd("X1", "\n\n- exit code: 1"))
simple("old shape: a lone skipped status line in an off-topic question (blind63)", "question shows blind63's shape precommit_hooks",
       qadd("X5", "\n\nmesh-lint....(no files to check)Skipped"))
# blind64's shapes
simple("old shape: footnotes (blind64)", "question shows blind64's shape md_footnotes", qadd("L24", FOOTNOTE_SNIPPET))
simple("old shape: role definition (blind64)", "question shows blind64's shape role_definition_json", qadd("L23", ROLE_SNIPPET))
simple("old shape: lock file (blind64)", "question shows blind64's shape tf_lock_file", qadd("L24", LOCK_SNIPPET))
simple("old shape: Document Details (blind64)", "question shows blind64's shape docs_feedback_block", qadd("L23", FEEDBACK_SNIPPET))
simple("old shape: OpenAPI excerpt (blind64)", "question shows blind64's shape openapi_schema", qadd("M4", OPENAPI_SNIPPET))
simple("old shape: role definition quoted inline (blind64)", "question shows blind64's shape role_definition_json",
       qrep("S11", "supported or not?", '`{"Actions": [], "DataActions": ["Microsoft.KeyVault/vaults/keys/read"]}` supported or not?'))
simple("old shape: a footnote inside a Learn copy (blind64)", "question shows blind64's shape md_footnotes",
       qrep("C4", "Allow trusted services and deny the rest", "Allow trusted services and deny the rest[^1]"))
simple("old shape: a lock hash inside an ADR (blind64)", "question shows blind64's shape tf_lock_file",
       qrep("D3", "Nobody runs manual rotations any more.", 'Nobody runs manual rotations any more ("h1:Qm3vX8sTnK1bR4yEw9LpZc2dJf6=").'))
simple("old shape: a role-definition key inside annotated output (blind64)", "question shows blind64's shape role_definition_json",
       qrep("P4", '    "principalType": "ServicePrincipal",\n', '    "principalType": "ServicePrincipal",\n    "dataActions": [],\n', ))
simple("old shape: a Document Details heading inside a redacted paste (blind64)", "question shows blind64's shape docs_feedback_block",
       qrep("M3", "```hcl\n", "```hcl\n# Document Details\n"))
simple("old shape: a readOnly key inside a service principal object (blind64)", "question shows blind64's shape openapi_schema",
       qrep("G1", '  "accountEnabled": true,\n', '  "accountEnabled": true,\n  "readOnly": true,\n'))
simple("old shape: footnotes in an off-topic question (blind64)", "question shows blind64's shape md_footnotes",
       qadd("X5", FOOTNOTE_SNIPPET))
simple("old shape: a lone footnote reference in an off-topic question (blind64)", "question shows blind64's shape md_footnotes",
       qrep("X6", "to a new VM last weekend", "to a new VM last weekend[^1]"))
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
    c.e("L24")["question"] += ("\n\n```yaml\n- name: check registry\n  env:\n    POCHARD_TAG: ${{ github.sha }}\n"
                               "    POCHARD_REG: ${{ vars.POCHARD_REGISTRY }}\n```\n")
    qset("S4", S4_15)(c)
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
    if new == e["question"] or check65.OLD_DETECT["systemd_journal"](new):
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
    if new == e["question"] or check65.OLD_DETECT["dir_tree"](new):
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
    if new == e["question"] or check65.OLD_DETECT["docs_feedback_block"](new):
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

# this set's shapes (for the novelty test on prev and for unflagged use)
ADR_SNIPPET = "\n\n```markdown\n# ADR-0002: Old choice\n\n## Status\n\nAccepted\n\n## Decision\n\nKeep the old vault.\n```"
LEARN_SNIPPET = "\n\n```text\nAzure CLI\nCopy\nOpen Cloud Shell\naz acr show --name <registry-name>\n```"
ARROW_SNIPPET = "\n\n```text\nstate: failed      <-- why?\nretries: 3         <-- too many\n```"
REDACT_SNIPPET = "\n\n```text\nuser = <redacted>\nhost = [REDACTED]\n```"
GRAPH_SNIPPET = ('\n\n```json\n{"appId": "00000000-0000-0000-0000-000000000001", "displayName": "old-sp", '
                 '"id": "00000000-0000-0000-0000-000000000002", "servicePrincipalType": "Application"}\n```')

simple("a new shape already in an earlier question (ADR)", "new shape adr_record already occurs in blind19-64",
       prev_edit(45, lambda d: d[2].__setitem__("question", d[2]["question"] + ADR_SNIPPET)))
simple("a new shape already in an earlier question (Learn copy)", "new shape learn_page_copy already occurs in blind19-64",
       prev_edit(22, lambda d: d[5].__setitem__("question", d[5]["question"] + LEARN_SNIPPET)))
simple("a new shape already in an earlier question (arrows)", "new shape arrow_annotations already occurs in blind19-64",
       prev_edit(59, lambda d: d[7].__setitem__("question", d[7]["question"] + ARROW_SNIPPET)))
simple("a new shape already in an earlier question (redaction)", "new shape redacted_paste already occurs in blind19-64",
       prev_edit(33, lambda d: d[9].__setitem__("question", d[9]["question"] + REDACT_SNIPPET)))
simple("a new shape already in an earlier question (service principal)", "new shape graph_sp_object already occurs in blind19-64",
       prev_edit(50, lambda d: d[11].__setitem__("question", d[11]["question"] + GRAPH_SNIPPET)))
simple("a new shape already in the last earlier set (blind64, redaction)", "new shape redacted_paste already occurs in blind19-64",
       prev_edit(64, lambda d: d[20].__setitem__("question", d[20]["question"] + REDACT_SNIPPET)))
simple("a new shape already in blind19 (first of the range, ADR)", "new shape adr_record already occurs in blind19-64",
       prev_edit(19, lambda d: d[0].__setitem__("question", d[0]["question"] + ADR_SNIPPET)))


# ---------------- new shapes: a shape in the text needs its flag ----------------
simple("unflagged ADR", "question shows the shape adr_record without its flag", mdel("D1", "adr_record"))
simple("unflagged Learn copy", "question shows the shape learn_page_copy without its flag", mdel("C4", "learn_page_copy"))
simple("unflagged arrows", "question shows the shape arrow_annotations without its flag", mdel("P1", "arrow_annotations"))
simple("unflagged redaction", "question shows the shape redacted_paste without its flag", mdel("M1", "redacted_paste"))
simple("unflagged service principal", "question shows the shape graph_sp_object without its flag", mdel("G1", "graph_sp_object"))
simple("unflagged inline redaction", "question shows the shape redacted_paste without its flag", mdel("M5", "redacted_paste"))
simple("unflagged inline service principal", "question shows the shape graph_sp_object without its flag", mdel("G4", "graph_sp_object"))
simple("ADR in an off-topic question", "question shows the shape adr_record without its flag", qadd("X5", ADR_SNIPPET))
simple("a lone Decision heading in an off-topic question", "question shows the shape adr_record without its flag",
       qadd("X6", "\n\n## Decision\n"))
simple("a lone ADR title in an off-topic question", "question shows the shape adr_record without its flag",
       qadd("X4", "\n\n# ADR-12: keep the old CA"))
simple("a lone Consequences heading in an off-topic question", "question shows the shape adr_record without its flag",
       qadd("X1", "\n\n### Consequences"))
simple("Learn copy in an off-topic question", "question shows the shape learn_page_copy without its flag",
       qadd("X3", LEARN_SNIPPET))
simple("a lone Copy line in an off-topic question", "question shows the shape learn_page_copy without its flag",
       qadd("X2", "\n\nCopy\n"))
simple("a lone Open Cloud Shell line in an off-topic question", "question shows the shape learn_page_copy without its flag",
       qadd("X4", "\n\nOpen Cloud Shell"))
simple("a lone Expand table line in an off-topic question", "question shows the shape learn_page_copy without its flag",
       qadd("X6", "\n\nExpand table\n"))
simple("arrows in an off-topic question", "question shows the shape arrow_annotations without its flag",
       qadd("X2", ARROW_SNIPPET))
simple("a lone dash arrow in an off-topic question", "question shows the shape arrow_annotations without its flag",
       qrep("X8", X8_TAIL, "(scan: nightly <-- too slow) " + X8_TAIL))
simple("a lone double arrow in an off-topic question", "question shows the shape arrow_annotations without its flag",
       qadd("X3", "\n\nexpires: next month  <== this one"))
simple("redaction in an off-topic question", "question shows the shape redacted_paste without its flag",
       qadd("X4", REDACT_SNIPPET))
simple("a lone <redacted> in an off-topic question", "question shows the shape redacted_paste without its flag",
       qrep("X10", "to a new domain name?", "to a new domain name (<redacted>)?"))
simple("a lone [REDACTED] in an off-topic question", "question shows the shape redacted_paste without its flag",
       qadd("X1", " The mirror host is [REDACTED]."))
simple("a lone REDACTED word in an off-topic question", "question shows the shape redacted_paste without its flag",
       qadd("X6", " (VM name REDACTED)"))
simple("a lone all-x GUID in an off-topic question", "question shows the shape redacted_paste without its flag",
       qadd("X5", " Node xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx was the stolen one."))
simple("service principal in an off-topic question", "question shows the shape graph_sp_object without its flag",
       qadd("X3", GRAPH_SNIPPET))
simple("a lone servicePrincipalType key in an off-topic question", "question shows the shape graph_sp_object without its flag",
       qadd("X7", ' (its "servicePrincipalType": "Application")'))
simple("a lone appId key in an off-topic question", "question shows the shape graph_sp_object without its flag",
       qadd("X2", ' The push app has "appId": "x".'))
simple("a lone alternativeNames key in an off-topic question", "question shows the shape graph_sp_object without its flag",
       qadd("X4", ' It lists "alternativeNames": [].'))
simple("a lone @odata.context in an off-topic question", "question shows the shape graph_sp_object without its flag",
       qadd("X1", ' The reply starts with "@odata.context".'))

# ---------------- adr_record ----------------
simple("ADR: title without a number", "adr_record needs a fence with an ADR",
       qrep("D1", "# ADR-0031: One pool-wide grant", "# One pool-wide grant"))
simple("ADR: no Status section", "adr_record needs a fence with an ADR",
       qrep("D2", "## Status\n\nAccepted\n\n", ""))
simple("ADR: a Status heading without a status line", "adr_record needs a fence with an ADR",
       qrep("D1", "## Status\n\nProposed\n\n", "## Status\n\n"))
simple("ADR: no Decision section", "adr_record needs a fence with an ADR",
       qrep("D3", "## Decision\n", "## Outcome\n"))
simple("ADR: fewer than three sections", "adr_record needs a fence with an ADR",
       chain(qrep("D5", "## Context\n\nUser-assigned identities pile up and nobody knows which one belongs to which registry.\n\n", ""),
             qrep("D5", "\n\n## Consequences\n\nOne identity per registry, deleted together with the registry.", "")))
simple("ADR: record outside a fence", "adr_record needs a fence with an ADR", unfence("D2"))
simple("ADR: Nygard-style title counts", "short question has 15 words", only=True,
       fn=chain(qrep("D1", "# ADR-0031: One pool-wide grant", "# 31. One pool-wide grant"), qset("S4", S4_15)))
simple("ADR: truth does not name the record", "adr_record truth does not name the record by its number",
       trep_all("D3", "ADR-0022", "the record"))
simple("ADR: truth names another record", "adr_record truth does not name the record by its number",
       trep_all("D3", "ADR-0022", "ADR-0023"))
simple("ADR: number without leading zeros counts", "short question has 15 words", only=True,
       fn=chain(trep_all("D3", "ADR-0022", "ADR 22"), qset("S4", S4_15)))
simple("ADR: truth names no decision-only word", "adr_record truth names no word that only the Decision section carries",
       tset("D4", "Not documented: ADR-0017 relies on guidance for vaults; plan the recovery of hsm-grebe on its own and record it."))
simple("ADR: a Decision word that also stands elsewhere does not count", "adr_record truth names no word that only the Decision section carries",
       tset("D4", "Not documented: ADR-0017 depends on failover guidance written for vaults; plan the recovery of hsm-grebe on its own."))
simple("ADR: a decision-only word counts", "short question has 15 words", only=True,
       fn=chain(tset("D4", "Not documented: ADR-0017 leans on vault redundancy advice; the ACR docs never cover Managed HSM recovery."),
                qset("S4", S4_15)))
simple("ADR: truth keeps a heading", "adr_record truth still holds an ADR heading", tadd("D1", " ## Decision"))
simple("ADR on a short item", "adr_record must be a long post", mset("S2", "adr_record", True))


@mut("ADR used 4 times", "shape adr_record used 4 times, want exactly 5")
def _(c):
    mdel("D5", "adr_record")(c)
    e = c.e("D5")
    e["question"] = re.sub(r"```markdown\n.*?```", "(the record gives every registry its own system identity)", e["question"], flags=re.S)


simple("ADR used 6 times", "shape adr_record used 6 times, want exactly 5", mset("L24", "adr_record", True))

# ---------------- learn_page_copy ----------------
simple("Learn: no Copy line after the label", "learn_page_copy needs a fence with a copied code block",
       qrep("C1", "Azure CLI\nCopy\n", "Azure CLI\n"))
simple("Learn: unknown label", "learn_page_copy needs a fence with a copied code block",
       qrep("C4", "Azure CLI\nCopy", "Shell script\nCopy"))
simple("Learn: copied block without an az command", "learn_page_copy needs a fence with a copied code block",
       qrep("C5", "Azure CLI\nCopy\nOpen Cloud Shell\naz keyvault key delete --vault-name <vault-name> --name <key-name>",
            "Azure PowerShell\nCopy\nOpen Cloud Shell\nRemove-AzKeyVaultKey -VaultName <vault-name> -Name <key-name>"))
simple("Learn: copy outside a fence", "learn_page_copy needs a fence with a copied code block", unfence("C4"))
simple("Learn: the Open Cloud Shell line is optional", "short question has 15 words", only=True,
       fn=chain(qrep("C3", "Copy\nOpen Cloud Shell\n", "Copy\n"), qset("S4", S4_15)))
simple("Learn: truth names no copied command", "learn_page_copy truth names no command of the copied block",
       trep_all("C4", "The az keyvault update you copied", "The command you copied"))
simple("Learn: a command named only in the prose does not count", "learn_page_copy truth names no command of the copied block",
       tset("C2", "Use az role assignment only for vault roles; the registry identity needs the Managed HSM local role on kek-twite, assigned inside hsm-twite."))
simple("Learn: a command inside NAME=$(...) counts", "short question has 15 words", only=True,
       fn=chain(qrep("C3", 'keyID=$(echo $keyID', 'keyID=$(az keyvault key show --name <key-name> --vault-name <vault-name>)\nkeyID=$(echo $keyID'),
                trep_all("C3", "az acr create", "the create command"), qset("S4", S4_15)))
simple("Learn: truth keeps page chrome", "learn_page_copy truth still holds page chrome", tadd("C1", " (Open Cloud Shell)"))
simple("Learn copy on a short item", "learn_page_copy must be a long post", mset("S2", "learn_page_copy", True))


@mut("Learn copy used 4 times", "shape learn_page_copy used 4 times, want exactly 5")
def _(c):
    mdel("C5", "learn_page_copy")(c)
    e = c.e("C5")
    e["question"] = e["question"].replace("Azure CLI\nCopy\nOpen Cloud Shell\n", "")


simple("Learn copy used 6 times", "shape learn_page_copy used 6 times, want exactly 5", mset("L24", "learn_page_copy", True))

# ---------------- arrow_annotations ----------------
simple("arrows: only one annotated line", "arrow_annotations needs a fence with >= 2 annotated lines",
       qrep("P1", "   <-- still the March version", ""))
simple("arrows: an arrow without a note", "arrow_annotations needs a fence with >= 2 annotated lines",
       qrep("P1", "<-- still the March version", "<--"))
simple("arrows: annotations outside a fence", "arrow_annotations needs a fence with >= 2 annotated lines", unfence("P2"))
simple("arrows: truth names no marked value", "arrow_annotations truth names no value the arrows point at",
       tset("P1", "Nothing is broken: crpipit was configured with a versioned key ID and stays on it until someone rotates; rotate once to the versionless key ID and it follows new versions within an hour."))
simple("arrows: a value that also stands in an unannotated line does not count", "arrow_annotations truth names no value the arrows point at",
       tset("P1", "Nothing is broken: https://kv-pipit.vault.azure.net/keys/kek-pipit/9c2e71a04f6b4d38a1e5c07b3f9d2a64 is a versioned key ID; rotate once to the versionless one."))
simple("arrows: a marked token counts", "short question has 15 words", only=True,
       fn=chain(tset("P2", "Activation: NotActivated means the Managed HSM takes no data-plane call yet; an initial administrator downloads the security domain first."),
                qset("S4", S4_15)))
simple("arrows: a marked quoted string counts", "short question has 15 words", only=True,
       fn=chain(tset("P4", "Remove Key Vault Crypto User; the service encryption role already covers what the registry does."),
                qset("S4", S4_15)))
simple("arrows: truth keeps an arrow", "arrow_annotations truth still holds an arrow", tadd("P3", " <-- see above"))
simple("arrows on a short item", "arrow_annotations must be a long post", mset("S2", "arrow_annotations", True))


@mut("arrows used 4 times", "shape arrow_annotations used 4 times, want exactly 5")
def _(c):
    mdel("P5", "arrow_annotations")(c)
    e = c.e("P5")
    e["question"] = re.sub(r"[ \t]+<--[^\n]*", "", e["question"])


simple("arrows used 6 times", "shape arrow_annotations used 6 times, want exactly 5", mset("L24", "arrow_annotations", True))

# ---------------- redacted_paste ----------------
simple("redaction: one marker in a long post", "redacted_paste needs a fence with >= 2 redaction markers",
       qrep("M1", "SUB=<redacted>", "SUB=0f3c6a12-9b4e-4d7a-8c51-2e6f0b9d3a47"))
simple("redaction: markers outside a fence", "redacted_paste needs a fence with >= 2 redaction markers", unfence("M4"))
simple("redaction: short item with the marker outside inline code", "redacted_paste needs a redaction marker in inline code",
       lambda c: c.e("M5").__setitem__("question", c.e("M5")["question"].replace("`", "")))
simple("redaction: agent item without an inline marker", "redacted_paste needs a redaction marker in inline code",
       mset("A5", "redacted_paste", True))
simple("redaction: truth names no redacted field", "redacted_paste truth names no field whose value was masked",
       tset("M1", "Pass the identity's resource ID (az identity show ... --query id) instead of the principal ID you masked; the CLI resolves it to the client ID itself."))
simple("redaction: an unmasked option of the paste does not count", "redacted_paste truth names no field whose value was masked",
       tset("M1", "Your --key-encryption-key is fine; the identity value must be the resource ID from az identity show, not the principal ID."))
simple("redaction: a masked HCL key counts", "short question has 15 words", only=True,
       fn=chain(tset("M3", "Add the new identity to identity_ids first, give it key access, then switch the client value and apply again."),
                qset("S4", S4_15)))
simple("redaction: an all-x GUID is a marker too", "short question has 15 words", only=True,
       fn=chain(qrep("M5", "<redacted>", "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"), qset("S4", S4_15)))
simple("redaction: truth keeps a marker", "redacted_paste truth still holds a redaction marker", tadd("M2", " (value: <redacted>)"))


@mut("redaction used 4 times", "shape redacted_paste used 4 times, want exactly 5")
def _(c):
    mdel("M4", "redacted_paste")(c)
    e = c.e("M4")
    e["question"] = e["question"].replace("<redacted>", "2c9e4b71-0d35-4f8a-b6e2-91a7c5d3f084").replace("(IDs masked)", "")


simple("redaction used 6 times", "shape redacted_paste used 6 times, want exactly 5", mset("L24", "redacted_paste", True))

# ---------------- graph_sp_object ----------------
simple("principal: fence that is not JSON", "graph_sp_object needs a fence with a service principal object",
       qrep("G1", '  "accountEnabled": true,\n', '  "accountEnabled": true\n'))
simple("principal: no servicePrincipalType", "graph_sp_object needs a fence with a service principal object",
       qrep("G2", ',\n  "servicePrincipalType": "ManagedIdentity"\n', "\n"))
simple("principal: object outside a fence", "graph_sp_object needs a fence with a service principal object", unfence("G3"))
simple("principal: agent item with the object not quoted inline", "graph_sp_object needs the service principal object quoted inline",
       lambda c: c.e("G4").__setitem__("question", c.e("G4")["question"].replace("`", "")))
simple("principal: truth names neither the principal nor an ID", "graph_sp_object truth names neither the principal nor one of its IDs",
       tset("G1", "The assignment went to the client ID of the identity; local role assignments take the principal (object) ID, so re-create it with that value and wait several minutes."))
simple("principal: a GUID outside appId and id does not count", "graph_sp_object truth names neither the principal nor one of its IDs",
       tset("G1", "Subscription 9e41c7b2-05d3-4f6a-8c19-d2a7e6b0f354 is right, but the local role needs the principal (object) ID rather than the client ID."))
simple("principal: the displayName counts", "short question has 15 words", only=True,
       fn=chain(tset("G3", "Yes: deploy-platform-registries needs Key Vault Crypto Officer on the vault; owning the resource group is not enough on an RBAC vault."),
                qset("S4", S4_15)))
simple("principal: the appId counts", "short question has 15 words", only=True,
       fn=chain(tset("G5", "0b4e7d19-5c2a-4f86-9e30-a7d1c6b5e942, the client ID; read it with reference() at apiVersion 2018-11-30 as the tutorial's template does."),
                qset("S4", S4_15)))
simple("principal: truth keeps JSON", "graph_sp_object truth still holds service principal JSON", tadd("G2", ' ("appId": unused)'))


@mut("service principal used 4 times", "shape graph_sp_object used 4 times, want exactly 5")
def _(c):
    mdel("G5", "graph_sp_object")(c)
    e = c.e("G5")
    e["question"] = re.sub(r"`\{.*\}`", "the client and object IDs of id-scaup-enc", e["question"])


simple("service principal used 6 times", "shape graph_sp_object used 6 times, want exactly 5", mset("L24", "graph_sp_object", True))
simple("two new shapes on one item", "more than one new shape on one item", mset("D1", "learn_page_copy", True))

# ---------------- two_facts ----------------
simple("two_facts floor", "floor: shape two_facts 3 < 4",
       chain(*[f for k in ("C1", "C5", "P1", "M4") for f in
               (mdel(k, "two_facts"), (lambda c, k=k: c.e(k)["canonical"].pop()),
                (lambda c, k=k: c.e(k)["answer_facts"].pop()))]))


def run_check(d):
    env = dict(os.environ, BLIND65_DIR=d, BLIND65_KROOT=os.path.join(d, "k"), BLIND65_FACTS=os.path.join(d, "facts"))
    p = subprocess.run([sys.executable, os.path.join(HERE, "check65.py")], env=env, capture_output=True, text=True)
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
        shutil.copy(os.path.join(HERE, "build65.py"), d)
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

