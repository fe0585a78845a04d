"""blind42 mutation driver. Each mutation runs on a fresh temp copy (inside blind42/) of the set, prev/,
the knowledge and the fact sheets; it counts as caught only when check42.py exits 1 and prints the
mutation's expected message."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
KROOT = os.environ.get("BLIND42_KROOT", "/work/scratch/kstripped")
FACTS = os.environ.get("BLIND42_FACTS", "/work/shared/facts")
sys.path.insert(0, HERE)
import build42  # noqa: E402
import kparse  # noqa: E402

_entries, _meta = build42.build()
_byq = {q["question"]: q["key"] for q in build42.QUESTIONS}
ID = {_byq[e["question"]]: e["id"] for e in _entries}
SCENARIO_SECTION = next(k for k in kparse.parse_all(KROOT) if k.startswith("acr-cmk/scenarios/"))


class Ctx:
    def __init__(self, d):
        self.d = d
        self.j = json.load(open(os.path.join(d, "blind42.json"), encoding="utf-8"))
        self.m = json.load(open(os.path.join(d, "blind42-meta.json"), encoding="utf-8"))

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
        json.dump(self.j, open(os.path.join(self.d, "blind42.json"), "w", encoding="utf-8"), indent=1)
        json.dump(self.m, open(os.path.join(self.d, "blind42-meta.json"), "w", encoding="utf-8"), indent=1)

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
for pfx in ("k", "h", "g", "v"):
    def f(c, pfx=pfx):
        c.j[5]["id"] = pfx + c.j[5]["id"][1:]
    simple("id prefix %s (earlier set)" % pfx, "bad id at position 6", f)
simple("ids numbered from zero", "bad id at position 1",
       lambda c: [x.__setitem__("id", "j%03d" % (int(x["id"][1:]) - 1)) for x in c.j])
simple("wrong source", "bad source", lambda c: c.j[3].__setitem__("source", "written by hand"))
simple("key order swapped", "keys or key order wrong",
       lambda c: c.j.__setitem__(2, dict([("category", c.j[2]["category"])] +
                                         [(k, v) for k, v in c.j[2].items() if k != "category"])))
simple("extra key in an entry", "keys or key order wrong", lambda c: c.j[7].__setitem__("notes", "x"))
simple("meta entry missing", "meta: ids do not match", lambda c: c.m.pop("j010"))
simple("59 entries", "need a list of 60", lambda c: c.j.pop())
simple("rebuild: json truth edited", "rebuild differs from blind42.json",
       lambda c: c.j[0].__setitem__("truth", c.j[0]["truth"] + " Extra."), True)
simple("rebuild: meta edited", "rebuild differs from blind42-meta.json",
       lambda c: c.m["j001"].__setitem__("qual", "none" if c.m["j001"]["qual"] != "none" else "asked"), True)


@mut("three of one category in a row", "three")
def _(c):
    grp = [x for x in c.j if x["category"] == "off-topic"][:3]
    rest = [x for x in c.j if x not in grp]
    new = rest[:10] + grp + rest[10:]
    old_meta = {x["id"]: c.m[x["id"]] for x in c.j}
    c.m.clear()
    for n, x in enumerate(new, 1):
        c.m["j%03d" % n] = old_meta[x["id"]]
        x["id"] = "j%03d" % n
    c.j[:] = new


# ---------------- dropped flags and fields ----------------
for fld, val in [(f, True) for f in ("pasted_output", "either_or", "without", "non_native", "follow_up",
                                     "plan_review", "iac_error", "newcomer", "timeline", "output_rule",
                                     "issue_title", "tried_steps", "json_field", "wrong_command", "other_cloud",
                                     "wrong_premise", "which_of_two", "shape")] + \
        [("field", "bypass"), ("wrong", "--kek-uri"), ("other", ["AWS"]), ("premise", "x")]:
    simple("dropped/unknown field %s" % fld, "unknown field %r" % fld, mset("SP1", fld, val))

# ---------------- facts and answer facts ----------------
simple("answer_fact not in canonical", "answer_fact not in first canonical",
       lambda c: c.e("SP1")["answer_facts"].__setitem__(0, "the hsm refuses azure roles"))
simple("answer_fact only in a related section", "answer_fact not in first canonical",
       lambda c: c.e("L24")["answer_facts"].__setitem__(0, "delete it at its own scope"))
simple("answer_fact added from a related section", "answer_fact not in first canonical",
       lambda c: c.e("L13")["answer_facts"].append("only works from an allowed network"))
simple("answer_fact over 7 words", "answer_fact over 7 words",
       lambda c: c.e("A8")["answer_facts"].__setitem__(0, "it works the same when the key is in a managed hsm"))
simple("fact not in any section", "fact not in a canonical or related section",
       lambda c: c.e("S11")["facts"].__setitem__(0, "private endpoints on registries are fine"))
simple("empty answer_facts", "no answer_facts", eset("S5", "answer_facts", []))
simple("empty facts", "no facts", eset("S5", "facts", []))
simple("two_facts with both facts in the first canonical", "two_facts needs one answer_fact only in each",
       lambda c: c.e("L22")["answer_facts"].__setitem__(1, "when a vault is deleted"))
simple("two_facts fact in neither canonical", "answer_fact not in either canonical",
       lambda c: c.e("L11")["answer_facts"].__setitem__(0, "portal makes the role for you"))
simple("two canonicals without flag", "two canonical sections need two_facts", mdel("L6", "two_facts"))
simple("two_facts flag with one canonical", "two_facts needs two canonical sections",
       mset("A8", "two_facts", True))

# ---------------- sections ----------------
simple("unknown section id", "unknown section",
       lambda c: c.e("SP5")["related"].__setitem__(0, "acr-cmk/references/networking.md#no-such-anchor"))
simple("canonical repeated in related", "repeated section",
       lambda c: c.e("SP5")["related"].append(c.e("SP5")["canonical"][0]))
simple("canonical empty", "canonical must hold 1 or 2", eset("L19", "canonical", []))
simple("three canonicals", "canonical must hold 1 or 2",
       lambda c: c.e("L19")["canonical"].extend(c.e("L19")["related"][:2]))
simple("first canonical in a scenario", "first canonical not a reference doc",
       lambda c: c.e("S4")["canonical"].__setitem__(0, SCENARIO_SECTION))
simple("related empty", "related is empty", eset("S9", "related", []))

# ---------------- kinds, styles, truths, categories ----------------
simple("unknown kind", "bad kind", mset("A8", "kind", "opinion"))
simple("yes truth opening No", "yes truth must open 'Yes: '",
       lambda c: c.e("S8").__setitem__("truth", "No: " + c.e("S8")["truth"][5:]))
simple("no truth without No", "no truth must open 'No: '",
       lambda c: c.e("L23").__setitem__("truth", c.e("L23")["truth"][4:]))
simple("undocumented truth without verdict", "undocumented truth must open 'Not documented'",
       lambda c: c.e("S12").__setitem__("truth", c.e("S12")["truth"][16:]))
simple("off-topic truth without verdict", "off-topic truth must open 'Not covered: '",
       lambda c: c.e("X3").__setitem__("truth", c.e("X3")["truth"][13:]))
simple("howto truth opening Yes", "howto truth opens with a verdict word",
       lambda c: c.e("A1").__setitem__("truth", "Yes: " + c.e("A1")["truth"]))
simple("off-topic item with canonical", "off-topic item must have empty lists",
       lambda c: c.e("X4")["canonical"].append("acr-cmk/references/overview.md#default-encryption-at-rest-without-a-cmk"))
simple("off-topic category on an on-topic kind", "off-topic category and kind disagree",
       eset("A5", "category", "off-topic"))
simple("unknown category", "bad category", eset("A5", "category", "misc"))
simple("style count broken", "on-topic short count 13", mset("A8", "style", "short"))
simple("unknown style", "bad style", mset("A8", "style", "medium"))
simple("kind count broken", "kind howto count 13", mset("L13", "kind", "why"))
simple("kind group missing from a style", "kind group yes/no missing from style agent",
       chain(mset("A9", "kind", "value"), mset("AU3", "kind", "value"),
             tset("A9", "Rotating to the versionless URI switches it to automatic rotation."),
             tset("AU3", "A list at the key scope misses assignments at /keys or /.")))
simple("category above 9", "category hsm count 10", chain(eset("L7", "category", "hsm"), eset("L24", "category", "hsm")))
simple("category below 2", "category iac count 1", eset("L23", "category", "keys"))

# ---------------- style rules ----------------
simple("long post too short", "long question length", qset("L19", "Does a geo-replicated CMK registry need a vault per region?"))
simple("long post too long", "long question length",
       lambda c: c.e("L19").__setitem__("question", c.e("L19")["question"] + (" Some more background here." * 60)))
simple("short question of 15 words", "short question has 15 words",
       qset("S8", "two registries share one access-policy kv here: can each identity really use the other's key?"))
simple("short question on two lines", "short question spans lines", qrep("S8", "share one", "share\none"))
simple("agent query of 50 words", "agent query has",
       lambda c: c.e("A1").__setitem__("question", c.e("A1")["question"] + " Please" + " also" * 30 + "."))
simple("agent query on two lines", "agent query spans lines", qrep("A1", " Task:", "\nTask:"))
simple("context form without Context:", "context form must open with 'Context:'",
       lambda c: c.e("A5").__setitem__("question", c.e("A5")["question"][len("Context: "):]))
simple("imperative form without verb", "imperative form must open with an imperative verb",
       qrep("A10", "Explain why", "I wonder why"))
simple("keywords form opening uppercase", "keywords form must open lowercase",
       lambda c: c.e("A11").__setitem__("question", "T" + c.e("A11")["question"][1:]))
simple("keywords form with ?", "keywords form must open lowercase", qrep("A11", "keep serving", "keep serving?"))
simple("form on a short item", "form on a non-agent item", mset("S8", "form", "keywords"))
simple("agent forms miscounted", "on-topic agent form context count 4",
       chain(mset("A1", "form", "imperative"), qrep("A1", "Context: registries", "Explain: registries")))
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
       mset("SP3", "quals", ["hsm"]))
simple("iac qualifier without a tool", "iac qualifier but no portal/Terraform/Bicep/ARM/AVM",
       mset("S4", "quals", ["iac"]))
simple("October 2026 truth without Managed HSM", "October 2026 truth names neither",
       tset("S6", "The vault role is Azure RBAC at the vault scope; the other is a local role at the key scope."))
simple("qual asked recorded as story", "qual is 'story', should be 'asked'", mset("AU3", "qual", "story"))
simple("quals without qual none", "qual is 'asked', should be 'none'", mset("SP3", "qual", "asked"))
simple("unknown qualifier", "bad quals", mset("AU3", "quals", ["hsm", "oct2026", "k8s"]))


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
    for k in ("A8", "A11"):
        mm = c.meta(k)
        mm["quals"] = [q for q in mm["quals"] if q != "hsm"]
        mm["qual"] = "story"


@mut("Managed HSM asked in too few ways (asks reworded)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    c.q_rep("A8", "how soon will the registry have that Managed HSM key version in use,",
            "how soon will the registry switch to that Managed HSM key version,")
    c.q_rep("A11", "time between revocation of the managed hsm role", "time between removing the managed hsm role")


@mut("iac named floor", "floor: portal/Terraform/Bicep/ARM/AVM named")
def _(c):
    for k in ("L9", "L19"):
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
@mut("spread against blind41", "first canonicals new against blind41 (floor 30)")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind41-first-canonicals.txt")) if x.strip()]
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < 20 and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [firsts[n]]
            x["related"] = [r for r in x["related"] if r != firsts[n]] or [firsts[n + 20]]
            n += 1


@mut("spread against blind41 and blind40", "first canonicals new against blind41 and blind40")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind40-first-canonicals.txt")) if x.strip()]
    b41 = {x.strip() for x in open(os.path.join(c.d, "prev", "blind41-first-canonicals.txt"))}
    pool = [f for f in dict.fromkeys(firsts) if f not in b41]
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < min(32, len(pool)) and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [pool[n]]
            x["related"] = [r for r in x["related"] if r != pool[n]] or ["acr-cmk/references/overview.md#requirements-at-a-glance"]
            n += 1


simple("troubleshooting doc above 8", "first canonical doc troubleshooting count 9",
       lambda c: c.e("L19")["canonical"].__setitem__(0, "acr-cmk/references/troubleshooting.md#task-run-logs-disappear-after-24-hours"))
simple("infrastructure-as-code doc below 2", "first canonical doc infrastructure-as-code count 1",
       lambda c: c.e("L23")["canonical"].__setitem__(0, "acr-cmk/references/identities.md#switch-to-a-different-user-assigned-identity"))
simple("blind41 first-canonical list missing", "first-canonical list missing: blind41",
       lambda c: os.remove(os.path.join(c.d, "prev", "blind41-first-canonicals.txt")))


@mut("blind40 first-canonical list cut to 47", "blind40 has 47 lines")
def _(c):
    p = os.path.join(c.d, "prev", "blind40-first-canonicals.txt")
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


simple("typo planted in blind20", "typo 'identiy' already used in blind19-41", plant_prev(20, "identiy"))
simple("typo planted in blind41", "typo 'acitvate' already used in blind19-41", plant_prev(41, "acitvate"))
simple("typo moved to an off-topic short", "typo must sit in a short on-topic question",
       chain(mdel("S5", "typo"), qrep("S5", "identiy", "identity"), mset("X10", "typo", "identiy"),
             qrep("X10", "vault password", "vault identiy password")))
simple("typo fixed in the question", "typo 'acitvate' not in the question", qrep("S2", "acitvate", "activate"))
simple("unrecorded typo in another question", "unrecorded typo 'identiy'", qrep("S9", "can we turn", "can our identiy turn"))
simple("typo used twice", "typo 'subscripton' used 2 times",
       chain(mset("S10", "typo", "subscripton"), qrep("S10", "our cmk acr", "our subscripton cmk acr")))
simple("unknown typo word", "not in the set's typo list",
       chain(mset("S7", "typo", "subscriptin"), qrep("S7", "subscripton", "subscriptin")))


@mut("typo added to the knowledge", "typo 'acitvate' stands in the knowledge or facts")
def _(c):
    p = c.kfile("acr-cmk/references/overview.md")
    open(p, "a").write("\nacitvate\n")


# ---------------- copying ----------------
simple("knowledge 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L12", "To keep identity sprawl down,", "The registry cannot unwrap its data without the key, so to keep identity sprawl down,"))
simple("fact-sheet 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L12", "To keep identity sprawl down,", "Local RBAC changes can take several minutes to propagate, and to keep identity sprawl down,"))
simple("knowledge command line inside a fence", "12-token run (fences included) shared with knowledge/facts",
       qrep("L9", "}\n```", "}\naz keyvault key rotate --name \"$KEY_NAME\" --vault-name \"$KEY_VAULT_NAME\"\n```"))
simple("pasted error moved into prose", "8-token run shared with knowledge/facts",
       qrep("SP3", "kv-media-01 is an RBAC vault.", "The CLI said Cannot set policies to a vault with '--enable-rbac-authorization' specified. kv-media-01 is an RBAC vault."))
simple("fence with knowledge prose", "12-token run (fences included)",
       qrep("L14", "      ~ encryption {\n", "      ~ encryption {\n the registry cannot unwrap its data without the key so deleting the key store\n"))
simple("blind19-40 8-token run", "8-token run shared with blind19-41",
       lambda c: c.e("L16").__setitem__("question", c.e("L16")["question"] + " " + prevq(30, 8)(c)[:120]))
simple("blind41 8-token run", "8-token run shared with blind19-41",
       lambda c: c.e("L16").__setitem__("question", c.e("L16")["question"] + " " + prevq(41, 2)(c)[:150]))
simple("blind41 question repeated", "Jaccard > 0.6 with blind41",
       lambda c: c.e("A8").__setitem__("question", prevq(41, 2)(c)))
simple("blind40 question repeated", "Jaccard > 0.6 with blind40",
       lambda c: c.e("S8").__setitem__("question", prevq(40, 40)(c)))
simple("near-duplicate inside the set", "Jaccard > 0.6 with",
       lambda c: c.e("A9").__setitem__("question", c.e("A8")["question"].replace("how soon", "how fast")))
simple("truth copies a knowledge sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("L18").__setitem__("truth", c.e("L18")["truth"] + " Soft delete alone keeps deleted keys and vaults recoverable, but someone with purge rights can still destroy them permanently before the retention period ends."))
simple("truth copies a fact-sheet sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("A6").__setitem__("truth", c.e("A6")["truth"] + " If the assignment is correct and the operation still fails, wait and retry."))
simple("question copies a knowledge sentence", "question copies a knowledge/fact sentence",
       qrep("L19", "A colleague insists", "Registries without a CMK are still encrypted at rest with Microsoft-managed keys. A colleague insists"))
simple("question echoes a heading", "question echoes a heading",
       qrep("L19", "A colleague insists", "Rotate on a schedule with a Key Vault rotation policy, they said. A colleague insists"))


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
    old = "## Set up a registry with a Managed HSM key using the Azure CLI"
    if old not in s:
        raise AssertionError("setup: heading not in managed-hsm.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "## Managed HSM setup with the CLI"))


@mut("knowledge text edited under an answer fact", "answer_fact not in first canonical")
def _(c):
    p = c.kfile("acr-cmk/references/limitations.md")
    s = open(p, encoding="utf-8").read()
    if "rely on the same" not in s:
        raise AssertionError("setup: text not in limitations.md")
    open(p, "w", encoding="utf-8").write(s.replace("rely on the same", "depend on one"))


@mut("fact sheets missing", "fact sheets missing")
def _(c):
    for f in os.listdir(os.path.join(c.d, "facts")):
        os.remove(os.path.join(c.d, "facts", f))


simple("prev file missing", "prev file missing: blind27.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind27.json")))
simple("blind41 prev file missing", "prev file missing: blind41.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind41.json")))

# ---------------- off-topic ----------------
simple("banned blind41 subject", "banned off-topic subject 'kopia'",
       chain(mset("X11", "subject", "kopia"), qset("X11", "how do i rotate the kopia repository password")))
simple("banned blind40 subject", "banned off-topic subject 'restic'",
       chain(mset("X11", "subject", "restic"), qset("X11", "how do i back up registry exports with restic")))
simple("blind41 subject in another question", "off-topic question names banned 'keepass'",
       qrep("X8", "into our device management service", "into our device management service or a keepass file"))
simple("subject planted in blind33", "subject 'tink' used in blind19-41", plant_prev(33, "tink"))
simple("subject planted in blind41", "subject 'dashlane' used in blind19-41", plant_prev(41, "dashlane"))
simple("subject not in question", "subject 'dashlane' not in the question",
       qset("X12", "password manager admin console: recover a locked-out employee account?"))
simple("banned key word in off-topic", "off-topic question names banned 'kubernetes'",
       qrep("X1", "across all Consul agents", "across all Consul agents in our Kubernetes clusters"))
simple("banned key word kms", "off-topic question names banned 'kms'", qrep("X6", "to an external one?", "to an external KMS?"))
simple("near_miss on an agent item", "near_miss only on long off-topic posts", mset("X7", "near_miss", True))
simple("near-miss floor", "floor: near misses", chain(mdel("X1", "near_miss"), mdel("X2", "near_miss")))


@mut("off-topic story floor", "floor: long off-topic registry+key stories")
def _(c):
    for k in ("X5", "X6"):
        e = c.e(k)
        e["question"] = re.sub(r"\bregistr\w*", "service", e["question"], flags=re.I)


simple("off-topic subject missing", "off-topic subject missing", mdel("X6", "subject"))
simple("shape flag on off-topic", "shape flag auditor on an off-topic item", mset("X6", "auditor", True))
simple("subject on an on-topic item", "subject/near_miss on an on-topic item", mset("SP1", "subject", "x"))


# ---------------- long measures ----------------
@mut("fenced long floor", "floor: fenced long posts")
def _(c):
    for k in ("L14", "L23"):
        e = c.e(k)
        e["question"] = e["question"].replace("```hcl", "").replace("```", "")


@mut("fenced troubleshoot floor", "floor: fenced long troubleshoot posts")
def _(c):
    for k in ("L8", "L9"):
        e = c.e(k)
        e["question"] = e["question"].replace("```", "'''")


simple("two-asks floor", "floor: long posts asking two things",
       qrep("L9", "or is the whole approach off? Which key", "or is the whole approach off, and which key"))


@mut("last-sentence ask floor", "floor: long posts asking only in the last sentence")
def _(c):
    for x in c.j:
        if c.m[x["id"]]["style"] == "long" and c.m[x["id"]]["kind"] != "off-topic":
            x["question"] = "Quick question? " + x["question"]


# ---------------- script_paste ----------------
simple("script_paste on a short item", "script_paste must be a long post", mset("S8", "script_paste", True))
simple("script_paste without a fence", "script_paste needs a fence holding a shell or PowerShell script",
       lambda c: c.e("SP2").__setitem__("question", c.e("SP2")["question"].replace("```bash", "").replace("```", "")))
simple("script_paste fence tagged hcl", "script_paste fence is tagged 'hcl'", qrep("SP2", "```bash", "```hcl"))
simple("script_paste script of 3 lines", "script_paste script has 3 lines",
       qrep("SP5", "az keyvault network-rule add --hsm-name $HSM --ip-address 198.51.100.24\naz keyvault show --hsm-name $HSM --query properties.networkAcls\n", ""))
simple("script_paste script with one az line", "script_paste script has 1 az lines",
       qrep("SP5", "az keyvault network-rule add --hsm-name $HSM --ip-address 198.51.100.24\naz keyvault show --hsm-name $HSM --query properties.networkAcls\n",
            "# allow the jump host next\necho \"done with $HSM\"\n"))
simple("script_paste script without variables", "script_paste script assigns or uses 0 variables",
       qrep("SP5", "HSM=mh-geo-01\nRG=rg-geo-sec\naz keyvault update-hsm --hsm-name $HSM -g $RG --default-action Deny\naz keyvault network-rule add --hsm-name $HSM --ip-address 198.51.100.24\naz keyvault show --hsm-name $HSM --query properties.networkAcls\n",
            "az keyvault update-hsm --hsm-name mh-geo-01 -g rg-geo-sec --default-action Deny\naz keyvault network-rule add --hsm-name mh-geo-01 --ip-address 198.51.100.24\naz keyvault show --hsm-name mh-geo-01 --query properties.networkAcls\necho done\n"))
simple("script_paste ask before the script", "script_paste ask must come after the script",
       lambda c: c.e("SP2").__setitem__("question", "What do we change in this job? " + c.e("SP2")["question"].replace("in place?", "in place.")))
simple("script_paste script copied from the knowledge", "script_paste script copies knowledge/facts",
       qrep("SP2", "echo \"moving crsales", "az keyvault key rotate --name \"$KEY_NAME\" --vault-name \"$KEY_VAULT_NAME\"\necho \"moving crsales"))
simple("script_paste truth names nothing from the script", "script_paste truth names no line, variable, flag or step",
       tset("SP2", "Point the registry at the versionless key ID once and add a rotation policy; after that the job can go."))
simple("script_paste floor", "floor: shape script_paste 4 < 5", mdel("SP5", "script_paste"))

# ---------------- difference ----------------
simple("difference without two compared things", "difference asking part names no two things compared",
       qset("S6", "kv crypto service encryption user or the managed hsm one, which for acr?"))
simple("difference only in the story", "difference asking part names no two things compared",
       qrep("L14", "What is the difference between using the data source's id and its versionless_id in key_vault_key_id, and how do we make the weekly diff stop?",
            "I keep wondering about the difference between the data source's id and its versionless_id. How do we make the weekly diff stop?"))
simple("difference truth names one side only", "difference truth does not name both compared things",
       tset("A10", "az keyvault key rotate only makes a new version in the vault."))
simple("difference floor", "floor: shape difference 4 < 5", mdel("S6", "difference"))

# ---------------- auditor ----------------
simple("auditor without audit framing", "auditor question has no audit/compliance framing",
       qset("S7", "team lead wants every acr in our subscripton on cmk: which azure policy?"))
simple("auditor ask not about showing", "auditor ask does not ask how to show, check or prove",
       qrep("L15", "How do I show the auditor the purge protection setting of both stores, and",
            "Is purge protection worth having on both stores, and"))
simple("auditor truth without command, field or policy", "auditor truth names no command, field or policy",
       tset("S7", "Use the built-in CMK policy at subscription scope; existing registries cannot be fixed in place."))
simple("auditor floor", "floor: shape auditor 4 < 5", mdel("L17", "auditor"))

# ---------------- many_registries ----------------
simple("many_registries with one registry", "many_registries question names no more than one registry",
       qset("S8", "our registry shares an access-policy kv with an app: can it use the app's key?"))
simple("many_registries truth without sharing statement", "many_registries truth does not say whether one key",
       tset("L19", "Geo-replication works with CMK; follow Azure's disaster-recovery guidance for it."))
simple("many_registries floor", "floor: shape many_registries 4 < 5", mdel("A1", "many_registries"))

# ---------------- first_timer ----------------
simple("first_timer on a long item", "first_timer must be a short or agent item", mset("L16", "first_timer", True))
simple("first_timer short of 15 words", "first_timer short question over 14 words",
       qset("S3", "brand new to this: which identity do i create first for an encrypted acr registry?"))
simple("first_timer without a newcomer cue", "first_timer question does not ask as a newcomer",
       qset("S1", "cmk setup: what must exist before az acr create"))
simple("first_timer with an az flag", "first_timer question holds an az flag",
       qset("S1", "never set up cmk before, what must exist before az acr create --sku premium"))
simple("first_timer with a resource URI", "first_timer question holds a resource id or URI",
       qrep("A4", "a Managed HSM their security team", "a Managed HSM (https://mh-welcome.managedhsm.azure.net) their security team"))
simple("first_timer truth without a first step", "first_timer truth names no first step or prerequisite",
       tset("S3", "A user-assigned managed identity."))
simple("first_timer floor", "floor: shape first_timer 4 < 5", mdel("A3", "first_timer"))

# ---------------- two_facts ----------------
simple("two_facts floor", "floor: shape two_facts 3 < 4",
       chain(mdel("L22", "two_facts"), lambda c: c.e("L22")["canonical"].pop(),
             lambda c: c.e("L22")["answer_facts"].pop()))


def run_check(d):
    env = dict(os.environ, BLIND42_DIR=d, BLIND42_KROOT=os.path.join(d, "k"), BLIND42_FACTS=os.path.join(d, "facts"))
    p = subprocess.run([sys.executable, os.path.join(HERE, "check42.py")], env=env, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def fresh(with_build):
    d = tempfile.mkdtemp(prefix="mut-", dir=HERE)
    for f in ("blind42.json", "blind42-meta.json"):
        shutil.copy(os.path.join(HERE, f), d)
    shutil.copytree(os.path.join(HERE, "prev"), os.path.join(d, "prev"))
    shutil.copytree(KROOT, os.path.join(d, "k"))
    shutil.copytree(FACTS, os.path.join(d, "facts"))
    if with_build:
        shutil.copy(os.path.join(HERE, "build42.py"), d)
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
