"""blind40 validator: prints OK, or one line per problem and exits 1.
Env overrides: BLIND40_DIR, BLIND40_KROOT, BLIND40_FACTS."""
import importlib.util
import json
import os
import re
import sys

DIR = os.environ.get("BLIND40_DIR", os.path.dirname(os.path.abspath(__file__)))
KROOT = os.environ.get("BLIND40_KROOT", "/work/scratch/kstripped")
FACTS = os.environ.get("BLIND40_FACTS", "/work/shared/facts")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kparse  # noqa: E402

SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
CATEGORIES = {"keys", "hsm", "network", "recovery", "limits", "iac", "identity", "setup",
              "troubleshooting", "rotation", "off-topic"}
KINDS = {"howto": 14, "troubleshoot": 13, "value": 6, "yes": 4, "no": 4, "why": 3, "undocumented": 4,
         "off-topic": 12}
STYLES_ON = {"agent": 12, "short": 12, "long": 24}
STYLES_OFF = {"agent": 3, "short": 3, "long": 6}
FORMS_ON = {"context": 5, "imperative": 4, "keywords": 3}
REF_DOCS = ["identities", "infrastructure-as-code", "key-rotation", "key-vault-access", "limitations",
            "managed-hsm", "networking", "overview", "revocation-and-recovery", "setup-cli",
            "troubleshooting"]
SHAPES = ["two_facts", "plan_review", "iac_error", "newcomer", "timeline", "output_rule"]
SHAPE_FLOORS = {"two_facts": 3, "plan_review": 5, "iac_error": 5, "newcomer": 5, "timeline": 5,
                "output_rule": 5}
META_KEYS = {"style", "kind", "form", "quals", "qual", "typo", "subject", "near_miss"} | set(SHAPES)
TYPOS = {"recvoer", "encrpyted", "rotatoin"}
ERROR_ANCHORS = [
    "Cannot set policies to a vault with '--enable-rbac-authorization' specified",
    "Failed to access KeyId",
    "ForbiddenByFirewall",
]
BANNED_SUBJECTS = [
    # blind39
    "openbao", "cryptographyclient", "management group", "sgx", "step-ca", "tekton", "luks", "keytab",
    "android", "saml", "ldaps", "mtls",
    # blind38
    "multi-region", "utimaco", "metric alert", "private dns zone", "resource lock", "keycloak", "dkim",
    "deployment environments", "wireguard", "jwt", "pgp", "yubikey",
    # blind37
    "kyverno", "velero", "trivy", "crossplane", "dependency-track", "throttling", "elasticsearch",
    "salesforce", "clickhouse", "rabbitmq", "mongodb", "buildkite",
]
BANNED_WORDS = ["kms", "aws", "harbor", "token", "kubernetes", "gcp", "ecr", "hashicorp vault", "quay"]
ABBREVS = ["acr", "cmk", "kv", "hsm", "mi", "uami", "rbac", "kek", "az", "cli", "id", "tf", "sku", "pe",
           "dct", "oras", "kid"]
HSM_RE = re.compile(r"\b(managed hsm|hsm|hsms|managedhsm)\b", re.I)
IAC_RE = re.compile(r"\b(portal|terraform|bicep|arm|avm)\b", re.I)
OCT_TRUTH_RE = re.compile(r"managed hsm|october 2026", re.I)
FENCE_RE = re.compile(r"```.*?```", re.S)
# shapes
LIST_LINE = re.compile(r"^[ \t]*(\d+[.)]|[-*])[ \t]+\S.*$", re.M)
REVIEW_CUE = re.compile(r"\b(right|correct|order|missing|miss|forget|forgot|wrong|go through|enough|needed|"
                        r"ok|okay|actually|work|works)\b", re.I)
ORDER_CUE = re.compile(r"\b(before|after|first|then|missing|instead|drop|add|order|until|swap|only after)\b",
                       re.I)
