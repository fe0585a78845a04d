"""blind42 validator: prints OK, or one line per problem and exits 1.
Env overrides: BLIND42_DIR, BLIND42_KROOT, BLIND42_FACTS."""
import importlib.util
import json
import os
import re
import sys

DIR = os.environ.get("BLIND42_DIR", os.path.dirname(os.path.abspath(__file__)))
KROOT = os.environ.get("BLIND42_KROOT", "/work/scratch/kstripped")
FACTS = os.environ.get("BLIND42_FACTS", "/work/shared/facts")
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
SHAPES = ["two_facts", "script_paste", "difference", "auditor", "many_registries", "first_timer"]
SHAPE_FLOORS = {"two_facts": 4, "script_paste": 5, "difference": 5, "auditor": 5, "many_registries": 5,
                "first_timer": 5}
META_KEYS = {"style", "kind", "form", "quals", "qual", "typo", "subject", "near_miss"} | set(SHAPES)
TYPOS = {"identiy", "acitvate", "subscripton"}
ERROR_ANCHORS = [
    "Cannot set policies to a vault with '--enable-rbac-authorization' specified",
    "Failed to access KeyId",
    "ForbiddenByFirewall",
    "'wrap' is not a valid value for '--key-permissions'",
]
BANNED_SUBJECTS = [
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
DROPPED_FIELDS = ["pasted_output", "either_or", "without", "non_native", "follow_up",
                  "plan_review", "iac_error", "newcomer", "timeline", "output_rule",
                  "issue_title", "tried_steps", "json_field", "wrong_command", "other_cloud", "field", "wrong",
                  "other", "wrong_premise", "premise", "which_of_two", "shape"]
STOP = {"the", "a", "an", "to", "of", "for", "it", "we", "i", "is", "be", "at", "in", "on", "with", "should",
        "do", "use", "just", "only", "go", "then", "this", "that", "our", "my", "your", "its", "and", "by",
        "via", "as", "keep", "set", "give", "put", "pass", "make", "rather", "instead", "once", "s", "when",
        "what", "which", "how", "using", "uses", "choosing", "when", "comes", "between", "difference"}
# script_paste: a shell or PowerShell script in a fence, asked about after the fence
SCRIPT_LANGS = {"", "bash", "sh", "shell", "zsh", "console", "powershell", "pwsh", "ps1", "ps"}
AZ_LINE = re.compile(r"(?:^\s*(?:\$\s+)?|\$\(\s*|=\s*)az\s+[a-z]")
VAR_ASSIGN = re.compile(r"^\s*\$?([A-Za-z_]\w*)\s*=(?!=)", re.M)
VAR_USE = re.compile(r"\$\{?([A-Za-z_]\w*)")
SCRIPT_FLAG = re.compile(r"(?<![\w-])(--[a-z][a-z-]*)")
GENERIC_FLAGS = {"--name", "--query", "--output", "--resource-group"}
LINE_REF = re.compile(r"\b(line|step) \d+\b", re.I)
# difference: two named things compared in the asking part
DIFF_BETWEEN = re.compile(r"\bdifferences? between\s+(.+?)\s+(?:and|versus|vs\.?|or|compared (?:to|with))\s+"
                          r"(.+?)(?=[?.,;:]|$)", re.I | re.S)
DIFF_PAIR = re.compile(r"\b(versus|vs\.?|compared (?:to|with)|instead of)\s", re.I)
# auditor: compliance framing plus a how-to-show ask and a command, field or policy in the truth
AUDIT_CUE = re.compile(r"\b(audit\w*|compliance|evidence|prov(?:e|es|ed|ing|en)|verif\w*|attest\w*|"
                       r"reviewers?|policy reports?)\b", re.I)
SHOW_ASK = re.compile(r"\b(show\w*|check\w*|prov(?:e|es|ing)|proof|verif\w*|demonstrat\w*|confirm\w*|"
                      r"evidence|list|see|report\w*)\b", re.I)
ASK_FORM = re.compile(r"\b(how|which|what|where|whether|is|are|does|do|can)\b", re.I)
TRUTH_CMD = re.compile(r"\baz [a-z][a-z-]* [a-z]")
TRUTH_FIELDS = ["versionedKeyIdentifier", "keyIdentifier", "keyRotationEnabled", "lastKeyRotationTimestamp",
                "keyVaultProperties", "enablePurgeProtection", "activationStatus", "networkAcls",
                "enableRbacAuthorization", "roleName", "roleDefinitionName", "principalId"]
TRUTH_POLICY = re.compile(r"Container Registries should be encrypted with a Customer-Managed Key", re.I)
# many_registries: more than one registry, region, replica, subscription or tenant
MULTI_NOUN = r"(registr(?:y|ies)|regions?|replicas?|subscriptions?|tenants?)"
MULTI_PLURAL = re.compile(r"\b(registries|regions|replicas|subscriptions|tenants)\b", re.I)
MULTI_NUMBER = re.compile(r"\b(\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple)\s+"
                          r"(?:[\w-]+\s+){0,2}?" + MULTI_NOUN + r"\b", re.I)
SHARE_RE = re.compile(r"\b(same|one|single|shared?|each|every|separate|own|both|all)\b\W+(?:[\w'-]+\W+){0,4}?"
                      r"(keys?|vaults?|identit(?:y|ies)|hsms?|managed hsm|role assignments?)\b", re.I)
# first_timer: a newcomer's question with a first step or prerequisite in the truth
NOVICE_RE = re.compile(r"\b(never (?:set|used|configured|done|touched|worked|enabled|created)|first[- ]time|"
                       r"new to|brand new|beginner|newbie|just starting|getting started|"
                       r"ha(?:ve|ven't|ve not) (?:never )?(?:set|used|configured|done) (?:this|it|cmk|one)? ?before)\b",
                       re.I)
RESOURCE_ID = re.compile(r"/subscriptions/|/providers/|https?://|\.azure\.net|\.azurecr\.io", re.I)
FIRST_CUE = re.compile(r"\b(first|start\w*|begin\w*|before|prerequisite\w*|beforehand|step 1)\b", re.I)
CONCRETE_RE = re.compile(r"\b(user-assigned|identity|key vault|vault|managed hsm|premium|activat\w*|"
                         r"security domain|rsa|key|role)\b", re.I)

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
        entries = json.load(open(os.path.join(DIR, "blind42.json"), encoding="utf-8"))
        meta = json.load(open(os.path.join(DIR, "blind42-meta.json"), encoding="utf-8"))
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
    src8, src10, src12 = grams(src_toks, 8), grams(src_toks, 10), grams(src_toks, 12)
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
    for n in range(19, 42):
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
    for n in (41, 40):
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
        if e.get("id") != "j%03d" % n:
            bad("%s: bad id at position %d (want j%03d)" % (e.get("id"), n, n))
        if e.get("source") != SOURCE:
            bad("%s: bad source" % e.get("id"))
    if set(meta.keys()) != set(ids):
        bad("meta: ids do not match the set")
    cats = [e.get("category") for e in entries]
    for i in range(len(cats) - 2):
        if cats[i] == cats[i + 1] == cats[i + 2]:
            bad("set: three %s entries in a row at %s" % (cats[i], ids[i]))

    # rebuild
    bp = os.path.join(DIR, "build42.py")
    if os.path.exists(bp):
        try:
            spec = importlib.util.spec_from_file_location("build42_chk", bp)
            mod = importlib.util.module_from_spec(spec)
            sys.path.insert(0, DIR)
            spec.loader.exec_module(mod)
            be, bm = mod.build()
            if json.loads(json.dumps(be)) != entries:
                bad("set: rebuild differs from blind42.json")
            if json.loads(json.dumps(bm)) != meta:
                bad("set: rebuild differs from blind42-meta.json")
        except Exception as exc:  # noqa: BLE001
            bad("set: build42.py failed: %s" % exc)

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
                bad("%s: 8-token run shared with blind19-41: %s" % (qid, " ".join(g)))
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
                    bad("%s: subject %r used in blind19-41" % (qid, subj))
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
        if c0 not in firsts.get(41, set()):
            inc("new41")
            if c0 not in firsts.get(40, set()):
                inc("new4140")
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
        if m.get("script_paste"):
            check_script_paste(qid, style, q, truth, src10)
        if m.get("difference"):
            check_difference(qid, q, truth)
        if m.get("auditor"):
            check_auditor(qid, q, truth)
        if m.get("many_registries"):
            check_many_registries(qid, q, truth)
        if m.get("first_timer"):
            check_first_timer(qid, style, q, truth)

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
    if count.get("new41", 0) < 30:
        bad("set: spread: only %d first canonicals new against blind41 (floor 30)" % count.get("new41", 0))
    if count.get("new4140", 0) < 20:
        bad("set: spread: only %d first canonicals new against blind41 and blind40 (floor 20)"
            % count.get("new4140", 0))
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
            bad("set: typo %r already used in blind19-41" % t)
        if word_in(t, src_low):
            bad("set: typo %r stands in the knowledge or facts" % t)

    if problems:
        print("\n".join(problems))
        return 1
    print("OK")
    return 0


def fence_spans(q):
    return [(m.start(), m.end(), m.group(0)) for m in FENCE_RE.finditer(q)]


def first_q_outside(q, after=0):
    """Index of the first '?' outside fences at or after `after`, or None."""
    pos = 0
    for chunk in re.split(r"(```.*?```)", q, flags=re.S):
        if not chunk.startswith("```"):
            for k, ch in enumerate(chunk):
                if ch == "?" and pos + k >= after:
                    return pos + k
        pos += len(chunk)
    return None


def fence_body(fence):
    """(info string, body lines) of a ```fence```."""
    lines = fence.split("\n")
    info = lines[0][3:].strip().lower()
    body = [ln for ln in lines[1:] if not ln.strip().startswith("```")]
    return info, body


def script_fence(q):
    """The first fence that holds a shell or PowerShell script with az lines, as (start, end, info, body)."""
    for st, en, f in fence_spans(q):
        info, body = fence_body(f)
        if sum(1 for ln in body if AZ_LINE.search(ln)) >= 1:
            return st, en, info, body
    return None


def script_vars(body):
    text = "\n".join(body)
    names = set(VAR_ASSIGN.findall(text)) | set(VAR_USE.findall(text))
    return {n for n in names if n not in ("query",)}


def check_script_paste(qid, style, q, truth, src10):
    if style != "long":
        bad("%s: script_paste must be a long post" % qid)
        return
    found = script_fence(q)
    if found is None:
        bad("%s: script_paste needs a fence holding a shell or PowerShell script with az lines" % qid)
        return
    st, en, info, body = found
    if info not in SCRIPT_LANGS:
        bad("%s: script_paste fence is tagged %r, not a shell or PowerShell script" % (qid, info))
    lines = [ln for ln in body if ln.strip()]
    if len(lines) < 4:
        bad("%s: script_paste script has %d lines, needs >= 4" % (qid, len(lines)))
    n_az = sum(1 for ln in lines if AZ_LINE.search(ln))
    if n_az < 2:
        bad("%s: script_paste script has %d az lines, needs >= 2" % (qid, n_az))
    names = script_vars(body)
    if len(names) < 2:
        bad("%s: script_paste script assigns or uses %d variables, needs >= 2" % (qid, len(names)))
    fq = first_q_outside(q)
    if fq is None:
        ss = sentences(prose(q))
        fq = q.rfind(ss[-1]) if ss else -1
    if fq < en:
        bad("%s: script_paste ask must come after the script" % qid)
    for g in grams(toks(mask_anchors("\n".join(body))), 10):
        if g in src10:
            bad("%s: script_paste script copies knowledge/facts: %s" % (qid, " ".join(g)))
            break
    flags = set(SCRIPT_FLAG.findall("\n".join(body))) - GENERIC_FLAGS
    named = [n for n in names if re.search(r"(\$\{?|(?<![\w$]))" + re.escape(n) + r"(?!\w)", truth)
             and ("$" + n in truth or "${" + n in truth or n + "=" in truth or not n.islower())]
    named += [f for f in flags if re.search(r"(?<![\w-])" + re.escape(f) + r"(?![\w-])", truth)]
    if not named and not LINE_REF.search(truth):
        bad("%s: script_paste truth names no line, variable, flag or step of the script" % qid)


def diff_sides(ask):
    """Pairs (left tokens, right tokens) of the things compared in the asking part."""
    out = []
    for m in DIFF_BETWEEN.finditer(ask):
        left = [t for t in toks(m.group(1)) if t not in STOP]
        right = [t for t in toks(m.group(2)) if t not in STOP]
        out.append((left, right))
    for m in DIFF_PAIR.finditer(ask):
        if re.search(r"\bdifferences? between\b", ask[:m.start()], re.I):
            continue
        left = [t for t in toks(ask[:m.start()]) if t not in STOP][-4:]
        right = [t for t in toks(ask[m.end():]) if t not in STOP][:4]
        out.append((left, right))
    return [(lft, rgt) for lft, rgt in out if lft and rgt]


def check_difference(qid, q, truth):
    ask = ask_part(q)
    sides = diff_sides(ask)
    if not sides:
        bad("%s: difference asking part names no two things compared (difference between / vs / versus / "
            "compared to / instead of)" % qid)
        return
    ok = False
    for left, right in sides:
        lo = {t for t in left if len(t) >= 2} - set(right)
        ro = {t for t in right if len(t) >= 2} - set(left)
        if any(word_in(t, truth) for t in lo) and any(word_in(t, truth) for t in ro):
            ok = True
    if not ok:
        bad("%s: difference truth does not name both compared things" % qid)


def check_auditor(qid, q, truth):
    if not AUDIT_CUE.search(prose(q)):
        bad("%s: auditor question has no audit/compliance framing" % qid)
    ask = ask_part(q)
    if not (SHOW_ASK.search(ask) and ASK_FORM.search(ask)):
        bad("%s: auditor ask does not ask how to show, check or prove something" % qid)
    if not (TRUTH_CMD.search(truth) or TRUTH_POLICY.search(truth)
            or any(re.search(r"\b" + f + r"\b", truth) for f in TRUTH_FIELDS)):
        bad("%s: auditor truth names no command, field or policy" % qid)


def check_many_registries(qid, q, truth):
    pq = prose(q)
    numbered = [m for m in MULTI_NUMBER.finditer(pq) if not m.group(1).isdigit() or int(m.group(1)) >= 2]
    if not (MULTI_PLURAL.search(pq) or numbered):
        bad("%s: many_registries question names no more than one registry, region, replica, subscription "
            "or tenant" % qid)
    if not SHARE_RE.search(truth):
        bad("%s: many_registries truth does not say whether one key, vault or identity serves them" % qid)


def check_first_timer(qid, style, q, truth):
    if style not in ("short", "agent"):
        bad("%s: first_timer must be a short or agent item" % qid)
    if style == "short" and len(q.split()) > 14:
        bad("%s: first_timer short question over 14 words" % qid)
    if not NOVICE_RE.search(q):
        bad("%s: first_timer question does not ask as a newcomer" % qid)
    if "--" in q:
        bad("%s: first_timer question holds an az flag" % qid)
    if RESOURCE_ID.search(q):
        bad("%s: first_timer question holds a resource id or URI" % qid)
    if not (FIRST_CUE.search(truth) and CONCRETE_RE.search(truth)):
        bad("%s: first_timer truth names no first step or prerequisite" % qid)


if __name__ == "__main__":
    sys.exit(main())
