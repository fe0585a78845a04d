"""blind77 builder: holds the 60 questions (QUESTIONS) and writes blind77.json, blind77-meta.json and
blind77-first-canonicals.txt. render() returns the three files' exact text (check77.py compares it byte for byte)."""
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
# ---- ls_listing ----
dict(key="L1", style="long", kind="troubleshoot", category="identity", flags=["ls_listing"],
question=r"""Our nightly script moves the encryption of crmarlowe over to the registry's own identity. Last night the rotate-key step failed with an error saying that no user-assigned identity called `s` exists in rg-marlowe-prod, which puzzled everyone, because nobody ever created one. This is the folder the script runs in:

```text
$ ls -l
total 20
-rw-r--r-- 1 build build  312 Nov 30 23:58 marlowe.vars
-rwxr-xr-x 1 build build 1841 Nov 30 23:58 move-identity.sh
-rw-r--r-- 1 build build 2210 Dec  1 00:03 run.log
-rw-r--r-- 1 build build    0 Dec  1 00:02 s
```

The line in the script is `az acr encryption rotate-key -n crmarlowe --key-encryption-key $KID --identity [system]`. Where does that `s` come from, and how do we stop it from happening again?""",
canonical=[I + "how-rotate-key-interprets-the---identity-value"],
related=[I + "quote-system-in-shell-commands", T + "system-assigned-identity-rejected-at-registry-creation"],
facts=["Write it in single quotes"],
answer_facts=["resolves anything else as a user-assigned identity"],
truth="""Without quotes, bash reads [system] as a pattern for a single character out of s, y, t, e and m, and swaps it for the name of any file in the current folder that consists of just one of those letters. The empty file s (probably left by a stray redirect) was there, so the CLI received --identity s. rotate-key treats a value that is neither a GUID nor [system] as a user-assigned identity's name and looks it up in the registry's resource group, hence the not-found error. Write the value as '[system]' in single quotes in move-identity.sh and delete the stray file."""),

dict(key="L2", style="long", kind="value", category="limits", flags=["ls_listing"],
question=r"""We export ACR Tasks run logs from crbellwood at the end of every pipeline run, and a weekly job copies whatever it finds into long-term storage. The export folder on the build agent:

```text
$ ls -lh exports/
total 28K
-rw-r--r-- 1 ado ado  14K Dec  4 06:10 acr-run-cf3a.log
-rw-r--r-- 1 ado ado  11K Dec  5 06:12 acr-run-cf3f.log
-rw-r--r-- 1 ado ado    0 Dec  5 07:40 acr-run-cf2k.log
-rw-r--r-- 1 ado ado    0 Dec  5 07:41 acr-run-cf2m.log
```

The two empty files were fetched by a backfill a couple of days after those runs took place; the export step had been skipped for them. The registry uses a customer-managed key. For how long does such a registry keep the log of a task run? Can we configure a longer retention somewhere?""",
canonical=[L + "acr-tasks-run-logs-are-kept-for-only-24-hours"],
related=[L + "export-task-run-logs-before-they-expire", T + "task-run-logs-disappear-after-24-hours"],
facts=["the docs offer no setting that extends the 24-hour retention"],
answer_facts=["retained for **24 hours** only"],
truth="""A registry encrypted with a customer-managed key keeps each ACR Tasks run log for 24 hours only. The backfill asked for runs cf2k and cf2m after that window, so there was nothing left to fetch, which is why acr-run-cf2k.log and acr-run-cf2m.log are empty. No setting extends the retention on such a registry; save every run's log within a day, as the export step at the end of each pipeline already does, and make sure it cannot be skipped."""),

