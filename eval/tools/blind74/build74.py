"""blind74 builder: holds the 60 questions (QUESTIONS) and writes blind74.json, blind74-meta.json and
blind74-first-canonicals.txt. render() returns the three files' exact text (check74.py compares it byte for byte)."""
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
# ---- argocd_app_get ----
dict(key="P1", style="long", kind="troubleshoot", category="recovery", quals=[], flags=["argocd_app_get", "two_facts"],
question=r"""Our GitOps app for the checkout service went red overnight. A teammate's clean-up script removed the key cmk-orbit from kv-orbit (an access-policy vault with purge protection on) because its name broke our naming rules. The registry crorbit is encrypted with that key.

```text
$ argocd app get checkout
Name:               argocd/checkout
Project:            retail
Server:             https://kubernetes.default.svc
Namespace:          checkout
Sync Policy:        Automated (Prune)
Sync Status:        Synced to main (9c1e44b)
Health Status:      Degraded

GROUP  KIND        NAMESPACE  NAME           STATUS  HEALTH    HOOK  MESSAGE
       Service     checkout   checkout-web   Synced  Healthy         service/checkout-web unchanged
apps   Deployment  checkout   checkout-web   Synced  Degraded        deployment.apps/checkout-web configured
apps   Deployment  checkout   basket-worker  Synced  Degraded        deployment.apps/basket-worker configured
```

The new pods of both deployments cannot pull from crorbit. How do we bring the key back? And does the access policy of the registry's identity need redoing afterwards?""",
canonical=[T + "key-vault-or-key-was-deleted", V + "recover-a-deleted-key"],
related=[V + "how-purge-protection-protects-the-registry", O + "soft-delete-and-purge-protection-behaviour-in-key-vault"],
facts=["Once the key is back, registry operations resume."],
answer_facts=["cuts off every image and artifact", "unaffected by deleting and recovering a key"],
truth="""The key is only soft-deleted, so recover it: az keyvault key list-deleted --vault-name kv-orbit shows cmk-orbit, and az keyvault key recover --vault-name kv-orbit --name cmk-orbit brings it back. Nothing else has to be redone, because deleting and recovering a key leaves the identity's access policy on kv-orbit untouched. As soon as the key is back crorbit can read its content again, and checkout-web and basket-worker become healthy on their next pull. Purge protection guaranteed that nobody could erase cmk-orbit for good in the meantime; exempt the key from the clean-up script's naming rules."""),

dict(key="P2", style="long", kind="troubleshoot", category="identity", quals=[], flags=["argocd_app_get"],
question=r"""Since Tuesday our image-processing app in Argo CD shows Degraded. Someone in the platform team deleted a batch of user-assigned identities without recent sign-ins, and id-vesper-enc was among them. az acr check-health against crvesper now prints CMK_ERROR, complaining that the identity behind the registry's encryption is missing.

```text
Name:               argocd/thumbnailer
Project:            media
Namespace:          media
Sync Status:        Synced to release (e07b2d3)
Health Status:      Degraded

GROUP  KIND        NAMESPACE  NAME               STATUS  HEALTH    HOOK  MESSAGE
apps   Deployment  media      thumbnailer        Synced  Degraded        deployment.apps/thumbnailer configured
batch  CronJob     media      thumb-cache-prune  Synced  Healthy         cronjob.batch/thumb-cache-prune unchanged
```

The key in kv-vesper (RBAC model) is untouched. What gets crvesper working again now that the identity is gone for good?""",
canonical=[T + "check-health-reports-cmk_error"],
related=[L + "az-acr-check-health-and-cmk_error", K + "rotate-with-a-different-identity-or-the-system-assigned-identity"],
facts=["Otherwise rotate the key onto a different identity that exists and has key access."],
answer_facts=["Typically that identity was deleted"],
truth="""CMK_ERROR says crvesper cannot reach the identity its encryption is configured with, and since id-vesper-enc was deleted there is nothing to attach again. Move encryption to an identity that exists: turn on crvesper's system-assigned identity with az acr identity assign --identities '[system]', give its principal ID Key Vault Crypto Service Encryption User on kv-vesper with az role assignment create (principal type ServicePrincipal, the vault as scope), then run az acr encryption rotate-key with the key URI that az acr encryption show reports and --identity '[system]'. Run check-health again; once its CMK check passes, the thumbnailer deployment should recover on its next pull."""),

dict(key="P3", style="long", kind="troubleshoot", category="keys", quals=[], flags=["argocd_app_get"],
question=r"""Our security baseline now wants every key vault on Azure RBAC, so yesterday afternoon I moved kv-saffron to the RBAC permission model with az keyvault update. That vault holds the key of crsaffron, and the registry's identity id-saffron-cmk had get, wrapKey and unwrapKey in its access policy. This morning:

```text
Name:               argocd/ledger
Project:            finance
Namespace:          ledger
Sync Status:        Synced to main (51aa0c7)
Health Status:      Degraded

GROUP  KIND         NAMESPACE  NAME        STATUS  HEALTH    HOOK  MESSAGE
apps   StatefulSet  ledger     ledger-db   Synced  Healthy         statefulset.apps/ledger-db unchanged
apps   Deployment   ledger     ledger-api  Synced  Degraded        deployment.apps/ledger-api configured
```

ledger-db runs a public image and is fine; ledger-api comes from crsaffron and its new pods cannot pull. Did my switch break the registry, and how do I fix it without going back to access policies?""",
canonical=[A + "changing-an-existing-vaults-permission-model"],
related=[A + "grant-access-with-an-azure-rbac-role", T + "registry-access-lost-after-key-permissions-were-revoked"],
facts=["the old access policies stop counting"],
answer_facts=["The models do not carry over"],
truth="""The switch did it: grants do not carry over between the two permission models, so once kv-saffron moved to RBAC the access policy of id-saffron-cmk no longer counted and crsaffron lost the use of its key. Give the identity what it needs under RBAC: az role assignment create with id-saffron-cmk's principal ID as --assignee-object-id, --assignee-principal-type ServicePrincipal, the role Key Vault Crypto Service Encryption User and kv-saffron's resource ID as --scope. A new assignment can take a few minutes to apply; then ledger-api pulls again. For the next vault, grant under the new model first and switch afterwards."""),

dict(key="P4", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["argocd_app_get"],
question=r"""Argo CD has flagged our search app since a scripted tidy-up of hsm-larkspur ran on Friday. The script deleted every key without a cost-centre tag, and kek-larkspur, the key crlarkspur is encrypted with, had none.

```text
Name:               argocd/search
Project:            discovery
Namespace:          search
Sync Status:        Synced to main (c3f0e91)
Health Status:      Degraded

GROUP  KIND        NAMESPACE  NAME            STATUS  HEALTH       HOOK  MESSAGE
apps   Deployment  search     search-indexer  Synced  Degraded           deployment.apps/search-indexer configured
apps   Deployment  search     search-gateway  Synced  Progressing        deployment.apps/search-gateway configured
```

The HSM itself is fine; only the key is gone. How do we get a deleted key back in a Managed HSM, and which local role does the person doing it need?""",
canonical=[M + "recover-a-deleted-managed-hsm-key-or-hsm"],
related=[V + "recover-a-deleted-key", T + "key-vault-or-key-was-deleted"],
facts=["Recovering a key needs Managed HSM Crypto Officer"],
answer_facts=["soft delete (always on)"],
truth="""A key deleted from a Managed HSM is soft-deleted and can be recovered within the retention period: az keyvault key list-deleted --hsm-name hsm-larkspur lists it, and az keyvault key recover --hsm-name hsm-larkspur --name kek-larkspur brings it back. Whoever runs the recovery needs the local role Managed HSM Crypto Officer; Managed HSM Crypto User is not enough for deleted keys. Afterwards confirm with az keyvault role assignment list --hsm-name hsm-larkspur that crlarkspur's identity still holds Managed HSM Crypto Service Encryption User at /keys/kek-larkspur. Once the registry can use kek-larkspur again, search-indexer and search-gateway recover. Purge nothing, and teach the script to skip keys that registries depend on."""),

