"""blind78 mutation driver. Each mutation runs on a fresh temp copy (inside blind78/) of the set, prev/, the
blind77 and blind76 first-canonical lists, the knowledge and the fact sheets; it counts as caught only when check78.py
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
KROOT = os.environ.get("BLIND78_KROOT", "/work/scratch/blind78/kstripped")
FACTS = os.environ.get("BLIND78_FACTS", "/work/shared/facts")
sys.path.insert(0, HERE)
import build78  # noqa: E402
import check78  # noqa: E402
import kparse  # noqa: E402

SET = "blind78"
FILES = (SET + ".json", SET + "-meta.json", SET + "-first-canonicals.txt")
_entries, _meta = build78.build()
_byq = {q["question"]: q["key"] for q in build78.QUESTIONS}
ID = {_byq[e["question"]]: e["id"] for e in _entries}
SCENARIO_SECTION = next("acr-cmk/" + k if not k.startswith("acr-cmk/") else k
                        for k in kparse.parse_all(KROOT) if "scenarios/" in k)
P = build78.ID_PREFIX
LISTS = tuple("blind%d-first-canonicals.txt" % n for n in check78.SPREAD_SETS)
A_SET, B_SET = check78.SPREAD_SETS
PREV_LABEL = check78.PREV_LABEL
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
            for n in check78.SPREAD_SETS:
                fp = os.path.join(self.d, "blind%d-first-canonicals.txt" % n)
                firsts[n] = {x.strip() for x in open(fp, encoding="utf-8") if x.strip()} if os.path.exists(fp) else set()
            self.m["_set"] = check78.set_summary(self.j, self.m, firsts)
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


# ---------------- snippets of the earlier sets' shapes (taken over from mutate77.py) ----------------
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


# blind71's five shapes (now earlier shapes, rejected in the text): snippets taken over from mutate71.py
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
B71_SNIP = {"go_sdk_error": GO_SNIPPET, "pulumi_output": PU_SNIPPET, "webvtt_transcript": VT_SNIPPET,
            "terraform_test_run": TT_SNIPPET, "compose_file": CF_SNIPPET}

# blind72's five shapes (now earlier shapes, rejected in the text): snippets taken over from mutate72.py
BD_SNIPPET = ('\n\n```text\n/src/old/main.bicep(3,5) : Error BCP037: The property "x" is not allowed on objects of '
              'type "Y".\n```')
WI_SNIPPET = ("\n\n```text\nScope: /subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-old\n\n"
              "  ~ Microsoft.ContainerRegistry/registries/crold [2025-04-01]\n\nResource changes: 1 to modify.\n```")
TS_SNIPPET = ('\n\n```text\n# azurerm_container_registry.old:\nresource "azurerm_container_registry" "old" {\n'
              '    admin_enabled = false\n}\n```')
SK_SNIPPET = ("\n\n```text\n$ skopeo copy docker://crsrc.azurecr.io/old/app:1 docker://crold.azurecr.io/old/app:1\n"
              "Getting image source signatures\nCopying blob sha256:" + "ab" * 32 + "\n```")
OR_SNIPPET = ("\n\n```text\n\u2713 Uploaded  old.json                 1/1 KB 100.00%  5ms\n"
              "Attached to [registry] crold.azurecr.io/old/app@sha256:" + "cd" * 32 + "\nDigest: sha256:" + "ef" * 32 + "\n```")
B72_SNIP = {"bicep_diagnostics": BD_SNIPPET, "whatif_output": WI_SNIPPET, "terraform_state_show": TS_SNIPPET,
            "skopeo_copy": SK_SNIPPET, "oras_output": OR_SNIPPET}


# blind73's five shapes (now earlier shapes, rejected in the text): snippets taken over from mutate73.py
KP_SNIPPET = ("\n\n```text\nNAME                 READY   STATUS             RESTARTS   AGE\n"
              "old-app-5d8c7b-x2k9q  0/1     ImagePullBackOff   0          3m\n```")
DG_SNIPPET = ("\n\n```text\n$ dig kv-old.vault.azure.net\n;; ANSWER SECTION:\n"
              "kv-old.vault.azure.net. 60 IN A 10.0.0.4\n```")
TI_SNIPPET = ('\n\n```text\nazurerm_key_vault.old: Importing from ID "/subscriptions/00000000-0000-0000-0000-000000000003/'
              'resourceGroups/rg-old/providers/Microsoft.KeyVault/vaults/kv-old"...\nazurerm_key_vault.old: Import prepared!\n'
              '\nImport successful!\n```')
GA_SNIPPET = ("\n\n```text\n[FIRING:1] KeyOld Ops (crold)\nLabels:\n - alertname = KeyOld\n - registry = crold\n```")
SH_SNIPPET = ("\n\n```text\nTracking ID: AB12-CD3\nImpacted services: Key Vault\nImpacted regions: West US\n```")
B73_SNIP = {"kubectl_get_pods": KP_SNIPPET, "dig_answer": DG_SNIPPET, "terraform_import_output": TI_SNIPPET,
            "grafana_alert": GA_SNIPPET, "service_health_notice": SH_SNIPPET}


# blind74's five shapes (now earlier shapes, rejected in the text): snippets taken over from mutate74.py
AG_SNIPPET = ("\n\n```text\nName:               argocd/old\nHealth Status:      Degraded\n\n"
              "GROUP  KIND        NAMESPACE  NAME     STATUS  HEALTH    HOOK  MESSAGE\n"
              "apps   Deployment  old        old-api  Synced  Degraded        deployment.apps/old-api configured\n```")
SN_SNIPPET = ("\n\n```text\nNumber:               CHG0099991\nShort description:    Old change\n"
              "Implementation plan:\n  1. Do the old thing.\n```")
RN_SNIPPET = ("\n\n```markdown\nThis PR contains the following updates:\n\n| Package | Type | Update | Change |\n"
              "|---|---|---|---|\n| [oldpkg](https://example.invalid/oldpkg) | module | minor | `1.0.0` -> `1.1.0` |\n```")
CT_SNIPPET = ("\n\n```text\nFAIL - old.json - main - azurerm_key_vault.old_kv: old rule\n\n"
              "1 test, 0 passed, 0 warnings, 1 failure, 0 exceptions\n```")
NP_SNIPPET = ("\n\n```text\n$ nc -vz kv-old.vault.azure.net 443\n"
              "Connection to kv-old.vault.azure.net (10.0.0.4) 443 port [tcp/https] succeeded!\n```")
B74_SNIP = {"argocd_app_get": AG_SNIPPET, "servicenow_change": SN_SNIPPET, "renovate_pr": RN_SNIPPET,
            "conftest_output": CT_SNIPPET, "netcat_probe": NP_SNIPPET}


# blind75's five shapes (now earlier shapes, rejected in the text): snippets taken over from mutate75.py
BX_SNIPPET = ("\n\n```text\n$ bash -x ./old.sh\n++ az keyvault key show --vault-name kv-old --name kek-old -o json\n"
              "++ jq -r .key.kid\n+ OLD_KID=https://kv-old.vault.azure.net/keys/kek-old/0a1b\n```")
PM_SNIPPET = ('\n\n```text\n# HELP acr_old_pulls_total Old pulls.\n# TYPE acr_old_pulls_total counter\n'
              'acr_old_pulls_total{registry="crold"} 7\n```')
RO_SNIPPET = ('\n\n```text\nWaiting for deployment "old-api" rollout to finish: 0 of 1 updated replicas are available...\n'
              'error: deployment "old-api" exceeded its progress deadline\n```')
HF_SNIPPET = "\n\n```text\n10.0.0.4   kv-old.vault.azure.net\n```"
BP_SNIPPET = "\n\n```text\nusing './old.bicep'\n\nparam oldName = 'crold'\nparam oldKey = 'kek-old'\n```"
B75_SNIP = {"bash_xtrace": BX_SNIPPET, "prometheus_metrics": PM_SNIPPET, "rollout_status": RO_SNIPPET,
            "hosts_file": HF_SNIPPET, "bicepparam_file": BP_SNIPPET}

# blind76's five shapes (now earlier shapes, rejected in the text): snippets taken over from mutate76.py
AY_SNIPPET = "\n\n```text\n$ az acr show -n crold -o yaml\nsku:\n  name: Premium\nzoneRedundancy: Disabled\n```"
AP_SNIPPET = ("\n\n```yaml\nsteps:\n- task: AzureCLI@2\n  displayName: Old step\n  inputs:\n    azureSubscription: sc-old\n"
              "```")
RT_SNIPPET = "\n\n```text\nThought: look at the old registry.\nAction: run_az\nObservation: crold-01 answered\n```"
HR_SNIPPET = ("\n\n```http\nGET https://management.azure.com/old/registries/crold?api-version=2025-04-01 HTTP/1.1\n"
              "Accept: application/json\n```")
IF_SNIPPET = "\n\n### Registry\n\ncrold-01\n\n### Notes\n\n_No response_\n"
B76_SNIP = {"az_yaml_output": AY_SNIPPET, "azure_pipelines_yaml": AP_SNIPPET, "react_trace": RT_SNIPPET,
            "http_request_file": HR_SNIPPET, "issue_form": IF_SNIPPET}

# blind77's five shapes (now earlier shapes, rejected in the text): snippets taken over from mutate77.py
LL_SNIPPET = ("\n\n```text\n$ ls -l\n-rw-r--r-- 1 ops ops 120 Dec  1 10:00 old-run.sh\n"
              "-rw-r--r-- 1 ops ops  80 Dec  1 10:01 old-run.vars\n```")
GM_SNIPPET = "\n\n```text\nold/run.sh:3:az acr show -n crold\nold/run.sh:9:az acr update -n crold\n```"
CS_SNIPPET = "\n\n```text\nold@Azure:~$ az acr show -n crold -o tsv\ncrold-01\n```"
AL_SNIPPET = ('\n\n```text\n10.0.0.1 - - [01/Dec/2026:10:00:00 +0000] "GET /v2/old/app/manifests/1.0 HTTP/1.1" 403 12 "-" "oldcli/1"\n'
              '10.0.0.1 - - [01/Dec/2026:10:00:05 +0000] "GET /v2/old/app/manifests/1.1 HTTP/1.1" 200 99 "-" "oldcli/1"\n```')
TA_SNIPPET = "\n\n```text\n\u23fa Bash(az acr show -n crold)\n  \u23bf  crold-01 answered\n```"
B77_SNIP = {"ls_listing": LL_SNIPPET, "grep_matches": GM_SNIPPET, "cloud_shell_session": CS_SNIPPET,
            "access_log": AL_SNIPPET, "coding_agent_transcript": TA_SNIPPET}

# ---------------- snippets of the five new shapes (novelty on prev, unflagged use) ----------------
EM_SNIPPET = ("\n\n```text\nFrom: Old Desk <desk@old.example>\nSent: Monday, 7 December 2026 09:00\nTo: Ops\n"
              "Subject: OLD-1 crold key\n\nplease check the old registry\n```")
AI_SNIPPET = "\n\n```text\nYou said:\nis crold still fine?\nChatGPT said:\ncrold-01 is fine\n```"
PL_SNIPPET = ("\n\n```text\nINFO:oldjob:start\nERROR:oldjob:crold-01 unreachable\n```")
WA_SNIPPET = "\n\n```text\nEvery 10.0s: az acr show -n crold -o tsv      host1: Mon Dec  7 09:00:00 2026\n\ncrold-01\n```"
FM_SNIPPET = "\n\n```markdown\n---\ntitle: Old page\nowner: team-old-1\n---\n\nKeep the old key.\n```"
NEW_SNIP = {"email_thread": EM_SNIPPET, "assistant_chat_copy": AI_SNIPPET, "python_logging": PL_SNIPPET,
            "watch_output": WA_SNIPPET, "runbook_front_matter": FM_SNIPPET}

# one snippet per earlier shape (blind52 to blind77); each is checked against its detector when this file loads
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
OLD_SNIP.update(B71_SNIP)
OLD_SNIP.update(B72_SNIP)
OLD_SNIP.update(B73_SNIP)
OLD_SNIP.update(B74_SNIP)
OLD_SNIP.update(B75_SNIP)
OLD_SNIP.update(B76_SNIP)
OLD_SNIP.update(B77_SNIP)
_NEUTRAL = "We keep one registry and one vault."
for _f, _s in OLD_SNIP.items():
    if not check78.OLD_DETECT[_f](_NEUTRAL + _s):
        raise SystemExit("snippet for %s does not show the shape" % _f)
for _f, _s in NEW_SNIP.items():
    if not check78.NEW_DETECT[_f](_NEUTRAL + _s):
        raise SystemExit("snippet for %s does not show the shape" % _f)
    for _g in NEW_SNIP:
        if _g != _f and check78.NEW_DETECT[_g](_NEUTRAL + _s):
            raise SystemExit("snippet for %s also shows %s" % (_f, _g))
    for _g in check78.OLD_SHAPES:
        if check78.OLD_DETECT[_g](_NEUTRAL + _s):
            raise SystemExit("snippet for %s also shows the earlier shape %s" % (_f, _g))
if set(OLD_SNIP) != set(check78.OLD_SHAPES):
    raise SystemExit("OLD_SNIP does not cover every earlier shape")
SHAPES_OF = {}
for _f, _n in check78.OLD_SHAPES.items():
    SHAPES_OF.setdefault(_n, []).append(_f)

# marker of the only=True mutations: S3 (no qualifier, no typo) as a short question of exactly 15 words
S3_15 = "how can i tell if our key vault uses rbac or access policies for acr?"
if len(S3_15.split()) != 15:
    raise SystemExit("the 15-word marker does not have 15 words")
OFF_LONG = ["O1", "O2", "O3", "O4", "O5", "O6"]
OFF_ALL = OFF_LONG + ["O7", "O8", "O9", "O10", "O11", "O12"]
SHORTS = ["S%d" % i for i in range(1, 13)]
AGENTS = ["A%d" % i for i in range(1, 11)]


def add_to(key, text):
    def f(c):
        c.e(key)["question"] += text
    return f


def qtext(key):
    return next(q["question"] for q in build78.QUESTIONS if q["key"] == key)


def ttext(key):
    return next(q["truth"] for q in build78.QUESTIONS if q["key"] == key)


def set_quals(key, quals):
    """set an item's quals and the qual the checker derives from them"""
    def f(c):
        q = c.e(key)["question"]
        ask = check78.ask_part(q)
        hit = ("hsm" in quals and check78.HSM_RE.search(ask)) or ("iac" in quals and check78.IAC_RE.search(ask))
        c.meta(key)["quals"] = list(quals)
        c.meta(key)["qual"] = "none" if not quals else ("asked" if hit else "story")
    return f


