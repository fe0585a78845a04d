"""blind75 builder: holds the 60 questions (QUESTIONS) and writes blind75.json, blind75-meta.json and
blind75-first-canonicals.txt. render() returns the three files' exact text (check75.py compares it byte for byte)."""
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
# ---- bash_xtrace ----
dict(key="T1", style="long", kind="troubleshoot", category="identity", quals=[], flags=["bash_xtrace"],
question=r"""Our bootstrap script for a new encrypted registry, crquill, dies at the create step every time. I reran it with bash -x and this is the end of the trace:

```text
$ bash -x ./bootstrap-registry.sh
++ az identity show --name id-quill-cmk --resource-group rg-quill --output json
++ jq -r .principalId
+ IDENTITY_ID=5d1e0b7a-93c4-4f2e-b8a1-0c6f2d9e4a17
++ az keyvault key show --vault-name kv-quill --name cmk-quill --output json
++ jq -r .key.kid
+ KEY_ID=https://kv-quill.vault.azure.net/keys/cmk-quill/8e3f1c0d2b4a46c59a7e1d0b3c5f2a96
+ az acr create --resource-group rg-quill --name crquill --sku Premium --identity 5d1e0b7a-93c4-4f2e-b8a1-0c6f2d9e4a17 --key-encryption-key https://kv-quill.vault.azure.net/keys/cmk-quill/8e3f1c0d2b4a46c59a7e1d0b3c5f2a96
ERROR: (ResourceNotFound) The Resource 'Microsoft.ManagedIdentity/userAssignedIdentities/5d1e0b7a-93c4-4f2e-b8a1-0c6f2d9e4a17' under resource group 'rg-quill' was not found.
```

The identity id-quill-cmk certainly exists, and a few lines earlier the script used that very GUID for the role assignment on kv-quill without any trouble. What is wrong with the create call?""",
canonical=[I + "which-identity-value-goes-where"],
related=[S + "step-7-create-the-premium-registry-with-the-customer-managed-key", I + "create-the-user-assigned-identity-and-capture-its-ids"],
facts=["Not its principal ID or client ID."],
answer_facts=["Each place expects a specific one"],
truth="""IDENTITY_ID holds the identity's principal (object) ID, because the script has jq pick principalId out of az identity show. That GUID is the right input for the role assignment on kv-quill, but az acr create --identity wants the identity's full resource ID, or its bare name if it sits in the registry's resource group, so the CLI went looking for an identity whose name is the GUID and found none. Fill IDENTITY_ID with the id field instead, keep the principalId lookup in a variable of its own for the grant, and run the create again. KEY_ID can stay; strip its last segment only if crquill should follow new key versions by itself."""),

dict(key="T2", style="long", kind="troubleshoot", category="rotation", quals=[], flags=["bash_xtrace", "two_facts"],
question=r"""We added a rotation policy to cmk-marlin last month and then ran a small script that was supposed to put the registry crmarlin on automatic rotation. It finishes without an error, but its own check at the end says otherwise:

```text
$ bash -x ./enable-autorotate.sh
++ az keyvault key show --vault-name kv-marlin --name cmk-marlin -o json
++ jq -r .key.kid
+ KID=https://kv-marlin.vault.azure.net/keys/cmk-marlin/41c7d2e09b5a4f13a8e6c0d7b2f95e31
+ az acr encryption rotate-key --name crmarlin --resource-group rg-marlin --key-encryption-key https://kv-marlin.vault.azure.net/keys/cmk-marlin/41c7d2e09b5a4f13a8e6c0d7b2f95e31
++ az acr encryption show --name crmarlin --resource-group rg-marlin -o json
++ jq -r .keyVaultProperties.keyRotationEnabled
+ AUTO=false
+ echo 'auto rotation: false'
auto rotation: false
```

The policy produced a fresh version of cmk-marlin on the 1st, and three days later crmarlin still reports the older one as the version in use. Why is keyRotationEnabled still false after the script?""",
canonical=[T + "registry-keeps-using-an-old-key-version", K + "versioned-and-versionless-key-ids"],
related=[K + "switch-from-manual-to-automatic-rotation", K + "check-which-key-version-the-registry-uses"],
facts=["From then on the registry detects new versions by itself."],
answer_facts=["it does not move the registry", "return is always versioned"],
truth="""KID is the key's kid, and a kid always ends in a version, so the script simply pinned crmarlin to one version again instead of moving it to automatic rotation; keyRotationEnabled stays false and the registry ignores whatever the policy creates. Cut the last path segment before rotating (for example ${KID%/*}, which leaves https://kv-marlin.vault.azure.net/keys/cmk-marlin) and run az acr encryption rotate-key with that versionless URI; leaving out --identity keeps the current identity. From then on crmarlin switches to each new version within about an hour, and az acr encryption show reports keyRotationEnabled true and the version in use under versionedKeyIdentifier."""),