dict(key="P5", style="long", kind="troubleshoot", category="limits", quals=[], flags=["argocd_app_get"],
question=r"""We moved our release tooling to a new encrypted registry, crfenwick. The Argo CD app that deploys it still has a PreSync hook job, left over from the old setup, that switches on content trust for the registry before each sync, and since the move every sync stops there:

```text
Name:               argocd/release-tools
Project:            platform
Namespace:          release
Sync Status:        OutOfSync from main (7d20b5a)
Health Status:      Degraded

GROUP  KIND        NAMESPACE  NAME                 STATUS     HEALTH    HOOK     MESSAGE
batch  Job         release    enable-trust-policy  Failed     Degraded  PreSync  Job has reached the specified backoff limit
apps   Deployment  release    release-api          OutOfSync  Healthy
```

The job log ends with an error from az acr config content-trust update containing BlockedForEncryptionEnabledRegistry. What is wrong with the job, and what should take its place?""",
canonical=[T + "content-trust-cannot-be-enabled"],
related=[L + "docker-content-trust-is-not-supported", L + "notation-signatures-on-cmk-registries"],
facts=["Docker Content Trust is not supported on registries encrypted with a customer-managed key"],
answer_facts=["Sign images with Notation"],
truth="""The job asks for something the service will not do: content trust cannot be turned on for a registry encrypted with a customer-managed key, so crfenwick answers with BlockedForEncryptionEnabledRegistry and enable-trust-policy fails on every sync. Remove the hook, and any trust policy in templates aimed at crfenwick, and sign images with Notation instead (its Azure Key Vault plug-in works for that), moving the verification in your pipeline to Notation signature checks. Docker Content Trust is being retired in ACR anyway."""),

