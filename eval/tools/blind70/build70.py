"""blind70 builder: holds the 60 questions (QUESTIONS) and writes blind70.json, blind70-meta.json and
blind70-first-canonicals.txt. render() returns the three files' exact text (check70.py compares it byte for byte)."""
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
# ---- gitlab_job_log ----
dict(key="G1", style="long", kind="troubleshoot", category="setup", quals=[], flags=["gitlab_job_log"],
question="""Our platform team provisions CMK registries from a GitLab pipeline. Last spring the job ran green; this week, after we moved the job to a newer image, it stops at the access step:

```text
Running with gitlab-runner 17.2.1 (9c4e7a55)
  on ps-shared-04 Kx9fQe2L, system ID: s_7d1e04b2c9aa
Preparing the "docker" executor
Using docker image mcr.microsoft.com/azure-cli:2.63.0 ...
Executing "step_script" stage of the job script
$ az keyvault create -n kv-brenna-enc -g rg-brenna-reg -l westeurope --enable-purge-protection -o none
$ az keyvault set-policy -n kv-brenna-enc --key-permissions unwrapKey get wrapKey --object-id "$BRENNA_UAMI_PID"
ERROR: Cannot set policies to a vault with '--enable-rbac-authorization' specified
Cleaning up project directory and file based variables
ERROR: Job failed: exit code 1
```

The previous image shipped azure-cli 2.58, and nothing else in the script changed. What is different now, and what should this step do instead?""",
canonical=[A + "azure-cli-262-and-later-create-rbac-vaults-by-default"],
related=[T + "set-policy-fails-on-an-rbac-key-vault", A + "grant-access-with-an-azure-rbac-role"],
facts=["Older guides that create a vault and then run az keyvault set-policy therefore fail on a current CLI"],
answer_facts=["sets --enable-rbac-authorization to true unless told otherwise"],
truth="""The newer CLI creates a different kind of vault: from azure-cli 2.62.0, az keyvault create makes Azure RBAC vaults unless told otherwise, so kv-brenna-enc now uses roles and az keyvault set-policy is refused there. Replace that step with a role assignment of Key Vault Crypto Service Encryption User to the identity's principal ID, scoped to the vault's resource ID (az role assignment create with --assignee-object-id and --assignee-principal-type ServicePrincipal), or keep the policy step and create the vault with --enable-rbac-authorization false."""),

dict(key="G2", style="long", kind="troubleshoot", category="iac", quals=["iac"], flags=["gitlab_job_log"],
question="""Our GitLab job applies the Terraform for a new encrypted registry. The first run on Monday failed; a plain retry of the same pipeline an hour later created everything without complaint:

```text
Running with gitlab-runner 17.4.0 (b92ee0c1)
  on tf-runner-eu2 p3ZsW81q, system ID: s_40c2b9e17f63
Executing "step_script" stage of the job script
$ terraform init -input=false
Terraform has been successfully initialized!
$ terraform apply -input=false quillon.tfplan
azurerm_user_assigned_identity.quillon: Creation complete after 2s
azurerm_role_assignment.quillon_grant: Creating...
azurerm_container_registry.quillon: Creating...
azurerm_container_registry.quillon: Still creating... [10s elapsed]
azurerm_role_assignment.quillon_grant: Creation complete after 19s
| Error: creating Registry "crquillon" (Resource Group "rg-quillon"):
| Failed to access KeyId 'https://kv-quillon.vault.azure.net/keys/kek-quillon'
ERROR: Job failed: exit code 1
```

Why did the registry fail on the first run although the role assignment was part of the same plan? What should we change in the Terraform so that a first apply works?""",
canonical=[C + "why-the-registry-needs-depends_on-on-the-role-assignment"],
related=[C + "common-terraform-and-bicep-errors-with-acr-encryption", T + "registry-creation-cannot-access-the-key"],
facts=["add depends_on, wait and re-apply"],
answer_facts=["Terraform may create both in parallel"],
truth="""Nothing told Terraform to wait for the grant: azurerm_container_registry.quillon references the identity and the key but not azurerm_role_assignment.quillon_grant, so terraform apply created both at once and the registry tried to use kek-quillon before its identity's Key Vault Crypto Service Encryption User assignment existed (a fresh assignment can also need a few minutes before it takes effect). Add depends_on = [azurerm_role_assignment.quillon_grant] to the registry; if a first apply still races the propagation, re-run it or put a time_sleep between the grant and the registry."""),

