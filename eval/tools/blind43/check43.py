"""blind43 validator: prints OK, or one line per problem and exits 1.
Env overrides: BLIND43_DIR, BLIND43_KROOT, BLIND43_FACTS."""
import importlib.util
import json
import os
import re
import sys

DIR = os.environ.get("BLIND43_DIR", os.path.dirname(os.path.abspath(__file__)))
KROOT = os.environ.get("BLIND43_KROOT", "/work/scratch/kstripped")
FACTS = os.environ.get("BLIND43_FACTS", "/work/shared/facts")
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
SHAPES = ["two_facts", "step_list", "what_happens", "outage", "docs_claim", "pipeline"]
SHAPE_FLOORS = {"two_facts": 4, "step_list": 5, "what_happens": 5, "outage": 5, "docs_claim": 5, "pipeline": 5}
DOCS_CLAIM_OCT_FLOOR = 3
META_KEYS = {"style", "kind", "form", "quals", "qual", "typo", "subject", "near_miss"} | set(SHAPES)
TYPOS = {"truested", "recoverd", "pricipal"}
ERROR_ANCHORS = [
    "Cannot set policies to a vault with '--enable-rbac-authorization' specified",
    "Failed to access KeyId",
    "ForbiddenByFirewall",
    "'wrap' is not a valid value for '--key-permissions'",
]
BANNED_SUBJECTS = [
    # blind42
    "consul", "1password", "cyberark", "haproxy", "tailscale", "nutanix", "falco", "filevault", "lastpass",
    "cryptomator", "tink", "dashlane",
    # blind41
    "transparent data encryption", "sealed secrets", "certbot", "kopia", "strongswan", "okta", "openvpn", "tpm",
    "bitwarden", "keepass", "fido2", "traefik",
    # blind40
    "storage account", "prometheus", "cert-manager", "restic", "backstage", "dm-crypt", "veracrypt", "totp",
    "iscsi", "zfs", "doppler", "scim",
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
           "dct", "oras", "kid", "rg"]
HSM_RE = re.compile(r"\b(managed hsm|hsm|hsms|managedhsm)\b", re.I)
IAC_RE = re.compile(r"\b(portal|terraform|bicep|arm|avm)\b", re.I)
OCT_TRUTH_RE = re.compile(r"managed hsm|october 2026", re.I)
FENCE_RE = re.compile(r"```.*?```", re.S)
# Managed HSM asked in varied ways: topics looked for in the asking part of hsm-asked items
HSM_TOPICS = [
    ("access", re.compile(r"\b(access|grant\w*|give|giving|permission\w*)\b", re.I)),
    ("which_key", re.compile(r"\b(which|what) (key|version|one)\b|\b(is|are) (it|the registry|we) "
                             r"(really )?(on|using)\b|\bin use\b", re.I)),
    ("rbac", re.compile(r"\b(rbac|scope|scoped|/keys)\b", re.I)),
    ("purge", re.compile(r"\b(purge\w*|soft[- ]delet\w*|deleted|recover\w*)\b", re.I)),
    ("uri", re.compile(r"\b(uri|url|host|kid|dns|address)\b", re.I)),
    ("rotation", re.compile(r"\b(rotat\w*|new (key )?versions?)\b", re.I)),
    ("revocation", re.compile(r"\b(revok\w*|revocation|cut (it |the registry |us )?off)\b", re.I)),
    ("unsupported", re.compile(r"\b(support\w*|unsupported|off the table|not available|accepts?|take)\b",
                               re.I)),
]
HSM_TOPIC_FLOOR = 7
# flags of earlier sets, now unknown fields (listed so the mutation driver can prove each is rejected)
DROPPED_FIELDS = ["script_paste", "difference", "auditor", "many_registries", "first_timer",
                  "pasted_output", "either_or", "without", "non_native", "follow_up",
                  "plan_review", "iac_error", "newcomer", "timeline", "output_rule",
                  "issue_title", "tried_steps", "json_field", "wrong_command", "other_cloud", "field", "wrong",
                  "other", "wrong_premise", "premise", "which_of_two", "shape"]
