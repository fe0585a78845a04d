"""blind59 builder: holds the 60 questions (QUESTIONS) and writes blind59.json, blind59-meta.json and
blind59-first-canonicals.txt. render() returns the three files' exact text (check59.py compares it byte for byte)."""
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
# ---- ini_config ----
dict(key="L1", style="long", kind="troubleshoot", category="identity", quals=[], flags=["ini_config"],
question="""Creating crtamar from my laptop fails before anything is deployed. The security team prepared the identity and the key in their own resource group, rg-tamar-sec, and the registry itself is meant to land in rg-tamar-apps. What I ran and what came back:

```text
$ az acr create -n crtamar --sku Premium --identity id-tamar --key-encryption-key https://kv-tamar.vault.azure.net/keys/tamar-kek
(ResourceNotFound) The Resource 'Microsoft.ManagedIdentity/userAssignedIdentities/id-tamar' under resource group 'rg-tamar-apps' was not found.
```

I never typed rg-tamar-apps, so I opened my CLI settings:

```ini
[cloud]
name = AzureCloud

[core]
output = jsonc
collect_telemetry = no

[defaults]
group = rg-tamar-apps
location = uksouth
```

id-tamar certainly exists, but only in rg-tamar-sec. Where does the CLI take that resource group from, and how should the create command be written so that it works whatever defaults a colleague happens to have configured?""",
canonical=[I + "a-user-assigned-identity-is-required-when-the-registry-is-created"],
related=[I + "which-identity-value-goes-where", I + "how-rotate-key-interprets-the---identity-value", S + "step-7-create-the-premium-registry-with-the-customer-managed-key"],
facts=["a bare name is looked up in the registry's resource group"],
answer_facts=["or just its name if the identity", "resolves it to the identity's client id"],
truth="From your defaults: without -g, az acr create works in rg-tamar-apps, and a bare identity name is looked up in the registry's resource group, so the CLI searched for id-tamar there and found nothing. Pass the full resource ID instead, which does not depend on anyone's defaults: IDENTITY_ID=$(az identity show -n id-tamar -g rg-tamar-sec --query id -o tsv), then az acr create -g rg-tamar-apps -n crtamar --sku Premium --identity \"$IDENTITY_ID\" --key-encryption-key https://kv-tamar.vault.azure.net/keys/tamar-kek. Name the resource group explicitly in scripts as well. The CLI converts that ID into the identity's client ID for the encryption settings. Only a user-assigned identity is accepted at creation, and id-tamar must already hold its access to tamar-kek when you run the command."),

dict(key="L2", style="long", kind="troubleshoot", category="recovery", quals=[], flags=["ini_config"],
question="""Since Tuesday our self-managed cluster can't pull anything from crsevern: every node reports 403 Forbidden, and a docker pull from an admin laptop fails the same way. My first suspect was the containerd configuration we roll out to the nodes:

```toml
version = 2

[plugins."io.containerd.grpc.v1.cri".registry]
  config_path = ""

[plugins."io.containerd.grpc.v1.cri".registry.configs."crsevern.azurecr.io".auth]
  username = "00000000-0000-0000-0000-000000000000"
  password = "<written by the acr-login timer>"

[plugins."io.containerd.grpc.v1.cri".registry.mirrors."crsevern.azurecr.io"]
  endpoint = ["https://crsevern.azurecr.io"]
```

It hasn't changed in months, and the acr-login timer still writes fresh credentials every few hours. What did change on Tuesday: a security clean-up removed role assignments that looked unused from kv-severn, the RBAC vault that holds crsevern's customer-managed key, among them one for id-severn-acr. Pushes from CI broke at the same moment. Is our containerd setup to blame, and how do we get the cluster pulling again without touching every node?""",
canonical=[T + "registry-access-lost-after-key-permissions-were-revoked"],
related=[V + "restore-access-after-a-revocation", V + "what-revocation-does-to-the-registry", V + "revoke-by-deleting-the-rbac-role-assignment"],
facts=["Give the same identity its access back (or recover the key) and the registry reconnects to the key on its own"],
answer_facts=["revokes the customer-managed key", "access to all data in the registry"],
truth="The node side is fine: the credentials from your acr-login timer and the endpoint https://crsevern.azurecr.io only get clients into the registry. What broke is the registry's own access to its key. Removing id-severn-acr's Key Vault Crypto Service Encryption User assignment on kv-severn revoked the customer-managed key, and that stops every read and write on crsevern for every client, which is why pulls and CI pushes failed together. Confirm with az acr encryption show that id-severn-acr is the encryption identity, then give it the role back: az role assignment create --assignee-object-id <principal ID of id-severn-acr> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <resource ID of kv-severn>. Once that has propagated, crsevern uses its key again by itself; nothing needs to change on the nodes or on the registry. Label the assignment so the next clean-up leaves it alone."),

dict(key="L3", style="long", kind="value", category="rotation", quals=[], flags=["ini_config"],
question="""We want a fresh version of crwye's key every week, so a small VM runs this unit from a timer, logged in with its own managed identity, id-wye-roller:

```ini
[Unit]
Description=Weekly new version of the crwye key
After=network-online.target

[Service]
Type=oneshot
Environment=KV_NAME=kv-wye-prod
Environment=KEY_NAME=wye-kek
ExecStartPre=/usr/bin/az login --identity --username 6a928c1a-8adc-42a0-8196-6904b4d2d371
ExecStart=/usr/bin/az keyvault key rotate --vault-name ${KV_NAME} --name ${KEY_NAME}
```

The login works, but the rotate step exits with a 403 every time, and the journal names the rotate action on the key as the thing that was denied. To be safe we gave id-wye-roller exactly the role the registry identity has on kv-wye-prod (an RBAC vault), Key Vault Crypto Service Encryption User, reasoning that whatever works for the registry should work for the job. Which role does id-wye-roller really need for this? And will crwye move to each new version by itself afterwards?""",
canonical=[K + "rotate-immediately-with-az-keyvault-key-rotate"],
related=[A + "your-own-permissions-to-create-keys-in-an-rbac-vault", K + "automatic-rotation-with-a-versionless-key-id", A + "why-key-vault-crypto-user-is-not-needed"],
facts=["A registry with a versionless key ID moves to the new version by itself within an hour"],
answer_facts=["the caller needs key vault crypto officer", "generates a new version at once"],
truth="Key Vault Crypto Officer on kv-wye-prod, assigned to the principal ID of id-wye-roller (6a928c1a-8adc-42a0-8196-6904b4d2d371 is the client ID the unit logs in with, which a role assignment does not take). The registry's role only lets its holder read a key and wrap and unwrap with it; creating a version with az keyvault key rotate is key management, which on an RBAC vault needs Crypto Officer (on an access-policy vault, the rotate permission). Each run then adds a version with the same type and size as the current one. Whether crwye follows depends on its key URI: configured as the versionless https://kv-wye-prod.vault.azure.net/keys/wye-kek, it switches within an hour of each new version; pinned to a version, it stays there until someone runs az acr encryption rotate-key. keyRotationEnabled in az acr encryption show tells you which case you have. A rotation policy on wye-kek would do the same job without the VM."),

dict(key="L4", style="long", kind="undocumented", category="hsm", quals=["hsm", "oct2026"], flags=["ini_config"],
question="""Our registries for the China business run in the Azure cloud operated by 21Vianet, and the group security standard now asks for HSM-held keys, which the platform team wants to meet with a Managed HSM. The build agents for that estate all use this CLI configuration:

```ini
[cloud]
name = AzureChinaCloud

[defaults]
group = rg-usk-cn
location = chinanorth3

[core]
output = table
only_show_errors = true
```

The next registry, crusk, is planned for chinanorth3, and the design document has to reference Microsoft's ACR documentation for every assumption it makes. Before we order anything: do the ACR docs say whether a Managed HSM key is supported for a registry in that cloud and region, and what should the design document quote?""",
canonical=[L + "managed-hsm-is-not-available-everywhere"],
related=[M + "limits-and-open-points-with-managed-hsm", M + "managed-hsm-key-uris", M + "requirements-for-a-managed-hsm-key-store"],
facts=["The DNS suffix is `managedhsm.azure.net` in the global Azure cloud and differs in other clouds"],
answer_facts=["is not offered in every azure cloud", "a key vault vault remains the alternative"],
truth="Not documented: the ACR customer-managed key articles only warn that Managed HSM isn't available in all clouds and regions and tell you to confirm availability for the registry's location first; they name no clouds or regions, so nothing in them says whether AzureChinaCloud or chinanorth3 has it. The design document can quote exactly that warning, plus Managed HSM's own availability information for that cloud; ask Microsoft support if you need more. Keep a Key Vault vault (a Premium one for RSA-HSM keys) as the fallback. If Managed HSM is there, the rest carries over unchanged: an activated HSM, an RSA-HSM key with wrapKey and unwrapKey, the local role at the key's scope created by you. Read the host of the key URI from the HSM's hsmUri, because the DNS suffix outside the global cloud is not managedhsm.azure.net."),

