"""blind69 mutation driver. Each mutation runs on a fresh temp copy (inside blind69/) of the set, prev/, the
blind68 and blind67 first-canonical lists, the knowledge and the fact sheets; it counts as caught only when check69.py
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
KROOT = os.environ.get("BLIND69_KROOT", "/work/scratch/blind69/kstripped")
FACTS = os.environ.get("BLIND69_FACTS", "/work/shared/facts")
sys.path.insert(0, HERE)
import build69  # noqa: E402
import check69  # noqa: E402
import kparse  # noqa: E402

SET = "blind69"
FILES = (SET + ".json", SET + "-meta.json", SET + "-first-canonicals.txt")
_entries, _meta = build69.build()
_byq = {q["question"]: q["key"] for q in build69.QUESTIONS}
ID = {_byq[e["question"]]: e["id"] for e in _entries}
SCENARIO_SECTION = next("acr-cmk/" + k if not k.startswith("acr-cmk/") else k
                        for k in kparse.parse_all(KROOT) if "scenarios/" in k)
P = build69.ID_PREFIX
LISTS = tuple("blind%d-first-canonicals.txt" % n for n in check69.SPREAD_SETS)
A_SET, B_SET = check69.SPREAD_SETS
PREV_LABEL = check69.PREV_LABEL


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
            for n in check69.SPREAD_SETS:
                fp = os.path.join(self.d, "blind%d-first-canonicals.txt" % n)
                firsts[n] = {x.strip() for x in open(fp, encoding="utf-8") if x.strip()} if os.path.exists(fp) else set()
            self.m["_set"] = check69.set_summary(self.j, self.m, firsts)
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
# the set's prefix is "ag"; every single letter (the prefixes of blind19-62), blind63's "aa", blind64's "ab", blind65's
# "ac", blind66's "ad", blind67's "ae", blind68's "af", other two-letter prefixes, an upper-case "AG" and a longer "agg"
# are rejected
for pfx in tuple("abcdefghijklmnopqrstuvwxyz") + ("aa", "ab", "ac", "ad", "ae", "af", "ah", "ga", "AG", "agg"):
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
simple("rebuild: json truth edited", "rebuild differs from blind69.json",
       lambda c: c.j[0].__setitem__("truth", c.j[0]["truth"] + " Extra."), True)
simple("rebuild: meta edited", "rebuild differs from blind69-meta.json",
       lambda c: c.m[P + "001"].__setitem__("qual", "none" if c.m[P + "001"]["qual"] != "none" else "asked"), True)


@mut("rebuild: same content, other JSON layout (byte compare)", "rebuild differs from blind69.json", True)
def _(c):
    # content unchanged, only the serialisation differs: caught by the byte comparison alone
    def save():
        with open(os.path.join(c.d, FILES[0]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(c.j, indent=2, ensure_ascii=False) + "\n")
        with open(os.path.join(c.d, FILES[1]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(c.m, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    c.save = save


@mut("rebuild: a GUID in a pasted private endpoint changed (byte compare)", "rebuild differs from blind69.json", True)
def _(c):
    # still a complete private endpoint whose vault the truth names, but no longer what build69.py writes
    c.q_rep("P1", "/subscriptions/3f7084d9-3915-44d6-a2c6-43cb52567821/resourceGroups/rg-mosel",
            "/subscriptions/3f7084d9-3915-44d6-a2c6-43cb52567822/resourceGroups/rg-mosel")


@mut("rebuild: first-canonical list edited", "rebuild differs from blind69-first-canonicals.txt", True)
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


simple("first-canonical list missing", "blind69-first-canonicals.txt missing",
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
       set_edit(lambda s: s["new_shapes"]["mcp_tool_call"].pop()))
simple("_set: spread count changed", "meta: _set summary does not match",
       set_edit(lambda s: s["spread"].__setitem__("new_against_blind%d_and_blind%d" % (A_SET, B_SET), 48)))
simple("_set: spread floors changed", "meta: _set summary does not match",
       set_edit(lambda s: s["spread"].__setitem__("floors", [30, 20])))
simple("_set: typo moved to another id", "meta: _set summary does not match",
       set_edit(lambda s: s["typos"].__setitem__("arbitary", ID["S2"])))
simple("_set: off-topic subject renamed", "meta: _set summary does not match",
       set_edit(lambda s: s["off_topic_subjects"].__setitem__(ID["X1"], "wger")))
simple("_set: stale after a flag change", "meta: _set summary does not match",
       raw(mdel("B5", "dependabot_pr_body")))


def add_my_first_to_list(n, key):
    def f(c):
        # one of this set's first canonicals now also counts as a first of blind<n>: the spread figures go stale
        c.raw_set = True
        p = os.path.join(c.d, "blind%d-first-canonicals.txt" % n)
        lines = [x for x in open(p, encoding="utf-8") if x.strip()]
        if c.e(key)["canonical"][0] + "\n" in lines:
            raise AssertionError("setup: first canonical of %s already in the blind%d list" % (key, n))
        lines[-1] = c.e(key)["canonical"][0] + "\n"
        open(p, "w", encoding="utf-8").writelines(lines)
    return f


simple("_set: stale after the blind68 first-canonical list changed", "meta: _set summary does not match",
       add_my_first_to_list(A_SET, "L4"))
simple("_set: stale after the blind67 first-canonical list changed", "meta: _set summary does not match",
       add_my_first_to_list(B_SET, "G2"))

# ---------------- dropped flags and fields (the shape flags of blind52 to blind68 included) ----------------
_SPECIAL = {"field": "bypass", "wrong": "--kek-uri", "other": ["AWS"], "premise": "x"}
for fld in check69.DROPPED_FIELDS:
    simple("dropped/unknown field %s" % fld, "unknown field %r" % fld, mset("L4", fld, _SPECIAL.get(fld, True)))

# ---------------- facts and answer facts ----------------
simple("answer_fact not in canonical", "answer_fact not in first canonical",
       lambda c: c.e("L4")["answer_facts"].__setitem__(0, "a registry private endpoint is fully supported with cmk"))
simple("answer_fact only in a related section", "answer_fact not in first canonical",
       lambda c: c.e("L4")["answer_facts"].__setitem__(0, "deleting them hides those artifacts from discovery"))
simple("answer_fact added from a related section", "answer_fact not in first canonical",
       lambda c: c.e("S3")["answer_facts"].append("Key Vault charges for each automated rotation"))
simple("answer_fact over 7 words", "answer_fact over 7 words",
       lambda c: c.e("S11")["answer_facts"].__setitem__(0, "the registry identity needs the local role at the key scope"))
simple("fact not in any section", "fact not in a canonical or related section",
       lambda c: c.e("S2")["facts"].__setitem__(0, "the client ID changes whenever the identity is reattached"))
simple("empty answer_facts", "no answer_facts", eset("S12", "answer_facts", []))
simple("empty facts", "no facts", eset("S12", "facts", []))
simple("two_facts with all facts in the first canonical", "two_facts needs one answer_fact only in each",
       lambda c: c.e("M1")["answer_facts"].__setitem__(1, "List first with the same filters"))
simple("two_facts fact in neither canonical", "answer_fact not in either canonical",
       lambda c: c.e("D1")["answer_facts"].__setitem__(0, "the portal grants the local role itself"))
simple("two canonicals without flag", "two canonical sections need two_facts", mdel("M1", "two_facts"))
simple("two_facts flag with one canonical", "two_facts needs two canonical sections",
       mset("S12", "two_facts", True))

# ---------------- sections ----------------
simple("unknown section id", "unknown section",
       lambda c: c.e("L1")["related"].__setitem__(1, "acr-cmk/references/managed-hsm.md#no-such-anchor"))
simple("section id without the acr-cmk/ folder", "unknown section",
       lambda c: c.e("L1")["related"].__setitem__(1, "references/troubleshooting.md#general-diagnostic-checklist"))
simple("canonical repeated in related", "repeated section",
       lambda c: c.e("L1")["related"].append(c.e("L1")["canonical"][0]))
simple("canonical empty", "canonical must hold 1 or 2", eset("L4", "canonical", []))
simple("three canonicals", "canonical must hold 1 or 2",
       lambda c: c.e("L4")["canonical"].extend(c.e("L4")["related"][:2]))
simple("first canonical in a scenario", "first canonical not a reference doc",
       lambda c: c.e("S11")["canonical"].__setitem__(0, SCENARIO_SECTION))
simple("related empty", "related is empty", eset("S12", "related", []))

# ---------------- kinds, styles, truths, categories ----------------
simple("unknown kind", "bad kind", mset("G4", "kind", "opinion"))
simple("yes truth opening No", "yes truth must open 'Yes: '",
       lambda c: c.e("S2").__setitem__("truth", "No: " + c.e("S2")["truth"][5:]))
simple("no truth without No", "no truth must open 'No: '",
       lambda c: c.e("S3").__setitem__("truth", c.e("S3")["truth"][4:]))
simple("undocumented truth without verdict", "undocumented truth must open 'Not documented'",
       lambda c: c.e("G6").__setitem__("truth", c.e("G6")["truth"][16:]))
simple("off-topic truth without verdict", "off-topic truth must open 'Not covered: '",
       lambda c: c.e("X3").__setitem__("truth", c.e("X3")["truth"][13:]))
simple("howto truth opening Yes", "howto truth opens with a verdict word",
       lambda c: c.e("G1").__setitem__("truth", "Yes: " + c.e("G1")["truth"]))
simple("troubleshoot truth opening No", "troubleshoot truth opens with a verdict word",
       lambda c: c.e("M1").__setitem__("truth", "No, " + c.e("M1")["truth"]))
simple("off-topic item with canonical", "off-topic item must have empty lists",
       lambda c: c.e("X4")["canonical"].append("acr-cmk/references/overview.md#default-encryption-at-rest-without-a-cmk"))
simple("off-topic category on an on-topic kind", "off-topic category and kind disagree",
       eset("G2", "category", "off-topic"))
simple("unknown category", "bad category", eset("G2", "category", "misc"))
simple("style count broken", "on-topic short count 13", mset("G4", "style", "short"))
simple("unknown style", "bad style", mset("G4", "style", "medium"))
simple("kind count broken", "kind howto count 13", mset("L2", "kind", "why"))
simple("kind group missing from a style", "kind group yes/no missing from style agent",
       chain(mset("G5", "kind", "value"),
             tset("G5", "Supported since the October 2026 revision: import it into hsm-ner as an RSA-HSM key with wrapKey and unwrapKey and give the registry identity Managed HSM Crypto Service Encryption User on it."),
             mset("R5", "kind", "value"),
             tset("R5", "Not possible for crnemunas: a customer-managed key can only be chosen when a registry is created.")))
simple("category above 9", "category hsm count 10",
       chain(eset("L4", "category", "hsm"), eset("S6", "category", "hsm"), eset("S9", "category", "hsm")))
simple("category below 2", "category setup count 1",
       chain(eset("S2", "category", "limits"), eset("S7", "category", "limits")))

# ---------------- style rules ----------------
# a short question of exactly 15 words, used as the marker of the only=True mutations (S6 carries no qualifier, typo
# or shape)
S6_15 = "what does a uami need on a second kv before rotate-key points the registry there?"
L4_START = "Since we started signing images"
S10_TAIL = "need on the kv?"
G1_START = "List the az commands to create"
X8_TAIL = "without letting it change the schema"
simple("long post too short", "long question length", qset("L4", "Which tier after CMK?"))
simple("long post too long", "long question length",
       lambda c: c.e("L1").__setitem__("question", c.e("L1")["question"] + (" Some more background here." * 60)))
simple("short question of 15 words", "short question has 15 words", qset("S6", S6_15))
simple("short question on two lines", "short question spans lines",
       qrep("S12", " when our kv", "\nwhen our kv"))
simple("agent query of 50 words", "agent query has",
       lambda c: c.e("G4").__setitem__("question", c.e("G4")["question"] + " please" + " also" * 30))
simple("agent query on two lines", "agent query spans lines", qrep("G6", " Question:", "\nQuestion:"))
simple("agent query with a fence", "agent query spans lines", qrep("G6", " Question:", " ```x``` Question:"))
simple("context form without Context:", "context form must open with 'Context:'",
       lambda c: c.e("G6").__setitem__("question", c.e("G6")["question"][len("Context: "):]))
simple("imperative form without verb", "imperative form must open with an imperative verb",
       qrep("G1", G1_START, "I want the az commands to create"))
simple("keywords form opening uppercase", "keywords form must open lowercase",
       lambda c: c.e("G4").__setitem__("question", c.e("G4")["question"][0].upper() + c.e("G4")["question"][1:]))
simple("keywords form with ?", "keywords form must open lowercase",
       lambda c: c.e("G4").__setitem__("question", c.e("G4")["question"] + "?"))
simple("form on a short item", "form on a non-agent item", mset("S12", "form", "keywords"))
simple("agent forms miscounted", "on-topic agent form context count 4",
       chain(mset("G6", "form", "imperative"), qrep("G6", "Context: the template", "Explain: the template")))
simple("off-topic agent forms miscounted", "off-topic agent form keywords count 0",
       chain(mset("X9", "form", "imperative"),
             lambda c: c.e("X9").__setitem__("question", "Explain " + c.e("X9")["question"])))


@mut("three short questions not lowercase", "short questions not lowercase (max 2)")
def _(c):
    for k in ("S5", "S6", "S11"):
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
       chain(mset("L4", "quals", ["hsm"]), mset("L4", "qual", "story")))
simple("iac qualifier without a tool", "iac qualifier but no portal/Terraform/Bicep/ARM/AVM",
       chain(mset("S6", "quals", ["iac"]), mset("S6", "qual", "story")))
simple("October 2026 truth without Managed HSM", "October 2026 truth names neither",
       tset("S5", "It stays on the bill until it is recovered or purged, because its capacity stays allocated."))
simple("qual asked recorded as story", "qual is 'story', should be 'asked'", mset("M1", "qual", "story"))
simple("quals without qual none", "qual is 'asked', should be 'none'", mset("M2", "qual", "asked"))
simple("unknown qualifier", "bad quals", mset("M1", "quals", ["hsm", "oct2026", "k8s"]))


def drop_qual(mm, x, q):
    mm["quals"] = [v for v in mm["quals"] if v != q]
    ask = build69.ask_part(x["question"])
    hit = ("hsm" in mm["quals"] and build69.HSM_RE.search(ask)) or ("iac" in mm["quals"] and build69.IAC_RE.search(ask))
    mm["qual"] = "none" if not mm["quals"] else ("asked" if hit else "story")


@mut("Managed HSM asked floor", "floor: Managed HSM asked")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "hsm" in mm.get("quals", []) and build69.HSM_RE.search(build69.ask_part(x["question"])):
            n += 1
            if n > 9:
                drop_qual(mm, x, "hsm")


@mut("Managed HSM asked in too few ways (qualifiers dropped)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    # M1 is the only revocation ask, S5 the only purge ask
    drop_qual(c.meta("M1"), c.e("M1"), "hsm")
    drop_qual(c.meta("S5"), c.e("S5"), "hsm")


@mut("Managed HSM asked in too few ways (asks reworded)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    # M1 is the only revocation ask, M3 the only which-key ask
    c.q_rep("M1", "Why did removing that role not revoke the access of crtagus to the Managed HSM key?",
            "Why does crtagus still reach the Managed HSM key after the role was removed?")
    c.q_rep("M3", "and which version is it really using right now?", "and what does it report right now?")


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
        if "oct2026" in mm.get("quals", []) and n < 3:
            drop_qual(mm, x, "oct2026")
            n += 1


# ---------------- spread and per-doc ----------------
def list_lines(c, n):
    return [x.strip() for x in open(os.path.join(c.d, "blind%d-first-canonicals.txt" % n), encoding="utf-8") if x.strip()]


@mut("spread against blind68", "first canonicals new against blind68 (floor 40)")
def _(c):
    a = list(dict.fromkeys(list_lines(c, A_SET)))
    aset = set(a)
    fresh = sum(1 for x in c.j if x["canonical"] and x["canonical"][0] not in aset)
    need = fresh - 39
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < need and not c.m[x["id"]].get("two_facts") \
                and x["canonical"][0] not in aset:
            x["canonical"] = [a[n]]
            x["related"] = [r for r in x["related"] if r != a[n]] or [a[n + 20]]
            n += 1
    if n != need:
        raise AssertionError("setup: replaced %d of %d" % (n, need))


@mut("spread against blind68 and blind67", "first canonicals new against blind68 and blind67 (floor 30)")
def _(c):
    a, b = set(list_lines(c, A_SET)), set(list_lines(c, B_SET))
    mine = {x["canonical"][0] for x in c.j if x["canonical"]}
    fresh = sum(1 for x in c.j if x["canonical"] and x["canonical"][0] not in a and x["canonical"][0] not in b)
    need = fresh - 29
    pool = [f for f in dict.fromkeys(list_lines(c, B_SET)) if f not in a and f not in mine]
    if len(pool) < need:
        raise AssertionError("setup: only %d blind67-only firsts" % len(pool))
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < need and not c.m[x["id"]].get("two_facts") \
                and x["canonical"][0] not in b and x["canonical"][0] not in a:
            x["canonical"] = [pool[n]]
            x["related"] = [r for r in x["related"] if r != pool[n]] or ["acr-cmk/references/overview.md#requirements-at-a-glance"]
            n += 1
    if n != need:
        raise AssertionError("setup: replaced %d of %d" % (n, need))


simple("troubleshooting doc above 8", "first canonical doc troubleshooting count 9",
       lambda c: c.e("S12")["canonical"].__setitem__(0, "acr-cmk/references/troubleshooting.md#general-diagnostic-checklist"))
simple("infrastructure-as-code doc above 8", "first canonical doc infrastructure-as-code count 9",
       chain(lambda c: c.e("S12")["canonical"].__setitem__(0, "acr-cmk/references/infrastructure-as-code.md#terraform-azurerm_container_registry-encryption-block"),
             lambda c: c.e("S11")["canonical"].__setitem__(0, "acr-cmk/references/infrastructure-as-code.md#api-versions-that-support-registry-encryption")))
simple("key-rotation doc below 2", "first canonical doc key-rotation count 1",
       lambda c: c.e("S3")["canonical"].__setitem__(0, "acr-cmk/references/setup-cli.md#step-1-create-a-resource-group"))
simple("blind68 first-canonical list missing", "first-canonical list missing: blind68",
       lambda c: os.remove(os.path.join(c.d, "blind68-first-canonicals.txt")))
simple("blind67 first-canonical list missing", "first-canonical list missing: blind67",
       lambda c: os.remove(os.path.join(c.d, "blind67-first-canonicals.txt")))


@mut("blind67 first-canonical list cut to 47", "blind67 has 47 lines")
def _(c):
    p = os.path.join(c.d, "blind67-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:47])


@mut("blind68 first-canonical list cut to 40", "blind68 has 40 lines")
def _(c):
    p = os.path.join(c.d, "blind68-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:40])


@mut("first-canonical lists read from the set's folder, not from prev/ (blind68)", "first-canonical list missing: blind68")
def _(c):
    # a copy in prev/ does not stand in for the list next to the set
    shutil.move(os.path.join(c.d, "blind68-first-canonicals.txt"), os.path.join(c.d, "prev", "blind68-first-canonicals.txt"))


@mut("first-canonical lists read from the set's folder, not from prev/ (blind67)", "first-canonical list missing: blind67")
def _(c):
    shutil.move(os.path.join(c.d, "blind67-first-canonicals.txt"), os.path.join(c.d, "prev", "blind67-first-canonicals.txt"))


@mut("spread lists of the wrong sets (blind67 and blind66 in place of blind68 and blind67)",
     "first-canonical list missing: blind68")
def _(c):
    # the previous set's pair of lists does not satisfy this set's spread rule
    os.remove(os.path.join(c.d, "blind68-first-canonicals.txt"))
    shutil.copy(os.path.join(c.d, "blind67-first-canonicals.txt"), os.path.join(c.d, "blind66-first-canonicals.txt"))


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


simple("typo planted in blind20", "typo 'heirarchy' already used in blind19-68", plant_prev(20, "heirarchy"))
simple("typo planted in blind41", "typo 'independant' already used in blind19-68", plant_prev(41, "independant"))
simple("typo planted in blind48", "typo 'arbitary' already used in blind19-68", plant_prev(48, "arbitary"))
simple("typo planted in blind68", "typo 'heirarchy' already used in blind19-68", plant_prev(68, "heirarchy"))
simple("typo planted in a blind68 truth", "typo 'independant' already used in blind19-68", plant_prev_truth(68, "independant"))
simple("typo planted in a blind67 truth", "typo 'arbitary' already used in blind19-68", plant_prev_truth(67, "arbitary"))
simple("typo planted in a blind25 truth", "typo 'arbitary' already used in blind19-68", plant_prev_truth(25, "arbitary"))
simple("typo planted in blind19 (first of the range)", "typo 'independant' already used in blind19-68", plant_prev(19, "independant"))
simple("typo moved to an off-topic short", "typo must sit in a short on-topic question",
       chain(mdel("S1", "typo"), qrep("S1", "heirarchy", "hierarchy"), mset("X11", "typo", "heirarchy"),
             qrep("X11", "newly added books", "newly added books in our heirarchy")))
simple("typo fixed in the question", "typo 'arbitary' not in the question", qrep("S3", "arbitary", "arbitrary"))
simple("unrecorded typo in another question", "unrecorded typo 'independant'",
       qrep("S10", S10_TAIL, "need on the kv, independant of acr?"))
simple("typo used twice", "typo 'independant' used 2 times",
       chain(mset("S10", "typo", "independant"), qrep("S10", S10_TAIL, "need on the kv, independant of acr?")))
simple("unknown typo word", "not in the set's typo list",
       chain(mset("S2", "typo", "independnt"), qrep("S2", "independant", "independnt")))
simple("typo on a long item", "typo must sit in a short on-topic question",
       chain(mdel("S3", "typo"), qrep("S3", "arbitary", "arbitrary"), mset("L4", "typo", "arbitary"),
             qrep("L4", L4_START, "For arbitary reasons, " + L4_START)))
simple("typo on an agent item", "typo must sit in a short on-topic question",
       chain(mdel("S1", "typo"), qrep("S1", "heirarchy", "hierarchy"), mset("G1", "typo", "heirarchy"),
             qrep("G1", G1_START, "List the heirarchy of az commands to create")))


@mut("typo added to the knowledge", "typo 'independant' stands in the knowledge or facts")
def _(c):
    p = c.kfile("acr-cmk/references/overview.md")
    open(p, "a").write("\nindependant\n")


@mut("typo added to the fact sheets", "typo 'arbitary' stands in the knowledge or facts")
def _(c):
    p = os.path.join(c.d, "facts", "cmk-facts-2026-10.md")
    os.chmod(p, 0o644)
    open(p, "a").write("\narbitary\n")


@mut("typo added to an older fact sheet", "typo 'heirarchy' stands in the knowledge or facts")
def _(c):
    p = os.path.join(c.d, "facts", "cli-facts.md")
    os.chmod(p, 0o644)
    open(p, "a").write("\nheirarchy\n")
# ---------------- copying ----------------
KV_POLICY_CMD = ('az keyvault set-policy --name $KEY_VAULT_NAME --resource-group $RESOURCE_GROUP --object-id '
                 '$PRINCIPAL_ID --key-permissions get unwrapKey wrapKey')
KNOWLEDGE_PROSE = "the registry cannot unwrap its data without the key so deleting the key store"
simple("knowledge 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L4", L4_START, "The registry cannot unwrap its data without the key, and " + L4_START))
simple("fact-sheet 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L4", L4_START, "We wonder whether this revision is already live on Learn, and " + L4_START))
simple("pasted error moved into prose", "8-token run shared with knowledge/facts",
       qrep("L4", L4_START, "The CLI said Cannot set policies to a vault with '--enable-rbac-authorization' specified. " + L4_START))
simple("knowledge command in the prose around an MCP call", "8-token run shared with knowledge/facts",
       qrep("M2", "The plan it got back starts", "We granted vault access with " + KV_POLICY_CMD + ". The plan it got back starts"))
simple("knowledge command in the prose around a private endpoint", "8-token run shared with knowledge/facts",
       qrep("P4", "Our deployment pipeline runs", "Our runbook says " + KV_POLICY_CMD + ". Our deployment pipeline runs"))
simple("knowledge command in the prose around a Dependabot body", "8-token run shared with knowledge/facts",
       qrep("B3", "We expected a no-op", "Our runbook says " + KV_POLICY_CMD + ". We expected a no-op"))
simple("knowledge prose inside an MCP call (12-token rule)", "12-token run (fences included) shared with knowledge/facts",
       qrep("M4", '"region": "westeurope"\n', '"region": "westeurope",\n      "note": "' + KNOWLEDGE_PROSE + '"\n'))
simple("knowledge prose inside a Resource Graph result (12-token rule)", "12-token run (fences included) shared with knowledge/facts",
       qrep("R2", '      "name": "crhron",\n', '      "name": "crhron",\n      "note": "' + KNOWLEDGE_PROSE + '",\n'))
simple("knowledge prose inside a private endpoint (12-token rule)", "12-token run (fences included) shared with knowledge/facts",
       qrep("P2", '  "name": "pe-crinn",\n', '  "name": "pe-crinn",\n  "note": "' + KNOWLEDGE_PROSE + '",\n'))
simple("knowledge prose inside deployment outputs (12-token rule)", "12-token run (fences included) shared with knowledge/facts",
       qrep("D4", '  "skuName": {\n', '  "note": {"type": "String", "value": "' + KNOWLEDGE_PROSE + '"},\n  "skuName": {\n'))
simple("knowledge prose inside a fenced Dependabot body (12-token rule)", "12-token run (fences included) shared with knowledge/facts",
       qrep("B2", "to 5.0.0.\n", "to 5.0.0.\n\nNote: " + KNOWLEDGE_PROSE + "\n"))
simple("blind30 8-token run", "8-token run shared with blind19-68",
       lambda c: c.e("L4").__setitem__("question", c.e("L4")["question"] + " " + prevq(30, 8)(c)[:120]))
simple("blind41 8-token run", "8-token run shared with blind19-68",
       lambda c: c.e("L4").__setitem__("question", c.e("L4")["question"] + " " + prevq(41, 3)(c)[:150]))
simple("blind67 8-token run", "8-token run shared with blind19-68",
       lambda c: c.e("L4").__setitem__("question", c.e("L4")["question"] + " " + prevq(67, 1)(c)[:150]))
simple("blind68 8-token run", "8-token run shared with blind19-68",
       lambda c: c.e("L4").__setitem__("question", c.e("L4")["question"] + " " + prevq(68, 2)(c)[:150]))


def clean_prev_truth(n):
    """The first 200 characters of the first on-topic blind<n> truth whose opening shares no 8-token run with the
    knowledge or the fact sheets (so that only the prev-truth rule can fire)."""
    def get(c):
        src = check69.grams(check69.toks(kparse.all_text(os.path.join(c.d, "k")) + "\n" +
                                         kparse.all_text(os.path.join(c.d, "facts"))), 8)
        for e in json.load(open(os.path.join(c.d, "prev", "blind%d.json" % n), encoding="utf-8")):
            t = e["truth"][:200]
            if len(e["truth"]) >= 250 and not e["truth"].startswith("Not covered") and \
                    not check69.grams(check69.toks(t), 8) & src:
                return t
        raise AssertionError("setup: no clean blind%d truth" % n)
    return get


simple("blind68 truth copied into a question", "8-token run shared with a blind19-68 truth",
       lambda c: c.e("L4").__setitem__("question", c.e("L4")["question"] + " " + clean_prev_truth(68)(c)))
simple("blind33 truth copied into a question", "8-token run shared with a blind19-68 truth",
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
            if field == "question" and any(d(t) for d in check69.OLD_DETECT.values() if d is not None):
                continue
            ts = _tokset(t)
            if all(len(ts & o) / len(ts | o) <= 0.6 for o in older):
                return t
        raise AssertionError("setup: no own blind%d %s" % (n, field))
    return get


simple("blind68 question repeated", "Jaccard > 0.6 with blind68",
       lambda c: c.e("G2").__setitem__("question", own_prev(68, "question")(c)))
simple("blind53 question repeated", "Jaccard > 0.6 with blind53",
       lambda c: c.e("G7").__setitem__("question", own_prev(53, "question")(c)))
simple("blind46 question repeated", "Jaccard > 0.6 with blind46",
       lambda c: c.e("S12").__setitem__("question", own_prev(46, "question")(c)))
simple("blind68 truth repeated", "truth Jaccard > 0.6 with blind68",
       lambda c: c.e("S6").__setitem__("truth", own_prev(68, "truth")(c)))
simple("off-topic truth close to an earlier truth", "truth Jaccard > 0.6 with blind",
       tset("X11", "Not covered: resetting a Navidrome password is outside the ACR customer-managed key knowledge."))
simple("off-topic truth copied from blind68", "truth Jaccard > 0.6 with blind68",
       lambda c: c.e("X12").__setitem__("truth", next(
           e["truth"] for e in json.load(open(os.path.join(c.d, "prev", "blind68.json"), encoding="utf-8"))
           if e["truth"].startswith("Not covered"))))
simple("near-duplicate inside the set", "Jaccard > 0.6 with",
       qset("S5", "which rbac role does the registry identity need on the kv vault?"))
simple("truth copies a knowledge sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("L1").__setitem__("truth", c.e("L1")["truth"] + " Soft delete alone keeps deleted keys and vaults recoverable, but someone with purge rights can still destroy them permanently before the retention period ends."))
simple("truth copies a fact-sheet sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("G7").__setitem__("truth", c.e("G7")["truth"] + " Whether this revision is already live on Learn was not checked."))
simple("question copies a knowledge sentence", "question copies a knowledge/fact sentence",
       qrep("L4", L4_START, "Registries without a CMK are still encrypted at rest with Microsoft-managed keys. " + L4_START))
simple("question echoes a heading", "question echoes a heading",
       qrep("L4", L4_START, "Versioned and versionless key IDs, the wiki says. " + L4_START))


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
    old = "## Provision and activate the Managed HSM"
    if old not in s:
        raise AssertionError("setup: heading not in managed-hsm.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "## Provisioning and activating a Managed HSM"))


@mut("knowledge text edited under an answer fact", "answer_fact not in first canonical")
def _(c):
    p = c.kfile("acr-cmk/references/networking.md")
    s = open(p, encoding="utf-8").read()
    old = "that itself uses private endpoints"
    if s.count(old) != 1:
        raise AssertionError("setup: text not once in networking.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "that itself sits behind private endpoints"))


@mut("knowledge text edited under a two_facts answer fact", "answer_fact not in either canonical")
def _(c):
    p = c.kfile("acr-cmk/references/troubleshooting.md")
    s = open(p, encoding="utf-8").read()
    old = "keeps granting access after the key-scoped one"
    if s.count(old) != 1:
        raise AssertionError("setup: text not once in troubleshooting.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "still grants access after the key-scoped one"))


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
    qset("S6", S6_15)(c)


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
simple("blind67 prev file missing", "prev file missing: blind67.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind67.json")))
simple("blind68 prev file missing", "prev file missing: blind68.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind68.json")))
simple("blind19 prev file missing (first of the range)", "prev file missing: blind19.json",
       lambda c: os.remove(os.path.join(c.d, "prev", "blind19.json")))


# ---------------- off-topic ----------------
def banned_subject(word, text):
    return chain(mset("X10", "subject", word), qset("X10", text))


simple("banned blind68 subject", "banned off-topic subject 'wger'",
       banned_subject("wger", "wger: how do i move a workout routine to another account?"))
simple("banned blind68 subject (2)", "banned off-topic subject 'lubelogger'",
       banned_subject("lubelogger", "lubelogger: how do i export the fuel log?"))
simple("banned blind68 extra name", "banned off-topic subject 'streaming key'",
       banned_subject("streaming key", "streaming key: how do i rotate the one for our dashboards?"))
simple("banned blind68 extra name (2)", "banned off-topic subject 'provisioner key'",
       banned_subject("provisioner key", "provisioner key: how do i replace it on every build box?"))
simple("banned blind67 subject", "banned off-topic subject 'planka'",
       banned_subject("planka", "planka: how do i move a board to another project?"))
simple("banned blind67 extra name", "banned off-topic subject 'ping key'",
       banned_subject("ping key", "ping key: how do i rotate the one for our cron job?"))
simple("banned blind66 subject", "banned off-topic subject 'zuul'",
       banned_subject("zuul", "zuul: how do i give a project a new key safely?"))
simple("banned blind66 extra name", "banned off-topic subject 'api key'",
       banned_subject("api key", "api key: how do i rotate the one for our dashboard?"))
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
for _word, _label in (("searxng", "blind68 subject"), ("fluent bit", "blind68 subject (2)"), ("kiwix", "blind68 subject (3)"),
                      ("resilio sync", "blind68 subject (4)"), ("languagetool", "blind68 subject (5)"), ("coder", "blind68 subject (6)"),
                      ("ghostfolio", "blind68 subject (7)"), ("netdata", "blind68 subject (8)"), ("stirling-pdf", "blind68 subject (9)"),
                      ("unraid", "blind68 subject (10)"),
                      ("fluentd", "blind68 extra name"), ("shared key", "blind68 extra name (2)"), ("license key", "blind68 extra name (3)"),
                      ("wikipedia", "blind68 extra name (4)"), ("ocr", "blind68 extra name (5)"), ("pdf/a", "blind68 extra name (6)"),
                      ("kiwix-serve", "blind68 extra name (7)"), ("tarballs", "blind68 extra name (8)"), ("ngram", "blind68 extra name (9)"),
                      ("provisioners", "blind68 extra name (10)"),
                      ("healthchecks", "blind67 subject"), ("snipe-it", "blind67 subject (2)"), ("beszel", "blind67 subject (3)"),
                      ("openproject", "blind67 subject (4)"), ("docspell", "blind67 subject (5)"), ("homebox", "blind67 subject (6)"),
                      ("defectdojo", "blind67 subject (7)"), ("librespeed", "blind67 subject (8)"), ("glitchtip", "blind67 subject (9)"),
                      ("kitchenowl", "blind67 subject (10)"), ("flagsmith", "blind67 subject (11)"),
                      ("dsn", "blind67 extra name"), ("public key", "blind67 extra name (2)"),
                      ("environment key", "blind67 extra name (3)"), ("admin password", "blind67 extra name (4)"),
                      ("hub key", "blind67 extra name (5)"),
                      ("peertube", "blind66 subject"), ("wekan", "blind66 subject (2)"), ("uptime kuma", "blind66 subject (3)"),
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
for _phrase, _label in (("workout plans", "blind68"), ("exercise images", "blind68 (2)"), ("search engine", "blind68 (3)"),
                        ("forward protocol", "blind68 (4)"), ("read-write key", "blind68 (5)"), ("transaction export", "blind68 (6)"),
                        ("boot drive", "blind68 (7)"), ("two cars", "blind68 (8)"), ("start page", "blind68 (9)"),
                        ("workspace images", "blind68 (10)"),
                        ("work packages", "blind67"), ("full-text index", "blind67 (2)"), ("shopping list", "blind67 (3)"),
                        ("crash reports", "blind67 (4)"), ("canary hosts", "blind67 (5)"), ("line speed", "blind67 (6)"),
                        ("vulnerability findings", "blind67 (7)"),
                        ("project key", "blind66"), ("object storage", "blind66 (2)"), ("page history", "blind66 (3)"),
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
simple("subject planted in blind33", "subject 'excalidraw' used in blind19-68", plant_prev(33, "excalidraw"))
simple("subject planted in blind68", "subject 'tasmota' used in blind19-68", plant_prev(68, "tasmota"))
simple("subject not in question", "subject 'tasmota' not in the question",
       qset("X12", "can our relay firmware switch a relay off ten minutes after turning it on?"))
simple("earlier off-topic product named (capitalised, blind27)", "repeats an earlier off-topic subject word: verdaccio",
       qrep("X8", X8_TAIL, "the way we once did for Verdaccio, " + X8_TAIL))
simple("earlier off-topic product named (lowercase short, blind25)", "repeats an earlier off-topic subject word: sops",
       qset("X11", "calibre-web next to sops will not show covers for new books"))
simple("earlier off-topic word from blind51 outside the ban list", "repeats an earlier off-topic subject word: secret-key",
       qrep("X9", "baserow self hosted backup", "baserow secret-key self hosted backup"))
simple("earlier off-topic word from blind54 outside the ban list", "repeats an earlier off-topic subject word: gitops",
       qrep("X6", "Our UX team moved", "Our GitOps page says our UX team moved"))
simple("earlier off-topic word from blind55 outside the ban list", "repeats an earlier off-topic subject word: cas",
       qrep("X1", "We self-host Excalidraw", "Among our CAs, we self-host Excalidraw"))
simple("earlier off-topic word from blind56 outside the ban list", "repeats an earlier off-topic subject word: ci-service",
       qrep("X4", "was pasted into a ticket by mistake", "was pasted into a ticket by mistake through our ci-service"))
simple("earlier off-topic word from blind57 outside the ban list", "repeats an earlier off-topic subject word: members",
       qrep("X7", "edit only the rows", "edit only the rows for its members"))
simple("earlier off-topic word from blind60 outside the ban list", "repeats an earlier off-topic subject word: kicking",
       qrep("X5", "How do I point Oxidized", "Before kicking things off, how do I point Oxidized"))
simple("earlier off-topic word from blind61 outside the ban list", "repeats an earlier off-topic subject word: leak",
       qrep("X10", "how do i add", "after a leak, how do i add"))
simple("earlier off-topic word from blind62 outside the ban list", "repeats an earlier off-topic subject word: graceful",
       qrep("X9", "which command", "which command for a graceful setup"))
simple("earlier off-topic word from blind63 outside the ban list", "repeats an earlier off-topic subject word: meetings",
       qrep("X7", "keeps its budget tables", "keeps its budget tables for meetings"))
simple("earlier off-topic word from blind64 outside the ban list", "repeats an earlier off-topic subject word: thumbnail",
       qrep("X11", "show covers", "show covers and thumbnail previews"))
simple("earlier off-topic word from blind65 outside the ban list", "repeats an earlier off-topic subject word: barcode",
       qrep("X12", "can tasmota switch", "can tasmota next to the barcode app switch"))
simple("earlier off-topic word from blind66 outside the ban list", "repeats an earlier off-topic subject word: wifi",
       qrep("X12", "switch a relay off", "switch a wifi relay off"))
simple("earlier off-topic word from blind66 outside the ban list (2)", "repeats an earlier off-topic subject word: rebooting",
       qrep("X11", "for newly added books", "for newly added books after rebooting"))
simple("earlier off-topic word from blind67 outside the ban list", "repeats an earlier off-topic subject word: labels",
       qrep("X11", "show covers", "show covers and labels"))
simple("earlier off-topic word from blind67 inside a banned name", "repeats an earlier off-topic subject word: speed",
       qrep("X12", "ten minutes after", "ten minutes at full speed after"))
simple("earlier off-topic word from blind68 outside the ban list", "repeats an earlier off-topic subject word: english",
       qrep("X6", "custom fonts", "custom English fonts"))
simple("earlier off-topic word from blind68 outside the ban list (2)", "repeats an earlier off-topic subject word: european",
       qrep("X7", "self-hosted Grist server", "self-hosted European Grist server"))
simple("off-topic subject word planted in an earlier off-topic truth", "repeats an earlier off-topic subject word: excalidraw",
       plant_prev_offtopic_truth(40, "Compare Excalidraw."))
simple("banned key word in off-topic", "off-topic question names banned 'kubernetes'",
       qrep("X2", "answers DNS for our build hosts", "answers DNS for our Kubernetes build hosts"))
simple("banned key word kms", "off-topic question names banned 'kms'",
       qrep("X1", "for architecture sketches", "for architecture sketches of our kms"))
simple("banned key word token", "off-topic question names banned 'token'",
       qrep("X4", "Its SECRET_KEY setting", "Its SECRET_KEY setting (a token, really)"))
simple("near_miss on an agent item", "near_miss only on long off-topic posts", mset("X7", "near_miss", True))
simple("near-miss floor", "floor: near misses", chain(mdel("X1", "near_miss"), mdel("X2", "near_miss")))


@mut("off-topic story floor", "floor: long off-topic registry+key stories")
def _(c):
    for k in ("X4", "X5"):
        e = c.e(k)
        e["question"] = re.sub(r"\bregistr\w*", "service", e["question"], flags=re.I)


simple("off-topic subject missing", "off-topic subject missing", mdel("X6", "subject"))
simple("shape flag on off-topic", "shape flag mcp_tool_call on an off-topic item", mset("X6", "mcp_tool_call", True))
simple("subject on an on-topic item", "subject/near_miss on an on-topic item", mset("L4", "subject", "x"))


# ---------------- long measures ----------------
@mut("fenced long floor", "floor: fenced long posts")
def _(c):
    for k in ("M1", "M2", "M3", "M4", "R1", "R2", "R3", "R4", "P1"):
        unfence(k)(c)


@mut("fenced troubleshoot floor", "floor: fenced long troubleshoot posts")
def _(c):
    for k in ("M1", "M3", "R3", "P1"):
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

# ---------------- the shapes of blind52 to blind64 are rejected in the text (blind65's to blind68's follow) ----------------
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

# blind52 to blind64's shapes in this set's questions (blind65's to blind68's follow further below)
simple("old shape: TL;DR line", "question shows blind52's shape tldr_summary",
       qrep("L4", L4_START, "TL;DR: endpoint or not?\n\n" + L4_START))
simple("old shape: TL;DR line in an off-topic post", "question shows blind52's shape tldr_summary",
       qadd("X1", "\n\ntl;dr can replication keep running?"))
simple("old shape: shouting", "question shows blind52's shape caps_shouting",
       qrep("L4", L4_START, "I REALLY need this SETTLED. " + L4_START))
simple("old shape: typographic quotes", "question shows blind52's shape smart_punctuation",
       qrep("S10", S10_TAIL, "need on the \u201ckv\u201d?"))
simple("old shape: en dash in a command", "question shows blind52's shape smart_punctuation",
       qrep("L2", "--vault-name kv-bobr-shared", "\u2013vault-name kv-bobr-shared"))
simple("old shape: --query expression", "question shows blind52's shape jmespath_query",
       qrep("L4", L4_START, "az acr show --query sku.name says Premium. " + L4_START))
simple("old shape: anchored regex", "question shows blind52's shape regex_pattern",
       qrep("S10", S10_TAIL, "`^https://[^/]+/keys/[^/]+$` " + S10_TAIL))
simple("old shape: shell history", "question shows blind53's shape shell_history", qadd("L4", HISTORY_FENCE))
simple("old shape: env file", "question shows blind53's shape dotenv_file", qadd("L1", ENV_FENCE))
simple("old shape: ANSI colour codes", "question shows blind53's shape ansi_escape_codes",
       qrep("G1", "Managed HSM hsm-wda", "Managed HSM \x1b[33mhsm-wda\x1b[0m"))
simple("old shape: strikethrough", "question shows blind53's shape strikethrough_correction",
       qrep("G1", "with a new key", "with a ~~second~~ new key"))
simple("old shape: percent-encoded URI", "question shows blind53's shape percent_encoded_uri",
       qrep("S5", "a soft-deleted managed hsm", "https%3a%2f%2fhsm-x.managedhsm.azure.net%2fkeys%2fkek: a soft-deleted managed hsm"))
simple("old shape: strikethrough in an off-topic question", "question shows blind53's shape strikethrough_correction",
       qrep("X11", "show covers", "show ~~pictures~~ covers"))
simple("old shape inside an MCP call (shell history)", "question shows blind53's shape shell_history",
       qrep("M1", "```json\n{", "```json\n  101  az acr show -n crtagus\n  102  az keyvault show --hsm-name hsm-tagus-weu\n"
                                "  103  az acr update -n crtagus\n{"))
simple("old shape: merge conflict markers", "question shows blind54's shape merge_conflict_markers",
       qadd("L4", CONFLICT_FENCE))
simple("old shape: Jira monospace spans", "question shows blind54's shape jira_markup",
       qrep("L4", "Our retention job", "Our {{retention}} {{job}}"))
simple("old shape: Jira code block in front of a Resource Graph result", "question shows blind54's shape jira_markup",
       qrep("R2", "```json\n{", "{code}\n{code}\n```json\n{"))
simple("old shape: HTML character references", "question shows blind54's shape html_entities",
       qrep("S10", S10_TAIL, "need on the &quot;kv&quot;?"))
simple("old shape: numbered sub-questions", "question shows blind54's shape numbered_subquestions",
       qadd("L4", "\n\n1. Which endpoint? 2. Which zone? 3. Which vault?"))
simple("old shape: access token", "question shows blind54's shape jwt_token", qadd("X7", " Pasted: " + FAKE_TOKEN))
simple("old shape: Jira markup in an off-topic question", "question shows blind54's shape jira_markup",
       qrep("X10", "add a webcam stream", "add a {{webcam}} {{stream}}"))
simple("old shape: Python traceback", "question shows blind55's shape python_traceback", qadd("L4", TRACEBACK_FENCE))
simple("old shape: Python traceback inside deployment outputs", "question shows blind55's shape python_traceback",
       qrep("D2", "```json\n{", '```json\nTraceback (most recent call last):\n  File "/src/out.py", line 41, in <module>\n'
                                '    dump()\nRuntimeError: dump refused\n{'))
simple("old shape: collapsed details section", "question shows blind55's shape details_block",
       qadd("L4", "\n\n<details>\n<summary>tag list</summary>\n\nsha256-0a1b2c.sig\n\n</details>"))
simple("old shape: screenshot", "question shows blind55's shape screenshot_embed",
       qrep("S10", S10_TAIL, "![check](https://github.com/user-attachments/assets/1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f) " + S10_TAIL))
simple("old shape: double-encoded JSON", "question shows blind55's shape double_encoded_json",
       qrep("G3", "with CLI 2.64", 'with CLI 2.64 ("{\\"error\\":{\\"code\\":\\"Forbidden\\"}}")'))
simple("old shape: escaped Markdown", "question shows blind55's shape escaped_markdown",
       qrep("S5", "managed hsm", "managed\\_hsm\\_pool"))
simple("old shape: traceback in an off-topic question", "question shows blind55's shape python_traceback",
       qadd("X2", TRACEBACK_FENCE))
simple("old shape: details section in an off-topic question", "question shows blind55's shape details_block",
       qadd("X3", "\n\n<details>\n<summary>collector config</summary>\n\ntls(key-file)\n\n</details>"))
simple("old shape: screenshot in an off-topic question", "question shows blind55's shape screenshot_embed",
       qadd("X7", " ![forum](https://github.com/user-attachments/assets/7d1e0f3a-5b2c-4c8d-9e6f-0a1b2c3d4e5f)"))
simple("old shape: escaped Markdown in an off-topic question", "question shows blind55's shape escaped_markdown",
       qrep("X11", "show covers", "show\\_all\\_covers"))
simple("old shape: runner log (blind56)", "question shows blind56's shape gha_log_groups", qadd("L4", RUNNER_FENCE))
simple("old shape: PowerShell error record (blind56)", "question shows blind56's shape powershell_error_record",
       qadd("L1", PS_FENCE))
simple("old shape: events table (blind56)", "question shows blind56's shape kubectl_events", qadd("L4", EVENTS_FENCE))
simple("old shape: JSON lines (blind56)", "question shows blind56's shape ndjson_log", qadd("L4", NDJSON_FENCE))
simple("old shape: logfmt line (blind56)", "question shows blind56's shape logfmt_line",
       qrep("G1", G1_START, "List, for level=error msg=denied vault=kv-moss, the az commands to create"))
simple("old shape: runner log in an off-topic question (blind56)", "question shows blind56's shape gha_log_groups",
       qadd("X1", RUNNER_FENCE))
simple("old shape: PowerShell record in an off-topic question (blind56)", "question shows blind56's shape powershell_error_record",
       qadd("X2", PS_FENCE))
simple("old shape: events table in an off-topic question (blind56)", "question shows blind56's shape kubectl_events",
       qadd("X3", EVENTS_FENCE))
simple("old shape: JSON lines in an off-topic question (blind56)", "question shows blind56's shape ndjson_log",
       qadd("X4", NDJSON_FENCE))
simple("old shape: logfmt line in an off-topic question (blind56)", "question shows blind56's shape logfmt_line",
       qrep("X8", "Explain how to connect", 'Explain, given level=warn msg="reindex" app=nocodb, how to connect'))
simple("old shape: curl trace (blind57)", "question shows blind57's shape curl_verbose", qadd("L4", CURL_SNIPPET))
simple("old shape: git log (blind57)", "question shows blind57's shape git_log_oneline", qadd("L1", GITLOG_SNIPPET))
simple("old shape: CSV table (blind57)", "question shows blind57's shape csv_export", qadd("L3", CSV_SNIPPET))
simple("old shape: crontab line (blind57)", "question shows blind57's shape crontab_line",
       qrep("G2", "without deleting the key", "without deleting the key (`0 3 * * 1 /opt/acr/revoke.sh`)"))
simple("old shape: Copilot file reference (blind57)", "question shows blind57's shape copilot_refs",
       qrep("M5", "Context: our setup agent", "Context: (#file:calls.json) our setup agent"))
simple("old shape: Copilot participant in an on-topic question (blind57)", "question shows blind57's shape copilot_refs",
       qrep("L4", L4_START, "@workspace " + L4_START))
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
simple("old shape: nslookup output (blind58)", "question shows blind58's shape nslookup_output", qadd("L4", NS_SNIPPET))
simple("old shape: NXDOMAIN line alone (blind58)", "question shows blind58's shape nslookup_output",
       qadd("L1", "\n\n** server can't find kv-fulmar.vault.azure.net: NXDOMAIN"))
simple("old shape: Dockerfile (blind58)", "question shows blind58's shape dockerfile", qadd("L1", DOCKERFILE_SNIPPET))
simple("old shape: Event Viewer record (blind58)", "question shows blind58's shape windows_event_log", qadd("L3", EVENT_SNIPPET))
simple("old shape: alert payload (blind58)", "question shows blind58's shape monitor_alert_payload", qadd("L4", ALERT_SNIPPET))
simple("old shape: Checkov check ID (blind58)", "question shows blind58's shape checkov_finding",
       qrep("L4", L4_START, "CKV_AZURE_164 aside, " + L4_START))
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
       qrep("X9", "which command", "which command, flagged by CKV2_AZURE_1"))
simple("old shape: openssl key dump (blind59)", "question shows blind59's shape openssl_key_text",
       qadd("L4", OPENSSL_SNIPPET))
simple("old shape: openssl key size quoted inline (blind59)", "question shows blind59's shape openssl_key_text",
       qrep("G1", "Managed HSM hsm-wda", "Managed HSM hsm-wda (`Public-Key: (2048 bit)`)"))
simple("old shape: INI file (blind59)", "question shows blind59's shape ini_config", qadd("L1", INI_SNIPPET))
simple("old shape: Az PowerShell list (blind59)", "question shows blind59's shape ps_format_list", qadd("L3", PSLIST_SNIPPET))
simple("old shape: ansible output (blind59)", "question shows blind59's shape ansible_output", qadd("L4", ANSIBLE_SNIPPET))
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
simple("old shape: pytest report (blind60)", "question shows blind60's shape pytest_failure", qadd("L4", PYTEST_SNIPPET))
simple("old shape: FAILED line quoted inline (blind60)", "question shows blind60's shape pytest_failure",
       qrep("S10", S10_TAIL, "`FAILED tests/test_kv.py::test_hsm` " + S10_TAIL))
simple("old shape: GitHub alert (blind60)", "question shows blind60's shape github_alert", qadd("L1", GHALERT_BLOCK))
simple("old shape: changelog (blind60)", "question shows blind60's shape changelog_entry", qadd("L3", CHANGELOG_SNIPPET))
simple("old shape: Maven log (blind60)", "question shows blind60's shape maven_build_log", qadd("L4", MAVEN_SNIPPET))
simple("old shape: azd output (blind60)", "question shows blind60's shape azd_output", qadd("L1", AZD_SNIPPET))
simple("old shape: Maven lines inside a Dependabot body (blind60)", "question shows blind60's shape maven_build_log",
       qrep("B2", "```text\nBumps", "```text\n[INFO] BUILD FAILURE\nBumps"))
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
simple("old shape: make output (blind61)", "question shows blind61's shape make_error", qadd("L4", MAKE_SNIPPET))
simple("old shape: make error line quoted inline (blind61)", "question shows blind61's shape make_error",
       qrep("S4", "one-liner", "`make: *** [Makefile:3: vault] Error 1` one-liner"))
simple("old shape: Mermaid diagram (blind61)", "question shows blind61's shape mermaid_diagram", qadd("L1", MERMAID_SNIPPET))
simple("old shape: Node.js error (blind61)", "question shows blind61's shape nodejs_error", qadd("L3", NODE_SNIPPET))
simple("old shape: .NET exception (blind61)", "question shows blind61's shape dotnet_exception", qadd("L4", DOTNET_SNIPPET))
simple("old shape: Jenkins console (blind61)", "question shows blind61's shape jenkins_console", qadd("L1", JENKINS_SNIPPET))
simple("old shape: Jenkins lines inside a Resource Graph result (blind61)", "question shows blind61's shape jenkins_console",
       qrep("R3", "```json\n{", "```json\n[Pipeline] sh\n{"))
simple("old shape: a Node.js frame inside a private endpoint (blind61)", "question shows blind61's shape nodejs_error",
       qrep("P2", '  "name": "pe-crinn",\n', '  "name": "pe-crinn",\n    at async pick (/srv/deck/index.mjs:12:7)\n'))
simple("old shape: a .NET Status line inside deployment outputs (blind61)", "question shows blind61's shape dotnet_exception",
       qrep("D3", "```json\n{", "```json\nStatus: 403 (Forbidden)\n{"))
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
       qrep("X5", "Oxidized backs up", "After a RequestFailedException in our tool: Oxidized backs up"))
simple("old shape: Jenkins console in an off-topic question (blind61)", "question shows blind61's shape jenkins_console",
       qadd("X4", JENKINS_SNIPPET))
simple("old shape: a lone Finished: FAILURE line in an off-topic question (blind61)", "question shows blind61's shape jenkins_console",
       qadd("X6", "\n\nFinished: FAILURE"))
simple("old shape: a lone [Pipeline] marker in an off-topic question (blind61)", "question shows blind61's shape jenkins_console",
       qadd("X3", " Our job logs [Pipeline] sh before it."))
# blind62's shapes
simple("old shape: suggestion block (blind62)", "question shows blind62's shape github_suggestion", qadd("L1", SUG_SNIPPET))
simple("old shape: go test failure (blind62)", "question shows blind62's shape go_test_failure", qadd("L4", GOTEST_SNIPPET))
simple("old shape: journal excerpt (blind62)", "question shows blind62's shape systemd_journal", qadd("L3", JOURNAL_SNIPPET))
simple("old shape: Python session (blind62)", "question shows blind62's shape python_repl", qadd("L1", REPL_SNIPPET))
simple("old shape: browser console (blind62)", "question shows blind62's shape browser_console", qadd("L4", CONSOLE_SNIPPET))
simple("old shape: failed request line quoted inline (blind62)", "question shows blind62's shape browser_console",
       qrep("S4", "one-liner", "`GET https://kv-x.vault.azure.net/keys 403 (Forbidden)` one-liner"))
simple("old shape: a journal line inside an MCP call (blind62)", "question shows blind62's shape systemd_journal",
       qrep("M3", "```json\n{", "```json\nDec 03 02:03:13 build-vm systemd[1]: rotate.service: Failed with result 'exit-code'.\n{"))
simple("old shape: a Python prompt inside deployment outputs (blind62)", "question shows blind62's shape python_repl",
       qrep("D4", "```json\n{", "```json\n>>> import json\n{"))
simple("old shape: a go test line inside a Resource Graph result (blind62)", "question shows blind62's shape go_test_failure",
       qrep("R4", "```json\n{", "```json\n--- FAIL: TestGraph (0.10s)\n{"))
simple("old shape: a console line inside a private endpoint (blind62)", "question shows blind62's shape browser_console",
       qrep("P3", "```json\n{", "```json\nFailed to load resource: net::ERR_FAILED\n{"))
simple("old shape: a suggestion opener next to a Resource Graph result (blind62)", "question shows blind62's shape github_suggestion",
       qadd("R1", " The reviewer left a ```suggestion on it."))
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
simple("old shape: help text (blind63)", "question shows blind63's shape cli_help_text", qadd("L4", HELP_SNIPPET))
simple("old shape: task log (blind63)", "question shows blind63's shape acr_task_log", qadd("L1", TASKLOG_SNIPPET))
simple("old shape: feature file (blind63)", "question shows blind63's shape gherkin_feature", qadd("L3", GHERKIN_SNIPPET))
simple("old shape: tree listing (blind63)", "question shows blind63's shape dir_tree", qadd("L4", TREE_SNIPPET))
simple("old shape: pre-commit output (blind63)", "question shows blind63's shape precommit_hooks", qadd("L1", PRECOMMIT_SNIPPET))
simple("old shape: pre-commit status quoted inline (blind63)", "question shows blind63's shape precommit_hooks",
       qrep("S10", S10_TAIL, "`kv-sku-check.......Failed` " + S10_TAIL))
simple("old shape: a help header inside an MCP call (blind63)", "question shows blind63's shape cli_help_text",
       qrep("M4", "```json\n{", "```json\nCommand\n{"))
simple("old shape: a task log line inside a Resource Graph result (blind63)", "question shows blind63's shape acr_task_log",
       qrep("R1", "```json\n{", "```json\n2026/12/07 09:31:18 query finished\n{"))
simple("old shape: a Feature line inside a Dependabot body (blind63)", "question shows blind63's shape gherkin_feature",
       qrep("B1", "```text\nBumps", "```text\nFeature: provider upgrade\nBumps"))
simple("old shape: a tree line inside a private endpoint (blind63)", "question shows blind63's shape dir_tree",
       qrep("P4", "```json\n{", "```json\n\u2514\u2500\u2500 pe.json\n{"))
simple("old shape: a pre-commit status inside deployment outputs (blind63)", "question shows blind63's shape precommit_hooks",
       qrep("D1", "```json\n{", "```json\ncloud-lint..........Failed\n{"))
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
       qrep("X8", X8_TAIL, "(our `nocodb-check..........Failed` hook too) " + X8_TAIL))
simple("old shape: a lone hook id line in an off-topic question (blind63)", "question shows blind63's shape precommit_hooks",
       qadd("X6", "\n\n- hook id: shelf-cert"))
simple("old shape: a lone exit code line in an off-topic question (blind63)", "question shows blind63's shape precommit_hooks",
       qadd("X1", "\n\n- exit code: 1"))
simple("old shape: a lone skipped status line in an off-topic question (blind63)", "question shows blind63's shape precommit_hooks",
       qadd("X5", "\n\nmesh-lint....(no files to check)Skipped"))
# blind64's shapes
simple("old shape: footnotes (blind64)", "question shows blind64's shape md_footnotes", qadd("L4", FOOTNOTE_SNIPPET))
simple("old shape: role definition (blind64)", "question shows blind64's shape role_definition_json", qadd("L1", ROLE_SNIPPET))
simple("old shape: lock file (blind64)", "question shows blind64's shape tf_lock_file", qadd("L4", LOCK_SNIPPET))
simple("old shape: Document Details (blind64)", "question shows blind64's shape docs_feedback_block", qadd("L1", FEEDBACK_SNIPPET))
simple("old shape: OpenAPI excerpt (blind64)", "question shows blind64's shape openapi_schema", qadd("L3", OPENAPI_SNIPPET))
simple("old shape: role definition quoted inline (blind64)", "question shows blind64's shape role_definition_json",
       qrep("S10", S10_TAIL, '`{"Actions": [], "DataActions": ["Microsoft.KeyVault/vaults/keys/read"]}` ' + S10_TAIL))
simple("old shape: a footnote inside a Dependabot body (blind64)", "question shows blind64's shape md_footnotes",
       qrep("B3", "to 0.6.0.\n```", "to 0.6.0.[^1]\n```"))
simple("old shape: a lock hash inside a Resource Graph row (blind64)", "question shows blind64's shape tf_lock_file",
       qrep("R2", '      "name": "crhron",\n', '      "name": "crhron", "h1:Qm3vX8sTnK1bR4yEw9LpZc2dJf6=",\n'))
simple("old shape: a role-definition key inside a private endpoint (blind64)", "question shows blind64's shape role_definition_json",
       qrep("P1", '  "location": "germanywestcentral",\n', '  "location": "germanywestcentral",\n  "dataActions": [],\n'))
simple("old shape: a Document Details heading inside a Dependabot body (blind64)", "question shows blind64's shape docs_feedback_block",
       qrep("B4", "```text\nBumps", "```text\n# Document Details\nBumps"))
simple("old shape: a readOnly key inside deployment outputs (blind64)", "question shows blind64's shape openapi_schema",
       qrep("D2", '  "keyUri": {\n', '  "keyUri": {\n    "readOnly": true,\n'))
simple("old shape: footnotes in an off-topic question (blind64)", "question shows blind64's shape md_footnotes",
       qadd("X5", FOOTNOTE_SNIPPET))
simple("old shape: a lone footnote reference in an off-topic question (blind64)", "question shows blind64's shape md_footnotes",
       qrep("X6", "custom fonts", "custom fonts[^1]"))
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
    c.e("L4")["question"] += ("\n\n```yaml\n- name: check registry\n  env:\n    OSIER_TAG: ${{ github.sha }}\n"
                               "    OSIER_REG: ${{ vars.OSIER_REGISTRY }}\n```\n")
    qset("S6", S6_15)(c)
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
    if new == e["question"] or check69.OLD_DETECT["systemd_journal"](new):
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
    if new == e["question"] or check69.OLD_DETECT["dir_tree"](new):
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
    if new == e["question"] or check69.OLD_DETECT["docs_feedback_block"](new):
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

simple("old shape: ADR (blind65)", "question shows blind65's shape adr_record", qadd("L4", ADR_SNIPPET))
simple("old shape: Learn page copy (blind65)", "question shows blind65's shape learn_page_copy", qadd("L1", LEARN_SNIPPET))
simple("old shape: arrow notes (blind65)", "question shows blind65's shape arrow_annotations", qadd("L3", ARROW_SNIPPET))
simple("old shape: redacted paste (blind65)", "question shows blind65's shape redacted_paste", qadd("L4", REDACT_SNIPPET))
simple("old shape: service principal object (blind65)", "question shows blind65's shape graph_sp_object", qadd("L1", GRAPH_SNIPPET))
simple("old shape: a redaction marker quoted inline (blind65)", "question shows blind65's shape redacted_paste",
       qrep("S10", S10_TAIL, "`--identity <redacted>` " + S10_TAIL))
simple("old shape: a service principal key quoted inline (blind65)", "question shows blind65's shape graph_sp_object",
       qrep("G6", " Question:", ' (`{"appId": "x"}`) Question:'))
simple("old shape: an ADR heading inside a Dependabot body (blind65)", "question shows blind65's shape adr_record",
       qrep("B1", "```text\nBumps", "```text\n## Decision\nBumps"))
simple("old shape: a Copy line inside a Resource Graph result (blind65)", "question shows blind65's shape learn_page_copy",
       qrep("R3", "```json\n{", "```json\nCopy\n{"))
simple("old shape: an arrow note inside a Resource Graph row (blind65)", "question shows blind65's shape arrow_annotations",
       qrep("R4", '      "name": "crwarta",\n', '      "name": "crwarta",   <-- this one\n'))
simple("old shape: a redaction marker inside an MCP call (blind65)", "question shows blind65's shape redacted_paste",
       qrep("M2", '"vault_permission_model": "rbac",', '"vault_permission_model": "[REDACTED]",'))
simple("old shape: an appId key inside deployment outputs (blind65)", "question shows blind65's shape graph_sp_object",
       qrep("D4", '  "registryName": {\n', '  "registryName": {\n    "appId": "x",\n'))
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
       qrep("X10", "to octoprint?", "to octoprint (<redacted>)?"))
simple("old shape: a lone [REDACTED] in an off-topic question (blind65)", "question shows blind65's shape redacted_paste",
       qadd("X1", " The parent host is [REDACTED]."))
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
        if check69.OLD_DETECT["arrow_annotations"](e["question"]):
            new = re.sub(r"<(?:-{2,}|={2,})(?![\->=])", "#", e["question"])
            if new == e["question"] or check69.OLD_DETECT["arrow_annotations"](new):
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
simple("a blind65 shape planted in blind67 (Learn copy)", "detector learn_page_copy (blind65) finds 5 items of blind65 and 1 elsewhere",
       prev_edit(67, lambda d: d[20].__setitem__("question", d[20]["question"] + LEARN_SNIPPET)))


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

simple("old shape: service tag file (blind66)", "question shows blind66's shape service_tag_json", qadd("L4", ST_SNIPPET))
simple("old shape: change record (blind66)", "question shows blind66's shape resource_change_record", qadd("L1", RC_SNIPPET))
simple("old shape: hex dump (blind66)", "question shows blind66's shape hex_dump", qadd("L3", HX_SNIPPET))
simple("old shape: PAC file (blind66)", "question shows blind66's shape pac_file", qadd("L4", PAC_SNIPPET))
simple("old shape: labelled fences (blind66)", "question shows blind66's shape fence_file_labels", qadd("L1", FL_SNIPPET))
simple("old shape: a service tag key quoted inline (blind66)", "question shows blind66's shape service_tag_json",
       qrep("G6", " Question:", ' (`{"addressPrefixes": []}`) Question:'))
simple("old shape: a change record quoted inline (blind66)", "question shows blind66's shape resource_change_record",
       qrep("S10", S10_TAIL, '`{"newValue": "x"}` ' + S10_TAIL))
simple("old shape: a service tag key inside an MCP call (blind66)", "question shows blind66's shape service_tag_json",
       qrep("M3", '      "hours_since_new_version": "27",\n', '      "hours_since_new_version": "27",\n      "addressPrefixes": [],\n'))
simple("old shape: a change record key inside a private endpoint (blind66)", "question shows blind66's shape resource_change_record",
       qrep("P2", '  "name": "pe-crinn",\n', '  "name": "pe-crinn",\n  "previousValue": "pe-old",\n'))
simple("old shape: a dump line inside deployment outputs (blind66)", "question shows blind66's shape hex_dump",
       qrep("D3", "```json\n{", "```json\n00000000: 6372 7175 6172 747a 0d0a  crquartz..\n{"))
simple("old shape: a PAC call inside a Dependabot body (blind66)", "question shows blind66's shape pac_file",
       qrep("B2", "```text\nBumps", "```text\nProxy rule                shExpMatch(host, \"*.vault.azure.net\")\nBumps"))
simple("old shape: a file label on a Resource Graph fence (blind66)", "question shows blind66's shape fence_file_labels",
       qrep("R2", "```json\n{", "```json graph.json\n{"))
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
        if check69.OLD_DETECT["pac_file"](e["question"]):
            new = (e["question"].replace("FindProxyForURL", "pickRoute").replace("shExpMatch(", "matchHost(")
                   .replace("dnsDomainIs(", "inDomain(").replace("isInNet(", "inNet(")
                   .replace("isPlainHostName(", "plainHost(").replace("dnsResolve(", "resolveHost("))
            if new == e["question"] or check69.OLD_DETECT["pac_file"](new):
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
simple("a blind66 shape planted in blind67 (change record)", "detector resource_change_record (blind66) finds 5 items of blind66 and 1 elsewhere",
       prev_edit(67, lambda d: d[20].__setitem__("question", d[20]["question"] + RC_SNIPPET)))



# ---------------- blind67's shapes: rejected in the text, and their detectors checked on prev ----------------
RL_SNIPPET = '\n\n```json\n[{"location": "brazilsouth", "regionEndpointEnabled": true, "zoneRedundancy": "Disabled"}]\n```'
CP_SNIPPET = '\n\n```json\n{"name": "AzureGermanCloud", "suffixes": {"keyvaultDns": ".vault.microsoftazure.de"}}\n```'
CA_SNIPPET = ("\n\n```text\n[2026-01-05T02:00:01Z] Checking host name resolution (crold.azurecr.io): SUCCEEDED\n"
              "[2026-01-05T02:00:01Z] ACR location: westus\n"
              "[2026-01-05T02:00:02Z] Validating image pull permission: FAILED\n```")
AC_SNIPPET = '\n\n```json\n{"isDefault": true, "tenantId": "t-1", "user": {"name": "ops@example.org", "type": "user"}}\n```'
SL_SNIPPET = "\n\nSlide 1: Old plan\n- keep the old key\n\nSlide 2: New plan\n- move to the new key\n"

simple("old shape: replication list (blind67)", "question shows blind67's shape replication_list", qadd("L4", RL_SNIPPET))
simple("old shape: cloud profile (blind67)", "question shows blind67's shape cloud_profile", qadd("L1", CP_SNIPPET))
simple("old shape: check-acr report (blind67)", "question shows blind67's shape aks_check_acr", qadd("L3", CA_SNIPPET))
simple("old shape: account entry (blind67)", "question shows blind67's shape az_account_json", qadd("L2", AC_SNIPPET))
simple("old shape: slide outline (blind67)", "question shows blind67's shape slide_outline", qadd("L4", SL_SNIPPET))
simple("old shape: a replication list quoted inline (blind67)", "question shows blind67's shape replication_list",
       qrep("S10", S10_TAIL, '`[{"location": "uksouth", "regionEndpointEnabled": true}]` ' + S10_TAIL))
simple("old shape: a cloud profile quoted inline (blind67)", "question shows blind67's shape cloud_profile",
       qrep("G6", " Question:", ' (`{"name": "AzureCloud", "suffixes": {"mhsmDns": ".managedhsm.azure.net"}}`) Question:'))
simple("old shape: an account entry quoted inline (blind67)", "question shows blind67's shape az_account_json",
       qrep("M5", " Question:", ' (signed in as `{"isDefault": true, "user": {"name": "ops", "type": "user"}}`) Question:'))
simple("old shape: a replication key inside a Resource Graph row (blind67)", "question shows blind67's shape replication_list",
       qrep("R1", '      "name": "crsava",\n', '      "name": "crsava",\n      "regionEndpointEnabled": true,\n'))
simple("old shape: a cloud profile key inside an MCP call (blind67)", "question shows blind67's shape cloud_profile",
       qrep("M4", '"region": "westeurope"\n', '"region": "westeurope",\n      "mhsmDns": ".managedhsm.azure.net"\n'))
simple("old shape: a check-acr line inside a private endpoint (blind67)", "question shows blind67's shape aks_check_acr",
       qrep("P3", '  "name": "pe-hsm-labe",\n', '  "name": "pe-hsm-labe",\n  "note": "Validating image pull permission: SUCCEEDED",\n'))
simple("old shape: an account key inside deployment outputs (blind67)", "question shows blind67's shape az_account_json",
       qrep("D1", '  "identityClientId": {\n', '  "homeTenantId": "t-1",\n  "identityClientId": {\n'))
simple("old shape: a slide heading inside a Dependabot body (blind67)", "question shows blind67's shape slide_outline",
       qrep("B3", "```text\nBumps", "```text\nSlide 2: Upgrade\nBumps"))
simple("old shape: replication list in an off-topic question (blind67)", "question shows blind67's shape replication_list",
       qadd("X3", RL_SNIPPET))
for _piece, _x in (('"regionEndpointEnabled": true', "X1"), ('"displayStatus": "Ready"', "X2"),
                   ("Microsoft.ContainerRegistry/registries/replications", "X4")):
    simple("old shape: a lone replication piece (%s) in an off-topic question (blind67)" % _piece.strip('"').split('"')[0][:40],
           "question shows blind67's shape replication_list", qadd(_x, " (it lists %s)" % _piece))
simple("old shape: cloud profile in an off-topic question (blind67)", "question shows blind67's shape cloud_profile",
       qadd("X5", CP_SNIPPET))
for _key, _x in (("suffixes", "X1"), ("mhsmDns", "X2"), ("keyvaultDns", "X3"), ("acrLoginServerEndpoint", "X4"),
                 ("activeDirectoryResourceId", "X6")):
    simple("old shape: a lone %s key in an off-topic question (blind67)" % _key, "question shows blind67's shape cloud_profile",
           qadd(_x, ' (the profile holds "%s": "x")' % _key))
simple("old shape: check-acr report in an off-topic question (blind67)", "question shows blind67's shape aks_check_acr",
       qadd("X6", CA_SNIPPET))
for _line, _x in (("Checking host name resolution (mirror.example.org): SUCCEEDED", "X1"),
                  ("Validating image pull permission: FAILED", "X2"),
                  ("Canonical name for ACR (mirror.example.org): edge.example.org.", "X3"),
                  ("Kubelet managed identity client ID: 324a9a6e-174e-4f1e-8fb4-4b2c128d8cdc", "X4"),
                  ("Your cluster can pull images from mirror.example.org!", "X5")):
    simple("old shape: a lone check-acr line (%s) in an off-topic question (blind67)" % _line.split(" (")[0].split(":")[0],
           "question shows blind67's shape aks_check_acr", qadd(_x, "\n\n" + _line))
simple("old shape: account entry in an off-topic question (blind67)", "question shows blind67's shape az_account_json",
       qadd("X4", AC_SNIPPET))
for _key, _x in (("assignedIdentityInfo", "X1"), ("homeTenantId", "X2"), ("isDefault", "X3"), ("managedByTenants", "X5"),
                 ("environmentName", "X6")):
    simple("old shape: a lone %s key in an off-topic question (blind67)" % _key, "question shows blind67's shape az_account_json",
           qadd(_x, ' (the login shows "%s": "x")' % _key))
simple("old shape: slide outline in an off-topic question (blind67)", "question shows blind67's shape slide_outline",
       qadd("X2", SL_SNIPPET))
for _head, _x in (("Slide 3: Budget", "X1"), ("## Slide 2. Timeline", "X3"), ("**Slide 4:** Risks", "X4"),
                  ("slide 5) Questions", "X6")):
    simple("old shape: a lone slide heading (%s) in an off-topic question (blind67)" % _head,
           "question shows blind67's shape slide_outline", qadd(_x, "\n\n%s\n- to be filled in" % _head))


def _break_slides(d):
    # one blind67 slide_outline item loses every slide heading, so the detector loses that item
    for e in d:
        if check69.OLD_DETECT["slide_outline"](e["question"]):
            new = re.sub(r"(?im)^([ \t]*(?:#{1,6}[ \t]*)?(?:\*\*)?)slide([ \t]+\d)", r"\1Part\2", e["question"])
            if new == e["question"] or check69.OLD_DETECT["slide_outline"](new):
                raise AssertionError("setup: blind67 slides not broken")
            e["question"] = new
            return
    raise AssertionError("setup: no slide item in blind67")


simple("a blind67 shape planted in an older prev question (replication list)", "detector replication_list (blind67) finds 5 items of blind67 and 1 elsewhere",
       prev_edit(45, lambda d: d[2].__setitem__("question", d[2]["question"] + RL_SNIPPET)))
simple("a blind67 shape planted in blind22 (cloud profile)", "detector cloud_profile (blind67) finds 5 items of blind67 and 1 elsewhere",
       prev_edit(22, lambda d: d[5].__setitem__("question", d[5]["question"] + CP_SNIPPET)))
simple("a blind67 shape planted in blind59 (check-acr report)", "detector aks_check_acr (blind67) finds 5 items of blind67 and 1 elsewhere",
       prev_edit(59, lambda d: d[7].__setitem__("question", d[7]["question"] + CA_SNIPPET)))
simple("a blind67 shape planted in blind33 (account entry)", "detector az_account_json (blind67) finds 5 items of blind67 and 1 elsewhere",
       prev_edit(33, lambda d: d[9].__setitem__("question", d[9]["question"] + AC_SNIPPET)))
simple("a blind67 shape planted in blind50 (slide outline)", "detector slide_outline (blind67) finds 5 items of blind67 and 1 elsewhere",
       prev_edit(50, lambda d: d[11].__setitem__("question", d[11]["question"] + SL_SNIPPET)))
simple("a blind67 shape planted in blind66 (account entry)", "detector az_account_json (blind67) finds 5 items of blind67 and 1 elsewhere",
       prev_edit(66, lambda d: d[20].__setitem__("question", d[20]["question"] + AC_SNIPPET)))
simple("a blind67 shape planted in blind19 (check-acr report)", "detector aks_check_acr (blind67) finds 5 items of blind67 and 1 elsewhere",
       prev_edit(19, lambda d: d[0].__setitem__("question", d[0]["question"] + CA_SNIPPET)))
simple("a blind67 item losing its shape in prev (slide outline)", "detector slide_outline (blind67) finds 4 items of blind67",
       prev_edit(67, _break_slides))
simple("a blind67 shape planted in an off-topic blind67 item (cloud profile)", "detector cloud_profile (blind67) finds 6 items of blind67 and 0 elsewhere",
       prev_edit(67, lambda d: _first_offtopic(d).__setitem__("question", _first_offtopic(d)["question"] + CP_SNIPPET)))


# ---------------- blind68's shapes: rejected in the text, and their detectors checked on prev ----------------
NC_SNIPPET = '\n\n```json\n{"message": "The registry crold is already in use.", "nameAvailable": false, "reason": "AlreadyExists"}\n```'
TD_SNIPPET = ('\n\n```json\n[{"name": "v1", "changeableAttributes": {"readEnabled": true}, '
              '"lastUpdateTime": "2026-01-05T02:00:01Z"}]\n```')
XT_SNIPPET = "\n\n<context>\nold registry crold, key in kv-old\n</context>\n\n<ask>\nwhat should change first\n</ask>\n"
PR_SNIPPET = "\n\n```text\nBasics\nRegistry name             crold\nPricing plan              Premium\n\nEncryption\nCustomer-managed key      Enabled\n```"
KE_SNIPPET = ('\n\n```json\n{"eventType": "Microsoft.KeyVault.KeyNearExpiry", "subject": "kek-old", '
              '"data": {"VaultName": "kv-old", "ObjectName": "kek-old", "Version": "0a1b2c3d4e5f6a7b"}}\n```')

simple("old shape: name check result (blind68)", "question shows blind68's shape name_check_json", qadd("L4", NC_SNIPPET))
simple("old shape: tag list (blind68)", "question shows blind68's shape tag_detail_json", qadd("L1", TD_SNIPPET))
simple("old shape: XML-tagged prompt (blind68)", "question shows blind68's shape xml_prompt_tags", qadd("L3", XT_SNIPPET))
simple("old shape: review summary (blind68)", "question shows blind68's shape portal_review_summary", qadd("L2", PR_SNIPPET))
simple("old shape: Key Vault event (blind68)", "question shows blind68's shape keyvault_event_json", qadd("L4", KE_SNIPPET))
simple("old shape: a name check result quoted inline (blind68)", "question shows blind68's shape name_check_json",
       qrep("S10", S10_TAIL, '`{"nameAvailable": false, "reason": "AlreadyExists"}` ' + S10_TAIL))
simple("old shape: a tag record quoted inline (blind68)", "question shows blind68's shape tag_detail_json",
       qrep("G6", " Question:", ' (`{"name": "v1", "changeableAttributes": {"readEnabled": true}}`) Question:'))
simple("old shape: inline XML tags (blind68)", "question shows blind68's shape xml_prompt_tags",
       qrep("G6", " Question:", " <goal>pick a size</goal> <standard>crypto-v2</standard> Question:"))
simple("old shape: a Key Vault event quoted inline (blind68)", "question shows blind68's shape keyvault_event_json",
       qrep("S10", S10_TAIL, '`{"eventType": "Microsoft.KeyVault.KeyNewVersionCreated"}` ' + S10_TAIL))
simple("old shape: a name check key inside an MCP call (blind68)", "question shows blind68's shape name_check_json",
       qrep("M2", '"vault_permission_model": "rbac",', '"vault_permission_model": "rbac",\n      "nameAvailable": false,'))
simple("old shape: a tag record key inside a Resource Graph row (blind68)", "question shows blind68's shape tag_detail_json",
       qrep("R2", '      "name": "crhron",\n', '      "name": "crhron",\n      "lastUpdateTime": "2026-11-02T10:00:00Z",\n'))
simple("old shape: a tag pair inside a private endpoint (blind68)", "question shows blind68's shape xml_prompt_tags",
       qrep("P4", '  "name": "pe-kv-tisza",\n', '  "name": "pe-kv-tisza",\n  "note": "<owner>landing zone</owner>",\n'))
simple("old shape: a wizard heading inside a Dependabot body (blind68)", "question shows blind68's shape portal_review_summary",
       qrep("B4", "```text\nBumps", "```text\nEncryption\nBumps"))
simple("old shape: a Key Vault event type inside deployment outputs (blind68)", "question shows blind68's shape keyvault_event_json",
       qrep("D2", '  "keyUri": {\n', '  "eventType": "Microsoft.KeyVault.KeyNearExpiry",\n  "keyUri": {\n'))
simple("old shape: name check result in an off-topic question (blind68)", "question shows blind68's shape name_check_json",
       qadd("X3", NC_SNIPPET))
for _piece, _x in (('"nameAvailable": false', "X1"), ('"reason": "AlreadyExists"', "X2"), ('"reason": "Invalid"', "X4")):
    simple("old shape: a lone name check piece (%s) in an off-topic question (blind68)" % _piece,
           "question shows blind68's shape name_check_json", qadd(_x, " (the check printed %s)" % _piece))
simple("old shape: tag list in an off-topic question (blind68)", "question shows blind68's shape tag_detail_json",
       qadd("X5", TD_SNIPPET))
for _piece, _x in (('"changeableAttributes": {}', "X1"), ('"lastUpdateTime": "2026-01-05"', "X6")):
    simple("old shape: a lone tag record piece (%s) in an off-topic question (blind68)" % _piece.split('"')[1],
           "question shows blind68's shape tag_detail_json", qadd(_x, " (the listing shows %s)" % _piece))
simple("old shape: XML-tagged prompt in an off-topic question (blind68)", "question shows blind68's shape xml_prompt_tags",
       qadd("X6", XT_SNIPPET))
simple("old shape: a lone inline tag pair in an off-topic question (blind68)", "question shows blind68's shape xml_prompt_tags",
       qadd("X2", " <note>the contractor still has a laptop</note>"))
simple("old shape: a lone tag pair on lines of its own in an off-topic question (blind68)", "question shows blind68's shape xml_prompt_tags",
       qadd("X4", "\n\n<logs>\nnothing useful\n</logs>"))
simple("old shape: review summary in an off-topic question (blind68)", "question shows blind68's shape portal_review_summary",
       qadd("X1", PR_SNIPPET))
for _head, _x in (("Basics", "X2"), ("Access configuration", "X3"), ("Networking", "X4"), ("Encryption", "X5"),
                  ("Advanced", "X6"), ("Tags", "X1")):
    simple("old shape: a lone wizard heading (%s) in an off-topic question (blind68)" % _head,
           "question shows blind68's shape portal_review_summary", qadd(_x, "\n\n%s\nto be filled in" % _head))
simple("old shape: Key Vault event in an off-topic question (blind68)", "question shows blind68's shape keyvault_event_json",
       qadd("X2", KE_SNIPPET))
for _piece, _x in (("Microsoft.KeyVault.KeyNearExpiry", "X1"), ("Microsoft.KeyVault.VaultAccessPolicyChanged", "X3"),
                   ('"VaultName": "kv-old"', "X4"), ('"ObjectType": "Key"', "X5"), ('"ObjectName": "kek-old"', "X6")):
    simple("old shape: a lone Key Vault event piece (%s) in an off-topic question (blind68)" % _piece.strip('"').split('"')[0],
           "question shows blind68's shape keyvault_event_json", qadd(_x, " (the hook got %s)" % _piece))


def _break_summaries(d):
    # one blind68 portal_review_summary item loses its wizard heading lines (each becomes "<heading>:"), so the
    # detector loses that item
    for e in d:
        if check69.OLD_DETECT["portal_review_summary"](e["question"]):
            new = re.sub(r"(?m)^([ \t]*(?:Basics|Access configuration|Networking|Encryption|Advanced|Tags))[ \t]*$", r"\1:",
                         e["question"])
            if new == e["question"] or check69.OLD_DETECT["portal_review_summary"](new):
                raise AssertionError("setup: blind68 summary not broken")
            e["question"] = new
            return
    raise AssertionError("setup: no summary item in blind68")


simple("a blind68 shape planted in an older prev question (name check result)", "detector name_check_json (blind68) finds 5 items of blind68 and 1 elsewhere",
       prev_edit(45, lambda d: d[2].__setitem__("question", d[2]["question"] + NC_SNIPPET)))
simple("a blind68 shape planted in blind22 (tag list)", "detector tag_detail_json (blind68) finds 5 items of blind68 and 1 elsewhere",
       prev_edit(22, lambda d: d[5].__setitem__("question", d[5]["question"] + TD_SNIPPET)))
simple("a blind68 shape planted in blind59 (XML-tagged prompt)", "detector xml_prompt_tags (blind68) finds 5 items of blind68 and 1 elsewhere",
       prev_edit(59, lambda d: d[7].__setitem__("question", d[7]["question"] + XT_SNIPPET)))
simple("a blind68 shape planted in blind33 (review summary)", "detector portal_review_summary (blind68) finds 5 items of blind68 and 1 elsewhere",
       prev_edit(33, lambda d: d[9].__setitem__("question", d[9]["question"] + PR_SNIPPET)))
simple("a blind68 shape planted in blind50 (Key Vault event)", "detector keyvault_event_json (blind68) finds 5 items of blind68 and 1 elsewhere",
       prev_edit(50, lambda d: d[11].__setitem__("question", d[11]["question"] + KE_SNIPPET)))
simple("a blind68 shape planted in blind67 (XML-tagged prompt)", "detector xml_prompt_tags (blind68) finds 5 items of blind68 and 1 elsewhere",
       prev_edit(67, lambda d: d[20].__setitem__("question", d[20]["question"] + XT_SNIPPET)))
simple("a blind68 shape planted in blind19 (Key Vault event)", "detector keyvault_event_json (blind68) finds 5 items of blind68 and 1 elsewhere",
       prev_edit(19, lambda d: d[0].__setitem__("question", d[0]["question"] + KE_SNIPPET)))
simple("a blind68 item losing its shape in prev (review summary)", "detector portal_review_summary (blind68) finds 4 items of blind68",
       prev_edit(68, _break_summaries))
simple("a blind68 shape planted in an off-topic blind68 item (name check result)", "detector name_check_json (blind68) finds 6 items of blind68 and 0 elsewhere",
       prev_edit(68, lambda d: _first_offtopic(d).__setitem__("question", _first_offtopic(d)["question"] + NC_SNIPPET)))
simple("a blind68 shape planted in an off-topic blind68 item (tag list)", "detector tag_detail_json (blind68) finds 6 items of blind68 and 0 elsewhere",
       prev_edit(68, lambda d: _first_offtopic(d).__setitem__("question", _first_offtopic(d)["question"] + TD_SNIPPET)))

# ---------------- this set's shapes (for the novelty test on prev and for unflagged use) ----------------
MC_SNIPPET = ('\n\n```json\n{"jsonrpc": "2.0", "id": 1, "method": "tools/call", '
              '"params": {"name": "ask", "arguments": {"registry": "crold"}}}\n```')
RG_SNIPPET = '\n\n```json\n{"count": 1, "data": [{"name": "crold", "cmk": "enabled"}], "skip_token": null, "total_records": 1}\n```'
PE_SNIPPET = ('\n\n```json\n{"name": "pe-old", "privateLinkServiceConnections": [{"groupIds": ["vault"], '
              '"privateLinkServiceId": "/subscriptions/x/resourceGroups/rg-old/providers/Microsoft.KeyVault/vaults/kv-old"}]}\n```')
DO_SNIPPET = '\n\n```json\n{"keyUri": {"type": "String", "value": "https://kv-old.vault.azure.net/keys/kek-old"}}\n```'
DB_SNIPPET = "\n\n```text\nBumps [hashicorp/azurerm](https://github.com/hashicorp/terraform-provider-azurerm) from 4.1.0 to 4.2.0.\n```"

simple("a new shape already in an earlier question (MCP call)", "new shape mcp_tool_call already occurs in blind19-68",
       prev_edit(45, lambda d: d[2].__setitem__("question", d[2]["question"] + MC_SNIPPET)))
simple("a new shape already in an earlier question (Resource Graph result)", "new shape resource_graph_result already occurs in blind19-68",
       prev_edit(22, lambda d: d[5].__setitem__("question", d[5]["question"] + RG_SNIPPET)))
simple("a new shape already in an earlier question (private endpoint)", "new shape private_endpoint_json already occurs in blind19-68",
       prev_edit(59, lambda d: d[7].__setitem__("question", d[7]["question"] + PE_SNIPPET)))
simple("a new shape already in an earlier question (deployment outputs)", "new shape deployment_outputs_json already occurs in blind19-68",
       prev_edit(33, lambda d: d[9].__setitem__("question", d[9]["question"] + DO_SNIPPET)))
simple("a new shape already in an earlier question (Dependabot body)", "new shape dependabot_pr_body already occurs in blind19-68",
       prev_edit(50, lambda d: d[11].__setitem__("question", d[11]["question"] + DB_SNIPPET)))
simple("a new shape already in the last earlier set (blind68, MCP call)", "new shape mcp_tool_call already occurs in blind19-68",
       prev_edit(68, lambda d: d[20].__setitem__("question", d[20]["question"] + MC_SNIPPET)))
simple("a new shape already in blind68 (deployment outputs)", "new shape deployment_outputs_json already occurs in blind19-68",
       prev_edit(68, lambda d: d[3].__setitem__("question", d[3]["question"] + DO_SNIPPET)))
simple("a new shape already in blind19 (first of the range, private endpoint)", "new shape private_endpoint_json already occurs in blind19-68",
       prev_edit(19, lambda d: d[0].__setitem__("question", d[0]["question"] + PE_SNIPPET)))
simple("a new shape already in an off-topic blind68 question (Resource Graph result)", "new shape resource_graph_result already occurs in blind19-68",
       prev_edit(68, lambda d: _first_offtopic(d).__setitem__("question", _first_offtopic(d)["question"] + RG_SNIPPET)))
simple("a new shape already in an off-topic blind68 question (Dependabot body)", "new shape dependabot_pr_body already occurs in blind19-68",
       prev_edit(68, lambda d: _first_offtopic(d).__setitem__("question", _first_offtopic(d)["question"] + DB_SNIPPET)))


# ---------------- new shapes: a shape in the text needs its flag ----------------
simple("unflagged MCP call", "question shows the shape mcp_tool_call without its flag", mdel("M1", "mcp_tool_call"))
simple("unflagged inline MCP call", "question shows the shape mcp_tool_call without its flag", mdel("M5", "mcp_tool_call"))
simple("unflagged Resource Graph result", "question shows the shape resource_graph_result without its flag", mdel("R1", "resource_graph_result"))
simple("unflagged inline Resource Graph result", "question shows the shape resource_graph_result without its flag", mdel("R5", "resource_graph_result"))
simple("unflagged private endpoint", "question shows the shape private_endpoint_json without its flag", mdel("P2", "private_endpoint_json"))
simple("unflagged inline private endpoint", "question shows the shape private_endpoint_json without its flag", mdel("P5", "private_endpoint_json"))
simple("unflagged deployment outputs", "question shows the shape deployment_outputs_json without its flag", mdel("D4", "deployment_outputs_json"))
simple("unflagged inline deployment outputs", "question shows the shape deployment_outputs_json without its flag", mdel("D5", "deployment_outputs_json"))
simple("unflagged Dependabot body", "question shows the shape dependabot_pr_body without its flag", mdel("B2", "dependabot_pr_body"))
simple("unflagged inline Dependabot bump", "question shows the shape dependabot_pr_body without its flag", mdel("B5", "dependabot_pr_body"))
simple("MCP call in an off-topic question", "question shows the shape mcp_tool_call without its flag", qadd("X3", MC_SNIPPET))
for _piece, _x in (('"jsonrpc": "2.0"', "X1"), ('"method": "tools/call"', "X2")):
    simple("a lone MCP piece (%s) in an off-topic question" % _piece, "question shows the shape mcp_tool_call without its flag",
           qadd(_x, " (the agent sent %s)" % _piece))
simple("Resource Graph result in an off-topic question", "question shows the shape resource_graph_result without its flag",
       qadd("X4", RG_SNIPPET))
for _piece, _x in (('"skip_token": null', "X5"), ('"total_records": 2', "X6")):
    simple("a lone Resource Graph piece (%s) in an off-topic question" % _piece.split('"')[1],
           "question shows the shape resource_graph_result without its flag", qadd(_x, " (the query returned %s)" % _piece))
simple("private endpoint in an off-topic question", "question shows the shape private_endpoint_json without its flag",
       qadd("X5", PE_SNIPPET))
for _piece, _x in (('"privateLinkServiceConnections": []', "X1"), ('"manualPrivateLinkServiceConnections": []', "X2"),
                   ('"groupIds": ["sites"]', "X3"), ('"privateLinkServiceConnectionState": {"status": "Pending"}', "X4")):
    simple("a lone private endpoint piece (%s) in an off-topic question" % _piece.split('"')[1],
           "question shows the shape private_endpoint_json without its flag", qadd(_x, " (the endpoint shows %s)" % _piece))
simple("deployment outputs in an off-topic question", "question shows the shape deployment_outputs_json without its flag",
       qadd("X6", DO_SNIPPET))
for _piece, _x in (('"type": "String"', "X1"), ('"type": "SecureString"', "X2"), ('"type": "Bool"', "X3"), ('"type": "Int"', "X4"),
                   ('"type": "Object"', "X5"), ('"type": "Array"', "X6"), ('"type": "SecureObject"', "X1")):
    simple("a lone deployment output type (%s) in an off-topic question" % _piece.split('"')[3],
           "question shows the shape deployment_outputs_json without its flag", qadd(_x, " (the output says %s)" % _piece))
simple("Dependabot body in an off-topic question", "question shows the shape dependabot_pr_body without its flag",
       qadd("X2", DB_SNIPPET))
for _piece, _x in (("Bumps [penpot/penpot](https://github.com/penpot/penpot) from 2.1.0 to 2.2.0", "X6"),
                   ("Dependabot will resolve any conflicts with this PR", "X1"), ("@dependabot rebase", "X3"),
                   ("@dependabot ignore this major version", "X4")):
    simple("a lone Dependabot piece (%s) in an off-topic question" % _piece[:20],
           "question shows the shape dependabot_pr_body without its flag", qadd(_x, " (the PR says: %s)" % _piece))


# ---------------- mcp_tool_call ----------------
simple("MCP: fence that is not JSON", "mcp_tool_call needs a fence with a tools/call request",
       qrep("M1", '"id": 41,', '"id": 41'))
simple("MCP: not JSON-RPC 2.0", "mcp_tool_call needs a fence with a tools/call request",
       qrep("M2", '"jsonrpc": "2.0",', '"jsonrpc": "1.0",'))
simple("MCP: a method other than tools/call", "mcp_tool_call needs a fence with a tools/call request",
       qrep("M3", '"method": "tools/call",', '"method": "tools/list",'))
simple("MCP: no arguments object", "mcp_tool_call needs a fence with a tools/call request",
       qrep("M4", '"arguments": {', '"args": {'))
simple("MCP: no tool name", "mcp_tool_call needs a fence with a tools/call request",
       qrep("M2", '"name": "plan_registry_change",', '"tool": "plan_registry_change",'))
simple("MCP: arguments without a string value", "mcp_tool_call needs the tools/call request quoted inline",
       qrep("M5", '"arguments":{"key_store":"hsm-elbe-01","step":"az keyvault key create"}', '"arguments":{"retries":3}'))
simple("MCP: call outside a fence", "mcp_tool_call needs a fence with a tools/call request", unfence("M2"))
simple("MCP: agent item with the call not quoted inline", "mcp_tool_call needs the tools/call request quoted inline",
       lambda c: c.e("M5").__setitem__("question", c.e("M5")["question"].replace("`", "")))
simple("MCP: short item without an inline call", "mcp_tool_call needs the tools/call request quoted inline",
       mset("S10", "mcp_tool_call", True))
simple("MCP: truth names no argument value", "mcp_tool_call truth names no value passed in the call's arguments",
       tset("M2", "Turn on the system-assigned identity, grant it the vault role, rotate-key to '[system]', check az acr encryption show, and only then delete the old user-assigned identity."))
simple("MCP: a value that was not passed does not count", "mcp_tool_call truth names no value passed in the call's arguments",
       tset("M4", "Not documented: zone redundancy is not mentioned by the CMK articles, so test crodra2 in a sandbox or ask support."))
simple("MCP: a value in another case does not count", "mcp_tool_call truth names no value passed in the call's arguments",
       trep_all("M3", "crrhone", "CRRHONE"))
simple("MCP: a key URI passed as an argument counts", "short question has 15 words", only=True,
       fn=chain(tset("M4", "Not documented: nothing in the CMK articles covers zone redundancy for a registry keyed with https://kv-odra-cmk.vault.azure.net/keys/kek-odra; test it or ask Azure support."),
                qset("S6", S6_15)))
simple("MCP: an inline fragment that starts with a quoted name counts", "short question has 15 words", only=True,
       fn=chain(qrep("M5", '`{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"ask_registry_docs","arguments":{"key_store":"hsm-elbe-01","step":"az keyvault key create"}}}`',
                     '`"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"ask_registry_docs","arguments":{"key_store":"hsm-elbe-01","step":"az keyvault key create"}}`'),
                qset("S6", S6_15)))
simple("MCP: a batch of calls counts", "short question has 15 words", only=True,
       fn=chain(qrep("M4", "```json\n{", "```json\n[{"), qrep("M4", "  }\n}\n```", "  }\n}]\n```"), qset("S6", S6_15)))
simple("MCP: truth keeps request JSON", "mcp_tool_call truth still holds JSON-RPC request keys",
       tadd("M1", ' (it sent "jsonrpc": "2.0")'))


@mut("MCP calls used 4 times", "shape mcp_tool_call used 4 times, want exactly 5")
def _(c):
    mdel("M4", "mcp_tool_call")(c)
    e = c.e("M4")
    e["question"] = re.sub(r"```json\n.*?```", "(the request named crodra, Premium, zone redundancy on)", e["question"], flags=re.S)


simple("MCP calls used 6 times", "shape mcp_tool_call used 6 times, want exactly 5", mset("L4", "mcp_tool_call", True))

# ---------------- resource_graph_result ----------------
simple("graph: fence that is not JSON", "resource_graph_result needs a fence with a Resource Graph result",
       qrep("R1", '"count": 3,', '"count": 3'))
simple("graph: no data list", "resource_graph_result needs a fence with a Resource Graph result",
       qrep("R2", '"data": [', '"rows": ['))
simple("graph: neither count nor total_records", "resource_graph_result needs a fence with a Resource Graph result",
       chain(qrep("R3", '"count": 3,', '"n": 3,'), qrep("R3", '"total_records": 3', '"records": 3')))
simple("graph: rows without a name", "resource_graph_result needs a fence with a Resource Graph result",
       qsub("R4", r'"name": "cr', '"registry": "cr'))
simple("graph: result outside a fence", "resource_graph_result needs a fence with a Resource Graph result", unfence("R1"))
simple("graph: agent item with the result not quoted inline", "resource_graph_result needs the Resource Graph result quoted inline",
       lambda c: c.e("R5").__setitem__("question", c.e("R5")["question"].replace("`", "")))
simple("graph: short item without an inline result", "resource_graph_result needs the Resource Graph result quoted inline",
       mset("S10", "resource_graph_result", True))
simple("graph: truth names no pasted row", "resource_graph_result truth names no pasted row",
       tset("R1", "Neither can be switched: create new Premium registries with the key, import the images with az acr import and move clients to the new login servers."))
simple("graph: a registry that was not pasted does not count", "resource_graph_result truth names no pasted row",
       tset("R2", "Only crodra follows new versions by itself; the pinned registries need az acr encryption rotate-key."))
simple("graph: a row name in another case does not count", "resource_graph_result truth names no pasted row",
       chain(trep_all("R3", "crhavel", "CRHAVEL"), trep_all("R3", "crelbe", "CRELBE"), trep_all("R3", "crsaale", "CRSAALE")))
simple("graph: total_records without count counts", "short question has 15 words", only=True,
       fn=chain(qrep("R1", '  "count": 3,\n', ""), qset("S6", S6_15)))
simple("graph: an inline fragment that starts with a quoted name counts", "short question has 15 words", only=True,
       fn=chain(qrep("R5", '`{"count":1,"data":[{"name":"crnemunas","sku":"Premium","cmk":"disabled"}],"skip_token":null,"total_records":1}`',
                     '`"count":1,"data":[{"name":"crnemunas","sku":"Premium","cmk":"disabled"}],"skip_token":null,"total_records":1`'),
                qset("S6", S6_15)))
simple("graph: truth keeps result JSON", "resource_graph_result truth still holds result JSON",
       tadd("R4", ' (its "total_records": 3)'))


@mut("Resource Graph results used 4 times", "shape resource_graph_result used 4 times, want exactly 5")
def _(c):
    mdel("R2", "resource_graph_result")(c)
    e = c.e("R2")
    e["question"] = re.sub(r"```json\n.*?```", "(crvltava and crhron versionless, crmorava and crjizera pinned)", e["question"], flags=re.S)


simple("Resource Graph results used 6 times", "shape resource_graph_result used 6 times, want exactly 5",
       mset("L4", "resource_graph_result", True))

# ---------------- private_endpoint_json ----------------
simple("endpoint: fence that is not JSON", "private_endpoint_json needs a fence with a private endpoint",
       qrep("P1", '"name": "pe-kv-mosel",', '"name": "pe-kv-mosel"'))
simple("endpoint: no connection list", "private_endpoint_json needs a fence with a private endpoint",
       qrep("P2", '"privateLinkServiceConnections": [', '"connections": ['))
simple("endpoint: a connection without groupIds", "private_endpoint_json needs a fence with a private endpoint",
       qrep("P3", '"groupIds": [', '"groups": ['))
simple("endpoint: a connection without privateLinkServiceId", "private_endpoint_json needs a fence with a private endpoint",
       qrep("P4", '"privateLinkServiceId":', '"serviceId":'))
simple("endpoint: endpoint outside a fence", "private_endpoint_json needs a fence with a private endpoint", unfence("P2"))
simple("endpoint: agent item with the endpoint not quoted inline", "private_endpoint_json needs the private endpoint quoted inline",
       lambda c: c.e("P5").__setitem__("question", c.e("P5")["question"].replace("`", "")))
simple("endpoint: short item without an inline endpoint", "private_endpoint_json needs the private endpoint quoted inline",
       mset("S10", "private_endpoint_json", True))
simple("endpoint: truth names neither endpoint nor resource", "private_endpoint_json truth names neither a pasted endpoint nor the resource behind it",
       tset("P1", "Allow trusted Azure services through the vault firewall, then re-apply the registry's identity and key with az acr encryption rotate-key; open a support case if the 403 stays."))
simple("endpoint: a resource that was not pasted does not count", "private_endpoint_json truth names neither a pasted endpoint nor the resource behind it",
       tset("P4", "Create the key in kv-danube first from an allowed network, grant the identity, allow trusted services, then create crtisza."))
simple("endpoint: a resource counts in any case", "short question has 15 words", only=True,
       fn=chain(trep_all("P2", "crinn", "CRINN"), qset("S6", S6_15)))
simple("endpoint: the endpoint's own name counts", "short question has 15 words", only=True,
       fn=chain(tset("P3", "Because pe-hsm-labe is the only way into the Managed HSM and the key list comes from your browser: use Enter key URI with the key ID read inside the VNet."),
                qset("S6", S6_15)))
simple("endpoint: connection fields under properties count", "short question has 15 words", only=True,
       fn=chain(qrep("P4", '      "name": "kv-tisza-pe",\n', '      "name": "kv-tisza-pe",\n      "properties": {\n'),
                qrep("P4", '        "status": "Approved"\n      }\n    }\n', '        "status": "Approved"\n      }\n      }\n    }\n'),
                qset("S6", S6_15)))
simple("endpoint: truth keeps endpoint JSON", "private_endpoint_json truth still holds private endpoint JSON",
       tadd("P1", ' (its "groupIds": ["vault"])'))


@mut("private endpoints used 4 times", "shape private_endpoint_json used 4 times, want exactly 5")
def _(c):
    mdel("P4", "private_endpoint_json")(c)
    e = c.e("P4")
    e["question"] = re.sub(r"```json\n.*?```", "(an approved endpoint pe-kv-tisza in front of kv-tisza)", e["question"], flags=re.S)


simple("private endpoints used 6 times", "shape private_endpoint_json used 6 times, want exactly 5",
       mset("L4", "private_endpoint_json", True))

# ---------------- deployment_outputs_json ----------------
simple("outputs: fence that is not JSON", "deployment_outputs_json needs a fence with deployment outputs",
       qrep("D1", '"type": "String",\n    "value": "95db221a', '"type": "String"\n    "value": "95db221a'))
simple("outputs: a type outside the ARM output types", "deployment_outputs_json needs a fence with deployment outputs",
       qrep("D4", '"type": "String"', '"type": "Text"', 3))
simple("outputs: outputs without a value key", "deployment_outputs_json needs a fence with deployment outputs",
       qrep("D2", '"value":', '"val":', 3))
simple("outputs: outputs outside a fence", "deployment_outputs_json needs a fence with deployment outputs", unfence("D1"))
simple("outputs: agent item with the outputs not quoted inline", "deployment_outputs_json needs the deployment outputs quoted inline",
       lambda c: c.e("D5").__setitem__("question", c.e("D5")["question"].replace("`", "")))
simple("outputs: short item without inline outputs", "deployment_outputs_json needs the deployment outputs quoted inline",
       mset("S10", "deployment_outputs_json", True))
simple("outputs: truth names no pasted output", "deployment_outputs_json truth names no pasted output",
       tset("D2", "Point keyIdentifier at the versionless key URI so the registry follows new versions within an hour; redeploying changes the key of the existing CMK registry."))
simple("outputs: an output that was not pasted does not count", "deployment_outputs_json truth names no pasted output",
       tset("D3", "The key URI must point at a key: take keyUri from the module rather than the bare host of the Managed HSM."))
simple("outputs: an output name in another case does not count", "deployment_outputs_json truth names no pasted output",
       trep_all("D4", "encryptionStatus", "EncryptionStatus"))
simple("outputs: an inline fragment that starts with a quoted name counts", "short question has 15 words", only=True,
       fn=chain(qrep("D5", '`{"identityPrincipalId"', '`"identityPrincipalId"'),
                qrep("D5", '"value":true}}`', '"value":true}`'), qset("S6", S6_15)))
simple("outputs: truth keeps an output value key", "deployment_outputs_json truth still holds an output entry",
       tadd("D1", ' ("value": "95db221a-ca9f-4316-a71c-ae496b96b952")'))
simple("outputs: truth keeps an output type pair", "deployment_outputs_json truth still holds an output entry",
       tadd("D3", ' (hsmUri has "type": "String")'))


@mut("deployment outputs used 4 times", "shape deployment_outputs_json used 4 times, want exactly 5")
def _(c):
    mdel("D4", "deployment_outputs_json")(c)
    e = c.e("D4")
    e["question"] = re.sub(r"```json\n.*?```", "(encryptionStatus was disabled, skuName Premium)", e["question"], flags=re.S)


simple("deployment outputs used 6 times", "shape deployment_outputs_json used 6 times, want exactly 5",
       mset("L4", "deployment_outputs_json", True))

# ---------------- dependabot_pr_body ----------------
simple("Dependabot: bump line outside a fence", "dependabot_pr_body needs a fence with a Dependabot bump line", unfence("B2"))
simple("Dependabot: bump line without its link", "dependabot_pr_body needs a fence with a Dependabot bump line",
       qrep("B3", "Bumps [Azure/avm-res-containerregistry-registry/azurerm](https://github.com/Azure/terraform-azurerm-avm-res-containerregistry-registry) from",
            "Bumps Azure/avm-res-containerregistry-registry/azurerm from"))
simple("Dependabot: bump line without from and to", "dependabot_pr_body needs a fence with a Dependabot bump line",
       qrep("B4", "from 4.61.0 to 4.66.0.", "to the latest release."))
simple("Dependabot: agent item with the bump not quoted inline", "dependabot_pr_body needs the Dependabot bump line quoted inline",
       lambda c: c.e("B5").__setitem__("question", c.e("B5")["question"].replace("`", "")))
simple("Dependabot: short item without an inline bump", "dependabot_pr_body needs the Dependabot bump line quoted inline",
       mset("S10", "dependabot_pr_body", True))
simple("Dependabot: truth does not name the target version", "dependabot_pr_body truth does not name the target version of a pasted bump",
       tset("B1", "Delete the line: azurerm 4.x removed encryption.enabled, the block's presence keeps crnysa encrypted, and CMK cannot be turned off anyway."))
simple("Dependabot: a version that was not pasted does not count", "dependabot_pr_body truth does not name the target version of a pasted bump",
       tset("B2", "No: from 5.0.1 a missing encryption block plans disabling encryption, which ACR does not allow; keep the block for crpilica."))
simple("Dependabot: the from version does not count", "dependabot_pr_body truth does not name the target version of a pasted bump",
       tset("B3", "Because after 0.5.1 the module passes versionless_id unless key_version is set, so crbrda moves to automatic rotation; init needs azurerm 4.81.0 or later."))
simple("Dependabot: a markdown fence around the bump counts", "short question has 15 words", only=True,
       fn=chain(qrep("B2", "```text\nBumps", "```markdown\nBumps"), qset("S6", S6_15)))
simple("Dependabot: truth keeps a bump line", "dependabot_pr_body truth still holds a bump line or Dependabot command",
       tadd("B4", " (Bumps [hashicorp/azurerm](https://x.example) from a to b.)"))
simple("Dependabot: truth keeps a Dependabot command", "dependabot_pr_body truth still holds a bump line or Dependabot command",
       tadd("B1", " Comment @dependabot rebase afterwards."))


@mut("Dependabot bodies used 4 times", "shape dependabot_pr_body used 4 times, want exactly 5")
def _(c):
    mdel("B3", "dependabot_pr_body")(c)
    e = c.e("B3")
    e["question"] = re.sub(r"```text\n.*?```", "(the module bump from 0.5.1 to 0.6.0)", e["question"], flags=re.S)


simple("Dependabot bodies used 6 times", "shape dependabot_pr_body used 6 times, want exactly 5",
       mset("L4", "dependabot_pr_body", True))
simple("two new shapes on one item", "more than one new shape on one item", mset("M1", "resource_graph_result", True))

# ---------------- two_facts ----------------
simple("two_facts floor", "floor: shape two_facts 3 < 4",
       chain(*[f for k in ("M1", "L3") for f in
               (mdel(k, "two_facts"), (lambda c, k=k: c.e(k)["canonical"].pop()),
                (lambda c, k=k: c.e(k)["answer_facts"].pop()))]))


def run_check(d):
    env = dict(os.environ, BLIND69_DIR=d, BLIND69_KROOT=os.path.join(d, "k"), BLIND69_FACTS=os.path.join(d, "facts"),
               PYTHONDONTWRITEBYTECODE="1")
    p = subprocess.run([sys.executable, os.path.join(HERE, "check69.py")], env=env, capture_output=True, text=True)
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
        shutil.copy(os.path.join(HERE, "build69.py"), d)
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