ERR_LINE = re.compile(r"\b(error|failed|failure|code:)", re.I)
RES_ADDR = re.compile(r"\bazurerm_[a-z_]+\.[a-z0-9_]+\b|\bMicrosoft\.[A-Za-z]+/[A-Za-z]+")
IAC_TOOL = re.compile(r"\b(terraform|bicep|arm|avm|template)\b", re.I)
NEWCOMER_CUE = re.compile(r"\b(new to azure|new here|first time|first month|first week|beginner|"
                          r"not really a technical|not technical|just started|started helping|learning)\b",
                          re.I)
JARGON = ["cmk", "kek", "byok", "rbac", "hsm", "hsms", "cli", "rsa", "sku", "premium", "identity",
          "identities", "principal", "uri", "url", "api", "arm", "bicep", "terraform", "avm", "tenant",
          "purge", "soft-delete", "soft delete", "versionless", "versioned", "firewall", "endpoint", "acr",
          "azurecr", "docker", "oci", "subscription", "resource group", "role", "policy", "policies",
          "rotation", "rotate", "json", "yaml", "portal", "managed", "kid", "wrapkey", "unwrapkey"]
TIME_RE = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|"
    r"this (morning|afternoon|evening)|last (week|month|night|quarter)|"
    r"(early|late|mid) (january|february|march|april|may|june|july|august|september|october|november|december)|"
    r"in (january|february|march|april|may|june|july|august|september|october|november|december)|"
    r"\d{1,2} (january|february|march|april|may|june|july|august|september|october|november|december)|"
    r"(january|february|march|april|may|june|july|august|september|october|november|december) \d{1,2}|"
    r"\d{1,2}:\d{2}|"
    r"(\d+|a|an|one|two|three|four|five|six|several) (minutes?|hours?|days?|weeks?|months?) (later|ago)|"
    r"since (early )?\d{4})\b", re.I)
TIME_ASK = re.compile(r"\b(how long|when|still|yet|again|since|until|after|before|now|anymore|longer|"
                      r"wait|waiting|first|changed)\b", re.I)
TIME_TRUTH = re.compile(r"\b(within|hours?|minutes?|days?|months?|until|after|before|then|first|once|since|"
                        r"now|already|release|wait|waiting|longer)\b", re.I)
OUT_RULES = [
    ("yesno", re.compile(r"\byes or no\b", re.I)),
    ("oneline", re.compile(r"\b(one|single) (line|sentence)\b|\bone-liner\b", re.I)),
    ("command", re.compile(r"\b(only the command|just the command|command only|nothing but the command)\b",
                           re.I)),
    ("words", re.compile(r"\bin (?:under |at most )?(\d+) words\b", re.I)),
]

problems = []


def bad(msg):
    problems.append(msg)


def toks(s):
    return re.findall(r"[a-z0-9]+", s.lower())


def norm(s):
    s = s.lower().replace("*", "").replace("`", "")
    return re.sub(r"\s+", " ", s).strip()


def prose(text):
    return FENCE_RE.sub(" ", text)


def fences(text):
    return [m.group(0) for m in FENCE_RE.finditer(text)]


def sentences(text):
    parts = re.split(r"(?<=[.!?])\s+|\n\s*\n", text.strip())
    return [p.strip() for p in parts if p.strip()]


def ask_part(text):
    ss = sentences(prose(text))
    asked = [s for s in ss if "?" in s]
    return " ".join(asked) if asked else (ss[-1] if ss else "")


def grams(tokens, n):
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


def word_in(word, text):
    return re.search(r"(?<![a-z0-9])" + re.escape(word.lower()) + r"(?![a-z0-9])", text.lower()) is not None


def mask_anchors(text):
    for a in ERROR_ANCHORS:
        text = re.sub(re.escape(a), " zzanchor ", text, flags=re.I)
    return text


def source_blocks(text):
    """Paragraph-like blocks: wrapped lines are joined; blank lines, headings, list items, table rows
    and fence lines start a new block."""
    blocks, cur = [], []
    for line in text.split("\n"):
        st = line.strip()
        if not st or re.match(r"(#|[-*|]|\d+[.)]\s|```|<!--)", st):
            if cur:
                blocks.append(" ".join(cur))
            cur = [st] if st else []
        else:
            cur.append(st)
    if cur:
        blocks.append(" ".join(cur))
    return blocks