# ---------------- ids, source, structure, meta, rebuild ----------------
# the set's prefix is "ap"; every single letter (the prefixes of blind19-62), blind63's "aa" to blind77's "ao", other
# two-letter prefixes, an upper-case "AP" and a longer "app" are rejected: each is planted at its own position
_PFX = tuple("abcdefghijklmnopqrstuvwxyz") + ("aa", "ab", "ac", "ad", "ae", "af", "ag", "ah", "ai", "aj", "ak", "al",
                                              "am", "an", "ao", "aq", "pa", "AP", "app")


def _all_prefixes(c):
    for i, pfx in enumerate(_PFX):
        c.j[i]["id"] = pfx + c.j[i]["id"][len(P):]


simple("id prefixes of earlier sets and others (one per position)",
       ["%s%03d: bad id at position %d (want %s%03d)" % (pfx, i + 1, i + 1, P, i + 1) for i, pfx in enumerate(_PFX)],
       _all_prefixes)
simple("ids numbered from zero", "bad id at position 1",
       lambda c: [x.__setitem__("id", "%s%03d" % (P, int(x["id"][len(P):]) - 1)) for x in c.j])
simple("wrong source, an extra key, a meta entry missing",
       ["bad source", "keys or key order wrong", "meta: ids do not match"],
       chain(lambda c: c.j[3].__setitem__("source", "written by hand"), lambda c: c.j[7].__setitem__("notes", "x"),
             lambda c: c.m.pop(P + "010")))
