"""blind45 builder: holds the 60 questions (QUESTIONS) and writes blind45.json, blind45-meta.json and
blind45-first-canonicals.txt."""
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
dict(key="L1", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["support_email"],
question="""Dear Azure Support team,

We are opening this under case 2611040012345678 (subscription "sub-payments-prd", region West Europe). Our platform team provisioned a new Managed HSM, mhsm-ledger-we, on Monday so that the next registry, crledger01, can encrypt with a key held there. Since then nothing on the HSM's data plane works for us: key creation is refused, and so is the role assignment for the identity the registry will use. Provisioning itself succeeded; this is what the HSM reports:

```
$ az keyvault show --hsm-name mhsm-ledger-we --query "properties.securityDomainProperties"
{
  "activationStatus": "NotActivated",
  "activationStatusMessage": "Security domain has not been downloaded yet"
}
```

Could you tell us what is still missing on the Managed HSM before keys and local roles can be created, and who on our side has to do it?

Kind regards,
Ines Moreau
Cloud Platform Engineer, Ledger Payments""",
canonical=[T + "managed-hsm-is-not-activated"],
related=[M + "provision-and-activate-the-managed-hsm", M + "requirements-for-a-managed-hsm-key-store", T + "general-diagnostic-checklist"],
facts=["A Managed HSM accepts no data-plane requests until it has been activated"],
answer_facts=["accepts no data-plane requests", "downloads the hsm's security domain"],
truth="mhsm-ledger-we is provisioned but not activated, and until activation a Managed HSM refuses every data-plane call: no key can be created or imported and no local role assigned, so crledger01 can't be set up yet. Activation is done by one of the initial administrators named when the HSM was provisioned: they download its security domain, wrapped with at least three (at most ten) RSA public keys and a quorum, e.g. az keyvault security-domain download --hsm-name mhsm-ledger-we --sd-wrapping-keys <three .cer files> --sd-quorum 2 --security-domain-file <file>, and keep that file and the private keys safe for disaster recovery. When activationStatus reads Active, create the RSA-HSM key with wrapKey and unwrapKey (as someone holding a key-creating role such as Managed HSM Crypto User), assign the identity Managed HSM Crypto Service Encryption User at /keys/<key>, and then create crledger01."),

dict(key="L2", style="long", kind="troubleshoot", category="identity", quals=["iac"], flags=["support_email"],
question="""Hello Contoso Managed Services support,

Following up on ticket INC-0048213 for the staging environment (tenant contoso-stg, subscription "Shared Staging"). While tidying identities we tried to detach id-orbit-enc, a user-assigned identity, from the registry crorbit07, first in the portal under Settings > Identity and then with az acr identity remove. Both were refused: the message claimed the registry has no access to that identity and suggested we forcibly add it back, with a link to the bring-your-own-key page. Since then a planned key rotation on crorbit07 fails as well, although pulls still work for now.

We only wanted to replace id-orbit-enc with a newer identity, id-orbit-enc2. What is the safe order of steps to get there without breaking the registry, and would anything differ if it had been the system-assigned identity?

Best regards,
Tomasz Wierzbicki | Release Engineering Lead""",
canonical=[T + "removing-the-encryption-identity-fails"],
related=[I + "the-encryption-identity-cannot-simply-be-removed", I + "switch-to-a-different-user-assigned-identity", T + "registry-identity-is-inactive-or-expired"],
facts=["The service refuses to detach the identity that encryption depends on"],
answer_facts=["attach the identity to the registry again", "open an azure support request"],
truth="The refusal is expected: id-orbit-enc is the identity crorbit07's encryption uses to reach its key, and the service won't detach that identity; the attempt is also why the rotation now fails. Safe order: 1) attach it again, az acr identity assign -n crorbit07 --identities <id-orbit-enc resource ID>; 2) attach id-orbit-enc2 the same way and grant its principal ID access to the key (Key Vault Crypto Service Encryption User on an RBAC vault, get/wrapKey/unwrapKey through set-policy on an access-policy vault, or the Managed HSM local role on the key); 3) move encryption over with az acr encryption rotate-key -n crorbit07 --key-encryption-key <current keyIdentifier> --identity <id-orbit-enc2 resource ID>; 4) confirm az acr encryption show no longer reports id-orbit-enc's client ID; 5) only then remove id-orbit-enc. For a system-assigned encryption identity there is no self-service way out: the docs send you to an Azure support request."),

dict(key="L3", style="long", kind="howto", category="recovery", quals=["hsm", "oct2026"], flags=["support_email"],
question="""Good morning,

I am writing about billing case 2611200087654321 on our production subscription (region North Europe). Last week a decommissioning script deleted the Managed HSM mhsm-atlas-ne, which still holds the key that registry cratlas22 encrypts with; pulls from cratlas22 have failed ever since. Our FinOps team has now noticed that the deleted HSM still shows up on the invoice, which surprised everyone.

How do we bring the deleted HSM mhsm-atlas-ne back, and which Azure role does the person running the recovery need? Is the ongoing charge expected while it sits in that state, or is it a billing error?

With thanks,
Aoife Brennan
Platform Operations Manager""",
canonical=[V + "recover-a-deleted-managed-hsm"],
related=[M + "recover-a-deleted-managed-hsm-key-or-hsm", T + "key-vault-or-key-was-deleted", L + "pricing-considerations"],
facts=["A soft-deleted Managed HSM keeps being billed"],
answer_facts=["azure role managed hsm contributor", "keeps being billed"],
truth="Recover it while it is still inside its soft-delete retention period (chosen with --retention-days when the HSM was created, 7 to 90 days): find it with az keyvault list-deleted --resource-type hsm, then run az keyvault recover --hsm-name mhsm-atlas-ne --location northeurope. Whoever runs it needs the Azure role Managed HSM Contributor. The charge is expected, not an error: a Managed HSM in the soft-deleted state is still billed until someone recovers or purges it, because its HSM capacity stays allocated. Do not purge it: that removes every key in it for good, and cratlas22's content with them. The name stays reserved meanwhile. Once the HSM is back, check that the identity's local role assignment still lists and retry a pull; afterwards turn on purge protection (az keyvault update-hsm --hsm-name mhsm-atlas-ne --resource-group <rg> --enable-purge-protection true)."),

