"""blind65 builder: holds the 60 questions (QUESTIONS) and writes blind65.json, blind65-meta.json and
blind65-first-canonicals.txt. render() returns the three files' exact text (check65.py compares it byte for byte)."""
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
# ---- adr_record ----
dict(key="D1", style="long", kind="no", category="hsm", quals=["hsm", "oct2026"], flags=["adr_record"],
question="""The platform guild drafted this decision record before three registries move their keys into hsm-plover, and our security architect wants a second opinion before it is accepted:

```markdown
# ADR-0031: One pool-wide grant for registry identities

## Status

Proposed

## Context

Every registry (crplover, crplovertest, crploverdev) has its own user-assigned identity and its own key in hsm-plover. Filing one ticket per key for a role assignment slows the HSM team down.

## Decision

Give each registry identity Managed HSM Crypto User once, at the root scope "/" of hsm-plover, so that keys added or renamed later need no further tickets.

## Consequences

- Registry identities can use any key in the pool.
- Far fewer assignments to audit.
```

Is granting that role at that scope an acceptable way for the registries to reach their HSM keys?""",
canonical=[M + "local-rbac-roles-for-acr-encryption"],
related=[M + "requirements-for-a-managed-hsm-key-store", A + "grant-access-to-a-key-in-a-managed-hsm"],
facts=["Whoever creates, imports or rotates the key"],
answer_facts=["the least-privilege scope the acr tutorials recommend"],
truth="""No: ADR-0031 picks both the wrong role and the widest scope. Managed HSM Crypto User is the key-creating role meant for the people or pipelines that create and rotate keys; a registry identity needs only Managed HSM Crypto Service Encryption User, which reads its key and wraps and unwraps with it. The ACR tutorials also recommend assigning that role per key at /keys/<key-name> for least privilege, not at / (the whole HSM). Keep one assignment per registry key: a new key name needs its own assignment, new versions of the same key are covered, and the assignments are written by someone holding Managed HSM Administrator, Crypto Officer or Policy Administrator."""),

