"""blind42 builder: holds the 60 questions (QUESTIONS) and writes blind42.json and blind42-meta.json."""
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
dict(key="SP1", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["script_paste"],
question="""We are moving registry crpos off its old vault key and onto key pos-kek in our Managed HSM mh-retail-02. I wrote this from memory and ran it as the platform admin:

```bash
HSM=mh-retail-02
KEYNAME=pos-kek
IDENT_OID=$(az identity show -g rg-retail -n id-pos-acr --query principalId -o tsv)
HSM_RES=$(az keyvault show --hsm-name $HSM --query id -o tsv)
az keyvault key create --hsm-name $HSM -n $KEYNAME --kty RSA-HSM --ops wrapKey unwrapKey
az role assignment create --scope $HSM_RES --assignee-object-id $IDENT_OID --assignee-principal-type ServicePrincipal --role e147488a-f6f5-4113-8e2d-b22465e65bf6
az acr encryption rotate-key -g rg-retail -n crpos --identity id-pos-acr --key-encryption-key https://mh-retail-02.managedhsm.azure.net/keys/pos-kek
```

The role assignment went through without complaint and shows up on the HSM's Access control blade, but rotate-key says the identity cannot use the key. Which line is wrong, and what has to replace it so the identity really gets access to pos-kek in the Managed HSM?""",
canonical=[T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
related=[A + "grant-access-to-a-key-in-a-managed-hsm", M + "local-rbac-roles-for-acr-encryption"],
facts=["only cover its management"],
answer_facts=["azure rbac covers the hsm's management only", "inside the hsm to its principal id"],
truth="The az role assignment create line is wrong: it made an Azure RBAC assignment on the HSM resource ($HSM_RES), which only covers managing the HSM and never grants key use, and the vault role it names (e147488a-..., Key Vault Crypto Service Encryption User) means nothing there. Replace it with a Managed HSM local role assignment for the same principal ID, scoped to the key: az keyvault role assignment create --hsm-name $HSM --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id $IDENT_OID --assignee-principal-type MSI --scope /keys/$KEYNAME (the HSM_RES line can go). Wait a few minutes for the local role to take effect, then rerun the rotate-key line."),

dict(key="SP2", style="long", kind="howto", category="rotation", quals=[], flags=["script_paste"],
question="""Our nightly job for registry crsales looks like this:

```bash
VAULT=kv-sales-eus
KNAME=sales-kek
az keyvault key rotate --vault-name $VAULT --name $KNAME
NEWKID=$(az keyvault key show --vault-name $VAULT --name $KNAME --query key.kid -o tsv)
echo "moving crsales to $NEWKID"
az acr encryption rotate-key -g rg-sales -n crsales --key-encryption-key $NEWKID
```

It works, but the team wants to retire the job: Key Vault should produce a version every 60 days through a rotation policy, and the registry should follow along by itself. What do we change, and which of these lines can go once that is in place?""",
canonical=[K + "how-new-key-versions-are-created"],
related=[K + "switch-from-manual-to-automatic-rotation", K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy"],
facts=["the shortest allowed rotation interval is 7 days"],
answer_facts=["picks up the result within an hour", "have to run az acr encryption rotate-key"],
truth="Point the registry once at the versionless key ID: run the rotate-key line one last time with ${NEWKID%/*} (https://kv-sales-eus.vault.azure.net/keys/sales-kek) instead of $NEWKID, and from then on crsales picks up each new version within an hour. Then give sales-kek a rotation policy (az keyvault key rotation-policy update with a P60D timeAfterCreate trigger and a Rotate action). After that the whole job can go, the key rotate line, the NEWKID line and the rotate-key line alike: the policy makes the versions and the versionless ID makes the registry follow them."),

dict(key="SP3", style="long", kind="troubleshoot", category="identity", quals=[], flags=["script_paste"],
question="""I scripted the move of registry crmedia to its own system-assigned identity in PowerShell:

```powershell
$rg      = "rg-media"
$reg     = "crmedia"
$kid     = "https://kv-media-01.vault.azure.net/keys/media-kek"
$role    = "Key Vault Crypto Service Encryption User"
$vaultId = az keyvault show -n kv-media-01 -g $rg --query id -o tsv
az acr identity assign -n $reg -g $rg --identities '[system]'
$sys = az acr identity show -n $reg -g $rg --query clientId -o tsv
az role assignment create --assignee-object-id $sys --assignee-principal-type ServicePrincipal --role $role --scope $vaultId
az acr encryption rotate-key --identity '[system]' -n $reg -g $rg --key-encryption-key $kid
```

The role assignment step printed no error, yet the last line fails because the registry cannot reach the key, and the vault's IAM blade lists the new assignment under an unknown principal. kv-media-01 is an RBAC vault. What is wrong in the script?""",
canonical=[K + "rotate-with-a-different-identity-or-the-system-assigned-identity"],
related=[I + "which-identity-value-goes-where", I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
facts=["always uses the principal id"],
answer_facts=["--query principalid --output tsv", "grant it key access first"],
truth="The $sys line reads the system-assigned identity's clientId, but role assignments always go to the principal (object) ID, so the role went to a GUID that is not the identity's principal. Change that line to --query principalId ($sys = az acr identity show -n $reg -g $rg --query principalId -o tsv), delete the stray assignment, re-create Key Vault Crypto Service Encryption User for the principal ID on $vaultId, wait a few minutes and rerun the rotate-key line. Keep the user-assigned identity attached with its access until az acr encryption show reports system."),

dict(key="SP4", style="long", kind="howto", category="setup", quals=["hsm", "oct2026"], flags=["script_paste", "two_facts"],
question="""This is the first registry we build against our new Managed HSM. mh-ins-01 is activated and its firewall is on with trusted services allowed. Here is my draft runbook, not run yet:

```bash
POOL=mh-ins-01
KNAME=claims-kek
ID_RES=$(az identity show -g rg-claims -n id-claims-acr --query id -o tsv)
ID_OBJ=$(az identity show -g rg-claims -n id-claims-acr --query principalId -o tsv)
az keyvault key create --hsm-name $POOL --name $KNAME --kty RSA-HSM --ops wrapKey unwrapKey
KID=$(az keyvault key show --query key.kid -o tsv --hsm-name $POOL --name $KNAME)
az acr create -n crclaims -g rg-claims --identity $ID_RES --key-encryption-key ${KID%/*} --sku Premium
az keyvault role assignment create --scope /keys/$KNAME --hsm-name $POOL --assignee-principal-type MSI --assignee-object-id $ID_OBJ --role "Managed HSM Crypto Service Encryption User"
```

My idea was to grant the role last, once the registry and its identity are definitely in place. Is that order going to work with a Managed HSM, and if not, where does the role assignment belong?""",
canonical=[M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli", M + "requirements-for-a-managed-hsm-key-store"],
related=[S + "using-a-managed-hsm-key-instead-of-a-key-vault", M + "managed-hsm-firewall-and-trusted-services"],
facts=["acr never makes this assignment for you"],
answer_facts=["give the identity the local role", "before the registry exists"],
truth="That order fails: the registry must be able to use the key at the moment az acr create runs, and ACR never creates a Managed HSM role assignment for you. Move the az keyvault role assignment create line up so it runs right after the key create line and before az acr create, and give the local role a few minutes to take effect before creating crclaims. The rest is right: an RSA-HSM key with wrapKey and unwrapKey, the identity's resource ID for --identity, its principal ID ($ID_OBJ) for the role at /keys/$KNAME, and the versionless ${KID%/*} for automatic rotation."),

dict(key="SP5", style="long", kind="troubleshoot", category="network", quals=["hsm", "oct2026"], flags=["script_paste"],
question="""Last week our network team hardened the Managed HSM that holds the key of registry crgeo with this change script:

```bash
HSM=mh-geo-01
RG=rg-geo-sec
az keyvault update-hsm --hsm-name $HSM -g $RG --default-action Deny
az keyvault network-rule add --hsm-name $HSM --ip-address 198.51.100.24
az keyvault show --hsm-name $HSM --query properties.networkAcls
```

Since then every az acr import into crgeo ends in a 403 mentioning ForbiddenByFirewall, and the key version our HSM admin created on Friday has not shown up in encryption show either. The address in the rule is our admin jump host. What did the script miss, and what do we run to get imports and automatic rotation working again?""",
canonical=[N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry"],
related=[N + "managed-hsm-firewall-and-trusted-services", T + "http-403-after-enabling-the-key-vault-firewall"],
facts=["the bypass only opens the network"],
answer_facts=["re-apply the registry's key configuration", "the documented examples are image import"],
truth="The update-hsm line set the default action to Deny without letting trusted Azure services through the Managed HSM firewall, and ACR reaches the key as a trusted service, never from the jump host address. Rerun that line with --bypass AzureServices next to --default-action Deny for $HSM, then re-apply crgeo's current key and identity with az acr encryption rotate-key, passing the keyIdentifier and identity values that az acr encryption show reports ('[system]' if identity reads system). If the 403 persists after that, open an Azure support case."),

dict(key="L6", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "iac", "oct2026"], flags=["two_facts"],
question="""I'm creating registry crlab2 through the portal. On its Encryption tab I pick our user-assigned identity, then Select from Key Vault. The key store dropdown does list our Managed HSM mh-lab-weu, but once I choose it the key list stays empty and finally shows a vague permissions message. The HSM's firewall denies everything except trusted Azure services, and I'm working from home on a dynamic address. The identity already has its local role on lab-kek. Is the empty list a sign that the registry itself will be blocked too, and how do I finish creating crlab2 from the portal?""",
canonical=[T + "portal-key-picker-cannot-list-keys-behind-the-managed-hsm-firewall", M + "set-up-a-registry-with-a-managed-hsm-key-in-the-azure-portal"],
related=[N + "the-portal-key-picker-and-a-key-store-firewall", M + "key-picker-blocked-by-the-hsm-firewall"],
facts=["does not cover a browser outside the network boundary"],
answer_facts=["enter key uri instead of the picker", "stores the chosen key without a version"],
truth="The empty list is your browser being refused, not ACR: the picker lists keys through the Managed HSM's data plane from your client, and the trusted-services exception lets ACR through but not a browser outside the network boundary. Choose Enter key URI and paste lab-kek's key ID, read with az keyvault key show --hsm-name mh-lab-weu --name lab-kek --query key.kid from an allowed network (drop the version for automatic rotation, which is what the picker would have stored), or add your client IP to the HSM firewall for the moment. Keep the trusted-services bypass on so the registry can reach the key at creation."),

dict(key="L7", style="long", kind="troubleshoot", category="recovery", quals=["hsm", "oct2026"], flags=["many_registries"],
question="""A clean-up script meant for a sandbox ran against production last night and deleted the Managed HSM mh-pay-01. Three registries, crpayweu, crpayneu and crpayeus, keep their keys there, one key each, and all three now fail every pull. This is what I see:

```
$ az keyvault list-deleted --resource-type hsm --subscription prod-payments -o table
Name       Location    DeletionDate               ScheduledPurgeDate         PurgeProtectionEnabled
---------  ----------  -------------------------  -------------------------  ----------------------
mh-pay-01  westeurope  2026-11-18T23:04:51+00:00  2027-02-16T23:04:51+00:00  False
```

Can the one HSM be brought back so that all three registries recover, who is allowed to do it, and is there any reason not to wait until Monday?""",
canonical=[V + "recover-a-deleted-managed-hsm"],
related=[T + "key-vault-or-key-was-deleted", M + "recover-a-deleted-managed-hsm-key-or-hsm"],
facts=["purging is irreversible"],
answer_facts=["the azure role managed hsm contributor", "keeps being billed while it waits"],
truth="Recover the deleted Managed HSM within its retention period: az keyvault recover --hsm-name mh-pay-01 --location westeurope, run by someone holding the Azure role Managed HSM Contributor. The same HSM holds all three keys, so that one recovery gives each registry its key back, and the registries resume once their keys are reachable (check each key with az keyvault key show --hsm-name mh-pay-01, and a registry's identity role if one stays dark). Do not wait: all three stay down until then, the HSM is billed all the while it sits soft-deleted, and with purge protection off someone with purge rights could still erase it for good, which would be irreversible; turn purge protection on afterwards."),

dict(key="L8", style="long", kind="troubleshoot", category="identity", quals=[], flags=[],
question="""Since this morning every docker pull from registry crhr returns 403, across all repositories. Nothing changed on the key vault kv-hr-02 and the key is enabled. The only related entry in our change log is from August, when a colleague tried to detach id-hr-acr from crhr during an identity tidy-up and gave up after an error. The pull fails with:

```
Error response from daemon: Head "https://crhr.azurecr.io/v2/payroll/api/manifests/3.4.1": denied: registry identity inactive, possibly after an attempted removal; reassign it
```

Could the August attempt really be the cause three months later, and what do we run to get crhr serving images again?""",
canonical=[T + "registry-identity-is-inactive-or-expired"],
related=[I + "the-encryption-identity-cannot-simply-be-removed", T + "removing-the-encryption-identity-fails"],
facts=["re-assigning the identity with az acr identity assign fixes it"],
answer_facts=["usually after about three months", "stopped that identity from being renewed automatically"],
truth="The August attempt is the likely cause: trying to detach the encryption identity stopped it from being renewed, and pulls and pushes keep working only until its credentials run out, usually about three months later, after which they fail with 403 saying the identity is inactive. Re-assign the user-assigned identity to the registry: az acr identity assign --name crhr --resource-group <rg> --identities <resource ID of id-hr-acr>, then retry a pull. If you really want to get rid of id-hr-acr, move encryption to another identity with az acr encryption rotate-key first and only then remove it."),

dict(key="L9", style="long", kind="troubleshoot", category="keys", quals=["iac"], flags=[],
question="""Our crypto standard was updated to prefer elliptic-curve keys for anything new, so the Terraform for the new registry crvault3 creates the key like this:

```hcl
resource "azurerm_key_vault_key" "cr3" {
  key_vault_id = azurerm_key_vault.sec.id
  name         = "cr3-kek"
  curve        = "P-384"
  key_type     = "EC-HSM"
  key_opts     = ["sign", "verify"]
}
```

The vault is Premium, the key gets created fine and the identity can already use the vault through its role, yet the registry resource fails on apply saying the key cannot be used for encryption. Is P-384 simply the wrong curve, or is the whole approach off? Which key should the registry get instead?""",
canonical=[T + "elliptic-curve-key-rejected"],
related=[O + "which-key-types-and-sizes-are-supported", O + "rsa-hsm-keys-need-a-premium-key-vault"],
facts=["keep wrapkey and unwrapkey in the list"],
answer_facts=["supports only rsa and rsa-hsm keys", "can't wrap keys and are not supported"],
truth="The approach is off, not the curve: registry encryption supports only RSA and RSA-HSM keys, and elliptic-curve keys (EC or EC-HSM, on any curve) cannot wrap keys and are not supported. Create an RSA-HSM key in the Premium vault instead, under a new name, with key_type = \"RSA-HSM\", a key_size your policy accepts (Key Vault offers 2048, 3072 or 4096) and key_opts that include wrapKey and unwrapKey, and point the registry's key_vault_key_id at its versionless_id. Record the exception to the EC baseline for the registry key."),

dict(key="L10", style="long", kind="troubleshoot", category="troubleshooting", quals=["hsm", "oct2026"], flags=[],
question="""The security team provisioned mh-risk-01 for us yesterday and handed it over. Today every attempt to create the registry key in it is refused, and so is the local role assignment for our identity. I asked for the HSM's state:

```
$ az keyvault show --hsm-name mh-risk-01 --query "{state:properties.provisioningState, sd:properties.securityDomainProperties.activationStatus}"
{
  "sd": "NotActivated",
  "state": "Succeeded"
}
```

Provisioning clearly finished. What is still missing before this Managed HSM will take a key or a role assignment for registry crrisk, and who has to do it?""",
canonical=[T + "managed-hsm-is-not-activated"],
related=[M + "provision-and-activate-the-managed-hsm", M + "requirements-for-a-managed-hsm-key-store"],
facts=["the download needs at least three"],
answer_facts=["accepts no data-plane requests", "one of the initial administrators"],
truth="The Managed HSM is provisioned but not activated, and until activation it accepts no data-plane requests: no key can be created, no local role assigned, and ACR could not use a key. One of the initial administrators named at provisioning has to activate it by downloading its security domain (az keyvault security-domain download --hsm-name mh-risk-01 with at least three RSA public key certificates in --sd-wrapping-keys, a --sd-quorum and a --security-domain-file), and keep that file and the private keys safe for disaster recovery. Once activationStatus reads Active, create the RSA-HSM key with wrapKey and unwrapKey, assign Managed HSM Crypto Service Encryption User at /keys/<key-name>, then create crrisk."),

dict(key="L11", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["two_facts"],
question="""Registry crfleet has used key fleet-kek in kv-fleet-01 since 2024, with id-fleet-acr as its encryption identity and automatic rotation on. Policy now says registry keys belong in the Managed HSM mh-fleet-01, where our HSM admin already created fleet-hsm-kek (RSA-HSM, wrapKey and unwrapKey allowed). My plan is a single command:

```
az acr encryption rotate-key -g rg-fleet -n crfleet --key-encryption-key https://mh-fleet-01.managedhsm.azure.net/keys/fleet-hsm-kek
```

What else has to happen around that command so crfleet never loses access during the switch? And once it is on the HSM key, do future versions of fleet-hsm-kek need anything from us?""",
canonical=[K + "manual-rotation-with-az-acr-encryption-rotate-key", M + "rotate-a-managed-hsm-key"],
related=[K + "move-to-a-different-key-or-to-a-key-in-another-vault", A + "access-to-a-key-in-a-second-key-vault"],
facts=["keep the old vault and key, with access"],
answer_facts=["which acr never creates for you", "leaving out --identity keeps the current identity", "version of the same key does not"],
truth="Before the command, give id-fleet-acr's principal ID the local role on the new key, since ACR never creates it: az keyvault role assignment create --hsm-name mh-fleet-01 --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id <principal ID> --assignee-principal-type MSI --scope /keys/fleet-hsm-kek, let it take effect, and make sure the HSM firewall lets trusted services through. Then your command is fine: leaving out --identity keeps id-fleet-acr, and the versionless Managed HSM URI keeps automatic rotation. Keep fleet-kek in kv-fleet-01 and the identity's access there until az acr encryption show reports the HSM key. Future versions need nothing: the key-scoped role covers every version and the registry follows them within an hour; only a new key name would need a new assignment."),

dict(key="L12", style="long", kind="undocumented", category="identity", quals=["hsm", "oct2026"], flags=["many_registries"],
question="""We are standardising five registries (crdev, crtest, crstage, crprod, crtools) on customer-managed keys, each with its own key in mh-plat-02, our Managed HSM. To keep identity sprawl down, the platform lead wants a single user-assigned identity, id-plat-acr, as the encryption identity of all five, with one local role per key. Every tutorial I read shows one registry with one identity and never says anything about sharing. Is it supported for one identity to serve several registries like this, and what would we be giving up?""",
canonical=[I + "why-the-registry-needs-a-managed-identity"],
related=[I + "a-user-assigned-identity-is-required-when-the-registry-is-created", M + "local-rbac-roles-for-acr-encryption"],
facts=["one key, all its versions"],
answer_facts=["single point through which the registry reaches"],
truth="Not documented: the ACR CMK articles always show one registry with its own identity and say nothing for or against several registries sharing one user-assigned identity. If you do it, all five registries name the same identity, so it becomes the single point through which every one of them reaches its key: it needs Managed HSM Crypto Service Encryption User on each of the five keys in mh-plat-02, and removing, deleting or revoking that identity would hit all five registries at once (revoking its role on one key still hits only the registry using that key). Separate identities per registry keep those failures apart; test a shared identity before relying on it."),

dict(key="L13", style="long", kind="howto", category="network", quals=["iac"], flags=[],
question="""Our landing-zone Bicep module puts every key vault behind a private endpoint with the vault firewall set to deny, from the very first deployment, and the build agents that run our az commands sit outside that virtual network. For the new registry crlog we need vault kv-log-01 with an RSA key in it and a user-assigned identity with access to that key. In what order do the vault, its key, the identity's grant, the firewall lock-down and the registry itself have to be created so that the registry can be built at all?""",
canonical=[N + "create-the-key-before-the-registry-when-the-vault-is-locked-down"],
related=[N + "the-vault-firewall-covers-the-data-plane-only", S + "create-the-key-before-the-registry-for-restricted-vaults"],
facts=["only works from an allowed network"],
answer_facts=["create the key before creating the registry", "turn on the trusted-services bypass"],
truth="Create kv-log-01 and its RSA key while your agents can still reach the vault's data plane (or from an allowed network), grant the identity access (role or access policy), then turn on the trusted-services bypass with the default action Deny and the private endpoint, and only then run az acr create with the identity and the key. The key has to exist before the lock-down because creating a key is a data-plane call your agents could not make afterwards, while grants and network settings go through Azure Resource Manager and still work. The registry itself gets through via the trusted-services exception, not an IP rule; if the module locks the vault on first deployment, deploy it with the bypass on and a network rule for the agents, or create the key from inside the network."),

dict(key="L14", style="long", kind="howto", category="iac", quals=["iac"], flags=["difference"],
question="""Every Monday terraform plan for our registry stack wants to change the encryption block of crbilling, although the code is unchanged:

```
      ~ encryption {
          ~ key_vault_key_id   = "https://kv-billing-01.vault.azure.net/keys/bill-kek/5c0e..." -> "https://kv-billing-01.vault.azure.net/keys/bill-kek/9a71..."
            # (1 unchanged attribute hidden)
        }
```

The key comes in through data.azurerm_key_vault_key.bill, and I believe a rotation policy on the vault makes a version every week. What is the difference between using the data source's id and its versionless_id in key_vault_key_id, and how do we make the weekly diff stop?""",
canonical=[C + "common-terraform-and-bicep-errors-with-acr-encryption"],
related=[C + "automatic-key-rotation-in-terraform-versionless_id-vs-id", K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy"],
facts=["the data source's id is the newest version at each refresh"],
answer_facts=["use versionless_id", "rotate in one place only"],
truth="The data source's id is the versioned URI of whichever version is newest at refresh, so every version the rotation policy creates turns into an encryption change and the registry only moves when you apply. versionless_id is the key URI without a version: the registry follows new versions by itself within an hour and the plan stays quiet. Set key_vault_key_id = data.azurerm_key_vault_key.bill.versionless_id, apply once, and rotate in one place only (not also with az acr encryption rotate-key)."),

dict(key="L15", style="long", kind="howto", category="recovery", quals=["hsm", "oct2026"], flags=["auditor"],
question="""Our external auditor wants evidence, per registry key store, that a deleted key cannot be purged before its retention runs out. Registry crtax has its key in the RBAC vault kv-tax-01, and registry crtaxarchive keeps its key in mh-tax-01, a Managed HSM. I know purge protection exists for vaults, but I have never looked at it on the HSM and I'm not even sure it exists there. How do I show the auditor the purge protection setting of both stores, and what do I run if the Managed HSM turns out not to have it?""",
canonical=[V + "how-purge-protection-protects-the-registry"],
related=[T + "general-diagnostic-checklist", M + "recover-a-deleted-managed-hsm-key-or-hsm"],
facts=["purge protection is recommended here too"],
answer_facts=["a managed hsm supports purge protection too", "properties.enablepurgeprotection"],
truth="For the vault run az keyvault show --name kv-tax-01 --resource-group <rg> --query properties.enablePurgeProtection --output tsv and show that it reads true; for the Managed HSM run az keyvault show --hsm-name mh-tax-01 --query properties.enablePurgeProtection (the same property the HSM checks read next to soft delete). A Managed HSM supports purge protection too; if it is off, turn it on with az keyvault update-hsm --hsm-name mh-tax-01 --resource-group <rg> --enable-purge-protection true. Tell the auditor it is a one-way switch and that it stops a purge, not a deletion: a deleted key still locks the registry out until it is recovered."),

dict(key="L16", style="long", kind="yes", category="keys", quals=["hsm", "oct2026"], flags=[],
question="""Our key ceremony happens on premises: the crypto team generates the RSA key pair in our own HSM appliance and transfers it into Azure under their procedure, never letting Azure generate it. Until now the target has always been a Premium key vault. For registry crmint the target would be the Managed HSM mh-mint-01 instead. Before the crypto team books the ceremony I need one thing settled. Will ACR accept a key that was imported into the Managed HSM as its customer-managed key, rather than one generated inside it?""",
canonical=[O + "bring-your-own-key-byok"],
related=[M + "managed-hsm-is-a-supported-key-store-for-acr-cmk", M + "requirements-for-a-managed-hsm-key-store"],
facts=["generated in the hsm or imported into it"],
answer_facts=["both key stores support both", "by its key uri in that store"],
truth="Yes: bring your own key works with both key stores, so the key can be generated in the Managed HSM or created outside and imported, and the registry refers to it by its key URI either way. The imported key must still be RSA-HSM with wrapKey and unwrapKey among its permitted operations, and the registry's identity needs Managed HSM Crypto Service Encryption User on it (at /keys/<key-name>), which you create yourself before the registry."),

dict(key="L17", style="long", kind="value", category="rotation", quals=[], flags=["auditor"],
question="""During our ISO audit the auditor asked us to prove which exact key version registry crclinic is encrypting with today, and since when. I pulled the encryption settings:

```
$ az acr encryption show -n crclinic -o json
{
  "keyVaultProperties": {
    "identity": "b71e0c94-2d38-4f5a-9c1e-6a0d3b8e7f21",
    "keyIdentifier": "https://kv-clinic-02.vault.azure.net/keys/clinic-kek",
    "keyRotationEnabled": true,
    "lastKeyRotationTimestamp": "2026-10-03T04:12:09+00:00",
    "versionedKeyIdentifier": "https://kv-clinic-02.vault.azure.net/keys/clinic-kek/7d41b0e2a9c84f60b3e15d2c9a08f6e4"
  },
  "status": "enabled"
}
```

The keyIdentifier carries no version at all, which confused the auditor. Which of these fields is the evidence for the version in use, and which one answers the since-when part?""",
canonical=[S + "step-8-verify-the-encryption-status"],
related=[K + "check-which-key-version-the-registry-uses", L + "check-the-encryption-status-of-a-registry"],
facts=["the uri you set, with or without a version"],
answer_facts=["read-only: the exact key version in use", "when the registry last switched key version"],
truth="versionedKeyIdentifier is the evidence: it is read-only and names the exact version in use (7d41b0e2a9c84f60b3e15d2c9a08f6e4 of clinic-kek), while keyIdentifier is only the value you configured, versionless here because keyRotationEnabled true means the registry follows new versions by itself. lastKeyRotationTimestamp answers the since-when part: the registry last switched key versions on 2026-10-03 at 04:12 UTC."),

dict(key="L18", style="long", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="""Our Managed HSM mh-core-02 is run by a separate crypto team, and they want a written role matrix before anyone touches it for the new registry crcore. There are four jobs: the registry's encryption identity, the pipeline that creates and rotates the registry key, the engineer who writes the identity's role assignment, and whoever would recover the key if it were ever deleted. Which Managed HSM local role does each of the four need, and at what scope should the registry identity's role sit?""",
canonical=[M + "local-rbac-roles-for-acr-encryption"],
related=[A + "your-own-permissions-to-create-keys-in-an-rbac-vault", M + "requirements-for-a-managed-hsm-key-store"],
facts=["whoever assigns the registry identity its role needs managed hsm administrator"],
answer_facts=["recover and purge deleted keys", "or another key-creating role"],
truth="Registry identity: Managed HSM Crypto Service Encryption User, assigned to its principal ID at /keys/<key-name>, which covers that one key and all its versions (least privilege; /keys or / would grant more). Pipeline that creates and rotates the key: Managed HSM Crypto User or another key-creating role. Engineer writing the identity's assignment: Managed HSM Administrator, Managed HSM Crypto Officer or Managed HSM Policy Administrator. Recovering a deleted key: Managed HSM Crypto Officer, since Crypto User cannot recover or purge deleted keys."),

dict(key="L19", style="long", kind="value", category="limits", quals=["iac"], flags=["many_registries"],
question="""Registry crglobal is Premium and encrypted with key glob-kek in kv-glob-weu in West Europe, and we are adding replicas in East US, Southeast Asia and Brazil South. A colleague insists every replica region needs its own key vault and its own copy of the key, otherwise the far replicas cannot decrypt anything. I cannot find a per-replica key setting anywhere in the CLI or the portal. What do the docs say about the key for a geo-replicated CMK registry, and what guidance do they give for the vault?""",
canonical=[L + "geo-replication-works-with-cmk"],
related=[L + "geo-replication-with-a-managed-hsm-key", L + "feature-compatibility-summary"],
facts=["follow key vault disaster-recovery guidance"],
answer_facts=["replicas rely on the same key vault", "no other cmk-specific geo-replication limit"],
truth="Geo-replication works with a customer-managed key and the docs name no per-replica key: the registry has one key configuration, so (as the docs are read) all replicas rely on the same key vault and key, which makes kv-glob-weu's availability matter for every region. The only CMK advice in the geo-replication article is to follow Azure Key Vault's failover and redundancy (disaster-recovery) guidance for the vault; nothing else CMK-specific is listed for geo-replication."),

dict(key="L20", style="long", kind="no", category="keys", quals=["iac"], flags=["auditor"],
question="""A security reviewer flagged registry crpark: its identity id-park-acr holds two roles on the RBAC vault kv-park-01, which I confirmed with

```
$ az role assignment list --assignee-object-id 5e2a7c1d-8f39-4b60-a4d2-1c9e0b7f3a58 --scope $PARK_KV_ID -o table
Principal                             Role                                      Scope
------------------------------------  ----------------------------------------  ---------------------
5e2a7c1d-8f39-4b60-a4d2-1c9e0b7f3a58  Key Vault Crypto Service Encryption User  .../vaults/kv-park-01
5e2a7c1d-8f39-4b60-a4d2-1c9e0b7f3a58  Key Vault Crypto User                     .../vaults/kv-park-01
```

Our Terraform creates both, and the engineer who wrote it says the registry needs Crypto User too, for unwrapping. Does it? And once we clean it up, is this same listing what I should show the reviewer as proof?""",
canonical=[A + "why-key-vault-crypto-user-is-not-needed"],
related=[A + "verify-the-identitys-access", A + "grant-access-with-an-azure-rbac-role"],
facts=["list the identity's role assignments on the vault"],
answer_facts=["grants more than the registry needs", "the acr docs do not mention it"],
truth="No: the registry identity needs only Key Vault Crypto Service Encryption User, which already lets it read the key and wrap and unwrap with it; Key Vault Crypto User is not mentioned in the ACR docs and grants more than the registry needs, so remove that role assignment from the Terraform. The same az role assignment list --assignee-object-id <principal ID> --scope <vault resource ID> --output table is the documented check, and after the clean-up it should show only Key Vault Crypto Service Encryption User at the vault scope."),

dict(key="L21", style="long", kind="yes", category="rotation", quals=["hsm", "iac", "oct2026"], flags=["difference"],
question="""Until now every key change on our registries went through the CLI. For registry crforms we would like the service desk to do it in the portal, moving the registry to key forms-kek in the Managed HSM mh-forms-01, where the identity already holds its local role on that key. Under Settings > Encryption > Change key, can the service desk pick a Managed HSM key at all, and what is the difference between choosing it with Select from Key Vault versus pasting it into Enter key URI when it comes to rotation?""",
canonical=[K + "rotate-the-key-in-the-azure-portal"],
related=[K + "versioned-and-versionless-key-ids", M + "rotate-a-managed-hsm-key"],
facts=["enter key uri keeps whatever form you paste"],
answer_facts=["offers key vaults and managed hsms", "a key chosen there is stored versionless"],
truth="Yes: in Change key, Select from Key Vault lists Managed HSMs as well as key vaults, and Enter key URI accepts a Managed HSM key ID. The difference is the stored form: a key chosen with Select from Key Vault is always stored versionless, so the registry follows new versions automatically, while Enter key URI keeps exactly what is pasted, a versioned URI (manual rotation) or a versionless one (automatic). The portal never creates the local role, so the existing assignment on forms-kek is what makes it work; if the HSM firewall blocks the service desk's browser, the picker lists no keys and pasting the URI is the way."),

dict(key="L22", style="long", kind="why", category="recovery", quals=[], flags=["two_facts"],
question="""Someone deleted the whole key vault kv-ledger-03 on Friday, which took registry crledger2 down with it. On Monday we found it in the deleted vaults list and ran az keyvault recover. The vault and the key ledger-kek are back, enabled and unexpired, and the firewall settings look as they did before. The vault uses the RBAC permission model, and the registry's identity is the same user-assigned identity as always. Still every pull fails exactly as it did before the recovery. Why is the registry still locked out when the vault is back?""",
canonical=[V + "re-create-rbac-role-assignments-after-recovering-a-vault", V + "recover-a-deleted-key-vault"],
related=[T + "key-vault-or-key-was-deleted", V + "restore-access-after-a-revocation"],
facts=["access policies are part of the vault and come back with it"],
answer_facts=["does not bring them back", "together with its keys"],
truth="Deleting a vault also deletes its Azure RBAC role assignments, and az keyvault recover brings back the vault together with its keys but not those assignments (access policies would have come back; role assignments do not). So the identity no longer holds Key Vault Crypto Service Encryption User on kv-ledger-03: re-create it for the identity's principal ID at the vault scope with az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <vault resource ID>, re-create any operator roles the same way, and retry a pull once it has taken effect."),

dict(key="L23", style="long", kind="no", category="iac", quals=["iac"], flags=[],
question="""We manage registry crinv entirely in Terraform (azurerm 4.x). It was created with a user-assigned identity as the docs require, and now we want encryption to go through crinv's system-assigned identity instead, the way the rotate-and-revoke tutorial does it with '[system]'. I turned on the system-assigned identity and tried to express the switch in the encryption block, but I cannot find what value identity_client_id should take:

```hcl
  identity {
    identity_ids = [azurerm_user_assigned_identity.inv.id]
    type         = "SystemAssigned, UserAssigned"
  }
  encryption {
    identity_client_id = "[system]"
    key_vault_key_id   = local.inv_kek_uri
  }
```

Can Terraform describe a registry whose encryption uses the system-assigned identity?""",
canonical=[C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs"],
related=[C + "terraform-azurerm_container_registry-encryption-block", I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
facts=["must be a uuid"],
answer_facts=["identity_client_id accepts only a uuid", "so terraform cannot describe it"],
truth="No: azurerm's identity_client_id accepts only a UUID, so Terraform cannot describe encryption through the system-assigned identity, even though the ACR docs allow switching to it after creation. Keep the user-assigned identity's client_id in the block. If you switch outside Terraform with az acr encryption rotate-key --identity '[system]', expect the next plan to show an encryption change back to the user-assigned identity, so settle on one tool for the registry's encryption settings."),

dict(key="L24", style="long", kind="howto", category="recovery", quals=["hsm", "oct2026"], flags=[],
question="""During an incident drill yesterday our security lead revoked registry crops2's access by removing its identity's local role on the key in mh-ops-03, our Managed HSM, and it worked: every pull failed within minutes. Now we want things back exactly as they were. These were the arguments of the delete:

```
az keyvault role assignment delete --scope /keys/ops2-kek --hsm-name mh-ops-03 --assignee-object-id 0c7b3e19-6a2d-4f85-b9e0-2d4a8c1f7e63 --role "Managed HSM Crypto Service Encryption User"
```

What do we run to restore it, and after that do we also need to run some command on the registry itself so that it picks the key up again?""",
canonical=[V + "restore-access-after-a-revocation"],
related=[V + "revoke-access-to-a-key-in-a-managed-hsm", T + "registry-access-lost-after-key-permissions-were-revoked"],
facts=["delete it at its own scope for a real revocation"],
answer_facts=["no registry command is needed", "managed hsm (same scope as before)"],
truth="Re-create the same Managed HSM local role assignment at the same scope: az keyvault role assignment create --hsm-name mh-ops-03 --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id 0c7b3e19-6a2d-4f85-b9e0-2d4a8c1f7e63 --assignee-principal-type MSI --scope /keys/ops2-kek, run by someone holding Managed HSM Administrator, Crypto Officer or Policy Administrator. Nothing is needed on the registry side: once the identity has its role again the registry reconnects to the key by itself. Allow a few minutes for the local role to take effect, then retry a pull and check az acr encryption show."),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="howto", category="setup", quals=[], flags=["first_timer"],
question="never set up cmk before, what must exist before az acr create",
canonical=[S + "set-up-a-cmk-encrypted-registry-with-the-azure-cli"],
related=[S + "before-you-start-variables-and-prerequisites", O + "requirements-at-a-glance"],
facts=["you need rights to create resources in the resource group"],
answer_facts=["to exist before az acr create runs"],
truth="Everything the registry needs must exist first, because CMK can only be turned on at creation: start with a user-assigned managed identity, then a key store (Key Vault vault or Managed HSM) holding an RSA or RSA-HSM key, the identity's access to that key (role or access policy; a local role in a Managed HSM) and an open network path for ACR. Only then run az acr create with the Premium SKU, the identity's resource ID and the key URI."),

dict(key="S2", typo="acitvate", style="short", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["first_timer"],
question="first time with managed hsm: how do i acitvate it for acr?",
canonical=[M + "provision-and-activate-the-managed-hsm"],
related=[T + "managed-hsm-is-not-activated", M + "requirements-for-a-managed-hsm-key-store"],
facts=["keep the security domain file and the private keys"],
answer_facts=["activate it by downloading its security domain", "only an initial administrator can do this"],
truth="Start by having one of the Managed HSM's initial administrators (named when it was provisioned) download its security domain with az keyvault security-domain download, wrapped with at least three (at most ten) RSA public key certificates and a quorum; that activates it. Check that activationStatus under properties.securityDomainProperties reads Active before creating the RSA-HSM key or any local role assignment, and keep the security domain file and the private keys safe for disaster recovery."),

dict(key="S3", style="short", kind="howto", category="identity", quals=[], flags=["first_timer"],
question="brand new to this: which identity do i create first for an encrypted acr?",
canonical=[I + "a-user-assigned-identity-is-required-when-the-registry-is-created"],
related=[I + "create-the-user-assigned-identity-and-capture-its-ids", S + "step-2-create-a-user-assigned-managed-identity-and-capture-its-ids"],
facts=["capture the three ids you will need later"],
answer_facts=["only a user-assigned managed identity (uami)", "the registry does not exist yet"],
truth="Create a user-assigned managed identity first (az identity create) and note its resource ID and principal ID: only a user-assigned identity can be given when the registry is created, because the registry's own system-assigned identity does not exist yet and cannot have been granted key access. You can switch to the system-assigned identity after creation if you want."),

dict(key="S4", style="short", kind="troubleshoot", category="identity", quals=[], flags=[],
question="assigning the [system] identity in zsh errors with no matches found, fix",
canonical=[I + "quote-system-in-shell-commands"],
related=[T + "system-assigned-identity-rejected-at-registry-creation", I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
facts=["no matches found: [system]"],
answer_facts=["write it in single quotes", "unquoted, bash reads [system] as a glob"],
truth="Quote it: --identities '[system]'. Unquoted, the shell treats [system] as a glob pattern; zsh stops with no matches found, and bash would silently pass a one-letter file name such as s or m instead if one exists in the current directory."),

dict(key="S5", typo="identiy", style="short", kind="troubleshoot", category="setup", quals=[], flags=[],
question="az acr create with just the key uri fails, it wants the identiy too?",
canonical=[S + "rules-that-az-acr-create-enforces-for-cmk"],
related=[T + "acr-create-needs-both-identity-and-key", S + "step-7-create-the-premium-registry-with-the-customer-managed-key"],
facts=["must be both supplied"],
answer_facts=["--identity and --key-encryption-key go together"],
truth="The CLI configures CMK only when it gets both: --identity and --key-encryption-key go together, and passing one alone fails before anything is sent, with a usage error saying both must be supplied. Add --identity with the user-assigned identity's resource ID (or its name in the registry's resource group), keep --sku Premium and run it again."),

dict(key="S6", style="short", kind="value", category="keys", quals=["hsm", "oct2026"], flags=["difference"],
question="kv crypto service encryption user vs managed hsm crypto service encryption user?",
canonical=[O + "identity-and-key-access-requirements"],
related=[A + "two-supported-ways-to-grant-key-access", A + "grant-access-to-a-key-in-a-managed-hsm"],
facts=["the grant goes to the identity's principal id"],
answer_facts=["scoped to the vault", "preferably scoped to the key"],
truth="Key Vault Crypto Service Encryption User is an Azure RBAC role for a key in a Key Vault vault that uses the RBAC permission model, assigned with az role assignment create and scoped to the vault. Managed HSM Crypto Service Encryption User is a local RBAC role inside a Managed HSM, assigned with az keyvault role assignment create --hsm-name, preferably scoped to the key (/keys/<key-name>), and always created by you. Both let the registry identity read the key and wrap and unwrap with it, and both go to its principal ID."),

dict(key="S7", typo="subscripton", style="short", kind="value", category="limits", quals=[], flags=["auditor"],
question="auditor wants proof every acr in our subscripton uses cmk: which azure policy?",
canonical=[L + "azure-policy-built-in-for-cmk"],
related=[L + "check-the-encryption-status-of-a-registry", O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
facts=["to list every registry in the subscription with its encryption status"],
answer_facts=["assign it at subscription or resource-group scope", "audits whether registries use cmk"],
truth="Assign the built-in policy \"Container Registries should be encrypted with a Customer-Managed Key (CMK)\" at subscription scope: it audits whether registries use CMK, and its compliance results list the non-compliant ones. A non-compliant existing registry cannot be fixed in place, because CMK is only set at creation, so it has to be replaced by a new CMK registry."),

dict(key="S8", style="short", kind="yes", category="keys", quals=[], flags=["many_registries"],
question="two registries share one access-policy kv: can each identity use the other's key?",
canonical=[A + "grant-access-with-a-key-vault-access-policy"],
related=[A + "two-supported-ways-to-grant-key-access", A + "verify-the-identitys-access"],
facts=["policies are vault-wide"],
answer_facts=["on every key in the vault", "cannot be limited to a single key"],
truth="Yes: an access policy grants get, wrapKey and unwrapKey on every key in the vault and cannot be limited to a single key, so each registry's identity can use both keys. If the two registries must stay apart, give each registry's key its own vault, so that one identity's policy never reaches the other's key."),

dict(key="S9", style="short", kind="no", category="limits", quals=[], flags=[],
question="standard acr moved up to premium last month: can we turn cmk on now?",
canonical=[O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
related=[T + "cmk-needs-the-premium-tier", O + "moving-an-existing-registry-to-cmk"],
facts=["upgrading a basic or standard registry to premium does not add cmk afterwards"],
answer_facts=["even a premium one", "no way to turn it on afterwards"],
truth="No: CMK can only be chosen while a registry is being created, and an existing registry, even a Premium one, cannot be switched to it (az acr update has no identity or key option, and rotate-key fails on a registry without CMK). Create a new Premium registry with CMK and import the images into it."),

dict(key="S10", style="short", kind="why", category="limits", quals=[], flags=[],
question="why does our cmk acr grow sha256- tags after notation signing",
canonical=[L + "oci-referrers-api-is-not-supported"],
related=[T + "oras-and-notation-store-referrers-as-tags", L + "notation-signatures-on-cmk-registries"],
facts=["deleting them hides those artifacts from discovery"],
answer_facts=["fall back to the referrers tag schema", "specially named tag"],
truth="CMK registries do not support the OCI Referrers API, so Notation (1.2.0 and later) and ORAS detect that and fall back to the referrers tag schema, storing the link between a signature and its image as a specially named, digest-derived tag. That is expected; leave those tags in place, because deleting them hides the signatures from discovery."),

dict(key="S11", style="short", kind="undocumented", category="network", quals=[], flags=[],
question="private endpoint on the acr itself plus cmk: supported combo?",
canonical=[N + "registry-private-endpoints-and-cmk-are-not-covered-by-the-docs"],
related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", L + "feature-compatibility-summary"],
facts=["registry's own private endpoints"],
answer_facts=["treat it as undocumented", "it neither lists that combination as supported"],
truth="Not documented: the ACR CMK docs only cover the key store (key vault or Managed HSM) behind a firewall or private endpoint and say nothing about a CMK registry that itself has private endpoints, neither as supported nor as a limitation; test it and confirm with Microsoft support if you need a guarantee. The key store rules (trusted-services bypass, identity access) apply either way."),

dict(key="S12", style="short", kind="undocumented", category="keys", quals=[], flags=[],
question="which kv log shows every unwrap our cmk acr does",
canonical=[O + "why-teams-use-a-customer-managed-key"],
related=[O + "what-customer-managed-key-encryption-adds-to-a-registry", O + "bring-your-own-key-byok"],
facts=["a key that you own"],
answer_facts=["audit how and when it is used"],
truth="Not documented: the ACR docs only say that keeping the key in your own key vault or Managed HSM lets you audit how and when it is used; they name no log category, diagnostic setting or query for the registry's unwrap calls, so that part has to come from Key Vault's own logging documentation."),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="A1", style="agent", kind="howto", form="context", category="rotation", quals=["hsm", "oct2026"], flags=["many_registries"],
question="Context: registries crshopweu, crshopneu and crshopeus all use identity id-shop-acr and must move to the new key shop-kek-2027 in Managed HSM mh-shop-01. Task: list the steps, including whether a single role assignment covers all three.",
canonical=[K + "move-to-a-different-key-or-to-a-key-in-another-vault"],
related=[A + "access-to-a-key-in-a-second-key-vault", M + "local-rbac-roles-for-acr-encryption"],
facts=["access is granted per key"],
answer_facts=["a local role on that key", "reports the new key"],
truth="Because all three registries use the same identity and the same new key, one local role assignment covers them: az keyvault role assignment create --hsm-name mh-shop-01 --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id <principal ID of id-shop-acr> --assignee-principal-type MSI --scope /keys/shop-kek-2027, created before any rotation because ACR never creates it. Then run az acr encryption rotate-key once per registry with the new key's URI (versionless for automatic rotation), and keep the old key and its access until az acr encryption show on each registry reports shop-kek-2027."),

dict(key="A2", style="agent", kind="howto", form="imperative", category="hsm", quals=["hsm", "oct2026"], flags=["difference"],
question="Explain when the registry identity's grant uses az role assignment create versus the Managed HSM variant az keyvault role assignment create --hsm-name, and why MSI is rejected as principal type by the first one.",
canonical=[T + "role-assignment-rejects-the-principal-type-or-the-assignee"],
related=[A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities", A + "grant-access-to-a-key-in-a-managed-hsm"],
facts=["'msi' is not a valid value for '--assignee-principal-type'"],
answer_facts=["a managed identity is a serviceprincipal there", "msi belongs to another command"],
truth="Use az role assignment create (principal type ServicePrincipal, Key Vault Crypto Service Encryption User at the vault scope) when the key sits in an RBAC key vault; use az keyvault role assignment create --hsm-name (principal type MSI, Managed HSM Crypto Service Encryption User at /keys/<key-name>) when the key sits in a Managed HSM, whose local RBAC is the only thing that grants key use. az role assignment create knows only User, Group, ServicePrincipal and ForeignGroup, where a managed identity counts as ServicePrincipal, so it stops on MSI before sending anything."),

dict(key="A3", style="agent", kind="howto", form="keywords", category="setup", quals=["hsm", "iac", "oct2026"], flags=["first_timer"],
question="first time enabling a customer-managed key in the portal with a managed hsm key, what must be ready before opening the encryption tab",
canonical=[S + "set-up-cmk-in-the-azure-portal"],
related=[M + "set-up-a-registry-with-a-managed-hsm-key-in-the-azure-portal", N + "the-portal-key-picker-and-a-key-store-firewall"],
facts=["under settings > local rbac"],
answer_facts=["the portal does not do this", "choose the premium pricing tier"],
truth="Before starting Create container registry, have a user-assigned identity, an activated Managed HSM and an RSA-HSM key that permits wrapKey and unwrapKey ready, and give the identity Managed HSM Crypto Service Encryption User at the key's scope yourself under the HSM's Settings > Local RBAC, because the portal does not do it. Then choose the Premium tier; on the Encryption tab enable the customer-managed key, pick the identity and use Select from Key Vault (stored versionless) or Enter key URI, which is also the way out if the HSM firewall hides the keys from your browser."),

dict(key="A4", style="agent", kind="howto", form="context", category="hsm", quals=["hsm", "oct2026"], flags=["first_timer"],
question="Context: the user has never configured a customer-managed key and wants registry crwelcome's key kept in a Managed HSM their security team already operates. Task: say what must be in place on the HSM side before they begin.",
canonical=[O + "managed-hsm-keys"],
related=[M + "requirements-for-a-managed-hsm-key-store", L + "managed-hsm-is-not-available-everywhere"],
facts=["confirm it exists in the cloud and region you need"],
answer_facts=["must be provisioned and activated first", "which you must assign yourself"],
truth="First confirm Managed HSM is offered in the registry's cloud and region and that the HSM is provisioned and activated. Then it needs an RSA-HSM key whose permitted operations include wrapKey and unwrapKey, and the registry's user-assigned identity needs the local role Managed HSM Crypto Service Encryption User at /keys/<key-name>, which they must assign themselves because ACR never does. If the HSM firewall is on, trusted services must be allowed before the registry is created, and the registry itself has to be Premium."),

dict(key="A5", style="agent", kind="troubleshoot", form="context", category="troubleshooting", quals=[], flags=[],
question="Context: after a resource clean-up, az acr check-health on registry crboard reports CMK_ERROR saying the encryption identity is gone; id-board-acr was indeed deleted. Task: give the recovery steps.",
canonical=[T + "check-health-reports-cmk_error"],
related=[L + "az-acr-check-health-and-cmk_error", I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
facts=["it is a health-check error code"],
answer_facts=["rotate the key onto a different identity"],
truth="CMK_ERROR means the registry cannot reach the managed identity its encryption is configured to use, here because id-board-acr was deleted. Rotate the key onto a different identity that exists and has key access: turn on the system-assigned identity (az acr identity assign --name crboard --identities '[system]'), grant its principal ID access to the key (the role on an RBAC vault, an access policy otherwise), run az acr encryption rotate-key --name crboard --key-encryption-key <current keyIdentifier> --identity '[system]', then rerun az acr check-health. Had the identity only been detached, attaching it again would have been enough."),

dict(key="A6", style="agent", kind="troubleshoot", form="imperative", category="troubleshooting", quals=["hsm", "oct2026"], flags=[],
question="Check why our release pipeline's service principal gets Forbidden on az keyvault key create --hsm-name mh-rel-01 although its role at /keys is Managed HSM Crypto Service Encryption User.",
canonical=[A + "your-own-permissions-to-create-keys-in-an-rbac-vault"],
related=[M + "local-rbac-roles-for-acr-encryption", T + "operator-cannot-create-the-key-in-an-rbac-vault"],
facts=["read the key and wrap and unwrap with it, nothing else"],
answer_facts=["whoever creates or imports the key needs", "such as managed hsm crypto user"],
truth="Managed HSM Crypto Service Encryption User only lets a principal read a key and wrap and unwrap with it; it cannot create keys. Whoever creates, imports or rotates the key needs a key-creating local role such as Managed HSM Crypto User, so have a Managed HSM Administrator, Crypto Officer or Policy Administrator assign that role to the pipeline's object ID (for example at /keys) and retry once it has taken effect; keep the encryption-user role for the registry identity."),

dict(key="A7", style="agent", kind="troubleshoot", form="keywords", category="troubleshooting", quals=[], flags=[],
question="az acr identity remove on crfinops refused, error says the registry has no access to identity and to force-add it back, user-assigned id-finops-acr",
canonical=[T + "removing-the-encryption-identity-fails"],
related=[I + "the-encryption-identity-cannot-simply-be-removed", I + "switch-to-a-different-user-assigned-identity"],
facts=["the service refuses to detach the identity that encryption currently uses"],
answer_facts=["attach the identity to the registry again", "only now remove the original user-assigned identity"],
truth="id-finops-acr is the identity crfinops uses for encryption, and the service refuses to detach it. Attach it to the registry again first (az acr identity assign --name crfinops --identities <resource ID of id-finops-acr>), give another identity (for example the system-assigned one) access to the key, move encryption to it with az acr encryption rotate-key --identity, confirm with az acr encryption show that keyVaultProperties.identity changed, and only then remove id-finops-acr."),

dict(key="A8", style="agent", kind="value", form="context", category="rotation", quals=["hsm", "oct2026"], flags=[],
question="Context: registry crparts points at a versionless key URI in Managed HSM mh-parts-01 and the HSM team has just created a new version. Question: how soon will the registry have that Managed HSM key version in use, and which field confirms it?",
canonical=[K + "automatic-rotation-with-a-versionless-key-id"],
related=[K + "create-a-new-version-in-a-managed-hsm", M + "rotate-a-managed-hsm-key"],
facts=["covers every version of the key"],
answer_facts=["the same one-hour window applies", "versionedkeyidentifier shows the version currently in use"],
truth="Within one hour: with a versionless Managed HSM key URI the registry polls the HSM and moves to a new key version within an hour, the same window as with a key vault. Confirm it with az acr encryption show: versionedKeyIdentifier changes to the new version, lastKeyRotationTimestamp records the switch, and keyRotationEnabled stays true."),

dict(key="A9", style="agent", kind="yes", form="context", category="rotation", quals=["hsm", "oct2026"], flags=[],
question="Context: registry crdocs2 was created with a versioned key URI from Managed HSM mh-docs-02, so every new version needs a manual rotate-key. Question: can it switch to automatic rotation of the Managed HSM key without being recreated?",
canonical=[K + "switch-from-manual-to-automatic-rotation"],
related=[M + "managed-hsm-key-uris", K + "versioned-and-versionless-key-ids"],
facts=["the registry follows new key versions automatically"],
answer_facts=["moved to automatic rotation at any time", "the reverse also works"],
truth="Yes: run az acr encryption rotate-key on crdocs2 with the versionless Managed HSM URI, https://mh-docs-02.managedhsm.azure.net/keys/<key-name> (the kid without its last segment), and from then on the registry picks up new versions within an hour. Leaving out --identity keeps the current identity, whose key-scoped local role already covers every version. Rotating to a versioned URI again would pin it once more."),

dict(key="A10", style="agent", kind="why", form="imperative", category="rotation", quals=[], flags=["difference"],
question="Explain why registry crledger3 still shows its old key version an hour after we rotated the key, and the difference between az keyvault key rotate and az acr encryption rotate-key.",
canonical=[K + "rotate-immediately-with-az-keyvault-key-rotate"],
related=[T + "registry-keeps-using-an-old-key-version", K + "manual-rotation-with-az-acr-encryption-rotate-key"],
facts=["only creates versions; it does not move the registry"],
answer_facts=["generates a new version at once", "keeps the old one until you run"],
truth="az keyvault key rotate only generates a new version of the key in the vault; that command never moves the registry. A registry follows new versions by itself within an hour only when it was configured with a versionless key ID; crledger3 is most likely pinned to a versioned ID (keyRotationEnabled false in az acr encryption show), so it keeps the old version until someone runs az acr encryption rotate-key, the command that changes which key, version or identity the registry uses. Run rotate-key with the new versioned ID, or with the versionless ID to switch to automatic rotation."),

dict(key="A11", style="agent", kind="undocumented", form="keywords", category="recovery", quals=["hsm", "oct2026"], flags=[],
question="time between revocation of the managed hsm role and registry pulls failing, for our incident runbook, and whether cached layers keep serving",
canonical=[V + "what-revocation-does-to-the-registry"],
related=[V + "revoke-access-to-a-key-in-a-managed-hsm", T + "managed-hsm-role-assignment-not-yet-in-effect"],
facts=["can take several minutes to propagate"],
answer_facts=["there is no partial revocation per repository", "access to all registry data is blocked"],
truth="Not documented: the docs say that once the identity loses its permission on the key, access to all registry data is blocked, with no partial revocation per repository, but they give no delay and say nothing about cached layers; changes to Managed HSM local RBAC can themselves take several minutes to apply. Measure it in a drill and write the observed time into the runbook."),

dict(key="AU3", style="agent", kind="no", form="imperative", category="hsm", quals=["hsm", "oct2026"], flags=["auditor"],
question="Confirm whether one az keyvault role assignment list scoped to /keys/aud-kek in mh-aud-01 is enough to prove to our auditor that the registry identity holds no wider role in that HSM.",
canonical=[A + "verify-the-identitys-access"],
related=[T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope", M + "revoke-access-to-a-managed-hsm-key"],
facts=["either of those still grants access"],
answer_facts=["no assignment at that exact scope", "run it again without --scope"],
truth="No: a list filtered to /keys/aud-kek only shows assignments at that exact scope, and assignments the identity may hold at /keys or / would not appear although they still grant key use. Run az keyvault role assignment list --hsm-name mh-aud-01 --assignee-object-id <identity principal ID> a second time without --scope and check the roleName and scope of every entry; only the key-scoped Managed HSM Crypto Service Encryption User should remain."),
]

# ---------------- off-topic ----------------
OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind=OFF, category=OFF, subject="consul", near_miss=True,
question="""Our services pull their images from the CMK registry crmesh and find each other through Consul. Consul's gossip traffic is encrypted with a shared symmetric key that was generated when the cluster was built three years ago, and last quarter's security review asked why this one has never been changed. We would like to keep the new gossip key in Key Vault next to the registry key. How do I roll a new gossip encryption key across all Consul agents without splitting the cluster?""",
truth="Not covered: Consul gossip encryption and its keyring rotation are outside the knowledge, which only covers the container registry's customer-managed key."),

dict(key="X2", style="long", kind=OFF, category=OFF, subject="1password", near_miss=True,
question="""Our registry admins keep the break-glass credentials for the CMK registry crvault9 and the recovery notes for its key vault in a shared 1Password vault. Security now wants pipelines to read those items automatically through a 1Password Connect server running in Azure, and to have the items rotated whenever the registry's encryption key is rotated. How do I deploy 1Password Connect and let a pipeline fetch an item from it?""",
truth="Not covered: 1Password Connect and password-manager automation are not part of the knowledge, which deals with ACR customer-managed key encryption."),

dict(key="X3", style="long", kind=OFF, category=OFF, subject="cyberark", near_miss=True,
question="""The pipeline that pushes to registry crbank and creates new versions of the registry key in kv-bank-01 authenticates with a service principal secret. Our bank standard says such secrets belong in CyberArk, retrieved at run time and rotated by the vault itself. How do I configure CyberArk to manage and rotate an Azure service principal secret, and how does the pipeline pull it at run time?""",
truth="Not covered: CyberArk secret management and service principal secret rotation are outside the knowledge, which covers only the registry's encryption key."),

dict(key="X4", style="long", kind=OFF, category=OFF, subject="haproxy", near_miss=True,
question="""Partners reach our CMK registry crpartner through an HAProxy instance that terminates TLS on a vanity host name. The certificate's private key currently sits on the HAProxy VM's disk, and the security team wants it kept in Key Vault like the registry's encryption key, with renewals picked up without a restart. How can HAProxy load its certificate and private key from Key Vault and reload them when they are renewed?""",
truth="Not covered: HAProxy TLS certificates and loading them from Key Vault are outside the knowledge, which is limited to the registry's customer-managed key."),

dict(key="X5", style="long", kind=OFF, category=OFF, subject="tailscale",
question="""Our on-premises build agents push to registry crbuild and manage its key vault over a Tailscale network, and each ephemeral agent joins the tailnet with a pre-authorised auth key that we generate by hand every 90 days. The last rotation of the registry's encryption key reminded everyone that the auth key is a manual chore too. How can we generate and rotate Tailscale auth keys for ephemeral agents automatically?""",
truth="Not covered: Tailscale auth keys and tailnet administration are networking topics the knowledge does not cover."),

dict(key="X6", style="long", kind=OFF, category=OFF, subject="nutanix",
question="""Our on-premises Nutanix cluster hosts our image build VMs, which push to registry crnx, and it uses software data-at-rest encryption with the cluster's local key manager. Since the registry moved to a customer-managed key, compliance wants the cluster's encryption keys held by an external key manager as well. How do I switch Nutanix data-at-rest encryption from the local key manager to an external one?""",
truth="Not covered: Nutanix data-at-rest encryption and its key managers are outside the knowledge, which covers ACR customer-managed key encryption only."),

dict(key="X7", style="agent", kind=OFF, category=OFF, form="context", subject="falco",
question="Context: the nodes that pull from our CMK registry run Falco for runtime detection. Task: explain how to write a Falco rule that alerts when any process other than the agent reads the node's private key files.",
truth="Not covered: Falco runtime rules are outside the knowledge, which covers ACR customer-managed key encryption only."),

dict(key="X8", style="agent", kind=OFF, category=OFF, form="imperative", subject="filevault",
question="Explain how to escrow the FileVault recovery keys of the macOS build machines that push to our encrypted registry into our device management service.",
truth="Not covered: FileVault recovery key escrow on macOS is a device-management topic the knowledge does not cover."),

dict(key="X9", style="agent", kind=OFF, category=OFF, form="keywords", subject="lastpass",
question="lastpass enterprise shared folder for the registry admins, rotating the master password and what happens to the folder sharing keys",
truth="Not covered: LastPass shared folders and master password changes are password-manager topics outside the knowledge."),

dict(key="X10", style="short", kind=OFF, category=OFF, subject="cryptomator",
question="cryptomator vault password lost, can the recovery key still open it?",
truth="Not covered: Cryptomator vaults and their recovery keys are not part of the knowledge."),

dict(key="X11", style="short", kind=OFF, category=OFF, subject="tink",
question="how do i rotate a tink keyset in our go service?",
truth="Not covered: Tink keysets and their rotation are an application crypto-library topic outside the knowledge."),

dict(key="X12", style="short", kind=OFF, category=OFF, subject="dashlane",
question="dashlane admin console: recover a locked-out employee account for the ops team?",
truth="Not covered: Dashlane account recovery is a password-manager topic outside the knowledge."),
]
# ---- end of questions ----

QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"identiy": "identity", "acitvate": "activate", "subscripton": "subscription"}
SHAPES = ["two_facts", "script_paste", "difference", "auditor", "many_registries", "first_timer"]

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
    rng = random.Random(42)
    while True:
        rng.shuffle(items)
        cats = [q["category"] for q in items]
        if not any(cats[i] == cats[i + 1] == cats[i + 2] for i in range(len(cats) - 2)):
            break
    entries, meta = [], {}
    for n, q in enumerate(items, 1):
        qid = "j%03d" % n
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
    with open(os.path.join(HERE, "blind42.json"), "w", encoding="utf-8") as fh:
        json.dump(entries, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    with open(os.path.join(HERE, "blind42-meta.json"), "w", encoding="utf-8") as fh:
        json.dump(meta, fh, indent=1, ensure_ascii=False, sort_keys=True)
        fh.write("\n")
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    with open(os.path.join(HERE, "blind42-first-canonicals.txt"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(firsts) + "\n")


if __name__ == "__main__":
    main()
