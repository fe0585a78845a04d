"""blind70 mutation driver. Each mutation runs on a fresh temp copy (inside blind70/) of the set, prev/, the
blind69 and blind68 first-canonical lists, the knowledge and the fact sheets; it counts as caught only when check70.py
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
KROOT = os.environ.get("BLIND70_KROOT", "/work/scratch/blind70/kstripped")
FACTS = os.environ.get("BLIND70_FACTS", "/work/shared/facts")
sys.path.insert(0, HERE)
import build70  # noqa: E402
import check70  # noqa: E402
import kparse  # noqa: E402

SET = "blind70"
FILES = (SET + ".json", SET + "-meta.json", SET + "-first-canonicals.txt")
_entries, _meta = build70.build()
_byq = {q["question"]: q["key"] for q in build70.QUESTIONS}
ID = {_byq[e["question"]]: e["id"] for e in _entries}
SCENARIO_SECTION = next("acr-cmk/" + k if not k.startswith("acr-cmk/") else k
                        for k in kparse.parse_all(KROOT) if "scenarios/" in k)
P = build70.ID_PREFIX
LISTS = tuple("blind%d-first-canonicals.txt" % n for n in check70.SPREAD_SETS)
A_SET, B_SET = check70.SPREAD_SETS
PREV_LABEL = check70.PREV_LABEL


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
            for n in check70.SPREAD_SETS:
                fp = os.path.join(self.d, "blind%d-first-canonicals.txt" % n)
                firsts[n] = {x.strip() for x in open(fp, encoding="utf-8") if x.strip()} if os.path.exists(fp) else set()
            self.m["_set"] = check70.set_summary(self.j, self.m, firsts)
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
# the set's prefix is "ah"; every single letter (the prefixes of blind19-62), blind63's "aa", blind64's "ab", blind65's
# "ac", blind66's "ad", blind67's "ae", blind68's "af", blind69's "ag", other two-letter prefixes, an upper-case "AH"
# and a longer "ahh" are rejected
for pfx in tuple("abcdefghijklmnopqrstuvwxyz") + ("aa", "ab", "ac", "ad", "ae", "af", "ag", "ai", "ha", "AH", "ahh"):
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
simple("rebuild: json truth edited", "rebuild differs from blind70.json",
       lambda c: c.j[0].__setitem__("truth", c.j[0]["truth"] + " Extra."), True)
simple("rebuild: meta edited", "rebuild differs from blind70-meta.json",
       lambda c: c.m[P + "001"].__setitem__("qual", "none" if c.m[P + "001"]["qual"] != "none" else "asked"), True)


@mut("rebuild: same content, other JSON layout (byte compare)", "rebuild differs from blind70.json", True)
def _(c):
    # content unchanged, only the serialisation differs: caught by the byte comparison alone
    def save():
        with open(os.path.join(c.d, FILES[0]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(c.j, indent=2, ensure_ascii=False) + "\n")
        with open(os.path.join(c.d, FILES[1]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(c.m, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    c.save = save


@mut("rebuild: a GUID in a pasted audit record changed (byte compare)", "rebuild differs from blind70.json", True)
def _(c):
    # still a complete audit record whose operation the truth names, but no longer what build70.py writes
    c.q_rep("K1", "/SUBSCRIPTIONS/9058DAD3-9824-4660-B58F-798ED23A363D/RESOURCEGROUPS/RG-SANDOR",
            "/SUBSCRIPTIONS/9058DAD3-9824-4660-B58F-798ED23A363E/RESOURCEGROUPS/RG-SANDOR")


@mut("rebuild: first-canonical list edited", "rebuild differs from blind70-first-canonicals.txt", True)
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


simple("first-canonical list missing", "blind70-first-canonicals.txt missing",
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
       set_edit(lambda s: s["new_shapes"]["docker_push_output"].pop()))
simple("_set: spread count changed", "meta: _set summary does not match",
       set_edit(lambda s: s["spread"].__setitem__("new_against_blind%d_and_blind%d" % (A_SET, B_SET), 48)))
simple("_set: spread floors changed", "meta: _set summary does not match",
       set_edit(lambda s: s["spread"].__setitem__("floors", [30, 20])))
simple("_set: typo moved to another id", "meta: _set summary does not match",
       set_edit(lambda s: s["typos"].__setitem__("strenght", ID["S3"])))
simple("_set: off-topic subject renamed", "meta: _set summary does not match",
       set_edit(lambda s: s["off_topic_subjects"].__setitem__(ID["X1"], "wger")))
simple("_set: stale after a flag change", "meta: _set summary does not match",
       raw(mdel("D5", "docker_push_output")))


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


simple("_set: stale after the blind69 first-canonical list changed", "meta: _set summary does not match",
       add_my_first_to_list(A_SET, "L2"))
simple("_set: stale after the blind68 first-canonical list changed", "meta: _set summary does not match",
       add_my_first_to_list(B_SET, "G1"))

# ---------------- dropped flags and fields (the shape flags of blind52 to blind69 included) ----------------
_SPECIAL = {"field": "bypass", "wrong": "--kek-uri", "other": ["AWS"], "premise": "x"}
for fld in check70.DROPPED_FIELDS:
    simple("dropped/unknown field %s" % fld, "unknown field %r" % fld, mset("L2", fld, _SPECIAL.get(fld, True)))

# ---------------- facts and answer facts ----------------
simple("answer_fact not in canonical", "answer_fact not in first canonical",
       lambda c: c.e("L2")["answer_facts"].__setitem__(0, "a registry private endpoint is fully supported with cmk"))
simple("answer_fact only in a related section", "answer_fact not in first canonical",
       lambda c: c.e("L2")["answer_facts"].__setitem__(0, "Write it in single quotes"))
simple("answer_fact added from a related section", "answer_fact not in first canonical",
       lambda c: c.e("S3")["answer_facts"].append("Key Vault charges for each automated rotation"))
simple("answer_fact over 7 words", "answer_fact over 7 words",
       lambda c: c.e("S11")["answer_facts"].__setitem__(0, "the registry identity needs the local role at the key scope"))
simple("fact not in any section", "fact not in a canonical or related section",
       lambda c: c.e("S2")["facts"].__setitem__(0, "the client ID changes whenever the identity is reattached"))
simple("empty answer_facts", "no answer_facts", eset("S12", "answer_facts", []))
simple("empty facts", "no facts", eset("S12", "facts", []))
simple("two_facts with all facts in the first canonical", "two_facts needs one answer_fact only in each",
       lambda c: c.e("A2")["answer_facts"].__setitem__(1, "cannot wrap and unwrap the registry's keys"))
simple("two_facts fact in neither canonical", "answer_fact not in either canonical",
       lambda c: c.e("D2")["answer_facts"].__setitem__(0, "the portal grants the local role itself"))
simple("two canonicals without flag", "two canonical sections need two_facts", mdel("A2", "two_facts"))
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
       lambda c: c.e("S11")["canonical"].__setitem__(0, SCENARIO_SECTION))
simple("related empty", "related is empty", eset("S12", "related", []))

# ---------------- kinds, styles, truths, categories ----------------
simple("unknown kind", "bad kind", mset("AG3", "kind", "opinion"))
simple("yes truth opening No", "yes truth must open 'Yes: '",
       lambda c: c.e("S3").__setitem__("truth", "No: " + c.e("S3")["truth"][5:]))
simple("no truth without No", "no truth must open 'No: '",
       lambda c: c.e("S5").__setitem__("truth", c.e("S5")["truth"][4:]))
simple("undocumented truth without verdict", "undocumented truth must open 'Not documented'",
       lambda c: c.e("S6").__setitem__("truth", c.e("S6")["truth"][16:]))
simple("off-topic truth without verdict", "off-topic truth must open 'Not covered: '",
       lambda c: c.e("X3").__setitem__("truth", c.e("X3")["truth"][13:]))
simple("howto truth opening Yes", "howto truth opens with a verdict word",
       lambda c: c.e("AG2").__setitem__("truth", "Yes: " + c.e("AG2")["truth"]))
simple("troubleshoot truth opening No", "troubleshoot truth opens with a verdict word",
       lambda c: c.e("G1").__setitem__("truth", "No, " + c.e("G1")["truth"]))
simple("off-topic item with canonical", "off-topic item must have empty lists",
       lambda c: c.e("X4")["canonical"].append("acr-cmk/references/overview.md#default-encryption-at-rest-without-a-cmk"))
simple("off-topic category on an on-topic kind", "off-topic category and kind disagree",
       eset("AG4", "category", "off-topic"))
simple("unknown category", "bad category", eset("AG4", "category", "misc"))
simple("style count broken", "on-topic short count 13", mset("AG3", "style", "short"))
simple("unknown style", "bad style", mset("AG3", "style", "medium"))
simple("kind count broken", "kind howto count 13", mset("L3", "kind", "why"))
simple("kind group missing from a style", "kind group yes/no missing from style agent",
       chain(mset("AG6", "kind", "value"),
             tset("AG6", "Supported: ACR accepts RSA-HSM keys, and kv-iskra-prod is a Premium vault; 4096 bits is one of the sizes Key Vault offers."),
             mset("AG7", "kind", "value"),
             tset("AG7", "Not by itself: that flag belongs to the firewall of crmeriwa, so kv-meriwa needs its own trusted-services bypass.")))
simple("category above 9", "category hsm count 10",
       chain(eset("L2", "category", "hsm"), eset("S6", "category", "hsm"), eset("S9", "category", "hsm")))
simple("category below 2", "category troubleshooting count 1",
       chain(eset("D2", "category", "limits"), eset("J5", "category", "limits")))

# ---------------- style rules ----------------
# a short question of exactly 15 words, used as the marker of the only=True mutations (S8 carries no qualifier, typo
# or shape)
S8_15 = "after a clean-up removed our uami, check-health shows cmk_error; what should we do now, please?"
L2_START = "crdunmore encrypts with the user-assigned identity"
S12_TAIL = "before az acr create?"
AG2_START = "Tell me which of the three IDs"
X8_TAIL = "and hide all the others"
simple("long post too short", "long question length", qset("L2", "Which tier after CMK?"))
simple("long post too long", "long question length",
       lambda c: c.e("L1").__setitem__("question", c.e("L1")["question"] + (" Some more background here." * 60)))
simple("short question of 15 words", "short question has 15 words", qset("S8", S8_15))
simple("short question on two lines", "short question spans lines",
       qrep("S12", " create the cmk key", "\ncreate the cmk key"))
simple("agent query of 50 words", "agent query has",
       lambda c: c.e("AG3").__setitem__("question", c.e("AG3")["question"] + " please" + " also" * 30))
simple("agent query on two lines", "agent query spans lines", qrep("AG5", " Question:", "\nQuestion:"))
simple("agent query with a fence", "agent query spans lines", qrep("AG5", " Question:", " ```x``` Question:"))
simple("context form without Context:", "context form must open with 'Context:'",
       lambda c: c.e("AG5").__setitem__("question", c.e("AG5")["question"][len("Context: "):]))
simple("imperative form without verb", "imperative form must open with an imperative verb",
       qrep("AG2", AG2_START, "I want to know which of the three IDs"))
simple("keywords form opening uppercase", "keywords form must open lowercase",
       lambda c: c.e("AG3").__setitem__("question", c.e("AG3")["question"][0].upper() + c.e("AG3")["question"][1:]))
simple("keywords form with ?", "keywords form must open lowercase",
       lambda c: c.e("AG3").__setitem__("question", c.e("AG3")["question"] + "?"))
simple("form on a short item", "form on a non-agent item", mset("S12", "form", "keywords"))
simple("agent forms miscounted", "on-topic agent form context count 4",
       chain(mset("AG5", "form", "imperative"), qrep("AG5", "Context: last night's", "Explain: last night's")))
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
       chain(mset("L2", "quals", ["hsm"]), mset("L2", "qual", "story")))
simple("iac qualifier without a tool", "iac qualifier but no portal/Terraform/Bicep/ARM/AVM",
       chain(mset("S6", "quals", ["iac"]), mset("S6", "qual", "story")))
simple("October 2026 truth without Managed HSM", "October 2026 truth names neither",
       tset("S10", "Once set it cannot be undone, so nobody can destroy the registry's key early by purging it."))
simple("qual asked recorded as story", "qual is 'story', should be 'asked'", mset("A1", "qual", "story"))
simple("quals without qual none", "qual is 'asked', should be 'none'", mset("D2", "qual", "asked"))
simple("unknown qualifier", "bad quals", mset("A1", "quals", ["hsm", "oct2026", "k8s"]))


def drop_qual(mm, x, q):
    mm["quals"] = [v for v in mm["quals"] if v != q]
    ask = build70.ask_part(x["question"])
    hit = ("hsm" in mm["quals"] and build70.HSM_RE.search(ask)) or ("iac" in mm["quals"] and build70.IAC_RE.search(ask))
    mm["qual"] = "none" if not mm["quals"] else ("asked" if hit else "story")


@mut("Managed HSM asked floor", "floor: Managed HSM asked")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "hsm" in mm.get("quals", []) and build70.HSM_RE.search(build70.ask_part(x["question"])):
            n += 1
            if n > 9:
                drop_qual(mm, x, "hsm")


@mut("Managed HSM asked in too few ways (qualifiers dropped)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    # A1 is the only revocation ask, K5 the only rbac ask
    drop_qual(c.meta("A1"), c.e("A1"), "hsm")
    drop_qual(c.meta("K5"), c.e("K5"), "hsm")


@mut("Managed HSM asked in too few ways (asks reworded)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    # A1 is the only revocation ask, K5 the only rbac ask (its scope word and its /keys path)
    c.q_rep("A1", "Does the delete in this runbook still revoke crvarga's access to the Managed HSM key?",
            "Does the delete in this runbook still cut crvarga off from the Managed HSM key?")
    c.q_rep("K5", " from /keys/kek-lisova to another key, which scope fixes it", " to another key, what fixes it")


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
        if "oct2026" in mm.get("quals", []) and n < 2:
            drop_qual(mm, x, "oct2026")
            n += 1


# ---------------- spread and per-doc ----------------
def list_lines(c, n):
    return [x.strip() for x in open(os.path.join(c.d, "blind%d-first-canonicals.txt" % n), encoding="utf-8") if x.strip()]


@mut("spread against blind69", "first canonicals new against blind69 (floor 40)")
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


@mut("spread against blind69 and blind68", "first canonicals new against blind69 and blind68 (floor 30)")
def _(c):
    a, b = set(list_lines(c, A_SET)), set(list_lines(c, B_SET))
    mine = {x["canonical"][0] for x in c.j if x["canonical"]}
    fresh = sum(1 for x in c.j if x["canonical"] and x["canonical"][0] not in a and x["canonical"][0] not in b)
    need = fresh - 29
    pool = [f for f in dict.fromkeys(list_lines(c, B_SET)) if f not in a and f not in mine]
    if len(pool) < need:
        raise AssertionError("setup: only %d blind68-only firsts" % len(pool))
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
       chain(lambda c: c.e("S12")["canonical"].__setitem__(0, "acr-cmk/references/troubleshooting.md#general-diagnostic-checklist"),
             lambda c: c.e("S11")["canonical"].__setitem__(0, "acr-cmk/references/troubleshooting.md#acr-create-needs-both-identity-and-key")))
simple("limitations doc above 8", "first canonical doc limitations count 9",
       chain(lambda c: c.e("S12")["canonical"].__setitem__(0, "acr-cmk/references/limitations.md#pricing-considerations"),
             lambda c: c.e("S11")["canonical"].__setitem__(0, "acr-cmk/references/limitations.md#managed-hsm-is-not-available-everywhere"),
             lambda c: c.e("S2")["canonical"].__setitem__(0, "acr-cmk/references/limitations.md#artifact-streaming-is-not-supported")))
simple("identities doc below 2", "first canonical doc identities count 1",
       lambda c: c.e("AG2")["canonical"].__setitem__(0, "acr-cmk/references/setup-cli.md#step-1-create-a-resource-group"))
simple("blind69 first-canonical list missing", "first-canonical list missing: blind69",
       lambda c: os.remove(os.path.join(c.d, "blind69-first-canonicals.txt")))
simple("blind68 first-canonical list missing", "first-canonical list missing: blind68",
       lambda c: os.remove(os.path.join(c.d, "blind68-first-canonicals.txt")))


@mut("blind68 first-canonical list cut to 47", "blind68 has 47 lines")
def _(c):
    p = os.path.join(c.d, "blind68-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:47])


@mut("blind69 first-canonical list cut to 40", "blind69 has 40 lines")
def _(c):
    p = os.path.join(c.d, "blind69-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:40])


@mut("first-canonical lists read from the set's folder, not from prev/ (blind69)", "first-canonical list missing: blind69")
def _(c):
    # a copy in prev/ does not stand in for the list next to the set
    shutil.move(os.path.join(c.d, "blind69-first-canonicals.txt"), os.path.join(c.d, "prev", "blind69-first-canonicals.txt"))


@mut("first-canonical lists read from the set's folder, not from prev/ (blind68)", "first-canonical list missing: blind68")
def _(c):
    shutil.move(os.path.join(c.d, "blind68-first-canonicals.txt"), os.path.join(c.d, "prev", "blind68-first-canonicals.txt"))


@mut("spread lists of the wrong sets (blind68 and blind67 in place of blind69 and blind68)",
     "first-canonical list missing: blind69")
def _(c):
    # the previous set's pair of lists does not satisfy this set's spread rule
    os.remove(os.path.join(c.d, "blind69-first-canonicals.txt"))
    shutil.copy(os.path.join(c.d, "blind68-first-canonicals.txt"), os.path.join(c.d, "blind67-first-canonicals.txt"))


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


simple("typo planted in blind20", "typo 'acheive' already used in blind19-69", plant_prev(20, "acheive"))
simple("typo planted in blind41", "typo 'strenght' already used in blind19-69", plant_prev(41, "strenght"))
simple("typo planted in blind48", "typo 'simultanious' already used in blind19-69", plant_prev(48, "simultanious"))
simple("typo planted in blind69", "typo 'acheive' already used in blind19-69", plant_prev(69, "acheive"))
simple("typo planted in a blind69 truth", "typo 'strenght' already used in blind19-69", plant_prev_truth(69, "strenght"))
simple("typo planted in a blind68 truth", "typo 'simultanious' already used in blind19-69", plant_prev_truth(68, "simultanious"))
simple("typo planted in a blind25 truth", "typo 'simultanious' already used in blind19-69", plant_prev_truth(25, "simultanious"))
simple("typo planted in blind19 (first of the range)", "typo 'strenght' already used in blind19-69", plant_prev(19, "strenght"))
simple("typo moved to an off-topic short", "typo must sit in a short on-topic question",
       chain(mdel("S1", "typo"), qrep("S1", "acheive", "achieve"), mset("X11", "typo", "acheive"),
             qrep("X11", "how to set permissions", "how to acheive permissions")))
simple("typo fixed in the question", "typo 'simultanious' not in the question", qrep("S3", "simultanious", "simultaneous"))
simple("unrecorded typo in another question", "unrecorded typo 'strenght'",
       qrep("S6", "is that supported", "is that strenght supported"))
simple("typo used twice", "typo 'strenght' used 2 times",
       chain(mset("S6", "typo", "strenght"), qrep("S6", "is that supported", "is that strenght supported")))
simple("unknown typo word", "not in the set's typo list",
       chain(mset("S2", "typo", "strengt"), qrep("S2", "strenght", "strengt")))
simple("typo on a long item", "typo must sit in a short on-topic question",
       chain(mdel("S3", "typo"), qrep("S3", "simultanious", "simultaneous"), mset("L2", "typo", "simultanious"),
             qrep("L2", L2_START, "In a simultanious move, " + L2_START)))
simple("typo on an agent item", "typo must sit in a short on-topic question",
       chain(mdel("S1", "typo"), qrep("S1", "acheive", "achieve"), mset("AG2", "typo", "acheive"),
             qrep("AG2", AG2_START, "Tell me, to acheive it, which of the three IDs")))


@mut("typo added to the knowledge", "typo 'strenght' stands in the knowledge or facts")
def _(c):
    p = c.kfile("acr-cmk/references/overview.md")
    open(p, "a").write("\nstrenght\n")


@mut("typo added to the fact sheets", "typo 'simultanious' stands in the knowledge or facts")
def _(c):
    p = os.path.join(c.d, "facts", "cmk-facts-2026-10.md")
    os.chmod(p, 0o644)
    open(p, "a").write("\nsimultanious\n")


@mut("typo added to an older fact sheet", "typo 'acheive' stands in the knowledge or facts")
def _(c):
    p = os.path.join(c.d, "facts", "cli-facts.md")
    os.chmod(p, 0o644)
    open(p, "a").write("\nacheive\n")
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
simple("knowledge command in the prose around a GitLab log", "8-token run shared with knowledge/facts",
       qrep("G3", "It works, but the security team", "Our runbook says " + KV_POLICY_CMD + ". It works, but the security team"))
simple("knowledge command in the prose around a Java exception", "8-token run shared with knowledge/facts",
       qrep("J2", "The tool should handle", "Our runbook says " + KV_POLICY_CMD + ". The tool should handle"))
simple("knowledge command in the prose around an AsciiDoc runbook", "8-token run shared with knowledge/facts",
       qrep("A5", "Before anyone runs this", "Our runbook also says " + KV_POLICY_CMD + ". Before anyone runs this"))
simple("knowledge command in the prose around a docker push", "8-token run shared with knowledge/facts",
       qrep("D1", "Our auditors want", "We once ran " + KV_POLICY_CMD + ". Our auditors want"))
simple("knowledge command in the prose around an audit record", "8-token run shared with knowledge/facts",
       qrep("K4", "It was a clean-up script", "We had run " + KV_POLICY_CMD + ". It was a clean-up script"))
simple("knowledge prose inside a GitLab log (12-token rule)", "12-token run (fences included) shared with knowledge/facts",
       qrep("G1", "ERROR: Job failed", KNOWLEDGE_PROSE + "\nERROR: Job failed"))
simple("knowledge prose inside a docker push (12-token rule)", "12-token run (fences included) shared with knowledge/facts",
       qrep("D1", "99cc90e8384f: Pushed\n", "99cc90e8384f: Pushed\n" + KNOWLEDGE_PROSE + "\n"))
simple("knowledge prose inside an audit record (12-token rule)", "12-token run (fences included) shared with knowledge/facts",
       qrep("K4", '  "category": "AuditEvent",\n', '  "category": "AuditEvent",\n  "note": "' + KNOWLEDGE_PROSE + '",\n'))
simple("knowledge prose inside a Java exception (12-token rule)", "12-token run (fences included) shared with knowledge/facts",
       qrep("J4", "[...] Action:", "[...] " + KNOWLEDGE_PROSE + " Action:"))
simple("knowledge prose inside an AsciiDoc runbook (12-token rule)", "12-token run (fences included) shared with knowledge/facts",
       qrep("A5", "TIP: Geo-replications", KNOWLEDGE_PROSE + ".\n\nTIP: Geo-replications"))
simple("blind30 8-token run", "8-token run shared with blind19-69",
       lambda c: c.e("L2").__setitem__("question", c.e("L2")["question"] + " " + prevq(30, 8)(c)[:120]))
simple("blind41 8-token run", "8-token run shared with blind19-69",
       lambda c: c.e("L2").__setitem__("question", c.e("L2")["question"] + " " + prevq(41, 3)(c)[:150]))
simple("blind68 8-token run", "8-token run shared with blind19-69",
       lambda c: c.e("L2").__setitem__("question", c.e("L2")["question"] + " " + prevq(68, 1)(c)[:150]))
simple("blind69 8-token run", "8-token run shared with blind19-69",
       lambda c: c.e("L2").__setitem__("question", c.e("L2")["question"] + " " + prevq(69, 2)(c)[:150]))


def clean_prev_truth(n):
    """The first 200 characters of the first on-topic blind<n> truth whose opening shares no 8-token run with the
    knowledge or the fact sheets (so that only the prev-truth rule can fire)."""
    def get(c):
        src = check70.grams(check70.toks(kparse.all_text(os.path.join(c.d, "k")) + "\n" +
                                         kparse.all_text(os.path.join(c.d, "facts"))), 8)
        for e in json.load(open(os.path.join(c.d, "prev", "blind%d.json" % n), encoding="utf-8")):
            t = e["truth"][:200]
            if len(e["truth"]) >= 250 and not e["truth"].startswith("Not covered") and \
                    not check70.grams(check70.toks(t), 8) & src:
                return t
        raise AssertionError("setup: no clean blind%d truth" % n)
    return get


simple("blind69 truth copied into a question", "8-token run shared with a blind19-69 truth",
       lambda c: c.e("L2").__setitem__("question", c.e("L2")["question"] + " " + clean_prev_truth(69)(c)))
simple("blind33 truth copied into a question", "8-token run shared with a blind19-69 truth",
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
            if field == "question" and any(d(t) for d in check70.OLD_DETECT.values() if d is not None):
                continue
            ts = _tokset(t)
            if all(len(ts & o) / len(ts | o) <= 0.6 for o in older):
                return t
        raise AssertionError("setup: no own blind%d %s" % (n, field))
    return get


simple("blind69 question repeated", "Jaccard > 0.6 with blind69",
       lambda c: c.e("AG4").__setitem__("question", own_prev(69, "question")(c)))
simple("blind53 question repeated", "Jaccard > 0.6 with blind53",
       lambda c: c.e("AG8").__setitem__("question", own_prev(53, "question")(c)))
simple("blind46 question repeated", "Jaccard > 0.6 with blind46",
       lambda c: c.e("S12").__setitem__("question", own_prev(46, "question")(c)))
simple("blind69 truth repeated", "truth Jaccard > 0.6 with blind69",
       lambda c: c.e("S6").__setitem__("truth", own_prev(69, "truth")(c)))
simple("off-topic truth close to an earlier truth", "truth Jaccard > 0.6 with blind",
       tset("X11", "Not covered: resetting a Navidrome password is outside the ACR customer-managed key knowledge."))
simple("off-topic truth copied from blind69", "truth Jaccard > 0.6 with blind69",
       lambda c: c.e("X12").__setitem__("truth", next(
           e["truth"] for e in json.load(open(os.path.join(c.d, "prev", "blind69.json"), encoding="utf-8"))
           if e["truth"].startswith("Not covered"))))
simple("near-duplicate inside the set", "Jaccard > 0.6 with",
       qset("S5", "from which notation version are signatures stored as tags on cmk acr"))
simple("truth copies a knowledge sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("L1").__setitem__("truth", c.e("L1")["truth"] + " Soft delete alone keeps deleted keys and vaults recoverable, but someone with purge rights can still destroy them permanently before the retention period ends."))
simple("truth copies a fact-sheet sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("AG8").__setitem__("truth", c.e("AG8")["truth"] + " Whether this revision is already live on Learn was not checked."))
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
    old = "## Rotate a Managed HSM key"
    if old not in s:
        raise AssertionError("setup: heading not in managed-hsm.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "## Rotating a Managed HSM key"))


@mut("knowledge text edited under an answer fact", "answer_fact not in first canonical")
def _(c):
    p = c.kfile("acr-cmk/references/networking.md")
    s = open(p, encoding="utf-8").read()
    old = "also need a way in"
    if s.count(old) != 1:
        raise AssertionError("setup: text not once in networking.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "also need a way through"))


@mut("knowledge text edited under a two_facts answer fact", "answer_fact not in either canonical")
def _(c):
    p = c.kfile("acr-cmk/references/troubleshooting.md")
    s = open(p, encoding="utf-8").read()
    old = "The role assignment alone does not help"
    if s.count(old) != 1:
        raise AssertionError("setup: text not once in troubleshooting.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "The role assignment alone is not enough"))


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
simple("blind68 prev file missing", "prev file missing: blind68.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind68.json")))
simple("blind69 prev file missing", "prev file missing: blind69.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind69.json")))
simple("blind19 prev file missing (first of the range)", "prev file missing: blind19.json",
       lambda c: os.remove(os.path.join(c.d, "prev", "blind19.json")))


# ---------------- off-topic ----------------
def banned_subject(word, text):
    return chain(mset("X10", "subject", word), qset("X10", text))


simple("banned blind69 subject", "banned off-topic subject 'nocodb'",
       banned_subject("nocodb", "nocodb: how do i share one view with a guest?"))
simple("banned blind69 subject (2)", "banned off-topic subject 'netbox'",
       banned_subject("netbox", "netbox: how do i import a list of racks?"))
simple("banned blind69 extra name", "banned off-topic subject 'ssh key'",
       banned_subject("ssh key", "ssh key: how do i replace the one on our switches?"))
simple("banned blind69 extra name (2)", "banned off-topic subject 'key password'",
       banned_subject("key password", "key password: how do i change it for the whole team?"))
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
for _word, _label in (("tasmota", "blind69 subject"), ("calibre-web", "blind69 subject (2)"), ("oxidized", "blind69 subject (3)"),
                      ("octoprint", "blind69 subject (4)"), ("penpot", "blind69 subject (5)"), ("grist", "blind69 subject (6)"),
                      ("excalidraw", "blind69 subject (7)"), ("adguard home", "blind69 subject (8)"), ("baserow", "blind69 subject (9)"),
                      ("actual budget", "blind69 subject (10)"),
                      ("relay", "blind69 extra name"), ("covers", "blind69 extra name (2)"), ("e-book", "blind69 extra name (3)"),
                      ("books", "blind69 extra name (4)"), ("switches", "blind69 extra name (5)"), ("webcam", "blind69 extra name (6)"),
                      ("3d-printer", "blind69 extra name (7)"), ("row-level", "blind69 extra name (8)"), ("whiteboard", "blind69 extra name (9)"),
                      ("dns-over-https", "blind69 extra name (10)"), ("workspace", "blind69 extra name (11)"), ("secret_key", "blind69 extra name (12)"),
                      ("home-automation", "blind69 extra name (13)"),
                      ("searxng", "blind68 subject"), ("fluent bit", "blind68 subject (2)"), ("kiwix", "blind68 subject (3)"),
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
for _phrase, _label in (("sql database", "blind69"), ("timer rules", "blind69 (2)"), ("running configs", "blind69 (3)"),
                        ("nightly backups", "blind69 (4)"), ("custom fonts", "blind69 (5)"), ("pdf export", "blind69 (6)"),
                        ("design tool", "blind69 (7)"), ("budget tables", "blind69 (8)"), ("architecture sketches", "blind69 (9)"),
                        ("shared drawing", "blind69 (10)"), ("public channel", "blind69 (11)"), ("encrypted dns", "blind69 (12)"),
                        ("tls certificate", "blind69 (13)"), ("team drive", "blind69 (14)"), ("shared expenses", "blind69 (15)"),
                        ("end-to-end encryption", "blind69 (16)"), ("budget file", "blind69 (17)"), ("source of truth", "blind69 (18)"),
                        ("3d printer", "blind69 (19)"),
                        ("workout plans", "blind68"), ("exercise images", "blind68 (2)"), ("search engine", "blind68 (3)"),
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
simple("subject planted in blind33", "subject 'teslamate' used in blind19-69", plant_prev(33, "teslamate"))
simple("subject planted in blind69", "subject 'valetudo' used in blind19-69", plant_prev(69, "valetudo"))
simple("subject not in question", "subject 'valetudo' not in the question",
       qset("X12", "can our robot vacuum keep separate maps for two floors?"))
simple("earlier off-topic product named (capitalised, blind27)", "repeats an earlier off-topic subject word: verdaccio",
       qrep("X8", X8_TAIL, "the way we once did for Verdaccio, " + X8_TAIL))
simple("earlier off-topic product named (lowercase short, blind25)", "repeats an earlier off-topic subject word: sops",
       qset("X11", "radicale next to sops: shared calendar for a group, how to set permissions"))
simple("earlier off-topic word from blind51 outside the ban list", "repeats an earlier off-topic subject word: secret-key",
       qrep("X9", "listmonk double opt-in", "listmonk secret-key double opt-in"))
simple("earlier off-topic word from blind54 outside the ban list", "repeats an earlier off-topic subject word: gitops",
       qrep("X6", "We started saving research links", "Our GitOps page says we started saving research links"))
simple("earlier off-topic word from blind55 outside the ban list", "repeats an earlier off-topic subject word: cas",
       qrep("X1", "TeslaMate records the trips", "Among our CAs, TeslaMate records the trips"))
simple("earlier off-topic word from blind56 outside the ban list", "repeats an earlier off-topic subject word: ci-service",
       qrep("X4", "with a wide audience", "with a wide audience through our ci-service"))
simple("earlier off-topic word from blind57 outside the ban list", "repeats an earlier off-topic subject word: members",
       qrep("X7", "watches twelve endpoints", "watches twelve endpoints for its members"))
simple("earlier off-topic word from blind60 outside the ban list", "repeats an earlier off-topic subject word: kicking",
       qrep("X5", "Can I, as the server admin,", "Before kicking things off, can I, as the server admin,"))
simple("earlier off-topic word from blind61 outside the ban list", "repeats an earlier off-topic subject word: leak",
       qrep("X10", "how do i see", "after a leak, how do i see"))
simple("earlier off-topic word from blind62 outside the ban list", "repeats an earlier off-topic subject word: graceful",
       qrep("X9", "for new subscribers", "for new subscribers with a graceful setup"))
simple("earlier off-topic word from blind63 outside the ban list", "repeats an earlier off-topic subject word: meetings",
       qrep("X7", "self-hosted Gatus instance", "self-hosted Gatus instance for meetings"))
simple("earlier off-topic word from blind64 outside the ban list", "repeats an earlier off-topic subject word: thumbnail",
       qrep("X11", "shared calendar", "shared calendar with thumbnail previews"))
simple("earlier off-topic word from blind65 outside the ban list", "repeats an earlier off-topic subject word: barcode",
       qrep("X12", "can valetudo keep", "can valetudo next to the barcode app keep"))
simple("earlier off-topic word from blind66 outside the ban list", "repeats an earlier off-topic subject word: wifi",
       qrep("X12", "separate maps", "separate wifi maps"))
simple("earlier off-topic word from blind66 outside the ban list (2)", "repeats an earlier off-topic subject word: rebooting",
       qrep("X11", "how to set permissions", "how to set permissions after rebooting"))
simple("earlier off-topic word from blind67 outside the ban list", "repeats an earlier off-topic subject word: labels",
       qrep("X11", "shared calendar", "shared calendar and labels"))
simple("earlier off-topic word from blind67 inside a banned name", "repeats an earlier off-topic subject word: speed",
       qrep("X12", "for two floors", "at full speed for two floors"))
simple("earlier off-topic word from blind68 outside the ban list", "repeats an earlier off-topic subject word: english",
       qrep("X6", "research links", "English research links"))
simple("earlier off-topic word from blind68 outside the ban list (2)", "repeats an earlier off-topic subject word: european",
       qrep("X7", "self-hosted Gatus instance", "self-hosted European Gatus instance"))
simple("earlier off-topic word from blind69 outside the ban list", "repeats an earlier off-topic subject word: adguard",
       qrep("X3", "We run ntfy", "Next to AdGuard, we run ntfy"))
simple("earlier off-topic word from blind69 outside the ban list (2)", "repeats an earlier off-topic subject word: dns-server",
       qrep("X2", "to a Recorder instance", "to a Recorder instance on our dns-server"))
simple("off-topic subject word planted in an earlier off-topic truth", "repeats an earlier off-topic subject word: teslamate",
       plant_prev_offtopic_truth(40, "Compare TeslaMate."))
simple("banned key word in off-topic", "off-topic question names banned 'kubernetes'",
       qrep("X2", "Our field team reports", "Our Kubernetes field team reports"))
simple("banned key word kms", "off-topic question names banned 'kms'",
       qrep("X1", "two company vehicles", "two company vehicles and our kms"))
simple("banned key word token", "off-topic question names banned 'token'",
       qrep("X4", "It keeps the passwords", "It keeps the passwords (a token, really)"))
simple("near_miss on an agent item", "near_miss only on long off-topic posts", mset("X7", "near_miss", True))
simple("near-miss floor", "floor: near misses", chain(mdel("X1", "near_miss"), mdel("X2", "near_miss")))


@mut("off-topic story floor", "floor: long off-topic registry+key stories")
def _(c):
    for k in ("X4", "X5"):
        e = c.e(k)
        e["question"] = re.sub(r"\bregistr\w*", "service", e["question"], flags=re.I)


simple("off-topic subject missing", "off-topic subject missing", mdel("X6", "subject"))
simple("shape flag on off-topic", "shape flag docker_push_output on an off-topic item", mset("X6", "docker_push_output", True))
simple("subject on an on-topic item", "subject/near_miss on an on-topic item", mset("L2", "subject", "x"))


# ---------------- long measures ----------------
@mut("fenced long floor", "floor: fenced long posts")
def _(c):
    for k in ("G1", "G2", "G3", "G4", "G5", "A1", "A2", "A3", "A4"):
        unfence(k)(c)


@mut("fenced troubleshoot floor", "floor: fenced long troubleshoot posts")
def _(c):
    for k in ("G1", "G2", "G4", "D2"):
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

# ---------------- the shapes of blind52 to blind64 are rejected in the text (blind65's to blind69's follow) ----------------
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

# blind52 to blind64's shapes in this set's questions (blind65's to blind69's follow further below)
simple("old shape: TL;DR line", "question shows blind52's shape tldr_summary",
       qrep("L2", L2_START, "TL;DR: endpoint or not?\n\n" + L2_START))
simple("old shape: TL;DR line in an off-topic post", "question shows blind52's shape tldr_summary",
       qadd("X1", "\n\ntl;dr can replication keep running?"))
simple("old shape: shouting", "question shows blind52's shape caps_shouting",
       qrep("L2", L2_START, "I REALLY need this SETTLED. " + L2_START))
simple("old shape: typographic quotes", "question shows blind52's shape smart_punctuation",
       qrep("S12", S12_TAIL, "need on the \u201ckv\u201d?"))
simple("old shape: en dash in a command", "question shows blind52's shape smart_punctuation",
       qrep("G1", "--enable-purge-protection", "\u2013enable-purge-protection"))
simple("old shape: --query expression", "question shows blind52's shape jmespath_query",
       qrep("L2", L2_START, "az acr show --query sku.name says Premium. " + L2_START))
simple("old shape: anchored regex", "question shows blind52's shape regex_pattern",
       qrep("S12", S12_TAIL, "`^https://[^/]+/keys/[^/]+$` " + S12_TAIL))
simple("old shape: shell history", "question shows blind53's shape shell_history", qadd("L2", HISTORY_FENCE))
simple("old shape: env file", "question shows blind53's shape dotenv_file", qadd("L1", ENV_FENCE))
simple("old shape: ANSI colour codes", "question shows blind53's shape ansi_escape_codes",
       qrep("AG1", "Managed HSM hsm-naemi-core", "Managed HSM \x1b[33mhsm-naemi-core\x1b[0m"))
simple("old shape: strikethrough", "question shows blind53's shape strikethrough_correction",
       qrep("AG3", "a brand new key", "a ~~second~~ brand new key"))
simple("old shape: percent-encoded URI", "question shows blind53's shape percent_encoded_uri",
       qrep("S10", "on the hsm behind", "on the hsm (https%3a%2f%2fhsm-x.managedhsm.azure.net%2fkeys%2fkek) behind"))
simple("old shape: strikethrough in an off-topic question", "question shows blind53's shape strikethrough_correction",
       qrep("X11", "shared calendar", "shared ~~group~~ calendar"))
simple("old shape inside a GitLab log (shell history)", "question shows blind53's shape shell_history",
       qrep("G3", "Executing \"step_script\" stage of the job script\n", "Executing \"step_script\" stage of the job script\n"
            "  101  az acr show -n crmaribel\n  102  az keyvault show -n kv-maribel-keys\n  103  az acr update -n crmaribel\n"))
simple("old shape: merge conflict markers", "question shows blind54's shape merge_conflict_markers",
       qadd("L2", CONFLICT_FENCE))
simple("old shape: Jira monospace spans", "question shows blind54's shape jira_markup",
       qrep("L2", "Our identity people", "Our {{identity}} {{people}}"))
simple("old shape: Jira code block in front of an audit record", "question shows blind54's shape jira_markup",
       qrep("K3", "```json\n[", "{code}\n{code}\n```json\n["))
simple("old shape: HTML character references", "question shows blind54's shape html_entities",
       qrep("S12", S12_TAIL, "need on the &quot;kv&quot;?"))
simple("old shape: numbered sub-questions", "question shows blind54's shape numbered_subquestions",
       qadd("L2", "\n\n1. Which endpoint? 2. Which zone? 3. Which vault?"))
simple("old shape: access token", "question shows blind54's shape jwt_token", qadd("X7", " Pasted: " + FAKE_TOKEN))
simple("old shape: Jira markup in an off-topic question", "question shows blind54's shape jira_markup",
       qrep("X10", "the remaining filament", "the {{remaining}} {{filament}}"))
simple("old shape: Python traceback", "question shows blind55's shape python_traceback", qadd("L2", TRACEBACK_FENCE))
simple("old shape: Python traceback inside a Java exception", "question shows blind55's shape python_traceback",
       qrep("J2", "```text\ncom.azure", '```text\nTraceback (most recent call last):\n  File "/src/out.py", line 41, in <module>\n'
                                        '    dump()\nRuntimeError: dump refused\ncom.azure'))
simple("old shape: collapsed details section", "question shows blind55's shape details_block",
       qadd("L2", "\n\n<details>\n<summary>tag list</summary>\n\nsha256-0a1b2c.sig\n\n</details>"))
simple("old shape: screenshot", "question shows blind55's shape screenshot_embed",
       qrep("S12", S12_TAIL, "![check](https://github.com/user-attachments/assets/1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f) " + S12_TAIL))
simple("old shape: double-encoded JSON", "question shows blind55's shape double_encoded_json",
       qrep("AG6", "in our Premium vault", 'in our Premium vault ("{\\"error\\":{\\"code\\":\\"Forbidden\\"}}")'))
simple("old shape: escaped Markdown", "question shows blind55's shape escaped_markdown",
       qrep("S11", "managed hsm", "managed\\_hsm\\_pool"))
simple("old shape: traceback in an off-topic question", "question shows blind55's shape python_traceback",
       qadd("X2", TRACEBACK_FENCE))
simple("old shape: details section in an off-topic question", "question shows blind55's shape details_block",
       qadd("X3", "\n\n<details>\n<summary>collector config</summary>\n\ntls(key-file)\n\n</details>"))
simple("old shape: screenshot in an off-topic question", "question shows blind55's shape screenshot_embed",
       qadd("X7", " ![forum](https://github.com/user-attachments/assets/7d1e0f3a-5b2c-4c8d-9e6f-0a1b2c3d4e5f)"))
simple("old shape: escaped Markdown in an off-topic question", "question shows blind55's shape escaped_markdown",
       qrep("X11", "shared calendar", "shared\\_group\\_calendar"))
simple("old shape: runner log (blind56)", "question shows blind56's shape gha_log_groups", qadd("L2", RUNNER_FENCE))
simple("old shape: PowerShell error record (blind56)", "question shows blind56's shape powershell_error_record",
       qadd("L1", PS_FENCE))
simple("old shape: events table (blind56)", "question shows blind56's shape kubectl_events", qadd("L2", EVENTS_FENCE))
simple("old shape: JSON lines (blind56)", "question shows blind56's shape ndjson_log", qadd("L2", NDJSON_FENCE))
simple("old shape: logfmt line (blind56)", "question shows blind56's shape logfmt_line",
       qrep("AG2", AG2_START, "Tell me, for level=error msg=denied vault=kv-moss, which of the three IDs"))
simple("old shape: runner log in an off-topic question (blind56)", "question shows blind56's shape gha_log_groups",
       qadd("X1", RUNNER_FENCE))
simple("old shape: PowerShell record in an off-topic question (blind56)", "question shows blind56's shape powershell_error_record",
       qadd("X2", PS_FENCE))
simple("old shape: events table in an off-topic question (blind56)", "question shows blind56's shape kubectl_events",
       qadd("X3", EVENTS_FENCE))
simple("old shape: JSON lines in an off-topic question (blind56)", "question shows blind56's shape ndjson_log",
       qadd("X4", NDJSON_FENCE))
simple("old shape: logfmt line in an off-topic question (blind56)", "question shows blind56's shape logfmt_line",
       qrep("X8", "Explain how to let", 'Explain, given level=warn msg="reindex" app=dozzle, how to let'))
simple("old shape: curl trace (blind57)", "question shows blind57's shape curl_verbose", qadd("L2", CURL_SNIPPET))
simple("old shape: git log (blind57)", "question shows blind57's shape git_log_oneline", qadd("L1", GITLOG_SNIPPET))
simple("old shape: CSV table (blind57)", "question shows blind57's shape csv_export", qadd("L3", CSV_SNIPPET))
simple("old shape: crontab line (blind57)", "question shows blind57's shape crontab_line",
       qrep("AG4", "what do we run?", "what do we run (`0 3 * * 1 /opt/acr/regrant.sh`)?"))
simple("old shape: Copilot file reference (blind57)", "question shows blind57's shape copilot_refs",
       qrep("D4", "Context: our release job", "Context: (#file:push.log) our release job"))
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
       qrep("X9", "for new subscribers", "for new subscribers, flagged by CKV2_AZURE_1"))
simple("old shape: openssl key dump (blind59)", "question shows blind59's shape openssl_key_text",
       qadd("L2", OPENSSL_SNIPPET))
simple("old shape: openssl key size quoted inline (blind59)", "question shows blind59's shape openssl_key_text",
       qrep("AG1", "Managed HSM hsm-naemi-core", "Managed HSM hsm-naemi-core (`Public-Key: (2048 bit)`)"))
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
       qrep("S12", S12_TAIL, "`FAILED tests/test_kv.py::test_hsm` " + S12_TAIL))
simple("old shape: GitHub alert (blind60)", "question shows blind60's shape github_alert", qadd("L1", GHALERT_BLOCK))
simple("old shape: changelog (blind60)", "question shows blind60's shape changelog_entry", qadd("L3", CHANGELOG_SNIPPET))
simple("old shape: Maven log (blind60)", "question shows blind60's shape maven_build_log", qadd("L2", MAVEN_SNIPPET))
simple("old shape: azd output (blind60)", "question shows blind60's shape azd_output", qadd("L1", AZD_SNIPPET))
simple("old shape: Maven lines inside a GitLab log (blind60)", "question shows blind60's shape maven_build_log",
       qrep("G2", "Executing \"step_script\" stage of the job script\n", "Executing \"step_script\" stage of the job script\n[INFO] BUILD FAILURE\n"))
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
       qrep("S12", S12_TAIL, "`make: *** [Makefile:3: vault] Error 1` " + S12_TAIL))
simple("old shape: Mermaid diagram (blind61)", "question shows blind61's shape mermaid_diagram", qadd("L1", MERMAID_SNIPPET))
simple("old shape: Node.js error (blind61)", "question shows blind61's shape nodejs_error", qadd("L3", NODE_SNIPPET))
simple("old shape: .NET exception (blind61)", "question shows blind61's shape dotnet_exception", qadd("L2", DOTNET_SNIPPET))
simple("old shape: Jenkins console (blind61)", "question shows blind61's shape jenkins_console", qadd("L1", JENKINS_SNIPPET))
simple("old shape: Jenkins lines inside a docker push (blind61)", "question shows blind61's shape jenkins_console",
       qrep("D1", "The push refers to repository", "[Pipeline] sh\nThe push refers to repository"))
simple("old shape: a Node.js frame inside an audit record (blind61)", "question shows blind61's shape nodejs_error",
       qrep("K1", '  "operationName": "KeyUnwrap",\n', '  "operationName": "KeyUnwrap",\n    at async pick (/srv/deck/index.mjs:12:7)\n'))
simple("old shape: a .NET Status line inside a Java exception (blind61)", "question shows blind61's shape dotnet_exception",
       qrep("J3", "```text\ncom.azure", "```text\nStatus: 403 (Forbidden)\ncom.azure"))
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
       qrep("X5", "We host an EteSync server", "After a RequestFailedException in our tool: we host an EteSync server"))
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
       qrep("S12", S12_TAIL, "`GET https://kv-x.vault.azure.net/keys 403 (Forbidden)` " + S12_TAIL))
simple("old shape: a journal line inside a GitLab log (blind62)", "question shows blind62's shape systemd_journal",
       qrep("G4", "Cleaning up project directory", "Dec 03 02:03:13 build-vm systemd[1]: rotate.service: Failed with result 'exit-code'.\nCleaning up project directory"))
simple("old shape: a Python prompt inside an AsciiDoc runbook (blind62)", "question shows blind62's shape python_repl",
       qrep("A5", "[source,bash]\n----\n", "[source,bash]\n----\n>>> import json\n"))
simple("old shape: a go test line inside a docker push (blind62)", "question shows blind62's shape go_test_failure",
       qrep("D2", "The push refers to repository", "--- FAIL: TestPush (0.10s)\nThe push refers to repository"))
simple("old shape: a console line inside an audit record (blind62)", "question shows blind62's shape browser_console",
       qrep("K2", "```json\n{", "```json\nFailed to load resource: net::ERR_FAILED\n{"))
simple("old shape: a suggestion opener next to a Java exception (blind62)", "question shows blind62's shape github_suggestion",
       qadd("J1", " The reviewer left a ```suggestion on it."))
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
       qrep("S12", S12_TAIL, "`kv-sku-check.......Failed` " + S12_TAIL))
simple("old shape: a help header inside a GitLab log (blind63)", "question shows blind63's shape cli_help_text",
       qrep("G5", "Cleaning up project directory", "Command\nCleaning up project directory"))
simple("old shape: a task log line inside a docker push (blind63)", "question shows blind63's shape acr_task_log",
       qrep("D1", "The push refers to repository", "2026/12/07 09:31:18 push started\nThe push refers to repository"))
simple("old shape: a Feature line inside an AsciiDoc runbook (blind63)", "question shows blind63's shape gherkin_feature",
       qrep("A3", "== Network hardening", "Feature: network hardening\n\n== Network hardening"))
simple("old shape: a tree line inside an audit record (blind63)", "question shows blind63's shape dir_tree",
       qrep("K4", "```json\n{", "```json\n\u2514\u2500\u2500 audit.json\n{"))
simple("old shape: a pre-commit status inside a Java exception (blind63)", "question shows blind63's shape precommit_hooks",
       qrep("J4", "```text\ncom.azure", "```text\ncloud-lint..........Failed\ncom.azure"))
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
       qrep("X8", X8_TAIL, "(our `dozzle-check..........Failed` hook too) " + X8_TAIL))
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
       qrep("S12", S12_TAIL, '`{"Actions": [], "DataActions": ["Microsoft.KeyVault/vaults/keys/read"]}` ' + S12_TAIL))
simple("old shape: a footnote inside an AsciiDoc runbook (blind64)", "question shows blind64's shape md_footnotes",
       qrep("A4", "=== Registry resource\n", "=== Registry resource[^1]\n"))
simple("old shape: a lock hash inside an audit record (blind64)", "question shows blind64's shape tf_lock_file",
       qrep("K3", '    "operationName": "KeyCreate",\n', '    "operationName": "KeyCreate", "h1:Qm3vX8sTnK1bR4yEw9LpZc2dJf6=",\n'))
simple("old shape: a role-definition key inside an audit record (blind64)", "question shows blind64's shape role_definition_json",
       qrep("K1", '  "category": "AuditEvent",\n', '  "category": "AuditEvent",\n  "dataActions": [],\n'))
simple("old shape: a Document Details heading inside a GitLab log (blind64)", "question shows blind64's shape docs_feedback_block",
       qrep("G1", "Preparing the \"docker\" executor\n", "# Document Details\nPreparing the \"docker\" executor\n"))
simple("old shape: a readOnly key inside a Java exception (blind64)", "question shows blind64's shape openapi_schema",
       qrep("J2", '"message":"Operation is not allowed', '"readOnly": true, "message":"Operation is not allowed'))
simple("old shape: footnotes in an off-topic question (blind64)", "question shows blind64's shape md_footnotes",
       qadd("X5", FOOTNOTE_SNIPPET))
simple("old shape: a lone footnote reference in an off-topic question (blind64)", "question shows blind64's shape md_footnotes",
       qrep("X6", "research links", "research links[^1]"))
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
    if new == e["question"] or check70.OLD_DETECT["systemd_journal"](new):
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
    if new == e["question"] or check70.OLD_DETECT["dir_tree"](new):
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
    if new == e["question"] or check70.OLD_DETECT["docs_feedback_block"](new):
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
       qrep("S12", S12_TAIL, "`--identity <redacted>` " + S12_TAIL))
simple("old shape: a service principal key quoted inline (blind65)", "question shows blind65's shape graph_sp_object",
       qrep("AG5", " Question:", ' (`{"appId": "x"}`) Question:'))
simple("old shape: an ADR heading inside an AsciiDoc runbook (blind65)", "question shows blind65's shape adr_record",
       qrep("A1", "== Emergency revocation", "## Decision\n\n== Emergency revocation"))
simple("old shape: a Copy line inside an audit record (blind65)", "question shows blind65's shape learn_page_copy",
       qrep("K2", "```json\n{", "```json\nCopy\n{"))
simple("old shape: an arrow note inside a GitLab log (blind65)", "question shows blind65's shape arrow_annotations",
       qrep("G2", "ERROR: Job failed: exit code 1", "ERROR: Job failed: exit code 1   <-- this one"))
simple("old shape: a redaction marker inside a docker push (blind65)", "question shows blind65's shape redacted_paste",
       qrep("D2", "5.3.1: digest", "pushed by: [REDACTED]\n5.3.1: digest"))
simple("old shape: an appId key inside an audit record (blind65)", "question shows blind65's shape graph_sp_object",
       qrep("K3", '    "category": "AuditEvent",\n', '    "category": "AuditEvent",\n    "appId": "x",\n'))
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
       qrep("X10", "in spoolman?", "in spoolman (<redacted>)?"))
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
        if check70.OLD_DETECT["arrow_annotations"](e["question"]):
            new = re.sub(r"<(?:-{2,}|={2,})(?![\->=])", "#", e["question"])
            if new == e["question"] or check70.OLD_DETECT["arrow_annotations"](new):
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

simple("old shape: service tag file (blind66)", "question shows blind66's shape service_tag_json", qadd("L2", ST_SNIPPET))
simple("old shape: change record (blind66)", "question shows blind66's shape resource_change_record", qadd("L1", RC_SNIPPET))
simple("old shape: hex dump (blind66)", "question shows blind66's shape hex_dump", qadd("L3", HX_SNIPPET))
simple("old shape: PAC file (blind66)", "question shows blind66's shape pac_file", qadd("L2", PAC_SNIPPET))
simple("old shape: labelled fences (blind66)", "question shows blind66's shape fence_file_labels", qadd("L1", FL_SNIPPET))
simple("old shape: a service tag key quoted inline (blind66)", "question shows blind66's shape service_tag_json",
       qrep("AG5", " Question:", ' (`{"addressPrefixes": []}`) Question:'))
simple("old shape: a change record quoted inline (blind66)", "question shows blind66's shape resource_change_record",
       qrep("S12", S12_TAIL, '`{"newValue": "x"}` ' + S12_TAIL))
simple("old shape: a service tag key inside a Java exception (blind66)", "question shows blind66's shape service_tag_json",
       qrep("J1", '"{"error":{"message"', '"{"error":{"addressPrefixes": [], "message"'))
simple("old shape: a change record key inside an audit record (blind66)", "question shows blind66's shape resource_change_record",
       qrep("K4", '  "operationName": "KeyDelete",\n', '  "operationName": "KeyDelete",\n  "previousValue": "kek-old",\n'))
simple("old shape: a dump line inside a GitLab log (blind66)", "question shows blind66's shape hex_dump",
       qrep("G3", "Cleaning up project directory", "00000000: 6372 7175 6172 747a 0d0a  crquartz..\nCleaning up project directory"))
simple("old shape: a PAC call inside an AsciiDoc runbook (blind66)", "question shows blind66's shape pac_file",
       qrep("A2", "=== Create the encryption key\n", "=== Create the encryption key\n\nProxy rule: shExpMatch(host, \"*.managedhsm.azure.net\")\n"))
simple("old shape: a file label on a docker push fence (blind66)", "question shows blind66's shape fence_file_labels",
       qrep("D3", "```text\nThe push", "```text push.txt\nThe push"))
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
        if check70.OLD_DETECT["pac_file"](e["question"]):
            new = (e["question"].replace("FindProxyForURL", "pickRoute").replace("shExpMatch(", "matchHost(")
                   .replace("dnsDomainIs(", "inDomain(").replace("isInNet(", "inNet(")
                   .replace("isPlainHostName(", "plainHost(").replace("dnsResolve(", "resolveHost("))
            if new == e["question"] or check70.OLD_DETECT["pac_file"](new):
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

simple("old shape: replication list (blind67)", "question shows blind67's shape replication_list", qadd("L2", RL_SNIPPET))
simple("old shape: cloud profile (blind67)", "question shows blind67's shape cloud_profile", qadd("L1", CP_SNIPPET))
simple("old shape: check-acr report (blind67)", "question shows blind67's shape aks_check_acr", qadd("L3", CA_SNIPPET))
simple("old shape: account entry (blind67)", "question shows blind67's shape az_account_json", qadd("L3", AC_SNIPPET))
simple("old shape: slide outline (blind67)", "question shows blind67's shape slide_outline", qadd("L2", SL_SNIPPET))
simple("old shape: a replication list quoted inline (blind67)", "question shows blind67's shape replication_list",
       qrep("S12", S12_TAIL, '`[{"location": "uksouth", "regionEndpointEnabled": true}]` ' + S12_TAIL))
simple("old shape: a cloud profile quoted inline (blind67)", "question shows blind67's shape cloud_profile",
       qrep("AG5", " Question:", ' (`{"name": "AzureCloud", "suffixes": {"mhsmDns": ".managedhsm.azure.net"}}`) Question:'))
simple("old shape: an account entry quoted inline (blind67)", "question shows blind67's shape az_account_json",
       qrep("D4", " Question:", ' (signed in as `{"isDefault": true, "user": {"name": "ops", "type": "user"}}`) Question:'))
simple("old shape: a replication key inside an audit record (blind67)", "question shows blind67's shape replication_list",
       qrep("K1", '  "operationVersion": "7.5",\n', '  "operationVersion": "7.5",\n  "regionEndpointEnabled": true,\n'))
simple("old shape: a cloud profile key inside a Java exception (blind67)", "question shows blind67's shape cloud_profile",
       qrep("J4", '"innererror"', '"mhsmDns": ".managedhsm.azure.net","innererror"'))
simple("old shape: a check-acr line inside a docker push (blind67)", "question shows blind67's shape aks_check_acr",
       qrep("D2", "5.3.1: digest", "Validating image pull permission: SUCCEEDED\n5.3.1: digest"))
simple("old shape: an account key inside an audit record (blind67)", "question shows blind67's shape az_account_json",
       qrep("K4", '  "category": "AuditEvent",\n', '  "homeTenantId": "t-1",\n  "category": "AuditEvent",\n'))
simple("old shape: a slide heading inside an AsciiDoc runbook (blind67)", "question shows blind67's shape slide_outline",
       qrep("A4", "=== Registry resource\n", "Slide 2: Registry\n\n=== Registry resource\n"))
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
        if check70.OLD_DETECT["slide_outline"](e["question"]):
            new = re.sub(r"(?im)^([ \t]*(?:#{1,6}[ \t]*)?(?:\*\*)?)slide([ \t]+\d)", r"\1Part\2", e["question"])
            if new == e["question"] or check70.OLD_DETECT["slide_outline"](new):
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

simple("old shape: name check result (blind68)", "question shows blind68's shape name_check_json", qadd("L2", NC_SNIPPET))
simple("old shape: tag list (blind68)", "question shows blind68's shape tag_detail_json", qadd("L1", TD_SNIPPET))
simple("old shape: XML-tagged prompt (blind68)", "question shows blind68's shape xml_prompt_tags", qadd("L3", XT_SNIPPET))
simple("old shape: review summary (blind68)", "question shows blind68's shape portal_review_summary", qadd("L3", PR_SNIPPET))
simple("old shape: Key Vault event (blind68)", "question shows blind68's shape keyvault_event_json", qadd("L2", KE_SNIPPET))
simple("old shape: a name check result quoted inline (blind68)", "question shows blind68's shape name_check_json",
       qrep("S12", S12_TAIL, '`{"nameAvailable": false, "reason": "AlreadyExists"}` ' + S12_TAIL))
simple("old shape: a tag record quoted inline (blind68)", "question shows blind68's shape tag_detail_json",
       qrep("AG5", " Question:", ' (`{"name": "v1", "changeableAttributes": {"readEnabled": true}}`) Question:'))
simple("old shape: inline XML tags (blind68)", "question shows blind68's shape xml_prompt_tags",
       qrep("AG5", " Question:", " <goal>pick a size</goal> <standard>crypto-v2</standard> Question:"))
simple("old shape: a Key Vault event quoted inline (blind68)", "question shows blind68's shape keyvault_event_json",
       qrep("S12", S12_TAIL, '`{"eventType": "Microsoft.KeyVault.KeyNewVersionCreated"}` ' + S12_TAIL))
simple("old shape: a name check key inside a GitLab log (blind68)", "question shows blind68's shape name_check_json",
       qrep("G4", "Cleaning up project directory", '{"nameAvailable": false}\nCleaning up project directory'))
simple("old shape: a tag record key inside an audit record (blind68)", "question shows blind68's shape tag_detail_json",
       qrep("K3", '    "resultSignature": "OK",\n', '    "resultSignature": "OK",\n    "lastUpdateTime": "2026-11-02T10:00:00Z",\n'))
simple("old shape: a tag pair inside a Java exception (blind68)", "question shows blind68's shape xml_prompt_tags",
       qrep("J1", "[...]\"}}\"", "[...] <owner>landing zone</owner>\"}}\""))
simple("old shape: a wizard heading inside an AsciiDoc runbook (blind68)", "question shows blind68's shape portal_review_summary",
       qrep("A5", "[source,bash]\n", "Encryption\n[source,bash]\n"))
simple("old shape: a Key Vault event type inside a docker push (blind68)", "question shows blind68's shape keyvault_event_json",
       qrep("D1", "99cc90e8384f: Pushed\n", "99cc90e8384f: Pushed\nMicrosoft.KeyVault.KeyNearExpiry\n"))
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
        if check70.OLD_DETECT["portal_review_summary"](e["question"]):
            new = re.sub(r"(?m)^([ \t]*(?:Basics|Access configuration|Networking|Encryption|Advanced|Tags))[ \t]*$", r"\1:",
                         e["question"])
            if new == e["question"] or check70.OLD_DETECT["portal_review_summary"](new):
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



# ---------------- blind69's shapes: rejected in the text, and their detectors checked on prev ----------------
MC_SNIPPET = ('\n\n```json\n{"jsonrpc": "2.0", "id": 1, "method": "tools/call", '
              '"params": {"name": "ask", "arguments": {"registry": "crold"}}}\n```')
RG_SNIPPET = '\n\n```json\n{"count": 1, "data": [{"name": "crold", "cmk": "enabled"}], "skip_token": null, "total_records": 1}\n```'
PE_SNIPPET = ('\n\n```json\n{"name": "pe-old", "privateLinkServiceConnections": [{"groupIds": ["vault"], '
              '"privateLinkServiceId": "/subscriptions/x/resourceGroups/rg-old/providers/Microsoft.KeyVault/vaults/kv-old"}]}\n```')
DO_SNIPPET = '\n\n```json\n{"keyUri": {"type": "String", "value": "https://kv-old.vault.azure.net/keys/kek-old"}}\n```'
DB_SNIPPET = "\n\n```text\nBumps [hashicorp/azurerm](https://github.com/hashicorp/terraform-provider-azurerm) from 4.1.0 to 4.2.0.\n```"

simple("old shape: MCP call (blind69)", "question shows blind69's shape mcp_tool_call", qadd("L2", MC_SNIPPET))
simple("old shape: Resource Graph result (blind69)", "question shows blind69's shape resource_graph_result", qadd("L1", RG_SNIPPET))
simple("old shape: private endpoint (blind69)", "question shows blind69's shape private_endpoint_json", qadd("L3", PE_SNIPPET))
simple("old shape: deployment outputs (blind69)", "question shows blind69's shape deployment_outputs_json", qadd("L2", DO_SNIPPET))
simple("old shape: Dependabot body (blind69)", "question shows blind69's shape dependabot_pr_body", qadd("L1", DB_SNIPPET))
simple("old shape: an MCP call quoted inline (blind69)", "question shows blind69's shape mcp_tool_call",
       qrep("S12", S12_TAIL, '`{"jsonrpc": "2.0", "method": "tools/call"}` ' + S12_TAIL))
simple("old shape: a Resource Graph result quoted inline (blind69)", "question shows blind69's shape resource_graph_result",
       qrep("AG5", " Question:", ' (`{"count": 1, "data": [], "skip_token": null}`) Question:'))
simple("old shape: a private endpoint quoted inline (blind69)", "question shows blind69's shape private_endpoint_json",
       qrep("D4", " Question:", ' (`{"groupIds": ["registry"]}`) Question:'))
simple("old shape: deployment outputs quoted inline (blind69)", "question shows blind69's shape deployment_outputs_json",
       qrep("S12", S12_TAIL, '`{"kek": {"type": "String", "value": "x"}}` ' + S12_TAIL))
simple("old shape: a Dependabot bump quoted inline (blind69)", "question shows blind69's shape dependabot_pr_body",
       qrep("AG5", " Question:", " (`Bumps [hashicorp/azurerm](https://github.com/hashicorp/terraform-provider-azurerm) "
                                  "from 4.1.0 to 4.2.0.`) Question:"))
simple("old shape: an MCP key inside a GitLab log (blind69)", "question shows blind69's shape mcp_tool_call",
       qrep("G3", "Cleaning up project directory", '{"jsonrpc": "2.0"}\nCleaning up project directory'))
simple("old shape: a tools/call method inside a Java exception (blind69)", "question shows blind69's shape mcp_tool_call",
       qrep("J2", '"message":"Operation is not allowed', '"method": "tools/call", "message":"Operation is not allowed'))
simple("old shape: a Resource Graph key inside an audit record (blind69)", "question shows blind69's shape resource_graph_result",
       qrep("K4", '  "category": "AuditEvent",\n', '  "category": "AuditEvent",\n  "skip_token": null,\n'))
simple("old shape: an endpoint key inside a Java exception (blind69)", "question shows blind69's shape private_endpoint_json",
       qrep("J3", '"innererror"', '"groupIds": ["vault"],"innererror"'))
simple("old shape: an output type inside an AsciiDoc runbook (blind69)", "question shows blind69's shape deployment_outputs_json",
       qrep("A4", "  tags: { team: 'venti' }\n", "  tags: { team: 'venti' }\n  // \"type\": \"String\"\n"))
simple("old shape: a bump line inside a docker push (blind69)", "question shows blind69's shape dependabot_pr_body",
       qrep("D3", "b1380a51b7a8: Waiting\n", "b1380a51b7a8: Waiting\nBumps [docker/cli](https://github.com/docker/cli) from 26.1.0 to 27.0.1.\n"))
simple("old shape: MCP call in an off-topic question (blind69)", "question shows blind69's shape mcp_tool_call", qadd("X3", MC_SNIPPET))
for _piece, _x in (('"jsonrpc": "2.0"', "X1"), ('"method": "tools/call"', "X2")):
    simple("old shape: a lone MCP piece (%s) in an off-topic question (blind69)" % _piece,
           "question shows blind69's shape mcp_tool_call", qadd(_x, " (the agent sent %s)" % _piece))
simple("old shape: Resource Graph result in an off-topic question (blind69)", "question shows blind69's shape resource_graph_result",
       qadd("X4", RG_SNIPPET))
for _piece, _x in (('"skip_token": null', "X5"), ('"total_records": 2', "X6")):
    simple("old shape: a lone Resource Graph piece (%s) in an off-topic question (blind69)" % _piece.split('"')[1],
           "question shows blind69's shape resource_graph_result", qadd(_x, " (the query returned %s)" % _piece))
simple("old shape: private endpoint in an off-topic question (blind69)", "question shows blind69's shape private_endpoint_json",
       qadd("X5", PE_SNIPPET))
for _piece, _x in (('"privateLinkServiceConnections": []', "X1"), ('"manualPrivateLinkServiceConnections": []', "X2"),
                   ('"groupIds": ["sites"]', "X3"), ('"privateLinkServiceConnectionState": {"status": "Pending"}', "X4")):
    simple("old shape: a lone private endpoint piece (%s) in an off-topic question (blind69)" % _piece.split('"')[1],
           "question shows blind69's shape private_endpoint_json", qadd(_x, " (the endpoint shows %s)" % _piece))
simple("old shape: deployment outputs in an off-topic question (blind69)", "question shows blind69's shape deployment_outputs_json",
       qadd("X6", DO_SNIPPET))
for _piece, _x in (('"type": "String"', "X1"), ('"type": "SecureString"', "X2"), ('"type": "Bool"', "X3"), ('"type": "Int"', "X4"),
                   ('"type": "Object"', "X5"), ('"type": "Array"', "X6"), ('"type": "SecureObject"', "X1")):
    simple("old shape: a lone deployment output type (%s) in an off-topic question (blind69)" % _piece.split('"')[3],
           "question shows blind69's shape deployment_outputs_json", qadd(_x, " (the output says %s)" % _piece))
simple("old shape: Dependabot body in an off-topic question (blind69)", "question shows blind69's shape dependabot_pr_body",
       qadd("X2", DB_SNIPPET))
for _piece, _x in (("Bumps [ntfy/server](https://github.com/binwiederhier/ntfy) from 2.1.0 to 2.2.0", "X6"),
                   ("Dependabot will resolve any conflicts with this PR", "X1"), ("@dependabot rebase", "X3"),
                   ("@dependabot ignore this major version", "X4")):
    simple("old shape: a lone Dependabot piece (%s) in an off-topic question (blind69)" % _piece[:20],
           "question shows blind69's shape dependabot_pr_body", qadd(_x, " (the PR says: %s)" % _piece))


def _break_mcp(d):
    # one blind69 mcp_tool_call item loses its jsonrpc key and its tools/call method, so the detector loses that item
    for e in d:
        if check70.OLD_DETECT["mcp_tool_call"](e["question"]):
            new = e["question"].replace('"jsonrpc"', '"json_rpc"').replace('"tools/call"', '"tools_call"')
            if new == e["question"] or check70.OLD_DETECT["mcp_tool_call"](new):
                raise AssertionError("setup: blind69 MCP call not broken")
            e["question"] = new
            return
    raise AssertionError("setup: no MCP item in blind69")


def _break_bumps(d):
    # one blind69 dependabot_pr_body item loses its bump lines and Dependabot commands
    for e in d:
        if check70.OLD_DETECT["dependabot_pr_body"](e["question"]):
            new = (e["question"].replace("Bumps [", "Raises [").replace("@dependabot", "@depbot")
                   .replace("Dependabot will resolve any conflicts", "The bot will sort out conflicts"))
            if new == e["question"] or check70.OLD_DETECT["dependabot_pr_body"](new):
                raise AssertionError("setup: blind69 Dependabot body not broken")
            e["question"] = new
            return
    raise AssertionError("setup: no Dependabot item in blind69")


simple("a blind69 shape planted in an older prev question (MCP call)", "detector mcp_tool_call (blind69) finds 5 items of blind69 and 1 elsewhere",
       prev_edit(45, lambda d: d[2].__setitem__("question", d[2]["question"] + MC_SNIPPET)))
simple("a blind69 shape planted in blind22 (Resource Graph result)", "detector resource_graph_result (blind69) finds 5 items of blind69 and 1 elsewhere",
       prev_edit(22, lambda d: d[5].__setitem__("question", d[5]["question"] + RG_SNIPPET)))
simple("a blind69 shape planted in blind59 (private endpoint)", "detector private_endpoint_json (blind69) finds 5 items of blind69 and 1 elsewhere",
       prev_edit(59, lambda d: d[7].__setitem__("question", d[7]["question"] + PE_SNIPPET)))
simple("a blind69 shape planted in blind33 (deployment outputs)", "detector deployment_outputs_json (blind69) finds 5 items of blind69 and 1 elsewhere",
       prev_edit(33, lambda d: d[9].__setitem__("question", d[9]["question"] + DO_SNIPPET)))
simple("a blind69 shape planted in blind50 (Dependabot body)", "detector dependabot_pr_body (blind69) finds 5 items of blind69 and 1 elsewhere",
       prev_edit(50, lambda d: d[11].__setitem__("question", d[11]["question"] + DB_SNIPPET)))
simple("a blind69 shape planted in blind68 (MCP call)", "detector mcp_tool_call (blind69) finds 5 items of blind69 and 1 elsewhere",
       prev_edit(68, lambda d: d[20].__setitem__("question", d[20]["question"] + MC_SNIPPET)))
simple("a blind69 shape planted in blind19 (private endpoint)", "detector private_endpoint_json (blind69) finds 5 items of blind69 and 1 elsewhere",
       prev_edit(19, lambda d: d[0].__setitem__("question", d[0]["question"] + PE_SNIPPET)))
simple("a blind69 item losing its shape in prev (MCP call)", "detector mcp_tool_call (blind69) finds 4 items of blind69",
       prev_edit(69, _break_mcp))
simple("a blind69 item losing its shape in prev (Dependabot body)", "detector dependabot_pr_body (blind69) finds 4 items of blind69",
       prev_edit(69, _break_bumps))
simple("a blind69 shape planted in an off-topic blind69 item (Resource Graph result)", "detector resource_graph_result (blind69) finds 6 items of blind69 and 0 elsewhere",
       prev_edit(69, lambda d: _first_offtopic(d).__setitem__("question", _first_offtopic(d)["question"] + RG_SNIPPET)))
simple("a blind69 shape planted in an off-topic blind69 item (deployment outputs)", "detector deployment_outputs_json (blind69) finds 6 items of blind69 and 0 elsewhere",
       prev_edit(69, lambda d: _first_offtopic(d).__setitem__("question", _first_offtopic(d)["question"] + DO_SNIPPET)))

# ---------------- this set's shapes (for the novelty test on prev and for unflagged use) ----------------
DP_SNIPPET = "\n\n```text\nThe push refers to repository [crold.azurecr.io/app]\n0a1b2c3d4e5f: Pushed\n```"
GL_SNIPPET = "\n\n```text\nRunning with gitlab-runner 16.0.0 (abcd1234)\n$ az acr show -n crold\nJob succeeded\n```"
KA_SNIPPET = ('\n\n```json\n{"operationName": "KeyGet", "category": "AuditEvent", "resultSignature": "OK", '
              '"callerIpAddress": "192.0.2.1"}\n```')
JX_SNIPPET = ("\n\n```text\ncom.azure.core.exception.HttpResponseException: Status code 404\n"
              "\tat com.example.App.run(App.java:10)\n\tat com.example.App.main(App.java:3)\n```")
ADOC_SNIPPET = "\n\n```asciidoc\n== Old step\n\n[source,bash]\n----\naz acr show -n crold\n----\n```"

simple("a new shape already in an earlier question (docker push)", "new shape docker_push_output already occurs in blind19-69",
       prev_edit(45, lambda d: d[2].__setitem__("question", d[2]["question"] + DP_SNIPPET)))
simple("a new shape already in an earlier question (GitLab log)", "new shape gitlab_job_log already occurs in blind19-69",
       prev_edit(22, lambda d: d[5].__setitem__("question", d[5]["question"] + GL_SNIPPET)))
simple("a new shape already in an earlier question (audit record)", "new shape keyvault_audit_log already occurs in blind19-69",
       prev_edit(59, lambda d: d[7].__setitem__("question", d[7]["question"] + KA_SNIPPET)))
simple("a new shape already in an earlier question (Java exception)", "new shape java_exception already occurs in blind19-69",
       prev_edit(33, lambda d: d[9].__setitem__("question", d[9]["question"] + JX_SNIPPET)))
simple("a new shape already in an earlier question (AsciiDoc runbook)", "new shape asciidoc_runbook already occurs in blind19-69",
       prev_edit(50, lambda d: d[11].__setitem__("question", d[11]["question"] + ADOC_SNIPPET)))
simple("a new shape already in the last earlier set (blind69, docker push)", "new shape docker_push_output already occurs in blind19-69",
       prev_edit(69, lambda d: d[20].__setitem__("question", d[20]["question"] + DP_SNIPPET)))
simple("a new shape already in blind69 (Java exception)", "new shape java_exception already occurs in blind19-69",
       prev_edit(69, lambda d: d[3].__setitem__("question", d[3]["question"] + JX_SNIPPET)))
simple("a new shape already in blind19 (first of the range, audit record)", "new shape keyvault_audit_log already occurs in blind19-69",
       prev_edit(19, lambda d: d[0].__setitem__("question", d[0]["question"] + KA_SNIPPET)))
simple("a new shape already in an off-topic blind69 question (GitLab log)", "new shape gitlab_job_log already occurs in blind19-69",
       prev_edit(69, lambda d: _first_offtopic(d).__setitem__("question", _first_offtopic(d)["question"] + GL_SNIPPET)))
simple("a new shape already in an off-topic blind69 question (AsciiDoc runbook)", "new shape asciidoc_runbook already occurs in blind19-69",
       prev_edit(69, lambda d: _first_offtopic(d).__setitem__("question", _first_offtopic(d)["question"] + ADOC_SNIPPET)))


# ---------------- new shapes: a shape in the text needs its flag ----------------
simple("unflagged docker push", "question shows the shape docker_push_output without its flag", mdel("D2", "docker_push_output"))
simple("unflagged inline docker push", "question shows the shape docker_push_output without its flag", mdel("D4", "docker_push_output"))
simple("unflagged GitLab log", "question shows the shape gitlab_job_log without its flag", mdel("G1", "gitlab_job_log"))
simple("unflagged audit record", "question shows the shape keyvault_audit_log without its flag", mdel("K1", "keyvault_audit_log"))
simple("unflagged inline audit record", "question shows the shape keyvault_audit_log without its flag", mdel("K5", "keyvault_audit_log"))
simple("unflagged Java exception", "question shows the shape java_exception without its flag", mdel("J1", "java_exception"))
simple("unflagged inline Java exception", "question shows the shape java_exception without its flag", mdel("J5", "java_exception"))
simple("unflagged AsciiDoc runbook", "question shows the shape asciidoc_runbook without its flag", mdel("A1", "asciidoc_runbook"))
simple("docker push in an off-topic question", "question shows the shape docker_push_output without its flag", qadd("X3", DP_SNIPPET))
for _piece, _x in (("The push refers to repository [ghcr.example/app]", "X1"), ("0a1b2c3d4e5f: Pushed", "X2"),
                   ("0a1b2c3d4e5f: Layer already exists", "X3"), ("0a1b2c3d4e5f: Mounted from library/base", "X4"),
                   ("v1: digest: sha256:" + "ab" * 32 + " size: 528", "X5"), ("0a1b2c3d4e5f: Preparing", "X6"),
                   ("0a1b2c3d4e5f: Waiting", "X1"), ("0a1b2c3d4e5f: Pushing", "X2")):
    simple("a lone docker push piece (%s) in an off-topic question" % _piece[:28],
           "question shows the shape docker_push_output without its flag", qadd(_x, "\n\n" + _piece))
simple("GitLab log in an off-topic question", "question shows the shape gitlab_job_log without its flag", qadd("X4", GL_SNIPPET))
for _piece, _x in (("Running with gitlab-runner 16.0.0 (abcd1234)", "X1"), ("ERROR: Job failed: exit code 1", "X2"),
                   ("Job succeeded", "X3"), ('Executing "step_script" stage of the job script', "X5")):
    simple("a lone GitLab piece (%s) in an off-topic question" % _piece[:24],
           "question shows the shape gitlab_job_log without its flag", qadd(_x, "\n\n" + _piece))
simple("audit record in an off-topic question", "question shows the shape keyvault_audit_log without its flag", qadd("X5", KA_SNIPPET))
for _piece, _x in (('"resultSignature": "OK"', "X6"), ('"callerIpAddress": "192.0.2.7"', "X1"), ('"category": "AuditEvent"', "X2")):
    simple("a lone audit piece (%s) in an off-topic question" % _piece.split('"')[1],
           "question shows the shape keyvault_audit_log without its flag", qadd(_x, " (the log shows %s)" % _piece))
simple("Java exception in an off-topic question", "question shows the shape java_exception without its flag", qadd("X6", JX_SNIPPET))
for _piece, _x in (("\tat com.example.Sync.run(Sync.java:42)", "X2"), ("Caused by: java.io.IOException: reset", "X3"),
                   ("java.lang.IllegalStateException", "X4"), ("com.azure.core.exception.ResourceNotFoundException", "X5"),
                   ("javax.net.ssl.SSLHandshakeException", "X6"), ("reactor.core.Exceptions$ReactiveException", "X1")):
    simple("a lone Java piece (%s) in an off-topic question" % _piece.strip()[:26],
           "question shows the shape java_exception without its flag", qadd(_x, "\n\n" + _piece))
simple("AsciiDoc runbook in an off-topic question", "question shows the shape asciidoc_runbook without its flag", qadd("X1", ADOC_SNIPPET))
for _piece, _x in (("[source,yaml]", "X2"), ("NOTE: keep the old one", "X3"), ("TIP: restart first", "X4"),
                   ("IMPORTANT: back up first", "X5"), ("CAUTION: this wipes the cache", "X6"), ("WARNING: no undo", "X1"),
                   (":toc: left", "X2")):
    simple("a lone AsciiDoc piece (%s) in an off-topic question" % _piece[:20],
           "question shows the shape asciidoc_runbook without its flag", qadd(_x, "\n\n" + _piece))


# ---------------- docker_push_output ----------------
simple("docker: push outside a fence", "docker_push_output needs a fence with a docker push", unfence("D1"))
simple("docker: no layer or digest line after the repository line", "docker_push_output needs a fence with a docker push",
       qsub("D3", r"(?m)^[0-9a-f]{12}: \w+\n", ""))
simple("docker: layer lines before the repository line do not count", "docker_push_output needs a fence with a docker push",
       chain(qrep("D3", "The push refers to repository [crbeltane.azurecr.io/web/frontend]\n", ""),
             qrep("D3", "b1380a51b7a8: Waiting\n", "b1380a51b7a8: Waiting\nThe push refers to repository [crbeltane.azurecr.io/web/frontend]\n")))
simple("docker: a login server in capitals is not parsed", "docker_push_output needs a fence with a docker push",
       qrep("D2", "[crhallin.azurecr.io/ingest/worker]", "[CRHALLIN.AZURECR.IO/ingest/worker]"))
simple("docker: agent item with the push not quoted inline", "docker_push_output needs the push's repository line and a layer or digest line quoted inline",
       lambda c: c.e("D4").__setitem__("question", c.e("D4")["question"].replace("`", "")))
simple("docker: agent item quoting only the repository line", "docker_push_output needs the push's repository line and a layer or digest line quoted inline",
       qrep("D5", " and `abff85131db7: Pushed`", ""))
simple("docker: short item without an inline push", "docker_push_output needs the push's repository line and a layer or digest line quoted inline",
       mset("S12", "docker_push_output", True))
simple("docker: truth names neither registry nor repository", "docker_push_output truth names neither the registry nor the repository of a pasted push",
       tset("D2", "The clean-up most likely removed the key access of the registry's encryption identity; restore its role or access policy on kv-hallin-cmk and the registry picks the key up again."))
simple("docker: a registry that was not pasted does not count", "docker_push_output truth names neither the registry nor the repository of a pasted push",
       tset("D3", "Assign the user-assigned identity to crbeltanex again with az acr identity assign; the failed detach stopped its renewal three months ago."))
simple("docker: a registry name in another case does not count", "docker_push_output truth names neither the registry nor the repository of a pasted push",
       trep_all("D1", "crsolvej", "CRSOLVEJ"))
simple("docker: the full login server counts", "short question has 15 words", only=True,
       fn=chain(tset("D4", "Within one hour of the version's creation: with a versionless key ID, crfenwick.azurecr.io moves to the newest key version by itself."),
                qset("S8", S8_15)))
simple("docker: the repository path counts", "short question has 15 words", only=True,
       fn=chain(tset("D2", "Pushes to ingest/worker stop because the clean-up removed the key access of the registry's encryption identity; restore its role or access policy on kv-hallin-cmk and the key is picked up again on its own."),
                qset("S8", S8_15)))
simple("docker: a Mounted from layer line counts", "short question has 15 words", only=True,
       fn=chain(qrep("D3", "e6df25dced07: Preparing", "e6df25dced07: Mounted from library/nginx"), qset("S8", S8_15)))
simple("docker: a digest line alone counts after the repository line", "short question has 15 words", only=True,
       fn=chain(qsub("D1", r"(?m)^[0-9a-f]{12}: [^\n]*\n", ""), qset("S8", S8_15)))
simple("docker: truth keeps push output", "docker_push_output truth still holds push output", tadd("D2", " (673d8cf281ed: Pushed)"))
simple("docker: truth keeps the repository line", "docker_push_output truth still holds push output",
       tadd("D1", " The push refers to repository [crsolvej.azurecr.io/billing/api] either way."))


@mut("docker pushes used 4 times", "shape docker_push_output used 4 times, want exactly 5")
def _(c):
    mdel("D1", "docker_push_output")(c)
    e = c.e("D1")
    e["question"] = re.sub(r"```text\n.*?```", "(a push whose layers mostly already existed)", e["question"], flags=re.S)


simple("docker pushes used 6 times", "shape docker_push_output used 6 times, want exactly 5", mset("L2", "docker_push_output", True))

# ---------------- gitlab_job_log ----------------
simple("GitLab: log outside a fence", "gitlab_job_log needs a fence with a GitLab job log", unfence("G2"))
simple("GitLab: no runner banner", "gitlab_job_log needs a fence with a GitLab job log",
       qsub("G3", r"Running with gitlab-runner [^\n]*\n", ""))
simple("GitLab: a banner without its version", "gitlab_job_log needs a fence with a GitLab job log",
       qrep("G4", "Running with gitlab-runner 17.1.0 (3a6fd2e0)", "Running with gitlab-runner (3a6fd2e0)"))
simple("GitLab: no job result", "gitlab_job_log needs a fence with a GitLab job log", qrep("G3", "Job succeeded\n", ""))
simple("GitLab: no script line before the result", "gitlab_job_log needs a fence with a GitLab job log",
       qsub("G5", r"(?m)^\$ [^\n]*\n", ""))
simple("GitLab: agent item flagged", "gitlab_job_log only in long posts", mset("AG2", "gitlab_job_log", True))
simple("GitLab: short item flagged", "gitlab_job_log only in long posts", mset("S12", "gitlab_job_log", True))
simple("GitLab: truth names a command that did not fail", "gitlab_job_log truth does not name the command of the failing script line",
       tset("G1", "The newer CLI made kv-brenna-enc an RBAC vault in the az keyvault create step, so no access policy can be added: grant Key Vault Crypto Service Encryption User to the identity's principal ID on the vault with az role assignment create instead."))
simple("GitLab: a command that was not pasted does not count", "gitlab_job_log truth does not name the command of the failing script line",
       tset("G2", "Run terraform plan again after adding depends_on on azurerm_role_assignment.quillon_grant to the registry, so that it waits for the grant."))
simple("GitLab: the command in another case does not count", "gitlab_job_log truth does not name the command of the failing script line",
       trep_all("G4", "az acr create", "AZ ACR CREATE"))
simple("GitLab: any command of a job that succeeded counts", "short question has 15 words", only=True,
       fn=chain(trep_all("G3", "az acr encryption rotate-key", "the registry's rotate-key"), qset("S8", S8_15)))
simple("GitLab: a failure with another reason counts", "short question has 15 words", only=True,
       fn=chain(qrep("G1", "ERROR: Job failed: exit code 1", "ERROR: Job failed: execution took longer than 1h0m0s seconds"),
                qset("S8", S8_15)))
simple("GitLab: truth keeps a job result line", "gitlab_job_log truth still holds job log lines", tadd("G1", " ERROR: Job failed: exit code 1"))
simple("GitLab: truth keeps a script line", "gitlab_job_log truth still holds job log lines", tadd("G5", "\n$ az acr show -n crtamsin"))
simple("GitLab: truth keeps the runner banner", "gitlab_job_log truth still holds job log lines",
       tadd("G2", " (Running with gitlab-runner 17.4.0)"))


@mut("GitLab logs used 4 times", "shape gitlab_job_log used 4 times, want exactly 5")
def _(c):
    mdel("G3", "gitlab_job_log")(c)
    e = c.e("G3")
    e["question"] = re.sub(r"```text\n.*?```", "(two steps: a key rotate, then rotate-key to the new kid)", e["question"], flags=re.S)


simple("GitLab logs used 6 times", "shape gitlab_job_log used 6 times, want exactly 5", mset("L2", "gitlab_job_log", True))

# ---------------- keyvault_audit_log ----------------
simple("audit: record outside a fence", "keyvault_audit_log needs a fence with an AuditEvent record", unfence("K2"))
simple("audit: fence that is not JSON", "keyvault_audit_log needs a fence with an AuditEvent record",
       qrep("K4", '"resultSignature": "OK",', '"resultSignature": "OK"'))
simple("audit: no resultSignature", "keyvault_audit_log needs a fence with an AuditEvent record",
       qrep("K3", '"resultSignature": "OK",', '"result": "OK",'))
simple("audit: no callerIpAddress", "keyvault_audit_log needs a fence with an AuditEvent record",
       qrep("K1", '"callerIpAddress":', '"callerIp":'))
simple("audit: operationName not a string", "keyvault_audit_log needs a fence with an AuditEvent record",
       qrep("K2", '"operationName": "KeyUnwrap",', '"operationName": ["KeyUnwrap"],'))
simple("audit: agent item with the record not quoted inline", "keyvault_audit_log needs the AuditEvent record quoted inline",
       lambda c: c.e("K5").__setitem__("question", c.e("K5")["question"].replace("`", "")))
simple("audit: short item without an inline record", "keyvault_audit_log needs the AuditEvent record quoted inline",
       mset("S12", "keyvault_audit_log", True))
simple("audit: truth names no operation", "keyvault_audit_log truth names no operation of a pasted record",
       tset("K2", "Because the vault now uses Azure RBAC, where access policies stop counting: give crilvane's identity Key Vault Crypto Service Encryption User on kv-ilvane-keys and the registry picks the key up again."))
simple("audit: an operation that was not pasted does not count", "keyvault_audit_log truth names no operation of a pasted record",
       trep_all("K1", "KeyUnwrap", "KeyWrap"))
simple("audit: an operation in another case does not count", "keyvault_audit_log truth names no operation of a pasted record",
       trep_all("K3", "KeyCreate", "keycreate"))
simple("audit: a list of records counts", "short question has 15 words", only=True,
       fn=chain(qrep("K1", "```json\n{", "```json\n[{"), qrep("K1", "}\n```", "}]\n```"), qset("S8", S8_15)))
simple("audit: an inline fragment that starts with a quoted name counts", "short question has 15 words", only=True,
       fn=chain(qrep("K5", '`{"operationName"', '`"operationName"'), qrep("K5", '"20.31.7.140"}`', '"20.31.7.140"`'),
                qset("S8", S8_15)))
simple("audit: truth keeps a record key", "keyvault_audit_log truth still holds audit record JSON",
       tadd("K4", ' ("resultSignature": "OK")'))
simple("audit: truth keeps the identity key", "keyvault_audit_log truth still holds audit record JSON",
       tadd("K1", ' ("identity": {"claim": {}})'))


@mut("audit records used 4 times", "shape keyvault_audit_log used 4 times, want exactly 5")
def _(c):
    mdel("K3", "keyvault_audit_log")(c)
    e = c.e("K3")
    e["question"] = re.sub(r"```json\n.*?```", "(a KeyCreate by the pipeline at 02:00)", e["question"], flags=re.S)


simple("audit records used 6 times", "shape keyvault_audit_log used 6 times, want exactly 5", mset("L2", "keyvault_audit_log", True))

# ---------------- java_exception ----------------
simple("Java: exception outside a fence", "java_exception needs a fence with a Java exception", unfence("J1"))
simple("Java: one stack frame only", "java_exception needs a fence with a Java exception",
       qsub("J2", r"\n\tat reactor[^\n]*\n\tat com\.marigold[^\n]*", ""))
simple("Java: frames without a .java file do not count", "java_exception needs a fence with a Java exception",
       qsub("J3", r"\.java:(\d+)\)", r".kt:\1)"))
simple("Java: an exception line without a package does not count", "java_exception needs a fence with a Java exception",
       qrep("J4", "com.azure.core.exception.HttpResponseException:", "HttpResponseException:"))
simple("Java: agent item with the exception not quoted inline", "java_exception needs the exception line quoted inline",
       lambda c: c.e("J5").__setitem__("question", c.e("J5")["question"].replace("`", "")))
simple("Java: agent item quoting the exception class without a message", "java_exception needs the exception line quoted inline",
       qsub("J5", r': Status code 400, [^`]*`', '`'))
simple("Java: short item without an inline exception", "java_exception needs the exception line quoted inline",
       mset("S12", "java_exception", True))
simple("Java: truth names neither class nor code", "java_exception truth names neither a pasted exception class nor its error code",
       tset("J3", "The trusted-services exception only covers ACR; add the rotation service's outbound address or subnet as a network rule on kv-rubio-enc, or run it from an allowed network."))
simple("Java: a class that was not pasted does not count", "java_exception truth names neither a pasted exception class nor its error code",
       tset("J1", "The ManagementError means the identity is the one crkestrel's encryption uses: attach it again, move encryption to another identity with rotate-key, and only then remove it."))
simple("Java: a code in another case does not count", "java_exception truth names neither a pasted exception class nor its error code",
       trep_all("J2", "BlockedForEncryptionEnabledRegistry", "blockedforencryptionenabledregistry"))
simple("Java: a Caused by exception counts", "short question has 15 words", only=True,
       fn=chain(qrep("J1", "(IdentityJanitor.java:88)\n", "(IdentityJanitor.java:88)\nCaused by: java.lang.IllegalStateException: identity still in use\n"
                                                        "\tat com.brisk.regops.IdentityJanitor.check(IdentityJanitor.java:61)\n"),
                trep("J1", "The ManagementException means", "The IllegalStateException behind it means"), qset("S8", S8_15)))
simple("Java: an error code from the message counts", "short question has 15 words", only=True,
       fn=chain(trep("J3", "with ForbiddenByFirewall", "with the code Forbidden"), qset("S8", S8_15)))
simple("Java: Exception in thread and Unknown Source frames count", "short question has 15 words", only=True,
       fn=chain(qrep("J4", "```text\ncom.azure", "```text\nException in thread \"main\" com.azure"),
                qrep("J4", "(KeyStep.java:29)", "(Unknown Source)"), qset("S8", S8_15)))
simple("Java: truth keeps a stack frame", "java_exception truth still holds stack frames",
       tadd("J2", " (at com.marigold.deploy.TrustPolicyStep.apply(TrustPolicyStep.java:41))"))
simple("Java: truth keeps a Caused by", "java_exception truth still holds stack frames", tadd("J1", " Caused by: nothing else."))


@mut("Java exceptions used 4 times", "shape java_exception used 4 times, want exactly 5")
def _(c):
    mdel("J2", "java_exception")(c)
    e = c.e("J2")
    e["question"] = re.sub(r"```text\n.*?```", "(a 400 with code BlockedForEncryptionEnabledRegistry)", e["question"], flags=re.S)


simple("Java exceptions used 6 times", "shape java_exception used 6 times, want exactly 5", mset("L2", "java_exception", True))

# ---------------- asciidoc_runbook ----------------
simple("AsciiDoc: runbook outside a fence", "asciidoc_runbook needs a fence with AsciiDoc", unfence("A1"))
simple("AsciiDoc: no section title", "asciidoc_runbook needs a fence with AsciiDoc",
       qrep("A5", "== Downsizing idle registries\n\n", ""))
simple("AsciiDoc: no listing block", "asciidoc_runbook needs a fence with AsciiDoc", qrep("A5", "[source,bash]\n", ""))
simple("AsciiDoc: a listing without its closing delimiter", "asciidoc_runbook needs a fence with AsciiDoc",
       qrep("A3", "--default-action Deny\n----\n", "--default-action Deny\n"))
simple("AsciiDoc: a [source] line not followed by a delimiter", "asciidoc_runbook needs a fence with AsciiDoc",
       qrep("A4", "[source,bicep]\n----\n", "[source,bicep]\n\n----\n"))
simple("AsciiDoc: agent item flagged", "asciidoc_runbook only in long posts", mset("AG2", "asciidoc_runbook", True))
simple("AsciiDoc: short item flagged", "asciidoc_runbook only in long posts", mset("S12", "asciidoc_runbook", True))
simple("AsciiDoc: truth cites no title", "asciidoc_runbook truth cites no pasted section title",
       tset("A2", "Make the key RSA-HSM with wrapKey and unwrapKey, and assign the local role Managed HSM Crypto Service Encryption User at /keys/kek-ondra to the identity's principal ID with az keyvault role assignment create."))
simple("AsciiDoc: a title that was not pasted does not count", "asciidoc_runbook truth cites no pasted section title",
       trep("A5", "the Downsizing idle registries section", "the Cost reduction section"))
simple("AsciiDoc: a title in another case counts", "short question has 15 words", only=True,
       fn=chain(trep("A3", "Network hardening for kv-pelle-cmk", "NETWORK HARDENING FOR KV-PELLE-CMK"), qset("S8", S8_15)))
simple("AsciiDoc: a level-5 title counts", "short question has 15 words", only=True,
       fn=chain(qrep("A5", "== Downsizing idle registries", "===== Downsizing idle registries"), qset("S8", S8_15)))
simple("AsciiDoc: a [source] line without a language counts", "short question has 15 words", only=True,
       fn=chain(qrep("A5", "[source,bash]", "[source]"), qset("S8", S8_15)))
simple("AsciiDoc: truth keeps a [source] attribute", "asciidoc_runbook truth still holds AsciiDoc markup", tadd("A2", " ([source,bash])"))
simple("AsciiDoc: truth keeps an admonition label", "asciidoc_runbook truth still holds AsciiDoc markup", tadd("A1", "\nNOTE: check both scopes."))
simple("AsciiDoc: truth keeps a title line", "asciidoc_runbook truth still holds AsciiDoc markup", tadd("A4", "\n=== Registry resource"))


@mut("AsciiDoc runbooks used 4 times", "shape asciidoc_runbook used 4 times, want exactly 5")
def _(c):
    mdel("A5", "asciidoc_runbook")(c)
    e = c.e("A5")
    e["question"] = re.sub(r"```asciidoc\n.*?```", "(a section that moves crjolka to Standard with az acr update)", e["question"], flags=re.S)


simple("AsciiDoc runbooks used 6 times", "shape asciidoc_runbook used 6 times, want exactly 5", mset("L2", "asciidoc_runbook", True))
simple("two new shapes on one item", "more than one new shape on one item", mset("G1", "docker_push_output", True))

# ---------------- two_facts ----------------
simple("two_facts floor", "floor: shape two_facts 3 < 4",
       chain(*[f for k in ("A2", "D2") for f in
               (mdel(k, "two_facts"), (lambda c, k=k: c.e(k)["canonical"].pop()),
                (lambda c, k=k: c.e(k)["answer_facts"].pop()))]))



def run_check(d):
    env = dict(os.environ, BLIND70_DIR=d, BLIND70_KROOT=os.path.join(d, "k"), BLIND70_FACTS=os.path.join(d, "facts"),
               PYTHONDONTWRITEBYTECODE="1")
    p = subprocess.run([sys.executable, os.path.join(HERE, "check70.py")], env=env, capture_output=True, text=True)
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
        shutil.copy(os.path.join(HERE, "build70.py"), d)
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



