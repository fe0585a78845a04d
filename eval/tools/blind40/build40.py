"""blind40 builder: holds the 60 questions (QUESTIONS) and writes blind40.json and blind40-meta.json."""
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

Q1 = [
dict(key="T1", style="long", kind="troubleshoot", category="network", quals=["hsm", "oct2026"], flags=["timeline"],
question="""Timeline from our side, registry crpayfrc, key kept in the Managed HSM hsm-pay-frc:

- Tuesday 14:00: security turned on the HSM firewall (default deny, one office range allowed)
- Tuesday evening: nightly `az acr import` jobs started dying
- Wednesday morning: one of us re-ran a job by hand and got this

```
(Forbidden) The operation was rejected by the key store.
Code: Forbidden
Inner: ForbiddenByFirewall - request origin not on the allow list
```

Nobody changed the registry or the identity in between, and pulls of older images still look fine from the cache on our nodes. What do we change on the Managed HSM side first, and what do we run against the registry after that?""",
canonical=[T + "http-403-after-enabling-the-key-vault-firewall"],
related=[R + "managed-hsm.md#managed-hsm-firewall-and-trusted-services", R + "networking.md#managed-hsm-firewall-and-trusted-services"],
facts=["reaches the key store as a trusted Azure service"],
answer_facts=["through the managed hsm firewall", "rotate-key"],
truth="The Managed HSM firewall now blocks the registry: let trusted Azure services through it with az keyvault update-hsm --bypass AzureServices (the deny rule can stay), then re-apply the registry's current key and identity with az acr encryption rotate-key; if the 403s keep coming after that, open a support request."),

dict(key="T2", style="long", kind="troubleshoot", category="recovery", quals=[], flags=["timeline", "two_facts"],
question="""Short version of a bad week. On Friday a clean-up script removed the whole resource group rg-sec-tmp, which (we found out later) held kv-shipping-cmk, the RBAC vault with the key of our registry crshipping. On Monday morning every pull failed, so at 10:30 I ran `az keyvault recover --name kv-shipping-cmk` and the vault came back with the key and all versions. It is now 15:00 and pulls still fail:

```
$ docker pull crshipping.azurecr.io/tracker:5.2
Error response from daemon: unknown: denied - registry content not accessible
$ az keyvault key show --vault-name kv-shipping-cmk -n shipping-kek --query attributes.enabled
true
```

The key is back and enabled, so why is the registry still locked out five hours after the recovery? And what did the recovery not bring back?""",
canonical=[T + "key-vault-or-key-was-deleted", R + "revocation-and-recovery.md#re-create-rbac-role-assignments-after-recovering-a-vault"],
related=[R + "revocation-and-recovery.md#recover-a-deleted-key-vault"],
facts=["access policies are part of the vault and come back with it"],
answer_facts=["its azure role assignments are removed", "does not bring them back"],
truth="Recovering an RBAC vault brings back the vault and keys but not its Azure role assignments, which were deleted with the vault; re-create the registry identity's Key Vault Crypto Service Encryption User assignment on kv-shipping-cmk (and any operator roles), and the registry resumes once it has propagated. Waiting longer will not help."),

dict(key="T3", style="agent", kind="troubleshoot", form="imperative", category="recovery", quals=[], flags=["output_rule"],
question="Return only the command, nothing else: someone deleted the access policy of identity id-orders (principal 7d1e2c40-5b6a-4f3e-9a18-2c4b6e8f0a13) on access-policy vault kv-orders-ne, and registry crorders now rejects every pull.",
canonical=[T + "registry-access-lost-after-key-permissions-were-revoked"],
related=[R + "revocation-and-recovery.md#restore-access-after-a-revocation", R + "key-vault-access.md#grant-access-with-a-key-vault-access-policy"],
facts=["it is reversible"],
answer_facts=["get unwrapkey wrapkey", "az keyvault set-policy"],
truth="az keyvault set-policy --name kv-orders-ne --object-id 7d1e2c40-5b6a-4f3e-9a18-2c4b6e8f0a13 --key-permissions get unwrapKey wrapKey"),

dict(key="T4", style="long", kind="howto", category="setup", quals=[], flags=["plan_review"],
question="""Fresh laptop, fresh CLI (2.70 or so), and I'm about to run this for our new encrypted registry. Names are ours, the order is what I copied from a 2022 wiki page:

```bash
az group create -n rg-atlas -l westeurope
az identity create -g rg-atlas -n id-atlas-acr
az keyvault create -g rg-atlas -n kv-atlas-weu --enable-purge-protection
az keyvault set-policy -n kv-atlas-weu --object-id $ATLAS_PID --key-permissions get wrapKey unwrapKey
az keyvault key create --vault-name kv-atlas-weu -n atlas-kek --kty RSA
az acr create -g rg-atlas -n cratlasweu --sku Premium --identity $ATLAS_UAI --key-encryption-key $ATLAS_KID
```

Before I press enter: will line four go through on this CLI, and if not, what should that step be instead?""",
canonical=[T + "set-policy-fails-on-an-rbac-key-vault"],
related=[R + "key-vault-access.md#azure-cli-262-and-later-create-rbac-vaults-by-default", R + "setup-cli.md#option-a-azure-rbac-role-on-an-rbac-vault"],
facts=["unless told otherwise"],
answer_facts=["grant access with a role assignment instead", "key vault crypto service encryption user"],
truth="Line four will fail: on CLI 2.62.0 and later az keyvault create makes an RBAC vault, so set-policy is refused; either replace line four with az role assignment create of Key Vault Crypto Service Encryption User for the identity's principal ID at the vault scope (and give yourself Key Vault Crypto Officer before line five), or create the vault with --enable-rbac-authorization false to keep the policy line."),

dict(key="T5", style="short", kind="troubleshoot", category="identity", quals=[], flags=[],
question="acr create --identity '[system]' for cmk fails, identity not found. whats wrong",
canonical=[T + "system-assigned-identity-rejected-at-registry-creation"],
related=[R + "identities.md#a-user-assigned-identity-is-required-when-the-registry-is-created"],
facts=["can be used only later, through `rotate-key`"],
answer_facts=["must be a user-assigned identity", "does not exist"],
truth="At creation the registry's system-assigned identity does not exist yet, so [system] is read as a user-assigned identity's name and the lookup fails; build the registry with a user-assigned identity instead, then enable the system-assigned one, grant it key access and switch with az acr encryption rotate-key --identity '[system]'."),

dict(key="T6", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="""We are moving the key of our new registry into a Managed HSM (hsm-ledger-01, activated last month, RSA-HSM key ledger-kek with wrapKey/unwrapKey). I gave the user-assigned identity the role we always use for vaults (the Crypto Service Encryption User one, by its GUID), on the HSM resource itself:

```
$ az role assignment create \
    --scope $(az keyvault show --hsm-name hsm-ledger-01 --query id -o tsv) --role e147488a-f6f5-4113-8e2d-b22465e65bf6 \
    --assignee-object-id 0b8e5c21-77aa-4d3f-b2e9-51f0c6a4d9e2 --assignee-principal-type ServicePrincipal
$ az acr create -g rg-ledger -n crledger --sku Premium --identity $LEDGER_UAI \
    --key-encryption-key https://hsm-ledger-01.managedhsm.azure.net/keys/ledger-kek
(BadRequest) Key operation not permitted for the identity configured on the registry.
```

In the portal, Access control lists that grant, so the identity clearly has something. Why does the Managed HSM still refuse, and which role and command does the identity really need?""",
canonical=[T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
related=[R + "key-vault-access.md#grant-access-to-a-key-in-a-managed-hsm", R + "managed-hsm.md#local-rbac-roles-for-acr-encryption"],
facts=["no access policies"],
answer_facts=["covers the hsm's management only", "managed hsm crypto service encryption user"],
truth="An Azure RBAC assignment on the HSM resource only governs its management and never grants key use; a Managed HSM authorizes keys through its local RBAC, so create Managed HSM Crypto Service Encryption User for the identity's principal ID with az keyvault role assignment create --hsm-name hsm-ledger-01 --assignee-principal-type MSI --scope /keys/ledger-kek, wait a few minutes, then rerun az acr create."),

dict(key="T7", style="agent", kind="troubleshoot", form="context", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="Context: az acr create was given --key-encryption-key https://hsm-geo-02.managedhsm.azure.net/secrets/geo-kek and the service refused it. Task: explain what is wrong with that Managed HSM URI and how to obtain a correct one.",
canonical=[T + "managed-hsm-uri-is-not-a-key-uri"],
related=[R + "managed-hsm.md#managed-hsm-key-uris", R + "overview.md#the-key-encryption-key-kek-and-its-identifier"],
facts=["copies whatever you pass without checking host or path"],
answer_facts=["only the https uri of a key", "are not accepted"],
truth="The URI points at a secret; a Managed HSM key URI must be https://<hsm>.managedhsm.azure.net/keys/<key-name> (optionally /<version>), and secret or certificate paths are not accepted. Read the kid with az keyvault key show --hsm-name hsm-geo-02 --name geo-kek --query key.kid and pass it, or its versionless form, to --key-encryption-key."),

dict(key="T8", typo="encrpyted", style="short", kind="why", category="limits", quals=[], flags=[],
question="why does oras attach on our encrpyted cmk acr leave sha256-... tags everywhere?",
canonical=[T + "oras-and-notation-store-referrers-as-tags"],
related=[R + "limitations.md#oci-referrers-api-is-not-supported", R + "limitations.md#notation-signatures-on-cmk-registries"],
facts=["nothing needs repairing"],
answer_facts=["do not support the oci referrers api", "referrers tag schema"],
truth="CMK registries do not offer the OCI Referrers API, so ORAS and Notation fall back to the referrers tag schema and keep each image's attached artifacts under a digest-named tag; this is expected, and deleting those tags hides the signatures and SBOMs."),

dict(key="S1", style="agent", kind="no", form="context", category="setup", quals=[], flags=["output_rule"],
question="Context: platform team setting up CMK for registry crfleet on an RBAC vault. Question from their lead: should the registry identity additionally hold Key Vault Crypto User besides its usual role? Reply yes or no, then one reason.",
canonical=[R + "setup-cli.md#option-a-azure-rbac-role-on-an-rbac-vault"],
related=[R + "key-vault-access.md#why-key-vault-crypto-user-is-not-needed", R + "key-vault-access.md#grant-access-with-an-azure-rbac-role"],
facts=["do not assign \"key vault crypto user\" to the registry identity"],
answer_facts=["it is not required"],
truth="No: Key Vault Crypto Service Encryption User is all the registry identity needs, and Key Vault Crypto User is not required and grants more than the registry uses."),

dict(key="S2", style="short", kind="value", category="keys", quals=[], flags=[],
question="is the kid that az keyvault key show prints versioned or not",
canonical=[R + "setup-cli.md#step-5-create-an-rsa-key-and-capture-its-key-id"],
related=[R + "setup-cli.md#step-6-choose-a-versioned-or-versionless-key-id", R + "key-rotation.md#versioned-and-versionless-key-ids"],
facts=["32-character version"],
answer_facts=["the versioned key id"],
truth="Versioned: the kid ends in /keys/<key>/<32-character version>; strip the last segment if you want the versionless ID for automatic rotation."),

dict(key="S3", style="agent", kind="value", form="keywords", category="setup", quals=[], flags=["output_rule"],
question="acr encryption show field that holds the exact key version the registry is on right now, answer in one line",
canonical=[R + "setup-cli.md#step-8-verify-the-encryption-status"],
related=[R + "key-rotation.md#check-which-key-version-the-registry-uses", R + "infrastructure-as-code.md#arm-template-json-propertiesencryption-and-keyvaultproperties"],
facts=["read-only"],
answer_facts=["versionedkeyidentifier", "the exact key version in use"],
truth="keyVaultProperties.versionedKeyIdentifier, a read-only field that shows the exact key version in use."),

dict(key="S4", style="long", kind="troubleshoot", category="iac", quals=["iac"], flags=["iac_error"],
question="""Our ARM template for the new registry deploys the identity fine and then stops at the registry. I filled keyVaultProperties.identity with the principal ID because that is what the role assignment uses too. Deployment output:

```
Status: Failed
Resource: Microsoft.ContainerRegistry/registries 'crmedia-prod'
Error: InvalidEncryptionIdentity
Message: The identity supplied in encryption settings could not be matched to an identity assigned to the registry.
```

The identity is listed under identity.userAssignedIdentities with its resource ID, and the role assignment resource exists and the registry depends on it. Which value is the template supposed to carry in keyVaultProperties.identity?""",
canonical=[R + "setup-cli.md#set-up-cmk-with-an-arm-template"],
related=[R + "infrastructure-as-code.md#arm-template-json-propertiesencryption-and-keyvaultproperties", R + "identities.md#which-identity-value-goes-where"],
facts=["keyidentifier"],
answer_facts=["is the identity's client id", "principal id or resource id here"],
truth="keyVaultProperties.identity takes the identity's client ID, not its principal ID or resource ID; fetch it with reference(<identity resource ID>, '2023-01-31').clientId, while userAssignedIdentities keeps the resource ID and the role assignment keeps the principal ID."),

dict(key="S5", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["plan_review"],
question="""We were told the docs now allow a Managed HSM as the key store, so I drafted the run book for registry crvault-eu:

1. create the Managed HSM hsm-crv-eu with three administrators
2. add a user-assigned identity, id-crv-acr
3. grant the identity the HSM's encryption-user role on /keys/crv-kek
4. create the RSA-HSM key crv-kek
5. az acr create with the identity and the versionless key URI

The HSM command returned a provisioned resource, so we would go straight on with step 2. Is this Managed HSM plan in the right order, and is any step missing from it?""",
canonical=[R + "setup-cli.md#using-a-managed-hsm-key-instead-of-a-key-vault"],
related=[R + "managed-hsm.md#provision-and-activate-the-managed-hsm", R + "managed-hsm.md#set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli"],
facts=["acr never makes this assignment for you"],
answer_facts=["steps 4 and 5 swap places", "downloading its security domain"],
truth="Two fixes: after creating the HSM, activate it by downloading its security domain (until then no keys or role assignments can be made), and create the key before the role assignment, since the role is scoped to /keys/crv-kek; the key needs --ops wrapKey unwrapKey, its creator a role such as Managed HSM Crypto User, and the HSM firewall must let trusted services through before az acr create."),

dict(key="C1", style="short", kind="undocumented", category="setup", quals=["hsm", "oct2026"], flags=[],
question="which az cli version first took managedhsm key uris for acr create",
canonical=[R + "setup-cli.md#azure-cli-version-notes-for-cmk-commands"],
related=[R + "managed-hsm.md#managed-hsm-key-uris"],
facts=["passed through unchanged"],
answer_facts=["no host check in any version examined"],
truth="Not documented: no CLI version is tied to Managed HSM key URIs; the CLI has had no host check in any version examined and passes the URI through unchanged, only the --key-encryption-key help text changed after 2.63."),
]

R = "acr-cmk/references/"
M = R + "managed-hsm.md#"
I = R + "infrastructure-as-code.md#"
K = R + "key-rotation.md#"
V = R + "revocation-and-recovery.md#"

Q2 = [
dict(key="M1", style="short", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="hsm vs kv: what gives the acr identity access to an hsm key?",
canonical=[M + "key-vault-and-managed-hsm-compared"],
related=[R + "key-vault-access.md#grant-access-to-a-key-in-a-managed-hsm"],
facts=["no access policies exist"],
answer_facts=["az keyvault role assignment create --hsm-name", "best scoped to the key"],
truth="On a Managed HSM there are no access policies: give the identity the local role Managed HSM Crypto Service Encryption User with az keyvault role assignment create --hsm-name, best scoped to /keys/<key-name>, instead of set-policy or az role assignment create."),

dict(key="M2", style="agent", kind="troubleshoot", form="context", category="network", quals=["hsm", "oct2026", "iac"], flags=[],
question="Context: in the portal, the Encryption tab of a new registry lists our Managed HSM under Select from Key Vault but shows no keys since the HSM firewall went on. Task: say why the picker comes up empty and two ways around it.",
canonical=[M + "key-picker-blocked-by-the-hsm-firewall"],
related=[R + "networking.md#the-portal-key-picker-and-a-key-store-firewall", R + "troubleshooting.md#portal-key-picker-cannot-list-keys-behind-the-managed-hsm-firewall"],
facts=["a data-plane call made from your browser"],
answer_facts=["your client ip to the hsm firewall", "enter key uri"],
truth="Listing keys is a data-plane call from your browser, and the trusted-services exception only lets ACR itself through the Managed HSM firewall; either allow your client IP on the HSM firewall or skip the picker and paste the key ID with Enter key URI."),

dict(key="M3", style="long", kind="value", category="rotation", quals=["hsm", "oct2026"], flags=[],
question="""Compliance wants the registry key rotated every two weeks and wants each rotation to leave a trail. The registry crnotary already uses a versionless URI into our Managed HSM hsm-notary-01. I wrote a draft policy and wanted to push it:

```
az keyvault key rotation-policy update --hsm-name hsm-notary-01 -n notary-kek \\
  --value '{"lifetimeActions":[{"trigger":{"timeAfterCreate":"P14D"},"action":{"type":"Rotate"}}]}'
```

A colleague who did this on a normal vault says the floor there was one week, so two weeks should pass. Keeping every version for the audit trail matters as well, since we never delete versions. What is the shortest interval an automatic rotation policy may use on a Managed HSM, and how many versions can one key hold there?""",
canonical=[M + "rotate-a-managed-hsm-key"],
related=[K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["within one hour"],
answer_facts=["every 28 days", "at most 100 versions"],
truth="On a Managed HSM an automatic rotation policy cannot rotate more often than every 28 days, so P14D will not do (the 7-day floor is the Key Vault vault rule), and one key can have at most 100 versions; a rotation policy must also exist before on-demand rotation works. The registry follows each new version within an hour through its versionless URI."),

dict(key="M4", style="long", kind="howto", category="recovery", quals=["hsm", "oct2026"], flags=["plan_review"],
question="""Quarterly revocation drill for crdrill-sea, whose key sits in the Managed HSM hsm-drill-sea. Last quarter the drill did nothing (pulls kept working) and nobody found out why. This time the plan is:

```bash
az keyvault role assignment list --scope /keys/drill-kek --assignee-object-id $DRILL_PID --hsm-name hsm-drill-sea -o table
az keyvault role assignment delete --scope /keys/drill-kek --assignee-object-id $DRILL_PID --role "Managed HSM Crypto Service Encryption User" --hsm-name hsm-drill-sea
sleep 900
az acr encryption show -n crdrill-sea --query status
docker pull crdrill-sea.azurecr.io/probe:1   # expected to fail
```

Background: when the HSM was set up, the identity was first given its role at / by the person who activated it, and later someone added the key-scoped one. The platform team also handed the same identity Managed HSM Crypto User for a tooling experiment. Does this Managed HSM plan actually revoke, and what is it missing?""",
canonical=[M + "revoke-access-to-a-managed-hsm-key"],
related=[R + "revocation-and-recovery.md#revoke-access-to-a-key-in-a-managed-hsm", R + "troubleshooting.md#managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
facts=["blocks **all** registry data"],
answer_facts=["at the scope where it was made", "keeps access working too"],
truth="It does not revoke: a delete at /keys/drill-kek leaves the assignment at / in place, and Managed HSM Crypto User also wraps and unwraps, so both keep access working. List the identity's assignments first, then delete the role at / as well (with --scope /) and remove the Crypto User assignment before waiting and testing the pull."),

dict(key="M5", style="short", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="what to check first before picking managed hsm for a govcloud acr",
canonical=[M + "limits-and-open-points-with-managed-hsm"],
related=[R + "limitations.md#managed-hsm-is-not-available-everywhere", M + "requirements-for-a-managed-hsm-key-store"],
facts=["premium only, creation time only"],
answer_facts=["confirm it for the registry's location first"],
truth="Confirm that Managed HSM exists in that cloud and the registry's region, since it is not offered everywhere; every other CMK limit (Premium, creation time only, no disabling, 24-hour task logs) applies unchanged."),

dict(key="I1", style="long", kind="troubleshoot", category="iac", quals=["iac"], flags=["iac_error"],
question="""terraform plan is unhappy with our encryption block and I don't see it. Relevant bit:

```hcl
encryption {
  # was client_id before the module refactor
  identity_client_id = azurerm_user_assigned_identity.uai_reg.id
  key_vault_key_id   = local.reg_kek_uri
}
```

and the plan output:

```
Error: invalid value for encryption.0.identity_client_id (UUID required): "/subscriptions/5e1f0c2a-.../resourceGroups/rg-tf-reg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uai-reg"

  with azurerm_container_registry.reg,
  on registry.tf line 41
```

The same identity is in identity_ids and the plan was fine before I added encryption. What should identity_client_id point at?""",
canonical=[I + "terraform-azurerm_container_registry-encryption-block"],
related=[I + "complete-terraform-example-with-key-vault-role-assignment-and-registry", R + "identities.md#which-identity-value-goes-where"],
facts=["the provider sets `status = enabled` itself"],
answer_facts=["must be a uuid", "the user-assigned identity's client_id"],
truth="identity_client_id must be a UUID, the identity's client ID: use azurerm_user_assigned_identity.uai_reg.client_id instead of .id, and keep the resource id in identity_ids, where the same identity has to be listed."),

dict(key="I2", style="long", kind="troubleshoot", category="iac", quals=["iac"], flags=["iac_error"],
question="""The first terraform apply of our new stack always breaks at the registry, while a second apply (five minutes later, nothing changed) goes through. Pipelines hate this. The error from run 1:

```
│ Error: registry "crpaytf" could not be created: Status=400 Code="BadRequest" Message="Failed to access KeyId ..."
│   with azurerm_container_registry.pay,
│   on main.tf line 88
```

Our module creates the identity, its grant on the vault, and the registry, all in one apply; the registry block points at the identity and at the key, while nothing in it refers to the grant. How do we get a clean first apply?""",
canonical=[I + "why-the-registry-needs-depends_on-on-the-role-assignment"],
related=[I + "complete-terraform-example-with-key-vault-role-assignment-and-registry", I + "common-terraform-and-bicep-errors-with-acr-encryption"],
facts=["a guess, not a documented value"],
answer_facts=["may create both in parallel", "time_sleep"],
truth="Terraform may create the role assignment and the registry in parallel, so add depends_on = [azurerm_role_assignment.<grant>] to the registry; because a new assignment can take a few minutes to apply, also put a time_sleep between grant and registry (its duration is a guess, not a documented value) or accept a re-run."),

dict(key="I3", style="long", kind="howto", category="iac", quals=["iac"], flags=["iac_error"],
question="""Our registry crdocs-we has been in Bicep for two years (Premium, no CMK). Security now wants CMK, so I added the encryption block with keyVaultProperties and the user-assigned identity and redeployed. Result:

```
Deployment 'docs-cmk-0412' failed.
  Microsoft.ContainerRegistry/registries/crdocs-we - Conflict
  Error: encryption settings of an existing registry cannot be changed.
```

Terraform people on the team say they would just force a replace. We have about 4,000 images and several clusters pulling. How do we end up with a CMK registry without losing what is in there?""",
canonical=[I + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep"],
related=[R + "overview.md#moving-an-existing-registry-to-cmk", R + "overview.md#cmk-can-only-be-enabled-when-the-registry-is-created"],
facts=["only when the registry is created"],
answer_facts=["az acr import", "every image in it"],
truth="CMK can only be set when a registry is created, so the redeploy will keep failing, and a forced replace deletes the old registry with every image in it. Declare a second, CMK-enabled Premium registry under a new name in Bicep, copy the images with az acr import, switch the clusters over, and only then remove crdocs-we."),

dict(key="I4", style="agent", kind="howto", form="imperative", category="iac", quals=["iac"], flags=[],
question="Write the Bicep encryption part for registry crbuild that follows new key versions automatically, using an existing key resource cmkKey in an RBAC vault, and name the property on the key that supplies the URI.",
canonical=[I + "bicep-registry-with-a-customer-managed-key"],
related=[I + "arm-template-json-propertiesencryption-and-keyvaultproperties", I + "avm-bicep-module-customermanagedkey-parameter"],
facts=["what makes the grant exist first"],
answer_facts=["keyuri is the versionless key uri", "dependson: [ keyaccess ]"],
truth="Set encryption: { status: 'enabled', keyVaultProperties: { identity: <identity>.properties.clientId, keyIdentifier: cmkKey.properties.keyUri } }; keyUri is the versionless URI (keyUriWithVersion would pin a version), and the registry needs dependsOn on the role assignment so the grant exists first."),

dict(key="I5", style="long", kind="troubleshoot", category="iac", quals=["iac"], flags=["iac_error"],
question="""I exported our working registry crstats to an ARM template, stripped it a bit, and now deploy it as crstats-dr in another region. The encryption part came over like this (values shortened):

```json
"keyVaultProperties": {
  "identity": "[variables('uaiClient')]",
  "keyIdentifier": "[parameters('kekUri')]",
  "versionedKeyIdentifier": "[parameters('kekUriPinned')]",
  "keyRotationEnabled": true
}
```

Deployment fails with:

```
Code: InvalidRequestContent
Target: Microsoft.ContainerRegistry/registries/crstats-dr
Message: Property 'versionedKeyIdentifier' cannot be set on create.
```

The exported template clearly had these fields, so I assumed they belong there. Which of them should stay in the ARM template?""",
canonical=[I + "arm-template-json-propertiesencryption-and-keyvaultproperties"],
related=[R + "setup-cli.md#set-up-cmk-with-an-arm-template", R + "setup-cli.md#step-8-verify-the-encryption-status"],
facts=["values `{}`"],
answer_facts=["do not copy the read-only properties", "keyidentifier"],
truth="Keep only identity (the client ID) and keyIdentifier (versioned or versionless) next to status; versionedKeyIdentifier, keyRotationEnabled and lastKeyRotationTimestamp are read-only outputs, so drop them from the template, and make the registry depend on the access grant."),

dict(key="R1", style="long", kind="value", category="rotation", quals=[], flags=["newcomer"],
question="""I am new to Azure and still learning my way around, so forgive the basic wording. Our team keeps its container pictures in a registry, and the registry is locked with a key that lives in a vault we own. Yesterday afternoon I made a fresh version of that key in the vault, because the checklist I was handed says to do that every few months. This morning a colleague said the registry might still be using the previous version and that it could take a while to notice the new one. We never typed a version number anywhere when the registry was set up, we only gave it the name of the key. How long does it normally take before the registry starts using the new version on its own?""",
canonical=[K + "automatic-rotation-with-a-versionless-key-id"],
related=[K + "versioned-and-versionless-key-ids", K + "check-which-key-version-the-registry-uses"],
facts=["versionedkeyidentifier"],
answer_facts=["within one hour"],
truth="Because no version was pinned, the registry follows new key versions by itself and starts using a new one within one hour of it appearing, so by this morning it should already be on it; the registry's encryption details (versionedKeyIdentifier) show which version is in use."),

dict(key="R2", style="agent", kind="howto", form="context", category="rotation", quals=[], flags=["timeline"],
question="Context: this morning at 09:00 the user ran az keyvault key rotate on crinv-kek; registry crinv was created with the versioned key ID. At 13:30 versionedKeyIdentifier still shows the old version. Task: say what makes crinv switch, and whether waiting longer helps.",
canonical=[K + "rotate-immediately-with-az-keyvault-key-rotate"],
related=[K + "manual-rotation-with-az-acr-encryption-rotate-key", K + "switch-from-manual-to-automatic-rotation"],
facts=["only the values you pass are changed"],
answer_facts=["keeps the old one until you run", "az acr encryption rotate-key"],
truth="Waiting longer will not help: a registry pinned to a version stays on it until someone runs az acr encryption rotate-key with the new versioned ID, or with the versionless ID so that it follows future versions within an hour."),

dict(key="R3", style="short", kind="yes", category="rotation", quals=[], flags=[],
question="rotate-key without --identity, does acr keep the identity it already has?",
canonical=[K + "manual-rotation-with-az-acr-encryption-rotate-key"],
related=[R + "identities.md#how-rotate-key-interprets-the---identity-value"],
facts=["partial update"],
answer_facts=["keeps the current identity"],
truth="Yes: --identity is optional and the CLI only sends what you pass, so leaving it out keeps the current identity; that identity still needs access to the target key before you run the command."),

dict(key="R4", typo="rotatoin", style="short", kind="howto", category="rotation", quals=[], flags=["output_rule"],
question="pinned acr key version to auto rotatoin, just the command",
canonical=[K + "switch-from-manual-to-automatic-rotation"],
related=[K + "versioned-and-versionless-key-ids", K + "manual-rotation-with-az-acr-encryption-rotate-key"],
facts=["pins the registry to that version"],
answer_facts=["az acr encryption rotate-key", "--key-encryption-key"],
truth="az acr encryption rotate-key --name <registry> --resource-group <group> --key-encryption-key https://<vault>.vault.azure.net/keys/<key> --identity <identity>"),

dict(key="R5", style="long", kind="yes", category="rotation", quals=["hsm", "oct2026", "iac"], flags=["two_facts"],
question="""Our registry crmaps-ne runs on a key in a vault today. Crypto governance wants it moved onto the Managed HSM hsm-maps-ne that they run, and the ops people would rather click through the portal than script it. I opened Settings > Encryption > Change key on the registry and saw Select from Key Vault and Enter key URI, but the screen says nothing about HSMs, and I have not saved anything. We keep the same user-assigned identity. Can the portal's Change key point the registry at a key in that Managed HSM? And will saving it there also set up the access the identity needs on the HSM key?""",
canonical=[K + "rotate-the-key-in-the-azure-portal", M + "rotate-a-managed-hsm-key"],
related=[R + "key-vault-access.md#grant-access-to-a-key-in-a-managed-hsm"],
facts=["managed hsm crypto service encryption user"],
answer_facts=["offers key vaults and managed hsms", "needs a new role assignment"],
truth="Yes: Select from Key Vault offers Managed HSMs too, and Enter key URI accepts a Managed HSM key ID; but the portal does not create the local role assignment, so before saving give the identity Managed HSM Crypto Service Encryption User on the new key (a new key name needs a new assignment) with az keyvault role assignment create --hsm-name."),

dict(key="V1", typo="recvoer", style="short", kind="no", category="recovery", quals=["oct2026"], flags=[],
question="delete just one old cmk key version and recvoer it later, possible?",
canonical=[V + "revoke-by-deleting-the-key"],
related=[R + "revocation-and-recovery.md#recover-a-deleted-key"],
facts=["cuts the registry off from every key version at once"],
answer_facts=["with all its versions"],
truth="No: az keyvault key delete removes the whole key with all its versions, cutting the registry off at once, and recovery brings back the whole key; the October 2026 revision of the tutorial dropped the old wording about deleting individual versions."),

dict(key="V2", style="long", kind="howto", category="recovery", quals=["hsm", "oct2026"], flags=["timeline"],
question="""Incident notes, registry crgenome-fc, whose key sits in our Managed HSM hsm-genome-fc. Monday 08:10 a decommission script deleted the HSM by mistake (it matched on a tag). Monday to Wednesday nobody noticed because the team was at an offsite. Thursday 07:45 CI reported every pull failing and we traced it back this afternoon.

```
$ az keyvault list-deleted --query "[].{n:name, where:properties.location, purgeOn:properties.scheduledPurgeDate}" --resource-type hsm
n              where          purgeOn
hsm-genome-fc  francecentral  2026-11-30T08:10:44Z
```

Finance is already asking whether the days it sat deleted cost anything. What do I need, permission-wise and in the command, to get the Managed HSM back? And were we paying for it since Monday?""",
canonical=[V + "recover-a-deleted-managed-hsm"],
related=[R + "troubleshooting.md#key-vault-or-key-was-deleted", M + "recover-a-deleted-managed-hsm-key-or-hsm"],
facts=["the hsm name stays reserved while it is soft-deleted"],
answer_facts=["keeps being billed", "managed hsm contributor"],
truth="Recover it now with az keyvault recover --hsm-name hsm-genome-fc --location francecentral, run by someone holding the Azure role Managed HSM Contributor; and yes, billing kept running since Monday: a Managed HSM in the soft-deleted state keeps being billed while it waits. The registry resumes once the HSM and its key are back."),

dict(key="V3", style="long", kind="why", category="recovery", quals=[], flags=["newcomer"],
question="""I started helping a small company with their cloud account last month and I am not really a technical person, so please be patient with me. Their registry of app images is locked with their own key, and that key sits in a vault. The person who set it up left a note saying a certain switch on the vault must always stay on, the one that stops anybody from wiping out a deleted key for good before the waiting period is over. The note also says that once it is on it can never be switched off again, which sounds scary to me. I don't understand why a deleted key would matter so much if the images are stored somewhere else. Why is that switch so important for the registry?""",
canonical=[V + "how-purge-protection-protects-the-registry"],
related=[R + "overview.md#soft-delete-and-purge-protection-on-the-key-vault", V + "recover-a-deleted-key"],
facts=["cannot be turned off again"],
answer_facts=["cannot be erased early by anyone", "it stays recoverable"],
truth="The registry can only read its images through that key, so losing the key for good means losing the images; with the switch (purge protection) on, a deleted key or vault cannot be erased early by anyone and stays recoverable for the whole waiting period, which is why the docs recommend it. It does not stop a deletion itself, and it cannot be turned off again."),
]

R = "acr-cmk/references/"
L = R + "limitations.md#"
O = R + "overview.md#"
A = R + "key-vault-access.md#"
N = R + "networking.md#"
D = R + "identities.md#"

Q3 = [
dict(key="L1", style="short", kind="value", category="limits", quals=[], flags=["output_rule"],
question="when does dct go away in acr and what replaces it? one sentence please",
canonical=[L + "docker-content-trust-is-being-retired-use-notation"],
related=[L + "docker-content-trust-is-not-supported", L + "notation-signatures-on-cmk-registries"],
facts=["notation works on cmk registries"],
answer_facts=["2028-03-31", "notation"],
truth="Docker Content Trust is removed from ACR on 2028-03-31 (deprecated since 2025-03-31), and the Notary Project's Notation CLI replaces it, which also works on CMK registries."),

dict(key="L2", style="long", kind="undocumented", category="limits", quals=["hsm", "oct2026"], flags=[],
question="""We run crsupply with replicas in westeurope, eastus and southeastasia, and since the October docs allow it we want the key in a Managed HSM that lives in West Europe only. Our DR checklist has a line per dependency, and for the old vault-based setup we just linked the Key Vault disaster-recovery page that the geo-replication article points to. For the HSM row I would like to link whatever the registry docs say about an HSM outage or a regional failover of the HSM while the replicas keep serving. Where do the ACR docs cover a Managed HSM key for a geo-replicated registry?""",
canonical=[L + "geo-replication-with-a-managed-hsm-key"],
related=[L + "geo-replication-works-with-cmk", R + "managed-hsm.md#limits-and-open-points-with-managed-hsm"],
facts=["plan hsm recovery (security domain, backups) separately"],
answer_facts=["the acr docs say nothing more specific", "security domain, backups, region availability"],
truth="Not documented: the geo-replication article was not updated for Managed HSM and still points CMK users only to the Key Vault disaster-recovery guidance; plan the HSM's own recovery (security domain, backups, region availability) separately, since the ACR docs say nothing more specific."),

dict(key="L3", style="agent", kind="why", form="keywords", category="troubleshooting", quals=[], flags=[],
question="az acr check-health shows CMK_ERROR on crfiles after an identity clean-up, meaning of the code and why it appears",
canonical=[L + "az-acr-check-health-and-cmk_error"],
related=[R + "troubleshooting.md#check-health-reports-cmk_error", R + "identities.md#the-encryption-identity-cannot-simply-be-removed"],
facts=["not a status the registry reports on its own"],
answer_facts=["for example because that identity was deleted", "a different managed identity"],
truth="CMK_ERROR says the registry can no longer get at the managed identity it uses for encryption, typically because that identity was deleted in the clean-up; it is a health-check code, and the fix is to rotate the key to a different managed identity that has access to the key."),

dict(key="L4", style="short", kind="no", category="limits", quals=[], flags=["newcomer"],
question="new here: can a registry locked with our own key be unlocked later?",
canonical=[L + "feature-compatibility-summary"],
related=[O + "cmk-cannot-be-disabled-after-it-is-enabled"],
facts=["only at creation"],
answer_facts=["permanent for the life of the registry"],
truth="No: once a registry uses your own key it stays that way for the life of the registry; the only way out is a new registry without it and copying the images over."),

dict(key="O1", style="long", kind="no", category="keys", quals=[], flags=["newcomer"],
question="""Hello, first time posting and first month using Azure at all. My manager read somewhere that the pictures we keep in our company registry are sitting there in plain form, readable by anyone at the data centre, unless we go and set up our own key in a vault. He wants me to do that this week and I honestly don't know where to begin, and I am worried I will break something. Before I spend days on it I want to understand the starting point. Is it true that the registry keeps our images unprotected when we do not bring our own key?""",
canonical=[O + "default-encryption-at-rest-without-a-cmk"],
related=[O + "why-teams-use-a-customer-managed-key", O + "what-customer-managed-key-encryption-adds-to-a-registry"],
facts=["microsoft-managed keys"],
answer_facts=["still encrypted at rest", "microsoft-managed keys"],
truth="No: a registry without your own key is still encrypted at rest, with Microsoft-managed keys; your own key is only worth the effort when you need control over the key itself (for example a compliance rule), not to get encryption in the first place."),

dict(key="O2", style="agent", kind="yes", form="imperative", category="keys", quals=["hsm", "oct2026"], flags=[],
question="Confirm whether az acr create accepts a versionless Managed HSM key URI such as https://hsm-oct-01.managedhsm.azure.net/keys/oct-kek in --key-encryption-key, and what rotation behaviour that form gives.",
canonical=[O + "the-key-encryption-key-kek-and-its-identifier"],
related=[R + "managed-hsm.md#managed-hsm-key-uris", R + "setup-cli.md#azure-cli-version-notes-for-cmk-commands"],
facts=["must be https and must name a key"],
answer_facts=["https://<hsm>.managedhsm.azure.net/keys/<key>", "versionless"],
truth="Yes: the key encryption key can be a Managed HSM key URI, and the versionless form https://<hsm>.managedhsm.azure.net/keys/<key> gives automatic rotation while a /<version> suffix pins it for manual rotation; the URI must be HTTPS and name a key."),

dict(key="O4", style="long", kind="yes", category="keys", quals=[], flags=[],
question="""Our key standard says every key gets the smallest set of permitted operations, so for the registry key I'm planning this:

```
az keyvault key create --vault-name kv-lab-cmk -n lab-kek --kty RSA --size 4096 --ops wrapKey unwrapKey
```

Someone in review asked two things. Is 4096 fine given that the ACR articles never state a size, and will trimming the operations to those two stop the registry from using the key? The reviewer also wondered if we could use an EC key instead to save CPU, but that is a separate ticket.""",
canonical=[O + "which-key-types-and-sizes-are-supported"],
related=[O + "key-sizes-offered-by-key-vault", R + "setup-cli.md#step-5-create-an-rsa-key-and-capture-its-key-id"],
facts=["rsa-hsm"],
answer_facts=["2048, 3072 and 4096 bits", "keep wrapkey and unwrapkey"],
truth="Yes: both are fine; the ACR articles name no size, Key Vault's RSA sizes are 2048, 3072 and 4096, and restricting --ops works as long as wrapKey and unwrapKey stay in the list. EC keys are not supported for registry encryption at all."),

dict(key="K1", style="long", kind="value", category="troubleshooting", quals=[], flags=["timeline"],
question="""Our bootstrap script has created a vault and then granted the registry identity with set-policy since early 2024, and it ran fine for months. In May the build image got a newer Azure CLI. The first run after that, on 3 June, failed on the grant:

```
$ az keyvault set-policy -n kv-boot-0603 --object-id $BOOT_PID --key-permissions get wrapKey unwrapKey
ERROR: Cannot set policies to a vault with '--enable-rbac-authorization' specified
```

Vaults created before the upgrade still take set-policy without complaint, only the new ones refuse. Which CLI release changed how az keyvault create builds a vault, and what is the new default?""",
canonical=[A + "azure-cli-262-and-later-create-rbac-vaults-by-default"],
related=[R + "troubleshooting.md#set-policy-fails-on-an-rbac-key-vault", R + "setup-cli.md#azure-cli-version-notes-for-cmk-commands"],
facts=["--no-self-perms"],
answer_facts=["azure-cli 2.62.0", "access policies"],
truth="Azure CLI 2.62.0: from that release az keyvault create sets --enable-rbac-authorization to true unless told otherwise (up to 2.61.0 the default was access policies), so only vaults created after the upgrade are RBAC; pass --enable-rbac-authorization false in the script, or grant Key Vault Crypto Service Encryption User with a role assignment instead."),

dict(key="K2", style="long", kind="troubleshoot", category="troubleshooting", quals=[], flags=["two_facts"],
question="""I'm Owner on the subscription and on the vault kv-tide-01 (RBAC model), yet my attempt to make the registry key is refused:

```
$ az keyvault key create -n tide-kek --kty RSA --vault-name kv-tide-01
(Forbidden) The signed-in principal lacks keys/create on this vault.
Action: 'Microsoft.KeyVault/vaults/keys/create/action'
Code: ForbiddenByRbac
```

Owner should be able to do everything on that vault, or so I thought. The registry identity already has its encryption role there and that part looks fine. Which role do I need for myself to create the key, and should the registry identity get the same one while I'm at it?""",
canonical=[A + "your-own-permissions-to-create-keys-in-an-rbac-vault", R + "setup-cli.md#option-a-azure-rbac-role-on-an-rbac-vault"],
related=[R + "troubleshooting.md#operator-cannot-create-the-key-in-an-rbac-vault"],
facts=["key vault crypto officer"],
answer_facts=["management-plane roles", "grants more than the registry needs"],
truth="Owner and Contributor are management-plane roles and do not allow key creation in an RBAC vault; assign yourself a data-plane role such as Key Vault Crypto Officer at the vault scope. The registry identity should not get it: it keeps only Key Vault Crypto Service Encryption User, since broader roles grant more than it needs."),

dict(key="K3", style="agent", kind="undocumented", form="imperative", category="identity", quals=[], flags=[],
question="Summarize what the ACR CMK docs say about flipping vault kv-core-01, which already protects registry crcore, from access policies to the RBAC permission model, and what to do first.",
canonical=[A + "changing-an-existing-vaults-permission-model"],
related=[A + "which-permission-model-does-my-key-vault-use", R + "troubleshooting.md#role-assignment-has-no-effect-on-an-access-policy-vault"],
facts=["the models do not carry over"],
answer_facts=["do not discuss switching models", "first grant access under the new model"],
truth="Not documented: switching models is not discussed in the ACR docs. From Key Vault's side the models do not carry over, so first give crcore's identity Key Vault Crypto Service Encryption User on kv-core-01 and only then run az keyvault update --enable-rbac-authorization true, or the registry loses its key."),

dict(key="K4", style="agent", kind="howto", form="keywords", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="least privilege grant for registry identity id-sense on managed hsm hsm-sense-02 key sense-kek, az command with scope and principal type",
canonical=[A + "grant-access-to-a-key-in-a-managed-hsm"],
related=[R + "managed-hsm.md#local-rbac-roles-for-acr-encryption", R + "troubleshooting.md#managed-hsm-role-assignment-not-yet-in-effect"],
facts=["several minutes to take effect"],
answer_facts=["managed hsm crypto service encryption user", "--assignee-principal-type msi"],
truth="az keyvault role assignment create --hsm-name hsm-sense-02 --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id <id-sense principal ID> --assignee-principal-type MSI --scope /keys/sense-kek; the key scope is least privilege, ACR never creates this for you, and it can take several minutes to apply."),

dict(key="N1", style="long", kind="howto", category="network", quals=["iac"], flags=["plan_review"],
question="""Locking down kv-river-01, which holds the key of crriver. My plan for tonight (a Terraform change later, CLI now):

1. set the vault's default action to Deny with the AzureServices bypass
2. look up the outbound IPs of crriver and add them as IP rules on the vault
3. test a pull from crriver

Our build agents in subnet snet-agents also create new key versions every quarter, and the on-call laptop sometimes reads the key. Is step 2 needed at all, and what is missing from this plan?""",
canonical=[N + "allow-your-own-clients-through-the-vault-firewall"],
related=[N + "allow-trusted-services-and-deny-other-traffic", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
facts=["these rules are for your clients"],
answer_facts=["not via an ip rule", "az keyvault network-rule add"],
truth="Drop step 2: the registry gets through via the trusted-services bypass, not via an IP rule. What is missing is access for your own clients: before testing, add the agents' subnet (with the Microsoft.KeyVault service endpoint) and the on-call address range with az keyvault network-rule add, or key management from them stops."),

dict(key="N2", style="short", kind="troubleshoot", category="network", quals=[], flags=["newcomer"],
question="new here: website key list went blank after we locked the vault, help?",
canonical=[N + "the-portal-key-picker-and-a-key-store-firewall"],
related=[R + "managed-hsm.md#key-picker-blocked-by-the-hsm-firewall"],
facts=["from your browser"],
answer_facts=["allow your client ip", "enter key uri"],
truth="The key list is loaded from your own browser, and the vault's lock-down only lets the registry service through; allow your own network address on the vault, or type the key's address directly with Enter key URI."),

dict(key="N3", style="long", kind="undocumented", category="network", quals=[], flags=[],
question="""A forum thread from years ago claims that creating a CMK registry against a vault that sits behind a firewall fails the first time no matter what, and that the trick is to build the registry with a key in a throwaway open vault and then swap to the real key afterwards. We are about to do exactly this setup for crharbor-ops (selected networks, trusted services allowed, key created before the registry). My lead wants to know if this is a known, documented issue before we plan the detour into the design. Is that workaround part of the official guidance?""",
canonical=[N + "reports-of-first-time-creation-failing-against-a-firewalled-vault-not-official"],
related=[N + "create-the-key-before-the-registry-when-the-vault-is-locked-down", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
facts=["failed to access keyid"],
answer_facts=["may be out of date", "create the key before the registry"],
truth="Not documented: the temporary-vault detour only appears in older GitHub issues from before 2023, which may be out of date; the current docs ask only for the trusted-services exception and for making the key ahead of the registry, which you already do, so try the normal path first."),

dict(key="D1", style="long", kind="howto", category="identity", quals=[], flags=["plan_review"],
question="""We have to retire the identity id-old-mail that encrypts crmail (RBAC vault kv-mail-01) and move to id-new-mail. Planned change window:

1. az acr identity remove for id-old-mail
2. az acr identity assign for id-new-mail
3. az acr encryption rotate-key with the same key and --identity pointing at id-new-mail
4. delete id-old-mail

The new identity was created last week and has no roles anywhere yet. Is this order right, and what is missing?""",
canonical=[D + "switch-to-a-different-user-assigned-identity"],
related=[D + "the-encryption-identity-cannot-simply-be-removed", R + "key-rotation.md#rotate-with-a-different-identity-or-the-system-assigned-identity"],
facts=["does not have access to identity"],
answer_facts=["attach it, grant it access", "reports the new client id"],
truth="The order is wrong and a grant is missing: attach id-new-mail first, give it Key Vault Crypto Service Encryption User on kv-mail-01, then run rotate-key with it; only after az acr encryption show reports the new client ID detach and delete id-old-mail (removing the identity encryption uses first is refused)."),

dict(key="D2", style="agent", kind="howto", form="context", category="identity", quals=[], flags=["timeline"],
question="Context: in early March someone's attempt to remove the encryption identity from registry crpost failed and pulls carried on. Today, roughly three months later, pulls return 403 and call the identity inactive. Task: explain why it broke only now and give the fix.",
canonical=[D + "the-encryption-identity-cannot-simply-be-removed"],
related=[R + "troubleshooting.md#registry-identity-is-inactive-or-expired", R + "troubleshooting.md#removing-the-encryption-identity-fails"],
facts=["stops being renewed"],
answer_facts=["re-assigning the identity", "usually after about three months"],
truth="The failed removal left the identity inactive, so it stopped being renewed and expired after about three months; re-assign it with az acr identity assign --name crpost --identities <identity resource ID> and pulls recover."),
]

Q4 = [
dict(key="X1", style="long", kind="off-topic", category="off-topic", subject="storage account", near_miss=True,
question="""Our registry crarchive-we is encrypted with the key arch-kek from kv-archive-we, and that part has worked for a year. We now also keep SBOM exports in a storage account, stsbomarchive, and audit wants the same key to protect those blobs, with its own user-assigned identity. I found the Encryption blade of the storage account but it asks about encryption scopes and infrastructure encryption, which I have never seen on the registry side. How do I point the storage account at arch-kek, and does an encryption scope need its own key?""",
truth="Not covered: customer-managed keys for an Azure Storage account (encryption scopes, infrastructure encryption) are a Storage topic; the knowledge only covers the registry's own customer-managed key."),

dict(key="X2", style="long", kind="off-topic", category="off-topic", subject="prometheus", near_miss=True,
question="""Pull and push metrics of crflow-ne end up in a self-hosted Prometheus on a VM, and compliance now says that data at rest needs our own key too, ideally the very vault key that already protects the registry. Prometheus itself has no setting for encryption at rest as far as I can see, only TLS and basic auth in its web config. How do we get the Prometheus TSDB encrypted with that vault key, and may the VM reuse the registry's identity for it?""",
truth="Not covered: encrypting a Prometheus server's storage with a Key Vault key, and the VM's identity for it, are outside the knowledge, which covers only the container registry's customer-managed key."),

dict(key="X3", style="long", kind="off-topic", category="off-topic", subject="cert-manager", near_miss=True,
question="""Cluster pulls from crgate-01, a CMK registry whose key is in kv-gate-01. In front of the cluster we run an ingress, and cert-manager should now issue its TLS certificates from that same vault through a ClusterIssuer, so that security has one vault to watch. The registry identity already has a role on kv-gate-01. Which cert-manager issuer type talks to Key Vault, and can it reuse the identity the registry uses for its key?""",
truth="Not covered: cert-manager issuers and TLS certificates for an ingress are not part of the knowledge; it only covers the registry's customer-managed key and the identity used for it."),

dict(key="X4", style="long", kind="off-topic", category="off-topic", subject="restic", near_miss=True,
question="""For disaster recovery we export images from our CMK registry crvault-backup with a nightly job and store them with restic in a separate repository. Restic wants a repository password, and our idea is to derive it from the registry's key in kv-backup-01 so that revoking that key also locks the backups. How would I feed a Key Vault key into restic as its password, and is that a reasonable way to tie the two together?""",
truth="Not covered: restic repositories, their passwords and deriving them from a Key Vault key are outside the knowledge, which deals only with the registry's own encryption key."),

dict(key="X5", style="long", kind="off-topic", category="off-topic", subject="backstage", near_miss=True,
question="""Our developer portal runs on Backstage, and each service page should show a badge saying whether the registry behind the service uses a customer key and when that key last rotated. We have about thirty registries, some with CMK in different vaults. I'd like to write a Backstage backend plugin that reads this on a schedule. How do I register a backend plugin and a scheduled task in the new Backstage backend system?""",
truth="Not covered: writing Backstage backend plugins and scheduled tasks is not in the knowledge; for the data itself, the knowledge only describes reading a registry's encryption status with the Azure CLI."),

dict(key="X6", style="long", kind="off-topic", category="off-topic", subject="dm-crypt",
question="""Our self-hosted build VM pushes images into the CMK registry crforge-01, and the registry's key sits in kv-forge-01. The VM's data disk holds the layer cache, and the security team wants that disk encrypted with dm-crypt in LUKS2 mode, unlocked at boot with a key fetched from the same vault. Which cryptsetup options should I use for the data disk, and how do I unlock it at boot from a systemd unit?""",
truth="Not covered: encrypting a VM data disk with dm-crypt or cryptsetup and unlocking it at boot are operating-system topics the knowledge does not cover; it covers only the registry's customer-managed key."),

dict(key="X7", style="agent", kind="off-topic", category="off-topic", form="context", subject="veracrypt",
question="Context: an auditor needs copies of registry export files on a removable drive. Task: explain how to create a VeraCrypt container with a keyfile and mount it on Windows.",
truth="Not covered: VeraCrypt containers and keyfiles are outside the knowledge, which covers ACR customer-managed key encryption only."),

dict(key="X8", style="agent", kind="off-topic", category="off-topic", form="imperative", subject="totp",
question="Explain how to add TOTP sign-in codes from an authenticator app for the operators who administer our registries and vaults.",
truth="Not covered: TOTP and authenticator-app sign-in for operators is an identity-platform topic the knowledge does not cover."),

dict(key="X9", style="agent", kind="off-topic", category="off-topic", form="keywords", subject="iscsi",
question="iscsi target setup on linux for a lab build server that caches registry layers, chap secret and initiator name",
truth="Not covered: iSCSI targets, CHAP secrets and initiator names are storage-networking topics outside the knowledge."),

dict(key="X10", style="short", kind="off-topic", category="off-topic", subject="zfs",
question="zfs native encryption keylocation prompt vs file?",
truth="Not covered: ZFS native encryption and its keylocation setting are not part of the knowledge."),

dict(key="X11", style="short", kind="off-topic", category="off-topic", subject="doppler",
question="how do i sync doppler secrets into a vault",
truth="Not covered: syncing secrets from Doppler into a vault is not covered by the knowledge, which is about registry encryption keys."),

dict(key="X12", style="short", kind="off-topic", category="off-topic", subject="scim",
question="scim provisioning for the team that runs our registries?",
truth="Not covered: SCIM user provisioning is an identity-management topic outside the knowledge."),
]

# ---- end of questions ----

QUESTIONS = Q1 + Q2 + Q3 + Q4
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"recvoer": "recover", "encrpyted": "encrypted", "rotatoin": "rotation"}
SHAPES = ["two_facts", "plan_review", "iac_error", "newcomer", "timeline", "output_rule"]

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
    rng = random.Random(40)
    while True:
        rng.shuffle(items)
        cats = [q["category"] for q in items]
        if not any(cats[i] == cats[i + 1] == cats[i + 2] for i in range(len(cats) - 2)):
            break
    entries, meta = [], {}
    for n, q in enumerate(items, 1):
        qid = "h%03d" % n
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
    with open(os.path.join(HERE, "blind40.json"), "w", encoding="utf-8") as fh:
        json.dump(entries, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    with open(os.path.join(HERE, "blind40-meta.json"), "w", encoding="utf-8") as fh:
        json.dump(meta, fh, indent=1, ensure_ascii=False, sort_keys=True)
        fh.write("\n")


if __name__ == "__main__":
    main()
