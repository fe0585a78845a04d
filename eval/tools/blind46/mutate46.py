"""blind46 mutation driver. Each mutation runs on a fresh temp copy (inside blind46/) of the set, prev/,
the knowledge and the fact sheets; it counts as caught only when check46.py exits 1 and prints the
mutation's expected message."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
KROOT = os.environ.get("BLIND46_KROOT", "/work/scratch/kstripped")
FACTS = os.environ.get("BLIND46_FACTS", "/work/shared/facts")
sys.path.insert(0, HERE)
import build46  # noqa: E402
import kparse  # noqa: E402

_entries, _meta = build46.build()
_byq = {q["question"]: q["key"] for q in build46.QUESTIONS}
ID = {_byq[e["question"]]: e["id"] for e in _entries}
SCENARIO_SECTION = next(k for k in kparse.parse_all(KROOT) if k.startswith("acr-cmk/scenarios/"))


class Ctx:
    def __init__(self, d):
        self.d = d
        self.j = json.load(open(os.path.join(d, "blind46.json"), encoding="utf-8"))
        self.m = json.load(open(os.path.join(d, "blind46-meta.json"), encoding="utf-8"))

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
        json.dump(self.j, open(os.path.join(self.d, "blind46.json"), "w", encoding="utf-8"), indent=1)
        json.dump(self.m, open(os.path.join(self.d, "blind46-meta.json"), "w", encoding="utf-8"), indent=1)

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
for pfx in ("f", "e", "m", "j", "k", "h"):
    def f(c, pfx=pfx):
        c.j[5]["id"] = pfx + c.j[5]["id"][1:]
    simple("id prefix %s (earlier set)" % pfx, "bad id at position 6", f)
simple("ids numbered from zero", "bad id at position 1",
       lambda c: [x.__setitem__("id", "b%03d" % (int(x["id"][1:]) - 1)) for x in c.j])
simple("wrong source", "bad source", lambda c: c.j[3].__setitem__("source", "written by hand"))
simple("key order swapped", "keys or key order wrong",
       lambda c: c.j.__setitem__(2, dict([("category", c.j[2]["category"])] +
                                         [(k, v) for k, v in c.j[2].items() if k != "category"])))
simple("extra key in an entry", "keys or key order wrong", lambda c: c.j[7].__setitem__("notes", "x"))
simple("meta entry missing", "meta: ids do not match", lambda c: c.m.pop("b010"))
simple("59 entries", "need a list of 60", lambda c: c.j.pop())
simple("rebuild: json truth edited", "rebuild differs from blind46.json",
       lambda c: c.j[0].__setitem__("truth", c.j[0]["truth"] + " Extra."), True)
simple("rebuild: meta edited", "rebuild differs from blind46-meta.json",
       lambda c: c.m["b001"].__setitem__("qual", "none" if c.m["b001"]["qual"] != "none" else "asked"), True)


@mut("three of one category in a row", "three")
def _(c):
    grp = [x for x in c.j if x["category"] == "off-topic"][:3]
    rest = [x for x in c.j if x not in grp]
    new = rest[:10] + grp + rest[10:]
    old_meta = {x["id"]: c.m[x["id"]] for x in c.j}
    c.m.clear()
    for n, x in enumerate(new, 1):
        c.m["b%03d" % n] = old_meta[x["id"]]
        x["id"] = "b%03d" % n
    c.j[:] = new


# ---------------- dropped flags and fields ----------------
for fld, val in [(f, True) for f in ("multiple_choice", "support_email", "voice_dictation", "code_comment",
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
       lambda c: c.e("L13")["answer_facts"].__setitem__(0, "the hsm refuses azure roles"))
simple("answer_fact only in a related section", "answer_fact not in first canonical",
       lambda c: c.e("L17")["answer_facts"].__setitem__(0, "nothing to do with reaching the key"))
simple("answer_fact added from a related section", "answer_fact not in first canonical",
       lambda c: c.e("L20")["answer_facts"].append("purging is irreversible"))
simple("answer_fact over 7 words", "answer_fact over 7 words",
       lambda c: c.e("A12")["answer_facts"].__setitem__(0, "running az keyvault key create with the name of an existing key"))
simple("fact not in any section", "fact not in a canonical or related section",
       lambda c: c.e("S8")["facts"].__setitem__(0, "purge protection can be disabled later"))
simple("empty answer_facts", "no answer_facts", eset("S5", "answer_facts", []))
simple("empty facts", "no facts", eset("S5", "facts", []))
simple("two_facts with both facts in the first canonical", "two_facts needs one answer_fact only in each",
       lambda c: c.e("L5")["answer_facts"].__setitem__(1, "purging is irreversible"))
simple("two_facts fact in neither canonical", "answer_fact not in either canonical",
       lambda c: c.e("A6")["answer_facts"].__setitem__(0, "the portal makes the role for you"))
simple("two canonicals without flag", "two canonical sections need two_facts", mdel("L14", "two_facts"))
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
       lambda c: c.e("S6").__setitem__("truth", "No: " + c.e("S6")["truth"][5:]))
simple("no truth without No", "no truth must open 'No: '",
       lambda c: c.e("L8").__setitem__("truth", c.e("L8")["truth"][4:]))
simple("undocumented truth without verdict", "undocumented truth must open 'Not documented'",
       lambda c: c.e("S7").__setitem__("truth", c.e("S7")["truth"][16:]))
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
simple("kind count broken", "kind howto count 13", mset("L15", "kind", "why"))
simple("kind group missing from a style", "kind group yes/no missing from style agent",
       chain(mset("A1", "kind", "value"), mset("A9", "kind", "value"),
             tset("A1", "Managed HSM is a documented key store since the October 2026 revision; plan 2 extra steps."),
             tset("A9", "A Managed HSM grants access only through its local RBAC role on /keys/<key>.")))
simple("category above 9", "category hsm count 10",
       chain(eset("L3", "category", "hsm"), eset("S1", "category", "hsm"), eset("A3", "category", "hsm")))
simple("category below 2", "category setup count 1", chain(eset("L19", "category", "iac"), eset("L24", "category", "iac")))

# ---------------- style rules ----------------
simple("long post too short", "long question length", qset("L8", "Can we delete one version only?"))
simple("long post too long", "long question length",
       lambda c: c.e("L8").__setitem__("question", c.e("L8")["question"] + (" Some more background here." * 60)))
simple("short question of 15 words", "short question has 15 words",
       qset("S12", "removed the identity's kv role yet acr still pulls fine and pushes fine too today"))
simple("short question on two lines", "short question spans lines", qrep("S12", " yet acr", "\nyet acr"))
simple("agent query of 50 words", "agent query has",
       lambda c: c.e("A7").__setitem__("question", c.e("A7")["question"] + " please" + " also" * 30))
simple("agent query on two lines", "agent query spans lines", qrep("A7", " Question:", "\nQuestion:"))
simple("context form without Context:", "context form must open with 'Context:'",
       lambda c: c.e("A7").__setitem__("question", c.e("A7")["question"][len("Context: "):]))
simple("imperative form without verb", "imperative form must open with an imperative verb",
       qrep("A5", "Show how to", "I need to know how to"))
simple("keywords form opening uppercase", "keywords form must open lowercase",
       lambda c: c.e("A10").__setitem__("question", "A" + c.e("A10")["question"][1:]))
simple("keywords form with ?", "keywords form must open lowercase", qrep("A10", "and is attached", "and is attached?"))
simple("form on a short item", "form on a non-agent item", mset("S12", "form", "keywords"))
simple("agent forms miscounted", "on-topic agent form context count 4",
       chain(mset("A7", "form", "imperative"), qrep("A7", "Context: our grant", "Explain: our grant")))
simple("off-topic agent forms miscounted", "off-topic agent form keywords count 0",
       chain(mset("X9", "form", "imperative"),
             lambda c: c.e("X9").__setitem__("question", "Explain " + c.e("X9")["question"])))


@mut("three short questions not lowercase", "short questions not lowercase (max 2)")
def _(c):
    for k in ("S8", "S9", "S12"):
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
       mset("L17", "quals", ["hsm"]))
simple("iac qualifier without a tool", "iac qualifier but no portal/Terraform/Bicep/ARM/AVM",
       mset("S8", "quals", ["iac"]))
simple("October 2026 truth without Managed HSM", "October 2026 truth names neither",
       tset("S11", "Delete the role assignment at the scope it was created at, usually /keys/<key>, after listing the identity's assignments."))
simple("qual asked recorded as story", "qual is 'story', should be 'asked'", mset("A9", "qual", "story"))
simple("quals without qual none", "qual is 'asked', should be 'none'", mset("L17", "qual", "asked"))
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
                ask = build46.ask_part(x["question"])
                mm["qual"] = "none" if not mm["quals"] else (
                    "asked" if "iac" in mm["quals"] and build46.IAC_RE.search(ask) else "story")


@mut("Managed HSM asked in too few ways (qualifiers dropped)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    for k in ("L12", "L20"):
        mm = c.meta(k)
        mm["quals"] = [q for q in mm["quals"] if q != "hsm"]
        mm["qual"] = "story"


@mut("Managed HSM asked in too few ways (asks reworded)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    c.q_rep("L12", "Which key version will each registry be on afterwards", "Where will each registry stand afterwards")
    c.q_rep("L20", "How do we recover the deleted key from the Managed HSM,", "How do we get it back from the Managed HSM,")


@mut("iac named floor", "floor: portal/Terraform/Bicep/ARM/AVM named")
def _(c):
    for k in ("L18", "L21"):
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
@mut("spread against blind45", "first canonicals new against blind45 (floor 30)")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind45-first-canonicals.txt")) if x.strip()]
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < 20 and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [firsts[n]]
            x["related"] = [r for r in x["related"] if r != firsts[n]] or [firsts[n + 20]]
            n += 1


@mut("spread against blind45 and blind44", "first canonicals new against blind45 and blind44")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind44-first-canonicals.txt")) if x.strip()]
    b45 = {x.strip() for x in open(os.path.join(c.d, "prev", "blind45-first-canonicals.txt"))}
    pool = [f for f in dict.fromkeys(firsts) if f not in b45]
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < min(32, len(pool)) and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [pool[n]]
            x["related"] = [r for r in x["related"] if r != pool[n]] or ["acr-cmk/references/overview.md#requirements-at-a-glance"]
            n += 1


simple("troubleshooting doc above 8", "first canonical doc troubleshooting count 9",
       lambda c: c.e("L20")["canonical"].__setitem__(0, "acr-cmk/references/troubleshooting.md#registry-access-lost-after-key-permissions-were-revoked"))
simple("key-rotation doc below 2", "first canonical doc key-rotation count 1",
       lambda c: c.e("A12")["canonical"].__setitem__(0, "acr-cmk/references/overview.md#the-key-encryption-key-kek-and-its-identifier"))
simple("blind45 first-canonical list missing", "first-canonical list missing: blind45",
       lambda c: os.remove(os.path.join(c.d, "prev", "blind45-first-canonicals.txt")))


@mut("blind44 first-canonical list cut to 47", "blind44 has 47 lines")
def _(c):
    p = os.path.join(c.d, "prev", "blind44-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:47])


@mut("blind45 first-canonical list cut to 40", "blind45 has 40 lines")
def _(c):
    p = os.path.join(c.d, "prev", "blind45-first-canonicals.txt")
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


simple("typo planted in blind20", "typo 'retenion' already used in blind19-45", plant_prev(20, "retenion"))
simple("typo planted in blind41", "typo 'trusetd' already used in blind19-45", plant_prev(41, "trusetd"))
simple("typo planted in blind45", "typo 'prinicpal' already used in blind19-45", plant_prev(45, "prinicpal"))
simple("typo moved to an off-topic short", "typo must sit in a short on-topic question",
       chain(mdel("S8", "typo"), qrep("S8", "retenion", "retention"), mset("X10", "typo", "retenion"),
             qrep("X10", "agent key on", "agent key retenion on")))
simple("typo fixed in the question", "typo 'prinicpal' not in the question", qrep("S9", "prinicpal", "principal"))
simple("unrecorded typo in another question", "unrecorded typo 'trusetd'",
       qrep("S12", "kv role yet", "kv role yet trusetd"))
simple("typo used twice", "typo 'trusetd' used 2 times",
       chain(mset("S11", "typo", "trusetd"), qrep("S11", "which scope to delete at", "which trusetd scope to delete at")))
simple("unknown typo word", "not in the set's typo list",
       chain(mset("S10", "typo", "trustd"), qrep("S10", "trusetd", "trustd")))


@mut("typo added to the knowledge", "typo 'retenion' stands in the knowledge or facts")
def _(c):
    p = c.kfile("acr-cmk/references/overview.md")
    open(p, "a").write("\nretenion\n")


# ---------------- copying ----------------
simple("knowledge 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L8", "I'm the one who has to type", "The registry cannot unwrap its data without the key, and I'm the one who has to type"))
simple("fact-sheet 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L8", "I'm the one who has to type", "Local RBAC changes can take several minutes to propagate, and I'm the one who has to type"))
simple("knowledge command line inside a fence", "12-token run (fences included) shared with knowledge/facts",
       qrep("L16", "$ grep KEK config/crdolomite.env\n", '$ grep KEK config/crdolomite.env\naz keyvault key rotate --name "$KEY_NAME" --vault-name "$KEY_VAULT_NAME"\n'))
simple("pasted error moved into prose", "8-token run shared with knowledge/facts",
       qrep("L17", "The role assignment that lets", "The CLI said Cannot set policies to a vault with '--enable-rbac-authorization' specified. The role assignment that lets"))
simple("fence with knowledge prose", "12-token run (fences included)",
       qrep("L16", "could not be resolved.\n```", "could not be resolved.\nthe registry cannot unwrap its data without the key so deleting the key store\n```"))
simple("blind19-40 8-token run", "8-token run shared with blind19-45",
       lambda c: c.e("L8").__setitem__("question", c.e("L8")["question"] + " " + prevq(30, 8)(c)[:120]))
simple("blind41 8-token run", "8-token run shared with blind19-45",
       lambda c: c.e("L8").__setitem__("question", c.e("L8")["question"] + " " + prevq(41, 3)(c)[:150]))
simple("blind45 8-token run", "8-token run shared with blind19-45",
       lambda c: c.e("L8").__setitem__("question", c.e("L8")["question"] + " " + prevq(45, 2)(c)[:150]))
simple("blind45 question repeated", "Jaccard > 0.6 with blind45",
       lambda c: c.e("A7").__setitem__("question", prevq(45, 5)(c)))
simple("blind44 question repeated", "Jaccard > 0.6 with blind44",
       lambda c: c.e("S12").__setitem__("question", prevq(44, 40)(c)))
simple("blind41 question repeated", "Jaccard > 0.6 with blind41",
       lambda c: c.e("S5").__setitem__("question", prevq(41, 10)(c)))
simple("near-duplicate inside the set", "Jaccard > 0.6 with",
       lambda c: c.e("A5").__setitem__("question", c.e("A7")["question"].replace("the safer choice", "the better choice")))
simple("truth copies a knowledge sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("L19").__setitem__("truth", c.e("L19")["truth"] + " Soft delete alone keeps deleted keys and vaults recoverable, but someone with purge rights can still destroy them permanently before the retention period ends."))
simple("truth copies a fact-sheet sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("A5").__setitem__("truth", c.e("A5")["truth"] + " Whether this revision is already live on Learn was not checked."))
simple("question copies a knowledge sentence", "question copies a knowledge/fact sentence",
       qrep("L8", "I'm the one who has to type", "Registries without a CMK are still encrypted at rest with Microsoft-managed keys. I'm the one who has to type"))
simple("question echoes a heading", "question echoes a heading",
       qrep("L8", "I'm the one who has to type", "Rotate on a schedule with a Key Vault rotation policy, they said. I'm the one who has to type"))


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
    if "covers every version of the" not in s:
        raise AssertionError("setup: text not in key-rotation.md")
    open(p, "w", encoding="utf-8").write(s.replace("covers every version of the", "applies to every version of the"))


@mut("fact sheets missing", "fact sheets missing")
def _(c):
    for f in os.listdir(os.path.join(c.d, "facts")):
        os.remove(os.path.join(c.d, "facts", f))


simple("prev file missing", "prev file missing: blind27.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind27.json")))
simple("blind41 prev file missing", "prev file missing: blind41.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind41.json")))
simple("blind45 prev file missing", "prev file missing: blind45.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind45.json")))

# ---------------- off-topic ----------------
simple("banned blind45 subject", "banned off-topic subject 'vaultwarden'",
       chain(mset("X11", "subject", "vaultwarden"), qset("X11", "how do i rotate the vaultwarden key after our registry admin left?")))
simple("banned blind44 subject", "banned off-topic subject 'rclone'",
       chain(mset("X11", "subject", "rclone"), qset("X11", "how do i change the rclone crypt password for our registry backups?")))
simple("banned blind43 subject", "banned off-topic subject 'borg'",
       chain(mset("X11", "subject", "borg"), qset("X11", "borg repository holding registry backups: how do i change its passphrase?")))
simple("blind45 subject in another question", "off-topic question names banned 'syncthing'",
       qrep("X8", "without locking anyone out mid-rotation.", "without locking anyone out mid-rotation, as we did for syncthing."))
simple("subject planted in blind33", "subject 'juicefs' used in blind19-45", plant_prev(33, "juicefs"))
simple("subject planted in blind45", "subject 'opnsense' used in blind19-45", plant_prev(45, "opnsense"))
simple("subject not in question", "subject 'opnsense' not in the question",
       qset("X12", "replace the firewall web gui certificate key in front of our registry"))
simple("banned key word in off-topic", "off-topic question names banned 'kubernetes'",
       qrep("X1", "We self-host a Distribution", "We self-host on Kubernetes a Distribution"))
simple("banned key word kms", "off-topic question names banned 'kms'",
       qrep("X2", "client-side encryption, using", "client-side encryption and a KMS, using"))
simple("near_miss on an agent item", "near_miss only on long off-topic posts", mset("X7", "near_miss", True))
simple("near-miss floor", "floor: near misses", chain(mdel("X1", "near_miss"), mdel("X2", "near_miss")))


@mut("off-topic story floor", "floor: long off-topic registry+key stories")
def _(c):
    for k in ("X5", "X6"):
        e = c.e(k)
        e["question"] = re.sub(r"\bregistr\w*", "service", e["question"], flags=re.I)


simple("off-topic subject missing", "off-topic subject missing", mdel("X6", "subject"))
simple("shape flag on off-topic", "shape flag ticket_template on an off-topic item", mset("X6", "ticket_template", True))
simple("subject on an on-topic item", "subject/near_miss on an on-topic item", mset("L1", "subject", "x"))


# ---------------- long measures ----------------
@mut("fenced long floor", "floor: fenced long posts")
def _(c):
    e = c.e("L21")
    e["question"] = e["question"].replace("```", "")


@mut("fenced troubleshoot floor", "floor: fenced long troubleshoot posts")
def _(c):
    for k in ("L16", "L17", "L18"):
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


# ---------------- ticket_template ----------------
simple("ticket_template with two core fields", "ticket_template needs >= 3 labelled fields",
       chain(qrep("L3", "Environment: staging", "Setup - staging"), qrep("L3", "Expected: an RSA-HSM", "We expected an RSA-HSM"),
             qrep("L3", "Actual: the call", "What happened: the call"), qrep("L3", "Impact: cronyx", "Effect - cronyx")))
simple("ticket_template asking before its fields", "ticket_template asks outside its fields",
       qrep("L2", "Summary: az acr check-health", "Quick one, is this known?\nSummary: az acr check-health"))
simple("ticket_template asking in two fields", "ticket_template spreads its question over several fields",
       qrep("L4", "the morning after a weekend", "the morning after a weekend, or can they?"))
simple("ticket_template repeating a label", "ticket_template repeats a field label",
       qrep("L5", "Impact: storefront deployments are frozen", "Impact: storefront deployments are frozen\nImpact: the mobile team is blocked too"))
simple("ticket_template asking nothing", "ticket_template asks nothing",
       qrep("L1", "instead of failing?", "instead of failing."))
simple("ticket_template truth written as a ticket", "ticket_template truth is written as a ticket",
       lambda c: c.e("L3").__setitem__("truth", "Summary: " + c.e("L3")["truth"]))
simple("ticket_template on a short item", "ticket_template must be a long post", mset("S12", "ticket_template", True))
simple("ticket_template used 4 times", "shape ticket_template used 4 times, want exactly 5", mdel("L2", "ticket_template"))
simple("ticket_template used 6 times", "shape ticket_template used 6 times, want exactly 5", mset("L19", "ticket_template", True))

# ---------------- quoted_reply ----------------
simple("quoted_reply with one quoted line", "quoted_reply needs >= 2 quoted '>' lines",
       qrep("L6", "> and re-run the local role", "and re-run the local role"))
simple("quoted_reply quote inside a fence", "quoted_reply needs >= 2 quoted '>' lines",
       lambda c: c.e("L9").__setitem__("question", "```\n" + c.e("L9")["question"].replace("flip it back. Same effect, zero risk.\n", "flip it back. Same effect, zero risk.\n```\n", 1)))
simple("quoted_reply without a follow-up", "quoted_reply asks no follow-up of its own",
       qrep("L10", "or can those still be changed from anywhere?", "or whether those can still be changed from anywhere."))
simple("quoted_reply truth written as a quote", "quoted_reply truth is written as a quote",
       lambda c: c.e("L8").__setitem__("truth", "> " + c.e("L8")["truth"]))
simple("quoted_reply truth not answering the follow-up", "quoted_reply truth does not answer the follow-up",
       tset("L6", "Follow the wiki as written; nothing else to add."))
simple("quoted_reply on a short item", "quoted_reply must be a long post", mset("S11", "quoted_reply", True))
simple("quoted_reply used 4 times", "shape quoted_reply used 4 times, want exactly 5", mdel("L7", "quoted_reply"))
simple("quoted_reply used 6 times", "shape quoted_reply used 6 times, want exactly 5", mset("L20", "quoted_reply", True))

# ---------------- markdown_table ----------------
simple("markdown_table without a separator row", "markdown_table needs a table in the prose",
       qrep("L11", "|---|---|---|---|\n", ""))
simple("markdown_table with one data row", "markdown_table needs a table in the prose",
       chain(qrep("L15", "| id-jasper-enc2 | user-assigned | 91ab7e03-...-5c2d | created, not attached |\n", ""),
             qrep("L15", "| (system) | system-assigned | n/a | off |\n", "")))
simple("markdown_table with a ragged row", "markdown_table needs a table in the prose",
       qrep("L13", "| Provisioned | yes, by the HSM team |", "| Provisioned | yes | by the HSM team |"))
simple("markdown_table inside a fence", "markdown_table needs a table in the prose",
       chain(qrep("L12", "| Registry | Key ID", "```\n| Registry | Key ID"), qrep("L12", "| Azure CLI |\n", "| Azure CLI |\n```\n")))
simple("markdown_table asking nothing outside the table", "markdown_table asks nothing outside the table",
       qrep("L14", "once the registry uses a customer-managed key?", "once the registry uses a customer-managed key."))
simple("markdown_table truth naming no resource", "markdown_table truth names none of the table's resources",
       tset("L11", "Only the RSA and RSA-HSM keys qualify, because EC keys and oct keys aren't supported."))
simple("markdown_table on an agent item", "markdown_table must be a long post", mset("A5", "markdown_table", True))
simple("markdown_table used 4 times", "shape markdown_table used 4 times, want exactly 5", mdel("L13", "markdown_table"))
simple("markdown_table used 6 times", "shape markdown_table used 6 times, want exactly 5", mset("L16", "markdown_table", True))

# ---------------- manager_ask ----------------
simple("manager_ask with an az command", "manager_ask question contains an az command",
       qrep("S7", "to save budget?", "with az acr update to save budget?"))
simple("manager_ask with a --flag", "manager_ask question contains a --flag",
       qrep("A2", "can also be zone redundant", "can also be zone redundant (--zone-redundancy)"))
simple("manager_ask with a resource ID", "manager_ask question contains a resource ID",
       qrep("A1", "in dedicated hardware we control.", "in dedicated hardware we control (/subscriptions/0000/resourceGroups/rg-sec)."))
simple("manager_ask with backticks", "manager_ask question contains backticks",
       qrep("S6", "without cmk,", "without `cmk`,"))
simple("manager_ask without a business cue", "manager_ask question has no business cue",
       qrep("S6", "for the audit?", "for the record?"))
simple("manager_ask truth without a concrete answer", "manager_ask truth does not answer concretely",
       tset("S7", "Not documented: nobody has written this down yet, so ask before changing anything."))
simple("manager_ask truth hedging", "manager_ask truth does not answer concretely",
       lambda c: c.e("A3").__setitem__("truth", "It depends on what your auditors want. " + c.e("A3")["truth"]))
simple("manager_ask on a long item", "manager_ask must be a short or agent item", mset("L19", "manager_ask", True))
simple("manager_ask used 4 times", "shape manager_ask used 4 times, want exactly 5", mdel("S6", "manager_ask"))
simple("manager_ask used 6 times", "shape manager_ask used 6 times, want exactly 5", mset("S8", "manager_ask", True))

# ---------------- emoji_casual ----------------
simple("emoji_casual without an emoji", "emoji_casual question has no emoji", qrep("S1", " 🙃", ""))
simple("emoji_casual without slang", "emoji_casual question has no slang or filler word", qrep("S5", " smh", ""))
simple("emoji_casual truth with an emoji", "emoji_casual truth contains an emoji",
       lambda c: c.e("S3").__setitem__("truth", c.e("S3")["truth"] + " 👍"))
simple("emoji_casual truth with slang", "emoji_casual truth uses slang",
       lambda c: c.e("S2").__setitem__("truth", c.e("S2")["truth"] + " Hope that helps lol."))
simple("emoji_casual on an agent item", "emoji_casual must be a short or long item", mset("A12", "emoji_casual", True))
simple("emoji_casual used 4 times", "shape emoji_casual used 4 times, want exactly 5", mdel("S4", "emoji_casual"))
simple("emoji_casual used 6 times", "shape emoji_casual used 6 times, want exactly 5", mset("S10", "emoji_casual", True))
simple("two new shapes on one item", "more than one new shape on one item", mset("S1", "manager_ask", True))

# ---------------- two_facts ----------------
simple("two_facts floor", "floor: shape two_facts 3 < 4",
       chain(mdel("L14", "two_facts"), lambda c: c.e("L14")["canonical"].pop(),
             lambda c: c.e("L14")["answer_facts"].pop()))


def run_check(d):
    env = dict(os.environ, BLIND46_DIR=d, BLIND46_KROOT=os.path.join(d, "k"), BLIND46_FACTS=os.path.join(d, "facts"))
    p = subprocess.run([sys.executable, os.path.join(HERE, "check46.py")], env=env, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def fresh(with_build):
    d = tempfile.mkdtemp(prefix="mut-", dir=HERE)
    for f in ("blind46.json", "blind46-meta.json"):
        shutil.copy(os.path.join(HERE, f), d)
    shutil.copytree(os.path.join(HERE, "prev"), os.path.join(d, "prev"))
    shutil.copytree(KROOT, os.path.join(d, "k"))
    shutil.copytree(FACTS, os.path.join(d, "facts"))
    if with_build:
        shutil.copy(os.path.join(HERE, "build46.py"), d)
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
