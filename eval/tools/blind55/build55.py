"""blind55 builder: holds the 60 questions (QUESTIONS) and writes blind55.json, blind55-meta.json and
blind55-first-canonicals.txt. render() returns the three files' exact text (check55.py compares it byte for byte)."""
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
# ---- python_traceback ----
dict(key="L1", style="long", kind="troubleshoot", category="setup", quals=[], flags=["python_traceback"],
question="""Our provisioning helper is a Python wrapper around the Azure CLI: it reads one YAML file per registry and builds the az acr create call from it. For crvega the YAML came out of a merge with its identity entry empty, and the helper only adds --identity when that entry is set. The az call printed a one-line usage error about the identity and the key having to come together, and then the pipeline log shows this:

```text
$ python3 provision.py --registry crvega --config registries/crvega.yaml
Traceback (most recent call last):
  File "/home/build/platform/provision.py", line 212, in <module>
    main()
  File "/home/build/platform/provision.py", line 198, in main
    create_registry(cfg)
  File "/home/build/platform/provision.py", line 141, in create_registry
    subprocess.run(cmd, check=True)
  File "/usr/lib/python3.12/subprocess.py", line 571, in run
    raise CalledProcessError(retcode, process.args,
subprocess.CalledProcessError: Command '['az', 'acr', 'create', '-n', 'crvega', '-g', 'rg-vega', '--sku', 'Premium', '--key-encryption-key', 'https://kv-vega.vault.azure.net/keys/vega-kek']' returned non-zero exit status 1.
```

What value does az acr create expect in that identity entry, and is anything else in the generated command wrong?""",
canonical=[T + "acr-create-needs-both-identity-and-key"],
related=[S + "rules-that-az-acr-create-enforces-for-cmk", S + "step-2-create-a-user-assigned-managed-identity-and-capture-its-ids", S + "step-7-create-the-premium-registry-with-the-customer-managed-key"],
facts=["The registry name must be lowercase with no dashes."],
answer_facts=["rejected before anything is sent to azure", "not its client or principal id"],
truth="The CalledProcessError only says that az exited with an error; the cause is the usage error az printed just before. az acr create sets up a customer-managed key only when it gets both --identity and --key-encryption-key, and it refuses the call locally, before anything reaches Azure, when one of them is missing. The identity entry must hold the resource ID of the user-assigned identity (/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>, as az identity show returns it), not its client ID or principal ID; a bare name also works if the identity sits in rg-vega. Let the helper stop early when either value is empty. The rest of the command is fine: Premium SKU, a lowercase name without dashes, and a versionless key URI, which turns on automatic rotation. The identity also needs its access to vega-kek in kv-vega before the create runs."),

dict(key="L2", style="long", kind="troubleshoot", category="identity", quals=[], flags=["python_traceback"],
question="""Our grant job is a Python script that reads registry identities from a config repository and gives each of them key access before the registries are built. For crrigel, someone filled in the identity's resource ID by hand from the enable tutorial's sample output, and now the job dies with this:

```text
Traceback (most recent call last):
  File "/opt/kvgrant/grant.py", line 88, in <module>
    sync_all(load_config("registries.yaml"))
  File "/opt/kvgrant/grant.py", line 61, in sync_all
    ident = msi.user_assigned_identities.get(rg, identity_id.rsplit("/", 1)[-1])
  File "/opt/kvgrant/.venv/lib/python3.11/site-packages/azure/core/tracing/decorator.py", line 105, in wrapper_use_tracer
    return func(*args, **kwargs)
azure.core.exceptions.ResourceNotFoundError: (ResourceNotFound) The Resource 'Microsoft.ManagedIdentity/userAssignedIdentities/myresourcegroup' under resource group 'rg-rigel' was not found.
```

The identity id-rigel does exist in rg-rigel; I can open it in the portal. Where does the job get that odd name from, and which values should the config hold for the grant and for the registry create?""",
canonical=[I + "create-the-user-assigned-identity-and-capture-its-ids"],
related=[I + "which-identity-value-goes-where", S + "step-2-create-a-user-assigned-managed-identity-and-capture-its-ids", I + "a-user-assigned-identity-is-required-when-the-registry-is-created"],
facts=["copy the ID your own `az identity show` returns"],
answer_facts=["always the identity's own name", "a slip in the sample"],
truth="From the tutorial's sample: the sample output of az identity create in the enable tutorial prints an id ending in /userAssignedIdentities/myresourcegroup, which is a mistake in the sample, and your job takes the last segment of that ID as the identity's name, hence the ResourceNotFoundError. In a genuine resource ID of a user-assigned identity the final segment is the name of the identity itself, so the entry for crrigel must end in /userAssignedIdentities/id-rigel. Never rebuild IDs from the sample; read them from az identity show -n id-rigel -g rg-rigel: id is the resource ID that az acr create --identity takes, principalId is what the key grant uses, and clientId is what ends up in the registry's encryption settings."),

