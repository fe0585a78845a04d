"""blind45 mutation driver. Each mutation runs on a fresh temp copy (inside blind45/) of the set, prev/,
the knowledge and the fact sheets; it counts as caught only when check45.py exits 1 and prints the
mutation's expected message."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
KROOT = os.environ.get("BLIND45_KROOT", "/work/scratch/kstripped")
FACTS = os.environ.get("BLIND45_FACTS", "/work/shared/facts")
sys.path.insert(0, HERE)
import build45  # noqa: E402
import kparse  # noqa: E402

_entries, _meta = build45.build()
_byq = {q["question"]: q["key"] for q in build45.QUESTIONS}
ID = {_byq[e["question"]]: e["id"] for e in _entries}
SCENARIO_SECTION = next(k for k in kparse.parse_all(KROOT) if k.startswith("acr-cmk/scenarios/"))


class Ctx:
    def __init__(self, d):
        self.d = d
        self.j = json.load(open(os.path.join(d, "blind45.json"), encoding="utf-8"))
        self.m = json.load(open(os.path.join(d, "blind45-meta.json"), encoding="utf-8"))

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
        json.dump(self.j, open(os.path.join(self.d, "blind45.json"), "w", encoding="utf-8"), indent=1)
        json.dump(self.m, open(os.path.join(self.d, "blind45-meta.json"), "w", encoding="utf-8"), indent=1)

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
for pfx in ("e", "m", "j", "k", "h", "g"):
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
simple("rebuild: json truth edited", "rebuild differs from blind45.json",
       lambda c: c.j[0].__setitem__("truth", c.j[0]["truth"] + " Extra."), True)
simple("rebuild: meta edited", "rebuild differs from blind45-meta.json",
       lambda c: c.m["f001"].__setitem__("qual", "none" if c.m["f001"]["qual"] != "none" else "asked"), True)


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
for fld, val in [(f, True) for f in ("analogy", "undo", "chat_transcript", "shorthand", "pr_diff",
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
       lambda c: c.e("L5")["answer_facts"].__setitem__(0, "the hsm refuses azure roles"))
simple("answer_fact only in a related section", "answer_fact not in first canonical",
       lambda c: c.e("L6")["answer_facts"].__setitem__(0, "it does not create them"))
simple("answer_fact added from a related section", "answer_fact not in first canonical",
       lambda c: c.e("L20")["answer_facts"].append("revokes the customer-managed key"))
simple("answer_fact over 7 words", "answer_fact over 7 words",
       lambda c: c.e("A8")["answer_facts"].__setitem__(0, "an initial administrator still has to activate the hsm"))
simple("fact not in any section", "fact not in a canonical or related section",
       lambda c: c.e("S8")["facts"].__setitem__(0, "purge protection can be disabled later"))
simple("empty answer_facts", "no answer_facts", eset("S5", "answer_facts", []))
simple("empty facts", "no facts", eset("S5", "facts", []))
simple("two_facts with both facts in the first canonical", "two_facts needs one answer_fact only in each",
       lambda c: c.e("L22")["answer_facts"].__setitem__(1, "grant the identity access there first"))
simple("two_facts fact in neither canonical", "answer_fact not in either canonical",
       lambda c: c.e("L15")["answer_facts"].__setitem__(0, "the portal makes the role for you"))
simple("two canonicals without flag", "two canonical sections need two_facts", mdel("L12", "two_facts"))
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
simple("unknown kind", "bad kind", mset("A6", "kind", "opinion"))
simple("yes truth opening No", "yes truth must open 'Yes: '",
       lambda c: c.e("S11").__setitem__("truth", "No: " + c.e("S11")["truth"][5:]))
simple("no truth without No", "no truth must open 'No: '",
       lambda c: c.e("L9").__setitem__("truth", c.e("L9")["truth"][4:]))
simple("undocumented truth without verdict", "undocumented truth must open 'Not documented'",
       lambda c: c.e("S4").__setitem__("truth", c.e("S4")["truth"][16:]))
simple("off-topic truth without verdict", "off-topic truth must open 'Not covered: '",
       lambda c: c.e("X3").__setitem__("truth", c.e("X3")["truth"][13:]))
simple("howto truth opening Yes", "howto truth opens with a verdict word",
       lambda c: c.e("A12").__setitem__("truth", "Yes: " + c.e("A12")["truth"]))
simple("off-topic item with canonical", "off-topic item must have empty lists",
       lambda c: c.e("X4")["canonical"].append("acr-cmk/references/overview.md#default-encryption-at-rest-without-a-cmk"))
simple("off-topic category on an on-topic kind", "off-topic category and kind disagree",
       eset("A10", "category", "off-topic"))
simple("unknown category", "bad category", eset("A10", "category", "misc"))
simple("style count broken", "on-topic short count 13", mset("A6", "style", "short"))
simple("unknown style", "bad style", mset("A6", "style", "medium"))
simple("kind count broken", "kind howto count 13", mset("L22", "kind", "why"))
simple("kind group missing from a style", "kind group yes/no missing from style agent",
       chain(mset("A8", "kind", "value"), mset("A9", "kind", "value"),
             tset("A8", "Azure CLI 2.91 needs --retention-days (7 to 90) to create a Managed HSM; it is the soft-delete window."),
             tset("A9", "The registry flag covers the registry's own firewall; kv-tarn needs --bypass AzureServices.")))
simple("category above 9", "category hsm count 10",
       chain(eset("L3", "category", "hsm"), eset("S7", "category", "hsm")))
simple("category below 2", "category iac count 1", chain(eset("L7", "category", "setup"), eset("L8", "category", "setup")))

# ---------------- style rules ----------------
simple("long post too short", "long question length", qset("L20", "Can we revoke one repository only?"))
simple("long post too long", "long question length",
       lambda c: c.e("L20").__setitem__("question", c.e("L20")["question"] + (" Some more background here." * 60)))
simple("short question of 15 words", "short question has 15 words",
       qset("S9", "owner on the new rbac kv but no permissons to create the cmk key now"))
simple("short question on two lines", "short question spans lines", qrep("S9", " but no", "\nbut no"))
simple("agent query of 50 words", "agent query has",
       lambda c: c.e("A6").__setitem__("question", c.e("A6")["question"] + " please" + " also" * 30))
simple("agent query on two lines", "agent query spans lines", qrep("A4", " Question:", "\nQuestion:"))
simple("context form without Context:", "context form must open with 'Context:'",
       lambda c: c.e("A6").__setitem__("question", c.e("A6")["question"][len("Context: "):]))
simple("imperative form without verb", "imperative form must open with an imperative verb",
       qrep("A2", "Give the correct option", "I need the correct option"))
simple("keywords form opening uppercase", "keywords form must open lowercase",
       lambda c: c.e("A10").__setitem__("question", "W" + c.e("A10")["question"][1:]))
simple("keywords form with ?", "keywords form must open lowercase", qrep("A10", "like our apps do", "like our apps do?"))
simple("form on a short item", "form on a non-agent item", mset("S9", "form", "keywords"))
simple("agent forms miscounted", "on-topic agent form context count 4",
       chain(mset("A6", "form", "imperative"), qrep("A6", "Context: crypto team", "Explain: crypto team")))
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
       mset("L16", "quals", ["hsm"]))
simple("iac qualifier without a tool", "iac qualifier but no portal/Terraform/Bicep/ARM/AVM",
       mset("S8", "quals", ["iac"]))
simple("October 2026 truth without Managed HSM", "October 2026 truth names neither",
       tset("S7", "List them with az keyvault role assignment list --hsm-name <hsm> --assignee-object-id <principal ID>, with and without --scope."))
simple("qual asked recorded as story", "qual is 'story', should be 'asked'", mset("A8", "qual", "story"))
simple("quals without qual none", "qual is 'asked', should be 'none'", mset("L16", "qual", "asked"))
simple("unknown qualifier", "bad quals", mset("A8", "quals", ["hsm", "oct2026", "k8s"]))


@mut("Managed HSM asked floor", "floor: Managed HSM asked")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "hsm" in mm.get("quals", []):
            n += 1
            if n > 9:
                mm["quals"] = [q for q in mm["quals"] if q != "hsm"]
                ask = build45.ask_part(x["question"])
                mm["qual"] = "none" if not mm["quals"] else (
                    "asked" if "iac" in mm["quals"] and build45.IAC_RE.search(ask) else "story")


@mut("Managed HSM asked in too few ways (qualifiers dropped)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    for k in ("A1", "L21"):
        mm = c.meta(k)
        mm["quals"] = [q for q in mm["quals"] if q != "hsm"]
        mm["qual"] = "story"


@mut("Managed HSM asked in too few ways (asks reworded)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    c.q_rep("L24", "And which version will crbittern use once the HSM team adds new versions of kek-bittern later?",
            "And what else should the HSM team prepare?")
    c.q_rep("L14", "on the Managed HSM key, at what scope, and", "on the Managed HSM key, and")


@mut("iac named floor", "floor: portal/Terraform/Bicep/ARM/AVM named")
def _(c):
    for k in ("L7", "L8"):
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
@mut("spread against blind44", "first canonicals new against blind44 (floor 30)")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind44-first-canonicals.txt")) if x.strip()]
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < 20 and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [firsts[n]]
            x["related"] = [r for r in x["related"] if r != firsts[n]] or [firsts[n + 20]]
            n += 1


@mut("spread against blind44 and blind43", "first canonicals new against blind44 and blind43")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind43-first-canonicals.txt")) if x.strip()]
    b44 = {x.strip() for x in open(os.path.join(c.d, "prev", "blind44-first-canonicals.txt"))}
    pool = [f for f in dict.fromkeys(firsts) if f not in b44]
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < min(32, len(pool)) and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [pool[n]]
            x["related"] = [r for r in x["related"] if r != pool[n]] or ["acr-cmk/references/overview.md#requirements-at-a-glance"]
            n += 1


simple("troubleshooting doc above 8", "first canonical doc troubleshooting count 9",
       lambda c: c.e("L20")["canonical"].__setitem__(0, "acr-cmk/references/troubleshooting.md#registry-access-lost-after-key-permissions-were-revoked"))
simple("identities doc below 2", "first canonical doc identities count 1",
       lambda c: c.e("A10")["canonical"].__setitem__(0, "acr-cmk/references/overview.md#identity-and-key-access-requirements"))
simple("blind44 first-canonical list missing", "first-canonical list missing: blind44",
       lambda c: os.remove(os.path.join(c.d, "prev", "blind44-first-canonicals.txt")))


@mut("blind43 first-canonical list cut to 47", "blind43 has 47 lines")
def _(c):
    p = os.path.join(c.d, "prev", "blind43-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:47])


@mut("blind44 first-canonical list cut to 40", "blind44 has 40 lines")
def _(c):
    p = os.path.join(c.d, "prev", "blind44-first-canonicals.txt")
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


simple("typo planted in blind20", "typo 'asignments' already used in blind19-44", plant_prev(20, "asignments"))
simple("typo planted in blind41", "typo 'replciation' already used in blind19-44", plant_prev(41, "replciation"))
simple("typo planted in blind44", "typo 'permissons' already used in blind19-44", plant_prev(44, "permissons"))
simple("typo moved to an off-topic short", "typo must sit in a short on-topic question",
       chain(mdel("S7", "typo"), qrep("S7", "asignments", "assignments"), mset("X10", "typo", "asignments"),
             qrep("X10", "encryption key for", "encryption key asignments for")))
simple("typo fixed in the question", "typo 'permissons' not in the question", qrep("S9", "permissons", "permissions"))
simple("unrecorded typo in another question", "unrecorded typo 'replciation'",
       qrep("S8", "for an existing kv", "for an existing kv replciation"))
simple("typo used twice", "typo 'replciation' used 2 times",
       chain(mset("S12", "typo", "replciation"), qrep("S12", "an inner key?", "an inner replciation key?")))
simple("unknown typo word", "not in the set's typo list",
       chain(mset("S11", "typo", "replcation"), qrep("S11", "replciation", "replcation")))


@mut("typo added to the knowledge", "typo 'asignments' stands in the knowledge or facts")
def _(c):
    p = c.kfile("acr-cmk/references/overview.md")
    open(p, "a").write("\nasignments\n")


# ---------------- copying ----------------
simple("knowledge 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L20", "I haven't found anything", "The registry cannot unwrap its data without the key, and I haven't found anything"))
simple("fact-sheet 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L20", "I haven't found anything", "Local RBAC changes can take several minutes to propagate, and I haven't found anything"))
simple("knowledge command line inside a fence", "12-token run (fences included) shared with knowledge/facts",
       qrep("L21", 'kek_uri="https://${HSM}.managedhsm.azure.net/keys/${KEK}"\n', 'kek_uri="https://${HSM}.managedhsm.azure.net/keys/${KEK}"\naz keyvault key rotate --name "$KEY_NAME" --vault-name "$KEY_VAULT_NAME"\n'))
simple("pasted error moved into prose", "8-token run shared with knowledge/facts",
       qrep("L16", "The vault reports", "The CLI said Cannot set policies to a vault with '--enable-rbac-authorization' specified. The vault reports"))
simple("fence with knowledge prose", "12-token run (fences included)",
       qrep("L15", "Code: ForbiddenByFirewall\n```", "Code: ForbiddenByFirewall\nthe registry cannot unwrap its data without the key so deleting the key store\n```"))
simple("blind19-40 8-token run", "8-token run shared with blind19-44",
       lambda c: c.e("L20").__setitem__("question", c.e("L20")["question"] + " " + prevq(30, 8)(c)[:120]))
simple("blind41 8-token run", "8-token run shared with blind19-44",
       lambda c: c.e("L20").__setitem__("question", c.e("L20")["question"] + " " + prevq(41, 3)(c)[:150]))
simple("blind44 8-token run", "8-token run shared with blind19-44",
       lambda c: c.e("L20").__setitem__("question", c.e("L20")["question"] + " " + prevq(44, 2)(c)[:150]))
simple("blind44 question repeated", "Jaccard > 0.6 with blind44",
       lambda c: c.e("A6").__setitem__("question", prevq(44, 5)(c)))
simple("blind43 question repeated", "Jaccard > 0.6 with blind43",
       lambda c: c.e("S9").__setitem__("question", prevq(43, 40)(c)))
simple("blind41 question repeated", "Jaccard > 0.6 with blind41",
       lambda c: c.e("S12").__setitem__("question", prevq(41, 10)(c)))
simple("near-duplicate inside the set", "Jaccard > 0.6 with",
       lambda c: c.e("A7").__setitem__("question", c.e("A10")["question"].replace("like our apps do", "like our services do")))
simple("truth copies a knowledge sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("L23").__setitem__("truth", c.e("L23")["truth"] + " Soft delete alone keeps deleted keys and vaults recoverable, but someone with purge rights can still destroy them permanently before the retention period ends."))
simple("truth copies a fact-sheet sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("A12").__setitem__("truth", c.e("A12")["truth"] + " If the assignment is correct and the operation still fails, wait and retry."))
simple("question copies a knowledge sentence", "question copies a knowledge/fact sentence",
       qrep("L20", "I haven't found anything", "Registries without a CMK are still encrypted at rest with Microsoft-managed keys. I haven't found anything"))
simple("question echoes a heading", "question echoes a heading",
       qrep("L20", "I haven't found anything", "Rotate on a schedule with a Key Vault rotation policy, they said. I haven't found anything"))


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
    p = c.kfile("acr-cmk/references/managed-hsm.md")
    s = open(p, encoding="utf-8").read()
    if "rather than typing it" not in s:
        raise AssertionError("setup: text not in managed-hsm.md")
    open(p, "w", encoding="utf-8").write(s.replace("rather than typing it", "instead of typing it"))


@mut("fact sheets missing", "fact sheets missing")
def _(c):
    for f in os.listdir(os.path.join(c.d, "facts")):
        os.remove(os.path.join(c.d, "facts", f))


simple("prev file missing", "prev file missing: blind27.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind27.json")))
simple("blind41 prev file missing", "prev file missing: blind41.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind41.json")))
simple("blind44 prev file missing", "prev file missing: blind44.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind44.json")))

# ---------------- off-topic ----------------
simple("banned blind44 subject", "banned off-topic subject 'rclone'",
       chain(mset("X11", "subject", "rclone"), qset("X11", "how do i change the rclone crypt password for our registry backups?")))
simple("banned blind43 subject", "banned off-topic subject 'borg'",
       chain(mset("X11", "subject", "borg"), qset("X11", "borg repository holding registry backups: how do i change its passphrase?")))
simple("banned blind42 subject", "banned off-topic subject 'tink'",
       chain(mset("X11", "subject", "tink"), qset("X11", "how do i rotate the tink keyset of our backup tool?")))
simple("blind44 subject in another question", "off-topic question names banned 'nitrokey'",
       qrep("X8", "without re-sharing every folder by hand.", "without re-sharing every folder by hand, as we did for nitrokey."))
simple("subject planted in blind33", "subject 'longhorn' used in blind19-44", plant_prev(33, "longhorn"))
simple("subject planted in blind44", "subject 'pritunl' used in blind19-44", plant_prev(44, "pritunl"))
simple("subject not in question", "subject 'pritunl' not in the question",
       qset("X12", "vpn server key for reaching our registry, how to regenerate it?"))
simple("banned key word in off-topic", "off-topic question names banned 'kubernetes'",
       qrep("X1", "a secret in the cluster", "a secret in the Kubernetes cluster"))
simple("banned key word kms", "off-topic question names banned 'kms'",
       qrep("X2", "hardware security module that EJBCA", "hardware security module and KMS that EJBCA"))
simple("near_miss on an agent item", "near_miss only on long off-topic posts", mset("X7", "near_miss", True))
simple("near-miss floor", "floor: near misses", chain(mdel("X1", "near_miss"), mdel("X2", "near_miss")))


@mut("off-topic story floor", "floor: long off-topic registry+key stories")
def _(c):
    for k in ("X5", "X6"):
        e = c.e(k)
        e["question"] = re.sub(r"\bregistr\w*", "service", e["question"], flags=re.I)


simple("off-topic subject missing", "off-topic subject missing", mdel("X6", "subject"))
simple("shape flag on off-topic", "shape flag multiple_choice on an off-topic item", mset("X6", "multiple_choice", True))
simple("subject on an on-topic item", "subject/near_miss on an on-topic item", mset("L1", "subject", "x"))


# ---------------- long measures ----------------
@mut("fenced long floor", "floor: fenced long posts")
def _(c):
    e = c.e("L21")
    e["question"] = e["question"].replace("```bash", "").replace("```", "")


@mut("fenced troubleshoot floor", "floor: fenced long troubleshoot posts")
def _(c):
    for k in ("L16", "L17"):
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


# ---------------- multiple_choice ----------------
simple("multiple_choice with two options", "multiple_choice needs 3-5 options",
       chain(qrep("L11", "C) Through the referrers tag schema, as a specially named tag per subject digest\n", ""),
             qrep("L11", "D) Only as Docker Content Trust metadata\n", "")))
simple("multiple_choice with a gap in the labels", "multiple_choice needs 3-5 options",
       qrep("L11", "D) Only as Docker", "E) Only as Docker"))
simple("multiple_choice with six options", "multiple_choice needs 3-5 options",
       qrep("S5", "c) 7d", "c) 7d d) 2h e) 3h f) 12h"))
simple("multiple_choice with mixed labels", "multiple_choice needs 3-5 options",
       qrep("A2", "(B) stays", "(2) stays"))
simple("multiple_choice without an exam context", "multiple_choice question names no exam or quiz context",
       qrep("L12", "Practice question from our AZ-500 study group, with the answer key torn off:",
            "Something from our team chat, with no answer attached:"))
simple("multiple_choice without a pick", "multiple_choice question does not ask to pick an option",
       qrep("S5", "within what?", "within?"))
simple("multiple_choice truth naming no option", "multiple_choice truth names no option",
       tset("A3", "Use az keyvault role assignment create --hsm-name at the key's scope, because a Managed HSM grants key use only through its local RBAC."))
simple("multiple_choice truth naming a missing option", "multiple_choice truth names an option the question does not have",
       lambda c: c.t_rep("A2", "B: az keyvault key rotate", "E: az keyvault key rotate"))
simple("multiple_choice truth without a reason", "multiple_choice truth gives no reason",
       tset("S5", "A: within one hour."))
simple("multiple_choice agent on two lines", "multiple_choice agent query must stay on one line",
       qrep("A2", " (C) loses", "\n(C) loses"))
simple("multiple_choice used 4 times", "shape multiple_choice used 4 times, want exactly 5", mdel("L11", "multiple_choice"))
simple("multiple_choice used 6 times", "shape multiple_choice used 6 times, want exactly 5", mset("L20", "multiple_choice", True))

# ---------------- support_email ----------------
simple("support_email without a greeting", "support_email must open with a greeting line",
       qrep("L1", "Dear Azure Support team,\n\n", ""))
simple("support_email greeting run into the body", "support_email must open with a greeting line",
       qrep("L3", "Good morning,\n\n", "Good morning, "))
simple("support_email without a sign-off", "support_email needs a sign-off line near the end",
       qrep("L4", "Yours sincerely,\n", ""))
simple("support_email sign-off without a name", "support_email sign-off is not followed by a name",
       qrep("L5", "Rafael Souza\nSecurity Engineer", "security engineering team"))
simple("support_email name without a title", "support_email name has no title",
       qrep("L3", "Aoife Brennan\nPlatform Operations Manager", "Aoife Brennan"))
simple("support_email without a question", "support_email has no question in its body",
       qrep("L2", "What is the safe order of steps to get there without breaking the registry, and would anything differ if it had been the system-assigned identity?",
            "Please describe the safe order of steps, including the system-assigned case."))
simple("support_email without a case number", "support_email gives no case or ticket number",
       qrep("L1", "under case 2611040012345678", "with you"))
simple("support_email without an environment", "support_email describes no environment",
       qrep("L5", 'Ticket #77120456, production tenant fabrikam-eu, subscription "Core Platform".', "Ticket #77120456."))
simple("support_email truth written as an email", "support_email truth is written as an email",
       lambda c: c.e("L4").__setitem__("truth", "Dear Hannah,\n\n" + c.e("L4")["truth"] + "\n\nBest regards,\nSupport"))
simple("support_email truth naming none of the resources", "support_email truth names none of the asker's resources",
       tset("L3", "Recover the HSM within its retention period with az keyvault list-deleted --resource-type hsm and az keyvault recover --hsm-name <hsm> --location <region>; the caller needs Managed HSM Contributor, and the charge is expected while it is soft-deleted."))
simple("support_email on a short item", "support_email must be a long post", mset("S8", "support_email", True))
simple("support_email used 4 times", "shape support_email used 4 times, want exactly 5", mdel("L1", "support_email"))

# ---------------- voice_dictation ----------------
simple("voice_dictation with a capital", "voice_dictation question is not all lower case",
       qrep("S1", "registry identity roll", "Registry identity roll"))
simple("voice_dictation with digits", "voice_dictation question has digits", qrep("A1", "kek seven", "kek 7"))
simple("voice_dictation with punctuation", "voice_dictation question has punctuation or symbols before its end",
       qrep("S3", "why is open bracket", "why, is open bracket"))
simple("voice_dictation speaking no number or symbol", "voice_dictation question speaks no number or symbol",
       qrep("S2", " with dash dash query", " with a query"))
simple("voice_dictation without a slip", "voice_dictation question has no homophone slip",
       qrep("S1", "roll", "role"))
simple("voice_dictation truth repeating the slip", "voice_dictation truth repeats the slip 'aloud'",
       lambda c: c.e("S3").__setitem__("truth", c.e("S3")["truth"] + " (you said aloud)"))
simple("voice_dictation truth without the intended word", "voice_dictation truth does not use the intended word",
       tset("S2", "Read it from the registry with az acr identity show -n <registry> --query <object id field> -o tsv."))
simple("voice_dictation truth writing nothing out", "voice_dictation truth writes no number or symbol out",
       tset("S4", "Not documented: the docs don't say whether a CMK registry can move down from Premium, so the sku change isn't known to be allowed; ask support."))
simple("voice_dictation on a long item", "voice_dictation must be a short or agent item", mset("L20", "voice_dictation", True))
simple("voice slip outside a voice item", "voice slip 'excess' outside a voice_dictation item",
       qrep("S8", "turn on purge protection", "turn on purge protection excess"))


@mut("voice slip added to the knowledge", "voice slip 'skew' stands in the knowledge or facts")
def _(c):
    p = c.kfile("acr-cmk/references/overview.md")
    open(p, "a").write("\nskew\n")


simple("voice_dictation used 4 times", "shape voice_dictation used 4 times, want exactly 5", mdel("S1", "voice_dictation"))

# ---------------- code_comment ----------------
simple("code_comment asking in the prose", "code_comment asks outside the comments",
       qrep("L6", "my open points are the QUESTION and TODO comments.",
            "my open points are the QUESTION and TODO comments. Will Key Vault take P3D?"))
simple("code_comment without a question in a comment", "code_comment has no question inside a comment",
       qrep("L10", "on the next line?", "on the next line."))
simple("code_comment without a TODO-style tag", "code_comment has no TODO/FIXME/QUESTION-style comment",
       qrep("L9", "# TODO: platform security", "# platform security"))
simple("code_comment fence untagged", "code_comment needs a fence tagged", qrep("L7", "```hcl", "```"))
simple("code_comment with too little code", "code_comment: code is only",
       qrep("L8", "Hand-written ARM template for a new registry,",
            "Hand-written ARM template for a new registry. " + "Some background on why we write templates by hand and review them in pairs. " * 14 + "Registry part follows,"))
simple("code_comment truth naming no code", "code_comment truth names no code from the pasted file",
       tset("L8", "Use the client ID of the identity in that field; the principal ID belongs to the vault grant."))
simple("code_comment on an agent item", "code_comment must be a long post", mset("A12", "code_comment", True))
simple("code_comment used 4 times", "shape code_comment used 4 times, want exactly 5", mdel("L9", "code_comment"))

# ---------------- powershell_user ----------------
simple("powershell_user without a cmdlet", "powershell_user question names no Az cmdlet",
       qrep("S6", "which update-azcontainerregistry option", "which portal option"))
simple("powershell_user ask not about how", "powershell_user ask does not ask how to do or check something",
       qrep("L13", "What is wrong with how crsaffron was set up, and how do I fix it so later versions get picked up without anyone stepping in?",
            "Something is off with crsaffron."))
simple("powershell_user truth without az", "powershell_user truth gives no az command",
       tset("A4", "kv-wren uses access policies, so grant get, wrapKey and unwrapKey through an access policy; in Azure CLI terms that is the set-policy step."))
simple("powershell_user truth without the CLI remark", "powershell_user truth does not say it answers in Azure CLI terms",
       lambda c: c.t_rep("S6", "In Azure CLI terms (the knowledge covers only az): ", ""))
simple("powershell_user truth with PowerShell parameters", "powershell_user truth uses PowerShell parameter syntax",
       lambda c: c.e("L14").__setitem__("truth", c.e("L14")["truth"] + " In your session pass -HsmName mhsm-gull to the cmdlet."))
simple("powershell_user truth naming a new cmdlet", "powershell_user truth names a cmdlet the question did not",
       lambda c: c.e("L13").__setitem__("truth", c.e("L13")["truth"] + " Get-AzKeyVaultKey lists the versions."))
simple("powershell_user used 6 times", "shape powershell_user used 6 times, want exactly 5", mset("L16", "powershell_user", True))
simple("powershell_user used 4 times", "shape powershell_user used 4 times, want exactly 5", mdel("A4", "powershell_user"))

# ---------------- two_facts ----------------
simple("two_facts floor", "floor: shape two_facts 3 < 4",
       chain(mdel("L12", "two_facts"), lambda c: c.e("L12")["canonical"].pop(),
             lambda c: c.e("L12")["answer_facts"].pop()))


def run_check(d):
    env = dict(os.environ, BLIND45_DIR=d, BLIND45_KROOT=os.path.join(d, "k"), BLIND45_FACTS=os.path.join(d, "facts"))
    p = subprocess.run([sys.executable, os.path.join(HERE, "check45.py")], env=env, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def fresh(with_build):
    d = tempfile.mkdtemp(prefix="mut-", dir=HERE)
    for f in ("blind45.json", "blind45-meta.json"):
        shutil.copy(os.path.join(HERE, f), d)
    shutil.copytree(os.path.join(HERE, "prev"), os.path.join(d, "prev"))
    shutil.copytree(KROOT, os.path.join(d, "k"))
    shutil.copytree(FACTS, os.path.join(d, "facts"))
    if with_build:
        shutil.copy(os.path.join(HERE, "build45.py"), d)
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