dict(key="D2", style="long", kind="yes", category="hsm", quals=["hsm", "iac", "oct2026"], flags=["adr_record"],
question="""Our architecture board accepted this record last month:

```markdown
# ADR-0009: Keys of new Premium registries live in Managed HSM

## Status

Accepted

## Context

Regulators ask for single-tenant HSM protection of the keys that guard production images. crdunlin and every registry after it are deployed from Bicep.

## Decision

Registry encryption keys are generated as RSA-HSM keys in hsm-dunlin; each registry's user-assigned identity gets the service encryption role on its own key only.

## Consequences

Key Vault vaults are no longer used for new registries.
```

A reviewer has now objected that the registry security guide on Learn only mentions Key Vault for customer-managed keys, so the record may rest on a setup Microsoft does not support. Does ADR-0009 still stand? Is an HSM-held key really a supported key store for crdunlin?""",
canonical=[M + "managed-hsm-is-a-supported-key-store-for-acr-cmk"],
related=[M + "requirements-for-a-managed-hsm-key-store", O + "managed-hsm-keys", C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs"],
facts=["They were written before the tutorials were revised"],
answer_facts=["documented as the second supported key store"],
truth="""Yes: ADR-0009 stands. Since the October 2026 revision the four ACR CMK tutorials document Managed HSM as the second supported key store beside Key Vault vaults, with HSM variants for setup, rotation, revocation and troubleshooting, and the Azure CLI passes managedhsm.azure.net key URIs through unchanged. The security guide was written before that revision, so follow the tutorials. Add what they require to the record: hsm-dunlin provisioned and activated, RSA-HSM keys that permit wrapKey and unwrapKey, Managed HSM Crypto Service Encryption User for each identity at its key's scope (created by you, never by ACR), and Managed HSM offered in crdunlin's region. Check the Bicep side too: neither AVM registry module takes an HSM key, so use the plain registry resource."""),

dict(key="D3", style="long", kind="howto", category="rotation", quals=["hsm", "oct2026"], flags=["adr_record"],
question="""We adopted this record for the registry keys held in hsm-siskin:

```markdown
# ADR-0022: Frequent rotation of registry keys

## Status

Accepted

## Context

Security wants the key-encryption keys of crsiskin and its sister registries replaced far more often than yearly. All of them are configured with versionless key URIs.

## Decision

Attach a rotation policy to every registry key that produces a fresh version each fortnight, with expiry after ninety days.

## Consequences

Nobody runs manual rotations any more.
```

The pipeline step that applies the policy to kek-siskin fails, although the same template works for our vault keys. What has to change in the decision for keys held in the HSM, and does each new version need another role assignment for the registry identity?""",
canonical=[K + "create-a-new-version-in-a-managed-hsm"],
related=[M + "rotate-a-managed-hsm-key", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["Managed HSM Crypto User is enough for both."],
answer_facts=["a key holds at most 100 versions"],
truth="""Change ADR-0022's interval: a Managed HSM rotation policy cannot rotate more often than every 28 days (Key Vault vaults allow 7), so a version every fortnight is refused for kek-siskin; choose 28 days or longer, or add versions on demand with az keyvault key rotate --hsm-name hsm-siskin (a rotation policy has to exist first) or az keyvault key create --hsm-name hsm-siskin --name kek-siskin --kty RSA-HSM --ops wrapKey unwrapKey. No new role assignment is needed: the identity's role scoped to /keys/kek-siskin covers every version, and with versionless URIs the registries move to each new version within an hour. Mind the limit of 100 versions per key."""),

dict(key="D4", style="long", kind="undocumented", category="limits", quals=["hsm", "oct2026"], flags=["adr_record"],
question="""Disaster-recovery review for our geo-replicated registry:

```markdown
# ADR-0017: Recovery of crgrebe's key store

## Status

Accepted

## Context

crgrebe is replicated to three regions and encrypted with a key in hsm-grebe, our Managed HSM in the primary region. The ACR geo-replication page sends CMK users to the Key Vault failover guidance.

## Decision

We rely on the Key Vault redundancy and failover guidance for hsm-grebe as well and keep no separate recovery plan for it.

## Consequences

One runbook less to maintain.
```

The reviewer doubts that the Key Vault guidance says anything about an HSM pool. Do the ACR docs cover failover of a Managed HSM key store behind a replicated registry, or is that left open?""",
canonical=[L + "geo-replication-with-a-managed-hsm-key"],
related=[L + "geo-replication-works-with-cmk", M + "limits-and-open-points-with-managed-hsm", M + "provision-and-activate-the-managed-hsm"],
facts=["Keep the security domain file and the key pairs safe; they are what disaster recovery needs."],
answer_facts=["was not updated for managed hsm"],
truth="""Not documented: the geo-replication article was never updated for Managed HSM and still points CMK users only to Key Vault's disaster-recovery guidance, and the ACR docs say nothing more specific about an HSM key store behind a replicated registry. ADR-0017 therefore rests on guidance written for the other key store: plan hsm-grebe's recovery on its own (the security domain file and the key pairs of its quorum, key backups, Managed HSM availability in your regions) and write that into the record instead of relying on vault redundancy and failover."""),

dict(key="D5", style="long", kind="why", category="iac", quals=["iac"], flags=["adr_record"],
question="""A team wants to implement this record in our Terraform registry module:

```markdown
# ADR-0040: Registries use their own identity for the key

## Status

Accepted

## Context

User-assigned identities pile up and nobody knows which one belongs to which registry.

## Decision

crmerlin and every later registry get identity { type = "SystemAssigned" } in azurerm_container_registry, and the encryption block points at that identity, so no azurerm_user_assigned_identity resource is created for them.

## Consequences

One identity per registry, deleted together with the registry.
```

The first apply of the module fails before crmerlin exists. Why can this decision not work as written?""",
canonical=[I + "a-user-assigned-identity-is-required-when-the-registry-is-created"],
related=[C + "terraform-azurerm_container_registry-encryption-block", I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
facts=["The identity in `encryption` must also be listed in `identity_ids`."],
answer_facts=["does not accept --identity '[system]'", "cannot have been granted access"],
truth="""Because a registry with a customer-managed key has to be created with a user-assigned identity: its own system-assigned identity does not exist until the registry does, so nothing can have granted it access to the key beforehand (az acr create does not even accept --identity '[system]'). ADR-0040 cannot be expressed in the encryption block either, since identity_client_id only takes the UUID client ID of a user-assigned identity. Keep one azurerm_user_assigned_identity per registry for creation; if you want crmerlin on its system-assigned identity later, give that identity key access and switch with az acr encryption rotate-key --identity '[system]' outside Terraform."""),
# ---- learn_page_copy ----
dict(key="C1", style="long", kind="troubleshoot", category="troubleshooting", quals=[], flags=["two_facts", "learn_page_copy"],
question="""I'm going through the enable tutorial with kv-teal, which I set up today with the current Azure CLI and default options. This is the part I copied from the page:

```text
Enable the managed identity to use the key vault
Give the identity access by adding a key vault policy for it.
Azure CLI
Copy
Open Cloud Shell
az keyvault set-policy --resource-group <resource-group-name> --name <key-vault-name> --key-permissions get unwrapKey wrapKey --object-id $identityPrincipalID
```

With our names filled in, the command stops right away:

```text
Cannot set policies to a vault with '--enable-rbac-authorization' specified
```

I never asked for RBAC. What happened to kv-teal, and how do I give crteal's identity its access now?""",
canonical=[T + "set-policy-fails-on-an-rbac-key-vault", A + "grant-access-with-an-azure-rbac-role"],
related=[A + "azure-cli-262-and-later-create-rbac-vaults-by-default", A + "which-permission-model-does-my-key-vault-use"],
facts=["Choose the model explicitly when creating the vault:"],
answer_facts=["makes rbac vaults unless told otherwise", "always pass the vault's resource id"],
truth="""Since azure-cli 2.62.0, az keyvault create makes an Azure RBAC vault unless --enable-rbac-authorization false is passed, and on such a vault the CLI refuses to edit access policies, which is exactly what the copied az keyvault set-policy line does. Leave kv-teal as it is and assign the role instead: az role assignment create --assignee-object-id <principal ID of crteal's identity> --assignee-principal-type ServicePrincipal --role "Key Vault Crypto Service Encryption User" --scope <resource ID of kv-teal>. That role is all the identity needs; give it a few minutes before az acr create. The copied policy command only fits a vault created with --enable-rbac-authorization false."""),

dict(key="C2", style="long", kind="troubleshoot", category="keys", quals=["hsm", "oct2026"], flags=["learn_page_copy"],
question="""I copied the grant for our HSM key from the enable tutorial:

```text
Assign the role to the identity, scoped to the key.
Azure CLI
Copy
Open Cloud Shell
az keyvault role assignment create --hsm-name <managed-hsm> --assignee-principal-type MSI --assignee-object-id <object-id> --scope /keys/<key> --role "Managed HSM Crypto Service Encryption User"
```

Our deployment wrapper only permits `az role assignment` commands, so I rewrote it that way for hsm-twite, and the CLI refused MSI as the principal type before sending anything. With ServicePrincipal as the type, the HSM's resource ID as the scope and Key Vault Crypto Service Encryption User as the role (the HSM role name was not found there) the command went through, but crtwite still cannot be created with kek-twite. Why does the HSM keep refusing the identity access to the key, and how do I grant it through our tooling?""",
canonical=[A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities"],
related=[M + "local-rbac-roles-for-acr-encryption", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
facts=["they never let anyone use a key"],
answer_facts=["is the value of a different command"],
truth="""az role assignment create knows only User, Group, ServicePrincipal and ForeignGroup, which is why MSI was refused, and with ServicePrincipal and the vault role it wrote an Azure RBAC assignment on the HSM resource, which governs managing the HSM and never lets anyone use a key. crtwite's identity needs the Managed HSM local role, so the copied command has to stay as it is: az keyvault role assignment create --hsm-name hsm-twite --role "Managed HSM Crypto Service Encryption User" --assignee-object-id <principal ID> --assignee-principal-type MSI --scope /keys/kek-twite. Allow that command in the wrapper (or run it once by hand), delete the useless Azure assignment, wait several minutes and create crtwite again."""),

dict(key="C3", style="long", kind="howto", category="rotation", quals=[], flags=["learn_page_copy"],
question="""Copied from the enable tutorial into our runbook for crsmew:

```text
Create the registry with the key
Azure CLI
Copy
Open Cloud Shell
keyID=$(echo $keyID | sed -e "s/\\/[^/]*$//")
az acr create --name <registry-name> --resource-group <resource-group-name> --sku Premium --identity $identityID --key-encryption-key $keyID
```

$keyID holds the kid we read from the key right before. Our change board wants crsmew pinned: the registry must never start using a key version nobody approved. What exactly does the sed line do to the value, which line do we drop, and how will we move crsmew to an approved version later?""",
canonical=[K + "versioned-and-versionless-key-ids"],
related=[K + "switch-from-manual-to-automatic-rotation", K + "manual-rotation-with-az-acr-encryption-rotate-key"],
facts=["rotating to a versioned ID pins the registry to that version"],
answer_facts=["exactly that version until you rotate manually", "is always versioned"],
truth="""The sed line strips the last path segment, turning .../keys/<key>/<version> into the versionless .../keys/<key>, and a versionless ID makes the registry follow every new version within an hour, which is what the board rules out. Drop it and run the az acr create line with the kid as it came from az keyvault key show: a kid always ends in a version, so crsmew is pinned to exactly that version. Once a new version is approved, read its kid and run az acr encryption rotate-key --name crsmew --key-encryption-key <approved versioned ID>; rotating to a versionless ID would end the pinning."""),

dict(key="C4", style="long", kind="howto", category="network", quals=[], flags=["learn_page_copy"],
question="""From the page I was sent for locking down kv-gadwall:

```text
Allow trusted services and deny the rest
Azure CLI
Copy
Open Cloud Shell
az keyvault update --name <key-vault-name> --resource-group <resource-group-name> --default-action Deny --bypass AzureServices
```

crgadwall keeps working after I ran it, but the nightly job on our self-hosted build agents that adds a new version to kek-gadwall now fails with a firewall error, and so does listing keys from my laptop. Agents and office leave through one public range, 198.51.100.0/28. How do I let them in without undoing what the copied command set up?""",
canonical=[N + "allow-your-own-clients-through-the-vault-firewall"],
related=[N + "allow-trusted-services-and-deny-other-traffic", N + "the-vault-firewall-covers-the-data-plane-only"],
facts=["This is the **key vault's** bypass."],
answer_facts=["not via an ip rule", "these rules are for your clients"],
truth="""The az keyvault update you copied only lets trusted Azure services such as ACR past the Deny default; your build agents and your laptop are ordinary clients and need network rules of their own. Add the range with az keyvault network-rule add --name kv-gadwall --resource-group <rg> --ip-address 198.51.100.0/28 (or the agents' subnet with --vnet-name and --subnet, with the Microsoft.KeyVault service endpoint enabled on it). Keep the bypass and the Deny default as they are: crgadwall reaches its key through the trusted-services exception, never through an IP rule."""),

dict(key="C5", style="long", kind="troubleshoot", category="recovery", quals=["oct2026"], flags=["two_facts", "learn_page_copy"],
question="""During a revocation drill on crwigeon I only wanted to get rid of last year's version of kek-wigeon, so I ran the block from the rotate-and-revoke page:

```text
Delete the encryption key
Azure CLI
Copy
Open Cloud Shell
az keyvault key delete --vault-name <vault-name> --name <key-name>
```

Since then every pull from crwigeon fails, including images pushed long after that old version was retired, and az keyvault key show reports that the key does not exist. kv-wigeon has soft delete with 90 days of retention but no purge protection. How do I get crwigeon back? And what should the drill have done instead?""",
canonical=[T + "key-vault-or-key-was-deleted", V + "revoke-by-deleting-the-key"],
related=[V + "recover-a-deleted-key", V + "disabling-the-key-instead-a-key-vault-option-not-in-the-acr-docs"],
facts=["Once the key is back, registry operations resume."],
answer_facts=["purging is irreversible", "it cannot delete just one key version"],
truth="""az keyvault key delete removed the whole key with all its versions, not one version; the October 2026 revision of the rotate-and-revoke tutorial shows this exact form as revocation by deleting the key, so crwigeon was cut off completely. The key is only soft-deleted: find it with az keyvault key list-deleted --vault-name kv-wigeon, run az keyvault key recover --vault-name kv-wigeon --name kek-wigeon, check with az keyvault key show that it is back and enabled, and retry a pull; the identity's grant is untouched. Never purge it, and turn on purge protection now. There is no command that deletes a single version, so a drill that only retires an old version has nothing to delete."""),
# ---- arrow_annotations ----
dict(key="P1", style="long", kind="troubleshoot", category="rotation", quals=[], flags=["two_facts", "arrow_annotations"],
question="""We created a new version of kek-pipit eight hours ago and crpipit is still on the previous one. Output from this morning, arrows are mine:

```json
{
  "keyVaultProperties": {
    "identity": "5d1f3a9e-2c47-4b80-9e16-7a0c4d2b8f31",
    "keyIdentifier": "https://kv-pipit.vault.azure.net/keys/kek-pipit/9c2e71a04f6b4d38a1e5c07b3f9d2a64",
    "keyRotationEnabled": false,          <-- shouldn't this say true?
    "lastKeyRotationTimestamp": "2026-03-02T08:41:17+00:00",
    "versionedKeyIdentifier": "https://kv-pipit.vault.azure.net/keys/kek-pipit/9c2e71a04f6b4d38a1e5c07b3f9d2a64"   <-- still the March version
  },
  "status": "enabled"
}
```

Is automatic rotation broken on crpipit, and how do we get it onto last night's version?""",
canonical=[K + "check-which-key-version-the-registry-uses", T + "registry-keeps-using-an-old-key-version"],
related=[K + "manual-rotation-with-az-acr-encryption-rotate-key", K + "switch-from-manual-to-automatic-rotation"],
facts=["leaving out `--identity` keeps the current identity"],
answer_facts=["was configured with a versioned id", "it does not move the registry"],
truth="""Nothing is broken: keyIdentifier ends in a version, so crpipit was configured with a versioned key ID, keyRotationEnabled is false and the registry stays on that version until someone rotates by hand; only a versionless ID makes it follow new versions. Point it at the versionless ID once with az acr encryption rotate-key --name crpipit --key-encryption-key https://kv-pipit.vault.azure.net/keys/kek-pipit (leaving out --identity keeps the current identity). From then on keyRotationEnabled reads true and versionedKeyIdentifier moves to last night's version, and to every later one, within about an hour."""),

dict(key="P2", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["arrow_annotations"],
question="""Brand-new HSM for crdotterel: creating the key fails, and assigning the registry identity its role fails as well. Status of the pool, notes mine:

```json
{
  "activationStatus": "NotActivated",                          <-- ???
  "message": "Security domain has not been downloaded yet.",
  "provisioningState": "Succeeded"                             <-- so it does exist?
}
```

The provisioning pipeline finished without errors yesterday and named me as one of the initial administrators. What is still missing before the key and the role can be created in crdotterel's HSM, and what do I need to prepare for that step?""",
canonical=[M + "provision-and-activate-the-managed-hsm"],
related=[M + "requirements-for-a-managed-hsm-key-store", T + "managed-hsm-is-not-activated"],
facts=["A new Managed HSM accepts no data-plane requests until it has been activated"],
answer_facts=["only an initial administrator can do this", "at least three (at most ten)"],
truth="""Activation. provisioningState Succeeded only means the HSM resource exists; activationStatus NotActivated means the Managed HSM accepts no data-plane request yet, so no key can be created and no local role assigned. As an initial administrator, activate hsm-dotterel by downloading its security domain: prepare at least three RSA key pairs (their public halves as certificate files, at most ten), choose a quorum, then run az keyvault security-domain download --hsm-name hsm-dotterel --sd-wrapping-keys <the .cer files> --sd-quorum 2 --security-domain-file <file>. Once activationStatus reads Active, keep the security domain file and the private keys safe for disaster recovery, and create the RSA-HSM key, the registry identity's role and crdotterel."""),

dict(key="P3", style="long", kind="troubleshoot", category="troubleshooting", quals=[], flags=["arrow_annotations"],
question="""Every pull from crturnstone has returned 403 since this morning, with an error saying the registry's identity is no longer active. Back in August someone tried to detach id-turnstone-enc during a clean-up, got an error and gave up. What the registry shows now:

```json
{
  "principalId": null,
  "tenantId": "8f2c6d1a-47b3-4e90-b5a2-1d9c0e7f3a68",
  "type": "UserAssigned",
  "userAssignedIdentities": {
    "/subscriptions/3b7e0f52-9c14-4d8a-a6e3-5f21c8b90d47/resourcegroups/rg-turnstone/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-turnstone-enc": {   <-- still attached
      "clientId": "c41d7e09-6b3a-4f25-8e90-2a7d5c1b3f64",          <-- same as in az acr encryption show
      "principalId": "0e9b3c57-1f48-4a62-b7d0-94c6e2a1f835"
    }
  }
}
```

Why did it take three months to break? And how do I bring pulls back?""",
canonical=[T + "registry-identity-is-inactive-or-expired"],
related=[I + "the-encryption-identity-cannot-simply-be-removed", T + "removing-the-encryption-identity-fails"],
facts=["An earlier attempt to detach the encryption identity stopped that identity from being renewed automatically."],
answer_facts=["usually after about three months"],
truth="""The failed detach in August stopped id-turnstone-enc from being renewed, so pulls and pushes kept working only until the identity's credentials ran out, usually after about three months; since then every request gets 403. The identity is still attached and clientId c41d7e09-6b3a-4f25-8e90-2a7d5c1b3f64 is still the one encryption uses, so simply assign it again: az acr identity assign --name crturnstone --resource-group rg-turnstone --identities <resource ID of id-turnstone-enc>, then retry a pull. If you want to drop that identity some day, move encryption to another one with az acr encryption rotate-key first and remove it only afterwards."""),

dict(key="P4", style="long", kind="howto", category="keys", quals=["iac"], flags=["arrow_annotations"],
question="""An audit flagged crknot's identity for holding more on kv-knot than it needs. Its role assignments, trimmed to the fields that matter, with my notes:

```json
[
  {
    "principalType": "ServicePrincipal",
    "roleDefinitionName": "Key Vault Crypto User",                   <-- came from the AVM module's test template
    "scope": "/subscriptions/6a0d2e4f-81b9-47c3-9d52-e3f1a7b0c8d5/resourceGroups/rg-knot/providers/Microsoft.KeyVault/vaults/kv-knot"
  },
  {
    "principalType": "ServicePrincipal",
    "roleDefinitionName": "Key Vault Crypto Service Encryption User",   <-- added by me last month
    "scope": "/subscriptions/6a0d2e4f-81b9-47c3-9d52-e3f1a7b0c8d5/resourceGroups/rg-knot/providers/Microsoft.KeyVault/vaults/kv-knot"
  }
]
```

Which assignment can go, and in which order should I change things so that crknot never loses its key?""",
canonical=[A + "why-key-vault-crypto-user-is-not-needed"],
related=[V + "revoke-by-deleting-the-rbac-role-assignment", C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs"],
facts=["`az role assignment delete` removes **every** assignment that matches its filters"],
answer_facts=["grants more than the registry needs"],
truth="""Remove the Key Vault Crypto User assignment: it allows general cryptographic operations such as encrypt, decrypt, sign and verify, the ACR docs never use it, and it grants more than the registry needs. Key Vault Crypto Service Encryption User, which reads the key and wraps and unwraps with it, is all crknot's identity needs on an RBAC vault. Because that role is already in place, the order is simple: confirm it is listed for the identity at kv-knot's scope, list with the same filters you will delete with (delete removes every match), run az role assignment delete --assignee-object-id <principal ID> --role "Key Vault Crypto User" --scope <vault ID>, then pull an image to confirm."""),

dict(key="P5", style="long", kind="value", category="limits", quals=[], flags=["arrow_annotations"],
question="""Auditors want the build log of every release built on crtern, which has used a customer-managed key since it was created. I listed the runs this afternoon and tried to fetch their logs, notes mine:

```json
[
  {
    "runId": "ca2f",                                   <-- az acr task logs prints nothing for this one
    "status": "Succeeded",
    "createTime": "2026-11-30T09:12:44Z",
    "task": "release-build"
  },
  {
    "runId": "ca3b",                                   <-- this one still has its log
    "status": "Succeeded",
    "createTime": "2026-12-01T07:58:03Z",
    "task": "release-build"
  }
]
```

How long does crtern keep the log of a run, and is there a setting that makes it longer?""",
canonical=[T + "task-run-logs-disappear-after-24-hours"],
related=[L + "acr-tasks-run-logs-are-kept-for-only-24-hours", L + "export-task-run-logs-before-they-expire"],
facts=["Automate this (for example at the end of each pipeline that triggers a task) so no log is lost"],
answer_facts=["a documented limitation of cmk registries"],
truth="""24 hours: on a registry encrypted with a customer-managed key ACR Tasks keeps run logs for one day only, so the log of run ca2f has aged out while ca3b's is still there for now. No setting extends that retention on a CMK registry, and a log that is gone cannot be fetched again, so let the release pipeline save the output of az acr task logs --registry crtern --run-id <run ID> to a file or a storage account right after every run."""),
# ---- redacted_paste ----
dict(key="M1", style="long", kind="troubleshoot", category="setup", quals=[], flags=["redacted_paste"],
question="""az acr create for crgodwit fails, saying the identity cannot be found. I masked our IDs before posting:

```bash
SUB=<redacted>
az account set --subscription "$SUB"
az acr create --resource-group rg-godwit --name crgodwit --sku Premium --identity <redacted> --key-encryption-key https://kv-godwit.vault.azure.net/keys/kek-godwit
```

The masked value after --identity is the GUID that az identity show prints as principalId for id-godwit-enc. Key access for that identity was granted yesterday and works. What is wrong with the command?""",
canonical=[S + "step-2-create-a-user-assigned-managed-identity-and-capture-its-ids"],
related=[I + "which-identity-value-goes-where", I + "a-user-assigned-identity-is-required-when-the-registry-is-created"],
facts=["The CLI resolves it to the identity's client ID"],
answer_facts=["is what az acr create --identity takes"],
truth="""--identity on az acr create takes the user-assigned identity's resource ID (or its bare name when it sits in rg-godwit), not the principal ID you masked there; the CLI resolves the identity to its client ID itself and stores that in the encryption settings. Read it with IDENTITY_ID=$(az identity show --name id-godwit-enc --resource-group rg-godwit --query id --output tsv) and pass --identity "$IDENTITY_ID" (the ID ends in /userAssignedIdentities/id-godwit-enc). The principal ID belongs only in the key grant, which you already have."""),

dict(key="M2", style="long", kind="troubleshoot", category="troubleshooting", quals=[], flags=["redacted_paste"],
question="""The policy on kv-sanderling was added without complaint, yet az acr create for crsanderling still fails, and the error lists Get, Wrap Key and Unwrap Key as missing for the identity. Both commands, with our values masked:

```bash
az keyvault set-policy --subscription <redacted> --name kv-sanderling --object-id <redacted> --key-permissions get unwrapKey wrapKey
az acr create -n crsanderling -g rg-sanderling --sku Premium --identity id-sanderling --key-encryption-key https://kv-sanderling.vault.azure.net/keys/kek-sanderling
```

The value behind --object-id is the client ID of id-sanderling, copied from the identity's overview page. The vault uses access policies, not RBAC. What is wrong?""",
canonical=[T + "registry-creation-cannot-access-the-key"],
related=[A + "grant-access-with-a-key-vault-access-policy", I + "which-identity-value-goes-where"],
facts=["Use `--object-id` with the principal ID"],
answer_facts=["the identity lacks get, wrapkey and unwrapkey"],
truth="""The policy went to the wrong principal: --object-id wants the identity's principal (object) ID, and with the client ID there the policy names some other object, so id-sanderling still lacks get, wrapKey and unwrapKey on kv-sanderling. Grant it again with the principal ID from az identity show --name id-sanderling --resource-group rg-sanderling --query principalId --output tsv, remove the stray policy with az keyvault delete-policy --name kv-sanderling --object-id <the client ID you used>, and retry az acr create. The client ID only matters inside the registry's encryption settings, which the CLI fills in itself."""),

dict(key="M3", style="long", kind="howto", category="iac", quals=["iac"], flags=["redacted_paste"],
question="""We want crcurlew, created last year from the Terraform below, to use id-curlew-2026 instead of id-curlew-enc for its key (IDs masked):

```hcl
resource "azurerm_container_registry" "curlew" {
  name                = "crcurlew"
  sku                 = "Premium"
  resource_group_name = "rg-curlew"
  location            = "westeurope"

  identity {
    type         = "UserAssigned"
    identity_ids = ["/subscriptions/<redacted>/resourceGroups/rg-curlew/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-curlew-enc"]
  }

  encryption {
    key_vault_key_id   = "https://kv-curlew.vault.azure.net/keys/kek-curlew"
    identity_client_id = "<redacted>"
  }
}
```

Which values change, and in which order, so that the registry never loses its key during the switch?""",
canonical=[C + "terraform-azurerm_container_registry-encryption-block"],
related=[C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep", I + "switch-to-a-different-user-assigned-identity"],
facts=["Changing `key_vault_key_id` or `identity_client_id` on a registry that already has CMK is fine"],
answer_facts=["must also be listed in identity_ids", "must be a uuid"],
truth="""First add id-curlew-2026's resource ID to identity_ids next to the old one and give the new identity key access (Key Vault Crypto Service Encryption User on kv-curlew, or a get/wrapKey/unwrapKey policy), and apply. Then set identity_client_id to id-curlew-2026's client_id (a UUID, not its principal_id) and apply again: that is an in-place update, Terraform's counterpart of az acr encryption rotate-key. Wait until az acr encryption show reports the new client ID as keyVaultProperties.identity, and only then drop id-curlew-enc from identity_ids and remove its grant."""),

dict(key="M4", style="long", kind="no", category="limits", quals=[], flags=["two_facts", "redacted_paste"],
question="""We are retiring kv-whimbrel and would rather let crwhimbrel fall back to platform-managed keys than build a replacement registry. A colleague suggested this (IDs masked):

```bash
az resource update --ids /subscriptions/<redacted>/resourceGroups/rg-whimbrel/providers/Microsoft.ContainerRegistry/registries/crwhimbrel --set properties.encryption.status=disabled --subscription <redacted>
```

Before anyone runs it: can crwhimbrel be switched back to Microsoft-managed keys this way, or at all?""",
canonical=[O + "requirements-at-a-glance", O + "cmk-cannot-be-disabled-after-it-is-enabled"],
related=[L + "feature-compatibility-summary", K + "move-to-a-different-key-or-to-a-key-in-another-vault"],
facts=["Keep the old vault and key, with access, until `az acr encryption show` reports the new key."],
answer_facts=["cmk stays on for the life", "no command or portal switch"],
truth="""No: once a registry is encrypted with a customer-managed key the setting is permanent, and there is no command or portal switch back to Microsoft-managed keys only, so do not send that status change through --ids (the docs do not say what the service would make of it). crwhimbrel must keep some reachable customer-managed key for as long as it exists: before retiring kv-whimbrel, grant the identity access to a key in another vault or a Managed HSM and move to it with az acr encryption rotate-key, or create a new registry without CMK, copy the images over with az acr import and delete crwhimbrel afterwards."""),

# ---- graph_sp_object (long) ----
dict(key="G1", style="long", kind="troubleshoot", category="identity", quals=["hsm", "oct2026"], flags=["graph_sp_object"],
question="""crgannet cannot be created with its key in hsm-gannet: the service says the identity cannot use the key. The local role assignment exists, scoped to /keys/kek-gannet, for assignee 2b6f0d83-9a1e-4c57-b2d4-61e8f7a3c950. To be sure that GUID is our identity I looked it up with az ad sp show:

```json
{
  "accountEnabled": true,
  "alternativeNames": [
    "isExplicit=True",
    "/subscriptions/9e41c7b2-05d3-4f6a-8c19-d2a7e6b0f354/resourcegroups/rg-gannet/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-gannet-enc"
  ],
  "appId": "2b6f0d83-9a1e-4c57-b2d4-61e8f7a3c950",
  "displayName": "id-gannet-enc",
  "id": "f07c3a59-d218-4e6b-a3f0-8c5b19d2e476",
  "servicePrincipalType": "ManagedIdentity"
}
```

So it is the right identity. Why does the HSM still refuse that identity access to the key?""",
canonical=[I + "which-identity-value-goes-where"],
related=[M + "local-rbac-roles-for-acr-encryption", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
facts=["Each place expects a specific one; using the wrong one is a common cause of failures."],
answer_facts=["always uses the principal id"],
truth="""The assignment names the right identity by the wrong ID: 2b6f0d83-9a1e-4c57-b2d4-61e8f7a3c950 is the appId, the client ID of id-gannet-enc, while Managed HSM local role assignments, like every key grant, go to the principal (object) ID, which is the id value f07c3a59-d218-4e6b-a3f0-8c5b19d2e476; az ad sp show accepts either, so your lookup looked fine. Create az keyvault role assignment create --hsm-name hsm-gannet --role "Managed HSM Crypto Service Encryption User" --assignee-object-id f07c3a59-d218-4e6b-a3f0-8c5b19d2e476 --assignee-principal-type MSI --scope /keys/kek-gannet, delete the assignment made for the client ID, wait several minutes and create crgannet again."""),

dict(key="G2", style="long", kind="howto", category="identity", quals=[], flags=["graph_sp_object"],
question="""crhobby should move off the user-assigned identity from its creation day and onto the registry's own identity. I turned the system-assigned identity on through az acr identity assign and looked up the new principal:

```json
{
  "accountEnabled": true,
  "alternativeNames": [
    "isExplicit=False",
    "/subscriptions/4c8e2a17-6d90-4b35-9f1c-e0a5d7b36c28/resourcegroups/rg-hobby/providers/Microsoft.ContainerRegistry/registries/crhobby"
  ],
  "appId": "a93d5e02-7b1c-4f68-8d24-c6e0b9f1a537",
  "displayName": "crhobby",
  "id": "6e1b8c4d-3f27-4a90-b5e8-d2c7a09f1e64",
  "servicePrincipalType": "ManagedIdentity"
}
```

kv-hobby uses the RBAC permission model. Which of these IDs does the grant on the vault need? And what do I pass to finish the switch without cutting crhobby off?""",
canonical=[K + "rotate-with-a-different-identity-or-the-system-assigned-identity"],
related=[I + "switch-to-the-registrys-system-assigned-identity-after-creation", I + "which-identity-value-goes-where"],
facts=["Keep the original user-assigned identity attached and its access in place until step 5 shows the change"],
answer_facts=["then pass it to --identity"],
truth="""The grant takes the id value, 6e1b8c4d-3f27-4a90-b5e8-d2c7a09f1e64, which is the principal ID of crhobby's system-assigned identity: az role assignment create --assignee-object-id 6e1b8c4d-3f27-4a90-b5e8-d2c7a09f1e64 --assignee-principal-type ServicePrincipal --role "Key Vault Crypto Service Encryption User" --scope <resource ID of kv-hobby>. The appId is not needed anywhere. Then run az acr encryption rotate-key --name crhobby --key-encryption-key <the key ID it uses now> --identity '[system]' (quoted), check that keyVaultProperties.identity reads system, and only then detach the user-assigned identity and remove its access."""),

dict(key="G3", style="long", kind="yes", category="keys", quals=["iac"], flags=["two_facts", "graph_sp_object"],
question="""Our Terraform pipeline signs in as the service principal below, which is Owner of rg-garganey. Its first step creates kek-garganey in kv-garganey, a vault with the RBAC permission model, and that step fails with ForbiddenByRbac, while creating the vault itself worked:

```json
{
  "accountEnabled": true,
  "appDisplayName": "deploy-platform-registries",
  "appId": "7e3b1f60-2d94-4a8c-9c57-b0e2d6a41f83",
  "displayName": "deploy-platform-registries",
  "id": "c2a85d1e-6f07-4b39-8e64-3d9a0c7b2f15",
  "servicePrincipalType": "Application"
}
```

Does this principal really need an extra role on the vault although it owns the resource group?""",
canonical=[T + "operator-cannot-create-the-key-in-an-rbac-vault", A + "your-own-permissions-to-create-keys-in-an-rbac-vault"],
related=[A + "which-permission-model-does-my-key-vault-use", C + "complete-terraform-example-with-key-vault-role-assignment-and-registry"],
facts=["The identity running Terraform needs a key-creating data-plane role on the vault"],
answer_facts=["not enough to work with its keys", "those are management-plane roles"],
truth="""Yes: on an RBAC vault Owner (or Contributor) is a management-plane role and does not let anyone create keys, so deploy-platform-registries needs a data-plane role such as Key Vault Crypto Officer on kv-garganey: az role assignment create --assignee-object-id c2a85d1e-6f07-4b39-8e64-3d9a0c7b2f15 --assignee-principal-type ServicePrincipal --role "Key Vault Crypto Officer" --scope <resource ID of kv-garganey>, using the id value, not the appId. Wait a few minutes and rerun the step. That role is for the pipeline only; the registry's identity still gets nothing but Key Vault Crypto Service Encryption User."""),

# ---- other long posts ----
dict(key="L23", style="long", kind="undocumented", category="network", quals=[], flags=[],
question="""crfulmar has to be created against kv-fulmar, which only admits traffic from our hub network and already allows trusted Microsoft services. We granted the identity its role on kv-fulmar two hours ago. az acr create keeps failing with:

```text
Failed to access KeyId 'https://kv-fulmar.vault.azure.net/keys/kek-fulmar'.
```

An old GitHub thread suggests creating the registry against a key in an unrestricted vault and rotating to the firewalled one afterwards, and a colleague wants to do exactly that tonight. Is that a documented approach, or what do the official docs tell us to do in this situation?""",
canonical=[N + "reports-of-first-time-creation-failing-against-a-firewalled-vault-not-official"],
related=[N + "create-the-key-before-the-registry-when-the-vault-is-locked-down", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", T + "registry-creation-cannot-access-the-key"],
facts=["The bypass only opens the network path."],
answer_facts=["these reports may be out of date"],
truth="""Not documented: the create-against-an-open-vault-then-rotate workaround comes only from older GitHub issues (all before 2023), in which Key Vault logs showed the caller not being treated as a trusted service; the current docs just say to allow trusted Azure services on the vault and to create the key before the registry. Check first that networkAcls on kv-fulmar really shows the AzureServices bypass and that the grant matches the vault's permission model. If creation still fails, the workaround (a temporary key in an unrestricted vault, then az acr encryption rotate-key to kek-fulmar, often with the system-assigned identity) is a community route you should confirm with Azure support."""),

dict(key="L24", style="long", kind="howto", category="limits", quals=[], flags=[],
question="""We moved image signing for crpochard from Docker Content Trust to Notation 1.2 with the Key Vault plug-in, because the registry uses a customer-managed key. Signing works, but every signed image now brings an extra tag whose name is derived from the image digest, and our nightly clean-up script, which deletes every tag that does not match our release pattern, has started removing them. On top of that the security team says their admission controller finds no signatures when it asks the registry through the referrers endpoint. How should we change the clean-up script and the verification so that signatures on crpochard stay discoverable?""",
canonical=[L + "oci-referrers-api-is-not-supported"],
related=[T + "oras-and-notation-store-referrers-as-tags", L + "notation-signatures-on-cmk-registries"],
facts=["Leave the digest-named tags in place"],
answer_facts=["fall back to the referrers tag schema", "expect those extra tags in repository listings"],
truth="""Leave the digest-named tags alone: CMK registries do not support the OCI Referrers API, so Notation (1.2.0 and later) and ORAS fall back to the referrers tag schema and record each image's signatures under a tag derived from its digest; deleting those tags hides the signatures. Exclude them from the clean-up pattern, and let the admission check use a verifier that understands the tag schema (notation verify, oras discover) rather than calling the Referrers API directly. Content trust itself stays unavailable on CMK registries, so there is no way back to it."""),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="M5", style="short", kind="value", category="keys", quals=[], flags=["redacted_paste"],
question="`--scope <redacted>` on the registry identity's role: vault id or key id?",
canonical=[A + "grant-access-with-an-azure-rbac-role"],
related=[A + "two-supported-ways-to-grant-key-access", A + "verify-the-identitys-access"],
facts=["The role's ID is `e147488a-f6f5-4113-8e2d-b22465e65bf6`"],
answer_facts=["always pass the vault's resource id"],
truth="""The vault's resource ID: current CLI versions require --scope, and the ACR docs scope Key Vault Crypto Service Encryption User to the whole vault (/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.KeyVault/vaults/<vault>). Azure RBAC would also allow a key-level scope, but that is not what the ACR docs use."""),
dict(key="S1", style="short", kind="howto", category="recovery", quals=["hsm", "oct2026"], flags=[],
question="bring back a soft-deleted managed hsm: which role and az command do i need?",
canonical=[V + "recover-a-deleted-managed-hsm"],
related=[M + "recover-a-deleted-managed-hsm-key-or-hsm", T + "key-vault-or-key-was-deleted"],
facts=["The HSM name stays reserved while it is soft-deleted."],
answer_facts=["recovery needs the hsm's location", "keeps being billed while it waits"],
truth="""Someone holding the Azure role Managed HSM Contributor finds it with az keyvault list-deleted --resource-type hsm and recovers it with az keyvault recover --hsm-name <hsm> --location <region>; the location is required. Do it within the retention period chosen when the HSM was created (7 to 90 days), and soon, because a Managed HSM goes on costing money for as long as it sits soft-deleted."""),
dict(key="S2", style="short", kind="howto", category="rotation", quals=[], flags=[],
question="need a new kek version right now without waiting for the rotation policy",
canonical=[K + "rotate-immediately-with-az-keyvault-key-rotate"],
related=[K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["On an RBAC vault the caller needs Key Vault Crypto Officer"],
answer_facts=["generates a new version at once"],
truth="""Call az keyvault key rotate --name <key> --vault-name <vault> yourself: Key Vault makes the new version immediately, same type and size as the current one, independent of the policy's next due date. It needs Key Vault Crypto Officer on an RBAC vault (the rotate key permission on an access-policy vault). Registries configured versionless switch to it within the hour; pinned ones stay put until az acr encryption rotate-key."""),
dict(key="S3", style="short", kind="howto", category="hsm", quals=["hsm", "iac", "oct2026"], flags=[], typo="adress",
question="portal key picker lists our hsm but no keys, allow which ip adress?",
canonical=[M + "key-picker-blocked-by-the-hsm-firewall"],
related=[N + "the-portal-key-picker-and-a-key-store-firewall", T + "portal-key-picker-cannot-list-keys-behind-the-managed-hsm-firewall"],
facts=["Either add your client IP to the HSM firewall, or use **Enter key URI** with the key ID."],
answer_facts=["a data-plane call made from your browser"],
truth="""Your own client's public IP: listing the keys of a Managed HSM under Select from Key Vault is a data-plane call made from your browser, and the trusted-services bypass only covers ACR itself. Add that address with az keyvault network-rule add --hsm-name <hsm> --ip-address <your IP>, or skip the picker and paste the key ID under Enter key URI; the registry keeps reaching the key through the bypass."""),
dict(key="S4", style="short", kind="troubleshoot", category="keys", quals=[], flags=[],
question="az acr create fails with our p-384 ec kek, which key type instead?",
canonical=[T + "elliptic-curve-key-rejected"],
related=[O + "which-key-types-and-sizes-are-supported", O + "key-sizes-offered-by-key-vault"],
facts=["Key Vault offers RSA keys of 2048, 3072 and 4096 bits."],
answer_facts=["can't wrap keys and are not supported"],
truth="""Use an RSA key instead: registry encryption accepts only RSA and RSA-HSM keys, and elliptic-curve keys (EC or EC-HSM, P-384 or any other curve) are not supported. Create one, for example az keyvault key create --vault-name <vault> --name <new key name> --kty RSA, read its kid with az keyvault key show and pass that to az acr create (or to rotate-key for a registry that already has CMK); the ACR docs prescribe no key size."""),
dict(key="S5", style="short", kind="troubleshoot", category="recovery", quals=[], flags=["two_facts"], typo="completly",
question="vault recovered completly from soft delete but registry pulls still fail, rbac model",
canonical=[V + "re-create-rbac-role-assignments-after-recovering-a-vault", V + "recover-a-deleted-key-vault"],
related=[T + "key-vault-or-key-was-deleted"],
facts=["Access policies are part of the vault and come back with it."],
answer_facts=["does not bring them back", "the vault name stays reserved"],
truth="""Recovering an RBAC vault does not bring back its Azure role assignments: they were deleted with the vault, while access policies would have returned with it. Re-create the registry identity's Key Vault Crypto Service Encryption User assignment on the recovered vault (az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal --role "Key Vault Crypto Service Encryption User" --scope <vault ID>), plus any operator roles, then retry a pull."""),
dict(key="S6", style="short", kind="value", category="network", quals=[], flags=[],
question="what is the kv firewall exception called that lets acr reach our key?",
canonical=[N + "azure-container-registry-in-key-vaults-trusted-services-list"],
related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", N + "allow-trusted-services-and-deny-other-traffic"],
facts=["The bypass only opens the network path."],
answer_facts=["services that can pass the firewall"],
truth="""The trusted-services exception: "Allow trusted Microsoft services to bypass this firewall" in the portal, --bypass AzureServices with az keyvault update. Azure Container Registry is on Key Vault's list of trusted services for encrypting registries with customer-managed keys, so it gets through while the default action stays Deny; the identity still needs its key permissions."""),
dict(key="S7", style="short", kind="value", category="keys", quals=[], flags=[],
question="cmk on: how many layers of encryption at rest does the registry get?",
canonical=[O + "what-customer-managed-key-encryption-adds-to-a-registry"],
related=[O + "default-encryption-at-rest-without-a-cmk", O + "why-teams-use-a-customer-managed-key"],
facts=["Nothing needs to be switched on for that, and it cannot be switched off."],
answer_facts=["adds a second layer on top"],
truth="""Two: the encryption at rest with Microsoft-managed keys that every registry has stays in place, and the customer-managed key adds a second layer on top of it, based on your own key in Key Vault or Managed HSM. CMK does not replace the platform encryption."""),
dict(key="S8", style="short", kind="yes", category="keys", quals=[], flags=[],
question="byok: can an imported key, not one made in kv, be the acr cmk?",
canonical=[O + "bring-your-own-key-byok"],
related=[O + "the-key-encryption-key-kek-and-its-identifier", O + "which-key-types-and-sizes-are-supported"],
facts=["so BYOK and CMK refer to the same thing for ACR"],
answer_facts=["both key stores support both"],
truth="""Yes: bring your own key is supported, so key material created outside Azure and imported into Key Vault (or into a Managed HSM) works as well as a key generated there; after the import the registry only sees the key URI. Import it as RSA or RSA-HSM, since elliptic-curve keys are refused, and grant the registry identity access to it as usual."""),
dict(key="S9", style="short", kind="no", category="limits", quals=[], flags=[], typo="wether",
question="wether artifact streaming can be turned on for our cmk acr",
canonical=[L + "artifact-streaming-is-not-supported"],
related=[L + "feature-compatibility-summary", M + "limits-and-open-points-with-managed-hsm"],
facts=["Artifact streaming (preview) lists CMK-encrypted registries among its unsupported configurations."],
answer_facts=["plan for full image pulls"],
truth="""No: the artifact streaming preview names customer-managed-key encryption among the configurations it does not support, so nothing can be switched on for this registry; its images will always be pulled in full, and no CMK setting changes that."""),
dict(key="S10", style="short", kind="why", category="recovery", quals=[], flags=[],
question="why turn on purge protection when soft delete already keeps deleted keys?",
canonical=[V + "how-purge-protection-protects-the-registry"],
related=[O + "soft-delete-and-purge-protection-behaviour-in-key-vault", V + "recover-a-deleted-key"],
facts=["Purge protection cannot be turned off again, and it does not stop a deletion, only a purge"],
answer_facts=["can still destroy them permanently"],
truth="""Because soft delete alone still lets someone with purge rights destroy a deleted key or vault before the retention period ends, and then the registry's content is lost for good. With purge protection nobody can erase it early, so it stays recoverable for the whole window; that is why the ACR docs recommend it. It is a one-way switch and does not prevent the deletion itself, only the purge."""),
dict(key="S11", style="short", kind="undocumented", category="limits", quals=[], flags=[],
question="azure policy modify remediation on a cmk acr: supported or not?",
canonical=[L + "azure-policy-built-in-for-cmk"],
related=[O + "cmk-can-only-be-enabled-when-the-registry-is-created", L + "feature-compatibility-summary"],
facts=["audits whether registries use CMK"],
answer_facts=["a non-official, unmerged docs pull request", "cannot be remediated in place"],
truth="""Not documented: the ACR docs only describe the built-in audit policy "Container Registries should be encrypted with a Customer-Managed Key (CMK)"; a non-official, unmerged docs pull request reports that Modify remediation tasks fail with BadRequest on CMK registries. Do not count on Modify there, and remember that a registry found without CMK can only be replaced by a new CMK registry, not fixed in place."""),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="G4", style="agent", form="context", kind="troubleshoot", category="identity", quals=[], flags=["graph_sp_object"],
question='Context: before rotating crshag to a key in kv-shag I gave the vault role to this principal: `{"appId": "e58a1c3f-94b2-4d07-a6e1-3f9c0b7d2a48", "displayName": "crshag", "id": "1d7f4b96-2e05-4c83-b9a4-60e2d5c8f317", "servicePrincipalType": "ManagedIdentity"}`. Question: why does rotate-key with id-shag-enc then leave crshag without key access?',
canonical=[I + "why-the-registry-needs-a-managed-identity"],
related=[K + "rotate-with-a-different-identity-or-the-system-assigned-identity", A + "access-to-a-key-in-a-second-key-vault"],
facts=["Access is granted per vault."],
answer_facts=["is therefore the single point"],
truth="""The grant went to crshag's own system-assigned identity (displayName crshag, the registry itself), not to id-shag-enc, the user-assigned identity you name in rotate-key and that the encryption settings then use. Give id-shag-enc's principal ID Key Vault Crypto Service Encryption User on kv-shag (or a get/wrapKey/unwrapKey policy) before rotating, and remove the system identity's grant unless you plan to switch encryption to '[system]'."""),
dict(key="G5", style="agent", form="imperative", kind="value", category="setup", quals=["iac"], flags=["graph_sp_object"],
question='Tell me which value of this principal our ARM template has to put into keyVaultProperties.identity, and how the enable tutorial\'s template reads it: `{"appId": "0b4e7d19-5c2a-4f86-9e30-a7d1c6b5e942", "displayName": "id-scaup-enc", "id": "93c6f0a2-8e41-4d7b-a5f9-2b0e1c7d3864", "servicePrincipalType": "ManagedIdentity"}`',
canonical=[S + "the-enable-tutorials-own-template"],
related=[C + "arm-template-json-propertiesencryption-and-keyvaultproperties", S + "set-up-cmk-with-an-arm-template"],
facts=["A principal ID or resource ID here does not work."],
answer_facts=["read with reference() at apiversion 2018-11-30"],
truth="""The appId, 0b4e7d19-5c2a-4f86-9e30-a7d1c6b5e942, which is the client ID of id-scaup-enc; the id value is its principal ID and does not belong there. The enable tutorial's template reads the client ID with reference() on the identity resource at apiVersion 2018-11-30 and takes its clientId, so your template should use the same reference() instead of a pasted GUID."""),
dict(key="A1", style="agent", form="context", kind="howto", category="rotation", quals=["hsm", "oct2026"], flags=[],
question="Context: registry crskua follows the versionless URI of kek-skua in hsm-skua. Question: in which ways can we create new versions of that HSM key, and what does each of them need?",
canonical=[K + "how-new-key-versions-are-created"],
related=[K + "create-a-new-version-in-a-managed-hsm", M + "rotate-a-managed-hsm-key"],
facts=["a policy must exist before on-demand rotation"],
answer_facts=["each also exists for managed hsm keys"],
truth="""Three, as for vault keys but with --hsm-name: run az keyvault key create --name kek-skua --hsm-name hsm-skua --kty RSA-HSM --ops wrapKey unwrapKey again, which adds a version; run az keyvault key rotate --hsm-name hsm-skua, which needs a rotation policy to exist first; or let a Managed HSM rotation policy do it, at most every 28 days. Whoever does it needs a key-creating role such as Managed HSM Crypto User; crskua picks each new version up within an hour, and its key-scoped role covers all versions."""),
dict(key="A2", style="agent", form="imperative", kind="howto", category="recovery", quals=["hsm", "oct2026"], flags=["two_facts"],
question="List the steps to revoke crbunting's access to kek-bunting in hsm-bunting, and how to confirm afterwards that the revocation really took effect",
canonical=[V + "revoke-access-to-a-key-in-a-managed-hsm", M + "revoke-access-to-a-managed-hsm-key"],
related=[T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope", V + "what-revocation-does-to-the-registry"],
facts=["List first to see that scope:"],
answer_facts=["the same scope where it was created", "either of those still grants access"],
truth="""First list every local role assignment of the encryption identity in hsm-bunting without a scope filter (az keyvault role assignment list --hsm-name hsm-bunting --assignee-object-id <principal ID>). Delete the Managed HSM Crypto Service Encryption User assignment at the scope where it was made, normally /keys/kek-bunting, and also any at /keys or / and any other local role that allows wrap and unwrap. Confirm by listing again (nothing left) and by a pull from crbunting failing; re-creating the assignment brings it back."""),
dict(key="A3", style="agent", form="context", kind="howto", category="network", quals=["hsm", "oct2026"], flags=[],
question="Context: the firewall of hsm-shrike is on and crshrike does not exist yet. Question: what do we change on the HSM before az acr create, and how do we check it took?",
canonical=[N + "managed-hsm-firewall-and-trusted-services"],
related=[M + "managed-hsm-firewall-and-trusted-services", M + "requirements-for-a-managed-hsm-key-store"],
facts=["Clients that manage keys (people, pipelines, the portal) need an allowed address of their own"],
answer_facts=["before az acr create", "the bypass only opens the network"],
truth="""Allow trusted Azure services before creating crshrike, since the registry needs the key at creation: az keyvault update-hsm --hsm-name hsm-shrike --resource-group <rg> --bypass AzureServices --default-action Deny. Check it with az keyvault show --hsm-name hsm-shrike and its networkAcls and publicNetworkAccess properties. Add your own clients with az keyvault network-rule add --hsm-name; the bypass opens only the network path, and the identity still needs its Managed HSM local role on the key."""),
dict(key="A4", style="agent", form="context", kind="howto", category="setup", quals=["iac"], flags=[],
question="Context: we are creating crpuffin in the portal with kek-puffin from kv-puffin and want to approve every key version by hand. Question: on the portal's Encryption tab, do we use Select from Key Vault for the key, or Enter key URI?",
canonical=[S + "set-up-cmk-in-the-azure-portal"],
related=[K + "rotate-the-key-in-the-azure-portal", K + "versioned-and-versionless-key-ids"],
facts=["Start **Create container registry**, choose the **Premium** pricing tier."],
answer_facts=["stores the key without a version"],
truth="""Enter key URI, with the versioned key ID (the kid that ends in the version): Select from Key Vault stores the chosen key without a version, which switches automatic rotation on. Choose the Premium tier, set the customer-managed key to Enabled and pick the user-assigned identity, which must already have its key access; approved versions are then applied by hand with Change key or az acr encryption rotate-key."""),
dict(key="A5", style="agent", form="imperative", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question="Check why every pull from crlinnet has failed since a permissions clean-up on kv-linnet removed old access policies, and give the fix",
canonical=[V + "what-revocation-does-to-the-registry"],
related=[T + "registry-access-lost-after-key-permissions-were-revoked", V + "restore-access-after-a-revocation"],
facts=["Revocation is reversible as long as the key still exists or can be recovered"],
answer_facts=["access to all registry data is blocked"],
truth="""The clean-up revoked the key: crlinnet's encryption identity lost its access policy, and without get, wrapKey and unwrapKey on kv-linnet the registry cannot read any of its content. Add the policy back with az keyvault set-policy --name kv-linnet --object-id <principal ID of that identity> --key-permissions get unwrapKey wrapKey (az acr encryption show tells which identity it is) and retry once it has taken effect; the registry picks up the key again by itself, with no command on the registry side."""),
dict(key="A6", style="agent", form="keywords", kind="value", category="iac", quals=["iac"], flags=[],
question="avm bicep container registry module customermanagedkey parameter, default of autorotationenabled and which key store it accepts",
canonical=[C + "avm-bicep-module-customermanagedkey-parameter"],
related=[C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs", C + "api-versions-that-support-registry-encryption"],
facts=["The module does not grant key access"],
answer_facts=["a vault, not a managed hsm", "version 0.7.0 (january 2025) added autorotationenabled"],
truth="""autoRotationEnabled defaults to true (it exists since module version 0.7.0), so the module writes the versionless keyUri and the registry follows new key versions; false pins the version current at deployment, and keyVersion pins a chosen one. keyVaultResourceId must point to a Key Vault vault, not a Managed HSM, and the module grants no key access: create the role assignment yourself and give the module a dependsOn on it."""),
dict(key="A7", style="agent", form="context", kind="yes", category="troubleshooting", quals=["hsm", "oct2026"], flags=[],
question="Context: crwheatear was encrypted months ago with a key in hsm-wheatear, and the HSM team now wants to switch on the HSM firewall. Question: could that break az acr import into crwheatear the way a vault firewall does?",
canonical=[T + "http-403-after-enabling-the-key-vault-firewall"],
related=[N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry", M + "managed-hsm-firewall-and-trusted-services"],
facts=["Container Registry reaches the key store as a trusted Azure service"],
answer_facts=["to a managed hsm alike"],
truth="""Yes: the documented 403 case covers a Managed HSM firewall just like a vault firewall, and once it is on, image import and automatic rotation can fail with HTTP 403 (ForbiddenByFirewall or similar). Have the HSM team allow trusted services first (az keyvault update-hsm --hsm-name hsm-wheatear --resource-group <rg> --bypass AzureServices); if errors already occurred, re-apply crwheatear's current key and identity with az acr encryption rotate-key, and open a support case if the 403s persist."""),
dict(key="A8", style="agent", form="keywords", kind="no", category="limits", quals=["iac"], flags=[],
question="enable docker content trust on a cmk registry from bicep, deployment blocked because the registry is encrypted, any way around it",
canonical=[L + "docker-content-trust-is-not-supported"],
related=[L + "docker-content-trust-is-being-retired-use-notation", T + "content-trust-cannot-be-enabled"],
facts=["DCT is removed on **2028-03-31**"],
answer_facts=["cannot be enabled on a registry"],
truth="""No: content trust cannot be enabled on a registry encrypted with a customer-managed key, and the failed deployment (BlockedForEncryptionEnabledRegistry) is the service enforcing exactly that. Drop the trust policy from the Bicep for that registry and sign images with Notation (Notary Project) instead; Docker Content Trust is being retired in ACR anyway, with removal on 2028-03-31."""),
dict(key="A9", style="agent", form="imperative", kind="why", category="network", quals=[], flags=[],
question="Explain why the firewall of kv-redpoll still lets us edit access policies from home while creating a key from the same laptop is refused",
canonical=[N + "the-vault-firewall-covers-the-data-plane-only"],
related=[N + "allow-your-own-clients-through-the-vault-firewall", N + "create-the-key-before-the-registry-when-the-vault-is-locked-down"],
facts=["These rules are for your clients."],
answer_facts=["do not pass through that filter"],
truth="""Because the vault firewall only filters calls to the vault's own endpoint (reading keys, wrapping and unwrapping, adding key versions), while access policies, role assignments and the network settings are changed through Azure Resource Manager, which that filter never sees. So settings can be corrected from any network, but creating a key in kv-redpoll needs an allowed address, for example a network rule for your IP, or a temporary opening."""),
dict(key="A10", style="agent", form="keywords", kind="undocumented", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="managed hsm for a cmk registry in azure government, which regions offer it and what key uri host suffix to use there",
canonical=[M + "limits-and-open-points-with-managed-hsm"],
related=[L + "managed-hsm-is-not-available-everywhere", M + "managed-hsm-key-uris"],
facts=["A Managed HSM is billed while it exists, including while soft-deleted."],
answer_facts=["confirm it for the registry's location first"],
truth="""Not documented: the ACR docs only say that Managed HSM is missing from some Azure clouds and regions and that the key URI's DNS suffix differs outside the global cloud (managedhsm.azure.net there); they name no regions and no suffix for Azure Government. Confirm availability for the registry's region before designing around it, and take the host from the HSM's hsmUri (az keyvault show --hsm-name) rather than typing it."""),
]

# ---------------- off-topic ----------------
OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind="off-topic", category=OFF, subject="gerrit", near_miss=True,
question="""Our Gerrit server hosts the repository that holds the registry's Terraform, and its replication plugin pushes every change to a mirror on a second site over SSH. The private key the plugin uses was generated when Gerrit was installed in 2019, and the new security baseline says it must be replaced this quarter. How do I switch the replication plugin to a new key without replication silently stopping for the changes merged in between?""",
truth="""Not covered: replacing the key of Gerrit's replication plugin is source-hosting administration; the knowledge only deals with the customer-managed key of an Azure container registry."""),
dict(key="X2", style="long", kind="off-topic", category=OFF, subject="weblate", near_miss=True,
question="""Weblate pushes translated strings into the repository whose pipeline builds the images we push to our container registry. It authenticates those pushes with its own key, which the previous maintainer created and nobody has looked at since. I want to give Weblate a fresh key, register it with the repository host and retire the old one, without translation commits piling up in the meantime. What is the right order of steps in Weblate?""",
truth="""Not covered: rotating the key Weblate pushes with belongs to the localization platform and your git host, not to ACR encryption with customer-managed keys."""),
dict(key="X3", style="long", kind="off-topic", category=OFF, subject="syslog-ng", near_miss=True,
question="""Our build machines, which push images to the container registry, forward their logs with syslog-ng over TLS to a central collector. The collector's private key and certificate expire next month, and the senders pin the collector's certificate authority. What is the safest way to put a fresh key and certificate on the collector so that no build host drops messages during the switch?""",
truth="""Not covered: renewing the TLS key of a syslog-ng collector is log-shipping administration; the registry CMK material does not address it."""),
dict(key="X4", style="long", kind="off-topic", category=OFF, subject="easy-rsa", near_miss=True,
question="""We run a small internal certificate authority with easy-rsa that issues the client certificates our build agents present to the proxy in front of the container registry. The CA's own key was created in 2018 with a short modulus and must be replaced. How do I build a new CA with easy-rsa and move the agents over to certificates from it without a day on which their pushes are refused?""",
truth="""Not covered: replacing the CA key of an easy-rsa setup is PKI housekeeping on your own hosts and is outside the Azure Container Registry customer-managed key topic."""),
dict(key="X5", style="long", kind="off-topic", category=OFF, subject="yggdrasil", near_miss=True,
question="""Our build agents in two labs reach the site that hosts the registry's proxy over a Yggdrasil mesh network. Each node keeps its private key in yggdrasil.conf, and one lab machine was stolen last week, so its key has to be considered leaked. How do I give the remaining nodes new keys and make sure the stolen machine can no longer join, without the agents losing their path to the registry site for long?""",
truth="""Not covered: re-keying Yggdrasil mesh nodes is mesh-network administration and has nothing to do with encrypting an Azure registry with a customer-managed key."""),
dict(key="X6", style="long", kind="off-topic", category=OFF, subject="audiobookshelf",
question="""We moved our Audiobookshelf server, which the platform team uses for audio training courses during on-call shifts, to a new VM last weekend. The libraries and the media files came across fine, but every user's listening progress and bookmarks are gone, and several people now get asked to log in again on their phones. What did we miss when moving the server, and can the progress still be brought back from the old machine?""",
truth="""Not covered: restoring listening progress after moving an Audiobookshelf server is media-server administration, unrelated to registry encryption with customer-managed keys."""),
dict(key="X7", style="agent", form="context", kind="off-topic", category=OFF, subject="flarum",
question="Context: our Flarum forum carries the platform team's change announcements, including registry maintenance windows. Question: how do we move it to a newer Flarum release without losing the extensions we rely on?",
truth="""Not covered: upgrading a Flarum forum and its extensions is community-software maintenance, not part of the ACR customer-managed key knowledge."""),
dict(key="X8", style="agent", form="imperative", kind="off-topic", category=OFF, subject="komga",
question="Describe how to make Komga pick up new comic files from a network share automatically instead of waiting for the nightly library scan",
truth="""Not covered: library scanning in Komga is comic-server configuration and lies outside Azure Container Registry encryption."""),
dict(key="X9", style="agent", form="keywords", kind="off-topic", category=OFF, subject="trilium",
question="trilium notes sync between the app on my laptop and our self-hosted server stopped after upgrading only the server",
truth="""Not covered: a sync failure between Trilium clients and its server is note-taking software troubleshooting, far from registry customer-managed keys."""),
dict(key="X10", style="short", kind="off-topic", category=OFF, subject="lemmy",
question="how do i move a lemmy instance to a new domain name?",
truth="""Not covered: changing the domain of a Lemmy instance is federated-forum administration and not something the ACR CMK documentation covers."""),
dict(key="X11", style="short", kind="off-topic", category=OFF, subject="grocy",
question="grocy barcode scanner adds every product twice after the update",
truth="""Not covered: duplicate products from a barcode scanner in Grocy are household-inventory app troubleshooting, unrelated to registry encryption."""),
dict(key="X12", style="short", kind="off-topic", category=OFF, subject="photoprism",
question="can photoprism recognise faces in photos it only has read access to?",
truth="""Not covered: face recognition in PhotoPrism on read-only photo folders is photo-library software configuration, outside the ACR customer-managed key topic."""),
]

QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"completly": "completely", "adress": "address", "wether": "whether"}
SHAPES = ["two_facts", "adr_record", "learn_page_copy", "arrow_annotations", "redacted_paste", "graph_sp_object"]
SEED = 65
ID_PREFIX = "ac"

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
SPREAD_SETS = (64, 63)
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
    """(blind65.json text, blind65-meta.json text, blind65-first-canonicals.txt text)"""
    entries, meta = build()
    j = json.dumps(entries, indent=1, ensure_ascii=False) + "\n"
    m = json.dumps(meta, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    f = "\n".join(firsts) + "\n"
    return j, m, f


def main(out=HERE):
    j, m, f = render()
    for name, text in (("blind65.json", j), ("blind65-meta.json", m), ("blind65-first-canonicals.txt", f)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
