"""blind44 validator: prints OK, or one line per problem and exits 1.
Env overrides: BLIND44_DIR, BLIND44_KROOT, BLIND44_FACTS."""
import importlib.util
import json
import os
import re
import sys

DIR = os.environ.get("BLIND44_DIR", os.path.dirname(os.path.abspath(__file__)))
KROOT = os.environ.get("BLIND44_KROOT", "/work/scratch/kstripped")
FACTS = os.environ.get("BLIND44_FACTS", "/work/shared/facts")
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
SHAPES = ["two_facts", "analogy", "undo", "chat_transcript", "shorthand", "pr_diff"]
SHAPE_FLOORS = {"two_facts": 4, "analogy": 5, "undo": 5, "chat_transcript": 5, "shorthand": 5, "pr_diff": 5}
META_KEYS = {"style", "kind", "form", "quals", "qual", "typo", "subject", "near_miss"} | set(SHAPES)
TYPOS = {"expot", "idnetity", "vesions"}
ERROR_ANCHORS = [
    "Cannot set policies to a vault with '--enable-rbac-authorization' specified",
    "Failed to access KeyId",
    "ForbiddenByFirewall",
    "'wrap' is not a valid value for '--key-permissions'",
]
BANNED_SUBJECTS = [
    # blind43
    "sigstore", "barbican", "veeam", "teamcity", "jamf", "pagerduty", "splunk", "puppet", "nextcloud", "keytool",
    "borg", "auth0",
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
DROPPED_FIELDS = ["step_list", "what_happens", "outage", "docs_claim", "pipeline",
                  "script_paste", "difference", "auditor", "many_registries", "first_timer",
                  "pasted_output", "either_or", "without", "non_native", "follow_up",
                  "plan_review", "iac_error", "newcomer", "timeline", "output_rule",
                  "issue_title", "tried_steps", "json_field", "wrong_command", "other_cloud", "field", "wrong",
                  "other", "wrong_premise", "premise", "which_of_two", "shape"]
# prev sets: blind19-43; blind41.json is not in prev/ (see the notes), so it cannot be compared
PREV_SETS = [n for n in range(19, 44) if n != 41]
PREV_LABEL = "blind19-43"

# analogy: another Azure service named in the prose, an ask whether the same holds for the registry, and a truth
# that compares (like / unlike / same / differs ...) and names the registry
ANALOGY_SVC = re.compile(
    r"\b(storage accounts?|azure storage|blob storage|azure files|(?:azure )?sql(?: database| server| managed instance)?|"
    r"tde|transparent data encryption|cosmos(?: ?db)?|disk encryption sets?|des|managed disks?|aks|etcd|"
    r"event hubs?|service bus|app service|azure database for (?:postgresql|mysql)|synapse|data factory|"
    r"log analytics|azure monitor|databricks|machine learning|recovery services vaults?|backup vaults?|"
    r"azure batch|redis|app configuration|container instances|data explorer)\b", re.I)
ANALOGY_ASK = re.compile(
    r"\b(same|also|too|as well|likewise|similar\w*|equivalent\w*|counterpart|analog\w*|compar\w*|just like|"
    r"like (?:that|it|there|we do|on|in|with|for)|the way (?:it|they|we)|work(?:s|ed)? like)\b", re.I)
REG_WORD = re.compile(r"\b(acr|registry|registries|container registry)\b", re.I)
ANALOGY_TRUTH = re.compile(r"\b(unlike|like|same|differ\w*|different\w*|also|too|as with|as for|in contrast|"
                           r"whereas|similar\w*|equivalent|counterpart|mirrors?)\b", re.I)
# undo: something was done (past tense) in the prose, the ask is about going back, the truth gives the way back or
# says there is none
UNDO_DONE = re.compile(r"\b(enabled|turned on|turned off|switched|assigned|rotated|disabled|deleted|removed|revoked|"
                       r"flipped|changed|moved|purged|detached|pinned|applied|locked|granted|ran|created|set)\b",
                       re.I)
UNDO_ASK = re.compile(
    r"\b(undo\w*|undone|revert\w*|roll\w* (?:it |this |that )?back|rollback|go(?:ing)? back|back out|reverse\w*|"
    r"reversible|irreversible|(?:switch|turn|flip|change|set|put|get|move|bring)\w*\s+(?:\w+\s+){0,3}?back\b|"
    r"(?:switch|turn)\w*\s+(?:\w+\s+){0,2}?off\b|return to|restore the (?:old|previous|original))", re.I)
UNDO_TRUTH = re.compile(
    r"\b(undo\w*|undone|revers\w*|irreversible|permanent\w*|one-way|no way back|go(?:es|ing)? back|"
    r"switch\w* back|roll\w* back|revert\w*|put\w* back|back to|"
    r"(?:can't|cannot|can not) be (?:turned|switched) off|can't be undone|cannot be undone)\b", re.I)
# chat_transcript: >= 4 timestamped messages from >= 2 speakers in the prose, in time order, one of them asking;
# the truth names a speaker
CHAT_TS = r"(\d{1,2}):(\d{2})(?:\s?([AaPp][Mm]))?"
CHAT_NAME = r"([A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,2})"
CHAT_A = re.compile(r"^\s*\[?" + CHAT_TS + r"\]?\s+" + CHAT_NAME + r":\s+(\S.*)$")
CHAT_B = re.compile(r"^\s*" + CHAT_NAME + r"\s+[\[(]" + CHAT_TS + r"[\])]:?\s*(\S.*)$")
CHAT_C = re.compile(r"^\s*" + CHAT_NAME + r"\s{1,3}" + CHAT_TS + r"\s*$")
CHAT_MIN_MSGS = 4
# shorthand: a short or agent item typed in a hurry: >= 3 abbreviations, >= 1 misspelling from the list below,
# nothing uppercase after the first character; the truth spells out an abbreviation and carries no misspelling
SH_ABBREVS = ["cmk", "kv", "uami", "mi", "sami", "mhsm", "hsm", "rg", "acr", "rbac", "kek", "pe", "sp", "fw", "sub",
              "tf", "az", "cli", "w/", "b/c", "pls", "plz", "thx", "asap", "rn", "afaik", "iirc", "btw", "fyi",
              "idk", "q", "y"]
SH_TYPOS = {"roate": "rotate", "encyrption": "encryption", "vualt": "vault", "acess": "access",
            "assignmnt": "assignment", "encrytion": "encryption", "scpoe": "scope"}
SH_EXPAND = {"kv": r"key vault", "uami": r"user-assigned", "mi": r"managed identit", "sami": r"system-assigned",
             "mhsm": r"managed hsm", "hsm": r"managed hsm", "rg": r"resource group",
             "kek": r"key encryption key|key-encryption-key", "pe": r"private endpoint", "sp": r"service principal",
             "fw": r"firewall", "rbac": r"role-based|azure rbac|rbac mode|rbac permission model",
             "tf": r"terraform", "sub": r"subscription"}
SH_MIN_ABBREVS = 3
# pr_diff: a fenced unified diff of an IaC, pipeline or shell file, a review cue, a safety/effect ask, and a truth
# naming code from a changed line
DIFF_PATH = re.compile(r"^(?:\+\+\+ (?:b/)?(\S+)|diff --git a/\S+ b/(\S+))", re.M)
DIFF_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@", re.M)
DIFF_EXTS = ("tf", "bicep", "bicepparam", "json", "yml", "yaml", "sh", "bash", "ps1")
PR_CUE = re.compile(r"\b(pull request|pr|prs|mr|merge request|review\w*|approv\w*|lgtm|merg\w*|diff|patch|"
                    r"commit\w*|changeset)\b", re.I)
PR_ASK = re.compile(r"\b(safe\w*|break\w*|broke|merge|approv\w*|ok(?:ay)? to|fine|risk\w*|what happens|impact\w*|"
                    r"regress\w*|blast radius|problem\w*|wrong|side effects?|change|do to|affect\w*|harm\w*|hurt\w*|"
                    r"dead weight|keep|work\w*|look like|end up)\b", re.I)
CODE_TOK = [re.compile(r"--[a-z][a-z0-9-]+"),
            re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+"),
            re.compile(r"[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+"),
            re.compile(r"[a-z]+[A-Z][A-Za-z0-9]*")]
CODE_GENERIC = {"--name", "--resource-group", "--query", "--output"}

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
        entries = json.load(open(os.path.join(DIR, "blind44.json"), encoding="utf-8"))
        meta = json.load(open(os.path.join(DIR, "blind44-meta.json"), encoding="utf-8"))
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
    for n in PREV_SETS:
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
    for n in (43, 42):
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
        if e.get("id") != "e%03d" % n:
            bad("%s: bad id at position %d (want e%03d)" % (e.get("id"), n, n))
        if e.get("source") != SOURCE:
            bad("%s: bad source" % e.get("id"))
    if set(meta.keys()) != set(ids):
        bad("meta: ids do not match the set")
    cats = [e.get("category") for e in entries]
    for i in range(len(cats) - 2):
        if cats[i] == cats[i + 1] == cats[i + 2]:
            bad("set: three %s entries in a row at %s" % (cats[i], ids[i]))

    # rebuild
    bp = os.path.join(DIR, "build44.py")
    if os.path.exists(bp):
        try:
            spec = importlib.util.spec_from_file_location("build44_chk", bp)
            mod = importlib.util.module_from_spec(spec)
            sys.path.insert(0, DIR)
            spec.loader.exec_module(mod)
            be, bm = mod.build()
            if json.loads(json.dumps(be)) != entries:
                bad("set: rebuild differs from blind44.json")
            if json.loads(json.dumps(bm)) != meta:
                bad("set: rebuild differs from blind44-meta.json")
        except Exception as exc:  # noqa: BLE001
            bad("set: build44.py failed: %s" % exc)

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
                bad("%s: 8-token run shared with %s: %s" % (qid, PREV_LABEL, " ".join(g)))
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
        for t in SH_TYPOS:
            if word_in(t, q) and not m.get("shorthand"):
                bad("%s: shorthand misspelling %r outside a shorthand item" % (qid, t))

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
                    bad("%s: subject %r used in %s" % (qid, subj, PREV_LABEL))
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
        if c0 not in firsts.get(43, set()):
            inc("new43")
            if c0 not in firsts.get(42, set()):
                inc("new4342")
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
        if m.get("analogy"):
            check_analogy(qid, q, truth)
        if m.get("undo"):
            check_undo(qid, q, truth)
        if m.get("chat_transcript"):
            check_chat(qid, style, q, truth)
        if m.get("shorthand"):
            check_shorthand(qid, style, q, truth)
        if m.get("pr_diff"):
            check_pr_diff(qid, style, q, truth)

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
    if count.get("new43", 0) < 30:
        bad("set: spread: only %d first canonicals new against blind43 (floor 30)" % count.get("new43", 0))
    if count.get("new4342", 0) < 20:
        bad("set: spread: only %d first canonicals new against blind43 and blind42 (floor 20)"
            % count.get("new4342", 0))
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
    for t in TYPOS:
        if count.get(("typo", t), 0) != 1:
            bad("set: typo %r used %d times, want 1" % (t, count.get(("typo", t), 0)))
        if word_in(t, prev_all_low):
            bad("set: typo %r already used in %s" % (t, PREV_LABEL))
        if word_in(t, src_low):
            bad("set: typo %r stands in the knowledge or facts" % t)
    for t in SH_TYPOS:
        if t in TYPOS:
            bad("set: shorthand misspelling %r is also a set typo" % t)
        if word_in(t, src_low):
            bad("set: shorthand misspelling %r stands in the knowledge or facts" % t)

    if problems:
        print("\n".join(problems))
        return 1
    print("OK")
    return 0


def check_analogy(qid, q, truth):
    if not ANALOGY_SVC.search(prose(q)):
        bad("%s: analogy question names no other Azure service" % qid)
    ask = ask_part(q)
    if not (ANALOGY_ASK.search(ask) and REG_WORD.search(ask)):
        bad("%s: analogy ask does not ask whether the same holds for the registry" % qid)
    if not (ANALOGY_TRUTH.search(truth) and REG_WORD.search(truth)):
        bad("%s: analogy truth does not compare with the registry" % qid)


def check_undo(qid, q, truth):
    if not UNDO_DONE.search(prose(q)):
        bad("%s: undo question names nothing that was done" % qid)
    if not UNDO_ASK.search(ask_part(q)):
        bad("%s: undo ask does not ask about going back" % qid)
    if not UNDO_TRUTH.search(truth):
        bad("%s: undo truth gives no way back and no verdict on reversibility" % qid)


def chat_messages(q):
    """(minutes, speaker, text) for each chat message in the prose, in order."""
    msgs, lines = [], prose(q).split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        m = CHAT_A.match(line)
        if m:
            msgs.append((_mins(m.group(1), m.group(2), m.group(3)), m.group(4), m.group(5)))
            i += 1
            continue
        m = CHAT_B.match(line)
        if m:
            msgs.append((_mins(m.group(2), m.group(3), m.group(4)), m.group(1), m.group(5)))
            i += 1
            continue
        m = CHAT_C.match(line)
        if m:
            body, j = [], i + 1
            while j < len(lines) and lines[j].strip() and not CHAT_C.match(lines[j]):
                body.append(lines[j].strip())
                j += 1
            if body:
                msgs.append((_mins(m.group(2), m.group(3), m.group(4)), m.group(1), " ".join(body)))
            i = j
            continue
        i += 1
    return msgs


def _mins(h, mnt, ampm):
    h, mnt = int(h), int(mnt)
    if ampm:
        h = h % 12 + (12 if ampm.lower() == "pm" else 0)
    return h * 60 + mnt


def check_chat(qid, style, q, truth):
    if style != "long":
        bad("%s: chat_transcript must be a long post" % qid)
        return
    msgs = chat_messages(q)
    if len(msgs) < CHAT_MIN_MSGS:
        bad("%s: chat_transcript needs >= %d timestamped messages in the prose (found %d)"
            % (qid, CHAT_MIN_MSGS, len(msgs)))
        return
    speakers = {s for _, s, _ in msgs}
    if len(speakers) < 2:
        bad("%s: chat_transcript needs >= 2 speakers" % qid)
    times = [t for t, _, _ in msgs]
    if times != sorted(times):
        bad("%s: chat_transcript timestamps out of order" % qid)
    if not any("?" in txt for _, _, txt in msgs):
        bad("%s: chat_transcript has no question inside the thread" % qid)
    firsts = {s.split()[0] for s in speakers}
    if not any(word_in(f, truth) for f in firsts):
        bad("%s: chat_transcript truth names no speaker" % qid)


def check_shorthand(qid, style, q, truth):
    if style not in ("short", "agent"):
        bad("%s: shorthand must be a short or agent item" % qid)
    used = [a for a in SH_ABBREVS if word_in(a, q)]
    if len(used) < SH_MIN_ABBREVS:
        bad("%s: shorthand question has %d abbreviations (want >= %d)" % (qid, len(used), SH_MIN_ABBREVS))
    if not any(word_in(t, q) for t in SH_TYPOS):
        bad("%s: shorthand question has no misspelling from the list" % qid)
    if any(ch.isupper() for ch in q[1:]):
        bad("%s: shorthand question has capitals after the first character" % qid)
    for t in SH_TYPOS:
        if word_in(t, truth):
            bad("%s: shorthand truth repeats the misspelling %r" % (qid, t))
    if not any(re.search(r"\b(?:%s)" % SH_EXPAND[a], truth, re.I) for a in used if a in SH_EXPAND):
        bad("%s: shorthand truth spells out none of the question's abbreviations" % qid)


def diff_fences(q):
    """Fences holding a unified diff of an allowed file type: list of (paths, added, removed)."""
    out = []
    for f in fences(q):
        info = f.split("\n", 1)[0][3:].strip().lower()
        if info not in ("", "diff", "patch"):
            continue
        body = f.split("\n", 1)[1] if "\n" in f else ""
        paths = [a or b for a, b in DIFF_PATH.findall(body)]
        if not paths or not DIFF_HUNK.search(body):
            continue
        if not all(p.rsplit(".", 1)[-1].lower() in DIFF_EXTS for p in paths):
            continue
        lines = body.split("\n")
        added = [x[1:] for x in lines if x.startswith("+") and not x.startswith("+++")]
        removed = [x[1:] for x in lines if x.startswith("-") and not x.startswith("---")]
        if added or removed:
            out.append((paths, added, removed))
    return out


def code_tokens(lines):
    toks_ = set()
    for line in lines:
        for rx in CODE_TOK:
            for t in rx.findall(line):
                toks_.add(t)
                for part in t.split("."):
                    if "_" in part or re.match(r"[a-z]+[A-Z]", part):
                        toks_.add(part)
    return {t for t in toks_ if t.lower() not in CODE_GENERIC and len(t) >= 4}


def check_pr_diff(qid, style, q, truth):
    if style != "long":
        bad("%s: pr_diff must be a long post" % qid)
        return
    diffs = diff_fences(q)
    if not diffs:
        bad("%s: pr_diff needs a fenced unified diff (file header, hunk, changed lines) of a .tf/.bicep/.json/.yml/"
            ".sh/.ps1 file" % qid)
        return
    if not PR_CUE.search(prose(q)):
        bad("%s: pr_diff question names no review context (PR, review, merge ...)" % qid)
    if not PR_ASK.search(ask_part(q)):
        bad("%s: pr_diff ask does not ask whether the change is safe or what it does" % qid)
    changed = set()
    for _, added, removed in diffs:
        changed |= code_tokens(added + removed)
    if not any(re.search(r"(?<![\w.-])" + re.escape(t) + r"(?![\w-])", truth, re.I) for t in changed):
        bad("%s: pr_diff truth names no code from a changed line" % qid)


if __name__ == "__main__":
    sys.exit(main())