def main():
    try:
        entries = json.load(open(os.path.join(DIR, "blind40.json"), encoding="utf-8"))
        meta = json.load(open(os.path.join(DIR, "blind40-meta.json"), encoding="utf-8"))
    except Exception as exc:  # noqa: BLE001
        print("set: cannot load files: %s" % exc)
        return 1
    sections = kparse.parse_all(KROOT)
    ktext = kparse.all_text(KROOT)
    ftext = kparse.all_text(FACTS)
    if not ftext.strip():
        bad("set: fact sheets missing")
    src_low = (ktext + "\n" + ftext).lower()
    src_toks = toks(ktext + "\n" + ftext)
    src8, src12 = grams(src_toks, 8), grams(src_toks, 12)
    src_sents = set()
    for block in source_blocks(ktext + "\n" + ftext):
        for s in re.split(r"(?<=[.!?])\s+", block):
            t = toks(s)
            if len(t) >= 8:
                src_sents.add(" ".join(t))
    headings = {" ".join(toks(s["heading"])) for s in sections.values() if len(toks(s["heading"])) >= 5}
    for a in ERROR_ANCHORS:
        if a.lower() not in src_low:
            bad("set: error anchor not in sources: %r" % a)

    # prev sets
    prev_q = []
    for n in range(19, 40):
        p = os.path.join(DIR, "prev", "blind%d.json" % n)
        if not os.path.exists(p):
            bad("set: prev file missing: blind%d.json" % n)
            continue
        for e in json.load(open(p, encoding="utf-8")):
            prev_q.append((n, e.get("id"), e.get("question", "")))
    prev8 = set()
    for _, _, q in prev_q:
        prev8 |= grams(toks(mask_anchors(q)), 8)
    prev_sets = [(n, i, set(toks(q))) for n, i, q in prev_q]
    prev_all_low = "\n".join(q for _, _, q in prev_q).lower()
    firsts = {}
    for n in (39, 38):
        p = os.path.join(DIR, "prev", "blind%d-first-canonicals.txt" % n)
        if not os.path.exists(p):
            bad("set: first-canonical list missing: blind%d" % n)
            firsts[n] = set()
            continue
        lines = [x.strip() for x in open(p, encoding="utf-8") if x.strip()]
        if len(lines) != 48:
            bad("set: first-canonical list blind%d has %d lines, not 48" % (n, len(lines)))
        firsts[n] = set(lines)

    # structure
    if not isinstance(entries, list) or len(entries) != 60:
        bad("set: need a list of 60 entries")
        print("\n".join(problems))
        return 1
    ids = [e.get("id") for e in entries]
    for n, e in enumerate(entries, 1):
        if list(e.keys()) != KEYS:
            bad("%s: keys or key order wrong" % e.get("id"))
        if e.get("id") != "h%03d" % n:
            bad("%s: bad id at position %d (want h%03d)" % (e.get("id"), n, n))
        if e.get("source") != SOURCE:
            bad("%s: bad source" % e.get("id"))
    if set(meta.keys()) != set(ids):
        bad("meta: ids do not match the set")
    cats = [e.get("category") for e in entries]
    for i in range(len(cats) - 2):
        if cats[i] == cats[i + 1] == cats[i + 2]:
            bad("set: three %s entries in a row at %s" % (cats[i], ids[i]))

    # rebuild
    bp = os.path.join(DIR, "build40.py")
    if os.path.exists(bp):
        try:
            spec = importlib.util.spec_from_file_location("build40_chk", bp)
            mod = importlib.util.module_from_spec(spec)
            sys.path.insert(0, DIR)
            spec.loader.exec_module(mod)
            be, bm = mod.build()
            if json.loads(json.dumps(be)) != entries:
                bad("set: rebuild differs from blind40.json")
            if json.loads(json.dumps(bm)) != meta:
                bad("set: rebuild differs from blind40-meta.json")
        except Exception as exc:  # noqa: BLE001
            bad("set: build40.py failed: %s" % exc)

    count = {}

    def inc(k, v=1):
        count[k] = count.get(k, 0) + v

    on_sets = []
    first_docs = {}
    for e in entries:
        qid = e.get("id")
        m = meta.get(qid, {})
        q = e.get("question", "")
        truth = e.get("truth", "")
        for k in m:
            if k not in META_KEYS:
                bad("%s: unknown field %r" % (qid, k))
        style, kind = m.get("style"), m.get("kind")
        off = kind == "off-topic"
        if kind not in KINDS:
            bad("%s: bad kind %r" % (qid, kind))
        if style not in STYLES_ON:
            bad("%s: bad style %r" % (qid, style))
        if e.get("category") not in CATEGORIES:
            bad("%s: bad category %r" % (qid, e.get("category")))
        if off != (e.get("category") == "off-topic"):
            bad("%s: off-topic category and kind disagree" % qid)
        inc(("style", off, style))
        inc(("kind", kind))
        inc(("kind_style", kind, style))
        if style == "agent":
            inc(("form", off, m.get("form")))
        elif "form" in m:
            bad("%s: form on a non-agent item" % qid)

        # style rules
        if style == "long":
            if not 250 <= len(q) <= 1500:
                bad("%s: long question length %d outside 250-1500" % (qid, len(q)))
        elif style == "short":
            nw = len(q.split())
            if not 3 <= nw <= 14:
                bad("%s: short question has %d words" % (qid, nw))
            if "\n" in q:
                bad("%s: short question spans lines" % qid)
            if q != q.lower():
                inc("short_upper")
            if "?" not in q:
                inc("short_noq")
            if any(word_in(a, q) for a in ABBREVS):
                inc("short_abbrev")
        elif style == "agent":
            nw = len(q.split())
            if not 12 <= nw <= 45:
                bad("%s: agent query has %d words" % (qid, nw))
            if "\n" in q or "```" in q:
                bad("%s: agent query spans lines" % qid)
            form = m.get("form")
            if form == "context" and not q.startswith("Context:"):
                bad("%s: context form must open with 'Context:'" % qid)
            elif form == "imperative" and not re.match(
                    r"(Give|List|Explain|Show|Write|Find|Tell|Check|Draft|Summarize|Return|Produce|Outline|"
                    r"Confirm|Describe|Say)\b", q):
                bad("%s: imperative form must open with an imperative verb" % qid)
            elif form == "keywords" and (not q[:1].islower() or "?" in q or q.rstrip().endswith(".")):
                bad("%s: keywords form must open lowercase without ? or final ." % qid)
            elif form not in FORMS_ON:
                bad("%s: bad agent form %r" % (qid, form))

        # truths
        if kind == "yes" and not truth.startswith("Yes: "):
            bad("%s: yes truth must open 'Yes: '" % qid)
        elif kind == "no" and not truth.startswith("No: "):
            bad("%s: no truth must open 'No: '" % qid)
        elif kind == "undocumented" and not truth.startswith("Not documented"):
            bad("%s: undocumented truth must open 'Not documented'" % qid)
        elif kind == "off-topic" and not truth.startswith("Not covered: "):
            bad("%s: off-topic truth must open 'Not covered: '" % qid)
        elif kind in ("howto", "troubleshoot", "value", "why") and re.match(
                r"(Yes|No|Not documented|Not covered)\b", truth):
            bad("%s: %s truth opens with a verdict word" % (qid, kind))

        # copying
        pq = prose(q)
        for g in grams(toks(pq), 8):
            if g in src8:
                bad("%s: 8-token run shared with knowledge/facts: %s" % (qid, " ".join(g)))
                break
        for g in grams(toks(mask_anchors(q)), 12):
            if g in src12:
                bad("%s: 12-token run (fences included) shared with knowledge/facts: %s" % (qid, " ".join(g)))
                break
        for g in grams(toks(mask_anchors(q)), 8):
            if g in prev8:
                bad("%s: 8-token run shared with blind19-39: %s" % (qid, " ".join(g)))
                break
        for label, text in (("question", prose(q)), ("truth", truth)):
            jt = " " + " ".join(toks(text)) + " "
            for s in src_sents:
                if " " + s + " " in jt:
                    bad("%s: %s copies a knowledge/fact sentence: %s" % (qid, label, s[:60]))
                    break
        jq = " " + " ".join(toks(q)) + " "
        for h in headings:
            if " " + h + " " in jq:
                bad("%s: question echoes a heading: %s" % (qid, h))
        qs = set(toks(q))
        for n, pid, ps in prev_sets:
            if qs and ps and len(qs & ps) / len(qs | ps) > 0.6:
                bad("%s: Jaccard > 0.6 with blind%d %s" % (qid, n, pid))
                break
        for oid, os_ in on_sets:
            if len(qs & os_) / len(qs | os_) > 0.6:
                bad("%s: Jaccard > 0.6 with %s" % (qid, oid))
        on_sets.append((qid, qs))

        # typos
        if "typo" in m:
            t = m["typo"]
            if t not in TYPOS:
                bad("%s: typo %r not in the set's typo list" % (qid, t))
            if off or style != "short":
                bad("%s: typo must sit in a short on-topic question" % qid)
            if not word_in(t, q):
                bad("%s: typo %r not in the question" % (qid, t))
            inc(("typo", t))
        for t in TYPOS:
            if word_in(t, q) and m.get("typo") != t:
                bad("%s: unrecorded typo %r" % (qid, t))

        if off:
            if e["canonical"] or e["related"] or e["facts"] or e["answer_facts"]:
                bad("%s: off-topic item must have empty lists" % qid)
            subj = m.get("subject")
            if not subj:
                bad("%s: off-topic subject missing" % qid)
            else:
                if not word_in(subj, q):
                    bad("%s: subject %r not in the question" % (qid, subj))
                if subj.lower() in BANNED_SUBJECTS:
                    bad("%s: banned off-topic subject %r" % (qid, subj))
                if word_in(subj, prev_all_low):
                    bad("%s: subject %r used in blind19-39" % (qid, subj))
            for w in BANNED_SUBJECTS + BANNED_WORDS:
                if word_in(w, q):
                    bad("%s: off-topic question names banned %r" % (qid, w))
            if m.get("near_miss"):
                if style != "long":
                    bad("%s: near_miss only on long off-topic posts" % qid)
                inc("near_miss")
            if style == "long" and re.search(r"\bregistr", q, re.I) and re.search(r"\bkey\b", q, re.I):
                inc("off_story")
            for f in SHAPES + ["quals_nonempty"]:
                if m.get(f):
                    bad("%s: shape flag %s on an off-topic item" % (qid, f))
            if m.get("quals"):
                bad("%s: quals on an off-topic item" % qid)
            continue
        if "subject" in m or "near_miss" in m:
            bad("%s: subject/near_miss on an on-topic item" % qid)

        # sections
        can, rel = e.get("canonical", []), e.get("related", [])
        if not 1 <= len(can) <= 2:
            bad("%s: canonical must hold 1 or 2 sections" % qid)
            continue
        for sid in can + rel:
            if sid not in sections:
                bad("%s: unknown section %s" % (qid, sid))
        if set(can) & set(rel) or len(set(can + rel)) != len(can + rel):
            bad("%s: repeated section in canonical/related" % qid)
        if not rel:
            bad("%s: related is empty" % qid)
        c0 = can[0]
        if not c0.startswith("acr-cmk/references/"):
            bad("%s: first canonical not a reference doc" % qid)
        doc = c0.split("/")[-1].split(".md")[0]
        first_docs[doc] = first_docs.get(doc, 0) + 1
        inc("on")
        if c0 not in firsts.get(39, set()):
            inc("new39")
            if c0 not in firsts.get(38, set()):
                inc("new3938")
        two = bool(m.get("two_facts"))
        if len(can) == 2 and not two:
            bad("%s: two canonical sections need two_facts" % qid)
        if two and len(can) != 2:
            bad("%s: two_facts needs two canonical sections" % qid)
        texts = {sid: norm(sections[sid]["text"]) for sid in can + rel if sid in sections}
        af = e.get("answer_facts", [])
        if not af:
            bad("%s: no answer_facts" % qid)
        where = []
        for a in af:
            if len(a.split()) > 7:
                bad("%s: answer_fact over 7 words: %r" % (qid, a))
            na = norm(a)
            ins = [sid for sid in can if na in texts.get(sid, "")]
            where.append(ins)
            if two:
                if not ins:
                    bad("%s: answer_fact not in either canonical: %r" % (qid, a))
            elif c0 not in ins:
                bad("%s: answer_fact not in first canonical: %r" % (qid, a))
        if two and len(can) == 2:
            if not any(w == [can[0]] for w in where) or not any(w == [can[1]] for w in where):
                bad("%s: two_facts needs one answer_fact only in each canonical" % qid)
        fa = e.get("facts", [])
        if not fa:
            bad("%s: no facts" % qid)
        for f in fa:
            nf = norm(f)
            if not any(nf in t for t in texts.values()):
                bad("%s: fact not in a canonical or related section: %r" % (qid, f))

        # qualifiers
        quals = m.get("quals", [])
        if not set(quals) <= {"hsm", "iac", "oct2026"}:
            bad("%s: bad quals %r" % (qid, quals))
        ask = ask_part(q)
        if "hsm" in quals:
            if not HSM_RE.search(q):
                bad("%s: hsm qualifier but no Managed HSM in the question" % qid)
            if HSM_RE.search(ask):
                inc("hsm_asked")
        if "iac" in quals:
            if not IAC_RE.search(q):
                bad("%s: iac qualifier but no portal/Terraform/Bicep/ARM/AVM in the question" % qid)
            else:
                inc("iac_named")
        if "oct2026" in quals:
            if not OCT_TRUTH_RE.search(truth):
                bad("%s: October 2026 truth names neither Managed HSM nor the revision" % qid)
            inc("oct2026")
        hit = ("hsm" in quals and HSM_RE.search(ask)) or ("iac" in quals and IAC_RE.search(ask))
        want = "none" if not quals else ("asked" if hit else "story")
        if m.get("qual") != want:
            bad("%s: qual is %r, should be %r" % (qid, m.get("qual"), want))

        # long-post measures
        if style == "long":
            if fences(q):
                inc("long_fenced")
                if kind == "troubleshoot":
                    inc("long_fenced_ts")
            ss = sentences(prose(q))
            qsents = [i for i, s in enumerate(ss) if "?" in s]
            if qsents == [len(ss) - 1]:
                pos = prose(q).rfind(ss[-1])
                if pos >= 250:
                    inc("last_only")
            if prose(q).count("?") >= 2:
                inc("two_asks")

        # shapes
        for f in SHAPES:
            if m.get(f):
                inc(("shape", f))
        if m.get("plan_review"):
            check_plan(qid, style, q, truth)
        if m.get("iac_error"):
            check_iac_error(qid, style, q, quals, src8)
        if m.get("newcomer"):
            check_newcomer(qid, style, q, truth)
        if m.get("timeline"):
            check_timeline(qid, style, q, truth)
        if m.get("output_rule"):
            check_output(qid, style, kind, q, truth)

    # set-level counts
    for off, table in ((False, STYLES_ON), (True, STYLES_OFF)):
        for s, n in table.items():
            if count.get(("style", off, s), 0) != n:
                bad("set: %s %s count %d, want %d" % ("off-topic" if off else "on-topic", s,
                                                      count.get(("style", off, s), 0), n))
    for k, n in KINDS.items():
        if count.get(("kind", k), 0) != n:
            bad("set: kind %s count %d, want %d" % (k, count.get(("kind", k), 0), n))
    groups = [("howto",), ("troubleshoot",), ("value",), ("yes", "no"), ("why",), ("undocumented",)]
    for g in groups:
        for s in STYLES_ON:
            if not sum(count.get(("kind_style", k, s), 0) for k in g):
                bad("set: kind group %s missing from style %s" % ("/".join(g), s))
    for f, n in FORMS_ON.items():
        if count.get(("form", False, f), 0) != n:
            bad("set: on-topic agent form %s count %d, want %d" % (f, count.get(("form", False, f), 0), n))
        if count.get(("form", True, f), 0) != 1:
            bad("set: off-topic agent form %s count %d, want 1" % (f, count.get(("form", True, f), 0)))
    catc = {}
    for e in entries:
        if e.get("category") != "off-topic":
            catc[e.get("category")] = catc.get(e.get("category"), 0) + 1
    for c in CATEGORIES - {"off-topic"}:
        if not 2 <= catc.get(c, 0) <= 9:
            bad("set: category %s count %d outside 2-9" % (c, catc.get(c, 0)))
    for d in REF_DOCS:
        if not 2 <= first_docs.get(d, 0) <= 8:
            bad("set: first canonical doc %s count %d outside 2-8" % (d, first_docs.get(d, 0)))
    if count.get("new39", 0) < 30:
        bad("set: spread: only %d first canonicals new against blind39 (floor 30)" % count.get("new39", 0))
    if count.get("new3938", 0) < 20:
        bad("set: spread: only %d first canonicals new against blind39 and blind38 (floor 20)"
            % count.get("new3938", 0))
    floors = [("hsm_asked", 8, "Managed HSM asked"), ("iac_named", 8, "portal/Terraform/Bicep/ARM/AVM named"),
              ("oct2026", 12, "October 2026"), ("long_fenced", 14, "fenced long posts"),
              ("long_fenced_ts", 6, "fenced long troubleshoot posts"),
              ("last_only", 4, "long posts asking only in the last sentence"),
              ("two_asks", 3, "long posts asking two things"), ("short_abbrev", 8, "short questions with an abbreviation"),
              ("off_story", 5, "long off-topic registry+key stories"), ("near_miss", 4, "near misses")]
    for k, n, label in floors:
        if count.get(k, 0) < n:
            bad("set: floor: %s %d < %d" % (label, count.get(k, 0), n))
    if count.get("short_upper", 0) > 2:
        bad("set: %d short questions not lowercase (max 2)" % count.get("short_upper", 0))
    if not 3 <= count.get("short_noq", 0) <= 9:
        bad("set: %d short questions without '?' (want 3-9)" % count.get("short_noq", 0))
    for f, n in SHAPE_FLOORS.items():
        if count.get(("shape", f), 0) < n:
            bad("set: floor: shape %s %d < %d" % (f, count.get(("shape", f), 0), n))
    for t in TYPOS:
        if count.get(("typo", t), 0) != 1:
            bad("set: typo %r used %d times, want 1" % (t, count.get(("typo", t), 0)))
        if word_in(t, prev_all_low):
            bad("set: typo %r already used in blind19-39" % t)
        if word_in(t, src_low):
            bad("set: typo %r stands in the knowledge or facts" % t)

    if problems:
        print("\n".join(problems))
        return 1
    print("OK")
    return 0


