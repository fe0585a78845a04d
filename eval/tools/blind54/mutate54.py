"""blind54 mutation driver. Each mutation runs on a fresh temp copy (inside blind54/) of the set, prev/,
the knowledge and the fact sheets; it counts as caught only when check54.py exits 1 and prints the
mutation's expected message (and, for mutations marked only=True, nothing else)."""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
KROOT = os.environ.get("BLIND54_KROOT", "/work/scratch/kstripped")
FACTS = os.environ.get("BLIND54_FACTS", "/work/shared/facts")
sys.path.insert(0, HERE)
import build54  # noqa: E402
import check54  # noqa: E402
import kparse  # noqa: E402

SET = "blind54"
FILES = (SET + ".json", SET + "-meta.json", SET + "-first-canonicals.txt")
_entries, _meta = build54.build()
_byq = {q["question"]: q["key"] for q in build54.QUESTIONS}
ID = {_byq[e["question"]]: e["id"] for e in _entries}
SCENARIO_SECTION = next("acr-cmk/" + k if not k.startswith("acr-cmk/") else k
                        for k in kparse.parse_all(KROOT) if "scenarios/" in k)
P = build54.ID_PREFIX


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
            for n in check54.SPREAD_SETS:
                fp = os.path.join(self.d, "prev", "blind%d-first-canonicals.txt" % n)
                firsts[n] = {x.strip() for x in open(fp, encoding="utf-8") if x.strip()} if os.path.exists(fp) else set()
            self.m["_set"] = check54.set_summary(self.j, self.m, firsts)
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
for pfx in ("i", "h", "g", "f", "e", "d", "c", "b", "m", "k"):
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
simple("rebuild: json truth edited", "rebuild differs from blind54.json",
       lambda c: c.j[0].__setitem__("truth", c.j[0]["truth"] + " Extra."), True)
simple("rebuild: meta edited", "rebuild differs from blind54-meta.json",
       lambda c: c.m[P + "001"].__setitem__("qual", "none" if c.m[P + "001"]["qual"] != "none" else "asked"), True)


