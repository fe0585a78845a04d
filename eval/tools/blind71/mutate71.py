"""blind71 mutation driver. Each mutation runs on a fresh temp copy (inside blind71/) of the set, prev/, the
blind70 and blind69 first-canonical lists, the knowledge and the fact sheets; it counts as caught only when check71.py
exits 1 and prints every one of the mutation's expected messages (and, for mutations marked only=True, nothing else).
Many mutations expect several messages at once (one per planted item, field, name or file), which keeps the suite
short while still proving each rule on its own message."""
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
KROOT = os.environ.get("BLIND71_KROOT", "/work/scratch/blind71/kstripped")
FACTS = os.environ.get("BLIND71_FACTS", "/work/shared/facts")
sys.path.insert(0, HERE)
import build71  # noqa: E402
import check71  # noqa: E402
import kparse  # noqa: E402

SET = "blind71"
FILES = (SET + ".json", SET + "-meta.json", SET + "-first-canonicals.txt")
_entries, _meta = build71.build()
_byq = {q["question"]: q["key"] for q in build71.QUESTIONS}
ID = {_byq[e["question"]]: e["id"] for e in _entries}
SCENARIO_SECTION = next("acr-cmk/" + k if not k.startswith("acr-cmk/") else k
                        for k in kparse.parse_all(KROOT) if "scenarios/" in k)
