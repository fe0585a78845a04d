"""blind67 builder: holds the 60 questions (QUESTIONS) and writes blind67.json, blind67-meta.json and
blind67-first-canonicals.txt. render() returns the three files' exact text (check67.py compares it byte for byte)."""
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
# ---- replication_list ----
dict(key="R1", style="long", kind="yes", category="limits", quals=["iac"], flags=["replication_list", "two_facts"],
question="""We are replacing crgarnetold, a geo-replicated Premium registry from before we had a key of our own, with a new registry that must use our own key (audit deadline in Q1). Before I write the Bicep for the new registry I listed what the old one replicates to:

```json
[
  {
    "location": "northeurope",
    "name": "northeurope",
    "provisioningState": "Succeeded",
    "regionEndpointEnabled": true,
    "status": {"displayStatus": "Ready", "message": null},
    "type": "Microsoft.ContainerRegistry/registries/replications",
    "zoneRedundancy": "Disabled"
  },
  {
    "location": "swedencentral",
    "name": "swedencentral",
    "provisioningState": "Succeeded",
    "regionEndpointEnabled": true,
    "status": {"displayStatus": "Ready", "message": null},
    "type": "Microsoft.ContainerRegistry/registries/replications",
    "zoneRedundancy": "Disabled"
  }
]
```

Our security architect claims that a key of our own and geo-replication rule each other out, so the new registry would have to live in West Europe only. Can the new CMK registry keep replicas in both of those regions?""",
canonical=[L + "feature-compatibility-summary", L + "geo-replication-works-with-cmk"],
related=[L + "geo-replication-with-a-managed-hsm-key", O + "moving-an-existing-registry-to-cmk"],
facts=["The docs state no other CMK-specific geo-replication limit."],
answer_facts=["Follow Key Vault disaster-recovery guidance", "rely on the same key vault"],
truth="""Yes: a Premium registry with geo-replicas can also use a customer-managed key, so the new registry can have its northeurope and swedencentral replicas again, and the docs name no other CMK limit for geo-replication. What they add is advice to follow Key Vault's failover and redundancy (disaster-recovery) guidance, since every replica depends on the same vault and key. The replicas cannot be carried over from crgarnetold: create the new Premium registry with its identity and key, add the two replications, then import the images."""),

dict(key="R2", style="long", kind="undocumented", category="limits", quals=[], flags=["replication_list"],
question="""Finance wants crjasper to cost less. It is Premium, encrypted with a key from kv-jasper, and replicates to two regions:

```json
[
  {"location": "eastus2", "name": "eastus2", "regionEndpointEnabled": true, "zoneRedundancy": "Disabled",
   "provisioningState": "Succeeded", "type": "Microsoft.ContainerRegistry/registries/replications"},
  {"location": "centralus", "name": "centralus", "regionEndpointEnabled": false, "zoneRedundancy": "Disabled",
   "provisioningState": "Succeeded", "type": "Microsoft.ContainerRegistry/registries/replications"}
]
```

The plan from the cost review is to delete both replicas and then switch the tier to Standard, which is a lot cheaper. I know the replicas have to go before leaving Premium. What I could not find: do the Microsoft docs say anywhere whether a registry that already uses a customer-managed key may be moved down to the Standard tier?""",
canonical=[L + "changing-the-sku-of-a-cmk-registry-is-not-documented"],
related=[T + "cmk-needs-the-premium-tier", L + "feature-compatibility-summary"],
facts=["treat a CMK registry as staying on Premium"],
answer_facts=["Do not assume it works"],
truth="""Not documented: deleting the eastus2 and centralus replicas is the general prerequisite for leaving Premium, but nothing in the docs says whether an encrypted registry may then move to Standard or Basic. Customer-managed keys are a Premium-only feature and cannot be switched off, so do not count on the downgrade working: ask Azure support before trying it, and never try it on crjasper while it serves production. Keep it Premium in the cost plan until support confirms otherwise."""),

dict(key="R3", style="long", kind="why", category="hsm", quals=["hsm", "oct2026"], flags=["replication_list"],
question="""crtopaz takes its key from hsm-topaz, a Managed HSM in West Europe, since the October revision of the tutorials made that possible. Last week we added replicas:

```json
[
  {"location": "japaneast", "name": "japaneast", "regionEndpointEnabled": true, "zoneRedundancy": "Enabled",
   "status": {"displayStatus": "Ready"}, "type": "Microsoft.ContainerRegistry/registries/replications"},
  {"location": "australiaeast", "name": "australiaeast", "regionEndpointEnabled": true, "zoneRedundancy": "Disabled",
   "status": {"displayStatus": "Ready"}, "type": "Microsoft.ContainerRegistry/registries/replications"}
]
```

For the disaster-recovery review we quoted the geo-replication page, which tells CMK users to follow the Key Vault failover and redundancy guidance. The reviewer rejected our plan because none of that guidance is about an HSM. Why does the page send us to Key Vault material when our key sits in a Managed HSM? And what should our own recovery plan for hsm-topaz cover instead?""",
canonical=[L + "geo-replication-with-a-managed-hsm-key"],
related=[L + "geo-replication-works-with-cmk", M + "recover-a-deleted-managed-hsm-key-or-hsm", M + "provision-and-activate-the-managed-hsm"],
facts=["plan the HSM's own recovery (security domain, backups, region availability) separately"],
answer_facts=["was not updated for Managed HSM"],
truth="""Because that article was never revised for Managed HSM: it still refers CMK users only to Key Vault's disaster-recovery guidance, and the ACR docs have nothing more specific for an HSM key store. For crtopaz, with replicas in japaneast and australiaeast besides its home region, plan the HSM's recovery on its own terms: keep the security domain file and the private keys of its wrapping certificates safe, keep key backups, and check where Managed HSM is offered before counting on another region. Soft delete also covers an accidental deletion of hsm-topaz, but the HSM stays billed while deleted."""),

# ---- cloud_profile ----
dict(key="P1", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["cloud_profile"],
question="""crobsidian runs in Azure Government, and its key is supposed to come from kek-obsidian in hsm-obsidian, a Managed HSM in usgovvirginia. The key change step in our pipeline keeps failing because the service calls the key identifier invalid. The pipeline builds the value itself as `https://hsm-obsidian.managedhsm.azure.net/keys/kek-obsidian`. The runner's CLI reports this cloud:

```json
{
  "endpoints": {
    "activeDirectory": "https://login.microsoftonline.us",
    "resourceManager": "https://management.usgovcloudapi.net/"
  },
  "isActive": true,
  "name": "AzureUSGovernment",
  "profile": "latest",
  "suffixes": {
    "acrLoginServerEndpoint": ".azurecr.us",
    "keyvaultDns": ".vault.usgovcloudapi.net",
    "mhsmDns": ".managedhsm.usgovcloudapi.net",
    "storageEndpoint": "core.usgovcloudapi.net"
  }
}
```

The same pipeline works in the public cloud. Is the host of our Managed HSM key URI the culprit here, and what is the dependable way to get the right value?""",
canonical=[M + "managed-hsm-key-uris"],
related=[T + "managed-hsm-uri-is-not-a-key-uri", O + "the-key-encryption-key-kek-and-its-identifier"],
facts=["The Azure CLI copies whatever you pass without checking host or path"],
answer_facts=["take the host from the HSM's hsmUri"],
truth="""Very likely: managedhsm.azure.net is the Managed HSM suffix of the global cloud, while the profile shows AzureUSGovernment using .managedhsm.usgovcloudapi.net. The CLI passes any URI through unchecked, so only the service rejects it. Stop assembling the host: read the HSM's hsmUri with az keyvault show --hsm-name hsm-obsidian, or better take the key's kid from az keyvault key show --hsm-name hsm-obsidian --name kek-obsidian and cut off the version for automatic rotation, then run the key change again with that value. It must stay an HTTPS URI that points at the key."""),

