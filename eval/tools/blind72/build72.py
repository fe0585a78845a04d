"""blind72 builder: holds the 60 questions (QUESTIONS) and writes blind72.json, blind72-meta.json and
blind72-first-canonicals.txt. render() returns the three files' exact text (check72.py compares it byte for byte)."""
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
# ---- whatif_output ----
dict(key="W1", style="long", kind="yes", category="rotation", quals=["iac"], flags=["whatif_output"],
question=r"""crquarrybank is described in a Bicep file, and so far the key was handed in with its version, which meant a pull request against the parameter file every time security made a new version. I changed the parameter to the key's address without the version and ran what-if before Friday's release:

```text
Resource and property changes are indicated with these symbols:
  ~ Modify
  = Nochange

The deployment will update the following scope:

Scope: /subscriptions/cde86aad-3b8e-4160-bca7-1d21cfa05444/resourceGroups/rg-quarrybank

  ~ Microsoft.ContainerRegistry/registries/crquarrybank [2025-04-01]
    ~ properties.encryption.keyVaultProperties.keyIdentifier: "https://kv-quarrybank.vault.azure.net/keys/kek-quarry/2b417511728bd963523ea8177bd3956a" => "https://kv-quarrybank.vault.azure.net/keys/kek-quarry"

  = Microsoft.ManagedIdentity/userAssignedIdentities/id-quarrybank [2023-01-31]

Resource changes: 1 to modify, 1 no change.
```

Nothing else moves, the identity stays as it is. Can we deploy this on the live registry during business hours? And once it is in, does crquarrybank follow the next versions of kek-quarry without anyone editing the template again?""",
canonical=[K + "versioned-and-versionless-key-ids"],
related=[C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["Uses exactly that version until you rotate manually"],
answer_facts=["Follows the newest version automatically"],
truth="""Yes: on a registry that already has a customer-managed key, dropping the version from keyIdentifier is an ordinary update, the template's equivalent of az acr encryption rotate-key, so crquarrybank keeps running on kek-quarry while it is applied. From then on the registry moves to each new version of kek-quarry by itself, within about an hour of the version appearing, and az acr encryption show should report keyRotationEnabled as true. It only follows versions: security, or a rotation policy on the key, still has to create them, and id-quarrybank keeps needing its access to kv-quarrybank."""),

dict(key="W2", style="long", kind="howto", category="setup", quals=["iac"], flags=["whatif_output"],
question=r"""crhollowmere has been a Premium registry for three years, created without a customer-managed key. Compliance now wants its images under our own key, so the Bicep module got an encryption block plus an identity for it, and I ran what-if against production:

```text
Scope: /subscriptions/de7b3add-6b52-4fc8-8193-b81e4d578e6a/resourceGroups/rg-hollowmere

  ~ Microsoft.ContainerRegistry/registries/crhollowmere [2025-04-01]
    ~ identity.type: "None" => "UserAssigned"
    + properties.encryption.keyVaultProperties.identity: "32c6913a-a7cf-4a8f-abdf-55de9902bb8c"
    + properties.encryption.keyVaultProperties.keyIdentifier: "https://kv-hollowmere.vault.azure.net/keys/kek-hollow"
    ~ properties.encryption.status: "disabled" => "enabled"

Resource changes: 1 to modify.
```

what-if sees nothing wrong and calls it a plain modify. If this deployment is not the way, what route gets crhollowmere's images under kek-hollow?""",
canonical=[C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep"],
related=[O + "moving-an-existing-registry-to-cmk", O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
facts=["Clients, pipelines and pull secrets must then be pointed at the new login server"],
answer_facts=["hits the same rule"],
truth="""Not through crhollowmere itself: the service takes a customer-managed key only when a registry is created, so redeploying with the encryption block added is expected to be refused at deployment time even though what-if shows a modify (the exact error is not documented). Declare a second Premium registry under a new name in the same Bicep file, created from the start with the user-assigned identity (which needs its key access first) and kek-hollow, copy the images into it (az acr import copies one image or artifact at a time), point clients, pipelines and pull secrets at its login server, and remove crhollowmere only after checking that everything arrived."""),

dict(key="W3", style="long", kind="value", category="identity", quals=["iac"], flags=["whatif_output"],
question=r"""A teammate tidied up our Bicep template for the registry and changed `acrIdentity.properties.clientId` to `acrIdentity.properties.principalId` in the encryption settings, because the role assignment further down already uses principalId and he wanted both places to read the same. what-if for the pull request:

```text
Scope: /subscriptions/dc8e31b6-dbdc-478d-a8ed-244a9b5c083b/resourceGroups/rg-saltmarsh

  ~ Microsoft.ContainerRegistry/registries/crsaltmarsh [2025-04-01]
    ~ properties.encryption.keyVaultProperties.identity: "1b9851b1-f521-4038-b430-5cdb981ba01f" => "60f77557-80ff-4201-ae48-6587c39fee2f"

  = Microsoft.KeyVault/vaults/kv-saltmarsh [2023-07-01]
  = Microsoft.ManagedIdentity/userAssignedIdentities/id-saltmarsh [2023-01-31]

Resource changes: 1 to modify, 2 no change.
```

The first GUID is the clientId of id-saltmarsh and the second is its principalId. Which of the two values is the one that belongs in keyVaultProperties.identity?""",
canonical=[I + "which-identity-value-goes-where"],
related=[C + "arm-template-json-propertiesencryption-and-keyvaultproperties", S + "set-up-cmk-with-an-arm-template"],
facts=["always uses the **principal ID**"],
answer_facts=["always store the **client ID**"],
truth="""The client ID, so the current value 1b9851b1-f521-4038-b430-5cdb981ba01f is right and the change to crsaltmarsh should not be merged: the registry's encryption settings hold the client ID of the identity they use, whereas grants of key access (the role assignment on kv-saltmarsh) take the principal ID. The two places want different IDs on purpose, so keep acrIdentity.properties.clientId in the registry and principalId in the role assignment."""),

dict(key="W4", style="long", kind="yes", category="recovery", quals=["iac"], flags=["whatif_output", "two_facts"],
question=r"""We deploy rg-ashcombe from a Bicep file and are moving it to complete mode so that anything not in the template gets cleaned up. The role assignment that lets id-ashcombe use our key, scoped to kv-ashcombe, was made by hand with az role assignment create last year and never made it into the template. what-if in complete mode:

```text
Scope: /subscriptions/393d20d5-27fa-4e13-a516-6caf95bd6fcd/resourceGroups/rg-ashcombe

  - Microsoft.KeyVault/vaults/kv-ashcombe/providers/Microsoft.Authorization/roleAssignments/b3c9b9a4-89c2-48cd-8a09-f11c65d9d0f4 [2022-04-01]
  = Microsoft.ContainerRegistry/registries/crashcombe [2025-04-01]
  = Microsoft.KeyVault/vaults/kv-ashcombe [2023-07-01]
  = Microsoft.ManagedIdentity/userAssignedIdentities/id-ashcombe [2023-01-31]

Resource changes: 1 to delete, 3 no change.
```

The registry itself shows no change at all. If we run the deployment like this, will crashcombe be affected?""",
canonical=[V + "what-revocation-does-to-the-registry", V + "revoke-by-deleting-the-rbac-role-assignment"],
related=[V + "restore-access-after-a-revocation", T + "registry-access-lost-after-key-permissions-were-revoked"],
facts=["remove them as well for a real revocation"],
answer_facts=["removing the identity's role assignment", "There is no partial revocation per repository."],
truth="""Yes: deleting b3c9b9a4-89c2-48cd-8a09-f11c65d9d0f4 removes id-ashcombe's grant on kv-ashcombe, and unless the identity holds another role with wrap and unwrap there or on a parent scope, that revokes the key. crashcombe then refuses pulls, pushes and everything else that reads its content, for every repository, until the grant exists again. Put the role assignment into the template (or keep incremental mode) before running it; should it be deleted anyway, re-creating the same assignment for id-ashcombe brings the registry back without any registry-side command."""),

dict(key="W5", style="long", kind="no", category="hsm", quals=["hsm", "iac", "oct2026"], flags=["whatif_output"],
question=r"""This is the first of our registries whose key lives in a Managed HSM, and it goes out through Bicep. The template assigns id-brackenridge the vault role for service encryption, scoped to the HSM resource, and then creates the registry with keyIdentifier https://hsm-brackenridge.managedhsm.azure.net/keys/kek-bracken. what-if looks clean:

```text
Scope: /subscriptions/ff2e52e3-90a1-48c2-8406-d81c6572a27d/resourceGroups/rg-brackenridge

  + Microsoft.ContainerRegistry/registries/crbrackenridge [2025-04-01]
  + Microsoft.KeyVault/managedHSMs/hsm-brackenridge/providers/Microsoft.Authorization/roleAssignments/98d21364-c235-4da9-9fde-7c34da259d72 [2022-04-01]
  = Microsoft.ManagedIdentity/userAssignedIdentities/id-brackenridge [2023-01-31]

Resource changes: 2 to create, 1 no change.
```

The HSM is active, and kek-bracken is of type RSA-HSM and allows wrapKey and unwrapKey. Does that role assignment give the registry what it needs to use the key in our Managed HSM?""",
canonical=[M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli"],
related=[M + "local-rbac-roles-for-acr-encryption", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
facts=["they never let anyone use a key"],
answer_facts=["not with `az role assignment create`"],
truth="""No: 98d21364-c235-4da9-9fde-7c34da259d72 is an Azure role assignment on the Managed HSM resource, and those cover managing the HSM, never using its keys, so crbrackenridge would fail to be created. A Managed HSM grants key use only through its local RBAC: give id-brackenridge's principal ID the local role Managed HSM Crypto Service Encryption User at /keys/kek-bracken with az keyvault role assignment create --hsm-name hsm-brackenridge --assignee-principal-type MSI, before the deployment (neither ACR nor the template creates it), and drop the vault role from the template. This is how the October 2026 revision of the ACR tutorials documents Managed HSM."""),

# ---- terraform_state_show ----
dict(key="T1", style="long", kind="troubleshoot", category="rotation", quals=["iac"], flags=["terraform_state_show"],
question=r"""Our key kek-orchard has a 90-day rotation policy, and the vault shows a new version created on 12 September. Three weeks later the registry is still on the old one, according to versionedKeyIdentifier. This is what Terraform holds for it:

```text
# azurerm_container_registry.orchard:
resource "azurerm_container_registry" "orchard" {
    admin_enabled                 = false
    id                            = "/subscriptions/283b23fb-50c5-4611-b502-61c6bdb29d68/resourceGroups/rg-orchardley/providers/Microsoft.ContainerRegistry/registries/crorchardley"
    login_server                  = "crorchardley.azurecr.io"
    name                          = "crorchardley"
    public_network_access_enabled = true
    sku                           = "Premium"

    encryption {
        identity_client_id = "d9c7da2a-c72b-445a-9fd0-bd533262de07"
        key_vault_key_id   = "https://kv-orchardley.vault.azure.net/keys/kek-orchard/e53b154152aa2021209203012ac2ae8d"
    }
}
```

Nobody has run anything on the registry side since it was created. Why does crorchardley ignore the new version, and what do we change in Terraform?""",
canonical=[T + "registry-keeps-using-an-old-key-version"],
related=[C + "automatic-key-rotation-in-terraform-versionless_id-vs-id", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["A rotation policy or `az keyvault key rotate` only creates versions"],
answer_facts=["configured with a versioned key ID"],
truth="""key_vault_key_id ends in a version, so crorchardley is pinned to exactly that version of kek-orchard: the rotation policy only adds versions to the key, and only a key ID without a version makes the registry check the vault and switch, within about an hour. In the configuration, set key_vault_key_id to the key's versionless_id instead of its id; the plan shows that as an in-place update of the encryption block. After the apply, versionedKeyIdentifier should move to the newest version within the hour, and keyRotationEnabled should read true."""),

dict(key="T2", style="long", kind="howto", category="iac", quals=["iac"], flags=["terraform_state_show"],
question=r"""We build registries with the Terraform flavour of the AVM registry module, pinned at 0.5.1, and never set key_version, so I assumed crwexcombe follows new versions of its key. state show says otherwise:

```text
# module.registry.azurerm_container_registry.this:
resource "azurerm_container_registry" "this" {
    id                  = "/subscriptions/a205353e-bd9d-4c12-8b5e-22ba18b8d42a/resourceGroups/rg-wexcombe/providers/Microsoft.ContainerRegistry/registries/crwexcombe"
    login_server        = "crwexcombe.azurecr.io"
    name                = "crwexcombe"
    resource_group_name = "rg-wexcombe"
    sku                 = "Premium"

    encryption {
        identity_client_id = "a3b2408e-3ff3-40f2-8664-9193777e5069"
        key_vault_key_id   = "https://kv-wexcombe.vault.azure.net/keys/kek-wex/0b5a5a37cef04f8a73f75ef8d60517dd"
    }
}
```

How do we get crwexcombe onto automatic rotation while staying with the module?""",
canonical=[C + "avm-terraform-module-customer_managed_key-variable"],
related=[C + "automatic-key-rotation-in-terraform-versionless_id-vs-id", C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs"],
facts=["unless `key_version` is set"],
answer_facts=["always used the versioned `id`"],
truth="""Upgrade the module to v0.6.0 or later: up to v0.5.1 it always passed the key's versioned id and ignored key_version, which is why key_vault_key_id ends in a version. From v0.6.0 on it uses the key's versionless_id unless key_version is set, so keep key_version unset. Those module versions require azurerm >= 4.81.0 and < 5.0.0; expect an in-place update of the encryption block in the plan, and keep user_assigned_identity set and listed in managed_identities."""),

dict(key="T3", style="long", kind="troubleshoot", category="setup", quals=["iac"], flags=["terraform_state_show", "two_facts"],
question=r"""The built-in audit policy lists crfernhill as a registry that is not encrypted with a customer-managed key, yet the state looks like the key is there. The registry was created two years ago with Terraform and azurerm 3.x and has not been touched since:

```text
# azurerm_container_registry.fernhill:
resource "azurerm_container_registry" "fernhill" {
    id                  = "/subscriptions/28c71466-11d3-4047-9b7a-884c5e5773ea/resourceGroups/rg-fernhill/providers/Microsoft.ContainerRegistry/registries/crfernhill"
    login_server        = "crfernhill.azurecr.io"
    name                = "crfernhill"
    sku                 = "Premium"

    encryption {
        enabled            = false
        identity_client_id = "605220bf-32c5-4b2b-a6fd-34be8e3d63e1"
        key_vault_key_id   = "https://kv-fernhill.vault.azure.net/keys/kek-fern"
    }
}
```

Is the policy wrong? How do I see what the registry itself reports?""",
canonical=[L + "check-the-encryption-status-of-a-registry", C + "azurerm-4x-removed-encryptionenabled-other-version-changes"],
related=[L + "azure-policy-built-in-for-cmk", O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
facts=["a non-compliant existing registry cannot be remediated in place"],
answer_facts=["`status` is `enabled` for a CMK registry", "CMK was **not** set"],
truth="""The policy is most likely right: enabled = false in the block is the clue. With azurerm 2.x and 3.x the provider sent status disabled unless enabled = true was set, so crfernhill was created without a customer-managed key although identity_client_id and key_vault_key_id are filled in. Check with az acr encryption show --name crfernhill: status reads enabled only for a registry encrypted with its own key. If it says disabled, the registry cannot be fixed in place, because the key can only be set at creation; replace it with a new Premium registry created with the key and copy the images over."""),

dict(key="T4", style="long", kind="troubleshoot", category="recovery", quals=["iac"], flags=["terraform_state_show"],
question=r"""For an incident drill we revoked crthornbury's access to its key by deleting the role assignment that gave id-thornbury the service encryption role on kv-thornbury (an RBAC vault). An hour later pulls still work. Searching our Terraform state for the identity's principal ID turned up this assignment, which a colleague added months ago for another team's tooling:

```text
# azurerm_role_assignment.tooling_crypto:
resource "azurerm_role_assignment" "tooling_crypto" {
    id                   = "/subscriptions/de7b3add-6b52-4fc8-8193-b81e4d578e6a/resourceGroups/rg-thornbury/providers/Microsoft.Authorization/roleAssignments/cde86aad-0f5b-4d83-b6a9-e3170d2c8f45"
    name                 = "cde86aad-0f5b-4d83-b6a9-e3170d2c8f45"
    principal_id         = "32c6913a-0c93-4a5f-8e16-3b7f9d2c0a54"
    principal_type       = "ServicePrincipal"
    role_definition_name = "Key Vault Crypto User"
    scope                = "/subscriptions/de7b3add-6b52-4fc8-8193-b81e4d578e6a/resourceGroups/rg-thornbury"
}
```

Why can crthornbury still use its key, and which other grant do we have to remove so that the drill actually cuts it off?""",
canonical=[V + "revoke-by-deleting-the-rbac-role-assignment"],
related=[T + "registry-access-lost-after-key-permissions-were-revoked", A + "why-key-vault-crypto-user-is-not-needed"],
facts=["`az role assignment delete` removes **every** assignment that matches its filters"],
answer_facts=["those keep access working"],
truth="""This assignment keeps it alive: role_definition_name Key Vault Crypto User at the scope of rg-thornbury is inherited by kv-thornbury, and that role includes wrapping and unwrapping, so principal_id 32c6913a-0c93-4a5f-8e16-3b7f9d2c0a54 can still use the key after the vault-level grant was deleted. For a real revocation remove this assignment too (from the Terraform configuration, or with az role assignment delete using the same filters after listing them), along with any other role that carries wrap and unwrap on the vault or above it. Once nothing grants access, crthornbury blocks all its data until access is restored. The registry identity never needed Key Vault Crypto User; its own role is the service encryption one."""),

dict(key="T5", style="long", kind="value", category="recovery", quals=["iac"], flags=["terraform_state_show"],
question=r"""Before the risk review I pulled the Terraform state of the vault that holds kek-larkspur, the key of crlarkspur:

```text
# azurerm_key_vault.cmk:
resource "azurerm_key_vault" "cmk" {
    enable_rbac_authorization  = true
    id                         = "/subscriptions/cde86aad-3b8e-4160-bca7-55de9902bb8c/resourceGroups/rg-larkspur/providers/Microsoft.KeyVault/vaults/kv-larkspur-cmk"
    location                   = "northeurope"
    name                       = "kv-larkspur-cmk"
    purge_protection_enabled   = false
    resource_group_name        = "rg-larkspur"
    sku_name                   = "standard"
    soft_delete_retention_days = 7
    tenant_id                  = "dc8e31b6-dbdc-478d-a8ed-1d21cfa05444"
    vault_uri                  = "https://kv-larkspur-cmk.vault.azure.net/"
}
```

The reviewers want a number in the report. If someone deleted kek-larkspur today, how long would we really have to bring it back with these settings, and would turning purge protection on change that number?""",
canonical=[V + "how-purge-protection-protects-the-registry"],
related=[O + "soft-delete-and-purge-protection-on-the-key-vault", V + "recover-a-deleted-key"],
facts=["Purge protection cannot be turned off again"],
answer_facts=["stays recoverable for the whole retention window"],
truth="""Up to seven days, and even that is not guaranteed: soft_delete_retention_days = 7 keeps a deleted kek-larkspur (or the whole vault) recoverable for a week, but with purge_protection_enabled = false anyone with purge rights can destroy it for good before the week is over, and crlarkspur's content with it. With purge protection on, the deleted key or vault can no longer be erased early and stays recoverable for the full seven days; the switch cannot be turned off again, and it does not prevent the deletion itself, so the registry is locked out until the key is recovered. The retention length is set when a vault is created (7 to 90 days, 90 by default)."""),

# ---- skopeo_copy ----
dict(key="K1", style="long", kind="troubleshoot", category="network", quals=[], flags=["skopeo_copy", "two_facts"],
question=r"""We are filling our new encrypted registry crledgerwick from the old one with a nightly skopeo job, which ran fine all last week. On Monday the security team restricted kv-ledgerwick, the vault with crledgerwick's key, to selected networks, and since then:

```text
$ skopeo copy docker://crbillingold.azurecr.io/billing/api:4.2.0 docker://crledgerwick.azurecr.io/billing/api:4.2.0
Getting image source signatures
Copying blob sha256:09e8e627763c58a22a4569f5ff6dd8ff67e289756c3ea11906d3ba7e6ad5a7c6
Copying blob sha256:79cbe3cecd71ada851f79f929d7cba38e398a43cb81db317f8a5c9b677da14a9
FATA[0006] writing blob: initiating layer upload to /v2/billing/api/blobs/uploads/ in crledgerwick.azurecr.io: received unexpected HTTP status: 403 Forbidden
```

The job's credentials have push rights and have not changed, and a docker pull from crledgerwick now gets 403 as well. Which part of the setup did the vault change hit, and what is the fix that keeps kv-ledgerwick closed to other networks?""",
canonical=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry"],
related=[N + "allow-trusted-services-and-deny-other-traffic", T + "http-403-after-enabling-the-key-vault-firewall"],
facts=["The bypass only opens the network path."],
answer_facts=["the registry cannot reach the key", "re-apply the registry's key configuration"],
truth="""The restriction shut out crledgerwick itself: the registry reaches its key on kv-ledgerwick's data plane as a trusted Azure service, and a vault limited to selected networks refuses it unless trusted services may bypass the firewall, so operations that need the key fail with 403. Keep the default action Deny and set the bypass to AzureServices (az keyvault update --name kv-ledgerwick --bypass AzureServices --default-action Deny), then apply the registry's current key and identity again with az acr encryption rotate-key, passing the keyIdentifier and identity that az acr encryption show reports. If the 403 persists after that, open an Azure support case. The skopeo credentials are not involved."""),

dict(key="K2", style="long", kind="howto", category="setup", quals=[], flags=["skopeo_copy"],
question=r"""Our old registry crpikestone cannot be switched to a customer-managed key, so we created crnewbury with the key and are copying repositories over with skopeo from a build VM, one tag at a time:

```text
$ skopeo copy docker://crpikestone.azurecr.io/tools/cli:1.9.3 docker://crnewbury.azurecr.io/tools/cli:1.9.3
Getting image source signatures
Copying blob sha256:57e1a0767b0b39cf290d758362ef5fbca6748f4b010e7c222913623b3ead8a62
Copying blob sha256:d09942b667191f5318a2f17393368a1941c1bf9f3041c2ff885467fed312ceec
Copying config sha256:24a04243afc7d61ce5d66a31190214fc5feb4290635bcd9f68514125970ceb80
Writing manifest to image destination
```

It works, but every layer travels through the VM and there are 300 tags. Is there a way to copy inside Azure instead? And what still has to happen once the last tag is over?""",
canonical=[T + "key-rotation-fails-on-a-registry-without-cmk"],
related=[O + "moving-an-existing-registry-to-cmk", L + "feature-compatibility-summary"],
facts=["Clients, pipelines and pull secrets must then be pointed at the new login server"],
answer_facts=["Copy the content across"],
truth="""Use az acr import on crnewbury: it copies from crpikestone inside Azure, one image per call (list the repositories with az acr repository list and loop over repository and tag, passing the source registry's resource ID with --registry and the repository:tag with --source), so nothing passes through the VM. When everything is in crnewbury, point clients, pipelines and pull secrets at crnewbury.azurecr.io, and delete crpikestone only after checking that every image arrived, because that deletion cannot be undone."""),

dict(key="K3", style="long", kind="troubleshoot", category="recovery", quals=[], flags=["skopeo_copy"],
question=r"""Last night a clean-up script removed every access policy on kv-marrowby that was not on its allow list, and the policy of id-marrowby, the identity crmarrowby encrypts with, was one of them. kv-marrowby uses access policies, not RBAC. This morning the copy job into crmarrowby stops like this:

```text
$ skopeo copy docker://crstagingwest.azurecr.io/payments/worker:7.0.2 docker://crmarrowby.azurecr.io/payments/worker:7.0.2
Getting image source signatures
Copying blob sha256:762234054912578334a3bff8bce3980c9812420ecfbe69a37c2635e3e2186c2c
Copying blob sha256:c3924af9744f29562f79351406a7d69d8c07cbcec20c12b1d36540c341bb3f37
FATA[0002] writing blob: initiating layer upload to /v2/payments/worker/blobs/uploads/ in crmarrowby.azurecr.io: received unexpected HTTP status: 403 Forbidden
```

Pulls from crmarrowby fail the same way. Do we have to rebuild the registry or rotate something, or is putting the policy back enough to get it working?""",
canonical=[V + "restore-access-after-a-revocation"],
related=[V + "what-revocation-does-to-the-registry", T + "registry-access-lost-after-key-permissions-were-revoked"],
facts=["Revocation is reversible as long as the key still exists or can be recovered"],
answer_facts=["No registry command is needed"],
truth="""Putting the policy back is enough. Removing id-marrowby's policy revoked the key, which blocks all of crmarrowby's data, and a revocation is reversible while the key exists. Add the policy again for the identity's principal ID with the key permissions get, wrapKey and unwrapKey (az keyvault set-policy --name kv-marrowby --object-id <principal ID> --key-permissions get unwrapKey wrapKey); the registry then picks the key up again by itself, with nothing to run on the registry, and the copy job can be retried. Add that policy to the script's allow list."""),

dict(key="K4", style="long", kind="howto", category="limits", quals=[], flags=["skopeo_copy"],
question=r"""Our build images end up in crdunmore, a Standard registry, through a copy step in the release pipeline:

```text
$ skopeo copy docker://crbuildcache.azurecr.io/base/python:3.12-slim docker://crdunmore.azurecr.io/base/python:3.12-slim
Getting image source signatures
Copying blob sha256:eb932f3b06afbaec8a76a5c95965722b102e0d4b3f4574e70710b87fa6a254a4
Copying config sha256:3d477f52c9887c2d76b2463b6d72724ac55eadd271e370080e88e00de4f06587
Writing manifest to image destination
```

Compliance now wants everything in crdunmore protected by kek-dunmore, a key we already created. The plan on the table is to move crdunmore up to Premium next week and add the key right after that. Will that plan work, or what is the way to get there?""",
canonical=[T + "cmk-needs-the-premium-tier"],
related=[O + "cmk-requires-the-premium-sku", O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
facts=["Registries on the Basic or Standard SKU cannot use a customer-managed key."],
answer_facts=["does not add CMK afterwards"],
truth="""The plan does not work: a customer-managed key is a Premium feature that can only be chosen while a registry is being created, so upgrading crdunmore to Premium leaves it without one. Create a new Premium registry with a user-assigned identity that already has access to kek-dunmore, passing --sku Premium, --identity and --key-encryption-key in the same az acr create call, point the copy step (or az acr import) at the new registry instead of crdunmore, and move clients over before retiring the old one."""),

dict(key="K5", style="long", kind="no", category="limits", quals=[], flags=["skopeo_copy"],
question=r"""We are halfway through moving our images into crhaverleigh, the new registry encrypted with our own key, and the copies look fine:

```text
$ skopeo copy docker://crhaverold.azurecr.io/erp/portal:2026.10 docker://crhaverleigh.azurecr.io/erp/portal:2026.10
Getting image source signatures
Copying blob sha256:20ef34595c6272a600370a11e822bb336ad075b11db08b21e7b43c3dcecb0165
Copying blob sha256:173d05db4c9168f3673d74a9ca67128e35f5918ac794a53eb712b8f6ff67c9ee
Copying config sha256:574e26ed667496c5aa747df522da71cdfd3bb025b55aa5557f2744eb0edbc5e7
Writing manifest to image destination
```

Before we retire the old registry, management wants a way back: if the key turns out to be more trouble than it is worth, can we switch crhaverleigh to Microsoft-managed keys later on?""",
canonical=[O + "cmk-cannot-be-disabled-after-it-is-enabled"],
related=[L + "feature-compatibility-summary", K + "rotating-the-customer-managed-key"],
facts=["Permanent for the life of the registry"],
answer_facts=["CMK cannot be disabled"],
truth="""No: once crhaverleigh is encrypted with a customer-managed key, it stays that way for as long as the registry exists, and no command or portal setting returns it to Microsoft-managed keys alone. Later you can change the key, its version, the vault or the identity, but some key has to stay configured and reachable the whole time. If management needs a real way back, the only one is copying the images into another registry without a key, so keep the old registry until that decision is made."""),

# ---- oras_output ----
dict(key="R1", style="long", kind="yes", category="limits", quals=[], flags=["oras_output", "two_facts"],
question=r"""Our release pipeline now attaches an SBOM to each image in crfenwick, which is encrypted with our own key:

```text
$ oras attach --artifact-type application/spdx+json crfenwick.azurecr.io/ledger/web:2.8.1 ./sbom.spdx.json
✓ Uploaded  sbom.spdx.json                                   48.2/48.2 KB 100.00%  212ms
Attached to [registry] crfenwick.azurecr.io/ledger/web@sha256:48f023038db0d64001ab90d8c3fc35d5204f4949f630b17692fbb69f9c3943cc
Digest: sha256:08d56549af4d767de447001109238770151e136c51920f33b82e9e57a834c66a
```

Since then the tag list of ledger/web has grown a new tag per release, named like sha256-48f023038db0..., next to our normal version tags. Is that how it is supposed to work when the registry uses our own key? Can we delete those tags to keep the list readable?""",
canonical=[T + "oras-and-notation-store-referrers-as-tags", L + "oci-referrers-api-is-not-supported"],
related=[L + "notation-signatures-on-cmk-registries", L + "feature-compatibility-summary"],
facts=["deleting them hides those artifacts from discovery"],
answer_facts=["This is expected behaviour.", "Expect those extra tags in repository listings"],
truth="""Yes: crfenwick uses a customer-managed key, so it does not offer the OCI Referrers API, and ORAS falls back to the referrers tag schema, which keeps each image's list of attached artifacts under a tag derived from the image's digest. Do not delete those tags: they are how the SBOMs are found, and removing them makes the attachments undiscoverable. Use tools that understand the tag schema, such as oras discover, and keep ORAS at 1.2.3 or later."""),

dict(key="R2", style="long", kind="why", category="troubleshooting", quals=[], flags=["oras_output"],
question=r"""Every image we ship gets a build attestation attached with ORAS. In the dev registry, which has no customer-managed key, our deployment gate finds the attestations through the Referrers API and lets the image through. In production the push side looks just as healthy:

```text
$ oras attach --artifact-type application/vnd.in-toto+json crgalloway.azurecr.io/shop/cart:5.3.0 ./provenance.json
✓ Uploaded  provenance.json                                  6.1/6.1 KB 100.00%   87ms
Attached to [registry] crgalloway.azurecr.io/shop/cart@sha256:a3b2408e3ff340f286649193777e5069cde86aad3b8e4160bca71d21cfa05444
Digest: sha256:de7b3add6b524fc88193b81e4d578e6a32c6913aa7cf4a8fabdf55de9902bb8c
```

but the gate finds no attestation at all for images in crgalloway, which is encrypted with our key, and blocks every deployment. Why does the same gate find the attestations in dev but not in crgalloway?""",
canonical=[L + "oci-referrers-api-is-not-supported"],
related=[T + "oras-and-notation-store-referrers-as-tags", L + "feature-compatibility-summary"],
facts=["make sure other tools that read referrers also support the tag schema fallback"],
answer_facts=["do not support the OCI Referrers API"],
truth="""Because crgalloway, being encrypted with a customer-managed key, has no OCI Referrers API: ORAS notices that and records the link between attestation and image through the referrers tag schema instead, so a gate that only asks the Referrers API finds nothing there, while the dev registry answers that API. The attestations are stored in crgalloway; the gate needs to support the tag schema fallback, or to read them through a client that does, such as oras discover."""),

dict(key="R3", style="long", kind="no", category="limits", quals=[], flags=["oras_output"],
question=r"""We attach signatures and SBOMs to images in crkestrel, our registry with a customer-managed key, and that part works:

```text
$ oras attach --artifact-type application/vnd.cyclonedx+json crkestrel.azurecr.io/maps/tiles:9.0.4 ./bom.cdx.json
✓ Uploaded  bom.cdx.json                                     21.7/21.7 KB 100.00%  140ms
Attached to [registry] crkestrel.azurecr.io/maps/tiles@sha256:2b417511728bd963523ea8177bd3956ae53b154152aa2021209203012ac2ae8d
Digest: sha256:0b5a5a37cef04f8a73f75ef8d60517dd4a0bc3a2ccd73a10266e6bbb68a10610
```

An external auditor now asks for Docker Content Trust to be switched on for crkestrel as well, because their checklist names it. Can we turn content trust on for crkestrel next to what we already attach?""",
canonical=[L + "docker-content-trust-is-being-retired-use-notation"],
related=[T + "content-trust-cannot-be-enabled", L + "docker-content-trust-is-not-supported"],
facts=["The replacement is the Notary Project"],
answer_facts=["DCT is removed on **2028-03-31**"],
truth="""No: content trust cannot be enabled on crkestrel, because registries encrypted with a customer-managed key do not support it and the attempt is blocked. Docker Content Trust is on its way out of ACR anyway, deprecated since 31 March 2025 and removed on 31 March 2028. Point the auditor to signing with Notation, the Notary Project's tool (for example with its Azure Key Vault plug-in); on crkestrel its signatures are stored through the referrers tag schema, like the artifacts you already attach with ORAS."""),

dict(key="R4", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["oras_output"],
question=r"""We keep Helm charts in crmossgiel, whose key kek-moss lives in our Managed HSM hsm-mossgiel. On Tuesday pushes still worked:

```text
$ oras push crmossgiel.azurecr.io/charts/gateway:0.14.2 ./gateway-0.14.2.tgz
✓ Uploaded  gateway-0.14.2.tgz                               18.4/18.4 KB 100.00%   96ms
✓ Exists    application/vnd.unknown.config.v1+json            2/2  B 100.00%     0s
Pushed [registry] crmossgiel.azurecr.io/charts/gateway:0.14.2
ArtifactType: application/vnd.unknown.artifact.v1
Digest: sha256:9fa62ed78ffba2ae0e26fc83727f8d093ea33a953b71826c64a212a8b5029ac2
```

Since Wednesday every push and pull on crmossgiel returns 403. az keyvault key show --hsm-name hsm-mossgiel --name kek-moss reports that the key does not exist, and the activity log shows a colleague's clean-up job deleted it. Can we recover kek-moss in the Managed HSM, and which role does that need?""",
canonical=[M + "recover-a-deleted-managed-hsm-key-or-hsm"],
related=[T + "key-vault-or-key-was-deleted", V + "recover-a-deleted-key"],
facts=["A key deleted from a Managed HSM is recovered the same way with `--hsm-name`"],
answer_facts=["needs Managed HSM Crypto Officer"],
truth="""Recover it from soft delete while the HSM's retention period lasts: az keyvault key list-deleted --hsm-name hsm-mossgiel shows kek-moss, and az keyvault key recover --hsm-name hsm-mossgiel --name kek-moss brings it back. The caller needs the local role Managed HSM Crypto Officer. Once the key is back, crmossgiel can use it again and pushes and pulls on it resume. Do not purge the deleted key: that would make the registry's content unreadable for good. Recovery of Managed HSM keys is documented in the October 2026 revision of the ACR troubleshooting tutorial."""),

dict(key="R5", style="long", kind="value", category="limits", quals=[], flags=["oras_output"],
question=r"""Our pipeline pushes SBOMs to crbellhaven, which is encrypted with our own key, and that part is fine:

```text
$ oras attach --artifact-type application/spdx+json crbellhaven.azurecr.io/hr/payroll:4.1.0 ./payroll.spdx.json
✓ Uploaded  payroll.spdx.json                                33.0/33.0 KB 100.00%  175ms
Attached to [registry] crbellhaven.azurecr.io/hr/payroll@sha256:d09942b667191f5318a2f17393368a1941c1bf9f3041c2ff885467fed312ceec
Digest: sha256:24a04243afc7d61ce5d66a31190214fc5feb4290635bcd9f68514125970ceb80
```

Next sprint we add image signing with Notation in the same job. The build image we use today carries an older Notation release from last year. Which Notation version do we need so that signatures work on crbellhaven the way these SBOMs do?""",
canonical=[L + "notation-signatures-on-cmk-registries"],
related=[L + "oci-referrers-api-is-not-supported", T + "oras-and-notation-store-referrers-as-tags"],
facts=["ORAS (v1.2.3) and Notation (1.2.0 and later)"],
answer_facts=["Notation 1.2.0 and later"],
truth="""Notation 1.2.0 or later. crbellhaven, like every registry encrypted with a customer-managed key, offers no OCI Referrers API, and from 1.2.0 on Notation detects that and stores its signatures through the referrers tag schema, the same fallback your ORAS attachments already use. Update the build image before the signing step goes in."""),

# ---- bicep_diagnostics (long) ----
dict(key="B1", style="long", kind="howto", category="iac", quals=["iac"], flags=["bicep_diagnostics"],
question=r"""I am porting crpendle from Terraform to Bicep and carried the encryption settings over by hand:

```bicep
  properties: {
    encryption: {
      enabled: true
      key_vault_key_id: pendleKey.properties.keyUri
    }
  }
```

az bicep build stops with:

```text
/src/platform/infra/registry.bicep(31,7) : Error BCP037: The property "enabled" is not allowed on objects of type "EncryptionProperty". Permissible properties include "keyVaultProperties", "status". If this is a resource type definition inaccuracy, report it using https://aka.ms/bicep-type-issues.
/src/platform/infra/registry.bicep(32,7) : Error BCP037: The property "key_vault_key_id" is not allowed on objects of type "EncryptionProperty". Permissible properties include "keyVaultProperties", "status". If this is a resource type definition inaccuracy, report it using https://aka.ms/bicep-type-issues.
```

What should the encryption part of crpendle look like in Bicep?""",
canonical=[C + "customer-managed-keys-in-terraform-bicep-and-arm-templates"],
related=[C + "bicep-registry-with-a-customer-managed-key", C + "arm-template-json-propertiesencryption-and-keyvaultproperties"],
facts=["The registry does not reference `keyAccess`, so the explicit `dependsOn` is what makes the grant exist first."],
answer_facts=["the identity's **client ID**"],
truth="""Both BCP037 errors come from Terraform names that the ARM shape does not have. In Bicep, encryption holds status: 'enabled' and a keyVaultProperties object with keyIdentifier (the key URI; pendleKey.properties.keyUri is the versionless one, for automatic rotation) and identity (the client ID of the user-assigned identity, e.g. its properties.clientId). The registry also needs the Premium sku, that identity under identity.userAssignedIdentities, and a dependsOn on the resource that grants the identity its key access."""),

dict(key="B2", style="long", kind="value", category="iac", quals=["iac"], flags=["bicep_diagnostics"],
question=r"""Years ago we copied the registry resource for crmarsden from the sample template in the original tutorial, API version and all. Every pipeline run now prints this warning, although the deployment still goes through:

```text
/home/vsts/work/1/s/deploy/acr.bicep(14,19) : Warning BCP081: Resource type "Microsoft.ContainerRegistry/registries@2019-12-01-preview" does not have types available. Bicep is unable to validate resource properties prior to deployment, but this will not block the resource from being deployed.
```

We would like Bicep to check the encryption settings again. Which API version should the registry resource in acr.bicep use?""",
canonical=[C + "api-versions-that-support-registry-encryption"],
related=[C + "bicep-registry-with-a-customer-managed-key", C + "arm-template-json-propertiesencryption-and-keyvaultproperties"],
facts=["`encryption` first appears in `2019-12-01-preview`"],
answer_facts=["prefer the newest stable version"],
truth="""The newest stable one: 2021-09-01, 2023-07-01, 2025-04-01 and 2025-11-01 all describe encryption and keyVaultProperties the same way, so moving crmarsden to the latest stable version loses nothing, and BCP081 disappears because Bicep has types for it, which brings the property checks back. 2019-12-01-preview is merely the version where encryption first showed up."""),

dict(key="B3", style="long", kind="howto", category="iac", quals=["iac"], flags=["bicep_diagnostics"],
question=r"""We switched crtarrant to the AVM Bicep module for registries (version 0.12.1) and handed it the key the way our old template did, as a key URI:

```text
/src/infra/main.bicep(57,25) : Error BCP035: The specified "object" declaration is missing the following required properties: "keyName", "keyVaultResourceId".
/src/infra/main.bicep(58,7) : Error BCP037: The property "keyUri" is not allowed on objects of type "customerManagedKeyWithAutoRotateType". Permissible properties include "autoRotationEnabled", "keyVersion", "userAssignedIdentityResourceId".
```

What does the module expect in customerManagedKey, and does it also set up the vault role for crtarrant's identity?""",
canonical=[C + "avm-bicep-module-customermanagedkey-parameter"],
related=[C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs", C + "bicep-registry-with-a-customer-managed-key"],
facts=["Newest version checked: 0.12.1."],
answer_facts=["The module does not grant key access"],
truth="""BCP035 names what is missing: the module wants the vault's resource ID (keyVaultResourceId) and the key's name (keyName) instead of a key URI, plus userAssignedIdentityResourceId for the identity whose client ID it writes into the encryption settings; leave autoRotationEnabled at its default true to get the versionless key, or set keyVersion to pin one. List the same identity in managedIdentities.userAssignedResourceIds. The module grants no key access: create the role assignment for crtarrant's identity yourself and give the module a dependsOn on it."""),

# ---- no shape ----
dict(key="L1", style="long", kind="undocumented", category="limits", quals=[], flags=[],
question=r"""Finance has asked every team to cut its Azure spend by a fifth before the next budget round, and the biggest line on our platform group's bill is crbramblewood. It is a Premium registry, set up two years ago with its own key in kv-bramblewood because an auditor asked for it at the time. We have since dropped geo-replication and use no other Premium feature on it, and the images would fit easily into what the Standard tier offers. My manager would like the tier changed this week and asked me to check first whether the key gets in the way. Can crbramblewood move from Premium down to Standard and keep its key, and what would happen to its encryption if we tried?""",
canonical=[L + "changing-the-sku-of-a-cmk-registry-is-not-documented"],
related=[T + "cmk-needs-the-premium-tier", L + "pricing-considerations"],
facts=["treat a CMK registry as staying on Premium"],
answer_facts=["the docs do **not** say whether"],
truth="""Not documented: nothing in the docs says whether a registry with a customer-managed key can move from Premium to Standard or Basic. The key is a Premium-only feature that can never be switched off, and the lower tiers do not offer it, so do not assume the change works: ask Azure support before trying it on crbramblewood, and in the meantime plan for the registry to stay on Premium. If the saving matters more than the key, the cheaper route is a new registry without one and copying the images into it."""),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="B4", style="agent", form="keywords", kind="value", category="iac", quals=["iac"], flags=["bicep_diagnostics"],
question="""bicep encryption status value for crwillowby, build stops on `main.bicep(44,9) : Error BCP036: The property "status" expected a value of type "'disabled' | 'enabled'" but the provided value is of type "true".`""",
canonical=[C + "arm-template-json-propertiesencryption-and-keyvaultproperties"],
related=[C + "bicep-registry-with-a-customer-managed-key", S + "set-up-cmk-with-an-arm-template"],
facts=["`properties.encryption.status` is `enabled`."],
answer_facts=["`enabled` or `disabled`"],
truth="""The string 'enabled': BCP036 says status takes one of two strings, 'enabled' or 'disabled', and no boolean. 'enabled' is what switches on the customer-managed key for crwillowby, together with keyVaultProperties carrying keyIdentifier and the identity's client ID."""),

dict(key="B5", style="agent", form="context", kind="howto", category="iac", quals=["iac"], flags=["bicep_diagnostics"],
question="""Context: our Bicep role assignment for the registry identity is named guid(acrIdentity.properties.principalId) and the build fails with `kv.bicep(22,11) : Error BCP120: This expression is being used in an assignment to the "name" property [...]` Question: how should we name it?""",
canonical=[C + "bicep-registry-with-a-customer-managed-key"],
related=[C + "common-terraform-and-bicep-errors-with-acr-encryption", A + "grant-access-with-an-azure-rbac-role"],
facts=["The role's ID is `e147488a-f6f5-4113-8e2d-b22465e65bf6`"],
answer_facts=["name: guid(vault.id, acrIdentity.id, kvCryptoServiceEncryptionUser)"],
truth="""Build the name only from values known when the deployment starts, for example guid(vault.id, acrIdentity.id, roleId) with the ID of Key Vault Crypto Service Encryption User (e147488a-f6f5-4113-8e2d-b22465e65bf6): BCP120 appears because principalId only exists once the identity has been created. Keep principalId inside the assignment's properties, with principalType 'ServicePrincipal', and give the registry a dependsOn on the assignment."""),

dict(key="A1", style="agent", form="context", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["two_facts"],
question="Context: we provisioned hsm-cairnlea an hour ago for crcairnlea's key; creating a key in it fails, and assigning a local role fails too. Question: why does the new Managed HSM refuse both, and what has to happen before the registry can use it?",
canonical=[T + "managed-hsm-is-not-activated", M + "provision-and-activate-the-managed-hsm"],
related=[M + "requirements-for-a-managed-hsm-key-store", T + "general-diagnostic-checklist"],
facts=["Keep the security domain file and the private keys of the certificates safe"],
answer_facts=["accepts no data-plane requests", "Only an initial administrator can do this."],
truth="""hsm-cairnlea is provisioned but not yet activated, and a Managed HSM takes no data-plane requests until then, so no key can be created or imported and no local role assigned. One of its initial administrators has to activate it by downloading the security domain (az keyvault security-domain download with at least three wrapping certificates and a quorum). When properties.securityDomainProperties.activationStatus reads Active, create the RSA-HSM key with wrapKey and unwrapKey, give crcairnlea's identity Managed HSM Crypto Service Encryption User on it, and create the registry; keep the security domain file and the certificates' private keys safe. Managed HSM is a documented key store since the October 2026 revision."""),

dict(key="A2", style="agent", form="imperative", kind="howto", category="rotation", quals=["hsm", "oct2026"], flags=[],
question="Show me how to find out which key version crsedgemoor is using right now; its key kek-sedge sits in our Managed HSM hsm-sedgemoor and we set a versionless key URI.",
canonical=[K + "check-which-key-version-the-registry-uses"],
related=[K + "create-a-new-version-in-a-managed-hsm", M + "managed-hsm-key-uris"],
facts=["take the host from the HSM's `hsmUri` rather than typing it"],
answer_facts=["read `versionedKeyIdentifier` from `az acr encryption show`"],
truth="""Run az acr encryption show --name crsedgemoor and read keyVaultProperties.versionedKeyIdentifier: it holds the exact version in use, on the Managed HSM host (https://hsm-sedgemoor.managedhsm.azure.net/keys/kek-sedge/<version>), while keyIdentifier stays versionless. keyRotationEnabled should be true and lastKeyRotationTimestamp shows the last switch. Compare with az keyvault key show --hsm-name hsm-sedgemoor --name kek-sedge to see whether a newer version exists; with the versionless URI the registry should move to it within an hour. Managed HSM keys are covered since the October 2026 revision."""),

dict(key="A3", style="agent", form="context", kind="yes", category="recovery", quals=["hsm", "oct2026"], flags=[],
question="Context: the Managed HSM behind crlowther's key was deleted by mistake and is now soft-deleted; a colleague says it costs nothing while it waits. Question: does a Managed HSM keep costing money while it sits in soft delete?",
canonical=[V + "recover-a-deleted-managed-hsm"],
related=[L + "pricing-considerations", M + "recover-a-deleted-managed-hsm-key-or-hsm"],
facts=["Managed HSM key rotation itself carries no extra charge."],
answer_facts=["keeps being billed"],
truth="""Yes: billing goes on the whole time it sits in soft delete, since its HSM capacity stays reserved for it, and only stops once it is recovered or purged. Recover it within its retention period with az keyvault recover --hsm-name <name> --location <location> (the caller needs the Azure role Managed HSM Contributor), which also gives crlowther its key back; never purge it while the registry still needs that key."""),

dict(key="A4", style="agent", form="context", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="Context: id-rosedene got its local encryption role on /keys/kek-rose two minutes before az acr create for crrosedene failed on key access; the listing shows the assignment. Question: why does the Managed HSM still refuse the key at that scope?",
canonical=[T + "managed-hsm-role-assignment-not-yet-in-effect"],
related=[A + "grant-access-to-a-key-in-a-managed-hsm", M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli"],
facts=["Local role changes can take several minutes to take effect."],
answer_facts=["can take several minutes to propagate"],
truth="""Because the new local role assignment is not in effect yet: changes to Managed HSM local RBAC can take several minutes to propagate, and until then the identity counts as having no access even though the assignment is listed. Wait several minutes without adding duplicate assignments, then run az acr create for crrosedene again. If it still fails well after that, check activation, the key type and operations, the key URI and the HSM firewall. This Managed HSM case is part of the October 2026 revision of the troubleshooting tutorial."""),

dict(key="A5", style="agent", form="imperative", kind="howto", category="network", quals=["hsm", "oct2026"], flags=[],
question="Explain what we must configure on the firewall of hsm-wrenfield before creating crwrenfield so that the registry has access to its Managed HSM key, and what our pipeline needs.",
canonical=[M + "managed-hsm-firewall-and-trusted-services"],
related=[N + "managed-hsm-firewall-and-trusted-services", S + "using-a-managed-hsm-key-instead-of-a-key-vault"],
facts=["the registry must reach the key when it is created"],
answer_facts=["open the path for ACR **before** running"],
truth="""Allow trusted Azure services through the Managed HSM firewall before az acr create runs, since the registry has to reach the key at the moment it is created: az keyvault update-hsm --hsm-name hsm-wrenfield --bypass AzureServices --default-action Deny, then check publicNetworkAccess and networkAcls with az keyvault show --hsm-name hsm-wrenfield. The bypass only opens the network; the identity still needs its local role on the key. The pipeline (and anyone using the portal key picker) needs its own address allowed with az keyvault network-rule add --hsm-name hsm-wrenfield --ip-address <address>. Managed HSM networking is in the October 2026 revision."""),

dict(key="A6", style="agent", form="keywords", kind="troubleshoot", category="keys", quals=[], flags=[],
question="az keyvault set-policy for the crgarnock identity refuses, says policies cannot be set because kv-garnock has rbac authorization on, vault made last month with current cli",
canonical=[A + "which-permission-model-does-my-key-vault-use"],
related=[T + "set-policy-fails-on-an-rbac-key-vault", A + "azure-cli-262-and-later-create-rbac-vaults-by-default"],
facts=["sets `--enable-rbac-authorization` to `true`"],
answer_facts=["the vault uses **Azure RBAC**"],
truth="""kv-garnock uses the Azure RBAC permission model, the default of az keyvault create since Azure CLI 2.62.0, and on such a vault access policies are ignored and set-policy refuses to run. Give the identity's principal ID the role Key Vault Crypto Service Encryption User on the vault instead: az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal --role "Key Vault Crypto Service Encryption User" --scope <kv-garnock resource ID>. properties.enableRbacAuthorization in az keyvault show confirms the model."""),

dict(key="A7", style="agent", form="imperative", kind="troubleshoot", category="keys", quals=[], flags=[],
question="Check why az acr create for crpenhallow refuses our key kek-penhallow, an EC key on curve P-384 in kv-penhallow, and tell me which key to create instead.",
canonical=[T + "elliptic-curve-key-rejected"],
related=[O + "which-key-types-and-sizes-are-supported", O + "key-sizes-offered-by-key-vault"],
facts=["Key vault's RSA keys (software and HSM-protected) come in 2048, 3072 and 4096 bits."],
answer_facts=["supports only RSA and RSA-HSM keys"],
truth="""Registry encryption works only with RSA or RSA-HSM keys; elliptic-curve keys, EC or EC-HSM on any curve, are not supported, so kek-penhallow can never be used. Create an RSA key under a new name, for example az keyvault key create --vault-name kv-penhallow --name kek-penhallow-rsa --kty RSA --size 3072 (2048 and 4096 bits are offered too; ACR names no size), keep wrapKey and unwrapKey allowed if you restrict its operations, and pass its key ID to az acr create."""),

dict(key="A8", style="agent", form="context", kind="why", category="network", quals=[], flags=[],
question="Context: kv-tolland has public access limited to selected networks; from home I could still edit its role assignments, yet az keyvault key create failed. Question: why does the firewall stop one and not the other?",
canonical=[N + "the-vault-firewall-covers-the-data-plane-only"],
related=[N + "allow-your-own-clients-through-the-vault-firewall", N + "create-the-key-before-the-registry-when-the-vault-is-locked-down"],
facts=["These rules are for your clients."],
answer_facts=["do not pass through that filter"],
truth="""Because the two requests travel different ways. Creating a key is a call to kv-tolland's own endpoint (the data plane, where reads, wraps, unwraps and new versions happen too), and that is what the firewall filters. Role assignments, access policies and the network settings go through Azure Resource Manager and never meet that filter, so they keep working from home. To manage keys from there, add your address or subnet to the vault's network rules or work from a network it already allows."""),

dict(key="A9", style="agent", form="imperative", kind="undocumented", category="keys", quals=[], flags=[],
question="Explain whether our key kek-dovecote encrypts the image layers in crdovecote directly, or only wraps other keys that the registry uses internally.",
canonical=[O + "what-customer-managed-key-encryption-adds-to-a-registry"],
related=[O + "the-key-encryption-key-kek-and-its-identifier", O + "default-encryption-at-rest-without-a-cmk"],
facts=["In the CLI and in ARM the customer-managed key is called the **key encryption key** (KEK)"],
answer_facts=["treat that as an inference"],
truth="""Not documented: the ACR docs do not describe how the registry's keys are layered. The registry identity may only read, wrap and unwrap with kek-dovecote, and the CLI calls it the key encryption key, which suggests it wraps the registry's own keys rather than encrypting layers itself, but that is an inference. What is documented is that it adds a second layer on top of the encryption at rest Microsoft already applies."""),

dict(key="A10", style="agent", form="keywords", kind="howto", category="identity", quals=[], flags=[],
question="rotate-key --identity for crcalderbank with id-calder-new, client id or resource id, and does rotate-key attach the identity to the registry by itself",
canonical=[I + "how-rotate-key-interprets-the---identity-value"],
related=[I + "switch-to-a-different-user-assigned-identity", K + "rotate-with-a-different-identity-or-the-system-assigned-identity"],
facts=["Only after `az acr encryption show` reports the new client ID should the old identity be detached or lose its access."],
answer_facts=["treats a GUID as a client ID"],
truth="""Either works: a GUID is taken as a client ID and stored as it is, and a resource ID (or a bare name, looked up in the registry's resource group) is resolved and its client ID stored. rotate-key does not attach id-calder-new to crcalderbank, so first run az acr identity assign --name crcalderbank --identities <resource ID>, grant the identity access to the key, then run rotate-key, and keep the old identity until az acr encryption show reports the new client ID."""),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="howto", category="setup", quals=[], flags=[], typo="transfered",
question="once the images are transfered to our new cmk registry, what must clients change?",
canonical=[O + "moving-an-existing-registry-to-cmk"],
related=[T + "key-rotation-fails-on-a-registry-without-cmk", L + "feature-compatibility-summary"],
facts=["the only way to a CMK registry is a new one"],
answer_facts=["Clients, pipelines and pull secrets"],
truth="""Point them at the new login server, <new-registry>.azurecr.io: clients, pipelines and pull secrets all have to move over, because the old registry cannot be converted and stays a separate registry with its own address."""),

dict(key="S2", style="short", kind="troubleshoot", category="troubleshooting", quals=[], flags=[], typo="sucess",
question="az acr create with only --key-encryption-key never gets to sucess, what is missing?",
canonical=[S + "rules-that-az-acr-create-enforces-for-cmk"],
related=[T + "acr-create-needs-both-identity-and-key", S + "step-7-create-the-premium-registry-with-the-customer-managed-key"],
facts=["`--identity '[system]'` is not accepted by `az acr create`"],
answer_facts=["`--identity` and `--key-encryption-key` go together"],
truth="""The identity: --identity and --key-encryption-key have to be passed together, and with only one of them the CLI stops with a usage error before sending anything. Add --identity with the user-assigned identity's resource ID (or its name in the same resource group), and --sku Premium."""),

dict(key="S3", style="short", kind="undocumented", category="limits", quals=[], flags=[], typo="perfomance",
question="does a cmk change push or pull perfomance on acr at all",
canonical=[L + "artifact-streaming-is-not-supported"],
related=[L + "feature-compatibility-summary", O + "what-customer-managed-key-encryption-adds-to-a-registry"],
facts=["Not supported on CMK registries"],
answer_facts=["Plan for full image pulls"],
truth="""Not documented: the docs give no figures on push or pull speed with a customer-managed key. The one related point is that artifact streaming is not supported on such registries, so images are always pulled in full."""),

dict(key="S4", style="short", kind="undocumented", category="rotation", quals=[], flags=[],
question="is there an official rotation interval for an acr cmk",
canonical=[K + "how-often-to-rotate"],
related=[K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", K + "rotating-the-customer-managed-key"],
facts=["The shortest allowed rotation interval is **7 days** in a key vault"],
answer_facts=["They give no fixed rotation frequency"],
truth="""Not documented: there is no prescribed period; the guidance is only to move to new key versions regularly, at the pace your own compliance rules dictate. If you automate it with a Key Vault rotation policy, seven days is the shortest interval such a policy accepts."""),

dict(key="S5", style="short", kind="no", category="iac", quals=["hsm", "oct2026"], flags=[],
question="is a managed hsm key supported by the avm bicep module for acr?",
canonical=[C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs"],
related=[C + "avm-bicep-module-customermanagedkey-parameter", C + "managed-hsm-key-in-terraform"],
facts=["resource ID of the key vault (a vault, not a Managed HSM)"],
answer_facts=["neither AVM module"],
truth="""No: neither AVM module handles a Managed HSM key; the Bicep module's customerManagedKey takes a key vault's resource ID. For a key in a Managed HSM, which the ACR docs support since the October 2026 revision, write the registry resource yourself with the HSM key URI in keyIdentifier."""),

dict(key="S6", style="short", kind="troubleshoot", category="troubleshooting", quals=["hsm", "oct2026"], flags=[],
question="why is the key dropdown empty for our managed hsm when creating acr",
canonical=[M + "key-picker-blocked-by-the-hsm-firewall"],
related=[T + "portal-key-picker-cannot-list-keys-behind-the-managed-hsm-firewall", N + "the-portal-key-picker-and-a-key-store-firewall"],
facts=["Use **Enter key URI** instead of the picker."],
answer_facts=["a data-plane call made from your browser"],
truth="""Your browser is outside what the Managed HSM firewall allows: Select from Key Vault fetches the key list from your own machine, and the trusted-services bypass covers only ACR. Either add your public address to the HSM's network rules, or read the key ID on an allowed machine and give it through Enter key URI (the October 2026 revision describes this)."""),

dict(key="S7", style="short", kind="value", category="rotation", quals=["hsm", "oct2026"], flags=[],
question="how soon does acr use a new key version from a managed hsm?",
canonical=[K + "automatic-rotation-with-a-versionless-key-id"],
related=[M + "rotate-a-managed-hsm-key", K + "create-a-new-version-in-a-managed-hsm"],
facts=["a new version of the same key does not"],
answer_facts=["the same one-hour window applies"],
truth="""Within one hour, if the registry has the versionless key URI: it checks the Managed HSM as it would a vault and moves to the new version in that time. With a versioned URI it stays put until you run az acr encryption rotate-key (October 2026 revision)."""),

dict(key="S8", style="short", kind="troubleshoot", category="keys", quals=["hsm", "oct2026"], flags=[],
question="acr rejects our managed hsm uri without /keys/name, what form does it take?",
canonical=[O + "the-key-encryption-key-kek-and-its-identifier"],
related=[T + "managed-hsm-uri-is-not-a-key-uri", M + "managed-hsm-key-uris"],
facts=["neither is the bare HSM URI without"],
answer_facts=["must name a key, not a secret"],
truth="""A key URI over HTTPS: https://<hsm-name>.managedhsm.azure.net/keys/<key-name>, optionally followed by /<version>. The bare Managed HSM address is not a key, and neither are secret or certificate paths; read the kid with az keyvault key show --hsm-name instead of typing it (October 2026 revision)."""),

dict(key="S9", style="short", kind="why", category="identity", quals=[], flags=[],
question="why is the system-assigned identity refused when az acr create sets up cmk?",
canonical=[I + "a-user-assigned-identity-is-required-when-the-registry-is-created"],
related=[T + "system-assigned-identity-rejected-at-registry-creation", I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
facts=["`az acr create` does **not** accept `--identity '[system]'`."],
answer_facts=["cannot have been granted access to the"],
truth="""Because that identity only comes into being together with the registry, so nobody can have granted it access to the key yet at the moment the new registry must reach it. Start with a user-assigned identity; once the registry exists, turn on its system-assigned identity, give it key access and move encryption to it with az acr encryption rotate-key --identity '[system]'."""),

dict(key="S10", style="short", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="how do i revoke acr's access to a managed hsm key?",
canonical=[M + "revoke-access-to-a-managed-hsm-key"],
related=[V + "revoke-access-to-a-key-in-a-managed-hsm", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
facts=["Any other local role that includes wrap and unwrap"],
answer_facts=["at the scope where it was made"],
truth="""Delete the registry identity's local assignment of Managed HSM Crypto Service Encryption User at the same scope it was created with, normally /keys/<key-name> (az keyvault role assignment delete --hsm-name <hsm> --role "Managed HSM Crypto Service Encryption User" --assignee-object-id <principal ID> --scope /keys/<key-name>). Assignments at /keys or /, and other local roles with wrap and unwrap, keep access alive, so remove those too; deleting the key is the other way to revoke. Either one blocks all registry data until access comes back (October 2026 revision)."""),

dict(key="S11", style="short", kind="howto", category="keys", quals=[], flags=[],
question="how do i grant the acr identity access to a key in another kv?",
canonical=[A + "access-to-a-key-in-a-second-key-vault"],
related=[K + "move-to-a-different-key-or-to-a-key-in-another-vault", A + "two-supported-ways-to-grant-key-access"],
facts=["grant the identity access there first, then rotate"],
answer_facts=["before `az acr encryption rotate-key` runs"],
truth="""In that other vault, following its own permission model, and before the switch: an RBAC vault needs a role assignment of Key Vault Crypto Service Encryption User for the identity's principal ID on it, an access-policy vault a policy with get, wrapKey and unwrapKey. Only then run az acr encryption rotate-key with the new key ID, and leave the first vault's grant alone until az acr encryption show names the new key."""),

dict(key="S12", style="short", kind="howto", category="setup", quals=[], flags=[],
question="how do i get an access-policy key vault from az keyvault create today?",
canonical=[S + "step-3-create-the-key-vault-with-purge-protection"],
related=[A + "azure-cli-262-and-later-create-rbac-vaults-by-default", S + "azure-cli-version-notes-for-cmk-commands"],
facts=["pass `--enable-rbac-authorization false` for the access-policy path"],
answer_facts=["Access-policy permission model:"],
truth="""Say so explicitly with --enable-rbac-authorization false: from Azure CLI 2.62.0 on, az keyvault create picks the RBAC permission model whenever that flag is left out. Purge protection (--enable-purge-protection) is worth adding in the same call, and on the resulting vault the registry identity then gets its get, wrapKey and unwrapKey through az keyvault set-policy."""),
]

# ---------------- off-topic ----------------
OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind="off-topic", category=OFF, subject="hoppscotch", near_miss=True,
question="""Our developers try out their web requests in a self-hosted Hoppscotch, run from an image that we keep in a private registry of ours. Hoppscotch encrypts the stored environments and collections with a data encryption key that we set in its configuration when we installed it. Someone posted that key in a public support forum last week, and it needs a new value now. How do I move Hoppscotch to a new key without losing the environments people have saved?""",
truth="""Not covered: replacing the data encryption key of a Hoppscotch instance is administration of that API tool, unrelated to customer-managed keys for Azure Container Registry."""),
dict(key="X2", style="long", kind="off-topic", category=OFF, subject="langfuse", near_miss=True,
question="""We trace our LLM calls with a self-hosted Langfuse, pulled as a container image from our own private registry. Langfuse keeps the provider credentials for its playground encrypted with a key from its settings, and we need to change that key after a contractor left. What happens to the credentials already saved in Langfuse when the key changes, and is there a way to carry them over?""",
truth="""Not covered: the key Langfuse uses for stored provider credentials belongs to that observability tool's configuration, not to ACR customer-managed key encryption."""),
dict(key="X3", style="long", kind="off-topic", category=OFF, subject="typebot", near_miss=True,
question="""Our support chatbots are built with Typebot, which we run from an image in a registry that only our company can reach. The value Typebot uses to encrypt the stored credentials of its connected services is identical on staging and production because the whole configuration was copied. I want separate keys per environment now. How do I change the production key without every stored credential in Typebot becoming unreadable?""",
truth="""Not covered: the encryption value of a Typebot installation is chatbot-builder configuration and has nothing to do with encrypting an Azure container registry with a customer-managed key."""),
dict(key="X4", style="long", kind="off-topic", category=OFF, subject="activepieces", near_miss=True,
question="""Activepieces runs our business automations, and we deploy it from an image mirrored into our private container registry. It encrypts the connection credentials of every flow with a key we configured at setup, and our security team wants that key rotated once a year from now on. Is rotating the Activepieces encryption key supported at all, and what do we have to do with the existing connections?""",
truth="""Not covered: rotating the encryption key of Activepieces connections is administration of that automation platform, outside the ACR customer-managed key knowledge."""),
dict(key="X5", style="long", kind="off-topic", category=OFF, subject="documenso", near_miss=True,
question="""Contracts at our firm are signed through a self-hosted Documenso, built from an image in our private registry. Besides the certificate it stamps finished documents with, Documenso encrypts a few stored values with a key from its configuration, and our yearly review says that key is overdue for a change. If I replace it, can Documenso still read the values it encrypted before, and which settings are involved?""",
truth="""Not covered: changing the encryption key of a Documenso installation is administration of that e-signature app, not customer-managed key encryption of a container registry."""),
dict(key="X6", style="long", kind="off-topic", category=OFF, subject="chatwoot",
question="""Customer conversations reach us through Chatwoot, which our support team of twelve uses every day. Since we added a second inbox for the Spanish-speaking customers, new conversations land in whichever inbox they like, and agents keep picking up chats in a language they do not speak. How do I make Chatwoot route each conversation to the right team automatically, based on the language the customer writes in?""",
truth="""Not covered: conversation routing in Chatwoot is customer-support software configuration, unrelated to ACR encryption with customer-managed keys."""),
dict(key="X7", style="agent", form="context", kind="off-topic", category=OFF, subject="memos",
question="Context: our team keeps quick notes in a self-hosted Memos instance. Question: how do I let colleagues sign in with their company accounts instead of separate Memos passwords?",
truth="""Not covered: single sign-on for Memos is note-taking app configuration, outside ACR customer-managed keys."""),
dict(key="X8", style="agent", form="imperative", kind="off-topic", category=OFF, subject="leantime",
question="Describe how to move our project timelines from a spreadsheet into Leantime without retyping every milestone by hand.",
truth="""Not covered: importing project milestones into Leantime is project-management tool administration, unrelated to the Azure Container Registry CMK topic."""),
dict(key="X9", style="agent", form="keywords", kind="off-topic", category=OFF, subject="kasm",
question="kasm workspaces browser session keeps disconnecting after ten minutes idle, where to change the timeout",
truth="""Not covered: session timeouts in Kasm Workspaces are remote-desktop platform settings, not part of the ACR customer-managed key knowledge."""),
dict(key="X10", style="short", kind="off-topic", category=OFF, subject="monica",
question="can monica send me birthday reminders?",
truth="""Not covered: reminders in Monica are personal relationship manager settings, far from ACR encryption."""),
dict(key="X11", style="short", kind="off-topic", category=OFF, subject="freescout",
question="how do i add a shared mailbox to freescout",
truth="""Not covered: mailboxes in FreeScout are help-desk configuration, unrelated to registry encryption with customer-managed keys."""),
dict(key="X12", style="short", kind="off-topic", category=OFF, subject="rallly",
question="can rallly polls hide who voted for which date?",
truth="""Not covered: poll privacy in Rallly is scheduling-app configuration, not ACR customer-managed keys."""),
]

QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"transfered": "transferred", "sucess": "success", "perfomance": "performance"}
SHAPES = ["two_facts", "bicep_diagnostics", "whatif_output", "terraform_state_show", "skopeo_copy",
          "oras_output"]
SEED = 72
ID_PREFIX = "aj"

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
SPREAD_SETS = (71, 70)
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
    """(blind72.json text, blind72-meta.json text, blind72-first-canonicals.txt text)"""
    entries, meta = build()
    j = json.dumps(entries, indent=1, ensure_ascii=False) + "\n"
    m = json.dumps(meta, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    f = "\n".join(firsts) + "\n"
    return j, m, f


def main(out=HERE):
    j, m, f = render()
    for name, text in (("blind72.json", j), ("blind72-meta.json", m), ("blind72-first-canonicals.txt", f)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
