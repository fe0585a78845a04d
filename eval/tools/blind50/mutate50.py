"""blind50 mutation driver. Each mutation runs on a fresh temp copy (inside blind50/) of the set, prev/,
the knowledge and the fact sheets; it counts as caught only when check50.py exits 1 and prints the
mutation's expected message."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
KROOT = os.environ.get("BLIND50_KROOT", "/work/scratch/kstripped")
FACTS = os.environ.get("BLIND50_FACTS", "/work/shared/facts")
sys.path.insert(0, HERE)
import build50  # noqa: E402
import check50  # noqa: E402
import kparse  # noqa: E402

SET = "blind50"
FILES = (SET + ".json", SET + "-meta.json", SET + "-first-canonicals.txt")
_entries, _meta = build50.build()
_byq = {q["question"]: q["key"] for q in build50.QUESTIONS}
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
for pfx in ("e", "d", "c", "b", "m", "j", "k", "h", "g"):
    def f(c, pfx=pfx):
        c.j[5]["id"] = pfx + c.j[5]["id"][1:]
    simple("id prefix %s (earlier set)" % pfx, "bad id at position 6", f)
simple("ids numbered from zero", "bad id at position 1",
       lambda c: [x.__setitem__("id", "f%03d" % (int(x["id"][1:]) - 1)) for x in c.j])
simple("wrong source", "bad source", lambda c: c.j[3].__setitem__("source", "written by hand"))
simple("key order swapped", "keys or key order wrong",
       lambda c: c.j.__setitem__(2, dict([("category", c.j[2]["category"])] +
                                         [(k, v) for k, v in c.j[2].items() if k != "category"])))
simple("extra key in an entry", "keys or key order wrong", lambda c: c.j[7].__setitem__("notes", "x"))
simple("meta entry missing", "meta: ids do not match", lambda c: c.m.pop("f010"))
simple("59 entries", "need a list of 60", lambda c: c.j.pop())
simple("rebuild: json truth edited", "rebuild differs from blind50.json",
       lambda c: c.j[0].__setitem__("truth", c.j[0]["truth"] + " Extra."), True)
simple("rebuild: meta edited", "rebuild differs from blind50-meta.json",
       lambda c: c.m["f001"].__setitem__("qual", "none" if c.m["f001"]["qual"] != "none" else "asked"), True)


@mut("rebuild: same content, other JSON layout (byte compare)", "rebuild differs from blind50.json", True)
def _(c):
    # content unchanged, only the serialisation differs: caught by the byte comparison alone
    def save():
        with open(os.path.join(c.d, FILES[0]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(c.j, indent=2, ensure_ascii=False) + "\n")
    c.save = save


@mut("rebuild: first-canonical list edited", "rebuild differs from blind50-first-canonicals.txt", True)
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


simple("first-canonical list missing", "blind50-first-canonicals.txt missing",
       lambda c: os.remove(os.path.join(c.d, FILES[2])))


@mut("three of one category in a row", "three")
def _(c):
    grp = [x for x in c.j if x["category"] == "off-topic"][:3]
    rest = [x for x in c.j if x not in grp]
    new = rest[:10] + grp + rest[10:]
    old_meta = {x["id"]: c.m[x["id"]] for x in c.j}
    c.m.clear()
    for n, x in enumerate(new, 1):
        c.m["f%03d" % n] = old_meta[x["id"]]
        x["id"] = "f%03d" % n
    c.j[:] = new


# ---------------- dropped flags and fields ----------------
_SPECIAL = {"field": "bypass", "wrong": "--kek-uri", "other": ["AWS"], "premise": "x"}
for fld in check50.DROPPED_FIELDS:
    simple("dropped/unknown field %s" % fld, "unknown field %r" % fld, mset("L21", fld, _SPECIAL.get(fld, True)))

# ---------------- facts and answer facts ----------------
simple("answer_fact not in canonical", "answer_fact not in first canonical",
       lambda c: c.e("L23")["answer_facts"].__setitem__(0, "the hsm replicates across regions"))
simple("answer_fact only in a related section", "answer_fact not in first canonical",
       lambda c: c.e("L21")["answer_facts"].__setitem__(0, "it is a health-check error code"))
simple("answer_fact added from a related section", "answer_fact not in first canonical",
       lambda c: c.e("L23")["answer_facts"].append("follow key vault disaster-recovery guidance"))
simple("answer_fact over 7 words", "answer_fact over 7 words",
       lambda c: c.e("A1")["answer_facts"].__setitem__(0, "the registry picks up the result within an hour"))
simple("fact not in any section", "fact not in a canonical or related section",
       lambda c: c.e("S6")["facts"].__setitem__(0, "standard registries can be upgraded with a key"))
simple("empty answer_facts", "no answer_facts", eset("S5", "answer_facts", []))
simple("empty facts", "no facts", eset("S5", "facts", []))
simple("two_facts with both facts in the first canonical", "two_facts needs one answer_fact only in each",
       lambda c: c.e("L19")["answer_facts"].__setitem__(1, "5 to 50 lowercase letters"))
simple("two_facts fact in neither canonical", "answer_fact not in either canonical",
       lambda c: c.e("L2")["answer_facts"].__setitem__(0, "the registry recreates the grant"))
simple("two canonicals without flag", "two canonical sections need two_facts", mdel("L15", "two_facts"))
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
simple("related empty", "related is empty", eset("S9", "related", []))

# ---------------- kinds, styles, truths, categories ----------------
simple("unknown kind", "bad kind", mset("A8", "kind", "opinion"))
simple("yes truth opening No", "yes truth must open 'Yes: '",
       lambda c: c.e("S10").__setitem__("truth", "No: " + c.e("S10")["truth"][5:]))
simple("no truth without No", "no truth must open 'No: '",
       lambda c: c.e("L9").__setitem__("truth", c.e("L9")["truth"][4:]))
simple("undocumented truth without verdict", "undocumented truth must open 'Not documented'",
       lambda c: c.e("A12").__setitem__("truth", c.e("A12")["truth"][16:]))
simple("off-topic truth without verdict", "off-topic truth must open 'Not covered: '",
       lambda c: c.e("X3").__setitem__("truth", c.e("X3")["truth"][13:]))
simple("howto truth opening Yes", "howto truth opens with a verdict word",
       lambda c: c.e("A7").__setitem__("truth", "Yes: " + c.e("A7")["truth"]))
simple("troubleshoot truth opening No", "troubleshoot truth opens with a verdict word",
       lambda c: c.e("L21").__setitem__("truth", "No, " + c.e("L21")["truth"]))
simple("off-topic item with canonical", "off-topic item must have empty lists",
       lambda c: c.e("X4")["canonical"].append("acr-cmk/references/overview.md#default-encryption-at-rest-without-a-cmk"))
simple("off-topic category on an on-topic kind", "off-topic category and kind disagree",
       eset("A11", "category", "off-topic"))
simple("unknown category", "bad category", eset("A11", "category", "misc"))
simple("style count broken", "on-topic short count 13", mset("A8", "style", "short"))
simple("unknown style", "bad style", mset("A8", "style", "medium"))
simple("kind count broken", "kind howto count 13", mset("L16", "kind", "why"))
simple("kind group missing from a style", "kind group yes/no missing from style agent",
       chain(mset("A5", "kind", "value"), mset("A10", "kind", "value"), mset("A11", "kind", "value"),
             tset("A5", "Only user-assigned identities can be chosen when the registry is created."),
             tset("A10", "Access is granted per vault, so grant the identity on the new vault first."),
             tset("A11", "Access policies apply to every key in the vault.")))
simple("category above 9", "category hsm count 10", eset("L21", "category", "hsm"))
simple("category below 2", "category setup count 1", eset("S8", "category", "keys"))

# ---------------- style rules ----------------
simple("long post too short", "long question length", qset("L16", "Which identity value goes into az acr create?"))
simple("long post too long", "long question length",
       lambda c: c.e("L16").__setitem__("question", c.e("L16")["question"] + (" Some more background here." * 60)))
simple("short question of 15 words", "short question has 15 words",
       qset("S10", "can a subnet rule let our build agents create key versions behind the kv firewall?"))
simple("short question on two lines", "short question spans lines", qrep("S10", " behind", "\nbehind"))
simple("agent query of 50 words", "agent query has",
       lambda c: c.e("A8").__setitem__("question", c.e("A8")["question"] + " please" + " also" * 30))
simple("agent query on two lines", "agent query spans lines", qrep("A9", " Question:", "\nQuestion:"))
simple("context form without Context:", "context form must open with 'Context:'",
       lambda c: c.e("A9").__setitem__("question", c.e("A9")["question"][len("Context: "):]))
simple("imperative form without verb", "imperative form must open with an imperative verb",
       qrep("A7", "Write the commands", "I need the commands"))
simple("keywords form opening uppercase", "keywords form must open lowercase",
       lambda c: c.e("A12").__setitem__("question", "K" + c.e("A12")["question"][1:]))
simple("keywords form with ?", "keywords form must open lowercase", qrep("A12", "recovery options", "recovery options?"))
simple("form on a short item", "form on a non-agent item", mset("S10", "form", "keywords"))
simple("agent forms miscounted", "on-topic agent form context count 4",
       chain(mset("A9", "form", "imperative"), qrep("A9", "Context: our key standard", "Explain: our key standard")))
simple("off-topic agent forms miscounted", "off-topic agent form keywords count 0",
       chain(mset("X9", "form", "imperative"),
             lambda c: c.e("X9").__setitem__("question", "Explain " + c.e("X9")["question"])))


@mut("three short questions not lowercase", "short questions not lowercase (max 2)")
def _(c):
    for k in ("S1", "S10", "S12"):
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
       mset("S9", "quals", ["iac"]))
simple("October 2026 truth without Managed HSM", "October 2026 truth names neither",
       tset("S3", "28 days between rotations; a key holds at most 100 versions."))
simple("qual asked recorded as story", "qual is 'story', should be 'asked'", mset("L7", "qual", "story"))
simple("quals without qual none", "qual is 'asked', should be 'none'", mset("L22", "qual", "asked"))
simple("unknown qualifier", "bad quals", mset("L7", "quals", ["hsm", "oct2026", "k8s"]))


def drop_qual(mm, x, q):
    mm["quals"] = [v for v in mm["quals"] if v != q]
    ask = build50.ask_part(x["question"])
    hit = ("hsm" in mm["quals"] and build50.HSM_RE.search(ask)) or ("iac" in mm["quals"] and build50.IAC_RE.search(ask))
    mm["qual"] = "none" if not mm["quals"] else ("asked" if hit else "story")


@mut("Managed HSM asked floor", "floor: Managed HSM asked")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "hsm" in mm.get("quals", []):
            n += 1
            if n > 9:
                drop_qual(mm, x, "hsm")


@mut("Managed HSM asked in too few ways (qualifiers dropped)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    for k in ("L3", "L5"):
        drop_qual(c.meta(k), c.e(k), "hsm")


@mut("Managed HSM asked in too few ways (asks reworded)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    c.q_rep("L3", "Which version is the registry configured for,", "Is the registry pinned,")
    c.q_rep("L5", "What do we run to recover the deleted HSM,", "What brings mhsm-chub back,")


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
        if "oct2026" in mm.get("quals", []) and n < 2:
            mm["quals"] = [q for q in mm["quals"] if q != "oct2026"]
            n += 1


# ---------------- spread and per-doc ----------------
@mut("spread against blind49", "first canonicals new against blind49 (floor 30)")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind49-first-canonicals.txt")) if x.strip()]
    firsts = list(dict.fromkeys(firsts))
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < 20 and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [firsts[n]]
            x["related"] = [r for r in x["related"] if r != firsts[n]] or [firsts[n + 20]]
            n += 1


@mut("spread against blind49 and blind48", "first canonicals new against blind49 and blind48")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind48-first-canonicals.txt")) if x.strip()]
    b49 = {x.strip() for x in open(os.path.join(c.d, "prev", "blind49-first-canonicals.txt"))}
    pool = [f for f in dict.fromkeys(firsts) if f not in b49]
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < min(30, len(pool)) and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [pool[n]]
            x["related"] = [r for r in x["related"] if r != pool[n]] or ["acr-cmk/references/overview.md#requirements-at-a-glance"]
            n += 1


simple("troubleshooting doc above 8", "first canonical doc troubleshooting count 9",
       lambda c: c.e("L16")["canonical"].__setitem__(0, "acr-cmk/references/troubleshooting.md#general-diagnostic-checklist"))
simple("identities doc below 2", "first canonical doc identities count 1",
       chain(lambda c: c.e("L16")["canonical"].__setitem__(0, "acr-cmk/references/overview.md#requirements-at-a-glance"),
             lambda c: c.e("S9")["canonical"].__setitem__(0, "acr-cmk/references/overview.md#requirements-at-a-glance")))
simple("blind49 first-canonical list missing", "first-canonical list missing: blind49",
       lambda c: os.remove(os.path.join(c.d, "prev", "blind49-first-canonicals.txt")))
simple("blind48 first-canonical list missing", "first-canonical list missing: blind48",
       lambda c: os.remove(os.path.join(c.d, "prev", "blind48-first-canonicals.txt")))


@mut("blind48 first-canonical list cut to 47", "blind48 has 47 lines")
def _(c):
    p = os.path.join(c.d, "prev", "blind48-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:47])


@mut("blind49 first-canonical list cut to 40", "blind49 has 40 lines")
def _(c):
    p = os.path.join(c.d, "prev", "blind49-first-canonicals.txt")
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


simple("typo planted in blind20", "typo 'polcy' already used in blind19-49", plant_prev(20, "polcy"))
simple("typo planted in blind41", "typo 'atach' already used in blind19-49", plant_prev(41, "atach"))
simple("typo planted in blind48", "typo 'identty' already used in blind19-49", plant_prev(48, "identty"))
simple("typo planted in blind49", "typo 'polcy' already used in blind19-49", plant_prev(49, "polcy"))
simple("typo planted in a blind49 truth", "typo 'atach' already used in blind19-49", plant_prev_truth(49, "atach"))
simple("typo planted in a blind25 truth", "typo 'identty' already used in blind19-49", plant_prev_truth(25, "identty"))
simple("typo moved to an off-topic short", "typo must sit in a short on-topic question",
       chain(mdel("S7", "typo"), qrep("S7", "polcy", "policy"), mset("X10", "typo", "polcy"),
             qrep("X10", "admin password", "admin password polcy")))
simple("typo fixed in the question", "typo 'atach' not in the question", qrep("S9", "atach", "attach"))
simple("unrecorded typo in another question", "unrecorded typo 'identty'",
       qrep("S10", "our agents", "our agents' identty"))
simple("typo used twice", "typo 'identty' used 2 times",
       chain(mset("S10", "typo", "identty"), qrep("S10", "our agents", "our agents' identty")))
simple("unknown typo word", "not in the set's typo list",
       chain(mset("S8", "typo", "identiy"), qrep("S8", "identty", "identiy")))
simple("typo on a long item", "typo must sit in a short on-topic question",
       chain(mdel("S9", "typo"), qrep("S9", "atach", "attach"), mset("L16", "typo", "atach"),
             qrep("L16", "It reads one value", "It has to atach nothing and reads one value")))


@mut("typo added to the knowledge", "typo 'polcy' stands in the knowledge or facts")
def _(c):
    p = c.kfile("acr-cmk/references/overview.md")
    open(p, "a").write("\npolcy\n")


@mut("typo added to the fact sheets", "typo 'atach' stands in the knowledge or facts")
def _(c):
    p = os.path.join(c.d, "facts", "cmk-facts-2026-10.md")
    os.chmod(p, 0o644)
    open(p, "a").write("\natach\n")


# ---------------- copying ----------------
simple("knowledge 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L16", "It reads one value", "The registry cannot unwrap its data without the key, and it reads one value"))
simple("fact-sheet 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L16", "It reads one value", "Local RBAC changes can take several minutes to propagate, and it reads one value"))
simple("knowledge command line inside a fence", "12-token run (fences included) shared with knowledge/facts",
       qrep("L21", "CMK_ERROR:", 'az keyvault key rotate --name "$KEY_NAME" --vault-name "$KEY_VAULT_NAME"\nCMK_ERROR:'))
simple("pasted error moved into prose", "8-token run shared with knowledge/facts",
       qrep("L16", "It reads one value", "The CLI said Cannot set policies to a vault with '--enable-rbac-authorization' specified. It reads one value"))
simple("fence with knowledge prose", "12-token run (fences included)",
       qrep("L21", "CMK_ERROR:", "the registry cannot unwrap its data without the key so deleting the key store\nCMK_ERROR:"))
simple("blind30 8-token run", "8-token run shared with blind19-49",
       lambda c: c.e("L16").__setitem__("question", c.e("L16")["question"] + " " + prevq(30, 8)(c)[:120]))
simple("blind41 8-token run", "8-token run shared with blind19-49",
       lambda c: c.e("L16").__setitem__("question", c.e("L16")["question"] + " " + prevq(41, 3)(c)[:150]))
simple("blind49 8-token run", "8-token run shared with blind19-49",
       lambda c: c.e("L16").__setitem__("question", c.e("L16")["question"] + " " + prevq(49, 2)(c)[:150]))
simple("blind49 truth copied into a question", "8-token run shared with a blind19-49 truth",
       lambda c: c.e("L16").__setitem__("question", c.e("L16")["question"] + " " + prevt(49, 10)(c)[:200]))
simple("blind33 truth copied into a question", "8-token run shared with a blind19-49 truth",
       lambda c: c.e("L22").__setitem__("question", c.e("L22")["question"] + " " + prevt(33, 4)(c)[:200]))
simple("blind49 question repeated", "Jaccard > 0.6 with blind49",
       lambda c: c.e("A9").__setitem__("question", prevq(49, 5)(c)))
simple("blind48 question repeated", "Jaccard > 0.6 with blind48",
       lambda c: c.e("A11").__setitem__("question", prevq(48, 5)(c)))
simple("blind46 question repeated", "Jaccard > 0.6 with blind46",
       lambda c: c.e("S12").__setitem__("question", prevq(46, 40)(c)))
def own_prev_truth(n):
    """A blind<n> truth that no earlier prev truth resembles (Jaccard <= 0.6) and that opens without a verdict."""
    def get(c):
        def tset_(t):
            return set(re.findall(r"[a-z0-9]+", t.lower()))
        older = [tset_(e["truth"]) for m in range(19, n)
                 for e in json.load(open(os.path.join(c.d, "prev", "blind%d.json" % m), encoding="utf-8"))]
        for e in json.load(open(os.path.join(c.d, "prev", "blind%d.json" % n), encoding="utf-8")):
            t = e["truth"]
            if re.match(r"(Yes|No|Not documented|Not covered)\b", t):
                continue
            ts = tset_(t)
            if all(len(ts & o) / len(ts | o) <= 0.6 for o in older):
                return t
        raise AssertionError("setup: no own blind%d truth" % n)
    return get


simple("blind49 truth repeated", "truth Jaccard > 0.6 with blind49",
       lambda c: c.e("S12").__setitem__("truth", own_prev_truth(49)(c)))
simple("off-topic truth close to an earlier truth", "truth Jaccard > 0.6 with blind",
       tset("X11", "Not covered: resetting a Navidrome password is outside the ACR customer-managed key knowledge."))
simple("near-duplicate inside the set", "Jaccard > 0.6 with",
       lambda c: c.e("A7").__setitem__("question", c.e("A1")["question"].replace("at most", "at the most")))
simple("truth copies a knowledge sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("L16").__setitem__("truth", c.e("L16")["truth"] + " Soft delete alone keeps deleted keys and vaults recoverable, but someone with purge rights can still destroy them permanently before the retention period ends."))
simple("truth copies a fact-sheet sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("A6").__setitem__("truth", c.e("A6")["truth"] + " Whether this revision is already live on Learn was not checked."))
simple("question copies a knowledge sentence", "question copies a knowledge/fact sentence",
       qrep("L16", "It reads one value", "Registries without a CMK are still encrypted at rest with Microsoft-managed keys. It reads one value"))
simple("question echoes a heading", "question echoes a heading",
       qrep("L16", "It reads one value", "Rotate on a schedule with a Key Vault rotation policy, they said. It reads one value"))


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
    old = "The geo-replication article was not updated for Managed HSM"
    if old not in s:
        raise AssertionError("setup: text not in limitations.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "The geo-replication article was never revised for Managed HSM"))


@mut("knowledge moved under an acr-cmk/ folder (ids still resolve)", "typo 'polcy' used 2 times")
def _(c):
    # the layout change alone must not break anything: only the planted double typo is reported
    k = os.path.join(c.d, "k")
    tmp = os.path.join(c.d, "k-flat")
    os.rename(k, tmp)
    os.makedirs(k)
    os.rename(tmp, os.path.join(k, "acr-cmk"))
    mset("S10", "typo", "polcy")(c)
    qrep("S10", "our agents", "our agents' polcy")(c)


@mut("fact sheets missing", "fact sheets missing")
def _(c):
    for f in os.listdir(os.path.join(c.d, "facts")):
        os.remove(os.path.join(c.d, "facts", f))


simple("prev file missing", "prev file missing: blind27.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind27.json")))
simple("blind41 prev file missing", "prev file missing: blind41.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind41.json")))
simple("blind48 prev file missing", "prev file missing: blind48.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind48.json")))
simple("blind49 prev file missing", "prev file missing: blind49.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind49.json")))

# ---------------- off-topic ----------------
simple("banned blind49 subject", "banned off-topic subject 'gocd'",
       chain(mset("X11", "subject", "gocd"), qset("X11", "how do i rotate the gocd cipher key for our registry pipelines?")))
simple("banned blind49 extra name", "banned off-topic subject 'ansible'",
       chain(mset("X11", "subject", "ansible"), qset("X11", "how do i rekey the ansible vault holding our registry login?")))
simple("banned blind48 subject", "banned off-topic subject 'truenas'",
       chain(mset("X11", "subject", "truenas"), qset("X11", "how do i rotate the truenas dataset key for our registry backups?")))
simple("banned blind47 subject", "banned off-topic subject 'mattermost'",
       chain(mset("X11", "subject", "mattermost"), qset("X11", "how do i rotate the mattermost at-rest key for our registry bot?")))
simple("banned blind45 subject", "banned off-topic subject 'vaultwarden'",
       chain(mset("X11", "subject", "vaultwarden"), qset("X11", "how do i rotate the vaultwarden key after our registry admin left?")))
simple("blind49 subject in another question", "off-topic question names banned 'mosquitto'",
       qrep("X8", "satellites and agents", "satellites and agents, as we did for mosquitto"))
simple("blind48 subject in another question", "off-topic question names banned 'immich'",
       qrep("X8", "satellites and agents", "satellites and agents, as we did for immich"))
simple("subject planted in blind33", "subject 'katello' used in blind19-49", plant_prev(33, "katello"))
simple("subject planted in blind49", "subject 'paperless' used in blind19-49", plant_prev(49, "paperless"))
simple("subject not in question", "subject 'paperless' not in the question",
       qset("X12", "how do i change the document archive secret key safely?"))
simple("banned key word in off-topic", "off-topic question names banned 'kubernetes'",
       qrep("X4", "small k3s cluster", "small k3s cluster (lightweight Kubernetes)"))
simple("banned key word kms", "off-topic question names banned 'kms'",
       qrep("X2", "Master Key replaced", "Master Key replaced by one from our KMS"))
simple("near_miss on an agent item", "near_miss only on long off-topic posts", mset("X7", "near_miss", True))
simple("near-miss floor", "floor: near misses", mdel("X1", "near_miss"))


@mut("off-topic story floor", "floor: long off-topic registry+key stories")
def _(c):
    for k in ("X5", "X6"):
        e = c.e(k)
        e["question"] = re.sub(r"\bregistr\w*", "service", e["question"], flags=re.I)


simple("off-topic subject missing", "off-topic subject missing", mdel("X6", "subject"))
simple("shape flag on off-topic", "shape flag kql_query on an off-topic item", mset("X6", "kql_query", True))
simple("subject on an on-topic item", "subject/near_miss on an on-topic item", mset("L16", "subject", "x"))


# ---------------- long measures ----------------
@mut("fenced long floor", "floor: fenced long posts")
def _(c):
    for k in ("L16", "L18", "L19", "L15", "L20"):
        e = c.e(k)
        e["question"] = e["question"].replace("```bash", "").replace("```text", "").replace("```", "")


@mut("fenced troubleshoot floor", "floor: fenced long troubleshoot posts")
def _(c):
    for k in ("L20", "L21"):
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


# ---------------- kql_query ----------------
simple("kql query outside a fence", "kql_query needs a fenced Kusto query",
       lambda c: c.q_rep("L2", "```kusto\n", "", 1))
simple("kql query without a table line", "kql_query needs a fenced Kusto query",
       qrep("L3", "AzureDiagnostics\n| where ResourceType", "AzureDiagnostics | where ResourceType"))
simple("kql query with one pipe line", "kql_query needs a fenced Kusto query",
       qrep("L4", '| where ResourceType == "MANAGEDHSMS" and TimeGenerated > datetime(2026-12-01 10:00)\n'
                  '| where OperationName in ("KeyUnwrap", "KeyWrap")\n| summarize count() by OperationName, ResultType\n',
            '| where ResourceType == "MANAGEDHSMS" and OperationName == "KeyUnwrap" and ResultType == "Success"\n'))
simple("kql pipe lines with no KQL operator", "kql_query needs a fenced Kusto query",
       chain(qrep("L5", "| where ", "| filter ", -1), qrep("L5", "| project ", "| select ", -1)))
simple("kql without a question", "kql_query asks nothing about the query",
       lambda c: c.e("L1").__setitem__("question", c.e("L1")["question"].replace("?", ".")))
simple("kql truth naming no column", "kql_query truth names no table or column of the query",
       trep("L2", "The Caller column names the culprit", "The log names the culprit"))
simple("kql truth naming only a string literal", "kql_query truth names no table or column of the query",
       trep("L4", "KeyUnwrap calls with ResultType Success", "KeyUnwrap calls that succeeded"))
simple("kql on a short item", "kql_query must be a long post", mset("S10", "kql_query", True))
simple("kql used 4 times", "shape kql_query used 4 times, want exactly 5", mdel("L5", "kql_query"))
simple("kql used 6 times", "shape kql_query used 6 times, want exactly 5", mset("L21", "kql_query", True))

# ---------------- azure_policy_json ----------------
simple("policy paste that is not valid JSON", "azure_policy_json needs a fence that parses as JSON",
       qrep("L6", '"policyDefinitionAction": "audit",', '"policyDefinitionAction": "audit",,'))
simple("policy JSON without a policy key", "azure_policy_json paste holds no Azure Policy key",
       chain(qrep("L10", '"complianceState"', '"state"'), qrep("L10", '"policyDefinitionId"', '"definition"'),
             qrep("L10", '"policyDefinitionAction"', '"action"')))
simple("policy JSON naming no registry or key store", "azure_policy_json paste names no registry or key store resource type",
       qrep("L9", "Microsoft.ContainerRegistry/registries", "Microsoft.Web/sites", -1))
simple("policy paste outside a fence", "azure_policy_json needs a fence that parses as JSON",
       lambda c: c.q_rep("L8", "```json\n", "", 1))
simple("policy without a question", "azure_policy_json asks nothing about the paste",
       lambda c: c.e("L7").__setitem__("question", c.e("L7")["question"].replace("?", ".")))
simple("policy truth naming nothing pasted", "azure_policy_json truth names no key, value or alias of the paste",
       trep("L9", "so the notEquals condition doesn't match", "so the condition doesn't match"))
simple("policy truth naming only the registry of a resource ID", "azure_policy_json truth names no key, value or alias",
       trep("L10", "The next policy evaluation should move complianceState to Compliant.", "crsprat and rg-sprat stay as they are."))
simple("policy on an agent item", "azure_policy_json must be a long post", mset("A8", "azure_policy_json", True))
simple("policy used 4 times", "shape azure_policy_json used 4 times, want exactly 5", mdel("L8", "azure_policy_json"))
simple("policy used 6 times", "shape azure_policy_json used 6 times, want exactly 5", mset("L16", "azure_policy_json", True))

# ---------------- tool_versions ----------------
simple("one version only", "tool_versions needs >= 2 versions",
       qrep("L14", "Laptop: azure-cli 2.58.0. ", "Laptop: an older azure-cli. "))
simple("version without a tool name", "tool_versions needs >= 2 versions",
       qrep("S4", "oras 1.1.0 and notation 1.1.1", "oras 1.1.0 and, for signing images, release 1.1.1"))
simple("versions taken out of the prose", "tool_versions needs >= 2 versions",
       qset("A3", "Context: my copy of the Terraform CMK example fails; plan rejects rbac_authorization_enabled in the azurerm_key_vault block. Question: what should that line be for this provider version?"))
simple("truth naming no version", "tool_versions truth names no version",
       tset("S5", "Yes: the CLI copies a managedhsm.azure.net key URI unchanged into keyIdentifier on either release."))
simple("truth naming an undocumented version", "tool_versions truth names no version that the knowledge or fact sheets give",
       tset("S4", "Not documented: nothing is said about ORAS 1.1.0 or Notation 1.1.1; move to newer releases."))
simple("versions used 4 times", "shape tool_versions used 4 times, want exactly 5", mdel("L13", "tool_versions"))
simple("versions used 6 times", "shape tool_versions used 6 times, want exactly 5", mset("L22", "tool_versions", True))

# ---------------- quantity_unit ----------------
simple("quantity ask without how long/many", "quantity_unit ask has no",
       qset("S1", "does a cmk acr keep its task run logs for less time?"))
simple("quantity truth without a number", "quantity_unit truth gives no number of hours",
       tset("S1", "Only a day on any registry encrypted with a customer-managed key; export each run's log."))
simple("quantity truth in the wrong unit", "quantity_unit truth gives no number of days",
       tset("S3", "Four weeks at least between Managed HSM policy rotations."))
simple("quantity 'how long' answered without a time unit", "quantity_unit truth gives no number with a unit of time",
       chain(qrep("S2", "how many days until", "how long until"),
             tset("S2", "Until the soft-delete retention period runs out; then it is purged.")))
simple("quantity 'how many keys' answered in minutes", "quantity_unit truth gives no number of keys",
       tset("A2", "About 10 minutes of work; the quorum decides how many private keys decrypt it later."))
simple("quantity used 4 times", "shape quantity_unit used 4 times, want exactly 5", mdel("S2", "quantity_unit"))
simple("quantity used 6 times", "shape quantity_unit used 6 times, want exactly 5", mset("S12", "quantity_unit", True))

# ---------------- portal_click_path ----------------
simple("click path of two segments", "portal_click_path needs a click path of >= 3 segments",
       qset("S6", "portal settings > encryption missing the customer-managed key on our standard acr"))
simple("click path taken out of the question", "portal_click_path needs a click path of >= 3 segments",
       lambda c: c.e("A5").__setitem__("question", "Context: in the portal the identity picker only offers user-assigned identities for the new registry crdab. Question: can I select crdab's own system-assigned identity there instead?"))
simple("click path without the portal named", "portal_click_path question does not name the portal",
       lambda c: c.q_rep("L12", "portal", "browser", -1))
simple("click path truth without a path", "portal_click_path truth gives no click path",
       tset("A4", "Paste the key ID into the key URI field instead of using the picker; the firewall only blocks your browser."))
simple("click path used 4 times", "shape portal_click_path used 4 times, want exactly 5", mdel("A4", "portal_click_path"))
simple("click path used 6 times", "shape portal_click_path used 6 times, want exactly 5", mset("S10", "portal_click_path", True))
simple("two new shapes on one item", "more than one new shape on one item", mset("L1", "portal_click_path", True))

# ---------------- two_facts ----------------
simple("two_facts floor", "floor: shape two_facts 3 < 4",
       chain(mdel("L19", "two_facts"), lambda c: c.e("L19")["canonical"].pop(),
             lambda c: c.e("L19")["answer_facts"].pop(),
             mdel("A10", "two_facts"), lambda c: c.e("A10")["canonical"].pop(),
             lambda c: c.e("A10")["answer_facts"].pop()))


def run_check(d):
    env = dict(os.environ, BLIND50_DIR=d, BLIND50_KROOT=os.path.join(d, "k"), BLIND50_FACTS=os.path.join(d, "facts"))
    p = subprocess.run([sys.executable, os.path.join(HERE, "check50.py")], env=env, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def fresh(with_build):
    d = tempfile.mkdtemp(prefix="mut-", dir=HERE)
    for f in FILES:
        shutil.copy(os.path.join(HERE, f), d)
    shutil.copytree(os.path.join(HERE, "prev"), os.path.join(d, "prev"))
    shutil.copytree(KROOT, os.path.join(d, "k"))
    shutil.copytree(FACTS, os.path.join(d, "facts"))
    if with_build:
        shutil.copy(os.path.join(HERE, "build50.py"), d)
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