P = build71.ID_PREFIX
LISTS = tuple("blind%d-first-canonicals.txt" % n for n in check71.SPREAD_SETS)
A_SET, B_SET = check71.SPREAD_SETS
PREV_LABEL = check71.PREV_LABEL
R = "acr-cmk/references/"


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
        e["truth"] = e["truth"].replace(old, new)

    def save(self):
        with open(os.path.join(self.d, FILES[0]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(self.j, indent=1, ensure_ascii=False) + "\n")
        if not self.raw_set and "_set" in self.m:
            # keep the meta file's _set record in step with the mutated items, so that a mutation trips its own
            # rule and not also the _set check (the _set mutations set raw_set and edit the record directly)
            firsts = {}
            for n in check71.SPREAD_SETS:
                fp = os.path.join(self.d, "blind%d-first-canonicals.txt" % n)
                firsts[n] = {x.strip() for x in open(fp, encoding="utf-8") if x.strip()} if os.path.exists(fp) else set()
            self.m["_set"] = check71.set_summary(self.j, self.m, firsts)
        with open(os.path.join(self.d, FILES[1]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(self.m, indent=1, ensure_ascii=False, sort_keys=True) + "\n")

    def kfile(self, rel):
        p = os.path.join(self.d, "k", rel)
        if not os.path.exists(p) and rel.startswith("acr-cmk/"):
            p = os.path.join(self.d, "k", rel[len("acr-cmk/"):])
        return p


MUTS = []


def _as_list(expect):
    return [expect] if isinstance(expect, str) else list(expect)


def mut(name, expect, build=False, only=False):
    def deco(fn):
        MUTS.append((name, _as_list(expect), fn, build, only))
        return fn
    return deco


def simple(name, expect, fn, build=False, only=False):
    MUTS.append((name, _as_list(expect), fn, build, only))


def qid(key):
    return ID[key]


def qset(key, text):
    def f(c):
        c.e(key)["question"] = text
    return f


def qrep(key, old, new, count=1):
    return lambda c: c.q_rep(key, old, new, count)


def qadd(key, text):
    def f(c):
        c.e(key)["question"] += text
    return f


def tset(key, text):
    def f(c):
        c.e(key)["truth"] = text
    return f


def trep(key, old, new):
    return lambda c: c.t_rep(key, old, new)


def tadd(key, text):
    def f(c):
        c.e(key)["truth"] += text
    return f


def qsub(key, pattern, repl, flags=0):
    def f(c):
        e = c.e(key)
        new = re.sub(pattern, repl, e["question"], flags=flags)
        if new == e["question"]:
            raise AssertionError("setup: pattern %r matches nothing in %s" % (pattern[:40], key))
        e["question"] = new
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


def unfence(key):
    """remove the Markdown fence markers of an item (the pasted text stays, now in prose)"""
    def f(c):
        e = c.e(key)
        new = re.sub(r"```[a-z]*\n?", "", e["question"])
        if new == e["question"]:
            raise AssertionError("setup: no fence in %s" % key)
        e["question"] = new
    return f


def prevq(n, idx):
    def get(c):
        return json.load(open(os.path.join(c.d, "prev", "blind%d.json" % n), encoding="utf-8"))[idx]["question"]
    return get


def first_lines(c):
    p = os.path.join(c.d, FILES[2])
    return open(p, encoding="utf-8").read().split("\n")[:-1]


def write_first_lines(c, lines):
    with open(os.path.join(c.d, FILES[2]), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


def prev_edit(n, fn):
    """apply fn to the entry list of prev/blind<n>.json and write it back"""
    def f(c):
        p = os.path.join(c.d, "prev", "blind%d.json" % n)
        data = json.load(open(p, encoding="utf-8"))
        fn(data)
        json.dump(data, open(p, "w", encoding="utf-8"))
    return f


def _prev_item(d, pid):
    return next(x for x in d if x["id"] == pid)


def _first_offtopic(d):
    return next(x for x in d if x["category"] == "off-topic")


def msg(key, text):
    """an expected message of one item: '<id>: <text>'"""
    return "%s: %s" % (ID[key], text)


# ---------------- snippets of the earlier sets' shapes (taken over from mutate70.py) ----------------
HISTORY_FENCE = ("\n\n```text\n  881  az acr show -n crkennet\n  882  az acr show-usage -n crkennet\n"
                 "  883  az acr replication list -r crkennet\n```\n")
ENV_FENCE = "\n\n```bash\nCAL_REGISTRY=crcalder2\nCAL_REGIONS=3\nCAL_VAULT=kv-calder\n```\n"
CONFLICT_FENCE = ("\n\n```json\n<<<<<<< HEAD\n\"kek_id\": \"a\"\n=======\n\"key_id\": \"a\"\n>>>>>>> old-template\n```\n")
TRACEBACK_FENCE = ('\n\n```\nTraceback (most recent call last):\n  File "C:\\tools\\tpl\\render.py", line 12, in <module>\n'
                   '    render()\nRuntimeError: template lookup exited with status 1\n```\n')
RUNNER_FENCE = ("\n\n```text\n2026-12-02T03:00:00.1000000Z ##[group]Run az keyvault role assignment list --hsm-name swalehsm\n"
                "2026-12-02T03:00:00.2000000Z ##[endgroup]\n2026-12-02T03:00:09.3000000Z ##[error]exit 1\n```")
PS_FENCE = ("\n\n```text\nAt line:1 char:1\n+ Invoke-WharfeCheck -Hsm wharfehsm\n"
            "    + CategoryInfo          : NotSpecified: (:String) [], RemoteException\n"
            "    + FullyQualifiedErrorId : NativeCommandError\n```")
EVENTS_FENCE = ("\n\n```text\nType      Reason    Age   From      Message\n"
                "Warning   Failed    1m    kubelet   Failed to pull image \"crsome.azurecr.io/app:1\"\n```")
NDJSON_FENCE = ('\n\n```text\n{"op":"pull","region":"weu","status":"ok"}\n{"op":"pull","region":"neu","status":"failed"}\n'
                '{"op":"pull","region":"swc","status":"failed"}\n```')
CURL_SNIPPET = ("\n\n```text\n> GET /healthz HTTP/1.1\n> Host: probe.build.example\n>\n< HTTP/1.1 404 Not Found\n"
                "< X-Trace-Ref: 42ab\n```")
GITLOG_SNIPPET = "\n\n```text\n4f1a2b3 pin the module\n5e6d7c8 new key\n9a8b7c6 old key\n```"
CSV_SNIPPET = "\n\n```text\nscope,role,principal\n/keys/a,user,p-01\n/keys/b,user,p-02\n```"
NS_SNIPPET = ("\n\n```text\n$ nslookup mirror1.build.example\nServer:\t\t10.0.0.2\nAddress:\t10.0.0.2#53\n\n"
              "Non-authoritative answer:\nName:\tmirror1.build.example\nAddress: 10.0.8.21\n```")
DOCKERFILE_SNIPPET = "\n\n```text\nFROM alpine:3.20\nRUN wget -q -O /usr/local/bin/tool https://example.invalid/tool\nCOPY run.sh /run.sh\n```"
EVENT_SNIPPET = ("\n\n```text\nLog Name:      Application\nSource:        keyjob\nEvent ID:      7\nLevel:         Error\n"
                 "Description:\nthe key job could not reach its store\n```")
ALERT_SNIPPET = ('\n\n```json\n{\n  "schemaId": "azureMonitorCommonAlertSchema",\n  "data": {\n    "essentials": {\n'
                 '      "alertRule": "key-watch",\n      "severity": "Sev3",\n      "signalType": "Log",\n'
                 '      "monitorCondition": "Fired"\n    },\n    "alertContext": {\n      "caller": "key-job"\n    }\n  }\n}\n```')
def _b64(obj):
    return base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode()).decode().rstrip("=")
FAKE_TOKEN = (_b64({"typ": "JWT", "alg": "RS256"}) + "." + _b64({"oid": "5b2e9f13-6c84-4d07-9e1a-3f8c7b0d2a61",
                                                                  "aud": "https://vault.azure.net"})
              + ".c2lnbmF0dXJlLW5vdC1yZWFs")
INI_SNIPPET = "\n\n```ini\n[core]\noutput = table\n\n[defaults]\ngroup = rg-old\nlocation = westus\n```"
OPENSSL_SNIPPET = "\n\n```text\nPublic-Key: (2048 bit)\nModulus:\n    00:aa:bb\nExponent: 65537 (0x10001)\n```"
PSLIST_SNIPPET = ("\n\n```text\nPS C:\\> Get-AzKeyVault -VaultName kv-old\n\nVault Name : kv-old\nLocation   : westus\n"
                  "SKU        : Standard\nRBAC       : False\n```")
ANSIBLE_SNIPPET = ('\n\n```text\nTASK [key : rotate] ***\nfatal: [localhost]: FAILED! => {"msg": "rotation failed", "rc": 1}\n```')
OCI_SNIPPET = ('\n\n```json\n{"mediaType": "application/vnd.docker.distribution.manifest.list.v2+json", '
               '"schemaVersion": 2, "manifests": [{"digest": "sha256:' + "ab" * 32 + '", "size": 1}]}\n```')
PYTEST_SNIPPET = ("\n\n```text\n=================================== FAILURES ===================================\n"
                  "E       assert 'disabled' == 'enabled'\n"
                  "FAILED tests/test_registry.py::test_status - AssertionError\n1 failed in 3.10s\n```")
GHALERT_BLOCK = "\n\n> [!NOTE]\n> this registry still has its key in the old vault for now"
CHANGELOG_SNIPPET = "\n\n```markdown\n## 1.4.0\n\n* first change\n* second change\n```"
MAVEN_SNIPPET = "\n\n```text\n[INFO] Packaging done\n[INFO] BUILD FAILURE\n[ERROR] push denied by the registry\n```"
AZD_SNIPPET = ("\n\n```text\n  (\u2713) Done: Resource group: rg-old (1.0s)\n  (x) Failed: Container Registry: crold (2.0s)\n\n"
               "ERROR: deployment failed\n```")
MAKE_SNIPPET = "\n\n```text\naz acr show -n crold\nmake: *** [Makefile:4: show] Error 1\n```"
MERMAID_SNIPPET = "\n\n```mermaid\nflowchart LR\n    a[crold] --> b[kv-old]\n    b --> c[hsm-old]\n    c --> a\n```"
NODE_SNIPPET = ("\n\n```text\nRestError: key not found\n    at async main (/srv/app/index.mjs:3:9)\n"
                "    at async run (/srv/app/cli.mjs:8:3)\n```")
DOTNET_SNIPPET = ("\n\n```text\nAzure.RequestFailedException: Key not found.\nStatus: 404 (Not Found)\nErrorCode: KeyNotFound\n```")
JENKINS_SNIPPET = ("\n\n```text\n[Pipeline] stage\n[Pipeline] sh\n+ az acr show -n crold\nERROR: not found\n"
                   "Finished: FAILURE\n```")
SUG_SNIPPET = "\n\n```suggestion\n  retention_days = 14\n  zone_redundancy_enabled = false\n```"
GOTEST_SNIPPET = ("\n\n```text\n=== RUN   TestOld\n    old_test.go:12: key store unreachable\n--- FAIL: TestOld (1.20s)\n"
                  "FAIL\n```")
JOURNAL_SNIPPET = ("\n\n```text\nJan 05 02:00:01 host-a systemd[1]: Starting old.service - Old job...\n"
                   "Jan 05 02:00:03 host-a old.sh[101]: ERROR: key store unreachable\n"
                   "Jan 05 02:00:03 host-a systemd[1]: old.service: Main process exited, code=killed, status=15/TERM\n```")
REPL_SNIPPET = "\n\n```python\n>>> k = kc.get_key(\"old\")\n>>> k.key_type\n'EC'\n```"
CONSOLE_SNIPPET = ("\n\n```text\nGET https://kv-old.vault.azure.net/secrets?api-version=7.4 500 (Internal Server Error)\n"
                   "Failed to load resource: net::ERR_FAILED\n```")
HELP_SNIPPET = ("\n\n```text\nCommand\n    az old show : Show an old thing.\n\nArguments\n    --name -n  [Required] : Name.\n"
                "    --group -g            : Group.\n```")
TASKLOG_SNIPPET = ("\n\n```text\n2026/01/05 02:00:01 Downloading source code...\n2026/01/05 02:00:03 Finished downloading source code\n"
                   "2026/01/05 02:00:09 Step ID: build marked as failed (elapsed time in seconds: 6.1)\n"
                   "Run ID: zz1 failed after 9s\n```")
GHERKIN_SNIPPET = ('\n\n```gherkin\nFeature: Old checks\n  Scenario: the thing is on\n    Given I have "old" defined\n'
                   '    Then it must contain "enabled"\n```')
TREE_SNIPPET = "\n\n```text\nold/\n├── a.conf\n├── b.conf\n└── run.sh\n```"
PRECOMMIT_SNIPPET = ("\n\n```text\nold-fmt..................................................Passed\n"
                     "old-lint.................................................Failed\n- hook id: old-lint\n- exit code: 1\n```")
FOOTNOTE_SNIPPET = "\n\nThe old vault[^1] and the old key[^2] stay.\n\n[^1]: kv-old in West Europe.\n[^2]: kek-old, RSA 2048."
ROLE_SNIPPET = ('\n\n```json\n{"Name": "Old Role", "Actions": [], "DataActions": ["Microsoft.KeyVault/vaults/keys/read"], '
                '"AssignableScopes": ["/subscriptions/00000000-0000-0000-0000-000000000000"]}\n```')
LOCK_SNIPPET = ('\n\n```hcl\nprovider "registry.terraform.io/hashicorp/random" {\n  version = "3.6.3"\n  hashes = [\n'
                '    "h1:AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEfG=",\n  ]\n}\n```')
FEEDBACK_SNIPPET = ("\n\n---\n#### Document Details\n\n* ID: 1\n* Version Independent ID: 2\n"
                    "* Content: [Old page](https://learn.microsoft.com/en-us/old)\n"
                    "* Content Source: [articles/old.md](https://github.com/o/r/blob/main/articles/old.md)\n* Service: **old**")
OPENAPI_SNIPPET = ('\n\n```json\n"Old": {"type": "object", "properties": {"a": {"type": "string"}, '
                   '"b": {"type": "boolean", "readOnly": true}}}\n```')
ADR_SNIPPET = "\n\n```markdown\n# ADR-0002: Old choice\n\n## Status\n\nAccepted\n\n## Decision\n\nKeep the old vault.\n```"
LEARN_SNIPPET = "\n\n```text\nAzure CLI\nCopy\nOpen Cloud Shell\naz acr show --name <registry-name>\n```"
ARROW_SNIPPET = "\n\n```text\nstate: failed      <-- why?\nretries: 3         <-- too many\n```"
REDACT_SNIPPET = "\n\n```text\nuser = <redacted>\nhost = [REDACTED]\n```"
GRAPH_SNIPPET = ('\n\n```json\n{"appId": "00000000-0000-0000-0000-000000000001", "displayName": "old-sp", '
                 '"id": "00000000-0000-0000-0000-000000000002", "servicePrincipalType": "Application"}\n```')
ST_SNIPPET = ('\n\n```json\n{"name": "AzureCloud.westus", "properties": {"addressPrefixes": ["192.0.2.0/24"], '
              '"systemService": ""}}\n```')
RC_SNIPPET = ('\n\n```json\n{"changeType": "Update", "changes": {"properties.x": {"previousValue": "a", "newValue": "b", '
              '"propertyChangeType": "Update"}}}\n```')
HX_SNIPPET = ("\n\n```text\n00000000: 6f6c 6420 7661 6c75 650d 0a0d 0a0d 0a0d  old value.......\n"
              "00000010: 0a                                       .\n```")
PAC_SNIPPET = ('\n\n```javascript\nfunction FindProxyForURL(url, host) {\n  if (shExpMatch(host, "*.example.net"))\n'
               '    return "PROXY old.example:3128";\n  return "DIRECT";\n}\n```')
FL_SNIPPET = "\n\n```hcl old/main.tf\nlocals {}\n```\n\n```hcl old/vars.tf\nvariable \"x\" {}\n```"
RL_SNIPPET = '\n\n```json\n[{"location": "brazilsouth", "regionEndpointEnabled": true, "zoneRedundancy": "Disabled"}]\n```'
CP_SNIPPET = '\n\n```json\n{"name": "AzureGermanCloud", "suffixes": {"keyvaultDns": ".vault.microsoftazure.de"}}\n```'
CA_SNIPPET = ("\n\n```text\n[2026-01-05T02:00:01Z] Checking host name resolution (crold.azurecr.io): SUCCEEDED\n"
              "[2026-01-05T02:00:01Z] ACR location: westus\n"
              "[2026-01-05T02:00:02Z] Validating image pull permission: FAILED\n```")
AC_SNIPPET = '\n\n```json\n{"isDefault": true, "tenantId": "t-1", "user": {"name": "ops@example.org", "type": "user"}}\n```'
SL_SNIPPET = "\n\nSlide 1: Old plan\n- keep the old key\n\nSlide 2: New plan\n- move to the new key\n"
NC_SNIPPET = '\n\n```json\n{"message": "The registry crold is already in use.", "nameAvailable": false, "reason": "AlreadyExists"}\n```'
TD_SNIPPET = ('\n\n```json\n[{"name": "v1", "changeableAttributes": {"readEnabled": true}, '
              '"lastUpdateTime": "2026-01-05T02:00:01Z"}]\n```')
XT_SNIPPET = "\n\n<context>\nold registry crold, key in kv-old\n</context>\n\n<ask>\nwhat should change first\n</ask>\n"
PR_SNIPPET = "\n\n```text\nBasics\nRegistry name             crold\nPricing plan              Premium\n\nEncryption\nCustomer-managed key      Enabled\n```"
KE_SNIPPET = ('\n\n```json\n{"eventType": "Microsoft.KeyVault.KeyNearExpiry", "subject": "kek-old", '
              '"data": {"VaultName": "kv-old", "ObjectName": "kek-old", "Version": "0a1b2c3d4e5f6a7b"}}\n```')
MC_SNIPPET = ('\n\n```json\n{"jsonrpc": "2.0", "id": 1, "method": "tools/call", '
              '"params": {"name": "ask", "arguments": {"registry": "crold"}}}\n```')
RG_SNIPPET = '\n\n```json\n{"count": 1, "data": [{"name": "crold", "cmk": "enabled"}], "skip_token": null, "total_records": 1}\n```'
PE_SNIPPET = ('\n\n```json\n{"name": "pe-old", "privateLinkServiceConnections": [{"groupIds": ["vault"], '
              '"privateLinkServiceId": "/subscriptions/x/resourceGroups/rg-old/providers/Microsoft.KeyVault/vaults/kv-old"}]}\n```')
DO_SNIPPET = '\n\n```json\n{"keyUri": {"type": "String", "value": "https://kv-old.vault.azure.net/keys/kek-old"}}\n```'
DB_SNIPPET = "\n\n```text\nBumps [hashicorp/azurerm](https://github.com/hashicorp/terraform-provider-azurerm) from 4.1.0 to 4.2.0.\n```"
DP_SNIPPET = "\n\n```text\nThe push refers to repository [crold.azurecr.io/app]\n0a1b2c3d4e5f: Pushed\n```"
GL_SNIPPET = "\n\n```text\nRunning with gitlab-runner 16.0.0 (abcd1234)\n$ az acr show -n crold\nJob succeeded\n```"
KA_SNIPPET = ('\n\n```json\n{"operationName": "KeyGet", "category": "AuditEvent", "resultSignature": "OK", '
              '"callerIpAddress": "192.0.2.1"}\n```')
JX_SNIPPET = ("\n\n```text\ncom.azure.core.exception.HttpResponseException: Status code 404\n"
              "\tat com.example.App.run(App.java:10)\n\tat com.example.App.main(App.java:3)\n```")
ADOC_SNIPPET = "\n\n```asciidoc\n== Old step\n\n[source,bash]\n----\naz acr show -n crold\n----\n```"


# ---------------- snippets of the five new shapes (novelty on prev, unflagged use) ----------------
RULE80 = "-" * 80
GO_SNIPPET = ("\n\n```text\nGET https://kv-old.vault.azure.net/keys/kek-old\n" + RULE80 + "\nRESPONSE 404: 404 Not Found\n"
              "ERROR CODE: KeyNotFound\n" + RULE80 + "\n```")
PU_SNIPPET = ("\n\n```text\n +   pulumi:pulumi:Stack     old-dev     **creating failed**\n\nDiagnostics:\n"
              "  azure-native:keyvault:Vault (kv-old):\n    error: something failed\n```")
VT_SNIPPET = ("\n\n```text\nWEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ann Oldfield>first\n\n"
              "00:00:05.000 --> 00:00:08.000\n<v Bo Oldfield>second\n```")
TT_SNIPPET = ('\n\n```text\ntests/old.tftest.hcl... in progress\n  run "old_run"... fail\ntests/old.tftest.hcl... fail\n\n'
              'Failure! 0 passed, 1 failed.\n```')
CF_SNIPPET = "\n\n```yaml\nservices:\n  oldapp:\n    image: crold.azurecr.io/old/app:1.0\n```"
NEW_SNIP = {"go_sdk_error": GO_SNIPPET, "pulumi_output": PU_SNIPPET, "webvtt_transcript": VT_SNIPPET,
            "terraform_test_run": TT_SNIPPET, "compose_file": CF_SNIPPET}

# one snippet per earlier shape (blind52 to blind70); each is checked against its detector when this file loads
OLD_SNIP = {
    "tldr_summary": "\n\nTL;DR: which vault and which key do we pick?",
    "caps_shouting": "\n\nWe REALLY need this SETTLED today.",
    "smart_punctuation": " (the \u201ckv\u201d one)",
    "jmespath_query": " (az acr show --query sku.name said Premium)",
    "regex_pattern": " `^https://[^/]+/keys/[^/]+$`",
    "shell_history": HISTORY_FENCE, "dotenv_file": ENV_FENCE,
    "ansi_escape_codes": " \x1b[33mwarn\x1b[0m",
    "strikethrough_correction": " (a ~~second~~ brand new key)",
    "percent_encoded_uri": " (https%3a%2f%2fhsm-x.managedhsm.azure.net%2fkeys%2fkek)",
    "merge_conflict_markers": CONFLICT_FENCE, "jira_markup": " ({{identity}} {{people}})",
    "html_entities": " (the &quot;kv&quot; one)",
    "numbered_subquestions": "\n\n1. Which endpoint? 2. Which zone? 3. Which vault?",
    "jwt_token": " " + FAKE_TOKEN,
    "python_traceback": TRACEBACK_FENCE,
    "details_block": "\n\n<details>\n<summary>tag list</summary>\n\nsha256-0a1b2c.sig\n\n</details>",
    "screenshot_embed": " ![check](https://github.com/user-attachments/assets/1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f)",
    "double_encoded_json": ' ("{\\"error\\":{\\"code\\":\\"Forbidden\\"}}")',
    "escaped_markdown": " (managed\\_hsm\\_pool)",
    "gha_log_groups": RUNNER_FENCE, "powershell_error_record": PS_FENCE, "kubectl_events": EVENTS_FENCE,
    "ndjson_log": NDJSON_FENCE, "logfmt_line": " (level=error msg=denied vault=kv-moss)",
    "curl_verbose": CURL_SNIPPET, "git_log_oneline": GITLOG_SNIPPET, "csv_export": CSV_SNIPPET,
    "crontab_line": " (`0 3 * * 1 /opt/acr/regrant.sh`)", "copilot_refs": " (#file:push.log)",
    "nslookup_output": NS_SNIPPET, "dockerfile": DOCKERFILE_SNIPPET, "windows_event_log": EVENT_SNIPPET,
    "monitor_alert_payload": ALERT_SNIPPET, "checkov_finding": " (CKV_AZURE_164 aside)",
    "openssl_key_text": OPENSSL_SNIPPET, "ini_config": INI_SNIPPET, "ps_format_list": PSLIST_SNIPPET,
    "ansible_output": ANSIBLE_SNIPPET, "oci_manifest": OCI_SNIPPET,
    "pytest_failure": PYTEST_SNIPPET, "github_alert": GHALERT_BLOCK, "changelog_entry": CHANGELOG_SNIPPET,
    "maven_build_log": MAVEN_SNIPPET, "azd_output": AZD_SNIPPET,
    "make_error": MAKE_SNIPPET, "mermaid_diagram": MERMAID_SNIPPET, "nodejs_error": NODE_SNIPPET,
    "dotnet_exception": DOTNET_SNIPPET, "jenkins_console": JENKINS_SNIPPET,
    "github_suggestion": SUG_SNIPPET, "go_test_failure": GOTEST_SNIPPET, "systemd_journal": JOURNAL_SNIPPET,
    "python_repl": REPL_SNIPPET, "browser_console": CONSOLE_SNIPPET,
    "cli_help_text": HELP_SNIPPET, "acr_task_log": TASKLOG_SNIPPET, "gherkin_feature": GHERKIN_SNIPPET,
    "dir_tree": TREE_SNIPPET, "precommit_hooks": PRECOMMIT_SNIPPET,
    "md_footnotes": FOOTNOTE_SNIPPET, "role_definition_json": ROLE_SNIPPET, "tf_lock_file": LOCK_SNIPPET,
    "docs_feedback_block": FEEDBACK_SNIPPET, "openapi_schema": OPENAPI_SNIPPET,
    "adr_record": ADR_SNIPPET, "learn_page_copy": LEARN_SNIPPET, "arrow_annotations": ARROW_SNIPPET,
    "redacted_paste": REDACT_SNIPPET, "graph_sp_object": GRAPH_SNIPPET,
    "service_tag_json": ST_SNIPPET, "resource_change_record": RC_SNIPPET, "hex_dump": HX_SNIPPET,
    "pac_file": PAC_SNIPPET, "fence_file_labels": FL_SNIPPET,
    "replication_list": RL_SNIPPET, "cloud_profile": CP_SNIPPET, "aks_check_acr": CA_SNIPPET,
    "az_account_json": AC_SNIPPET, "slide_outline": SL_SNIPPET,
    "name_check_json": NC_SNIPPET, "tag_detail_json": TD_SNIPPET, "xml_prompt_tags": XT_SNIPPET,
    "portal_review_summary": PR_SNIPPET, "keyvault_event_json": KE_SNIPPET,
    "mcp_tool_call": MC_SNIPPET, "resource_graph_result": RG_SNIPPET, "private_endpoint_json": PE_SNIPPET,
    "deployment_outputs_json": DO_SNIPPET, "dependabot_pr_body": DB_SNIPPET,
    "docker_push_output": DP_SNIPPET, "gitlab_job_log": GL_SNIPPET, "keyvault_audit_log": KA_SNIPPET,
    "java_exception": JX_SNIPPET, "asciidoc_runbook": ADOC_SNIPPET,
}
# one-line variants (quoted inline or plain), for one-line questions
ONE_LINE = {
    "smart_punctuation": " (the \u201ckv\u201d one)", "jmespath_query": " (az acr show --query sku.name)",
    "regex_pattern": " `^https://[^/]+/keys/[^/]+$`", "ansi_escape_codes": " \x1b[33mwarn\x1b[0m",
    "strikethrough_correction": " (a ~~second~~ new key)",
    "percent_encoded_uri": " (https%3a%2f%2fhsm-x.managedhsm.azure.net%2fkeys%2fkek)",
    "jira_markup": " ({{identity}} {{people}})", "html_entities": " (the &quot;kv&quot; one)", "jwt_token": " " + FAKE_TOKEN,
    "screenshot_embed": " ![check](https://github.com/user-attachments/assets/1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f)",
    "double_encoded_json": ' ("{\\"error\\":{\\"code\\":\\"Forbidden\\"}}")', "escaped_markdown": " (managed\\_hsm\\_pool)",
    "logfmt_line": " (level=error msg=denied vault=kv-moss)", "crontab_line": " (`0 3 * * 1 /opt/acr/regrant.sh`)",
    "checkov_finding": " (CKV_AZURE_164 aside)",
    "openssl_key_text": " (`Public-Key: (2048 bit)`)", "pytest_failure": " `FAILED tests/test_kv.py::test_hsm`",
    "make_error": " `make: *** [Makefile:3: vault] Error 1`",
    "browser_console": " `GET https://kv-x.vault.azure.net/keys 403 (Forbidden)`",
    "redacted_paste": " `--identity <redacted>`", "graph_sp_object": ' (`{"appId": "x"}`)',
    "mcp_tool_call": ' `{"jsonrpc": "2.0", "method": "tools/call"}`',
    "resource_graph_result": ' (`{"count": 1, "data": [], "skip_token": null}`)',
    "private_endpoint_json": ' (`{"groupIds": ["registry"]}`)',
    "deployment_outputs_json": ' `{"kek": {"type": "String", "value": "x"}}`',
    "dependabot_pr_body": " (`Bumps [hashicorp/azurerm](https://github.com/hashicorp/terraform-provider-azurerm) "
                          "from 4.1.0 to 4.2.0.`)",
    "docker_push_output": " `The push refers to repository [crold.azurecr.io/app]`",
    "keyvault_audit_log": ' `{"resultSignature": "Forbidden"}`',
    "java_exception": " `com.azure.core.exception.HttpResponseException: Status code 403`",
    "copilot_refs": " (#file:push.log)",
}
_NEUTRAL = "We keep one registry and one vault."
for _f, _s in list(OLD_SNIP.items()) + list(ONE_LINE.items()):
    if not check71.OLD_DETECT[_f](_NEUTRAL + _s):
        raise SystemExit("snippet for %s does not show the shape" % _f)
for _f, _s in NEW_SNIP.items():
    if not check71.NEW_DETECT[_f](_NEUTRAL + _s):
        raise SystemExit("snippet for %s does not show the shape" % _f)
if set(OLD_SNIP) != set(check71.OLD_SHAPES):
    raise SystemExit("OLD_SNIP does not cover every earlier shape")
SHAPES_OF = {}
for _f, _n in check71.OLD_SHAPES.items():
    SHAPES_OF.setdefault(_n, []).append(_f)

# marker of the only=True mutations: S8 as a short question of exactly 15 words
S8_15 = "what does keyrotationenabled false in az acr encryption show mean for our two test registries"
L2_START = "crmeridel has used kek-meridel"
L1_START = "We are creating crsaffron through the portal"
S12_TAIL = "if our key lives in a managed hsm?"
A6_START = "Write the command that makes"
X8_TAIL = "when a disk starts reporting reallocated sectors."
ONE_LINE_KEYS = ["S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10", "S11", "S12",
                 "G3", "G4", "G5", "A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9"]
OFF_LONG = ["X1", "X2", "X3", "X4", "X5", "X6"]
OFF_ALL = OFF_LONG + ["X7", "X8", "X9", "X10", "X11", "X12"]
ON_LONG_PLAIN = ["L1", "L2"]


def add_to(key, text):
    def f(c):
        c.e(key)["question"] += text
    return f


# ---------------- ids, source, structure, meta, rebuild ----------------
# the set's prefix is "ai"; every single letter (the prefixes of blind19-62), blind63's "aa" to blind70's "ah", other
# two-letter prefixes, an upper-case "AI" and a longer "aii" are rejected: each is planted at its own position in one run
_PFX = tuple("abcdefghijklmnopqrstuvwxyz") + ("aa", "ab", "ac", "ad", "ae", "af", "ag", "ah", "aj", "ia", "AI", "aii")


def _all_prefixes(c):
    for i, pfx in enumerate(_PFX):
        c.j[i]["id"] = pfx + c.j[i]["id"][len(P):]


simple("id prefixes of earlier sets and others (one per position)",
       ["%s%03d: bad id at position %d (want %s%03d)" % (pfx, i + 1, i + 1, P, i + 1) for i, pfx in enumerate(_PFX)],
       _all_prefixes)
simple("ids numbered from zero", "bad id at position 1",
       lambda c: [x.__setitem__("id", "%s%03d" % (P, int(x["id"][len(P):]) - 1)) for x in c.j])
simple("wrong source", "bad source", lambda c: c.j[3].__setitem__("source", "written by hand"))
simple("key order swapped", "keys or key order wrong",
       lambda c: c.j.__setitem__(2, dict([("category", c.j[2]["category"])] +
                                         [(k, v) for k, v in c.j[2].items() if k != "category"])))
simple("extra key in an entry", "keys or key order wrong", lambda c: c.j[7].__setitem__("notes", "x"))
simple("meta entry missing", "meta: ids do not match", lambda c: c.m.pop(P + "010"))
simple("meta entry for an unknown id", "meta: ids do not match", lambda c: c.m.__setitem__(P + "061", {"style": "short"}))
simple("59 entries", "need a list of 60", lambda c: c.j.pop())
simple("rebuild: json truth edited", "rebuild differs from blind71.json",
       lambda c: c.j[0].__setitem__("truth", c.j[0]["truth"] + " Extra."), True)
simple("rebuild: meta edited", "rebuild differs from blind71-meta.json",
       lambda c: c.m[P + "001"].__setitem__("qual", "none" if c.m[P + "001"]["qual"] != "none" else "asked"), True)


@mut("rebuild: same content, other JSON layout (byte compare)", "rebuild differs from blind71.json", True)
def _(c):
    def save():
        with open(os.path.join(c.d, FILES[0]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(c.j, indent=2, ensure_ascii=False) + "\n")
        with open(os.path.join(c.d, FILES[1]), "w", encoding="utf-8") as fh:
            fh.write(json.dumps(c.m, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    c.save = save


@mut("rebuild: a GUID in a pasted Pulumi error changed (byte compare)", "rebuild differs from blind71.json", True)
def _(c):
    c.q_rep("P2", "3c5e1f0a-7b2d-4e8c-9a61-5d0f2b8e4c17", "3c5e1f0a-7b2d-4e8c-9a61-5d0f2b8e4c18")


@mut("rebuild: first-canonical list edited", "rebuild differs from blind71-first-canonicals.txt", True)
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


simple("first-canonical list missing", "blind71-first-canonicals.txt missing",
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
       set_edit(lambda s: s["new_shapes"]["go_sdk_error"].pop()))
simple("_set: spread count changed", "meta: _set summary does not match",
       set_edit(lambda s: s["spread"].__setitem__("new_against_blind%d_and_blind%d" % (A_SET, B_SET), 48)))
simple("_set: spread floors changed", "meta: _set summary does not match",
       set_edit(lambda s: s["spread"].__setitem__("floors", [30, 20])))
simple("_set: typo moved to another id", "meta: _set summary does not match",
       set_edit(lambda s: s["typos"].__setitem__("posible", ID["S3"])))
simple("_set: off-topic subject renamed", "meta: _set summary does not match",
       set_edit(lambda s: s["off_topic_subjects"].__setitem__(ID["X1"], "homarr")))
simple("_set: stale after a flag change", "meta: _set summary does not match", raw(mdel("G3", "go_sdk_error")))


def add_my_first_to_list(n, key):
    def f(c):
        c.raw_set = True
        p = os.path.join(c.d, "blind%d-first-canonicals.txt" % n)
        lines = [x for x in open(p, encoding="utf-8") if x.strip()]
        if c.e(key)["canonical"][0] + "\n" in lines:
            raise AssertionError("setup: first canonical of %s already in the blind%d list" % (key, n))
        lines[-1] = c.e(key)["canonical"][0] + "\n"
        open(p, "w", encoding="utf-8").writelines(lines)
    return f


simple("_set: stale after the blind70 first-canonical list changed", "meta: _set summary does not match",
       add_my_first_to_list(A_SET, "L2"))
simple("_set: stale after the blind69 first-canonical list changed", "meta: _set summary does not match",
       add_my_first_to_list(B_SET, "C3"))

# ---------------- dropped flags and fields (the shape flags of blind52 to blind70 included) ----------------
_SPECIAL = {"field": "bypass", "wrong": "--kek-uri", "other": ["AWS"], "premise": "x"}
_DF = check71.DROPPED_FIELDS
for _gi, _grp in enumerate((_DF[:45], _DF[45:90], _DF[90:135], _DF[135:])):
    simple("dropped/unknown fields, group %d (%s to %s)" % (_gi + 1, _grp[0], _grp[-1]),
           [msg("L2", "unknown field %r" % fld) for fld in _grp],
           chain(*[mset("L2", fld, _SPECIAL.get(fld, True)) for fld in _grp]))
simple("unknown field on an off-topic item", msg("X6", "unknown field 'docker_push_output'"),
       mset("X6", "docker_push_output", True))

# ---------------- facts and answer facts ----------------
simple("answer_fact not in canonical", msg("S2", "answer_fact not in first canonical"),
       lambda c: c.e("S2")["answer_facts"].__setitem__(0, "a registry private endpoint is fully supported with cmk"))
simple("answer_fact only in a related section", msg("S1", "answer_fact not in first canonical"),
       lambda c: c.e("S1")["answer_facts"].__setitem__(0, "Turn on the system-assigned identity"))
simple("answer_fact added from a related section", msg("S3", "answer_fact not in first canonical"),
       lambda c: c.e("S3")["answer_facts"].append("To list every registry in the subscription"))
simple("answer_fact over 7 words", msg("S11", "answer_fact over 7 words"),
       lambda c: c.e("S11")["answer_facts"].__setitem__(0, "the registry identity needs the local role at the key scope"))
simple("fact not in any section", msg("S2", "fact not in a canonical or related section"),
       lambda c: c.e("S2")["facts"].__setitem__(0, "the client ID changes whenever the identity is reattached"))
simple("empty answer_facts and empty facts", [msg("S12", "no answer_facts"), msg("S10", "no facts")],
       chain(eset("S12", "answer_facts", []), eset("S10", "facts", [])))
simple("two_facts with both answer facts in the first canonical", msg("L2", "two_facts needs one answer_fact only in each"),
       lambda c: c.e("L2")["answer_facts"].__setitem__(1, "Keep the old vault and key"))
simple("two_facts fact in neither canonical", msg("C3", "answer_fact not in either canonical"),
       lambda c: c.e("C3")["answer_facts"].__setitem__(0, "the portal grants the local role itself"))
simple("two canonicals without flag", msg("W2", "two canonical sections need two_facts"), mdel("W2", "two_facts"))
simple("two_facts flag with one canonical", msg("S12", "two_facts needs two canonical sections"),
       mset("S12", "two_facts", True))

# ---------------- sections ----------------
simple("unknown section ids (bad anchor; no acr-cmk/ folder)",
       [msg("L1", "unknown section acr-cmk/references/managed-hsm.md#no-such-anchor"),
        msg("S6", "unknown section references/troubleshooting.md#general-diagnostic-checklist")],
       chain(lambda c: c.e("L1")["related"].__setitem__(1, R + "managed-hsm.md#no-such-anchor"),
             lambda c: c.e("S6")["related"].__setitem__(1, "references/troubleshooting.md#general-diagnostic-checklist")))
simple("canonical repeated in related", msg("L1", "repeated section"),
       lambda c: c.e("L1")["related"].append(c.e("L1")["canonical"][0]))
simple("canonical empty, three canonicals", [msg("S2", "canonical must hold 1 or 2"), msg("S4", "canonical must hold 1 or 2")],
       chain(eset("S2", "canonical", []), lambda c: c.e("S4")["canonical"].extend(c.e("S4")["related"][:2])))
simple("first canonical in a scenario; related empty",
       [msg("S11", "first canonical not a reference doc"), msg("S12", "related is empty")],
       chain(lambda c: c.e("S11")["canonical"].__setitem__(0, SCENARIO_SECTION), eset("S12", "related", [])))

# ---------------- kinds, styles, truths, categories ----------------
simple("unknown kind", msg("A3", "bad kind"), mset("A3", "kind", "opinion"))
simple("truth openings (each kind)",
       [msg("S9", "yes truth must open 'Yes: '"), msg("S10", "no truth must open 'No: '"),
        msg("S12", "undocumented truth must open 'Not documented'"), msg("X3", "off-topic truth must open 'Not covered: '"),
        msg("A6", "howto truth opens with a verdict word"), msg("G1", "troubleshoot truth opens with a verdict word"),
        msg("S11", "why truth opens with a verdict word"), msg("S6", "value truth opens with a verdict word")],
       chain(lambda c: c.e("S9").__setitem__("truth", "No: " + c.e("S9")["truth"][5:]),
             lambda c: c.e("S10").__setitem__("truth", c.e("S10")["truth"][4:]),
             lambda c: c.e("S12").__setitem__("truth", c.e("S12")["truth"][16:]),
             lambda c: c.e("X3").__setitem__("truth", c.e("X3")["truth"][13:]),
             lambda c: c.e("A6").__setitem__("truth", "Yes: " + c.e("A6")["truth"]),
             lambda c: c.e("G1").__setitem__("truth", "No, " + c.e("G1")["truth"]),
             lambda c: c.e("S11").__setitem__("truth", "Not documented: " + c.e("S11")["truth"]),
             lambda c: c.e("S6").__setitem__("truth", "Not covered: " + c.e("S6")["truth"])))
simple("off-topic with canonical; off-topic category on an on-topic kind; unknown category",
       [msg("X4", "off-topic item must have empty lists"), msg("A9", "off-topic category and kind disagree"),
        msg("A8", "bad category")],
       chain(lambda c: c.e("X4")["canonical"].append(R + "overview.md#default-encryption-at-rest-without-a-cmk"),
             eset("A9", "category", "off-topic"), eset("A8", "category", "misc")))
simple("style count broken", "on-topic short count 13", mset("A3", "style", "short"))
simple("unknown style", msg("A4", "bad style"), mset("A4", "style", "medium"))
simple("kind count broken", ["kind howto count 13", "kind why count 4"], mset("L1", "kind", "why"))
simple("kind group missing from a style", "kind group yes/no missing from style agent",
       chain(mset("A1", "kind", "value"), tset("A1", "One assignment covers them: the role at /keys/kek-brenda applies to every version of the Managed HSM key."),
             mset("A5", "kind", "value"), tset("A5", "Billing goes on: a soft-deleted Managed HSM is charged until it is recovered or purged.")))
simple("category above 9", "category hsm count 10",
       chain(eset("L2", "category", "hsm"), eset("S6", "category", "hsm"), eset("S9", "category", "hsm"),
             eset("S10", "category", "hsm")))
simple("category below 2", "category iac count 1", eset("T2", "category", "limits"))

# ---------------- style rules ----------------
simple("long post too short; long post too long",
       [msg("L2", "long question length"), msg("L1", "long question length")],
       chain(qset("L2", "Which vault after the move?"),
             lambda c: c.e("L1").__setitem__("question", c.e("L1")["question"] + (" Some more background here." * 60))))
simple("short question of 15 words", msg("S8", "short question has 15 words"), qset("S8", S8_15))
simple("short question on two lines", msg("S12", "short question spans lines"), qrep("S12", " if our key", "\nif our key"))
simple("agent query of 50 words", msg("A3", "agent query has"),
       lambda c: c.e("A3").__setitem__("question", c.e("A3")["question"] + " please" + " also" * 30))
simple("agent query on two lines; agent query with a fence",
       [msg("A9", "agent query spans lines"), msg("A5", "agent query spans lines")],
       chain(qrep("A9", " Question:", "\nQuestion:"), qrep("A5", " Question:", " ```x``` Question:")))
simple("context form without Context:", msg("A9", "context form must open with 'Context:'"),
       lambda c: c.e("A9").__setitem__("question", c.e("A9")["question"][len("Context: "):]))
simple("imperative form without verb", msg("A6", "imperative form must open with an imperative verb"),
       qrep("A6", A6_START, "I want the command that makes"))
simple("keywords form opening uppercase; keywords form with ?",
       [msg("A3", "keywords form must open lowercase"), msg("G5", "keywords form must open lowercase")],
       chain(lambda c: c.e("A3").__setitem__("question", c.e("A3")["question"][0].upper() + c.e("A3")["question"][1:]),
             lambda c: c.e("G5").__setitem__("question", c.e("G5")["question"] + "?")))
simple("form on a short item", msg("S12", "form on a non-agent item"), mset("S12", "form", "keywords"))
simple("agent forms miscounted", "on-topic agent form context count 4",
       chain(mset("A9", "form", "imperative"), qrep("A9", "Context: our naming standard", "Explain: our naming standard")))
simple("off-topic agent forms miscounted", "off-topic agent form keywords count 0",
       chain(mset("X9", "form", "imperative"), lambda c: c.e("X9").__setitem__("question", "Explain " + c.e("X9")["question"])))


@mut("three short questions not lowercase", "short questions not lowercase (max 2)")
def _(c):
    for k in ("S5", "S6", "S11"):
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
           "rbac": "role mode", "kek": "key", "mi": "identity", "oras": "the artifact tool", "dct": "content trust",
           "pe": "endpoint", "tf": "terraform"}
    for x in c.j:
        if c.m[x["id"]]["style"] == "short":
            x["question"] = re.sub(r"\b(%s)\b" % "|".join(rep), lambda mm: rep[mm.group(1).lower()],
                                   x["question"], flags=re.I)


# ---------------- qualifiers ----------------
simple("hsm qualifier without Managed HSM; iac qualifier without a tool",
       [msg("L2", "hsm qualifier but no Managed HSM in the question"),
        msg("S6", "iac qualifier but no portal/Terraform/Bicep/ARM/AVM")],
       chain(mset("L2", "quals", ["hsm"]), mset("L2", "qual", "story"), mset("S6", "quals", ["iac"]), mset("S6", "qual", "story")))
simple("October 2026 truth without Managed HSM", msg("S10", "October 2026 truth names neither"),
       chain(mset("S10", "quals", ["oct2026"]), mset("S10", "qual", "story")))
simple("qual asked recorded as story; quals without qual none",
       [msg("A1", "qual is 'story', should be 'asked'"), msg("G2", "qual is 'asked', should be 'none'")],
       chain(mset("A1", "qual", "story"), mset("G2", "qual", "asked")))
simple("unknown qualifier", msg("A1", "bad quals"), mset("A1", "quals", ["hsm", "oct2026", "k8s"]))


def drop_qual(mm, x, q):
    mm["quals"] = [v for v in mm["quals"] if v != q]
    ask = build71.ask_part(x["question"])
    hit = ("hsm" in mm["quals"] and build71.HSM_RE.search(ask)) or ("iac" in mm["quals"] and build71.IAC_RE.search(ask))
    mm["qual"] = "none" if not mm["quals"] else ("asked" if hit else "story")


@mut("Managed HSM asked floor", "floor: Managed HSM asked 9 < 10")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "hsm" in mm.get("quals", []) and build71.HSM_RE.search(build71.ask_part(x["question"])):
            n += 1
            if n > 9:
                drop_qual(mm, x, "hsm")


@mut("Managed HSM asked in too few ways (qualifier dropped)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    # A4 is the only revocation ask and the only rbac ask
    drop_qual(c.meta("A4"), c.e("A4"), "hsm")


@mut("Managed HSM asked in too few ways (ask reworded)", "Managed HSM asked in only 6 of 8 ways")
def _(c):
    c.q_rep("A4", "Question: which assignments in the Managed HSM, at which scope, do we delete to really revoke, and how?",
            "Question: which assignments in the Managed HSM do we delete for the drill, and how?")


@mut("iac named floor", "floor: portal/Terraform/Bicep/ARM/AVM named 7 < 8")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "iac" in mm.get("quals", []) and n < 2:
            drop_qual(mm, x, "iac")
            n += 1


@mut("October 2026 floor", "floor: October 2026 11 < 12")
def _(c):
    n = 0
    for x in c.j:
        mm = c.m[x["id"]]
        if "oct2026" in mm.get("quals", []) and n < 2:
            drop_qual(mm, x, "oct2026")
            n += 1


# ---------------- spread and per-doc ----------------
def list_lines(c, n):
    return [x.strip() for x in open(os.path.join(c.d, "blind%d-first-canonicals.txt" % n), encoding="utf-8") if x.strip()]


@mut("spread against blind70", "first canonicals new against blind70 (floor 40)")
def _(c):
    a = list(dict.fromkeys(list_lines(c, A_SET)))
    aset = set(a)
    mine = {x["canonical"][0] for x in c.j if x["canonical"]}
    pool = [f for f in a if f not in mine]
    fresh_n = sum(1 for x in c.j if x["canonical"] and x["canonical"][0] not in aset)
    need = fresh_n - 39
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < need and not c.m[x["id"]].get("two_facts") \
                and x["canonical"][0] not in aset:
            x["canonical"] = [pool[n]]
            x["related"] = [r for r in x["related"] if r != pool[n]] or [pool[n + 20]]
            n += 1
    if n != need:
        raise AssertionError("setup: replaced %d of %d" % (n, need))


@mut("spread against blind70 and blind69", "first canonicals new against blind70 and blind69 (floor 30)")
def _(c):
    a, b = set(list_lines(c, A_SET)), set(list_lines(c, B_SET))
    mine = {x["canonical"][0] for x in c.j if x["canonical"]}
    fresh_n = sum(1 for x in c.j if x["canonical"] and x["canonical"][0] not in a and x["canonical"][0] not in b)
    need = fresh_n - 29
    pool = [f for f in dict.fromkeys(list_lines(c, B_SET)) if f not in a and f not in mine]
    if len(pool) < need:
        raise AssertionError("setup: only %d blind69-only firsts" % len(pool))
    n = 0
    for x in c.j:
        if c.m[x["id"]]["kind"] != "off-topic" and n < need and not c.m[x["id"]].get("two_facts") \
                and x["canonical"][0] not in b and x["canonical"][0] not in a:
            x["canonical"] = [pool[n]]
            x["related"] = [r for r in x["related"] if r != pool[n]] or [R + "overview.md#requirements-at-a-glance"]
            n += 1
    if n != need:
        raise AssertionError("setup: replaced %d of %d" % (n, need))


simple("troubleshooting doc above 8", "first canonical doc troubleshooting count 9",
       lambda c: c.e("S12")["canonical"].__setitem__(0, R + "troubleshooting.md#general-diagnostic-checklist"))
simple("networking doc below 2", "first canonical doc networking count 1",
       lambda c: c.e("A2")["canonical"].__setitem__(0, R + "managed-hsm.md#managed-hsm-firewall-and-trusted-services"))
simple("both first-canonical lists missing", ["first-canonical list missing: blind70", "first-canonical list missing: blind69"],
       lambda c: [os.remove(os.path.join(c.d, f)) for f in LISTS])


@mut("blind70 list cut to 47, blind69 list cut to 40", ["blind70 has 47 lines", "blind69 has 40 lines"])
def _(c):
    for n, k in ((A_SET, 47), (B_SET, 40)):
        p = os.path.join(c.d, "blind%d-first-canonicals.txt" % n)
        lines = [x for x in open(p) if x.strip()]
        open(p, "w").writelines(lines[:k])


@mut("first-canonical lists read from the set's folder, not from prev/",
     ["first-canonical list missing: blind70", "first-canonical list missing: blind69"])
def _(c):
    for f in LISTS:
        shutil.move(os.path.join(c.d, f), os.path.join(c.d, "prev", f))


@mut("spread lists of the wrong sets (blind69 and blind68 in place of blind70 and blind69)",
     "first-canonical list missing: blind70")
def _(c):
    os.remove(os.path.join(c.d, "blind70-first-canonicals.txt"))
    shutil.copy(os.path.join(c.d, "blind69-first-canonicals.txt"), os.path.join(c.d, "blind68-first-canonicals.txt"))


# ---------------- typos ----------------
def plant_prev(n, word, idx=4, field="question"):
    def f(c):
        p = os.path.join(c.d, "prev", "blind%d.json" % n)
        data = json.load(open(p))
        data[idx][field] += " " + word
        json.dump(data, open(p, "w"))
    return f


def plant_prev_offtopic_truth(n, text):
    def f(c):
        p = os.path.join(c.d, "prev", "blind%d.json" % n)
        data = json.load(open(p))
        e = next(x for x in data if x["category"] == "off-topic")
        e["truth"] += " " + text
        json.dump(data, open(p, "w"))
    return f


simple("typos planted in earlier questions (blind20, blind70, blind19)",
       ["typo 'posible' already used in blind19-70", "typo 'explaination' already used in blind19-70",
        "typo 'goverment' already used in blind19-70"],
       chain(plant_prev(20, "posible"), plant_prev(70, "explaination"), plant_prev(19, "goverment")))
simple("typos planted in earlier truths (blind70, blind41, blind25)",
       ["typo 'posible' already used in blind19-70", "typo 'explaination' already used in blind19-70",
        "typo 'goverment' already used in blind19-70"],
       chain(plant_prev(70, "posible", 7, "truth"), plant_prev(41, "explaination", 7, "truth"),
             plant_prev(25, "goverment", 7, "truth")))
simple("typos in the knowledge and in two fact sheets",
       ["typo 'posible' stands in the knowledge or facts", "typo 'explaination' stands in the knowledge or facts",
        "typo 'goverment' stands in the knowledge or facts"],
       chain(lambda c: open(c.kfile("acr-cmk/references/overview.md"), "a").write("\nposible\n"),
             lambda c: (os.chmod(os.path.join(c.d, "facts", "cmk-facts-2026-10.md"), 0o644),
                        open(os.path.join(c.d, "facts", "cmk-facts-2026-10.md"), "a").write("\nexplaination\n")),
             lambda c: (os.chmod(os.path.join(c.d, "facts", "cli-facts.md"), 0o644),
                        open(os.path.join(c.d, "facts", "cli-facts.md"), "a").write("\ngoverment\n"))))
simple("typo moved to an off-topic short", msg("X11", "typo must sit in a short on-topic question"),
       chain(mdel("S9", "typo"), qrep("S9", "posible", "possible"), mset("X11", "typo", "posible"),
             qrep("X11", "can wakapi import", "is it posible that wakapi can import")))
simple("typo moved to a long item and to an agent item",
       [msg("L2", "typo must sit in a short on-topic question"), msg("A6", "typo must sit in a short on-topic question")],
       chain(mdel("S11", "typo"), qrep("S11", "explaination", "explanation"), mset("L2", "typo", "explaination"),
             qrep("L2", L2_START, "For an explaination: " + L2_START),
             mdel("S3", "typo"), qrep("S3", "goverment", "government"), mset("A6", "typo", "goverment"),
             qrep("A6", A6_START, "Write, for the goverment audit, the command that makes")))
simple("typo fixed in the question", msg("S11", "typo 'explaination' not in the question"),
       qrep("S11", "explaination", "explanation"))
simple("unrecorded typo in another question", msg("S6", "unrecorded typo 'goverment'"),
       qrep("S6", "for the acr cmk?", "for the goverment acr cmk?"))
simple("typo used twice", "typo 'posible' used 2 times",
       chain(mset("S6", "typo", "posible"), qrep("S6", "for the acr cmk?", "for the acr cmk, if posible?")))
simple("unknown typo word", msg("S9", "typo 'posibel' not in the set's typo list"),
       chain(mset("S9", "typo", "posibel"), qrep("S9", "posible", "posibel")))


# ---------------- copying ----------------
KV_POLICY_CMD = ('az keyvault set-policy --name $KEY_VAULT_NAME --resource-group $RESOURCE_GROUP --object-id '
                 '$PRINCIPAL_ID --key-permissions get unwrapKey wrapKey')
KNOWLEDGE_PROSE = "the registry cannot unwrap its data without the key so deleting the key store"
simple("knowledge 8-token run in prose", msg("L2", "8-token run shared with knowledge/facts"),
       qrep("L2", L2_START, "The registry cannot unwrap its data without the key, and " + L2_START))
simple("fact-sheet 8-token run in prose", msg("L1", "8-token run shared with knowledge/facts"),
       qrep("L1", L1_START, "We wonder whether this revision is already live on Learn. " + L1_START))
simple("pasted error moved into prose", msg("L2", "8-token run shared with knowledge/facts"),
       qrep("L2", L2_START, "The CLI said Cannot set policies to a vault with '--enable-rbac-authorization' specified. " + L2_START))
simple("knowledge command in the prose around each kind of new paste (8-token rule)",
       [msg(k, "8-token run shared with knowledge/facts") for k in ("G1", "P1", "W1", "T1", "C1")],
       chain(qrep("G1", "Pulls and pushes on crorielprod", "Our runbook says " + KV_POLICY_CMD + ". Pulls and pushes on crorielprod"),
             qrep("P1", "Running pulumi up again", "Our runbook says " + KV_POLICY_CMD + ". Running pulumi up again"),
             qrep("W1", "Can we delete only", "Our runbook says " + KV_POLICY_CMD + ". Can we delete only"),
             qrep("T1", "We do want the registries", "Our runbook says " + KV_POLICY_CMD + ". We do want the registries"),
             qrep("C1", "What is the way", "Our runbook says " + KV_POLICY_CMD + ". What is the way")))
simple("knowledge prose inside each kind of new paste (12-token rule)",
       [msg(k, "12-token run (fences included) shared with knowledge/facts") for k in ("G2", "P2", "W3", "T2", "C2")],
       chain(qrep("G2", "ERROR CODE: Forbidden\n", "ERROR CODE: Forbidden\n" + KNOWLEDGE_PROSE + "\n"),
             qrep("P2", "Diagnostics:\n", "Diagnostics:\n" + KNOWLEDGE_PROSE + "\n"),
             qrep("W3", "WEBVTT\n", "WEBVTT\n\nNOTE " + KNOWLEDGE_PROSE + "\n"),
             qrep("T2", "tests/cmk.tftest.hcl... tearing down", KNOWLEDGE_PROSE + "\ntests/cmk.tftest.hcl... tearing down"),
             qrep("C2", "services:\n", "# " + KNOWLEDGE_PROSE + "\nservices:\n")))
simple("8-token runs of earlier questions (blind30 into L1, blind70 into L2)",
       [msg("L1", "8-token run shared with blind19-70"), msg("L2", "8-token run shared with blind19-70")],
       chain(lambda c: c.e("L1").__setitem__("question", c.e("L1")["question"] + " " + prevq(30, 8)(c)[:120]),
             lambda c: c.e("L2").__setitem__("question", c.e("L2")["question"] + " " + prevq(70, 2)(c)[:150])))
simple("8-token runs of earlier questions (blind41 into C4, blind69 into C5)",
       [msg("C4", "8-token run shared with blind19-70"), msg("C5", "8-token run shared with blind19-70")],
       chain(lambda c: c.e("C4").__setitem__("question", c.e("C4")["question"] + " " + prevq(41, 3)(c)[:150]),
             lambda c: c.e("C5").__setitem__("question", c.e("C5")["question"] + " " + prevq(69, 1)(c)[:150])))


def clean_prev_truth(n):
    """The first 200 characters of the first on-topic blind<n> truth whose opening shares no 8-token run with the
    knowledge or the fact sheets (so that only the prev-truth rule can fire)."""
    def get(c):
        src = check71.grams(check71.toks(kparse.all_text(os.path.join(c.d, "k")) + "\n" +
                                         kparse.all_text(os.path.join(c.d, "facts"))), 8)
        for e in json.load(open(os.path.join(c.d, "prev", "blind%d.json" % n), encoding="utf-8")):
            t = e["truth"][:200]
            if len(e["truth"]) >= 250 and not e["truth"].startswith("Not covered") and \
                    not check71.grams(check71.toks(t), 8) & src:
                return t
        raise AssertionError("setup: no clean blind%d truth" % n)
    return get


simple("earlier truths copied into questions (blind70 into L2, blind33 into L1)",
       [msg("L2", "8-token run shared with a blind19-70 truth"), msg("L1", "8-token run shared with a blind19-70 truth")],
       chain(lambda c: c.e("L2").__setitem__("question", c.e("L2")["question"] + " " + clean_prev_truth(70)(c)),
             lambda c: c.e("L1").__setitem__("question", c.e("L1")["question"] + " " + clean_prev_truth(33)(c))))


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
            if field == "question" and any(d(t) for d in check71.OLD_DETECT.values() if d is not None):
                continue
            ts = _tokset(t)
            if all(len(ts & o) / len(ts | o) <= 0.6 for o in older):
                return t
        raise AssertionError("setup: no own blind%d %s" % (n, field))
    return get


simple("earlier questions repeated (blind70 as A4, blind53 as A8)",
       [msg("A4", "Jaccard > 0.6 with blind70"), msg("A8", "Jaccard > 0.6 with blind53")],
       chain(lambda c: c.e("A4").__setitem__("question", own_prev(70, "question")(c)),
             lambda c: c.e("A8").__setitem__("question", own_prev(53, "question")(c))))
simple("earlier truth repeated (blind70)", msg("S6", "truth Jaccard > 0.6 with blind70"),
       lambda c: c.e("S6").__setitem__("truth", own_prev(70, "truth")(c)))
simple("off-topic truths close to or copied from earlier ones",
       [msg("X11", "truth Jaccard > 0.6 with blind"), msg("X12", "truth Jaccard > 0.6 with blind70")],
       chain(tset("X11", "Not covered: resetting a Navidrome password is outside the ACR customer-managed key knowledge."),
             lambda c: c.e("X12").__setitem__("truth", next(
                 e["truth"] for e in json.load(open(os.path.join(c.d, "prev", "blind70.json"), encoding="utf-8"))
                 if e["truth"].startswith("Not covered")))))
simple("near-duplicate inside the set", "Jaccard > 0.6 with",
       qset("S5", "what rsa key sizes can key vault give us for the acr cmk registry?"))
simple("truths copying a knowledge and a fact-sheet sentence",
       [msg("L1", "truth copies a knowledge/fact sentence"), msg("A8", "truth copies a knowledge/fact sentence")],
       chain(tadd("L1", " Soft delete alone keeps deleted keys and vaults recoverable, but someone with purge rights can still destroy them permanently before the retention period ends."),
             tadd("A8", " Whether this revision is already live on Learn was not checked.")))
simple("question copies a knowledge sentence; question echoes a heading",
       [msg("L2", "question copies a knowledge/fact sentence"), msg("L1", "question echoes a heading")],
       chain(qrep("L2", L2_START, "Registries without a CMK are still encrypted at rest with Microsoft-managed keys. " + L2_START),
             qrep("L1", L1_START, "Versioned and versionless key IDs, the wiki says. " + L1_START)))


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


simple("error anchors removed from the sources",
       ["error anchor not in sources: 'Failed to access KeyId'",
        "error anchor not in sources: \"'wrap' is not a valid value for '--key-permissions'\""],
       chain(drop_from_sources("Failed to access KeyId", "Failed to reach KeyId"),
             drop_from_sources("is not a valid value for '--key-permissions'", "is not valid for '--key-permissions'")))


@mut("knowledge heading renamed", "unknown section acr-cmk/references/managed-hsm.md#rotate-a-managed-hsm-key")
def _(c):
    p = c.kfile("acr-cmk/references/managed-hsm.md")
    s = open(p, encoding="utf-8").read()
    old = "## Rotate a Managed HSM key"
    if old not in s:
        raise AssertionError("setup: heading not in managed-hsm.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "## Rotating a Managed HSM key"))


@mut("knowledge text edited under an answer fact", msg("S4", "answer_fact not in first canonical"))
def _(c):
    p = c.kfile("acr-cmk/references/troubleshooting.md")
    s = open(p, encoding="utf-8").read()
    old = "The CLI expects the exact permission names"
    if s.count(old) != 1:
        raise AssertionError("setup: text not once in troubleshooting.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "The CLI wants the exact permission names"))


@mut("knowledge text edited under a two_facts answer fact", msg("A4", "answer_fact not in either canonical"))
def _(c):
    p = c.kfile("acr-cmk/references/managed-hsm.md")
    s = open(p, encoding="utf-8").read()
    old = "leaves alone any assignment the identity holds"
    if s.count(old) != 1:
        raise AssertionError("setup: text not once in managed-hsm.md")
    open(p, "w", encoding="utf-8").write(s.replace(old, "leaves untouched any assignment the identity holds"))


@mut("knowledge without its acr-cmk/ folder (ids still resolve)", "short question has 15 words", only=True)
def _(c):
    k = os.path.join(c.d, "k")
    inner = os.path.join(k, "acr-cmk")
    if not os.path.isdir(inner):
        raise AssertionError("setup: knowledge has no acr-cmk/ folder to flatten")
    for name in os.listdir(inner):
        os.rename(os.path.join(inner, name), os.path.join(k, name))
    os.rmdir(inner)
    qset("S8", S8_15)(c)


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


simple("prev file missing (blind70)", "prev file missing: blind70.json", lambda c: os.remove(os.path.join(c.d, "prev", "blind70.json")))
simple("every prev file missing (blind19 to blind70, each reported)",
       ["prev file missing: blind%d.json" % n for n in range(19, 71)],
       lambda c: [os.remove(os.path.join(c.d, "prev", "blind%d.json" % n)) for n in range(19, 71)])

# ---------------- off-topic ----------------
_BANNED = list(dict.fromkeys(check71.BANNED_SUBJECTS + check71.BANNED_WORDS))
_CHUNK = 100
for _gi in range(0, len(_BANNED), _CHUNK):
    _grp = _BANNED[_gi:_gi + _CHUNK]
    _text = "\n\nWe also looked at: " + ", ".join(_grp) + "."
    _bad = [w for w in _grp if not check71.word_in(w, _text)]
    if _bad:
        raise SystemExit("banned names not found in their own list: %r" % _bad)
    simple("banned names in an off-topic question, part %d (%s to %s)" % (_gi // _CHUNK + 1, _grp[0], _grp[-1]),
           [msg("X6", "off-topic question names banned %r" % w) for w in _grp], add_to("X6", _text))


def banned_subject(key, word, text):
    return chain(mset(key, "subject", word), qset(key, text))


simple("blind70's subjects as subjects (1)",
       [msg(k, "banned off-topic subject %r" % w) for k, w in (("X7", "homarr"), ("X8", "ntfy"), ("X9", "owntracks"),
                                                                ("X10", "dozzle"), ("X11", "radicale"), ("X12", "listmonk"))],
       chain(banned_subject("X7", "homarr", "Context: homarr runs our links page. Question: how do I add a group?"),
             banned_subject("X8", "ntfy", "Explain how to make ntfy keep messages for two days instead of twelve hours."),
             banned_subject("X9", "owntracks", "owntracks region alerts for the office, where to define them"),
             banned_subject("X10", "dozzle", "can dozzle group logs by compose project?"),
             banned_subject("X11", "radicale", "radicale, how do i rename an address book"),
             banned_subject("X12", "listmonk", "how do i import subscribers into listmonk from a file?")))
simple("blind70's subjects as subjects (2)",
       [msg(k, "banned off-topic subject %r" % w) for k, w in (("X7", "etesync"), ("X8", "teslamate"), ("X9", "gatus"),
                                                                ("X10", "valetudo"), ("X11", "spoolman"), ("X12", "linkwarden"))],
       chain(banned_subject("X7", "etesync", "Context: we moved etesync to a new host. Question: how do I check the sync?"),
             banned_subject("X8", "teslamate", "Explain how to move the teslamate database to a new server."),
             banned_subject("X9", "gatus", "gatus alert for a tls expiry, where to set the threshold"),
             banned_subject("X10", "valetudo", "can valetudo clean one room only?"),
             banned_subject("X11", "spoolman", "spoolman, how do i add a new vendor"),
             banned_subject("X12", "linkwarden", "how do i export my collections from linkwarden?")))
simple("older sets' subjects as subjects (blind69, blind66, blind54, blind32 lists)",
       [msg(k, "banned off-topic subject %r" % w) for k, w in (("X7", "nocodb"), ("X8", "peertube"), ("X9", "seafile"),
                                                                ("X10", "databricks"))],
       chain(banned_subject("X7", "nocodb", "Context: nocodb holds our asset list. Question: how do I share one view?"),
             banned_subject("X8", "peertube", "Explain how to move peertube videos to another disk."),
             banned_subject("X9", "seafile", "seafile library move to another server, which steps"),
             banned_subject("X10", "databricks", "databricks workspace cmk rotation, how?")))
simple("this set's subjects planted in earlier questions (blind33, blind70)",
       [msg("X2", "subject 'pocketbase' used in blind19-70"), msg("X11", "subject 'wakapi' used in blind19-70")],
       chain(plant_prev(33, "pocketbase"), plant_prev(70, "wakapi")))
simple("subject not in question", msg("X12", "subject 'tududi' not in the question"),
       qset("X12", "how do i share a task list with my partner?"))
_DIST1 = (("X1", "calendar", "blind70"), ("X2", "floors", "blind70"), ("X3", "opt-in", "blind70"), ("X4", "email", "blind70"),
          ("X5", "adguard", "blind69"), ("X6", "dns-server", "blind69"), ("X7", "european", "blind68"),
          ("X8", "workout", "blind68"), ("X9", "labels", "blind67"), ("X10", "wifi", "blind66"),
          ("X11", "barcode", "blind65"), ("X12", "thumbnail", "blind64"))
_DIST2 = (("X1", "meetings", "blind63"), ("X2", "graceful", "blind62"), ("X3", "leak", "blind61"), ("X4", "kicking", "blind60"),
          ("X5", "members", "blind57"), ("X6", "cas", "blind55"), ("X7", "gitops", "blind54"), ("X8", "iii", "blind52"),
          ("X9", "secret-key", "blind51"), ("X10", "swarm", "blind26"), ("X11", "fargate", "blind24"),
          ("X12", "maven", "blind20"))
for _gi, _grp in enumerate((_DIST1, _DIST2)):
    simple("earlier off-topic words outside the ban list, part %d (%s)" % (_gi + 1, ", ".join(x[2] for x in _grp)),
           [msg(k, "off-topic question repeats an earlier off-topic subject word: %s" % w) for k, w, _ in _grp],
           chain(*[add_to(k, " (%s)" % w) for k, w, _ in _grp]))
simple("earlier off-topic product named (capitalised, blind27)", msg("X8", "off-topic question repeats an earlier off-topic subject word: verdaccio"),
       qrep("X8", X8_TAIL, "the way we once did for Verdaccio, " + X8_TAIL))
simple("off-topic subject word planted in an earlier off-topic truth", msg("X7", "off-topic question repeats an earlier off-topic subject word: pinchflat"),
       plant_prev_offtopic_truth(40, "Compare Pinchflat."))
simple("banned key words in off-topic questions (kubernetes, kms, token)",
       [msg("X2", "off-topic question names banned 'kubernetes'"), msg("X1", "off-topic question names banned 'kms'"),
        msg("X4", "off-topic question names banned 'token'")],
       chain(qrep("X2", "A small internal app", "A small Kubernetes app"), add_to("X1", " Our kms team asked too."),
             add_to("X4", " (It is a token, really.)")))
simple("near_miss on an agent item", msg("X7", "near_miss only on long off-topic posts"), mset("X7", "near_miss", True))
simple("near-miss floor", "floor: near misses 3 < 4", chain(mdel("X1", "near_miss"), mdel("X2", "near_miss")))


@mut("off-topic story floor", "floor: long off-topic registry+key stories 4 < 5")
def _(c):
    e = c.e("X5")
    e["question"] = re.sub(r"\bregistr\w*", "server", e["question"], flags=re.I)


simple("off-topic subject missing", msg("X6", "off-topic subject missing"), mdel("X6", "subject"))
simple("shape flag on off-topic", msg("X6", "shape flag go_sdk_error on an off-topic item"), mset("X6", "go_sdk_error", True))
simple("subject on an on-topic item", msg("L2", "subject/near_miss on an on-topic item"), mset("L2", "subject", "x"))


# ---------------- long measures ----------------
@mut("fenced long floor", "floor: fenced long posts 13 < 14")
def _(c):
    for k in ("G1", "G2", "P1", "P2", "P3", "P4", "P5", "W1", "W2"):
        unfence(k)(c)


@mut("fenced troubleshoot floor", "floor: fenced long troubleshoot posts 5 < 6")
def _(c):
    for k in ("G1", "G2", "P1", "P2"):
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


# ---------------- the shapes of blind52 to blind70 are rejected in the text ----------------
# per earlier set: all its shapes in one on-topic long post, and again in one off-topic long post
_LONG_TARGETS = ["L1", "L2", "G1", "P1", "W1", "T1", "C1", "G2", "P2", "W2", "T2", "C2"]
for _i, _n in enumerate(sorted(SHAPES_OF)):
    _on, _off = _LONG_TARGETS[_i % len(_LONG_TARGETS)], OFF_LONG[_i % len(OFF_LONG)]
    _txt = "".join(OLD_SNIP[f] for f in SHAPES_OF[_n])
    for _key in (_on, _off):
        _q = next(q["question"] for q in build71.QUESTIONS if q["key"] == _key) + _txt
        _miss = [f for f in SHAPES_OF[_n] if not check71.OLD_DETECT[f](_q)]
        if _miss:
            raise SystemExit("blind%d shapes not seen together in %s: %r" % (_n, _key, _miss))
    simple("blind%d's shapes in an on-topic post (%s)" % (_n, _on),
           [msg(_on, "question shows blind%d's shape %s" % (_n, f)) for f in SHAPES_OF[_n]], add_to(_on, _txt))
    simple("blind%d's shapes in an off-topic post (%s)" % (_n, _off),
           [msg(_off, "question shows blind%d's shape %s" % (_n, f)) for f in SHAPES_OF[_n]], add_to(_off, _txt))

# one-line variants: one earlier shape per one-line question (short and agent, on- and off-topic)
_ONE = list(ONE_LINE.items())
_ONE_KEYS = ONE_LINE_KEYS + ["X7", "X8", "X9", "X10", "X11", "X12"]
for _gi in range(0, len(_ONE), len(_ONE_KEYS)):
    _grp = list(zip(_ONE_KEYS, _ONE[_gi:_gi + len(_ONE_KEYS)]))
    for _k, (_f, _s) in _grp:
        _q = next(q["question"] for q in build71.QUESTIONS if q["key"] == _k) + _s
        if not check71.OLD_DETECT[_f](_q):
            raise SystemExit("one-line %s not seen in %s" % (_f, _k))
    simple("earlier shapes quoted in one-line questions, part %d" % (_gi // len(_ONE_KEYS) + 1),
           [msg(_k, "question shows blind%d's shape %s" % (check71.OLD_SHAPES[_f], _f)) for _k, (_f, _s) in _grp],
           chain(*[add_to(_k, _s) for _k, (_f, _s) in _grp]))

# blind70's shapes, and some older ones, inside this set's own pastes (each edit is checked when this file loads)
_INSIDE = {
    "blind70's shapes inside the new pastes": [
        ("G1", "ERROR CODE: Forbidden\n", "ERROR CODE: Forbidden\n0a1b2c3d4e5f: Layer already exists\n", "docker_push_output"),
        ("P1", "\nResources:\n", "\nJob succeeded\n\nResources:\n", "gitlab_job_log"),
        ("C1", "    restart: unless-stopped\n  tillsync:",
         '    restart: unless-stopped\n    labels:\n      "resultSignature": "OK"\n  tillsync:', "keyvault_audit_log"),
        ("T1", "\u2502 Error: Test assertion failed\n", "\u2502 Error: Test assertion failed\n\tat com.example.Probe.run(Probe.java:12)\n",
         "java_exception"),
        ("W1", "WEBVTT\n", "WEBVTT\n\nNOTE: transcript exported by the meeting bot\n", "asciidoc_runbook")],
    "older shapes inside the new pastes": [
        ("C3", "    restart: always\n  pricefeed:", "    restart: always\nJan 05 02:00:03 host-a quote.sh[101]: pull failed\n  pricefeed:",
         "systemd_journal"),
        ("W2", "<v Bjarke Lund>The container", "<v Bjarke Lund>\x1b[1mThe\x1b[0m container", "ansi_escape_codes"),
        ("T2", "tests/cmk.tftest.hcl... tearing down", "[Pipeline] sh\ntests/cmk.tftest.hcl... tearing down", "jenkins_console"),
        ("G2", "ERROR CODE: Forbidden\n", "ERROR CODE: Forbidden\nErrorCode: ForbiddenByRbac\n", "dotnet_exception"),
        ("T3", "\u2502   with azurerm_container_registry.this,", "E       assert hsm_key_registry\n\u2502   with azurerm_container_registry.this,",
         "pytest_failure"),
        ("P2", "Diagnostics:\n", "[INFO] BUILD FAILURE\nDiagnostics:\n", "maven_build_log"),
        ("P3", "**updating failed** [diff: ~encryption]; 1 error", "**updating failed** [diff: ~encryption]; 1 error   <-- this one",
         "arrow_annotations"),
        ("W3", "<v Oskar Lindqvist>Then we raise", "<v Oskar Lindqvist>[REDACTED] Then we raise", "redacted_paste"),
        ("P4", " +   \u2514\u2500 azure-native:authorization:RoleAssignment",
         " +   \u251c\u2500\u2500 kv-grant-extra\n +   \u2514\u2500 azure-native:authorization:RoleAssignment", "dir_tree"),
        ("T4", "tests/identity.tftest.hcl... tearing down", "--- FAIL: TestIdentity (0.40s)\ntests/identity.tftest.hcl... tearing down",
         "go_test_failure"),
        ("C4", "    image: crfaroe.azurecr.io/ot/historian:8.0.12",
         "    image: crfaroe.azurecr.io/ot/historian:8.0.12 # &quot;pinned&quot;", "html_entities"),
        ("G3", "Question: how do we get", "(the probe runs as `*/5 * * * * /opt/probe/kek-check`) Question: how do we get",
         "crontab_line")],
}
for _name, _edits in _INSIDE.items():
    for _k, _old, _new, _f in _edits:
        _q = next(q["question"] for q in build71.QUESTIONS if q["key"] == _k)
        if _q.count(_old) != 1 or not check71.OLD_DETECT[_f](_q.replace(_old, _new)):
            raise SystemExit("inside-paste edit for %s in %s does not work" % (_f, _k))
    simple(_name, [msg(_k, "question shows blind%d's shape %s" % (check71.OLD_SHAPES[_f], _f)) for _k, _o, _n, _f in _edits],
           chain(*[qrep(_k, _o, _n) for _k, _o, _n, _f in _edits]))

# every lone piece of blind70's five detectors, each in its own question
_B70_PIECES = {
    "docker_push_output": ["The push refers to repository [ghcr.example/app]", "0a1b2c3d4e5f: Pushed",
                           "0a1b2c3d4e5f: Layer already exists", "0a1b2c3d4e5f: Mounted from library/base",
                           "v1: digest: sha256:" + "ab" * 32 + " size: 528", "0a1b2c3d4e5f: Preparing",
                           "0a1b2c3d4e5f: Waiting", "0a1b2c3d4e5f: Pushing"],
    "gitlab_job_log": ["Running with gitlab-runner 16.0.0 (abcd1234)", "ERROR: Job failed: exit code 1", "Job succeeded",
                       'Executing "step_script" stage of the job script'],
    "keyvault_audit_log": ['"resultSignature": "OK"', '"callerIpAddress": "192.0.2.7"', '"category": "AuditEvent"'],
    "java_exception": ["\tat com.example.Sync.run(Sync.java:42)", "Caused by: java.io.IOException: reset",
                       "java.lang.IllegalStateException", "com.azure.core.exception.ResourceNotFoundException",
                       "javax.net.ssl.SSLHandshakeException", "reactor.core.Exceptions$ReactiveException"],
    "asciidoc_runbook": ["[source,yaml]", "NOTE: keep the old one", "TIP: restart first", "IMPORTANT: back up first",
                         "CAUTION: this wipes the cache", "WARNING: no undo", ":toc: left"],
}
_PIECE_KEYS = OFF_LONG + ["L1", "L2"]
for _f, _pieces in _B70_PIECES.items():
    _pairs = list(zip(_PIECE_KEYS, _pieces))
    for _k, _p in _pairs:
        _q = next(q["question"] for q in build71.QUESTIONS if q["key"] == _k) + "\n\n" + _p
        if not check71.OLD_DETECT[_f](_q):
            raise SystemExit("piece %r of %s not seen" % (_p, _f))
    simple("every lone piece of blind70's %s detector (one question each)" % _f,
           [msg(_k, "question shows blind70's shape %s" % _f) for _k, _p in _pairs],
           chain(*[add_to(_k, "\n\n" + _p) for _k, _p in _pairs]))


# ---------------- the detectors of earlier shapes and the novelty of the new ones, checked on prev ----------------
def _plant(n, idx, text):
    return prev_edit(n, lambda d: d[idx].__setitem__("question", d[idx]["question"] + text))


# every strict detector of every earlier set: its shape planted in one question of another set
_OTHER_SETS = [s for s in range(19, 71)]
for _n in sorted(SHAPES_OF):
    _strict = [f for f in SHAPES_OF[_n] if f not in check71.DETECT_LOOSE]
    _plants = []
    for _j, _f in enumerate(_strict):
        _target = _OTHER_SETS[(_n * 7 + _j * 11) % len(_OTHER_SETS)]
        if _target == _n:
            _target = 19 if _n != 19 else 20
        _plants.append((_target, 2 + _j * 3, _f))
    simple("blind%d's detectors: each shape planted in another set (%s)" % (_n, ", ".join("blind%d" % t for t, _, _ in _plants)),
           ["detector %s (blind%d) finds 5 items of blind%d and 1 elsewhere" % (f, _n, _n) for _, _, f in _plants],
           chain(*[_plant(t, i, OLD_SNIP[f]) for t, i, f in _plants]))


def _break_b70(d):
    # one blind70 docker push item and one blind70 AsciiDoc item lose their shapes
    done = set()
    for e in d:
        q = e["question"]
        if "docker_push_output" not in done and check71.OLD_DETECT["docker_push_output"](q):
            new = re.sub(r"(?<![0-9a-f])([0-9a-f]{12}): ", r"[\1] ", q).replace("The push refers to repository [", "Pushing to [")
            new = re.sub(r": digest: sha256:[0-9a-f]{64} size: \d+", ": pushed", new)
            if check71.OLD_DETECT["docker_push_output"](new):
                raise AssertionError("setup: blind70 docker push not broken")
            e["question"] = new
            done.add("docker_push_output")
        elif "asciidoc_runbook" not in done and check71.OLD_DETECT["asciidoc_runbook"](q):
            new = re.sub(r"(?m)^\[source(?:,[^\]\n]*)?\]\s*$", "(listing)", q)
            new = re.sub(r"(?m)^(NOTE|TIP|IMPORTANT|CAUTION|WARNING): ", lambda mm: mm.group(1).title() + " - ", new)
            new = re.sub(r"(?m)^:([a-z][a-z0-9_\-]*):", r"\1 =", new)
            if check71.OLD_DETECT["asciidoc_runbook"](new):
                raise AssertionError("setup: blind70 AsciiDoc runbook not broken")
            e["question"] = new
            done.add("asciidoc_runbook")
    if len(done) != 2:
        raise AssertionError("setup: broke %r" % done)


simple("blind70 items losing their shapes in prev (docker push, AsciiDoc runbook)",
       ["detector docker_push_output (blind70) finds 4 items of blind70", "detector asciidoc_runbook (blind70) finds 4 items of blind70"],
       prev_edit(70, _break_b70))
simple("blind70 shapes planted in off-topic blind70 items (audit record)",
       "detector keyvault_audit_log (blind70) finds 6 items of blind70 and 0 elsewhere",
       prev_edit(70, lambda d: _first_offtopic(d).__setitem__("question", _first_offtopic(d)["question"] + KA_SNIPPET)))
simple("blind70 shape planted in blind19 (first of the range)", "detector java_exception (blind70) finds 5 items of blind70 and 1 elsewhere",
       _plant(19, 0, JX_SNIPPET))

# the novelty of the five new shapes
simple("the new shapes already in earlier questions (blind45, blind22, blind59, blind33, blind50)",
       ["new shape %s already occurs in blind19-70" % f for f in NEW_SNIP],
       chain(*[_plant(n, i, NEW_SNIP[f]) for (n, i), f in zip(((45, 2), (22, 5), (59, 7), (33, 9), (50, 11)), NEW_SNIP)]))
simple("the new shapes already in blind70, blind19 and off-topic blind70 questions",
       ["new shape %s already occurs in blind19-70" % f for f in NEW_SNIP],
       chain(_plant(70, 3, GO_SNIPPET), _plant(19, 0, PU_SNIPPET),
             prev_edit(70, lambda d: _first_offtopic(d).__setitem__("question", _first_offtopic(d)["question"] + VT_SNIPPET)),
             _plant(70, 20, TT_SNIPPET), _plant(69, 4, CF_SNIPPET)))

# ---------------- new shapes: a shape in the text needs its flag; exact counts ----------------
_UNFLAG = (("go_sdk_error", "G1"), ("go_sdk_error", "G3"), ("pulumi_output", "P1"), ("webvtt_transcript", "W1"),
           ("terraform_test_run", "T1"), ("compose_file", "C1"))
for _f, _k in _UNFLAG:
    simple("unflagged %s (%s)" % (_f, _k),
           [msg(_k, "question shows the shape %s without its flag" % _f), "shape %s used 4 times, want exactly 5" % _f],
           mdel(_k, _f))
simple("the new shapes pasted into off-topic questions",
       [msg(k, "question shows the shape %s without its flag" % f) for k, f in zip(OFF_LONG, NEW_SNIP)],
       chain(*[add_to(k, NEW_SNIP[f]) for k, f in zip(OFF_LONG, NEW_SNIP)]))
_NEW_PIECES = {
    "go_sdk_error": ["`RESPONSE 500: 500 Internal Server Error`", "ERROR CODE: Conflict", "ERROR CODE UNAVAILABLE", "\n" + RULE80 + "\n"],
    "pulumi_output": ["pulumi:pulumi:Stack", "\nDiagnostics:\n", "azure-native:keyvault:Vault", "azure:core:ResourceGroup",
                      "azuread:index:Application", "random:index:RandomPet", "command:local:Command", "tls:index:PrivateKey"],
    "webvtt_transcript": ["\nWEBVTT\n", "00:01:02.000 --> 00:01:05.500", "<v Dana Oldfield>hello"],
    "terraform_test_run": ["tests/x.tftest.hcl", '\n  run "old_check"... pass', "\nSuccess! 1 passed, 0 failed."],
    "compose_file": ["\nservices:\n", "\n    image: busybox:1.36"],
}
for _f, _pieces in _NEW_PIECES.items():
    _pairs = list(zip(OFF_ALL[:4] + OFF_ALL[4:], _pieces))
    for _k, _p in _pairs:
        _q = next(q["question"] for q in build71.QUESTIONS if q["key"] == _k) + " " + _p
        if not check71.NEW_DETECT[_f](_q):
            raise SystemExit("piece %r of %s not seen" % (_p, _f))
    simple("every lone piece of the %s detector in off-topic questions" % _f,
           [msg(_k, "question shows the shape %s without its flag" % _f) for _k, _p in _pairs],
           chain(*[add_to(_k, " " + _p) for _k, _p in _pairs]))
for _f in NEW_SNIP:
    simple("%s on a sixth item" % _f, ["shape %s used 6 times, want exactly 5" % _f], mset("L2", _f, True))
simple("two new shapes on one item", [msg("G1", "more than one new shape on one item"), "shape pulumi_output used 6 times"],
       mset("G1", "pulumi_output", True))

# ---------------- go_sdk_error ----------------
simple("go: error outside a fence", msg("G1", "go_sdk_error needs a fence with a Go SDK error"), unfence("G1"))
simple("go: no dash rule after the request line", msg("G1", "go_sdk_error needs a fence with a Go SDK error"),
       qrep("G1", "kek-oriel/create\n" + RULE80 + "\n", "kek-oriel/create\n"))
simple("go: RESPONSE line with two different statuses", msg("G2", "go_sdk_error needs a fence with a Go SDK error"),
       qrep("G2", "RESPONSE 403: 403 Forbidden", "RESPONSE 403: 401 Forbidden"))
simple("go: no ERROR CODE line", msg("G1", "go_sdk_error needs a fence with a Go SDK error"),
       qrep("G1", "ERROR CODE: Forbidden\n", ""))
simple("go: ERROR CODE UNAVAILABLE (no code)", msg("G2", "go_sdk_error needs a fence with a Go SDK error"),
       qrep("G2", "ERROR CODE: Forbidden", "ERROR CODE UNAVAILABLE"))
simple("go: request line over http", msg("G1", "go_sdk_error needs a fence with a Go SDK error"),
       qrep("G1", "POST https://kv-oriel-prod", "POST http://kv-oriel-prod"))
simple("go: request line missing", msg("G2", "go_sdk_error needs a fence with a Go SDK error"),
       qrep("G2", "POST https://kv-halvorsen-07.vault.azure.net/keys/kek-halvorsen-07/create\n", ""))
simple("go: agent item without the ERROR CODE span", msg("G3", "go_sdk_error needs the RESPONSE line and the ERROR CODE quoted inline"),
       qrep("G3", "`ERROR CODE: Forbidden`", "a Forbidden code"))
simple("go: agent item without the RESPONSE span", msg("G4", "go_sdk_error needs the RESPONSE line and the ERROR CODE quoted inline"),
       qrep("G4", "`RESPONSE 400: 400 Bad Request`", "a 400"))
simple("go: agent item with two different statuses", msg("G5", "go_sdk_error needs the RESPONSE line and the ERROR CODE quoted inline"),
       qrep("G5", "`RESPONSE 403: 403 Forbidden`", "`RESPONSE 403: 500 Forbidden`"))
simple("go: short item flagged without an inline error", msg("S6", "go_sdk_error needs the RESPONSE line and the ERROR CODE quoted inline"),
       mset("S6", "go_sdk_error", True))
simple("go: truth names no error code", msg("G1", "go_sdk_error truth names no error code of a pasted error"),
       trep("G1", "ForbiddenByFirewall means", "The firewall code means"))
simple("go: truth names a code that was not pasted", msg("G2", "go_sdk_error truth names no error code of a pasted error"),
       trep("G2", "ForbiddenByRbac", "ForbiddenByFirewall"))
simple("go: truth names the code in another case", msg("G4", "go_sdk_error truth names no error code of a pasted error"),
       trep("G4", "BlockedForEncryptionEnabledRegistry", "blockedforencryptionenabledregistry"))
simple("go: truth keeps a RESPONSE line", msg("G3", "go_sdk_error truth still holds error text"),
       tadd("G3", " The probe showed RESPONSE 403: 403 Forbidden."))
simple("go: truth keeps the ERROR CODE label", msg("G5", "go_sdk_error truth still holds error text"),
       tadd("G5", " The ERROR CODE stays the same until then."))
simple("go: truth keeps a dash rule", msg("G1", "go_sdk_error truth still holds error text"), tadd("G1", "\n" + "-" * 40))

# ---------------- pulumi_output ----------------
_P1_STACK_ROW = " +   pulumi:pulumi:Stack                                   registry-prod      **creating failed**  1 error\n"
simple("pulumi: output outside a fence", msg("P1", "pulumi_output needs a fence with pulumi up output"), unfence("P1"))
simple("pulumi: no Diagnostics line", msg("P2", "pulumi_output needs a fence with pulumi up output"),
       qrep("P2", "Diagnostics:\n", "Notes:\n"))
simple("pulumi: no stack row before the diagnostics", msg("P1", "pulumi_output needs a fence with pulumi up output"),
       qrep("P1", _P1_STACK_ROW, ""))
simple("pulumi: resource header without an error line", msg("P4", "pulumi_output needs a fence with pulumi up output"),
       qrep("P4", "    error: autorest/azure", "    warning: autorest/azure"))
simple("pulumi: only the stack has an error", msg("P5", "pulumi_output needs a fence with pulumi up output"),
       qsub("P5", r"  azure-native:keyvault:Key \(kek-maelle\):\n    error: [^\n]*\n\n", ""))
simple("pulumi: agent item flagged (long only)", [msg("A6", "pulumi_output only in long posts"), "shape pulumi_output used 6 times"],
       mset("A6", "pulumi_output", True))
simple("pulumi: truth names no failed resource", msg("P1", "pulumi_output truth names no failed resource"),
       trep("P1", "crsunniva", "the registry"))
simple("pulumi: truth names a resource that did not fail", msg("P3", "pulumi_output truth names no failed resource"),
       chain(trep("P3", "crhedda", "it"), tadd("P3", " The stack platform-acr itself is fine.")))
simple("pulumi: truth names only the stack", msg("P2", "pulumi_output truth names no failed resource"),
       chain(trep("P2", "crvesna", "acr-vesna")))
simple("pulumi: truth names the resource in another case", msg("P4", "pulumi_output truth names no failed resource"),
       trep("P4", "kv-grant-odalys", "KV-GRANT-ODALYS"))
simple("pulumi: truth keeps a type token", msg("P5", "pulumi_output truth still holds Pulumi output"),
       tadd("P5", " It is the azure-native:keyvault:Key resource that failed."))
simple("pulumi: truth keeps the Diagnostics label", msg("P1", "pulumi_output truth still holds Pulumi output"),
       tadd("P1", " See Diagnostics: above."))
simple("pulumi: truth keeps a tree glyph", msg("P3", "pulumi_output truth still holds Pulumi output"),
       tadd("P3", " \u2514\u2500 registry row"))

# ---------------- webvtt_transcript ----------------
simple("vtt: transcript outside a fence", msg("W1", "webvtt_transcript needs a fence with a WebVTT transcript"), unfence("W1"))
simple("vtt: no WEBVTT header", msg("W2", "webvtt_transcript needs a fence with a WebVTT transcript"), qrep("W2", "WEBVTT\n", ""))
simple("vtt: header not on the first line", msg("W3", "webvtt_transcript needs a fence with a WebVTT transcript"),
       qrep("W3", "```text\nWEBVTT\n", "```text\nNOTE exported transcript\n\nWEBVTT\n"))
simple("vtt: one voiced cue only", msg("W4", "webvtt_transcript needs a fence with a WebVTT transcript"),
       chain(qrep("W4", "<v Henrik Aas>", ""), qrep("W4", "<v Leilani Kahale>", "")))
simple("vtt: malformed cue timings", msg("W5", "webvtt_transcript needs a fence with a WebVTT transcript"),
       qsub("W5", r" --> ", " -> "))
simple("vtt: agent item flagged (long only)", [msg("A9", "webvtt_transcript only in long posts"), "shape webvtt_transcript used 6 times"],
       mset("A9", "webvtt_transcript", True))
simple("vtt: truth names no speaker", msg("W1", "webvtt_transcript truth names no pasted speaker"),
       chain(trep("W1", "Tomasz", "one colleague"), trep("W1", "Priyanka", "another colleague")))
simple("vtt: truth names a person who does not speak", msg("W2", "webvtt_transcript truth names no pasted speaker"),
       chain(trep("W2", "Marisol", "Henrik"), trep("W2", "Bjarke", "Oskar")))
simple("vtt: truth names the speaker in another case", msg("W3", "webvtt_transcript truth names no pasted speaker"),
       trep("W3", "Amaya", "amaya"))
simple("vtt: truth keeps a cue timing", msg("W4", "webvtt_transcript truth still holds WebVTT markup"),
       tadd("W4", " (00:22:54.300 --> 00:23:01.150)"))
simple("vtt: truth keeps a voice tag", msg("W5", "webvtt_transcript truth still holds WebVTT markup"),
       tadd("W5", " <v Rafael Moretti>said so."))
simple("vtt: truth keeps the WEBVTT header", msg("W1", "webvtt_transcript truth still holds WebVTT markup"),
       tadd("W1", " (see the WEBVTT file)"))

# ---------------- terraform_test_run ----------------
simple("tft: output outside a fence", msg("T1", "terraform_test_run needs a fence with terraform test output"), unfence("T1"))
simple("tft: no test file line", msg("T2", "terraform_test_run needs a fence with terraform test output"),
       qrep("T2", "tests/cmk.tftest.hcl... in progress\n", ""))
simple("tft: no summary line", msg("T3", "terraform_test_run needs a fence with terraform test output"),
       qrep("T3", "Failure! 0 passed, 1 failed.", "Done."))
simple("tft: no run line", msg("T4", "terraform_test_run needs a fence with terraform test output"),
       qrep("T4", '  run "encryption_identity"... fail\n', ""))
simple("tft: summary before the runs", msg("T5", "terraform_test_run needs a fence with terraform test output"),
       chain(qrep("T5", "\n\nFailure! 0 passed, 1 failed.", ""),
             qrep("T5", "tests/smoke.tftest.hcl... in progress\n", "tests/smoke.tftest.hcl... in progress\nFailure! 0 passed, 1 failed.\n")))
simple("tft: short item flagged (long only)", [msg("S6", "terraform_test_run only in long posts"), "shape terraform_test_run used 6 times"],
       mset("S6", "terraform_test_run", True))
simple("tft: truth names no run", msg("T1", "terraform_test_run truth names no failed run"),
       trep("T1", "follows_new_key_versions", "the test"))
simple("tft: truth names a passed run next to a failed one", msg("T1", "terraform_test_run truth names no failed run"),
       trep("T1", "follows_new_key_versions", "registry_is_premium"))
simple("tft: truth names the failed run in another case", msg("T2", "terraform_test_run truth names no failed run"),
       trep("T2", "plan_encrypted_registry", "Plan_Encrypted_Registry"))
simple("tft: truth keeps a run line", msg("T3", "terraform_test_run truth still holds test output"),
       tadd("T3", ' The log said run "hsm_key_registry"... fail.'))
simple("tft: truth keeps the test file line", msg("T4", "terraform_test_run truth still holds test output"),
       tadd("T4", " See tests/identity.tftest.hcl."))
simple("tft: truth keeps the summary line", msg("T5", "terraform_test_run truth still holds test output"),
       tadd("T5", " Then it reports Success! 1 passed, 0 failed."))
simple("tft: truth keeps a box glyph", msg("T1", "terraform_test_run truth still holds test output"),
       tadd("T1", " \u2502 Error: Test assertion failed"))

# ---------------- compose_file ----------------
simple("compose: file outside a fence", msg("C1", "compose_file needs a fence with a compose file"), unfence("C1"))
simple("compose: no services line", msg("C2", "compose_file needs a fence with a compose file"), qrep("C2", "services:\n", "apps:\n"))
simple("compose: no image lines", msg("C3", "compose_file needs a fence with a compose file"), qsub("C3", r"    image: ", "    build: "))
simple("compose: image lines at the wrong indent", msg("C4", "compose_file needs a fence with a compose file"),
       qsub("C4", r"\n    image: ", "\n      image: "))
simple("compose: services nested under another key", msg("C5", "compose_file needs a fence with a compose file"),
       chain(qrep("C5", "```yaml\nservices:\n", "```yaml\nx-fleet:\n services:\n")))
simple("compose: agent item flagged (long only)", [msg("A2", "compose_file only in long posts"), "shape compose_file used 6 times"],
       mset("A2", "compose_file", True))
simple("compose: truth names no service", msg("C1", "compose_file truth names no pasted service"),
       trep("C1", "ledger, tillsync and receiptprinter", "the three services"))
simple("compose: truth names the services in another case", msg("C2", "compose_file truth names no pasted service"),
       chain(trep("C2", "scanbridge", "Scanbridge"), trep("C2", "labelqueue", "Labelqueue")))
simple("compose: truth names a service that was not pasted", msg("C3", "compose_file truth names no pasted service"),
       chain(trep("C3", "quoteengine", "scanbridge"), trep("C3", "pricefeed", "labelqueue")))
simple("compose: truth keeps an image line", msg("C4", "compose_file truth still holds compose lines"),
       tadd("C4", "\n    image: crfaroe.azurecr.io/ot/historian:8.0.12"))
simple("compose: truth keeps the services line", msg("C5", "compose_file truth still holds compose lines"),
       tadd("C5", "\nservices:"))

# ---------------- accepted variants (only=True: nothing but the planted 15-word short question may be reported) ----------------
_MARK = qset("S8", S8_15)
simple("go counts: the ERROR CODE value itself", "short question has 15 words",
       chain(_MARK, trep("G2", "ForbiddenByRbac", "Forbidden")), only=True)
simple("go counts: one inline span holding both lines", "short question has 15 words",
       chain(_MARK, qrep("G3", "`RESPONSE 403: 403 Forbidden`, `ERROR CODE: Forbidden`", "`RESPONSE 403: 403 Forbidden, ERROR CODE: Forbidden`")), only=True)
simple("pulumi counts: a warning line before the error line", "short question has 15 words",
       chain(_MARK, qrep("P1", "    error: autorest/azure", "    warning: provider is slow\n    error: autorest/azure")), only=True)
simple("vtt counts: the full name of a speaker", "short question has 15 words",
       chain(_MARK, trep("W4", "Chidi", "Chidi Okafor")), only=True)
simple("vtt counts: cue identifiers before the timings", "short question has 15 words",
       chain(_MARK, qrep("W1", "\n00:12:04.310", "\n1\n00:12:04.310"), qrep("W1", "\n00:12:11.540", "\n2\n00:12:11.540")), only=True)
simple("tft counts: any run when every run passed", "short question has 15 words",
       chain(_MARK, qrep("T1", '"follows_new_key_versions"... fail', '"follows_new_key_versions"... pass'),
             qrep("T1", "Failure! 1 passed, 1 failed.", "Success! 2 passed, 0 failed."),
             trep("T1", "follows_new_key_versions", "registry_is_premium")), only=True)
simple("tft counts: an error run counts as failed", "short question has 15 words",
       chain(_MARK, qrep("T2", '"plan_encrypted_registry"... fail', '"plan_encrypted_registry"... error')), only=True)
simple("compose counts: a quoted image reference", "short question has 15 words",
       chain(_MARK, qrep("C1", "    image: crnorrland.azurecr.io/branch/ledger:4.2.1", '    image: "crnorrland.azurecr.io/branch/ledger:4.2.1"')), only=True)
simple("compose counts: a service without an image next to one with", "short question has 15 words",
       chain(_MARK, qrep("C2", "    depends_on:\n      - scanbridge\n", "    depends_on:\n      - scanbridge\n  helper:\n    build: .\n")), only=True)

# ---------------- two_facts ----------------
simple("two_facts floor", "floor: shape two_facts 3 < 4",
       chain(*[f for k in ("L2", "C3") for f in
               (mdel(k, "two_facts"), (lambda c, k=k: c.e(k)["canonical"].pop()),
                (lambda c, k=k: c.e(k)["answer_facts"].pop()))]))


def run_check(d):
    env = dict(os.environ, BLIND71_DIR=d, BLIND71_KROOT=os.path.join(d, "k"), BLIND71_FACTS=os.path.join(d, "facts"),
               PYTHONDONTWRITEBYTECODE="1")
    p = subprocess.run([sys.executable, os.path.join(HERE, "check71.py")], env=env, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def fresh(with_build, root=None):
    d = tempfile.mkdtemp(prefix="mut-", dir=root or HERE)
    for f in FILES:
        shutil.copy(os.path.join(HERE, f), d)
    shutil.copytree(os.path.join(HERE, "prev"), os.path.join(d, "prev"))
    for f in LISTS:
        shutil.copy(os.path.join(HERE, f), d)
    shutil.copytree(KROOT, os.path.join(d, "k"))
    shutil.copytree(FACTS, os.path.join(d, "facts"))
    if with_build:
        shutil.copy(os.path.join(HERE, "build71.py"), d)
    return d


def run_one(i, dry=False, root=None):
    """Run mutation number i on a fresh copy; returns (caught, report line). With dry=True only the setup runs
    (no check), to find broken mutations before a full run."""
    name, expect, fn, with_build, only = MUTS[i]
    d = fresh(with_build, root)
    try:
        c = Ctx(d)
        fn(c)
        c.save()
        if dry:
            return True, "SETUP OK  %s" % name
        rc, out = run_check(d)
    except Exception as exc:  # noqa: BLE001  (a broken mutation counts as missed, the run goes on)
        rc, out = 0, "setup failed: %s: %s" % (type(exc).__name__, exc)
    finally:
        shutil.rmtree(d, ignore_errors=True)
    missing = [x for x in expect if x not in out]
    ok = rc == 1 and not missing and (not only or len(out.strip().split("\n")) == 1)
    shown = expect[0] if len(expect) == 1 else "%d messages" % len(expect)
    return ok, "%s  %s  (expect %r%s)\n    %s" % (
        "CAUGHT" if ok else "MISSED", name, shown,
        ("; missing %r" % missing[:3]) if missing else "", out.strip().replace("\n", "\n    ")[:600])


def _dry(i):
    return run_one(i, dry=True, root=DRY_ROOT)


DRY_ROOT = None


def main():
    """Options: -v prints every mutation's report, -j N runs N mutations at a time, -k TEXT runs only the
    mutations whose name contains TEXT (a filtered run does not count as a full run), --dry DIR runs the setup of
    every mutation in temp dirs under DIR without checking."""
    global DRY_ROOT
    verbose = "-v" in sys.argv
    jobs = int(sys.argv[sys.argv.index("-j") + 1]) if "-j" in sys.argv else 1
    only_k = sys.argv[sys.argv.index("-k") + 1] if "-k" in sys.argv else None
    names = [m[0] for m in MUTS]
    dup = sorted({n for n in names if names.count(n) > 1})
    if dup:
        print("duplicate mutation names: %s" % dup)
        return 1
    todo = [i for i, m in enumerate(MUTS) if only_k is None or only_k in m[0]]
    if "--dry" in sys.argv:
        DRY_ROOT = sys.argv[sys.argv.index("--dry") + 1]
        bad = [line for ok, line in map(_dry, todo) if not line.startswith("SETUP OK")]
        print("\n".join(bad))
        print("dry run: %d mutations, %d setups failed" % (len(todo), len(bad)))
        return 0 if not bad else 1
    d = fresh(True)
    rc, out = run_check(d)
    shutil.rmtree(d)
    print("unmodified copy: %s" % out.strip())
    if rc != 0:
        return 1
    if jobs > 1:
        import multiprocessing
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            results = pool.map(run_one, todo, chunksize=1)
    else:
        results = [run_one(i) for i in todo]
    caught = 0
    for ok, line in results:
        caught += ok
        if not ok or verbose:
            print(line)
    d = fresh(True)
    rc, out = run_check(d)
    shutil.rmtree(d)
    print("unmodified copy after runs: %s" % out.strip())
    print("%d/%d mutations caught" % (caught, len(todo)))
    return 0 if caught == len(todo) and rc == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
