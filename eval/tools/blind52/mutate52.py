"""blind52 mutation driver. Each mutation runs on a fresh temp copy (inside blind52/) of the set, prev/,
the knowledge and the fact sheets; it counts as caught only when check52.py exits 1 and prints the
mutation's expected message (and, for mutations marked only=True, nothing else)."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
KROOT = os.environ.get("BLIND52_KROOT", "/work/scratch/kstripped")
FACTS = os.environ.get("BLIND52_FACTS", "/work/shared/facts")
sys.path.insert(0, HERE)
import build52  # noqa: E402
import check52  # noqa: E402
import kparse  # noqa: E402

SET = "blind52"
FILES = (SET + ".json", SET + "-meta.json", SET + "-first-canonicals.txt")
_entries, _meta = build52.build()
_byq = {q["question"]: q["key"] for q in build52.QUESTIONS}
ID = {_byq[e["question"]]: e["id"] for e in _entries}
SCENARIO_SECTION = next("acr-cmk/" + k if not k.startswith("acr-cmk/") else k
                        for k in kparse.parse_all(KROOT) if "scenarios/" in k)
P = build52.ID_PREFIX


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
for pfx in ("g", "f", "e", "d", "c", "b", "m", "j", "k"):
    def f(c, pfx=pfx):
        c.j[5]["id"] = pfx + c.j[5]["id"][1:]
    simple("id prefix %s (earlier set)" % pfx, "bad id at position 6", f)
simple("ids numbered from zero", "bad id at position 1",
       lambda c: [x.__setitem__("id", "%s%03d" % (P, int(x["id"][1:]) - 1)) for x in c.j])
simple("wrong source", "bad source", lambda c: c.j[3].__setitem__("source", "written by hand"))
simple("key order swapped", "keys or key order wrong",
       lambda c: c.j.__setitem__(2, dict([("category", c.j[2]["category"])] +
                                         [(k, v) for k, v in c.j[2].items() if k != "category"])))
simple("extra key in an entry", "keys or key order wrong", lambda c: c.j[7].__setitem__("notes", "x"))
simple("meta entry missing", "meta: ids do not match", lambda c: c.m.pop(P + "010"))
simple("59 entries", "need a list of 60", lambda c: c.j.pop())
simple("rebuild: json truth edited", "rebuild differs from blind52.json",
       lambda c: c.j[0].__setitem__("truth", c.j[0]["truth"] + " Extra."), True)
simple("rebuild: meta edited", "rebuild differs from blind52-meta.json",
       lambda c: c.m[P + "001"].__setitem__("qual", "none" if c.m[P + "001"]["qual"] != "none" else "asked"), True)


@mut("rebuild: same content, other JSON layout (byte compare)", "rebuild differs from blind52.json", True)
def _(c):
    # content unchanged, only the serialisation differs: caught by the byte comparison alone
    def save():
        with open(os.path.join(c.d, FILES[0]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(c.j, indent=2, ensure_ascii=False) + "\n")
        with open(os.path.join(c.d, FILES[1]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(c.m, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    c.save = save


@mut("rebuild: first-canonical list edited", "rebuild differs from blind52-first-canonicals.txt", True)
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


simple("first-canonical list missing", "blind52-first-canonicals.txt missing",
       lambda c: os.remove(os.path.join(c.d, FILES[2])))


@mut("three of one category in a row", "three")
def _(c):
    grp = [x for x in c.j if x["category"] == "off-topic"][:3]
    rest = [x for x in c.j if x not in grp]
    new = rest[:10] + grp + rest[10:]
    old_meta = {x["id"]: c.m[x["id"]] for x in c.j}
    c.m.clear()
    for n, x in enumerate(new, 1):
        c.m["%s%03d" % (P, n)] = old_meta[x["id"]]
        x["id"] = "%s%03d" % (P, n)
    c.j[:] = new


# ---------------- dropped flags and fields (blind51's five shape flags included) ----------------
_SPECIAL = {"field": "bypass", "wrong": "--kek-uri", "other": ["AWS"], "premise": "x"}
for fld in check52.DROPPED_FIELDS:
    simple("dropped/unknown field %s" % fld, "unknown field %r" % fld, mset("L21", fld, _SPECIAL.get(fld, True)))

# ---------------- facts and answer facts ----------------
simple("answer_fact not in canonical", "answer_fact not in first canonical",
       lambda c: c.e("L23")["answer_facts"].__setitem__(0, "the hsm replicates across regions"))
simple("answer_fact only in a related section", "answer_fact not in first canonical",
       lambda c: c.e("L21")["answer_facts"].__setitem__(0, "is not allowed on a disabled key"))
simple("answer_fact added from a related section", "answer_fact not in first canonical",
       lambda c: c.e("L4")["answer_facts"].append("not needed to get encryption at rest"))
simple("answer_fact over 7 words", "answer_fact over 7 words",
       lambda c: c.e("A5")["answer_facts"].__setitem__(0, "the registry follows new key versions automatically today"))
simple("fact not in any section", "fact not in a canonical or related section",
       lambda c: c.e("S2")["facts"].__setitem__(0, "rotate-key accepts an en dash in option names"))
simple("empty answer_facts", "no answer_facts", eset("S6", "answer_facts", []))
simple("empty facts", "no facts", eset("S6", "facts", []))
simple("two_facts with both facts in the first canonical", "two_facts needs one answer_fact only in each",
       lambda c: c.e("L17")["answer_facts"].__setitem__(1, "leaves alone any assignment the identity holds"))
simple("two_facts fact in neither canonical", "answer_fact not in either canonical",
       lambda c: c.e("L12")["answer_facts"].__setitem__(0, "the registry recreates the grant"))
simple("two canonicals without flag", "two canonical sections need two_facts", mdel("A10", "two_facts"))
simple("two_facts flag with one canonical", "two_facts needs two canonical sections",
       mset("A11", "two_facts", True))

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
       lambda c: c.e("S7").__setitem__("truth", "No: " + c.e("S7")["truth"][5:]))
simple("no truth without No", "no truth must open 'No: '",
       lambda c: c.e("L18").__setitem__("truth", c.e("L18")["truth"][4:]))
simple("undocumented truth without verdict", "undocumented truth must open 'Not documented'",
       lambda c: c.e("A11").__setitem__("truth", c.e("A11")["truth"][16:]))
simple("off-topic truth without verdict", "off-topic truth must open 'Not covered: '",
       lambda c: c.e("X3").__setitem__("truth", c.e("X3")["truth"][13:]))
simple("howto truth opening Yes", "howto truth opens with a verdict word",
       lambda c: c.e("A6").__setitem__("truth", "Yes: " + c.e("A6")["truth"]))
simple("troubleshoot truth opening No", "troubleshoot truth opens with a verdict word",
       lambda c: c.e("L9").__setitem__("truth", "No, " + c.e("L9")["truth"]))
simple("off-topic item with canonical", "off-topic item must have empty lists",
       lambda c: c.e("X4")["canonical"].append("acr-cmk/references/overview.md#default-encryption-at-rest-without-a-cmk"))
simple("off-topic category on an on-topic kind", "off-topic category and kind disagree",
       eset("A12", "category", "off-topic"))
simple("unknown category", "bad category", eset("A12", "category", "misc"))
simple("style count broken", "on-topic short count 13", mset("A8", "style", "short"))
simple("unknown style", "bad style", mset("A8", "style", "medium"))
simple("kind count broken", "kind howto count 13", mset("L22", "kind", "why"))
simple("kind group missing from a style", "kind group yes/no missing from style agent",
       chain(mset("A5", "kind", "value"), mset("A9", "kind", "value"), mset("A12", "kind", "value"),
             tset("A5", "The versionless Managed HSM key URI matches that check; versioned ones do not."),
             tset("A9", "A user-assigned identity at creation, then a switch to the system-assigned one."),
             tset("A12", "Module versions up to 0.5.1 pin the key version; v0.6.0 follows new versions.")))
simple("category above 9", "category hsm count 10",
       chain(eset("L21", "category", "hsm"), eset("L23", "category", "hsm")))
simple("category below 2", "category troubleshooting count 1", eset("L24", "category", "keys"))

# ---------------- style rules ----------------
simple("long post too short", "long question length", qset("L22", "Which IDs of the identity do I need?"))
simple("long post too long", "long question length",
       lambda c: c.e("L22").__setitem__("question", c.e("L22")["question"] + (" Some more background here." * 60)))
simple("short question of 15 words", "short question has 15 words",
       qset("S9", "do acr tasks builds on a cmk registry still work at all in our production"))
simple("short question on two lines", "short question spans lines", qrep("S9", " on a cmk", "\non a cmk"))
simple("agent query of 50 words", "agent query has",
       lambda c: c.e("A8").__setitem__("question", c.e("A8")["question"] + " please" + " also" * 30))
simple("agent query on two lines", "agent query spans lines", qrep("A7", " Question:", "\nQuestion:"))
simple("context form without Context:", "context form must open with 'Context:'",
       lambda c: c.e("A7").__setitem__("question", c.e("A7")["question"][len("Context: "):]))
simple("imperative form without verb", "imperative form must open with an imperative verb",
       qrep("A10", "Explain why", "I need to know why"))
simple("keywords form opening uppercase", "keywords form must open lowercase",
       lambda c: c.e("A9").__setitem__("question", "A" + c.e("A9")["question"][1:]))
simple("keywords form with ?", "keywords form must open lowercase",
       lambda c: c.e("A9").__setitem__("question", c.e("A9")["question"] + "?"))
simple("form on a short item", "form on a non-agent item", mset("S9", "form", "keywords"))
simple("agent forms miscounted", "on-topic agent form context count 4",
       chain(mset("A7", "form", "imperative"), qrep("A7", "Context: crgull's", "Explain: crgull's")))
simple("off-topic agent forms miscounted", "off-topic agent form keywords count 0",
       chain(mset("X9", "form", "imperative"),
             lambda c: c.e("X9").__setitem__("question", "Explain " + c.e("X9")["question"])))


@mut("three short questions not lowercase", "short questions not lowercase (max 2)")
def _(c):
    for k in ("S5", "S10"):
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
       mset("L18", "quals", ["iac", "hsm"]))
simple("iac qualifier without a tool", "iac qualifier but no portal/Terraform/Bicep/ARM/AVM",
       mset("S8", "quals", ["iac"]))
simple("October 2026 truth without Managed HSM", "October 2026 truth names neither",
       tset("S10", "Run az keyvault update-hsm with --enable-purge-protection true; it can't be undone."))
simple("qual asked recorded as story", "qual is 'story', should be 'asked'", mset("L2", "qual", "story"))
simple("quals without qual none", "qual is 'asked', should be 'none'", mset("L20", "qual", "asked"))
simple("unknown qualifier", "bad quals", mset("L2", "quals", ["hsm", "iac", "oct2026", "k8s"]))


def drop_qual(mm, x, q):
    mm["quals"] = [v for v in mm["quals"] if v != q]
    ask = build52.ask_part(x["question"])
    hit = ("hsm" in mm["quals"] and build52.HSM_RE.search(ask)) or ("iac" in mm["quals"] and build52.IAC_RE.search(ask))
    mm["qual"] = "none" if not mm["quals"] else ("asked" if hit else "story")


@mut("Managed HSM asked floor", "floor: Managed HSM asked")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "hsm" in mm.get("quals", []) and build52.HSM_RE.search(build52.ask_part(x["question"])):
            n += 1
            if n > 9:
                drop_qual(mm, x, "hsm")


@mut("Managed HSM asked in too few ways (qualifiers dropped)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    # S12 is the only rotation ask, A2 the only rbac/scope ask
    for k in ("S12", "A2"):
        drop_qual(c.meta(k), c.e(k), "hsm")


@mut("Managed HSM asked in too few ways (asks reworded)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    # L24 is the only "which key" ask, L17 the only revocation ask
    c.q_rep("L24", "how do I see which key store a registry is really using, vault or Managed HSM?",
            "how do I see the key store behind a registry, vault or Managed HSM?")
    c.q_rep("L17", "How do I revoke crlark's access to the Managed HSM key properly?",
            "How do I take crlark's access to the Managed HSM key away properly?")


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
@mut("spread against blind51", "first canonicals new against blind51 (floor 30)")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind51-first-canonicals.txt")) if x.strip()]
    firsts = list(dict.fromkeys(firsts))
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < 20 and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [firsts[n]]
            x["related"] = [r for r in x["related"] if r != firsts[n]] or [firsts[n + 20]]
            n += 1


@mut("spread against blind51 and blind50", "first canonicals new against blind51 and blind50")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind50-first-canonicals.txt")) if x.strip()]
    b51 = {x.strip() for x in open(os.path.join(c.d, "prev", "blind51-first-canonicals.txt"))}
    pool = [f for f in dict.fromkeys(firsts) if f not in b51]
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < min(30, len(pool)) and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [pool[n]]
            x["related"] = [r for r in x["related"] if r != pool[n]] or ["acr-cmk/references/overview.md#requirements-at-a-glance"]
            n += 1


simple("troubleshooting doc above 8", "first canonical doc troubleshooting count 9",
       chain(lambda c: c.e("L20")["canonical"].__setitem__(0, "acr-cmk/references/troubleshooting.md#elliptic-curve-key-rejected"),
             lambda c: c.e("S5")["canonical"].__setitem__(0, "acr-cmk/references/troubleshooting.md#key-vault-or-key-was-deleted")))
simple("identities doc below 2", "first canonical doc identities count 1",
       lambda c: c.e("L22")["canonical"].__setitem__(0, "acr-cmk/references/overview.md#requirements-at-a-glance"))
simple("blind51 first-canonical list missing", "first-canonical list missing: blind51",
       lambda c: os.remove(os.path.join(c.d, "prev", "blind51-first-canonicals.txt")))
simple("blind50 first-canonical list missing", "first-canonical list missing: blind50",
       lambda c: os.remove(os.path.join(c.d, "prev", "blind50-first-canonicals.txt")))


@mut("blind50 first-canonical list cut to 47", "blind50 has 47 lines")
def _(c):
    p = os.path.join(c.d, "prev", "blind50-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:47])


@mut("blind51 first-canonical list cut to 40", "blind51 has 40 lines")
def _(c):
    p = os.path.join(c.d, "prev", "blind51-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:40])


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


simple("typo planted in blind20", "typo 'accross' already used in blind19-51", plant_prev(20, "accross"))
simple("typo planted in blind41", "typo 'agianst' already used in blind19-51", plant_prev(41, "agianst"))
simple("typo planted in blind48", "typo 'availble' already used in blind19-51", plant_prev(48, "availble"))
simple("typo planted in blind51", "typo 'accross' already used in blind19-51", plant_prev(51, "accross"))
simple("typo planted in a blind51 truth", "typo 'agianst' already used in blind19-51", plant_prev_truth(51, "agianst"))
simple("typo planted in a blind25 truth", "typo 'availble' already used in blind19-51", plant_prev_truth(25, "availble"))
simple("typo moved to an off-topic short", "typo must sit in a short on-topic question",
       chain(mdel("S6", "typo"), qrep("S6", "accross", "across"), mset("X10", "typo", "accross"),
             qrep("X10", "recipe import", "recipe import accross devices")))
simple("typo fixed in the question", "typo 'agianst' not in the question", qrep("S7", "agianst", "against"))
simple("unrecorded typo in another question", "unrecorded typo 'availble'",
       qrep("S9", "do they work at all", "are they availble at all"))
simple("typo used twice", "typo 'availble' used 2 times",
       chain(mset("S9", "typo", "availble"), qrep("S9", "do they work at all", "are they availble at all")))
simple("unknown typo word", "not in the set's typo list",
       chain(mset("S11", "typo", "availabel"), qrep("S11", "availble", "availabel")))
simple("typo on a long item", "typo must sit in a short on-topic question",
       chain(mdel("S7", "typo"), qrep("S7", "agianst", "against"), mset("L16", "typo", "agianst"),
             qrep("L16", "Next month we create", "Next month, agianst my advice, we create")))


@mut("typo added to the knowledge", "typo 'accross' stands in the knowledge or facts")
def _(c):
    p = c.kfile("acr-cmk/references/overview.md")
    open(p, "a").write("\naccross\n")


@mut("typo added to the fact sheets", "typo 'agianst' stands in the knowledge or facts")
def _(c):
    p = os.path.join(c.d, "facts", "cmk-facts-2026-10.md")
    os.chmod(p, 0o644)
    open(p, "a").write("\nagianst\n")


# ---------------- copying ----------------
L22_START = "I'm writing the parameters file"
simple("knowledge 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L22", L22_START, "The registry cannot unwrap its data without the key, and " + L22_START))
simple("fact-sheet 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L22", L22_START, "Local RBAC changes can take several minutes to propagate, and " + L22_START))
simple("knowledge command line inside a fence", "12-token run (fences included) shared with knowledge/facts",
       qrep("L8", "bash: --identity: command not found",
            'az keyvault key rotate --name "$KEY_NAME" --vault-name "$KEY_VAULT_NAME"\nbash: --identity: command not found'))
simple("pasted error moved into prose", "8-token run shared with knowledge/facts",
       qrep("L22", L22_START, "The CLI said Cannot set policies to a vault with '--enable-rbac-authorization' specified. " + L22_START))
simple("fence with knowledge prose", "12-token run (fences included)",
       qrep("L8", "bash: --identity: command not found",
            "the registry cannot unwrap its data without the key so deleting the key store\nbash: --identity: command not found"))
simple("blind30 8-token run", "8-token run shared with blind19-51",
       lambda c: c.e("L22").__setitem__("question", c.e("L22")["question"] + " " + prevq(30, 8)(c)[:120]))
simple("blind41 8-token run", "8-token run shared with blind19-51",
       lambda c: c.e("L22").__setitem__("question", c.e("L22")["question"] + " " + prevq(41, 3)(c)[:150]))
simple("blind51 8-token run", "8-token run shared with blind19-51",
       lambda c: c.e("L22").__setitem__("question", c.e("L22")["question"] + " " + prevq(51, 2)(c)[:150]))
simple("blind51 truth copied into a question", "8-token run shared with a blind19-51 truth",
       lambda c: c.e("L22").__setitem__("question", c.e("L22")["question"] + " " + prevt(51, 10)(c)[:200]))
simple("blind33 truth copied into a question", "8-token run shared with a blind19-51 truth",
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


simple("blind51 question repeated", "Jaccard > 0.6 with blind51",
       lambda c: c.e("A9").__setitem__("question", own_prev(51, "question")(c)))
simple("blind50 question repeated", "Jaccard > 0.6 with blind50",
       lambda c: c.e("A11").__setitem__("question", own_prev(50, "question")(c)))
simple("blind46 question repeated", "Jaccard > 0.6 with blind46",
       lambda c: c.e("S9").__setitem__("question", own_prev(46, "question")(c)))
simple("blind51 truth repeated", "truth Jaccard > 0.6 with blind51",
       lambda c: c.e("S9").__setitem__("truth", own_prev(51, "truth")(c)))
simple("off-topic truth close to an earlier truth", "truth Jaccard > 0.6 with blind",
       tset("X11", "Not covered: resetting a Navidrome password is outside the ACR customer-managed key knowledge."))
simple("off-topic truth copied from blind51", "truth Jaccard > 0.6 with blind",
       lambda c: c.e("X12").__setitem__("truth", next(
           e["truth"] for e in json.load(open(os.path.join(c.d, "prev", "blind51.json"), encoding="utf-8"))
           if e["truth"].startswith("Not covered"))))
simple("near-duplicate inside the set", "Jaccard > 0.6 with",
       lambda c: c.e("A6").__setitem__("question", c.e("A5")["question"].replace("our admission check", "our admission gate")))
simple("truth copies a knowledge sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("L22").__setitem__("truth", c.e("L22")["truth"] + " Soft delete alone keeps deleted keys and vaults recoverable, but someone with purge rights can still destroy them permanently before the retention period ends."))
simple("truth copies a fact-sheet sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("A6").__setitem__("truth", c.e("A6")["truth"] + " Whether this revision is already live on Learn was not checked."))
simple("question copies a knowledge sentence", "question copies a knowledge/fact sentence",
       qrep("L22", L22_START, "Registries without a CMK are still encrypted at rest with Microsoft-managed keys. " + L22_START))
simple("question echoes a heading", "question echoes a heading",
       qrep("L22", L22_START, "Rotate on a schedule with a Key Vault rotation policy, they said. " + L22_START))


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
    old = "effect on a registry is not documented"
    if s.count(old) != 1:
        raise AssertionError("setup: text not once in revocation-and-recovery.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "effect on a registry is undocumented"))


@mut("knowledge without its acr-cmk/ folder (ids still resolve)", "typo 'accross' used 2 times", only=True)
def _(c):
    # the layout change alone must not break anything: only the planted double typo is reported
    k = os.path.join(c.d, "k")
    inner = os.path.join(k, "acr-cmk")
    if not os.path.isdir(inner):
        raise AssertionError("setup: knowledge has no acr-cmk/ folder to flatten")
    for name in os.listdir(inner):
        os.rename(os.path.join(inner, name), os.path.join(k, name))
    os.rmdir(inner)
    mset("S9", "typo", "accross")(c)
    qrep("S9", "acr tasks builds", "acr tasks builds accross")(c)


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
simple("blind50 prev file missing", "prev file missing: blind50.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind50.json")))
simple("blind51 prev file missing", "prev file missing: blind51.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind51.json")))

# ---------------- off-topic ----------------
simple("banned blind51 subject", "banned off-topic subject 'wallabag'",
       chain(mset("X11", "subject", "wallabag"), qset("X11", "how do i export my wallabag reading list to epub?")))
simple("banned blind51 extra name", "banned off-topic subject 'fernet'",
       chain(mset("X11", "subject", "fernet"), qset("X11", "how do i rotate the fernet key of our registry sync job?")))
simple("banned blind50 subject", "banned off-topic subject 'katello'",
       chain(mset("X11", "subject", "katello"), qset("X11", "how do i rotate the katello key for our registry content?")))
simple("banned blind49 subject", "banned off-topic subject 'gocd'",
       chain(mset("X11", "subject", "gocd"), qset("X11", "how do i rotate the gocd cipher key for our registry pipelines?")))
simple("banned blind45 subject", "banned off-topic subject 'vaultwarden'",
       chain(mset("X11", "subject", "vaultwarden"), qset("X11", "how do i rotate the vaultwarden key after our registry admin left?")))
simple("blind51 subject in another question", "off-topic question names banned 'discourse'",
       qrep("X8", "without breaking automated plans", "(as we did for discourse) without breaking automated plans"))
simple("blind50 subject in another question", "off-topic question names banned 'paperless'",
       qrep("X8", "without breaking automated plans", "(as we did for paperless) without breaking automated plans"))
simple("subject planted in blind33", "subject 'aptly' used in blind19-51", plant_prev(33, "aptly"))
simple("subject planted in blind51", "subject 'firefly' used in blind19-51", plant_prev(51, "firefly"))
simple("subject not in question", "subject 'firefly' not in the question",
       qset("X12", "export my budgeting app's transactions to csv from the command line?"))
simple("earlier off-topic product named (capitalised, blind27)", "repeats an earlier off-topic subject word: verdaccio",
       qrep("X8", "without breaking automated plans", "the way we once did for Verdaccio, without breaking automated plans"))
simple("earlier off-topic product named (lowercase short, blind25)", "repeats an earlier off-topic subject word: sops",
       qset("X11", "umami analytics: change the hash salt like sops re-keys, without losing stats?"))
simple("earlier off-topic word from blind51 outside the ban list", "repeats an earlier off-topic subject word: secret-key",
       qrep("X9", "keep the controller identity", "keep the controller secret-key and identity"))
simple("off-topic subject word planted in an earlier off-topic truth", "repeats an earlier off-topic subject word: mealie",
       plant_prev_offtopic_truth(40, "Compare Mealie."))
simple("banned key word in off-topic", "off-topic question names banned 'kubernetes'",
       qrep("X5", "the build farm pulls", "the build farm on Kubernetes pulls"))
simple("banned key word kms", "off-topic question names banned 'kms'",
       qrep("X2", "an encrypted secret", "an encrypted secret (wrapped by our KMS)"))
simple("near_miss on an agent item", "near_miss only on long off-topic posts", mset("X7", "near_miss", True))
simple("near-miss floor", "floor: near misses", chain(mdel("X1", "near_miss"), mdel("X2", "near_miss")))


@mut("off-topic story floor", "floor: long off-topic registry+key stories")
def _(c):
    for k in ("X5", "X6"):
        e = c.e(k)
        e["question"] = re.sub(r"\bregistr\w*", "service", e["question"], flags=re.I)


simple("off-topic subject missing", "off-topic subject missing", mdel("X6", "subject"))
simple("shape flag on off-topic", "shape flag tldr_summary on an off-topic item", mset("X6", "tldr_summary", True))
simple("subject on an on-topic item", "subject/near_miss on an on-topic item", mset("L22", "subject", "x"))


# ---------------- long measures ----------------
@mut("fenced long floor", "floor: fenced long posts")
def _(c):
    for k in ("L16", "L18"):
        e = c.e(k)
        e["question"] = e["question"].replace("```json", "").replace("```text", "").replace("```", "")


@mut("fenced troubleshoot floor", "floor: fenced long troubleshoot posts")
def _(c):
    for k in ("L1", "L6", "L7", "L8"):
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


# ---------------- tldr_summary ----------------
def move_tldr_to_middle(c):
    e = c.e("L5")
    paras = e["question"].split("\n\n")
    if not paras[-1].startswith("TL;DR"):
        raise AssertionError("setup: L5 does not end with its TL;DR")
    e["question"] = "\n\n".join([paras[0], paras[-1]] + paras[1:-1])


simple("tldr: marker removed", "tldr_summary needs a TL;DR line", qrep("L4", "TL;DR: is there", "So: is there"))
simple("tldr: TL;DR line moved to the middle", "tldr_summary needs a TL;DR line", move_tldr_to_middle)
simple("tldr: TL;DR line too short", "tldr_summary needs a TL;DR line",
       qrep("L2", "tl;dr what do I click in the Managed HSM and then in the registry wizard, in which order, so crkestrel gets created with its key?",
            "tl;dr Managed HSM clicks?"))
simple("tldr: TL;DR line asks nothing", "tldr_summary TL;DR line asks nothing",
       qrep("L3", "Why is one allowed from a blocked address and not the other?",
            "I'd like to know why one is allowed from a blocked address and not the other."))
simple("tldr: truth shares too little with the TL;DR line", "tldr_summary truth shares fewer than 2 content words",
       tset("L1", "Re-attach id-heron-enc with az acr identity assign and retry the pull."))
simple("tldr on a short item", "tldr_summary must be a long post", mset("S9", "tldr_summary", True))
simple("tldr used 4 times", "shape tldr_summary used 4 times, want exactly 5", mdel("L4", "tldr_summary"))
simple("tldr used 6 times", "shape tldr_summary used 6 times, want exactly 5", mset("L20", "tldr_summary", True))

# ---------------- caps_shouting ----------------
simple("caps: shouting removed", "caps_shouting needs >= 2 shouted words (found 0)",
       chain(qrep("L6", "LITERALLY", "literally"), qrep("L6", "WHY does", "Why does")))
simple("caps: one shouted word left", "caps_shouting needs >= 2 shouted words (found 1)",
       qrep("L7", "it did NOTHING", "it did nothing"))
simple("caps: acronyms are not shouting", "caps_shouting needs >= 2 shouted words (found 0)",
       qrep("L8", "I am DEFINITELY passing --identity, it's RIGHT there", "I am passing --identity to the ACR CLI, it's there"))
simple("caps: a word the sources write in capitals is not shouting", "caps_shouting needs >= 2 shouted words (found 1)",
       qrep("L9", "which obviously did NOTHING", "which obviously did not change WRAPKEY"))
simple("caps: shouting only inside inline code", "caps_shouting needs >= 2 shouted words (found 0)",
       qset("S1", "acr task logs `GONE` after a day since we enabled cmk, `WHY`"))
simple("caps: truth shouts back", "caps_shouting truth shouts too",
       trep("L7", "all data in crsnipe is blocked", "all data in crsnipe is REALLY blocked"))
simple("caps: truth with an exclamation mark", "caps_shouting truth uses '!'",
       trep("L9", "Most likely nothing else:", "Most likely nothing else!"))
simple("caps on an agent item", "caps_shouting must be a long post or a short question", mset("A7", "caps_shouting", True))
simple("caps used 4 times", "shape caps_shouting used 4 times, want exactly 5", mdel("S1", "caps_shouting"))
simple("caps used 6 times", "shape caps_shouting used 6 times, want exactly 5", mset("L20", "caps_shouting", True))

# ---------------- smart_punctuation ----------------
simple("smart: typographic quotes straightened", "smart_punctuation needs an az command with a typographic quote",
       lambda c: c.e("L10").__setitem__("question", c.e("L10")["question"].replace("\u2018", "'").replace("\u2019", "'")))
simple("smart: typographic quotes only in the prose", "smart_punctuation needs an az command with a typographic quote",
       chain(lambda c: c.e("L11").__setitem__("question", c.e("L11")["question"].replace("\u201c", '"').replace("\u201d", '"')),
             qrep("L11", "The role name is definitely right", "The \u201crole name\u201d is definitely right")))
simple("smart: truth does not name the character", "smart_punctuation truth does not name the typographic character",
       chain(trep("S2", "The option starts with an en dash instead of a plain hyphen,", "The option starts with a wrong character,"),
             trep("S2", "Retype both hyphens:", "Retype it:")))
simple("smart: truth keeps a typographic quote", "smart_punctuation truth still holds a typographic quote or dash",
       lambda c: c.e("A1").__setitem__("truth", c.e("A1")["truth"] + " Not \u201c$PETREL_OID\u201d."))
simple("smart: truth gives no corrected command", "smart_punctuation truth gives no corrected az keyvault role command",
       tset("A2", "The runbook's curly double quotes split the role name; retype them as straight quotes and run it again as a Managed HSM administrator."))
simple("smart used 4 times", "shape smart_punctuation used 4 times, want exactly 5", mdel("A1", "smart_punctuation"))
simple("smart used 6 times", "shape smart_punctuation used 6 times, want exactly 5", mset("L20", "smart_punctuation", True))

# ---------------- jmespath_query ----------------
simple("jmespath: --query removed from the question", "jmespath_query question holds no --query expression",
       qset("S3", "az keyvault show --hsm-name mhsm-ibis shows no activation status, what should the hsm say?"))
simple("jmespath: truth without --query", "jmespath_query truth gives no --query expression",
       trep("A3", ' Next time ask for names directly with --query "[].roleDefinitionName".', ""))
simple("jmespath: truth only repeats the question's expression", "jmespath_query truth only repeats the question's --query expression",
       trep("L13", "--query keyVaultProperties.versionedKeyIdentifier", "--query encryption.keyVaultProperties.versionedKeyIdentifier"))
simple("jmespath: truth expression with an unclosed bracket", "jmespath_query truth expression is malformed",
       trep("A4", "[?encryption.status=='enabled'].name", "[?encryption.status=='enabled'.name"))
simple("jmespath: truth expression with an unclosed string", "jmespath_query truth expression is malformed",
       trep("L12", "[?objectId=='$MARTIN_OID']", "[?objectId=='$MARTIN_OID]"))
simple("jmespath used 4 times", "shape jmespath_query used 4 times, want exactly 5", mdel("A3", "jmespath_query"))
simple("jmespath used 6 times", "shape jmespath_query used 6 times, want exactly 5", mset("L20", "jmespath_query", True))

# ---------------- regex_pattern ----------------
simple("regex: removed from the question", "regex_pattern question quotes no anchored regex",
       qset("S4", "kv key id gate with a catch-all pattern lets pinned versions through, why"))
simple("regex: question regex not anchored", "regex_pattern question quotes no anchored regex",
       qrep("A6", r"`^https://.+\.vault\.azure\.net/keys/.+$`", r"`https://.+\.vault\.azure\.net/keys/.+`"))
simple("regex: question regex does not compile", "regex_pattern question quotes no anchored regex",
       qrep("A5", r"\.managedhsm\.azure", r"\.managedhsm)\.azure"))
simple("regex: truth regex not in inline code", "regex_pattern truth quotes no regex of its own",
       lambda c: c.e("L14").__setitem__("truth", c.e("L14")["truth"].replace("`", "")))
simple("regex: truth only repeats the question's regex", "regex_pattern truth quotes no regex of its own",
       trep("S4", "`^https://[^/]+/keys/[^/]+$`", "`^https://.+/keys/.+$`"))
simple("regex: no URI on which the two regexes disagree", "regex_pattern truth quotes no URI on which",
       trep("A6", "and refuses https://kv-gannet.vault.azure.net/keys/gannet-kek/5c9e1f3a7b2d4e6f8a0b1c2d3e4f5a6b,", "and refuses pinned IDs,"))
simple("regex: URIs only inside inline code", "regex_pattern truth quotes no URI on which",
       lambda c: c.e("L14").__setitem__("truth", re.sub(r"(https://[^\s,()]+?)(?=[\s,()]|\.\s|$)", r"`\1`", c.e("L14")["truth"])))
simple("regex used 4 times", "shape regex_pattern used 4 times, want exactly 5", mdel("A6", "regex_pattern"))
simple("regex used 6 times", "shape regex_pattern used 6 times, want exactly 5", mset("L20", "regex_pattern", True))
simple("two new shapes on one item", "more than one new shape on one item", mset("L1", "caps_shouting", True))

# ---------------- two_facts ----------------
simple("two_facts floor", "floor: shape two_facts 3 < 4",
       chain(mdel("A10", "two_facts"), lambda c: c.e("A10")["canonical"].pop(),
             lambda c: c.e("A10")["answer_facts"].pop()))


def run_check(d):
    env = dict(os.environ, BLIND52_DIR=d, BLIND52_KROOT=os.path.join(d, "k"), BLIND52_FACTS=os.path.join(d, "facts"))
    p = subprocess.run([sys.executable, os.path.join(HERE, "check52.py")], env=env, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def fresh(with_build):
    d = tempfile.mkdtemp(prefix="mut-", dir=HERE)
    for f in FILES:
        shutil.copy(os.path.join(HERE, f), d)
    shutil.copytree(os.path.join(HERE, "prev"), os.path.join(d, "prev"))
    shutil.copytree(KROOT, os.path.join(d, "k"))
    shutil.copytree(FACTS, os.path.join(d, "facts"))
    if with_build:
        shutil.copy(os.path.join(HERE, "build52.py"), d)
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