TRUTH_CMD = re.compile(r"\baz [a-z][a-z-]* [a-z]")
ROLE_NAME = re.compile(r"\b((?:Key Vault|Managed HSM) Crypto (?:Service Encryption User|User|Officer)|"
                       r"Managed HSM (?:Administrator|Contributor|Policy Administrator)|User Access Administrator|"
                       r"Role Based Access Control Administrator|Owner|Contributor)\b")
# step_list: a list of >= 4 steps in the prose (not only in a fence), an ask about a wrong, missing or
# misordered step, and a truth naming one step by its number or by content found in that step only
LIST_ITEM = re.compile(r"^ {0,3}(?:(\d{1,2})[.)]|[-*\u2022])\s+(\S.*)$")
STEP_ASK = re.compile(r"\b(steps?|which one|which of (?:these|them|those)|anything)\b", re.I)
STEP_FAULT = re.compile(r"\b(wrong|missing|missed|miss|forg[eo]t\w*|left out|leave out|out of order|order|"
                        r"sequence|skip\w*|incorrect|mistakes?|broken|backwards)\b", re.I)
STEP_NUM = re.compile(r"\b(?:step|item|line|point|bullet)\s*#?(\d{1,2})\b", re.I)
STEP_ORD = re.compile(r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|last)\s+(?:step|item|line|"
                      r"bullet|command)\b", re.I)
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
            "eighth": 8, "last": -1}
STEP_FLAG = re.compile(r"(?<![\w-])(--[a-z][a-z-]+)")
STEP_GENERIC_FLAGS = {"--name", "--resource-group", "--query", "--output"}
STEP_AZ = re.compile(r"\baz\s+([a-z][a-z-]*\s+[a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)")
STEP_IDENT = re.compile(r"(?<![\w./-])([a-z][a-z0-9]*(?:-[a-z0-9]+)+)(?![\w-])", re.I)
STEP_IDENT_GENERIC = {"user-assigned", "system-assigned", "read-only", "built-in", "rsa-hsm", "set-policy",
                      "rotate-key", "list-deleted", "role-assignment", "step-by-step", "re-create", "re-run"}
# what_happens: a consequence asked with a condition, and a concrete effect in the truth
CONSEQ_ASK = re.compile(
    r"\bwhat (?:happens|will happen|would happen|is going to happen)\b"
    r"|\bwhat (?:will|would|does|do)\b[^?.]{0,60}?\bdo\b"
    r"|\bwhat (?:breaks|would break|will break|stops working|goes down)\b"
    r"|\b(?:will|would|does|do|can|is|are)\b[^?.]{0,80}?\b(?:still|keep|continue)\w*\s+(?:to\s+)?"
    r"(?:work|run|pull|push|serv|function|be able|decrypt)\w*", re.I)
COND_CUE = re.compile(r"\b(if|when|once|after|while|during|as soon as|the moment|unless)\b", re.I)
EFFECT_RE = re.compile(r"\b(fails?|failing|failed|stops?|stopped|unavailable|inaccessible|403|cannot|can't|"
                       r"still works?|keeps? (?:working|serving|running|costing|being)|no effect|block(?:s|ed)?|"
                       r"breaks?|broken|lost|locked out|continues?|resumes?|unaffected|refus(?:es|ed)|rejected|"
                       r"expires?|billed)\b", re.I)
# outage: an incident voice (failure plus time or urgency cue) and a command or cause in the truth
URGENCY_RE = re.compile(r"\b(right now|urgent\w*|asap|outage|incident|sev ?-?[0-9]|paged|pager|on[- ]call|"
                        r"on fire|bridge call|war room|prod(?:uction)? (?:is )?down|down in prod|"
                        r"since (?:about |around )?(?:\d{1,2}[:.]\d{2}|this morning|last night|midnight)|"
                        r"for (?:the last )?\d+ (?:minutes|hours))\b", re.I)
FAIL_RE = re.compile(r"\b(fail\w*|down|broken|403|401|forbidden|denied|unauthori[sz]ed|errors?|refus\w*|"
                     r"cannot|can't|nothing can)\b", re.I)