def check_plan(qid, style, q, truth):
    if style != "long":
        bad("%s: plan_review must be a long post" % qid)
        return
    pq = prose(q)
    lists = list(LIST_LINE.finditer(pq))
    plan_end = None
    if len(lists) >= 3:
        plan_end = q.find(lists[-1].group(0)) + len(lists[-1].group(0))
    else:
        for m in FENCE_RE.finditer(q):
            azl = [ln for ln in m.group(0).split("\n") if re.match(r"\s*(\$\s*)?az\s", ln)]
            if len(azl) >= 3:
                plan_end = m.end()
                break
    if plan_end is None:
        bad("%s: plan_review needs >= 3 list lines or a fence with >= 3 az commands" % qid)
        return
    first_q = None
    pos = 0
    for chunk in re.split(r"(```.*?```)", q, flags=re.S):
        if not chunk.startswith("```") and "?" in chunk:
            first_q = pos + chunk.index("?")
            break
        pos += len(chunk)
    if first_q is None or first_q < plan_end:
        bad("%s: plan_review ask must come after the plan" % qid)
    if not REVIEW_CUE.search(ask_part(q)):
        bad("%s: plan_review ask holds no review cue" % qid)
    if not ORDER_CUE.search(truth):
        bad("%s: plan_review truth names no ordering or missing step" % qid)