dict(key="P2", style="long", kind="no", category="hsm", quals=["hsm", "oct2026"], flags=["cloud_profile"],
question="""Design question before anything is built. Our China workloads will push to a new registry, crjade, in chinanorth3, and the team wants its key in a Managed HSM instead of a vault. Someone pointed the CLI at the China cloud and noticed that its profile already carries an HSM suffix:

```json
{
  "isActive": true,
  "name": "AzureChinaCloud",
  "profile": "latest",
  "suffixes": {
    "acrLoginServerEndpoint": ".azurecr.cn",
    "keyvaultDns": ".vault.azure.cn",
    "mhsmDns": ".managedhsm.azure.cn",
    "storageEndpoint": "core.chinacloudapi.cn"
  }
}
```

Their conclusion is that the HSM option is settled for that region and we can skip any further checks. Does the presence of that suffix prove that a Managed HSM key store is supported for crjade in chinanorth3?""",
canonical=[M + "key-vault-and-managed-hsm-compared"],
related=[L + "managed-hsm-is-not-available-everywhere", M + "limits-and-open-points-with-managed-hsm"],
facts=["Not in every Azure cloud and region; check first"],
answer_facts=["Not in every Azure cloud and region"],
truth="""No: the mhsmDns entry only tells the CLI how Managed HSM host names end in AzureChinaCloud; it says nothing about where the service is actually offered. The ACR documentation warns that some Azure clouds and regions have no Managed HSM at all, so confirm it for chinanorth3 before the design depends on it, and keep a Key Vault vault as the fallback key store (an RSA key, or RSA-HSM in a Premium vault)."""),

dict(key="P3", style="long", kind="howto", category="setup", quals=["iac"], flags=["cloud_profile"],
question="""Still in Azure Government, but this time with an ordinary vault. Before our Bicep deployment of crzircon runs, a bash step assembles the key identifier from pieces: vault name, the suffix from the CLI profile, `/keys/` and the key name, because we want the registry to follow new key versions. The profile it reads:

```json
{
  "name": "AzureUSGovernment",
  "suffixes": {
    "acrLoginServerEndpoint": ".azurecr.us",
    "keyvaultDns": ".vault.usgovcloudapi.net"
  }
}
```

It works today, but a reviewer called the string building fragile. How should the step obtain a key identifier without a version for kek-zircon in kv-zircon instead of gluing strings together?""",
canonical=[S + "step-6-choose-a-versioned-or-versionless-key-id"],
related=[K + "versioned-and-versionless-key-ids", S + "step-5-create-an-rsa-key-and-capture-its-key-id"],
facts=["The ACR overview recommends the versionless form."],
answer_facts=["remove the last path segment"],
truth="""Ask the vault instead: take the key's kid from az keyvault key show --vault-name kv-zircon --name kek-zircon --query key.kid --output tsv, which comes back with a version at the end, and cut that last path segment off, for example KEK_ID="${KID%/*}" in bash. The result is the versionless identifier on whatever host AzureUSGovernment gives the vault, so crzircon follows new versions automatically and nothing depends on the suffix table. Pass that value to the Bicep parameter."""),

# ---- aks_check_acr ----
dict(key="K1", style="long", kind="troubleshoot", category="recovery", quals=[], flags=["aks_check_acr"],
question="""Since Tuesday every rollout on aks-prod is stuck in ImagePullBackOff, and the events show 403 from crgarnet. On Monday the security team tidied up role assignments on kv-garnet, the vault that holds crgarnet's customer-managed key. AKS support first asked for this:

```text
$ az aks check-acr -g rg-aks-prod -n aks-prod --acr crgarnet.azurecr.io
[2026-11-18T09:12:04Z] Checking host name resolution (crgarnet.azurecr.io): SUCCEEDED
[2026-11-18T09:12:04Z] Canonical name for ACR (crgarnet.azurecr.io): r0412cnb.westeurope.cloudapp.azure.com.
[2026-11-18T09:12:04Z] ACR location: westeurope
[2026-11-18T09:12:04Z] Checking managed identity...
[2026-11-18T09:12:04Z] Cluster cloud name: AzureCloud
[2026-11-18T09:12:04Z] Kubelet managed identity client ID: 7bd80b6c-51df-4f6f-82d5-89a0e34510ec
[2026-11-18T09:12:05Z] Validating image pull permission: SUCCEEDED
[2026-11-18T09:12:05Z]
Your cluster can pull images from crgarnet.azurecr.io!
```

So the cluster may pull and the name resolves. What is actually broken, and what do we have to put back so the pods can pull again?""",
canonical=[T + "registry-access-lost-after-key-permissions-were-revoked"],
related=[V + "what-revocation-does-to-the-registry", V + "restore-access-after-a-revocation"],
facts=["There is no partial revocation per repository."],
answer_facts=["blocks access to all data"],
truth="""The report only covers name resolution and the kubelet identity's image pull permission; it never tests whether crgarnet can use its own key. The tidy-up most likely removed the grant of crgarnet's encryption identity on kv-garnet, and losing that blocks all registry data for every client, hence the 403s. Read keyVaultProperties.identity from az acr encryption show, then give that identity's principal ID Key Vault Crypto Service Encryption User on kv-garnet again (or get, wrapKey and unwrapKey in an access policy if the vault uses policies). Once the grant is in effect the registry picks the key up by itself and the pods can pull."""),

dict(key="K2", style="long", kind="troubleshoot", category="identity", quals=[], flags=["aks_check_acr"],
question="""Odd one. In August a colleague started detaching id-quartz-enc from crquartz during a clean-up, hit an error and left it there. Nothing seemed to break. This week pulls from crquartz began to fail with 403 and a message saying the registry's identity is inactive and should be reassigned. The cluster side looks healthy:

```text
[2026-11-20T14:02:31Z] Checking host name resolution (crquartz.azurecr.io): SUCCEEDED
[2026-11-20T14:02:31Z] Canonical name for ACR (crquartz.azurecr.io): r1188wde.germanywestcentral.cloudapp.azure.com.
[2026-11-20T14:02:31Z] ACR location: germanywestcentral
[2026-11-20T14:02:31Z] Kubelet managed identity client ID: 04f82c0a-e3d8-4563-8b0a-09b81ca2327a
[2026-11-20T14:02:32Z] Validating image pull permission: SUCCEEDED
```

Can a half-finished change from August really take pulls down in November, and how do we fix it?""",
canonical=[T + "registry-identity-is-inactive-or-expired"],
related=[T + "removing-the-encryption-identity-fails", I + "the-encryption-identity-cannot-simply-be-removed"],
facts=["Re-assigning the identity with `az acr identity assign` fixes it."],
answer_facts=["usually after about three months"],
truth="""That delay fits: the failed removal stopped id-quartz-enc from being renewed, so pulls kept working until its credentials ran out, typically about three months later, and then turned into 403s. The check-acr run only proves host name resolution and the kubelet's pull permission, which were never the problem. Assign the user-assigned identity to crquartz again with az acr identity assign --identities <id-quartz-enc resource ID> and retry. If you really want another encryption identity, rotate-key to it first and only then detach id-quartz-enc."""),

dict(key="K3", style="long", kind="troubleshoot", category="keys", quals=[], flags=["aks_check_acr", "two_facts"],
question="""crspinel's pulls broke about ten minutes after a change ticket that, per its summary, set the current version of kek-spinel to Enabled = No while we test the new 4096-bit version. Nobody touched role assignments or the firewall of kv-spinel. From the cluster:

```text
[2026-11-24T08:40:10Z] Checking host name resolution (crspinel.azurecr.io): SUCCEEDED
[2026-11-24T08:40:10Z] Canonical name for ACR (crspinel.azurecr.io): r2201kmf.eastus.cloudapp.azure.com.
[2026-11-24T08:40:10Z] Kubelet managed identity client ID: 35563531-b98e-4a78-83a3-88cb440feb3f
[2026-11-24T08:40:11Z] Validating image pull permission: SUCCEEDED
[2026-11-24T08:40:11Z]
Your cluster can pull images from crspinel.azurecr.io!
```

Is the disabled version the reason, and how do we get crspinel back without reverting the rest of the ticket?""",
canonical=[T + "key-is-disabled-or-expired", V + "disabling-the-key-instead-a-key-vault-option-not-in-the-acr-docs"],
related=[K + "check-which-key-version-the-registry-uses", T + "registry-keeps-using-an-old-key-version"],
facts=["Enable the key version the registry uses again."],
answer_facts=["every cryptographic operation on a disabled key", "unusable for cryptographic operations without deleting it"],
truth="""Almost certainly: Key Vault refuses all cryptographic use of a disabled version, so crspinel cannot unwrap with it and every pull fails, while check-acr only looks at host name resolution and the image pull permission of the kubelet. Disabling is not an ACR-documented revocation method, but in effect it acts like one. Read versionedKeyIdentifier from az acr encryption show, turn that version back on with az keyvault key set-attributes --vault-name kv-spinel --name kek-spinel --version <that version> --enabled true, and retry. To retire the old version later, move the registry to the new one first (versionless key ID or rotate-key) and only then disable it."""),

