"""blind63 builder: holds the 60 questions (QUESTIONS) and writes blind63.json, blind63-meta.json and
blind63-first-canonicals.txt. render() returns the three files' exact text (check63.py compares it byte for byte)."""
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
# ---- cli_help_text ----
dict(key="L1", style="long", kind="value", category="identity", quals=[], flags=["cli_help_text"],
question="""We are moving crrowan's encryption from id-rowan-old to a second user-assigned identity, id-rowan-2026. Before touching anything I printed the help on our build agent:

```text
Command
    az acr encryption rotate-key : Rotate (update) the key or the identity a registry uses for encryption.

Arguments
    --name -n            [Required] : Name of the container registry.
    --identity                      : Identity used to reach the key. A client ID, the name or
                                      resource ID of a user-assigned identity, or '[system]'.
    --key-encryption-key            : URI of the key, with or without a version.
    --resource-group -g             : Resource group. Looked up when left out.
```

id-rowan-2026 lives in rg-rowan-shared, while crrowan sits in rg-rowan. Which value should I hand to the identity option for it? And will rotate-key attach the new identity to crrowan by itself?""",
canonical=[I + "how-rotate-key-interprets-the---identity-value"],
related=[I + "switch-to-a-different-user-assigned-identity", K + "rotate-with-a-different-identity-or-the-system-assigned-identity", I + "which-identity-value-goes-where"],
facts=["Both a client ID and a resource ID work for `--identity`."],
answer_facts=["a bare name is looked up", "does not attach the identity"],
truth="""Give --identity the client ID of id-rowan-2026 or its full resource ID. A GUID is stored as the client ID as it is, and anything else is resolved as a user-assigned identity, but a bare name is only searched in the registry's own resource group (rg-rowan), so the name alone would not find an identity that lives in rg-rowan-shared. rotate-key does not attach the identity: first run az acr identity assign --name crrowan --identities <resource ID of id-rowan-2026>, give its principal ID access to the key, then run az acr encryption rotate-key --name crrowan --key-encryption-key <current key URI> --identity <client ID>, and detach id-rowan-old only after az acr encryption show reports the new client ID."""),

