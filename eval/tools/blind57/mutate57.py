"""blind57 mutation driver. Each mutation runs on a fresh temp copy (inside blind57/) of the set, prev/, the
blind56 and blind55 first-canonical lists, the knowledge and the fact sheets; it counts as caught only when check57.py exits 1 and prints the
mutation's expected message (and, for mutations marked only=True, nothing else)."""
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
KROOT = os.environ.get("BLIND57_KROOT", "/work/scratch/kstripped")
FACTS = os.environ.get("BLIND57_FACTS", "/work/shared/facts")
sys.path.insert(0, HERE)
import build57  # noqa: E402
import check57  # noqa: E402
import kparse  # noqa: E402

SET = "blind57"
FILES = (SET + ".json", SET + "-meta.json", SET + "-first-canonicals.txt")
_entries, _meta = build57.build()
_byq = {q["question"]: q["key"] for q in build57.QUESTIONS}
ID = {_byq[e["question"]]: e["id"] for e in _entries}
SCENARIO_SECTION = next("acr-cmk/" + k if not k.startswith("acr-cmk/") else k
                        for k in kparse.parse_all(KROOT) if "scenarios/" in k)
P = build57.ID_PREFIX
LISTS = tuple("blind%d-first-canonicals.txt" % n for n in check57.SPREAD_SETS)


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
            for n in check57.SPREAD_SETS:
                fp = os.path.join(self.d, "blind%d-first-canonicals.txt" % n)
                firsts[n] = {x.strip() for x in open(fp, encoding="utf-8") if x.strip()} if os.path.exists(fp) else set()
            self.m["_set"] = check57.set_summary(self.j, self.m, firsts)
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


def tset(key, text):
    def f(c):
        c.e(key)["truth"] = text
    return f


def trep(key, old, new):
    return lambda c: c.t_rep(key, old, new)


def trep_all(key, old, new):
    def f(c):
        e = c.e(key)
        if old not in e["truth"]:
            raise AssertionError("setup: %r not in truth of %s" % (old[:40], key))
        e["truth"] = e["truth"].replace(old, new)
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


def prevq(n, idx):
    def get(c):
        return json.load(open(os.path.join(c.d, "prev", "blind%d.json" % n), encoding="utf-8"))[idx]["question"]
    return get


def prevt(n, idx):
    def get(c):
        return json.load(open(os.path.join(c.d, "prev", "blind%d.json" % n), encoding="utf-8"))[idx]["truth"]
    return get


def first_lines(c):
    p = os.path.join(c.d, FILES[2])
    return open(p, encoding="utf-8").read().split("\n")[:-1]