CAUSE_RE = re.compile(r"\b(because|caused? by|the cause|root cause|due to|the reason|most likely)\b", re.I)
# docs_claim: a claim from an older source, asked whether it is (still) true
CLAIM_SOURCE = re.compile(r"\b(docs?|documentation|article|blog\w*|post|forum|thread|answer|stack ?overflow|"
                          r"colleague|co-?worker|teammate|team ?lead|architect|consultant|vendor|guide|tutorial|"
                          r"wiki|runbook|training|course|readme|video|talk|slides?|book|reddit|gist)\b", re.I)
CLAIM_VERB = re.compile(r"\b(read|saw|seen|says?|said|claim\w*|told|tells|heard|according to|wr[io]te|writes|"
                        r"mention\w*|insist\w*|swear\w*|copied|quot\w*|states?|stated|recommend\w*|"
                        r"suggest\w*)\b", re.I)
CLAIM_ASK = re.compile(r"\b(still|true|correct|accurate|right|valid|the case|outdated|out of date|stale|obsolete|"
                       r"hold|holds|legit|wrong|today|now|nowadays|these days|anymore|any more)\b", re.I)
CLAIM_KINDS = {"yes", "no", "undocumented", "howto", "value"}
NOW_CUE = re.compile(r"\b(now|today|currently|no longer|anymore|any more|these days|nowadays|as of|still|"
                     r"since (?:the |its )?october 2026|october 2026 revision)\b", re.I)
# pipeline: CI/CD or automation named in the prose or shown in a fenced YAML
PIPE_CUE = re.compile(r"\b(github actions?|workflows?|azure devops|azure pipelines?|pipelines?|"
                      r"gitlab(?:[- ]ci)?|jenkins\w*|ci/cd|ci jobs?|cd jobs?|build agents?|runners?|"
                      r"service connections?|service principals?|scheduled (?:jobs?|tasks?|runs?)|"
                      r"cron(?: jobs?)?|nightly jobs?|automation accounts?|release (?:stage|job)s?)\b", re.I)
