"""blind47 mutation driver. Each mutation runs on a fresh temp copy (inside blind47/) of the set, prev/,
the knowledge and the fact sheets; it counts as caught only when check47.py exits 1 and prints the
mutation's expected message."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
KROOT = os.environ.get("BLIND47_KROOT", "/work/scratch/kstripped")
FACTS = os.environ.get("BLIND47_FACTS", "/work/shared/facts")
sys.path.insert(0, HERE)
import build47  # noqa: E402
import kparse  # noqa: E402

_entries, _meta = build47.build()
_byq = {q["question"]: q["key"] for q in build47.QUESTIONS}
ID = {_byq[e["question"]]: e["id"] for e in _entries}
SCENARIO_SECTION = next(k for k in kparse.parse_all(KROOT) if k.startswith("acr-cmk/scenarios/"))


class Ctx:
    def __init__(self, d):
        self.d = d
        self.j = json.load(open(os.path.join(d, "blind47.json"), encoding="utf-8"))
        self.m = json.load(open(os.path.join(d, "blind47-meta.json"), encoding="utf-8"))

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
        json.dump(self.j, open(os.path.join(self.d, "blind47.json"), "w", encoding="utf-8"), indent=1)
        json.dump(self.m, open(os.path.join(self.d, "blind47-meta.json"), "w", encoding="utf-8"), indent=1)

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
for pfx in ("b", "f", "e", "m", "j", "k", "h"):
    def f(c, pfx=pfx):
        c.j[5]["id"] = pfx + c.j[5]["id"][1:]
    simple("id prefix %s (earlier set)" % pfx, "bad id at position 6", f)
simple("ids numbered from zero", "bad id at position 1",
       lambda c: [x.__setitem__("id", "c%03d" % (int(x["id"][1:]) - 1)) for x in c.j])
simple("wrong source", "bad source", lambda c: c.j[3].__setitem__("source", "written by hand"))
simple("key order swapped", "keys or key order wrong",
       lambda c: c.j.__setitem__(2, dict([("category", c.j[2]["category"])] +
                                         [(k, v) for k, v in c.j[2].items() if k != "category"])))
simple("extra key in an entry", "keys or key order wrong", lambda c: c.j[7].__setitem__("notes", "x"))
simple("meta entry missing", "meta: ids do not match", lambda c: c.m.pop("c010"))
simple("59 entries", "need a list of 60", lambda c: c.j.pop())
simple("rebuild: json truth edited", "rebuild differs from blind47.json",
       lambda c: c.j[0].__setitem__("truth", c.j[0]["truth"] + " Extra."), True)
simple("rebuild: meta edited", "rebuild differs from blind47-meta.json",
       lambda c: c.m["c001"].__setitem__("qual", "none" if c.m["c001"]["qual"] != "none" else "asked"), True)


@mut("three of one category in a row", "three")
def _(c):
    grp = [x for x in c.j if x["category"] == "off-topic"][:3]
    rest = [x for x in c.j if x not in grp]
    new = rest[:10] + grp + rest[10:]
    old_meta = {x["id"]: c.m[x["id"]] for x in c.j}
    c.m.clear()
    for n, x in enumerate(new, 1):
        c.m["c%03d" % n] = old_meta[x["id"]]
        x["id"] = "c%03d" % n
    c.j[:] = new


# ---------------- dropped flags and fields ----------------
for fld, val in [(f, True) for f in ("ticket_template", "quoted_reply", "markdown_table", "manager_ask",
                                     "emoji_casual",
                                     "multiple_choice", "support_email", "voice_dictation", "code_comment",
                                     "powershell_user",
                                     "analogy", "undo", "chat_transcript", "shorthand", "pr_diff",
                                     "step_list", "what_happens", "outage", "docs_claim", "pipeline",
                                     "script_paste", "difference", "auditor", "many_registries", "first_timer",
                                     "pasted_output", "either_or", "without", "non_native", "follow_up",
                                     "plan_review", "iac_error", "newcomer", "timeline", "output_rule",
                                     "issue_title", "tried_steps", "json_field", "wrong_command", "other_cloud",
                                     "wrong_premise", "which_of_two", "shape")] + \
        [("field", "bypass"), ("wrong", "--kek-uri"), ("other", ["AWS"]), ("premise", "x")]:
    simple("dropped/unknown field %s" % fld, "unknown field %r" % fld, mset("L1", fld, val))

# ---------------- facts and answer facts ----------------
simple("answer_fact not in canonical", "answer_fact not in first canonical",
       lambda c: c.e("L15")["answer_facts"].__setitem__(0, "the hsm refuses azure roles"))
simple("answer_fact only in a related section", "answer_fact not in first canonical",
       lambda c: c.e("L17")["answer_facts"].__setitem__(0, "even a premium one"))
simple("answer_fact added from a related section", "answer_fact not in first canonical",
       lambda c: c.e("L20")["answer_facts"].append("keep the old vault and key"))
simple("answer_fact over 7 words", "answer_fact over 7 words",
       lambda c: c.e("A12")["answer_facts"].__setitem__(0, "run these read-only commands in order when no case above fits"))
simple("fact not in any section", "fact not in a canonical or related section",
       lambda c: c.e("S8")["facts"].__setitem__(0, "the bypass also covers laptops"))
simple("empty answer_facts", "no answer_facts", eset("S5", "answer_facts", []))
simple("empty facts", "no facts", eset("S5", "facts", []))
simple("two_facts with both facts in the first canonical", "two_facts needs one answer_fact only in each",
       lambda c: c.e("L12")["answer_facts"].__setitem__(1, "the hsm name stays reserved"))
simple("two_facts fact in neither canonical", "answer_fact not in either canonical",
       lambda c: c.e("A10")["answer_facts"].__setitem__(0, "the portal restores the role for you"))
simple("two canonicals without flag", "two canonical sections need two_facts", mdel("L22", "two_facts"))
simple("two_facts flag with one canonical", "two_facts needs two canonical sections",
       mset("A12", "two_facts", True))

# ---------------- sections ----------------
simple("unknown section id", "unknown section",
       lambda c: c.e("L2")["related"].__setitem__(0, "acr-cmk/references/networking.md#no-such-anchor"))
simple("canonical repeated in related", "repeated section",
       lambda c: c.e("L2")["related"].append(c.e("L2")["canonical"][0]))
simple("canonical empty", "canonical must hold 1 or 2", eset("L18", "canonical", []))
simple("three canonicals", "canonical must hold 1 or 2",
       lambda c: c.e("L18")["canonical"].extend(c.e("L18")["related"][:2]))
simple("first canonical in a scenario", "first canonical not a reference doc",
       lambda c: c.e("S1")["canonical"].__setitem__(0, SCENARIO_SECTION))
simple("related empty", "related is empty", eset("S9", "related", []))

# ---------------- kinds, styles, truths, categories ----------------
simple("unknown kind", "bad kind", mset("A7", "kind", "opinion"))
simple("yes truth opening No", "yes truth must open 'Yes: '",
       lambda c: c.e("S9").__setitem__("truth", "No: " + c.e("S9")["truth"][5:]))
simple("no truth without No", "no truth must open 'No: '",
       lambda c: c.e("L17").__setitem__("truth", c.e("L17")["truth"][4:]))
simple("undocumented truth without verdict", "undocumented truth must open 'Not documented'",
       lambda c: c.e("S11").__setitem__("truth", c.e("S11")["truth"][16:]))
simple("off-topic truth without verdict", "off-topic truth must open 'Not covered: '",
       lambda c: c.e("X3").__setitem__("truth", c.e("X3")["truth"][13:]))
simple("howto truth opening Yes", "howto truth opens with a verdict word",
       lambda c: c.e("A12").__setitem__("truth", "Yes: " + c.e("A12")["truth"]))
simple("off-topic item with canonical", "off-topic item must have empty lists",
       lambda c: c.e("X4")["canonical"].append("acr-cmk/references/overview.md#default-encryption-at-rest-without-a-cmk"))
simple("off-topic category on an on-topic kind", "off-topic category and kind disagree",
       eset("A10", "category", "off-topic"))
simple("unknown category", "bad category", eset("A10", "category", "misc"))
simple("style count broken", "on-topic short count 13", mset("A7", "style", "short"))
simple("unknown style", "bad style", mset("A7", "style", "medium"))
simple("kind count broken", "kind howto count 13", mset("L20", "kind", "why"))
simple("kind group missing from a style", "kind group yes/no missing from style agent",
       chain(mset("A8", "kind", "value"), mset("A7", "kind", "value"),
             tset("A8", "An explicit dependsOn on the role assignment is what makes the grant exist first."),
             tset("A7", "The Managed HSM firewall must let ACR through before az acr create runs.")))
simple("category above 9", "category hsm count 10",
       chain(eset("L7", "category", "hsm"), eset("S4", "category", "hsm")))
simple("category below 2", "category identity count 1", chain(eset("L6", "category", "iac"), eset("L13", "category", "iac")))

# ---------------- style rules ----------------
simple("long post too short", "long question length", qset("L17", "Can we add CMK to cryew later?"))
simple("long post too long", "long question length",
       lambda c: c.e("L17").__setitem__("question", c.e("L17")["question"] + (" Some more background here." * 60)))
simple("short question of 15 words", "short question has 15 words",
       qset("S10", "switch our acr from a pinned key version over to auto rotation with the cli"))
simple("short question on two lines", "short question spans lines", qrep("S10", " to auto", "\nto auto"))
simple("agent query of 50 words", "agent query has",
       lambda c: c.e("A7").__setitem__("question", c.e("A7")["question"] + " please" + " also" * 30))
simple("agent query on two lines", "agent query spans lines", qrep("A7", " Question:", "\nQuestion:"))
simple("context form without Context:", "context form must open with 'Context:'",
       lambda c: c.e("A7").__setitem__("question", c.e("A7")["question"][len("Context: "):]))
simple("imperative form without verb", "imperative form must open with an imperative verb",
       qrep("A5", "Check why", "I need to know why"))
simple("keywords form opening uppercase", "keywords form must open lowercase",
       lambda c: c.e("A9").__setitem__("question", "S" + c.e("A9")["question"][1:]))
simple("keywords form with ?", "keywords form must open lowercase", qrep("A9", "avoids an outage", "avoids an outage?"))
simple("form on a short item", "form on a non-agent item", mset("S12", "form", "keywords"))
simple("agent forms miscounted", "on-topic agent form context count 4",
       chain(mset("A7", "form", "imperative"), qrep("A7", "Context: mhsm-ibis", "Explain: mhsm-ibis")))
simple("off-topic agent forms miscounted", "off-topic agent form keywords count 0",
       chain(mset("X9", "form", "imperative"),
             lambda c: c.e("X9").__setitem__("question", "Explain " + c.e("X9")["question"])))


@mut("three short questions not lowercase", "short questions not lowercase (max 2)")
def _(c):
    for k in ("S6", "S8", "S10"):
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
       mset("L22", "quals", ["hsm"]))
simple("iac qualifier without a tool", "iac qualifier but no portal/Terraform/Bicep/ARM/AVM",
       mset("S6", "quals", ["iac"]))
simple("October 2026 truth without Managed HSM", "October 2026 truth names neither",
       tset("S7", "Activate it first by downloading its security domain; until then no keys can be created."))
simple("qual asked recorded as story", "qual is 'story', should be 'asked'", mset("A3", "qual", "story"))
simple("quals without qual none", "qual is 'asked', should be 'none'", mset("L22", "qual", "asked"))
simple("unknown qualifier", "bad quals", mset("A3", "quals", ["hsm", "oct2026", "k8s"]))


@mut("Managed HSM asked floor", "floor: Managed HSM asked")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "hsm" in mm.get("quals", []):
            n += 1
            if n > 9:
                mm["quals"] = [q for q in mm["quals"] if q != "hsm"]
                ask = build47.ask_part(x["question"])
                mm["qual"] = "none" if not mm["quals"] else (
                    "asked" if "iac" in mm["quals"] and build47.IAC_RE.search(ask) else "story")


@mut("Managed HSM asked in too few ways (qualifiers dropped)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    for k in ("A3", "A1"):
        mm = c.meta(k)
        mm["quals"] = [q for q in mm["quals"] if q != "hsm"]
        mm["qual"] = "story"


@mut("Managed HSM asked in too few ways (asks reworded)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    c.q_rep("A3", "which key and version is the registry actually using right now", "what the registry runs on right now")
    c.q_rep("A3", "versus version in use", "versus the active version")
    c.q_rep("A1", "what do we remove to revoke", "what do we remove, exactly")


@mut("iac named floor", "floor: portal/Terraform/Bicep/ARM/AVM named")
def _(c):
    for k in ("L3", "L21"):
        mm = c.meta(k)
        mm["quals"] = [q for q in mm["quals"] if q != "iac"]
        mm["qual"] = "none" if not mm["quals"] else mm["qual"]


@mut("October 2026 floor", "floor: October 2026")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "oct2026" in mm.get("quals", []) and n < 5:
            mm["quals"] = [q for q in mm["quals"] if q != "oct2026"]
            n += 1


# ---------------- spread and per-doc ----------------
@mut("spread against blind46", "first canonicals new against blind46 (floor 30)")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind46-first-canonicals.txt")) if x.strip()]
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < 20 and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [firsts[n]]
            x["related"] = [r for r in x["related"] if r != firsts[n]] or [firsts[n + 20]]
            n += 1


@mut("spread against blind46 and blind45", "first canonicals new against blind46 and blind45")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind45-first-canonicals.txt")) if x.strip()]
    b46 = {x.strip() for x in open(os.path.join(c.d, "prev", "blind46-first-canonicals.txt"))}
    pool = [f for f in dict.fromkeys(firsts) if f not in b46]
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < min(32, len(pool)) and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [pool[n]]
            x["related"] = [r for r in x["related"] if r != pool[n]] or ["acr-cmk/references/overview.md#requirements-at-a-glance"]
            n += 1


simple("troubleshooting doc above 8", "first canonical doc troubleshooting count 9",
       lambda c: c.e("L20")["canonical"].__setitem__(0, "acr-cmk/references/troubleshooting.md#registry-identity-is-inactive-or-expired"))
simple("networking doc below 2", "first canonical doc networking count 1",
       chain(lambda c: c.e("L10")["canonical"].__setitem__(0, "acr-cmk/references/overview.md#requirements-at-a-glance"),
             lambda c: c.e("S8")["canonical"].__setitem__(0, "acr-cmk/references/overview.md#network-requirement-for-a-locked-down-key-vault")))
simple("blind46 first-canonical list missing", "first-canonical list missing: blind46",
       lambda c: os.remove(os.path.join(c.d, "prev", "blind46-first-canonicals.txt")))


@mut("blind45 first-canonical list cut to 47", "blind45 has 47 lines")
def _(c):
    p = os.path.join(c.d, "prev", "blind45-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:47])


@mut("blind46 first-canonical list cut to 40", "blind46 has 40 lines")
def _(c):
    p = os.path.join(c.d, "prev", "blind46-first-canonicals.txt")
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


simple("typo planted in blind20", "typo 'assignemnt' already used in blind19-46", plant_prev(20, "assignemnt"))
simple("typo planted in blind41", "typo 'netwrok' already used in blind19-46", plant_prev(41, "netwrok"))
simple("typo planted in blind46", "typo 'activaiton' already used in blind19-46", plant_prev(46, "activaiton"))
simple("typo moved to an off-topic short", "typo must sit in a short on-topic question",
       chain(mdel("S6", "typo"), qrep("S6", "assignemnt", "assignment"), mset("X10", "typo", "assignemnt"),
             qrep("X10", "encryption key for", "encryption key assignemnt for")))
simple("typo fixed in the question", "typo 'activaiton' not in the question", qrep("S7", "activaiton", "activation"))
simple("unrecorded typo in another question", "unrecorded typo 'netwrok'",
       qrep("S10", "to auto rotation", "to auto rotation netwrok"))
simple("typo used twice", "typo 'netwrok' used 2 times",
       chain(mset("S12", "typo", "netwrok"), qrep("S12", "with a current az cli", "with a current netwrok az cli")))
simple("unknown typo word", "not in the set's typo list",
       chain(mset("S8", "typo", "netwok"), qrep("S8", "netwrok", "netwok")))


@mut("typo added to the knowledge", "typo 'assignemnt' stands in the knowledge or facts")
def _(c):
    p = c.kfile("acr-cmk/references/overview.md")
    open(p, "a").write("\nassignemnt\n")


# ---------------- copying ----------------
simple("knowledge 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L17", "cryew is already Premium", "The registry cannot unwrap its data without the key, and cryew is already Premium"))
simple("fact-sheet 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L17", "cryew is already Premium", "Local RBAC changes can take several minutes to propagate, and cryew is already Premium"))
simple("knowledge command line inside a fence", "12-token run (fences included) shared with knowledge/facts",
       qrep("L21", "  ~ heron {\n", '  ~ heron {\naz keyvault key rotate --name "$KEY_NAME" --vault-name "$KEY_VAULT_NAME"\n'))
simple("pasted error moved into prose", "8-token run shared with knowledge/facts",
       qrep("L22", "The wiki was written", "The CLI said Cannot set policies to a vault with '--enable-rbac-authorization' specified. The wiki was written"))
simple("fence with knowledge prose", "12-token run (fences included)",
       qrep("L21", "  ~ heron {\n", "  ~ heron {\nthe registry cannot unwrap its data without the key so deleting the key store\n"))
simple("blind30 8-token run", "8-token run shared with blind19-46",
       lambda c: c.e("L17").__setitem__("question", c.e("L17")["question"] + " " + prevq(30, 8)(c)[:120]))
simple("blind41 8-token run", "8-token run shared with blind19-46",
       lambda c: c.e("L17").__setitem__("question", c.e("L17")["question"] + " " + prevq(41, 3)(c)[:150]))
simple("blind46 8-token run", "8-token run shared with blind19-46",
       lambda c: c.e("L17").__setitem__("question", c.e("L17")["question"] + " " + prevq(46, 2)(c)[:150]))
simple("blind46 question repeated", "Jaccard > 0.6 with blind46",
       lambda c: c.e("A7").__setitem__("question", prevq(46, 5)(c)))
simple("blind45 question repeated", "Jaccard > 0.6 with blind45",
       lambda c: c.e("S10").__setitem__("question", prevq(45, 40)(c)))
simple("blind41 question repeated", "Jaccard > 0.6 with blind41",
       lambda c: c.e("S5").__setitem__("question", prevq(41, 10)(c)))
simple("near-duplicate inside the set", "Jaccard > 0.6 with",
       lambda c: c.e("A5").__setitem__("question", c.e("A7")["question"].replace("sort out the network", "fix the network")))
simple("truth copies a knowledge sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("L19").__setitem__("truth", c.e("L19")["truth"] + " Soft delete alone keeps deleted keys and vaults recoverable, but someone with purge rights can still destroy them permanently before the retention period ends."))
simple("truth copies a fact-sheet sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("A5").__setitem__("truth", c.e("A5")["truth"] + " Whether this revision is already live on Learn was not checked."))
simple("question copies a knowledge sentence", "question copies a knowledge/fact sentence",
       qrep("L17", "cryew is already Premium", "Registries without a CMK are still encrypted at rest with Microsoft-managed keys. cryew is already Premium"))
simple("question echoes a heading", "question echoes a heading",
       qrep("L17", "cryew is already Premium", "Rotate on a schedule with a Key Vault rotation policy, they said. cryew is already Premium"))


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
    p = c.kfile("acr-cmk/references/key-rotation.md")
    s = open(p, encoding="utf-8").read()
    if "versionless** ID of the key" not in s:
        raise AssertionError("setup: text not in key-rotation.md")
    open(p, "w", encoding="utf-8").write(s.replace("versionless** ID of the key", "versionless** identifier of the key"))


@mut("fact sheets missing", "fact sheets missing")
def _(c):
    for f in os.listdir(os.path.join(c.d, "facts")):
        os.remove(os.path.join(c.d, "facts", f))


simple("prev file missing", "prev file missing: blind27.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind27.json")))
simple("blind41 prev file missing", "prev file missing: blind41.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind41.json")))
simple("blind46 prev file missing", "prev file missing: blind46.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind46.json")))

# ---------------- off-topic ----------------
simple("banned blind46 subject", "banned off-topic subject 'graylog'",
       chain(mset("X11", "subject", "graylog"), qset("X11", "how do i rotate the graylog password secret for our registry logs?")))
simple("banned blind45 subject", "banned off-topic subject 'vaultwarden'",
       chain(mset("X11", "subject", "vaultwarden"), qset("X11", "how do i rotate the vaultwarden key after our registry admin left?")))
simple("banned blind44 subject", "banned off-topic subject 'rclone'",
       chain(mset("X11", "subject", "rclone"), qset("X11", "how do i change the rclone crypt password for our registry backups?")))
simple("blind46 subject in another question", "off-topic question names banned 'wazuh'",
       qrep("X8", "for people already signed in.", "for people already signed in, as we did for wazuh."))
simple("subject planted in blind33", "subject 'bareos' used in blind19-46", plant_prev(33, "bareos"))
simple("subject planted in blind46", "subject 'passbolt' used in blind19-46", plant_prev(46, "passbolt"))
simple("subject not in question", "subject 'passbolt' not in the question",
       qset("X12", "regenerate the password manager server openpgp key that guards our registry passwords"))
simple("banned key word in off-topic", "off-topic question names banned 'kubernetes'",
       qrep("X1", "Nightly copies of our self-hosted", "Nightly copies of our Kubernetes-hosted"))
simple("banned key word kms", "off-topic question names banned 'kms'",
       qrep("X2", "which feels a lot like", "which feels a lot like a KMS or"))
simple("near_miss on an agent item", "near_miss only on long off-topic posts", mset("X7", "near_miss", True))
simple("near-miss floor", "floor: near misses", chain(mdel("X1", "near_miss"), mdel("X2", "near_miss")))


@mut("off-topic story floor", "floor: long off-topic registry+key stories")
def _(c):
    for k in ("X5", "X6"):
        e = c.e(k)
        e["question"] = re.sub(r"\bregistr\w*", "service", e["question"], flags=re.I)


simple("off-topic subject missing", "off-topic subject missing", mdel("X6", "subject"))
simple("shape flag on off-topic", "shape flag checklist on an off-topic item", mset("X6", "checklist", True))
simple("subject on an on-topic item", "subject/near_miss on an on-topic item", mset("L1", "subject", "x"))


# ---------------- long measures ----------------
@mut("fenced long floor", "floor: fenced long posts")
def _(c):
    e = c.e("L21")
    e["question"] = e["question"].replace("```", "")


@mut("fenced troubleshoot floor", "floor: fenced long troubleshoot posts")
def _(c):
    for k in ("L8", "L9", "L11"):
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


# ---------------- checklist ----------------
simple("checklist with two items", "checklist needs >= 3",
       chain(qrep("L4", "- [ ] re-create the access policy for id-petrel-enc\n", ""),
             qrep("L4", "- [ ] restart or re-point crpetrel so it picks the key up again\n", "")))
simple("checklist with nothing done", "checklist needs at least one done and one open item",
       lambda c: c.q_rep("L2", "- [x]", "- [ ]", -1))
simple("checklist with nothing open", "checklist needs at least one done and one open item",
       qrep("L3", "- [ ] depends_on", "- [x] depends_on"))
simple("checklist inside a fence", "checklist needs >= 3",
       chain(qrep("L5", "- [x] Premium pricing tier selected", "```\n- [x] Premium pricing tier selected"),
             qrep("L5", "- [ ] decide how rotation should work\n", "- [ ] decide how rotation should work\n```\n")))
simple("checklist asking only inside the list", "checklist asks nothing outside the list",
       chain(qrep("L1", "for id-avocet-enc?", "for id-avocet-enc."),
             qrep("L1", "with the versionless key URI", "with the versionless key URI?")))
simple("checklist truth written as a checklist", "checklist truth is written as a checklist",
       lambda c: c.e("L3").__setitem__("truth", "- [ ] " + c.e("L3")["truth"]))
simple("checklist truth naming no step", "checklist truth names none of the listed steps",
       tset("L4", "Only the first action matters; nothing else."))
simple("checklist on a short item", "checklist must be a long post", mset("S12", "checklist", True))
simple("checklist used 4 times", "shape checklist used 4 times, want exactly 5", mdel("L2", "checklist"))
simple("checklist used 6 times", "shape checklist used 6 times, want exactly 5", mset("L21", "checklist", True))

# ---------------- code_switch ----------------
simple("code_switch with three function words", "code_switch question has no sentence with >= 4 function words",
       qset("S3", "wie prüfen, ob acr mit cmk verschlüsselt?"))
simple("code_switch without an English term", "code_switch question has no English technical term",
       qset("S1", "pourquoi les journaux de nos tâches disparaissent après un jour avec la clé?"))
simple("code_switch truth not in English", "code_switch truth is not in English",
       lambda c: c.e("L6").__setitem__("truth", c.e("L6")["truth"] + " Espero que esto te ayude con el registro, porque es importante."))
simple("code_switch on an agent item", "code_switch must be a short or long item", mset("A5", "code_switch", True))
simple("code_switch used 4 times", "shape code_switch used 4 times, want exactly 5", mdel("S2", "code_switch"))
simple("code_switch used 6 times", "shape code_switch used 6 times, want exactly 5", mset("S10", "code_switch", True))

# ---------------- log_timestamps ----------------
simple("log_timestamps with two lines", "log_timestamps needs >= 3",
       qrep("L12", "2026-11-06T16:41:10Z crosprey  pull library/nginx:1.27 -> 403\n", ""))
simple("log_timestamps with non-ISO times", "log_timestamps needs >= 3",
       lambda c: c.q_rep("L9", "2026-11-04T", "04/11/2026 ", -1))
simple("log_timestamps out of order", "log_timestamps lines are not in time order",
       qrep("L8", "2026-11-03T08:05:02Z", "2026-11-01T08:05:02Z"))
simple("log_timestamps asking nothing", "log_timestamps asks nothing outside the log lines",
       qrep("L10", "how do I finish the create?", "how do I finish the create."))
simple("log_timestamps truth pasting a log line", "log_timestamps truth pastes a log line",
       lambda c: c.e("L11").__setitem__("truth", c.e("L11")["truth"] + "\n2026-11-06T10:00:31Z create failed"))
simple("log_timestamps truth naming no time", "log_timestamps truth names no time from the log",
       lambda c: (c.t_rep("L12", "The 16:40 delete", "The delete"), c.t_rep("L12", "from 16:41", "from then on")))
simple("log_timestamps on a short item", "log_timestamps must be a long post", mset("S11", "log_timestamps", True))
simple("log_timestamps used 4 times", "shape log_timestamps used 4 times, want exactly 5", mdel("L9", "log_timestamps"))
simple("log_timestamps used 6 times", "shape log_timestamps used 6 times, want exactly 5", mset("L22", "log_timestamps", True))

# ---------------- url_paste ----------------
simple("url_paste without https", "url_paste question has no https:// URL", qrep("S4", "https://", "http://"))
simple("url_paste key URL with a short version", "url_paste key URL",
       qrep("S4", "0f3a6c9e1b2d4857a3c6e9f1b4d7a2c5", "0f3a6c9e"))
simple("url_paste implausible HSM name", "url_paste managedhsm name '9mhsm-kestrel' is not a plausible name",
       qrep("L18", "https://mhsm-kestrel.", "https://9mhsm-kestrel."))
simple("url_paste vault name too long", "url_paste vault name 'kv-finch-westeurope-second-region' is not a plausible name",
       qrep("L20", "https://kv-finch-weu2.", "https://kv-finch-westeurope-second-region."))
simple("url_paste truth not referring to the URL", "url_paste truth does not refer to the pasted URL",
       tset("S5", "Because it names a secret instead of a key; pass the Managed HSM key's own kid."))
simple("url_paste on an agent item", "url_paste must be a short or long item", mset("A6", "url_paste", True))
simple("url_paste used 4 times", "shape url_paste used 4 times, want exactly 5", mdel("L19", "url_paste"))
simple("url_paste used 6 times", "shape url_paste used 6 times, want exactly 5", mset("L2", "url_paste", True))

# ---------------- python_sdk ----------------
simple("python_sdk code outside a fence", "python_sdk needs an Azure SDK import inside a fence",
       lambda c: c.q_rep("L16", "```", "", -1))
simple("python_sdk without an Azure import", "python_sdk needs an Azure SDK import inside a fence",
       lambda c: c.q_rep("L13", "from azure.", "from contoso.", -1))
simple("python_sdk asking nothing", "python_sdk asks nothing in the prose",
       qrep("L17", "into a CMK registry?", "into a CMK registry."))
simple("python_sdk truth without CLI or portal", "python_sdk truth gives no CLI or portal answer",
       tset("L14", "Add a version in the Managed HSM that allows wrap and unwrap; the role on the key covers it."))
simple("python_sdk on a short item", "python_sdk must be a long post", mset("S12", "python_sdk", True))
simple("python_sdk used 4 times", "shape python_sdk used 4 times, want exactly 5", mdel("L15", "python_sdk"))
simple("python_sdk used 6 times", "shape python_sdk used 6 times, want exactly 5", mset("L24", "python_sdk", True))
simple("two new shapes on one item", "more than one new shape on one item", mset("S1", "url_paste", True))

# ---------------- two_facts ----------------
simple("two_facts floor", "floor: shape two_facts 3 < 4",
       chain(mdel("L22", "two_facts"), lambda c: c.e("L22")["canonical"].pop(),
             lambda c: c.e("L22")["answer_facts"].pop()))


def run_check(d):
    env = dict(os.environ, BLIND47_DIR=d, BLIND47_KROOT=os.path.join(d, "k"), BLIND47_FACTS=os.path.join(d, "facts"))
    p = subprocess.run([sys.executable, os.path.join(HERE, "check47.py")], env=env, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def fresh(with_build):
    d = tempfile.mkdtemp(prefix="mut-", dir=HERE)
    for f in ("blind47.json", "blind47-meta.json"):
        shutil.copy(os.path.join(HERE, f), d)
    shutil.copytree(os.path.join(HERE, "prev"), os.path.join(d, "prev"))
    shutil.copytree(KROOT, os.path.join(d, "k"))
    shutil.copytree(FACTS, os.path.join(d, "facts"))
    if with_build:
        shutil.copy(os.path.join(HERE, "build47.py"), d)
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