# ---- servicenow_change ----
dict(key="W1", style="long", kind="value", category="rotation", quals=[], flags=["servicenow_change"],
question=r"""Change request for review, raised by our platform team:

```text
Number:               CHG0051734
Short description:    Automatic rotation of the registry key kek-quarry
Type:                 Normal
Risk:                 Low
Assignment group:     Platform Registry
Planned start date:   2026-11-18 20:00:00
Implementation plan:
  1. Add a rotation policy to kek-quarry in kv-quarry that makes a new version every 5 days.
  2. Point crquarry at kek-quarry without a version so that it follows each new version.
Backout plan:
  Remove the rotation policy.
```

The approver wants two things answered before signing off: does Key Vault even take a five-day interval, and what do we need to hold on kv-quarry, an RBAC vault, to set that policy?""",
canonical=[K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy"],
related=[K + "automatic-rotation-with-a-versionless-key-id", L + "pricing-considerations"],
facts=["Managing a rotation policy needs Key Vault Crypto Officer on an RBAC vault"],
answer_facts=["rotation interval is **7 days**"],
truth="""Five days is below the limit: a key vault rotation policy cannot rotate more often than every 7 days, so step 1 of CHG0051734 needs an interval of at least P7D (durations are ISO 8601, for example P30D or P90D). To set the policy on the RBAC vault kv-quarry, whoever runs az keyvault key rotation-policy update needs Key Vault Crypto Officer there. Step 2 is right as it stands: with the versionless key ID, crquarry moves to every new version within an hour. Keep in mind that Key Vault charges for each automated rotation, so a short interval also costs more."""),

dict(key="W2", style="long", kind="no", category="recovery", quals=[], flags=["servicenow_change"],
question=r"""Our change board wants a second opinion on this one before Thursday:

```text
Number:               CHG0052209
Short description:    Remove superseded version of registry key after rotation
Type:                 Standard
Risk:                 Low
Assignment group:     Cloud Security
Implementation plan:
  1. Confirm that crbramble reports the new version of kek-bramble in versionedKeyIdentifier.
  2. Run az keyvault key delete --vault-name kv-bramble --name kek-bramble to remove the old version.
Backout plan:
  Recover the deleted version from soft delete.
```

The aim is to keep only the current version, as our retention standard asks. Will step 2 remove just the superseded version and leave crbramble running?""",
canonical=[V + "revoke-by-deleting-the-key"],
related=[V + "recover-a-deleted-key", K + "check-which-key-version-the-registry-uses"],
facts=["it cannot delete just one key version"],
answer_facts=["the **whole key, with all its versions**"],
truth="""No: az keyvault key delete cannot remove a single version; it deletes kek-bramble as a whole, all versions included, and that cuts crbramble off from its content just as a revocation would. CHG0052209 would take the registry down until the key is recovered from soft delete, and for good if the key were purged or its retention period ran out. Leave the superseded versions in place; if the retention standard really demands their removal, take that up with the standard's owners instead of deleting the key."""),

dict(key="W3", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["servicenow_change", "two_facts"],
question=r"""Draft change for next month, please check the steps:

```text
Number:               CHG0052877
Short description:    Move crheron encryption from kv-heron to the Managed HSM hsm-heron
Type:                 Normal
Risk:                 Moderate
Planned start date:   2026-12-03 19:00:00
Implementation plan:
  1. Create RSA-HSM key kek-heron in hsm-heron with wrapKey and unwrapKey.
  2. az acr encryption rotate-key on crheron with the versionless URI of kek-heron, identity id-heron.
  3. Delete kv-heron.
Backout plan:
  Rotate back to the key in kv-heron.
```

id-heron is the user-assigned identity crheron already uses; its only grant is a role on kv-heron. What is missing before step 2, which command grants it on the Managed HSM, and is step 3 safe right after step 2?""",
canonical=[K + "move-to-a-different-key-or-to-a-key-in-another-vault", M + "rotate-a-managed-hsm-key"],
related=[M + "local-rbac-roles-for-acr-encryption", A + "grant-access-to-a-key-in-a-managed-hsm"],
facts=["the grant is a local role on that key instead of a vault-wide role"],
answer_facts=["Keep the old vault and key", "Because the role is per key"],
truth="""Step 2 of CHG0052877 would fail as written: id-heron's role on kv-heron means nothing inside hsm-heron, and ACR never creates Managed HSM role assignments by itself. Add a step between 1 and 2 that gives id-heron the local role on the new key: az keyvault role assignment create --hsm-name hsm-heron --role "Managed HSM Crypto Service Encryption User" --assignee-object-id <principal ID of id-heron> --assignee-principal-type MSI --scope /keys/kek-heron. The role is granted per key, so it has to name kek-heron. Step 3 comes too early: keep kv-heron, its key and id-heron's access there until az acr encryption show reports the HSM key for crheron, and only retire the old vault after that, since it is also your backout."""),

dict(key="W4", style="long", kind="yes", category="rotation", quals=[], flags=["servicenow_change"],
question=r"""Routine change for the quarterly key roll-over, pasted from the tool:

```text
Number:               CHG0053340
Short description:    Quarterly roll-over of kek-tansy (registry crtansy)
Type:                 Standard
Risk:                 Low
Implementation plan:
  1. az keyvault key rotate --vault-name kv-tansy --name kek-tansy
  2. Wait, then check versionedKeyIdentifier with az acr encryption show.
Backout plan:
  None needed.
```

crtansy was created with the key URI that stops at /keys/kek-tansy, without a version. Our runbook template also has a step that runs az acr encryption rotate-key, which I left out on purpose. Is it fine to leave it out, so that the registry picks up the fresh version by itself?""",
canonical=[K + "rotate-immediately-with-az-keyvault-key-rotate"],
related=[K + "automatic-rotation-with-a-versionless-key-id", K + "check-which-key-version-the-registry-uses"],
facts=["generates a new version at once, with the same key type and size as the current one"],
answer_facts=["by itself within an hour"],
truth="""Yes: crtansy uses the versionless key ID, so once step 1 of CHG0053340 has made the new version of kek-tansy, the registry moves over to it by itself within about an hour; rotate-key is only needed for registries pinned to one version. Check that whoever runs step 1 holds Key Vault Crypto Officer on kv-tansy (or the rotate key permission on an access-policy vault), and give step 2 at least an hour before comparing versionedKeyIdentifier with the new version."""),

dict(key="W5", style="long", kind="howto", category="identity", quals=[], flags=["servicenow_change"],
question=r"""Our identity team is retiring id-marsh-old and raised this change:

```text
Number:               CHG0054016
Short description:    Move crmarsh encryption to identity id-marsh-cmk
Type:                 Normal
Risk:                 Moderate
Implementation plan:
  1. Create user-assigned identity id-marsh-cmk.
  2. Remove id-marsh-old from crmarsh.
  3. Attach id-marsh-cmk to crmarsh.
Backout plan:
  Attach id-marsh-old again.
```

The key stays the same, kek-marsh in the RBAC vault kv-marsh. I have a feeling that the order is off and that something is missing between attaching and removing. What should the implementation plan look like?""",
canonical=[I + "switch-to-a-different-user-assigned-identity"],
related=[I + "the-encryption-identity-cannot-simply-be-removed", T + "removing-the-encryption-identity-fails"],
facts=["The service refuses to detach the identity that encryption currently uses."],
answer_facts=["then rotate to it"],
truth="""CHG0054016 removes too early: crmarsh refuses to detach the identity its encryption still uses, and the attempt can leave key rotation failing as well. Reorder it: create id-marsh-cmk; attach it to crmarsh with az acr identity assign and its resource ID; give its principal ID Key Vault Crypto Service Encryption User on kv-marsh (az role assignment create, principal type ServicePrincipal, the vault as scope); move encryption over with az acr encryption rotate-key, the current key URI and --identity set to id-marsh-cmk's resource ID; check that az acr encryption show now reports the new client ID; only then remove id-marsh-old. The backout is rotating back to id-marsh-old while it is still attached and has its access."""),

# ---- renovate_pr ----
dict(key="V1", style="long", kind="howto", category="iac", quals=["iac"], flags=["renovate_pr"],
question=r"""Renovate opened this on the repository that holds our registry module:

```markdown
This PR contains the following updates:

| Package | Type | Update | Change |
|---|---|---|---|
| [azurerm](https://registry.terraform.io/providers/hashicorp/azurerm) ([source](https://github.com/hashicorp/terraform-provider-azurerm)) | required_provider | major | `3.116.0` -> `4.21.1` |
```

The plan job of the PR fails on the encryption block of crpebble, which still carries enabled = true beside the key and identity settings: that argument is no longer expected there. What do I change in our Terraform so that the upgrade goes through and the registry keeps its customer-managed key?""",
canonical=[C + "azurerm-4x-removed-encryptionenabled-other-version-changes"],
related=[C + "terraform-azurerm_container_registry-encryption-block", O + "cmk-cannot-be-disabled-after-it-is-enabled"],
facts=["the block's presence enables CMK"],
answer_facts=["Delete the line when upgrading"],
truth="""azurerm 4.0 removed the enabled argument of the encryption block; from that release on, the block being there is what turns CMK on. Delete the enabled = true line from crpebble's encryption block, leave its other two arguments alone, and the plan should show no change to encryption. Keep the block for good: in 4.x leaving it out shows no diff, but from azurerm 5.0 it plans an update that would switch encryption off, which ACR does not allow. Merge the bump to 4.21.1 once the plan is clean."""),

dict(key="V2", style="long", kind="troubleshoot", category="iac", quals=["iac"], flags=["renovate_pr"],
question=r"""Since Renovate merged this, every scheduled plan of our registry stack shows a change:

```markdown
This PR contains the following updates:

| Package | Type | Update | Change |
|---|---|---|---|
| [azurerm](https://registry.terraform.io/providers/hashicorp/azurerm) ([source](https://github.com/hashicorp/terraform-provider-azurerm)) | required_provider | minor | `4.38.0` -> `4.44.0` |
```

The plan wants to update crslate's key setting in place, swapping one versioned URI of kek-slate for the next. We read the key through a data block (data.azurerm_key_vault_key.slate) and pass its id attribute. Security rotates kek-slate with a policy every 90 days, and I suspect the timing of the provider bump is a coincidence. Why does the plan keep changing? And how do we make the registry follow new versions without a Terraform apply each time?""",
canonical=[C + "automatic-key-rotation-in-terraform-versionless_id-vs-id"],
related=[K + "automatic-rotation-with-a-versionless-key-id", C + "terraform-azurerm_container_registry-encryption-block"],
facts=["The data source's `id` is the newest version at each refresh"],
answer_facts=["rotation by `terraform apply`, not automatic"],
truth="""It is the rotation, not the azurerm 4.44.0 bump: the data source's id attribute resolves to the newest version of kek-slate at every refresh, so each version the policy creates turns into an encryption change on the next plan, and the registry only moves when someone applies. Pass the versionless_id attribute to key_vault_key_id instead (the key URI ending at /keys/kek-slate). Apply that once; from then on crslate picks up each new version within an hour on its own and the plan stays quiet. Do not use resource_versionless_id or resource_id: those are ARM IDs, not key URIs."""),

dict(key="V3", style="long", kind="why", category="setup", quals=[], flags=["renovate_pr"],
question=r"""Our pipeline image is kept current by Renovate, and last week it merged:

```markdown
This PR contains the following updates:

| Package | Type | Update | Change |
|---|---|---|---|
| [azure-cli](https://github.com/Azure/azure-cli) | pip | minor | `2.60.0` -> `2.64.0` |
```

Since then the job that builds a fresh test registry with a customer-managed key breaks where it runs az keyvault set-policy so that the registry's identity may use the key, on a vault the same job made a minute earlier. The error says policies cannot be set on a vault with '--enable-rbac-authorization' specified. Nobody touched the script. Why would a CLI update change how a brand-new vault behaves?""",
canonical=[S + "azure-cli-version-notes-for-cmk-commands"],
related=[A + "azure-cli-262-and-later-create-rbac-vaults-by-default", T + "set-policy-fails-on-an-rbac-key-vault"],
facts=["From **azure-cli 2.62.0**, `az keyvault create` sets `--enable-rbac-authorization` to `true`"],
answer_facts=["**Azure RBAC** by default from 2.62.0"],
truth="""The default permission model of new vaults changed under the script: starting with azure-cli 2.62.0, a vault made by az keyvault create uses Azure RBAC unless the command says otherwise, whereas up to 2.61 new vaults used access policies. With 2.64.0 the job's new vault is an RBAC vault, and set-policy refuses to touch access policies there. Either create the vault with --enable-rbac-authorization false to keep the access-policy step, or keep RBAC and replace set-policy with az role assignment create giving the identity Key Vault Crypto Service Encryption User on the vault (its principal ID, type ServicePrincipal, the vault as scope). Pinning azure-cli below 2.62 would only hide the change."""),

dict(key="V4", style="long", kind="yes", category="iac", quals=["iac", "hsm", "oct2026"], flags=["renovate_pr"],
question=r"""We want crthistle's key to live in our Managed HSM hsm-thistle rather than in a vault, and our Terraform used to reject the managedhsm.azure.net address in key_vault_key_id. Renovate now proposes:

```markdown
This PR contains the following updates:

| Package | Type | Update | Change |
|---|---|---|---|
| [azurerm](https://registry.terraform.io/providers/hashicorp/azurerm) ([source](https://github.com/hashicorp/terraform-provider-azurerm)) | required_provider | minor | `4.52.0` -> `4.66.0` |
```

Does this version let us put the Managed HSM key URI into key_vault_key_id?""",
canonical=[C + "azurerm-4x-removed-encryptionenabled-other-version-changes"],
related=[C + "managed-hsm-key-in-terraform", M + "local-rbac-roles-for-acr-encryption"],
facts=["older versions reject any `.managedhsm.` URI in `key_vault_key_id`"],
answer_facts=["`key_vault_key_id` accepts Managed HSM key URIs"],
truth="""Yes: azurerm accepts Managed HSM key URIs in key_vault_key_id from 4.65.0, so the bump to 4.66.0 removes that rejection. Two things work differently from a vault key. The HSM key resource, azurerm_key_vault_managed_hardware_security_module_key, exports the versionless URI as id and the versioned one as versioned_id. And the identity's access is the local role Managed HSM Crypto Service Encryption User at /keys/<key-name>, granted with azurerm_key_vault_managed_hardware_security_module_role_assignment rather than azurerm_role_assignment, which the registry should list in depends_on. The key itself must be RSA-HSM with wrapKey and unwrapKey allowed."""),

dict(key="V5", style="long", kind="undocumented", category="limits", quals=["iac"], flags=["renovate_pr"],
question=r"""Renovate bumped our internal registry module, and its release notes say the default SKU moved to Standard to save money:

```markdown
This PR contains the following updates:

| Package | Type | Update | Change |
|---|---|---|---|
| [platform/registry/azure](https://tfregistry.corp.example/platform/registry/azure) | module | major | `2.4.1` -> `3.0.0` |
```

Most of our registries can live with that, but crwillow uses a customer-managed key, and the Terraform plan for it now shows sku changing from Premium to Standard in place. Before anybody merges: what happens to a CMK registry when its tier is lowered like that?""",
canonical=[L + "changing-the-sku-of-a-cmk-registry-is-not-documented"],
related=[O + "cmk-requires-the-premium-sku", O + "cmk-cannot-be-disabled-after-it-is-enabled"],
facts=["Do not assume it works"],
answer_facts=["ask Azure support before attempting a downgrade"],
truth="""Not documented: the docs are silent on whether a CMK registry may be moved down from Premium to the Standard or Basic tier. CMK only exists on Premium and cannot be turned off, so do not let version 3.0.0 of the module apply that plan to crwillow: set sku = "Premium" explicitly for it (or keep it on 2.4.1 for now), treat encrypted registries as Premium for their whole life, and ask Azure support before ever trying a downgrade."""),

# ---- conftest_output ----
dict(key="F1", style="long", kind="howto", category="limits", quals=["iac"], flags=["conftest_output"],
question=r"""We put a policy-as-code gate in front of terraform apply. It runs on the JSON plan of every stack, and the registry stack now fails:

```text
$ conftest test plan.json --policy policy/registry
FAIL - plan.json - main - azurerm_container_registry.shared_images: no customer-managed key configured (CMK-001)
WARN - plan.json - main - azurerm_container_registry.shared_images: admin user should be disabled

2 tests, 0 passed, 1 warning, 1 failure, 0 exceptions
```

crsharedimages has been around for three years, runs on Premium and has no customer-managed key. Adding an encryption block makes the plan want to replace it, which we did not expect. How do we get this registry past the policy without losing what is in it?""",
canonical=[L + "azure-policy-built-in-for-cmk"],
related=[O + "moving-an-existing-registry-to-cmk", O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
facts=["it has to be replaced with a new CMK registry"],
answer_facts=["cannot be remediated in place"],
truth="""A registry gets its customer-managed key at creation or never, so an existing one cannot be switched over; that is why adding the encryption block forces a replacement of azurerm_container_registry.shared_images. Do not let Terraform replace crsharedimages in place, which would throw its content away. Create a new Premium registry with its identity, key access and key in place, copy the content over (az acr import moves images and artifacts from crsharedimages one by one), point clients, pipelines and pull secrets at the new login server, and retire the old registry afterwards. The built-in Azure Policy for CMK can only report such a registry, not fix it in place either."""),

dict(key="F2", style="long", kind="value", category="recovery", quals=[], flags=["conftest_output"],
question=r"""Our conftest gate stopped the new registry stack at the key vault, before it even got to the registry:

```text
$ conftest test tfplan.json -p policies/
FAIL - tfplan.json - keyvault - azurerm_key_vault.kv_cobalt: purge_protection_enabled must be true for vaults that hold encryption keys

1 test, 0 passed, 0 warnings, 1 failure, 0 exceptions
```

kv-cobalt will hold the key of crcobalt. A colleague worries that purge protection will get in our way when we tear down short-lived test stacks. What exactly does turning it on change for the vault and its keys, and can we switch it off again later if it bothers us?""",
canonical=[O + "soft-delete-and-purge-protection-behaviour-in-key-vault"],
related=[V + "how-purge-protection-protects-the-registry", S + "step-3-create-the-key-vault-with-purge-protection"],
facts=["Purge protection depends on soft delete, which every new vault already has."],
answer_facts=["Enabling purge protection is a one-way change."],
truth="""With purge protection on, nobody can erase a deleted vault or key before its retention period is over: a deleted kv-cobalt, or a deleted key of crcobalt, can only be recovered or wait until the retention window ends and removes it. It builds on soft delete, which every new vault has anyway. Once switched on it cannot be switched off again, so the FAIL on azurerm_key_vault.kv_cobalt asks for a permanent setting. The ACR docs recommend it for the vault that holds a registry's key, because a purged key leaves the registry's content unreadable for good; for throwaway test stacks, plan for vaults that linger until their retention runs out."""),

dict(key="F3", style="long", kind="no", category="identity", quals=["iac"], flags=["conftest_output"],
question=r"""Our Terraform for the new registry crjuniper gives its identity two roles on kv-juniper, and the policy check rejects one of them:

```text
$ conftest test plan.json -p policy
FAIL - plan.json - rbac - azurerm_role_assignment.juniper_crypto_user: Key Vault Crypto User is not allowed for workload identities

2 tests, 1 passed, 0 warnings, 1 failure, 0 exceptions
```

The other assignment, Key Vault Crypto Service Encryption User, passes. The developer who wrote the module says the registry needs Crypto User too, to encrypt its data with the key. Does the registry identity really need Key Vault Crypto User?""",
canonical=[A + "why-key-vault-crypto-user-is-not-needed"],
related=[A + "grant-access-with-an-azure-rbac-role", S + "option-a-azure-rbac-role-on-an-rbac-vault"],
facts=["grants more than the registry needs"],
answer_facts=["Do not add it."],
truth="""No: Key Vault Crypto Service Encryption User is all crjuniper's identity needs, because it allows looking the key up plus wrapping and unwrapping with it, which is exactly what the registry does. Key Vault Crypto User allows general cryptographic operations such as encrypt, decrypt, sign and verify; the ACR docs never use it, and it hands out more than the registry requires. Drop azurerm_role_assignment.juniper_crypto_user from the Terraform, keep the service encryption role at kv-juniper's scope, and the check passes."""),

dict(key="F4", style="long", kind="value", category="keys", quals=["iac"], flags=["conftest_output"],
question=r"""Our platform policies run against every Terraform plan, and this came back on the registry stack:

```text
$ conftest test plan.json --policy policy/crypto
FAIL - plan.json - crypto - azurerm_key_vault_key.kek_alder: RSA keys must be at least 3072 bits

1 test, 0 passed, 0 warnings, 1 failure, 0 exceptions
```

kek_alder is the key for cralder, our new registry, and it is currently written with key_size = 2048. Security would like 4096 so that we are covered for the next decade. What sizes can the key behind a registry's customer-managed key have, and is 4096 among them?""",
canonical=[O + "key-sizes-offered-by-key-vault"],
related=[O + "which-key-types-and-sizes-are-supported", S + "step-5-create-an-rsa-key-and-capture-its-key-id"],
facts=["The ACR articles name no size."],
answer_facts=["2048, 3072 and 4096 bits"],
truth="""Key Vault creates RSA keys, software or HSM-protected, with 2048, 3072 or 4096 bits, and ACR itself names no size, so 4096 is available and satisfies the policy (3072 would pass as well). Set key_size = 4096 on azurerm_key_vault_key.kek_alder and keep key_type RSA, or RSA-HSM in a Premium vault, with wrapKey and unwrapKey among its operations. Elliptic-curve keys are no option for a registry. The size list is a Key Vault statement, not a recommendation from the ACR docs."""),

dict(key="F5", style="long", kind="value", category="setup", quals=[], flags=["conftest_output"],
question=r"""A policy in our pipeline blocks the plan for a new encrypted registry:

```text
$ conftest test tfplan.json -p policies
FAIL - tfplan.json - registry - azurerm_container_registry.cr_nettle: encrypted registries must use the Premium SKU

1 test, 0 passed, 0 warnings, 1 failure, 0 exceptions
```

Our module defaults to Standard, and the developer argues that the policy is only a house rule of ours. Which tier does a registry with a customer-managed key need, and would az acr create have refused a Standard registry with --key-encryption-key by itself?""",
canonical=[O + "cmk-requires-the-premium-sku"],
related=[T + "cmk-needs-the-premium-tier", S + "step-7-create-the-premium-registry-with-the-customer-managed-key"],
facts=["Registries on the Basic or Standard SKU cannot use a customer-managed key."],
answer_facts=["does not check this itself"],
truth="""Customer-managed keys are a Premium-only feature, so the policy matches the service: a Basic or Standard registry cannot be encrypted with your own key, and azurerm_container_registry.cr_nettle needs sku = "Premium". The Azure CLI would not have caught it either: az acr create takes --sku Standard together with the CMK options and leaves the rejection to the service. Change the module default for encrypted registries, and always pass --sku Premium when creating one from the CLI."""),

# ---- netcat_probe (long) ----
dict(key="N1", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "iac", "oct2026"], flags=["netcat_probe"],
question=r"""I am creating crbasalt in the portal with a key from hsm-basalt. The registry's key picker lists hsm-basalt but shows nothing under it. From my laptop at home:

```text
$ nc -vz -w 5 hsm-basalt.managedhsm.azure.net 443
nc: connect to hsm-basalt.managedhsm.azure.net (198.51.100.23) port 443 (tcp) timed out: Operation now in progress
```

The HSM firewall lets trusted Azure services through and denies everything else, and kek-basalt exists (I created it from the office). Why can the portal not list the keys of our Managed HSM, and how do I finish the registry?""",
canonical=[T + "portal-key-picker-cannot-list-keys-behind-the-managed-hsm-firewall"],
related=[N + "the-portal-key-picker-and-a-key-store-firewall", M + "set-up-a-registry-with-a-managed-hsm-key-in-the-azure-portal"],
facts=["The trusted-services exception lets ACR through"],
answer_facts=["**Enter key URI** instead of the picker."],
truth="""Your browser fetches that key list straight from hsm-basalt's data plane, and the nc timeout shows its firewall drops your laptop; the trusted-services exception admits ACR itself, never a browser outside the network boundary. Either switch to Enter key URI and paste the key ID of kek-basalt, read with az keyvault key show --hsm-name hsm-basalt --name kek-basalt --query key.kid from a machine on an allowed network (drop the version for automatic rotation), or add your laptop's public IP to the HSM firewall's allowed addresses while you need it. Keep the trusted-services bypass on so crbasalt can reach the key, and make sure its identity already holds Managed HSM Crypto Service Encryption User on kek-basalt."""),

dict(key="N2", style="long", kind="no", category="network", quals=[], flags=["netcat_probe"],
question=r"""Our AKS clusters pull from crgarnet, which is encrypted with a key in kv-garnet. kv-garnet's firewall denies public traffic and allows trusted Microsoft services. As part of a review the network team ran this from one of the node pools:

```text
$ nc -vz -w 3 kv-garnet.vault.azure.net 443
nc: connect to kv-garnet.vault.azure.net (198.51.100.87) port 443 (tcp) timed out: Operation now in progress
```

Pulls work fine today, but the review says we must add a private endpoint for kv-garnet to every cluster network, because the nodes obviously need the key to decrypt the images. Do the nodes have to reach the vault for pulls from an encrypted registry to work?""",
canonical=[N + "azure-container-registry-in-key-vaults-trusted-services-list"],
related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", N + "allow-your-own-clients-through-the-vault-firewall"],
facts=["for the purpose of encrypting registries with customer-managed keys"],
answer_facts=["can pass the firewall"],
truth="""No: the nodes never use the key. The registry itself unwraps its data, reaching kv-garnet as a trusted Azure service, and Key Vault lists Azure Container Registry among the services let through when trusted Microsoft services are allowed. The timeout from the node pool to kv-garnet is expected and harmless, and a private endpoint for the vault in each cluster network adds nothing for pulls from crgarnet. Address rules or endpoints on the vault matter only for your own clients that manage keys."""),

dict(key="N3", style="long", kind="howto", category="network", quals=["hsm", "oct2026"], flags=["netcat_probe", "two_facts"],
question=r"""We are about to create crflint with a key from hsm-flint. The HSM denies public access and we reach it through a private endpoint; from our build VM:

```text
$ nc -vz hsm-flint.managedhsm.azure.net 443
Connection to hsm-flint.managedhsm.azure.net (10.28.6.12) 443 port [tcp/https] succeeded!
```

The key kek-flint (RSA-HSM, wrap and unwrap allowed) exists, and id-flint already has its local role on that key. Since the VM gets through, I assume az acr create from that VM will work as well. What network setting does the Managed HSM need before the registry is created, and does our private endpoint already cover it?""",
canonical=[N + "managed-hsm-firewall-and-trusted-services", S + "using-a-managed-hsm-key-instead-of-a-key-vault"],
related=[M + "managed-hsm-firewall-and-trusted-services", M + "requirements-for-a-managed-hsm-key-store"],
facts=["the registry must reach the key when it is created"],
answer_facts=["the bypass only opens the network", "allow trusted services before step 7"],
truth="""The private endpoint only shows that your build VM reaches hsm-flint; crflint does not come in through your network, and the Managed HSM must let it in another way. The registry reaches the key as a trusted Azure service and needs it at the moment it is created, so turn on the trusted-services exception on the HSM firewall before az acr create: az keyvault update-hsm --hsm-name hsm-flint --resource-group <group> --bypass AzureServices --default-action Deny, and check it with az keyvault show --hsm-name hsm-flint. The bypass opens only the network path; id-flint's local role at /keys/kek-flint, which is already in place, is what lets the registry use the key."""),

# ---- long without a new shape ----
dict(key="L1", style="long", kind="undocumented", category="network", quals=[], flags=[],
question=r"""Two years ago a colleague wrote in our wiki that creating an encrypted registry against a key vault behind a firewall never works on the first try, and that the cure is to build it first against a throwaway vault without network rules and only then switch over to the real key. Her note links old GitHub issues where az acr create ended with Failed to access KeyId although trusted services were allowed. We are about to create crquartz against kv-quartz, which denies public traffic and lets trusted services through; the key and the identity's access are ready. I would rather not build a throwaway vault if that is no longer needed. Is the detour part of the official guidance? Does it still apply today?""",
canonical=[N + "reports-of-first-time-creation-failing-against-a-firewalled-vault-not-official"],
related=[S + "create-the-key-before-the-registry-for-restricted-vaults", T + "registry-creation-cannot-access-the-key"],
facts=["These reports may be out of date"],
answer_facts=["the current docs only say to enable"],
truth="""Not documented as official guidance: the temporary-vault detour comes from older GitHub reports, all from before 2023, in which creation against a firewalled vault failed even with trusted services allowed, and the workaround was a key in an unrestricted vault followed by az acr encryption rotate-key to the firewalled one. Whether that still happens is unknown. The current docs only ask you to let trusted services through and to create the key before the registry, both of which you have done, so create crquartz against kv-quartz directly and keep the detour as a fallback should it fail with Failed to access KeyId."""),
]