simple("59 entries", "need a list of 60", lambda c: c.j.pop())
simple("rebuild: json truth edited", "rebuild differs from blind78.json",
       lambda c: c.j[0].__setitem__("truth", c.j[0]["truth"] + " Extra."), True)
simple("rebuild: meta edited", "rebuild differs from blind78-meta.json",
       lambda c: c.m[P + "001"].__setitem__("qual", "none" if c.m[P + "001"]["qual"] != "none" else "asked"), True)
simple("rebuild: one digit of a GUID in a pasted watch output changed (byte compare)",
       "rebuild differs from blind78.json",
       qrep("W4", '"principalId": "e5d91b37-2c80-4a6f-bd14-93f0a7c2e618"', '"principalId": "e5d91b37-2c80-4a6f-bd14-93f0a7c2e619"'),
       True)


@mut("rebuild: first-canonical list edited", "rebuild differs from blind78-first-canonicals.txt", True)
def _(c):
    lines = first_lines(c)
    write_first_lines(c, lines[1:] + lines[:1])


@mut("first-canonical list out of order", "first-canonicals.txt does not list the set's 48 first canonicals")
def _(c):
    lines = first_lines(c)
    write_first_lines(c, [lines[1], lines[0]] + lines[2:])


simple("first-canonical list missing", "blind78-first-canonicals.txt missing",
       lambda c: os.remove(os.path.join(c.d, FILES[2])))


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
       set_edit(lambda s: s["new_shapes"]["watch_output"].pop()))
simple("_set: spread count changed", "meta: _set summary does not match",
       set_edit(lambda s: s["spread"].__setitem__("new_against_blind%d_and_blind%d" % (A_SET, B_SET), 47)))
simple("_set: typo moved to another id", "meta: _set summary does not match",
       set_edit(lambda s: s["typos"].__setitem__("whithout", ID["S4"])))
simple("_set: stale after a flag change", "meta: _set summary does not match", raw(mdel("E1", "email_thread")))


def add_my_first_to_list(n, key):
    def f(c):
        c.raw_set = True
        p = os.path.join(c.d, "blind%d-first-canonicals.txt" % n)
        lines = [x for x in open(p, encoding="utf-8") if x.strip()]
        if c.e(key)["canonical"][0] + "\n" in lines:
            raise AssertionError("setup: first canonical of %s already in the blind%d list" % (key, n))
        ours = {x["canonical"][0] + "\n" for x in c.j if x["canonical"]}
        i = max(k for k, x in enumerate(lines) if x not in ours)
        lines[i] = c.e(key)["canonical"][0] + "\n"
        open(p, "w", encoding="utf-8").writelines(lines)
    return f


simple("_set: stale after the blind77 first-canonical list changed", "meta: _set summary does not match",
       add_my_first_to_list(A_SET, "E1"))
simple("_set: stale after the blind76 first-canonical list changed", "meta: _set summary does not match",
       add_my_first_to_list(B_SET, "W3"))

# ---------------- dropped flags and fields (the shape flags of blind52 to blind77 included) ----------------
_SPECIAL = {"field": "bypass", "wrong": "--kek-uri", "other": ["AWS"], "premise": "x"}
_DF = check78.DROPPED_FIELDS
if not set(B77_SNIP) <= set(_DF) or len(_DF) != 202 or len(set(_DF)) != 202:
    raise SystemExit("blind77's flags are not dropped fields, or the list is not 202 distinct names")
for _gi, _grp in enumerate((_DF[:68], _DF[68:136], _DF[136:])):
    simple("dropped/unknown fields, group %d (%s to %s)" % (_gi + 1, _grp[0], _grp[-1]),
           [msg("E1", "unknown field %r" % fld) for fld in _grp],
           chain(*[mset("E1", fld, _SPECIAL.get(fld, True)) for fld in _grp]))
simple("blind77's flags on an off-topic item", [msg("O6", "unknown field %r" % f) for f in B77_SNIP],
       chain(*[mset("O6", f, True) for f in B77_SNIP]))

# ---------------- facts, sections, kinds, style rules (a lean sample of the unchanged rules) ----------------
simple("answer_fact not in first canonical, over 7 words; fact in no section",
       [msg("S2", "answer_fact not in first canonical"), msg("S11", "answer_fact over 7 words"),
        msg("S12", "fact not in a canonical or related section")],
       chain(lambda c: c.e("S2")["answer_facts"].__setitem__(0, "a registry private endpoint is fully supported"),
             lambda c: c.e("S11")["answer_facts"].__setitem__(0, "the registry does not exist yet, so its own"),
             lambda c: c.e("S12")["facts"].__setitem__(0, "zone redundancy is always on for premium registries")))
