"""blind78 builder: holds the 60 questions (QUESTIONS) and writes blind78.json, blind78-meta.json and
blind78-first-canonicals.txt. render() returns the three files' exact text (check78.py compares it byte for byte)."""
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


OFF = "off-topic"

# ---------------- long on-topic ----------------
QL = [
# ---- email_thread ----
dict(key="E1", style="long", kind="troubleshoot", category="network", quals=["hsm", "oct2026"], flags=["email_thread"],
question=r"""Our network team sent the mail below yesterday afternoon, and since then nobody has managed to create the new registry crbrackley with its key from the HSM:

```text
From: Network Security <netsec@fabrikam.example>
Sent: Thursday, 3 December 2026 16:42
To: Platform Engineering
Subject: NSR-2291 default deny on hsm-brackley-01

Hi all, as agreed in the review we switched the firewall of hsm-brackley-01 to deny by default this afternoon. Only the office range 198.51.100.0/24 is allowed from now on. Let us know if anything breaks.
```

Our release pipeline runs az acr create with the key URI from that HSM and now fails on key access, although the local role of the identity on kek-brackley is in place and nothing else changed. The pipeline agents are not in the office range either. What do we have to configure on the HSM so that registry creation can access the key again, and will that also let our agents add key versions?""",
canonical=[M + "managed-hsm-firewall-and-trusted-services"],
related=[N + "managed-hsm-firewall-and-trusted-services", O + "network-requirement-for-a-locked-down-key-vault"],
facts=["Allow trusted Azure services and deny the rest"],
answer_facts=["--bypass AzureServices --default-action Deny", "need an allowed address"],
truth="""A default-deny rule on the HSM firewall shuts out the registry as well, unless trusted Azure services are allowed to bypass it, and the key must be reachable at the very moment az acr create runs. For hsm-brackley-01, set the bypass to AzureServices and keep the default action at Deny (az keyvault update-hsm --hsm-name hsm-brackley-01 --resource-group <rg> --bypass AzureServices --default-action Deny), then start the pipeline again. That exception is for ACR only and does nothing for your build agents: if they create key versions or read keys, add their public address with az keyvault network-rule add --hsm-name hsm-brackley-01 --ip-address <agent address>. The local role Managed HSM Crypto Service Encryption User on the key remains necessary; opening the network does not replace it."""),

dict(key="E2", style="long", kind="howto", category="recovery", quals=["hsm", "oct2026"], flags=["email_thread"],
question=r"""Forwarding a mail from our FinOps colleague, because I am not sure how to answer it:

From: Ilse Marchetti
Sent: Monday, 30 November 2026 09:12
To: Cloud Platform Team
Subject: COST-7719 hsm-tarlow-weu charges after deletion

Hello, the Managed HSM hsm-tarlow-weu was removed by the sandbox clean-up job on 18 November, yet it still shows daily charges on the November bill. Please check why and stop this.

The catch is that this HSM held the key of our registry crtarlow, which has not served a single image since the 18th. We assumed the deletion was final and were already planning a new registry. Can the deleted HSM still be recovered so that crtarlow gets its key back, and how do we stop the charges without losing that key for good?""",
canonical=[V + "recover-a-deleted-managed-hsm"],
related=[M + "recover-a-deleted-managed-hsm-key-or-hsm", L + "pricing-considerations"],
facts=["keeps being billed"],
answer_facts=["the Azure role Managed HSM Contributor", "its HSM capacity stays allocated"],
truth="""Deleting a Managed HSM only soft-deletes it: it can be brought back during the retention period set when it was created, and it goes on costing money in that state because its hardware remains reserved, which is what COST-7719 shows; the charges also tell you it has not been purged yet. Do not purge hsm-tarlow-weu, since that would destroy the registry's key together with everything else in it. Look it up with az keyvault list-deleted --resource-type hsm and restore it with az keyvault recover --hsm-name hsm-tarlow-weu --location <its region>, which requires the Azure role Managed HSM Contributor. With the HSM back, crtarlow can use its key again and the remaining charges are the normal cost of a running HSM. Enabling purge protection afterwards keeps the next mistake recoverable."""),

dict(key="E3", style="long", kind="howto", category="rotation", quals=["hsm", "oct2026"], flags=["email_thread", "two_facts"],
question=r"""Our CISO's office sent the request below. The registry crwinslow currently uses the versionless URI of kek-winslow in our Managed HSM hsm-winslow-01, through its user-assigned identity id-crwinslow.

From: Office of the CISO <ciso-office@contoso.example>
Date: Tue, 1 Dec 2026 11:05:37 +0100
To: registry-owners@contoso.example
Subject: SEC-1187 crwinslow to move to kek-winslow-2027 by 15 December

Please switch the registry to the new key kek-winslow-2027, which the key custodians created this morning in the same HSM, and confirm once done.

My plan was to call rotate-key with the new URI and be done, but a colleague warned me that the registry could lose access to its data halfway. What has to happen in the HSM before I rotate to the new key, and does the rotation itself need anything special?""",
canonical=[M + "rotate-a-managed-hsm-key", A + "access-to-a-key-in-a-second-key-vault"],
related=[K + "manual-rotation-with-az-acr-encryption-rotate-key", I + "which-identity-value-goes-where"],
facts=["must hold Managed HSM Crypto Service Encryption User on the **target** key"],
answer_facts=["Because the role is per key", "where access is granted per key"],
truth="""In a Managed HSM the grant is tied to a single key, so the role id-crwinslow holds on kek-winslow says nothing about kek-winslow-2027. Before rotating, someone with Managed HSM Administrator, Crypto Officer or Policy Administrator has to give the identity's principal ID the local role Managed HSM Crypto Service Encryption User at /keys/kek-winslow-2027 (az keyvault role assignment create --hsm-name hsm-winslow-01 ... --assignee-principal-type MSI); ACR never does this itself, and it can take a few minutes to apply. Then take the new key's kid, strip the version if you want to keep automatic rotation, and run az acr encryption rotate-key with that URI and --identity naming id-crwinslow. Keep kek-winslow and its assignment until az acr encryption show reports the new key, and only then close SEC-1187."""),

dict(key="E4", style="long", kind="no", category="limits", flags=["email_thread"],
question=r"""A project lead would like to undo an encryption decision and asked me to look into it. Her mail:

From: Dana Whitcombe
Sent: Wednesday, 2 December 2026 14:20
To: Registry Operations
Subject: crhollis2 back to Microsoft-managed keys

We enabled a customer-managed key on crhollis2 for the pilot, but looking after the vault is more work than the project can carry. Please switch the registry back to the default encryption so we can drop the vault.

I found az acr encryption show and rotate-key, but nothing that turns the customer-managed key off, and the portal's Encryption page offers no such switch either. Is there a supported way to return crhollis2 to Microsoft-managed keys alone and retire the vault afterwards?""",
canonical=[O + "cmk-cannot-be-disabled-after-it-is-enabled"],
related=[L + "feature-compatibility-summary", O + "moving-an-existing-registry-to-cmk"],
facts=["There is no command or portal switch to go back to"],
answer_facts=["the setting is permanent"],
truth="""No: once crhollis2 was created with a customer-managed key, that choice stays for as long as the registry exists, and neither the CLI nor the portal can take it back to Microsoft-managed keys only. You can swap the key, move it to another vault or change the identity, but the registry always needs some customer-managed key that it can reach, so retiring the vault would cut it off from all its images. If the project wants to be free of key management, the route is a new registry created without a customer-managed key, the images copied over (for example with az acr import), clients repointed, and crhollis2 deleted afterwards; only then can the vault be removed."""),

dict(key="E5", style="long", kind="value", category="setup", flags=["email_thread"],
question=r"""A new team asked us to provision their encrypted registry and sent the names they want:

From: Arjun Pellegrini
Sent: Friday, 4 December 2026 10:03
To: Platform Requests
Subject: New CMK registry cr-ledger-prod-01 with vault kv-ledger-prod-keys-weu-2026

Hi, could you create the registry cr-ledger-prod-01 with its key in a new vault called kv-ledger-prod-keys-weu-2026? We would like the naming to match our other resources.

Before I reply: which characters and lengths does the Azure CLI allow in registry names and in key vault names? And will either of the two names they picked work?""",
canonical=[S + "before-you-start-variables-and-prerequisites"],
related=[S + "rules-that-az-acr-create-enforces-for-cmk", S + "step-7-create-the-premium-registry-with-the-customer-managed-key"],
facts=["Registry names are globally unique"],
answer_facts=["5 to 50 lowercase letters and digits", "3 to 24 characters"],
truth="""A registry name may consist of lowercase letters and digits only, 5 to 50 of them, and it must be unique across Azure; az acr create refuses dashes, so cr-ledger-prod-01 will fail, while crledgerprod01 would be fine. Key vault names are globally unique as well but follow different rules: 3 to 24 characters made of letters, digits and dashes. kv-ledger-prod-keys-weu-2026 is 28 characters long, four more than allowed; something like kv-ledger-prod-weu fits. Propose both corrected names before anything is created, because the key cannot be added to the registry later."""),

# ---- assistant_chat_copy ----
dict(key="C1", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["assistant_chat_copy"],
question=r"""I asked ChatGPT how to give our registry's user-assigned identity access to its key, which sits in our Managed HSM hsm-osgood. This is the relevant part of the conversation:

```text
You said:
The key for our container registry is in Managed HSM hsm-osgood. How do I let the registry identity id-osgood use it?
ChatGPT said:
Give the identity the built-in role on the HSM. Run this, replacing the placeholders:
az role assignment create --scope /subscriptions/<sub>/resourceGroups/rg-osgood/providers/Microsoft.KeyVault/managedHSMs/hsm-osgood --assignee id-osgood --role "Key Vault Crypto Service Encryption User"
This grants wrapKey and unwrapKey on every key in the HSM.
```

The assignment was created without any complaint, but registry creation still breaks at the key step, even half an hour later. Which grant does the registry identity really need for a key stored in a Managed HSM?""",
canonical=[M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli"],
related=[A + "grant-access-to-a-key-in-a-managed-hsm", M + "local-rbac-roles-for-acr-encryption"],
facts=["govern management operations only"],
answer_facts=["not with `az role assignment create`", "--role and --scope are required"],
truth="""The answer applies the key vault way of granting access, and that does not work for a Managed HSM: Azure RBAC assignments on the HSM resource only govern managing the HSM, never the use of its keys, and a Managed HSM has no access policies. Key use is granted through the HSM's own local RBAC. Give id-osgood's principal ID the local role Managed HSM Crypto Service Encryption User, preferably on the one key: az keyvault role assignment create --hsm-name hsm-osgood --role "Managed HSM Crypto Service Encryption User" --assignee-object-id <principal-id> --assignee-principal-type MSI --scope /keys/<key-name>. That role lets the identity read the key and call wrapKey and unwrapKey with it, nothing else. Wait a few minutes for it to apply, then rerun az acr create; the Azure role assignment on the HSM resource can go."""),

dict(key="C2", style="long", kind="no", category="recovery", quals=["hsm", "oct2026"], flags=["assistant_chat_copy", "two_facts"],
question=r"""Our incident runbook for a compromised build environment says the first step is to take the key away from the registry. Copilot gave me the following for a Managed HSM, and I would like a second opinion before the next exercise:

```text
You said:
How do I revoke a container registry's access to its customer-managed key when the key is in Azure Key Vault Managed HSM?
Copilot said:
Delete the local role the identity has on the key, for example:
az keyvault role assignment delete --scope /keys/<key-name> --hsm-name <hsm-name> --assignee-object-id <object-id-of-identity> --role "Managed HSM Crypto Service Encryption User"
Once it is deleted, the registry can no longer unwrap its data.
```

For crpendle the key is kek-pendle in hsm-pendle, and the identity id-crpendle got its role at /keys/kek-pendle. What makes me hesitate: when we set it up last year, the same identity was also given that role at the scope /keys, so that it could serve a second registry later. Will deleting the assignment Copilot shows really cut the registry off from its key in the HSM?""",
canonical=[M + "revoke-access-to-a-managed-hsm-key", V + "revoke-access-to-a-key-in-a-managed-hsm"],
related=[T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope", V + "what-revocation-does-to-the-registry"],
facts=["delete it there"],
answer_facts=["either of those still grants access", "that assignment keeps access working"],
truth="""No: a delete with --scope /keys/<key-name> only removes the assignment made at exactly that scope. The second grant of Managed HSM Crypto Service Encryption User at /keys still covers every key in hsm-pendle, kek-pendle included, so crpendle would carry on as before. For a real revocation, list the identity's local role assignments without a scope filter and delete the role wherever it appears, the /keys assignment included (az keyvault role assignment delete ... --scope /keys), and make sure no other local role with wrap and unwrap rights, such as Managed HSM Crypto User, remains. Only when the last grant is gone is all registry data blocked; re-creating the assignment later restores access."""),

dict(key="C3", style="long", kind="yes", category="keys", flags=["assistant_chat_copy"],
question=r"""Before ordering the key from our key custodians I double-checked the size with Copilot:

```text
You said:
For the CMK of an Azure container registry, is a 2048-bit RSA key enough, or do we need something bigger?
Copilot said:
The registry documentation does not prescribe a key size. Key Vault lets you create RSA keys with 2048, 3072 or 4096 bits, and RSA-HSM keys with the same sizes if the vault is on the Premium tier. Elliptic-curve keys cannot be used for registry encryption, so stay with RSA.
```

Our compliance policy asks for 3072 bits in any case. Is Copilot right that ACR itself sets no size and that each of those three RSA sizes is accepted?""",
canonical=[O + "key-sizes-offered-by-key-vault"],
related=[O + "which-key-types-and-sizes-are-supported", O + "rsa-hsm-keys-need-a-premium-key-vault"],
facts=["come in 2048, 3072 and 4096 bits"],
answer_facts=["The ACR articles name no size."],
truth="""Yes: the ACR articles do not name a key size at all. The sizes come from Key Vault, whose RSA keys, software-protected or RSA-HSM, can have 2048, 3072 or 4096 bits, so a 3072-bit key that satisfies your policy is as valid as the other two. What ACR does restrict is the type: RSA or RSA-HSM only, never EC or EC-HSM, and an RSA-HSM key in a vault needs the Premium vault tier. Create it with --kty RSA --size 3072 (or RSA-HSM in a Premium vault), and if you limit its operations, keep wrapKey and unwrapKey in the list."""),

dict(key="C4", style="long", kind="troubleshoot", category="setup", flags=["assistant_chat_copy"],
question=r"""Setting up the vault for a new encrypted registry, I used the command ChatGPT suggested, and it fails straight away:

```text
You said:
Give me the Azure CLI command to create a key vault for an ACR customer-managed key, with soft delete and purge protection.
ChatGPT said:
az keyvault create --name kv-ardent-cmk --resource-group rg-ardent --location northeurope --enable-purge-protection true --enable-soft-delete true
Soft delete has to be switched on explicitly, otherwise deleted keys are gone immediately.
```

On Azure CLI 2.67 it ends with unrecognized arguments: --enable-soft-delete true. Did I miss an extension, or is the command itself wrong? And what should I run instead?""",
canonical=[S + "azure-cli-version-notes-for-cmk-commands"],
related=[O + "soft-delete-and-purge-protection-on-the-key-vault", A + "azure-cli-262-and-later-create-rbac-vaults-by-default"],
facts=["removed before 2.45"],
answer_facts=["soft delete is always on"],
truth="""The command is at fault, not your installation: --enable-soft-delete is not an option of any current Azure CLI (it went away before 2.45), so 2.67 rejects it as an unrecognized argument. Soft delete needs no flag at all, because every new vault has it and it cannot be turned off, so the claim that deleted keys vanish otherwise is wrong as well. Leave the option out: az keyvault create --name kv-ardent-cmk --resource-group rg-ardent --location northeurope --enable-purge-protection. Keep in mind that 2.67 makes an RBAC vault unless you pass --enable-rbac-authorization false, which decides how the registry identity gets its access later."""),

dict(key="C5", style="long", kind="value", category="identity", flags=["assistant_chat_copy"],
question=r"""Our platform bot asked Gemini to fill in the identity argument of our registry script, and the script then failed. Gemini's answer:

```text
You said:
What do I pass to az acr create --identity for the user-assigned identity id-tamsin in resource group rg-tamsin?
Gemini said:
Pass the identity's resource ID, built the same way as in the Microsoft tutorial sample:
/subscriptions/<subscription-id>/resourcegroups/rg-tamsin/providers/Microsoft.ManagedIdentity/userAssignedIdentities/myresourcegroup
```

The script then stopped because the identity could not be found. What exactly is the value --identity expects here, and where should the bot take it from?""",
canonical=[I + "create-the-user-assigned-identity-and-capture-its-ids"],
related=[I + "which-identity-value-goes-where", S + "step-2-create-a-user-assigned-managed-identity-and-capture-its-ids"],
facts=["the last segment is always the identity's own name"],
answer_facts=["a slip in the sample"],
truth="""--identity wants the resource ID of the user-assigned identity, or simply its name, id-tamsin, when the identity lives in the registry's resource group. Such an ID always ends with /userAssignedIdentities/ followed by the identity's own name, here id-tamsin; the sample output in the enable tutorial ends in myresourcegroup by mistake, so an ID rebuilt from it points at an identity that does not exist. Have the bot read the value rather than compose it: az identity show --name id-tamsin --resource-group rg-tamsin --query id --output tsv. The principal ID and the client ID belong elsewhere (key access grants and the stored encryption settings), not in --identity."""),

# ---- python_logging (long) ----
dict(key="P1", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["python_logging", "two_facts"],
question=r"""An automation agent we built writes and runs small Python scripts for routine platform work. Today it tried to prepare the key for a new registry in our freshly activated Managed HSM hsm-norbury and stopped with this log:

```text
2026-12-03 08:14:02,117 INFO provision_cmk: signed in as the workload identity of pipeline sp-platform-ci
2026-12-03 08:14:02,502 INFO provision_cmk: hsm-norbury activation status is Active
2026-12-03 08:14:03,944 ERROR provision_cmk: create_rsa_key('kek-norbury') refused by the HSM: (Forbidden) caller has no permission for keys/create
2026-12-03 08:14:03,945 WARNING provision_cmk: skipping role assignment for id-crnorbury and registry creation
```

The pipeline's service principal holds the Owner role on the HSM's resource group. Which permission is it missing in the HSM to create the key, and does the registry identity need that role too?""",
canonical=[S + "using-a-managed-hsm-key-instead-of-a-key-vault", A + "your-own-permissions-to-create-keys-in-an-rbac-vault"],
related=[M + "local-rbac-roles-for-acr-encryption", M + "requirements-for-a-managed-hsm-key-store"],
facts=["Managed HSM Crypto User"],
answer_facts=["as someone holding a key-creating role", "whoever assigns the registry identity its role"],
truth="""Owning the resource group only lets the service principal manage the HSM resource; creating or importing a key in a Managed HSM is a data-plane action that its local RBAC has to allow. Give the pipeline a local role that may create keys, for example Managed HSM Crypto User, inside hsm-norbury, for example at /keys, assigned with az keyvault role assignment create --hsm-name by someone holding Managed HSM Administrator, Crypto Officer or Policy Administrator. After that, create_rsa_key for kek-norbury, as an RSA-HSM key allowing wrapKey and unwrapKey, will succeed. The registry identity id-crnorbury must not get that role: it only needs Managed HSM Crypto Service Encryption User at /keys/kek-norbury, assigned by you before the registry is created."""),

dict(key="P2", style="long", kind="troubleshoot", category="identity", quals=["iac"], flags=["python_logging"],
question=r"""We create registries from a small Python service with azure-mgmt-containerregistry rather than Terraform, filling in the encryption properties the same way an ARM template would. The request for crfarleigh fails:

```text
INFO:regsvc.create:identity id-farleigh resolved: principalId 8f41c2d0-7e5b-4a93-b1c6-2d0e9f7a3b58, clientId c3a9e5f1-62d4-4b08-9e7c-41f8d2b6a0e3
INFO:regsvc.create:key https://kv-farleigh.vault.azure.net/keys/kek-farleigh, vault uses RBAC, role assigned to principalId
ERROR:regsvc.create:begin_create(crfarleigh) failed: identity 8f41c2d0-7e5b-4a93-b1c6-2d0e9f7a3b58 in keyVaultProperties matches no user-assigned identity of the registry
```

In the request body we set keyVaultProperties.identity to the principal ID, since that is the ID the role assignment uses. Which ID belongs in that property, and is anything else in the request likely to trip next?""",
canonical=[C + "arm-template-json-propertiesencryption-and-keyvaultproperties"],
related=[I + "which-identity-value-goes-where", S + "set-up-cmk-with-an-arm-template"],
facts=["client ID (not the principal ID, not the resource ID)"],
answer_facts=["client ID of the identity", "object keyed by identity **resource IDs**"],
truth="""The property needs the client ID: keyVaultProperties.identity must hold the user-assigned identity's client ID (c3a9e5f1-62d4-4b08-9e7c-41f8d2b6a0e3 in your log), which is also what an ARM template reads through reference(<identity resource ID>).clientId. The principal ID only serves to grant key access, and your role assignment already uses it correctly. Check the rest of the body as well: the registry needs identity type UserAssigned with the identity's resource ID as a key of userAssignedIdentities, encryption status enabled, the key URI in keyIdentifier and the Premium SKU; then begin_create for crfarleigh should go through."""),

dict(key="P3", style="long", kind="why", category="network", flags=["python_logging"],
question=r"""Our nightly sync job copies base images from public sources into the encrypted registry crgarvey with the Python SDK. It ran without trouble for months; since Tuesday every import fails:

```text
2026-12-01 02:00:04,310 INFO acr_sync: 14 images queued for crgarvey
2026-12-01 02:00:09,876 ERROR acr_sync: import of library/nginx:1.27.3 failed: (Forbidden) ForbiddenByFirewall while the registry fetched its key
2026-12-01 02:00:10,002 ERROR acr_sync: import of library/redis:7.4.1 failed: (Forbidden) ForbiddenByFirewall while the registry fetched its key
2026-12-01 02:00:10,004 INFO acr_sync: 0 of 14 imports succeeded
```

On Monday the security team limited kv-garvey, where the registry's key is kept, to our hub network as part of a tidy-up. The registry identity still has its role on that vault, and nobody touched the registry itself. Why would a network change on the vault break imports into the registry?""",
canonical=[T + "http-403-after-enabling-the-key-vault-firewall"],
related=[N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
facts=["The firewall applies to the data plane only"],
answer_facts=["bypass `AzureServices`", "ForbiddenByFirewall"],
truth="""ForbiddenByFirewall says the registry's calls to kv-garvey are now stopped by the network rules, not turned down for lack of permission, so the intact role assignment does not help. The registry talks to its key store as one of Azure's trusted services, and once a vault is restricted to selected networks that only works if the vault lets trusted Microsoft services through; image import is one of the documented operations that fail with HTTP 403 when that exception is missing. Set the bypass to AzureServices on kv-garvey (the default action may stay Deny), then apply the registry's current key and identity again with az acr encryption rotate-key, and open a support case if the 403 errors continue."""),

# ---- watch_output ----
dict(key="W1", style="long", kind="value", category="rotation", quals=["hsm", "oct2026"], flags=["watch_output", "two_facts"],
question=r"""Our key custodians added a new version of kek-cleeve in the Managed HSM at 09:02, and I am watching the registry to see when it moves over:

```text
Every 60.0s: az acr encryption show -n crcleeve -o json        ops-vm-03: Thu Dec  3 09:27:40 2026

{
  "keyVaultProperties": {
    "identity": "b07c4e2a-5d19-4f6e-a8b3-1e9d0c7f2a46",
    "keyIdentifier": "https://hsm-cleeve.managedhsm.azure.net/keys/kek-cleeve",
    "keyRotationEnabled": true,
    "lastKeyRotationTimestamp": "2026-09-03T08:47:12+00:00",
    "versionedKeyIdentifier": "https://hsm-cleeve.managedhsm.azure.net/keys/kek-cleeve/e41b7a0c93d24f5f8a6c2b19d07e3f55"
  },
  "status": "enabled"
}
```

Twenty-five minutes have passed and the version in use has not changed. How long can it take until the registry uses the new version from the HSM? And does anything have to be granted for that new version first?""",
canonical=[K + "automatic-rotation-with-a-versionless-key-id", K + "create-a-new-version-in-a-managed-hsm"],
related=[K + "check-which-key-version-the-registry-uses", M + "rotate-a-managed-hsm-key"],
facts=["within one hour"],
answer_facts=["the same one-hour window applies", "needs no new role assignment"],
truth="""Up to an hour. With the versionless URI https://hsm-cleeve.managedhsm.azure.net/keys/kek-cleeve and keyRotationEnabled true, the registry checks the Managed HSM from time to time and switches to a new key version within one hour of its creation, so after 25 minutes versionedKeyIdentifier may well still end in e41b7a0c93d24f5f8a6c2b19d07e3f55. No new grant is needed: the identity's local role scoped to /keys/kek-cleeve applies to every version of that key. If the version in use still has not moved well after an hour, look at the HSM firewall, the identity's role, and whether the new version is enabled and allows wrapKey and unwrapKey."""),

dict(key="W2", style="long", kind="troubleshoot", category="rotation", quals=["iac"], flags=["watch_output"],
question=r"""Our Terraform stack sets up a rotation policy on kek-ashby that adds a version every 90 days, and we expected the registry to follow. The policy produced a new version this morning, so I left watch running over lunch:

```text
Every 300.0s: az acr encryption show -n crashby -o json                build01: Wed Dec  2 13:55:02 2026

{
  "keyVaultProperties": {
    "identity": "a6e20d9c-3b71-4c5f-9e08-7d2b4f1c6a93",
    "keyIdentifier": "https://kv-ashby.vault.azure.net/keys/kek-ashby/f0c7e3a91b2d4e68a5c9d1b7e2f40c83",
    "keyRotationEnabled": false,
    "lastKeyRotationTimestamp": null,
    "versionedKeyIdentifier": "https://kv-ashby.vault.azure.net/keys/kek-ashby/f0c7e3a91b2d4e68a5c9d1b7e2f40c83"
  },
  "status": "enabled"
}
```

Three hours later the registry still uses the version it was created with, and nothing in the activity log points to an error. Why does the registry not pick up the new version, and how do we make it follow future ones?""",
canonical=[T + "registry-keeps-using-an-old-key-version"],
related=[K + "switch-from-manual-to-automatic-rotation", C + "automatic-key-rotation-in-terraform-versionless_id-vs-id"],
facts=["configured with a versioned key ID"],
answer_facts=["it does not move the registry"],
truth="""keyRotationEnabled is false because crashby was given a versioned key URI, the one ending in f0c7e3a91b2d4e68a5c9d1b7e2f40c83, and a registry with a versioned URI stays on exactly that version until someone rotates it by hand. The rotation policy only creates new versions in kv-ashby; it never points the registry at them. Rotate once to the versionless URI and the registry follows every new version within an hour from then on: az acr encryption rotate-key -n crashby --key-encryption-key https://kv-ashby.vault.azure.net/keys/kek-ashby (without --identity the current identity stays). In Terraform, set key_vault_key_id to the key's versionless_id, so that the next apply does not pin a version again."""),

dict(key="W3", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["watch_output"],
question=r"""We provisioned the Managed HSM hsm-kelso for our registry keys this morning. Provisioning reported success, but nothing else works: key creation and role assignments are both refused. I have been watching its state for an hour now:

```text
Every 120.0s: az keyvault show --hsm-name hsm-kelso -o json              jump-02: Fri Dec  4 11:40:18 2026

{
  "name": "hsm-kelso",
  "properties": {
    "hsmUri": "https://hsm-kelso.managedhsm.azure.net/",
    "provisioningState": "Succeeded",
    "securityDomainProperties": {
      "activationStatus": "NotActivated",
      "activationStatusMessage": "Download the security domain to activate this HSM."
    }
  }
}
```

How do we get the HSM into a state where we can create the key for the registry, and who on the team is allowed to do that?""",
canonical=[T + "managed-hsm-is-not-activated"],
related=[M + "provision-and-activate-the-managed-hsm", M + "requirements-for-a-managed-hsm-key-store"],
facts=["accepts no data-plane requests until it has been activated"],
answer_facts=["downloads the HSM's security domain", "at least three RSA public keys"],
truth="""A Managed HSM does not activate itself: provisioningState Succeeded only completes the first stage, and activationStatus stays NotActivated until one of the initial administrators named when hsm-kelso was provisioned downloads its security domain. Until then it refuses all data-plane requests, which is why keys and local roles fail. That administrator prepares at least three RSA key pairs (ten at most), chooses a quorum and runs az keyvault security-domain download --hsm-name hsm-kelso --sd-wrapping-keys <the .cer files> --sd-quorum <n> --security-domain-file hsm-kelso-sd.json. Once activationStatus reads Active, create the RSA-HSM key with wrapKey and unwrapKey, give the registry identity Managed HSM Crypto Service Encryption User on it, and create the registry. Store the security domain file and the private keys safely, since recovery depends on them."""),

dict(key="W4", style="long", kind="howto", category="identity", quals=["hsm", "oct2026"], flags=["watch_output"],
question=r"""We want to move the encryption of crmawby from its user-assigned identity over to the registry's system-assigned one. The key kek-mawby lives in the Managed HSM hsm-mawby. I enabled the system identity and watched until it showed up:

```text
Every 30.0s: az acr identity show -n crmawby -o json                     ops-wks-7: Mon Dec  7 08:12:55 2026

{
  "principalId": "e5d91b37-2c80-4a6f-bd14-93f0a7c2e618",
  "tenantId": "f2b8c4d0-71e6-4d39-a05b-6c1e9f3d7b24",
  "type": "SystemAssigned, UserAssigned",
  "userAssignedIdentities": {
    "/subscriptions/<sub>/resourceGroups/rg-mawby/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-mawby": {
      "clientId": "c17a0e94-8d2f-4b5c-9e63-0f4d2a8b71ce",
      "principalId": "d4e86f20-5a1b-4c97-83e0-2b9f7c6d1a05"
    }
  }
}
```

The system identity exists now. What do we have to grant in the HSM, and to which of these IDs, before switching the encryption over to it?""",
canonical=[K + "rotate-with-a-different-identity-or-the-system-assigned-identity"],
related=[I + "switch-to-the-registrys-system-assigned-identity-after-creation", M + "local-rbac-roles-for-acr-encryption"],
facts=["--assignee-principal-type MSI"],
answer_facts=["the local role at the key's scope", "grant it key access first"],
truth="""The new system-assigned identity needs its own local role in hsm-mawby before anything else, given to its principal ID e5d91b37-2c80-4a6f-bd14-93f0a7c2e618 (the top-level principalId, not the one listed under id-mawby, and never a client ID). Assign Managed HSM Crypto Service Encryption User at /keys/kek-mawby: az keyvault role assignment create --hsm-name hsm-mawby --role "Managed HSM Crypto Service Encryption User" --assignee-object-id e5d91b37-2c80-4a6f-bd14-93f0a7c2e618 --assignee-principal-type MSI --scope /keys/kek-mawby; ACR will not do it for you. Give the role a few minutes, read the key ID with az keyvault key show --hsm-name hsm-mawby, and run az acr encryption rotate-key -n crmawby --key-encryption-key <key URI> --identity '[system]'. Leave id-mawby attached, with its role, until az acr encryption show reports system as the identity."""),

dict(key="W5", style="long", kind="undocumented", category="keys", flags=["watch_output"],
question=r"""Our security baseline puts an expiry date on every key, and the version that our registry crlowick is pinned to expires tonight. While the key custodians argue about what to do, I am watching the versions:

```text
Every 600.0s: az keyvault key list-versions -n kek-lowick --vault-name kv-lowick -o table    sec-01: Mon Dec  7 09:30:00 2026

Kid                                                                           Enabled    Expires
----------------------------------------------------------------------------  ---------  -------------------------
https://kv-lowick.vault.azure.net/keys/kek-lowick/c9e41f7b20a84d3e95b6a1c0d7f2e318  True       2026-12-07T23:59:59+00:00
```

There is still only this one version. What will crlowick do after midnight, once that version has expired: keep working, fail on some operations, or stop serving images altogether?""",
canonical=[T + "key-is-disabled-or-expired"],
related=[V + "disabling-the-key-instead-a-key-vault-option-not-in-the-acr-docs", K + "move-to-a-new-version-of-the-same-key"],
facts=["treat an expired encryption key as a fault to fix straight away"],
answer_facts=["registry behaviour for expired keys"],
truth="""Not documented: the ACR articles do not say how a registry behaves once its key version has expired. Key Vault itself still permits unwrap with an expired key but refuses wrap, so the likely result is partial failure rather than a full stop, for example wherever something has to wrap with c9e41f7b20a84d3e95b6a1c0d7f2e318, and a rotate-key call with that version could fail too. Fix it before midnight instead of finding out: create a new version of kek-lowick and rotate crlowick to it with az acr encryption rotate-key (it is pinned, so it will not move on its own), or push the expiry of the current version into the future with az keyvault key set-attributes --expires."""),

# ---- runbook_front_matter ----
dict(key="R1", style="long", kind="yes", category="hsm", quals=["hsm", "oct2026"], flags=["runbook_front_matter"],
question=r"""While preparing a new project I came across this page in our wiki, and the project would like to store its registry key in our existing Managed HSM:

```markdown
---
title: Registry encryption key stores
owner: team-cloud-foundation
last_reviewed: 2025-06-18
tags: [acr, encryption, keys]
---

Our standard for registry customer-managed keys is a Key Vault vault with purge protection.

Managed HSM is not an approved store for registry keys: the ACR tutorials never mention it, so we regard it as unconfirmed. Requests to use it are declined.
```

Is that still what the documentation says, or is a Managed HSM key supported for a registry's customer-managed key by now?""",
canonical=[M + "using-an-azure-key-vault-managed-hsm-key-for-registry-encryption"],
related=[M + "managed-hsm-is-a-supported-key-store-for-acr-cmk", O + "managed-hsm-keys"],
facts=["documented as the second supported key store"],
answer_facts=["the registry side stays the same", "a single-tenant pool of hardware security modules"],
truth="""Yes: the page is out of date. It was last reviewed on 2025-06-18, and since their October 2026 revision the four ACR customer-managed key tutorials list Managed HSM as a second supported key store beside Key Vault vaults, with Managed HSM variants of the setup, rotation, revocation and troubleshooting steps; the Azure CLI passes managedhsm.azure.net key URIs through unchanged. The registry side does not change (Premium, chosen at creation, never switched off), but the HSM has to be activated, the key must be RSA-HSM allowing wrapKey and unwrapKey, the registry identity must be given Managed HSM Crypto Service Encryption User as a local role by you, and Managed HSM is not available in every cloud and region. Ask team-cloud-foundation to revise the page."""),

dict(key="R2", style="long", kind="troubleshoot", category="recovery", flags=["runbook_front_matter", "two_facts"],
question=r"""Yesterday someone deleted the key vault kv-pelham by mistake. We followed our runbook and recovered it, yet the registry crpelham still cannot read a single image. This is the runbook page:

```markdown
---
title: Recover a deleted registry key vault
owner: sre-registry
last_reviewed: 2023-04-11
applies_to: crpelham, crpelham-dr
---

1. Find the vault: az keyvault list-deleted --resource-type vault
2. Recover it: az keyvault recover --name <vault>
3. Wait five minutes. The registry reconnects by itself, there is nothing else to do.
```

The vault is back with its key and all versions, and it uses the RBAC permission model. What are we missing?""",
canonical=[V + "re-create-rbac-role-assignments-after-recovering-a-vault", T + "key-vault-or-key-was-deleted"],
related=[V + "restore-access-after-a-revocation", V + "recover-a-deleted-key-vault"],
facts=["Access policies are part of the vault and come back with it."],
answer_facts=["does **not** bring them back", "not restored when the vault is recovered"],
truth="""Step 3 of the page does not hold for an RBAC vault: deleting kv-pelham also deleted its Azure role assignments, and az keyvault recover returns the vault and its keys but not those assignments. The registry identity has therefore lost Key Vault Crypto Service Encryption User, and crpelham stays locked out. Create the assignment again for the identity's principal ID at the vault's scope (az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal --role "Key Vault Crypto Service Encryption User" --scope <vault resource ID>), together with operator roles such as Key Vault Crypto Officer, and the registry picks its key up again. On an access-policy vault the page would be right, because policies return with the vault; the page, last reviewed 2023-04-11, should say so."""),

dict(key="R3", style="long", kind="value", category="recovery", flags=["runbook_front_matter"],
question=r"""Our key-handling page is due for review, and two of its statements are disputed in the team:

```markdown
---
title: Registry key vault settings
owner: platform-security
last_reviewed: 2024-09-30
page_version: 4.2
---

- Deleted keys can be recovered for 30 days. After that they are gone.
- Purge protection is optional. An administrator can still purge a deleted key early if we need the name back.
```

For a vault that holds a registry's key, how long does a deleted key actually remain recoverable, and what does purge protection change about purging it before that time is up?""",
canonical=[V + "how-purge-protection-protects-the-registry"],
related=[O + "soft-delete-and-purge-protection-on-the-key-vault", V + "recover-a-deleted-key"],
facts=["7 to 90 days"],
answer_facts=["stays recoverable for the whole retention window", "cannot be erased early by anyone"],
truth="""The window is not fixed at 30 days: a vault's soft-delete retention is set when the vault is created, anywhere between 7 and 90 days, and it is 90 days unless someone passed --retention-days; within that period a deleted key can be recovered. Without purge protection, anyone with purge rights can destroy a deleted key or vault before the period ends, and then nothing in the registry can ever be decrypted again. With purge protection on, nobody can purge early; the deleted key remains recoverable for the full retention period and is removed automatically only when it runs out. The switch cannot be reversed, and the ACR docs recommend it without requiring it. Ask platform-security to correct both statements."""),

dict(key="R4", style="long", kind="howto", category="iac", quals=["iac"], flags=["runbook_front_matter"],
question=r"""We deploy encrypted registries from an ARM template that one of our runbook pages describes. The latest deployment, for crhadley, failed on key access and then succeeded when rerun ten minutes later, which the page does not explain:

```markdown
---
title: Deploy an encrypted registry with ARM
owner: team-delivery
last_reviewed: 2024-02-07
template: acr-cmk-v2.json
---

The template creates the user-assigned identity, an access policy on kv-hadley for that identity, and the registry.
The registry resource has dependsOn on the identity only, so all three resources are created quickly.
```

What change to the template makes the first deployment succeed every time?""",
canonical=[S + "set-up-cmk-with-an-arm-template"],
related=[S + "example-template-for-an-existing-access-policy-vault", C + "arm-template-json-propertiesencryption-and-keyvaultproperties"],
facts=["so that Key Vault access exists when the registry is created"],
answer_facts=["must depend on the access grant"],
truth="""Make the registry wait for the access grant, not only for the identity: add the access policy resource (Microsoft.KeyVault/vaults/accessPolicies) to the registry's dependsOn next to the identity. The key has to work for the registry at the instant of its creation, and with a dependency on the identity alone Resource Manager may create the registry while the access policy is still being written, so the first attempt fails on key access and a rerun works. Keep keyVaultProperties.identity at the identity's client ID and keyIdentifier at the key URI. On an RBAC vault the grant would instead be a role assignment resource with principalType ServicePrincipal, and the registry would depend on that. Update acr-cmk-v2.json and the page together."""),

dict(key="R5", style="long", kind="undocumented", category="network", flags=["runbook_front_matter"],
question=r"""A draft page from our network architects proposes locking down our encrypted registries completely:

```markdown
---
title: Registry network baseline
owner: net-architecture
last_reviewed: 2026-11-20
state: draft-2
---

For every registry that uses a customer-managed key:
* disable public network access on the registry,
* let clients in only through a private endpoint in the hub,
* keep the key vault behind its firewall with trusted services allowed.
```

Does the ACR documentation say if a CMK registry that clients can only reach through its own private endpoint is supported, or does that pairing have known limits?""",
canonical=[N + "registry-private-endpoints-and-cmk-are-not-covered-by-the-docs"],
related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", L + "feature-compatibility-summary"],
facts=["it neither lists that combination as supported nor as a limitation"],
answer_facts=["Treat it as undocumented"],
truth="""Not documented: the ACR customer-managed key articles only cover a key store that is firewalled, limited to virtual networks or placed behind a private endpoint. About a registry that itself has private endpoints, its own firewall or no public network access they say nothing, neither that it is supported nor that it is limited. The third point of the net-architecture draft does match the docs: the vault needs the trusted-services exception, and the identity keeps its key access, however clients reach the registry. For the first two points, try the setup in a non-production subscription and get a confirmation from Microsoft support if you need a guarantee."""),

# ---- plain ----
dict(key="B1", style="long", kind="howto", category="limits",
question=r"""We moved our product builds to ACR Tasks on the new encrypted registry crsefton, and the build team is unhappy: the logs of runs that failed during the night are gone by the time anyone looks at them the next afternoon, and our audit rules want build logs kept for a whole year. As far as I understand, this registry keeps task logs for a much shorter time than our old unencrypted one did. The builds are started by a pipeline that calls az acr task run and waits for the result, so we control what happens right after each run. How can we hold on to every run's log for the full year, given that the registry itself will not keep it that long?""",
canonical=[L + "export-task-run-logs-before-they-expire"],
related=[L + "acr-tasks-run-logs-are-kept-for-only-24-hours", T + "task-run-logs-disappear-after-24-hours"],
facts=["retained for **24 hours** only"],
answer_facts=["no log is lost after a day"],
truth="""A registry encrypted with a customer-managed key keeps ACR Tasks run logs for 24 hours only, and there is no setting that extends this, so the logs have to be copied out while they still exist. Because your pipeline starts every run, add a step right after it that saves the log: take the run ID (az acr task list-runs --registry crsefton --top 1, or the ID your run command returned), fetch the log with az acr task logs --registry crsefton --run-id <run ID>, write it to a file and ship it to storage or your log platform with the one-year retention your audit rules ask for. Let that step run for failed runs as well, since a log that has aged out of the registry cannot be fetched any more."""),
]


# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="howto", category="keys", typo="whithout",
question="strip the version off a key vault kid whithout sed, for acr cmk",
canonical=[S + "step-6-choose-a-versioned-or-versionless-key-id"],
related=[K + "versioned-and-versionless-key-ids", S + "step-5-create-an-rsa-key-and-capture-its-key-id"],
facts=["The ACR overview recommends the versionless form."],
answer_facts=["remove the last path segment"],
truth="""Cut the last path segment off with bash parameter expansion: KEY_ID_VERSIONLESS="${KEY_ID%/*}" turns https://<vault>.vault.azure.net/keys/<key>/<version> into https://<vault>.vault.azure.net/keys/<key>. The kid that az keyvault key show returns always carries the version; handing the shortened form to --key-encryption-key gives automatic rotation, while the full kid pins that version."""),

dict(key="S2", style="short", kind="howto", category="hsm", quals=["hsm", "oct2026"],
question="cut acr off from its managed hsm key without deleting the key, how?",
canonical=[V + "revoking-and-restoring-access-to-the-customer-managed-key"],
related=[V + "revoke-access-to-a-key-in-a-managed-hsm", M + "revoke-access-to-a-managed-hsm-key"],
facts=["There are two ways to revoke"],
answer_facts=["delete the local role assignment (Managed HSM)"],
truth="""Take away the identity's local role instead of deleting the key: az keyvault role assignment delete --hsm-name <hsm> --role "Managed HSM Crypto Service Encryption User" --assignee-object-id <principal ID> --scope /keys/<key>, at the scope where the role was assigned, plus any assignment of it at /keys or /. From then on the registry cannot reach any of its data, while the key itself stays in the Managed HSM; assigning the role again restores access."""),

dict(key="S3", style="short", kind="howto", category="setup",
question="how can i tell if our key vault uses rbac or access policies?",
canonical=[A + "which-permission-model-does-my-key-vault-use"],
related=[A + "two-supported-ways-to-grant-key-access", T + "set-policy-fails-on-an-rbac-key-vault"],
facts=["Access policies on it are ignored"],
answer_facts=["the vault uses **access policies**"],
truth="""Ask the vault for its permission model: az keyvault show --name <vault> --resource-group <rg> --query properties.enableRbacAuthorization --output tsv. If it prints true, the vault runs on Azure RBAC and the registry identity needs the Key Vault Crypto Service Encryption User role; false or nothing at all means access policies, and the identity needs get, wrapKey and unwrapKey through az keyvault set-policy."""),

dict(key="S4", style="short", kind="troubleshoot", category="troubleshooting",
question="CMK_ERROR from check-health ever since someone removed a managed identity we thought was unused",
canonical=[T + "check-health-reports-cmk_error"],
related=[L + "az-acr-check-health-and-cmk_error", I + "the-encryption-identity-cannot-simply-be-removed"],
facts=["The registry cannot reach the managed identity"],
answer_facts=["Typically that identity was deleted"],
truth="""The health check raises CMK_ERROR when the identity that the registry's encryption is configured with cannot be found or resolved, which fits the identity you removed. One that still exists but was only detached can be attached again with az acr identity assign. If it is really gone, grant key access to another identity, such as the registry's system-assigned one, switch encryption to it with az acr encryption rotate-key, and rerun az acr check-health."""),

dict(key="S5", style="short", kind="troubleshoot", category="troubleshooting",
question="az role assignment create won't take msi as principal type for our acr identity",
canonical=[T + "role-assignment-rejects-the-principal-type-or-the-assignee"],
related=[A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities", I + "which-identity-value-goes-where"],
facts=["`MSI` belongs to another command"],
answer_facts=["a managed identity is a `ServicePrincipal` there"],
truth="""az role assignment create knows just four principal types (User, Group, ServicePrincipal, ForeignGroup) and files a managed identity under ServicePrincipal, so handing it MSI makes the CLI abort locally. The MSI value belongs only to the Managed HSM command, az keyvault role assignment create. For the vault grant, keep the identity's object ID and set the type to ServicePrincipal."""),

dict(key="S6", style="short", kind="troubleshoot", category="troubleshooting",
question="kv role given to acr identity, creation still lacks get, wrap key, unwrap key",
canonical=[A + "grant-access-with-a-key-vault-access-policy"],
related=[T + "role-assignment-has-no-effect-on-an-access-policy-vault", A + "which-permission-model-does-my-key-vault-use"],
facts=["access policies cannot be limited to a single key"],
answer_facts=["give the identity the three key permissions"],
truth="""The vault most likely works with access policies (enableRbacAuthorization false, the default for vaults made with Azure CLI 2.61.0 or older), and on such a vault Azure role assignments grant nothing. Give the identity's principal ID an access policy instead, az keyvault set-policy --name <vault> --object-id <principal ID> --key-permissions get unwrapKey wrapKey, and create the registry again."""),

dict(key="S7", style="short", kind="value", category="rotation", typo="automaticaly",
question="should our acr cmk key rotate automaticaly, and how often is recommended?",
canonical=[K + "how-often-to-rotate"],
related=[K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["The shortest allowed rotation interval is **7 days** in a key vault"],
answer_facts=["They give no fixed rotation frequency"],
truth="""The docs set no interval: rotate key versions regularly, on whatever schedule your compliance policy demands. Rotation is automatic end to end when a rotation policy creates the versions (no more often than every 7 days in a vault, or 28 days in a Managed HSM) and the registry holds a versionless key URI, which it follows within an hour of each new version."""),

dict(key="S8", style="short", kind="yes", category="rotation", quals=["hsm", "iac", "oct2026"],
question="can the portal's change key move our acr cmk to a managed hsm key?",
canonical=[K + "rotate-the-key-in-the-azure-portal"],
related=[M + "rotate-a-managed-hsm-key", M + "key-picker-blocked-by-the-hsm-firewall"],
facts=["the portal does not create the local role assignment"],
answer_facts=["offers key vaults and Managed HSMs"],
truth="""Yes: under the registry's Settings > Encryption, Change key lists Managed HSMs next to key vaults in Select from Key Vault (a key chosen there is stored without a version) and accepts a versioned or versionless Managed HSM key ID in Enter key URI. The portal does not create the local role assignment, so give the identity Managed HSM Crypto Service Encryption User on the new key beforehand."""),

dict(key="S9", style="short", kind="yes", category="network",
question="can acr get through a key vault firewall as a trusted azure service?",
canonical=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
related=[N + "azure-container-registry-in-key-vaults-trusted-services-list", N + "allow-trusted-services-and-deny-other-traffic"],
facts=["The bypass only opens the network path."],
answer_facts=["on Key Vault's list of trusted services"],
truth="""Yes: Azure Container Registry is one of the trusted services Key Vault knows for customer-managed key encryption, so with the vault's bypass set to AzureServices the registry passes a default-deny firewall, selected networks or a private-endpoint-only setup. The exception is purely about network reachability; the identity must still hold its role or access policy on the vault."""),

dict(key="S10", style="short", kind="no", category="keys", quals=["hsm", "oct2026"],
question="acr key in managed hsm: does rsa-hsm there also need the premium vault tier?",
canonical=[O + "rsa-hsm-keys-need-a-premium-key-vault"],
related=[M + "key-vault-and-managed-hsm-compared", T + "rsa-hsm-key-creation-fails-in-a-standard-vault"],
facts=["A Standard vault (the default) supports software-protected `RSA` keys only."],
answer_facts=["there is no vault SKU involved"],
truth="""No: the Premium tier rule for RSA-HSM keys concerns Key Vault vaults only. A Managed HSM backs every key with its hardware and has no vault SKU; for the registry, the key there just has to be RSA-HSM and allow wrapKey and unwrapKey."""),

dict(key="S11", style="short", kind="why", category="identity",
question="why must a new cmk registry start with a user-assigned identity?",
canonical=[I + "a-user-assigned-identity-is-required-when-the-registry-is-created"],
related=[T + "system-assigned-identity-rejected-at-registry-creation", I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
facts=["`az acr create` does **not** accept `--identity '[system]'`"],
answer_facts=["The registry does not exist yet"],
truth="""Because the key must already be usable when the registry is being created, and at that point the registry's own system-assigned identity does not exist, so nobody can have granted it access to the key. A user-assigned identity can be created and given key access in advance; later the registry may switch to its system-assigned identity with az acr encryption rotate-key."""),

dict(key="S12", style="short", kind="undocumented", category="limits", typo="configration",
question="is zone redundancy on a cmk acr a supported configration?",
canonical=[L + "zone-redundancy-with-cmk-is-not-documented"],
related=[L + "feature-compatibility-summary", O + "requirements-at-a-glance"],
facts=["cannot be changed after creation"],
answer_facts=["in a test subscription or with support"],
truth="""Not documented: zone redundancy appears nowhere in the customer-managed key articles, so they neither allow nor rule out the combination. The CLI does let you pass --zone-redundancy Enabled next to the key options of az acr create (a preview flag, fixed once the registry exists), but nothing says whether that pairing is supported; test it in a separate subscription or ask Azure support."""),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="P4", style="agent", kind="troubleshoot", category="troubleshooting", form="context", flags=["python_logging"],
question="Context: my provisioning script logged `ERROR:acr_provision:create of crmarden01 failed: Failed to access KeyId https://kv-marden.vault.azure.net/keys/kek-marden` on the first run in a fresh environment. Question: what usually goes wrong when registry creation cannot use the key?",
canonical=[T + "registry-creation-cannot-access-the-key"],
related=[C + "why-the-registry-needs-depends_on-on-the-role-assignment", N + "reports-of-first-time-creation-failing-against-a-firewalled-vault-not-official"],
facts=["The registry must already be able to use the key"],
answer_facts=["`Failed to access KeyId`"],
truth="""Failed to access KeyId on a create means crmarden01 could not use kek-marden through its user-assigned identity at the moment it was being created. Check three things: that the identity has get, wrapKey and unwrapKey on kv-marden in the vault's own permission model (the Key Vault Crypto Service Encryption User role on an RBAC vault, an access policy otherwise); that a new grant has had a few minutes to take effect before you retry; and, if kv-marden has a firewall or a private endpoint, that trusted Azure services may pass it. In a script, also make sure the grant is created before the registry and not alongside it."""),

dict(key="P5", style="agent", kind="howto", category="keys", form="imperative", quals=["hsm", "oct2026"], flags=["python_logging"],
question="Explain which host the key URI needs so this stops: `ERROR:hsm_keys:registry create for crkeld02 rejected key https://hsm-keld.vault.azure.net/keys/kek-keld` while the key really lives in our Managed HSM.",
canonical=[O + "the-key-encryption-key-kek-and-its-identifier"],
related=[M + "managed-hsm-key-uris", T + "managed-hsm-uri-is-not-a-key-uri"],
facts=["The URI must be HTTPS and must name a key"],
answer_facts=["the DNS suffix differs between Azure clouds"],
truth="""A key in a Managed HSM is addressed on the HSM's own host, not on vault.azure.net: https://hsm-keld.managedhsm.azure.net/keys/kek-keld for automatic rotation, or the same with /<version> added to pin a version. Because the suffix is different in other Azure clouds, read the host name off the HSM's hsmUri property or copy the kid from az keyvault key show --hsm-name hsm-keld --name kek-keld rather than typing it; the CLI forwards whatever it gets, which is why crkeld02 was only rejected by the service."""),

dict(key="A1", style="agent", kind="howto", category="hsm", form="context", quals=["hsm", "iac", "oct2026"],
question="Context: the portal's Encryption tab lists our Managed HSM hsm-rydal under Select from Key Vault, yet no keys appear for it; its firewall admits only the office. Question: how do I set the HSM key's URI without opening the firewall?",
canonical=[M + "key-picker-blocked-by-the-hsm-firewall"],
related=[S + "set-up-cmk-in-the-azure-portal", T + "portal-key-picker-cannot-list-keys-behind-the-managed-hsm-firewall"],
facts=["a data-plane call made from your browser"],
answer_facts=["**Enter key URI** with the key ID"],
truth="""Leave the picker aside and paste the Managed HSM key ID into Enter key URI, https://hsm-rydal.managedhsm.azure.net/keys/<key-name> for automatic rotation or with a version appended to pin it, read with az keyvault key show --hsm-name hsm-rydal from a machine the firewall lets in. The picker lists keys from your browser over the HSM's data plane, and the trusted-services exception only admits ACR, not the browser; adding your client IP to the HSM firewall is the other option. The identity must already hold Managed HSM Crypto Service Encryption User on that key."""),

dict(key="A2", style="agent", kind="howto", category="iac", form="imperative", quals=["iac"],
question="Write a Terraform configuration for a Premium registry encrypted with a key in an RBAC key vault, granting the identity only what it needs and making sure the registry is not created before the grant exists.",
canonical=[C + "complete-terraform-example-with-key-vault-role-assignment-and-registry"],
related=[C + "why-the-registry-needs-depends_on-on-the-role-assignment", C + "terraform-azurerm_container_registry-encryption-block"],
facts=["The vault uses the RBAC permission model"],
answer_facts=["depends_on = [azurerm_role_assignment.acr_key_access]", "rbac_authorization_enabled = true"],
truth="""Declare an azurerm_user_assigned_identity; an azurerm_key_vault with rbac_authorization_enabled = true (enable_rbac_authorization before azurerm 4.42) and purge protection; an azurerm_key_vault_key of type RSA with wrapKey and unwrapKey; and an azurerm_role_assignment that gives the identity's principal_id the role Key Vault Crypto Service Encryption User on the vault's id with principal_type ServicePrincipal. The azurerm_container_registry gets sku Premium, an identity block of type UserAssigned listing the identity's id, and an encryption block with key_vault_key_id set to the key's versionless_id and identity_client_id set to the identity's client_id. Add depends_on on the role assignment to the registry, because it refers to the identity and the key but not to the grant; the identity running Terraform needs a key-creating role such as Key Vault Crypto Officer on the vault."""),

dict(key="A3", style="agent", kind="howto", category="limits", form="keywords",
question="az cli list every registry in the subscription with sku and cmk encryption status as a table",
canonical=[L + "check-the-encryption-status-of-a-registry"],
related=[S + "step-8-verify-the-encryption-status", K + "check-which-key-version-the-registry-uses"],
facts=["The same object is available from `az acr show`"],
answer_facts=["`status` is `enabled` for a CMK registry"],
truth="""One call does it: az acr list --query "[].{name:name, sku:sku.name, cmk:encryption.status}" --output table. Registries with a customer-managed key show enabled in the cmk column. For the details of a single registry (configured key URI, version in use, identity) run az acr encryption show --name <registry>, or open Settings > Encryption in the portal."""),

dict(key="A4", style="agent", kind="undocumented", category="iac", form="keywords", quals=["iac"],
question="azurerm 5.0 upgrade, cmk registry module dropped its encryption block, terraform plan wants to disable encryption, what actually happens on apply",
canonical=[C + "azurerm-4x-removed-encryptionenabled-other-version-changes"],
related=[C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs", O + "cmk-cannot-be-disabled-after-it-is-enabled"],
facts=["which ACR does not allow"],
answer_facts=["(the result is undocumented)", "keep the block for every CMK registry"],
truth="""Not documented: the 5.0 upgrade guide reads a missing encryption block as a request to turn encryption off, yet a customer-managed key can never be taken away from a registry, and what the service answers to such an update is written down nowhere. Don't let that plan run; restore the block with key_vault_key_id and identity_client_id so Terraform shows no change. In the 4.x line an absent block was simply ignored, but from 5.0 every CMK registry has to keep it."""),

dict(key="A5", style="agent", kind="troubleshoot", category="iac", form="keywords", quals=["hsm", "iac", "oct2026"],
question="terraform azurerm 4.40 refuses our managed hsm key url for key_vault_key_id, which provider release accepts hsm keys for acr",
canonical=[C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs"],
related=[C + "managed-hsm-key-in-terraform", C + "azurerm-4x-removed-encryptionenabled-other-version-changes"],
facts=["older versions reject any `.managedhsm.` URI in `key_vault_key_id`"],
answer_facts=["azurerm from 4.65.0; neither AVM module"],
truth="""azurerm releases before 4.65.0 turn down any .managedhsm. URI in key_vault_key_id, so 4.40 cannot take a Managed HSM key; move the provider to 4.65.0 or later. Then set key_vault_key_id to the id of the azurerm_key_vault_managed_hardware_security_module_key, which for HSM keys is the versionless URI, grant the role with azurerm_key_vault_managed_hardware_security_module_role_assignment instead of azurerm_role_assignment, and put that assignment into the registry's depends_on. Neither AVM module can use a Managed HSM key."""),

dict(key="A6", style="agent", kind="troubleshoot", category="setup", form="imperative",
question="Explain why az keyvault key create returns ForbiddenByRbac for me although I am Owner of the subscription and just created the vault for our registry key.",
canonical=[T + "operator-cannot-create-the-key-in-an-rbac-vault"],
related=[A + "your-own-permissions-to-create-keys-in-an-rbac-vault", A + "azure-cli-262-and-later-create-rbac-vaults-by-default"],
facts=["the CLI default since 2.62.0"],
answer_facts=["managing the vault resource is not enough"],
truth="""ForbiddenByRbac comes from the data plane: since CLI 2.62.0 a fresh vault is made with Azure RBAC authorization unless you ask otherwise, and under that model subscription Owner is a management-plane role that lets you change the vault resource but not touch its keys. Ask an Owner, User Access Administrator or RBAC Administrator to assign you Key Vault Crypto Officer scoped to this vault (principal type User), give it a few minutes to propagate, then run the key creation again. Keep that operator role to yourself or your pipeline; the registry's identity only ever needs Key Vault Crypto Service Encryption User."""),

dict(key="A7", style="agent", kind="troubleshoot", category="limits", form="context",
question="Context: az acr create with --sku Standard plus --identity and --key-encryption-key passed the CLI without any warning, then the service refused the registry. Question: why, and what should the command look like?",
canonical=[O + "cmk-requires-the-premium-sku"],
related=[T + "cmk-needs-the-premium-tier", S + "rules-that-az-acr-create-enforces-for-cmk"],
facts=["The Azure CLI does not check this itself"],
answer_facts=["the service rejects the request"],
truth="""Customer-managed keys are available on the Premium SKU only. The Azure CLI leaves the tier check to the service, so az acr create lets Standard through together with the key options and the request is refused afterwards. Create the registry with --sku Premium: az acr create --resource-group <rg> --name <registry> --sku Premium --identity <identity resource ID> --key-encryption-key <key URI>. Upgrading a Standard registry later would not help, since the key can only be chosen at creation."""),

dict(key="A8", style="agent", kind="value", category="rotation", form="context", quals=["hsm", "oct2026"],
question="Context: crthorne encrypts with a pinned version of kek-thorne from our Managed HSM, and auditors want evidence. Question: in az acr encryption show output, where do I read which key version of the HSM is in use now and when it last switched?",
canonical=[K + "check-which-key-version-the-registry-uses"],
related=[S + "step-8-verify-the-encryption-status", K + "versioned-and-versionless-key-ids"],
facts=["when the registry last switched versions"],
answer_facts=["the exact version the registry is using"],
truth="""keyVaultProperties.versionedKeyIdentifier holds the exact version in use, as a https://<hsm>.managedhsm.azure.net/keys/kek-thorne/<version> URI, and keyVaultProperties.lastKeyRotationTimestamp records when crthorne last changed versions. keyIdentifier shows what was configured (here the same pinned URI), and keyRotationEnabled false confirms that the version only changes through az acr encryption rotate-key. The portal shows the same under Settings > Encryption, for a Managed HSM key as for a vault key."""),

dict(key="A9", style="agent", kind="no", category="iac", form="context", quals=["hsm", "iac", "oct2026"],
question="Context: our platform team ships every registry through the Azure Verified Modules Bicep module for container registries, and the next registry should get its key from our Managed HSM. Question: will that module's customerManagedKey input accept an HSM-held key?",
canonical=[C + "avm-bicep-module-customermanagedkey-parameter"],
related=[C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs", C + "bicep-registry-with-a-customer-managed-key"],
facts=["The module does not grant key access"],
answer_facts=["(a vault, not a Managed HSM)"],
truth="""No: customerManagedKey takes keyVaultResourceId, the resource ID of a key vault, together with keyName and an optional keyVersion, so it cannot refer to a key in a Managed HSM, and the AVM Terraform module has the same limit. For a Managed HSM key, write the registry resource yourself with encryption.keyVaultProperties.keyIdentifier set to the HSM key URI and identity set to the identity's client ID, and create the local role assignment Managed HSM Crypto Service Encryption User at the key's scope before deploying, because neither the template nor ACR creates it."""),

dict(key="A10", style="agent", kind="why", category="identity", form="imperative",
question="Explain why an encrypted registry has to go through a managed identity to reach its key at all, rather than the service using credentials of its own.",
canonical=[I + "why-the-registry-needs-a-managed-identity"],
related=[I + "a-user-assigned-identity-is-required-when-the-registry-is-created", O + "what-customer-managed-key-encryption-adds-to-a-registry"],
facts=["the single point through which the registry reaches its key"],
answer_facts=["credentials for its key store"],
truth="""The registry keeps no secrets of its own for the key store: it calls Key Vault, or a Managed HSM, as a managed identity, and the key store decides from that identity's permissions whether it may read the key and wrap and unwrap with it (in a vault through an access policy or the role Key Vault Crypto Service Encryption User, in an HSM through the local role Managed HSM Crypto Service Encryption User). The identity named in the encryption settings is thus the only route to the key, which is also what lets you revoke the registry's access by removing that permission."""),
]

# ---------------- off-topic ----------------
QX = [
dict(key="O1", style="long", kind=OFF, category=OFF, subject="appwrite", near_miss=True,
question="""Our mobile backend is Appwrite, run from an image that we mirror into our Azure container registry. Appwrite encrypts some database attributes and the variables of its functions with a key taken from its environment configuration, and that value ended up in an attachment of a vendor support case that people outside the company can read. If we create a replacement key and restart the containers, can Appwrite still read what it encrypted with the old one, or will all those values have to be entered again?""",
truth="""Not covered: changing the key Appwrite uses for its encrypted attributes and function variables is configuration of that backend platform; the knowledge only deals with customer-managed keys for Azure Container Registry."""),

dict(key="O2", style="long", kind=OFF, category=OFF, subject="onedev", near_miss=True,
question="""OneDev hosts our git repositories and build jobs, and its server image is pulled from our private Azure container registry. It keeps job secrets encrypted in its database, and the key for them sits in a file under its data directory, which was included in a backup that another department can browse. Can we replace that key on the running server without losing the job secrets, and do the build agents have to be connected again afterwards?""",
truth="""Not covered: replacing the key behind OneDev's job secrets concerns that git and build server, not customer-managed keys for Azure Container Registry encryption."""),

dict(key="O3", style="long", kind=OFF, category=OFF, subject="limesurvey", near_miss=True,
question="""LimeSurvey, which runs our staff questionnaires, is deployed from an image that lives in our Azure container registry. The tool encrypts selected answer fields with a key stored in its security configuration, and that configuration file was attached to an incident ticket that an external partner can open. If we put a new key in place, will the answers encrypted earlier still be readable in the results view, or do we lose them?""",
truth="""Not covered: replacing the encryption key of a LimeSurvey installation is administration of that questionnaire tool and unrelated to ACR customer-managed key encryption."""),

dict(key="O4", style="long", kind=OFF, category=OFF, subject="firezone", near_miss=True,
question="""Firezone manages remote access for our staff; we build its image ourselves and push it to our Azure container registry. The settings Firezone keeps in its database are encrypted with a value from its environment configuration, and that value showed up in a debug log we handed to a consultant during a troubleshooting session. Can we rotate that key in place, or does every device have to be set up again afterwards?""",
truth="""Not covered: rotating the key that protects Firezone's stored settings belongs to the administration of that remote-access product; the knowledge is about Azure Container Registry encryption with customer-managed keys."""),

dict(key="O5", style="long", kind=OFF, category=OFF, subject="mayan", near_miss=True,
question="""Mayan EDMS holds our scanned purchase orders, and we deploy it from an image in our container registry on Azure. Its document storage is encrypted with a key defined in the storage backend settings, and those settings were visible in a merge request that a supplier can see. If we change the key, does Mayan re-encrypt the stored documents, or will it fail to open the existing files?""",
truth="""Not covered: changing the storage key of a Mayan EDMS installation is a question about that document system, not about customer-managed keys for Azure Container Registry."""),

dict(key="O6", style="long", kind=OFF, category=OFF, subject="pixelfed",
question="""Our community photo-sharing server runs Pixelfed. Since the last update, pictures uploaded from mobile devices appear rotated sideways in the feed, although they look fine on the device itself. We run the official image behind a reverse proxy and store media on local disk. Is there a setting that makes Pixelfed respect the orientation recorded in the photo, or do we have to correct the metadata before the upload?""",
truth="""Not covered: the orientation of uploaded pictures in Pixelfed is a matter of that photo-sharing platform and has nothing to do with ACR customer-managed keys."""),

dict(key="O7", style="agent", kind=OFF, category=OFF, subject="sonarr", form="context",
question="Context: Sonarr manages the TV series library on our home server. Question: how can I make it prefer releases that ship with subtitle tracks and skip those whose subtitles are burned into the picture?",
truth="""Not covered: release preferences in Sonarr are media automation, unrelated to Azure Container Registry encryption."""),

dict(key="O8", style="agent", kind=OFF, category=OFF, subject="bazarr", form="imperative",
question="Explain how to set up Bazarr so it downloads subtitles in two languages and upgrades them automatically when a better match appears.",
truth="""Not covered: subtitle handling in Bazarr has nothing to do with customer-managed keys for a container registry."""),

dict(key="O9", style="agent", kind=OFF, category=OFF, subject="tdarr", form="keywords",
question="tdarr convert library to hevc but keep original audio tracks and skip files already in hevc",
truth="""Not covered: conversion flows in Tdarr are media processing, outside the knowledge about ACR customer-managed key encryption."""),

dict(key="O10", style="short", kind=OFF, category=OFF, subject="shiori",
question="can shiori archive pages that need a login to view?",
truth="""Not covered: archiving pages behind a login in Shiori is a feature of that read-later tool, unrelated to registry encryption."""),

dict(key="O11", style="short", kind=OFF, category=OFF, subject="prowlarr",
question="prowlarr add a private indexer that uses cookie login",
truth="""Not covered: indexer setup in Prowlarr is unrelated to Azure Container Registry customer-managed keys."""),

dict(key="O12", style="short", kind=OFF, category=OFF, subject="beets",
question="how do i make beets fetch album art during import?",
truth="""Not covered: album art in beets concerns that music tagger, not ACR customer-managed key encryption."""),
]


QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"whithout": "without", "configration": "configuration", "automaticaly": "automatically"}
SHAPES = ["two_facts", "email_thread", "assistant_chat_copy", "python_logging", "watch_output",
          "runbook_front_matter"]
SEED = 78
ID_PREFIX = "ap"

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
SPREAD_SETS = (77, 76)
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
    """(blind78.json text, blind78-meta.json text, blind78-first-canonicals.txt text)"""
    entries, meta = build()
    j = json.dumps(entries, indent=1, ensure_ascii=False) + "\n"
    m = json.dumps(meta, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    f = "\n".join(firsts) + "\n"
    return j, m, f


def main(out=HERE):
    j, m, f = render()
    for name, text in (("blind78.json", j), ("blind78-meta.json", m), ("blind78-first-canonicals.txt", f)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)

