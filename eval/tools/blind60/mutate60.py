"""blind60 mutation driver. Each mutation runs on a fresh temp copy (inside blind60/) of the set, prev/, the
blind59 and blind58 first-canonical lists, the knowledge and the fact sheets; it counts as caught only when check60.py
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
KROOT = os.environ.get("BLIND60_KROOT", "/work/scratch/blind60/kstripped")
FACTS = os.environ.get("BLIND60_FACTS", "/work/shared/facts")
sys.path.insert(0, HERE)
import build60  # noqa: E402
import check60  # noqa: E402
import kparse  # noqa: E402

SET = "blind60"
FILES = (SET + ".json", SET + "-meta.json", SET + "-first-canonicals.txt")
_entries, _meta = build60.build()
_byq = {q["question"]: q["key"] for q in build60.QUESTIONS}
ID = {_byq[e["question"]]: e["id"] for e in _entries}
SCENARIO_SECTION = next("acr-cmk/" + k if not k.startswith("acr-cmk/") else k
                        for k in kparse.parse_all(KROOT) if "scenarios/" in k)
P = build60.ID_PREFIX
LISTS = tuple("blind%d-first-canonicals.txt" % n for n in check60.SPREAD_SETS)
A_SET, B_SET = check60.SPREAD_SETS
PREV_LABEL = check60.PREV_LABEL


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
            for n in check60.SPREAD_SETS:
                fp = os.path.join(self.d, "blind%d-first-canonicals.txt" % n)
                firsts[n] = {x.strip() for x in open(fp, encoding="utf-8") if x.strip()} if os.path.exists(fp) else set()
            self.m["_set"] = check60.set_summary(self.j, self.m, firsts)
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
for pfx in ("o", "n", "m", "l", "k", "j", "i", "h", "g", "f", "e", "d", "c", "b", "a", "q", "z"):
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
simple("rebuild: json truth edited", "rebuild differs from blind60.json",
       lambda c: c.j[0].__setitem__("truth", c.j[0]["truth"] + " Extra."), True)
simple("rebuild: meta edited", "rebuild differs from blind60-meta.json",
       lambda c: c.m[P + "001"].__setitem__("qual", "none" if c.m[P + "001"]["qual"] != "none" else "asked"), True)


@mut("rebuild: same content, other JSON layout (byte compare)", "rebuild differs from blind60.json", True)
def _(c):
    # content unchanged, only the serialisation differs: caught by the byte comparison alone
    def save():
        with open(os.path.join(c.d, FILES[0]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(c.j, indent=2, ensure_ascii=False) + "\n")
        with open(os.path.join(c.d, FILES[1]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(c.m, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    c.save = save


@mut("rebuild: a date in a pasted changelog changed (byte compare)", "rebuild differs from blind60.json", True)
def _(c):
    # still a complete changelog excerpt whose version the truth names, but no longer what build60.py writes
    c.q_rep("L7", "## [0.7.0] - 2025-01-21", "## [0.7.0] - 2025-01-22")


@mut("rebuild: first-canonical list edited", "rebuild differs from blind60-first-canonicals.txt", True)
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


simple("first-canonical list missing", "blind60-first-canonicals.txt missing",
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
       set_edit(lambda s: s["new_shapes"]["github_alert"].pop()))
simple("_set: spread count changed", "meta: _set summary does not match",
       set_edit(lambda s: s["spread"].__setitem__("new_against_blind%d_and_blind%d" % (A_SET, B_SET), 47)))
simple("_set: spread floors changed", "meta: _set summary does not match",
       set_edit(lambda s: s["spread"].__setitem__("floors", [30, 20])))
simple("_set: typo moved to another id", "meta: _set summary does not match",
       set_edit(lambda s: s["typos"].__setitem__("becuase", ID["S2"])))
simple("_set: off-topic subject renamed", "meta: _set summary does not match",
       set_edit(lambda s: s["off_topic_subjects"].__setitem__(ID["X1"], "longhorn")))
simple("_set: stale after a flag change", "meta: _set summary does not match",
       raw(mdel("L16", "azd_output")))


def add_my_first_to_list(n, key):
    def f(c):
        # one of this set's first canonicals now also counts as a first of blind<n>: the spread figures go stale
        c.raw_set = True
        p = os.path.join(c.d, "blind%d-first-canonicals.txt" % n)
        lines = [x for x in open(p, encoding="utf-8") if x.strip()]
        lines[-1] = c.e(key)["canonical"][0] + "\n"
        open(p, "w", encoding="utf-8").writelines(lines)
    return f


simple("_set: stale after the blind59 first-canonical list changed", "meta: _set summary does not match",
       add_my_first_to_list(A_SET, "L22"))
simple("_set: stale after the blind58 first-canonical list changed", "meta: _set summary does not match",
       add_my_first_to_list(B_SET, "A12"))

# ---------------- dropped flags and fields (the shape flags of blind52 to blind59 included) ----------------
_SPECIAL = {"field": "bypass", "wrong": "--kek-uri", "other": ["AWS"], "premise": "x"}
for fld in check60.DROPPED_FIELDS:
    simple("dropped/unknown field %s" % fld, "unknown field %r" % fld, mset("L24", fld, _SPECIAL.get(fld, True)))

# ---------------- facts and answer facts ----------------
simple("answer_fact not in canonical", "answer_fact not in first canonical",
       lambda c: c.e("L4")["answer_facts"].__setitem__(0, "managed hsm is available in every region"))
simple("answer_fact only in a related section", "answer_fact not in first canonical",
       lambda c: c.e("L14")["answer_facts"].__setitem__(0, "one key, all its versions"))
simple("answer_fact added from a related section", "answer_fact not in first canonical",
       lambda c: c.e("L4")["answer_facts"].append("add ip ranges or subnets"))
simple("answer_fact over 7 words", "answer_fact over 7 words",
       lambda c: c.e("S11")["answer_facts"].__setitem__(1, "stores the key without a version, so automatic rotation"))
simple("fact not in any section", "fact not in a canonical or related section",
       lambda c: c.e("S3")["facts"].__setitem__(0, "a private endpoint blocks trusted services"))
simple("empty answer_facts", "no answer_facts", eset("S12", "answer_facts", []))
simple("empty facts", "no facts", eset("S12", "facts", []))
simple("two_facts with all facts in the first canonical", "two_facts needs one answer_fact only in each",
       lambda c: c.e("L22")["answer_facts"].__setitem__(1, "grant it key access first"))
simple("two_facts fact in neither canonical", "answer_fact not in either canonical",
       lambda c: c.e("L13")["answer_facts"].__setitem__(0, "the registry recreates the grant"))
simple("two canonicals without flag", "two canonical sections need two_facts", mdel("L24", "two_facts"))
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
       lambda c: c.e("S7").__setitem__("truth", "No: " + c.e("S7")["truth"][5:]))
simple("no truth without No", "no truth must open 'No: '",
       lambda c: c.e("L17").__setitem__("truth", c.e("L17")["truth"][4:]))
simple("undocumented truth without verdict", "undocumented truth must open 'Not documented'",
       lambda c: c.e("S8").__setitem__("truth", c.e("S8")["truth"][16:]))
simple("off-topic truth without verdict", "off-topic truth must open 'Not covered: '",
       lambda c: c.e("X3").__setitem__("truth", c.e("X3")["truth"][13:]))
simple("howto truth opening Yes", "howto truth opens with a verdict word",
       lambda c: c.e("A4").__setitem__("truth", "Yes: " + c.e("A4")["truth"]))
simple("troubleshoot truth opening No", "troubleshoot truth opens with a verdict word",
       lambda c: c.e("L15").__setitem__("truth", "No, " + c.e("L15")["truth"]))
simple("off-topic item with canonical", "off-topic item must have empty lists",
       lambda c: c.e("X4")["canonical"].append("acr-cmk/references/overview.md#default-encryption-at-rest-without-a-cmk"))
simple("off-topic category on an on-topic kind", "off-topic category and kind disagree",
       eset("A10", "category", "off-topic"))
simple("unknown category", "bad category", eset("A10", "category", "misc"))
simple("style count broken", "on-topic short count 13", mset("A7", "style", "short"))
simple("unknown style", "bad style", mset("A7", "style", "medium"))
simple("kind count broken", "kind howto count 13", mset("L24", "kind", "why"))
simple("kind group missing from a style", "kind group yes/no missing from style agent",
       chain(mset("A1", "kind", "value"),
             tset("A1", "Several minutes: Managed HSM role grants take a while, so test_create_registry_with_hsm_key "
                        "should retry the create."),
             mset("A10", "kind", "value"),
             tset("A10", "A client ID GUID, stored unchanged; attach the identity to crpipit first.")))
simple("category above 9", "category hsm count 10",
       chain(eset("L16", "category", "hsm"), eset("L17", "category", "hsm"), eset("S12", "category", "hsm")))
simple("category below 2", "category troubleshooting count 1",
       chain(eset("S1", "category", "keys"), eset("A6", "category", "keys")))

# ---------------- style rules ----------------
S11_15 = "portal: how to pick the acr kek so that it keeps rotating on its own"
L23_START = "We inherited an ARM template"
simple("long post too short", "long question length", qset("L24", "Which order for the vault and the key?"))
simple("long post too long", "long question length",
       lambda c: c.e("L23").__setitem__("question", c.e("L23")["question"] + (" Some more background here." * 60)))
simple("short question of 15 words", "short question has 15 words", qset("S11", S11_15))
simple("short question on two lines", "short question spans lines", qrep("S4", " onto a new key version", "\nonto a new key version"))
simple("agent query of 50 words", "agent query has",
       lambda c: c.e("A7").__setitem__("question", c.e("A7")["question"] + " please" + " also" * 30))
simple("agent query on two lines", "agent query spans lines", qrep("A1", " Question:", "\nQuestion:"))
simple("agent query with a fence", "agent query spans lines", qrep("A1", " Question:", " ```x``` Question:"))
simple("context form without Context:", "context form must open with 'Context:'",
       lambda c: c.e("A1").__setitem__("question", c.e("A1")["question"][len("Context: "):]))
simple("imperative form without verb", "imperative form must open with an imperative verb",
       qrep("A4", "Give the steps", "I need the steps"))
simple("keywords form opening uppercase", "keywords form must open lowercase",
       lambda c: c.e("A8").__setitem__("question", "M" + c.e("A8")["question"][1:]))
simple("keywords form with ?", "keywords form must open lowercase",
       lambda c: c.e("A8").__setitem__("question", c.e("A8")["question"] + "?"))
simple("form on a short item", "form on a non-agent item", mset("S11", "form", "keywords"))
simple("agent forms miscounted", "on-topic agent form context count 4",
       chain(mset("A1", "form", "imperative"), qrep("A1", "Context: our nightly", "Explain: our nightly")))
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
       tset("S7", "Yes: a key kept in a hardware-backed store works as the registry's key."))
simple("qual asked recorded as story", "qual is 'story', should be 'asked'", mset("L19", "qual", "story"))
simple("quals without qual none", "qual is 'asked', should be 'none'", mset("L1", "qual", "asked"))
simple("unknown qualifier", "bad quals", mset("L19", "quals", ["hsm", "iac", "oct2026", "k8s"]))


def drop_qual(mm, x, q):
    mm["quals"] = [v for v in mm["quals"] if v != q]
    ask = build60.ask_part(x["question"])
    hit = ("hsm" in mm["quals"] and build60.HSM_RE.search(ask)) or ("iac" in mm["quals"] and build60.IAC_RE.search(ask))
    mm["qual"] = "none" if not mm["quals"] else ("asked" if hit else "story")


@mut("Managed HSM asked floor", "floor: Managed HSM asked")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "hsm" in mm.get("quals", []) and build60.HSM_RE.search(build60.ask_part(x["question"])):
            n += 1
            if n > 9:
                drop_qual(mm, x, "hsm")


@mut("Managed HSM asked in too few ways (qualifiers dropped)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    # A5 is the only purge ask, A6 the only which-version ask
    for k in ("A5", "A6"):
        drop_qual(c.meta(k), c.e(k), "hsm")


@mut("Managed HSM asked in too few ways (asks reworded)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    # L3 is the only revocation ask, A6 the only which-version ask
    c.q_rep("L3", "Is the runbook right that revoking the HSM role leaves already stored images readable?",
            "Is the runbook right that pulling the HSM role leaves already stored images readable?")
    c.q_rep("A6", "Question: how do I check which version the registry uses now and that nothing else",
            "Question: how do I confirm the registry follows it now and that nothing else")


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


@mut("spread against blind59", "first canonicals new against blind59 (floor 40)")
def _(c):
    firsts = list(dict.fromkeys(list_lines(c, A_SET)))
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < 9 and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [firsts[n]]
            x["related"] = [r for r in x["related"] if r != firsts[n]] or [firsts[n + 20]]
            n += 1


@mut("spread against blind59 and blind58", "first canonicals new against blind59 and blind58 (floor 30)")
def _(c):
    a, b = set(list_lines(c, A_SET)), set(list_lines(c, B_SET))
    mine = {x["canonical"][0] for x in c.j if x["canonical"]}
    fresh = sum(1 for x in c.j if x["canonical"] and x["canonical"][0] not in a and x["canonical"][0] not in b)
    need = fresh - 29
    pool = [f for f in dict.fromkeys(list_lines(c, B_SET)) if f not in a and f not in mine]
    if len(pool) < need:
        raise AssertionError("setup: only %d blind58-only firsts" % len(pool))
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
simple("key-vault-access doc below 2", "first canonical doc key-vault-access count 1",
       lambda c: c.e("L15")["canonical"].__setitem__(0, "acr-cmk/references/key-rotation.md#how-often-to-rotate"))
simple("blind59 first-canonical list missing", "first-canonical list missing: blind59",
       lambda c: os.remove(os.path.join(c.d, "blind59-first-canonicals.txt")))
simple("blind58 first-canonical list missing", "first-canonical list missing: blind58",
       lambda c: os.remove(os.path.join(c.d, "blind58-first-canonicals.txt")))


@mut("blind58 first-canonical list cut to 47", "blind58 has 47 lines")
def _(c):
    p = os.path.join(c.d, "blind58-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:47])


@mut("blind59 first-canonical list cut to 40", "blind59 has 40 lines")
def _(c):
    p = os.path.join(c.d, "blind59-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:40])


@mut("first-canonical lists read from the set's folder, not from prev/ (blind59)", "first-canonical list missing: blind59")
def _(c):
    # a copy in prev/ does not stand in for the list next to the set
    shutil.move(os.path.join(c.d, "blind59-first-canonicals.txt"), os.path.join(c.d, "prev", "blind59-first-canonicals.txt"))


@mut("first-canonical lists read from the set's folder, not from prev/ (blind58)", "first-canonical list missing: blind58")
def _(c):
    shutil.move(os.path.join(c.d, "blind58-first-canonicals.txt"), os.path.join(c.d, "prev", "blind58-first-canonicals.txt"))


@mut("spread lists of the wrong sets (blind58 and blind57 in place of blind59 and blind58)",
     "first-canonical list missing: blind59")
def _(c):
    # the previous set's pair of lists does not satisfy this set's spread rule
    os.remove(os.path.join(c.d, "blind59-first-canonicals.txt"))
    shutil.copy(os.path.join(c.d, "blind58-first-canonicals.txt"), os.path.join(c.d, "blind57-first-canonicals.txt"))


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


simple("typo planted in blind20", "typo 'becuase' already used in blind19-59", plant_prev(20, "becuase"))
simple("typo planted in blind41", "typo 'manualy' already used in blind19-59", plant_prev(41, "manualy"))
simple("typo planted in blind48", "typo 'curent' already used in blind19-59", plant_prev(48, "curent"))
simple("typo planted in blind59", "typo 'becuase' already used in blind19-59", plant_prev(59, "becuase"))
simple("typo planted in a blind59 truth", "typo 'manualy' already used in blind19-59", plant_prev_truth(59, "manualy"))
simple("typo planted in a blind25 truth", "typo 'curent' already used in blind19-59", plant_prev_truth(25, "curent"))
simple("typo moved to an off-topic short", "typo must sit in a short on-topic question",
       chain(mdel("S3", "typo"), qrep("S3", "becuase", "because"), mset("X11", "typo", "becuase"),
             qrep("X11", "logged-in users?", "logged-in users, becuase?")))
simple("typo fixed in the question", "typo 'curent' not in the question", qrep("S5", "curent", "current"))
simple("unrecorded typo in another question", "unrecorded typo 'becuase'",
       qrep("S6", "kek-skylark, why?", "kek-skylark, becuase why?"))
simple("typo used twice", "typo 'becuase' used 2 times",
       chain(mset("S6", "typo", "becuase"), qrep("S6", "kek-skylark, why?", "kek-skylark, becuase why?")))
simple("unknown typo word", "not in the set's typo list",
       chain(mset("S4", "typo", "manully"), qrep("S4", "manualy", "manully")))
simple("typo on a long item", "typo must sit in a short on-topic question",
       chain(mdel("S4", "typo"), qrep("S4", "manualy", "manually"), mset("L23", "typo", "manualy"),
             qrep("L23", "when we bump it?", "when we bump it manualy?")))


@mut("typo added to the knowledge", "typo 'becuase' stands in the knowledge or facts")
def _(c):
    p = c.kfile("acr-cmk/references/overview.md")
    open(p, "a").write("\nbecuase\n")


@mut("typo added to the fact sheets", "typo 'curent' stands in the knowledge or facts")
def _(c):
    p = os.path.join(c.d, "facts", "cmk-facts-2026-10.md")
    os.chmod(p, 0o644)
    open(p, "a").write("\ncurent\n")


# ---------------- copying ----------------
KV_POLICY_CMD = ('az keyvault set-policy --name $KEY_VAULT_NAME --resource-group $RESOURCE_GROUP --object-id '
                 '$PRINCIPAL_ID --key-permissions get unwrapKey wrapKey')
KNOWLEDGE_PROSE = "the registry cannot unwrap its data without the key so deleting the key store"
simple("knowledge 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L23", L23_START, "The registry cannot unwrap its data without the key, and " + L23_START))
simple("fact-sheet 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L23", L23_START, "We wonder whether this revision is already live on Learn, and " + L23_START))
simple("pasted error moved into prose", "8-token run shared with knowledge/facts",
       qrep("L23", L23_START, "The CLI said Cannot set policies to a vault with '--enable-rbac-authorization' specified. " + L23_START))
simple("knowledge prose inside a GitHub alert (prose 8-token rule)", "8-token run shared with knowledge/facts",
       qrep("L5", "> CMK registries can't be zone redundant", "> " + KNOWLEDGE_PROSE + ". CMK registries can't be zone redundant"))
simple("knowledge prose as a changelog bullet (12-token rule)",
       "12-token run (fences included) shared with knowledge/facts",
       qrep("L7", "- minimum Bicep version raised\n", "- minimum Bicep version raised\n- note: " + KNOWLEDGE_PROSE + "\n"))
simple("knowledge prose inside a Maven log (12-token rule)", "12-token run (fences included) shared with knowledge/facts",
       qrep("L12", "[INFO] Building dependencies layer...\n", "[INFO] Building dependencies layer...\n[INFO] " + KNOWLEDGE_PROSE + "\n"))
simple("knowledge command inside an azd output (12-token rule)",
       "12-token run (fences included) shared with knowledge/facts",
       qrep("L18", "  (x) Failed: Container Registry: crstonechatqa (5.8s)\n",
            "  (x) Failed: Container Registry: crstonechatqa (5.8s)\n  " + KV_POLICY_CMD + "\n"))
simple("knowledge prose inside a pytest report (12-token rule)",
       "12-token run (fences included) shared with knowledge/facts",
       qrep("L21", "tests/test_rotation.py:27: AssertionError\n", "tests/test_rotation.py:27: AssertionError\n" + KNOWLEDGE_PROSE + "\n"))
simple("blind30 8-token run", "8-token run shared with blind19-59",
       lambda c: c.e("L24").__setitem__("question", c.e("L24")["question"] + " " + prevq(30, 8)(c)[:120]))
simple("blind41 8-token run", "8-token run shared with blind19-59",
       lambda c: c.e("L24").__setitem__("question", c.e("L24")["question"] + " " + prevq(41, 3)(c)[:150]))
simple("blind59 8-token run", "8-token run shared with blind19-59",
       lambda c: c.e("L24").__setitem__("question", c.e("L24")["question"] + " " + prevq(59, 50)(c)[:150]))


def clean_prev_truth(n):
    """The first 200 characters of the first on-topic blind<n> truth whose opening shares no 8-token run with the
    knowledge or the fact sheets (so that only the prev-truth rule can fire)."""
    def get(c):
        src = check60.grams(check60.toks(kparse.all_text(os.path.join(c.d, "k")) + "\n" +
                                         kparse.all_text(os.path.join(c.d, "facts"))), 8)
        for e in json.load(open(os.path.join(c.d, "prev", "blind%d.json" % n), encoding="utf-8")):
            t = e["truth"][:200]
            if len(e["truth"]) >= 250 and not e["truth"].startswith("Not covered") and \
                    not check60.grams(check60.toks(t), 8) & src:
                return t
        raise AssertionError("setup: no clean blind%d truth" % n)
    return get


simple("blind59 truth copied into a question", "8-token run shared with a blind19-59 truth",
       lambda c: c.e("L24").__setitem__("question", c.e("L24")["question"] + " " + clean_prev_truth(59)(c)))
simple("blind33 truth copied into a question", "8-token run shared with a blind19-59 truth",
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
            if field == "question" and any(d(t) for d in check60.OLD_DETECT.values() if d is not None):
                continue
            ts = _tokset(t)
            if all(len(ts & o) / len(ts | o) <= 0.6 for o in older):
                return t
        raise AssertionError("setup: no own blind%d %s" % (n, field))
    return get


simple("blind59 question repeated", "Jaccard > 0.6 with blind59",
       lambda c: c.e("A12").__setitem__("question", own_prev(59, "question")(c)))
simple("blind53 question repeated", "Jaccard > 0.6 with blind53",
       lambda c: c.e("A4").__setitem__("question", own_prev(53, "question")(c)))
simple("blind46 question repeated", "Jaccard > 0.6 with blind46",
       lambda c: c.e("S8").__setitem__("question", own_prev(46, "question")(c)))
simple("blind59 truth repeated", "truth Jaccard > 0.6 with blind59",
       lambda c: c.e("S3").__setitem__("truth", own_prev(59, "truth")(c)))
simple("off-topic truth close to an earlier truth", "truth Jaccard > 0.6 with blind",
       tset("X11", "Not covered: resetting a Navidrome password is outside the ACR customer-managed key knowledge."))
simple("off-topic truth copied from blind59", "truth Jaccard > 0.6 with blind59",
       lambda c: c.e("X12").__setitem__("truth", next(
           e["truth"] for e in json.load(open(os.path.join(c.d, "prev", "blind59.json"), encoding="utf-8"))
           if e["truth"].startswith("Not covered"))))
simple("near-duplicate inside the set", "Jaccard > 0.6 with",
       qset("S10", "does the current az keyvault create still default to access policies?"))
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
    old = "assignment that matches its filters"
    if s.count(old) != 1:
        raise AssertionError("setup: text not once in revocation-and-recovery.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "assignment matching its filters"))


@mut("knowledge text edited under a two_facts answer fact", "answer_fact not in either canonical")
def _(c):
    p = c.kfile("acr-cmk/references/revocation-and-recovery.md")
    s = open(p, encoding="utf-8").read()
    old = "registry operations resume"
    if s.count(old) != 1:
        raise AssertionError("setup: text not once in revocation-and-recovery.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "registry operations continue"))


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
simple("blind58 prev file missing", "prev file missing: blind58.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind58.json")))
simple("blind59 prev file missing", "prev file missing: blind59.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind59.json")))
simple("blind19 prev file missing (first of the range)", "prev file missing: blind19.json",
       lambda c: os.remove(os.path.join(c.d, "prev", "blind19.json")))


# ---------------- off-topic ----------------
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
X8_TAIL = "so that the stored data source passwords stay readable"
for _word, _label in (("ghostunnel", "blind59 subject"), ("registrar", "blind59 extra name"), ("awx", "blind58 subject"),
                      ("minions", "blind58 extra name"), ("bitrise", "blind57 subject"),
                      ("libsodium", "blind57 extra name"), ("travis", "blind56 subject"),
                      ("sqlite", "blind56 extra name"), ("circleci", "blind55 subject"), ("nats", "blind54 subject"),
                      ("istio", "blind53 subject")):
    simple("%s in another question" % _label, "off-topic question names banned %r" % _word,
           qrep("X8", X8_TAIL, "(as we did for %s) %s" % (_word, X8_TAIL)))
simple("blind59 multi-word extra name in another question", "off-topic question names banned 'wrap key'",
       qrep("X8", X8_TAIL, "(the wrap key too) " + X8_TAIL))
simple("blind58 multi-word extra name in another question", "off-topic question names banned 'sensitive properties key'",
       qrep("X8", X8_TAIL, "(the sensitive properties key too) " + X8_TAIL))
simple("blind54 extra name in another question", "off-topic question names banned 'argo cd'",
       qrep("X8", X8_TAIL, "(Argo CD reads them too) " + X8_TAIL))
simple("blind28 subject in another question", "off-topic question names banned 'payment hsm'",
       qrep("X8", X8_TAIL, "(the Payment HSM team asked too) " + X8_TAIL))
simple("subject planted in blind33", "subject 'spiped' used in blind19-59", plant_prev(33, "spiped"))
simple("subject planted in blind59", "subject 'teampass' used in blind19-59", plant_prev(59, "teampass"))
simple("subject not in question", "subject 'teampass' not in the question",
       qset("X12", "password manager encryption key rotation after an admin left"))
simple("earlier off-topic product named (capitalised, blind27)", "repeats an earlier off-topic subject word: verdaccio",
       qrep("X8", X8_TAIL, "the way we once did for Verdaccio, " + X8_TAIL))
simple("earlier off-topic product named (lowercase short, blind25)", "repeats an earlier off-topic subject word: sops",
       qset("X11", "hedgedoc secret rotation like sops does?"))
simple("earlier off-topic word from blind51 outside the ban list", "repeats an earlier off-topic subject word: secret-key",
       qrep("X9", "encryption keyfile swap", "secret-key keyfile swap"))
simple("earlier off-topic word from blind54 outside the ban list", "repeats an earlier off-topic subject word: gitops",
       qrep("X6", "The metadata of our image promotions", "The metadata of our GitOps image promotions"))
simple("earlier off-topic word from blind55 outside the ban list", "repeats an earlier off-topic subject word: cas",
       qrep("X4", "under our PKI policy", "under the policy for our CAs"))
simple("earlier off-topic word from blind56 outside the ban list", "repeats an earlier off-topic subject word: compromised",
       qrep("X3", "has to change now", "was compromised and has to change now"))
simple("earlier off-topic word from blind57 outside the ban list", "repeats an earlier off-topic subject word: members",
       qrep("X7", "without logging everyone out", "without logging members out"))
simple("off-topic subject word planted in an earlier off-topic truth", "repeats an earlier off-topic subject word: yugabytedb",
       plant_prev_offtopic_truth(40, "Compare YugabyteDB."))
simple("banned key word in off-topic", "off-topic question names banned 'kubernetes'",
       qrep("X2", "for the factory lines", "for the Kubernetes factory lines"))
simple("banned key word kms", "off-topic question names banned 'kms'",
       qrep("X1", "generated four years ago", "generated four years ago by our kms"))
simple("near_miss on an agent item", "near_miss only on long off-topic posts", mset("X7", "near_miss", True))
simple("near-miss floor", "floor: near misses", chain(mdel("X1", "near_miss"), mdel("X2", "near_miss")))


@mut("off-topic story floor", "floor: long off-topic registry+key stories")
def _(c):
    for k in ("X5", "X6"):
        e = c.e(k)
        e["question"] = re.sub(r"\bregistr\w*", "service", e["question"], flags=re.I)


simple("off-topic subject missing", "off-topic subject missing", mdel("X6", "subject"))
simple("shape flag on off-topic", "shape flag azd_output on an off-topic item", mset("X6", "azd_output", True))
simple("subject on an on-topic item", "subject/near_miss on an on-topic item", mset("L22", "subject", "x"))


# ---------------- long measures ----------------
@mut("fenced long floor", "floor: fenced long posts")
def _(c):
    for k in ("L22", "L23", "L24", "L7", "L16", "L17"):
        unfence(k)(c)


@mut("fenced troubleshoot floor", "floor: fenced long troubleshoot posts")
def _(c):
    for k in ("L16", "L18", "L21", "L7"):
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


# ---------------- the shapes of blind52 to blind59 are rejected in the text ----------------
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


simple("old shape: TL;DR line", "question shows blind52's shape tldr_summary",
       qrep("L24", "New regulated workload:", "TL;DR: which order?\n\nNew regulated workload:"))
simple("old shape: TL;DR line in an off-topic post", "question shows blind52's shape tldr_summary",
       qadd("X1", "\n\ntl;dr can the replica keep pulling during the switch?"))
simple("old shape: shouting", "question shows blind52's shape caps_shouting",
       qrep("L23", L23_START, "I REALLY need this SETTLED. " + L23_START))
simple("old shape: typographic quotes", "question shows blind52's shape smart_punctuation",
       qrep("S12", "minimum rotation period", "\u201cminimum\u201d rotation period"))
simple("old shape: en dash in a command", "question shows blind52's shape smart_punctuation",
       qrep("L24", "--size 4096", "\u2013-size 4096"))
simple("old shape: --query expression", "question shows blind52's shape jmespath_query",
       qrep("L24", "New regulated workload:", "az keyvault show --query properties.vaultUri works. New regulated workload:"))
simple("old shape: anchored regex", "question shows blind52's shape regex_pattern",
       qrep("S12", "minimum rotation period", "`^https://[^/]+/keys/[^/]+$` period"))
simple("old shape: shell history", "question shows blind53's shape shell_history", qadd("L23", HISTORY_FENCE))
simple("old shape: env file", "question shows blind53's shape dotenv_file", qadd("L23", ENV_FENCE))
simple("old shape: ANSI colour codes", "question shows blind53's shape ansi_escape_codes",
       qrep("A1", "in hsm-avocet", "in \x1b[33mhsm-avocet\x1b[0m"))
simple("old shape: strikethrough", "question shows blind53's shape strikethrough_correction",
       qrep("A4", "without the registry losing", "without ~~cutting~~ the registry losing"))
simple("old shape: percent-encoded URI", "question shows blind53's shape percent_encoded_uri",
       qrep("S6", "ending in /secrets/kek-skylark", "ending in https%3a%2f%2fhsm-skylark.managedhsm.azure.net%2fsecrets%2fkek"))
simple("old shape: strikethrough in an off-topic question", "question shows blind53's shape strikethrough_correction",
       qrep("X11", "secret rotation", "~~key~~ secret rotation"))
simple("old shape inside a changelog (shell history)", "question shows blind53's shape shell_history",
       qrep("L10", "BREAKING CHANGES:\n", "  101  az acr show -n crbittern\n  102  az acr encryption show -n crbittern\n"
                                         "  103  terraform plan\nBREAKING CHANGES:\n"))
simple("old shape: merge conflict markers", "question shows blind54's shape merge_conflict_markers",
       qadd("L23", CONFLICT_FENCE))
simple("old shape: Jira monospace spans", "question shows blind54's shape jira_markup",
       chain(qrep("L23", "an ARM template", "an {{ARM}} template"),
             qrep("L23", "no preview API versions", "no {{preview}} API versions")))
simple("old shape: Jira code block in front of a changelog", "question shows blind54's shape jira_markup",
       qrep("L6", "```markdown\n## 4.0.0", "{code}\n{code}\n```markdown\n## 4.0.0"))
simple("old shape: HTML character references", "question shows blind54's shape html_entities",
       qrep("S12", "minimum rotation period", "&quot;minimum&quot; rotation period"))
simple("old shape: numbered sub-questions", "question shows blind54's shape numbered_subquestions",
       qadd("L23", "\n\n1. Which version? 2. Which casing? 3. Which dependency?"))
simple("old shape: access token", "question shows blind54's shape jwt_token", qadd("X7", " Pasted: " + FAKE_TOKEN))
simple("old shape: Jira markup in an off-topic question", "question shows blind54's shape jira_markup",
       qrep("X10", "apache pulsar producer", "{{apache}} {{pulsar}} producer"))
simple("old shape: Python traceback", "question shows blind55's shape python_traceback", qadd("L23", TRACEBACK_FENCE))
simple("old shape: collapsed details section", "question shows blind55's shape details_block",
       qadd("L23", "\n\n<details>\n<summary>template diff</summary>\n\nkek_id: renamed\n\n</details>"))
simple("old shape: screenshot", "question shows blind55's shape screenshot_embed",
       qrep("S12", "for our acr kek", "for ![kek](https://github.com/user-attachments/assets/1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f)"))
simple("old shape: double-encoded JSON", "question shows blind55's shape double_encoded_json",
       qrep("A1", "CalledProcessError`", 'CalledProcessError` with "{\\"error\\":{\\"code\\":\\"Forbidden\\"}}"'))
simple("old shape: escaped Markdown", "question shows blind55's shape escaped_markdown",
       qrep("S4", "onto a new key version", "onto\\_a\\_new key version"))
simple("old shape: traceback in an off-topic question", "question shows blind55's shape python_traceback",
       qadd("X2", TRACEBACK_FENCE))
simple("old shape: details section in an off-topic question", "question shows blind55's shape details_block",
       qadd("X3", "\n\n<details>\n<summary>store flags</summary>\n\n--keyfile=old\n\n</details>"))
simple("old shape: screenshot in an off-topic question", "question shows blind55's shape screenshot_embed",
       qadd("X7", " ![chat settings](https://github.com/user-attachments/assets/7d1e0f3a-5b2c-4c8d-9e6f-0a1b2c3d4e5f)"))
simple("old shape: escaped Markdown in an off-topic question", "question shows blind55's shape escaped_markdown",
       qrep("X11", "secret rotation", "secret\\_rotation\\_now"))
simple("old shape: runner log (blind56)", "question shows blind56's shape gha_log_groups", qadd("L24", RUNNER_FENCE))
simple("old shape: PowerShell error record (blind56)", "question shows blind56's shape powershell_error_record",
       qadd("L22", PS_FENCE))
simple("old shape: events table (blind56)", "question shows blind56's shape kubectl_events", qadd("L24", EVENTS_FENCE))
simple("old shape: JSON lines (blind56)", "question shows blind56's shape ndjson_log", qadd("L24", NDJSON_FENCE))
simple("old shape: logfmt line (blind56)", "question shows blind56's shape logfmt_line",
       qrep("A11", "Find out why", "Find out, for level=error msg=failed registry=crtwite, why"))
simple("old shape: runner log in an off-topic question (blind56)", "question shows blind56's shape gha_log_groups",
       qadd("X1", RUNNER_FENCE))
simple("old shape: PowerShell record in an off-topic question (blind56)", "question shows blind56's shape powershell_error_record",
       qadd("X2", PS_FENCE))
simple("old shape: events table in an off-topic question (blind56)", "question shows blind56's shape kubectl_events",
       qadd("X3", EVENTS_FENCE))
simple("old shape: JSON lines in an off-topic question (blind56)", "question shows blind56's shape ndjson_log",
       qadd("X4", NDJSON_FENCE))
simple("old shape: logfmt line in an off-topic question (blind56)", "question shows blind56's shape logfmt_line",
       qrep("X8", "Explain how to rotate", 'Explain, given level=warn msg="key stale" app=redash, how to rotate'))
simple("old shape: curl trace (blind57)", "question shows blind57's shape curl_verbose", qadd("L24", CURL_SNIPPET))
simple("old shape: git log (blind57)", "question shows blind57's shape git_log_oneline", qadd("L23", GITLOG_SNIPPET))
simple("old shape: CSV table (blind57)", "question shows blind57's shape csv_export", qadd("L22", CSV_SNIPPET))
simple("old shape: crontab line (blind57)", "question shows blind57's shape crontab_line",
       qrep("A10", "Confirm that", "Confirm, for the `0 3 * * 1 /opt/kv/rotate.sh` job, that"))
simple("old shape: Copilot file reference (blind57)", "question shows blind57's shape copilot_refs",
       qrep("A12", "crtern's key moved", "crtern's key (#file:acr.tf) moved"))
simple("old shape: curl trace in an off-topic question (blind57)", "question shows blind57's shape curl_verbose",
       qadd("X1", CURL_SNIPPET))
simple("old shape: git log in an off-topic question (blind57)", "question shows blind57's shape git_log_oneline",
       qadd("X2", GITLOG_SNIPPET))
simple("old shape: CSV table in an off-topic question (blind57)", "question shows blind57's shape csv_export",
       qadd("X3", CSV_SNIPPET))
simple("old shape: crontab line in an off-topic question (blind57)", "question shows blind57's shape crontab_line",
       qadd("X4", "\n\n`0 1 * * * /opt/ziti/renew-ca.sh`"))
simple("old shape: Copilot participant in an off-topic question (blind57)", "question shows blind57's shape copilot_refs",
       lambda c: c.e("X10").__setitem__("question", "@terminal " + c.e("X10")["question"]))
simple("old shape: nslookup output (blind58)", "question shows blind58's shape nslookup_output", qadd("L24", NS_SNIPPET))
simple("old shape: NXDOMAIN line alone (blind58)", "question shows blind58's shape nslookup_output",
       qadd("L23", "\n\n** server can't find kv-gannet.vault.azure.net: NXDOMAIN"))
simple("old shape: Dockerfile (blind58)", "question shows blind58's shape dockerfile", qadd("L23", DOCKERFILE_SNIPPET))
simple("old shape: Event Viewer record (blind58)", "question shows blind58's shape windows_event_log", qadd("L22", EVENT_SNIPPET))
simple("old shape: alert payload (blind58)", "question shows blind58's shape monitor_alert_payload", qadd("L24", ALERT_SNIPPET))
simple("old shape: Checkov check ID (blind58)", "question shows blind58's shape checkov_finding",
       qrep("L23", L23_START, "CKV_AZURE_164 aside, " + L23_START))
simple("old shape: nslookup output in an off-topic question (blind58)", "question shows blind58's shape nslookup_output",
       qadd("X3", NS_SNIPPET))
simple("old shape: NXDOMAIN line in an off-topic question (blind58)", "question shows blind58's shape nslookup_output",
       qadd("X5", "\n\n** server can't find rudder.labs.example: NXDOMAIN"))
simple("old shape: Dockerfile in an off-topic question (blind58)", "question shows blind58's shape dockerfile",
       qadd("X5", DOCKERFILE_SNIPPET))
simple("old shape: Event Viewer record in an off-topic question (blind58)", "question shows blind58's shape windows_event_log",
       qadd("X3", EVENT_SNIPPET))
simple("old shape: alert payload in an off-topic question (blind58)", "question shows blind58's shape monitor_alert_payload",
       qadd("X4", ALERT_SNIPPET))
simple("old shape: Checkov check ID in an off-topic question (blind58)", "question shows blind58's shape checkov_finding",
       qrep("X9", "arangodb encryption", "arangodb encryption flagged by CKV2_AZURE_1"))
simple("old shape: openssl key dump (blind59)", "question shows blind59's shape openssl_key_text",
       qadd("L24", OPENSSL_SNIPPET))
simple("old shape: openssl key size quoted inline (blind59)", "question shows blind59's shape openssl_key_text",
       qrep("A8", "move cmk encrypted acr", "move cmk encrypted acr (`Public-Key: (2048 bit)`)"))
simple("old shape: INI file (blind59)", "question shows blind59's shape ini_config", qadd("L23", INI_SNIPPET))
simple("old shape: Az PowerShell list (blind59)", "question shows blind59's shape ps_format_list", qadd("L22", PSLIST_SNIPPET))
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
       qadd("X6", '\n\nThe export carries "artifactType": "application/x-promo".'))


@mut("GitHub Actions ${{ }} expressions are not Jira markup", "short question has 15 words", only=True)
def _(c):
    # a pasted workflow step with ${{ ... }} expressions must not count as blind54's Jira monospace (earlier sets
    # pasted such steps): only the planted over-long short question is reported
    c.e("L23")["question"] += ("\n\n```yaml\n- name: deploy template\n  env:\n    TPL_TAG: ${{ github.sha }}\n"
                               "    TPL_REG: ${{ vars.GANNET_REGISTRY }}\n```\n")
    qset("S11", S11_15)(c)


# ---------------- the detectors of earlier shapes and the novelty of the new ones, checked on prev ----------------
PYTEST_SNIPPET = ("\n\n```text\n=================================== FAILURES ===================================\n"
                  "E       assert 'disabled' == 'enabled'\n"
                  "FAILED tests/test_registry.py::test_status - AssertionError\n1 failed in 3.10s\n```")
ALERT_BLOCK = "\n\n> [!NOTE]\n> this registry still has its key in the old vault for now"
CHANGELOG_SNIPPET = "\n\n```markdown\n## 1.4.0\n\n* first change\n* second change\n```"
MAVEN_SNIPPET = "\n\n```text\n[INFO] Packaging done\n[INFO] BUILD FAILURE\n[ERROR] push denied by the registry\n```"
AZD_SNIPPET = ("\n\n```text\n  (\u2713) Done: Resource group: rg-old (1.0s)\n  (x) Failed: Container Registry: crold (2.0s)\n\n"
               "ERROR: deployment failed\n```")


def _prev_item(d, qid):
    return next(x for x in d if x["id"] == qid)


def _break_ps_prompt(d):
    e = _prev_item(d, "o050")
    new = e["question"].replace("\nPS ", "\nps ")
    if new == e["question"]:
        raise AssertionError("setup: no PS prompt in blind59 o050")
    e["question"] = new


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
simple("a new shape already in an earlier question (pytest output)", "new shape pytest_failure already occurs in blind19-59",
       prev_edit(45, lambda d: d[2].__setitem__("question", d[2]["question"] + PYTEST_SNIPPET)))
simple("a new shape already in an earlier question (GitHub alert)", "new shape github_alert already occurs in blind19-59",
       prev_edit(22, lambda d: d[5].__setitem__("question", d[5]["question"] + ALERT_BLOCK)))
simple("a new shape already in an earlier question (changelog)", "new shape changelog_entry already occurs in blind19-59",
       prev_edit(59, lambda d: d[7].__setitem__("question", d[7]["question"] + CHANGELOG_SNIPPET)))
simple("a new shape already in an earlier question (Maven log)", "new shape maven_build_log already occurs in blind19-59",
       prev_edit(33, lambda d: d[9].__setitem__("question", d[9]["question"] + MAVEN_SNIPPET)))
simple("a new shape already in an earlier question (azd output)", "new shape azd_output already occurs in blind19-59",
       prev_edit(50, lambda d: d[11].__setitem__("question", d[11]["question"] + AZD_SNIPPET)))


# ---------------- new shapes: a shape in the text needs its flag ----------------
simple("unflagged pytest output", "question shows the shape pytest_failure without its flag", mdel("S1", "pytest_failure"))
simple("unflagged GitHub alert", "question shows the shape github_alert without its flag", mdel("L1", "github_alert"))
simple("unflagged changelog", "question shows the shape changelog_entry without its flag", mdel("L6", "changelog_entry"))
simple("unflagged Maven log", "question shows the shape maven_build_log without its flag", mdel("L11", "maven_build_log"))
simple("unflagged azd output", "question shows the shape azd_output without its flag", mdel("L16", "azd_output"))
simple("pytest report in an off-topic question", "question shows the shape pytest_failure without its flag",
       qadd("X5", PYTEST_SNIPPET))
simple("a lone E assertion line in an off-topic question", "question shows the shape pytest_failure without its flag",
       qadd("X4", "\n\nE       assert rotated is True"))
simple("GitHub alert in an off-topic question", "question shows the shape github_alert without its flag",
       qadd("X1", ALERT_BLOCK))
simple("changelog in an off-topic question", "question shows the shape changelog_entry without its flag",
       qadd("X1", CHANGELOG_SNIPPET))
simple("a lone changelog label in an off-topic question", "question shows the shape changelog_entry without its flag",
       qadd("X6", "\n\n### Removed\n"))
simple("Maven log in an off-topic question", "question shows the shape maven_build_log without its flag",
       qadd("X2", MAVEN_SNIPPET))
simple("a lone goal failure in an off-topic question", "question shows the shape maven_build_log without its flag",
       qadd("X6", "\n\nFailed to execute goal on project registry-sync"))
simple("azd output in an off-topic question", "question shows the shape azd_output without its flag",
       qadd("X4", AZD_SNIPPET))
simple("a lone azd banner in an off-topic question", "question shows the shape azd_output without its flag",
       qadd("X6", " We saw the same under (azd provision) too."))

# ---------------- pytest_failure ----------------
simple("pytest: long post without a second pytest line", "pytest_failure needs a fence with a FAILED line and another",
       qsub("L21", r"(?m)^E .*\n|^_{3,} .*\n|^1 failed.*\n", ""))
simple("pytest: long post outside a fence", "pytest_failure needs a fence with a FAILED line and another", unfence("L21"))
simple("pytest: short item with the FAILED line not quoted inline", "pytest_failure needs the FAILED line quoted inline",
       qrep("S2", "`FAILED tests/test_cmk.py::test_key_rotation_enabled`", "FAILED tests/test_cmk.py::test_key_rotation_enabled"))
simple("pytest: agent item with the FAILED line not quoted inline", "pytest_failure needs the FAILED line quoted inline",
       qrep("A1", "`FAILED tests/test_hsm.py::test_create_registry_with_hsm_key - CalledProcessError`",
            "FAILED tests/test_hsm.py::test_create_registry_with_hsm_key - CalledProcessError"))
simple("pytest: truth names no failing test", "pytest_failure truth names no failing test",
       trep_all("A2", "test_run_log_kept_48h", "that test"))
simple("pytest: the test file alone does not count", "pytest_failure truth names no failing test",
       trep_all("L21", "test_registry_follows_new_version", "tests/test_rotation.py"))
simple("pytest: a parametrised node ID counts by its function name", "short question has 15 words", only=True,
       fn=chain(qrep("S1", "test_identity_is_principal_id`", "test_identity_is_principal_id[uami]`"), qset("S11", S11_15)))
simple("pytest: truth keeps a FAILED line", "pytest_failure truth still holds pytest output",
       tadd("L21", " FAILED tests/test_rotation.py::test_registry_follows_new_version"))
simple("pytest: truth keeps an assertion line", "pytest_failure truth still holds pytest output",
       tadd("S1", "\nE       assert False"))


@mut("pytest used 4 times", "shape pytest_failure used 4 times, want exactly 5")
def _(c):
    mdel("S2", "pytest_failure")(c)
    c.q_rep("S2", "`FAILED tests/test_cmk.py::test_key_rotation_enabled`", "our rotation-flag test fails")


simple("pytest used 6 times", "shape pytest_failure used 6 times, want exactly 5", mset("L24", "pytest_failure", True))

# ---------------- github_alert ----------------
L5_ALERT = "> CMK registries can't be zone redundant, so crgrebe was deployed without zone redundancy on purpose.\n"
simple("alert: quoted text under five words", "github_alert needs a '> [!TYPE]' alert",
       qrep("L5", L5_ALERT, "> Not for CMK.\n"))
simple("alert: alert inside a fence", "github_alert needs a '> [!TYPE]' alert",
       chain(qrep("L5", "> [!NOTE]\n", "```text\n> [!NOTE]\n"), qrep("L5", L5_ALERT, L5_ALERT + "```\n")))
simple("alert: marker not alone on its line", "github_alert needs a '> [!TYPE]' alert",
       qrep("L4", "> [!WARNING]\n> Keep", "> [!WARNING] Keep"))
simple("alert: an unknown alert type", "github_alert needs a '> [!TYPE]' alert",
       qrep("L2", "[!WARNING]", "[!DANGER]"))
simple("alert: truth shares no content word with the alert", "github_alert truth shares fewer than 2 content words",
       tset("L1", "No: that option does not exist; build a new one and copy everything across."))
simple("alert: one shared content word is not enough", "github_alert truth shares fewer than 2 content words",
       tset("L4", "Deny by default and allow trusted services; the firewall is fine then."))
simple("alert: truth keeps the alert marker", "github_alert truth still holds alert markup", tadd("L3", " [!CAUTION]"))
simple("alert: truth keeps a quoted line", "github_alert truth still holds alert markup",
       tadd("L2", "\n> Do not turn on purge protection"))
simple("alert on a short item", "github_alert must be a long post", mset("S11", "github_alert", True))


@mut("alert used 4 times", "shape github_alert used 4 times, want exactly 5")
def _(c):
    mdel("L5", "github_alert")(c)
    c.q_rep("L5", "> [!NOTE]\n" + L5_ALERT, "It says that CMK registries can't be zone redundant.\n")


simple("alert used 6 times", "shape github_alert used 6 times, want exactly 5", mset("L24", "github_alert", True))

# ---------------- changelog_entry ----------------
simple("changelog: no version heading", "changelog_entry needs a fence with a version heading",
       qrep("L6", "## 4.0.0 (August 22, 2024)", "Release of August 22, 2024"))
simple("changelog: only one bullet line", "changelog_entry needs a fence with a version heading",
       qrep("L8", "* `az keyvault key`: minor help text fixes\n", ""))
simple("changelog: excerpt outside a fence", "changelog_entry needs a fence with a version heading", unfence("L10"))
simple("changelog: truth names no version", "changelog_entry truth names no version of the excerpt",
       trep_all("L9", "4.65.0", "the fixed release"))
simple("changelog: a version that is no heading does not count", "changelog_entry truth names no version of the excerpt",
       trep_all("L10", "5.0.0", "5.1.0"))
simple("changelog: a shortened version does not count", "changelog_entry truth names no version of the excerpt",
       trep_all("L6", "4.0.0", "4.0"))
simple("changelog: a v-prefixed heading stays valid", "short question has 15 words", only=True,
       fn=chain(qrep("L7", "## [0.7.0] - 2025-01-21", "## v0.7.0 - 2025-01-21"), qset("S11", S11_15)))
simple("changelog: truth keeps a version heading", "changelog_entry truth still holds a changelog heading or label",
       tadd("L7", "\n## [0.7.0]"))
simple("changelog: truth keeps a section label", "changelog_entry truth still holds a changelog heading or label",
       tadd("L6", "\nBREAKING CHANGES:"))
simple("changelog on a short item", "changelog_entry must be a long post", mset("S11", "changelog_entry", True))


@mut("changelog used 4 times", "shape changelog_entry used 4 times, want exactly 5")
def _(c):
    mdel("L8", "changelog_entry")(c)
    e = c.e("L8")
    e["question"] = re.sub(r"```markdown\n## 2\.62\.0.*?```", "It says keyvault create now defaults to RBAC.",
                           e["question"], flags=re.S)


simple("changelog used 6 times", "shape changelog_entry used 6 times, want exactly 5", mset("L24", "changelog_entry", True))

# ---------------- maven_build_log ----------------
simple("maven: no BUILD FAILURE line", "maven_build_log needs a fence with >= 3 Maven lines",
       qsub("L11", r"(?m)^\[INFO\] BUILD FAILURE\n", ""))
simple("maven: no [ERROR] line", "maven_build_log needs a fence with >= 3 Maven lines",
       qrep("L12", "[ERROR] Failed to execute goal", "[WARNING] Failed to execute goal"))
simple("maven: fewer than three Maven lines", "maven_build_log needs a fence with >= 3 Maven lines",
       qsub("L14", r"(?m)^\[INFO\] (?:---|Containerizing).*\n", ""))
simple("maven: log outside a fence", "maven_build_log needs a fence with >= 3 Maven lines", unfence("L15"))
simple("maven: truth repeats no word of the error", "maven_build_log truth repeats no word of the error",
       trep_all("L13", "is configured with", "uses"))
simple("maven: a word that also stands in an [INFO] line does not count", "maven_build_log truth repeats no word of the error",
       qrep("L11", "[INFO] Executing tasks:", "[INFO] Executing tasks: unauthorized, forbidden, cannot use customer-managed key"))
simple("maven: words of the goal prefix do not count", "maven_build_log truth repeats no word of the error",
       tset("L15", "Because kv-puffin switched to the other permission model; add a policy for id-puffin-acr with "
                   "az keyvault set-policy and leave the google cloud tools plugin coordinates alone."))
simple("maven: truth keeps build output", "maven_build_log truth still holds build output",
       tadd("L14", " [ERROR] Failed to execute goal"))
simple("maven: truth keeps BUILD FAILURE", "maven_build_log truth still holds build output", tadd("L12", " BUILD FAILURE"))
simple("maven on a short item", "maven_build_log must be a long post", mset("S11", "maven_build_log", True))


@mut("maven used 4 times", "shape maven_build_log used 4 times, want exactly 5")
def _(c):
    mdel("L12", "maven_build_log")(c)
    e = c.e("L12")
    e["question"] = re.sub(r"```text\n.*?```", "The push ends with a 403 about an inactive identity.",
                           e["question"], flags=re.S)


simple("maven used 6 times", "shape maven_build_log used 6 times, want exactly 5", mset("L24", "maven_build_log", True))

# ---------------- azd_output ----------------
simple("azd: no Done line", "azd_output needs a fence with a Done line", qsub("L17", r"(?m)^  \(\u2713\) Done:.*\n", ""))
simple("azd: no Failed line", "azd_output needs a fence with a Done line",
       qrep("L18", "(x) Failed: Container Registry", "(\u2713) Done: Container Registry"))
simple("azd: no ERROR line after the failed one", "azd_output needs a fence with a Done line",
       qrep("L19", "ERROR: error executing step", "Error: error executing step"))
simple("azd: output outside a fence", "azd_output needs a fence with a Done line", unfence("L20"))
simple("azd: truth names no failed resource", "azd_output truth names no failed resource",
       trep_all("L16", "crterndev", "the registry"))
simple("azd: a resource that did not fail does not count", "azd_output truth names no failed resource",
       trep_all("L20", "kv-whinchat-ft", "rg-whinchat-ft"))
simple("azd: a Skipped line stays valid", "short question has 15 words", only=True,
       fn=chain(qrep("L17", "  (x) Failed:", "  (-) Skipped: Log Analytics workspace: log-wheatear-dev\n  (x) Failed:"),
                qset("S11", S11_15)))
simple("azd: truth keeps a status line", "azd_output truth still holds azd output",
       tadd("L17", "\n(x) Failed: Container Registry: crwheateardev"))
simple("azd: truth keeps the ERROR line", "azd_output truth still holds azd output", tadd("L18", "\nERROR: deployment failed"))
simple("azd on a short item", "azd_output must be a long post", mset("S11", "azd_output", True))


@mut("azd used 4 times", "shape azd_output used 4 times, want exactly 5")
def _(c):
    mdel("L18", "azd_output")(c)
    e = c.e("L18")
    e["question"] = re.sub(r"```text\n.*?```", "azd says the requested tier has no customer-managed key option.",
                           e["question"], flags=re.S)


simple("azd used 6 times", "shape azd_output used 6 times, want exactly 5", mset("L24", "azd_output", True))
simple("two new shapes on one item", "more than one new shape on one item", mset("L1", "maven_build_log", True))

# ---------------- two_facts ----------------
simple("two_facts floor", "floor: shape two_facts 3 < 4",
       chain(mdel("L22", "two_facts"), lambda c: c.e("L22")["canonical"].pop(),
             lambda c: c.e("L22")["answer_facts"].pop(),
             mdel("L24", "two_facts"), lambda c: c.e("L24")["canonical"].pop(),
             lambda c: c.e("L24")["answer_facts"].pop()))


def run_check(d):
    env = dict(os.environ, BLIND60_DIR=d, BLIND60_KROOT=os.path.join(d, "k"), BLIND60_FACTS=os.path.join(d, "facts"))
    p = subprocess.run([sys.executable, os.path.join(HERE, "check60.py")], env=env, capture_output=True, text=True)
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
        shutil.copy(os.path.join(HERE, "build60.py"), d)
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