dict(key="L4", style="long", kind="undocumented", category="network", quals=["iac"], flags=["support_email"],
question="""Dear Microsoft Support,

Reference: SR 2611150055501234. Environment: subscription "Retail-Prod", region Sweden Central, registry crretail5 (Premium, its customer-managed key lives in kv-retail-cmk, deployed from our Bicep templates). Our network security board wants the registry reachable only through private endpoints in our hub virtual network, with public network access disabled on the registry itself. The key vault already sits behind its firewall with trusted services allowed, and that part works.

Before we change anything on crretail5: can you confirm that a registry with private endpoints and public access turned off is a supported combination with customer-managed key encryption? We could not find a statement either way in the documentation.

Yours sincerely,
Hannah Lindqvist, Network Architect""",
canonical=[N + "registry-private-endpoints-and-cmk-are-not-covered-by-the-docs"],
related=[O + "network-requirement-for-a-locked-down-key-vault", L + "feature-compatibility-summary", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
facts=["Treat it as undocumented, test it in your environment"],
answer_facts=["neither lists that combination as supported", "treat it as undocumented"],
truth="Not documented: the ACR customer-managed key articles only discuss the key store (a key vault or a Managed HSM) sitting behind a firewall, a virtual network or a private endpoint. About a CMK registry that itself uses private endpoints, a registry firewall or disabled public network access they say nothing, neither calling it supported nor listing it as a limitation. So there is no documented guarantee for crretail5: try the change on a non-production CMK registry first and ask Microsoft support for a statement if you need one. The key-store side is independent of how clients reach the registry, so keep kv-retail-cmk's trusted-services bypass and the identity's key access as they are."),

dict(key="L5", style="long", kind="yes", category="keys", quals=["hsm", "oct2026"], flags=["support_email"],
question="""Hi Fabrikam Cloud Desk,

Ticket #77120456, production tenant fabrikam-eu, subscription "Core Platform". Our security policy says the registry key must be generated on our own on-premises HSMs and only then transferred to Azure. We plan to import such a key into our Managed HSM, mhsm-core-we, and use it for a new registry, crcore03. Most Azure walkthroughs we read only show keys generated inside the key store.

Does ACR accept a key that was created outside Azure and imported into Managed HSM as its customer-managed key, and are there properties the imported key must have?

Thanks in advance,
Rafael Souza
Security Engineer""",
canonical=[O + "bring-your-own-key-byok"],
related=[M + "managed-hsm-is-a-supported-key-store-for-acr-cmk", M + "requirements-for-a-managed-hsm-key-store", T + "managed-hsm-key-has-the-wrong-type-or-operations"],
facts=["Both key stores support both"],
answer_facts=["created outside azure and imported into it", "both key stores support both"],
truth="Yes: bring your own key works in either key store, so a key made on your own HSMs and imported into mhsm-core-we can be crcore03's customer-managed key; the registry only ever refers to it by its key URI. Managed HSM has been a documented key store for ACR since the October 2026 revision of the tutorials. The imported key must be RSA-HSM and permit wrapKey and unwrapKey (elliptic-curve keys are not supported), the HSM must be activated, and the registry's user-assigned identity needs the local role Managed HSM Crypto Service Encryption User on that key (/keys/<key-name>), which you assign yourself before az acr create. Pass https://mhsm-core-we.managedhsm.azure.net/keys/<key-name> without a version for automatic rotation, or with one to pin it."),

dict(key="L6", style="long", kind="howto", category="rotation", quals=[], flags=["code_comment"],
question="""Our vault bootstrap script, pasted as it stands; my open points are the QUESTION and TODO comments.

```bash
#!/usr/bin/env bash
set -euo pipefail
vault="kv-quarry-prod"     # access-policy vault, created years ago
kek="quarry-kek"

az keyvault key create --vault-name "$vault" -n "$kek" --kty RSA --size 4096

cat > rotation.json <<'JSON'
{
  "lifetimeActions": [
    { "trigger": { "timeAfterCreate": "P3D" }, "action": { "type": "Rotate" } }
  ],
  "attributes": { "expiryTime": "P1Y" }
}
JSON

# QUESTION: security asked for a new version every 3 days. Will Key Vault take P3D?
# QUESTION: the pipeline SP only has get/list/create on keys. What else does it need for this call?
az keyvault key rotation-policy update -n "$kek" --vault-name "$vault" --value rotation.json

# TODO: crquarry uses the versionless kek URI. Do we still run rotate-key after every new version?
```""",
canonical=[K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy"],
related=[K + "how-new-key-versions-are-created", K + "automatic-rotation-with-a-versionless-key-id", L + "pricing-considerations"],
facts=["The shortest allowed rotation interval is **7 days**."],
answer_facts=["the shortest allowed rotation interval", "getrotationpolicy and setrotationpolicy key permissions"],
truth="P3D won't be accepted: a Key Vault rotation policy can't rotate more often than every 7 days, so set timeAfterCreate to P7D or longer and tell security that's the floor. On this access-policy vault the pipeline's service principal additionally needs the rotate, getrotationpolicy and setrotationpolicy key permissions to manage the policy (on an RBAC vault that would be Key Vault Crypto Officer). And there's nothing to run afterwards: crquarry is on the versionless key URI, so it moves to each version the policy creates within about an hour by itself; az acr encryption rotate-key is only needed for a versioned key ID. Key Vault charges for each automated rotation."),

dict(key="L7", style="long", kind="troubleshoot", category="iac", quals=["iac"], flags=["code_comment"],
question="""Terraform for the build registry, trimmed to the relevant part. The FIXME describes what keeps happening.

```hcl
data "azurerm_key_vault_key" "ember" {
  name         = "ember-kek"
  key_vault_id = azurerm_key_vault.ember.id
}

resource "azurerm_container_registry" "ember" {
  name                = "crember04"
  resource_group_name = azurerm_resource_group.build.name
  location            = azurerm_resource_group.build.location
  sku                 = "Premium"
  admin_enabled       = false

  identity {
    identity_ids = [azurerm_user_assigned_identity.ember_enc.id]
    type         = "UserAssigned"
  }

  # FIXME: every few weeks `terraform plan` shows an in-place change on this block
  # although nobody touched the code. Security also runs rotate-key on crember04
  # from their own runbook now and then. Who is overwriting whom here?
  encryption {
    key_vault_key_id   = local.ember_kek
    identity_client_id = local.ember_client
  }
}

locals {
  ember_kek    = data.azurerm_key_vault_key.ember.id
  ember_client = azurerm_user_assigned_identity.ember_enc.client_id
}
```""",
canonical=[C + "common-terraform-and-bicep-errors-with-acr-encryption"],
related=[C + "automatic-key-rotation-in-terraform-versionless_id-vs-id", K + "manual-rotation-with-az-acr-encryption-rotate-key", C + "terraform-azurerm_container_registry-encryption-block"],
facts=["use `versionless_id`; rotate in one place only"],
answer_facts=["rotate in one place only", "moved to a new key version"],
truth="Two writers share one setting. data.azurerm_key_vault_key.ember.id resolves to the newest key version at every refresh, so each new version of ember-kek shows up as an encryption change on the next plan, and applying it is a rotation done by Terraform rather than an automatic one. On top of that, security's az acr encryption rotate-key calls change the same value outside Terraform, which the next plan then reverts. Fix: set key_vault_key_id to the versionless_id (of the data source or the key resource), so crember04 follows new versions within an hour on its own and the plan stays empty, and rotate in one place only, either Terraform or the CLI runbook."),

dict(key="L8", style="long", kind="value", category="iac", quals=["iac"], flags=["code_comment"],
question="""Hand-written ARM template for a new registry, registry resource only (our deployment tooling accepts comments in templates). The reviewer left the comment.

```jsonc
{
  "type": "Microsoft.ContainerRegistry/registries",
  "apiVersion": "2025-04-01",
  "name": "[parameters('acrName')]",
  "location": "[resourceGroup().location]",
  "identity": {
    "type": "UserAssigned",
    "userAssignedIdentities": { "[parameters('uamiResourceId')]": {} }
  },
  "properties": {
    "encryption": {
      "status": "enabled",
      "keyVaultProperties": {
        // QUESTION: principalId, clientId or the resource ID? We copied principalId from the vault grant.
        "identity": "[reference(parameters('uamiResourceId'), '2023-01-31').principalId]",
        "keyIdentifier": "[parameters('kekUri')]"
      }
    }
  },
  "sku": { "name": "Premium" }
}
```""",
canonical=[S + "set-up-cmk-with-an-arm-template"],
related=[C + "arm-template-json-propertiesencryption-and-keyvaultproperties", I + "which-identity-value-goes-where", S + "example-template-for-an-existing-access-policy-vault"],
facts=["A principal ID or resource ID here does not work."],
answer_facts=["is the identity's client id", "must depend on the access grant"],
truth="The clientId. keyVaultProperties.identity has to carry the identity's client ID; a principal ID or a resource ID in that field does not work, even though the vault grant (access policy or role assignment) is exactly where the principal ID belongs. Change the line to read .clientId from the same reference(), keep the resource ID as the key under userAssignedIdentities, and make the registry depend on the key-access grant so that access exists when the registry is created."),

dict(key="L9", style="long", kind="no", category="keys", quals=["hsm", "oct2026"], flags=["code_comment"],
question="""Our script for the new Managed HSM key; my doubt sits in the TODO comment.

```bash
hsm="mhsm-tern-ne"
kek="tern-kek"

# TODO: platform security wants the narrowest ops list possible. The registry identity gets
# the encryption-user local role on /keys/tern-kek right after this, so can we keep just these two?
az keyvault key create -n "$kek" --hsm-name "$hsm" --kty RSA-HSM --size 3072 --ops sign verify

tern_kid=$(az keyvault key show --hsm-name "$hsm" -n "$kek" --query key.kid -o tsv)
echo "registry will use ${tern_kid%/*}"
```""",
canonical=[O + "managed-hsm-keys"],
related=[T + "managed-hsm-key-has-the-wrong-type-or-operations", M + "requirements-for-a-managed-hsm-key-store", O + "which-key-types-and-sizes-are-supported"],
facts=["the key must be RSA-HSM and permit `wrapKey` and `unwrapKey`;"],
answer_facts=["the key must be rsa-hsm and permit"],
truth="No: the key itself has to permit wrapKey and unwrapKey. For a Managed HSM key store ACR needs an RSA-HSM key whose allowed operations include both; the local role Managed HSM Crypto Service Encryption User lets the identity use the key, but it can't add operations the key doesn't allow, so with --ops sign verify the registry can't wrap or unwrap and creating or rotating to tern-kek fails. The narrowest list that works is --ops wrapKey unwrapKey, which is also what the tutorials use. RSA-HSM at 3072 bits is fine; ACR names no size."),

dict(key="L10", style="long", kind="why", category="iac", quals=["iac"], flags=["code_comment"],
question="""Terraform for our registries after the identity clean-up; the QUESTION comment is what the team keeps arguing about.

```hcl
resource "azurerm_container_registry" "heron" {
  name                = "crheron11"
  resource_group_name = var.rg_name
  location            = var.location
  sku                 = "Premium"
  admin_enabled       = false

  identity {
    type         = "SystemAssigned, UserAssigned"
    identity_ids = [var.bootstrap_uami_id]
  }

  encryption {
    key_vault_key_id = var.heron_kek_uri
    # QUESTION: the docs let a registry switch to its own system identity after creation
    # (rotate-key with '[system]'). Why does plan refuse "system" on the next line?
    identity_client_id = "system"
  }
}
```""",
canonical=[C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs"],
related=[C + "terraform-azurerm_container_registry-encryption-block", I + "switch-to-the-registrys-system-assigned-identity-after-creation", C + "common-terraform-and-bicep-errors-with-acr-encryption"],
facts=["`identity_client_id` accepts only a UUID, so Terraform cannot describe it"],
answer_facts=["accepts only a uuid", "terraform cannot describe it"],
truth="Because the azurerm provider validates identity_client_id as a UUID: it takes a client ID and nothing else, so the literal system that the service records for a system-assigned encryption identity can't be written there, and Terraform has no way to describe a registry encrypted through its system-assigned identity. The ACR docs allow that switch only after creation, with az acr encryption rotate-key --identity '[system]'. A Terraform-managed crheron11 has to keep a user-assigned identity's client_id in identity_client_id (the bootstrap identity's client ID, not its resource ID); doing the switch outside Terraform would leave the configuration unable to match it."),

dict(key="L11", style="long", kind="value", category="limits", quals=[], flags=["multiple_choice"],
question="""We run a short internal quiz after each platform onboarding session, and question 6 started an argument between two reviewers, so here it is as written:

Q6. Your team signs images with Notation 1.2 and attaches SBOMs with ORAS on crsigma, a CMK-encrypted registry. How are the signatures and SBOMs linked to their images there?
A) Through the OCI Referrers API, exactly as on any other Premium registry
B) They can't be: supply-chain artifacts are blocked on CMK registries
C) Through the referrers tag schema, as a specially named tag per subject digest
D) Only as Docker Content Trust metadata

Reviewer one says A, reviewer two says C. Which is the correct answer, and what does it mean for the tag lists our developers see?""",
canonical=[L + "oci-referrers-api-is-not-supported"],
related=[T + "oras-and-notation-store-referrers-as-tags", L + "notation-signatures-on-cmk-registries", L + "docker-content-trust-is-not-supported"],
facts=["CMK-encrypted registries do not support the OCI Referrers API."],
answer_facts=["fall back to the referrers tag schema", "expect those extra tags in repository listings"],
truth="C is correct, because registries encrypted with a customer-managed key don't offer the OCI Referrers API; ORAS (v1.2.3) and Notation (1.2.0 and later) detect that and fall back to the referrers tag schema, keeping the link between an artifact and its subject under a specially named tag derived from the subject's digest. A is wrong for a CMK registry, B is wrong because signatures, SBOMs and attestations keep working, and D is wrong because Docker Content Trust isn't supported on CMK registries at all. For developers it means extra digest-named tags in repository listings: leave them alone, since deleting them hides the attached artifacts, and prefer tools that understand the tag schema, such as oras discover or notation list."),

dict(key="L12", style="long", kind="howto", category="recovery", quals=[], flags=["multiple_choice", "two_facts"],
question="""Practice question from our AZ-500 study group, with the answer key torn off:

A key vault in RBAC mode holds the customer-managed key of registry crdelta. The vault is deleted by mistake and recovered the same day with az keyvault recover. The key is back and enabled, yet every pull from crdelta still fails. What should you do next?
1. Wait: a registry reconnects to a recovered vault within 24 hours
2. Give the registry identity back its data-plane role on that vault (Key Vault Crypto Service Encryption User)
3. Also run az keyvault key recover, because recovering a vault leaves its keys deleted
4. Recreate crdelta, since a registry cannot use a key from a recovered vault

I picked 2 but my colleague insists on 3. Who is right?""",
canonical=[V + "re-create-rbac-role-assignments-after-recovering-a-vault", V + "recover-a-deleted-key-vault"],
related=[T + "key-vault-or-key-was-deleted", V + "restore-access-after-a-revocation", V + "recover-a-deleted-key"],
facts=["Access policies are part of the vault and come back with it."],
answer_facts=["does not bring them back", "together with its keys"],
truth="Option 2 is right, because deleting a vault deletes its Azure RBAC role assignments and az keyvault recover does not bring them back, so crdelta's identity lost Key Vault Crypto Service Encryption User even though the key returned. Re-create it: az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <vault resource ID>, then retry; the registry picks the key up again by itself. Your colleague's option is wrong: a recovered vault comes back together with its keys. Waiting changes nothing, since nothing restores the assignment, and the registry doesn't need replacing. Access policies, unlike role assignments, do come back with the vault."),

dict(key="L13", style="long", kind="troubleshoot", category="rotation", quals=[], flags=["powershell_user"],
question="""I manage our registries from Azure PowerShell rather than the CLI. Yesterday at 09:00 I added a new version of the registry key in kv-saffron, expecting crsaffron to move to it within the hour:

```powershell
Add-AzKeyVaultKey -VaultName kv-saffron -Name saffron-kek -Destination Software
(Get-AzContainerRegistry -ResourceGroupName rg-saffron -Name crsaffron).Encryption | ConvertTo-Json -Depth 5
```

A day later the JSON still shows the key identifier ending in the old version string, and the rotation flag in it reads false. What is wrong with how crsaffron was set up, and how do I fix it so later versions get picked up without anyone stepping in?""",
canonical=[T + "registry-keeps-using-an-old-key-version"],
related=[K + "switch-from-manual-to-automatic-rotation", K + "versioned-and-versionless-key-ids", K + "check-which-key-version-the-registry-uses"],
facts=["A rotation policy or `az keyvault key rotate` only creates versions; it does not move the registry."],
answer_facts=["configured with a versioned key id", "leaving out --identity keeps the current identity"],
truth="crsaffron was set up with a versioned key ID: its key identifier ends in a specific version and automatic rotation is off, so it stays on that version until someone rotates it by hand; Add-AzKeyVaultKey only created a version, it can't move the registry. The knowledge documents only the Azure CLI, so in az terms: check with az acr encryption show -n crsaffron -g rg-saffron --query \"keyVaultProperties.{configured:keyIdentifier, inUse:versionedKeyIdentifier, autoRotation:keyRotationEnabled}\", then switch to the versionless ID, az acr encryption rotate-key -n crsaffron -g rg-saffron --key-encryption-key https://kv-saffron.vault.azure.net/keys/saffron-kek (leaving out --identity keeps the current identity). From then on keyRotationEnabled is true and new versions are used within about an hour."),

dict(key="L14", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["powershell_user"],
question="""Our HSM operations are scripted in PowerShell. On mhsm-gull my account has the Managed HSM Crypto User role, and I created the key gull-kek myself from my session. Now the registry's user-assigned identity needs access to that key before we create crgull, but my own attempt to add the role was refused. This is how I get the identity:

```powershell
$uami = Get-AzUserAssignedIdentity -ResourceGroupName rg-gull -Name id-gull-enc
$uami.PrincipalId
```

Which role does the identity need on the Managed HSM key, at what scope, and which role do I (or a colleague) need to be allowed to grant it in the first place?""",
canonical=[M + "local-rbac-roles-for-acr-encryption"],
related=[A + "grant-access-to-a-key-in-a-managed-hsm", A + "your-own-permissions-to-create-keys-in-an-rbac-vault", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
facts=["Only these built-in roles can write role assignments"],
answer_facts=["can write role assignments", "managed hsm policy administrator"],
truth="In Azure CLI terms (the knowledge documents only az): the identity needs the local RBAC role Managed HSM Crypto Service Encryption User, assigned inside mhsm-gull to its principal ID at the key's scope /keys/gull-kek: az keyvault role assignment create --hsm-name mhsm-gull --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id <PrincipalId value> --assignee-principal-type MSI --scope /keys/gull-kek. Your Managed HSM Crypto User role covers creating and rotating keys but can't write role assignments; only Managed HSM Administrator, Managed HSM Crypto Officer or Managed HSM Policy Administrator can, so one of them has to run it or give you such a role. Azure RBAC roles on the HSM resource don't help here, they only govern its management. Allow a few minutes for the assignment to take effect before creating crgull."),

dict(key="L15", style="long", kind="troubleshoot", category="network", quals=["hsm", "oct2026"], flags=["two_facts"],
question="""Our network team enabled the firewall on mhsm-quill (public access limited to two office ranges, default action Deny) during a hardening sprint on Tuesday. The registry crquill08 has been encrypted with a key in that Managed HSM since last spring. From Wednesday on, imports started failing:

```
$ az acr import -n crquill08 --source crbase01.azurecr.io/tools/jq:1.7 --image tools/jq:1.7
(Forbidden) Request to the key store was refused. Code: ForbiddenByFirewall
```

The local role of the registry's identity on /keys/quill-kek has not changed. What is the fix order for the Managed HSM case? And do we have to grant the identity its role again afterwards?""",
canonical=[N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry", M + "managed-hsm-firewall-and-trusted-services"],
related=[T + "http-403-after-enabling-the-key-vault-firewall", N + "managed-hsm-firewall-and-trusted-services", N + "the-portal-key-picker-and-a-key-store-firewall"],
facts=["This applies to a Key Vault vault and to a Managed HSM alike."],
answer_facts=["so the registry re-establishes access", "open the network path, then re-apply"],
truth="First open the network path on the Managed HSM: let trusted Azure services through while keeping the deny default, az keyvault update-hsm --hsm-name mhsm-quill --resource-group <rg> --bypass AzureServices --default-action Deny, and check it with az keyvault show --hsm-name mhsm-quill. Then re-apply crquill08's current identity and key so the registry re-establishes access: az acr encryption rotate-key -n crquill08 --key-encryption-key <current keyIdentifier> --identity <current identity client ID, or '[system]'>. If the 403s persist, open an Azure support case. No new grant is needed: the firewall only blocked the network path, the identity's local role at /keys/quill-kek is untouched, and the bypass neither replaces nor removes it. The two office ranges still matter for your own clients (key commands, the portal key picker), not for ACR."),

dict(key="L16", style="long", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question="""We inherited a runbook that sets up CMK registries on our older access-policy vaults. It was written from the rotate-and-revoke article, which spells the permissions as get, wrap and unwrap, and the grant step now fails on kv-birch-legacy:

```
$ az keyvault set-policy -n kv-birch-legacy --object-id 5d3e8a41-0c27-4b9a-9e61-2f7a4c0d8b13 --key-permissions get wrap unwrap
'wrap' is not a valid value for '--key-permissions'. Did you mean 'wrapKey'?
```

The vault reports enableRbacAuthorization false, so it really is an access-policy vault, and the object ID is the identity's principal ID. Is the article simply wrong, and what exactly should the runbook pass instead so the registry identity ends up with the three permissions it needs?""",
canonical=[T + "invalid-key-permission-names-wrap-and-unwrap"],
related=[A + "grant-access-with-a-key-vault-access-policy", S + "option-b-access-policy-on-an-access-policy-vault", O + "identity-and-key-access-requirements"],
facts=["The CLI expects the exact permission names"],
answer_facts=["only shorthand used in prose", "expects the exact permission names"],
truth="The article's 'get, wrap and unwrap' is shorthand for prose; the CLI accepts only the real permission names, so the runbook has to pass get unwrapKey wrapKey (matching is case-insensitive, WRAPKEY works too): az keyvault set-policy -n kv-birch-legacy -g <rg> --object-id <principal ID> --key-permissions get unwrapKey wrapKey. Your principal ID and the access-policy model are right. Keep in mind that the policy covers every key in kv-birch-legacy, since access policies can't be narrowed to one key, and that on an RBAC vault this step would instead be a Key Vault Crypto Service Encryption User role assignment."),

dict(key="L17", style="long", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question="""Our team keeps one runbook for both key stores. For the registries with Managed HSM keys it grants the identity a local role, and that step works fine. I copied that line's flags into the step for an ordinary RBAC key vault, only swapping the command and the role, and it now dies before anything is sent:

```
$ az role assignment create --assignee-object-id "$enc_principal" --assignee-principal-type MSI \\
    --scope "$kv_id" --role "Key Vault Crypto Service Encryption User"
argument --assignee-principal-type: invalid choice: 'MSI'
See 'az role assignment create -h' for the accepted values.
```

A colleague suggested adding --assignee "$enc_principal" on top, which only produced a different usage error. Why does the same flag work on the HSM side and not here, and what is the right form for the vault?""",
canonical=[T + "role-assignment-rejects-the-principal-type-or-the-assignee"],
related=[A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities", M + "local-rbac-roles-for-acr-encryption", A + "grant-access-with-an-azure-rbac-role"],
facts=["a managed identity is a `ServicePrincipal` there"],
answer_facts=["msi belongs to another command", "it takes exactly one"],
truth="They are two different commands with different value lists. MSI is a principal type of az keyvault role assignment create, the command for a Managed HSM's local roles; az role assignment create (Azure RBAC, which is what the vault uses) knows only User, Group, ServicePrincipal and ForeignGroup, and a managed identity counts as ServicePrincipal there. The second error came from giving both --assignee and --assignee-object-id; the command takes exactly one of them. Right form: az role assignment create --assignee-object-id \"$enc_principal\" --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope \"$kv_id\"."),

dict(key="L18", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="""Last night we moved crplover2's encryption off its user-assigned identity and onto the system-assigned one: turned the system identity on, then ran rotate-key with --identity '[system]' and the same Managed HSM key URI as before. The command returned without error and encryption show now reports system as the identity. This morning every pull fails with 403, and a test rotation fails too.

```
$ az keyvault role assignment list --scope /keys/plover-kek --hsm-name mhsm-plover -o table
RoleName                                     PrincipalId                           Scope
-------------------------------------------  ------------------------------------  ----------------
Managed HSM Crypto Service Encryption User    8c41d2e0-5f7b-4a93-b6de-0e2c9a71f534  /keys/plover-kek
```

That principal is the old user-assigned identity. Which access is the registry missing on the Managed HSM now, and how do we give it without removing the old assignment yet?""",
canonical=[T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
related=[I + "switch-to-the-registrys-system-assigned-identity-after-creation", T + "managed-hsm-role-assignment-not-yet-in-effect", K + "rotate-with-a-different-identity-or-the-system-assigned-identity"],
facts=["or an assignment for the wrong principal (a client ID, or the previous identity after a switch)"],
answer_facts=["the previous identity after a switch", "acr and the portal never create one"],
truth="The system-assigned identity has no local role on plover-kek: the only Managed HSM Crypto Service Encryption User assignment at /keys/plover-kek belongs to the old user-assigned identity, and ACR never creates one for you. Read the system identity's principal ID with az acr identity show -n crplover2 --query principalId -o tsv, then have someone holding Managed HSM Administrator, Crypto Officer or Policy Administrator run az keyvault role assignment create --hsm-name mhsm-plover --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id <system principal ID> --assignee-principal-type MSI --scope /keys/plover-kek. Give it several minutes to take effect, check that it lists, and retry. The old assignment can stay in place until pulls work again; removing it isn't part of the fix."),

dict(key="L19", style="long", kind="howto", category="limits", quals=["iac"], flags=[],
question="""Our Bicep module for registries still carries a trust policy from the Docker Content Trust days:

```bicep
resource finchReg 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: regName
  location: location
  sku: { name: 'Premium' }
  identity: encIdentity
  properties: {
    encryption: encSettings
    policies: {
      trustPolicy: { status: 'enabled', type: 'Notary' }
    }
  }
}
```

Deploying it for the new CMK registry crfinch failed with BlockedForEncryptionEnabledRegistry, while our older registries without a customer-managed key still deploy fine with it. Security insists that images in crfinch are signed and that deployments verify the signatures. What should we use on crfinch instead, and by when do the older registries have to move off content trust as well?""",
canonical=[L + "docker-content-trust-is-being-retired-use-notation"],
related=[T + "content-trust-cannot-be-enabled", L + "docker-content-trust-is-not-supported", L + "oci-referrers-api-is-not-supported"],
facts=["The replacement is the Notary Project, with the Notation CLI"],
answer_facts=["dct is removed on 2028-03-31", "the replacement is the notary project"],
truth="Sign and verify with Notation (the Notary Project), for example with its Azure Key Vault plug-in, and drop trustPolicy from the module for CMK registries: Docker Content Trust can't be turned on for a registry encrypted with a customer-managed key, which is what BlockedForEncryptionEnabledRegistry says. On crfinch, Notation 1.2.0 and later stores signatures through the referrers tag schema, because CMK registries have no OCI Referrers API. Move the deployment-time checks from DCT to Notation signature verification. For the other registries the clock is running too: DCT is deprecated in ACR, the deprecation began on 2025-03-31 and DCT is removed on 2028-03-31, so they need to be off content trust before then."),

dict(key="L20", style="long", kind="no", category="recovery", quals=[], flags=[],
question="""Our registry crmosaic hosts images for several customers, one repository per customer, all encrypted with a single customer-managed key in kv-mosaic. One customer's contract ends this month, and their compliance clause says that on termination we must make their data unreadable to us through a cryptographic cut-off rather than only by deleting images (which we will also do later). Someone in the team suggested revoking the registry identity's key access just for that customer's repository, or giving that repository a key of its own. I haven't found anything like a per-repository key setting. Can a customer-managed key revocation be limited to a single repository in one registry?""",
canonical=[V + "what-revocation-does-to-the-registry"],
related=[V + "revoking-and-restoring-access-to-the-customer-managed-key", T + "registry-access-lost-after-key-permissions-were-revoked", O + "why-teams-use-a-customer-managed-key"],
facts=["There is no partial revocation per repository."],
answer_facts=["no partial revocation per repository", "access to all registry data is blocked"],
truth="No: revocation acts on the whole registry. Once the registry's identity loses its permission on the key (or the key, the vault or the HSM is deleted), access to all of crmosaic's data is blocked, every repository at once; there is no partial revocation per repository, and the encryption settings hold a single key for the registry. A cryptographic cut-off for one customer would need that customer's images in a separate CMK registry with its own key, which can then be revoked on its own. Note also that revocation is reversible while the key exists or can be recovered, so treat permission changes on kv-mosaic as production-affecting."),

dict(key="L21", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="""We are rebuilding our registry setup in a sovereign cloud, where Managed HSM endpoints don't live under the host suffix we know from the public cloud. Our existing script builds the key URI from a template string:

```bash
kek_uri="https://${HSM}.managedhsm.azure.net/keys/${KEK}"
az acr create -n "$REG" -g "$RG" --key-encryption-key "$kek_uri" --identity "$UAMI_ID" --sku Premium
```

In the new cloud the create call fails on the key, and nobody on the team knows that cloud's DNS suffix by heart, nor do we want to hard-code another one. What is the reliable way to produce the correct Managed HSM key URI there, and which parts of it have to stay exactly as they are?""",
canonical=[M + "managed-hsm-key-uris"],
related=[T + "managed-hsm-uri-is-not-a-key-uri", L + "managed-hsm-is-not-available-everywhere", O + "the-key-encryption-key-kek-and-its-identifier"],
facts=["take the host from the HSM's `hsmUri` rather than typing it"],
answer_facts=["rather than typing it", "differs in other clouds"],
truth="Don't assemble the host yourself; ask the Managed HSM for it. az keyvault show --hsm-name \"$HSM\" --query properties.hsmUri -o tsv returns the HSM's own URI in that cloud, and az keyvault key show --hsm-name \"$HSM\" --name \"$KEK\" --query key.kid -o tsv returns the complete versioned key URI; cut the last segment (${kid%/*}) for the versionless form. managedhsm.azure.net is the suffix of the global Azure cloud only. What must stay: HTTPS, the /keys/<key-name> path (optionally followed by /<version>), and it must point at a key, not at a secret, a certificate or the bare HSM URI. Versionless means automatic rotation, versioned means manual. Also check that Managed HSM is offered in that cloud and region at all."),

dict(key="L22", style="long", kind="howto", category="rotation", quals=[], flags=["two_facts"],
question="""The key team is consolidating vaults. Registry crlark (versionless key ID today, user-assigned identity id-lark-enc) encrypts with lark-kek in kv-lark-old, an access-policy vault we want to retire. Its replacement is kv-keys-central, an RBAC vault run by the central key team, where a new key lark-kek-2 will be created. The identity has no access to kv-keys-central yet, and kv-lark-old must stay usable until we are sure nothing depends on it. I'd like the sequence written out so the change window has no surprises: which grants come first, how the key and the rotation are done so automatic rotation keeps working afterwards, and when is it safe to remove the old vault?""",
canonical=[K + "move-to-a-different-key-or-to-a-key-in-another-vault", A + "access-to-a-key-in-a-second-key-vault"],
related=[K + "manual-rotation-with-az-acr-encryption-rotate-key", K + "switch-from-manual-to-automatic-rotation", V + "revoke-by-removing-the-access-policy"],
facts=["Keep the old vault and key, with access, until"],
answer_facts=["keep the old vault and key", "access is granted per vault"],
truth="Grant first, then rotate, then retire. 1) Access is granted per vault, so before anything else give id-lark-enc's principal ID the role on the new RBAC vault: az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <kv-keys-central resource ID>. 2) The key team creates lark-kek-2 (RSA) there; read its kid. 3) Rotate crlark to the versionless form of that kid with the same identity: az acr encryption rotate-key -n crlark --key-encryption-key <kid without the version> --identity id-lark-enc; the versionless ID keeps automatic rotation on. 4) Only once az acr encryption show reports the new key (keyIdentifier and versionedKeyIdentifier on kv-keys-central) remove the old access policy and retire kv-lark-old; until then keep the old vault, key and access in place. Skipping step 1 would leave crlark unable to reach its key."),

dict(key="L23", style="long", kind="value", category="recovery", quals=[], flags=[],
question="""Audit finding on our registry setup: purge protection is on for kv-heath-cmk (soft-delete retention 30 days), and the auditor wrote that this "protects crheath from any key deletion". Our own understanding is fuzzier, so before I answer the finding I want the facts straight. If an administrator deleted heath-kek tomorrow morning with purge protection on, for how long could the registry's data stay inaccessible at most before we either recover the key or lose it for good, and does purge protection change anything about the outage itself between the deletion and the recovery?""",
canonical=[V + "how-purge-protection-protects-the-registry"],
related=[O + "soft-delete-and-purge-protection-behaviour-in-key-vault", V + "recover-a-deleted-key", V + "revoke-by-deleting-the-key"],
facts=["it does not stop a deletion, only a purge"],
answer_facts=["it does not stop a deletion", "recoverable for the whole retention window"],
truth="Up to the 30-day retention window, and purge protection doesn't shorten the outage. It stops a purge, not a deletion: from the moment heath-kek is deleted crheath is locked out, and it stays locked out until someone recovers the key (az keyvault key recover --vault-name kv-heath-cmk --name heath-kek). What purge protection guarantees is that nobody can erase the deleted key early, so it stays recoverable for the whole 30 days; if nobody recovers it in that time, it is removed automatically and the registry's content is lost for good. So the auditor overstates it: it protects against early permanent loss, not against the outage. Purge protection can't be switched off again once on."),

dict(key="L24", style="long", kind="yes", category="rotation", quals=["hsm", "iac", "oct2026"], flags=[],
question="""Registry crbittern has been encrypted with a key in kv-bittern since 2024. The security architects now want its key moved into our Managed HSM mhsm-core, where kek-bittern already exists as an RSA-HSM key allowing wrapKey and unwrapKey. The operations team would rather do this in the portal than by script, but in Settings > Encryption > Change key the Select from Key Vault picker only ever listed key vaults for us in the past. Does the portal's Change key now accept a Managed HSM key for an existing registry, and what has to be in place on the HSM before we press save? And which version will crbittern use once the HSM team adds new versions of kek-bittern later?""",
canonical=[K + "rotate-the-key-in-the-azure-portal"],
related=[M + "rotate-a-managed-hsm-key", N + "the-portal-key-picker-and-a-key-store-firewall", A + "access-to-a-key-in-a-second-key-vault"],
facts=["for a Managed HSM key the portal does not create the local role assignment"],
answer_facts=["offers key vaults and managed hsms", "does not create the local role assignment"],
truth="Yes: since the October 2026 revision, Change key (Settings > Encryption) offers Managed HSMs as well as key vaults in Select from Key Vault, and Enter key URI accepts a Managed HSM key ID, versioned or versionless. Before saving, give the identity that will be configured the local role Managed HSM Crypto Service Encryption User on /keys/kek-bittern in mhsm-core (az keyvault role assignment create --hsm-name mhsm-core ... --assignee-principal-type MSI --scope /keys/kek-bittern); the portal doesn't create it, and without it crbittern loses access to its key. If the HSM firewall is on, keep trusted services allowed, and allow your client IP or use Enter key URI if the picker can't list keys. A key chosen from the picker is stored versionless, so crbittern follows each new version of kek-bittern within about an hour; a pasted URI keeps whatever form you paste."),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="value", category="keys", quals=[], flags=["voice_dictation"],
question="registry identity roll on an rbac vault and what goes in dash dash scope",
canonical=[A + "grant-access-with-an-azure-rbac-role"],
related=[S + "option-a-azure-rbac-role-on-an-rbac-vault", A + "two-supported-ways-to-grant-key-access", A + "why-key-vault-crypto-user-is-not-needed"],
facts=["`--scope` is required by current CLI versions"],
answer_facts=["always pass the vault's resource id", "service encryption user"],
truth="The role is Key Vault Crypto Service Encryption User, given to the identity's principal ID, and --scope takes the key vault's resource ID: az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <vault resource ID>. Current CLI versions require --scope. Azure RBAC would allow a narrower key-level scope, but the ACR docs scope the role to the vault. A new assignment can take a few minutes to apply."),

dict(key="S2", style="short", kind="howto", category="identity", quals=[], flags=["voice_dictation"],
question="how do i get the acr system identity principle id with dash dash query",
canonical=[K + "rotate-with-a-different-identity-or-the-system-assigned-identity"],
related=[I + "switch-to-the-registrys-system-assigned-identity-after-creation", I + "which-identity-value-goes-where", K + "manual-rotation-with-az-acr-encryption-rotate-key"],
facts=["Attach the identity to the registry and grant it key access first"],
answer_facts=["--query principalid --output tsv"],
truth="Read it from the registry, not from az identity: az acr identity show -n <registry> -g <rg> --query principalId -o tsv, after turning the identity on with az acr identity assign -n <registry> --identities '[system]'. That principal ID is what the key grant takes (Key Vault Crypto Service Encryption User on an RBAC vault, an access policy on an access-policy vault, or the Managed HSM local role on the key); then point encryption at it with az acr encryption rotate-key --identity '[system]'."),

dict(key="S3", style="short", kind="why", category="setup", quals=[], flags=["voice_dictation"],
question="why is open bracket system close bracket not aloud at acr create",
canonical=[S + "rules-that-az-acr-create-enforces-for-cmk"],
related=[I + "a-user-assigned-identity-is-required-when-the-registry-is-created", T + "system-assigned-identity-rejected-at-registry-creation", I + "quote-system-in-shell-commands"],
facts=["only a user-assigned identity can be given at creation"],
answer_facts=["only a user-assigned identity can be given"],
truth="Because at creation only a user-assigned identity is allowed: az acr create doesn't accept --identity '[system]'. The registry's own system-assigned identity doesn't exist until the registry does, so it can't already hold access to the key, and the CLI would look [system] up as the name of a user-assigned identity and fail. Create with a user-assigned identity, then switch later: az acr identity assign --identities '[system]', grant its principal ID key access, and run az acr encryption rotate-key --identity '[system]'."),

dict(key="S4", style="short", kind="undocumented", category="limits", quals=[], flags=["voice_dictation"],
question="is dash dash skew standard aloud on a cmk registry after creation",
canonical=[T + "cmk-needs-the-premium-tier"],
related=[L + "changing-the-sku-of-a-cmk-registry-is-not-documented", O + "cmk-requires-the-premium-sku", L + "feature-compatibility-summary"],
facts=["CMK can never be turned off"],
answer_facts=["don't assume a downgrade works", "confirm with azure support"],
truth="Not documented: the docs don't say whether a CMK registry can move from Premium down to Standard (or Basic), e.g. with az acr update --sku Standard. CMK exists only on the Premium SKU, can never be turned off, and the lower tiers don't offer it, so don't assume the downgrade is allowed or works; confirm with Azure support first and don't try it on a production registry."),

dict(key="S5", style="short", kind="value", category="rotation", quals=[], flags=["multiple_choice"],
question="quiz: versionless kek, acr switches versions within what? a) 1h b) 24h c) 7d",
canonical=[K + "automatic-rotation-with-a-versionless-key-id"],
related=[K + "versioned-and-versionless-key-ids", K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", T + "registry-keeps-using-an-old-key-version"],
facts=["Automatic rotation only means the registry **follows** new versions."],
answer_facts=["within one hour", "it does not create them"],
truth="A: within one hour, because with a versionless key ID the registry checks the key store periodically and starts using a new key version within an hour of its creation, in a key vault and a Managed HSM alike. 24 hours and 7 days are wrong; 7 days is the shortest Key Vault rotation-policy interval, and a policy only creates versions, it doesn't move the registry. az acr encryption show then reports keyRotationEnabled true and the version in use in versionedKeyIdentifier."),

dict(key="S6", style="short", kind="no", category="setup", quals=[], flags=["powershell_user"],
question="which update-azcontainerregistry option switches on cmk for our existing acr?",
canonical=[O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
related=[O + "moving-an-existing-registry-to-cmk", T + "key-rotation-fails-on-a-registry-without-cmk", C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep"],
facts=["An existing registry, even a Premium one, cannot be switched to CMK"],
answer_facts=["has no --identity or --key-encryption-key option"],
truth="No: whatever a cmdlet offers, the service accepts a customer-managed key only when a registry is created, and an existing registry, even a Premium one, can't be switched afterwards. In Azure CLI terms (the knowledge covers only az): az acr update offers neither --identity nor --key-encryption-key, and az acr encryption rotate-key on a registry created without CMK fails with a usage error. The way to CMK is a new Premium registry created with --identity and --key-encryption-key, then az acr import of the content and repointing clients to the new login server."),

dict(key="S7", style="short", kind="howto", category="keys", quals=["hsm", "oct2026"], flags=[], typo="asignments",
question="how do i list the uami's local role asignments on our hsm key?",
canonical=[A + "verify-the-identitys-access"],
related=[A + "grant-access-to-a-key-in-a-managed-hsm", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope", M + "local-rbac-roles-for-acr-encryption"],
facts=["An empty result means no assignment at that exact scope"],
answer_facts=["run it again without --scope"],
truth="List them inside the Managed HSM, using the identity's principal ID: az keyvault role assignment list --hsm-name <hsm> --assignee-object-id <principal ID> --scope /keys/<key>. An empty result only means there is no assignment at that exact scope; run it again without --scope to find assignments made at / or /keys, which grant access as well. The role that matters is Managed HSM Crypto Service Encryption User."),

dict(key="S8", style="short", kind="howto", category="recovery", quals=[], flags=[],
question="turn on purge protection for an existing kv that backs our acr cmk",
canonical=[O + "soft-delete-and-purge-protection-on-the-key-vault"],
related=[O + "soft-delete-and-purge-protection-behaviour-in-key-vault", V + "how-purge-protection-protects-the-registry", S + "step-3-create-the-key-vault-with-purge-protection"],
facts=["It is off by default, needs soft delete, and cannot be turned off once on."],
answer_facts=["recommended, not required", "cannot be turned off once on"],
truth="Run az keyvault update --name <vault> --resource-group <rg> --enable-purge-protection true and check it with az keyvault show --name <vault> --query properties.enablePurgeProtection. Soft delete, which it depends on, is already on for every vault. For CMK vaults it's recommended rather than required, and it's a one-way switch: once on, it can't be turned off. From then on nobody can purge the deleted vault or key before the retention period ends."),

dict(key="S9", style="short", kind="troubleshoot", category="troubleshooting", quals=[], flags=[], typo="permissons",
question="owner on the new rbac kv but no permissons to create the cmk key",
canonical=[A + "your-own-permissions-to-create-keys-in-an-rbac-vault"],
related=[T + "operator-cannot-create-the-key-in-an-rbac-vault", A + "azure-cli-262-and-later-create-rbac-vaults-by-default", S + "option-a-azure-rbac-role-on-an-rbac-vault"],
facts=["This role is for the operator only"],
answer_facts=["does not let you create keys", "such as key vault crypto officer"],
truth="On an RBAC vault Owner and Contributor are management-plane roles; they don't let you work with keys. Whoever runs az keyvault key create needs a data-plane role such as Key Vault Crypto Officer on the vault: az role assignment create --assignee-object-id <your object ID> --assignee-principal-type User --role \"Key Vault Crypto Officer\" --scope <vault resource ID>, then wait a few minutes and retry. That role is for you only; the registry identity keeps just Key Vault Crypto Service Encryption User."),

dict(key="S10", style="short", kind="troubleshoot", category="identity", quals=[], flags=[],
question="bash swapped our unquoted [system] for a file called s during acr identity assign",
canonical=[I + "quote-system-in-shell-commands"],
related=[T + "system-assigned-identity-rejected-at-registry-creation", I + "switch-to-the-registrys-system-assigned-identity-after-creation", I + "how-rotate-key-interprets-the---identity-value"],
facts=["`[system]` is the CLI's alias for the system-assigned identity"],
answer_facts=["write it in single quotes"],
truth="That's shell globbing: unquoted, [system] is a bash pattern matching any one-letter file named s, y, t, e or m in the current directory, so bash passed the file name instead. Always write '[system]' in single quotes (--identities '[system]', --identity '[system]'). Then check az acr identity show for a stray identity the bad call looked up or attached, detach that entry (never the identity encryption uses), and rerun az acr identity assign -n <registry> --identities '[system]'."),

dict(key="S11", style="short", kind="yes", category="limits", quals=[], flags=[], typo="replciation",
question="is geo-replciation fine on an acr with cmk?",
canonical=[L + "geo-replication-works-with-cmk"],
related=[L + "geo-replication-with-a-managed-hsm-key", L + "feature-compatibility-summary", M + "limits-and-open-points-with-managed-hsm"],
facts=["The docs state no other CMK-specific geo-replication limit."],
answer_facts=["can be encrypted with a customer-managed key"],
truth="Yes: a geo-replicated Premium registry can use a customer-managed key. The geo-replication article only asks CMK users to follow Azure Key Vault's failover and redundancy (disaster-recovery) guidance, since every replica relies on that key vault being reachable; the docs name no other CMK-specific geo-replication limit. With the key in a Managed HSM, plan the HSM's own recovery separately."),

dict(key="S12", style="short", kind="undocumented", category="keys", quals=[], flags=[],
question="does the acr cmk encrypt layers itself or wrap an inner key?",
canonical=[O + "what-customer-managed-key-encryption-adds-to-a-registry"],
related=[O + "default-encryption-at-rest-without-a-cmk", O + "why-teams-use-a-customer-managed-key", O + "the-key-encryption-key-kek-and-its-identifier"],
facts=["does not describe the internal key hierarchy"],
answer_facts=["does not describe the internal key hierarchy", "treat that as an inference"],
truth="Not documented: the ACR docs don't describe the internal key hierarchy. What they do say is that the CMK adds a second encryption layer on top of Microsoft's platform encryption and that the registry identity only needs get, wrapKey and unwrapKey on the key, which suggests the key wraps the registry's own encryption keys rather than encrypting image layers directly. That is an inference, not a documented fact."),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="A1", style="agent", kind="howto", form="keywords", category="hsm", quals=["hsm", "oct2026"], flags=["voice_dictation"],
question="managed hsm revocation drill for our acr identity it holds the crypto service encryption user roll at slash keys and again at slash keys slash kek seven how do we remove both so access really stops",
canonical=[V + "revoke-access-to-a-key-in-a-managed-hsm"],
related=[M + "revoke-access-to-a-managed-hsm-key", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope", V + "restore-access-after-a-revocation"],
facts=["A delete scoped to `/keys/<key-name>` does not touch an assignment made at `/keys` or at `/`."],
answer_facts=["the same scope where it was created", "does not touch an assignment made at"],
truth="Delete the role at every scope where the identity holds it, each time at that same scope, using its principal ID. List first without --scope to see them all: az keyvault role assignment list --hsm-name <hsm> --assignee-object-id <principal ID>. Then az keyvault role assignment delete --hsm-name <hsm> --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id <principal ID> --scope /keys/kek7, and the same command with --scope /keys. A delete at /keys/kek7 leaves the /keys assignment alone, and that one by itself keeps access working, as would any other local role with wrap and unwrap (e.g. Managed HSM Crypto User). Once both are gone all registry data is blocked; re-creating an assignment brings the registry back."),

dict(key="A2", style="agent", kind="value", form="imperative", category="rotation", quals=[], flags=["multiple_choice"],
question="Give the correct option for this practice question: after az keyvault key rotate, a registry on a versioned key ID (A) switches within an hour (B) stays on the old version until rotate-key (C) loses key access (D) deletes the old version",
canonical=[K + "rotate-immediately-with-az-keyvault-key-rotate"],
related=[K + "versioned-and-versionless-key-ids", K + "move-to-a-new-version-of-the-same-key", T + "registry-keeps-using-an-old-key-version"],
facts=["generates a new version at once"],
answer_facts=["keeps the old one until you run"],
truth="B: az keyvault key rotate only generates a new version at once (same key type and size), and because the registry was given a versioned key ID it keeps using the old version until you run az acr encryption rotate-key --key-encryption-key <new versioned kid> (or switch it to the versionless ID). (A) is what a versionless ID would do, (C) is wrong because the old version still exists and stays usable, and (D) is wrong because key rotate deletes nothing."),

dict(key="A3", style="agent", kind="howto", form="context", category="hsm", quals=["hsm", "oct2026"], flags=["multiple_choice"],
question="Context: internal guild CMK quiz. Question: which grants the registry identity access to its Managed HSM key? (A) az role assignment create on the HSM (B) az keyvault set-policy (C) az keyvault role assignment create --hsm-name at /keys/<key> (D) ACR does it",
canonical=[O + "identity-and-key-access-requirements"],
related=[M + "local-rbac-roles-for-acr-encryption", A + "grant-access-to-a-key-in-a-managed-hsm", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
facts=["There are no access policies, and ACR never creates the assignment for you."],
answer_facts=["acr never creates the assignment for you", "preferably scoped to the key"],
truth="Option C, because a Managed HSM grants key use only through its local RBAC: the identity's principal ID needs Managed HSM Crypto Service Encryption User, preferably scoped to /keys/<key-name>, created with az keyvault role assignment create --hsm-name <hsm> --assignee-object-id <principal ID> --assignee-principal-type MSI --scope /keys/<key-name>. (A) is wrong because Azure RBAC on the HSM resource covers only its management, (B) because a Managed HSM has no access policies, and (D) because ACR never creates the assignment for you."),

dict(key="A4", style="agent", kind="troubleshoot", form="context", category="keys", quals=[], flags=["powershell_user"],
question="Context: I gave id-wren-enc Key Vault Crypto Service Encryption User via New-AzRoleAssignment, scope kv-wren, yet (Get-AzKeyVault -VaultName kv-wren).EnableRbacAuthorization prints False and registry creation still can't reach the key. Question: what grant does this vault actually need, and how do I check it?",
canonical=[A + "grant-access-with-a-key-vault-access-policy"],
related=[T + "role-assignment-has-no-effect-on-an-access-policy-vault", A + "which-permission-model-does-my-key-vault-use", A + "verify-the-identitys-access"],
facts=["A policy grants these permissions on every key in the vault"],
answer_facts=["give the identity the three key permissions"],
truth="kv-wren uses access policies (enableRbacAuthorization false), so an Azure role assignment grants no key access there; only its access policies count. In Azure CLI terms, which is what the knowledge documents: az keyvault set-policy --name kv-wren --resource-group <rg> --object-id <id-wren-enc principal ID> --key-permissions get unwrapKey wrapKey, then check with az keyvault show --name kv-wren --query \"properties.accessPolicies[?objectId=='<principal ID>'].permissions.keys\" and expect get, wrapKey and unwrapKey. Retry the registry creation after that. The role assignment can be removed; switching the vault to the RBAC model instead would disrupt everything else that uses it."),

dict(key="A5", style="agent", kind="howto", form="imperative", category="limits", quals=[], flags=["powershell_user", "two_facts"],
question="Explain how to report which of our registries lack CMK across all subscriptions; today I loop Get-AzContainerRegistry | Select-Object Name per subscription in PowerShell and want something the auditors accept.",
canonical=[L + "azure-policy-built-in-for-cmk", L + "check-the-encryption-status-of-a-registry"],
related=[L + "feature-compatibility-summary", O + "cmk-can-only-be-enabled-when-the-registry-is-created", S + "step-8-verify-the-encryption-status"],
facts=["Assign it at subscription or resource-group scope to report non-compliant registries."],
answer_facts=["cannot be remediated in place", "cmk:encryption.status"],
truth="Use the built-in Azure Policy definition 'Container Registries should be encrypted with a Customer-Managed Key (CMK)', assigned at subscription (or resource-group) scope, so non-compliant registries are reported continuously. The knowledge gives this in Azure CLI terms rather than PowerShell: find the definition with az policy definition list --query \"[?displayName=='Container Registries should be encrypted with a Customer-Managed Key (CMK)'].{name:name, mode:mode}\" -o table and assign it in each subscription. For a quick snapshot, az acr list --query \"[].{name:name, sku:sku.name, cmk:encryption.status}\" -o table shows every registry's status. A non-compliant registry can't be fixed in place; it has to be replaced by a new CMK registry."),

dict(key="A6", style="agent", kind="troubleshoot", form="context", category="keys", quals=[], flags=[],
question="Context: crypto team made kek-ridge-ec, an EC-HSM P-384 key in a Premium vault, for crridge; az acr encryption rotate-key to it is refused, the old RSA key still works. Question: why refused, and what key should they make instead?",
canonical=[T + "elliptic-curve-key-rejected"],
related=[O + "which-key-types-and-sizes-are-supported", O + "rsa-hsm-keys-need-a-premium-key-vault", K + "move-to-a-different-key-or-to-a-key-in-another-vault"],
facts=["can't wrap keys and are not supported"],
answer_facts=["supports only rsa and rsa-hsm keys"],
truth="Registry encryption supports only RSA and RSA-HSM keys; elliptic-curve keys (EC and EC-HSM, on any curve including P-384) can't wrap keys and aren't supported, so the rotation is rejected and crridge stays on its RSA key. Have them create an RSA-HSM key under a new name (the Premium vault allows HSM-protected keys), e.g. az keyvault key create --vault-name <vault> --name <new key> --kty RSA-HSM --size 3072, make sure crridge's identity has access on that vault, then run az acr encryption rotate-key -n crridge --key-encryption-key <new key ID>. ACR prescribes no key size; Key Vault offers 2048, 3072 and 4096 bits."),

dict(key="A7", style="agent", kind="troubleshoot", form="keywords", category="network", quals=[], flags=[],
question="new kv-sable-cmk went private endpoint only before anyone created the key, az keyvault key create from the build agent now fails forbidden, registry crsable not created yet, what order should we have used and how to recover",
canonical=[N + "create-the-key-before-the-registry-when-the-vault-is-locked-down"],
related=[N + "the-vault-firewall-covers-the-data-plane-only", N + "allow-your-own-clients-through-the-vault-firewall", S + "create-the-key-before-the-registry-for-restricted-vaults"],
facts=["create the key before creating the registry"],
answer_facts=["create the key before creating the registry", "while your client can still reach"],
truth="The order is: 1) create the vault and the key while your client can still reach the vault's data plane, 2) give the registry identity its key access (role assignment or access policy), 3) turn on the trusted-services bypass with default action Deny, 4) run az acr create with --identity and --key-encryption-key. To recover: the vault firewall only filters the data plane, so the network settings themselves can still be changed from anywhere. Either run the key creation from a network that reaches the private endpoint, let the build agent in (az keyvault network-rule add --name kv-sable-cmk --resource-group <rg> --ip-address <agent IP or range>, or its subnet), or open the vault briefly, create the key, and make sure --bypass AzureServices --default-action Deny is in place before creating crsable; the registry itself gets in through the trusted-services bypass, not an IP rule."),

dict(key="A8", style="agent", kind="yes", form="imperative", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="Confirm that on Azure CLI 2.91, provisioning a Managed HSM with az keyvault create fails unless --retention-days is given, and whether that number matters later for rotation or recovery of our registry keys.",
canonical=[M + "provision-and-activate-the-managed-hsm"],
related=[S + "azure-cli-version-notes-for-cmk-commands", V + "recover-a-deleted-managed-hsm", T + "managed-hsm-is-not-activated"],
facts=["the soft-delete retention, 7 to 90 days"],
answer_facts=["insists on --retention-days", "only an initial administrator can do this"],
truth="Yes: Azure CLI 2.91 won't create a Managed HSM (az keyvault create --hsm-name ... --administrators <object IDs>) without --retention-days, a value from 7 to 90. It is the soft-delete retention, so it matters for recovery: a deleted key or a deleted HSM can be recovered only within that window, and a soft-deleted HSM keeps being billed meanwhile. It has no bearing on rotation. Provisioning is only half of it: an initial administrator still has to activate the HSM by downloading its security domain before any key or role can be created."),

dict(key="A9", style="agent", kind="no", form="context", category="network", quals=[], flags=[],
question="Context: crtarn was created with az acr create --allow-trusted-services true, and its key sits in kv-tarn behind a firewall with default action Deny. Question: does that registry flag already let the registry through the key vault firewall, or is something needed on the vault itself?",
canonical=[N + "azure-container-registry-in-key-vaults-trusted-services-list"],
related=[N + "allow-trusted-services-and-deny-other-traffic", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", O + "network-requirement-for-a-locked-down-key-vault"],
facts=["for the purpose of encrypting registries with customer-managed keys"],
answer_facts=["lists azure container registry among the services"],
truth="No: --allow-trusted-services is the registry's own firewall setting (which services may pass the registry's firewall) and does nothing for reaching the key. The vault needs its own exception: Key Vault lists Azure Container Registry among its trusted services for registry encryption with customer-managed keys, so turn on 'Allow trusted Microsoft services' on kv-tarn, e.g. az keyvault update --name kv-tarn --resource-group <rg> --bypass AzureServices --default-action Deny. The bypass only opens the network path; crtarn's identity still needs its access policy or Key Vault Crypto Service Encryption User role."),

dict(key="A10", style="agent", kind="why", form="keywords", category="identity", quals=[], flags=[],
question="why does an encrypted acr need a managed identity at all to reach its key, could it not just store a vault secret or connection string like our apps do",
canonical=[I + "why-the-registry-needs-a-managed-identity"],
related=[I + "managed-identities-for-acr-cmk-encryption", O + "identity-and-key-access-requirements", I + "the-encryption-identity-cannot-simply-be-removed"],
facts=["The registry does not hold credentials for its key store."],
answer_facts=["does not hold credentials", "the single point through which"],
truth="Because the registry keeps no credentials for its key store at all: it calls the key vault or Managed HSM as a managed identity, and the key store decides on each call whether that identity may read, wrap and unwrap the key, through an access policy or the Key Vault Crypto Service Encryption User role in a vault, or the local role Managed HSM Crypto Service Encryption User in a Managed HSM. So that identity is the registry's one path to its key, which is also why the encryption identity can't simply be removed and why taking its access away blocks the registry."),

dict(key="A11", style="agent", kind="undocumented", form="imperative", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="Describe what the ACR documentation prescribes for disaster recovery of a geo-replicated registry whose customer-managed key lives in Managed HSM, beyond the Key Vault guidance.",
canonical=[M + "limits-and-open-points-with-managed-hsm"],
related=[L + "geo-replication-with-a-managed-hsm-key", L + "geo-replication-works-with-cmk", M + "recover-a-deleted-managed-hsm-key-or-hsm"],
facts=["for a Managed HSM key store, plan HSM recovery (security domain, backups) separately"],
answer_facts=["plan hsm recovery (security domain, backups) separately"],
truth="Not documented: the geo-replication article wasn't updated for Managed HSM and still sends CMK users only to Key Vault's disaster-recovery guidance; the ACR docs say nothing more specific. For a Managed HSM key store, plan the HSM's own recovery separately: its security domain and the key pairs that decrypt it, backups, and whether Managed HSM exists in the regions you need. Keep in mind the HSM is billed while it exists, including while soft-deleted, and every registry-side CMK limit still applies."),

dict(key="A12", style="agent", kind="howto", form="context", category="setup", quals=["iac"], flags=[],
question="Context: first CMK registry for the data team, created through the portal; the identity, kv-marten and key marten-kek already exist and the identity has its role. Question: which Encryption tab choices give us automatic key rotation, and what if the key list stays empty?",
canonical=[S + "set-up-cmk-in-the-azure-portal"],
related=[K + "rotate-the-key-in-the-azure-portal", N + "the-portal-key-picker-and-a-key-store-firewall", S + "create-the-key-before-the-registry-for-restricted-vaults"],
facts=["stores the key without a version, so automatic rotation is on"],
answer_facts=["stores the key without a version", "the usual rotation rules apply"],
truth="In Create container registry pick the Premium tier; on the Encryption tab set Customer-managed key to Enabled, choose the user-assigned identity, then use Select from Key Vault and pick kv-marten and marten-kek: a key chosen there is stored without a version, so automatic rotation is on. Enter key URI works too, but only a versionless URI gives automatic rotation; a versioned one pins the version. If the picker can't list the keys, the vault firewall is blocking your browser: allow your client IP on kv-marten, or use Enter key URI with https://kv-marten.vault.azure.net/keys/marten-kek. The trusted-services exception helps ACR, not your browser."),
]

# ---------------- off-topic ----------------
OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind=OFF, category=OFF, subject="longhorn", near_miss=True,
question="""Our self-hosted image registry (the open-source Distribution server) keeps its blobs on a Longhorn volume, and we moved that volume to Longhorn's encrypted volumes, which read their passphrase from a secret in the cluster. Compliance now wants the passphrase changed every year, much like a customer-managed key. As far as we can tell Longhorn does not re-encrypt a volume in place. How do we rotate the encryption passphrase of a Longhorn volume that backs a running registry without losing the stored images?""",
truth="Not covered: rotating the passphrase of Longhorn encrypted volumes behind a self-hosted registry is outside the knowledge, which is about Azure Container Registry encryption with customer-managed keys."),

dict(key="X2", style="long", kind=OFF, category=OFF, subject="ejbca", near_miss=True,
question="""The TLS certificate on our on-premises registry mirror is issued by our EJBCA instance, and its private key is generated inside the hardware security module that EJBCA is connected to. Auditors want the certificate's key pair replaced at the next renewal, moving from RSA 2048 to RSA 3072 at the same time. Which EJBCA certificate profile and key settings do we change so that the renewal of the registry certificate generates a new 3072-bit key in the HSM?""",
truth="Not covered: EJBCA certificate profiles and key generation for a registry mirror's TLS certificate are outside the knowledge, which covers ACR customer-managed key encryption."),

dict(key="X3", style="long", kind=OFF, category=OFF, subject="pgbackrest", near_miss=True,
question="""The metadata database of our self-hosted artifact registry runs on PostgreSQL and is backed up with pgBackRest to an object store, with repository encryption (aes-256-cbc) and a cipher passphrase in the configuration file. Security wants that encryption key rotated, while the existing backups must stay restorable for their retention period. How do we change the repository cipher passphrase in pgBackRest for an existing stanza without breaking the older backups?""",
truth="Not covered: changing pgBackRest repository encryption passphrases is a database-backup topic the knowledge does not cover."),

dict(key="X4", style="long", kind=OFF, category=OFF, subject="gocryptfs", near_miss=True,
question="""A small team runs a registry mirror on a single VM, with the registry's storage directory inside a gocryptfs encrypted folder whose master key is protected by a password. The person who chose the password is leaving, and we want a new password (and ideally a new master key) without copying hundreds of gigabytes of image data around. How do we change the gocryptfs password, and can the master key itself be rotated without re-encrypting everything?""",
truth="Not covered: gocryptfs passwords and master keys are a filesystem-encryption topic outside the knowledge, which covers Azure Container Registry customer-managed keys only."),

dict(key="X5", style="long", kind=OFF, category=OFF, subject="rundeck",
question="""Rundeck runs our nightly registry clean-up jobs, and the registry password those jobs use sits in Rundeck's key storage. After a staff change we have to replace that stored key with a new credential and make sure every job that references it picks up the new value, without editing each job definition by hand. What is the procedure to rotate an entry in Rundeck key storage, and how do we see which jobs use it?""",
truth="Not covered: rotating entries in Rundeck key storage is a job-scheduler topic the knowledge does not cover."),

dict(key="X6", style="long", kind=OFF, category=OFF, subject="spinnaker",
question="""Spinnaker deploys our services from images in a private registry, and the registry account credentials live in Spinnaker's configuration, encrypted with a key we manage ourselves. That encryption key has to be rotated this quarter. How do we re-encrypt the stored registry account credentials in Spinnaker under a new key without downtime for the pipelines that are running?""",
truth="Not covered: re-encrypting Spinnaker's stored registry credentials under a new key is a deployment-tool topic outside the knowledge."),

dict(key="X7", style="agent", kind=OFF, category=OFF, form="context", subject="authentik",
question="Context: authentik is the identity provider for our internal registry UI and signs its OIDC assertions with a key pair. Task: explain how to rotate authentik's signing key pair without logging everyone out of the registry UI.",
truth="Not covered: rotating authentik's signing keys is an identity-provider topic outside the knowledge."),

dict(key="X8", style="agent", kind=OFF, category=OFF, form="imperative", subject="syncthing",
question="Explain how to change the device key of a Syncthing node that mirrors our registry's backup folder to a second site, without re-sharing every folder by hand.",
truth="Not covered: Syncthing device keys are a file-synchronisation topic the knowledge does not cover."),

dict(key="X9", style="agent", kind=OFF, category=OFF, form="keywords", subject="minisign",
question="minisign key pair we use to sign registry release manifests, rotate it and publish the new public key without breaking older signature checks",
truth="Not covered: rotating minisign signing keys is outside the knowledge, which is about ACR customer-managed key encryption."),

dict(key="X10", style="short", kind=OFF, category=OFF, subject="seaweedfs",
question="seaweedfs filer encryption key for our registry blobs, how to rotate it?",
truth="Not covered: SeaweedFS filer encryption keys are a storage-system topic outside the knowledge."),

dict(key="X11", style="short", kind=OFF, category=OFF, subject="vaultwarden",
question="how do i rotate the vaultwarden encryption key after our registry admin left?",
truth="Not covered: rotating keys in a Vaultwarden password manager is outside the knowledge."),

dict(key="X12", style="short", kind=OFF, category=OFF, subject="pritunl",
question="pritunl vpn server key for reaching our registry, how to regenerate it?",
truth="Not covered: regenerating a Pritunl VPN server key is a networking-tool topic the knowledge does not cover."),
]
# ---- end of questions ----

QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"asignments": "assignments", "permissons": "permissions", "replciation": "replication"}
SHAPES = ["two_facts", "multiple_choice", "support_email", "voice_dictation", "code_comment", "powershell_user"]

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
    rng = random.Random(45)
    while True:
        rng.shuffle(items)
        cats = [q["category"] for q in items]
        if not any(cats[i] == cats[i + 1] == cats[i + 2] for i in range(len(cats) - 2)):
            break
    entries, meta = [], {}
    for n, q in enumerate(items, 1):
        qid = "f%03d" % n
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
    with open(os.path.join(HERE, "blind45.json"), "w", encoding="utf-8") as fh:
        json.dump(entries, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    with open(os.path.join(HERE, "blind45-meta.json"), "w", encoding="utf-8") as fh:
        json.dump(meta, fh, indent=1, ensure_ascii=False, sort_keys=True)
        fh.write("\n")
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    with open(os.path.join(HERE, "blind45-first-canonicals.txt"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(firsts) + "\n")


if __name__ == "__main__":
    main()
