"""blind50 builder: holds the 60 questions (QUESTIONS) and writes blind50.json, blind50-meta.json and
blind50-first-canonicals.txt. render() returns the three files' exact text (check50.py compares it byte for byte)."""
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
# ---- questions ----
R = "acr-cmk/references/"
T = R + "troubleshooting.md#"
M = R + "managed-hsm.md#"
I = R + "identities.md#"
C = R + "infrastructure-as-code.md#"
K = R + "key-rotation.md#"
A = R + "key-vault-access.md#"
L = R + "limitations.md#"
N = R + "networking.md#"
O = R + "overview.md#"
V = R + "revocation-and-recovery.md#"
S = R + "setup-cli.md#"


# ---------------- long on-topic ----------------
QL = [
# ---- kql_query ----
dict(key="L1", style="long", kind="troubleshoot", category="network", quals=["iac"], flags=["kql_query"],
question="""Our Bicep deployment of crperch keeps failing on the registry resource with a key access error, although the identity's role on kv-perch is definitely there (checked twice, granted yesterday). kv-perch was locked down to the office ranges last month. I pulled the vault's diagnostic logs for the deployment window:

```kusto
AzureDiagnostics
| where ResourceProvider == "MICROSOFT.KEYVAULT" and Resource == "KV-PERCH"
| where TimeGenerated between (datetime(2026-11-30 08:40) .. datetime(2026-11-30 08:50))
| project TimeGenerated, OperationName, ResultSignature, httpStatusCode_d, ResultDescription
```

```text
TimeGenerated        OperationName  ResultSignature  httpStatusCode_d  ResultDescription
2026-11-30 08:43:12  KeyGet         Forbidden        403               Client address 20.61.3.17 is not authorized; caller (appid 4a9c...) is not a trusted service.
2026-11-30 08:43:13  KeyGet         Forbidden        403               Client address 20.61.3.17 is not authorized; caller (appid 4a9c...) is not a trusted service.
```

What is this log telling me, given that the permissions are in place? And which setting on kv-perch should change so the next deployment gets through?""",
canonical=[N + "allow-trusted-services-and-deny-other-traffic"],
related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", T + "registry-creation-cannot-access-the-key", N + "allow-your-own-clients-through-the-vault-firewall"],
facts=["Without it the registry cannot reach the key.", "caller is not a trusted service"],
answer_facts=["set the bypass to azureservices", "this is the key vault's bypass"],
truth="The requests were stopped by kv-perch's firewall, not by missing permissions: the ResultDescription says the caller was neither an allowed address nor accepted as a trusted service, which means the exception for trusted Azure services is switched off on the vault. A locked-down vault only lets Container Registry in through that exception. Turn it on and keep everything else denied: az keyvault update -n kv-perch -g <resource group> --bypass AzureServices --default-action Deny, then redeploy. Leave the role assignment as it is; the bypass only opens the network path and the role still decides key use. No IP rule is needed for the registry; rules for addresses or subnets are only for your own clients, such as whatever creates new key versions."),

dict(key="L2", style="long", kind="troubleshoot", category="recovery", quals=[], flags=["kql_query", "two_facts"],
question="""Since about 02:00 every pull and push against crtench returns 403, in every repository. Nobody touched the registry itself. kv-tench is an RBAC vault, and this is what its activity log shows overnight:

```kusto
AzureActivity
| where _ResourceId has "vaults/kv-tench"
| where OperationNameValue startswith "Microsoft.Authorization/roleAssignments"
| project TimeGenerated, OperationNameValue, ActivityStatusValue, Caller
```

```text
2026-12-02T01:47:09Z  Microsoft.Authorization/roleAssignments/delete  Success  sp-rbac-tidy
```

sp-rbac-tidy is a nightly job that prunes assignments it thinks are stale, so I assume it took away the registry identity's grant. Can one deleted assignment really explain an outage across the whole registry, and what do we run to bring crtench back?""",
canonical=[T + "registry-access-lost-after-key-permissions-were-revoked", V + "restore-access-after-a-revocation"],
related=[V + "what-revocation-does-to-the-registry", V + "revoke-by-deleting-the-rbac-role-assignment", A + "grant-access-with-an-azure-rbac-role"],
facts=["There is no partial revocation per repository."],
answer_facts=["access to all data in the registry", "no registry command is needed"],
truth="That single deletion is enough. When the registry's identity loses its Key Vault Crypto Service Encryption User assignment on kv-tench, the customer-managed key is effectively revoked, and revocation blocks every pull, push and import for all repositories at once; there is no per-repository effect. It is reversible: re-create the assignment for the identity's principal ID with az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <kv-tench resource ID>, give it a few minutes, and crtench resumes by itself; nothing has to be run against the registry. The Caller column names the culprit, so exclude the encryption identity from sp-rbac-tidy before tomorrow night."),

dict(key="L3", style="long", kind="troubleshoot", category="rotation", quals=["hsm", "oct2026"], flags=["kql_query"],
question="""crroach keeps its key roach-kek in mhsm-roach. The HSM admins added a rotation policy and a new version appeared on Monday, yet the HSM's audit logs still show the registry unwrapping with the old one:

```kusto
AzureDiagnostics
| where ResourceType == "MANAGEDHSMS" and OperationName == "KeyUnwrap"
| where identity_claim_oid_g == "7c2f5e10-4b8d-4a61-9e3a-0d5b6c8f1a27"
| summarize calls = count() by requestUri_s, bin(TimeGenerated, 1d)
```

Every row since Monday has a requestUri_s ending in /keys/roach-kek/5e8a0c1d.../unwrapkey, the version from last year. The registry was created from a script someone else wrote. Which version is the registry configured for, why didn't it move when the HSM produced a new one, and how do we get it to rotate by itself from now on?""",
canonical=[K + "versioned-and-versionless-key-ids"],
related=[T + "registry-keeps-using-an-old-key-version", M + "rotate-a-managed-hsm-key", K + "switch-from-manual-to-automatic-rotation"],
facts=["a new version of the same key does not", "keyRotationEnabled is false"],
answer_facts=["exactly that version until you rotate manually"],
truth="The script almost certainly passed the versioned kid, so crroach is pinned to that one version: a versioned Managed HSM key URI keeps the registry on exactly that version until someone rotates by hand, which matches the single version in requestUri_s. A rotation policy only creates versions; it never moves a pinned registry. Confirm with az acr encryption show -n crroach (keyRotationEnabled false, keyIdentifier ending in a version), then run az acr encryption rotate-key -n crroach --key-encryption-key https://mhsm-roach.managedhsm.azure.net/keys/roach-kek with no version; leaving out --identity keeps the current identity. A local role at /keys/roach-kek (or wider) already covers every version of the key, so no new role assignment is needed, and later versions are picked up within about an hour."),

dict(key="L4", style="long", kind="why", category="hsm", quals=["hsm", "oct2026"], flags=["kql_query"],
question="""Quarterly revocation exercise for crdace, whose key dace-kek lives in mhsm-dace. At 10:00 we removed the Crypto Service Encryption User assignment that crdace's identity holds in the HSM, using --scope /keys/dace-kek as the runbook says. Two hours later pulls still work, and the HSM logs agree:

```kusto
AzureDiagnostics
| where ResourceType == "MANAGEDHSMS" and TimeGenerated > datetime(2026-12-01 10:00)
| where OperationName in ("KeyUnwrap", "KeyWrap")
| summarize count() by OperationName, ResultType
```

```text
OperationName  ResultType  count_
KeyUnwrap      Success     212
```

An unfiltered role assignment list for the identity shows one more entry: the same role at scope /keys, created by our landing-zone template. Why does the registry keep using the Managed HSM key after the deletion, and at which scope does the role have to go for the revocation to be real?""",
canonical=[M + "revoke-access-to-a-managed-hsm-key"],
related=[V + "revoke-access-to-a-key-in-a-managed-hsm", M + "local-rbac-roles-for-acr-encryption", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
facts=["or the revocation does not happen"],
answer_facts=["leaves alone any assignment the identity holds"],
truth="Because the landing-zone assignment at /keys covers every key in the HSM, dace-kek included, and a delete scoped to /keys/dace-kek does not touch it; the 212 KeyUnwrap calls with ResultType Success are coming through that wider grant. For a real revocation delete the role where it was actually given as well: az keyvault role assignment delete --hsm-name mhsm-dace --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id <principal ID> --scope /keys (and at / if it exists there too). Also check that the identity holds no other local role that allows wrap and unwrap, such as Managed HSM Crypto User. Once nothing grants access, all registry data is blocked; to end the exercise re-create the key-scoped assignment. Ask the landing-zone owners to grant at /keys/<key> only, which is the least-privilege scope."),

dict(key="L5", style="long", kind="howto", category="recovery", quals=["hsm", "oct2026"], flags=["kql_query"],
question="""Pulls from crchub started failing late yesterday evening. Our environment-teardown pipeline apparently picked the wrong resource group:

```kusto
AzureActivity
| where OperationNameValue =~ "Microsoft.KeyVault/managedHSMs/delete"
| where TimeGenerated > ago(2d)
| project TimeGenerated, Caller, _ResourceId, ActivityStatusValue
```

```text
2026-12-02T22:10:41Z  sp-env-teardown  .../resourceGroups/rg-chub-keys/providers/Microsoft.KeyVault/managedHSMs/mhsm-chub  Succeeded
```

mhsm-chub held chub-kek, the registry's customer-managed key, and it was created with purge protection. What do we run to recover the deleted HSM, whose role is needed to run it, and is it still costing us money while we sort that out?""",
canonical=[V + "recover-a-deleted-managed-hsm"],
related=[M + "recover-a-deleted-managed-hsm-key-or-hsm", T + "key-vault-or-key-was-deleted", L + "pricing-considerations"],
facts=["The HSM name stays reserved while it is soft-deleted."],
answer_facts=["recovery needs the hsm's location", "keeps being billed while it waits"],
truth="List it with az keyvault list-deleted --resource-type hsm, then bring it back with az keyvault recover --hsm-name mhsm-chub --location <its region>; whoever runs it must hold the Azure role Managed HSM Contributor, and the command wants the HSM's location; local HSM roles don't help here. It works within the retention period chosen when mhsm-chub was created (7 to 90 days), and with purge protection on nobody can purge it before that. And yes, it costs: a deleted Managed HSM stays billable for as long as it sits in the soft-deleted state, so act promptly. Once mhsm-chub and chub-kek are back, check that the identity's local role on /keys/chub-kek is still listed and crchub picks the key up again. Never purge it while the registry needs that key, and narrow the teardown pipeline's scope; the _ResourceId column shows which HSM it hit."),

# ---- azure_policy_json ----
dict(key="L6", style="long", kind="howto", category="limits", quals=["iac"], flags=["azure_policy_json"],
question="""Compliance export from our security baseline, filtered to the one registry the auditors keep asking about:

```json
{
  "resourceId": "/subscriptions/5c2e.../resourceGroups/rg-bream/providers/Microsoft.ContainerRegistry/registries/crbream",
  "resourceType": "Microsoft.ContainerRegistry/registries",
  "complianceState": "NonCompliant",
  "policyAssignmentName": "sec-baseline-acr",
  "policyDefinitionName": "5b9159ae-1701-4a6f-9a7a-aa9c8ddd0580",
  "policyDefinitionAction": "audit",
  "timestamp": "2026-11-29T04:12:55Z"
}
```

crbream is already Premium, with about 340 repositories and 1.2 TB, and in the portal the remediation option for this assignment is unavailable. The deadline is the end of the quarter. Is there anything we can run against crbream itself to make it compliant, and if not, what is the realistic path?""",
canonical=[O + "moving-an-existing-registry-to-cmk"],
related=[L + "azure-policy-built-in-for-cmk", O + "cmk-can-only-be-enabled-when-the-registry-is-created", T + "key-rotation-fails-on-a-registry-without-cmk"],
facts=["it has to be replaced with a new CMK registry"],
answer_facts=["cannot be converted to cmk in place"],
truth="Nothing can be run against crbream itself: a registry gets its customer-managed key only when it is created, so there is no in-place remediation for this assignment. The realistic path is a replacement: create a new Premium registry with CMK (identity and key access prepared first), copy the content with az acr import, which moves one image or tag per call, so script it across all 340 repositories, then point clients, pipelines and pull secrets at the new login server and retire crbream once everything is verified. complianceState stays NonCompliant until crbream is gone. An ACR maintainer has said converting existing registries is not planned, so waiting for an in-place option won't help."),

dict(key="L7", style="long", kind="yes", category="hsm", quals=["hsm", "oct2026"], flags=["azure_policy_json"],
question="""Our security architects drafted this custom policy for all new registries, and it goes to the review board next week:

```json
{
  "mode": "Indexed",
  "policyRule": {
    "if": {
      "allOf": [
        { "field": "type", "equals": "Microsoft.ContainerRegistry/registries" },
        { "anyOf": [
          { "field": "Microsoft.ContainerRegistry/registries/encryption.status", "notEquals": "enabled" },
          { "field": "Microsoft.ContainerRegistry/registries/encryption.keyVaultProperties.keyIdentifier", "notLike": "https://*.managedhsm.azure.net/keys/*" }
        ] }
      ]
    },
    "then": { "effect": "deny" }
  }
}
```

One board member says it would block every registry we try to create, because ACR only works with keys from ordinary key vaults. Does ACR accept a key from a Managed HSM as a registry's customer-managed key, so that registries can still be created under this policy?""",
canonical=[M + "managed-hsm-is-a-supported-key-store-for-acr-cmk"],
related=[O + "bring-your-own-key-byok", M + "managed-hsm-key-uris", C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs"],
facts=["neither AVM module"],
answer_facts=["documented as the second supported key store"],
truth="Yes: since the October 2026 revision of the ACR customer-managed key tutorials, Managed HSM is the second documented key store, and az acr create and az acr encryption rotate-key pass a managedhsm.azure.net key URI through unchanged, so a registry created with an HSM key satisfies the keyIdentifier condition. Two caveats for the board: the notLike pattern hard-codes the DNS suffix of the global cloud, which differs in other Azure clouds, and neither AVM module can take a Managed HSM key, so teams deploying through those modules would be blocked. Every registry also needs an activated HSM, an RSA-HSM key that allows wrapKey and unwrapKey, and the local role Managed HSM Crypto Service Encryption User at /keys/<key-name>, assigned before creation."),

dict(key="L8", style="long", kind="howto", category="rotation", quals=[], flags=["azure_policy_json"],
question="""We added a custom audit policy that flags registries whose customer-managed key is pinned to one version, since our key standard expects registries to follow new key versions automatically. Its first compliance run flagged crpike:

```json
{
  "resourceId": "/subscriptions/0d4f.../resourceGroups/rg-pike/providers/Microsoft.ContainerRegistry/registries/crpike",
  "complianceState": "NonCompliant",
  "policyDefinitionId": "/subscriptions/0d4f.../providers/Microsoft.Authorization/policyDefinitions/acr-cmk-follow-versions",
  "policyEvaluationDetails": {
    "evaluatedExpressions": [
      {
        "path": "properties.encryption.keyVaultProperties.keyRotationEnabled",
        "expressionValue": false,
        "targetValue": true,
        "operator": "Equals"
      }
    ]
  }
}
```

crpike was created in 2024 from a runbook that passed the kid straight from az keyvault key show, and it holds production images we'd rather not move. How do we bring crpike into compliance without recreating it, and do we have to pass the identity again when we do?""",
canonical=[K + "switch-from-manual-to-automatic-rotation"],
related=[K + "manual-rotation-with-az-acr-encryption-rotate-key", K + "versioned-and-versionless-key-ids", L + "check-the-encryption-status-of-a-registry"],
facts=["leaving out `--identity` keeps the current identity"],
answer_facts=["moved to automatic rotation at any time"],
truth="Rotate it onto the versionless form of the same key; no rebuild is involved. Strip the version from the kid and run az acr encryption rotate-key -n crpike --key-encryption-key https://<vault>.vault.azure.net/keys/<key>: a registry created with a versioned key ID can switch to automatic rotation like this whenever you want. You don't need to pass --identity; leaving it out keeps the identity already configured, and that identity already has access to this key. Afterwards az acr encryption show should report keyRotationEnabled as true, the next evaluation should mark crpike compliant, and new key versions are followed within about an hour."),

dict(key="L9", style="long", kind="no", category="troubleshooting", quals=[], flags=["azure_policy_json"],
question="""Platform team question. Since the deny assignment below went live, our registry pipeline fails at its first job:

```json
{
  "policyAssignmentId": "/subscriptions/7a1d.../providers/Microsoft.Authorization/policyAssignments/deny-acr-without-cmk",
  "policyRule": {
    "if": {
      "allOf": [
        { "field": "type", "equals": "Microsoft.ContainerRegistry/registries" },
        { "field": "Microsoft.ContainerRegistry/registries/encryption.status", "notEquals": "enabled" }
      ]
    },
    "then": { "effect": "deny" }
  }
}
```

Job one creates a plain Premium registry, crzander, and only job two runs az acr encryption rotate-key with our key and identity, because that is how the old template was split. Someone proposed a policy exemption for job one. If we exempt the create step, will job two turn crzander into a CMK registry that satisfies the assignment?""",
canonical=[T + "key-rotation-fails-on-a-registry-without-cmk"],
related=[O + "cmk-can-only-be-enabled-when-the-registry-is-created", S + "rules-that-az-acr-create-enforces-for-cmk", L + "azure-policy-built-in-for-cmk"],
facts=["`az acr update` has no option for a key or identity."],
answer_facts=["only on registries that already use cmk"],
truth="No: rotate-key only works on a registry that was created with a customer-managed key. On crzander it would stop with a usage error saying key rotation applies only to CMK-enabled registries, and no other command adds the key later (az acr update has no key or identity option), so the exemption would just leave you with a non-compliant registry. Merge the two jobs instead: give the user-assigned identity access to the key first, then create the registry in one call with --sku Premium --identity <identity resource ID> --key-encryption-key <key URI>. That request already carries encryption.status enabled, so the notEquals condition doesn't match and the deny never fires."),

dict(key="L10", style="long", kind="howto", category="recovery", quals=[], flags=["azure_policy_json"],
question="""Our subscription-wide compliance report flagged the vault that holds crsprat's key:

```json
{
  "resourceId": "/subscriptions/9e3b.../resourceGroups/rg-sprat/providers/Microsoft.KeyVault/vaults/kv-sprat",
  "resourceType": "Microsoft.KeyVault/vaults",
  "complianceState": "NonCompliant",
  "policyDefinitionId": "/providers/Microsoft.Authorization/policyDefinitions/0b60c0b2-2dc2-4e1c-b5c9-abbed971de53",
  "policyDefinitionAction": "audit"
}
```

kv-sprat came from a 2023 script that never set purge protection; soft delete is on, and the registry has run happily on it for years. How do I switch purge protection on now without disturbing crsprat, and which part of that change can never be taken back?""",
canonical=[O + "soft-delete-and-purge-protection-behaviour-in-key-vault"],
related=[O + "soft-delete-and-purge-protection-on-the-key-vault", V + "how-purge-protection-protects-the-registry", S + "step-3-create-the-key-vault-with-purge-protection"],
facts=["recommended, not required"],
answer_facts=["enabling purge protection is a one-way change"],
truth="Run az keyvault update --name kv-sprat --resource-group rg-sprat --enable-purge-protection true. It builds on soft delete, which kv-sprat already has, and it leaves crsprat's key, identity and access as they are. The switch itself is what you can't undo: once purge protection is on it stays on, and from then on a deleted key or vault can only be recovered or left to expire at the end of its retention period, never purged early. Protection against early purges is the reason the ACR docs advise it for CMK vaults, although they don't demand it. The next policy evaluation should move complianceState to Compliant."),

# ---- portal_click_path (long) ----
dict(key="L11", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "iac", "oct2026"], flags=["portal_click_path"],
question="""We run crshad entirely from the portal; its key shad-kek lives in mhsm-shad. Last week I moved encryption to the registry's own identity: crshad > Settings > Identity > System assigned, status On, then crshad > Settings > Encryption > Change key, where I picked the system-assigned identity and the same shad-kek and saved. Pushes have failed ever since. Before the switch I had opened mhsm-shad > Access control (IAM) and given the registry's system identity Key Vault Crypto Service Encryption User there, so I assumed access was covered. Which permission is the system identity still missing on the Managed HSM, and where in the portal is it given?""",
canonical=[A + "grant-access-to-a-key-in-a-managed-hsm"],
related=[M + "local-rbac-roles-for-acr-encryption", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope", I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
facts=["A Managed HSM has no access policies"],
answer_facts=["only cover its management", "the portal never create this assignment"],
truth="The local role. Access control (IAM) on mhsm-shad is Azure RBAC for managing the HSM resource and never lets anyone use a key, so that assignment does nothing for crshad. Key use is granted in the HSM's own local RBAC: have a Managed HSM Administrator, Crypto Officer or Policy Administrator open mhsm-shad > Settings > Local RBAC and assign Managed HSM Crypto Service Encryption User to the registry's system-assigned identity, scoped to the key /keys/shad-kek. Neither the portal nor ACR creates that assignment, which is why the switch saved fine and then failed. Give it several minutes to take effect, retry a push, and remove the useless IAM role. Next time grant the new identity before pointing encryption at it."),

dict(key="L12", style="long", kind="troubleshoot", category="network", quals=["iac"], flags=["portal_click_path"],
question="""Creating crsmelt from home through the portal. On Create container registry > Encryption > Select from Key Vault I can pick kv-smelt, but its key list stays empty with a message that my client isn't allowed. kv-smelt is restricted under Networking > Firewalls and virtual networks to the office ranges, with the trusted Microsoft services exception ticked, and the identity already holds its role on the vault. Now I'm worried the registry will be shut out as well. Is this only my browser, or will crsmelt be unable to reach the key too? And how do I get the registry created tonight without VPN access?""",
canonical=[N + "the-portal-key-picker-and-a-key-store-firewall"],
related=[S + "set-up-cmk-in-the-azure-portal", N + "allow-your-own-clients-through-the-vault-firewall", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
facts=["skip the picker and use **Enter key URI**"],
answer_facts=["through the key store's data plane", "not cover a browser outside the network"],
truth="Only your browser. The picker lists keys from your browser over the vault's data plane, and kv-smelt's firewall rejects your home address; the trusted Microsoft services exception you ticked is what lets ACR itself through, but it doesn't cover a browser outside the allowed networks. To finish tonight, go to Encryption > Enter key URI instead and paste the key ID, which a colleague on the office network can read with az keyvault key show --vault-name kv-smelt --name <key> --query key.kid (drop the version if you want automatic rotation). The other way is to add your current address under kv-smelt > Networking > Firewalls and virtual networks and remove it again afterwards."),

# ---- tool_versions (long) ----
dict(key="L13", style="long", kind="troubleshoot", category="iac", quals=["iac"], flags=["tool_versions"],
question="""crbarbel is deployed with the AVM registry module 0.6.0 from the public Bicep registry, built with Bicep CLI 0.29.47. Our customerManagedKey parameter sets keyVaultResourceId, keyName and userAssignedIdentityResourceId, nothing else. A rotation policy on kv-barbel created a new key version two weeks ago, and the registry ignored it:

```text
$ az acr encryption show -n crbarbel --query "keyVaultProperties.{auto:keyRotationEnabled, inUse:versionedKeyIdentifier}" -o tsv
False   https://kv-barbel.vault.azure.net/keys/barbel-kek/2b7e41c9d05f4e8a9c3b1a6d7f0e2c58
```

That is the version that existed when we last deployed. Is it the module or our parameters, and what has to change so crbarbel picks up new key versions on its own?""",
canonical=[C + "avm-bicep-module-customermanagedkey-parameter"],
related=[C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs", T + "registry-keeps-using-an-old-key-version", K + "switch-from-manual-to-automatic-rotation"],
facts=["which is what issue #4036 reported"],
answer_facts=["up to 0.6.0 the module always pinned"],
truth="The module. Up to 0.6.0 the AVM registry module always wrote the key version that was current at deployment into the registry, whatever you passed, so crbarbel is pinned and rotation policies can't move it. autoRotationEnabled arrived in 0.7.0, released in January 2025; it defaults to true and makes the module use the versionless keyUri. Upgrade the module (0.12.1 is the newest the docs checked), leave keyVersion unset and redeploy; keyRotationEnabled should then read true. Keep the identity listed in managedIdentities.userAssignedResourceIds too. If the upgrade has to wait, az acr encryption rotate-key -n crbarbel --key-encryption-key https://kv-barbel.vault.azure.net/keys/barbel-kek switches it now, but the next deployment with 0.6.0 would pin it again."),

dict(key="L14", style="long", kind="troubleshoot", category="keys", quals=[], flags=["tool_versions"],
question="""Our CMK setup script works on my laptop and fails on the new build image. Laptop: azure-cli 2.58.0. Build image: azure-cli 2.67.1. Same script, fresh resource group each time; it creates kv-gudgeon, then grants the registry identity with set-policy:

```text
$ az keyvault create -n kv-gudgeon -g rg-gudgeon --enable-purge-protection --location westeurope
$ az keyvault set-policy --key-permissions get wrapKey unwrapKey --object-id 61d0b7e4-... -n kv-gudgeon
Cannot set policies to a vault with '--enable-rbac-authorization' specified
```

Why does the same script behave differently on the two CLI versions, and what is the smallest change that keeps it working on both?""",
canonical=[A + "azure-cli-262-and-later-create-rbac-vaults-by-default"],
related=[T + "set-policy-fails-on-an-rbac-key-vault", A + "which-permission-model-does-my-key-vault-use", S + "azure-cli-version-notes-for-cmk-commands"],
facts=["Choose the model explicitly when creating the vault"],
answer_facts=["up to 2.61.0 the default was false"],
truth="The default permission model changed between them: from azure-cli 2.62.0 az keyvault create makes RBAC vaults unless told otherwise, while up to 2.61.0 it made access-policy vaults. On the build image kv-gudgeon therefore comes out in RBAC mode, where set-policy is refused. The smallest change is to stop relying on the default: add --enable-rbac-authorization false to the create line, which gives an access-policy vault on both versions, and set-policy keeps working. If you'd rather move to RBAC, pass --enable-rbac-authorization true and replace set-policy with a Key Vault Crypto Service Encryption User assignment for the identity's principal ID, scoped to the vault's resource ID."),

# ---- plain long ----
dict(key="L15", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["two_facts"],
question="""First registry on our Managed HSM. mhsm-grayling reports activationStatus Active, I hold Managed HSM Crypto User there, and id-grayling-enc already exists. My draft, adapted from our key vault runbook:

```bash
az keyvault key create --hsm-name mhsm-grayling -n grayling-kek --kty RSA --size 3072
MHSM_RES=$(az keyvault show --hsm-name mhsm-grayling --query id -o tsv)   # grant on the HSM itself
az role assignment create --scope "$MHSM_RES" --assignee-object-id "$ENC_OID" --role "Managed HSM Crypto Service Encryption User"
KID=$(az keyvault key show --hsm-name mhsm-grayling -n grayling-kek --output tsv --query key.kid)
az acr create --sku Premium -n crgrayling -g rg-grayling --identity "$ENC_CLIENT_ID" --key-encryption-key "${KID%/*}"
```

What needs fixing before I run this, and am I even allowed to grant the role with the HSM role I have?""",
canonical=[M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli", M + "local-rbac-roles-for-acr-encryption"],
related=[M + "requirements-for-a-managed-hsm-key-store", T + "managed-hsm-key-has-the-wrong-type-or-operations", A + "your-own-permissions-to-create-keys-in-an-rbac-vault"],
facts=["`--assignee-principal-type MSI` marks it as a managed identity"],
answer_facts=["not with az role assignment create", "these built-in roles can write role assignments"],
truth="Three lines need changing, and one step needs someone else. The key has to be RSA-HSM with wrap and unwrap allowed: --kty RSA-HSM --ops wrapKey unwrapKey instead of plain RSA. The grant must be a local role inside the HSM rather than an Azure role on the HSM resource: az keyvault role assignment create --hsm-name mhsm-grayling --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id \"$ENC_OID\" --assignee-principal-type MSI --scope /keys/grayling-kek. And az acr create --identity takes the identity's resource ID (or its name, if it lives in rg-grayling), not the client ID. As for you: Managed HSM Crypto User lets you create the key but not assign roles; only a Managed HSM Administrator, Crypto Officer or Policy Administrator can, so hand them that line. Allow a few minutes after the assignment before the create; the versionless ${KID%/*} is fine and gives automatic rotation."),

dict(key="L16", style="long", kind="howto", category="identity", quals=[], flags=[],
question="""I'm cleaning up a wrapper script a contractor wrote for our CMK registries. It reads one value from the identity and feeds it everywhere:

```bash
ID_VAL=$(az identity show -n id-minnow-enc -g rg-minnow --query clientId -o tsv)
# the same value is reused below
az role assignment create --assignee-principal-type ServicePrincipal --assignee-object-id "$ID_VAL" --scope "$KV_MINNOW" --role "Key Vault Crypto Service Encryption User"   # key access
az acr create -n crminnow -g rg-minnow --sku Premium --identity "$ID_VAL" --key-encryption-key "$KEK"
az deployment group create -g rg-minnow -f replica.json -p encIdentity="$ID_VAL"   # lands in keyVaultProperties.identity
az acr encryption rotate-key -n crminnow --key-encryption-key "$KEK_NEW" --identity "$ID_VAL"
```

Two of these lines have never worked for us, and the other two seem fine. Which value of the identity should each of the four commands really get?""",
canonical=[I + "which-identity-value-goes-where"],
related=[I + "how-rotate-key-interprets-the---identity-value", I + "create-the-user-assigned-identity-and-capture-its-ids", A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities"],
facts=["treats a GUID as a client ID"],
answer_facts=["always uses the principal id", "always store the client id"],
truth="The template parameter and the rotate-key line are right; the other two are not. The role assignment must get the principal (object) ID, because every key grant, whether role, access policy or Managed HSM local role, goes to the principal ID, so read --query principalId for that line. az acr create --identity wants the identity's resource ID (--query id), or simply id-minnow-enc because it sits in rg-minnow. keyVaultProperties.identity in the template takes the client ID, which is what a registry's encryption settings always hold, so that line stays. rotate-key --identity accepts a client ID as it is (a resource ID, a name or '[system]' would work too). Capture id, principalId and clientId as three separate variables."),

dict(key="L17", style="long", kind="howto", category="network", quals=["hsm", "oct2026"], flags=[],
question="""Our landing zone now requires every key store to deny network access by default, with private endpoints for our own tooling, and we're about to create two registries for the platform team: crsturgeon, with its key in kv-sturgeon, and crhake, with its key in mhsm-hake (HSM firewall on, default deny). The registries themselves are not in our virtual network. The identities exist and their grants are done. What has to be configured on kv-sturgeon and on the Managed HSM before we run az acr create, so that both registries can reach their keys from the first minute?""",
canonical=[O + "network-requirement-for-a-locked-down-key-vault"],
related=[M + "managed-hsm-firewall-and-trusted-services", N + "create-the-key-before-the-registry-when-the-vault-is-locked-down", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
facts=["registry needs the key at the moment it is created"],
answer_facts=["must allow trusted azure services to bypass", "before creating the registry"],
truth="The trusted-services exception on both, set before either registry is created, because ACR needs the key at the moment of creation and never comes in through your private endpoints or an IP rule. For the vault: az keyvault update -n kv-sturgeon -g <resource group> --bypass AzureServices --default-action Deny. For the HSM: az keyvault update-hsm --hsm-name mhsm-hake -g <resource group> --bypass AzureServices --default-action Deny. Create the keys while your tooling can still reach each data plane (through the private endpoint or another allowed network) and keep that path for later work such as new versions. The exception only opens the network; key use still depends on the grants you made, the vault role or policy and the Managed HSM local role at /keys/<key-name>."),

dict(key="L18", style="long", kind="howto", category="recovery", quals=["iac"], flags=[],
question="""A terraform destroy run in the wrong workspace removed kv-ling this morning. We recovered it about twenty minutes later with az keyvault recover, and the key looks fine, but crling still can't serve anything:

```text
$ az keyvault key show --query attributes.enabled --vault-name kv-ling -n ling-kek
true
$ az keyvault show -n kv-ling --query properties.enableRbacAuthorization
true
$ docker pull crling.azurecr.io/billing/api:4.2.0
Error response from daemon: ... 403 Forbidden
```

Vault and key are back. What else has to be restored before crling can read its key again, and does crling itself need any command?""",
canonical=[V + "re-create-rbac-role-assignments-after-recovering-a-vault"],
related=[V + "recover-a-deleted-key-vault", T + "key-vault-or-key-was-deleted", V + "restore-access-after-a-revocation"],
facts=["Access policies are part of the vault and come back with it."],
answer_facts=["rbac role assignments are deleted with it"],
truth="The role assignments. kv-ling uses Azure RBAC, and deleting a vault deletes its role assignments along with it; az keyvault recover brings back the vault and its keys but not those grants (access policies would have returned, RBAC assignments don't). Re-create the registry identity's grant: az role assignment create --assignee-object-id <identity principal ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <kv-ling resource ID>, and the same for operator roles such as Key Vault Crypto Officer. Nothing has to be run on crling: once the assignment is effective the registry picks the key up again by itself. If the vault doesn't have purge protection yet, turn it on."),

dict(key="L19", style="long", kind="howto", category="setup", quals=[], flags=["two_facts"],
question="""Our naming generator produced these values for the next CMK registry, and the deployment identity has Contributor on the resource group and nothing more:

```bash
REGISTRY_NAME="cr-Payments-prod-weu"
KEY_VAULT_NAME="kv-payments-prod-westeurope-001"
IDENTITY_NAME="id-payments-prod-enc"
```

Before I wire them into the pipeline: which of these names will be refused, and by what? And which rights does the deployment identity need on top of Contributor to get through the vault and grant steps?""",
canonical=[S + "before-you-start-variables-and-prerequisites", S + "rules-that-az-acr-create-enforces-for-cmk"],
related=[A + "your-own-permissions-to-create-keys-in-an-rbac-vault", S + "step-7-create-the-premium-registry-with-the-customer-managed-key", T + "operator-cannot-create-the-key-in-an-rbac-vault"],
facts=["Key vault names are globally unique too (3 to 24 characters, letters, digits and dashes)."],
answer_facts=["5 to 50 lowercase letters and digits", "registry name cannot contain dashes."],
truth="Two of the three. The registry name breaks the CLI's rules twice, capitals and dashes, and az acr create refuses it before sending anything: registry names are 5 to 50 lowercase letters and digits, for example crpaymentsprodweu. The vault name has 31 characters, more than the 24 a key vault name may have. The identity name is fine. Contributor is not enough either: to give the identity its key access on an RBAC vault the pipeline needs a role that can assign roles there (Owner, User Access Administrator or Role Based Access Control Administrator), and to create the key it needs a data-plane role such as Key Vault Crypto Officer, since management roles alone can't create keys."),

dict(key="L20", style="long", kind="troubleshoot", category="keys", quals=["hsm"], flags=[],
question="""crloach has run for a year on a software RSA key. A new internal policy requires HSM protection for every registry key, so I tried to add such a key next to the current one:

```text
$ az keyvault key create --name loach-kek-hsm --vault-name kv-loach --kty RSA-HSM --size 3072
(BadParameter) The operation is not allowed for the vault's pricing tier.
$ az keyvault show -n kv-loach --query properties.sku.name -o tsv
standard
```

Do I need a different vault for this, or should we be looking at a Managed HSM instead? Either way, how does crloach end up on the new key?""",
canonical=[T + "rsa-hsm-key-creation-fails-in-a-standard-vault"],
related=[O + "rsa-hsm-keys-need-a-premium-key-vault", K + "move-to-a-different-key-or-to-a-key-in-another-vault", M + "requirements-for-a-managed-hsm-key-store"],
facts=["Keep the old vault and key, with access"],
answer_facts=["available only on the premium vault tier"],
truth="kv-loach is a Standard vault, and RSA-HSM keys exist only in vaults of the Premium tier; Standard holds software RSA keys only. Either route works for crloach. A new vault created with --sku premium: grant the registry identity there first, in that vault's permission model, then create the RSA-HSM key. Or a Managed HSM, where every key is HSM-backed, but you need an activated HSM, an RSA-HSM key allowing wrapKey and unwrapKey, and the local role Managed HSM Crypto Service Encryption User at /keys/<key-name>. Then move the registry with az acr encryption rotate-key -n crloach --key-encryption-key <new key URI> (versionless for automatic rotation), and keep the old vault, key and access until az acr encryption show reports the new key."),

dict(key="L21", style="long", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question="""A subscription clean-up last week deleted a batch of managed identities that looked unused. Today the health check for crtrout complains:

```text
$ az acr check-health -n crtrout --ignore-errors --yes 2>&1 | grep -i cmk
CMK_ERROR: The identity used for registry 'crtrout' encryption doesn't exist.
$ az identity show -g rg-trout --name id-trout-enc
(ResourceNotFound) The Resource 'Microsoft.ManagedIdentity/userAssignedIdentities/id-trout-enc' under resource group 'rg-trout' was not found.
```

I haven't dared to test a push yet. Since the identity itself is gone, attaching it again is not an option. How do we get crtrout back to a healthy state?""",
canonical=[T + "check-health-reports-cmk_error"],
related=[L + "az-acr-check-health-and-cmk_error", I + "switch-to-the-registrys-system-assigned-identity-after-creation", T + "registry-identity-is-inactive-or-expired"],
facts=["the CMK check should pass"],
answer_facts=["typically that identity was deleted"],
truth="Move encryption to an identity that exists. A deleted user-assigned identity can't be attached again (a new one with the same name would have different IDs), so rotate the key onto another identity that has key access: enable crtrout's own system-assigned identity with az acr identity assign -n crtrout --identities '[system]', read its principal ID with az acr identity show -n crtrout --query principalId, grant it on the vault (Key Vault Crypto Service Encryption User on an RBAC vault, or get, wrapKey and unwrapKey through set-policy on an access-policy vault), then run az acr encryption rotate-key -n crtrout --key-encryption-key <the key URI it already uses> --identity '[system]'. A fresh user-assigned identity works the same way if you prefer one. Run check-health again afterwards."),

dict(key="L22", style="long", kind="value", category="keys", quals=[], flags=[],
question="""I'm drafting the key standard for our registries. Security's template says every new key must be ECC P-384, because that's what we use for TLS, and someone else wrote "RSA 4096 is mandatory for ACR" in the wiki without a source. I'd like to settle this with what ACR actually accepts before the standard is signed off: which key types can a registry's customer-managed key be, which sizes are possible, and does ACR itself insist on a particular size?""",
canonical=[O + "which-key-types-and-sizes-are-supported"],
related=[O + "key-sizes-offered-by-key-vault", T + "elliptic-curve-key-rejected", O + "rsa-hsm-keys-need-a-premium-key-vault"],
facts=["This is a Key Vault statement, not an ACR one."],
answer_facts=["the acr articles name no size", "whatever the curve"],
truth="Only RSA and RSA-HSM keys. Elliptic-curve keys (EC and EC-HSM) are not supported on any curve, so P-384 is ruled out for registry keys. ACR states no key size at all: the sizes come from Key Vault, which offers RSA 2048, 3072 and 4096 bits, and any of them is valid, so the wiki's claim has no basis and the standard can pick whichever size it wants. An RSA-HSM key in a key vault needs the Premium vault tier, and a Managed HSM key must be RSA-HSM with wrapKey and unwrapKey allowed. If the standard restricts key operations with --ops, keep wrapKey and unwrapKey in the list."),

dict(key="L23", style="long", kind="undocumented", category="limits", quals=["hsm", "oct2026"], flags=[],
question="""DR review for crsalmon: Premium, replicated to West Europe, Switzerland North and Sweden Central, with its customer-managed key in mhsm-salmon in West Europe. The reviewer wants to know what Microsoft says about this exact combination, since a regional problem with the HSM would presumably hit every replica. I found general advice for key vaults, but nothing about HSMs. Is a geo-replicated registry with a Managed HSM key supported, and do the ACR docs give any HSM-specific guidance for keeping the replicas available?""",
canonical=[L + "geo-replication-with-a-managed-hsm-key"],
related=[L + "geo-replication-works-with-cmk", L + "feature-compatibility-summary", M + "limits-and-open-points-with-managed-hsm"],
facts=["Follow Key Vault disaster-recovery guidance"],
answer_facts=["was not updated for managed hsm"],
truth="Not documented: geo-replication works with a customer-managed key, but the geo-replication article only points CMK users to Key Vault's failover and redundancy guidance and was not revised when Managed HSM became a documented key store in October 2026, so there is no HSM-specific advice for replicas. Plan the Managed HSM's own recovery separately: keep the security domain file and its key pairs safe, take backups, and confirm Managed HSM is offered in every region you may need. Treat mhsm-salmon as a dependency shared by all three replicas."),

dict(key="L24", style="long", kind="undocumented", category="keys", quals=[], flags=["two_facts"],
question="""kv-carp is an access-policy vault from 2022. It holds the key for crcarp plus secrets for six application teams, and security now wants every vault on Azure RBAC. Before I touch it: do the ACR customer-managed key docs describe moving the vault behind a registry from access policies to RBAC? And if they don't, in what order should I do it so crcarp doesn't lose its key halfway?""",
canonical=[A + "changing-an-existing-vaults-permission-model", T + "role-assignment-has-no-effect-on-an-access-policy-vault"],
related=[A + "which-permission-model-does-my-key-vault-use", A + "grant-access-with-an-azure-rbac-role", T + "set-policy-fails-on-an-rbac-key-vault"],
facts=["The models do not carry over"],
answer_facts=["acr docs do not discuss switching models", "all existing access policies stop granting access"],
truth="Not documented: the ACR docs don't discuss switching a vault's permission model. Key Vault's behaviour decides the order: nothing carries over, so the moment you run az keyvault update --enable-rbac-authorization true on kv-carp every access policy stops granting access, for crcarp's identity and for all six teams at once. First create the RBAC grants: Key Vault Crypto Service Encryption User on kv-carp for the registry identity's principal ID, plus whatever roles the application teams need. Then flip the model, and check straight away that crcarp still pulls. Done the other way round, the switch is a revocation until the roles exist."),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="value", category="limits", quals=[], flags=["quantity_unit"],
question="how many hours does a cmk acr keep its task run logs?",
canonical=[L + "acr-tasks-run-logs-are-kept-for-only-24-hours"], related=[L + "export-task-run-logs-before-they-expire", T + "task-run-logs-disappear-after-24-hours"],
facts=["copy them out while they exist"], answer_facts=["retained for 24 hours only"],
truth="24 hours, on any registry encrypted with a customer-managed key, and no setting extends that. Save each run's log elsewhere within the window, for example az acr task logs --registry <registry> --run-id <run ID> > run.log at the end of the pipeline that started the run."),
dict(key="S2", style="short", kind="value", category="recovery", quals=[], flags=["quantity_unit"],
question="deleted our acr key by accident: how many days until it's gone for good?",
canonical=[V + "recover-a-deleted-key"], related=[V + "how-purge-protection-protects-the-registry", T + "key-vault-or-key-was-deleted", V + "revoke-by-deleting-the-key"],
facts=["Once the key is back, registry operations resume."], answer_facts=["7 to 90 days, 90 by default"],
truth="Between 7 and 90 days: the deleted key stays recoverable for the vault's soft-delete retention period, which is 90 days unless the vault was created with less. Recover it with az keyvault key recover --vault-name <vault> --name <key> and the registry resumes. Without purge protection someone could purge it sooner, and after a purge the registry's content is lost."),
dict(key="S3", style="short", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=["quantity_unit"],
question="how many days minimum between rotations of a managed hsm key policy?",
canonical=[M + "rotate-a-managed-hsm-key"], related=[K + "create-a-new-version-in-a-managed-hsm", K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["a key can have at most 100 versions"], answer_facts=["rotate more often than every 28 days"],
truth="28 days. Inside a Managed HSM the shortest interval a rotation policy accepts is four weeks, against 7 days for a policy in a key vault; on-demand rotation there only works once some policy exists, and one key can hold no more than 100 versions. Managed HSM Crypto User is enough to manage it, and a registry configured with the versionless URI adopts each new version within an hour of its creation."),
dict(key="S4", style="short", kind="undocumented", category="limits", quals=[], flags=["tool_versions"],
question="oras 1.1.0 and notation 1.1.1 on a cmk acr: is that supported?",
canonical=[L + "notation-signatures-on-cmk-registries"], related=[L + "oci-referrers-api-is-not-supported", T + "oras-and-notation-store-referrers-as-tags"],
facts=["fall back to the **referrers tag schema**"], answer_facts=["notation 1.2.0 and later store signatures"],
truth="Not documented: the docs only say that ORAS 1.2.3 and Notation 1.2.0 or later notice the missing Referrers API on CMK registries and fall back to the referrers tag schema. Older releases aren't covered either way, so move to those versions or newer."),
dict(key="S5", style="short", kind="yes", category="hsm", quals=["hsm", "oct2026"], flags=["tool_versions"],
question="az cli 2.63.0 vs 2.91.0: will acr create take a managed hsm key uri?",
canonical=[O + "managed-hsm-keys"], related=[S + "azure-cli-version-notes-for-cmk-commands", M + "managed-hsm-key-uris", T + "managed-hsm-uri-is-not-a-key-uri"],
facts=["the HSM must be provisioned and activated first"], answer_facts=["passes a managedhsm.azure.net uri through unchanged"],
truth="Yes: neither version checks the host, and both copy a managedhsm.azure.net key URI unchanged into keyIdentifier on az acr create and on rotate-key. Only the help text differs: releases after 2.63 call it an Azure Key Vault or Managed HSM key URI. The service then expects the usual Managed HSM setup."),
dict(key="S6", style="short", kind="troubleshoot", category="troubleshooting", quals=["iac"], flags=["portal_click_path"],
question="portal settings > encryption > customer-managed key greyed out on our standard acr",
canonical=[T + "cmk-needs-the-premium-tier"], related=[O + "cmk-requires-the-premium-sku", T + "key-rotation-fails-on-a-registry-without-cmk", O + "moving-an-existing-registry-to-cmk"],
facts=["Customer-managed key encryption exists only in the Premium tier"], answer_facts=["does not add cmk afterwards"],
truth="A customer-managed key exists only on Premium and only at creation, so a Standard registry can't get one, and upgrading it to Premium wouldn't add it later. Create a new Premium registry, choosing the key under Create container registry > Encryption, and import the images from the old one."),
dict(key="S7", style="short", kind="howto", category="keys", quals=[], flags=[], typo="polcy",
question="which key permissions go into the kv access polcy for the acr identity?",
canonical=[S + "option-b-access-policy-on-an-access-policy-vault"], related=[A + "grant-access-with-a-key-vault-access-policy", T + "invalid-key-permission-names-wrap-and-unwrap", A + "which-permission-model-does-my-key-vault-use"],
facts=["A policy grants these permissions on every key in the vault"], answer_facts=["the permission names are wrapkey and unwrapkey"],
truth="get, wrapKey and unwrapKey: az keyvault set-policy -n <vault> -g <resource group> --object-id <identity principal ID> --key-permissions get unwrapKey wrapKey. The short forms wrap and unwrap are rejected, and this only applies to a vault that uses access policies."),
dict(key="S8", style="short", kind="howto", category="setup", quals=[], flags=[], typo="identty",
question="az acr create flags for a cmk registry with a user-assigned identty",
canonical=[S + "step-7-create-the-premium-registry-with-the-customer-managed-key"], related=[S + "rules-that-az-acr-create-enforces-for-cmk", I + "a-user-assigned-identity-is-required-when-the-registry-is-created", S + "step-6-choose-a-versioned-or-versionless-key-id"],
facts=["`--identity` and `--key-encryption-key` go together."], answer_facts=["not its principal id or client id"],
truth="az acr create -n <registry> -g <resource group> --sku Premium --identity <identity resource ID> --key-encryption-key <key URI>. --identity takes the resource ID, or the bare name if the identity is in the registry's resource group, never the principal or client ID; both CMK options must be given together, and the key URI may be versioned or versionless."),
dict(key="S9", style="short", kind="troubleshoot", category="identity", quals=[], flags=[], typo="atach",
question="rotate-key to our new uami fails, do i have to atach it first",
canonical=[I + "how-rotate-key-interprets-the---identity-value"], related=[I + "switch-to-a-different-user-assigned-identity", K + "rotate-with-a-different-identity-or-the-system-assigned-identity", I + "which-identity-value-goes-where"],
facts=["attach it, grant it access to the key, then rotate to it"], answer_facts=["not attach the identity to the registry"],
truth="Attach it first: rotate-key only writes the identity into the encryption settings and never attaches it to the registry. Run az acr identity assign -n <registry> --identities <identity resource ID>, give its principal ID access to the key, then repeat rotate-key with --identity."),
dict(key="S10", style="short", kind="yes", category="network", quals=[], flags=[],
question="can a subnet rule let our agents create key versions behind the kv firewall?",
canonical=[N + "allow-your-own-clients-through-the-vault-firewall"], related=[N + "the-vault-firewall-covers-the-data-plane-only", N + "allow-trusted-services-and-deny-other-traffic"],
facts=["with the `Microsoft.KeyVault` service endpoint enabled on it"], answer_facts=["these rules are for your clients."],
truth="Yes: add the agents' subnet as a network rule (az keyvault network-rule add --vnet-name <vnet> --subnet <subnet>, with the Microsoft.KeyVault service endpoint on that subnet), or an IP range. Such rules are for your own clients; the registry keeps reaching the key through the trusted-services bypass."),
dict(key="S11", style="short", kind="no", category="iac", quals=["iac"], flags=[],
question="can terraform add a cmk to an existing acr where the cli can't?",
canonical=[C + "customer-managed-keys-in-terraform-bicep-and-arm-templates"], related=[C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep", O + "moving-an-existing-registry-to-cmk"],
facts=["plans an **in-place update**"], answer_facts=["rules do not change with the tool"],
truth="No: the tool doesn't change the service's rule that a registry gets its customer-managed key only at creation. Adding the encryption block makes azurerm plan an in-place update, which the service is expected to refuse; the way there is a new registry plus az acr import."),
dict(key="S12", style="short", kind="why", category="rotation", quals=[], flags=[],
question="why does one acr follow new key versions and another doesn't, same key?",
canonical=[K + "rotating-the-customer-managed-key"], related=[K + "versioned-and-versionless-key-ids", K + "switch-from-manual-to-automatic-rotation", K + "check-which-key-version-the-registry-uses"],
facts=["Follows the newest version automatically"], answer_facts=["depends on the form of key id"],
truth="Because what rotation does depends on the form of key ID each registry was given. The one configured with the versionless URI polls the key store and moves to new versions within an hour; the one created with a versioned URI stays pinned until someone runs az acr encryption rotate-key, for instance to the versionless URI."),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="A1", style="agent", form="imperative", kind="value", category="rotation", quals=[], flags=["quantity_unit"],
question="Tell me how many minutes can pass at most between az keyvault key rotate on crtuna's key and crtuna actually encrypting with the new version, given it was created with a versionless key URI",
canonical=[K + "how-new-key-versions-are-created"], related=[K + "automatic-rotation-with-a-versionless-key-id", K + "rotate-immediately-with-az-keyvault-key-rotate", K + "check-which-key-version-the-registry-uses"],
facts=["Automatic rotation only means the registry **follows** new versions"], answer_facts=["picks up the result within an hour"],
truth="About 60 minutes at most: with a versionless key ID the registry checks the key store and starts using a new version within one hour of its creation, and az keyvault key rotate only produces that version. versionedKeyIdentifier in az acr encryption show confirms when crtuna has switched."),
dict(key="A2", style="agent", form="keywords", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=["quantity_unit"],
question="managed hsm activation for acr cmk: how many rsa wrapping keys the security domain download needs, minimum and maximum, and what the quorum means",
canonical=[M + "provision-and-activate-the-managed-hsm"], related=[T + "managed-hsm-is-not-activated", M + "requirements-for-a-managed-hsm-key-store"],
facts=["Only an initial administrator can do this."], answer_facts=["at least three (at most ten)"],
truth="At least 3 and at most 10 RSA public keys, whose private halves you keep; the quorum is how many of those private keys are needed to decrypt the security domain later, for example 2 of 3. Only an initial administrator can run the download, and the Managed HSM must report activationStatus Active before any key or local role for the registry can be created."),
dict(key="A3", style="agent", form="context", kind="troubleshoot", category="iac", quals=["iac"], flags=["tool_versions"],
question="Context: I copied the Terraform CMK example into a stack pinned to azurerm 4.30.0 on Terraform 1.8.5, and plan rejects rbac_authorization_enabled in the azurerm_key_vault block. Question: what should that line be for this provider version?",
canonical=[C + "complete-terraform-example-with-key-vault-role-assignment-and-registry"], related=[C + "azurerm-4x-removed-encryptionenabled-other-version-changes", C + "common-terraform-and-bicep-errors-with-acr-encryption"],
facts=["`enable_rbac_authorization` removed and `rbac_authorization_enabled` required"], answer_facts=["written for azurerm 4.42 or later"],
truth="Use enable_rbac_authorization = true. The example targets azurerm 4.42 or later, which renamed the argument to rbac_authorization_enabled (the old name is deprecated from then and gone in 5.0), so 4.30.0 only knows the old one. Or upgrade the provider to 4.42.0 or newer and keep the line as written."),
dict(key="A4", style="agent", form="context", kind="howto", category="hsm", quals=["hsm", "iac", "oct2026"], flags=["portal_click_path"],
question="Context: in the portal, Create container registry > Encryption > Select from Key Vault lists mhsm-marlin for crmarlin but none of its keys; the HSM firewall denies public traffic. Question: how do I set marlin-kek without opening the HSM to the internet?",
canonical=[M + "key-picker-blocked-by-the-hsm-firewall"], related=[T + "portal-key-picker-cannot-list-keys-behind-the-managed-hsm-firewall", M + "set-up-a-registry-with-a-managed-hsm-key-in-the-azure-portal", M + "managed-hsm-key-uris"],
facts=["Use **Enter key URI** instead of the picker."], answer_facts=["a data-plane call made from your browser"],
truth="Skip the picker: choose Encryption > Enter key URI and paste https://mhsm-marlin.managedhsm.azure.net/keys/marlin-kek (versionless, so rotation stays automatic), read on a machine inside an allowed network with az keyvault key show --hsm-name mhsm-marlin --name marlin-kek --query key.kid. The firewall only blocks your browser; the trusted-services bypass still lets ACR reach the key, and the identity still needs its Managed HSM local role on /keys/marlin-kek."),
dict(key="A5", style="agent", form="context", kind="no", category="identity", quals=["iac"], flags=["portal_click_path"],
question="Context: in the portal, on Create container registry > Encryption > Customer-managed key, the identity picker only offers user-assigned identities for the new registry crdab. Question: can I select crdab's own system-assigned identity there instead?",
canonical=[I + "a-user-assigned-identity-is-required-when-the-registry-is-created"], related=[I + "switch-to-the-registrys-system-assigned-identity-after-creation", T + "system-assigned-identity-rejected-at-registry-creation", S + "set-up-cmk-in-the-azure-portal"],
facts=["`az acr create` does **not** accept `--identity '[system]'`."], answer_facts=["not the system-assigned one (system mi)"],
truth="No: at creation only a user-assigned identity can be used, because crdab's own identity doesn't exist before the registry does and so can't already have access to the key. Pick a user-assigned identity now. Later you can turn on Settings > Identity > System assigned, grant that identity access to the key, and switch to it under Settings > Encryption > Change key."),
dict(key="A6", style="agent", form="imperative", kind="why", category="troubleshooting", quals=[], flags=[],
question="Explain why crcod can suddenly stop serving pulls when nobody has changed anything on the registry itself, so our on-call runbook says where to look first",
canonical=[T + "troubleshooting-customer-managed-keys"], related=[T + "general-diagnostic-checklist", V + "what-revocation-does-to-the-registry", L + "check-the-encryption-status-of-a-registry"],
facts=["Most failures come from one of these links breaking."], answer_facts=["depends on three things at all times"],
truth="Because a CMK registry leans on three things outside itself all the time: an identity attached to it, that identity's permission on the key, and a key store it can reach over the network (for a Managed HSM also an activated HSM holding a usable RSA-HSM key). A change to any of them, such as a deleted or detached identity, a removed grant, a deleted, disabled or expired key, or a new firewall rule, breaks crcod without touching it. Start with az acr encryption show, az acr identity show and az acr check-health, then the key store's access and network settings."),
dict(key="A7", style="agent", form="imperative", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="Write the commands that print the versionless key URI of pollock-kek in the Managed HSM mhsm-pollock for az acr create, without me typing the HSM host by hand",
canonical=[M + "managed-hsm-key-uris"], related=[K + "versioned-and-versionless-key-ids", T + "managed-hsm-uri-is-not-a-key-uri", M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli"],
facts=["neither is the bare HSM URI without"], answer_facts=["take the host from the hsm's hsmuri"],
truth="KID=$(az keyvault key show --hsm-name mhsm-pollock --name pollock-kek --query key.kid -o tsv) and then echo \"${KID%/*}\". The kid is versioned; cutting its last segment leaves https://mhsm-pollock.managedhsm.azure.net/keys/pollock-kek, which gives automatic rotation. To see the host alone, az keyvault show --hsm-name mhsm-pollock --query properties.hsmUri -o tsv; the Managed HSM's DNS suffix differs outside the global cloud, which is why reading beats typing."),
dict(key="A8", style="agent", form="keywords", kind="howto", category="rotation", quals=[], flags=[],
question="az acr encryption show query for crmackerel: configured key uri, version actually in use, auto rotation flag, time of the last switch",
canonical=[K + "check-which-key-version-the-registry-uses"], related=[S + "step-8-verify-the-encryption-status", L + "check-the-encryption-status-of-a-registry"],
facts=["read-only: when the registry last switched key version"], answer_facts=["exact version the registry is using now"],
truth="az acr encryption show -n crmackerel --query \"{uri:keyVaultProperties.keyIdentifier, current:keyVaultProperties.versionedKeyIdentifier, auto:keyVaultProperties.keyRotationEnabled, switched:keyVaultProperties.lastKeyRotationTimestamp}\". versionedKeyIdentifier is the exact version in use; keyRotationEnabled is true only when keyIdentifier has no version."),
dict(key="A9", style="agent", form="context", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question="Context: our key standard put an expiry date on crherring's key version, the date passed last week, and since then rotate-key re-applying that key fails while docker pulls still work. Question: why only some operations break, and what is the fix?",
canonical=[T + "key-is-disabled-or-expired"], related=[V + "disabling-the-key-instead-a-key-vault-option-not-in-the-acr-docs", K + "how-new-key-versions-are-created", K + "check-which-key-version-the-registry-uses"],
facts=["treat an expired encryption key as a fault to fix straight away"], answer_facts=["still allows unwrap on an expired key"],
truth="An expired version is only half usable: Key Vault still unwraps with it but refuses to wrap, so reads keep working while anything that must wrap with that version, such as re-applying it with rotate-key, fails. The ACR docs don't describe how a registry behaves on an expired key, so fix it now: push the expiry out with az keyvault key set-attributes --vault-name <vault> --name <key> --version <version> --expires <future UTC date>, or better, create a new key version and rotate crherring to it."),
dict(key="A10", style="agent", form="context", kind="yes", category="keys", quals=[], flags=["two_facts"],
question="Context: crsardine's key lives in kv-sardine-old and we are moving it to a new key in kv-sardine-new, keeping the same user-assigned identity. Question: does that identity need its own grant on kv-sardine-new before rotate-key, although it already has access to the old vault?",
canonical=[A + "access-to-a-key-in-a-second-key-vault", K + "move-to-a-different-key-or-to-a-key-in-another-vault"], related=[A + "grant-access-with-an-azure-rbac-role", A + "grant-access-with-a-key-vault-access-policy", K + "manual-rotation-with-az-acr-encryption-rotate-key"],
facts=["Otherwise the rotation leaves the registry unable to reach its key."], answer_facts=["access is granted per vault.", "keep the old vault and key"],
truth="Yes: access is granted vault by vault, so give the identity access on kv-sardine-new in that vault's model (Key Vault Crypto Service Encryption User on an RBAC vault, or get, wrapKey and unwrapKey on an access-policy vault) before running rotate-key; otherwise crsardine ends up unable to reach its key. Keep kv-sardine-old, the old key and its access until az acr encryption show reports the new key."),
dict(key="A11", style="agent", form="imperative", kind="no", category="keys", quals=[], flags=[],
question="Confirm whether an access policy in kv-anchovy can limit the registry identity of cranchovy to its own key, since the vault also holds keys of two other teams",
canonical=[A + "two-supported-ways-to-grant-key-access"], related=[A + "grant-access-with-a-key-vault-access-policy", A + "grant-access-with-an-azure-rbac-role", A + "grant-access-to-a-key-in-a-managed-hsm"],
facts=["access policies cannot be limited to a single key"], answer_facts=["the vault (policies are vault-wide)"],
truth="No: access policies are vault-wide, so get, wrapKey and unwrapKey given to cranchovy's identity apply to every key in kv-anchovy, the other teams' keys included. If that's unacceptable, move the registry key into a vault of its own. Azure RBAC could in principle be scoped to a single key, but the ACR docs scope the service encryption role to the vault; per-key grants are the normal model only in a Managed HSM."),
dict(key="A12", style="agent", form="keywords", kind="undocumented", category="recovery", quals=[], flags=[],
question="kv-wahoo deleted and then purged by mistake, crwahoo registry content recovery options, no backup of the key anywhere",
canonical=[T + "key-vault-or-key-was-deleted"], related=[V + "how-purge-protection-protects-the-registry", V + "revoke-by-deleting-the-key", O + "soft-delete-and-purge-protection-on-the-key-vault"],
facts=["purging is **irreversible**"], answer_facts=["the docs describe no way to recover"],
truth="Not documented: once the vault or key has been purged, the docs describe no way to get the registry's content back; open a case with Azure support. A purge can't be undone, which is why purge protection, itself a one-way setting, is recommended for every CMK vault."),
]

OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind="off-topic", category=OFF, subject="katello", near_miss=True,
question="""We host our internal container images in Katello's registry on a Foreman server, and Foreman encrypts the credentials it stores (compute resource passwords, the login for our upstream registry) with the key in its encryption_key settings file. After an admin left, security wants that key replaced. I've read that simply swapping the file makes every stored secret unreadable. What is the supported way to rotate Foreman's encryption key and re-encrypt what is already in the database?""",
truth="Not covered: Foreman and Katello handle their own database encryption key, and rotating it and re-encrypting stored credentials is a Foreman procedure, unrelated to customer-managed keys for Azure Container Registry."),
dict(key="X2", style="long", kind="off-topic", category=OFF, subject="octopus", near_miss=True,
question="""Octopus Deploy keeps the passwords of our external container registry feeds encrypted with the server's Master Key. We're moving Octopus to a new database server, and at the same time security wants the Master Key replaced because it was pasted into an old ticket. Can the Master Key be rotated in place, and what happens to the registry feed credentials and sensitive variables encrypted with the old one?""",
truth="Not covered: the Octopus Deploy Master Key protects Octopus's own stored secrets; how to replace it is described by Octopus, not by the ACR customer-managed key material."),
dict(key="X3", style="long", kind="off-topic", category=OFF, subject="drone", near_miss=True,
question="""Our Drone CI server stores the pull credentials for our private container registry as encrypted secrets, using the database secret from DRONE_DATABASE_SECRET. That value was committed to a public fork by accident, so it has to change. If I set a new DRONE_DATABASE_SECRET and restart, will Drone re-encrypt the stored registry secrets with the new key, or will every one of them have to be entered again?""",
truth="Not covered: changing Drone CI's database secret and what it does to its stored secrets is a question for the Drone documentation; it has no bearing on ACR encryption with a customer-managed key."),
dict(key="X4", style="long", kind="off-topic", category=OFF, subject="k3s", near_miss=True,
question="""We run a small k3s cluster at the edge that pulls from a private registry mirror configured in registries.yaml, and secrets encryption at rest is switched on for the server nodes. A new policy says that encryption key must be rotated once a year. Is k3s secrets-encrypt rotate-keys safe to run on a cluster with three server nodes, and do the registry pull credentials need to be recreated afterwards?""",
truth="Not covered: rotating the k3s secrets-encryption key is a k3s cluster task with its own documentation; the ACR customer-managed key knowledge says nothing about it."),
dict(key="X5", style="long", kind="off-topic", category=OFF, subject="rancher",
question="""Rancher stores the credentials for the private container registries our downstream clusters pull from, and those are encrypted at rest. Our auditors asked when that encryption key was last rotated, and nobody could answer. Where does Rancher keep that key, and how do I rotate it without breaking the registry credentials the clusters depend on?""",
truth="Not covered: where Rancher keeps its encryption key and how to rotate it is Rancher territory, not part of what the ACR CMK documents describe."),
dict(key="X6", style="long", kind="off-topic", category=OFF, subject="dovecot",
question="""Our mail platform's images come from our own container registry, and the Dovecot container encrypts mailboxes with the mail_crypt plugin using a global key pair. That private key has sat on the same volume for five years and has to be replaced. Can Dovecot keep decrypting existing mail with the old key while new mail is encrypted with the new one, and how is the switch made?""",
truth="Not covered: Dovecot's mail_crypt key pairs encrypt mailboxes, which is outside the ACR customer-managed key knowledge; the Dovecot documentation describes key replacement."),
dict(key="X7", style="agent", form="context", kind="off-topic", category=OFF, subject="rustdesk",
question="Context: the private key of our self-hosted RustDesk server ended up in a shared backup archive. Question: how do I generate a new key pair and get every client to trust the new public key?",
truth="Not covered: regenerating a RustDesk server key pair is a remote-desktop matter with no link to registry encryption in Azure."),
dict(key="X8", style="agent", form="imperative", kind="off-topic", category=OFF, subject="icinga",
question="Explain how to renew the Icinga 2 CA key and re-sign the certificates of all satellites and agents without losing check results",
truth="Not covered: renewing the Icinga 2 certificate authority belongs to Icinga's monitoring setup, and the ACR CMK knowledge has nothing on it."),
dict(key="X9", style="agent", form="keywords", kind="off-topic", category=OFF, subject="guacamole",
question="guacamole json auth secret key leaked, rotate it, keep signed login links from our intranet working during the switch",
truth="Not covered: Apache Guacamole's JSON authentication secret is unrelated to encrypting an Azure container registry with a customer-managed key."),
dict(key="X10", style="short", kind="off-topic", category=OFF, subject="joplin",
question="how do i reset the joplin server admin password?",
truth="Not covered: admin password recovery for Joplin Server isn't something the ACR encryption material addresses."),
dict(key="X11", style="short", kind="off-topic", category=OFF, subject="miniflux",
question="miniflux admin password lost, reset from the command line",
truth="Not covered: resetting a Miniflux account is outside what these registry encryption docs cover."),
dict(key="X12", style="short", kind="off-topic", category=OFF, subject="paperless",
question="how do i change the paperless secret key safely?",
truth="Not covered: the secret key of a Paperless-ngx install has no connection to Azure Container Registry customer-managed keys."),
]

QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"polcy": "policy", "identty": "identity", "atach": "attach"}
SHAPES = ["two_facts", "kql_query", "azure_policy_json", "tool_versions", "quantity_unit", "portal_click_path"]
SEED = 50
ID_PREFIX = "f"

HSM_RE = re.compile(r"\b(managed hsm|hsm|hsms|managedhsm)\b", re.I)
IAC_RE = re.compile(r"\b(portal|terraform|bicep|arm|avm)\b", re.I)


def prose(text):
    return re.sub(r"```.*?```", " ", text, flags=re.S)


def sentences(text):
    parts = re.split(r"(?<=[.!?])\s+|\n\s*\n", text.strip())
    return [p.strip() for p in parts if p.strip()]


def ask_part(text):
    ss = sentences(prose(text))
    asked = [s for s in ss if "?" in s]
    return " ".join(asked) if asked else (ss[-1] if ss else "")


def qual_of(item):
    quals = item.get("quals", [])
    if not quals:
        return "none"
    ask = ask_part(item["question"])
    hit = False
    if "hsm" in quals and HSM_RE.search(ask):
        hit = True
    if "iac" in quals and IAC_RE.search(ask):
        hit = True
    return "asked" if hit else "story"


def build():
    items = [dict(q) for q in QUESTIONS]
    rng = random.Random(SEED)
    while True:
        rng.shuffle(items)
        cats = [q["category"] for q in items]
        if not any(cats[i] == cats[i + 1] == cats[i + 2] for i in range(len(cats) - 2)):
            break
    entries, meta = [], {}
    for n, q in enumerate(items, 1):
        qid = "%s%03d" % (ID_PREFIX, n)
        off = q["kind"] == "off-topic"
        entries.append({
            "id": qid,
            "category": q["category"],
            "question": q["question"],
            "canonical": [] if off else list(q["canonical"]),
            "related": [] if off else list(q["related"]),
            "facts": [] if off else list(q["facts"]),
            "answer_facts": [] if off else list(q["answer_facts"]),
            "source": SOURCE,
            "truth": q["truth"],
        })
        m = {"style": q["style"], "kind": q["kind"]}
        if q["style"] == "agent":
            m["form"] = q["form"]
        m["quals"] = list(q.get("quals", []))
        m["qual"] = qual_of(q)
        for f in q.get("flags", []):
            m[f] = True
        if q.get("typo"):
            m["typo"] = q["typo"]
        if off:
            m["subject"] = q["subject"]
            if q.get("near_miss"):
                m["near_miss"] = True
        meta[qid] = m
    return entries, meta


def render():
    """(blind50.json text, blind50-meta.json text, blind50-first-canonicals.txt text)"""
    entries, meta = build()
    j = json.dumps(entries, indent=1, ensure_ascii=False) + "\n"
    m = json.dumps(meta, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    f = "\n".join(firsts) + "\n"
    return j, m, f


def main(out=HERE):
    j, m, f = render()
    for name, text in (("blind50.json", j), ("blind50-meta.json", m), ("blind50-first-canonicals.txt", f)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
