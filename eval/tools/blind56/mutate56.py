"""blind56 mutation driver. Each mutation runs on a fresh temp copy (inside blind56/) of the set, prev/,
the knowledge and the fact sheets; it counts as caught only when check56.py exits 1 and prints the
mutation's expected message (and, for mutations marked only=True, nothing else)."""
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
KROOT = os.environ.get("BLIND56_KROOT", "/work/scratch/kstripped")
FACTS = os.environ.get("BLIND56_FACTS", "/work/shared/facts")
sys.path.insert(0, HERE)
import build56  # noqa: E402
import check56  # noqa: E402
import kparse  # noqa: E402

SET = "blind56"
FILES = (SET + ".json", SET + "-meta.json", SET + "-first-canonicals.txt")
_entries, _meta = build56.build()
_byq = {q["question"]: q["key"] for q in build56.QUESTIONS}
ID = {_byq[e["question"]]: e["id"] for e in _entries}
SCENARIO_SECTION = next("acr-cmk/" + k if not k.startswith("acr-cmk/") else k
                        for k in kparse.parse_all(KROOT) if "scenarios/" in k)
P = build56.ID_PREFIX


class Ctx:
    def __init__(self, d):
        self.d = d
        self.j = json.load(open(os.path.join(d, FILES[0]), encoding="utf-8"))
        self.m = json.load(open(os.path.join(d, FILES[1]), encoding="utf-8"))
        self.raw_set = False

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
        with open(os.path.join(self.d, FILES[0]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(self.j, indent=1, ensure_ascii=False) + "\n")
        if not self.raw_set and "_set" in self.m:
            # keep the meta file's _set record in step with the mutated items, so that a mutation trips its own
            # rule and not also the _set check (the _set mutations set raw_set and edit the record directly)
            firsts = {}
            for n in check56.SPREAD_SETS:
                fp = os.path.join(self.d, "prev", "blind%d-first-canonicals.txt" % n)
                firsts[n] = {x.strip() for x in open(fp, encoding="utf-8") if x.strip()} if os.path.exists(fp) else set()
            self.m["_set"] = check56.set_summary(self.j, self.m, firsts)
        with open(os.path.join(self.d, FILES[1]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(self.m, indent=1, ensure_ascii=False, sort_keys=True) + "\n")

    def kfile(self, rel):
        p = os.path.join(self.d, "k", rel)
        if not os.path.exists(p) and rel.startswith("acr-cmk/"):
            p = os.path.join(self.d, "k", rel[len("acr-cmk/"):])
        return p


MUTS = []


def mut(name, expect, build=False, only=False):
    def deco(fn):
        MUTS.append((name, expect, fn, build, only))
        return fn
    return deco


def simple(name, expect, fn, build=False, only=False):
    MUTS.append((name, expect, fn, build, only))


def qset(key, text):
    def f(c):
        c.e(key)["question"] = text
    return f


def qrep(key, old, new, count=1):
    return lambda c: c.q_rep(key, old, new, count)


def tset(key, text):
    def f(c):
        c.e(key)["truth"] = text
    return f


def trep(key, old, new):
    return lambda c: c.t_rep(key, old, new)


def trep_all(key, old, new):
    def f(c):
        e = c.e(key)
        if old not in e["truth"]:
            raise AssertionError("setup: %r not in truth of %s" % (old[:40], key))
        e["truth"] = e["truth"].replace(old, new)
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


def prevt(n, idx):
    def get(c):
        return json.load(open(os.path.join(c.d, "prev", "blind%d.json" % n), encoding="utf-8"))[idx]["truth"]
    return get


def first_lines(c):
    p = os.path.join(c.d, FILES[2])
    return open(p, encoding="utf-8").read().split("\n")[:-1]


def write_first_lines(c, lines):
    with open(os.path.join(c.d, FILES[2]), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


# ---------------- ids, source, structure, meta, rebuild ----------------
for pfx in ("k", "j", "i", "h", "g", "f", "e", "d", "c", "b", "a", "m", "z"):
    def f(c, pfx=pfx):
        c.j[5]["id"] = pfx + c.j[5]["id"][1:]
    simple("id prefix %s (earlier set)" % pfx, "bad id at position 6", f)
simple("ids numbered from zero", "bad id at position 1",
       lambda c: [x.__setitem__("id", "%s%03d" % (P, int(x["id"][1:]) - 1)) for x in c.j])
simple("wrong source", "bad source", lambda c: c.j[3].__setitem__("source", "written by hand"))
simple("key order swapped", "keys or key order wrong",
       lambda c: c.j.__setitem__(2, dict([("category", c.j[2]["category"])] +
                                         [(k, v) for k, v in c.j[2].items() if k != "category"])))
simple("extra key in an entry", "keys or key order wrong", lambda c: c.j[7].__setitem__("notes", "x"))
simple("meta entry missing", "meta: ids do not match", lambda c: c.m.pop(P + "010"))
simple("meta entry for an unknown id", "meta: ids do not match", lambda c: c.m.__setitem__(P + "061", {"style": "short"}))
simple("59 entries", "need a list of 60", lambda c: c.j.pop())
simple("rebuild: json truth edited", "rebuild differs from blind56.json",
       lambda c: c.j[0].__setitem__("truth", c.j[0]["truth"] + " Extra."), True)
simple("rebuild: meta edited", "rebuild differs from blind56-meta.json",
       lambda c: c.m[P + "001"].__setitem__("qual", "none" if c.m[P + "001"]["qual"] != "none" else "asked"), True)


@mut("rebuild: same content, other JSON layout (byte compare)", "rebuild differs from blind56.json", True)
def _(c):
    # content unchanged, only the serialisation differs: caught by the byte comparison alone
    def save():
        with open(os.path.join(c.d, FILES[0]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(c.j, indent=2, ensure_ascii=False) + "\n")
        with open(os.path.join(c.d, FILES[1]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(c.m, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    c.save = save


@mut("rebuild: a runner timestamp changed (byte compare)", "rebuild differs from blind56.json", True)
def _(c):
    # still a complete runner log for the lexical rules (timestamps, group markers, error line), but no longer what
    # build56.py writes
    c.q_rep("L11", "2026-11-17T02:00:41.1836220Z ##[group]", "2026-11-17T02:00:41.1836221Z ##[group]")


@mut("rebuild: first-canonical list edited", "rebuild differs from blind56-first-canonicals.txt", True)
def _(c):
    lines = first_lines(c)
    write_first_lines(c, lines[1:] + lines[:1])


@mut("first-canonical list out of order", "first-canonicals.txt does not list the set's 48 first canonicals")
def _(c):
    lines = first_lines(c)
    write_first_lines(c, [lines[1], lines[0]] + lines[2:])


@mut("first-canonical list one line short", "first-canonicals.txt does not list the set's 48 first canonicals")
def _(c):
    write_first_lines(c, first_lines(c)[:47])


simple("first-canonical list missing", "blind56-first-canonicals.txt missing",
       lambda c: os.remove(os.path.join(c.d, FILES[2])))


@mut("three of one category in a row", "three")
def _(c):
    grp = [x for x in c.j if x["category"] == "off-topic"][:3]
    rest = [x for x in c.j if x not in grp]
    new = rest[:10] + grp + rest[10:]
    old_meta = {x["id"]: c.m[x["id"]] for x in c.j}
    keep = c.m.get("_set")
    c.m.clear()
    for n, x in enumerate(new, 1):
        c.m["%s%03d" % (P, n)] = old_meta[x["id"]]
        x["id"] = "%s%03d" % (P, n)
    c.m["_set"] = keep
    c.j[:] = new


# ---------------- the meta file's _set record ----------------
def set_edit(fn):
    def f(c):
        c.raw_set = True
        fn(c.m["_set"])
    return f


def raw(fn):
    def f(c):
        c.raw_set = True
        fn(c)
    return f


simple("_set missing", "meta: _set summary does not match", lambda c: c.m.pop("_set"))
simple("_set: shape item list edited", "meta: _set summary does not match",
       set_edit(lambda s: s["new_shapes"]["kubectl_events"].pop()))
simple("_set: spread count inflated", "meta: _set summary does not match",
       set_edit(lambda s: s["spread"].__setitem__("new_against_blind55_and_blind54", 49)))
simple("_set: spread floors changed", "meta: _set summary does not match",
       set_edit(lambda s: s["spread"].__setitem__("floors", [30, 20])))
simple("_set: typo moved to another id", "meta: _set summary does not match",
       set_edit(lambda s: s["typos"].__setitem__("untill", ID["S9"])))
simple("_set: off-topic subject renamed", "meta: _set summary does not match",
       set_edit(lambda s: s["off_topic_subjects"].__setitem__(ID["X1"], "longhorn")))
simple("_set: stale after a flag change", "meta: _set summary does not match",
       raw(mdel("L12", "gha_log_groups")))


def add_my_first_to_blind55_list(c):
    # one of this set's first canonicals now also counts as a blind55 first: the spread figures in _set go stale
    c.raw_set = True
    p = os.path.join(c.d, "prev", "blind55-first-canonicals.txt")
    lines = [x for x in open(p, encoding="utf-8") if x.strip()]
    lines[-1] = c.e("L22")["canonical"][0] + "\n"
    open(p, "w", encoding="utf-8").writelines(lines)


simple("_set: stale after a prev first-canonical list changed", "meta: _set summary does not match",
       add_my_first_to_blind55_list)

# ---------------- dropped flags and fields (the shape flags of blind52 to blind55 included) ----------------
_SPECIAL = {"field": "bypass", "wrong": "--kek-uri", "other": ["AWS"], "premise": "x"}
for fld in check56.DROPPED_FIELDS:
    simple("dropped/unknown field %s" % fld, "unknown field %r" % fld, mset("L24", fld, _SPECIAL.get(fld, True)))

# ---------------- facts and answer facts ----------------
simple("answer_fact not in canonical", "answer_fact not in first canonical",
       lambda c: c.e("L23")["answer_facts"].__setitem__(0, "the hsm replicates across regions"))
simple("answer_fact only in a related section", "answer_fact not in first canonical",
       lambda c: c.e("L16")["answer_facts"].__setitem__(0, "have no effect on it"))
simple("answer_fact added from a related section", "answer_fact not in first canonical",
       lambda c: c.e("L19")["answer_facts"].append("one image or artifact at a time"))
simple("answer_fact over 7 words", "answer_fact over 7 words",
       lambda c: c.e("A4")["answer_facts"].__setitem__(1, "for least privilege (/keys or / also work but grant more)"))
simple("fact not in any section", "fact not in a canonical or related section",
       lambda c: c.e("S2")["facts"].__setitem__(0, "a private endpoint blocks trusted services"))
simple("empty answer_facts", "no answer_facts", eset("S6", "answer_facts", []))
simple("empty facts", "no facts", eset("S6", "facts", []))
simple("two_facts with both facts in the first canonical", "two_facts needs one answer_fact only in each",
       lambda c: c.e("L21")["answer_facts"].__setitem__(1, "grant the identity access there first"))
simple("two_facts fact in neither canonical", "answer_fact not in either canonical",
       lambda c: c.e("L22")["answer_facts"].__setitem__(0, "the registry recreates the grant"))
simple("two canonicals without flag", "two canonical sections need two_facts", mdel("L18", "two_facts"))
simple("two_facts flag with one canonical", "two_facts needs two canonical sections",
       mset("A11", "two_facts", True))

# ---------------- sections ----------------
simple("unknown section id", "unknown section",
       lambda c: c.e("L16")["related"].__setitem__(0, "acr-cmk/references/identities.md#no-such-anchor"))
simple("section id without the acr-cmk/ folder", "unknown section",
       lambda c: c.e("L16")["related"].__setitem__(0, "references/identities.md#which-identity-value-goes-where"))
simple("canonical repeated in related", "repeated section",
       lambda c: c.e("L16")["related"].append(c.e("L16")["canonical"][0]))
simple("canonical empty", "canonical must hold 1 or 2", eset("L24", "canonical", []))
simple("three canonicals", "canonical must hold 1 or 2",
       lambda c: c.e("L24")["canonical"].extend(c.e("L24")["related"][:2]))
simple("first canonical in a scenario", "first canonical not a reference doc",
       lambda c: c.e("S1")["canonical"].__setitem__(0, SCENARIO_SECTION))
simple("related empty", "related is empty", eset("S8", "related", []))

# ---------------- kinds, styles, truths, categories ----------------
simple("unknown kind", "bad kind", mset("A8", "kind", "opinion"))
simple("yes truth opening No", "yes truth must open 'Yes: '",
       lambda c: c.e("S9").__setitem__("truth", "No: " + c.e("S9")["truth"][5:]))
simple("no truth without No", "no truth must open 'No: '",
       lambda c: c.e("L19").__setitem__("truth", c.e("L19")["truth"][4:]))
simple("undocumented truth without verdict", "undocumented truth must open 'Not documented'",
       lambda c: c.e("S11").__setitem__("truth", c.e("S11")["truth"][16:]))
simple("off-topic truth without verdict", "off-topic truth must open 'Not covered: '",
       lambda c: c.e("X3").__setitem__("truth", c.e("X3")["truth"][13:]))
simple("howto truth opening Yes", "howto truth opens with a verdict word",
       lambda c: c.e("A11").__setitem__("truth", "Yes: " + c.e("A11")["truth"]))
simple("troubleshoot truth opening No", "troubleshoot truth opens with a verdict word",
       lambda c: c.e("L16").__setitem__("truth", "No, " + c.e("L16")["truth"]))
simple("off-topic item with canonical", "off-topic item must have empty lists",
       lambda c: c.e("X4")["canonical"].append("acr-cmk/references/overview.md#default-encryption-at-rest-without-a-cmk"))
simple("off-topic category on an on-topic kind", "off-topic category and kind disagree",
       eset("A12", "category", "off-topic"))
simple("unknown category", "bad category", eset("A12", "category", "misc"))
simple("style count broken", "on-topic short count 13", mset("A8", "style", "short"))
simple("unknown style", "bad style", mset("A8", "style", "medium"))
simple("kind count broken", "kind howto count 13", mset("L24", "kind", "why"))
simple("kind group missing from a style", "kind group yes/no missing from style agent",
       chain(mset("A7", "kind", "value"),
             tset("A7", "The template grants no key access since the October 2026 revision; set up the identity's access before deploying it.")))
simple("category above 9", "category hsm count 10",
       chain(eset("L21", "category", "hsm"), eset("L23", "category", "hsm"), eset("L24", "category", "hsm")))
simple("category below 2", "category troubleshooting count 1",
       chain(eset("S12", "category", "keys"), eset("A2", "category", "keys")))

# ---------------- style rules ----------------
S10_15 = "why does a cmk registry on azure need its own managed identity at all, really?"
simple("long post too short", "long question length", qset("L22", "Is the HSM firewall fine for a new registry?"))
simple("long post too long", "long question length",
       lambda c: c.e("L22").__setitem__("question", c.e("L22")["question"] + (" Some more background here." * 60)))
simple("short question of 15 words", "short question has 15 words", qset("S10", S10_15))
simple("short question on two lines", "short question spans lines", qrep("S9", " alone", "\nalone"))
simple("agent query of 50 words", "agent query has",
       lambda c: c.e("A8").__setitem__("question", c.e("A8")["question"] + " please" + " also" * 30))
simple("agent query on two lines", "agent query spans lines", qrep("A4", " Question:", "\nQuestion:"))
simple("agent query with a fence", "agent query spans lines", qrep("A4", " Question:", " ```x``` Question:"))
simple("context form without Context:", "context form must open with 'Context:'",
       lambda c: c.e("A4").__setitem__("question", c.e("A4")["question"][len("Context: "):]))
simple("imperative form without verb", "imperative form must open with an imperative verb",
       qrep("A11", "Tell me how", "I need to know how"))
simple("keywords form opening uppercase", "keywords form must open lowercase",
       lambda c: c.e("A10").__setitem__("question", "A" + c.e("A10")["question"][1:]))
simple("keywords form with ?", "keywords form must open lowercase",
       lambda c: c.e("A10").__setitem__("question", c.e("A10")["question"] + "?"))
simple("form on a short item", "form on a non-agent item", mset("S9", "form", "keywords"))
simple("agent forms miscounted", "on-topic agent form context count 4",
       chain(mset("A4", "form", "imperative"), qrep("A4", "Context: crsmew's", "Explain: crsmew's")))
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
       chain(mset("L24", "quals", ["hsm"]), mset("L24", "qual", "story")))
simple("iac qualifier without a tool", "iac qualifier but no portal/Terraform/Bicep/ARM/AVM",
       chain(mset("S6", "quals", ["iac"]), mset("S6", "qual", "story")))
simple("October 2026 truth without Managed HSM", "October 2026 truth names neither",
       tset("S7", "Yes: it is a documented key store now; activate it first and use an RSA key that permits wrap and unwrap."))
simple("qual asked recorded as story", "qual is 'story', should be 'asked'", mset("L5", "qual", "story"))
simple("quals without qual none", "qual is 'asked', should be 'none'", mset("L24", "qual", "asked"))
simple("unknown qualifier", "bad quals", mset("L5", "quals", ["hsm", "oct2026", "k8s"]))


def drop_qual(mm, x, q):
    mm["quals"] = [v for v in mm["quals"] if v != q]
    ask = build56.ask_part(x["question"])
    hit = ("hsm" in mm["quals"] and build56.HSM_RE.search(ask)) or ("iac" in mm["quals"] and build56.IAC_RE.search(ask))
    mm["qual"] = "none" if not mm["quals"] else ("asked" if hit else "story")


@mut("Managed HSM asked floor", "floor: Managed HSM asked")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "hsm" in mm.get("quals", []) and build56.HSM_RE.search(build56.ask_part(x["question"])):
            n += 1
            if n > 9:
                drop_qual(mm, x, "hsm")


@mut("Managed HSM asked in too few ways (qualifiers dropped)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    # S5 is the only "which key/version" ask, L5 the only revocation ask
    for k in ("S5", "L5"):
        drop_qual(c.meta(k), c.e(k), "hsm")


@mut("Managed HSM asked in too few ways (asks reworded)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    # A3 is the only rotation ask (its query and its logged message), L5 the only revocation ask
    c.q_rep("A3", "Explain how new versions of stint-kek", "Explain how fresh material for stint-kek")
    c.q_rep("A3", 'msg="no new key version in 180 days"', 'msg="stint-kek unchanged for 180 days"')
    c.q_rep("L5", "Can a revocation in the Managed HSM", "Can a lock-out in the Managed HSM")


@mut("iac named floor", "floor: portal/Terraform/Bicep/ARM/AVM named")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "iac" in mm.get("quals", []) and n < 4:
            drop_qual(mm, x, "iac")
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
@mut("spread against blind55", "first canonicals new against blind55 (floor 40)")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind55-first-canonicals.txt")) if x.strip()]
    firsts = list(dict.fromkeys(firsts))
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < 9 and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [firsts[n]]
            x["related"] = [r for r in x["related"] if r != firsts[n]] or [firsts[n + 20]]
            n += 1


@mut("spread against blind55 and blind54", "first canonicals new against blind55 and blind54 (floor 30)")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind54-first-canonicals.txt")) if x.strip()]
    b55 = {x.strip() for x in open(os.path.join(c.d, "prev", "blind55-first-canonicals.txt"))}
    pool = [f for f in dict.fromkeys(firsts) if f not in b55]
    mine = {x["canonical"][0] for x in c.j if x["canonical"]}
    pool = [f for f in pool if f not in mine]
    if len(pool) < 19:
        raise AssertionError("setup: only %d blind54-only firsts" % len(pool))
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < 19 and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [pool[n]]
            x["related"] = [r for r in x["related"] if r != pool[n]] or ["acr-cmk/references/overview.md#requirements-at-a-glance"]
            n += 1


simple("troubleshooting doc above 8", "first canonical doc troubleshooting count 9",
       lambda c: c.e("L24")["canonical"].__setitem__(0, "acr-cmk/references/troubleshooting.md#general-diagnostic-checklist"))


@mut("identities doc below 2", "first canonical doc identities count 1")
def _(c):
    c.e("L24")["canonical"][0] = "acr-cmk/references/key-rotation.md#rotating-the-customer-managed-key"
    c.e("S4")["canonical"][0] = "acr-cmk/references/key-rotation.md#how-often-to-rotate"
    c.e("S10")["canonical"][0] = "acr-cmk/references/key-rotation.md#move-to-a-new-version-of-the-same-key"


simple("blind55 first-canonical list missing", "first-canonical list missing: blind55",
       lambda c: os.remove(os.path.join(c.d, "prev", "blind55-first-canonicals.txt")))
simple("blind54 first-canonical list missing", "first-canonical list missing: blind54",
       lambda c: os.remove(os.path.join(c.d, "prev", "blind54-first-canonicals.txt")))


@mut("blind54 first-canonical list cut to 47", "blind54 has 47 lines")
def _(c):
    p = os.path.join(c.d, "prev", "blind54-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:47])


@mut("blind55 first-canonical list cut to 40", "blind55 has 40 lines")
def _(c):
    p = os.path.join(c.d, "prev", "blind55-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:40])


# ---------------- typos ----------------
def plant_prev(n, word, idx=4):
    def f(c):
        p = os.path.join(c.d, "prev", "blind%d.json" % n)
        data = json.load(open(p))
        data[idx]["question"] += " " + word
        json.dump(data, open(p, "w"))
    return f


def plant_prev_truth(n, word, idx=7):
    def f(c):
        p = os.path.join(c.d, "prev", "blind%d.json" % n)
        data = json.load(open(p))
        data[idx]["truth"] += " " + word
        json.dump(data, open(p, "w"))
    return f


def plant_prev_offtopic_truth(n, text):
    """Append text to the truth of blind<n>'s first off-topic entry."""
    def f(c):
        p = os.path.join(c.d, "prev", "blind%d.json" % n)
        data = json.load(open(p))
        e = next(x for x in data if x["category"] == "off-topic")
        e["truth"] += " " + text
        json.dump(data, open(p, "w"))
    return f


simple("typo planted in blind20", "typo 'necesary' already used in blind19-55", plant_prev(20, "necesary"))
simple("typo planted in blind41", "typo 'realy' already used in blind19-55", plant_prev(41, "realy"))
simple("typo planted in blind48", "typo 'untill' already used in blind19-55", plant_prev(48, "untill"))
simple("typo planted in blind55", "typo 'necesary' already used in blind19-55", plant_prev(55, "necesary"))
simple("typo planted in a blind55 truth", "typo 'realy' already used in blind19-55", plant_prev_truth(55, "realy"))
simple("typo planted in a blind25 truth", "typo 'untill' already used in blind19-55", plant_prev_truth(25, "untill"))
simple("typo moved to an off-topic short", "typo must sit in a short on-topic question",
       chain(mdel("S4", "typo"), qrep("S4", "necesary", "necessary"), mset("X10", "typo", "necesary"),
             qrep("X10", "key file?", "key file, is it necesary?")))
simple("typo fixed in the question", "typo 'realy' not in the question", qrep("S5", "realy", "really"))
simple("unrecorded typo in another question", "unrecorded typo 'realy'",
       qrep("S9", "alone enough", "alone realy enough"))
simple("typo used twice", "typo 'realy' used 2 times",
       chain(mset("S9", "typo", "realy"), qrep("S9", "alone enough", "alone realy enough")))
simple("unknown typo word", "not in the set's typo list",
       chain(mset("S4", "typo", "necesari"), qrep("S4", "necesary", "necesari")))
simple("typo on a long item", "typo must sit in a short on-topic question",
       chain(mdel("S8", "typo"), qrep("S8", "untill", "until"), mset("L24", "typo", "untill"),
             qrep("L24", "I'm nervous about pulls", "I'm nervous about pulls untill this is settled")))


@mut("typo added to the knowledge", "typo 'necesary' stands in the knowledge or facts")
def _(c):
    p = c.kfile("acr-cmk/references/overview.md")
    open(p, "a").write("\nnecesary\n")


@mut("typo added to the fact sheets", "typo 'realy' stands in the knowledge or facts")
def _(c):
    p = os.path.join(c.d, "facts", "cmk-facts-2026-10.md")
    os.chmod(p, 0o644)
    open(p, "a").write("\nrealy\n")


# ---------------- copying ----------------
L24_START = "We're moving crwarbler from"
simple("knowledge 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L24", L24_START, "The registry cannot unwrap its data without the key, and " + L24_START))
simple("fact-sheet 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L24", L24_START, "We wonder whether this revision is already live on Learn, and " + L24_START))
simple("knowledge command line inside a runner log (12-token rule)", "12-token run (fences included) shared with knowledge/facts",
       qrep("L11", "shell: /usr/bin/bash -e {0}\n",
            'shell: /usr/bin/bash -e {0}\naz keyvault role assignment create --hsm-name "$HSM_NAME" --role "Managed HSM Crypto Service Encryption User" --assignee-object-id "$PRINCIPAL_ID" --assignee-principal-type MSI --scope "/keys/$KEY_NAME"\n'))
simple("pasted error moved into prose", "8-token run shared with knowledge/facts",
       qrep("L24", L24_START, "The CLI said Cannot set policies to a vault with '--enable-rbac-authorization' set. " + L24_START))
simple("fence with knowledge prose", "12-token run (fences included)",
       qrep("L11", "shell: /usr/bin/bash -e {0}\n",
            "shell: /usr/bin/bash -e {0}\nthe registry cannot unwrap its data without the key so deleting the key store\n"))
simple("knowledge command inside a PowerShell error record (12-token rule)",
       "12-token run (fences included) shared with knowledge/facts",
       qrep("L6", "    + FullyQualifiedErrorId : NativeCommandError\n```",
            '    + FullyQualifiedErrorId : NativeCommandError\naz keyvault set-policy --name "$KEY_VAULT_NAME" --resource-group "$RESOURCE_GROUP" --object-id "$PRINCIPAL_ID" --key-permissions get unwrapKey wrapKey\n```'))
simple("knowledge prose in a JSON-lines value (12-token rule)",
       "12-token run (fences included) shared with knowledge/facts",
       qrep("L18", '"status":"Succeeded"}',
            '"status":"the registry cannot unwrap its data without the key so deleting the key store"}'))
simple("blind30 8-token run", "8-token run shared with blind19-55",
       lambda c: c.e("L24").__setitem__("question", c.e("L24")["question"] + " " + prevq(30, 8)(c)[:120]))
simple("blind41 8-token run", "8-token run shared with blind19-55",
       lambda c: c.e("L24").__setitem__("question", c.e("L24")["question"] + " " + prevq(41, 3)(c)[:150]))
simple("blind55 8-token run", "8-token run shared with blind19-55",
       lambda c: c.e("L24").__setitem__("question", c.e("L24")["question"] + " " + prevq(55, 2)(c)[:150]))


def clean_prev_truth(n):
    """The first 200 characters of the first on-topic blind<n> truth whose opening shares no 8-token run with the
    knowledge or the fact sheets (so that only the prev-truth rule can fire)."""
    def get(c):
        src = check56.grams(check56.toks(kparse.all_text(os.path.join(c.d, "k")) + "\n" +
                                         kparse.all_text(os.path.join(c.d, "facts"))), 8)
        for e in json.load(open(os.path.join(c.d, "prev", "blind%d.json" % n), encoding="utf-8")):
            t = e["truth"][:200]
            if len(e["truth"]) >= 250 and not e["truth"].startswith("Not covered") and \
                    not check56.grams(check56.toks(t), 8) & src:
                return t
        raise AssertionError("setup: no clean blind%d truth" % n)
    return get


simple("blind55 truth copied into a question", "8-token run shared with a blind19-55 truth",
       lambda c: c.e("L24").__setitem__("question", c.e("L24")["question"] + " " + clean_prev_truth(55)(c)))
simple("blind33 truth copied into a question", "8-token run shared with a blind19-55 truth",
       lambda c: c.e("L21").__setitem__("question", c.e("L21")["question"] + " " + clean_prev_truth(33)(c)))


def _tokset(t):
    return set(re.findall(r"[a-z0-9]+", t.lower()))


def own_prev(n, field):
    """A blind<n> question or truth that no earlier prev entry resembles (Jaccard <= 0.6); truths must open
    without a verdict; questions carrying an earlier set's banned shape are skipped."""
    def get(c):
        older = [_tokset(e[field]) for m in range(19, n)
                 for e in json.load(open(os.path.join(c.d, "prev", "blind%d.json" % m), encoding="utf-8"))]
        for e in json.load(open(os.path.join(c.d, "prev", "blind%d.json" % n), encoding="utf-8")):
            t = e[field]
            if field == "truth" and re.match(r"(Yes|No|Not documented|Not covered)\b", t):
                continue
            if "\x1b" in t or "~~" in t or "%2F" in t:
                continue
            if field == "question" and any(d(t) for d in check56.OLD_DETECT.values() if d is not None):
                continue
            ts = _tokset(t)
            if all(len(ts & o) / len(ts | o) <= 0.6 for o in older):
                return t
        raise AssertionError("setup: no own blind%d %s" % (n, field))
    return get


simple("blind55 question repeated", "Jaccard > 0.6 with blind55",
       lambda c: c.e("A9").__setitem__("question", own_prev(55, "question")(c)))
simple("blind53 question repeated", "Jaccard > 0.6 with blind53",
       lambda c: c.e("A10").__setitem__("question", own_prev(53, "question")(c)))
simple("blind46 question repeated", "Jaccard > 0.6 with blind46",
       lambda c: c.e("S9").__setitem__("question", own_prev(46, "question")(c)))
simple("blind55 truth repeated", "truth Jaccard > 0.6 with blind55",
       lambda c: c.e("S10").__setitem__("truth", own_prev(55, "truth")(c)))
simple("off-topic truth close to an earlier truth", "truth Jaccard > 0.6 with blind",
       tset("X11", "Not covered: resetting a Navidrome password is outside the ACR customer-managed key knowledge."))
simple("off-topic truth copied from blind55", "truth Jaccard > 0.6 with blind",
       lambda c: c.e("X12").__setitem__("truth", next(
           e["truth"] for e in json.load(open(os.path.join(c.d, "prev", "blind55.json"), encoding="utf-8"))
           if e["truth"].startswith("Not covered"))))
simple("near-duplicate inside the set", "Jaccard > 0.6 with",
       lambda c: c.e("S9").__setitem__("question", c.e("S3")["question"].replace("rbac vault", "rbac key vault")))
simple("truth copies a knowledge sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("L24").__setitem__("truth", c.e("L24")["truth"] + " Soft delete alone keeps deleted keys and vaults recoverable, but someone with purge rights can still destroy them permanently before the retention period ends."))
simple("truth copies a fact-sheet sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("A6").__setitem__("truth", c.e("A6")["truth"] + " Whether this revision is already live on Learn was not checked."))
simple("question copies a knowledge sentence", "question copies a knowledge/fact sentence",
       qrep("L24", L24_START, "Registries without a CMK are still encrypted at rest with Microsoft-managed keys. " + L24_START))
simple("question echoes a heading", "question echoes a heading",
       qrep("L24", L24_START, "Versioned and versionless key IDs, the wiki says. " + L24_START))


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
    old = "## Managed HSM key URIs"
    if old not in s:
        raise AssertionError("setup: heading not in managed-hsm.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "## Key URIs in a Managed HSM"))


@mut("knowledge text edited under an answer fact", "answer_fact not in first canonical")
def _(c):
    p = c.kfile("acr-cmk/references/revocation-and-recovery.md")
    s = open(p, encoding="utf-8").read()
    old = "it does not stop a deletion, only a purge"
    if s.count(old) != 1:
        raise AssertionError("setup: text not once in revocation-and-recovery.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "it does not prevent a deletion, only a purge"))


@mut("knowledge without its acr-cmk/ folder (ids still resolve)", "short question has 15 words", only=True)
def _(c):
    # the layout change alone must not break anything: only the planted over-long short question is reported
    k = os.path.join(c.d, "k")
    inner = os.path.join(k, "acr-cmk")
    if not os.path.isdir(inner):
        raise AssertionError("setup: knowledge has no acr-cmk/ folder to flatten")
    for name in os.listdir(inner):
        os.rename(os.path.join(inner, name), os.path.join(k, name))
    os.rmdir(inner)
    qset("S10", S10_15)(c)


@mut("knowledge under an extra acr-cmk/ level is not silently accepted", "unknown section")
def _(c):
    k = os.path.join(c.d, "k")
    tmp = os.path.join(c.d, "k-flat")
    os.rename(k, tmp)
    os.makedirs(k)
    os.rename(tmp, os.path.join(k, "acr-cmk"))


@mut("fact sheets missing", "fact sheets missing")
def _(c):
    for f in os.listdir(os.path.join(c.d, "facts")):
        os.remove(os.path.join(c.d, "facts", f))


simple("prev file missing", "prev file missing: blind27.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind27.json")))
simple("blind41 prev file missing", "prev file missing: blind41.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind41.json")))
simple("blind54 prev file missing", "prev file missing: blind54.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind54.json")))
simple("blind55 prev file missing", "prev file missing: blind55.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind55.json")))

# ---------------- off-topic ----------------
simple("banned blind55 subject", "banned off-topic subject 'fscrypt'",
       chain(mset("X11", "subject", "fscrypt"), qset("X11", "fscrypt: how do i lock a directory again after unlocking it?")))
simple("banned blind55 extra name", "banned off-topic subject 'data bag'",
       chain(mset("X11", "subject", "data bag"), qset("X11", "data bag: how do i re-encrypt one item only?")))
simple("banned blind54 subject", "banned off-topic subject 'seafile'",
       chain(mset("X11", "subject", "seafile"), qset("X11", "seafile: can i move a library to another server?")))
simple("banned blind54 extra name", "banned off-topic subject 'containerd'",
       chain(mset("X11", "subject", "containerd"), qset("X11", "containerd: where are pulled layers stored on disk?")))
simple("banned blind53 subject", "banned off-topic subject 'kaniko'",
       chain(mset("X11", "subject", "kaniko"), qset("X11", "kaniko: where does the executor keep its layer cache?")))
simple("banned blind52 subject", "banned off-topic subject 'mealie'",
       chain(mset("X11", "subject", "mealie"), qset("X11", "mealie: move my recipes to another server?")))
simple("banned blind51 extra name", "banned off-topic subject 'fernet'",
       chain(mset("X11", "subject", "fernet"), qset("X11", "how do i rotate the fernet key of our registry sync job?")))
simple("banned blind45 subject", "banned off-topic subject 'vaultwarden'",
       chain(mset("X11", "subject", "vaultwarden"), qset("X11", "how do i rotate the vaultwarden key after our registry admin left?")))
simple("banned blind32 subject (list of blind19-36)", "banned off-topic subject 'databricks'",
       chain(mset("X11", "subject", "databricks"), qset("X11", "databricks workspace cmk rotation, how?")))
X8_TAIL = "and whether builds queued before the change keep working"
simple("blind55 subject in another question", "off-topic question names banned 'circleci'",
       qrep("X8", X8_TAIL, "(as we did for circleci) " + X8_TAIL))
simple("blind55 extra name in another question", "off-topic question names banned 'cookie secret'",
       qrep("X8", X8_TAIL, "(the cookie secret of the proxy too) " + X8_TAIL))
simple("blind54 subject in another question", "off-topic question names banned 'nats'",
       qrep("X8", X8_TAIL, "(as we did for nats) " + X8_TAIL))
simple("blind54 extra name in another question", "off-topic question names banned 'argo cd'",
       qrep("X8", X8_TAIL, "(Argo CD reads them too) " + X8_TAIL))
simple("blind53 subject in another question", "off-topic question names banned 'istio'",
       qrep("X8", X8_TAIL, "(as we did for istio) " + X8_TAIL))
simple("blind28 subject in another question", "off-topic question names banned 'payment hsm'",
       qrep("X8", X8_TAIL, "(the Payment HSM team asked too) " + X8_TAIL))
simple("subject planted in blind33", "subject 'storj' used in blind19-55", plant_prev(33, "storj"))
simple("subject planted in blind55", "subject 'signify' used in blind19-55", plant_prev(55, "signify"))
simple("subject not in question", "subject 'signify' not in the question",
       qset("X12", "openbsd release signing tool, key rotation for the package mirror we run"))
simple("earlier off-topic product named (capitalised, blind27)", "repeats an earlier off-topic subject word: verdaccio",
       qrep("X8", X8_TAIL, "the way we once did for Verdaccio, " + X8_TAIL))
simple("earlier off-topic product named (lowercase short, blind25)", "repeats an earlier off-topic subject word: sops",
       qset("X11", "pgsodium: can the server root key be rotated like sops does?"))
simple("earlier off-topic word from blind51 outside the ban list", "repeats an earlier off-topic subject word: secret-key",
       qrep("X9", "a new encryption key", "a new secret-key"))
simple("earlier off-topic word from blind54 outside the ban list", "repeats an earlier off-topic subject word: gitops",
       qrep("X6", "Our fleet of kiosks", "As part of our GitOps flow, our fleet of kiosks"))
simple("earlier off-topic word from blind55 outside the ban list", "repeats an earlier off-topic subject word: cas",
       qrep("X4", "How do we rotate the Talos CA and", "How do we rotate the Talos CAs and"))
simple("off-topic subject word planted in an earlier off-topic truth", "repeats an earlier off-topic subject word: tarsnap",
       plant_prev_offtopic_truth(40, "Compare Tarsnap."))
simple("banned key word in off-topic", "off-topic question names banned 'kubernetes'",
       qrep("X4", "Our cluster nodes run Talos Linux", "Our Kubernetes nodes run Talos Linux"))
simple("banned key word kms", "off-topic question names banned 'kms'",
       qrep("X2", "which sits in a CI variable", "which sits in a CI variable (wrapped by our kms)"))
simple("near_miss on an agent item", "near_miss only on long off-topic posts", mset("X7", "near_miss", True))
simple("near-miss floor", "floor: near misses", chain(mdel("X1", "near_miss"), mdel("X2", "near_miss")))


@mut("off-topic story floor", "floor: long off-topic registry+key stories")
def _(c):
    for k in ("X5", "X6"):
        e = c.e(k)
        e["question"] = re.sub(r"\bregistr\w*", "service", e["question"], flags=re.I)


simple("off-topic subject missing", "off-topic subject missing", mdel("X6", "subject"))
simple("shape flag on off-topic", "shape flag kubectl_events on an off-topic item", mset("X6", "kubectl_events", True))
simple("subject on an on-topic item", "subject/near_miss on an on-topic item", mset("L22", "subject", "x"))


# ---------------- long measures ----------------
@mut("fenced long floor", "floor: fenced long posts")
def _(c):
    for k in ("L11", "L12", "L13", "L14", "L15", "L16", "L17"):
        e = c.e(k)
        e["question"] = e["question"].replace("```text", "").replace("```", "")


@mut("fenced troubleshoot floor", "floor: fenced long troubleshoot posts")
def _(c):
    for k in ("L1", "L6", "L7", "L9"):
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
            x["question"] = "Q? " + x["question"]


# ---------------- the shapes of blind52 to blind55 are rejected in the text ----------------
HISTORY_FENCE = ("\n\n```text\n  881  az acr show -n crwarbler\n  882  az keyvault show -n kv-warbler\n"
                 "  883  az keyvault key list --vault-name kv-warbler\n```\n")
ENV_FENCE = "\n\n```bash\nWRB_REGISTRY=crwarbler\nWRB_VAULT=kv-warbler\nWRB_KEY=warbler-kek\n```\n"
CONFLICT_FENCE = ("\n\n```bash\n<<<<<<< HEAD\nKEY=dipper-kek\n=======\nKEY=dipper-kek-2027\n>>>>>>> next-key\n```\n")
TRACEBACK_FENCE = ('\n\n```\nTraceback (most recent call last):\n  File "C:\\tools\\warbler\\move_key.py", line 12, in <module>\n'
                   '    rotate()\nRuntimeError: rotate-key exited with status 1\n```\n')


def _b64(obj):
    return base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode()).decode().rstrip("=")


FAKE_TOKEN = (_b64({"typ": "JWT", "alg": "RS256"}) + "." + _b64({"oid": "5b2e9f13-6c84-4d07-9e1a-3f8c7b0d2a61",
                                                                  "aud": "https://vault.azure.net"})
              + ".c2lnbmF0dXJlLW5vdC1yZWFs")
simple("old shape: TL;DR line", "question shows blind52's shape tldr_summary",
       qrep("L21", "Can the existing registry", "TL;DR: can we switch vaults in place?\n\nCan the existing registry"))
simple("old shape: TL;DR line in an off-topic post", "question shows blind52's shape tldr_summary",
       lambda c: c.e("X1").__setitem__("question", c.e("X1")["question"] + "\n\ntl;dr can storj keep the old objects readable?"))
simple("old shape: shouting", "question shows blind52's shape caps_shouting",
       qrep("L24", "What did I skip", "I REALLY need this SETTLED. What did I skip"))
simple("old shape: typographic quotes", "question shows blind52's shape smart_punctuation",
       qrep("S6", "key vault firewall", "\u201ckey vault firewall\u201d"))
simple("old shape: en dash in a command", "question shows blind52's shape smart_punctuation",
       qrep("L7", "--sku Premium\naz :", "\u2013sku Premium\naz :"))
simple("old shape: --query expression", "question shows blind52's shape jmespath_query",
       qrep("L21", "I'd rather not", "az acr encryption show --query keyVaultProperties prints the old key. I'd rather not"))
simple("old shape: anchored regex", "question shows blind52's shape regex_pattern",
       qrep("S3", "which role does", "`^https://[^/]+/keys/[^/]+$` role does"))
simple("old shape: shell history", "question shows blind53's shape shell_history",
       lambda c: c.e("L24").__setitem__("question", c.e("L24")["question"] + HISTORY_FENCE))
simple("old shape: env file", "question shows blind53's shape dotenv_file",
       lambda c: c.e("L24").__setitem__("question", c.e("L24")["question"] + ENV_FENCE))
simple("old shape: ANSI colour codes", "question shows blind53's shape ansi_escape_codes",
       qrep("A9", "kv-rook denies all traffic", "\x1b[33mkv-rook\x1b[0m denies all traffic"))
simple("old shape: strikethrough", "question shows blind53's shape strikethrough_correction",
       qrep("A4", "at each key's scope", "at ~~every~~ each key's scope"))
simple("old shape: percent-encoded URI", "question shows blind53's shape percent_encoded_uri",
       qrep("S7", "does acr cmk", "https%3a%2f%2fkitehsm.managedhsm.azure.net%2fkeys%2fx does acr cmk"))
simple("old shape: strikethrough in an off-topic question", "question shows blind53's shape strikethrough_correction",
       qrep("X11", "server root key", "server ~~master~~ root key"))
simple("old shape inside a runner log (shell history)", "question shows blind53's shape shell_history",
       qrep("L14", "2026-11-23T06:30:33.8861140Z archived 1 of 41 runs\n",
            "2026-11-23T06:30:33.8861140Z archived 1 of 41 runs\n  101  az acr show -n crredstart\n  102  az acr task list-runs -r crredstart\n  103  az acr task logs -r crredstart\n"))
simple("old shape: merge conflict markers", "question shows blind54's shape merge_conflict_markers",
       lambda c: c.e("L21").__setitem__("question", c.e("L21")["question"] + CONFLICT_FENCE))
simple("old shape: Jira monospace spans", "question shows blind54's shape jira_markup",
       qrep("L21", "dipper-kek in kv-shared-01", "{{dipper-kek}} in {{kv-shared-01}}"))
simple("old shape: Jira code block in a runner log", "question shows blind54's shape jira_markup",
       qrep("L12", "```text\n2026-11-20T09:14:02", "{code}\n{code}\n```text\n2026-11-20T09:14:02"))
simple("old shape: HTML character references", "question shows blind54's shape html_entities",
       qrep("S6", "key vault firewall", "&quot;key vault firewall&quot;"))
simple("old shape: numbered sub-questions", "question shows blind54's shape numbered_subquestions",
       lambda c: c.e("L22").__setitem__("question", c.e("L22")["question"] +
                                         "\n\n1. Who runs the key step? 2. From which network? 3. When is the grant made?"))
simple("old shape: access token", "question shows blind54's shape jwt_token",
       lambda c: c.e("X7").__setitem__("question", c.e("X7")["question"] + " Pasted: " + FAKE_TOKEN))
simple("old shape: Jira markup in an off-topic question", "question shows blind54's shape jira_markup",
       qrep("X10", "tarsnap: how do i replace", "{{tarsnap}}: how do i {{replace}}"))
simple("old shape: Python traceback", "question shows blind55's shape python_traceback",
       lambda c: c.e("L21").__setitem__("question", c.e("L21")["question"] + TRACEBACK_FENCE))
simple("old shape: collapsed details section", "question shows blind55's shape details_block",
       lambda c: c.e("L23").__setitem__("question", c.e("L23")["question"] +
                                         "\n\n<details>\n<summary>replica list</summary>\n\neastus, westeurope, japaneast\n\n</details>"))
simple("old shape: screenshot", "question shows blind55's shape screenshot_embed",
       lambda c: c.e("S3").__setitem__("question", c.e("S3")["question"] +
                                        " ![role picker](https://github.com/user-attachments/assets/1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f)"))
simple("old shape: double-encoded JSON", "question shows blind55's shape double_encoded_json",
       qrep("A9", "while az keyvault key create fails", 'while az keyvault key create fails with "{\\"error\\":{\\"code\\":\\"ForbiddenByFirewall\\"}}"'))
simple("old shape: escaped Markdown", "question shows blind55's shape escaped_markdown",
       qrep("S4", "the full uami resource id", "the full uami resource\\_id, the id\\_tern value,"))
simple("old shape: traceback in an off-topic question", "question shows blind55's shape python_traceback",
       lambda c: c.e("X2").__setitem__("question", c.e("X2")["question"] + TRACEBACK_FENCE))
simple("old shape: details section in an off-topic question", "question shows blind55's shape details_block",
       lambda c: c.e("X3").__setitem__("question", c.e("X3")["question"] +
                                         "\n\n<details>\n<summary>host config</summary>\n\nissuer=old\n\n</details>"))
simple("old shape: screenshot in an off-topic question", "question shows blind55's shape screenshot_embed",
       lambda c: c.e("X7").__setitem__("question", c.e("X7")["question"] +
                                         " ![settings page](https://github.com/user-attachments/assets/7d1e0f3a-5b2c-4c8d-9e6f-0a1b2c3d4e5f)"))
simple("old shape: escaped Markdown in an off-topic question", "question shows blind55's shape escaped_markdown",
       qrep("X11", "server root key", "server\\_root\\_key"))


@mut("GitHub Actions ${{ }} expressions are not Jira markup", "short question has 15 words", only=True)
def _(c):
    # a pasted workflow step with ${{ ... }} expressions must not count as blind54's Jira monospace (earlier sets
    # pasted such steps): only the planted over-long short question is reported
    c.e("L24")["question"] += ("\n\n```yaml\n- name: move warbler identity\n  env:\n    WRB_TAG: ${{ github.sha }}\n"
                               "    WRB_REG: ${{ vars.WARBLER_REGISTRY }}\n```\n")
    qset("S10", S10_15)(c)


# ---------------- new shapes: a shape in the text needs its flag ----------------
simple("unflagged runner log", "question shows the shape gha_log_groups without its flag",
       mdel("L11", "gha_log_groups"))
simple("unflagged PowerShell error record", "question shows the shape powershell_error_record without its flag",
       mdel("L6", "powershell_error_record"))
simple("unflagged events table", "question shows the shape kubectl_events without its flag",
       mdel("L3", "kubectl_events"))
simple("unflagged JSON lines", "question shows the shape ndjson_log without its flag",
       mdel("L16", "ndjson_log"))
simple("unflagged logfmt line", "question shows the shape logfmt_line without its flag",
       mdel("S1", "logfmt_line"))
simple("runner log pasted into an off-topic question", "question shows the shape gha_log_groups without its flag",
       lambda c: c.e("X1").__setitem__("question", c.e("X1")["question"] +
                                         "\n\n```text\n2026-11-02T01:00:00.1000000Z ##[group]Run ./archive.sh\n"
                                         "2026-11-02T01:00:00.2000000Z ##[endgroup]\n2026-11-02T01:00:09.3000000Z ##[error]exit 1\n```"))
simple("PowerShell record in an off-topic question", "question shows the shape powershell_error_record without its flag",
       lambda c: c.e("X2").__setitem__("question", c.e("X2")["question"] +
                                         "\n\n```text\nAt line:1 char:1\n+ werf run\n    + CategoryInfo          : NotSpecified: (:String) [], RemoteException\n"
                                         "    + FullyQualifiedErrorId : NativeCommandError\n```"))
simple("events table in an off-topic question", "question shows the shape kubectl_events without its flag",
       lambda c: c.e("X3").__setitem__("question", c.e("X3")["question"] +
                                         "\n\n```text\nType      Reason    Age   From      Message\nWarning   Failed    1m    host      signature rejected\n```"))
simple("JSON lines in an off-topic question", "question shows the shape ndjson_log without its flag",
       lambda c: c.e("X4").__setitem__("question", c.e("X4")["question"] +
                                         '\n\n```text\n{"node":"cp-1","ca":"old"}\n{"node":"cp-2","ca":"old"}\n{"node":"w-1","ca":"old"}\n```'))
simple("logfmt line in an off-topic question", "question shows the shape logfmt_line without its flag",
       qrep("X8", "Explain how to replace", 'Explain, given level=warn msg="secure variable stale" project=kiosk-build, how to replace'))


# ---------------- gha_log_groups ----------------
@mut("gha: timestamps removed", "gha_log_groups needs a fence with timestamped runner lines")
def _(c):
    e = c.e("L12")
    e["question"] = re.sub(r"(?m)^2026-11-20T\d\d:\d\d:\d\d\.\d+Z ", "", e["question"])


simple("gha: group marker removed", "gha_log_groups needs a fence with timestamped runner lines",
       qrep("L13", "##[group]Run az deployment", "Run az deployment"))
simple("gha: endgroup marker missing", "gha_log_groups needs a fence with timestamped runner lines",
       qrep("L14", "2026-11-23T06:30:04.2330871Z ##[endgroup]\n", ""))
simple("gha: error line missing", "gha_log_groups needs a fence with timestamped runner lines",
       qrep("L15", "2026-11-24T04:00:11.3150672Z ##[error]Process completed with exit code 1.\n", ""))
simple("gha: error line before the endgroup", "gha_log_groups needs a fence with timestamped runner lines",
       chain(qrep("L11", "2026-11-17T02:01:12.9021773Z ##[error]Process completed with exit code 1.\n", ""),
             qrep("L11", "2026-11-17T02:00:41.1892018Z ##[endgroup]\n",
                  "2026-11-17T02:01:12.9021773Z ##[error]Process completed with exit code 1.\n2026-11-17T02:00:41.1892018Z ##[endgroup]\n")))
simple("gha: log outside a fence", "gha_log_groups needs a fence with timestamped runner lines",
       lambda c: c.e("L12").__setitem__("question", c.e("L12")["question"].replace("```text\n", "").replace("\n```", "")))
simple("gha: truth repeats no identifier of the error output", "gha_log_groups truth repeats no identifier",
       trep_all("L11", "ForbiddenByFirewall", "the firewall refusal"))
simple("gha: an identifier of the step's command does not count", "gha_log_groups truth repeats no identifier",
       chain(trep_all("L14", "--run-id <run ID>", "<run ID>"),
             lambda c: c.e("L14").__setitem__("truth", c.e("L14")["truth"] + " Fix archive-task-logs accordingly.")))
simple("gha: truth keeps a marker", "gha_log_groups truth still holds a runner marker or timestamp",
       lambda c: c.e("L12").__setitem__("truth", c.e("L12")["truth"] + " (see ##[error])"))
simple("gha: truth keeps a runner timestamp", "gha_log_groups truth still holds a runner marker or timestamp",
       lambda c: c.e("L13").__setitem__("truth", c.e("L13")["truth"] + " It failed at 2026-11-21T15:44:58.6610294Z."))
simple("gha on a short item", "gha_log_groups must be a long post", mset("S10", "gha_log_groups", True))


@mut("gha used 4 times", "shape gha_log_groups used 4 times, want exactly 5")
def _(c):
    mdel("L14", "gha_log_groups")(c)
    e = c.e("L14")
    e["question"] = e["question"].replace("##[group]", "").replace("##[endgroup]", "").replace("##[error]", "")


simple("gha used 6 times", "shape gha_log_groups used 6 times, want exactly 5", mset("L24", "gha_log_groups", True))

# ---------------- powershell_error_record ----------------
simple("ps: position line removed", "powershell_error_record needs a fence",
       qrep("L7", "At line:1 char:1\n", ""))
simple("ps: CategoryInfo removed", "powershell_error_record needs a fence",
       lambda c: c.e("L8").__setitem__("question", re.sub(r"(?m)^    \+ CategoryInfo.*\n", "", c.e("L8")["question"])))
simple("ps: FullyQualifiedErrorId removed", "powershell_error_record needs a fence",
       qrep("L9", "    + FullyQualifiedErrorId : NativeCommandError\n", ""))
simple("ps: record outside a fence", "powershell_error_record needs a fence",
       lambda c: c.e("L6").__setitem__("question", c.e("L6")["question"].replace("```text\n", "").replace("\n```", "")))
simple("ps: truth does not name the error ID", "powershell_error_record truth does not name the error ID",
       trep_all("L6", "NativeCommandError", "wrapper line"))
simple("ps: truth names another error ID", "powershell_error_record truth does not name the error ID",
       trep_all("L10", "WebCmdletWebResponseException", "NativeCommandError"))
simple("ps: truth keeps a record label", "powershell_error_record truth repeats a record label",
       lambda c: c.e("L7").__setitem__("truth", c.e("L7")["truth"] + " (CategoryInfo: NotSpecified)"))
simple("ps: truth keeps a position", "powershell_error_record truth repeats a record label",
       lambda c: c.e("L9").__setitem__("truth", c.e("L9")["truth"] + " It stopped at char:1 of line 12."))
simple("ps: truth keeps the underline", "powershell_error_record truth repeats a record label",
       lambda c: c.e("L8").__setitem__("truth", c.e("L8")["truth"] + " ~~~~~~~~"))
simple("ps on an agent item", "powershell_error_record must be a long post", mset("A9", "powershell_error_record", True))


@mut("ps used 4 times", "shape powershell_error_record used 4 times, want exactly 5")
def _(c):
    mdel("L8", "powershell_error_record")(c)
    e = c.e("L8")
    e["question"] = re.sub(r"(?m)^    \+ (CategoryInfo|FullyQualifiedErrorId).*\n", "", e["question"])


simple("ps used 6 times", "shape powershell_error_record used 6 times, want exactly 5",
       mset("L24", "powershell_error_record", True))

# ---------------- kubectl_events ----------------
simple("events: header removed", "kubectl_events needs a fence with an events table",
       lambda c: c.e("L3").__setitem__("question", re.sub(r"(?m)^  Type .*\n", "", c.e("L3")["question"])))
simple("events: no Warning row", "kubectl_events needs a fence with an events table",
       lambda c: c.e("L5").__setitem__("question", c.e("L5")["question"].replace("  Warning   ", "  Normal    ")))
simple("events: table outside a fence", "kubectl_events needs a fence with an events table",
       lambda c: c.e("L4").__setitem__("question", c.e("L4")["question"].replace("```text\n", "").replace("\n```", "")))
simple("events: truth repeats no identifier of a Warning message", "kubectl_events truth repeats no identifier",
       trep_all("L4", "ErrImagePull", "image pull errors"))
simple("events: an identifier of a Normal row does not count", "kubectl_events truth repeats no identifier",
       qrep("L2", "2m          Warning   Failed    pod/ledger-5c8d7b9f6-qwt2m   Error: ErrImagePull",
            "2m          Normal    Failed    pod/ledger-5c8d7b9f6-qwt2m   Error: ErrImagePull"))
simple("events: truth keeps the header", "kubectl_events truth still holds the table header",
       lambda c: c.e("L5").__setitem__("truth", c.e("L5")["truth"] + " (Type   Reason   Age)"))
simple("events: truth keeps a Warning row", "kubectl_events truth still holds the table header",
       lambda c: c.e("L1").__setitem__("truth", c.e("L1")["truth"] + " Warning   Failed    6m (x5 over 9m)"))
simple("events on a short item", "kubectl_events must be a long post", mset("S10", "kubectl_events", True))


@mut("events used 4 times", "shape kubectl_events used 4 times, want exactly 5")
def _(c):
    mdel("L4", "kubectl_events")(c)
    c.q_rep("L4", "TYPE      REASON", "KIND      CAUSE ")


simple("events used 6 times", "shape kubectl_events used 6 times, want exactly 5", mset("L24", "kubectl_events", True))

# ---------------- ndjson_log ----------------
simple("json lines: a line is not JSON", "ndjson_log needs a fence of >= 3 JSON-object lines",
       qrep("L18", '"caller":"release-pipeline","status":"Failed"}\n{"time":"2026-11-26T23:02:17Z"',
            '"caller":"release-pipeline","status":"Failed"\n{"time":"2026-11-26T23:02:17Z"'))
simple("json lines: only two records", "ndjson_log needs a fence of >= 3 JSON-object lines",
       lambda c: c.e("L20").__setitem__("question", re.sub(r'(?m)^\{"TimeGenerated":"2026-11-28T10:21:07Z".*\n', "", c.e("L20")["question"])))
simple("json lines: pretty-printed records", "ndjson_log needs a fence of >= 3 JSON-object lines",
       lambda c: c.e("L19").__setitem__("question", c.e("L19")["question"].replace('{"name":', '{\n  "name":').replace('"}\n', '"\n}\n')))
simple("json lines: truth repeats no distinguishing value", "ndjson_log truth repeats no value that singles out one record",
       trep_all("L16", "Microsoft.KeyVault/vaults/write", "vault write"))
simple("json lines: a value shared by two records does not count",
       "ndjson_log truth repeats no value that singles out one record",
       qrep("L20", '"OperationName":"KeyWrap"', '"OperationName":"KeyGet"'))
simple("json lines: truth keeps a record", "ndjson_log truth still holds a JSON record",
       lambda c: c.e("L17").__setitem__("truth", c.e("L17")["truth"] + ' {"role":"Reader"}'))
simple("json lines on a short item", "ndjson_log must be a long post", mset("S10", "ndjson_log", True))


@mut("json lines: $ command lines are allowed", "short question has 15 words", only=True)
def _(c):
    # command lines that start with "$ " may stand between the records; the item stays valid, and only the planted
    # over-long short question is reported
    c.q_rep("L19", '{"name":"crbrambling"', '$ # and the one built last year\n{"name":"crbrambling"')
    qset("S10", S10_15)(c)


@mut("json lines used 4 times", "shape ndjson_log used 4 times, want exactly 5")
def _(c):
    mdel("L19", "ndjson_log")(c)
    e = c.e("L19")
    e["question"] = e["question"].replace('{"name":', '{name:')


simple("json lines used 6 times", "shape ndjson_log used 6 times, want exactly 5", mset("L24", "ndjson_log", True))

# ---------------- logfmt_line ----------------
simple("logfmt: level= removed", "logfmt_line needs a line of >= 3 key=value pairs",
       qrep("S1", "level=error ", "error "))
simple("logfmt: msg= removed", "logfmt_line needs a line of >= 3 key=value pairs",
       qrep("A1", 'msg="az acr create failed" ', '"az acr create failed" '))
simple("logfmt: only two pairs", "logfmt_line needs a line of >= 3 key=value pairs",
       qrep("S2", " key=teal-kek vault=kv-teal:", " for teal-kek in kv-teal:"))
simple("logfmt: truth repeats no logged value", "logfmt_line truth repeats no value of the logged pairs",
       chain(trep_all("A1", "crhobby", "the registry"), trep_all("A1", "ResourceNotFound", "a not-found error")))
simple("logfmt: a msg value does not count", "logfmt_line truth repeats no value of the logged pairs",
       chain(trep_all("S2", "teal-kek", "the key"),
             lambda c: c.e("S2").__setitem__("truth", c.e("S2")["truth"] + " The log line says key version created.")))
simple("logfmt: truth keeps a pair", "logfmt_line truth still holds a level= or msg= pair",
       lambda c: c.e("A2").__setitem__("truth", c.e("A2")["truth"] + " (level=error)"))


@mut("logfmt used 4 times", "shape logfmt_line used 4 times, want exactly 5")
def _(c):
    mdel("S2", "logfmt_line")(c)
    c.q_rep("S2", "level=info ", "")


simple("logfmt used 6 times", "shape logfmt_line used 6 times, want exactly 5", mset("S6", "logfmt_line", True))
simple("two new shapes on one item", "more than one new shape on one item", mset("L1", "gha_log_groups", True))

# ---------------- two_facts ----------------
simple("two_facts floor", "floor: shape two_facts 3 < 4",
       chain(mdel("L21", "two_facts"), lambda c: c.e("L21")["canonical"].pop(),
             lambda c: c.e("L21")["answer_facts"].pop(),
             mdel("L22", "two_facts"), lambda c: c.e("L22")["canonical"].pop(),
             lambda c: c.e("L22")["answer_facts"].pop()))


def run_check(d):
    env = dict(os.environ, BLIND56_DIR=d, BLIND56_KROOT=os.path.join(d, "k"), BLIND56_FACTS=os.path.join(d, "facts"))
    p = subprocess.run([sys.executable, os.path.join(HERE, "check56.py")], env=env, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def fresh(with_build):
    d = tempfile.mkdtemp(prefix="mut-", dir=HERE)
    for f in FILES:
        shutil.copy(os.path.join(HERE, f), d)
    shutil.copytree(os.path.join(HERE, "prev"), os.path.join(d, "prev"))
    shutil.copytree(KROOT, os.path.join(d, "k"))
    shutil.copytree(FACTS, os.path.join(d, "facts"))
    if with_build:
        shutil.copy(os.path.join(HERE, "build56.py"), d)
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
    for name, expect, fn, with_build, only in MUTS:
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
        ok = rc == 1 and expect in out and (not only or len(out.strip().split("\n")) == 1)
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
