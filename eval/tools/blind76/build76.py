"""blind76 builder: holds the 60 questions (QUESTIONS) and writes blind76.json, blind76-meta.json and
blind76-first-canonicals.txt. render() returns the three files' exact text (check76.py compares it byte for byte)."""
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
# ---- az_yaml_output ----
dict(key="P1", style="long", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=["az_yaml_output"],
question=r"""Before we ask the platform team to create crlarch, I looked at the candidate key in our Managed HSM:

```text
$ az keyvault key show --hsm-name hsm-larch --name kek-larch -o yaml
attributes:
  enabled: true
  exportable: false
key:
  keyOps:
  - sign
  - verify
  kid: https://hsm-larch.managedhsm.azure.net/keys/kek-larch/3b7e0c95d1a24f68
  kty: RSA-HSM
  n: 0vx7agoebGcQSuu
tags:
  purpose: signing-trial
```

The security team imported this key last spring for a code signing trial and then parked it, so nobody minds reusing it. Which key operations must kek-larch permit before the registry can encrypt with it, and is RSA-HSM an acceptable type for an HSM key?""",
canonical=[M + "requirements-for-a-managed-hsm-key-store"],
related=[T + "managed-hsm-key-has-the-wrong-type-or-operations", M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli"],
facts=["The key is an RSA-HSM key whose permitted operations include `wrapKey` and `unwrapKey`."],
answer_facts=["permitted operations include `wrapKey` and `unwrapKey`"],
truth="""The key has to allow wrapKey and unwrapKey. RSA-HSM is exactly the type a Managed HSM key store needs, but kek-larch permits only sign and verify, so the registry could not wrap or unwrap with it and creating crlarch would fail even with the identity's role in place. Add a new version of kek-larch that permits both operations (az keyvault key create --hsm-name hsm-larch --name kek-larch --kty RSA-HSM --ops wrapKey unwrapKey); a role already granted at the key's scope covers the new version. If you would rather keep the signing key apart, create or import a separate RSA-HSM key with those operations and grant the registry identity Managed HSM Crypto Service Encryption User on that key instead."""),

dict(key="P2", style="long", kind="value", category="rotation", quals=["hsm", "oct2026"], flags=["az_yaml_output"],
question=r"""Our auditors want the KEK behind crhazel replaced every fortnight. kek-hazel is in our Managed HSM and crhazel was created with the versionless URI, so it already follows new versions by itself. The current policy and my attempt to tighten it:

```text
$ az keyvault key rotation-policy show --hsm-name hsm-hazel --name kek-hazel -o yaml
attributes:
  expiryTime: P1Y
lifetimeActions:
- action: Rotate
  timeAfterCreate: P30D
$ az keyvault key rotation-policy update --value @fortnight.json --hsm-name hsm-hazel --name kek-hazel
(BadParameter) The rotation interval in the policy is shorter than allowed.
```

fortnight.json is the same policy with P14D. What is the shortest interval a rotation policy on a Managed HSM key accepts? And is there another limit we would run into if we keep rotating that often for years?""",
canonical=[K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy"],
related=[K + "create-a-new-version-in-a-managed-hsm", M + "rotate-a-managed-hsm-key"],
facts=["a key can have at most 100 versions"],
answer_facts=["more often than every **28 days**"],
truth="""A rotation policy on a Managed HSM key may not rotate more often than every 28 days, so the 14-day value is rejected; the 7-day minimum you may have read about applies to key vaults, not to an HSM. Keep P30D, or shorten it to P28D but no further. Two more Managed HSM limits matter here: one key can hold at most 100 versions, which a 28-day cadence uses up after roughly seven and a half years, and on-demand rotation only works once a rotation policy exists. Nothing changes on the registry side: with its versionless URI crhazel switches to each new version of kek-hazel within an hour, and a local role scoped to the key already covers every version."""),

dict(key="P3", style="long", kind="why", category="identity", quals=[], flags=["az_yaml_output"],
question=r"""While auditing our encrypted registries I dumped crtarragon and got confused by the GUIDs:

```text
$ az acr show -n crtarragon -o yaml
encryption:
  keyVaultProperties:
    identity: 0b7d4e19-58a2-4c6f-b3d1-7e2a9c5f6d40
    keyIdentifier: https://kv-tarragon.vault.azure.net/keys/kek-tarragon
  status: enabled
identity:
  type: UserAssigned
  userAssignedIdentities:
    /subscriptions/6a1f.../resourcegroups/rg-tarragon/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-tarragon:
      clientId: 0b7d4e19-58a2-4c6f-b3d1-7e2a9c5f6d40
      principalId: 6c0e2f7a-1b93-4d58-a2e6-9f4b7c1d3e08
```

The role on kv-tarragon was granted to 6c0e2f7a-..., the principal ID, and pulls work fine. Why does the encryption section carry the other GUID and not the one that holds the role? Is one of the two misconfigured?""",
canonical=[I + "which-identity-value-goes-where"],
related=[I + "create-the-user-assigned-identity-and-capture-its-ids", C + "arm-template-json-propertiesencryption-and-keyvaultproperties"],
facts=["Key access (vault access policies, Azure role assignments and Managed HSM local role assignments) always uses the **principal ID**."],
answer_facts=["encryption settings always store the **client ID**"],
truth="""Both values belong to the same user-assigned identity, id-tarragon, and each is used where it is meant to be. Grants on the key store, whether a Key Vault role, an access policy or a Managed HSM local role, always name the identity's principal (object) ID, which is why the role on kv-tarragon sits on 6c0e2f7a-1b93-4d58-a2e6-9f4b7c1d3e08. The registry's encryption settings, on the other hand, record which identity to use by its client ID, here 0b7d4e19-58a2-4c6f-b3d1-7e2a9c5f6d40, or the word system for the system-assigned identity. So nothing is misconfigured; the same split shows up in templates, where keyVaultProperties.identity must be the client ID and the role assignment gets the principal ID."""),

dict(key="P4", style="long", kind="no", category="keys", quals=[], flags=["az_yaml_output"],
question=r"""Our PKI group generated the key for the new crthistle registry as an elliptic-curve key, because that is their default for everything:

```text
$ az keyvault key show -o yaml --vault-name kv-thistle --name kek-thistle
key:
  crv: P-384
  keyOps:
  - sign
  - verify
  kid: https://kv-thistle.vault.azure.net/keys/kek-thistle/5f2c8d1e7a9b4c30b6e1d2f4a8c7e953
  kty: EC
managed: null
```

They argue P-384 is stronger than RSA 3072 in any case. If we pass this key to az acr create together with a user-assigned identity that already holds the right vault role, will the registry take it?""",
canonical=[O + "which-key-types-and-sizes-are-supported"],
related=[T + "elliptic-curve-key-rejected", O + "rsa-hsm-keys-need-a-premium-key-vault"],
facts=["Supported key types: **RSA** and **RSA-HSM**."],
answer_facts=["Not supported: elliptic-curve keys"],
truth="""No: registry encryption works only with RSA or RSA-HSM keys, and elliptic-curve keys are not supported on any curve, P-384 included, however the identity's access is set up. Create an RSA key for crthistle instead, for example az keyvault key create --vault-name kv-thistle --name kek-thistle-rsa --kty RSA --size 3072; ACR itself prescribes no key size, and Key Vault lets you pick 2048, 3072 or 4096 bits. If the PKI policy demands hardware protection, RSA-HSM also works, but in a vault it requires the Premium tier."""),

dict(key="P5", style="long", kind="howto", category="recovery", quals=[], flags=["az_yaml_output"],
question=r"""Yesterday a clean-up script ran against the wrong vault and deleted kek-osier, the key crosier is encrypted with. Since then every pull from crosier fails. This is what the vault lists now:

```text
$ az keyvault key list-deleted -o yaml --vault-name kv-osier
- attributes:
    enabled: true
    recoveryLevel: Recoverable
  deletedDate: '2026-12-02T09:14:51+00:00'
  kid: https://kv-osier.vault.azure.net/keys/kek-osier
  name: kek-osier
  recoveryId: https://kv-osier.vault.azure.net/deletedkeys/kek-osier
  scheduledPurgeDate: '2027-03-02T09:14:51+00:00'
```

Purge protection is on and the retention is 90 days. How do I get the key back, and do I have to redo the identity's access policy or touch the registry afterwards?""",
canonical=[V + "recover-a-deleted-key"],
related=[T + "key-vault-or-key-was-deleted", V + "how-purge-protection-protects-the-registry"],
facts=["The identity's access policy or role assignment on the vault is unaffected by deleting and recovering a key."],
answer_facts=["registry operations resume"],
truth="""Recover the soft-deleted key: it can be brought back until its scheduled purge date, and purge protection stops anyone from purging it before then. Run az keyvault key recover --vault-name kv-osier --name kek-osier, confirm with az keyvault key show that kek-osier is back and enabled, and retry a pull; crosier resumes as soon as the key is available again. Deleting and recovering a key leaves the identity's access policy on the vault as it was, and nothing needs to be run against the registry. Only a deleted vault (not a deleted key) would call for extra work, and only on an RBAC vault, whose role assignments are not restored by a recovery."""),

# ---- azure_pipelines_yaml ----
dict(key="D1", style="long", kind="troubleshoot", category="identity", quals=["iac"], flags=["azure_pipelines_yaml"],
question=r"""Our release pipeline deploys kv-aspen with Bicep and then grants the registry identity its role before craspen is created. The grant step broke after we copied the command from our HSM runbook:

```yaml
variables:
  vaultRole: Key Vault Crypto Service Encryption User
steps:
- task: AzureCLI@2
  displayName: 'Grant vault role to id-aspen'
  inputs:
    azureSubscription: sc-platform-prod
    scriptType: bash
    scriptLocation: inlineScript
    inlineScript: |
      az role assignment create --scope "$(kvAspenId)" --role "$(vaultRole)" --assignee-principal-type MSI --assignee-object-id "$(idAspenPrincipal)"
```

The job log ends by listing the principal types the command allows, and MSI is not among them. kv-aspen uses RBAC, and the HSM stage of another pipeline takes MSI without complaint. What should the principal type be here, and is passing the object ID the right way for a managed identity?""",
canonical=[A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities"],
related=[T + "role-assignment-rejects-the-principal-type-or-the-assignee", A + "grant-access-with-an-azure-rbac-role"],
facts=["`MSI` is the value of a different command"],
answer_facts=["A managed identity counts as `ServicePrincipal` there"],
truth="""In the 'Grant vault role to id-aspen' step, pass ServicePrincipal: the principal types of az role assignment create are ServicePrincipal, User, Group and ForeignGroup, and for that command a managed identity falls under ServicePrincipal. MSI belongs to az keyvault role assignment create, the command for a Managed HSM's local roles, which is why your HSM stage accepts it. Keeping --assignee-object-id with the identity's principal ID is the right choice: it skips the Microsoft Graph lookup that --assignee would make, so it works without Graph permissions and while a new identity is still replicating. The CLI stopped before sending anything, so there is nothing to clean up; fix the value and rerun before the registry is created."""),

dict(key="D2", style="long", kind="howto", category="rotation", quals=[], flags=["azure_pipelines_yaml", "two_facts"],
question=r"""Every Sunday night a scheduled pipeline gives the registry key a new version and then points crbirch at it:

```yaml
steps:
- task: AzureCLI@2
  displayName: Roll kek-birch
  inputs:
    azureSubscription: sc-keys
    scriptType: bash
    scriptLocation: inlineScript
    inlineScript: |
      az keyvault key rotate --vault-name kv-birch --name kek-birch -o none
      NEWKID=$(az keyvault key show --vault-name kv-birch --name kek-birch -o json | jq -r .key.kid)
      az acr encryption rotate-key -n crbirch --key-encryption-key "$NEWKID" --identity "$(idBirchClientId)"
```

When the job dies between the two commands, crbirch stays on the previous version until somebody notices and reruns it. Can we drop the registry command from the job and still have crbirch pick up each new version? How do we switch it over once?""",
canonical=[K + "switch-from-manual-to-automatic-rotation", K + "automatic-rotation-with-a-versionless-key-id"],
related=[K + "check-which-key-version-the-registry-uses", K + "rotate-immediately-with-az-keyvault-key-rotate"],
facts=["Automatic rotation only means the registry **follows** new versions."],
answer_facts=["detects new versions by itself", "within **one hour** of it appearing"],
truth="""Move crbirch once to the versionless key ID and then delete the rotate-key line from the 'Roll kek-birch' step. The one-off switch is az acr encryption rotate-key -n crbirch --key-encryption-key https://kv-birch.vault.azure.net/keys/kek-birch, which is NEWKID without its last path segment; leave out --identity to keep the current identity. After that keyRotationEnabled reads true and crbirch starts using every new version of kek-birch by itself, at the latest an hour after the version appears, so the job only has to create versions (a rotation policy on the key could replace the schedule entirely). After the next run, compare versionedKeyIdentifier in az acr encryption show with the newest version to see that it moved."""),

dict(key="D3", style="long", kind="troubleshoot", category="network", quals=[], flags=["azure_pipelines_yaml"],
question=r"""Last week networking switched kv-rowan to deny by default, with the exception for trusted Microsoft services turned on. crrowan is fine, pulls work. But our monthly key job on a Microsoft-hosted agent now fails:

```yaml
pool:
  vmImage: ubuntu-latest
steps:
- task: AzureCLI@2
  displayName: New version of kek-rowan
  inputs:
    azureSubscription: sc-rowan
    scriptType: bash
    scriptLocation: inlineScript
    inlineScript: |
      az keyvault key create --vault-name kv-rowan --name kek-rowan --kty RSA --size 3072
```

```text
ERROR: (Forbidden) The request from 52.151.30.8 was rejected by the vault's network rules.
Code: Forbidden
Inner error: {"code": "ForbiddenByFirewall"}
```

Why does the vault let the registry through but not our job, and what is the cleanest way to get the job running again without opening kv-rowan to everybody?""",
canonical=[N + "allow-your-own-clients-through-the-vault-firewall"],
related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", N + "the-vault-firewall-covers-the-data-plane-only"],
facts=["Add IP ranges or subnets as network rules"],
answer_facts=["gets through via the trusted-services bypass"],
truth="""The exception for trusted services covers Azure services such as Container Registry, not your build agent, so the 'New version of kek-rowan' step is now an ordinary client that the data-plane firewall turns away. Give your own clients a way in rather than loosening the default action: add a network rule for an address range or a subnet the job runs from, with az keyvault network-rule add --name kv-rowan --ip-address <range>, or --vnet-name and --subnet for a subnet that has the Microsoft.KeyVault service endpoint. Microsoft-hosted agents do not come from an address you control, so in practice that means running this step on a self-hosted agent whose address or subnet you can allow. Keep the AzureServices bypass and the Deny default; crrowan reaches its key through the bypass, not through any IP rule."""),

dict(key="D4", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["azure_pipelines_yaml"],
question=r"""The pipeline for crjuniper has three stages. The last one runs under our service connection and should give the registry identity its role on the HSM key:

```yaml
variables:
  hsmRole: Managed HSM Crypto Service Encryption User
steps:
- task: AzureCLI@2
  displayName: Local role for id-juniper on kek-juniper
  inputs:
    azureSubscription: sc-juniper-deploy
    scriptType: bash
    scriptLocation: inlineScript
    inlineScript: |
      az keyvault role assignment create --scope /keys/kek-juniper --role "$(hsmRole)" --hsm-name hsm-juniper --assignee-principal-type MSI --assignee-object-id "$(idJuniperPrincipal)"
```

The service connection holds Managed HSM Crypto User, which was enough for the earlier stage that creates kek-juniper, but this stage ends in a Forbidden error. Which local role does the pipeline's own principal need in the Managed HSM to grant the registry identity that access?""",
canonical=[M + "local-rbac-roles-for-acr-encryption"],
related=[A + "your-own-permissions-to-create-keys-in-an-rbac-vault", M + "requirements-for-a-managed-hsm-key-store"],
facts=["Key management and cryptographic operations; it cannot recover or purge deleted keys"],
answer_facts=["can write role assignments"],
truth="""Creating a local role assignment needs one of the three built-in roles that may write assignments in a Managed HSM: Managed HSM Administrator, Managed HSM Crypto Officer or Managed HSM Policy Administrator. Managed HSM Crypto User covers creating and rotating keys, which is why the earlier stage works, but it cannot hand out roles. So either have an HSM administrator give the service connection one of those three roles, or let someone who already holds one run the 'Local role for id-juniper on kek-juniper' step. The registry identity itself still gets nothing more than Managed HSM Crypto Service Encryption User at /keys/kek-juniper, and that assignment has to exist before crjuniper is created, because ACR never makes it."""),

dict(key="D5", style="long", kind="yes", category="setup", quals=["iac"], flags=["azure_pipelines_yaml"],
question=r"""Networking wants kv-willow reachable only through its private endpoint from day one, so we are replacing an old Bicep deployment with this pipeline for crwillow:

```yaml
variables:
  encRole: Key Vault Crypto Service Encryption User
steps:
- task: AzureCLI@2
  displayName: Vault and key
  inputs:
    azureSubscription: sc-willow
    scriptType: bash
    scriptLocation: inlineScript
    inlineScript: |
      az keyvault create -g rg-willow -n kv-willow --enable-purge-protection --enable-rbac-authorization true
      az keyvault key create --vault-name kv-willow -n kek-willow --kty RSA --size 4096
- task: AzureCLI@2
  displayName: Grant, lock, create registry
  inputs:
    azureSubscription: sc-willow
    scriptType: bash
    scriptLocation: inlineScript
    inlineScript: |
      az role assignment create --role "$(encRole)" --scope "$(kvWillowId)" --assignee-principal-type ServicePrincipal --assignee-object-id "$(idWillowPrincipal)"
      az keyvault update -n kv-willow --bypass AzureServices --default-action Deny
      az acr create -g rg-willow -n crwillow --sku Premium --identity "$(idWillowId)" --key-encryption-key https://kv-willow.vault.azure.net/keys/kek-willow
```

Is this order sound, creating the key while the vault is still open and locking it before the registry exists?""",
canonical=[N + "create-the-key-before-the-registry-when-the-vault-is-locked-down"],
related=[S + "create-the-key-before-the-registry-for-restricted-vaults", N + "allow-trusted-services-and-deny-other-traffic"],
facts=["Turn on the trusted-services bypass and set the default action to `Deny`."],
answer_facts=["create the key before creating the registry"],
truth="""Yes: for a vault that will only be reachable through selected networks or a private endpoint, the key should exist before the registry, and your order matches the documented one: vault and key while the agent can still reach the data plane, then the identity's grant, then the trusted-services bypass with a Deny default, and the registry last. crwillow will reach kek-willow through that bypass, so the private endpoint does not stand in its way. On an RBAC vault, creating kek-willow additionally requires that the service connection hold a key-creating data-plane role (Key Vault Crypto Officer, for example). Two cautions for the 'Grant, lock, create registry' step: a fresh role assignment can take a few minutes before az acr create can use it, so allow a retry, and once the vault is locked your agent can no longer create key versions unless its network is allowed."""),

# ---- react_trace ----
dict(key="X1", style="long", kind="troubleshoot", category="troubleshooting", quals=[], flags=["react_trace"],
question=r"""I'm an operations agent working a ticket that says: remove the unused identity id-hornbeam-old from crhornbeam. My trace so far:

```text
Thought: Check which identity encryption uses before changing anything.
Action: run_az
Action Input: acr encryption show -n crhornbeam
Observation: {"status": "enabled", "keyVaultProperties": {"identity": "3a91c0d4-7e25-4b68-9f13-c2d8e6a0b547", "keyIdentifier": "https://kv-hornbeam.vault.azure.net/keys/kek-hornbeam"}}
Thought: The ticket says the identity is unused, so remove it.
Action: run_az
Action Input: acr identity remove -n crhornbeam --identities id-hornbeam-old
Observation: ERROR: Azure resource '/subscriptions/.../registries/crhornbeam' does not have access to identity '3a91c0d4-7e25-4b68-9f13-c2d8e6a0b547' Try forcibly adding the identity [output cut by the tool after 200 characters]
```

The client ID in both observations belongs to id-hornbeam-old. What should my next actions be to close the ticket without breaking pulls from crhornbeam?""",
canonical=[T + "removing-the-encryption-identity-fails"],
related=[I + "the-encryption-identity-cannot-simply-be-removed", I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
facts=["Attach the identity to the registry again so encryption keeps working."],
answer_facts=["removed after encryption has been moved"],
truth="""The identity the ticket calls unused is the one encryption depends on: keyVaultProperties.identity holds its client ID, so the service refuses to detach it. First make sure id-hornbeam-old stays attached (re-run az acr identity assign -n crhornbeam with its resource ID if the failed attempt left anything half done). Then prepare a successor, either crhornbeam's own system-assigned identity or a second user-assigned one, give it get, wrapKey and unwrapKey or Key Vault Crypto Service Encryption User on kv-hornbeam, and move encryption to it with az acr encryption rotate-key -n crhornbeam, keeping the key URI and passing --identity '[system]' or the new identity's resource ID. Only when az acr encryption show no longer reports the old client ID should the removal be retried. Do not leave the attempt half finished: it can make the identity inactive, and pulls then start failing months later."""),

dict(key="X2", style="long", kind="troubleshoot", category="recovery", quals=["hsm", "oct2026"], flags=["react_trace", "two_facts"],
question=r"""Agent run for an incident drill: revoke crpine's access to kek-pine in hsm-pine, confirm that pulls fail, then restore. The revoke step had no effect:

```text
Thought: Delete the local role assignment that lets the identity use kek-pine.
Action: hsm_cli
Action Input: keyvault role assignment delete --hsm-name hsm-pine --scope /keys/kek-pine --assignee-object-id 8d2f6b1c-0e47-4a93-b5d8-1c7e9a3f2b60 --role "Managed HSM Crypto Service Encryption User"
Observation: (no output, exit code 0)
Thought: Wait ten minutes, then test a pull.
Action: registry_pull
Action Input: crpine.azurecr.io/drill/echo-server:1.4
Observation: pull finished, 3 layers, digest sha256:4be1c07d
Thought: List every assignment of the identity, with no scope filter.
Action: hsm_cli
Action Input: keyvault role assignment list --hsm-name hsm-pine --assignee-object-id 8d2f6b1c-0e47-4a93-b5d8-1c7e9a3f2b60
Observation: [{"roleName": "Managed HSM Crypto Service Encryption User", "scope": "/"}]
```

Why does crpine still pull after the revocation in the HSM, and what exactly should the next action be so the drill really locks it out?""",
canonical=[V + "revoke-access-to-a-key-in-a-managed-hsm", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
related=[M + "revoke-access-to-a-managed-hsm-key", V + "what-revocation-does-to-the-registry"],
facts=["A delete scoped to `/keys/<key-name>` does not touch an assignment made at `/keys` or at `/`."],
answer_facts=["the same scope where it was created", "keeps granting access after the key-scoped one"],
truth="""The last observation shows the identity holding Managed HSM Crypto Service Encryption User at scope / (roleName and scope in the list), that is for the whole HSM, and a delete limited to /keys/kek-pine never touches that assignment, so crpine kept its access. For the drill, delete the role where it really sits: the same delete command with --scope / instead of the key path, then list again and make sure no other local role that allows wrap and unwrap, such as Managed HSM Crypto User, is left. When the last grant is gone, all of crpine's data is blocked, which is the point of the exercise. To restore, re-create the assignment, preferably only at /keys/kek-pine this time, and give the local RBAC change several minutes before testing."""),

dict(key="X3", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["react_trace"],
question=r"""My provisioning agent created hsm-spruce for the new registry crspruce and then got stuck:

```text
Thought: Create the registry key in the new HSM.
Action: run_az
Action Input: keyvault key create --hsm-name hsm-spruce --name kek-spruce --kty RSA-HSM --ops wrapKey unwrapKey
Observation: ERROR: (Forbidden) Operation is not allowed while the HSM is not activated.
Thought: Look at the state of the HSM.
Action: run_az
Action Input: keyvault show --hsm-name hsm-spruce
Observation: {"provisioningState": "Succeeded", "securityDomainProperties": {"activationStatus": "NotActivated", "activationStatusMessage": "Security domain not downloaded."}}
```

The agent runs as a pipeline principal that was not named as an initial administrator. What has to happen to the HSM before the agent can create kek-spruce and grant the registry identity its role there, and who has to do it?""",
canonical=[M + "provision-and-activate-the-managed-hsm"],
related=[M + "requirements-for-a-managed-hsm-key-store", T + "managed-hsm-is-not-activated"],
facts=["A new Managed HSM accepts no data-plane requests until it has been activated"],
answer_facts=["Only an initial administrator can do this"],
truth="""hsm-spruce is provisioned but its activationStatus still reads NotActivated, and until a Managed HSM is activated it refuses every data-plane request: no key can be created or imported, no local role can be assigned, and no registry could use a key from it. Activation happens when one of the initial administrators named at provisioning downloads the HSM's security domain, supplying at least three (at most ten) RSA public keys and a quorum, for example az keyvault security-domain download --hsm-name hsm-spruce with three certificate files for --sd-wrapping-keys, --sd-quorum 2 and a --security-domain-file. Keep that file and the matching private keys safe; disaster recovery depends on them. Once the status reads Active, let the agent create kek-spruce (its principal needs a local role that can create keys, Managed HSM Crypto User for instance), assign Managed HSM Crypto Service Encryption User to the registry identity at /keys/kek-spruce, and only then create crspruce."""),

dict(key="X4", style="long", kind="value", category="limits", quals=[], flags=["react_trace"],
question=r"""Support agent trace from this morning (Saturday). A developer wants the log of Thursday night's failed run of crmaple's nightly task:

```text
Thought: Find Thursday's failed run.
Action: run_az
Action Input: acr task list-runs -r crmaple --top 5 -o table
Observation: run cf1a9 of task crmaple-nightly, status Failed, started 2026-12-03T23:00:12Z
Thought: Fetch its log.
Action: run_az
Action Input: acr task logs -r crmaple --run-id cf1a9
Observation: (empty output)
Thought: crmaple is encrypted with a customer-managed key; find out whether that matters.
```

For how long does a registry like crmaple keep task run logs, and can any setting extend that?""",
canonical=[T + "task-run-logs-disappear-after-24-hours"],
related=[L + "acr-tasks-run-logs-are-kept-for-only-24-hours", L + "export-task-run-logs-before-they-expire"],
facts=["Logs that have already aged out cannot be retrieved"],
answer_facts=["keeps run logs for only 24 hours"],
truth="""With a customer-managed key on the registry, ACR Tasks holds on to run logs for just 24 hours, so the log of run cf1a9 of crmaple-nightly had expired well before Saturday morning. It cannot be fetched any more, and there is no setting that stretches the retention on a CMK registry. The workaround is to copy every log out within a day, for example by letting the pipeline or schedule that starts crmaple-nightly save the output of az acr task logs --registry crmaple --run-id <run> to a file or a storage account right after each run."""),

dict(key="X5", style="long", kind="undocumented", category="recovery", quals=[], flags=["react_trace"],
question=r"""I am a remediation agent. Security asked for a quick way to lock crtupelo out of its key during an incident without deleting anything, and my plan is to disable the key version it uses:

```text
Thought: Find the key version crtupelo is using right now.
Action: run_az
Action Input: acr encryption show -n crtupelo -o json
Observation: {"keyIdentifier": "https://kv-tupelo.vault.azure.net/keys/kek-tupelo", "versionedKeyIdentifier": "https://kv-tupelo.vault.azure.net/keys/kek-tupelo/0c4e9a7b2d1f4e6a8b3c5d7e9f1a2b4c", "keyRotationEnabled": true}
Thought: Next I would run keyvault key set-attributes with enabled set to false on that version.
```

Before I run it: what do the ACR docs say happens to a registry when its key version is disabled in Key Vault, and is that one of the documented ways to revoke?""",
canonical=[V + "disabling-the-key-instead-a-key-vault-option-not-in-the-acr-docs"],
related=[T + "key-is-disabled-or-expired", V + "revoking-and-restoring-access-to-the-customer-managed-key"],
facts=["Key Vault refuses every cryptographic operation on a disabled key version"],
answer_facts=["effect on a registry is not documented"],
truth="""Not documented: the ACR articles describe two ways to revoke, taking the identity's access to the key away or deleting the key, and they say nothing about a disabled key. Key Vault refuses all cryptographic operations with a disabled version, so expect crtupelo to be blocked much as by a revocation, but the registry's behaviour is not described, so try it on a test registry before relying on it in an incident. The version to disable would be the one in versionedKeyIdentifier, and re-enabling it reverses the change. If you need a documented route, remove the identity's role assignment or access policy on kv-tupelo and restore it afterwards; the registry picks the key up again once access is back."""),

# ---- http_request_file (long) ----
dict(key="H1", style="long", kind="no", category="limits", quals=["iac"], flags=["http_request_file"],
question=r"""We run an existing Premium registry, crfennel, that was created without a key of our own. A colleague found the encryption properties in the ARM reference and wants to patch them in from his REST client file:

```http
PATCH https://management.azure.com/subscriptions/2f7c1e9a-4b3d-4c8e-9a6f-1d2e3b4c5a6d/resourceGroups/rg-fennel/providers/Microsoft.ContainerRegistry/registries/crfennel?api-version=2025-04-01 HTTP/1.1
Content-Type: application/json

{
  "identity": {"type": "UserAssigned", "userAssignedIdentities": {"/subscriptions/2f7c1e9a-4b3d-4c8e-9a6f-1d2e3b4c5a6d/resourceGroups/rg-fennel/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-fennel": {}}},
  "properties": {"encryption": {"status": "enabled", "keyVaultProperties": {"identity": "71c3d9e2-5a84-4f06-b1c7-e3d5f8a2c946", "keyIdentifier": "https://kv-fennel.vault.azure.net/keys/kek-fennel"}}}
}
```

id-fennel was given its vault role last week. Will crfennel end up encrypted with our key if we send this through ARM?""",
canonical=[O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
related=[O + "moving-an-existing-registry-to-cmk", C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep"],
facts=["`az acr update` has no `--identity` or `--key-encryption-key` option."],
answer_facts=["no way to turn it on afterwards"],
truth="""No: a customer-managed key can only be set while a registry is being created, and an existing registry, Premium or not, cannot be converted later, whether through the CLI (az acr update has no key options), a template or a direct PATCH with keyVaultProperties like this one; the docs do not say which error the service returns. To get crfennel's content under your key, create a new Premium registry with the identity and keyIdentifier in its create request, copy the images over with az acr import, move clients and pipelines to the new login server, and retire crfennel once everything is across."""),

dict(key="H2", style="long", kind="troubleshoot", category="iac", quals=["iac"], flags=["http_request_file", "two_facts"],
question=r"""Our deployment tool creates registries with plain ARM calls instead of templates. For crnettle the PUT fails, saying the registry cannot use the key:

```http
PUT https://management.azure.com/subscriptions/9c4a2e71-0d3b-4f86-a5c7-e1b2d3f4a5b6/resourceGroups/rg-nettle/providers/Microsoft.ContainerRegistry/registries/crnettle?api-version=2025-04-01 HTTP/1.1
Content-Type: application/json

{
  "location": "westeurope",
  "sku": {"name": "Premium"},
  "identity": {"type": "UserAssigned", "userAssignedIdentities": {"/subscriptions/9c4a2e71-0d3b-4f86-a5c7-e1b2d3f4a5b6/resourceGroups/rg-nettle/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-nettle": {}}},
  "properties": {"encryption": {"status": "enabled", "keyVaultProperties": {"identity": "e4a7c2b9-3d61-48f0-a5e2-9b8c1d7f3a06", "keyIdentifier": "https://kv-nettle.vault.azure.net/keys/kek-nettle"}}}
}
```

The GUID under keyVaultProperties.identity is the principalId of id-nettle, the same GUID our grant on kv-nettle was made to. Which ID of id-nettle should that field hold in an ARM request?""",
canonical=[C + "customer-managed-keys-in-terraform-bicep-and-arm-templates", C + "arm-template-json-propertiesencryption-and-keyvaultproperties"],
related=[S + "set-up-cmk-with-an-arm-template", I + "which-identity-value-goes-where"],
facts=["`properties.encryption.keyVaultProperties.identity` is the identity's **client ID**."],
answer_facts=["the identity's **client ID**", "not principal ID, not resource ID"],
truth="""keyVaultProperties.identity takes the identity's client ID, neither its principal ID nor its resource ID. The principal ID is what grants are made to, so the role on kv-nettle is correct as it stands, but in the request body it names no identity the registry can use, and the create fails. Read the clientId of id-nettle (az identity show -n id-nettle -g rg-nettle prints it) and put that GUID in keyVaultProperties; keep the resource ID as the key under userAssignedIdentities and leave keyIdentifier as it is. A template would get the same value with reference() on the identity's resource ID and .clientId."""),

dict(key="H3", style="long", kind="no", category="hsm", quals=["hsm", "oct2026", "iac"], flags=["http_request_file"],
question=r"""crsage is a CMK registry on a vault key today, and we want it on our Managed HSM hsm-sage instead. The identity already holds the Managed HSM role for the whole HSM, so I copied hsmUri from az keyvault show and sent this through ARM:

```http
PATCH https://management.azure.com/subscriptions/5d8e2a1c-7f93-4b06-8c4d-2e1f9a7b3c50/resourceGroups/rg-sage/providers/Microsoft.ContainerRegistry/registries/crsage?api-version=2025-04-01 HTTP/1.1
Content-Type: application/json

{"properties": {"encryption": {"keyVaultProperties": {"keyIdentifier": "https://hsm-sage.managedhsm.azure.net/"}}}}
```

The HSM holds exactly one RSA-HSM key, so I assumed the registry would find it on its own. Will the registry accept the HSM's own URI as the key identifier?""",
canonical=[M + "managed-hsm-key-uris"],
related=[T + "managed-hsm-uri-is-not-a-key-uri", K + "manual-rotation-with-az-acr-encryption-rotate-key"],
facts=["The URI must use HTTPS and must point at a **key**."],
answer_facts=["the bare HSM URI without `/keys/<key-name>`"],
truth="""No: keyIdentifier must be the HTTPS URI of a key, https://hsm-sage.managedhsm.azure.net/keys/<key-name>, with or without a version, and the bare HSM URI without the /keys/<key-name> part is not accepted; the registry does not go looking for a key by itself. Read the key ID from the HSM (az keyvault key show --hsm-name hsm-sage --name <key> returns the versioned kid; cut the last segment if crsage should rotate automatically) and send that in keyVaultProperties. Since the October 2026 revision the tutorials also expect the key to allow wrapKey and unwrapKey, and they suggest narrowing the identity's local role to /keys/<key-name>; whatever its scope, the role must be in effect before the change is sent."""),

# ---- issue_form ----
dict(key="F1", style="long", kind="troubleshoot", category="network", quals=[], flags=["issue_form", "two_facts"],
question=r"""This arrived on our platform board this morning:

### Registry

crholly

### Key vault

kv-holly

### What changed recently

Networking put kv-holly behind its firewall on Monday: default action Deny, only the office range allowed.

### What happened

Every image import into crholly has failed since Monday.

### Relevant log output

```text
$ az acr import -n crholly --source crsource01.azurecr.io/holly/label-printer:2.3.1 --image holly/label-printer:2.3.1
ERROR: (Forbidden) The operation failed with status Forbidden. ForbiddenByFirewall
```

### Workaround tried

_No response_

What is the fix for this ticket, in the right order?""",
canonical=[N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry", T + "http-403-after-enabling-the-key-vault-firewall"],
related=[N + "allow-trusted-services-and-deny-other-traffic"],
facts=["If the 403 persists, open an Azure support case."],
answer_facts=["same identity and key it already uses", "as a trusted Azure service"],
truth="""The new firewall on kv-holly shuts out crholly itself: Container Registry comes in through the exception for trusted Azure services, and that exception is off. First open the path for ACR: az keyvault update --name kv-holly --bypass AzureServices, leaving the Deny default and the office rule in place. Then apply crholly's current configuration again with az acr encryption rotate-key -n crholly, passing the keyIdentifier and the identity client ID that az acr encryption show reports (or '[system]' if it reports system), so the registry re-establishes access to the key. If imports still fail with 403 after that, open an Azure support case. If crholly follows new key versions automatically, that was blocked by the same firewall, so look at lastKeyRotationTimestamp as well."""),

dict(key="F2", style="long", kind="undocumented", category="limits", quals=["hsm", "oct2026"], flags=["issue_form"],
question=r"""Feature request from the payments team, filed through our registry request form:

### Registry name

crmyrtle01

### Replica regions

westeurope, northeurope, swedencentral

### Key store

Managed HSM hsm-myrtle in westeurope

### Requirements

Images stay encrypted with our own key in every region, and an outage in one region must not take the registry down.

### Architecture review

_No response_

Before we sign it off: what guidance do the ACR docs give on recovering a geo-replicated registry whose key lives in a Managed HSM?""",
canonical=[L + "geo-replication-with-a-managed-hsm-key"],
related=[L + "geo-replication-works-with-cmk", M + "limits-and-open-points-with-managed-hsm"],
facts=["The geo-replication article was not updated for Managed HSM"],
answer_facts=["the ACR docs say nothing more specific"],
truth="""Not documented for this combination: for CMK registries the geo-replication article only points to the Key Vault guidance on failover and redundancy, and it was not revised for Managed HSM, so there is no HSM-specific advice. Geo-replication itself works with a customer-managed key, so crmyrtle01 can have its three replicas. Every replica relies on the same key, though, so plan the recovery of hsm-myrtle on its own terms: the security domain and its key pairs, HSM backups, and whether Managed HSM is offered in the regions you would fall back to. If the payments team needs a firm statement on regional outages, ask Microsoft support."""),

dict(key="F3", style="long", kind="howto", category="setup", quals=["hsm", "oct2026", "iac"], flags=["issue_form"],
question=r"""Ticket from an application team:

### Registry

crbramble

### Where

Azure portal, Create container registry, Encryption tab

### What happened

The list behind Select from Key Vault shows hsm-bramble, but after I choose it no keys appear. I was connected through the office VPN.

### HSM network settings

Public network access on, default action Deny, trusted services allowed, no IP rules.

### Urgency

_No response_

How do we create crbramble in the portal with the key from the HSM, and does the registry itself have a problem reaching the key in this setup?""",
canonical=[N + "the-portal-key-picker-and-a-key-store-firewall"],
related=[T + "portal-key-picker-cannot-list-keys-behind-the-managed-hsm-firewall", M + "set-up-a-registry-with-a-managed-hsm-key-in-the-azure-portal"],
facts=["Either allow your client IP on the HSM (or vault) firewall, or skip the picker and use **Enter key URI** with the key ID"],
answer_facts=["cover a browser outside the network boundary"],
truth="""The registry is not the problem: the picker reads the key list from hsm-bramble's data plane in the user's browser, the HSM firewall does not allow that browser's address, and the exception for trusted services helps ACR but not a browser. Choose Enter key URI on the Encryption tab instead and paste the key ID, read with az keyvault key show --hsm-name hsm-bramble from a machine on an allowed network (without the version if crbramble should rotate automatically), or temporarily add the office VPN's public address to the HSM firewall. Check first that the user-assigned identity you select already holds Managed HSM Crypto Service Encryption User on that key, since the portal never creates that assignment."""),

dict(key="F4", style="long", kind="yes", category="recovery", quals=["hsm", "oct2026"], flags=["issue_form"],
question=r"""Incident opened by the on-call engineer:

### Affected registry

crquince

### Summary

A clean-up job deleted the Managed HSM hsm-quince, which holds kek-quince; every pull from crquince now fails.

### Deleted at

2026-12-04 22:40 UTC

### Retention configured on the HSM

28 days

### Approval to purge

_No response_

Can we still bring the deleted HSM back and get crquince working, or are the images gone? Finance also asks whether we keep paying for hsm-quince meanwhile.""",
canonical=[T + "key-vault-or-key-was-deleted"],
related=[V + "recover-a-deleted-managed-hsm", M + "recover-a-deleted-managed-hsm-key-or-hsm"],
facts=["Recover a deleted HSM promptly: it is billed while soft-deleted."],
answer_facts=["A soft-deleted Managed HSM **keeps being billed**"],
truth="""Yes: deleting a Managed HSM only soft-deletes it, and it stays recoverable for the retention you configured, here 28 days from 2026-12-04, and once hsm-quince and kek-quince are back, crquince can use its key again. Find it with az keyvault list-deleted --resource-type hsm and recover it with az keyvault recover --hsm-name hsm-quince --location <its region>; the caller needs the Azure role Managed HSM Contributor. Then check kek-quince with az keyvault key show --hsm-name hsm-quince and retry a pull. Do not approve a purge: it would destroy the keys and with them any chance of reading the registry's content. And finance is right to ask: the soft-deleted HSM is billed until it is recovered or purged, so recover it without delay."""),

dict(key="F5", style="long", kind="value", category="limits", quals=[], flags=["issue_form"],
question=r"""Budget intake for the encrypted registry we are planning, copied from our FinOps form:

### Registry

crjasmine

### SKU

Premium

### Key store

Key Vault kv-jasmine, RSA-HSM key, rotation policy every 90 days

### Expected cost lines

_No response_

### Notes

The form cannot be approved while the cost lines are empty.

What does ACR itself charge for customer-managed key encryption on top of Premium, and which other cost lines belong on this request?""",
canonical=[L + "pricing-considerations"],
related=[O + "cmk-requires-the-premium-sku", O + "rsa-hsm-keys-need-a-premium-key-vault"],
facts=["a charge for each scheduled automatic rotation performed by a rotation policy"],
answer_facts=["separate charge for the CMK feature itself"],
truth="""ACR lists no separate charge for the customer-managed key feature; the cost it brings on the registry side is the Premium tier that CMK requires. The other lines are Key Vault costs for kv-jasmine, billed by Key Vault: key operations, the HSM-protected key (an RSA-HSM key also means the vault has to be on the Premium tier), and a charge for every rotation the 90-day policy performs. Had you picked a Managed HSM instead, it would be billed for as long as it exists, including time spent soft-deleted."""),

# ---- no shape ----
dict(key="L1", style="long", kind="howto", category="iac", quals=["hsm", "iac", "oct2026"], flags=[],
question=r"""All our infrastructure is in Terraform, and crwisteria, which already uses a vault key, should move to an HSM-held key from our Managed HSM pool. The stack is pinned to azurerm 4.40, and today the registry's encryption block points at the versionless_id attribute of the vault key. I expected to do the same with the provider's Managed HSM key resource, but it has no versionless_id attribute, and the plan stops at the HSM URI, complaining that Managed HSM IDs aren't valid nested items. What do we need to change in the provider version, the key attribute and the access grant so that crwisteria ends up on the HSM key with automatic rotation?""",
canonical=[C + "managed-hsm-key-in-terraform"],
related=[C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep", C + "common-terraform-and-bicep-errors-with-acr-encryption"],
facts=["`id` is the **versionless** URI, `versioned_id` the versioned one"],
answer_facts=["Use azurerm **4.65.0 or later**"],
truth="""Upgrade azurerm to 4.65.0 or later, since older releases refuse any .managedhsm. URI in key_vault_key_id. The HSM key resource names its attributes the other way round from a vault key: id is already the versionless URI and versioned_id the pinned one, so set key_vault_key_id to azurerm_key_vault_managed_hardware_security_module_key.<name>.id to keep automatic rotation. Grant the registry identity access with azurerm_key_vault_managed_hardware_security_module_role_assignment (role Managed HSM Crypto Service Encryption User, scope /keys/<key name>, the identity's principal_id), not azurerm_role_assignment, and put that resource in the registry's depends_on so the grant exists before the key changes. Create the key as RSA-HSM with wrapKey and unwrapKey in key_opts. Changing key_vault_key_id on a registry that already has a customer-managed key is a plain update, the Terraform counterpart of rotate-key."""),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="list the acr identity's local roles and scope in a managed hsm",
canonical=[A + "verify-the-identitys-access"],
related=[T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope", M + "local-rbac-roles-for-acr-encryption"],
facts=["run it again without `--scope` to find assignments made at `/` or `/keys`"],
answer_facts=["no assignment at that exact scope"],
truth="""Use az keyvault role assignment list --hsm-name <hsm> --assignee-object-id <principal ID>; each entry shows the role and its scope. Adding --scope /keys/<key-name> checks only the key's own scope, and an empty answer there just means nothing sits at exactly that scope, so run it without --scope as well to catch assignments at /keys or /. If the registry encrypts through its system-assigned identity, its principal ID comes from az acr identity show. The role the registry needs is Managed HSM Crypto Service Encryption User."""),

dict(key="S2", style="short", kind="no", category="setup", quals=["hsm", "oct2026", "iac"], flags=[],
question="does the portal grant the acr identity its managed hsm role automatically?",
canonical=[M + "set-up-a-registry-with-a-managed-hsm-key-in-the-azure-portal"],
related=[M + "requirements-for-a-managed-hsm-key-store", S + "set-up-cmk-in-the-azure-portal"],
facts=["without it the registry cannot be created"],
answer_facts=["nor ACR creates the role assignment"],
truth="""No: picking the key on the Encryption tab grants nothing. With a Managed HSM key store, you have to give the registry's user-assigned identity the local role Managed HSM Crypto Service Encryption User yourself, in the HSM's Settings > Local RBAC, ideally scoped to that one key, and do it before you press create; the creation fails without it, and later key changes in the portal do not add it either."""),

dict(key="S3", style="short", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="what dns suffix do managed hsm key uris use in the global azure cloud?",
canonical=[L + "managed-hsm-is-not-available-everywhere"],
related=[M + "managed-hsm-key-uris", O + "the-key-encryption-key-kek-and-its-identifier"],
facts=["Azure Key Vault Managed HSM is not offered in every Azure cloud and region."],
answer_facts=["`managedhsm.azure.net` there"],
truth="""managedhsm.azure.net, so a key URI looks like https://<hsm-name>.managedhsm.azure.net/keys/<key-name>, optionally followed by /<version>. Other Azure clouds use a different suffix, and Managed HSM is not offered in every cloud and region, so copy the host from the HSM's hsmUri property instead of writing it by hand."""),

dict(key="S4", style="short", kind="why", category="keys", quals=[], flags=[],
question="our registry data is encrypted anyway, so why would a team want a cmk?",
canonical=[O + "why-teams-use-a-customer-managed-key"],
related=[O + "what-customer-managed-key-encryption-adds-to-a-registry", O + "default-encryption-at-rest-without-a-cmk"],
facts=["It adds a **second layer** on top of it"],
answer_facts=["Regulatory compliance"],
truth="""Because the built-in encryption relies on keys Microsoft owns, while a customer-managed key adds a second layer under a key you own in Key Vault or a Managed HSM. Teams mostly adopt it for regulatory compliance, and for control: they decide when the key rotates and who may use it, can revoke the registry's access and make its content unreadable, and can audit key use in their own key store. Without such a requirement, the default encryption at rest is already in place."""),

dict(key="S5", style="short", kind="troubleshoot", category="troubleshooting", quals=[], flags=[], typo="somthing",
question="az keyvault key create with rsa-hsm fails, is it somthing about the vault tier?",
canonical=[T + "rsa-hsm-key-creation-fails-in-a-standard-vault"],
related=[O + "rsa-hsm-keys-need-a-premium-key-vault", S + "step-3-create-the-key-vault-with-purge-protection"],
facts=["A Standard-tier vault can hold software-protected RSA keys only."],
answer_facts=["available only on the Premium vault tier"],
truth="""Most likely: in a Key Vault vault, HSM-protected keys such as RSA-HSM can be created only on the Premium tier, and a Standard vault holds software-protected RSA keys only; az keyvault show reports the tier under properties.sku.name. Either create a plain RSA key, which the registry accepts as well, or create the key in a Premium vault (az keyvault create --sku premium), grant the registry identity access there and use that key ID. A Managed HSM has no such tier; its keys are always HSM-backed."""),

dict(key="S6", style="short", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question="pulls from our cmk registry now fail with 403 saying its identity is inactive",
canonical=[I + "the-encryption-identity-cannot-simply-be-removed"],
related=[T + "registry-identity-is-inactive-or-expired", T + "removing-the-encryption-identity-fails"],
facts=["The identity associated with the registry is inactive"],
answer_facts=["it stops being renewed"],
truth="""That is the identity-expiry case: someone once tried to remove the identity that encryption uses, which ended its automatic renewal; pulls and pushes kept working until it expired, usually about three months later, and now requests get 403. Assign the user-assigned identity to the registry again with az acr identity assign --identities <its resource ID or name> and retry. If you really want a different identity, move encryption to it with rotate-key before removing the old one; when encryption runs through the system-assigned identity, ask Azure support instead."""),

dict(key="S7", style="short", kind="troubleshoot", category="troubleshooting", quals=[], flags=[], typo="togehter",
question="set-policy fails on a new vault, do rbac and access policies work togehter?",
canonical=[T + "set-policy-fails-on-an-rbac-key-vault"],
related=[A + "azure-cli-262-and-later-create-rbac-vaults-by-default", A + "two-supported-ways-to-grant-key-access"],
facts=["Since Azure CLI 2.62.0, `az keyvault create` makes RBAC vaults unless told otherwise"],
answer_facts=["where access policies don't apply"],
truth="""They do not mix: a vault uses one permission model at a time. A vault made with Azure CLI 2.62.0 or later uses Azure RBAC unless told otherwise, and on such a vault access policies are ignored and the CLI refuses set-policy. Grant the registry identity Key Vault Crypto Service Encryption User on the vault with az role assignment create (its principal ID, the vault's resource ID as scope). set-policy is for vaults created with --enable-rbac-authorization false; flipping the model of a vault that is already in use cuts off every application relying on the old grants."""),

dict(key="S8", style="short", kind="howto", category="setup", quals=[], flags=[],
question="how do i confirm a new acr registry is encrypted with my key",
canonical=[S + "step-8-verify-the-encryption-status"],
related=[L + "check-the-encryption-status-of-a-registry", K + "check-which-key-version-the-registry-uses"],
facts=["read-only: the exact key version in use"],
answer_facts=["`enabled` for a CMK registry"],
truth="""Run az acr encryption show --name <registry>: status should read enabled, keyVaultProperties.keyIdentifier should be the key URI you passed, versionedKeyIdentifier names the exact version in use, identity shows the client ID of the identity (or system), and keyRotationEnabled is true when you gave a versionless key ID. az acr show returns the same object under encryption, and the portal shows it under Settings > Encryption."""),

dict(key="S9", style="short", kind="yes", category="limits", quals=[], flags=[],
question="can a geo-replicated premium registry also use a customer-managed key?",
canonical=[L + "geo-replication-works-with-cmk"],
related=[L + "feature-compatibility-summary", L + "geo-replication-with-a-managed-hsm-key"],
facts=["The docs state no other CMK-specific geo-replication limit."],
answer_facts=["can be encrypted with a customer-managed key"],
truth="""Yes: geo-replication and a customer-managed key go together. For such registries the geo-replication article points to Key Vault's guidance on failover and redundancy, since every replica depends on the same key, and it names no further CMK-specific limit. The usual CMK rules still hold: Premium, chosen at creation, never switched off."""),

dict(key="S10", style="short", kind="undocumented", category="limits", quals=[], flags=[],
question="does azure policy modify remediation work on cmk registries?",
canonical=[L + "azure-policy-built-in-for-cmk"],
related=[O + "cmk-can-only-be-enabled-when-the-registry-is-created", L + "feature-compatibility-summary"],
facts=["remediation tasks fail with BadRequest on CMK registries"],
answer_facts=["a non-compliant existing registry cannot be remediated"],
truth="""Not documented officially: the docs cover the built-in definition that audits whether registries use a customer-managed key, and say nothing about Modify remediation on CMK registries. An unmerged docs pull request from July 2026 reports that Modify remediation tasks fail with BadRequest on them, so do not rely on it. A non-compliant registry cannot be fixed in place anyway, because the key can only be set at creation; it has to be replaced by a new encrypted registry."""),

dict(key="S11", style="short", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="how do i scope the acr identity's managed hsm access to one single key",
canonical=[A + "grant-access-to-a-key-in-a-managed-hsm"],
related=[M + "local-rbac-roles-for-acr-encryption", M + "requirements-for-a-managed-hsm-key-store"],
facts=["ACR and the portal never create this assignment."],
answer_facts=["Scope: the key, `/keys/<key-name>`, for least privilege"],
truth="""Assign the local role Managed HSM Crypto Service Encryption User inside the HSM, scoped to that key: az keyvault role assignment create --hsm-name <hsm> --role "Managed HSM Crypto Service Encryption User" with --assignee-object-id <principal ID>, --assignee-principal-type MSI and --scope /keys/<key-name>. That scope covers the one key with all its versions; /keys or / would grant more. A Managed HSM has no access policies, Azure roles on the HSM resource do not allow key use, and ACR never creates this assignment for you."""),

dict(key="S12", style="short", kind="howto", category="rotation", quals=[], flags=[], typo="knowlege",
question="to my knowlege key create adds a key version, whats the exact command",
canonical=[K + "create-a-new-version-with-az-keyvault-key-create"],
related=[K + "how-new-key-versions-are-created", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["Keep the key type RSA or RSA-HSM; an EC version would not be usable by the registry."],
answer_facts=["adds a new version to that key"],
truth="""Right, reuse the name of the key you already have: az keyvault key create --vault-name <vault> --name <existing key> --kty RSA --size 3072 gives that key one more version rather than creating a separate key. Stay with RSA or RSA-HSM for the new version; the registry cannot work with an elliptic-curve one. Whether the registry starts using it by itself depends on its configuration: with a versionless key ID it switches within the hour, with a pinned version you still run az acr encryption rotate-key."""),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="A1", style="agent", form="context", kind="troubleshoot", category="identity", quals=[], flags=[],
question="Context: in zsh, az acr identity assign -n crolive --identities [system] stops with no matches found before anything reaches Azure. Question: what is wrong with the command, and how should the value be written?",
canonical=[I + "quote-system-in-shell-commands"],
related=[T + "system-assigned-identity-rejected-at-registry-creation", I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
facts=["`[system]` is the CLI's alias for the system-assigned identity"],
answer_facts=["Write it in single quotes"],
truth="""The shell rejects it, not the CLI: unquoted, [system] is a glob pattern, and zsh aborts when no file matches it (bash would instead substitute a file named s, y, t, e or m if one sits in the working directory). Put the value in single quotes, az acr identity assign -n crolive --identities '[system]', and quote it the same way for --identity '[system]' on az acr encryption rotate-key."""),

dict(key="A2", style="agent", form="imperative", kind="howto", category="identity", quals=["hsm", "oct2026"], flags=[],
question="List the steps to move crgorse, whose key kek-gorse sits in the Managed HSM hsm-gorse, from its user-assigned identity to its own system-assigned one without losing access to the key.",
canonical=[I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
related=[M + "local-rbac-roles-for-acr-encryption", K + "rotate-with-a-different-identity-or-the-system-assigned-identity"],
facts=["Confirm that `keyVaultProperties.identity` now reads `system`"],
answer_facts=["cuts the registry off from its key"],
truth="""1) Turn the system-assigned identity on: az acr identity assign -n crgorse --identities '[system]'. 2) Read its principal ID from az acr identity show -n crgorse (principalId). 3) Grant that principal Managed HSM Crypto Service Encryption User on /keys/kek-gorse with az keyvault role assignment create --hsm-name hsm-gorse and --assignee-principal-type MSI; ACR does not do this for you, and the grant can take several minutes to apply. 4) Point encryption at it: az acr encryption rotate-key -n crgorse with the HSM key URI as --key-encryption-key and --identity '[system]'. 5) Check that az acr encryption show now reports system as the identity; only then detach the user-assigned identity or take its role away."""),

dict(key="A3", style="agent", form="keywords", kind="value", category="keys", quals=[], flags=[],
question="acr cmk key vault soft delete retention days, allowed range and default value for the vault holding the registry key",
canonical=[O + "soft-delete-and-purge-protection-on-the-key-vault"],
related=[O + "soft-delete-and-purge-protection-behaviour-in-key-vault", V + "how-purge-protection-protects-the-registry"],
facts=["**Purge protection** is **recommended, not required**, by the current ACR docs."],
answer_facts=["retention period of 7 to 90 days"],
truth="""Soft delete keeps a deleted vault or key recoverable for 7 to 90 days, 90 unless you choose otherwise with --retention-days when the vault is created. Soft delete is always on for new vaults, so there is no flag to pass for it. Purge protection, which the ACR docs recommend but do not require, is what prevents anyone from purging a deleted key or vault before that period is over."""),

dict(key="A4", style="agent", form="context", kind="troubleshoot", category="keys", quals=[], flags=[],
question="Context: granting the encryption identity of crbalsa access with az keyvault set-policy --name kv-balsa --key-permissions get wrap unwrap, the CLI says wrap is not a valid value. Question: which permission names does it expect?",
canonical=[T + "invalid-key-permission-names-wrap-and-unwrap"],
related=[A + "grant-access-with-a-key-vault-access-policy", A + "which-permission-model-does-my-key-vault-use"],
facts=["Use the full permission names"],
answer_facts=["the exact permission names `wrapKey` and `unwrapKey`"],
truth="""It wants the full names: get, wrapKey and unwrapKey (case does not matter). Run az keyvault set-policy --name kv-balsa --object-id <principal ID of the identity> --key-permissions get unwrapKey wrapKey; "wrap" and "unwrap" are only shorthand used in prose. This applies to a vault that uses access policies; if kv-balsa uses Azure RBAC, assign Key Vault Crypto Service Encryption User on the vault instead."""),

dict(key="A5", style="agent", form="imperative", kind="howto", category="recovery", quals=[], flags=["two_facts"],
question="Give the commands to bring back kv-heather after it was deleted by mistake and get crheather pulling again; the vault uses the RBAC permission model.",
canonical=[V + "recover-a-deleted-key-vault", V + "re-create-rbac-role-assignments-after-recovering-a-vault"],
related=[T + "key-vault-or-key-was-deleted"],
facts=["Re-create any operator roles (for example Key Vault Crypto Officer) the same way."],
answer_facts=["a deleted vault is also soft-deleted", "does **not** bring them back"],
truth="""kv-heather is only soft-deleted, so bring it back within its retention period: az keyvault recover --name kv-heather (it shows up in az keyvault list-deleted --resource-type vault, and nobody can reuse the name meanwhile). On an RBAC vault that is not enough, because the deletion took the vault's Azure role assignments with it and a recovery leaves them gone. Give crheather's encryption identity its role again with az role assignment create, passing its principal ID as --assignee-object-id, ServicePrincipal as the principal type, the role Key Vault Crypto Service Encryption User and the recovered vault's resource ID as scope; do the same for people or pipelines that had Key Vault Crypto Officer. After that, pulls from crheather should work again."""),

dict(key="A6", style="agent", form="keywords", kind="troubleshoot", category="troubleshooting", quals=["hsm", "oct2026"], flags=[],
question="managed hsm local role for the acr identity is listed correctly but az acr create still reports no access to the key, role granted two minutes ago",
canonical=[T + "managed-hsm-role-assignment-not-yet-in-effect"],
related=[M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli", A + "grant-access-to-a-key-in-a-managed-hsm"],
facts=["Do not pile up duplicate assignments in the meantime."],
answer_facts=["can take several minutes to propagate"],
truth="""Changes to a Managed HSM's local RBAC can need several minutes before they apply, and during that time the HSM still refuses the identity although the new assignment is already listed. If role, principal ID and scope are right, wait a few more minutes without creating duplicate assignments and run az acr create again. Should it still fail well after that, work through the remaining Managed HSM conditions: activation, an RSA-HSM key allowing wrapKey and unwrapKey, the key URI and the HSM firewall."""),

dict(key="A7", style="agent", form="context", kind="why", category="network", quals=[], flags=[],
question="Context: kv-laurel denies all networks except trusted services, yet I edited an access policy and the vault's network rules from home without my IP being allowed. Question: why did that go through while key creation from that laptop gets refused?",
canonical=[N + "the-vault-firewall-covers-the-data-plane-only"],
related=[N + "allow-your-own-clients-through-the-vault-firewall", N + "key-vault-networking-for-cmk-registries"],
facts=["creating a key in it only works from an allowed network"],
answer_facts=["do not pass through that filter"],
truth="""Because the firewall only guards the vault's own endpoint, its data plane: reading, wrapping and unwrapping with keys and creating keys or versions. Access policies, role assignments and network settings are changed through Azure Resource Manager, which that firewall does not filter, so those edits succeed from anywhere while key creation on kv-laurel needs an allowed network. The upside is that a locked vault's settings can always be corrected remotely."""),

dict(key="A8", style="agent", form="imperative", kind="troubleshoot", category="setup", quals=[], flags=[],
question="Explain why az acr create -n crbroom -g rg-broom --sku Premium --key-encryption-key with our vault key URI is rejected at once with a usage error, and what to add.",
canonical=[T + "acr-create-needs-both-identity-and-key"],
related=[S + "rules-that-az-acr-create-enforces-for-cmk", S + "step-7-create-the-premium-registry-with-the-customer-managed-key"],
facts=["Look up the identity's resource ID (not its client or principal ID) and the key ID."],
answer_facts=["rejected before anything is sent to Azure"],
truth="""The CLI sets up a customer-managed key only when it gets the key URI and the user-assigned identity together; with one of them missing it refuses the command locally, before any request is made. Add --identity with the resource ID of the user-assigned identity (or just its name if it lives in rg-broom), not its client or principal ID. That identity must already have get, wrapKey and unwrapKey or Key Vault Crypto Service Encryption User on the vault, and a system-assigned identity is not accepted at this point."""),

dict(key="A9", style="agent", form="keywords", kind="undocumented", category="limits", quals=[], flags=[],
question="registry encrypted with a customer managed key, move it from premium down to the standard sku to cut cost, allowed or not",
canonical=[L + "changing-the-sku-of-a-cmk-registry-is-not-documented"],
related=[T + "cmk-needs-the-premium-tier", O + "cmk-cannot-be-disabled-after-it-is-enabled"],
facts=["ask Azure support before attempting a downgrade"],
answer_facts=["the docs do **not** say whether"],
truth="""Not documented: registries can generally change tier as long as the target has room for their content, but the docs do not say whether one encrypted with a customer-managed key can go from Premium to Standard or Basic. CMK is a Premium feature that can never be turned off, so do not count on a downgrade working; keep the registry on Premium, and if the saving matters, ask Azure support before trying it, and never try it first on a production registry."""),

dict(key="A10", style="agent", form="context", kind="yes", category="rotation", quals=["hsm", "oct2026"], flags=[],
question="Context: a quarterly job adds a new version of kek-ivy in the Managed HSM hsm-ivy, and crivy uses the versionless URI. Question: does the identity's local role scoped to that key already cover each new version?",
canonical=[K + "create-a-new-version-in-a-managed-hsm"],
related=[M + "rotate-a-managed-hsm-key", M + "local-rbac-roles-for-acr-encryption"],
facts=["a new version needs no new role assignment"],
answer_facts=["covers every version of the key"],
truth="""Yes: in a Managed HSM, a local role scoped to /keys/kek-ivy applies to every version of kek-ivy, so new versions need no new assignment, and crivy moves to each one within an hour through its versionless URI. Only a key with a new name would need an assignment of its own. Keep each new version RSA-HSM with wrapKey and unwrapKey allowed."""),

# ---- http_request_file (agent) ----
dict(key="H4", style="agent", form="imperative", kind="howto", category="rotation", quals=["hsm", "oct2026", "iac"], flags=["http_request_file"],
question="Write the ARM body for `PATCH https://management.azure.com/subscriptions/3e8b1f2a-6c47-4d09-9a15-7b2e4c6d8f01/resourceGroups/rg-tansy/providers/Microsoft.ContainerRegistry/registries/crtansy?api-version=2025-04-01 HTTP/1.1` that moves crtansy to kek-tansy in the Managed HSM hsm-tansy with automatic rotation, and list what must be in place first.",
canonical=[K + "manual-rotation-with-az-acr-encryption-rotate-key"],
related=[O + "the-key-encryption-key-kek-and-its-identifier", M + "rotate-a-managed-hsm-key"],
facts=["only the values you pass are changed"],
answer_facts=["which ACR never creates for you"],
truth="""Send {"properties": {"encryption": {"keyVaultProperties": {"keyIdentifier": "https://hsm-tansy.managedhsm.azure.net/keys/kek-tansy"}}}}. The versionless key URI makes crtansy follow new versions of kek-tansy on its own, and leaving identity out keeps the identity it uses now (add "identity" with a client ID only to switch). Before sending it, give that identity Managed HSM Crypto Service Encryption User on /keys/kek-tansy with az keyvault role assignment create --hsm-name hsm-tansy and --assignee-principal-type MSI, because ACR never creates that local assignment; make sure kek-tansy is RSA-HSM and allows wrapKey and unwrapKey; and if the HSM firewall is on, allow trusted services."""),

dict(key="H5", style="agent", form="context", kind="howto", category="keys", quals=[], flags=["http_request_file"],
question="Context: `GET https://kv-yarrow.vault.azure.net/keys/kek-yarrow?api-version=7.4 HTTP/1.1` returns key.kid ending in a 32-character version. Question: how do I turn that into the value az acr create needs so cryarrow follows future versions automatically?",
canonical=[S + "step-5-create-an-rsa-key-and-capture-its-key-id"],
related=[S + "step-6-choose-a-versioned-or-versionless-key-id", K + "versioned-and-versionless-key-ids"],
facts=["To drop the version from the `kid`, remove the last path segment"],
answer_facts=["the **versioned** key ID"],
truth="""The kid is the versioned key ID. Cut its last path segment and pass https://kv-yarrow.vault.azure.net/keys/kek-yarrow as --key-encryption-key, together with --identity and --sku Premium; in bash, ${KID%/*} strips the version from a variable holding the kid. Without the version, cryarrow starts using each new version of kek-yarrow within an hour, while the versioned form would pin it until someone runs az acr encryption rotate-key."""),
]

# ---------------- off-topic ----------------
OFF = "off-topic"
QX = [
dict(key="O1", style="long", kind=OFF, category=OFF, subject="dolibarr", near_miss=True,
question="""Our finance office runs Dolibarr, built into an image that we keep in our private container registry. Dolibarr encrypts some of the passwords it stores with a key taken from conf.php, and that file was attached by mistake to a ticket we sent to an outside consultancy. If we replace the key and restart, will Dolibarr still be able to decrypt what it stored before, or do all of those passwords have to be typed in again?""",
truth="""Not covered: changing the encryption value in a Dolibarr installation's conf.php is administration of that ERP and has nothing to do with customer-managed keys for a container registry."""),

dict(key="O2", style="long", kind=OFF, category=OFF, subject="budibase", near_miss=True,
question="""We build a few admin screens for the warehouse with Budibase, self-hosted from images in our own Azure container registry. Its environment holds an encryption key that protects the connection settings it keeps for our databases, and a contractor copied the whole env file to his laptop. If we generate a new key and restart the containers, what happens to the stored connection settings, and is there a documented procedure for the change?""",
truth="""Not covered: rotating the encryption key of a self-hosted Budibase instance is configuration of that tool; the knowledge deals only with customer-managed keys for registry encryption."""),

dict(key="O3", style="long", kind=OFF, category=OFF, subject="flowise", near_miss=True,
question="""Flowise runs our agent workflows; its container image is pulled from our company registry on Azure. Flowise keeps the keys that people enter for the AI services encrypted with a key from its environment, and that key was inside a diagnostics archive we mailed to a vendor. If we set a new one, does Flowise re-encrypt what it already stores, or does every saved key become unreadable and need to be entered again?""",
truth="""Not covered: replacing the encryption key of a Flowise deployment concerns that workflow tool, not ACR customer-managed keys."""),

dict(key="O4", style="long", kind=OFF, category=OFF, subject="kestra", near_miss=True,
question="""Kestra orchestrates our data loads and runs from images mirrored into our Azure container registry. Encrypted inputs and outputs of flows use an AES key from its application.yml, and that file was pushed to a public fork by accident. How do we move Kestra to a new key, and what happens to past executions that stored encrypted values with the old one?""",
truth="""Not covered: the encryption key in Kestra's configuration belongs to that orchestrator; this knowledge covers only customer-managed key encryption of Azure Container Registry."""),

dict(key="O5", style="long", kind=OFF, category=OFF, subject="teamspeak", near_miss=True,
question="""We host a TeamSpeak server for our gaming club, from an image kept in our private container registry. The server admin privilege key was pasted into the club forum by mistake last night. Does creating a new privilege key invalidate the old one, and how can I find out which users already used the leaked key to get admin rights?""",
truth="""Not covered: privilege keys on a TeamSpeak server are voice-chat administration, unrelated to registry encryption with customer-managed keys."""),

dict(key="O6", style="long", kind=OFF, category=OFF, subject="prefect",
question="""Our analysts schedule flows with Prefect. One flow calls a flaky partner service and fails about once a week. I want it to retry three times with a growing delay, but only when the error is a timeout, and to post a message to our team channel once all retries are used up. How do I declare that on the flow or on its tasks?""",
truth="""Not covered: retries and failure notifications in Prefect are workflow-orchestration settings, outside the ACR customer-managed key topic."""),

dict(key="O7", style="agent", form="context", kind=OFF, category=OFF, subject="jellyseerr",
question="Context: we run Jellyseerr so that relatives can request films and series. Question: how do I limit each user to five requests per week?",
truth="""Not covered: request quotas in Jellyseerr are settings of that media request tool, nothing to do with customer-managed keys for a container registry."""),

dict(key="O8", style="agent", form="imperative", kind=OFF, category=OFF, subject="lidarr",
question="Explain how to make Lidarr prefer lossless releases but fall back to 320 kbps MP3 when nothing lossless turns up within a week.",
truth="""Not covered: quality profiles and upgrade rules in Lidarr are music-collection management, outside ACR customer-managed key encryption."""),

dict(key="O9", style="agent", form="keywords", kind=OFF, category=OFF, subject="metube",
question="metube download only the audio of a playlist, one separate folder per playlist, keep the original upload date in the file name",
truth="""Not covered: download options in MeTube belong to that video download front end, not to registry encryption with customer-managed keys."""),

dict(key="O10", style="short", kind=OFF, category=OFF, subject="tautulli",
question="can tautulli send a weekly report of the most watched titles?",
truth="""Not covered: reports in Tautulli concern media-server statistics, far from ACR customer-managed keys."""),

dict(key="O11", style="short", kind=OFF, category=OFF, subject="zoneminder",
question="zoneminder motion zones for a camera pointed at a busy street",
truth="""Not covered: motion zones in ZoneMinder are video-surveillance configuration, unrelated to container registry encryption."""),

dict(key="O12", style="short", kind=OFF, category=OFF, subject="anytype",
question="how do i self-host the anytype sync server?",
truth="""Not covered: running a self-hosted sync server for Anytype is outside the knowledge, which is about Azure Container Registry customer-managed keys."""),
]

QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"knowlege": "knowledge", "somthing": "something", "togehter": "together"}
SHAPES = ["two_facts", "az_yaml_output", "azure_pipelines_yaml", "react_trace", "http_request_file",
          "issue_form"]
SEED = 76
ID_PREFIX = "an"

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
SPREAD_SETS = (75, 74)
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
    """(blind76.json text, blind76-meta.json text, blind76-first-canonicals.txt text)"""
    entries, meta = build()
    j = json.dumps(entries, indent=1, ensure_ascii=False) + "\n"
    m = json.dumps(meta, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    f = "\n".join(firsts) + "\n"
    return j, m, f


def main(out=HERE):
    j, m, f = render()
    for name, text in (("blind76.json", j), ("blind76-meta.json", m), ("blind76-first-canonicals.txt", f)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
