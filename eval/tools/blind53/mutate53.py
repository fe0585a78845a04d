"""blind53 mutation driver. Each mutation runs on a fresh temp copy (inside blind53/) of the set, prev/,
the knowledge and the fact sheets; it counts as caught only when check53.py exits 1 and prints the
mutation's expected message (and, for mutations marked only=True, nothing else)."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
KROOT = os.environ.get("BLIND53_KROOT", "/work/scratch/kstripped")
FACTS = os.environ.get("BLIND53_FACTS", "/work/shared/facts")
sys.path.insert(0, HERE)
import build53  # noqa: E402
import check53  # noqa: E402
import kparse  # noqa: E402

SET = "blind53"
FILES = (SET + ".json", SET + "-meta.json", SET + "-first-canonicals.txt")
_entries, _meta = build53.build()
_byq = {q["question"]: q["key"] for q in build53.QUESTIONS}
ID = {_byq[e["question"]]: e["id"] for e in _entries}
SCENARIO_SECTION = next("acr-cmk/" + k if not k.startswith("acr-cmk/") else k
                        for k in kparse.parse_all(KROOT) if "scenarios/" in k)
P = build53.ID_PREFIX


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
            for n in check53.SPREAD_SETS:
                fp = os.path.join(self.d, "prev", "blind%d-first-canonicals.txt" % n)
                firsts[n] = {x.strip() for x in open(fp, encoding="utf-8") if x.strip()} if os.path.exists(fp) else set()
            self.m["_set"] = check53.set_summary(self.j, self.m, firsts)
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
for pfx in ("h", "g", "f", "e", "d", "c", "b", "m", "j", "k"):
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
simple("rebuild: json truth edited", "rebuild differs from blind53.json",
       lambda c: c.j[0].__setitem__("truth", c.j[0]["truth"] + " Extra."), True)
simple("rebuild: meta edited", "rebuild differs from blind53-meta.json",
       lambda c: c.m[P + "001"].__setitem__("qual", "none" if c.m[P + "001"]["qual"] != "none" else "asked"), True)


@mut("rebuild: same content, other JSON layout (byte compare)", "rebuild differs from blind53.json", True)
def _(c):
    # content unchanged, only the serialisation differs: caught by the byte comparison alone
    def save():
        with open(os.path.join(c.d, FILES[0]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(c.j, indent=2, ensure_ascii=False) + "\n")
        with open(os.path.join(c.d, FILES[1]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(c.m, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    c.save = save


@mut("rebuild: ANSI escape written as \\u001b-free text (byte compare)", "rebuild differs from blind53.json", True)
def _(c):
    # the escape character of the ANSI items replaced by the caret form: still a valid ansi item for the lexical
    # rules, but no longer what build53.py writes
    e = c.e("L13")
    e["question"] = e["question"].replace("\x1b", "^[")


@mut("rebuild: first-canonical list edited", "rebuild differs from blind53-first-canonicals.txt", True)
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


simple("first-canonical list missing", "blind53-first-canonicals.txt missing",
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
       set_edit(lambda s: s["new_shapes"]["dotenv_file"].pop()))
simple("_set: spread count inflated", "meta: _set summary does not match",
       set_edit(lambda s: s["spread"].__setitem__("new_against_blind52_and_blind51", 48)))
simple("_set: spread floors changed", "meta: _set summary does not match",
       set_edit(lambda s: s["spread"].__setitem__("floors", [30, 20])))
simple("_set: typo moved to another id", "meta: _set summary does not match",
       set_edit(lambda s: s["typos"].__setitem__("propogate", ID["S9"])))
simple("_set: off-topic subject renamed", "meta: _set summary does not match",
       set_edit(lambda s: s["off_topic_subjects"].__setitem__(ID["X1"], "longhorn")))
simple("_set: stale after a flag change", "meta: _set summary does not match", raw(mdel("L2", "shell_history")))
def add_my_first_to_blind52_list(c):
    # one of this set's first canonicals now also counts as a blind52 first: the spread figures in _set go stale
    c.raw_set = True
    p = os.path.join(c.d, "prev", "blind52-first-canonicals.txt")
    lines = [x for x in open(p, encoding="utf-8") if x.strip()]
    lines[-1] = c.e("L22")["canonical"][0] + "\n"
    open(p, "w", encoding="utf-8").writelines(lines)


simple("_set: stale after a prev first-canonical list changed", "meta: _set summary does not match",
       add_my_first_to_blind52_list)

# ---------------- dropped flags and fields (blind52's five shape flags included) ----------------
_SPECIAL = {"field": "bypass", "wrong": "--kek-uri", "other": ["AWS"], "premise": "x"}
for fld in check53.DROPPED_FIELDS:
    simple("dropped/unknown field %s" % fld, "unknown field %r" % fld, mset("L21", fld, _SPECIAL.get(fld, True)))

# ---------------- facts and answer facts ----------------
simple("answer_fact not in canonical", "answer_fact not in first canonical",
       lambda c: c.e("L23")["answer_facts"].__setitem__(0, "the hsm replicates across regions"))
simple("answer_fact only in a related section", "answer_fact not in first canonical",
       lambda c: c.e("L21")["answer_facts"].__setitem__(0, "permanent for the life of the registry"))
simple("answer_fact added from a related section", "answer_fact not in first canonical",
       lambda c: c.e("L14")["answer_facts"].append("every key in a managed hsm is"))
simple("answer_fact over 7 words", "answer_fact over 7 words",
       lambda c: c.e("A5")["answer_facts"].__setitem__(0, "the identity named in the registry's encryption settings"))
simple("fact not in any section", "fact not in a canonical or related section",
       lambda c: c.e("S2")["facts"].__setitem__(0, "a private endpoint blocks trusted services"))
simple("empty answer_facts", "no answer_facts", eset("S6", "answer_facts", []))
simple("empty facts", "no facts", eset("S6", "facts", []))
simple("two_facts with both facts in the first canonical", "two_facts needs one answer_fact only in each",
       lambda c: c.e("L4")["answer_facts"].__setitem__(1, "access policies are part of the vault"))
simple("two_facts fact in neither canonical", "answer_fact not in either canonical",
       lambda c: c.e("L6")["answer_facts"].__setitem__(0, "the registry recreates the grant"))
simple("two canonicals without flag", "two canonical sections need two_facts", mdel("A6", "two_facts"))
simple("two_facts flag with one canonical", "two_facts needs two canonical sections",
       mset("A11", "two_facts", True))

# ---------------- sections ----------------
simple("unknown section id", "unknown section",
       lambda c: c.e("L16")["related"].__setitem__(0, "acr-cmk/references/identities.md#no-such-anchor"))
simple("section id without the acr-cmk/ folder", "unknown section",
       lambda c: c.e("L16")["related"].__setitem__(0, "references/identities.md#which-identity-value-goes-where"))
simple("canonical repeated in related", "repeated section",
       lambda c: c.e("L16")["related"].append(c.e("L16")["canonical"][0]))
simple("canonical empty", "canonical must hold 1 or 2", eset("L20", "canonical", []))
simple("three canonicals", "canonical must hold 1 or 2",
       lambda c: c.e("L20")["canonical"].extend(c.e("L20")["related"][:2]))
simple("first canonical in a scenario", "first canonical not a reference doc",
       lambda c: c.e("S1")["canonical"].__setitem__(0, SCENARIO_SECTION))
simple("related empty", "related is empty", eset("S8", "related", []))

# ---------------- kinds, styles, truths, categories ----------------
simple("unknown kind", "bad kind", mset("A8", "kind", "opinion"))
simple("yes truth opening No", "yes truth must open 'Yes: '",
       lambda c: c.e("S7").__setitem__("truth", "No: " + c.e("S7")["truth"][5:]))
simple("no truth without No", "no truth must open 'No: '",
       lambda c: c.e("L21").__setitem__("truth", c.e("L21")["truth"][4:]))
simple("undocumented truth without verdict", "undocumented truth must open 'Not documented'",
       lambda c: c.e("A10").__setitem__("truth", c.e("A10")["truth"][16:]))
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
       chain(mset("A5", "kind", "value"), mset("A8", "kind", "value"), mset("A9", "kind", "value"),
             tset("A5", "Local RBAC only: the role Managed HSM Crypto Service Encryption User at the key's scope."),
             tset("A8", "Key Vault Crypto Service Encryption User alone; Crypto User is surplus."),
             tset("A9", "Within an hour of each new Managed HSM key version.")))
simple("category above 9", "category hsm count 10",
       chain(eset("L21", "category", "hsm"), eset("L23", "category", "hsm"), eset("L24", "category", "hsm")))
simple("category below 2", "category troubleshooting count 1",
       chain(eset("L11", "category", "keys"), eset("S12", "category", "keys")))

# ---------------- style rules ----------------
simple("long post too short", "long question length", qset("L22", "Is the HSM key fine for a geo-replicated registry?"))
simple("long post too long", "long question length",
       lambda c: c.e("L22").__setitem__("question", c.e("L22")["question"] + (" Some more background here." * 60)))
simple("short question of 15 words", "short question has 15 words",
       qset("S9", "why won't acr accept the p-384 ec key we made in our kv for cmk"))
simple("short question on two lines", "short question spans lines", qrep("S9", " ec key", "\nec key"))
simple("agent query of 50 words", "agent query has",
       lambda c: c.e("A8").__setitem__("question", c.e("A8")["question"] + " please" + " also" * 30))
simple("agent query on two lines", "agent query spans lines", qrep("A10", " Question:", "\nQuestion:"))
simple("agent query with a fence", "agent query spans lines", qrep("A10", " Question:", " ```x``` Question:"))
simple("context form without Context:", "context form must open with 'Context:'",
       lambda c: c.e("A10").__setitem__("question", c.e("A10")["question"][len("Context: "):]))
simple("imperative form without verb", "imperative form must open with an imperative verb",
       qrep("A6", "Explain why", "I need to know why"))
simple("keywords form opening uppercase", "keywords form must open lowercase",
       lambda c: c.e("A9").__setitem__("question", "M" + c.e("A9")["question"][1:]))
simple("keywords form with ?", "keywords form must open lowercase",
       lambda c: c.e("A9").__setitem__("question", c.e("A9")["question"] + "?"))
simple("form on a short item", "form on a non-agent item", mset("S9", "form", "keywords"))
simple("agent forms miscounted", "on-topic agent form context count 4",
       chain(mset("A10", "form", "imperative"), qrep("A10", "Context: our crypto", "Explain: our crypto")))
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
       tset("S7", "Yes: give the new local role a few minutes, then run az acr create again."))
simple("qual asked recorded as story", "qual is 'story', should be 'asked'", mset("L15", "qual", "story"))
simple("quals without qual none", "qual is 'asked', should be 'none'", mset("L20", "qual", "asked"))
simple("unknown qualifier", "bad quals", mset("L15", "quals", ["hsm", "oct2026", "k8s"]))


def drop_qual(mm, x, q):
    mm["quals"] = [v for v in mm["quals"] if v != q]
    ask = build53.ask_part(x["question"])
    hit = ("hsm" in mm["quals"] and build53.HSM_RE.search(ask)) or ("iac" in mm["quals"] and build53.IAC_RE.search(ask))
    mm["qual"] = "none" if not mm["quals"] else ("asked" if hit else "story")


@mut("Managed HSM asked floor", "floor: Managed HSM asked")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "hsm" in mm.get("quals", []) and build53.HSM_RE.search(build53.ask_part(x["question"])):
            n += 1
            if n > 9:
                drop_qual(mm, x, "hsm")


@mut("Managed HSM asked in too few ways (qualifiers dropped)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    # L19 is the only purge/recover ask, A12 the only "which key" ask
    for k in ("L19", "A12"):
        drop_qual(c.meta(k), c.e(k), "hsm")


@mut("Managed HSM asked in too few ways (asks reworded)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    # S3 is the only URI ask, L16 the only revocation ask
    c.q_rep("S3", "versionless uri for", "versionless form for")
    c.q_rep("L16", "Why did revoking the Managed HSM role", "Why did removing the Managed HSM role")


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
        if "oct2026" in mm.get("quals", []) and n < 5:
            mm["quals"] = [q for q in mm["quals"] if q != "oct2026"]
            n += 1


# ---------------- spread and per-doc ----------------
@mut("spread against blind52", "first canonicals new against blind52 (floor 40)")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind52-first-canonicals.txt")) if x.strip()]
    firsts = list(dict.fromkeys(firsts))
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < 9 and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [firsts[n]]
            x["related"] = [r for r in x["related"] if r != firsts[n]] or [firsts[n + 20]]
            n += 1


@mut("spread against blind52 and blind51", "first canonicals new against blind52 and blind51 (floor 30)")
def _(c):
    firsts = [x.strip() for x in open(os.path.join(c.d, "prev", "blind51-first-canonicals.txt")) if x.strip()]
    b52 = {x.strip() for x in open(os.path.join(c.d, "prev", "blind52-first-canonicals.txt"))}
    pool = [f for f in dict.fromkeys(firsts) if f not in b52]
    mine = {x["canonical"][0] for x in c.j if x["canonical"]}
    pool = [f for f in pool if f not in mine]
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < min(19, len(pool)) and not c.m[x["id"]].get("two_facts"):
            x["canonical"] = [pool[n]]
            x["related"] = [r for r in x["related"] if r != pool[n]] or ["acr-cmk/references/overview.md#requirements-at-a-glance"]
            n += 1


simple("troubleshooting doc above 8", "first canonical doc troubleshooting count 9",
       lambda c: c.e("L20")["canonical"].__setitem__(0, "acr-cmk/references/troubleshooting.md#elliptic-curve-key-rejected"))
simple("limitations doc below 2", "first canonical doc limitations count 1",
       lambda c: c.e("S12")["canonical"].__setitem__(0, "acr-cmk/references/overview.md#cmk-requires-the-premium-sku"))
simple("blind52 first-canonical list missing", "first-canonical list missing: blind52",
       lambda c: os.remove(os.path.join(c.d, "prev", "blind52-first-canonicals.txt")))
simple("blind51 first-canonical list missing", "first-canonical list missing: blind51",
       lambda c: os.remove(os.path.join(c.d, "prev", "blind51-first-canonicals.txt")))


@mut("blind51 first-canonical list cut to 47", "blind51 has 47 lines")
def _(c):
    p = os.path.join(c.d, "prev", "blind51-first-canonicals.txt")
    lines = [x for x in open(p) if x.strip()]
    open(p, "w").writelines(lines[:47])


@mut("blind52 first-canonical list cut to 40", "blind52 has 40 lines")
def _(c):
    p = os.path.join(c.d, "prev", "blind52-first-canonicals.txt")
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


simple("typo planted in blind20", "typo 'enviroment' already used in blind19-52", plant_prev(20, "enviroment"))
simple("typo planted in blind41", "typo 'immediatly' already used in blind19-52", plant_prev(41, "immediatly"))
simple("typo planted in blind48", "typo 'propogate' already used in blind19-52", plant_prev(48, "propogate"))
simple("typo planted in blind52", "typo 'enviroment' already used in blind19-52", plant_prev(52, "enviroment"))
simple("typo planted in a blind52 truth", "typo 'immediatly' already used in blind19-52", plant_prev_truth(52, "immediatly"))
simple("typo planted in a blind25 truth", "typo 'propogate' already used in blind19-52", plant_prev_truth(25, "propogate"))
simple("typo moved to an off-topic short", "typo must sit in a short on-topic question",
       chain(mdel("S6", "typo"), qrep("S6", "enviroment", "environment"), mset("X10", "typo", "enviroment"),
             qrep("X10", "safely?", "safely in our enviroment?")))
simple("typo fixed in the question", "typo 'immediatly' not in the question", qrep("S5", "immediatly", "immediately"))
simple("unrecorded typo in another question", "unrecorded typo 'propogate'",
       qrep("S9", "accept our", "propogate our"))
simple("typo used twice", "typo 'propogate' used 2 times",
       chain(mset("S9", "typo", "propogate"), qrep("S9", "accept our", "propogate our")))
simple("unknown typo word", "not in the set's typo list",
       chain(mset("S7", "typo", "propogete"), qrep("S7", "propogate", "propogete")))
simple("typo on a long item", "typo must sit in a short on-topic question",
       chain(mdel("S5", "typo"), qrep("S5", "immediatly", "immediately"), mset("L16", "typo", "immediatly"),
             qrep("L16", "Incident follow-up for", "Incident follow-up, written immediatly, for")))


@mut("typo added to the knowledge", "typo 'enviroment' stands in the knowledge or facts")
def _(c):
    p = c.kfile("acr-cmk/references/overview.md")
    open(p, "a").write("\nenviroment\n")


@mut("typo added to the fact sheets", "typo 'immediatly' stands in the knowledge or facts")
def _(c):
    p = os.path.join(c.d, "facts", "cmk-facts-2026-10.md")
    os.chmod(p, 0o644)
    open(p, "a").write("\nimmediatly\n")


# ---------------- copying ----------------
L21_START = "crtuff was built with"
simple("knowledge 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L21", L21_START, "The registry cannot unwrap its data without the key, and " + L21_START))
simple("fact-sheet 8-token run in prose", "8-token run shared with knowledge/facts",
       qrep("L21", L21_START, "Local RBAC changes can take several minutes to propagate, and " + L21_START))
simple("knowledge command line inside a fence", "12-token run (fences included) shared with knowledge/facts",
       qrep("L14", "--size 3072 --kty RSA-HSM\n",
            '--size 3072 --kty RSA-HSM\naz keyvault key rotate --name "$KEY_NAME" --vault-name "$KEY_VAULT_NAME"\n'))
simple("pasted error moved into prose", "8-token run shared with knowledge/facts",
       qrep("L21", L21_START, "The CLI said Cannot set policies to a vault with '--enable-rbac-authorization' specified. " + L21_START))
simple("fence with knowledge prose", "12-token run (fences included)",
       qrep("L14", "--size 3072 --kty RSA-HSM\n",
            "--size 3072 --kty RSA-HSM\nthe registry cannot unwrap its data without the key so deleting the key store\n"))
simple("blind30 8-token run", "8-token run shared with blind19-52",
       lambda c: c.e("L21").__setitem__("question", c.e("L21")["question"] + " " + prevq(30, 8)(c)[:120]))
simple("blind41 8-token run", "8-token run shared with blind19-52",
       lambda c: c.e("L21").__setitem__("question", c.e("L21")["question"] + " " + prevq(41, 3)(c)[:150]))
simple("blind52 8-token run", "8-token run shared with blind19-52",
       lambda c: c.e("L21").__setitem__("question", c.e("L21")["question"] + " " + prevq(52, 2)(c)[:150]))
simple("blind52 truth copied into a question", "8-token run shared with a blind19-52 truth",
       lambda c: c.e("L21").__setitem__("question", c.e("L21")["question"] + " " + prevt(52, 10)(c)[:200]))
simple("blind33 truth copied into a question", "8-token run shared with a blind19-52 truth",
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
            ts = _tokset(t)
            if all(len(ts & o) / len(ts | o) <= 0.6 for o in older):
                return t
        raise AssertionError("setup: no own blind%d %s" % (n, field))
    return get


simple("blind52 question repeated", "Jaccard > 0.6 with blind52",
       lambda c: c.e("A9").__setitem__("question", own_prev(52, "question")(c)))
simple("blind51 question repeated", "Jaccard > 0.6 with blind51",
       lambda c: c.e("A10").__setitem__("question", own_prev(51, "question")(c)))
simple("blind46 question repeated", "Jaccard > 0.6 with blind46",
       lambda c: c.e("S9").__setitem__("question", own_prev(46, "question")(c)))
simple("blind52 truth repeated", "truth Jaccard > 0.6 with blind52",
       lambda c: c.e("S9").__setitem__("truth", own_prev(52, "truth")(c)))
simple("off-topic truth close to an earlier truth", "truth Jaccard > 0.6 with blind",
       tset("X11", "Not covered: resetting a Navidrome password is outside the ACR customer-managed key knowledge."))
simple("off-topic truth copied from blind52", "truth Jaccard > 0.6 with blind",
       lambda c: c.e("X12").__setitem__("truth", next(
           e["truth"] for e in json.load(open(os.path.join(c.d, "prev", "blind52.json"), encoding="utf-8"))
           if e["truth"].startswith("Not covered"))))
simple("near-duplicate inside the set", "Jaccard > 0.6 with",
       lambda c: c.e("A12").__setitem__("question", c.e("A5")["question"].replace("we always did", "we once did")))
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
    old = "no partial revocation per repository"
    if s.count(old) != 1:
        raise AssertionError("setup: text not once in revocation-and-recovery.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "no partial revocation for each repository"))


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
    qset("S9", "why won't acr accept the p-384 ec key we made in our kv for cmk")(c)


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
simple("blind51 prev file missing", "prev file missing: blind51.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind51.json")))
simple("blind52 prev file missing", "prev file missing: blind52.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind52.json")))

# ---------------- off-topic ----------------
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
simple("blind52 subject in another question", "off-topic question names banned 'atlantis'",
       qrep("X8", "without breaking the encrypted traffic", "(as we did for atlantis) without breaking the encrypted traffic"))
simple("blind51 subject in another question", "off-topic question names banned 'discourse'",
       qrep("X8", "without breaking the encrypted traffic", "(as we did for discourse) without breaking the encrypted traffic"))
simple("blind28 subject in another question", "off-topic question names banned 'payment hsm'",
       qrep("X8", "without breaking the encrypted traffic", "(the Payment HSM team asked too) without breaking the encrypted traffic"))
simple("subject planted in blind33", "subject 'portworx' used in blind19-52", plant_prev(33, "portworx"))
simple("subject planted in blind52", "subject 'kaniko' used in blind19-52", plant_prev(52, "kaniko"))
simple("subject not in question", "subject 'kaniko' not in the question",
       qset("X12", "layer cache in a private repo, where does the executor read credentials from"))
simple("earlier off-topic product named (capitalised, blind27)", "repeats an earlier off-topic subject word: verdaccio",
       qrep("X8", "without breaking the encrypted traffic", "the way we once did for Verdaccio, without breaking the encrypted traffic"))
simple("earlier off-topic product named (lowercase short, blind25)", "repeats an earlier off-topic subject word: sops",
       qset("X11", "gopass: add a gpg recipient and re-encrypt like sops does?"))
simple("earlier off-topic word from blind51 outside the ban list", "repeats an earlier off-topic subject word: secret-key",
       qrep("X9", "with our own key", "with our own secret-key"))
simple("off-topic subject word planted in an earlier off-topic truth", "repeats an earlier off-topic subject word: kaniko",
       plant_prev_offtopic_truth(40, "Compare Kaniko."))
simple("banned key word in off-topic", "off-topic question names banned 'kubernetes'",
       qrep("X1", "on a small on-prem cluster", "on a small on-prem Kubernetes cluster"))
simple("banned key word kms", "off-topic question names banned 'kms'",
       qrep("X2", "to a blob storage location profile", "to a blob storage location profile (wrapped by our KMS)"))
simple("near_miss on an agent item", "near_miss only on long off-topic posts", mset("X7", "near_miss", True))
simple("near-miss floor", "floor: near misses", chain(mdel("X1", "near_miss"), mdel("X2", "near_miss")))


@mut("off-topic story floor", "floor: long off-topic registry+key stories")
def _(c):
    for k in ("X5", "X6"):
        e = c.e(k)
        e["question"] = re.sub(r"\bregistr\w*", "service", e["question"], flags=re.I)


simple("off-topic subject missing", "off-topic subject missing", mdel("X6", "subject"))
simple("shape flag on off-topic", "shape flag dotenv_file on an off-topic item", mset("X6", "dotenv_file", True))
simple("subject on an on-topic item", "subject/near_miss on an on-topic item", mset("L22", "subject", "x"))


# ---------------- long measures ----------------
@mut("fenced long floor", "floor: fenced long posts")
def _(c):
    for k in ("L17", "L14"):
        e = c.e(k)
        e["question"] = e["question"].replace("```console", "").replace("```text", "").replace("```", "")


@mut("fenced troubleshoot floor", "floor: fenced long troubleshoot posts")
def _(c):
    for k in ("L1", "L3", "L4", "L6"):
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


# ---------------- blind52's five shapes are rejected in the text ----------------
simple("old shape: TL;DR line", "question shows blind52's shape tldr_summary",
       qrep("L20", "Will those acr commands", "TL;DR: will the acr parts of my scripts work on 2.45?\n\nWill those acr commands"))
simple("old shape: TL;DR line in an off-topic post", "question shows blind52's shape tldr_summary",
       lambda c: c.e("X1").__setitem__("question", c.e("X1")["question"] + "\n\ntl;dr can portworx re-key volumes in place?"))
simple("old shape: shouting", "question shows blind52's shape caps_shouting",
       qrep("L21", "Is there a supported way", "I REALLY need this GONE. Is there a supported way"))
simple("old shape: typographic quotes", "question shows blind52's shape smart_punctuation",
       qrep("S6", "which permissions", "\u201cwhich\u201d permissions"))
simple("old shape: en dash in a command", "question shows blind52's shape smart_punctuation",
       qrep("L24", "--enable-soft-delete true", "\u2013enable-soft-delete true"))
simple("old shape: --query expression", "question shows blind52's shape jmespath_query",
       qrep("L23", "What does the documentation say", "az acr encryption show --query keyVaultProperties prints the old version. What does the documentation say"))
simple("old shape: anchored regex", "question shows blind52's shape regex_pattern",
       qrep("S4", "acr create rejects", "acr create with gate `^https://[^/]+/keys/[^/]+$` rejects"))

# ---------------- new shapes: a shape in the text needs its flag ----------------
simple("unflagged shell history", "question shows the shape shell_history without its flag", mdel("L1", "shell_history"))
simple("unflagged env file", "question shows the shape dotenv_file without its flag", mdel("L7", "dotenv_file"))
simple("unflagged colour codes", "question shows the shape ansi_escape_codes without its flag", mdel("L12", "ansi_escape_codes"))
simple("unflagged strikethrough", "question shows the shape strikethrough_correction without its flag",
       mdel("S2", "strikethrough_correction"))
simple("unflagged percent encoding", "question shows the shape percent_encoded_uri without its flag",
       mdel("S3", "percent_encoded_uri"))
simple("colour codes slipped into an off-topic question", "question shows the shape ansi_escape_codes without its flag",
       qrep("X2", "That passkey", "\x1b[31mWARN\x1b[0m \x1b[1mThat\x1b[0m passkey"))


# ---------------- shell_history ----------------
def strip_history_numbers(c):
    e = c.e("L2")
    e["question"] = re.sub(r"(?m)^\s*\d{3}\s+", "", e["question"])


simple("history: numbers removed", "shell_history needs a fence of >= 3 numbered history lines", strip_history_numbers)
simple("history: only two numbered lines", "shell_history needs a fence",
       lambda c: c.e("L3").__setitem__("question", re.sub(r"(?m)^ 152[2-5]  .*\n", "", c.e("L3")["question"])))
simple("history: numbers not increasing", "shell_history needs a fence",
       qrep("L4", "  613  az keyvault recover", "  611  az keyvault recover"))
simple("history: no az command", "shell_history needs a fence",
       lambda c: c.e("L5").__setitem__("question", re.sub(r"(?m)^( \d{4}  )az ", r"\1azx ", c.e("L5")["question"])))
simple("history: truth cites no entry", "shell_history truth cites no history entry",
       lambda c: c.e("L1").__setitem__("truth", re.sub(r"\b(Entry|entry) 4110|4111|4110", "that step", c.e("L1")["truth"])))
simple("history: truth cites a number that is not in the history", "shell_history truth cites no history entry",
       trep("L2", "Entry 302", "Entry 305"))
simple("history on a short item", "shell_history must be a long post", mset("S9", "shell_history", True))
simple("history used 4 times", "shape shell_history used 4 times, want exactly 5",
       chain(mdel("L2", "shell_history"), strip_history_numbers))
simple("history used 6 times", "shape shell_history used 6 times, want exactly 5", mset("L20", "shell_history", True))

# ---------------- dotenv_file ----------------
simple("env file: a non-assignment line in the fence", "dotenv_file needs a fence of >= 3 NAME=value lines",
       qrep("L6", "PEARL_KEK=https://kv-pearl.vault.azure.net/keys/pearl-kek\n",
            "PEARL_KEK=https://kv-pearl.vault.azure.net/keys/pearl-kek\necho loaded\n"))
simple("env file: only two assignments", "dotenv_file needs a fence",
       qrep("L7", "TPL_FILE=CMKtemplate.json\n", ""))
simple("env file: lowercase names", "dotenv_file needs a fence",
       lambda c: c.e("L8").__setitem__("question", re.sub(r"(?m)^([A-Z_]+)=", lambda mm: mm.group(1).lower() + "=",
                                                          c.e("L8")["question"])))
simple("env file: truth gives no NAME=value", "dotenv_file truth gives no corrected NAME=value",
       lambda c: c.e("L9").__setitem__("truth", c.e("L9")["truth"].replace("KV_BYPASS=AzureServices", "Set the bypass to AzureServices")))
simple("env file: truth repeats the file's value", "dotenv_file truth gives no corrected NAME=value",
       trep("L10", "NICKEL_KEY_ID=https://kv-nickel.vault.azure.net/keys/nickel-kek,",
            "NICKEL_KEY_ID=https://kv-nickel.vault.azure.net/keys/nickel-kek/9e4b21c07d3a4f58b6c2e1a0f7d9c3b5,"))
simple("env file: truth corrects a variable the file does not have", "dotenv_file truth gives no corrected NAME=value",
       lambda c: c.e("L6").__setitem__("truth", c.e("L6")["truth"].replace("PEARL_PRINCIPAL=", "PEARL_OBJECT=")
                                        .replace("PEARL_IDENTITY=", "PEARL_ID=")))
simple("env file on an agent item", "dotenv_file must be a long post", mset("A8", "dotenv_file", True))
simple("env file used 4 times", "shape dotenv_file used 4 times, want exactly 5",
       chain(mdel("L7", "dotenv_file"), qrep("L7", "TPL_FILE=CMKtemplate.json\n", "")))
simple("env file used 6 times", "shape dotenv_file used 6 times, want exactly 5", mset("L20", "dotenv_file", True))

# ---------------- ansi_escape_codes ----------------
simple("ansi: colour codes removed", "ansi_escape_codes needs >= 2 ANSI colour codes",
       lambda c: c.e("L11").__setitem__("question", re.sub(r"\x1b\[[0-9;]*m", "", c.e("L11")["question"])))
simple("ansi: a single colour code", "ansi_escape_codes needs >= 2 ANSI colour codes",
       qrep("A4", "CMK_ERROR\x1b[0m", "CMK_ERROR"))
simple("ansi: truth repeats no coloured word", "ansi_escape_codes truth repeats no word of a coloured span",
       trep("L13", "BlockedForEncryptionEnabledRegistry is the service", "That code is the service"))
simple("ansi: generic log words do not count", "ansi_escape_codes truth repeats no word of a coloured span",
       lambda c: c.e("L11").__setitem__("truth", c.e("L11")["truth"].replace("ForbiddenByFirewall", "firewall error")
                                         + " Retry the import after that."))
simple("ansi: truth keeps a colour code", "ansi_escape_codes truth still holds colour codes",
       lambda c: c.e("L14").__setitem__("truth", c.e("L14")["truth"] + " \x1b[0m"))
simple("ansi: truth keeps an SGR remnant", "ansi_escape_codes truth still holds colour codes",
       lambda c: c.e("A4").__setitem__("truth", c.e("A4")["truth"] + " (shown as [31mCMK_ERROR[0m)"))
simple("ansi on a short item", "ansi_escape_codes must be a long post or an agent query", mset("S9", "ansi_escape_codes", True))
simple("ansi used 4 times", "shape ansi_escape_codes used 4 times, want exactly 5",
       chain(mdel("A4", "ansi_escape_codes"),
             lambda c: c.e("A4").__setitem__("question", re.sub(r"\x1b\[[0-9;]*m", "", c.e("A4")["question"]))))
simple("ansi used 6 times", "shape ansi_escape_codes used 6 times, want exactly 5", mset("L20", "ansi_escape_codes", True))

# ---------------- strikethrough_correction ----------------
simple("strike: tildes removed", "strikethrough_correction needs a ~~struck~~ span",
       lambda c: c.e("L15").__setitem__("question", c.e("L15")["question"].replace("~~", "")))
simple("strike: single tildes are not strikethrough", "strikethrough_correction needs a ~~struck~~ span",
       qrep("S1", "~~key vault~~", "~key vault~"))
simple("strike: truth repeats the struck words", "strikethrough_correction truth repeats the struck words",
       lambda c: c.e("L16").__setitem__("truth", c.e("L16")["truth"] + " Nobody deleted the key."))
simple("strike: no replacement after the span", "strikethrough_correction span has no replacement",
       qrep("S2", "~~firewalled~~ private-endpoint-only kv:", "private-endpoint-only kv, ~~firewalled~~:"))
simple("strike: truth ignores the replacement", "strikethrough_correction truth shares no word with the replacement",
       trep_all("L15", "mhsm-calcite", "the HSM"))
simple("strike: truth holds ~~", "strikethrough_correction truth holds ~~",
       lambda c: c.e("S1").__setitem__("truth", c.e("S1")["truth"] + " (~~not Crypto Officer~~)"))
simple("strike used 4 times", "shape strikethrough_correction used 4 times, want exactly 5",
       chain(mdel("A1", "strikethrough_correction"), qrep("A1", "~~a second vault~~ ", "")))
simple("strike used 6 times", "shape strikethrough_correction used 6 times, want exactly 5",
       mset("L20", "strikethrough_correction", True))

# ---------------- percent_encoded_uri ----------------
simple("percent: value already decoded in the question", "percent_encoded_uri needs a percent-encoded",
       qrep("S4", "https%3A%2F%2Fkv-osmium.vault.azure.net%2Fkeys%2Fosmium-kek", "https://kv-osmium.vault.azure.net/keys/osmium-kek"))
simple("percent: a single escape", "percent_encoded_uri needs a percent-encoded",
       qrep("A3", "https%3A%2F%2Fkv-indium.vault.azure.net%2Fkeys%2Findium-kek", "https%3A//kv-indium.vault.azure.net/keys/indium-kek"))
simple("percent: decodes to something other than https or a resource ID", "percent_encoded_uri needs a percent-encoded",
       qrep("S3", "https%3A%2F%2F", "ftp%3A%2F%2F"))
simple("percent: truth without the decoded value", "percent_encoded_uri truth gives no decoded form",
       trep("L17", "/subscriptions/6b1d3e2f-9a41-4c7e-8d05-2f7a9c1e3b64/resourceGroups/rg-halite/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-halite",
            "<the decoded resource ID>"))
simple("percent: truth keeps an escape", "percent_encoded_uri truth still holds %2F or %3A",
       lambda c: c.e("A2").__setitem__("truth", c.e("A2")["truth"] + " (%2F is a slash)"))
simple("percent: truth decodes a different value", "percent_encoded_uri truth gives no decoded form",
       trep("S3", "https://mhsm-iridium.managedhsm.azure.net/keys/iridium-kek.", "https://mhsm-iridium.managedhsm.azure.net/keys/other-kek."))
simple("percent used 4 times", "shape percent_encoded_uri used 4 times, want exactly 5",
       chain(mdel("S4", "percent_encoded_uri"),
             qrep("S4", "https%3A%2F%2Fkv-osmium.vault.azure.net%2Fkeys%2Fosmium-kek", "https://kv-osmium.vault.azure.net/keys/osmium-kek")))
simple("percent used 6 times", "shape percent_encoded_uri used 6 times, want exactly 5", mset("L20", "percent_encoded_uri", True))
simple("two new shapes on one item", "more than one new shape on one item", mset("L1", "dotenv_file", True))

# ---------------- two_facts ----------------
simple("two_facts floor", "floor: shape two_facts 3 < 4",
       chain(mdel("A6", "two_facts"), lambda c: c.e("A6")["canonical"].pop(),
             lambda c: c.e("A6")["answer_facts"].pop(),
             mdel("L4", "two_facts"), lambda c: c.e("L4")["canonical"].pop(),
             lambda c: c.e("L4")["answer_facts"].pop()))


def run_check(d):
    env = dict(os.environ, BLIND53_DIR=d, BLIND53_KROOT=os.path.join(d, "k"), BLIND53_FACTS=os.path.join(d, "facts"))
    p = subprocess.run([sys.executable, os.path.join(HERE, "check53.py")], env=env, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def fresh(with_build):
    d = tempfile.mkdtemp(prefix="mut-", dir=HERE)
    for f in FILES:
        shutil.copy(os.path.join(HERE, f), d)
    shutil.copytree(os.path.join(HERE, "prev"), os.path.join(d, "prev"))
    shutil.copytree(KROOT, os.path.join(d, "k"))
    shutil.copytree(FACTS, os.path.join(d, "facts"))
    if with_build:
        shutil.copy(os.path.join(HERE, "build53.py"), d)
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
