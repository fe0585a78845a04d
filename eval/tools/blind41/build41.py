"""blind41 builder: holds the 60 questions (QUESTIONS) and writes blind41.json and blind41-meta.json."""
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
dict(key="P1", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["pasted_output"],
question="""Registry creation for crops keeps failing against our Managed HSM mh-ops-weu. The identity id-ops-acr has the encryption-user local role on /keys/ops-kek (we listed it twice and waited a good half hour), the HSM is active and its firewall is off. A colleague then asked me to dump the key itself:

```
$ az keyvault key show --hsm-name mh-ops-weu --name ops-kek --query "{keyType:key.kty, allowed:key.keyOps, active:attributes.enabled}"
{
  "active": true,
  "allowed": [
    "sign",
    "verify"
  ],
  "keyType": "RSA-HSM"
}
```

The key was made by our PKI people last year for a code-signing pilot and then handed over to us. What in this output explains why the Managed HSM key is refused, and is a new version of ops-kek enough or do we need a fresh key?""",
canonical=[T + "managed-hsm-key-has-the-wrong-type-or-operations"],
related=[M + "requirements-for-a-managed-hsm-key-store", K + "create-a-new-version-in-a-managed-hsm"],
facts=["the role assignment alone does not help"],
answer_facts=["key whose permitted operations include wrapkey", "a new version of the same key"],
truth="The allowed list holds only sign and verify, but ACR can only use a Managed HSM key of type RSA-HSM that permits wrapKey and unwrapKey; the type is already right, so a new version of ops-kek is enough: az keyvault key create --hsm-name mh-ops-weu --name ops-kek --kty RSA-HSM --ops wrapKey unwrapKey. The identity's role on /keys/ops-kek covers the new version; then run az acr create again."),

dict(key="P2", style="long", kind="troubleshoot", category="rotation", quals=["hsm", "oct2026"], flags=["pasted_output", "two_facts"],
question="""We rotate by hand on registry crtelem: on Monday our HSM admin created a new version of telem-kek in mh-telem-01 (same name, RSA-HSM, wrap and unwrap allowed). Two days on, nothing seems to have moved. Here is what the registry reports:

```
$ az acr encryption show -n crtelem -g rg-telem
{
  "keyVaultProperties": {
    "identity": "6d2f8a13-94c7-4b0e-a5d1-0c3e7b9f2a44",
    "keyIdentifier": "https://mh-telem-01.managedhsm.azure.net/keys/telem-kek/0f3a9c51d2e84b7fa6c1e09b5d7a2c38",
    "keyRotationEnabled": false,
    "lastKeyRotationTimestamp": "2026-05-02T08:41:17+00:00",
    "versionedKeyIdentifier": "https://mh-telem-01.managedhsm.azure.net/keys/telem-kek/0f3a9c51d2e84b7fa6c1e09b5d7a2c38"
  },
  "status": "enabled"
}
```

My manager reads the enabled status as proof that the registry already encrypts with Monday's version. Reading this output, which version of the Managed HSM key is crtelem really on, and what do we do so that it moves to the new one?""",
canonical=[K + "check-which-key-version-the-registry-uses", T + "registry-keeps-using-an-old-key-version"],
related=[M + "managed-hsm-key-uris", K + "switch-from-manual-to-automatic-rotation"],
facts=["a rotation policy or az keyvault key rotate only creates versions"],
answer_facts=["the exact version the registry is using", "stays on that version until someone rotates"],
truth="It is still on version 0f3a9c51...: versionedKeyIdentifier names the version in use, and keyRotationEnabled false means keyIdentifier pins that version, so a new version in the Managed HSM is never picked up by itself. Run az acr encryption rotate-key -n crtelem -g rg-telem --key-encryption-key with Monday's versioned kid, or with https://mh-telem-01.managedhsm.azure.net/keys/telem-kek to follow every new version automatically (within an hour) from then on; a role on /keys/telem-kek already covers the new version, so no new assignment is needed."),

