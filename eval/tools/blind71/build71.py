"""blind71 builder: holds the 60 questions (QUESTIONS) and writes blind71.json, blind71-meta.json and
blind71-first-canonicals.txt. render() returns the three files' exact text (check71.py compares it byte for byte)."""
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
# ---- go_sdk_error ----
dict(key="G1", style="long", kind="troubleshoot", category="network", quals=[], flags=["go_sdk_error", "two_facts"],
question=r"""Our key rotation job is a small Go program that runs in our own datacenter and uses the Azure SDK for Go. Every 60 days it adds a version to kek-oriel in kv-oriel-prod, and crorielprod picks the version up through its versionless key ID. Last Tuesday the security team set the vault's network default to deny, and the next run of the job ended like this:

```text
POST https://kv-oriel-prod.vault.azure.net/keys/kek-oriel/create
--------------------------------------------------------------------------------
RESPONSE 403: 403 Forbidden
ERROR CODE: Forbidden
--------------------------------------------------------------------------------
{
  "error": {
    "code": "Forbidden",
    "innererror": {
      "code": "ForbiddenByFirewall"
    },
    "message": "Client address is not authorized. Client address: 198.51.100.77 [...] Vault: kv-oriel-prod;location=northeurope"
  }
}
--------------------------------------------------------------------------------
```

Pulls and pushes on crorielprod carry on as before. Why is only our own job refused? And what should we change so it can write key versions again without opening the vault to everyone?""",
canonical=[T + "http-403-after-enabling-the-key-vault-firewall", N + "allow-your-own-clients-through-the-vault-firewall"],
related=[N + "the-vault-firewall-covers-the-data-plane-only", N + "allow-trusted-services-and-deny-other-traffic"],
facts=["allow its address on the vault or HSM so your own commands work"],
answer_facts=["The trusted-services exception only covers ACR", "gets through via the trusted-services bypass"],
truth="""ForbiddenByFirewall means the vault's firewall turned down the job's own address: creating a key version is a data-plane call, and since the default action became Deny only allowed networks and trusted Azure services get through. crorielprod keeps working because Container Registry is let through as a trusted Azure service when the vault has the AzureServices bypass, and that exception covers ACR only, not your job. Add the job's outbound address or subnet as a network rule on kv-oriel-prod, for example az keyvault network-rule add --name kv-oriel-prod --ip-address 198.51.100.77, and leave the Deny default and the AzureServices bypass as they are; check that the bypass really is set, because without it automatic rotation of crorielprod fails with 403 as well."""),

dict(key="G2", style="long", kind="troubleshoot", category="keys", quals=[], flags=["go_sdk_error"],
question=r"""We run a key-vending service in Go. For every new registry, a script creates a vault with az keyvault create, and then the service creates the customer-managed key in it; both run as the service principal sp-keyvend. sp-keyvend is Contributor on rg-halvorsen, which always used to be enough. Since the build agents got a newer Azure CLI, the first call on each new vault fails:

```text
POST https://kv-halvorsen-07.vault.azure.net/keys/kek-halvorsen-07/create
--------------------------------------------------------------------------------
RESPONSE 403: 403 Forbidden
ERROR CODE: Forbidden
--------------------------------------------------------------------------------
{
  "error": {
    "code": "Forbidden",
    "message": "Caller is not authorized [...] Vault: kv-halvorsen-07;location=swedencentral",
    "innererror": {
      "code": "ForbiddenByRbac"
    }
  }
}
--------------------------------------------------------------------------------
```

The vaults created before the CLI update still accept the same call. What changed, and which permission should sp-keyvend get on the new vaults?""",
canonical=[T + "operator-cannot-create-the-key-in-an-rbac-vault"],
related=[A + "your-own-permissions-to-create-keys-in-an-rbac-vault", A + "azure-cli-262-and-later-create-rbac-vaults-by-default"],
facts=["This is separate from the registry identity"],
answer_facts=["managing the vault resource is not enough"],
truth="""The ForbiddenByRbac in the body says it: the new vaults use the Azure RBAC permission model, which az keyvault create picks by default since Azure CLI 2.62.0. The older vaults use access policies, and there the CLI gave the principal that created the vault, sp-keyvend, a full access policy, which is what let it create keys; Contributor was never the reason. On an RBAC vault, Contributor on the resource group lets sp-keyvend manage the vault resource but not create keys in it. Give sp-keyvend a data-plane role such as Key Vault Crypto Officer on each new vault (az role assignment create with its object ID, --assignee-principal-type ServicePrincipal, --role "Key Vault Crypto Officer" and the vault's resource ID as --scope), wait a few minutes and retry. That role is for the service only; each registry identity still gets just Key Vault Crypto Service Encryption User."""),

# ---- pulumi_output ----
dict(key="P1", style="long", kind="troubleshoot", category="setup", quals=[], flags=["pulumi_output"],
question="""Our registry stack is a Pulumi program in TypeScript. It creates the identity, gives it the vault's encryption user role on our existing RBAC vault kv-sunniva, and then creates the registry, which lists the role assignment in its dependsOn. The first pulumi up on a clean stack failed:

```text
Updating (prod)

     Type                                                  Name               Status               Info
 +   pulumi:pulumi:Stack                                   registry-prod      **creating failed**  1 error
 +   ├─ azure-native:managedidentity:UserAssignedIdentity  id-sunniva         created (3s)
 +   ├─ azure-native:authorization:RoleAssignment          kv-grant-sunniva   created (12s)
 +   └─ azure-native:containerregistry:Registry            crsunniva          **creating failed**  1 error

Diagnostics:
  azure-native:containerregistry:Registry (crsunniva):
    error: autorest/azure: Service returned an error. Status=400 Code="BadRequest" Message="Failed to access KeyId 'https://kv-sunniva.vault.azure.net/keys/kek-sunniva'. [...]"

  pulumi:pulumi:Stack (registry-prod):
    error: update failed

Resources:
    + 2 created
    2 errored

Duration: 34s
```

Running pulumi up again ten minutes later created crsunniva without complaint. The ordering is there, so why did the first run fail, and how do we make a fresh stack come up in one go?""",
canonical=[A + "grant-access-with-an-azure-rbac-role"],
related=[T + "registry-creation-cannot-access-the-key", C + "why-the-registry-needs-depends_on-on-the-role-assignment"],
facts=["If `az acr create` fails on key access right after the assignment, wait and retry."],
answer_facts=["a few minutes to take effect"],
truth="""Because a new role assignment can take a few minutes to take effect: dependsOn made crsunniva wait until kv-grant-sunniva existed, but seconds after its creation the grant was not yet honoured, so the registry could not use kek-sunniva at creation time. The second run found the assignment active. To get a fresh stack through in one go, put a pause of a few minutes between kv-grant-sunniva and crsunniva (for example a sleep resource the registry depends on) or retry the registry creation; the length of the wait is not documented, so pick it generously."""),

dict(key="P2", style="long", kind="troubleshoot", category="iac", quals=["iac"], flags=["pulumi_output"],
question="""We are moving our registries from an ARM template to Pulumi. The ported program sets the encryption of the registry like this:

```typescript
encryption: {
    status: "enabled",
    keyVaultProperties: {
        identity: regIdentity.principalId,
        keyIdentifier: cmkKey.keyUriWithVersion,
    },
},
```

The identity is attached to the registry as user-assigned and holds the vault role. pulumi up fails every time:

```text
     Type                                                  Name          Status               Info
 +   pulumi:pulumi:Stack                                   acr-vesna     **creating failed**  1 error
 +   └─ azure-native:containerregistry:Registry            crvesna       **creating failed**  1 error

Diagnostics:
  azure-native:containerregistry:Registry (crvesna):
    error: autorest/azure: Service returned an error. Status=400 Code="BadRequest" Message="The identity '3c5e1f0a-7b2d-4e8c-9a61-5d0f2b8e4c17' configured for encryption could not be used."

  pulumi:pulumi:Stack (acr-vesna):
    error: update failed
```

The GUID in the message is the identity's principal ID. Which identity value does keyVaultProperties want there?""",
canonical=[S + "set-up-cmk-with-an-arm-template"],
related=[I + "which-identity-value-goes-where", C + "arm-template-json-propertiesencryption-and-keyvaultproperties"],
facts=["A principal ID or resource ID here does not work."],
answer_facts=["is the identity's **client ID**"],
truth="""The client ID: keyVaultProperties.identity must carry the identity's client ID, not its principal ID (and not its resource ID), so crvesna fails as long as principalId is passed. Use regIdentity.clientId there; the principal ID belongs in the role assignment that gives the identity access to the key. The identity's resource ID stays in the registry's userAssignedIdentities with the UserAssigned type, exactly as in the ARM template you came from."""),

