"""blind49 mutation driver. Each mutation runs on a fresh temp copy (inside blind49/) of the set, prev/,
the knowledge and the fact sheets; it counts as caught only when check49.py exits 1 and prints the
mutation's expected message."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
KROOT = os.environ.get("BLIND49_KROOT", "/work/scratch/kstripped")
FACTS = os.environ.get("BLIND49_FACTS", "/work/shared/facts")
sys.path.insert(0, HERE)
import build49  # noqa: E402
import kparse  # noqa: E402

_entries, _meta = build49.build()
_byq = {q["question"]: q["key"] for q in build49.QUESTIONS}
ID = {_byq[e["question"]]: e["id"] for e in _entries}
SCENARIO_SECTION = next(k for k in kparse.parse_all(KROOT) if k.startswith("acr-cmk/scenarios/"))


class Ctx:
    def __init__(self, d):
        self.d = d
        self.j = json.load(open(os.path.join(d, "blind49.json"), encoding="utf-8"))
        self.m = json.load(open(os.path.join(d, "blind49-meta.json"), encoding="utf-8"))

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
        json.dump(self.j, open(os.path.join(self.d, "blind49.json"), "w", encoding="utf-8"), indent=1)
        json.dump(self.m, open(os.path.join(self.d, "blind49-meta.json"), "w", encoding="utf-8"), indent=1)

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
for pfx in ("d", "c", "b", "f", "m", "j", "k", "h"):
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
simple("rebuild: json truth edited", "rebuild differs from blind49.json",
       lambda c: c.j[0].__setitem__("truth", c.j[0]["truth"] + " Extra."), True)
simple("rebuild: meta edited", "rebuild differs from blind49-meta.json",
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
for fld, val in [(f, True) for f in ("compliance_requirements", "az_debug", "negated_question", "agent_plan_step",
                                     "rest_api",
                                     "checklist", "code_switch", "log_timestamps", "url_paste", "python_sdk",
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
    simple("dropped/unknown field %s" % fld, "unknown field %r" % fld, mset("L21", fld, val))

# ---------------- facts and answer facts ----------------
simple("answer_fact not in canonical", "answer_fact not in first canonical",
       lambda c: c.e("L23")["answer_facts"].__setitem__(0, "the hsm refuses http uris"))
simple("answer_fact only in a related section", "answer_fact not in first canonical",
       lambda c: c.e("L21")["answer_facts"].__setitem__(0, "grant it key access first"))
simple("answer_fact added from a related section", "answer_fact not in first canonical",
       lambda c: c.e("L23")["answer_facts"].append("take the host from the hsm's hsmuri"))
simple("answer_fact over 7 words", "answer_fact over 7 words",
       lambda c: c.e("A1")["answer_facts"].__setitem__(0, "a new version needs no new role assignment"))
simple("fact not in any section", "fact not in a canonical or related section",
       lambda c: c.e("S6")["facts"].__setitem__(0, "the cli checks every host name"))
simple("empty answer_facts", "no answer_facts", eset("S5", "answer_facts", []))
simple("empty facts", "no facts", eset("S5", "facts", []))
simple("two_facts with both facts in the first canonical", "two_facts needs one answer_fact only in each",
       lambda c: c.e("L10")["answer_facts"].__setitem__(1, "list first with the same filters"))
simple("two_facts fact in neither canonical", "answer_fact not in either canonical",
       lambda c: c.e("L2")["answer_facts"].__setitem__(0, "the portal restores the identity"))
simple("two canonicals without flag", "two canonical sections need two_facts", mdel("L19", "two_facts"))
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
       lambda c: c.e("S10").__setitem__("truth", "No: " + c.e("S10")["truth"][5:]))
simple("no truth without No", "no truth must open 'No: '",
       lambda c: c.e("L6").__setitem__("truth", c.e("L6")["truth"][4:]))
simple("undocumented truth without verdict", "undocumented truth must open 'Not documented'",
       lambda c: c.e("A12").__setitem__("truth", c.e("A12")["truth"][16:]))
simple("off-topic truth without verdict", "off-topic truth must open 'Not covered: '",
       lambda c: c.e("X3").__setitem__("truth", c.e("X3")["truth"][13:]))
simple("howto truth opening Yes", "howto truth opens with a verdict word",
       lambda c: c.e("A9").__setitem__("truth", "Yes: " + c.e("A9")["truth"]))
simple("troubleshoot truth opening No", "troubleshoot truth opens with a verdict word",
       lambda c: c.e("L23").__setitem__("truth", "No, " + c.e("L23")["truth"]))
simple("off-topic item with canonical", "off-topic item must have empty lists",
       lambda c: c.e("X4")["canonical"].append("acr-cmk/references/overview.md#default-encryption-at-rest-without-a-cmk"))
simple("off-topic category on an on-topic kind", "off-topic category and kind disagree",
       eset("A10", "category", "off-topic"))
simple("unknown category", "bad category", eset("A10", "category", "misc"))
simple("style count broken", "on-topic short count 13", mset("A7", "style", "short"))
simple("unknown style", "bad style", mset("A7", "style", "medium"))
simple("kind count broken", "kind howto count 13", mset("L21", "kind", "why"))
simple("kind group missing from a style", "kind group yes/no missing from style agent",
       chain(mset("A1", "kind", "value"), mset("A2", "kind", "value"), mset("A3", "kind", "value"),
             tset("A1", "The registry polls the HSM and follows a new version within about an hour."),
             tset("A2", "Role assignments are deleted with the vault; re-create them after recovery."),
             tset("A3", "The AVM Bicep module takes key vault keys only; declare the registry yourself.")))
simple("category above 9", "category hsm count 10",
       chain(eset("L7", "category", "hsm"), eset("S4", "category", "hsm"), eset("A7", "category", "hsm"),
             eset("A12", "category", "hsm")))
simple("category below 2", "category troubleshooting count 1",
       chain(eset("L22", "category", "keys"), eset("S8", "category", "keys")))

# ---------------- style rules ----------------
simple("long post too short", "long question length", qset("L21", "Can we move crtwite to another identity?"))
simple("long post too long", "long question length",
       lambda c: c.e("L21").__setitem__("question", c.e("L21")["question"] + (" Some more background here." * 60)))
simple("short question of 15 words", "short question has 15 words",
       qset("S10", "is oras attach still usable on a cmk-encrypted acr when we also sign with notation?"))
simple("short question on two lines", "short question spans lines", qrep("S10", " on a", "\non a"))
simple("agent query of 50 words", "agent query has",
       lambda c: c.e("A7").__setitem__("question", c.e("A7")["question"] + " please" + " also" * 30))
simple("agent query on two lines", "agent query spans lines", qrep("A8", " Question:", "\nQuestion:"))
simple("context form without Context:", "context form must open with 'Context:'",
       lambda c: c.e("A8").__setitem__("question", c.e("A8")["question"][len("Context: "):]))
simple("imperative form without verb", "imperative form must open with an imperative verb",
       qrep("A7", "Write a pipeline step", "I need a pipeline step"))
simple("keywords form opening uppercase", "keywords form must open lowercase",
       lambda c: c.e("A10").__setitem__("question", "P" + c.e("A10")["question"][1:]))
simple("keywords form with ?", "keywords form must open lowercase", qrep("A10", "kv rbac grant", "kv rbac grant?"))
simple("form on a short item", "form on a non-agent item", mset("S10", "form", "keywords"))
simple("agent forms miscounted", "on-topic agent form context count 4",
       chain(mset("A8", "form", "imperative"), qrep("A8", "Context: az acr create", "Explain: az acr create")))
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
           "rbac": "role mode", "kek": "key", "mi": "identity", "oras": "the artifact tool"}
    for x in c.j:
        if c.m[x["id"]]["style"] == "short":
            x["question"] = re.sub(r"\b(%s)\b" % "|".join(rep), lambda mm: rep[mm.group(1).lower()],
                                   x["question"], flags=re.I)


# ---------------- qualifiers ----------------
simple("hsm qualifier without Managed HSM", "hsm qualifier but no Managed HSM in the question",
       mset("L21", "quals", ["hsm"]))
simple("iac qualifier without a tool", "iac qualifier but no portal/Terraform/Bicep/ARM/AVM",
       mset("S6", "quals", ["iac"]))
simple("October 2026 truth without Managed HSM", "October 2026 truth names neither",
       tset("S7", "All versions go at once; recovery works within the retention period, not after a purge."))
simple("qual asked recorded as story", "qual is 'story', should be 'asked'", mset("A1", "qual", "story"))
simple("quals without qual none", "qual is 'asked', should be 'none'", mset("L22", "qual", "asked"))
simple("unknown qualifier", "bad quals", mset("A1", "quals", ["hsm", "oct2026", "k8s"]))


@mut("Managed HSM asked floor", "floor: Managed HSM asked")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "hsm" in mm.get("quals", []):
            n += 1
            if n > 9:
                mm["quals"] = [q for q in mm["quals"] if q != "hsm"]
                ask = build49.ask_part(x["question"])
                mm["qual"] = "none" if not mm["quals"] else (
                    "asked" if "iac" in mm["quals"] and build49.IAC_RE.search(ask) else "story")


@mut("Managed HSM asked in too few ways (qualifiers dropped)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    for k in ("L1", "L3"):
        mm = c.meta(k)
        mm["quals"] = [q for q in mm["quals"] if q != "hsm"]
        mm["qual"] = "story"


@mut("Managed HSM asked in too few ways (asks reworded)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    c.q_rep("L1", "at the wider /keys scope so it covers everything", "at /keys too so it covers everything")
    c.q_rep("L3", "will the key it saves rotate on its own later", "will the key it saves keep up with later key versions on its own")


@mut("iac named floor", "floor: portal/Terraform/Bicep/ARM/AVM named")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "iac" in mm.get("quals", []) and n < 8:
            mm["quals"] = [q for q in mm["quals"] if q != "iac"]
            ask = build49.ask_part(x["question"])
            mm["qual"] = "none" if not mm["quals"] else (
                "asked" if "hsm" in mm["quals"] and build49.HSM_RE.search(ask) else "story")
            n += 1


@mut("October 2026 floor", "floor: October 2026")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "oct2026" in mm.get("quals", []) and n < 3:
            mm["quals"] = [q for q in mm["quals"] if q != "oct2026"]
            n += 1


# ---------------- spread and per-doc ----------------
@mut("spread against blind48", "first canonicals new against blind48 (floor 30)")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind48-first-canonicals.txt")) if x.strip()]
    firsts = list(dict.fromkeys(firsts))
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < 20 and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [firsts[n]]
            x["related"] = [r for r in x["related"] if r != firsts[n]] or [firsts[n + 20]]
            n += 1


@mut("spread against blind48 and blind47", "first canonicals new against blind48 and blind47")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind47-first-canonicals.txt")) if x.strip()]
    b48 = {x.strip() for x in open(os.path.join(c.d, "prev", "blind48-first-canonicals.txt"))}
    pool = [f for f in dict.fromkeys(firsts) if f not in b48]
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < min(32, len(pool)) and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [pool[n]]
            x["related"] = [r for r in x["related"] if r != pool[n]] or ["acr-cmk/references/overview.md#requirements-at-a-glance"]
            n += 1


simple("troubleshooting doc above 8", "first canonical doc troubleshooting count 9",
       chain(lambda c: c.e("L21")["canonical"].__setitem__(0, "acr-cmk/references/troubleshooting.md#check-health-reports-cmk_error"),
             lambda c: c.e("S9")["canonical"].__setitem__(0, "acr-cmk/references/troubleshooting.md#key-is-disabled-or-expired"),
             lambda c: c.e("A7")["canonical"].__setitem__(0, "acr-cmk/references/troubleshooting.md#task-run-logs-disappear-after-24-hours")))
simple("identities doc below 2", "first canonical doc identities count 1",
       chain(lambda c: c.e("L21")["canonical"].__setitem__(0, "acr-cmk/references/overview.md#requirements-at-a-glance"),
             lambda c: c.e("S6")["canonical"].__setitem__(0, "acr-cmk/references/overview.md#requirements-at-a-glance"),
             lambda c: c.e("A8")["canonical"].__setitem__(0, "acr-cmk/references/overview.md#requirements-at-a-glance")))
simple("blind48 first-canonical list missing", "first-canonical list missing: blind48",
       lambda c: os.remove(os.path.join(c.d, "prev", "blind48-first-canonicals.txt")))


@mut("blind47 first-canonical list cut to 47", "blind47 has 47 lines")
def _(c):
    p = os.path.join(c.d, "prev", "blind47-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:47])


@mut("blind48 first-canonical list cut to 40", "blind48 has 40 lines")
def _(c):
    p = os.path.join(c.d, "prev", "blind48-first-canonicals.txt")
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


simple("typo planted in blind20", "typo 'deleteing' already used in blind19-48", plant_prev(20, "deleteing"))
simple("typo planted in blind41", "typo 'deployement' already used in blind19-48", plant_prev(41, "deployement"))
simple("typo planted in blind46", "typo 'rotatation' already used in blind19-48", plant_prev(46, "rotatation"))
simple("typo planted in blind48", "typo 'deleteing' already used in blind19-48", plant_prev(48, "deleteing"))
simple("typo planted in a blind48 truth", "typo 'rotatation' already used in blind19-48", plant_prev_truth(48, "rotatation"))
simple("typo planted in a blind25 truth", "typo 'deployement' already used in blind19-48", plant_prev_truth(25, "deployement"))
simple("typo moved to an off-topic short", "typo must sit in a short on-topic question",
       chain(mdel("S7", "typo"), qrep("S7", "deleteing", "deleting"), mset("X10", "typo", "deleteing"),
             qrep("X10", "reset the pihole", "deleteing the pihole")))
simple("typo fixed in the question", "typo 'rotatation' not in the question", qrep("S9", "rotatation", "rotation"))
simple("unrecorded typo in another question", "unrecorded typo 'deployement'",
       qrep("S10", "still usable", "still usable after deployement"))
simple("typo used twice", "typo 'deployement' used 2 times",
       chain(mset("S10", "typo", "deployement"), qrep("S10", "still usable", "still usable after deployement")))
simple("unknown typo word", "not in the set's typo list",
       chain(mset("S12", "typo", "deploymnt"), qrep("S12", "deployement", "deploymnt")))
simple("typo on a long item", "typo must sit in a short on-topic question",
       chain(mdel("S9", "typo"), qrep("S9", "rotatation", "rotation"), mset("L21", "typo", "rotatation"),
             qrep("L21", "What is the safe sequence", "What is the safe rotatation sequence")))


@mut("typo added to the knowledge", "typo 'deleteing' stands in the knowledge or facts")
def _(c):
    p = c.kfile("acr-cmk/references/overview.md")
    open(p, "a").write("\ndeleteing\n")


@mut("typo added to the fact sheets", "typo 'rotatation' stands in the knowledge or facts")
def _(c):
    p = os.path.join(c.d, "facts", "cmk-facts-2026-10.md")
    os.chmod(p, 0o644)
    open(p, "a").write("\nrotatation\n")


# ---------------- copying ----------------
simple("knowledge 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L21", "crtwite was created", "The registry cannot unwrap its data without the key, and crtwite was created"))
simple("fact-sheet 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L21", "crtwite was created", "Local RBAC changes can take several minutes to propagate, and crtwite was created"))
simple("knowledge command line inside a fence", "12-token run (fences included) shared with knowledge/facts",
       qrep("L22", "Allow\n", 'Allow\naz keyvault key rotate --name "$KEY_NAME" --vault-name "$KEY_VAULT_NAME"\n'))
simple("pasted error moved into prose", "8-token run shared with knowledge/facts",
       qrep("L21", "crtwite was created", "The CLI said Cannot set policies to a vault with '--enable-rbac-authorization' specified. crtwite was created"))
simple("fence with knowledge prose", "12-token run (fences included)",
       qrep("L22", "Allow\n", "Allow\nthe registry cannot unwrap its data without the key so deleting the key store\n"))
simple("blind30 8-token run", "8-token run shared with blind19-48",
       lambda c: c.e("L21").__setitem__("question", c.e("L21")["question"] + " " + prevq(30, 8)(c)[:120]))
simple("blind41 8-token run", "8-token run shared with blind19-48",
       lambda c: c.e("L21").__setitem__("question", c.e("L21")["question"] + " " + prevq(41, 3)(c)[:150]))
simple("blind48 8-token run", "8-token run shared with blind19-48",
       lambda c: c.e("L21").__setitem__("question", c.e("L21")["question"] + " " + prevq(48, 2)(c)[:150]))
simple("blind48 question repeated", "Jaccard > 0.6 with blind48",
       lambda c: c.e("A8").__setitem__("question", prevq(48, 5)(c)))
simple("blind47 question repeated", "Jaccard > 0.6 with blind47",
       lambda c: c.e("A12").__setitem__("question", prevq(47, 5)(c)))
simple("blind46 question repeated", "Jaccard > 0.6 with blind46",
       lambda c: c.e("S12").__setitem__("question", prevq(46, 40)(c)))
simple("near-duplicate inside the set", "Jaccard > 0.6 with",
       lambda c: c.e("A9").__setitem__("question", c.e("A7")["question"].replace("right after the run", "after each run")))
simple("truth copies a knowledge sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("L21").__setitem__("truth", c.e("L21")["truth"] + " Soft delete alone keeps deleted keys and vaults recoverable, but someone with purge rights can still destroy them permanently before the retention period ends."))
simple("truth copies a fact-sheet sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("A5").__setitem__("truth", c.e("A5")["truth"] + " Whether this revision is already live on Learn was not checked."))
simple("question copies a knowledge sentence", "question copies a knowledge/fact sentence",
       qrep("L21", "crtwite was created", "Registries without a CMK are still encrypted at rest with Microsoft-managed keys. crtwite was created"))
simple("question echoes a heading", "question echoes a heading",
       qrep("L21", "crtwite was created", "Rotate on a schedule with a Key Vault rotation policy, they said. crtwite was created"))


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
    old = "## Rotate a Managed HSM key"
    if old not in s:
        raise AssertionError("setup: heading not in managed-hsm.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "## Managed HSM key rotation"))


@mut("knowledge text edited under an answer fact", "answer_fact not in first canonical")
def _(c):
    p = c.kfile("acr-cmk/references/limitations.md")
    s = open(p, encoding="utf-8").read()
    old = "The CMK articles do not mention zone redundancy"
    if old not in s:
        raise AssertionError("setup: text not in limitations.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "The CMK articles never mention zone redundancy"))


@mut("fact sheets missing", "fact sheets missing")
def _(c):
    for f in os.listdir(os.path.join(c.d, "facts")):
        os.remove(os.path.join(c.d, "facts", f))


simple("prev file missing", "prev file missing: blind27.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind27.json")))
simple("blind41 prev file missing", "prev file missing: blind41.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind41.json")))
simple("blind47 prev file missing", "prev file missing: blind47.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind47.json")))
simple("blind48 prev file missing", "prev file missing: blind48.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind48.json")))

# ---------------- off-topic ----------------
simple("banned blind48 subject", "banned off-topic subject 'truenas'",
       chain(mset("X11", "subject", "truenas"), qset("X11", "how do i rotate the truenas dataset key for our registry backups?")))
simple("banned blind47 subject", "banned off-topic subject 'mattermost'",
       chain(mset("X11", "subject", "mattermost"), qset("X11", "how do i rotate the mattermost at-rest key for our registry bot?")))
simple("banned blind46 subject", "banned off-topic subject 'graylog'",
       chain(mset("X11", "subject", "graylog"), qset("X11", "how do i rotate the graylog password secret for our registry logs?")))
simple("banned blind45 subject", "banned off-topic subject 'vaultwarden'",
       chain(mset("X11", "subject", "vaultwarden"), qset("X11", "how do i rotate the vaultwarden key after our registry admin left?")))
simple("banned blind44 subject", "banned off-topic subject 'rclone'",
       chain(mset("X11", "subject", "rclone"), qset("X11", "how do i change the rclone crypt password for our registry backups?")))
simple("blind48 subject in another question", "off-topic question names banned 'immich'",
       qrep("X8", "several hundred hosts", "several hundred hosts, as we did for immich"))
simple("blind47 subject in another question", "off-topic question names banned 'kanidm'",
       qrep("X8", "several hundred hosts", "several hundred hosts, as we did for kanidm"))
simple("subject planted in blind33", "subject 'gocd' used in blind19-48", plant_prev(33, "gocd"))
simple("subject planted in blind48", "subject 'mastodon' used in blind19-48", plant_prev(48, "mastodon"))
simple("subject not in question", "subject 'mastodon' not in the question",
       qset("X12", "how to regenerate the web push keys of a fediverse server?"))
simple("banned key word in off-topic", "off-topic question names banned 'kubernetes'",
       qrep("X3", "runs on Percona Server", "runs on Percona Server inside Kubernetes"))
simple("banned key word kms", "off-topic question names banned 'kms'",
       qrep("X2", "renew the CA with a new key", "renew the CA with a new key from our KMS"))
simple("near_miss on an agent item", "near_miss only on long off-topic posts", mset("X7", "near_miss", True))
simple("near-miss floor", "floor: near misses", chain(mdel("X1", "near_miss"), mdel("X2", "near_miss")))


@mut("off-topic story floor", "floor: long off-topic registry+key stories")
def _(c):
    for k in ("X5", "X6"):
        e = c.e(k)
        e["question"] = re.sub(r"\bregistr\w*", "service", e["question"], flags=re.I)


simple("off-topic subject missing", "off-topic subject missing", mdel("X6", "subject"))
simple("shape flag on off-topic", "shape flag bicep_snippet on an off-topic item", mset("X6", "bicep_snippet", True))
simple("subject on an on-topic item", "subject/near_miss on an on-topic item", mset("L21", "subject", "x"))


# ---------------- long measures ----------------
@mut("fenced long floor", "floor: fenced long posts")
def _(c):
    for k in ("L20", "L19"):
        e = c.e(k)
        e["question"] = e["question"].replace("```bash", "").replace("```", "")


@mut("fenced troubleshoot floor", "floor: fenced long troubleshoot posts")
def _(c):
    for k in ("L22", "L23"):
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


# ---------------- slack_thread ----------------
simple("slack thread of two lines", "slack_thread needs >= 3 chat lines",
       chain(qrep("L5", "lena: yes, which is why I want to be sure before we press the button\n", ""),
             qrep("L5", "lena: target is Premium, CMK from kv-plover, and zone redundancy on, since the platform SLO wants a zone failure covered\n", "")))
simple("slack thread inside a fence", "slack_thread needs >= 3 chat lines",
       chain(qrep("L2", "copied as it happened:\n\n", "copied as it happened:\n\n```text\n"),
             lambda c: c.e("L2").__setitem__("question", c.e("L2")["question"] + "\n```")))
simple("slack thread with one speaker", "slack_thread needs >= 2 speakers",
       lambda c: c.q_rep("L5", "raj:", "lena:", -1))
simple("slack thread with an impossible time", "slack_thread time [09:75] is not a real time",
       qrep("L1", "[09:05]", "[09:75]"))
simple("slack thread with an hour past 23", "slack_thread time [25:04] is not a real time",
       qrep("L1", "[09:04]", "[25:04]"))
simple("slack thread times going backwards", "slack_thread times go backwards at [13:27]",
       qrep("L4", "[14:27]", "[13:27]"))
simple("slack thread asking nothing inside", "slack_thread asks nothing inside the thread",
       chain(qrep("L3", "where do I actually click? is it somewhere in the registry's own settings?",
                  "where do I actually click, somewhere in the registry's own settings."),
             qrep("L3", "will the key it saves rotate on its own later?", "will the key it saves rotate on its own later.")))
simple("slack thread asking outside the thread", "slack_thread asks outside the thread",
       qrep("L4", "Revocation drill on crosprey, straight from", "Revocation drill on crosprey. Can anyone help? Straight from"))
simple("slack thread with label lines only", "slack_thread needs >= 3 chat lines",
       lambda c: c.e("L2").__setitem__("question", re.sub(r"(?m)^(noor|felix):", "Note:", c.e("L2")["question"])))
simple("slack truth not answering the last question", "slack_thread truth does not answer the thread's last question",
       tset("L4", "Use the principal of the encryption principal when deleting the policy."))
simple("slack thread on a short item", "slack_thread must be a long post", mset("S10", "slack_thread", True))
simple("slack thread used 4 times", "shape slack_thread used 4 times, want exactly 5", mdel("L5", "slack_thread"))
simple("slack thread used 6 times", "shape slack_thread used 6 times, want exactly 5", mset("L21", "slack_thread", True))

# ---------------- terraform_plan_output ----------------
simple("plan without terraform plan/apply named", "terraform_plan_output names no terraform plan or terraform apply",
       qrep("L6", "and `terraform plan` came back", "and the plan came back"))
simple("plan pasted outside a fence", "terraform_plan_output needs a fenced plan",
       lambda c: c.q_rep("L9", "```", "", -1))
simple("plan without change markers", "terraform_plan_output needs a fenced plan",
       chain(qrep("L10", '  - resource "azurerm_role_assignment"', '    resource "azurerm_role_assignment"'),
             lambda c: c.q_rep("L10", "      - ", "        ", -1)))
simple("plan without the # azurerm header", "terraform_plan_output needs a fenced plan",
       qrep("L6", "  # azurerm_container_registry.bittern will be updated in-place", "  # registry crbittern changes"))
simple("error block without an azurerm resource", "terraform_plan_output needs a fenced plan",
       lambda c: c.q_rep("L7", "azurerm_", "az_", -1))
simple("plan truth naming nothing pasted", "terraform_plan_output truth names no pasted attribute or resource type",
       tset("L8", "Attach the managed ID to the registry before the create; the client ID stays as it is."))
simple("plan without a question", "terraform_plan_output asks nothing about the output",
       qrep("L9", "or do we need another module version?", "or we need another module version."))
simple("plan on an agent item", "terraform_plan_output must be a long post", mset("A7", "terraform_plan_output", True))
simple("plan used 4 times", "shape terraform_plan_output used 4 times, want exactly 5", mdel("L7", "terraform_plan_output"))
simple("plan used 6 times", "shape terraform_plan_output used 6 times, want exactly 5",
       mset("L20", "terraform_plan_output", True))

# ---------------- yes_no_with_condition ----------------
simple("yes/no without a condition", "yes_no_with_condition ask states no condition",
       qset("S1", "can acr reach its key through a kv firewall that only allows trusted services?"))
simple("condition without a yes/no ask", "yes_no_with_condition ask is not a yes/no question",
       qset("S3", "how is a cmk registry supported once public network access is disabled?"))
simple("yes/no with condition but no ?", "yes_no_with_condition asks nothing with '?'",
       qrep("A2", "once the vault is recovered?", "once the vault is recovered."))
simple("yes/no on a howto item", "yes_no_with_condition needs kind yes, no or undocumented",
       mset("S2", "kind", "howto"))
simple("yes/no truth without its verdict", "yes_no_with_condition truth does not open with its verdict",
       lambda c: c.e("A1").__setitem__("truth", "Indeed, " + c.e("A1")["truth"][5:]))
simple("yes/no on a long item", "yes_no_with_condition must be a short question or an agent query",
       mset("L24", "yes_no_with_condition", True))
simple("yes/no used 4 times", "shape yes_no_with_condition used 4 times, want exactly 5",
       mdel("S3", "yes_no_with_condition"))
simple("yes/no used 6 times", "shape yes_no_with_condition used 6 times, want exactly 5",
       mset("S10", "yes_no_with_condition", True))

# ---------------- comparison ----------------
simple("comparison without a marker", "comparison ask has no comparison marker",
       qset("S4", "for the acr cmk, should the key id carry its version, and why?"))
simple("comparison marker only outside the ask", "comparison ask has no comparison marker",
       qrep("L17", "what actually changes with a Managed HSM versus a Premium key vault in readiness",
            "what actually changes in readiness"))
simple("comparison naming fewer than two options", "comparison ask does not name two options",
       qset("S5", "how do i tell which permission model my kv needs, or not?"))
simple("comparison truth naming one option", "comparison truth does not name both options",
       tset("S4", "The ACR overview recommends leaving the version out, so new key versions are followed within an hour."))
simple("comparison used 4 times", "shape comparison used 4 times, want exactly 5", mdel("S5", "comparison"))
simple("comparison used 6 times", "shape comparison used 6 times, want exactly 5", mset("A5", "comparison", True))

# ---------------- bicep_snippet ----------------
simple("bicep without a fence", "bicep_snippet needs a fenced Bicep resource",
       lambda c: c.q_rep("L11", "```bicep", "", -1) or c.q_rep("L11", "```", "", -1))
simple("bicep with another resource type only", "bicep_snippet needs a fenced Bicep resource",
       qrep("L12", "'Microsoft.ContainerRegistry/registries@2025-04-01'", "'Microsoft.Web/sites@2025-04-01'"))
simple("bicep with an impossible api date", "bicep_snippet api version '2025-02-30' is not a real date",
       qrep("L13", "registries@2025-04-01", "registries@2025-02-30"))
simple("bicep with a non-date api version", "bicep_snippet api version 'latest' is not a real date",
       qrep("L12", "userAssignedIdentities@2023-01-31", "userAssignedIdentities@latest"))
simple("bicep without a question", "bicep_snippet asks nothing about the snippet",
       qrep("L14", "does the registry identity's entry need here?", "does the registry identity's entry need here."))
simple("bicep truth naming no property", "bicep_snippet truth names no property of the snippet",
       tset("L15", "Yes: imported keys work from either key store, as long as the usual Managed HSM conditions hold."))
simple("bicep on an agent item", "bicep_snippet must be a long post", mset("A3", "bicep_snippet", True))
simple("bicep used 4 times", "shape bicep_snippet used 4 times, want exactly 5", mdel("L14", "bicep_snippet"))
simple("bicep used 6 times", "shape bicep_snippet used 6 times, want exactly 5", mset("L22", "bicep_snippet", True))
simple("two new shapes on one item", "more than one new shape on one item", mset("L16", "bicep_snippet", True))


# ---------------- two_facts ----------------
simple("two_facts floor", "floor: shape two_facts 3 < 4",
       chain(mdel("L19", "two_facts"), lambda c: c.e("L19")["canonical"].pop(),
             lambda c: c.e("L19")["answer_facts"].pop(),
             mdel("A2", "two_facts"), lambda c: c.e("A2")["canonical"].pop(),
             lambda c: c.e("A2")["answer_facts"].pop()))


def run_check(d):
    env = dict(os.environ, BLIND49_DIR=d, BLIND49_KROOT=os.path.join(d, "k"), BLIND49_FACTS=os.path.join(d, "facts"))
    p = subprocess.run([sys.executable, os.path.join(HERE, "check49.py")], env=env, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def fresh(with_build):
    d = tempfile.mkdtemp(prefix="mut-", dir=HERE)
    for f in ("blind49.json", "blind49-meta.json"):
        shutil.copy(os.path.join(HERE, f), d)
    shutil.copytree(os.path.join(HERE, "prev"), os.path.join(d, "prev"))
    shutil.copytree(KROOT, os.path.join(d, "k"))
    shutil.copytree(FACTS, os.path.join(d, "facts"))
    if with_build:
        shutil.copy(os.path.join(HERE, "build49.py"), d)
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