dict(key="P3", style="long", kind="troubleshoot", category="recovery", quals=["hsm", "oct2026"], flags=["pasted_output"],
question="""Quarterly kill-switch drill on registry crfin. The plan was simple: remove the encryption identity's local role assignment on the key in mh-fin-02 and watch pulls fail. The delete ran clean:

```
$ az keyvault role assignment delete --hsm-name mh-fin-02 --scope /keys/fin-kek --assignee-object-id 4f0b6e2a-1c3d-4e8f-9a7b-5d2c1e0f3b86 --role "Managed HSM Crypto Service Encryption User"
```

but crfin kept serving images for the next hour. Then I listed what the identity still holds, with no scope filter:

```
$ az keyvault role assignment list --hsm-name mh-fin-02 --assignee-object-id 4f0b6e2a-1c3d-4e8f-9a7b-5d2c1e0f3b86 -o table
Principal Id                          Role Name                                   Scope
------------------------------------  ------------------------------------------  -------
4f0b6e2a-1c3d-4e8f-9a7b-5d2c1e0f3b86  Managed HSM Crypto Service Encryption User  /
4f0b6e2a-1c3d-4e8f-9a7b-5d2c1e0f3b86  Managed HSM Crypto User                     /keys
```

What does this listing mean for the drill, and what exactly do we have to remove in the Managed HSM so that the registry is really cut off?""",
canonical=[V + "revoke-access-to-a-key-in-a-managed-hsm"],
related=[M + "revoke-access-to-a-managed-hsm-key", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
facts=["all registry data is blocked", "keeps access working too"],
answer_facts=["does not touch an assignment made at", "delete it at its own scope"],
truth="The key-scoped delete worked, but the identity still holds the encryption-user role at scope / (the whole HSM) and Managed HSM Crypto User at /keys, and either one keeps wrap and unwrap working. For a real revocation delete both, each at its own scope (--scope / and --scope /keys); from then on all registry data is blocked until a role is assigned again."),

dict(key="P4", style="long", kind="howto", category="network", quals=[], flags=["pasted_output"],
question="""Our security team locked down kv-lab-cmk before handing it over. I already created the RSA key lab-kek in it (from the allowed office range) and gave id-lab-acr its role on the vault, so the last step is az acr create for crlabweu with the versionless key ID. Before running it I checked the vault's network settings:

```
$ az keyvault show -n kv-lab-cmk -g rg-lab --query properties.networkAcls -o json
{
  "bypass": "None",
  "defaultAction": "Deny",
  "ipRules": [
    { "value": "192.0.2.77/32" }
  ],
  "virtualNetworkRules": []
}
```

That address is our office, not Azure. Reading this output, will the registry be able to reach lab-kek when it is created, and what should change on the vault first?""",
canonical=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
related=[N + "allow-trusted-services-and-deny-other-traffic", N + "allow-your-own-clients-through-the-vault-firewall"],
facts=["the bypass only opens the network path"],
answer_facts=["trusted azure services", "bypass the firewall"],
truth="As it stands the registry will be refused: bypass None lets no trusted Azure service through, and ACR reaches the key as a trusted service, never from your office address. Turn the exception on before az acr create, e.g. az keyvault update --name kv-lab-cmk --bypass AzureServices; defaultAction Deny and the office rule can stay for your own clients, and the identity's role is still needed because the bypass only opens the network path."),

dict(key="P5", style="long", kind="no", category="limits", quals=[], flags=["pasted_output", "two_facts"],
question="""Compliance sent us a list of registries that fail the "encrypted with a customer-managed key" check, and one of the auditors now claims those registries keep images in plain form. I pulled the overview myself:

```
$ az acr list --query "[].{registry:name, tier:sku.name, encryption:encryption.status}" -o table
Registry       Tier      Encryption
-------------  --------  ------------
crshopprod     Premium   enabled
crshopdev      Standard  disabled
crshoptools    Premium   disabled
```

crshopprod was built with our key in kv-shop-01; the other two were created years ago with defaults. Does the word disabled in that column mean the images in crshopdev and crshoptools sit on disk unencrypted?""",
canonical=[L + "check-the-encryption-status-of-a-registry", O + "default-encryption-at-rest-without-a-cmk"],
related=[O + "what-customer-managed-key-encryption-adds-to-a-registry", L + "feature-compatibility-summary"],
facts=["adds a second layer"],
answer_facts=["status is enabled for a cmk registry", "still encrypted at rest with microsoft-managed keys"],
truth="No: disabled in the encryption column only means no customer-managed key is configured (a CMK registry reads enabled); every registry is encrypted at rest with Microsoft-managed keys anyway, and a CMK only adds a second layer on top. If crshoptools must carry your key, create a new Premium registry with CMK and import the images, since CMK cannot be switched on later."),

dict(key="EO1", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["either_or"],
question="""Our HSM team runs mh-core-01 for several workloads and wants a decision from us before they create anything for the new registry crcore. We switch to a brand-new key name once a year (core-kek-2026, core-kek-2027 and so on), and in between new versions are made under the same name. Their question to us: should the registry identity get its Managed HSM encryption role once at /keys, so next year's key just works, or separately at each key's own scope like /keys/core-kek-2026?""",
canonical=[M + "local-rbac-roles-for-acr-encryption"],
related=[M + "rotate-a-managed-hsm-key", A + "grant-access-to-a-key-in-a-managed-hsm"],
facts=["a new key name needs a new role assignment"],
answer_facts=["the least-privilege scope the acr tutorials recommend", "every key in the hsm"],
truth="Assign the Managed HSM role separately at each key's own scope: /keys/<key-name> is the least-privilege scope the ACR tutorials recommend, while /keys would let the identity wrap and unwrap with every key in mh-core-01, other workloads' keys included. New versions of core-kek-2026 are covered by its key-scoped assignment; only a new key name needs a new assignment, which the yearly change must create before az acr encryption rotate-key, because ACR never creates it."),

dict(key="IAC1", style="long", kind="troubleshoot", category="iac", quals=["iac"], flags=[],
question="""After bumping the azurerm provider from 3.116 to 4.x in our platform repo, terraform plan stops on the registry module:

```
Error: Unsupported argument

  on registry.tf line 113, in resource "azurerm_container_registry" "this":
 113:     enabled            = true

An argument named "enabled" is not expected here.
```

The block around that line has key_vault_key_id and identity_client_id, exactly as it worked for two years on crledger. A reviewer is nervous: if we delete the line, will the next apply quietly switch encryption off on crledger? And how does the encryption block need to read on 4.x?""",
canonical=[C + "azurerm-4x-removed-encryptionenabled-other-version-changes"],
related=[C + "common-terraform-and-bicep-errors-with-acr-encryption", C + "terraform-azurerm_container_registry-encryption-block"],
facts=["encryption.enabled deprecated"],
answer_facts=["the block's presence enables cmk", "delete the line when upgrading"],
truth="Delete the enabled line: azurerm 4.0 removed encryption.enabled (deprecated since 3.102), and on 4.x the mere presence of the encryption block turns CMK on, so removing the line switches nothing off; keep key_vault_key_id and identity_client_id as they are. Do keep the block itself on crledger, since ACR cannot disable CMK and from azurerm 5.0 a missing block plans a disabling update."),

dict(key="IAC2", style="long", kind="howto", category="iac", quals=["hsm", "iac", "oct2026"], flags=[],
question="""We are moving crpay to a key in our Managed HSM with Terraform (azurerm 4.70). The key is an HSM key resource called pay (RSA-HSM, wrapKey and unwrapKey allowed), and in the registry's encryption block I wrote key_vault_key_id = <that resource>.versionless_id, the same pattern we use for vault keys. Plan refuses it:

```
| Error: Unsupported attribute
|
|   on registry.tf line 88, in the encryption block of registry crpay:
|   The HSM key resource "pay" has no attribute named "versionless_id".
```

Which attribute of the HSM key should the registry get so that it follows new versions, and which resource do I use to give the identity its role on pay-kek?""",
canonical=[C + "managed-hsm-key-in-terraform"],
related=[C + "automatic-key-rotation-in-terraform-versionless_id-vs-id", M + "managed-hsm-key-uris"],
facts=["use azurerm 4.65.0 or later"],
answer_facts=["id is the versionless uri", "not azurerm_role_assignment"],
truth="Use the HSM key's id: on azurerm_key_vault_managed_hardware_security_module_key, id is already the versionless Managed HSM key URI (versioned_id is the pinned one, and there is no versionless_id), so key_vault_key_id = ...pay.id follows new versions. Grant Managed HSM Crypto Service Encryption User with azurerm_key_vault_managed_hardware_security_module_role_assignment scoped to /keys/pay-kek, not azurerm_role_assignment, and add it to the registry's depends_on; HSM URIs need azurerm 4.65.0 or later, which 4.70 meets."),

dict(key="FU1", style="long", kind="troubleshoot", category="setup", quals=[], flags=["follow_up"],
question="""You said yesterday that on CLI 2.64 I should create the vault with --enable-rbac-authorization false if we want to stay with access policies. Did that for kv-geo-weu, and the vault looks right now. The next step from the old tutorial was the policy for our identity, and it fails straight away:

```
$ az keyvault set-policy --key-permissions get wrap unwrap -n kv-geo-weu --object-id 2a7c9e41-0b5d-4f36-8e1a-93c4d2b6f705
ERROR: 'wrap' is not a valid value for '--key-permissions'. Allowed values: all, backup, create, decrypt, delete, ...
```

The rotate-and-revoke article literally says get, wrap and unwrap. What exact values does the command want here?""",
canonical=[T + "invalid-key-permission-names-wrap-and-unwrap"],
related=[A + "grant-access-with-a-key-vault-access-policy", S + "option-b-access-policy-on-an-access-policy-vault"],
facts=["matching is case-insensitive"],
answer_facts=["the exact permission names wrapkey and unwrapkey"],
truth="Use the full permission names: --key-permissions get unwrapKey wrapKey (case does not matter). wrap and unwrap are only shorthand in that article's prose and the CLI rejects them; rerun the command on kv-geo-weu with the same object ID, which must be the identity's principal ID."),

dict(key="Y1", style="long", kind="yes", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="""Architecture board is reviewing our design for crclaims. We want the registry's key in our existing Managed HSM, mh-claims-01, because the other workloads' keys live there too. One reviewer blocked it, pointing at the new "secure your container registry" article and the security overview: both only ever talk about a key kept in Azure Key Vault and never mention an HSM pool. Another reviewer says the CLI help for --key-encryption-key shows a managedhsm.azure.net example, but help text is not documentation. Is a Managed HSM key really supported for ACR customer-managed keys today?""",
canonical=[M + "managed-hsm-is-a-supported-key-store-for-acr-cmk"],
related=[O + "managed-hsm-keys", S + "azure-cli-version-notes-for-cmk-commands"],
facts=["store it unchanged"],
answer_facts=["written before the tutorials were revised", "follow the cmk tutorials"],
truth="Yes: since the October 2026 revision of the four ACR CMK tutorials, Managed HSM is documented as a second supported key store next to Key Vault vaults, with its own setup, rotation, revocation and troubleshooting steps. The two security articles predate that revision, so for a Managed HSM key follow the CMK tutorials."),

dict(key="NN1", style="long", kind="troubleshoot", category="identity", quals=["hsm", "oct2026"], flags=["non_native"],
question="""Hello, since two days I try to create registry crcrm with key from our Managed HSM mh-crm-01 and it fail every time, the message say that identity can not use the key. What I did:

```
az keyvault role assignment create --hsm-name mh-crm-01 --role "Managed HSM Crypto Service Encryption User" --scope /keys/crm-kek --assignee-object-id 91e4b2c7-5a08-4d3f-b6e1-7c2a9f0d8e53 --assignee-principal-type MSI
```

The GUID I took from `az acr encryption show` of our other registry which use same identity, it is the identity value there. The assignment is in the list and I wait already more than one hour. Why Managed HSM still refuse, and which id I must give to the role assignment?""",
canonical=[I + "which-identity-value-goes-where"],
related=[T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope", A + "grant-access-to-a-key-in-a-managed-hsm"],
facts=["an assignment for the wrong principal"],
answer_facts=["always uses the principal id", "always store the client id"],
truth="The identity value in az acr encryption show is the client ID, but key access (vault policies, Azure role assignments and Managed HSM local role assignments alike) always goes to the principal (object) ID, so the role now belongs to nobody the registry uses. Read the principal ID with az identity show --query principalId, create the Managed HSM Crypto Service Encryption User assignment for it at /keys/crm-kek, wait a few minutes and retry az acr create."),

dict(key="FU2", style="long", kind="troubleshoot", category="recovery", quals=["hsm", "oct2026"], flags=["follow_up", "two_facts"],
question="""Thanks, your steps for the deleted key worked only partly. Quick recap: someone deleted ship-kek from mh-ship-02 during a clean-up, and registry crship has been dark since. You told me to run the recover with --hsm-name, so I did, signed in as myself (I hold Managed HSM Crypto User on /keys, which is how I created the key in the first place):

```
$ az keyvault key recover --hsm-name mh-ship-02 --name ship-kek
(Forbidden) Operation 'recover' is not permitted for the signed-in principal on key ship-kek.
```

Is my role simply the wrong one for this? Which Managed HSM role has to run the recover, and does the registry need anything else once the key is back?""",
canonical=[M + "recover-a-deleted-managed-hsm-key-or-hsm", M + "local-rbac-roles-for-acr-encryption"],
related=[V + "recover-a-deleted-key", T + "key-vault-or-key-was-deleted"],
facts=["the caller needs managed hsm crypto officer"],
answer_facts=["key needs managed hsm crypto officer", "it cannot recover or purge deleted keys"],
truth="Your role is the wrong one: Managed HSM Crypto User can create and rotate keys but cannot recover or purge deleted ones, and recovering a key needs the local role Managed HSM Crypto Officer, so have a holder of that role run az keyvault key recover --hsm-name mh-ship-02 --name ship-kek. After that just retry a pull: the registry picks the key up again once it is back; if it does not, check that the identity's local role on /keys/ship-kek is still listed."),

dict(key="W1", style="long", kind="howto", category="network", quals=["hsm", "iac", "oct2026"], flags=["without"],
question="""Our HSM pool mh-edge-03 will hold the key of registry credge, and the network team wants its firewall on with no exceptions for people at all: no office ranges, no VPN addresses, nothing except what the registry itself needs. New key versions come from a pipeline that runs inside Azure on a subnet they would rather not list either, and some admins like to pick keys in the portal. The registry is not created yet. How do we set up the Managed HSM network rules so the registry still gets in without allowing any client addresses, and what do we lose by doing that?""",
canonical=[N + "managed-hsm-firewall-and-trusted-services"],
related=[M + "managed-hsm-firewall-and-trusted-services", N + "the-portal-key-picker-and-a-key-store-firewall"],
facts=["the identity still needs its local role"],
answer_facts=["reach the key when it is created", "need an allowed address of their own"],
truth="Let trusted Azure services through the Managed HSM firewall and deny everything else with az keyvault update-hsm --hsm-name mh-edge-03 --bypass AzureServices --default-action Deny, and do it before az acr create, since the registry must reach the key at creation; ACR needs no IP rule. What you lose: your own clients, the key-version pipeline and the portal key picker included, cannot reach the HSM's data plane without an allowed address (in the portal, Enter key URI still works). The identity still needs its local role on the key."),

dict(key="U1", style="long", kind="undocumented", category="limits", quals=["iac"], flags=[],
question="""Our Bicep for the new registry crsearch turns on zone redundancy next to the encryption block (user-assigned identity, versionless key from kv-search-01, Premium):

```bicep
properties: {
  zoneRedundancy: 'Enabled'
  encryption: { status: 'enabled', keyVaultProperties: { identity: uai.properties.clientId, keyIdentifier: kek.properties.keyUri } }
}
```

Zone redundancy cannot be changed once the registry exists, so I want to be sure before the first deployment. The CMK articles list a handful of things that do not work with customer keys, like task logs beyond a day and content trust, but zone redundancy is not in that list, neither as fine nor as broken. Is combining zone redundancy with CMK a supported setup?""",
canonical=[L + "zone-redundancy-with-cmk-is-not-documented"],
related=[L + "feature-compatibility-summary", O + "requirements-at-a-glance"],
facts=["verify in a test subscription or with support"],
answer_facts=["do not mention zone redundancy", "neither as supported nor as a limitation"],
truth="Not documented: the CMK articles do not mention zone redundancy at all, neither as supported nor as a limitation. az acr create accepts --zone-redundancy Enabled together with the CMK options, but that says nothing about support, so verify the combination in a test subscription or with Azure support before deploying crsearch."),

dict(key="U2", style="long", kind="undocumented", category="keys", quals=["iac"], flags=[],
question="""Company policy says every key must expire, so our Terraform for the registry key sets an expiry two years out:

```hcl
resource "azurerm_key_vault_key" "ins" {
  name            = "ins-kek"
  key_vault_id    = azurerm_key_vault.ins.id
  key_type        = "RSA"
  key_size        = 4096
  expiration_date = "2028-06-30T00:00:00Z"
}
```

Registry crins uses the versionless ID and a rotation_policy makes a new version every 90 days, each with its own two-year expiry. Someone asked what would happen to the registry if the version in use ever reached its expiry before being replaced, for instance if the rotation policy got switched off for a while. What do the ACR docs say the registry does when its key version expires?""",
canonical=[T + "key-is-disabled-or-expired"],
related=[V + "disabling-the-key-instead-a-key-vault-option-not-in-the-acr-docs", K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy"],
facts=["expiry dates (--expires) are a related key vault control"],
answer_facts=["describe registry behaviour for expired keys", "still allows unwrap on an expired key"],
truth="Not documented: the ACR docs do not describe what a registry does with an expired key. On the Key Vault side an expired version still allows unwrap but refuses wrap, so failures could be partial; treat an expired encryption key as a fault to fix at once, and phase keys out by creating a new version the registry moves to rather than letting the one in use lapse."),

dict(key="FU3", style="long", kind="why", category="hsm", quals=["hsm", "oct2026"], flags=["follow_up"],
question="""Following up on last month's thread: you said the deleted HSM mh-old-07 could wait until we were sure no registry still needed it, so we left it in the deleted state while we moved crarchive to a new key. The migration is finished now, but finance flagged that the HSM line on the invoice never went away, even though the resource vanished from the portal weeks ago. Why is a soft-deleted Managed HSM that nobody can use still costing us money?""",
canonical=[L + "pricing-considerations"],
related=[M + "recover-a-deleted-managed-hsm-key-or-hsm", V + "recover-a-deleted-managed-hsm"],
facts=["because its hardware stays allocated"],
answer_facts=["a deleted hsm keeps costing money", "billed for as long as it exists"],
truth="While it sits soft-deleted, a Managed HSM is still billed, because its HSM capacity stays allocated until someone recovers or purges it. Now that crarchive no longer needs its keys, purge mh-old-07 to stop the charge, knowing that purging is permanent and removes every key in it."),

dict(key="EO2", style="long", kind="troubleshoot", category="keys", quals=["hsm", "oct2026"], flags=["either_or", "two_facts"],
question="""Security asked for HSM-protected keys for the next registry, crvault2. I tried in our usual vault first:

```
$ az keyvault key create --vault-name kvplat01 --kty RSA-HSM --name plat-kek
(BadParameter) Keys of type 'RSA-HSM' are not supported by this vault.
```

kvplat01 is a standard-tier vault that has held our software RSA keys for years. People disagree on the way out. Should we move up to a Premium key vault or go to the Managed HSM the platform team already runs, and what does each path need for the registry's key?""",
canonical=[T + "rsa-hsm-key-creation-fails-in-a-standard-vault", M + "key-vault-and-managed-hsm-compared"],
related=[O + "rsa-hsm-keys-need-a-premium-key-vault", M + "requirements-for-a-managed-hsm-key-store"],
facts=["its keys are always hsm-backed"],
answer_facts=["available only on the premium vault tier", "rsa-hsm that permits wrapkey and unwrapkey"],
truth="Both work, with different needs. A Premium key vault: RSA-HSM keys exist only on that vault tier, so create a new Premium vault, grant the identity there and create the RSA-HSM key in it. The Managed HSM: every key is HSM-backed with no tier to choose, but it must be activated, the key must be RSA-HSM permitting wrapKey and unwrapKey, and the identity needs the local role Managed HSM Crypto Service Encryption User on it, which you create yourself."),

dict(key="A1", style="long", kind="howto", category="identity", quals=[], flags=[],
question="""kv-shared-02 is an old access-policy vault (created with CLI 2.58) that holds three things: the key for our new registry crbooks, a signing key that belongs to the release team, and a wrapping key for a database. The release team is worried: if I add an access policy for id-books-acr with get, wrapKey and unwrapKey, can that identity suddenly use their signing key as well? I would like the grant to cover just the crbooks key. How do I give id-books-acr access to that one key and nothing else in kv-shared-02?""",
canonical=[A + "grant-access-with-a-key-vault-access-policy"],
related=[A + "two-supported-ways-to-grant-key-access", A + "grant-access-with-an-azure-rbac-role"],
facts=["policies are vault-wide"],
answer_facts=["on every key in the vault", "cannot be limited to a single key"],
truth="On an access-policy vault you cannot: a policy grants its permissions on every key in the vault and cannot be limited to one key, so id-books-acr could wrap and unwrap with the release team's key too. To keep the grant to one key, put the crbooks key in a vault of its own (or one holding nothing else sensitive), give the identity get, wrapKey and unwrapKey or Key Vault Crypto Service Encryption User there, and create the registry with that key."),

dict(key="W2", style="long", kind="yes", category="rotation", quals=["hsm", "oct2026"], flags=["without"],
question="""Registry crmail was created two years ago with a key in kv-mail-02. Our security architecture now wants all registry keys in the Managed HSM mh-sec-01 instead, and somebody suggested that means building a new registry and importing every image, which would take weeks and break pull secrets. I know customer-managed key encryption can only be chosen at creation, which is probably where that idea comes from. Can crmail be moved onto an HSM-held key in that Managed HSM without rebuilding the registry?""",
canonical=[K + "move-to-a-different-key-or-to-a-key-in-another-vault"],
related=[A + "access-to-a-key-in-a-second-key-vault", M + "rotate-a-managed-hsm-key"],
facts=["keep the old vault and key, with access"],
answer_facts=["a local role on that key", "grant the identity access there first"],
truth="Yes: the creation-only rule is about turning CMK on, and rotate-key can move an existing CMK registry to a key in another store, so no rebuild is needed. Create an RSA-HSM key in mh-sec-01 that permits wrapKey and unwrapKey, give the identity Managed HSM Crypto Service Encryption User on that key (ACR will not create it), then run az acr encryption rotate-key with the new key's URI; keep kv-mail-02 and its access until az acr encryption show reports the Managed HSM key."),

dict(key="NN2", style="long", kind="howto", category="setup", quals=["iac", "oct2026"], flags=["non_native"],
question="""Hi all. For our registry crdocsweu we want use for deployment the ARM template of enable tutorial (the CMKtemplate.json with registry_name, identity_name and kek_id). I have read in old blog that template is creating the access policy on the vault by itself, so I was thinking to only pass the key ID and deploy:

```
az deployment group create -g rg-docs --template-file CMKtemplate.json --parameters registry_name=crdocsweu identity_name=id-docs-acr kek_id=https://kv-docs-01.vault.azure.net/keys/docs-kek
```

Vault kv-docs-01 is in RBAC mode. Is possible to deploy like this, or what I must prepare before on vault side?""",
canonical=[S + "the-enable-tutorials-own-template"],
related=[S + "set-up-cmk-with-an-arm-template", S + "deploy-the-template"],
facts=["earlier revisions wrongly passed key_id"],
answer_facts=["it grants no key access itself", "give it access before deploying"],
truth="Prepare the access first: since its October 2026 revision the tutorial's template grants no key access (no vault_name parameter, no access-policy resource). Create id-docs-acr yourself (the template declares it too, so deploy into the identity's resource group) and, because kv-docs-01 uses RBAC, give its principal ID Key Vault Crypto Service Encryption User on the vault before deploying; after that your command with kek_id is fine."),

dict(key="V1", style="long", kind="value", category="identity", quals=[], flags=[],
question="""Three GUIDs for the same identity id-grid-acr float around our wiki page for registry crgrid, and nobody remembers which is which. Encryption currently uses id-grid-acr; we are about to rotate to a new key version and I want to pass the identity explicitly so nothing changes by accident:

```
az acr encryption rotate-key -n crgrid --key-encryption-key $NEW_KID --identity <one of the three GUIDs>
```

If I hand the CLI a bare GUID there, does it read it as the client ID or the principal ID? And does running this also attach the identity to the registry if it somehow is not attached any more?""",
canonical=[I + "how-rotate-key-interprets-the---identity-value"],
related=[I + "which-identity-value-goes-where", K + "manual-rotation-with-az-acr-encryption-rotate-key"],
facts=["turns [system] into the reserved value system"],
answer_facts=["treats a guid as a client id", "not attach the identity to the registry"],
truth="A bare GUID is taken as the client ID and stored unchanged, so pass the client ID (az identity show --query clientId), or pass the identity's name or resource ID and let the CLI look up its client ID; a principal ID there would be stored as if it were a client ID. rotate-key does not attach the identity: if az acr identity show no longer lists it, attach it first with az acr identity assign."),

dict(key="NN3", style="long", kind="value", category="limits", quals=[], flags=["non_native"],
question="""Good morning. We move our builds to ACR Tasks on registry crfactory, which is encrypted with our own key since the beginning. Our QA team keep the run logs for investigation during two weeks, but yesterday they told me the logs from Monday are not exist anymore. I searched in portal and in the CLI settings for some retention value, nothing. How long the logs stay on such registry, and there is a setting to make it longer, or what we must do?""",
canonical=[L + "acr-tasks-run-logs-are-kept-for-only-24-hours"],
related=[L + "export-task-run-logs-before-they-expire", T + "task-run-logs-disappear-after-24-hours"],
facts=["no setting that extends the 24-hour retention"],
answer_facts=["retained for 24 hours only", "copy them out while they exist"],
truth="On a registry encrypted with a customer-managed key, ACR Tasks keeps run logs for 24 hours only, and the docs offer no setting to extend that. To keep two weeks, save each run's log (az acr task logs --registry crfactory --run-id <id>) to a file or storage from the pipeline within a day of the run; logs that have already aged out cannot be brought back."),

dict(key="V2", style="long", kind="value", category="iac", quals=["iac"], flags=[],
question="""We are writing the Terraform for registry crmetrics from scratch, following a full example that has the vault, the role assignment and the registry in one file. The vault key resource gets a rotation_policy so Key Vault makes a new version every six months, and our goal is that the registry picks those up with nobody touching Terraform afterwards. In the registry's encryption block, which value should key_vault_key_id reference on azurerm_key_vault_key.metrics for that to happen?""",
canonical=[C + "complete-terraform-example-with-key-vault-role-assignment-and-registry"],
related=[C + "automatic-key-rotation-in-terraform-versionless_id-vs-id", C + "terraform-azurerm_container_registry-encryption-block"],
facts=["rotation by terraform apply, not automatic"],
answer_facts=["versionless_id # follows new versions"],
truth="Reference azurerm_key_vault_key.metrics.versionless_id: the versionless key URI makes the registry follow new versions by itself within an hour, while the resource's plain id stays pinned to the version Terraform first created (and a data source's id would turn each new version into a plan change instead)."),

dict(key="EO3", style="long", kind="howto", category="recovery", quals=[], flags=["either_or", "two_facts"],
question="""For the yearly resilience exercise we must show that we can make registry crdrill unreadable on command and bring it back within fifteen minutes. Its key drill-kek lives in the RBAC vault kv-drill-01 with purge protection on, and the identity is id-drill-acr. Two proposals came in: one engineer wants to delete drill-kek and recover it afterwards, another wants to take id-drill-acr's role off kv-drill-01 and grant it again. For this exercise, should we delete the key or remove the identity's access, and why?""",
canonical=[V + "revoking-and-restoring-access-to-the-customer-managed-key", V + "what-revocation-does-to-the-registry"],
related=[V + "revoke-by-deleting-the-rbac-role-assignment", V + "restore-access-after-a-revocation"],
facts=["so list first with the same filters"],
answer_facts=["registry identity's access to the key", "there is no partial revocation per repository"],
truth="Remove the identity's access: deleting id-drill-acr's Key Vault Crypto Service Encryption User assignment blocks all registry data just as deleting the key does, and re-creating it restores access without touching the key. Deleting drill-kek also works and can be recovered, but it cuts off every key version at once and depends on soft delete and recovery, the riskier path for a drill. Either way there is no partial revocation per repository, and list the assignments before deleting, because the delete removes every match."),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="W3", style="short", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["without"],
question="give acr identity access to one managed hsm key without the whole hsm?",
canonical=[A + "grant-access-to-a-key-in-a-managed-hsm"],
related=[M + "local-rbac-roles-for-acr-encryption", I + "why-the-registry-needs-a-managed-identity"],
facts=["local role changes can take several minutes to take effect"],
answer_facts=["az keyvault role assignment create --hsm-name", "for least privilege"],
truth="Create a Managed HSM local role assignment scoped to that key: az keyvault role assignment create --hsm-name <hsm> --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id <identity principal ID> --assignee-principal-type MSI --scope /keys/<key-name>; only /keys or / would cover more, and ACR never creates this assignment for you."),

dict(key="TY1", typo="vesion", style="short", kind="no", category="rotation", quals=["hsm", "oct2026"], flags=[],
question="new key vesion in managed hsm, do we redo the role assignment?",
canonical=[K + "create-a-new-version-in-a-managed-hsm"],
related=[M + "rotate-a-managed-hsm-key", M + "local-rbac-roles-for-acr-encryption"],
facts=["a key holds at most 100 versions"],
answer_facts=["covers every version of the key"],
truth="No: in a Managed HSM the identity's local role assigned at /keys/<key-name> covers every version of that key, so a new version needs no new assignment; only a new key name does."),

dict(key="WHY1", style="short", kind="why", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="why does az keyvault create --hsm-name insist on --retention-days?",
canonical=[M + "provision-and-activate-the-managed-hsm"],
related=[S + "azure-cli-version-notes-for-cmk-commands", O + "soft-delete-and-purge-protection-on-the-key-vault"],
facts=["refuses to run without --retention-days (7 to 90)"],
answer_facts=["insists on --retention-days", "the soft-delete retention, 7 to 90 days"],
truth="Azure CLI 2.91 will not create a Managed HSM without it: --retention-days sets the HSM's soft-delete retention, 7 to 90 days, the window in which a deleted HSM or key can still be recovered, and soft delete is always on for Managed HSM."),

dict(key="TS1", style="short", kind="troubleshoot", category="setup", quals=["iac"], flags=[],
question="our bicep registry with sku standard plus cmk encryption gets rejected, why",
canonical=[T + "cmk-needs-the-premium-tier"],
related=[O + "cmk-requires-the-premium-sku", C + "bicep-registry-with-a-customer-managed-key"],
facts=["upgrading a basic or standard registry to premium does not add cmk afterwards"],
answer_facts=["exists only in the premium tier"],
truth="Customer-managed key encryption exists only in the Premium tier, so the service rejects a Standard registry that carries encryption settings; set the sku to Premium in the Bicep file. It has to be Premium at creation, because upgrading a Standard registry later does not add CMK."),

dict(key="NN4", style="short", kind="troubleshoot", category="identity", quals=[], flags=["non_native"],
question="acr cli say it can not remove identity, it is from other rg. why",
canonical=[I + "the-encryption-identity-cannot-simply-be-removed"],
related=[T + "removing-the-encryption-identity-fails", I + "which-identity-value-goes-where"],
facts=["az acr identity show lists what is attached"],
answer_facts=["needs its full resource id"],
truth="That refusal comes from the CLI itself: a user-assigned identity given by name is looked up in the registry's resource group, so one from another resource group looks unattached; pass its full resource ID instead, and never remove the identity that encryption currently uses."),

dict(key="EO4", style="short", kind="value", category="keys", quals=[], flags=["either_or"],
question="purge protection on the cmk kv: required or just recommended?",
canonical=[O + "requirements-at-a-glance"],
related=[O + "soft-delete-and-purge-protection-on-the-key-vault", S + "step-3-create-the-key-vault-with-purge-protection"],
facts=["on by default for new vaults"],
answer_facts=["recommended, not required"],
truth="Recommended, not required: the current ACR docs only recommend purge protection (soft delete is on by default for new vaults); the \"must\" wording came from the retired 2020 preview page."),

dict(key="V3", style="short", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="which hsm role does the person creating the key need, not the acr one?",
canonical=[M + "requirements-for-a-managed-hsm-key-store"],
related=[M + "local-rbac-roles-for-acr-encryption", A + "your-own-permissions-to-create-keys-in-an-rbac-vault"],
facts=["only these built-in roles can write role assignments"],
answer_facts=["for example managed hsm crypto user"],
truth="A key-creating local role such as Managed HSM Crypto User; the registry identity gets only Managed HSM Crypto Service Encryption User, and writing that identity's role assignment takes Managed HSM Administrator, Crypto Officer or Policy Administrator."),

dict(key="Y2", style="short", kind="yes", category="keys", quals=[], flags=[],
question="az keyvault key create with an existing key name just adds a version, right",
canonical=[K + "create-a-new-version-with-az-keyvault-key-create"],
related=[K + "how-new-key-versions-are-created", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["an ec version would not be usable by the registry"],
answer_facts=["adds a new version to that key"],
truth="Yes: reusing the name of an existing key adds a new version to it instead of a second key; keep the type RSA or RSA-HSM, and a registry on the versionless ID moves to the new version within an hour."),

dict(key="TY2", typo="acces", style="short", kind="no", category="recovery", quals=[], flags=[],
question="is disabling the kv key one of the documented ways to revoke acr acces",
canonical=[V + "disabling-the-key-instead-a-key-vault-option-not-in-the-acr-docs"],
related=[V + "revoking-and-restoring-access-to-the-customer-managed-key", T + "key-is-disabled-or-expired"],
facts=["is not allowed on a disabled key"],
answer_facts=["list disabling or expiring the key"],
truth="No: the ACR articles name only removing the identity's access and deleting the key; disabling (or expiring) a key is a Key Vault control whose effect on a registry is not documented, though it should block the registry as well, so test it before relying on it."),

dict(key="U3", style="short", kind="undocumented", category="keys", quals=[], flags=[],
question="minimum rsa key size acr cmk accepts, is 2048 enough",
canonical=[O + "key-sizes-offered-by-key-vault"],
related=[O + "which-key-types-and-sizes-are-supported", T + "elliptic-curve-key-rejected"],
facts=["the acr docs do not prescribe a key size"],
answer_facts=["key vault statement, not an acr one", "2048, 3072 and 4096 bits"],
truth="Not documented: the ACR articles name no key size at all; the sizes come from Key Vault, which offers RSA keys of 2048, 3072 and 4096 bits, and any of them is a valid key, so pick what your compliance policy asks for."),

dict(key="TY3", typo="comand", style="short", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="comand to switch on purge protection for an existing managed hsm",
canonical=[O + "soft-delete-and-purge-protection-on-the-key-vault"],
related=[M + "recover-a-deleted-managed-hsm-key-or-hsm", V + "how-purge-protection-protects-the-registry"],
facts=["it is a one-way switch"],
answer_facts=["az keyvault update-hsm --enable-purge-protection true"],
truth="az keyvault update-hsm --hsm-name <hsm> --resource-group <group> --enable-purge-protection true; on a Managed HSM it is a one-way switch, and it stops a deleted key or HSM from being purged before its retention period ends."),

dict(key="FU4", style="short", kind="howto", category="keys", quals=["hsm", "oct2026"], flags=["follow_up"],
question="that worked, thanks. now how do i drop the version from the hsm kid?",
canonical=[K + "versioned-and-versionless-key-ids"],
related=[M + "managed-hsm-key-uris", S + "step-6-choose-a-versioned-or-versionless-key-id"],
facts=["the registry follows new key versions automatically"],
answer_facts=["remove the last path segment", "strip it the same way"],
truth="Remove the last path segment of the Managed HSM kid, e.g. KEY_ID_VERSIONLESS=\"${KEY_ID%/*}\" in bash, which leaves https://<hsm>.managedhsm.azure.net/keys/<key-name>; with that versionless URI the registry follows new key versions automatically."),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="W4", style="agent", kind="howto", form="imperative", category="hsm", quals=["hsm", "oct2026"], flags=["without"],
question="Explain how to get the exact key URI of key gov-kek in Managed HSM mh-gov-01 for registry crgov, which lives outside the global Azure cloud, without typing the HSM host name by hand.",
canonical=[M + "managed-hsm-key-uris"],
related=[T + "managed-hsm-uri-is-not-a-key-uri", O + "the-key-encryption-key-kek-and-its-identifier"],
facts=["differs in other clouds"],
answer_facts=["take the host from the hsm's hsmuri"],
truth="Read it from the HSM instead of building it: az keyvault key show --hsm-name mh-gov-01 --name gov-kek --query key.kid returns the versioned key URI on the HSM's own host (drop the last segment for the versionless form), and az keyvault show --hsm-name mh-gov-01 --query properties.hsmUri gives the host, since the Managed HSM DNS suffix differs outside the global cloud; the value must stay an https URI pointing at /keys/gov-kek."),

dict(key="EO5", style="agent", kind="howto", form="imperative", category="setup", quals=[], flags=["either_or"],
question="Tell me whether kv-docs-02 for registry crdocs should be created with --enable-rbac-authorization true or false when the team insists on the access-policy steps of the old tutorial, and give the create line.",
canonical=[S + "step-3-create-the-key-vault-with-purge-protection"],
related=[A + "azure-cli-262-and-later-create-rbac-vaults-by-default", S + "option-b-access-policy-on-an-access-policy-vault"],
facts=["unless told otherwise"],
answer_facts=["access-policy permission model", "--enable-rbac-authorization false"],
truth="Use false: az keyvault create --name kv-docs-02 --resource-group <group> --location <region> --enable-purge-protection --enable-rbac-authorization false. On CLI 2.62 and later the vault would otherwise use RBAC and set-policy would be refused, while false keeps the access-policy path with get, wrapKey and unwrapKey."),

dict(key="NN5", style="agent", kind="troubleshoot", form="context", category="troubleshooting", quals=["hsm", "oct2026"], flags=["non_native"],
question="Context: user write that az acr create with Managed HSM key fail one minute after he assign the local role, and the role is already in the list. Task: explain why this happen and what he should do.",
canonical=[T + "managed-hsm-role-assignment-not-yet-in-effect"],
related=[A + "grant-access-to-a-key-in-a-managed-hsm", M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli"],
facts=["wait and run it again"],
answer_facts=["can take several minutes to propagate", "do not pile up duplicate assignments"],
truth="A new local role assignment in a Managed HSM may need several minutes before it takes effect, and until then the identity counts as having no access even though the assignment is listed. If it shows the right role, principal and scope, wait a few minutes without adding duplicate assignments, then rerun az acr create; only if it still fails, check activation, key type and operations, the key URI and the HSM firewall."),

dict(key="TS2", style="agent", kind="troubleshoot", form="keywords", category="troubleshooting", quals=[], flags=[],
question="rotate-key on existing premium registry crlegacy refuses, says rotation only works for cmk registries, next step to get it encrypted",
canonical=[T + "key-rotation-fails-on-a-registry-without-cmk"],
related=[O + "cmk-can-only-be-enabled-when-the-registry-is-created", O + "moving-an-existing-registry-to-cmk"],
facts=["az acr update has no --identity or --key-encryption-key option"],
answer_facts=["create a new premium registry with cmk", "converting existing registries is not planned"],
truth="crlegacy was created without a customer-managed key, and CMK can only be chosen at creation; rotate-key works only on registries that already use it. Create a new Premium registry with CMK (identity and key access in place first), copy the images with az acr import, repoint clients, and delete crlegacy only after checking the copy."),

dict(key="TS3", style="agent", kind="troubleshoot", form="context", category="troubleshooting", quals=["hsm", "oct2026"], flags=[],
question="Context: registry crnav started refusing pulls this week, nobody admits to a change, and encryption show points keyIdentifier at a managedhsm.azure.net host. Task: list the read-only checks to run, in order, for a Managed HSM key store.",
canonical=[T + "general-diagnostic-checklist"],
related=[T + "troubleshooting-customer-managed-keys", L + "check-the-encryption-status-of-a-registry"],
facts=["most failures come from one of these links breaking"],
answer_facts=["run these read-only commands in order", "points at a managed hsm"],
truth="Go through the checklist in order: az acr encryption show (status, key, identity), az acr identity show, az acr check-health --ignore-errors --yes; then, because the key is in a Managed HSM, the HSM step instead of the vault steps: az keyvault show --hsm-name for activationStatus, network rules, soft delete and purge protection, az keyvault key show --hsm-name for an enabled, unexpired RSA-HSM key allowing wrapKey and unwrapKey, and az keyvault role assignment list --hsm-name for the identity's local role at /keys/<key>."),

dict(key="V4", style="agent", kind="value", form="keywords", category="rotation", quals=["hsm", "oct2026"], flags=[],
question="managed hsm rotation policy limits for the registry key mh-ret-01/ret-kek: shortest interval, max versions per key, role needed to manage it",
canonical=[M + "rotate-a-managed-hsm-key"],
related=[K + "create-a-new-version-in-a-managed-hsm", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["the same one-hour window applies"],
answer_facts=["every 28 days", "at most 100 versions"],
truth="In a Managed HSM an automatic rotation policy cannot rotate more often than every 28 days, a key can have at most 100 versions, a policy has to exist before on-demand rotation works, and the Managed HSM Crypto User role covers creating and rotating; with a versionless key URI the registry follows each new version within an hour."),

dict(key="W5", style="agent", kind="yes", form="imperative", category="recovery", quals=[], flags=["without"],
question="Confirm whether registry crbill comes back by itself after we recover its deleted key in kv-bill-02, without re-creating the identity's role assignment on that vault.",
canonical=[V + "recover-a-deleted-key"],
related=[V + "re-create-rbac-role-assignments-after-recovering-a-vault", T + "key-vault-or-key-was-deleted"],
facts=["does not bring them back"],
answer_facts=["unaffected by deleting and recovering a key"],
truth="Yes: az keyvault key recover --vault-name kv-bill-02 --name <key> is enough, because the identity's role assignment or access policy on the vault is not affected when a key is deleted and recovered; registry operations resume once the key is back. Re-creating assignments is only needed after recovering a whole vault."),

dict(key="N1", style="agent", kind="no", form="context", category="iac", quals=["hsm", "iac", "oct2026"], flags=[],
question="Context: our registries are deployed with the AVM Bicep module br/public:avm/res/container-registry/registry, and the new key sits in a Managed HSM. Question: can its customerManagedKey parameter take that Managed HSM key? Answer yes or no with the reason.",
canonical=[C + "avm-bicep-module-customermanagedkey-parameter"],
related=[C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs", C + "bicep-registry-with-a-customer-managed-key"],
facts=["azurerm from 4.65.0; neither avm module"],
answer_facts=["a vault, not a managed hsm"],
truth="No: customerManagedKey.keyVaultResourceId must be a key vault's resource ID, not a Managed HSM, and neither AVM module handles Managed HSM keys; deploy that registry with a plain Bicep registry resource (encryption.keyVaultProperties with the HSM key URI and the identity's client ID) and create the local role assignment yourself."),

dict(key="WHY2", style="agent", kind="why", form="keywords", category="identity", quals=["hsm", "oct2026"], flags=[],
question="why a cmk registry needs a managed identity at all instead of holding a secret for its key vault or managed hsm",
canonical=[I + "why-the-registry-needs-a-managed-identity"],
related=[I + "managed-identities-for-acr-cmk-encryption", O + "identity-and-key-access-requirements"],
facts=["managed hsm has no access policies"],
answer_facts=["hold credentials for its key store", "single point through which the registry reaches"],
truth="The registry holds no credentials for its key store: it calls the key vault or Managed HSM as a managed identity, and the store decides from that identity's access policy, Azure RBAC role or local RBAC role whether it may read, wrap and unwrap the key, which makes the identity the one path by which the registry reaches its key."),

dict(key="U4", style="agent", kind="undocumented", form="imperative", category="rotation", quals=[], flags=[],
question="Summarize how often the ACR CMK docs say the key of registry crpolicy must be rotated, given that our auditors want a fixed interval written down.",
canonical=[K + "how-often-to-rotate"],
related=[K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", K + "rotating-the-customer-managed-key"],
facts=["the shortest allowed rotation interval is 7 days"],
answer_facts=["no fixed rotation frequency"],
truth="Not documented: the docs only recommend rotating key versions regularly, on the schedule your own compliance policy sets, and give no fixed frequency; Key Vault rotation policies allow intervals from 7 days upward, so the interval is yours to choose and write down."),

dict(key="FU5", style="agent", kind="howto", form="context", category="identity", quals=["hsm", "oct2026"], flags=["follow_up"],
question="Context: earlier in this chat the assistant told the user to move registry crquote to its system-assigned identity; the user has turned it on and read its principal ID, and the key sits in Managed HSM mh-quote-01. Task: give the remaining steps.",
canonical=[I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
related=[K + "rotate-with-a-different-identity-or-the-system-assigned-identity", I + "quote-system-in-shell-commands"],
facts=["write it in single quotes"],
answer_facts=["acr does not create this for you", "keyvaultproperties.identity now reads system"],
truth="Grant that principal the Managed HSM local role yourself, since ACR will not: az keyvault role assignment create --hsm-name mh-quote-01 --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id <system principal ID> --assignee-principal-type MSI --scope /keys/<key-name>; then az acr encryption rotate-key --name crquote --key-encryption-key <current key URI> --identity '[system]', and check that keyVaultProperties.identity reads system before touching the old user-assigned identity."),

dict(key="H1", style="agent", kind="howto", form="context", category="rotation", quals=[], flags=[],
question="Context: registry crmaps must move from key maps-kek in kv-maps-01 to a new key in kv-maps-02, an RBAC vault, and its identity id-maps-acr has nothing on kv-maps-02 yet. Task: give the order of steps so the registry never loses its key.",
canonical=[A + "access-to-a-key-in-a-second-key-vault"],
related=[K + "move-to-a-different-key-or-to-a-key-in-another-vault", A + "grant-access-with-an-azure-rbac-role"],
facts=["keep the old vault and key, with access"],
answer_facts=["access is granted per vault"],
truth="First give id-maps-acr Key Vault Crypto Service Encryption User on kv-maps-02 (its principal ID, vault scope), since access is granted per vault; then create the key there, run az acr encryption rotate-key --name crmaps --key-encryption-key <new key URI> --identity id-maps-acr, and keep kv-maps-01 and its grant until az acr encryption show reports the new key."),
]

# ---------------- off-topic ----------------
OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind=OFF, category=OFF, subject="transparent data encryption", near_miss=True,
question="""Our registry crpayments already uses a customer-managed key, pay-kek in kv-pay-01, and the audit went well. Now the database team wants their Azure SQL database, which stores the payment metadata our images refer to, to use transparent data encryption with a key they control too. Their idea is to reuse pay-kek as the TDE protector so that there is only one key to rotate and revoke. How do we make an Azure SQL server use a Key Vault key for transparent data encryption, and is sharing the registry's key a sensible plan?""",
truth="Not covered: transparent data encryption and TDE protectors for Azure SQL are outside the knowledge, which only covers the container registry's own customer-managed key."),

dict(key="X2", style="long", kind=OFF, category=OFF, subject="sealed secrets", near_miss=True,
question="""We pull images from our CMK registry crdeploy into several clusters, and the application secrets for those deployments sit in git as sealed manifests, encrypted with the public half of the Sealed Secrets controller's key pair. The controller renews its sealing key every 30 days, and the auditors now want that key backed up into the same Key Vault that holds the registry key, and rotated on the same day. How do we back up and rotate the Sealed Secrets sealing key, and re-seal the older manifests afterwards?""",
truth="Not covered: the Sealed Secrets controller, its sealing keys and re-sealing manifests are not part of the knowledge, which deals with ACR customer-managed key encryption."),

dict(key="X3", style="long", kind=OFF, category=OFF, subject="certbot", near_miss=True,
question="""Customers reach registry crweb through a vanity hostname on a reverse proxy in front of it, and the proxy's TLS certificate comes from Let's Encrypt via certbot on a small VM. We would like each renewed certificate to land in the same Key Vault as the registry's encryption key, kv-web-02, so one access review covers both. How do I make certbot push every renewed certificate and its private key into Key Vault automatically?""",
truth="Not covered: certbot renewals and importing TLS certificates into Key Vault are outside the knowledge, which covers only the registry's encryption key."),

dict(key="X4", style="long", kind=OFF, category=OFF, subject="kopia", near_miss=True,
question="""Every night we export the release images of our CMK registry crrelease to blob storage and back them up with Kopia. The Kopia repository password lives in a file on the backup server today, and security wants it kept in Key Vault next to the registry's key and changed whenever we rotate that key. What is the right way to have Kopia read its repository password from Key Vault, and can the password be changed without re-encrypting the whole repository?""",
truth="Not covered: Kopia repositories and their passwords are a backup-tool topic the knowledge does not cover; it is limited to the registry's customer-managed key."),

dict(key="X5", style="long", kind=OFF, category=OFF, subject="strongswan",
question="""Our on-premises build farm pushes images to registry crfarm through an IPsec tunnel that ends on a strongSwan gateway in our data centre and an Azure VPN gateway on the other side. The tunnel uses a pre-shared key that has not changed in four years, and the same audit that reviewed the registry's encryption key flagged it. How do I rotate the pre-shared key in strongSwan without dropping the tunnel for long, and which swanctl settings change?""",
truth="Not covered: strongSwan and IPsec pre-shared key rotation are networking topics outside the knowledge."),

dict(key="X6", style="long", kind=OFF, category=OFF, subject="okta",
question="""Administrators of our registries sign in to Azure through an Okta federation, and last quarter our security team asked us to rotate the signing key Okta uses for that federation, since the registry encryption key had just been rotated and they want one date for all keys. The Okta admin console offers to generate a new signing certificate, but I am not sure how to roll it over on the Entra side without locking everyone out. What is the order of steps for the Okta signing key rollover?""",
truth="Not covered: Okta federation and its signing certificate rollover are identity-provider topics the knowledge does not cover."),

dict(key="X7", style="agent", kind=OFF, category=OFF, form="context", subject="openvpn",
question="Context: operators reach the management subnet of our registry and key vault through an OpenVPN server. Task: explain how to rotate the server's tls-crypt key and roll it out to every client without a flag day.",
truth="Not covered: OpenVPN servers and their tls-crypt keys are outside the knowledge, which covers ACR customer-managed key encryption only."),

dict(key="X8", style="agent", kind=OFF, category=OFF, form="imperative", subject="tpm",
question="Explain how to bind the disk unlock key of our Linux build agents, which push to our encrypted registry, to each machine's TPM with clevis so that they reboot unattended.",
truth="Not covered: binding disk unlock keys to a TPM with clevis is a host-encryption topic the knowledge does not cover."),

dict(key="X9", style="agent", kind=OFF, category=OFF, form="keywords", subject="bitwarden",
question="bitwarden organisation export for the registry admin team, encrypted json format and how the export key is derived from the password",
truth="Not covered: Bitwarden exports and their key derivation are password-manager topics outside the knowledge."),

dict(key="X10", style="short", kind=OFF, category=OFF, subject="keepass",
question="keepass key file or master password for the ops team database?",
truth="Not covered: KeePass databases, key files and master passwords are not part of the knowledge."),

dict(key="X11", style="short", kind=OFF, category=OFF, subject="fido2",
question="how do we enrol fido2 security keys for our azure portal admins?",
truth="Not covered: enrolling FIDO2 security keys for sign-in is an identity-platform topic outside the knowledge."),

dict(key="X12", style="short", kind=OFF, category=OFF, subject="traefik",
question="traefik: which provider plugin reads tls certs from a key vault?",
truth="Not covered: Traefik certificate providers are outside the knowledge, which is about registry encryption keys."),
]
# ---- end of questions ----

QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"vesion": "version", "comand": "command", "acces": "access"}
SHAPES = ["two_facts", "pasted_output", "either_or", "without", "non_native", "follow_up"]

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
    rng = random.Random(41)
    while True:
        rng.shuffle(items)
        cats = [q["category"] for q in items]
        if not any(cats[i] == cats[i + 1] == cats[i + 2] for i in range(len(cats) - 2)):
            break
    entries, meta = [], {}
    for n, q in enumerate(items, 1):
        qid = "k%03d" % n
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
    with open(os.path.join(HERE, "blind41.json"), "w", encoding="utf-8") as fh:
        json.dump(entries, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    with open(os.path.join(HERE, "blind41-meta.json"), "w", encoding="utf-8") as fh:
        json.dump(meta, fh, indent=1, ensure_ascii=False, sort_keys=True)
        fh.write("\n")
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    with open(os.path.join(HERE, "blind41-first-canonicals.txt"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(firsts) + "\n")


if __name__ == "__main__":
    main()