def check_iac_error(qid, style, q, quals, src8):
    if style != "long":
        bad("%s: iac_error must be a long post" % qid)
        return
    ok = False
    for f in fences(q):
        errs = [ln for ln in f.split("\n") if ERR_LINE.search(ln)]
        if errs and RES_ADDR.search(f):
            ok = True
            etoks = toks(mask_anchors("\n".join(errs)))
            for g in grams(etoks, 8):
                if g in src8:
                    bad("%s: iac_error error text copies knowledge/facts: %s" % (qid, " ".join(g)))
                    break
    if not ok:
        bad("%s: iac_error needs a fence with an error line and a resource address or type" % qid)
    if not IAC_TOOL.search(prose(q)):
        bad("%s: iac_error prose names no Terraform/Bicep/ARM/template" % qid)
    if "iac" not in quals:
        bad("%s: iac_error item lacks the iac qualifier" % qid)


def check_newcomer(qid, style, q, truth):
    if style not in ("long", "short"):
        bad("%s: newcomer must be long or short" % qid)
    if not NEWCOMER_CUE.search(q):
        bad("%s: newcomer question holds no newcomer cue" % qid)
    if "`" in q or "--" in q or "$" in q or re.search(r"\baz\s", q):
        bad("%s: newcomer question holds CLI tokens" % qid)
    if re.search(r"\b[A-Z]{2,}\b", q) or re.search(r"\b[a-z]+[A-Z]\w*", q):
        bad("%s: newcomer question holds an acronym or camelCase token" % qid)
    for j in JARGON:
        if word_in(j, q):
            bad("%s: newcomer question uses jargon %r" % (qid, j))
    if "--" in truth or re.search(r"\baz\s", truth):
        bad("%s: newcomer truth holds a CLI command" % qid)


