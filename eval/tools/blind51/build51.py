"""blind51 builder: holds the 60 questions (QUESTIONS) and writes blind51.json, blind51-meta.json and
blind51-first-canonicals.txt. render() returns the three files' exact text (check51.py compares it byte for byte)."""
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
# ---- ascii_diagram ----
dict(key="L1", style="long", kind="troubleshoot", category="network", quals=[], flags=["ascii_diagram", "two_facts"],
question="""crbirch's key has lived in kv-birch since spring. Last Tuesday the network team finished hardening the vault, and this is how they documented the result:

```text
build agents (10.40.8.0/24)  --->  kv-birch   [network rule]
crbirch  --- id-birch --->  kv-birch          [key birch-cmk, versionless]
kv-birch networkAcls: defaultAction=Deny, bypass=None
```

Since Wednesday every az acr import into crbirch ends in a 403, and the key version the agents created on Thursday still hasn't appeared in versionedKeyIdentifier. The identity's role on the vault was not touched. What in this picture blocks the registry, and once that is fixed, do we have to do anything on crbirch itself?""",
canonical=[N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry", N + "allow-trusted-services-and-deny-other-traffic"],
related=[T + "http-403-after-enabling-the-key-vault-firewall", N + "allow-your-own-clients-through-the-vault-firewall", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
facts=["If the 403 persists, open an Azure support case."],
answer_facts=["with the same identity and key", "this is the key vault's bypass"],
truth="bypass=None on kv-birch is what blocks it: with the default action Deny, Container Registry only gets through the vault firewall as a trusted Azure service, and the hardening switched that exception off, so imports and automatic rotation now fail with 403 even though the role is intact. Run az keyvault update -n kv-birch -g <resource group> --bypass AzureServices --default-action Deny; the agents' network rule can stay as it is. Then yes, one step on crbirch: re-apply the key configuration it already has, reading keyIdentifier and identity from az acr encryption show and passing them to az acr encryption rotate-key -n crbirch --key-encryption-key <that URI> --identity <that client ID>. The Thursday version should show up in versionedKeyIdentifier within about an hour. If the 403s carry on after that, open a support case."),

dict(key="L2", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "iac", "oct2026"], flags=["ascii_diagram"],
question="""We deploy crrowan with Bicep, and the deployment stops at the registry resource every time, with a message that the key is not usable by the identity. The key lives in our Managed HSM, which was activated last week. My sketch of what the pipeline sets up before the registry:

```text
id-rowan  --->  mhsm-rowan    Azure RBAC (IAM) on the HSM resource: Key Vault Crypto Service Encryption User
pipeline-sp  --->  mhsm-rowan    local role "Managed HSM Crypto User" at /keys
crrowan  --->  https://mhsm-rowan.managedhsm.azure.net/keys/rowan-kek
```

The key is an RSA-HSM key that allows wrap and unwrap, and the role assignment shows up fine under the HSM's Access control (IAM) blade. Which grant is id-rowan missing on the Managed HSM, and who is allowed to create it?""",
canonical=[T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
related=[M + "local-rbac-roles-for-acr-encryption", A + "grant-access-to-a-key-in-a-managed-hsm", T + "managed-hsm-role-assignment-not-yet-in-effect"],
facts=["Azure RBAC covers the HSM's management only"],
answer_facts=["key use only through its local rbac", "acr and the portal never create one"],
truth="The local one. An Azure role assignment made with az role assignment create on the HSM resource only governs management of mhsm-rowan and never grants key use, whichever role it names, so id-rowan has no usable access yet. A Managed HSM authorizes key use through its own local RBAC: assign Managed HSM Crypto Service Encryption User to id-rowan's principal ID at /keys/rowan-kek, for example az keyvault role assignment create --hsm-name mhsm-rowan --scope /keys/rowan-kek --assignee-object-id <principal ID> --assignee-principal-type MSI --role \"Managed HSM Crypto Service Encryption User\". Only a Managed HSM Administrator, Crypto Officer or Policy Administrator may write that assignment; pipeline-sp's Crypto User role is enough to create keys but not to grant. Neither the Bicep registry resource nor ACR creates it for you, so add it before the deployment, allow a few minutes for it to take effect, redeploy, and remove the useless Azure role."),

dict(key="L3", style="long", kind="why", category="iac", quals=["iac"], flags=["ascii_diagram"],
question="""Our Terraform stack for crlinden fails on the first apply and succeeds when the pipeline simply reruns it. I cut the output of terraform graph down to the edges that matter:

```text
azurerm_user_assigned_identity.enc  --->  azurerm_container_registry.linden
azurerm_key_vault_key.cmk  --->  azurerm_container_registry.linden
azurerm_user_assigned_identity.enc  --->  azurerm_role_assignment.enc_key
azurerm_key_vault.main  --->  azurerm_role_assignment.enc_key
```

The first run stops on the registry with Failed to access KeyId and a remark about Get, Wrap Key, Unwrap Key; the rerun ten minutes later goes through without a single change, and nobody edited permissions in between. Why does the registry fail the first time but not the second?""",
canonical=[C + "why-the-registry-needs-depends_on-on-the-role-assignment"],
related=[C + "complete-terraform-example-with-key-vault-role-assignment-and-registry", C + "common-terraform-and-bicep-errors-with-acr-encryption", T + "registry-creation-cannot-access-the-key"],
facts=["add `depends_on`, wait and re-apply"],
answer_facts=["may create both in parallel"],
truth="Because nothing in that graph makes azurerm_container_registry.linden wait for azurerm_role_assignment.enc_key. The registry references the identity and the key but not the grant, so Terraform builds the role assignment and the registry side by side, while the registry has to be able to use the key at the very moment it is created; on the first run the grant is missing or not yet effective, ten minutes later it is. Add depends_on = [azurerm_role_assignment.enc_key] to the registry. A brand-new assignment can still need a few minutes to apply, so some teams also place a time_sleep between grant and registry; that delay is a workaround, not a documented value."),

dict(key="L4", style="long", kind="undocumented", category="limits", quals=[], flags=["ascii_diagram"],
question="""Architecture review for crpine, our Premium registry with three replicas. Drawn the way the reviewer asked for it:

```text
replica westeurope     --->  kv-pine (westeurope)   key pine-cmk
replica northeurope    --->  kv-pine (westeurope)
replica swedencentral  --->  kv-pine (westeurope)
clients  --->  nearest replica
```

Her concern: if kv-pine or its region has a bad day, all three replicas lose their key together, so replication buys us nothing for that failure. She wants the ACR documentation's own word on keeping the key of a replicated CMK registry available, and on whether the docs put extra limits on replicating such a registry. What do they actually say?""",
canonical=[L + "geo-replication-works-with-cmk"],
related=[L + "geo-replication-with-a-managed-hsm-key", L + "feature-compatibility-summary", O + "soft-delete-and-purge-protection-on-the-key-vault"],
facts=["Follow Key Vault disaster-recovery guidance"],
answer_facts=["no other cmk-specific geo-replication limit", "follow azure key vault's failover and redundancy"],
truth="Not documented beyond one pointer: the geo-replication article confirms that a CMK registry can be replicated and tells CMK users to follow Azure Key Vault's failover and redundancy guidance for resilience, but it names no further CMK-specific limit for replication and describes no per-replica key setup. The reviewer's reading is consistent with that pointer, since every replica of crpine relies on the one key in kv-pine, so its availability matters in all three regions. Plan kv-pine's resilience with Key Vault's own disaster-recovery guidance, keep soft delete and purge protection on, and list the vault as a shared dependency in the DR plan."),

dict(key="L5", style="long", kind="howto", category="identity", quals=["iac"], flags=["ascii_diagram"],
question="""Where crmaple is today and where I want it by Friday:

```text
NOW:     crmaple  --->  id-maple-old (user-assigned)  --->  kv-maple (RBAC)   key maple-cmk
TARGET:  crmaple  --->  crmaple system-assigned identity  --->  kv-maple
```

id-maple-old lives in a subscription that is being decommissioned, so the identity has to go, and I'd rather not introduce yet another user-assigned one. Key and vault stay the same and should keep rotating automatically. I can work in the portal or with the CLI, whichever is safer. What is the order of steps from NOW to TARGET that never leaves crmaple without access to maple-cmk, and at which point can id-maple-old be deleted?""",
canonical=[K + "rotate-with-a-different-identity-or-the-system-assigned-identity"],
related=[I + "switch-to-the-registrys-system-assigned-identity-after-creation", I + "the-encryption-identity-cannot-simply-be-removed", I + "quote-system-in-shell-commands"],
facts=["Keep the original user-assigned identity attached and its access in place"],
answer_facts=["grant it key access first"],
truth="Attach, grant, rotate, verify, and only then delete. 1) Turn on crmaple's system-assigned identity: az acr identity assign -n crmaple --identities '[system]' (portal: Settings > Identity > System assigned, On). 2) Read its principal ID with az acr identity show -n crmaple --query principalId -o tsv and give it Key Vault Crypto Service Encryption User on kv-maple (az role assignment create --assignee-object-id <that ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <kv-maple resource ID>). 3) Point encryption at it with the versionless key ID so rotation stays automatic: az acr encryption rotate-key -n crmaple --key-encryption-key https://kv-maple.vault.azure.net/keys/maple-cmk --identity '[system]' (portal: Settings > Encryption > Change key). 4) Confirm that az acr encryption show now reports keyVaultProperties.identity as system. Only after that detach id-maple-old from crmaple and delete it; doing so earlier cuts the registry off from maple-cmk."),

# ---- guid_values (long) ----
dict(key="L6", style="long", kind="troubleshoot", category="iac", quals=["iac", "oct2026"], flags=["guid_values"],
question="""Our ARM template for cralder worked in the test subscription and fails in production with an error that the registry can't access the key, although the vault grant for id-alder is in place (a policy entry allowing get, wrap and unwrap). The only difference I can find is the identity value: in test someone hard-coded it, in production a parameter file feeds it. For id-alder, az identity show gives clientId 3f6c1e2a-8b47-4d0e-9a15-72c4e0b9d861 and principalId a9d2f4b7-1c3e-4f58-b6a0-5e8d7c2f1b34, and the production parameter file passes the second one. The encryption part of the template:

```json
"encryption": {
  "status": "enabled",
  "keyVaultProperties": {
    "identity": "[parameters('encIdentity')]",
    "keyIdentifier": "[parameters('kekUri')]"
  }
}
```

Is that identity value the culprit, and what should the template put there so it stops depending on someone pasting the right GUID?""",
canonical=[C + "arm-template-json-propertiesencryption-and-keyvaultproperties"],
related=[S + "set-up-cmk-with-an-arm-template", S + "the-enable-tutorials-own-template", I + "which-identity-value-goes-where"],
facts=["the identity's client ID is read with"],
answer_facts=["client id of the identity"],
truth="That parameter is the cause: keyVaultProperties.identity has to carry the identity's client ID (3f6c1e2a-8b47-4d0e-9a15-72c4e0b9d861 for id-alder), and a principal ID or resource ID in that field does not work; the principal ID only belongs in the vault grant, which is why that part is fine. Stop passing a GUID and let the template read it: \"identity\": \"[reference(<id-alder resource ID>, '2023-01-31').clientId]\", with identity.userAssignedIdentities listing id-alder's resource ID and the registry depending on the access policy resource. The tutorial's own template, rewritten in its October 2026 revision, also reads the client ID with reference() and spells the property keyIdentifier."),

dict(key="L7", style="long", kind="no", category="troubleshooting", quals=[], flags=["guid_values"],
question="""Our nightly compliance script compares each CMK registry's encryption identity with the identity we think it should use, and it flagged crolive. The script takes keyVaultProperties.identity from az acr encryption show, which returns 5b1e9c3d-42a7-4f8e-91d6-0a3c7b2e8f54, and compares it with the principalId of id-olive, which is d7f0a2e6-3b19-4c85-a4f2-96e1b0c5d273. They differ, so the script opens an incident and pages whoever is on call. Pulls and pushes on crolive are perfectly fine.

```text
$ az identity show -g rg-olive -n id-olive --query "[clientId, principalId]" -o tsv
5b1e9c3d-42a7-4f8e-91d6-0a3c7b2e8f54
d7f0a2e6-3b19-4c85-a4f2-96e1b0c5d273
```

Is crolive really encrypting through some identity other than id-olive?""",
canonical=[L + "check-the-encryption-status-of-a-registry"],
related=[S + "step-8-verify-the-encryption-status", I + "which-identity-value-goes-where", K + "check-which-key-version-the-registry-uses"],
facts=["client ID of the identity used to reach Key Vault, or `system`"],
answer_facts=["shows the identity (client id or system)"],
truth="No: keyVaultProperties.identity holds the client ID of the encryption identity (or the word system for a system-assigned one), never its principal ID, and 5b1e9c3d-42a7-4f8e-91d6-0a3c7b2e8f54 is id-olive's client ID, as the first line of your own az identity show output proves. crolive uses id-olive. Change the script to compare against clientId; the principal ID is what key access is granted to, so it belongs in a separate check of the vault grants."),

dict(key="L8", style="long", kind="howto", category="keys", quals=["iac"], flags=["guid_values"],
question="""A colleague's Bicep for crhazel is on my review list (kv-hazel is an RBAC vault). His role assignment uses the role definition 12338af0-0e69-4776-bea7-57ae8d297424, which he says is Key Vault Crypto User, while the module our platform team publishes uses e147488a-f6f5-4113-8e2d-b22465e65bf6. Both deployments work.

```bicep
resource encKeyGrant 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: hazelVault
  name: guid(hazelVault.id, encId.id, roleGuid)
  properties: {
    principalType: 'ServicePrincipal'
    principalId: encId.properties.principalId
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleGuid)
  }
}
```

Which role definition should the registry identity get, and is there any reason to keep his as well?""",
canonical=[A + "grant-access-with-an-azure-rbac-role"],
related=[A + "why-key-vault-crypto-user-is-not-needed", C + "bicep-registry-with-a-customer-managed-key", S + "option-a-azure-rbac-role-on-an-rbac-vault"],
facts=["grants more than the registry needs"],
answer_facts=["e147488a-f6f5-4113-8e2d-b22465e65bf6", "read the key and wrap and unwrap"],
truth="Use e147488a-f6f5-4113-8e2d-b22465e65bf6, the role definition ID of Key Vault Crypto Service Encryption User: it lets the identity read the key and wrap and unwrap with it, which is all the registry does, and it is the only Key Vault role the ACR docs use, scoped to the vault. Drop the other assignment rather than keep both. Key Vault Crypto User, the role your colleague names, allows general cryptographic operations such as encrypt, decrypt, sign and verify, so it works but hands the registry identity more than it needs. Keep principalType ServicePrincipal and the principal ID as in the snippet, and give the registry a dependsOn on this assignment."),

# ---- cost_amount (long) ----
dict(key="L9", style="long", kind="value", category="limits", quals=[], flags=["cost_amount"],
question="""Budget question before we roll CMK out to all 40 production registries. Each registry gets its own key in kv-finops-weu, and security wants a rotation policy that produces a new version every 30 days. Our FinOps model has exactly one line for all of this, "CMK add-on, $12 per registry per month", copied from an old slide that nobody can trace back to a source. Which charges does a setup like this really create, and which service bills each of them, so I can replace that line with something I can defend?""",
canonical=[L + "pricing-considerations"],
related=[K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", O + "cmk-requires-the-premium-sku", O + "rsa-hsm-keys-need-a-premium-key-vault"],
facts=["Key Vault charges for each automated rotation"],
answer_facts=["no separate charge for the cmk feature", "billed by key vault, not acr"],
truth="Three kinds, and none of them is an ACR add-on: the CMK documentation names no separate fee for the key feature itself, so that line has no basis. What you do pay is the Premium tier for every registry, which is the main cost of CMK, and Key Vault charges, billed by Key Vault rather than ACR: key operations, HSM-protected keys if you pick RSA-HSM (those need a Premium vault), and a charge for each automated rotation a rotation policy performs, so 40 keys on a 30-day policy add about 40 rotation charges a month. Take the unit prices from the Container Registry and Key Vault pricing pages; the CMK docs quote none."),

dict(key="L10", style="long", kind="yes", category="keys", quals=["hsm", "oct2026"], flags=["cost_amount"],
question="""Security now wants every registry key to be HSM-protected. crholly's key is a software RSA key in kv-holly, which is on the Standard tier. Finance approved roughly €40 a month extra for this, and two options are on the table: a Premium key vault, or the Managed HSM another department already runs. Before I pick one: do we really need a Premium vault for an HSM-protected key, and if we go with the shared Managed HSM instead, does the vault tier question simply disappear?""",
canonical=[O + "rsa-hsm-keys-need-a-premium-key-vault"],
related=[M + "key-vault-and-managed-hsm-compared", L + "pricing-considerations", K + "move-to-a-different-key-or-to-a-key-in-another-vault"],
facts=["RSA-HSM that permits `wrapKey` and `unwrapKey`"],
answer_facts=["supports software-protected rsa keys only", "there is no vault sku involved"],
truth="Yes: in a key vault, HSM-protected RSA-HSM keys exist only on the Premium tier, and a Standard vault like kv-holly can hold software RSA keys only, so staying with a vault means a Premium-tier vault. With the shared Managed HSM the tier question does go away, because every key there is HSM-backed, but other conditions replace it: the key must be RSA-HSM with wrapKey and unwrapKey allowed, crholly's identity needs the local role Managed HSM Crypto Service Encryption User at /keys/<key-name>, granted by an HSM administrator, and the HSM must be activated and reachable. Either way the costs are Key Vault's, not ACR's: a Premium vault pays for its HSM-protected keys, and a Managed HSM is billed for as long as it exists. Move crholly with az acr encryption rotate-key once the new key and its grant are in place."),

# ---- iso_duration (long) ----
dict(key="L11", style="long", kind="troubleshoot", category="rotation", quals=[], flags=["iso_duration"],
question="""Security set a rotation policy on the key behind crspruce last quarter:

```json
{
  "lifetimeActions": [
    { "trigger": { "timeAfterCreate": "P120D" }, "action": { "type": "Rotate" } },
    { "trigger": { "timeBeforeExpiry": "P30D" }, "action": { "type": "Notify" } }
  ],
  "attributes": { "expiryTime": "P18M" }
}
```

The policy did its part: a new version appeared on 2 December, and az keyvault key list-versions shows it enabled. But the registry hasn't moved:

```text
$ az acr encryption show -n crspruce --query "keyVaultProperties.[keyRotationEnabled, versionedKeyIdentifier]" -o tsv
False
https://kv-spruce.vault.azure.net/keys/spruce-cmk/a41c9e07d2b84f6e9c0d1b2a3f4e5d60
```

That was four days ago. Why is crspruce ignoring the versions the policy creates, and what makes it follow the P120D cycle without anyone touching it again?""",
canonical=[T + "registry-keeps-using-an-old-key-version"],
related=[K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", K + "switch-from-manual-to-automatic-rotation", K + "versioned-and-versionless-key-ids"],
facts=["it does not move the registry"],
answer_facts=["stays on that version until someone rotates"],
truth="keyRotationEnabled False means crspruce was given a versioned key ID, the a41c9e07... version, and a pinned registry stays on that version however many versions the policy adds; a rotation policy only creates versions and never moves a registry. Point crspruce at the versionless ID once: az acr encryption rotate-key -n crspruce --key-encryption-key https://kv-spruce.vault.azure.net/keys/spruce-cmk (leaving out --identity keeps the current identity). From then on keyRotationEnabled reads true and the registry picks up each P120D version within about an hour of its creation. With expiryTime at P18M, each version is replaced long before it expires."),

# ---- persona_prompt (long) ----
dict(key="L12", style="long", kind="howto", category="setup", quals=["hsm", "oct2026"], flags=["persona_prompt"],
question="""You are a senior Azure platform engineer who has done this many times. I'm new to Managed HSM and have to stand up crwillow, a Premium registry whose customer-managed key must live in mhsm-willow. The HSM was provisioned yesterday and nobody has touched it since; the user-assigned identity id-willow already exists. Walk me through the Managed HSM side of the work, in order, until az acr create can succeed, and which permissions each of those steps needs?""",
canonical=[S + "using-a-managed-hsm-key-instead-of-a-key-vault"],
related=[M + "requirements-for-a-managed-hsm-key-store", M + "provision-and-activate-the-managed-hsm", M + "local-rbac-roles-for-acr-encryption"],
facts=["Only these built-in roles can write role assignments"],
answer_facts=["steps 4 and 5 swap places", "activation is done by downloading"],
truth="Four steps, all before the registry exists. 1) Activate mhsm-willow: provisioning alone is not enough; an initial administrator downloads the security domain (at least three RSA wrapping keys and a quorum), and activationStatus must read Active before any key or role work. 2) With a key-creating local role such as Managed HSM Crypto User, create the key as RSA-HSM with wrapKey and unwrapKey allowed: az keyvault key create --hsm-name mhsm-willow --name willow-kek --kty RSA-HSM --ops wrapKey unwrapKey. 3) Have a Managed HSM Administrator, Crypto Officer or Policy Administrator assign Managed HSM Crypto Service Encryption User to id-willow's principal ID at /keys/willow-kek with az keyvault role assignment create --hsm-name mhsm-willow (principal type MSI); neither ACR nor the portal does this, and it can take several minutes to apply. 4) If the HSM firewall is on, allow trusted Azure services with az keyvault update-hsm --bypass AzureServices --default-action Deny. Then read the kid with az keyvault key show --hsm-name, drop the version for automatic rotation, and run az acr create --sku Premium --identity <id-willow resource ID> --key-encryption-key <that URI>."),

dict(key="L13", style="long", kind="troubleshoot", category="recovery", quals=[], flags=["persona_prompt", "two_facts"],
question="""Act as our incident commander for the next few minutes. A clean-up script deleted kv-poplar this morning, the RBAC vault holding crpoplar's key; we ran az keyvault recover half an hour later, and the vault and key are back, yet pulls from crpoplar still fail:

```text
$ az role assignment list --include-inherited --scope "$POPLAR_VAULT" -o table
(empty)
$ az keyvault key show --vault-name kv-poplar -n poplar-cmk --query attributes.enabled
true
$ docker pull crpoplar.azurecr.io/shop/web:7.1
... 403 Forbidden
```

What is still broken? And what is the next command we run?""",
canonical=[V + "recover-a-deleted-key-vault", V + "re-create-rbac-role-assignments-after-recovering-a-vault"],
related=[T + "key-vault-or-key-was-deleted", V + "restore-access-after-a-revocation", V + "how-purge-protection-protects-the-registry"],
facts=["Access policies are part of the vault and come back with it."],
answer_facts=["together with its keys", "does not bring them back"],
truth="The role assignments. Deleting kv-poplar deleted its Azure RBAC assignments with it, and az keyvault recover returns the vault and its keys but not those grants; the empty list confirms it. Next command: az role assignment create --assignee-object-id <principal ID of crpoplar's encryption identity> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <kv-poplar resource ID>, taking the principal ID from az identity show, or from az acr identity show if encryption uses the system-assigned identity. Nothing has to run on crpoplar; once the grant is effective, pulls work again. Re-create operator roles such as Key Vault Crypto Officer the same way, and turn on purge protection if kv-poplar lacks it."),

dict(key="L14", style="long", kind="undocumented", category="network", quals=[], flags=["persona_prompt"],
question="""Pretend you're the Microsoft support engineer on our case. Our landing zone puts every registry behind a private endpoint and turns its public network access off. crjuniper would be our first registry with a customer-managed key, kept in kv-juniper, which sits behind its own private endpoint with trusted services allowed. My architect wants a written statement that a CMK registry with its own private endpoint and no public access is a supported configuration. Can you give us that from the documentation, or is it something we have to prove ourselves?""",
canonical=[N + "registry-private-endpoints-and-cmk-are-not-covered-by-the-docs"],
related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", L + "feature-compatibility-summary", N + "create-the-key-before-the-registry-when-the-vault-is-locked-down"],
facts=["Without it the registry cannot reach the key."],
answer_facts=["neither lists that combination as supported"],
truth="Not documented: the ACR CMK documentation only covers the key store sitting behind a firewall, virtual network or private endpoint, where trusted Azure services must be allowed, and says nothing about a CMK registry that itself uses private endpoints or has public access disabled, neither as supported nor as a limitation. There is no sentence to quote: test the combination in a non-production subscription, and ask Microsoft support for written confirmation if the architect needs a guarantee. The key store rules apply regardless: kv-juniper keeps the trusted-services bypass, and crjuniper's identity needs its key access before the registry is created."),

# ---- plain long ----
dict(key="L15", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="""mhsm-ivy was provisioned yesterday by our landing-zone pipeline, with a colleague and me listed as administrators. Today every data-plane step of the crivy runbook fails: creating ivy-kek is refused, and the role assignment for id-ivy fails the same way. The pipeline's last step printed this:

```text
$ az keyvault show --hsm-name mhsm-ivy --query properties.securityDomainProperties.activationStatus -o tsv
NotActivated
```

What is the Managed HSM still missing before it accepts keys and local roles, and can one of us two fix that, or does it take someone else?""",
canonical=[T + "managed-hsm-is-not-activated"],
related=[M + "provision-and-activate-the-managed-hsm", M + "requirements-for-a-managed-hsm-key-store", T + "general-diagnostic-checklist"],
facts=["Only an initial administrator can do this."],
answer_facts=["accepts no data-plane requests"],
truth="Activation. A provisioned Managed HSM refuses every data-plane request, key creation and local role assignments included, until it has been activated, and NotActivated says that hasn't happened yet. Activation means downloading the security domain, which only an initial administrator can do, so either of you can run it: az keyvault security-domain download --hsm-name mhsm-ivy --sd-wrapping-keys <three to ten RSA public key files> --sd-quorum <n> --security-domain-file mhsm-ivy-sd.json. Keep that file and the matching private keys safe, because disaster recovery depends on them. Once activationStatus reads Active, resume the runbook: the RSA-HSM key with wrapKey and unwrapKey, then id-ivy's local role Managed HSM Crypto Service Encryption User at /keys/ivy-kek, then az acr create for crivy."),

dict(key="L16", style="long", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question="""I own the subscription and created kv-sorrel for crsorrel myself ten minutes ago with a current CLI, so I assumed I could do anything in it. The identity step went through, the key step does not:

```text
$ az keyvault key create -n sorrel-cmk --kty RSA --size 4096 --vault-name kv-sorrel
(Forbidden) Caller is not authorized ... (cut)
Inner error: {"code":"ForbiddenByRbac"}
```

Why doesn't Owner let me create a key in a vault I created myself, and what should I assign to myself? Should the registry identity get that same role while I'm at it?""",
canonical=[T + "operator-cannot-create-the-key-in-an-rbac-vault"],
related=[A + "your-own-permissions-to-create-keys-in-an-rbac-vault", A + "azure-cli-262-and-later-create-rbac-vaults-by-default", A + "grant-access-with-an-azure-rbac-role"],
facts=["Assigning roles requires Owner, User Access Administrator or Role Based Access Control Administrator at the vault scope."],
answer_facts=["managing the vault resource is not enough"],
truth="kv-sorrel uses the Azure RBAC permission model, which az keyvault create has picked by default since CLI 2.62.0, and there Owner is a management-plane role: it manages the vault resource but grants no data-plane access to keys. Give yourself a data-plane role such as Key Vault Crypto Officer on the vault (az role assignment create --assignee-object-id <your object ID> --assignee-principal-type User --role \"Key Vault Crypto Officer\" --scope <kv-sorrel resource ID>; Owner is allowed to assign it), wait a few minutes, and create the key again. Don't give crsorrel's identity Crypto Officer: it needs only Key Vault Crypto Service Encryption User."),

dict(key="L17", style="long", kind="troubleshoot", category="identity", quals=[], flags=["two_facts"],
question="""Tidying up crlarch's identities after a reorg. Two user-assigned identities are attached, and I tried to detach the older one:

```text
$ az acr identity remove -n crlarch --identities id-larch-2022
(BadRequest) Azure resource '.../registries/crlarch' does not have access to identity '4d2e...' Try forcibly adding the identity ... (cut)
```

id-larch-2022 is the identity named in the error, and it turns out to be the one in crlarch's encryption settings as well. The newer one, id-larch-2025, already has the vault's encryption role on kv-larch. What is the safe sequence to retire id-larch-2022 without breaking crlarch?""",
canonical=[T + "removing-the-encryption-identity-fails", I + "switch-to-a-different-user-assigned-identity"],
related=[I + "the-encryption-identity-cannot-simply-be-removed", T + "registry-identity-is-inactive-or-expired", I + "which-identity-value-goes-where"],
facts=["For the system-assigned identity in this state the docs direct you to an Azure support ticket."],
answer_facts=["removed after encryption has been moved", "should the old identity be detached"],
truth="The service refuses because id-larch-2022 is the identity crlarch uses to reach its key, and it can only be detached once encryption has moved to another identity. If the failed attempt left it detached, attach it again first (az acr identity assign -n crlarch --identities <id-larch-2022 resource ID>). Then move encryption to id-larch-2025, which is attached and already granted: az acr encryption rotate-key -n crlarch --key-encryption-key <the keyIdentifier crlarch already uses> --identity <id-larch-2025 resource ID>. Check that keyVaultProperties.identity in az acr encryption show now holds id-larch-2025's client ID, and only then run az acr identity remove for id-larch-2022. Had it been the system-assigned identity, the docs would send you to an Azure support ticket instead."),

dict(key="L18", style="long", kind="troubleshoot", category="keys", quals=["hsm", "oct2026"], flags=[],
question="""We keep one runbook for both key stores, and its RBAC-vault branch just failed on the grant for crsedge:

```text
$ az role assignment create --assignee-principal-type MSI --assignee-object-id "$ENC_OID" --scope "$VAULT_RID" --role e147488a-f6f5-4113-8e2d-b22465e65bf6
ERROR: ... 'MSI' is not a valid value ... Allowed values: User, Group, ServicePrincipal, ForeignGroup.
```

The same principal type works in the branch for our Managed HSM, so I copied it across. Is MSI wrong for a managed identity here? If so, what is the right value, and why does the HSM branch accept it?""",
canonical=[A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities"],
related=[T + "role-assignment-rejects-the-principal-type-or-the-assignee", M + "local-rbac-roles-for-acr-encryption", A + "grant-access-with-an-azure-rbac-role"],
facts=["`--assignee-principal-type MSI` marks it as a managed identity"],
answer_facts=["a managed identity counts as serviceprincipal there"],
truth="MSI is wrong for this command. az role assignment create, which writes Azure RBAC on a key vault, knows only User, Group, ServicePrincipal and ForeignGroup, and a managed identity counts as ServicePrincipal there, so pass --assignee-principal-type ServicePrincipal with the principal ID. MSI belongs to a different command, az keyvault role assignment create --hsm-name, which writes a Managed HSM's local RBAC assignments; that is why your HSM branch takes it. Keep the branches apart: the vault role scoped to the vault's resource ID, the HSM local role scoped to /keys/<key-name>."),

dict(key="L19", style="long", kind="howto", category="iac", quals=["hsm", "iac", "oct2026"], flags=[],
question="""Our platform standard says registries are deployed with the AVM Terraform module for container registries, and the new crquince must use a key from mhsm-quince (RSA-HSM, wrap and unwrap allowed, and id-quince has been granted its local role for that key). The provider is pinned to azurerm 4.48. I can't see how to hand the module an HSM key, since customer_managed_key wants a key_vault_resource_id. Does the module accept a Managed HSM key at all, and if not, what do I need in plain azurerm to build crquince with it?""",
canonical=[C + "managed-hsm-key-in-terraform"],
related=[C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs", C + "avm-terraform-module-customer_managed_key-variable", C + "azurerm-4x-removed-encryptionenabled-other-version-changes"],
facts=["Only Key Vault keys"],
answer_facts=["older versions reject any .managedhsm. uri", "id is the versionless uri"],
truth="The AVM module can't: both AVM modules take Key Vault keys only, so build crquince with azurerm resources directly, and raise the provider first, because azurerm refuses .managedhsm. URIs in key_vault_key_id before 4.65.0 (on 4.48 you get an error that Managed HSM IDs are not supported as Key Vault nested items). Then declare azurerm_container_registry with sku Premium, an identity block of type UserAssigned listing the identity's id, and an encryption block whose key_vault_key_id is the HSM key's id and whose identity_client_id is the identity's client_id. For azurerm_key_vault_managed_hardware_security_module_key the id is already the versionless URI (versioned_id pins a version). Make the registry depend on the local role assignment, which in Terraform is azurerm_key_vault_managed_hardware_security_module_role_assignment rather than azurerm_role_assignment."),

dict(key="L20", style="long", kind="howto", category="keys", quals=["hsm", "oct2026"], flags=[],
question="""Before the audit I want read-only proof that the encryption identities of our two CMK registries have exactly the key access they need. croak's identity should be able to get, wrap and unwrap through its policy entry on kv-oak, and crsumac's identity should hold the encryption role on sumac-kek in mhsm-sumac. Both principal IDs are in shell variables. For the HSM I ran a role assignment list with --scope /keys/sumac-kek and got an empty array, which surprised me because crsumac works fine. Which read-only commands show the grants in each store, and why can the HSM list come back empty for that scope while access still works?""",
canonical=[A + "verify-the-identitys-access"],
related=[M + "local-rbac-roles-for-acr-encryption", A + "grant-access-with-a-key-vault-access-policy", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
facts=["/keys: every key in the HSM."],
answer_facts=["no assignment at that exact scope"],
truth="For kv-oak, read the identity's policy: az keyvault show -n kv-oak --query \"properties.accessPolicies[?objectId=='<principal ID>'].permissions.keys\", which should list get, wrapKey and unwrapKey (case may differ). For the Managed HSM: az keyvault role assignment list --hsm-name mhsm-sumac --assignee-object-id <principal ID> --scope /keys/sumac-kek. An empty result there only means no assignment exists at exactly that scope; run the list again without --scope and check each roleName and scope. The identity most likely holds Managed HSM Crypto Service Encryption User at /keys or /, which covers sumac-kek as well. That works but reaches every key in the HSM, so for least privilege create the assignment at /keys/sumac-kek, give it a few minutes, and then delete the wider one."),

dict(key="L21", style="long", kind="howto", category="network", quals=["iac"], flags=[],
question="""New CMK registry crtamarack, and security's rule for kv-tamarack is strict: private endpoint only and default action Deny, from day one. We build everything by clicking through the portal, the key included. Last time a different team tried to create the key from within the portal's registry wizard, the browser couldn't reach the locked vault, and they ended up opening it to the internet for an afternoon. In what order do we create the vault, the key, the grant and the registry so that kv-tamarack never has to be opened up?""",
canonical=[S + "create-the-key-before-the-registry-for-restricted-vaults"],
related=[N + "create-the-key-before-the-registry-when-the-vault-is-locked-down", N + "the-portal-key-picker-and-a-key-store-firewall", N + "allow-trusted-services-and-deny-other-traffic"],
facts=["Create the vault and the key while your client can still reach the vault's data plane"],
answer_facts=["create the key ahead of the registry"],
truth="Create the key before the registry, from a network that can reach the vault, and let ACR in through the trusted-services exception rather than through the network. Order: 1) create kv-tamarack and the key from a machine that reaches the vault through its private endpoint, so the data-plane call never needs public access; 2) grant crtamarack's user-assigned identity access (Key Vault Crypto Service Encryption User on an RBAC vault, or get, wrapKey and unwrapKey in an access policy); 3) turn on Allow trusted Microsoft services to bypass this firewall, with the default action Deny, under Networking > Firewalls and virtual networks; 4) create the registry. On its Encryption tab use Enter key URI with the key ID instead of the key picker, because the picker lists keys from your browser and fails outside the allowed network."),

dict(key="L22", style="long", kind="howto", category="recovery", quals=["hsm", "oct2026"], flags=["two_facts"],
question="""We finished this quarter's revocation drill an hour ago. Three registries were cut off, one per key store type, exactly as the runbook says: for crteak we deleted the access policy on kv-teak, for crwalnut the Crypto Service Encryption User assignment on kv-walnut (an RBAC vault), and for crcypress the local role at /keys/cypress-kek in the Managed HSM mhsm-cypress. All three stopped serving images, as expected. The restore part of the runbook just says "undo step 4", which is useless at two in the morning. What exactly do we run to bring each registry back, and do the registries themselves need a command afterwards?""",
canonical=[V + "restore-access-after-a-revocation", M + "revoke-access-to-a-managed-hsm-key"],
related=[V + "what-revocation-does-to-the-registry", V + "revoke-access-to-a-key-in-a-managed-hsm", T + "registry-access-lost-after-key-permissions-were-revoked"],
facts=["Revocation is reversible as long as the key still exists or can be recovered"],
answer_facts=["no registry command is needed", "giving access back, or recovering the key"],
truth="Give each identity back exactly the grant it lost, in its store's model. crteak: az keyvault set-policy -n kv-teak -g <resource group> --object-id <principal ID> --key-permissions get unwrapKey wrapKey. crwalnut: az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <kv-walnut resource ID>. crcypress: az keyvault role assignment create --hsm-name mhsm-cypress --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id <principal ID> --assignee-principal-type MSI --scope /keys/cypress-kek, the same scope as before. No registry command is needed: once each grant is effective (Managed HSM local roles can take several minutes), the registry picks its key up again by itself; az acr encryption show is only for checking."),

dict(key="L23", style="long", kind="howto", category="iac", quals=["iac"], flags=[],
question="""I'm moving crchestnut's deployment from a hand-written ARM template to Bicep. The old template pinned the key version and depended only on the identity, and twice this year someone forgot to bump the version after a rotation. Draft of the new registry resource:

```bicep
resource chestnutAcr 'Microsoft.ContainerRegistry/registries@2025-11-01' = {
  name: 'crchestnut'
  location: rgLocation
  sku: { name: 'Premium' }
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${encId.id}': {} } }
  properties: {
    encryption: {
      status: 'enabled'
      keyVaultProperties: {
        identity: encId.properties.clientId
        keyIdentifier: cmk.properties.keyUriWithVersion
      }
    }
  }
}
```

The role assignment resource, keyGrant, sits above it in the same file. How do I change this so crchestnut follows new key versions on its own and never races the role assignment on a fresh deployment?""",
canonical=[C + "bicep-registry-with-a-customer-managed-key"],
related=[C + "common-terraform-and-bicep-errors-with-acr-encryption", K + "versioned-and-versionless-key-ids", C + "arm-template-json-propertiesencryption-and-keyvaultproperties"],
facts=["registry deployed in parallel with the role assignment"],
answer_facts=["what makes the grant exist first", "keyuri is the versionless key uri"],
truth="Two edits. Set keyIdentifier to cmk.properties.keyUri, the versionless URI, instead of keyUriWithVersion, so crchestnut checks the key itself and moves to each new version within about an hour, with no redeployment per rotation. And add dependsOn: [ keyGrant ] to the registry: it references the identity and the key but not the role assignment, so without that explicit dependency Bicep can deploy both at once and a new registry fails because its identity can't use the key yet. Keep identity as the client ID, as you have it. On the existing crchestnut, switching keyIdentifier to the versionless URI is an ordinary update, the template counterpart of rotate-key."),

dict(key="L24", style="long", kind="howto", category="limits", quals=[], flags=[],
question="""Our release pipeline starts an ACR task on crbaobab for every merge, and when a build breaks overnight the developers read the run output the next morning. Since crbaobab moved to a customer-managed key, those logs are usually gone by then:

```text
$ az acr task list-runs -r crbaobab --top 1 -o table
RUN ID    TASK         PLATFORM    STATUS    TRIGGER    STARTED               DURATION
cb7f      build-api    linux       Failed    Manual     2026-12-03T23:41:09Z  00:02:17
```

At nine the next morning, az acr task logs for cb7f gives us nothing. Is there a setting to keep them longer? If not, how do we make sure every run's log survives until someone has read it?""",
canonical=[T + "task-run-logs-disappear-after-24-hours"],
related=[L + "export-task-run-logs-before-they-expire", L + "acr-tasks-run-logs-are-kept-for-only-24-hours", L + "feature-compatibility-summary"],
facts=["copy them out while they exist"],
answer_facts=["already aged out cannot be retrieved"],
truth="There is no such setting: on a registry encrypted with a customer-managed key, ACR Tasks keeps run logs for 24 hours only, nothing extends that, and logs that have aged out can't be fetched any more. Export each log while it exists, from the pipeline that starts the run: once the task finishes, run az acr task logs --registry crbaobab --run-id <run ID> and write the output to a file, a build artifact or whatever log store your team keeps. For runs the pipeline doesn't start, a scheduled job that lists recent runs with az acr task list-runs -r crbaobab and saves each log well inside the 24 hours does the same."),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="why", category="setup", quals=[], flags=["cost_amount"],
question="why does cmk force our acr onto premium, about $50 more a month?",
canonical=[O + "cmk-requires-the-premium-sku"], related=[L + "pricing-considerations", T + "cmk-needs-the-premium-tier", O + "requirements-at-a-glance"],
facts=["The registry must be Premium, which is the main cost of choosing CMK."], answer_facts=["customer-managed keys are a premium-tier feature"],
truth="Because customer-managed keys are offered only in the Premium tier: Basic and Standard registries can't use one at all, and the service turns down a CMK registry requested on another tier. That tier's price is therefore the main cost of CMK; the ACR docs list no separate charge for the key feature itself, and Key Vault bills its own key operations."),
dict(key="S2", style="short", kind="no", category="setup", quals=[], flags=["cost_amount"],
question="must we pay €300/yr for cmk to get our acr encrypted at rest?",
canonical=[O + "default-encryption-at-rest-without-a-cmk"], related=[O + "what-customer-managed-key-encryption-adds-to-a-registry", O + "cmk-requires-the-premium-sku", L + "pricing-considerations"],
facts=["It adds a second layer on top of it"], answer_facts=["not needed to get encryption at rest"],
truth="No: every registry's content is already encrypted at rest with keys Microsoft manages, with nothing to turn on and nothing extra to pay for it. A CMK only adds a second layer with a key you control, on the Premium tier and chosen at creation, so take it only when you need that control."),
dict(key="S3", style="short", kind="value", category="rotation", quals=[], flags=["iso_duration"],
question="kv rotation policy p30d: when does our acr switch to each new version?",
canonical=[K + "automatic-rotation-with-a-versionless-key-id"], related=[K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", K + "versioned-and-versionless-key-ids", T + "registry-keeps-using-an-old-key-version"],
facts=["Automatic rotation only means the registry **follows** new versions"], answer_facts=["within one hour of it appearing"],
truth="Within an hour (PT1H) of each new version appearing, provided the registry was configured with the versionless key ID, because it polls the key store itself. With a versioned ID it never switches on its own, whatever the P30D policy produces, until someone runs az acr encryption rotate-key."),
dict(key="S4", style="short", kind="value", category="rotation", quals=[], flags=["iso_duration"],
question="is p3d too short for the acr key's kv rotation policy? what's the floor?",
canonical=[K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy"], related=[K + "how-often-to-rotate", L + "pricing-considerations", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["Durations are ISO 8601"], answer_facts=["shortest allowed rotation interval is 7 days"],
truth="Seven days, written P7D: that is the shortest interval a Key Vault rotation policy allows, so P3D won't do. Managing the policy takes Key Vault Crypto Officer on an RBAC vault (or the rotate, getrotationpolicy and setrotationpolicy permissions in an access policy), and Key Vault charges for every automated rotation."),
dict(key="S5", style="short", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["persona_prompt"],
question="you're an azure expert: how do we revoke acr's managed hsm key access?",
canonical=[V + "revoke-access-to-a-key-in-a-managed-hsm"], related=[M + "revoke-access-to-a-managed-hsm-key", V + "what-revocation-does-to-the-registry", V + "restore-access-after-a-revocation"],
facts=["There is no partial revocation per repository."], answer_facts=["the same scope where it was created"],
truth="Delete the registry identity's local role assignment where it was made, normally on the key: list it, then az keyvault role assignment delete --hsm-name <hsm> --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id <principal ID> --scope /keys/<key-name>. An assignment at /keys or / survives that and has to go too. All registry data stays blocked until access is restored; deleting the key is the other route."),
dict(key="S6", style="short", kind="yes", category="keys", quals=["oct2026"], flags=["persona_prompt"],
question="act as a key vault specialist: can acr use an imported byok key?",
canonical=[O + "bring-your-own-key-byok"], related=[O + "which-key-types-and-sizes-are-supported", M + "managed-hsm-is-a-supported-key-store-for-acr-cmk"],
facts=["Supported key types: **RSA** and **RSA-HSM**."], answer_facts=["both key stores support both"],
truth="Yes: the key can be generated in the key store or created outside Azure and imported (bring your own key), in a Key Vault vault and in a Managed HSM alike, and the registry then refers to it by its key URI. It still has to be RSA or RSA-HSM, and RSA-HSM with wrapKey and unwrapKey in a Managed HSM."),
dict(key="S7", style="short", kind="howto", category="keys", quals=[], flags=[], typo="exisiting",
question="exisiting kv holding the acr key: rbac or access policies, how do i check?",
canonical=[A + "which-permission-model-does-my-key-vault-use"], related=[A + "two-supported-ways-to-grant-key-access", T + "set-policy-fails-on-an-rbac-key-vault", T + "role-assignment-has-no-effect-on-an-access-policy-vault"],
facts=["Access policies on it are ignored"], answer_facts=["the vault uses access policies"],
truth="Read one property: az keyvault show -n <vault> -g <resource group> --query properties.enableRbacAuthorization -o tsv. If it prints true, the vault runs on Azure RBAC, its access policies are ignored and set-policy refuses to run, so the registry identity gets a role assignment instead; if it prints false or nothing, the vault works with access policies, a role assignment would do nothing there, and the identity needs a policy entry with get, wrapKey and unwrapKey."),
dict(key="S8", style="short", kind="troubleshoot", category="identity", quals=[], flags=[], typo="sytem",
question="zsh: no matches found: [system] when assigning the acr sytem identity",
canonical=[I + "quote-system-in-shell-commands"], related=[T + "system-assigned-identity-rejected-at-registry-creation", I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
facts=["`no matches found: [system]`"], answer_facts=["write it in single quotes"],
truth="zsh reads the unquoted [system] as a glob and stops before az even runs. Quote it: az acr identity assign -n <registry> --identities '[system]', and likewise --identity '[system]' on rotate-key. In bash an unquoted [system] can silently become a one-letter file name such as s or m."),
dict(key="S9", style="short", kind="undocumented", category="limits", quals=[], flags=[], typo="premum",
question="can a cmk acr be moved from premum down to standard later?",
canonical=[L + "changing-the-sku-of-a-cmk-registry-is-not-documented"], related=[O + "cmk-requires-the-premium-sku", T + "cmk-needs-the-premium-tier", O + "cmk-cannot-be-disabled-after-it-is-enabled"],
facts=["lower tiers don't offer CMK"], answer_facts=["the docs do not say whether"],
truth="Not documented: SKU changes are allowed in general, but nothing says whether a CMK registry may leave Premium, and CMK is Premium-only and can't be switched off. Don't count on it; ask Azure support before trying."),
dict(key="S10", style="short", kind="troubleshoot", category="keys", quals=[], flags=[],
question="acr create rejects our ec-hsm p-384 key as the cmk",
canonical=[T + "elliptic-curve-key-rejected"], related=[O + "which-key-types-and-sizes-are-supported", O + "rsa-hsm-keys-need-a-premium-key-vault"],
facts=["Supported key types: **RSA** and **RSA-HSM**."], answer_facts=["supports only rsa and rsa-hsm keys"],
truth="Registry encryption accepts only RSA and RSA-HSM keys; elliptic-curve keys are not supported on any curve. Create an RSA key instead (RSA-HSM needs a Premium vault or a Managed HSM), grant the identity on it if it sits in another store, and pass its key ID to az acr create."),
dict(key="S11", style="short", kind="value", category="recovery", quals=[], flags=[],
question="soft delete retention range and default for the kv behind our acr",
canonical=[O + "soft-delete-and-purge-protection-on-the-key-vault"], related=[V + "recover-a-deleted-key", V + "how-purge-protection-protects-the-registry"],
facts=["Purge protection is recommended, not required"], answer_facts=["7 to 90 days (90 by default"],
truth="7 to 90 days, 90 unless a shorter period was set with --retention-days. Soft delete itself is always on; purge protection additionally stops anyone from purging a deleted key or vault before that period ends."),
dict(key="S12", style="short", kind="yes", category="limits", quals=[], flags=[],
question="can we sign images with notation on a cmk encrypted acr?",
canonical=[L + "docker-content-trust-is-being-retired-use-notation"], related=[L + "notation-signatures-on-cmk-registries", L + "oci-referrers-api-is-not-supported", L + "docker-content-trust-is-not-supported"],
facts=["fall back to the **referrers tag schema**"], answer_facts=["notation works on cmk registries"],
truth="Yes: Notation works on a CMK registry; version 1.2.0 and later keep the signatures in the referrers tag schema because the OCI Referrers API isn't available there. Docker Content Trust, by contrast, can't be enabled on a CMK registry."),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="A1", style="agent", form="context", kind="why", category="hsm", quals=["hsm", "oct2026"], flags=["cost_amount"],
question="Context: we moved crfir's key from mhsm-fir to a key vault and deleted mhsm-fir two weeks ago, yet this month's invoice still shows about €2,900 for it. Question: why is a deleted Managed HSM still billed, and how do we stop the charge?",
canonical=[M + "recover-a-deleted-managed-hsm-key-or-hsm"], related=[L + "pricing-considerations", V + "recover-a-deleted-managed-hsm", O + "soft-delete-and-purge-protection-on-the-key-vault"],
facts=["A Managed HSM is billed for as long as it exists"], answer_facts=["keeps being billed until it is recovered", "because its hardware stays allocated"],
truth="Because deleting a Managed HSM only soft-deletes it, and it stays billable for as long as it sits in that state, since the HSM hardware remains reserved, until someone recovers or purges it. After confirming with az acr encryption show that crfir no longer points at it, purge mhsm-fir (az keyvault purge --hsm-name mhsm-fir --location <region>, which needs the Azure role Managed HSM Contributor); that removes every key in it for good. If mhsm-fir had purge protection on, it can't be purged early and the charge runs until its retention period ends."),
dict(key="A2", style="agent", form="context", kind="howto", category="rotation", quals=[], flags=["guid_values"],
question="Context: craspen will encrypt through id-aspen from now on; the portal shows client ID 0c5d7e91-2a64-4b3f-8e10-d9f2a6c4b578 and object ID 8e61b2c0-7f35-4a9d-b2e4-1c08f5d3a697. Question: which goes into az acr encryption rotate-key --identity, and which into the vault grant?",
canonical=[K + "manual-rotation-with-az-acr-encryption-rotate-key"], related=[I + "which-identity-value-goes-where", I + "how-rotate-key-interprets-the---identity-value", A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities"],
facts=["It does not attach the identity to the registry"], answer_facts=["client id, user-assigned identity resource id"],
truth="Pass the client ID 0c5d7e91-2a64-4b3f-8e10-d9f2a6c4b578 to --identity (the resource ID or name works too, and the CLI stores the client ID either way); grant key access to the object (principal) ID 8e61b2c0-7f35-4a9d-b2e4-1c08f5d3a697, for example with az role assignment create --assignee-object-id and Key Vault Crypto Service Encryption User on the vault. Attach id-aspen to craspen first, because rotate-key doesn't attach it."),
dict(key="A3", style="agent", form="context", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["guid_values"],
question="Context: I gave id-cedar the local role on mhsm-cedar with --assignee-object-id 1f3c8a52-6d09-4e7b-b2c1-9a4e5f0d7c36, its client ID; its principal ID is 6b72e0d4-8c15-4a93-9f6e-3d2b1a0c5e87. Question: why can't crcedar be created with the Managed HSM key although I granted the role?",
canonical=[M + "local-rbac-roles-for-acr-encryption"], related=[T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope", I + "which-identity-value-goes-where", T + "managed-hsm-role-assignment-not-yet-in-effect"],
facts=["an assignment for the wrong principal"], answer_facts=["the role goes to the identity's principal"],
truth="The grant went to the wrong ID: Managed HSM local role assignments must name the identity's principal (object) ID, so the one for 1f3c8a52-6d09-4e7b-b2c1-9a4e5f0d7c36 doesn't cover id-cedar. Run az keyvault role assignment create --hsm-name mhsm-cedar again with --assignee-object-id 6b72e0d4-8c15-4a93-9f6e-3d2b1a0c5e87 --assignee-principal-type MSI, role Managed HSM Crypto Service Encryption User, scope /keys/<key-name>, wait several minutes, retry the create, and delete the stray assignment."),
dict(key="A4", style="agent", form="imperative", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["iso_duration"],
question="Write the Azure CLI call that gives yew-kek in the Managed HSM mhsm-yew a rotation policy creating a new version every P60D with versions expiring after P1Y, and say which version cryew uses afterwards",
canonical=[K + "create-a-new-version-in-a-managed-hsm"], related=[M + "rotate-a-managed-hsm-key", K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", K + "check-which-key-version-the-registry-uses"],
facts=["a policy cannot rotate more often than every 28 days"], answer_facts=["covers every version of the key"],
truth="az keyvault key rotation-policy update --hsm-name mhsm-yew --name yew-kek --value '{\"lifetimeActions\":[{\"trigger\":{\"timeAfterCreate\":\"P60D\"},\"action\":{\"type\":\"Rotate\"}}],\"attributes\":{\"expiryTime\":\"P1Y\"}}', run by someone holding Managed HSM Crypto User. P60D is allowed in a Managed HSM, whose minimum is 28 days (P28D). If cryew has the versionless key URI it moves to each new version within an hour; with a versioned URI it stays on the old one until az acr encryption rotate-key. The local role at /keys/yew-kek already covers every new version."),
dict(key="A5", style="agent", form="keywords", kind="value", category="rotation", quals=[], flags=["iso_duration"],
question="acr cmk mandated rotation interval per microsoft docs, auditor suggests P365D, shortest interval a kv rotation policy accepts",
canonical=[K + "how-often-to-rotate"], related=[K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", M + "rotate-a-managed-hsm-key"],
facts=["allow anything from 7 days up"], answer_facts=["they give no fixed rotation frequency"],
truth="None is mandated: the ACR docs give no fixed rotation frequency and only recommend rotating key versions regularly on the schedule your compliance policy sets, so P365D is fine if your policy says so. The shortest interval a Key Vault rotation policy accepts is P7D (28 days in a Managed HSM)."),
dict(key="A6", style="agent", form="imperative", kind="howto", category="identity", quals=[], flags=[],
question="List the steps to move crsequoia's encryption from the user-assigned id-sequoia-a to id-sequoia-b, with the key in the RBAC vault kv-sequoia, without any gap in key access",
canonical=[I + "switch-to-a-different-user-assigned-identity"], related=[K + "rotate-with-a-different-identity-or-the-system-assigned-identity", I + "the-encryption-identity-cannot-simply-be-removed", I + "which-identity-value-goes-where"],
facts=["should the old identity be detached"], answer_facts=["grant it access to the key"],
truth="1) Attach id-sequoia-b: az acr identity assign -n crsequoia --identities <id-sequoia-b resource ID>. 2) Give its principal ID Key Vault Crypto Service Encryption User on kv-sequoia. 3) az acr encryption rotate-key -n crsequoia --key-encryption-key <current key URI> --identity <id-sequoia-b resource ID>. 4) Once az acr encryption show reports id-sequoia-b's client ID, remove id-sequoia-a's vault access and detach it."),
dict(key="A7", style="agent", form="context", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="Context: az acr create for crhemlock fails when I pass https://mhsm-hemlock.managedhsm.azure.net/ as --key-encryption-key. Question: why is that Managed HSM URI refused, and where do I read the correct one?",
canonical=[T + "managed-hsm-uri-is-not-a-key-uri"], related=[M + "managed-hsm-key-uris", O + "the-key-encryption-key-kek-and-its-identifier", K + "versioned-and-versionless-key-ids"],
facts=["take the host from the HSM's hsmUri rather than typing it"], answer_facts=["only the https uri of a key"],
truth="That is the bare address of the Managed HSM, not a key: the value must be the HTTPS URI of a key, https://mhsm-hemlock.managedhsm.azure.net/keys/<key-name>, optionally followed by /<version>. Read it rather than typing it: az keyvault key show --hsm-name mhsm-hemlock --name <key-name> --query key.kid -o tsv gives the versioned kid; cut the last segment for automatic rotation. The CLI passes any string through, so only the service rejects a malformed one."),
dict(key="A8", style="agent", form="keywords", kind="value", category="identity", quals=[], flags=[],
question="acr cmk identity left inactive after an aborted removal attempt, time until pulls and pushes start failing, command to fix it",
canonical=[I + "the-encryption-identity-cannot-simply-be-removed"], related=[T + "registry-identity-is-inactive-or-expired", T + "removing-the-encryption-identity-fails"],
facts=["Reassign the identity manually"], answer_facts=["usually after about three months"],
truth="Usually about three months: the aborted removal stops the identity from being renewed, pulls and pushes keep working until it expires, and then they fail with 403 and a message that the identity is inactive. Fix it by attaching it again: az acr identity assign -n <registry> --identities <identity resource ID>."),
dict(key="A9", style="agent", form="context", kind="yes", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="Context: crelm encrypts with a key in kv-elm through id-elm, and security wants it on elm-kek in the Managed HSM mhsm-elm instead, same identity. Question: can rotate-key move an existing registry from a vault key to a Managed HSM key?",
canonical=[K + "move-to-a-different-key-or-to-a-key-in-another-vault"], related=[K + "manual-rotation-with-az-acr-encryption-rotate-key", A + "access-to-a-key-in-a-second-key-vault", M + "rotate-a-managed-hsm-key"],
facts=["Keep the old vault and key, with access"], answer_facts=["a local role on that key"],
truth="Yes: az acr encryption rotate-key takes a Managed HSM key URI too, so crelm moves without being recreated. First make sure elm-kek is RSA-HSM with wrapKey and unwrapKey, and give id-elm the local role Managed HSM Crypto Service Encryption User at /keys/elm-kek (ACR won't create it); then run rotate-key with https://mhsm-elm.managedhsm.azure.net/keys/elm-kek. Keep kv-elm and its grant until az acr encryption show reports the new key."),
dict(key="A10", style="agent", form="imperative", kind="no", category="setup", quals=["iac"], flags=["two_facts"],
question="Check whether az acr update, or redeploying our ARM template with an encryption section added, can switch the existing Premium registry crmagnolia to a customer-managed key",
canonical=[O + "cmk-can-only-be-enabled-when-the-registry-is-created", C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep"], related=[O + "moving-an-existing-registry-to-cmk", T + "key-rotation-fails-on-a-registry-without-cmk"],
facts=["Redeploying a Bicep or ARM template with `encryption` added hits the same rule."], answer_facts=["no way to turn it on afterwards", "hits the same rule"],
truth="No: a registry gets its customer-managed key only when it is created. az acr update offers no key or identity option at all, rotate-key fails on a registry without CMK, and a redeployed template with encryption added runs into the same service rule. Create a new Premium CMK registry and copy the images across with az acr import."),
dict(key="A11", style="agent", form="keywords", kind="no", category="iac", quals=["hsm", "iac", "oct2026"], flags=[],
question="avm bicep container registry module customerManagedKey, does it accept a managed hsm key for a new registry or only key vault keys",
canonical=[C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs"], related=[C + "avm-bicep-module-customermanagedkey-parameter", C + "bicep-registry-with-a-customer-managed-key", M + "limits-and-open-points-with-managed-hsm"],
facts=["resource ID of the key vault (a vault, not a Managed HSM)"], answer_facts=["azurerm from 4.65.0; neither avm module"],
truth="No: the AVM Bicep module's customerManagedKey takes keyVaultResourceId, the resource ID of a key vault, plus keyName, so it can't point at a Managed HSM key; neither AVM module supports one. Deploy the registry resource directly with keyVaultProperties.keyIdentifier set to the HSM key URI, after the local role is in place."),
dict(key="A12", style="agent", form="imperative", kind="undocumented", category="limits", quals=[], flags=[],
question="Tell me whether the ACR docs say a customer-managed key registry can also use zone redundancy, since az acr create took --zone-redundancy Enabled for crfig without complaint",
canonical=[L + "zone-redundancy-with-cmk-is-not-documented"], related=[L + "feature-compatibility-summary", N + "registry-private-endpoints-and-cmk-are-not-covered-by-the-docs"],
facts=["Zone redundancy | Not documented"], answer_facts=["do not mention zone redundancy"],
truth="Not documented: the CMK articles don't mention zone redundancy either way, and the CLI accepting the flag next to the CMK options proves nothing about support. The setting can't be changed after creation, so test it in a non-production subscription or confirm with Azure support before relying on it."),
]

OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind="off-topic", category=OFF, subject="buildah", near_miss=True,
question="""We build our images with buildah and push them encrypted to our private registry with `buildah push --encryption-key jwe:/etc/keys/layers-pub.pem`; the edge nodes decrypt on pull with the matching private key. That private key was on a laptop that has gone missing, so we need a new key pair. What is the cleanest way to rotate it: re-encrypt every image already in the registry for the new recipient, or can an image carry both public keys during the transition so that nodes holding either private key can still pull?""",
truth="Not covered: encrypting image layers with buildah and rotating the JWE key pair that decrypts them is an OCI image-encryption topic, separate from Azure Container Registry's customer-managed key encryption at rest."),
dict(key="X2", style="long", kind="off-topic", category=OFF, subject="airflow", near_miss=True,
question="""Our Airflow deployment pulls task images from a private container registry, and the registry password sits in an Airflow connection that is encrypted in the metadata database with the Fernet key. That key was printed in a CI log last week, so it has to change. If I put the new key in front of the old one in the fernet_key setting and run the rotate command, are the stored connections re-encrypted with the new key, and when is it safe to drop the old one?""",
truth="Not covered: rotating Apache Airflow's Fernet key and re-encrypting its stored connections is an Airflow administration task, described in the Airflow documentation rather than in the ACR CMK material."),
dict(key="X3", style="long", kind="off-topic", category=OFF, subject="devpi", near_miss=True,
question="""We run devpi-server as the internal Python package registry for the build farm, and its secret file (the one passed with --secretfile) ended up in a backup that went to a vendor. I want to replace that secret key today. What happens to existing logins and to replication between the primary and our two replicas when the secret changes, and do the replicas need the same new file?""",
truth="Not covered: devpi-server's secret file and its replicas belong to the devpi package index, which the Azure Container Registry customer-managed key knowledge does not describe."),
dict(key="X4", style="long", kind="off-topic", category=OFF, subject="synology", near_miss=True,
question="""A small office runs a Docker registry container on a Synology NAS, with the registry's storage on an encrypted shared folder whose key is kept in the NAS's Key Manager. Its original admin is gone, and policy says that encryption key must be replaced. Can I change the key of an existing encrypted shared folder in DSM without copying all the registry data out and back, and what happens to automatic mounting after the change?""",
truth="Not covered: changing the key of an encrypted shared folder on a Synology NAS is a DSM storage task, unrelated to customer-managed key encryption of an Azure container registry."),
dict(key="X5", style="long", kind="off-topic", category=OFF, subject="portus", near_miss=True,
question="""We still run Portus in front of a self-hosted Docker Distribution registry. The two share a certificate and private key that Portus uses to sign the access grants the registry checks on every push and pull. That key pair expires next month and I want to replace it without an outage. In what order should I swap the key in Portus and the certificate in the registry's auth configuration so clients don't see 401s in between?""",
truth="Not covered: replacing the signing key pair shared by Portus and a Docker Distribution registry is part of that self-hosted stack, not of Azure Container Registry encryption with customer-managed keys."),
dict(key="X6", style="long", kind="off-topic", category=OFF, subject="discourse",
question="""We self-host Discourse, built into an image we keep in our own container registry, and the app's secret_key_base was exposed in a support bundle we sent out. I need to generate a new key. Which sessions and stored values break when that key changes, and is there a supported way to rotate it without logging out every forum member at once?""",
truth="Not covered: rotating Discourse's secret_key_base is a question for the Discourse documentation and has no relation to ACR customer-managed keys."),
dict(key="X7", style="agent", form="context", kind="off-topic", category=OFF, subject="metabase",
question="Context: Metabase keeps our saved database connection passwords encrypted with MB_ENCRYPTION_SECRET_KEY, and that value leaked. Question: how do I rotate it without re-entering every connection?",
truth="Not covered: Metabase's encryption secret for stored connection details is a Metabase setting, outside the ACR customer-managed key documentation."),
dict(key="X8", style="agent", form="imperative", kind="off-topic", category=OFF, subject="superset",
question="Explain how to change the SECRET_KEY of our Superset instance and re-encrypt the database credentials it already stores",
truth="Not covered: Apache Superset's SECRET_KEY and re-encrypting the credentials it stores are Superset administration, not Azure Container Registry encryption."),
dict(key="X9", style="agent", form="keywords", kind="off-topic", category=OFF, subject="sentry",
question="sentry self-hosted system secret-key rotation, effect on sessions and stored integration credentials, safe procedure",
truth="Not covered: the system secret key of a self-hosted Sentry install is unrelated to customer-managed keys for Azure Container Registry."),
dict(key="X10", style="short", kind="off-topic", category=OFF, subject="django",
question="rotate django secret key without logging everyone out",
truth="Not covered: rotating Django's SECRET_KEY is a Django framework matter, not part of the ACR CMK knowledge."),
dict(key="X11", style="short", kind="off-topic", category=OFF, subject="laravel",
question="laravel app key rotation, keeping old encrypted values readable",
truth="Not covered: rotating a Laravel APP_KEY belongs to the Laravel framework, outside registry encryption in Azure."),
dict(key="X12", style="short", kind="off-topic", category=OFF, subject="wallabag",
question="how do i reset a wallabag user's password from the cli?",
truth="Not covered: resetting a wallabag account has nothing to do with Azure Container Registry customer-managed keys."),
]

QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"exisiting": "existing", "sytem": "system", "premum": "premium"}
SHAPES = ["two_facts", "ascii_diagram", "guid_values", "cost_amount", "iso_duration", "persona_prompt"]
SEED = 51
ID_PREFIX = "g"

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
    """(blind51.json text, blind51-meta.json text, blind51-first-canonicals.txt text)"""
    entries, meta = build()
    j = json.dumps(entries, indent=1, ensure_ascii=False) + "\n"
    m = json.dumps(meta, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    f = "\n".join(firsts) + "\n"
    return j, m, f


def main(out=HERE):
    j, m, f = render()
    for name, text in (("blind51.json", j), ("blind51-meta.json", m), ("blind51-first-canonicals.txt", f)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