dict(key="T3", style="long", kind="troubleshoot", category="identity", quals=[], flags=["bash_xtrace"],
question=r"""crpewter should stop encrypting through id-pewter and use the registry's own system-assigned identity instead. The script runs in our build agent's checkout folder, and it fell over near the start. Trace:

```text
$ bash -x ./use-system-identity.sh
+ az acr identity assign --name crpewter --resource-group rg-pewter --identities s
ERROR: (ResourceNotFound) The Resource 'Microsoft.ManagedIdentity/userAssignedIdentities/s' under resource group 'rg-pewter' was not found.
++ az acr identity show --name crpewter --resource-group rg-pewter --output json
++ jq -r '.principalId // empty'
+ SYS_PRINCIPAL=
+ '[' -z '' ']'
+ echo 'no principal ID for crpewter, stopping'
no principal ID for crpewter, stopping
```

In the script that first line is written as --identities [system], exactly like in the docs, and nobody typed an s anywhere. Where does the s come from, and how do I get the switch done?""",
canonical=[T + "system-assigned-identity-rejected-at-registry-creation"],
related=[I + "quote-system-in-shell-commands", I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
facts=["Write it in single quotes"],
answer_facts=["an unquoted `[system]` is a shell glob"],
truth="""The brackets make [system] a glob pattern: bash compared it with the files in the checkout folder, found one named s (a file called y, t, e or m would have had the same effect) and passed that name instead, so the CLI looked for a user-assigned identity called s. The system-assigned identity was therefore never switched on, SYS_PRINCIPAL came back empty, and the script stopped before the key grant. Put the value in single quotes, --identities '[system]' and later --identity '[system]', remove or move the stray file, and run the steps again: enable the identity, read its principal ID, grant it Key Vault Crypto Service Encryption User on kv-pewter, then switch encryption over to it using az acr encryption rotate-key. Look at az acr identity show afterwards in case the broken run attached anything."""),

dict(key="T4", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["bash_xtrace"],
question=r"""Next week crosprey is created with a key from our Managed HSM, osprey-hsm. The grant step of my setup script is refused, and I think the scope I build is the problem:

```text
$ bash -x ./grant-hsm-key.sh
++ az identity show --name id-osprey --resource-group rg-osprey -o json
++ jq -r .principalId
+ PRINCIPAL=2b9f6c1e-4d7a-4e08-9c35-71a0e8d4f6b2
++ az keyvault show --hsm-name osprey-hsm -o json
++ jq -r .id
+ KEY_SCOPE=/subscriptions/7c2d4e9a-1f36-4b8d-a0c5-93e7b1d6f284/resourceGroups/rg-osprey/providers/Microsoft.KeyVault/managedHSMs/osprey-hsm/keys/kek-osprey
+ az keyvault role assignment create --hsm-name osprey-hsm --assignee-object-id 2b9f6c1e-4d7a-4e08-9c35-71a0e8d4f6b2 --assignee-principal-type MSI --scope /subscriptions/7c2d4e9a-1f36-4b8d-a0c5-93e7b1d6f284/resourceGroups/rg-osprey/providers/Microsoft.KeyVault/managedHSMs/osprey-hsm/keys/kek-osprey --role 'Managed HSM Crypto Service Encryption User'
(BadParameter) The role assignment scope is not valid.
```

Security wants the identity to reach only kek-osprey and nothing else in the HSM. What should the scope of this Managed HSM role assignment look like?""",
canonical=[M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli"],
related=[M + "local-rbac-roles-for-acr-encryption", A + "grant-access-to-a-key-in-a-managed-hsm"],
facts=["`/keys/<key-name>`: one key, all its versions."],
answer_facts=["not as an Azure resource ID"],
truth="""KEY_SCOPE is built from the HSM's Azure resource ID, but local role assignments in a Managed HSM take a path inside the HSM. Pass --scope /keys/kek-osprey: it covers exactly that key with all of its versions, the least-privilege scope the October 2026 tutorials recommend for the registry's identity. Everything else in the command can stay (az keyvault role assignment create with --hsm-name, the principal ID and --assignee-principal-type MSI). A fresh local assignment may need several minutes before az acr create can use the key, so if the create reports missing access right afterwards, wait and try again."""),

dict(key="T5", style="long", kind="value", category="rotation", quals=[], flags=["bash_xtrace"],
question=r"""Compliance asked us to rotate the key behind crtarn "as often as the platform allows", so I parametrised our rotation policy script. Because crtarn was set up with a key URI that has no version segment, new versions reach it without extra work. With the value I picked it fails:

```text
$ bash -x ./set-rotation.sh
+ ROTATE_EVERY=P2D
+ EXPIRES_AFTER=P400D
+ az keyvault key rotation-policy update --name cmk-tarn --vault-name kv-tarn --value '{"lifetimeActions":[{"trigger":{"timeAfterCreate":"P2D"},"action":{"type":"Rotate"}}],"attributes":{"expiryTime":"P400D"}}'
ERROR: (BadParameter) Invalid value for timeAfterCreate.
```

Does the ACR guidance expect a particular rotation interval? And how short may the interval in a vault's rotation policy be at the minimum?""",
canonical=[K + "how-often-to-rotate"],
related=[K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["The shortest allowed rotation interval is **7 days** in a key vault"],
answer_facts=["They give no fixed rotation frequency"],
truth="""The ACR guidance names no fixed frequency: rotate regularly, on whatever schedule your compliance policy sets. The limit you ran into is Key Vault's: a rotation policy on a vault cannot rotate more often than every 7 days (a Managed HSM policy not more often than every 28 days), so ROTATE_EVERY=P2D is refused. Use P7D or longer; keep in mind that Key Vault charges for each rotation a policy performs. Since crtarn uses the versionless key ID, it moves to each new version of cmk-tarn within an hour without further work."""),

# ---- prometheus_metrics ----
dict(key="G1", style="long", kind="value", category="rotation", quals=[], flags=["prometheus_metrics"],
question=r"""Our platform exporter now publishes how far each encrypted registry trails behind its key. This is what /metrics showed a few minutes ago:

```text
# HELP acr_cmk_key_version_lag_seconds Seconds since the newest enabled key version appeared while the registry still uses an older one.
# TYPE acr_cmk_key_version_lag_seconds gauge
acr_cmk_key_version_lag_seconds{registry="crteal",vault="kv-teal",key="cmk-teal"} 2460
acr_cmk_key_version_lag_seconds{registry="crlagoon",vault="kv-lagoon",key="cmk-lagoon"} 0
# HELP acr_cmk_key_rotation_enabled 1 when the registry's key identifier carries no version.
# TYPE acr_cmk_key_rotation_enabled gauge
acr_cmk_key_rotation_enabled{registry="crteal"} 1
acr_cmk_key_rotation_enabled{registry="crlagoon"} 1
```

I want an alert on the lag, but only for real problems. For a registry with automatic rotation on, how long may it take before it uses a freshly created key version, i.e. from what lag on should we page someone?""",
canonical=[K + "automatic-rotation-with-a-versionless-key-id"],
related=[K + "check-which-key-version-the-registry-uses", L + "check-the-encryption-status-of-a-registry"],
facts=["`versionedKeyIdentifier` shows the version currently in use"],
answer_facts=["within one hour of it appearing"],
truth="""A registry with a versionless key identifier starts using a new key version within one hour, so the 2460 seconds for crteal are still inside the normal window. Page only once the lag clearly passes an hour (a margin such as 75 to 90 minutes avoids noise), and only for series whose rotation gauge is 1. When it fires, check that the registry's identity can still reach kv-teal through the firewall and still holds its permissions, and that the newest version is enabled. The registry only follows versions; creating them is up to you or a rotation policy."""),

dict(key="G2", style="long", kind="troubleshoot", category="network", quals=[], flags=["prometheus_metrics", "two_facts"],
question=r"""Our image promotion pipeline exports its own counters. Since Monday, when the network team set kv-umber's default action to Deny and allowed only our office range, the picture looks like this:

```text
# HELP ci_acr_import_total Image imports run by the promotion pipeline, by result.
# TYPE ci_acr_import_total counter
ci_acr_import_total{registry="crumber",result="ok"} 1184
ci_acr_import_total{registry="crumber",result="forbidden"} 37
# HELP ci_acr_import_last_error_info Last error code seen per registry.
# TYPE ci_acr_import_last_error_info gauge
ci_acr_import_last_error_info{registry="crumber",code="ForbiddenByFirewall"} 1
```

kv-umber holds the customer-managed key of crumber, and every import that failed since then went into that registry. Our pull traffic looks fine so far. What do we have to change so the imports work again?""",
canonical=[T + "http-403-after-enabling-the-key-vault-firewall", N + "allow-trusted-services-and-deny-other-traffic"],
related=[N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry"],
facts=["open an Azure support case"],
answer_facts=["current identity and key again with `rotate-key`", "Set the bypass to `AzureServices`"],
truth="""The forbidden imports into crumber began with the kv-umber lockdown: crumber gets to its key as one of Azure's trusted services, and an IP rule for the office does nothing for it. Keep the default action at Deny but let trusted services through (az keyvault update --name kv-umber --bypass AzureServices --default-action Deny) and confirm it in properties.networkAcls. Then apply crumber's current key and identity once more with az acr encryption rotate-key, taking both values from az acr encryption show (pass '[system]' if the identity reads system). If the imports keep failing with 403 after that, open a support request."""),

dict(key="G3", style="long", kind="no", category="recovery", quals=["hsm", "oct2026"], flags=["prometheus_metrics"],
question=r"""Finance forwarded our FinOps exporter's numbers and asked what the top line is:

```text
# HELP finops_resource_cost_daily_usd Amortised daily cost per resource.
# TYPE finops_resource_cost_daily_usd gauge
finops_resource_cost_daily_usd{resource="hsm-sable",type="managedHSMs",state="deleted"} 77.4
finops_resource_cost_daily_usd{resource="crsable",type="registries",state="active"} 1.67
finops_resource_cost_daily_usd{resource="kv-sable",type="vaults",state="active"} 0.21
```

Background: crsable used to take its key from hsm-sable. In September we rotated it onto a key in kv-sable, az acr encryption show confirms the new key, and three weeks ago our decommissioning job deleted the HSM. A deleted Managed HSM can't possibly still be costing us money, so is this series just stale data from the exporter?""",
canonical=[V + "recover-a-deleted-managed-hsm"],
related=[L + "pricing-considerations", M + "recover-a-deleted-managed-hsm-key-or-hsm"],
facts=["a deleted HSM keeps costing money until it is recovered or purged."],
answer_facts=["a soft-deleted Managed HSM keeps being billed"],
truth="""No: deleting a Managed HSM only soft-deletes it, and a soft-deleted HSM stays billed for as long as it waits, because its capacity remains allocated; the cost shown for hsm-sable is real. As crsable now uses kv-sable, first make sure nothing else still depends on keys in the HSM, then purge it to stop the charges (purging is final and takes every key with it). If purge protection was on for hsm-sable, a purge is refused and the charges only end when the retention period runs out. If something turns out to need its keys after all, recover the HSM instead."""),

dict(key="G4", style="long", kind="why", category="recovery", quals=[], flags=["prometheus_metrics"],
question=r"""Our compliance dashboard scrapes a small exporter for every key vault the registry team owns:

```text
# HELP kv_purge_protection_enabled 1 when purge protection is on for the vault.
# TYPE kv_purge_protection_enabled gauge
kv_purge_protection_enabled{vault="kv-ash-prod",owner="registry-team"} 0
kv_purge_protection_enabled{vault="kv-ash-dev",owner="registry-team"} 0
# HELP kv_soft_delete_retention_days Soft-delete retention configured on the vault.
# TYPE kv_soft_delete_retention_days gauge
kv_soft_delete_retention_days{vault="kv-ash-prod",owner="registry-team"} 90
```

kv-ash-prod holds the key that encrypts our production registry, and the dashboard marks the first line red with a link to the ACR CMK guidance. Soft delete already keeps a deleted key around for 90 days. Why does the guidance still insist on purge protection, and is it a hard requirement?""",
canonical=[V + "how-purge-protection-protects-the-registry"],
related=[O + "soft-delete-and-purge-protection-on-the-key-vault", O + "soft-delete-and-purge-protection-behaviour-in-key-vault"],
facts=["Enabling purge protection is a one-way change."],
answer_facts=["does not stop a deletion"],
truth="""Soft delete keeps a deleted key recoverable, but anyone holding purge rights can still wipe it before the 90 days are over, and from then on the registry's content is gone for good. Purge protection closes that gap: a deleted key or vault can then only be recovered or expire at the end of its retention period, which is why the ACR articles advise it for the vault behind a registry. It is advice, not a requirement, and it cannot be switched off again once on. Turning it on for kv-ash-prod (az keyvault update --enable-purge-protection true) does not prevent deletions themselves: the registry is still locked out until the key is recovered."""),

dict(key="G5", style="long", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=["prometheus_metrics"],
question=r"""The registry crcobalt uses the versionless URI of kek-cobalt in our Managed HSM, and a nightly job adds a new version of that key with az keyvault key create. Our HSM exporter shows:

```text
# HELP mhsm_key_versions Number of versions per key in the HSM.
# TYPE mhsm_key_versions gauge
mhsm_key_versions{hsm="hsm-cobalt",key="kek-cobalt"} 94
mhsm_key_versions{hsm="hsm-cobalt",key="kek-cobalt-test"} 12
```

The count grows by one every night. Is there a cap on the number of versions a Managed HSM key can have, and if we replace the nightly job with a rotation policy, what is the shortest rotation interval it accepts?""",
canonical=[M + "rotate-a-managed-hsm-key"],
related=[K + "create-a-new-version-in-a-managed-hsm", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["a key holds at most 100 versions"],
answer_facts=["at most 100 versions"],
truth="""A Managed HSM key can hold at most 100 versions, so kek-cobalt is six nightly runs away from the cap; stop or slow the job before then, since the docs do not describe what happens once a key is full. A Managed HSM rotation policy has a floor of 28 days between rotations, so a policy means going from nightly to roughly monthly, which still fits the advice to rotate on your compliance schedule. crcobalt keeps following each new version within an hour either way, and the identity's role scoped to /keys/kek-cobalt already covers every version."""),

# ---- rollout_status ----
dict(key="R1", style="long", kind="howto", category="recovery", quals=[], flags=["rollout_status", "two_facts"],
question=r"""Last night someone ran terraform destroy in the wrong workspace, and it deleted kv-brine, an RBAC-model vault with crbrine's key in it. Our morning deployment is stuck:

```text
$ kubectl -n orders rollout status deployment/orders-api --timeout=10m
Waiting for deployment "orders-api" rollout to finish: 1 out of 3 new replicas have been updated...
Waiting for deployment "orders-api" rollout to finish: 1 out of 3 new replicas have been updated...
error: deployment "orders-api" exceeded its progress deadline
```

The new pods sit in image pull errors against crbrine. How do we get kv-brine back? And once the vault is back, is that enough for crbrine to serve images again?""",
canonical=[V + "re-create-rbac-role-assignments-after-recovering-a-vault", V + "recover-a-deleted-key-vault"],
related=[T + "key-vault-or-key-was-deleted"],
facts=["Access policies are part of the vault and come back with it."],
answer_facts=["does **not** bring them back", "The vault name stays reserved"],
truth="""A deleted vault is only soft-deleted: find kv-brine with az keyvault list-deleted --resource-type vault and restore it with az keyvault recover --name kv-brine, which brings its keys back too. On an RBAC vault that is not enough, because the role assignments went away with the vault and recovery does not restore them; give crbrine's identity Key Vault Crypto Service Encryption User on the recovered vault again (az role assignment create with its principal ID, principal type ServicePrincipal and the vault's resource ID as scope), plus any operator roles you had there. Once that grant is in effect orders-api can pull and the rollout goes through. Do not try to create a new vault under the same name in the meantime: it stays reserved while soft-deleted."""),

dict(key="R2", style="long", kind="yes", category="troubleshooting", quals=[], flags=["rollout_status"],
question=r"""Security ran a "key hygiene" script over kv-cinder yesterday that disabled every key version without a keep tag. The current version of cmk-cinder, the key behind our registry crcinder, had no tag. Since then:

```text
$ kubectl -n billing rollout status deployment/invoice-render
Waiting for deployment "invoice-render" rollout to finish: 0 of 2 updated replicas are available...
Waiting for deployment "invoice-render" rollout to finish: 0 of 2 updated replicas are available...
error: deployment "invoice-render" exceeded its progress deadline
```

The security team says disabling is harmless because nothing was deleted and the ACR docs only mention deleting keys or removing access. Could the disabled key version really be what keeps the new pods from pulling their image?""",
canonical=[T + "key-is-disabled-or-expired"],
related=[V + "disabling-the-key-instead-a-key-vault-option-not-in-the-acr-docs", V + "what-revocation-does-to-the-registry"],
facts=["Re-enable with `--enabled true`."],
answer_facts=["Key Vault refuses every cryptographic operation"],
truth="""Yes: Key Vault refuses any cryptographic operation with a disabled key version, so crcinder can no longer use cmk-cinder and behaves as if its access had been revoked, even though the ACR articles do not list disabling among the ways to revoke. That is why invoice-render's new pods cannot get their image. Read the version in use from versionedKeyIdentifier in az acr encryption show, enable it again with az keyvault key set-attributes --vault-name kv-cinder --name cmk-cinder --version <that version> --enabled true, and retry the rollout. Then tag the key or exclude it from the script."""),

dict(key="R3", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["rollout_status"],
question=r"""We ran a revocation drill on crheron this morning: I removed the local HSM role of its identity, id-heron, at /keys/kek-heron in hsm-heron. As planned, the next rollout stalled:

```text
$ kubectl -n catalog rollout status deployment/catalog-sync
Waiting for deployment "catalog-sync" rollout to finish: 2 out of 4 new replicas have been updated...
Waiting for deployment "catalog-sync" rollout to finish: 2 out of 4 new replicas have been updated...
error: deployment "catalog-sync" exceeded its progress deadline
```

The drill is over and we want everything back. What is the cleanest way to reverse this revocation in the HSM, and does crheron itself need a command of its own afterwards?""",
canonical=[M + "revoke-access-to-a-managed-hsm-key"],
related=[V + "restore-access-after-a-revocation", V + "revoke-access-to-a-key-in-a-managed-hsm"],
facts=["No registry command is needed"],
answer_facts=["brings the registry back"],
truth="""Re-create exactly what the drill removed: az keyvault role assignment create --hsm-name hsm-heron --role "Managed HSM Crypto Service Encryption User" with id-heron's principal ID as --assignee-object-id, --assignee-principal-type MSI and --scope /keys/kek-heron, the same scope as before. Nothing has to be run against crheron; once its identity holds the role again the registry picks the key up by itself, and catalog-sync's pods can pull again. Local role changes can need several minutes to apply, so confirm with az keyvault role assignment list at that scope and az acr encryption show before retrying the rollout."""),

dict(key="R4", style="long", kind="no", category="limits", quals=[], flags=["rollout_status"],
question=r"""The images of our feature-store service are around 9 GB, so rollouts from crmoss are slow. A colleague says he switched on artifact streaming for that repository last week to speed things up, but today's rollout took as long as ever:

```text
$ kubectl -n ml rollout status deployment/feature-store
Waiting for deployment "feature-store" rollout to finish: 1 of 3 updated replicas are available...
Waiting for deployment "feature-store" rollout to finish: 2 of 3 updated replicas are available...
deployment "feature-store" successfully rolled out
```

crmoss is Premium and takes its customer-managed key from kv-moss. Is streaming actually doing anything for these pods?""",
canonical=[L + "artifact-streaming-is-not-supported"],
related=[L + "feature-compatibility-summary"],
facts=["Plan for full image pulls on a CMK registry."],
answer_facts=["lists CMK-encrypted registries among its unsupported"],
truth="""No: artifact streaming does not support registries encrypted with a customer-managed key, so whatever was switched on, the feature-store pods pull their full images from crmoss, which is what the slow rollout shows. Plan around full pulls instead (smaller images, images cached on the nodes, a longer progress deadline). Streaming would need a registry without CMK, and crmoss cannot drop its key."""),

dict(key="R5", style="long", kind="troubleshoot", category="keys", quals=[], flags=["rollout_status"],
question=r"""This morning we moved crflint's key from the old vault kv-flint-old to a new one, kv-flint-eu, created with default settings on a current CLI, using az acr encryption rotate-key with the URI of the new key cmk-flint-eu. The command went through fine. Since then:

```text
$ kubectl -n pricing rollout status deployment/pricing-engine
Waiting for deployment "pricing-engine" rollout to finish: 1 out of 2 new replicas have been updated...
error: deployment "pricing-engine" exceeded its progress deadline
```

The registry's identity, id-flint, still has its get/wrapKey/unwrapKey access policy on kv-flint-old, which we haven't touched. What did we miss?""",
canonical=[A + "access-to-a-key-in-a-second-key-vault"],
related=[K + "move-to-a-different-key-or-to-a-key-in-another-vault", A + "azure-cli-262-and-later-create-rbac-vaults-by-default"],
facts=["Keep the old vault and key, with access, until `az acr encryption show` reports the new key."],
answer_facts=["Access is granted per vault"],
truth="""Access is granted vault by vault, and id-flint only ever had rights on kv-flint-old; after the rotation crflint tries to use cmk-flint-eu as an identity with nothing on kv-flint-eu, so it cannot reach its key and pricing-engine cannot pull. A vault created with current CLI defaults uses Azure RBAC, so grant id-flint Key Vault Crypto Service Encryption User there (az role assignment create with its principal ID, --assignee-principal-type ServicePrincipal and kv-flint-eu's resource ID as --scope); an access policy on that vault would not count. Keep kv-flint-old and its policy until az acr encryption show lists cmk-flint-eu as the key and the pods are healthy, and next time grant first and rotate second."""),

# ---- hosts_file (long) ----
dict(key="H1", style="long", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=["hosts_file"],
question=r"""To try our Managed HSM before the private DNS zone is linked, my laptop's hosts file currently has this:

```text
# temporary, remove once the privatelink zone is linked
10.20.4.11   hsm-kestrel.managedhsm.azure.net
```

The key is kek-kestrel. Our draft create command for crkestrel passes --key-encryption-key https://hsm-kestrel.managedhsm.azure.net, and in review someone called that incomplete. Automatic rotation is what we are after. What exactly should the Managed HSM address passed to --key-encryption-key look like?""",
canonical=[O + "the-key-encryption-key-kek-and-its-identifier"],
related=[M + "managed-hsm-key-uris", S + "step-7-create-the-premium-registry-with-the-customer-managed-key"],
facts=["neither is the bare HSM URI without `/keys/<key-name>`"],
answer_facts=["must name a key, not a secret"],
truth="""The bare host is not enough: the value has to be the HTTPS URI of a key in the Managed HSM, so for automatic rotation pass https://hsm-kestrel.managedhsm.azure.net/keys/kek-kestrel, with no version at the end (append /<version> only to pin one). Copy the host from the HSM's hsmUri property instead of writing it by hand, because the suffix differs outside the global cloud. The hosts entry pointing at 10.20.4.11 changes nothing about the URI itself."""),

dict(key="H2", style="long", kind="undocumented", category="network", quals=["iac"], flags=["hosts_file"],
question=r"""Our jump host already reaches the registry over its private endpoints; until the DNS work is done the hosts file carries:

```text
10.30.8.5   crwren.azurecr.io
10.30.8.6   crwren.westeurope.data.azurecr.io
```

Next step in our Terraform is public_network_access_enabled = false on crwren. crwren's customer-managed key sits in kv-wren, and kv-wren lets trusted services through. Does Microsoft support a CMK registry that can only be reached through private endpoints? And does the key side need anything extra for it?""",
canonical=[N + "registry-private-endpoints-and-cmk-are-not-covered-by-the-docs"],
related=[L + "feature-compatibility-summary", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
facts=["The key store side rules above (trusted services, identity access) apply regardless of how clients reach the registry."],
answer_facts=["Treat it as undocumented"],
truth="""Not documented: the ACR CMK articles only deal with the key store being behind a firewall or private endpoint; a registry like crwren that is itself reachable only through private endpoints is listed neither as supported nor as a limitation. Try it on a non-production copy first and ask Microsoft support if you need a firm commitment. The key side does not change with the registry's endpoints: kv-wren keeps the trusted-services exception, and the identity keeps its key access."""),

dict(key="H3", style="long", kind="howto", category="hsm", quals=["hsm", "iac", "oct2026"], flags=["hosts_file"],
question=r"""I'm setting up crlark through the portal, and its key is to come from hsm-lark. The HSM firewall denies everything except trusted services, and its private endpoint sits in our hub network, which my laptop reaches over the VPN. My hosts file has:

```text
10.44.1.20  hsm-lark.managedhsm.azure.net   # hub private endpoint, VPN only
```

On the VPN, Select from Key Vault on the Encryption tab lists hsm-lark and its keys. From home without the VPN, hsm-lark still appears but the key list stays empty, and the portal gives no error. How do I choose which key in the HSM the new registry uses when I'm off the VPN?""",
canonical=[M + "key-picker-blocked-by-the-hsm-firewall"],
related=[N + "the-portal-key-picker-and-a-key-store-firewall", S + "set-up-cmk-in-the-azure-portal"],
facts=["Either add your client IP to the HSM firewall, or use **Enter key URI** with the key ID."],
answer_facts=["does nothing for a browser outside the"],
truth="""Your browser lists the keys straight from hsm-lark's data plane, and without the VPN the HSM firewall rejects your address; the trusted-services exception lets ACR in, not a browser. Either allow your client IP on the HSM firewall (az keyvault network-rule add --hsm-name hsm-lark --ip-address <your address>), or skip the picker, choose Enter key URI and paste https://hsm-lark.managedhsm.azure.net/keys/<key name>, read from a network that is allowed (leave the version off for automatic rotation). Either way, crlark's identity needs Managed HSM Crypto Service Encryption User on that key before you create the registry."""),

# ---- bicepparam_file ----
dict(key="Q1", style="long", kind="howto", category="iac", quals=["iac"], flags=["bicepparam_file"],
question=r"""Our main.bicep deploys crbasalt through AVM's registry module (pinned to 0.6.0) and feeds these values into its customerManagedKey parameter:

```text
using './main.bicep'

param registryName = 'crbasalt'
param keyVaultResourceId = '/subscriptions/5e0c8a71-2b94-4d3f-9a06-c18f7e2d4b93/resourceGroups/rg-basalt/providers/Microsoft.KeyVault/vaults/kv-basalt'
param keyName = 'cmk-basalt'
param encryptionIdentityId = '/subscriptions/5e0c8a71-2b94-4d3f-9a06-c18f7e2d4b93/resourceGroups/rg-basalt/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-basalt'
```

After deploying, keyRotationEnabled comes back false in az acr encryption show, and the keyIdentifier carries a version at its end, although we want crbasalt to follow new versions of cmk-basalt on its own. How do we get a versionless key out of this Bicep setup?""",
canonical=[C + "avm-bicep-module-customermanagedkey-parameter"],
related=[C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["Version 0.7.0 (January 2025) added `autoRotationEnabled`."],
answer_facts=["Up to 0.6.0 the module always pinned"],
truth="""Versions of the module up to 0.6.0 always pin the key version that is current at deployment; automatic rotation came with 0.7.0, which added autoRotationEnabled to customerManagedKey (default true, meaning the versionless key URI). Raise the module reference in main.bicep to 0.7.0 or later and leave autoRotationEnabled at its default or set it to true; keyVaultResourceId and keyName stay as they are, and keyVersion must stay empty. The redeployment changes crbasalt's key identifier, the Bicep equivalent of rotating to the versionless URI."""),

dict(key="Q2", style="long", kind="troubleshoot", category="iac", quals=["iac"], flags=["bicepparam_file"],
question=r"""Deploying crjuniper fails on the registry resource, while the identity and its role assignment on kv-juniper deploy fine. Parameters:

```text
using './registry.bicep'

param registryName = 'crjuniper'
param identityResourceId = '/subscriptions/9d4b2e60-7a13-4c8f-b5e1-02f6a8c3d719/resourceGroups/rg-juniper/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-juniper'
param encryptionIdentity = '6a2f0c9d-1e7b-4b35-8d40-93c1f7a2e5b8'
param keyUri = 'https://kv-juniper.vault.azure.net/keys/cmk-juniper'
```

registry.bicep writes encryptionIdentity into properties.encryption.keyVaultProperties.identity. The GUID was copied from the Object (principal) ID field on the identity's overview page, the same value the role assignment uses. What is wrong with this Bicep deployment?""",
canonical=[C + "arm-template-json-propertiesencryption-and-keyvaultproperties"],
related=[I + "which-identity-value-goes-where", C + "bicep-registry-with-a-customer-managed-key"],
facts=["The registry's encryption settings always store the **client ID** (or `system`)."],
answer_facts=["client ID of the identity"],
truth="""keyVaultProperties.identity takes the identity's client ID, not its principal (object) ID and not its resource ID, so encryptionIdentity carries the wrong GUID for that field. Put the client ID there, or better drop the parameter and let registry.bicep read it from the identity itself (properties.clientId of the identity resource declared as existing, or reference() on identityResourceId), so the two can never drift apart. The principal ID remains the right value for the role assignment on kv-juniper."""),

dict(key="Q3", style="long", kind="no", category="iac", quals=["hsm", "iac", "oct2026"], flags=["bicepparam_file"],
question=r"""We are moving crcedar's key to our new Managed HSM and wanted to keep using the AVM registry module in Bicep. Parameters:

```text
using './main.bicep'

param registryName = 'crcedar'
param hsmResourceId = '/subscriptions/3f81a6d2-0c5e-4b97-8e24-d9a07b1c6f35/resourceGroups/rg-cedar/providers/Microsoft.KeyVault/managedHSMs/hsm-cedar'
param keyName = 'kek-cedar'
```

main.bicep hands hsmResourceId to the module as customerManagedKey.keyVaultResourceId and keyName as customerManagedKey.keyName. Before we open the pull request: will the AVM Bicep module take a Managed HSM as the key store?""",
canonical=[C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs"],
related=[C + "avm-bicep-module-customermanagedkey-parameter", M + "managed-hsm-is-a-supported-key-store-for-acr-cmk"],
facts=["resource ID of the key vault (a vault, not a Managed HSM)"],
answer_facts=["neither AVM module"],
truth="""No: the AVM Bicep module's customerManagedKey expects a key vault resource ID, and neither AVM module supports Managed HSM, although the ACR docs have accepted Managed HSM keys since October 2026; passing hsmResourceId as keyVaultResourceId will not work. Declare the registry yourself instead: a Microsoft.ContainerRegistry/registries resource whose encryption.keyVaultProperties.keyIdentifier is https://hsm-cedar.managedhsm.azure.net/keys/kek-cedar and whose identity is the client ID of a user-assigned identity. Create that identity's Managed HSM Crypto Service Encryption User assignment at /keys/kek-cedar with az keyvault role assignment create --hsm-name ahead of the deployment, because the template cannot make that local grant."""),

dict(key="Q4", style="long", kind="yes", category="rotation", quals=["iac"], flags=["bicepparam_file"],
question=r"""Until now our parameters file for crdune passed the full kid of cmk-dune, version included. For the next deployment I've shortened it:

```text
using './acr.bicep'

param registryName = 'crdune'
param keyUri = 'https://kv-dune.vault.azure.net/keys/cmk-dune'
param identityName = 'id-dune'
```

acr.bicep puts keyUri into keyVaultProperties.keyIdentifier and nothing else changes. A rotation policy already rotates cmk-dune every 90 days, and so far we had to bump the parameter by hand each time. Once this Bicep deployment has run, will crdune move to new versions of cmk-dune by itself?""",
canonical=[K + "versioned-and-versionless-key-ids"],
related=[K + "automatic-rotation-with-a-versionless-key-id", C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep"],
facts=["Automatic rotation only means the registry **follows** new versions."],
answer_facts=["Follows the newest version automatically"],
truth="""Yes: without the version segment keyUri is a versionless key identifier, so after this deployment crdune follows the newest version of cmk-dune on its own, within about an hour of the policy creating one, and az acr encryption show reports keyRotationEnabled true. Changing the key identifier of a registry that already uses CMK is an ordinary update, the template form of rotating to the versionless URI. The hand-edited bumps can stop; the rotation policy still has to keep producing the versions."""),

dict(key="Q5", style="long", kind="howto", category="hsm", quals=["hsm", "iac", "oct2026"], flags=["bicepparam_file", "two_facts"],
question=r"""cralder will be the first of our registries whose key sits in a Managed HSM. Parameters:

```text
using './registry.bicep'

param registryName = 'cralder'
param identityName = 'id-alder'
param keyUri = 'https://hsm-alder.managedhsm.azure.net/keys/kek-alder'
```

registry.bicep creates the identity, a roleAssignments resource (Microsoft.Authorization) scoped to the HSM that grants the same role our vault-based template uses, and the registry with a dependsOn on that assignment. The deployment fails on the registry with Failed to access KeyId. How should id-alder get access to kek-alder within this Bicep rollout, given that the key lives in a Managed HSM?""",
canonical=[S + "set-up-cmk-with-an-arm-template", A + "grant-access-to-a-key-in-a-managed-hsm"],
related=[M + "limits-and-open-points-with-managed-hsm"],
facts=["The ARM template in the enable tutorial creates no key access at all"],
answer_facts=["is set up outside the template", "only cover its management"],
truth="""A Managed HSM decides key use through its own local RBAC, and Azure role assignments on the HSM resource only govern its management, so the copied roleAssignments resource gives id-alder nothing. Grant the local role outside the template, before the registry is deployed: az keyvault role assignment create --hsm-name hsm-alder --role "Managed HSM Crypto Service Encryption User" --assignee-object-id <id-alder's principal ID> --assignee-principal-type MSI --scope /keys/kek-alder. That means id-alder has to exist first, so split the deployment: identity, then the local grant, then the registry; drop the copied roleAssignments resource and keep keyUri as it is. Allow several minutes for the grant to take effect before the registry step."""),

# ---- no shape ----
dict(key="L1", style="long", kind="undocumented", category="limits", quals=["iac"], flags=[],
question=r"""We are designing crsorrel, a new Premium registry for our EU workloads. It has to be encrypted with our own key from kv-sorrel, and the resilience review also wants zone redundancy on from the first day, because both choices are fixed at creation. In a sandbox subscription I tried the combination by hand: az acr create accepted --zone-redundancy Enabled alongside the CMK flags (--identity, --key-encryption-key), and the registry came up without a complaint. Before we write both settings into the production Bicep template, can someone confirm whether Microsoft actually supports zone redundancy on a CMK-encrypted registry?""",
canonical=[L + "zone-redundancy-with-cmk-is-not-documented"],
related=[L + "feature-compatibility-summary"],
facts=["the flag is marked preview in the CLI and cannot be changed after creation"],
answer_facts=["do not mention zone redundancy"],
truth="""Not documented: the CMK articles say nothing about zone redundancy, neither that it is supported nor that it is excluded. That the CLI accepted the flag together with the key options, as your sandbox shows, does not turn it into an official combination, and the flag is still marked preview and fixed at creation. Keep the sandbox result, test whatever behaviour crsorrel depends on, and get a written answer from Azure support before the production template relies on it."""),
]


# ---------------- agent on-topic ----------------
QA = [
dict(key="H4", style="agent", form="context", kind="troubleshoot", category="network", quals=[], flags=["hosts_file"],
question=r"""Context: our build agent reaches kv-fjord through `10.40.2.7 kv-fjord.vault.azure.net` in /etc/hosts, and since the vault was made private-endpoint-only, az acr import into crfjord returns 403. Question: what fixes the import?""",
canonical=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
related=[N + "allow-trusted-services-and-deny-other-traffic", N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry"],
facts=["The bypass only opens the network path."],
answer_facts=["the registry cannot reach the key"],
truth="""The hosts entry only helps the build agent find kv-fjord; crfjord reaches the key from Azure's side as a trusted service, and a vault closed to public traffic blocks it unless the trusted-services exception is on. Turn it on (az keyvault update --name kv-fjord --bypass AzureServices --default-action Deny), re-apply crfjord's current key and identity with az acr encryption rotate-key, then run the import again."""),

dict(key="H5", style="agent", form="imperative", kind="howto", category="network", quals=["hsm", "oct2026"], flags=["hosts_file"],
question=r"""Explain what must be set on the firewall of hsm-gannet before az acr create runs for crgannet; our admins reach the HSM through `10.3.0.12 hsm-gannet.managedhsm.azure.net` in their hosts files and public traffic is denied.""",
canonical=[M + "managed-hsm-firewall-and-trusted-services"],
related=[N + "managed-hsm-firewall-and-trusted-services"],
facts=["As with a vault, the bypass only opens the network; the identity still needs its local role."],
answer_facts=["open the path for ACR **before**"],
truth="""Let ACR through hsm-gannet's firewall before the create, because crgannet has to use the key as soon as it is created: az keyvault update-hsm --hsm-name hsm-gannet --resource-group <rg> --bypass AzureServices --default-action Deny, then check networkAcls with az keyvault show --hsm-name hsm-gannet. The hosts entries only serve your admins' own calls; the bypass grants no key use, so the identity also needs Managed HSM Crypto Service Encryption User on the key."""),

dict(key="A1", style="agent", form="context", kind="troubleshoot", category="keys", quals=[], flags=[],
question=r"""Context: az keyvault set-policy --name kv-pollen --object-id <principal of id-pollen> --key-permissions get wrap unwrap stops with an error that wrap is not valid there. Question: which permission names does the identity of crpollen need instead?""",
canonical=[A + "grant-access-with-a-key-vault-access-policy"],
related=[T + "invalid-key-permission-names-wrap-and-unwrap"],
facts=["Matching is case-insensitive (`WRAPKEY` works)."],
answer_facts=["is **not** accepted"],
truth="""The CLI wants the full key permission names: repeat the set-policy for id-pollen's principal ID on kv-pollen with --key-permissions get unwrapKey wrapKey (upper or lower case does not matter). That only helps if kv-pollen uses access policies; on an RBAC vault give the identity Key Vault Crypto Service Encryption User instead."""),

dict(key="A2", style="agent", form="context", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["two_facts"],
question=r"""Context: hsm-plover was provisioned yesterday for our registry crplover, and every az keyvault key create --hsm-name and every local role assignment against it is refused. Question: why can't we create keys or grant access in this new Managed HSM?""",
canonical=[T + "managed-hsm-is-not-activated", M + "provision-and-activate-the-managed-hsm"],
related=[M + "requirements-for-a-managed-hsm-key-store"],
facts=["other values include `NotActivated` and `Failed`"],
answer_facts=["is only the first half", "is a two-stage job"],
truth="""A Managed HSM accepts no data-plane calls until it has been activated, and provisioning alone does not do that, so keys and local roles are impossible for now. An initial administrator has to download hsm-plover's security domain (az keyvault security-domain download, supplying three or more RSA public keys and a quorum); then confirm activationStatus reads Active, store the security domain file and the private keys safely, and only after that make the key and grant the identity its role inside the HSM."""),

dict(key="A3", style="agent", form="context", kind="troubleshoot", category="limits", quals=[], flags=[],
question=r"""Context: since we started signing images on crbramble with Notation, its repositories fill up with sha256-... tags, and our SBOM scanner, which asks the Referrers API, finds nothing. Question: is something broken, and should we delete those tags?""",
canonical=[L + "oci-referrers-api-is-not-supported"],
related=[T + "oras-and-notation-store-referrers-as-tags", L + "notation-signatures-on-cmk-registries"],
facts=["Leave the digest-named tags in place"],
answer_facts=["do not support the OCI Referrers API"],
truth="""Nothing is broken: crbramble uses a customer-managed key, and such registries have no OCI Referrers API, so Notation and ORAS fall back to the referrers tag schema and keep each link as a digest-named tag. Keep those tags, because removing them hides the signatures and SBOMs, and move the scanner to a tool that reads the tag schema (oras discover or notation list, for instance)."""),

dict(key="A4", style="agent", form="keywords", kind="howto", category="setup", quals=[], flags=[],
question=r"""existing premium registry crhazel without cmk, copy all images into new cmk registry crhazelcmk with az acr import, steps and order""",
canonical=[O + "moving-an-existing-registry-to-cmk"],
related=[T + "key-rotation-fails-on-a-registry-without-cmk", L + "feature-compatibility-summary"],
facts=["Deleting the old registry is **irreversible**"],
answer_facts=["one image or artifact at a time"],
truth="""crhazel cannot be turned into a CMK registry in place. Create crhazelcmk as a new Premium registry with --identity and --key-encryption-key, then copy every repository and tag with az acr import --name crhazelcmk --source crhazel.azurecr.io/<repository>:<tag> --image <repository>:<tag>, one image per call. Afterwards repoint clients, pipelines and pull secrets to crhazelcmk.azurecr.io, and delete crhazel only once you have checked that everything arrived."""),

dict(key="A5", style="agent", form="imperative", kind="howto", category="rotation", quals=[], flags=[],
question=r"""Show me how to find out which version of cmk-nettle the registry crnettle is encrypting with right now, and whether it moves to new versions by itself.""",
canonical=[K + "check-which-key-version-the-registry-uses"],
related=[L + "check-the-encryption-status-of-a-registry"],
facts=["In the portal, open the registry and go to **Settings > Encryption**."],
answer_facts=["the exact version the registry is using"],
truth="""Run az acr encryption show --name crnettle and look at keyVaultProperties: versionedKeyIdentifier is the version of cmk-nettle in use at this moment, keyIdentifier is what was configured (with or without a version), keyRotationEnabled true means it follows new versions on its own, and lastKeyRotationTimestamp tells you when it last switched. The portal shows the same under the registry's Settings > Encryption."""),

dict(key="A6", style="agent", form="keywords", kind="value", category="keys", quals=[], flags=[],
question=r"""rsa key sizes key vault offers for acr cmk and which size acr itself requires""",
canonical=[O + "key-sizes-offered-by-key-vault"],
related=[O + "which-key-types-and-sizes-are-supported"],
facts=["The ACR articles name no size."],
answer_facts=["come in 2048, 3072 and 4096 bits"],
truth="""Key Vault offers RSA keys, software or HSM-protected, of 2048, 3072 and 4096 bits. ACR sets no size requirement of its own, so any of the three is fine: pick what your compliance policy asks for, and keep the key type RSA or RSA-HSM."""),

dict(key="A7", style="agent", form="imperative", kind="why", category="identity", quals=[], flags=[],
question=r"""Explain why az acr create for crmyrtle won't take the new registry's system-assigned identity for encryption and insists on a user-assigned one.""",
canonical=[I + "a-user-assigned-identity-is-required-when-the-registry-is-created"],
related=[T + "system-assigned-identity-rejected-at-registry-creation"],
facts=["`az acr create` does **not** accept `--identity '[system]'`."],
answer_facts=["The registry does not exist yet"],
truth="""A system-assigned identity comes into being with its registry, so while crmyrtle is being created there is no such identity yet and nobody can have granted it access to the key, yet the registry has to use the key from the first moment. Creation therefore only takes a user-assigned identity, given as resource ID or, inside the registry's resource group, by name. Once crmyrtle exists you can switch encryption to its system-assigned identity with az acr encryption rotate-key --identity '[system]', after granting that identity key access."""),

dict(key="A8", style="agent", form="context", kind="yes", category="rotation", quals=["hsm", "oct2026"], flags=[],
question=r"""Context: crsnipe will get its key from hsm-snipe, and we pass https://hsm-snipe.managedhsm.azure.net/keys/kek-snipe without a version. Question: will the registry pick up new versions of this Managed HSM key automatically, as it would with a vault key?""",
canonical=[S + "step-6-choose-a-versioned-or-versionless-key-id"],
related=[K + "automatic-rotation-with-a-versionless-key-id", M + "rotate-a-managed-hsm-key"],
facts=["It works the same when the key is in a Managed HSM"],
answer_facts=["Automatic, as above"],
truth="""Yes: a versionless Managed HSM key URI behaves like a versionless vault key URI, so crsnipe checks hsm-snipe and switches to each new version of kek-snipe within an hour. Add a version segment only if you want to pin the key and rotate by hand. The identity's local role at /keys/kek-snipe already covers new versions."""),

dict(key="A9", style="agent", form="keywords", kind="undocumented", category="iac", quals=["iac"], flags=[],
question=r"""azurerm 5.0 upgrade, cmk registry crvetch whose terraform config has no encryption block, what happens on apply""",
canonical=[C + "azurerm-4x-removed-encryptionenabled-other-version-changes"],
related=[C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs"],
facts=["keep the block for every CMK registry"],
answer_facts=["the result is undocumented"],
truth="""Not documented: from azurerm 5.0 a missing encryption block produces a planned update that the 5.0 upgrade guide describes as turning encryption off, something ACR does not permit, and what then happens to crvetch is not described. Under 4.x the gap shows no diff, which is why it went unnoticed. Add the encryption block (key_vault_key_id and identity_client_id) to crvetch's configuration before upgrading, and keep it for every registry that uses CMK."""),

dict(key="A10", style="agent", form="imperative", kind="howto", category="identity", quals=[], flags=[],
question=r"""Outline the order of steps for handing crspruce's encryption over from id-spruce-old to id-spruce-new (both user-assigned), and say when id-spruce-old may be detached.""",
canonical=[K + "rotate-with-a-different-identity-or-the-system-assigned-identity"],
related=[I + "switch-to-a-different-user-assigned-identity", I + "the-encryption-identity-cannot-simply-be-removed"],
facts=["Only after `az acr encryption show` reports the new client ID should the old identity be detached or lose its access."],
answer_facts=["grant it key access first"],
truth="""Attach id-spruce-new to crspruce first (az acr identity assign with its resource ID), then give its principal ID access to the key in the vault's own model (Key Vault Crypto Service Encryption User on an RBAC vault, an access policy with get, wrapKey and unwrapKey otherwise), then run az acr encryption rotate-key with the key URI you keep and --identity set to id-spruce-new. Take access away from id-spruce-old or detach it only after az acr encryption show reports id-spruce-new's client ID; detaching the identity encryption still depends on is refused."""),
]


# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="howto", category="keys", quals=[], flags=[],
question=r"""how can i tell whether my kv uses rbac or access policies?""",
canonical=[A + "which-permission-model-does-my-key-vault-use"],
related=[A + "two-supported-ways-to-grant-key-access"],
facts=["Access policies on it are ignored"],
answer_facts=["the vault uses **access policies**"],
truth="""Ask the vault itself: az keyvault show --name <vault> --query properties.enableRbacAuthorization --output tsv. If it prints true, the vault runs on Azure RBAC, set-policy is refused there, and the registry's identity needs a role assignment of Key Vault Crypto Service Encryption User; if it prints false or nothing, the vault works with access policies and the identity needs get, wrapKey and unwrapKey in one. Vaults made by azure-cli 2.62 or later default to RBAC."""),

dict(key="S2", style="short", kind="howto", category="setup", quals=["hsm", "oct2026"], flags=[],
question=r"""which setup steps change when the acr key lives in a managed hsm?""",
canonical=[S + "using-a-managed-hsm-key-instead-of-a-key-vault"],
related=[M + "requirements-for-a-managed-hsm-key-store"],
facts=["If the HSM firewall is on, allow trusted services before step 7."],
answer_facts=["Steps 1, 2, 7 and 8 stay"],
truth="""Resource group, identity, registry creation and the final check stay as they are; the vault part changes. Provision and activate the Managed HSM, create an RSA-HSM key that permits wrapKey and unwrapKey as someone with a key-creating local role (Managed HSM Crypto User, for instance), then assign the identity Managed HSM Crypto Service Encryption User at /keys/<key-name> yourself, because ACR never does. The key URI is on the managedhsm.azure.net host (versionless for automatic rotation), and if the HSM firewall is on, trusted services must be let through before az acr create."""),

dict(key="S3", style="short", kind="howto", category="limits", quals=[], flags=[],
question=r"""how do i list all registries in my subscription with their cmk status""",
canonical=[L + "check-the-encryption-status-of-a-registry"],
related=[S + "step-8-verify-the-encryption-status"],
facts=["The same object is available from `az acr show`"],
answer_facts=["`status` is `enabled` for a CMK registry"],
truth="""One az acr list call covers the subscription when you project the encryption field into a table: az acr list --query "[].{name:name, sku:sku.name, cmk:encryption.status}" --output table. Registries showing enabled run with a customer-managed key, disabled ones with Microsoft's keys only, and az acr encryption show gives the key and identity details of a single registry. In the portal each registry shows it under Settings > Encryption."""),

dict(key="S4", style="short", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question=r"""ForbiddenByRbac on az keyvault key create although i own the subscription, why?""",
canonical=[T + "operator-cannot-create-the-key-in-an-rbac-vault"],
related=[A + "your-own-permissions-to-create-keys-in-an-rbac-vault"],
facts=["This role is for the operator only"],
answer_facts=["managing the vault resource is not enough"],
truth="""Owner is a management-plane role, and in a vault that uses Azure RBAC working with keys needs a data-plane role. Ask someone who may assign roles to give you Key Vault Crypto Officer on the vault (az role assignment create with your object ID, principal type User and the vault's resource ID as scope), wait a few minutes and create the key again. The registry's identity still gets only Key Vault Crypto Service Encryption User."""),

dict(key="S5", style="short", kind="howto", category="limits", quals=[], flags=[], typo="unfortunatly",
question=r"""unfortunatly our acr task logs vanish after a day, how do i keep them""",
canonical=[L + "export-task-run-logs-before-they-expire"],
related=[L + "acr-tasks-run-logs-are-kept-for-only-24-hours"],
facts=["retained for **24 hours** only"],
answer_facts=["so no log is lost"],
truth="""A registry with a customer-managed key keeps task run logs for 24 hours only, so copy them out while they exist: list recent runs with az acr task list-runs, fetch each log with az acr task logs --run-id and write it to a file, a storage account or your log platform. Automate it, for example as the last step of every pipeline that starts a task."""),

dict(key="S6", style="short", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question=r"""rotate-key fails on our older acr with a usage error about cmk""",
canonical=[T + "key-rotation-fails-on-a-registry-without-cmk"],
related=[O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
facts=["`az acr update` has no `--identity` or `--key-encryption-key` option."],
answer_facts=["works only on registries that already use"],
truth="""The registry was created without a customer-managed key, and CMK can only be chosen at creation, so there is nothing to rotate and the registry cannot be converted. Create a new Premium registry with --identity and --key-encryption-key, copy the images over with az acr import, repoint the clients, and delete the old registry only after checking the copy."""),

dict(key="S7", style="short", kind="troubleshoot", category="setup", quals=[], flags=[],
question=r"""acr create given only --key-encryption-key stops with a usage error, why?""",
canonical=[S + "rules-that-az-acr-create-enforces-for-cmk"],
related=[T + "acr-create-needs-both-identity-and-key"],
facts=["Passing one without the other fails before anything is sent"],
answer_facts=["`--identity` and `--key-encryption-key` go together"],
truth="""The CLI only sets up a customer-managed key when it receives both values, and it stops before sending anything if one is missing. Give --identity with the user-assigned identity's resource ID and --key-encryption-key with the key URI in the same az acr create call, together with --sku Premium."""),

dict(key="S8", style="short", kind="value", category="keys", quals=["hsm", "oct2026"], flags=[],
question=r"""what role gives the acr identity access to a managed hsm key?""",
canonical=[O + "identity-and-key-access-requirements"],
related=[M + "local-rbac-roles-for-acr-encryption"],
facts=["Key Vault access policies do not exist on a Managed HSM."],
answer_facts=["ACR never creates the assignment for you"],
truth="""It is Managed HSM Crypto Service Encryption User, a local RBAC role that you assign within the HSM using az keyvault role assignment create --hsm-name and best scoped to the key itself (/keys/<key-name>). There are no access policies in a Managed HSM, and ACR never makes this assignment, so you create it yourself."""),

dict(key="S9", style="short", kind="yes", category="keys", quals=[], flags=[], typo="diffrent",
question=r"""can acr cmk use rsa-hsm keys, or does that need a diffrent kv sku""",
canonical=[O + "rsa-hsm-keys-need-a-premium-key-vault"],
related=[O + "which-key-types-and-sizes-are-supported"],
facts=["Supported key types: **RSA** and **RSA-HSM**."],
answer_facts=["of the **Premium** Key Vault SKU"],
truth="""Yes: RSA-HSM is one of the two key types ACR accepts, but Key Vault only creates HSM-protected keys in a vault on the Premium SKU; a standard vault holds software RSA keys only. Create the vault with --sku premium and the key with --kty RSA-HSM. Keys in a Managed HSM are HSM-backed anyway and involve no vault SKU."""),

dict(key="S10", style="short", kind="no", category="limits", quals=[], flags=[],
question=r"""if we regret it, can our acr go back to microsoft-managed keys only?""",
canonical=[O + "cmk-cannot-be-disabled-after-it-is-enabled"],
related=[L + "feature-compatibility-summary"],
facts=["Permanent for the life of the registry"],
answer_facts=["the setting is permanent"],
truth="""No: customer-managed key encryption cannot be undone on a registry; no command or portal switch returns it to Microsoft-managed keys alone, for as long as it exists. What stays changeable is the key itself, its version, the vault and the identity, provided some key remains configured and reachable. A registry without CMK would have to be a new one, with the images copied over."""),

dict(key="S11", style="short", kind="why", category="identity", quals=[], flags=[], typo="basicly",
question=r"""basicly, what is the managed identity for in acr cmk, why is it needed""",
canonical=[I + "why-the-registry-needs-a-managed-identity"],
related=[O + "identity-and-key-access-requirements"],
facts=["The identity named in the registry's encryption settings is therefore the single point through which the registry reaches its key."],
answer_facts=["hold credentials for its key store"],
truth="""The registry has no password or secret with which to call Key Vault or a Managed HSM; it calls them as a managed identity, and the key store looks at that identity's access policy, Azure role or local role to decide whether it may read the key and use it for wrapping and unwrapping. So the identity in the encryption settings is the registry's one route to its key, which is also why removing that identity or its permissions locks the registry out."""),

dict(key="S12", style="short", kind="undocumented", category="keys", quals=[], flags=[],
question=r"""does the cmk encrypt image layers directly or does it wrap other keys?""",
canonical=[O + "what-customer-managed-key-encryption-adds-to-a-registry"],
related=[O + "default-encryption-at-rest-without-a-cmk"],
facts=["It adds a **second layer** on top of it"],
answer_facts=["does not describe the internal key hierarchy"],
truth="""Not documented: how the customer-managed key is used inside ACR (whether it encrypts layers or protects keys of the registry's own) is not described. Because the identity is only allowed get, wrapKey and unwrapKey, the likely reading is that it wraps internal keys, but that remains an inference. Documented is only the outcome: the CMK is a second encryption layer on top of the Microsoft-managed one, which is always there."""),
]


# ---------------- off-topic ----------------
OFF = "off-topic"
QX = [
dict(key="O1", style="long", kind=OFF, category=OFF, subject="espocrm", near_miss=True,
question=r"""Our sales team works in EspoCRM, which we build into an image and keep in our private container registry. A key in its config file protects the passwords of the mail accounts the CRM connects to, and a former admin still has a copy of the old config. If I put a new key in and restart, can EspoCRM still read the mail account passwords it stored before, or do we have to enter them all again?""",
truth="""Not covered: the secret EspoCRM uses for stored mail credentials is a matter of that CRM's own setup; the knowledge deals only with customer-managed keys for container registry encryption."""),

dict(key="O2", style="long", kind=OFF, category=OFF, subject="invoiceplane", near_miss=True,
question=r"""We send client bills with InvoicePlane; its image comes from our own container registry. Its ipconfig file contains an encryption key, and last quarter's security review noted that it has never changed since the first install. If I generate a new key and put it in the file, what happens to values InvoicePlane already encrypted with the old one, and is there a supported procedure for the change?""",
truth="""Not covered: changing the encryption key of an InvoicePlane installation belongs to that billing application's own configuration, not to ACR customer-managed keys."""),

dict(key="O3", style="long", kind=OFF, category=OFF, subject="librechat", near_miss=True,
question=r"""Our internal assistant front end is LibreChat, built into an image that lives in our private container registry. People can save their own keys for the model services in it, and LibreChat encrypts those with the CREDS_KEY and CREDS_IV values from its environment. Both values were exposed in a build log. If we generate a new key and IV and redeploy, will the keys users saved earlier still decrypt, or does everyone have to enter theirs again?""",
truth="""Not covered: rotating CREDS_KEY and CREDS_IV of a LibreChat deployment is configuration of that assistant front end, unrelated to ACR customer-managed key encryption."""),

dict(key="O4", style="long", kind=OFF, category=OFF, subject="owncast", near_miss=True,
question=r"""We stream our monthly town hall with Owncast, which runs from an image pulled from our private container registry. The stream key showed up in a screen share yesterday, so it has to be replaced before the next broadcast. Where do I change the stream key in Owncast, and do the encoder settings in OBS on the presenter's machine need the new key as well?""",
truth="""Not covered: replacing the stream key of an Owncast server is live-streaming configuration, not Azure Container Registry encryption with customer-managed keys."""),

dict(key="O5", style="long", kind=OFF, category=OFF, subject="writefreely", near_miss=True,
question=r"""Our engineering blog runs on WriteFreely, from an image we keep in our private container registry. It stores its encryption keys as files in a keys folder next to the config, and those files were copied into a backup that went to the wrong bucket. If I delete the folder and let WriteFreely generate new keys, will writers be signed out, and can it still read anything it encrypted with the old key files?""",
truth="""Not covered: regenerating the key files of a WriteFreely instance is blogging-platform administration, outside the ACR customer-managed key knowledge."""),

dict(key="O6", style="long", kind=OFF, category=OFF, subject="dagster",
question=r"""Our data team orchestrates nightly jobs with Dagster. One asset is partitioned by day and is built from an upstream asset partitioned by hour. Right now the daily asset sometimes materialises while a few of the hourly partitions for that day are still missing, and the numbers come out short. How do I declare the dependency so that a daily partition only runs once all 24 hourly partitions of that day exist?""",
truth="""Not covered: partition mappings between Dagster assets are data-orchestration design, unrelated to customer-managed key encryption of a container registry."""),

dict(key="O7", style="agent", form="context", kind=OFF, category=OFF, subject="smokeping",
question=r"""Context: we watch latency to our branch sites with SmokePing. Question: how do I add a new group of probe targets with its own alert threshold?""",
truth="""Not covered: target groups and alerts in SmokePing are latency-monitoring configuration, outside the ACR customer-managed key topic."""),

dict(key="O8", style="agent", form="imperative", kind=OFF, category=OFF, subject="mkdocs",
question=r"""Explain how to make an MkDocs build fail when a page links to an anchor that does not exist.""",
truth="""Not covered: strict link validation in MkDocs is documentation-build configuration, unrelated to registry encryption with customer-managed keys."""),

dict(key="O9", style="agent", form="keywords", kind=OFF, category=OFF, subject="papermerge",
question=r"""papermerge configure text recognition for scanned letters written in two languages, default language per folder""",
truth="""Not covered: recognition languages in Papermerge are document-management settings, not part of ACR customer-managed key encryption."""),

dict(key="O10", style="short", kind=OFF, category=OFF, subject="koel",
question=r"""can koel stream flac files to the browser?""",
truth="""Not covered: FLAC playback in Koel is a question about that music streaming app, far from ACR customer-managed keys."""),

dict(key="O11", style="short", kind=OFF, category=OFF, subject="ihatemoney",
question=r"""how do i split a bill unevenly in ihatemoney?""",
truth="""Not covered: uneven splits in IHateMoney concern that shared-expenses app, unrelated to container registry encryption."""),

dict(key="O12", style="short", kind=OFF, category=OFF, subject="funkwhale",
question=r"""funkwhale import a music library from a mounted folder""",
truth="""Not covered: importing a library into Funkwhale is administration of that audio platform, not part of the ACR customer-managed key topic."""),
]

QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"diffrent": "different", "unfortunatly": "unfortunately", "basicly": "basically"}
SHAPES = ["two_facts", "bash_xtrace", "prometheus_metrics", "rollout_status", "hosts_file",
          "bicepparam_file"]
SEED = 75
ID_PREFIX = "am"

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
SPREAD_SETS = (74, 73)
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
    """(blind75.json text, blind75-meta.json text, blind75-first-canonicals.txt text)"""
    entries, meta = build()
    j = json.dumps(entries, indent=1, ensure_ascii=False) + "\n"
    m = json.dumps(meta, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    f = "\n".join(firsts) + "\n"
    return j, m, f


def main(out=HERE):
    j, m, f = render()
    for name, text in (("blind75.json", j), ("blind75-meta.json", m), ("blind75-first-canonicals.txt", f)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
