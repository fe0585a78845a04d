"""blind44 builder: holds the 60 questions (QUESTIONS) and writes blind44.json, blind44-meta.json and
blind44-first-canonicals.txt."""
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
dict(key="L1", style="long", kind="value", category="iac", quals=["iac"], flags=["pr_diff"],
question="""Reviewing a Terraform PR on our platform repo before it reaches the prod workspace. The author says pinning the key version makes plans reproducible, and he adds Key Vault's own rotation so we stay compliant:

```diff
--- a/registry/cmk.tf
+++ b/registry/cmk.tf
@@ -16,7 +16,15 @@ resource "azurerm_key_vault_key" "quill_kek" {
   key_opts     = ["unwrapKey", "wrapKey"]
+
+  rotation_policy {
+    expire_after         = "P180D"
+    notify_before_expiry = "P14D"
+    automatic {
+      time_before_expiry = "P30D"
+    }
+  }
 }
@@ -33,5 +41,5 @@ locals {
   quill_enc_client = azurerm_user_assigned_identity.quill_acr.client_id
-  quill_kek_uri    = azurerm_key_vault_key.quill_kek.versionless_id
+  quill_kek_uri    = azurerm_key_vault_key.quill_kek.id
 }
```

(local.quill_kek_uri is what the registry's encryption block uses as key_vault_key_id.)

Registry crquillprod is already CMK-encrypted and today follows the versionless ID. If I approve this, which key version will the registry end up on over the next year, and is there anything in here that could hurt us?""",
canonical=[C + "automatic-key-rotation-in-terraform-versionless_id-vs-id"],
related=[C + "terraform-azurerm_container_registry-encryption-block", T + "key-is-disabled-or-expired", K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy"],
facts=["The resource's `id` keeps the version from when Terraform created the key."],
answer_facts=["pinned: rotate by changing the value", "keeps the version from when terraform created"],
truth="Approving it trades automatic rotation for a pin. With key_vault_key_id set to the key resource's id (the versioned URI), the next apply is an in-place update that pins crquillprod to the version the resource recorded when Terraform created quill_kek, and keyRotationEnabled becomes false. The resource's id keeps that original version, so the versions the new rotation_policy creates (about every 150 days, 30 days before each 180-day expiry) are never picked up, not even by later applies; only the data source's id moves to newer versions. Worse, expire_after = P180D stamps an expiry on versions, so the pinned one will expire while the registry still depends on it: Key Vault still allows unwrap on an expired key but refuses wrap, so rotations or re-applies of that version start failing. Keep versionless_id, so the registry follows each new version within an hour, and keep the rotation_policy to produce those versions."),

dict(key="L2", style="long", kind="value", category="iac", quals=["iac"], flags=["pr_diff"],
question="""Provider bump PR for the shared-services stack. The author moved us from azurerm 4.x to 5.0 and, because "the block is redundant once CMK is on", dropped it from our registry:

```diff
--- a/stacks/shared/versions.tf
+++ b/stacks/shared/versions.tf
@@ -3,7 +3,7 @@ terraform {
     azurerm = {
       source  = "hashicorp/azurerm"
-      version = "~> 4.30"
+      version = "~> 5.0"
     }
--- a/stacks/shared/acr.tf
+++ b/stacks/shared/acr.tf
@@ -22,9 +22,4 @@ resource "azurerm_container_registry" "hub" {
   sku                 = "Premium"
   admin_enabled       = false
-
-  encryption {
-    key_vault_key_id   = local.hub_kek_uri
-    identity_client_id = local.hub_enc_client
-  }
 }
```

On 4.x, deleting that block gave an empty plan, which is why he believes it is harmless. What will terraform plan try to do to crhubshared once the bump lands?""",
canonical=[C + "azurerm-4x-removed-encryptionenabled-other-version-changes"],
related=[C + "terraform-azurerm_container_registry-encryption-block", O + "cmk-cannot-be-disabled-after-it-is-enabled", C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs"],
facts=["In 4.x omitting the block on a CMK registry shows no diff."],
answer_facts=["encryption no longer computed", "keep the block for every cmk registry"],
truth="On 5.0 the plan is no longer empty. The provider stops treating encryption as Computed, so a missing block plans an update that the 5.0 upgrade guide describes as disabling encryption. ACR does not allow turning CMK off on an encrypted registry, so this is a change the service should refuse, and what exactly happens is undocumented: do not apply it to crhubshared. On 4.x the absent block simply produced no diff, which is why it looked harmless. Keep the encryption block, with key_vault_key_id and identity_client_id, on every CMK registry when moving to azurerm 5.x; the only argument that had to go was the old encryption.enabled, removed back in 4.0."),

dict(key="L3", style="long", kind="troubleshoot", category="network", quals=[], flags=["pr_diff"],
question="""Yesterday we merged this change to our vault-hardening workflow, and since it ran last night every `az acr import` into crtundra fails with 403. The registry's key lives in kv-tundra-enc.

```diff
--- a/.github/workflows/kv-baseline.yml
+++ b/.github/workflows/kv-baseline.yml
@@ -27,8 +27,8 @@ jobs:
       - name: Lock down key vaults
         run: |
           for kv in kv-tundra-enc kv-tundra-app; do
-            az keyvault update -n "$kv" -g rg-tundra --bypass AzureServices --default-action Deny
+            az keyvault update -n "$kv" -g rg-tundra --bypass None --default-action Deny
           done
```

The reviewer's comment on the PR was "no Azure service gets a free pass". Our office IP is still on the vault's allow list and I can read the key from my laptop. What did this change break? And in what order do we get crtundra healthy again?""",
canonical=[T + "http-403-after-enabling-the-key-vault-firewall"],
related=[N + "azure-container-registry-in-key-vaults-trusted-services-list", N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry", N + "allow-your-own-clients-through-the-vault-firewall"],
facts=["lists Azure Container Registry among the services that can pass the firewall"],
answer_facts=["allows trusted microsoft services through", "current identity and key again with rotate-key"],
truth="Switching to --bypass None removed the trusted-services exception, and ACR gets through a firewalled vault only as a trusted Azure service, never via an allowed IP; so kv-tundra-enc's firewall now refuses the registry, and image import (plus automatic key rotation) fails with 403. Your laptop still works because its address is on the allow list, which does nothing for ACR. Order: 1) restore the exception on kv-tundra-enc (az keyvault update -n kv-tundra-enc -g rg-tundra --bypass AzureServices --default-action Deny) and revert the workflow line so the next run doesn't undo it; 2) re-apply the registry's current identity and key with az acr encryption rotate-key -n crtundra --key-encryption-key <current keyIdentifier> --identity <current identity client ID, or '[system]'>; 3) if the 403s continue, open an Azure support case. The bypass only reopens the network path; the identity's key permissions were never touched."),

dict(key="L4", style="long", kind="howto", category="hsm", quals=["hsm", "iac", "oct2026"], flags=["pr_diff"],
question="""Second review on a Terraform PR that moves crmeridian (it is being re-created anyway) from a vault key onto a key held in mhsm-meridian, our Managed HSM. Provider is pinned at azurerm 4.58.

```diff
--- a/acr/main.tf
+++ b/acr/main.tf
@@ -8,17 +8,17 @@
-resource "azurerm_key_vault_key" "merid" {
-  name         = "merid-kek"
-  key_vault_id = azurerm_key_vault.merid.id
-  key_type     = "RSA"
-  key_size     = 3072
+module "merid_hsm_kek" {
+  source   = "../modules/mhsm-rsa-key" # wraps the provider's Managed HSM key resource, RSA-HSM, wrapKey/unwrapKey
+  hsm_id   = var.meridian_hsm_id
+  key_name = "merid-kek"
+  key_size = 4096
 }

 resource "azurerm_role_assignment" "merid_kek" {
-  scope                = azurerm_key_vault.merid.id
+  scope                = var.meridian_hsm_id
   principal_id         = azurerm_user_assigned_identity.merid.principal_id
   role_definition_name = "Key Vault Crypto Service Encryption User"
 }
@@ -31,4 +32,4 @@ locals {
-  merid_kek_uri = azurerm_key_vault_key.merid.versionless_id
+  merid_kek_uri = module.merid_hsm_kek.versioned_id # the module re-exports the key resource's id and versioned_id
   merid_client  = azurerm_user_assigned_identity.merid.client_id
 }
```

What has to change before this works against a Managed HSM, and what should the role assignment and the key reference look like?""",
canonical=[C + "managed-hsm-key-in-terraform"],
related=[M + "local-rbac-roles-for-acr-encryption", C + "common-terraform-and-bicep-errors-with-acr-encryption", M + "requirements-for-a-managed-hsm-key-store"],
facts=["Azure RBAC assignments made with `az role assignment create` on the HSM resource govern management operations only"],
answer_facts=["use azurerm 4.65.0 or later", "`id` is the versionless uri"],
truth="Four changes. 1) Bump azurerm to 4.65.0 or later: 4.58 rejects any .managedhsm. URI in key_vault_key_id (the error reads 'Managed HSM IDs are not supported as Key Vault Nested Items'). 2) Drop the azurerm_role_assignment: an Azure RBAC assignment on the HSM resource only governs managing the HSM and never lets anyone use a key, and Key Vault Crypto Service Encryption User is the vault role anyway. Use azurerm_key_vault_managed_hardware_security_module_role_assignment instead, with the Managed HSM Crypto Service Encryption User role definition (/Microsoft.KeyVault/providers/Microsoft.Authorization/roleDefinitions/33413926-3206-4cdd-b39a-83574fe37a17), scope \"/keys/merid-kek\", principal_id of the identity and a new GUID as name, and put it in the registry's depends_on, because ACR never creates it. 3) On the provider's Managed HSM key resource (azurerm_key_vault_managed_hardware_security_module_key, which your module wraps), id is already the versionless URI and versioned_id pins the current version; use module.merid_hsm_kek.id if crmeridian should follow new versions automatically (versioned_id means manual rotation). 4) The HSM must be activated, trusted services must be allowed first if its firewall is on, and whoever runs Terraform needs a key-creating local role such as Managed HSM Crypto User. Keep the module creating an RSA-HSM key that allows wrapKey and unwrapKey."),

dict(key="L5", style="long", kind="why", category="iac", quals=["iac"], flags=["pr_diff"],
question="""Small cleanup PR in our Bicep repo. A linter flagged the explicit dependency as unnecessary, so the author removed it:

```diff
--- a/infra/registry.bicep
+++ b/infra/registry.bicep
@@ -51,7 +51,6 @@ resource orchardReg 'Microsoft.ContainerRegistry/registries@2025-11-01' = {
       keyVaultProperties: {
         identity: encId.properties.clientId
         keyIdentifier: kek.properties.keyUri
       }
     }
   }
-  dependsOn: [ kekGrant ]
 }
```

kekGrant is the roleAssignments resource that gives encId the crypto service role on vault kv-orchard-keys. Our dev registry redeployed fine without the line. Why would anyone keep that dependsOn, is it really dead weight?""",
canonical=[C + "bicep-registry-with-a-customer-managed-key"],
related=[C + "why-the-registry-needs-depends_on-on-the-role-assignment", C + "common-terraform-and-bicep-errors-with-acr-encryption", T + "registry-creation-cannot-access-the-key"],
facts=["without `depends_on` Terraform may create both in parallel"],
answer_facts=["what makes the grant exist first"],
truth="It isn't dead weight. The registry resource references encId and the key, but nothing in it references kekGrant, so without the explicit dependsOn Resource Manager is free to create the role assignment and the registry in parallel. A CMK registry must already be able to use its key at the moment it is created, so a fresh deployment (a new environment, or the registry re-created) can fail with Failed to access KeyId because the grant doesn't exist yet or hasn't taken effect. Your dev registry redeployed fine only because it already existed and kekGrant was already in place. Keep dependsOn: [ kekGrant ]; the linter can't see that ordering requirement."),

dict(key="L6", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["chat_transcript"],
question="""Pasting the thread from our platform channel, I'm the Dana in it:

[10:02] Dana Whitfield: crlumen create against the Managed HSM key keeps failing, id-lumen-enc apparently can't use lumen-kek
[10:04] Marcus Oyelaran: weird, I gave id-lumen-enc Key Vault Crypto Service Encryption User yesterday, az role assignment create with the HSM's resource ID as scope
[10:05] Marcus Oyelaran: it even shows up under Access control (IAM) on the HSM blade
[10:07] Dana Whitfield: so the grant exists... why would the HSM still say no?
[10:09] Marcus Oyelaran: propagation? give it another hour?

That was yesterday. Is Marcus's grant the right kind of grant for a Managed HSM at all, and what should we run instead?""",
canonical=[A + "grant-access-to-a-key-in-a-managed-hsm"],
related=[T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope", M + "local-rbac-roles-for-acr-encryption", T + "managed-hsm-role-assignment-not-yet-in-effect"],
facts=["Azure RBAC covers the HSM's management only and never grants key use"],
answer_facts=["only cover its management", "granted with the hsm's local rbac"],
truth="Marcus's grant is the wrong kind, so waiting won't help. An Azure role assignment made with az role assignment create on the HSM resource (what the IAM blade shows) only covers managing the HSM, and Key Vault Crypto Service Encryption User is the vault role; a Managed HSM authorizes key use only through its local RBAC and has no access policies. Have someone holding Managed HSM Administrator, Crypto Officer or Policy Administrator run: az keyvault role assignment create --hsm-name <hsm> --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id <principal ID of id-lumen-enc> --assignee-principal-type MSI --scope /keys/lumen-kek. Neither ACR nor the portal makes that assignment on your behalf. Local role changes can take several minutes to apply; after that, retry creating crlumen."),

dict(key="L7", style="long", kind="howto", category="iac", quals=["iac"], flags=["chat_transcript"],
question="""Slack thread from #infra-help, copied as is:

Priya S  9:41 AM
we deploy crfernhill through the AVM registry module (br/public, version 0.5.2), customerManagedKey points at kv-fern / fern-kek
Priya S  9:42 AM
security rotated fern-kek last month but az acr encryption show still has the old version in versionedKeyIdentifier and keyRotationEnabled is false
Tomás Reyes  9:50 AM
maybe the module doesn't do auto rotation at all? we could set keyVersion to the new one each time
Priya S  9:52 AM
every quarter by hand? there must be a setting

Is there a setting, and what should we change in the module call so the registry follows new versions on its own?""",
canonical=[C + "avm-bicep-module-customermanagedkey-parameter"],
related=[C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs", K + "versioned-and-versionless-key-ids", K + "check-which-key-version-the-registry-uses"],
facts=["AVM versionless only from Bicep 0.7.0 / Terraform v0.6.0"],
answer_facts=["version 0.7.0 (january 2025) added autorotationenabled", "always pinned the current key version"],
truth="Upgrade the module: the pin comes from the module version you use. Up to 0.6.0 the AVM container-registry module always pinned the key version current at deployment; 0.7.0 (January 2025) added customerManagedKey.autoRotationEnabled, default true, which hands the registry the versionless keyUri. Move crfernhill's module reference to 0.7.0 or later (0.12.1 is the newest checked), leave keyVersion out and autoRotationEnabled at its default (or set it to true), and redeploy; az acr encryption show should then report keyRotationEnabled true, and the registry moves to each new fern-kek version within about an hour. Tomás's idea of setting keyVersion each time would keep it pinned and make every rotation a manual redeploy."),

dict(key="L8", style="long", kind="undocumented", category="limits", quals=[], flags=["chat_transcript"],
question="""From our architecture review chat this morning:

[08:31] Lena Brandt: for the new registry in westeurope we want zone redundancy on, plus CMK from the start
[08:33] Ravi Menon: I tried in the sandbox, az acr create took --zone-redundancy Enabled together with the identity and key flags without complaint
[08:34] Lena Brandt: sure, but does "the CLI accepted it" mean Microsoft supports the combination?
[08:36] Ravi Menon: the CMK limitations list doesn't mention zones either way

We need a sentence we can put in the design document. Is zone redundancy on a registry with a customer-managed key a supported combination?""",
canonical=[L + "zone-redundancy-with-cmk-is-not-documented"],
related=[L + "feature-compatibility-summary", N + "registry-private-endpoints-and-cmk-are-not-covered-by-the-docs", O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
facts=["the flag is marked preview in the CLI and cannot be changed after creation"],
answer_facts=["neither as supported nor as a limitation", "verify in a test subscription"],
truth="Not documented: the ACR CMK articles don't mention zone redundancy at all, neither as supported nor as a limitation. Ravi's test matches the CLI: az acr create accepts --zone-redundancy Enabled together with the CMK options (the flag is marked preview and can't be changed after creation), but the CLI accepting it says nothing about support. For the design document, record the combination as undocumented, test it in a sandbox subscription and get confirmation from Azure support before relying on it. Decide both at creation time, since neither CMK nor zone redundancy can be added to the registry later."),

dict(key="L9", style="long", kind="no", category="rotation", quals=["hsm", "oct2026"], flags=["chat_transcript"],
question="""Copying a Teams exchange from our key-management channel:

Aiko Tanabe [14:10]: HSM team will add a new version of orbit-kek in mhsm-orbit on Monday (same key, new version)
Jonas Wirth [14:12]: then we also need a fresh local role assignment for id-orbit-acr on the new version, right? otherwise crorbit can't use it
Aiko Tanabe [14:13]: I thought the assignment sits on the key, not on a version
Jonas Wirth [14:15]: better safe, I'll add one per version to the runbook

Before Jonas edits the runbook: does a new version of a Managed HSM key need its own role assignment, or does the /keys/orbit-kek scope already cover it?""",
canonical=[M + "rotate-a-managed-hsm-key"],
related=[K + "create-a-new-version-in-a-managed-hsm", M + "local-rbac-roles-for-acr-encryption", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["covers every version of the key"],
answer_facts=["version of the same key does not", "because the role is per key"],
truth="No: a local role assignment scoped to /keys/orbit-kek covers that key with all of its versions, so Aiko is right and the runbook needs no per-version assignment. Only a new key name would need a new Managed HSM Crypto Service Encryption User assignment before rotate-key. If crorbit is configured with the versionless key URI it moves to Monday's version within about an hour; with a versioned URI someone still has to run az acr encryption rotate-key to the new version. Keep the new version RSA-HSM with wrapKey and unwrapKey, e.g. az keyvault key create --hsm-name mhsm-orbit --name orbit-kek --kty RSA-HSM --ops wrapKey unwrapKey."),

dict(key="L10", style="long", kind="howto", category="identity", quals=[], flags=["chat_transcript"],
question="""Our change-window chat, pasted (we're about to move crbirchlane from id-birch-old to id-birch-2026):

[21:03] Olu Adeyemi: id-birch-2026 is attached to the registry and has the vault role, next up is az acr encryption rotate-key
[21:04] Olu Adeyemi: for --identity I'll paste the object ID from the IAM blade, that's what the role assignment used
[21:06] Carla Jensen: are you sure? I thought the registry keeps a client ID
[21:07] Olu Adeyemi: it's a GUID either way, the CLI will figure it out

Who's right, and what exactly should go into --identity here?""",
canonical=[I + "how-rotate-key-interprets-the---identity-value"],
related=[I + "which-identity-value-goes-where", I + "switch-to-a-different-user-assigned-identity", K + "manual-rotation-with-az-acr-encryption-rotate-key"],
facts=["Only after `az acr encryption show` reports the new client ID should the old identity be detached"],
answer_facts=["treats a guid as a client id", "client id and a resource id work"],
truth="Carla is right; don't paste the object ID. rotate-key takes any GUID to be a client ID and stores it unchanged, so the CLI won't 'figure it out': id-birch-2026's principal (object) ID would be written into the encryption settings as if it were its client ID, which it isn't. Pass either the client ID (az identity show -n id-birch-2026 -g <rg> --query clientId -o tsv) or the identity's resource ID or name, which the CLI resolves to the client ID: az acr encryption rotate-key -n crbirchlane --key-encryption-key <current key ID> --identity <client ID or resource ID>. The object ID belongs only in the role assignment or access policy. Detach id-birch-old only after az acr encryption show reports id-birch-2026's client ID."),

dict(key="L11", style="long", kind="no", category="setup", quals=["iac"], flags=["undo"],
question="""Last Thursday I created crsaltmarsh in the portal and, on the Encryption tab, switched Customer-managed key to Enabled with id-salt-enc and a key from kv-saltmarsh. Today compliance told us Microsoft-managed keys are fine for this workload and they would rather not carry the key vault dependency. This is what the registry reports:

```json
{
  "keyVaultProperties": {
    "identity": "5c1e7a09-2f44-4b8e-9d7a-0b6f3e21c4d8",
    "keyIdentifier": "https://kv-saltmarsh.vault.azure.net/keys/salt-kek",
    "keyRotationEnabled": true
  },
  "status": "enabled"
}
```

The registry holds about 40 images so far. Can we flip encryption back to disabled on it, from the portal or the CLI, and then drop the vault?""",
canonical=[O + "cmk-cannot-be-disabled-after-it-is-enabled"],
related=[O + "moving-an-existing-registry-to-cmk", L + "feature-compatibility-summary", V + "what-revocation-does-to-the-registry"],
facts=["An existing registry cannot be converted to CMK in place"],
answer_facts=["you cannot turn cmk encryption off later", "must stay configured and reachable"],
truth="No: once a registry is encrypted with a customer-managed key it can't be turned off; there is no portal switch or CLI command that goes back to Microsoft-managed keys only. You can change the key, its version, the vault or the identity, but some customer-managed key has to stay configured and reachable for the life of crsaltmarsh, so kv-saltmarsh (or whichever vault you move the key to) must stay, with the key and id-salt-enc's access intact; deleting the vault would make the 40 images unreadable. To end up with Microsoft-managed keys only, create a new registry without CMK, copy the images with az acr import, repoint clients and pipelines, and only then delete crsaltmarsh and, after that, the vault."),

dict(key="L12", style="long", kind="howto", category="rotation", quals=[], flags=["undo", "two_facts"],
question="""Yesterday at 16:20 I ran `az keyvault key rotate --vault-name kv-quarry-sec --name quarry-kek` to rehearse our rotation runbook. Registry crquarry uses the versionless key URI, so it has already moved:

```
$ az acr encryption show -n crquarry --query keyVaultProperties.versionedKeyIdentifier -o tsv
https://kv-quarry-sec.vault.azure.net/keys/quarry-kek/7d02c4e9a1b84f55b6e0c3a9f2d17e48
$ az keyvault key list-versions -n quarry-kek --vault-name kv-quarry-sec --query "[].kid" -o tsv
https://kv-quarry-sec.vault.azure.net/keys/quarry-kek/0b9f5e2d3c714a8e9f61d4c2a7e3b580
https://kv-quarry-sec.vault.azure.net/keys/quarry-kek/7d02c4e9a1b84f55b6e0c3a9f2d17e48
```

The change board never approved a production rotation, so I have to reverse it. How do I put crquarry back on the 0b9f version, and what do I give up by doing that?""",
canonical=[K + "switch-from-manual-to-automatic-rotation", K + "check-which-key-version-the-registry-uses"],
related=[K + "manual-rotation-with-az-acr-encryption-rotate-key", K + "rotate-immediately-with-az-keyvault-key-rotate", V + "revoke-by-deleting-the-key"],
facts=["leaving out `--identity` keeps the current identity"],
answer_facts=["pins the registry to that version", "the exact version the registry is using"],
truth="Point the registry at the old version explicitly: az acr encryption rotate-key -n crquarry --key-encryption-key https://kv-quarry-sec.vault.azure.net/keys/quarry-kek/0b9f5e2d3c714a8e9f61d4c2a7e3b580 (leaving out --identity keeps the current identity). Rotating to a versioned key ID pins crquarry to that version and ends automatic rotation: keyRotationEnabled turns false, and new versions are ignored until someone rotates again. To go back to following the newest version later, rotate to the versionless URI https://kv-quarry-sec.vault.azure.net/keys/quarry-kek. Confirm the switch in versionedKeyIdentifier of az acr encryption show. Don't try to force it by deleting the new version: az keyvault key delete removes the whole key with every version and cuts the registry off."),

dict(key="L13", style="long", kind="howto", category="setup", quals=["iac"], flags=["analogy", "two_facts"],
question="""On our storage accounts we simply switched encryption from Microsoft-managed to customer-managed keys after the fact, and we could switch them back the same way. I assumed Azure Container Registry worked like that, so crdeltabuild (Premium, two years old, about 900 repositories) was created without CMK. Now the auditors want our key on it. I had a look at az acr update and at the registry's Encryption page in the portal and found nothing to switch, which worries me.

Is there an equivalent of the storage-account switch for an existing registry, and if not, what is the supported route to get crdeltabuild's content under our key?""",
canonical=[O + "moving-an-existing-registry-to-cmk", O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
related=[T + "key-rotation-fails-on-a-registry-without-cmk", O + "cmk-cannot-be-disabled-after-it-is-enabled", C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep"],
facts=["`az acr update` has no `--identity` or `--key-encryption-key` option."],
answer_facts=["with the content copied into it", "no way to turn it on afterwards"],
truth="Unlike a storage account, an ACR registry can only get a customer-managed key when it is created; there is no in-place conversion. az acr update has no --identity or --key-encryption-key, az acr encryption rotate-key on a non-CMK registry fails with a usage error saying key rotation only applies to CMK-enabled registries, and an ACR maintainer said on GitHub (Azure/acr#416, November 2025) that converting existing registries is not planned. The route: give a user-assigned identity access to the key (Key Vault Crypto Service Encryption User or get/wrapKey/unwrapKey), create a new Premium registry with --identity and --key-encryption-key, copy the content with az acr import (one image or artifact per call, so script it over the 900 repositories), repoint clients, pipelines and pull secrets to the new login server, and delete crdeltabuild only after checking the copy. The switch-back part doesn't carry over either: once on, CMK can't be disabled."),

dict(key="L14", style="long", kind="howto", category="rotation", quals=[], flags=["analogy"],
question="""For our VM disks we use a disk encryption set, and automatic key rotation there is one property on the DES:

```json
{
  "type": "Microsoft.Compute/diskEncryptionSets",
  "properties": {
    "rotationToLatestKeyVersionEnabled": true,
    "activeKey": { "keyUrl": "https://kv-granite-01.vault.azure.net/keys/granite-des/3f1d9c0b5e7a4c21" }
  }
}
```

Now we are building crgranite, using a key that lives in that same vault, and I went looking for the equivalent toggle in the registry's encryption settings. All I found was keyRotationEnabled, and that one is read-only. How do we get the same behaviour on ACR, where nobody has to touch the registry after Key Vault creates a new version?""",
canonical=[K + "versioned-and-versionless-key-ids"],
related=[K + "automatic-rotation-with-a-versionless-key-id", K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", S + "step-6-choose-a-versioned-or-versionless-key-id"],
facts=["Automatic rotation only means the registry **follows** new versions"],
answer_facts=["follows the newest version automatically", "used within one hour of its creation"],
truth="ACR has no toggle like the DES property; the form of the key ID decides it. Give crgranite the versionless key URI (https://kv-granite-01.vault.azure.net/keys/<key>, no version segment) when you create it, az acr create ... --identity <user-assigned identity resource ID> --key-encryption-key <versionless URI>, or later with az acr encryption rotate-key. The registry then checks the vault and moves to each new key version within about an hour, and keyRotationEnabled reads true. Like the DES setting, it only follows versions: something has to create them, e.g. a rotation policy on the key (az keyvault key rotation-policy update, interval no shorter than 7 days) or az keyvault key rotate. A versioned URI would instead pin the registry until someone runs rotate-key."),

dict(key="L15", style="long", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question="""Our governance team assigned a policy that forces expiration dates on Key Vault keys, and its remediation script stamped an expiry on every existing key version in the subscription, including the version registry crwillowmere is pinned to in kv-willow-core. For older versions the dates landed in the past. Since then our monthly job that re-applies the registry's key fails:

```
$ az acr encryption rotate-key -n crwillowmere --key-encryption-key https://kv-willow-core.vault.azure.net/keys/willow-kek/58c1d0aa7e2f4b93a1d6e8f04b2c9e71
(BadRequest) The operation could not be completed: the key is expired.
```

Image pulls still seem to work so far. What is going on with this key, and how do we get the job working again?""",
canonical=[T + "key-is-disabled-or-expired"],
related=[V + "disabling-the-key-instead-a-key-vault-option-not-in-the-acr-docs", K + "move-to-a-new-version-of-the-same-key", K + "check-which-key-version-the-registry-uses"],
facts=["Expiry dates (`--expires`) are a related Key Vault control."],
answer_facts=["allows unwrap on an expired key", "move its expiry date into the future"],
truth="The pinned version now carries an expiry date in the past. Key Vault still lets an expired key unwrap, which is why pulls keep working, but it refuses wrap, so anything that has to wrap with that version, such as rotate-key re-applying it, fails. The ACR docs don't describe registry behaviour for expired keys, so treat this as a fault to fix now. Check with az keyvault key show --vault-name kv-willow-core --name willow-kek --version 58c1d0aa7e2f4b93a1d6e8f04b2c9e71 --query attributes. Then either move that version's expiry into the future (az keyvault key set-attributes --vault-name kv-willow-core --name willow-kek --version <version> --expires <future UTC date>), or better, create a new version and rotate crwillowmere to it instead of letting the old one lapse; and exclude registry keys from that remediation, or make sure new versions are created before expiry."),

dict(key="L16", style="long", kind="troubleshoot", category="keys", quals=["hsm", "oct2026"], flags=[],
question="""Our bank's crypto standard says registry keys must be HSM-protected, so I changed our registry setup script from `--kty RSA` to `--kty RSA-HSM` for the key in kv-cobalt-acr, which the same script creates a few lines earlier with nothing but name, group, location and purge protection. The key step now dies:

```
$ az keyvault key create --vault-name kv-cobalt-acr --name cobalt-kek --kty RSA-HSM --size 3072
(BadParameter) Key type RSA-HSM is not supported by this vault's pricing tier.
```

I hold Crypto Officer on the vault, and RSA keys create fine. We haven't created crcobalt yet. What does the vault need for this? And would a Managed HSM be the better fit for us?""",
canonical=[O + "rsa-hsm-keys-need-a-premium-key-vault"],
related=[T + "rsa-hsm-key-creation-fails-in-a-standard-vault", M + "key-vault-and-managed-hsm-compared", L + "pricing-considerations"],
facts=["A Standard-tier vault can hold software-protected RSA keys only."],
answer_facts=["premium key vault sku", "supports software-protected rsa keys only"],
truth="HSM-protected keys in a Key Vault vault need the Premium vault SKU; your script creates kv-cobalt-acr with the default standard SKU, which holds software-protected RSA keys only. Add --sku premium to the script's az keyvault create; for the vault that already exists, create a Premium one under a new name rather than deleting and re-creating it, because a soft-deleted vault keeps its name reserved. Grant the registry identity access on the new vault, then create the key with --kty RSA-HSM (or --kty RSA --protection hsm). A Managed HSM would also meet the standard, since every key in it is HSM-backed and no vault SKU is involved, and since the October 2026 revision it is a documented key store; but it has to be provisioned and activated, the key must be RSA-HSM allowing wrapKey and unwrapKey, access goes through the local role Managed HSM Crypto Service Encryption User, and it is billed for as long as it exists (soft-deleted included). For one registry key, a Premium vault is the lighter choice."),

dict(key="L17", style="long", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question="""Our bootstrap script for a new tenant environment does everything in one go, and it fails on the last line roughly every other run:

```
+ az role assignment create --assignee-object-id 9e3b7c21-44d0-4f6a-8c55-1a2b3c4d5e6f --role e147488a-f6f5-4113-8e2d-b22465e65bf6 --scope /subscriptions/0000/resourceGroups/rg-marlow-t7/providers/Microsoft.KeyVault/vaults/kv-marlow-t7 --assignee-principal-type ServicePrincipal
+ az acr create -n crmarlowt7 -g rg-marlow-t7 --sku Premium --identity id-marlow-t7 --key-encryption-key https://kv-marlow-t7.vault.azure.net/keys/marlow-kek
(KeyVaultAccessForbidden) Failed to access KeyId 'https://kv-marlow-t7.vault.azure.net/keys/marlow-kek'. Check the identity's permissions.
```

When I rerun only the az acr create a few minutes later it always succeeds, and that vault has no firewall. Why is it flaky, and what should the script do about it?""",
canonical=[T + "registry-creation-cannot-access-the-key"],
related=[A + "grant-access-with-an-azure-rbac-role", C + "why-the-registry-needs-depends_on-on-the-role-assignment", A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities"],
facts=["New role assignments can take a few minutes to take effect."],
answer_facts=["then run the create again", "at the moment it is created"],
truth="It's role-assignment propagation, not a missing grant. The registry must already be able to use the key, through id-marlow-t7, at the moment az acr create runs, and a new Azure role assignment can take a few minutes to take effect. When the create follows the assignment within seconds, Key Vault still treats the identity as having no access and creation fails with Failed to access KeyId; minutes later the same call works. Make the script wait and retry: after the role assignment, retry az acr create with a back-off (for example a few attempts a minute apart) on that error, or create the identity and its grant early in the run and the registry last. The other causes of this error, a grant in the wrong permission model or a vault firewall without trusted services, don't fit here because the rerun succeeds and the vault is open."),

dict(key="L18", style="long", kind="troubleshoot", category="limits", quals=[], flags=[],
question="""We run a nightly tag-retention job on crsparrowhawk that keeps the last 20 tags per repository and deletes anything matching `sha256-*` as "orphaned digests". Since we started signing with Notation last month, verification in our deploy stage fails for most images:

```
$ notation verify crsparrowhawk.azurecr.io/payments/api@sha256:4be1c2
Error: signature verification failed: no signature is associated with "crsparrowhawk.azurecr.io/payments/api@sha256:4be1c2"
$ oras discover crsparrowhawk.azurecr.io/payments/api@sha256:4be1c2
crsparrowhawk.azurecr.io/payments/api@sha256:4be1c2
```

Images signed the same morning verify fine. The registry is CMK-encrypted. Is our retention job the culprit, and what should it leave alone?""",
canonical=[T + "oras-and-notation-store-referrers-as-tags"],
related=[L + "oci-referrers-api-is-not-supported", L + "notation-signatures-on-cmk-registries", L + "docker-content-trust-is-being-retired-use-notation"],
facts=["Expect those extra tags in repository listings"],
answer_facts=["leave the digest-named tags in place", "deleting them hides those artifacts from discovery"],
truth="The retention job is removing what the signatures hang on. A CMK-encrypted registry doesn't support the OCI Referrers API, so ORAS and Notation 1.2.0 and later fall back to the referrers tag schema: each image's attached artifacts are tracked under a tag derived from the image's digest, which is exactly what your sha256-* rule deletes. Once that tag is gone, notation verify and oras discover can no longer find the signature, which is why only images signed since the last run still pass. Exclude the digest-named tags from the retention job, since they are expected on a CMK registry, re-sign the affected images, and keep ORAS and Notation at versions that use the fallback; tools that only query the Referrers API won't see the signatures at all."),

dict(key="L19", style="long", kind="troubleshoot", category="recovery", quals=[], flags=["two_facts"],
question="""Quarterly kill-switch drill on crheronsgate: we revoke the registry's key access and expect pulls to fail within minutes. I removed the identity's encryption-user assignment on the vault the way the runbook says (by assignment ID), then listed what is left:

```
$ az role assignment delete --ids /subscriptions/0000/resourceGroups/rg-heron/providers/Microsoft.KeyVault/vaults/kv-heron-cmk/providers/Microsoft.Authorization/roleAssignments/6b1f0c2d-9e8a-4d37-b5c4-7a2e1f3d9c80
$ az role assignment list --all --assignee-object-id 3f6a1d2e-8b7c-4e9f-a0b1-c2d3e4f5a6b7 --query "[].{assigned:roleDefinitionName, at:scope}" -o table
Assigned               At
---------------------  --------------------------------------
Key Vault Crypto User  /subscriptions/0000/resourceGroups/rg-heron
```

Two hours later docker pull from crheronsgate still works. Why didn't the revocation bite, and what exactly should the drill remove?""",
canonical=[V + "revoke-by-deleting-the-rbac-role-assignment", A + "why-key-vault-crypto-user-is-not-needed"],
related=[V + "what-revocation-does-to-the-registry", V + "restore-access-after-a-revocation", A + "verify-the-identitys-access"],
facts=["grants more than the registry needs"],
answer_facts=["those keep access working", "general cryptographic operations with keys"],
truth="The identity still holds Key Vault Crypto User at the resource group rg-heron, and kv-heron-cmk inherits it; that broader role includes wrap and unwrap, so the registry keeps reaching its key although the encryption-user assignment on the vault is gone. For a real revocation, remove every assignment that gives the identity key use on the vault or a parent scope, e.g. az role assignment delete --assignee-object-id <principal ID> --role \"Key Vault Crypto User\" --scope /subscriptions/<sub>/resourceGroups/rg-heron, listing first with the same filters because delete removes every match. The registry identity never needed Key Vault Crypto User anyway. Once nothing grants key use, revocation blocks all registry data; the drill's restore step is re-creating the Key Vault Crypto Service Encryption User assignment on the vault, after which the registry picks the key up again by itself."),

dict(key="L20", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="""We imported our own RSA key into Managed HSM mhsm-larkspur (BYOK from the on-prem HSM, done by the PKI team) and granted id-lark-enc the encryption user local role on /keys/lark-byok. Rotating crlarkspur onto it is refused:

```
$ az keyvault key show --hsm-name mhsm-larkspur --name lark-byok --query "{type:key.kty, allowed:key.keyOps}"
{
  "type": "RSA-HSM",
  "allowed": [ "sign", "verify" ]
}
$ az acr encryption rotate-key -n crlarkspur --key-encryption-key https://mhsm-larkspur.managedhsm.azure.net/keys/lark-byok --identity id-lark-enc
(BadRequest) The key 'lark-byok' cannot be used for registry encryption.
```

The role assignment lists fine at that scope. Why won't the registry take this Managed HSM key, and can we fix it without importing under a new name?""",
canonical=[T + "managed-hsm-key-has-the-wrong-type-or-operations"],
related=[M + "requirements-for-a-managed-hsm-key-store", M + "rotate-a-managed-hsm-key", K + "create-a-new-version-in-a-managed-hsm"],
facts=["The key is an RSA-HSM key whose permitted operations include `wrapKey` and `unwrapKey`."],
answer_facts=["a new version of the same key", "the key itself must allow the operations"],
truth="The key's permitted operations are the problem: lark-byok is RSA-HSM, but its ops allow only sign and verify, and ACR needs an RSA-HSM key in the Managed HSM that permits wrapKey and unwrapKey; the local role can't make up for what the key itself doesn't allow. Since the type is right, add a new version of the same key that allows wrap and unwrap: have the PKI team import the next version under the name lark-byok with wrapKey and unwrapKey in its key operations (for a generated key, az keyvault key create --hsm-name mhsm-larkspur --name lark-byok --kty RSA-HSM --ops wrapKey unwrapKey). The assignment at /keys/lark-byok covers every version, so no new role is needed; then run the rotate-key again with the versionless URI. Only a wrong key type would force a new key name."),

dict(key="L21", style="long", kind="yes", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="""Our cloud security architect is writing the container platform standard and quotes Microsoft's "secure your container registry" guidance, which describes the customer-managed key as stored in Azure Key Vault, full stop. The crypto team, however, only issues keys out of our Managed HSM pool (mhsm-corvid-01) and refuses to run a separate key vault just for registries. A colleague meanwhile points at the CMK tutorials, which he says were revised in October 2026. Before I escalate this between two teams: can the registry's customer-managed key live in a Managed HSM under current Microsoft documentation, or is that still unsupported?""",
canonical=[M + "managed-hsm-is-a-supported-key-store-for-acr-cmk"],
related=[M + "requirements-for-a-managed-hsm-key-store", O + "managed-hsm-keys", L + "managed-hsm-is-not-available-everywhere"],
facts=["the setup, rotation, revocation and troubleshooting steps each have a Managed HSM variant"],
answer_facts=["written before the tutorials were revised", "follow the cmk tutorials"],
truth="Yes: since the October 2026 revision of the four ACR CMK tutorials, Azure Key Vault Managed HSM is a documented key store next to Key Vault vaults, with Managed HSM variants of the setup, rotation, revocation and troubleshooting steps. The registry security overview and the 'secure your container registry' article still describe the key as living in Key Vault, but they were written before that revision; for Managed HSM, follow the CMK tutorials. Conditions: mhsm-corvid-01 must be activated, the key must be RSA-HSM allowing wrapKey and unwrapKey, the registry identity needs the local role Managed HSM Crypto Service Encryption User (ideally at /keys/<key>), which you assign yourself, and Managed HSM must be offered in the registry's cloud and region."),

dict(key="L22", style="long", kind="value", category="recovery", quals=["hsm", "oct2026"], flags=[],
question="""Our finance report flagged a Managed HSM line item nobody recognized. It turns out mhsm-tern-legacy, which used to hold the key of registry crternlegacy, was deleted in July when that registry was decommissioned, and it has been sitting soft-deleted ever since. Its purge protection is off, and retention was set to 90 days when it was created. Nobody needs its keys any more; crternlegacy and its images are gone for good. Are we really still paying for a soft-deleted Managed HSM? What ends the charges?""",
canonical=[L + "pricing-considerations"],
related=[M + "recover-a-deleted-managed-hsm-key-or-hsm", V + "recover-a-deleted-managed-hsm", O + "soft-delete-and-purge-protection-on-the-key-vault"],
facts=["listing, recovering and purging a deleted HSM needs the Azure role Managed HSM Contributor"],
answer_facts=["a deleted hsm keeps costing money", "until it is recovered or purged"],
truth="The charge is expected: a Managed HSM in the soft-deleted state is still billed until someone recovers or purges it, because its HSM capacity stays allocated; unlike a key vault, deleting it doesn't stop the cost. With no registry needing its keys, purging it ends the charges; someone with the Azure role Managed HSM Contributor can list (az keyvault list-deleted --resource-type hsm) and purge the deleted HSM, and since purge protection is off nothing blocks an early purge. Otherwise it is removed when the 90-day retention ends. Purging is irreversible and destroys every key in the HSM, so confirm first that nothing else used mhsm-tern-legacy."),

dict(key="L23", style="long", kind="howto", category="setup", quals=["hsm", "oct2026"], flags=["two_facts"],
question="""I have the key vault version of our registry bootstrap working and now need the Managed HSM variant for the regulated tenant. The HSM mhsm-pelican was provisioned this morning by the security team (they own the security domain). My draft just swaps the vault commands for HSM ones:

```bash
az keyvault role assignment create --scope /keys/pelican-kek --hsm-name mhsm-pelican --assignee-object-id "$ENC_PID" --assignee-principal-type MSI --role 33413926-3206-4cdd-b39a-83574fe37a17
az keyvault key create --hsm-name mhsm-pelican --name pelican-kek --ops wrapKey unwrapKey --kty RSA-HSM
PELICAN_URI=$(az keyvault key show --hsm-name mhsm-pelican --name pelican-kek --query key.kid -o tsv)
echo "using $PELICAN_URI"
az acr create -n crpelican -g rg-pelican --sku Premium --identity "$ENC_ID" --key-encryption-key "${PELICAN_URI%/*}"
```

In what order do these need to run for a Managed HSM, and what has to be true of the HSM and of my own permissions before the first command?""",
canonical=[S + "using-a-managed-hsm-key-instead-of-a-key-vault", M + "requirements-for-a-managed-hsm-key-store"],
related=[M + "provision-and-activate-the-managed-hsm", M + "local-rbac-roles-for-acr-encryption", M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli"],
facts=["Only these built-in roles can write role assignments"],
answer_facts=["steps 4 and 5 swap places", "holds a key-creating local role"],
truth="Swap the first two lines: in a Managed HSM the access is granted on the key itself, so create pelican-kek first and only then assign the role at /keys/pelican-kek; after that read the kid, strip the version if you want automatic rotation, and run az acr create (if the HSM firewall is on, allow trusted services before the create). Before any of it, the HSM must be activated, not just provisioned: until the security team has downloaded the security domain and activationStatus reads Active, no key can be created and no local role assigned. For your own part, creating the key needs a key-creating local role such as Managed HSM Crypto User, and writing the role assignment needs Managed HSM Administrator, Managed HSM Crypto Officer or Managed HSM Policy Administrator. Local role assignments can take several minutes to take effect, so wait or retry before az acr create; ACR never creates the assignment for you."),

dict(key="L24", style="long", kind="yes", category="network", quals=[], flags=[],
question="""Our vault kv-ibis-keys, which holds the key of registry cribis, gets locked down next sprint: default action Deny, trusted services allowed. The catch is our self-hosted build agents, which create new key versions during the monthly rotation job; they sit in snet-agents of vnet-ibis-build, which has the Microsoft.KeyVault service endpoint. Current rules:

```
$ az keyvault show -n kv-ibis-keys --query properties.networkAcls
{
  "bypass": "AzureServices",
  "defaultAction": "Allow",
  "ipRules": [],
  "virtualNetworkRules": []
}
```

Can we add the agents' subnet as a network rule on the vault and still keep the registry working through the trusted-services bypass, without adding any IP rule for the registry itself?""",
canonical=[N + "allow-your-own-clients-through-the-vault-firewall"],
related=[N + "allow-trusted-services-and-deny-other-traffic", N + "the-vault-firewall-covers-the-data-plane-only", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
facts=["do not pass through that filter"],
answer_facts=["these rules are for your clients", "not via an ip rule"],
truth="Yes: add the subnet with az keyvault network-rule add -n kv-ibis-keys --vnet-name vnet-ibis-build --subnet snet-agents (or pass the subnet's resource ID), then switch the default action to Deny while keeping --bypass AzureServices. Network rules are for your own clients, such as these agents creating key versions; the registry itself gets through as a trusted Azure service via the bypass, not via an IP or subnet rule, so it needs none. The bypass only opens the path, so the identity's key permissions stay as they are. Changes to the vault's settings and role assignments remain possible from any network, since the firewall filters only the data plane."),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="yes", category="identity", quals=[], flags=["shorthand"],
question="acr cmk made w/ uami, can we roate encyrption over to sami later?",
canonical=[O + "requirements-at-a-glance"],
related=[I + "switch-to-the-registrys-system-assigned-identity-after-creation", K + "rotate-with-a-different-identity-or-the-system-assigned-identity", I + "a-user-assigned-identity-is-required-when-the-registry-is-created"],
facts=["After creation, CMK can use the registry's own system-assigned managed identity (SAMI)"],
answer_facts=["system-assigned identity can be used later"],
truth="Yes: the user-assigned identity is only required when the registry is created; afterwards you can move encryption to the registry's system-assigned identity. Turn it on with az acr identity assign -n <registry> --identities '[system]', grant its principal ID key access (Key Vault Crypto Service Encryption User on an RBAC vault, get/wrapKey/unwrapKey on an access-policy vault, or the Managed HSM local role on the key), then run az acr encryption rotate-key -n <registry> --key-encryption-key <key ID> --identity '[system]'. Keep the user-assigned identity attached, with its access, until az acr encryption show reports the identity as system."),

dict(key="S2", style="short", kind="value", category="keys", quals=[], flags=["shorthand"],
question="kv is in rbac mode, which role for the acr uami on that vualt?",
canonical=[A + "two-supported-ways-to-grant-key-access"],
related=[A + "grant-access-with-an-azure-rbac-role", A + "why-key-vault-crypto-user-is-not-needed", S + "option-a-azure-rbac-role-on-an-rbac-vault"],
facts=["the grant goes to the identity's **principal ID** (object ID)"],
answer_facts=["the key vault resource id", "role key vault crypto service encryption user"],
truth="Key Vault Crypto Service Encryption User, assigned to the user-assigned identity's principal (object) ID and scoped to the key vault's resource ID: az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <vault resource ID>. It allows reading the key plus wrap and unwrap, which is all the registry needs; Key Vault Crypto User is not required. An access policy with get, wrapKey and unwrapKey is the alternative only for vaults on the access-policy model."),

dict(key="S3", style="short", kind="why", category="rotation", quals=[], flags=["shorthand"],
question="encyrption show on our acr says keyrotationenabled false, y? kv has a newer kek",
canonical=[S + "step-8-verify-the-encryption-status"],
related=[T + "registry-keeps-using-an-old-key-version", K + "switch-from-manual-to-automatic-rotation", K + "check-which-key-version-the-registry-uses"],
facts=["With a versioned ID the registry stays on that version until someone rotates it manually."],
answer_facts=["when a versionless id makes the registry"],
truth="Because the registry was configured with a versioned key ID, one that ends in a specific version. keyRotationEnabled is read-only and is true only when a versionless key ID makes the registry follow new versions; with a versioned ID the registry stays on that version even though the key vault holds a newer one. To follow new key encryption key versions automatically from now on, run az acr encryption rotate-key -n <registry> --key-encryption-key <versionless key URI>; otherwise rotate to each new versioned ID by hand."),

dict(key="S4", style="short", kind="no", category="identity", quals=[], flags=["analogy"],
question="sql tde uses the server's system identity from day one; acr cmk too?",
canonical=[I + "a-user-assigned-identity-is-required-when-the-registry-is-created"],
related=[T + "system-assigned-identity-rejected-at-registry-creation", I + "switch-to-the-registrys-system-assigned-identity-after-creation", O + "identity-and-key-access-requirements"],
facts=["At creation, `--identity` must be a user-assigned identity"],
answer_facts=["does not accept --identity '[system]'", "system-assigned identity cannot have been granted"],
truth="No: unlike that setup, an ACR registry has to be created with a user-assigned managed identity. az acr create rejects --identity '[system]', because the registry's own system-assigned identity doesn't exist before the registry does and so can't have been granted access to the key. After creation you can turn the system-assigned identity on, grant it key access and switch encryption to it with az acr encryption rotate-key --identity '[system]'."),

dict(key="S5", style="short", kind="value", category="limits", quals=[], flags=["analogy"],
question="storage accounts get cmk on any sku, is acr the same or premium only?",
canonical=[O + "cmk-requires-the-premium-sku"],
related=[T + "cmk-needs-the-premium-tier", L + "feature-compatibility-summary", O + "requirements-at-a-glance"],
facts=["Upgrading a Basic or Standard registry to Premium does not add CMK afterwards."],
answer_facts=["premium-tier feature", "the service rejects the request"],
truth="Premium only. Unlike storage accounts, a registry can use a customer-managed key only on the Premium SKU, and only if CMK is chosen when the registry is created; Basic and Standard registries can't have it. The CLI doesn't check the tier (az acr create accepts --sku Standard with the CMK options), the service rejects it, so always pass --sku Premium. Upgrading an existing Basic or Standard registry to Premium doesn't add CMK afterwards."),

dict(key="S6", style="short", kind="howto", category="recovery", quals=[], flags=["undo"],
question="deleted our acr kek in kv by mistake an hour ago, how to undo",
canonical=[V + "recover-a-deleted-key"],
related=[V + "revoke-by-deleting-the-key", T + "key-vault-or-key-was-deleted", V + "how-purge-protection-protects-the-registry"],
facts=["If the key is later purged, or the retention period runs out, the registry's content is lost for good."],
answer_facts=["registry operations resume", "unaffected by deleting and recovering a key"],
truth="Recover it while it sits soft-deleted: check with az keyvault key list-deleted --vault-name <vault>, then run az keyvault key recover --vault-name <vault> --name <key>. Deleting the key cut the registry off from every version of it, and recovering undoes that: registry operations resume once the key is back, and the identity's access policy or role assignment on the vault is unaffected by the delete and recover. Don't purge it: after a purge, or once the retention period ends, the registry's content is lost for good."),

dict(key="S7", style="short", kind="howto", category="limits", quals=[], flags=[],
question="az cmd that lists all our registries plus whether each has cmk on",
canonical=[L + "check-the-encryption-status-of-a-registry"],
related=[L + "azure-policy-built-in-for-cmk", S + "step-8-verify-the-encryption-status", K + "check-which-key-version-the-registry-uses"],
facts=["Assign it at subscription or resource-group scope to report non-compliant registries."],
answer_facts=["status is enabled for a cmk registry", "cmk:encryption.status"],
truth="Run az acr list --query \"[].{name:name, sku:sku.name, cmk:encryption.status}\" --output table; encryption.status reads enabled for registries with a customer-managed key. For a single registry, az acr encryption show --name <registry> gives the whole keyVaultProperties object (identity, keyIdentifier, versionedKeyIdentifier, keyRotationEnabled, lastKeyRotationTimestamp). For ongoing reporting, assign the built-in policy 'Container Registries should be encrypted with a Customer-Managed Key (CMK)' at subscription or resource-group scope."),

dict(key="S8", style="short", kind="howto", category="limits", quals=[], flags=[], typo="expot",
question="how do i expot acr task logs before the cmk 24h cleanup?",
canonical=[L + "acr-tasks-run-logs-are-kept-for-only-24-hours"],
related=[L + "export-task-run-logs-before-they-expire", T + "task-run-logs-disappear-after-24-hours", L + "feature-compatibility-summary"],
facts=["Automate this (for example at the end of each pipeline that triggers a task) so no log is lost after a day."],
answer_facts=["copy them out while they exist", "retained for 24 hours only"],
truth="Copy each run's log out while it still exists: list recent runs with az acr task list-runs --registry <registry> --top 20 -o table, then save the output of az acr task logs --registry <registry> --run-id <run ID> to a file, a storage account or your log platform. Automate it, for example as the last step of the pipeline that triggers the task, because on a CMK registry ACR Tasks keeps run logs for only 24 hours and no setting extends that; logs that have already aged out can't be fetched."),

dict(key="S9", style="short", kind="troubleshoot", category="setup", quals=[], flags=[], typo="idnetity",
question="az acr create fails, says i passed the idnetity but no key uri",
canonical=[T + "acr-create-needs-both-identity-and-key"],
related=[S + "rules-that-az-acr-create-enforces-for-cmk", S + "step-7-create-the-premium-registry-with-the-customer-managed-key", I + "which-identity-value-goes-where"],
facts=["`--identity` and `--key-encryption-key` go together."],
answer_facts=["passing just one of them is rejected"],
truth="az acr create configures CMK only when it gets both options, --identity (the user-assigned identity's resource ID, or its name in the same resource group) and --key-encryption-key (the key URI); with just one of them it stops with a usage error before anything reaches Azure. Read the key ID, e.g. KEY_ID=$(az keyvault key show --vault-name <vault> --name <key> --query key.kid -o tsv), and run az acr create -n <registry> -g <rg> --sku Premium --identity <identity resource ID> --key-encryption-key $KEY_ID, or the versionless form of the ID for automatic rotation."),

dict(key="S10", style="short", kind="troubleshoot", category="hsm", quals=["hsm", "iac", "oct2026"], flags=[],
question="portal key picker lists our managed hsm but no keys at all, why",
canonical=[N + "the-portal-key-picker-and-a-key-store-firewall"],
related=[M + "key-picker-blocked-by-the-hsm-firewall", T + "portal-key-picker-cannot-list-keys-behind-the-managed-hsm-firewall", N + "managed-hsm-firewall-and-trusted-services"],
facts=["the HSM shows up but its keys cannot be listed"],
answer_facts=["through the key store's data plane", "cover a browser outside the network boundary"],
truth="The picker lists keys through the Managed HSM's data plane, from your browser, and the HSM firewall is not letting your client address in; the trusted-services exception only admits ACR itself, not a browser outside the network boundary. Either add your client IP to the HSM firewall (az keyvault network-rule add --hsm-name <hsm> --ip-address <your IP>) or skip the picker and use Enter key URI with the key ID read from an allowed network. Keep the trusted-services bypass on so the registry can still reach the key."),

dict(key="S11", style="short", kind="undocumented", category="rotation", quals=[], flags=[], typo="vesions",
question="any official interval for new cmk key vesions on acr, like 90 days?",
canonical=[K + "how-often-to-rotate"],
related=[K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", K + "versioned-and-versionless-key-ids", M + "rotate-a-managed-hsm-key"],
facts=["The shortest allowed rotation interval is **7 days**."],
answer_facts=["they give no fixed rotation frequency", "from 7 days up"],
truth="Not documented: the ACR docs only recommend rotating key versions regularly, on the schedule your organisation's compliance policy sets, and give no fixed frequency such as 90 days. The practical bounds come from the key store: a Key Vault rotation policy can't rotate more often than every 7 days (every 28 days in a Managed HSM). With a versionless key ID the registry follows each new version within an hour."),

dict(key="S12", style="short", kind="undocumented", category="keys", quals=[], flags=[],
question="minimum rsa key size acr insists on for a cmk, 2048 or 4096?",
canonical=[O + "key-sizes-offered-by-key-vault"],
related=[O + "which-key-types-and-sizes-are-supported", T + "elliptic-curve-key-rejected", O + "rsa-hsm-keys-need-a-premium-key-vault"],
facts=["Key size: the ACR articles name **no** size."],
answer_facts=["key vault statement, not an acr one", "2048, 3072 and 4096 bits"],
truth="Not documented: the ACR articles name no key size at all, neither a minimum nor a recommendation. The sizes on offer come from Key Vault, whose RSA keys (software or HSM-protected) come in 2048, 3072 and 4096 bits, and any of them is a valid RSA key for the registry; pick what your compliance policy asks for and set it explicitly with az keyvault key create --kty RSA --size <bits>. What ACR does fix is the type: RSA or RSA-HSM only, no elliptic-curve keys."),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="A1", style="agent", kind="troubleshoot", form="keywords", category="troubleshooting", quals=[], flags=["shorthand"],
question="new kv made w/ az cli 2.64, set-policy to give the acr uami key acess fails w/ rbac error, dont want to rebuild the kv, quick fix pls",
canonical=[T + "set-policy-fails-on-an-rbac-key-vault"],
related=[A + "azure-cli-262-and-later-create-rbac-vaults-by-default", A + "which-permission-model-does-my-key-vault-use", S + "option-a-azure-rbac-role-on-an-rbac-vault"],
facts=["Older guides that create a vault and then run `az keyvault set-policy` therefore fail on a current CLI."],
answer_facts=["grant access with a role assignment instead", "access policies don't apply"],
truth="The key vault was created in RBAC mode, the default of az keyvault create since Azure CLI 2.62, so access policies don't apply there and set-policy refuses to run. No rebuild needed: give the user-assigned identity the role instead, scoped to the vault, az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <vault resource ID>. Switching the vault to access policies (az keyvault update --enable-rbac-authorization false) is possible but disruptive for everything else that uses it."),

dict(key="A2", style="agent", kind="howto", form="context", category="hsm", quals=["hsm", "oct2026"], flags=["shorthand"],
question="Context: acr cmk uses a key in our mhsm, uami holds its role at /keys/kek-a only; next week we move the registry to kek-b in the same hsm. q: does the uami need a new hsm role assignmnt for kek-b before rotate-key, anything else",
canonical=[A + "access-to-a-key-in-a-second-key-vault"],
related=[M + "rotate-a-managed-hsm-key", K + "move-to-a-different-key-or-to-a-key-in-another-vault", K + "manual-rotation-with-az-acr-encryption-rotate-key"],
facts=["a new key name needs a new role assignment"],
answer_facts=["where access is granted per key"],
truth="A new assignment is needed: in a Managed HSM access is granted per key, and the user-assigned identity's assignment at /keys/kek-a does not cover kek-b. Before az acr encryption rotate-key, create it yourself, since ACR never does: az keyvault role assignment create --hsm-name <hsm> --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id <principal ID> --assignee-principal-type MSI --scope /keys/kek-b, and give it a few minutes to take effect. Also make sure kek-b is RSA-HSM allowing wrapKey and unwrapKey, then rotate with --key-encryption-key set to kek-b's versionless (or versioned) URI, and keep the kek-a assignment until az acr encryption show reports the new key."),

dict(key="A3", style="agent", kind="undocumented", form="context", category="recovery", quals=[], flags=["analogy"],
question="Context: with Azure SQL TDE on a customer-managed key, losing access to the key doesn't take databases offline immediately; there is a grace period. Question: does ACR have a comparable grace period after we revoke the registry's key, or do pulls stop right away?",
canonical=[V + "revoking-and-restoring-access-to-the-customer-managed-key"],
related=[V + "what-revocation-does-to-the-registry", T + "registry-identity-is-inactive-or-expired", V + "restore-access-after-a-revocation"],
facts=["There is no partial revocation per repository."],
answer_facts=["cannot read any of its content"],
truth="Not documented: unlike the TDE behaviour you describe, the ACR docs name no grace period for revocation. They say that once the registry's identity can no longer use the key (policy or role removed, or key deleted), access to all registry data is blocked, with no per-repository exceptions, and they give no timing. The one documented delay is a different case: an attempted identity removal leaves the identity inactive, and pulls continue until it expires, usually after about three months. Plan as if revocation takes effect right away and measure it in a drill."),

dict(key="A4", style="agent", kind="howto", form="context", category="hsm", quals=["hsm", "oct2026"], flags=["undo"],
question="Context: to rehearse our kill switch I deleted id-falcon-enc's local role assignment at /keys/falcon-kek in mhsm-falcon, and crfalcon pulls now fail as planned. Question: how do I undo the revocation on the Managed HSM and get crfalcon serving again?",
canonical=[V + "restore-access-after-a-revocation"],
related=[M + "revoke-access-to-a-managed-hsm-key", T + "registry-access-lost-after-key-permissions-were-revoked", T + "managed-hsm-role-assignment-not-yet-in-effect"],
facts=["giving access back, or recovering the key, brings the registry back"],
answer_facts=["no registry command is needed", "managed hsm (same scope as before)"],
truth="Re-create the same local role assignment at the same scope: az keyvault role assignment create --hsm-name mhsm-falcon --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id <principal ID of id-falcon-enc> --assignee-principal-type MSI --scope /keys/falcon-kek. That undoes the revocation: once the grant has propagated (local RBAC changes can take several minutes), the registry picks the key up again by itself, and no registry command is needed. Check with az acr encryption show and a test pull."),

dict(key="A5", style="agent", kind="no", form="imperative", category="recovery", quals=[], flags=["undo"],
question="Tell me whether purge protection, which I turned on by accident for kv-sable-core (the vault holding our registry's key), can be switched off again, and what keeping it means for us.",
canonical=[O + "soft-delete-and-purge-protection-behaviour-in-key-vault"],
related=[O + "soft-delete-and-purge-protection-on-the-key-vault", V + "how-purge-protection-protects-the-registry", V + "recover-a-deleted-key-vault"],
facts=["With purge protection on, nobody can permanently erase a deleted vault or key early"],
answer_facts=["enabling purge protection is a one-way change"],
truth="No: purge protection is one-way once it is on, so kv-sable-core can't have it switched off again. Keeping it is what the ACR docs recommend for CMK vaults anyway: soft delete still lets you recover deleted keys and the vault, and purge protection only stops anyone from erasing them before the retention period (7 to 90 days) runs out, so an accidental deletion can't become permanent loss of the registry's data. The practical effect is that a deleted vault or key stays around, its name reserved, until retention ends."),

dict(key="A6", style="agent", kind="howto", form="imperative", category="troubleshooting", quals=["hsm", "oct2026"], flags=[],
question="List, in order, the read-only commands to triage registry crkestrel whose key sits in Managed HSM mhsm-kestrel, starting with the encryption status and ending with the identity's role on the key.",
canonical=[T + "general-diagnostic-checklist"],
related=[L + "az-acr-check-health-and-cmk_error", T + "managed-hsm-is-not-activated", A + "verify-the-identitys-access"],
facts=["An empty result means no assignment at that exact scope"],
answer_facts=["expect active", "points at a managed hsm"],
truth="1) az acr encryption show -n crkestrel (status, keyIdentifier, versionedKeyIdentifier, identity client ID); 2) az acr identity show -n crkestrel (is that identity attached); 3) az acr check-health -n crkestrel --ignore-errors --yes (CMK_ERROR); 4) az keyvault show --hsm-name mhsm-kestrel querying activationStatus, publicNetworkAccess, networkAcls, soft delete and purge protection (activation should be Active); 5) az keyvault key show --hsm-name mhsm-kestrel --name <key> for kty, keyOps and attributes (RSA-HSM, wrapKey and unwrapKey, enabled, not expired); 6) az keyvault role assignment list --hsm-name mhsm-kestrel --assignee-object-id <principal ID> --scope /keys/<key>, expecting Managed HSM Crypto Service Encryption User; take the principal ID from az acr identity show if encryption uses the system-assigned identity. The vault checks (permission model, access policies) don't apply to a Managed HSM."),

dict(key="A7", style="agent", kind="howto", form="imperative", category="iac", quals=["iac"], flags=[],
question="Write the AVM Terraform module call for registry crosprey with key osprey-kek from vault kv-osprey and identity id-osprey-enc, so the registry follows new key versions automatically.",
canonical=[C + "avm-terraform-module-customer_managed_key-variable"],
related=[C + "avm-bicep-module-customermanagedkey-parameter", C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs", C + "complete-terraform-example-with-key-vault-role-assignment-and-registry"],
facts=["v0.6.0 and later require azurerm"],
answer_facts=["uses the key's versionless_id", "unless key_version is set"],
truth="Use Azure/avm-res-containerregistry-registry/azurerm at v0.6.0 or later, which uses the key's versionless_id unless key_version is set (it needs azurerm >= 4.81.0, < 5.0.0): module \"registry\" { source = \"Azure/avm-res-containerregistry-registry/azurerm\", version = \"0.8.0\", name = \"crosprey\", resource_group_name and location as usual, sku = \"Premium\", managed_identities = { user_assigned_resource_ids = [azurerm_user_assigned_identity.osprey_enc.id] }, customer_managed_key = { key_vault_resource_id = azurerm_key_vault.osprey.id, key_name = \"osprey-kek\", user_assigned_identity = { resource_id = azurerm_user_assigned_identity.osprey_enc.id } }, depends_on = [the identity's key access grant] }. Leave key_version out, list the identity in both places (a precondition checks that, and Premium), and grant the identity Key Vault Crypto Service Encryption User on kv-osprey before the module runs. Module versions 0.3.0 to 0.5.1 always used the versioned id."),

dict(key="A8", style="agent", kind="troubleshoot", form="keywords", category="troubleshooting", quals=[], flags=[],
question="acr check-health flags cmk_error on crplover after our cleanup script deleted an unused looking managed identity, pulls still fine, what to do",
canonical=[L + "az-acr-check-health-and-cmk_error"],
related=[T + "check-health-reports-cmk_error", I + "switch-to-the-registrys-system-assigned-identity-after-creation", T + "removing-the-encryption-identity-fails"],
facts=["Typically that identity was deleted, or it is no longer attached to the registry."],
answer_facts=["a health-check error code", "to a different managed identity"],
truth="CMK_ERROR means the registry can't reach the managed identity its encryption is configured to use, and the cleanup most likely deleted exactly that identity. Confirm: compare az acr encryption show -n crplover --query keyVaultProperties.identity -o tsv with the identities in az acr identity show. If the identity still exists and was only detached, re-attach it with az acr identity assign. If it was deleted, rotate the key onto another identity that exists and has key access, e.g. az acr identity assign -n crplover --identities '[system]', grant that principal ID the vault role or access policy, run az acr encryption rotate-key -n crplover --key-encryption-key <current keyIdentifier> --identity '[system]', and re-run az acr check-health -n crplover --ignore-errors --yes."),

dict(key="A9", style="agent", kind="troubleshoot", form="context", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="Context: pipeline granted id-wren-enc the local role on /keys/wren-kek in mhsm-wren at 11:02 and ran az acr create at 11:03, which failed; at 11:20 assignment lists fine. Question: why did the registry lack access to the Managed HSM key, and will a rerun do?",
canonical=[M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli"],
related=[T + "managed-hsm-role-assignment-not-yet-in-effect", A + "grant-access-to-a-key-in-a-managed-hsm", T + "managed-hsm-is-not-activated"],
facts=["Do not pile up duplicate assignments in the meantime."],
answer_facts=["can take several minutes to take effect", "wait and run it again"],
truth="Timing: changes to Managed HSM local RBAC can take several minutes to propagate, and until then the identity counts as having no access even though the assignment already lists. One minute after the grant was too early. If the assignment shows the right role (Managed HSM Crypto Service Encryption User), principal and scope, a rerun of az acr create is enough; don't add duplicate assignments meanwhile. Make the pipeline wait several minutes, or retry the create with a back-off. If it still fails well after that, check activation, the key's type and operations (RSA-HSM with wrapKey and unwrapKey), the key URI and the HSM firewall."),

dict(key="A10", style="agent", kind="value", form="context", category="rotation", quals=["hsm", "oct2026"], flags=[],
question="Context: crpetrel encrypts with the versionless URI of kek-p in Managed HSM mhsm-petrel, and the HSM team added a new version of kek-p at 09:00. Question: which version of the Managed HSM key is the registry using right now, and where do I read it?",
canonical=[K + "check-which-key-version-the-registry-uses"],
related=[K + "automatic-rotation-with-a-versionless-key-id", M + "rotate-a-managed-hsm-key", K + "versioned-and-versionless-key-ids"],
facts=["It works the same when the key is in a Managed HSM"],
answer_facts=["when the registry last switched versions", "the exact version the registry is using"],
truth="Read it from the registry, not the HSM: az acr encryption show -n crpetrel --query keyVaultProperties.versionedKeyIdentifier -o tsv gives the exact version in use, while keyIdentifier stays the versionless URI you configured, keyRotationEnabled is true and lastKeyRotationTimestamp shows when the registry last switched. With a versionless Managed HSM key URI the registry polls the HSM and picks up a new version within one hour of its creation, so until about 10:00 it may still be on the previous version. If it hasn't moved after an hour, check the HSM firewall and the identity's local role."),

dict(key="A11", style="agent", kind="yes", form="imperative", category="setup", quals=["hsm", "oct2026"], flags=[],
question="Confirm whether az acr encryption rotate-key on Azure CLI 2.63 accepts a managedhsm.azure.net key URI, given that its help text there only talks about a key vault key.",
canonical=[S + "azure-cli-version-notes-for-cmk-commands"],
related=[O + "managed-hsm-keys", M + "managed-hsm-is-a-supported-key-store-for-acr-cmk", T + "managed-hsm-uri-is-not-a-key-uri"],
facts=["the CLI passes a `managedhsm.azure.net` URI through unchanged"],
answer_facts=["no host check in any version examined", "passed through unchanged"],
truth="Yes: the CLI does no host check on --key-encryption-key in any version examined; az acr create and az acr encryption rotate-key copy the URI unchanged into keyVaultProperties.keyIdentifier, so a Managed HSM key URI passes through on 2.63 as well. Only the help text changed: 2.63 and earlier say 'Key vault key uri', later releases mention Managed HSM. Whether the key works is up to the service: the HSM must be activated, the key RSA-HSM allowing wrapKey and unwrapKey, and the identity must hold Managed HSM Crypto Service Encryption User on it before you rotate."),

dict(key="A12", style="agent", kind="why", form="keywords", category="identity", quals=[], flags=[],
question="why does az acr encryption show list a client id for the registry identity while every key vault grant for it wants the principal id",
canonical=[I + "which-identity-value-goes-where"],
related=[I + "how-rotate-key-interprets-the---identity-value", I + "create-the-user-assigned-identity-and-capture-its-ids", C + "arm-template-json-propertiesencryption-and-keyvaultproperties"],
facts=["Each place expects a specific one; using the wrong one is a common cause of failures."],
answer_facts=["always uses the principal id", "always store the client id"],
truth="Because the two sides use different IDs of the same identity. Key access is decided by the key store, which grants permissions to a principal, so access policies, Azure role assignments and Managed HSM local role assignments always take the identity's principal (object) ID. The registry's encryption settings record which identity to authenticate as, and they store its client ID (or 'system' for the system-assigned identity); that's also why ARM's keyVaultProperties.identity wants the client ID, while az acr create --identity takes the resource ID and resolves it to the client ID itself."),
]

# ---------------- off-topic ----------------
OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind=OFF, category=OFF, subject="ceph", near_miss=True,
question="""Our self-hosted image registry (the CNCF Distribution server) stores its blobs in a Ceph RGW bucket, and the storage driver sends SSE-C headers so every object is encrypted at rest with a customer-provided key that we keep in our own HSM. The security team now wants that key replaced every year. Since RGW never stores SSE-C keys, how do we re-encrypt the existing blobs under a new customer-provided key without taking the registry offline?""",
truth="Not covered: re-encrypting objects in a Ceph RGW bucket with new SSE-C customer-provided keys behind a self-hosted registry is outside the knowledge, which is about encrypting Azure Container Registry with customer-managed keys."),

dict(key="X2", style="long", kind=OFF, category=OFF, subject="venafi", near_miss=True,
question="""The login endpoint of our on-prem registry mirror uses a TLS certificate whose private key is generated and held by Venafi TPP, and the certificate renews through a Venafi policy folder. Auditors found the key is still 2048-bit RSA and want 3072-bit keys from now on. How do we change the key generation settings in that Venafi policy so the next renewal of the registry's certificate produces a 3072-bit key?""",
truth="Not covered: Venafi TPP policy folders and certificate key generation settings are outside the knowledge, which is about ACR customer-managed key encryption."),

dict(key="X3", style="long", kind=OFF, category=OFF, subject="duplicati", near_miss=True,
question="""We back up the storage volume of our self-hosted registry with Duplicati to an offsite target, using AES-256 encryption with a passphrase. The person who chose the passphrase is leaving, and we want a new one (a new key, effectively) for future backups while the old backup versions stay restorable. How do we change the encryption passphrase of an existing Duplicati backup job without starting a fresh backup chain?""",
truth="Not covered: Duplicati backup job passphrases and their encryption are a backup-tool topic the knowledge does not cover."),

dict(key="X4", style="long", kind=OFF, category=OFF, subject="portainer", near_miss=True,
question="""Portainer manages the Docker hosts in our branch offices, and it keeps the credentials for our private container registry in its internal database. Security wants the Portainer data protected on disk by an encryption key of our own, instead of a database file sitting in plain form on the host. Which option or secret does Portainer use to encrypt its database, and how do we bring in our own key on an existing installation without losing the stored registry credentials?""",
truth="Not covered: encrypting Portainer's internal database with your own key is outside the knowledge, which covers Azure Container Registry customer-managed keys only."),

dict(key="X5", style="long", kind=OFF, category=OFF, subject="transcrypt",
question="""Our GitOps repository holds the pull credentials and the registry's webhook secrets, encrypted in place with transcrypt. The engineer who set it up has left, so we want to rotate the transcrypt key (its cipher password) and re-encrypt the files from now on, making sure everyone's clone still decrypts after they pull. What is the safe sequence to rekey transcrypt in a shared repository?""",
truth="Not covered: rekeying transcrypt in a Git repository is a source-control encryption topic outside the knowledge."),

dict(key="X6", style="long", kind=OFF, category=OFF, subject="nomad",
question="""Our Nomad clients pull job images from a private registry, and the Nomad servers gossip with an encryption key set in the server configuration. After a security review we must rotate that gossip encryption key across five servers without interrupting scheduling. What is the procedure to install the new key, switch to it and remove the old one with the keyring commands?""",
truth="Not covered: rotating Nomad's gossip encryption keyring is a cluster-scheduler topic the knowledge does not cover."),

dict(key="X7", style="agent", kind=OFF, category=OFF, form="context", subject="caddy",
question="Context: Caddy sits in front of our internal registry as a reverse proxy and obtains its certificates automatically. Task: explain how to make Caddy use an RSA 4096 key instead of its default ECDSA key for the registry's certificate.",
truth="Not covered: Caddy's automatic certificate key type settings are a web-server topic outside the knowledge."),

dict(key="X8", style="agent", kind=OFF, category=OFF, form="imperative", subject="datadog",
question="Explain how to rotate the Datadog API key that our registry-monitoring agents use on 40 Linux hosts without losing metrics during the switch.",
truth="Not covered: rotating Datadog API keys for monitoring agents is outside the knowledge."),

dict(key="X9", style="agent", kind=OFF, category=OFF, form="keywords", subject="terragrunt",
question="terragrunt remote state in our platform repo, encrypt the state files with our own key and rotate it yearly, registry stacks included",
truth="Not covered: encrypting Terragrunt remote state with your own key is an infrastructure-tooling topic the knowledge does not cover."),

dict(key="X10", style="short", kind=OFF, category=OFF, subject="mkcert",
question="mkcert root ca key for our local test registry, how to regenerate it?",
truth="Not covered: regenerating the mkcert local root CA and its key is outside the knowledge."),

dict(key="X11", style="short", kind=OFF, category=OFF, subject="rclone",
question="rclone crypt remote holding registry backups: how do i change its password?",
truth="Not covered: rclone crypt remote passwords are a backup-tool topic outside the knowledge."),

dict(key="X12", style="short", kind=OFF, category=OFF, subject="nitrokey",
question="nitrokey holding our image signing key, how to reset the user pin?",
truth="Not covered: resetting a Nitrokey's user PIN is a hardware-token topic the knowledge does not cover."),
]
# ---- end of questions ----

QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"expot": "export", "idnetity": "identity", "vesions": "versions"}
SHAPES = ["two_facts", "analogy", "undo", "chat_transcript", "shorthand", "pr_diff"]

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
    rng = random.Random(44)
    while True:
        rng.shuffle(items)
        cats = [q["category"] for q in items]
        if not any(cats[i] == cats[i + 1] == cats[i + 2] for i in range(len(cats) - 2)):
            break
    entries, meta = [], {}
    for n, q in enumerate(items, 1):
        qid = "e%03d" % n
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


def main():
    entries, meta = build()
    with open(os.path.join(HERE, "blind44.json"), "w", encoding="utf-8") as fh:
        json.dump(entries, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    with open(os.path.join(HERE, "blind44-meta.json"), "w", encoding="utf-8") as fh:
        json.dump(meta, fh, indent=1, ensure_ascii=False, sort_keys=True)
        fh.write("\n")
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    with open(os.path.join(HERE, "blind44-first-canonicals.txt"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(firsts) + "\n")



if __name__ == "__main__":
    main()