dict(key="L2", style="long", kind="troubleshoot", category="identity", quals=["hsm", "oct2026"], flags=["cli_help_text"],
question="""Our key runbook was written for hsm-hazel, and I reused its grant line for the new vault kv-hazel, only swapping the command name. The CLI now stops before sending anything, complaining that MSI is not one of the allowed principal types. Here is the help on that agent, shortened:

```text
Command
    az role assignment create : Create a role assignment.

Arguments
    --role                      [Required] : Role name or id.
    --scope                     [Required] : Where the assignment applies.
    --assignee                             : User, group or service principal, looked up by name.
    --assignee-object-id                   : Object ID of the assignee, no directory lookup.
    --assignee-principal-type              : Kind of assignee.  Allowed values: ForeignGroup
                                             Group ServicePrincipal User.
```

The identity is id-hazel-acr, a user-assigned managed identity. What principal type belongs on this line? And why did MSI work in the HSM runbook?""",
canonical=[T + "role-assignment-rejects-the-principal-type-or-the-assignee"],
related=[A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities", A + "grant-access-with-an-azure-rbac-role", M + "local-rbac-roles-for-acr-encryption"],
facts=["A managed identity counts as `ServicePrincipal` there."],
answer_facts=["a managed identity is a serviceprincipal there", "msi belongs to another command"],
truth="""ServicePrincipal: for Azure RBAC a user-assigned identity like id-hazel-acr is a service principal, and the vault grant only offers the four listed kinds. Keep the object ID form, --assignee-object-id <principal ID of id-hazel-acr> --assignee-principal-type ServicePrincipal, with the vault's resource ID as --scope. The HSM runbook used a different command, az keyvault role assignment create --hsm-name, which manages a Managed HSM's local roles and whose principal-type list does include MSI; the two lists are not interchangeable."""),

dict(key="L3", style="long", kind="howto", category="keys", quals=[], flags=["cli_help_text"],
question="""Our provisioning pipeline creates one vault per product team and then hands the registry identity its three key permissions with an access policy. Since the build agents moved to a newer Azure CLI image, that grant step fails on every new vault, while vaults made last year still take it. I compared the help of an old and a new agent; the new one shows:

```text
Command
    az keyvault create : Create a Vault or HSM.

Arguments
    --name -n                          : Name of the Vault.
    --resource-group -g     [Required] : Name of resource group.
    --enable-rbac-authorization        : Authorize data-plane calls with Azure RBAC rather than with
                                         access policies.  Allowed values: false, true.
                                         Default: true.
    --enable-purge-protection          : Block purging of deleted vaults and objects.
```

On the old agent the same flag shows no default at all. What should the pipeline change so that new team vaults keep working with the registry identities?""",
canonical=[A + "azure-cli-262-and-later-create-rbac-vaults-by-default"],
related=[A + "which-permission-model-does-my-key-vault-use", A + "grant-access-with-an-azure-rbac-role", T + "set-policy-fails-on-an-rbac-key-vault", S + "azure-cli-version-notes-for-cmk-commands"],
facts=["Choose the model explicitly when creating the vault:"],
answer_facts=["up to 2.61.0 the default was false", "choose the model explicitly"],
truth="""Pick the permission model explicitly instead of inheriting the CLI default, which turned to Azure RBAC in azure-cli 2.62.0 (up to 2.61.0 it was access policies). Either keep the policy step and create each vault with --enable-rbac-authorization false, or keep RBAC vaults and replace the policy step with az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal --role "Key Vault Crypto Service Encryption User" --scope <vault resource ID>. On an RBAC vault the policy command refuses to run, and the pipeline's own principal then also needs a data-plane role such as Key Vault Crypto Officer to create the keys."""),

dict(key="L4", style="long", kind="no", category="setup", quals=[], flags=["cli_help_text"],
question="""I'd like crlinden to reach its key with its own identity right from the first deployment, so that no separate user-assigned identity needs looking after. The help of our CLI lists these arguments:

```text
Command
    az acr create : Create an Azure Container Registry.

Arguments
    --name -n             [Required] : Registry name. Lowercase letters and digits.
    --resource-group -g   [Required] : Resource group of the registry.
    --sku                 [Required] : Tier.  Allowed values: Basic, Premium, Standard.

Customer managed key Arguments
    --identity                       : Identity used for the key (name or resource ID).
    --key-encryption-key             : Key URI in Key Vault or Managed HSM.
```

Since the identity option takes a name, I planned `az acr create -g rg-linden -n crlinden --sku Premium --key-encryption-key https://kv-linden.vault.azure.net/keys/kek-linden --identity '[system]'` for the first deployment. Will the CLI take the system alias there?""",
canonical=[S + "rules-that-az-acr-create-enforces-for-cmk"],
related=[I + "a-user-assigned-identity-is-required-when-the-registry-is-created", T + "system-assigned-identity-rejected-at-registry-creation", I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
facts=["`az acr create` does **not** accept `--identity '[system]'`."],
answer_facts=["is not accepted by az acr create", "stores the identity's client id"],
truth="""No: az acr create does not accept '[system]' for --identity. At creation only a user-assigned identity works, given by resource ID or by its name in the registry's resource group, because crlinden's own identity does not exist yet and so cannot have been granted anything on kek-linden. Create crlinden with a user-assigned identity (the CLI stores that identity's client ID), then switch on the system-assigned identity with az acr identity assign --identities '[system]', grant its principal ID access to the key, run az acr encryption rotate-key --identity '[system]', and retire the user-assigned identity only after that."""),

dict(key="L5", style="long", kind="yes", category="hsm", quals=["hsm", "oct2026"], flags=["cli_help_text"],
question="""Our security architect says customer-managed keys for ACR are a Key Vault feature only and that a key in our Managed HSM would be unsupported. On our newest build agent the help reads differently from what he remembers:

```text
Command
    az acr create : Create an Azure Container Registry.

Arguments
    --name -n             [Required] : Registry name.
    --sku                 [Required] : Tier.  Allowed values: Basic, Premium, Standard.

Customer managed key Arguments
    --identity                       : User-assigned identity, by name or resource ID.
    --key-encryption-key             : Azure Key Vault or Managed HSM key URI. Leave out the
                                       version for automatic rotation.
```

An agent image from 2024 still describes the same option as a vault key only. Does the service itself accept a key from a Managed HSM for crcatalpa, or is the newer help just ahead of the documentation?""",
canonical=[O + "managed-hsm-keys"],
related=[M + "managed-hsm-is-a-supported-key-store-for-acr-cmk", S + "azure-cli-version-notes-for-cmk-commands", M + "requirements-for-a-managed-hsm-key-store"],
facts=["Managed HSM is not available in every Azure cloud and region."],
answer_facts=["can be the registry's customer-managed key", "revision of the acr cmk tutorials"],
truth="""Yes: since the October 2026 revision of the four ACR customer-managed key tutorials, Managed HSM is a documented key store next to Key Vault vaults, and the newer --key-encryption-key help simply follows that; the CLI hands a managedhsm.azure.net URI through unchanged on create and rotate-key. For crcatalpa the HSM has to be provisioned and activated, the key has to be RSA-HSM with wrapKey and unwrapKey allowed, the identity needs the local role Managed HSM Crypto Service Encryption User (ideally on /keys/<key>), which you assign yourself, and Managed HSM must be offered in the registry's cloud and region. The newer ACR security articles that still speak of Key Vault only were written before that revision."""),
# ---- acr_task_log ----
dict(key="L6", style="long", kind="why", category="limits", quals=[], flags=["acr_task_log"],
question="""Yesterday afternoon I started a build on crcedar and kept the terminal open. The end of the output:

```text
2026/12/01 14:02:11 Downloading source code...
2026/12/01 14:02:13 Finished downloading source code
2026/12/01 14:02:14 Setting up Docker configuration...
2026/12/01 14:02:16 Executing step ID: build. Timeout(sec): 28800, Working directory: '', Network: ''
2026/12/01 14:04:52 Successfully pushed image: crcedar.azurecr.io/billing/api:4.18.0
2026/12/01 14:04:53 Step ID: build marked as successful (elapsed time in seconds: 156.402)
Run ID: cf41 was successful after 2m45s
```

This morning the auditor asked for exactly that log, and `az acr task logs --registry crcedar --run-id cf41` returns nothing, although the same command still works for last week's runs on crspruce, our other registry, which has no customer-managed key. Why has the log of that run already disappeared?""",
canonical=[L + "acr-tasks-run-logs-are-kept-for-only-24-hours"],
related=[L + "export-task-run-logs-before-they-expire", T + "task-run-logs-disappear-after-24-hours", L + "feature-compatibility-summary"],
facts=["Logs that have already aged out cannot be retrieved"],
answer_facts=["retained for 24 hours only", "copy them out while they exist"],
truth="""Because crcedar is encrypted with a customer-managed key, and on such registries ACR Tasks keeps run logs for a single day; the log of run cf41 aged out overnight, while crspruce, without a CMK, keeps its logs far longer. It is a documented limitation rather than a fault: a log that has aged out cannot be fetched again and no setting extends the retention. Give the auditor the copy from your terminal, and from now on save each run's output with az acr task logs --registry crcedar --run-id <id> to a file or storage account on the day of the run."""),

dict(key="L7", style="long", kind="howto", category="limits", quals=[], flags=["acr_task_log"],
question="""Our release pipeline starts `az acr build` against crbirch and prints the streamed run at the end of the job, for example:

```text
Queued a run with ID: dd7
Waiting for an agent...
2026/11/28 09:15:02 Downloading source code...
2026/11/28 09:15:05 Finished downloading source code
2026/11/28 09:15:06 Executing step ID: build. Timeout(sec): 28800, Working directory: '', Network: ''
2026/11/28 09:17:40 Step ID: build marked as successful (elapsed time in seconds: 154.118)
Run ID: dd7 was successful after 2m41s
```

Compliance now wants every run log of crbirch kept for a year, and we found out the hard way that the registry drops them after a day because of its customer-managed key. How should the pipeline hold on to them?""",
canonical=[L + "export-task-run-logs-before-they-expire"],
related=[L + "acr-tasks-run-logs-are-kept-for-only-24-hours", T + "task-run-logs-disappear-after-24-hours"],
facts=["Automate this (for example at the end of each pipeline that triggers a task) so no log is lost after a day."],
answer_facts=["no log is lost after a day", "write it to a file"],
truth="""Let the same pipeline fetch and store each run's log while it still exists: right after the build, run az acr task logs --registry crbirch --run-id dd7 (the ID the job just printed; az acr task list-runs --registry crbirch lists recent ones), write the output to a file and upload it to the storage account or log platform that keeps data for a year. Doing this at the end of every job that starts a run means no log is lost after the 24 hours a CMK registry keeps it; there is no registry setting that keeps logs longer."""),

dict(key="L8", style="long", kind="troubleshoot", category="recovery", quals=[], flags=["acr_task_log", "two_facts"],
question="""Since about ten this morning every scheduled task on crfir fails at its push step. The log of the nightly base-image refresh, rerun by hand:

```text
2026/12/02 10:20:01 Downloading source code...
2026/12/02 10:20:03 Finished downloading source code
2026/12/02 10:20:04 Executing step ID: refresh. Timeout(sec): 3600, Working directory: '', Network: ''
2026/12/02 10:21:37 Pushing image: crfir.azurecr.io/base/runtime:2026.12.02, attempt 1
2026/12/02 10:21:39 failed to push crfir.azurecr.io/base/runtime: registry content is not accessible
Run ID: ce19 failed after 1m41s. Error: failed during run, err: exit status 1
```

Pulls from crfir fail as well. The platform team ran a clean-up script earlier that removed unused keys from kv-fir, and kek-fir, the key crfir was created with, no longer shows up in the key list; the vault has no purge protection. What exactly did that deletion take away from the registry? And how do we get crfir working again?""",
canonical=[V + "revoke-by-deleting-the-key", V + "recover-a-deleted-key"],
related=[T + "key-vault-or-key-was-deleted", V + "how-purge-protection-protects-the-registry", V + "what-revocation-does-to-the-registry"],
facts=["Do **not** purge the deleted vault, HSM or key"],
answer_facts=["the whole key, with all its versions", "the key is back, registry operations resume"],
truth="""The clean-up revoked crfir's key: deleting kek-fir removed the whole key with every version at once, so the registry can no longer unwrap its data, which is why run ce19's push and all pulls fail. Soft delete is always on, so the key waits in the deleted state for the vault's retention period: find it with az keyvault key list-deleted --vault-name kv-fir and restore it with az keyvault key recover --vault-name kv-fir --name kek-fir; the identity's grant is untouched, and crfir works again as soon as the key is back. Do not purge it (without purge protection anyone with purge rights still could, and crfir's content would then be gone for good), take kek-fir out of the script's reach, and switch purge protection on for kv-fir."""),

dict(key="L9", style="long", kind="troubleshoot", category="troubleshooting", quals=[], flags=["acr_task_log"],
question="""A weekly ACR task that republishes our approved base images into crhornbeam failed overnight, and nobody admits to having changed anything:

```text
2026/12/03 02:00:04 Downloading source code...
2026/12/03 02:00:06 Finished downloading source code
2026/12/03 02:00:07 Executing step ID: republish. Timeout(sec): 3600, Working directory: '', Network: ''
2026/12/03 02:03:12 error writing manifest for crhornbeam.azurecr.io/approved/jdk:21: 403 Forbidden
Run ID: cg3 failed after 3m9s. Error: failed during run, err: exit status 1
```

crhornbeam has a customer-managed key in kv-hornbeam, reached through id-hornbeam-acr, and pulls now return 403 too. Before opening a ticket I want to narrow it down myself without changing anything. Which read-only checks should I run, and in what order?""",
canonical=[T + "general-diagnostic-checklist"],
related=[T + "registry-access-lost-after-key-permissions-were-revoked", T + "http-403-after-enabling-the-key-vault-firewall", T + "registry-identity-is-inactive-or-expired"],
facts=["Run steps 4 to 6 for a key vault"],
answer_facts=["run these read-only commands in order", "whether the key is enabled and unexpired"],
truth="""Follow the chain the registry depends on, read-only and in this order: az acr encryption show --name crhornbeam (status, configured key, version in use, the identity's client ID); az acr identity show (is id-hornbeam-acr still attached); az acr check-health --name crhornbeam --ignore-errors --yes (CMK_ERROR points at the identity); az keyvault show for kv-hornbeam (permission model, network rules, soft delete, purge protection); the identity's role assignments or access policy on the vault; and az keyvault key show for the key's attributes, i.e. whether the key is enabled and unexpired. The first broken link (identity gone or inactive, access removed, firewall without the trusted-services bypass, key deleted, disabled or expired) is what turns run cg3 and the pulls into 403s."""),

dict(key="L10", style="long", kind="troubleshoot", category="network", quals=["hsm", "oct2026"], flags=["acr_task_log"],
question="""crlarch keeps its key in hsm-larch. Last Thursday the network team switched on that HSM's firewall with default action Deny, and since then our mirror task fails every night:

```text
2026/12/04 01:30:02 Executing step ID: import-mirror. Timeout(sec): 3600, Working directory: '', Network: ''
2026/12/04 01:30:03 Importing mcr.microsoft.com/dotnet/runtime:8.0 into crlarch.azurecr.io/mirror/dotnet-runtime:8.0
2026/12/04 01:31:10 import failed: key operation rejected with 403 (network rule)
2026/12/04 01:31:10 Step ID: import-mirror marked as failed (elapsed time in seconds: 68.005)
Run ID: ch12 failed after 1m9s. Error: failed during run, err: exit status 1
```

The network team wants to know which address range they should allow on hsm-larch for the registry. Is an IP rule what the Managed HSM needs here, and what do I run afterwards so that crlarch can use its key again?""",
canonical=[M + "managed-hsm-firewall-and-trusted-services"],
related=[N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry", N + "managed-hsm-firewall-and-trusted-services", T + "http-403-after-enabling-the-key-vault-firewall"],
facts=["If the 403 persists, open an Azure support case."],
answer_facts=["can break image import and automatic rotation", "open the network path, then re-apply"],
truth="""An IP rule is not what the registry needs: ACR reaches hsm-larch as a trusted Azure service, so allow trusted services on the Managed HSM and keep Deny for everything else (az keyvault update-hsm --hsm-name hsm-larch --resource-group <rg> --bypass AzureServices --default-action Deny); address rules are only for your own clients, such as pipelines that create key versions or the portal key picker. Then re-apply crlarch's current key and identity: read keyIdentifier and identity from az acr encryption show and pass them to az acr encryption rotate-key (--identity '[system]' if it reads system). Rerun the task; if run ch12's 403 comes back after that, open an Azure support case."""),
# ---- gherkin_feature ----
dict(key="L11", style="long", kind="no", category="recovery", quals=["iac"], flags=["gherkin_feature"],
question="""Our terraform-compliance suite contains this feature, which a colleague wrote from an old blog post about registry encryption:

```gherkin
Feature: Key vaults behind registry encryption
  Scenario: Purge protection is switched on
    Given I have azurerm_key_vault defined
    When its name contains "cmk"
    Then it must contain "purge_protection_enabled"
    And its value must be "true"

  Scenario: Deleted keys stay around long enough
    Given I have azurerm_key_vault defined
    When its name contains "cmk"
    Then it must contain "soft_delete_retention_days"
```

The post claimed a CMK registry cannot even be created without purge protection. The team that owns kv-cmk-payroll refuses to turn it on, because it can never be undone. Do the current ACR docs really make purge protection a requirement for the registry?""",
canonical=[O + "soft-delete-and-purge-protection-on-the-key-vault"],
related=[V + "how-purge-protection-protects-the-registry", O + "soft-delete-and-purge-protection-behaviour-in-key-vault", S + "step-3-create-the-key-vault-with-purge-protection"],
facts=["Enabling purge protection is a one-way change."],
answer_facts=["recommended, not required", "retired 2020 preview version"],
truth="""No: the current ACR articles recommend purge protection without requiring it; the "must" wording comes from the retired 2020 preview page, which the blog post most likely repeated, so a registry can be created on kv-cmk-payroll without it. Soft delete is always on anyway (7 to 90 days, 90 by default). The purge_protection_enabled scenario therefore checks a recommendation, not an ACR rule: keep it as your own policy if you want the protection, since it is what stops a deleted key or vault from being purged early and the registry's data from being lost, but do not present it as something the service demands."""),

dict(key="L12", style="long", kind="troubleshoot", category="keys", quals=["iac"], flags=["gherkin_feature"],
question="""We added a scenario to our compliance spec saying that every registry key must live in hardware:

```gherkin
Feature: Registry encryption keys
  Scenario: Keys are HSM-protected and large enough
    Given I have azurerm_key_vault_key defined
    When its name contains "kek"
    Then it must contain "key_type"
    And its value must be "RSA-HSM"
    And it must contain "key_size"
    And its value must be "4096"
```

To satisfy it we changed key_type in the Terraform for cralder, and now terraform apply fails while creating kek-alder in kv-alder, which was created with the default sku_name a year ago. Is the spec asking for something this vault cannot do, and what are our options for cralder?""",
canonical=[T + "rsa-hsm-key-creation-fails-in-a-standard-vault"],
related=[O + "rsa-hsm-keys-need-a-premium-key-vault", O + "which-key-types-and-sizes-are-supported", O + "key-sizes-offered-by-key-vault"],
facts=["Key Vault's RSA keys (software and HSM-protected) come in 2048, 3072 and 4096 bits."],
answer_facts=["available only on the premium vault tier", "a managed hsm has no such tier"],
truth="""The spec asks for more than kv-alder can give: HSM-protected keys can only be created in a Premium-tier Key Vault, and a vault with the default standard sku_name holds software-protected RSA keys only; the 4096 size itself is fine, since Key Vault offers 2048, 3072 and 4096. Either accept plain "RSA" in the scenario for standard vaults, or create a Premium vault (sku_name "premium"), create kek-alder there as RSA-HSM, give cralder's identity access on that vault and point the registry at the new key (rotate-key for a registry that already exists). A Managed HSM would meet the hardware rule as well, because every key in it is HSM-backed."""),

dict(key="L13", style="long", kind="howto", category="network", quals=["iac"], flags=["gherkin_feature", "two_facts"],
question="""Our network spec for key vaults passes for kv-locust:

```gherkin
Feature: Locked-down key vaults
  Scenario: Only trusted services and the build subnet get through
    Given I have azurerm_key_vault defined
    Then it must contain "network_acls"
    And its "bypass" must be "AzureServices"
    And its "default_action" must be "Deny"
    And its "virtual_network_subnet_ids" must not be empty
```

The Terraform for crlocust applied the vault without complaint, yet the registry itself failed to create with Failed to access KeyId. Our architect insists the bypass should be enough. What else has to be in place, beyond what the spec checks, for the registry to get at its key?""",
canonical=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", T + "registry-creation-cannot-access-the-key"],
related=[N + "allow-trusted-services-and-deny-other-traffic", A + "grant-access-with-an-azure-rbac-role", N + "create-the-key-before-the-registry-when-the-vault-is-locked-down"],
facts=["New role assignments can take a few minutes to take effect."],
answer_facts=["the bypass only opens the network path", "at the moment it is created"],
truth="""The identity's own access to the key. "AzureServices" lets Container Registry through, since it is on Key Vault's list of trusted services, but the bypass only opens the network path; crlocust's user-assigned identity must already be able to use the key at the moment the registry is created. Check kv-locust's permission model and give the identity's principal ID the Key Vault Crypto Service Encryption User role on the vault (RBAC) or get, wrapKey and unwrapKey in an access policy, make the registry resource depend on that grant, create the key before the vault is locked down, and allow a few minutes after a new grant before applying again. Then add the grant to the spec as a scenario of its own."""),

dict(key="L14", style="long", kind="troubleshoot", category="recovery", quals=[], flags=["gherkin_feature"],
question="""We rehearse revocation every quarter with a small godog suite. This quarter one scenario failed:

```gherkin
Feature: CMK revocation drill
  Scenario: Removing the key grant blocks the registry
    Given the registry "crwalnut" encrypts with "kek-walnut" from "kv-walnut"
    When the "Key Vault Crypto Service Encryption User" assignment of "id-walnut-acr" on "kv-walnut" is deleted
    Then pulling "crwalnut.azurecr.io/drill/hello:1" fails within "15" minutes
```

The When step succeeded, and az role assignment list on kv-walnut no longer shows that role for the identity, yet the pull still works an hour later. Last year the same drill passed. What keeps crwalnut's access alive, and what must the drill remove to get a real revocation?""",
canonical=[V + "revoke-by-deleting-the-rbac-role-assignment"],
related=[V + "what-revocation-does-to-the-registry", T + "registry-access-lost-after-key-permissions-were-revoked", A + "why-key-vault-crypto-user-is-not-needed"],
facts=["There is no partial revocation per repository."],
answer_facts=["those keep access working", "removes every assignment that matches its filters"],
truth="""Another grant that includes wrap and unwrap: most likely id-walnut-acr also holds a role such as Key Vault Crypto User on kv-walnut, or an assignment inherited from the resource group or subscription, and that keeps access working after the "Key Vault Crypto Service Encryption User" assignment is gone. List the identity's assignments with --include-inherited (and look for an old access policy if the vault ever used that model), remove every one that lets it wrap and unwrap, and then expect all of crwalnut's data to be blocked, not just the drill image. The Then step is right as written; restore the grant afterwards and the registry picks the key up again on its own."""),

dict(key="L15", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["gherkin_feature"],
question="""Same drill for the registry whose key sits in our Managed HSM:

```gherkin
Feature: CMK revocation drill, HSM key
  Scenario: Removing the local role blocks the registry
    Given the registry "crolive" encrypts with "kek-olive" from "hsm-olive"
    When the "Managed HSM Crypto Service Encryption User" role of "id-olive-acr" at scope "/keys/kek-olive" is deleted
    Then pulling "crolive.azurecr.io/drill/hello:1" fails within "15" minutes
```

The delete runs without an error, but pulls keep working. When the HSM was set up, an admin first gave the identity the role at /keys "to be safe" and only later added the assignment on the key. Why doesn't deleting the key-scoped role revoke anything, and what should the drill delete to really cut crolive off from its HSM key?""",
canonical=[T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
related=[V + "revoke-access-to-a-key-in-a-managed-hsm", M + "revoke-access-to-a-managed-hsm-key", M + "local-rbac-roles-for-acr-encryption"],
facts=["Any other local role that includes wrap and unwrap (for example Managed HSM Crypto User) keeps access working too."],
answer_facts=["keeps granting access after the key-scoped one", "delete the role at every scope"],
truth="""Because Managed HSM local roles are removed per scope: a delete at "/keys/kek-olive" only takes away the assignment made at exactly that scope, and the one the admin created at /keys (every key in hsm-olive) still gives id-olive-acr the Managed HSM Crypto Service Encryption User role. List the identity's assignments without a scope filter (az keyvault role assignment list --hsm-name hsm-olive --assignee-object-id <principal ID>), delete the role at every scope where it shows up, here also --scope /keys, and make sure no other local role with wrap and unwrap is left. Only then is all of crolive's data blocked; re-creating the key-scoped assignment afterwards brings the registry back."""),
# ---- dir_tree ----
dict(key="L16", style="long", kind="howto", category="iac", quals=["iac"], flags=["dir_tree"],
question="""Our Bicep repo for the new registry crcypress looks like this:

```text
infra/
├── main.bicep
├── modules/
│   ├── identity.bicep
│   ├── keyvault.bicep
│   └── registry.bicep
└── parameters/
    └── prod.bicepparam
```

identity.bicep creates id-cypress-acr and outputs its principalId, clientId and id; keyvault.bicep creates kv-cypress (RBAC model) and kek-cypress; registry.bicep creates crcypress with its encryption settings. The first deployment failed on the registry, while a rerun ten minutes later went through. Where should the identity's role assignment live, and how do we make sure it exists before crcypress is created?""",
canonical=[C + "bicep-registry-with-a-customer-managed-key"],
related=[C + "common-terraform-and-bicep-errors-with-acr-encryption", A + "grant-access-with-an-azure-rbac-role", S + "set-up-cmk-with-an-arm-template"],
facts=["New role assignments can take a few minutes to take effect."],
answer_facts=["the explicit dependson is what makes", "e147488a-f6f5-4113-8e2d-b22465e65bf6"],
truth="""Declare a Microsoft.Authorization/roleAssignments resource scoped to kv-cypress in keyvault.bicep (or in a small module next to it): role definition e147488a-f6f5-4113-8e2d-b22465e65bf6 (Key Vault Crypto Service Encryption User), principalId from the principalId output of identity.bicep, principalType ServicePrincipal, and a name built with guid() from vault, identity and role. In main.bicep pass the identity's id and clientId to registry.bicep and give the registry module an explicit dependsOn on the module that holds the assignment: nothing in registry.bicep references the grant, so without that dependsOn both can be deployed in parallel, which is what the failed first run and the successful rerun suggest. A brand-new assignment can also need a few minutes before it works."""),

dict(key="L17", style="long", kind="value", category="iac", quals=["hsm", "iac", "oct2026"], flags=["dir_tree"],
question="""The Terraform root for crteak is being switched over so that its key comes from hsm-teak. The layout:

```text
stacks/crteak/
├── versions.tf
├── hsm_key.tf
├── hsm_role.tf
├── registry.tf
└── terraform.tfvars
```

versions.tf pins hashicorp/azurerm to "~> 4.40". hsm_key.tf declares the HSM key resource, named teak, and registry.tf points key_vault_key_id at the versionless_id attribute of that resource, copied from our vault-key stacks; terraform validate complains about it. Which of the HSM key's attributes holds the versionless key URI, and will our provider pin accept a managedhsm URI at all?""",
canonical=[C + "managed-hsm-key-in-terraform"],
related=[C + "common-terraform-and-bicep-errors-with-acr-encryption", C + "azurerm-4x-removed-encryptionenabled-other-version-changes", M + "managed-hsm-key-uris"],
facts=["`key_vault_key_id` accepts Managed HSM key URIs"],
answer_facts=["id is the versionless uri", "use azurerm 4.65.0 or later"],
truth="""Use the HSM key's id: for the Managed HSM key resource it is the other way round than for a vault key, id is already the versionless key URI, versioned_id the pinned one, and there is no versionless_id, which is why validate rejects registry.tf. And "~> 4.40" can resolve to a release older than 4.65.0, and those reject any managedhsm URI in key_vault_key_id; raise the constraint in versions.tf to at least 4.65.0. In hsm_role.tf give the identity Managed HSM Crypto Service Encryption User with the HSM role-assignment resource at scope /keys/<key name> (not azurerm_role_assignment), and add it to the registry's depends_on."""),

dict(key="L18", style="long", kind="howto", category="setup", quals=["iac", "oct2026"], flags=["dir_tree"],
question="""The repo for crmahogany's ARM deployment:

```text
deploy/
├── azuredeploy.json
├── azuredeploy.parameters.json
└── deploy.sh
```

azuredeploy.json is the template that makes the identity, gives it key permissions on our existing access-policy vault kv-mahogany through a policy resource, and builds the registry. deploy.sh was copied from an older revision of the tutorial and passes `key_id=$KEK` on the command line, and the parameters file holds only registry_name and identity_name. The deployment stops at validation, complaining that a parameter has no value. What does the deployment call need so that the template gets everything it expects?""",
canonical=[S + "deploy-the-template"],
related=[S + "example-template-for-an-existing-access-policy-vault", S + "the-enable-tutorials-own-template", S + "set-up-cmk-with-an-arm-template"],
facts=["It still declares the identity resource, so the registry can depend on it"],
answer_facts=["the key parameter is kek_id", "passed key_id= by mistake"],
truth="""Pass every parameter this template declares: registry_name, identity_name, vault_name and kek_id. In deploy.sh replace key_id=$KEK with kek_id=$KEK and add vault_name=kv-mahogany (or put both into azuredeploy.parameters.json), for example az deployment group create --resource-group <rg> --template-file azuredeploy.json --parameters @azuredeploy.parameters.json vault_name=kv-mahogany kek_id=$KEK. key_id was a slip of older tutorial revisions, corrected in the October 2026 revision; the tutorial's own CMKtemplate.json has no vault_name at all, but this template grants the access policy itself and needs it. Put the versionless key URI into $KEK if crmahogany should follow new key versions."""),

dict(key="L19", style="long", kind="howto", category="rotation", quals=[], flags=["dir_tree"],
question="""Our key-ops repo for crbaobab:

```text
key-ops/
├── README.md
├── policies/
│   ├── kek-baobab.rotation.json
│   └── kek-baobab-test.rotation.json
└── scripts/
    ├── apply-policies.sh
    └── check-registry.sh
```

The test policy asks for a new version every 3 days so that we can watch the registry follow along during a test week, and apply-policies.sh feeds each file to the rotation-policy update command; for the test key the CLI refuses the policy. Production should rotate every 90 days and give each version a two-year expiry. What is the shortest interval we can use for the test key? And what else is needed so that production rotation runs end to end?""",
canonical=[K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy"],
related=[K + "automatic-rotation-with-a-versionless-key-id", L + "pricing-considerations", K + "how-new-key-versions-are-created"],
facts=["Key Vault charges for each automated rotation"],
answer_facts=["rotation interval is 7 days", "combined with a versionless key id"],
truth="""Seven days is the minimum a Key Vault rotation policy allows, so kek-baobab-test.rotation.json has to say P7D (ISO 8601) instead of three days. For production, kek-baobab.rotation.json needs a lifetimeActions entry with trigger timeAfterCreate P90D and action Rotate, plus expiryTime P2Y, applied by apply-policies.sh with az keyvault key rotation-policy update (the caller needs Key Vault Crypto Officer, or rotate, getrotationpolicy and setrotationpolicy on an access-policy vault). The policy only creates versions: crbaobab follows them by itself only if it was given the versionless key ID, within an hour of each new version, which check-registry.sh can confirm through versionedKeyIdentifier and keyRotationEnabled in az acr encryption show. Key Vault bills every automated rotation."""),

dict(key="L20", style="long", kind="troubleshoot", category="identity", quals=[], flags=["dir_tree"],
question="""I ran our identity runbook from the repo root to switch crsumac to its system-assigned identity. The repo:

```text
.
├── m
├── runbooks/
│   ├── 10-enable-system-identity.sh
│   └── 20-rotate-to-system.sh
└── scratch.txt
```

(`m` is a leftover from someone's half-finished shell redirect.) The first line of 10-enable-system-identity.sh is `az acr identity assign --name crsumac --resource-group rg-sumac --identities [system]`, and the CLI answered that it cannot find a user-assigned identity called m in rg-sumac. Where does that m come from? And how should the line be written?""",
canonical=[I + "quote-system-in-shell-commands"],
related=[T + "system-assigned-identity-rejected-at-registry-creation", I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
facts=["an unquoted `[system]` is a shell glob"],
answer_facts=["write it in single quotes", "would silently pass that file name instead"],
truth="""From bash: unquoted, [system] is a glob that matches any one-letter file named s, y, t, e or m, and the file m in the repo root matched, so the CLI was asked to assign a user-assigned identity called m. Quote it as --identities '[system]' in 10-enable-system-identity.sh, and likewise --identity '[system]' in 20-rotate-to-system.sh, delete the stray m file and run the runbook again; az acr identity show should then list a principalId for the system identity, which you grant key access before rotating to it."""),
# ---- precommit_hooks (long) ----
dict(key="L21", style="long", kind="howto", category="rotation", quals=["iac"], flags=["precommit_hooks"],
question="""We added a local pre-commit hook that rejects pinned key versions in our Terraform variables. On the branch for crwillow it fails:

```text
terraform_fmt............................................................Passed
terraform_validate.......................................................Passed
acr cmk key is versionless...............................................Failed
- hook id: acr-kek-versionless
- exit code: 1

envs/prod/crwillow.tfvars:7: kek_uri ends in a key version (.../keys/kek-willow/6c0e9d2a41b84f7fa3d95e21c07b8a44)
```

crwillow has been running for a year with that pinned URI, and whoever is on duty rotates it by hand every quarter. If we follow the hook and drop the version, what happens to the running registry? Is there anything to do besides changing the value?""",
canonical=[K + "switch-from-manual-to-automatic-rotation"],
related=[K + "versioned-and-versionless-key-ids", C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["Changing `key_vault_key_id` or `identity_client_id` on a registry that already has CMK is fine"],
answer_facts=["detects new versions by itself", "the reverse also works"],
truth="""Nothing breaks: changing the key URI of a registry that already has CMK is an in-place update, the Terraform form of az acr encryption rotate-key, and moving crwillow to the versionless https://<vault>.vault.azure.net/keys/kek-willow switches it to automatic rotation, after which it picks up each new version of kek-willow by itself within an hour. So follow the acr-kek-versionless hook, leave the identity as it is, and check afterwards that az acr encryption show reports keyRotationEnabled true. The quarterly manual rotation is then replaced by creating new versions (by hand, with az keyvault key rotate or through a rotation policy); should you want to pin again later, rotate back to a versioned ID."""),
# ---- no shape ----
dict(key="L22", style="long", kind="troubleshoot", category="troubleshooting", quals=["hsm", "oct2026"], flags=["two_facts"],
question="""Creating crquince against our Managed HSM fails, and so does every retry. The script:

```bash
HSM_URI="https://hsm-quince.managedhsm.azure.net/"
az acr create -n crquince -g rg-quince --sku Premium \\
  --identity id-quince-acr \\
  --key-encryption-key "${HSM_URI}secrets/kek-quince"
```

A colleague wrote it from memory. kek-quince is of type RSA-HSM with wrap and unwrap enabled, id-quince-acr holds the right local role at /keys/kek-quince, and the CLI raises nothing until the service turns the request down. What is wrong with the Managed HSM URI we hand over, and how should the script build the key URI instead?""",
canonical=[T + "managed-hsm-uri-is-not-a-key-uri", O + "the-key-encryption-key-kek-and-its-identifier"],
related=[M + "managed-hsm-key-uris", S + "step-7-create-the-premium-registry-with-the-customer-managed-key"],
facts=["The URIs of secrets, certificates or any other object path in the HSM are not accepted"],
answer_facts=["without checking host or path", "the dns suffix differs between azure clouds"],
truth="""It points at a secret path: the script builds https://hsm-quince.managedhsm.azure.net/secrets/kek-quince, while ACR only accepts the HTTPS URI of a key, https://<hsm>.<Managed HSM DNS suffix>/keys/<key>[/<version>]. The Azure CLI hands the value on without looking at host or path, so only the service refuses it. Read the key ID from the HSM instead of assembling it: KEY_ID=$(az keyvault key show --hsm-name hsm-quince --name kek-quince --query key.kid -o tsv), then pass "${KEY_ID%/*}" (versionless, automatic rotation) or "$KEY_ID" (pinned) to --key-encryption-key. Taking the host from the HSM also gets the DNS suffix right, which is not the same in every Azure cloud."""),

dict(key="L23", style="long", kind="undocumented", category="network", quals=[], flags=[],
question="""Design review for crpine. The registry gets the Premium tier and its key lives in kv-pine, and we also want the registry itself closed to the internet:

```text
crpine   : public network access Disabled; private endpoint pe-crpine in snet-apps
kv-pine  : default action Deny; bypass AzureServices; private endpoint pe-kv-pine
id-pine  : granted the service encryption role on kv-pine (RBAC)
```

The vault side follows the enable tutorial. The reviewer wants a link showing that Microsoft supports a CMK registry that itself sits behind private endpoints with public access switched off. Where do the ACR docs state that this combination is supported?""",
canonical=[N + "registry-private-endpoints-and-cmk-are-not-covered-by-the-docs"],
related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", L + "feature-compatibility-summary", N + "the-vault-firewall-covers-the-data-plane-only"],
facts=["Registry's own private endpoints | Not documented"],
answer_facts=["treat it as undocumented", "neither lists that combination as supported"],
truth="""Not documented: the ACR CMK articles only deal with the key store behind a firewall, virtual network or private endpoint. They list a CMK registry with its own private endpoint and public access disabled neither as supported nor as a limitation, so there is no such link to give the reviewer. Treat crpine's design as untested: try it in a test subscription and ask Microsoft support if a guarantee is needed. The kv-pine side stays as planned (trusted-services bypass plus id-pine's role), and those rules apply however clients reach the registry."""),

dict(key="L24", style="long", kind="undocumented", category="limits", quals=[], flags=[],
question="""crredwood is about to be created in one of our zone-capable regions, and our platform standard says every Premium registry gets zone redundancy. The draft create call:

```bash
az acr create --name crredwood --resource-group rg-redwood --sku Premium \\
  --zone-redundancy Enabled \\
  --identity "$REDWOOD_UAMI_ID" --key-encryption-key "$REDWOOD_KEK_URI"
```

The CLI accepted a similar call in a sandbox subscription. Since neither setting can be changed once the registry exists, I want to be sure before production: do the ACR docs confirm that zone redundancy and a customer-managed key work together?""",
canonical=[L + "zone-redundancy-with-cmk-is-not-documented"],
related=[L + "feature-compatibility-summary", O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
facts=["Zone redundancy | Not documented"],
answer_facts=["neither as supported nor as a limitation", "verify in a test subscription"],
truth="""Not documented: the CMK articles say nothing about zone redundancy, either way. The CLI takes --zone-redundancy Enabled together with --identity and --key-encryption-key (the flag is marked preview and fixed at creation), but that only shows the request is accepted, not that the combination is supported. Since both choices are permanent for crredwood, confirm it with Azure support, or in a test subscription that mirrors production, before creating the registry."""),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="troubleshoot", category="iac", quals=["iac"], flags=["precommit_hooks"],
question="terraform on azurerm 4: `terraform_validate........Failed`, \"enabled\" not expected in our acr encryption block",
canonical=[C + "azurerm-4x-removed-encryptionenabled-other-version-changes"], related=[C + "terraform-azurerm_container_registry-encryption-block", C + "common-terraform-and-bicep-errors-with-acr-encryption"],
facts=["The identity in `encryption` must also be listed in `identity_ids`."], answer_facts=["the block's presence enables cmk", "delete the line when upgrading"],
truth="""That terraform_validate failure is the 4.0 upgrade: azurerm 4.x dropped encryption.enabled, and the mere presence of the encryption block now switches CMK on, so delete the enabled line and keep key_vault_key_id and identity_client_id. Keep the block on every CMK registry; from 5.0 leaving it out plans a change that would mean disabling encryption."""),
dict(key="S2", style="short", kind="howto", category="keys", quals=[], flags=["precommit_hooks"],
question="hook `kv-access-grant......Failed`: set-policy refused on our new kv, what grant instead?",
canonical=[A + "which-permission-model-does-my-key-vault-use"], related=[T + "set-policy-fails-on-an-rbac-key-vault", A + "grant-access-with-an-azure-rbac-role", A + "azure-cli-262-and-later-create-rbac-vaults-by-default"],
facts=["Since Azure CLI 2.62.0, `az keyvault create` makes RBAC vaults"], answer_facts=["access policies on it are ignored", "use the role assignment"],
truth="""Look at enableRbacAuthorization with az keyvault show: true means the vault uses Azure RBAC, where access policies are ignored and set-policy refuses to run, so the kv-access-grant hook should assign Key Vault Crypto Service Encryption User to the identity's principal ID, scoped to the vault, with az role assignment create --assignee-principal-type ServicePrincipal. Only a vault in the access-policy model takes set-policy."""),
dict(key="S3", style="short", kind="why", category="setup", quals=[], flags=[],
question="why can't our existing premium acr just be switched to cmk?",
canonical=[O + "cmk-can-only-be-enabled-when-the-registry-is-created"], related=[O + "moving-an-existing-registry-to-cmk", T + "key-rotation-fails-on-a-registry-without-cmk", C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep"],
facts=["An existing registry cannot be converted to CMK in place"], answer_facts=["has to be chosen at creation time", "has no --identity or --key-encryption-key option"],
truth="""Because ACR treats the customer-managed key as a creation-time choice: az acr update has no --identity or --key-encryption-key, rotate-key only works on registries that already use CMK, and the portal switch exists only in the create flow. Create a new Premium registry with CMK and copy the images over with az acr import."""),
dict(key="S4", style="short", kind="undocumented", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="which regions support managed hsm as the key store for acr cmk?",
canonical=[L + "managed-hsm-is-not-available-everywhere"], related=[M + "limits-and-open-points-with-managed-hsm", M + "key-vault-and-managed-hsm-compared"],
facts=["Managed HSM is not available in every Azure cloud and region; confirm it for the registry's location first."], answer_facts=["not offered in every azure cloud", "a key vault vault remains the alternative"],
truth="""Not documented: the ACR material gives no list of regions. It only warns that some Azure clouds and regions lack Managed HSM and that availability should be confirmed for the registry's cloud and region before choosing it; a Key Vault vault stays the fallback, and outside the global cloud the HSM key URIs carry a different DNS suffix."""),
dict(key="S5", style="short", kind="yes", category="rotation", quals=[], flags=[], typo="temporarly",
question="can i temporarly point our acr at a key in another kv?",
canonical=[K + "move-to-a-different-key-or-to-a-key-in-another-vault"], related=[A + "access-to-a-key-in-a-second-key-vault", K + "manual-rotation-with-az-acr-encryption-rotate-key"],
facts=["Access is granted per vault."], answer_facts=["grant the identity access there first", "keep the old vault and key"],
truth="""Yes: give the registry's identity access on the other vault first (role or access policy, whichever model that vault uses), then run az acr encryption rotate-key with that key's URI; moving back later is just another rotate-key. Leave the old vault and key in place, with access, until az acr encryption show reports the new key."""),
dict(key="S6", style="short", kind="no", category="limits", quals=["hsm", "oct2026"], flags=[], typo="decomissioned",
question="hsm decomissioned but still soft-deleted: is it free until the purge?",
canonical=[L + "pricing-considerations"], related=[V + "recover-a-deleted-managed-hsm", M + "recover-a-deleted-managed-hsm-key-or-hsm"],
facts=["Purging removes it for good, and with it every key, so never purge an HSM whose key a registry still needs."], answer_facts=["a deleted hsm keeps costing money", "billed for as long as it exists"],
truth="""No: a Managed HSM is billed for as long as it exists, and the time it spends soft-deleted counts, so it costs money until it is recovered or purged. Purge it only once no registry needs any of its keys; a purge cannot be undone."""),
dict(key="S7", style="short", kind="troubleshoot", category="iac", quals=["iac"], flags=[], typo="dependancy",
question="terraform: first acr create fails with failed to access keyid, missing dependancy?",
canonical=[C + "common-terraform-and-bicep-errors-with-acr-encryption"], related=[C + "why-the-registry-needs-depends_on-on-the-role-assignment", C + "complete-terraform-example-with-key-vault-role-assignment-and-registry", T + "registry-creation-cannot-access-the-key"],
facts=["The registry must be able to use the key at the moment it is created."], answer_facts=["not yet effective, or vault firewall", "add depends_on, wait and re-apply"],
truth="""Likely, or one of its neighbours: Failed to access KeyId on create means the grant is missing, not yet effective, or blocked by the vault firewall. Give the registry a depends_on on the role assignment (or access policy), wait a few minutes and apply again, and check that trusted Azure services can pass the firewall."""),
dict(key="S8", style="short", kind="howto", category="setup", quals=[], flags=[],
question="order of steps for a new cmk acr with az cli",
canonical=[S + "set-up-a-cmk-encrypted-registry-with-the-azure-cli"], related=[S + "step-1-create-a-resource-group", S + "step-4-grant-the-identity-access-to-the-key-vault", S + "step-7-create-the-premium-registry-with-the-customer-managed-key"],
facts=["az group create --name \"$RESOURCE_GROUP\" --location \"$LOCATION\""], answer_facts=["has to exist before az acr create", "steps 3 to 5 are replaced"],
truth="""Everything the registry needs comes first: resource group, user-assigned identity (keep its resource ID and principal ID), a key vault with purge protection and a deliberate permission model, the identity's grant on it, an RSA key and its key ID (versionless for automatic rotation); then az acr create --sku Premium --identity <resource ID> --key-encryption-key <key URI>, and az acr encryption show to verify."""),
dict(key="S9", style="short", kind="howto", category="network", quals=[], flags=[],
question="kv firewall on: let acr reach the key but deny everything else",
canonical=[N + "allow-trusted-services-and-deny-other-traffic"], related=[N + "allow-your-own-clients-through-the-vault-firewall", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
facts=["These rules are for your clients."], answer_facts=["set the bypass to azureservices", "nothing to do with reaching the key"],
truth="""Set the vault's bypass to AzureServices and its default action to Deny (az keyvault update --name <vault> --resource-group <rg> --bypass AzureServices --default-action Deny) and confirm with az keyvault show --query properties.networkAcls. The registry's own --allow-trusted-services flag is unrelated; add IP or subnet rules only for your own clients."""),
dict(key="S10", style="short", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="what must the acr identity be granted on a managed hsm key?",
canonical=[A + "granting-the-registry-identity-access-to-the-key-vault"], related=[A + "grant-access-to-a-key-in-a-managed-hsm", M + "local-rbac-roles-for-acr-encryption", M + "requirements-for-a-managed-hsm-key-store"],
facts=["ACR and the portal never create this assignment."], answer_facts=["a third mechanism applies (local rbac)", "to wrap and unwrap with it"],
truth="""The local RBAC role Managed HSM Crypto Service Encryption User, assigned inside the HSM to the identity's principal ID, ideally at the key's own scope /keys/<key> (read, wrap and unwrap, nothing more). A Managed HSM has no access policies, and you create the assignment yourself with az keyvault role assignment create --hsm-name <hsm> --assignee-principal-type MSI."""),
dict(key="S11", style="short", kind="value", category="iac", quals=["iac"], flags=[],
question="bicep: newest stable api version with encryption.keyvaultproperties for acr?",
canonical=[C + "api-versions-that-support-registry-encryption"], related=[C + "arm-template-json-propertiesencryption-and-keyvaultproperties", C + "bicep-registry-with-a-customer-managed-key"],
facts=["`encryption` first appears in `2019-12-01-preview`"], answer_facts=["so prefer the newest stable version", "2025-11-01"],
truth="""2025-11-01 (also what azurerm 5.x deploys with). Encryption has existed since 2019-12-01-preview, and every later stable release listed, 2021-09-01, 2023-07-01, 2025-04-01 and 2025-11-01, carries an identical keyVaultProperties block, so a Bicep file gains nothing from older or preview versions."""),
dict(key="S12", style="short", kind="no", category="keys", quals=[], flags=[],
question="we skipped cmk for the dev acr: are its layers stored unencrypted then?",
canonical=[O + "default-encryption-at-rest-without-a-cmk"], related=[O + "what-customer-managed-key-encryption-adds-to-a-registry", O + "why-teams-use-a-customer-managed-key"],
facts=["It adds a **second layer** on top of it"], answer_facts=["still encrypted at rest with microsoft-managed keys", "not needed to get encryption at rest"],
truth="""No: the dev registry's layers are still encrypted on disk, with keys that Microsoft owns and that nobody has to enable. A customer-managed key would merely stack your own key on top, which teams choose for compliance or to control rotation, revocation and auditing."""),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="A1", style="agent", form="context", kind="yes", category="setup", quals=["iac"], flags=["precommit_hooks"],
question="Context: pre-commit stops at `registry-tier-check.......Failed` because the Terraform for crginkgo sets sku Standard next to an encryption block. Question: does the registry really have to be Premium from its very first apply for the customer-managed key?",
canonical=[O + "cmk-requires-the-premium-sku"], related=[T + "cmk-needs-the-premium-tier", O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
facts=["Upgrading a Basic or Standard registry to Premium does not add CMK afterwards."], answer_facts=["registries on the basic or standard sku", "the service rejects the request"],
truth="""Yes: a customer-managed key needs the Premium tier from the start, so registry-tier-check is right to stop crginkgo. The CLI itself would not notice (the service rejects the request), and moving a Standard registry to Premium later does not add CMK, which can only be set at creation: put sku = "Premium" in the Terraform before the first apply."""),
dict(key="A2", style="agent", form="imperative", kind="why", category="hsm", quals=["hsm", "iac", "oct2026"], flags=["precommit_hooks"],
question="Explain why our hook `hsm-role-scope........Failed` objects when the Terraform grants cracacia's identity its HSM service encryption role on all of hsm-acacia (scope /) rather than on its key",
canonical=[M + "key-vault-and-managed-hsm-compared"], related=[M + "local-rbac-roles-for-acr-encryption", A + "grant-access-to-a-key-in-a-managed-hsm", V + "revoke-access-to-a-key-in-a-managed-hsm"],
facts=["Scope: the key, `/keys/<key-name>`, for least privilege (`/keys` or `/` also work but grant more)."], answer_facts=["best scoped to the key", "no access policies exist"],
truth="""Because the registry identity needs Managed HSM Crypto Service Encryption User only on its own key: the recommended scope is /keys/<key name>, which covers every version of that key, while / hands the role out for every key in hsm-acacia. It works, but it grants more than least privilege, and a wider assignment also survives a key-scoped delete, so a later revocation at /keys/<key name> would leave access in place. Follow the hsm-role-scope hook and set the scope of the Terraform role assignment to the key."""),
dict(key="A3", style="agent", form="context", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["two_facts"],
question="Context: hsm-juniper was provisioned yesterday and reports provisioningState Succeeded, but creating kek-juniper and giving the registry identity its local role both come back forbidden. Question: what still has to happen before we can create keys and grant access in this Managed HSM?",
canonical=[T + "managed-hsm-is-not-activated", O + "requirements-at-a-glance"], related=[M + "provision-and-activate-the-managed-hsm", M + "requirements-for-a-managed-hsm-key-store"],
facts=["Only an initial administrator can do this."], answer_facts=["at least three rsa public keys", "before any key or role work"],
truth="""Activation. A provisioned Managed HSM accepts no data-plane requests, so neither key creation nor local role assignments, until one of its initial administrators downloads the security domain (az keyvault security-domain download --hsm-name hsm-juniper with at least three RSA public keys, a quorum and an output file). Wait for activationStatus to read Active, keep the security domain file and the private keys safe, then create kek-juniper and assign the role."""),
dict(key="A4", style="agent", form="imperative", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="Write the Azure CLI sequence that creates crhemlock with a key held in hsm-hemlock, starting from an activated HSM and the existing identity id-hemlock-acr, including the grant and a versionless key ID",
canonical=[M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli"], related=[S + "using-a-managed-hsm-key-instead-of-a-key-vault", M + "managed-hsm-key-uris", T + "managed-hsm-role-assignment-not-yet-in-effect"],
facts=["`--role` and `--scope` are required"], answer_facts=["not with az role assignment create", "the kid is versioned"],
truth="""As someone holding a key-creating role: az keyvault key create --hsm-name hsm-hemlock --name kek-hemlock --kty RSA-HSM --ops wrapKey unwrapKey; az keyvault role assignment create --hsm-name hsm-hemlock --role "Managed HSM Crypto Service Encryption User" --assignee-object-id <principal ID of id-hemlock-acr> --assignee-principal-type MSI --scope /keys/kek-hemlock; KEY_ID=$(az keyvault key show --hsm-name hsm-hemlock --name kek-hemlock --query key.kid -o tsv) and KEY_ID="${KEY_ID%/*}"; then az acr create --resource-group <rg> --name crhemlock --identity <resource ID of id-hemlock-acr> --key-encryption-key "$KEY_ID" --sku Premium, and az acr encryption show to confirm. If the create fails right after the grant, wait a few minutes and retry."""),
dict(key="A5", style="agent", form="keywords", kind="value", category="troubleshooting", quals=["hsm", "oct2026"], flags=[],
question="managed hsm local role for crlaurel's identity granted and already listed, registry create still refused, how long until the assignment takes effect",
canonical=[T + "managed-hsm-role-assignment-not-yet-in-effect"], related=[A + "grant-access-to-a-key-in-a-managed-hsm", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
facts=["Local role changes can take several minutes to take effect."], answer_facts=["can take several minutes to propagate", "do not pile up duplicate assignments"],
truth="""Several minutes: Managed HSM local RBAC changes need a while to propagate, and until then crlaurel's identity counts as having no access even though the assignment is already listed. Wait, do not add duplicate assignments, then retry az acr create; if it still fails well after that, check activation, the key's type and operations, the key URI and the HSM firewall."""),
dict(key="A6", style="agent", form="context", kind="yes", category="rotation", quals=["hsm", "oct2026"], flags=[],
question="Context: crmaple was created with the versionless URI of kek-maple in hsm-maple, and a colleague just added a new version of that key. Question: does crmaple follow the new key version in hsm-maple without our help, and which version is it using right now?",
canonical=[K + "rotating-the-customer-managed-key"], related=[K + "automatic-rotation-with-a-versionless-key-id", M + "rotate-a-managed-hsm-key", K + "check-which-key-version-the-registry-uses"],
facts=["It works the same when the key is in a Managed HSM"], answer_facts=["depends on the form of key id", "the rules are the same"],
truth="""Yes: with a versionless key URI crmaple follows new versions of kek-maple in the Managed HSM on its own, within about an hour of the version appearing, just as with a key vault, and no new role assignment is needed because the key-scoped role covers every version. To see the version in use, read versionedKeyIdentifier from az acr encryption show --name crmaple; keyRotationEnabled should be true, and lastKeyRotationTimestamp tells when it last switched."""),
dict(key="A7", style="agent", form="imperative", kind="howto", category="identity", quals=[], flags=[],
question="Explain how to retire id-sycamore-2024, the identity crsycamore's encryption uses today, now that az acr identity remove refuses to detach it",
canonical=[I + "the-encryption-identity-cannot-simply-be-removed"], related=[T + "removing-the-encryption-identity-fails", I + "switch-to-a-different-user-assigned-identity", T + "registry-identity-is-inactive-or-expired"],
facts=["Key rotation can fail in the same state."], answer_facts=["rotate encryption to a different identity", "usually after about three months"],
truth="""First make sure id-sycamore-2024 is attached again (az acr identity assign --name crsycamore --identities <its resource ID>), because the refused removal can leave it inactive, and pulls would start failing after roughly three months. Then attach the replacement (another user-assigned identity or '[system]'), grant its principal ID access to the key, move encryption with az acr encryption rotate-key --identity <replacement>, check in az acr encryption show that the identity changed, and only then remove id-sycamore-2024."""),
dict(key="A8", style="agent", form="keywords", kind="howto", category="network", quals=[], flags=[],
question="kv-myrtle reachable only through its private endpoint, public access off, build agent outside the vnet, order of steps to create cmk registry crmyrtle",
canonical=[N + "create-the-key-before-the-registry-when-the-vault-is-locked-down"], related=[S + "create-the-key-before-the-registry-for-restricted-vaults", N + "the-vault-firewall-covers-the-data-plane-only", N + "allow-your-own-clients-through-the-vault-firewall"],
facts=["So a locked vault's network settings can still be corrected from any network"], answer_facts=["create the key before creating the registry", "a workable order"],
truth="""Create the key first, from somewhere that can still reach the vault's data plane: the agent outside the VNet cannot, so use a machine behind the private endpoint or open the vault briefly, and create kek-myrtle there. Then grant the registry identity access, switch on the trusted-services bypass with default action Deny, and only then run az acr create for crmyrtle with --identity and --key-encryption-key. Grants and network settings go through Resource Manager and work from anywhere; only the key operations need the allowed network."""),
dict(key="A9", style="agent", form="context", kind="value", category="keys", quals=[], flags=[],
question="Context: kv-poplar uses access policies and holds kek-poplar next to twenty keys of other teams. Question: which key permissions does the policy for id-poplar-acr need, and can it be limited to kek-poplar alone?",
canonical=[A + "grant-access-with-a-key-vault-access-policy"], related=[A + "two-supported-ways-to-grant-key-access", A + "verify-the-identitys-access", T + "invalid-key-permission-names-wrap-and-unwrap"],
facts=["Shorthand such as `wrap` and `unwrap` is **not** accepted"], answer_facts=["cannot be limited to a single key", "matching is case-insensitive"],
truth="""get, wrapKey and unwrapKey, given to id-poplar-acr's principal ID with az keyvault set-policy --object-id; the names are case-insensitive, but wrap and unwrap on their own are rejected. It cannot be narrowed to kek-poplar: an access policy applies to every key in the vault, so id-poplar-acr could wrap and unwrap with the other teams' keys as well. If that is a problem, give kek-poplar a vault of its own."""),
dict(key="A10", style="agent", form="keywords", kind="undocumented", category="setup", quals=[], flags=[],
question="official microsoft procedure to migrate the 400 repositories of crsequoia from a registry without cmk into a new cmk one, bulk copy tooling",
canonical=[O + "moving-an-existing-registry-to-cmk"], related=[T + "key-rotation-fails-on-a-registry-without-cmk", C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep"],
facts=["Clients, pipelines and pull secrets must then be pointed at the new login server"], answer_facts=["the official docs give no migration procedure", "one image or artifact at a time"],
truth="""Not documented: the official ACR docs describe no migration procedure and no bulk tool for moving a registry to CMK. The only guidance is an ACR maintainer's answer on GitHub (Azure/acr#416): create a new Premium registry with CMK and copy the content. az acr import copies one image or artifact at a time, so script it over every repository and tag of crsequoia, then point clients, pipelines and pull secrets at the new login server."""),
dict(key="A11", style="agent", form="imperative", kind="troubleshoot", category="troubleshooting", quals=[], flags=["two_facts"],
question="Check why crelm still encrypts with the old version of kek-elm two hours after the rotation policy on kv-elm produced a new one, and say what to change",
canonical=[T + "registry-keeps-using-an-old-key-version", K + "how-new-key-versions-are-created"], related=[K + "automatic-rotation-with-a-versionless-key-id", K + "switch-from-manual-to-automatic-rotation"],
facts=["Automatic rotation only means the registry **follows** new versions."], answer_facts=["it does not move the registry", "you still have to run"],
truth="""Most likely crelm was given a versioned key ID: it then stays on that version until someone rotates it by hand, and the rotation policy only creates versions without moving the registry. az acr encryption show will report keyRotationEnabled false and a keyIdentifier that ends in a version. Point crelm at the versionless ID with az acr encryption rotate-key --name crelm --key-encryption-key https://kv-elm.vault.azure.net/keys/kek-elm (leaving out --identity keeps the current one); if the ID is already versionless, check the vault firewall, the identity's access and that the newest version is enabled."""),
dict(key="A12", style="agent", form="context", kind="howto", category="rotation", quals=[], flags=[],
question="Context: crchestnut is pinned to one version of kek-chestnut on purpose, because our change board approves every key switch. Question: what is the monthly procedure to move it to a freshly created version of the same key?",
canonical=[K + "move-to-a-new-version-of-the-same-key"], related=[K + "manual-rotation-with-az-acr-encryption-rotate-key", K + "versioned-and-versionless-key-ids"],
facts=["only the values you pass are changed"], answer_facts=["with the same identity", "create the new version, capture its kid"],
truth="""Each month: create the new version (az keyvault key rotate --name kek-chestnut --vault-name <vault>), read its versioned kid with az keyvault key show --query key.kid, and once the change board approves, run az acr encryption rotate-key --name crchestnut --key-encryption-key <that kid> --identity <current client ID>. Passing the versioned kid keeps crchestnut pinned; confirm the switch through versionedKeyIdentifier in az acr encryption show."""),
]

# ---------------- off-topic ----------------
OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind="off-topic", category=OFF, subject="hitch", near_miss=True,
question="""The lab's image cache mirrors our container registry, and TLS in front of that cache VM is terminated by hitch. hitch reads a single PEM bundle that holds the certificate chain together with the private key. A pen test flagged that key as RSA 2048 from 2021, and the remediation ticket asks for a fresh key that the running process picks up without a restart. What is the right way to hand hitch the new key?""",
truth="""Not covered: giving hitch a new TLS key for an image cache is proxy work on your own VM; the ACR customer-managed key knowledge deals with the registry's encryption key in Key Vault or Managed HSM."""),
dict(key="X2", style="long", kind="off-topic", category=OFF, subject="openresty", near_miss=True,
question="""Next to the container registry we run a small internal catalogue site that lists its repositories and tags; it is served by OpenResty, whose TLS key sits in a file only root can read. Our certificate authority is being replaced, so the site needs a new key and chain by the end of the month, and the Lua code caches some upstream connections. How should I swap the key in OpenResty so the catalogue stays reachable during the change?""",
truth="""Not covered: swapping the TLS key of an OpenResty site is web-server administration, unrelated to encrypting a container registry with a customer-managed key."""),
dict(key="X3", style="long", kind="off-topic", category=OFF, subject="dropbear", near_miss=True,
question="""Operators reach the build VMs that push to our container registry through a tiny jump host running dropbear instead of the usual SSH daemon. Its host key was generated when the image was built years ago and is the same on three copies of that jump host. Security wants a separate host key per machine. How do I regenerate the dropbear host keys and roll them out without everyone hitting scary fingerprint warnings at once?""",
truth="""Not covered: regenerating dropbear host keys on jump hosts is SSH server administration; the ACR CMK knowledge has nothing on it."""),
dict(key="X4", style="long", kind="off-topic", category=OFF, subject="gitolite", near_miss=True,
question="""Pushes to our gitolite server trigger the pipelines that build images and push them to the container registry. The gitolite admin repository is still tied to the SSH key of a colleague who moved to another department, and we need to hand administration to a new key held by the platform team. What is the safe sequence to replace the gitolite admin key without locking ourselves out of the admin repo?""",
truth="""Not covered: replacing the admin key of a gitolite server is Git hosting administration, outside ACR encryption with customer-managed keys."""),
dict(key="X5", style="long", kind="off-topic", category=OFF, subject="librenms", near_miss=True,
question="""LibreNMS polls the switches that carry traffic between our build network and the container registry, using SNMPv3 with an authentication key and a privacy key per device. Audit says those keys were set in 2019 and have to change now. How do I rotate the SNMPv3 keys on the switches and in LibreNMS without losing graphs or raising a storm of device-down alerts?""",
truth="""Not covered: rotating the SNMPv3 keys that LibreNMS uses is network-monitoring administration; it has nothing to do with a registry's customer-managed key."""),
dict(key="X6", style="long", kind="off-topic", category=OFF, subject="mumble",
question="""During registry incidents the on-call team talks on a self-hosted Mumble server, and its TLS certificate and key run out next week. The server has a few registered users whose certificates are tied to the current setup, and we'd rather not make everybody register again. How do I replace the Mumble server's key and certificate while keeping the registrations and channel permissions intact?""",
truth="""Not covered: replacing the TLS key of a Mumble voice server is chat-infrastructure administration, far from ACR customer-managed key encryption."""),
dict(key="X7", style="agent", form="context", kind="off-topic", category=OFF, subject="ejabberd",
question="Context: alerts about failed registry pushes are posted into an ejabberd chat room. Question: how do we replace ejabberd's TLS key and certificate without the rooms dropping everyone who is in them?",
truth="""Not covered: replacing the TLS key of an ejabberd server is chat-server administration and not part of the ACR customer-managed key material."""),
dict(key="X8", style="agent", form="imperative", kind="off-topic", category=OFF, subject="redmine",
question="Explain how to reset the Redmine administrator password after the person who set up our registry request tracker left the company",
truth="""Not covered: resetting an administrator password in Redmine is project-tracker administration, which the ACR CMK knowledge does not touch."""),
dict(key="X9", style="agent", form="keywords", kind="off-topic", category=OFF, subject="monit",
question="monit web interface pem file renewal, apply it without restarting the processes monit watches",
truth="""Not covered: renewing the certificate file of monit's web interface is host-monitoring administration, not ACR encryption with a customer-managed key."""),
dict(key="X10", style="short", kind="off-topic", category=OFF, subject="jitsi",
question="jitsi videobridge shared password rotation, do running meetings drop?",
truth="""Not covered: rotating the videobridge password of a Jitsi installation belongs to video-conferencing administration, not to Azure Container Registry CMK encryption."""),
dict(key="X11", style="short", kind="off-topic", category=OFF, subject="freshrss",
question="freshrss moved to another host, are read states kept?",
truth="""Not covered: moving FreshRSS between hosts is feed-reader administration and has nothing to do with ACR customer-managed keys."""),
dict(key="X12", style="short", kind="off-topic", category=OFF, subject="kanboard",
question="kanboard backup restored on a new server, attachments included",
truth="""Not covered: restoring a Kanboard backup is task-board administration, outside the ACR customer-managed key knowledge."""),
]

QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"temporarly": "temporarily", "decomissioned": "decommissioned", "dependancy": "dependency"}
SHAPES = ["two_facts", "cli_help_text", "acr_task_log", "gherkin_feature", "dir_tree", "precommit_hooks"]
SEED = 63
ID_PREFIX = "aa"

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
SPREAD_SETS = (62, 61)
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
    """(blind63.json text, blind63-meta.json text, blind63-first-canonicals.txt text)"""
    entries, meta = build()
    j = json.dumps(entries, indent=1, ensure_ascii=False) + "\n"
    m = json.dumps(meta, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    f = "\n".join(firsts) + "\n"
    return j, m, f


def main(out=HERE):
    j, m, f = render()
    for name, text in (("blind63.json", j), ("blind63-meta.json", m), ("blind63-first-canonicals.txt", f)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
