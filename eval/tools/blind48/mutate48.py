"""blind48 mutation driver. Each mutation runs on a fresh temp copy (inside blind48/) of the set, prev/,
the knowledge and the fact sheets; it counts as caught only when check48.py exits 1 and prints the
mutation's expected message."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
KROOT = os.environ.get("BLIND48_KROOT", "/work/scratch/kstripped")
FACTS = os.environ.get("BLIND48_FACTS", "/work/shared/facts")
sys.path.insert(0, HERE)
import build48  # noqa: E402
import kparse  # noqa: E402

_entries, _meta = build48.build()
_byq = {q["question"]: q["key"] for q in build48.QUESTIONS}
ID = {_byq[e["question"]]: e["id"] for e in _entries}
SCENARIO_SECTION = next(k for k in kparse.parse_all(KROOT) if k.startswith("acr-cmk/scenarios/"))


class Ctx:
    def __init__(self, d):
        self.d = d
        self.j = json.load(open(os.path.join(d, "blind48.json"), encoding="utf-8"))
        self.m = json.load(open(os.path.join(d, "blind48-meta.json"), encoding="utf-8"))

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
        json.dump(self.j, open(os.path.join(self.d, "blind48.json"), "w", encoding="utf-8"), indent=1)
        json.dump(self.m, open(os.path.join(self.d, "blind48-meta.json"), "w", encoding="utf-8"), indent=1)

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
for pfx in ("c", "b", "f", "e", "m", "j", "k", "h"):
    def f(c, pfx=pfx):
        c.j[5]["id"] = pfx + c.j[5]["id"][1:]
    simple("id prefix %s (earlier set)" % pfx, "bad id at position 6", f)
simple("ids numbered from zero", "bad id at position 1",
       lambda c: [x.__setitem__("id", "d%03d" % (int(x["id"][1:]) - 1)) for x in c.j])
simple("wrong source", "bad source", lambda c: c.j[3].__setitem__("source", "written by hand"))
simple("key order swapped", "keys or key order wrong",
       lambda c: c.j.__setitem__(2, dict([("category", c.j[2]["category"])] +
                                         [(k, v) for k, v in c.j[2].items() if k != "category"])))
simple("extra key in an entry", "keys or key order wrong", lambda c: c.j[7].__setitem__("notes", "x"))
simple("meta entry missing", "meta: ids do not match", lambda c: c.m.pop("d010"))
simple("59 entries", "need a list of 60", lambda c: c.j.pop())
simple("rebuild: json truth edited", "rebuild differs from blind48.json",
       lambda c: c.j[0].__setitem__("truth", c.j[0]["truth"] + " Extra."), True)
simple("rebuild: meta edited", "rebuild differs from blind48-meta.json",
       lambda c: c.m["d001"].__setitem__("qual", "none" if c.m["d001"]["qual"] != "none" else "asked"), True)


@mut("three of one category in a row", "three")
def _(c):
    grp = [x for x in c.j if x["category"] == "off-topic"][:3]
    rest = [x for x in c.j if x not in grp]
    new = rest[:10] + grp + rest[10:]
    old_meta = {x["id"]: c.m[x["id"]] for x in c.j}
    c.m.clear()
    for n, x in enumerate(new, 1):
        c.m["d%03d" % n] = old_meta[x["id"]]
        x["id"] = "d%03d" % n
    c.j[:] = new


# ---------------- dropped flags and fields ----------------
for fld, val in [(f, True) for f in ("checklist", "code_switch", "log_timestamps", "url_paste", "python_sdk",
                                     "ticket_template", "quoted_reply", "markdown_table", "manager_ask",
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
       lambda c: c.e("L7")["answer_facts"].__setitem__(0, "the hsm refuses azure roles"))
simple("answer_fact only in a related section", "answer_fact not in first canonical",
       lambda c: c.e("L20")["answer_facts"].__setitem__(0, "only the values you pass are changed"))
simple("answer_fact added from a related section", "answer_fact not in first canonical",
       lambda c: c.e("L24")["answer_facts"].append("allow your client ip"))
simple("answer_fact over 7 words", "answer_fact over 7 words",
       lambda c: c.e("A12")["answer_facts"].__setitem__(0, "only the values you pass are changed by the cli"))
simple("fact not in any section", "fact not in a canonical or related section",
       lambda c: c.e("S6")["facts"].__setitem__(0, "the bypass also covers laptops"))
simple("empty answer_facts", "no answer_facts", eset("S5", "answer_facts", []))
simple("empty facts", "no facts", eset("S5", "facts", []))
simple("two_facts with both facts in the first canonical", "two_facts needs one answer_fact only in each",
       lambda c: c.e("L22")["answer_facts"].__setitem__(1, "data access resumes"))
simple("two_facts fact in neither canonical", "answer_fact not in either canonical",
       lambda c: c.e("L16")["answer_facts"].__setitem__(0, "the portal restores the role for you"))
simple("two canonicals without flag", "two canonical sections need two_facts", mdel("L22", "two_facts"))
simple("two_facts flag with one canonical", "two_facts needs two canonical sections",
       mset("A12", "two_facts", True))

# ---------------- sections ----------------
simple("unknown section id", "unknown section",
       lambda c: c.e("L4")["related"].__setitem__(0, "acr-cmk/references/networking.md#no-such-anchor"))
simple("canonical repeated in related", "repeated section",
       lambda c: c.e("L4")["related"].append(c.e("L4")["canonical"][0]))
simple("canonical empty", "canonical must hold 1 or 2", eset("L18", "canonical", []))
simple("three canonicals", "canonical must hold 1 or 2",
       lambda c: c.e("L18")["canonical"].extend(c.e("L18")["related"][:2]))
simple("first canonical in a scenario", "first canonical not a reference doc",
       lambda c: c.e("S1")["canonical"].__setitem__(0, SCENARIO_SECTION))
simple("related empty", "related is empty", eset("S9", "related", []))

# ---------------- kinds, styles, truths, categories ----------------
simple("unknown kind", "bad kind", mset("A7", "kind", "opinion"))
simple("yes truth opening No", "yes truth must open 'Yes: '",
       lambda c: c.e("S11").__setitem__("truth", "No: " + c.e("S11")["truth"][5:]))
simple("no truth without No", "no truth must open 'No: '",
       lambda c: c.e("L12").__setitem__("truth", c.e("L12")["truth"][4:]))
simple("undocumented truth without verdict", "undocumented truth must open 'Not documented'",
       lambda c: c.e("A11").__setitem__("truth", c.e("A11")["truth"][16:]))
simple("off-topic truth without verdict", "off-topic truth must open 'Not covered: '",
       lambda c: c.e("X3").__setitem__("truth", c.e("X3")["truth"][13:]))
simple("howto truth opening Yes", "howto truth opens with a verdict word",
       lambda c: c.e("A12").__setitem__("truth", "Yes: " + c.e("A12")["truth"]))
simple("troubleshoot truth opening No", "troubleshoot truth opens with a verdict word",
       lambda c: c.e("L7").__setitem__("truth", "No, " + c.e("L7")["truth"]))
simple("off-topic item with canonical", "off-topic item must have empty lists",
       lambda c: c.e("X4")["canonical"].append("acr-cmk/references/overview.md#default-encryption-at-rest-without-a-cmk"))
simple("off-topic category on an on-topic kind", "off-topic category and kind disagree",
       eset("A10", "category", "off-topic"))
simple("unknown category", "bad category", eset("A10", "category", "misc"))
simple("style count broken", "on-topic short count 13", mset("A7", "style", "short"))
simple("unknown style", "bad style", mset("A7", "style", "medium"))
simple("kind count broken", "kind howto count 13", mset("L20", "kind", "why"))
simple("kind group missing from a style", "kind group yes/no missing from style agent",
       chain(mset("A6", "kind", "value"), mset("A10", "kind", "value"),
             tset("A6", "The registry polls the HSM and follows new versions within about an hour."),
             tset("A10", "Purge protection keeps a deleted key recoverable until retention ends.")))
simple("category above 9", "category rotation count 10",
       chain(eset("L7", "category", "rotation"), eset("S4", "category", "rotation"), eset("A1", "category", "rotation")))
simple("category below 2", "category troubleshooting count 1",
       chain(eset("L21", "category", "keys"), eset("S6", "category", "keys")))

# ---------------- style rules ----------------
simple("long post too short", "long question length", qset("L20", "Can we move crmargay to another vault?"))
simple("long post too long", "long question length",
       lambda c: c.e("L20").__setitem__("question", c.e("L20")["question"] + (" Some more background here." * 60)))
simple("short question of 15 words", "short question has 15 words",
       qset("S12", "rotate the cmk right now instead of waiting for the policy to run, which command?"))
simple("short question on two lines", "short question spans lines", qrep("S12", " instead of", "\ninstead of"))
simple("agent query of 50 words", "agent query has",
       lambda c: c.e("A7").__setitem__("question", c.e("A7")["question"] + " please" + " also" * 30))
simple("agent query on two lines", "agent query spans lines", qrep("A7", " Question:", "\nQuestion:"))
simple("context form without Context:", "context form must open with 'Context:'",
       lambda c: c.e("A7").__setitem__("question", c.e("A7")["question"][len("Context: "):]))
simple("imperative form without verb", "imperative form must open with an imperative verb",
       qrep("A8", "Check why", "I need to know why"))
simple("keywords form opening uppercase", "keywords form must open lowercase",
       lambda c: c.e("A11").__setitem__("question", "D" + c.e("A11")["question"][1:]))
simple("keywords form with ?", "keywords form must open lowercase", qrep("A11", "registry crhyrax", "registry crhyrax?"))
simple("form on a short item", "form on a non-agent item", mset("S12", "form", "keywords"))
simple("agent forms miscounted", "on-topic agent form context count 4",
       chain(mset("A7", "form", "imperative"), qrep("A7", "Context: upgrading", "Explain: upgrading")))
simple("off-topic agent forms miscounted", "off-topic agent form keywords count 0",
       chain(mset("X9", "form", "imperative"),
             lambda c: c.e("X9").__setitem__("question", "Explain " + c.e("X9")["question"])))


@mut("three short questions not lowercase", "short questions not lowercase (max 2)")
def _(c):
    for k in ("S4", "S8", "S10"):
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
       tset("S9", "Not documented for ACR: plan the key store's recovery yourself, around its backups."))
simple("qual asked recorded as story", "qual is 'story', should be 'asked'", mset("A6", "qual", "story"))
simple("quals without qual none", "qual is 'asked', should be 'none'", mset("L21", "qual", "asked"))
simple("unknown qualifier", "bad quals", mset("A6", "quals", ["hsm", "oct2026", "k8s"]))


@mut("Managed HSM asked floor", "floor: Managed HSM asked")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "hsm" in mm.get("quals", []):
            n += 1
            if n > 9:
                mm["quals"] = [q for q in mm["quals"] if q != "hsm"]
                ask = build48.ask_part(x["question"])
                mm["qual"] = "none" if not mm["quals"] else (
                    "asked" if "iac" in mm["quals"] and build48.IAC_RE.search(ask) else "story")


@mut("Managed HSM asked in too few ways (qualifiers dropped)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    for k in ("A6", "L3"):
        mm = c.meta(k)
        mm["quals"] = [q for q in mm["quals"] if q != "hsm"]
        mm["qual"] = "story"


@mut("Managed HSM asked in too few ways (asks reworded)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    c.q_rep("A6", "pick up each new version from the Managed HSM by itself", "follow the Managed HSM by itself")
    c.q_rep("L3", "How do we revoke crpangolin's access to its Managed HSM key properly", "How do we do R1 with the Managed HSM key properly")


@mut("iac named floor", "floor: portal/Terraform/Bicep/ARM/AVM named")
def _(c):
    for k in ("L5", "L20"):
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
@mut("spread against blind47", "first canonicals new against blind47 (floor 30)")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind47-first-canonicals.txt")) if x.strip()]
    firsts = list(dict.fromkeys(firsts))
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < 20 and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [firsts[n]]
            x["related"] = [r for r in x["related"] if r != firsts[n]] or [firsts[n + 20]]
            n += 1


@mut("spread against blind47 and blind46", "first canonicals new against blind47 and blind46")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind46-first-canonicals.txt")) if x.strip()]
    b47 = {x.strip() for x in open(os.path.join(c.d, "prev", "blind47-first-canonicals.txt"))}
    pool = [f for f in dict.fromkeys(firsts) if f not in b47]
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < min(32, len(pool)) and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [pool[n]]
            x["related"] = [r for r in x["related"] if r != pool[n]] or ["acr-cmk/references/overview.md#requirements-at-a-glance"]
            n += 1


simple("troubleshooting doc above 8", "first canonical doc troubleshooting count 9",
       lambda c: c.e("L20")["canonical"].__setitem__(0, "acr-cmk/references/troubleshooting.md#registry-identity-is-inactive-or-expired"))
simple("identities doc below 2", "first canonical doc identities count 1",
       lambda c: c.e("S4")["canonical"].__setitem__(0, "acr-cmk/references/overview.md#requirements-at-a-glance"))
simple("blind47 first-canonical list missing", "first-canonical list missing: blind47",
       lambda c: os.remove(os.path.join(c.d, "prev", "blind47-first-canonicals.txt")))


@mut("blind46 first-canonical list cut to 47", "blind46 has 47 lines")
def _(c):
    p = os.path.join(c.d, "prev", "blind46-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:47])


@mut("blind47 first-canonical list cut to 40", "blind47 has 40 lines")
def _(c):
    p = os.path.join(c.d, "prev", "blind47-first-canonicals.txt")
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


simple("typo planted in blind20", "typo 'qoute' already used in blind19-47", plant_prev(20, "qoute"))
simple("typo planted in blind41", "typo 'permssions' already used in blind19-47", plant_prev(41, "permssions"))
simple("typo planted in blind46", "typo 'shedule' already used in blind19-47", plant_prev(46, "shedule"))
simple("typo planted in blind47", "typo 'qoute' already used in blind19-47", plant_prev(47, "qoute"))
simple("typo moved to an off-topic short", "typo must sit in a short on-topic question",
       chain(mdel("S4", "typo"), qrep("S4", "qoute", "quote"), mset("X10", "typo", "qoute"),
             qrep("X10", "reset the jellyfin", "qoute the jellyfin")))
simple("typo fixed in the question", "typo 'shedule' not in the question", qrep("S5", "shedule", "schedule"))
simple("unrecorded typo in another question", "unrecorded typo 'permssions'",
       qrep("S12", "which command?", "which command permssions?"))
simple("typo used twice", "typo 'permssions' used 2 times",
       chain(mset("S12", "typo", "permssions"), qrep("S12", "which command?", "which command, permssions?")))
simple("unknown typo word", "not in the set's typo list",
       chain(mset("S6", "typo", "permisions"), qrep("S6", "permssions", "permisions")))


@mut("typo added to the knowledge", "typo 'qoute' stands in the knowledge or facts")
def _(c):
    p = c.kfile("acr-cmk/references/overview.md")
    open(p, "a").write("\nqoute\n")


# ---------------- copying ----------------
simple("knowledge 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L20", "Our key vault kv-margay-old", "The registry cannot unwrap its data without the key, and our key vault kv-margay-old"))
simple("fact-sheet 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L20", "Our key vault kv-margay-old", "Local RBAC changes can take several minutes to propagate, and our key vault kv-margay-old"))
simple("knowledge command line inside a fence", "12-token run (fences included) shared with knowledge/facts",
       qrep("L24", '  "publicNetworkAccess": "Enabled",\n', '  "publicNetworkAccess": "Enabled",\naz keyvault key rotate --name "$KEY_NAME" --vault-name "$KEY_VAULT_NAME"\n'))
simple("pasted error moved into prose", "8-token run shared with knowledge/facts",
       qrep("L20", "Our key vault kv-margay-old", "The CLI said Cannot set policies to a vault with '--enable-rbac-authorization' specified. Our key vault kv-margay-old"))
simple("fence with knowledge prose", "12-token run (fences included)",
       qrep("L24", '  "publicNetworkAccess": "Enabled",\n', '  "publicNetworkAccess": "Enabled",\nthe registry cannot unwrap its data without the key so deleting the key store\n'))
simple("blind30 8-token run", "8-token run shared with blind19-47",
       lambda c: c.e("L20").__setitem__("question", c.e("L20")["question"] + " " + prevq(30, 8)(c)[:120]))
simple("blind41 8-token run", "8-token run shared with blind19-47",
       lambda c: c.e("L20").__setitem__("question", c.e("L20")["question"] + " " + prevq(41, 3)(c)[:150]))
simple("blind47 8-token run", "8-token run shared with blind19-47",
       lambda c: c.e("L20").__setitem__("question", c.e("L20")["question"] + " " + prevq(47, 2)(c)[:150]))
simple("blind47 question repeated", "Jaccard > 0.6 with blind47",
       lambda c: c.e("A7").__setitem__("question", prevq(47, 5)(c)))
simple("blind46 question repeated", "Jaccard > 0.6 with blind46",
       lambda c: c.e("A12").__setitem__("question", prevq(46, 5)(c)))
simple("blind45 question repeated", "Jaccard > 0.6 with blind45",
       lambda c: c.e("S12").__setitem__("question", prevq(45, 40)(c)))
simple("near-duplicate inside the set", "Jaccard > 0.6 with",
       lambda c: c.e("A9").__setitem__("question", c.e("A7")["question"].replace("a reviewer wants", "someone wants")))
simple("truth copies a knowledge sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("L20").__setitem__("truth", c.e("L20")["truth"] + " Soft delete alone keeps deleted keys and vaults recoverable, but someone with purge rights can still destroy them permanently before the retention period ends."))
simple("truth copies a fact-sheet sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("A5").__setitem__("truth", c.e("A5")["truth"] + " Whether this revision is already live on Learn was not checked."))
simple("question copies a knowledge sentence", "question copies a knowledge/fact sentence",
       qrep("L20", "Our key vault kv-margay-old", "Registries without a CMK are still encrypted at rest with Microsoft-managed keys. Our key vault kv-margay-old"))
simple("question echoes a heading", "question echoes a heading",
       qrep("L20", "Our key vault kv-margay-old", "Rotate on a schedule with a Key Vault rotation policy, they said. Our key vault kv-margay-old"))


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
    if "main cost of choosing CMK" not in s:
        raise AssertionError("setup: text not in limitations.md")
    open(p, "w", encoding="utf-8").write(s.replace("main cost of choosing CMK", "main cost of using CMK"))


@mut("fact sheets missing", "fact sheets missing")
def _(c):
    for f in os.listdir(os.path.join(c.d, "facts")):
        os.remove(os.path.join(c.d, "facts", f))


simple("prev file missing", "prev file missing: blind27.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind27.json")))
simple("blind41 prev file missing", "prev file missing: blind41.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind41.json")))
simple("blind46 prev file missing", "prev file missing: blind46.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind46.json")))
simple("blind47 prev file missing", "prev file missing: blind47.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind47.json")))

# ---------------- off-topic ----------------
simple("banned blind47 subject", "banned off-topic subject 'mattermost'",
       chain(mset("X11", "subject", "mattermost"), qset("X11", "how do i rotate the mattermost at-rest key for our registry bot?")))
simple("banned blind46 subject", "banned off-topic subject 'graylog'",
       chain(mset("X11", "subject", "graylog"), qset("X11", "how do i rotate the graylog password secret for our registry logs?")))
simple("banned blind45 subject", "banned off-topic subject 'vaultwarden'",
       chain(mset("X11", "subject", "vaultwarden"), qset("X11", "how do i rotate the vaultwarden key after our registry admin left?")))
simple("banned blind44 subject", "banned off-topic subject 'rclone'",
       chain(mset("X11", "subject", "rclone"), qset("X11", "how do i change the rclone crypt password for our registry backups?")))
simple("blind47 subject in another question", "off-topic question names banned 'kanidm'",
       qrep("X8", "of every user", "of every user, as we did for kanidm"))
simple("blind46 subject in another question", "off-topic question names banned 'wazuh'",
       qrep("X8", "of every user", "of every user, as we did for wazuh"))
simple("subject planted in blind33", "subject 'truenas' used in blind19-47", plant_prev(33, "truenas"))
simple("subject planted in blind47", "subject 'homebridge' used in blind19-47", plant_prev(47, "homebridge"))
simple("subject not in question", "subject 'homebridge' not in the question",
       qset("X12", "smart home bridge pairing code changed after reinstall, how to pair again"))
simple("banned key word in off-topic", "off-topic question names banned 'kubernetes'",
       qrep("X3", "Our pipelines push images", "Our Kubernetes pipelines push images"))
simple("banned key word kms", "off-topic question names banned 'kms'",
       qrep("X2", "must be rotated and moved into hardware", "must be rotated and moved into a KMS"))
simple("near_miss on an agent item", "near_miss only on long off-topic posts", mset("X7", "near_miss", True))
simple("near-miss floor", "floor: near misses", chain(mdel("X1", "near_miss"), mdel("X2", "near_miss")))


@mut("off-topic story floor", "floor: long off-topic registry+key stories")
def _(c):
    for k in ("X5", "X6"):
        e = c.e(k)
        e["question"] = re.sub(r"\bregistr\w*", "service", e["question"], flags=re.I)


simple("off-topic subject missing", "off-topic subject missing", mdel("X6", "subject"))
simple("shape flag on off-topic", "shape flag rest_api on an off-topic item", mset("X6", "rest_api", True))
simple("subject on an on-topic item", "subject/near_miss on an on-topic item", mset("L1", "subject", "x"))


# ---------------- long measures ----------------
@mut("fenced long floor", "floor: fenced long posts")
def _(c):
    for k in ("L21", "L19", "L18"):
        e = c.e(k)
        e["question"] = e["question"].replace("```", "")


@mut("fenced troubleshoot floor", "floor: fenced long troubleshoot posts")
def _(c):
    for k in ("L19", "L21", "L24", "L11"):
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


# ---------------- compliance_requirements ----------------
simple("compliance list of two bullets", "compliance_requirements needs >= 3 bullet lines",
       chain(qrep("L4", "- NET-03: no exceptions except ones Microsoft documents for the service\n", ""),
             qrep("L4", "- ENC-02: customer-managed key encryption mandatory\n", "")))
simple("compliance list as task checkboxes", "compliance_requirements needs >= 3 bullet lines",
       lambda c: c.q_rep("L5", "\n- A-", "\n- [ ] A-", -1))
simple("compliance list inside a fence", "compliance_requirements needs >= 3 bullet lines",
       chain(qrep("L1", "- CRY-04", "```\n- CRY-04"), qrep("L1", "can revoke access to keys\n", "can revoke access to keys\n```\n")))
simple("compliance bullets without compliance subjects", "compliance_requirements bullets name no compliance subjects",
       chain(qrep("L5", "every production registry encrypted with a customer-managed key (key custody on our side)", "every production registry tagged with an owner"),
             qrep("L5", "continuous audit evidence of A-1", "continuous proof of A-1"),
             qrep("L5", "and their encryption fixed within 30 days", "and fixed within 30 days")))
simple("compliance list with no stated origin", "compliance_requirements does not say the list is a requirement set",
       qrep("L2", "wants every requirement below answered in writing", "wants every item below answered in writing"))
simple("compliance asking only inside the list", "compliance_requirements asks nothing outside the list",
       chain(qrep("L3", "what should the verifier look for so that a leftover assignment doesn't quietly keep things working?", "what should the verifier look for."),
             qrep("L3", "- R4: revocation is reversible during an incident review", "- R4: is revocation reversible during an incident review?")))
simple("compliance truth as a bullet list", "compliance_requirements truth is written as a bullet list",
       lambda c: c.e("L4").__setitem__("truth", c.e("L4")["truth"] + "\n- test it first"))
simple("compliance truth naming no requirement", "compliance_requirements truth names none of the requirements",
       tset("L1", "Use the policy described in the docs; nothing else is needed."))
simple("compliance on a short item", "compliance_requirements must be a long post", mset("S12", "compliance_requirements", True))
simple("compliance used 4 times", "shape compliance_requirements used 4 times, want exactly 5", mdel("L2", "compliance_requirements"))
simple("compliance used 6 times", "shape compliance_requirements used 6 times, want exactly 5", mset("L20", "compliance_requirements", True))

# ---------------- az_debug ----------------
simple("az_debug without --debug", "az_debug has no az command with --debug",
       lambda c: c.q_rep("L10", " --debug", "", -1))
simple("az_debug paste outside a fence", "az_debug needs a fence with >= 3 debug logger lines",
       lambda c: c.q_rep("L8", "```", "", -1))
simple("az_debug with two logger lines", "az_debug needs a fence with >= 3 debug logger lines",
       lambda c: c.q_rep("L9", "cli.azure.cli.core.sdk.policies:", "policies:", 3))
simple("az_debug without a request line", "az_debug paste has no request line",
       lambda c: c.q_rep("L6", "Request ", "Outgoing ", -1))
simple("az_debug without a response status", "az_debug paste has no response status",
       qrep("L7", "Response status: 400", "Response code 400"))
simple("az_debug without an x-ms header", "az_debug paste has no x-ms-* header with a GUID",
       qrep("L8", "'x-ms-request-id': 'e2c85a17-04bd-4f93-a6e8-91d3b7f02c6a'", "'x-ms-request-id': 'n/a'"))
simple("az_debug truth pasting a debug line", "az_debug truth pastes a debug line",
       lambda c: c.e("L9").__setitem__("truth", c.e("L9")["truth"] + "\ncli.azure.cli.core.sdk.policies: Response status: 201"))
simple("az_debug truth naming no status", "az_debug truth names no pasted status code",
       lambda c: c.t_rep("L10", "The 401 comes from", "The refusal comes from"))
simple("az_debug on an agent item", "az_debug must be a long post", mset("A4", "az_debug", True))
simple("az_debug used 4 times", "shape az_debug used 4 times, want exactly 5", mdel("L6", "az_debug"))
simple("az_debug used 6 times", "shape az_debug used 6 times, want exactly 5", mset("L19", "az_debug", True))

# ---------------- negated_question ----------------
simple("negated question without negation", "negated_question ask has no negation",
       qset("S1", "does the key vault need purge protection before acr will accept a cmk?"))
simple("negated question without ?", "negated_question asks nothing with '?'",
       qrep("S2", "on our cmk acr?", "on our cmk acr"))
simple("negation outside the asking sentence", "negated_question ask has no negation",
       chain(qrep("L17", "Isn't there some supported setting", "Is there some supported setting"),
             qrep("L17", "that I'd prefer not to throw away.", "that I don't want to throw away.")))
simple("negated used 4 times", "shape negated_question used 4 times, want exactly 5", mdel("S3", "negated_question"))
simple("negated used 6 times", "shape negated_question used 6 times, want exactly 5", mset("S8", "negated_question", True))

# ---------------- agent_plan_step ----------------
simple("plan step without Step N/M", "agent_plan_step has no 'Step N/M'", qrep("A2", "Step 2/6 of my", "the identity part of my"))
simple("plan step beyond its total", "agent_plan_step step 9/6 is not plausible", qrep("A2", "Step 2/6", "Step 9/6"))
simple("plan step with a huge plan", "agent_plan_step step 3/40 is not plausible", qrep("A5", "Step 3/7", "Step 3/40"))
simple("plan step without a blocker", "agent_plan_step names no blocker",
       chain(qrep("A5", "; need the role name and scope before proceeding", "; role name and scope please"),
             qrep("A5", "Write the exact grant command", "Write the exact grant command")))
simple("plan step truth without an action", "agent_plan_step truth gives no concrete action",
       tset("A3", "Turn purge protection on and pick the permission model explicitly when the vault is made."))
simple("plan step on a long item", "agent_plan_step must be an agent query", mset("L20", "agent_plan_step", True))
simple("plan step used 4 times", "shape agent_plan_step used 4 times, want exactly 5", mdel("A4", "agent_plan_step"))
simple("plan step used 6 times", "shape agent_plan_step used 6 times, want exactly 5", mset("A12", "agent_plan_step", True))

# ---------------- rest_api ----------------
simple("rest_api without a fence", "rest_api needs a fence", lambda c: c.q_rep("L12", "```", "", -1))
simple("rest_api without call or body", "rest_api has no REST call or encryption body",
       chain(qrep("L15", "Current state via `az rest --method get` on the registry", "Current state from a colleague's screenshot"),
             qrep("L15", '"encryption": {', '"encryptionSettings": {')))
simple("rest_api with an impossible api-version", "rest_api api-version '2025-13-45' is not a real ARM api-version",
       qrep("L11", "crgerenuk?api-version=2025-04-01", "crgerenuk?api-version=2025-13-45"))
simple("rest_api with a data-plane api-version on ARM", "rest_api api-version '7.5' is not a real ARM api-version",
       qrep("L12", "crquokka?api-version=2025-04-01", "crquokka?api-version=7.5"))
simple("rest_api truth naming nothing of the paste", "rest_api truth names no property or api-version of the paste",
       tset("L14", "ACR needs an RSA-HSM key with wrap and unwrap allowed; ask for a new one from the Managed HSM team."))
simple("rest_api on a short item", "rest_api must be a long post", mset("S7", "rest_api", True))
simple("rest_api used 4 times", "shape rest_api used 4 times, want exactly 5", mdel("L13", "rest_api"))
simple("rest_api used 6 times", "shape rest_api used 6 times, want exactly 5", mset("L24", "rest_api", True))
simple("two new shapes on one item", "more than one new shape on one item", mset("L16", "rest_api", True))


# ---------------- two_facts ----------------
simple("two_facts floor", "floor: shape two_facts 3 < 4",
       chain(mdel("L22", "two_facts"), lambda c: c.e("L22")["canonical"].pop(),
             lambda c: c.e("L22")["answer_facts"].pop()))


def run_check(d):
    env = dict(os.environ, BLIND48_DIR=d, BLIND48_KROOT=os.path.join(d, "k"), BLIND48_FACTS=os.path.join(d, "facts"))
    p = subprocess.run([sys.executable, os.path.join(HERE, "check48.py")], env=env, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def fresh(with_build):
    d = tempfile.mkdtemp(prefix="mut-", dir=HERE)
    for f in ("blind48.json", "blind48-meta.json"):
        shutil.copy(os.path.join(HERE, f), d)
    shutil.copytree(os.path.join(HERE, "prev"), os.path.join(d, "prev"))
    shutil.copytree(KROOT, os.path.join(d, "k"))
    shutil.copytree(FACTS, os.path.join(d, "facts"))
    if with_build:
        shutil.copy(os.path.join(HERE, "build48.py"), d)
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
