"""blind43 mutation driver. Each mutation runs on a fresh temp copy (inside blind43/) of the set, prev/,
the knowledge and the fact sheets; it counts as caught only when check43.py exits 1 and prints the
mutation's expected message."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
KROOT = os.environ.get("BLIND43_KROOT", "/work/scratch/kstripped")
FACTS = os.environ.get("BLIND43_FACTS", "/work/shared/facts")
sys.path.insert(0, HERE)
import build43  # noqa: E402
import kparse  # noqa: E402

_entries, _meta = build43.build()
_byq = {q["question"]: q["key"] for q in build43.QUESTIONS}
ID = {_byq[e["question"]]: e["id"] for e in _entries}
SCENARIO_SECTION = next(k for k in kparse.parse_all(KROOT) if k.startswith("acr-cmk/scenarios/"))


class Ctx:
    def __init__(self, d):
        self.d = d
        self.j = json.load(open(os.path.join(d, "blind43.json"), encoding="utf-8"))
        self.m = json.load(open(os.path.join(d, "blind43-meta.json"), encoding="utf-8"))

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
        json.dump(self.j, open(os.path.join(self.d, "blind43.json"), "w", encoding="utf-8"), indent=1)
        json.dump(self.m, open(os.path.join(self.d, "blind43-meta.json"), "w", encoding="utf-8"), indent=1)

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
for pfx in ("j", "k", "h", "g", "v"):
    def f(c, pfx=pfx):
        c.j[5]["id"] = pfx + c.j[5]["id"][1:]
    simple("id prefix %s (earlier set)" % pfx, "bad id at position 6", f)
simple("ids numbered from zero", "bad id at position 1",
       lambda c: [x.__setitem__("id", "m%03d" % (int(x["id"][1:]) - 1)) for x in c.j])
simple("wrong source", "bad source", lambda c: c.j[3].__setitem__("source", "written by hand"))
simple("key order swapped", "keys or key order wrong",
       lambda c: c.j.__setitem__(2, dict([("category", c.j[2]["category"])] +
                                         [(k, v) for k, v in c.j[2].items() if k != "category"])))
simple("extra key in an entry", "keys or key order wrong", lambda c: c.j[7].__setitem__("notes", "x"))
simple("meta entry missing", "meta: ids do not match", lambda c: c.m.pop("m010"))
simple("59 entries", "need a list of 60", lambda c: c.j.pop())
simple("rebuild: json truth edited", "rebuild differs from blind43.json",
       lambda c: c.j[0].__setitem__("truth", c.j[0]["truth"] + " Extra."), True)
simple("rebuild: meta edited", "rebuild differs from blind43-meta.json",
       lambda c: c.m["m001"].__setitem__("qual", "none" if c.m["m001"]["qual"] != "none" else "asked"), True)


@mut("three of one category in a row", "three")
def _(c):
    grp = [x for x in c.j if x["category"] == "off-topic"][:3]
    rest = [x for x in c.j if x not in grp]
    new = rest[:10] + grp + rest[10:]
    old_meta = {x["id"]: c.m[x["id"]] for x in c.j}
    c.m.clear()
    for n, x in enumerate(new, 1):
        c.m["m%03d" % n] = old_meta[x["id"]]
        x["id"] = "m%03d" % n
    c.j[:] = new


# ---------------- dropped flags and fields ----------------
for fld, val in [(f, True) for f in ("script_paste", "difference", "auditor", "many_registries", "first_timer",
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
       lambda c: c.e("L8")["answer_facts"].__setitem__(0, "no registry command is needed"))
simple("answer_fact added from a related section", "answer_fact not in first canonical",
       lambda c: c.e("L20")["answer_facts"].append("these rules are for your clients"))
simple("answer_fact over 7 words", "answer_fact over 7 words",
       lambda c: c.e("A8")["answer_facts"].__setitem__(0, "under settings > local rbac, assign managed hsm crypto service encryption user"))
simple("fact not in any section", "fact not in a canonical or related section",
       lambda c: c.e("S8")["facts"].__setitem__(0, "private endpoints on registries are fine"))
simple("empty answer_facts", "no answer_facts", eset("S5", "answer_facts", []))
simple("empty facts", "no facts", eset("S5", "facts", []))
simple("two_facts with both facts in the first canonical", "two_facts needs one answer_fact only in each",
       lambda c: c.e("L16")["answer_facts"].__setitem__(1, "from inside the registry's create flow"))
simple("two_facts fact in neither canonical", "answer_fact not in either canonical",
       lambda c: c.e("L17")["answer_facts"].__setitem__(0, "portal makes the role for you"))
simple("two canonicals without flag", "two canonical sections need two_facts", mdel("L24", "two_facts"))
simple("two_facts flag with one canonical", "two_facts needs two canonical sections",
       mset("A8", "two_facts", True))

# ---------------- sections ----------------
simple("unknown section id", "unknown section",
       lambda c: c.e("L2")["related"].__setitem__(0, "acr-cmk/references/networking.md#no-such-anchor"))
simple("canonical repeated in related", "repeated section",
       lambda c: c.e("L2")["related"].append(c.e("L2")["canonical"][0]))
simple("canonical empty", "canonical must hold 1 or 2", eset("L19", "canonical", []))
simple("three canonicals", "canonical must hold 1 or 2",
       lambda c: c.e("L19")["canonical"].extend(c.e("L19")["related"][:2]))
simple("first canonical in a scenario", "first canonical not a reference doc",
       lambda c: c.e("S4")["canonical"].__setitem__(0, SCENARIO_SECTION))
simple("related empty", "related is empty", eset("S9", "related", []))

# ---------------- kinds, styles, truths, categories ----------------
simple("unknown kind", "bad kind", mset("A8", "kind", "opinion"))
simple("yes truth opening No", "yes truth must open 'Yes: '",
       lambda c: c.e("S3").__setitem__("truth", "No: " + c.e("S3")["truth"][5:]))
simple("no truth without No", "no truth must open 'No: '",
       lambda c: c.e("L18").__setitem__("truth", c.e("L18")["truth"][4:]))
simple("undocumented truth without verdict", "undocumented truth must open 'Not documented'",
       lambda c: c.e("S11").__setitem__("truth", c.e("S11")["truth"][16:]))
simple("off-topic truth without verdict", "off-topic truth must open 'Not covered: '",
       lambda c: c.e("X3").__setitem__("truth", c.e("X3")["truth"][13:]))
simple("howto truth opening Yes", "howto truth opens with a verdict word",
       lambda c: c.e("A6").__setitem__("truth", "Yes: " + c.e("A6")["truth"]))
simple("off-topic item with canonical", "off-topic item must have empty lists",
       lambda c: c.e("X4")["canonical"].append("acr-cmk/references/overview.md#default-encryption-at-rest-without-a-cmk"))
simple("off-topic category on an on-topic kind", "off-topic category and kind disagree",
       eset("A10", "category", "off-topic"))
simple("unknown category", "bad category", eset("A10", "category", "misc"))
simple("style count broken", "on-topic short count 13", mset("A8", "style", "short"))
simple("unknown style", "bad style", mset("A8", "style", "medium"))
simple("kind count broken", "kind howto count 13", mset("L24", "kind", "why"))
simple("kind group missing from a style", "kind group yes/no missing from style agent",
       chain(mset("A9", "kind", "value"), mset("A5", "kind", "value"),
             tset("A9", "Open the Managed HSM firewall to trusted services before az acr create runs."),
             tset("A5", "Since October 2026 the template grants no key access and takes kek_id.")))
simple("category above 9", "category hsm count 10",
       chain(eset("L9", "category", "hsm"), eset("A1", "category", "hsm"), eset("L21", "category", "hsm")))
simple("category below 2", "category iac count 1", chain(eset("A5", "category", "setup"), eset("A7", "category", "setup")))

# ---------------- style rules ----------------
simple("long post too short", "long question length", qset("L19", "Is geo-replication fine with an HSM key?"))
simple("long post too long", "long question length",
       lambda c: c.e("L19").__setitem__("question", c.e("L19")["question"] + (" Some more background here." * 60)))
simple("short question of 15 words", "short question has 15 words",
       qset("S8", "set-policy fails on our brand new kv and it says rbac authorization is enabled, fix?"))
simple("short question on two lines", "short question spans lines", qrep("S8", "says rbac", "says\nrbac"))
simple("agent query of 50 words", "agent query has",
       lambda c: c.e("A8").__setitem__("question", c.e("A8")["question"] + " Please" + " also" * 30 + "."))
simple("agent query on two lines", "agent query spans lines", qrep("A1", " Question:", "\nQuestion:"))
simple("context form without Context:", "context form must open with 'Context:'",
       lambda c: c.e("A4").__setitem__("question", c.e("A4")["question"][len("Context: "):]))
simple("imperative form without verb", "imperative form must open with an imperative verb",
       qrep("A10", "Explain why", "I wonder why"))
simple("keywords form opening uppercase", "keywords form must open lowercase",
       lambda c: c.e("A11").__setitem__("question", "S" + c.e("A11")["question"][1:]))
simple("keywords form with ?", "keywords form must open lowercase", qrep("A11", "documented effect", "documented effect?"))
simple("form on a short item", "form on a non-agent item", mset("S8", "form", "keywords"))
simple("agent forms miscounted", "on-topic agent form context count 4",
       chain(mset("A1", "form", "imperative"), qrep("A1", "Context: key", "Explain: key")))
simple("off-topic agent forms miscounted", "off-topic agent form keywords count 0",
       chain(mset("X9", "form", "imperative"),
             lambda c: c.e("X9").__setitem__("question", "Explain " + c.e("X9")["question"])))


@mut("three short questions not lowercase", "short questions not lowercase (max 2)")
def _(c):
    for k in ("S8", "S9", "S11"):
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
       mset("L3", "quals", ["hsm"]))
simple("iac qualifier without a tool", "iac qualifier but no portal/Terraform/Bicep/ARM/AVM",
       mset("S4", "quals", ["iac"]))
simple("October 2026 truth without Managed HSM", "October 2026 truth names neither",
       tset("S6", "Give them a key-creating local role; the encryption role cannot create keys."))
simple("qual asked recorded as story", "qual is 'story', should be 'asked'", mset("A9", "qual", "story"))
simple("quals without qual none", "qual is 'asked', should be 'none'", mset("L3", "qual", "asked"))
simple("unknown qualifier", "bad quals", mset("A9", "quals", ["hsm", "oct2026", "k8s"]))


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
    mm = c.meta("L21")
    mm["quals"] = [q for q in mm["quals"] if q != "hsm"]
    mm["qual"] = "story"


@mut("Managed HSM asked in too few ways (asks reworded)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    c.q_rep("L5", "Why is the revocation of the Managed HSM access not taking hold,",
            "Why is the cut-off of the Managed HSM grant not taking hold,")
    c.q_rep("L12", "in that Managed HSM today, and at which scope?", "in that Managed HSM today, and with which role?")


@mut("iac named floor", "floor: portal/Terraform/Bicep/ARM/AVM named")
def _(c):
    for k in ("L6", "L10", "L16", "L22"):
        mm = c.meta(k)
        mm["quals"] = [q for q in mm["quals"] if q != "iac"]
        mm["qual"] = "none" if not mm["quals"] else mm["qual"]


@mut("October 2026 floor", "floor: October 2026")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "oct2026" in mm.get("quals", []) and n < 3:
            mm["quals"] = [q for q in mm["quals"] if q != "oct2026"]
            n += 1


# ---------------- spread and per-doc ----------------
@mut("spread against blind42", "first canonicals new against blind42 (floor 30)")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind42-first-canonicals.txt")) if x.strip()]
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < 20 and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [firsts[n]]
            x["related"] = [r for r in x["related"] if r != firsts[n]] or [firsts[n + 20]]
            n += 1


@mut("spread against blind42 and blind41", "first canonicals new against blind42 and blind41")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind41-first-canonicals.txt")) if x.strip()]
    b42 = {x.strip() for x in open(os.path.join(c.d, "prev", "blind42-first-canonicals.txt"))}
    pool = [f for f in dict.fromkeys(firsts) if f not in b42]
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < min(32, len(pool)) and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [pool[n]]
            x["related"] = [r for r in x["related"] if r != pool[n]] or ["acr-cmk/references/overview.md#requirements-at-a-glance"]
            n += 1


simple("troubleshooting doc above 8", "first canonical doc troubleshooting count 9",
       chain(lambda c: c.e("L19")["canonical"].__setitem__(0, "acr-cmk/references/troubleshooting.md#cmk-needs-the-premium-tier"),
             lambda c: c.e("L20")["canonical"].__setitem__(0, "acr-cmk/references/troubleshooting.md#elliptic-curve-key-rejected")))
simple("infrastructure-as-code doc below 2", "first canonical doc infrastructure-as-code count 1",
       chain(lambda c: c.e("L18")["canonical"].__setitem__(0, "acr-cmk/references/overview.md#moving-an-existing-registry-to-cmk"),
             lambda c: c.e("A7")["canonical"].__setitem__(0, "acr-cmk/references/troubleshooting.md#registry-creation-cannot-access-the-key")))
simple("blind42 first-canonical list missing", "first-canonical list missing: blind42",
       lambda c: os.remove(os.path.join(c.d, "prev", "blind42-first-canonicals.txt")))


@mut("blind41 first-canonical list cut to 47", "blind41 has 47 lines")
def _(c):
    p = os.path.join(c.d, "prev", "blind41-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:47])


@mut("blind42 first-canonical list cut to 40", "blind42 has 40 lines")
def _(c):
    p = os.path.join(c.d, "prev", "blind42-first-canonicals.txt")
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


simple("typo planted in blind20", "typo 'truested' already used in blind19-42", plant_prev(20, "truested"))
simple("typo planted in blind42", "typo 'recoverd' already used in blind19-42", plant_prev(42, "recoverd"))
simple("typo moved to an off-topic short", "typo must sit in a short on-topic question",
       chain(mdel("S1", "typo"), qrep("S1", "truested", "trusted"), mset("X10", "typo", "truested"),
             qrep("X10", "change the password", "change the truested password")))
simple("typo fixed in the question", "typo 'recoverd' not in the question", qrep("S7", "recoverd", "recovered"))
simple("unrecorded typo in another question", "unrecorded typo 'pricipal'",
       qrep("S11", "does the cmk wrap", "does the pricipal cmk wrap"))
simple("typo used twice", "typo 'pricipal' used 2 times",
       chain(mset("S12", "typo", "pricipal"), qrep("S12", "managed hsm key uri", "managed hsm pricipal key uri")))
simple("unknown typo word", "not in the set's typo list",
       chain(mset("S10", "typo", "pricipl"), qrep("S10", "pricipal", "pricipl")))


@mut("typo added to the knowledge", "typo 'recoverd' stands in the knowledge or facts")
def _(c):
    p = c.kfile("acr-cmk/references/overview.md")
    open(p, "a").write("\nrecoverd\n")


# ---------------- copying ----------------
simple("knowledge 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L20", "A colleague thinks", "The registry cannot unwrap its data without the key, and a colleague thinks"))
simple("fact-sheet 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L20", "A colleague thinks", "Local RBAC changes can take several minutes to propagate, and a colleague thinks"))
simple("knowledge command line inside a fence", "12-token run (fences included) shared with knowledge/facts",
       qrep("L22", "lacks permission on the key.\n```", "lacks permission on the key.\naz keyvault key rotate --name \"$KEY_NAME\" --vault-name \"$KEY_VAULT_NAME\"\n```"))
simple("pasted error moved into prose", "8-token run shared with knowledge/facts",
       qrep("L22", "The vault is old,", "The CLI said Cannot set policies to a vault with '--enable-rbac-authorization' specified. The vault is old,"))
simple("fence with knowledge prose", "12-token run (fences included)",
       qrep("L18", "        # (18 unchanged attributes hidden)\n", "        # (18 unchanged attributes hidden)\n the registry cannot unwrap its data without the key so deleting the key store\n"))
simple("blind19-41 8-token run", "8-token run shared with blind19-42",
       lambda c: c.e("L16").__setitem__("question", c.e("L16")["question"] + " " + prevq(30, 8)(c)[:120]))
simple("blind42 8-token run", "8-token run shared with blind19-42",
       lambda c: c.e("L16").__setitem__("question", c.e("L16")["question"] + " " + prevq(42, 2)(c)[:150]))
simple("blind42 question repeated", "Jaccard > 0.6 with blind42",
       lambda c: c.e("A8").__setitem__("question", prevq(42, 2)(c)))
simple("blind41 question repeated", "Jaccard > 0.6 with blind41",
       lambda c: c.e("S8").__setitem__("question", prevq(41, 40)(c)))
simple("near-duplicate inside the set", "Jaccard > 0.6 with",
       lambda c: c.e("A9").__setitem__("question", c.e("A8")["question"].replace("List the portal", "List the Azure portal")))
simple("truth copies a knowledge sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("L18").__setitem__("truth", c.e("L18")["truth"] + " Soft delete alone keeps deleted keys and vaults recoverable, but someone with purge rights can still destroy them permanently before the retention period ends."))
simple("truth copies a fact-sheet sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("A6").__setitem__("truth", c.e("A6")["truth"] + " If the assignment is correct and the operation still fails, wait and retry."))
simple("question copies a knowledge sentence", "question copies a knowledge/fact sentence",
       qrep("L19", "The security office wants", "Registries without a CMK are still encrypted at rest with Microsoft-managed keys. The security office wants"))
simple("question echoes a heading", "question echoes a heading",
       qrep("L19", "The security office wants", "Rotate on a schedule with a Key Vault rotation policy, they said. The security office wants"))


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
    old = "## Set up a registry with a Managed HSM key in the Azure portal"
    if old not in s:
        raise AssertionError("setup: heading not in managed-hsm.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "## Managed HSM setup in the portal"))


@mut("knowledge text edited under an answer fact", "answer_fact not in first canonical")
def _(c):
    p = c.kfile("acr-cmk/references/limitations.md")
    s = open(p, encoding="utf-8").read()
    if "was not updated for Managed HSM" not in s:
        raise AssertionError("setup: text not in limitations.md")
    open(p, "w", encoding="utf-8").write(s.replace("was not updated for Managed HSM", "has not been revised for Managed HSM"))


@mut("fact sheets missing", "fact sheets missing")
def _(c):
    for f in os.listdir(os.path.join(c.d, "facts")):
        os.remove(os.path.join(c.d, "facts", f))


simple("prev file missing", "prev file missing: blind27.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind27.json")))
simple("blind42 prev file missing", "prev file missing: blind42.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind42.json")))

# ---------------- off-topic ----------------
simple("banned blind42 subject", "banned off-topic subject 'tink'",
       chain(mset("X11", "subject", "tink"), qset("X11", "how do i rotate the tink keyset of our backup tool?")))
simple("banned blind41 subject", "banned off-topic subject 'kopia'",
       chain(mset("X11", "subject", "kopia"), qset("X11", "how do i rotate the kopia repository password?")))
simple("banned blind40 subject", "banned off-topic subject 'restic'",
       chain(mset("X11", "subject", "restic"), qset("X11", "how do i back up registry exports with restic?")))
simple("blind42 subject in another question", "off-topic question names banned '1password'",
       qrep("X8", "restarts the container runtime afterwards.", "restarts the container runtime afterwards, reading the CA from 1password."))
simple("subject planted in blind33", "subject 'sigstore' used in blind19-42", plant_prev(33, "sigstore"))
simple("subject planted in blind42", "subject 'auth0' used in blind19-42", plant_prev(42, "auth0"))
simple("subject not in question", "subject 'auth0' not in the question",
       qset("X12", "identity provider signing key rotation, how do clients pick up the new one?"))
simple("banned key word in off-topic", "off-topic question names banned 'kubernetes'",
       qrep("X1", "do the verifiers on our hosts", "do the verifiers on our Kubernetes hosts"))
simple("banned key word kms", "off-topic question names banned 'kms'",
       qrep("X2", "with a PKCS#11 backend behind it", "with a KMS backend behind it"))
simple("near_miss on an agent item", "near_miss only on long off-topic posts", mset("X7", "near_miss", True))
simple("near-miss floor", "floor: near misses", chain(mdel("X1", "near_miss"), mdel("X2", "near_miss")))


@mut("off-topic story floor", "floor: long off-topic registry+key stories")
def _(c):
    for k in ("X5", "X6"):
        e = c.e(k)
        e["question"] = re.sub(r"\bregistr\w*", "service", e["question"], flags=re.I)


simple("off-topic subject missing", "off-topic subject missing", mdel("X6", "subject"))
simple("shape flag on off-topic", "shape flag outage on an off-topic item", mset("X6", "outage", True))
simple("subject on an on-topic item", "subject/near_miss on an on-topic item", mset("L1", "subject", "x"))


# ---------------- long measures ----------------
@mut("fenced long floor", "floor: fenced long posts")
def _(c):
    for k in ("L11", "L18"):
        e = c.e(k)
        e["question"] = e["question"].replace("```hcl", "").replace("```", "")


@mut("fenced troubleshoot floor", "floor: fenced long troubleshoot posts")
def _(c):
    for k in ("L4", "L8", "L9"):
        e = c.e(k)
        e["question"] = e["question"].replace("```", "'''")


simple("two-asks floor", "floor: long posts asking two things",
       qrep("L20", "from my home connection? And if", "from my home connection, and if"))


@mut("last-sentence ask floor", "floor: long posts asking only in the last sentence")
def _(c):
    for x in c.j:
        if c.m[x["id"]]["style"] == "long" and c.m[x["id"]]["kind"] != "off-topic":
            x["question"] = "Quick question? " + x["question"]


# ---------------- step_list ----------------
simple("step_list on a short item", "step_list must be a long post", mset("S8", "step_list", True))


@mut("step_list list only inside a fence", "step_list needs a list of >= 4 steps in the prose")
def _(c):
    c.q_rep("L1", "nothing executed yet:\n\n1. ", "nothing executed yet:\n\n```\n1. ")
    c.q_rep("L1", "<kid minus version>`\n\n", "<kid minus version>`\n```\n\n")


simple("step_list list of 3 steps", "step_list needs a list of >= 4 steps in the prose",
       chain(qrep("L3", "1. read id-maps-2027's principalId with `az identity show`\n", ""),
             qrep("L3", "5. `az acr identity remove -n crwayfind -g rg-maps --identities id-maps-old`\n", "")))
simple("step_list list broken by a prose line", "step_list needs a list of >= 4 steps in the prose",
       qrep("L4", "2. `az keyvault recover --name kv-billing-01`\n", "2. `az keyvault recover --name kv-billing-01`\nThen I went for coffee.\n"))
simple("step_list ask not about a step", "step_list ask does not ask which step is wrong",
       qrep("L2", "Which step did I get wrong?", "What is going on here?"))
simple("step_list ask without a fault word", "step_list ask does not ask which step is wrong",
       qrep("L4", "Which step am I missing?", "Which step should I repeat?"))
simple("step_list truth names no step", "step_list truth names no step",
       tset("L1", "Create the vault with the access-policy model, or grant a role instead of a policy."))
simple("step_list truth names a step out of range", "step_list truth names no step",
       tset("L5", "Step 9 is where it goes wrong: list the identity's Managed HSM assignments without a scope filter and delete each at its own scope."))
simple("step_list truth names only content shared by all steps", "step_list truth names no step",
       tset("L2", "Fix kv-ledger-prd: its network setting is wrong, so change it and try again."))
simple("step_list floor", "floor: shape step_list 4 < 5", mdel("L2", "step_list"))

# ---------------- what_happens ----------------
simple("what_happens ask without a consequence", "what_happens ask does not ask about a consequence",
       qset("S1", "is our cmk acr fine if the kv firewall skips truested services?"))
simple("what_happens consequence only in the story", "what_happens ask does not ask about a consequence",
       qrep("L7", "Will pulls keep working if we just leave things as they are, and for roughly how long?",
            "Should we close it, and what is the rough timeline?"))
simple("what_happens ask without a condition", "what_happens ask names no condition",
       qrep("A1", "what happens to crmedia's images if nobody recovers the key before that window closes?",
            "what happens to crmedia's images next?"))
simple("what_happens will-still-work ask without a condition", "what_happens ask names no condition",
       qrep("L7", "Will pulls keep working if we just leave things as they are, and for roughly how long?",
            "Will pulls keep working as things are, and for roughly how long?"))
simple("what_happens truth without an effect", "what_happens truth states no concrete effect",
       tset("L6", "Not documented: the docs do not say whether a CMK registry can move from Premium to Standard or Basic; ask Azure support first."))
simple("what_happens floor", "floor: shape what_happens 4 < 5", mdel("A2", "what_happens"))

# ---------------- outage ----------------
simple("outage on a short item", "outage must be a long or agent item", mset("S8", "outage", True))
simple("outage without an urgency cue", "outage question has no time or urgency cue",
       qrep("A3", "prod down since 06:00, every pull", "every pull"))
simple("outage without a failure", "outage question names no failure",
       qset("A4", "Context: incident right now after a platform change flipped vault kv-docs-keys from access policies to RBAC at 08:40; the registry identity only ever had an access policy. Task: say how to restore service fastest."))
simple("outage truth without command or cause", "outage truth names no command and no cause",
       tset("L8", "Put the identity's role on the vault back and wait for it to propagate; nothing needs to be run on the registry."))
simple("outage floor", "floor: shape outage 4 < 5", mdel("L10", "outage"))

# ---------------- docs_claim ----------------
simple("docs_claim without a source", "docs_claim question names no source of the claim",
       qset("S3", "cmk registries keep task logs only 24h, still the case?"))
simple("docs_claim source noun without a report verb", "docs_claim question names no source of the claim",
       qset("S2", "coworker's view: acr cmk can't take a managed hsm key, is that still true?"))
simple("docs_claim ask not about truth", "docs_claim ask does not ask whether the claim is (still) true",
       qset("S2", "coworker says acr cmk can't take a managed hsm key, how to work around?"))
simple("docs_claim with a troubleshoot kind", "docs_claim kind 'troubleshoot' not in",
       mset("L11", "kind", "troubleshoot"))
simple("docs_claim howto truth without what is true now", "docs_claim truth does not say what is true now",
       tset("L12", "Give the identity the local role Managed HSM Crypto Service Encryption User at /keys/fin-kek with az keyvault role assignment create --hsm-name mh-fin-01 before az acr create."))


@mut("docs_claim October 2026 floor", "floor: docs_claim items about an October 2026 change 2 < 3")
def _(c):
    for k in ("S2", "L11"):
        mm = c.meta(k)
        mm["quals"] = [q for q in mm["quals"] if q != "oct2026"]
        if not mm["quals"]:
            mm["qual"] = "none"


simple("docs_claim floor", "floor: shape docs_claim 4 < 5", mdel("A5", "docs_claim"))

# ---------------- pipeline ----------------
simple("pipeline on a short item", "pipeline must be a long or agent item", mset("S3", "pipeline", True))
simple("pipeline agent without CI context", "pipeline question names no CI/CD or automation context",
       qset("A6", "Write the commands that each quarter move registry crbank, pinned to a versioned key in kv-bank-01, onto a fresh key version."))
simple("pipeline long without CI context", "pipeline question names no CI/CD or automation context",
       qset("L13", "Our platform team creates the vault kv-prodline-07 with the RBAC model and then adds the key with az keyvault key create, signed in as sp-gh-platform, which is Owner on the subscription. The key creation fails with ForbiddenByRbac on the keys/create action. How can an Owner not be allowed to create a key, and what do I grant so it gets through?"))
simple("pipeline truth without command, flag, role or identity fact", "pipeline truth names no az command, flag, role or identity fact",
       tset("A7", "Terraform creates the registry in parallel with the grant; add depends_on on the role assignment resource and re-run if propagation is slow."))
simple("pipeline floor", "floor: shape pipeline 4 < 5", mdel("L14", "pipeline"))

# ---------------- two_facts ----------------
simple("two_facts floor", "floor: shape two_facts 3 < 4",
       chain(mdel("L16", "two_facts"), lambda c: c.e("L16")["canonical"].pop(),
             lambda c: c.e("L16")["answer_facts"].pop()))


def run_check(d):
    env = dict(os.environ, BLIND43_DIR=d, BLIND43_KROOT=os.path.join(d, "k"), BLIND43_FACTS=os.path.join(d, "facts"))
    p = subprocess.run([sys.executable, os.path.join(HERE, "check43.py")], env=env, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def fresh(with_build):
    d = tempfile.mkdtemp(prefix="mut-", dir=HERE)
    for f in ("blind43.json", "blind43-meta.json"):
        shutil.copy(os.path.join(HERE, f), d)
    shutil.copytree(os.path.join(HERE, "prev"), os.path.join(d, "prev"))
    shutil.copytree(KROOT, os.path.join(d, "k"))
    shutil.copytree(FACTS, os.path.join(d, "facts"))
    if with_build:
        shutil.copy(os.path.join(HERE, "build43.py"), d)
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