dict(key="L5", style="long", kind="troubleshoot", category="network", quals=[], flags=["ini_config"],
question="""The RHEL hosts in our plant pull everything through crtyne, configured like this:

```toml
unqualified-search-registries = ["crtyne.azurecr.io"]

[[registry]]
prefix = "docker.io"
location = "crtyne.azurecr.io/hub"

[[registry]]
location = "crtyne.azurecr.io"
blocked = false
```

A nightly job fills crtyne/hub with az acr import from upstream. Two weeks ago the network team put kv-tyne, which holds crtyne's customer-managed key, on selected networks only, with our build subnet allowed. Since then the nightly import ends with a 403 mentioning ForbiddenByFirewall, and crtyne has stopped moving to the versions that tyne-kek's rotation policy keeps creating. The network team's answer was to run az acr update -n crtyne --allow-trusted-services true, which changed nothing. The vault's networkAcls show defaultAction Deny, our subnet in the rules, and bypass None. What exactly has to be set on kv-tyne so the registry works again, and why didn't their change help?""",
canonical=[N + "allow-trusted-services-and-deny-other-traffic"],
related=[N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", T + "http-403-after-enabling-the-key-vault-firewall"],
facts=["Azure Container Registry is on Key Vault's list of trusted services"],
answer_facts=["set the bypass to azureservices", "nothing to do with reaching the key"],
truth="The vault has to let trusted Azure services through: bypass None shuts out crtyne, because the registry reaches kv-tyne as a trusted service, not from your subnet. Run az keyvault update -n kv-tyne -g <rg> --bypass AzureServices --default-action Deny, which keeps everything else denied, and check that networkAcls now show AzureServices. Then re-apply crtyne's current key and identity once with az acr encryption rotate-key (the keyIdentifier and identity that az acr encryption show reports, '[system]' if it says system) and rerun the import into crtyne.azurecr.io/hub; open a support case if the 403 remains. Their change missed because --allow-trusted-services on az acr update controls which services may get through the registry's own firewall; it does nothing for the registry's path to its key."),

# ---- ps_format_list ----
dict(key="L6", style="long", kind="troubleshoot", category="keys", quals=["iac"], flags=["ps_format_list"],
question=r"""Our Bicep for crusk creates id-usk-acr, a roleAssignments resource on kv-usk-core whose roleDefinitionId points at Key Vault Crypto Service Encryption User for id-usk-acr, and then the registry with dependsOn on that assignment. The assignment deploys fine and shows up in the portal, but the registry step fails with Failed to access KeyId, every time, even after waiting an hour. A colleague pasted the vault from PowerShell:

```text
PS C:\deploy> Get-AzKeyVault -VaultName kv-usk-core

Vault Name                          : kv-usk-core
Resource Group Name                 : rg-usk-core
Location                            : northeurope
Resource ID                         : /subscriptions/e29850a8-4f76-465b-a303-9fb07804fcbb/resourceGroups/rg-usk-core/providers/Microsoft.KeyVault/vaults/kv-usk-core
Vault URI                           : https://kv-usk-core.vault.azure.net/
SKU                                 : Standard
Enabled For RBAC Authorization?     : False
Soft Delete Enabled?                : True
Soft Delete Retention Period (days) : 90
Purge Protection Enabled?           : True
Public Network Access               : Enabled
```

The vault is older than the registry project and other teams use it. Why does the role assignment not give the identity access, and what should the Bicep grant instead?""",
canonical=[A + "grant-access-with-a-key-vault-access-policy"],
related=[T + "role-assignment-has-no-effect-on-an-access-policy-vault", A + "which-permission-model-does-my-key-vault-use", A + "changing-an-existing-vaults-permission-model"],
facts=["RBAC data-plane roles such as Key Vault Crypto Service Encryption User have no effect on it"],
answer_facts=["give the identity the three key permissions", "cannot be limited to a single key"],
truth="Because kv-usk-core still uses access policies: Enabled For RBAC Authorization? reads False, and on such a vault Azure role assignments grant no key access at all, however long you wait. Grant the identity an access policy instead, with the key permissions get, wrapKey and unwrapKey for id-usk-acr's principal ID, in Bicep a Microsoft.KeyVault/vaults/accessPolicies child resource (name 'add' appends to the existing policies), and make the registry depend on it. The policy applies to every key in the vault, since policies can't be narrowed to one key. Switching kv-usk-core to the RBAC model would also make your role count, but it turns off every existing access policy for all the other teams at once, so don't do that on a shared vault without migrating them first."),

dict(key="L7", style="long", kind="howto", category="identity", quals=["iac"], flags=["ps_format_list"],
question="""I'm writing the ARM template for crexe, encrypted with exe-kek in kv-exe (an RBAC vault). The identity already exists; this is what Azure PowerShell shows for it:

```text
PS /home/dev> Get-AzUserAssignedIdentity -ResourceGroupName rg-exe-shared -Name id-exe-acr | Format-List

Id                : /subscriptions/f7433ada-a6de-4c7f-a69d-e640b3a7b800/resourcegroups/rg-exe-shared/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-exe-acr
Location          : westeurope
Name              : id-exe-acr
PrincipalId       : ca74ad18-f3eb-42a5-9448-a6a45f65ed37
ClientId          : 10036342-f9c8-480d-afe7-b207128fa62f
TenantId          : d0c6ae32-b022-4baa-9a84-1e12c610ef55
ResourceGroupName : rg-exe-shared
Type              : Microsoft.ManagedIdentity/userAssignedIdentities
```

Three of these look like they could be the identity, and our last attempt put the PrincipalId into the encryption settings and failed. For the registry resource I need identity.userAssignedIdentities and properties.encryption.keyVaultProperties.identity, and separately a role assignment on kv-exe made by our pipeline. Which of these values goes into each of those places in the ARM template and the pipeline?""",
canonical=[I + "which-identity-value-goes-where"],
related=[S + "set-up-cmk-with-an-arm-template", C + "arm-template-json-propertiesencryption-and-keyvaultproperties", A + "grant-access-with-an-azure-rbac-role"],
facts=["A principal ID or resource ID here does not work."],
answer_facts=["a common cause of failures", "always uses the principal id"],
truth="Each place takes a different one. identity.userAssignedIdentities is keyed by the resource ID, the Id ending in /userAssignedIdentities/id-exe-acr (with an empty object as its value, and identity.type UserAssigned). keyVaultProperties.identity takes the ClientId, 10036342-f9c8-480d-afe7-b207128fa62f; better read it in the template with reference(<that resource ID>, '2023-01-31').clientId than paste it. The role assignment on kv-exe, Key Vault Crypto Service Encryption User, goes to the PrincipalId, ca74ad18-f3eb-42a5-9448-a6a45f65ed37, as a service principal: az role assignment create --assignee-object-id ca74ad18-f3eb-42a5-9448-a6a45f65ed37 --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <kv-exe resource ID>. A principal ID or a resource ID in keyVaultProperties.identity does not work, which is what you hit. Put exe-kek's key URI into keyIdentifier, set encryption.status to enabled, and let the pipeline grant the role before the template deploys."),

dict(key="L8", style="long", kind="no", category="keys", quals=[], flags=["ps_format_list"],
question=r"""Our security review flagged this assignment on the identity that crnene uses for its customer-managed key:

```text
PS C:\> Get-AzRoleAssignment -ObjectId 56911b5d-7fb1-49db-9748-bc8eaa33dcea

RoleAssignmentName : 92050768-abc7-416b-8a86-d49f95038c61
Scope              : /subscriptions/f7433ada-a6de-4c7f-a69d-e640b3a7b800/resourceGroups/rg-nene-data
DisplayName        : id-nene-acr
SignInName         :
RoleDefinitionName : Key Vault Crypto User
RoleDefinitionId   : 12338af0-0e69-4776-bea7-57ae8d297424
ObjectId           : 56911b5d-7fb1-49db-9748-bc8eaa33dcea
ObjectType         : ServicePrincipal
CanDelegate        : False
```

It is the only role id-nene-acr holds. rg-nene-data contains kv-nene, where crnene's key lives, and three other RBAC vaults belonging to data teams. Whoever set crnene up two years ago probably picked the role because its name sounded right. The reviewers want least privilege but are nervous about breaking the registry, because last time someone touched key permissions the whole registry went dark for an afternoon. Does crnene actually need Key Vault Crypto User for its customer-managed key?""",
canonical=[A + "why-key-vault-crypto-user-is-not-needed"],
related=[A + "grant-access-with-an-azure-rbac-role", V + "revoke-by-deleting-the-rbac-role-assignment", A + "verify-the-identitys-access"],
facts=["those keep access working; remove them as well for a real revocation"],
answer_facts=["grants more than the registry needs", "do not add it"],
truth="No: the registry only reads its key and wraps and unwraps with it, which is exactly what Key Vault Crypto Service Encryption User allows; Key Vault Crypto User adds general cryptographic operations such as encrypt, decrypt, sign and verify, and at the rg-nene-data scope it reaches the data teams' three vaults as well. Swap it in an order that never leaves crnene without access: first assign Key Vault Crypto Service Encryption User to 56911b5d-7fb1-49db-9748-bc8eaa33dcea (principal type ServicePrincipal) scoped to kv-nene itself, wait a few minutes and check it with az role assignment list, and only then delete the resource-group assignment 92050768-abc7-416b-8a86-d49f95038c61. Deleting it first would amount to revoking the key and would block everything on crnene until access came back."),

dict(key="L9", style="long", kind="troubleshoot", category="recovery", quals=[], flags=["ps_format_list", "two_facts"],
question=r"""Nothing can be pulled from crouse since yesterday afternoon, and az acr encryption show still points at ouse-kek in kv-ouse. A clean-up script that removes keys nobody has touched for a year ran around the same time. This is what the vault shows now:

```text
PS C:\ops> Get-AzKeyVaultKey -VaultName kv-ouse -InRemovedState

Vault Name           : kv-ouse
Name                 : ouse-kek
Version              :
Id                   : https://kv-ouse.vault.azure.net:443/keys/ouse-kek
Deleted Date         : 12/02/2026 16:41:07
Scheduled Purge Date : 03/02/2027 16:41:07
Enabled              : True
Expires              :
Not Before           :
Created              : 01/14/2025 09:02:55
Tags                 :
```

kv-ouse uses access policies, and nobody has changed the policy for id-ouse-acr. The script's owner suggests purging the key and creating a new one with the same name so that the registry's key URI keeps working. What should we do to get crouse back, and is the purge-and-recreate idea safe?""",
canonical=[T + "key-vault-or-key-was-deleted", V + "recover-a-deleted-key"],
related=[V + "how-purge-protection-protects-the-registry", V + "what-revocation-does-to-the-registry", R + "troubleshooting.md#general-diagnostic-checklist"],
facts=["Once the key is back, registry operations resume."],
answer_facts=["do not purge the deleted vault", "unaffected by deleting and recovering a key"],
truth="Recover ouse-kek, and do not purge it. The clean-up soft-deleted it, which cut crouse off from every version of its key; it stays recoverable until the scheduled purge date in March 2027. Run az keyvault key recover --vault-name kv-ouse --name ouse-kek (Undo-AzKeyVaultKeyRemoval in PowerShell), as someone with the recover permission, then check it with az keyvault key show and retry a pull. id-ouse-acr's access policy was not touched by the deletion and needs nothing, and no registry command is required. Purging and recreating is not safe: a new key under the same name is different key material that can't unwrap what the old one protected, and the purge itself is irreversible, so crouse's data would be lost. Exclude the registry's key from the script and turn purge protection on for kv-ouse if it isn't already."),

dict(key="L10", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["ps_format_list"],
question=r"""We provisioned a Managed HSM for crcalder's key with New-AzKeyVaultManagedHsm. The next steps of our runbook, creating the RSA-HSM key and giving id-calder-acr its local role, both fail with a forbidden-style error, even for me as the initial administrator. Here is the HSM:

```text
PS C:\hsm> Get-AzKeyVaultManagedHsm -Name calderhsm -ResourceGroupName rg-calder-keys

Managed HSM Name                    : calderhsm
Resource Group Name                 : rg-calder-keys
Location                            : westeurope
HSM Pool URI                        : https://calderhsm.managedhsm.azure.net/
Initial Admin Object Ids            : {fc8d20bd-8b43-43fd-a922-2f68c7c370d3}
SKU                                 : StandardB1
Soft Delete Enabled?                : True
Soft Delete Retention Period (days) : 30
Purge Protection Enabled?           : False
Provisioning State                  : Succeeded
Status Message                      : The Managed HSM is provisioned and ready to use.
Security Domain Activation Status   : NotActivated
```

The status message says it is ready, so I assumed we were done with the HSM itself. What is still missing before the Managed HSM lets us create the key and grant the registry identity access, and who has to do it?""",
canonical=[M + "provision-and-activate-the-managed-hsm"],
related=[T + "managed-hsm-is-not-activated", M + "requirements-for-a-managed-hsm-key-store", M + "local-rbac-roles-for-acr-encryption"],
facts=["A new Managed HSM accepts no data-plane requests  until it has been activated"],
answer_facts=["only an initial administrator can do", "keep the security domain file"],
truth="Activation. Security Domain Activation Status still reads NotActivated, and until it says Active the HSM accepts no data-plane requests, so neither the key nor id-calder-acr's local role can be created (the status message only describes provisioning). An initial administrator has to download the security domain, here the principal fc8d20bd-8b43-43fd-a922-2f68c7c370d3, encrypting it with at least three RSA public keys you hold the private keys for and a quorum, for example az keyvault security-domain download --hsm-name calderhsm --sd-wrapping-keys cert_0.cer cert_1.cer cert_2.cer --sd-quorum 2 --security-domain-file calderhsm-sd.json. Store that file and the private keys safely; disaster recovery depends on them. Check the status until it reads Active, then create the RSA-HSM key with wrapKey and unwrapKey as someone holding Managed HSM Crypto User and give id-calder-acr Managed HSM Crypto Service Encryption User at /keys/<key name>. Purge protection is still off; consider turning it on."),

# ---- ansible_output ----
dict(key="L11", style="long", kind="troubleshoot", category="setup", quals=[], flags=["ansible_output"],
question="""The role in our playbook that prepares key access for a new registry stops at the grant step. kv-trent was created with access policies on purpose, and the task list was written from our internal wiki, where a page claims the identity needs get, wrap and unwrap:

```text
TASK [acr_cmk : Grant the registry identity access to kv-trent] ****************
fatal: [localhost]: FAILED! => {"changed": true, "cmd": ["az", "keyvault", "set-policy", "--name", "kv-trent", "--object-id", "bd5189c8-5b52-47b2-a116-64f98dd17734", "--key-permissions", "get", "wrap", "unwrap"], "delta": "0:00:01.204115", "end": "2026-12-03 07:14:52.918433", "msg": "non-zero return code", "rc": 2, "start": "2026-12-03 07:14:51.714318", "stderr": "ERROR: 'wrap' is not a valid value for '--key-permissions'. See 'az keyvault set-policy --help'.", "stderr_lines": ["ERROR: 'wrap' is not a valid value for '--key-permissions'. See 'az keyvault set-policy --help'."], "stdout": "", "stdout_lines": []}

PLAY RECAP *********************************************************************
localhost                  : ok=4    changed=2    unreachable=0    failed=1    skipped=0
```

The GUID in the task is id-trent-acr's principal ID, copied from az identity show. Is the wiki wrong, or is something else off with this task?""",
canonical=[T + "invalid-key-permission-names-wrap-and-unwrap"],
related=[A + "grant-access-with-a-key-vault-access-policy", S + "option-b-access-policy-on-an-access-policy-vault", A + "which-permission-model-does-my-key-vault-use"],
facts=["Matching is case-insensitive (`WRAPKEY` works)"],
answer_facts=["only shorthand used in prose", "expects the exact permission names"],
truth="The wiki uses prose shorthand that the CLI doesn't accept: set-policy only knows the full names wrapKey and unwrapKey, so 'wrap' is rejected before anything reaches kv-trent. Change the task's list and rerun it: az keyvault set-policy --name kv-trent --object-id bd5189c8-5b52-47b2-a116-64f98dd17734 --key-permissions get unwrapKey wrapKey (the case of the names doesn't matter). The rest of the task is right: the object ID has to be the identity's principal ID, and an access policy is the correct mechanism because kv-trent uses access policies; on an RBAC vault the task would have to create a Key Vault Crypto Service Encryption User role assignment instead. Fix the wiki too."),

dict(key="L12", style="long", kind="troubleshoot", category="network", quals=[], flags=["ansible_output"],
question="""Our playbook creates crmedway against kv-medway, which is locked down: default action Deny, bypass AzureServices, reachable from our deploy subnet through a private endpoint. The key medway-kek was created first, from the deploy host, and id-medway was granted its role on the vault more than a week ago. Still the create fails on every run:

```text
TASK [registry : Create crmedway with its customer-managed key] ****************
fatal: [deploy01]: FAILED! => {"changed": true, "cmd": "az acr create -g rg-medway -n crmedway --sku Premium --identity id-medway --key-encryption-key https://kv-medway.vault.azure.net/keys/medway-kek", "msg": "non-zero return code", "rc": 1, "stderr": "(BadRequest) Failed to access KeyId 'https://kv-medway.vault.azure.net/keys/medway-kek'. Make sure identity id-medway may read, wrap and unwrap with it. Correlation ID: 9dd67a51-4083-4d36-9ad0-68c2c4212004", "stdout": ""}
```

The vault's diagnostic logs for that minute show the request, and the caller is not recognised as a trusted service. Permissions and ordering look right to us. Is this a known problem, and what can we do other than opening the vault to everyone?""",
canonical=[N + "reports-of-first-time-creation-failing-against-a-firewalled-vault-not-official"],
related=[N + "create-the-key-before-the-registry-when-the-vault-is-locked-down", T + "registry-creation-cannot-access-the-key", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
facts=["Create the vault and the key while your client can still reach the vault's data plane"],
answer_facts=["these reports may be out of date", "a temporary, open vault"],
truth="It matches older reports that are not in the official docs: in GitHub issues older than 2023, people saw registry creation against a firewalled vault stop at Failed to access KeyId, and the vault's logs did not count the caller as a trusted service. The current docs only ask for what you already have, the trusted-services bypass and a key created before the registry, so first re-check that bypass really reads AzureServices and that id-medway's grant has propagated. The workaround people used: create crmedway with a key in a temporary vault that has no network rules, then move it with az acr encryption rotate-key -n crmedway --key-encryption-key https://kv-medway.vault.azure.net/keys/medway-kek, often switching to the system-assigned identity at that step after granting it access on kv-medway. Those reports may be outdated; if the failure persists, open a support case and quote correlation ID 9dd67a51-4083-4d36-9ad0-68c2c4212004."),

dict(key="L13", style="long", kind="troubleshoot", category="identity", quals=[], flags=["ansible_output"],
question="""We moved crlune's key from our Managed HSM to an ordinary key vault, kv-lune (RBAC model), and adapted the playbook from the HSM runbook. The grant task now dies before anything is sent:

```text
TASK [acr_cmk : Assign the registry role on kv-lune] ***************************
fatal: [localhost]: FAILED! => {"changed": true, "cmd": ["az", "role", "assignment", "create", "--assignee-object-id", "d978d8ee-1415-4a20-a2c0-eb22c8eb2f15", "--assignee-principal-type", "MSI", "--scope", "/subscriptions/f7433ada-a6de-4c7f-a69d-e640b3a7b800/resourceGroups/rg-lune/providers/Microsoft.KeyVault/vaults/kv-lune", "--role", "e147488a-f6f5-4113-8e2d-b22465e65bf6"], "msg": "non-zero return code", "rc": 2, "stderr": "ERROR: 'MSI' is not one of the allowed values for --assignee-principal-type (ForeignGroup, Group, ServicePrincipal, User).", "stdout": ""}
```

A teammate suggests dropping --assignee-object-id and the principal type altogether and passing --assignee id-lune-acr, the display name, which is what he does by hand. What should the task pass? And is his simplification a good idea?""",
canonical=[A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities"],
related=[T + "role-assignment-rejects-the-principal-type-or-the-assignee", A + "grant-access-with-an-azure-rbac-role", M + "local-rbac-roles-for-acr-encryption"],
facts=["`--assignee-principal-type MSI` marks it as a managed identity"],
answer_facts=["skips the microsoft graph lookup", "a managed identity counts as"],
truth="Keep the object ID and change only the type to ServicePrincipal: az role assignment create knows User, Group, ServicePrincipal and ForeignGroup, and a managed identity counts as a service principal there. MSI is the value for az keyvault role assignment create, the Managed HSM command your runbook came from. His version works in many cases but is the weaker choice for automation: --assignee makes the CLI look the principal up in Microsoft Graph, which needs Graph permissions and can fail for an identity created moments earlier, and a display name is not guaranteed to be unique. d978d8ee-1415-4a20-a2c0-eb22c8eb2f15 with --assignee-principal-type ServicePrincipal skips that lookup. Don't pass both --assignee and --assignee-object-id; the command accepts exactly one."),

dict(key="L14", style="long", kind="howto", category="identity", quals=[], flags=["ansible_output"],
question="""Last month we created id-dart-2025 to replace id-dart-2024 as crdart's encryption identity, attached it to the registry and gave it its access on kv-dart. The switch itself lives in a separate playbook that, as it turns out, never ran. This week our clean-up playbook tried to detach the old identity:

```text
TASK [cleanup : Detach retired encryption identities] **************************
fatal: [localhost]: FAILED! => {"changed": true, "cmd": "az acr identity remove -n crdart -g rg-dart --identities id-dart-2024", "msg": "non-zero return code", "rc": 1, "stderr": "(BadRequest) Registry crdart does not have access to identity id-dart-2024. Try forcibly adding the identity back. Details: https://aka.ms/acr/cmk", "stdout": ""}
```

Pulls and pushes still work, but we'd like to be sure we haven't broken anything and to finish this properly. How do we complete the identity switch safely, and in what order should the playbooks run?""",
canonical=[T + "removing-the-encryption-identity-fails"],
related=[I + "switch-to-a-different-user-assigned-identity", I + "the-encryption-identity-cannot-simply-be-removed", T + "registry-identity-is-inactive-or-expired"],
facts=["Key rotation can fail in the same state."],
answer_facts=["attach the identity to the registry again", "only now remove the original user-assigned identity"],
truth="Finish the switch before detaching: crdart still encrypts through id-dart-2024, which is why the service refused. First re-attach it to be safe, since a failed removal can leave it stuck: az acr identity assign -n crdart -g rg-dart --identities <resource ID of id-dart-2024> (otherwise it may stop being renewed and fail with 403 months later). Check az acr encryption show: keyVaultProperties.identity should still be the old client ID. Then, with id-dart-2025 attached and holding access on kv-dart, run az acr encryption rotate-key -n crdart -g rg-dart --key-encryption-key <the keyIdentifier shown now> --identity <resource ID of id-dart-2025>, and confirm that the identity field now shows id-dart-2025's client ID. Only after that may the clean-up detach id-dart-2024. So: switch playbook, check, then clean-up."),

dict(key="L15", style="long", kind="howto", category="recovery", quals=["oct2026"], flags=["ansible_output", "two_facts"],
question="""Twice a year we practise cutting crfal off from its key. kv-fal uses access policies, and our drill playbook was written two years ago from the rotate-and-revoke tutorial. This year's run fails at the first step:

```text
TASK [drill : Remove the registry identity's access policy on kv-fal] ***********
fatal: [localhost]: FAILED! => {"changed": true, "cmd": "az keyvault delete-policy --resource-group rg-fal --name kv-fal --object-id https://kv-fal.vault.azure.net/keys/fal-kek", "msg": "non-zero return code", "rc": 1, "stderr": "(BadRequest) Invalid value for objectId: 'https://kv-fal.vault.azure.net/keys/fal-kek' is not a GUID.", "stdout": ""}
```

The second half of the drill, bringing crfal back, was never automated; last time someone improvised it. What should the revoke task pass instead? And what exactly do we run to end the drill and get crfal working again?""",
canonical=[V + "revoke-by-removing-the-access-policy", V + "restore-access-after-a-revocation"],
related=[V + "what-revocation-does-to-the-registry", A + "grant-access-with-a-key-vault-access-policy", V + "revoke-by-deleting-the-key"],
facts=["There is no partial revocation per repository."],
answer_facts=["not a key id", "no registry command is needed"],
truth="The principal ID of crfal's encryption identity, not the key URI: the older revisions of the tutorial your playbook copied put a key ID into --object-id, which has never worked, and the October 2026 revision shows the principal ID there. Look it up with az identity show -n <identity> -g <rg> --query principalId -o tsv (or az acr identity show --query principalId if crfal uses its system-assigned identity), then run az keyvault delete-policy --resource-group rg-fal --name kv-fal --object-id <that objectId>. From then on all of crfal's data is blocked. To end the drill, give the same principal its policy back: az keyvault set-policy --resource-group rg-fal --name kv-fal --object-id <same ID> --key-permissions get unwrapKey wrapKey. crfal reconnects to fal-kek by itself; nothing has to be run on the registry, and az acr encryption show lets you confirm the state."),

# ---- oci_manifest ----
dict(key="L16", style="long", kind="why", category="limits", quals=[], flags=["oci_manifest"],
question="""Since we moved to crcolne, a registry with a customer-managed key, our pipeline attaches an SBOM to every image with ORAS 1.2.3. The attach succeeds, and fetching the SBOM artifact shows it pointing at the image:

```text
$ oras manifest fetch crcolne.azurecr.io/payments/api@sha256:1e64a7b8289b0b71a65038e5a71e78bd5c9afd08d9eac635bc83bd89f0d553fc
{
  "schemaVersion": 2,
  "mediaType": "application/vnd.oci.image.manifest.v1+json",
  "artifactType": "application/spdx+json",
  "config": {
    "mediaType": "application/vnd.oci.empty.v1+json",
    "digest": "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
    "size": 2
  },
  "layers": [
    {
      "mediaType": "application/spdx+json",
      "digest": "sha256:3241f2926b740b00a8f3784693a6d12a6fc8d7db8b7a0f8b49fa9239fe05107c",
      "size": 48213
    }
  ],
  "subject": {
    "mediaType": "application/vnd.oci.image.manifest.v1+json",
    "digest": "sha256:881ca74c2ccc3ee3b456efb137349813f4f371d0e360ccda9208afdaec8110be",
    "size": 1578
  }
}
```

Yet our supply-chain dashboard, which asks the registry for an image's referrers, finds no SBOM for any image on crcolne, and the payments/api repository has grown tags that look like digests. Why does the dashboard come up empty?""",
canonical=[L + "oci-referrers-api-is-not-supported"],
related=[T + "oras-and-notation-store-referrers-as-tags", L + "notation-signatures-on-cmk-registries", L + "feature-compatibility-summary"],
facts=["OCI Referrers API | No | ORAS and Notation fall back to the referrers tag schema"],
answer_facts=["do not support the oci referrers api", "expect those extra tags in repository"],
truth="Because crcolne has no OCI Referrers API to ask: registries encrypted with a customer-managed key don't support it. ORAS 1.2.3 notices that and falls back to the referrers tag schema, recording the link from the SBOM (artifactType application/spdx+json) to its subject under a tag derived from the image digest, so for this image a tag sha256-881ca74c2ccc3ee3b456efb137349813f4f371d0e360ccda9208afdaec8110be; those are the digest-like tags you see. A dashboard that only calls the Referrers API therefore finds nothing. It has to support the tag-schema fallback (oras discover does), or read through a tool that does. Keep the digest-named tags out of any tag clean-up; deleting them hides the SBOMs."),

dict(key="L17", style="long", kind="troubleshoot", category="limits", quals=[], flags=["oci_manifest"],
question="""Deployments from crdee started failing signature verification on Monday with notation reporting that no signature is associated with the image, although nothing was re-signed or rebuilt. The signature itself still exists; I fetched it by the digest our signing job logged:

```json
{
  "schemaVersion": 2,
  "mediaType": "application/vnd.oci.image.manifest.v1+json",
  "artifactType": "application/vnd.cncf.notary.signature",
  "config": {
    "mediaType": "application/vnd.oci.empty.v1+json",
    "digest": "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
    "size": 2
  },
  "layers": [
    {
      "mediaType": "application/jose+json",
      "digest": "sha256:2d3b3ea857285629cd419de1f5bc5e1c47a07421c5ac36facf7a674742adb169",
      "size": 2114
    }
  ],
  "subject": {
    "mediaType": "application/vnd.oci.image.manifest.v1+json",
    "digest": "sha256:af48b07b8bce0decbea78c422f8bbf19992157820ab84b84b837527697f08df4",
    "size": 1721
  },
  "annotations": {
    "io.cncf.notary.signingAgent": "notation-go/1.3.0"
  }
}
```

crdee uses a customer-managed key. The only change over the weekend: a new retention script now deletes every tag except the 20 newest per repository. What broke verification, and how do we repair and prevent it?""",
canonical=[T + "oras-and-notation-store-referrers-as-tags"],
related=[L + "oci-referrers-api-is-not-supported", L + "notation-signatures-on-cmk-registries", T + "content-trust-cannot-be-enabled"],
facts=["Notation 1.2.0 and later store signatures using the referrers tag schema"],
answer_facts=["deleting them hides those artifacts from discovery", "this is expected behaviour"],
truth="The retention script deleted the tag that links the image to its signature. crdee has a customer-managed key and therefore no Referrers API, so Notation (notation-go/1.3.0 here) keeps the list of signatures for an image under a tag named after the image digest, sha256-af48b07b8bce0decbea78c422f8bbf19992157820ab84b84b837527697f08df4 for this one. Once that tag is gone, notation no longer finds the signature, even though the signature manifest (artifactType application/vnd.cncf.notary.signature) is still stored. Exclude tags starting with sha256- from the retention rule so they are never counted or removed, and sign the affected images again, which writes the link again. Keep using tools that understand the tag schema, such as notation list or oras discover, to check the result."),

dict(key="L18", style="long", kind="no", category="setup", quals=[], flags=["oci_manifest"],
question="""An external auditor reviewed crcamlegacy, our old Standard registry without a customer-managed key, and pulled this manifest as evidence:

```json
{
  "schemaVersion": 2,
  "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
  "config": {
    "mediaType": "application/vnd.docker.container.image.v1+json",
    "digest": "sha256:70461c8647ef59f6a2d045ff2e54ff5922a35e1d43e300ea16716180a5f9a604",
    "size": 7023
  },
  "layers": [
    {
      "mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",
      "digest": "sha256:f901bda7bec680428d532ae0087d67991c2244a3f0028b226d6f82c90d5d2a3f",
      "size": 31384221
    },
    {
      "mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",
      "digest": "sha256:4abe5661fbca74d55184d31ffb2b798ea8546d901b9607819ec36cb59b069dbc",
      "size": 9417730
    }
  ]
}
```

The finding says that because the layers are plain tar.gzip with no sign of encryption in the media types, the images are stored unencrypted in Azure, and it gives us until year-end. Migrating to a new CMK registry is planned for next year anyway. Is the auditor right that these layers sit unencrypted in crcamlegacy's storage today?""",
canonical=[O + "default-encryption-at-rest-without-a-cmk"],
related=[O + "what-customer-managed-key-encryption-adds-to-a-registry", O + "why-teams-use-a-customer-managed-key", O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
facts=["Every registry already has its images and other artifacts encrypted at rest, with keys that Microsoft owns and manages."],
answer_facts=["still encrypted at rest with microsoft-managed keys", "not needed to get encryption at rest"],
truth="No: every registry's stored content is encrypted at rest with Microsoft-managed keys, crcamlegacy included, with nothing to switch on. The media types describe the format of each layer, such as sha256:f901bda7bec680428d532ae0087d67991c2244a3f0028b226d6f82c90d5d2a3f, which a client downloads and unpacks; they say nothing about how Azure stores it. What a customer-managed key adds is a second layer of encryption with a key your organisation controls, rotates and can revoke. If your policy demands that, it has to be a new Premium registry created with a key, with the images copied over, because crcamlegacy can't be converted; encryption at rest as such is already there."),

dict(key="L19", style="long", kind="howto", category="setup", quals=[], flags=["oci_manifest"],
question="""crkennet is a Premium registry from 2022 that was created without a customer-managed key; our compliance team now requires one. Most of what it holds are multi-architecture images like this gateway release:

```json
{
  "schemaVersion": 2,
  "mediaType": "application/vnd.oci.image.index.v1+json",
  "manifests": [
    {
      "mediaType": "application/vnd.oci.image.manifest.v1+json",
      "digest": "sha256:9a368ed1a9b1d4aa84a5fb4335e2a9c02e3776b429e2bd3ad7ac3defb3db3af9",
      "size": 1035,
      "platform": {
        "architecture": "amd64",
        "os": "linux"
      }
    },
    {
      "mediaType": "application/vnd.oci.image.manifest.v1+json",
      "digest": "sha256:cfbfcc39d5a135421f01c6a4c6f8e1a7c4797b57335f8430e493247aa2e55676",
      "size": 1035,
      "platform": {
        "architecture": "arm64",
        "os": "linux"
      }
    }
  ],
  "annotations": {
    "org.opencontainers.image.title": "edge-gateway"
  }
}
```

I tried az acr encryption rotate-key on crkennet with our new key and got a usage error about key rotation only applying to registries with CMK enabled. How do we end up with these images on a registry encrypted with our key, multi-arch indexes intact?""",
canonical=[O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
related=[O + "moving-an-existing-registry-to-cmk", T + "key-rotation-fails-on-a-registry-without-cmk", S + "step-7-create-the-premium-registry-with-the-customer-managed-key"],
facts=["the only way to a CMK registry is a new one, with the content copied into it"],
answer_facts=["no way to turn it on afterwards", "cannot be switched to cmk"],
truth="Through a new registry: a customer-managed key can only be chosen when a registry is created, so crkennet can't be converted, and rotate-key only works on registries that already have one. Prepare a user-assigned identity with access to the key, create a new Premium registry with az acr create ... --sku Premium --identity <identity resource ID> --key-encryption-key <key URI>, then copy every repository and tag with az acr import --name <new registry> --source crkennet.azurecr.io/<repo>:<tag> --image <repo>:<tag>. Importing a tag such as the edge-gateway index brings the index with its platform manifests along, so both architectures arrive; check one index afterwards with az acr manifest show. Finally point clients, pipelines and pull secrets at the new login server, and delete crkennet only after verifying the copy."),

dict(key="L20", style="long", kind="yes", category="limits", quals=["iac"], flags=["oci_manifest", "two_facts"],
question="""Our Bicep for crarun, a registry with a customer-managed key, has always set policies.trustPolicy to enabled with type Notary, because the billing images must be signed. After a redeploy it now fails with BlockedForEncryptionEnabledRegistry. This is one of the images that has to be signed, as the registry shows it:

```json
{
  "schemaVersion": 2,
  "mediaType": "application/vnd.oci.image.manifest.v1+json",
  "config": {
    "mediaType": "application/vnd.oci.image.config.v1+json",
    "digest": "sha256:336e55e4b57ddc68e84f572cea12527cb4dc3ea8ecca97bc789ab763cc54f823",
    "size": 4870
  },
  "layers": [
    {
      "mediaType": "application/vnd.oci.image.layer.v1.tar+gzip",
      "digest": "sha256:97a0550d28c199fa2ada8ce34bd9e78c4251aa9e168734ea0f61e12c46a966dd",
      "size": 28117503
    }
  ],
  "annotations": {
    "org.opencontainers.image.ref.name": "billing-2.14"
  }
}
```

Security won't accept unsigned images on crarun. Is there still a supported way to sign and verify images like billing-2.14 on this registry?""",
canonical=[L + "docker-content-trust-is-not-supported", L + "docker-content-trust-is-being-retired-use-notation"],
related=[T + "content-trust-cannot-be-enabled", L + "notation-signatures-on-cmk-registries", L + "oci-referrers-api-is-not-supported"],
facts=["Leave content trust off on the CMK registry and remove the trust policy from templates that target it."],
answer_facts=["it cannot be enabled on a registry", "notation works on cmk registries"],
truth="Yes: with Notation instead of content trust. Docker Content Trust (Notary v1) cannot be turned on for a registry encrypted with a customer-managed key, which is what BlockedForEncryptionEnabledRegistry is telling you, and it is being retired in ACR anyway (removal on 2028-03-31). Remove trustPolicy from the Bicep for crarun, then sign billing-2.14 with the Notation CLI, for example with its Azure Key Vault plug-in. With Notation 1.2.0 or later the signature is stored through the referrers tag schema, because a CMK registry has no Referrers API, and notation verify finds it there. Switch the pipeline's verification step from docker trust to notation verify."),

# ---- openssl_key_text (long) ----
dict(key="L21", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["openssl_key_text"],
question="""Our key ceremony produced the key that is meant to protect crtees. It was generated on the on-premises HSM and will be transferred into teeshsm, our Managed HSM, next week. Before the import the reviewer checked the public half:

```text
$ openssl rsa -pubin -in tees-kek.pub.pem -text -noout
Public-Key: (4096 bit)
Modulus:
    00:c3:5e:91:0a:7d:42:e8:1b:96:f0:3c:58:a4:11:
    6e:2f:d9:87:b5:04:73:ca:1e:60:9d:b2:48:f7:35:
    ...
    8b:e1:52:0f
Exponent: 65537 (0x10001)
```

He is happy with the key material itself but wants a written list of what the imported key and the HSM must satisfy so that a registry can actually use it, since nobody on the team has done this with a Managed HSM before and the registry can only get its key at creation. What must be true of the imported key and of teeshsm before we run az acr create for crtees?""",
canonical=[M + "requirements-for-a-managed-hsm-key-store"],
related=[M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli", O + "which-key-types-and-sizes-are-supported", M + "local-rbac-roles-for-acr-encryption"],
facts=["supports RSA keys of 2048, 3072 and 4096 bits"],
answer_facts=["you create that role assignment yourself", "the network path is open"],
truth="The 4096-bit RSA key is fine as material; ACR names no size. What counts is the list: teeshsm provisioned and activated (no key or role work is possible before that); the key imported as RSA-HSM with wrapKey and unwrapKey among its permitted operations (never an elliptic-curve key); the person or pipeline doing the import holding a key-creating local role such as Managed HSM Crypto User; crtees's user-assigned identity given Managed HSM Crypto Service Encryption User by you, before the registry exists, ideally scoped to /keys/<key name> (ACR and the portal never create it); the HSM firewall letting trusted services through if it is on; and Managed HSM offered in crtees's cloud and region. Then read the key's kid with az keyvault key show --hsm-name teeshsm, drop the version if the registry should follow new versions, and pass it to az acr create with the identity's resource ID."),

# ---- plain long ----
dict(key="L22", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["two_facts"],
question="""Our registry runbook is a straight copy of the CLI tutorial: resource group, a user-assigned identity, a purge-protected vault, access grant, RSA key, picking a key ID with or without its version, the create call, then az acr encryption show. For crwharfe the key has to live in wharfehsm, a Managed HSM the security team set up in October, instead of a vault. I'd like to adapt the runbook rather than write a new one, so I need to know precisely which of those eight steps stay, which change or move, and what replaces the vault-specific ones. In particular the last attempt used the HSM's own address as the key encryption key and the create call was refused. Which steps of the runbook change for a Managed HSM, in which order do they run, and what exactly is the key URI we pass to az acr create?""",
canonical=[S + "using-a-managed-hsm-key-instead-of-a-key-vault", M + "managed-hsm-key-uris"],
related=[M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli", T + "managed-hsm-uri-is-not-a-key-uri", M + "provision-and-activate-the-managed-hsm"],
facts=["Steps 1, 2, 7 and 8 stay as they are."],
answer_facts=["steps 4 and 5 swap places", "neither is the bare hsm uri"],
truth="Keep the resource group, the identity, az acr create and the final check; replace the vault steps. Step 3 becomes: make sure wharfehsm is activated, not just provisioned. Then the key comes before the grant, because the grant is made on the key: as someone holding Managed HSM Crypto User, create an RSA-HSM key that allows wrapKey and unwrapKey (az keyvault key create --hsm-name wharfehsm --name <key> --kty RSA-HSM --ops wrapKey unwrapKey), then give the identity's principal ID the local role Managed HSM Crypto Service Encryption User with az keyvault role assignment create --hsm-name wharfehsm ... --assignee-principal-type MSI --scope /keys/<key>; there are no access policies, and ACR will not do it for you. Open the HSM firewall to trusted services if it is on. The key URI is the key's, not the HSM's: https://wharfehsm.managedhsm.azure.net/keys/<key> for automatic rotation, or with /<version> appended to pin it. The bare HSM address is refused; read the kid with az keyvault key show --hsm-name wharfehsm instead of assembling it."),

dict(key="L23", style="long", kind="value", category="iac", quals=["iac", "oct2026"], flags=[],
question="""Two years ago we copied the ARM template from the enable tutorial into our repository. Our copy has a vault_name parameter, a Microsoft.KeyVault/vaults/accessPolicies resource that grants the identity its key permissions, and our pipeline deploys it with key_id=<key URI> on the command line. A new colleague says the tutorial's template has been reworked and that our copy no longer matches it, and I have to decide whether to realign before the next registry, crcalder2, is deployed from it. Before touching anything I need the facts: which parameters does the tutorial's current template take, does it still grant the identity access to the key by itself, how is the deployment command written now, and what else changed in it?""",
canonical=[S + "the-enable-tutorials-own-template"],
related=[S + "set-up-cmk-with-an-arm-template", S + "deploy-the-template", C + "arm-template-json-propertiesencryption-and-keyvaultproperties"],
facts=["Its parameters are `registry_name`, `identity_name` and `kek_id`"],
answer_facts=["it grants no key access itself", "wrongly passed `key_id`"],
truth="registry_name, identity_name and kek_id, and no vault_name: since the October 2026 revision the tutorial's template grants no key access at all and has no access-policy resource. It still declares the identity so that the registry can depend on it, but the identity has to exist and be given access beforehand, through a get, wrapKey and unwrapKey access policy or the Key Vault Crypto Service Encryption User role, or for a Managed HSM key the local role at the key's scope, and the deployment goes into the identity's resource group. The deploy example now passes kek_id: az deployment group create --resource-group <identity's resource group> --template-file CMKtemplate.json --parameters registry_name=crcalder2 identity_name=<identity> kek_id=<key URI>; key_id was a slip of earlier revisions. The key property is spelled keyIdentifier, and the client ID comes from reference() with apiVersion 2018-11-30. Your copy can keep working if you pass kek_id, but it no longer matches the tutorial."),

dict(key="L24", style="long", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="""We're writing the responsibilities matrix for swalehsm, the Managed HSM that will hold the keys of our production registries. Four parties are involved: the registries' encryption identities; the release pipeline that creates new key versions every quarter; the security engineer who sets up access for each new registry identity; and the on-call team, who may have to bring back a key that somebody deleted by mistake. Our Key Vault matrix doesn't translate, because the HSM has no access policies and the Azure roles we assigned on the HSM resource turned out not to let anybody use a key. What local role should each of these four get on swalehsm? And at which scope should the registry identities' role be assigned?""",
canonical=[M + "local-rbac-roles-for-acr-encryption"],
related=[M + "recover-a-deleted-managed-hsm-key-or-hsm", A + "grant-access-to-a-key-in-a-managed-hsm", M + "rotate-a-managed-hsm-key"],
facts=["Recovering a key needs Managed HSM Crypto Officer"],
answer_facts=["only these built-in roles can write", "they never let anyone use a key"],
truth="Four local roles, all assigned inside swalehsm with az keyvault role assignment create --hsm-name (Azure roles on the HSM resource only cover managing the HSM, which is what you saw). Registry identities: Managed HSM Crypto Service Encryption User, granted to each identity's principal ID with principal type MSI at the scope of its own key, /keys/<key name>, which covers every version of that key; /keys or / would work but hand out far more. Release pipeline: Managed HSM Crypto User, enough to create versions, rotate and manage rotation policies, though it cannot recover or purge deleted keys. Security engineer: Managed HSM Administrator, Managed HSM Crypto Officer or Managed HSM Policy Administrator, since only those write role assignments. On-call: Managed HSM Crypto Officer for recovering a deleted key; bringing back a deleted HSM itself is a different matter, needing the Azure role Managed HSM Contributor."),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="no", category="keys", quals=[], flags=["openssl_key_text"],
question="openssl shows `Public-Key: (384 bit)` and `NIST CURVE: P-384`, can acr cmk use it?",
canonical=[O + "which-key-types-and-sizes-are-supported"], related=[T + "elliptic-curve-key-rejected", O + "key-sizes-offered-by-key-vault", O + "requirements-at-a-glance"],
facts=["Supported key types: **RSA** and **RSA-HSM**."], answer_facts=["whatever the curve", "the acr articles name no size"],
truth="No: that is an elliptic-curve key on P-384, and registry encryption only takes RSA or RSA-HSM keys, whichever curve an EC key uses. Create or import an RSA key (Key Vault offers 2048, 3072 and 4096 bits) under a new name and use that one."),
dict(key="S2", style="short", kind="value", category="keys", quals=[], flags=["openssl_key_text"],
question="byok key prints `Private-Key: (2048 bit, 2 primes)`, which rsa sizes work for acr?",
canonical=[O + "key-sizes-offered-by-key-vault"], related=[O + "which-key-types-and-sizes-are-supported", O + "bring-your-own-key-byok", O + "requirements-at-a-glance"],
facts=["pick the size your compliance policy asks for"], answer_facts=["come in 2048, 3072 and 4096 bits", "not an acr one"],
truth="2048, 3072 or 4096 bits, the RSA sizes Key Vault supports; ACR itself sets no size, so your 2048-bit key qualifies unless your own compliance rules demand a larger one. It has to stay RSA (or RSA-HSM) when you import it."),
dict(key="S3", style="short", kind="troubleshoot", category="recovery", quals=[], flags=[], typo="accidentaly",
question="recovered the kv we deleted accidentaly, but acr pulls still fail, why?",
canonical=[V + "re-create-rbac-role-assignments-after-recovering-a-vault"], related=[V + "recover-a-deleted-key-vault", T + "key-vault-or-key-was-deleted", A + "grant-access-with-an-azure-rbac-role"],
facts=["The vault name stays reserved while the vault is soft-deleted"], answer_facts=["does not bring them back", "access policies are part of the vault"],
truth="Most likely the role assignment: deleting an RBAC vault removes its Azure role assignments, and recovering the vault doesn't restore them, so the registry identity no longer holds Key Vault Crypto Service Encryption User. Assign it again on the recovered vault to the identity's principal ID (type ServicePrincipal), plus any operator roles you had; the registry then uses the key again. Access policies, unlike roles, come back with the vault."),
dict(key="S4", style="short", kind="value", category="keys", quals=[], flags=[], typo="priviledges",
question="which priviledges does whoever creates the cmk key in an rbac kv need?",
canonical=[A + "your-own-permissions-to-create-keys-in-an-rbac-vault"], related=[T + "operator-cannot-create-the-key-in-an-rbac-vault", S + "option-a-azure-rbac-role-on-an-rbac-vault", A + "azure-cli-262-and-later-create-rbac-vaults-by-default"],
facts=["Assigning roles requires Owner, User Access Administrator or Role Based Access Control Administrator at the vault scope."], answer_facts=["does not let you create keys", "covers the full key lifecycle"],
truth="A data-plane role on that vault, typically Key Vault Crypto Officer, which covers creating keys, new versions and rotation policies; being Owner or Contributor on the vault only manages the resource. Someone with Owner, User Access Administrator or Role Based Access Control Administrator on the vault has to grant it. The registry identity keeps only Key Vault Crypto Service Encryption User."),
dict(key="S5", style="short", kind="why", category="setup", quals=[], flags=[], typo="dissable",
question="why can't we dissable purge protection on the acr key's kv again?",
canonical=[O + "soft-delete-and-purge-protection-behaviour-in-key-vault"], related=[O + "soft-delete-and-purge-protection-on-the-key-vault", V + "how-purge-protection-protects-the-registry", S + "step-3-create-the-key-vault-with-purge-protection"],
facts=["It is off by default, needs soft delete, and cannot be turned off once on."], answer_facts=["a one-way change", "permanently erase a deleted vault or key"],
truth="Because Key Vault makes enabling it a one-way change: its whole promise is that a deleted vault or key can't be destroyed before the retention period runs out, and a switch to turn it off would break that promise. For the registry that guarantee is the point, since it keeps an accidental deletion from turning into permanent loss of the registry's data."),
dict(key="S6", style="short", kind="yes", category="recovery", quals=["hsm", "oct2026"], flags=[],
question="is a soft-deleted managed hsm still billed while we get it back?",
canonical=[V + "recover-a-deleted-managed-hsm"], related=[M + "recover-a-deleted-managed-hsm-key-or-hsm", L + "pricing-considerations", T + "key-vault-or-key-was-deleted"],
facts=["The HSM name stays reserved while it is soft-deleted."], answer_facts=["keeps being billed while it waits", "recovery needs the hsm's location"],
truth="Yes: a soft-deleted Managed HSM goes on costing money, because its capacity stays allocated, until it is recovered or purged. Recover it soon with az keyvault recover --hsm-name <name> --location <region>, which needs the Azure role Managed HSM Contributor; purge it only when no registry needs its keys any more."),
dict(key="S7", style="short", kind="howto", category="rotation", quals=["hsm", "oct2026"], flags=[],
question="after the hsm rotation policy fired, how do we tell which version acr uses",
canonical=[K + "check-which-key-version-the-registry-uses"], related=[S + "step-8-verify-the-encryption-status", M + "rotate-a-managed-hsm-key", T + "registry-keeps-using-an-old-key-version"],
facts=["`lastRotation` (`lastKeyRotationTimestamp`): when the registry last switched versions."], answer_facts=["the exact version the registry is using", "check the key store's firewall"],
truth="Read versionedKeyIdentifier from az acr encryption show -n <registry>: that is the exact version in use, for a Managed HSM key the last segment of its managedhsm.azure.net URI. keyIdentifier is only what you configured, and lastKeyRotationTimestamp shows when the registry last switched. With a versionless URI it moves within an hour; if not, check keyRotationEnabled, the HSM firewall and the identity's role."),
dict(key="S8", style="short", kind="no", category="iac", quals=["hsm", "iac", "oct2026"], flags=[],
question="does the avm bicep acr module take a managed hsm key?",
canonical=[C + "avm-bicep-module-customermanagedkey-parameter"], related=[C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs", C + "bicep-registry-with-a-customer-managed-key", M + "limits-and-open-points-with-managed-hsm"],
facts=["Newest version checked: 0.12.1."], answer_facts=["a vault, not a managed hsm", "the module does not grant key access"],
truth="No: its customerManagedKey parameter expects keyVaultResourceId, the resource ID of a key vault, plus a key name there, so a Managed HSM key can't be expressed. Declare the registry resource yourself with keyVaultProperties.keyIdentifier set to the HSM key URI, and create the identity's local role assignment on the key before deploying."),
dict(key="S9", style="short", kind="undocumented", category="limits", quals=["hsm", "oct2026"], flags=[],
question="geo-replicated acr with a managed hsm key: one hsm supported, or one per region?",
canonical=[L + "geo-replication-with-a-managed-hsm-key"], related=[L + "geo-replication-works-with-cmk", M + "limits-and-open-points-with-managed-hsm", L + "managed-hsm-is-not-available-everywhere"],
facts=["A geo-replicated Premium registry can be encrypted with a customer-managed key."], answer_facts=["was not updated for managed hsm", "plan the hsm's own recovery"],
truth="Not documented: the geo-replication article was never revised for Managed HSM and still only points CMK users to Key Vault's disaster-recovery guidance, so nothing states whether one HSM or one per region is expected. As far as the docs show, the registry has a single key URI for all replicas; plan that HSM's recovery (security domain, backups, region availability) yourself."),
dict(key="S10", style="short", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question="acr check-health prints cmk_error after our identity cleanup, what now?",
canonical=[L + "az-acr-check-health-and-cmk_error"], related=[T + "check-health-reports-cmk_error", I + "switch-to-the-registrys-system-assigned-identity-after-creation", T + "general-diagnostic-checklist"],
facts=["It is a health-check error code, not a status the registry reports on its own."], answer_facts=["for example because that identity was deleted", "a different managed identity that has access"],
truth="The check can't reach the managed identity the registry's encryption is set to use, probably one the cleanup deleted or detached. If it still exists, attach it again with az acr identity assign; if it's gone, grant another identity access to the key and switch to it with az acr encryption rotate-key --identity. Then run az acr check-health again."),
dict(key="S11", style="short", kind="howto", category="rotation", quals=[], flags=[],
question="strip the version from a key kid in bash for acr auto rotation",
canonical=[S + "step-6-choose-a-versioned-or-versionless-key-id"], related=[K + "versioned-and-versionless-key-ids", K + "automatic-rotation-with-a-versionless-key-id", S + "step-5-create-an-rsa-key-and-capture-its-key-id"],
facts=["`KEY_ID` is the key's `kid`, the **versioned** key ID"], answer_facts=["remove the last path segment", "moves to each new key version"],
truth="Cut the last path segment with parameter expansion: KEY_ID_VERSIONLESS=\"${KEY_ID%/*}\" turns .../keys/<key>/<version> into .../keys/<key>, no sed needed. Give that to --key-encryption-key and the registry picks up each new version within an hour; a Managed HSM kid is shortened the same way."),
dict(key="S12", style="short", kind="howto", category="limits", quals=[], flags=[],
question="cmk registry deletes acr task run logs after a day, how to retain them",
canonical=[L + "acr-tasks-run-logs-are-kept-for-only-24-hours"], related=[L + "export-task-run-logs-before-they-expire", T + "task-run-logs-disappear-after-24-hours", L + "feature-compatibility-summary"],
facts=["Automate this (for example at the end of each pipeline that triggers a task) so no log is lost after a day."], answer_facts=["retained for 24 hours only", "copy them out while they exist"],
truth="Copy them elsewhere within the day: a CMK registry keeps task run logs for 24 hours, and nothing extends that. Have each pipeline that starts a task save az acr task logs --registry <registry> --run-id <id> to a file, a storage account or your log platform right after the run."),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="A1", style="agent", form="context", kind="troubleshoot", category="troubleshooting", quals=[], flags=["openssl_key_text"],
question="Context: compliance now wants HSM-protected keys, but az keyvault key create --kty RSA-HSM is refused in kv-derwent, while openssl shows our current key as `Public-Key: (3072 bit)`. Question: why, and how do we get an HSM-protected key for crderwent?",
canonical=[T + "rsa-hsm-key-creation-fails-in-a-standard-vault"], related=[O + "rsa-hsm-keys-need-a-premium-key-vault", K + "move-to-a-different-key-or-to-a-key-in-another-vault", M + "key-vault-and-managed-hsm-compared"],
facts=["`--protection hsm` together with `--kty RSA` has the same effect as `--kty RSA-HSM`"], answer_facts=["available only on the premium vault tier", "software-protected rsa keys only"],
truth="kv-derwent is on the Standard tier, which holds software-protected keys only; the 3072-bit key openssl shows is such a software RSA key, and RSA-HSM keys need a Premium vault. Create a Premium vault (az keyvault create ... --sku premium --enable-purge-protection), make the RSA-HSM key there, grant crderwent's identity access on that vault, then move the registry with az acr encryption rotate-key --key-encryption-key <new key URI>. A Managed HSM would also do, since every key in it is HSM-backed."),
dict(key="A2", style="agent", form="imperative", kind="yes", category="setup", quals=[], flags=["openssl_key_text"],
question="Confirm that a key openssl reports as `Private-Key: (4096 bit, 2 primes)`, generated on our offline workstation, can be imported into kv-nidd and used as crnidd's customer-managed key",
canonical=[O + "bring-your-own-key-byok"], related=[O + "key-sizes-offered-by-key-vault", O + "which-key-types-and-sizes-are-supported", S + "step-7-create-the-premium-registry-with-the-customer-managed-key"],
facts=["Key Vault's RSA keys (software and HSM-protected) come in 2048, 3072 and 4096 bits."], answer_facts=["created outside azure and imported into it", "both key stores support both"],
truth="Yes: a key made outside Azure and imported into the key store (bring your own key) is supported, and 4096 bits is one of the RSA sizes Key Vault offers. Import it into kv-nidd as an RSA key (RSA-HSM needs a Premium vault), give crnidd's user-assigned identity get, wrapKey and unwrapKey or the Key Vault Crypto Service Encryption User role, and pass the imported key's URI to az acr create, because crnidd can only receive its key when it is created."),
dict(key="A3", style="agent", form="context", kind="why", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="Context: for a drill we deleted the local role assignment of id-ure-acr on /keys/ure-kek in urehsm (Managed HSM Crypto Service Encryption User), yet crure still pulls fine. Question: why did the Managed HSM revocation not take effect, and at which scope must we delete?",
canonical=[V + "revoke-access-to-a-key-in-a-managed-hsm"], related=[T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope", M + "revoke-access-to-a-managed-hsm-key", M + "local-rbac-roles-for-acr-encryption"],
facts=["Any other local role that includes wrap and unwrap (for example Managed HSM Crypto User) keeps access working too."], answer_facts=["same scope where it was created", "that assignment keeps access working"],
truth="Because the identity still has access through another assignment: deleting at /keys/ure-kek removes only an assignment made at exactly that scope, and one at /keys or / (or another local role with wrap and unwrap, such as Managed HSM Crypto User) keeps the key usable. List everything with az keyvault role assignment list --hsm-name urehsm --assignee-object-id <principal ID>, without --scope, and delete each at the scope it was made; from then on crure's data is blocked until you recreate the assignment."),
dict(key="A4", style="agent", form="keywords", kind="value", category="rotation", quals=["hsm", "oct2026"], flags=[],
question="managed hsm rotation policy shortest interval and version limit for the key behind our acr cmk",
canonical=[K + "create-a-new-version-in-a-managed-hsm"], related=[M + "rotate-a-managed-hsm-key", K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["The shortest allowed rotation interval is **7 days**."], answer_facts=["more often than every 28 days", "a key holds at most 100 versions"],
truth="Every 28 days at the most frequent, and at most 100 versions per key: those are the Managed HSM limits, tighter than a key vault's 7-day minimum. A rotation policy must exist before on-demand az keyvault key rotate --hsm-name works, and Managed HSM Crypto User can manage both. The registry follows each new version within an hour if its key URI is versionless, and the key-scoped role already covers new versions."),
dict(key="A5", style="agent", form="imperative", kind="howto", category="network", quals=["hsm", "iac", "oct2026"], flags=[],
question="List the steps that let crswale access its key through the swalehsm Managed HSM firewall before az acr create, keeping other traffic denied, and say whether the portal key picker will then list our keys",
canonical=[N + "managed-hsm-firewall-and-trusted-services"], related=[M + "managed-hsm-firewall-and-trusted-services", N + "the-portal-key-picker-and-a-key-store-firewall", T + "portal-key-picker-cannot-list-keys-behind-the-managed-hsm-firewall"],
facts=["the HSM shows up but its keys cannot be listed"], answer_facts=["the bypass only opens the network", "need an allowed address of their own"],
truth="Before az acr create, let trusted services through and deny everything else: az keyvault update-hsm --hsm-name swalehsm --resource-group <rg> --bypass AzureServices --default-action Deny, then check networkAcls with az keyvault show --hsm-name swalehsm. That only opens the network; crswale's identity still needs Managed HSM Crypto Service Encryption User on the key. The picker will not list keys from a browser outside the allowed networks: allow your address with az keyvault network-rule add --hsm-name swalehsm --ip-address <your IP>, or use Enter key URI instead."),
dict(key="A6", style="agent", form="keywords", kind="howto", category="iac", quals=["hsm", "iac", "oct2026"], flags=[],
question="arm template for a cmk registry with a managed hsm key, who creates the key access role assignment and when",
canonical=[M + "limits-and-open-points-with-managed-hsm"], related=[S + "set-up-cmk-with-an-arm-template", M + "local-rbac-roles-for-acr-encryption", C + "arm-template-json-propertiesencryption-and-keyvaultproperties"],
facts=["the identity's local role (Managed HSM Crypto Service Encryption User at `/keys/<key-name>`) is set up outside the template"], answer_facts=["creates no key access at all", "before deploying"],
truth="You do, outside the template and before the deployment: the tutorial's ARM template creates no key access, and neither ACR nor the portal makes Managed HSM role assignments. Run az keyvault role assignment create --hsm-name <hsm> --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id <identity principal ID> --assignee-principal-type MSI --scope /keys/<key>, give it a few minutes, then deploy with keyIdentifier set to the HSM key URI and keyVaultProperties.identity to the identity's client ID."),
dict(key="A7", style="agent", form="context", kind="troubleshoot", category="troubleshooting", quals=["hsm", "oct2026"], flags=[],
question="Context: we gave id-aire-acr the HSM's service encryption role on /keys/aire-kek two minutes ago, and creating craire still fails because the identity cannot use the key. Question: is the Managed HSM grant set up wrong, or should we simply retry?",
canonical=[T + "managed-hsm-role-assignment-not-yet-in-effect"], related=[T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope", M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli", K + "check-which-key-version-the-registry-uses"],
facts=["New local role assignments can take several minutes to take effect."], answer_facts=["can take several minutes to propagate", "do not pile up duplicate assignments"],
truth="Most likely just wait and retry: Managed HSM local role changes take several minutes to apply, and until then the identity counts as having no access even though the assignment is listed. Confirm it with az keyvault role assignment list --hsm-name <hsm> --assignee-object-id <principal ID> --scope /keys/aire-kek, don't add duplicate assignments, and rerun az acr create after a few minutes. If it still fails well after that, check activation, the key's type and operations, the key URI and the HSM firewall."),
dict(key="A8", style="agent", form="context", kind="yes", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="Context: the new 'secure your container registry' guide only mentions Azure Key Vault for customer-managed keys, and our architect wants the key in speyhsm. Question: is a Managed HSM key supported for ACR encryption?",
canonical=[M + "managed-hsm-is-a-supported-key-store-for-acr-cmk"], related=[O + "managed-hsm-keys", M + "requirements-for-a-managed-hsm-key-store", M + "key-vault-and-managed-hsm-compared"],
facts=["store it unchanged, whatever its host name"], answer_facts=["follow the cmk tutorials", "documented as the second supported key store"],
truth="Yes: since their October 2026 revision the four ACR customer-managed key tutorials document Managed HSM as the second key store next to key vaults, and the CLI passes managedhsm.azure.net key URIs through on create and rotate-key. The security guide predates that revision, so go by the tutorials: an activated speyhsm, an RSA-HSM key allowing wrapKey and unwrapKey, and the local role for the registry identity at the key's scope, created by you."),
dict(key="A9", style="agent", form="keywords", kind="undocumented", category="iac", quals=["iac"], flags=[],
question="terraform azurerm 5 plan after the encryption block was deleted from an existing cmk registry, what happens to the registry on apply",
canonical=[C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs"], related=[C + "azurerm-4x-removed-encryptionenabled-other-version-changes", O + "cmk-cannot-be-disabled-after-it-is-enabled", C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep"],
facts=["keep the block for every CMK registry"], answer_facts=["an absent block means", "only at creation"],
truth="Not documented: ACR never lets a registry's customer-managed key be switched off, while the azurerm 5.0 upgrade guide reads a missing encryption block as disabling encryption, so the plan proposes an update the service should refuse; what apply then does to the registry is described nowhere. Put the block back, with key_vault_key_id and identity_client_id, and keep it on every CMK registry (under 4.x its absence showed no diff)."),
dict(key="A10", style="agent", form="imperative", kind="undocumented", category="setup", quals=[], flags=[],
question="Explain whether ACR uses our customer-managed key to encrypt image layers directly or only to wrap its own data keys, and cite where that is stated",
canonical=[O + "what-customer-managed-key-encryption-adds-to-a-registry"], related=[O + "the-key-encryption-key-kek-and-its-identifier", O + "default-encryption-at-rest-without-a-cmk", I + "why-the-registry-needs-a-managed-identity"],
facts=["In the CLI and in ARM the customer-managed key is called the **key encryption key** (KEK)"], answer_facts=["does not describe the internal key hierarchy", "a second layer on top of it"],
truth="Not documented: the ACR articles don't describe the internal key hierarchy, so there is nothing to cite for either reading. What they do state is that the key adds a second encryption layer on top of Microsoft's own and that the registry identity may only get, wrapKey and unwrapKey with it; those permissions suggest the key wraps the registry's own keys rather than encrypting layers, which is also why CLI and ARM call it the key encryption key, but present that as an inference."),
dict(key="A11", style="agent", form="imperative", kind="howto", category="rotation", quals=[], flags=["two_facts"],
question="Give the az commands that move crrother from its key in kv-rother-old to rother-kek in kv-rother-new, an RBAC vault, without cutting it off from either key",
canonical=[K + "move-to-a-different-key-or-to-a-key-in-another-vault", A + "access-to-a-key-in-a-second-key-vault"],
related=[K + "manual-rotation-with-az-acr-encryption-rotate-key", A + "grant-access-with-an-azure-rbac-role", K + "check-which-key-version-the-registry-uses"],
facts=["Whatever identity ends up configured must be able to use the **target** key"], answer_facts=["keep the old vault and key", "access is granted per vault"],
truth="Grant first: az role assignment create --assignee-object-id <identity principal ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <kv-rother-new resource ID>. Then read the key with az keyvault key show --vault-name kv-rother-new --name rother-kek --query key.kid -o tsv, strip the version for automatic rotation, and run az acr encryption rotate-key -n crrother --key-encryption-key <that URI> --identity <same identity>. Grants don't carry over between vaults, so skipping the first step leaves crrother unable to reach rother-kek. Leave kv-rother-old, its key and the identity's access alone until az acr encryption show reports the new key."),
dict(key="A12", style="agent", form="context", kind="howto", category="iac", quals=["iac"], flags=[],
question="Context: our Terraform for crfrome has a UserAssigned identity block and an encryption block, and the plan rejects what we put into identity_client_id. Question: which values belong in key_vault_key_id, identity_client_id and identity_ids?",
canonical=[C + "terraform-azurerm_container_registry-encryption-block"], related=[C + "common-terraform-and-bicep-errors-with-acr-encryption", C + "automatic-key-rotation-in-terraform-versionless_id-vs-id", C + "complete-terraform-example-with-key-vault-role-assignment-and-registry"],
facts=["use `azurerm_user_assigned_identity.<name>.client_id`"], answer_facts=["must be a uuid", "there is no status argument"],
truth="key_vault_key_id takes the key URI, preferably the key's versionless_id so the registry follows new versions; identity_client_id takes the user-assigned identity's client_id, which has to be a UUID, so a resource ID or a principal ID is wrong there; identity.identity_ids lists that same identity's resource id, and the identity named in encryption must appear in it. Keep sku at Premium and identity type UserAssigned; there is no status argument, the block's presence turns encryption on."),
]

# ---------------- off-topic ----------------
OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind="off-topic", category=OFF, subject="rustic", near_miss=True,
question="""Every night we back up the storage of our self-hosted container registry mirror in the plant, the blob directories behind the registry service, into a rustic repository on an SFTP target. The repository key is protected by a password that only two administrators knew, and one of them has just left the company. How do we add a new key to the rustic repository, remove the old one, and make sure both the nightly job and the snapshots we already have keep working?""",
truth="Not covered: changing the keys of a rustic backup repository is backup-tool administration and has nothing to do with Azure Container Registry encryption with customer-managed keys."),
dict(key="X2", style="long", kind="off-topic", category=OFF, subject="dotenvx", near_miss=True,
question="""The password our deployment jobs use to push images to our container registry sits in an encrypted .env file in the repository, encrypted with dotenvx, and the matching private key is stored in the settings of our CI system. A laptop that also had the key on it went missing last week. How do we rotate the dotenvx key, re-encrypt the .env file with the new one, update CI, and make sure the old key cannot decrypt anything we commit from now on?""",
truth="Not covered: rotating a dotenvx key and re-encrypting env files is repository secrets handling, outside what the ACR customer-managed key material covers."),
dict(key="X3", style="long", kind="off-topic", category=OFF, subject="ghostunnel", near_miss=True,
question="""In our factory network a ghostunnel instance terminates TLS in front of the container registry mirror that the production lines pull from. Its private key and certificate were issued by our internal CA two years ago, and that key must be swapped out before the quarter ends. How do we rotate ghostunnel's key and certificate without interrupting pulls that are in progress, and does it notice new files on its own or does it need a restart?""",
truth="Not covered: replacing the TLS key of a ghostunnel proxy is a proxy and certificate question, unrelated to customer-managed keys for Azure Container Registry."),
dict(key="X4", style="long", kind="off-topic", category=OFF, subject="yubihsm", near_miss=True,
question="""Our release service signs the manifests of the images it pushes to our container registry with a key held in a YubiHSM 2, and the device's backups are protected by a wrap key that also sits on a second YubiHSM in the safe. The audit wants that wrap key replaced. How do we create a new wrap key on the YubiHSM, export the release service key again under it to the backup device, and retire the old wrap key without losing the ability to restore?""",
truth="Not covered: replacing a wrap key on a YubiHSM 2 is hardware security device administration for your own signing service, not the customer-managed key of an Azure Container Registry."),
dict(key="X5", style="long", kind="off-topic", category=OFF, subject="keylime", near_miss=True,
question="""The build hosts that push images to our container registry are verified remotely with keylime before they are allowed to publish, and the registrar, verifier and agents trust certificates from a keylime CA whose key is now three years old. How do we rotate that CA key and reissue the verifier and agent certificates without the build hosts failing verification, and blocking releases, while the change rolls out?""",
truth="Not covered: rotating the CA key of a keylime attestation setup is host-integrity tooling, which the ACR customer-managed key knowledge doesn't deal with."),
dict(key="X6", style="long", kind="off-topic", category=OFF, subject="temporal",
question="""Our image promotion workflows run on Temporal: they copy images from the build registry to the production registry and hand the push credentials between activities. Every payload is encrypted by our data converter with a key we set in the converter's configuration, and that key now has to be rotated. How do we introduce a new encryption key in the converter so that running workflows, whose histories were written with the old key, can still be replayed and completed?""",
truth="Not covered: rotating the payload encryption key of a Temporal data converter is a workflow-engine question, beyond Azure Container Registry encryption with customer-managed keys."),
dict(key="X7", style="agent", form="context", kind="off-topic", category=OFF, subject="bookstack",
question="Context: our internal wiki runs on BookStack and holds the runbooks for our container registry. Question: how do we rotate the BookStack APP_KEY without leaving stored content unreadable?",
truth="Not covered: changing the application key of a BookStack wiki is web-application administration, not part of ACR customer-managed key encryption."),
dict(key="X8", style="agent", form="imperative", kind="off-topic", category=OFF, subject="couchbase",
question="Explain how to change the master password that protects the encryption-at-rest keys of Couchbase Server on every node of our cluster",
truth="Not covered: changing the Couchbase Server master password is database administration that the ACR customer-managed key docs leave aside."),
dict(key="X9", style="agent", form="keywords", kind="off-topic", category=OFF, subject="scylladb",
question="scylladb encryption at rest system key rotation on a running cluster without downtime",
truth="Not covered: rotating ScyllaDB's system key for encryption at rest is a database topic outside the ACR CMK knowledge."),
dict(key="X10", style="short", kind="off-topic", category=OFF, subject="hydra",
question="ory hydra system secret rotation without signing everyone out?",
truth="Not covered: rotating the system secret of Ory Hydra is identity-provider administration, not Azure Container Registry encryption."),
dict(key="X11", style="short", kind="off-topic", category=OFF, subject="casdoor",
question="casdoor certificate key rotation for the apps that log in through it?",
truth="Not covered: rotating the certificate key of a Casdoor instance is a login-service question that the ACR CMK material does not address."),
dict(key="X12", style="short", kind="off-topic", category=OFF, subject="opensearch",
question="opensearch keystore password change on all nodes",
truth="Not covered: changing the OpenSearch keystore password is search-cluster administration, beyond ACR customer-managed keys."),
]

QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"accidentaly": "accidentally", "priviledges": "privileges", "dissable": "disable"}
SHAPES = ["two_facts", "openssl_key_text", "ini_config", "ps_format_list", "ansible_output", "oci_manifest"]
SEED = 59
ID_PREFIX = "o"

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
SPREAD_SETS = (58, 57)
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
    """(blind59.json text, blind59-meta.json text, blind59-first-canonicals.txt text)"""
    entries, meta = build()
    j = json.dumps(entries, indent=1, ensure_ascii=False) + "\n"
    m = json.dumps(meta, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    f = "\n".join(firsts) + "\n"
    return j, m, f


def main(out=HERE):
    j, m, f = render()
    for name, text in (("blind59.json", j), ("blind59-meta.json", m), ("blind59-first-canonicals.txt", f)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