dict(key="K4", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["aks_check_acr"],
question="""Our cleanup script deleted kek-agate from hsm-agate (a Managed HSM) last night because it believed the key was unused, but cragate's customer-managed key points at it. Since then the cluster cannot pull, although check-acr is happy:

```text
[2026-11-26T06:15:44Z] Checking host name resolution (cragate.azurecr.io): SUCCEEDED
[2026-11-26T06:15:44Z] ACR location: northeurope
[2026-11-26T06:15:44Z] Kubelet managed identity client ID: ba068c46-101a-4e6c-89b9-fcd310418afb
[2026-11-26T06:15:45Z] Validating image pull permission: SUCCEEDED
```

The HSM itself was not touched. How do we recover kek-agate for cragate, and which local role must whoever performs it hold in the Managed HSM? Once it is back, is the registry using it again without us running anything?""",
canonical=[M + "recover-a-deleted-managed-hsm-key-or-hsm"],
related=[V + "recover-a-deleted-key", T + "key-vault-or-key-was-deleted"],
facts=["HSM and key names stay reserved while they are soft-deleted."],
answer_facts=["needs Managed HSM Crypto Officer"],
truth="""Recover the soft-deleted key inside the HSM: az keyvault key list-deleted --hsm-name hsm-agate shows it, and az keyvault key recover --hsm-name hsm-agate --name kek-agate brings it back; the person running it needs the local role Managed HSM Crypto Officer. Nothing has to be run on cragate: once the key is back, check that its identity still holds Managed HSM Crypto Service Encryption User on /keys/kek-agate and the registry resumes; the image pull permission line in the report was never the issue. Do not purge anything, and consider enabling purge protection on hsm-agate."""),

