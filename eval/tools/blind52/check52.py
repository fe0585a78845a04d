"""blind52 validator: prints OK, or one line per problem and exits 1.
Env overrides: BLIND52_DIR, BLIND52_KROOT, BLIND52_FACTS."""
import importlib.util
import json
import os
import re
import sys

DIR = os.environ.get("BLIND52_DIR", os.path.dirname(os.path.abspath(__file__)))
KROOT = os.environ.get("BLIND52_KROOT", "/work/scratch/kstripped")
FACTS = os.environ.get("BLIND52_FACTS", "/work/shared/facts")
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
SHAPES = ["two_facts", "tldr_summary", "caps_shouting", "smart_punctuation", "jmespath_query", "regex_pattern"]
# two_facts is a floor; each new shape must be used exactly SHAPE_EXACT times
SHAPE_FLOORS = {"two_facts": 4}
SHAPE_EXACT = {"tldr_summary": 5, "caps_shouting": 5, "smart_punctuation": 5, "jmespath_query": 5,
               "regex_pattern": 5}
NEW_SHAPES = list(SHAPE_EXACT)
META_KEYS = {"style", "kind", "form", "quals", "qual", "typo", "subject", "near_miss"} | set(SHAPES)
TYPOS = {"accross", "agianst", "availble"}
ERROR_ANCHORS = [
    "Cannot set policies to a vault with '--enable-rbac-authorization' specified",
    "Failed to access KeyId",
    "ForbiddenByFirewall",
    "'wrap' is not a valid value for '--key-permissions'",
]
BANNED_SUBJECTS = [
    # blind51 (its twelve subjects, then other products and settings its off-topic questions name)
    "buildah", "airflow", "devpi", "synology", "portus", "discourse", "metabase", "superset", "sentry", "django",
    "laravel", "wallabag", "devpi-server", "fernet", "dsm", "jwe", "secret_key_base", "mb_encryption_secret_key",
    "docker distribution", "key manager", "apache airflow", "apache superset",
    # blind50 (its twelve subjects, then other products its off-topic questions name)
    "katello", "octopus", "drone", "k3s", "rancher", "dovecot", "rustdesk", "icinga", "guacamole", "joplin",
    "miniflux", "paperless", "foreman", "mail_crypt",
    # blind49 (its twelve subjects, then other products its off-topic questions name)
    "gocd", "freeipa", "percona", "cockroachdb", "n8n", "semaphore", "mosquitto", "zabbix", "cloudflared", "pihole",
    "navidrome", "mastodon", "ansible", "innodb", "pi-hole", "vapid",
    # blind48
    "truenas", "cfssl", "concourse", "sonarqube", "kamal", "dokploy", "linkerd", "authelia", "velociraptor",
    "jellyfin", "immich", "homebridge",
    # blind47
    "bareos", "infisical", "sftpgo", "conjur", "coolify", "caprover", "kanidm", "pomerium", "netbird", "mattermost",
    "powerdns", "passbolt",
    # blind46
    "juicefs", "proxmox", "bacula", "duplicacy", "woodpecker", "dokku", "zitadel", "teleport", "headscale", "wazuh",
    "graylog", "opnsense",
    # blind45
    "longhorn", "ejbca", "pgbackrest", "gocryptfs", "rundeck", "spinnaker", "authentik", "syncthing", "minisign",
    "seaweedfs", "vaultwarden", "pritunl",
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
# distinctive subject words of earlier off-topic questions (see off_topic_subject_words)
OFF_NAME = re.compile(r"(?<=[a-z0-9,;:()\"'] )([A-Z][A-Za-z0-9_\-]*[a-z0-9][A-Za-z0-9_\-]*|[A-Za-z]*[a-z][A-Z][A-Za-z0-9]*)")
OFF_SUBJECT_MAX_SETS = 2
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
DROPPED_FIELDS = ["ascii_diagram", "guid_values", "cost_amount", "iso_duration", "persona_prompt",
                  "kql_query", "azure_policy_json", "tool_versions", "quantity_unit", "portal_click_path",
                  "slack_thread", "terraform_plan_output", "yes_no_with_condition", "comparison", "bicep_snippet",
                  "compliance_requirements", "az_debug", "negated_question", "agent_plan_step", "rest_api",
                  "checklist", "code_switch", "log_timestamps", "url_paste", "python_sdk",
                  "ticket_template", "quoted_reply", "markdown_table", "manager_ask", "emoji_casual",
                  "multiple_choice", "support_email", "voice_dictation", "code_comment", "powershell_user",
                  "analogy", "undo", "chat_transcript", "shorthand", "pr_diff",
                  "step_list", "what_happens", "outage", "docs_claim", "pipeline",
                  "script_paste", "difference", "auditor", "many_registries", "first_timer",
                  "pasted_output", "either_or", "without", "non_native", "follow_up",
                  "plan_review", "iac_error", "newcomer", "timeline", "output_rule",
                  "issue_title", "tried_steps", "json_field", "wrong_command", "other_cloud", "field", "wrong",
                  "other", "wrong_premise", "premise", "which_of_two", "shape"]
# prev sets: blind19-51, all 33 present in prev/
PREV_SETS = list(range(19, 52))
PREV_LABEL = "blind19-51"
# first-canonical lists of the two previous sets (spread)
SPREAD_SETS = (51, 50)
ID_PREFIX = "h"
SET = "blind52"


# ---- new shapes (blind52) ----
# tldr_summary (long): the post carries a "TL;DR" line (TL;DR, tl;dr, TLDR, with or without a colon) with >= 5
# words after the marker, standing in the first or the last paragraph of the prose; the TL;DR line holds the ask (a
# "?"); the truth shares >= 2 content words (>= 5 letters, not stop words) with the TL;DR line
TLDR_LINE = re.compile(r"^[ \t]*(?:\*\*)?(?:tl;\s?dr|tldr)(?:\*\*)?[ \t]*[:\-]?[ \t]*(.*)$", re.I | re.M)
TLDR_MIN_WORDS = 5
TLDR_SHARED = 2
STOP = {"about", "after", "again", "their", "there", "these", "those", "which", "while", "where", "would", "could",
        "should", "other", "every", "without", "within", "before", "under", "being", "still", "since", "because",
        "through", "whether", "what", "really", "actually", "thing", "things", "something", "anything"}
# caps_shouting (long or short): the question's prose (fences and `inline code` left out) holds >= 2 distinct
# shouted words (all capitals, >= 3 letters, standing alone) that are not acronyms: neither in a fixed list nor
# written in capitals anywhere in the knowledge or the fact sheets; the truth stays calm (no shouted word, no "!")
SHOUT = re.compile(r"(?<![\w$./\-])([A-Z]{3,})(?![\w\-])")
ACRONYMS = {"ACR", "CMK", "HSM", "MHSM", "RBAC", "SKU", "API", "APIS", "URI", "URIS", "URL", "CLI", "AKS", "DCT",
            "ORAS", "KEK", "KID", "BYOK", "TLS", "DNS", "IAM", "RSA", "JSON", "YAML", "SDK", "VNET", "HTTP",
            "HTTPS", "EOF", "UTC", "IDS", "PIM", "AAD", "SPN", "OID", "GUID", "UUID", "MSI", "UAMI", "ARM", "AVM",
            "HCL", "GPG", "SSH", "CSV", "OCI", "SBOM", "CISO", "GMT", "CET", "PDF", "FAQ", "ETA", "ASAP", "TBD",
            "RG", "KV", "MI", "PE", "EC", "IP", "ID", "VM", "SP", "DR", "OK", "CI", "CD", "AZ", "TF"}
SHOUT_MIN = 2
# smart_punctuation (any style): the user pasted a command from a chat tool or word processor, so a line holding
# an "az ..." command carries a typographic quote or dash (U+2018/2019/201C/201D/2013/2014) after the "az"; the
# truth names the cause (curly/smart/typographic quotes, en/em dash, straight quotes, plain hyphen, ASCII), holds
# no typographic quote or dash itself, and repeats the corrected command (az + the same two command words)
SMART_CHARS = "\u2018\u2019\u201c\u201d\u2013\u2014"
AZ_CMD = re.compile(r"\baz\s+([a-z][a-z\-]*)\s+([a-z][a-z\-]*)")
SMART_WORDS = re.compile(r"\b(?:curly|smart|typographic|en[ -]dash|em[ -]dash|straight(?: single| double)? "
                         r"quotes?|plain (?:ascii )?(?:quotes?|hyphens?)|ascii)\b", re.I)
# jmespath_query (any style): the question holds an "--query <expression>"; the truth gives an "--query
# <expression>" of its own that is not one of the question's, and every expression in the truth is well formed
# (brackets and braces balanced outside string literals, quotes closed, not empty)
QUERY_ARG = re.compile(r"--query\s+(\"[^\"\n]*\"|'[^'\n]*'|[^\s`'\"]+)")
# regex_pattern (any style): the question quotes a regular expression (in `inline code`, a fence line or a quoted
# string inside a fence) that compiles, is anchored (^ at the start or $ at the end) and uses >= 2 regex constructs;
# the truth quotes a different such regex in `inline code` and at least one https URI on which the truth's regex and
# the question's regex disagree (one matches, the other does not)
REGEX_CONSTRUCT = re.compile(r"\\[dwsSDW.]|\[\^|\[[A-Za-z0-9]-|\(\?:|\{\d+(?:,\d*)?\}|(?<!\\)[+*]|\(\w*\|")
REGEX_MIN_CONSTRUCTS = 2
URI = re.compile(r"https://[^\s`'\"<>()\[\],;]+")


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


def subject_words(text):
    return re.findall(r"[a-z0-9][a-z0-9_\-]*[a-z0-9]|[a-z0-9]", text.lower())


def off_topic_subject_words(prev_q, prev_t, prev_off, source_text):
    """Distinctive subject words of the earlier sets' off-topic questions: words of their questions and truths
    that no earlier on-topic question or truth and no knowledge or fact-sheet text uses, that turn up in the
    off-topic entries of at most OFF_SUBJECT_MAX_SETS sets, and that are written as a name somewhere (capitalised or
    camel-cased after the start of a sentence) or stand in a one-line off-topic question of <= 14 words (where
    product names are mostly written in lowercase)."""
    off_ids = {(n, q) for n, q, _ in prev_off}
    on = set()
    for (n, _, q), t in zip(prev_q, prev_t):
        if (n, q) not in off_ids:
            on.update(subject_words(q + " " + t))
    src = set(subject_words(source_text))
    sets_of = {}
    for n, q, t in prev_off:
        for w in set(subject_words(q + " " + t)):
            if len(w) >= 3 and w not in on and w not in src:
                sets_of.setdefault(w, set()).add(n)
    named = set()
    for n, q, t in prev_off:
        for m in OFF_NAME.finditer(q + " " + t):
            named.add(m.group(1).lower())
        if "\n" not in q and len(q.split()) <= 14:
            named.update(subject_words(q))
    return {w for w, ns in sets_of.items() if len(ns) <= OFF_SUBJECT_MAX_SETS and w in named}


def main():
    try:
        entries = json.load(open(os.path.join(DIR, SET + ".json"), encoding="utf-8"))
        meta = json.load(open(os.path.join(DIR, SET + "-meta.json"), encoding="utf-8"))
    except Exception as exc:  # noqa: BLE001
        print("set: cannot load files: %s" % exc)
        return 1
    # the stripped knowledge may sit directly under KROOT or under KROOT/acr-cmk; section ids always carry the
    # skill's own folder name, acr-cmk/, as in every earlier set
    sections = {(k if k.startswith("acr-cmk/") else "acr-cmk/" + k): v for k, v in kparse.parse_all(KROOT).items()}
    ktext = kparse.all_text(KROOT)
    ftext = kparse.all_text(FACTS)
    if not ftext.strip():
        bad("set: fact sheets missing")
    src_low = (ktext + "\n" + ftext).lower()
    SOURCE_CAPS.update(SHOUT.findall(ktext + "\n" + ftext))
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
    prev_q, prev_t, prev_off = [], [], []
    for n in PREV_SETS:
        p = os.path.join(DIR, "prev", "blind%d.json" % n)
        if not os.path.exists(p):
            bad("set: prev file missing: blind%d.json" % n)
            continue
        for e in json.load(open(p, encoding="utf-8")):
            prev_q.append((n, e.get("id"), e.get("question", "")))
            prev_t.append(e.get("truth", ""))
            if e.get("category") == "off-topic":
                prev_off.append((n, e.get("question", ""), e.get("truth", "")))
    distinctive = off_topic_subject_words(prev_q, prev_t, prev_off, ktext + "\n" + ftext)
    prev8 = set()
    for _, _, q in prev_q:
        prev8 |= grams(toks(mask_anchors(q)), 8)
    prev_sets = [(n, i, set(toks(q))) for n, i, q in prev_q]
    prev_all_low = "\n".join(q for _, _, q in prev_q).lower()
    prev_truth_low = "\n".join(prev_t).lower()
    prev_t8 = set()
    for t in prev_t:
        prev_t8 |= grams(toks(t), 8)
    prev_tsets = [(n, i, set(toks(t))) for (n, i, _), t in zip(prev_q, prev_t)]
    firsts = {}
    for n in SPREAD_SETS:
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
        if e.get("id") != "%s%03d" % (ID_PREFIX, n):
            bad("%s: bad id at position %d (want %s%03d)" % (e.get("id"), n, ID_PREFIX, n))
        if e.get("source") != SOURCE:
            bad("%s: bad source" % e.get("id"))
    if set(meta.keys()) != set(ids):
        bad("meta: ids do not match the set")
    cats = [e.get("category") for e in entries]
    for i in range(len(cats) - 2):
        if cats[i] == cats[i + 1] == cats[i + 2]:
            bad("set: three %s entries in a row at %s" % (cats[i], ids[i]))

    # rebuild: build52.py's render() must give the three files byte for byte
    bp = os.path.join(DIR, "build52.py")
    if os.path.exists(bp):
        try:
            spec = importlib.util.spec_from_file_location("build52_chk", bp)
            mod = importlib.util.module_from_spec(spec)
            sys.path.insert(0, DIR)
            spec.loader.exec_module(mod)
            for name, text in zip((SET + ".json", SET + "-meta.json", SET + "-first-canonicals.txt"), mod.render()):
                p = os.path.join(DIR, name)
                if not os.path.exists(p) or open(p, "rb").read() != text.encode("utf-8"):
                    bad("set: rebuild differs from %s" % name)
        except Exception as exc:  # noqa: BLE001
            bad("set: build52.py failed: %s" % exc)
    # the first-canonical list must match the set
    fp = os.path.join(DIR, SET + "-first-canonicals.txt")
    if not os.path.exists(fp):
        bad("set: %s-first-canonicals.txt missing" % SET)
    else:
        flines = open(fp, encoding="utf-8").read().split("\n")
        if flines and flines[-1] == "":
            flines.pop()
        want = [e["canonical"][0] for e in entries if e.get("canonical")]
        if flines != want:
            bad("set: %s-first-canonicals.txt does not list the set's %d first canonicals in order"
                % (SET, len(want)))

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
        for g in grams(toks(pq), 8):
            if g in prev_t8:
                bad("%s: 8-token run shared with a %s truth: %s" % (qid, PREV_LABEL, " ".join(g)))
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
        ts = set(toks(truth))
        for n, pid, ps in prev_tsets:
            if ts and ps and len(ts & ps) / len(ts | ps) > 0.6:
                bad("%s: truth Jaccard > 0.6 with blind%d %s truth" % (qid, n, pid))
                break

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
                    bad("%s: subject %r used in %s" % (qid, subj, PREV_LABEL))
            for w in BANNED_SUBJECTS + BANNED_WORDS:
                if word_in(w, q):
                    bad("%s: off-topic question names banned %r" % (qid, w))
            seen_words = sorted(w for w in set(subject_words(q)) if w in distinctive)
            if seen_words:
                bad("%s: off-topic question repeats an earlier off-topic subject word: %s"
                    % (qid, ", ".join(seen_words)))
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
        if c0 not in firsts.get(SPREAD_SETS[0], set()):
            inc("new_a")
            if c0 not in firsts.get(SPREAD_SETS[1], set()):
                inc("new_ab")
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
        nshapes = [f for f in NEW_SHAPES if m.get(f)]
        if len(nshapes) > 1:
            bad("%s: more than one new shape on one item (%s)" % (qid, ", ".join(nshapes)))
        if m.get("tldr_summary"):
            check_tldr(qid, style, q, truth)
        if m.get("caps_shouting"):
            check_caps(qid, style, q, truth)
        if m.get("smart_punctuation"):
            check_smart(qid, q, truth)
        if m.get("jmespath_query"):
            check_jmespath(qid, q, truth)
        if m.get("regex_pattern"):
            check_regex(qid, q, truth)

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
    a, b = SPREAD_SETS
    if count.get("new_a", 0) < 30:
        bad("set: spread: only %d first canonicals new against blind%d (floor 30)" % (count.get("new_a", 0), a))
    if count.get("new_ab", 0) < 20:
        bad("set: spread: only %d first canonicals new against blind%d and blind%d (floor 20)"
            % (count.get("new_ab", 0), a, b))
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
        if word_in(t, prev_all_low) or word_in(t, prev_truth_low):
            bad("set: typo %r already used in %s" % (t, PREV_LABEL))
        if word_in(t, src_low):
            bad("set: typo %r stands in the knowledge or facts" % t)

    if problems:
        print("\n".join(problems))
        return 1
    print("OK")
    if "--stats" in sys.argv:
        for k in sorted(count, key=str):
            print("  %s: %s" % (k, count[k]))
        print("  hsm topics: %s" % ", ".join(sorted(hsm_topics)))
        print("  first docs: %s" % ", ".join("%s %d" % kv for kv in sorted(first_docs.items())))
        print("  categories: %s" % ", ".join("%s %d" % kv for kv in sorted(catc.items())))
    return 0


def fence_body(f):
    lines = f.split("\n")
    return "\n".join(lines[1:-1]) if len(lines) >= 2 else ""


def content_words(text):
    return {w for w in toks(text) if len(w) >= 5 and w.isalpha() and w not in STOP}


def check_tldr(qid, style, q, truth):
    if style != "long":
        bad("%s: tldr_summary must be a long post" % qid)
        return
    paras = [p for p in re.split(r"\n\s*\n", prose(q).strip()) if p.strip()]
    edge = paras[:1] + paras[-1:] if paras else []
    lines = []
    for p in edge:
        lines += [m.group(1) for m in TLDR_LINE.finditer(p)]
    lines = [x for x in lines if len(x.split()) >= TLDR_MIN_WORDS]
    if not lines:
        bad("%s: tldr_summary needs a TL;DR line of >= %d words in the first or last paragraph"
            % (qid, TLDR_MIN_WORDS))
        return
    asked = [x for x in lines if "?" in x]
    if not asked:
        bad("%s: tldr_summary TL;DR line asks nothing" % qid)
        return
    if not any(len(content_words(x) & content_words(truth)) >= TLDR_SHARED for x in asked):
        bad("%s: tldr_summary truth shares fewer than %d content words with the TL;DR line" % (qid, TLDR_SHARED))


SOURCE_CAPS = set()


def shouted(text):
    text = re.sub(r"`[^`\n]*`", " ", prose(text))
    return {w for w in SHOUT.findall(text) if w not in ACRONYMS and w not in SOURCE_CAPS}


def check_caps(qid, style, q, truth):
    if style not in ("long", "short"):
        bad("%s: caps_shouting must be a long post or a short question" % qid)
        return
    words = shouted(q)
    if len(words) < SHOUT_MIN:
        bad("%s: caps_shouting needs >= %d shouted words (found %d)" % (qid, SHOUT_MIN, len(words)))
        return
    loud = shouted(truth)
    if loud:
        bad("%s: caps_shouting truth shouts too: %s" % (qid, ", ".join(sorted(loud))))
    if "!" in re.sub(r"`[^`\n]*`", " ", truth):
        bad("%s: caps_shouting truth uses '!'" % qid)


def smart_commands(q):
    """(word1, word2) of every az command line carrying a typographic quote or dash after its 'az'."""
    out = []
    for line in q.split("\n"):
        for m in AZ_CMD.finditer(line):
            if any(ch in line[m.start():] for ch in SMART_CHARS):
                out.append((m.group(1), m.group(2)))
                break
    return out


def check_smart(qid, q, truth):
    cmds = smart_commands(q)
    if not cmds:
        bad("%s: smart_punctuation needs an az command with a typographic quote or dash" % qid)
        return
    if not SMART_WORDS.search(truth):
        bad("%s: smart_punctuation truth does not name the typographic character" % qid)
    if any(ch in truth for ch in SMART_CHARS):
        bad("%s: smart_punctuation truth still holds a typographic quote or dash" % qid)
    if not any(re.search(r"\baz\s+%s\s+%s\b" % (re.escape(a), re.escape(b)), truth) for a, b in cmds):
        bad("%s: smart_punctuation truth gives no corrected az %s command" % (qid, " ".join(cmds[0])))


def query_exprs(text):
    out = []
    for m in QUERY_ARG.finditer(text):
        e = m.group(1)
        if e[:1] in "\"'" and e[-1:] == e[:1] and len(e) >= 2:
            e = e[1:-1]
        out.append(e.strip())
    return out


def well_formed(expr):
    if not expr:
        return False
    pairs, stack, quote = {")": "(", "]": "[", "}": "{"}, [], None
    for ch in expr:
        if quote:
            if ch == quote:
                quote = None
            continue
        if ch in "'`":
            quote = ch
        elif ch in "([{":
            stack.append(ch)
        elif ch in ")]}":
            if not stack or stack.pop() != pairs[ch]:
                return False
    return not stack and quote is None


def check_jmespath(qid, q, truth):
    qe = query_exprs(q)
    if not qe:
        bad("%s: jmespath_query question holds no --query expression" % qid)
        return
    te = query_exprs(truth)
    if not te:
        bad("%s: jmespath_query truth gives no --query expression" % qid)
        return
    if not [e for e in te if e not in qe]:
        bad("%s: jmespath_query truth only repeats the question's --query expression" % qid)
    for e in te:
        if not well_formed(e):
            bad("%s: jmespath_query truth expression is malformed: %r" % (qid, e))


def regex_ok(r):
    r = r.strip()
    if not (r.startswith("^") or r.endswith("$")):
        return False
    if len(REGEX_CONSTRUCT.findall(r)) < REGEX_MIN_CONSTRUCTS:
        return False
    try:
        re.compile(r)
    except re.error:
        return False
    return True


def question_regexes(q):
    cands = re.findall(r"`([^`\n]+)`", prose(q))
    for f in fences(q):
        for line in fence_body(f).split("\n"):
            cands.append(line.strip())
            cands += re.findall(r'"([^"\n]+)"', line)
    return [c.strip() for c in cands if regex_ok(c)]


def check_regex(qid, q, truth):
    qr = question_regexes(q)
    if not qr:
        bad("%s: regex_pattern question quotes no anchored regex" % qid)
        return
    tr = [c.strip() for c in re.findall(r"`([^`\n]+)`", truth) if regex_ok(c)]
    tr = [r for r in tr if r not in qr]
    if not tr:
        bad("%s: regex_pattern truth quotes no regex of its own" % qid)
        return
    uris = [u.rstrip(".") for u in URI.findall(re.sub(r"`[^`\n]*`", " ", truth))]
    if not any(bool(re.search(a, u)) != bool(re.search(b, u)) for u in uris for a in tr for b in qr):
        bad("%s: regex_pattern truth quotes no URI on which its regex and the question's disagree" % qid)


if __name__ == "__main__":
    sys.exit(main())