# ---------------- agent on-topic ----------------
QA = [
dict(key="N4", style="agent", form="context", kind="troubleshoot", category="network", quals=[], flags=["netcat_probe"],
question=r"""Context: `Connection to kv-pumice.vault.azure.net (10.12.3.9) 443 port [tcp/https] succeeded!` from our runner, yet az acr create for crpumice still fails with Failed to access KeyId and a note that the caller is not a trusted service. Question: what is missing?""",
canonical=[T + "registry-creation-cannot-access-the-key"],
related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", A + "verify-the-identitys-access"],
facts=["allow trusted Azure services"],
answer_facts=["trusted Azure services are not allowed through"],
truth="""The runner getting through to kv-pumice says nothing about the registry, which calls the vault as a trusted Azure service; the create fails because kv-pumice's firewall does not let trusted services pass. Run az keyvault update --name kv-pumice --resource-group <group> --bypass AzureServices, check that the identity holds get, wrapKey and unwrapKey or Key Vault Crypto Service Encryption User in the vault's permission model, give a new grant a few minutes, and create crpumice again."""),

dict(key="N5", style="agent", form="imperative", kind="howto", category="setup", quals=[], flags=["netcat_probe"],
question=r"""Tell me in which order to set up crscoria now that my laptop gets `nc: connect to kv-scoria.vault.azure.net (198.51.100.40) port 443 (tcp) failed: Connection timed out` after security locked kv-scoria down before the key was made.""",
canonical=[S + "create-the-key-before-the-registry-for-restricted-vaults"],
related=[N + "create-the-key-before-the-registry-when-the-vault-is-locked-down", N + "allow-your-own-clients-through-the-vault-firewall"],
facts=["allow trusted Azure services through the vault firewall"],
answer_facts=["create the key ahead of the registry"],
truth="""Your laptop cannot reach kv-scoria, so first get a path for the key work: allow your client address on the vault firewall for now, or work from a machine on an allowed network. Then create the RSA key in kv-scoria before the registry exists, give the identity its access, make sure the firewall lets trusted Azure services through, and only then run az acr create for crscoria with the identity and the key URI. Take a temporary address rule out again afterwards."""),

dict(key="A1", style="agent", form="imperative", kind="howto", category="identity", quals=[], flags=[],
question=r"""Show me the safe way to write the system-assigned identity in az acr encryption rotate-key for crmica in bash; our script passes --identity [system] without quotes and a colleague warned that a stray file could break it.""",
canonical=[I + "quote-system-in-shell-commands"],
related=[T + "system-assigned-identity-rejected-at-registry-creation", K + "rotate-with-a-different-identity-or-the-system-assigned-identity"],
facts=["Write it in single quotes"],
answer_facts=["would silently pass that file name instead"],
truth="""Put it in single quotes: --identity '[system]' (and --identities '[system]' for az acr identity assign). Unquoted, bash treats [system] as a glob: if the working folder holds a file whose name is one of the letters s, y, t, e or m, bash quietly passes that file's name instead, while zsh stops with no matches found. So the line for crmica becomes az acr encryption rotate-key --name crmica --key-encryption-key <key URI> --identity '[system]', run after the system-assigned identity has been turned on and given access to the key."""),

dict(key="A2", style="agent", form="context", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=[],
question=r"""Context: listing the local role assignments of cropal's identity on hsm-opal with --scope /keys/kek-opal returns nothing, yet cropal works fine. Question: how do I find the scope at which its Managed HSM role was actually granted?""",
canonical=[A + "verify-the-identitys-access"],
related=[M + "local-rbac-roles-for-acr-encryption", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
facts=["An empty result means no assignment at that exact scope"],
answer_facts=["run it again without `--scope`"],
truth="""An empty list only means that nothing is assigned at exactly /keys/kek-opal. Run the same az keyvault role assignment list --hsm-name hsm-opal --assignee-object-id <principal ID> again without --scope: the identity's Managed HSM Crypto Service Encryption User assignment is most likely at /keys (all keys in the HSM) or / (the whole HSM), and either covers kek-opal. That works but grants more than needed; the least-privilege scope is the key itself, so consider adding the assignment at /keys/kek-opal before removing the broader one."""),

dict(key="A3", style="agent", form="imperative", kind="howto", category="iac", quals=["iac", "oct2026"], flags=[],
question=r"""Give me the az deployment group create line for the enable tutorial's CMKtemplate.json ARM template for crgneiss; our old runbook passes vault_name and key_id and I suspect both are out of date.""",
canonical=[S + "the-enable-tutorials-own-template"],
related=[S + "deploy-the-template", S + "set-up-cmk-with-an-arm-template"],
facts=["It grants no key access itself"],
answer_facts=["earlier revisions wrongly passed `key_id`"],
truth="""Since the October 2026 revision the tutorial's template takes registry_name, identity_name and kek_id and no vault_name: az deployment group create --resource-group <identity's resource group> --template-file CMKtemplate.json --parameters registry_name=crgneiss identity_name=<identity> kek_id=<key URI>. key_id in your runbook comes from a mistake in earlier revisions. The template no longer grants key access, so make the user-assigned identity beforehand and set up its access: an access policy (get, wrapKey, unwrapKey) or Key Vault Crypto Service Encryption User, or for a Managed HSM key the local role at the key's scope. Deploy into the identity's own resource group."""),

dict(key="A4", style="agent", form="keywords", kind="troubleshoot", category="keys", quals=[], flags=[],
question=r"""set-policy for the crtopaz identity on kv-topaz fails saying 'wrap' is not a valid value, we passed get wrap unwrap as key permissions""",
canonical=[A + "grant-access-with-a-key-vault-access-policy"],
related=[T + "invalid-key-permission-names-wrap-and-unwrap", S + "option-b-access-policy-on-an-access-policy-vault"],
facts=["Matching is case-insensitive (`WRAPKEY` works)."],
answer_facts=["`wrap` and `unwrap` is **not** accepted"],
truth="""The CLI only knows the full permission names, and wrap and unwrap are shorthand it refuses. Run az keyvault set-policy --name kv-topaz --resource-group <group> --object-id <principal ID of crtopaz's identity> --key-permissions get unwrapKey wrapKey; the case of the names does not matter. If kv-topaz turns out to use Azure RBAC, set-policy is the wrong tool and the identity needs Key Vault Crypto Service Encryption User on the vault instead."""),

dict(key="A5", style="agent", form="context", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question=r"""Context: I reused a grant line from our HSM runbook (it sets --assignee-principal-type MSI) for crberyl's identity on kv-beryl, and az role assignment create refuses it before sending anything. Question: which principal type does that command want for a managed identity?""",
canonical=[T + "role-assignment-rejects-the-principal-type-or-the-assignee"],
related=[A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities", A + "grant-access-with-an-azure-rbac-role"],
facts=["A managed identity counts as `ServicePrincipal` there."],
answer_facts=["a managed identity is a `ServicePrincipal` there"],
truth="""ServicePrincipal. The Azure RBAC command sorts every managed identity under that type (its other choices are User, Group and ForeignGroup); MSI is only valid in the separate HSM local-role command, which is why the line from your runbook stops before anything is sent. Keep the rest of the grant for kv-beryl as it was: crberyl's principal ID as the object ID, the service encryption role, the vault as the scope, and no --assignee flag next to --assignee-object-id."""),

dict(key="A6", style="agent", form="keywords", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question=r"""az acr create crjasper --sku Premium with --key-encryption-key but no --identity, usage error that identity and key must both be supplied""",
canonical=[S + "step-7-create-the-premium-registry-with-the-customer-managed-key"],
related=[T + "acr-create-needs-both-identity-and-key", I + "which-identity-value-goes-where"],
facts=["Not its principal ID or client ID."],
answer_facts=["`--identity` takes the user-assigned identity's resource ID"],
truth="""The CLI configures encryption only with the pair of values, identity and key URI, and it stops a create that has just one of them before anything reaches Azure. Add --identity with the identity's resource ID (az identity show --query id; not its client or principal ID) to the command for crjasper, keep --sku Premium and the key URI, and make sure the identity can already use the key."""),

dict(key="A7", style="agent", form="imperative", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=["two_facts"],
question=r"""List the Managed HSM local roles our people need around crshale's key: one engineer creates the key, another grants the registry identity its role, and a third must be able to recover the key if it is deleted.""",
canonical=[M + "local-rbac-roles-for-acr-encryption", M + "recover-a-deleted-managed-hsm-key-or-hsm"],
related=[A + "your-own-permissions-to-create-keys-in-an-rbac-vault"],
facts=["Only these built-in roles can write role assignments"],
answer_facts=["can write role assignments", "a key needs Managed HSM Crypto Officer"],
truth="""The engineer who creates the key needs a key-creating local role such as Managed HSM Crypto User. Whoever gives the registry's identity Managed HSM Crypto Service Encryption User must hold Managed HSM Administrator, Managed HSM Crypto Officer or Managed HSM Policy Administrator, since only those built-in roles can write role assignments. Recovering a soft-deleted key takes Managed HSM Crypto Officer; Crypto User cannot do that. crshale's identity itself gets only Managed HSM Crypto Service Encryption User, best at /keys/<key-name>; Azure role assignments on the HSM resource let nobody use a key."""),

dict(key="A8", style="agent", form="context", kind="yes", category="hsm", quals=["hsm", "oct2026"], flags=[],
question=r"""Context: our key ceremony makes an RSA key on offline hardware, and crmarl should use it once imported into hsm-marl. Question: is a key we bring ourselves supported for a registry when it lives in a Managed HSM?""",
canonical=[O + "bring-your-own-key-byok"],
related=[M + "managed-hsm-is-a-supported-key-store-for-acr-cmk", M + "requirements-for-a-managed-hsm-key-store"],
facts=["Both key stores support both"],
answer_facts=["created outside Azure and imported into it"],
truth="""Yes: the key can be generated in the key store or made outside Azure and imported, and since the October 2026 revision the ACR tutorials allow that for a Managed HSM as well as for a Key Vault vault. The imported key in hsm-marl must be RSA-HSM and permit wrapKey and unwrapKey, the HSM must be activated, and crmarl's identity needs Managed HSM Crypto Service Encryption User at the key's scope, which you assign yourself. crmarl then refers to the key by its URI on the managedhsm.azure.net host."""),

dict(key="A9", style="agent", form="keywords", kind="why", category="rotation", quals=["iac"], flags=[],
question=r"""portal change key with select from key vault on crdolomite saved the key without a version, why no version and what that means for rotation""",
canonical=[K + "rotate-the-key-in-the-azure-portal"],
related=[K + "automatic-rotation-with-a-versionless-key-id", S + "step-6-choose-a-versioned-or-versionless-key-id"],
facts=["a key chosen there is stored versionless"],
answer_facts=["is stored versionless"],
truth="""That is how Select from Key Vault behaves: a key picked there is saved without a version, which puts crdolomite on automatic rotation, so the registry moves to each new version of the key within about an hour without anyone editing it. To pin one version instead, use Enter key URI with the versioned key ID; every later version then needs a manual change. Either way the identity must already have access to the key before you save."""),

dict(key="A10", style="agent", form="context", kind="undocumented", category="hsm", quals=["hsm", "oct2026"], flags=[],
question=r"""Context: crjade has replicas in three regions, while its key kek-jade lives in hsm-jade, a Managed HSM that sits in one of them. Question: what do the ACR docs say about keeping the replicas usable if that Managed HSM region goes down?""",
canonical=[M + "limits-and-open-points-with-managed-hsm"],
related=[L + "geo-replication-with-a-managed-hsm-key", L + "geo-replication-works-with-cmk"],
facts=["plan HSM recovery (security domain, backups) separately"],
answer_facts=["to the Key Vault disaster-recovery guidance only"],
truth="""Not documented: the geo-replication article still points CMK users only to Key Vault's disaster-recovery guidance and says nothing about a key kept in a Managed HSM. For crjade, plan hsm-jade's recovery on your own terms (its security domain, backups, and where Managed HSM is offered), and keep in mind that a soft-deleted HSM goes on being billed."""),
]


# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="howto", category="identity", quals=[], flags=[],
question=r"""how do i capture the principal and client id of my acr uami?""",
canonical=[I + "create-the-user-assigned-identity-and-capture-its-ids"],
related=[S + "step-2-create-a-user-assigned-managed-identity-and-capture-its-ids", I + "which-identity-value-goes-where"],
facts=["the last segment is always the identity's own name"],
answer_facts=["the three IDs you will need later"],
truth="""After az identity create, read each value with az identity show --name <identity> --resource-group <group> and --query principalId or --query clientId (and --query id for the resource ID), --output tsv. The resource ID goes to az acr create --identity, the principal ID to the key access grant, and the client ID is what templates and rotate-key can take. Copy what your own command returns rather than rebuilding an ID from a sample."""),

dict(key="S2", style="short", kind="howto", category="keys", quals=[], flags=[], typo="familar",
question=r"""not familar with rbac kv yet, how to grant the acr identity key access""",
canonical=[A + "grant-access-with-an-azure-rbac-role"],
related=[S + "option-a-azure-rbac-role-on-an-rbac-vault", A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities"],
facts=["The role's ID is `e147488a-f6f5-4113-8e2d-b22465e65bf6`"],
answer_facts=["always pass the vault's resource ID"],
truth="""On a vault that uses Azure RBAC, give the registry's identity the role Key Vault Crypto Service Encryption User at the vault's scope: az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal --role "Key Vault Crypto Service Encryption User" --scope <vault resource ID>. Current CLI versions insist on --scope, and a fresh assignment can take a few minutes before the registry can use it."""),

dict(key="S3", style="short", kind="howto", category="recovery", quals=["oct2026"], flags=[],
question=r"""revoking acr cmk on an access policy kv: which object id for delete-policy?""",
canonical=[V + "revoke-by-removing-the-access-policy"],
related=[T + "set-policy-fails-on-an-rbac-key-vault", V + "what-revocation-does-to-the-registry"],
facts=["`--object-id` is the **principal ID of the registry's identity**, not a key ID"],
answer_facts=["earlier revisions put a key ID there"],
truth="""Use the registry identity's principal (object) ID; a key ID does not belong there: az keyvault delete-policy --name <vault> --resource-group <group> --object-id <principal ID>. Revisions of the rotate-and-revoke tutorial before October 2026 showed a key ID in that place, which does not work. Once the policy is gone the registry cannot read any of its content until access is given back."""),

dict(key="S4", style="short", kind="howto", category="rotation", quals=["hsm", "oct2026"], flags=[],
question=r"""command to add a new key version in a managed hsm for acr""",
canonical=[K + "create-a-new-version-in-a-managed-hsm"],
related=[M + "rotate-a-managed-hsm-key", K + "how-new-key-versions-are-created"],
facts=["a new version needs no new role assignment"],
answer_facts=["covers every version of the key"],
truth="""Create the key again under the same name in the Managed HSM: az keyvault key create --hsm-name <hsm> --name <key> --kty RSA-HSM --ops wrapKey unwrapKey. No new role assignment is needed, since the identity's local role at /keys/<key> spans all versions; registries configured without a version switch to it within an hour, while one pinned to a version needs az acr encryption rotate-key."""),

dict(key="S5", style="short", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question=r"""az keyvault key create forbidden even though im owner on the subscription""",
canonical=[A + "your-own-permissions-to-create-keys-in-an-rbac-vault"],
related=[T + "operator-cannot-create-the-key-in-an-rbac-vault", S + "option-a-azure-rbac-role-on-an-rbac-vault"],
facts=["which covers the full key lifecycle but cannot grant access to others"],
answer_facts=["does not let you create keys"],
truth="""Owner is a management-plane role, and on a vault that uses Azure RBAC it does not let you work with keys. Get a key role on the vault's data plane, for example Key Vault Crypto Officer, assigned by someone with Owner, User Access Administrator or Role Based Access Control Administrator there, wait a few minutes and create the key again. The registry's own identity still needs only Key Vault Crypto Service Encryption User."""),

dict(key="S6", style="short", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=[],
question=r"""acr create rejects my managed hsm uri that points at a secret, why?""",
canonical=[T + "managed-hsm-uri-is-not-a-key-uri"],
related=[M + "managed-hsm-key-uris", S + "step-7-create-the-premium-registry-with-the-customer-managed-key"],
facts=["URIs of secrets, certificates or any other object path in the HSM are not accepted."],
answer_facts=["only the HTTPS URI of a **key**"],
truth="""The service wants the address of a key object in the Managed HSM, https://<hsm>.managedhsm.azure.net/keys/<key>, optionally followed by a version; a path to a secret or certificate is turned down, even though the CLI forwards whatever it is given. Take the kid from az keyvault key show --hsm-name <hsm> --name <key> --query key.kid instead of writing the URI by hand, and drop its version if the registry should follow new versions automatically."""),

dict(key="S7", style="short", kind="troubleshoot", category="troubleshooting", quals=["hsm", "oct2026"], flags=[],
question=r"""acr create fails: managed hsm key only allows sign/verify, what key ops are needed?""",
canonical=[T + "managed-hsm-key-has-the-wrong-type-or-operations"],
related=[M + "requirements-for-a-managed-hsm-key-store", K + "create-a-new-version-in-a-managed-hsm"],
facts=["The role assignment alone does not help: the key itself must allow the operations."],
answer_facts=["include **wrapKey** and **unwrapKey**"],
truth="""ACR needs an RSA-HSM key that permits wrapKey and unwrapKey; a key limited to signing and verifying cannot wrap the registry's keys, whatever role the identity holds. If the key is RSA-HSM, add a new version with az keyvault key create --hsm-name <hsm> --name <key> --kty RSA-HSM --ops wrapKey unwrapKey (the identity's role at the key's scope covers it) and run the create again; if the type is wrong, make an RSA-HSM key under a new name and grant the identity Managed HSM Crypto Service Encryption User on it."""),

dict(key="S8", style="short", kind="value", category="limits", quals=[], flags=[], typo="particulary",
question=r"""how long are acr task logs kept on a cmk registry, particulary build runs""",
canonical=[L + "acr-tasks-run-logs-are-kept-for-only-24-hours"],
related=[L + "export-task-run-logs-before-they-expire", T + "task-run-logs-disappear-after-24-hours"],
facts=["copy them out while they exist"],
answer_facts=["retained for **24 hours** only"],
truth="""For a CMK-encrypted registry, the logs of every ACR Tasks run, builds included, are kept for 24 hours only. Export the ones you need before they go, for example with az acr task logs --run-id <id> at the end of the pipeline that started the task."""),

dict(key="S9", style="short", kind="yes", category="hsm", quals=["hsm", "oct2026"], flags=[],
question=r"""is managed hsm an officially supported key store for acr cmk now?""",
canonical=[M + "managed-hsm-is-a-supported-key-store-for-acr-cmk"],
related=[O + "managed-hsm-keys", M + "requirements-for-a-managed-hsm-key-store"],
facts=["store it unchanged, whatever its host name"],
answer_facts=["documented as the second supported key store"],
truth="""Yes: the four CMK tutorials, revised in October 2026, name Managed HSM as the second place the key may live besides a Key Vault vault, and each of their steps (creating, rotating, revoking, troubleshooting) now has a Managed HSM variant. The CLI passes such key URIs through unchanged. Two newer ACR security articles still only talk about Key Vault; for the HSM, go by the tutorials."""),

dict(key="S10", style="short", kind="no", category="keys", quals=[], flags=[],
question=r"""can a kv access policy for the acr identity cover just one key?""",
canonical=[A + "grant-access-with-a-key-vault-access-policy"],
related=[A + "grant-access-with-an-azure-rbac-role", A + "two-supported-ways-to-grant-key-access"],
facts=["Use `--object-id` with the principal ID"],
answer_facts=["cannot be limited to a single key"],
truth="""No: an access policy gives the identity get, wrapKey and unwrapKey on every key in the vault, and policies cannot be narrowed to one key. If that is too broad, keep the registry's key in a vault of its own; Azure RBAC could scope a role more narrowly, but the ACR docs assign Key Vault Crypto Service Encryption User at the vault."""),

dict(key="S11", style="short", kind="why", category="setup", quals=[], flags=[], typo="usefull",
question=r"""why would a cmk be usefull when acr already encrypts images at rest""",
canonical=[O + "default-encryption-at-rest-without-a-cmk"],
related=[O + "why-teams-use-a-customer-managed-key", O + "what-customer-managed-key-encryption-adds-to-a-registry"],
facts=["the most common driver is a rule that data at rest must be protected by a key the organisation controls"],
answer_facts=["encrypted at rest with Microsoft-managed keys"],
truth="""Registries are encrypted at rest with keys Microsoft manages even without a CMK, so you do not need one for encryption as such. A customer-managed key is about control of the key itself: meeting rules that demand a key your organisation holds, deciding when it rotates and who may use it, being able to cut the registry off by withdrawing access, and auditing its use in your own key store."""),

dict(key="S12", style="short", kind="undocumented", category="setup", quals=[], flags=[],
question=r"""minimum rsa key size acr requires for a customer-managed key""",
canonical=[O + "requirements-at-a-glance"],
related=[O + "key-sizes-offered-by-key-vault", S + "step-5-create-an-rsa-key-and-capture-its-key-id"],
facts=["Key Vault offers RSA 2048, 3072 and 4096"],
answer_facts=["Not stated by ACR"],
truth="""Not documented: ACR names no minimum or required key size, only that the key must be RSA or RSA-HSM, with elliptic-curve keys ruled out. Key Vault can make RSA keys with 2048, 3072 or 4096 bits, so choose among those to match your own policy."""),
]


# ---------------- off-topic ----------------
OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind=OFF, category=OFF, subject="strapi", near_miss=True,
question=r"""The back end of our public website is Strapi, built into an image that sits in our private container registry. Strapi signs admin logins with a set of app keys from its configuration, and one key from that set turned up in a pasted log during a support call. We want to replace all of them. If we put new values in and restart, do editors simply have to sign in again, or does something stored in the database depend on the old values?""",
truth="""Not covered: replacing the app keys of a Strapi installation is configuration of that headless CMS, outside Azure Container Registry encryption with customer-managed keys."""),