dict(key="K5", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["aks_check_acr"],
question="""We are rehearsing a revocation for crtourmaline, whose key kek-tourmaline lives in hsm-tourmaline. Following the revoke section we deleted the encryption identity's local role at /keys/kek-tourmaline (principal 12cce2b9-7f0c-4bef-a86e-a5f9f8d32b6d). Forty minutes later the cluster still pulls without complaint, and check-acr agrees:

```text
[2026-11-27T10:03:19Z] Checking host name resolution (crtourmaline.azurecr.io): SUCCEEDED
[2026-11-27T10:03:19Z] Canonical name for ACR (crtourmaline.azurecr.io): r0733vbx.westus3.cloudapp.azure.com.
[2026-11-27T10:03:19Z] Kubelet managed identity client ID: 8fa3c03e-1e9e-4881-bbaa-288a348fe52b
[2026-11-27T10:03:20Z] Validating image pull permission: SUCCEEDED
```

Why does crtourmaline still reach its Managed HSM key after we revoked the role, and what did we miss?""",
canonical=[M + "revoke-access-to-a-managed-hsm-key"],
related=[V + "revoke-access-to-a-key-in-a-managed-hsm", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
facts=["keeps access working too"],
answer_facts=["leaves alone any assignment the identity holds"],
truth="""Deleting the assignment at /keys/kek-tourmaline removes only the one made at that exact scope. If the identity also holds Managed HSM Crypto Service Encryption User, or another local role that can wrap and unwrap such as Managed HSM Crypto User, at /keys or at /, that assignment keeps granting access. List the principal's assignments in hsm-tourmaline without a scope filter and delete each remaining one at its own scope; then the drill bites and all registry data is blocked. The report's image pull permission line will keep saying it succeeded, because it only tests the kubelet."""),

# ---- az_account_json ----
dict(key="Z1", style="long", kind="troubleshoot", category="keys", quals=["iac"], flags=["az_account_json"],
question="""Our Terraform pipeline creates kv-beryl with the RBAC permission model and then the registry key in it, and the key step fails with 403 ForbiddenByRbac. The service principal that runs the job is Contributor on the resource group, which I assumed was plenty. What the login step of the job prints:

```json
[
  {
    "cloudName": "AzureCloud",
    "homeTenantId": "2014a3e1-8e65-4442-9a03-20e1893a72e3",
    "id": "2f24a1f9-50e3-4201-8312-a41d2a624074",
    "isDefault": true,
    "managedByTenants": [],
    "name": "sub-platform-prod",
    "state": "Enabled",
    "tenantId": "2014a3e1-8e65-4442-9a03-20e1893a72e3",
    "user": {
      "name": "c03c07bf-b384-4a3c-b39c-df0fc967f6aa",
      "type": "servicePrincipal"
    }
  }
]
```

Why is Contributor not enough to create that key, and what should the pipeline's identity get instead?""",
canonical=[A + "your-own-permissions-to-create-keys-in-an-rbac-vault"],
related=[T + "operator-cannot-create-the-key-in-an-rbac-vault", A + "which-permission-model-does-my-key-vault-use"],
facts=["those are management-plane roles"],
answer_facts=["does not let you create keys"],
truth="""On an RBAC vault Contributor, like Owner, is a management-plane role: it lets the pipeline create and configure kv-beryl but not create keys inside it. The login shows the service principal c03c07bf-b384-4a3c-b39c-df0fc967f6aa, which is its application (client) ID; look up its object ID and assign it Key Vault Crypto Officer on the vault (az role assignment create --assignee-object-id <object ID> --assignee-principal-type ServicePrincipal --scope <vault ID>), done by someone with Owner, User Access Administrator or Role Based Access Control Administrator there. Wait a few minutes and rerun; the registry's identity still gets only Key Vault Crypto Service Encryption User."""),

dict(key="Z2", style="long", kind="howto", category="rotation", quals=["hsm", "oct2026"], flags=["az_account_json"],
question="""A job on a VM is meant to add a fresh version of kek-lapis in hsm-lapis (Managed HSM) every quarter; crlapis uses the URI without a version. The job signs in with the VM's user-assigned identity, id-lapis-rotator, and then the key create call is refused as forbidden. Its login output:

```json
[
  {
    "environmentName": "AzureCloud",
    "id": "92d35df2-0fa9-4988-9191-c1bfaea3f680",
    "isDefault": true,
    "name": "sub-keys",
    "state": "Enabled",
    "tenantId": "b7fc1c0e-cc5e-43f0-aea7-859418b27547",
    "user": {
      "assignedIdentityInfo": "MSIClient-2fc4f3c5-d87d-4fa9-8926-cc0c073ee895",
      "name": "userAssignedIdentity",
      "type": "servicePrincipal"
    }
  }
]
```

So far that identity only has an Azure role on the HSM resource. What does it need so that the job can create new key versions in the Managed HSM, and does crlapis need anything afterwards?""",
canonical=[M + "rotate-a-managed-hsm-key"],
related=[K + "create-a-new-version-in-a-managed-hsm", M + "local-rbac-roles-for-acr-encryption"],
facts=["they never let anyone use a key"],
answer_facts=["Crypto User is enough for both"],
truth="""Azure roles on the HSM resource only cover managing the HSM; creating key versions needs a local role. Have a Managed HSM Administrator, Crypto Officer or Policy Administrator give id-lapis-rotator Managed HSM Crypto User at /keys/kek-lapis with az keyvault role assignment create --hsm-name hsm-lapis --assignee-principal-type MSI, using its principal ID (2fc4f3c5-d87d-4fa9-8926-cc0c073ee895 in the login is the client ID). That role is enough for az keyvault key create with --kty RSA-HSM --ops wrapKey unwrapKey, or for az keyvault key rotate. crlapis needs nothing: with the versionless URI it switches within an hour, and its identity's role on the key covers every version."""),

dict(key="Z3", style="long", kind="howto", category="identity", quals=[], flags=["az_account_json"],
question="""To keep things simple, our nightly job on vm-build-07 signs in with id-calcite-enc, the same user-assigned identity that crcalcite uses for encryption, and then tries to add key versions in kv-calcite, an RBAC vault. It gets Forbidden. The sign-in:

```json
{
  "environmentName": "AzureCloud",
  "homeTenantId": "e1f2809c-4ddb-40a3-92b0-fe5fd1269fca",
  "id": "943a9e4b-aa9f-4d33-8326-f12a51f348f9",
  "isDefault": true,
  "name": "sub-build",
  "tenantId": "e1f2809c-4ddb-40a3-92b0-fe5fd1269fca",
  "user": {
    "assignedIdentityInfo": "MSIClient-8be65854-2acf-434d-830b-2047f5f514fb",
    "name": "userAssignedIdentity",
    "type": "servicePrincipal"
  }
}
```

That client ID is exactly what keyVaultProperties.identity of crcalcite shows. The quick fix on the table is to give id-calcite-enc Key Vault Crypto Officer as well. How should we set up the identities instead?""",
canonical=[T + "operator-cannot-create-the-key-in-an-rbac-vault"],
related=[A + "why-key-vault-crypto-user-is-not-needed", A + "your-own-permissions-to-create-keys-in-an-rbac-vault"],
facts=["This role is for the operator only"],
answer_facts=["Do not give the registry's managed identity"],
truth="""Keep id-calcite-enc (client ID 8be65854-2acf-434d-830b-2047f5f514fb) on Key Vault Crypto Service Encryption User alone: the encryption identity should be able to read the key and wrap and unwrap with it, nothing more, so do not add Crypto Officer. Give the job an identity of its own, for example a second user-assigned identity attached to vm-build-07, assign that one Key Vault Crypto Officer on kv-calcite and sign the job in with it. New versions then appear, and crcalcite follows them by itself if its key ID carries no version."""),

dict(key="Z4", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["az_account_json", "two_facts"],
question="""I hold Managed HSM Crypto User in hsm-pyrite and created kek-pyrite myself without trouble. The next step, giving crpyrite's encryption identity its role on that key, is refused as forbidden. I ran it from Cloud Shell, signed in like this:

```json
{
  "environmentName": "AzureCloud",
  "homeTenantId": "d03c19db-a4df-4c8f-a044-2826845ed60d",
  "id": "c214c94e-64a2-4587-9c06-7d0527f9326b",
  "isDefault": true,
  "name": "sub-shared-keys",
  "state": "Enabled",
  "tenantId": "d03c19db-a4df-4c8f-a044-2826845ed60d",
  "user": {
    "name": "ines.moreau@fabrikam.example",
    "type": "user"
  }
}
```

Which role do I need inside the HSM to grant crpyrite's identity access scoped to kek-pyrite? And if I skip the grant, will the portal or ACR create it for me when crpyrite is created?""",
canonical=[M + "local-rbac-roles-for-acr-encryption", A + "grant-access-to-a-key-in-a-managed-hsm"],
related=[T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope", M + "requirements-for-a-managed-hsm-key-store"],
facts=["You create that role assignment yourself, before the registry exists."],
answer_facts=["can write role assignments", "never create this assignment"],
truth="""Managed HSM Crypto User lets you create and use keys but not write role assignments; inside a Managed HSM only Managed HSM Administrator, Crypto Officer or Policy Administrator can. Either get one of those yourself (ines.moreau@fabrikam.example) or ask a holder to run az keyvault role assignment create --hsm-name hsm-pyrite --role "Managed HSM Crypto Service Encryption User" --assignee-object-id <identity principal ID> --assignee-principal-type MSI --scope /keys/kek-pyrite. Nobody does it for you: neither ACR nor the portal creates Managed HSM role assignments, so without it crpyrite cannot be created with that key."""),

dict(key="Z5", style="long", kind="howto", category="setup", quals=[], flags=["az_account_json"],
question="""We moved the setup script for crgalena from a laptop to a build VM. On the VM the script signs in with a user-assigned identity, and its second line, copied from the tutorial, looks up the operator's object ID with az ad signed-in-user show. That line now fails, so the Key Vault Crypto Officer grant on kv-galena never happens. Sign-in output on the VM:

```json
[
  {
    "environmentName": "AzureCloud",
    "id": "476ce1d8-2679-430f-8b54-266875dc8a3e",
    "isDefault": true,
    "name": "sub-galena",
    "tenantId": "ee492e4d-52b3-4748-addc-7ec8bd40ead0",
    "user": {
      "assignedIdentityInfo": "MSIResource-/subscriptions/476ce1d8-2679-430f-8b54-266875dc8a3e/resourceGroups/rg-galena/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-galena-build",
      "name": "userAssignedIdentity",
      "type": "servicePrincipal"
    }
  }
]
```

How should the script look up the object ID and call az role assignment create when it runs as this identity?""",
canonical=[A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities"],
related=[A + "your-own-permissions-to-create-keys-in-an-rbac-vault", I + "create-the-user-assigned-identity-and-capture-its-ids"],
facts=["A managed identity counts as `ServicePrincipal` there."],
answer_facts=["This skips the Microsoft Graph lookup"],
truth="""az ad signed-in-user show only answers for a signed-in user, and id-galena-build is a managed identity. Take its principal (object) ID from az identity show --name id-galena-build --resource-group rg-galena (property principalId) and pass it with --assignee-object-id together with --assignee-principal-type ServicePrincipal when you assign Key Vault Crypto Officer at kv-galena's scope. With the object ID given, the CLI skips the Microsoft Graph lookup, so the VM identity needs no Graph permissions; it does need a role that may write role assignments on the vault (Owner, User Access Administrator or Role Based Access Control Administrator)."""),

# ---- slide_outline ----
dict(key="D1", style="long", kind="no", category="limits", quals=[], flags=["slide_outline"],
question="""I present our customer-managed key rollout to the change board on Thursday. The slide text is below; the whole plan hinges on slide 3.

Slide 1: Why
- Audit finding: image data must be protected by a key we own
- Scope: crmalachite (Premium, about 2 TB of images)

Slide 2: Building blocks
- kv-malachite with purge protection and an RSA 3072 key
- user-assigned identity id-malachite with the service encryption role on the vault

Slide 3: Switch-over
- In the Saturday maintenance window we turn on encryption with our key for the existing crmalachite
- No image re-push, the login server stays the same

Can we really switch crmalachite over in place during that window, the way slide 3 describes it?""",
canonical=[O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
related=[O + "moving-an-existing-registry-to-cmk", T + "key-rotation-fails-on-a-registry-without-cmk"],
facts=["the only way to a CMK registry is a new one"],
answer_facts=["no way to turn it on afterwards"],
truth="""No: a customer-managed key can only be chosen while a registry is being created, and there is no command or portal switch that adds one to crmalachite later (rotate-key even fails on a registry created without it). Slide 3 has to become a migration: create a new Premium registry with id-malachite and the kv-malachite key, copy the images with az acr import, and point clients, pipelines and pull secrets at the new login server before retiring crmalachite. Slides 1 and 2 can stay as they are."""),

dict(key="D2", style="long", kind="howto", category="recovery", quals=[], flags=["slide_outline"],
question="""Review request for my onboarding deck for new platform engineers, the part about vaults behind registry encryption:

Slide 4: Vault settings for CMK
- Soft delete: always on, nothing to do
- Purge protection: can only be chosen when a vault is created, so kv-azurite (created in 2024 without it) stays as it is

Slide 5: Deleted keys
- A deleted key can be brought back within the retention window

Slide 4 is the one I am least sure about. If it is wrong, what should engineers do about kv-azurite instead, and what should the slide warn them about?""",
canonical=[O + "soft-delete-and-purge-protection-behaviour-in-key-vault"],
related=[O + "soft-delete-and-purge-protection-on-the-key-vault", V + "how-purge-protection-protects-the-registry"],
facts=["Purge protection cannot be turned off again"],
answer_facts=["Enabling purge protection is a one-way change"],
truth="""Slide 4 is wrong on purge protection: it can be turned on for an existing vault, for example az keyvault update --name kv-azurite --resource-group <rg> --enable-purge-protection true. Warn engineers that it is a one-way switch, never to be turned off again, and that it relies on soft delete, which kv-azurite already has; from then on nobody can purge a deleted key or the vault before its retention period runs out. The ACR docs recommend it rather than require it. Slide 5 is fine."""),

dict(key="D3", style="long", kind="value", category="rotation", quals=["iac"], flags=["slide_outline"],
question="""Slides for the security review of crcinnabar; the reviewers asked for one number that I left open.

Slide 6: Key rotation
- crcinnabar was created in the portal with Select from Key Vault, so its key ID carries no version
- A rotation policy in kv-cinnabar adds a new key version every 90 days
- After a new version appears, the registry switches to it within [fill in]

Slide 7: Evidence
- versionedKeyIdentifier from az acr encryption show, exported monthly

What number goes into the gap on slide 6?""",
canonical=[K + "automatic-rotation-with-a-versionless-key-id"],
related=[K + "rotate-the-key-in-the-azure-portal", K + "check-which-key-version-the-registry-uses"],
facts=["is stored versionless"],
answer_facts=["within one hour"],
truth="""One hour: with a key ID that has no version, which is what the portal's Select from Key Vault stores, crcinnabar checks kv-cinnabar periodically and uses a new version within an hour of its creation. Slide 6 could also say that the rotation policy only creates versions and the registry merely follows them, and that keyRotationEnabled reads true; the versionedKeyIdentifier on slide 7 is the right evidence of which version is in use."""),

dict(key="D4", style="long", kind="undocumented", category="recovery", quals=[], flags=["slide_outline"],
question="""Our incident runbook also exists as a deck for tabletop exercises. Two slides about crgypsum:

Slide 2: Emergency stop
- Disable the current version of kek-gypsum in kv-gypsum (Enabled = No)
- Expected result, according to the ACR documentation: the registry refuses pulls and pushes within minutes

Slide 3: Undo
- Enable the version again; the registry recovers without a restart

An auditor wants the source for the second bullet of slide 2. Where in the ACR docs is turning the key off listed as a method of revocation?""",
canonical=[V + "disabling-the-key-instead-a-key-vault-option-not-in-the-acr-docs"],
related=[V + "revoking-and-restoring-access-to-the-customer-managed-key", T + "key-is-disabled-or-expired"],
facts=["There are two ways to revoke"],
answer_facts=["effect on a registry is not documented"],
truth="""Not documented: the ACR articles name two ways to revoke, taking the identity's access away or deleting the key, and never mention disabling or expiring it, so slide 2's reference to the ACR documentation does not hold. Key Vault itself refuses cryptographic operations on a disabled version, so a lockout of crgypsum is the likely result and re-enabling it (slide 3) should bring the registry back, but test both on a non-production registry and cite the Key Vault behaviour, not ACR, in the runbook."""),

dict(key="D5", style="long", kind="yes", category="hsm", quals=["hsm", "iac", "oct2026"], flags=["slide_outline", "two_facts"],
question="""Draft slides for our HSM migration pitch:

Slide 1: Target design
- crsiderite's customer-managed key moves from kv-siderite to hsm-siderite, a Managed HSM
- RSA-HSM key kek-siderite that allows wrapKey and unwrapKey
- Terraform: azurerm 4.65 or later for the HSM key URI

Slide 2: Access
- The encryption identity receives the HSM's local service encryption role, on kek-siderite only, assigned by us before the switch

A colleague calls slide 1 fantasy because, in his memory, ACR works with Key Vault vaults only. Does ACR support a Managed HSM key store the way slides 1 and 2 describe it?""",
canonical=[M + "using-an-azure-key-vault-managed-hsm-key-for-registry-encryption", M + "managed-hsm-is-a-supported-key-store-for-acr-cmk"],
related=[M + "requirements-for-a-managed-hsm-key-store", C + "managed-hsm-key-in-terraform"],
facts=["the setup, rotation, revocation and troubleshooting steps each have a Managed HSM variant"],
answer_facts=["in an Azure Key Vault Managed HSM", "documented as the second supported key store"],
truth="""Yes: since the October 2026 revision the ACR tutorials document Managed HSM as a second supported key store next to Key Vault vaults, so slide 1 holds, and slide 2 describes exactly the access the registry needs, a local role at /keys/kek-siderite that you must create yourself because neither ACR nor the portal does. The HSM must be activated first, and moving crsiderite is a rotate-key to the new key URI once the grant is in effect."""),

# ---- unshaped long posts ----
dict(key="L1", style="long", kind="troubleshoot", category="troubleshooting", quals=["hsm", "oct2026"], flags=[],
question="""Creating crmica fails at the very last step and I am running out of ideas. The encryption identity got its local role (the service encryption one) on /keys/kek-mica an hour ago and it is listed, the HSM shows as active, and its firewall lets trusted services through. This is the key:

```json
{
  "key": {
    "kty": "RSA-HSM",
    "keyOps": ["sign", "verify"],
    "kid": "https://hsm-mica.managedhsm.azure.net/keys/kek-mica/6b1d0e4a93c27f58d1e0aa4b2c9f7e61"
  },
  "attributes": {"exportable": false, "enabled": true}
}
```

We reused a key the code-signing team had made. Do we need a brand-new key? Or will a new version of kek-mica in the Managed HSM with the right operations be enough?""",
canonical=[T + "managed-hsm-key-has-the-wrong-type-or-operations"],
related=[M + "requirements-for-a-managed-hsm-key-store", K + "create-a-new-version-in-a-managed-hsm"],
facts=["The role assignment alone does not help"],
answer_facts=["the key itself must allow the operations"],
truth="""The operations are the problem: a Managed HSM key for ACR must be RSA-HSM and permit wrapKey and unwrapKey, and the role cannot make up for a key restricted to sign and verify. A new version is enough: az keyvault key create --hsm-name hsm-mica --name kek-mica --kty RSA-HSM --ops wrapKey unwrapKey adds one under the same name, so the role on /keys/kek-mica covers it; then rerun az acr create with the versionless https://hsm-mica.managedhsm.azure.net/keys/kek-mica. If the signing team still needs sign and verify on that key, give crmica a key of its own instead and assign the role on that one."""),

dict(key="L2", style="long", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question="""The create script for crtalc broke after a refactor that moved the identity lookup into a helper function the create call no longer uses. It now boils down to the two lines below and stops at once with a usage error, before any request leaves the machine:

```bash
KEK=https://kv-talc.vault.azure.net/keys/kek-talc
az acr create -g rg-talc -n crtalc --sku Premium --key-encryption-key "$KEK"
```

The key exists and the identity id-talc has its role on kv-talc. What exactly does the CLI want from us here?""",
canonical=[T + "acr-create-needs-both-identity-and-key"],
related=[S + "rules-that-az-acr-create-enforces-for-cmk", S + "step-7-create-the-premium-registry-with-the-customer-managed-key"],
facts=["Look up the identity's resource ID (not its client or principal ID) and the key ID."],
answer_facts=["passing just one of them is rejected"],
truth="""It wants both options in the same call: az acr create only sets up a customer-managed key when it gets --identity and --key-encryption-key together, and turns down a call with just one of them before sending anything. Pass id-talc's resource ID (or simply id-talc if it lives in rg-talc) as --identity next to --key-encryption-key "$KEK"; its client or principal ID will not do. Since $KEK has no version, crtalc will then follow new key versions automatically."""),

dict(key="L3", style="long", kind="howto", category="iac", quals=["iac"], flags=[],
question="""crslate is managed with Terraform (azurerm 4.x), Premium, and was created two years ago without encryption. I added identity and encryption blocks, and terraform plan now lists the registry as an update in place:

```hcl
resource "azurerm_container_registry" "slate" {
  sku                 = "Premium"
  name                = "crslate"
  resource_group_name = azurerm_resource_group.slate.name
  location            = "westeurope"

  encryption {
    identity_client_id = local.slate_enc_client
    key_vault_key_id   = data.terraform_remote_state.keys.outputs.slate_kek_versionless
  }

  identity {
    identity_ids = [local.slate_enc_id]
    type         = "UserAssigned"
  }
}
```

Before I apply it: will this give crslate a customer-managed key? If not, what is the Terraform way to end up with an encrypted registry?""",
canonical=[C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep"],
related=[C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs", O + "moving-an-existing-registry-to-cmk"],
facts=["ACR accepts a customer-managed key only when the registry is created."],
answer_facts=["plans an in-place update"],
truth="""It will not: the service takes a customer-managed key only when a registry is created, and azurerm does not mark the encryption block as forcing replacement, so this in-place update is expected to be rejected at apply. Declare a second azurerm_container_registry under a new name (Premium, the same identity and encryption blocks, depends_on the key's role assignment), copy the images from crslate with az acr import, switch the clients, then remove crslate. terraform apply -replace would also produce a new registry, but it deletes crslate and every image in it first."""),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="R4", style="agent", form="context", kind="value", category="limits", quals=[], flags=["replication_list"],
question='Context: crberyl uses a customer-managed key and its replication list is `[{"location": "uksouth", "regionEndpointEnabled": true}, {"location": "ukwest", "regionEndpointEnabled": true}]`. Question: which resilience guidance does the geo-replication article point CMK users to?',
canonical=[L + "geo-replication-works-with-cmk"],
related=[L + "feature-compatibility-summary", L + "geo-replication-with-a-managed-hsm-key"],
facts=["Geo-replication | Yes | Follow Key Vault disaster-recovery guidance"],
answer_facts=["follow Azure Key Vault's failover and redundancy"],
truth="""Azure Key Vault's failover and redundancy (disaster-recovery) guidance: both the uksouth and the ukwest replica of crberyl depend on the one key vault and key, so that vault's availability matters in each region. The article names no other CMK-specific limit for geo-replication."""),

dict(key="R5", style="agent", form="imperative", kind="howto", category="setup", quals=[], flags=["replication_list"],
question='Show the steps to move crflint, replicated as `[{"location": "francecentral", "regionEndpointEnabled": true}]` and created without a customer-managed key, onto a new CMK registry with all its images',
canonical=[O + "moving-an-existing-registry-to-cmk"],
related=[O + "cmk-can-only-be-enabled-when-the-registry-is-created", L + "geo-replication-works-with-cmk"],
facts=["The official docs give no migration procedure."],
answer_facts=["copies one image or artifact"],
truth="""crflint cannot be converted in place. Give a user-assigned identity access to the key, create a new Premium registry with that identity and key (az acr create --identity ... --key-encryption-key ...), add a francecentral replica to it, then copy each repository and tag with az acr import --source crflint.azurecr.io/<repo>:<tag> (one image or artifact per call). Finally point clients, pipelines and pull secrets at the new login server and retire crflint once everything is copied."""),

dict(key="P4", style="agent", form="keywords", kind="value", category="keys", quals=["hsm", "oct2026"], flags=["cloud_profile"],
question='versionless managed hsm key uri for kek-onyx in hsm-onyx when the cli profile reads `{"name": "AzureCloud", "suffixes": {"mhsmDns": ".managedhsm.azure.net"}}`',
canonical=[O + "the-key-encryption-key-kek-and-its-identifier"],
related=[M + "managed-hsm-key-uris", S + "step-6-choose-a-versioned-or-versionless-key-id"],
facts=["The choice decides whether rotation is manual or automatic"],
answer_facts=["the URI of a key"],
truth="""https://hsm-onyx.managedhsm.azure.net/keys/kek-onyx, with no version segment at the end, is the value for --key-encryption-key (or keyIdentifier) in AzureCloud; without the version the registry follows new versions automatically. It has to be the HTTPS URI of the key itself, and the registry identity needs Managed HSM Crypto Service Encryption User on /keys/kek-onyx."""),

dict(key="P5", style="agent", form="context", kind="undocumented", category="network", quals=["hsm", "oct2026"], flags=["cloud_profile"],
question='Context: our runner\'s `az cloud show` gives `{"name": "AzureUSGovernment", "suffixes": {"mhsmDns": ".managedhsm.usgovcloudapi.net"}}`. Question: do the ACR customer-managed key docs state which Managed HSM DNS suffix a key URI must use in this cloud?',
canonical=[L + "managed-hsm-is-not-available-everywhere"],
related=[M + "managed-hsm-key-uris", T + "managed-hsm-uri-is-not-a-key-uri"],
facts=["`managedhsm.azure.net` there"],
answer_facts=["use a different DNS suffix"],
truth="""Not documented: the ACR material gives managedhsm.azure.net only for the global cloud and says other clouds use a different DNS suffix, without listing the one for AzureUSGovernment or checking it for you. Take the host from the Managed HSM's own hsmUri (or from the key's kid) rather than from a table; the value still has to be an HTTPS URI that points at a key."""),

dict(key="G1", style="agent", form="context", kind="troubleshoot", category="iac", quals=["iac"], flags=[],
question="Context: one Bicep file declares the identity, a roleAssignments resource on kv-basalt and crbasalt with keyVaultProperties; the first deployment fails with Failed to access KeyId, a rerun succeeds. Question: what is missing in the Bicep?",
canonical=[C + "bicep-registry-with-a-customer-managed-key"],
related=[C + "why-the-registry-needs-depends_on-on-the-role-assignment", T + "registry-creation-cannot-access-the-key"],
facts=["Terraform may create both in parallel"],
answer_facts=["what makes the grant exist first"],
truth="""An explicit dependsOn from the registry to the role assignment: crbasalt references the identity and the key but not the assignment, so Bicep deploys both at once and the registry can be created before the grant on kv-basalt exists or has taken effect. Add dependsOn: [ keyAccess ] (your assignment's symbolic name) to the registry resource; a new assignment can still need a few minutes, which is why the rerun worked."""),

dict(key="G2", style="agent", form="imperative", kind="howto", category="identity", quals=[], flags=[],
question="List the commands that hand crpumice's encryption over from id-pumice-old to the other user-assigned identity id-pumice-new, RBAC vault kv-pumice, with no moment where the key is unreachable",
canonical=[I + "switch-to-a-different-user-assigned-identity"],
related=[K + "rotate-with-a-different-identity-or-the-system-assigned-identity", I + "which-identity-value-goes-where"],
facts=["attach it, grant it access to the key, then rotate to it"],
answer_facts=["reports the new client ID"],
truth="""Attach id-pumice-new with az acr identity assign --name crpumice --identities <its resource ID>; give its principal ID Key Vault Crypto Service Encryption User on kv-pumice (az role assignment create --assignee-object-id ... --assignee-principal-type ServicePrincipal --scope <vault ID>); then az acr encryption rotate-key --name crpumice --key-encryption-key <current key ID> --identity <id-pumice-new resource ID>. Only after az acr encryption show lists id-pumice-new's client ID should id-pumice-old lose its role or be detached."""),

dict(key="G3", style="agent", form="keywords", kind="troubleshoot", category="keys", quals=[], flags=[],
question="access policy for the crquartzite identity refused, says wrap is not an allowed key permission value, vault kv-quartzite uses policies",
canonical=[T + "invalid-key-permission-names-wrap-and-unwrap"],
related=[A + "grant-access-with-a-key-vault-access-policy", S + "option-b-access-policy-on-an-access-policy-vault"],
facts=["Matching is case-insensitive"],
answer_facts=["wrap and unwrap are not accepted values"],
truth="""The CLI needs the full permission names: az keyvault set-policy --name kv-quartzite --object-id <identity principal ID> --key-permissions get wrapKey unwrapKey. The short forms wrap and unwrap are only prose shorthand and are rejected (the case of the full names does not matter). On an RBAC vault you would assign Key Vault Crypto Service Encryption User instead."""),

dict(key="G4", style="agent", form="context", kind="yes", category="rotation", quals=["hsm", "oct2026"], flags=[],
question="Context: crrhodonite is configured with the versionless key URI https://hsm-rhodonite.managedhsm.azure.net/keys/kek-rhodonite. Question: if we call az keyvault key create once more using the same key name in that Managed HSM, will the registry take up the new version on its own?",
canonical=[K + "create-a-new-version-with-az-keyvault-key-create"],
related=[K + "create-a-new-version-in-a-managed-hsm", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["a new version is made the same way"],
answer_facts=["adds a new version to that key"],
truth="""Yes: creating the key again under the same name adds a new version of kek-rhodonite rather than a second key, and with the versionless URI crrhodonite polls the Managed HSM and moves to that version within an hour, as it would with a vault. Keep --kty RSA-HSM --ops wrapKey unwrapKey on the create; no new role assignment is needed, since a role scoped to the key covers all its versions."""),

dict(key="G5", style="agent", form="imperative", kind="howto", category="recovery", quals=[], flags=["two_facts"],
question="Give the recovery steps for kv-feldspar, an RBAC vault deleted yesterday that holds crfeldspar's customer-managed key, including anything the registry's identity needs afterwards",
canonical=[V + "recover-a-deleted-key-vault", V + "re-create-rbac-role-assignments-after-recovering-a-vault"],
related=[T + "key-vault-or-key-was-deleted", V + "how-purge-protection-protects-the-registry"],
facts=["its Azure role assignments are removed and are not restored when the vault is recovered"],
answer_facts=["A deleted key vault can be recovered", "does not bring them back"],
truth="""Find it with az keyvault list-deleted --resource-type vault and restore it with az keyvault recover --name kv-feldspar; its name stays reserved while it is soft-deleted, so do not try to create a new vault under it. The keys return with the vault, but its Azure role assignments do not: re-create Key Vault Crypto Service Encryption User for crfeldspar's encryption identity at the vault's scope, and any Crypto Officer grants for operators, after which pulls work again. Do not purge anything meanwhile."""),

dict(key="G6", style="agent", form="keywords", kind="no", category="identity", quals=[], flags=[],
question="acr create using only the registry's own system identity for the customer-managed key, no user-assigned identity at all",
canonical=[I + "a-user-assigned-identity-is-required-when-the-registry-is-created"],
related=[T + "system-assigned-identity-rejected-at-registry-creation", I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
facts=["The registry does not exist yet"],
answer_facts=["does not accept --identity '[system]'"],
truth="""No: at creation az acr create only takes a user-assigned identity (its resource ID, or its name in the registry's resource group); the registry's system-assigned identity does not exist yet and so cannot have been granted the key. Create with a user-assigned identity, then turn on the system identity, give it access and switch with az acr encryption rotate-key --identity '[system]'."""),

dict(key="G7", style="agent", form="imperative", kind="howto", category="network", quals=[], flags=[],
question="Give the fix order for crgneiss: image import has returned 403 ForbiddenByFirewall since kv-gneiss was limited to selected networks last week",
canonical=[N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry"],
related=[T + "http-403-after-enabling-the-key-vault-firewall", N + "allow-trusted-services-and-deny-other-traffic"],
facts=["If the 403 persists, open an Azure support case."],
answer_facts=["re-apply the registry's key configuration"],
truth="""First let ACR through the vault firewall: az keyvault update --name kv-gneiss --bypass AzureServices (the Deny default can stay) and confirm the bypass in its networkAcls. Then re-apply crgneiss's current key settings with az acr encryption rotate-key, passing the keyIdentifier and identity that az acr encryption show reports ('[system]' if it says system). If imports still fail after that, open a support case; your own machines need their own network rules."""),

dict(key="G8", style="agent", form="context", kind="why", category="rotation", quals=[], flags=[],
question="Context: we will rotate crchert onto kek-chert2 in the new vault kv-chert2 and planned to grant the identity there afterwards. Question: why do the docs insist that access on the target exists before az acr encryption rotate-key runs?",
canonical=[K + "manual-rotation-with-az-acr-encryption-rotate-key"],
related=[A + "access-to-a-key-in-a-second-key-vault", K + "move-to-a-different-key-or-to-a-key-in-another-vault"],
facts=["Otherwise the rotation leaves the registry unable to reach its key."],
answer_facts=["able to use the target key"],
truth="""Because rotate-key makes crchert depend on the target key straight away: the identity that ends up configured has to be able to get, wrap and unwrap kek-chert2 in kv-chert2 at that moment, or the registry can no longer reach its key and its data is blocked until access is fixed. Grant Key Vault Crypto Service Encryption User (or the access policy) on kv-chert2 first, let it take effect, rotate, and keep the old vault's access until az acr encryption show reports the new key."""),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="howto", category="identity", quals=[], flags=[], typo="finaly",
question="finaly enabled acr's system identity, how do i read its principal id?",
canonical=[I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
related=[I + "which-identity-value-goes-where", K + "rotate-with-a-different-identity-or-the-system-assigned-identity"],
facts=["System-assigned identity's principal ID (for access grants)"],
answer_facts=["Read its principal ID"],
truth="""Run az acr identity show --name <registry> --resource-group <rg> and take principalId from the output. That object ID is what the key grant needs (role assignment or access policy); once encryption is switched to this identity, az acr encryption show reports it as system rather than by ID."""),

dict(key="S2", style="short", kind="howto", category="network", quals=["hsm", "iac", "oct2026"], flags=[],
question="portal can't list keys of our firewalled managed hsm, how do i get access?",
canonical=[N + "the-portal-key-picker-and-a-key-store-firewall"],
related=[M + "key-picker-blocked-by-the-hsm-firewall", T + "portal-key-picker-cannot-list-keys-behind-the-managed-hsm-firewall"],
facts=["The trusted-services exception only lets ACR itself through"],
answer_facts=["does not cover a browser outside"],
truth="""The key picker lists keys from your browser, and the trusted-services exception that lets ACR reach the Managed HSM does nothing for that browser. Either allow your client's public IP on the HSM (az keyvault network-rule add --hsm-name <hsm> --ip-address <your IP>, removed again later if you like), or skip the picker and paste the key ID under Enter key URI, read from a machine on an allowed network."""),

dict(key="S3", style="short", kind="value", category="recovery", quals=[], flags=[], typo="usualy",
question="how many days does a deleted kv key usualy stay recoverable?",
canonical=[V + "recover-a-deleted-key"],
related=[O + "soft-delete-and-purge-protection-behaviour-in-key-vault", V + "how-purge-protection-protects-the-registry"],
facts=["Once the key is back, registry operations resume."],
answer_facts=["7 to 90 days, 90 by default"],
truth="""For the vault's soft-delete retention period: anything from 7 to 90 days, and 90 unless the vault was created with a different --retention-days. Within that window az keyvault key recover restores the key and the registry carries on."""),

dict(key="S4", style="short", kind="value", category="rotation", quals=["hsm", "oct2026"], flags=[],
question="managed hsm key rotation policy: what is the minimum gap between versions",
canonical=[K + "create-a-new-version-in-a-managed-hsm"],
related=[M + "rotate-a-managed-hsm-key", K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy"],
facts=["a key can have at most 100 versions"],
answer_facts=["rotate more often than every 28 days"],
truth="""Every 28 days at the most: that is the floor for a rotation policy in a Managed HSM, whereas a key vault policy may go down to 7. The HSM also wants a policy in place before on-demand rotation, and caps each key at 100 versions."""),

dict(key="S5", style="short", kind="value", category="setup", quals=[], flags=[],
question="which sku must az acr create get for a cmk registry",
canonical=[S + "step-7-create-the-premium-registry-with-the-customer-managed-key"],
related=[T + "cmk-needs-the-premium-tier", O + "cmk-requires-the-premium-sku"],
facts=["The Azure CLI does not check this itself"],
answer_facts=["--sku Premium is required for CMK"],
truth="""Premium, passed as --sku Premium: the service turns down customer-managed keys on Basic or Standard even though the CLI itself does not check the tier, and a registry cannot pick up a key later by being upgraded."""),

dict(key="S6", style="short", kind="yes", category="keys", quals=["hsm", "oct2026"], flags=[],
question="can an on-prem key imported into managed hsm serve as acr cmk?",
canonical=[O + "bring-your-own-key-byok"],
related=[M + "managed-hsm-is-a-supported-key-store-for-acr-cmk", M + "requirements-for-a-managed-hsm-key-store"],
facts=["The key can be generated in the HSM or imported into it"],
answer_facts=["Both key stores support both"],
truth="""Yes: the key may be generated in the store or created elsewhere and imported, and Key Vault vaults and Managed HSM both allow imported keys. In a Managed HSM import it as an RSA-HSM key that permits wrapKey and unwrapKey, give the registry identity its local role on it, and reference it by its key URI."""),

dict(key="S7", style="short", kind="no", category="limits", quals=[], flags=[], typo="noticable",
question="can we switch cmk off on our acr later if latency gets noticable?",
canonical=[O + "cmk-cannot-be-disabled-after-it-is-enabled"],
related=[L + "feature-compatibility-summary", O + "requirements-at-a-glance"],
facts=["Permanent for the life of the registry"],
answer_facts=["the setting is permanent"],
truth="""No: once a registry is encrypted with a customer-managed key it stays that way for its whole life, and nothing switches it back to Microsoft-managed keys only. You may change the key, its version, the vault or the identity, but some customer-managed key has to remain configured and reachable."""),

dict(key="S8", style="short", kind="why", category="keys", quals=[], flags=[],
question="why is an ec key refused as acr cmk?",
canonical=[O + "which-key-types-and-sizes-are-supported"],
related=[T + "elliptic-curve-key-rejected", O + "key-sizes-offered-by-key-vault"],
facts=["can't wrap keys and are not supported"],
answer_facts=["Not supported: elliptic-curve keys"],
truth="""Because the registry uses its key to wrap and unwrap, and elliptic-curve keys (EC or EC-HSM, on any curve) cannot wrap keys; ACR supports only RSA and RSA-HSM keys, in any size Key Vault offers (2048, 3072 or 4096 bits)."""),

dict(key="S9", style="short", kind="undocumented", category="keys", quals=[], flags=[],
question="does my cmk encrypt each image layer directly or wrap other keys",
canonical=[O + "what-customer-managed-key-encryption-adds-to-a-registry"],
related=[O + "default-encryption-at-rest-without-a-cmk", O + "why-teams-use-a-customer-managed-key"],
facts=["Registries without a CMK are still encrypted at rest"],
answer_facts=["does not describe the internal key hierarchy"],
truth="""Not documented: the ACR docs leave the internal key hierarchy out. The permissions the registry identity gets (get, wrapKey, unwrapKey) suggest the key wraps the registry's own encryption keys rather than encrypting layers, but that is an inference; Microsoft-managed encryption at rest stays underneath either way."""),

dict(key="S10", style="short", kind="troubleshoot", category="recovery", quals=[], flags=[],
question="kv delete-policy refuses to revoke the acr identity: cannot delete policies, rbac vault",
canonical=[V + "revoke-by-removing-the-access-policy"],
related=[V + "revoke-by-deleting-the-rbac-role-assignment", T + "set-policy-fails-on-an-rbac-key-vault"],
facts=["so list first with the same filters"],
answer_facts=["use the role assignment instead"],
truth="""Access policies do not apply on an RBAC vault, so revoke through the role: list the identity's Key Vault Crypto Service Encryption User assignment with az role assignment list --assignee-object-id <principal ID> --scope <vault ID>, then az role assignment delete with the same filters (it removes every match). All pulls and pushes then fail until the role is given back."""),

dict(key="S11", style="short", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question="our health check shows cmk_error after an identity clean-up, how do we fix it?",
canonical=[T + "check-health-reports-cmk_error"],
related=[L + "az-acr-check-health-and-cmk_error", T + "general-diagnostic-checklist"],
facts=["The identity used for registry"],
answer_facts=["Typically that identity was deleted"],
truth="""The health check is telling you the identity named in the encryption settings can no longer be reached, so the clean-up probably deleted it or detached it. A user-assigned identity that still exists only needs attaching again (az acr identity assign); if it is gone, grant another identity (the system-assigned one, for example) access to the key and switch encryption to it with rotate-key --identity, then run az acr check-health once more."""),

dict(key="S12", style="short", kind="howto", category="iac", quals=["iac"], flags=[],
question="terraform: which key attribute makes acr follow new key versions automatically?",
canonical=[C + "automatic-key-rotation-in-terraform-versionless_id-vs-id"],
related=[C + "complete-terraform-example-with-key-vault-role-assignment-and-registry", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["Only the first two are key URIs"],
answer_facts=["the registry moves to new versions"],
truth="""Point encryption.key_vault_key_id at azurerm_key_vault_key.<name>.versionless_id; id carries the version from the key's creation and pins it. The registry then moves to each new version within an hour, but something (a rotation_policy block or a manual key create) still has to produce those versions."""),
]

# ---------------- off-topic ----------------
OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind="off-topic", category=OFF, subject="healthchecks", near_miss=True,
question="""Our nightly job that prunes old tags from the container registry reports to a self-hosted Healthchecks instance when it finishes. The project's ping key ended up in a screenshot on an internal wiki page that far too many people can read. How do I replace the ping key in Healthchecks and update the job so that it keeps reporting without a missed night showing up as an alert?""",
truth="""Not covered: swapping the ping key of a Healthchecks project is monitoring-tool administration; the knowledge only deals with the customer-managed key that encrypts an Azure container registry."""),
dict(key="X2", style="long", kind="off-topic", category=OFF, subject="defectdojo", near_miss=True,
question="""DefectDojo collects the vulnerability findings for every image we push to our container registry; our image checks upload their results with the key of a dedicated DefectDojo user. That key showed up in plain text in a job log. How do I issue a new key for that DefectDojo user and roll it out to the checks without losing a day of findings?""",
truth="""Not covered: renewing a DefectDojo user's upload key belongs to the findings tool's own user settings and has nothing to do with ACR encryption by customer-managed keys."""),
dict(key="X3", style="long", kind="off-topic", category=OFF, subject="glitchtip", near_miss=True,
question="""GlitchTip receives the crash reports of our in-house tool that promotes images between container registries. The DSN the tool uses, public key included, was pasted into a chat channel shared with a vendor. What is the cleanest way to give the GlitchTip project a fresh key and make sure reports sent with the old one are refused?""",
truth="""Not covered: rotating a GlitchTip project's DSN key is error-tracking configuration, outside the Azure Container Registry customer-managed key material."""),
dict(key="X4", style="long", kind="off-topic", category=OFF, subject="flagsmith", near_miss=True,
question="""Flagsmith decides which image tag from our container registry the canary hosts pull, and the agents read the flags with a client-side environment key. That environment key was committed to a public repository by mistake. How do I generate a replacement in Flagsmith and move the agents over without the canaries falling back to default flag values?""",
truth="""Not covered: replacing a Flagsmith environment key is feature-flag service administration, not something the registry CMK documentation addresses."""),
dict(key="X5", style="long", kind="off-topic", category=OFF, subject="beszel", near_miss=True,
question="""Beszel keeps an eye on CPU and disk of the hosts that build images for our container registry. After we restored the Beszel hub on a new VM, every agent rejects it, because the hub now presents a different public key from the one the agents were set up with. Can I bring the old hub key back, or do I have to reconfigure each agent with the new one?""",
truth="""Not covered: re-keying Beszel agents after moving their hub is server-monitoring administration and unrelated to customer-managed key encryption of ACR."""),
dict(key="X6", style="long", kind="off-topic", category=OFF, subject="openproject",
question="""The platform team plans its work in OpenProject. The folder where uploaded files live has grown to several hundred gigabytes and the disk under it is almost full. What is the supported way to move those OpenProject files to a larger volume so that existing work packages still show their files afterwards?""",
truth="""Not covered: relocating OpenProject attachments is project-management software administration, far from the Azure Container Registry CMK topic."""),
dict(key="X7", style="agent", form="context", kind="off-topic", category=OFF, subject="planka",
question="Context: the platform team tracks its registry chores on a Planka board. Question: a board was deleted by accident yesterday, can it be restored, and how?",
truth="""Not covered: restoring a deleted Planka board is kanban-tool administration, which the ACR customer-managed key knowledge does not cover."""),
dict(key="X8", style="agent", form="imperative", kind="off-topic", category=OFF, subject="docspell",
question="Explain how to rebuild the full-text index of Docspell after its database was moved to a new server and searches return nothing",
truth="""Not covered: rebuilding Docspell's search index is document-archive maintenance, unrelated to registry encryption."""),
dict(key="X9", style="agent", form="keywords", kind="off-topic", category=OFF, subject="kitchenowl",
question="kitchenowl shopping list not syncing between two phones on the same household account since the last app update",
truth="""Not covered: a KitchenOwl list that no longer syncs between phones is a household-app problem, outside ACR CMK encryption."""),
dict(key="X10", style="short", kind="off-topic", category=OFF, subject="snipe-it",
question="how do i reset the admin password of our snipe-it instance?",
truth="""Not covered: resetting a Snipe-IT admin password is asset-management administration, not part of the registry CMK knowledge."""),
dict(key="X11", style="short", kind="off-topic", category=OFF, subject="homebox",
question="homebox labels print blank after the upgrade",
truth="""Not covered: blank labels from Homebox are an inventory-app printing issue and have nothing to do with customer-managed keys in ACR."""),
dict(key="X12", style="short", kind="off-topic", category=OFF, subject="librespeed",
question="why does librespeed show only half our line speed?",
truth="""Not covered: LibreSpeed measurements are a network speed-test question, outside the Azure Container Registry CMK material."""),
]

QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"finaly": "finally", "usualy": "usually", "noticable": "noticeable"}
SHAPES = ["two_facts", "replication_list", "cloud_profile", "aks_check_acr", "az_account_json", "slide_outline"]
SEED = 67
ID_PREFIX = "ae"

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
SPREAD_SETS = (66, 65)
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
    """(blind67.json text, blind67-meta.json text, blind67-first-canonicals.txt text)"""
    entries, meta = build()
    j = json.dumps(entries, indent=1, ensure_ascii=False) + "\n"
    m = json.dumps(meta, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    f = "\n".join(firsts) + "\n"
    return j, m, f


def main(out=HERE):
    j, m, f = render()
    for name, text in (("blind67.json", j), ("blind67-meta.json", m), ("blind67-first-canonicals.txt", f)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