YAML_KEYS = re.compile(r"^\s*-?\s*(steps|jobs|stages|script|run|schedules|trigger|pool|task)\s*:", re.M)
PIPE_FLAG = re.compile(r"(?<![\w-])--[a-z][a-z-]+")
PIPE_IDENT = re.compile(r"\b(principal id|client id|object id|resource id|service principal|managed identity|"
                        r"user-assigned|system-assigned|federated credential)\b|'\[system\]'", re.I)

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
        entries = json.load(open(os.path.join(DIR, "blind43.json"), encoding="utf-8"))
        meta = json.load(open(os.path.join(DIR, "blind43-meta.json"), encoding="utf-8"))
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
    for n in range(19, 43):
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
    for n in (42, 41):
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
        if e.get("id") != "m%03d" % n:
            bad("%s: bad id at position %d (want m%03d)" % (e.get("id"), n, n))
        if e.get("source") != SOURCE:
            bad("%s: bad source" % e.get("id"))
    if set(meta.keys()) != set(ids):
        bad("meta: ids do not match the set")
    cats = [e.get("category") for e in entries]
    for i in range(len(cats) - 2):
        if cats[i] == cats[i + 1] == cats[i + 2]:
            bad("set: three %s entries in a row at %s" % (cats[i], ids[i]))

    # rebuild
    bp = os.path.join(DIR, "build43.py")
    if os.path.exists(bp):
        try:
            spec = importlib.util.spec_from_file_location("build43_chk", bp)
            mod = importlib.util.module_from_spec(spec)
            sys.path.insert(0, DIR)
            spec.loader.exec_module(mod)
            be, bm = mod.build()
            if json.loads(json.dumps(be)) != entries:
                bad("set: rebuild differs from blind43.json")
            if json.loads(json.dumps(bm)) != meta:
                bad("set: rebuild differs from blind43-meta.json")
        except Exception as exc:  # noqa: BLE001
            bad("set: build43.py failed: %s" % exc)

    count = {}

    def inc(k, v=1):
        count[k] = count.get(k, 0) + v

    on_sets = []
    first_docs = {}
    hsm_topics = set()
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
                bad("%s: 8-token run shared with blind19-42: %s" % (qid, " ".join(g)))
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
                    bad("%s: subject %r used in blind19-42" % (qid, subj))
            for w in BANNED_SUBJECTS + BANNED_WORDS:
                if word_in(w, q):
                    bad("%s: off-topic question names banned %r" % (qid, w))
            if m.get("near_miss"):
                if style != "long":
                    bad("%s: near_miss only on long off-topic posts" % qid)
                inc("near_miss")
            if style == "long" and re.search(r"\bregistr", q, re.I) and re.search(r"\bkey\b", q, re.I):
                inc("off_story")
            for f in SHAPES:
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
        if c0 not in firsts.get(42, set()):
            inc("new42")
            if c0 not in firsts.get(41, set()):
                inc("new4241")
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
                for tname, trx in HSM_TOPICS:
                    if trx.search(ask):
                        hsm_topics.add(tname)
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
        if m.get("step_list"):
            check_step_list(qid, style, q, truth)
        if m.get("what_happens"):
            check_what_happens(qid, q, truth)
        if m.get("outage"):
            check_outage(qid, style, q, truth)
        if m.get("docs_claim"):
            check_docs_claim(qid, kind, q, truth)
            if "oct2026" in quals:
                inc("docs_claim_oct")
        if m.get("pipeline"):
            check_pipeline(qid, style, q, truth)

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
    if count.get("new42", 0) < 30:
        bad("set: spread: only %d first canonicals new against blind42 (floor 30)" % count.get("new42", 0))
    if count.get("new4241", 0) < 20:
        bad("set: spread: only %d first canonicals new against blind42 and blind41 (floor 20)"
            % count.get("new4241", 0))
    floors = [("hsm_asked", 10, "Managed HSM asked"), ("iac_named", 8, "portal/Terraform/Bicep/ARM/AVM named"),
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
    if count.get("hsm_asked", 0) and len(hsm_topics) < HSM_TOPIC_FLOOR:
        bad("set: Managed HSM asked in only %d of %d ways (%s; floor %d)"
            % (len(hsm_topics), len(HSM_TOPICS), ", ".join(sorted(hsm_topics)), HSM_TOPIC_FLOOR))
    for f, n in SHAPE_FLOORS.items():
        if count.get(("shape", f), 0) < n:
            bad("set: floor: shape %s %d < %d" % (f, count.get(("shape", f), 0), n))
    if count.get("docs_claim_oct", 0) < DOCS_CLAIM_OCT_FLOOR:
        bad("set: floor: docs_claim items about an October 2026 change %d < %d"
            % (count.get("docs_claim_oct", 0), DOCS_CLAIM_OCT_FLOOR))
    for t in TYPOS:
        if count.get(("typo", t), 0) != 1:
            bad("set: typo %r used %d times, want 1" % (t, count.get(("typo", t), 0)))
        if word_in(t, prev_all_low):
            bad("set: typo %r already used in blind19-42" % t)
        if word_in(t, src_low):
            bad("set: typo %r stands in the knowledge or facts" % t)

    if problems:
        print("\n".join(problems))
        return 1
    print("OK")
    return 0


def list_runs(q):
    """Runs of list items (numbered or bulleted) in the prose, as lists of item texts. A fence, or a line of
    plain text that is not indented, ends a run; blank lines and indented continuation lines do not."""
    runs, cur = [], []
    for chunk in re.split(r"(```.*?```)", q, flags=re.S):
        if chunk.startswith("```"):
            if cur:
                runs.append(cur)
            cur = []
            continue
        for line in chunk.split("\n"):
            m = LIST_ITEM.match(line)
            if m:
                cur.append(m.group(2))
            elif not line.strip():
                continue
            elif cur and line.startswith((" ", "\t")):
                cur[-1] += " " + line.strip()
            else:
                if cur:
                    runs.append(cur)
                cur = []
    if cur:
        runs.append(cur)
    return runs


def step_sigs(item):
    """Content that can name a step: flags, az commands, role names and hyphenated resource names."""
    sigs = {f for f in STEP_FLAG.findall(item) if f not in STEP_GENERIC_FLAGS}
    sigs |= {"az " + re.sub(r"\s+", " ", c) for c in STEP_AZ.findall(item)}
    sigs |= {r for r in ROLE_NAME.findall(item)}
    sigs |= {x for x in STEP_IDENT.findall(item) if x.lower() not in STEP_IDENT_GENERIC and len(x) >= 5}
    return {x.lower() for x in sigs}


def check_step_list(qid, style, q, truth):
    if style != "long":
        bad("%s: step_list must be a long post" % qid)
        return
    runs = [r for r in list_runs(q) if len(r) >= 4]
    if not runs:
        bad("%s: step_list needs a list of >= 4 steps in the prose (outside fences)" % qid)
        return
    ask = ask_part(q)
    if not (STEP_ASK.search(ask) and STEP_FAULT.search(ask)):
        bad("%s: step_list ask does not ask which step is wrong, missing or out of order" % qid)
    items = max(runs, key=len)
    n = len(items)
    named = False
    for m in STEP_NUM.finditer(truth):
        if 1 <= int(m.group(1)) <= n:
            named = True
    for m in STEP_ORD.finditer(truth):
        k = ORDINALS[m.group(1).lower()]
        if k == -1 or k <= n:
            named = True
    sigs = [step_sigs(it) for it in items]
    low = truth.lower()
    for k, sg in enumerate(sigs):
        others = set().union(*[x for j, x in enumerate(sigs) if j != k]) if n > 1 else set()
        for sig in sg - others:
            if re.search(r"(?<![\w-])" + re.escape(sig) + r"(?![\w-])", low):
                named = True
    if not named:
        bad("%s: step_list truth names no step by number or by content of a single step" % qid)


def check_what_happens(qid, q, truth):
    ask = ask_part(q)
    if not CONSEQ_ASK.search(ask):
        bad("%s: what_happens ask does not ask about a consequence (what happens / what will X do / "
            "will X still work)" % qid)
    elif not COND_CUE.search(ask):
        bad("%s: what_happens ask names no condition (if / when / once / after / while ...)" % qid)
    if not EFFECT_RE.search(truth):
        bad("%s: what_happens truth states no concrete effect" % qid)


def check_outage(qid, style, q, truth):
    if style not in ("long", "agent"):
        bad("%s: outage must be a long or agent item" % qid)
    if not URGENCY_RE.search(prose(q)):
        bad("%s: outage question has no time or urgency cue" % qid)
    if not FAIL_RE.search(q):
        bad("%s: outage question names no failure" % qid)
    if not (TRUTH_CMD.search(truth) or CAUSE_RE.search(truth)):
        bad("%s: outage truth names no command and no cause" % qid)


def check_docs_claim(qid, kind, q, truth):
    pq = prose(q)
    if not (CLAIM_SOURCE.search(pq) and CLAIM_VERB.search(pq)):
        bad("%s: docs_claim question names no source of the claim (doc, blog, forum, colleague ...)" % qid)
    if not CLAIM_ASK.search(ask_part(q)):
        bad("%s: docs_claim ask does not ask whether the claim is (still) true" % qid)
    if kind not in CLAIM_KINDS:
        bad("%s: docs_claim kind %r not in yes/no/undocumented/howto/value" % (qid, kind))
    elif kind in ("howto", "value") and not NOW_CUE.search(truth):
        bad("%s: docs_claim truth does not say what is true now" % qid)


def check_pipeline(qid, style, q, truth):
    if style not in ("long", "agent"):
        bad("%s: pipeline must be a long or agent item" % qid)
    yaml_fence = False
    for f in fences(q):
        info = f.split("\n", 1)[0][3:].strip().lower()
        if info in ("yaml", "yml") and YAML_KEYS.search(f):
            yaml_fence = True
    if not (PIPE_CUE.search(prose(q)) or yaml_fence):
        bad("%s: pipeline question names no CI/CD or automation context" % qid)
    if not (TRUTH_CMD.search(truth) or PIPE_FLAG.search(truth) or ROLE_NAME.search(truth)
            or PIPE_IDENT.search(truth)):
        bad("%s: pipeline truth names no az command, flag, role or identity fact" % qid)




if __name__ == "__main__":
    sys.exit(main())
