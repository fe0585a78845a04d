"""blind49 builder: holds the 60 questions (QUESTIONS) and writes blind49.json, blind49-meta.json and
blind49-first-canonicals.txt."""
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
# ---- slack_thread ----
dict(key="L1", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["slack_thread"],
question="""Pasting our team channel from this morning, since I'm the one who has to decide what we do next:

[09:02] ines: crkestrel create just failed again, it says the identity can't use kestrel-kek in mhsm-kestrel
[09:04] tomasz: I gave id-kestrel-enc the encryption user role on /keys/kestrel-kek at 08:58, and the role assignment list for mhsm-kestrel shows it with the right principal
[09:05] ines: then why is the HSM still saying no? should we just add the same role again at the wider /keys scope so it covers everything?
[09:06] tomasz: I'd rather not widen it without a reason""",
canonical=[T + "managed-hsm-role-assignment-not-yet-in-effect"],
related=[M + "local-rbac-roles-for-acr-encryption", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope", A + "verify-the-identitys-access"],
facts=["Do not pile up duplicate assignments in the meantime."],
answer_facts=["several minutes to propagate"],
truth="Most likely nothing is wrong with the grant itself: role changes inside a Managed HSM's local RBAC need several minutes before they count, and until then the identity is treated as having no access even though the assignment already appears in the list. Tomasz's check shows the right role, principal and key, so wait a few minutes and retry the registry creation instead of adding a second assignment; duplicates don't make it faster, and a copy at the /keys scope would hand id-kestrel-enc every key in the HSM rather than the least-privilege key scope. If it still fails well after that, go through the other Managed HSM checks: activation, an RSA-HSM key that allows wrapKey and unwrapKey, the key URI, and the HSM firewall."),

dict(key="L2", style="long", kind="troubleshoot", category="identity", quals=[], flags=["slack_thread", "two_facts"],
question="""Thread from #platform-oncall, copied as it happened:

noor: every docker pull from crheron is 403 since about 06:00, all repos
felix: the message says the identity tied to the registry is inactive and wants it reassigned by hand
noor: odd, nothing changed this week. only thing I remember: back in March someone ran az acr identity remove on id-heron-enc because it looked unused, it errored and we moved on
felix: vault permissions are untouched, I checked
noor: so is crheron beyond repair now, or can we bring that identity back without rebuilding the registry?""",
canonical=[T + "registry-identity-is-inactive-or-expired", I + "the-encryption-identity-cannot-simply-be-removed"],
related=[T + "removing-the-encryption-identity-fails", I + "switch-to-a-different-user-assigned-identity", L + "az-acr-check-health-and-cmk_error"],
facts=["Reassign the identity manually"],
answer_facts=["until the identity's credentials run out", "it stops being renewed"],
truth="It can be fixed in place. The failed removal in March meant id-heron-enc was no longer renewed; pulls and pushes carried on until its credentials ran out, which typically takes around three months, and since then every request gets 403. Attach the same user-assigned identity again with az acr identity assign -n crheron --identities <resource ID of id-heron-enc>, then retry a pull; the vault side needs nothing because its access was never touched. If the team really wants to retire that identity, do it the supported way: give another identity (or the registry's system identity) access to the key, move encryption to it with az acr encryption rotate-key, and only then remove id-heron-enc."),

dict(key="L3", style="long", kind="howto", category="rotation", quals=["hsm", "iac", "oct2026"], flags=["slack_thread"],
question="""From our change-advisory chat. CAB only signs off on portal changes for prod, so the CLI route is out:

marta: crpuffin has to move from its old vault key to puffin-kek in mhsm-puffin before Friday
jonas: identity stays id-puffin-enc, and the HSM admins already created puffin-kek as RSA-HSM
marta: ok, and where do I actually click? is it somewhere in the registry's own settings?
jonas: probably, but does Select from Key Vault even show a Managed HSM there, and will the key it saves rotate on its own later?""",
canonical=[K + "rotate-the-key-in-the-azure-portal"],
related=[M + "rotate-a-managed-hsm-key", M + "key-picker-blocked-by-the-hsm-firewall", K + "versioned-and-versionless-key-ids"],
facts=["Settings > Encryption"],
answer_facts=["a key chosen there is stored versionless", "does not create the local role assignment"],
truth="In the portal open crpuffin, go to Settings > Encryption and choose Change key. Select from Key Vault lists Managed HSMs as well as key vaults, so you can pick mhsm-puffin and puffin-kek there; the portal saves that choice without a version, which switches on automatic rotation, and new versions are then followed within about an hour. Enter key URI also accepts a Managed HSM key ID if you prefer to paste it (with a version it stays pinned). One thing must be done before you save: id-puffin-enc needs the local role Managed HSM Crypto Service Encryption User on /keys/puffin-kek, and neither the portal nor ACR creates it, so ask the HSM admins to assign it first. If the picker shows the HSM but no keys, its firewall is blocking your browser; use Enter key URI then."),

dict(key="L4", style="long", kind="howto", category="recovery", quals=[], flags=["slack_thread"],
question="""Revocation drill on crosprey, straight from the incident channel:

[14:20] aylin: running the revoke step from our old runbook now, az keyvault delete-policy on kv-osprey with the key's kid pasted into --object-id
[14:22] aylin: it complained about the object ID and the registry still pulls fine
[14:25] ben: kv-osprey is an access-policy vault, I checked enableRbacAuthorization and it's false
[14:27] aylin: so the command is right and the value is wrong? what exactly goes into --object-id here, and do I look it up differently because crosprey runs on its system identity?""",
canonical=[V + "revoke-by-removing-the-access-policy"],
related=[A + "which-permission-model-does-my-key-vault-use", V + "restore-access-after-a-revocation", I + "which-identity-value-goes-where"],
facts=["earlier revisions put a key ID there, which does not work"],
answer_facts=["principal id of the registry's identity"],
truth="The value is the problem: --object-id wants the principal (object) ID of the identity the registry uses for encryption, not anything about the key; older revisions of the rotate-and-revoke tutorial printed a key ID there, and that never worked. Because crosprey encrypts with its system-assigned identity, read that principal with az acr identity show -n crosprey --query principalId -o tsv, then run az keyvault delete-policy -n kv-osprey -g <resource group> --object-id <that principal ID>. As soon as the policy is gone every pull and push fails, since all registry data is blocked; to end the drill, add the policy back with az keyvault set-policy and the key permissions get, wrapKey and unwrapKey, and the registry reconnects on its own."),

dict(key="L5", style="long", kind="undocumented", category="limits", quals=[], flags=["slack_thread"],
question="""Design review thread for the new production registry crplover:

lena: target is Premium, CMK from kv-plover, and zone redundancy on, since the platform SLO wants a zone failure covered
raj: fine by me, but both of those have to be set when the registry is created, right? neither can be added later
lena: yes, which is why I want to be sure before we press the button
raj: then one thing left to settle: do the ACR CMK docs actually state that CMK and zone redundancy work together?""",
canonical=[L + "zone-redundancy-with-cmk-is-not-documented"],
related=[L + "feature-compatibility-summary", O + "cmk-can-only-be-enabled-when-the-registry-is-created", S + "rules-that-az-acr-create-enforces-for-cmk"],
facts=["cannot be changed after creation"],
answer_facts=["do not mention zone redundancy"],
truth="Not documented: the CMK articles never mention zone redundancy, neither as supported nor as a limitation. az acr create does take --zone-redundancy Enabled alongside --identity and --key-encryption-key (the flag is marked preview and can't be altered after creation), but that only shows the CLI doesn't object; it says nothing about the service backing the combination. Since both settings are fixed once crplover exists, try the exact pair in a test subscription first, and get a written confirmation from Microsoft support if the SLO depends on it."),

# ---- terraform_plan_output ----
dict(key="L6", style="long", kind="no", category="iac", quals=["iac"], flags=["terraform_plan_output"],
question="""We manage crbittern (Premium, created two years ago without CMK, roughly 600 repositories) in Terraform. I added an encryption block pointing at our new key plus a user-assigned identity, and `terraform plan` came back surprisingly calm:

```text
  # azurerm_container_registry.bittern will be updated in-place
  # (moved from azurerm_container_registry.main)
  ~ resource "azurerm_container_registry" "bittern" {
        id   = "/subscriptions/3e9a.../resourceGroups/rg-bittern/providers/Microsoft.ContainerRegistry/registries/crbittern"
        name = "crbittern"

      + encryption {
          + identity_client_id = "6c1f0d2a-9b47-4e3c-8a55-1f0e7d92b6c3"
          + key_vault_key_id   = "https://kv-bittern.vault.azure.net/keys/bittern-kek"
        }

      ~ identity {
          ~ type         = "SystemAssigned" -> "SystemAssigned, UserAssigned"
          + identity_ids = [ ... ]
        }
    }
```

No replacement, nothing destroyed (the rename is just a moved block in the same PR). If I apply this, will crbittern end up encrypted with our key while keeping all its images?""",
canonical=[C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep"],
related=[O + "cmk-can-only-be-enabled-when-the-registry-is-created", O + "moving-an-existing-registry-to-cmk", C + "terraform-azurerm_container_registry-encryption-block"],
facts=["deletes the old one and every image in it"],
answer_facts=["plans an in-place update", "expected to reject at apply"],
truth="No: a customer-managed key can only be chosen when a registry is created, and because the azurerm provider doesn't treat the encryption block as forcing a new resource, what you see is an in-place update that the service should refuse at apply time (the exact error isn't documented). Don't reach for terraform apply -replace either: it would delete crbittern along with every image. The safer route is a second azurerm_container_registry resource under a new name, created with the encryption block and identity_ids from the start, then copying the repositories over with az acr import, moving clients to the new login server and removing crbittern last."),

dict(key="L7", style="long", kind="troubleshoot", category="iac", quals=["iac"], flags=["terraform_plan_output"],
question="""The first `terraform apply` of a fresh stack (RBAC vault kv-egret, key, identity, role assignment, registry) fails, while rerunning it a few minutes later succeeds with no code change at all:

```text
azurerm_user_assigned_identity.egret: Creation complete after 1s
azurerm_key_vault_key.egret: Creation complete after 2s
azurerm_role_assignment.egret_kek: Creating...
azurerm_container_registry.egret: Creating...
azurerm_role_assignment.egret_kek: Creation complete after 24s
╷
│ Error: creating Registry (Registry Name: "cregret"): performing Create: Failed to access KeyId 'https://kv-egret.vault.azure.net/keys/egret-kek'
│
│   with azurerm_container_registry.egret,
│   on registry.tf line 12, in resource "azurerm_container_registry" "egret":
╵
```

Our registry resource references the identity and the key's versionless_id, and the role assignment gives that identity the service encryption role on the vault. Why does the first run lose the race, and what should change so a clean environment deploys in one go?""",
canonical=[C + "why-the-registry-needs-depends_on-on-the-role-assignment"],
related=[C + "complete-terraform-example-with-key-vault-role-assignment-and-registry", T + "registry-creation-cannot-access-the-key", A + "grant-access-with-an-azure-rbac-role"],
facts=["a guess, not a documented value"],
answer_facts=["may create both in parallel"],
truth="The registry and the role assignment are created side by side: azurerm_container_registry.egret refers to the identity and the key but not to azurerm_role_assignment.egret_kek, so Terraform sees no ordering between them and the registry is created before its identity is allowed to use the key. ACR checks key access at creation, hence the 400. Add depends_on = [azurerm_role_assignment.egret_kek] to the registry. A brand-new assignment can also need a few minutes to become effective, so either accept an occasional re-run of apply or put a time_sleep (hashicorp/time provider) between the grant and the registry; the 120 seconds people often use there is a guess, not a documented figure. On an access-policy vault the same ordering applies to azurerm_key_vault_access_policy."),

dict(key="L8", style="long", kind="troubleshoot", category="identity", quals=["iac"], flags=["terraform_plan_output"],
question="""Applying our registry module for crmerlin (azurerm 4.x) fails on the registry resource. Excerpt of `terraform apply`:

```text
  # azurerm_container_registry.merlin will be created
  + resource "azurerm_container_registry" "merlin" {
      + name = "crmerlin"
      + sku  = "Premium"

      + encryption {
          + identity_client_id = "d2a7c51e-40b9-4f86-93e1-7b0c5a1f28d4"
          + key_vault_key_id   = "https://kv-merlin.vault.azure.net/keys/merlin-kek"
        }

      + identity {
          + type = "SystemAssigned"
        }
    }

azurerm_container_registry.merlin: Creating...
│ Error: creating Registry "crmerlin": unexpected status 400 with error: identity with client ID 'd2a7c51e-40b9-4f86-93e1-7b0c5a1f28d4' is not assigned to this registry
```

That client ID belongs to id-merlin-enc, which already holds its role on the vault. The idea was for the registry to have its own identity and to use id-merlin-enc only for reaching the key. What does the identity block have to look like?""",
canonical=[C + "terraform-azurerm_container_registry-encryption-block"],
related=[I + "which-identity-value-goes-where", C + "complete-terraform-example-with-key-vault-role-assignment-and-registry", I + "a-user-assigned-identity-is-required-when-the-registry-is-created"],
facts=["`UserAssigned` (or `SystemAssigned, UserAssigned`)"],
answer_facts=["must also be listed in identity_ids", "required with userassigned"],
truth="The identity named in the encryption block has to be attached to the registry itself. Set type to \"UserAssigned\" (or \"SystemAssigned, UserAssigned\" if you also want the registry's own identity) and put id-merlin-enc's resource id into identity_ids, which is mandatory as soon as UserAssigned is part of the type. identity_client_id stays that same identity's client_id and key_vault_key_id the key URI; the Premium sku is already right. The system-assigned identity can't carry the encryption at creation anyway, since it doesn't exist before the registry does; moving to it later is a separate step after creation."),

dict(key="L9", style="long", kind="troubleshoot", category="rotation", quals=["iac"], flags=["terraform_plan_output"],
question="""We consume the AVM Terraform module for crgannet, pinned at 0.5.1, with customer_managed_key set to our vault, key name and identity and no key_version. Our Key Vault rotation policy made a new version of gannet-kek last night, and this morning's `terraform plan` shows:

```text
  # module.registry.azurerm_container_registry.this will be updated in-place
    (lines trimmed)
      ~ encryption {
          ~ key_vault_key_id   = "https://kv-gannet.vault.azure.net/keys/gannet-kek/4f1c09e2d7a84b36a0e5c8b1d2f7e903" -> "https://kv-gannet.vault.azure.net/keys/gannet-kek/a93d7b20c4e14f5f8b61d0e2c7a5f184"
            # (1 unchanged attribute hidden)
        }
```

So between rotations the registry sits on the old version until somebody applies, which defeats the point of the rotation policy. Is this a module setting we missed, or do we need another module version?""",
canonical=[C + "avm-terraform-module-customer_managed_key-variable"],
related=[C + "automatic-key-rotation-in-terraform-versionless_id-vs-id", T + "registry-keeps-using-an-old-key-version", C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs"],
facts=["require azurerm `>= 4.81.0, < 5.0.0`"],
answer_facts=["always used the versioned id", "the module uses the key's versionless_id"],
truth="It's the module version. From v0.3.0 up to v0.5.1 the AVM registry module always fed the key's versioned id into key_vault_key_id and ignored key_version, so each new key version shows up as an in-place change and the registry only moves when someone applies. From v0.6.0 the module passes the key's versionless_id unless you set key_version, so crgannet follows new versions by itself within about an hour; that release line needs azurerm >= 4.81.0 and < 5.0.0. Keep user_assigned_identity set and listed in managed_identities. After upgrading, az acr encryption show should report keyRotationEnabled as true."),

dict(key="L10", style="long", kind="howto", category="recovery", quals=["iac"], flags=["terraform_plan_output", "two_facts"],
question="""For the yearly revocation exercise on crcurlew we want to revoke through Terraform, so the change gets reviewed like any other. I commented out the grant for the registry identity, and `terraform plan` shows:

```text
  # azurerm_role_assignment.curlew_kek will be destroyed
  - resource "azurerm_role_assignment" "curlew_kek" {
      - principal_id         = "8b2e41d7-6a0c-4f93-b5e8-2c7d0a9f1e64"
      - role_definition_id   = "/subscriptions/.../providers/Microsoft.Authorization/roleDefinitions/e147488a-..."
      - scope                = "/subscriptions/.../resourceGroups/rg-curlew/providers/Microsoft.KeyVault/vaults/kv-curlew"
    }

```

Separately, our platform module gives the same identity Key Vault Crypto User on the whole rg-curlew resource group, which I hadn't planned to touch. How do we make this a real revocation, and what should we expect to break once it is applied?""",
canonical=[V + "revoke-by-deleting-the-rbac-role-assignment", V + "what-revocation-does-to-the-registry"],
related=[A + "why-key-vault-crypto-user-is-not-needed", V + "restore-access-after-a-revocation", V + "revoke-by-removing-the-access-policy"],
facts=["removes **every** assignment that matches its filters"],
answer_facts=["for a real revocation", "there is no partial revocation per repository"],
truth="Destroying azurerm_role_assignment.curlew_kek alone revokes nothing while the Key Vault Crypto User assignment on rg-curlew stays: that role includes wrap and unwrap and is inherited by the vault, so the identity keeps using the key. For a real exercise take away every role that lets the identity wrap and unwrap, on the vault and on any parent scope; list them first with az role assignment list --assignee-object-id <principal ID> --include-inherited, since a delete removes every match. Once none is left, expect everything that touches stored content to stop at once for all repositories: pulls, pushes, imports; there is nothing per repository. To end the exercise, re-create the Key Vault Crypto Service Encryption User assignment on the vault and the registry picks its key up again by itself."),

# ---- bicep_snippet ----
dict(key="L11", style="long", kind="troubleshoot", category="iac", quals=["iac"], flags=["bicep_snippet"],
question="""Inherited a Bicep file for crwagtail that someone adapted from an old sample. The Bicep build warns on the encryption part, and I'd rather fix it before anything is deployed. The relevant resource:

```bicep
resource registry 'Microsoft.ContainerRegistry/registries@2019-05-01' = {
  name: 'crwagtail'
  location: location
  sku: { name: 'Premium' }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${wagtailId.id}': {} }
  }
  properties: {
    adminUserEnabled: false
    encryption: {
      status: 'enabled'
      keyVaultProperties: {
        identity: wagtailId.properties.clientId
        keyIdentifier: wagtailKeyUri
      }
    }
  }
}
```

The warning says the property "encryption" is not allowed on objects of type RegistryProperties. Which API version should this resource use so the encryption settings are accepted?""",
canonical=[C + "api-versions-that-support-registry-encryption"],
related=[C + "arm-template-json-propertiesencryption-and-keyvaultproperties", C + "bicep-registry-with-a-customer-managed-key", S + "set-up-cmk-with-an-arm-template"],
facts=["all have the same `encryption` and `keyVaultProperties` shape"],
answer_facts=["encryption first appears in 2019-12-01-preview", "prefer the newest stable version"],
truth="2019-05-01 is older than the encryption property: encryption and keyVaultProperties first show up in 2019-12-01-preview. Move the resource to a current stable version such as 2025-04-01 (2021-09-01, 2023-07-01 and 2025-11-01 have the same encryption shape), and prefer the newest stable one. The body itself already fits that shape: status enabled, keyVaultProperties with identity set to the identity's clientId and keyIdentifier set to the key URI, plus the UserAssigned identity under userAssignedIdentities. Fixing it before the first deployment matters, because a registry created without CMK can't be given it afterwards."),

dict(key="L12", style="long", kind="troubleshoot", category="iac", quals=["iac"], flags=["bicep_snippet"],
question="""Our Bicep deployment of crgrebe keeps failing on the registry resource, saying the identity in the encryption settings can't be found on the registry, although it's the same user-assigned identity we attach. Trimmed:

```bicep
resource grebeId 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  scope: resourceGroup('rg-shared-identities')
  name: 'id-grebe-enc'
}

resource registry 'Microsoft.ContainerRegistry/registries@2025-04-01' = {
  name: 'crgrebe'
  location: location
  sku: { name: 'Premium' }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${grebeId.id}': {} }
  }
  properties: {
    encryption: {
      status: 'enabled'
      keyVaultProperties: {
        identity: grebeId.properties.principalId
        keyIdentifier: 'https://kv-grebe.vault.azure.net/keys/grebe-kek'
      }
    }
  }
  dependsOn: [ grebeKeyAccess ]
}
```

The role assignment grebeKeyAccess uses the same principalId and deploys without complaint. What is wrong in the registry part?""",
canonical=[S + "set-up-cmk-with-an-arm-template"],
related=[I + "which-identity-value-goes-where", C + "arm-template-json-propertiesencryption-and-keyvaultproperties", C + "bicep-registry-with-a-customer-managed-key"],
facts=["The registry must depend on the access grant"],
answer_facts=["is the identity's client id", "resource id here does not work"],
truth="keyVaultProperties.identity is given the identity's principalId, but that field takes the client ID: use grebeId.properties.clientId there. The principal (object) ID belongs only in the grant, which is why grebeKeyAccess is happy with it; a resource ID would be just as wrong in this field. Everything else matches what the registry needs: UserAssigned with the identity's resource ID under userAssignedIdentities, status enabled, keyIdentifier with the key URI, and a dependsOn on the grant so access exists before the registry is created."),

dict(key="L13", style="long", kind="howto", category="hsm", quals=["hsm", "iac", "oct2026"], flags=["bicep_snippet", "two_facts"],
question="""Moving crsiskin onto an HSM-held key (Managed HSM) with a fresh Bicep deployment (new registry; the old one will be retired). Draft:

```bicep
resource hsm 'Microsoft.KeyVault/managedHSMs@2023-07-01' existing = {
  name: 'mhsm-siskin'
}

resource registry 'Microsoft.ContainerRegistry/registries@2025-04-01' = {
  name: 'crsiskin'
  location: location
  sku: { name: 'Premium' }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${siskinId.id}': {} }
  }
  properties: {
    encryption: {
      status: 'enabled'
      keyVaultProperties: {
        identity: siskinId.properties.clientId
        keyIdentifier: '${hsm.properties.hsmUri}keys/siskin-kek'
      }
    }
  }
}
```

Another team provisioned the HSM last week and I haven't looked at anything else on it. Before I run this, which preparations must exist on the HSM side, and who has to grant what, for the deployment to go through?""",
canonical=[M + "requirements-for-a-managed-hsm-key-store", M + "limits-and-open-points-with-managed-hsm"],
related=[M + "local-rbac-roles-for-acr-encryption", M + "provision-and-activate-the-managed-hsm", M + "managed-hsm-firewall-and-trusted-services"],
facts=["The HSM is provisioned and activated."],
answer_facts=["you create that role assignment yourself", "creates no key access at all"],
truth="Check the HSM first: it has to be activated (security domain downloaded, activationStatus Active), not merely provisioned, or no key or role work is possible. siskin-kek must be an RSA-HSM key whose operations include wrapKey and unwrapKey, created by someone with a key-creating local role such as Managed HSM Crypto User. The identity behind siskinId needs the local role Managed HSM Crypto Service Encryption User at /keys/siskin-kek, assigned before you deploy by a Managed HSM Administrator, Crypto Officer or Policy Administrator with az keyvault role assignment create --hsm-name mhsm-siskin; a template like this one grants no key access, and ACR never makes that assignment. If the HSM firewall is on, allow trusted services first, and confirm Managed HSM is offered in the registry's region. A keyIdentifier built from hsmUri is fine as long as it ends in /keys/siskin-kek."),

dict(key="L14", style="long", kind="value", category="keys", quals=["iac"], flags=["bicep_snippet"],
question="""I'm translating the docs' JSON template for an existing access-policy vault into Bicep for crdipper, because we don't keep JSON templates in the repo. My version of the access policy part:

```bicep
resource dipperPolicy 'Microsoft.KeyVault/vaults/accessPolicies@2023-07-01' = {
  name: '${vaultName}/add'
  properties: {
    accessPolicies: [
      {
        tenantId: subscription().tenantId
        objectId: dipperId.properties.principalId
        permissions: {
          keys: [ 'get', 'wrap', 'unwrap', 'list' ]
        }
      }
    ]
  }
}
```

I wasn't sure about the key permission list, and a colleague added list "to be safe". Exactly which key permissions does the registry identity's entry need here?""",
canonical=[S + "example-template-for-an-existing-access-policy-vault"],
related=[A + "grant-access-with-a-key-vault-access-policy", S + "deploy-the-template", T + "invalid-key-permission-names-wrap-and-unwrap"],
facts=["This template creates the identity, adds its access policy to an existing access-policy vault"],
answer_facts=["\"get\", \"unwrapKey\", \"wrapKey\""],
truth="Three: get, unwrapKey and wrapKey, and nothing else. The example template gives exactly those to the identity's principalId under permissions.keys. Spell them out in full; wrap and unwrap are only shorthand from prose and aren't valid permission names, and list is not something the registry uses, so drop it. objectId from principalId and tenantId from the subscription are right. Keep the registry resource depending on this accessPolicies resource as well as on the identity, and bear in mind that a policy applies to every key in the vault."),

dict(key="L15", style="long", kind="yes", category="hsm", quals=["hsm", "iac", "oct2026"], flags=["bicep_snippet"],
question="""Our key ceremony generates the registry key offline on our own HSM appliance and imports it into mhsm-shrike (type RSA-HSM, wrapKey and unwrapKey permitted); Azure never generates it. The registry side is Bicep:

```bicep
resource registry 'Microsoft.ContainerRegistry/registries@2025-04-01' = {
  name: 'crshrike'
  location: location
  sku: { name: 'Premium' }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${shrikeId.id}': {} }
  }
  properties: {
    encryption: {
      status: 'enabled'
      keyVaultProperties: {
        identity: shrikeId.properties.clientId
        keyIdentifier: 'https://mhsm-shrike.managedhsm.azure.net/keys/shrike-imported'
      }
    }
  }
}
```

Security asked me to confirm one point before the ceremony is booked. Is a key that was imported into a Managed HSM, rather than generated in it, supported as the registry's customer-managed key?""",
canonical=[O + "bring-your-own-key-byok"],
related=[M + "managed-hsm-is-a-supported-key-store-for-acr-cmk", O + "managed-hsm-keys", M + "requirements-for-a-managed-hsm-key-store"],
facts=["an Azure Key Vault vault, or an Azure Key Vault Managed HSM"],
answer_facts=["both key stores support both", "created outside azure and imported into it"],
truth="Yes: bring your own key works with both key stores, a Key Vault vault or a Managed HSM, so a key generated elsewhere and imported into mhsm-shrike is a valid customer-managed key; Managed HSM has been a documented store since the October 2026 revision of the ACR tutorials. The registry only refers to the key through its URI, and your keyIdentifier is the versionless form, so later versions are followed automatically. The usual Managed HSM conditions still hold for an imported key: RSA-HSM allowing wrapKey and unwrapKey (as yours does), an activated HSM, and the identity holding Managed HSM Crypto Service Encryption User at /keys/shrike-imported before the deployment runs."),

# ---- comparison (long) ----
dict(key="L16", style="long", kind="why", category="keys", quals=[], flags=["comparison"],
question="""Security review question on our registry estate. Every CMK registry identity we own was granted two roles on its vault years ago, and the reviewer wants one of them gone:

```text
$ az role assignment list --assignee-object-id 1d9c7f42-... --scope $KV_TERN_ID --query "[].roleDefinitionName" -o tsv
Key Vault Crypto User
Key Vault Crypto Service Encryption User
```

Our original design note claimed the registry needs both, and I can't find where that came from. I'd like to explain it properly rather than just delete one: what is the difference between Crypto User and the Crypto Service Encryption User role for crtern, and why is the narrower of the two enough for the registry?""",
canonical=[A + "why-key-vault-crypto-user-is-not-needed"],
related=[A + "grant-access-with-an-azure-rbac-role", A + "two-supported-ways-to-grant-key-access", C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs"],
facts=["Do not add it."],
answer_facts=["general cryptographic operations with keys", "grants more than the registry needs"],
truth="Because the registry only ever reads its key and wraps and unwraps with it, and Key Vault Crypto Service Encryption User allows exactly that: looking up key properties plus wrap and unwrap. Key Vault Crypto User covers general cryptographic work with keys (encrypt, decrypt, sign, verify and so on), which the registry never does; the ACR docs don't mention it and only use the service encryption role, or an access policy with get, wrapKey and unwrapKey. So remove Key Vault Crypto User from crtern's identity and keep the other one, after checking that nothing else relies on that identity. Both roles only take effect on vaults that use the RBAC permission model."),

dict(key="L17", style="long", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=["comparison"],
question="""We're deciding where the keys for about thirty new registries should live, and the architecture board wants a one-page comparison before approving anything. The candidates are a Premium key vault per environment, or one Managed HSM shared by every environment. From the registry's point of view I know the Premium SKU, creation-time-only and no-disable rules are the same either way. What I need is the other side: what actually changes with a Managed HSM versus a Premium key vault in readiness, in how the identity gets access, in who creates keys, in the key URI, and in what happens when it gets deleted?""",
canonical=[M + "key-vault-and-managed-hsm-compared"],
related=[M + "requirements-for-a-managed-hsm-key-store", L + "pricing-considerations", L + "managed-hsm-is-not-available-everywhere"],
facts=["Not in every Azure cloud and region; check first"],
answer_facts=["only after it is provisioned and activated", "still billed while soft-deleted"],
truth="Set against a Premium key vault, a Managed HSM differs in five places. Readiness: a vault works as soon as it exists, while an HSM must be provisioned and then activated before any key or role work. Access: instead of an access policy or the Key Vault Crypto Service Encryption User role on the vault, the identity gets the local role Managed HSM Crypto Service Encryption User, best at /keys/<key-name>, assigned with az keyvault role assignment create --hsm-name; access policies don't exist there. Key creation: a local role such as Managed HSM Crypto User instead of Key Vault Crypto Officer, and the key must be RSA-HSM with wrapKey and unwrapKey. URI: https://<hsm>.managedhsm.azure.net/keys/<key>[/<version>] rather than vault.azure.net. Deletion: both are soft-deleted and recoverable, but a deleted HSM keeps being billed until it is recovered or purged. Also confirm Managed HSM is offered in the regions of all thirty registries."),

# ---- plain long ----
dict(key="L18", style="long", kind="howto", category="setup", quals=["hsm", "iac", "oct2026"], flags=[],
question="""Our operations team works almost entirely in the Azure portal and wants a click path for creating crwren with its key held in mhsm-wren, a Managed HSM that another team provisioned last month. The user-assigned identity id-wren-enc is ready and Premium is agreed. I've only done CMK with a normal key vault, where the portal flow was mostly the Encryption tab of the create wizard. Can you outline the portal steps end to end for the HSM case, and tell me which part of the access setup on the Managed HSM the portal will not do for us?""",
canonical=[M + "set-up-a-registry-with-a-managed-hsm-key-in-the-azure-portal"],
related=[S + "set-up-cmk-in-the-azure-portal", M + "key-picker-blocked-by-the-hsm-firewall", A + "grant-access-to-a-key-in-a-managed-hsm"],
facts=["Under **Settings > Local RBAC**"],
answer_facts=["neither the portal nor acr creates"],
truth="1) Make sure mhsm-wren is activated, not only provisioned. 2) Whoever creates the key needs a key-creating local role such as Managed HSM Crypto User. 3) Add the key under the HSM's Settings > Keys, as RSA-HSM with wrapKey and unwrapKey permitted (created there or imported). 4) Under Settings > Local RBAC, assign Managed HSM Crypto Service Encryption User to id-wren-enc at that key's scope; this is the part neither the portal nor ACR ever does, and without it crwren can't be created. 5) If the HSM firewall is on, allow trusted services. 6) Create the Premium registry and on the Encryption tab pick id-wren-enc, then either Select from Key Vault (it lists Managed HSMs and stores the key without a version, so rotation is automatic) or Enter key URI. If the picker shows no keys, the HSM firewall is blocking your browser; paste the URI instead."),

dict(key="L19", style="long", kind="howto", category="network", quals=[], flags=["two_facts"],
question="""New rule from our network team: a key vault has to deny public traffic from the first minute it exists, no opening it up and closing it later. My pipeline for crlapwing currently does this:

```bash
az keyvault create -n kv-lapwing -g rg-lapwing --enable-purge-protection --default-action Deny --bypass None
az keyvault key create --vault-name kv-lapwing -n lapwing-kek --kty RSA --size 3072
az role assignment create --role "$ENC_ROLE" --assignee-object-id "$PRINCIPAL" --assignee-principal-type ServicePrincipal --scope "$KV_ID"
az acr create -n crlapwing -g rg-lapwing --key-encryption-key "$KEK_URI" --identity "$ID_RES" --sku Premium
```

The build agent is a hosted one outside our network, and the key step already fails. In what order should these steps run, and what does the vault need so that both the agent and the registry can still get at the key?""",
canonical=[N + "create-the-key-before-the-registry-when-the-vault-is-locked-down", N + "allow-trusted-services-and-deny-other-traffic"],
related=[S + "create-the-key-before-the-registry-for-restricted-vaults", N + "allow-your-own-clients-through-the-vault-firewall", N + "the-vault-firewall-covers-the-data-plane-only"],
facts=["These rules are for your clients."],
answer_facts=["create the key before creating the registry", "bypass should be azureservices"],
truth="Create the key while something can still reach the vault's data plane, and let the registry in only through the trusted-services exception. A workable order: create kv-lapwing; add the build agent's address or subnet as a network rule (or run the key step from an allowed network), then create lapwing-kek and read its kid; grant the identity its role, which is a Resource Manager call the firewall doesn't filter; set the bypass to AzureServices with default action Deny (az keyvault update --bypass AzureServices --default-action Deny) instead of your --bypass None, which would shut ACR out; only then run az acr create. The registry gets through via the bypass, not an IP rule, while the agent keeps needing its own rule for later key work such as new versions."),

dict(key="L20", style="long", kind="howto", category="setup", quals=[], flags=[],
question="""Our golden runbook for CMK registries was written against azure-cli 2.49, and the build agents are moving to 2.91 next month. These are the lines I'm nervous about:

```bash
az keyvault create -g rg-pipit -n kv-pipit --location westeurope --enable-soft-delete true --retention-days 30 --enable-purge-protection true
az keyvault set-policy -n kv-pipit --key-permissions get wrapKey unwrapKey --object-id "$ID_OBJ"
az role assignment create --assignee "$OPERATOR" --role "Key Vault Crypto Officer"
az acr create -n crpipit -g rg-pipit --identity "$ID_RES" --key-encryption-key "$KEK_URI" --sku Premium
```

Nothing fails on 2.49 today. What do I have to change in these lines so the runbook keeps working on 2.91, and which of them can stay as they are?""",
canonical=[S + "azure-cli-version-notes-for-cmk-commands"],
related=[A + "azure-cli-262-and-later-create-rbac-vaults-by-default", O + "soft-delete-and-purge-protection-on-the-key-vault", A + "grant-access-with-an-azure-rbac-role"],
facts=["unchanged in behaviour"],
answer_facts=["soft delete is always on", "required; always pass the vault's resource id"],
truth="Two lines change and two can stay. The vault line: drop --enable-soft-delete, which current CLI versions no longer have (soft delete is always on), and because vaults come out in RBAC mode from 2.62.0 on, add --enable-rbac-authorization false if you keep the access-policy path; otherwise the set-policy step is refused. The role assignment line needs --scope with the vault's resource ID, which current versions insist on (and --assignee-object-id with --assignee-principal-type User avoids a Graph lookup). The set-policy line is fine on an access-policy vault, since get, wrapKey and unwrapKey are the right names, and the az acr create line stays as it is: the CMK options behave the same from 2.45 through 2.91."),

dict(key="L21", style="long", kind="howto", category="identity", quals=[], flags=[],
question="""crtwite was created with the user-assigned identity id-twite-old, which lives in a resource group that the finance team is about to delete. We've created id-twite-new in our platform resource group and want encryption to use it instead, with the same key (versionless URI in kv-twite, RBAC model). I know rotate-key has an --identity option, but the last time someone took a shortcut like this on another registry it ended with an identity that couldn't be removed and a support ticket. What is the safe sequence of commands, and at which point can id-twite-old actually go?""",
canonical=[I + "switch-to-a-different-user-assigned-identity"],
related=[K + "rotate-with-a-different-identity-or-the-system-assigned-identity", I + "how-rotate-key-interprets-the---identity-value", A + "grant-access-with-an-azure-rbac-role"],
facts=["then rotate to it"],
answer_facts=["reports the new client id", "grant it access to the key"],
truth="Attach, grant, switch, check, then remove. First attach id-twite-new to crtwite with az acr identity assign --identities <its full resource ID>; a bare name would be looked up in the registry's resource group, and this identity lives elsewhere. Next give its principal ID Key Vault Crypto Service Encryption User on kv-twite (az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal --scope <vault ID>). Then run az acr encryption rotate-key -n crtwite --key-encryption-key <the same versionless key URI> --identity <id-twite-new resource ID>; rotate-key doesn't attach identities, which is why the first step exists. Wait until az acr encryption show lists id-twite-new's client ID as the identity. Only after that detach id-twite-old and drop its role; earlier, the removal would be refused or would cut the registry off."),

dict(key="L22", style="long", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question="""The registry create for crruff keeps failing with a key access error, and as far as I can tell the grant is in place:

```text
$ az role assignment list --assignee-object-id 47c0e9a1-... --scope $KV_RUFF_ID --query "[].{who:principalName, role:roleDefinitionName, created:createdOn}" -o table
Who          Role                                      Created
-----------  ----------------------------------------  --------------------
id-ruff-enc  Key Vault Crypto Service Encryption User  2026-11-28T09:14:07Z

$ az keyvault show -n kv-ruff --query properties.networkAcls.defaultAction -o tsv
Allow

$ az acr create -g rg-ruff -n crruff --identity $ID_RES --key-encryption-key $KEK_URI --sku Premium
(BadRequest) Failed to access KeyId 'https://kv-ruff.vault.azure.net/keys/ruff-kek/7d2e...'. Check that identity 'a3f81c06-...' may get, wrap and unwrap with this key.
```

kv-ruff is an older vault that our previous team created with the CLI back in 2023. Its firewall is off and the assignment is three days old, so it isn't propagation, and the identity IDs match. What am I missing?""",
canonical=[T + "role-assignment-has-no-effect-on-an-access-policy-vault"],
related=[A + "which-permission-model-does-my-key-vault-use", A + "grant-access-with-a-key-vault-access-policy", T + "registry-creation-cannot-access-the-key"],
facts=["`enableRbacAuthorization` is false"],
answer_facts=["only its access policies count", "created with azure cli 2.61.0 or earlier"],
truth="kv-ruff uses the access-policy model: vaults made with Azure CLI 2.61.0 or earlier got it by default, and on such a vault Azure role assignments give no key access whatsoever, so the Key Vault Crypto Service Encryption User assignment is simply ignored. Confirm with az keyvault show -n kv-ruff --query properties.enableRbacAuthorization (false or empty). Then either add an access policy for the identity's principal ID with az keyvault set-policy --key-permissions get unwrapKey wrapKey, or move the vault to RBAC with az keyvault update --enable-rbac-authorization true. The switch is disruptive: every existing access policy stops counting for all applications that use the vault, so create their role assignments first."),

dict(key="L23", style="long", kind="troubleshoot", category="troubleshooting", quals=["hsm", "oct2026"], flags=[],
question="""Trying to move crdunlin onto a key in our Managed HSM. The identity already holds the local role on /keys/dunlin-kek (checked), but rotate-key is refused every time. What we ran, after copying the address from the HSM's overview page:

```text
$ az acr encryption rotate-key -n crdunlin --key-encryption-key https://mhsm-dunlin.managedhsm.azure.net/ --identity 5e0b2c7d-...
(InvalidKeyIdentifier) The key identifier is not valid.
$ az acr encryption rotate-key -n crdunlin --key-encryption-key http://mhsm-dunlin.managedhsm.azure.net/keys/dunlin-kek --identity 5e0b2c7d-...
(InvalidKeyIdentifier) The key identifier is not valid.
```

A colleague says the CLI would have caught a bad URI before sending anything, so the HSM itself must be the problem. What's wrong with each Managed HSM URI we tried, and what should the value look like?""",
canonical=[T + "managed-hsm-uri-is-not-a-key-uri"],
related=[M + "managed-hsm-key-uris", O + "the-key-encryption-key-kek-and-its-identifier", K + "versioned-and-versionless-key-ids"],
facts=["so a malformed URI is only rejected by the service"],
answer_facts=["without checking host or path", "only the https uri of a key"],
truth="Both are malformed, and the CLI forwards whatever it gets without looking at host or path, so the refusal comes from ACR, not from the HSM. The first is the bare HSM address with no /keys/<key-name>; the second names the key but uses http. The value must be an HTTPS key URI: https://mhsm-dunlin.managedhsm.azure.net/keys/dunlin-kek for automatic rotation, or the same with /<version> appended to pin one version. Read it from the HSM rather than typing it: az keyvault key show --hsm-name mhsm-dunlin --name dunlin-kek --query key.kid -o tsv gives the versioned kid, and cutting its last segment gives the versionless form. Secret or certificate URIs from a Managed HSM are refused too, and outside the global cloud the DNS suffix differs, so take the host from hsmUri."),

dict(key="L24", style="long", kind="undocumented", category="limits", quals=[], flags=[],
question="""Cost review: crsnipe has been a Premium, CMK-encrypted registry for three years, built for a project that has since shrunk to a handful of images. No geo-replicas, no connected registries, and it is well under the Standard storage limit. Finance wants it on Standard from next quarter, and the general SKU docs make changing tiers sound routine. Before I raise the change I want to know what Microsoft actually says for this case. Does the documentation cover moving a CMK-encrypted registry from Premium down to Standard?""",
canonical=[L + "changing-the-sku-of-a-cmk-registry-is-not-documented"],
related=[O + "cmk-requires-the-premium-sku", T + "cmk-needs-the-premium-tier", L + "pricing-considerations"],
facts=["ask Azure support before attempting a downgrade"],
answer_facts=["do not say whether a cmk-encrypted registry"],
truth="Not documented: the general SKU article lets a registry change tier when the target has room for its storage, and says Premium-only features get switched off (some, such as geo-replicas, have to be removed first), but it says nothing about a registry encrypted with a customer-managed key. CMK only exists on Premium and can never be disabled, so don't assume the move to Standard works for crsnipe. Ask Azure support before trying it, and never experiment on a registry whose content you need. If Premium is no longer justified, copying the images into a new Standard registry with az acr import avoids relying on undocumented behaviour, at the price of giving up the customer-managed key."),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="yes", category="network", quals=[], flags=["yes_no_with_condition"],
question="can acr reach its key if the kv firewall only allows trusted services?",
canonical=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"], related=[N + "azure-container-registry-in-key-vaults-trusted-services-list", N + "allow-trusted-services-and-deny-other-traffic"],
facts=["Without it the registry cannot reach the key."], answer_facts=["key vault's list of trusted services", "the bypass only opens the network path"],
truth="Yes: Azure Container Registry is one of Key Vault's trusted services for registry encryption with customer-managed keys, so with that exception on and all other traffic denied the registry still gets through. The exception only opens the network path; the identity still needs its access policy or the Key Vault Crypto Service Encryption User role."),
dict(key="S2", style="short", kind="no", category="hsm", quals=["hsm", "iac", "oct2026"], flags=["yes_no_with_condition"],
question="will acr grant its identity the managed hsm role if i use the portal?",
canonical=[O + "identity-and-key-access-requirements"], related=[M + "set-up-a-registry-with-a-managed-hsm-key-in-the-azure-portal", A + "grant-access-to-a-key-in-a-managed-hsm", M + "local-rbac-roles-for-acr-encryption"],
facts=["There are no access policies"], answer_facts=["acr never creates the assignment for you"],
truth="No: ACR never creates the Managed HSM local role assignment, and the portal doesn't either. Assign Managed HSM Crypto Service Encryption User to the identity's principal ID yourself, preferably at /keys/<key-name>, before the registry is created (and again before any change of key or identity)."),
dict(key="S3", style="short", kind="undocumented", category="limits", quals=[], flags=["yes_no_with_condition"],
question="is a cmk registry still supported once public network access is disabled?",
canonical=[L + "feature-compatibility-summary"], related=[N + "registry-private-endpoints-and-cmk-are-not-covered-by-the-docs", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
facts=["Needs the trusted-services bypass"], answer_facts=["registry's own private endpoints"],
truth="Not documented: the CMK docs deal with the key vault or Managed HSM being locked down, not with the registry's own network settings; disabled public access, a registry firewall or registry private endpoints are listed neither as supported nor as a limitation. Test it, and confirm with Microsoft support if you need certainty."),
dict(key="S4", style="short", kind="value", category="rotation", quals=[], flags=["comparison"],
question="versioned or versionless key id for the acr cmk, which is better?",
canonical=[S + "step-6-choose-a-versioned-or-versionless-key-id"], related=[K + "versioned-and-versionless-key-ids", K + "switch-from-manual-to-automatic-rotation"],
facts=["Automatic: the registry moves to each new key version within one hour"], answer_facts=["the acr overview recommends the versionless form"],
truth="The ACR overview recommends the versionless ID: the registry then moves to every new key version within about an hour. A versioned ID pins one version, so each rotation needs az acr encryption rotate-key; choose it only if you want to control rotation by hand."),
dict(key="S5", style="short", kind="howto", category="keys", quals=[], flags=["comparison"],
question="access policy vs rbac role: how do i tell which one my kv needs?",
canonical=[A + "which-permission-model-does-my-key-vault-use"], related=[A + "two-supported-ways-to-grant-key-access", T + "set-policy-fails-on-an-rbac-key-vault", T + "role-assignment-has-no-effect-on-an-access-policy-vault"],
facts=["Access policies on it are ignored"], answer_facts=["the vault uses azure rbac", "false or empty"],
truth="Read the vault's enableRbacAuthorization property with az keyvault show -n <vault> --query properties.enableRbacAuthorization -o tsv. true means RBAC: grant the Key Vault Crypto Service Encryption User role (set-policy is refused there). false or empty means an access-policy vault: add a policy with get, wrapKey and unwrapKey, because RBAC roles do nothing there."),
dict(key="S6", style="short", kind="troubleshoot", category="identity", quals=[], flags=[],
question="acr identity remove says our user identity isn't assigned, though it is",
canonical=[I + "the-encryption-identity-cannot-simply-be-removed"], related=[T + "removing-the-encryption-identity-fails", I + "which-identity-value-goes-where", I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
facts=["`az acr identity show` lists what is attached."], answer_facts=["needs its full resource id"],
truth="That refusal comes from the CLI before anything is sent: an identity given by name is looked up in the registry's resource group, so one from another resource group has to be passed by its full resource ID. Check what is attached with az acr identity show. If it turns out to be the encryption identity, move encryption to another identity with rotate-key before removing it."),
dict(key="S7", style="short", kind="value", category="recovery", quals=["hsm", "oct2026"], flags=[], typo="deleteing",
question="revoking by deleteing the managed hsm key: one version or all of them?",
canonical=[V + "revoke-by-deleting-the-key"], related=[M + "revoke-access-to-a-managed-hsm-key", M + "recover-a-deleted-managed-hsm-key-or-hsm", V + "what-revocation-does-to-the-registry"],
facts=["For a key in a Managed HSM:"], answer_facts=["cannot delete just one key version", "the whole key, with all its versions"],
truth="All of them: az keyvault key delete --hsm-name <hsm> --name <key> removes the whole key with every version, so the registry loses access at once; a single version can't be deleted this way. The Managed HSM key is soft-deleted and can be recovered within the retention period (Managed HSM Crypto Officer); once purged, the registry's content is lost for good."),
dict(key="S8", style="short", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question="docker trust sign fails against our cmk-encrypted acr, what to use instead",
canonical=[T + "content-trust-cannot-be-enabled"], related=[L + "docker-content-trust-is-not-supported", L + "docker-content-trust-is-being-retired-use-notation", L + "notation-signatures-on-cmk-registries"],
facts=["Sign images with Notation (the Notary Project)"], answer_facts=["leave content trust off", "removal on 2028-03-31"],
truth="Content trust can't be switched on for a registry encrypted with a customer-managed key (the service blocks it with BlockedForEncryptionEnabledRegistry), and DCT is being retired in ACR anyway, with removal on 2028-03-31. Sign with Notation instead, for example with its Azure Key Vault plug-in; from Notation 1.2.0 its signatures on a CMK registry go through the referrers tag schema. Move the pipeline's verification to Notation as well."),
dict(key="S9", style="short", kind="howto", category="rotation", quals=[], flags=[], typo="rotatation",
question="manual rotatation: add a new version to the existing acr key, which command",
canonical=[K + "create-a-new-version-with-az-keyvault-key-create"], related=[K + "rotate-immediately-with-az-keyvault-key-rotate", K + "move-to-a-new-version-of-the-same-key"],
facts=["an EC version would not be usable by the registry"], answer_facts=["rather than creating a second key"],
truth="Run az keyvault key create again with the existing key's name (for example --name <key> --vault-name <vault> --kty RSA --size 3072); reusing the name adds a version instead of making a second key. Keep it RSA or RSA-HSM. A registry on the versionless URI picks the version up within an hour; a pinned one needs az acr encryption rotate-key with the new kid."),
dict(key="S10", style="short", kind="yes", category="limits", quals=[], flags=[],
question="is oras attach still usable on a cmk-encrypted acr?",
canonical=[T + "oras-and-notation-store-referrers-as-tags"], related=[L + "oci-referrers-api-is-not-supported", L + "notation-signatures-on-cmk-registries"],
facts=["Leave the digest-named tags in place"], answer_facts=["this is expected behaviour", "nothing needs repairing"],
truth="Yes: CMK registries don't offer the OCI Referrers API, but ORAS (v1.2.3) notices and falls back to the referrers tag schema, keeping the link under a digest-named tag. Leave those tags alone and use tools such as oras discover that understand the fallback."),
dict(key="S11", style="short", kind="why", category="network", quals=[], flags=[],
question="why can i still change access policies on a kv whose firewall blocks me?",
canonical=[N + "the-vault-firewall-covers-the-data-plane-only"], related=[N + "allow-your-own-clients-through-the-vault-firewall", N + "create-the-key-before-the-registry-when-the-vault-is-locked-down"],
facts=["`https://<vault>.vault.azure.net`"], answer_facts=["do not pass through that filter"],
truth="Because the vault firewall only filters calls to the vault's own data-plane endpoint (reading keys, wrap and unwrap, new key versions). Access policies, role assignments and the network rules themselves are changed through Azure Resource Manager, which the firewall doesn't see, so those edits work from anywhere, while creating a key still needs an allowed network."),
dict(key="S12", style="short", kind="howto", category="setup", quals=["iac"], flags=[], typo="deployement",
question="cmk arm template deployement with az deployment group create: parameters needed",
canonical=[S + "deploy-the-template"], related=[S + "example-template-for-an-existing-access-policy-vault", S + "the-enable-tutorials-own-template"],
facts=["older revisions of the tutorial passed `key_id=` by mistake"], answer_facts=["the key parameter is kek_id"],
truth="For the example template that also writes an access policy: az deployment group create --resource-group <rg> --template-file azuredeploy.json --parameters registry_name=<registry> identity_name=<identity> vault_name=<vault> kek_id=<key ID>. The key parameter is kek_id, not key_id; the tutorial's own CMKtemplate.json takes only registry_name, identity_name and kek_id."),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="A1", style="agent", form="context", kind="yes", category="rotation", quals=["hsm", "oct2026"], flags=["yes_no_with_condition"],
question="Context: crsmew points at the versionless URI of smew-kek in mhsm-smew, its role scoped to /keys/smew-kek. Question: is the registry on the newest version within an hour once the HSM team adds one, without another role assignment?",
canonical=[K + "create-a-new-version-in-a-managed-hsm"], related=[K + "automatic-rotation-with-a-versionless-key-id", M + "rotate-a-managed-hsm-key", M + "local-rbac-roles-for-acr-encryption"],
facts=["a key holds at most 100 versions"], answer_facts=["needs no new role assignment"],
truth="Yes: with the versionless Managed HSM key URI the registry polls the HSM and moves to a new version within about an hour, and the local role scoped to /keys/smew-kek covers every version of that key, so no new role assignment is needed. Only a new key name would need one."),
dict(key="A2", style="agent", form="context", kind="no", category="recovery", quals=[], flags=["yes_no_with_condition", "two_facts"],
question="Context: a cleanup script deleted kv-scoter, the RBAC vault holding crscoter's key, and we recovered it within the hour. Question: will the Key Vault role of the identity return on its own once the vault is recovered?",
canonical=[V + "recover-a-deleted-key-vault", V + "re-create-rbac-role-assignments-after-recovering-a-vault"], related=[T + "key-vault-or-key-was-deleted", V + "restore-access-after-a-revocation"],
facts=["Access policies are part of the vault and come back with it."], answer_facts=["together with its keys", "does not bring them back"],
truth="No: recovering kv-scoter brings the vault back together with its keys, but its Azure RBAC role assignments were deleted with it and stay gone. Re-create the identity's Key Vault Crypto Service Encryption User assignment on the vault (plus any operator roles); the registry then reconnects by itself."),
dict(key="A3", style="agent", form="imperative", kind="no", category="iac", quals=["hsm", "iac", "oct2026"], flags=[],
question="Confirm whether the AVM Bicep registry module's customerManagedKey parameter will accept a key from our Managed HSM mhsm-auk for crauk, or only key vault keys",
canonical=[C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs"], related=[C + "avm-bicep-module-customermanagedkey-parameter", C + "managed-hsm-key-in-terraform", M + "managed-hsm-is-a-supported-key-store-for-acr-cmk"],
facts=["azurerm from 4.65.0"], answer_facts=["neither avm module"],
truth="No: neither AVM module supports Managed HSM keys; the Bicep module's customerManagedKey takes keyVaultResourceId, which must point at a vault. ACR itself accepts a Managed HSM key, so for crauk declare the registry resource directly with keyIdentifier set to the HSM key URI, and create the HSM local role assignment yourself."),
dict(key="A4", style="agent", form="imperative", kind="why", category="keys", quals=[], flags=[],
question="Explain why our compliance team wants customer-managed keys on the registries when ACR already encrypts every image at rest with Microsoft's keys",
canonical=[O + "why-teams-use-a-customer-managed-key"], related=[O + "default-encryption-at-rest-without-a-cmk", O + "what-customer-managed-key-encryption-adds-to-a-registry"],
facts=["Regulatory compliance"], answer_facts=["the most common driver", "audit how and when it is used"],
truth="Because encryption at rest on its own leaves the key in Microsoft's hands. A CMK adds a second layer on a key the organisation owns, which is what rules demanding company-controlled keys ask for; it also lets the team decide when the key rotates and who may use it, cut the registry off by removing the identity's permission, and audit key use in its own vault or Managed HSM."),
dict(key="A5", style="agent", form="keywords", kind="value", category="setup", quals=[], flags=[],
question="cmk prerequisites before az acr create: registry sku, identity type at creation, allowed key types, purge protection required or not",
canonical=[O + "requirements-at-a-glance"], related=[O + "identity-and-key-access-requirements", S + "rules-that-az-acr-create-enforces-for-cmk", O + "which-key-types-and-sizes-are-supported"],
facts=["Only while creating the registry"], answer_facts=["recommended, not required", "premium only"],
truth="Premium SKU; a user-assigned managed identity at creation (the system identity only later); RSA or RSA-HSM keys (no EC, and in a Managed HSM an RSA-HSM key allowing wrapKey and unwrapKey); purge protection recommended but not required, with soft delete on by default. The identity also needs key access before the create."),
dict(key="A6", style="agent", form="context", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="Context: mhsm-teal, which holds crteal's key, was deleted yesterday by a teardown job. Question: which roles do we need to recover the deleted HSM and its key, and is it billed while we sort this out?",
canonical=[M + "recover-a-deleted-managed-hsm-key-or-hsm"], related=[V + "recover-a-deleted-managed-hsm", T + "key-vault-or-key-was-deleted", L + "pricing-considerations"],
facts=["because its hardware stays allocated"], answer_facts=["a key needs managed hsm crypto officer", "the azure role managed hsm contributor"],
truth="Recovering the soft-deleted HSM needs the Azure role Managed HSM Contributor (az keyvault recover --hsm-name mhsm-teal --location <region>); recovering a deleted key inside it needs the local role Managed HSM Crypto Officer. A soft-deleted Managed HSM is billed until it is recovered or purged, so recover it promptly, and never purge it while crteal still needs the key."),
dict(key="A7", style="agent", form="imperative", kind="howto", category="limits", quals=[], flags=[],
question="Write a pipeline step that saves every ACR Tasks run log of crgodwit to a file right after the run, because our CMK registry drops them after a day",
canonical=[L + "export-task-run-logs-before-they-expire"], related=[L + "acr-tasks-run-logs-are-kept-for-only-24-hours", T + "task-run-logs-disappear-after-24-hours"],
facts=["ship it to a storage account or your log platform"], answer_facts=["no log is lost after a day"],
truth="After each run, look up its ID and write its log out: RUN_ID=$(az acr task list-runs --registry crgodwit --top 1 --query \"[0].runId\" -o tsv), then az acr task logs --registry crgodwit --run-id $RUN_ID > acr-run-$RUN_ID.log, and ship the file to storage or your log platform. Logs older than 24 hours can't be fetched, and no setting extends the retention."),
dict(key="A8", style="agent", form="context", kind="troubleshoot", category="identity", quals=[], flags=[],
question="Context: az acr create for crredshank fails because the --identity value I copied from the tutorial's sample output ends in /userAssignedIdentities/myresourcegroup. Question: what value should go there instead?",
canonical=[I + "create-the-user-assigned-identity-and-capture-its-ids"], related=[I + "which-identity-value-goes-where", S + "step-2-create-a-user-assigned-managed-identity-and-capture-its-ids"],
facts=["copy the ID your own `az identity show` returns"], answer_facts=["a slip in the sample", "always the identity's own name"],
truth="The sample's ID is a slip: the last segment of a user-assigned identity's resource ID is always that identity's own name. Pass the ID your own az identity show --name <identity> -g <rg> --query id -o tsv returns (or just the name, if the identity sits in the registry's resource group), never one rebuilt from the sample."),
dict(key="A9", style="agent", form="imperative", kind="howto", category="identity", quals=["hsm", "oct2026"], flags=[],
question="List the commands to move crstint's encryption to its system-assigned identity when the key lives in the Managed HSM mhsm-stint, including how that identity gets access to the key",
canonical=[I + "switch-to-the-registrys-system-assigned-identity-after-creation"], related=[K + "rotate-with-a-different-identity-or-the-system-assigned-identity", M + "local-rbac-roles-for-acr-encryption", I + "quote-system-in-shell-commands"],
facts=["ACR does not create this for you"], answer_facts=["confirm that keyvaultproperties.identity now reads system"],
truth="az acr identity assign -n crstint --identities '[system]'; read its principal with az acr identity show -n crstint --query principalId -o tsv; grant it with az keyvault role assignment create --hsm-name mhsm-stint --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id <principal> --assignee-principal-type MSI --scope /keys/<key>; then az acr encryption rotate-key -n crstint --key-encryption-key <HSM key URI> --identity '[system]', and check that keyVaultProperties.identity reads system before touching the old identity."),
dict(key="A10", style="agent", form="keywords", kind="troubleshoot", category="keys", quals=[], flags=[],
question="pipeline role assignment for new acr identity fails, --assignee with identity name, service principal lacks graph rights, kv rbac grant",
canonical=[A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities"], related=[A + "grant-access-with-an-azure-rbac-role", T + "role-assignment-rejects-the-principal-type-or-the-assignee"],
facts=["`--assignee` and `--assignee-object-id` are mutually exclusive"], answer_facts=["skips the microsoft graph lookup", "a managed identity counts as serviceprincipal there"],
truth="--assignee makes the CLI look the identity up in Microsoft Graph, which the pipeline isn't allowed to do and which can also miss a just-created identity that hasn't replicated. Pass the identity's principal ID with --assignee-object-id and --assignee-principal-type ServicePrincipal instead (never together with --assignee), keeping the Key Vault Crypto Service Encryption User role and the vault scope."),
dict(key="A11", style="agent", form="keywords", kind="howto", category="network", quals=["hsm", "oct2026"], flags=["comparison"],
question="managed hsm mhsm-rail firewall before az acr create: trusted services bypass vs ip rule, which lets the registry reach the key",
canonical=[M + "managed-hsm-firewall-and-trusted-services"], related=[N + "managed-hsm-firewall-and-trusted-services", N + "allow-your-own-clients-through-the-vault-firewall", T + "portal-key-picker-cannot-list-keys-behind-the-managed-hsm-firewall"],
facts=["need an allowed address"], answer_facts=["registry needs the key at the moment", "allow trusted azure services and deny"],
truth="The trusted-services bypass: set it before az acr create with az keyvault update-hsm --hsm-name mhsm-rail --bypass AzureServices --default-action Deny, since the registry needs the key at creation. An IP rule (az keyvault network-rule add --hsm-name) is for your own clients such as the portal picker or key pipelines, not for ACR. The identity still needs its Managed HSM local role."),
dict(key="A12", style="agent", form="context", kind="undocumented", category="network", quals=[], flags=[],
question="Context: an old GitHub issue suggests building crknot first against a throwaway vault without network restrictions and moving to the firewalled kv-knot with rotate-key afterwards. Question: is that workaround part of the official CMK guidance?",
canonical=[N + "reports-of-first-time-creation-failing-against-a-firewalled-vault-not-official"], related=[N + "create-the-key-before-the-registry-when-the-vault-is-locked-down", T + "registry-creation-cannot-access-the-key"],
facts=["all from before 2023"], answer_facts=["these reports may be out of date"],
truth="Not documented: the temporary-open-vault route comes from pre-2023 GitHub issues in which creation against a firewalled vault failed as if ACR weren't a trusted service; the official docs only say to allow trusted services and to create the key before the registry. Follow those first, and treat the workaround as a last resort from reports that may be outdated."),
]

OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind="off-topic", category=OFF, subject="gocd", near_miss=True,
question="""Our GoCD server holds the credentials it uses to push build images to our private container registry, encrypted with the cipher key kept in its config directory. After a server migration the security team wants that cipher key rotated and the old one destroyed. I found the cipher file in the config folder, but I'm not sure whether replacing it breaks every encrypted secure variable in our pipelines. What is the proper way to rotate the GoCD cipher key and re-encrypt the stored registry password?""",
truth="Not covered: rotating GoCD's cipher key and re-encrypting its secure variables is unrelated to Azure Container Registry customer-managed keys; see GoCD's documentation."),
dict(key="X2", style="long", kind="off-topic", category=OFF, subject="freeipa", near_miss=True,
question="""The TLS certificate of our internal image registry is issued by the FreeIPA CA, and the CA's signing key is approaching the end of its lifetime. Every docker host trusts the FreeIPA root, and I'd like to renew the CA with a new key without pulls from the registry failing with an unknown authority error in the middle of the night. What's the right order for renewing the FreeIPA CA certificate and rolling the new root out to the clients?""",
truth="Not covered: renewing a FreeIPA certificate authority and its signing key has nothing to do with ACR customer-managed key encryption; see the FreeIPA documentation."),
dict(key="X3", style="long", kind="off-topic", category=OFF, subject="percona", near_miss=True,
question="""The metadata database behind our self-hosted registry UI runs on Percona Server with data-at-rest encryption through the keyring file plugin. Our auditors want the master key rotated every year and the keyring file moved off the database host. How do I rotate the InnoDB master encryption key in Percona Server, and can I switch keyring components without decrypting and re-encrypting all of the registry's tables?""",
truth="Not covered: Percona Server's keyring and master key rotation are outside the ACR customer-managed key knowledge; see Percona's documentation."),
dict(key="X4", style="long", kind="off-topic", category=OFF, subject="cockroachdb", near_miss=True,
question="""We keep the signing records for our registry's images in CockroachDB with encryption at rest switched on through store keys passed at startup. A new policy says the store key must change every quarter, and I'm unsure whether every node has to restart with both the old and the new key, and how long the old key must stay around afterwards. How does store key rotation work in CockroachDB?""",
truth="Not covered: CockroachDB store key rotation is unrelated to Azure Container Registry customer-managed keys; see the CockroachDB documentation on encryption at rest."),
dict(key="X5", style="long", kind="off-topic", category=OFF, subject="n8n",
question="""We use n8n to automate image promotion between our dev and prod registries, and its saved credentials (the registry passwords and a signing key) are encrypted with the instance's encryption key. The container was recreated without the original key in its environment, and now n8n says it can't decrypt the credentials. Is there any way to get them back, and how should I persist the n8n encryption key so this doesn't happen again?""",
truth="Not covered: n8n's credential encryption key is not part of the ACR customer-managed key knowledge; see the n8n documentation."),
dict(key="X6", style="long", kind="off-topic", category=OFF, subject="semaphore",
question="""Our Ansible Semaphore UI stores SSH keys and the login for our container registry in its key store, encrypted with the access key encryption secret from its config file. That secret sat in a shared wiki page for a year, so it has to be rotated. If I change it, does Semaphore re-encrypt the stored keys by itself, or do I have to enter every one of them again?""",
truth="Not covered: rotating Ansible Semaphore's encryption secret is outside the ACR customer-managed key knowledge; see Semaphore's documentation."),
dict(key="X7", style="agent", form="context", kind="off-topic", category=OFF, subject="mosquitto",
question="Context: the TLS private key of our Mosquitto broker leaked in a support bundle. Question: how do I swap the broker certificate and key without disconnecting every sensor client at once?",
truth="Not covered: replacing a Mosquitto broker's TLS key is unrelated to ACR customer-managed key encryption."),
dict(key="X8", style="agent", form="imperative", kind="off-topic", category=OFF, subject="zabbix",
question="Explain how to change the pre-shared key used between a Zabbix server and its agents without losing monitoring data from several hundred hosts",
truth="Not covered: Zabbix pre-shared keys are outside the ACR customer-managed key knowledge; see the Zabbix documentation."),
dict(key="X9", style="agent", form="keywords", kind="off-topic", category=OFF, subject="cloudflared",
question="cloudflared tunnel credentials file leaked, rotate the tunnel secret, keep existing hostnames routing traffic",
truth="Not covered: cloudflared tunnel credentials are unrelated to ACR customer-managed keys."),
dict(key="X10", style="short", kind="off-topic", category=OFF, subject="pihole",
question="how do i reset the pihole web admin password from the shell?",
truth="Not covered: resetting a Pi-hole password is outside the ACR customer-managed key knowledge."),
dict(key="X11", style="short", kind="off-topic", category=OFF, subject="navidrome",
question="navidrome forgot admin password, how to reset it",
truth="Not covered: Navidrome account recovery is unrelated to ACR customer-managed keys."),
dict(key="X12", style="short", kind="off-topic", category=OFF, subject="mastodon",
question="how to regenerate the vapid keys of a mastodon server?",
truth="Not covered: Mastodon's VAPID keys have nothing to do with ACR customer-managed keys."),
]

QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"deleteing": "deleting", "rotatation": "rotation", "deployement": "deployment"}
SHAPES = ["two_facts", "slack_thread", "terraform_plan_output", "yes_no_with_condition", "comparison", "bicep_snippet"]

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
    rng = random.Random(49)
    while True:
        rng.shuffle(items)
        cats = [q["category"] for q in items]
        if not any(cats[i] == cats[i + 1] == cats[i + 2] for i in range(len(cats) - 2)):
            break
    entries, meta = [], {}
    for n, q in enumerate(items, 1):
        qid = "e%03d" % n
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
    with open(os.path.join(HERE, "blind49.json"), "w", encoding="utf-8") as fh:
        json.dump(entries, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    with open(os.path.join(HERE, "blind49-meta.json"), "w", encoding="utf-8") as fh:
        json.dump(meta, fh, indent=1, ensure_ascii=False, sort_keys=True)
        fh.write("\n")
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    with open(os.path.join(HERE, "blind49-first-canonicals.txt"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(firsts) + "\n")


if __name__ == "__main__":
    main()
