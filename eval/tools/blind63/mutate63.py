"""blind63 mutation driver. Each mutation runs on a fresh temp copy (inside blind63/) of the set, prev/, the
blind62 and blind61 first-canonical lists, the knowledge and the fact sheets; it counts as caught only when check63.py
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
KROOT = os.environ.get("BLIND63_KROOT", "/work/scratch/blind63/kstripped")
FACTS = os.environ.get("BLIND63_FACTS", "/work/shared/facts")
sys.path.insert(0, HERE)
import build63  # noqa: E402
import check63  # noqa: E402
import kparse  # noqa: E402

SET = "blind63"
FILES = (SET + ".json", SET + "-meta.json", SET + "-first-canonicals.txt")
_entries, _meta = build63.build()
_byq = {q["question"]: q["key"] for q in build63.QUESTIONS}
ID = {_byq[e["question"]]: e["id"] for e in _entries}
SCENARIO_SECTION = next("acr-cmk/" + k if not k.startswith("acr-cmk/") else k
                        for k in kparse.parse_all(KROOT) if "scenarios/" in k)
P = build63.ID_PREFIX
LISTS = tuple("blind%d-first-canonicals.txt" % n for n in check63.SPREAD_SETS)
A_SET, B_SET = check63.SPREAD_SETS
PREV_LABEL = check63.PREV_LABEL


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
            for n in check63.SPREAD_SETS:
                fp = os.path.join(self.d, "blind%d-first-canonicals.txt" % n)
                firsts[n] = {x.strip() for x in open(fp, encoding="utf-8") if x.strip()} if os.path.exists(fp) else set()
            self.m["_set"] = check63.set_summary(self.j, self.m, firsts)
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
# the set's prefix is "aa"; every single letter (the prefixes of blind19-62), a one-letter "a", other two-letter
# prefixes and an upper-case "AA" are rejected
for pfx in ("r", "q", "p", "o", "n", "m", "l", "k", "j", "i", "h", "g", "f", "e", "d", "c", "b", "a", "s", "t", "u",
            "v", "w", "x", "y", "z", "ab", "ba", "AA", "aaa"):
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
simple("rebuild: json truth edited", "rebuild differs from blind63.json",
       lambda c: c.j[0].__setitem__("truth", c.j[0]["truth"] + " Extra."), True)
simple("rebuild: meta edited", "rebuild differs from blind63-meta.json",
       lambda c: c.m[P + "001"].__setitem__("qual", "none" if c.m[P + "001"]["qual"] != "none" else "asked"), True)


@mut("rebuild: same content, other JSON layout (byte compare)", "rebuild differs from blind63.json", True)
def _(c):
    # content unchanged, only the serialisation differs: caught by the byte comparison alone
    def save():
        with open(os.path.join(c.d, FILES[0]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(c.j, indent=2, ensure_ascii=False) + "\n")
        with open(os.path.join(c.d, FILES[1]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(c.m, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    c.save = save


@mut("rebuild: a time stamp in a pasted task log changed (byte compare)", "rebuild differs from blind63.json", True)
def _(c):
    # still a complete ACR task run log whose run ID the truth names, but no longer what build63.py writes
    c.q_rep("L6", "2026/12/01 14:04:52 Successfully pushed", "2026/12/01 14:04:51 Successfully pushed")


@mut("rebuild: first-canonical list edited", "rebuild differs from blind63-first-canonicals.txt", True)
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


simple("first-canonical list missing", "blind63-first-canonicals.txt missing",
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
       set_edit(lambda s: s["new_shapes"]["dir_tree"].pop()))
simple("_set: spread count changed", "meta: _set summary does not match",
       set_edit(lambda s: s["spread"].__setitem__("new_against_blind%d_and_blind%d" % (A_SET, B_SET), 47)))
simple("_set: spread floors changed", "meta: _set summary does not match",
       set_edit(lambda s: s["spread"].__setitem__("floors", [30, 20])))
simple("_set: typo moved to another id", "meta: _set summary does not match",
       set_edit(lambda s: s["typos"].__setitem__("decomissioned", ID["S2"])))
simple("_set: off-topic subject renamed", "meta: _set summary does not match",
       set_edit(lambda s: s["off_topic_subjects"].__setitem__(ID["X1"], "longhorn")))
simple("_set: stale after a flag change", "meta: _set summary does not match",
       raw(mdel("L16", "dir_tree")))


def add_my_first_to_list(n, key):
    def f(c):
        # one of this set's first canonicals now also counts as a first of blind<n>: the spread figures go stale
        c.raw_set = True
        p = os.path.join(c.d, "blind%d-first-canonicals.txt" % n)
        lines = [x for x in open(p, encoding="utf-8") if x.strip()]
        lines[-1] = c.e(key)["canonical"][0] + "\n"
        open(p, "w", encoding="utf-8").writelines(lines)
    return f


simple("_set: stale after the blind62 first-canonical list changed", "meta: _set summary does not match",
       add_my_first_to_list(A_SET, "L22"))
simple("_set: stale after the blind61 first-canonical list changed", "meta: _set summary does not match",
       add_my_first_to_list(B_SET, "A12"))

# ---------------- dropped flags and fields (the shape flags of blind52 to blind62 included) ----------------
_SPECIAL = {"field": "bypass", "wrong": "--kek-uri", "other": ["AWS"], "premise": "x"}
for fld in check63.DROPPED_FIELDS:
    simple("dropped/unknown field %s" % fld, "unknown field %r" % fld, mset("L24", fld, _SPECIAL.get(fld, True)))

# ---------------- facts and answer facts ----------------
simple("answer_fact not in canonical", "answer_fact not in first canonical",
       lambda c: c.e("L9")["answer_facts"].__setitem__(0, "managed hsm is available in every region"))
simple("answer_fact only in a related section", "answer_fact not in first canonical",
       lambda c: c.e("L1")["answer_facts"].__setitem__(0, "grant it access to the key"))
simple("answer_fact added from a related section", "answer_fact not in first canonical",
       lambda c: c.e("L4")["answer_facts"].append("the registry does not exist yet"))
simple("answer_fact over 7 words", "answer_fact over 7 words",
       lambda c: c.e("S11")["answer_facts"].__setitem__(1, "all of them have the same encryption shape here"))
simple("fact not in any section", "fact not in a canonical or related section",
       lambda c: c.e("S4")["facts"].__setitem__(0, "purge protection is mandatory for acr"))
simple("empty answer_facts", "no answer_facts", eset("S12", "answer_facts", []))
simple("empty facts", "no facts", eset("S12", "facts", []))
simple("two_facts with all facts in the first canonical", "two_facts needs one answer_fact only in each",
       lambda c: c.e("L13")["answer_facts"].__setitem__(1, "azure container registry is on key vault's list"))
simple("two_facts fact in neither canonical", "answer_fact not in either canonical",
       lambda c: c.e("L22")["answer_facts"].__setitem__(0, "the registry recreates the grant"))
simple("two canonicals without flag", "two canonical sections need two_facts", mdel("L22", "two_facts"))
simple("two_facts flag with one canonical", "two_facts needs two canonical sections",
       mset("A10", "two_facts", True))

# ---------------- sections ----------------
simple("unknown section id", "unknown section",
       lambda c: c.e("L14")["related"].__setitem__(2, "acr-cmk/references/identities.md#no-such-anchor"))
simple("section id without the acr-cmk/ folder", "unknown section",
       lambda c: c.e("L14")["related"].__setitem__(2, "references/troubleshooting.md#general-diagnostic-checklist"))
simple("canonical repeated in related", "repeated section",
       lambda c: c.e("L14")["related"].append(c.e("L14")["canonical"][0]))
simple("canonical empty", "canonical must hold 1 or 2", eset("L24", "canonical", []))
simple("three canonicals", "canonical must hold 1 or 2",
       lambda c: c.e("L24")["canonical"].extend(c.e("L24")["related"][:2]))
simple("first canonical in a scenario", "first canonical not a reference doc",
       lambda c: c.e("S1")["canonical"].__setitem__(0, SCENARIO_SECTION))
simple("related empty", "related is empty", eset("S8", "related", []))

# ---------------- kinds, styles, truths, categories ----------------
simple("unknown kind", "bad kind", mset("A7", "kind", "opinion"))
simple("yes truth opening No", "yes truth must open 'Yes: '",
       lambda c: c.e("S5").__setitem__("truth", "No: " + c.e("S5")["truth"][5:]))
simple("no truth without No", "no truth must open 'No: '",
       lambda c: c.e("L4").__setitem__("truth", c.e("L4")["truth"][4:]))
simple("undocumented truth without verdict", "undocumented truth must open 'Not documented'",
       lambda c: c.e("S4").__setitem__("truth", c.e("S4")["truth"][16:]))
simple("off-topic truth without verdict", "off-topic truth must open 'Not covered: '",
       lambda c: c.e("X3").__setitem__("truth", c.e("X3")["truth"][13:]))
simple("howto truth opening Yes", "howto truth opens with a verdict word",
       lambda c: c.e("A4").__setitem__("truth", "Yes: " + c.e("A4")["truth"]))
simple("troubleshoot truth opening No", "troubleshoot truth opens with a verdict word",
       lambda c: c.e("L10").__setitem__("truth", "No, " + c.e("L10")["truth"]))
simple("off-topic item with canonical", "off-topic item must have empty lists",
       lambda c: c.e("X4")["canonical"].append("acr-cmk/references/overview.md#default-encryption-at-rest-without-a-cmk"))
simple("off-topic category on an on-topic kind", "off-topic category and kind disagree",
       eset("A10", "category", "off-topic"))
simple("unknown category", "bad category", eset("A10", "category", "misc"))
simple("style count broken", "on-topic short count 13", mset("A7", "style", "short"))
simple("unknown style", "bad style", mset("A7", "style", "medium"))
simple("kind count broken", "kind howto count 13", mset("L16", "kind", "why"))
simple("kind group missing from a style", "kind group yes/no missing from style agent",
       chain(mset("A1", "kind", "value"),
             tset("A1", "Premium from the first apply: registry-tier-check is right, crginkgo cannot get CMK on Standard."),
             mset("A6", "kind", "value"),
             tset("A6", "Within an hour, on its own: versionedKeyIdentifier in az acr encryption show tells which Managed HSM key version is in use.")))
simple("category above 9", "category hsm count 10",
       chain(eset("L16", "category", "hsm"), eset("L18", "category", "hsm"), eset("L19", "category", "hsm")))
simple("category below 2", "category recovery count 1",
       chain(eset("L8", "category", "keys"), eset("L11", "category", "keys")))

# ---------------- style rules ----------------
# a short question of exactly 15 words, used as the marker of the only=True mutations (S8 carries no qualifier)
S8_15 = "order of steps for a brand new cmk acr with the az cli tool today"
L22_START = "Creating crquince against our Managed HSM fails"
L24_START = "crredwood is about to be created"
simple("long post too short", "long question length", qset("L24", "Which tier after CMK?"))
simple("long post too long", "long question length",
       lambda c: c.e("L22").__setitem__("question", c.e("L22")["question"] + (" Some more background here." * 60)))
simple("short question of 15 words", "short question has 15 words", qset("S8", S8_15))
simple("short question on two lines", "short question spans lines",
       qrep("S11", " stable api", "\nstable api"))
simple("agent query of 50 words", "agent query has",
       lambda c: c.e("A7").__setitem__("question", c.e("A7")["question"] + " please" + " also" * 30))
simple("agent query on two lines", "agent query spans lines", qrep("A1", " Question:", "\nQuestion:"))
simple("agent query with a fence", "agent query spans lines", qrep("A1", " Question:", " ```x``` Question:"))
simple("context form without Context:", "context form must open with 'Context:'",
       lambda c: c.e("A1").__setitem__("question", c.e("A1")["question"][len("Context: "):]))
simple("imperative form without verb", "imperative form must open with an imperative verb",
       qrep("A4", "Write the Azure CLI sequence", "I want the Azure CLI sequence"))
simple("keywords form opening uppercase", "keywords form must open lowercase",
       lambda c: c.e("A10").__setitem__("question", "O" + c.e("A10")["question"][1:]))
simple("keywords form with ?", "keywords form must open lowercase",
       lambda c: c.e("A10").__setitem__("question", c.e("A10")["question"] + "?"))
simple("form on a short item", "form on a non-agent item", mset("S11", "form", "keywords"))
simple("agent forms miscounted", "on-topic agent form context count 4",
       chain(mset("A3", "form", "imperative"), qrep("A3", "Context: hsm-juniper", "Explain: hsm-juniper")))
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
       chain(mset("L23", "quals", ["hsm"]), mset("L23", "qual", "story")))
simple("iac qualifier without a tool", "iac qualifier but no portal/Terraform/Bicep/ARM/AVM",
       chain(mset("S4", "quals", ["iac"]), mset("S4", "qual", "story")))
simple("October 2026 truth without Managed HSM", "October 2026 truth names neither",
       tset("S10", "A local role on the key, granted to the identity's principal ID; nobody creates it for you."))
simple("qual asked recorded as story", "qual is 'story', should be 'asked'", mset("L15", "qual", "story"))
simple("quals without qual none", "qual is 'asked', should be 'none'", mset("L4", "qual", "asked"))
simple("unknown qualifier", "bad quals", mset("L15", "quals", ["hsm", "oct2026", "k8s"]))


def drop_qual(mm, x, q):
    mm["quals"] = [v for v in mm["quals"] if v != q]
    ask = build63.ask_part(x["question"])
    hit = ("hsm" in mm["quals"] and build63.HSM_RE.search(ask)) or ("iac" in mm["quals"] and build63.IAC_RE.search(ask))
    mm["qual"] = "none" if not mm["quals"] else ("asked" if hit else "story")


@mut("Managed HSM asked floor", "floor: Managed HSM asked")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "hsm" in mm.get("quals", []) and build63.HSM_RE.search(build63.ask_part(x["question"])):
            n += 1
            if n > 9:
                drop_qual(mm, x, "hsm")


@mut("Managed HSM asked in too few ways (qualifier dropped)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    # A6 is the only which-key ask and the only rotation ask
    drop_qual(c.meta("A6"), c.e("A6"), "hsm")


@mut("Managed HSM asked in too few ways (asks reworded)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    # S6 is the only purge ask, L15 the only revocation ask
    c.q_rep("S6", "hsm decomissioned but still soft-deleted: is it free until the purge?",
            "hsm decomissioned but still waiting for final removal: is it free till then?")
    c.q_rep("L15", "Why doesn't deleting the key-scoped role revoke anything,",
            "Why doesn't deleting the key-scoped role stop the pulls,")


@mut("iac named floor", "floor: portal/Terraform/Bicep/ARM/AVM named")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "iac" in mm.get("quals", []) and n < 8:
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


@mut("spread against blind62", "first canonicals new against blind62 (floor 40)")
def _(c):
    firsts = list(dict.fromkeys(list_lines(c, A_SET)))
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < 9 and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [firsts[n]]
            x["related"] = [r for r in x["related"] if r != firsts[n]] or [firsts[n + 20]]
            n += 1


@mut("spread against blind62 and blind61", "first canonicals new against blind62 and blind61 (floor 30)")
def _(c):
    a, b = set(list_lines(c, A_SET)), set(list_lines(c, B_SET))
    mine = {x["canonical"][0] for x in c.j if x["canonical"]}
    fresh = sum(1 for x in c.j if x["canonical"] and x["canonical"][0] not in a and x["canonical"][0] not in b)
    need = fresh - 29
    pool = [f for f in dict.fromkeys(list_lines(c, B_SET)) if f not in a and f not in mine]
    if len(pool) < need:
        raise AssertionError("setup: only %d blind61-only firsts" % len(pool))
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < need and not c.m[x["id"]].get("two_facts") \
                and x["canonical"][0] not in b:
            x["canonical"] = [pool[n]]
            x["related"] = [r for r in x["related"] if r != pool[n]] or ["acr-cmk/references/overview.md#requirements-at-a-glance"]
            n += 1


simple("troubleshooting doc above 8", "first canonical doc troubleshooting count 9",
       lambda c: c.e("L24")["canonical"].__setitem__(0, "acr-cmk/references/troubleshooting.md#troubleshooting-customer-managed-keys"))
simple("identities doc below 2", "first canonical doc identities count 1",
       chain(lambda c: c.e("L1")["canonical"].__setitem__(0, "acr-cmk/references/key-rotation.md#how-often-to-rotate"),
             lambda c: c.e("L20")["canonical"].__setitem__(0, "acr-cmk/references/key-rotation.md#rotate-the-key-in-the-azure-portal")))
simple("blind62 first-canonical list missing", "first-canonical list missing: blind62",
       lambda c: os.remove(os.path.join(c.d, "blind62-first-canonicals.txt")))
simple("blind61 first-canonical list missing", "first-canonical list missing: blind61",
       lambda c: os.remove(os.path.join(c.d, "blind61-first-canonicals.txt")))


@mut("blind61 first-canonical list cut to 47", "blind61 has 47 lines")
def _(c):
    p = os.path.join(c.d, "blind61-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:47])


@mut("blind62 first-canonical list cut to 40", "blind62 has 40 lines")
def _(c):
    p = os.path.join(c.d, "blind62-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:40])


@mut("first-canonical lists read from the set's folder, not from prev/ (blind62)", "first-canonical list missing: blind62")
def _(c):
    # a copy in prev/ does not stand in for the list next to the set
    shutil.move(os.path.join(c.d, "blind62-first-canonicals.txt"), os.path.join(c.d, "prev", "blind62-first-canonicals.txt"))


@mut("first-canonical lists read from the set's folder, not from prev/ (blind61)", "first-canonical list missing: blind61")
def _(c):
    shutil.move(os.path.join(c.d, "blind61-first-canonicals.txt"), os.path.join(c.d, "prev", "blind61-first-canonicals.txt"))


@mut("spread lists of the wrong sets (blind61 and blind60 in place of blind62 and blind61)",
     "first-canonical list missing: blind62")
def _(c):
    # the previous set's pair of lists does not satisfy this set's spread rule
    os.remove(os.path.join(c.d, "blind62-first-canonicals.txt"))
    shutil.copy(os.path.join(c.d, "blind61-first-canonicals.txt"), os.path.join(c.d, "blind60-first-canonicals.txt"))


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


simple("typo planted in blind20", "typo 'decomissioned' already used in blind19-62", plant_prev(20, "decomissioned"))
simple("typo planted in blind41", "typo 'temporarly' already used in blind19-62", plant_prev(41, "temporarly"))
simple("typo planted in blind48", "typo 'dependancy' already used in blind19-62", plant_prev(48, "dependancy"))
simple("typo planted in blind62", "typo 'decomissioned' already used in blind19-62", plant_prev(62, "decomissioned"))
simple("typo planted in a blind62 truth", "typo 'temporarly' already used in blind19-62", plant_prev_truth(62, "temporarly"))
simple("typo planted in a blind25 truth", "typo 'dependancy' already used in blind19-62", plant_prev_truth(25, "dependancy"))
simple("typo moved to an off-topic short", "typo must sit in a short on-topic question",
       chain(mdel("S5", "typo"), qrep("S5", "temporarly", "temporarily"), mset("X11", "typo", "temporarly"),
             qrep("X11", "are read states kept?", "are read states kept, temporarly?")))
simple("typo fixed in the question", "typo 'decomissioned' not in the question", qrep("S6", "decomissioned", "decommissioned"))
simple("unrecorded typo in another question", "unrecorded typo 'temporarly'",
       qrep("S10", "on a managed hsm key?", "on a managed hsm key, temporarly?"))
simple("typo used twice", "typo 'temporarly' used 2 times",
       chain(mset("S10", "typo", "temporarly"), qrep("S10", "on a managed hsm key?", "on a managed hsm key, temporarly?")))
simple("unknown typo word", "not in the set's typo list",
       chain(mset("S7", "typo", "dependancie"), qrep("S7", "dependancy", "dependancie")))
simple("typo on a long item", "typo must sit in a short on-topic question",
       chain(mdel("S7", "typo"), qrep("S7", "dependancy", "dependency"), mset("L24", "typo", "dependancy"),
             qrep("L24", "I want to be sure before production:", "I want no dependancy surprises before production:")))


@mut("typo added to the knowledge", "typo 'decomissioned' stands in the knowledge or facts")
def _(c):
    p = c.kfile("acr-cmk/references/overview.md")
    open(p, "a").write("\ndecomissioned\n")


@mut("typo added to the fact sheets", "typo 'dependancy' stands in the knowledge or facts")
def _(c):
    p = os.path.join(c.d, "facts", "cmk-facts-2026-10.md")
    os.chmod(p, 0o644)
    open(p, "a").write("\ndependancy\n")

# ---------------- copying ----------------
KV_POLICY_CMD = ('az keyvault set-policy --name $KEY_VAULT_NAME --resource-group $RESOURCE_GROUP --object-id '
                 '$PRINCIPAL_ID --key-permissions get unwrapKey wrapKey')
KNOWLEDGE_PROSE = "the registry cannot unwrap its data without the key so deleting the key store"
simple("knowledge 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L22", L22_START, "The registry cannot unwrap its data without the key, and " + L22_START))
simple("fact-sheet 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L22", L22_START, "We wonder whether this revision is already live on Learn, and " + L22_START))
simple("pasted error moved into prose", "8-token run shared with knowledge/facts",
       qrep("L22", L22_START, "The CLI said Cannot set policies to a vault with '--enable-rbac-authorization' specified. " + L22_START))
simple("knowledge prose inside a pasted help text (12-token rule)", "12-token run (fences included) shared with knowledge/facts",
       qrep("L1", "URI of the key, with or without a version.",
            "URI of the key, with or without a version;\n                                      " + KNOWLEDGE_PROSE + "."))
simple("knowledge prose inside a task log (12-token rule)", "12-token run (fences included) shared with knowledge/facts",
       qrep("L8", "2026/12/02 10:21:37 Pushing image", "2026/12/02 10:21:36 note: " + KNOWLEDGE_PROSE + "\n2026/12/02 10:21:37 Pushing image"))
simple("knowledge prose inside a feature file (12-token rule)", "12-token run (fences included) shared with knowledge/facts",
       qrep("L11", '    And its value must be "true"\n', '    And its value must be "true"\n    # ' + KNOWLEDGE_PROSE + "\n"))
simple("knowledge prose inside a tree listing (12-token rule)", "12-token run (fences included) shared with knowledge/facts",
       qrep("L16", "│   └── registry.bicep\n", "│   └── registry.bicep   # " + KNOWLEDGE_PROSE + "\n"))
simple("knowledge command inside pre-commit output (12-token rule)", "12-token run (fences included) shared with knowledge/facts",
       qrep("L21", "envs/prod/crwillow.tfvars:7:", "hint: " + KV_POLICY_CMD + "\nenvs/prod/crwillow.tfvars:7:"))
simple("blind30 8-token run", "8-token run shared with blind19-62",
       lambda c: c.e("L24").__setitem__("question", c.e("L24")["question"] + " " + prevq(30, 8)(c)[:120]))
simple("blind41 8-token run", "8-token run shared with blind19-62",
       lambda c: c.e("L24").__setitem__("question", c.e("L24")["question"] + " " + prevq(41, 3)(c)[:150]))
simple("blind62 8-token run", "8-token run shared with blind19-62",
       lambda c: c.e("L24").__setitem__("question", c.e("L24")["question"] + " " + prevq(62, 50)(c)[:150]))


def clean_prev_truth(n):
    """The first 200 characters of the first on-topic blind<n> truth whose opening shares no 8-token run with the
    knowledge or the fact sheets (so that only the prev-truth rule can fire)."""
    def get(c):
        src = check63.grams(check63.toks(kparse.all_text(os.path.join(c.d, "k")) + "\n" +
                                         kparse.all_text(os.path.join(c.d, "facts"))), 8)
        for e in json.load(open(os.path.join(c.d, "prev", "blind%d.json" % n), encoding="utf-8")):
            t = e["truth"][:200]
            if len(e["truth"]) >= 250 and not e["truth"].startswith("Not covered") and \
                    not check63.grams(check63.toks(t), 8) & src:
                return t
        raise AssertionError("setup: no clean blind%d truth" % n)
    return get


simple("blind62 truth copied into a question", "8-token run shared with a blind19-62 truth",
       lambda c: c.e("L24").__setitem__("question", c.e("L24")["question"] + " " + clean_prev_truth(62)(c)))
simple("blind33 truth copied into a question", "8-token run shared with a blind19-62 truth",
       lambda c: c.e("L22").__setitem__("question", c.e("L22")["question"] + " " + clean_prev_truth(33)(c)))


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
            if field == "question" and any(d(t) for d in check63.OLD_DETECT.values() if d is not None):
                continue
            ts = _tokset(t)
            if all(len(ts & o) / len(ts | o) <= 0.6 for o in older):
                return t
        raise AssertionError("setup: no own blind%d %s" % (n, field))
    return get


simple("blind62 question repeated", "Jaccard > 0.6 with blind62",
       lambda c: c.e("A12").__setitem__("question", own_prev(62, "question")(c)))
simple("blind53 question repeated", "Jaccard > 0.6 with blind53",
       lambda c: c.e("A4").__setitem__("question", own_prev(53, "question")(c)))
simple("blind46 question repeated", "Jaccard > 0.6 with blind46",
       lambda c: c.e("S3").__setitem__("question", own_prev(46, "question")(c)))
simple("blind62 truth repeated", "truth Jaccard > 0.6 with blind62",
       lambda c: c.e("S11").__setitem__("truth", own_prev(62, "truth")(c)))
simple("off-topic truth close to an earlier truth", "truth Jaccard > 0.6 with blind",
       tset("X11", "Not covered: resetting a Navidrome password is outside the ACR customer-managed key knowledge."))
simple("off-topic truth copied from blind62", "truth Jaccard > 0.6 with blind62",
       lambda c: c.e("X12").__setitem__("truth", next(
           e["truth"] for e in json.load(open(os.path.join(c.d, "prev", "blind62.json"), encoding="utf-8"))
           if e["truth"].startswith("Not covered"))))
simple("near-duplicate inside the set", "Jaccard > 0.6 with",
       qset("S9", "order of steps for a new cmk acr with the az cli"))
simple("truth copies a knowledge sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("L22").__setitem__("truth", c.e("L22")["truth"] + " Soft delete alone keeps deleted keys and vaults recoverable, but someone with purge rights can still destroy them permanently before the retention period ends."))
simple("truth copies a fact-sheet sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("A6").__setitem__("truth", c.e("A6")["truth"] + " Whether this revision is already live on Learn was not checked."))
simple("question copies a knowledge sentence", "question copies a knowledge/fact sentence",
       qrep("L22", L22_START, "Registries without a CMK are still encrypted at rest with Microsoft-managed keys. " + L22_START))
simple("question echoes a heading", "question echoes a heading",
       qrep("L22", L22_START, "Versioned and versionless key IDs, the wiki says. " + L22_START))


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
    old = "those keep access working"
    if s.count(old) != 1:
        raise AssertionError("setup: text not once in revocation-and-recovery.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "those keep the access working"))


@mut("knowledge text edited under a two_facts answer fact", "answer_fact not in either canonical")
def _(c):
    p = c.kfile("acr-cmk/references/overview.md")
    s = open(p, encoding="utf-8").read()
    old = "and the DNS suffix differs between Azure clouds"
    if s.count(old) != 1:
        raise AssertionError("setup: text not once in overview.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "and the DNS suffix varies between Azure clouds"))


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
    qset("S8", S8_15)(c)


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
simple("blind61 prev file missing", "prev file missing: blind61.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind61.json")))
simple("blind62 prev file missing", "prev file missing: blind62.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind62.json")))
simple("blind19 prev file missing (first of the range)", "prev file missing: blind19.json",
       lambda c: os.remove(os.path.join(c.d, "prev", "blind19.json")))


# ---------------- off-topic ----------------
simple("banned blind62 subject", "banned off-topic subject 'varnish'",
       chain(mset("X11", "subject", "varnish"), qset("X11", "varnish: how do i change the admin password safely?")))
simple("banned blind62 extra name", "banned off-topic subject 'varnishadm'",
       chain(mset("X11", "subject", "varnishadm"), qset("X11", "varnishadm: how do i rotate its access safely?")))
simple("banned blind61 subject", "banned off-topic subject 'keepalived'",
       chain(mset("X11", "subject", "keepalived"), qset("X11", "keepalived: how do i change the vrrp password safely?")))
simple("banned blind61 extra name", "banned off-topic subject 'slapd'",
       chain(mset("X11", "subject", "slapd"), qset("X11", "slapd: how do i swap its tls certificate?")))
simple("banned blind60 subject", "banned off-topic subject 'rudder'",
       chain(mset("X11", "subject", "rudder"), qset("X11", "rudder: how do i re-trust the agents after a rebuild?")))
simple("banned blind60 extra name", "banned off-topic subject 'universe key'",
       chain(mset("X11", "subject", "universe key"), qset("X11", "universe key: how do i rotate it safely?")))
simple("banned blind59 subject", "banned off-topic subject 'keylime'",
       chain(mset("X11", "subject", "keylime"), qset("X11", "keylime: how do i re-enroll the agents after a ca change?")))
simple("banned blind59 extra name", "banned off-topic subject 'data converter'",
       chain(mset("X11", "subject", "data converter"), qset("X11", "data converter: how do i rotate its cipher safely?")))
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
X8_TAIL = "after the person who set up our registry request tracker left the company"
for _word, _label in (("squid", "blind62 subject"), ("xmpp", "blind62 extra name"), ("helpdesk", "blind62 extra name (2)"),
                      ("etherpad", "blind61 subject"), ("vrrp", "blind61 extra name"),
                      ("zulip", "blind60 subject"), ("ziti", "blind60 extra name"), ("ghostunnel", "blind59 subject"),
                      ("registrar", "blind59 extra name"), ("awx", "blind58 subject"),
                      ("minions", "blind58 extra name"), ("bitrise", "blind57 subject"),
                      ("libsodium", "blind57 extra name"), ("travis", "blind56 subject"),
                      ("sqlite", "blind56 extra name"), ("circleci", "blind55 subject"), ("nats", "blind54 subject"),
                      ("istio", "blind53 subject")):
    simple("%s in another question" % _label, "off-topic question names banned %r" % _word,
           qrep("X8", X8_TAIL, "(as we did for %s) %s" % (_word, X8_TAIL)))
simple("blind62 multi-word extra name in another question", "off-topic question names banned 'static auth secret'",
       qrep("X8", X8_TAIL, "(the static auth secret too) " + X8_TAIL))
simple("blind61 multi-word extra name in another question", "off-topic question names banned 'session ticket key'",
       qrep("X8", X8_TAIL, "(the session ticket key too) " + X8_TAIL))
simple("blind60 multi-word extra name in another question", "off-topic question names banned 'air-gapped replica'",
       qrep("X8", X8_TAIL, "(the air-gapped replica too) " + X8_TAIL))
simple("blind59 multi-word extra name in another question", "off-topic question names banned 'wrap key'",
       qrep("X8", X8_TAIL, "(the wrap key too) " + X8_TAIL))
simple("blind58 multi-word extra name in another question", "off-topic question names banned 'sensitive properties key'",
       qrep("X8", X8_TAIL, "(the sensitive properties key too) " + X8_TAIL))
simple("blind54 extra name in another question", "off-topic question names banned 'argo cd'",
       qrep("X8", X8_TAIL, "(Argo CD reads them too) " + X8_TAIL))
simple("blind28 subject in another question", "off-topic question names banned 'payment hsm'",
       qrep("X8", X8_TAIL, "(the Payment HSM team asked too) " + X8_TAIL))
simple("subject planted in blind33", "subject 'hitch' used in blind19-62", plant_prev(33, "hitch"))
simple("subject planted in blind62", "subject 'kanboard' used in blind19-62", plant_prev(62, "kanboard"))
simple("subject not in question", "subject 'kanboard' not in the question",
       qset("X12", "task board backup restored on a new server, attachments included"))
simple("earlier off-topic product named (capitalised, blind27)", "repeats an earlier off-topic subject word: verdaccio",
       qrep("X8", X8_TAIL, "the way we once did for Verdaccio, " + X8_TAIL))
simple("earlier off-topic product named (lowercase short, blind25)", "repeats an earlier off-topic subject word: sops",
       qset("X11", "freshrss moved to another host like sops does?"))
simple("earlier off-topic word from blind51 outside the ban list", "repeats an earlier off-topic subject word: secret-key",
       qrep("X9", "monit web interface pem file", "monit secret-key pem file"))
simple("earlier off-topic word from blind54 outside the ban list", "repeats an earlier off-topic subject word: gitops",
       qrep("X6", "During registry incidents", "During GitOps registry incidents"))
simple("earlier off-topic word from blind55 outside the ban list", "repeats an earlier off-topic subject word: cas",
       qrep("X5", "using SNMPv3 with", "signed by our CAs, using SNMPv3 with"))
simple("earlier off-topic word from blind56 outside the ban list", "repeats an earlier off-topic subject word: compromised",
       qrep("X1", "A pen test flagged that key as", "A pen test thinks it was compromised and flagged that key as"))
simple("earlier off-topic word from blind57 outside the ban list", "repeats an earlier off-topic subject word: members",
       qrep("X7", "without the rooms dropping everyone who is in them?", "without the rooms dropping their members?"))
simple("earlier off-topic word from blind60 outside the ban list", "repeats an earlier off-topic subject word: kicking",
       qrep("X7", "without the rooms dropping everyone", "without kicking everyone"))
simple("earlier off-topic word from blind61 outside the ban list", "repeats an earlier off-topic subject word: leak",
       qrep("X10", "jitsi videobridge shared password rotation,", "jitsi videobridge shared password rotation after a leak,"))
simple("earlier off-topic word from blind62 outside the ban list", "repeats an earlier off-topic subject word: graceful",
       qrep("X9", "apply it without restarting", "graceful apply without restarting"))
simple("off-topic subject word planted in an earlier off-topic truth", "repeats an earlier off-topic subject word: hitch",
       plant_prev_offtopic_truth(40, "Compare Hitch."))
simple("banned key word in off-topic", "off-topic question names banned 'kubernetes'",
       qrep("X2", "Next to the container registry", "Next to the Kubernetes container registry"))
simple("banned key word kms", "off-topic question names banned 'kms'",
       qrep("X1", "from 2021,", "from 2021 issued by our kms,"))
simple("near_miss on an agent item", "near_miss only on long off-topic posts", mset("X7", "near_miss", True))
simple("near-miss floor", "floor: near misses", chain(mdel("X1", "near_miss"), mdel("X2", "near_miss")))


@mut("off-topic story floor", "floor: long off-topic registry+key stories")
def _(c):
    for k in ("X5", "X6"):
        e = c.e(k)
        e["question"] = re.sub(r"\bregistr\w*", "service", e["question"], flags=re.I)


simple("off-topic subject missing", "off-topic subject missing", mdel("X6", "subject"))
simple("shape flag on off-topic", "shape flag dir_tree on an off-topic item", mset("X6", "dir_tree", True))
simple("subject on an on-topic item", "subject/near_miss on an on-topic item", mset("L22", "subject", "x"))


# ---------------- long measures ----------------
@mut("fenced long floor", "floor: fenced long posts")
def _(c):
    for k in ("L22", "L23", "L24", "L1", "L2", "L3", "L4", "L5", "L6", "L7", "L8"):
        unfence(k)(c)


@mut("fenced troubleshoot floor", "floor: fenced long troubleshoot posts")
def _(c):
    for k in ("L8", "L9", "L10", "L12"):
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
# ---------------- the shapes of blind52 to blind62 are rejected in the text ----------------
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
# this set's shapes (for the novelty test on prev and for unflagged use)
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

simple("old shape: TL;DR line", "question shows blind52's shape tldr_summary",
       qrep("L24", L24_START, "TL;DR: zones plus CMK, yes or no?\n\n" + L24_START))
simple("old shape: TL;DR line in an off-topic post", "question shows blind52's shape tldr_summary",
       qadd("X1", "\n\ntl;dr can the lab pulls survive the switch?"))
simple("old shape: shouting", "question shows blind52's shape caps_shouting",
       qrep("L22", L22_START, "I REALLY need this SETTLED. " + L22_START))
simple("old shape: typographic quotes", "question shows blind52's shape smart_punctuation",
       qrep("S3", "why can't", "\u201cwhy\u201d can't"))
simple("old shape: en dash in a command", "question shows blind52's shape smart_punctuation",
       qrep("L22", "--sku Premium", "\u2013-sku Premium"))
simple("old shape: --query expression", "question shows blind52's shape jmespath_query",
       qrep("L24", L24_START, "az keyvault show --query properties.hsmUri says ok. " + L24_START))
simple("old shape: anchored regex", "question shows blind52's shape regex_pattern",
       qrep("S3", "why can't", "`^https://[^/]+/keys/[^/]+$` why can't"))
simple("old shape: shell history", "question shows blind53's shape shell_history", qadd("L22", HISTORY_FENCE))
simple("old shape: env file", "question shows blind53's shape dotenv_file", qadd("L22", ENV_FENCE))
simple("old shape: ANSI colour codes", "question shows blind53's shape ansi_escape_codes",
       qrep("A1", "crginkgo sets", "\x1b[33mcrginkgo\x1b[0m sets"))
simple("old shape: strikethrough", "question shows blind53's shape strikethrough_correction",
       qrep("A4", "the existing identity", "the ~~new~~ existing identity"))
simple("old shape: percent-encoded URI", "question shows blind53's shape percent_encoded_uri",
       qrep("S10", "what must the acr identity", "https%3a%2f%2fhsm-x.managedhsm.azure.net%2fkeys%2fkek: what must the acr identity"))
simple("old shape: strikethrough in an off-topic question", "question shows blind53's shape strikethrough_correction",
       qrep("X11", "freshrss moved to another host", "freshrss moved to another ~~server~~ host"))
simple("old shape inside a task log (shell history)", "question shows blind53's shape shell_history",
       qrep("L7", "Queued a run with ID: dd7", "  101  az acr build -r crbirch .\n  102  az acr task list-runs -r crbirch\n"
                                             "  103  az acr task logs -r crbirch\nQueued a run with ID: dd7"))
simple("old shape: merge conflict markers", "question shows blind54's shape merge_conflict_markers",
       qadd("L22", CONFLICT_FENCE))
simple("old shape: Jira monospace spans", "question shows blind54's shape jira_markup",
       chain(qrep("L22", "wrote it from memory", "wrote it from {{memory}}"),
             qrep("L22", "holds the right local role", "holds the {{right}} local role")))
simple("old shape: Jira code block in front of a help fence", "question shows blind54's shape jira_markup",
       qrep("L1", "```text\nCommand", "{code}\n{code}\n```text\nCommand"))
simple("old shape: HTML character references", "question shows blind54's shape html_entities",
       qrep("S3", "switched to cmk?", "switched to &quot;cmk&quot;?"))
simple("old shape: numbered sub-questions", "question shows blind54's shape numbered_subquestions",
       qadd("L22", "\n\n1. Which host? 2. Which path? 3. Which version?"))
simple("old shape: access token", "question shows blind54's shape jwt_token", qadd("X7", " Pasted: " + FAKE_TOKEN))
simple("old shape: Jira markup in an off-topic question", "question shows blind54's shape jira_markup",
       qrep("X10", "jitsi videobridge", "{{jitsi}} {{videobridge}}"))
simple("old shape: Python traceback", "question shows blind55's shape python_traceback", qadd("L22", TRACEBACK_FENCE))
simple("old shape: Python traceback inside a task log", "question shows blind55's shape python_traceback",
       qrep("L9", "Run ID: cg3 failed", 'Traceback (most recent call last):\n  File "/src/republish.py", line 41, in <module>\n'
                                         '    push()\nRuntimeError: manifest write refused\nRun ID: cg3 failed'))
simple("old shape: collapsed details section", "question shows blind55's shape details_block",
       qadd("L22", "\n\n<details>\n<summary>plan diff</summary>\n\nkek_id: renamed\n\n</details>"))
simple("old shape: screenshot", "question shows blind55's shape screenshot_embed",
       qrep("S3", "switched to cmk?", "switched to ![kek](https://github.com/user-attachments/assets/1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f) cmk?"))
simple("old shape: double-encoded JSON", "question shows blind55's shape double_encoded_json",
       qrep("A1", "because the Terraform", 'because "{\\"error\\":{\\"code\\":\\"Forbidden\\"}}" and the Terraform'))
simple("old shape: escaped Markdown", "question shows blind55's shape escaped_markdown",
       qrep("S11", "encryption.keyvaultproperties", "encryption\\_keyvault\\_properties"))
simple("old shape: traceback in an off-topic question", "question shows blind55's shape python_traceback",
       qadd("X2", TRACEBACK_FENCE))
simple("old shape: details section in an off-topic question", "question shows blind55's shape details_block",
       qadd("X3", "\n\n<details>\n<summary>host keys</summary>\n\n-r /etc/dropbear/key\n\n</details>"))
simple("old shape: screenshot in an off-topic question", "question shows blind55's shape screenshot_embed",
       qadd("X7", " ![chat settings](https://github.com/user-attachments/assets/7d1e0f3a-5b2c-4c8d-9e6f-0a1b2c3d4e5f)"))
simple("old shape: escaped Markdown in an off-topic question", "question shows blind55's shape escaped_markdown",
       qrep("X11", "moved to another host", "moved to another\\_host\\_box"))
simple("old shape: runner log (blind56)", "question shows blind56's shape gha_log_groups", qadd("L24", RUNNER_FENCE))
simple("old shape: PowerShell error record (blind56)", "question shows blind56's shape powershell_error_record",
       qadd("L22", PS_FENCE))
simple("old shape: events table (blind56)", "question shows blind56's shape kubectl_events", qadd("L24", EVENTS_FENCE))
simple("old shape: JSON lines (blind56)", "question shows blind56's shape ndjson_log", qadd("L24", NDJSON_FENCE))
simple("old shape: logfmt line (blind56)", "question shows blind56's shape logfmt_line",
       qrep("A11", "Check why crelm", "Check, for level=error msg=failed registry=crelm, why crelm"))
simple("old shape: runner log in an off-topic question (blind56)", "question shows blind56's shape gha_log_groups",
       qadd("X1", RUNNER_FENCE))
simple("old shape: PowerShell record in an off-topic question (blind56)", "question shows blind56's shape powershell_error_record",
       qadd("X2", PS_FENCE))
simple("old shape: events table in an off-topic question (blind56)", "question shows blind56's shape kubectl_events",
       qadd("X3", EVENTS_FENCE))
simple("old shape: JSON lines in an off-topic question (blind56)", "question shows blind56's shape ndjson_log",
       qadd("X4", NDJSON_FENCE))
simple("old shape: logfmt line in an off-topic question (blind56)", "question shows blind56's shape logfmt_line",
       qrep("X8", "Explain how to reset", 'Explain, given level=warn msg="reset due" app=tracker, how to reset'))
simple("old shape: curl trace (blind57)", "question shows blind57's shape curl_verbose", qadd("L24", CURL_SNIPPET))
simple("old shape: git log (blind57)", "question shows blind57's shape git_log_oneline", qadd("L22", GITLOG_SNIPPET))
simple("old shape: CSV table (blind57)", "question shows blind57's shape csv_export", qadd("L23", CSV_SNIPPET))
simple("old shape: crontab line (blind57)", "question shows blind57's shape crontab_line",
       qrep("A10", "official microsoft procedure", "official (`0 3 * * 1 /opt/acr/copy.sh`) microsoft procedure"))
simple("old shape: Copilot file reference (blind57)", "question shows blind57's shape copilot_refs",
       qrep("A12", "crchestnut is pinned", "crchestnut (#file:acr.tf) is pinned"))
simple("old shape: Copilot participant in an on-topic question (blind57)", "question shows blind57's shape copilot_refs",
       qrep("L16", "Our Bicep repo for the new registry", "@workspace Our Bicep repo for the new registry"))
simple("old shape: curl trace in an off-topic question (blind57)", "question shows blind57's shape curl_verbose",
       qadd("X1", CURL_SNIPPET))
simple("old shape: git log in an off-topic question (blind57)", "question shows blind57's shape git_log_oneline",
       qadd("X2", GITLOG_SNIPPET))
simple("old shape: CSV table in an off-topic question (blind57)", "question shows blind57's shape csv_export",
       qadd("X3", CSV_SNIPPET))
simple("old shape: crontab line in an off-topic question (blind57)", "question shows blind57's shape crontab_line",
       qadd("X4", "\n\n`0 1 * * * /opt/gitolite/rotate-admin.sh`"))
simple("old shape: Copilot participant in an off-topic question (blind57)", "question shows blind57's shape copilot_refs",
       lambda c: c.e("X10").__setitem__("question", "@terminal " + c.e("X10")["question"]))
simple("old shape: nslookup output (blind58)", "question shows blind58's shape nslookup_output", qadd("L24", NS_SNIPPET))
simple("old shape: NXDOMAIN line alone (blind58)", "question shows blind58's shape nslookup_output",
       qadd("L22", "\n\n** server can't find hsm-quince.managedhsm.azure.net: NXDOMAIN"))
simple("old shape: Dockerfile (blind58)", "question shows blind58's shape dockerfile", qadd("L22", DOCKERFILE_SNIPPET))
simple("old shape: Event Viewer record (blind58)", "question shows blind58's shape windows_event_log", qadd("L23", EVENT_SNIPPET))
simple("old shape: alert payload (blind58)", "question shows blind58's shape monitor_alert_payload", qadd("L24", ALERT_SNIPPET))
simple("old shape: Checkov check ID (blind58)", "question shows blind58's shape checkov_finding",
       qrep("L22", L22_START, "CKV_AZURE_164 aside, " + L22_START))
simple("old shape: nslookup output in an off-topic question (blind58)", "question shows blind58's shape nslookup_output",
       qadd("X3", NS_SNIPPET))
simple("old shape: NXDOMAIN line in an off-topic question (blind58)", "question shows blind58's shape nslookup_output",
       qadd("X5", "\n\n** server can't find nms.labs.example: NXDOMAIN"))
simple("old shape: Dockerfile in an off-topic question (blind58)", "question shows blind58's shape dockerfile",
       qadd("X5", DOCKERFILE_SNIPPET))
simple("old shape: Event Viewer record in an off-topic question (blind58)", "question shows blind58's shape windows_event_log",
       qadd("X3", EVENT_SNIPPET))
simple("old shape: alert payload in an off-topic question (blind58)", "question shows blind58's shape monitor_alert_payload",
       qadd("X4", ALERT_SNIPPET))
simple("old shape: Checkov check ID in an off-topic question (blind58)", "question shows blind58's shape checkov_finding",
       qrep("X9", "monit web interface pem file renewal", "monit web interface pem file renewal flagged by CKV2_AZURE_1"))
simple("old shape: openssl key dump (blind59)", "question shows blind59's shape openssl_key_text",
       qadd("L24", OPENSSL_SNIPPET))
simple("old shape: openssl key size quoted inline (blind59)", "question shows blind59's shape openssl_key_text",
       qrep("A8", "kv-myrtle reachable", "kv-myrtle (`Public-Key: (2048 bit)`) reachable"))
simple("old shape: INI file (blind59)", "question shows blind59's shape ini_config", qadd("L22", INI_SNIPPET))
simple("old shape: Az PowerShell list (blind59)", "question shows blind59's shape ps_format_list", qadd("L23", PSLIST_SNIPPET))
simple("old shape: ansible output (blind59)", "question shows blind59's shape ansible_output", qadd("L24", ANSIBLE_SNIPPET))
simple("old shape: manifest (blind59)", "question shows blind59's shape oci_manifest", qadd("L22", OCI_SNIPPET))
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
       qadd("X6", '\n\nThe export carries "artifactType": "application/x-voice".'))
simple("old shape: pytest report (blind60)", "question shows blind60's shape pytest_failure", qadd("L24", PYTEST_SNIPPET))
simple("old shape: FAILED line quoted inline (blind60)", "question shows blind60's shape pytest_failure",
       qrep("S3", "why can't", "`FAILED tests/test_id.py::test_create` why can't"))
simple("old shape: GitHub alert (blind60)", "question shows blind60's shape github_alert", qadd("L22", GHALERT_BLOCK))
simple("old shape: changelog (blind60)", "question shows blind60's shape changelog_entry", qadd("L23", CHANGELOG_SNIPPET))
simple("old shape: Maven log (blind60)", "question shows blind60's shape maven_build_log", qadd("L24", MAVEN_SNIPPET))
simple("old shape: azd output (blind60)", "question shows blind60's shape azd_output", qadd("L22", AZD_SNIPPET))
simple("old shape: Maven lines inside a feature file (blind60)", "question shows blind60's shape maven_build_log",
       qrep("L12", "Feature: Registry encryption keys", "[INFO] BUILD FAILURE\nFeature: Registry encryption keys"))
simple("old shape: pytest report in an off-topic question (blind60)", "question shows blind60's shape pytest_failure",
       qadd("X5", PYTEST_SNIPPET))
simple("old shape: a lone E line in an off-topic question (blind60)", "question shows blind60's shape pytest_failure",
       qadd("X4", "\n\nE       assert rotated is True"))
simple("old shape: GitHub alert in an off-topic question (blind60)", "question shows blind60's shape github_alert",
       qadd("X2", GHALERT_BLOCK))
simple("old shape: changelog in an off-topic question (blind60)", "question shows blind60's shape changelog_entry",
       qadd("X2", CHANGELOG_SNIPPET))
simple("old shape: a lone changelog label in an off-topic question (blind60)", "question shows blind60's shape changelog_entry",
       qadd("X6", "\n\n### Removed\n"))
simple("old shape: Maven log in an off-topic question (blind60)", "question shows blind60's shape maven_build_log",
       qadd("X3", MAVEN_SNIPPET))
simple("old shape: a lone goal failure in an off-topic question (blind60)", "question shows blind60's shape maven_build_log",
       qadd("X6", "\n\nFailed to execute goal on project voice-sync"))
simple("old shape: azd output in an off-topic question (blind60)", "question shows blind60's shape azd_output",
       qadd("X4", AZD_SNIPPET))
simple("old shape: a lone azd banner in an off-topic question (blind60)", "question shows blind60's shape azd_output",
       qadd("X6", " We saw the same under (azd provision) too."))
# blind61's shapes
simple("old shape: make output (blind61)", "question shows blind61's shape make_error", qadd("L24", MAKE_SNIPPET))
simple("old shape: make error line quoted inline (blind61)", "question shows blind61's shape make_error",
       qrep("S9", "kv firewall on:", "`make: *** [Makefile:3: kv] Error 1` kv firewall on:"))
simple("old shape: Mermaid diagram (blind61)", "question shows blind61's shape mermaid_diagram", qadd("L22", MERMAID_SNIPPET))
simple("old shape: Node.js error (blind61)", "question shows blind61's shape nodejs_error", qadd("L23", NODE_SNIPPET))
simple("old shape: .NET exception (blind61)", "question shows blind61's shape dotnet_exception", qadd("L24", DOTNET_SNIPPET))
simple("old shape: Jenkins console (blind61)", "question shows blind61's shape jenkins_console", qadd("L22", JENKINS_SNIPPET))
simple("old shape: Jenkins lines inside a tree listing (blind61)", "question shows blind61's shape jenkins_console",
       qrep("L18", "deploy/\n", "[Pipeline] sh\ndeploy/\n"))
simple("old shape: a Node.js frame inside a task log (blind61)", "question shows blind61's shape nodejs_error",
       qrep("L6", "Run ID: cf41", "    at async push (/srv/build/index.mjs:12:7)\nRun ID: cf41"))
simple("old shape: a .NET Status line inside pre-commit output (blind61)", "question shows blind61's shape dotnet_exception",
       qrep("L21", "- exit code: 1", "- exit code: 1\nStatus: 403 (Forbidden)"))
simple("old shape: make output in an off-topic question (blind61)", "question shows blind61's shape make_error",
       qadd("X5", MAKE_SNIPPET))
simple("old shape: a lone '] Error N' fragment in an off-topic question (blind61)", "question shows blind61's shape make_error",
       qadd("X6", " (the job ended with [rotate] Error 1)"))
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
       qrep("X5", "LibreNMS polls", "After a RequestFailedException in our tool: LibreNMS polls"))
simple("old shape: Jenkins console in an off-topic question (blind61)", "question shows blind61's shape jenkins_console",
       qadd("X4", JENKINS_SNIPPET))
simple("old shape: a lone Finished: FAILURE line in an off-topic question (blind61)", "question shows blind61's shape jenkins_console",
       qadd("X6", "\n\nFinished: FAILURE"))
simple("old shape: a lone [Pipeline] marker in an off-topic question (blind61)", "question shows blind61's shape jenkins_console",
       qadd("X3", " Our job logs [Pipeline] sh before it."))
# blind62's shapes
simple("old shape: suggestion block (blind62)", "question shows blind62's shape github_suggestion", qadd("L23", SUG_SNIPPET))
simple("old shape: go test failure (blind62)", "question shows blind62's shape go_test_failure", qadd("L24", GOTEST_SNIPPET))
simple("old shape: journal excerpt (blind62)", "question shows blind62's shape systemd_journal", qadd("L22", JOURNAL_SNIPPET))
simple("old shape: Python session (blind62)", "question shows blind62's shape python_repl", qadd("L23", REPL_SNIPPET))
simple("old shape: browser console (blind62)", "question shows blind62's shape browser_console", qadd("L24", CONSOLE_SNIPPET))
simple("old shape: failed request line quoted inline (blind62)", "question shows blind62's shape browser_console",
       qrep("S9", "kv firewall on:", "`GET https://kv-x.vault.azure.net/keys 403 (Forbidden)` kv firewall on:"))
simple("old shape: a journal line inside a task log (blind62)", "question shows blind62's shape systemd_journal",
       qrep("L9", "Run ID: cg3", "Dec 03 02:03:13 build-vm systemd[1]: acr-republish.service: Failed with result 'exit-code'.\nRun ID: cg3"))
simple("old shape: a Python prompt inside a feature file (blind62)", "question shows blind62's shape python_repl",
       qrep("L14", "Feature: CMK revocation drill\n", "Feature: CMK revocation drill\n>>> drill.run()\n"))
simple("old shape: a go test line inside pre-commit output (blind62)", "question shows blind62's shape go_test_failure",
       qrep("L21", "- exit code: 1", "- exit code: 1\n--- FAIL: TestKek (0.10s)"))
simple("old shape: a console line inside a tree listing (blind62)", "question shows blind62's shape browser_console",
       qrep("L19", "key-ops/\n", "Failed to load resource: net::ERR_FAILED\nkey-ops/\n"))
simple("old shape: a suggestion opener next to a help text (blind62)", "question shows blind62's shape github_suggestion",
       qadd("L3", " The reviewer left a ```suggestion on it."))
simple("old shape: suggestion block in an off-topic question (blind62)", "question shows blind62's shape github_suggestion",
       qadd("X5", SUG_SNIPPET))
simple("old shape: a lone suggestion fence opener in an off-topic question (blind62)", "question shows blind62's shape github_suggestion",
       qadd("X6", " The reviewer left a ```suggestion for the config."))
simple("old shape: go test output in an off-topic question (blind62)", "question shows blind62's shape go_test_failure",
       qadd("X1", GOTEST_SNIPPET))
simple("old shape: a lone --- FAIL line in an off-topic question (blind62)", "question shows blind62's shape go_test_failure",
       qadd("X4", "\n\n--- FAIL: TestGitoliteKeys (0.40s)"))
simple("old shape: a lone _test.go reference in an off-topic question (blind62)", "question shows blind62's shape go_test_failure",
       qadd("X6", " Our check fails at voice_test.go:17: with a timeout."))
simple("old shape: a lone FAIL package line in an off-topic question (blind62)", "question shows blind62's shape go_test_failure",
       qadd("X3", "\n\nFAIL\tgithub.com/contoso/jump/test\t1.204s"))
simple("old shape: journal in an off-topic question (blind62)", "question shows blind62's shape systemd_journal",
       qadd("X2", JOURNAL_SNIPPET))
simple("old shape: a lone journal line in an off-topic question (blind62)", "question shows blind62's shape systemd_journal",
       qadd("X4", "\n\nFeb 11 06:10:00 git-1 gitolite[880]: admin key refresh failed"))
simple("old shape: a lone Main process exited line in an off-topic question (blind62)", "question shows blind62's shape systemd_journal",
       qadd("X6", " systemd says: Main process exited, code=killed, status=9/KILL."))
simple("old shape: a lone Failed with result line in an off-topic question (blind62)", "question shows blind62's shape systemd_journal",
       qadd("X5", " The unit ends with Failed with result 'timeout'."))
simple("old shape: Python session in an off-topic question (blind62)", "question shows blind62's shape python_repl",
       qadd("X3", REPL_SNIPPET))
simple("old shape: a lone >>> prompt in an off-topic question (blind62)", "question shows blind62's shape python_repl",
       qadd("X4", "\n\n>>> ssl.get_default_verify_paths()"))
simple("old shape: a lone IPython prompt in an off-topic question (blind62)", "question shows blind62's shape python_repl",
       qadd("X6", "\n\nIn [3]: mumble.certs()"))
simple("old shape: browser console in an off-topic question (blind62)", "question shows blind62's shape browser_console",
       qadd("X4", CONSOLE_SNIPPET))
simple("old shape: a lone failed request line in an off-topic question (blind62)", "question shows blind62's shape browser_console",
       qrep("X8", X8_TAIL, "(the console shows GET https://tracker.example.org/login 502 (Bad Gateway)) " + X8_TAIL))
simple("old shape: a lone Failed to load resource line in an off-topic question (blind62)", "question shows blind62's shape browser_console",
       qadd("X1", "\n\nFailed to load resource: net::ERR_CERT_DATE_INVALID"))
simple("old shape: a lone Uncaught (in promise) line in an off-topic question (blind62)", "question shows blind62's shape browser_console",
       qadd("X6", "\n\nUncaught (in promise) TypeError: voice drift"))


@mut("GitHub Actions ${{ }} expressions are not Jira markup", "short question has 15 words", only=True)
def _(c):
    # a pasted workflow step with ${{ ... }} expressions must not count as blind54's Jira monospace (earlier sets
    # pasted such steps): only the planted over-long short question is reported
    c.e("L22")["question"] += ("\n\n```yaml\n- name: create registry\n  env:\n    QUINCE_TAG: ${{ github.sha }}\n"
                               "    QUINCE_REG: ${{ vars.QUINCE_REGISTRY }}\n```\n")
    qset("S8", S8_15)(c)


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
    if new == e["question"] or check63.OLD_DETECT["systemd_journal"](new):
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
simple("a new shape already in an earlier question (help text)", "new shape cli_help_text already occurs in blind19-62",
       prev_edit(45, lambda d: d[2].__setitem__("question", d[2]["question"] + HELP_SNIPPET)))
simple("a new shape already in an earlier question (task log)", "new shape acr_task_log already occurs in blind19-62",
       prev_edit(22, lambda d: d[5].__setitem__("question", d[5]["question"] + TASKLOG_SNIPPET)))
simple("a new shape already in an earlier question (feature file)", "new shape gherkin_feature already occurs in blind19-62",
       prev_edit(59, lambda d: d[7].__setitem__("question", d[7]["question"] + GHERKIN_SNIPPET)))
simple("a new shape already in an earlier question (tree listing)", "new shape dir_tree already occurs in blind19-62",
       prev_edit(33, lambda d: d[9].__setitem__("question", d[9]["question"] + TREE_SNIPPET)))
simple("a new shape already in an earlier question (pre-commit output)", "new shape precommit_hooks already occurs in blind19-62",
       prev_edit(50, lambda d: d[11].__setitem__("question", d[11]["question"] + PRECOMMIT_SNIPPET)))
simple("a new shape already in the last earlier set (blind62, feature file)", "new shape gherkin_feature already occurs in blind19-62",
       prev_edit(62, lambda d: d[20].__setitem__("question", d[20]["question"] + GHERKIN_SNIPPET)))
simple("a new shape already in blind19 (first of the range, tree listing)", "new shape dir_tree already occurs in blind19-62",
       prev_edit(19, lambda d: d[0].__setitem__("question", d[0]["question"] + TREE_SNIPPET)))


# ---------------- new shapes: a shape in the text needs its flag ----------------
simple("unflagged help text", "question shows the shape cli_help_text without its flag", mdel("L2", "cli_help_text"))
simple("unflagged task log", "question shows the shape acr_task_log without its flag", mdel("L7", "acr_task_log"))
simple("unflagged feature file", "question shows the shape gherkin_feature without its flag", mdel("L12", "gherkin_feature"))
simple("unflagged tree listing", "question shows the shape dir_tree without its flag", mdel("L18", "dir_tree"))
simple("unflagged pre-commit output", "question shows the shape precommit_hooks without its flag", mdel("S2", "precommit_hooks"))
simple("help text in an off-topic question", "question shows the shape cli_help_text without its flag",
       qadd("X5", HELP_SNIPPET))
simple("a lone Command header in an off-topic question", "question shows the shape cli_help_text without its flag",
       qadd("X6", "\n\nCommand\n"))
simple("a lone Arguments header in an off-topic question", "question shows the shape cli_help_text without its flag",
       qadd("X4", "\n\nArguments\n"))
simple("a lone Global Arguments header in an off-topic question", "question shows the shape cli_help_text without its flag",
       qadd("X2", "\n\nGlobal Arguments\n"))
simple("a lone [Required] marker in an off-topic question", "question shows the shape cli_help_text without its flag",
       qadd("X3", " The help marks the key option [Required] : yes."))
simple("task log in an off-topic question", "question shows the shape acr_task_log without its flag",
       qadd("X1", TASKLOG_SNIPPET))
simple("a lone stamped run-log line in an off-topic question", "question shows the shape acr_task_log without its flag",
       qadd("X4", "\n\n2026/12/05 03:00:00 rotating gitolite keys"))
simple("a lone Run ID result line in an off-topic question", "question shows the shape acr_task_log without its flag",
       qadd("X6", " Run ID: cq1 failed after 3s."))
simple("a lone Queued a run line in an off-topic question", "question shows the shape acr_task_log without its flag",
       qadd("X5", " Queued a run with ID: cq2"))
simple("a lone Waiting for an agent line in an off-topic question", "question shows the shape acr_task_log without its flag",
       qadd("X3", "\n\nWaiting for an agent..."))
simple("feature file in an off-topic question", "question shows the shape gherkin_feature without its flag",
       qadd("X2", GHERKIN_SNIPPET))
simple("a lone Feature line in an off-topic question", "question shows the shape gherkin_feature without its flag",
       qadd("X4", "\n\nFeature: admin keys are fresh"))
simple("a lone Scenario line in an off-topic question", "question shows the shape gherkin_feature without its flag",
       qadd("X6", "\n\n  Scenario: certificate renewed"))
simple("a lone Examples header in an off-topic question", "question shows the shape gherkin_feature without its flag",
       qadd("X3", "\n\n    Examples:\n"))
simple("tree listing in an off-topic question", "question shows the shape dir_tree without its flag",
       qadd("X3", TREE_SNIPPET))
simple("a lone tree line in an off-topic question", "question shows the shape dir_tree without its flag",
       qadd("X4", "\n\n└── gitolite.rc"))
simple("a lone ASCII tree line in an off-topic question", "question shows the shape dir_tree without its flag",
       qadd("X6", "\n\n|-- murmur.ini"))
simple("a lone ASCII last-entry line in an off-topic question", "question shows the shape dir_tree without its flag",
       qadd("X5", "\n\n`-- librenms.conf"))
simple("pre-commit output in an off-topic question", "question shows the shape precommit_hooks without its flag",
       qadd("X4", PRECOMMIT_SNIPPET))
simple("a lone status line in an off-topic question", "question shows the shape precommit_hooks without its flag",
       qrep("X8", X8_TAIL, "(our `redmine-check..........Failed` hook too) " + X8_TAIL))
simple("a lone hook id line in an off-topic question", "question shows the shape precommit_hooks without its flag",
       qadd("X6", "\n\n- hook id: mumble-cert"))
simple("a lone exit code line in an off-topic question", "question shows the shape precommit_hooks without its flag",
       qadd("X1", "\n\n- exit code: 1"))
simple("a lone skipped status line in an off-topic question", "question shows the shape precommit_hooks without its flag",
       qadd("X5", "\n\nsnmp-lint....(no files to check)Skipped"))

# ---------------- cli_help_text ----------------
simple("help: no Command header", "cli_help_text needs a fence with a Command header, an az command line",
       qrep("L3", "Command\n    az keyvault create", "Usage\n    az keyvault create"))
simple("help: no az command line", "cli_help_text needs a fence with a Command header, an az command line",
       qrep("L4", "    az acr create : Create an Azure Container Registry.", "    acr create : Create an Azure Container Registry."))
simple("help: fewer than two argument lines", "cli_help_text needs a fence with a Command header, an az command line",
       qsub("L2", r"(?m)^    --(?!role ).*\n", ""))
simple("help: help outside a fence", "cli_help_text needs a fence with a Command header, an az command line", unfence("L5"))
simple("help: truth names no option of the help", "cli_help_text truth names no option of the pasted help",
       tset("L5", "Yes: a Managed HSM key is documented for crcatalpa since the October 2026 revision of the tutorials."))
simple("help: an option named only outside the help does not count", "cli_help_text truth names no option of the pasted help",
       chain(qadd("L4", " (We also pass --location westeurope.)"),
             tset("L4", "No: only a user-assigned identity works at creation; keep --location westeurope as planned.")))
simple("help: an option of the help counts", "short question has 15 words", only=True,
       fn=chain(tset("L4", "No: the CLI refuses '[system]' for --identity at creation; start with a user-assigned identity."),
                qset("S8", S8_15)))
simple("help: truth keeps a [Required] marker", "cli_help_text truth still holds help layout",
       tadd("L1", " (--name -n [Required] : the registry)"))
simple("help: truth keeps a Command header line", "cli_help_text truth still holds help layout",
       tadd("L2", "\nCommand\n"))
simple("help: truth keeps an az command line", "cli_help_text truth still holds help layout",
       tadd("L3", "\n    az keyvault create : Create a Vault or HSM."))
simple("help on a short item", "cli_help_text must be a long post", mset("S3", "cli_help_text", True))


@mut("help used 4 times", "shape cli_help_text used 4 times, want exactly 5")
def _(c):
    mdel("L3", "cli_help_text")(c)
    e = c.e("L3")
    e["question"] = re.sub(r"```text\n.*?```", "The new agent's help gives the RBAC flag a default of true.", e["question"], flags=re.S)


simple("help used 6 times", "shape cli_help_text used 6 times, want exactly 5", mset("L24", "cli_help_text", True))

# ---------------- acr_task_log ----------------
simple("task log: fewer than three stamped lines", "acr_task_log needs a fence with >= 3 run-log lines and a Run ID result line",
       qsub("L7", r"(?m)^2026/11/28 09:15:0[25] .*\n", ""))
simple("task log: no result line", "acr_task_log needs a fence with >= 3 run-log lines and a Run ID result line",
       qsub("L9", r"(?m)^Run ID: cg3 .*\n", ""))
simple("task log: log outside a fence", "acr_task_log needs a fence with >= 3 run-log lines and a Run ID result line",
       unfence("L10"))
simple("task log: truth names no run ID", "acr_task_log truth names no run ID of the pasted log",
       tset("L6", "Because crcedar has a customer-managed key: its run logs last a single day, and nothing brings them back."))
simple("task log: an ID only in the Queued line does not count", "acr_task_log truth names no run ID of the pasted log",
       qrep("L7", "Run ID: dd7 was successful", "Run ID: dd8 was successful"))
simple("task log: an ID only outside the fence does not count", "acr_task_log truth names no run ID of the pasted log",
       qrep("L6", "Run ID: cf41 was successful", "Run ID: cf42 was successful"))
simple("task log: a run ID counts", "short question has 15 words", only=True,
       fn=chain(tset("L8", "The clean-up deleted kek-fir, so run ce19 and every pull fail; recover the key in kv-fir and never purge it."),
                qset("S8", S8_15)))
simple("task log: truth keeps a stamped line", "acr_task_log truth still holds run-log output",
       tadd("L9", " 2026/12/03 02:03:12 error writing manifest"))
simple("task log: truth keeps a result line", "acr_task_log truth still holds run-log output",
       tadd("L10", " Run ID: ch12 failed after 1m9s"))
simple("task log: truth keeps the Queued line", "acr_task_log truth still holds run-log output",
       tadd("L7", " (Queued a run with ID: dd7)"))
simple("task log on a short item", "acr_task_log must be a long post", mset("S3", "acr_task_log", True))


@mut("task log used 4 times", "shape acr_task_log used 4 times, want exactly 5")
def _(c):
    mdel("L7", "acr_task_log")(c)
    e = c.e("L7")
    e["question"] = re.sub(r"```text\n.*?```", "Each run ends with its ID, for example dd7.", e["question"], flags=re.S)


simple("task log used 6 times", "shape acr_task_log used 6 times, want exactly 5", mset("L24", "acr_task_log", True))

# ---------------- gherkin_feature ----------------
simple("feature: no Feature line", "gherkin_feature needs a fence with a Feature, a Scenario",
       qrep("L11", "Feature: Key vaults behind registry encryption", "Key vaults behind registry encryption"))
simple("feature: no Scenario line", "gherkin_feature needs a fence with a Feature, a Scenario",
       qrep("L13", "  Scenario: Only trusted services", "  Only trusted services"))
simple("feature: fewer than two steps", "gherkin_feature needs a fence with a Feature, a Scenario",
       qsub("L14", r"(?m)^    (?:When|Then) .*\n", ""))
simple("feature: no quoted parameter", "gherkin_feature needs a fence with a Feature, a Scenario",
       qsub("L12", r'"', ""))
simple("feature: feature file outside a fence", "gherkin_feature needs a fence with a Feature, a Scenario", unfence("L15"))
simple("feature: truth names no quoted parameter", "gherkin_feature truth names no quoted step parameter",
       tset("L11", "No: purge protection is only recommended by the current docs; soft delete is always on."))
simple("feature: a value quoted only in the Feature line does not count", "gherkin_feature truth names no quoted step parameter",
       chain(qrep("L15", "Feature: CMK revocation drill, HSM key", 'Feature: "olive drill" for the HSM key'),
             tset("L15", "Because the olive drill deletes only one Managed HSM assignment; delete the role at the wider scope as well.")))
simple("feature: a step value counts", "short question has 15 words", only=True,
       fn=chain(tset("L14", "The identity keeps another wrap-and-unwrap grant; after the \"Key Vault Crypto Service Encryption User\" delete, remove that one too."),
                qset("S8", S8_15)))
simple("feature: truth keeps a Feature line", "gherkin_feature truth still holds a Feature or Scenario line",
       tadd("L12", " Feature: keys"))
simple("feature: truth keeps a Scenario line", "gherkin_feature truth still holds a Feature or Scenario line",
       tadd("L13", "\nScenario: grant exists"))
simple("feature on a short item", "gherkin_feature must be a long post", mset("S3", "gherkin_feature", True))


@mut("feature used 4 times", "shape gherkin_feature used 4 times, want exactly 5")
def _(c):
    mdel("L12", "gherkin_feature")(c)
    e = c.e("L12")
    e["question"] = re.sub(r"```gherkin\n.*?```", "(it demands RSA-HSM keys of 4096 bits)", e["question"], flags=re.S)


simple("feature used 6 times", "shape gherkin_feature used 6 times, want exactly 5", mset("L24", "gherkin_feature", True))

# ---------------- dir_tree ----------------
simple("tree: fewer than three entries", "dir_tree needs a fence with >= 3 tree entry lines",
       qsub("L20", r"(?m)^(?:│   )?[├└]── (?:runbooks/|10-|20-|scratch).*\n", ""))
simple("tree: listing outside a fence", "dir_tree needs a fence with >= 3 tree entry lines", unfence("L16"))
simple("tree: truth names no file", "dir_tree truth names no file of the tree",
       tset("L17", "Use id for the Managed HSM key and raise the provider to 4.65.0; versionless_id does not exist there."))
simple("tree: a directory does not count", "dir_tree truth names no file of the tree",
       tset("L19", "Seven days at least: fix the test policy under policies and the scripts folder; production needs P90D and P2Y."))
simple("tree: a file named only in the prose does not count", "dir_tree truth names no file of the tree",
       qsub("L20", r"(?m)^│   [├└]── (?:10-|20-).*\n", ""))
simple("tree: a file of the tree counts", "short question has 15 words", only=True,
       fn=chain(tset("L16", "Put the role assignment into keyvault.bicep and make the registry module depend on it."),
                qset("S8", S8_15)))


@mut("tree: the ASCII form of tree counts", "short question has 15 words", only=True)
def _(c):
    # tree --charset ascii draws "|-- " and "`-- " with "|   " for nesting; the same listing in that form still counts
    e = c.e("L19")
    e["question"] = e["question"].replace("├──", "|--").replace("└──", "`--").replace("│", "|")
    qset("S8", S8_15)(c)


simple("tree: truth keeps a tree connector", "dir_tree truth still holds tree drawing",
       tadd("L18", " ├── deploy.sh"))
simple("tree: truth keeps an ASCII tree line", "dir_tree truth still holds tree drawing",
       tadd("L17", "\n|-- versions.tf"))
simple("tree on a short item", "dir_tree must be a long post", mset("S3", "dir_tree", True))


@mut("tree used 4 times", "shape dir_tree used 4 times, want exactly 5")
def _(c):
    mdel("L18", "dir_tree")(c)
    e = c.e("L18")
    e["question"] = re.sub(r"```text\n.*?```", "(azuredeploy.json, its parameters file and deploy.sh)", e["question"], flags=re.S)


simple("tree used 6 times", "shape dir_tree used 6 times, want exactly 5", mset("L24", "dir_tree", True))

# ---------------- precommit_hooks ----------------
simple("pre-commit: long post with one status line", "precommit_hooks needs a fence with >= 2 status lines",
       qsub("L21", r"(?m)^terraform_(?:fmt|validate)\.+Passed\n", ""))
simple("pre-commit: no hook id line", "precommit_hooks needs a fence with >= 2 status lines",
       qsub("L21", r"(?m)^- hook id: .*\n", ""))
simple("pre-commit: no failed hook", "precommit_hooks needs a fence with >= 2 status lines",
       qrep("L21", "Failed\n- hook id", "Skipped\n- hook id"))
simple("pre-commit: output outside a fence", "precommit_hooks needs a fence with >= 2 status lines", unfence("L21"))
simple("pre-commit: short item with the status line not quoted inline", "precommit_hooks needs the failed status line quoted inline",
       qrep("S1", "`terraform_validate........Failed`", "terraform_validate........Failed"))
simple("pre-commit: agent item with the status line not quoted inline", "precommit_hooks needs the failed status line quoted inline",
       qrep("A1", "`registry-tier-check.......Failed`", "registry-tier-check.......Failed"))
simple("pre-commit: truth names no failed hook", "precommit_hooks truth names no failed hook",
       tset("S2", "Use the role: the vault is in RBAC mode, so assign Key Vault Crypto Service Encryption User at vault scope."))
simple("pre-commit: a hook that passed does not count", "precommit_hooks truth names no failed hook",
       tset("L21", "Drop the version: terraform_validate passed, and crwillow then switches to automatic rotation within the hour."))
simple("pre-commit: the hook id counts", "short question has 15 words", only=True,
       fn=chain(tset("L21", "Follow acr-kek-versionless: moving crwillow to the versionless URI turns on automatic rotation; nothing else changes."),
                qset("S8", S8_15)))
simple("pre-commit: a hook name with spaces counts", "short question has 15 words", only=True,
       fn=chain(tset("L21", "Do what the acr cmk key is versionless check asks: switch crwillow to the versionless URI; rotation is then automatic."),
                qset("S8", S8_15)))
simple("pre-commit: truth keeps a status line", "precommit_hooks truth still holds pre-commit output",
       tadd("A2", " (hsm-role-scope........Failed)"))
simple("pre-commit: truth keeps the hook id line", "precommit_hooks truth still holds pre-commit output",
       tadd("L21", "\n- hook id: acr-kek-versionless"))
simple("pre-commit: truth keeps the exit code line", "precommit_hooks truth still holds pre-commit output",
       tadd("S1", " - exit code: 1"))


@mut("pre-commit used 4 times", "shape precommit_hooks used 4 times, want exactly 5")
def _(c):
    mdel("S2", "precommit_hooks")(c)
    c.q_rep("S2", "`kv-access-grant......Failed`", "kv-access-grant")


simple("pre-commit used 6 times", "shape precommit_hooks used 6 times, want exactly 5", mset("L24", "precommit_hooks", True))
simple("two new shapes on one item", "more than one new shape on one item", mset("L1", "acr_task_log", True))

# ---------------- two_facts ----------------
simple("two_facts floor", "floor: shape two_facts 3 < 4",
       chain(mdel("L22", "two_facts"), lambda c: c.e("L22")["canonical"].pop(),
             lambda c: c.e("L22")["answer_facts"].pop(),
             mdel("A11", "two_facts"), lambda c: c.e("A11")["canonical"].pop(),
             lambda c: c.e("A11")["answer_facts"].pop()))


def run_check(d):
    env = dict(os.environ, BLIND63_DIR=d, BLIND63_KROOT=os.path.join(d, "k"), BLIND63_FACTS=os.path.join(d, "facts"))
    p = subprocess.run([sys.executable, os.path.join(HERE, "check63.py")], env=env, capture_output=True, text=True)
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
        shutil.copy(os.path.join(HERE, "build63.py"), d)
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
    except AssertionError as exc:
        rc, out = 0, "setup failed: %s" % exc
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

