"""blind44 mutation driver. Each mutation runs on a fresh temp copy (inside blind44/) of the set, prev/,
the knowledge and the fact sheets; it counts as caught only when check44.py exits 1 and prints the
mutation's expected message."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
KROOT = os.environ.get("BLIND44_KROOT", "/work/scratch/kstripped")
FACTS = os.environ.get("BLIND44_FACTS", "/work/shared/facts")
sys.path.insert(0, HERE)
import build44  # noqa: E402
import kparse  # noqa: E402

_entries, _meta = build44.build()
_byq = {q["question"]: q["key"] for q in build44.QUESTIONS}
ID = {_byq[e["question"]]: e["id"] for e in _entries}
SCENARIO_SECTION = next(k for k in kparse.parse_all(KROOT) if k.startswith("acr-cmk/scenarios/"))


class Ctx:
    def __init__(self, d):
        self.d = d
        self.j = json.load(open(os.path.join(d, "blind44.json"), encoding="utf-8"))
        self.m = json.load(open(os.path.join(d, "blind44-meta.json"), encoding="utf-8"))

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
        json.dump(self.j, open(os.path.join(self.d, "blind44.json"), "w", encoding="utf-8"), indent=1)
        json.dump(self.m, open(os.path.join(self.d, "blind44-meta.json"), "w", encoding="utf-8"), indent=1)

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
for pfx in ("m", "j", "k", "h", "g"):
    def f(c, pfx=pfx):
        c.j[5]["id"] = pfx + c.j[5]["id"][1:]
    simple("id prefix %s (earlier set)" % pfx, "bad id at position 6", f)
simple("ids numbered from zero", "bad id at position 1",
       lambda c: [x.__setitem__("id", "e%03d" % (int(x["id"][1:]) - 1)) for x in c.j])
simple("wrong source", "bad source", lambda c: c.j[3].__setitem__("source", "written by hand"))
simple("key order swapped", "keys or key order wrong",
       lambda c: c.j.__setitem__(2, dict([("category", c.j[2]["category"])] +
                                         [(k, v) for k, v in c.j[2].items() if k != "category"])))
simple("extra key in an entry", "keys or key order wrong", lambda c: c.j[7].__setitem__("notes", "x"))
simple("meta entry missing", "meta: ids do not match", lambda c: c.m.pop("e010"))
simple("59 entries", "need a list of 60", lambda c: c.j.pop())
simple("rebuild: json truth edited", "rebuild differs from blind44.json",
       lambda c: c.j[0].__setitem__("truth", c.j[0]["truth"] + " Extra."), True)
simple("rebuild: meta edited", "rebuild differs from blind44-meta.json",
       lambda c: c.m["e001"].__setitem__("qual", "none" if c.m["e001"]["qual"] != "none" else "asked"), True)


@mut("three of one category in a row", "three")
def _(c):
    grp = [x for x in c.j if x["category"] == "off-topic"][:3]
    rest = [x for x in c.j if x not in grp]
    new = rest[:10] + grp + rest[10:]
    old_meta = {x["id"]: c.m[x["id"]] for x in c.j}
    c.m.clear()
    for n, x in enumerate(new, 1):
        c.m["e%03d" % n] = old_meta[x["id"]]
        x["id"] = "e%03d" % n
    c.j[:] = new


# ---------------- dropped flags and fields ----------------
for fld, val in [(f, True) for f in ("step_list", "what_happens", "outage", "docs_claim", "pipeline",
                                     "script_paste", "difference", "auditor", "many_registries", "first_timer",
                                     "pasted_output", "either_or", "without", "non_native", "follow_up",
                                     "plan_review", "iac_error", "newcomer", "timeline", "output_rule",
                                     "issue_title", "tried_steps", "json_field", "wrong_command", "other_cloud",
                                     "wrong_premise", "which_of_two", "shape")] + \
        [("field", "bypass"), ("wrong", "--kek-uri"), ("other", ["AWS"]), ("premise", "x")]:
    simple("dropped/unknown field %s" % fld, "unknown field %r" % fld, mset("L1", fld, val))

# ---------------- facts and answer facts ----------------
simple("answer_fact not in canonical", "answer_fact not in first canonical",
       lambda c: c.e("L5")["answer_facts"].__setitem__(0, "the hsm refuses azure roles"))
simple("answer_fact only in a related section", "answer_fact not in first canonical",
       lambda c: c.e("L6")["answer_facts"].__setitem__(0, "never grants key use"))
simple("answer_fact added from a related section", "answer_fact not in first canonical",
       lambda c: c.e("L24")["answer_facts"].append("do not pass through that filter"))
simple("answer_fact over 7 words", "answer_fact over 7 words",
       lambda c: c.e("A8")["answer_facts"].__setitem__(0, "cannot access the user-assigned or system-assigned managed identity"))
simple("fact not in any section", "fact not in a canonical or related section",
       lambda c: c.e("S8")["facts"].__setitem__(0, "task logs are kept forever on premium"))
simple("empty answer_facts", "no answer_facts", eset("S5", "answer_facts", []))
simple("empty facts", "no facts", eset("S5", "facts", []))
simple("two_facts with both facts in the first canonical", "two_facts needs one answer_fact only in each",
       lambda c: c.e("L13")["answer_facts"].__setitem__(1, "az acr import copies one image"))
simple("two_facts fact in neither canonical", "answer_fact not in either canonical",
       lambda c: c.e("L23")["answer_facts"].__setitem__(0, "the portal makes the role for you"))
simple("two canonicals without flag", "two canonical sections need two_facts", mdel("L19", "two_facts"))
simple("two_facts flag with one canonical", "two_facts needs two canonical sections",
       mset("A8", "two_facts", True))

# ---------------- sections ----------------
simple("unknown section id", "unknown section",
       lambda c: c.e("L2")["related"].__setitem__(0, "acr-cmk/references/networking.md#no-such-anchor"))
simple("canonical repeated in related", "repeated section",
       lambda c: c.e("L2")["related"].append(c.e("L2")["canonical"][0]))
simple("canonical empty", "canonical must hold 1 or 2", eset("L18", "canonical", []))
simple("three canonicals", "canonical must hold 1 or 2",
       lambda c: c.e("L18")["canonical"].extend(c.e("L18")["related"][:2]))
simple("first canonical in a scenario", "first canonical not a reference doc",
       lambda c: c.e("S7")["canonical"].__setitem__(0, SCENARIO_SECTION))
simple("related empty", "related is empty", eset("S9", "related", []))

# ---------------- kinds, styles, truths, categories ----------------
simple("unknown kind", "bad kind", mset("A8", "kind", "opinion"))
simple("yes truth opening No", "yes truth must open 'Yes: '",
       lambda c: c.e("S1").__setitem__("truth", "No: " + c.e("S1")["truth"][5:]))
simple("no truth without No", "no truth must open 'No: '",
       lambda c: c.e("L9").__setitem__("truth", c.e("L9")["truth"][4:]))
simple("undocumented truth without verdict", "undocumented truth must open 'Not documented'",
       lambda c: c.e("S11").__setitem__("truth", c.e("S11")["truth"][16:]))
simple("off-topic truth without verdict", "off-topic truth must open 'Not covered: '",
       lambda c: c.e("X3").__setitem__("truth", c.e("X3")["truth"][13:]))
simple("howto truth opening Yes", "howto truth opens with a verdict word",
       lambda c: c.e("A7").__setitem__("truth", "Yes: " + c.e("A7")["truth"]))
simple("off-topic item with canonical", "off-topic item must have empty lists",
       lambda c: c.e("X4")["canonical"].append("acr-cmk/references/overview.md#default-encryption-at-rest-without-a-cmk"))
simple("off-topic category on an on-topic kind", "off-topic category and kind disagree",
       eset("A10", "category", "off-topic"))
simple("unknown category", "bad category", eset("A10", "category", "misc"))
simple("style count broken", "on-topic short count 13", mset("A8", "style", "short"))
simple("unknown style", "bad style", mset("A8", "style", "medium"))
simple("kind count broken", "kind howto count 13", mset("L12", "kind", "why"))
simple("kind group missing from a style", "kind group yes/no missing from style agent",
       chain(mset("A5", "kind", "value"), mset("A11", "kind", "value"),
             tset("A5", "Purge protection stays on for good once enabled; recovery still works."),
             tset("A11", "The CLI passes a Managed HSM key URI through unchanged on 2.63 as well.")))
simple("category above 9", "category hsm count 10",
       chain(eset("L3", "category", "hsm"), eset("A1", "category", "hsm")))
simple("category below 2", "category keys count 1", chain(eset("L16", "category", "setup"), eset("S2", "category", "setup")))

# ---------------- style rules ----------------
simple("long post too short", "long question length", qset("L18", "Is our retention job deleting signatures?"))
simple("long post too long", "long question length",
       lambda c: c.e("L18").__setitem__("question", c.e("L18")["question"] + (" Some more background here." * 60)))
simple("short question of 15 words", "short question has 15 words",
       qset("S9", "az acr create fails, it says i passed the idnetity but gave no key uri"))
simple("short question on two lines", "short question spans lines", qrep("S9", " but no", "\nbut no"))
simple("agent query of 50 words", "agent query has",
       lambda c: c.e("A8").__setitem__("question", c.e("A8")["question"] + " please" + " also" * 30))
simple("agent query on two lines", "agent query spans lines", qrep("A3", " Question:", "\nQuestion:"))
simple("context form without Context:", "context form must open with 'Context:'",
       lambda c: c.e("A4").__setitem__("question", c.e("A4")["question"][len("Context: "):]))
simple("imperative form without verb", "imperative form must open with an imperative verb",
       qrep("A6", "List, in order,", "I need, in order,"))
simple("keywords form opening uppercase", "keywords form must open lowercase",
       lambda c: c.e("A12").__setitem__("question", "W" + c.e("A12")["question"][1:]))
simple("keywords form with ?", "keywords form must open lowercase", qrep("A12", "wants the principal id", "wants the principal id?"))
simple("form on a short item", "form on a non-agent item", mset("S9", "form", "keywords"))
simple("agent forms miscounted", "on-topic agent form context count 4",
       chain(mset("A3", "form", "imperative"), qrep("A3", "Context: with", "Explain: with")))
simple("off-topic agent forms miscounted", "off-topic agent form keywords count 0",
       chain(mset("X9", "form", "imperative"),
             lambda c: c.e("X9").__setitem__("question", "Explain " + c.e("X9")["question"])))


@mut("three short questions not lowercase", "short questions not lowercase (max 2)")
def _(c):
    for k in ("S7", "S9", "S11"):
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
           "rbac": "role mode", "kek": "key", "mi": "identity"}
    for x in c.j:
        if c.m[x["id"]]["style"] == "short":
            x["question"] = re.sub(r"\b(%s)\b" % "|".join(rep), lambda mm: rep[mm.group(1).lower()],
                                   x["question"], flags=re.I)


# ---------------- qualifiers ----------------
simple("hsm qualifier without Managed HSM", "hsm qualifier but no Managed HSM in the question",
       mset("L3", "quals", ["hsm"]))
simple("iac qualifier without a tool", "iac qualifier but no portal/Terraform/Bicep/ARM/AVM",
       mset("S7", "quals", ["iac"]))
simple("October 2026 truth without Managed HSM", "October 2026 truth names neither",
       tset("S10", "Allow your client IP on the firewall, or paste the key URI instead of using the picker."))
simple("qual asked recorded as story", "qual is 'story', should be 'asked'", mset("A11", "qual", "story"))
simple("quals without qual none", "qual is 'asked', should be 'none'", mset("L3", "qual", "asked"))
simple("unknown qualifier", "bad quals", mset("A11", "quals", ["hsm", "oct2026", "k8s"]))


@mut("Managed HSM asked floor", "floor: Managed HSM asked")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "hsm" in mm.get("quals", []):
            n += 1
            if n > 9:
                mm["quals"] = [q for q in mm["quals"] if q != "hsm"]
                ask = build44.ask_part(x["question"])
                mm["qual"] = "none" if not mm["quals"] else (
                    "asked" if "iac" in mm["quals"] and build44.IAC_RE.search(ask) else "story")


@mut("Managed HSM asked in too few ways (qualifiers dropped)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    for k in ("A11", "L22"):
        mm = c.meta(k)
        mm["quals"] = [q for q in mm["quals"] if q != "hsm"]
        mm["qual"] = "story"


@mut("Managed HSM asked in too few ways (asks reworded)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    c.q_rep("A4", "how do I undo the revocation on the Managed HSM", "how do I reverse that on the Managed HSM")
    c.q_rep("A10", "which version of the Managed HSM key is the registry using right now, and where do I read it?",
            "how do I see the Managed HSM key version the registry has picked up?")


@mut("iac named floor", "floor: portal/Terraform/Bicep/ARM/AVM named")
def _(c):
    for k in ("L1", "L2"):
        mm = c.meta(k)
        mm["quals"] = [q for q in mm["quals"] if q != "iac"]
        mm["qual"] = "none" if not mm["quals"] else mm["qual"]


@mut("October 2026 floor", "floor: October 2026")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "oct2026" in mm.get("quals", []) and n < 4:
            mm["quals"] = [q for q in mm["quals"] if q != "oct2026"]
            n += 1


# ---------------- spread and per-doc ----------------
@mut("spread against blind43", "first canonicals new against blind43 (floor 30)")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind43-first-canonicals.txt")) if x.strip()]
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < 20 and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [firsts[n]]
            x["related"] = [r for r in x["related"] if r != firsts[n]] or [firsts[n + 20]]
            n += 1


@mut("spread against blind43 and blind42", "first canonicals new against blind43 and blind42")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind42-first-canonicals.txt")) if x.strip()]
    b43 = {x.strip() for x in open(os.path.join(c.d, "prev", "blind43-first-canonicals.txt"))}
    pool = [f for f in dict.fromkeys(firsts) if f not in b43]
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < min(32, len(pool)) and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [pool[n]]
            x["related"] = [r for r in x["related"] if r != pool[n]] or ["acr-cmk/references/overview.md#requirements-at-a-glance"]
            n += 1


simple("troubleshooting doc above 8", "first canonical doc troubleshooting count 9",
       lambda c: c.e("L16")["canonical"].__setitem__(0, "acr-cmk/references/troubleshooting.md#cmk-needs-the-premium-tier"))
simple("networking doc below 2", "first canonical doc networking count 1",
       lambda c: c.e("L24")["canonical"].__setitem__(0, "acr-cmk/references/overview.md#network-requirement-for-a-locked-down-key-vault"))
simple("blind43 first-canonical list missing", "first-canonical list missing: blind43",
       lambda c: os.remove(os.path.join(c.d, "prev", "blind43-first-canonicals.txt")))


@mut("blind42 first-canonical list cut to 47", "blind42 has 47 lines")
def _(c):
    p = os.path.join(c.d, "prev", "blind42-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:47])


@mut("blind43 first-canonical list cut to 40", "blind43 has 40 lines")
def _(c):
    p = os.path.join(c.d, "prev", "blind43-first-canonicals.txt")
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


simple("typo planted in blind20", "typo 'expot' already used in blind19-43", plant_prev(20, "expot"))
simple("typo planted in blind43", "typo 'idnetity' already used in blind19-43", plant_prev(43, "idnetity"))
simple("typo moved to an off-topic short", "typo must sit in a short on-topic question",
       chain(mdel("S8", "typo"), qrep("S8", "expot", "export"), mset("X10", "typo", "expot"),
             qrep("X10", "how to regenerate it", "how to expot it")))
simple("typo fixed in the question", "typo 'idnetity' not in the question", qrep("S9", "idnetity", "identity"))
simple("unrecorded typo in another question", "unrecorded typo 'vesions'",
       qrep("S7", "whether each has cmk on", "whether each has cmk vesions on"))
simple("typo used twice", "typo 'vesions' used 2 times",
       chain(mset("S12", "typo", "vesions"), qrep("S12", "2048 or 4096?", "2048 or 4096 vesions?")))
simple("unknown typo word", "not in the set's typo list",
       chain(mset("S11", "typo", "vesons"), qrep("S11", "vesions", "vesons")))


@mut("typo added to the knowledge", "typo 'expot' stands in the knowledge or facts")
def _(c):
    p = c.kfile("acr-cmk/references/overview.md")
    open(p, "a").write("\nexpot\n")


# ---------------- copying ----------------
simple("knowledge 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L21", "A colleague meanwhile points", "The registry cannot unwrap its data without the key, and a colleague meanwhile points"))
simple("fact-sheet 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L21", "A colleague meanwhile points", "Local RBAC changes can take several minutes to propagate, and a colleague meanwhile points"))
simple("knowledge command line inside a fence", "12-token run (fences included) shared with knowledge/facts",
       qrep("L23", 'echo "using $PELICAN_URI"\n', 'echo "using $PELICAN_URI"\naz keyvault key rotate --name "$KEY_NAME" --vault-name "$KEY_VAULT_NAME"\n'))
simple("pasted error moved into prose", "8-token run shared with knowledge/facts",
       qrep("L15", "Image pulls still seem", "The CLI said Cannot set policies to a vault with '--enable-rbac-authorization' specified. Image pulls still seem"))
simple("fence with knowledge prose", "12-token run (fences included)",
       qrep("L12", "/7d02c4e9a1b84f55b6e0c3a9f2d17e48\n```", "/7d02c4e9a1b84f55b6e0c3a9f2d17e48\n the registry cannot unwrap its data without the key so deleting the key store\n```"))
simple("blind19-40 8-token run", "8-token run shared with blind19-43",
       lambda c: c.e("L16").__setitem__("question", c.e("L16")["question"] + " " + prevq(30, 8)(c)[:120]))
simple("blind43 8-token run", "8-token run shared with blind19-43",
       lambda c: c.e("L16").__setitem__("question", c.e("L16")["question"] + " " + prevq(43, 2)(c)[:150]))
simple("blind43 question repeated", "Jaccard > 0.6 with blind43",
       lambda c: c.e("A8").__setitem__("question", prevq(43, 5)(c)))
simple("blind42 question repeated", "Jaccard > 0.6 with blind42",
       lambda c: c.e("S9").__setitem__("question", prevq(42, 40)(c)))
simple("near-duplicate inside the set", "Jaccard > 0.6 with",
       lambda c: c.e("A9").__setitem__("question", c.e("A10")["question"].replace("added a new version", "created another version")))
simple("truth copies a knowledge sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("L18").__setitem__("truth", c.e("L18")["truth"] + " Soft delete alone keeps deleted keys and vaults recoverable, but someone with purge rights can still destroy them permanently before the retention period ends."))
simple("truth copies a fact-sheet sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("A7").__setitem__("truth", c.e("A7")["truth"] + " If the assignment is correct and the operation still fails, wait and retry."))
simple("question copies a knowledge sentence", "question copies a knowledge/fact sentence",
       qrep("L21", "A colleague meanwhile points", "Registries without a CMK are still encrypted at rest with Microsoft-managed keys. A colleague meanwhile points"))
simple("question echoes a heading", "question echoes a heading",
       qrep("L21", "A colleague meanwhile points", "Rotate on a schedule with a Key Vault rotation policy, they said. A colleague meanwhile points"))


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
simple("wrap anchor removed from sources", "error anchor not in sources",
       drop_from_sources("is not a valid value for '--key-permissions'", "is not valid for '--key-permissions'"))


@mut("knowledge heading renamed", "unknown section")
def _(c):
    p = c.kfile("acr-cmk/references/managed-hsm.md")
    s = open(p, encoding="utf-8").read()
    old = "## Rotate a Managed HSM key"
    if old not in s:
        raise AssertionError("setup: heading not in managed-hsm.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "## Managed HSM key rotation"))


@mut("knowledge text edited under an answer fact", "answer_fact not in first canonical")
def _(c):
    p = c.kfile("acr-cmk/references/limitations.md")
    s = open(p, encoding="utf-8").read()
    if "Verify in a test subscription" not in s:
        raise AssertionError("setup: text not in limitations.md")
    open(p, "w", encoding="utf-8").write(s.replace("Verify in a test subscription", "Check in a test subscription"))


@mut("fact sheets missing", "fact sheets missing")
def _(c):
    for f in os.listdir(os.path.join(c.d, "facts")):
        os.remove(os.path.join(c.d, "facts", f))


simple("prev file missing", "prev file missing: blind27.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind27.json")))
simple("blind43 prev file missing", "prev file missing: blind43.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind43.json")))

# ---------------- off-topic ----------------
simple("banned blind43 subject", "banned off-topic subject 'borg'",
       chain(mset("X11", "subject", "borg"), qset("X11", "borg repository holding registry backups: how do i change its passphrase?")))
simple("banned blind42 subject", "banned off-topic subject 'tink'",
       chain(mset("X11", "subject", "tink"), qset("X11", "how do i rotate the tink keyset of our backup tool?")))
simple("banned blind41 subject", "banned off-topic subject 'kopia'",
       chain(mset("X11", "subject", "kopia"), qset("X11", "how do i rotate the kopia repository password?")))
simple("blind43 subject in another question", "off-topic question names banned 'sigstore'",
       qrep("X8", "without losing metrics during the switch.", "without losing metrics during the switch, as we did for sigstore."))
simple("subject planted in blind33", "subject 'ceph' used in blind19-43", plant_prev(33, "ceph"))
simple("subject planted in blind43", "subject 'nitrokey' used in blind19-43", plant_prev(43, "nitrokey"))
simple("subject not in question", "subject 'nitrokey' not in the question",
       qset("X12", "usb security stick holding our image signing key, how to reset the user pin?"))
simple("banned key word in off-topic", "off-topic question names banned 'kubernetes'",
       qrep("X1", "without taking the registry offline", "without taking the Kubernetes-hosted registry offline"))
simple("banned key word kms", "off-topic question names banned 'kms'",
       qrep("X2", "held by Venafi TPP", "held by Venafi TPP with a KMS backend"))
simple("near_miss on an agent item", "near_miss only on long off-topic posts", mset("X7", "near_miss", True))
simple("near-miss floor", "floor: near misses", chain(mdel("X1", "near_miss"), mdel("X2", "near_miss")))


@mut("off-topic story floor", "floor: long off-topic registry+key stories")
def _(c):
    for k in ("X5", "X6"):
        e = c.e(k)
        e["question"] = re.sub(r"\bregistr\w*", "service", e["question"], flags=re.I)


simple("off-topic subject missing", "off-topic subject missing", mdel("X6", "subject"))
simple("shape flag on off-topic", "shape flag analogy on an off-topic item", mset("X6", "analogy", True))
simple("subject on an on-topic item", "subject/near_miss on an on-topic item", mset("L1", "subject", "x"))


# ---------------- long measures ----------------
@mut("fenced long floor", "floor: fenced long posts")
def _(c):
    for k in ("L11", "L14", "L24"):
        e = c.e(k)
        e["question"] = e["question"].replace("```json", "").replace("```", "")


@mut("fenced troubleshoot floor", "floor: fenced long troubleshoot posts")
def _(c):
    for k in ("L15", "L16"):
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


# ---------------- analogy ----------------
simple("analogy without another service", "analogy question names no other Azure service",
       qrep("L13", "On our storage accounts we simply switched", "On our other platforms we simply switched"))
simple("analogy ask without the registry", "analogy ask does not ask whether the same holds for the registry",
       qrep("S4", "acr cmk too?", "is that smart?"))
simple("analogy ask without a comparison", "analogy ask does not ask whether the same holds for the registry",
       qrep("S5", "is acr the same or premium only?", "which tier does acr need?"))
simple("analogy truth without a comparison", "analogy truth does not compare with the registry",
       tset("L14", "Give crgranite the versionless key URI; the registry then moves to each new version within about an hour."))
simple("analogy on an unshaped question", "analogy question names no other Azure service", mset("S7", "analogy", True))
simple("analogy floor", "floor: shape analogy 4 < 5", mdel("A3", "analogy"))

# ---------------- undo ----------------
simple("undo without anything done", "undo question names nothing that was done",
       qset("S6", "our acr kek in kv is gone since an hour ago, how to undo"))
simple("undo ask not about going back", "undo ask does not ask about going back",
       qrep("A4", "Question: how do I undo the revocation on the Managed HSM and get crfalcon serving again?",
            "Question: what exactly failed on the Managed HSM side for crfalcon?"))
simple("undo truth without a way back", "undo truth gives no way back",
       tset("L11", "No: CMK stays on for the life of the registry; keep kv-saltmarsh and its key reachable."))
simple("undo floor", "floor: shape undo 4 < 5", mdel("L12", "undo"))

# ---------------- chat_transcript ----------------
simple("chat with too few messages", "chat_transcript needs >= 4 timestamped messages",
       chain(qrep("L8", "[08:34] Lena Brandt: sure, but does \"the CLI accepted it\" mean Microsoft supports the combination?\n", ""),
             qrep("L8", "[08:36] Ravi Menon: the CMK limitations list doesn't mention zones either way\n", "")))
simple("chat with one speaker", "chat_transcript needs >= 2 speakers",
       qrep("L10", "[21:06] Carla Jensen:", "[21:06] Olu Adeyemi:"))
simple("chat timestamps out of order", "chat_transcript timestamps out of order", qrep("L6", "[10:09]", "[09:09]"))
simple("chat without a question in the thread", "chat_transcript has no question inside the thread",
       qrep("L9", "on the new version, right? otherwise", "on the new version, otherwise"))
simple("chat truth naming no speaker", "chat_transcript truth names no speaker",
       lambda c: c.t_rep("L7", "Tomás's idea of setting", "The idea of setting"))
simple("chat on a short item", "chat_transcript must be a long post", mset("S9", "chat_transcript", True))
simple("chat floor", "floor: shape chat_transcript 4 < 5", mdel("L8", "chat_transcript"))

# ---------------- shorthand ----------------
simple("shorthand with too few abbreviations", "shorthand question has 2 abbreviations",
       qrep("S3", "kv has a newer kek", "vault has a newer key"))
simple("shorthand without a misspelling", "shorthand question has no misspelling",
       qrep("S1", "roate encyrption", "rotate encryption"))
simple("shorthand with capitals", "shorthand question has capitals", qrep("A1", "az cli 2.64", "Azure CLI 2.64"))
simple("shorthand truth repeating the misspelling", "shorthand truth repeats the misspelling 'vualt'",
       lambda c: c.e("S2").__setitem__("truth", c.e("S2")["truth"] + " (you wrote vualt)"))
simple("shorthand truth spelling out nothing", "shorthand truth spells out none",
       tset("S2", "Give it Crypto Service Encryption User, scoped to that one's resource ID; access policies are the other model."))
simple("shorthand on a long item", "shorthand must be a short or agent item", mset("L1", "shorthand", True))
simple("shorthand misspelling outside a shorthand item", "shorthand misspelling 'acess' outside a shorthand item",
       qrep("S7", "whether each has cmk on", "whether each has cmk acess on"))


@mut("shorthand misspelling added to the knowledge", "shorthand misspelling 'roate' stands in the knowledge or facts")
def _(c):
    p = c.kfile("acr-cmk/references/key-rotation.md")
    open(p, "a").write("\nroate\n")


simple("shorthand floor", "floor: shape shorthand 4 < 5", mdel("S3", "shorthand"))

# ---------------- pr_diff ----------------
simple("pr_diff fence not tagged as a diff", "pr_diff needs a fenced unified diff", qrep("L5", "```diff", "```bicep"))
simple("pr_diff of an unsupported file type", "pr_diff needs a fenced unified diff",
       lambda c: c.e("L2").__setitem__("question", c.e("L2")["question"].replace(".tf\n", ".txt\n")))
simple("pr_diff without a hunk header", "pr_diff needs a fenced unified diff",
       qrep("L3", "@@ -27,8 +27,8 @@ jobs:\n", ""))
simple("pr_diff without review context", "pr_diff question names no review context",
       qrep("L5", "Small cleanup PR in our Bicep repo.", "Small cleanup in our Bicep repo."))
simple("pr_diff ask not about the change", "pr_diff ask does not ask whether the change is safe",
       qrep("L1", "If I approve this, which key version will the registry end up on over the next year, and is there anything in here that could hurt us?",
            "Who wrote the original module?"))
simple("pr_diff truth without changed code", "pr_diff truth names no code from a changed line",
       tset("L2", "On 5.0 the plan wants to disable encryption, which ACR does not allow, so leave the block in place."))
simple("pr_diff on an agent item", "pr_diff must be a long post", mset("A7", "pr_diff", True))
simple("pr_diff floor", "floor: shape pr_diff 4 < 5", mdel("L4", "pr_diff"))

# ---------------- two_facts ----------------
simple("two_facts floor", "floor: shape two_facts 3 < 4",
       chain(mdel("L13", "two_facts"), lambda c: c.e("L13")["canonical"].pop(),
             lambda c: c.e("L13")["answer_facts"].pop()))


def run_check(d):
    env = dict(os.environ, BLIND44_DIR=d, BLIND44_KROOT=os.path.join(d, "k"), BLIND44_FACTS=os.path.join(d, "facts"))
    p = subprocess.run([sys.executable, os.path.join(HERE, "check44.py")], env=env, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def fresh(with_build):
    d = tempfile.mkdtemp(prefix="mut-", dir=HERE)
    for f in ("blind44.json", "blind44-meta.json"):
        shutil.copy(os.path.join(HERE, f), d)
    shutil.copytree(os.path.join(HERE, "prev"), os.path.join(d, "prev"))
    shutil.copytree(KROOT, os.path.join(d, "k"))
    shutil.copytree(FACTS, os.path.join(d, "facts"))
    if with_build:
        shutil.copy(os.path.join(HERE, "build44.py"), d)
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