def write_first_lines(c, lines):
    with open(os.path.join(c.d, FILES[2]), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


# ---------------- ids, source, structure, meta, rebuild ----------------
for pfx in ("l", "k", "j", "i", "h", "g", "f", "e", "d", "c", "b", "a", "n", "z"):
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
simple("rebuild: json truth edited", "rebuild differs from blind57.json",
       lambda c: c.j[0].__setitem__("truth", c.j[0]["truth"] + " Extra."), True)
simple("rebuild: meta edited", "rebuild differs from blind57-meta.json",
       lambda c: c.m[P + "001"].__setitem__("qual", "none" if c.m[P + "001"]["qual"] != "none" else "asked"), True)


@mut("rebuild: same content, other JSON layout (byte compare)", "rebuild differs from blind57.json", True)
def _(c):
    # content unchanged, only the serialisation differs: caught by the byte comparison alone
    def save():
        with open(os.path.join(c.d, FILES[0]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(c.j, indent=2, ensure_ascii=False) + "\n")
        with open(os.path.join(c.d, FILES[1]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(c.m, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    c.save = save


@mut("rebuild: a response header value changed (byte compare)", "rebuild differs from blind57.json", True)
def _(c):
    # still a complete curl trace for the lexical rules (request, status, headers), but no longer what build57.py
    # writes
    c.q_rep("L1", "x-ms-request-id: 0f6c2a91-3b7e-4d58-9e0c-5a1b7f2d8c44", "x-ms-request-id: 0f6c2a91-3b7e-4d58-9e0c-5a1b7f2d8c45")


@mut("rebuild: first-canonical list edited", "rebuild differs from blind57-first-canonicals.txt", True)
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


simple("first-canonical list missing", "blind57-first-canonicals.txt missing",
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
       set_edit(lambda s: s["new_shapes"]["csv_export"].pop()))
simple("_set: spread count inflated", "meta: _set summary does not match",
       set_edit(lambda s: s["spread"].__setitem__("new_against_blind56_and_blind55", 48)))
simple("_set: spread floors changed", "meta: _set summary does not match",
       set_edit(lambda s: s["spread"].__setitem__("floors", [30, 20])))
simple("_set: typo moved to another id", "meta: _set summary does not match",
       set_edit(lambda s: s["typos"].__setitem__("wierd", ID["S9"])))
simple("_set: off-topic subject renamed", "meta: _set summary does not match",
       set_edit(lambda s: s["off_topic_subjects"].__setitem__(ID["X1"], "longhorn")))
simple("_set: stale after a flag change", "meta: _set summary does not match",
       raw(mdel("L7", "git_log_oneline")))


def add_my_first_to_blind56_list(c):
    # one of this set's first canonicals now also counts as a blind56 first: the spread figures in _set go stale
    c.raw_set = True
    p = os.path.join(c.d, "blind56-first-canonicals.txt")
    lines = [x for x in open(p, encoding="utf-8") if x.strip()]
    lines[-1] = c.e("L22")["canonical"][0] + "\n"
    open(p, "w", encoding="utf-8").writelines(lines)


simple("_set: stale after a previous first-canonical list changed", "meta: _set summary does not match",
       add_my_first_to_blind56_list)

# ---------------- dropped flags and fields (the shape flags of blind52 to blind56 included) ----------------
_SPECIAL = {"field": "bypass", "wrong": "--kek-uri", "other": ["AWS"], "premise": "x"}
for fld in check57.DROPPED_FIELDS:
    simple("dropped/unknown field %s" % fld, "unknown field %r" % fld, mset("L24", fld, _SPECIAL.get(fld, True)))

# ---------------- facts and answer facts ----------------
simple("answer_fact not in canonical", "answer_fact not in first canonical",
       lambda c: c.e("L20")["answer_facts"].__setitem__(0, "zone redundancy is supported with cmk"))
simple("answer_fact only in a related section", "answer_fact not in first canonical",
       lambda c: c.e("L14")["answer_facts"].__setitem__(0, "a few minutes to take effect"))
simple("answer_fact added from a related section", "answer_fact not in first canonical",
       lambda c: c.e("L15")["answer_facts"].append("no way to turn it on afterwards"))
simple("answer_fact over 7 words", "answer_fact over 7 words",
       lambda c: c.e("S9")["answer_facts"].__setitem__(1, "run it again without --scope to find assignments"))
simple("fact not in any section", "fact not in a canonical or related section",
       lambda c: c.e("S3")["facts"].__setitem__(0, "a private endpoint blocks trusted services"))
simple("empty answer_facts", "no answer_facts", eset("S6", "answer_facts", []))
simple("empty facts", "no facts", eset("S6", "facts", []))
simple("two_facts with both facts in the first canonical", "two_facts needs one answer_fact only in each",
       lambda c: c.e("L23")["answer_facts"].__setitem__(1, "grant the registry identity access"))
simple("two_facts fact in neither canonical", "answer_fact not in either canonical",
       lambda c: c.e("L13")["answer_facts"].__setitem__(0, "the registry recreates the grant"))
simple("two canonicals without flag", "two canonical sections need two_facts", mdel("L6", "two_facts"))
simple("two_facts flag with one canonical", "two_facts needs two canonical sections",
       mset("A11", "two_facts", True))

# ---------------- sections ----------------
simple("unknown section id", "unknown section",
       lambda c: c.e("L14")["related"].__setitem__(0, "acr-cmk/references/identities.md#no-such-anchor"))
simple("section id without the acr-cmk/ folder", "unknown section",
       lambda c: c.e("L14")["related"].__setitem__(0, "references/identities.md#which-identity-value-goes-where"))
simple("canonical repeated in related", "repeated section",
       lambda c: c.e("L14")["related"].append(c.e("L14")["canonical"][0]))
simple("canonical empty", "canonical must hold 1 or 2", eset("L21", "canonical", []))
simple("three canonicals", "canonical must hold 1 or 2",
       lambda c: c.e("L21")["canonical"].extend(c.e("L21")["related"][:2]))
simple("first canonical in a scenario", "first canonical not a reference doc",
       lambda c: c.e("S1")["canonical"].__setitem__(0, SCENARIO_SECTION))
simple("related empty", "related is empty", eset("S8", "related", []))

# ---------------- kinds, styles, truths, categories ----------------
simple("unknown kind", "bad kind", mset("A7", "kind", "opinion"))
simple("yes truth opening No", "yes truth must open 'Yes: '",
       lambda c: c.e("S4").__setitem__("truth", "No: " + c.e("S4")["truth"][5:]))
simple("no truth without No", "no truth must open 'No: '",
       lambda c: c.e("L12").__setitem__("truth", c.e("L12")["truth"][4:]))
simple("undocumented truth without verdict", "undocumented truth must open 'Not documented'",
       lambda c: c.e("S3").__setitem__("truth", c.e("S3")["truth"][16:]))
simple("off-topic truth without verdict", "off-topic truth must open 'Not covered: '",
       lambda c: c.e("X3").__setitem__("truth", c.e("X3")["truth"][13:]))
simple("howto truth opening Yes", "howto truth opens with a verdict word",
       lambda c: c.e("A11").__setitem__("truth", "Yes: " + c.e("A11")["truth"]))
simple("troubleshoot truth opening No", "troubleshoot truth opens with a verdict word",
       lambda c: c.e("L7").__setitem__("truth", "No, " + c.e("L7")["truth"]))
simple("off-topic item with canonical", "off-topic item must have empty lists",
       lambda c: c.e("X4")["canonical"].append("acr-cmk/references/overview.md#default-encryption-at-rest-without-a-cmk"))
simple("off-topic category on an on-topic kind", "off-topic category and kind disagree",
       eset("A10", "category", "off-topic"))
simple("unknown category", "bad category", eset("A10", "category", "misc"))
simple("style count broken", "on-topic short count 13", mset("A7", "style", "short"))
simple("unknown style", "bad style", mset("A7", "style", "medium"))
simple("kind count broken", "kind howto count 13", mset("L24", "kind", "why"))
simple("kind group missing from a style", "kind group yes/no missing from style agent",
       chain(mset("A8", "kind", "value"),
             tset("A8", "Soft delete needs no flag on a current CLI; pass --enable-purge-protection when the vault is created.")))
simple("category above 9", "category hsm count 10",
       chain(eset("L20", "category", "hsm"), eset("L21", "category", "hsm"), eset("L22", "category", "hsm"),
             eset("L24", "category", "hsm")))
simple("category below 2", "category keys count 1", eset("L14", "category", "limits"))

# ---------------- style rules ----------------
S2_15 = "why do the azure docs always single-quote '[system]' in every az acr identity command, really?"
L20_START = "Our availability standard requires"
simple("long post too short", "long question length", qset("L20", "Is the HSM firewall fine for a new registry?"))
simple("long post too long", "long question length",
       lambda c: c.e("L20").__setitem__("question", c.e("L20")["question"] + (" Some more background here." * 60)))
simple("short question of 15 words", "short question has 15 words", qset("S2", S2_15))
simple("short question on two lines", "short question spans lines", qrep("S8", " access policies", "\naccess policies"))
simple("agent query of 50 words", "agent query has",
       lambda c: c.e("A7").__setitem__("question", c.e("A7")["question"] + " please" + " also" * 30))
simple("agent query on two lines", "agent query spans lines", qrep("A9", " Question:", "\nQuestion:"))
simple("agent query with a fence", "agent query spans lines", qrep("A9", " Question:", " ```x``` Question:"))
simple("context form without Context:", "context form must open with 'Context:'",
       lambda c: c.e("A9").__setitem__("question", c.e("A9")["question"][len("Context: "):]))
simple("imperative form without verb", "imperative form must open with an imperative verb",
       qrep("A7", "Give the identity value", "I need the identity value"))
simple("keywords form opening uppercase", "keywords form must open lowercase",
       lambda c: c.e("A8").__setitem__("question", "A" + c.e("A8")["question"][1:]))
simple("keywords form with ?", "keywords form must open lowercase",
       lambda c: c.e("A8").__setitem__("question", c.e("A8")["question"] + "?"))
simple("form on a short item", "form on a non-agent item", mset("S2", "form", "keywords"))
simple("agent forms miscounted", "on-topic agent form context count 4",
       chain(mset("A9", "form", "imperative"), qrep("A9", "Context: kv-cinnabar", "Explain: kv-cinnabar")))
simple("off-topic agent forms miscounted", "off-topic agent form keywords count 0",
       chain(mset("X9", "form", "imperative"),
             lambda c: c.e("X9").__setitem__("question", "Explain " + c.e("X9")["question"])))


@mut("three short questions not lowercase", "short questions not lowercase (max 2)")
def _(c):
    for k in ("S1", "S3", "S4"):
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
       tset("S4", "Yes: versionless key URIs make the registry follow new versions within an hour, whatever the key store."))
simple("qual asked recorded as story", "qual is 'story', should be 'asked'", mset("L17", "qual", "story"))
simple("quals without qual none", "qual is 'asked', should be 'none'", mset("L20", "qual", "asked"))
simple("unknown qualifier", "bad quals", mset("L17", "quals", ["hsm", "oct2026", "k8s"]))


def drop_qual(mm, x, q):
    mm["quals"] = [v for v in mm["quals"] if v != q]
    ask = build57.ask_part(x["question"])
    hit = ("hsm" in mm["quals"] and build57.HSM_RE.search(ask)) or ("iac" in mm["quals"] and build57.IAC_RE.search(ask))
    mm["qual"] = "none" if not mm["quals"] else ("asked" if hit else "story")


@mut("Managed HSM asked floor", "floor: Managed HSM asked")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "hsm" in mm.get("quals", []) and build57.HSM_RE.search(build57.ask_part(x["question"])):
            n += 1
            if n > 9:
                drop_qual(mm, x, "hsm")


@mut("Managed HSM asked in too few ways (qualifiers dropped)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    # L11 is the only scope ask, L13 the only deleted-HSM ask
    for k in ("L11", "L13"):
        drop_qual(c.meta(k), c.e(k), "hsm")


@mut("Managed HSM asked in too few ways (asks reworded)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    # L19 is the only revocation ask, A6 the only which-version ask
    c.q_rep("L19", "Is that why the revocation in the Managed HSM did nothing, and what does a revocation that really cuts",
            "Is that why the exercise in the Managed HSM did nothing, and what does a lock-out that really cuts")
    c.q_rep("A6", "Question: which key version is crfeldspar using from the Managed HSM",
            "Question: where does crfeldspar stand with the Managed HSM key")


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
            mm["quals"] = [q for q in mm["quals"] if q != "oct2026"]
            if not mm["quals"]:
                mm["qual"] = "none"
            n += 1


# ---------------- spread and per-doc ----------------
def list_lines(c, n):
    return [x.strip() for x in open(os.path.join(c.d, "blind%d-first-canonicals.txt" % n), encoding="utf-8") if x.strip()]


@mut("spread against blind56", "first canonicals new against blind56 (floor 40)")
def _(c):
    firsts = list(dict.fromkeys(list_lines(c, 56)))
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < 9 and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [firsts[n]]
            x["related"] = [r for r in x["related"] if r != firsts[n]] or [firsts[n + 20]]
            n += 1


@mut("spread against blind56 and blind55", "first canonicals new against blind56 and blind55 (floor 30)")
def _(c):
    b56 = set(list_lines(c, 56))
    mine = {x["canonical"][0] for x in c.j if x["canonical"]}
    pool = [f for f in dict.fromkeys(list_lines(c, 55)) if f not in b56 and f not in mine]
    if len(pool) < 18:
        raise AssertionError("setup: only %d blind55-only firsts" % len(pool))
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < 18 and not c.m[x["id"]].get("two_facts") \
                and x["canonical"][0] not in set(list_lines(c, 55)):
            x["canonical"] = [pool[n]]
            x["related"] = [r for r in x["related"] if r != pool[n]] or ["acr-cmk/references/overview.md#requirements-at-a-glance"]
            n += 1


@mut("troubleshooting doc above 8", "first canonical doc troubleshooting count 9")
def _(c):
    c.e("L24")["canonical"][0] = "acr-cmk/references/troubleshooting.md#general-diagnostic-checklist"
    c.e("L20")["canonical"][0] = "acr-cmk/references/troubleshooting.md#content-trust-cannot-be-enabled"


simple("identities doc below 2", "first canonical doc identities count 1",
       lambda c: c.e("S2")["canonical"].__setitem__(0, "acr-cmk/references/key-rotation.md#how-often-to-rotate"))
simple("blind56 first-canonical list missing", "first-canonical list missing: blind56",
       lambda c: os.remove(os.path.join(c.d, "blind56-first-canonicals.txt")))
simple("blind55 first-canonical list missing", "first-canonical list missing: blind55",
       lambda c: os.remove(os.path.join(c.d, "blind55-first-canonicals.txt")))


@mut("blind55 first-canonical list cut to 47", "blind55 has 47 lines")
def _(c):
    p = os.path.join(c.d, "blind55-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:47])


@mut("blind56 first-canonical list cut to 40", "blind56 has 40 lines")
def _(c):
    p = os.path.join(c.d, "blind56-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:40])


@mut("first-canonical lists read from the set's folder, not from prev/", "first-canonical list missing: blind56")
def _(c):
    # a copy in prev/ does not stand in for the list next to the set
    shutil.move(os.path.join(c.d, "blind56-first-canonicals.txt"), os.path.join(c.d, "prev", "blind56-first-canonicals.txt"))


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


simple("typo planted in blind20", "typo 'permanant' already used in blind19-56", plant_prev(20, "permanant"))
simple("typo planted in blind41", "typo 'dissapear' already used in blind19-56", plant_prev(41, "dissapear"))
simple("typo planted in blind48", "typo 'wierd' already used in blind19-56", plant_prev(48, "wierd"))
simple("typo planted in blind56", "typo 'permanant' already used in blind19-56", plant_prev(56, "permanant"))
simple("typo planted in a blind56 truth", "typo 'dissapear' already used in blind19-56", plant_prev_truth(56, "dissapear"))
simple("typo planted in a blind25 truth", "typo 'wierd' already used in blind19-56", plant_prev_truth(25, "wierd"))
simple("typo moved to an off-topic short", "typo must sit in a short on-topic question",
       chain(mdel("S1", "typo"), qrep("S1", "permanant", "permanent"), mset("X10", "typo", "permanant"),
             qrep("X10", "without downtime?", "without downtime, is that permanant?")))
simple("typo fixed in the question", "typo 'dissapear' not in the question", qrep("S5", "dissapear", "disappear"))
simple("unrecorded typo in another question", "unrecorded typo 'wierd'",
       qrep("S9", "which command", "which command, wierd"))
simple("typo used twice", "typo 'wierd' used 2 times",
       chain(mset("S9", "typo", "wierd"), qrep("S9", "which command", "which command, wierd")))
simple("unknown typo word", "not in the set's typo list",
       chain(mset("S1", "typo", "permanet"), qrep("S1", "permanant", "permanet")))
simple("typo on a long item", "typo must sit in a short on-topic question",
       chain(mdel("S7", "typo"), qrep("S7", "wierd", "weird"), mset("L20", "typo", "wierd"),
             qrep("L20", "Where is that stated?", "Where is that stated, wierd as it sounds?")))


@mut("typo added to the knowledge", "typo 'permanant' stands in the knowledge or facts")
def _(c):
    p = c.kfile("acr-cmk/references/overview.md")
    open(p, "a").write("\npermanant\n")


@mut("typo added to the fact sheets", "typo 'dissapear' stands in the knowledge or facts")
def _(c):
    p = os.path.join(c.d, "facts", "cmk-facts-2026-10.md")
    os.chmod(p, 0o644)
    open(p, "a").write("\ndissapear\n")


# ---------------- copying ----------------
L20_START = "Our availability standard requires"
KV_POLICY_CMD = ('az keyvault set-policy --name "$KEY_VAULT_NAME" --resource-group "$RESOURCE_GROUP" --object-id '
                 '"$PRINCIPAL_ID" --key-permissions get unwrapKey wrapKey')
KNOWLEDGE_PROSE = "the registry cannot unwrap its data without the key so deleting the key store"
simple("knowledge 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L20", L20_START, "The registry cannot unwrap its data without the key, and " + L20_START))
simple("fact-sheet 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L20", L20_START, "We wonder whether this revision is already live on Learn, and " + L20_START))
simple("knowledge prose inside a curl trace (12-token rule)", "12-token run (fences included) shared with knowledge/facts",
       qrep("L1", "> accept: */*\n", "> accept: */*\n> x-note: " + KNOWLEDGE_PROSE + "\n"))
simple("pasted error moved into prose", "8-token run shared with knowledge/facts",
       qrep("L20", L20_START, "The CLI said Cannot set policies to a vault with '--enable-rbac-authorization' specified. " + L20_START))
simple("fence with knowledge prose", "12-token run (fences included)",
       qrep("L6", "$ git log --oneline -5 -- stacks/registry\n", "$ git log --oneline -5 -- stacks/registry\n" + KNOWLEDGE_PROSE + "\n"))
simple("knowledge command inside a CSV cell (12-token rule)", "12-token run (fences included) shared with knowledge/facts",
       qrep("L14", "kv-talcum-legacy,rg-talcum,false,", "kv-talcum-legacy,rg-talcum " + KV_POLICY_CMD + ",false,"))
simple("knowledge prose in a commit subject (12-token rule)", "12-token run (fences included) shared with knowledge/facts",
       qrep("L7", "1d9b6c4 add outputs for the login server", "1d9b6c4 " + KNOWLEDGE_PROSE))
simple("blind30 8-token run", "8-token run shared with blind19-56",
       lambda c: c.e("L20").__setitem__("question", c.e("L20")["question"] + " " + prevq(30, 8)(c)[:120]))
simple("blind41 8-token run", "8-token run shared with blind19-56",
       lambda c: c.e("L20").__setitem__("question", c.e("L20")["question"] + " " + prevq(41, 3)(c)[:150]))
simple("blind56 8-token run", "8-token run shared with blind19-56",
       lambda c: c.e("L20").__setitem__("question", c.e("L20")["question"] + " " + prevq(56, 23)(c)[:150]))


def clean_prev_truth(n):
    """The first 200 characters of the first on-topic blind<n> truth whose opening shares no 8-token run with the
    knowledge or the fact sheets (so that only the prev-truth rule can fire)."""
    def get(c):
        src = check57.grams(check57.toks(kparse.all_text(os.path.join(c.d, "k")) + "\n" +
                                         kparse.all_text(os.path.join(c.d, "facts"))), 8)
        for e in json.load(open(os.path.join(c.d, "prev", "blind%d.json" % n), encoding="utf-8")):
            t = e["truth"][:200]
            if len(e["truth"]) >= 250 and not e["truth"].startswith("Not covered") and \
                    not check57.grams(check57.toks(t), 8) & src:
                return t
        raise AssertionError("setup: no clean blind%d truth" % n)
    return get


simple("blind56 truth copied into a question", "8-token run shared with a blind19-56 truth",
       lambda c: c.e("L20").__setitem__("question", c.e("L20")["question"] + " " + clean_prev_truth(56)(c)))
simple("blind33 truth copied into a question", "8-token run shared with a blind19-56 truth",
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
            if field == "question" and any(d(t) for d in check57.OLD_DETECT.values() if d is not None):
                continue
            ts = _tokset(t)
            if all(len(ts & o) / len(ts | o) <= 0.6 for o in older):
                return t
        raise AssertionError("setup: no own blind%d %s" % (n, field))
    return get


simple("blind56 question repeated", "Jaccard > 0.6 with blind56",
       lambda c: c.e("A9").__setitem__("question", own_prev(56, "question")(c)))
simple("blind53 question repeated", "Jaccard > 0.6 with blind53",
       lambda c: c.e("A4").__setitem__("question", own_prev(53, "question")(c)))
simple("blind46 question repeated", "Jaccard > 0.6 with blind46",
       lambda c: c.e("S8").__setitem__("question", own_prev(46, "question")(c)))
simple("blind56 truth repeated", "truth Jaccard > 0.6 with blind56",
       lambda c: c.e("S2").__setitem__("truth", own_prev(56, "truth")(c)))
simple("off-topic truth close to an earlier truth", "truth Jaccard > 0.6 with blind",
       tset("X11", "Not covered: resetting a Navidrome password is outside the ACR customer-managed key knowledge."))
simple("off-topic truth copied from blind56", "truth Jaccard > 0.6 with blind56",
       lambda c: c.e("X12").__setitem__("truth", next(
           e["truth"] for e in json.load(open(os.path.join(c.d, "prev", "blind56.json"), encoding="utf-8"))
           if e["truth"].startswith("Not covered"))))
simple("near-duplicate inside the set", "Jaccard > 0.6 with",
       qset("S9", "does a managed hsm take access policies for the acr identity at all?"))
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
    old = "does not touch an assignment made at"
    if s.count(old) != 1:
        raise AssertionError("setup: text not once in revocation-and-recovery.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "does not affect an assignment made at"))


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
simple("blind55 prev file missing", "prev file missing: blind55.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind55.json")))
simple("blind56 prev file missing", "prev file missing: blind56.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind56.json")))

# ---------------- off-topic ----------------
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
X8_TAIL = "so that builds already waiting in the queue still succeed"
simple("blind56 subject in another question", "off-topic question names banned 'travis'",
       qrep("X8", X8_TAIL, "(as we did for travis) " + X8_TAIL))
simple("blind56 extra name in another question", "off-topic question names banned 'sqlite'",
       qrep("X8", X8_TAIL, "(the sqlite cache too) " + X8_TAIL))
simple("blind55 subject in another question", "off-topic question names banned 'circleci'",
       qrep("X8", X8_TAIL, "(as we did for circleci) " + X8_TAIL))
simple("blind54 subject in another question", "off-topic question names banned 'nats'",
       qrep("X8", X8_TAIL, "(as we did for nats) " + X8_TAIL))
simple("blind54 extra name in another question", "off-topic question names banned 'argo cd'",
       qrep("X8", X8_TAIL, "(Argo CD reads them too) " + X8_TAIL))
simple("blind53 subject in another question", "off-topic question names banned 'istio'",
       qrep("X8", X8_TAIL, "(as we did for istio) " + X8_TAIL))
simple("blind28 subject in another question", "off-topic question names banned 'payment hsm'",
       qrep("X8", X8_TAIL, "(the Payment HSM team asked too) " + X8_TAIL))
simple("subject planted in blind33", "subject 'tuf' used in blind19-56", plant_prev(33, "tuf"))
simple("subject planted in blind56", "subject 'bupstash' used in blind19-56", plant_prev(56, "bupstash"))
simple("subject not in question", "subject 'bupstash' not in the question",
       qset("X12", "deduplicating backup tool, key rotation for our nightly repository backups"))
simple("earlier off-topic product named (capitalised, blind27)", "repeats an earlier off-topic subject word: verdaccio",
       qrep("X8", X8_TAIL, "the way we once did for Verdaccio, " + X8_TAIL))
simple("earlier off-topic product named (lowercase short, blind25)", "repeats an earlier off-topic subject word: sops",
       qset("X11", "serf: rotate the gossip encryption key like sops does?"))
simple("earlier off-topic word from blind51 outside the ban list", "repeats an earlier off-topic subject word: secret-key",
       qrep("X9", "backup encryption key change", "backup secret-key change"))
simple("earlier off-topic word from blind54 outside the ban list", "repeats an earlier off-topic subject word: gitops",
       qrep("X6", "Our Bamboo server pushes", "As part of our GitOps flow, our Bamboo server pushes"))
simple("earlier off-topic word from blind55 outside the ban list", "repeats an earlier off-topic subject word: cas",
       qrep("X4", "An audit requires", "An audit of our CAs requires"))
simple("earlier off-topic word from blind56 outside the ban list", "repeats an earlier off-topic subject word: compromised",
       qrep("X4", "An audit requires", "After a compromised laptop, an audit requires"))
simple("off-topic subject word planted in an earlier off-topic truth", "repeats an earlier off-topic subject word: tinc",
       plant_prev_offtopic_truth(40, "Compare Tinc."))
simple("banned key word in off-topic", "off-topic question names banned 'kubernetes'",
       qrep("X2", "Our clusters run Portieris", "Our Kubernetes clusters run Portieris"))
simple("banned key word kms", "off-topic question names banned 'kms'",
       qrep("X4", "encrypted with CredHub's internal encryption key", "encrypted with CredHub's internal encryption key (wrapped by our kms)"))
simple("near_miss on an agent item", "near_miss only on long off-topic posts", mset("X7", "near_miss", True))
simple("near-miss floor", "floor: near misses", chain(mdel("X1", "near_miss"), mdel("X2", "near_miss")))


@mut("off-topic story floor", "floor: long off-topic registry+key stories")
def _(c):
    for k in ("X5", "X6"):
        e = c.e(k)
        e["question"] = re.sub(r"\bregistr\w*", "service", e["question"], flags=re.I)


simple("off-topic subject missing", "off-topic subject missing", mdel("X6", "subject"))
simple("shape flag on off-topic", "shape flag csv_export on an off-topic item", mset("X6", "csv_export", True))
simple("subject on an on-topic item", "subject/near_miss on an on-topic item", mset("L22", "subject", "x"))


# ---------------- long measures ----------------
def unfence(q):
    return re.sub(r"```[a-z]*\n?", "", q)


@mut("fenced long floor", "floor: fenced long posts")
def _(c):
    for k in ("L11", "L12", "L13", "L14", "L15", "L16"):
        e = c.e(k)
        e["question"] = unfence(e["question"])


@mut("fenced troubleshoot floor", "floor: fenced long troubleshoot posts")
def _(c):
    for k in ("L1", "L3", "L5", "L6", "L7"):
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


# ---------------- the shapes of blind52 to blind56 are rejected in the text ----------------
HISTORY_FENCE = ("\n\n```text\n  881  az acr show -n crolivine\n  882  az acr show-usage -n crolivine\n"
                 "  883  az acr replication list -r crolivine\n```\n")
ENV_FENCE = "\n\n```bash\nOLV_REGISTRY=crolivine\nOLV_ZONES=Enabled\nOLV_VAULT=kv-olivine\n```\n"
CONFLICT_FENCE = ("\n\n```bash\n<<<<<<< HEAD\nKEY=topaz-kek\n=======\nKEY=topaz-kek-2027\n>>>>>>> next-key\n```\n")
TRACEBACK_FENCE = ('\n\n```\nTraceback (most recent call last):\n  File "C:\\tools\\topaz\\build_vault.py", line 12, in <module>\n'
                   '    create()\nRuntimeError: key create exited with status 1\n```\n')
RUNNER_FENCE = ("\n\n```text\n2026-12-02T03:00:00.1000000Z ##[group]Run az acr create -n crolivine\n"
                "2026-12-02T03:00:00.2000000Z ##[endgroup]\n2026-12-02T03:00:09.3000000Z ##[error]exit 1\n```")
PS_FENCE = ("\n\n```text\nAt line:1 char:1\n+ az deployment group create -g rg-spinel -f cmk.json\n"
            "    + CategoryInfo          : NotSpecified: (:String) [], RemoteException\n"
            "    + FullyQualifiedErrorId : NativeCommandError\n```")
EVENTS_FENCE = ("\n\n```text\nType      Reason    Age   From      Message\n"
                "Warning   Failed    1m    kubelet   Failed to pull image \"crtalcprodweu.azurecr.io/app:1\"\n```")
NDJSON_FENCE = ('\n\n```text\n{"op":"create","zone":"1","status":"ok"}\n{"op":"create","zone":"2","status":"ok"}\n'
                '{"op":"create","zone":"3","status":"failed"}\n```')


def _b64(obj):
    return base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode()).decode().rstrip("=")


FAKE_TOKEN = (_b64({"typ": "JWT", "alg": "RS256"}) + "." + _b64({"oid": "5b2e9f13-6c84-4d07-9e1a-3f8c7b0d2a61",
                                                                  "aud": "https://vault.azure.net"})
              + ".c2lnbmF0dXJlLW5vdC1yZWFs")
simple("old shape: TL;DR line", "question shows blind52's shape tldr_summary",
       qrep("L23", "Can a CMK registry", "TL;DR: can we build on a private vault?\n\nCan a CMK registry"))
simple("old shape: TL;DR line in an off-topic post", "question shows blind52's shape tldr_summary",
       lambda c: c.e("X1").__setitem__("question", c.e("X1")["question"] + "\n\ntl;dr can the old root key stay trusted?"))
simple("old shape: shouting", "question shows blind52's shape caps_shouting",
       qrep("L20", "Where is that stated?", "I REALLY need this SETTLED. Where is that stated?"))
simple("old shape: typographic quotes", "question shows blind52's shape smart_punctuation",
       qrep("S6", "portal picker", "\u201cportal picker\u201d"))
simple("old shape: en dash in a command", "question shows blind52's shape smart_punctuation",
       qrep("L5", "passing the key's URI as --object-id", "passing the key's URI as \u2013object-id"))
simple("old shape: --query expression", "question shows blind52's shape jmespath_query",
       qrep("L23", "Our usual flow", "az keyvault show --query properties.networkAcls prints Deny. Our usual flow"))
simple("old shape: anchored regex", "question shows blind52's shape regex_pattern",
       qrep("S3", "required rotation interval", "`^https://[^/]+/keys/[^/]+$` required rotation interval"))
simple("old shape: shell history", "question shows blind53's shape shell_history",
       lambda c: c.e("L20").__setitem__("question", c.e("L20")["question"] + HISTORY_FENCE))
simple("old shape: env file", "question shows blind53's shape dotenv_file",
       lambda c: c.e("L20").__setitem__("question", c.e("L20")["question"] + ENV_FENCE))
simple("old shape: ANSI colour codes", "question shows blind53's shape ansi_escape_codes",
       qrep("A9", "kv-cinnabar only accepts", "\x1b[33mkv-cinnabar\x1b[0m only accepts"))
simple("old shape: strikethrough", "question shows blind53's shape strikethrough_correction",
       qrep("A12", "to cut crcorundum off", "to ~~lock~~ cut crcorundum off"))
simple("old shape: percent-encoded URI", "question shows blind53's shape percent_encoded_uri",
       qrep("S4", "does versionless auto rotation", "https%3a%2f%2fjadehsm.managedhsm.azure.net%2fkeys%2fx does versionless auto rotation"))
simple("old shape: strikethrough in an off-topic question", "question shows blind53's shape strikethrough_correction",
       qrep("X11", "rotate the gossip encryption key", "rotate the ~~master~~ gossip encryption key"))
simple("old shape inside a curl trace (shell history)", "question shows blind53's shape shell_history",
       qrep("L1", "> accept: */*\n",
            "> accept: */*\n  101  az acr show -n crbasalt\n  102  az keyvault show -n kv-basalt\n  103  az acr import -n crbasalt\n"))
simple("old shape: merge conflict markers", "question shows blind54's shape merge_conflict_markers",
       lambda c: c.e("L23").__setitem__("question", c.e("L23")["question"] + CONFLICT_FENCE))
simple("old shape: Jira monospace spans", "question shows blind54's shape jira_markup",
       chain(qrep("L23", "For crtopaz", "For {{crtopaz}}"), qrep("L23", "want kv-topaz reachable", "want {{kv-topaz}} reachable")))
simple("old shape: Jira code block in front of a git log", "question shows blind54's shape jira_markup",
       qrep("L6", "```text\n$ git log", "{code}\n{code}\n```text\n$ git log"))
simple("old shape: HTML character references", "question shows blind54's shape html_entities",
       qrep("S6", "portal picker", "&quot;portal picker&quot;"))
simple("old shape: numbered sub-questions", "question shows blind54's shape numbered_subquestions",
       lambda c: c.e("L22").__setitem__("question", c.e("L22")["question"] +
                                         "\n\n1. Which role? 2. Which identity value? 3. Which dependsOn?"))
simple("old shape: access token", "question shows blind54's shape jwt_token",
       lambda c: c.e("X7").__setitem__("question", c.e("X7")["question"] + " Pasted: " + FAKE_TOKEN))
simple("old shape: Jira markup in an off-topic question", "question shows blind54's shape jira_markup",
       qrep("X10", "tinc: how do i replace", "{{tinc}}: how do i {{replace}}"))
simple("old shape: Python traceback", "question shows blind55's shape python_traceback",
       lambda c: c.e("L23").__setitem__("question", c.e("L23")["question"] + TRACEBACK_FENCE))
simple("old shape: collapsed details section", "question shows blind55's shape details_block",
       lambda c: c.e("L20").__setitem__("question", c.e("L20")["question"] +
                                         "\n\n<details>\n<summary>sandbox output</summary>\n\nzoneRedundancy: Enabled\n\n</details>"))
simple("old shape: screenshot", "question shows blind55's shape screenshot_embed",
       lambda c: c.e("S3").__setitem__("question", c.e("S3")["question"] +
                                        " ![policy page](https://github.com/user-attachments/assets/1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f)"))
simple("old shape: double-encoded JSON", "question shows blind55's shape double_encoded_json",
       qrep("A9", "yet its pulls work fine", 'yet its pulls work fine while my own call got "{\\"error\\":{\\"code\\":\\"ForbiddenByFirewall\\"}}"'))
simple("old shape: escaped Markdown", "question shows blind55's shape escaped_markdown",
       qrep("S8", "for the acr identity", "for the acr\\_identity and its access\\_policy"))
simple("old shape: traceback in an off-topic question", "question shows blind55's shape python_traceback",
       lambda c: c.e("X2").__setitem__("question", c.e("X2")["question"] + TRACEBACK_FENCE))
simple("old shape: details section in an off-topic question", "question shows blind55's shape details_block",
       lambda c: c.e("X3").__setitem__("question", c.e("X3")["question"] +
                                         "\n\n<details>\n<summary>keyring</summary>\n\nkeyring=old\n\n</details>"))
simple("old shape: screenshot in an off-topic question", "question shows blind55's shape screenshot_embed",
       lambda c: c.e("X7").__setitem__("question", c.e("X7")["question"] +
                                         " ![settings page](https://github.com/user-attachments/assets/7d1e0f3a-5b2c-4c8d-9e6f-0a1b2c3d4e5f)"))
simple("old shape: escaped Markdown in an off-topic question", "question shows blind55's shape escaped_markdown",
       qrep("X11", "gossip encryption key", "gossip\\_encryption\\_key"))
simple("old shape: runner log (blind56)", "question shows blind56's shape gha_log_groups",
       lambda c: c.e("L20").__setitem__("question", c.e("L20")["question"] + RUNNER_FENCE))
simple("old shape: PowerShell error record (blind56)", "question shows blind56's shape powershell_error_record",
       lambda c: c.e("L22").__setitem__("question", c.e("L22")["question"] + PS_FENCE))
simple("old shape: events table (blind56)", "question shows blind56's shape kubectl_events",
       lambda c: c.e("L21").__setitem__("question", c.e("L21")["question"] + EVENTS_FENCE))
simple("old shape: JSON lines (blind56)", "question shows blind56's shape ndjson_log",
       lambda c: c.e("L20").__setitem__("question", c.e("L20")["question"] + NDJSON_FENCE))
simple("old shape: logfmt line (blind56)", "question shows blind56's shape logfmt_line",
       qrep("A7", "Give the identity value", "Give, for level=error msg=failed registry=crgypsum, the identity value"))
simple("old shape: runner log in an off-topic question (blind56)", "question shows blind56's shape gha_log_groups",
       lambda c: c.e("X1").__setitem__("question", c.e("X1")["question"] + RUNNER_FENCE))
simple("old shape: PowerShell record in an off-topic question (blind56)", "question shows blind56's shape powershell_error_record",
       lambda c: c.e("X2").__setitem__("question", c.e("X2")["question"] + PS_FENCE))
simple("old shape: events table in an off-topic question (blind56)", "question shows blind56's shape kubectl_events",
       lambda c: c.e("X3").__setitem__("question", c.e("X3")["question"] + EVENTS_FENCE))
simple("old shape: JSON lines in an off-topic question (blind56)", "question shows blind56's shape ndjson_log",
       lambda c: c.e("X4").__setitem__("question", c.e("X4")["question"] + NDJSON_FENCE))
simple("old shape: logfmt line in an off-topic question (blind56)", "question shows blind56's shape logfmt_line",
       qrep("X8", "Explain how to rotate", 'Explain, given level=warn msg="secret stale" app=kiosk-build, how to rotate'))


@mut("GitHub Actions ${{ }} expressions are not Jira markup", "short question has 15 words", only=True)
def _(c):
    # a pasted workflow step with ${{ ... }} expressions must not count as blind54's Jira monospace (earlier sets
    # pasted such steps): only the planted over-long short question is reported
    c.e("L20")["question"] += ("\n\n```yaml\n- name: create olivine registry\n  env:\n    OLV_TAG: ${{ github.sha }}\n"
                               "    OLV_REG: ${{ vars.OLIVINE_REGISTRY }}\n```\n")
    qset("S2", S2_15)(c)


# ---------------- new shapes: a shape in the text needs its flag ----------------
CURL_SNIPPET = ("\n\n```text\n> GET /v1/root.json HTTP/1.1\n> Host: tuf.example.net\n>\n< HTTP/1.1 200 OK\n"
                "< Content-Type: application/json\n```")
GITLOG_SNIPPET = "\n\n```text\n4f1a2b3 add policy\n5e6d7c8 new key\n9a8b7c6 old key\n```"
CSV_SNIPPET = "\n\n```text\ndevice,keyring,state\nunit-01,old,ok\nunit-02,new,ok\n```"
simple("unflagged curl trace", "question shows the shape curl_verbose without its flag", mdel("L1", "curl_verbose"))
simple("unflagged git log", "question shows the shape git_log_oneline without its flag", mdel("L6", "git_log_oneline"))
simple("unflagged CSV export", "question shows the shape csv_export without its flag", mdel("L11", "csv_export"))
simple("unflagged crontab line", "question shows the shape crontab_line without its flag", mdel("L16", "crontab_line"))
simple("unflagged Copilot references", "question shows the shape copilot_refs without its flag", mdel("S10", "copilot_refs"))
simple("curl trace pasted into an off-topic question", "question shows the shape curl_verbose without its flag",
       lambda c: c.e("X1").__setitem__("question", c.e("X1")["question"] + CURL_SNIPPET))
simple("git log pasted into an off-topic question", "question shows the shape git_log_oneline without its flag",
       lambda c: c.e("X2").__setitem__("question", c.e("X2")["question"] + GITLOG_SNIPPET))
simple("CSV pasted into an off-topic question", "question shows the shape csv_export without its flag",
       lambda c: c.e("X3").__setitem__("question", c.e("X3")["question"] + CSV_SNIPPET))
simple("crontab line in an off-topic question", "question shows the shape crontab_line without its flag",
       lambda c: c.e("X4").__setitem__("question", c.e("X4")["question"] + "\n\n`0 1 * * * /opt/credhub/rotate-enc.sh`"))
simple("Copilot reference in an off-topic question", "question shows the shape copilot_refs without its flag",
       lambda c: c.e("X9").__setitem__("question", c.e("X9")["question"] + ", see #file:walg.env"))
simple("Copilot participant alone in an off-topic question", "question shows the shape copilot_refs without its flag",
       lambda c: c.e("X10").__setitem__("question", "@terminal " + c.e("X10")["question"]))

# ---------------- curl_verbose ----------------
simple("curl: request line removed", "curl_verbose needs a fence with a '> METHOD path HTTP/x' request line",
       qrep("L2", "> POST /keys/gneiss-kek/create?api-version=7.4 HTTP/1.1\n", ""))
simple("curl: status line removed", "curl_verbose needs a fence with a '> METHOD path HTTP/x' request line",
       qrep("L3", "< HTTP/2 403\n", ""))
simple("curl: response headers removed", "curl_verbose needs a fence with a '> METHOD path HTTP/x' request line",
       qrep("L4", "< Content-Type: application/json; charset=utf-8\n< x-ms-server-latency: 2\n", ""))
simple("curl: status line before the request", "curl_verbose needs a fence with a '> METHOD path HTTP/x' request line",
       chain(qrep("L4", "> GET /keys/mica-kek?api-version=7.4 HTTP/1.1\n", ""),
             qrep("L4", "< HTTP/1.1 200 OK\n", "< HTTP/1.1 200 OK\n> GET /keys/mica-kek?api-version=7.4 HTTP/1.1\n")))
simple("curl: trace outside a fence", "curl_verbose needs a fence with a '> METHOD path HTTP/x' request line",
       lambda c: c.e("L5").__setitem__("question", c.e("L5")["question"].replace("```text\n", "").replace("\n```", "")))
simple("curl: truth does not name the status code", "curl_verbose truth does not name the status code",
       trep_all("L1", "403", "refusal"))
simple("curl: truth repeats no identifier of the response", "curl_verbose truth repeats no identifier of the response",
       trep_all("L2", "NotActivated", "the state it reports"))
simple("curl: a token of the request only does not count", "curl_verbose truth repeats no identifier of the response",
       chain(trep("L4", "RSA-HSM, wrapKey and unwrapKey allowed", "an HSM key that may wrap and unwrap"),
             lambda c: c.e("L4").__setitem__("truth", c.e("L4")["truth"] + " The call used api-version 7.4.")))
simple("curl: truth keeps a trace line", "curl_verbose truth still holds a trace line or a bearer credential",
       lambda c: c.e("L5").__setitem__("truth", c.e("L5")["truth"] + "\n< HTTP/2 200"))
simple("curl: truth keeps a bearer credential", "curl_verbose truth still holds a trace line or a bearer credential",
       lambda c: c.e("L1").__setitem__("truth", c.e("L1")["truth"] + " (sent with Bearer abc123)"))
simple("curl on a short item", "curl_verbose must be a long post", mset("S2", "curl_verbose", True))


@mut("curl used 4 times", "shape curl_verbose used 4 times, want exactly 5")
def _(c):
    mdel("L3", "curl_verbose")(c)
    e = c.e("L3")
    e["question"] = re.sub(r"(?m)^[<>] ?", "", e["question"])


simple("curl used 6 times", "shape curl_verbose used 6 times, want exactly 5", mset("L20", "curl_verbose", True))

# ---------------- git_log_oneline ----------------
simple("git log: only two lines", "git_log_oneline needs a fence with >= 3 'hash subject' lines",
       chain(qrep("L8", "27bc0e8 give the crpumice identity the HSM encryption role on pumice-kek\n", ""),
             qrep("L8", "c81d4f6 create pumice-kek in pumicehsm as RSA-HSM with wrap and unwrap\n", "")))
simple("git log: log outside a fence", "git_log_oneline needs a fence with >= 3 'hash subject' lines",
       lambda c: c.e("L10").__setitem__("question", c.e("L10")["question"].replace("```text\n", "").replace("\n```", "")))
simple("git log: hashes in capitals", "git_log_oneline needs a fence with >= 3 'hash subject' lines",
       lambda c: c.e("L9").__setitem__("question", re.sub(r"(?m)^([0-9a-f]{7}) ", lambda mm: mm.group(1).upper() + " ",
                                                          c.e("L9")["question"])))
simple("git log: truth names no commit", "git_log_oneline truth names no commit of the log",
       trep_all("L6", "b7d20f3", "the upgrade commit"))
simple("git log: a hash that is not in the log does not count", "git_log_oneline truth names no commit of the log",
       chain(trep_all("L7", "e52f0ab", "e52f0ac"), trep_all("L7", "8a07fe2", "8a07fe3")))
simple("git log: truth copies a subject", "git_log_oneline truth copies a commit subject",
       lambda c: c.e("L10").__setitem__("truth", c.e("L10")["truth"] + " The culprit was detach id-onyx-2025 from cronyx."))
simple("git log on a short item", "git_log_oneline must be a long post", mset("S2", "git_log_oneline", True))


@mut("git log used 4 times", "shape git_log_oneline used 4 times, want exactly 5")
def _(c):
    mdel("L9", "git_log_oneline")(c)
    e = c.e("L9")
    e["question"] = re.sub(r"(?m)^([0-9a-f]{7}) ", r"[\1] ", e["question"])


simple("git log used 6 times", "shape git_log_oneline used 6 times, want exactly 5", mset("L20", "git_log_oneline", True))

# ---------------- csv_export ----------------
simple("csv: a row with another number of fields", "csv_export needs a fence with a CSV header",
       qrep("L15", "payments/api,17,64,12.9", "payments/api,17,64,12.9,archived"))
simple("csv: header cells that are not column names", "csv_export needs a fence with a CSV header",
       qrep("L12", "Tag,Digest,Last updated,Signed", "Tag,Digest,Last updated:,Signed"))
simple("csv: only one data row", "csv_export needs a fence with a CSV header",
       lambda c: c.e("L13").__setitem__("question", re.sub(r"(?m)^Key Vault,.*\n", "", c.e("L13")["question"])))
simple("csv: table outside a fence", "csv_export needs a fence with a CSV header",
       lambda c: c.e("L11").__setitem__("question", c.e("L11")["question"].replace("```console\n", "").replace("\n```", "")))
simple("csv: truth repeats no value of a single row", "csv_export truth repeats no value that singles out one row",
       chain(trep_all("L14", "kv-marble-weu", "the first vault"), trep_all("L14", "kv-marble-neu", "the second vault"),
             trep_all("L14", "kv-talcum-legacy", "the third vault")))
simple("csv: values shared by two rows do not count", "csv_export truth repeats no value that singles out one row",
       chain(qrep("L11", '"/keys","Managed HSM Crypto User","2d6f0a93-c1b8-47e5-8f24-6ab3e9d01c57"',
                  '"/keys/quartz-kek","Managed HSM Crypto User","e81c4b2a-5f97-4d3e-b06a-91d7c2f4e835"'),
             trep_all("L11", "Managed HSM Administrator", "Managed HSM admin role"),
             trep_all("L11", "\"Managed HSM Crypto Service Encryption User\"", "\"Managed HSM encryption role\"")))
simple("csv: truth keeps a row", "csv_export truth still holds a CSV row",
       lambda c: c.e("L13").__setitem__("truth", c.e("L13")["truth"] + " (Key Vault,kv-flint,Operations)"))
simple("csv on a short item", "csv_export must be a long post", mset("S2", "csv_export", True))


@mut("csv: $ command lines before the header are allowed", "short question has 15 words", only=True)
def _(c):
    # a command line that starts with "$ " may stand before the header; the item stays valid, and only the planted
    # over-long short question is reported
    c.q_rep("L14", "```text\nname,", "```text\n$ az graph query -q \"resources | where type =~ 'microsoft.keyvault/vaults'\" -o csv\nname,")
    qset("S2", S2_15)(c)


@mut("csv used 4 times", "shape csv_export used 4 times, want exactly 5")
def _(c):
    mdel("L15", "csv_export")(c)
    e = c.e("L15")
    e["question"] = e["question"].replace(",", " | ")


simple("csv used 6 times", "shape csv_export used 6 times, want exactly 5", mset("L20", "csv_export", True))

# ---------------- crontab_line ----------------
simple("cron: no '*' field", "crontab_line needs a crontab entry", qrep("L16", "15 6 * * 1-5", "15 6 1 1 1-5"))
simple("cron: only four time fields", "crontab_line needs a crontab entry",
       qrep("L17", "40 2 * * * /usr/local/bin/jade-kek-roll.sh", "40 2 * * /usr/local/bin/jade-kek-roll.sh"))
simple("cron: program name too short", "crontab_line needs a crontab entry",
       qrep("A1", "/srv/ops/acr-follow.sh", "/srv/ops/go"))
simple("cron: truth does not name the program", "crontab_line truth does not name the scheduled program",
       trep_all("L18", "acr-health.sh", "the probe"))
simple("cron: truth does not say when", "crontab_line truth does not say when the job runs",
       tset("S12", "Yes: kek-roll.sh adds a new version to the existing key rather than a second key, as long as the name "
                   "stays the same; a registry with the versionless key ID follows it."))
simple("cron: truth keeps a cron expression", "crontab_line truth still holds a cron time expression",
       lambda c: c.e("A1").__setitem__("truth", c.e("A1")["truth"] + " (0 4 * * 1)"))


@mut("cron used 4 times", "shape crontab_line used 4 times, want exactly 5")
def _(c):
    mdel("S12", "crontab_line")(c)
    c.q_rep("S12", "`0 3 1 * * /opt/kv/kek-roll.sh`", "`/opt/kv/kek-roll.sh`")


simple("cron used 6 times", "shape crontab_line used 6 times, want exactly 5", mset("L20", "crontab_line", True))

# ---------------- copilot_refs ----------------
simple("copilot: no #file reference", "copilot_refs needs a '#file:<path>' reference",
       qrep("S11", "@workspace #file:hsm-setup.sh", "@workspace #selection"))
simple("copilot: truth does not name the file", "copilot_refs truth does not name a referenced file",
       trep_all("A3", "hsm-runbook.md", "the runbook"))
simple("copilot: a file that is not referenced does not count", "copilot_refs truth does not name a referenced file",
       trep_all("A4", "network.bicep", "main.bicep"))
simple("copilot: truth keeps a participant", "copilot_refs truth still holds a chat participant or context variable",
       lambda c: c.e("S10").__setitem__("truth", c.e("S10")["truth"] + " Ask @azure again if unsure."))
simple("copilot: truth keeps a context variable", "copilot_refs truth still holds a chat participant or context variable",
       lambda c: c.e("A2").__setitem__("truth", c.e("A2")["truth"] + " (see #selection)"))


@mut("copilot used 4 times", "shape copilot_refs used 4 times, want exactly 5")
def _(c):
    mdel("S10", "copilot_refs")(c)
    c.q_rep("S10", "@azure #file:registry.json ", "registry.json: ")


simple("copilot used 6 times", "shape copilot_refs used 6 times, want exactly 5", mset("L20", "copilot_refs", True))
simple("two new shapes on one item", "more than one new shape on one item", mset("L1", "git_log_oneline", True))

# ---------------- two_facts ----------------
simple("two_facts floor", "floor: shape two_facts 3 < 4",
       chain(mdel("L19", "two_facts"), lambda c: c.e("L19")["canonical"].pop(),
             lambda c: c.e("L19")["answer_facts"].pop(),
             mdel("L23", "two_facts"), lambda c: c.e("L23")["canonical"].pop(),
             lambda c: c.e("L23")["answer_facts"].pop()))


def run_check(d):
    env = dict(os.environ, BLIND57_DIR=d, BLIND57_KROOT=os.path.join(d, "k"), BLIND57_FACTS=os.path.join(d, "facts"))
    p = subprocess.run([sys.executable, os.path.join(HERE, "check57.py")], env=env, capture_output=True, text=True)
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
        shutil.copy(os.path.join(HERE, "build57.py"), d)
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