dict(key="X2", style="long", kind=OFF, category=OFF, subject="akaunting", near_miss=True,
question=r"""Two small subsidiaries do their accounting in Akaunting, deployed from an image in our own container registry. Its app key was copied into a ticket by mistake while someone was asking the vendor for help, so the auditors want a new one. Can I generate a fresh app key for Akaunting without making the data it has already encrypted unreadable, and is there a command for it?""",
truth="""Not covered: regenerating the app key of an Akaunting installation is administration of that accounting app, unrelated to ACR customer-managed key encryption."""),

dict(key="X3", style="long", kind=OFF, category=OFF, subject="formbricks", near_miss=True,
question=r"""Formbricks collects our customer feedback and runs from an image we push to a private container registry. Its configuration holds an encryption key that protects some stored values, and our security lead wants that key replaced once a year. When I swap it, what happens to the values Formbricks stored under the old key: are they re-encrypted on start-up, or do they become unreadable?""",
truth="""Not covered: replacing the encryption key of a Formbricks deployment is configuration of that survey product, not customer-managed key encryption of Azure Container Registry."""),

dict(key="X4", style="long", kind=OFF, category=OFF, subject="mediawiki", near_miss=True,
question=r"""Our internal MediaWiki runs from a container image stored in our private registry. The upgrade key in its LocalSettings.php was pasted into a chat channel that far too many people can read. Does changing that key affect anyone who is logged in to the wiki, or is it only checked by the web installer when we run an upgrade, so that we can swap it without anyone noticing?""",
truth="""Not covered: the upgrade key of a MediaWiki installation belongs to that wiki software's own configuration, far from ACR encryption with customer-managed keys."""),