dict(key="L3", style="long", kind="no", category="iac", quals=["iac"], flags=["ls_listing"],
question=r"""Our shared registry crfenwick was created two years ago by this Terraform stack, without any encryption settings:

```text
$ ls -la stacks/registry
total 32
drwxr-xr-x 2 ops ops 4096 Dec  2 10:14 .
drwxr-xr-x 9 ops ops 4096 Nov 18 08:01 ..
-rw-r--r-- 1 ops ops 1180 Dec  2 10:14 identity.tf
-rw-r--r-- 1 ops ops 2034 Dec  2 10:14 registry.tf
-rw-r--r-- 1 ops ops  411 Oct  3 15:22 versions.tf
```

Our compliance team now requires CMK encryption for it. I added the vault key and a role assignment to identity.tf, and an encryption block pointing at the new key and the identity's client ID to the existing azurerm_container_registry in registry.tf. The plan shows a plain in-place update with nothing destroyed. Can I simply apply this with Terraform and keep the registry?""",
canonical=[C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep"],
related=[O + "moving-an-existing-registry-to-cmk", O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
facts=["ACR accepts a customer-managed key only when the registry is created."],
answer_facts=["plans an **in-place update**"],
truth="""No: a customer-managed key can only be configured while a registry is being created. The azurerm provider does not mark the encryption block as forcing a new resource, so the plan for registry.tf looks like a harmless in-place update, but the service is expected to reject it when you apply. Forcing a replacement would delete crfenwick with all its images. Declare a second Premium registry with encryption from the start, copy the images across with az acr import, move clients to it and retire the old one afterwards."""),

dict(key="L4", style="long", kind="howto", category="recovery", quals=["hsm", "oct2026"], flags=["ls_listing", "two_facts"],
question=r"""A clean-up script deleted our Managed HSM hsm-quarry-weu this morning, and the registry crquarry, whose key lives there, stopped serving images. We still have the material from the day the HSM was activated:

```text
$ ls -l ~/secure/hsm-quarry-weu
total 28
-r-------- 1 vera vera 1704 Mar 11  2026 cert_0.key
-r-------- 1 vera vera 1704 Mar 11  2026 cert_1.key
-r-------- 1 vera vera 1704 Mar 11  2026 cert_2.key
-rw-r--r-- 1 vera vera 1208 Mar 11  2026 cert_0.cer
-rw-r--r-- 1 vera vera 1208 Mar 11  2026 cert_1.cer
-rw-r--r-- 1 vera vera 1208 Mar 11  2026 cert_2.cer
-rw-r--r-- 1 vera vera 9120 Mar 11  2026 hsm-quarry-weu-sd.json
```

Do we need these files to get the registry back, or can the deleted Managed HSM simply be recovered, and who is allowed to do that?""",
canonical=[M + "recover-a-deleted-managed-hsm-key-or-hsm", V + "recover-a-deleted-managed-hsm"],
related=[L + "pricing-considerations", M + "provision-and-activate-the-managed-hsm"],
facts=["A soft-deleted Managed HSM keeps being billed"],
answer_facts=["listing, recovering and purging a deleted HSM", "Recovery needs the HSM's location"],
truth="""A deleted Managed HSM is only soft-deleted and can be recovered within the retention period chosen when it was created. Find it with az keyvault list-deleted --resource-type hsm and bring it back with az keyvault recover --hsm-name hsm-quarry-weu --location <its region>; this needs the Azure role Managed HSM Contributor. The documented recovery does not use the security domain file hsm-quarry-weu-sd.json or the certificate keys; keep them safe anyway, they are what a real disaster recovery needs. Act quickly: the soft-deleted HSM is still billed, and a purge would destroy the registry's key for good. Once the HSM is back, crquarry can use its key again."""),

dict(key="L5", style="long", kind="value", category="setup", quals=["iac", "oct2026"], flags=["ls_listing"],
question=r"""I'm reviewing a colleague's deployment folder for a new registry, crhalden, built from the enable tutorial's template:

```text
$ ls -l deploy/
total 12
-rw-r--r-- 1 pia pia 2918 Dec  3 14:02 CMKtemplate.json
-rwxr-xr-x 1 pia pia  377 Dec  3 14:05 deploy.sh
-rw-r--r-- 1 pia pia  455 Dec  3 14:07 grant-access.sh
```

deploy.sh passes registry_name, identity_name, vault_name and key_id to az deployment group create. grant-access.sh was added because, according to my colleague, the template no longer creates an access policy by itself. Which parameter names does the tutorial's current ARM template actually take? Is my colleague right about the access policy?""",
canonical=[S + "the-enable-tutorials-own-template"],
related=[S + "deploy-the-template", S + "set-up-cmk-with-an-arm-template"],
facts=["Its parameters are `registry_name`, `identity_name` and `kek_id`"],
answer_facts=["It grants no key access itself"],
truth="""Since the October 2026 revision the tutorial's template takes three parameters: registry_name, identity_name and kek_id. It has no vault_name any more, and the key URI goes into kek_id (passing key_id was a slip of older revisions). Your colleague is right: the template grants no key access at all, so grant-access.sh has to run before the deployment: an access policy (get, wrapKey, unwrapKey) for the identity, or the Key Vault Crypto Service Encryption User role. Drop vault_name from deploy.sh and rename key_id to kek_id."""),

# ---- grep_matches (long) ----
dict(key="G1", style="long", kind="troubleshoot", category="iac", quals=["iac"], flags=["grep_matches"],
question=r"""terraform apply for our new registry crwexford fails at the registry resource, although validate is happy and the plan shows a valid UUID for the identity. I searched the module to see how the encryption block is wired:

```text
$ grep -rn "identity" modules/acr/
modules/acr/identity.tf:1:resource "azurerm_user_assigned_identity" "kek" {
modules/acr/access.tf:4:  principal_id         = azurerm_user_assigned_identity.kek.principal_id
modules/acr/main.tf:18:  identity {
modules/acr/main.tf:20:    identity_ids = [azurerm_user_assigned_identity.kek.id]
modules/acr/main.tf:25:    identity_client_id = azurerm_user_assigned_identity.kek.principal_id
```

The role assignment in access.tf exists and the vault uses the RBAC model. What is wrong in the Terraform encryption block?""",
canonical=[C + "common-terraform-and-bicep-errors-with-acr-encryption"],
related=[C + "terraform-azurerm_container_registry-encryption-block", I + "which-identity-value-goes-where"],
facts=["the user-assigned identity's `client_id`"],
answer_facts=["`principal_id` (object ID) passed instead of `client_id`"],
truth="""Line 25 of main.tf feeds the identity's principal_id into identity_client_id. Both values are GUIDs, so the provider's UUID check passes, but the registry's encryption settings need the identity's client ID. The principal (object) ID belongs only in the role assignment, as access.tf already has it. Change the line to azurerm_user_assigned_identity.kek.client_id and apply again."""),

dict(key="G2", style="long", kind="howto", category="setup", flags=["grep_matches"],
question=r"""We're reviving an old bootstrap repository to build the key vault and the grants for a new CMK registry, crashdown. Our build agents now run Azure CLI 2.67. Searching the scripts:

```text
$ git grep -n "az keyvault"
bootstrap/10-vault.sh:7:az keyvault create -n kv-ashdown-01 -g rg-ashdown -l northeurope --enable-purge-protection
bootstrap/20-grant.sh:5:az keyvault set-policy -n kv-ashdown-01 --object-id "$UAMI_OID" --key-permissions get unwrapKey wrapKey
bootstrap/30-key.sh:3:az keyvault key create --vault-name kv-ashdown-01 -n kek-ashdown --kty RSA --size 3072
```

These were written in 2023 and worked back then. Which permission model will the vault get on today's CLI, and what should the grant step look like so that the registry identity can use the key?""",
canonical=[A + "azure-cli-262-and-later-create-rbac-vaults-by-default"],
related=[T + "set-policy-fails-on-an-rbac-key-vault", A + "grant-access-with-an-azure-rbac-role",
         A + "your-own-permissions-to-create-keys-in-an-rbac-vault"],
facts=["needs the role **Key Vault Crypto Service Encryption User**"],
answer_facts=["From **azure-cli 2.62.0**"],
truth="""From Azure CLI 2.62.0 on, az keyvault create builds vaults with the Azure RBAC permission model unless told otherwise, so 10-vault.sh now produces an RBAC vault and the set-policy call in 20-grant.sh will be refused. Either replace that call by assigning the identity's principal ID the Key Vault Crypto Service Encryption User role at the vault's scope (az role assignment create --assignee-object-id ... --assignee-principal-type ServicePrincipal ... --scope <vault ID>), or keep access policies by adding --enable-rbac-authorization false to the create call. On an RBAC vault whoever runs 30-key.sh must also hold a key-creating data-plane role, for example Key Vault Crypto Officer."""),

dict(key="G3", style="long", kind="yes", category="hsm", quals=["hsm", "oct2026"], flags=["grep_matches"],
question=r"""Before our security architects sign off on keeping the key of crlinden in a Managed HSM, they searched our internal handbook and found statements that contradict each other:

```text
$ rg -n -i "managed hsm" handbook/
handbook/registry/encryption.md:41:Registry encryption with Managed HSM is unclear, the ACR tutorials only talk about Key Vault.
handbook/registry/encryption.md:58:Keep the CMK in a Key Vault vault until Microsoft confirms Managed HSM.
handbook/security/keystores.md:12:Managed HSM is approved for all new key material from Q3 2026.
```

The encryption page was written in spring. Is a Managed HSM key by now actually supported as a registry's customer-managed key, or should we still treat it as unconfirmed?""",
canonical=[M + "managed-hsm-is-a-supported-key-store-for-acr-cmk"],
related=[O + "managed-hsm-keys", M + "requirements-for-a-managed-hsm-key-store"],
facts=["the key must be RSA-HSM and permit `wrapKey` and `unwrapKey`"],
answer_facts=["the second supported key store"],
truth="""Yes: the handbook lines in encryption.md predate the October 2026 revision of the ACR customer-managed key tutorials, which now document Azure Key Vault Managed HSM as a second supported key store beside vaults and give HSM-specific setup, rotation, revocation and troubleshooting steps; the Azure CLI also accepts managedhsm.azure.net key URIs on create and rotate-key. Only two newer ACR security articles still speak of Key Vault alone, and for Managed HSM the tutorials are the reference. Conditions for crlinden: an activated HSM, an RSA-HSM key permitting wrapKey and unwrapKey, and the local role Managed HSM Crypto Service Encryption User for its identity."""),

# ---- cloud_shell_session ----
dict(key="C1", style="long", kind="troubleshoot", category="rotation", quals=["hsm", "oct2026"], flags=["cloud_shell_session"],
question=r"""Our Managed HSM hsm-corbel has a rotation policy on the key used by crcorbel, and it produced a new version on 1 December. A week on, crcorbel is still encrypting with the previous version. From Cloud Shell:

```text
Requesting a Cloud Shell.Succeeded.
Connecting terminal...

mara@Azure:~$ az acr encryption show -n crcorbel -o json
{
  "keyVaultProperties": {
    "identity": "e4be1d0c-2f3e-4a91-8c55-90d6e2b7a1f4",
    "keyIdentifier": "https://hsm-corbel.managedhsm.azure.net/keys/kek-corbel/c7d241a09be84f6e9a1f3c5d8e0b2a67",
    "keyRotationEnabled": false,
    "lastKeyRotationTimestamp": null,
    "versionedKeyIdentifier": "https://hsm-corbel.managedhsm.azure.net/keys/kek-corbel/c7d241a09be84f6e9a1f3c5d8e0b2a67"
  },
  "status": "enabled"
}
mara@Azure:~$
```

Why doesn't the registry move to the new version that the HSM rotation policy created, and what do we run so that the registry keeps up with later versions without us?""",
canonical=[K + "how-new-key-versions-are-created"],
related=[T + "registry-keeps-using-an-old-key-version", K + "create-a-new-version-in-a-managed-hsm",
         K + "switch-from-manual-to-automatic-rotation"],
facts=["A rotation policy or `az keyvault key rotate` only creates"],
answer_facts=["with a versioned key ID you"],
truth="""crcorbel was configured with a versioned key URI: keyIdentifier ends in version c7d241a09be84f6e9a1f3c5d8e0b2a67 and keyRotationEnabled is false. A rotation policy only creates new versions; a registry pinned to a version stays on it until someone rotates by hand. Run az acr encryption rotate-key -n crcorbel --key-encryption-key https://hsm-corbel.managedhsm.azure.net/keys/kek-corbel, the versionless URI, once. From then on the registry picks up each new version of the Managed HSM key within an hour, as it would with a vault key. The identity's local role scoped to the key already covers the new versions."""),

dict(key="C2", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["cloud_shell_session"],
question=r"""rotate-key to the key in our new Managed HSM keeps failing for crtolland and I can't see why. Cloud Shell session:

```text
tomas [ ~ ]$ az keyvault show --hsm-name hsm-tolland -o json
{
  "name": "hsm-tolland",
  "properties": {
    "hsmUri": "https://hsm-tolland.managedhsm.azure.net/",
    "provisioningState": "Succeeded"
  }
}
tomas [ ~ ]$ az keyvault key show --hsm-name hsm-tolland --name kek-tolland-2 -o json
{
  "key": {
    "keyOps": ["wrapKey", "unwrapKey"],
    "kid": "https://hsm-tolland.managedhsm.azure.net/keys/kek-tolland-2/f3e9a07c41d84b2a96c05e1d7b8a2f40",
    "kty": "RSA-HSM"
  }
}
tomas [ ~ ]$ az acr encryption rotate-key -n crtolland --key-encryption-key https://hsm-tolland.managedhsm.azure.net/ --identity bb9e6a42-71c5-4f0d-a3b8-5e2c9d1f7a60
(BadRequest) The value of keyIdentifier is not valid.
```

The identity holds the local role on kek-tolland-2, I checked that twice. Is something wrong with the Managed HSM URI I pass?""",
canonical=[T + "managed-hsm-uri-is-not-a-key-uri"],
related=[M + "managed-hsm-key-uris", O + "the-key-encryption-key-kek-and-its-identifier"],
facts=["neither is the bare HSM URI without `/keys/<key-name>`"],
answer_facts=["the HSM's own URI, without `/keys/<key-name>`", "ACR accepts only the HTTPS URI"],
truth="""The URI is the problem: --key-encryption-key got the Managed HSM's own endpoint, its hsmUri, instead of a key URI. ACR only takes the HTTPS URI of a key, https://hsm-tolland.managedhsm.azure.net/keys/<key-name> with an optional version, and the bare HSM URI is refused by the service (the CLI passes it on without checking, hence the BadRequest). Pass https://hsm-tolland.managedhsm.azure.net/keys/kek-tolland-2 for automatic rotation, or the full kid ending in f3e9a07c41d84b2a96c05e1d7b8a2f40 to pin that version."""),

dict(key="C3", style="long", kind="value", category="keys", flags=["cloud_shell_session", "two_facts"],
question=r"""Creating crpenrose keeps failing: the error says our identity may not read, wrap or unwrap the key, although I did assign the role. Cloud Shell:

```text
noor@Azure:~$ az identity show -n id-penrose -g rg-penrose -o json
{
  "clientId": "a0f3c9b7-5a2e-4d86-9c14-7b8e2f6a0d35",
  "name": "id-penrose",
  "principalId": "d61e8a20-93b4-4c7f-b0e2-1a5f7c3d9e84",
  "type": "Microsoft.ManagedIdentity/userAssignedIdentities"
}
noor@Azure:~$ az role assignment list --scope "$PENROSE_KV_ID" -o table
Principal                             Role                                      Scope
------------------------------------  ----------------------------------------  ------------------
d61e8a20-93b4-4c7f-b0e2-1a5f7c3d9e84  Key Vault Crypto Service Encryption User  .../kv-penrose-02
noor@Azure:~$ az keyvault show -n kv-penrose-02 -o json | grep -i rbac
    "enableRbacAuthorization": false,
```

So the role is clearly there. Which way of granting key access does this vault actually honour, and what should I run instead?""",
canonical=[A + "two-supported-ways-to-grant-key-access", A + "which-permission-model-does-my-key-vault-use"],
related=[T + "role-assignment-has-no-effect-on-an-access-policy-vault", A + "grant-access-with-a-key-vault-access-policy"],
facts=["Azure role assignments grant no key access on such a vault"],
answer_facts=["Key permissions **get**, **wrapKey**, **unwrapKey**", "RBAC data-plane roles such as Key Vault"],
truth="""kv-penrose-02 uses the access-policy model (enableRbacAuthorization is false), and on such a vault role assignments grant no key access at all; only access policies count. Give the identity's principal ID, d61e8a20-93b4-4c7f-b0e2-1a5f7c3d9e84, an access policy with the key permissions get, wrapKey and unwrapKey: az keyvault set-policy -n kv-penrose-02 -g rg-penrose --object-id d61e8a20-93b4-4c7f-b0e2-1a5f7c3d9e84 --key-permissions get unwrapKey wrapKey. The role assignment can go. Switching the vault to RBAC instead would cut off every other user of its access policies."""),

dict(key="C4", style="long", kind="howto", category="troubleshooting", flags=["cloud_shell_session"],
question=r"""After a subscription clean-up the health check of crdunmore complains about encryption. From Cloud Shell:

```text
jules@Azure:~$ az acr check-health -n crdunmore --ignore-errors --yes
Helm version: v3.16.4
CMK_ERROR: The identity used for registry 'crdunmore' encryption doesn't exist.
jules@Azure:~$ az acr encryption show -n crdunmore -o json
{
  "keyVaultProperties": {
    "identity": "a91c7e2d-0a5b-4f83-b6e1-2d9c8a4f7e05",
    "keyIdentifier": "https://kv-dunmore.vault.azure.net/keys/kek-dunmore"
  },
  "status": "enabled"
}
```

The user-assigned identity id-dunmore-kek was removed in that clean-up and cannot be brought back. How do I get the registry healthy again?""",
canonical=[L + "az-acr-check-health-and-cmk_error"],
related=[T + "check-health-reports-cmk_error", I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
facts=["Otherwise rotate the key onto a different identity that exists and has key access"],
answer_facts=["a different managed identity that has access"],
truth="""CMK_ERROR means the registry cannot reach the identity its encryption points to, here client ID a91c7e2d-0a5b-4f83-b6e1-2d9c8a4f7e05 of the deleted id-dunmore-kek. Since it cannot be attached again, move encryption to another identity that can use the key. For example, enable the system-assigned identity of crdunmore with az acr identity assign -n crdunmore --identities '[system]', give its principal ID access to kek-dunmore in kv-dunmore (role or access policy, depending on the vault's model), then run az acr encryption rotate-key -n crdunmore --key-encryption-key https://kv-dunmore.vault.azure.net/keys/kek-dunmore --identity '[system]'. A new user-assigned identity works the same way. Run the health check again afterwards."""),

dict(key="C5", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["cloud_shell_session"],
question=r"""crsalcombe should get its key from hsm-salcombe, our Managed HSM, but registry creation fails even though the identity has been given the HSM's local encryption role for that key. The key as Cloud Shell shows it:

```text
ines@Azure:~$ az keyvault key show --hsm-name hsm-salcombe -n kek-salcombe -o json
{
  "key": {
    "kid": "https://hsm-salcombe.managedhsm.azure.net/keys/kek-salcombe/a41f09c6e2d74b8d0c3e5f7a9b1d2e48",
    "keyOps": [
      "sign",
      "verify"
    ],
    "kty": "RSA-HSM"
  },
  "attributes": {
    "enabled": true,
    "recoverableDays": 90
  }
}
```

Somebody copied the create command from our code-signing runbook. Do we have to throw this key away, or can the same HSM key be made usable for the registry with a new version?""",
canonical=[T + "managed-hsm-key-has-the-wrong-type-or-operations"],
related=[K + "create-a-new-version-in-a-managed-hsm", M + "requirements-for-a-managed-hsm-key-store"],
facts=["covers every version of the key"],
answer_facts=["a new version of the same key"],
truth="""You can keep the key name. Its type, RSA-HSM, is right; only its permitted operations are wrong: sign and verify, with no wrapKey or unwrapKey, while ACR needs an RSA-HSM key that can wrap and unwrap. Add a version that allows them: az keyvault key create --hsm-name hsm-salcombe -n kek-salcombe --kty RSA-HSM --ops wrapKey unwrapKey. The identity's Managed HSM local role assignment on the key also applies to the added version. Then create the registry with the versionless URI https://hsm-salcombe.managedhsm.azure.net/keys/kek-salcombe, which uses the newest version, not with the kid ending in a41f09c6e2d74b8d0c3e5f7a9b1d2e48."""),

# ---- access_log ----
dict(key="W1", style="long", kind="why", category="recovery", quals=["hsm", "oct2026"], flags=["access_log", "two_facts"],
question=r"""We front crhawthorn with an nginx pull-through cache. During last night's change window somebody deleted the registry identity's role assignment in our Managed HSM, hsm-hawthorn, believing it only mattered for one legacy repository. This is what the cache logged right after:

```text
10.40.2.17 - - [04/Dec/2026:22:14:03 +0000] "GET /v2/payments/api/manifests/3.8.1 HTTP/1.1" 200 1573 "-" "containerd/1.7.22"
10.40.2.17 - - [04/Dec/2026:22:19:41 +0000] "GET /v2/payments/api/manifests/3.8.2 HTTP/1.1" 403 146 "-" "containerd/1.7.22"
10.40.3.9 - - [04/Dec/2026:22:19:58 +0000] "GET /v2/shared/base-jre/manifests/21.0.5 HTTP/1.1" 403 146 "-" "containerd/1.7.22"
10.40.3.9 - - [04/Dec/2026:22:20:12 +0000] "GET /v2/legacy/batch/manifests/latest HTTP/1.1" 403 146 "-" "containerd/1.7.22"
```

Why does revoking the access in the Managed HSM break every repository instead of only the legacy one?""",
canonical=[V + "what-revocation-does-to-the-registry", V + "revoke-access-to-a-key-in-a-managed-hsm"],
related=[M + "revoke-access-to-a-managed-hsm-key", V + "restore-access-after-a-revocation"],
facts=["access to **all** registry data is blocked"],
answer_facts=["There is no partial revocation per repository", "Revoke by deleting the identity's local role"],
truth="""Revocation works on the whole registry: the customer-managed key protects all of crhawthorn's content, so once its identity can no longer use the key in hsm-hawthorn, every operation that reads stored content fails, and there is no way to revoke per repository. That is why payments/api, shared/base-jre and legacy/batch all switched to 403 at the same moment. Deleting the local role assignment was a full revocation. Re-create Managed HSM Crypto Service Encryption User for the identity at the scope it had before, normally /keys/<key-name>, and the registry picks the key up again."""),

dict(key="W2", style="long", kind="yes", category="limits", flags=["access_log"],
question=r"""Our admission controller verifies Notation signatures for images in crvantage, whose content is protected by our own customer-managed key. Verification passes, but the gateway in front of the registry logs a 404 for every image before the signature is found:

```text
172.18.0.5 - - [02/Dec/2026:09:31:07 +0100] "GET /v2/orders/web/referrers/sha256:0c4e7a19b2d58f3e6a1c9d0b7e2f4a8c5d3b1e9f7a6c4d2b0e8f6a4c2d0b8e6f HTTP/1.1" 404 19 "-" "notation-go/1.2.1"
172.18.0.5 - - [02/Dec/2026:09:31:07 +0100] "GET /v2/orders/web/manifests/sha256-0c4e7a19b2d58f3e6a1c9d0b7e2f4a8c5d3b1e9f7a6c4d2b0e8f6a4c2d0b8e6f HTTP/1.1" 200 702 "-" "notation-go/1.2.1"
172.18.0.5 - - [02/Dec/2026:09:31:08 +0100] "GET /v2/orders/web/blobs/sha256:9a7e5c3b1d0f2e4a6c8b0d2f4e6a8c0b2d4f6e8a0c2b4d6f8e0a2c4b6d8f0e2a HTTP/1.1" 200 1134 "-" "notation-go/1.2.1"
```

Our security team wants the 404s gone and suspects a misconfiguration. Is that 404 on the referrers path expected for a registry like this one?""",
canonical=[L + "notation-signatures-on-cmk-registries"],
related=[T + "oras-and-notation-store-referrers-as-tags", L + "oci-referrers-api-is-not-supported"],
facts=["CMK-encrypted registries do not support the OCI Referrers API"],
answer_facts=["store signatures using the referrers tag schema"],
truth="""Yes: a registry protected by a customer-managed key has no OCI Referrers API, so the 404 for orders/web/referrers is normal there. Notation 1.2.0 and later detect that the API is absent and switch to the referrers tag schema, which is the sha256-... tag lookup that answers 200 right after. Nothing is misconfigured. Keep those digest-named tags, because they are how the signatures are found, and make sure other tools that look up referrers understand the tag schema as well."""),

dict(key="W3", style="long", kind="troubleshoot", category="identity", flags=["access_log"],
question=r"""Since Monday every push and pull through our registry proxy for crlowther fails with 403. The docker clients report that the identity of the registry has become inactive and must be reassigned manually. Proxy log:

```text
10.12.8.31 - ci-runner [07/Dec/2026:06:02:44 +0000] "PUT /v2/tools/linter/manifests/2.4.0 HTTP/1.1" 403 211 "-" "buildkit/v0.16"
10.12.8.44 - - [07/Dec/2026:06:03:10 +0000] "GET /v2/tools/linter/manifests/2.3.9 HTTP/1.1" 403 211 "-" "containerd/1.7.22"
```

Back in early September a colleague tried to detach the user-assigned identity id-lowther-cmk from the registry while tidying up; it failed with an error and we forgot about it, since everything kept working. What happened? How do we fix it?""",
canonical=[T + "registry-identity-is-inactive-or-expired"],
related=[I + "the-encryption-identity-cannot-simply-be-removed", T + "removing-the-encryption-identity-fails"],
facts=["Re-assigning the identity with `az acr identity assign` fixes it."],
answer_facts=["usually after about three months"],
truth="""The failed attempt to detach id-lowther-cmk in September stopped the automatic renewal of that identity. Registry traffic carries on normally until its credentials expire, which typically takes around three months; after that it fails, which is why tools/linter and every other repository now get 403. Assign the same identity to the registry again, az acr identity assign -n crlowther --identities <resource ID of id-lowther-cmk>, then retry. If you really want a different identity, rotate encryption to it first and remove the old one only afterwards."""),

dict(key="W4", style="long", kind="undocumented", category="hsm", quals=["hsm", "oct2026"], flags=["access_log"],
question=r"""crmoorfield has replicas in West Europe and Sweden Central; the Managed HSM holding its key is in West Europe. During Tuesday's incident in West Europe the registry mirror of our Swedish cluster logged this:

```text
10.60.1.12 - - [01/Dec/2026:13:05:22 +0100] "GET /v2/fleet/telemetry/manifests/5.1.0 HTTP/1.1" 200 2310 "-" "containerd/1.7.22"
10.60.1.12 - - [01/Dec/2026:13:22:48 +0100] "GET /v2/fleet/telemetry/manifests/5.1.1 HTTP/1.1" 500 0 "-" "containerd/1.7.22"
10.60.1.12 - - [01/Dec/2026:13:41:05 +0100] "GET /v2/fleet/telemetry/manifests/5.1.0 HTTP/1.1" 200 2310 "-" "containerd/1.7.22"
```

We are writing the disaster-recovery plan now. What do the ACR docs say about how a geo-replicated registry behaves when the region of its Managed HSM goes down, and what do they recommend for an HSM key store?""",
canonical=[M + "limits-and-open-points-with-managed-hsm"],
related=[L + "geo-replication-with-a-managed-hsm-key", L + "geo-replication-works-with-cmk"],
facts=["still points CMK users to the\nKey Vault disaster-recovery guidance only"],
answer_facts=["plan HSM recovery (security domain, backups) separately"],
truth="""Not documented: the geo-replication article only points customer-managed key users at Key Vault's advice on failover and redundancy and was never updated for Managed HSM. Nothing in the docs describes how replicas behave while the HSM's region is down, so the 500 on fleet/telemetry cannot be explained from them. For a Managed HSM key store, plan the HSM's own recovery separately (security domain, backups, availability in the regions you need), and confirm the expected behaviour with Microsoft support."""),

dict(key="W5", style="long", kind="no", category="recovery", quals=["hsm", "oct2026"], flags=["access_log"],
question=r"""Yesterday's revocation drill on crpelham went as planned: the registry identity lost its local role in our Managed HSM, pulls failed, and then we put the assignment back at the key scope. The proxy shows pulls recovering a few minutes later without anyone touching the registry:

```text
10.8.0.21 - - [05/Dec/2026:15:02:10 +0000] "GET /v2/ledger/core/manifests/9.0.3 HTTP/1.1" 403 146 "-" "containerd/1.7.22"
10.8.0.21 - - [05/Dec/2026:15:09:37 +0000] "GET /v2/ledger/core/manifests/9.0.3 HTTP/1.1" 200 1877 "-" "containerd/1.7.22"
```

Our runbook still has a final step that re-applies the registry's current key and identity through az acr encryption rotate-key once the access has been given back in the HSM. Do we need that rotate-key step at all once the Managed HSM grant is back?""",
canonical=[V + "restore-access-after-a-revocation"],
related=[V + "revoke-access-to-a-key-in-a-managed-hsm", T + "registry-access-lost-after-key-permissions-were-revoked"],
facts=["the registry resumes using the key on its own"],
answer_facts=["No registry command is needed"],
truth="""No: once the same identity has its access back, here the Managed HSM Crypto Service Encryption User role re-created at the scope it had, the registry reconnects to the key by itself and data access resumes. Nothing has to be run on the registry, which is what the log shows: ledger/core went from 403 to 200 on its own. Replace the rotate-key step with a check, such as az acr encryption show and a test pull, after the grant has had a few minutes to take effect."""),

# ---- coding_agent_transcript ----
dict(key="T1", style="long", kind="howto", category="keys", flags=["coding_agent_transcript"],
question=r"""I let a coding agent script the key access for our new registry crcalloway, which uses an ordinary RBAC key vault. It started from a line in a 2022 wiki page and is now about to widen the grant:

```text
⏺ Bash(az role assignment create --assignee-object-id c2c8f1e5-7b3d-4a60-9e2c-5d1b8f0a6c47 --role "Key Vault Crypto Service Encryption User" --description "crcalloway kek access" --assignee-principal-type ServicePrincipal)
  ⎿  Error: Exit code 2
     the following arguments are required: --scope

⏺ Bash(az keyvault show -n kv-calloway-01 -o json)
  ⎿  {
       "id": "/subscriptions/3d7a90e2-6c15-4b8e-a0f4-91e2c7b5d683/resourceGroups/rg-calloway/providers/Microsoft.KeyVault/vaults/kv-calloway-01",
       "properties": { "enableRbacAuthorization": true }
     }

⏺ The wiki treats the scope as optional. I'll pass the whole subscription as scope so it works for any vault.
```

Before it does that: which scope should this role assignment get, and why does the CLI insist on one now?""",
canonical=[A + "grant-access-with-an-azure-rbac-role"],
related=[S + "azure-cli-version-notes-for-cmk-commands",
         A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities"],
facts=["required; always pass the vault's resource ID"],
answer_facts=["always pass the vault's resource ID"],
truth="""Scope it to the vault itself, i.e. the resource ID of kv-calloway-01 in rg-calloway that the second call printed. Current CLI versions require --scope for az role assignment create (old releases such as 2.45 did not), and the ACR docs assign Key Vault Crypto Service Encryption User at the vault's scope. A subscription-wide assignment would let the identity wrap and unwrap with keys in every RBAC vault of the subscription, far more than the registry needs. The rest of the command is fine: the principal ID with --assignee-object-id and ServicePrincipal as the principal type."""),

dict(key="T2", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["coding_agent_transcript"],
question=r"""Our platform agent prepares an HSM key in hsm-brackley for the registry crbrackley and reports that the registry identity already has access:

```text
⏺ Bash(az role assignment create --assignee-object-id f7e0d3b9-1c4a-4f2e-8b57-a9c6e1d0f384 --assignee-principal-type ServicePrincipal --scope "$BRACKLEY_HSM_ID" --role e147488a-f6f5-4113-8e2d-b22465e65bf6 --description "registry key access")
  ⎿  {
       "id": "/subscriptions/5a1c.../managedHSMs/hsm-brackley/providers/Microsoft.Authorization/roleAssignments/c3b9f2c7-8e4d-4a1b-9f60-2d7e5c1a8b34",
       "principalId": "f7e0d3b9-1c4a-4f2e-8b57-a9c6e1d0f384",
       "scope": "/subscriptions/5a1c.../managedHSMs/hsm-brackley"
     }

⏺ Access granted. Next I'll run az acr create with the HSM key.
```

Does that give the registry identity access to keys in the Managed HSM? If not, what should the agent run instead?""",
canonical=[M + "key-vault-and-managed-hsm-compared"],
related=[M + "local-rbac-roles-for-acr-encryption", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
facts=["they never let anyone use a key"],
answer_facts=["`az keyvault role assignment create --hsm-name`"],
truth="""That grant does not help. The agent created an Azure role assignment (a Microsoft.Authorization/roleAssignments resource) on the Managed HSM resource, and Azure RBAC there only governs managing the HSM, never using its keys; Key Vault Crypto Service Encryption User is the vault role anyway. A Managed HSM grants key use through its own local RBAC. Someone holding Managed HSM Administrator, Crypto Officer or Policy Administrator should run az keyvault role assignment create --hsm-name hsm-brackley --role "Managed HSM Crypto Service Encryption User" --assignee-object-id f7e0d3b9-1c4a-4f2e-8b57-a9c6e1d0f384 --assignee-principal-type MSI --scope /keys/<key-name>. Wait a few minutes before az acr create, and delete the useless Azure assignment."""),

dict(key="T3", style="long", kind="value", category="keys", quals=["iac"], flags=["coding_agent_transcript"],
question=r"""Our deployment agent runs as the service principal sp-deploy-granary, whose pipeline wraps a Terraform apply, and it set up a new RBAC key vault for crgranary. Creating the key then failed:

```text
⏺ Bash(az keyvault key create -n kek-granary --vault-name kv-granary-03 --kty RSA --size 3072)
  ⎿  ERROR: (Forbidden) The caller may not use keys/create in this vault.
     Caller: appid=a9d4c2e1-3f5b-4d70-8e2a-6b1c0f9d7e53;oid=e5b71f3a-2d8c-4a90-b6e4-7c1d9f2a0b85
     Inner error: ForbiddenByRbac

⏺ The service principal is Owner of the resource group, so this is odd. I'll retry in a minute.
```

What does sp-deploy-granary have to be granted on kv-granary-03 for this, and does the registry identity need it too?""",
canonical=[A + "your-own-permissions-to-create-keys-in-an-rbac-vault"],
related=[T + "operator-cannot-create-the-key-in-an-rbac-vault", A + "why-key-vault-crypto-user-is-not-needed"],
facts=["Do not give the registry's managed identity \"Key Vault Crypto Officer\""],
answer_facts=["such as **Key Vault Crypto Officer**"],
truth="""ForbiddenByRbac on the create action means the vault uses Azure RBAC, where Owner on the resource group only covers the vault as a resource, not the keys inside it, so retrying will not help. Give the service principal (object ID e5b71f3a-2d8c-4a90-b6e4-7c1d9f2a0b85) a data-plane role for keys on kv-granary-03, for example Key Vault Crypto Officer, assigned by someone who may manage role assignments there, with the principal type ServicePrincipal, wait a few minutes, then create the key. The registry's identity must not get that role; it only needs Key Vault Crypto Service Encryption User."""),

dict(key="T4", style="long", kind="howto", category="limits", flags=["coding_agent_transcript"],
question=r"""I asked an agent to move our existing Premium registry crnorcott over to a customer-managed key. Its session so far:

```text
⏺ Bash(az acr show -n crnorcott -o json)
  ⎿  {
       "loginServer": "crnorcott.azurecr.io",
       "sku": { "name": "Premium", "tier": "Premium" }
     }

⏺ Bash(az acr update -n crnorcott --key-encryption-key "$NORCOTT_KID" --identity id-norcott)
  ⎿  ERROR: unrecognized arguments: --key-encryption-key https://kv-norcott.vault.azure.net/keys/kek-norcott --identity id-norcott

⏺ Bash(az acr encryption show -n crnorcott -o json)
  ⎿  {
       "keyVaultProperties": null,
       "status": "disabled"
     }

⏺ I'll look for a preview extension that adds encryption settings to az acr update.
```

Is there any way to get crnorcott encrypted with our key, and what would the agent have to do?""",
canonical=[L + "feature-compatibility-summary"],
related=[O + "moving-an-existing-registry-to-cmk", T + "key-rotation-fails-on-a-registry-without-cmk"],
facts=["`az acr update` has no option for a key or identity."],
answer_facts=["create a new registry and copy content"],
truth="""crnorcott itself cannot be converted: encryption with a customer-managed key is chosen when a registry is created and cannot be added afterwards, so no extension will change that. The agent should stop and instead give the identity access to the key, create a new Premium registry with az acr create --sku Premium --identity <identity resource ID> --key-encryption-key <key URI>, copy every image across with az acr import, and then point clients, pipelines and pull secrets from crnorcott.azurecr.io to the new login server. Delete the old registry only after checking that everything arrived."""),

dict(key="T5", style="long", kind="troubleshoot", category="rotation", quals=["hsm", "oct2026"], flags=["coding_agent_transcript", "two_facts"],
question=r"""A coding agent is moving crellery from kek-ellery to a fresh key in the same Managed HSM, hsm-ellery, and the last step fails:

```text
⏺ Bash(az keyvault key create -n kek-ellery-2026 --hsm-name hsm-ellery --kty RSA-HSM --ops wrapKey unwrapKey)
  ⎿  {
       "key": {
         "kid": "https://hsm-ellery.managedhsm.azure.net/keys/kek-ellery-2026/b2e94c1d07a8453f9e6d2c0b1a7f5e38",
         "kty": "RSA-HSM"
       }
     }

⏺ Bash(az acr encryption rotate-key -n crellery --key-encryption-key https://hsm-ellery.managedhsm.azure.net/keys/kek-ellery-2026 --identity c4a9e2f1-6b3d-4e7a-9c05-8d2f1b6e3a79)
  ⎿  ERROR: (KeyVaultAccessDenied) The registry identity could not access the requested key.

⏺ Same identity as before, and it works fine with kek-ellery. Retrying.
```

Why can the identity that works with kek-ellery not use the new key for this rotation in the Managed HSM?""",
canonical=[K + "move-to-a-different-key-or-to-a-key-in-another-vault", M + "rotate-a-managed-hsm-key"],
related=[A + "access-to-a-key-in-a-second-key-vault", M + "local-rbac-roles-for-acr-encryption"],
facts=["the identity needs Managed HSM Crypto Service Encryption User on the target key"],
answer_facts=["a local role on that key", "needs a new role assignment"],
truth="""In a Managed HSM the identity's access is granted per key. Its Managed HSM Crypto Service Encryption User assignment at /keys/kek-ellery covers every version of that key but not kek-ellery-2026, a different key name, hence the KeyVaultAccessDenied. Before rotating, create the assignment for the same principal ID on the new key: az keyvault role assignment create --hsm-name hsm-ellery --role "Managed HSM Crypto Service Encryption User" --assignee-object-id <principal ID> --assignee-principal-type MSI --scope /keys/kek-ellery-2026. Give it a few minutes, then run the rotation again; ACR never creates this assignment itself. Keep kek-ellery and its role until az acr encryption show reports the new key."""),

# ---- plain ----
dict(key="B1", style="long", kind="undocumented", category="network", quals=["iac"],
question=r"""Our Bicep deployment of a new CMK registry, crashby, fails every time with a Failed to access KeyId error, even though its identity was granted the documented data-plane role for that vault, and trusted Microsoft services may pass its firewall. Apart from that the vault only accepts traffic from our hub network. A forum thread suggests a detour: first point the new registry at a key in a throwaway vault without any firewall, then rotate to the real key once the registry exists, preferably with the system-assigned identity. Before we build that detour into our pipeline: is this two-step workaround something the official ACR documentation describes or recommends?""",
canonical=[N + "reports-of-first-time-creation-failing-against-a-firewalled-vault-not-official"],
related=[T + "registry-creation-cannot-access-the-key", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
facts=["the current docs only say to enable\ntrusted services"],
answer_facts=["These reports may be out of date"],
truth="""Not documented: the official docs only say to let trusted Azure services through the vault firewall and to create the key before the registry. The detour through a temporary open vault followed by rotate-key comes from older GitHub issues, from before 2023, in which Key Vault logs showed the service did not recognise the caller as trusted; those reports may be outdated. If you still try it, give the identity access in both vaults, keep the temporary vault until az acr encryption show reports the real key, and raise the original failure with Microsoft support."""),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="howto", category="recovery", quals=["hsm", "oct2026"],
question="which command deletes the acr key in a managed hsm to revoke access?",
canonical=[V + "revoke-by-deleting-the-key"],
related=[M + "revoke-access-to-a-managed-hsm-key", V + "recover-a-deleted-key"],
facts=["it cannot delete just one key\n  version"],
answer_facts=["such as Managed HSM Crypto User"],
truth="""az keyvault key delete --hsm-name <hsm-name> --name <key-name>, run by someone with a local role that may delete keys, such as Managed HSM Crypto User. It removes the whole key with every version, and from then on the registry cannot read any of its data. The key is only soft-deleted, so recovering it within the retention period brings the registry back."""),

dict(key="S2", style="short", kind="yes", category="hsm", quals=["hsm", "oct2026"],
question="is byok into a managed hsm supported for the acr key?",
canonical=[O + "bring-your-own-key-byok"],
related=[M + "managed-hsm-is-a-supported-key-store-for-acr-cmk", M + "requirements-for-a-managed-hsm-key-store"],
facts=["The key can be generated\n  in the HSM or imported into it (bring your own key)"],
answer_facts=["Both key stores support both"],
truth="""Yes: a Managed HSM, like a Key Vault vault, can hold a registry key that was created outside Azure and imported (bring your own key) as well as one generated inside it; the registry only ever sees the key URI. For an HSM the imported key must be of type RSA-HSM with wrapKey and unwrapKey among its permitted operations, and you have to grant the registry's identity the local role Managed HSM Crypto Service Encryption User on it yourself."""),

dict(key="S3", style="short", kind="value", category="hsm", quals=["hsm", "oct2026"],
question="which local rbac role must the acr identity hold on a managed hsm key",
canonical=[O + "managed-hsm-keys"],
related=[M + "local-rbac-roles-for-acr-encryption", A + "grant-access-to-a-key-in-a-managed-hsm"],
facts=["Managed HSM Crypto Service Encryption User"],
answer_facts=["which you must assign yourself"],
truth="""Managed HSM Crypto Service Encryption User, a local role of the HSM assigned to the identity's principal ID and best scoped to the single key (/keys/<key-name>). It covers reading the key plus wrap and unwrap operations, nothing more. ACR never creates this assignment; you have to make it yourself before the registry uses the key."""),

dict(key="S4", style="short", kind="no", category="identity",
question="can our registry's system-assigned identity be used when the cmk registry is created",
canonical=[O + "requirements-at-a-glance"],
related=[I + "a-user-assigned-identity-is-required-when-the-registry-is-created", O + "identity-and-key-access-requirements"],
facts=["`az acr create` does **not** accept `--identity '[system]'`."],
answer_facts=["system-assigned identity can be used later"],
truth="""No: at creation only a user-assigned managed identity can be given, since the registry's own identity does not exist before the registry does. The system-assigned identity can take over afterwards: turn it on, give it access to the key, then switch encryption to it with az acr encryption rotate-key --identity '[system]'."""),

dict(key="S5", style="short", kind="why", category="setup", typo="alredy",
question="our auditors ask why a cmk matters when acr alredy encrypts data at rest",
canonical=[O + "default-encryption-at-rest-without-a-cmk"],
related=[O + "why-teams-use-a-customer-managed-key", O + "what-customer-managed-key-encryption-adds-to-a-registry"],
facts=["the most common driver is a rule that data at rest must be\n  protected by a key the organisation controls"],
answer_facts=["not needed to get encryption at rest"],
truth="""Every registry is encrypted at rest with keys Microsoft manages, so a customer-managed key is not about getting encryption. It adds a second layer on top with a key you own, in Key Vault or a Managed HSM. Teams take it on mainly because a compliance rule demands a key under their own control, to decide on rotation and access themselves (taking the access away makes the content unreadable), and to audit how the key is used. Without such needs there is no reason for it."""),

dict(key="S6", style="short", kind="troubleshoot", category="limits",
question="our cmk registry refuses to enable docker content trust, how to fix?",
canonical=[L + "docker-content-trust-is-not-supported"],
related=[T + "content-trust-cannot-be-enabled", L + "docker-content-trust-is-being-retired-use-notation"],
facts=["Sign images with Notation (the Notary Project)"],
answer_facts=["does not work with CMK"],
truth="""There is nothing to repair on the registry: content trust cannot be used on a registry whose data is protected by a customer-managed key, and the service refuses the switch on purpose. DCT is on its way out of ACR anyway (removal on 2028-03-31). Sign and verify images with Notation from the Notary Project instead, for example through the Key Vault plug-in, and take the trust policy out of the templates for this registry."""),

dict(key="S7", style="short", kind="howto", category="recovery", quals=["oct2026"],
question="az keyvault delete-policy to revoke registry key access, which id goes in --object-id?",
canonical=[V + "revoke-by-removing-the-access-policy"],
related=[I + "which-identity-value-goes-where", V + "what-revocation-does-to-the-registry"],
facts=["always uses the **principal ID**"],
answer_facts=["not a key ID"],
truth="""The principal (object) ID of the registry's encryption identity, not a key ID: az keyvault delete-policy -n <vault> -g <group> --object-id <principal ID>; for a system-assigned identity read it from az acr identity show. The October 2026 revision of the rotate-and-revoke tutorial uses this value; earlier revisions wrongly showed a key ID. This works only on an access-policy vault, and it blocks all registry data until the policy is restored."""),

dict(key="S8", style="short", kind="undocumented", category="keys",
question="do the acr docs cover switching a cmk vault to rbac permissions?",
canonical=[A + "changing-an-existing-vaults-permission-model"],
related=[A + "which-permission-model-does-my-key-vault-use", T + "role-assignment-has-no-effect-on-an-access-policy-vault"],
facts=["The models do not carry over"],
answer_facts=["do not discuss switching models"],
truth="""Not documented: the ACR docs say nothing about changing a vault's permission model under a registry. From the Key Vault side, the two models do not carry over, so after a switch to RBAC the old access policies stop counting. Grant the registry identity the Key Vault Crypto Service Encryption User role at vault scope first and switch only then, or the registry loses its key."""),

dict(key="S9", style="short", kind="troubleshoot", category="rotation", typo="writen",
question="runbook writen by ops runs az keyvault key rotate, registry stays on old version",
canonical=[K + "rotate-immediately-with-az-keyvault-key-rotate"],
related=[T + "registry-keeps-using-an-old-key-version", K + "switch-from-manual-to-automatic-rotation"],
facts=["`keyRotationEnabled` is false in `az acr encryption show`."],
answer_facts=["keeps the old\none until you run"],
truth="""az keyvault key rotate only creates a new key version. A registry set up with a versioned key URI stays on its version until az acr encryption rotate-key points it at the new kid; rotate once to the versionless URI instead and it follows every later version within an hour. keyRotationEnabled false in az acr encryption show confirms the versioned setup."""),

dict(key="S10", style="short", kind="yes", category="limits",
question="is notation signing supported on a cmk encrypted acr now that dct is retiring?",
canonical=[L + "docker-content-trust-is-being-retired-use-notation"],
related=[L + "notation-signatures-on-cmk-registries", L + "docker-content-trust-is-not-supported"],
facts=["DCT is removed on **2028-03-31**"],
answer_facts=["Notation works\non CMK registries"],
truth="""Yes: Notation, from the Notary Project and usable with a Key Vault plug-in, replaces Docker Content Trust, which is deprecated and leaves ACR on 2028-03-31, and it works on registries encrypted with a customer-managed key. There its signatures are stored through the referrers tag schema, because such registries lack the OCI Referrers API."""),

dict(key="S11", style="short", kind="howto", category="setup", quals=["hsm", "iac", "oct2026"],
question="portal steps for managed hsm key access before creating an acr?",
canonical=[S + "set-up-cmk-in-the-azure-portal"],
related=[M + "set-up-a-registry-with-a-managed-hsm-key-in-the-azure-portal", M + "local-rbac-roles-for-acr-encryption"],
facts=["Neither the portal nor ACR creates the role assignment of step 4"],
answer_facts=["under the HSM's **Settings > Local RBAC**"],
truth="""In the provisioned and activated HSM, add an RSA-HSM key under Settings > Keys, generated there or imported, whose permitted operations include wrapKey and unwrapKey. Then open the HSM's Settings > Local RBAC and give the registry's user-assigned identity the role Managed HSM Crypto Service Encryption User with the key as its scope; the portal will not do it for you. If the HSM firewall is on, let trusted services through. Then create the Premium registry and, on the Encryption tab, pick the identity and the key with Select from Key Vault or Enter key URI."""),

dict(key="S12", style="short", kind="troubleshoot", category="setup", typo="eveything",
question="acr create with --sku standard and our cmk options fails, eveything else is set",
canonical=[S + "step-7-create-the-premium-registry-with-the-customer-managed-key"],
related=[T + "cmk-needs-the-premium-tier", O + "cmk-requires-the-premium-sku"],
facts=["The Azure CLI does not check this itself"],
answer_facts=["`--sku Premium` is required for CMK"],
truth="""Customer-managed keys exist only in the Premium tier. The CLI does not check that: it sends --sku Standard together with --identity and --key-encryption-key, and the service refuses the request. Run the create again with --sku Premium and the same identity and key options. A Standard registry cannot be given a customer-managed key later either."""),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="G4", style="agent", kind="no", category="rotation", form="context", quals=["iac"], flags=["grep_matches"],
question="Context: `infra/registry.bicep:38:        keyIdentifier: cmkKey.properties.keyUriWithVersion` is how our Bicep sets the registry key. Question: with this value, does the registry pick up each new key version automatically?",
canonical=[C + "bicep-registry-with-a-customer-managed-key"],
related=[K + "versioned-and-versionless-key-ids", C + "arm-template-json-propertiesencryption-and-keyvaultproperties"],
facts=["Follows the newest version automatically"],
answer_facts=["`keyUriWithVersion` pins the current version"],
truth="""No: keyUriWithVersion is the key URI with the version current at deployment, so registry.bicep pins the registry to that version and it will not follow new ones. Set keyIdentifier to cmkKey.properties.keyUri, the versionless form, and the registry picks up new key versions within an hour; otherwise rotate by hand after each new version."""),

dict(key="G5", style="agent", kind="value", category="iac", form="imperative", quals=["iac"], flags=["grep_matches"],
question='Tell me the lowest version of the AVM Terraform registry module that follows new key versions automatically; our repo has `live/prod/acr.tf:14:  version = "0.5.1"` for Azure/avm-res-containerregistry-registry/azurerm.',
canonical=[C + "avm-terraform-module-customer_managed_key-variable"],
related=[C + "automatic-key-rotation-in-terraform-versionless_id-vs-id", C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs"],
facts=["v0.3.0-v0.5.1 always used the versioned `id` and ignored `key_version`"],
answer_facts=["From **v0.6.0** the module uses"],
truth="""v0.6.0. Up to v0.5.1, the release pinned in acr.tf, the module always passed the key's versioned id and ignored key_version, so the registry stayed on one version. From v0.6.0 it uses the key's versionless_id unless key_version is set, which gives automatic rotation; those releases need azurerm 4.81.0 or later, below 5.0.0."""),

dict(key="A1", style="agent", kind="troubleshoot", category="troubleshooting", form="context", quals=["hsm", "oct2026"],
question="Context: in a drill I removed our registry identity's local role on /keys/kek-thornby, yet pulls still succeed an hour later. Question: why does the Managed HSM still let the registry in after that revocation?",
canonical=[T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
related=[V + "revoke-access-to-a-key-in-a-managed-hsm", M + "revoke-access-to-a-managed-hsm-key"],
facts=["Any other local role that includes wrap and unwrap"],
answer_facts=["an assignment at `/keys` or `/`"],
truth="""A delete scoped to /keys/kek-thornby removes only the assignment made at exactly that scope. If the identity also holds the role at /keys or at /, or another local role that can wrap and unwrap such as Managed HSM Crypto User, access keeps working. List the identity's assignments in the HSM without a --scope filter, delete each one at its own scope, and the registry is then cut off from all its data until access is given back."""),

dict(key="A2", style="agent", kind="howto", category="identity", form="imperative", quals=["hsm", "oct2026"], flags=["two_facts"],
question="Write the steps to attach a second user-assigned identity to our registry crfairlie, give it access to the key in Managed HSM hsm-fairlie, and switch encryption to it.",
canonical=[I + "switch-to-a-different-user-assigned-identity", M + "local-rbac-roles-for-acr-encryption"],
related=[K + "rotate-with-a-different-identity-or-the-system-assigned-identity", A + "grant-access-to-a-key-in-a-managed-hsm"],
facts=["ACR and the portal never create this assignment."],
answer_facts=["reports the new client ID", "marks it as a managed identity"],
truth="""1. Read the new identity's resource ID and principal ID with az identity show. 2. Attach it: az acr identity assign -n crfairlie --identities <resource ID>. 3. In hsm-fairlie give its principal ID the local role Managed HSM Crypto Service Encryption User at the key's scope: az keyvault role assignment create --hsm-name hsm-fairlie --role "Managed HSM Crypto Service Encryption User" --assignee-object-id <principal ID> --assignee-principal-type MSI --scope /keys/<key-name>; ACR will not do this. 4. Switch: az acr encryption rotate-key -n crfairlie --key-encryption-key <key URI> --identity <resource ID>. 5. Detach the old identity or remove its role only after az acr encryption show reports the new client ID."""),

dict(key="A3", style="agent", kind="howto", category="network", form="keywords",
question="key vault firewall for cmk registry allow trusted azure services and deny everything else with az cli",
canonical=[N + "allow-trusted-services-and-deny-other-traffic"],
related=[N + "azure-container-registry-in-key-vaults-trusted-services-list", N + "allow-your-own-clients-through-the-vault-firewall"],
facts=["This is the **key vault's** bypass."],
answer_facts=["Set the bypass to `AzureServices`"],
truth="""Set the vault's bypass to AzureServices and its default action to Deny: az keyvault update -n <vault> -g <group> --bypass AzureServices --default-action Deny, then confirm with az keyvault show that networkAcls reads that way. ACR counts as a trusted Microsoft service for Key Vault, so it still reaches the key, and its identity still needs its access policy or role. Add network rules for your own clients that manage keys. The registry's --allow-trusted-services option is a different thing."""),

dict(key="A4", style="agent", kind="howto", category="troubleshooting", form="context", quals=["hsm", "iac", "oct2026"],
question="Context: the portal's key picker for our new registry lists our Managed HSM but shows none of its keys, and the HSM firewall admits only the office network. Question: which key option should I use instead to pick the HSM key?",
canonical=[T + "portal-key-picker-cannot-list-keys-behind-the-managed-hsm-firewall"],
related=[M + "key-picker-blocked-by-the-hsm-firewall", N + "the-portal-key-picker-and-a-key-store-firewall"],
facts=["it does not cover a browser outside the\nnetwork boundary"],
answer_facts=["**Enter key URI** instead of the picker"],
truth="""Switch from the picker to Enter key URI and paste the key's URI yourself, leaving the version off if the registry should follow new versions. Read it with az keyvault key show --hsm-name ... --name ... on a machine that the HSM firewall admits. The picker queries the Managed HSM's data plane from your browser, whose address is refused, and the trusted-services exception serves ACR alone. Allowing your client IP on the HSM firewall for the duration is the other way out; leave the bypass for trusted services on."""),

dict(key="A5", style="agent", kind="troubleshoot", category="network", form="imperative",
question="Explain why az acr create for crhadley fails with Failed to access KeyId when our key vault only accepts the office IP range and the identity already has the right role.",
canonical=[N + "azure-container-registry-in-key-vaults-trusted-services-list"],
related=[T + "registry-creation-cannot-access-the-key", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
facts=["The bypass only opens the network path."],
answer_facts=["\"Allow trusted Microsoft services\" is on"],
truth="""The registry does not come from your office range: it reaches the key over the vault's data plane as a trusted Azure service, and with every other source denied it is refused unless the vault lets trusted Microsoft services through. Turn that exception on (az keyvault update --bypass AzureServices), keep the deny rule, and run the create again. The role covers permissions only; it does not open the network path."""),

dict(key="A6", style="agent", kind="troubleshoot", category="troubleshooting", form="keywords",
question="ec-hsm p-384 key from our vault refused when creating the cmk registry, supported key types and fix",
canonical=[T + "elliptic-curve-key-rejected"],
related=[O + "which-key-types-and-sizes-are-supported", O + "rsa-hsm-keys-need-a-premium-key-vault"],
facts=["A Standard vault (the default) supports software-protected `RSA` keys only."],
answer_facts=["can't wrap keys and are not supported"],
truth="""Registry encryption accepts RSA and RSA-HSM keys and nothing else; EC and EC-HSM keys, whatever the curve (P-384 included), cannot wrap keys and are turned down. Create an RSA key under a new name (RSA-HSM needs a Premium vault), read its kid and use it for az acr create, or for az acr encryption rotate-key on a registry that already has CMK. ACR sets no key size; RSA keys of 2048, 3072 or 4096 bits are what Key Vault provides."""),

dict(key="A7", style="agent", kind="why", category="keys", form="context",
question="Context: our security reviewer wants the registry identity to get Key Vault Crypto User on top of Key Vault Crypto Service Encryption User. Question: why do the docs stop at the second role?",
canonical=[A + "why-key-vault-crypto-user-is-not-needed"],
related=[A + "grant-access-with-an-azure-rbac-role", A + "two-supported-ways-to-grant-key-access"],
facts=["Both are data-plane roles and only work on vaults that use the Azure RBAC permission model."],
answer_facts=["grants more than the registry needs"],
truth="""Key Vault Crypto Service Encryption User lets the identity read a key's properties and wrap and unwrap with it, which is all the registry ever does, and it is the only vault role the ACR docs use. Key Vault Crypto User allows general cryptographic operations such as encrypt, decrypt, sign and verify, more than the registry needs, so adding it only widens access. Both roles work only on vaults with the RBAC model."""),

dict(key="A8", style="agent", kind="howto", category="network", form="imperative", quals=["hsm", "oct2026"],
question="List the az commands that open network access for the registry to a key in our firewalled Managed HSM ahead of az acr create, while the HSM keeps blocking all other traffic.",
canonical=[N + "managed-hsm-firewall-and-trusted-services"],
related=[M + "managed-hsm-firewall-and-trusted-services", O + "network-requirement-for-a-locked-down-key-vault"],
facts=["Allow trusted Azure services and deny the\nrest"],
answer_facts=["the identity still needs its local role"],
truth="""ACR has to reach the key already while the registry is being created, so change the HSM first. az keyvault update-hsm --hsm-name <hsm> -g <group> --bypass AzureServices --default-action Deny lets trusted Azure services such as ACR through and keeps refusing everyone else; az keyvault show --hsm-name <hsm> then shows publicNetworkAccess and networkAcls for a check. People and pipelines that manage keys, and the portal key picker, need their own allowed address: az keyvault network-rule add --hsm-name <hsm> --ip-address <address>. Network access is only half of it: the identity also needs Managed HSM Crypto Service Encryption User on the key."""),

dict(key="A9", style="agent", kind="undocumented", category="iac", form="context", quals=["iac"],
question="Context: our Terraform registry module has a time_sleep of 120 seconds between the vault role assignment and the registry resource. Question: what waiting time do the docs prescribe for that grant?",
canonical=[C + "why-the-registry-needs-depends_on-on-the-role-assignment"],
related=[A + "grant-access-with-an-azure-rbac-role", C + "complete-terraform-example-with-key-vault-role-assignment-and-registry"],
facts=["New role assignments can take a few minutes to take effect."],
answer_facts=["a guess, not a documented value"],
truth="""Not documented: the docs only say that a new role assignment can take a few minutes to take effect and name no fixed wait, so 120 seconds is an estimate, not a documented figure. What matters is that the registry depends on the role assignment (depends_on), so the grant exists first; if the create still fails with Failed to access KeyId, run terraform apply again."""),

dict(key="A10", style="agent", kind="troubleshoot", category="troubleshooting", form="keywords",
question="all pulls and pushes 403 on cmk registry since a security cleanup deleted the key vault access policy of the registry identity, restore",
canonical=[T + "registry-access-lost-after-key-permissions-were-revoked"],
related=[V + "restore-access-after-a-revocation", V + "revoke-by-removing-the-access-policy"],
facts=["add the policy back instead"],
answer_facts=["blocks access to all data"],
truth="""Removing the encryption identity's access policy revoked the customer-managed key, which cuts the registry off from all its content. Add the policy back for the same principal ID with get, wrapKey and unwrapKey: az keyvault set-policy -n <vault> -g <group> --object-id <principal ID> --key-permissions get unwrapKey wrapKey (take the principal ID from az acr identity show if encryption uses the system-assigned identity). Once the grant has propagated, the registry uses the key again by itself."""),
]

# ---------------- off-topic ----------------
QX = [
dict(key="O1", style="long", kind=OFF, category=OFF, subject="windmill", near_miss=True,
question="""Windmill runs our internal automation scripts, and its image comes from our Azure container registry. Windmill encrypts the secrets it stores with an encryption key, and an export of our settings, key included, ended up in a shared drive folder that half the company can open. If we set a new key, does Windmill re-encrypt the existing secrets, or do the scripts that read them break until someone enters every value again?""",
truth="""Not covered: changing the encryption key of a Windmill instance concerns that script platform; the knowledge covers only customer-managed keys for Azure Container Registry encryption."""),

dict(key="O2", style="long", kind=OFF, category=OFF, subject="posthog", near_miss=True,
question="""We self-host PostHog for product analytics from images mirrored into our private container registry. Its deployment has a key setting that is used to encrypt the credentials of the sources we connect, and that value showed up in a support bundle we attached to a public issue. How do we introduce a new key without losing the ability to decrypt the credentials that are already stored?""",
truth="""Not covered: the keys that protect stored credentials in a self-hosted PostHog deployment belong to that analytics product, not to registry encryption with customer-managed keys."""),

dict(key="O3", style="long", kind=OFF, category=OFF, subject="mautic", near_miss=True,
question="""Marketing runs Mautic from an image in our Azure container registry. Mautic keeps a site key in its local configuration and uses it to encrypt the passwords it stores for connected third-party accounts. That configuration file was committed to a repository an outside agency can read. After generating a new site key, will the stored passwords still decrypt, or do we have to connect every account again?""",
truth="""Not covered: replacing the site key of a Mautic installation is configuration of that marketing tool; the knowledge is about customer-managed keys for Azure Container Registry."""),

dict(key="O4", style="long", kind=OFF, category=OFF, subject="osticket", near_miss=True,
question="""Our support desk runs osTicket in a container; the image sits in our private registry. Its configuration file holds a secret value, a key the application uses to encrypt stored settings such as the passwords of the mailboxes it fetches mail from, and that file was copied into an archive stored in the wrong cloud subscription. Can we change that key on a running installation, and what happens to the settings encrypted with the old one?""",
truth="""Not covered: the secret in an osTicket configuration file is a setting of that support-desk application and has nothing to do with ACR customer-managed key encryption."""),

dict(key="O5", style="long", kind=OFF, category=OFF, subject="docuseal", near_miss=True,
question="""DocuSeal handles contract signing for our sales office, and we run it from an image stored in our container registry on Azure. It encrypts stored data with a key derived from a secret in its environment, and that secret was printed in a CI job output that external collaborators can open. If we replace the secret and redeploy, can DocuSeal still open the documents and settings encrypted before, or do we have to create them again?""",
truth="""Not covered: rotating the secret behind DocuSeal's encryption is administration of that document-signing service, outside the topic of registry encryption with customer-managed keys."""),

dict(key="O6", style="long", kind=OFF, category=OFF, subject="taiga",
question="""Our product team plans its sprints in Taiga. We would like user stories that sit in the Ready for test column for more than five days to be flagged automatically, with the assignee notified by e-mail. Is there a built-in way to do that in Taiga, or do we need a webhook and a small script that checks the board once a day?""",
truth="""Not covered: automations for stale user stories in Taiga are project-management configuration, unrelated to customer-managed keys for Azure Container Registry."""),

dict(key="O7", style="agent", kind=OFF, category=OFF, form="context", subject="openhab",
question="Context: openHAB controls the heating in our office. Question: how do I write a rule that lowers the radiator setpoint whenever a window contact reports open for more than ten minutes?",
truth="""Not covered: rules for heating control in openHAB are home-automation configuration, nothing to do with ACR customer-managed keys."""),

dict(key="O8", style="agent", kind=OFF, category=OFF, form="imperative", subject="radarr",
question="Explain how to make Radarr grab a 1080p release first and replace it with a 2160p one only if that shows up within two weeks of the movie coming out.",
truth="""Not covered: release selection in Radarr is media-library management, outside the knowledge about Azure Container Registry encryption."""),

dict(key="O9", style="agent", kind=OFF, category=OFF, form="keywords", subject="filebrowser",
question="filebrowser share link that expires after 24 hours and asks for a password, settings for the docker image",
truth="""Not covered: share links in File Browser are a feature of that file manager, unrelated to customer-managed keys for a container registry."""),

dict(key="O10", style="short", kind=OFF, category=OFF, subject="traccar",
question="can traccar alert me when a vehicle leaves a geofence at night?",
truth="""Not covered: geofence alerts in Traccar belong to GPS tracking, far from ACR customer-managed key encryption."""),

dict(key="O11", style="short", kind=OFF, category=OFF, subject="shlink",
question="shlink short links with custom slugs per campaign",
truth="""Not covered: custom slugs in Shlink are a URL-shortener feature, not part of the knowledge about registry encryption."""),

dict(key="O12", style="short", kind=OFF, category=OFF, subject="bookwyrm",
question="how do i import my reading history into bookwyrm?",
truth="""Not covered: importing reading history into BookWyrm is about that social reading service, unrelated to Azure Container Registry customer-managed keys."""),
]


QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"eveything": "everything", "writen": "written", "alredy": "already"}
SHAPES = ["two_facts", "ls_listing", "grep_matches", "cloud_shell_session", "access_log",
          "coding_agent_transcript"]
SEED = 77
ID_PREFIX = "ao"

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
SPREAD_SETS = (76, 75)
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
    """(blind77.json text, blind77-meta.json text, blind77-first-canonicals.txt text)"""
    entries, meta = build()
    j = json.dumps(entries, indent=1, ensure_ascii=False) + "\n"
    m = json.dumps(meta, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    f = "\n".join(firsts) + "\n"
    return j, m, f


def main(out=HERE):
    j, m, f = render()
    for name, text in (("blind77.json", j), ("blind77-meta.json", m), ("blind77-first-canonicals.txt", f)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)

