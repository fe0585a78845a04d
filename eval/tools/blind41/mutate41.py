"""blind41 mutation driver. Each mutation runs on a fresh temp copy (inside blind41/) of the set, prev/,
the knowledge and the fact sheets; it counts as caught only when check41.py exits 1 and prints the
mutation's expected message."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
KROOT = os.environ.get("BLIND41_KROOT", "/work/scratch/kstripped")
FACTS = os.environ.get("BLIND41_FACTS", "/work/shared/facts")
sys.path.insert(0, HERE)
import build41  # noqa: E402
import kparse  # noqa: E402

_entries, _meta = build41.build()
_byq = {q["question"]: q["key"] for q in build41.QUESTIONS}
ID = {_byq[e["question"]]: e["id"] for e in _entries}
SCENARIO_SECTION = next(k for k in kparse.parse_all(KROOT) if k.startswith("acr-cmk/scenarios/"))


class Ctx:
    def __init__(self, d):
        self.d = d
        self.j = json.load(open(os.path.join(d, "blind41.json"), encoding="utf-8"))
        self.m = json.load(open(os.path.join(d, "blind41-meta.json"), encoding="utf-8"))

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
        json.dump(self.j, open(os.path.join(self.d, "blind41.json"), "w", encoding="utf-8"), indent=1)
        json.dump(self.m, open(os.path.join(self.d, "blind41-meta.json"), "w", encoding="utf-8"), indent=1)

    def kfile(self, rel):
        return os.path.join(self.d, "k", rel)


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


def qrep(key, old, new):
    return lambda c: c.q_rep(key, old, new)


def tset(key, text):
    def f(c):
        c.e(key)["truth"] = text
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


# ---------------- ids, source, structure, meta, rebuild ----------------
for pfx in ("h", "g", "v", "q"):
    def f(c, pfx=pfx):
        c.j[5]["id"] = pfx + c.j[5]["id"][1:]
    simple("id prefix %s (earlier set)" % pfx, "bad id at position 6", f)
simple("ids numbered from zero", "bad id at position 1",
       lambda c: [x.__setitem__("id", "k%03d" % (int(x["id"][1:]) - 1)) for x in c.j])
simple("wrong source", "bad source", lambda c: c.j[3].__setitem__("source", "written by hand"))
simple("key order swapped", "keys or key order wrong",
       lambda c: c.j.__setitem__(2, dict([("category", c.j[2]["category"])] +
                                         [(k, v) for k, v in c.j[2].items() if k != "category"])))
simple("extra key in an entry", "keys or key order wrong", lambda c: c.j[7].__setitem__("notes", "x"))
simple("meta entry missing", "meta: ids do not match", lambda c: c.m.pop("k010"))
simple("59 entries", "need a list of 60", lambda c: c.j.pop())
simple("rebuild: json truth edited", "rebuild differs from blind41.json",
       lambda c: c.j[0].__setitem__("truth", c.j[0]["truth"] + " Extra."), True)
simple("rebuild: meta edited", "rebuild differs from blind41-meta.json",
       lambda c: c.m["k001"].__setitem__("qual", "none" if c.m["k001"]["qual"] != "none" else "asked"), True)


@mut("three of one category in a row", "three")
def _(c):
    grp = [x for x in c.j if x["category"] == "off-topic"][:3]
    rest = [x for x in c.j if x not in grp]
    new = rest[:10] + grp + rest[10:]
    old_meta = {x["id"]: c.m[x["id"]] for x in c.j}
    c.m.clear()
    for n, x in enumerate(new, 1):
        c.m["k%03d" % n] = old_meta[x["id"]]
        x["id"] = "k%03d" % n
    c.j[:] = new


# ---------------- dropped flags and fields ----------------
for fld, val in (("plan_review", True), ("iac_error", True), ("newcomer", True), ("timeline", True),
                 ("output_rule", True),
                 ("issue_title", True), ("tried_steps", True), ("json_field", True), ("wrong_command", True),
                 ("other_cloud", True), ("field", "bypass"), ("wrong", "--kek-uri"), ("other", ["AWS"]),
                 ("wrong_premise", True), ("premise", "x"), ("which_of_two", True), ("shape", True)):
    simple("dropped/unknown field %s" % fld, "unknown field %r" % fld, mset("P1", fld, val))

# ---------------- facts and answer facts ----------------
simple("answer_fact not in canonical", "answer_fact not in first canonical",
       lambda c: c.e("P1")["answer_facts"].__setitem__(0, "the hsm refuses azure roles"))
simple("answer_fact only in a related section", "answer_fact not in first canonical",
       lambda c: c.e("FU1")["answer_facts"].__setitem__(0, "matching is case-insensitive"))
simple("answer_fact added from a related section", "answer_fact not in first canonical",
       lambda c: c.e("P4")["answer_facts"].append("also need a way in"))
simple("answer_fact over 7 words", "answer_fact over 7 words",
       lambda c: c.e("V4")["answer_facts"].__setitem__(0, "cannot rotate more often than every 28 days"))
simple("fact not in any section", "fact not in a canonical or related section",
       lambda c: c.e("U3")["facts"].__setitem__(0, "ec keys are fine for registries"))
simple("empty answer_facts", "no answer_facts", eset("TY2", "answer_facts", []))
simple("empty facts", "no facts", eset("TY2", "facts", []))
simple("two_facts with both facts in the first canonical", "two_facts needs one answer_fact only in each",
       lambda c: c.e("P5")["answer_facts"].__setitem__(1, "the documented command"))
simple("two_facts fact in neither canonical", "answer_fact not in either canonical",
       lambda c: c.e("FU2")["answer_facts"].__setitem__(0, "portal makes the role for you"))
simple("two canonicals without flag", "two canonical sections need two_facts", mdel("P2", "two_facts"))
simple("two_facts flag with one canonical", "two_facts needs two canonical sections",
       mset("V4", "two_facts", True))

# ---------------- sections ----------------
simple("unknown section id", "unknown section",
       lambda c: c.e("P4")["related"].__setitem__(0, "acr-cmk/references/networking.md#no-such-anchor"))
simple("canonical repeated in related", "repeated section",
       lambda c: c.e("P4")["related"].append(c.e("P4")["canonical"][0]))
simple("canonical empty", "canonical must hold 1 or 2", eset("U1", "canonical", []))
simple("three canonicals", "canonical must hold 1 or 2",
       lambda c: c.e("U1")["canonical"].extend(c.e("U1")["related"][:2]))
simple("first canonical in a scenario", "first canonical not a reference doc",
       lambda c: c.e("TS2")["canonical"].__setitem__(0, SCENARIO_SECTION))
simple("related empty", "related is empty", eset("Y2", "related", []))

# ---------------- kinds, styles, truths, categories ----------------
simple("unknown kind", "bad kind", mset("V1", "kind", "opinion"))
simple("yes truth opening No", "yes truth must open 'Yes: '",
       lambda c: c.e("Y2").__setitem__("truth", "No: " + c.e("Y2")["truth"][5:]))
simple("no truth without No", "no truth must open 'No: '",
       lambda c: c.e("TY1").__setitem__("truth", c.e("TY1")["truth"][4:]))
simple("undocumented truth without verdict", "undocumented truth must open 'Not documented'",
       lambda c: c.e("U3").__setitem__("truth", c.e("U3")["truth"][16:]))
simple("off-topic truth without verdict", "off-topic truth must open 'Not covered: '",
       lambda c: c.e("X3").__setitem__("truth", c.e("X3")["truth"][13:]))
simple("howto truth opening Yes", "howto truth opens with a verdict word",
       lambda c: c.e("H1").__setitem__("truth", "Yes: " + c.e("H1")["truth"]))
simple("off-topic item with canonical", "off-topic item must have empty lists",
       lambda c: c.e("X4")["canonical"].append("acr-cmk/references/overview.md#default-encryption-at-rest-without-a-cmk"))
simple("off-topic category on an on-topic kind", "off-topic category and kind disagree",
       eset("TS1", "category", "off-topic"))
simple("unknown category", "bad category", eset("TS1", "category", "misc"))
simple("style count broken", "on-topic short count 13", mset("V1", "style", "short"))
simple("unknown style", "bad style", mset("V1", "style", "medium"))
simple("kind count broken", "kind howto count 13", mset("W1", "kind", "why"))
simple("kind group missing from a style", "kind group yes/no missing from style agent",
       chain(mset("W5", "kind", "value"), mset("N1", "kind", "value"),
             tset("W5", "Recovering the key is enough."),
             tset("N1", "The module takes key vaults only, not a Managed HSM.")))
simple("category above 9", "category hsm count 10", eset("P2", "category", "hsm"))
simple("category below 2", "category network count 1", eset("P4", "category", "keys"))

# ---------------- style rules ----------------
simple("long post too short", "long question length", qset("U1", "Is zone redundancy fine with CMK?"))
simple("long post too long", "long question length",
       lambda c: c.e("U1").__setitem__("question", c.e("U1")["question"] + (" Some more background here." * 60)))
simple("short question of 15 words", "short question has 15 words",
       qset("Y2", "az keyvault key create with an existing key name just adds one more version, right"))
simple("short question on two lines", "short question spans lines", qrep("Y2", "name just", "name\njust"))
simple("agent query of 50 words", "agent query has",
       lambda c: c.e("H1").__setitem__("question", c.e("H1")["question"] + " Please" + " also" * 30 + "."))
simple("agent query on two lines", "agent query spans lines", qrep("H1", " Task:", "\nTask:"))
simple("context form without Context:", "context form must open with 'Context:'",
       lambda c: c.e("TS3").__setitem__("question", c.e("TS3")["question"][len("Context: "):]))
simple("imperative form without verb", "imperative form must open with an imperative verb",
       qrep("U4", "Summarize how", "I wonder how"))
simple("keywords form opening uppercase", "keywords form must open lowercase",
       lambda c: c.e("V4").__setitem__("question", "M" + c.e("V4")["question"][1:]))
simple("keywords form with ?", "keywords form must open lowercase", qrep("V4", "manage it", "manage it?"))
simple("form on a short item", "form on a non-agent item", mset("Y2", "form", "keywords"))
simple("agent forms miscounted", "on-topic agent form context count 4",
       chain(mset("H1", "form", "imperative"), qrep("H1", "Context: registry", "Explain: registry")))
simple("off-topic agent forms miscounted", "off-topic agent form keywords count 0",
       chain(mset("X9", "form", "imperative"),
             lambda c: c.e("X9").__setitem__("question", "Explain " + c.e("X9")["question"])))


@mut("three short questions not lowercase", "short questions not lowercase (max 2)")
def _(c):
    for k in ("Y2", "TS1", "U3"):
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
           "cli": "tool", "kid": "key handle", "id": "name", "rg": "group", "sku": "tier"}
    for x in c.j:
        if c.m[x["id"]]["style"] == "short":
            x["question"] = re.sub(r"\b(%s)\b" % "|".join(rep), lambda mm: rep[mm.group(1).lower()],
                                   x["question"], flags=re.I)


# ---------------- qualifiers ----------------
simple("hsm qualifier without Managed HSM", "hsm qualifier but no Managed HSM in the question",
       mset("FU1", "quals", ["hsm"]))
simple("iac qualifier without a tool", "iac qualifier but no portal/Terraform/Bicep/ARM/AVM",
       mset("NN4", "quals", ["iac"]))
simple("October 2026 truth without Managed HSM", "October 2026 truth names neither",
       tset("TY1", "No: the local role at the key's scope covers every version of that key."))
simple("qual asked recorded as story", "qual is 'story', should be 'asked'", mset("W3", "qual", "story"))
simple("quals without qual none", "qual is 'asked', should be 'none'", mset("FU1", "qual", "asked"))
simple("unknown qualifier", "bad quals", mset("W3", "quals", ["hsm", "oct2026", "k8s"]))


@mut("Managed HSM asked floor", "floor: Managed HSM asked")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "hsm" in mm.get("quals", []):
            n += 1
            if n > 9:
                mm["quals"] = [q for q in mm["quals"] if q != "hsm"]
                mm["qual"] = "none" if not mm["quals"] else "story"


@mut("Managed HSM asked in too few ways (qualifier dropped)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    for k in ("P2", "P3"):
        mm = c.meta(k)
        mm["quals"] = [q for q in mm["quals"] if q != "hsm"]
        mm["qual"] = "story"


@mut("Managed HSM asked in too few ways (asks reworded)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    c.q_rep("P3", "so that the registry is really cut off?", "so that the registry really goes dark?")
    c.q_rep("P2", "which version of the Managed HSM key is crtelem really on,",
            "where does crtelem stand with the Managed HSM key,")


@mut("iac named floor", "floor: portal/Terraform/Bicep/ARM/AVM named")
def _(c):
    for k in ("IAC1", "U1"):
        mm = c.meta(k)
        mm["quals"] = [q for q in mm["quals"] if q != "iac"]
        mm["qual"] = "none" if not mm["quals"] else mm["qual"]


@mut("October 2026 floor", "floor: October 2026")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "oct2026" in mm.get("quals", []) and n < 15:
            mm["quals"] = [q for q in mm["quals"] if q != "oct2026"]
            n += 1


# ---------------- spread and per-doc ----------------
@mut("spread against blind40", "spread: only")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind40-first-canonicals.txt")) if x.strip()]
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < 16 and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [firsts[n]]
            x["related"] = [r for r in x["related"] if r != firsts[n]] or [firsts[n + 20]]
            n += 1


@mut("spread against blind40 and blind39", "first canonicals new against blind40 and blind39")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind39-first-canonicals.txt")) if x.strip()]
    b40 = {x.strip() for x in open(os.path.join(c.d, "prev", "blind40-first-canonicals.txt"))}
    pool = [f for f in dict.fromkeys(firsts) if f not in b40]
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < min(32, len(pool)) and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [pool[n]]
            x["related"] = [r for r in x["related"] if r != pool[n]] or ["acr-cmk/references/overview.md#requirements-at-a-glance"]
            n += 1


simple("troubleshooting doc above 8", "first canonical doc troubleshooting count 9",
       lambda c: c.e("V1")["canonical"].__setitem__(0, "acr-cmk/references/troubleshooting.md#check-health-reports-cmk_error"))
simple("networking doc below 2", "first canonical doc networking count 1",
       lambda c: c.e("P4")["canonical"].__setitem__(0, "acr-cmk/references/overview.md#network-requirement-for-a-locked-down-key-vault"))
simple("blind40 first-canonical list missing", "first-canonical list missing: blind40",
       lambda c: os.remove(os.path.join(c.d, "prev", "blind40-first-canonicals.txt")))


@mut("blind39 first-canonical list cut to 47", "blind39 has 47 lines")
def _(c):
    p = os.path.join(c.d, "prev", "blind39-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:47])


# ---------------- typos ----------------
def plant_prev(n, word):
    def f(c):
        p = os.path.join(c.d, "prev", "blind%d.json" % n)
        data = json.load(open(p))
        data[4]["question"] += " " + word
        json.dump(data, open(p, "w"))
    return f


simple("typo planted in blind20", "typo 'vesion' already used in blind19-40", plant_prev(20, "vesion"))
simple("typo planted in blind40", "typo 'comand' already used in blind19-40", plant_prev(40, "comand"))
simple("typo moved to an off-topic short", "typo must sit in a short on-topic question",
       chain(mdel("TY2", "typo"), qrep("TY2", "acces", "access"), mset("X10", "typo", "acces"),
             qrep("X10", "database", "acces database")))
simple("typo fixed in the question", "typo 'comand' not in the question", qrep("TY3", "comand", "command"))
simple("unrecorded typo in another question", "unrecorded typo 'vesion'", qrep("Y2", "adds a version", "adds a vesion"))
simple("typo used twice", "typo 'acces' used 2 times",
       chain(mset("V3", "typo", "acces"), qrep("V3", "not the acr one", "not the acr acces one")))
simple("unknown typo word", "not in the set's typo list", chain(mset("TY1", "typo", "verson"), qrep("TY1", "vesion", "verson")))


@mut("typo added to the knowledge", "typo 'comand' stands in the knowledge or facts")
def _(c):
    p = c.kfile("acr-cmk/references/overview.md")
    open(p, "a").write("\ncomand\n")


# ---------------- copying ----------------
simple("knowledge 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("A1", "The release team is worried:", "The registry cannot unwrap its data without the key, so the release team is worried:"))
simple("fact-sheet 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("A1", "The release team is worried:", "Local RBAC changes can take several minutes to propagate, and the release team is worried:"))
simple("knowledge command line inside a fence", "12-token run (fences included) shared with knowledge/facts",
       qrep("U2", "}\n```", "}\naz keyvault key rotate --name \"$KEY_NAME\" --vault-name \"$KEY_VAULT_NAME\"\n```"))
simple("pasted error moved into prose", "8-token run shared with knowledge/facts",
       qrep("FU1", "Did that for kv-geo-weu", "The CLI said Cannot set policies to a vault with '--enable-rbac-authorization' specified. Did that for kv-geo-weu"))
simple("fence with knowledge prose", "12-token run (fences included)",
       qrep("IAC1", "Error: Unsupported argument\n", "Error: Unsupported argument\nthe registry cannot unwrap its data without the key so deleting the key store\n"))
simple("blind19-39 8-token run", "8-token run shared with blind19-40",
       lambda c: c.e("A1").__setitem__("question", c.e("A1")["question"] + " " + prevq(30, 8)(c)[:120]))
simple("blind40 8-token run", "8-token run shared with blind19-40",
       lambda c: c.e("A1").__setitem__("question", c.e("A1")["question"] + " " + prevq(40, 2)(c)[:150]))
simple("blind40 question repeated", "Jaccard > 0.6 with blind40",
       lambda c: c.e("V1").__setitem__("question", prevq(40, 2)(c)))
simple("blind39 question repeated", "Jaccard > 0.6 with blind39",
       lambda c: c.e("Y2").__setitem__("question", prevq(39, 40)(c)))
simple("near-duplicate inside the set", "Jaccard > 0.6 with",
       lambda c: c.e("EO4").__setitem__("question", c.e("W3")["question"].replace("give", "grant")))
simple("truth copies a knowledge sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("EO3").__setitem__("truth", c.e("EO3")["truth"] + " Soft delete alone keeps deleted keys and vaults recoverable, but someone with purge rights can still destroy them permanently before the retention period ends."))
simple("truth copies a fact-sheet sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("NN5").__setitem__("truth", c.e("NN5")["truth"] + " If the assignment is correct and the operation still fails, wait and retry."))
simple("question copies a knowledge sentence", "question copies a knowledge/fact sentence",
       qrep("U1", "Zone redundancy cannot", "Registries without a CMK are still encrypted at rest with Microsoft-managed keys. Zone redundancy cannot"))
simple("question echoes a heading", "question echoes a heading",
       qrep("U1", "Zone redundancy cannot", "Rotate on a schedule with a Key Vault rotation policy, they said. Zone redundancy cannot"))


def drop_from_sources(text, repl):
    def f(c):
        for root in (os.path.join(c.d, "k"), os.path.join(c.d, "facts")):
            for dd, _, files in os.walk(root):
                for fn in files:
                    p = os.path.join(dd, fn)
                    s = open(p, encoding="utf-8").read()
                    open(p, "w", encoding="utf-8").write(s.replace(text, repl))
    return f


simple("error anchor removed from sources", "error anchor not in sources",
       drop_from_sources("Failed to access KeyId", "Failed to reach KeyId"))
simple("new error anchor removed from sources", "error anchor not in sources",
       drop_from_sources("is not a valid value for '--key-permissions'", "is not valid for '--key-permissions'"))


@mut("knowledge heading renamed", "unknown section")
def _(c):
    p = c.kfile("acr-cmk/references/managed-hsm.md")
    s = open(p, encoding="utf-8").read()
    open(p, "w", encoding="utf-8").write(s.replace("## Rotate a Managed HSM key", "## Rotating keys in a Managed HSM"))


@mut("knowledge text edited under an answer fact", "answer_fact not in first canonical")
def _(c):
    p = c.kfile("acr-cmk/references/limitations.md")
    s = open(p, encoding="utf-8").read()
    if "retained for **24 hours** only" not in s:
        raise AssertionError("setup: text not in limitations.md")
    open(p, "w", encoding="utf-8").write(s.replace("retained for **24 hours** only", "kept for one day"))


@mut("fact sheets missing", "fact sheets missing")
def _(c):
    for f in os.listdir(os.path.join(c.d, "facts")):
        os.remove(os.path.join(c.d, "facts", f))


simple("prev file missing", "prev file missing: blind27.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind27.json")))
simple("blind40 prev file missing", "prev file missing: blind40.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind40.json")))

# ---------------- off-topic ----------------
simple("banned blind40 subject", "banned off-topic subject 'restic'",
       chain(mset("X11", "subject", "restic"), qset("X11", "how do i back up registry exports with restic")))
simple("banned blind39 subject", "banned off-topic subject 'openbao'",
       chain(mset("X11", "subject", "openbao"), qset("X11", "how do i sync openbao secrets into a vault")))
simple("blind40 subject in another question", "off-topic question names banned 'veracrypt'",
       qrep("X8", "with clevis", "with clevis or a veracrypt volume"))
simple("subject planted in blind33", "subject 'keepass' used in blind19-40", plant_prev(33, "keepass"))
simple("subject planted in blind40", "subject 'traefik' used in blind19-40", plant_prev(40, "traefik"))
simple("subject not in question", "subject 'fido2' not in the question",
       qset("X11", "how do we enrol hardware security keys for our azure portal admins?"))
simple("banned key word in off-topic", "off-topic question names banned 'kubernetes'",
       qrep("X2", "into several clusters", "into several Kubernetes clusters"))
simple("banned key word kms", "off-topic question names banned 'kms'", qrep("X7", "registry and key vault", "registry, key vault and kms"))
simple("near_miss on an agent item", "near_miss only on long off-topic posts", mset("X7", "near_miss", True))
simple("near-miss floor", "floor: near misses", chain(mdel("X1", "near_miss"), mdel("X2", "near_miss")))


@mut("off-topic story floor", "floor: long off-topic registry+key stories")
def _(c):
    for k in ("X1", "X4"):
        e = c.e(k)
        e["question"] = re.sub(r"\bregistr\w*", "service", e["question"], flags=re.I)


simple("off-topic subject missing", "off-topic subject missing", mdel("X6", "subject"))
simple("shape flag on off-topic", "shape flag follow_up on an off-topic item", mset("X6", "follow_up", True))
simple("subject on an on-topic item", "subject/near_miss on an on-topic item", mset("P2", "subject", "x"))


# ---------------- long measures ----------------
@mut("fenced long floor", "floor: fenced long posts")
def _(c):
    for k in ("U1", "U2"):
        e = c.e(k)
        e["question"] = e["question"].replace("```bicep", "").replace("```hcl", "").replace("```", "")


@mut("fenced troubleshoot floor", "floor: fenced long troubleshoot posts")
def _(c):
    for k in ("P1", "P3", "IAC1"):
        e = c.e(k)
        e["question"] = e["question"].replace("```", "'''")


@mut("two-asks floor", "floor: long posts asking two things")
def _(c):
    c.q_rep("IAC1", "crledger? And how", "crledger, and how")
    c.q_rep("V1", "principal ID? And does", "principal ID, and does")


@mut("last-sentence ask floor", "floor: long posts asking only in the last sentence")
def _(c):
    for x in c.j:
        if c.m[x["id"]]["style"] == "long" and c.m[x["id"]]["kind"] != "off-topic":
            x["question"] = "Quick question? " + x["question"]


# ---------------- pasted_output ----------------
simple("pasted_output on a short item", "pasted_output must be a long post", mset("Y2", "pasted_output", True))
simple("pasted_output without an az read command", "pasted_output names no az read command",
       qrep("P4", "$ az keyvault show -n kv-lab-cmk -g rg-lab --query properties.networkAcls -o json", "network settings dump:"))
simple("pasted_output with the output outside fences", "pasted_output needs a fence holding JSON or table output",
       lambda c: c.e("P5").__setitem__("question", c.e("P5")["question"].replace("```", "")))
simple("pasted_output output before its command", "pasted_output output comes before its az command",
       chain(qrep("P4", "$ az keyvault show -n kv-lab-cmk -g rg-lab --query properties.networkAcls -o json\n", ""),
             qrep("P4", "That address is our office", "That came from az keyvault show -n kv-lab-cmk --query properties.networkAcls. That address is our office")))
simple("pasted_output ask before the paste", "pasted_output ask must come after the pasted output",
       lambda c: c.e("P2").__setitem__("question", "Which key version is this? " + c.e("P2")["question"].replace("new one?", "new one.")))
simple("pasted_output ask without a meaning or next-step cue", "pasted_output ask holds no meaning/next-step cue",
       qrep("P2", "Reading this output, which version of the Managed HSM key is crtelem really on, and what do we do so that it moves to the new one?",
            "Which version of the Managed HSM key is crtelem really on, and when will it move to the new one?"))
simple("pasted_output output copied from the knowledge", "pasted_output output copies knowledge/facts",
       qrep("P2", '"keyRotationEnabled": false,',
            '"keyIdentifier": "https://kv-acr-cmk-001.vault.azure.net/keys/acr-cmk-key",\n    "keyRotationEnabled": true,\n    "lastKeyRotationTimestamp": "2026-11-29T10:15:00+00:00",\n    "keyRotationEnabled": false,'))
simple("pasted_output truth names nothing from the output", "pasted_output truth names nothing shown in the output",
       tset("P3", "Delete both remaining assignments, at / and at /keys, and all registry data is blocked."))
simple("pasted_output floor", "floor: shape pasted_output 4 < 5", mdel("P5", "pasted_output"))

# ---------------- either_or ----------------
simple("either_or without 'or' in the ask", "either_or asking part names no two alternatives",
       qset("EO4", "purge protection on the cmk kv: is it required?"))
simple("either_or with only 'or not'", "either_or asking part names no two alternatives",
       qrep("EO1", "once at /keys, so next year's key just works, or separately at each key's own scope like /keys/core-kek-2026?",
            "once at /keys so that next year's key just works, or not?"))
simple("either_or on a yes/no item", "either_or on a yes/no item",
       chain(mset("EO5", "kind", "yes"), lambda c: c.e("EO5").__setitem__("truth", "Yes: " + c.e("EO5")["truth"])))
simple("either_or truth names neither alternative", "either_or truth names neither alternative",
       tset("EO4", "Only the retired 2020 preview page made it mandatory; soft delete is on by default."))
simple("either_or floor", "floor: shape either_or 4 < 5", mdel("EO5", "either_or"))

# ---------------- without ----------------
simple("without missing from the ask", "without not in the asking part",
       qset("W3", "give acr identity access to one managed hsm key, not the whole hsm?"))
simple("without only in the story", "without not in the asking part",
       qrep("W2", "Can crmail be moved onto an HSM-held key in that Managed HSM without rebuilding the registry?",
            "We would like to do it without rebuilding the registry. Can crmail be moved onto an HSM-held key in that Managed HSM?"))
simple("without truth with no need or possibility cue", "without truth says nothing about what is still needed",
       tset("W5", "Yes: recover it with az keyvault key recover and registry operations resume once the key is back."))
simple("without floor", "floor: shape without 4 < 5", mdel("W4", "without"))

# ---------------- non_native ----------------
simple("non_native with one slip", "non_native has 1 slip(s)",
       qset("NN4", "acr cli say it can not remove the identity, it is from another rg. why"))
simple("non_native in native English", "non_native has 0 slip(s)",
       qset("NN5", "Context: a user writes that az acr create with a Managed HSM key fails one minute after they assigned the local role, and the role is already listed. Task: explain why this happens and what they should do."))
simple("non_native with only correct indirect questions", "non_native has 0 slip(s)",
       qset("NN3", "Good morning. We are moving our builds to ACR Tasks on registry crfactory, which has been encrypted with our own key from the start. Our QA team needs the run logs for two weeks of investigation, but yesterday they told me Monday's logs no longer exist. I searched the portal and the CLI settings for a retention value and found nothing. Please tell me how long the logs stay on such a registry, whether a setting makes it longer, and what we must do."))
simple("non_native with an auxiliary before the subject", "non_native has 0 slip(s)",
       qset("NN4", "why does the cli say it cannot remove the identity from another rg"))
simple("non_native floor", "floor: shape non_native 4 < 5", mdel("NN1", "non_native"))

# ---------------- follow_up ----------------
simple("follow_up without a reference", "follow_up has no reference to an earlier answer",
       qrep("FU1", "You said yesterday that", "A wiki page says that"))
simple("follow_up reference after the ask", "follow_up reference must come before the ask",
       qset("FU4", "how do i drop the version from the hsm kid? that worked, thanks."))
simple("follow_up floor", "floor: shape follow_up 4 < 5", mdel("FU3", "follow_up"))

# ---------------- two_facts ----------------
simple("two_facts floor", "floor: shape two_facts 3 < 4",
       chain(mdel("P2", "two_facts"), lambda c: c.e("P2")["canonical"].pop(),
             lambda c: c.e("P2")["answer_facts"].pop(),
             mdel("P5", "two_facts"), lambda c: c.e("P5")["canonical"].pop(),
             lambda c: c.e("P5")["answer_facts"].pop()))


def run_check(d):
    env = dict(os.environ, BLIND41_DIR=d, BLIND41_KROOT=os.path.join(d, "k"), BLIND41_FACTS=os.path.join(d, "facts"))
    p = subprocess.run([sys.executable, os.path.join(HERE, "check41.py")], env=env, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def fresh(with_build):
    d = tempfile.mkdtemp(prefix="mut-", dir=HERE)
    for f in ("blind41.json", "blind41-meta.json"):
        shutil.copy(os.path.join(HERE, f), d)
    shutil.copytree(os.path.join(HERE, "prev"), os.path.join(d, "prev"))
    shutil.copytree(KROOT, os.path.join(d, "k"))
    shutil.copytree(FACTS, os.path.join(d, "facts"))
    if with_build:
        shutil.copy(os.path.join(HERE, "build41.py"), d)
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
