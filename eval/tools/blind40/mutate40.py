"""blind40 mutation driver. Each mutation runs on a fresh temp copy (inside blind40/) of the set, prev/,
the knowledge and the fact sheets; it counts as caught only when check40.py exits 1 and prints the
mutation's expected message."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
KROOT = os.environ.get("BLIND40_KROOT", "/work/scratch/kstripped")
FACTS = os.environ.get("BLIND40_FACTS", "/work/shared/facts")
sys.path.insert(0, HERE)
import build40  # noqa: E402

_entries, _meta = build40.build()
_byq = {q["question"]: q["key"] for q in build40.QUESTIONS}
ID = {_byq[e["question"]]: e["id"] for e in _entries}


class Ctx:
    def __init__(self, d):
        self.d = d
        self.j = json.load(open(os.path.join(d, "blind40.json"), encoding="utf-8"))
        self.m = json.load(open(os.path.join(d, "blind40-meta.json"), encoding="utf-8"))

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

    def save(self):
        json.dump(self.j, open(os.path.join(self.d, "blind40.json"), "w", encoding="utf-8"), indent=1)
        json.dump(self.m, open(os.path.join(self.d, "blind40-meta.json"), "w", encoding="utf-8"), indent=1)

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
        c.meta(key).pop(field, None)
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


# ---------------- ids, source, structure, meta, rebuild ----------------
for pfx in ("g", "v", "q"):
    def f(c, pfx=pfx):
        c.j[5]["id"] = pfx + c.j[5]["id"][1:]
    simple("id prefix %s (earlier set)" % pfx, "bad id at position 6", f)
simple("ids numbered from zero", "bad id at position 1",
       lambda c: [x.__setitem__("id", "h%03d" % (int(x["id"][1:]) - 1)) for x in c.j])
simple("wrong source", "bad source", lambda c: c.j[3].__setitem__("source", "written by hand"))
simple("key order swapped", "keys or key order wrong",
       lambda c: c.j.__setitem__(2, dict([("category", c.j[2]["category"])] +
                                         [(k, v) for k, v in c.j[2].items() if k != "category"])))
simple("extra key in an entry", "keys or key order wrong", lambda c: c.j[7].__setitem__("notes", "x"))
simple("meta entry missing", "meta: ids do not match", lambda c: c.m.pop("h010"))
simple("59 entries", "need a list of 60", lambda c: c.j.pop())
simple("rebuild: json truth edited", "rebuild differs from blind40.json",
       lambda c: c.j[0].__setitem__("truth", c.j[0]["truth"] + " Extra."), True)
simple("rebuild: meta edited", "rebuild differs from blind40-meta.json",
       lambda c: c.m["h001"].__setitem__("qual", "none" if c.m["h001"]["qual"] != "none" else "asked"), True)


@mut("three of one category in a row", "three")
def _(c):
    cats = {}
    for x in c.j:
        cats.setdefault(x["category"], []).append(x)
    grp = cats["off-topic"][:3]
    rest = [x for x in c.j if x not in grp]
    new = rest[:10] + grp + rest[10:]
    for n, x in enumerate(new, 1):
        c.m["tmp%03d" % n] = c.m[x["id"]]
    for n, x in enumerate(new, 1):
        x["id"] = "h%03d" % n
        c.m[x["id"]] = c.m.pop("tmp%03d" % n)
    c.j[:] = new


# ---------------- dropped flags and fields ----------------
for fld, val in (("issue_title", True), ("tried_steps", True), ("json_field", True), ("wrong_command", True),
                 ("other_cloud", True), ("field", "bypass"), ("wrong", "--kek-uri"), ("other", ["AWS"]),
                 ("wrong_premise", True), ("premise", "x"), ("which_of_two", True), ("shape", True)):
    simple("dropped/unknown field %s" % fld, "unknown field %r" % fld, mset("T6", fld, val))

# ---------------- facts and answer facts ----------------
simple("answer_fact not in canonical", "answer_fact not in first canonical",
       lambda c: c.e("T6")["answer_facts"].__setitem__(0, "the hsm refuses azure roles"))
simple("answer_fact only in related section", "answer_fact not in first canonical",
       lambda c: c.e("T4")["answer_facts"].__setitem__(0, "--no-self-perms"))
simple("answer_fact from the second canonical on a one-canonical item", "answer_fact not in first canonical",
       lambda c: c.e("I2")["answer_facts"].append("may not fail at plan time"))
simple("answer_fact over 7 words", "answer_fact over 7 words",
       lambda c: c.e("M3")["answer_facts"].__setitem__(0, "cannot rotate more often than every 28 days"))
simple("fact not in any section", "fact not in a canonical or related section",
       lambda c: c.e("O4")["facts"].__setitem__(0, "ec keys are fine for registries"))
simple("empty answer_facts", "no answer_facts", eset("R3", "answer_facts", []))
simple("empty facts", "no facts", eset("R3", "facts", []))
simple("two_facts with both facts in the first canonical", "two_facts needs one answer_fact only in each",
       lambda c: c.e("K2")["answer_facts"].__setitem__(1, "key vault crypto officer"))
simple("two_facts fact in neither canonical", "answer_fact not in either canonical",
       lambda c: c.e("R5")["answer_facts"].__setitem__(0, "portal makes the role for you"))
simple("two canonicals without flag", "two canonical sections need two_facts", mdel("T2", "two_facts"))
simple("two_facts flag with one canonical", "two_facts needs two canonical sections",
       lambda c: (c.meta("M3").__setitem__("two_facts", True)))

# ---------------- sections ----------------
simple("unknown section id", "unknown section",
       lambda c: c.e("N1")["related"].__setitem__(0, "acr-cmk/references/networking.md#no-such-anchor"))
simple("canonical repeated in related", "repeated section",
       lambda c: c.e("N1")["related"].append(c.e("N1")["canonical"][0]))
simple("canonical empty", "canonical must hold 1 or 2", eset("N3", "canonical", []))
simple("three canonicals", "canonical must hold 1 or 2",
       lambda c: c.e("N3")["canonical"].extend(c.e("N3")["related"][:2]))
simple("first canonical in a scenario", "first canonical not a reference doc",
       lambda c: c.e("D2")["canonical"].__setitem__(0, "acr-cmk/SKILL.md#" + "x") or None)
simple("related empty", "related is empty", eset("S2", "related", []))

# ---------------- kinds, styles, truths, categories ----------------
simple("unknown kind", "bad kind", mset("O1", "kind", "opinion"))
simple("yes truth opening No", "yes truth must open 'Yes: '",
       lambda c: c.e("R3").__setitem__("truth", "No: " + c.e("R3")["truth"][5:]))
simple("no truth without No", "no truth must open 'No: '",
       lambda c: c.e("V1").__setitem__("truth", c.e("V1")["truth"][4:]))
simple("undocumented truth without verdict", "undocumented truth must open 'Not documented'",
       lambda c: c.e("L2").__setitem__("truth", c.e("L2")["truth"][16:]))
simple("off-topic truth without verdict", "off-topic truth must open 'Not covered: '",
       lambda c: c.e("X3").__setitem__("truth", c.e("X3")["truth"][13:]))
simple("howto truth opening Yes", "howto truth opens with a verdict word",
       lambda c: c.e("D1").__setitem__("truth", "Yes: " + c.e("D1")["truth"]))
simple("off-topic item with canonical", "off-topic item must have empty lists",
       lambda c: c.e("X4")["canonical"].append("acr-cmk/references/overview.md#default-encryption-at-rest-without-a-cmk"))
simple("off-topic category on an on-topic kind", "off-topic category and kind disagree",
       eset("N2", "category", "off-topic"))
simple("unknown category", "bad category", eset("N2", "category", "misc"))
simple("style count broken", "on-topic short count 13", mset("O4", "style", "short"))
simple("unknown style", "bad style", mset("O4", "style", "medium"))
simple("kind count broken", "kind howto count 13", mset("M5", "kind", "why"))
simple("kind group missing from a style", "kind group yes/no missing from style agent",
       chain(mset("S1", "kind", "value"), mset("O2", "kind", "value"),
             tset("S1", "Key Vault Crypto User is not required."),
             tset("O2", "The versionless Managed HSM form gives automatic rotation.")))


@mut("category above 9", "category hsm count 10")
def _(c):
    for k in ("N1", "N2", "N3", "L1"):
        c.e(k)["category"] = "hsm"


simple("category below 2", "category troubleshooting count 1",
       chain(eset("K1", "category", "keys"), eset("K2", "category", "keys")))

# ---------------- style rules ----------------
simple("long post too short", "long question length", qset("N3", "Is the temporary-vault workaround official?"))
simple("long post too long", "long question length",
       lambda c: c.e("N3").__setitem__("question", c.e("N3")["question"] + (" Some more background here." * 60)))
simple("short question of 15 words", "short question has 15 words",
       qset("S2", "is the kid that az keyvault key show prints for our key versioned or not"))
simple("short question on two lines", "short question spans lines", qrep("S2", "prints ", "prints\n"))
simple("agent query of 50 words", "agent query has",
       lambda c: c.e("K3").__setitem__("question", c.e("K3")["question"] + " Please" + " also" * 30 + "."))
simple("agent query on two lines", "agent query spans lines", qrep("K3", " and what", "\nand what"))
simple("context form without Context:", "context form must open with 'Context:'",
       lambda c: c.e("T7").__setitem__("question", c.e("T7")["question"][len("Context: "):]))
simple("imperative form without verb", "imperative form must open with an imperative verb",
       qrep("K3", "Summarize what", "I wonder what"))
simple("keywords form opening uppercase", "keywords form must open lowercase",
       lambda c: c.e("K4").__setitem__("question", "L" + c.e("K4")["question"][1:]))
simple("keywords form with ?", "keywords form must open lowercase", qrep("K4", "principal type", "principal type?"))
simple("form on a short item", "form on a non-agent item", mset("S2", "form", "keywords"))
simple("agent forms miscounted", "on-topic agent form context count 4",
       chain(mset("R2", "form", "imperative"), qrep("R2", "Context: this morning", "Explain: this morning")))
simple("off-topic agent forms miscounted", "off-topic agent form keywords count 0",
       chain(mset("X9", "form", "imperative"), lambda c: c.e("X9").__setitem__("question", "Explain " + c.e("X9")["question"])))


@mut("three short questions not lowercase", "short questions not lowercase (max 2)")
def _(c):
    for k in ("S2", "T5", "M5"):
        e = c.e(k)
        e["question"] = e["question"][0].upper() + e["question"][1:] + " Thanks"


@mut("every short question asks with ?", "short questions without '?' (want 3-9)")
def _(c):
    for x in c.j:
        if c.m[x["id"]]["style"] == "short" and "?" not in x["question"]:
            x["question"] = x["question"].rstrip(".") + "?"


@mut("short abbreviations removed", "floor: short questions with an abbreviation")
def _(c):
    rep = {"acr": "registry", "cmk": "customer key", "kv": "vault", "hsm": "hardware module", "az": "",
           "cli": "tool", "dct": "content trust", "oras": "the tool", "kid": "key handle", "id": "name"}
    for x in c.j:
        if c.m[x["id"]]["style"] == "short":
            x["question"] = re.sub(r"\b(%s)\b" % "|".join(rep), lambda mm: rep[mm.group(1).lower()],
                                   x["question"], flags=re.I)


# ---------------- qualifiers ----------------
simple("hsm qualifier without Managed HSM", "hsm qualifier but no Managed HSM in the question",
       mset("T4", "quals", ["hsm"]))
simple("iac qualifier without a tool", "iac qualifier but no portal/Terraform/Bicep/ARM/AVM",
       mset("T5", "quals", ["iac"]))
simple("October 2026 truth without Managed HSM", "October 2026 truth names neither",
       tset("V1", "No: the command deletes the whole key with all its versions."))
simple("qual asked recorded as story", "qual is 'story', should be 'asked'", mset("M1", "qual", "story"))
simple("quals without qual none", "qual is 'asked', should be 'none'", mset("T4", "qual", "asked"))
simple("unknown qualifier", "bad quals", mset("M1", "quals", ["hsm", "oct2026", "k8s"]))


@mut("Managed HSM asked floor", "floor: Managed HSM asked")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "hsm" in mm.get("quals", []) and n < 9:
            mm["quals"] = [q for q in mm["quals"] if q != "hsm"]
            mm["qual"] = "none" if not mm["quals"] else ("asked" if mm["qual"] == "asked" and "iac" in mm["quals"] else "story")
            n += 1


@mut("iac named floor", "floor: portal/Terraform/Bicep/ARM/AVM named")
def _(c):
    for k in ("I4", "M2"):
        c.meta(k)["quals"] = [q for q in c.meta(k)["quals"] if q != "iac"]


@mut("October 2026 floor", "floor: October 2026")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "oct2026" in mm.get("quals", []) and n < 5:
            mm["quals"] = [q for q in mm["quals"] if q != "oct2026"]
            n += 1


# ---------------- spread and per-doc ----------------
@mut("spread against blind39", "spread: only")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind39-first-canonicals.txt")) if x.strip()]
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < 19 and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [firsts[n]]
            x["related"] = [r for r in x["related"] if r != firsts[n]] or [firsts[n + 20]]
            n += 1


@mut("spread against blind39 and blind38", "first canonicals new against blind39 and blind38")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind38-first-canonicals.txt")) if x.strip()]
    b39 = {x.strip() for x in open(os.path.join(c.d, "prev", "blind39-first-canonicals.txt"))}
    pool = [f for f in dict.fromkeys(firsts) if f not in b39]
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < min(29, len(pool)) and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [pool[n]]
            x["related"] = [r for r in x["related"] if r != pool[n]] or ["acr-cmk/references/overview.md#requirements-at-a-glance"]
            n += 1


simple("troubleshooting doc above 8", "first canonical doc troubleshooting count 9",
       lambda c: c.e("L3")["canonical"].__setitem__(0, "acr-cmk/references/troubleshooting.md#check-health-reports-cmk_error"))
simple("identities doc below 2", "first canonical doc identities count 1",
       lambda c: c.e("D2")["canonical"].__setitem__(0, "acr-cmk/references/troubleshooting.md#registry-identity-is-inactive-or-expired"))
simple("blind39 first-canonical list missing", "first-canonical list missing: blind39",
       lambda c: os.remove(os.path.join(c.d, "prev", "blind39-first-canonicals.txt")))


@mut("blind38 first-canonical list cut to 47", "blind38 has 47 lines")
def _(c):
    p = os.path.join(c.d, "prev", "blind38-first-canonicals.txt")
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


simple("typo planted in blind20", "typo 'recvoer' already used in blind19-39", plant_prev(20, "recvoer"))
simple("typo planted in blind39", "typo 'rotatoin' already used in blind19-39", plant_prev(39, "rotatoin"))
simple("typo moved to an off-topic short", "typo must sit in a short on-topic question",
       chain(mdel("V1", "typo"), qrep("V1", "recvoer", "recover"), mset("X10", "typo", "recvoer"),
             qrep("X10", "prompt", "recvoer prompt")))
simple("typo fixed in the question", "typo 'encrpyted' not in the question", qrep("T8", "encrpyted", "encrypted"))
simple("unrecorded typo in another question", "unrecorded typo 'rotatoin'", qrep("M5", "what to check", "rotatoin: what to check"))
simple("typo used twice", "typo 'recvoer' used 2 times",
       chain(mset("S2", "typo", "recvoer"), qrep("S2", "versioned or not", "versioned or not recvoer")))
simple("unknown typo word", "not in the set's typo list", chain(mset("R4", "typo", "rotaton"), qrep("R4", "rotatoin", "rotaton")))


@mut("typo added to the knowledge", "typo 'encrpyted' stands in the knowledge or facts")
def _(c):
    p = c.kfile("acr-cmk/references/overview.md")
    open(p, "a").write("\nencrpyted\n")


# ---------------- copying ----------------
simple("knowledge 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("O4", "Someone in review asked", "The registry cannot unwrap its data without the key, so someone in review asked"))
simple("fact-sheet 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("O4", "Someone in review asked", "Local RBAC changes can take several minutes to propagate, and someone asked"))
simple("knowledge command line inside a fence", "12-token run (fences included) shared with knowledge/facts",
       qrep("O4", "```\n\nSomeone", "az keyvault key rotate --name \"$KEY_NAME\" --vault-name \"$KEY_VAULT_NAME\"\n```\n\nSomeone"))
simple("pasted error moved into prose", "8-token run shared with knowledge/facts",
       qrep("K1", "Vaults created before", "The CLI said Cannot set policies to a vault with '--enable-rbac-authorization' specified. Vaults created before"))
simple("fence with knowledge prose around a partial anchor", "12-token run (fences included)",
       qrep("I2", "│   on main.tf line 88", "│ the registry cannot unwrap its data without the key so deleting the key store\n│   on main.tf line 88"))
simple("blind19-39 8-token run", "8-token run shared with blind19-39",
       lambda c: c.e("O1").__setitem__("question", c.e("O1")["question"] + " " + json.load(open(os.path.join(c.d, "prev", "blind30.json")))[8]["question"][:120]))
simple("blind39 question repeated", "Jaccard > 0.6 with blind39",
       lambda c: c.e("S2").__setitem__("question", json.load(open(os.path.join(c.d, "prev", "blind39.json")))[40]["question"]))
simple("blind38 question repeated", "Jaccard > 0.6 with blind38",
       lambda c: c.e("T5").__setitem__("question", json.load(open(os.path.join(c.d, "prev", "blind38.json")))[12]["question"]))
simple("near-duplicate inside the set", "Jaccard > 0.6 with",
       lambda c: c.e("M5").__setitem__("question", c.e("M1")["question"].replace("gives", "grants")))
simple("truth copies a knowledge sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("V3").__setitem__("truth", c.e("V3")["truth"] + " Soft delete alone keeps deleted keys and vaults recoverable, but someone with purge rights can still destroy them permanently before the retention period ends."))
simple("truth copies a fact-sheet sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("K4").__setitem__("truth", c.e("K4")["truth"] + " If the assignment is correct and the operation still fails, wait and retry."))
simple("question copies a knowledge sentence", "question copies a knowledge/fact sentence",
       qrep("N3", "My lead wants", "Registries without a CMK are still encrypted at rest with Microsoft-managed keys. My lead wants"))
simple("question echoes a heading", "question echoes a heading",
       qrep("N3", "My lead wants", "Rotate on a schedule with a Key Vault rotation policy, they said. My lead wants"))


@mut("error anchor removed from sources", "error anchor not in sources")
def _(c):
    for root in (os.path.join(c.d, "k"), os.path.join(c.d, "facts")):
        for dd, _, files in os.walk(root):
            for f in files:
                p = os.path.join(dd, f)
                s = open(p, encoding="utf-8").read()
                open(p, "w", encoding="utf-8").write(s.replace("Failed to access KeyId", "Failed to reach KeyId"))


@mut("knowledge heading renamed", "unknown section")
def _(c):
    p = c.kfile("acr-cmk/references/managed-hsm.md")
    s = open(p, encoding="utf-8").read()
    open(p, "w", encoding="utf-8").write(s.replace("## Rotate a Managed HSM key", "## Rotating keys in a Managed HSM"))


@mut("knowledge text edited under an answer fact", "answer_fact not in first canonical")
def _(c):
    p = c.kfile("acr-cmk/references/overview.md")
    s = open(p, encoding="utf-8").read()
    open(p, "w", encoding="utf-8").write(s.replace("still encrypted at rest", "encrypted at rest too"))


@mut("fact sheets missing", "fact sheets missing")
def _(c):
    for f in os.listdir(os.path.join(c.d, "facts")):
        os.remove(os.path.join(c.d, "facts", f))


simple("prev file missing", "prev file missing: blind27.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind27.json")))

# ---------------- off-topic ----------------
simple("banned off-topic subject", "banned off-topic subject 'openbao'",
       chain(mset("X11", "subject", "openbao"), qset("X11", "how do i sync openbao secrets into a vault")))
simple("blind38 subject", "banned off-topic subject 'wireguard'",
       chain(mset("X11", "subject", "wireguard"), qset("X11", "how do i sync wireguard configs into a vault")))
simple("subject planted in a prev file", "subject 'zfs' used in blind19-39", plant_prev(33, "zfs"))
simple("subject not in question", "subject 'scim' not in the question", qset("X12", "user provisioning for the team that runs our registries?"))
simple("banned key word in off-topic", "off-topic question names banned 'kubernetes'",
       qrep("X3", "Cluster pulls", "Kubernetes cluster pulls"))
simple("banned key word kms", "off-topic question names banned 'kms'", qrep("X8", "registries and vaults", "registries, vaults and kms"))
simple("near_miss on an agent item", "near_miss only on long off-topic posts", mset("X7", "near_miss", True))
simple("near-miss floor", "floor: near misses", chain(mdel("X1", "near_miss"), mdel("X2", "near_miss")))


@mut("off-topic story floor", "floor: long off-topic registry+key stories")
def _(c):
    for k in ("X1", "X4"):
        e = c.e(k)
        e["question"] = re.sub(r"\bregistr\w*", "service", e["question"], flags=re.I)


simple("off-topic subject missing", "off-topic subject missing", mdel("X6", "subject"))
simple("shape flag on off-topic", "shape flag timeline on an off-topic item", mset("X6", "timeline", True))
simple("subject on an on-topic item", "subject/near_miss on an on-topic item", mset("T2", "subject", "x"))


# ---------------- long measures ----------------
@mut("fenced long floor", "floor: fenced long posts")
def _(c):
    for k in ("I1", "I3", "K1", "M3"):
        e = c.e(k)
        e["question"] = e["question"].replace("```", "")


@mut("fenced troubleshoot floor", "floor: fenced long troubleshoot posts")
def _(c):
    for k in ("T1", "T2", "T6"):
        e = c.e(k)
        e["question"] = e["question"].replace("```", "'''")


@mut("two-asks floor", "floor: long posts asking two things")
def _(c):
    c.q_rep("R5", "that Managed HSM? And", "that Managed HSM, and")


@mut("last-sentence ask floor", "floor: long posts asking only in the last sentence")
def _(c):
    for x in c.j:
        if c.m[x["id"]]["style"] == "long" and c.m[x["id"]]["kind"] != "off-topic":
            x["question"] = "Quick question? " + x["question"]


# ---------------- plan_review ----------------
simple("plan_review on an agent item", "plan_review must be a long post", mset("K3", "plan_review", True))
simple("plan list cut to two", "plan_review needs >= 3 list lines", qrep("N1", "3. test a pull from crriver\n", ""))
simple("plan list as prose", "plan_review needs >= 3 list lines",
       lambda c: c.e("S5").__setitem__("question", re.sub(r"\n(\d)\. ", r" then \1) step ", c.e("S5")["question"])))
simple("plan fence cut to two az lines", "plan_review needs >= 3 list lines or a fence",
       lambda c: c.e("T4").__setitem__("question", re.sub(r"\naz (group|identity|keyvault create|keyvault set-policy)", r"\n# step: \1", c.e("T4")["question"])))
simple("plan bullets without space", "plan_review needs >= 3 list lines",
       lambda c: c.e("D1").__setitem__("question", re.sub(r"\n(\d)\. ", r"\n\1.", c.e("D1")["question"])))
simple("plan ask before the plan", "plan_review ask must come after the plan",
       lambda c: c.e("D1").__setitem__("question", "Can you check this? " + c.e("D1")["question"].replace("?", ".")))
simple("plan ask without review cue", "plan_review ask holds no review cue",
       qrep("D1", "Is this order right, and what is missing?", "Any thoughts from people who did this?"))
simple("plan truth without order cue", "plan_review truth names no ordering",
       tset("M4", "It does not revoke: the assignment at / and the Managed HSM Crypto User role keep access working."))
simple("plan_review floor", "floor: shape plan_review 4 < 5", mdel("N1", "plan_review"))

# ---------------- iac_error ----------------
simple("iac_error fence without error line", "iac_error needs a fence with an error line",
       lambda c: c.e("I3").__setitem__("question", re.sub(r"(?i)error|failed|conflict", "note", c.e("I3")["question"])))
simple("iac_error fence without resource address", "iac_error needs a fence with an error line and a resource",
       qrep("I2", "with azurerm_container_registry.pay,", "with the registry resource,"))
simple("iac_error paste moved out of fences", "iac_error needs a fence",
       lambda c: c.e("S4").__setitem__("question", c.e("S4")["question"].replace("```", "")))
simple("iac_error error text copied from knowledge", "iac_error error text copies knowledge/facts",
       qrep("I5", "Message: Property 'versionedKeyIdentifier' cannot be set on create.",
            "Error: the registry cannot unwrap its data without the key so deleting"))
simple("iac_error prose without tool", "iac_error prose names no Terraform/Bicep/ARM/template",
       lambda c: c.e("I2").__setitem__("question", re.sub(r"(?i)\bterraform\b", "tf", c.e("I2")["question"].split("```")[0]) + "```" + "```".join(c.e("I2")["question"].split("```")[1:])))
simple("iac_error without iac qualifier", "iac_error item lacks the iac qualifier",
       chain(mset("S4", "quals", []), mset("S4", "qual", "none")))
simple("iac_error on a short item", "iac_error must be a long post", mset("T5", "iac_error", True))
simple("iac_error floor", "floor: shape iac_error 4 < 5", mdel("I5", "iac_error"))

# ---------------- newcomer ----------------
simple("newcomer without cue", "newcomer question holds no newcomer cue", qrep("L4", "new here: ", ""))
simple("newcomer with an az command", "newcomer question holds CLI tokens", qrep("O1", "Hello,", "Hello, I ran az acr show and"))
simple("newcomer with a flag", "newcomer question holds CLI tokens", qrep("R1", "version number", "--version number"))
simple("newcomer with an acronym", "newcomer question holds an acronym", qrep("V3", "cloud account", "cloud account (ACR)"))
simple("newcomer with camelCase", "newcomer question holds an acronym or camelCase", qrep("R1", "the name of the key", "the keyName"))
simple("newcomer with jargon firewall", "newcomer question uses jargon 'firewall'", qrep("N2", "locked the vault", "put a firewall on the vault"))
simple("newcomer with jargon identity", "newcomer question uses jargon 'identity'", qrep("O1", "My manager", "My manager (identity team)"))
simple("newcomer with jargon purge", "newcomer question uses jargon 'purge'", qrep("V3", "wiping out", "purge-wiping out"))
simple("newcomer truth with a command", "newcomer truth holds a CLI command",
       lambda c: c.e("R1").__setitem__("truth", c.e("R1")["truth"] + " Check with az acr encryption show."))
simple("newcomer on an agent item", "newcomer must be long or short", mset("K3", "newcomer", True))
simple("newcomer floor", "floor: shape newcomer 4 < 5", mdel("O1", "newcomer"))

# ---------------- timeline ----------------
simple("timeline with two markers", "timeline needs >= 3 distinct time markers",
       qrep("D2", "Today, roughly three months later,", "Now"))
simple("timeline markers only after the ask", "timeline needs >= 2 time markers before the ask",
       lambda c: c.e("K1").__setitem__("question", "Which CLI release changed the default? It broke on 3 June after an upgrade in May, since early 2024 it ran fine."))
simple("timeline ask without timing word", "timeline ask holds no timing or order word",
       qrep("R2", "say what makes crinv switch, and whether waiting longer helps.", "say what is wrong."))
simple("timeline truth without time word", "timeline truth holds no time or order word",
       tset("D2", "Re-assign it with az acr identity assign --name crpost --identities <identity resource ID>."))
simple("timeline on a short item", "timeline must be long or agent", mset("S2", "timeline", True))


@mut("timeline floor", "floor: shape timeline 4 < 5")
def _(c):
    c.meta("T1").pop("timeline")
    c.meta("T2").pop("timeline")


# ---------------- output_rule ----------------
simple("output_rule without constraint", "output_rule needs exactly one output constraint (found 0)",
       qrep("L1", " one sentence please", ""))
simple("output_rule with two constraints", "output_rule needs exactly one output constraint (found 2)",
       qrep("S3", "answer in one line", "answer in one line, yes or no"))
simple("output_rule yes-or-no on a value item", "output_rule yes-or-no needs a yes/no kind",
       chain(mset("S1", "kind", "value"), tset("S1", "Key Vault Crypto User is not required.")))
simple("output_rule yes-or-no truth too long", "output_rule yes-or-no truth runs past one reason",
       tset("S1", "No: it is not required. It grants more. It is broader. Skip it."))
simple("output_rule one-line truth with two sentences", "one-line truth is not a single sentence",
       tset("S3", "keyVaultProperties.versionedKeyIdentifier. It is read-only."))
simple("output_rule one-line truth on two lines", "one-line truth is not a single sentence",
       tset("L1", "Removed on 2028-03-31;\nNotation replaces it."))
simple("output_rule command truth with prose", "output_rule command truth is not a bare az command",
       tset("R4", "Run this: az acr encryption rotate-key --name <registry> --key-encryption-key <versionless-uri>"))
simple("output_rule command truth with a trailing sentence", "output_rule command truth is not a bare az command",
       lambda c: c.e("T3").__setitem__("truth", c.e("T3")["truth"] + ". Then retry the pull."))
simple("output_rule word limit exceeded", "output_rule truth exceeds 8 words",
       qrep("L1", "one sentence please", "in 8 words please"))
simple("output_rule on a long item", "output_rule must be agent or short", mset("N3", "output_rule", True))
simple("output_rule floor", "floor: shape output_rule 4 < 5", mdel("L1", "output_rule"))

# ---------------- two_facts ----------------
simple("two_facts floor", "floor: shape two_facts 2 < 3",
       chain(mdel("K2", "two_facts"), lambda c: c.e("K2")["canonical"].pop(),
             lambda c: c.e("K2")["answer_facts"].pop()))


def run_check(d):
    env = dict(os.environ, BLIND40_DIR=d, BLIND40_KROOT=os.path.join(d, "k"), BLIND40_FACTS=os.path.join(d, "facts"))
    p = subprocess.run([sys.executable, os.path.join(HERE, "check40.py")], env=env, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def fresh(with_build):
    d = tempfile.mkdtemp(prefix="mut-", dir=HERE)
    for f in ("blind40.json", "blind40-meta.json"):
        shutil.copy(os.path.join(HERE, f), d)
    shutil.copytree(os.path.join(HERE, "prev"), os.path.join(d, "prev"))
    shutil.copytree(KROOT, os.path.join(d, "k"))
    shutil.copytree(FACTS, os.path.join(d, "facts"))
    if with_build:
        shutil.copy(os.path.join(HERE, "build40.py"), d)
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
