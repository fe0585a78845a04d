"""blind55 mutation driver. Each mutation runs on a fresh temp copy (inside blind55/) of the set, prev/,
the knowledge and the fact sheets; it counts as caught only when check55.py exits 1 and prints the
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
KROOT = os.environ.get("BLIND55_KROOT", "/work/scratch/kstripped")
FACTS = os.environ.get("BLIND55_FACTS", "/work/shared/facts")
sys.path.insert(0, HERE)
import build55  # noqa: E402
import check55  # noqa: E402
import kparse  # noqa: E402

SET = "blind55"
FILES = (SET + ".json", SET + "-meta.json", SET + "-first-canonicals.txt")
_entries, _meta = build55.build()
_byq = {q["question"]: q["key"] for q in build55.QUESTIONS}
ID = {_byq[e["question"]]: e["id"] for e in _entries}
SCENARIO_SECTION = next("acr-cmk/" + k if not k.startswith("acr-cmk/") else k
                        for k in kparse.parse_all(KROOT) if "scenarios/" in k)
P = build55.ID_PREFIX


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
            for n in check55.SPREAD_SETS:
                fp = os.path.join(self.d, "prev", "blind%d-first-canonicals.txt" % n)
                firsts[n] = {x.strip() for x in open(fp, encoding="utf-8") if x.strip()} if os.path.exists(fp) else set()
            self.m["_set"] = check55.set_summary(self.j, self.m, firsts)
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
for pfx in ("j", "i", "h", "g", "f", "e", "d", "c", "b", "a", "m", "z"):
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
simple("rebuild: json truth edited", "rebuild differs from blind55.json",
       lambda c: c.j[0].__setitem__("truth", c.j[0]["truth"] + " Extra."), True)
simple("rebuild: meta edited", "rebuild differs from blind55-meta.json",
       lambda c: c.m[P + "001"].__setitem__("qual", "none" if c.m[P + "001"]["qual"] != "none" else "asked"), True)


@mut("rebuild: same content, other JSON layout (byte compare)", "rebuild differs from blind55.json", True)
def _(c):
    # content unchanged, only the serialisation differs: caught by the byte comparison alone
    def save():
        with open(os.path.join(c.d, FILES[0]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(c.j, indent=2, ensure_ascii=False) + "\n")
        with open(os.path.join(c.d, FILES[1]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(c.m, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    c.save = save


@mut("rebuild: a traceback frame's line number changed (byte compare)", "rebuild differs from blind55.json", True)
def _(c):
    # still a complete traceback for the lexical rules (header, frames, exception line), but no longer what
    # build55.py writes
    c.q_rep("L2", 'grant.py", line 88, in <module>', 'grant.py", line 89, in <module>')


@mut("rebuild: first-canonical list edited", "rebuild differs from blind55-first-canonicals.txt", True)
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


simple("first-canonical list missing", "blind55-first-canonicals.txt missing",
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
       set_edit(lambda s: s["new_shapes"]["details_block"].pop()))
simple("_set: spread count inflated", "meta: _set summary does not match",
       set_edit(lambda s: s["spread"].__setitem__("new_against_blind54_and_blind53", 49)))
simple("_set: spread floors changed", "meta: _set summary does not match",
       set_edit(lambda s: s["spread"].__setitem__("floors", [30, 20])))
simple("_set: typo moved to another id", "meta: _set summary does not match",
       set_edit(lambda s: s["typos"].__setitem__("succesful", ID["S9"])))
simple("_set: off-topic subject renamed", "meta: _set summary does not match",
       set_edit(lambda s: s["off_topic_subjects"].__setitem__(ID["X1"], "longhorn")))
simple("_set: stale after a flag change", "meta: _set summary does not match",
       raw(mdel("L2", "python_traceback")))


def add_my_first_to_blind54_list(c):
    # one of this set's first canonicals now also counts as a blind54 first: the spread figures in _set go stale
    c.raw_set = True
    p = os.path.join(c.d, "prev", "blind54-first-canonicals.txt")
    lines = [x for x in open(p, encoding="utf-8") if x.strip()]
    lines[-1] = c.e("L22")["canonical"][0] + "\n"
    open(p, "w", encoding="utf-8").writelines(lines)


simple("_set: stale after a prev first-canonical list changed", "meta: _set summary does not match",
       add_my_first_to_blind54_list)

# ---------------- dropped flags and fields (the shape flags of blind52, blind53 and blind54 included) -------------
_SPECIAL = {"field": "bypass", "wrong": "--kek-uri", "other": ["AWS"], "premise": "x"}
for fld in check55.DROPPED_FIELDS:
    simple("dropped/unknown field %s" % fld, "unknown field %r" % fld, mset("L21", fld, _SPECIAL.get(fld, True)))

# ---------------- facts and answer facts ----------------
simple("answer_fact not in canonical", "answer_fact not in first canonical",
       lambda c: c.e("L23")["answer_facts"].__setitem__(0, "the hsm replicates across regions"))
simple("answer_fact only in a related section", "answer_fact not in first canonical",
       lambda c: c.e("L21")["answer_facts"].__setitem__(0, "key vault refuses every cryptographic operation"))
simple("answer_fact added from a related section", "answer_fact not in first canonical",
       lambda c: c.e("L14")["answer_facts"].append("no way to turn it on afterwards"))
simple("answer_fact over 7 words", "answer_fact over 7 words",
       lambda c: c.e("A5")["answer_facts"].__setitem__(1, "needs the role key vault crypto service encryption"))
simple("fact not in any section", "fact not in a canonical or related section",
       lambda c: c.e("S2")["facts"].__setitem__(0, "a private endpoint blocks trusted services"))
simple("empty answer_facts", "no answer_facts", eset("S6", "answer_facts", []))
simple("empty facts", "no facts", eset("S6", "facts", []))
simple("two_facts with both facts in the first canonical", "two_facts needs one answer_fact only in each",
       lambda c: c.e("L24")["answer_facts"].__setitem__(1, "overview recommends leaving the version out"))
simple("two_facts fact in neither canonical", "answer_fact not in either canonical",
       lambda c: c.e("L22")["answer_facts"].__setitem__(0, "the registry recreates the grant"))
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
       lambda c: c.e("S8").__setitem__("truth", "No: " + c.e("S8")["truth"][5:]))
simple("no truth without No", "no truth must open 'No: '",
       lambda c: c.e("L20").__setitem__("truth", c.e("L20")["truth"][4:]))
simple("undocumented truth without verdict", "undocumented truth must open 'Not documented'",
       lambda c: c.e("A11").__setitem__("truth", c.e("A11")["truth"][16:]))
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
simple("kind count broken", "kind howto count 13", mset("L22", "kind", "why"))
simple("kind group missing from a style", "kind group yes/no missing from style agent",
       chain(mset("A12", "kind", "value"),
             tset("A12", "Deleting the key removes every version at once; the October 2026 revision of the tutorial shows that form.")))
simple("category above 9", "category hsm count 10",
       chain(eset("L21", "category", "hsm"), eset("L23", "category", "hsm"), eset("L24", "category", "hsm")))
simple("category below 2", "category troubleshooting count 1",
       chain(eset("S1", "category", "keys"), eset("A3", "category", "keys")))

# ---------------- style rules ----------------
S10_15 = "why bother with a cmk on our acr if the images are already encrypted anyway?"
simple("long post too short", "long question length", qset("L22", "Is the HSM firewall fine for a new registry?"))
simple("long post too long", "long question length",
       lambda c: c.e("L22").__setitem__("question", c.e("L22")["question"] + (" Some more background here." * 60)))
simple("short question of 15 words", "short question has 15 words", qset("S10", S10_15))
simple("short question on two lines", "short question spans lines", qrep("S9", " supported", "\nsupported"))
simple("agent query of 50 words", "agent query has",
       lambda c: c.e("A8").__setitem__("question", c.e("A8")["question"] + " please" + " also" * 30))
simple("agent query on two lines", "agent query spans lines", qrep("A10", " Question:", "\nQuestion:"))
simple("agent query with a fence", "agent query spans lines", qrep("A10", " Question:", " ```x``` Question:"))
simple("context form without Context:", "context form must open with 'Context:'",
       lambda c: c.e("A10").__setitem__("question", c.e("A10")["question"][len("Context: "):]))
simple("imperative form without verb", "imperative form must open with an imperative verb",
       qrep("A7", "List what", "I need to know what"))
simple("keywords form opening uppercase", "keywords form must open lowercase",
       lambda c: c.e("A11").__setitem__("question", "H" + c.e("A11")["question"][1:]))
simple("keywords form with ?", "keywords form must open lowercase",
       lambda c: c.e("A11").__setitem__("question", c.e("A11")["question"] + "?"))
simple("form on a short item", "form on a non-agent item", mset("S9", "form", "keywords"))
simple("agent forms miscounted", "on-topic agent form context count 4",
       chain(mset("A10", "form", "imperative"), qrep("A10", "Context: I'm writing", "Explain: I'm writing")))
simple("off-topic agent forms miscounted", "off-topic agent form keywords count 0",
       chain(mset("X9", "form", "imperative"),
             lambda c: c.e("X9").__setitem__("question", "Explain " + c.e("X9")["question"])))


@mut("three short questions not lowercase", "short questions not lowercase (max 2)")
def _(c):
    for k in ("S5", "S6"):
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
       chain(mset("L21", "quals", ["hsm"]), mset("L21", "qual", "story")))
simple("iac qualifier without a tool", "iac qualifier but no portal/Terraform/Bicep/ARM/AVM",
       chain(mset("S8", "quals", ["iac"]), mset("S8", "qual", "story")))
simple("October 2026 truth without Managed HSM", "October 2026 truth names neither",
       tset("S12", "It differs between clouds: take the host from hsmUri rather than typing it, then add /keys/<key>."))
simple("qual asked recorded as story", "qual is 'story', should be 'asked'", mset("L3", "qual", "story"))
simple("quals without qual none", "qual is 'asked', should be 'none'", mset("L24", "qual", "asked"))
simple("unknown qualifier", "bad quals", mset("L3", "quals", ["hsm", "oct2026", "k8s"]))


def drop_qual(mm, x, q):
    mm["quals"] = [v for v in mm["quals"] if v != q]
    ask = build55.ask_part(x["question"])
    hit = ("hsm" in mm["quals"] and build55.HSM_RE.search(ask)) or ("iac" in mm["quals"] and build55.IAC_RE.search(ask))
    mm["qual"] = "none" if not mm["quals"] else ("asked" if hit else "story")


@mut("Managed HSM asked floor", "floor: Managed HSM asked")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "hsm" in mm.get("quals", []) and build55.HSM_RE.search(build55.ask_part(x["question"])):
            n += 1
            if n > 9:
                drop_qual(mm, x, "hsm")


@mut("Managed HSM asked in too few ways (qualifiers dropped)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    # L12 is the only "which key/version" ask, A7 the only scope ask
    for k in ("L12", "A7"):
        drop_qual(c.meta(k), c.e(k), "hsm")


@mut("Managed HSM asked in too few ways (asks reworded)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    # A8 is the only revocation ask, L12 the only "which key/version" ask
    c.q_rep("A8", "for a revocation drill on crmegrez", "for a lock-out drill on crmegrez")
    c.q_rep("L12", "and which key version will cralcor end up using if I pick the key here",
            "and where will cralcor's encryption point if I pick the key here")


@mut("iac named floor", "floor: portal/Terraform/Bicep/ARM/AVM named")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "iac" in mm.get("quals", []) and n < 3:
            drop_qual(mm, x, "iac")
            n += 1


@mut("October 2026 floor", "floor: October 2026")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "oct2026" in mm.get("quals", []) and n < 6:
            mm["quals"] = [q for q in mm["quals"] if q != "oct2026"]
            n += 1


# ---------------- spread and per-doc ----------------
@mut("spread against blind54", "first canonicals new against blind54 (floor 40)")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind54-first-canonicals.txt")) if x.strip()]
    firsts = list(dict.fromkeys(firsts))
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < 9 and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [firsts[n]]
            x["related"] = [r for r in x["related"] if r != firsts[n]] or [firsts[n + 20]]
            n += 1


@mut("spread against blind54 and blind53", "first canonicals new against blind54 and blind53 (floor 30)")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind53-first-canonicals.txt")) if x.strip()]
    b54 = {x.strip() for x in open(os.path.join(c.d, "prev", "blind54-first-canonicals.txt"))}
    pool = [f for f in dict.fromkeys(firsts) if f not in b54]
    mine = {x["canonical"][0] for x in c.j if x["canonical"]}
    pool = [f for f in pool if f not in mine]
    if len(pool) < 19:
        raise AssertionError("setup: only %d blind53-only firsts" % len(pool))
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < 19 and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [pool[n]]
            x["related"] = [r for r in x["related"] if r != pool[n]] or ["acr-cmk/references/overview.md#requirements-at-a-glance"]
            n += 1


simple("troubleshooting doc above 8", "first canonical doc troubleshooting count 9",
       lambda c: c.e("L21")["canonical"].__setitem__(0, "acr-cmk/references/troubleshooting.md#cmk-needs-the-premium-tier"))
simple("identities doc below 2", "first canonical doc identities count 1",
       lambda c: c.e("L15")["canonical"].__setitem__(
           0, "acr-cmk/references/key-rotation.md#manual-rotation-with-az-acr-encryption-rotate-key"))
simple("blind54 first-canonical list missing", "first-canonical list missing: blind54",
       lambda c: os.remove(os.path.join(c.d, "prev", "blind54-first-canonicals.txt")))
simple("blind53 first-canonical list missing", "first-canonical list missing: blind53",
       lambda c: os.remove(os.path.join(c.d, "prev", "blind53-first-canonicals.txt")))


@mut("blind53 first-canonical list cut to 47", "blind53 has 47 lines")
def _(c):
    p = os.path.join(c.d, "prev", "blind53-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:47])


@mut("blind54 first-canonical list cut to 40", "blind54 has 40 lines")
def _(c):
    p = os.path.join(c.d, "prev", "blind54-first-canonicals.txt")
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


simple("typo planted in blind20", "typo 'accidently' already used in blind19-54", plant_prev(20, "accidently"))
simple("typo planted in blind41", "typo 'seperately' already used in blind19-54", plant_prev(41, "seperately"))
simple("typo planted in blind48", "typo 'succesful' already used in blind19-54", plant_prev(48, "succesful"))
simple("typo planted in blind54", "typo 'accidently' already used in blind19-54", plant_prev(54, "accidently"))
simple("typo planted in a blind54 truth", "typo 'seperately' already used in blind19-54", plant_prev_truth(54, "seperately"))
simple("typo planted in a blind25 truth", "typo 'succesful' already used in blind19-54", plant_prev_truth(25, "succesful"))
simple("typo moved to an off-topic short", "typo must sit in a short on-topic question",
       chain(mdel("S5", "typo"), qrep("S5", "accidently", "accidentally"), mset("X10", "typo", "accidently"),
             qrep("X10", "database?", "database, accidently?")))
simple("typo fixed in the question", "typo 'seperately' not in the question", qrep("S6", "seperately", "separately"))
simple("unrecorded typo in another question", "unrecorded typo 'succesful'",
       qrep("S9", "supported or not", "succesful or not"))
simple("typo used twice", "typo 'succesful' used 2 times",
       chain(mset("S9", "typo", "succesful"), qrep("S9", "supported or not", "succesful or not")))
simple("unknown typo word", "not in the set's typo list",
       chain(mset("S5", "typo", "accidentli"), qrep("S5", "accidently", "accidentli")))
simple("typo on a long item", "typo must sit in a short on-topic question",
       chain(mdel("S6", "typo"), qrep("S6", "seperately", "separately"), mset("L16", "typo", "seperately"),
             qrep("L16", "kv-naos is an access-policy vault", "kv-naos, kept seperately, is an access-policy vault")))


@mut("typo added to the knowledge", "typo 'accidently' stands in the knowledge or facts")
def _(c):
    p = c.kfile("acr-cmk/references/overview.md")
    open(p, "a").write("\naccidently\n")


@mut("typo added to the fact sheets", "typo 'seperately' stands in the knowledge or facts")
def _(c):
    p = os.path.join(c.d, "facts", "cmk-facts-2026-10.md")
    os.chmod(p, 0o644)
    open(p, "a").write("\nseperately\n")


# ---------------- copying ----------------
L21_START = "Our key-management standard puts"
simple("knowledge 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L21", L21_START, "The registry cannot unwrap its data without the key, and " + L21_START))
simple("fact-sheet 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L21", L21_START, "We wonder whether this revision is already live on Learn, and " + L21_START))
simple("knowledge command line inside a fence", "12-token run (fences included) shared with knowledge/facts",
       qrep("L24", "jq -r .key.kid\n",
            'jq -r .key.kid\naz keyvault role assignment create --hsm-name "$HSM_NAME" --role "Managed HSM Crypto Service Encryption User" --assignee-object-id "$PRINCIPAL_ID" --assignee-principal-type MSI --scope "/keys/$KEY_NAME"\n'))
simple("pasted error moved into prose", "8-token run shared with knowledge/facts",
       qrep("L21", L21_START, "The CLI said Cannot set policies to a vault with '--enable-rbac-authorization' set. " + L21_START))
simple("fence with knowledge prose", "12-token run (fences included)",
       qrep("L24", "jq -r .key.kid\n",
            "jq -r .key.kid\nthe registry cannot unwrap its data without the key so deleting the key store\n"))
simple("knowledge command inside a collapsed details section (12-token rule)",
       "12-token run (fences included) shared with knowledge/facts",
       qrep("L6", "id-castor-enc\n```",
            'id-castor-enc\naz keyvault set-policy --name "$KEY_VAULT_NAME" --resource-group "$RESOURCE_GROUP" --object-id "$PRINCIPAL_ID" --key-permissions get unwrapKey wrapKey\n```'))
simple("knowledge prose in a traceback's exception line (12-token rule)",
       "12-token run (fences included) shared with knowledge/facts",
       qrep("L5", "You need to either recover or purge existing key vault.",
            "the registry cannot unwrap its data without the key so deleting the key store"))
simple("blind30 8-token run", "8-token run shared with blind19-54",
       lambda c: c.e("L21").__setitem__("question", c.e("L21")["question"] + " " + prevq(30, 8)(c)[:120]))
simple("blind41 8-token run", "8-token run shared with blind19-54",
       lambda c: c.e("L21").__setitem__("question", c.e("L21")["question"] + " " + prevq(41, 3)(c)[:150]))
simple("blind54 8-token run", "8-token run shared with blind19-54",
       lambda c: c.e("L21").__setitem__("question", c.e("L21")["question"] + " " + prevq(54, 2)(c)[:150]))


def clean_prev_truth(n):
    """The first 200 characters of the first on-topic blind<n> truth whose opening shares no 8-token run with the
    knowledge or the fact sheets (so that only the prev-truth rule can fire)."""
    def get(c):
        src = check55.grams(check55.toks(kparse.all_text(os.path.join(c.d, "k")) + "\n" +
                                         kparse.all_text(os.path.join(c.d, "facts"))), 8)
        for e in json.load(open(os.path.join(c.d, "prev", "blind%d.json" % n), encoding="utf-8")):
            t = e["truth"][:200]
            if len(e["truth"]) >= 250 and not e["truth"].startswith("Not covered") and \
                    not check55.grams(check55.toks(t), 8) & src:
                return t
        raise AssertionError("setup: no clean blind%d truth" % n)
    return get


simple("blind54 truth copied into a question", "8-token run shared with a blind19-54 truth",
       lambda c: c.e("L21").__setitem__("question", c.e("L21")["question"] + " " + clean_prev_truth(54)(c)))
simple("blind33 truth copied into a question", "8-token run shared with a blind19-54 truth",
       lambda c: c.e("L24").__setitem__("question", c.e("L24")["question"] + " " + clean_prev_truth(33)(c)))


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


simple("blind54 question repeated", "Jaccard > 0.6 with blind54",
       lambda c: c.e("A9").__setitem__("question", own_prev(54, "question")(c)))
simple("blind53 question repeated", "Jaccard > 0.6 with blind53",
       lambda c: c.e("A10").__setitem__("question", own_prev(53, "question")(c)))
simple("blind46 question repeated", "Jaccard > 0.6 with blind46",
       lambda c: c.e("S9").__setitem__("question", own_prev(46, "question")(c)))
simple("blind54 truth repeated", "truth Jaccard > 0.6 with blind54",
       lambda c: c.e("S10").__setitem__("truth", own_prev(54, "truth")(c)))
simple("off-topic truth close to an earlier truth", "truth Jaccard > 0.6 with blind",
       tset("X11", "Not covered: resetting a Navidrome password is outside the ACR customer-managed key knowledge."))
simple("off-topic truth copied from blind54", "truth Jaccard > 0.6 with blind",
       lambda c: c.e("X12").__setitem__("truth", next(
           e["truth"] for e in json.load(open(os.path.join(c.d, "prev", "blind54.json"), encoding="utf-8"))
           if e["truth"].startswith("Not covered"))))
simple("near-duplicate inside the set", "Jaccard > 0.6 with",
       lambda c: c.e("A9").__setitem__("question", c.e("A11")["question"].replace("description wanted", "description please")))
simple("truth copies a knowledge sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("L21").__setitem__("truth", c.e("L21")["truth"] + " Soft delete alone keeps deleted keys and vaults recoverable, but someone with purge rights can still destroy them permanently before the retention period ends."))
simple("truth copies a fact-sheet sentence", "truth copies a knowledge/fact sentence",
       lambda c: c.e("A6").__setitem__("truth", c.e("A6")["truth"] + " Whether this revision is already live on Learn was not checked."))
simple("question copies a knowledge sentence", "question copies a knowledge/fact sentence",
       qrep("L21", L21_START, "Registries without a CMK are still encrypted at rest with Microsoft-managed keys. " + L21_START))
simple("question echoes a heading", "question echoes a heading",
       qrep("L21", L21_START, "Versioned and versionless key IDs, the wiki says. " + L21_START))


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
    old = "The vault name stays reserved"
    if s.count(old) != 1:
        raise AssertionError("setup: text not once in revocation-and-recovery.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "The name of the vault stays reserved"))


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
simple("blind53 prev file missing", "prev file missing: blind53.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind53.json")))
simple("blind54 prev file missing", "prev file missing: blind54.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind54.json")))

# ---------------- off-topic ----------------
simple("banned blind54 subject", "banned off-topic subject 'seafile'",
       chain(mset("X11", "subject", "seafile"), qset("X11", "seafile: can i move a library to another server?")))
simple("banned blind54 extra name", "banned off-topic subject 'containerd'",
       chain(mset("X11", "subject", "containerd"), qset("X11", "containerd: where are pulled layers stored on disk?")))
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
X8_TAIL = "and which jobs pick up the new value"
simple("blind54 subject in another question", "off-topic question names banned 'nats'",
       qrep("X8", X8_TAIL, "(as we did for nats) " + X8_TAIL))
simple("blind54 extra name in another question", "off-topic question names banned 'argo cd'",
       qrep("X8", X8_TAIL, "(Argo CD reads them too) " + X8_TAIL))
simple("blind53 subject in another question", "off-topic question names banned 'istio'",
       qrep("X8", X8_TAIL, "(as we did for istio) " + X8_TAIL))
simple("blind52 subject in another question", "off-topic question names banned 'atlantis'",
       qrep("X8", X8_TAIL, "(as we did for atlantis) " + X8_TAIL))
simple("blind28 subject in another question", "off-topic question names banned 'payment hsm'",
       qrep("X8", X8_TAIL, "(the Payment HSM team asked too) " + X8_TAIL))
simple("subject planted in blind33", "subject 'connaisseur' used in blind19-54", plant_prev(33, "connaisseur"))
simple("subject planted in blind54", "subject 'duplicity' used in blind19-54", plant_prev(54, "duplicity"))
simple("subject not in question", "subject 'duplicity' not in the question",
       qset("X12", "the librsync-based backup tool, switching to a new encryption key without a full backup"))
simple("earlier off-topic product named (capitalised, blind27)", "repeats an earlier off-topic subject word: verdaccio",
       qrep("X8", X8_TAIL, "the way we once did for Verdaccio, " + X8_TAIL))
simple("earlier off-topic product named (lowercase short, blind25)", "repeats an earlier off-topic subject word: sops",
       qset("X11", "fscrypt: can i change a protector's passphrase like sops does?"))
simple("earlier off-topic word from blind51 outside the ban list", "repeats an earlier off-topic subject word: secret-key",
       qrep("X9", "rotate the password", "rotate the secret-key"))
simple("earlier off-topic word from blind54 outside the ban list", "repeats an earlier off-topic subject word: gitops",
       qrep("X6", "We build bootable", "As part of our GitOps flow, we build bootable"))
simple("off-topic subject word planted in an earlier off-topic truth", "repeats an earlier off-topic subject word: sqlcipher",
       plant_prev_offtopic_truth(40, "Compare Sqlcipher."))
simple("banned key word in off-topic", "off-topic question names banned 'kubernetes'",
       qrep("X1", "Deployments in our clusters", "Deployments in our Kubernetes clusters"))
simple("banned key word kms", "off-topic question names banned 'kms'",
       qrep("X2", "sit in an encrypted data bag", "sit in an encrypted data bag (wrapped by our kms)"))
simple("near_miss on an agent item", "near_miss only on long off-topic posts", mset("X7", "near_miss", True))
simple("near-miss floor", "floor: near misses", chain(mdel("X1", "near_miss"), mdel("X2", "near_miss")))


@mut("off-topic story floor", "floor: long off-topic registry+key stories")
def _(c):
    for k in ("X5", "X6"):
        e = c.e(k)
        e["question"] = re.sub(r"\bregistr\w*", "service", e["question"], flags=re.I)


simple("off-topic subject missing", "off-topic subject missing", mdel("X6", "subject"))
simple("shape flag on off-topic", "shape flag details_block on an off-topic item", mset("X6", "details_block", True))
simple("subject on an on-topic item", "subject/near_miss on an on-topic item", mset("L22", "subject", "x"))


# ---------------- long measures ----------------
@mut("fenced long floor", "floor: fenced long posts")
def _(c):
    for k in ("L16", "L17", "L18", "L19", "L20", "L21"):
        e = c.e(k)
        e["question"] = e["question"].replace("```text", "").replace("```", "")


@mut("a fence inside a collapsed details section still counts (floor kept)", "short question has 15 words", only=True)
def _(c):
    # the five details_block items keep their fences inside <details>: they count as fenced long posts, so taking
    # the fences out of four plain posts (19 - 4 = 15 >= 14) changes nothing; only the planted short is reported
    for k in ("L16", "L17", "L18", "L21"):
        e = c.e(k)
        e["question"] = e["question"].replace("```text\n", "    ").replace("\n```", "")
    qset("S10", S10_15)(c)


@mut("fenced troubleshoot floor", "floor: fenced long troubleshoot posts")
def _(c):
    for k in ("L6", "L8", "L9", "L13", "L19"):
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


# ---------------- the shapes of blind52, blind53 and blind54 are rejected in the text ----------------
HISTORY_FENCE = ("\n\n```text\n  881  az acr show -n crnaos\n  882  az keyvault show -n kv-naos\n"
                 "  883  az keyvault key list --vault-name kv-naos\n```\n")
ENV_FENCE = "\n\n```bash\nADH_REGISTRY=cradhara\nADH_VAULT=kv-adhara\nADH_KEY=adhara-kek\n```\n"
CONFLICT_FENCE = ("\n\n```bash\n<<<<<<< HEAD\nKEY=naos-kek\n=======\nKEY=naos-kek-2027\n>>>>>>> next-key\n```\n")


def _b64(obj):
    return base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode()).decode().rstrip("=")


FAKE_TOKEN = (_b64({"typ": "JWT", "alg": "RS256"}) + "." + _b64({"oid": "5b2e9f13-6c84-4d07-9e1a-3f8c7b0d2a61",
                                                                  "aud": "https://vault.azure.net"})
              + ".c2lnbmF0dXJlLW5vdC1yZWFs")
simple("old shape: TL;DR line", "question shows blind52's shape tldr_summary",
       qrep("L14", "What should it enforce", "TL;DR: what should the form enforce?\n\nWhat should it enforce"))
simple("old shape: TL;DR line in an off-topic post", "question shows blind52's shape tldr_summary",
       lambda c: c.e("X1").__setitem__("question", c.e("X1")["question"] + "\n\ntl;dr can connaisseur trust two keys?"))
simple("old shape: shouting", "question shows blind52's shape caps_shouting",
       qrep("L21", "Does Microsoft say", "I REALLY need this SETTLED. Does Microsoft say"))
simple("old shape: typographic quotes", "question shows blind52's shape smart_punctuation",
       qrep("S6", "zone redundancy", "\u201czone redundancy\u201d"))
simple("old shape: en dash in a command", "question shows blind52's shape smart_punctuation",
       qrep("L24", "--vault-name kv-menkar", "\u2013vault-name kv-menkar"))
simple("old shape: --query expression", "question shows blind52's shape jmespath_query",
       qrep("L20", "Nothing gets replaced", "az acr encryption show --query status prints disabled. Nothing gets replaced"))
simple("old shape: anchored regex", "question shows blind52's shape regex_pattern",
       qrep("S11", "is the open-vault", "with gate `^https://[^/]+/keys/[^/]+$` is the open-vault"))
simple("old shape: shell history", "question shows blind53's shape shell_history",
       lambda c: c.e("L16").__setitem__("question", c.e("L16")["question"] + HISTORY_FENCE))
simple("old shape: env file", "question shows blind53's shape dotenv_file",
       lambda c: c.e("L21").__setitem__("question", c.e("L21")["question"] + ENV_FENCE))
simple("old shape: ANSI colour codes", "question shows blind53's shape ansi_escape_codes",
       qrep("A9", "versionedKeyIdentifier still", "\x1b[33mversionedKeyIdentifier\x1b[0m still"))
simple("old shape: strikethrough", "question shows blind53's shape strikethrough_correction",
       qrep("A7", "and at which scope", "and at ~~what~~ which scope"))
simple("old shape: percent-encoded URI", "question shows blind53's shape percent_encoded_uri",
       qrep("S12", "managed hsm key uri", "https%3a%2f%2fnunkihsm.managedhsm.azure.net%2fkeys%2fx managed hsm key uri"))
simple("old shape: strikethrough in an off-topic question", "question shows blind53's shape strikethrough_correction",
       qrep("X11", "change a protector's", "change ~~the key~~ a protector's"))
simple("old shape inside a collapsed details section (shell history)", "question shows blind53's shape shell_history",
       qrep("L6", "$ docker pull",
            "  101  az acr show -n crcastor\n  102  az acr identity show -n crcastor\n  103  docker pull"))
simple("old shape: merge conflict markers", "question shows blind54's shape merge_conflict_markers",
       lambda c: c.e("L16").__setitem__("question", c.e("L16")["question"] + CONFLICT_FENCE))
simple("old shape: Jira monospace spans", "question shows blind54's shape jira_markup",
       qrep("L21", "adhara-kek in kv-adhara", "{{adhara-kek}} in {{kv-adhara}}"))
simple("old shape: Jira code block in a details section", "question shows blind54's shape jira_markup",
       qrep("L8", "```text\n$ az keyvault key show", "{code}\n{code}\n```text\n$ az keyvault key show"))
simple("old shape: HTML character references", "question shows blind54's shape html_entities",
       qrep("S8", "trusted services", "&quot;trusted services&quot;"))
simple("old shape: numbered sub-questions", "question shows blind54's shape numbered_subquestions",
       lambda c: c.e("L22").__setitem__("question", c.e("L22")["question"] +
                                         "\n\n1. Who runs the key step? 2. From which network? 3. When is the grant made?"))
simple("old shape: access token", "question shows blind54's shape jwt_token",
       lambda c: c.e("X7").__setitem__("question", c.e("X7")["question"] + " Pasted: " + FAKE_TOKEN))
simple("old shape: Jira markup in an off-topic question", "question shows blind54's shape jira_markup",
       qrep("X10", "sqlcipher: how do i rekey", "{{sqlcipher}}: how do i {{rekey}}"))


@mut("GitHub Actions ${{ }} expressions are not Jira markup", "short question has 15 words", only=True)
def _(c):
    # a pasted workflow step with ${{ ... }} expressions must not count as blind54's Jira monospace (earlier sets
    # pasted such steps): only the planted over-long short question is reported
    c.e("L16")["question"] += ("\n\n```yaml\n- name: push naos image\n  env:\n    NAOS_TAG: ${{ github.sha }}\n"
                               "    NAOS_REG: ${{ vars.NAOS_REGISTRY }}\n```\n")
    qset("S10", S10_15)(c)


# ---------------- new shapes: a shape in the text needs its flag ----------------
simple("unflagged traceback", "question shows the shape python_traceback without its flag",
       mdel("L1", "python_traceback"))
simple("unflagged details section", "question shows the shape details_block without its flag",
       mdel("L7", "details_block"))
simple("unflagged screenshot", "question shows the shape screenshot_embed without its flag",
       mdel("L11", "screenshot_embed"))
simple("unflagged double-encoded JSON", "question shows the shape double_encoded_json without its flag",
       mdel("A3", "double_encoded_json"))
simple("unflagged escaped Markdown", "question shows the shape escaped_markdown without its flag",
       mdel("S3", "escaped_markdown"))
simple("traceback pasted into an off-topic question", "question shows the shape python_traceback without its flag",
       lambda c: c.e("X1").__setitem__("question", c.e("X1")["question"] +
                                         '\n\n```text\nTraceback (most recent call last):\n  File "roll.py", line 3, in <module>\n'
                                         '    main()\nRuntimeError: no trust root\n```'))
simple("details section in an off-topic question", "question shows the shape details_block without its flag",
       lambda c: c.e("X2").__setitem__("question", c.e("X2")["question"] +
                                         "\n\n<details>\n<summary>knife output</summary>\n\nERROR: bad decrypt\n\n</details>"))
simple("screenshot pasted into an off-topic question", "question shows the shape screenshot_embed without its flag",
       lambda c: c.e("X7").__setitem__("question", c.e("X7")["question"] +
                                         " ![proxy settings page](https://github.com/user-attachments/assets/7d1e0f3a-5b2c-4c8d-9e6f-0a1b2c3d4e5f)"))
simple("double-encoded JSON in an off-topic question", "question shows the shape double_encoded_json without its flag",
       lambda c: c.e("X8").__setitem__("question", c.e("X8")["question"] +
                                         ' "{\\"context\\":\\"registry-push\\",\\"status\\":\\"stale\\"}"'))
simple("escaped Markdown in an off-topic question", "question shows the shape escaped_markdown without its flag",
       qrep("X11", "a protector's passphrase", "a protector\\_id's pass\\_phrase"))


# ---------------- python_traceback ----------------
def strip_tb(key):
    """Remove the traceback header and every frame line (with its source line) of an item."""
    def f(c):
        e = c.e(key)
        lines = e["question"].split("\n")
        out, skip = [], False
        for line in lines:
            if line.startswith("Traceback (most recent call last):"):
                continue
            if re.match(r'^\s+File "', line):
                skip = True
                continue
            if skip and line.startswith("    "):
                skip = False
                continue
            skip = False
            out.append(line)
        e["question"] = "\n".join(out)
    return f


simple("traceback: header removed", "python_traceback needs a fence with a traceback header",
       qrep("L2", "Traceback (most recent call last):\n", ""))
simple("traceback: frames removed", "python_traceback needs a fence with a traceback header",
       lambda c: c.e("L3").__setitem__("question", re.sub(r'(?m)^  File "[^\n]*\n', "", c.e("L3")["question"])))
simple("traceback: exception line missing", "python_traceback needs a fence with a traceback header",
       lambda c: c.e("L4").__setitem__("question", re.sub(r"(?m)^azure\.core\.exceptions\.HttpResponseError: .*\n", "",
                                                          c.e("L4")["question"])))
simple("traceback: exception line indented", "python_traceback needs a fence with a traceback header",
       qrep("L5", "azure.core.exceptions.ResourceExistsError:", "    azure.core.exceptions.ResourceExistsError:"))
simple("traceback: outside a fence", "python_traceback needs a fence with a traceback header",
       lambda c: c.e("L1").__setitem__("question", c.e("L1")["question"].replace("```text\n", "").replace("\n```", "")))
simple("traceback: truth does not name the exception", "python_traceback truth does not name the exception class",
       trep_all("L2", "ResourceNotFoundError", "lookup error"))
simple("traceback: truth names another exception", "python_traceback truth does not name the exception class",
       trep_all("L4", "HttpResponseError", "ResourceNotFoundError"))
simple("traceback: truth keeps a frame line", "python_traceback truth repeats a traceback frame or header",
       lambda c: c.e("L3").__setitem__("truth", c.e("L3")["truth"] + ' (see File "/srv/jobs/rotate_deneb.py", line 34)'))
simple("traceback: truth keeps the header", "python_traceback truth repeats a traceback frame or header",
       lambda c: c.e("L5").__setitem__("truth", c.e("L5")["truth"] + " The Traceback (most recent call last) says it all."))
simple("traceback on a short item", "python_traceback must be a long post", mset("S10", "python_traceback", True))
simple("traceback used 4 times", "shape python_traceback used 4 times, want exactly 5",
       chain(mdel("L3", "python_traceback"), strip_tb("L3")))
simple("traceback used 6 times", "shape python_traceback used 6 times, want exactly 5",
       mset("L20", "python_traceback", True))

# ---------------- details_block ----------------
def strip_details(key):
    def f(c):
        e = c.e(key)
        q = re.sub(r"<summary>.*?</summary>\n?", "", e["question"])
        e["question"] = re.sub(r"</?details[^>]*>\n?", "", q)
    return f


simple("details: tags removed", "details_block needs a <details><summary>", strip_details("L8"))
simple("details: closing tag missing", "details_block needs a <details><summary>", qrep("L9", "</details>\n", ""))
simple("details: summary missing", "details_block needs a <details><summary>",
       qrep("L10", "<summary>apply log of the first run</summary>\n", ""))
simple("details: empty summary", "details_block needs a non-empty <summary>",
       qrep("L10", "apply log of the first run", ""))
simple("details: truth repeats no hidden token", "details_block truth repeats no token that stands only in a collapsed",
       trep_all("L6", "id-castor-enc", "the encryption identity"))
simple("details: a token also shown outside the section does not count",
       "details_block truth repeats no token that stands only in a collapsed",
       qrep("L10", "The role assignment and the registry live",
            "The role assignment (azurerm_role_assignment.antares_kv) and the registry live"))
simple("details: truth keeps a tag", "details_block truth still holds a details/summary tag",
       lambda c: c.e("L7").__setitem__("truth", c.e("L7")["truth"] + " (see the <details> section)"))
simple("details on a short item", "details_block must be a long post", mset("S10", "details_block", True))
simple("details used 4 times", "shape details_block used 4 times, want exactly 5",
       chain(mdel("L9", "details_block"), strip_details("L9")))
simple("details used 6 times", "shape details_block used 6 times, want exactly 5", mset("L20", "details_block", True))

# ---------------- screenshot_embed ----------------
L11_IMG = "![Encryption tab with customer-managed key enabled and procyon-kek selected]"
simple("screenshot: image markup removed", "screenshot_embed needs a Markdown image",
       lambda c: c.e("L12").__setitem__("question", re.sub(r"!\[[^\]]*\]\((https://[^)]+)\)", r"\1", c.e("L12")["question"])))
simple("screenshot: address is not an image", "screenshot_embed needs a Markdown image",
       lambda c: c.e("A1").__setitem__("question", re.sub(r"\(https://github\.com/user-attachments/assets/[^)]+\)",
                                                          "(https://github.com/contoso/platform/issues/12)",
                                                          c.e("A1")["question"])))
simple("screenshot: truth repeats the image address", "screenshot_embed truth repeats image markup or an image address",
       lambda c: c.e("S1").__setitem__("truth", c.e("S1")["truth"] + " (https://github.com/user-attachments/assets/c2a9e4f7-1b08-4d63-95ea-7f3d0b6c8e21)"))
simple("screenshot: truth repeats image markup", "screenshot_embed truth repeats image markup or an image address",
       lambda c: c.e("L11").__setitem__("truth", c.e("L11")["truth"] + " ![tab](see above)"))
simple("screenshot: generic alt text only", "screenshot_embed needs an alt text with a descriptive word",
       lambda c: c.e("A2").__setitem__("question", re.sub(r"!\[[^\]]*\]", "![image]", c.e("A2")["question"])))
simple("screenshot: truth repeats no alt word", "screenshot_embed truth repeats no descriptive word of the alt text",
       qrep("L11", L11_IMG, "![Wizard page, third step]"))
simple("screenshot used 4 times", "shape screenshot_embed used 4 times, want exactly 5",
       chain(mdel("S1", "screenshot_embed"),
             lambda c: c.e("S1").__setitem__("question", re.sub(r" !\[[^\]]*\]\([^)]+\)", " (screenshot attached)",
                                                                c.e("S1")["question"]))))
simple("screenshot used 6 times", "shape screenshot_embed used 6 times, want exactly 5",
       mset("L20", "screenshot_embed", True))

# ---------------- double_encoded_json ----------------
L14_LIT = ('"{\\"error\\":{\\"code\\":\\"BadRequest\\",\\"message\\":\\"Registry encryption is not supported for '
           'the sku Standard.\\"}}"')
simple("json: inner document no longer escaped", "double_encoded_json needs a JSON string holding an escaped JSON",
       qrep("L14", L14_LIT, '{"error":{"code":"BadRequest","message":"Registry encryption is not supported for the sku Standard."}}'))
simple("json: a single escaped quote", "double_encoded_json needs a JSON string holding an escaped JSON",
       lambda c: c.e("A4").__setitem__("question", re.sub(r'"\{\\"error.*?\}\}"', '"see \\\\"InvalidTemplate in the portal"',
                                                          c.e("A4")["question"])))
simple("json: inner value is not JSON", "double_encoded_json needs a JSON string holding an escaped JSON",
       qrep("S2", '{\\"lifetimeActions\\"', '{\\"lifetimeActions\\" oops'))
simple("json: truth keeps an escaped quote", "double_encoded_json truth still holds an escaped quote",
       lambda c: c.e("L13").__setitem__("truth", c.e("L13")["truth"] + ' (\\"code\\":\\"BlockedForEncryptionEnabledRegistry\\")'))
simple("json: truth repeats no inner value", "double_encoded_json truth repeats no string value of the inner document",
       trep_all("A3", "Forbidden", "refusal"))
simple("json: a value of the outer document does not count",
       "double_encoded_json truth repeats no string value of the inner document",
       qrep("L14", '\\"code\\":\\"BadRequest\\"', '\\"code\\":\\"InvalidRequest\\"'))
simple("json used 4 times", "shape double_encoded_json used 4 times, want exactly 5",
       chain(mdel("S2", "double_encoded_json"),
             lambda c: c.e("S2").__setitem__("question", "kv refuses a rotation policy with P3D, minimum interval?")))
simple("json used 6 times", "shape double_encoded_json used 6 times, want exactly 5",
       mset("L20", "double_encoded_json", True))

# ---------------- escaped_markdown ----------------
simple("escaped: escapes removed", "escaped_markdown needs >= 2 backslash-escaped Markdown characters",
       lambda c: c.e("S4").__setitem__("question", c.e("S4")["question"].replace("\\", "")))
simple("escaped: a single escape", "escaped_markdown needs >= 2 backslash-escaped Markdown characters",
       qrep("A6", "\\[system\\]", "\\[system]"))
simple("escaped: escapes inside inline code do not count", "escaped_markdown needs >= 2 backslash-escaped Markdown",
       chain(qrep("A5", "azurerm\\_role\\_assignment", "`azurerm\\_role\\_assignment`"),
             qrep("A5", "role\\_definition\\_id", "`role\\_definition\\_id`")))
simple("escaped: escapes inside a fence do not count", "escaped_markdown needs >= 2 backslash-escaped Markdown",
       chain(qrep("L15", "like this:\n\n1. az acr", "like this:\n\n```text\n1. az acr"),
             qrep("L15", "from crhadar\n\n", "from crhadar\n```\n\n")))
simple("escaped: truth keeps an escape", "escaped_markdown truth still holds a backslash escape",
       lambda c: c.e("S3").__setitem__("truth", c.e("S3")["truth"] + " (key\\_version)"))
simple("escaped: truth repeats no escaped word", "escaped_markdown truth repeats no escaped word unescaped",
       chain(trep_all("L15", "[system]", "system alias"), trep_all("L15", "KEY_ID", "the key variable")))
simple("escaped used 4 times", "shape escaped_markdown used 4 times, want exactly 5",
       chain(mdel("S4", "escaped_markdown"),
             lambda c: c.e("S4").__setitem__("question", c.e("S4")["question"].replace("\\", ""))))
simple("escaped used 6 times", "shape escaped_markdown used 6 times, want exactly 5",
       mset("L20", "escaped_markdown", True))
simple("two new shapes on one item", "more than one new shape on one item", mset("L1", "details_block", True))

# ---------------- two_facts ----------------
simple("two_facts floor", "floor: shape two_facts 3 < 4",
       chain(mdel("L19", "two_facts"), lambda c: c.e("L19")["canonical"].pop(),
             lambda c: c.e("L19")["answer_facts"].pop(),
             mdel("L18", "two_facts"), lambda c: c.e("L18")["canonical"].pop(),
             lambda c: c.e("L18")["answer_facts"].pop()))


def run_check(d):
    env = dict(os.environ, BLIND55_DIR=d, BLIND55_KROOT=os.path.join(d, "k"), BLIND55_FACTS=os.path.join(d, "facts"))
    p = subprocess.run([sys.executable, os.path.join(HERE, "check55.py")], env=env, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def fresh(with_build):
    d = tempfile.mkdtemp(prefix="mut-", dir=HERE)
    for f in FILES:
        shutil.copy(os.path.join(HERE, f), d)
    shutil.copytree(os.path.join(HERE, "prev"), os.path.join(d, "prev"))
    shutil.copytree(KROOT, os.path.join(d, "k"))
    shutil.copytree(FACTS, os.path.join(d, "facts"))
    if with_build:
        shutil.copy(os.path.join(HERE, "build55.py"), d)
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
