"""blind60 builder: holds the 60 questions (QUESTIONS) and writes blind60.json, blind60-meta.json and
blind60-first-canonicals.txt. render() returns the three files' exact text (check60.py compares it byte for byte)."""
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
# ---- github_alert ----
dict(key="L1", style="long", kind="no", category="setup", quals=[], flags=["github_alert"],
question="""Our platform repo's readme has carried this callout since spring, and three product teams planned around it:

> [!IMPORTANT]
> Teams can create their registry today without a customer-managed key. When the shared vault kv-plover-core goes live, we attach the key with `az acr update` and the images already stored get re-encrypted in place.

kv-plover-core is live now. crplover is Premium, holds about 1.8 TB in some 400 repositories, and was created in March with no key at all. I went looking for the option, and `az acr update --help` lists nothing about an identity or a key encryption key, which makes me think the readme promised something that can't be done. Can we really attach the key to crplover later, as the callout says? If not, what is the least disruptive way to get its content under our own key?""",
canonical=[O + "moving-an-existing-registry-to-cmk"],
related=[O + "cmk-can-only-be-enabled-when-the-registry-is-created", T + "key-rotation-fails-on-a-registry-without-cmk", C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep"],
facts=["An existing registry cannot be converted to CMK in place"],
answer_facts=["converting existing registries is not planned", "one image or artifact at a time"],
truth="No: a customer-managed key can only be chosen while a registry is being created, so crplover can't be switched to CMK in place; az acr update has no identity or key option, and ACR maintainers have said on GitHub that converting existing registries is not planned. The route is a new Premium registry created with a user-assigned identity that already has access to a key in kv-plover-core, then copying the content over with az acr import (one image or artifact per call, so script it over the repository and tag lists), then pointing clients, pipelines and pull secrets at the new login server before deleting crplover. The README callout should be corrected before more teams rely on it."),

dict(key="L2", style="long", kind="why", category="recovery", quals=[], flags=["github_alert"],
question="""Security review finding on kv-kestrel-cmk, the vault that holds crkestrel's key: purge protection is off. Our infra readme explains why we left it off on purpose:

> [!WARNING]
> Do not turn on purge protection for CMK vaults. It can never be switched off again, it blocks our nightly job that cleans up test keys, and ACR works perfectly well without it.

The reviewer insists we enable it and points at the ACR docs. I've confirmed soft delete is on (retention 90 days) and that the registry has been fine for two years without purge protection, so I'm struggling to see what it buys us. Why do the ACR docs recommend it for this vault at all, given that the registry works without it?""",
canonical=[O + "soft-delete-and-purge-protection-on-the-key-vault"],
related=[V + "how-purge-protection-protects-the-registry", O + "soft-delete-and-purge-protection-behaviour-in-key-vault", S + "step-3-create-the-key-vault-with-purge-protection"],
facts=["It is off by default, needs soft delete, and cannot be turned off once on."],
answer_facts=["recommended, not required", "cannot be turned off once on"],
truth="Because soft delete alone only keeps a deleted key or vault recoverable until someone with purge rights erases it, and for crkestrel a purged key means its content is unreadable for good; purge protection closes that gap, since a deleted key or vault then stays recoverable until its retention runs out. The docs recommend it rather than require it, so the README is right that the registry works without it, and right that turning purge protection on is irreversible. The cleanup job point is real too: with it on, deleted test keys can only age out, so keep throwaway keys in a separate vault and enable purge protection on kv-kestrel-cmk."),

dict(key="L3", style="long", kind="no", category="hsm", quals=["hsm", "oct2026"], flags=["github_alert"],
question="""Our incident runbook for crdunlin (key in hsm-dunlin, a Managed HSM) contains this note, written before the HSM migration by someone who has since left:

> [!CAUTION]
> Removing the registry identity's local role in hsm-dunlin only stops new pushes. Images that are already in crdunlin stay pullable, so production keeps running while we investigate.

We're rehearsing a key-compromise scenario next week, and this note decides whether we may pull the plug during business hours. The identity is id-dunlin-acr, and the role it holds is granted on /keys/kek-dunlin. Is the runbook right that revoking the HSM role leaves already stored images readable?""",
canonical=[V + "revoking-and-restoring-access-to-the-customer-managed-key"],
related=[V + "what-revocation-does-to-the-registry", V + "revoke-access-to-a-key-in-a-managed-hsm", M + "revoke-access-to-a-managed-hsm-key"],
facts=["Revocation is reversible as long as the key still exists or can be recovered"],
answer_facts=["cannot read any of its content", "or delete the local role assignment"],
truth="No: revocation is all or nothing. Once id-dunlin-acr can no longer use kek-dunlin, crdunlin can't read any of its content, so pulls of existing images fail just like pushes; there is no per-repository or read-only mode. Deleting the identity's local role at /keys/kek-dunlin (and at /keys or / if it also holds it there) is one of the two documented ways to revoke with a Managed HSM key, the other being deleting the key. Plan the drill as a full outage of crdunlin; re-creating the same assignment at the same scope brings the registry back once the role change has propagated. Fix the runbook note."),

dict(key="L4", style="long", kind="howto", category="network", quals=[], flags=["github_alert"],
question="""Our landing-zone policy now requires every key vault to deny public traffic. The team readme for crheron says the opposite:

> [!WARNING]
> Keep kv-heron-cmk open to all networks. If you enable its firewall, crheron can no longer reach the key and every pull breaks.

I'd like to comply without taking crheron down. The vault uses RBAC, the registry's identity id-heron-acr holds its role on the vault, and the only other callers are our two self-hosted build agents (static IPs 198.51.100.23 and 198.51.100.24) that create new key versions once a quarter. How should kv-heron-cmk be locked down so that the registry and the build agents keep working?""",
canonical=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
related=[N + "allow-trusted-services-and-deny-other-traffic", N + "allow-your-own-clients-through-the-vault-firewall", N + "the-vault-firewall-covers-the-data-plane-only"],
facts=["Azure Container Registry is on Key Vault's list of trusted services, for registry encryption with customer-managed keys."],
answer_facts=["lets trusted azure services bypass the firewall", "the bypass only opens the network path"],
truth="Deny by default but let trusted Azure services through: az keyvault update -n kv-heron-cmk -g <rg> --bypass AzureServices --default-action Deny. Container Registry is on Key Vault's trusted-services list for registry encryption, so crheron keeps reaching its key through that exception, and id-heron-acr keeps its role, which the network change does not touch. The exception does not cover your own machines, so add the agents explicitly with az keyvault network-rule add -n kv-heron-cmk -g <rg> --ip-address 198.51.100.23 (and again for .24), then check networkAcls with az keyvault show. The README warning only holds for a firewall without the trusted-services bypass."),

dict(key="L5", style="long", kind="undocumented", category="limits", quals=[], flags=["github_alert"],
question="""We're about to create crgrebe2 in a region with availability zones, and our platform wiki repeats this line from an older design doc:

> [!NOTE]
> CMK registries can't be zone redundant, so crgrebe was deployed without zone redundancy on purpose.

Nobody remembers the source of that claim. The create command we plan is the usual one: Premium, a user-assigned identity, a versionless key from kv-grebe, plus `--zone-redundancy Enabled`. Before anyone runs it: is there an official statement on combining zone redundancy with a customer-managed key, one way or the other?""",
canonical=[L + "zone-redundancy-with-cmk-is-not-documented"],
related=[L + "feature-compatibility-summary", L + "cmk-limitations-compatibility-and-status-checks", S + "step-7-create-the-premium-registry-with-the-customer-managed-key"],
facts=["The CMK articles do not mention zone redundancy, neither as supported nor as a limitation."],
answer_facts=["neither as supported nor as a limitation", "cannot be changed after creation"],
truth="Not documented: the CMK articles never say whether CMK registries can be zone redundant, neither as supported nor as a limitation, so the wiki note claims more than the docs do. az acr create does accept --zone-redundancy Enabled together with the identity and key options (the flag is marked preview), but whether that combination is supported is not stated anywhere official. Because zone redundancy can't be changed once the registry exists, try the exact command in a test subscription or get confirmation from support before creating crgrebe2."),
# ---- changelog_entry ----
dict(key="L6", style="long", kind="howto", category="iac", quals=["iac"], flags=["changelog_entry"],
question="""We're finally taking our registry module from azurerm 3.116 up to the 4.x line, and since then `terraform plan` stops on the crcurlew registry with an "Unsupported argument" error that points at `enabled = var.cmk_enabled` inside its encryption block. From the provider changelog, for the major release:

```markdown
## 4.0.0 (August 22, 2024)

BREAKING CHANGES:

* `azurerm_container_registry` - the `encryption.enabled` property has been removed
* `azurerm_container_registry` - the `georeplication_locations` property has been removed

ENHANCEMENTS:

* dependencies: updating the embedded Azure SDK
```

Deleting the line feels risky to me, because back on 3.x leaving `enabled` out made the provider send encryption as disabled. What should the encryption block look like on 4.x so that crcurlew keeps its key?""",
canonical=[C + "common-terraform-and-bicep-errors-with-acr-encryption"],
related=[C + "azurerm-4x-removed-encryptionenabled-other-version-changes", C + "terraform-azurerm_container_registry-encryption-block", C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs"],
facts=["The unsupported-argument wording comes from Terraform core and may vary by version."],
answer_facts=["3.x configuration on azurerm 4.x", "delete enabled from the block"],
truth="Delete the enabled line and leave the rest alone: since 4.0.0 the encryption block has no enabled argument and its presence alone switches CMK on, so key_vault_key_id plus identity_client_id (the identity's client_id) is the whole block, with that identity also listed in identity_ids. The 3.x behaviour you remember, where leaving enabled out sent encryption as disabled, is gone, and crcurlew's encryption could not be turned off anyway. Keep the block in the configuration for good: on 4.x dropping it shows no diff, but from 5.0 a missing block plans what the provider calls disabling encryption."),

dict(key="L7", style="long", kind="troubleshoot", category="rotation", quals=["iac"], flags=["changelog_entry", "two_facts"],
question="""crdipper was deployed in late 2024 with version 0.6.0 of the AVM container-registry module for Bicep and a key in kv-dipper. In January we added a rotation policy to that key, and kv-dipper now lists four versions, but `az acr encryption show -n crdipper` still reports the version from the first deployment, `keyRotationEnabled` is false and `lastKeyRotationTimestamp` has never moved. While upgrading the module I found this in its changelog:

```markdown
## [0.7.0] - 2025-01-21

### Added
- `customerManagedKey.autoRotationEnabled`, defaulting to `true`

### Changed
- minimum Bicep version raised
```

So why does crdipper ignore the versions the policy creates, and will bumping the module to 0.7.0 or later be enough to fix it?""",
canonical=[T + "registry-keeps-using-an-old-key-version", C + "avm-bicep-module-customermanagedkey-parameter"],
related=[K + "switch-from-manual-to-automatic-rotation", K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", K + "check-which-key-version-the-registry-uses"],
facts=["Version 0.7.0 (January 2025) added `autoRotationEnabled`."],
answer_facts=["it does not move the registry", "always pinned the current key version"],
truth="Module versions up to 0.6.0 always pinned the key version that was current at deployment, so crdipper was configured with a versioned key URI: keyRotationEnabled stays false and the registry never polls for newer versions, whatever the rotation policy produces, because a policy only creates versions and never moves the registry. From 0.7.0 the module's autoRotationEnabled (default true) passes the versionless URI, so upgrading and redeploying with it left at true switches crdipper to automatic rotation; afterwards keyRotationEnabled should read true and versionedKeyIdentifier should reach the newest version within an hour. If you can't redeploy yet, run az acr encryption rotate-key -n crdipper --key-encryption-key with the versionless URI (the kid without its last segment)."),

dict(key="L8", style="long", kind="troubleshoot", category="setup", quals=[], flags=["changelog_entry"],
question="""Our runbook for new registries (written in 2023) creates the vault and afterwards gives the registry identity its key permissions through set-policy. On a fresh laptop it now dies at that step:

```console
$ az keyvault set-policy -n kv-linnet -g rg-linnet --object-id 7c2f4a91-3e58-4b0d-a6f1-9d8e2c5b7a30 --key-permissions get unwrapKey wrapKey
Cannot set policies to a vault with '--enable-rbac-authorization' specified
```

The runbook never mentions RBAC. Digging through the Azure CLI release notes I found this:

```markdown
## 2.62.0

### Key Vault

* `az keyvault create`: `--enable-rbac-authorization` now defaults to true
* `az keyvault key`: minor help text fixes
```

I'm on 2.67 now; the colleague who wrote the runbook was on 2.55. crlinnet hasn't been created yet. What's the right way to finish the runbook from here?""",
canonical=[T + "set-policy-fails-on-an-rbac-key-vault"],
related=[A + "azure-cli-262-and-later-create-rbac-vaults-by-default", S + "option-a-azure-rbac-role-on-an-rbac-vault", A + "your-own-permissions-to-create-keys-in-an-rbac-vault"],
facts=["Since Azure CLI 2.62.0, `az keyvault create` makes RBAC vaults unless told otherwise"],
answer_facts=["the cli refuses to edit them", "makes rbac vaults unless told otherwise"],
truth="Your CLI creates RBAC vaults: since 2.62.0 az keyvault create turns on --enable-rbac-authorization unless told otherwise, so kv-linnet uses Azure RBAC and the CLI refuses to edit access policies on it. Replace the set-policy step with a role assignment scoped to the vault: az role assignment create --assignee-object-id <identity principal ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <kv-linnet resource ID>. You also need a data-plane role such as Key Vault Crypto Officer yourself to create the key. If the runbook must keep access policies, recreate the vault with --enable-rbac-authorization false instead; either way, write the flag into the runbook so the CLI version stops mattering."),

dict(key="L9", style="long", kind="value", category="iac", quals=["hsm", "iac", "oct2026"], flags=["changelog_entry"],
question="""We're moving crmerlin's key from a vault to hsm-merlin (Managed HSM, activated, RSA-HSM key kek-merlin with wrapKey and unwrapKey). With Terraform on azurerm 4.58 the plan fails as soon as key_vault_key_id points at the HSM, with a parsing error saying Managed HSM IDs aren't supported as nested items. Searching the provider changelog turned up:

```markdown
## 4.65.0 (March 19, 2026)

ENHANCEMENTS:

* `azurerm_container_registry` - `encryption.key_vault_key_id` now accepts Managed HSM key IDs
* `azurerm_key_vault_certificate` - improved validation of `subject`
```

Is 4.65.0 the version we need for the Managed HSM key, and which attribute of the HSM key resource gives the versionless URI to feed key_vault_key_id, so that the registry follows new key versions?""",
canonical=[C + "managed-hsm-key-in-terraform"],
related=[C + "azurerm-4x-removed-encryptionenabled-other-version-changes", C + "common-terraform-and-bicep-errors-with-acr-encryption", M + "managed-hsm-key-uris"],
facts=["No provider test covers ACR with an HSM key."],
answer_facts=["use azurerm 4.65.0 or later", "there is no versionless_id"],
truth="4.65.0 or later: earlier azurerm releases reject any .managedhsm. URI in key_vault_key_id with exactly that error. For automatic rotation, feed it azurerm_key_vault_managed_hardware_security_module_key.<name>.id, because for a Managed HSM key the id is already the versionless URI and versioned_id is the pinned one; that resource has no versionless_id, unlike azurerm_key_vault_key. Grant the registry identity Managed HSM Crypto Service Encryption User with azurerm_key_vault_managed_hardware_security_module_role_assignment at /keys/kek-merlin (azurerm_role_assignment can't grant local roles) and put that assignment in the registry's depends_on."),

dict(key="L10", style="long", kind="undocumented", category="iac", quals=["iac"], flags=["changelog_entry"],
question="""A platform engineer tidied our Terraform and removed the `encryption` block from crbittern's registry resource, reasoning that CMK is fixed at creation anyway and the block is just noise. On azurerm 4.x the plan stayed empty, so nobody noticed. Now we're testing the 5.0 upgrade and the plan wants to change crbittern's encryption. From the upgrade notes:

```markdown
## 5.0.0

BREAKING CHANGES:

* `azurerm_container_registry` - `encryption` is no longer Computed; an omitted block now means encryption is disabled
* `azurerm_key_vault` - `enable_rbac_authorization` has been removed in favour of `rbac_authorization_enabled`
```

Nobody here wants to be the one who finds out live. If we apply that plan, what will ACR actually do with crbittern?""",
canonical=[C + "azurerm-4x-removed-encryptionenabled-other-version-changes"],
related=[O + "cmk-cannot-be-disabled-after-it-is-enabled", C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs", C + "terraform-azurerm_container_registry-encryption-block"],
facts=["In 4.x omitting the block on a CMK registry shows no diff."],
answer_facts=["keep the block for every cmk registry", "the result is undocumented"],
truth="Not documented: ACR does not allow a customer-managed key to be turned off, and the upgrade guide only says that from 5.0 a missing block means disabling encryption; what the service does when it receives such an update is not described anywhere, so don't apply the plan to find out. Put the encryption block back for crbittern with its current key_vault_key_id and identity_client_id, so the plan is empty again, and keep the block on every CMK registry from now on. While you're at it, rename enable_rbac_authorization to rbac_authorization_enabled on the vault, since 5.0.0 drops the old name."),
# ---- maven_build_log ----
dict(key="L11", style="long", kind="troubleshoot", category="recovery", quals=[], flags=["maven_build_log"],
question="""Since yesterday afternoon every release build of orders-api fails at the Jib push to crosprey:

```text
[INFO] --- jib:3.4.4:build (default-cli) @ orders-api ---
[INFO] Containerizing application to crosprey.azurecr.io/shop/orders-api:2.4.1...
[INFO] Using credentials from Docker config (/home/runner/.docker/config.json) for crosprey.azurecr.io/shop/orders-api:2.4.1
[INFO] Executing tasks:
[INFO] ------------------------------------------------------------------------
[INFO] BUILD FAILURE
[INFO] ------------------------------------------------------------------------
[ERROR] Failed to execute goal com.google.cloud.tools:jib-maven-plugin:3.4.4:build (default-cli) on project orders-api: Build image failed: Unauthorized for crosprey.azurecr.io/shop/orders-api: 403 Forbidden - registry cannot use its customer-managed key
```

Pulls of existing tags fail the same way from our laptops. The only change I can find: yesterday at 14:10 a colleague cleaned up after a contractor left and ran `az role assignment delete --scope "$KV_OSPREY_ID"` (the vault's resource ID), meaning to drop the contractor's Key Vault Crypto Officer role. kv-osprey is the RBAC vault with crosprey's key. Could that command have done this, and how do we get pushes back?""",
canonical=[V + "revoke-by-deleting-the-rbac-role-assignment"],
related=[V + "what-revocation-does-to-the-registry", T + "registry-access-lost-after-key-permissions-were-revoked", V + "restore-access-after-a-revocation"],
facts=["Once the registry's identity loses its permission to use the key, access to **all** registry data is blocked"],
answer_facts=["removes every assignment that matches its filters", "so list first with the same filters"],
truth="Very likely: az role assignment delete removes every assignment that matches its filters, and with only --scope given that is every role assignment made directly on kv-osprey, the registry identity's Key Vault Crypto Service Encryption User included. Without it crosprey can no longer use its customer-managed key, which blocks all registry data, hence the 403 Forbidden on pushes and pulls alike. Re-create it for the identity's principal ID with az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <kv-osprey ID>; the registry picks the key up again by itself once the grant propagates. Check what else vanished with az role assignment list --scope <kv-osprey ID>, and next time list first with the same filters and add --assignee-object-id."),

dict(key="L12", style="long", kind="troubleshoot", category="identity", quals=[], flags=["maven_build_log"],
question="""For about three months nothing was wrong with crwren. Since Monday the nightly Jib build of the billing service fails:

```text
[INFO] --- jib:3.4.4:build (default-cli) @ billing-svc ---
[INFO] Containerizing application to crwren.azurecr.io/billing/billing-svc:7.0.3...
[INFO] Getting manifest for base image eclipse-temurin:21-jre...
[INFO] Building dependencies layer...
[INFO] BUILD FAILURE
[ERROR] Failed to execute goal com.google.cloud.tools:jib-maven-plugin:3.4.4:build (default-cli) on project billing-svc: Build image failed: 403 Forbidden: identity of registry crwren is inactive, possibly after a removal attempt; reassign it
```

I dug through the activity log: in early September a colleague ran `az acr identity remove` for id-wren-acr during an identity cleanup, got an error about the registry not having access to the identity, and left it there. id-wren-acr is still the identity in crwren's encryption settings. Why would that half-finished removal only bite now, and what brings pushes back without touching the key?""",
canonical=[I + "the-encryption-identity-cannot-simply-be-removed"],
related=[T + "registry-identity-is-inactive-or-expired", T + "removing-the-encryption-identity-fails", I + "switch-to-a-different-user-assigned-identity"],
facts=["The service refuses to detach the identity that encryption currently uses."],
answer_facts=["usually after about three months", "with az acr identity assign fixes it"],
truth="The failed removal stopped id-wren-acr from being renewed; pulls and pushes kept working until its credentials ran out, usually after about three months, which is where you are now, and since then crwren answers with 403 and the inactive-identity message. Attach it again with az acr identity assign -n crwren --identities <id-wren-acr resource ID>; the key, the vault grant and the encryption settings stay as they are, and pushes work again. If you really wanted id-wren-acr gone, first move encryption to another identity with az acr encryption rotate-key --identity, and only then remove it."),

dict(key="L13", style="long", kind="howto", category="recovery", quals=["oct2026"], flags=["maven_build_log", "two_facts"],
question="""Our cost-cleanup script deletes keys in our shared vaults that carry no `owner` tag. Last night it deleted kek-siskin in kv-siskin, which turns out to be crsiskin's customer-managed key (nobody had tagged it). This morning's Jib push:

```text
[INFO] --- jib:3.4.4:build (default-cli) @ pricing-api ---
[INFO] Containerizing application to crsiskin.azurecr.io/pricing/pricing-api:3.12.0...
[INFO] Pushing manifest for 3.12.0...
[INFO] BUILD FAILURE
[ERROR] Failed to execute goal com.google.cloud.tools:jib-maven-plugin:3.4.4:build (default-cli) on project pricing-api: Build image failed: 403 Forbidden: the key configured for registry crsiskin could not be found
```

The script's log shows it called `az keyvault key delete --vault-name kv-siskin --name kek-siskin`, and the key is now listed by `az keyvault key list-deleted`. kv-siskin has soft delete with 90 days retention; purge protection is off. How do we get crsiskin working again? And what should we change so that this can't turn into permanent loss next time?""",
canonical=[V + "revoke-by-deleting-the-key", V + "recover-a-deleted-key"],
related=[V + "how-purge-protection-protects-the-registry", T + "key-vault-or-key-was-deleted", O + "soft-delete-and-purge-protection-on-the-key-vault"],
facts=["The identity's access policy or role assignment on the vault is unaffected by deleting and recovering a key."],
answer_facts=["the whole key, with all its versions", "registry operations resume"],
truth="Recover the key: az keyvault key recover --vault-name kv-siskin --name kek-siskin. Deleting a key removes the whole key with every version, which cut crsiskin off from all of its content, but the key is only soft-deleted, and once it is back registry operations resume on their own; the identity's role or policy on the vault was not affected by the delete and recover. Then guard against a repeat: tag kek-siskin, or better make the script skip any key a registry is configured with (az acr encryption show tells you which), and enable purge protection on kv-siskin, because without it a purge or the end of the retention period would make crsiskin's content unrecoverable. (The rotate-and-revoke tutorial has shown this whole-key delete correctly since its October 2026 revision.)"),

dict(key="L14", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["maven_build_log"],
question="""We keep crlapwing's key, kek-lapwing, in hsm-lapwing (Managed HSM). On Tuesday the HSM admins tidied up local RBAC, and since then our Jib pushes fail:

```text
[INFO] --- jib:3.4.4:build (default-cli) @ ledger-api ---
[INFO] Containerizing application to crlapwing.azurecr.io/ledger/ledger-api:1.9.0...
[INFO] BUILD FAILURE
[ERROR] Failed to execute goal com.google.cloud.tools:jib-maven-plugin:3.4.4:build (default-cli) on project ledger-api: Build image failed: 403 Forbidden: registry crlapwing was refused wrapKey on kek-lapwing
```

Their change note says they consolidated id-lapwing-acr's assignments: its local role now sits on /keys/kek-lapwing-2024 "because that was the older name", and, "to be safe", they gave that identity an Azure role on the hsm-lapwing resource itself, Key Vault Crypto Service Encryption User. At which scope does the registry identity need its role in the Managed HSM, and does the Azure role on the HSM resource help at all?""",
canonical=[T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
related=[M + "local-rbac-roles-for-acr-encryption", A + "grant-access-to-a-key-in-a-managed-hsm", T + "managed-hsm-role-assignment-not-yet-in-effect"],
facts=["Wait several minutes for the local role to take effect, check it is listed, then retry the registry creation or rotation."],
answer_facts=["an assignment on another key's scope", "never grants key use"],
truth="At /keys/kek-lapwing, the key crlapwing is actually configured with, or a wider scope such as /keys or /: an assignment on /keys/kek-lapwing-2024 covers only that other key, so since Tuesday id-lapwing-acr has had no right to use kek-lapwing, hence the refused wrapKey and the 403 Forbidden. The Azure role assignment on the hsm-lapwing resource does nothing for key use, because Azure RBAC only governs managing the Managed HSM, never its keys. Have a Managed HSM Administrator, Crypto Officer or Policy Administrator give id-lapwing-acr's principal ID the local role Managed HSM Crypto Service Encryption User at /keys/kek-lapwing with az keyvault role assignment create --hsm-name hsm-lapwing and --assignee-principal-type MSI, wait several minutes, then retry; remove the useless Azure assignment."),

dict(key="L15", style="long", kind="troubleshoot", category="troubleshooting", quals=[], flags=["maven_build_log"],
question="""For a legacy signing tool that only understands access policies, someone flipped kv-puffin from RBAC to the access-policy model last Friday (`az keyvault update ... --enable-rbac-authorization false`). kv-puffin also holds crpuffin's key. Since then:

```text
[INFO] --- jib:3.4.4:build (default-cli) @ catalog-web ---
[INFO] Containerizing application to crpuffin.azurecr.io/web/catalog-web:5.2.0...
[INFO] BUILD FAILURE
[ERROR] Failed to execute goal com.google.cloud.tools:jib-maven-plugin:3.4.4:build (default-cli) on project catalog-web: Build image failed: 403 Forbidden: registry crpuffin lost access to its encryption key
```

The portal still shows the encryption user role for id-puffin-acr under Access control (IAM) on kv-puffin, exactly as before. Why would pushes stop when the role assignment is still there?""",
canonical=[A + "which-permission-model-does-my-key-vault-use"],
related=[T + "role-assignment-has-no-effect-on-an-access-policy-vault", A + "changing-an-existing-vaults-permission-model", A + "grant-access-with-a-key-vault-access-policy"],
facts=["RBAC data-plane roles such as Key Vault Crypto Service Encryption User have no effect on it."],
answer_facts=["have no effect on it", "the vault uses access policies"],
truth="Because kv-puffin now uses access policies, and on such a vault RBAC data-plane roles like Key Vault Crypto Service Encryption User are ignored: the assignment still shows in IAM but grants no key access any more, so crpuffin can't use its encryption key and answers 403. Either add an access policy for id-puffin-acr's principal ID with az keyvault set-policy -n kv-puffin --object-id <principal ID> --key-permissions get unwrapKey wrapKey, after which the registry recovers on its own, or switch the vault back to RBAC (which would in turn stop the signing tool's policies from counting). az keyvault show -n kv-puffin with properties.enableRbacAuthorization tells you which model is active."),
# ---- azd_output ----
dict(key="L16", style="long", kind="troubleshoot", category="iac", quals=["iac"], flags=["azd_output"],
question="""`azd up` for a new environment fails on the registry every first time, and simply running `azd provision` again ten minutes later succeeds:

```text
Provisioning Azure resources (azd provision)
Provisioning Azure resources can take some time.

Subscription: Contoso Platform Dev (3b0e7c21-5d4f-4a9e-8c61-2f7d9e0a1b34)
Location: North Europe

  (✓) Done: Resource group: rg-tern-dev (1.4s)
  (✓) Done: User Assigned Managed Identity: id-terndev-acr (2.9s)
  (✓) Done: Key Vault: kv-terndev (24.1s)
  (x) Failed: Container Registry: crterndev (12.7s)

ERROR: error executing step command 'provision': deployment failed: error deploying infrastructure: Failed to access KeyId 'https://kv-terndev.vault.azure.net/keys/kek-terndev'. Verify the identity's permissions on the key.
```

In infra/main.bicep the vault-scoped grant for the identity (the service encryption user role) and the registry are both declared at the top level, and the registry takes `acrIdentity.properties.clientId` and the key URI. Which change to the Bicep makes the first `azd up` go through?""",
canonical=[C + "bicep-registry-with-a-customer-managed-key"],
related=[C + "why-the-registry-needs-depends_on-on-the-role-assignment", T + "registry-creation-cannot-access-the-key", A + "grant-access-with-an-azure-rbac-role"],
facts=["The registry does not reference `keyAccess`, so the explicit `dependsOn` is what makes the grant exist first."],
answer_facts=["the registry does not reference keyaccess", "what makes the grant exist first"],
truth="Add a dependsOn on the role assignment resource to the registry. Nothing in crterndev references the role assignment, so Resource Manager deploys the two in parallel and the registry is created before its identity may use kek-terndev, which is exactly the Failed to access KeyId error; on the rerun the grant already exists, hence the success. A new role assignment can also take a few minutes to take effect, so keep a retry in the pipeline or deploy the grant in an earlier step if the dependency alone doesn't always do it. The clientId and key URI wiring is right as it is."),

dict(key="L17", style="long", kind="no", category="limits", quals=["iac"], flags=["azd_output"],
question="""To cut dev costs we changed infra/main.bicep for the dev environment: the registry SKU parameter is now Standard and the `encryption` block is gone, because nobody needs CMK in dev. `azd provision` against the existing dev environment:

```text
Provisioning Azure resources (azd provision)

  (✓) Done: Resource group: rg-wheatear-dev (0.9s)
  (✓) Done: Key Vault: kv-wheatear-dev (2.2s)
  (x) Failed: Container Registry: crwheateardev (6.2s)

ERROR: error executing step command 'provision': deployment failed: error deploying infrastructure: The requested operation is not supported for a registry with encryption enabled.
```

The same template works fine when azd creates a brand-new environment. Can the existing dev registry be taken back to Microsoft-managed keys and the Standard tier through the template, or do we have to do something else?""",
canonical=[O + "cmk-cannot-be-disabled-after-it-is-enabled"],
related=[L + "changing-the-sku-of-a-cmk-registry-is-not-documented", O + "cmk-requires-the-premium-sku", L + "feature-compatibility-summary"],
facts=["There is no command or portal switch to go back to Microsoft-managed keys only."],
answer_facts=["the setting is permanent", "some customer-managed key must stay configured"],
truth="No: once a registry is encrypted with a customer-managed key it stays that way for its whole life, with no path back to Microsoft-managed keys only, so dropping the encryption block can't change crwheateardev, and a CMK registry has to stay on Premium (the docs don't say a move down to Standard is possible). Either put the encryption block and Premium back for the existing dev registry and keep paying for it, or let azd create a new Standard registry without CMK under another name, re-push or import the images you need, and delete crwheateardev afterwards."),

dict(key="L18", style="long", kind="troubleshoot", category="setup", quals=[], flags=["azd_output"],
question="""Our azd template deploys the registry with CMK in every environment, and the SKU comes from an environment value. The new QA environment fails every time:

```text
Provisioning Azure resources (azd provision)

  (✓) Done: Resource group: rg-stonechat-qa (1.1s)
  (✓) Done: User Assigned Managed Identity: id-stonechatqa-acr (3.4s)
  (x) Failed: Container Registry: crstonechatqa (5.8s)

ERROR: error executing step command 'provision': deployment failed: error deploying infrastructure: Customer-managed key encryption is not available for the requested registry tier.
```

The key vault, key and role assignment are shared with dev and work there. The only difference I can find is that whoever set up QA put ACR_SKU=Standard into the azd environment to save money. Is the tier really the cause, and can we keep QA on Standard somehow?""",
canonical=[S + "step-7-create-the-premium-registry-with-the-customer-managed-key"],
related=[O + "cmk-requires-the-premium-sku", T + "cmk-needs-the-premium-tier", S + "rules-that-az-acr-create-enforces-for-cmk"],
facts=["`--sku Premium` is required for CMK; the service rejects other tiers."],
answer_facts=["the service rejects other tiers", "is required for cmk"],
truth="The tier is the cause: customer-managed keys need a Premium registry, and since neither the CLI nor the template checks that, the service rejects crstonechatqa when ACR_SKU says Standard. There is no Standard option with CMK: set ACR_SKU=Premium for QA and provision again (the failed registry was never created, so there is nothing to clean up), or, if QA doesn't need CMK at all, make the template leave out the encryption settings there and create a plain Standard registry, keeping in mind that it can never be converted to CMK later."),

dict(key="L19", style="long", kind="howto", category="hsm", quals=["hsm", "iac", "oct2026"], flags=["azd_output"],
question="""We're moving the azd template for crredwing to a key in hsm-redwing, a Managed HSM our security team runs. In main.bicep I swapped the vault role assignment for a `Microsoft.Authorization/roleAssignments` resource on the HSM itself, same role definition ID as before (e147488a-...), and pointed keyIdentifier at the HSM key URI. First run:

```text
Provisioning Azure resources (azd provision)

  (✓) Done: Resource group: rg-redwing-prod (1.2s)
  (✓) Done: User Assigned Managed Identity: id-redwing-acr (3.0s)
  (x) Failed: Container Registry: crredwing (15.3s)

ERROR: error executing step command 'provision': deployment failed: error deploying infrastructure: the identity of registry crredwing has no permission to wrap with https://hsm-redwing.managedhsm.azure.net/keys/kek-redwing
```

The role assignment itself deployed without complaint. How do we get id-redwing-acr the access it needs to the Managed HSM key within our azd flow?""",
canonical=[S + "set-up-cmk-with-an-arm-template"],
related=[M + "local-rbac-roles-for-acr-encryption", M + "limits-and-open-points-with-managed-hsm", A + "grant-access-to-a-key-in-a-managed-hsm"],
facts=["The registry must depend on the access grant so that Key Vault access exists when the registry is created."],
answer_facts=["is set up outside the template", "before the deployment runs"],
truth="Give it the Managed HSM local role outside the Bicep deployment, because an Azure role assignment on the HSM resource only covers managing the HSM and never lets anyone use its keys. In the azd flow that means creating the identity first (in a preprovision hook or an earlier, separate deployment), then having someone with Managed HSM Administrator, Crypto Officer or Policy Administrator run az keyvault role assignment create --hsm-name hsm-redwing for id-redwing-acr's principal ID with the role Managed HSM Crypto Service Encryption User, --assignee-principal-type MSI and --scope /keys/kek-redwing, waiting a few minutes for it to take effect, and only then letting crredwing deploy. Drop the roleAssignments resource from main.bicep; keyIdentifier and the clientId wiring stay as they are."),

dict(key="L20", style="long", kind="howto", category="recovery", quals=[], flags=["azd_output"],
question="""Last week I tore down a feature environment with `azd down --purge --force`. It deleted everything, but the purge step complained about kv-whinchat-ft (purge protection is on, as our policy requires). Now re-creating the environment fails:

```text
Provisioning Azure resources (azd provision)

  (✓) Done: Resource group: rg-whinchat-ft (1.0s)
  (✓) Done: User Assigned Managed Identity: id-whinchatft-acr (2.8s)
  (x) Failed: Key Vault: kv-whinchat-ft (3.3s)

ERROR: error executing step command 'provision': deployment failed: error deploying infrastructure: A vault named kv-whinchat-ft already exists in a deleted state; recover it or purge it before reusing the name.
```

The registry crwhinchatft that used the vault's key was deleted along with everything else, so nothing depends on the old vault any more. How do we get the environment up again? And is there a way to get rid of the deleted vault now rather than in 90 days?""",
canonical=[V + "how-purge-protection-protects-the-registry"],
related=[V + "recover-a-deleted-key-vault", V + "re-create-rbac-role-assignments-after-recovering-a-vault", O + "soft-delete-and-purge-protection-behaviour-in-key-vault"],
facts=["Purge protection cannot be turned off again, and it does not stop a deletion, only a purge"],
answer_facts=["stays recoverable for the whole retention window", "not stop a deletion, only a purge"],
truth="Recover it or pick another name, because nobody can purge it early: with purge protection on, a deleted vault stays recoverable for the whole retention window, 90 days here, and is only removed automatically at its end, which is exactly what keeps a CMK registry from losing its key to a hasty purge. The quickest route is az keyvault recover --name kv-whinchat-ft followed by azd provision; the vault and its keys come back, but its RBAC role assignments do not, so let the template create the identity's role again before crwhinchatft is recreated. Otherwise give the new environment a different vault name and let the old one expire."),

# ---- pytest_failure (long) ----
dict(key="L21", style="long", kind="troubleshoot", category="rotation", quals=[], flags=["pytest_failure"],
question="""We run a small pytest suite against our CMK registries after every change. The new rotation test fails each time on crbunting, whose key kek-bunting sits in kv-bunting and was configured versionless:

```text
$ pytest -q tests/test_rotation.py
.F                                                                       [100%]
=================================== FAILURES ===================================
______________________ test_registry_follows_new_version _______________________

    def test_registry_follows_new_version(acr, vault):
        before = acr.encryption()["versionedKeyIdentifier"]
        vault.rotate("kek-bunting")
        time.sleep(600)
>       assert acr.encryption()["versionedKeyIdentifier"] != before
E       AssertionError: assert 'https://kv-bunting.vault.azure.net/keys/kek-bunting/0c6e...' != 'https://kv-bunting.vault.azure.net/keys/kek-bunting/0c6e...'

tests/test_rotation.py:27: AssertionError
=========================== short test summary info ============================
FAILED tests/test_rotation.py::test_registry_follows_new_version - AssertionError: assert 'https://kv-bunting.vault.azure.net/keys/kek-bunting/0c6e...
1 failed, 1 passed in 612.44s (0:10:12)
```

`vault.rotate` wraps `az keyvault key rotate`, and afterwards `az keyvault key list-versions` does show the new version. Is our test wrong, or is crbunting not rotating?""",
canonical=[K + "how-new-key-versions-are-created"],
related=[K + "automatic-rotation-with-a-versionless-key-id", K + "rotate-immediately-with-az-keyvault-key-rotate", K + "check-which-key-version-the-registry-uses"],
facts=["With a versionless key ID the registry picks up the result within an hour; with a versioned key ID you still have to run `az acr encryption rotate-key`."],
answer_facts=["picks up the result within an hour", "each also exists for managed hsm keys"],
truth="The test is too impatient: with a versionless key ID the registry switches to a new version within an hour of its creation, not within ten minutes, so test_registry_follows_new_version has to poll versionedKeyIdentifier for up to an hour (and fail only after that) instead of sleeping 600 seconds. az keyvault key rotate only creates the version; moving to it is up to the registry, on its own schedule. Before trusting the test, check that keyRotationEnabled is true for crbunting; if the version still hasn't moved after an hour, look at kv-bunting's firewall and the identity's access."),

# ---- plain long posts ----
dict(key="L22", style="long", kind="yes", category="identity", quals=["hsm", "oct2026"], flags=["two_facts"],
question="""crshrike was created last month with the user-assigned identity id-shrike-acr and a versionless key in hsm-shrike (Managed HSM). Our identity team now wants registry encryption to run on the registry's own system-assigned identity, so that id-shrike-acr can be retired along with the old subscription layout. Current state:

```json
{
  "status": "enabled",
  "keyVaultProperties": {
    "keyIdentifier": "https://hsm-shrike.managedhsm.azure.net/keys/kek-shrike",
    "keyRotationEnabled": true,
    "identity": "5e0b9c3a-71d2-4f86-b4e1-0a9d3c7f2e58"
  }
}
```

Can crshrike move to its system-assigned identity now that the registry exists, and what role and scope does that identity need inside the Managed HSM before we switch?""",
canonical=[K + "rotate-with-a-different-identity-or-the-system-assigned-identity", I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
related=[M + "local-rbac-roles-for-acr-encryption", I + "quote-system-in-shell-commands", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
facts=["Confirm that `keyVaultProperties.identity` now reads `system`"],
answer_facts=["give the system-assigned identity the local role", "keep the original user-assigned identity attached"],
truth="Yes: the system-assigned identity can take over at any time after creation. Turn it on with az acr identity assign -n crshrike --identities '[system]', read its principal ID from az acr identity show -n crshrike, and have an HSM administrator give that principal the local role Managed HSM Crypto Service Encryption User at /keys/kek-shrike (az keyvault role assignment create --hsm-name hsm-shrike with --assignee-principal-type MSI). After a few minutes run az acr encryption rotate-key -n crshrike --key-encryption-key https://hsm-shrike.managedhsm.azure.net/keys/kek-shrike --identity '[system]' and check that keyVaultProperties.identity reads system. Only then detach id-shrike-acr and delete its HSM assignment; doing that earlier cuts crshrike off from its key."),

dict(key="L23", style="long", kind="value", category="iac", quals=["iac"], flags=[],
question="""We inherited an ARM template for crgannet from 2020 that still deploys but looks ancient:

```json
{
  "type": "Microsoft.ContainerRegistry/registries",
  "apiVersion": "2019-12-01-preview",
  "name": "[parameters('registryName')]",
  "sku": { "name": "Premium" },
  "properties": {
    "encryption": {
      "keyVaultProperties": {
        "KeyIdentifier": "[parameters('kekUri')]",
        "identity": "[reference(parameters('uamiId'), '2018-11-30').clientId]"
      },
      "status": "enabled"
    }
  }
}
```

Our policy says no preview API versions in production templates. Which apiVersion should the registry resource move to? Does anything in the encryption part have to change when we bump it?""",
canonical=[C + "api-versions-that-support-registry-encryption"],
related=[C + "arm-template-json-propertiesencryption-and-keyvaultproperties", S + "set-up-cmk-with-an-arm-template", S + "the-enable-tutorials-own-template"],
facts=["`encryption` first appears in `2019-12-01-preview` (the original tutorial template's version)."],
answer_facts=["the same encryption and keyvaultproperties shape", "prefer the newest stable version"],
truth="The newest stable one, 2025-11-01: encryption has been in the schema since 2019-12-01-preview, and the stable versions 2021-09-01, 2023-07-01, 2025-04-01 and 2025-11-01 describe encryption and keyVaultProperties the same way. The only thing to tidy in the encryption part is the casing: spell the key property keyIdentifier, as the schema does (the old tutorial template wrote KeyIdentifier). status stays enabled and identity keeps the clientId from reference(); don't add read-only properties such as versionedKeyIdentifier, and make the registry depend on the identity's key grant as well as on the identity."),

dict(key="L24", style="long", kind="howto", category="network", quals=[], flags=["two_facts"],
question="""New regulated workload: kv-petrel may only be reachable through its private endpoint in our hub network, and crpetrel has to be created with a key from it. My deployment agent runs outside the hub, and this is what I had planned on the first try:

```bash
az keyvault create -n kv-petrel -g rg-petrel --enable-purge-protection --public-network-access Disabled
KID=$(az keyvault key create --vault-name kv-petrel -n kek-petrel --kty RSA --size 4096 | jq -r .key.kid)
az acr create -n crpetrel -g rg-petrel --sku Premium --identity id-petrel-acr --key-encryption-key "${KID%/*}"
```

It died at the key creation, unsurprisingly. In what order should the vault, the key, the identity's grant and the network lockdown happen so that crpetrel can be created, and does the registry itself need a way into the private endpoint?""",
canonical=[N + "create-the-key-before-the-registry-when-the-vault-is-locked-down", S + "create-the-key-before-the-registry-for-restricted-vaults"],
related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", N + "the-vault-firewall-covers-the-data-plane-only", O + "network-requirement-for-a-locked-down-key-vault"],
facts=["Create the vault and the key while your client can still reach the vault's data plane (or from an allowed network)."],
answer_facts=["create the key before creating the registry", "from inside the registry's create flow"],
truth="Create the key while your agent can still reach kv-petrel's data plane, and lock the vault down afterwards. Order: create kv-petrel without the network restriction (or work from a network it allows), create kek-petrel, grant id-petrel-acr Key Vault Crypto Service Encryption User on the vault (or an access policy on an access-policy vault), then restrict the network with --default-action Deny and --bypass AzureServices next to the private endpoint, and only then run az acr create with the identity and the key URI. The registry needs no route to the private endpoint: it reaches the key as a trusted Azure service through that bypass, so keep the exception on whatever else you restrict. Later key work, such as new versions, has to come from inside the hub or an allowed address."),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="value", category="troubleshooting", quals=[], flags=["pytest_failure"],
question="`FAILED tests/test_cmk.py::test_identity_is_principal_id`: which id does encryption show return?",
canonical=[L + "check-the-encryption-status-of-a-registry"], related=[I + "which-identity-value-goes-where", S + "step-8-verify-the-encryption-status", I + "how-rotate-key-interprets-the---identity-value"],
facts=["The same object is available from `az acr show`"], answer_facts=["the identity (client id or system)", "status is enabled for a cmk registry"],
truth="The client ID, not the principal ID: az acr encryption show reports keyVaultProperties.identity as the identity's client ID, or the word system for the system-assigned identity, so test_identity_is_principal_id should compare with clientId. The principal ID is what access grants use, never the encryption settings."),
dict(key="S2", style="short", kind="why", category="rotation", quals=[], flags=["pytest_failure"],
question="`FAILED tests/test_cmk.py::test_key_rotation_enabled` right after az acr create with the kid, why?",
canonical=[K + "switch-from-manual-to-automatic-rotation"], related=[S + "step-6-choose-a-versioned-or-versionless-key-id", K + "versioned-and-versionless-key-ids", T + "registry-keeps-using-an-old-key-version"],
facts=["The reverse also works: rotating to a versioned ID pins the registry to that version and ends automatic rotation."], answer_facts=["created with a versioned key id", "the registry detects new versions by itself"],
truth="Because a kid is a versioned key ID, and a registry created with one is pinned to that version with keyRotationEnabled false, so test_key_rotation_enabled fails by design. Rotate it to the versionless URI (the kid without its last path segment) with az acr encryption rotate-key; after that the flag reads true and new versions are followed automatically."),
dict(key="S3", style="short", kind="troubleshoot", category="network", quals=[], flags=[], typo="becuase",
question="acr create failed becuase our kv only allows its private endpoint, what now?",
canonical=[O + "network-requirement-for-a-locked-down-key-vault"], related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", T + "registry-creation-cannot-access-the-key", N + "create-the-key-before-the-registry-when-the-vault-is-locked-down"],
facts=["If the key vault is behind a firewall, restricted to selected networks, or reachable only through a private endpoint"], answer_facts=["trusted azure services to bypass the firewall", "reachable only through a private endpoint"],
truth="Let trusted Azure services through the vault: az keyvault update -n <vault> --bypass AzureServices, keeping the default action Deny. A vault that is only reachable through a private endpoint still has to let ACR pass as a trusted service, and the identity still needs its key access; then run az acr create again."),
dict(key="S4", style="short", kind="howto", category="rotation", quals=[], flags=[], typo="manualy",
question="how to rotate acr cmk manualy onto a new key version",
canonical=[K + "move-to-a-new-version-of-the-same-key"], related=[K + "manual-rotation-with-az-acr-encryption-rotate-key", K + "rotate-immediately-with-az-keyvault-key-rotate", K + "switch-from-manual-to-automatic-rotation"],
facts=["create the new version, capture its `kid`, and point the registry at it with the same identity"], answer_facts=["create the new version, capture its kid", "configured with a versioned key id"],
truth="Make the new version (az keyvault key rotate --vault-name <vault> --name <key>), read its kid with az keyvault key show, and run az acr encryption rotate-key -n <registry> --key-encryption-key <that versioned kid> --identity <current identity>. That is the manual path for a registry configured with a versioned key ID."),
dict(key="S5", style="short", kind="no", category="setup", quals=[], flags=[], typo="curent",
question="does the curent az keyvault create still default to access policies?",
canonical=[A + "azure-cli-262-and-later-create-rbac-vaults-by-default"], related=[T + "set-policy-fails-on-an-rbac-key-vault", A + "which-permission-model-does-my-key-vault-use", S + "step-3-create-the-key-vault-with-purge-protection"],
facts=["Choose the model explicitly when creating the vault"], answer_facts=["up to 2.61.0 the default was false", "therefore fail on a current cli"],
truth="No: since Azure CLI 2.62.0 az keyvault create makes the vault use Azure RBAC unless you pass --enable-rbac-authorization false, which is why guides that follow it with set-policy break. For the registry identity, either assign Key Vault Crypto Service Encryption User on the RBAC vault or create the vault with the flag set to false."),
dict(key="S6", style="short", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="acr create rejects our managed hsm uri ending in /secrets/kek-skylark, why?",
canonical=[T + "managed-hsm-uri-is-not-a-key-uri"], related=[M + "managed-hsm-key-uris", O + "the-key-encryption-key-kek-and-its-identifier", T + "general-diagnostic-checklist"],
facts=["URIs of secrets, certificates or any other object path in the HSM are not accepted."], answer_facts=["only the https uri of a key", "without checking host or path"],
truth="Because the registry only takes the HTTPS URI of a key, https://<hsm>.managedhsm.azure.net/keys/<key>[/<version>]; a secret's or certificate's path is refused by the service (the CLI passes anything through unchecked). Read the key ID with az keyvault key show --hsm-name <hsm> --name <key> and use that, versionless for automatic rotation, with a Managed HSM key of type RSA-HSM that allows wrapKey and unwrapKey."),
dict(key="S7", style="short", kind="yes", category="keys", quals=["hsm", "oct2026"], flags=[],
question="can acr cmk take a managed hsm key now, or only key vault?",
canonical=[O + "managed-hsm-keys"], related=[M + "managed-hsm-is-a-supported-key-store-for-acr-cmk", M + "requirements-for-a-managed-hsm-key-store", L + "managed-hsm-is-not-available-everywhere"],
facts=["Managed HSM is not available in every Azure cloud and region."], answer_facts=["managed hsm as a supported key store", "the key must be rsa-hsm"],
truth="Yes: Managed HSM has been a documented CMK key store next to Key Vault vaults since the tutorials' October 2026 revision. Conditions: activate the HSM first, use an RSA-HSM key whose operations include wrapKey and unwrapKey, and give the registry's identity the HSM-local role Managed HSM Crypto Service Encryption User yourself (ACR never does), ideally scoped to /keys/<key>; Managed HSM isn't offered in every cloud and region."),
dict(key="S8", style="short", kind="undocumented", category="network", quals=[], flags=[],
question="cmk acr behind its own private endpoint: supported, officially?",
canonical=[N + "registry-private-endpoints-and-cmk-are-not-covered-by-the-docs"], related=[N + "key-vault-networking-for-cmk-registries", L + "feature-compatibility-summary", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
facts=["Treat it as undocumented, test it in your environment, and confirm with Microsoft support if you need a guarantee."], answer_facts=["neither lists that combination as supported", "treat it as undocumented"],
truth="Not documented: the ACR CMK docs only cover the key store sitting behind a firewall or private endpoint, and say nothing either way about a CMK registry with its own private endpoint, registry firewall or public access turned off. Test the combination yourself or confirm with Microsoft support; the key store rules (trusted services, identity access) apply regardless."),
dict(key="S9", style="short", kind="howto", category="identity", quals=[], flags=[],
question="zsh rejects [system] in az acr identity assign, how do i pass it?",
canonical=[I + "quote-system-in-shell-commands"], related=[T + "system-assigned-identity-rejected-at-registry-creation", I + "switch-to-the-registrys-system-assigned-identity-after-creation", I + "which-identity-value-goes-where"],
facts=["Unquoted, bash reads `[system]` as a glob"], answer_facts=["write it in single quotes", "the cli's alias for the system-assigned identity"],
truth="Quote it: --identities '[system]'. Unquoted brackets are a shell glob, so zsh stops with no matches found and bash may silently put a one-letter file name such as s or m in its place; with single quotes the CLI receives its alias for the registry's system-assigned identity. The same goes for --identity '[system]' on az acr encryption rotate-key."),
dict(key="S10", style="short", kind="howto", category="iac", quals=["iac"], flags=[],
question="terraform: how should the acr identity get key access on an rbac kv?",
canonical=[C + "complete-terraform-example-with-key-vault-role-assignment-and-registry"], related=[C + "why-the-registry-needs-depends_on-on-the-role-assignment", C + "terraform-azurerm_container_registry-encryption-block", A + "grant-access-with-an-azure-rbac-role"],
facts=["The vault uses the RBAC permission model; the registry identity gets only Key Vault Crypto Service Encryption User."], answer_facts=["needs a key-creating data-plane role", "the vault uses the rbac permission model"],
truth="With an azurerm_role_assignment of Key Vault Crypto Service Encryption User scoped to the vault's id, principal_id taken from the user-assigned identity and principal_type ServicePrincipal, listed in the registry's depends_on. The identity running Terraform separately needs a data-plane role such as Key Vault Crypto Officer to create the key."),
dict(key="S11", style="short", kind="howto", category="setup", quals=["iac"], flags=[],
question="portal: how to pick the acr kek so it keeps rotating automatically",
canonical=[S + "set-up-cmk-in-the-azure-portal"], related=[K + "rotate-the-key-in-the-azure-portal", K + "versioned-and-versionless-key-ids", N + "the-portal-key-picker-and-a-key-store-firewall"],
facts=["The portal stores the key **without a version**, so automatic rotation is on."], answer_facts=["stores the key without a version", "the usual rotation rules apply"],
truth="Use Select from Key Vault on the registry's Encryption tab: the portal saves the chosen key without a version, so the registry follows new key versions by itself. Enter key URI keeps exactly what you paste, so there only a versionless URI gives the same result."),
dict(key="S12", style="short", kind="value", category="rotation", quals=[], flags=[],
question="minimum rotation period in a key vault rotation policy for our acr kek",
canonical=[K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy"], related=[K + "how-often-to-rotate", K + "how-new-key-versions-are-created", L + "pricing-considerations"],
facts=["Durations are ISO 8601 (`P90D` = 90 days, `P2Y` = 2 years)."], answer_facts=["shortest allowed rotation interval is 7 days", "key vault charges for each automated rotation"],
truth="7 days: a Key Vault rotation policy can't create versions more often than that (written as the ISO 8601 duration P7D). With a versionless key ID the registry then follows each new version within an hour; keep in mind that Key Vault bills every automated rotation."),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="A1", style="agent", form="context", kind="yes", category="hsm", quals=["hsm", "oct2026"], flags=["pytest_failure"],
question="Context: our nightly suite reports `FAILED tests/test_hsm.py::test_create_registry_with_hsm_key - CalledProcessError` when az acr create runs a minute after the role assignment in hsm-avocet. Question: is it normal that a fresh Managed HSM role grant is not usable yet?",
canonical=[M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli"], related=[T + "managed-hsm-role-assignment-not-yet-in-effect", A + "grant-access-to-a-key-in-a-managed-hsm", M + "local-rbac-roles-for-acr-encryption"],
facts=["The role assignment is made with `az keyvault role assignment create --hsm-name`, not with `az role assignment create`."], answer_facts=["can take several minutes to take effect", "wait and run it again"],
truth="Yes: new Managed HSM local role assignments can take several minutes before they work, even once they show up in the list, so an az acr create one minute later can still be refused. Make test_create_registry_with_hsm_key retry the create for several minutes after the assignment instead of failing at once, and keep the assignment itself at /keys/<key> with principal type MSI."),
dict(key="A2", style="agent", form="keywords", kind="value", category="limits", quals=[], flags=["pytest_failure"],
question="pytest `FAILED tests/test_tasks.py::test_run_log_kept_48h` on our cmk registry, acr tasks run log retention and how to keep logs longer",
canonical=[L + "export-task-run-logs-before-they-expire"], related=[L + "acr-tasks-run-logs-are-kept-for-only-24-hours", T + "task-run-logs-disappear-after-24-hours", L + "feature-compatibility-summary"],
facts=["Automate this (for example at the end of each pipeline that triggers a task) so no log is lost after a day."], answer_facts=["no log is lost after a day", "write it to a file"],
truth="24 hours: a CMK registry keeps ACR Tasks run logs for one day only and nothing extends that, so test_run_log_kept_48h can't pass there. Fetch each run's log with az acr task logs --registry <registry> --run-id <id> at the end of the pipeline that started it and store it in a file, a storage account or your log platform."),
dict(key="A3", style="agent", form="context", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="Context: we provisioned hsm-ouzel an hour ago, and both az keyvault key create --hsm-name hsm-ouzel and the local role assignment for crouzel's identity are refused. Question: what is missing before the Managed HSM accepts keys and role assignments?",
canonical=[T + "managed-hsm-is-not-activated"], related=[M + "provision-and-activate-the-managed-hsm", M + "requirements-for-a-managed-hsm-key-store", T + "general-diagnostic-checklist"],
facts=["Provisioning the HSM resource is only the first half"], answer_facts=["until it has been activated", "at least three rsa public keys"],
truth="Activation: a newly provisioned Managed HSM refuses every data-plane request, key creation and local role assignments included, until one of its initial administrators downloads its security domain (az keyvault security-domain download --hsm-name hsm-ouzel with at least three RSA public keys as --sd-wrapping-keys and a --sd-quorum). Check that activationStatus under securityDomainProperties reads Active, keep the security domain file and the private keys safe, then create the RSA-HSM key, the role assignment and finally crouzel."),
dict(key="A4", style="agent", form="imperative", kind="howto", category="rotation", quals=["hsm", "oct2026"], flags=["two_facts"],
question="Give the steps to rotate crfulmar from its key in kv-fulmar to a new RSA-HSM key kept in hsm-fulmar, our Managed HSM, without the registry losing access at any point",
canonical=[K + "manual-rotation-with-az-acr-encryption-rotate-key", A + "access-to-a-key-in-a-second-key-vault"], related=[M + "rotate-a-managed-hsm-key", K + "move-to-a-different-key-or-to-a-key-in-another-vault", M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli"],
facts=["Both `--key-encryption-key` and `--identity` are optional: only the values you pass are changed"], answer_facts=["which acr never creates for you", "where access is granted per key"],
truth="Create the key in hsm-fulmar first (az keyvault key create --hsm-name hsm-fulmar --name kek-fulmar --kty RSA-HSM --ops wrapKey unwrapKey), then give crfulmar's encryption identity the local role Managed HSM Crypto Service Encryption User at /keys/kek-fulmar through az keyvault role assignment create --hsm-name with its principal ID and --assignee-principal-type MSI, because ACR never sets this up and access is granted key by key. Wait a few minutes, read the kid with az keyvault key show --hsm-name, and run az acr encryption rotate-key -n crfulmar --key-encryption-key <that kid, versionless for automatic rotation>; leaving out --identity keeps the current one. Keep kv-fulmar's key and its grant until az acr encryption show reports the HSM key."),
dict(key="A5", style="agent", form="keywords", kind="value", category="limits", quals=["hsm", "oct2026"], flags=[],
question="billing for a managed hsm sitting soft-deleted until we choose purge or recover, former key store of crfieldfare",
canonical=[L + "pricing-considerations"], related=[V + "recover-a-deleted-managed-hsm", M + "recover-a-deleted-managed-hsm-key-or-hsm", O + "soft-delete-and-purge-protection-on-the-key-vault"],
facts=["The ACR docs list no separate charge for the CMK feature itself."], answer_facts=["that includes the time it spends soft-deleted", "key rotation itself carries no extra charge"],
truth="Billed the whole time: a Managed HSM costs money for as long as it exists, including the days it spends soft-deleted, until it is recovered or purged. Purge it only once nothing needs its keys any more, since purging removes every key for good; if crfieldfare or its backups might still need one, recover the HSM instead."),
dict(key="A6", style="agent", form="context", kind="howto", category="troubleshooting", quals=["hsm", "oct2026"], flags=[],
question="Context: hsm-skua's rotation policy created a new version of kek-skua last night, and crskua is configured with the versionless URI. Question: how do I check which version the registry uses now and that nothing else in the Managed HSM setup is off?",
canonical=[T + "general-diagnostic-checklist"], related=[K + "check-which-key-version-the-registry-uses", M + "rotate-a-managed-hsm-key", L + "check-the-encryption-status-of-a-registry"],
facts=["Run steps 4 to 6 for a key vault, or step 7 instead when `keyIdentifier` points at a Managed HSM (`managedhsm.azure.net`)."], answer_facts=["key version in use", "when keyidentifier points at a managed hsm"],
truth="Start with az acr encryption show -n crskua: versionedKeyIdentifier is the version in use (keyIdentifier stays versionless and keyRotationEnabled should be true), and a new version is picked up within an hour. Because the key sits in a Managed HSM, check the HSM rather than a vault next: az keyvault show --hsm-name hsm-skua for activationStatus Active and its network rules, az keyvault key show --hsm-name hsm-skua --name kek-skua for type RSA-HSM, wrapKey and unwrapKey and an enabled key, and az keyvault role assignment list --hsm-name hsm-skua for the identity's role at /keys/kek-skua; az acr check-health covers the encryption identity."),
dict(key="A7", style="agent", form="imperative", kind="howto", category="network", quals=["hsm", "oct2026"], flags=[],
question="Explain how to turn on the firewall of the Managed HSM hsm-wagtail so crwagtail keeps access to its key and our release pipeline can still create key versions",
canonical=[M + "managed-hsm-firewall-and-trusted-services"], related=[N + "managed-hsm-firewall-and-trusted-services", N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry", M + "key-picker-blocked-by-the-hsm-firewall"],
facts=["A firewall added after the registry was encrypted can break image import and automatic rotation with HTTP 403"], answer_facts=["open the path for acr before", "need an allowed address"],
truth="Let trusted Azure services through and deny everything else: az keyvault update-hsm --hsm-name hsm-wagtail -g <rg> --bypass AzureServices --default-action Deny; that exception is how crwagtail keeps reaching its key, and its local role on the key is unaffected. Your pipeline is not a trusted service, so give its agents an allowed address with az keyvault network-rule add --hsm-name hsm-wagtail --ip-address <agent IP>, and check publicNetworkAccess and networkAcls with az keyvault show --hsm-name hsm-wagtail. For a new registry on a Managed HSM this has to be in place before az acr create."),
dict(key="A8", style="agent", form="keywords", kind="undocumented", category="limits", quals=[], flags=[],
question="move cmk encrypted acr from premium down to standard sku after the project ends, allowed or not",
canonical=[O + "cmk-requires-the-premium-sku"], related=[L + "changing-the-sku-of-a-cmk-registry-is-not-documented", T + "cmk-needs-the-premium-tier", O + "cmk-cannot-be-disabled-after-it-is-enabled"],
facts=["Registries on the Basic or Standard SKU cannot use a customer-managed key."], answer_facts=["the service rejects the request", "is not documented"],
truth="Not documented: CMK only exists on Premium and can't be switched off, and the docs don't say whether a CMK registry may drop to Standard or Basic, so don't count on it. Ask Azure support before trying it on anything that matters; otherwise keep the registry on Premium, or move the images you still need to a new registry and delete this one."),
dict(key="A9", style="agent", form="context", kind="why", category="identity", quals=[], flags=[],
question="Context: our auditors want every managed identity justified, and crnuthatch carries id-nuthatch-acr although it only stores images. Question: why does a registry encrypted with our own key need a managed identity at all?",
canonical=[I + "why-the-registry-needs-a-managed-identity"], related=[I + "managed-identities-for-acr-cmk-encryption", O + "identity-and-key-access-requirements", I + "the-encryption-identity-cannot-simply-be-removed"],
facts=["The registry does not hold credentials for its key store."], answer_facts=["not hold credentials for its key store", "managed hsm has no access policies"],
truth="Because the registry keeps no credentials for its key store: whenever it reads, wraps or unwraps with the key it calls Key Vault (or a Managed HSM) as that identity, and the key store decides based on the identity's role or access policy. So id-nuthatch-acr is the single route by which crnuthatch reaches its key; removing it or its access cuts the registry off from all of its content."),
dict(key="A10", style="agent", form="imperative", kind="yes", category="identity", quals=[], flags=[],
question="Confirm that az acr encryption rotate-key accepts a client ID GUID for --identity on crpipit and say whether the command also attaches that identity to the registry",
canonical=[I + "how-rotate-key-interprets-the---identity-value"], related=[I + "which-identity-value-goes-where", K + "manual-rotation-with-az-acr-encryption-rotate-key", I + "switch-to-a-different-user-assigned-identity"],
facts=["It does **not** attach the identity to the registry; do that first with `az acr identity assign`."], answer_facts=["treats a guid as a client id", "does not attach the identity"],
truth="Yes: a GUID passed to --identity is taken as a client ID and stored unchanged in the encryption settings (a resource ID or name is resolved to the identity's client ID, and '[system]' becomes system). It attaches nothing, though: run az acr identity assign -n crpipit --identities <resource ID> first, and make sure that identity can use the key before rotating."),
dict(key="A11", style="agent", form="imperative", kind="troubleshoot", category="keys", quals=[], flags=[],
question="Find out why az role assignment create stops with an error saying MSI is not an allowed principal type when I grant crtwite's identity its role on kv-twite",
canonical=[T + "role-assignment-rejects-the-principal-type-or-the-assignee"], related=[A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities", A + "grant-access-with-an-azure-rbac-role", S + "option-a-azure-rbac-role-on-an-rbac-vault"],
facts=["The usage error means the command got both `--assignee` and `--assignee-object-id`, or neither; it takes exactly one."], answer_facts=["a managed identity is a serviceprincipal there", "msi belongs to another command"],
truth="MSI is a value of az keyvault role assignment create, the Managed HSM local-role command; az role assignment create only knows User, Group, ServicePrincipal and ForeignGroup, and a managed identity counts as ServicePrincipal there. Run it as az role assignment create --assignee-object-id <identity principal ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <kv-twite resource ID>, without --assignee."),
dict(key="A12", style="agent", form="context", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="Context: compliance wants crtern's key moved from kv-tern to a single-tenant Managed HSM. Question: how does the registry identity get access to a key there, given that the HSM has no access policies like our vault?",
canonical=[M + "key-vault-and-managed-hsm-compared"], related=[M + "local-rbac-roles-for-acr-encryption", A + "grant-access-to-a-key-in-a-managed-hsm", K + "move-to-a-different-key-or-to-a-key-in-another-vault"],
facts=["HSM firewall with the trusted-services bypass, set up before `az acr create`"], answer_facts=["no access policies exist", "only after it is provisioned and activated"],
truth="Through the HSM's local RBAC: an HSM administrator assigns the local role Managed HSM Crypto Service Encryption User to the identity's principal ID, best at the key's own scope /keys/<key>, with az keyvault role assignment create --hsm-name and --assignee-principal-type MSI; Azure role assignments on the HSM resource and access policies play no part. Before that the HSM must be provisioned and activated, the key must be RSA-HSM allowing wrapKey and unwrapKey, and whoever creates it needs a key-creating role such as Managed HSM Crypto User. Then rotate crtern to the new key URI with az acr encryption rotate-key."),
]

# ---------------- off-topic ----------------
OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind="off-topic", category=OFF, subject="spiped", near_miss=True,
question="""Every night we copy images from our container registry to an air-gapped replica in the plant, and the transfer between the two sites runs over spiped. Both spiped ends share one 32-byte secret, generated four years ago and stored on both hosts. The security team wants that key replaced. How do we roll out a new spiped key without breaking the nightly image transfer, given that both ends have to switch at the same moment?""",
truth="Not covered: replacing the shared key of a spiped tunnel is transport tooling between your own sites, not Azure Container Registry encryption with customer-managed keys."),
dict(key="X2", style="long", kind="off-topic", category=OFF, subject="acme.sh", near_miss=True,
question="""The reverse proxy in front of our container registry for the factory lines gets its TLS certificate from our internal ACME server through acme.sh. The ACME account key that acme.sh registered with was created by an engineer who has since left, and it still lives in his old home directory on the proxy host. How do we create a new account key in acme.sh, move the existing certificate renewals over to it, and deactivate the old account?""",
truth="Not covered: changing the ACME account key of acme.sh is certificate automation for your proxy, unrelated to customer-managed keys for ACR."),
dict(key="X3", style="long", kind="off-topic", category=OFF, subject="plakar", near_miss=True,
question="""Each night plakar snapshots the volume behind our on-prem container registry replica into a store on a NAS. The store's passphrase was handed to a contractor for a restore test and has to change now. How do we change the plakar store's passphrase or key so that the existing backups stay restorable and the nightly job keeps running with the new one?""",
truth="Not covered: rotating the passphrase of a plakar backup store is backup administration, outside the ACR customer-managed key material."),
dict(key="X4", style="long", kind="off-topic", category=OFF, subject="openziti", near_miss=True,
question="""Our build agents reach the container registry only through an OpenZiti overlay, where the registry endpoint is published as a Ziti service. The controller's intermediate CA key, which signs the agents' enrollments, must be rotated this quarter under our PKI policy. How do we rotate that CA key without the build agents losing the registry service while the change rolls out?""",
truth="Not covered: rotating the CA key of an OpenZiti overlay is network-overlay PKI work, not the customer-managed key of an Azure Container Registry."),
dict(key="X5", style="long", kind="off-topic", category=OFF, subject="rudder", near_miss=True,
question="""The hosts of our on-prem container registry copy for the labs are configured by Rudder. After the Rudder server's key was regenerated during a rebuild, the agents on those hosts refuse to talk to it, and the registry configuration has drifted for a week. How do we make the agents trust the new server key again, ideally without reinstalling every node?""",
truth="Not covered: re-establishing trust between Rudder agents and a rebuilt Rudder server is configuration-management work, not ACR customer-managed key encryption."),
dict(key="X6", style="long", kind="off-topic", category=OFF, subject="yugabytedb",
question="""The metadata of our image promotions (which tags were promoted, who pushed them to our container registry, scan results) lives in a YugabyteDB cluster with encryption at rest turned on. The universe key was created when the cluster was set up three years ago, and audit wants it rotated. How do we rotate the YugabyteDB universe key on a running cluster, and what happens to data written under the old key?""",
truth="Not covered: rotating a YugabyteDB universe key is database administration, beyond Azure Container Registry encryption with customer-managed keys."),
dict(key="X7", style="agent", form="context", kind="off-topic", category=OFF, subject="zulip",
question="Context: our release announcements for the container registry go out through a self-hosted Zulip server. Question: how do we rotate the secrets in zulip-secrets.conf without logging everyone out?",
truth="Not covered: rotating the secrets of a Zulip server is chat-server administration, not part of ACR customer-managed key encryption."),
dict(key="X8", style="agent", form="imperative", kind="off-topic", category=OFF, subject="redash",
question="Explain how to rotate the REDASH_SECRET_KEY of our Redash instance so that the stored data source passwords stay readable",
truth="Not covered: changing the secret key of a Redash instance is BI-tool administration that the ACR CMK docs leave aside."),
dict(key="X9", style="agent", form="keywords", kind="off-topic", category=OFF, subject="arangodb",
question="arangodb encryption keyfile swap, rolling restart order for coordinators and db servers",
truth="Not covered: swapping the encryption keyfile of an ArangoDB deployment is a database topic outside the ACR CMK knowledge."),
dict(key="X10", style="short", kind="off-topic", category=OFF, subject="pulsar",
question="apache pulsar producer encryption key rotation, how do consumers keep up?",
truth="Not covered: rotating Apache Pulsar message encryption keys is messaging-system work, not Azure Container Registry encryption."),
dict(key="X11", style="short", kind="off-topic", category=OFF, subject="hedgedoc",
question="hedgedoc secret rotation without kicking out logged-in users?",
truth="Not covered: rotating the secret of a HedgeDoc server is web-application administration, beyond ACR customer-managed keys."),
dict(key="X12", style="short", kind="off-topic", category=OFF, subject="teampass",
question="teampass encryption key rotation after an admin left",
truth="Not covered: rotating the TeamPass encryption key is password-manager administration that the ACR CMK material does not address."),
]

QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"manualy": "manually", "becuase": "because", "curent": "current"}
SHAPES = ["two_facts", "pytest_failure", "github_alert", "changelog_entry", "maven_build_log", "azd_output"]
SEED = 60
ID_PREFIX = "p"

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
SPREAD_SETS = (59, 58)
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
    """(blind60.json text, blind60-meta.json text, blind60-first-canonicals.txt text)"""
    entries, meta = build()
    j = json.dumps(entries, indent=1, ensure_ascii=False) + "\n"
    m = json.dumps(meta, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    f = "\n".join(firsts) + "\n"
    return j, m, f


def main(out=HERE):
    j, m, f = render()
    for name, text in (("blind60.json", j), ("blind60-meta.json", m), ("blind60-first-canonicals.txt", f)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