dict(key="P3", style="long", kind="no", category="limits", quals=["iac"], flags=["pulumi_output"],
question="""crhedda is a Premium registry we created three years ago with Bicep, without encryption; since then it has been imported into our Pulumi stack. Compliance now asks for a customer-managed key on it, so I added the encryption settings (identity, key URI) to the existing Registry resource. pulumi up plans an update and then fails:

```text
     Type                                        Name           Status              Info
     pulumi:pulumi:Stack                         platform-acr   **failed**          1 error
 ~   └─ azure-native:containerregistry:Registry  crhedda        **updating failed** [diff: ~encryption]; 1 error

Diagnostics:
  azure-native:containerregistry:Registry (crhedda):
    error: autorest/azure: Service returned an error. Status=400 Code="BadRequest" Message="[...] encryption [...] cannot be changed for an existing registry."

  pulumi:pulumi:Stack (platform-acr):
    error: update failed
```

Is there a Pulumi setting that gets the key onto crhedda while keeping the registry and its 900 repositories, or is a replacement the only way?""",
canonical=[C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep"],
related=[O + "moving-an-existing-registry-to-cmk", O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
facts=["Safer: declare a second, CMK-enabled registry under a new name"],
answer_facts=["only when the registry is created"],
truth="""No: no tool setting helps, because ACR takes a customer-managed key only at creation; an update of crhedda that adds encryption is refused by the service whatever sends it. Forcing a replacement would delete crhedda with every image in it. Create a second Premium registry with the key under a new name, copy the repositories over with az acr import, point clients and pipelines at the new login server, and delete crhedda only after checking that everything arrived."""),

dict(key="P4", style="long", kind="howto", category="identity", quals=["iac"], flags=["pulumi_output"],
question="""In Bicep our role assignments for registry identities never gave trouble. In the Pulumi version of the same stack, the assignment for a newly created identity fails on roughly every third run:

```text
     Type                                                  Name               Status               Info
 +   pulumi:pulumi:Stack                                   acr-odalys         **creating failed**  1 error
 +   ├─ azure-native:managedidentity:UserAssignedIdentity  id-odalys          created (2s)
 +   └─ azure-native:authorization:RoleAssignment          kv-grant-odalys    **creating failed**  1 error

Diagnostics:
  azure-native:authorization:RoleAssignment (kv-grant-odalys):
    error: autorest/azure: Service returned an error. Status=400 Code="PrincipalNotFound" Message="Principal 6d1a9e3f02b84c57a1e0c4f7b9d2a816 does not exist in the directory [...]"

  pulumi:pulumi:Stack (acr-odalys):
    error: update failed
```

The RoleAssignment takes principalId from the new identity, the role definition ID of the vault's encryption user role and the vault as scope; principalType is not set. How should we declare the assignment so that it stops failing for brand-new identities?""",
canonical=[A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities"],
related=[A + "grant-access-with-an-azure-rbac-role", C + "bicep-registry-with-a-customer-managed-key"],
facts=["A managed identity counts as `ServicePrincipal` there."],
answer_facts=["has not yet replicated"],
truth="""Declare kv-grant-odalys with principalType set to ServicePrincipal, next to the identity's principalId (its object ID) and the vault as scope. For managed identities the docs pair the object ID with the ServicePrincipal principal type precisely so that the grant does not wait on a directory lookup, which fails while a brand-new identity has not yet replicated (on the CLI: --assignee-object-id with --assignee-principal-type ServicePrincipal). The Bicep registry example sets principalType: 'ServicePrincipal' as well, which is the likely reason your Bicep version never failed."""),

dict(key="P5", style="long", kind="troubleshoot", category="keys", quals=["hsm", "oct2026"], flags=["pulumi_output"],
question="""Our auditors want the registry key to be HSM-protected. We looked at a Managed HSM but decided to stay with a normal key vault, so the Pulumi program creates a vault with sku name standard and then a key with kty RSA-HSM and size 3072. The vault comes up, the key does not:

```text
     Type                                        Name            Status               Info
 +   pulumi:pulumi:Stack                         keys-maelle     **creating failed**  1 error
 +   ├─ azure-native:keyvault:Vault              kv-maelle       created (21s)
 +   └─ azure-native:keyvault:Key                kek-maelle      **creating failed**  1 error

Diagnostics:
  azure-native:keyvault:Key (kek-maelle):
    error: autorest/azure: Service returned an error. Status=400 Code="BadRequest" Message="[...] RSA-HSM [...] not allowed [...]"

  pulumi:pulumi:Stack (keys-maelle):
    error: update failed
```

Why is the key refused when the vault itself was created fine, and what is the smallest change that still gives us a hardware-protected key?""",
canonical=[O + "rsa-hsm-keys-need-a-premium-key-vault"],
related=[T + "rsa-hsm-key-creation-fails-in-a-standard-vault", O + "which-key-types-and-sizes-are-supported"],
facts=["there is no\nvault SKU involved"],
answer_facts=["supports software-protected `RSA` keys only"],
truth="""Because an RSA-HSM key can be created only in a Premium-tier key vault, and kv-maelle is on the standard tier, which holds software-protected RSA keys only; the vault itself is fine, only the key type is not allowed in it. The smallest change that keeps an HSM-protected key is a vault with the premium sku (for example a new Premium vault for kek-maelle, with the registry identity's access granted there). That tier rule is about key vaults only: in a Managed HSM every key is HSM-backed and there is no vault tier to pick."""),

# ---- webvtt_transcript ----
dict(key="W1", style="long", kind="no", category="recovery", quals=["oct2026"], flags=["webvtt_transcript"],
question="""From the transcript of yesterday's change advisory call about crbirk, whose key kek-birk has versions going back to 2025:

```text
WEBVTT

00:12:04.310 --> 00:12:11.020
<v Ingrid Halvorsen>The 2025 version of kek-birk is retired, so let's just delete that one version and keep the rest.

00:12:11.540 --> 00:12:18.900
<v Tomasz Wrona>There is no delete for a single version. The delete command takes the whole key with it.

00:12:19.300 --> 00:12:26.480
<v Priyanka Desai>I remember the rotate and revoke tutorial talking about deleting individual versions, though.
```

Can we delete only the 2025 version of kek-birk without affecting crbirk?""",
canonical=[V + "revoke-by-deleting-the-key"],
related=[V + "what-revocation-does-to-the-registry", V + "recover-a-deleted-key"],
facts=["Deleting the key with `az keyvault key delete` cuts the registry off from every key version at once"],
answer_facts=["it cannot delete just one key version"],
truth="""No: az keyvault key delete removes the whole key with all its versions and cannot delete just one, so Tomasz is right. Deleting kek-birk would cut crbirk off from all of its content, exactly like a revocation, until the key is recovered from soft delete. The wording about individual versions that Priyanka remembers was in revisions of the tutorial before October 2026 and is gone now. If crbirk uses the versionless key ID it already works with the newest version, so the old version can simply stay."""),

dict(key="W2", style="long", kind="yes", category="hsm", quals=["hsm", "oct2026"], flags=["webvtt_transcript", "two_facts"],
question="""Part of the transcript from our architecture review, where we argued about where the key for the new registry crkestrel should live:

```text
WEBVTT

00:41:02.120 --> 00:41:09.600
<v Marisol Quintero>We already run hsm-kestrel for payments. I'd put the registry key in there too.

00:41:10.050 --> 00:41:17.330
<v Bjarke Lund>The container registry tutorials never mention Managed HSM. Last time I checked, it wasn't a supported key store.

00:41:17.900 --> 00:41:24.410
<v Marisol Quintero>The CLI help for the key option talks about Managed HSM key URIs, so something must have changed.
```

Is a key in our Managed HSM a supported customer-managed key for crkestrel today? And which of the two is right?""",
canonical=[O + "managed-hsm-keys", M + "managed-hsm-is-a-supported-key-store-for-acr-cmk"],
related=[M + "requirements-for-a-managed-hsm-key-store", L + "managed-hsm-is-not-available-everywhere"],
facts=["the HSM must be provisioned and activated first"],
answer_facts=["Managed HSM as a supported key store", "store it unchanged, whatever its host name"],
truth="""Yes: since the October 2026 revision of the ACR customer-managed key tutorials, an Azure Key Vault Managed HSM is a documented, supported key store for a registry's customer-managed key, so Marisol is right and Bjarke's reading matches the older revisions. The CLI agrees: az acr create and rotate-key pass a managedhsm.azure.net key URI through unchanged. For crkestrel, hsm-kestrel must be activated, the key must be RSA-HSM allowing wrapKey and unwrapKey, the registry's identity needs the local role Managed HSM Crypto Service Encryption User (best at /keys/<key-name>), which you assign yourself, and Managed HSM has to exist in the registry's cloud and region."""),

dict(key="W3", style="long", kind="why", category="limits", quals=[], flags=["webvtt_transcript"],
question="""We are doing a post-incident review of a failed image build on crlorcan, which got its customer-managed key when we created it last month. Excerpt from the call transcript:

```text
WEBVTT

00:03:15.700 --> 00:03:21.240
<v Oskar Lindqvist>The task log for Monday's failed run is gone. Did somebody purge the run history?

00:03:21.800 --> 00:03:29.060
<v Amaya Ferrer>Nobody touched it. I think that registry only holds on to task logs for a day.

00:03:29.500 --> 00:03:35.950
<v Oskar Lindqvist>Then we raise the log retention on crlorcan and the problem is solved.
```

Why did the log of Monday's ACR Tasks run disappear by Wednesday, and is raising a retention setting on crlorcan the way to keep them?""",
canonical=[L + "acr-tasks-run-logs-are-kept-for-only-24-hours"],
related=[L + "export-task-run-logs-before-they-expire", T + "task-run-logs-disappear-after-24-hours"],
facts=["copy them out while they exist"],
answer_facts=["retained for **24 hours** only"],
truth="""Because crlorcan is encrypted with a customer-managed key, and on such a registry ACR Tasks keeps run logs for only 24 hours; Amaya is right, nobody purged anything. There is no retention setting that extends this, so raising one on crlorcan is not an option. Keep the logs by copying them out within a day, for example by having the pipeline that starts each run save az acr task logs --registry crlorcan --run-id <run ID> to a file or to a storage account."""),

dict(key="W4", style="long", kind="value", category="recovery", quals=[], flags=["webvtt_transcript"],
question="""Transcript excerpt from our disaster recovery tabletop for crsolberg, whose key sits in kv-solberg-prod (created with retention days set to 7, purge protection on):

```text
WEBVTT

00:22:40.180 --> 00:22:46.720
<v Henrik Aas>If someone deletes kv-solberg-prod, the registry content is lost for good, full stop.

00:22:47.100 --> 00:22:53.880
<v Leilani Kahale>No, a deleted vault can be recovered. We have the usual 90 days.

00:22:54.300 --> 00:23:01.150
<v Chidi Okafor>Only seven days for this vault, I set it that way when I created it. Purge protection doesn't stretch that.
```

How long do we actually have to bring kv-solberg-prod back after a deletion, and does purge protection change that window?""",
canonical=[O + "soft-delete-and-purge-protection-on-the-key-vault"],
related=[O + "soft-delete-and-purge-protection-behaviour-in-key-vault", V + "recover-a-deleted-key-vault"],
facts=["It is off by default, needs soft delete, and cannot be turned off once on."],
answer_facts=["retention period of 7 to 90 days"],
truth="""Seven days: a deleted vault and its keys stay recoverable for the retention period chosen when the vault was created, anything from 7 to 90 days (90 is only the default), so Chidi is right. Purge protection does not lengthen that period; it makes sure nobody can purge the vault or key early, so it stays recoverable for the full seven days. During that time, az keyvault recover --name kv-solberg-prod brings it back; if the vault uses RBAC, re-create the registry identity's role assignment afterwards."""),

dict(key="W5", style="long", kind="undocumented", category="recovery", quals=[], flags=["webvtt_transcript"],
question="""We are planning a revocation drill for crvidar. From the planning call:

```text
WEBVTT

00:08:11.400 --> 00:08:17.950
<v Saoirse Byrne>For the drill we just disable kek-vidar in kv-vidar. The container registry docs list that as a way to revoke.

00:08:18.300 --> 00:08:24.770
<v Rafael Moretti>I don't think they mention disabling at all, only taking away access or deleting the key.

00:08:25.200 --> 00:08:30.640
<v Saoirse Byrne>Either way, disabling is easy to undo, so it is the safer choice.
```

What do the docs say will happen to crvidar if we disable its key?""",
canonical=[V + "disabling-the-key-instead-a-key-vault-option-not-in-the-acr-docs"],
related=[T + "key-is-disabled-or-expired", V + "what-revocation-does-to-the-registry"],
facts=["expect it to block the registry the same way, and test before relying on it"],
answer_facts=["not list disabling or expiring the key"],
truth="""Not documented: the ACR articles name only two ways to revoke, removing the identity's access and deleting the key, so Rafael is right and disabling kek-vidar is not among them. Key Vault refuses cryptographic operations on a disabled key, so expect crvidar to be blocked the same way as by a revocation, and re-enabling (az keyvault key set-attributes --enabled true) should bring it back, but the docs give no registry-side description of this. For a drill that follows the docs, remove the identity's role assignment or access policy and restore it afterwards."""),

# ---- terraform_test_run ----
dict(key="T1", style="long", kind="howto", category="rotation", quals=["iac"], flags=["terraform_test_run"],
question="""Our Terraform module for CMK registries got its first tests. The module sets key_vault_key_id to azurerm_key_vault_key.cmk.id, and a colleague wrote a test that expects the versionless form:

```text
tests/encryption.tftest.hcl... in progress
  run "registry_is_premium"... pass
  run "follows_new_key_versions"... fail
╷
│ Error: Test assertion failed
│
│   on tests/encryption.tftest.hcl line 21, in run "follows_new_key_versions":
│   21:     condition     = endswith(azurerm_container_registry.this.encryption[0].key_vault_key_id, "/keys/${azurerm_key_vault_key.cmk.name}")
│
│ the registry should move to new key versions by itself
╵
tests/encryption.tftest.hcl... tearing down
tests/encryption.tftest.hcl... fail

Failure! 1 passed, 1 failed.
```

We do want the registries to pick up new key versions without anyone touching them. Is the test or the module wrong, and what should the Terraform module pass instead?""",
canonical=[C + "automatic-key-rotation-in-terraform-versionless_id-vs-id"],
related=[C + "terraform-azurerm_container_registry-encryption-block", K + "versioned-and-versionless-key-ids"],
facts=["The resource's `id` keeps the version from when Terraform created the key."],
answer_facts=["moves to new versions within one hour"],
truth="""The module is wrong and follows_new_key_versions is right: azurerm_key_vault_key.cmk.id is the versioned key URI, which pins the registry to the version Terraform created, so it never moves on by itself. Pass azurerm_key_vault_key.cmk.versionless_id to key_vault_key_id; the registry then moves to each new key version within an hour of its creation. The versions still have to be made somewhere, for example by a rotation_policy block on the key or outside Terraform, because the registry only follows them."""),

dict(key="T2", style="long", kind="troubleshoot", category="iac", quals=["iac"], flags=["terraform_test_run"],
question="""Last sprint we bumped the azurerm provider of our registry module from 3.117 to 4.x. Every terraform test run now stops at the first plan:

```text
tests/cmk.tftest.hcl... in progress
  run "plan_encrypted_registry"... fail
╷
│ Error: Unsupported argument
│
│   on main.tf line 33, in resource "azurerm_container_registry" "this":
│   33:     enabled            = true # from the 3.x module
╵
tests/cmk.tftest.hcl... tearing down
tests/cmk.tftest.hcl... fail

Failure! 0 passed, 1 failed.
```

(I cut the detail line, which only says the argument is not expected there.) Line 33 sits inside the encryption block, next to the key URI and the client ID arguments. What do we change for Terraform with the new provider, and will the registries still be encrypted afterwards?""",
canonical=[C + "azurerm-4x-removed-encryptionenabled-other-version-changes"],
related=[C + "terraform-azurerm_container_registry-encryption-block", C + "common-terraform-and-bicep-errors-with-acr-encryption"],
facts=["keep the block for every CMK registry"],
answer_facts=["the block's presence enables CMK"],
truth="""Delete the enabled line: azurerm 4.0.0 removed encryption.enabled, and from then on the presence of the encryption block is what turns the customer-managed key on, so plan_encrypted_registry passes once the argument is gone. The registries stay encrypted; the block with key_vault_key_id and identity_client_id still describes them, and CMK cannot be switched off on an existing registry anyway. Keep the block on every CMK registry: with azurerm 5.0 a missing block plans a change that the upgrade guide calls disabling encryption."""),

dict(key="T3", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "iac", "oct2026"], flags=["terraform_test_run"],
question="""Our Terraform module for the new registry crquillan takes its key from the Managed HSM hsm-quillan. The module is pinned to azurerm 4.52, and var.cmk_key_uri is filled from the id attribute of the HSM key resource. terraform test fails before anything is created:

```text
tests/hsm.tftest.hcl... in progress
  run "hsm_key_registry"... fail
╷
│ Error: parsing "https://hsm-quillan.managedhsm.azure.net/keys/kek-quillan": Managed HSM IDs are not supported [...]
│
│   with azurerm_container_registry.this,
│   on main.tf line 18, in resource "azurerm_container_registry" "this":
│   18:     key_vault_key_id   = var.cmk_key_uri
╵
tests/hsm.tftest.hcl... tearing down
tests/hsm.tftest.hcl... fail

Failure! 0 passed, 1 failed.
```

From which azurerm release on does the registry resource take a key from a Managed HSM? And is that id attribute the right URI if crquillan should follow new key versions?""",
canonical=[C + "managed-hsm-key-in-terraform"],
related=[C + "azurerm-4x-removed-encryptionenabled-other-version-changes", M + "managed-hsm-key-uris"],
facts=["older versions reject any `.managedhsm.` URI in `key_vault_key_id`"],
answer_facts=["Use azurerm **4.65.0 or later**"],
truth="""azurerm 4.65.0 or later: older providers reject any Managed HSM key URI in key_vault_key_id, which is what hsm_key_registry runs into on 4.52. And yes, id is the right attribute: on azurerm_key_vault_managed_hardware_security_module_key it is the versionless URI (versioned_id is the pinned one, and there is no versionless_id), so crquillan follows new versions with it. Give the registry identity the Managed HSM Crypto Service Encryption User role with azurerm_key_vault_managed_hardware_security_module_role_assignment, not azurerm_role_assignment, and list that assignment in depends_on; the ACR docs support Managed HSM keys since their October 2026 revision."""),

dict(key="T4", style="long", kind="howto", category="identity", quals=["iac"], flags=["terraform_test_run"],
question="""A Terraform test of our registry module fails at plan. The module gets the identity passed in as a variable and uses it in two places:

```text
tests/identity.tftest.hcl... in progress
  run "encryption_identity"... fail
╷
│ Error: expected "encryption.0.identity_client_id" [...] got /subscriptions/4f0c2a77-1d3e-4b5a-9c8d-2e6f7a1b3c90/resourceGroups/rg-ivarsen/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-ivarsen
│
│   with azurerm_container_registry.this,
│   on main.tf line 24, in resource "azurerm_container_registry" "this":
╵
tests/identity.tftest.hcl... tearing down
tests/identity.tftest.hcl... fail

Failure! 0 passed, 1 failed.
```

Which attribute of id-ivarsen belongs in identity_client_id, and does the identity also need to appear somewhere else on the registry resource?""",
canonical=[C + "terraform-azurerm_container_registry-encryption-block"],
related=[C + "common-terraform-and-bicep-errors-with-acr-encryption", I + "which-identity-value-goes-where"],
facts=["The identity in `encryption` must also be listed in `identity_ids`."],
answer_facts=["the user-assigned identity's `client_id`"],
truth="""Its client_id: identity_client_id must be a UUID, the client ID of the user-assigned identity, so pass azurerm_user_assigned_identity's client_id (not its id, which encryption_identity shows being passed, and not principal_id, which belongs in the role assignment). Yes, the same identity must also be on the registry itself: an identity block with type UserAssigned and identity_ids holding its resource id. The key access grant uses its principal_id."""),

dict(key="T5", style="long", kind="troubleshoot", category="setup", quals=["iac"], flags=["terraform_test_run"],
question="""To keep costs down, our Terraform tests create throwaway registries with sku set by a variable that defaults to Standard in the test file. Since we added the encryption block, the test no longer gets past the registry:

```text
tests/smoke.tftest.hcl... in progress
  run "create_registry"... fail
╷
│ Error: an ACR encryption can only be applied [...] Premium Sku
│
│   with azurerm_container_registry.this,
│   on main.tf line 9, in resource "azurerm_container_registry" "this":
╵
tests/smoke.tftest.hcl... tearing down
tests/smoke.tftest.hcl... fail

Failure! 0 passed, 1 failed.
```

Can we keep testing the encrypted registry on Standard to save money, perhaps by creating it without the key and adding the key later in the test?""",
canonical=[O + "cmk-requires-the-premium-sku"],
related=[T + "cmk-needs-the-premium-tier", C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep"],
facts=["Registries on the Basic or Standard SKU cannot use a customer-managed key."],
answer_facts=["Customer-managed keys are a Premium-tier feature"],
truth="""create_registry cannot pass on Standard: a customer-managed key is a Premium-only feature, so an encrypted registry has to be created with sku Premium, and the provider stops the plan when it is not. Adding the key later in the test does not work either, because CMK can only be set when the registry is created and an upgrade to Premium afterwards does not add it. Set the test variable to Premium for the encrypted case and destroy the registry at the end of the run; keep the Standard registries for tests that do not touch encryption."""),

# ---- compose_file ----
dict(key="C1", style="long", kind="howto", category="setup", quals=[], flags=["compose_file"],
question="""Our branch servers run the file below against crnorrland, a Premium registry that has run for two years without a customer-managed key. Our auditors now ask for one, and my attempt to add it with az acr encryption rotate-key was refused because the registry has no CMK.

```yaml
services:
  ledger:
    image: crnorrland.azurecr.io/branch/ledger:4.2.1
    restart: unless-stopped
  tillsync:
    image: crnorrland.azurecr.io/branch/tillsync:1.9.0
    restart: unless-stopped
  receiptprinter:
    image: crnorrland.azurecr.io/branch/receipt-printer:2.0.3
```

What is the way to get these images onto a CMK-encrypted registry, and what has to change on the branch servers?""",
canonical=[T + "key-rotation-fails-on-a-registry-without-cmk"],
related=[O + "moving-an-existing-registry-to-cmk", O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
facts=["Repoint clients to the new registry."],
answer_facts=["an existing registry cannot be converted"],
truth="""A new registry: CMK can only be chosen when a registry is created and crnorrland cannot be converted, which is why rotate-key refused it. Create a new Premium registry (for example crnorrlandcmk) with a user-assigned identity that already has access to the key, copy each repository and tag from crnorrland with az acr import, and then change the image references of ledger, tillsync and receiptprinter on every branch server to the new login server (crnorrlandcmk.azurecr.io), with credentials for it. Delete crnorrland only after checking that everything was copied, since that cannot be undone."""),

dict(key="C2", style="long", kind="howto", category="identity", quals=[], flags=["compose_file"],
question="""The hosts in our two warehouses run this against crtamsin. The registry reaches its customer-managed key as id-tamsin-old, a user-assigned identity. Security wants the registry switched to a new identity, id-tamsin-new, and the old one deleted afterwards.

```yaml
services:
  scanbridge:
    image: crtamsin.azurecr.io/wh/scanbridge:7.3.0
  labelqueue:
    image: crtamsin.azurecr.io/wh/labelqueue:2.11.4
    depends_on:
      - scanbridge
```

The vault uses Azure RBAC. In which order do we do the switch so that the warehouse hosts can keep pulling the whole time?""",
canonical=[I + "switch-to-a-different-user-assigned-identity"],
related=[I + "the-encryption-identity-cannot-simply-be-removed", K + "rotate-with-a-different-identity-or-the-system-assigned-identity"],
facts=["attach it, grant it access to the key, then rotate to it"],
answer_facts=["reports the new client ID"],
truth="""Attach first, grant second, rotate third, remove last. Attach id-tamsin-new to crtamsin (az acr identity assign with its resource ID), give it Key Vault Crypto Service Encryption User on the vault through its principal ID, then run az acr encryption rotate-key with the same key URI and --identity pointing at id-tamsin-new. Wait until az acr encryption show lists id-tamsin-new's client ID; only then take id-tamsin-old's role away, detach it and delete it. At every step the registry can reach its key, so scanbridge and labelqueue keep pulling; removing the old identity earlier would cut the registry off from its key."""),

dict(key="C3", style="long", kind="troubleshoot", category="recovery", quals=[], flags=["compose_file", "two_facts"],
question="""This morning a clean-up script deleted kv-brannock, the RBAC vault that holds the key of crbrannock. Since then the hosts that run the file below cannot pull anything, and the containers that were already running are the only thing keeping us going.

```yaml
services:
  quoteengine:
    image: crbrannock.azurecr.io/sales/quoteengine:3.0.2
    restart: always
  pricefeed:
    image: crbrannock.azurecr.io/sales/pricefeed:1.4.7
    restart: always
```

Can we get kv-brannock back, and will the pulls work again as soon as it is recovered?""",
canonical=[T + "key-vault-or-key-was-deleted", V + "re-create-rbac-role-assignments-after-recovering-a-vault"],
related=[V + "recover-a-deleted-key-vault", O + "soft-delete-and-purge-protection-on-the-key-vault"],
facts=["Do **not** purge the deleted vault, HSM or key"],
answer_facts=["its Azure role assignments are removed", "Access policies are part of the vault"],
truth="""kv-brannock can be brought back within the vault's soft-delete retention period: az keyvault recover --name kv-brannock brings the vault back with its keys. The pulls for quoteengine and pricefeed will not work at once, though: deleting an RBAC vault removed its role assignments and recovering it does not restore them, so create crbrannock's identity's Key Vault Crypto Service Encryption User assignment on the vault again (its principal ID, scope the vault's resource ID). Once that is in effect the registry can use its key and pulls resume. Do not purge anything, and turn on purge protection if it is off."""),

dict(key="C4", style="long", kind="undocumented", category="network", quals=[], flags=["compose_file"],
question="""The hosts in our factory network run the file below and reach the registry only through its private endpoint; public network access on the registry is switched off. We are about to replace it with crfaroe, a new registry with a customer-managed key; the setup must stay the same.

```yaml
services:
  plcgateway:
    image: crfaroe.azurecr.io/ot/plcgateway:5.1.0
  historian:
    image: crfaroe.azurecr.io/ot/historian:8.0.12
```

Is a CMK registry that clients reach only through its private endpoint, with public network access off, a supported combination?""",
canonical=[N + "registry-private-endpoints-and-cmk-are-not-covered-by-the-docs"],
related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", L + "feature-compatibility-summary"],
facts=["The key store side rules above (trusted services, identity access) apply regardless of how clients reach the registry."],
answer_facts=["Treat it as undocumented"],
truth="""Not documented: the ACR customer-managed key docs only cover the key store behind a firewall or private endpoint, and say nothing about a CMK registry that itself sits behind a private endpoint with public access disabled, neither as supported nor as a limitation. Test crfaroe with plcgateway and historian pulling through the endpoint before you rely on it, and ask Microsoft support if you need a guarantee. Whatever the registry side, the key store must still let the registry in as a trusted service and its identity needs its key access."""),

dict(key="C5", style="long", kind="yes", category="limits", quals=[], flags=["compose_file"],
question="""We run the same compose file on hosts in two regions, and each host pulls from the nearest replica of our geo-replicated registry. The replacement registry, crvaldis, gets a customer-managed key when we create it.

```yaml
services:
  routeplanner:
    image: crvaldis.azurecr.io/fleet/routeplanner:12.2.0
  etacalc:
    image: crvaldis.azurecr.io/fleet/etacalc:4.0.9
```

Does geo-replication keep working for crvaldis with its key in place, so that both regions keep pulling from a local replica?""",
canonical=[L + "geo-replication-works-with-cmk"],
related=[L + "feature-compatibility-summary", L + "geo-replication-with-a-managed-hsm-key"],
facts=["The docs state no other CMK-specific geo-replication limit."],
answer_facts=["follow Azure Key Vault's failover and redundancy"],
truth="""Yes: geo-replication and a customer-managed key can be combined on a Premium registry, so crvaldis can have a replica in each region and the hosts running routeplanner and etacalc can keep pulling locally. The geo-replication article's only CMK advice is to follow Azure Key Vault's failover and redundancy guidance, since every replica depends on the same key; it names no other CMK-specific limit."""),

# ---- unshaped ----
dict(key="L1", style="long", kind="howto", category="hsm", quals=["hsm", "iac", "oct2026"], flags=[],
question="""We are creating crsaffron through the portal, using a key that lives in our Managed HSM hsm-saffron. The HSM is activated, kek-saffron is RSA-HSM and permits wrapKey as well as unwrapKey, and the user-assigned identity id-saffron exists. On the Encryption tab we have to choose between picking the key from the list and typing its URI.

We want crsaffron to follow new versions of kek-saffron without anyone running commands later. Which key URI form should we give the portal for that, and does the portal set up the role for id-saffron on the HSM when we save, or is that our job beforehand?""",
canonical=[M + "set-up-a-registry-with-a-managed-hsm-key-in-the-azure-portal"],
related=[S + "set-up-cmk-in-the-azure-portal", M + "managed-hsm-key-uris"],
facts=["without it the registry cannot be created"],
answer_facts=["stores the chosen key **without a version**"],
truth="""The versionless form, https://hsm-saffron.managedhsm.azure.net/keys/kek-saffron: either pick the key with Select from Key Vault, which now lists Managed HSMs and stores the key without a version, or paste that URI under Enter key URI; both turn automatic rotation on. The role is your job: before creating crsaffron, assign Managed HSM Crypto Service Encryption User to id-saffron under the HSM's Settings > Local RBAC, scoped to kek-saffron. Neither the portal nor ACR creates it, and without it the registry cannot be created. If the HSM firewall is on, allow trusted services first."""),

dict(key="L2", style="long", kind="howto", category="rotation", quals=[], flags=["two_facts"],
question="""crmeridel has used kek-meridel in our shared team vault kv-platform-shared since it was created. We now have a dedicated vault, kv-meridel-keys (RBAC permission model), and want the registry's key to live there from now on, with automatic rotation. The registry keeps its user-assigned identity id-meridel.

What exactly has to happen on kv-meridel-keys before we run az acr encryption rotate-key? And can we delete kek-meridel from the shared vault as soon as the command returns?""",
canonical=[K + "move-to-a-different-key-or-to-a-key-in-another-vault", A + "access-to-a-key-in-a-second-key-vault"],
related=[K + "manual-rotation-with-az-acr-encryption-rotate-key", A + "grant-access-with-an-azure-rbac-role"],
facts=["Keep the old vault and key, with access, until `az acr encryption show` reports the new key."],
answer_facts=["grant the identity access there first", "Access is granted per vault"],
truth="""First give id-meridel Key Vault Crypto Service Encryption User on kv-meridel-keys (its principal ID, scoped to the vault's resource ID), because access is granted per vault and its grant on the shared vault does not count there; then create the new key in kv-meridel-keys. Rotate with its versionless key ID so that automatic rotation stays on: az acr encryption rotate-key --name crmeridel --key-encryption-key https://kv-meridel-keys.vault.azure.net/keys/<new key> --identity id-meridel. Do not delete kek-meridel right away: keep the old key and id-meridel's access to it until az acr encryption show reports the new key."""),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="G3", style="agent", form="context", kind="troubleshoot", category="keys", quals=[], flags=["go_sdk_error"],
question="Context: since 09:00 crfjord serves no pulls, and our Go probe reading kek-fjord gets `RESPONSE 403: 403 Forbidden`, `ERROR CODE: Forbidden`, with a message about a disabled key. Question: how do we get crfjord working again?",
canonical=[T + "key-is-disabled-or-expired"],
related=[V + "disabling-the-key-instead-a-key-vault-option-not-in-the-acr-docs", K + "check-which-key-version-the-registry-uses"],
facts=["Enable the key version the registry uses again."],
answer_facts=["so the registry cannot use it"],
truth="""Re-enable the key version crfjord uses: the Forbidden answer comes from Key Vault, which refuses to work with a disabled key version, so the registry cannot use its key either and is blocked as if it had been revoked. Read the version from versionedKeyIdentifier in az acr encryption show, run az keyvault key set-attributes --vault-name kv-fjord --name kek-fjord --version <that version> --enabled true, and retry a pull. Also check that the version has not expired."""),

dict(key="G4", style="agent", form="imperative", kind="why", category="limits", quals=[], flags=["go_sdk_error"],
question="Explain why our Go compliance bot gets `RESPONSE 400: 400 Bad Request` with `ERROR CODE: BlockedForEncryptionEnabledRegistry` whenever it tries to turn on the trust policy of crveldt, which uses a customer-managed key.",
canonical=[T + "content-trust-cannot-be-enabled"],
related=[L + "docker-content-trust-is-not-supported", L + "docker-content-trust-is-being-retired-use-notation"],
facts=["Sign images with Notation (the Notary Project)"],
answer_facts=["so the service blocks turning it on"],
truth="""Because Docker Content Trust is not supported on registries encrypted with a customer-managed key, the service refuses to turn on crveldt's trust policy, and BlockedForEncryptionEnabledRegistry is the code that refusal carries (the code itself is known from a non-official report). Take crveldt out of the bot's content trust rule and sign its images with Notation instead; Docker Content Trust is being retired in ACR anyway, with removal on 2028-03-31."""),

dict(key="G5", style="agent", form="keywords", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["go_sdk_error"],
question="go rotation service gets `RESPONSE 403: 403 Forbidden` and `ERROR CODE: Forbidden` creating new versions of kek-ardent in managed hsm hsm-ardent, which local role to grant its service principal",
canonical=[M + "key-vault-and-managed-hsm-compared"],
related=[M + "local-rbac-roles-for-acr-encryption", A + "your-own-permissions-to-create-keys-in-an-rbac-vault"],
facts=["`az keyvault role assignment create --hsm-name`"],
answer_facts=["A key-creating local role such as"],
truth="""Managed HSM Crypto User: the Forbidden answer means the service principal holds no key-creating local role in hsm-ardent, and in a Managed HSM only local RBAC (not Azure RBAC on the HSM resource, and no access policies) grants key work. Have someone with Managed HSM Administrator, Crypto Officer or Policy Administrator create the assignment with az keyvault role assignment create --hsm-name hsm-ardent for the service principal's object ID, scoped to /keys as in the documented example, and allow a few minutes before retrying. The registry's own identity keeps only Managed HSM Crypto Service Encryption User."""),

dict(key="A1", style="agent", form="context", kind="no", category="rotation", quals=["hsm", "oct2026"], flags=[],
question="Context: crbrenda uses a versionless key URI from our Managed HSM hsm-brenda, and the key team will add a new version of kek-brenda every quarter. Question: do we need another local role assignment in the Managed HSM for each new version?",
canonical=[M + "rotate-a-managed-hsm-key"],
related=[K + "create-a-new-version-in-a-managed-hsm", M + "local-rbac-roles-for-acr-encryption"],
facts=["with a versionless key URI the registry polls the key store and moves to a new key version within one hour"],
answer_facts=["Because the role is per key"],
truth="""No: the Managed HSM Crypto Service Encryption User assignment at /keys/kek-brenda covers every version of that key, so each new version works without a new assignment; only a different key name needs one. With the versionless URI, crbrenda switches to each new version within an hour of its creation."""),

dict(key="A2", style="agent", form="imperative", kind="howto", category="network", quals=["hsm", "oct2026"], flags=[],
question="Show me what to set on the firewall of our Managed HSM hsm-caldera so that crcaldera, which we create next week with a key from it, can access the key while all other traffic stays blocked.",
canonical=[N + "managed-hsm-firewall-and-trusted-services"],
related=[M + "managed-hsm-firewall-and-trusted-services", N + "the-portal-key-picker-and-a-key-store-firewall"],
facts=["As with a vault, the bypass only opens the network; the identity still needs its local role."],
answer_facts=["reach the key when it is created"],
truth="""Before running az acr create, let trusted Azure services through and deny everything else: az keyvault update-hsm --hsm-name hsm-caldera --resource-group <resource group> --bypass AzureServices --default-action Deny, then confirm with az keyvault show --hsm-name hsm-caldera (publicNetworkAccess and networkAcls). That only opens the network path: crcaldera's identity still needs the local role Managed HSM Crypto Service Encryption User on the key. Your own clients, such as the portal key picker or a pipeline that adds key versions, need an allowed address added with az keyvault network-rule add --hsm-name hsm-caldera --ip-address <address>."""),

dict(key="A3", style="agent", form="keywords", kind="value", category="rotation", quals=["hsm", "oct2026"], flags=[],
question="managed hsm rotation policy for kek-tilde behind registry crtilde, shortest interval it allows compared with a key vault rotation policy",
canonical=[K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy"],
related=[K + "create-a-new-version-in-a-managed-hsm", M + "rotate-a-managed-hsm-key"],
facts=["Durations are ISO 8601 (`P90D` = 90 days, `P2Y` = 2 years)."],
answer_facts=["more often than every **28 days**"],
truth="""28 days for a Managed HSM rotation policy, against 7 days in a key vault. In the Managed HSM a rotation policy must also exist before on-demand rotation works, and a key holds at most 100 versions. crtilde follows each new version of kek-tilde within an hour if it uses the versionless key URI."""),

dict(key="A4", style="agent", form="context", kind="howto", category="recovery", quals=["hsm", "oct2026"], flags=["two_facts"],
question="Context: for a drill we must cut crsolvej off from kek-solvej in hsm-solvej; its identity holds the HSM's encryption user role twice, at /keys/kek-solvej and at /keys. Question: which assignments in the Managed HSM, at which scope, do we delete to really revoke, and how?",
canonical=[V + "revoke-access-to-a-key-in-a-managed-hsm", M + "revoke-access-to-a-managed-hsm-key"],
related=[T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope", V + "what-revocation-does-to-the-registry"],
facts=["delete it at its own scope for a real revocation"],
answer_facts=["does not touch an assignment made at", "leaves alone any assignment the identity holds"],
truth="""Both of them, each at its own scope: a delete at /keys/kek-solvej leaves the /keys assignment in place, and that one keeps granting access. Run az keyvault role assignment delete --hsm-name hsm-solvej --role "Managed HSM Crypto Service Encryption User" --assignee-object-id <principal ID> once with --scope /keys/kek-solvej and once with --scope /keys, after listing the identity's assignments to be sure there are no others (another local role with wrap and unwrap, such as Managed HSM Crypto User, would also keep access). All of crsolvej's data is then blocked until you re-create the assignment."""),

dict(key="A5", style="agent", form="context", kind="yes", category="limits", quals=["hsm", "oct2026"], flags=[],
question="Context: a clean-up job deleted hsm-pellucid on Friday and nobody noticed until the invoice preview. Question: is a Managed HSM still charged for during soft delete, and what should we do with it while crpellucid needs its key?",
canonical=[L + "pricing-considerations"],
related=[V + "recover-a-deleted-managed-hsm", M + "recover-a-deleted-managed-hsm-key-or-hsm"],
facts=["Managed HSM key rotation itself carries no extra charge."],
answer_facts=["that includes the time it spends"],
truth="""Yes: a Managed HSM is billed for as long as it exists, including the time it spends soft-deleted, until it is recovered or purged. Because crpellucid's key lives in it, crpellucid's content is inaccessible now; recover the HSM within its retention period with az keyvault recover --hsm-name hsm-pellucid --location <its location> (this needs the Azure role Managed HSM Contributor). Do not purge it: that destroys every key in it for good, and crpellucid's data with them."""),

dict(key="A6", style="agent", form="imperative", kind="howto", category="rotation", quals=[], flags=[],
question="Write the command that makes a new version of kek-hyllie in kv-hyllie right now, and tell me when crhyllie, which uses the versionless key ID, will start using it.",
canonical=[K + "rotate-immediately-with-az-keyvault-key-rotate"],
related=[K + "automatic-rotation-with-a-versionless-key-id", K + "check-which-key-version-the-registry-uses"],
facts=["On an RBAC vault the caller needs Key Vault Crypto Officer"],
answer_facts=["generates a new version at once"],
truth="""az keyvault key rotate --name kek-hyllie --vault-name kv-hyllie makes the new version immediately, with the same key type and size; the caller needs Key Vault Crypto Officer on an RBAC vault or the rotate permission on an access-policy vault. Because crhyllie uses the versionless key ID it moves to the new version by itself within an hour; versionedKeyIdentifier in az acr encryption show tells you when it has."""),

dict(key="A7", style="agent", form="keywords", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question="granting id-gallow the vault role on kv-gallow fails because the cli refuses MSI for --assignee-principal-type, line copied from our hsm runbook, what value works",
canonical=[T + "role-assignment-rejects-the-principal-type-or-the-assignee"],
related=[A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities", A + "grant-access-with-an-azure-rbac-role"],
facts=["it takes exactly one"],
answer_facts=["a managed identity is a `ServicePrincipal` there"],
truth="""Use ServicePrincipal. For the vault role, a managed identity such as id-gallow is a service principal, and the command accepts only four types (User, Group, ServicePrincipal, ForeignGroup); MSI comes from the Managed HSM command az keyvault role assignment create, which your runbook used for local roles. Give --assignee-object-id id-gallow's principal ID together with --assignee-principal-type ServicePrincipal, the Key Vault Crypto Service Encryption User role and kv-gallow's resource ID as scope."""),

dict(key="A8", style="agent", form="imperative", kind="undocumented", category="limits", quals=[], flags=[],
question="Tell me whether crmarisol can be created with zone redundancy switched on together with a customer-managed key, since our platform standard asks for zone-redundant registries everywhere.",
canonical=[L + "zone-redundancy-with-cmk-is-not-documented"],
related=[L + "feature-compatibility-summary", S + "rules-that-az-acr-create-enforces-for-cmk"],
facts=["Verify in a test subscription or with support."],
answer_facts=["do not mention zone redundancy"],
truth="""Not documented: nothing in the CMK articles covers zone redundancy, for or against. The CLI will take --zone-redundancy Enabled next to --identity and --key-encryption-key, and since that preview setting is fixed once crmarisol exists, prove the pairing in a test subscription (or get Azure support to confirm it) before your standard relies on it."""),

dict(key="A9", style="agent", form="context", kind="value", category="setup", quals=[], flags=[],
question="Context: our naming standard puts a prefix with dashes on every resource, such as kv-lumen-prod and cr-lumen-prod. Question: what length and which characters may the registry name have when we create it with a customer-managed key?",
canonical=[S + "before-you-start-variables-and-prerequisites"],
related=[S + "rules-that-az-acr-create-enforces-for-cmk", S + "step-7-create-the-premium-registry-with-the-customer-managed-key"],
facts=["Key vault names are globally unique too (3 to 24 characters, letters, digits and dashes)."],
answer_facts=["5 to 50 lowercase letters and digits"],
truth="""5 to 50 lowercase letters and digits and nothing else: az acr create rejects uppercase letters and dashes, so cr-lumen-prod has to become something like crlumenprod, and the name must be unique across Azure. The vault may keep its dashes: key vault names allow 3 to 24 letters, digits and dashes."""),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="howto", category="identity", quals=[], flags=[],
question="how should i write [system] in bash for az acr identity assign?",
canonical=[I + "quote-system-in-shell-commands"],
related=[I + "switch-to-the-registrys-system-assigned-identity-after-creation", T + "system-assigned-identity-rejected-at-registry-creation"],
facts=["`--identities '[system]'`"],
answer_facts=["Write it in single quotes"],
truth="""Put it in single quotes, as in --identities '[system]'. Without them bash sees a character class, and a file called s, y, t, e or m in your working folder would quietly take its place in the command."""),

dict(key="S2", style="short", kind="howto", category="setup", quals=[], flags=[],
question="how do i create the uami for acr cmk and keep its ids",
canonical=[S + "step-2-create-a-user-assigned-managed-identity-and-capture-its-ids"],
related=[I + "create-the-user-assigned-identity-and-capture-its-ids", I + "which-identity-value-goes-where"],
facts=["`PRINCIPAL_ID` (object ID) is what the access grant in step 4 takes."],
answer_facts=["is what `az acr create --identity` takes"],
truth="""Run az identity create --name <identity> --resource-group <rg>, then read two values with az identity show: its id (the resource ID), which az acr create --identity takes, and its principalId, which the key access grant (role assignment or access policy) takes. Its clientId is what an ARM template puts into keyVaultProperties.identity."""),

dict(key="S3", style="short", kind="howto", category="limits", quals=[], flags=[], typo="goverment",
question="goverment audit wants every registry checked for cmk, which azure policy do i assign?",
canonical=[L + "azure-policy-built-in-for-cmk"],
related=[L + "check-the-encryption-status-of-a-registry", O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
facts=["Assign it at subscription or resource-group scope to report non-compliant registries."],
answer_facts=["audits whether registries use CMK"],
truth="""The built-in definition "Container Registries should be encrypted with a Customer-Managed Key (CMK)", assigned at subscription or resource-group scope; it reports every registry without CMK. A registry it flags cannot be fixed in place, because CMK is chosen only at creation: replace it with a new CMK registry."""),

dict(key="S4", style="short", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question="set-policy rejects wrap as a key permission for the acr mi, what now?",
canonical=[T + "invalid-key-permission-names-wrap-and-unwrap"],
related=[A + "grant-access-with-a-key-vault-access-policy", S + "option-b-access-policy-on-an-access-policy-vault"],
facts=["`wrap` and `unwrap` are not accepted values"],
answer_facts=["The CLI expects the exact permission names"],
truth="""Spell the permissions out: --key-permissions get unwrapKey wrapKey. "wrap" and "unwrap" are only prose shorthand, not values the CLI accepts. This is for a vault with access policies; on an RBAC vault give the identity Key Vault Crypto Service Encryption User instead."""),

dict(key="S5", style="short", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question="az acr create --identity '[system]' fails for my new cmk registry",
canonical=[I + "a-user-assigned-identity-is-required-when-the-registry-is-created"],
related=[T + "system-assigned-identity-rejected-at-registry-creation", I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
facts=["After creation you may switch to the registry's **system-assigned** identity"],
answer_facts=["does **not** accept `--identity '[system]'`"],
truth="""That is expected: az acr create takes only a user-assigned identity, because a registry that does not exist yet has no system-assigned identity that could have been given key access. Pass the resource ID of a user-assigned identity (or just its name when it sits in the registry's resource group). Once the registry is up, you can switch encryption to its own identity: attach it, grant it access, then run az acr encryption rotate-key --identity '[system]'."""),

dict(key="S6", style="short", kind="value", category="keys", quals=[], flags=[],
question="what rsa key sizes can key vault give us for the acr cmk?",
canonical=[O + "key-sizes-offered-by-key-vault"],
related=[O + "which-key-types-and-sizes-are-supported", S + "step-5-create-an-rsa-key-and-capture-its-key-id"],
facts=["This is a Key Vault statement, not an ACR one."],
answer_facts=["come in 2048, 3072 and 4096 bits"],
truth="""2048, 3072 and 4096 bits, for software-protected and HSM-protected RSA keys alike. That list comes from Key Vault; ACR itself names no size, so any of them is acceptable and your compliance rules decide."""),

dict(key="S7", style="short", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="how many versions can one managed hsm key hold for our acr cmk?",
canonical=[K + "create-a-new-version-in-a-managed-hsm"],
related=[M + "rotate-a-managed-hsm-key", K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy"],
facts=["a policy cannot rotate more often than every 28 days"],
answer_facts=["a key holds at most 100 versions"],
truth="""At most 100 versions per key in a Managed HSM. Its rotation policies also cannot rotate more often than every 28 days, and the registry identity's local role at /keys/<key-name> covers every version."""),

dict(key="S8", style="short", kind="value", category="rotation", quals=[], flags=[],
question="what does keyrotationenabled false in az acr encryption show mean",
canonical=[S + "step-8-verify-the-encryption-status"],
related=[K + "check-which-key-version-the-registry-uses", T + "registry-keeps-using-an-old-key-version"],
facts=["`keyVaultProperties.versionedKeyIdentifier` | read-only: the exact key version in use"],
answer_facts=["makes the registry follow new versions"],
truth="""That the registry was configured with a versioned key ID: it stays on that exact version until someone runs az acr encryption rotate-key. true would mean a versionless key ID, which makes the registry follow new key versions by itself."""),

dict(key="S9", style="short", kind="yes", category="keys", quals=[], flags=[], typo="posible",
question="is it posible to import our own rsa key for acr cmk?",
canonical=[O + "bring-your-own-key-byok"],
related=[O + "which-key-types-and-sizes-are-supported", O + "the-key-encryption-key-kek-and-its-identifier"],
facts=["Either way the registry refers to the key by its key URI in that store."],
answer_facts=["created outside Azure and imported into it"],
truth="""Yes: bring your own key is supported. Create the RSA key outside Azure, import it into Key Vault (or a Managed HSM), and give the registry its key URI like any other key; it still has to be RSA or RSA-HSM."""),

dict(key="S10", style="short", kind="no", category="keys", quals=[], flags=[],
question="is key vault crypto user also required for the acr identity?",
canonical=[A + "why-key-vault-crypto-user-is-not-needed"],
related=[A + "two-supported-ways-to-grant-key-access", A + "grant-access-with-an-azure-rbac-role"],
facts=["Both are data-plane roles and only work on vaults that use the Azure RBAC permission model."],
answer_facts=["grants more than the registry needs"],
truth="""No: Key Vault Crypto Service Encryption User (or an access policy with get, wrapKey and unwrapKey) is all the registry identity needs. Key Vault Crypto User allows general cryptographic operations, which the ACR docs never ask for; adding it only grants more than necessary."""),

dict(key="S11", style="short", kind="why", category="identity", quals=[], flags=[], typo="explaination",
question="explaination please: why does an acr cmk registry need a managed identity?",
canonical=[I + "why-the-registry-needs-a-managed-identity"],
related=[I + "a-user-assigned-identity-is-required-when-the-registry-is-created", O + "identity-and-key-access-requirements"],
facts=["the single point through which the registry reaches its key"],
answer_facts=["not hold credentials for its key store"],
truth="""Because a registry has no secret of its own to present to Key Vault or a Managed HSM. Every read, wrap and unwrap of the key is made as that managed identity, and the key store decides from the identity's role or access policy whether to allow it; take the identity away and the registry has no other route to its key."""),

dict(key="S12", style="short", kind="undocumented", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="does acr document dr for geo-replication if our key lives in a managed hsm?",
canonical=[M + "limits-and-open-points-with-managed-hsm"],
related=[L + "geo-replication-with-a-managed-hsm-key", L + "geo-replication-works-with-cmk"],
facts=["A Managed HSM is billed while it exists, including while soft-deleted."],
answer_facts=["plan HSM recovery (security domain, backups) separately"],
truth="""Not documented: for CMK registries the geo-replication article only refers to Key Vault's own resilience advice and says nothing about a Managed HSM. Work out the HSM side yourself, including its security domain, backups and whether it is offered in the regions your replicas use."""),
]

# ---------------- off-topic ----------------
OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind="off-topic", category=OFF, subject="collabora", near_miss=True,
question="""Document editing in our intranet runs on Collabora Online, and we mirror its image into our private container registry. Collabora signs the requests it sends to our file platform with a proof key, and the platform checks those signatures. After the Collabora host was restored from an old snapshot, the proof key no longer matches what the platform expects. How do I get both sides to agree on one proof key again, and can I rotate that key on purpose once a year?""",
truth="""Not covered: the proof key that Collabora Online uses for its document-editing requests is office-suite administration; ACR customer-managed keys are about encrypting a container registry."""),
dict(key="X2", style="long", kind="off-topic", category=OFF, subject="pocketbase", near_miss=True,
question="""A small internal app of ours runs on PocketBase, whose container image we host in a private registry of our own. We start PocketBase with a key for encrypting its stored app settings, passed in through an environment variable, and that value now has to change because it was posted in a team chat. How do I move the stored settings, including the SMTP password, over to a new key without losing them?""",
truth="""Not covered: re-encrypting the PocketBase settings under a new key is administration of that backend app, unrelated to customer-managed keys for Azure Container Registry."""),
dict(key="X3", style="long", kind="off-topic", category=OFF, subject="appsmith", near_miss=True,
question="""Our internal tools are built in a self-hosted Appsmith, and its image comes from our private container registry. Appsmith derives the key for the stored credentials of its datasources from two values that we chose when we installed it, and both were copied into a ticket that half the company can read. Can I switch to new values, and so a new key, without re-entering every datasource credential, and what breaks if I simply swap them?""",
truth="""Not covered: changing the values Appsmith derives its datasource credential key from is low-code platform administration, outside the ACR customer-managed key material."""),
dict(key="X4", style="long", kind="off-topic", category=OFF, subject="invoice ninja", near_miss=True,
question="""We bill our customers with a self-hosted Invoice Ninja whose container image we pull from a private registry of ours. The key it uses to encrypt stored values got printed in a deployment log by mistake. If I generate a new key, can Invoice Ninja still read the payment gateway credentials and other values it encrypted with the old one, or do I have to enter them all again?""",
truth="""Not covered: replacing the application key of Invoice Ninja is invoicing-app administration; it has nothing to do with encrypting a container registry with a customer-managed key."""),
dict(key="X5", style="long", kind="off-topic", category=OFF, subject="yourls", near_miss=True,
question="""Our link shortener is YOURLS, and we pull its container image from a registry that only our team can reach. The cookie key in its config file, which protects the login cookies of the admin area, is the same on our test and production instances because someone copied the whole file. How do I set a new cookie key on production, and will that sign out everybody who is logged in right now?""",
truth="""Not covered: the cookie key of a YOURLS instance is link-shortener configuration, not a customer-managed key for Azure Container Registry."""),
dict(key="X6", style="long", kind="off-topic", category=OFF, subject="tube archivist",
question="""We keep recordings of conference talks with Tube Archivist. After moving the downloads folder to a bigger disk, the app still lists every video, but none of them will play. Which setting tells Tube Archivist where the files are now, and do I have to re-index the whole collection after changing it?""",
truth="""Not covered: media paths in Tube Archivist are video-archiving app settings, unrelated to ACR encryption with customer-managed keys."""),
dict(key="X7", style="agent", form="context", kind="off-topic", category=OFF, subject="pinchflat",
question="Context: Pinchflat downloads new episodes from four channels for our training library. Question: how do I make Pinchflat download only between midnight and six in the morning?",
truth="""Not covered: download windows in Pinchflat are media-downloader configuration, outside ACR customer-managed keys."""),
dict(key="X8", style="agent", form="imperative", kind="off-topic", category=OFF, subject="scrutiny",
question="Explain how to make Scrutiny send an alert to our team chat when a disk starts reporting reallocated sectors.",
truth="""Not covered: disk health alerts in Scrutiny are drive-monitoring configuration, unrelated to the Azure Container Registry CMK topic."""),
dict(key="X9", style="agent", form="keywords", kind="off-topic", category=OFF, subject="karakeep",
question="karakeep automatic tagging with a local model, where to set the inference server address",
truth="""Not covered: the tagging model of Karakeep is bookmark-app configuration, not part of the ACR customer-managed key knowledge."""),
dict(key="X10", style="short", kind="off-topic", category=OFF, subject="glance",
question="how often does the rss widget in glance refresh?",
truth="""Not covered: widget refresh in Glance is self-hosted homepage configuration, far from ACR encryption."""),
dict(key="X11", style="short", kind="off-topic", category=OFF, subject="wakapi",
question="can wakapi import my old coding history from another tracker",
truth="""Not covered: importing coding statistics into Wakapi is time-tracking app administration, unrelated to registry encryption with customer-managed keys."""),
dict(key="X12", style="short", kind="off-topic", category=OFF, subject="tududi",
question="how do i share a task list in tududi with my partner?",
truth="""Not covered: sharing lists in tududi is task-manager configuration, not ACR customer-managed keys."""),
]

QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"posible": "possible", "explaination": "explanation", "goverment": "government"}
SHAPES = ["two_facts", "go_sdk_error", "pulumi_output", "webvtt_transcript", "terraform_test_run",
          "compose_file"]
SEED = 71
ID_PREFIX = "ai"

HSM_RE = re.compile(r"\b(managed hsm|hsm|hsms|managedhsm)\b", re.I)
IAC_RE = re.compile(r"\b(portal|terraform|bicep|arm|avm)\b", re.I)
# Markdown fences, and Jira's {code}/{noformat} blocks (the Jira form of a fence)
FENCE_RE = re.compile(r"```.*?```|\{(code|noformat)(?::[^}\n]*)?\}.*?\{\1\}", re.S)


def prose(text):
    return FENCE_RE.sub(" ", text)


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
    meta["_set"] = summary(entries, meta)
    return entries, meta


NEW_SHAPES = SHAPES[1:]
SPREAD_SETS = (70, 69)
SPREAD_FLOORS = (40, 30)


def prev_firsts(n):
    p = os.path.join(HERE, "blind%d-first-canonicals.txt" % n)
    return {x.strip() for x in open(p, encoding="utf-8") if x.strip()}


def summary(entries, meta):
    """Set-level record kept in the meta file under "_set": which items carry each new shape, where each typo
    sits, the off-topic subjects, and the spread of first canonicals against the two previous sets."""
    a, b = prev_firsts(SPREAD_SETS[0]), prev_firsts(SPREAD_SETS[1])
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    return {
        "new_shapes": {f: [e["id"] for e in entries if meta[e["id"]].get(f)] for f in NEW_SHAPES},
        "off_topic_subjects": {e["id"]: meta[e["id"]]["subject"] for e in entries if "subject" in meta[e["id"]]},
        "spread": {
            "first_canonicals": len(firsts),
            "new_against_blind%d" % SPREAD_SETS[0]: sum(1 for c in firsts if c not in a),
            "new_against_blind%d_and_blind%d" % SPREAD_SETS: sum(1 for c in firsts if c not in a and c not in b),
            "floors": list(SPREAD_FLOORS),
        },
        "typos": {meta[e["id"]]["typo"]: e["id"] for e in entries if "typo" in meta[e["id"]]},
    }


def render():
    """(blind71.json text, blind71-meta.json text, blind71-first-canonicals.txt text)"""
    entries, meta = build()
    j = json.dumps(entries, indent=1, ensure_ascii=False) + "\n"
    m = json.dumps(meta, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    f = "\n".join(firsts) + "\n"
    return j, m, f


def main(out=HERE):
    j, m, f = render()
    for name, text in (("blind71.json", j), ("blind71-meta.json", m), ("blind71-first-canonicals.txt", f)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