simple("two_facts rules: both answer facts in one canonical; two canonicals without flag; flag with one canonical",
       [msg("W1", "two_facts needs one answer_fact only in each"), msg("P1", "two canonical sections need two_facts"),
        msg("S12", "two_facts needs two canonical sections")],
       chain(lambda c: c.e("W1")["answer_facts"].__setitem__(1, "polls the HSM in the same way"),
             mdel("P1", "two_facts"), mset("S12", "two_facts", True)))
simple("unknown section and first canonical in a scenario",
       [msg("E1", "unknown section acr-cmk/references/managed-hsm.md#no-such-anchor"),
        msg("S6", "first canonical not a reference doc")],
       chain(lambda c: c.e("E1")["related"].__setitem__(0, R + "managed-hsm.md#no-such-anchor"),
             lambda c: c.e("S6")["canonical"].__setitem__(0, SCENARIO_SECTION)))
simple("truth openings of each kind",
       [msg("S8", "yes truth must open 'Yes: '"), msg("E4", "no truth must open 'No: '"),
        msg("W5", "undocumented truth must open 'Not documented'"), msg("O1", "off-topic truth must open 'Not covered: '"),
        msg("C4", "troubleshoot truth opens with a verdict word")],
       chain(trep("S8", "Yes: ", "Sure: "), trep("E4", "No: ", "Nope: "), trep("W5", "Not documented: ", "Unclear: "),
             trep("O1", "Not covered: ", "Off: "), tset("C4", "Yes: " + ttext("C4"))))
simple("short and agent length rules", [msg("S3", "short question has 15 words"), msg("A6", "agent query has 11 words")],
       chain(qset("S3", S3_15), qset("A6", "Explain why az acr create fails with Failed to access KeyId.")))

# ---------------- qualifiers and floors ----------------
_HSM_DROP = ("E2", "C2", "A8", "P5", "A1", "A5", "W1", "E3", "R1")
simple("Managed HSM floor and topics (qualifier dropped on nine items)",
       ["floor: Managed HSM asked 9 < 10", "Managed HSM asked in only 2 of 8 ways"],
       chain(*[set_quals(k, [q for q in next(x for x in build78.QUESTIONS if x["key"] == k)["quals"] if q != "hsm"])
               for k in _HSM_DROP]))
simple("October 2026 floor", "floor: October 2026 11 < 12",
       chain(*[set_quals(k, ["hsm"]) for k in ("E1", "E2", "E3", "C1", "C2", "P1", "W1")]))
simple("iac floor", "floor: portal/Terraform/Bicep/ARM/AVM named 7 < 8",
       chain(*[set_quals(k, []) for k in ("P2", "R4")]))


# ---------------- spread: the blind77 and blind76 lists, read from the set's folder ----------------
def list_lines(c, n):
    p = os.path.join(c.d, "blind%d-first-canonicals.txt" % n)
    return [x for x in open(p, encoding="utf-8").read().split("\n") if x.strip()]