dict(key="X5", style="long", kind=OFF, category=OFF, subject="pterodactyl", near_miss=True,
question=r"""We host game servers for our community with the Pterodactyl panel, whose image we pull from our private container registry. The panel's app key encrypts credentials it stores, and the old maintainer kept a copy of it when he left. If I replace that key, what happens to the data the panel already holds, and is there a supported way in Pterodactyl to rotate it cleanly?""",
truth="""Not covered: rotating the app key of a Pterodactyl panel is game-server panel administration, outside the knowledge about ACR customer-managed keys."""),

dict(key="X6", style="long", kind=OFF, category=OFF, subject="hledger",
question=r"""I keep our household and freelance accounts in hledger as a single journal file that goes back to 2019, and it has become slow to edit and hard to review. I would like one file per year with a main file that includes them, but the balance assertions in the later years rely on the opening balances from earlier ones. How do I split the journal by year without breaking those assertions, and should every yearly file start with its own opening entries?""",
truth="""Not covered: splitting an hledger journal into yearly files is plain-text accounting practice, unrelated to ACR customer-managed keys."""),

dict(key="X7", style="short", kind=OFF, category=OFF, subject="readeck",
question=r"""can readeck keep articles for reading offline?""",
truth="""Not covered: offline reading in Readeck is a feature of that read-it-later app, not part of ACR customer-managed key encryption."""),