@mut("rebuild: same content, other JSON layout (byte compare)", "rebuild differs from blind54.json", True)
def _(c):
    # content unchanged, only the serialisation differs: caught by the byte comparison alone
    def save():
        with open(os.path.join(c.d, FILES[0]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(c.j, indent=2, ensure_ascii=False) + "\n")
        with open(os.path.join(c.d, FILES[1]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(c.m, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    c.save = save


@mut("rebuild: &#39; written as &apos; (byte compare)", "rebuild differs from blind54.json", True)
def _(c):
    # the same character written as another valid reference: still a valid html_entities item for the lexical
    # rules (the pairs match on the decoded quote), but no longer what build54.py writes
    c.q_rep("L10", "&#39;", "&apos;", 4)


@mut("rebuild: first-canonical list edited", "rebuild differs from blind54-first-canonicals.txt", True)
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


simple("first-canonical list missing", "blind54-first-canonicals.txt missing",
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
       set_edit(lambda s: s["new_shapes"]["jira_markup"].pop()))
simple("_set: spread count inflated", "meta: _set summary does not match",
       set_edit(lambda s: s["spread"].__setitem__("new_against_blind53_and_blind52", 49)))
simple("_set: spread floors changed", "meta: _set summary does not match",
       set_edit(lambda s: s["spread"].__setitem__("floors", [30, 20])))
simple("_set: typo moved to another id", "meta: _set summary does not match",
       set_edit(lambda s: s["typos"].__setitem__("recomend", ID["S9"])))
simple("_set: off-topic subject renamed", "meta: _set summary does not match",
       set_edit(lambda s: s["off_topic_subjects"].__setitem__(ID["X1"], "longhorn")))
simple("_set: stale after a flag change", "meta: _set summary does not match",
       raw(mdel("L2", "merge_conflict_markers")))


def add_my_first_to_blind53_list(c):
    # one of this set's first canonicals now also counts as a blind53 first: the spread figures in _set go stale
    c.raw_set = True
    p = os.path.join(c.d, "prev", "blind53-first-canonicals.txt")
    lines = [x for x in open(p, encoding="utf-8") if x.strip()]
    lines[-1] = c.e("L22")["canonical"][0] + "\n"
    open(p, "w", encoding="utf-8").writelines(lines)


simple("_set: stale after a prev first-canonical list changed", "meta: _set summary does not match",
       add_my_first_to_blind53_list)

# ---------------- dropped flags and fields (the shape flags of blind52 and blind53 included) ----------------
_SPECIAL = {"field": "bypass", "wrong": "--kek-uri", "other": ["AWS"], "premise": "x"}
for fld in check54.DROPPED_FIELDS:
    simple("dropped/unknown field %s" % fld, "unknown field %r" % fld, mset("L21", fld, _SPECIAL.get(fld, True)))

# ---------------- facts and answer facts ----------------
simple("answer_fact not in canonical", "answer_fact not in first canonical",
       lambda c: c.e("L23")["answer_facts"].__setitem__(0, "the hsm replicates across regions"))
simple("answer_fact only in a related section", "answer_fact not in first canonical",
       lambda c: c.e("L21")["answer_facts"].__setitem__(0, "plan the hsm's own recovery"))
simple("answer_fact added from a related section", "answer_fact not in first canonical",
       lambda c: c.e("L14")["answer_facts"].append("a key can have at most 100"))
simple("answer_fact over 7 words", "answer_fact over 7 words",
       lambda c: c.e("A5")["answer_facts"].__setitem__(0, "managing the vault resource is not enough to work with its keys"))
simple("fact not in any section", "fact not in a canonical or related section",
       lambda c: c.e("S2")["facts"].__setitem__(0, "a private endpoint blocks trusted services"))
simple("empty answer_facts", "no answer_facts", eset("S6", "answer_facts", []))
simple("empty facts", "no facts", eset("S6", "facts", []))
simple("two_facts with both facts in the first canonical", "two_facts needs one answer_fact only in each",
       lambda c: c.e("L12")["answer_facts"].__setitem__(1, "purge protection is recommended, not required"))
simple("two_facts fact in neither canonical", "answer_fact not in either canonical",
       lambda c: c.e("L24")["answer_facts"].__setitem__(0, "the registry recreates the grant"))
simple("two canonicals without flag", "two canonical sections need two_facts", mdel("L19", "two_facts"))
simple("two_facts flag with one canonical", "two_facts needs two canonical sections",
       mset("A11", "two_facts", True))

# ---------------- sections ----------------
simple("unknown section id", "unknown section",
       lambda c: c.e("L16")["related"].__setitem__(0, "acr-cmk/references/identities.md#no-such-anchor"))
simple("section id without the acr-cmk/ folder", "unknown section",
       lambda c: c.e("L16")["related"].__setitem__(0, "references/identities.md#which-identity-value-goes-where"))
simple("canonical repeated in related", "repeated section",
       lambda c: c.e("L16")["related"].append(c.e("L16")["canonical"][0]))
simple("canonical empty", "canonical must hold 1 or 2", eset("L21", "canonical", []))
simple("three canonicals", "canonical must hold 1 or 2",
       lambda c: c.e("L21")["canonical"].extend(c.e("L21")["related"][:2]))
simple("first canonical in a scenario", "first canonical not a reference doc",
       lambda c: c.e("S1")["canonical"].__setitem__(0, SCENARIO_SECTION))
simple("related empty", "related is empty", eset("S8", "related", []))

# ---------------- kinds, styles, truths, categories ----------------
simple("unknown kind", "bad kind", mset("A8", "kind", "opinion"))
simple("yes truth opening No", "yes truth must open 'Yes: '",
       lambda c: c.e("S7").__setitem__("truth", "No: " + c.e("S7")["truth"][5:]))
simple("no truth without No", "no truth must open 'No: '",
       lambda c: c.e("L23").__setitem__("truth", c.e("L23")["truth"][4:]))
simple("undocumented truth without verdict", "undocumented truth must open 'Not documented'",
       lambda c: c.e("A4").__setitem__("truth", c.e("A4")["truth"][16:]))
simple("off-topic truth without verdict", "off-topic truth must open 'Not covered: '",
       lambda c: c.e("X3").__setitem__("truth", c.e("X3")["truth"][13:]))
simple("howto truth opening Yes", "howto truth opens with a verdict word",
       lambda c: c.e("A1").__setitem__("truth", "Yes: " + c.e("A1")["truth"]))
simple("troubleshoot truth opening No", "troubleshoot truth opens with a verdict word",
       lambda c: c.e("L9").__setitem__("truth", "No, " + c.e("L9")["truth"]))
simple("off-topic item with canonical", "off-topic item must have empty lists",
       lambda c: c.e("X4")["canonical"].append("acr-cmk/references/overview.md#default-encryption-at-rest-without-a-cmk"))
simple("off-topic category on an on-topic kind", "off-topic category and kind disagree",
       eset("A12", "category", "off-topic"))
simple("unknown category", "bad category", eset("A12", "category", "misc"))
simple("style count broken", "on-topic short count 13", mset("A8", "style", "short"))
simple("unknown style", "bad style", mset("A8", "style", "medium"))
simple("kind count broken", "kind howto count 13", mset("L24", "kind", "why"))
simple("kind group missing from a style", "kind group yes/no missing from style agent",
       chain(mset("A10", "kind", "value"),
             tset("A10", "Two documented ways: remove the identity's access to the key, or delete the key.")))
simple("category above 9", "category hsm count 10",
       chain(eset("L21", "category", "hsm"), eset("L23", "category", "hsm"), eset("L24", "category", "hsm")))
simple("category below 2", "category troubleshooting count 1",
       chain(eset("S11", "category", "keys"), eset("A5", "category", "keys")))

# ---------------- style rules ----------------
S12_15 = "unquoted --identities [system] in az acr identity assign became 's' again on my laptop, why?"
simple("long post too short", "long question length", qset("L22", "Is the HSM key fine for a geo-replicated registry?"))
simple("long post too long", "long question length",
       lambda c: c.e("L22").__setitem__("question", c.e("L22")["question"] + (" Some more background here." * 60)))
simple("short question of 15 words", "short question has 15 words", qset("S12", S12_15))
simple("short question on two lines", "short question spans lines", qrep("S9", " managed hsm", "\nmanaged hsm"))
simple("agent query of 50 words", "agent query has",
       lambda c: c.e("A8").__setitem__("question", c.e("A8")["question"] + " please" + " also" * 30))
simple("agent query on two lines", "agent query spans lines", qrep("A10", " Question:", "\nQuestion:"))
simple("agent query with a fence", "agent query spans lines", qrep("A10", " Question:", " ```x``` Question:"))
simple("context form without Context:", "context form must open with 'Context:'",
       lambda c: c.e("A10").__setitem__("question", c.e("A10")["question"][len("Context: "):]))
simple("imperative form without verb", "imperative form must open with an imperative verb",
       qrep("A7", "Explain why", "I need to know why"))
simple("keywords form opening uppercase", "keywords form must open lowercase",
       lambda c: c.e("A11").__setitem__("question", "T" + c.e("A11")["question"][1:]))
simple("keywords form with ?", "keywords form must open lowercase",
       lambda c: c.e("A11").__setitem__("question", c.e("A11")["question"] + "?"))
simple("form on a short item", "form on a non-agent item", mset("S9", "form", "keywords"))
simple("agent forms miscounted", "on-topic agent form context count 4",
       chain(mset("A10", "form", "imperative"), qrep("A10", "Context: for a revocation", "Explain: for a revocation")))
simple("off-topic agent forms miscounted", "off-topic agent form keywords count 0",
       chain(mset("X9", "form", "imperative"),
             lambda c: c.e("X9").__setitem__("question", "Explain " + c.e("X9")["question"])))


@mut("three short questions not lowercase", "short questions not lowercase (max 2)")
def _(c):
    e = c.e("S5")
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
       mset("L21", "quals", ["iac", "hsm"]))
simple("iac qualifier without a tool", "iac qualifier but no portal/Terraform/Bicep/ARM/AVM",
       mset("S8", "quals", ["iac"]))
simple("October 2026 truth without Managed HSM", "October 2026 truth names neither",
       tset("S8", "No: only key URIs work there, so read the key's kid instead of using another object's address."))
simple("qual asked recorded as story", "qual is 'story', should be 'asked'", mset("L14", "qual", "story"))
simple("quals without qual none", "qual is 'asked', should be 'none'", mset("L20", "qual", "asked"))
simple("unknown qualifier", "bad quals", mset("L14", "quals", ["hsm", "oct2026", "k8s"]))


def drop_qual(mm, x, q):
    mm["quals"] = [v for v in mm["quals"] if v != q]
    ask = build54.ask_part(x["question"])
    hit = ("hsm" in mm["quals"] and build54.HSM_RE.search(ask)) or ("iac" in mm["quals"] and build54.IAC_RE.search(ask))
    mm["qual"] = "none" if not mm["quals"] else ("asked" if hit else "story")


@mut("Managed HSM asked floor", "floor: Managed HSM asked")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "hsm" in mm.get("quals", []) and build54.HSM_RE.search(build54.ask_part(x["question"])):
            n += 1
            if n > 9:
                drop_qual(mm, x, "hsm")


@mut("Managed HSM asked in too few ways (qualifiers dropped)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    # L15, A11 and A12 are the only "which key/version/one" asks, L13 and L19 the only purge/recover asks
    for k in ("L15", "A11", "A12", "L13", "L19"):
        drop_qual(c.meta(k), c.e(k), "hsm")


@mut("Managed HSM asked in too few ways (asks reworded)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    # S8 is the only URI ask, L18 the only revocation ask
    c.q_rep("S8", "secret uri as", "secret id as")
    c.q_rep("L18", "Why did revoking the Managed HSM role not cut the registry off, and what does the runbook need to do for a real revocation?",
            "Why did deleting the Managed HSM role change nothing, and what does the runbook need to do so the drill passes?")


@mut("iac named floor", "floor: portal/Terraform/Bicep/ARM/AVM named")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "iac" in mm.get("quals", []) and n < 2:
            drop_qual(mm, x, "iac")
            n += 1


@mut("October 2026 floor", "floor: October 2026")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "oct2026" in mm.get("quals", []) and n < 5:
            mm["quals"] = [q for q in mm["quals"] if q != "oct2026"]
            n += 1


# ---------------- spread and per-doc ----------------
@mut("spread against blind53", "first canonicals new against blind53 (floor 40)")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind53-first-canonicals.txt")) if x.strip()]
    firsts = list(dict.fromkeys(firsts))
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < 9 and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [firsts[n]]
            x["related"] = [r for r in x["related"] if r != firsts[n]] or [firsts[n + 20]]
            n += 1


@mut("spread against blind53 and blind52", "first canonicals new against blind53 and blind52 (floor 30)")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind52-first-canonicals.txt")) if x.strip()]
    b53 = {x.strip() for x in open(os.path.join(c.d, "prev", "blind53-first-canonicals.txt"))}
    pool = [f for f in dict.fromkeys(firsts) if f not in b53]
    mine = {x["canonical"][0] for x in c.j if x["canonical"]}
    pool = [f for f in pool if f not in mine]
    if len(pool) < 19:
        raise AssertionError("setup: only %d blind52-only firsts" % len(pool))
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < 19 and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [pool[n]]
            x["related"] = [r for r in x["related"] if r != pool[n]] or ["acr-cmk/references/overview.md#requirements-at-a-glance"]
            n += 1


simple("troubleshooting doc above 8", "first canonical doc troubleshooting count 9",
       lambda c: c.e("L21")["canonical"].__setitem__(0, "acr-cmk/references/troubleshooting.md#cmk-needs-the-premium-tier"))
simple("managed-hsm doc below 2", "first canonical doc managed-hsm count 1",
       chain(lambda c: c.e("L22")["canonical"].__setitem__(0, "acr-cmk/references/overview.md#managed-hsm-keys"),
             lambda c: c.e("A7")["canonical"].__setitem__(0, "acr-cmk/references/networking.md#the-portal-key-picker-and-a-key-store-firewall")))
simple("blind53 first-canonical list missing", "first-canonical list missing: blind53",
       lambda c: os.remove(os.path.join(c.d, "prev", "blind53-first-canonicals.txt")))
simple("blind52 first-canonical list missing", "first-canonical list missing: blind52",
       lambda c: os.remove(os.path.join(c.d, "prev", "blind52-first-canonicals.txt")))


@mut("blind52 first-canonical list cut to 47", "blind52 has 47 lines")
def _(c):
    p = os.path.join(c.d, "prev", "blind52-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:47])


@mut("blind53 first-canonical list cut to 40", "blind53 has 40 lines")
def _(c):
    p = os.path.join(c.d, "prev", "blind53-first-canonicals.txt")
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


simple("typo planted in blind20", "typo 'curently' already used in blind19-53", plant_prev(20, "curently"))
simple("typo planted in blind41", "typo 'compatable' already used in blind19-53", plant_prev(41, "compatable"))
simple("typo planted in blind48", "typo 'recomend' already used in blind19-53", plant_prev(48, "recomend"))
simple("typo planted in blind53", "typo 'curently' already used in blind19-53", plant_prev(53, "curently"))
simple("typo planted in a blind53 truth", "typo 'compatable' already used in blind19-53", plant_prev_truth(53, "compatable"))
simple("typo planted in a blind25 truth", "typo 'recomend' already used in blind19-53", plant_prev_truth(25, "recomend"))
simple("typo moved to an off-topic short", "typo must sit in a short on-topic question",
       chain(mdel("S5", "typo"), qrep("S5", "curently", "currently"), mset("X10", "typo", "curently"),
             qrep("X10", "left?", "left, curently?")))
simple("typo fixed in the question", "typo 'compatable' not in the question", qrep("S6", "compatable", "compatible"))
simple("unrecorded typo in another question", "unrecorded typo 'recomend'",
       qrep("S9", "what must", "recomend what must"))
simple("typo used twice", "typo 'recomend' used 2 times",
       chain(mset("S9", "typo", "recomend"), qrep("S9", "what must", "recomend what must")))
simple("unknown typo word", "not in the set's typo list",
       chain(mset("S5", "typo", "curentli"), qrep("S5", "curently", "curentli")))
simple("typo on a long item", "typo must sit in a short on-topic question",
       chain(mdel("S6", "typo"), qrep("S6", "compatable", "compatible"), mset("L16", "typo", "compatable"),
             qrep("L16", "Security architecture wants", "Security architecture, not compatable with the old plan, wants")))


@mut("typo added to the knowledge", "typo 'curently' stands in the knowledge or facts")
def _(c):
    p = c.kfile("acr-cmk/references/overview.md")
    open(p, "a").write("\ncurently\n")


@mut("typo added to the fact sheets", "typo 'compatable' stands in the knowledge or facts")
def _(c):
    p = os.path.join(c.d, "facts", "cmk-facts-2026-10.md")
    os.chmod(p, 0o644)
    open(p, "a").write("\ncompatable\n")


# ---------------- copying ----------------
L21_START = "crsequoia runs on Premium"
simple("knowledge 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L21", L21_START, "The registry cannot unwrap its data without the key, and " + L21_START))
simple("fact-sheet 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L21", L21_START, "Local RBAC changes can take several minutes to propagate, and " + L21_START))
simple("knowledge command line inside a fence", "12-token run (fences included) shared with knowledge/facts",
       qrep("L24", "--kty RSA --size 3072\n",
            '--kty RSA --size 3072\naz keyvault role assignment create --hsm-name "$HSM_NAME" --role "Managed HSM Crypto Service Encryption User" --assignee-object-id "$PRINCIPAL_ID" --assignee-principal-type MSI --scope "/keys/$KEY_NAME"\n'))
simple("pasted error moved into prose", "8-token run shared with knowledge/facts",
       qrep("L21", L21_START, "The CLI said Cannot set policies to a vault with '--enable-rbac-authorization' specified. " + L21_START))
simple("fence with knowledge prose", "12-token run (fences included)",
       qrep("L24", "--kty RSA --size 3072\n",
            "--kty RSA --size 3072\nthe registry cannot unwrap its data without the key so deleting the key store\n"))
simple("Jira code block with a knowledge command (12-token rule)", "12-token run (fences included) shared with knowledge/facts",
       qrep("L6", "{code}\nThe registry create",
            'az keyvault set-policy --name "$KEY_VAULT_NAME" --resource-group "$RESOURCE_GROUP" --object-id "$PRINCIPAL_ID" --key-permissions get unwrapKey wrapKey\n{code}\nThe registry create'))
simple("blind30 8-token run", "8-token run shared with blind19-53",
       lambda c: c.e("L21").__setitem__("question", c.e("L21")["question"] + " " + prevq(30, 8)(c)[:120]))
simple("blind41 8-token run", "8-token run shared with blind19-53",
       lambda c: c.e("L21").__setitem__("question", c.e("L21")["question"] + " " + prevq(41, 3)(c)[:150]))
simple("blind53 8-token run", "8-token run shared with blind19-53",
       lambda c: c.e("L21").__setitem__("question", c.e("L21")["question"] + " " + prevq(53, 2)(c)[:150]))
simple("blind53 truth copied into a question", "8-token run shared with a blind19-53 truth",
       lambda c: c.e("L21").__setitem__("question", c.e("L21")["question"] + " " + prevt(53, 10)(c)[:200]))
simple("blind33 truth copied into a question", "8-token run shared with a blind19-53 truth",
       lambda c: c.e("L24").__setitem__("question", c.e("L24")["question"] + " " + prevt(33, 4)(c)[:200]))


def _tokset(t):
    return set(re.findall(r"[a-z0-9]+", t.lower()))


def own_prev(n, field):
    """A blind<n> question or truth that no earlier prev entry resembles (Jaccard <= 0.6); truths must open
    without a verdict."""
    def get(c):
        older = [_tokset(e[field]) for m in range(19, n)
                 for e in json.load(open(os.path.join(c.d, "prev", "blind%d.json" % m), encoding="utf-8"))]
        for e in json.load(open(os.path.join(c.d, "prev", "blind%d.json" % n), encoding="utf-8")):
            t = e[field]
            if field == "truth" and re.match(r"(Yes|No|Not documented|Not covered)\b", t):
                continue
            if "\x1b" in t or "~~" in t or "%2F" in t:
                continue
            ts = _tokset(t)
            if all(len(ts & o) / len(ts | o) <= 0.6 for o in older):
                return t
        raise AssertionError("setup: no own blind%d %s" % (n, field))
    return get


simple("blind53 question repeated", "Jaccard > 0.6 with blind53",
       lambda c: c.e("A9").__setitem__("question", own_prev(53, "question")(c)))
simple("blind52 question repeated", "Jaccard > 0.6 with blind52",
       lambda c: c.e("A10").__setitem__("question", own_prev(52, "question")(c)))
simple("blind46 question repeated", "Jaccard > 0.6 with blind46",
       lambda c: c.e("S9").__setitem__("question", own_prev(46, "question")(c)))
simple("blind53 truth repeated", "truth Jaccard > 0.6 with blind53",
       lambda c: c.e("S9").__setitem__("truth", own_prev(53, "truth")(c)))
simple("off-topic truth close to an earlier truth", "truth Jaccard > 0.6 with blind",
       tset("X11", "Not covered: resetting a Navidrome password is outside the ACR customer-managed key knowledge."))
simple("off-topic truth copied from blind53", "truth Jaccard > 0.6 with blind",
       lambda c: c.e("X12").__setitem__("truth", next(
           e["truth"] for e in json.load(open(os.path.join(c.d, "prev", "blind53.json"), encoding="utf-8"))
           if e["truth"].startswith("Not covered"))))
simple("near-duplicate inside the set", "Jaccard > 0.6 with",
       lambda c: c.e("A10").__setitem__("question", c.e("A1")["question"].replace("still needs a final name", "still needs a name")))
simple("truth copies a knowledge sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("L21").__setitem__("truth", c.e("L21")["truth"] + " Soft delete alone keeps deleted keys and vaults recoverable, but someone with purge rights can still destroy them permanently before the retention period ends."))
simple("truth copies a fact-sheet sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("A6").__setitem__("truth", c.e("A6")["truth"] + " Whether this revision is already live on Learn was not checked."))
simple("question copies a knowledge sentence", "question copies a knowledge/fact sentence",
       qrep("L21", L21_START, "Registries without a CMK are still encrypted at rest with Microsoft-managed keys. " + L21_START))
simple("question echoes a heading", "question echoes a heading",
       qrep("L21", L21_START, "Rotate on a schedule with a Key Vault rotation policy, they said. " + L21_START))


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
    old = "No registry command is needed"
    if s.count(old) != 1:
        raise AssertionError("setup: text not once in revocation-and-recovery.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "No command on the registry is needed"))


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
    qset("S12", S12_15)(c)


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
simple("blind52 prev file missing", "prev file missing: blind52.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind52.json")))
simple("blind53 prev file missing", "prev file missing: blind53.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind53.json")))

# ---------------- off-topic ----------------
simple("banned blind53 subject", "banned off-topic subject 'kaniko'",
       chain(mset("X11", "subject", "kaniko"), qset("X11", "kaniko: where does the executor keep its layer cache?")))
simple("banned blind53 extra name", "banned off-topic subject 'aescbc'",
       chain(mset("X11", "subject", "aescbc"), qset("X11", "aescbc provider: how do i rotate its secret?")))
simple("banned blind52 subject", "banned off-topic subject 'mealie'",
       chain(mset("X11", "subject", "mealie"), qset("X11", "mealie: move my recipes to another server?")))
simple("banned blind52 extra name", "banned off-topic subject 'greenlight'",
       chain(mset("X11", "subject", "greenlight"), qset("X11", "greenlight: rotate its secret after a leak?")))
simple("banned blind51 subject", "banned off-topic subject 'wallabag'",
       chain(mset("X11", "subject", "wallabag"), qset("X11", "how do i export my wallabag reading list to epub?")))
simple("banned blind51 extra name", "banned off-topic subject 'fernet'",
       chain(mset("X11", "subject", "fernet"), qset("X11", "how do i rotate the fernet key of our registry sync job?")))
simple("banned blind50 subject", "banned off-topic subject 'katello'",
       chain(mset("X11", "subject", "katello"), qset("X11", "how do i rotate the katello key for our registry content?")))
simple("banned blind45 subject", "banned off-topic subject 'vaultwarden'",
       chain(mset("X11", "subject", "vaultwarden"), qset("X11", "how do i rotate the vaultwarden key after our registry admin left?")))
simple("banned blind32 subject (list of blind19-36)", "banned off-topic subject 'databricks'",
       chain(mset("X11", "subject", "databricks"), qset("X11", "databricks workspace cmk rotation, how?")))
simple("banned blind22 subject (list of blind19-36)", "banned off-topic subject 'scaleway'",
       chain(mset("X11", "subject", "scaleway"), qset("X11", "scaleway registry encryption with our own key?")))
simple("blind53 subject in another question", "off-topic question names banned 'istio'",
       qrep("X8", "and how long the old public keys", "(as we did for istio) and how long the old public keys"))
simple("blind52 subject in another question", "off-topic question names banned 'atlantis'",
       qrep("X8", "and how long the old public keys", "(as we did for atlantis) and how long the old public keys"))
simple("blind28 subject in another question", "off-topic question names banned 'payment hsm'",
       qrep("X8", "and how long the old public keys", "(the Payment HSM team asked too) and how long the old public keys"))
simple("subject planted in blind33", "subject 'reprepro' used in blind19-53", plant_prev(33, "reprepro"))
simple("subject planted in blind53", "subject 'cargo' used in blind19-53", plant_prev(53, "cargo"))
simple("subject not in question", "subject 'cargo' not in the question",
       qset("X12", "alternative registry credentials for the rust package tool, where are they stored"))
simple("earlier off-topic product named (capitalised, blind27)", "repeats an earlier off-topic subject word: verdaccio",
       qrep("X8", "and how long the old public keys", "the way we once did for Verdaccio, and how long the old public keys"))
simple("earlier off-topic product named (lowercase short, blind25)", "repeats an earlier off-topic subject word: sops",
       qset("X11", "seafile encrypted library: re-encrypt like sops does?"))
simple("earlier off-topic word from blind51 outside the ban list", "repeats an earlier off-topic subject word: secret-key",
       qrep("X9", "rotate the deploy key", "rotate the deploy secret-key"))
simple("off-topic subject word planted in an earlier off-topic truth", "repeats an earlier off-topic subject word: seafile",
       plant_prev_offtopic_truth(40, "Compare Seafile."))
simple("banned key word in off-topic", "off-topic question names banned 'kubernetes'",
       qrep("X1", "Roughly 400 build hosts", "Roughly 400 Kubernetes build hosts"))
simple("banned key word kms", "off-topic question names banned 'kms'",
       qrep("X2", "kept in a file on that server", "kept in a file on that server (wrapped by our kms)"))
simple("near_miss on an agent item", "near_miss only on long off-topic posts", mset("X7", "near_miss", True))
simple("near-miss floor", "floor: near misses", chain(mdel("X1", "near_miss"), mdel("X2", "near_miss")))


@mut("off-topic story floor", "floor: long off-topic registry+key stories")
def _(c):
    for k in ("X5", "X6"):
        e = c.e(k)
        e["question"] = re.sub(r"\bregistr\w*", "service", e["question"], flags=re.I)


simple("off-topic subject missing", "off-topic subject missing", mdel("X6", "subject"))
simple("shape flag on off-topic", "shape flag jira_markup on an off-topic item", mset("X6", "jira_markup", True))
simple("subject on an on-topic item", "subject/near_miss on an on-topic item", mset("L22", "subject", "x"))


# ---------------- long measures ----------------
@mut("fenced long floor", "floor: fenced long posts")
def _(c):
    for k in ("L20", "L24"):
        e = c.e(k)
        e["question"] = e["question"].replace("```text", "").replace("```", "")


@mut("Jira blocks do not count as Markdown fences", "floor: fenced long posts")
def _(c):
    # a Markdown fence turned into a Jira {code} block: still a fence for the prose rules, not for the floor
    for k in ("L21", "L24"):
        e = c.e(k)
        e["question"] = e["question"].replace("```text", "{code}").replace("```", "{code}")


@mut("fenced troubleshoot floor", "floor: fenced long troubleshoot posts")
def _(c):
    for k in ("L17", "L18"):
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


# ---------------- the shapes of blind52 and blind53 are rejected in the text ----------------
HISTORY_FENCE = ("\n\n```text\n  881  az acr show -n crsumac\n  882  az keyvault show -n kv-sumac\n"
                 "  883  az network private-endpoint list -g rg-sumac\n```\n")
ENV_FENCE = "\n\n```bash\nSEQ_REGISTRY=crsequoia\nSEQ_VAULT=kv-sequoia\nSEQ_REGIONS=3\n```\n"
simple("old shape: TL;DR line", "question shows blind52's shape tldr_summary",
       qrep("L20", "What is the supported way", "TL;DR: how do I get crcypress under our key?\n\nWhat is the supported way"))
simple("old shape: TL;DR line in an off-topic post", "question shows blind52's shape tldr_summary",
       lambda c: c.e("X1").__setitem__("question", c.e("X1")["question"] + "\n\ntl;dr can reprepro switch keys in place?"))
simple("old shape: shouting", "question shows blind52's shape caps_shouting",
       qrep("L21", "Is a geo-replicated registry", "I REALLY need this SETTLED. Is a geo-replicated registry"))
simple("old shape: typographic quotes", "question shows blind52's shape smart_punctuation",
       qrep("S6", "moving a", "\u201cmoving\u201d a"))
simple("old shape: en dash in a command", "question shows blind52's shape smart_punctuation",
       qrep("L24", "--kty RSA --size 3072", "\u2013kty RSA --size 3072"))
simple("old shape: --query expression", "question shows blind52's shape jmespath_query",
       qrep("L23", "Is a rotate-key", "az acr encryption show --query keyVaultProperties prints the old identity. Is a rotate-key"))
simple("old shape: anchored regex", "question shows blind52's shape regex_pattern",
       qrep("S10", "how often", "with gate `^https://[^/]+/keys/[^/]+$` how often"))
simple("old shape: shell history", "question shows blind53's shape shell_history",
       lambda c: c.e("L16").__setitem__("question", c.e("L16")["question"] + HISTORY_FENCE))
simple("old shape: env file", "question shows blind53's shape dotenv_file",
       lambda c: c.e("L21").__setitem__("question", c.e("L21")["question"] + ENV_FENCE))
simple("old shape: ANSI colour codes", "question shows blind53's shape ansi_escape_codes",
       qrep("A12", "the HSM firewall went on", "the \x1b[31mHSM firewall\x1b[0m went on"))
simple("old shape: strikethrough", "question shows blind53's shape strikethrough_correction",
       qrep("A9", "and keeps the identity", "and keeps ~~a new~~ the identity"))
simple("old shape: percent-encoded URI", "question shows blind53's shape percent_encoded_uri",
       qrep("S8", "secret uri", "https%3a%2f%2ffirhsm.managedhsm.azure.net%2fsecrets%2fx secret uri"))
simple("old shape: strikethrough in an off-topic question", "question shows blind53's shape strikethrough_correction",
       qrep("X11", "changing its password", "changing ~~the key~~ its password"))
simple("old shape inside a Jira code block (shell history)", "question shows blind53's shape shell_history",
       qrep("L6", "{code:bash}\n$ az keyvault set-policy",
            "{code:bash}\n  101  az keyvault show -n kv-aspen\n  102  az identity show -n id-aspen\n  103  az keyvault set-policy"))

@mut("GitHub Actions ${{ }} expressions are not Jira markup", "short question has 15 words", only=True)
def _(c):
    # a pasted workflow step with ${{ ... }} expressions must not count as Jira monospace (earlier sets pasted
    # such steps): only the planted over-long short question is reported
    c.e("L16")["question"] += ("\n\n```yaml\n- name: push sumac image\n  env:\n    SUMAC_TAG: ${{ github.sha }}\n"
                               "    SUMAC_REG: ${{ vars.SUMAC_REGISTRY }}\n```\n")
    qset("S12", S12_15)(c)


# ---------------- new shapes: a shape in the text needs its flag ----------------
simple("unflagged merge conflict", "question shows the shape merge_conflict_markers without its flag",
       mdel("L1", "merge_conflict_markers"))
simple("unflagged Jira markup", "question shows the shape jira_markup without its flag", mdel("L7", "jira_markup"))
simple("unflagged HTML entities", "question shows the shape html_entities without its flag", mdel("L11", "html_entities"))
simple("unflagged numbered sub-questions", "question shows the shape numbered_subquestions without its flag",
       mdel("A3", "numbered_subquestions"))
simple("unflagged token", "question shows the shape jwt_token without its flag", mdel("S3", "jwt_token"))
simple("token pasted into an off-topic question", "question shows the shape jwt_token without its flag",
       lambda c: c.e("X7").__setitem__("question", c.e("X7")["question"] + " Pasted: " + build54.TOKENS["S3"]))
simple("Jira markup in an off-topic question", "question shows the shape jira_markup without its flag",
       qrep("X10", "argocd: re-encrypt repo credentials", "{{argocd}}: re-encrypt {{repo credentials}}"))


# ---------------- merge_conflict_markers ----------------
def strip_conflict(key):
    def f(c):
        e = c.e(key)
        e["question"] = re.sub(r"(?m)^(<{7}|={7}|>{7}).*\n", "", e["question"])
    return f


simple("conflict: markers removed", "merge_conflict_markers needs a fence with a complete", strip_conflict("L2"))
simple("conflict: closing marker missing", "merge_conflict_markers needs a fence with a complete",
       qrep("L2", ">>>>>>> origin/main\n", ""))
simple("conflict: hunk outside a fence", "merge_conflict_markers needs a fence with a complete",
       lambda c: c.e("L3").__setitem__("question", c.e("L3")["question"].replace("```bicep\n", "").replace("```\n", "")))
simple("conflict: truth repeats no one-sided token", "merge_conflict_markers truth repeats no token that stands on only one side",
       trep_all("L2", "alderId.properties.clientId", "the origin/main line"))
simple("conflict: a token on both sides does not count", "merge_conflict_markers truth repeats no token that stands on only one side",
       qrep("L1", "<<<<<<< HEAD\n", "<<<<<<< HEAD\n    enabled            = true\n"))
simple("conflict: truth keeps a conflict marker", "merge_conflict_markers truth still holds a conflict marker",
       lambda c: c.e("L4").__setitem__("truth", c.e("L4")["truth"] + " Delete the <<<<<<< HEAD block."))
simple("conflict on a short item", "merge_conflict_markers must be a long post", mset("S12", "merge_conflict_markers", True))
simple("conflict used 4 times", "shape merge_conflict_markers used 4 times, want exactly 5",
       chain(mdel("L3", "merge_conflict_markers"), strip_conflict("L3")))
simple("conflict used 6 times", "shape merge_conflict_markers used 6 times, want exactly 5",
       mset("L20", "merge_conflict_markers", True))

# ---------------- jira_markup ----------------
def strip_jira(key):
    def f(c):
        e = c.e(key)
        q = re.sub(r"\{\{|\}\}", "", e["question"])
        e["question"] = re.sub(r"\{(code|noformat)(:[^}\n]*)?\}\n?", "", q)
    return f


simple("jira: markup removed", "jira_markup needs a {code}/{noformat} block or >= 2 {{monospace}} spans", strip_jira("L7"))
simple("jira: a single monospace span", "jira_markup needs a {code}/{noformat} block or >= 2",
       qrep("A1", "{{kv-myrtle}}", "kv-myrtle"))
simple("jira: a block but no monospace span", "jira_markup needs >= 1 {{monospace}} span",
       lambda c: c.e("L6").__setitem__("question", re.sub(r"\{\{|\}\}", "", c.e("L6")["question"])))
simple("jira: truth repeats no monospace span", "jira_markup truth repeats no {{monospace}} span",
       chain(trep_all("L6", "id-aspen", "the identity"), trep_all("L6", "kv-aspen", "the vault")))
simple("jira: truth keeps markup", "jira_markup truth still holds Jira markup",
       lambda c: c.e("L9").__setitem__("truth", c.e("L9")["truth"] + " ({{hornbeamhsm}})"))
simple("jira on any style: a short item is fine, the count is not", "shape jira_markup used 6 times, want exactly 5",
       chain(mset("S7", "jira_markup", True), qrep("S7", "acr without a cmk", "{{acr}} without a {{cmk}}"),
             lambda c: c.e("S7").__setitem__("truth", c.e("S7")["truth"] + " That holds for every acr.")))
simple("jira used 4 times", "shape jira_markup used 4 times, want exactly 5",
       chain(mdel("L7", "jira_markup"), strip_jira("L7")))

# ---------------- html_entities ----------------
simple("html: references decoded in the question", "html_entities needs >= 2 HTML character references",
       lambda c: c.e("A2").__setitem__("question", html.unescape(c.e("A2")["question"])))
simple("html: a single reference", "html_entities needs >= 2 HTML character references",
       qrep("S2", "identity-principal-id&gt;", "identity-principal-id>"))
simple("html: unknown entity names do not count", "html_entities needs >= 2 HTML character references",
       lambda c: c.e("S1").__setitem__("question", c.e("S1")["question"].replace("&quot;", "&qot;")))
simple("html: no entity-quoted span", "html_entities needs an entity-quoted span",
       qrep("S1", "fir-kek&quot;", "fir-kek&amp;"))
simple("html: truth keeps a reference", "html_entities truth still holds a character reference",
       lambda c: c.e("L10").__setitem__("truth", c.e("L10")["truth"] + " (the report shows &#39;wrap&#39;)"))
simple("html: truth repeats no span", "html_entities truth repeats no entity-quoted span",
       trep_all("A2", "azurerm_user_assigned_identity.laurel.principal_id", "the principal_id attribute"))
simple("html used 4 times", "shape html_entities used 4 times, want exactly 5",
       chain(mdel("S2", "html_entities"), qrep("S2", "&lt;identity-principal-id&gt;", "<identity-principal-id>")))
simple("html used 6 times", "shape html_entities used 6 times, want exactly 5", mset("L20", "html_entities", True))

# ---------------- numbered_subquestions ----------------
simple("subq: numbers removed", "numbered_subquestions needs >= 3 numbered sub-questions",
       lambda c: c.e("L13").__setitem__("question", re.sub(r"(?m)^[123]\) ", "", c.e("L13")["question"])))
simple("subq: only two sub-questions", "numbered_subquestions needs >= 3 numbered sub-questions",
       lambda c: c.e("L12").__setitem__("question", re.sub(r"(?m)^3\. .*\n", "", c.e("L12")["question"])))
simple("subq: a sub-question without ?", "numbered_subquestions needs >= 3 numbered sub-questions",
       qrep("L14", "for it?\n3.", "for it.\n3."))
simple("subq: numbers out of order", "numbered_subquestions needs >= 3 numbered sub-questions",
       chain(qrep("A3", "(2) what", "(9) what"), qrep("A3", "(3) in what", "(2) in what"), qrep("A3", "(9) what", "(3) what")))
simple("subq: truth misses an answer marker", "numbered_subquestions truth has no answer marker (3)",
       trep("L12", "(3) No, remove", "No, remove"))
simple("subq: truth answers out of order", "numbered_subquestions truth has no answer marker",
       chain(trep("A4", "(1)", "(x)"), trep("A4", "(2)", "(1)"), trep("A4", "(x)", "(2)")))
simple("subq on a short item", "numbered_subquestions must be a long post or an agent query",
       mset("S12", "numbered_subquestions", True))
simple("subq used 4 times", "shape numbered_subquestions used 4 times, want exactly 5",
       chain(mdel("L13", "numbered_subquestions"),
             lambda c: c.e("L13").__setitem__("question", re.sub(r"(?m)^[123]\) ", "", c.e("L13")["question"]))))
simple("subq used 6 times", "shape numbered_subquestions used 6 times, want exactly 5",
       mset("L20", "numbered_subquestions", True))

# ---------------- jwt_token ----------------
def alg_less_token(key):
    """The item's token with a header that names no algorithm (still base64url JSON)."""
    def f(c):
        tok_ = build54.TOKENS[key]
        h, p, s = tok_.split(".")
        h2 = build54._b64(json.dumps({"typ": "JWT"}, separators=(",", ":")).encode())
        c.q_rep(key, tok_, h2 + "." + p + "." + s)
    return f


simple("jwt: signature segment cut off", "jwt_token needs a pasted token whose header and payload decode",
       lambda c: c.q_rep("S3", build54.TOKENS["S3"], build54.TOKENS["S3"].rsplit(".", 1)[0]))
simple("jwt: header without alg", "jwt_token needs a pasted token whose header and payload decode",
       alg_less_token("S4"))
simple("jwt: payload that is not JSON", "jwt_token needs a pasted token whose header and payload decode",
       lambda c: c.q_rep("A6", build54.TOKENS["A6"].split(".")[1], "eyJub3QganNvbiBhdCBhbGw"))
simple("jwt: truth repeats part of the token", "jwt_token truth repeats part of the token",
       lambda c: c.e("A5").__setitem__("truth", c.e("A5")["truth"] + " (token " + build54.TOKENS["A5"][:40] + "...)"))
simple("jwt: truth gives the value without naming its claim", "jwt_token truth names no claim of the token together with its value",
       chain(trep("L15", "The oid claim, ", "The first GUID, "), trep("L15", "The appid claim, ", "The second GUID, ")))
simple("jwt: truth names a claim with a value the token doesn't hold", "jwt_token truth names no claim of the token together with its value",
       trep("S4", "1f6a3d8e-94c2-4b07-a5e1-c8d2f07b9e36", "1f6a3d8e-94c2-4b07-a5e1-c8d2f07b9e99"))
simple("jwt used 4 times", "shape jwt_token used 4 times, want exactly 5",
       chain(mdel("S3", "jwt_token"), lambda c: c.q_rep("S3", build54.TOKENS["S3"], "<token>")))
simple("jwt used 6 times", "shape jwt_token used 6 times, want exactly 5", mset("L20", "jwt_token", True))
simple("two new shapes on one item", "more than one new shape on one item", mset("L1", "jira_markup", True))

# ---------------- two_facts ----------------
simple("two_facts floor", "floor: shape two_facts 3 < 4",
       chain(mdel("L19", "two_facts"), lambda c: c.e("L19")["canonical"].pop(),
             lambda c: c.e("L19")["answer_facts"].pop(),
             mdel("L20", "two_facts"), lambda c: c.e("L20")["canonical"].pop(),
             lambda c: c.e("L20")["answer_facts"].pop()))


def run_check(d):
    env = dict(os.environ, BLIND54_DIR=d, BLIND54_KROOT=os.path.join(d, "k"), BLIND54_FACTS=os.path.join(d, "facts"))
    p = subprocess.run([sys.executable, os.path.join(HERE, "check54.py")], env=env, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def fresh(with_build):
    d = tempfile.mkdtemp(prefix="mut-", dir=HERE)
    for f in FILES:
        shutil.copy(os.path.join(HERE, f), d)
    shutil.copytree(os.path.join(HERE, "prev"), os.path.join(d, "prev"))
    shutil.copytree(KROOT, os.path.join(d, "k"))
    shutil.copytree(FACTS, os.path.join(d, "facts"))
    if with_build:
        shutil.copy(os.path.join(HERE, "build54.py"), d)
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
