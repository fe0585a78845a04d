"""blind51 mutation driver. Each mutation runs on a fresh temp copy (inside blind51/) of the set, prev/,
the knowledge and the fact sheets; it counts as caught only when check51.py exits 1 and prints the
mutation's expected message."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
KROOT = os.environ.get("BLIND51_KROOT", "/work/scratch/kstripped")
FACTS = os.environ.get("BLIND51_FACTS", "/work/shared/facts")
sys.path.insert(0, HERE)
import build51  # noqa: E402
import check51  # noqa: E402
import kparse  # noqa: E402

SET = "blind51"
FILES = (SET + ".json", SET + "-meta.json", SET + "-first-canonicals.txt")
_entries, _meta = build51.build()
_byq = {q["question"]: q["key"] for q in build51.QUESTIONS}
ID = {_byq[e["question"]]: e["id"] for e in _entries}
SCENARIO_SECTION = next("acr-cmk/" + k if not k.startswith("acr-cmk/") else k
                        for k in kparse.parse_all(KROOT) if "scenarios/" in k)


class Ctx:
    def __init__(self, d):
        self.d = d
        self.j = json.load(open(os.path.join(d, FILES[0]), encoding="utf-8"))
        self.m = json.load(open(os.path.join(d, FILES[1]), encoding="utf-8"))

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
        with open(os.path.join(self.d, FILES[1]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(self.m, indent=1, ensure_ascii=False, sort_keys=True) + "\n")

    def kfile(self, rel):
        p = os.path.join(self.d, "k", rel)
        if not os.path.exists(p) and rel.startswith("acr-cmk/"):
            p = os.path.join(self.d, "k", rel[len("acr-cmk/"):])
        return p


MUTS = []


def mut(name, expect, build=False):
    def deco(fn):
        MUTS.append((name, expect, fn, build))
        return fn
    return deco


def simple(name, expect, fn, build=False):
    MUTS.append((name, expect, fn, build))


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
for pfx in ("f", "e", "d", "c", "b", "m", "j", "k", "h"):
    def f(c, pfx=pfx):
        c.j[5]["id"] = pfx + c.j[5]["id"][1:]
    simple("id prefix %s (earlier set)" % pfx, "bad id at position 6", f)
simple("ids numbered from zero", "bad id at position 1",
       lambda c: [x.__setitem__("id", "g%03d" % (int(x["id"][1:]) - 1)) for x in c.j])
simple("wrong source", "bad source", lambda c: c.j[3].__setitem__("source", "written by hand"))
simple("key order swapped", "keys or key order wrong",
       lambda c: c.j.__setitem__(2, dict([("category", c.j[2]["category"])] +
                                         [(k, v) for k, v in c.j[2].items() if k != "category"])))
simple("extra key in an entry", "keys or key order wrong", lambda c: c.j[7].__setitem__("notes", "x"))
simple("meta entry missing", "meta: ids do not match", lambda c: c.m.pop("g010"))
simple("59 entries", "need a list of 60", lambda c: c.j.pop())
simple("rebuild: json truth edited", "rebuild differs from blind51.json",
       lambda c: c.j[0].__setitem__("truth", c.j[0]["truth"] + " Extra."), True)
simple("rebuild: meta edited", "rebuild differs from blind51-meta.json",
       lambda c: c.m["g001"].__setitem__("qual", "none" if c.m["g001"]["qual"] != "none" else "asked"), True)


@mut("rebuild: same content, other JSON layout (byte compare)", "rebuild differs from blind51.json", True)
def _(c):
    # content unchanged, only the serialisation differs: caught by the byte comparison alone
    def save():
        with open(os.path.join(c.d, FILES[0]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(c.j, indent=2, ensure_ascii=False) + "\n")
        with open(os.path.join(c.d, FILES[1]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(c.m, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    c.save = save


@mut("rebuild: first-canonical list edited", "rebuild differs from blind51-first-canonicals.txt", True)
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


simple("first-canonical list missing", "blind51-first-canonicals.txt missing",
       lambda c: os.remove(os.path.join(c.d, FILES[2])))


@mut("three of one category in a row", "three")
def _(c):
    grp = [x for x in c.j if x["category"] == "off-topic"][:3]
    rest = [x for x in c.j if x not in grp]
    new = rest[:10] + grp + rest[10:]
    old_meta = {x["id"]: c.m[x["id"]] for x in c.j}
    c.m.clear()
    for n, x in enumerate(new, 1):
        c.m["g%03d" % n] = old_meta[x["id"]]
        x["id"] = "g%03d" % n
    c.j[:] = new


# ---------------- dropped flags and fields (blind50's five shape flags included) ----------------
_SPECIAL = {"field": "bypass", "wrong": "--kek-uri", "other": ["AWS"], "premise": "x"}
for fld in check51.DROPPED_FIELDS:
    simple("dropped/unknown field %s" % fld, "unknown field %r" % fld, mset("L21", fld, _SPECIAL.get(fld, True)))

# ---------------- facts and answer facts ----------------
simple("answer_fact not in canonical", "answer_fact not in first canonical",
       lambda c: c.e("L23")["answer_facts"].__setitem__(0, "the hsm replicates across regions"))
simple("answer_fact only in a related section", "answer_fact not in first canonical",
       lambda c: c.e("L21")["answer_facts"].__setitem__(0, "workable order in which to create things"))
simple("answer_fact added from a related section", "answer_fact not in first canonical",
       lambda c: c.e("L4")["answer_facts"].append("follow key vault disaster-recovery guidance"))
simple("answer_fact over 7 words", "answer_fact over 7 words",
       lambda c: c.e("A5")["answer_facts"].__setitem__(0, "they give no fixed rotation frequency at all today"))
simple("fact not in any section", "fact not in a canonical or related section",
       lambda c: c.e("S2")["facts"].__setitem__(0, "standard registries can be upgraded with a key"))
simple("empty answer_facts", "no answer_facts", eset("S6", "answer_facts", []))
simple("empty facts", "no facts", eset("S6", "facts", []))
simple("two_facts with both facts in the first canonical", "two_facts needs one answer_fact only in each",
       lambda c: c.e("L17")["answer_facts"].__setitem__(1, "the service refuses to detach the identity"))
simple("two_facts fact in neither canonical", "answer_fact not in either canonical",
       lambda c: c.e("L13")["answer_facts"].__setitem__(0, "the registry recreates the grant"))
simple("two canonicals without flag", "two canonical sections need two_facts", mdel("L22", "two_facts"))
simple("two_facts flag with one canonical", "two_facts needs two canonical sections",
       mset("A12", "two_facts", True))

# ---------------- sections ----------------
simple("unknown section id", "unknown section",
       lambda c: c.e("L16")["related"].__setitem__(0, "acr-cmk/references/identities.md#no-such-anchor"))
simple("section id without the acr-cmk/ folder", "unknown section",
       lambda c: c.e("L16")["related"].__setitem__(0, "references/identities.md#which-identity-value-goes-where"))
simple("canonical repeated in related", "repeated section",
       lambda c: c.e("L16")["related"].append(c.e("L16")["canonical"][0]))
simple("canonical empty", "canonical must hold 1 or 2", eset("L18", "canonical", []))
simple("three canonicals", "canonical must hold 1 or 2",
       lambda c: c.e("L18")["canonical"].extend(c.e("L18")["related"][:2]))
simple("first canonical in a scenario", "first canonical not a reference doc",
       lambda c: c.e("S1")["canonical"].__setitem__(0, SCENARIO_SECTION))
simple("related empty", "related is empty", eset("S8", "related", []))

# ---------------- kinds, styles, truths, categories ----------------
simple("unknown kind", "bad kind", mset("A8", "kind", "opinion"))
simple("yes truth opening No", "yes truth must open 'Yes: '",
       lambda c: c.e("S12").__setitem__("truth", "No: " + c.e("S12")["truth"][5:]))
simple("no truth without No", "no truth must open 'No: '",
       lambda c: c.e("L7").__setitem__("truth", c.e("L7")["truth"][4:]))
simple("undocumented truth without verdict", "undocumented truth must open 'Not documented'",
       lambda c: c.e("A12").__setitem__("truth", c.e("A12")["truth"][16:]))
simple("off-topic truth without verdict", "off-topic truth must open 'Not covered: '",
       lambda c: c.e("X3").__setitem__("truth", c.e("X3")["truth"][13:]))
simple("howto truth opening Yes", "howto truth opens with a verdict word",
       lambda c: c.e("A6").__setitem__("truth", "Yes: " + c.e("A6")["truth"]))
simple("troubleshoot truth opening No", "troubleshoot truth opens with a verdict word",
       lambda c: c.e("L16").__setitem__("truth", "No, " + c.e("L16")["truth"]))
simple("off-topic item with canonical", "off-topic item must have empty lists",
       lambda c: c.e("X4")["canonical"].append("acr-cmk/references/overview.md#default-encryption-at-rest-without-a-cmk"))
simple("off-topic category on an on-topic kind", "off-topic category and kind disagree",
       eset("A11", "category", "off-topic"))
simple("unknown category", "bad category", eset("A11", "category", "misc"))
simple("style count broken", "on-topic short count 13", mset("A8", "style", "short"))
simple("unknown style", "bad style", mset("A8", "style", "medium"))
simple("kind count broken", "kind howto count 13", mset("L20", "kind", "why"))
simple("kind group missing from a style", "kind group yes/no missing from style agent",
       chain(mset("A9", "kind", "value"), mset("A10", "kind", "value"), mset("A11", "kind", "value"),
             tset("A9", "rotate-key takes a Managed HSM key URI as well, once the identity holds the local role."),
             tset("A10", "A registry gets its customer-managed key only at creation; create a new one and import."),
             tset("A11", "The AVM Bicep module takes a key vault resource ID, so only key vault keys.")))
simple("category above 9", "category hsm count 10",
       chain(eset("L21", "category", "hsm"), eset("L24", "category", "hsm")))
simple("category below 2", "category troubleshooting count 1", eset("L16", "category", "keys"))

# ---------------- style rules ----------------
simple("long post too short", "long question length", qset("L20", "Which commands show the grants?"))
simple("long post too long", "long question length",
       lambda c: c.e("L20").__setitem__("question", c.e("L20")["question"] + (" Some more background here." * 60)))
simple("short question of 15 words", "short question has 15 words",
       qset("S12", "can we sign our images with notation on a cmk encrypted acr in production today?"))
simple("short question on two lines", "short question spans lines", qrep("S12", " on a cmk", "\non a cmk"))
simple("agent query of 50 words", "agent query has",
       lambda c: c.e("A8").__setitem__("question", c.e("A8")["question"] + " please" + " also" * 30))
simple("agent query on two lines", "agent query spans lines", qrep("A9", " Question:", "\nQuestion:"))
simple("context form without Context:", "context form must open with 'Context:'",
       lambda c: c.e("A9").__setitem__("question", c.e("A9")["question"][len("Context: "):]))
simple("imperative form without verb", "imperative form must open with an imperative verb",
       qrep("A6", "List the steps", "I need the steps"))
simple("keywords form opening uppercase", "keywords form must open lowercase",
       lambda c: c.e("A8").__setitem__("question", "A" + c.e("A8")["question"][1:]))
simple("keywords form with ?", "keywords form must open lowercase", qrep("A8", "command to fix it", "command to fix it?"))
simple("form on a short item", "form on a non-agent item", mset("S12", "form", "keywords"))
simple("agent forms miscounted", "on-topic agent form context count 4",
       chain(mset("A9", "form", "imperative"), qrep("A9", "Context: crelm encrypts", "Explain: crelm encrypts")))
simple("off-topic agent forms miscounted", "off-topic agent form keywords count 0",
       chain(mset("X9", "form", "imperative"),
             lambda c: c.e("X9").__setitem__("question", "Explain " + c.e("X9")["question"])))


@mut("three short questions not lowercase", "short questions not lowercase (max 2)")
def _(c):
    for k in ("S3", "S10", "S12"):
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
           "rbac": "role mode", "kek": "key", "mi": "identity", "oras": "the artifact tool"}
    for x in c.j:
        if c.m[x["id"]]["style"] == "short":
            x["question"] = re.sub(r"\b(%s)\b" % "|".join(rep), lambda mm: rep[mm.group(1).lower()],
                                   x["question"], flags=re.I)


# ---------------- qualifiers ----------------
simple("hsm qualifier without Managed HSM", "hsm qualifier but no Managed HSM in the question",
       mset("L16", "quals", ["hsm"]))
simple("iac qualifier without a tool", "iac qualifier but no portal/Terraform/Bicep/ARM/AVM",
       mset("S8", "quals", ["iac"]))
simple("October 2026 truth without Managed HSM", "October 2026 truth names neither",
       tset("S5", "Delete the identity's local role assignment at the key's scope; a wider one survives."))
simple("qual asked recorded as story", "qual is 'story', should be 'asked'", mset("L2", "qual", "story"))
simple("quals without qual none", "qual is 'asked', should be 'none'", mset("L9", "qual", "asked"))
simple("unknown qualifier", "bad quals", mset("L2", "quals", ["hsm", "iac", "oct2026", "k8s"]))


def drop_qual(mm, x, q):
    mm["quals"] = [v for v in mm["quals"] if v != q]
    ask = build51.ask_part(x["question"])
    hit = ("hsm" in mm["quals"] and build51.HSM_RE.search(ask)) or ("iac" in mm["quals"] and build51.IAC_RE.search(ask))
    mm["qual"] = "none" if not mm["quals"] else ("asked" if hit else "story")


@mut("Managed HSM asked floor", "floor: Managed HSM asked")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "hsm" in mm.get("quals", []) and build51.HSM_RE.search(build51.ask_part(x["question"])):
            n += 1
            if n > 9:
                drop_qual(mm, x, "hsm")


@mut("Managed HSM asked in too few ways (qualifiers dropped)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    for k in ("A1", "A7"):
        drop_qual(c.meta(k), c.e(k), "hsm")


@mut("Managed HSM asked in too few ways (asks reworded)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    c.q_rep("A1", "why is a deleted Managed HSM still billed,", "why does that Managed HSM still show up on the bill,")
    c.q_rep("A7", "why is that Managed HSM URI refused,", "why is that Managed HSM value refused,")


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
            mm["quals"] = [q for q in mm["quals"] if q != "oct2026"]
            n += 1


# ---------------- spread and per-doc ----------------
@mut("spread against blind50", "first canonicals new against blind50 (floor 30)")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind50-first-canonicals.txt")) if x.strip()]
    firsts = list(dict.fromkeys(firsts))
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < 20 and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [firsts[n]]
            x["related"] = [r for r in x["related"] if r != firsts[n]] or [firsts[n + 20]]
            n += 1


@mut("spread against blind50 and blind49", "first canonicals new against blind50 and blind49")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind49-first-canonicals.txt")) if x.strip()]
    b50 = {x.strip() for x in open(os.path.join(c.d, "prev", "blind50-first-canonicals.txt"))}
    pool = [f for f in dict.fromkeys(firsts) if f not in b50]
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < min(30, len(pool)) and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [pool[n]]
            x["related"] = [r for r in x["related"] if r != pool[n]] or ["acr-cmk/references/overview.md#requirements-at-a-glance"]
            n += 1


simple("troubleshooting doc above 8", "first canonical doc troubleshooting count 9",
       lambda c: c.e("L20")["canonical"].__setitem__(0, "acr-cmk/references/troubleshooting.md#general-diagnostic-checklist"))
simple("identities doc below 2", "first canonical doc identities count 1",
       chain(lambda c: c.e("S8")["canonical"].__setitem__(0, "acr-cmk/references/overview.md#requirements-at-a-glance"),
             lambda c: c.e("A8")["canonical"].__setitem__(0, "acr-cmk/references/overview.md#requirements-at-a-glance")))
simple("blind50 first-canonical list missing", "first-canonical list missing: blind50",
       lambda c: os.remove(os.path.join(c.d, "prev", "blind50-first-canonicals.txt")))
simple("blind49 first-canonical list missing", "first-canonical list missing: blind49",
       lambda c: os.remove(os.path.join(c.d, "prev", "blind49-first-canonicals.txt")))


@mut("blind49 first-canonical list cut to 47", "blind49 has 47 lines")
def _(c):
    p = os.path.join(c.d, "prev", "blind49-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:47])


@mut("blind50 first-canonical list cut to 40", "blind50 has 40 lines")
def _(c):
    p = os.path.join(c.d, "prev", "blind50-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:40])


# ---------------- typos ----------------
def plant_prev(n, word):
    def f(c):
        p = os.path.join(c.d, "prev", "blind%d.json" % n)
        data = json.load(open(p))
        data[4]["question"] += " " + word
        json.dump(data, open(p, "w"))
    return f


def plant_prev_truth(n, word):
    def f(c):
        p = os.path.join(c.d, "prev", "blind%d.json" % n)
        data = json.load(open(p))
        data[7]["truth"] += " " + word
        json.dump(data, open(p, "w"))
    return f


simple("typo planted in blind20", "typo 'exisiting' already used in blind19-50", plant_prev(20, "exisiting"))
simple("typo planted in blind41", "typo 'sytem' already used in blind19-50", plant_prev(41, "sytem"))
simple("typo planted in blind48", "typo 'premum' already used in blind19-50", plant_prev(48, "premum"))
simple("typo planted in blind50", "typo 'exisiting' already used in blind19-50", plant_prev(50, "exisiting"))
simple("typo planted in a blind50 truth", "typo 'sytem' already used in blind19-50", plant_prev_truth(50, "sytem"))
simple("typo planted in a blind25 truth", "typo 'premum' already used in blind19-50", plant_prev_truth(25, "premum"))
simple("typo moved to an off-topic short", "typo must sit in a short on-topic question",
       chain(mdel("S7", "typo"), qrep("S7", "exisiting", "existing"), mset("X10", "typo", "exisiting"),
             qrep("X10", "secret key", "exisiting secret key")))
simple("typo fixed in the question", "typo 'sytem' not in the question", qrep("S8", "sytem", "system"))
simple("unrecorded typo in another question", "unrecorded typo 'premum'",
       qrep("S12", "cmk encrypted acr", "cmk encrypted premum acr"))
simple("typo used twice", "typo 'premum' used 2 times",
       chain(mset("S12", "typo", "premum"), qrep("S12", "cmk encrypted acr", "cmk encrypted premum acr")))
simple("unknown typo word", "not in the set's typo list",
       chain(mset("S9", "typo", "premim"), qrep("S9", "premum", "premim")))
simple("typo on a long item", "typo must sit in a short on-topic question",
       chain(mdel("S8", "typo"), qrep("S8", "sytem", "system"), mset("L16", "typo", "sytem"),
             qrep("L16", "I own the subscription", "I own the sytem subscription")))


@mut("typo added to the knowledge", "typo 'exisiting' stands in the knowledge or facts")
def _(c):
    p = c.kfile("acr-cmk/references/overview.md")
    open(p, "a").write("\nexisiting\n")


@mut("typo added to the fact sheets", "typo 'sytem' stands in the knowledge or facts")
def _(c):
    p = os.path.join(c.d, "facts", "cmk-facts-2026-10.md")
    os.chmod(p, 0o644)
    open(p, "a").write("\nsytem\n")


# ---------------- copying ----------------
simple("knowledge 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L20", "Before the audit", "The registry cannot unwrap its data without the key, and before the audit"))
simple("fact-sheet 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L20", "Before the audit", "Local RBAC changes can take several minutes to propagate, and before the audit"))
simple("knowledge command line inside a fence", "12-token run (fences included) shared with knowledge/facts",
       qrep("L17", "(BadRequest)", 'az keyvault key rotate --name "$KEY_NAME" --vault-name "$KEY_VAULT_NAME"\n(BadRequest)'))
simple("pasted error moved into prose", "8-token run shared with knowledge/facts",
       qrep("L20", "Before the audit", "The CLI said Cannot set policies to a vault with '--enable-rbac-authorization' specified. Before the audit"))
simple("fence with knowledge prose", "12-token run (fences included)",
       qrep("L17", "(BadRequest)", "the registry cannot unwrap its data without the key so deleting the key store\n(BadRequest)"))
simple("blind30 8-token run", "8-token run shared with blind19-50",
       lambda c: c.e("L20").__setitem__("question", c.e("L20")["question"] + " " + prevq(30, 8)(c)[:120]))
simple("blind41 8-token run", "8-token run shared with blind19-50",
       lambda c: c.e("L20").__setitem__("question", c.e("L20")["question"] + " " + prevq(41, 3)(c)[:150]))
simple("blind50 8-token run", "8-token run shared with blind19-50",
       lambda c: c.e("L20").__setitem__("question", c.e("L20")["question"] + " " + prevq(50, 2)(c)[:150]))
simple("blind50 truth copied into a question", "8-token run shared with a blind19-50 truth",
       lambda c: c.e("L20").__setitem__("question", c.e("L20")["question"] + " " + prevt(50, 10)(c)[:200]))
simple("blind33 truth copied into a question", "8-token run shared with a blind19-50 truth",
       lambda c: c.e("L8").__setitem__("question", c.e("L8")["question"] + " " + prevt(33, 4)(c)[:200]))


def _tokset(t):
    return set(re.findall(r"[a-z0-9]+", t.lower()))


def own_prev(n, field):
    """A blind<n> question or truth that no earlier prev entry resembles (Jaccard <= 0.6); truths must open
    without a verdict."""
    def get(c):
        older = [_tokset(e[field]) for m in range(19, n)
                 for e in json.load(open(os.path.join(c.d, "prev", "blind%d.json" % m), encoding="utf-8"))]
        for e in json.load(open(os.path.join(c.d, "prev", "blind%d.json" % n), encoding="utf-8")):
            t = e[field]
            if field == "truth" and re.match(r"(Yes|No|Not documented|Not covered)\b", t):
                continue
            ts = _tokset(t)
            if all(len(ts & o) / len(ts | o) <= 0.6 for o in older):
                return t
        raise AssertionError("setup: no own blind%d %s" % (n, field))
    return get


simple("blind50 question repeated", "Jaccard > 0.6 with blind50",
       lambda c: c.e("A9").__setitem__("question", own_prev(50, "question")(c)))
simple("blind49 question repeated", "Jaccard > 0.6 with blind49",
       lambda c: c.e("A11").__setitem__("question", own_prev(49, "question")(c)))
simple("blind46 question repeated", "Jaccard > 0.6 with blind46",
       lambda c: c.e("S12").__setitem__("question", own_prev(46, "question")(c)))
simple("blind50 truth repeated", "truth Jaccard > 0.6 with blind50",
       lambda c: c.e("S12").__setitem__("truth", own_prev(50, "truth")(c)))
simple("off-topic truth close to an earlier truth", "truth Jaccard > 0.6 with blind",
       tset("X11", "Not covered: resetting a Navidrome password is outside the ACR customer-managed key knowledge."))
simple("off-topic truth copied from blind50", "truth Jaccard > 0.6 with blind",
       lambda c: c.e("X12").__setitem__("truth", next(
           e["truth"] for e in json.load(open(os.path.join(c.d, "prev", "blind50.json"), encoding="utf-8"))
           if e["truth"].startswith("Not covered"))))
simple("near-duplicate inside the set", "Jaccard > 0.6 with",
       lambda c: c.e("A6").__setitem__("question", c.e("A2")["question"].replace("from now on", "from today on")))
simple("truth copies a knowledge sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("L20").__setitem__("truth", c.e("L20")["truth"] + " Soft delete alone keeps deleted keys and vaults recoverable, but someone with purge rights can still destroy them permanently before the retention period ends."))
simple("truth copies a fact-sheet sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("A6").__setitem__("truth", c.e("A6")["truth"] + " Whether this revision is already live on Learn was not checked."))
simple("question copies a knowledge sentence", "question copies a knowledge/fact sentence",
       qrep("L20", "Before the audit", "Registries without a CMK are still encrypted at rest with Microsoft-managed keys. Before the audit"))
simple("question echoes a heading", "question echoes a heading",
       qrep("L20", "Before the audit", "Rotate on a schedule with a Key Vault rotation policy, they said. Before the audit"))


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
    p = c.kfile("acr-cmk/references/limitations.md")
    s = open(p, encoding="utf-8").read()
    old = "The docs state no other CMK-specific"
    if s.count(old) != 1:
        raise AssertionError("setup: text not once in limitations.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "The docs state no further CMK-specific"))


@mut("knowledge moved under an acr-cmk/ folder (ids still resolve)", "typo 'exisiting' used 2 times")
def _(c):
    # the layout change alone must not break anything: only the planted double typo is reported
    k = os.path.join(c.d, "k")
    tmp = os.path.join(c.d, "k-flat")
    os.rename(k, tmp)
    os.makedirs(k)
    os.rename(tmp, os.path.join(k, "acr-cmk"))
    mset("S12", "typo", "exisiting")(c)
    qrep("S12", "sign images", "sign exisiting images")(c)


@mut("fact sheets missing", "fact sheets missing")
def _(c):
    for f in os.listdir(os.path.join(c.d, "facts")):
        os.remove(os.path.join(c.d, "facts", f))


simple("prev file missing", "prev file missing: blind27.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind27.json")))
simple("blind41 prev file missing", "prev file missing: blind41.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind41.json")))
simple("blind49 prev file missing", "prev file missing: blind49.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind49.json")))
simple("blind50 prev file missing", "prev file missing: blind50.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind50.json")))

# ---------------- off-topic ----------------
simple("banned blind50 subject", "banned off-topic subject 'katello'",
       chain(mset("X11", "subject", "katello"), qset("X11", "how do i rotate the katello key for our registry content?")))
simple("banned blind50 extra name", "banned off-topic subject 'foreman'",
       chain(mset("X11", "subject", "foreman"), qset("X11", "how do i rotate the foreman encryption key for our registry?")))
simple("banned blind49 subject", "banned off-topic subject 'gocd'",
       chain(mset("X11", "subject", "gocd"), qset("X11", "how do i rotate the gocd cipher key for our registry pipelines?")))
simple("banned blind48 subject", "banned off-topic subject 'truenas'",
       chain(mset("X11", "subject", "truenas"), qset("X11", "how do i rotate the truenas dataset key for our registry backups?")))
simple("banned blind45 subject", "banned off-topic subject 'vaultwarden'",
       chain(mset("X11", "subject", "vaultwarden"), qset("X11", "how do i rotate the vaultwarden key after our registry admin left?")))
simple("blind50 subject in another question", "off-topic question names banned 'paperless'",
       qrep("X8", "re-encrypt the database credentials", "re-encrypt, as we did for paperless, the database credentials"))
simple("blind49 subject in another question", "off-topic question names banned 'mosquitto'",
       qrep("X8", "re-encrypt the database credentials", "re-encrypt, as we did for mosquitto, the database credentials"))
simple("subject planted in blind33", "subject 'buildah' used in blind19-50", plant_prev(33, "buildah"))
simple("subject planted in blind50", "subject 'wallabag' used in blind19-50", plant_prev(50, "wallabag"))
simple("subject not in question", "subject 'wallabag' not in the question",
       qset("X12", "how do i reset a read-it-later app user's password from the cli?"))
simple("banned key word in off-topic", "off-topic question names banned 'kubernetes'",
       qrep("X5", "self-hosted Docker Distribution registry", "self-hosted Docker Distribution registry on Kubernetes"))
simple("banned key word kms", "off-topic question names banned 'kms'",
       qrep("X2", "with the Fernet key", "with the Fernet key (wrapped by our KMS)"))
simple("near_miss on an agent item", "near_miss only on long off-topic posts", mset("X7", "near_miss", True))
simple("near-miss floor", "floor: near misses", chain(mdel("X1", "near_miss"), mdel("X2", "near_miss")))


@mut("off-topic story floor", "floor: long off-topic registry+key stories")
def _(c):
    for k in ("X5", "X6"):
        e = c.e(k)
        e["question"] = re.sub(r"\bregistr\w*", "service", e["question"], flags=re.I)


simple("off-topic subject missing", "off-topic subject missing", mdel("X6", "subject"))
simple("shape flag on off-topic", "shape flag ascii_diagram on an off-topic item", mset("X6", "ascii_diagram", True))
simple("subject on an on-topic item", "subject/near_miss on an on-topic item", mset("L20", "subject", "x"))


# ---------------- long measures ----------------
@mut("fenced long floor", "floor: fenced long posts")
def _(c):
    for k in ("L13", "L15", "L16", "L17", "L18"):
        e = c.e(k)
        e["question"] = e["question"].replace("```text", "").replace("```", "")


@mut("fenced troubleshoot floor", "floor: fenced long troubleshoot posts")
def _(c):
    for k in ("L15", "L16", "L17", "L18"):
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
            x["question"] = "Quick question? " + x["question"]


def trep_all(key, old, new):
    def f(c):
        e = c.e(key)
        if old not in e["truth"]:
            raise AssertionError("setup: %r not in truth of %s" % (old[:40], key))
        e["truth"] = e["truth"].replace(old, new)
    return f


# ---------------- ascii_diagram ----------------
simple("diagram outside a fence", "ascii_diagram needs a fence with >= 2 arrow lines",
       lambda c: c.q_rep("L4", "```text\n", "", 1))
simple("diagram arrows replaced by words", "ascii_diagram needs a fence with >= 2 arrow lines",
       qrep("L3", "  --->  ", "  feeds  ", -1))
simple("diagram with one arrow line", "ascii_diagram needs a fence with >= 2 arrow lines",
       qrep("L1", "crbirch  --- id-birch --->  kv-birch", "crbirch  uses id-birch for  kv-birch"))
simple("diagram arrows glued to the labels", "ascii_diagram needs a fence with >= 2 arrow lines",
       qrep("L5", "  --->  ", "--->", -1))
simple("diagram without a question", "ascii_diagram asks nothing about the diagram",
       lambda c: c.e("L2").__setitem__("question", c.e("L2")["question"].replace("?", ".")))
simple("diagram truth naming no node", "ascii_diagram truth names no node of the diagram",
       trep_all("L4", "kv-pine", "the vault"))
simple("diagram truth naming only a generic label", "ascii_diagram truth names no node of the diagram",
       tset("L5", "Attach the system-assigned identity, grant it on the vault, rotate to it, and only then remove the old identity."))
simple("diagram on a short item", "ascii_diagram must be a long post", mset("S10", "ascii_diagram", True))
simple("diagram used 4 times", "shape ascii_diagram used 4 times, want exactly 5", mdel("L5", "ascii_diagram"))
simple("diagram used 6 times", "shape ascii_diagram used 6 times, want exactly 5", mset("L20", "ascii_diagram", True))

# ---------------- guid_values ----------------
simple("guid: one GUID left in the prose", "guid_values needs >= 2 distinct GUIDs in the prose",
       qrep("L7", "which is d7f0a2e6-3b19-4c85-a4f2-96e1b0c5d273.", "which is d7f0a2e6 (shortened)."))
simple("guid: GUIDs only inside a fence", "guid_values needs >= 2 distinct GUIDs in the prose (found 0)",
       chain(qrep("L6", "clientId 3f6c1e2a-8b47-4d0e-9a15-72c4e0b9d861 and principalId a9d2f4b7-1c3e-4f58-b6a0-5e8d7c2f1b34",
                  "clientId and principalId (pasted below)"),
             qrep("L6", "The encryption part of the template:",
                  "```text\n3f6c1e2a-8b47-4d0e-9a15-72c4e0b9d861\na9d2f4b7-1c3e-4f58-b6a0-5e8d7c2f1b34\n```\n\nThe encryption part of the template:")))
simple("guid: the same GUID twice", "guid_values needs >= 2 distinct GUIDs in the prose",
       qrep("A2", "8e61b2c0-7f35-4a9d-b2e4-1c08f5d3a697", "0c5d7e91-2a64-4b3f-8e10-d9f2a6c4b578"))
simple("guid: truth names none of the GUIDs", "guid_values truth names none of the question's GUIDs",
       chain(trep_all("A3", "1f3c8a52-6d09-4e7b-b2c1-9a4e5f0d7c36", "the client ID"),
             trep_all("A3", "6b72e0d4-8c15-4a93-9f6e-3d2b1a0c5e87", "the principal ID")))
simple("guid: truth without an ID kind", "guid_values truth does not say which kind of ID",
       tset("L8", "Use e147488a-f6f5-4113-8e2d-b22465e65bf6 and drop 12338af0-0e69-4776-bea7-57ae8d297424."))
simple("guid on a short item", "guid_values must be a long post or an agent query", mset("S10", "guid_values", True))
simple("guid used 4 times", "shape guid_values used 4 times, want exactly 5", mdel("A2", "guid_values"))
simple("guid used 6 times", "shape guid_values used 6 times, want exactly 5", mset("L20", "guid_values", True))

# ---------------- cost_amount ----------------
simple("cost: amount removed from the question", "cost_amount question holds no money amount",
       qrep("S1", "about $50 more a month", "a lot more money"))
simple("cost: truth says nothing about billing", "cost_amount truth says nothing about billing or cost",
       tset("S2", "No: images in every registry already sit encrypted at rest under keys Microsoft handles; a customer key merely stacks a second layer on top."))
simple("cost: truth invents a dollar amount", "cost_amount truth states a money amount",
       trep("L9", "add about 40 rotation charges a month", "add about $3 a month"))
simple("cost: truth invents a euro amount", "cost_amount truth states a money amount",
       trep("A1", "the charge runs until", "the charge of about \u20ac2,900 a month runs until"))
simple("cost used 4 times", "shape cost_amount used 4 times, want exactly 5", mdel("L10", "cost_amount"))
simple("cost used 6 times", "shape cost_amount used 6 times, want exactly 5", mset("S12", "cost_amount", True))

# ---------------- iso_duration ----------------
simple("duration removed from the question", "iso_duration question holds no ISO 8601 duration",
       qset("S4", "is three days too short for the kv rotation policy? what's the floor?"))
simple("duration without its unit", "iso_duration question holds no ISO 8601 duration",
       qrep("A5", "P365D", "P365"))
simple("duration truth without a duration", "iso_duration truth answers with no ISO 8601 duration",
       tset("S3", "Within an hour of each new version, if the registry uses the versionless key ID."))
simple("duration truth in words only", "iso_duration truth answers with no ISO 8601 duration",
       chain(trep_all("L11", "P120D", "120-day"), trep_all("L11", "P18M", "eighteen months")))
simple("duration used 4 times", "shape iso_duration used 4 times, want exactly 5", mdel("A4", "iso_duration"))
simple("duration used 6 times", "shape iso_duration used 6 times, want exactly 5", mset("S12", "iso_duration", True))

# ---------------- persona_prompt ----------------
simple("persona opener removed", "persona_prompt question does not open with a role",
       qrep("L12", "You are a senior Azure platform engineer who has done this many times. ", ""))
simple("persona opener moved to the end", "persona_prompt question does not open with a role",
       lambda c: c.e("L14").__setitem__("question", c.e("L14")["question"].replace(
           "Pretend you're the Microsoft support engineer on our case. ", "") + " Pretend you're the Microsoft support engineer on our case."))
simple("persona without an ask", "persona_prompt question has no ask after the role",
       qset("S6", "act as a key vault specialist: byok"))
simple("persona truth opening with As", "persona_prompt truth answers in the persona",
       lambda c: c.e("S5").__setitem__("truth", "As an Azure expert, I would " + c.e("S5")["truth"][0].lower() + c.e("S5")["truth"][1:]))
simple("persona truth speaking as the role", "persona_prompt truth speaks as the commander",
       trep("L13", "The role assignments.", "The role assignments, speaking as your incident commander."))
simple("persona on an agent item", "persona_prompt must be a long post or a short question", mset("A6", "persona_prompt", True))
simple("persona used 4 times", "shape persona_prompt used 4 times, want exactly 5", mdel("S6", "persona_prompt"))
simple("persona used 6 times", "shape persona_prompt used 6 times, want exactly 5", mset("S10", "persona_prompt", True))
simple("two new shapes on one item", "more than one new shape on one item", mset("L1", "guid_values", True))

# ---------------- two_facts ----------------
simple("two_facts floor", "floor: shape two_facts 3 < 4",
       chain(mdel("L1", "two_facts"), lambda c: c.e("L1")["canonical"].pop(),
             lambda c: c.e("L1")["answer_facts"].pop(),
             mdel("A10", "two_facts"), lambda c: c.e("A10")["canonical"].pop(),
             lambda c: c.e("A10")["answer_facts"].pop()))


def run_check(d):
    env = dict(os.environ, BLIND51_DIR=d, BLIND51_KROOT=os.path.join(d, "k"), BLIND51_FACTS=os.path.join(d, "facts"))
    p = subprocess.run([sys.executable, os.path.join(HERE, "check51.py")], env=env, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def fresh(with_build):
    d = tempfile.mkdtemp(prefix="mut-", dir=HERE)
    for f in FILES:
        shutil.copy(os.path.join(HERE, f), d)
    shutil.copytree(os.path.join(HERE, "prev"), os.path.join(d, "prev"))
    shutil.copytree(KROOT, os.path.join(d, "k"))
    shutil.copytree(FACTS, os.path.join(d, "facts"))
    if with_build:
        shutil.copy(os.path.join(HERE, "build51.py"), d)
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
    for name, expect, fn, with_build in MUTS:
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
        ok = rc == 1 and expect in out
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