def check_timeline(qid, style, q, truth):
    if style not in ("long", "agent"):
        bad("%s: timeline must be long or agent" % qid)
    pq = prose(q)
    marks = list(TIME_RE.finditer(pq))
    if len({m.group(0).lower() for m in marks}) < 3:
        bad("%s: timeline needs >= 3 distinct time markers" % qid)
    ask = ask_part(q)
    apos = pq.find(ask[:40]) if ask else -1
    if len([m for m in marks if apos < 0 or m.start() < apos]) < 2:
        bad("%s: timeline needs >= 2 time markers before the ask" % qid)
    if not TIME_ASK.search(ask):
        bad("%s: timeline ask holds no timing or order word" % qid)
    if not TIME_TRUTH.search(truth):
        bad("%s: timeline truth holds no time or order word" % qid)


def check_output(qid, style, kind, q, truth):
    if style not in ("agent", "short"):
        bad("%s: output_rule must be agent or short" % qid)
    found = [(name, m) for name, rx in OUT_RULES for m in [rx.search(q)] if m]
    if len(found) != 1:
        bad("%s: output_rule needs exactly one output constraint (found %d)" % (qid, len(found)))
        return
    name, m = found[0]
    nsent = len(re.findall(r"[.!?](?=\s|$)", truth))
    if name == "yesno":
        if kind not in ("yes", "no") or not re.match(r"(Yes|No): ", truth):
            bad("%s: output_rule yes-or-no needs a yes/no kind and truth" % qid)
        if nsent > 2:
            bad("%s: output_rule yes-or-no truth runs past one reason" % qid)
    elif name == "oneline":
        if "\n" in truth or nsent != 1 or not truth.rstrip().endswith((".", "!", "?")):
            bad("%s: output_rule one-line truth is not a single sentence" % qid)
    elif name == "command":
        if not truth.startswith("az ") or "\n" in truth or re.search(r"[.;]\s", truth) or truth.endswith("."):
            bad("%s: output_rule command truth is not a bare az command" % qid)
    elif name == "words":
        if len(truth.split()) > int(m.group(1)):
            bad("%s: output_rule truth exceeds %s words" % (qid, m.group(1)))


if __name__ == "__main__":
    sys.exit(main())
