"""blind59 mutation driver. Each mutation runs on a fresh temp copy (inside blind59/) of the set, prev/, the
blind58 and blind57 first-canonical lists, the knowledge and the fact sheets; it counts as caught only when check59.py
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
KROOT = os.environ.get("BLIND59_KROOT", "/work/scratch/blind59/kstripped")
FACTS = os.environ.get("BLIND59_FACTS", "/work/shared/facts")
sys.path.insert(0, HERE)
import build59  # noqa: E402
import check59  # noqa: E402
import kparse  # noqa: E402

SET = "blind59"
FILES = (SET + ".json", SET + "-meta.json", SET + "-first-canonicals.txt")
_entries, _meta = build59.build()
_byq = {q["question"]: q["key"] for q in build59.QUESTIONS}
ID = {_byq[e["question"]]: e["id"] for e in _entries}
SCENARIO_SECTION = next("acr-cmk/" + k if not k.startswith("acr-cmk/") else k
                        for k in kparse.parse_all(KROOT) if "scenarios/" in k)
P = build59.ID_PREFIX
LISTS = tuple("blind%d-first-canonicals.txt" % n for n in check59.SPREAD_SETS)
A_SET, B_SET = check59.SPREAD_SETS
PREV_LABEL = check59.PREV_LABEL


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
            for n in check59.SPREAD_SETS:
                fp = os.path.join(self.d, "blind%d-first-canonicals.txt" % n)
                firsts[n] = {x.strip() for x in open(fp, encoding="utf-8") if x.strip()} if os.path.exists(fp) else set()
            self.m["_set"] = check59.set_summary(self.j, self.m, firsts)
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
for pfx in ("n", "m", "l", "k", "j", "i", "h", "g", "f", "e", "d", "c", "b", "a", "p", "z"):
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
simple("rebuild: json truth edited", "rebuild differs from blind59.json",
       lambda c: c.j[0].__setitem__("truth", c.j[0]["truth"] + " Extra."), True)
simple("rebuild: meta edited", "rebuild differs from blind59-meta.json",
       lambda c: c.m[P + "001"].__setitem__("qual", "none" if c.m[P + "001"]["qual"] != "none" else "asked"), True)


@mut("rebuild: same content, other JSON layout (byte compare)", "rebuild differs from blind59.json", True)
def _(c):
    # content unchanged, only the serialisation differs: caught by the byte comparison alone
    def save():
        with open(os.path.join(c.d, FILES[0]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(c.j, indent=2, ensure_ascii=False) + "\n")
        with open(os.path.join(c.d, FILES[1]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(c.m, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    c.save = save


@mut("rebuild: a value in a pasted INI file changed (byte compare)", "rebuild differs from blind59.json", True)
def _(c):
    # still a complete INI file whose value the truth repeats, but no longer what build59.py writes
    c.q_rep("L1", "location = uksouth", "location = ukwest")


@mut("rebuild: first-canonical list edited", "rebuild differs from blind59-first-canonicals.txt", True)
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


simple("first-canonical list missing", "blind59-first-canonicals.txt missing",
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
       set_edit(lambda s: s["new_shapes"]["ini_config"].pop()))
simple("_set: spread count inflated", "meta: _set summary does not match",
       set_edit(lambda s: s["spread"].__setitem__("new_against_blind%d_and_blind%d" % (A_SET, B_SET), 48)))
simple("_set: spread floors changed", "meta: _set summary does not match",
       set_edit(lambda s: s["spread"].__setitem__("floors", [30, 20])))
simple("_set: typo moved to another id", "meta: _set summary does not match",
       set_edit(lambda s: s["typos"].__setitem__("priviledges", ID["S2"])))
simple("_set: off-topic subject renamed", "meta: _set summary does not match",
       set_edit(lambda s: s["off_topic_subjects"].__setitem__(ID["X1"], "longhorn")))
simple("_set: stale after a flag change", "meta: _set summary does not match",
       raw(mdel("L7", "ps_format_list")))


def add_my_first_to_list(n, key):
    def f(c):
        # one of this set's first canonicals now also counts as a first of blind<n>: the spread figures go stale
        c.raw_set = True
        p = os.path.join(c.d, "blind%d-first-canonicals.txt" % n)
        lines = [x for x in open(p, encoding="utf-8") if x.strip()]
        lines[-1] = c.e(key)["canonical"][0] + "\n"
        open(p, "w", encoding="utf-8").writelines(lines)
    return f


simple("_set: stale after the blind58 first-canonical list changed", "meta: _set summary does not match",
       add_my_first_to_list(A_SET, "L22"))
simple("_set: stale after the blind57 first-canonical list changed", "meta: _set summary does not match",
       add_my_first_to_list(B_SET, "A12"))

# ---------------- dropped flags and fields (the shape flags of blind52 to blind58 included) ----------------
_SPECIAL = {"field": "bypass", "wrong": "--kek-uri", "other": ["AWS"], "premise": "x"}
for fld in check59.DROPPED_FIELDS:
    simple("dropped/unknown field %s" % fld, "unknown field %r" % fld, mset("L24", fld, _SPECIAL.get(fld, True)))

# ---------------- facts and answer facts ----------------
simple("answer_fact not in canonical", "answer_fact not in first canonical",
       lambda c: c.e("L4")["answer_facts"].__setitem__(0, "managed hsm is available in every region"))
simple("answer_fact only in a related section", "answer_fact not in first canonical",
       lambda c: c.e("L14")["answer_facts"].__setitem__(0, "reports the new client id"))
simple("answer_fact added from a related section", "answer_fact not in first canonical",
       lambda c: c.e("L4")["answer_facts"].append("confirm it for the registry's location first"))
simple("answer_fact over 7 words", "answer_fact over 7 words",
       lambda c: c.e("S11")["answer_facts"].__setitem__(1, "moves to each new key version within one hour"))
simple("fact not in any section", "fact not in a canonical or related section",
       lambda c: c.e("S3")["facts"].__setitem__(0, "a private endpoint blocks trusted services"))
simple("empty answer_facts", "no answer_facts", eset("S12", "answer_facts", []))
simple("empty facts", "no facts", eset("S12", "facts", []))
simple("two_facts with all facts in the first canonical", "two_facts needs one answer_fact only in each",
       lambda c: c.e("L22")["answer_facts"].__setitem__(1, "steps 1, 2, 7 and 8 stay"))
simple("two_facts fact in neither canonical", "answer_fact not in either canonical",
       lambda c: c.e("L9")["answer_facts"].__setitem__(0, "the registry recreates the grant"))
simple("two canonicals without flag", "two canonical sections need two_facts", mdel("L15", "two_facts"))
simple("two_facts flag with one canonical", "two_facts needs two canonical sections",
       mset("A10", "two_facts", True))

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
       lambda c: c.e("S6").__setitem__("truth", "No: " + c.e("S6")["truth"][5:]))
simple("no truth without No", "no truth must open 'No: '",
       lambda c: c.e("L8").__setitem__("truth", c.e("L8")["truth"][4:]))
simple("undocumented truth without verdict", "undocumented truth must open 'Not documented'",
       lambda c: c.e("S9").__setitem__("truth", c.e("S9")["truth"][16:]))
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
       chain(mset("A2", "kind", "value"),
             tset("A2", "An imported 4096-bit RSA key in kv-nidd, passed to az acr create with the identity."),
             mset("A8", "kind", "value"),
             tset("A8", "A key in an activated Managed HSM, as the October 2026 tutorials describe it.")))
simple("category above 9", "category hsm count 10",
       chain(eset("L16", "category", "hsm"), eset("L17", "category", "hsm"), eset("S12", "category", "hsm")))
simple("category below 2", "category troubleshooting count 1",
       chain(eset("A1", "category", "keys"), eset("A7", "category", "keys")))

# ---------------- style rules ----------------
S11_15 = "strip the version from a key kid in bash so acr can follow rotation automatically"
L23_START = "Two years ago we copied"
simple("long post too short", "long question length", qset("L24", "Which Managed HSM local roles do we need?"))
simple("long post too long", "long question length",
       lambda c: c.e("L23").__setitem__("question", c.e("L23")["question"] + (" Some more background here." * 60)))
simple("short question of 15 words", "short question has 15 words", qset("S11", S11_15))
simple("short question on two lines", "short question spans lines", qrep("S4", " in an rbac kv", "\nin an rbac kv"))
simple("agent query of 50 words", "agent query has",
       lambda c: c.e("A7").__setitem__("question", c.e("A7")["question"] + " please" + " also" * 30))
simple("agent query on two lines", "agent query spans lines", qrep("A1", " Question:", "\nQuestion:"))
simple("agent query with a fence", "agent query spans lines", qrep("A1", " Question:", " ```x``` Question:"))
simple("context form without Context:", "context form must open with 'Context:'",
       lambda c: c.e("A1").__setitem__("question", c.e("A1")["question"][len("Context: "):]))
simple("imperative form without verb", "imperative form must open with an imperative verb",
       qrep("A11", "Give the az commands", "I need the az commands"))
simple("keywords form opening uppercase", "keywords form must open lowercase",
       lambda c: c.e("A9").__setitem__("question", "T" + c.e("A9")["question"][1:]))
simple("keywords form with ?", "keywords form must open lowercase",
       lambda c: c.e("A9").__setitem__("question", c.e("A9")["question"] + "?"))
simple("form on a short item", "form on a non-agent item", mset("S11", "form", "keywords"))
simple("agent forms miscounted", "on-topic agent form context count 4",
       chain(mset("A1", "form", "imperative"), qrep("A1", "Context: compliance", "Explain: compliance")))
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
           "rbac": "role mode", "kek": "key", "mi": "identity", "oras": "the artifact tool", "dct": "content trust"}
    for x in c.j:
        if c.m[x["id"]]["style"] == "short":
            x["question"] = re.sub(r"\b(%s)\b" % "|".join(rep), lambda mm: rep[mm.group(1).lower()],
                                   x["question"], flags=re.I)


# ---------------- qualifiers ----------------
simple("hsm qualifier without Managed HSM", "hsm qualifier but no Managed HSM in the question",
       chain(mset("L23", "quals", ["hsm"]), mset("L23", "qual", "story")))
simple("iac qualifier without a tool", "iac qualifier but no portal/Terraform/Bicep/ARM/AVM",
       chain(mset("S3", "quals", ["iac"]), mset("S3", "qual", "story")))
simple("October 2026 truth without Managed HSM", "October 2026 truth names neither",
       tset("S6", "Yes: a deleted key store goes on costing money until somebody recovers or purges it."))
simple("qual asked recorded as story", "qual is 'story', should be 'asked'", mset("L10", "qual", "story"))
simple("quals without qual none", "qual is 'asked', should be 'none'", mset("L1", "qual", "asked"))
simple("unknown qualifier", "bad quals", mset("L10", "quals", ["hsm", "oct2026", "k8s"]))


def drop_qual(mm, x, q):
    mm["quals"] = [v for v in mm["quals"] if v != q]
    ask = build59.ask_part(x["question"])
    hit = ("hsm" in mm["quals"] and build59.HSM_RE.search(ask)) or ("iac" in mm["quals"] and build59.IAC_RE.search(ask))
    mm["qual"] = "none" if not mm["quals"] else ("asked" if hit else "story")


@mut("Managed HSM asked floor", "floor: Managed HSM asked")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "hsm" in mm.get("quals", []) and build59.HSM_RE.search(build59.ask_part(x["question"])):
            n += 1
            if n > 9:
                drop_qual(mm, x, "hsm")


@mut("Managed HSM asked in too few ways (qualifiers dropped)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    # S6 is the only deleted-HSM ask, L22 the only URI ask
    for k in ("S6", "L22"):
        drop_qual(c.meta(k), c.e(k), "hsm")


@mut("Managed HSM asked in too few ways (ask reworded)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    # A3 is the only scope ask and the only revocation ask
    c.q_rep("A3", "Question: why did the Managed HSM revocation not take effect, and at which scope must we delete?",
            "Question: why does the Managed HSM still let crure in, and where must we delete?")


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
        if "oct2026" in mm.get("quals", []) and n < 6:
            drop_qual(mm, x, "oct2026")
            n += 1


# ---------------- spread and per-doc ----------------
def list_lines(c, n):
    return [x.strip() for x in open(os.path.join(c.d, "blind%d-first-canonicals.txt" % n), encoding="utf-8") if x.strip()]


@mut("spread against blind58", "first canonicals new against blind58 (floor 40)")
def _(c):
    firsts = list(dict.fromkeys(list_lines(c, A_SET)))
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < 9 and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [firsts[n]]
            x["related"] = [r for r in x["related"] if r != firsts[n]] or [firsts[n + 20]]
            n += 1


@mut("spread against blind58 and blind57", "first canonicals new against blind58 and blind57 (floor 30)")
def _(c):
    a, b = set(list_lines(c, A_SET)), set(list_lines(c, B_SET))
    mine = {x["canonical"][0] for x in c.j if x["canonical"]}
    fresh = sum(1 for x in c.j if x["canonical"] and x["canonical"][0] not in a and x["canonical"][0] not in b)
    need = fresh - 29
    pool = [f for f in dict.fromkeys(list_lines(c, B_SET)) if f not in a and f not in mine]
    if len(pool) < need:
        raise AssertionError("setup: only %d blind57-only firsts" % len(pool))
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < need and not c.m[x["id"]].get("two_facts") \
                and x["canonical"][0] not in b:
            x["canonical"] = [pool[n]]
            x["related"] = [r for r in x["related"] if r != pool[n]] or ["acr-cmk/references/overview.md#requirements-at-a-glance"]
            n += 1


simple("troubleshooting doc above 8", "first canonical doc troubleshooting count 9",
       chain(lambda c: c.e("L24")["canonical"].__setitem__(0, "acr-cmk/references/troubleshooting.md#general-diagnostic-checklist"),
             lambda c: c.e("L23")["canonical"].__setitem__(0, "acr-cmk/references/troubleshooting.md#general-diagnostic-checklist")))
simple("identities doc below 2", "first canonical doc identities count 1",
       lambda c: c.e("L1")["canonical"].__setitem__(0, "acr-cmk/references/key-rotation.md#how-often-to-rotate"))
simple("blind58 first-canonical list missing", "first-canonical list missing: blind58",
       lambda c: os.remove(os.path.join(c.d, "blind58-first-canonicals.txt")))
simple("blind57 first-canonical list missing", "first-canonical list missing: blind57",
       lambda c: os.remove(os.path.join(c.d, "blind57-first-canonicals.txt")))


@mut("blind57 first-canonical list cut to 47", "blind57 has 47 lines")
def _(c):
    p = os.path.join(c.d, "blind57-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:47])


@mut("blind58 first-canonical list cut to 40", "blind58 has 40 lines")
def _(c):
    p = os.path.join(c.d, "blind58-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:40])


@mut("first-canonical lists read from the set's folder, not from prev/ (blind58)", "first-canonical list missing: blind58")
def _(c):
    # a copy in prev/ does not stand in for the list next to the set
    shutil.move(os.path.join(c.d, "blind58-first-canonicals.txt"), os.path.join(c.d, "prev", "blind58-first-canonicals.txt"))


@mut("first-canonical lists read from the set's folder, not from prev/ (blind57)", "first-canonical list missing: blind57")
def _(c):
    shutil.move(os.path.join(c.d, "blind57-first-canonicals.txt"), os.path.join(c.d, "prev", "blind57-first-canonicals.txt"))


@mut("spread lists of the wrong sets (blind57 and blind56 in place of blind58 and blind57)",
     "first-canonical list missing: blind58")
def _(c):
    # the previous set's pair of lists does not satisfy this set's spread rule
    os.remove(os.path.join(c.d, "blind58-first-canonicals.txt"))
    shutil.copy(os.path.join(c.d, "blind57-first-canonicals.txt"), os.path.join(c.d, "blind56-first-canonicals.txt"))


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


simple("typo planted in blind20", "typo 'accidentaly' already used in blind19-58", plant_prev(20, "accidentaly"))
simple("typo planted in blind41", "typo 'priviledges' already used in blind19-58", plant_prev(41, "priviledges"))
simple("typo planted in blind48", "typo 'dissable' already used in blind19-58", plant_prev(48, "dissable"))
simple("typo planted in blind58", "typo 'accidentaly' already used in blind19-58", plant_prev(58, "accidentaly"))
simple("typo planted in a blind58 truth", "typo 'priviledges' already used in blind19-58", plant_prev_truth(58, "priviledges"))
simple("typo planted in a blind25 truth", "typo 'dissable' already used in blind19-58", plant_prev_truth(25, "dissable"))
simple("typo moved to an off-topic short", "typo must sit in a short on-topic question",
       chain(mdel("S3", "typo"), qrep("S3", "accidentaly", "accidentally"), mset("X11", "typo", "accidentaly"),
             qrep("X11", "log in through it?", "log in through it, accidentaly?")))
simple("typo fixed in the question", "typo 'dissable' not in the question", qrep("S5", "dissable", "disable"))
simple("unrecorded typo in another question", "unrecorded typo 'accidentaly'",
       qrep("S6", "get it back?", "get it back, accidentaly?"))
simple("typo used twice", "typo 'accidentaly' used 2 times",
       chain(mset("S6", "typo", "accidentaly"), qrep("S6", "get it back?", "get it back, accidentaly?")))
simple("unknown typo word", "not in the set's typo list",
       chain(mset("S4", "typo", "privilidges"), qrep("S4", "priviledges", "privilidges")))
simple("typo on a long item", "typo must sit in a short on-topic question",
       chain(mdel("S5", "typo"), qrep("S5", "dissable", "disable"), mset("L23", "typo", "dissable"),
             qrep("L23", "and what else changed in it?", "and can we dissable the old parameter?")))


@mut("typo added to the knowledge", "typo 'accidentaly' stands in the knowledge or facts")
def _(c):
    p = c.kfile("acr-cmk/references/overview.md")
    open(p, "a").write("\naccidentaly\n")


@mut("typo added to the fact sheets", "typo 'dissable' stands in the knowledge or facts")
def _(c):
    p = os.path.join(c.d, "facts", "cmk-facts-2026-10.md")
    os.chmod(p, 0o644)
    open(p, "a").write("\ndissable\n")


# ---------------- copying ----------------
KV_POLICY_CMD = ('az keyvault set-policy --name $KEY_VAULT_NAME --resource-group $RESOURCE_GROUP --object-id '
                 '$PRINCIPAL_ID --key-permissions get unwrapKey wrapKey')
KNOWLEDGE_PROSE = "the registry cannot unwrap its data without the key so deleting the key store"
simple("knowledge 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L23", L23_START, "The registry cannot unwrap its data without the key, and " + L23_START))
simple("fact-sheet 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L23", L23_START, "We wonder whether this revision is already live on Learn, and " + L23_START))
simple("knowledge prose as a value inside an INI file (12-token rule)",
       "12-token run (fences included) shared with knowledge/facts",
       qrep("L1", "location = uksouth\n", "location = uksouth\nnote = " + KNOWLEDGE_PROSE + "\n"))
simple("pasted error moved into prose", "8-token run shared with knowledge/facts",
       qrep("L23", L23_START, "The CLI said Cannot set policies to a vault with '--enable-rbac-authorization' specified. " + L23_START))
simple("knowledge prose inside a PowerShell property list (12-token rule)", "12-token run (fences included)",
       qrep("L6", "Public Network Access               : Enabled\n",
            "Public Network Access               : Enabled\nNotes                               : " + KNOWLEDGE_PROSE + "\n"))
simple("knowledge command inside an ansible result (12-token rule)",
       "12-token run (fences included) shared with knowledge/facts",
       qrep("L11", '"stdout": "", "stdout_lines": []}', '"stdout": "' + KV_POLICY_CMD + '", "stdout_lines": []}'))
simple("knowledge prose as a manifest annotation (12-token rule)",
       "12-token run (fences included) shared with knowledge/facts",
       qrep("L17", '"io.cncf.notary.signingAgent": "notation-go/1.3.0"',
            '"io.cncf.notary.signingAgent": "notation-go/1.3.0",\n    "note": "' + KNOWLEDGE_PROSE + '"'))
simple("knowledge prose inside an openssl dump (12-token rule)",
       "12-token run (fences included) shared with knowledge/facts",
       qrep("L21", "Exponent: 65537 (0x10001)\n", "Exponent: 65537 (0x10001)\n" + KNOWLEDGE_PROSE + "\n"))
simple("blind30 8-token run", "8-token run shared with blind19-58",
       lambda c: c.e("L24").__setitem__("question", c.e("L24")["question"] + " " + prevq(30, 8)(c)[:120]))
simple("blind41 8-token run", "8-token run shared with blind19-58",
       lambda c: c.e("L24").__setitem__("question", c.e("L24")["question"] + " " + prevq(41, 3)(c)[:150]))
simple("blind58 8-token run", "8-token run shared with blind19-58",
       lambda c: c.e("L24").__setitem__("question", c.e("L24")["question"] + " " + prevq(58, 50)(c)[:150]))


def clean_prev_truth(n):
    """The first 200 characters of the first on-topic blind<n> truth whose opening shares no 8-token run with the
    knowledge or the fact sheets (so that only the prev-truth rule can fire)."""
    def get(c):
        src = check59.grams(check59.toks(kparse.all_text(os.path.join(c.d, "k")) + "\n" +
                                         kparse.all_text(os.path.join(c.d, "facts"))), 8)
        for e in json.load(open(os.path.join(c.d, "prev", "blind%d.json" % n), encoding="utf-8")):
            t = e["truth"][:200]
            if len(e["truth"]) >= 250 and not e["truth"].startswith("Not covered") and \
                    not check59.grams(check59.toks(t), 8) & src:
                return t
        raise AssertionError("setup: no clean blind%d truth" % n)
    return get


simple("blind58 truth copied into a question", "8-token run shared with a blind19-58 truth",
       lambda c: c.e("L24").__setitem__("question", c.e("L24")["question"] + " " + clean_prev_truth(58)(c)))
simple("blind33 truth copied into a question", "8-token run shared with a blind19-58 truth",
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
            if field == "question" and any(d(t) for d in check59.OLD_DETECT.values() if d is not None):
                continue
            ts = _tokset(t)
            if all(len(ts & o) / len(ts | o) <= 0.6 for o in older):
                return t
        raise AssertionError("setup: no own blind%d %s" % (n, field))
    return get


simple("blind58 question repeated", "Jaccard > 0.6 with blind58",
       lambda c: c.e("A12").__setitem__("question", own_prev(58, "question")(c)))
simple("blind53 question repeated", "Jaccard > 0.6 with blind53",
       lambda c: c.e("A4").__setitem__("question", own_prev(53, "question")(c)))
simple("blind46 question repeated", "Jaccard > 0.6 with blind46",
       lambda c: c.e("S8").__setitem__("question", own_prev(46, "question")(c)))
simple("blind58 truth repeated", "truth Jaccard > 0.6 with blind58",
       lambda c: c.e("S3").__setitem__("truth", own_prev(58, "truth")(c)))
simple("off-topic truth close to an earlier truth", "truth Jaccard > 0.6 with blind",
       tset("X11", "Not covered: resetting a Navidrome password is outside the ACR customer-managed key knowledge."))
simple("off-topic truth copied from blind58", "truth Jaccard > 0.6 with blind58",
       lambda c: c.e("X12").__setitem__("truth", next(
           e["truth"] for e in json.load(open(os.path.join(c.d, "prev", "blind58.json"), encoding="utf-8"))
           if e["truth"].startswith("Not covered"))))
simple("near-duplicate inside the set", "Jaccard > 0.6 with",
       qset("S10", "which privileges does the person who creates the cmk key in an rbac kv need?"))
simple("truth copies a knowledge sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("L23").__setitem__("truth", c.e("L23")["truth"] + " Soft delete alone keeps deleted keys and vaults recoverable, but someone with purge rights can still destroy them permanently before the retention period ends."))
simple("truth copies a fact-sheet sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("A6").__setitem__("truth", c.e("A6")["truth"] + " Whether this revision is already live on Learn was not checked."))
simple("question copies a knowledge sentence", "question copies a knowledge/fact sentence",
       qrep("L23", L23_START, "Registries without a CMK are still encrypted at rest with Microsoft-managed keys. " + L23_START))
simple("question echoes a heading", "question echoes a heading",
       qrep("L23", L23_START, "Versioned and versionless key IDs, the wiki says. " + L23_START))


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
    p = c.kfile("acr-cmk/references/revocation-and-recovery.md")
    s = open(p, encoding="utf-8").read()
    old = "same scope where it was created"
    if s.count(old) != 1:
        raise AssertionError("setup: text not once in revocation-and-recovery.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "same scope where it was made"))


@mut("knowledge text edited under a two_facts answer fact", "answer_fact not in either canonical")
def _(c):
    p = c.kfile("acr-cmk/references/setup-cli.md")
    s = open(p, encoding="utf-8").read()
    old = "Steps 4 and 5 swap places"
    if s.count(old) != 1:
        raise AssertionError("setup: text not once in setup-cli.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "Steps 4 and 5 trade places"))


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
    qset("S11", S11_15)(c)


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
simple("blind57 prev file missing", "prev file missing: blind57.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind57.json")))
simple("blind58 prev file missing", "prev file missing: blind58.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind58.json")))
simple("blind19 prev file missing (first of the range)", "prev file missing: blind19.json",
       lambda c: os.remove(os.path.join(c.d, "prev", "blind19.json")))


# ---------------- off-topic ----------------
simple("banned blind58 subject", "banned off-topic subject 'goreleaser'",
       chain(mset("X11", "subject", "goreleaser"), qset("X11", "goreleaser: how do i move to a new checksum signer?")))
simple("banned blind58 extra name", "banned off-topic subject 'pillar'",
       chain(mset("X11", "subject", "pillar"), qset("X11", "pillar: how do i rotate the encrypted data safely?")))
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
X8_TAIL = "on every node of our cluster"
for _word, _label in (("awx", "blind58 subject"), ("minions", "blind58 extra name"), ("bitrise", "blind57 subject"),
                      ("libsodium", "blind57 extra name"), ("travis", "blind56 subject"),
                      ("sqlite", "blind56 extra name"), ("circleci", "blind55 subject"), ("nats", "blind54 subject"),
                      ("istio", "blind53 subject")):
    simple("%s in another question" % _label, "off-topic question names banned %r" % _word,
           qrep("X8", X8_TAIL, "(as we did for %s) %s" % (_word, X8_TAIL)))
simple("blind58 multi-word extra name in another question", "off-topic question names banned 'sensitive properties key'",
       qrep("X8", X8_TAIL, "(the sensitive properties key too) " + X8_TAIL))
simple("blind54 extra name in another question", "off-topic question names banned 'argo cd'",
       qrep("X8", X8_TAIL, "(Argo CD reads them too) " + X8_TAIL))
simple("blind28 subject in another question", "off-topic question names banned 'payment hsm'",
       qrep("X8", X8_TAIL, "(the Payment HSM team asked too) " + X8_TAIL))
simple("subject planted in blind33", "subject 'rustic' used in blind19-58", plant_prev(33, "rustic"))
simple("subject planted in blind58", "subject 'opensearch' used in blind19-58", plant_prev(58, "opensearch"))
simple("subject not in question", "subject 'opensearch' not in the question",
       qset("X12", "keystore password change on all nodes"))
simple("earlier off-topic product named (capitalised, blind27)", "repeats an earlier off-topic subject word: verdaccio",
       qrep("X8", X8_TAIL, "the way we once did for Verdaccio, " + X8_TAIL))
simple("earlier off-topic product named (lowercase short, blind25)", "repeats an earlier off-topic subject word: sops",
       qset("X11", "casdoor certificate key rotation like sops does?"))
simple("earlier off-topic word from blind51 outside the ban list", "repeats an earlier off-topic subject word: secret-key",
       qrep("X9", "system key rotation", "secret-key rotation"))
simple("earlier off-topic word from blind54 outside the ban list", "repeats an earlier off-topic subject word: gitops",
       qrep("X6", "Our image promotion workflows", "Our GitOps image promotion workflows"))
simple("earlier off-topic word from blind55 outside the ban list", "repeats an earlier off-topic subject word: cas",
       qrep("X4", "The audit wants", "The audit of our CAs wants"))
simple("earlier off-topic word from blind56 outside the ban list", "repeats an earlier off-topic subject word: compromised",
       qrep("X1", "and one of them has just left the company", "and one of them was compromised"))
simple("earlier off-topic word from blind57 outside the ban list", "repeats an earlier off-topic subject word: members",
       qrep("X7", "without leaving stored content unreadable", "without leaving stored content unreadable for members"))
simple("off-topic subject word planted in an earlier off-topic truth", "repeats an earlier off-topic subject word: keylime",
       plant_prev_offtopic_truth(40, "Compare Keylime."))
simple("banned key word in off-topic", "off-topic question names banned 'kubernetes'",
       qrep("X2", "in the settings of our CI system", "in the settings of our Kubernetes CI system"))
simple("banned key word kms", "off-topic question names banned 'kms'",
       qrep("X1", "protected by a password", "protected by a password (wrapped by our kms)"))
simple("near_miss on an agent item", "near_miss only on long off-topic posts", mset("X7", "near_miss", True))
simple("near-miss floor", "floor: near misses", chain(mdel("X1", "near_miss"), mdel("X2", "near_miss")))


@mut("off-topic story floor", "floor: long off-topic registry+key stories")
def _(c):
    for k in ("X5", "X6"):
        e = c.e(k)
        e["question"] = re.sub(r"\bregistr\w*", "service", e["question"], flags=re.I)


simple("off-topic subject missing", "off-topic subject missing", mdel("X6", "subject"))
simple("shape flag on off-topic", "shape flag ini_config on an off-topic item", mset("X6", "ini_config", True))
simple("subject on an on-topic item", "subject/near_miss on an on-topic item", mset("L22", "subject", "x"))


# ---------------- long measures ----------------
@mut("fenced long floor", "floor: fenced long posts")
def _(c):
    for k in ("L1", "L2", "L3", "L4", "L5", "L16", "L17", "L18"):
        unfence(k)(c)


@mut("fenced troubleshoot floor", "floor: fenced long troubleshoot posts")
def _(c):
    for k in ("L1", "L2", "L5", "L6"):
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


# ---------------- the shapes of blind52 to blind58 are rejected in the text ----------------
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
simple("old shape: TL;DR line", "question shows blind52's shape tldr_summary",
       qrep("L24", "What local role should each", "TL;DR: which roles go where?\n\nWhat local role should each"))
simple("old shape: TL;DR line in an off-topic post", "question shows blind52's shape tldr_summary",
       qadd("X1", "\n\ntl;dr can the old snapshots stay readable?"))
simple("old shape: shouting", "question shows blind52's shape caps_shouting",
       qrep("L23", L23_START, "I REALLY need this SETTLED. " + L23_START))
simple("old shape: typographic quotes", "question shows blind52's shape smart_punctuation",
       qrep("S12", "cmk registry deletes", "\u201ccmk\u201d registry deletes"))
simple("old shape: en dash in a command", "question shows blind52's shape smart_punctuation",
       qrep("L5", "with az acr import from upstream", "with az acr import \u2013-force from upstream"))
simple("old shape: --query expression", "question shows blind52's shape jmespath_query",
       qrep("L24", "We're writing the responsibilities matrix",
            "az keyvault show --query properties.hsmUri works. We're writing the responsibilities matrix"))
simple("old shape: anchored regex", "question shows blind52's shape regex_pattern",
       qrep("S12", "cmk registry deletes", "`^https://[^/]+/keys/[^/]+$` deletes"))
simple("old shape: shell history", "question shows blind53's shape shell_history", qadd("L23", HISTORY_FENCE))
simple("old shape: env file", "question shows blind53's shape dotenv_file", qadd("L23", ENV_FENCE))
simple("old shape: ANSI colour codes", "question shows blind53's shape ansi_escape_codes",
       qrep("A1", "refused in kv-derwent", "refused in \x1b[33mkv-derwent\x1b[0m"))
simple("old shape: strikethrough", "question shows blind53's shape strikethrough_correction",
       qrep("A11", "without cutting it off", "without ~~losing~~ cutting it off"))
simple("old shape: percent-encoded URI", "question shows blind53's shape percent_encoded_uri",
       qrep("S7", "after the hsm rotation policy fired", "after https%3a%2f%2fjadehsm.managedhsm.azure.net%2fkeys%2fx fired"))
simple("old shape: strikethrough in an off-topic question", "question shows blind53's shape strikethrough_correction",
       qrep("X11", "certificate key rotation", "certificate ~~signing~~ key rotation"))
simple("old shape inside an INI file (shell history)", "question shows blind53's shape shell_history",
       qrep("L1", "[defaults]\n", "  101  az acr show -n crtamar\n  102  az identity show -n id-tamar\n  103  az acr create -n crtamar\n[defaults]\n"))
simple("old shape: merge conflict markers", "question shows blind54's shape merge_conflict_markers",
       qadd("L23", CONFLICT_FENCE))
simple("old shape: Jira monospace spans", "question shows blind54's shape jira_markup",
       chain(qrep("L23", "copied the ARM template", "copied the {{ARM}} template"),
             qrep("L23", "a vault_name parameter", "a {{vault_name}} parameter")))
simple("old shape: Jira code block in front of an INI file", "question shows blind54's shape jira_markup",
       qrep("L3", "```ini\n[Unit]", "{code}\n{code}\n```ini\n[Unit]"))
simple("old shape: HTML character references", "question shows blind54's shape html_entities",
       qrep("S12", "cmk registry deletes", "&quot;cmk&quot; registry deletes"))
simple("old shape: numbered sub-questions", "question shows blind54's shape numbered_subquestions",
       qadd("L23", "\n\n1. Which parameters? 2. Which access? 3. Which command?"))
simple("old shape: access token", "question shows blind54's shape jwt_token", qadd("X7", " Pasted: " + FAKE_TOKEN))
simple("old shape: Jira markup in an off-topic question", "question shows blind54's shape jira_markup",
       qrep("X10", "ory hydra system secret", "{{ory}} {{hydra}} system secret"))
simple("old shape: Python traceback", "question shows blind55's shape python_traceback", qadd("L23", TRACEBACK_FENCE))
simple("old shape: collapsed details section", "question shows blind55's shape details_block",
       qadd("L23", "\n\n<details>\n<summary>template diff</summary>\n\nkek_id: renamed\n\n</details>"))
simple("old shape: screenshot", "question shows blind55's shape screenshot_embed",
       qrep("S12", "how to retain them", "keep them? ![logs](https://github.com/user-attachments/assets/1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f)"))
simple("old shape: double-encoded JSON", "question shows blind55's shape double_encoded_json",
       qrep("A1", "is refused in kv-derwent", 'is refused in kv-derwent with "{\\"error\\":{\\"code\\":\\"Forbidden\\"}}"'))
simple("old shape: escaped Markdown", "question shows blind55's shape escaped_markdown",
       qrep("S4", "in an rbac kv need", "in an rbac\\_kv\\_need"))
simple("old shape: traceback in an off-topic question", "question shows blind55's shape python_traceback",
       qadd("X2", TRACEBACK_FENCE))
simple("old shape: details section in an off-topic question", "question shows blind55's shape details_block",
       qadd("X3", "\n\n<details>\n<summary>proxy flags</summary>\n\n--keystore=old\n\n</details>"))
simple("old shape: screenshot in an off-topic question", "question shows blind55's shape screenshot_embed",
       qadd("X7", " ![wiki page](https://github.com/user-attachments/assets/7d1e0f3a-5b2c-4c8d-9e6f-0a1b2c3d4e5f)"))
simple("old shape: escaped Markdown in an off-topic question", "question shows blind55's shape escaped_markdown",
       qrep("X11", "certificate key rotation", "certificate\\_key\\_rotation"))
simple("old shape: runner log (blind56)", "question shows blind56's shape gha_log_groups", qadd("L24", RUNNER_FENCE))
simple("old shape: PowerShell error record (blind56)", "question shows blind56's shape powershell_error_record",
       qadd("L22", PS_FENCE))
simple("old shape: events table (blind56)", "question shows blind56's shape kubectl_events", qadd("L24", EVENTS_FENCE))
simple("old shape: JSON lines (blind56)", "question shows blind56's shape ndjson_log", qadd("L24", NDJSON_FENCE))
simple("old shape: logfmt line (blind56)", "question shows blind56's shape logfmt_line",
       qrep("A11", "Give the az commands", "Give, for level=error msg=failed registry=crrother, the az commands"))
simple("old shape: runner log in an off-topic question (blind56)", "question shows blind56's shape gha_log_groups",
       qadd("X1", RUNNER_FENCE))
simple("old shape: PowerShell record in an off-topic question (blind56)", "question shows blind56's shape powershell_error_record",
       qadd("X2", PS_FENCE))
simple("old shape: events table in an off-topic question (blind56)", "question shows blind56's shape kubectl_events",
       qadd("X3", EVENTS_FENCE))
simple("old shape: JSON lines in an off-topic question (blind56)", "question shows blind56's shape ndjson_log",
       qadd("X4", NDJSON_FENCE))
simple("old shape: logfmt line in an off-topic question (blind56)", "question shows blind56's shape logfmt_line",
       qrep("X8", "Explain how to change", 'Explain, given level=warn msg="password stale" app=kiosk-build, how to change'))
simple("old shape: curl trace (blind57)", "question shows blind57's shape curl_verbose", qadd("L24", CURL_SNIPPET))
simple("old shape: git log (blind57)", "question shows blind57's shape git_log_oneline", qadd("L23", GITLOG_SNIPPET))
simple("old shape: CSV table (blind57)", "question shows blind57's shape csv_export", qadd("L22", CSV_SNIPPET))
simple("old shape: crontab line (blind57)", "question shows blind57's shape crontab_line",
       qrep("A12", "Context: our Terraform", "Context: next to the `0 3 * * 1 /opt/kv/roll-key.sh` job, our Terraform"))
simple("old shape: Copilot file reference (blind57)", "question shows blind57's shape copilot_refs",
       qrep("A12", "our Terraform for crfrome", "our Terraform (#file:acr.tf) for crfrome"))
simple("old shape: curl trace in an off-topic question (blind57)", "question shows blind57's shape curl_verbose",
       qadd("X1", CURL_SNIPPET))
simple("old shape: git log in an off-topic question (blind57)", "question shows blind57's shape git_log_oneline",
       qadd("X2", GITLOG_SNIPPET))
simple("old shape: CSV table in an off-topic question (blind57)", "question shows blind57's shape csv_export",
       qadd("X3", CSV_SNIPPET))
simple("old shape: crontab line in an off-topic question (blind57)", "question shows blind57's shape crontab_line",
       qadd("X4", "\n\n`0 1 * * * /opt/yubi/rewrap.sh`"))
simple("old shape: Copilot participant in an off-topic question (blind57)", "question shows blind57's shape copilot_refs",
       lambda c: c.e("X10").__setitem__("question", "@terminal " + c.e("X10")["question"]))
simple("old shape: nslookup output (blind58)", "question shows blind58's shape nslookup_output", qadd("L24", NS_SNIPPET))
simple("old shape: NXDOMAIN line alone (blind58)", "question shows blind58's shape nslookup_output",
       qadd("L23", "\n\n** server can't find kv-calder.vault.azure.net: NXDOMAIN"))
simple("old shape: Dockerfile (blind58)", "question shows blind58's shape dockerfile", qadd("L23", DOCKERFILE_SNIPPET))
simple("old shape: Event Viewer record (blind58)", "question shows blind58's shape windows_event_log", qadd("L22", EVENT_SNIPPET))
simple("old shape: alert payload (blind58)", "question shows blind58's shape monitor_alert_payload", qadd("L24", ALERT_SNIPPET))
simple("old shape: Checkov check ID (blind58)", "question shows blind58's shape checkov_finding",
       qrep("L23", L23_START, "CKV_AZURE_164 aside, " + L23_START))
simple("old shape: nslookup output in an off-topic question (blind58)", "question shows blind58's shape nslookup_output",
       qadd("X3", NS_SNIPPET))
simple("old shape: NXDOMAIN line in an off-topic question (blind58)", "question shows blind58's shape nslookup_output",
       qadd("X5", "\n\n** server can't find ca.build.example: NXDOMAIN"))
simple("old shape: Dockerfile in an off-topic question (blind58)", "question shows blind58's shape dockerfile",
       qadd("X5", DOCKERFILE_SNIPPET))
simple("old shape: Event Viewer record in an off-topic question (blind58)", "question shows blind58's shape windows_event_log",
       qadd("X3", EVENT_SNIPPET))
simple("old shape: alert payload in an off-topic question (blind58)", "question shows blind58's shape monitor_alert_payload",
       qadd("X4", ALERT_SNIPPET))
simple("old shape: Checkov check ID in an off-topic question (blind58)", "question shows blind58's shape checkov_finding",
       qrep("X9", "scylladb encryption at rest", "scylladb encryption at rest flagged by CKV2_AZURE_1"))


@mut("GitHub Actions ${{ }} expressions are not Jira markup", "short question has 15 words", only=True)
def _(c):
    # a pasted workflow step with ${{ ... }} expressions must not count as blind54's Jira monospace (earlier sets
    # pasted such steps): only the planted over-long short question is reported
    c.e("L23")["question"] += ("\n\n```yaml\n- name: deploy template\n  env:\n    TPL_TAG: ${{ github.sha }}\n"
                               "    TPL_REG: ${{ vars.CALDER_REGISTRY }}\n```\n")
    qset("S11", S11_15)(c)


# ---------------- the detectors of earlier shapes and the novelty of the new ones, checked on prev ----------------
INI_SNIPPET = "\n\n```ini\n[core]\noutput = table\n\n[defaults]\ngroup = rg-old\nlocation = westus\n```"
OPENSSL_SNIPPET = "\n\n```text\nPublic-Key: (2048 bit)\nModulus:\n    00:aa:bb\nExponent: 65537 (0x10001)\n```"
PSLIST_SNIPPET = ("\n\n```text\nPS C:\\> Get-AzKeyVault -VaultName kv-old\n\nVault Name : kv-old\nLocation   : westus\n"
                  "SKU        : Standard\nRBAC       : False\n```")
ANSIBLE_SNIPPET = ('\n\n```text\nTASK [key : rotate] ***\nfatal: [localhost]: FAILED! => {"msg": "rotation failed", "rc": 1}\n```')
OCI_SNIPPET = ('\n\n```json\n{"mediaType": "application/vnd.docker.distribution.manifest.list.v2+json", '
               '"schemaVersion": 2, "manifests": [{"digest": "sha256:' + "ab" * 32 + '", "size": 1}]}\n```')


def _blind58_item(d, qid):
    e = next(x for x in d if x["id"] == qid)
    return e


simple("a blind58 shape planted in an older prev question", "detector nslookup_output (blind58) finds 5 items of blind58 and 1 elsewhere",
       prev_edit(40, lambda d: d[4].__setitem__("question", d[4]["question"] + NS_SNIPPET)))
simple("a blind58 item losing its shape in prev", "detector checkov_finding (blind58) finds 4 items of blind58",
       prev_edit(58, lambda d: _blind58_item(d, "n035").__setitem__(
           "question", _blind58_item(d, "n035")["question"].replace("CKV_AZURE_110", "the purge check"))))
simple("a blind57 shape planted in an older prev question", "detector curl_verbose (blind57) finds 5 items of blind57 and 1 elsewhere",
       prev_edit(40, lambda d: d[4].__setitem__("question", d[4]["question"] + CURL_SNIPPET)))
simple("a blind57 item losing its shape in prev", "detector git_log_oneline (blind57) finds 4 items of blind57",
       prev_edit(57, lambda d: d[16].__setitem__("question", re.sub(r"(?m)^([0-9a-f]{7}) ", r"[\1] ", d[16]["question"]))))
simple("a blind55 shape planted in blind30", "detector python_traceback (blind55) finds 5 items of blind55 and 1 elsewhere",
       prev_edit(30, lambda d: d[2].__setitem__("question", d[2]["question"] + TRACEBACK_FENCE)))
simple("a blind58 shape planted in blind21 (Dockerfile)", "detector dockerfile (blind58) finds 5 items of blind58 and 1 elsewhere",
       prev_edit(21, lambda d: d[3].__setitem__("question", d[3]["question"] + DOCKERFILE_SNIPPET)))
simple("a new shape already in an earlier question (INI file)", "new shape ini_config already occurs in blind19-58",
       prev_edit(45, lambda d: d[2].__setitem__("question", d[2]["question"] + INI_SNIPPET)))
simple("a new shape already in an earlier question (openssl key size)", "new shape openssl_key_text already occurs in blind19-58",
       prev_edit(22, lambda d: d[5].__setitem__("question", d[5]["question"] + " openssl said `Public-Key: (2048 bit)`")))
simple("a new shape already in an earlier question (Az PowerShell list)", "new shape ps_format_list already occurs in blind19-58",
       prev_edit(58, lambda d: d[7].__setitem__("question", d[7]["question"] + PSLIST_SNIPPET)))
simple("a new shape already in an earlier question (ansible output)", "new shape ansible_output already occurs in blind19-58",
       prev_edit(33, lambda d: d[9].__setitem__("question", d[9]["question"] + ANSIBLE_SNIPPET)))
simple("a new shape already in an earlier question (manifest)", "new shape oci_manifest already occurs in blind19-58",
       prev_edit(50, lambda d: d[11].__setitem__("question", d[11]["question"] + OCI_SNIPPET)))


# ---------------- new shapes: a shape in the text needs its flag ----------------
simple("unflagged openssl key text", "question shows the shape openssl_key_text without its flag", mdel("S1", "openssl_key_text"))
simple("unflagged INI file", "question shows the shape ini_config without its flag", mdel("L1", "ini_config"))
simple("unflagged Az PowerShell list", "question shows the shape ps_format_list without its flag", mdel("L6", "ps_format_list"))
simple("unflagged ansible output", "question shows the shape ansible_output without its flag", mdel("L11", "ansible_output"))
simple("unflagged manifest", "question shows the shape oci_manifest without its flag", mdel("L16", "oci_manifest"))
simple("openssl dump in an off-topic question", "question shows the shape openssl_key_text without its flag",
       qadd("X5", OPENSSL_SNIPPET))
simple("a lone Modulus line in an off-topic question", "question shows the shape openssl_key_text without its flag",
       qadd("X4", "\n\nModulus:\n    00:c1:7e"))
simple("INI file in an off-topic question", "question shows the shape ini_config without its flag",
       qadd("X3", INI_SNIPPET))
simple("Az PowerShell list in an off-topic question", "question shows the shape ps_format_list without its flag",
       qadd("X1", PSLIST_SNIPPET))
simple("ansible output in an off-topic question", "question shows the shape ansible_output without its flag",
       qadd("X2", ANSIBLE_SNIPPET))
simple("a lone PLAY RECAP line in an off-topic question", "question shows the shape ansible_output without its flag",
       qadd("X6", "\n\n```text\nPLAY RECAP *******\nlocalhost : ok=1 failed=0\n```"))
simple("manifest in an off-topic question", "question shows the shape oci_manifest without its flag",
       qadd("X4", OCI_SNIPPET))
simple("a lone artifactType key in an off-topic question", "question shows the shape oci_manifest without its flag",
       qadd("X6", '\n\nThe payload carries "artifactType": "application/x-promo".'))

# ---------------- openssl_key_text ----------------
simple("openssl: long post without a second field line", "openssl_key_text needs a fence with a key-size line and another",
       qsub("L21", r"(?ms)^Modulus:.*?^Exponent: 65537 \(0x10001\)\n", ""))
simple("openssl: long post outside a fence", "openssl_key_text needs a fence with a key-size line and another",
       unfence("L21"))
simple("openssl: short item with the size line not quoted inline", "openssl_key_text needs the key-size line quoted inline",
       qrep("S2", "`Private-Key: (2048 bit, 2 primes)`", "Private-Key: (2048 bit, 2 primes)"))
simple("openssl: agent item with the size line not quoted inline", "openssl_key_text needs the key-size line quoted inline",
       qrep("A1", "`Public-Key: (3072 bit)`", "Public-Key: (3072 bit)"))
simple("openssl: truth names neither size nor curve", "openssl_key_text truth names neither the key size nor the curve",
       trep_all("A2", "4096 bits", "that size"))
simple("openssl: the exponent does not count", "openssl_key_text truth names neither the key size nor the curve",
       trep_all("L21", "The 4096-bit RSA key", "The RSA key with exponent 65537"))
simple("openssl: the curve counts", "short question has 15 words", only=True,
       fn=chain(qrep("S1", "(384 bit)", "(521 bit)"), qset("S11", S11_15)))
simple("openssl: truth keeps openssl output", "openssl_key_text truth still holds openssl output",
       tadd("L21", " Public-Key: (4096 bit)"))
simple("openssl: truth keeps hex bytes", "openssl_key_text truth still holds openssl output",
       tadd("A1", " Modulus starts 00:c3:5e:91:0a:7d:42."))


@mut("openssl used 4 times", "shape openssl_key_text used 4 times, want exactly 5")
def _(c):
    mdel("S2", "openssl_key_text")(c)
    c.q_rep("S2", "`Private-Key: (2048 bit, 2 primes)`", "a 2048-bit private key")


simple("openssl used 6 times", "shape openssl_key_text used 6 times, want exactly 5", mset("L24", "openssl_key_text", True))

# ---------------- ini_config ----------------
simple("ini: only one section header", "ini_config needs a fence of >= 2 section headers",
       chain(qrep("L4", "[defaults]\n", ""), qrep("L4", "[core]\n", "")))
simple("ini: only two key = value lines", "ini_config needs a fence of >= 2 section headers",
       qsub("L4", r"(?s)```ini\n.*?```", "```ini\n[cloud]\nname = AzureChinaCloud\n\n[defaults]\nlocation = chinanorth3\n```"))
simple("ini: a line that is neither header nor key = value", "ini_config needs a fence of >= 2 section headers",
       qrep("L2", "version = 2\n", "version = 2\nthis line was added by hand\n"))
simple("ini: file outside a fence", "ini_config needs a fence of >= 2 section headers", unfence("L3"))
simple("ini: truth repeats no value", "ini_config truth repeats no value of the file",
       trep_all("L1", "rg-tamar-apps", "that group"))
simple("ini: section and key names do not count", "ini_config truth repeats no value of the file",
       chain(trep_all("L4", "AzureChinaCloud", "cloud"), trep_all("L4", "chinanorth3", "location")))
simple("ini: a TOML value counts", "short question has 15 words", only=True,
       fn=chain(trep_all("L2", "https://crsevern.azurecr.io", "the registry endpoint"), qset("S11", S11_15)))
simple("ini: top-level TOML keys before the first header stay valid", "short question has 15 words", only=True,
       fn=chain(qrep("L5", 'unqualified-search-registries = ["crtyne.azurecr.io"]\n',
                     'unqualified-search-registries = ["crtyne.azurecr.io"]\nshort-name-mode = "enforcing"\n'),
                qset("S11", S11_15)))
simple("ini: truth keeps a key = value line", "ini_config truth still holds a line of the file",
       tadd("L1", "\ngroup = rg-tamar-apps"))
simple("ini: truth keeps a section header", "ini_config truth still holds a line of the file",
       tadd("L4", "\n[cloud]"))
simple("ini on a short item", "ini_config must be a long post", mset("S11", "ini_config", True))


@mut("ini used 4 times", "shape ini_config used 4 times, want exactly 5")
def _(c):
    mdel("L4", "ini_config")(c)
    e = c.e("L4")
    e["question"] = re.sub(r"```ini\n.*?```", "They point at AzureChinaCloud with chinanorth3 as the default location.",
                           e["question"], flags=re.S)


simple("ini used 6 times", "shape ini_config used 6 times, want exactly 5", mset("L24", "ini_config", True))

# ---------------- ps_format_list ----------------
simple("ps: no prompt line", "ps_format_list needs a fence with an Az cmdlet prompt",
       qsub("L7", r"(?m)^PS /home/dev>.*\n", ""))
simple("ps: a prompt without an Az cmdlet", "ps_format_list needs a fence with an Az cmdlet prompt",
       qrep("L8", "Get-AzRoleAssignment -ObjectId", "az role assignment list --assignee"))
simple("ps: no space before the colons", "ps_format_list needs a fence with an Az cmdlet prompt",
       qsub("L9", r"(?m)^(\w[^:\n]*?) +: ", r"\1: "))


@mut("ps: colons not aligned", "ps_format_list needs a fence with an Az cmdlet prompt")
def _(c):
    e = c.e("L10")
    out, n = [], 0
    for line in e["question"].split("\n"):
        if re.match(r"^\w[^:\n]*? +: ", line):
            n += 1
            if n % 2:
                line = line.replace(" : ", "  : ", 1)
        out.append(line)
    e["question"] = "\n".join(out)


simple("ps: list outside a fence", "ps_format_list needs a fence with an Az cmdlet prompt", unfence("L8"))
simple("ps: truth repeats no property value", "ps_format_list truth repeats no property value",
       chain(trep_all("L10", "NotActivated", "not activated"),
             trep_all("L10", "fc8d20bd-8b43-43fd-a922-2f68c7c370d3", "the administrator")))
simple("ps: a prompt argument does not count", "ps_format_list truth repeats no property value",
       chain(qrep("L8", "-ObjectId 56911b5d-7fb1-49db-9748-bc8eaa33dcea\n",
                  "-ObjectId 56911b5d-7fb1-49db-9748-bc8eaa33dcea -RoleDefinitionName Crypto-User-2\n"),
             tset("L8", "No: the registry needs only the service encryption role, not Crypto-User-2.")))
simple("ps: truth keeps a property line", "ps_format_list truth still holds cmdlet output",
       tadd("L7", "\nClientId          : 10036342-f9c8-480d-afe7-b207128fa62f"))
simple("ps: truth keeps the prompt", "ps_format_list truth still holds cmdlet output",
       tadd("L6", "\nPS C:\\deploy> Get-AzKeyVault"))
simple("ps on a short item", "ps_format_list must be a long post", mset("S11", "ps_format_list", True))


@mut("ps used 4 times", "shape ps_format_list used 4 times, want exactly 5")
def _(c):
    mdel("L8", "ps_format_list")(c)
    e = c.e("L8")
    e["question"] = re.sub(r"```text\n.*?```", "It holds Key Vault Crypto User at the scope of rg-nene-data.",
                           e["question"], flags=re.S)


simple("ps used 6 times", "shape ps_format_list used 6 times, want exactly 5", mset("L24", "ps_format_list", True))

# ---------------- ansible_output ----------------
simple("ansible: no TASK banner", "ansible_output needs a fence with a TASK banner",
       qsub("L11", r"(?m)^TASK \[.*\n", ""))
simple("ansible: the fatal line before the banner", "ansible_output needs a fence with a TASK banner",
       qsub("L12", r"(TASK \[[^\n]*\n)(fatal: [^\n]*\n)", r"\2\1"))
simple("ansible: result that is not JSON", "ansible_output needs a fence with a TASK banner",
       qrep("L13", '"stdout": ""}', '"stdout": ""'))
simple("ansible: output outside a fence", "ansible_output needs a fence with a TASK banner", unfence("L14"))
simple("ansible: truth repeats nothing of the result", "ansible_output truth repeats nothing of the failed result",
       trep_all("L15", "<that objectId>", "<that ID>"))
simple("ansible: a token of the TASK banner does not count", "ansible_output truth repeats nothing of the failed result",
       qrep("L14", "TASK [cleanup : Detach retired encryption identities] ***", "TASK [cleanup : Detach id-dart-2024 from crdart] ***"))
simple("ansible: the command does not count", "ansible_output truth repeats nothing of the failed result",
       chain(qrep("L11", " See 'az keyvault set-policy --help'.\"", " See the help.\"", 2)))
simple("ansible: truth keeps playbook output", "ansible_output truth still holds playbook output",
       tadd("L13", " fatal: [localhost]: FAILED!"))
simple("ansible: truth keeps JSON", "ansible_output truth still holds playbook output",
       tadd("L11", ' {"rc": 2}'))
simple("ansible on a short item", "ansible_output must be a long post", mset("S11", "ansible_output", True))


@mut("ansible used 4 times", "shape ansible_output used 4 times, want exactly 5")
def _(c):
    mdel("L13", "ansible_output")(c)
    e = c.e("L13")
    e["question"] = re.sub(r"```text\n.*?```", "It stops because MSI is not an allowed principal type there.",
                           e["question"], flags=re.S)


simple("ansible used 6 times", "shape ansible_output used 6 times, want exactly 5", mset("L24", "ansible_output", True))

# ---------------- oci_manifest ----------------
simple("oci: schemaVersion other than 2", "oci_manifest needs a fence with a schemaVersion 2 manifest or index",
       qrep("L16", '"schemaVersion": 2', '"schemaVersion": 1'))
simple("oci: a mediaType that is no manifest or index", "oci_manifest needs a fence with a schemaVersion 2 manifest or index",
       qrep("L18", '"mediaType": "application/vnd.docker.distribution.manifest.v2+json"', '"mediaType": "application/json"'))
simple("oci: no layers, manifests or blobs", "oci_manifest needs a fence with a schemaVersion 2 manifest or index",
       qrep("L19", '"manifests": [', '"entries": ['))
simple("oci: document that is not valid JSON", "oci_manifest needs a fence with a schemaVersion 2 manifest or index",
       qrep("L20", '"size": 4870\n  },', '"size": 4870\n  }'))
simple("oci: document outside a fence", "oci_manifest needs a fence with a schemaVersion 2 manifest or index",
       unfence("L17"))
simple("oci: truth repeats no value", "oci_manifest truth repeats no digest, artifactType or annotation",
       trep_all("L18", "such as sha256:f901bda7bec680428d532ae0087d67991c2244a3f0028b226d6f82c90d5d2a3f,", "such as the first one,"))
simple("oci: a media type does not count", "oci_manifest truth repeats no digest, artifactType or annotation",
       trep_all("L18", "sha256:f901bda7bec680428d532ae0087d67991c2244a3f0028b226d6f82c90d5d2a3f",
                "application/vnd.docker.image.rootfs.diff.tar.gzip"))
simple("oci: the referrers-tag form of a digest counts", "short question has 15 words", only=True,
       fn=chain(trep_all("L17", " (artifactType application/vnd.cncf.notary.signature)", ""),
                trep_all("L17", " (notation-go/1.3.0 here)", ""), qset("S11", S11_15)))
simple("oci: a $ command line before the document stays valid", "short question has 15 words", only=True,
       fn=chain(qrep("L17", "```json\n{", "```json\n$ oras manifest fetch crdee.azurecr.io/billing@sha256:"
                     "2d3b3ea857285629cd419de1f5bc5e1c47a07421c5ac36facf7a674742adb169\n{"), qset("S11", S11_15)))
simple("oci: truth keeps JSON", "oci_manifest truth still holds JSON of the document",
       tadd("L16", ' {"schemaVersion": 2}'))
simple("oci on a short item", "oci_manifest must be a long post", mset("S11", "oci_manifest", True))


@mut("oci used 4 times", "shape oci_manifest used 4 times, want exactly 5")
def _(c):
    mdel("L18", "oci_manifest")(c)
    e = c.e("L18")
    e["question"] = re.sub(r"```json\n.*?```", "It lists a config blob and two tar.gzip layers.",
                           e["question"], flags=re.S)


simple("oci used 6 times", "shape oci_manifest used 6 times, want exactly 5", mset("L24", "oci_manifest", True))
simple("two new shapes on one item", "more than one new shape on one item", mset("L1", "ps_format_list", True))

# ---------------- two_facts ----------------
simple("two_facts floor", "floor: shape two_facts 3 < 4",
       chain(mdel("L20", "two_facts"), lambda c: c.e("L20")["canonical"].pop(),
             lambda c: c.e("L20")["answer_facts"].pop(),
             mdel("L22", "two_facts"), lambda c: c.e("L22")["canonical"].pop(),
             lambda c: c.e("L22")["answer_facts"].pop()))


def run_check(d):
    env = dict(os.environ, BLIND59_DIR=d, BLIND59_KROOT=os.path.join(d, "k"), BLIND59_FACTS=os.path.join(d, "facts"))
    p = subprocess.run([sys.executable, os.path.join(HERE, "check59.py")], env=env, capture_output=True, text=True)
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
        shutil.copy(os.path.join(HERE, "build59.py"), d)
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