def put_in_list(n, keys):
    """put the first canonicals of keys into the blind<n> list, replacing lines that are no first canonical of this
    set (so the spread figures drop by exactly len(keys))"""
    def f(c):
        lines = list_lines(c, n)
        ours = {x["canonical"][0] for x in c.j if x["canonical"]}
        mine = [c.e(k)["canonical"][0] for k in keys]
        if len(set(mine)) != len(mine):
            raise AssertionError("setup: repeated first canonical among %r" % (keys,))
        for m_ in mine:
            if m_ in lines:
                raise AssertionError("setup: %s already in blind%d list" % (m_, n))
        free = [i for i, x in enumerate(lines) if x not in ours]
        for i, m_ in zip(free, mine):
            lines[i] = m_
        with open(os.path.join(c.d, "blind%d-first-canonicals.txt" % n), "w", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n")
    return f


# keys whose first canonicals are in neither earlier list and not shared with another item (all 48 are)
_FRESH_FIRSTS = ["E1", "E2", "E3", "E4", "E5", "C1", "C2", "C3", "C4", "C5", "P1", "P2", "P3", "W1", "W2", "W3", "W4",
                 "W5", "R1", "R2"]
_FC = {q["key"]: q["canonical"][0] for q in build78.QUESTIONS if q.get("canonical")}
_L77 = {x.strip() for x in open(os.path.join(HERE, LISTS[0]), encoding="utf-8") if x.strip()}
_L76 = {x.strip() for x in open(os.path.join(HERE, LISTS[1]), encoding="utf-8") if x.strip()}
if [k for k in _FRESH_FIRSTS if list(_FC.values()).count(_FC[k]) != 1 or _FC[k] in _L77 or _FC[k] in _L76]:
    raise SystemExit("a key of _FRESH_FIRSTS shares its first canonical or has one of an earlier list")
if _meta["_set"]["spread"]["new_against_blind%d" % A_SET] != 48 or \
        _meta["_set"]["spread"]["new_against_blind%d_and_blind%d" % (A_SET, B_SET)] != 48:
    raise SystemExit("spread figures are not the expected 48 and 48")
simple("spread floor against blind77 (nine of this set's firsts put into the blind77 list)",
       "spread: only 39 first canonicals new against blind77 (floor 40)",
       put_in_list(A_SET, _FRESH_FIRSTS[:9]))
simple("spread floor against blind77 and blind76 (nineteen firsts put into the blind76 list)",
       "spread: only 29 first canonicals new against blind77 and blind76 (floor 30)",
       put_in_list(B_SET, _FRESH_FIRSTS[:19]))
simple("blind77 list replaced by blind76's after eight firsts went into it (read per set; _set left as recorded)",
       "meta: _set summary does not match",
       raw(chain(put_in_list(B_SET, _FRESH_FIRSTS[:8]),
                 lambda c: shutil.copy(os.path.join(c.d, LISTS[1]), os.path.join(c.d, LISTS[0])))))
simple("both first-canonical lists missing",
       ["first-canonical list missing: blind%d" % A_SET, "first-canonical list missing: blind%d" % B_SET],
       chain(*[(lambda c, f=f: os.remove(os.path.join(c.d, f))) for f in LISTS]))
simple("blind77 list moved to prev/ (only the folder counts)", "first-canonical list missing: blind%d" % A_SET,
       lambda c: shutil.move(os.path.join(c.d, LISTS[0]), os.path.join(c.d, "prev", LISTS[0])))


def _cut_list(c):
    lines = list_lines(c, A_SET)[:47]
    with open(os.path.join(c.d, LISTS[0]), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


simple("blind77 list one line short", "first-canonical list blind%d has 47 lines, not 48" % A_SET, _cut_list)

# ---------------- typos ----------------
TYPO_KEY = {"whithout": "S1", "configration": "S12", "automaticaly": "S7"}
if set(TYPO_KEY) != check78.TYPOS:
    raise SystemExit("typo list differs from the checker's")


def plant_prev(n, word, idx=4, field="question"):
    def f(c):
        p = os.path.join(c.d, "prev", "blind%d.json" % n)
        data = json.load(open(p, encoding="utf-8"))
        data[idx][field] += " (" + word + ")"
        json.dump(data, open(p, "w", encoding="utf-8"))
    return f


def plant_source(sub, word):
    def f(c):
        root = os.path.join(c.d, sub)
        for dd, _, files in os.walk(root):
            for fn in sorted(files):
                if fn.endswith(".md"):
                    p = os.path.join(dd, fn)
                    open(p, "a", encoding="utf-8").write("\n\nNote: " + word + ".\n")
                    return
    return f


simple("typos in an earlier question (blind77, blind19, blind45)",
       ["typo %r already used in %s" % (t, PREV_LABEL) for t in TYPO_KEY],
       chain(plant_prev(77, "whithout", 6), plant_prev(19, "configration", 2), plant_prev(45, "automaticaly", 8)))
simple("typos in an earlier truth (blind76, blind77, blind33)",
       ["typo %r already used in %s" % (t, PREV_LABEL) for t in TYPO_KEY],
       chain(plant_prev(76, "whithout", 3, "truth"), plant_prev(77, "configration", 9, "truth"),
             plant_prev(33, "automaticaly", 1, "truth")))
simple("typos in the knowledge and in a fact sheet",
       ["typo 'whithout' stands in the knowledge or facts", "typo 'automaticaly' stands in the knowledge or facts"],
       chain(plant_source("k", "whithout"), plant_source("facts", "automaticaly")))
simple("typos moved to an off-topic short, a long item and an agent item",
       [msg("O10", "typo must sit in a short on-topic question"), msg("E1", "typo must sit in a short on-topic question"),
        msg("A8", "typo must sit in a short on-topic question")],
       chain(mdel("S1", "typo"), qrep("S1", "whithout", "without"), mset("O10", "typo", "whithout"),
             qadd("O10", " whithout"),
             mdel("S12", "typo"), qrep("S12", "configration", "configuration"), mset("E1", "typo", "configration"),
             qadd("E1", " configration"),
             mdel("S7", "typo"), qrep("S7", "automaticaly", "automatically"), mset("A8", "typo", "automaticaly"),
             qadd("A8", " automaticaly")))
simple("typo fixed in its question; unrecorded typo; unknown typo (blind77's alredy)",
       [msg("S1", "typo 'whithout' not in the question"), msg("S6", "unrecorded typo 'configration'"),
        msg("S9", "typo 'alredy' not in the set's typo list")],
       chain(qrep("S1", "whithout", "without"), qadd("S6", " configration"), mset("S9", "typo", "alredy")))
simple("typo used twice, and a typo used nowhere",
       ["typo 'configration' used 2 times, want 1", "typo 'whithout' used 0 times, want 1"],
       chain(mset("S8", "typo", "configration"), qadd("S8", " configration"),
             mdel("S1", "typo"), qrep("S1", "whithout", "without")))


# ---------------- copying ----------------
def prev_all_missing(c):
    for n in check78.PREV_SETS:
        os.remove(os.path.join(c.d, "prev", "blind%d.json" % n))


simple("every prev file missing (59 messages)", ["set: prev file missing: blind%d.json" % n for n in check78.PREV_SETS],
       prev_all_missing)
simple("blind77's prev file missing", "set: prev file missing: blind77.json",
       lambda c: os.remove(os.path.join(c.d, "prev", "blind77.json")))


def own_prev(n, field, idx=5):
    def get(c):
        return json.load(open(os.path.join(c.d, "prev", "blind%d.json" % n), encoding="utf-8"))[idx][field]
    return get


simple("a blind77 question and a blind77 truth repeated (8-token run, Jaccard, truth Jaccard)",
       [msg("E1", "8-token run shared with " + PREV_LABEL), msg("E1", "Jaccard > 0.6 with blind"),
        msg("E4", "truth Jaccard > 0.6 with blind")],
       chain(lambda c: c.e("E1").__setitem__("question", own_prev(77, "question", 30)(c)),
             lambda c: c.e("E4").__setitem__("truth", "No: " + own_prev(77, "truth", 30)(c))))
simple("knowledge prose in a question (8-token run) and a copied knowledge sentence in a truth",
       [msg("E1", "8-token run shared with knowledge/facts"), msg("S4", "truth copies a knowledge/fact sentence")],
       chain(qadd("E1", " We read that the registry calls the key store as a managed identity that may do just three things."),
             tadd("S4", " The registry does not exist yet, so its own system-assigned identity cannot have been granted access to the key.")))

# ---------------- off-topic: blind77's subjects and names, the distinctive-word rule over blind19-77 ----------------
_B77_BANNED = check78.BANNED_SUBJECTS[:check78.BANNED_SUBJECTS.index("budibase")]
if len(_B77_BANNED) != 62 or _B77_BANNED[0] != "bookwyrm":
    raise SystemExit("blind77's banned block not where expected (%d)" % len(_B77_BANNED))
_text77 = "\n\nWe also looked at: " + ", ".join(_B77_BANNED) + "."
if [w for w in _B77_BANNED if not check78.word_in(w, _text77)]:
    raise SystemExit("blind77 banned names not found in their own list")
simple("every blind77 banned name in an off-topic question",
       [msg("O6", "off-topic question names banned %r" % w) for w in _B77_BANNED], add_to("O6", _text77))
_OLDER = [w for w in check78.BANNED_SUBJECTS[len(_B77_BANNED):] + check78.BANNED_WORDS]
_OLDER = list(dict.fromkeys(_OLDER))
for _gi in range(0, len(_OLDER), 400):
    _grp = _OLDER[_gi:_gi + 400]
    _text = "\n\nWe also looked at: " + ", ".join(_grp) + "."
    _bad = [w for w in _grp if not check78.word_in(w, _text)]
    if _bad:
        raise SystemExit("banned names not found in their own list: %r" % _bad)
    simple("older banned names in an off-topic question, part %d (%s to %s)" % (_gi // 400 + 1, _grp[0], _grp[-1]),
           [msg("O5", "off-topic question names banned %r" % w) for w in _grp], add_to("O5", _text))


def banned_subject(key, word, text):
    return chain(mset(key, "subject", word), qset(key, text))


_B77_ONE_LINE = (("O7", "openhab"), ("O8", "radarr"), ("O9", "filebrowser"), ("O10", "traccar"),
                 ("O11", "shlink"), ("O12", "bookwyrm"))
simple("blind77's one-line subjects as subjects",
       [msg(k, "banned off-topic subject %r" % w) for k, w in _B77_ONE_LINE]
       + [msg(k, "subject %r used in %s" % (w, PREV_LABEL)) for k, w in _B77_ONE_LINE],
       chain(banned_subject("O7", "openhab", "Context: openhab drives the lights at home. Question: how do I dim them at sunset automatically?"),
             banned_subject("O8", "radarr", "Explain how to make radarr ignore releases smaller than two gigabytes for all titles."),
             banned_subject("O9", "filebrowser", "filebrowser hide dot files and system folders for all users except the admin account"),
             banned_subject("O10", "traccar", "can traccar export trips as gpx files?"),
             banned_subject("O11", "shlink", "how do i count clicks per country in shlink?"),
             banned_subject("O12", "bookwyrm", "bookwyrm follow someone on another instance")))
simple("this set's subjects planted in blind77 and blind33 questions",
       [msg("O1", "subject 'appwrite' used in %s" % PREV_LABEL), msg("O10", "subject 'shiori' used in %s" % PREV_LABEL)],
       chain(plant_prev(77, "Appwrite", 12), plant_prev(33, "shiori", 3)))
simple("the distinctive word blind77's off-topic questions added that is not banned (slugs)",
       [msg("O2", "off-topic question repeats an earlier off-topic subject word: slugs")],
       add_to("O2", " (slugs)"))
simple("off-topic story and near-miss floors",
       ["floor: long off-topic registry+key stories 4 < 5", "floor: near misses 3 < 4"],
       chain(qrep("O1", "Azure container registry", "Azure image store"), mdel("O2", "near_miss"),
             mdel("O3", "near_miss")))

# ---------------- the shapes of blind52 to blind77 are rejected in the text ----------------
_SETS = sorted(SHAPES_OF)
_GROUPS = [_SETS[i:i + 6] for i in range(0, len(_SETS), 6)]
_ON = ["E1", "C1", "W1", "R1"]
for _gi, _grp in enumerate(_GROUPS):
    _fs = [f for n in _grp for f in SHAPES_OF[n]]
    _txt = "".join(OLD_SNIP[f] for f in _fs)
    _key = _ON[_gi % len(_ON)]
    _miss = [f for f in _fs if not check78.OLD_DETECT[f](qtext(_key) + _txt)]
    if _miss:
        raise SystemExit("shapes not seen together in %s: %r" % (_key, _miss))
    simple("earlier shapes of blind%d-%d in an on-topic post (%s)" % (_grp[0], _grp[-1], _key),
           [msg(_key, "question shows blind%d's shape %s" % (check78.OLD_SHAPES[f], f)) for f in _fs], add_to(_key, _txt))
_txt = "".join(B77_SNIP.values())
simple("blind77's shapes in an off-topic post", [msg("O6", "question shows blind77's shape %s" % f) for f in B77_SNIP],
       add_to("O6", _txt))
simple("blind77's inline match line in a short and its quoted request line in an agent question",
       [msg("S5", "question shows blind77's shape grep_matches"),
        msg("A6", "question shows blind77's shape access_log")],
       chain(add_to("S5", " `old/run.sh:12:az acr show -n crold`"),
             add_to("A6", ' (proxy said "GET /v2/old/app/manifests/1.0 HTTP/1.1" 404)')))
_B77_PIECES = {
    "ls_listing": ["\n-rw-r--r-- 1 ops ops 120 Dec  1 10:00 old-run.sh\n", "\ndrwxr-x--- 2 ops ops 4096 Jan  9  2025 olddir\n"],
    "grep_matches": ["\nold/a.sh:3:az acr show\nold/b.sh:7:az acr list\n", "`old/run.sh:12:az acr show -n crold`"],
    "cloud_shell_session": ["\nRequesting a Cloud Shell.Succeeded.\n", "\nConnecting terminal...\n",
                            "\nold@Azure:~$ az acr list\n", "\nold [ ~ ]$ az acr list\n"],
    "access_log": ["[01/Dec/2026:10:00:00 +0000]", '"GET /v2/old/app/manifests/1.0 HTTP/1.1" 404'],
    "coding_agent_transcript": ["\n\u23fa Bash(az acr list)\n", "\n  \u23bf  done\n"],
}
_pl = [(f, p) for f, ps in _B77_PIECES.items() for p in ps]
_keys = OFF_ALL + SHORTS
for (_f, _p), _k in zip(_pl, _keys):
    if not check78.OLD_DETECT[_f](qtext(_k) + " " + _p):
        raise SystemExit("blind77 piece %r not seen" % _p)
simple("every lone piece of blind77's five detectors, each in its own question",
       [msg(_k, "question shows blind77's shape %s" % _f) for (_f, _p), _k in zip(_pl, _keys)],
       chain(*[add_to(_k, " " + _p) for (_f, _p), _k in zip(_pl, _keys)]))


# ---------------- the detectors of earlier shapes and the novelty of the new ones, checked on prev ----------------
def _plant(n, idx, text):
    def fn(d):
        d[idx]["question"] += text
    return prev_edit(n, fn)


_STRICT = [f for f in check78.OLD_SHAPES if f not in check78.DETECT_LOOSE]
_plants = []
for _j, _f in enumerate(_STRICT):
    _plants.append((19 + (_j % 30), (_j // 30) * 7 + 1, _f))
_PREVQ = {n: json.load(open(os.path.join(HERE, "prev", "blind%d.json" % n), encoding="utf-8")) for n in range(19, 49)}
_ELSE = {f: 0 for f in _STRICT}
for _t, _i, _f in _plants:
    _q = _PREVQ[_t][_i]["question"] + OLD_SNIP[_f]
    for _g in _STRICT:
        if check78.OLD_DETECT[_g](_q):
            _ELSE[_g] += 1
if any(_ELSE[f] < 1 for f in _STRICT):
    raise SystemExit("a planted strict snippet is not seen by its own detector")
simple("every strict earlier detector with its shape planted in another set (%d detectors)" % len(_STRICT),
       ["detector %s (blind%d) finds 5 items of blind%d and %d elsewhere" % (f, check78.OLD_SHAPES[f], check78.OLD_SHAPES[f],
                                                                             _ELSE[f]) for f in _STRICT],
       chain(*[_plant(t, i, OLD_SNIP[f]) for t, i, f in _plants]))


def _break_b77(d):
    # one blind77 item of each of two shapes loses its shape (by script; the items are not read)
    done = set()
    for e in d:
        q = e["question"]
        if "coding_agent_transcript" not in done and check78.OLD_DETECT["coding_agent_transcript"](q):
            new = q.replace("\u23fa", "*").replace("\u23bf", "|")
            if check78.OLD_DETECT["coding_agent_transcript"](new):
                raise AssertionError("setup: blind77 transcript markers not broken")
            e["question"] = new
            done.add("coding_agent_transcript")
        elif "ls_listing" not in done and check78.OLD_DETECT["ls_listing"](q):
            new = re.sub(r"(?m)^([-dlcbps][rwxsStT-]{9})", r"# \1", q)
            if check78.OLD_DETECT["ls_listing"](new):
                raise AssertionError("setup: blind77 listing lines not broken")
            e["question"] = new
            done.add("ls_listing")
    if len(done) != 2:
        raise AssertionError("setup: broke %r" % done)


simple("blind77 items losing their shapes in prev (transcript markers, listing lines)",
       ["detector coding_agent_transcript (blind77) finds 4 items of blind77",
        "detector ls_listing (blind77) finds 4 items of blind77"],
       prev_edit(77, _break_b77))
simple("blind77 shape planted in an off-topic blind77 item",
       "detector cloud_shell_session (blind77) finds 6 items of blind77 and 0 elsewhere",
       prev_edit(77, lambda d: _first_offtopic(d).__setitem__("question", _first_offtopic(d)["question"] + CS_SNIPPET)))
simple("the new shapes already in earlier questions (blind77, blind19, blind45, blind60, blind76)",
       ["new shape %s already occurs in %s" % (f, PREV_LABEL) for f in NEW_SNIP],
       chain(*[_plant(n, i, NEW_SNIP[f]) for (n, i), f in zip(((77, 2), (19, 5), (45, 7), (60, 9), (76, 11)), NEW_SNIP)]))
simple("the new shapes in an off-topic blind77 question",
       ["new shape %s already occurs in %s" % (f, PREV_LABEL) for f in NEW_SNIP],
       prev_edit(77, lambda d: _first_offtopic(d).__setitem__("question", _first_offtopic(d)["question"]
                                                              + "".join(NEW_SNIP.values()))))

# ---------------- new shapes: a shape in the text needs its flag; exact counts ----------------
_UNFLAG = (("email_thread", "E1"), ("assistant_chat_copy", "C1"), ("python_logging", "P1"), ("python_logging", "P4"),
           ("watch_output", "W1"), ("runbook_front_matter", "R1"))
for _f, _k in _UNFLAG:
    simple("unflagged %s (%s)" % (_f, _k),
           [msg(_k, "question shows the shape %s without its flag" % _f), "shape %s used 4 times, want exactly 5" % _f],
           mdel(_k, _f))
simple("the new shapes pasted into off-topic questions",
       [msg(k, "question shows the shape %s without its flag" % f) for k, f in zip(OFF_LONG, NEW_SNIP)],
       chain(*[add_to(k, NEW_SNIP[f]) for k, f in zip(OFF_LONG, NEW_SNIP)]))
_NEW_PIECES = {
    "email_thread": ["\nFrom: Old Desk\nSent: Monday, 7 December 2026 09:00\n", "\nSubject: OLD-1 crold\n",
                     "\n-----Original Message-----\n", "\nFrom: Old Desk\nDate: Mon, 7 Dec 2026 09:00:00 +0100\n"],
    "assistant_chat_copy": ["\nYou said:\n", "\nChatGPT said:\n", "\nMicrosoft Copilot said:\n"],
    "python_logging": ["\nERROR:oldjob:crold-01 unreachable\n", "`WARNING:oldjob:slow`",
                       "\n2026-12-07 09:00:00,001 INFO oldjob: start\n"],
    "watch_output": ["\nEvery 10.0s: az acr show -n crold\n", "\nEvery 2s: date\n"],
    "runbook_front_matter": ["\n---\ntitle: Old page\nowner: team-old\n---\n"],
}
_pl = [(f, p) for f, ps in _NEW_PIECES.items() for p in ps]
_PIECE_KEYS = OFF_ALL + SHORTS
_pairs = list(zip(_PIECE_KEYS, _pl))
if len(_pairs) != len(_pl):
    raise SystemExit("not enough questions for the new pieces")
for _k, (_f, _p) in _pairs:
    if not check78.NEW_DETECT[_f](qtext(_k) + " " + _p):
        raise SystemExit("piece %r of %s not seen" % (_p, _f))
    for _g in NEW_SNIP:
        if _g != _f and check78.NEW_DETECT[_g](qtext(_k) + " " + _p):
            raise SystemExit("piece %r of %s also shows %s" % (_p, _f, _g))
simple("every lone piece of the five new detectors, each in its own unflagged question",
       [msg(_k, "question shows the shape %s without its flag" % _f) for _k, (_f, _p) in _pairs],
       chain(*[add_to(_k, " " + _p) for _k, (_f, _p) in _pairs]))
_SIXTH = (("email_thread", "B1"), ("assistant_chat_copy", "S1"), ("python_logging", "A1"), ("watch_output", "S4"),
          ("runbook_front_matter", "A3"))
simple("each new shape on a sixth item", ["shape %s used 6 times, want exactly 5" % f for f, _ in _SIXTH],
       chain(*[mset(k, f, True) for f, k in _SIXTH]))
simple("two new shapes on one item", [msg("E1", "more than one new shape on one item"),
                                      "shape assistant_chat_copy used 6 times"],
       mset("E1", "assistant_chat_copy", True))
simple("new shape flags on an off-topic item", [msg("O6", "shape flag %s on an off-topic item" % f) for f in NEW_SNIP],
       chain(*[mset("O6", f, True) for f in NEW_SNIP]))

# ---------------- email_thread ----------------
simple("email: Sent/Date line dropped; Subject line dropped; a short and an agent item flagged",
       [msg("E2", "email_thread needs a mail header block"), msg("E4", "email_thread needs a mail header block"),
        msg("S5", "email_thread only in long posts"), msg("A2", "email_thread only in long posts")],
       chain(qrep("E2", "Sent: Monday, 30 November 2026 09:12\n", ""),
             qrep("E4", "Subject: crhollis2 back to Microsoft-managed keys\n", ""),
             mset("S5", "email_thread", True), mset("A2", "email_thread", True)))
simple("email: truth names no Subject token, or one in another case",
       [msg(k, "email_thread truth names no token of a Subject line") for k in ("E1", "E2")],
       chain(trep("E1", "hsm-brackley-01", "the HSM"),
             trep("E2", "COST-7719", "cost-7719"), trep("E2", "hsm-tarlow-weu", "HSM-TARLOW-WEU")))
simple("email: truth keeps a header",
       [msg(k, "email_thread truth still holds a mail header") for k in ("E3", "E5")],
       chain(tadd("E3", " (Subject: SEC-1187)"), tadd("E5", " From: the platform team.")))

# ---------------- assistant_chat_copy ----------------
simple("chat: no 'You said:' turn; no assistant turn; a short and an agent item flagged",
       [msg("C1", "assistant_chat_copy needs a 'You said:' turn"), msg("C3", "assistant_chat_copy needs a 'You said:' turn"),
        msg("S6", "assistant_chat_copy only in long posts"), msg("A4", "assistant_chat_copy only in long posts")],
       chain(qrep("C1", "You said:\n", "Me:\n"), qrep("C3", "Copilot said:\n", "Copilot wrote:\n"),
             mset("S6", "assistant_chat_copy", True), mset("A4", "assistant_chat_copy", True)))
simple("chat: truth names no assistant token, or one in another case",
       [msg(k, "assistant_chat_copy truth names no token of an assistant turn") for k in ("C3", "C5")],
       chain(trep("C3", "RSA-HSM", "rsa-hsm"), trep("C5", "userAssignedIdentities", "identities")))
simple("chat: truth keeps a turn label",
       [msg(k, "assistant_chat_copy truth still holds a turn label") for k in ("C1", "C2")],
       chain(tadd("C1", " ChatGPT said: otherwise."), tadd("C2", " (Copilot said: delete it.)")))

# ---------------- python_logging ----------------
simple("python log: records outside a fence; a single record; no failed record; agent record not quoted inline; "
       "a short item flagged",
       [msg("P3", "python_logging needs a fence with >= 2 log records"), msg("P1", "python_logging needs a fence"),
        msg("P2", "python_logging needs a fence"), msg("P4", "python_logging needs a WARNING/ERROR record quoted inline"),
        msg("S8", "python_logging only in long posts and agent queries")],
       chain(unfence("P3"),
             qsub("P1", r"(?m)^2026-12-03 08:14:0[2-3],(?:117|502|945) [^\n]*\n", ""),
             qrep("P2", "ERROR:regsvc.create:", "INFO:regsvc.create:"),
             qrep("P4", "`ERROR:acr_provision:create of crmarden01 failed: Failed to access KeyId https://kv-marden.vault.azure.net/keys/kek-marden`",
                  "ERROR:acr_provision:create of crmarden01 failed: Failed to access KeyId https://kv-marden.vault.azure.net/keys/kek-marden"),
             mset("S8", "python_logging", True)))
simple("python log: truth names no token of a failed record, or one in another case",
       [msg(k, "python_logging truth names no token of a failed record's message") for k in ("P1", "P3")],
       chain(trep("P1", "kek-norbury", "the key"), trep("P1", "create_rsa_key", "the call"),
             trep("P1", "id-crnorbury", "the identity"),
             trep("P3", "ForbiddenByFirewall", "forbiddenbyfirewall")))
simple("python log: truth keeps a record prefix or a log timestamp",
       [msg(k, "python_logging truth still holds a log record prefix") for k in ("P2", "P5")],
       chain(tadd("P2", " (ERROR:regsvc.create:)"), tadd("P5", " It was logged at 08:14:03,944.")))

# ---------------- watch_output ----------------
simple("watch: output outside a fence; header not running az; no output line; a short and an agent item flagged",
       [msg("W1", "watch_output needs a fence with a watch header running az"),
        msg("W2", "watch_output needs a fence"), msg("W3", "watch_output needs a fence"),
        msg("S9", "watch_output only in long posts"), msg("A5", "watch_output only in long posts")],
       chain(unfence("W1"), qrep("W2", "Every 300.0s: az acr encryption show", "Every 300.0s: ./show-encryption.sh"),
             qsub("W3", r"(?s)(jump-02: Fri Dec  4 11:40:18 2026\n).*?(\n```)", r"\1\2"),
             mset("S9", "watch_output", True), mset("A5", "watch_output", True)))
simple("watch: truth names no output token, or one in another case",
       [msg(k, "watch_output truth names no token of the output") for k in ("W5", "W3")],
       chain(trep("W5", "kek-lowick", "the key"), trep("W5", "c9e41f7b20a84d3e95b6a1c0d7f2e318", "that version"),
             trep("W3", "NotActivated", "notactivated")))
simple("watch: truth keeps a watch header",
       [msg(k, "watch_output truth still holds a watch header") for k in ("W1", "W4")],
       chain(tadd("W1", " (Every 60.0s: unchanged)"), tadd("W4", " Every 30s: check again.")))

# ---------------- runbook_front_matter ----------------
simple("front matter: page outside a fence; one key: value line; no closing delimiter; a short and an agent item flagged",
       [msg("R1", "runbook_front_matter needs a fence with a page opening with front matter"),
        msg("R2", "runbook_front_matter needs a fence"), msg("R3", "runbook_front_matter needs a fence"),
        msg("S10", "runbook_front_matter only in long posts"), msg("A6", "runbook_front_matter only in long posts")],
       chain(unfence("R1"),
             qrep("R2", "owner: sre-registry\nlast_reviewed: 2023-04-11\napplies_to: crpelham, crpelham-dr\n", ""),
             qrep("R3", "page_version: 4.2\n---\n", "page_version: 4.2\n"),
             mset("S10", "runbook_front_matter", True), mset("A6", "runbook_front_matter", True)))
simple("front matter: truth names no front-matter value, or one in another case",
       [msg(k, "runbook_front_matter truth names no front-matter value") for k in ("R4", "R5")],
       chain(trep("R4", "acr-cmk-v2.json", "the template file"), trep("R5", "net-architecture", "Net-Architecture")))
simple("front matter: truth keeps a front-matter line or a delimiter",
       [msg(k, "runbook_front_matter truth still holds front matter") for k in ("R1", "R2")],
       chain(tadd("R1", " (owner: team-cloud-foundation)"), tadd("R2", "\n---\n")))

# ---------------- accepted variants (only=True: nothing but the planted 15-word short question may be reported) --------
_MARK = qset("S3", S3_15)
_ONLY = "short question has 15 words"
simple("email counts: a Cc line in the header block", _ONLY,
       chain(_MARK, qrep("E2", "To: Cloud Platform Team\n", "To: Cloud Platform Team\nCc: Finance Controlling\n")),
       only=True)
simple("chat counts: a two-word assistant name", _ONLY,
       chain(_MARK, qrep("C3", "Copilot said:\n", "Microsoft Copilot said:\n")), only=True)
simple("python log counts: a CRITICAL record as the failed one", _ONLY,
       chain(_MARK, qrep("P3", "02:00:09,876 ERROR acr_sync:", "02:00:09,876 CRITICAL acr_sync:"),
             qrep("P3", "02:00:10,002 ERROR acr_sync:", "02:00:10,002 INFO acr_sync:")), only=True)
simple("watch counts: a header without host name and time", _ONLY,
       chain(_MARK, qrep("W1", "-o json        ops-vm-03: Thu Dec  3 09:27:40 2026", "-o json")), only=True)
simple("front matter counts: a quoted value", _ONLY,
       chain(_MARK, qrep("R3", "title: Registry key vault settings", 'title: "Registry key vault settings"')), only=True)
simple("unmodified rules: the 15-word marker alone", _ONLY, _MARK, only=True)


def run_check(d):
    env = dict(os.environ, BLIND78_DIR=d, BLIND78_KROOT=os.path.join(d, "k"), BLIND78_FACTS=os.path.join(d, "facts"),
               PYTHONDONTWRITEBYTECODE="1")
    p = subprocess.run([sys.executable, os.path.join(HERE, "check78.py")], env=env, capture_output=True, text=True)
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
        shutil.copy(os.path.join(HERE, "build78.py"), d)
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