dict(key="X8", style="short", kind=OFF, category=OFF, subject="invidious",
question=r"""does invidious import a channel list from a file""",
truth="""Not covered: importing channel lists into Invidious is video front-end usage, unrelated to registry encryption."""),

dict(key="X9", style="short", kind=OFF, category=OFF, subject="beancount",
question=r"""how do i record a stock split in beancount?""",
truth="""Not covered: booking a stock split in Beancount is a question about that accounting language, far from ACR customer-managed keys."""),

dict(key="X10", style="agent", form="context", kind=OFF, category=OFF, subject="gotenberg",
question=r"""Context: our API turns HTML reports into PDF files through a Gotenberg container. Question: how do I set a custom paper size and margins for a single conversion request?""",
truth="""Not covered: paper size and margins in Gotenberg are document-conversion settings, outside the ACR customer-managed key knowledge."""),

dict(key="X11", style="agent", form="imperative", kind=OFF, category=OFF, subject="borgmatic",
question=r"""Explain how to make borgmatic dump our database before each archive run and skip the run when the dump fails.""",
truth="""Not covered: database hooks in borgmatic are configuration of that archiving tool, unrelated to customer-managed key encryption of a container registry."""),

dict(key="X12", style="agent", form="keywords", kind=OFF, category=OFF, subject="fider",
question=r"""fider feedback board merge two duplicate posts and keep the supporters of both""",
truth="""Not covered: merging duplicate posts in Fider is feedback-board moderation, not part of the ACR customer-managed key topic."""),
]

QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"familar": "familiar", "particulary": "particularly", "usefull": "useful"}
SHAPES = ["two_facts", "argocd_app_get", "servicenow_change", "renovate_pr", "conftest_output",
          "netcat_probe"]
SEED = 74
ID_PREFIX = "al"

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
SPREAD_SETS = (73, 72)
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
    """(blind74.json text, blind74-meta.json text, blind74-first-canonicals.txt text)"""
    entries, meta = build()
    j = json.dumps(entries, indent=1, ensure_ascii=False) + "\n"
    m = json.dumps(meta, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    f = "\n".join(firsts) + "\n"
    return j, m, f


def main(out=HERE):
    j, m, f = render()
    for name, text in (("blind74.json", j), ("blind74-meta.json", m), ("blind74-first-canonicals.txt", f)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