dict(key="G3", style="long", kind="howto", category="rotation", quals=[], flags=["gitlab_job_log"],
question="""We rotate the customer-managed key of crmaribel with a nightly GitLab job. It works, but the security team wants fewer moving parts:

```text
Running with gitlab-runner 16.11.2 (e1f0a8d4)
  on ops-small-2 Tq7Ld0aN, system ID: s_c81d2290ab4e
Executing "step_script" stage of the job script
$ az keyvault key rotate --vault-name kv-maribel-keys --name kek-maribel -o none
$ az acr encryption rotate-key -n crmaribel --identity "$MARIBEL_UAMI_CLIENT" --key-encryption-key "$MARIBEL_FRESH_KID" -o none
Cleaning up project directory and file based variables
Job succeeded
```

MARIBEL_FRESH_KID holds the kid of the version made one line earlier; an earlier step reads it. A rotation policy in the vault could produce the versions for us, so the job only exists because the registry does not follow them on its own. How do I set crmaribel up so that it moves to each new version without the job?""",
canonical=[K + "automatic-rotation-with-a-versionless-key-id"],
related=[K + "switch-from-manual-to-automatic-rotation", K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy"],
facts=["Automatic rotation only means the registry follows new versions"],
answer_facts=["within one hour of it appearing"],
truth="""Point crmaribel at the versionless key ID once: run az acr encryption rotate-key with --key-encryption-key https://kv-maribel-keys.vault.azure.net/keys/kek-maribel, the kid without its last segment. From then on keyRotationEnabled is true and the registry starts using each new version within one hour of its creation. Keep something that creates versions, for example a Key Vault rotation policy in place of the az keyvault key rotate step, because automatic rotation only follows versions and does not create them."""),

dict(key="G4", style="long", kind="troubleshoot", category="setup", quals=["hsm", "oct2026"], flags=["gitlab_job_log"],
question="""Our key team prepared everything for a new registry on the Managed HSM side: the key exists, and the identity holds its local role at the key's scope. The GitLab job that should create the registry itself died within a second:

```text
Running with gitlab-runner 17.1.0 (3a6fd2e0)
  on shared-linux-9 Vc2mRr7t, system ID: s_19bb07e4d3c5
Executing "step_script" stage of the job script
$ az acr create -g rg-orrin --sku Premium -n cr-orrin-prod --identity id-orrin-enc --key-encryption-key https://orrinhsm7.managedhsm.azure.net/keys/kek-orrin
ERROR: Registry name cannot contain dashes.
Cleaning up project directory and file based variables
ERROR: Job failed: exit code 1
```

Our naming standard puts dashes in every resource name. What rules does the CLI apply to the registry name here, and what would a valid name for this registry look like?""",
canonical=[S + "rules-that-az-acr-create-enforces-for-cmk"],
related=[S + "before-you-start-variables-and-prerequisites", M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli"],
facts=["registry names are globally unique"],
answer_facts=["uppercase letters or dashes are rejected"],
truth="""The failing az acr create checks the registry name before anything is sent: uppercase letters and dashes are rejected, and a registry name must be 5 to 50 lowercase letters and digits, unique across Azure. Drop the dashes, for example crorrinprod; the Managed HSM key URI, the Premium SKU and passing --identity together with --key-encryption-key can stay as they are (a bare identity name such as id-orrin-enc is looked up in the registry's resource group). Dashes remain fine in the names of the key vault or HSM, the key and the identity."""),

dict(key="G5", style="long", kind="no", category="hsm", quals=["hsm", "oct2026"], flags=["gitlab_job_log"],
question="""Last week a GitLab job created crtamsin with a key from our Managed HSM, and it finished cleanly:

```text
Running with gitlab-runner 17.3.1 (0d7c5b9f)
  on hsm-ops-1 Gm4Ya6sB, system ID: s_5e02c7f1a4d8
Executing "step_script" stage of the job script
$ az keyvault key create --hsm-name tamsin-hsm01 --name kek-tamsin --kty RSA-HSM --ops wrapKey unwrapKey -o none
$ az acr create -g rg-tamsin -n crtamsin --sku Premium --identity id-tamsin-enc --key-encryption-key https://tamsin-hsm01.managedhsm.azure.net/keys/kek-tamsin/2a9c386bc41721f30ee8cdf832bbb39d -o none
Cleaning up project directory and file based variables
Job succeeded
```

The local role for id-tamsin-enc was granted by hand before the job ran. Our HSM team plans a fresh version of kek-tamsin each quarter. Once a new version exists, which version of the Managed HSM key will crtamsin be using, and will it switch over by itself?""",
canonical=[M + "rotate-a-managed-hsm-key"],
related=[M + "managed-hsm-key-uris", K + "versioned-and-versionless-key-ids"],
facts=["Because the role is per key"],
answer_facts=["polls the key store"],
truth="""No: the az acr create step passed a versioned key URI (.../keys/kek-tamsin/2a9c386bc41721f30ee8cdf832bbb39d), so crtamsin stays on that version of the Managed HSM key until someone rotates it by hand with az acr encryption rotate-key, whatever the HSM team adds. To follow new versions automatically, rotate it once to https://tamsin-hsm01.managedhsm.azure.net/keys/kek-tamsin; the registry then polls the HSM and moves to a new version within an hour, and the local role scoped to /keys/kek-tamsin already covers every version of the key."""),

# ---- asciidoc_runbook ----
dict(key="A1", style="long", kind="no", category="recovery", quals=["hsm", "oct2026"], flags=["asciidoc_runbook"],
question="""Our incident runbook is written in AsciiDoc. This is the part for cutting a registry off from its Managed HSM key:

```asciidoc
== Emergency revocation (Managed HSM)

. Look up the principal ID of the encryption identity of crvarga.
. Remove its key role:
+
[source,bash]
----
az keyvault role assignment delete --hsm-name vargahsm01 \\
  --scope /keys/kek-varga --assignee-object-id "$VARGAOID" \\
  --role "Managed HSM Crypto Service Encryption User"
----

NOTE: After this step crvarga can no longer read any image.
```

Our bootstrap script granted that identity the same role at /keys back when we had a single key, and nobody has cleaned that up. Does the delete in this runbook still revoke crvarga's access to the Managed HSM key?""",
canonical=[M + "revoke-access-to-a-managed-hsm-key"],
related=[V + "revoke-access-to-a-key-in-a-managed-hsm", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
facts=["Any other local role that includes wrap and unwrap"],
answer_facts=["either of those still grants access"],
truth="""No: the delete in the Emergency revocation (Managed HSM) section only removes the assignment made at /keys/kek-varga; the assignment the bootstrap script made at /keys stays and still grants crvarga's identity access, so the registry keeps working. List the identity's local assignments in vargahsm01 without a scope filter, delete the role at every scope where it exists (--scope /keys, and / if present), and check for other local roles with wrap and unwrap such as Managed HSM Crypto User; only then is all of crvarga's data blocked."""),

dict(key="A2", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["asciidoc_runbook", "two_facts"],
question="""Before we hand our AsciiDoc runbook for new registries to the other teams, I'd like a second pair of eyes on its Managed HSM chapter:

```asciidoc
=== Create the encryption key

[source,bash]
----
az keyvault key create --hsm-name hsm-ondra-weu --name kek-ondra --kty RSA --size 3072 --ops sign verify
----

=== Give the registry identity access

[source,bash]
----
az role assignment create --assignee "$ONDRA_CLIENT_ID" \\
  --role e147488a-f6f5-4113-8e2d-b22465e65bf6 \\
  --scope "$ONDRA_HSM_RESOURCE_ID"
----
```

The registry, crondra, is created in the next chapter with that user-assigned identity. What has to change in these two steps so that crondra can use the Managed HSM key and its identity really gets access?""",
canonical=[T + "managed-hsm-key-has-the-wrong-type-or-operations", M + "local-rbac-roles-for-acr-encryption"],
related=[M + "requirements-for-a-managed-hsm-key-store", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
facts=["Key Vault access policies do not exist on a Managed HSM"],
answer_facts=["The role assignment alone does not help", "they never let anyone use a key"],
truth="""In Create the encryption key, make an RSA-HSM key whose operations include wrapKey and unwrapKey (--kty RSA-HSM --ops wrapKey unwrapKey); a key limited to sign and verify cannot wrap the registry's keys. In Give the registry identity access, the role ID e147488a-f6f5-4113-8e2d-b22465e65bf6 is the vault role Key Vault Crypto Service Encryption User, and an Azure role assignment on the HSM resource only covers its management and never lets anyone use a key: assign the local role Managed HSM Crypto Service Encryption User with az keyvault role assignment create --hsm-name hsm-ondra-weu to the identity's principal ID (not its client ID), with --assignee-principal-type MSI and --scope /keys/kek-ondra, before crondra is created."""),

dict(key="A3", style="long", kind="why", category="network", quals=["iac"], flags=["asciidoc_runbook"],
question="""Here is the hardening section of our AsciiDoc runbook for key vaults that hold registry keys:

```asciidoc
== Network hardening for kv-pelle-cmk

In the portal, set public access to selected networks and untick the trusted-services exception. From the CLI:

[source,bash]
----
az keyvault update -n kv-pelle-cmk -g rg-pelle --bypass None --default-action Deny
----

IMPORTANT: crpelle keeps working, because its identity holds the encryption role on the vault.
```

An architect says the IMPORTANT line is wrong, since the role and the firewall are separate things. Why would crpelle stop working after this section is applied, even though its role assignment stays in place?""",
canonical=[O + "network-requirement-for-a-locked-down-key-vault"],
related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry"],
facts=["The bypass only opens the network path"],
answer_facts=["the vault must allow trusted Azure services"],
truth="""Because the role and the network path are separate gates: the role says what crpelle's identity may do with the key, but the registry still has to reach kv-pelle-cmk over its data plane, and it gets through a restricted vault only as a trusted Azure service. With the default action Deny and the bypass set to None, the firewall refuses the registry, so image import and automatic rotation fail with 403 although the assignment is intact. Keep the bypass at AzureServices in the Network hardening for kv-pelle-cmk section, in the CLI line and in the portal step."""),

dict(key="A4", style="long", kind="howto", category="iac", quals=["iac"], flags=["asciidoc_runbook"],
question="""Our platform documentation is AsciiDoc, and the chapter on encrypted registries embeds the Bicep below. A reviewer flagged it before it goes live:

```asciidoc
=== Registry resource

[source,bicep]
----
resource ventiReg 'Microsoft.ContainerRegistry/registries@2025-04-01' = {
  name: 'crventi'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${ventiId.id}': {} }
  }
  sku: { name: 'Premium' }
  tags: { team: 'venti' }
  properties: {
    encryption: {
      status: 'enabled'
      keyVaultProperties: {
        identity: ventiId.properties.principalId
        keyIdentifier: ventiKey.properties.keyUri
      }
    }
  }
}
----

The role assignment ventiKeyAccess sits in the previous section of the same file.
```

Which lines of the Bicep in this section need to change before anyone copies it?""",
canonical=[C + "bicep-registry-with-a-customer-managed-key"],
related=[C + "arm-template-json-propertiesencryption-and-keyvaultproperties", C + "common-terraform-and-bicep-errors-with-acr-encryption"],
facts=["identity: acrIdentity.properties.clientId"],
answer_facts=["the explicit dependsOn is what makes"],
truth="""Two things in Registry resource: keyVaultProperties.identity must be the identity's client ID (ventiId.properties.clientId), because a principal ID does not work there; and the registry needs dependsOn: [ ventiKeyAccess ], since it does not reference the role assignment and could otherwise be deployed before the grant exists. The rest (UserAssigned identity, Premium, status enabled, the versionless keyUri) can stay."""),

dict(key="A5", style="long", kind="undocumented", category="limits", quals=["iac"], flags=["asciidoc_runbook"],
question="""Finance asked us to cut registry costs, and someone added the section below to our AsciiDoc operations guide:

```asciidoc
== Downsizing idle registries

Registries with little traffic move from Premium to Standard, either through the pricing tier in the portal or from the CLI. For crjolka, which is encrypted with our customer-managed key:

[source,bash]
----
az acr update -n crjolka --sku Standard
----

TIP: Geo-replications must be deleted first; everything else carries over.
```

Before anyone runs this against crjolka: is it documented anywhere that an encrypted registry can be moved down to Standard like this?""",
canonical=[L + "changing-the-sku-of-a-cmk-registry-is-not-documented"],
related=[O + "cmk-requires-the-premium-sku", T + "cmk-needs-the-premium-tier"],
facts=["Moving down from Premium turns off Premium-only features"],
answer_facts=["Do not assume it works"],
truth="""Not documented: the general SKU rules let a registry change tier (Premium-only features are turned off, and some, such as geo-replications, must be deleted first), but the docs say nothing about a CMK registry leaving Premium, while CMK exists only on Premium and can never be disabled. Take crjolka out of the Downsizing idle registries section and ask Azure support before trying a downgrade."""),

# ---- docker_push_output ----
dict(key="D1", style="long", kind="undocumented", category="keys", quals=[], flags=["docker_push_output"],
question="""We moved crsolvej to a new version of its key yesterday (versionless key ID, so the registry picked the version up by itself). This morning's push reused almost every layer:

```text
The push refers to repository [crsolvej.azurecr.io/billing/api]
99cc90e8384f: Preparing
3d4d0958b453: Preparing
9a1e610da46c: Preparing
3d4d0958b453: Layer already exists
9a1e610da46c: Layer already exists
99cc90e8384f: Pushed
2.14.0: digest: sha256:156e0ba04195ea4a58f15963efff90a7569eb27cc960e01c52b39da968c0b9fc size: 1153
```

Our auditors want to know whether the layers that already existed are now protected by the new key version, or whether they stay tied to the version that was current when they were first pushed. What does the ACR documentation say about that?""",
canonical=[O + "what-customer-managed-key-encryption-adds-to-a-registry"],
related=[K + "automatic-rotation-with-a-versionless-key-id", O + "why-teams-use-a-customer-managed-key"],
facts=["It adds a second layer on top of it"],
answer_facts=["does not describe the internal key hierarchy"],
truth="""Not documented: the ACR docs say that the customer-managed key adds a second layer of encryption on top of Microsoft's keys and that the registry's identity may only get, wrap and unwrap the key, but they do not describe the internal key hierarchy or what a rotation does to content already stored in crsolvej. The permission set suggests the key wraps the registry's own keys rather than encrypting layers directly; that is an inference, so ask Microsoft before giving the auditors either answer."""),

dict(key="D2", style="long", kind="troubleshoot", category="troubleshooting", quals=[], flags=["docker_push_output", "two_facts"],
question="""Pushes to crhallin died this morning. Yesterday's run of the same job looked like this:

```text
The push refers to repository [crhallin.azurecr.io/ingest/worker]
673d8cf281ed: Preparing
4744b34af4ed: Preparing
4744b34af4ed: Layer already exists
673d8cf281ed: Pushed
5.3.1: digest: sha256:fdc58aba3be07da1dea782df0db5281a830e6a97cc3c63185d1785823d1ef8ee size: 942
```

Today the same push stops right after the Preparing lines with a 403, and pulls of old tags fail the same way, in every repository. The only change we know of is a permissions clean-up that the security team ran on kv-hallin-cmk overnight; the key itself is still there and enabled. What happened to the registry, and how do we get it back?""",
canonical=[T + "registry-access-lost-after-key-permissions-were-revoked", V + "restore-access-after-a-revocation"],
related=[V + "what-revocation-does-to-the-registry", A + "which-permission-model-does-my-key-vault-use"],
facts=["There is no partial revocation per repository"],
answer_facts=["Revocation blocks access to all data", "No registry command is needed"],
truth="""The clean-up most likely took away the key access of crhallin's encryption identity (its Key Vault Crypto Service Encryption User assignment, or its access policy with get, wrapKey and unwrapKey), which revokes the customer-managed key and blocks every operation on stored content, in all repositories. Look up the identity with az acr encryption show, restore its access in the vault's permission model (az role assignment create on an RBAC vault, az keyvault set-policy on an access-policy vault), and once the grant has propagated crhallin picks the key up again on its own; no registry command is needed."""),

dict(key="D3", style="long", kind="howto", category="identity", quals=[], flags=["docker_push_output"],
question="""Since this morning, pushes to crbeltane fail. This is all the push prints before it gives up with a 403; the message claims the identity behind crbeltane has gone inactive and must be assigned again:

```text
The push refers to repository [crbeltane.azurecr.io/web/frontend]
e6df25dced07: Preparing
b1380a51b7a8: Preparing
b1380a51b7a8: Waiting
```

In March a colleague tried to detach the registry's user-assigned identity during a clean-up. The command errored out, we assumed nothing had happened, and pulls and pushes went on working all spring. How do we get crbeltane working again, and why does it only break now, about three months later?""",
canonical=[T + "registry-identity-is-inactive-or-expired"],
related=[I + "the-encryption-identity-cannot-simply-be-removed", T + "removing-the-encryption-identity-fails"],
facts=["usually after about three months"],
answer_facts=["stopped that identity from being renewed automatically"],
truth="""Assign the user-assigned encryption identity to crbeltane again with az acr identity assign (its resource ID, or its name if it is in the registry's resource group), then retry the push. The failed detach in March stopped the identity from being renewed automatically; the registry went on using its existing credentials until they ran out, usually after about three months, and from then on requests fail with 403. If you really want a different identity, move encryption to it with az acr encryption rotate-key first and remove this one afterwards."""),

# ---- keyvault_audit_log ----
dict(key="K1", style="long", kind="troubleshoot", category="network", quals=[], flags=["keyvault_audit_log", "two_facts"],
question="""Image imports into crsandor started failing with 403 on Thursday, the day the network team switched kv-sandor-enc to selected networks. Our diagnostic setting sends the vault's audit events to a storage account, and the registry's calls now look like this:

```json
{
  "time": "2026-11-12T08:41:17.2930000Z",
  "resourceId": "/SUBSCRIPTIONS/9058DAD3-9824-4660-B58F-798ED23A363D/RESOURCEGROUPS/RG-SANDOR/PROVIDERS/MICROSOFT.KEYVAULT/VAULTS/KV-SANDOR-ENC",
  "operationName": "KeyUnwrap",
  "operationVersion": "7.5",
  "category": "AuditEvent",
  "resultSignature": "Forbidden",
  "durationMs": "4",
  "callerIpAddress": "20.61.142.87",
  "identity": {"claim": {"appid": "35def5a5-412d-4561-a6aa-b08f72fa58a4"}},
  "properties": {"id": "https://kv-sandor-enc.vault.azure.net/keys/kek-sandor", "httpStatusCode": 403}
}
```

The appid is the client ID of crsandor's identity, and its role on the vault has not changed. What do we have to change on the vault? Do we then have to touch crsandor itself as well?""",
canonical=[N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry", T + "http-403-after-enabling-the-key-vault-firewall"],
related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", N + "the-vault-firewall-covers-the-data-plane-only"],
facts=["Container Registry reaches the key store as a trusted Azure service"],
answer_facts=["with the same identity and key", "If the 403 errors continue after this"],
truth="""The KeyUnwrap calls are stopped by the vault firewall, not by permissions: since the switch to selected networks kv-sandor-enc no longer lets trusted Azure services through, and ACR reaches the key as one. Allow them (az keyvault update --name kv-sandor-enc --bypass AzureServices, keeping the default action Deny). Then re-apply crsandor's current key and identity with az acr encryption rotate-key, passing the keyIdentifier and identity that az acr encryption show reports, and open an Azure support request if the 403 errors continue after this."""),

dict(key="K2", style="long", kind="troubleshoot", category="keys", quals=["iac"], flags=["keyvault_audit_log"],
question="""On Tuesday someone switched kv-ilvane-keys from vault access policies to Azure RBAC in the portal, as part of a tidy-up. Since then crilvane cannot serve a single pull, and the vault's audit log is full of records like this one:

```json
{
  "operationName": "KeyUnwrap",
  "category": "AuditEvent",
  "resultSignature": "Forbidden",
  "callerIpAddress": "52.142.23.9",
  "identity": {"claim": {"appid": "dcbc1a43-5127-4b10-bb80-58de051d3e4e"}},
  "properties": {"isAccessPolicyMatch": false, "isRbacAuthorized": false, "httpStatusCode": 403}
}
```

The registry's identity still has its access policy with get, wrapKey and unwrapKey, I checked. Why is it refused now, and what is the quickest safe fix?""",
canonical=[A + "changing-an-existing-vaults-permission-model"],
related=[A + "which-permission-model-does-my-key-vault-use", T + "registry-access-lost-after-key-permissions-were-revoked"],
facts=["The ACR docs do not discuss switching models"],
answer_facts=["the old access policies stop counting"],
truth="""Because the vault's permission model changed: on an RBAC vault the old access policies stop counting, so the KeyUnwrap calls of crilvane's identity are refused although its policy is still listed. The quickest fix is to give that identity's principal ID the role Key Vault Crypto Service Encryption User on kv-ilvane-keys (az role assignment create with --assignee-principal-type ServicePrincipal and the vault's resource ID as scope); once it propagates the registry picks the key up again. Switching the vault back to access policies also works, but it cuts off every application that already relies on roles there."""),

dict(key="K3", style="long", kind="troubleshoot", category="rotation", quals=[], flags=["keyvault_audit_log"],
question="""Our key pipeline added a version to kek-ottavia at 02:00, as the vault's audit log confirms:

```json
[
  {
    "time": "2026-11-18T02:00:06.1180000Z",
    "operationName": "KeyCreate",
    "category": "AuditEvent",
    "resultSignature": "OK",
    "callerIpAddress": "198.51.100.44",
    "properties": {"id": "https://kv-ottavia.vault.azure.net/keys/kek-ottavia/a79bea4c720e56a0dc257772b18dec0d", "httpStatusCode": 200}
  }
]
```

At 09:30 az acr encryption show for crottavia still lists the previous version as versionedKeyIdentifier, and keyRotationEnabled says false. We expected the registry to switch within the hour. What is going on here?""",
canonical=[K + "how-new-key-versions-are-created"],
related=[T + "registry-keeps-using-an-old-key-version", K + "switch-from-manual-to-automatic-rotation"],
facts=["A rotation policy or az keyvault key rotate only creates versions"],
answer_facts=["with a versioned key ID you still"],
truth="""The KeyCreate only made a new version; crottavia does not follow it because it was configured with a versioned key ID (keyRotationEnabled false), so it stays on the pinned version until someone rotates it. Either run az acr encryption rotate-key with the new version's ID each time, or rotate once to the versionless https://kv-ottavia.vault.azure.net/keys/kek-ottavia so that the registry moves to new versions within an hour from then on."""),

dict(key="K4", style="long", kind="yes", category="recovery", quals=[], flags=["keyvault_audit_log"],
question="""crmoravec went dark on Monday evening. The audit log of its vault shows why:

```json
{
  "time": "2026-11-16T17:22:48.5510000Z",
  "operationName": "KeyDelete",
  "category": "AuditEvent",
  "resultSignature": "OK",
  "callerIpAddress": "203.0.113.61",
  "identity": {"claim": {"upn": "j.kessler@moravec.example"}},
  "properties": {"id": "https://kv-moravec.vault.azure.net/keys/kek-moravec", "httpStatusCode": 200}
}
```

It was a clean-up script with a wrong filter. The vault has soft delete with the default retention; purge protection was never turned on, but nobody has purged anything either. Can we still bring the key and the registry back, three days later? And will the registry's identity need a new grant afterwards?""",
canonical=[V + "recover-a-deleted-key"],
related=[T + "key-vault-or-key-was-deleted", V + "how-purge-protection-protects-the-registry"],
facts=["90 by default"],
answer_facts=["unaffected by deleting and recovering a key"],
truth="""Yes: the KeyDelete left kek-moravec soft-deleted and recoverable for the vault's retention period (90 days by default), so run az keyvault key list-deleted --vault-name kv-moravec and then az keyvault key recover --vault-name kv-moravec --name kek-moravec; crmoravec resumes once the key is back. Deleting and recovering a key leaves the identity's access policy or role assignment untouched, so no new grant is needed (that is only the case after recovering a whole RBAC vault). Turn on purge protection so that a purge can never make such a mistake permanent."""),

# ---- java_exception ----
dict(key="J1", style="long", kind="troubleshoot", category="identity", quals=[], flags=["java_exception", "two_facts"],
question="""Our Java platform service tidies up registries. For crkestrel it tried to detach a user-assigned identity that we believed was no longer needed, and got this:

```text
com.azure.core.management.exception.ManagementException: Status code 400, "{"error":{"message":"Azure resource '/subscriptions/2af96cac-a5ea-4700-bf81-6e51a9737e4a/resourceGroups/rg-kestrel/providers/Microsoft.ContainerRegistry/registries/crkestrel' does not have access to identity '33d8c119-2d3d-4036-9e58-f6b9ba616066' [...]"}}"
	at com.azure.core.management.polling.PollerFactory.lambda$create$2(PollerFactory.java:57)
	at reactor.core.publisher.MonoFlatMap$FlatMapMain.onNext(MonoFlatMap.java:132)
	at com.brisk.regops.IdentityJanitor.detach(IdentityJanitor.java:88)
```

A colleague thinks crkestrel might be using that identity for its encryption. What does the error mean, and how do we get rid of the identity safely?""",
canonical=[T + "removing-the-encryption-identity-fails", I + "the-encryption-identity-cannot-simply-be-removed"],
related=[I + "switch-to-a-different-user-assigned-identity", I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
facts=["Key rotation can fail in the same state"],
answer_facts=["can leave the registry in a state", "then remove the original"],
truth="""The ManagementException means the identity is the one crkestrel's customer-managed key encryption uses (compare its client ID with keyVaultProperties.identity in az acr encryption show): the service refuses to detach it, and the attempt can also leave key rotation failing. Attach it again with az acr identity assign, give another identity (the system-assigned one or a second user-assigned one) access to the key, move encryption to it with az acr encryption rotate-key --identity, check that az acr encryption show reports the new identity, and only then remove the original."""),

dict(key="J2", style="long", kind="howto", category="limits", quals=[], flags=["java_exception"],
question="""Our Java deployment tool turns on the trust policy for every new registry. It works everywhere except on crwillow, the first registry we encrypted with our own key:

```text
com.azure.core.management.exception.ManagementException: Status code 400, "{"error":{"code":"BlockedForEncryptionEnabledRegistry","message":"Operation is not allowed for registry crwillow."}}"
	at com.azure.core.management.polling.PollerFactory.lambda$create$2(PollerFactory.java:57)
	at reactor.core.publisher.FluxMapFuseable$MapFuseableSubscriber.onNext(FluxMapFuseable.java:113)
	at com.marigold.deploy.TrustPolicyStep.apply(TrustPolicyStep.java:41)
```

The tool should handle encrypted registries properly from now on, since more of them are coming. What should it do for crwillow and the others instead of failing?""",
canonical=[L + "docker-content-trust-is-not-supported"],
related=[L + "docker-content-trust-is-being-retired-use-notation", T + "content-trust-cannot-be-enabled"],
facts=["DCT is removed on 2028-03-31"],
answer_facts=["cannot be enabled on a registry"],
truth="""Skip content trust for CMK registries and sign images with Notation (the Notary Project) instead: Docker Content Trust cannot be enabled on a registry encrypted with a customer-managed key, which is what the BlockedForEncryptionEnabledRegistry error reports for crwillow. Docker Content Trust is also being retired from ACR, with removal on 2028-03-31, and on a CMK registry Notation 1.2.0 and later store signatures through the referrers tag schema."""),

dict(key="J3", style="long", kind="troubleshoot", category="network", quals=[], flags=["java_exception"],
question="""Our key-rotation service is written in Java and creates new versions of kek-rubio with the Key Vault keys client. Since kv-rubio-enc went behind its firewall (trusted services allowed, default action Deny), the service fails every night:

```text
com.azure.core.exception.HttpResponseException: Status code 403, "{"error":{"code":"Forbidden","message":"Client address is not authorized [...]","innererror":{"code":"ForbiddenByFirewall"}}}"
	at com.azure.security.keyvault.keys.implementation.KeyClientImpl.createKeyWithResponse(KeyClientImpl.java:312)
	at com.azure.security.keyvault.keys.KeyClient.createKey(KeyClient.java:254)
	at com.tindale.keyops.RotateJob.run(RotateJob.java:63)
```

crrubio itself still pulls fine. Why does the firewall block our service but not the registry? What is the right way to let the service in?""",
canonical=[N + "allow-your-own-clients-through-the-vault-firewall"],
related=[N + "the-vault-firewall-covers-the-data-plane-only", N + "allow-trusted-services-and-deny-other-traffic"],
facts=["The registry itself gets through via the trusted-services bypass, not via an IP rule"],
answer_facts=["also need a way in"],
truth="""The trusted-services exception lets ACR through as a trusted Azure service, but your rotation service is an ordinary client, so the data-plane firewall refuses its key calls with ForbiddenByFirewall. Add the service's outbound address or its subnet as a network rule on kv-rubio-enc (az keyvault network-rule add --ip-address ..., or --vnet-name and --subnet for a subnet with the Microsoft.KeyVault service endpoint), or run it from an allowed network; crrubio keeps using the bypass, not an IP rule."""),

dict(key="J4", style="long", kind="value", category="keys", quals=[], flags=["java_exception"],
question="""A Java job of ours creates the customer-managed key for every new registry, signed in as its own service principal. In the RBAC vault kv-tallis-cmk it now gets this, although that service principal is Contributor on the vault:

```text
com.azure.core.exception.HttpResponseException: Status code 403, "{"error":{"code":"Forbidden","message":"[...] Action: 'Microsoft.KeyVault/vaults/keys/create/action' Resource: 'kv-tallis-cmk/keys/kek-tallis' Assignment: (not found) [...]","innererror":{"code":"ForbiddenByRbac"}}}"
	at com.azure.security.keyvault.keys.KeyClient.createRsaKey(KeyClient.java:301)
	at com.tallis.provision.KeyStep.create(KeyStep.java:29)
	at com.tallis.provision.Pipeline.main(Pipeline.java:17)
```

Which role does the job's service principal need on kv-tallis-cmk, and is that also something the registries' encryption identity should hold?""",
canonical=[A + "your-own-permissions-to-create-keys-in-an-rbac-vault"],
related=[T + "operator-cannot-create-the-key-in-an-rbac-vault", A + "why-key-vault-crypto-user-is-not-needed"],
facts=["Assigning roles requires Owner, User Access Administrator or Role Based Access Control Administrator"],
answer_facts=["such as Key Vault Crypto Officer"],
truth="""Key Vault Crypto Officer on kv-tallis-cmk, assigned to the service principal's object ID with --assignee-principal-type ServicePrincipal: in an RBAC vault, Owner or Contributor only manage the vault resource, and creating keys takes a data-plane role, which is why the call ends in ForbiddenByRbac. The registry identity must not get it; it keeps just Key Vault Crypto Service Encryption User."""),

# ---- no shape ----
dict(key="L1", style="long", kind="howto", category="recovery", quals=["hsm", "oct2026"], flags=[],
question="""During a subscription clean-up someone deleted the Managed HSM hsm-corbel-01, which holds the key of our registry crcorbel. Nobody noticed for two days, until image pulls from crcorbel began failing for every tag we tried. The HSM was created with a retention of 28 days and purge protection, so we believe it still sits in the soft-deleted state. How do we get the Managed HSM back, and who needs which role for it? Is it costing us money while it is deleted?""",
canonical=[V + "recover-a-deleted-managed-hsm"],
related=[M + "recover-a-deleted-managed-hsm-key-or-hsm", L + "pricing-considerations"],
facts=["HSM and key names stay reserved while they are soft-deleted"],
answer_facts=["keeps being billed while it waits"],
truth="""Find it with az keyvault list-deleted --resource-type hsm and recover it with az keyvault recover --hsm-name hsm-corbel-01 --location <its location>; listing and recovering a deleted Managed HSM needs the Azure role Managed HSM Contributor. And yes, the Managed HSM costs money for the whole time it sits soft-deleted, since its hardware capacity stays allocated until you recover or purge it, so recover it promptly; its name stays reserved meanwhile. Once the HSM and its key are back, crcorbel can use the key again; never purge the HSM while the registry still needs it."""),

dict(key="L2", style="long", kind="yes", category="identity", quals=[], flags=[],
question="""crdunmore encrypts with the user-assigned identity id-dunmore-enc, which it was created with in 2024, and its key sits in an RBAC key vault, kv-dunmore. Our identity people have decided that registries should run on their system-assigned identities, so that there is one less object that needs an owner. The registry serves production pulls around the clock. Can we switch crdunmore over to its system-assigned identity without taking the registry offline, and when can id-dunmore-enc be detached without risk?""",
canonical=[I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
related=[K + "rotate-with-a-different-identity-or-the-system-assigned-identity", I + "quote-system-in-shell-commands"],
facts=["Turn on the system-assigned identity of the registry"],
answer_facts=["removing it earlier cuts the registry off"],
truth="""Yes: turn on the system-assigned identity (az acr identity assign --identities '[system]'), give its principal ID Key Vault Crypto Service Encryption User on kv-dunmore, then point encryption at it with az acr encryption rotate-key --key-encryption-key <current key ID> --identity '[system]'; crdunmore keeps working through the switch as long as id-dunmore-enc stays attached with its access. Detach id-dunmore-enc only after az acr encryption show reports system as keyVaultProperties.identity."""),

dict(key="L3", style="long", kind="howto", category="setup", quals=["iac"], flags=[],
question="""We have a Premium registry, crhalvard, that was created in 2023 without a customer-managed key. Compliance now requires CMK for everything we run. Our Terraform colleague added an encryption block (identity_client_id plus key_vault_key_id) to the existing azurerm_container_registry resource, and the plan shows an in-place update instead of a replacement, which looked promising at first. Before we apply it: how do we actually get the images of crhalvard under our customer-managed key?""",
canonical=[O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
related=[C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep", O + "moving-an-existing-registry-to-cmk"],
facts=["the service is expected to reject at apply"],
answer_facts=["no way to turn it on afterwards"],
truth="""Through a new registry, not this plan: ACR accepts a customer-managed key only when a registry is created, so the in-place update azurerm plans for crhalvard is expected to be rejected by the service at apply. Declare a second, CMK-enabled Premium registry under a new name, copy the images across with az acr import, point clients and pipelines at the new login server, and remove crhalvard only after checking everything arrived (-replace would delete the old registry and every image in it)."""),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="D4", style="agent", form="context", kind="value", category="rotation", quals=[], flags=["docker_push_output"],
question="Context: our release job printed `The push refers to repository [crfenwick.azurecr.io/ml/scorer]` and then `1.8.0: digest: sha256:1d26269ce6ffae3cb2e8484cd7f932d9ae911f83566775c2d6cc7a894b8f4300 size: 1402`, and crfenwick uses a versionless key ID. Question: once the key team adds a new key version, how soon will crfenwick use it?",
canonical=[S + "step-6-choose-a-versioned-or-versionless-key-id"],
related=[K + "automatic-rotation-with-a-versionless-key-id", K + "check-which-key-version-the-registry-uses"],
facts=["Use \"$KEY_ID_VERSIONLESS\" in step 7 for automatic rotation"],
answer_facts=["new key version within one hour"],
truth="""Within one hour of the version's creation: with a versionless key ID crfenwick follows the newest key version by itself, and az acr encryption show then lists the new version as versionedKeyIdentifier."""),

dict(key="D5", style="agent", form="imperative", kind="howto", category="keys", quals=[], flags=["docker_push_output"],
question="Show me how to confirm which key version protects crdervla right now; our pipeline just printed `The push refers to repository [crdervla.azurecr.io/edge/gateway]` and `abff85131db7: Pushed`.",
canonical=[K + "check-which-key-version-the-registry-uses"],
related=[L + "check-the-encryption-status-of-a-registry", S + "step-8-verify-the-encryption-status"],
facts=["the exact version the registry is using now"],
answer_facts=["read versionedKeyIdentifier from az acr encryption show"],
truth="""Run az acr encryption show --name crdervla and read keyVaultProperties.versionedKeyIdentifier: it is the exact key version the registry uses now, next to keyIdentifier (what was configured), keyRotationEnabled and lastKeyRotationTimestamp."""),

dict(key="K5", style="agent", form="keywords", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["keyvault_audit_log"],
question="managed hsm audit shows `{\"operationName\": \"KeyUnwrap\", \"resultSignature\": \"Forbidden\", \"callerIpAddress\": \"20.31.7.140\"}` for crlisova since we moved its identity's local role from /keys/kek-lisova to another key, which scope fixes it",
canonical=[T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
related=[M + "local-rbac-roles-for-acr-encryption", A + "grant-access-to-a-key-in-a-managed-hsm"],
facts=["an assignment on another key's scope"],
answer_facts=["at the key's scope"],
truth="""Give crlisova's encryption identity Managed HSM Crypto Service Encryption User back at /keys/kek-lisova, the key the registry actually uses (/keys or / would also work but grant more): the KeyUnwrap calls are refused because a local role on another key's scope does not cover this one. Create it with az keyvault role assignment create --hsm-name ... --scope /keys/kek-lisova for the identity's principal ID and allow several minutes for it to take effect."""),

dict(key="J5", style="agent", form="imperative", kind="why", category="troubleshooting", quals=[], flags=["java_exception"],
question="Explain why registry creation from our Java provisioner fails with `com.azure.core.management.exception.ManagementException: Status code 400, \"{\"error\":{\"message\":\"Failed to access KeyId 'https://kv-corvina.vault.azure.net/keys/kek-corvina'.\"}}\"` when it runs seconds after granting the identity its vault role.",
canonical=[T + "registry-creation-cannot-access-the-key"],
related=[A + "grant-access-with-an-azure-rbac-role", N + "create-the-key-before-the-registry-when-the-vault-is-locked-down"],
facts=["Wait a few minutes for a new role assignment to take effect"],
answer_facts=["at the moment it is created"],
truth="""Because a new role assignment can take a few minutes to take effect, and the registry must already be able to use kv-corvina's key through its identity at the moment it is created; seconds after the grant the role may not be in effect yet, so the ManagementException reports that the key cannot be accessed. Wait and retry the creation; if it keeps failing, check that the grant matches the vault's permission model and that the vault firewall lets trusted Azure services through."""),

dict(key="AG1", style="agent", form="context", kind="howto", category="hsm", quals=["hsm", "iac", "oct2026"], flags=[],
question="Context: creating crnaemi in the portal, Select from Key Vault lists our firewalled Managed HSM hsm-naemi-core but no keys, and the HSM stays locked. Question: which key URI of the Managed HSM can we enter instead, and will the portal accept it?",
canonical=[N + "the-portal-key-picker-and-a-key-store-firewall"],
related=[M + "key-picker-blocked-by-the-hsm-firewall", T + "portal-key-picker-cannot-list-keys-behind-the-managed-hsm-firewall"],
facts=["the HSM shows up but its keys cannot be listed"],
answer_facts=["skip the picker and use Enter"],
truth="""Enter key URI accepts a Managed HSM key ID: use https://hsm-naemi-core.managedhsm.azure.net/keys/<key-name> (versionless, for automatic rotation) or the same with a version appended, read with az keyvault key show --hsm-name hsm-naemi-core from an allowed network. The picker stays empty because it lists keys from your browser, which the HSM firewall blocks; keep the trusted-services bypass on so that crnaemi itself reaches the key."""),

dict(key="AG2", style="agent", form="imperative", kind="howto", category="identity", quals=["iac"], flags=[],
question="Tell me which of the three IDs of uami-rosalind goes into az acr create --identity, which into the role assignment on the key vault, and which into keyVaultProperties.identity in our ARM template.",
canonical=[I + "which-identity-value-goes-where"],
related=[I + "create-the-user-assigned-identity-and-capture-its-ids", C + "arm-template-json-propertiesencryption-and-keyvaultproperties"],
facts=["Key access (vault access policies, Azure role assignments and Managed HSM local role assignments) always uses the principal ID"],
answer_facts=["encryption settings always store the client ID"],
truth="""The resource ID goes into az acr create --identity (the name also works if uami-rosalind is in the registry's resource group), the principal (object) ID into the role assignment, and the client ID into keyVaultProperties.identity of the ARM template, for example through reference(<identity resource ID>).clientId; a principal ID or resource ID in that template field does not work."""),

dict(key="AG3", style="agent", form="keywords", kind="howto", category="rotation", quals=["hsm", "oct2026"], flags=[],
question="managed hsm rotation of crpavlo to a brand new key kek-pavlo-2026 instead of a new version, what must be granted before rotate-key",
canonical=[A + "grant-access-to-a-key-in-a-managed-hsm"],
related=[M + "rotate-a-managed-hsm-key", K + "move-to-a-different-key-or-to-a-key-in-another-vault"],
facts=["a new key name needs a new role assignment"],
answer_facts=["again for any new key"],
truth="""The identity crpavlo uses for encryption needs the local role Managed HSM Crypto Service Encryption User on the new key, scoped to /keys/kek-pavlo-2026 (az keyvault role assignment create --hsm-name ... with its principal ID and --assignee-principal-type MSI), before az acr encryption rotate-key runs: the role is per key, ACR never creates it, and only new versions of the old key were covered by the existing assignment."""),

dict(key="AG4", style="agent", form="context", kind="troubleshoot", category="recovery", quals=[], flags=["two_facts"],
question="Context: kv-braga-cmk (RBAC model) was deleted by mistake and we brought it back with az keyvault recover; the key is there and enabled again. Question: why can crbraga still not pull, and what do we run?",
canonical=[V + "recover-a-deleted-key-vault", V + "re-create-rbac-role-assignments-after-recovering-a-vault"],
related=[T + "key-vault-or-key-was-deleted"],
facts=["The vault name stays reserved while the vault is soft-deleted"],
answer_facts=["recoverable within its retention period", "does not bring them back"],
truth="""Deleting a vault deletes its Azure role assignments, and recovering it does not bring them back, so crbraga's identity no longer holds Key Vault Crypto Service Encryption User on kv-braga-cmk although the vault, which was recoverable within its retention period, and its key are back. Re-create that assignment for the identity's principal ID, scoped to the vault (az role assignment create with --assignee-principal-type ServicePrincipal), plus any operator roles, and the registry resumes."""),

dict(key="AG5", style="agent", form="context", kind="value", category="limits", quals=[], flags=[],
question="Context: last night's ACR Tasks build on crsorrel (a CMK registry) failed and we need its run log for a review next week. Question: how long does that log stay available?",
canonical=[L + "export-task-run-logs-before-they-expire"],
related=[T + "task-run-logs-disappear-after-24-hours", L + "acr-tasks-run-logs-are-kept-for-only-24-hours"],
facts=["retained for 24 hours only"],
answer_facts=["no log is lost after a day"],
truth="""24 hours: on a registry encrypted with a customer-managed key, ACR Tasks keeps run logs for only a day, and logs that have aged out cannot be retrieved. Save it today with az acr task logs --registry crsorrel --run-id <run ID> into a file or storage, and automate that export so that no log is lost after a day."""),

dict(key="AG6", style="agent", form="imperative", kind="yes", category="keys", quals=[], flags=[],
question="Confirm whether a 4096-bit RSA-HSM key in our Premium vault kv-iskra-prod can serve as the customer-managed key of the new registry criskra.",
canonical=[O + "which-key-types-and-sizes-are-supported"],
related=[O + "rsa-hsm-keys-need-a-premium-key-vault", O + "key-sizes-offered-by-key-vault"],
facts=["HSM-protected keys (RSA-HSM) can be created only in a key vault of the Premium Key Vault SKU"],
answer_facts=["Supported key types: RSA and RSA-HSM"],
truth="""Yes: ACR accepts RSA and RSA-HSM keys, and RSA-HSM keys need a Premium vault, which kv-iskra-prod is. ACR itself names no key size; 4096 bits is one of the RSA sizes Key Vault offers (2048, 3072, 4096), so it works if your policy asks for it. Elliptic-curve keys would not."""),

dict(key="AG7", style="agent", form="keywords", kind="no", category="network", quals=[], flags=[],
question="az acr create --allow-trusted-services true for crmeriwa, does that also let the registry through the firewall of key vault kv-meriwa",
canonical=[N + "allow-trusted-services-and-deny-other-traffic"],
related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
facts=["Set the bypass to AzureServices and the default action to Deny"],
answer_facts=["nothing to do with reaching the key"],
truth="""No: that flag belongs to crmeriwa's own firewall (which Azure services may call the registry), not to the path from the registry to its key. The firewall of kv-meriwa has its own exception to open, az keyvault update --bypass AzureServices --default-action Deny, and the encryption identity also needs its role or access policy there."""),

dict(key="AG8", style="agent", form="context", kind="undocumented", category="limits", quals=["hsm", "oct2026"], flags=[],
question="Context: crsaskia has replicas in three regions, and its key sits in our Managed HSM hsm-saskia-dr. Question: does the ACR documentation give Managed HSM disaster-recovery guidance for geo-replicated registries?",
canonical=[L + "geo-replication-with-a-managed-hsm-key"],
related=[L + "geo-replication-works-with-cmk", L + "managed-hsm-is-not-available-everywhere"],
facts=["The docs state no other CMK-specific geo-replication limit"],
answer_facts=["was not updated for Managed HSM"],
truth="""Not documented: the ACR article on replicas was never revised for Managed HSM; for CMK registries it only points at Key Vault's own failover advice. Replicated CMK registries are fine in themselves, but the recovery of hsm-saskia-dr (its security domain, backups and where Managed HSM is offered) is yours to plan."""),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="howto", category="rotation", quals=[], flags=[], typo="acheive",
question="how do i acheive automatic key rotation on our existing cmk registry?",
canonical=[K + "switch-from-manual-to-automatic-rotation"],
related=[K + "automatic-rotation-with-a-versionless-key-id", K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy"],
facts=["rotating to a versioned ID pins the registry"],
answer_facts=["rotating to the versionless ID"],
truth="""Rotate the registry once to the versionless ID of its key (the kid without the last segment) with az acr encryption rotate-key --key-encryption-key; from then on it moves to new key versions by itself within an hour. The versions still have to come from Key Vault, for example from a rotation policy."""),

dict(key="S2", style="short", kind="value", category="keys", quals=[], flags=[], typo="strenght",
question="which rsa key strenght should the key for our new acr cmk have?",
canonical=[S + "step-5-create-an-rsa-key-and-capture-its-key-id"],
related=[O + "key-sizes-offered-by-key-vault", O + "which-key-types-and-sizes-are-supported"],
facts=["Only RSA and RSA-HSM keys work; EC keys are not supported"],
answer_facts=["The ACR docs name no size"],
truth="""None in particular: ACR names no key size. Key Vault offers RSA keys of 2048, 3072 and 4096 bits, any of which works, so pick the size your compliance policy asks for."""),

dict(key="S3", style="short", kind="yes", category="rotation", quals=[], flags=[], typo="simultanious",
question="can rotate-key swap both the key and the identity in one simultanious call?",
canonical=[K + "manual-rotation-with-az-acr-encryption-rotate-key"],
related=[K + "rotate-with-a-different-identity-or-the-system-assigned-identity"],
facts=["leaving out --identity keeps the current identity"],
answer_facts=["only the values you pass are changed"],
truth="""Yes: --key-encryption-key and --identity are both optional on az acr encryption rotate-key and only the values you pass change, so passing both switches key and identity in one update. The new identity must already be attached and able to use the new key before you run it."""),

dict(key="S4", style="short", kind="why", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="why doesn't az role assignment create give our uami use of the hsm key?",
canonical=[M + "local-rbac-roles-for-acr-encryption"],
related=[A + "grant-access-to-a-key-in-a-managed-hsm", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
facts=["Key Vault access policies do not exist on a Managed HSM"],
answer_facts=["govern management operations only"],
truth="""Because Azure RBAC assignments on a Managed HSM resource govern its management only; using a key is granted by the HSM's local RBAC. Give the identity the local role Managed HSM Crypto Service Encryption User with az keyvault role assignment create --hsm-name, scoped to /keys/<key-name>."""),

dict(key="S5", style="short", kind="no", category="limits", quals=["iac"], flags=[],
question="can we switch cmk off for our acr in the portal later?",
canonical=[O + "cmk-cannot-be-disabled-after-it-is-enabled"],
related=[L + "feature-compatibility-summary", O + "requirements-at-a-glance"],
facts=["Permanent for the life of the registry"],
answer_facts=["There is no command or portal switch"],
truth="""No: once a registry is encrypted with a customer-managed key the setting is permanent, with no command or portal switch to go back. You can change the key, version, vault and identity, but some customer-managed key must stay configured and reachable."""),

dict(key="S6", style="short", kind="undocumented", category="limits", quals=[], flags=[],
question="zone redundancy together with cmk on acr, is that supported",
canonical=[L + "feature-compatibility-summary"],
related=[L + "zone-redundancy-with-cmk-is-not-documented"],
facts=["whether the combination is supported is not stated in the official docs"],
answer_facts=["| zone redundancy | not documented |"],
truth="""Not documented: neither the CMK tutorials nor their limits mention zone redundancy at all. The CLI lets you pass --zone-redundancy Enabled next to --identity and --key-encryption-key (a preview flag that cannot be changed later), yet nothing says the pair is supported; try it in a test subscription or ask Microsoft."""),

dict(key="S7", style="short", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="rotate-key refuses the /secrets/kek-ilse uri from our managed hsm, fix",
canonical=[M + "managed-hsm-key-uris"],
related=[T + "managed-hsm-uri-is-not-a-key-uri"],
facts=["take the host from the HSM's hsmUri rather than typing it"],
answer_facts=["must point at a key"],
truth="""Pass the key's URI, not a secret's: https://<hsm-name>.managedhsm.azure.net/keys/kek-ilse (add /<version> to pin it), over HTTPS and read with az keyvault key show --hsm-name rather than typed. Managed HSM secret, certificate and bare HSM URIs are not accepted."""),

dict(key="S8", style="short", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question="after a clean-up removed our uami, check-health shows cmk_error; what now?",
canonical=[T + "check-health-reports-cmk_error"],
related=[L + "az-acr-check-health-and-cmk_error"],
facts=["It is a health-check error code, not a status the registry reports on its own"],
answer_facts=["rotate the key onto a different identity"],
truth="""Rotate the key onto a different identity that exists and can use the key: attach the system-assigned (or another user-assigned) identity, grant it access to the key, and run az acr encryption rotate-key with --identity pointing at it. CMK_ERROR means the registry cannot reach the identity its encryption is configured with, here the deleted one."""),

dict(key="S9", style="short", kind="value", category="limits", quals=[], flags=[],
question="from which notation version are signatures stored as tags on a cmk acr",
canonical=[L + "notation-signatures-on-cmk-registries"],
related=[L + "oci-referrers-api-is-not-supported"],
facts=["ORAS (v1.2.3) and Notation (1.2.0 and later)"],
answer_facts=["Notation 1.2.0 and later store signatures"],
truth="""Notation 1.2.0 and later: on a CMK registry they store signatures through the referrers tag schema, because such registries do not support the OCI Referrers API."""),

dict(key="S10", style="short", kind="howto", category="recovery", quals=["hsm", "oct2026"], flags=[],
question="how do we enable purge protection on the hsm behind our acr cmk?",
canonical=[M + "recover-a-deleted-managed-hsm-key-or-hsm"],
related=[V + "how-purge-protection-protects-the-registry"],
facts=["Purge protection is recommended here too"],
answer_facts=["it is a one-way switch"],
truth="""Use az keyvault update-hsm with --enable-purge-protection true for that Managed HSM. Once set it cannot be undone, which is the point: a deleted HSM or key then stays recoverable for its whole retention window, so nobody can destroy the registry's key early by purging it."""),

dict(key="S11", style="short", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="which local role must our key creator hold in the managed hsm?",
canonical=[M + "requirements-for-a-managed-hsm-key-store"],
related=[M + "local-rbac-roles-for-acr-encryption"],
facts=["Managed HSM Crypto User (or another key-creating role)"],
answer_facts=["for example Managed HSM Crypto User"],
truth="""Managed HSM Crypto User, or another key-creating local role; the registry identity itself needs only Managed HSM Crypto Service Encryption User on the key."""),

dict(key="S12", style="short", kind="howto", category="setup", quals=[], flags=[],
question="kv locked to selected networks: create the cmk key before az acr create?",
canonical=[S + "create-the-key-before-the-registry-for-restricted-vaults"],
related=[N + "create-the-key-before-the-registry-when-the-vault-is-locked-down"],
facts=["Create the vault and the key while your client can still reach the vault's data plane"],
answer_facts=["create the key ahead of the registry"],
truth="""Before: make the key while your machine can still talk to the vault (or from an allowed network), give the registry identity its role or policy, set the vault's bypass to AzureServices with default action Deny, and run az acr create with --identity and --key-encryption-key last."""),
]

# ---------------- off-topic ----------------
OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind="off-topic", category=OFF, subject="teslamate", near_miss=True,
question="""TeslaMate records the trips of our two company vehicles and runs on a small VM that pulls its image from our private container registry. Its ENCRYPTION_KEY setting, which it uses to encrypt the stored Tesla account credentials, ended up in a CI log that contractors can read. How do I change that key in TeslaMate without signing in to the Tesla account again and without losing the recorded drive history?""",
truth="""Not covered: changing the ENCRYPTION_KEY of TeslaMate is administration of that vehicle-logging app; customer-managed keys for Azure Container Registry are a different subject."""),
dict(key="X2", style="long", kind="off-topic", category=OFF, subject="owntracks", near_miss=True,
question="""Our field team reports locations with the OwnTracks app to a Recorder instance whose container image lives in our private container registry. The location payloads are encrypted with a key that is typed into every phone and into the Recorder. One phone was lost last week. How do I roll out a new encryption key to the remaining phones and the Recorder without losing location updates during the change?""",
truth="""Not covered: replacing the payload encryption key shared by OwnTracks phones and the Recorder is location-app configuration, unrelated to ACR encryption with customer-managed keys."""),
dict(key="X3", style="long", kind="off-topic", category=OFF, subject="ntfy", near_miss=True,
question="""We run ntfy for build notifications, and the server image comes from our private container registry. Web push in the browser relies on keys that ntfy generated at setup, and the private key among them was committed to a public repository by accident. How do I replace those web push keys on the ntfy server, and do subscribed browsers have to subscribe again afterwards?""",
truth="""Not covered: replacing the web push keys of an ntfy server is notification-service administration, outside customer-managed keys for Azure Container Registry."""),
dict(key="X4", style="long", kind="off-topic", category=OFF, subject="homarr", near_miss=True,
question="""Homarr is the dashboard our ops team opens every morning, and we deploy Homarr from our private container registry. It keeps the passwords of its integrations encrypted with a key that we set when we installed it, and that key is now visible on an internal wiki page with a wide audience. Can I change the encryption key of Homarr without entering every integration again, and what happens to the stored passwords if I simply swap it?""",
truth="""Not covered: rotating the key that Homarr uses for its stored integration passwords is dashboard-app administration; the ACR customer-managed key material does not deal with it."""),
dict(key="X5", style="long", kind="off-topic", category=OFF, subject="etesync", near_miss=True,
question="""We host an EteSync server for the calendars and contacts of our small office, using an image from our private container registry. One colleague forgot the encryption password of her account, and with it the key that protects her data. Can I, as the server admin, reset her encryption key or get her calendars back from the server side?""",
truth="""Not covered: lost account passwords and keys on an EteSync server are a question for that sync service; it has nothing to do with customer-managed keys in Azure Container Registry."""),
dict(key="X6", style="long", kind="off-topic", category=OFF, subject="linkwarden",
question="""We started saving research links in a self-hosted Linkwarden instance. For some sites the archived PDF and the screenshot come out empty, while the readable view of the same page looks fine. Which setting controls how long Linkwarden waits for a page to load before it archives it, and can I re-run the archiving for links that were saved already?""",
truth="""Not covered: archive timing in Linkwarden is a link-saving app setting with no connection to Azure Container Registry encryption."""),
dict(key="X7", style="agent", form="context", kind="off-topic", category=OFF, subject="gatus",
question="Context: our status page is a self-hosted Gatus instance that watches twelve endpoints. Question: how do I make Gatus alert only after three failed checks in a row?",
truth="""Not covered: alert thresholds in Gatus are monitoring-tool configuration, outside ACR customer-managed keys."""),
dict(key="X8", style="agent", form="imperative", kind="off-topic", category=OFF, subject="dozzle",
question="Explain how to let Dozzle show the logs of only two containers on a Docker host and hide all the others.",
truth="""Not covered: limiting which container logs Dozzle shows is log-viewer configuration, unrelated to the Azure Container Registry CMK topic."""),
dict(key="X9", style="agent", form="keywords", kind="off-topic", category=OFF, subject="listmonk",
question="listmonk double opt-in confirmation email wording, where to edit the template for new subscribers",
truth="""Not covered: editing the opt-in template of listmonk is newsletter-tool administration, not part of the ACR customer-managed key knowledge."""),
dict(key="X10", style="short", kind="off-topic", category=OFF, subject="spoolman",
question="how do i see the remaining filament per spool in spoolman?",
truth="""Not covered: filament tracking in Spoolman belongs to 3D-printing inventory software, far from ACR encryption."""),
dict(key="X11", style="short", kind="off-topic", category=OFF, subject="radicale",
question="radicale shared calendar for a group of users, how to set permissions",
truth="""Not covered: calendar permissions in Radicale are CalDAV server configuration, unrelated to registry encryption with customer-managed keys."""),
dict(key="X12", style="short", kind="off-topic", category=OFF, subject="valetudo",
question="can valetudo keep separate maps for two floors?",
truth="""Not covered: multi-floor maps in Valetudo are robot-vacuum firmware, not ACR customer-managed keys."""),
]

QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"acheive": "achieve", "strenght": "strength", "simultanious": "simultaneous"}
SHAPES = ["two_facts", "docker_push_output", "gitlab_job_log", "keyvault_audit_log", "java_exception",
          "asciidoc_runbook"]
SEED = 70
ID_PREFIX = "ah"

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
SPREAD_SETS = (69, 68)
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
    """(blind70.json text, blind70-meta.json text, blind70-first-canonicals.txt text)"""
    entries, meta = build()
    j = json.dumps(entries, indent=1, ensure_ascii=False) + "\n"
    m = json.dumps(meta, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    f = "\n".join(firsts) + "\n"
    return j, m, f


def main(out=HERE):
    j, m, f = render()
    for name, text in (("blind70.json", j), ("blind70-meta.json", m), ("blind70-first-canonicals.txt", f)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