dict(key="L3", style="long", kind="howto", category="rotation", quals=["hsm", "oct2026"], flags=["python_traceback"],
question="""crdeneb encrypts with deneb-kek from our Managed HSM, denebhsm, and the registry has the versionless key URI. I wrote a small Python job for our quarterly key rotation with azure-keyvault-keys pointed at the HSM endpoint, and it fails on its first call:

```text
Traceback (most recent call last):
  File "/srv/jobs/rotate_deneb.py", line 34, in <module>
    new_key = client.rotate_key("deneb-kek")
  File "/srv/jobs/.venv/lib/python3.12/site-packages/azure/keyvault/keys/_client.py", line 742, in rotate_key
    bundle = self._client.rotate_key(vault_base_url=self.vault_url, key_name=name, **kwargs)
  File "/srv/jobs/.venv/lib/python3.12/site-packages/azure/keyvault/keys/_generated/_operations/_patch.py", line 19, in rotate_key
    raise HttpResponseError(response=response)
azure.core.exceptions.HttpResponseError: (BadParameter) Key rotation policy not found for key deneb-kek
```

The job's identity holds Managed HSM Crypto User. What do I need to set up so that the job can make new versions of the HSM key, and does crdeneb need anything from me after each rotation?""",
canonical=[M + "rotate-a-managed-hsm-key"],
related=[K + "create-a-new-version-in-a-managed-hsm", K + "automatic-rotation-with-a-versionless-key-id", K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy"],
facts=["a key can have at most 100 versions"],
answer_facts=["a rotation policy has to exist", "more often than every 28 days"],
truth="A rotation policy on deneb-kek: the HttpResponseError is the HSM telling you that on-demand rotation in a Managed HSM only works once the key has a rotation policy. Create one first (az keyvault key rotation-policy update --hsm-name denebhsm -n deneb-kek --value <policy JSON>); if it also rotates on a schedule, that can't be more often than every 28 days there. Managed HSM Crypto User covers both setting the policy and rotating. Without a policy, the job can instead add a version by creating the key again under the same name with RSA-HSM and the wrapKey and unwrapKey operations. Keep an eye on the count, since a key holds at most 100 versions. crdeneb needs nothing: with the versionless URI it switches to a new version within an hour, and its identity's Managed HSM Crypto Service Encryption User role on the key covers every version."),

dict(key="L4", style="long", kind="troubleshoot", category="network", quals=[], flags=["python_traceback"],
question="""Our key job runs on self-hosted build agents in a separate VNet and adds new versions of altair-kek in kv-altair, the vault behind craltair. Last week security switched kv-altair to default action Deny with only trusted services let through, and since then the job crashes:

```text
Traceback (most recent call last):
  File "/agent/_work/7/s/ops/new_version.py", line 27, in <module>
    created = kc.create_rsa_key("altair-kek", size=3072)
  File "/agent/_work/7/s/.venv/lib/python3.10/site-packages/azure/keyvault/keys/_client.py", line 214, in create_rsa_key
    return self.create_key(name, key_type=key_type, **kwargs)
  File "/agent/_work/7/s/.venv/lib/python3.10/site-packages/azure/keyvault/keys/_client.py", line 143, in create_key
    bundle = self._client.create_key(
azure.core.exceptions.HttpResponseError: (Forbidden) Request from 198.51.100.23 rejected by the network rules of kv-altair.
```

craltair itself keeps working. How do we let the job back in without opening the vault to everybody?""",
canonical=[N + "allow-your-own-clients-through-the-vault-firewall"],
related=[N + "the-vault-firewall-covers-the-data-plane-only", N + "allow-trusted-services-and-deny-other-traffic", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
facts=["The registry itself gets through via the trusted-services bypass, not via an IP rule."],
answer_facts=["these rules are for your clients", "the microsoft.keyvault service endpoint enabled"],
truth="The HttpResponseError is the vault firewall turning away the agents' address: with default action Deny only trusted Azure services pass, and your job is not one of them. Add the agents as network rules on kv-altair, either their public IP range (az keyvault network-rule add --name kv-altair -g <resource group> --ip-address <range>) or their subnet (--vnet-name <vnet> --subnet <subnet>), which needs the Microsoft.KeyVault service endpoint turned on. Leave the Deny default and the trusted-services bypass as they are: craltair reaches its key through that bypass and never through an IP rule, which is why it kept working. The job's identity still needs its own data-plane role for creating versions."),

dict(key="L5", style="long", kind="troubleshoot", category="recovery", quals=[], flags=["python_traceback"],
question="""On Monday kv-sirius was deleted by mistake during a tidy-up, and crsirius has failed every pull since. The on-call engineer ran our Python bootstrap, which builds a fresh vault under the same name with a new key and new grants, and it stopped at once:

```text
Traceback (most recent call last):
  File "bootstrap_kv.py", line 52, in <module>
    poller = kv_mgmt.vaults.begin_create_or_update("rg-sirius", "kv-sirius", params)
  File "/usr/local/lib/python3.11/site-packages/azure/mgmt/keyvault/v2023_07_01/operations/_vaults_operations.py", line 401, in begin_create_or_update
    raw_result = self._create_or_update_initial(
azure.core.exceptions.ResourceExistsError: (ConflictError) A vault with the same name already exists in deleted state. You need to either recover or purge existing key vault.
```

Should we purge the old vault so that the bootstrap can run, or is there a better way to get crsirius working again?""",
canonical=[V + "recover-a-deleted-key-vault"],
related=[V + "re-create-rbac-role-assignments-after-recovering-a-vault", T + "key-vault-or-key-was-deleted", V + "how-purge-protection-protects-the-registry"],
facts=["a new vault with the same name cannot be created in the meantime"],
answer_facts=["together with its keys", "the vault name stays reserved"],
truth="Recover kv-sirius; don't purge it and don't build a new one. The ResourceExistsError shows the deleted vault is still soft-deleted, and its name stays reserved for the whole retention period; a new vault with a new key could never stand in for the key crsirius is encrypted with anyway. Check it with az keyvault list-deleted --resource-type vault, then run az keyvault recover --name kv-sirius: the vault returns together with its keys, the registry's key included. Purging would destroy that key and the registry's content with it. After the recovery, if kv-sirius uses the RBAC model, give the registry identity its Key Vault Crypto Service Encryption User role again, because role assignments don't come back with the vault; access policies do. Then retry a pull, and keep the bootstrap away from names that already exist."),

# ---- details_block ----
dict(key="L6", style="long", kind="troubleshoot", category="troubleshooting", quals=[], flags=["details_block"],
question="""**crcastor: every pull returns 403 since this morning**

Nothing changed on the registry today as far as we know, and the error text talks about an inactive identity that should be reassigned. Back in January a colleague tried to take a user-assigned identity off crcastor, gave up when the command failed, and left it like that. The registry has worked normally ever since.

<details>
<summary>docker pull and identity output</summary>

```text
$ docker pull crcastor.azurecr.io/web/checkout:2026.11.3
Error response from daemon: Head "https://crcastor.azurecr.io/v2/web/checkout/manifests/2026.11.3": 403 Forbidden
$ az acr identity show -n crcastor -o json | jq -r '.userAssignedIdentities | keys[] | split("/") | last'
id-castor-enc
```

</details>

Could the January attempt be behind this, and how do we bring crcastor back?""",
canonical=[T + "registry-identity-is-inactive-or-expired"],
related=[T + "removing-the-encryption-identity-fails", I + "the-encryption-identity-cannot-simply-be-removed", I + "switch-to-a-different-user-assigned-identity"],
facts=["Reassign the identity manually"],
answer_facts=["usually after about three months", "stopped that identity from being renewed automatically"],
truth="Almost certainly: the failed detach in January stopped the automatic renewal of crcastor's encryption identity, id-castor-enc, and the registry carried on until that identity's credentials ran out, typically around three months later, which is when pushes and pulls start failing with 403 and the inactive-identity message. The documented fix is to assign the same user-assigned identity to crcastor again: az acr identity assign -n crcastor -g rg-castor --identities <resource ID of id-castor-enc>, then retry the pull. az acr encryption show should still list id-castor-enc's client ID as the identity. If the team actually wants a different identity, move encryption to it with rotate-key first and detach id-castor-enc only afterwards."),

dict(key="L7", style="long", kind="howto", category="iac", quals=["iac"], flags=["details_block"],
question="""Opening this in our platform repo before I touch the module. A rotation policy adds a version to crcapella's key every 90 days, yet `az acr encryption show` still reports the version from the day the registry was built, and keyRotationEnabled is false. The Terraform behind it:

<details>
<summary>registry.tf (trimmed)</summary>

```hcl
locals {
  capella_key_id = azurerm_key_vault_key.kek.id
}

resource "azurerm_container_registry" "capella" {
  name                = "crcapella"
  sku                 = "Premium"
  ...
  encryption {
    key_vault_key_id   = local.capella_key_id
    identity_client_id = module.capella_identity.client_id
  }
}
```

</details>

Which attribute should the module pass so that crcapella moves to new versions by itself, and will the change recreate the registry?""",
canonical=[C + "automatic-key-rotation-in-terraform-versionless_id-vs-id"],
related=[C + "terraform-azurerm_container_registry-encryption-block", C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["The resource's `id` keeps the version from when Terraform created the key."],
answer_facts=["pinned: rotate by changing the value", "an arm id, not a key uri"],
truth="versionless_id: in the locals block, set capella_key_id = azurerm_key_vault_key.kek.versionless_id where it now says azurerm_key_vault_key.kek.id. On the key resource, id is the versioned URI from the moment Terraform created the key, so crcapella is pinned to that version; versionless_id is the same URI without a version, and with it the registry moves to each new version within an hour and keyRotationEnabled becomes true. resource_id and resource_versionless_id won't do, they are ARM IDs rather than key URIs. The registry already has a customer-managed key, so changing the key ID is an in-place update, the Terraform form of rotate-key, and crcapella is not recreated. Afterwards versionedKeyIdentifier shows which version is really in use."),

dict(key="L8", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["details_block"],
question="""Bug report for the platform team. Creating crmira fails with a key access error, although id-mira got its local role on that key, Managed HSM Crypto Service Encryption User (we checked the assignment and waited an hour). The crypto team imported the key into mirahsm with their standard tooling.

<details>
<summary>key details from the HSM</summary>

```text
$ az keyvault key show --hsm-name mirahsm -n mira-import-01 -o json | jq -c '[.key.kty, .key.keyOps]'
["RSA-HSM",["sign","verify"]]
```

</details>

Will the registry ever accept this HSM key as it stands? If not, what do we ask the crypto team for?""",
canonical=[T + "managed-hsm-key-has-the-wrong-type-or-operations"],
related=[M + "requirements-for-a-managed-hsm-key-store", O + "managed-hsm-keys", T + "managed-hsm-role-assignment-not-yet-in-effect"],
facts=["The identity's role, scoped to the key, covers the new version"],
answer_facts=["the key itself must allow the operations", "a new version of the same key"],
truth="It won't: mira-import-01 has the right type, RSA-HSM, but its permitted operations are only sign and verify, and ACR needs a Managed HSM key that allows wrapKey and unwrapKey; a role assignment can't make up for operations the key itself doesn't allow. Because only the operations are wrong, ask the crypto team for a new version of the same key with wrap and unwrap permitted, for example az keyvault key create --hsm-name mirahsm -n mira-import-01 --kty RSA-HSM --ops wrapKey unwrapKey, or an import of their key material with those operations. id-mira's role, scoped to the key, also covers the new version, so no new grant is needed; then create crmira with the key's versionless URI."),

dict(key="L9", style="long", kind="troubleshoot", category="keys", quals=[], flags=["details_block"],
question="""Filing this against the landing-zone repo. Our vault module has created access-policy vaults since 2023, but for crpollux we gave the registry identity a role instead of a policy, because the newer runbook says so. The role shows up on kv-pollux's IAM blade, yet az acr create keeps failing with `Failed to access KeyId` and a hint about missing Get, Wrap Key and Unwrap Key rights.

<details>
<summary>vault settings and existing policies</summary>

```text
$ az keyvault show -n kv-pollux -o json | jq '.properties | {enableRbacAuthorization, policies: [.accessPolicies[].objectId]}'
{
  "enableRbacAuthorization": false,
  "policies": [
    "0c5f2a7e-93d1-4b68-a2e4-7f1b9c3d6e08",
    "e81b4d2c-5a7f-4093-b6c2-d3e9f0a1b574"
  ]
}
```

</details>

The identity's principal ID is 7d2e9a41-6c0b-4f35-8e17-b4a3c9d5f260. What do we change so that the registry can be created?""",
canonical=[T + "role-assignment-has-no-effect-on-an-access-policy-vault"],
related=[A + "which-permission-model-does-my-key-vault-use", A + "grant-access-with-a-key-vault-access-policy", A + "changing-an-existing-vaults-permission-model"],
facts=["Azure role assignments grant no key access on such a vault"],
answer_facts=["only its access policies count", "this is **disruptive**"],
truth="Give the identity an access policy; the role does nothing on this vault. enableRbacAuthorization is false, so kv-pollux uses the access-policy model, where Azure role assignments grant no key access and only policies count, and 7d2e9a41-6c0b-4f35-8e17-b4a3c9d5f260 isn't among the two policies listed. Run az keyvault set-policy --name kv-pollux -g <resource group> --object-id 7d2e9a41-6c0b-4f35-8e17-b4a3c9d5f260 --key-permissions get unwrapKey wrapKey, retry the create, and remove the role assignment that has no effect. Moving kv-pollux to the RBAC model would also work, but it is disruptive: every existing policy on the vault stops granting access at once, for all applications, so only do that after their role assignments exist."),

dict(key="L10", style="long", kind="why", category="iac", quals=["iac"], flags=["details_block"],
question="""Flaky apply in our Terraform for crantares, roughly every second run in a fresh subscription. The role assignment and the registry live in the same configuration, and running `terraform apply` a second time always goes through.

<details>
<summary>apply log of the first run</summary>

```text
azurerm_role_assignment.antares_kv: Creating...
azurerm_container_registry.antares: Creating...
azurerm_role_assignment.antares_kv: Creation complete after 27s
Error: creating Registry "crantares": unexpected status 400 ... Failed to access KeyId 'https://kv-antares.vault.azure.net/keys/antares-kek'
```

</details>

Why does the first run fail and the second one succeed, when nothing changes in between?""",
canonical=[C + "why-the-registry-needs-depends_on-on-the-role-assignment"],
related=[C + "complete-terraform-example-with-key-vault-role-assignment-and-registry", T + "registry-creation-cannot-access-the-key", A + "grant-access-with-an-azure-rbac-role"],
facts=["A new role assignment can also take a few minutes to take effect"],
answer_facts=["but not the role assignment", "may create both in parallel"],
truth="Because nothing orders the two: the registry refers to the identity and the key but not to azurerm_role_assignment.antares_kv, so Terraform creates them side by side, and crantares has to be able to use the key at the very moment it is created. By the second run the grant exists and has taken effect. Add depends_on = [azurerm_role_assignment.antares_kv] to the registry resource. A new role assignment can still need a few minutes before it works, so a time_sleep of the hashicorp/time provider between grant and registry (120 seconds, say, which is a guess and not a documented value) takes care of what flakiness remains. With an access-policy vault the registry would depend on the azurerm_key_vault_access_policy instead."),

# ---- screenshot_embed ----
dict(key="L11", style="long", kind="howto", category="hsm", quals=["hsm", "iac", "oct2026"], flags=["screenshot_embed"],
question="""First registry with its key in our Managed HSM, procyonhsm, and this time I'm doing it in the portal. The HSM is activated and its firewall is off. The Encryption tab of the create flow currently looks like this:

![Encryption tab with customer-managed key enabled and procyon-kek selected](https://github.com/user-attachments/assets/5e1d2c84-7a3b-4f90-b6e2-9c0d4a8f1b37)

I picked id-procyon and the key procyon-kek there, but nobody has opened the HSM's Local RBAC blade yet. Will the portal give id-procyon access to the key when I click Create, or does somebody have to grant it in the Managed HSM beforehand?""",
canonical=[M + "set-up-a-registry-with-a-managed-hsm-key-in-the-azure-portal"],
related=[M + "local-rbac-roles-for-acr-encryption", A + "grant-access-to-a-key-in-a-managed-hsm", S + "set-up-cmk-in-the-azure-portal"],
facts=["stores the chosen key **without a version**"],
answer_facts=["creates the role assignment of step 4", "without it the registry cannot be created"],
truth="Somebody has to grant it beforehand: neither the portal nor ACR creates the local role assignment, and without it the registry can't be created. In procyonhsm, under Settings > Local RBAC, a Managed HSM Administrator, Crypto Officer or Policy Administrator assigns Managed HSM Crypto Service Encryption User to id-procyon with the key's scope, /keys/procyon-kek. Make sure procyon-kek is an RSA-HSM key that permits wrapKey and unwrapKey, allow a few minutes for the assignment to take effect, and then finish the Encryption tab as in your screenshot. A key chosen through Select from Key Vault is stored without a version, so automatic rotation will be on."),

dict(key="L12", style="long", kind="howto", category="rotation", quals=["hsm", "iac", "oct2026"], flags=["screenshot_embed"],
question="""cralcor is moving from its vault key to alcor-kek in alcorhsm, our new Managed HSM, and the change ticket says to do it in the portal. I'm on Settings > Encryption > Change key right now:

![Change key pane listing alcorhsm under Select from Key Vault](https://github.com/user-attachments/assets/0b7c3e91-2d45-4a68-9f1e-6a8d2c5b7f04)

Before I press Save: what does the HSM side need, and which key version will cralcor end up using if I pick the key here instead of pasting its URI?""",
canonical=[K + "rotate-the-key-in-the-azure-portal"],
related=[M + "rotate-a-managed-hsm-key", K + "move-to-a-different-key-or-to-a-key-in-another-vault", K + "versioned-and-versionless-key-ids"],
facts=["the portal does not create the local role assignment"],
answer_facts=["a key chosen there is stored versionless", "access to the new key first"],
truth="On the HSM side, the identity cralcor will use after the change (its current one, or the one you choose in the pane) must already hold Managed HSM Crypto Service Encryption User on alcor-kek in alcorhsm's local RBAC, because the portal won't create that assignment; and if the HSM firewall is on, trusted services must be allowed. A key picked through Select from Key Vault, which lists Managed HSMs as well as vaults, is stored without a version, so cralcor uses the newest version of alcor-kek and follows new ones within an hour; only a versioned URI typed into Enter key URI would pin it. Keep the old vault key and its access until Settings > Encryption shows the HSM key."),

# ---- double_encoded_json ----
dict(key="L13", style="long", kind="troubleshoot", category="limits", quals=[], flags=["double_encoded_json"],
question="""Our compliance baseline switches content trust on for every Premium registry from a nightly pipeline. For crmizar, which was created with a customer-managed key, that step fails every night. The only useful part is in the activity log entry, copied from its JSON view:

```json
{
  "operationName": "Microsoft.ContainerRegistry/registries/write",
  "status": "Failed",
  "statusMessage": "{\\"error\\":{\\"code\\":\\"BlockedForEncryptionEnabledRegistry\\",\\"message\\":\\"The operation is not allowed for this registry.\\"}}"
}
```

Is there a setting on crmizar that we can change so that the baseline passes? If not, what should image signing look like on this registry?""",
canonical=[L + "docker-content-trust-is-not-supported"],
related=[L + "docker-content-trust-is-being-retired-use-notation", T + "content-trust-cannot-be-enabled", L + "oci-referrers-api-is-not-supported"],
facts=["does not work with CMK"],
answer_facts=["it cannot be enabled on a registry", "code: blockedforencryptionenabledregistry"],
truth="There is no such setting: content trust can't be turned on for a registry encrypted with a customer-managed key, and BlockedForEncryptionEnabledRegistry is the Resource Manager error that a non-official report shows for exactly this attempt. Exempt CMK registries like crmizar from that baseline step. Sign with the Notary Project instead, using the Notation CLI (for example with its Azure Key Vault plug-in): it works on CMK registries and keeps its signatures through the referrers tag schema, since these registries lack the OCI Referrers API. Docker Content Trust is on its way out in ACR anyway: deprecated since 31 March 2025 and removed on 31 March 2028."),

dict(key="L14", style="long", kind="howto", category="setup", quals=[], flags=["double_encoded_json"],
question="""Teams order registries through a small self-service form of ours that calls the Azure CLI behind the scenes. One team asked for a CMK registry on the Standard tier to save money; the CLI accepted `az acr create ... --sku Standard --identity ... --key-encryption-key ...` without complaint, and then the request failed. The deployment operation shows this:

```json
{
  "provisioningState": "Failed",
  "statusCode": "BadRequest",
  "statusMessage": "{\\"error\\":{\\"code\\":\\"BadRequest\\",\\"message\\":\\"Registry encryption is not supported for the sku Standard.\\"}}",
  "targetResource": "crizar"
}
```

Our form validation is clearly missing something. What should it enforce for CMK requests, and could the team start on Standard and move to Premium with CMK later on?""",
canonical=[O + "cmk-requires-the-premium-sku"],
related=[O + "cmk-can-only-be-enabled-when-the-registry-is-created", T + "cmk-needs-the-premium-tier", S + "rules-that-az-acr-create-enforces-for-cmk"],
facts=["Registries on the Basic or Standard SKU cannot use a customer-managed key."],
answer_facts=["the service rejects the request", "always pass --sku premium"],
truth="Make the form require Premium whenever a customer-managed key is requested. CMK exists only on the Premium tier, and the Azure CLI doesn't check the tier itself, so az acr create sends --sku Standard together with the CMK options and the service turns the request down with the BadRequest you saw. Starting on Standard is no way round it: the key is chosen at creation or never, so upgrading crizar to Premium later would still leave it without CMK. Create it as Premium with the identity and the key from the start. Whether a CMK registry could later be moved down to Standard is not documented, so don't build on that either."),

# ---- escaped_markdown ----
dict(key="L15", style="long", kind="howto", category="identity", quals=[], flags=["escaped_markdown"],
question=r"""Our runbooks live in Notion, and I exported the one for crhadar with "copy as Markdown". The steps came out like this:

1. az acr identity assign --name crhadar --identities \[system\]
2. give the system identity key access on kv-hadar (an RBAC vault, so a role)
3. az acr encryption rotate-key --identity \[system\] --name crhadar --key-encryption-key $KEY\_ID
4. remove id-hadar from crhadar

I'd like a sanity check before running it. Is this a safe way to move crhadar from id-hadar to its own system-assigned identity, and what exactly does step 2 need?""",
canonical=[I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
related=[I + "quote-system-in-shell-commands", K + "rotate-with-a-different-identity-or-the-system-assigned-identity", T + "removing-the-encryption-identity-fails"],
facts=["Confirm that `keyVaultProperties.identity` now reads `system`"],
answer_facts=["keep the original user-assigned identity attached", "removing it earlier cuts the registry off"],
truth="The order is right, with two fixes and a check. Quote the alias as '[system]' in steps 1 and 3: unquoted, bash treats [system] as a glob and zsh refuses it. For step 2, read the new principal ID from az acr identity show -n crhadar, then assign it Key Vault Crypto Service Encryption User on kv-hadar (az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal with the vault's resource ID as scope). In step 3, KEY_ID must be the key ID crhadar already uses, versionless or versioned as you prefer. Before step 4, confirm that az acr encryption show reports the identity as system; taking id-hadar and its access away any earlier would cut crhadar off from its key."),

# ---- plain long ----
dict(key="L16", style="long", kind="yes", category="keys", quals=[], flags=[],
question="""kv-naos is an access-policy vault that holds keys of several teams. crnaos uses naos-kek from it today, and next quarter we want to move the registry to naos-kek-2027, a key we will create in kv-naos as well. The identity's policy as it stands:

```text
$ az keyvault show -n kv-naos -o json | jq -c '.properties.accessPolicies[] | select(.objectId=="4f8a2d61-0b3e-47c9-95d8-e1c6a7b4f203") | .permissions.keys'
["get","unwrapKey","wrapKey"]
```

Our security lead asked two things. Will this policy already give the identity the same rights on naos-kek-2027 once that key exists? And can we narrow it so that it only covers naos-kek?""",
canonical=[A + "grant-access-with-a-key-vault-access-policy"],
related=[A + "grant-access-with-an-azure-rbac-role", K + "move-to-a-different-key-or-to-a-key-in-another-vault", A + "changing-an-existing-vaults-permission-model"],
facts=["The values are `get`, `unwrapKey` and `wrapKey`."],
answer_facts=["cannot be limited to a single key", "on every key in the vault"],
truth="Yes: an access policy grants its key permissions on every key in kv-naos, so the identity can read, wrap and unwrap with naos-kek-2027 as soon as it exists, and the later rotate-key to it needs no extra grant. Narrowing isn't possible, though, because access policies can't be restricted to one key. If per-key control matters, the vault would have to move to the Azure RBAC model, where role scopes can be narrower than the vault (the ACR docs themselves scope the registry's role to the vault), and that switch stops every existing policy from working, so it needs its own plan. The permissions in the policy, get, unwrapKey and wrapKey, are exactly the right ones."),

dict(key="L17", style="long", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=["two_facts"],
question="""DR review for crnunki, a Premium registry with replicas in two regions, whose key lives in nunkihsm, a Managed HSM in the primary region. Our review template only has the usual vault items: soft delete, purge protection, and follow the Key Vault DR guidance that the geo-replication article links to.

```text
$ az acr replication list -r crnunki -o json | jq -r '.[].location'
swedencentral
norwayeast
```

What extra items does a key in a Managed HSM add to that list, and does anything about the HSM keep costing money if it gets deleted by mistake?""",
canonical=[M + "limits-and-open-points-with-managed-hsm", L + "geo-replication-with-a-managed-hsm-key"],
related=[L + "geo-replication-works-with-cmk", L + "pricing-considerations", M + "recover-a-deleted-managed-hsm-key-or-hsm"],
facts=["the ACR docs say nothing more specific"],
answer_facts=["including while soft-deleted", "plan the hsm's own recovery"],
truth="Mainly the HSM's own recovery, plus its cost. The geo-replication article was never updated for Managed HSM and still only points to Key Vault's DR guidance, so plan nunkihsm's recovery separately: its security domain file and the key pairs that protect it, backups, and whether Managed HSM is available in the regions you would fail over to. Both replicas of crnunki depend on that one key, so turn purge protection on for the HSM as well (az keyvault update-hsm --enable-purge-protection true). And yes, cost: a Managed HSM costs money for its whole lifetime, soft-deleted time included, so a deleted nunkihsm keeps costing money until someone recovers or purges it, and purging would take the registry's key with it."),

dict(key="L18", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["two_facts"],
question="""We're building sabikhsm for crsabik from a pipeline. The provisioning step failed the first time because the CLI wanted a retention setting, so we added one:

```text
$ az keyvault create --hsm-name sabikhsm -g rg-sabik -l westeurope --administrators 3e9c1f72-5b0a-4d84-a6e1-8f2d7c4b0a95 --retention-days 30 --enable-purge-protection
```

The HSM now reports provisioningState Succeeded, and the next stage of the pipeline creates the key and grants crsabik's identity access to it. Can that stage go straight ahead on the Managed HSM, and if not, what has to happen in between and who can do it?""",
canonical=[M + "provision-and-activate-the-managed-hsm", T + "managed-hsm-is-not-activated"],
related=[M + "requirements-for-a-managed-hsm-key-store", M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli", M + "local-rbac-roles-for-acr-encryption"],
facts=["`activationStatus` under `properties.securityDomainProperties` should read `Active`"],
answer_facts=["only an initial administrator can do", "accepts no data-plane requests"],
truth="Activate it first: until activation, a Managed HSM rejects every data-plane call, so creating the key and assigning the local role would both fail. Activation means downloading the HSM's security domain, and only one of the initial administrators, here the principal you passed with --administrators, can do that: az keyvault security-domain download --hsm-name sabikhsm --sd-wrapping-keys <three to ten certificate files> --sd-quorum <n> --security-domain-file sabikhsm-sd.json, using RSA key pairs whose private halves you keep. Store the file and those key pairs safely, disaster recovery depends on them. Let the pipeline continue only when activationStatus reads Active; after that, someone with Managed HSM Crypto User creates the key, and a Managed HSM Administrator, Crypto Officer or Policy Administrator grants the identity its role on it."),

dict(key="L19", style="long", kind="troubleshoot", category="recovery", quals=[], flags=["two_facts"],
question="""Revocation drill on crshaula yesterday. Step one of the runbook took the identity's role off kv-shaula, which uses Azure RBAC:

```text
$ az role assignment delete --scope "$SHAULA_KV_ID" --assignee-object-id 91c4e7a2-3d58-4b06-8f1e-a2b7d9c0e345 --role "Key Vault Crypto Service Encryption User"
$ # anything left for that principal?
$ az role assignment list --assignee-object-id 91c4e7a2-3d58-4b06-8f1e-a2b7d9c0e345 --all -o json | jq -r '.[] | .roleDefinitionName + " @ " + .scope'
Key Vault Crypto User @ /subscriptions/6a0d3f18-c9e2-4b57-a1d4-8e3f0b7c2d96/resourceGroups/rg-shaula
```

Two hours later crshaula was still serving every pull, and the drill was marked as failed. What kept the registry reachable, and how should the runbook change?""",
canonical=[V + "revoke-by-deleting-the-rbac-role-assignment", T + "registry-access-lost-after-key-permissions-were-revoked"],
related=[V + "what-revocation-does-to-the-registry", V + "restore-access-after-a-revocation", A + "why-key-vault-crypto-user-is-not-needed"],
facts=["those keep access working; remove them as well for a real revocation"],
answer_facts=["an assignment inherited from the resource group", "revocation blocks access to all data"],
truth="An inherited role: the identity still holds Key Vault Crypto User on rg-shaula, and that role includes wrap and unwrap on every vault in the group, so removing the Encryption User assignment on kv-shaula left another path open. For a real revocation the runbook has to list all of the identity's assignments, on the vault and on every parent scope, and remove each role that can wrap and unwrap, here also az role assignment delete --assignee-object-id <principal ID> --role \"Key Vault Crypto User\" --scope <resource ID of rg-shaula>. List with the same filters before every delete, since a delete removes all matching assignments. Then crshaula loses access to all of its data, and giving back only Key Vault Crypto Service Encryption User at the vault ends the drill with the identity holding no more than it needs."),

dict(key="L20", style="long", kind="no", category="iac", quals=["iac"], flags=[],
question="""crwezen was created by Terraform two years ago without encryption. I added an encryption block with our key and identity to its azurerm_container_registry resource, and this is the plan I got:

```text
  ~ resource "azurerm_container_registry" "wezen" {
        id   = "/subscriptions/c07e2b94-5f1d-4a38-9b6e-d2a0c7e4f815/resourceGroups/rg-wezen/providers/Microsoft.ContainerRegistry/registries/crwezen"
        name = "crwezen"
      + encryption {
          + identity_client_id = "b3f19e07-2c64-4d8a-a5f1-6e0b9d3c7a42"
          + key_vault_key_id   = "https://kv-wezen.vault.azure.net/keys/wezen-kek"
        }
    }
```

Nothing gets replaced, so can I simply apply this and have crwezen's images under our own key afterwards?""",
canonical=[C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep"],
related=[O + "moving-an-existing-registry-to-cmk", C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs", O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
facts=["ACR accepts a customer-managed key only when the registry is created."],
answer_facts=["plans an **in-place update**", "expected to reject at apply"],
truth="No: the in-place update is only how azurerm plans the change, because the provider doesn't treat encryption as forcing a new resource. ACR accepts a customer-managed key only at creation, so the service is expected to refuse the update when you apply (the exact error isn't documented). terraform apply -replace would force a new crwezen, but it deletes the existing registry and every image in it first. The safe way is a second registry with CMK under a new name, az acr import for the images, moving the clients over, and only then removing crwezen. Changing the key or identity of a registry that already has CMK, by contrast, is a legitimate in-place update."),

dict(key="L21", style="long", kind="undocumented", category="recovery", quals=[], flags=[],
question="""Our key-management standard puts an expiry date on every key, so adhara-kek in kv-adhara has one, eighteen months after it was made. cradhara uses the key with a versioned key ID, and I only noticed the date through an audit finding:

```text
$ az keyvault key show --vault-name kv-adhara -n adhara-kek -o json | jq -c '.attributes | {enabled, expires}'
{"enabled":true,"expires":"2027-03-31T00:00:00+00:00"}
```

The ACR articles explain what happens when the key is deleted or when the registry loses its permission on it. What happens to cradhara on the day adhara-kek expires? Does Microsoft say anything about that?""",
canonical=[V + "disabling-the-key-instead-a-key-vault-option-not-in-the-acr-docs"],
related=[T + "key-is-disabled-or-expired", V + "revoking-and-restoring-access-to-the-customer-managed-key", K + "move-to-a-new-version-of-the-same-key"],
facts=["Expiry dates (`--expires`) are a related Key Vault control."],
answer_facts=["are a related key vault control", "effect on a registry is not documented"],
truth="Not documented: the ACR articles only describe removing the identity's access and deleting the key, and an expiry date is a Key Vault control they never mention, so what it does to cradhara isn't stated. Key Vault's own behaviour suggests partial failures rather than a clean cut-off, since it still allows unwrap with an expired key but refuses wrap, so anything that has to wrap with that version, a rotate-key for instance, can break. Treat the date as a deadline: before it, create a new version and rotate cradhara to it (or switch to a versionless key ID), or push the date out with az keyvault key set-attributes --expires. Test on a non-production registry if you need to know the exact effect."),

dict(key="L22", style="long", kind="howto", category="network", quals=["hsm", "oct2026"], flags=["two_facts"],
question="""alnairhsm already has its firewall on, with public access limited to our office range, and cralnair has to be created next week with a key from it. The pipeline agent that will do the work sits outside that range. The plan so far: the agent creates the key, grants the registry identity its local role, then runs az acr create. What do we have to change in that order, and which settings on the Managed HSM give the registry access to its key?""",
canonical=[M + "managed-hsm-firewall-and-trusted-services", S + "create-the-key-before-the-registry-for-restricted-vaults"],
related=[N + "managed-hsm-firewall-and-trusted-services", N + "the-vault-firewall-covers-the-data-plane-only", T + "portal-key-picker-cannot-list-keys-behind-the-managed-hsm-firewall"],
facts=["Your own clients (the portal key picker, pipelines that create key versions) need an allowed address"],
answer_facts=["open the path for acr before running", "create the key ahead of the registry"],
truth="Open the registry's path first and do the key work from an allowed network. Before az acr create, let trusted Azure services through alnairhsm and deny everything else: az keyvault update-hsm --hsm-name alnairhsm -g <resource group> --bypass AzureServices --default-action Deny. The registry reaches its key through that exception, not through an IP rule. The agent outside the office range can't talk to the HSM's data plane, where keys and local role assignments are made, so either add its address as a network rule (az keyvault network-rule add --hsm-name alnairhsm --ip-address <agent address>) or run those two steps from inside the range. Create the key ahead of the registry, grant the identity Managed HSM Crypto Service Encryption User on it, and only then create cralnair."),

dict(key="L23", style="long", kind="yes", category="keys", quals=["hsm", "oct2026"], flags=[],
question="""Our key policy says the registry key has to be generated on our own offline HSM during a key ceremony and only then brought into Azure, never generated in the cloud. We'd like that key to end up in ankaahsm, our Managed HSM, and to encrypt crankaa with it. One of our architects insists that BYOK for ACR has only ever meant importing into a Key Vault vault, and that a Managed HSM only takes keys generated inside it. Is importing the ceremony key into the Managed HSM a supported way to give crankaa its key?""",
canonical=[O + "bring-your-own-key-byok"],
related=[O + "managed-hsm-keys", M + "requirements-for-a-managed-hsm-key-store", T + "managed-hsm-key-has-the-wrong-type-or-operations"],
facts=["the registry refers to the key by its key URI in that store"],
answer_facts=["both key stores support both", "created outside azure and imported into it"],
truth="Yes: the key may be generated inside the key store or made elsewhere and imported, and both key stores, Key Vault vaults and Managed HSM, support both ways; Managed HSM has been a documented key store for ACR since the October 2026 revision of the tutorials. For ACR, BYOK and CMK name the same feature, and the registry simply refers to the imported key by its URI in ankaahsm. Import it as an RSA-HSM key whose permitted operations include wrapKey and unwrapKey (elliptic-curve keys are not supported), give crankaa's identity Managed HSM Crypto Service Encryption User on that key, and pass its key URI when you create crankaa."),

dict(key="L24", style="long", kind="value", category="rotation", quals=[], flags=["two_facts"],
question="""Script review for crmenkar. The author reads the key ID like this and hands it straight to az acr create:

```text
$ az keyvault key show --vault-name kv-menkar -n menkar-kek -o json | jq -r .key.kid
https://kv-menkar.vault.azure.net/keys/menkar-kek/4c0f7e2a9b3d45c18e6a2f07d9b1c354
```

We want the registry to pick up every new version that our rotation policy creates. What will crmenkar do with this value, and what is the least invasive change to the script?""",
canonical=[K + "versioned-and-versionless-key-ids", S + "step-6-choose-a-versioned-or-versionless-key-id"],
related=[K + "automatic-rotation-with-a-versionless-key-id", K + "switch-from-manual-to-automatic-rotation", S + "step-5-create-an-rsa-key-and-capture-its-key-id"],
facts=["The ACR overview recommends the versionless form."],
answer_facts=["bash parameter expansion needs no extra tool", "stays on that version until you run"],
truth="With that kid crmenkar would be pinned: a key ID ending in a version keeps the registry on exactly 4c0f7e2a9b3d45c18e6a2f07d9b1c354 until someone runs az acr encryption rotate-key, so the versions the policy creates would be ignored. The kid is always versioned; cut off its last path segment to get the versionless URI, https://kv-menkar.vault.azure.net/keys/menkar-kek, and the registry takes up each new version within an hour. In bash that is one line, KEY_ID_VERSIONLESS=\"${KEY_ID%/*}\", with no sed or other tool, and the ACR overview recommends the versionless form anyway."),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="troubleshoot", category="troubleshooting", quals=["hsm", "oct2026"], flags=["screenshot_embed"],
question="hsm key picker empty ![empty key picker](https://github.com/user-attachments/assets/c2a9e4f7-1b08-4d63-95ea-7f3d0b6c8e21)",
canonical=[T + "portal-key-picker-cannot-list-keys-behind-the-managed-hsm-firewall"], related=[M + "key-picker-blocked-by-the-hsm-firewall", N + "the-portal-key-picker-and-a-key-store-firewall", M + "managed-hsm-firewall-and-trusted-services"],
facts=["it does not cover a browser outside the network boundary"], answer_facts=["the listing is refused", "use **enter key uri** instead"],
truth="An empty picker means the HSM firewall is refusing your browser: the picker reads the key list from the Managed HSM's data plane, and your client address isn't on its allowed list. ACR passes as a trusted service, a browser never does. Paste the key ID (read on an allowed network) into Enter key URI, or put your public IP on the HSM's network rules while you work and take it off afterwards; leave the bypass for trusted services in place."),
dict(key="S2", style="short", kind="value", category="rotation", quals=[], flags=["double_encoded_json"],
question=r'kv refuses policy "{\"lifetimeActions\":[{\"trigger\":{\"timeAfterCreate\":\"P3D\"},\"action\":{\"type\":\"Rotate\"}}]}", minimum interval?',
canonical=[K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy"], related=[K + "how-often-to-rotate", K + "automatic-rotation-with-a-versionless-key-id", L + "pricing-considerations"],
facts=["Key Vault charges for each automated rotation"], answer_facts=["shortest allowed rotation interval is 7 days"],
truth="7 days: a Key Vault rotation policy can't rotate more often than that, so a Rotate action after P3D is out; use P7D or longer. Setting the policy needs Key Vault Crypto Officer on an RBAC vault, and Key Vault bills each automated rotation."),
dict(key="S3", style="short", kind="yes", category="iac", quals=["iac"], flags=["escaped_markdown"],
question=r"avm terraform customer\_managed\_key: leave key\_version unset for auto rotation?",
canonical=[C + "avm-terraform-module-customer_managed_key-variable"], related=[C + "avm-bicep-module-customermanagedkey-parameter", C + "automatic-key-rotation-in-terraform-versionless_id-vs-id", C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs"],
facts=["a precondition checks this and Premium"], answer_facts=["unless `key_version` is set", "always used the versioned `id`"],
truth="Yes: from v0.6.0 the AVM registry module uses the key's versionless_id, and with it automatic rotation, unless key_version is set; v0.3.0 to v0.5.1 always pinned the versioned id. Still pass user_assigned_identity and list it in managed_identities.user_assigned_resource_ids."),
dict(key="S4", style="short", kind="no", category="iac", quals=["iac"], flags=["escaped_markdown"],
question=r"terraform: can identity\_client\_id point at the acr's \[system\] identity?",
canonical=[C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs"], related=[I + "switch-to-the-registrys-system-assigned-identity-after-creation", C + "terraform-azurerm_container_registry-encryption-block", I + "how-rotate-key-interprets-the---identity-value"],
facts=["usable after creation"], answer_facts=["accepts only a uuid", "terraform cannot describe it"],
truth="No: identity_client_id only takes a UUID, so Terraform has no way to describe the system-assigned identity, even though the ACR docs allow switching to it after creation. Make that switch outside Terraform with az acr encryption rotate-key --identity '[system]'."),
dict(key="S5", style="short", kind="value", category="recovery", quals=["hsm", "oct2026"], flags=[], typo="accidently",
question="hsm key of our acr deleted accidently: which role can recover it?",
canonical=[V + "recover-a-deleted-key"], related=[M + "recover-a-deleted-managed-hsm-key-or-hsm", T + "key-vault-or-key-was-deleted", V + "recover-a-deleted-managed-hsm"],
facts=["A deleted key stays recoverable for the vault's soft-delete retention period"], answer_facts=["the caller needs managed hsm crypto officer", "registry operations resume"],
truth="Managed HSM Crypto Officer, a local role of the HSM; Crypto User can create and rotate keys but not bring deleted ones back. Whoever holds it runs az keyvault key list-deleted --hsm-name <hsm> to see the key and az keyvault key recover --hsm-name <hsm> --name <key> before the retention period ends; after that your registry works again without further steps."),
dict(key="S6", style="short", kind="undocumented", category="limits", quals=[], flags=[], typo="seperately",
question="is zone redundancy with a cmk acr documented seperately anywhere?",
canonical=[L + "feature-compatibility-summary"], related=[L + "zone-redundancy-with-cmk-is-not-documented", N + "registry-private-endpoints-and-cmk-are-not-covered-by-the-docs", L + "changing-the-sku-of-a-cmk-registry-is-not-documented"],
facts=["Permanent for the life of the registry"], answer_facts=["zone redundancy | not documented"],
truth="Not documented: the CMK articles don't mention zone redundancy at all, and the compatibility overview marks it as undocumented, like a registry's own private endpoints and a downgrade from Premium. Test it in a separate subscription or ask support before relying on it."),
dict(key="S7", style="short", kind="howto", category="setup", quals=[], flags=[], typo="succesful",
question="how do i check that the cmk setup on our acr was succesful?",
canonical=[S + "step-8-verify-the-encryption-status"], related=[L + "check-the-encryption-status-of-a-registry", K + "check-which-key-version-the-registry-uses", S + "step-7-create-the-premium-registry-with-the-customer-managed-key"],
facts=["returns the same object"], answer_facts=["`enabled` for a cmk registry, `disabled` otherwise", "read-only: the exact key version in use"],
truth="Run az acr encryption show --name <registry>: status must read enabled, and keyVaultProperties lists the identity (a client ID, or system), keyIdentifier, the versionedKeyIdentifier actually in use, keyRotationEnabled and lastKeyRotationTimestamp. The portal shows the same under Settings > Encryption."),
dict(key="S8", style="short", kind="yes", category="network", quals=[], flags=[],
question="does key vault's firewall exception for trusted services include acr?",
canonical=[N + "azure-container-registry-in-key-vaults-trusted-services-list"], related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", N + "allow-trusted-services-and-deny-other-traffic", O + "network-requirement-for-a-locked-down-key-vault"],
facts=["for the purpose of encrypting registries with customer-managed keys"], answer_facts=["among the services that can pass"],
truth="Yes: Key Vault's own documentation names Azure Container Registry as one of the services that may pass a vault firewall when trusted Microsoft services are allowed, and the stated purpose is exactly registry encryption with customer-managed keys."),
dict(key="S9", style="short", kind="no", category="limits", quals=[], flags=[],
question="artifact streaming on a cmk-encrypted acr: supported or not",
canonical=[L + "artifact-streaming-is-not-supported"], related=[L + "feature-compatibility-summary", L + "oci-referrers-api-is-not-supported", L + "cmk-limitations-compatibility-and-status-checks"],
facts=["Plan for full image pulls on a CMK registry."], answer_facts=["among its unsupported configurations", "plan for full image pulls"],
truth="No: artifact streaming, still in preview, counts registries encrypted with a customer-managed key among the configurations it doesn't support, so images from a CMK registry are always pulled in full."),
dict(key="S10", style="short", kind="why", category="keys", quals=[], flags=[],
question="why bother with a cmk on acr if images are encrypted anyway?",
canonical=[O + "why-teams-use-a-customer-managed-key"], related=[O + "what-customer-managed-key-encryption-adds-to-a-registry", O + "default-encryption-at-rest-without-a-cmk", V + "what-revocation-does-to-the-registry"],
facts=["Teams bring their own key instead of relying only on Microsoft's managed keys"], answer_facts=["regulatory compliance", "control over the key lifecycle"],
truth="Because a CMK is about control, not about getting encryption: Microsoft's default encryption stays, and your key adds a layer you own. Teams take it on mostly for regulatory compliance, to decide when the key rotates and who may use it, to be able to make the registry unreadable by revoking access, and to audit the key's use in their own key store."),
dict(key="S11", style="short", kind="undocumented", category="network", quals=[], flags=[],
question="is the open-vault-then-rotate workaround for acr create officially documented?",
canonical=[N + "reports-of-first-time-creation-failing-against-a-firewalled-vault-not-official"], related=[T + "registry-creation-cannot-access-the-key", N + "create-the-key-before-the-registry-when-the-vault-is-locked-down", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
facts=["the current docs only say to enable trusted services and to create the key before the registry"], answer_facts=["these reports may be out of date", "in a temporary, open vault"],
truth="Not documented: creating the registry against a key in a temporary, unrestricted vault and then moving to the firewalled vault with rotate-key comes from GitHub issues older than 2023, not from Microsoft's docs, and may be stale. Officially you allow trusted services and create the key before the registry."),
dict(key="S12", style="short", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="managed hsm key uri in azure government: same managedhsm.azure.net suffix",
canonical=[M + "managed-hsm-key-uris"], related=[O + "the-key-encryption-key-kek-and-its-identifier", T + "managed-hsm-uri-is-not-a-key-uri", L + "managed-hsm-is-not-available-everywhere"],
facts=["The URI must use HTTPS and must point at a **key**."], answer_facts=["differs in other clouds", "take the host from the hsm's hsmuri"],
truth="Don't assume it: managedhsm.azure.net is the Managed HSM suffix of the global Azure cloud, and other clouds use a different one. Take the host from the HSM's hsmUri (az keyvault show --hsm-name <hsm>) and add /keys/<key>, with or without a version, over HTTPS."),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="A1", style="agent", form="context", kind="howto", category="limits", quals=["iac"], flags=["screenshot_embed"],
question="Context: the policy compliance view in the portal flags crpolaris as non-compliant ![policy compliance view with crpolaris non-compliant](https://github.com/user-attachments/assets/9f3b6d20-e5c1-4a87-b0d4-2c7e8a1f5d63) Question: can a remediation task fix it in place, and if not, what do we do?",
canonical=[L + "azure-policy-built-in-for-cmk"], related=[O + "moving-an-existing-registry-to-cmk", L + "check-the-encryption-status-of-a-registry", O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
facts=["audits whether registries use CMK"], answer_facts=["cannot be remediated in place", "replaced with a new cmk registry"],
truth="Replace the registry: the built-in definition that requires CMK on container registries only audits, and because CMK can only be chosen at creation, a non-compliant crpolaris can't be fixed in place. Create a new Premium registry with a customer-managed key, import the images, move the clients, then retire crpolaris. A non-official, unmerged docs pull request also reports Modify remediation tasks failing with BadRequest on CMK registries, so don't count on remediation at all; the compliance result clears once the old registry is gone."),
dict(key="A2", style="agent", form="imperative", kind="troubleshoot", category="identity", quals=[], flags=["screenshot_embed"],
question="Explain the error crspica's identity blade gave us when we tried to remove id-spica ![identity blade error while removing id-spica](https://github.com/user-attachments/assets/3a8c1e57-94d2-4b60-8e1f-5c7a0d2b9e36) and tell me how to retire that identity properly",
canonical=[T + "removing-the-encryption-identity-fails"], related=[I + "the-encryption-identity-cannot-simply-be-removed", I + "switch-to-a-different-user-assigned-identity", T + "registry-identity-is-inactive-or-expired"],
facts=["open an Azure support request and stop retrying the removal"], answer_facts=["the service refuses to detach the identity", "only now remove the original user-assigned identity"],
truth="id-spica is the identity crspica's encryption uses to reach its key, and the service refuses to detach it; a failed attempt can also break key rotation. Re-attach id-spica with az acr identity assign, give its successor (another user-assigned identity, or '[system]') access to the key, switch encryption to it with az acr encryption rotate-key --identity, check az acr encryption show, and only then remove id-spica. Had it been the system-assigned identity, only a support request would help."),
dict(key="A3", style="agent", form="context", kind="troubleshoot", category="troubleshooting", quals=["hsm", "oct2026"], flags=["double_encoded_json"],
question=r'Context: the local role on merakhsm was granted two minutes before we deployed crmerak, and the deployment failed with statusMessage "{\"error\":{\"code\":\"Forbidden\",\"message\":\"Key access denied for https://merakhsm.managedhsm.azure.net/keys/merak-kek\"}}". Question: is our Managed HSM grant wrong, or should we just wait?',
canonical=[T + "managed-hsm-role-assignment-not-yet-in-effect"], related=[M + "local-rbac-roles-for-acr-encryption", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope", A + "grant-access-to-a-key-in-a-managed-hsm"],
facts=["the identity is treated as having no access"], answer_facts=["can take several minutes to propagate", "do not pile up duplicate assignments"],
truth="Most likely just wait: a new local role assignment in a Managed HSM can take several minutes to take effect, and until then the identity counts as having no access, hence the Forbidden. Check that az keyvault role assignment list --hsm-name merakhsm --assignee-object-id <principal ID> shows Managed HSM Crypto Service Encryption User at /keys/merak-kek, wait several minutes and redeploy without adding duplicate assignments. If it still fails, check activation, key type and operations, the URI and the HSM firewall."),
dict(key="A4", style="agent", form="keywords", kind="howto", category="iac", quals=["iac", "oct2026"], flags=["double_encoded_json"],
question=r'arm template deployment of the cmk registry fails, operation statusMessage "{\"error\":{\"code\":\"InvalidTemplate\",\"message\":\"The template parameters key_id are not valid\"}}", which key parameter name the template expects',
canonical=[S + "deploy-the-template"], related=[S + "set-up-cmk-with-an-arm-template", S + "the-enable-tutorials-own-template", C + "arm-template-json-propertiesencryption-and-keyvaultproperties"],
facts=["the same name the tutorial's template and deployment example use"], answer_facts=["the key parameter is `kek_id`", "passed `key_id=` by mistake"],
truth="kek_id: the enable tutorial's template calls its key parameter kek_id, and InvalidTemplate is Resource Manager rejecting a parameter the template doesn't declare. Pass kek_id=<key URI> (versionless for automatic rotation) alongside registry_name and identity_name. Revisions of the tutorial before October 2026 showed key_id= in the deploy example by mistake; the October 2026 revision fixed it, and its template grants no key access, so set up the identity's access before deploying."),
dict(key="A5", style="agent", form="context", kind="howto", category="keys", quals=[], flags=["escaped_markdown"],
question=r"Context: our Notion export of the module docs says azurerm\_role\_assignment needs a role\_definition\_id for the registry identity on the vault. Question: which role definition and which scope should that be?",
canonical=[A + "grant-access-with-an-azure-rbac-role"], related=[C + "complete-terraform-example-with-key-vault-role-assignment-and-registry", S + "option-a-azure-rbac-role-on-an-rbac-vault", A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities"],
facts=["New role assignments can take a few minutes to take effect."], answer_facts=["e147488a-f6f5-4113-8e2d-b22465e65bf6", "scoped to the vault"],
truth="Key Vault Crypto Service Encryption User, role ID e147488a-f6f5-4113-8e2d-b22465e65bf6 (as role_definition_id, the full /subscriptions/<sub>/providers/Microsoft.Authorization/roleDefinitions/<that ID> form), with the vault's resource ID as scope and the identity's principal ID as principal_id. Azure RBAC would allow a narrower key scope, but the ACR docs assign it at vault level. Make the registry depend on that assignment."),
dict(key="A6", style="agent", form="imperative", kind="why", category="setup", quals=[], flags=["escaped_markdown"],
question=r"Explain why az acr create turned down --identity \[system\] for our new CMK registry when our Confluence page says the system identity works for encryption",
canonical=[S + "rules-that-az-acr-create-enforces-for-cmk"], related=[T + "system-assigned-identity-rejected-at-registry-creation", I + "a-user-assigned-identity-is-required-when-the-registry-is-created", I + "quote-system-in-shell-commands"],
facts=["The CLI stores the identity's **client ID** in the encryption settings"], answer_facts=["is not accepted by `az acr create`", "only a user-assigned identity can be given"],
truth="Because creation only takes a user-assigned identity: the registry's system-assigned identity doesn't exist yet, so az acr create takes [system] for the name of a user-assigned identity, finds none, and fails. The page describes a later step: after creation, turn the system identity on, give it key access, and switch with rotate-key --identity '[system]', quoted."),
dict(key="A7", style="agent", form="imperative", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="List what must be granted, and at which scope, before rotate-key can move crphecda from its vault key to phecda-kek in our Managed HSM phecdahsm while encryption runs under '[system]'",
canonical=[A + "access-to-a-key-in-a-second-key-vault"], related=[M + "rotate-a-managed-hsm-key", K + "move-to-a-different-key-or-to-a-key-in-another-vault", M + "local-rbac-roles-for-acr-encryption"],
facts=["Access is granted per vault."], answer_facts=["where access is granted per key", "whether it is named by client id"],
truth="crphecda's system-assigned identity (principal ID from az acr identity show) needs Managed HSM Crypto Service Encryption User on phecda-kek itself, scope /keys/phecda-kek, assigned with az keyvault role assignment create --hsm-name phecdahsm and --assignee-principal-type MSI before rotate-key runs. In a Managed HSM access is per key, the vault grant doesn't carry over, and neither ACR nor the portal creates it. Then run rotate-key with the HSM key URI and --identity '[system]', keeping the vault key's access until az acr encryption show reports the new key."),
dict(key="A8", style="agent", form="imperative", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="Give me the commands for a revocation drill on crmegrez, whose key megrez-kek sits in our Managed HSM megrezhsm, and for undoing it afterwards",
canonical=[M + "revoke-access-to-a-managed-hsm-key"], related=[V + "revoke-access-to-a-key-in-a-managed-hsm", V + "restore-access-after-a-revocation", T + "registry-access-lost-after-key-permissions-were-revoked"],
facts=["Any other local role that includes wrap and unwrap (for example Managed HSM Crypto User) keeps access working too."], answer_facts=["at the scope where it was made", "either one blocks **all** registry data"],
truth="First list the identity's local roles: az keyvault role assignment list --hsm-name megrezhsm --assignee-object-id <principal ID>. Revoke by deleting Managed HSM Crypto Service Encryption User at the scope where it was made, normally az keyvault role assignment delete --hsm-name megrezhsm --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id <principal ID> --scope /keys/megrez-kek; assignments at /keys or /, and other roles that can wrap and unwrap, must go as well. All of crmegrez's data is then blocked. To undo, create the same assignment again with --assignee-principal-type MSI at /keys/megrez-kek; the registry picks the key up once it takes effect."),
dict(key="A9", style="agent", form="keywords", kind="troubleshoot", category="rotation", quals=[], flags=[],
question="acr cmk keyRotationEnabled false, rotation policy created a new key version yesterday, versionedKeyIdentifier still the old one, registry crelectra on kv-electra",
canonical=[T + "registry-keeps-using-an-old-key-version"], related=[K + "switch-from-manual-to-automatic-rotation", K + "check-which-key-version-the-registry-uses", K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy"],
facts=["leaving out `--identity` keeps the current identity"], answer_facts=["it does not move the registry", "configured with a versioned key id"],
truth="crelectra was set up with a versioned key ID, as keyRotationEnabled false shows, so it stays on that version until rotated by hand; the policy only creates versions. Run az acr encryption rotate-key -n crelectra --key-encryption-key https://kv-electra.vault.azure.net/keys/<key> with the versionless ID (leave out --identity to keep the current one), and it follows new versions within about an hour; or pass each new versioned ID if you prefer manual control."),
dict(key="A10", style="agent", form="context", kind="value", category="keys", quals=["hsm", "iac", "oct2026"], flags=[],
question="Context: I'm writing a Bicep module for registries that should take keys from a vault or from our Managed HSM. Question: which property holds the key URI, and will the same property take an HSM key?",
canonical=[O + "the-key-encryption-key-kek-and-its-identifier"], related=[M + "managed-hsm-key-uris", C + "arm-template-json-propertiesencryption-and-keyvaultproperties", C + "bicep-registry-with-a-customer-managed-key"],
facts=["the DNS suffix differs between Azure clouds"], answer_facts=["properties.encryption.keyvaultproperties.keyidentifier", "the uri of a key, either versioned"],
truth="properties.encryption.keyVaultProperties.keyIdentifier, the template counterpart of --key-encryption-key, and it takes a key from either store: https://<vault>.vault.azure.net/keys/<key>, or for a Managed HSM https://<hsm>.managedhsm.azure.net/keys/<key>, each with or without a version. It must be HTTPS and name a key, not a secret or certificate; with a version you rotate by hand, without one the registry follows new versions."),
dict(key="A11", style="agent", form="keywords", kind="undocumented", category="keys", quals=[], flags=[],
question="how acr uses the customer-managed key internally, layer encryption versus wrapping of registry data keys, official description wanted",
canonical=[O + "what-customer-managed-key-encryption-adds-to-a-registry"], related=[O + "default-encryption-at-rest-without-a-cmk", O + "identity-and-key-access-requirements", O + "why-teams-use-a-customer-managed-key"],
facts=["It adds a **second layer** on top of it"], answer_facts=["treat that as an inference", "does not describe the internal key hierarchy"],
truth="Not documented: Microsoft gives no description of how the registry's keys are arranged internally. The permissions allow an inference, no more: the identity may only read the key and wrap and unwrap with it, which fits a key that protects the registry's own data keys rather than one that encrypts layers. What the docs do state is that your key is a second layer on top of the platform encryption, not a replacement for it."),
dict(key="A12", style="agent", form="context", kind="no", category="recovery", quals=["oct2026"], flags=[],
question="Context: crtaygeta is pinned to the third version of taygeta-kek and we want the first version gone. Question: can az keyvault key delete remove just that old version of the key?",
canonical=[V + "revoke-by-deleting-the-key"], related=[V + "disabling-the-key-instead-a-key-vault-option-not-in-the-acr-docs", V + "recover-a-deleted-key", T + "key-vault-or-key-was-deleted"],
facts=["If the key is later purged, or the retention period runs out, the registry's content is lost for good."], answer_facts=["it cannot delete just one key version", "the **whole key, with all its versions**"],
truth="No: az keyvault key delete removes the whole key with every version, which would cut crtaygeta off completely. The October 2026 revision of the rotate-and-revoke tutorial shows that form; earlier revisions wrongly talked about deleting individual versions. Leave the old version in place, or disable it as a Key Vault option the ACR docs don't cover."),
]

OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind="off-topic", category=OFF, subject="connaisseur", near_miss=True,
question="""Deployments in our clusters only start images that were signed before being pushed to our container registry: Connaisseur checks each signature against a public key we configured as its trust root. The signing key pair is four years old and must be retired before the end of the quarter. What is the way to roll a new verification key into Connaisseur so that images signed with the old key keep starting until they are re-signed, and can both keys be trusted side by side for a while?""",
truth="Not covered: rotating the trust root of Connaisseur, an admission controller that verifies image signatures, is a signing and deployment-policy question, not about customer-managed key encryption of an Azure container registry."),
dict(key="X2", style="long", kind="off-topic", category=OFF, subject="chef", near_miss=True,
question="""The build nodes that push to our container registry are configured with Chef, and the registry's push credentials sit in an encrypted data bag. The shared secret key for that data bag is present on every node and turned up in a backup that left the company. How do we re-encrypt the data bag with a new secret key and get that key onto the nodes without a window in which chef-client runs fail?""",
truth="Not covered: re-keying Chef encrypted data bags and distributing the new secret to nodes is configuration-management work, outside the ACR customer-managed key knowledge."),
dict(key="X3", style="long", kind="off-topic", category=OFF, subject="mender", near_miss=True,
question="""Our edge devices run containers whose images come from our container registry, and the images reach them inside Mender update artifacts signed with our own key. Each device checks artifacts against a public key baked into its root filesystem. The signing key has to be replaced this year. How do we move Mender to a new signing key without stranding devices that still only know the old public key?""",
truth="Not covered: replacing the artifact signing key of Mender and rolling the new verification key out to devices is an over-the-air update question, unrelated to customer-managed keys for Azure Container Registry."),
dict(key="X4", style="long", kind="off-topic", category=OFF, subject="nebula", near_miss=True,
question="""Our build agents reach the container registry's pull-through cache over a Nebula overlay network, and every host certificate is signed by a single Nebula CA whose key we created three years ago. That CA expires in two months. What is the procedure for creating a new Nebula CA and moving every host to certificates from it, with both CAs trusted during the changeover so that no agent loses its connection?""",
truth="Not covered: rotating the CA of a Nebula overlay network and re-issuing host certificates is overlay-networking administration, outside the ACR CMK documentation."),
dict(key="X5", style="long", kind="off-topic", category=OFF, subject="backblaze", near_miss=True,
question="""We run a small self-hosted registry mirror next to our Azure container registry for an office with poor connectivity, and the mirror keeps its blobs in a Backblaze B2 bucket. The B2 application key the mirror uses showed up in a public gist. How do we replace that application key, and do the blobs already in the bucket have to be uploaded or encrypted again afterwards?""",
truth="Not covered: replacing a Backblaze B2 application key used by a self-hosted mirror is a storage-provider credential question, not about customer-managed key encryption of Azure Container Registry."),
dict(key="X6", style="long", kind="off-topic", category=OFF, subject="ostree",
question="""We build bootable operating system images from container images kept in our registry and publish them as an OSTree repository for our appliances. Commits in that repository are signed with an ed25519 key, and the appliances verify them against the public key in their remote configuration. How do we introduce a new signing key for the OSTree remote so that appliances accept commits signed with either key during the switch?""",
truth="Not covered: rotating the commit signing key of an OSTree repository and updating the remotes that verify it is an OS-update question outside the ACR customer-managed key knowledge."),
dict(key="X7", style="agent", form="context", kind="off-topic", category=OFF, subject="oauth2-proxy",
question="Context: oauth2-proxy sits in front of our registry's web UI and its cookie secret was committed to a public repository. Question: how do we rotate that cookie secret without logging everyone out?",
truth="Not covered: rotating the cookie secret of oauth2-proxy is a reverse-proxy authentication question, unrelated to customer-managed keys for Azure Container Registry."),
dict(key="X8", style="agent", form="imperative", kind="off-topic", category=OFF, subject="circleci",
question="Explain how to rotate the CircleCI context secret that holds the push credentials our pipelines use for the container registry, and which jobs pick up the new value",
truth="Not covered: rotating a CircleCI context secret is a CI-service question, not part of the ACR CMK knowledge."),
dict(key="X9", style="agent", form="keywords", kind="off-topic", category=OFF, subject="dependabot",
question="dependabot private registry secret for docker image updates, rotate the password it uses to read our container images",
truth="Not covered: rotating the credentials Dependabot uses for a private registry is a repository-automation question outside customer-managed key encryption of Azure container registries."),
dict(key="X10", style="short", kind="off-topic", category=OFF, subject="sqlcipher",
question="sqlcipher: how do i rekey an existing database?",
truth="Not covered: changing the key of an SQLCipher database is an embedded-database question the ACR CMK knowledge does not address."),
dict(key="X11", style="short", kind="off-topic", category=OFF, subject="fscrypt",
question="fscrypt: can i change a protector's passphrase in place?",
truth="Not covered: changing an fscrypt protector's passphrase is a Linux file-encryption question, unrelated to customer-managed keys for Azure Container Registry."),
dict(key="X12", style="short", kind="off-topic", category=OFF, subject="duplicity",
question="duplicity backups, switching to a new encryption key without a full backup",
truth="Not covered: moving duplicity backups to a new encryption key is a backup-tool question outside the ACR customer-managed key knowledge."),
]
QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"accidently": "accidentally", "seperately": "separately", "succesful": "successful"}
SHAPES = ["two_facts", "python_traceback", "details_block", "screenshot_embed", "double_encoded_json",
          "escaped_markdown"]
SEED = 55
ID_PREFIX = "k"

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
SPREAD_SETS = (54, 53)
SPREAD_FLOORS = (40, 30)


def prev_firsts(n):
    p = os.path.join(HERE, "prev", "blind%d-first-canonicals.txt" % n)
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
    """(blind55.json text, blind55-meta.json text, blind55-first-canonicals.txt text)"""
    entries, meta = build()
    j = json.dumps(entries, indent=1, ensure_ascii=False) + "\n"
    m = json.dumps(meta, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    f = "\n".join(firsts) + "\n"
    return j, m, f


def main(out=HERE):
    j, m, f = render()
    for name, text in (("blind55.json", j), ("blind55-meta.json", m), ("blind55-first-canonicals.txt", f)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
