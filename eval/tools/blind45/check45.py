"""blind45 validator: prints OK, or one line per problem and exits 1.
Env overrides: BLIND45_DIR, BLIND45_KROOT, BLIND45_FACTS."""
import importlib.util
import json
import os
import re
import sys

DIR = os.environ.get("BLIND45_DIR", os.path.dirname(os.path.abspath(__file__)))
KROOT = os.environ.get("BLIND45_KROOT", "/work/scratch/kstripped")
FACTS = os.environ.get("BLIND45_FACTS", "/work/shared/facts")
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
SHAPES = ["two_facts", "multiple_choice", "support_email", "voice_dictation", "code_comment", "powershell_user"]
# two_facts is a floor; each new shape must be used exactly SHAPE_EXACT times
SHAPE_FLOORS = {"two_facts": 4}
SHAPE_EXACT = {"multiple_choice": 5, "support_email": 5, "voice_dictation": 5, "code_comment": 5, "powershell_user": 5}
META_KEYS = {"style", "kind", "form", "quals", "qual", "typo", "subject", "near_miss"} | set(SHAPES)
TYPOS = {"asignments", "permissons", "replciation"}
ERROR_ANCHORS = [
    "Cannot set policies to a vault with '--enable-rbac-authorization' specified",
    "Failed to access KeyId",
    "ForbiddenByFirewall",
    "'wrap' is not a valid value for '--key-permissions'",
]
BANNED_SUBJECTS = [
    # blind44
    "ceph", "venafi", "duplicati", "portainer", "transcrypt", "nomad", "caddy", "datadog", "terragrunt", "mkcert",
    "rclone", "nitrokey",
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
DROPPED_FIELDS = ["analogy", "undo", "chat_transcript", "shorthand", "pr_diff",
                  "step_list", "what_happens", "outage", "docs_claim", "pipeline",
                  "script_paste", "difference", "auditor", "many_registries", "first_timer",
                  "pasted_output", "either_or", "without", "non_native", "follow_up",
                  "plan_review", "iac_error", "newcomer", "timeline", "output_rule",
                  "issue_title", "tried_steps", "json_field", "wrong_command", "other_cloud", "field", "wrong",
                  "other", "wrong_premise", "premise", "which_of_two", "shape"]
# prev sets: blind19-44, all 26 present in prev/ (blind41 included this time)
PREV_SETS = list(range(19, 45))
PREV_LABEL = "blind19-44"

# ---- new shapes (blind45) ----
# multiple_choice: an exam or quiz question with 3-5 labelled options (A, B, C... or 1, 2, 3..., in order; labels up
# to H/9 are recognised so that too many options are caught); the truth names the right option (one the question
# has) and gives a reason
MC_CUE = re.compile(r"\b(exams?|quiz\w*|certification|cert prep|practice (?:test|question|exam)s?|mock (?:test|exam)s?|"
                    r"question bank|knowledge check|study (?:group|guide)|flashcards?|az-\d{3}|assessment|"
                    r"multiple[- ]choice)\b", re.I)
MC_PICK = re.compile(r"\b(which|what|choose|pick|select|correct|right|best|true)\b", re.I)
MC_LINE = re.compile(r"^[ \t]*(?:\(([A-Ha-h1-9])\)|([A-Ha-h1-9])[.)])[ \t]+\S", re.M)
MC_INLINE = re.compile(r"(?:(?<=\s)|^)(?:\(([A-Ha-h1-9])\)|([A-Ha-h])\))[ \t]+\S")
MC_REASON = re.compile(r"\b(because|since|reason|the others?|other options?|wrong|incorrect|whereas|"
                       r"which is why|that is why)\b", re.I)
# support_email: a formal email (greeting line first, sign-off line then a name and a title last), a case or ticket
# number, an environment cue and a question inside the body; the truth is an answer, not an email, and names one of
# the asker's own resources
EMAIL_GREETING = re.compile(r"^(Dear|Hello|Hi|Good (?:morning|afternoon|evening)|Greetings|To whom it may concern)\b"
                            r".{0,60}[,:]$")
EMAIL_SIGNOFF = re.compile(r"^(Best regards|Kind regards|Warm regards|Regards|Best wishes|Many thanks|Thanks and regards|"
                           r"Thanks in advance|Thank you in advance|Thank you|Sincerely|Yours sincerely|"
                           r"Yours faithfully|With thanks)[,.!]?$", re.I)
EMAIL_NAME = re.compile(r"^[A-Z][\w'.-]+(?: [A-Z][\w'.-]+){0,3}(?:\s*(?:,|\||-|–)\s*(\S.*))?$")
EMAIL_CASE = re.compile(r"\b(?:case|ticket|incident|support request|service request|request|sr|reference)\b"
                        r"\s*(?:number|no\.?|id|#)?\s*[:#]?\s*(?:[A-Z]{1,5}-?)?\d{5,}", re.I)
EMAIL_ENV = re.compile(r"\b(subscriptions?|region|tenant|environment|resource group|production|staging)\b", re.I)
RES_NAME = re.compile(r"(?<![\w.-])[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9](?![\w-])")
RES_PREFIX = re.compile(r"^(?:kv|mhsm|hsm|rg|id|uami|acr|cr|mi)-", re.I)
# voice_dictation: speech-to-text output: lower case, no digits, no punctuation except a final . or ?, at least one
# spoken number or symbol and one homophone slip from VOICE_SLIPS; the truth uses the intended word, none of the
# slips, and writes a number or symbol out (digit, -- flag or /)
VOICE_SLIPS = {"roll": "role", "principle": "principal", "aloud": "allowed", "rap": "wrap", "unrap": "unwrap",
               "skew": "sku", "excess": "access"}
VOICE_SPOKEN = ["dash", "slash", "dot", "colon", "underscore", "hyphen", "bracket", "brackets", "quote", "quotes",
                "zero", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
                "hundred", "thousand"]
VOICE_TRUTH_FORM = re.compile(r"\d|--[a-z]|/")
# code_comment: a pasted file (tagged fence, >= 60% of the post) whose comments carry the question; the prose has no
# "?"; the truth names code from a non-comment line
CODE_FENCE_TAGS = ("hcl", "terraform", "tf", "bicep", "yaml", "yml", "bash", "sh", "shell", "zsh", "powershell",
                   "pwsh", "ps1", "json", "jsonc")
CODE_SHARE = 0.6
COMMENT_RE = re.compile(r"(?:^|(?<=\s))(#|//|/\*|<!--)(.*)$")
COMMENT_TAG = re.compile(r"^\W*(TODO|FIXME|QUESTION|Q|XXX|HACK|NOTE|ASK|REVIEW)\b", re.I)
# powershell_user: the asker names an Az cmdlet (Verb-AzNoun), a PowerShell pipeline or a $variable.Property; the
# asking part asks how or what; the truth gives az commands, says it speaks Azure CLI, uses no PowerShell parameter
# syntax and names no cmdlet the question did not name
PS_CMDLET = re.compile(r"\b(?:Get|Set|New|Remove|Update|Add|Invoke|Connect|Test|Start|Stop|Import|Export|Enable|"
                       r"Disable|Undo|Backup|Restore|Grant|Revoke|Register|Select)-Az[A-Za-z]+\b", re.I)
PS_PIPE = re.compile(r"\|\s*(?:Select-Object|Where-Object|ForEach-Object|Sort-Object|Format-List|Format-Table|"
                     r"ConvertTo-Json|Out-[A-Za-z]+|select|where|fl|ft|%|\?)(?![\w-])", re.I)
PS_VAR = re.compile(r"\$[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)+")
PS_ASK = re.compile(r"\b(how|which|what|check|verify|confirm|see|show|find|equivalent|command|way|should)\b", re.I)
PS_TRUTH_AZ = re.compile(r"\baz (?:acr|keyvault|role|identity|policy|ad|group|deployment)\b")
PS_TRUTH_CLI = re.compile(r"\b(azure cli|az cli)\b", re.I)
PS_PARAM = re.compile(r"(?<![\w-])-[A-Z][a-z]+[A-Za-z]*\b")
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
        entries = json.load(open(os.path.join(DIR, "blind45.json"), encoding="utf-8"))
        meta = json.load(open(os.path.join(DIR, "blind45-meta.json"), encoding="utf-8"))
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
    for n in (44, 43):
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
        if e.get("id") != "f%03d" % n:
            bad("%s: bad id at position %d (want f%03d)" % (e.get("id"), n, n))
        if e.get("source") != SOURCE:
            bad("%s: bad source" % e.get("id"))
    if set(meta.keys()) != set(ids):
        bad("meta: ids do not match the set")
    cats = [e.get("category") for e in entries]
    for i in range(len(cats) - 2):
        if cats[i] == cats[i + 1] == cats[i + 2]:
            bad("set: three %s entries in a row at %s" % (cats[i], ids[i]))

    # rebuild
    bp = os.path.join(DIR, "build45.py")
    if os.path.exists(bp):
        try:
            spec = importlib.util.spec_from_file_location("build45_chk", bp)
            mod = importlib.util.module_from_spec(spec)
            sys.path.insert(0, DIR)
            spec.loader.exec_module(mod)
            be, bm = mod.build()
            if json.loads(json.dumps(be)) != entries:
                bad("set: rebuild differs from blind45.json")
            if json.loads(json.dumps(bm)) != meta:
                bad("set: rebuild differs from blind45-meta.json")
        except Exception as exc:  # noqa: BLE001
            bad("set: build45.py failed: %s" % exc)

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
        for t in VOICE_SLIPS:
            if word_in(t, q) and not m.get("voice_dictation"):
                bad("%s: voice slip %r outside a voice_dictation item" % (qid, t))

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
        if c0 not in firsts.get(44, set()):
            inc("new44")
            if c0 not in firsts.get(43, set()):
                inc("new4443")
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
        if m.get("multiple_choice"):
            check_multiple_choice(qid, style, q, truth)
        if m.get("support_email"):
            check_support_email(qid, style, q, truth, src_low)
        if m.get("voice_dictation"):
            check_voice(qid, style, q, truth)
        if m.get("code_comment"):
            check_code_comment(qid, style, q, truth)
        if m.get("powershell_user"):
            check_powershell(qid, q, truth)

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
    if count.get("new44", 0) < 30:
        bad("set: spread: only %d first canonicals new against blind44 (floor 30)" % count.get("new44", 0))
    if count.get("new4443", 0) < 20:
        bad("set: spread: only %d first canonicals new against blind44 and blind43 (floor 20)"
            % count.get("new4443", 0))
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
    for f, n in SHAPE_EXACT.items():
        if count.get(("shape", f), 0) != n:
            bad("set: shape %s used %d times, want exactly %d" % (f, count.get(("shape", f), 0), n))
    for t in TYPOS:
        if count.get(("typo", t), 0) != 1:
            bad("set: typo %r used %d times, want 1" % (t, count.get(("typo", t), 0)))
        if word_in(t, prev_all_low):
            bad("set: typo %r already used in %s" % (t, PREV_LABEL))
        if word_in(t, src_low):
            bad("set: typo %r stands in the knowledge or facts" % t)
    for t in VOICE_SLIPS:
        if t in TYPOS:
            bad("set: voice slip %r is also a set typo" % t)
        if word_in(t, src_low):
            bad("set: voice slip %r stands in the knowledge or facts" % t)

    if problems:
        print("\n".join(problems))
        return 1
    print("OK")
    return 0


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


def mc_options(q):
    """Option labels of a multiple-choice question, in order of appearance (prose only, fences cut out)."""
    text = prose(q)
    found = {}
    for rx in (MC_LINE, MC_INLINE):
        for m in rx.finditer(text):
            lab = m.group(1) or m.group(2)
            found.setdefault(m.start(), lab)
    return [found[k] for k in sorted(found)]


def mc_valid(labels):
    if not 3 <= len(labels) <= 5:
        return False
    for seq in ("ABCDEFGH", "abcdefgh", "123456789"):
        if labels == list(seq[:len(labels)]):
            return True
    return False


def mc_truth_labels(truth):
    """Option labels the truth refers to: (X), option/answer/choice X, or X at the very start (X: / X) / X is)."""
    out = []
    for m in re.finditer(r"\(([A-Ha-h1-9])\)|\b(?i:option|answer|choice)\s+\(?([A-H1-9])\b|"
                         r"^\(?([A-H1-9])(?:[:)]|\s+is\b)", truth):
        out.append((m.group(1) or m.group(2) or m.group(3)).upper())
    return out


def check_multiple_choice(qid, style, q, truth):
    if style == "agent" and "\n" in q:
        bad("%s: multiple_choice agent query must stay on one line" % qid)
    text = prose(q)
    if not MC_CUE.search(text):
        bad("%s: multiple_choice question names no exam or quiz context" % qid)
    if not MC_PICK.search(text):
        bad("%s: multiple_choice question does not ask to pick an option" % qid)
    labels = mc_options(q)
    if not mc_valid(labels):
        bad("%s: multiple_choice needs 3-5 options labelled A, B, C... or 1, 2, 3... in order (found %s)"
            % (qid, "".join(labels) or "none"))
        return
    named = mc_truth_labels(truth)
    upper = {x.upper() for x in labels}
    if not named:
        bad("%s: multiple_choice truth names no option" % qid)
    elif any(x not in upper for x in named):
        bad("%s: multiple_choice truth names an option the question does not have (%s)"
            % (qid, ", ".join(x for x in named if x not in upper)))
    if not MC_REASON.search(truth):
        bad("%s: multiple_choice truth gives no reason" % qid)


def email_lines(q):
    return [x.strip() for x in prose(q).split("\n") if x.strip()]


def check_support_email(qid, style, q, truth, src_low):
    if style != "long":
        bad("%s: support_email must be a long post" % qid)
        return
    lines = email_lines(q)
    if not lines or not EMAIL_GREETING.match(lines[0]):
        bad("%s: support_email must open with a greeting line" % qid)
    so = [i for i, x in enumerate(lines) if EMAIL_SIGNOFF.match(x)]
    if not so or so[-1] < len(lines) - 4 or so[-1] == len(lines) - 1:
        bad("%s: support_email needs a sign-off line near the end, followed by a name" % qid)
    else:
        i = so[-1]
        m = EMAIL_NAME.match(lines[i + 1])
        if not m:
            bad("%s: support_email sign-off is not followed by a name" % qid)
        elif not m.group(1) and i + 2 >= len(lines):
            bad("%s: support_email name has no title" % qid)
        body = "\n".join(lines[1:i])
        if "?" not in body:
            bad("%s: support_email has no question in its body" % qid)
    if not EMAIL_CASE.search(prose(q)):
        bad("%s: support_email gives no case or ticket number" % qid)
    if not EMAIL_ENV.search(prose(q)):
        bad("%s: support_email describes no environment (subscription, region, tenant ...)" % qid)
    tl = [x.strip() for x in truth.split("\n") if x.strip()]
    if tl and (EMAIL_GREETING.match(tl[0]) or re.match(r"(Dear|Hello|Hi)\b", tl[0]) or
               any(EMAIL_SIGNOFF.match(x) for x in tl)):
        bad("%s: support_email truth is written as an email" % qid)
    names = set()
    for t in RES_NAME.findall(prose(q)):
        if len(t) >= 5 and re.search(r"[A-Za-z]", t) and (re.search(r"\d", t) or RES_PREFIX.match(t)) \
                and not word_in(t, src_low):
            names.add(t)
    if not any(word_in(t, truth) for t in names):
        bad("%s: support_email truth names none of the asker's resources" % qid)


def check_voice(qid, style, q, truth):
    if style not in ("short", "agent"):
        bad("%s: voice_dictation must be a short or agent item" % qid)
    body = q[:-1] if q[-1:] in ".?" else q
    if q != q.lower():
        bad("%s: voice_dictation question is not all lower case" % qid)
    if re.search(r"\d", q):
        bad("%s: voice_dictation question has digits (numbers must be spoken)" % qid)
    if re.search(r"[^a-z ]", body.lower().replace("\n", " ")) and not re.search(r"\d", body):
        bad("%s: voice_dictation question has punctuation or symbols before its end" % qid)
    words = re.findall(r"[a-z]+", q.lower())
    if not any(w in VOICE_SPOKEN for w in words):
        bad("%s: voice_dictation question speaks no number or symbol" % qid)
    slips = [s for s in VOICE_SLIPS if s in words]
    if not slips:
        bad("%s: voice_dictation question has no homophone slip from the list" % qid)
    for s in VOICE_SLIPS:
        if word_in(s, truth):
            bad("%s: voice_dictation truth repeats the slip %r" % (qid, s))
    if slips and not any(re.search(r"\b" + re.escape(VOICE_SLIPS[s]), truth, re.I) for s in slips):
        bad("%s: voice_dictation truth does not use the intended word of the slip" % qid)
    if not VOICE_TRUTH_FORM.search(truth):
        bad("%s: voice_dictation truth writes no number or symbol out" % qid)


def code_fences(q):
    out = []
    for f in fences(q):
        info = f.split("\n", 1)[0][3:].strip().lower()
        if info in CODE_FENCE_TAGS:
            out.append(f)
    return out


def split_comments(fence):
    """(code lines with comments stripped, comment texts) of one fence."""
    code, comments = [], []
    for line in fence.split("\n")[1:-1]:
        m = COMMENT_RE.search(line)
        if m:
            comments.append(m.group(2).replace("*/", "").replace("-->", "").strip())
            line = line[:m.start()]
        if line.strip():
            code.append(line)
    return code, comments


def check_code_comment(qid, style, q, truth):
    if style != "long":
        bad("%s: code_comment must be a long post" % qid)
        return
    fs = code_fences(q)
    if not fs:
        bad("%s: code_comment needs a fence tagged as a script, Terraform, Bicep, YAML or JSON file" % qid)
        return
    share = sum(len(f) for f in fs) / max(len(q), 1)
    if share < CODE_SHARE:
        bad("%s: code_comment: code is only %d%% of the post (want >= %d%%)" % (qid, share * 100, CODE_SHARE * 100))
    code, comments = [], []
    for f in fs:
        c, m = split_comments(f)
        code += c
        comments += m
    if not any("?" in c for c in comments):
        bad("%s: code_comment has no question inside a comment" % qid)
    if not any(COMMENT_TAG.match(c) for c in comments):
        bad("%s: code_comment has no TODO/FIXME/QUESTION-style comment" % qid)
    if "?" in prose(q):
        bad("%s: code_comment asks outside the comments (a '?' in the prose)" % qid)
    toks_ = code_tokens(code)
    if not any(re.search(r"(?<![\w.-])" + re.escape(t) + r"(?![\w-])", truth, re.I) for t in toks_):
        bad("%s: code_comment truth names no code from the pasted file" % qid)


def check_powershell(qid, q, truth):
    if not (PS_CMDLET.search(q) or PS_PIPE.search(q) or PS_VAR.search(q)):
        bad("%s: powershell_user question names no Az cmdlet, PowerShell pipeline or $variable.Property" % qid)
    if not PS_ASK.search(ask_part(q)):
        bad("%s: powershell_user ask does not ask how to do or check something" % qid)
    if not PS_TRUTH_AZ.search(truth):
        bad("%s: powershell_user truth gives no az command" % qid)
    if not PS_TRUTH_CLI.search(truth):
        bad("%s: powershell_user truth does not say it answers in Azure CLI terms" % qid)
    m = PS_PARAM.search(truth)
    if m:
        bad("%s: powershell_user truth uses PowerShell parameter syntax (%s)" % (qid, m.group(0)))
    qc = {x.lower() for x in PS_CMDLET.findall(q)}
    extra = [x for x in PS_CMDLET.findall(truth) if x.lower() not in qc]
    if extra:
        bad("%s: powershell_user truth names a cmdlet the question did not (%s)" % (qid, extra[0]))


if __name__ == "__main__":
    sys.exit(main())
