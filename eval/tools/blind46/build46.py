"""blind46 builder: holds the 60 questions (QUESTIONS) and writes blind46.json, blind46-meta.json and
blind46-first-canonicals.txt."""
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
dict(key="L1", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["ticket_template"],
question="""Summary: First registry create after the HSM grant fails, a manual re-run twenty minutes later succeeds
Environment: subscription plat-weu-prod, Managed HSM loire-hsm, registry crbasalt01 (Premium), identity id-basalt-enc
Steps to reproduce:
1. Stage "grant" assigns the HSM role for id-basalt-enc, scoped to basalt-kek
2. Stage "registry" starts about forty seconds later and creates crbasalt01 with that key
Expected: crbasalt01 comes up on the first pipeline run
Actual: the create step fails with a key access error for id-basalt-enc, although the listing already shows the grant:

```text
$ az keyvault role assignment list --hsm-name loire-hsm --scope /keys/basalt-kek -o tsv --query "[].roleName"
Managed HSM Crypto Service Encryption User
```

Impact: every new environment needs someone to restart the pipeline by hand
Question: Is this a known delay with Managed HSM local roles, and what should the pipeline do between the two stages instead of failing?""",
canonical=[T + "managed-hsm-role-assignment-not-yet-in-effect"],
related=[M + "local-rbac-roles-for-acr-encryption", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope", M + "requirements-for-a-managed-hsm-key-store"],
facts=["Until then the identity is treated as having no access"],
answer_facts=["can take several minutes to propagate", "do not pile up duplicate assignments"],
truth="It is propagation, not a wrong grant: a new Managed HSM local role assignment can be listed several minutes before it actually takes effect, and until then loire-hsm treats id-basalt-enc as having no access, so a create forty seconds later fails and a later re-run works. Make the pipeline tolerant of that: after the grant, wait several minutes or retry the az acr create step with a back-off until it succeeds, and don't create the role assignment again on each retry (duplicates don't help). If it still fails long after, check the other Managed HSM prerequisites: activation, an RSA-HSM key with wrapKey and unwrapKey, the key URI, and the HSM firewall."),

dict(key="L2", style="long", kind="troubleshoot", category="troubleshooting", quals=[], flags=["ticket_template"],
question="""Summary: az acr check-health flags CMK on crgarnet after the identity clean-up
Environment: subscription "Analytics Dev", registry crgarnet (Premium, CMK on kv-garnet, access-policy vault)
Steps to reproduce:
1. Run the weekly health job against crgarnet
2. Read the CMK section of its output

```text
$ az acr check-health -n crgarnet --ignore-errors --yes
Docker daemon status: available
Helm version: ...
Error: CMK_ERROR - registry crgarnet: encryption identity lookup failed
```

Expected: all checks pass, as they did until last month
Actual: the CMK check fails every week since the identity clean-up sprint; pulls still seem fine today
Notes: during that sprint someone removed "unused" managed identities in rg-garnet; id-garnet-enc may have been one of them
Question: What does the health check actually complain about here, and how do we get crgarnet back to a passing check if id-garnet-enc is really gone?""",
canonical=[T + "check-health-reports-cmk_error"],
related=[L + "az-acr-check-health-and-cmk_error", I + "switch-to-the-registrys-system-assigned-identity-after-creation", T + "registry-identity-is-inactive-or-expired"],
facts=["Run the health check again; the CMK check should pass."],
answer_facts=["the registry cannot reach the managed identity", "typically that identity was deleted"],
truth="CMK_ERROR means crgarnet can no longer reach the managed identity its encryption is set to use, typically because that identity was deleted or detached, which fits the clean-up. First check what encryption points at (az acr encryption show -n crgarnet --query keyVaultProperties.identity) and what is attached (az acr identity show -n crgarnet). If id-garnet-enc still exists and was only detached, attach it again with az acr identity assign. If it was deleted, move encryption to an identity that exists and can use the key, e.g. the system-assigned one: az acr identity assign -n crgarnet --identities '[system]', give its principal ID get, wrapKey and unwrapKey with az keyvault set-policy on kv-garnet (an access-policy vault), then az acr encryption rotate-key -n crgarnet --key-encryption-key <current keyIdentifier> --identity '[system]'. Run the health check again afterwards; the CMK check should pass."),

dict(key="L3", style="long", kind="troubleshoot", category="keys", quals=["iac"], flags=["ticket_template"],
question="""Title: Cannot create the HSM-protected registry key in kv-onyx-cmk
Environment: staging subscription, vault kv-onyx-cmk created last sprint from our Bicep module (sku left at its default), registry cronyx planned
Steps to reproduce:
1. Sign in as the key operator (Key Vault Crypto Officer on kv-onyx-cmk)
2. Run the key step from the runbook:

```text
$ az keyvault key create --vault-name kv-onyx-cmk -n onyx-kek --kty RSA-HSM --size 3072
(BadParameter) The requested key type is not supported for this vault.
```

Expected: an RSA-HSM key onyx-kek, because the compliance baseline asks for HSM protection
Actual: the call is refused every time; a plain RSA key is created without problems
Impact: cronyx cannot be created this week
Ask: Why does the vault refuse the HSM key type, and what are our options if HSM protection is mandatory for cronyx?""",
canonical=[T + "rsa-hsm-key-creation-fails-in-a-standard-vault"],
related=[O + "rsa-hsm-keys-need-a-premium-key-vault", O + "which-key-types-and-sizes-are-supported", K + "move-to-a-different-key-or-to-a-key-in-another-vault"],
facts=["a Managed HSM has no such tier"],
answer_facts=["available only on the premium vault tier", "software-protected rsa keys only"],
truth="kv-onyx-cmk is a Standard-tier vault (the default sku), and a vault offers HSM-protected RSA-HSM keys only on the Premium tier; a Standard vault holds software-protected RSA keys only, which is why plain RSA works. If HSM protection is mandatory, create the key in a Premium vault: a new vault created with --sku premium (set that sku in the Bicep module too, with purge protection on), grant cronyx's identity access there (access policy or Key Vault Crypto Service Encryption User), create onyx-kek with --kty RSA-HSM and use its key ID when creating cronyx. A Managed HSM is the other route; it has no tier, since all its keys are HSM-backed. If software protection is acceptable after all, an RSA key in kv-onyx-cmk works for ACR."),

dict(key="L4", style="long", kind="troubleshoot", category="limits", quals=[], flags=["ticket_template"],
question="""Summary: Build logs of crcobalt tasks missing after one day
Environment: production, registry crcobalt (Premium, customer-managed key), nightly ACR Tasks builds triggered from our release pipeline
Steps to reproduce:
1. Let the nightly task run
2. The next evening, fetch its log for the incident review

```text
$ az acr task list-runs -r crcobalt --top 1 --query "[].{run:runId, state:status}" -o tsv
ca1f2   Failed
$ az acr task logs -r crcobalt --run-id ca1f2
(no log content returned)
```

Expected: logs stay available for at least a week, as on our registry without CMK
Actual: anything older than about a day returns nothing
Impact: failed nightly builds can't be investigated the morning after a weekend
Question: Is there a setting to keep task logs longer on crcobalt, and if not, how should the pipeline preserve them?""",
canonical=[L + "export-task-run-logs-before-they-expire"],
related=[T + "task-run-logs-disappear-after-24-hours", L + "acr-tasks-run-logs-are-kept-for-only-24-hours", L + "feature-compatibility-summary"],
facts=["ACR Tasks keeps run logs for only 24 hours"],
answer_facts=["no log is lost after a day", "at the end of each pipeline"],
truth="There's no such setting: on a registry encrypted with a customer-managed key, ACR Tasks keeps run logs for 24 hours only, and the docs offer nothing to extend that, so this is a documented CMK limitation rather than a fault on crcobalt. Logs that have already aged out can't be brought back. Have the release pipeline copy each run's log as soon as the run ends: look up the run ID (az acr task list-runs -r crcobalt --top 1 --query \"[0].runId\" -o tsv), save the output of az acr task logs -r crcobalt --run-id <id> to a file, and push it to storage or your log platform. Doing it at the end of every pipeline that triggers a task means nothing is lost after a day, weekends included."),

dict(key="L5", style="long", kind="howto", category="recovery", quals=["iac"], flags=["ticket_template", "two_facts"],
question="""Summary: kv-pyrite deleted by a cleanup job, registry crpyrite cannot serve pulls
Environment: subscription "Shop Prod", RBAC-mode vault kv-pyrite (soft delete on, purge protection off), registry crpyrite encrypted with pyrite-kek from that vault, set up in the portal two years ago
Steps to reproduce:
1. Cleanup job deletes resource groups tagged "temp"; kv-pyrite carried the tag by mistake
2. Any docker pull from crpyrite afterwards

```text
$ az keyvault show-deleted --name kv-pyrite --query properties.deletionDate -o tsv
2026-11-05T22:40:03+00:00
```

Expected: pulls keep working
Actual: every pull fails since the deletion
Impact: storefront deployments are frozen
Question: What is the recovery sequence for kv-pyrite so crpyrite works again, and could we instead just build a new kv-pyrite from scratch?""",
canonical=[T + "key-vault-or-key-was-deleted", V + "recover-a-deleted-key-vault"],
related=[V + "re-create-rbac-role-assignments-after-recovering-a-vault", V + "how-purge-protection-protects-the-registry", T + "registry-access-lost-after-key-permissions-were-revoked"],
facts=["When a vault is deleted, its Azure role assignments are removed"],
answer_facts=["not restored when the vault is recovered", "the vault name stays reserved"],
truth="Recover the vault rather than replacing it: az keyvault recover --name kv-pyrite brings it back with its keys while it is inside the retention period. Because kv-pyrite uses Azure RBAC, deleting it also removed its role assignments, and those are not restored when the vault is recovered, so create the identity's role again: az role assignment create --assignee-object-id <principal ID of crpyrite's encryption identity> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <kv-pyrite resource ID>. Check that pyrite-kek is back and enabled (az keyvault key show --vault-name kv-pyrite -n pyrite-kek --query attributes), then retry a pull; crpyrite resumes by itself. A fresh vault named kv-pyrite isn't possible meanwhile, because the name stays reserved while the deleted vault exists, and it wouldn't hold the key anyway. Don't purge it, and turn on purge protection once it's back."),

dict(key="L6", style="long", kind="howto", category="rotation", quals=["hsm", "oct2026"], flags=["quoted_reply"],
question="""> For the HSM-backed registries just copy the vault rotation policy (rotate every 7 days)
> and re-run the local role assignment after every rotation, otherwise the registry loses access.

That is the advice in our platform wiki, and I'm about to apply it to crgneiss, whose key gneiss-kek lives in the Managed HSM mhsm-elbe (crgneiss uses the versionless URI). Before I copy it: does a new version of an HSM key really need the role assigned again, and will a 7-day interval even be accepted there?""",
canonical=[K + "create-a-new-version-in-a-managed-hsm"],
related=[M + "rotate-a-managed-hsm-key", K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["a key holds at most 100 versions"],
answer_facts=["covers every version of the key", "more often than every 28 days"],
truth="Neither part of that wiki advice fits a Managed HSM key. The identity's local role on /keys/gneiss-kek covers every version of the key, so a new version needs no new role assignment. And 7 days won't work: a Managed HSM rotation policy can't rotate more often than every 28 days (7 days is the Key Vault floor); a policy also has to exist before on-demand az keyvault key rotate --hsm-name mhsm-elbe works, and a key can hold at most 100 versions. Keep new versions RSA-HSM with wrapKey and unwrapKey; whoever creates them needs a key-creating local role such as Managed HSM Crypto User. Since crgneiss is on the versionless URI, it moves to each new version within about an hour by itself."),

dict(key="L7", style="long", kind="why", category="keys", quals=[], flags=["quoted_reply"],
question="""> I'd give the registry identity Key Vault Crypto User on kv-jade as well, next to the
> service encryption role. Belt and braces, and it saves a ticket if ACR ever needs more.
> We did that on the old platform and never had an access problem.

Thanks for the suggestion. Before I take this to the change board for crjade (RBAC vault, identity id-jade-enc): why do the docs stop at the one role, and what would the extra role actually allow the identity to do on kv-jade?""",
canonical=[A + "why-key-vault-crypto-user-is-not-needed"],
related=[S + "option-a-azure-rbac-role-on-an-rbac-vault", A + "grant-access-with-an-azure-rbac-role", T + "operator-cannot-create-the-key-in-an-rbac-vault"],
facts=["lets the holder look up a key's properties"],
answer_facts=["grants more than the registry needs", "do not add it"],
truth="Because Key Vault Crypto Service Encryption User already matches everything the registry does with its key: read the key's properties, wrap and unwrap. That is the only Key Vault role the ACR docs use for id-jade-enc. Key Vault Crypto User is a general cryptography role (encrypt, decrypt, sign, verify and more on kv-jade's keys); ACR never needs those operations, so adding it, alongside or instead, only widens what the identity could do with kv-jade's keys. The extra role would allow id-jade-enc far more than crjade needs, so leave it out. Both roles are data-plane roles and only count on an RBAC vault like kv-jade anyway."),

dict(key="L8", style="long", kind="no", category="recovery", quals=[], flags=["quoted_reply"],
question="""> To prove the revocation drill works, just delete the newest version of the key.
> The registry drops back to the previous version, nothing else is touched, and we can
> re-create the version afterwards.

That was the proposal from our security lead for crquartzite (versioned key ID, key quartz-kek in kv-quartz). I'm the one who has to type the commands, so: can az keyvault key delete actually remove a single version of quartz-kek, leaving the older versions usable?""",
canonical=[V + "revoke-by-deleting-the-key"],
related=[V + "recover-a-deleted-key", V + "what-revocation-does-to-the-registry", V + "how-purge-protection-protects-the-registry"],
facts=["cuts the registry off from every key version at once"],
answer_facts=["it cannot delete just one key version", "the whole key, with all its versions"],
truth="No: az keyvault key delete --vault-name kv-quartz --name quartz-kek deletes the whole key with all its versions and has no way to drop only one version, so crquartzite would lose access to every version at once, not fall back to an older one. Older revisions of the rotate-and-revoke tutorial talked about deleting individual versions; the October 2026 revision no longer does. If you run it as a drill: the caller needs delete rights (e.g. Key Vault Crypto Officer), the key goes to the soft-deleted state and can be recovered with az keyvault key recover within the retention period, and a purge, or letting the period run out, loses the registry's content for good."),

dict(key="L9", style="long", kind="undocumented", category="recovery", quals=[], flags=["quoted_reply"],
question="""> Deleting the key is too drastic for a drill. Just run set-attributes with --enabled false
> on the registry key for ten minutes and flip it back. Same effect, zero risk.

Our SRE team wants to rehearse a key cut-off on crtalc this way (key talc-kek in kv-talc). It sounds sensible, but I couldn't find it anywhere in the ACR CMK articles. What exactly happens to crtalc's pulls and pushes while talc-kek is disabled, and do they come back by themselves when it's enabled again?""",
canonical=[V + "disabling-the-key-instead-a-key-vault-option-not-in-the-acr-docs"],
related=[V + "revoking-and-restoring-access-to-the-customer-managed-key", V + "what-revocation-does-to-the-registry", V + "restore-access-after-a-revocation"],
facts=["Re-enable with `--enabled true`."],
answer_facts=["effect on a registry is not documented", "test before relying on it"],
truth="Not documented: disabling a key (az keyvault key set-attributes --vault-name kv-talc --name talc-kek --enabled false, undone with --enabled true) is a Key Vault feature, but the ACR articles only list removing the identity's access and deleting the key as ways to revoke, so how crtalc behaves while talc-kek is disabled, and whether and how fast it recovers, isn't stated. The reasonable expectation is that it blocks the registry like a revocation, all repositories at once, and that access returns once the key is usable again, as it does after a documented revocation; try it on a non-production CMK registry before relying on it as a drill. Expiry dates (--expires) fall in the same undocumented category."),

dict(key="L10", style="long", kind="yes", category="network", quals=[], flags=["quoted_reply"],
question="""> Careful with kv-mica: once the firewall is set to Deny with only the office range allowed,
> you are locked out from home. You won't even be able to change the network rules
> again until you're back on the office network.

A colleague warned me about this before my on-call week. Our registry crmica encrypts with a key in kv-mica. If something goes wrong while I'm at home, is it true that I can't touch kv-mica's network rules or role assignments from outside, or can those still be changed from anywhere?""",
canonical=[N + "the-vault-firewall-covers-the-data-plane-only"],
related=[N + "allow-your-own-clients-through-the-vault-firewall", N + "create-the-key-before-the-registry-when-the-vault-is-locked-down", N + "allow-trusted-services-and-deny-other-traffic"],
facts=["The vault firewall filters calls to the vault's own endpoint"],
answer_facts=["can still be corrected from any network", "do not pass through that filter"],
truth="Yes: they can still be changed from anywhere, so the warning is only half right. The key vault firewall filters calls to kv-mica's own data-plane endpoint (reading keys, wrap and unwrap, new key versions); network settings, access policies and role assignments are changed through Azure Resource Manager and don't pass through it. From home you can run az keyvault network-rule add --name kv-mica --ip-address <your IP> or az keyvault update on kv-mica. What you can't do from outside is data-plane work such as creating a key version until your address is allowed. crmica itself is unaffected as long as the trusted-services bypass stays on."),

dict(key="L11", style="long", kind="value", category="keys", quals=[], flags=["markdown_table"],
question="""Before creating crslate we're tidying the key inventory in kv-slate-prod (a Premium vault). These are the candidates the security team left for us:

| Key | Type | Size / curve | Permitted ops |
|---|---|---|---|
| slate-k1 | RSA | 2048 | wrapKey, unwrapKey |
| slate-k2 | EC-HSM | P-256 | sign, verify |
| slate-k3 | RSA-HSM | 4096 | wrapKey, unwrapKey |
| slate-k4 | oct-HSM | 256 | wrapKey, unwrapKey |

Which of these four could the registry take as its customer-managed key? And does ACR prefer one RSA size over another?""",
canonical=[O + "which-key-types-and-sizes-are-supported"],
related=[O + "key-sizes-offered-by-key-vault", T + "elliptic-curve-key-rejected", O + "rsa-hsm-keys-need-a-premium-key-vault"],
facts=["supports RSA keys of 2048, 3072 and 4096 bits"],
answer_facts=["whatever the curve", "oct keys are not listed either"],
truth="slate-k1 and slate-k3. ACR supports RSA and RSA-HSM keys, and both keep wrapKey and unwrapKey in their permitted operations, which the registry needs. slate-k2 is out because elliptic-curve keys (EC and EC-HSM) aren't supported on any curve, and its ops lack wrap and unwrap anyway; slate-k4 is out because oct keys aren't among the supported types. On size ACR has no preference: its articles name none, and any RSA size Key Vault offers (2048, 3072 or 4096 bits) is valid, so choose what your compliance policy asks for. slate-k3 works here because kv-slate-prod is a Premium vault."),

dict(key="L12", style="long", kind="howto", category="rotation", quals=["hsm", "iac", "oct2026"], flags=["markdown_table"],
question="""Inventory of our three CMK registries, with the key ID each one was configured with:

| Registry | Key ID as configured | Deployed with |
|---|---|---|
| cropal01 | https://kv-opal.vault.azure.net/keys/opal-kek | Terraform |
| cropal02 | https://kv-opal.vault.azure.net/keys/opal-kek/5b1c07e2d94f4a1b | portal, Enter key URI |
| cropal03 | https://mhsm-opal.managedhsm.azure.net/keys/opal-hsm-kek/0d7e3a91c2b8 | Azure CLI |

The key team rotates opal-kek and opal-hsm-kek next week. Which key version will each registry be on afterwards (the Managed HSM one matters most), and how do we get the pinned ones onto automatic rotation?""",
canonical=[S + "step-6-choose-a-versioned-or-versionless-key-id"],
related=[K + "versioned-and-versionless-key-ids", K + "switch-from-manual-to-automatic-rotation", K + "check-which-key-version-the-registry-uses"],
facts=["the registry stays on that version until you run"],
answer_facts=["remove the last path segment", "the acr overview recommends the versionless form"],
truth="cropal01 has a versionless key ID, so it moves to the new opal-kek version within an hour on its own. cropal02 and cropal03 are pinned: their IDs end in a version, so both stay on the old version (the Managed HSM one included; the rules are the same for an HSM key) until someone runs az acr encryption rotate-key. To switch them to automatic rotation, remove the last path segment and rotate to the versionless form: az acr encryption rotate-key -n cropal02 --key-encryption-key https://kv-opal.vault.azure.net/keys/opal-kek, and for cropal03 https://mhsm-opal.managedhsm.azure.net/keys/opal-hsm-kek. Leaving out --identity keeps the current identity. Afterwards az acr encryption show reports keyRotationEnabled true. The ACR overview recommends the versionless form."),

dict(key="L13", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["markdown_table"],
question="""Readiness check for crocher, our first registry with a Managed HSM key. The HSM team filled in this table yesterday:

| Check | Status on mhsm-oder |
|---|---|
| Provisioned | yes, by the HSM team |
| Security domain downloaded | yes, activation finished |
| Key oder-kek | RSA-HSM, ops wrapKey and unwrapKey |
| Local role for id-oder-enc | not yet, we assumed ACR adds it at creation |
| HSM firewall | on, default Deny, no bypass configured |

Which rows still stop us from creating crocher with the Managed HSM key, and who has to act on them?""",
canonical=[M + "requirements-for-a-managed-hsm-key-store"],
related=[M + "local-rbac-roles-for-acr-encryption", M + "managed-hsm-firewall-and-trusted-services", M + "provision-and-activate-the-managed-hsm"],
facts=["For least privilege, assign it at the scope of the one key"],
answer_facts=["neither acr nor the portal creates", "you create that role assignment yourself"],
truth="Two rows block crocher. The local role: neither ACR nor the portal creates Managed HSM role assignments, so before creation someone holding Managed HSM Administrator, Crypto Officer or Policy Administrator must give id-oder-enc's principal ID Managed HSM Crypto Service Encryption User at /keys/oder-kek (az keyvault role assignment create --hsm-name mhsm-oder ... --assignee-principal-type MSI --scope /keys/oder-kek) and allow a few minutes for it to apply. The firewall: with Deny and no bypass ACR can't reach the key when the registry is created, so the HSM team should run az keyvault update-hsm --hsm-name mhsm-oder --bypass AzureServices --default-action Deny first. The other rows are fine: the HSM is provisioned and activated and oder-kek is RSA-HSM with wrapKey and unwrapKey. Also confirm that Managed HSM is offered in crocher's region."),

dict(key="L14", style="long", kind="no", category="limits", quals=[], flags=["markdown_table", "two_facts"],
question="""We're rebuilding our image registry crpumice01 as a new CMK registry (crpumice02) because of a compliance finding. The team listed the features it relies on today:

| Feature | Used today on | Notes |
|---|---|---|
| Artifact streaming | crpumice01 | big ML base images start faster |
| Docker Content Trust | crpumice01 | release repos, signed at build |
| Geo-replication | crpumice01 | West Europe plus North Europe |
| Task run logs | crpumice01 | we read them up to two weeks back |

The plan says every row simply carries over to crpumice02 unchanged. Can all four really stay as they are once the registry uses a customer-managed key?""",
canonical=[L + "feature-compatibility-summary", L + "docker-content-trust-is-not-supported"],
related=[L + "artifact-streaming-is-not-supported", L + "acr-tasks-run-logs-are-kept-for-only-24-hours", L + "geo-replication-works-with-cmk"],
facts=["Kept for 24 hours only"],
answer_facts=["not supported on cmk registries", "based on notary v1"],
truth="No: of the four rows on crpumice01, only geo-replication carries over unchanged to crpumice02 (follow Key Vault's disaster-recovery guidance for the key). Artifact streaming (preview) isn't supported on CMK registries, so plan for full image pulls of the ML base images. Docker Content Trust, which is built on Notary v1, can't be enabled on a CMK registry; sign with Notation (Notary Project) instead. Task run logs are kept for 24 hours only on a CMK registry, so two weeks of history requires exporting each run's log right after it finishes. Also remember that CMK can't be switched off later and needs Premium."),

dict(key="L15", style="long", kind="howto", category="identity", quals=[], flags=["markdown_table"],
question="""Identities currently involved with crjasper (key jasper-kek in kv-jasper, an RBAC vault):

| Identity | Type | Client ID | State on crjasper |
|---|---|---|---|
| id-jasper-enc | user-assigned | 6f2c41d8-...-a19e | attached, encryption uses it |
| id-jasper-enc2 | user-assigned | 91ab7e03-...-5c2d | created, not attached |
| (system) | system-assigned | n/a | off |

We want encryption on crjasper to run through id-jasper-enc2 and then retire id-jasper-enc. In what order do we attach, grant and switch? And at which point is it safe to remove the old identity?""",
canonical=[I + "switch-to-a-different-user-assigned-identity"],
related=[K + "rotate-with-a-different-identity-or-the-system-assigned-identity", I + "the-encryption-identity-cannot-simply-be-removed", I + "which-identity-value-goes-where"],
facts=["The same pattern works with another user-assigned identity"],
answer_facts=["grant it access to the key", "reports the new client id"],
truth="Attach, grant, rotate, verify, then retire. 1) Attach id-jasper-enc2 to crjasper: az acr identity assign -n crjasper --identities <id-jasper-enc2 resource ID>. 2) Grant its principal ID the key role on kv-jasper: az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <kv-jasper resource ID>, and give it a few minutes. 3) Rotate encryption to it with the key you keep using: az acr encryption rotate-key -n crjasper --key-encryption-key <current jasper-kek ID> --identity <id-jasper-enc2 resource ID>. 4) Only when az acr encryption show reports id-jasper-enc2's client ID (91ab7e03-...) may id-jasper-enc lose its role and be detached; doing it earlier cuts crjasper off from its key."),

dict(key="L16", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="""Rotating crdolomite to our Managed HSM key keeps failing at the service, although the CLI takes the command without a word. The value comes from a config file another team maintains:

```
$ grep KEK config/crdolomite.env
KEK_URI=http://mhsm-tagus.managedhsm.azure.net/secrets/dolomite-kek
$ az acr encryption rotate-key -n crdolomite --key-encryption-key "$KEK_URI"
(BadRequest) The key encryption key of registry crdolomite could not be resolved.
```

Role grants and HSM activation were checked twice by the HSM team. Why did the CLI let this value through, and what URI form does the service expect for a Managed HSM key?""",
canonical=[T + "managed-hsm-uri-is-not-a-key-uri"],
related=[M + "managed-hsm-key-uris", O + "the-key-encryption-key-kek-and-its-identifier", L + "managed-hsm-is-not-available-everywhere"],
facts=["URIs of secrets, certificates or any other object path in the HSM are not accepted."],
answer_facts=["copies whatever you pass without checking host", "acr accepts only the https uri"],
truth="The Azure CLI passes the --key-encryption-key value on without checking host or path, so a malformed URI is only refused by the service. Yours has two faults: it uses http instead of https, and it points at /secrets/ rather than /keys/. ACR accepts only the HTTPS URI of a key: https://mhsm-tagus.managedhsm.azure.net/keys/dolomite-kek, optionally followed by /<version>. Don't build it by hand; read it from the Managed HSM, az keyvault key show --hsm-name mhsm-tagus --name dolomite-kek --query key.kid -o tsv, and drop the last segment (${kid%/*}) if crdolomite should follow new versions automatically. The managedhsm.azure.net suffix only holds in the global Azure cloud."),

dict(key="L17", style="long", kind="troubleshoot", category="network", quals=[], flags=[],
question="""On Friday kv-chert was switched to selected networks (only the build agents' subnet is allowed). Today the creation of a new registry with a key from that vault failed:

```
$ az acr create -n crchert02 -g rg-chert --sku Premium --identity id-chert-enc \\
    --key-encryption-key https://kv-chert.vault.azure.net/keys/chert-kek
Failed to access KeyId 'https://kv-chert.vault.azure.net/keys/chert-kek' ...
```

The role assignment that lets id-chert-enc use keys in kv-chert is in place, and an identical command worked last week before the network change. What is missing on the vault side? And does that role assignment still play any part once it is fixed?""",
canonical=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
related=[N + "allow-trusted-services-and-deny-other-traffic", N + "azure-container-registry-in-key-vaults-trusted-services-list", O + "network-requirement-for-a-locked-down-key-vault"],
facts=["Azure Container Registry is on Key Vault's list of trusted services"],
answer_facts=["the registry cannot reach the key", "the bypass only opens the network path"],
truth="The trusted-services exception. With kv-chert limited to selected networks the registry can't reach the key unless the vault lets trusted Azure services bypass its firewall; Azure Container Registry is on that list for CMK encryption. Turn it on while keeping the deny default: az keyvault update --name kv-chert --resource-group rg-chert --bypass AzureServices --default-action Deny, check properties.networkAcls, then retry az acr create. The role assignment still matters: the bypass only opens the network path, and id-chert-enc still needs Key Vault Crypto Service Encryption User to read, wrap and unwrap chert-kek. Adding the registry's IPs to the vault firewall is not the documented way."),

dict(key="L18", style="long", kind="troubleshoot", category="iac", quals=["iac"], flags=[],
question="""Terraform module for our CMK registries, shortened:

```hcl
resource "azurerm_role_assignment" "topaz_kek" {
  role_definition_name = local.cmk_role # the service encryption user role
  scope                = azurerm_key_vault.topaz.id
  principal_id         = azurerm_user_assigned_identity.topaz.principal_id
}

resource "azurerm_container_registry" "topaz" {
  name     = "crtopaz"
  identity {
    identity_ids = [azurerm_user_assigned_identity.topaz.id]
    type         = "UserAssigned"
  }
  sku      = "Premium"
  encryption {
    identity_client_id = local.topaz_enc_client_id
    key_vault_key_id   = local.topaz_kek_versionless
  }
}
```

In a fresh subscription the first apply always fails on the registry with a key access error, and a second apply a few minutes later goes through. Why does the first run fail, and what should change in the module so one apply is enough?""",
canonical=[C + "why-the-registry-needs-depends_on-on-the-role-assignment"],
related=[C + "complete-terraform-example-with-key-vault-role-assignment-and-registry", C + "common-terraform-and-bicep-errors-with-acr-encryption", T + "managed-hsm-role-assignment-not-yet-in-effect"],
facts=["The registry must be able to use the key at the moment it is created."],
answer_facts=["may create both in parallel", "a guess, not a documented value"],
truth="Two timing problems. The registry block references the identity and the key but not azurerm_role_assignment.topaz_kek, so Terraform is free to create the registry and the role assignment at the same time, and the registry needs working key access at the moment it is created. Add depends_on = [azurerm_role_assignment.topaz_kek] to the registry. Even then a fresh role assignment can take a few minutes to apply, which is why the second apply works: either accept a re-run or put a time_sleep from the hashicorp/time provider between grant and registry (some use create_duration = \"120s\", but that figure is a guess, not a documented value). Setting principal_type = \"ServicePrincipal\" on the role assignment also avoids a directory lookup for the brand-new identity. On an access-policy vault depend on azurerm_key_vault_access_policy instead."),

dict(key="L19", style="long", kind="troubleshoot", category="setup", quals=[], flags=[],
question="""crobsidian is an older Premium registry (about 40 repositories) that we now have to encrypt with our own key. The identity and the key are ready, but rotate-key refuses to run and answers with a usage error saying key rotation only works on registries that already have CMK. Current encryption state of crobsidian:

```
$ az acr encryption show -n crobsidian -o json
{
  "keyVaultProperties": null,
  "status": "disabled"
}
```

az acr update doesn't seem to have any key or identity option either. Is there a supported way to switch CMK on for crobsidian itself, and if not, what is the least disruptive path?""",
canonical=[T + "key-rotation-fails-on-a-registry-without-cmk"],
related=[O + "moving-an-existing-registry-to-cmk", O + "cmk-can-only-be-enabled-when-the-registry-is-created", C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep"],
facts=["an existing registry cannot be converted"],
answer_facts=["converting existing registries is not planned", "deleting the old registry is irreversible"],
truth="There isn't one: CMK can only be chosen when a registry is created, rotate-key works only on registries that already use it, and az acr update has no key or identity option, so crobsidian can't be converted (an ACR maintainer said in November 2025 that conversion is not planned). The path is a new registry: create a Premium registry, e.g. crobsidiancmk, with az acr create --sku Premium --identity <identity resource ID> --key-encryption-key <versionless key ID> after the identity has key access; copy each repository and tag across with az acr import --registry <crobsidian resource ID> --source <repo:tag>; repoint clients to the new login server; and delete crobsidian only after checking that everything arrived, since deleting it is irreversible."),

dict(key="L20", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="""During a clean-up someone ran az keyvault key delete on the key that crbauxite encrypts with, in our Managed HSM volga-hsm. Pulls from crbauxite have failed since this morning. The key shows up as deleted:

```
$ az keyvault key list-deleted --hsm-name volga-hsm -o table
Name          DeletedDate            ScheduledPurgeDate
------------  ---------------------  ---------------------
bauxite-kek   2026-11-03T07:12:44Z   2026-12-03T07:12:44Z
```

I hold the local role Managed HSM Crypto User and the Azure Contributor role on the HSM resource. How do we recover the deleted key from the Managed HSM, which role does that take, and does crbauxite pick it up again by itself?""",
canonical=[M + "recover-a-deleted-managed-hsm-key-or-hsm"],
related=[T + "key-vault-or-key-was-deleted", V + "revoke-access-to-a-key-in-a-managed-hsm", V + "recover-a-deleted-managed-hsm"],
facts=["HSM and key names stay reserved while they are soft-deleted."],
answer_facts=["key needs managed hsm crypto officer", "soft delete (always on)"],
truth="Recover it before the scheduled purge date: az keyvault key recover --hsm-name volga-hsm --name bauxite-kek. That needs the local role Managed HSM Crypto Officer in volga-hsm; your Crypto User role and an Azure Contributor role on the HSM resource aren't enough (the Azure role Managed HSM Contributor is only for recovering or purging a whole deleted HSM). Once the key is back, check it with az keyvault key show --hsm-name volga-hsm --name bauxite-kek --query attributes and retry a pull; the identity's local role on the key still applies and crbauxite resumes using it without other changes. Don't purge it, since that would lose crbauxite's content for good, and consider enabling purge protection on the HSM (a one-way switch)."),

dict(key="L21", style="long", kind="howto", category="iac", quals=["iac"], flags=[],
question="""We added an encryption block to the Terraform resource of our existing Premium registry crflint (about 300 images), and the plan looks harmless:

```
  # module.registry.azurerm_container_registry.flint
  ~ resource "azurerm_container_registry" "flint" {
      + encryption {
          + identity_client_id = "2e8d5b14-7c39-4f0a-9d61-b3a7e0c5f218"
          + key_vault_key_id   = "https://kv-flint.vault.azure.net/keys/flint-kek"
        }
    }
```

The Bicep team wants to do the same to their registries next. Will this apply switch CMK on for crflint in place? If not, which route avoids losing the images?""",
canonical=[C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep"],
related=[O + "moving-an-existing-registry-to-cmk", C + "customer-managed-keys-in-terraform-bicep-and-arm-templates", T + "key-rotation-fails-on-a-registry-without-cmk"],
facts=["azurerm does not mark `encryption` as forcing replacement"],
answer_facts=["plans an in-place update", "deletes the old one and every image"],
truth="It won't: the service accepts a customer-managed key only at registry creation. The azurerm provider doesn't treat the encryption block as forcing replacement, so the plan shows an in-place update that the service is expected to reject at apply (the exact error isn't documented); a Bicep or ARM redeploy with encryption added runs into the same rule. Forcing it with terraform apply -replace would create a new registry but delete crflint and all its images first. The safe route: declare a second, CMK-enabled registry under a new name, copy the images with az acr import, switch clients over, and only then remove crflint. Changing key_vault_key_id or identity_client_id later on a registry that already has CMK is fine; that's the Terraform form of rotate-key."),

dict(key="L22", style="long", kind="value", category="iac", quals=["iac"], flags=[],
question="""Our Bicep module still pins the registry resource to the API version of the original tutorial template:

```bicep
resource crAmber 'Microsoft.ContainerRegistry/registries@2019-12-01-preview' = {
  // values below come from module parameters
  name: amberAcr
  location: amberRegion
  sku: { name: 'Premium' }
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${uamiId}': {} } }
  properties: {
    encryption: { status: 'enabled', keyVaultProperties: { identity: amberUamiClient, keyIdentifier: amberKekUri } }
  }
}
```

The linter now warns about the preview version. Which API version should the module move to, and does the shape of the encryption properties change along the way?""",
canonical=[C + "api-versions-that-support-registry-encryption"],
related=[C + "arm-template-json-propertiesencryption-and-keyvaultproperties", C + "bicep-registry-with-a-customer-managed-key", C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs"],
facts=["all have the same `encryption` and `keyVaultProperties` shape"],
answer_facts=["prefer the newest stable version", "encryption first appears in 2019-12-01-preview"],
truth="Move to the newest stable version, 2025-11-01 (2025-04-01, 2023-07-01 and 2021-09-01 are the earlier stable ones). The preview your module pins is simply where the encryption property first appeared; the stable versions and later previews such as 2025-06-01-preview (used by the AVM module) all share the same encryption and keyVaultProperties shape, so only the version string changes. Keep keyVaultProperties.identity on the identity's client ID and keyIdentifier on the key URI, and don't copy read-only fields such as versionedKeyIdentifier into the template."),

dict(key="L23", style="long", kind="yes", category="hsm", quals=["hsm", "iac", "oct2026"], flags=[],
question="""Our operations team works only in the portal. For the new registry crrhone we have the Managed HSM mhsm-rhone (activated), the user-assigned identity id-rhone-enc and a key the HSM team created for us:

```
$ az keyvault key show --hsm-name mhsm-rhone -n rhone-kek --query "[key.kty, key.keyOps]"
[
  "RSA-HSM",
  [ "wrapKey", "unwrapKey" ]
]
```

Can the whole creation of crrhone with this Managed HSM key be done in the portal, and what must already exist on the HSM side before we press Create?""",
canonical=[M + "set-up-a-registry-with-a-managed-hsm-key-in-the-azure-portal"],
related=[M + "key-picker-blocked-by-the-hsm-firewall", M + "requirements-for-a-managed-hsm-key-store", S + "set-up-cmk-in-the-azure-portal"],
facts=["Neither the portal nor ACR creates the role assignment of step 4"],
answer_facts=["managed hsms as well as key vaults", "without it the registry cannot be created"],
truth="Yes: since the October 2026 revision the portal flow covers Managed HSM keys. On the Encryption tab of a Premium registry choose id-rhone-enc, then either Select from Key Vault, which lists Managed HSMs as well as key vaults and stores rhone-kek without a version (automatic rotation), or Enter key URI with a versioned or versionless Managed HSM key URI. Before pressing Create: give id-rhone-enc the local role Managed HSM Crypto Service Encryption User scoped to rhone-kek, in the HSM under Settings > Local RBAC (the portal and ACR never create it, and without it crrhone can't be created); and if the HSM firewall is on, allow trusted services. The key itself is fine (RSA-HSM with wrapKey and unwrapKey). If the picker can't list the keys behind the firewall, use Enter key URI."),

dict(key="L24", style="long", kind="value", category="setup", quals=[], flags=[],
question="""We script registry creation for our product teams. The run for crbasalt7 failed on the identity:

```
$ az acr create -n crbasalt7 -g rg-basalt --sku Premium \\
    --identity 3f9e2c71-5a0d-4e8b-b6c2-91d7f04a3e55 \\
    --key-encryption-key https://kv-basalt.vault.azure.net/keys/basalt7-kek
(InvalidIdentity) The identity '3f9e2c71-5a0d-4e8b-b6c2-91d7f04a3e55' could not be found.
```

That GUID is the identity's principal ID, the same one we granted on kv-basalt. Which of the identity's values does --identity expect at creation? And which other values in this call does the service insist on?""",
canonical=[S + "step-7-create-the-premium-registry-with-the-customer-managed-key"],
related=[I + "which-identity-value-goes-where", S + "rules-that-az-acr-create-enforces-for-cmk", S + "step-2-create-a-user-assigned-managed-identity-and-capture-its-ids"],
facts=["`--identity` takes the user-assigned identity's resource ID"],
answer_facts=["not its principal id or client id", "the service rejects other tiers"],
truth="The resource ID of the user-assigned identity (/subscriptions/.../providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>), or just its name when it sits in rg-basalt with the registry; not its principal ID or client ID. The principal ID belongs only in the key grant on kv-basalt, which you did right. The rest: --sku Premium is required (other tiers are refused), --key-encryption-key must be the HTTPS URI of a key in a key vault or Managed HSM, not a secret or certificate, and only a user-assigned identity works at creation. Fetch the right value with az identity show -n <identity> -g rg-basalt --query id -o tsv."),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="howto", category="keys", quals=[], flags=["emoji_casual"],
question="lol how do i tell if our kv runs rbac or access policies 🙃",
canonical=[A + "which-permission-model-does-my-key-vault-use"],
related=[A + "two-supported-ways-to-grant-key-access", A + "azure-cli-262-and-later-create-rbac-vaults-by-default", T + "role-assignment-has-no-effect-on-an-access-policy-vault"],
facts=["Use the role assignment."],
answer_facts=["access policies on it are ignored", "false or empty"],
truth="Ask the vault: az keyvault show --name <vault> --resource-group <rg> --query properties.enableRbacAuthorization -o tsv. true means Azure RBAC: access policies on it are ignored, set-policy refuses to run, and the registry identity needs the Key Vault Crypto Service Encryption User role. false or an empty result means access policies: RBAC data-plane roles do nothing there, so grant get, wrapKey and unwrapKey with az keyvault set-policy. Vaults created with Azure CLI 2.62 or later default to RBAC."),

dict(key="S2", style="short", kind="troubleshoot", category="identity", quals=[], flags=["emoji_casual"],
question="ugh acr pulls now 403 with 'identity is inactive' 😩 what broke?",
canonical=[T + "registry-identity-is-inactive-or-expired"],
related=[I + "the-encryption-identity-cannot-simply-be-removed", T + "removing-the-encryption-identity-fails", T + "check-health-reports-cmk_error"],
facts=["Reassign the identity manually"],
answer_facts=["usually after about three months", "identity to the registry again"],
truth="Someone earlier tried to detach the registry's encryption identity. That attempt stopped the identity from being renewed; pulls and pushes kept working until its credentials ran out, usually after about three months, and now they fail with 403. Fix: attach that user-assigned identity to the registry once more with az acr identity assign -n <registry> -g <rg> --identities <identity resource ID>, then retry. If you really want another identity, rotate encryption to it first and only then remove the old one. If encryption uses the system-assigned identity, open a support request instead of toggling it, since a re-created system identity gets a new principal."),

dict(key="S3", style="short", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=["emoji_casual"],
question="ngl what does a managed hsm key uri look like vs kv 🤔",
canonical=[M + "key-vault-and-managed-hsm-compared"],
related=[M + "managed-hsm-key-uris", O + "the-key-encryption-key-kek-and-its-identifier", T + "managed-hsm-uri-is-not-a-key-uri"],
facts=["Only after it is provisioned **and activated**"],
answer_facts=["https://<hsm>.managedhsm.azure.net/keys/<key>[/<version>]", "not in every azure cloud and region"],
truth="Same path, different host. A key vault key is https://<vault>.vault.azure.net/keys/<key>, a Managed HSM key is https://<hsm>.managedhsm.azure.net/keys/<key>; either can end in /<version> to pin that version, and without it the registry follows new versions automatically. managedhsm.azure.net is the global Azure cloud's suffix, and Managed HSM isn't offered in every cloud and region, so read the kid with az keyvault key show --hsm-name <hsm> -n <key> --query key.kid instead of typing it."),

dict(key="S4", style="short", kind="no", category="limits", quals=["hsm", "oct2026"], flags=["emoji_casual"],
question="is managed hsm supported in every azure region and cloud tbh? 🌍",
canonical=[L + "managed-hsm-is-not-available-everywhere"],
related=[M + "requirements-for-a-managed-hsm-key-store", L + "geo-replication-with-a-managed-hsm-key", M + "managed-hsm-key-uris"],
facts=["Managed HSM key URIs also use a different DNS suffix outside the global Azure cloud"],
answer_facts=["offered in every azure cloud and region", "a key vault vault remains the alternative"],
truth="No: Azure Key Vault Managed HSM isn't offered in every Azure cloud and region, so confirm it exists where the registry will live before designing around it; otherwise a key in a Key Vault vault remains the alternative. Outside the global cloud its key URIs also use a different DNS suffix than managedhsm.azure.net, and for a geo-replicated registry plan the HSM's own recovery per region."),

dict(key="S5", style="short", kind="why", category="limits", quals=[], flags=["emoji_casual"],
question="why no artifact streaming on our cmk acr smh 🙄",
canonical=[L + "artifact-streaming-is-not-supported"],
related=[L + "feature-compatibility-summary", O + "cmk-cannot-be-disabled-after-it-is-enabled", L + "cmk-limitations-compatibility-and-status-checks"],
facts=["Artifact streaming (preview) lists CMK-encrypted registries"],
answer_facts=["plan for full image pulls", "among its unsupported configurations"],
truth="Because artifact streaming, still in preview, names CMK-encrypted registries as an unsupported configuration, so it can't be used on that registry. Since CMK can't be switched off either, plan for full image pulls there; the docs give no date for a change."),

dict(key="S6", style="short", kind="yes", category="setup", quals=[], flags=["manager_ask"],
question="is our registry encrypted at rest without cmk, for the audit?",
canonical=[O + "default-encryption-at-rest-without-a-cmk"],
related=[O + "why-teams-use-a-customer-managed-key", O + "what-customer-managed-key-encryption-adds-to-a-registry", O + "cmk-requires-the-premium-sku"],
facts=["Choose a CMK only when you need control over the key itself"],
answer_facts=["still encrypted at rest with microsoft-managed keys", "not needed to get encryption at rest"],
truth="Yes: every Azure Container Registry is encrypted at rest with Microsoft-managed keys, with or without a customer-managed key. A CMK adds your own control over the key (who may use it, when it rotates, the option to cut access), which auditors sometimes require; it needs the Premium tier and can only be set when a registry is created, so ask the auditors whether control of the key is part of their requirement."),

dict(key="S7", style="short", kind="undocumented", category="limits", quals=[], flags=["manager_ask"],
question="can we move the cmk registry down to standard tier to save budget?",
canonical=[L + "changing-the-sku-of-a-cmk-registry-is-not-documented"],
related=[O + "cmk-requires-the-premium-sku", T + "cmk-needs-the-premium-tier", L + "pricing-considerations"],
facts=["treat a CMK registry as staying on Premium"],
answer_facts=["do not assume it works", "ask azure support before attempting a downgrade"],
truth="Not documented: Microsoft's docs don't say whether a registry encrypted with a customer-managed key can move from Premium to Standard or Basic. CMK exists only on Premium and can't be turned off, so plan the budget as if the registry stays on Premium, and if the saving matters, get a written answer from Azure support before anyone tries the downgrade."),

dict(key="S8", style="short", kind="value", category="recovery", quals=[], flags=[], typo="retenion",
question="can a new kv reuse the old name during soft delete retenion?",
canonical=[V + "recover-a-deleted-key-vault"],
related=[T + "key-vault-or-key-was-deleted", O + "soft-delete-and-purge-protection-behaviour-in-key-vault", V + "how-purge-protection-protects-the-registry"],
facts=["a new vault with the same name cannot be created in the meantime"],
answer_facts=["the vault name stays reserved", "together with its keys"],
truth="It can't: while the deleted vault is soft-deleted its name stays reserved, so a new vault with that name can't be created until the retention period ends or the old one is purged. If the old vault held a registry's key, recover it instead (az keyvault recover --name <vault>); it comes back together with its keys. Purging it to free the name would destroy that key and the registry's content."),

dict(key="S9", style="short", kind="howto", category="identity", quals=[], flags=[], typo="prinicpal",
question="how do i grab the uami prinicpal id and client id",
canonical=[I + "create-the-user-assigned-identity-and-capture-its-ids"],
related=[I + "which-identity-value-goes-where", S + "step-2-create-a-user-assigned-managed-identity-and-capture-its-ids", A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities"],
facts=["the last segment is always the identity's own name"],
answer_facts=["capture the three ids you will need", "never one rebuilt from that sample"],
truth="Read them from the identity itself: az identity show --name <identity> --resource-group <rg> --query principalId -o tsv for the principal (object) ID, the same with --query clientId for the client ID, and --query id for the resource ID. The principal ID goes into the key grant, the client ID into the encryption settings of templates and rotate-key, the resource ID into az acr create --identity. Copy the values your own command returns; the enable tutorial's sample output has a wrong last segment in its id."),

dict(key="S10", style="short", kind="undocumented", category="network", quals=[], flags=[], typo="trusetd",
question="are the old reports of acr create failing with trusetd services still valid?",
canonical=[N + "reports-of-first-time-creation-failing-against-a-firewalled-vault-not-official"],
related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", S + "create-the-key-before-the-registry-for-restricted-vaults", N + "allow-trusted-services-and-deny-other-traffic"],
facts=["all from before 2023"],
answer_facts=["these reports may be out of date", "create the key before the registry"],
truth="Not documented: the GitHub reports (all from before 2023) of az acr create failing against a firewalled vault although trusted services were allowed aren't confirmed or ruled out by current docs, and may be out of date. The official guidance is only to allow trusted Azure services through the vault firewall and to create the key before the registry. The workaround from those threads, creating with a key in a temporary open vault and then moving with az acr encryption rotate-key, is unofficial."),

dict(key="S11", style="short", kind="howto", category="recovery", quals=["hsm", "oct2026"], flags=[],
question="revoke our acr from its managed hsm key, which scope to delete at",
canonical=[M + "revoke-access-to-a-managed-hsm-key"],
related=[V + "revoke-access-to-a-key-in-a-managed-hsm", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope", V + "what-revocation-does-to-the-registry"],
facts=["Either one blocks **all** registry data"],
answer_facts=["at the scope where it was made", "or the revocation does not happen"],
truth="Delete the identity's Managed HSM Crypto Service Encryption User assignment at the exact scope it was created at, usually /keys/<key>: az keyvault role assignment delete --hsm-name <hsm> --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id <principal ID> --scope /keys/<key>. List the identity's assignments first; one made at /keys or / survives a delete at the key scope and keeps access alive, as does any other local role with wrap and unwrap. Once all are gone, all registry data is blocked until access is given back."),

dict(key="S12", style="short", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question="removed the identity's kv role yet acr still pulls fine",
canonical=[T + "role-assignment-has-no-effect-on-an-access-policy-vault"],
related=[A + "which-permission-model-does-my-key-vault-use", V + "revoke-by-removing-the-access-policy", A + "grant-access-with-a-key-vault-access-policy"],
facts=["Azure role assignments grant no key access on such a vault"],
answer_facts=["only its access policies count", "not the role assignment"],
truth="The vault most likely uses access policies (az keyvault show --name <vault> --query properties.enableRbacAuthorization returns false), and on such a vault Azure role assignments never granted key access; the identity's access policy did, and it's still there. To revoke, delete that policy: az keyvault delete-policy --name <vault> --object-id <identity principal ID>. Expect all registry data to be blocked until the policy is restored."),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="A1", style="agent", kind="yes", form="context", category="hsm", quals=["hsm", "oct2026"], flags=["manager_ask", "two_facts"],
question="Context: our auditors and one large customer contract require the registry's encryption key to sit in dedicated hardware we control. Question: is Azure Managed HSM a supported home for that key, and does choosing it add risk to our delivery plan?",
canonical=[O + "acr-customer-managed-key-encryption-overview-and-requirements", M + "using-an-azure-key-vault-managed-hsm-key-for-registry-encryption"],
related=[M + "requirements-for-a-managed-hsm-key-store", L + "managed-hsm-is-not-available-everywhere", M + "key-vault-and-managed-hsm-compared"],
facts=["a single-tenant pool of hardware security modules with its own endpoint"],
answer_facts=["key vault vault or a managed hsm", "a single-tenant pool of hardware security modules"],
truth="Yes: since the October 2026 revision of the ACR docs the registry's customer-managed key can be kept either in a Key Vault vault or in Azure Key Vault Managed HSM, a single-tenant pool of hardware security modules. The delivery risks are set-up work rather than blockers: the HSM has to be provisioned and activated by its administrators before any key exists, the key must be RSA-HSM allowing wrap and unwrap, your team must grant the registry's identity a local role on the key itself (ACR never does), Managed HSM isn't available in every cloud and region, it is billed even while deleted, and the key has to be chosen when the registry is created on the Premium tier, so an existing registry means building a new one and moving the images."),

dict(key="A2", style="agent", kind="undocumented", form="imperative", category="limits", quals=[], flags=["manager_ask"],
question="Explain for our risk register whether the encrypted production registry can also be zone redundant, because an outage in a single zone would hit paying customers.",
canonical=[L + "zone-redundancy-with-cmk-is-not-documented"],
related=[L + "feature-compatibility-summary", L + "geo-replication-works-with-cmk", O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
facts=["cannot be changed after creation"],
answer_facts=["neither as supported nor as a limitation", "verify in a test subscription"],
truth="Not documented: the customer-managed key articles say nothing about zone redundancy, neither calling it supported nor listing it as a limitation. The CLI will accept az acr create --zone-redundancy Enabled together with the key options (the flag is marked preview and is fixed at creation), but whether that pairing is supported isn't stated. Record it as an open risk, verify it in a test subscription or get a statement from Microsoft support, and decide before the registry is created, since neither the key nor zone redundancy can be added later. Geo-replication, by contrast, is documented as working with CMK."),

dict(key="A3", style="agent", kind="why", form="keywords", category="keys", quals=[], flags=["manager_ask"],
question="why pay the extra effort for customer-managed keys on our container registry at all, compliance keeps asking and i need a short reason for the budget review",
canonical=[O + "why-teams-use-a-customer-managed-key"],
related=[O + "default-encryption-at-rest-without-a-cmk", L + "pricing-considerations", O + "cmk-requires-the-premium-sku"],
facts=["the most common driver"],
answer_facts=["regulatory compliance", "audit how and when it is used"],
truth="Because it gives your organisation control of the key, which encryption at rest alone does not: the registry is encrypted with Microsoft-managed keys anyway. The usual reasons are regulatory compliance (data at rest protected by a key you own, the most common driver), deciding yourself when the key rotates and who may use it, the ability to make the registry's content unreadable by withdrawing the key, and auditing of every use of the key in your own Key Vault or Managed HSM. The cost side: it needs the Premium tier, the key store is billed separately, and CMK must be chosen when a registry is created and can't be turned off."),

dict(key="A4", style="agent", kind="troubleshoot", form="context", category="troubleshooting", quals=["hsm", "iac", "oct2026"], flags=[],
question="Context: creating crgranite in the portal, the Encryption tab's Select from Key Vault shows mhsm-danube but lists no keys; the HSM firewall is on with trusted services allowed. Question: why are the keys hidden from me, and what are my options?",
canonical=[M + "key-picker-blocked-by-the-hsm-firewall"],
related=[T + "portal-key-picker-cannot-list-keys-behind-the-managed-hsm-firewall", M + "managed-hsm-firewall-and-trusted-services", N + "the-portal-key-picker-and-a-key-store-firewall"],
facts=["it does nothing for a browser outside the network boundary"],
answer_facts=["a data-plane call made from your browser", "enter key uri with the key id"],
truth="The picker lists keys with a data-plane call from your own browser, and mhsm-danube's firewall doesn't allow your client address; the trusted-services exception only lets ACR itself through. Options: switch to Enter key URI and paste the key ID, read on a machine inside an allowed network with az keyvault key show --hsm-name mhsm-danube -n <key> --query key.kid (drop the version for automatic rotation), or add your public IP temporarily with az keyvault network-rule add --hsm-name mhsm-danube --ip-address <your IP> and remove it afterwards. Keep the trusted-services bypass on so crgranite can reach the key, and make sure its identity already holds the Managed HSM local role on the key."),

dict(key="A5", style="agent", kind="howto", form="imperative", category="network", quals=[], flags=[],
question="Show how to restrict kv-shale to trusted Azure services with everything else denied, and how to confirm the change, for a vault that already holds crshale's customer-managed key.",
canonical=[N + "allow-trusted-services-and-deny-other-traffic"],
related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry", N + "allow-your-own-clients-through-the-vault-firewall"],
facts=["Set the bypass to `AzureServices` and the default action to `Deny`"],
answer_facts=["(bypass should be azureservices)", "nothing to do with reaching the key"],
truth="Set the vault's bypass and default action in one call: az keyvault update --name kv-shale --resource-group <rg> --bypass AzureServices --default-action Deny, then confirm with az keyvault show --name kv-shale --resource-group <rg> --query properties.networkAcls and check that bypass reads AzureServices and defaultAction Deny. In the portal it's the vault's Networking page with 'Allow trusted Microsoft services to bypass this firewall'. Don't confuse it with az acr update --allow-trusted-services on crshale, which governs the registry's own firewall. Because crshale already uses the key, watch for HTTP 403 on imports or rotation afterwards; if that happens, re-apply its identity and key with az acr encryption rotate-key. Add allowed IPs for your own clients that manage keys."),

dict(key="A6", style="agent", kind="howto", form="keywords", category="network", quals=["hsm", "oct2026"], flags=["two_facts"],
question="managed hsm firewall for a new cmk registry, what to set before az acr create so acr gets access, and how our pipeline still reaches the hsm to add key versions",
canonical=[M + "managed-hsm-firewall-and-trusted-services", N + "managed-hsm-firewall-and-trusted-services"],
related=[M + "requirements-for-a-managed-hsm-key-store", O + "network-requirement-for-a-locked-down-key-vault", T + "portal-key-picker-cannot-list-keys-behind-the-managed-hsm-firewall"],
facts=["the registry needs the key at the moment it is created"],
answer_facts=["firewall added after the registry was encrypted", "clients that manage keys"],
truth="Before az acr create, let trusted Azure services through the Managed HSM firewall while denying the rest: az keyvault update-hsm --hsm-name <hsm> --resource-group <rg> --bypass AzureServices --default-action Deny, and check it with az keyvault show --hsm-name <hsm> --query \"{publicNetworkAccess:properties.publicNetworkAccess, networkAcls:properties.networkAcls}\". The bypass only opens the network; the identity still needs its local role on the key. Your pipeline, like any client that manages keys, needs its own allowed address: az keyvault network-rule add --hsm-name <hsm> --ip-address <pipeline egress IP>. If a firewall is added after the registry was encrypted, imports and automatic rotation can fail with 403 until the path is opened and the key and identity are re-applied with rotate-key."),

dict(key="A7", style="agent", kind="troubleshoot", form="context", category="troubleshooting", quals=[], flags=[],
question="Context: our grant script passes both --assignee and --assignee-object-id with the managed identity's principal ID to az role assignment create, and the CLI stops with a usage error. Question: which of the two should stay, and why is that the safer choice?",
canonical=[A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities"],
related=[T + "role-assignment-rejects-the-principal-type-or-the-assignee", A + "grant-access-with-an-azure-rbac-role", S + "option-a-azure-rbac-role-on-an-rbac-vault"],
facts=["passing both, or neither, fails"],
answer_facts=["skips the microsoft graph lookup", "mutually exclusive"],
truth="Keep --assignee-object-id with the principal ID and add --assignee-principal-type ServicePrincipal; drop --assignee. The two options are mutually exclusive, so giving both (or neither) is a usage error. The object-ID form skips the Microsoft Graph lookup that --assignee does, so it works without Graph permissions and doesn't fail when a newly created identity hasn't replicated yet. For az role assignment create a managed identity counts as ServicePrincipal; MSI belongs to the Managed HSM command az keyvault role assignment create."),

dict(key="A8", style="agent", kind="value", form="imperative", category="iac", quals=["iac"], flags=[],
question="List what each argument of the azurerm_container_registry encryption block expects, and whether a status argument is needed, for the Terraform module that builds our CMK registries.",
canonical=[C + "terraform-azurerm_container_registry-encryption-block"],
related=[C + "complete-terraform-example-with-key-vault-role-assignment-and-registry", C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs", C + "automatic-key-rotation-in-terraform-versionless_id-vs-id"],
facts=["The provider sets `status = enabled` itself"],
answer_facts=["there is no status argument", "must also be listed in identity_ids"],
truth="encryption.key_vault_key_id takes the key URI, https://<vault>.vault.azure.net/keys/<key> with an optional /<version> (the provider checks that it ends in keys/<name> or keys/<name>/<version>; use versionless_id for automatic rotation). encryption.identity_client_id takes the user-assigned identity's client_id, validated as a UUID. That identity must also be listed in identity.identity_ids (resource IDs), with identity.type UserAssigned or SystemAssigned, UserAssigned, and sku must be Premium. There is no status argument: the provider sets status = enabled itself."),

dict(key="A9", style="agent", kind="no", form="context", category="keys", quals=["hsm", "oct2026"], flags=[],
question="Context: security wants the registry identity to get the same get, wrapKey and unwrapKey access policy on our Managed HSM that we use on vaults. Question: can az keyvault set-policy grant that access on a Managed HSM?",
canonical=[A + "granting-the-registry-identity-access-to-the-key-vault"],
related=[M + "local-rbac-roles-for-acr-encryption", A + "grant-access-to-a-key-in-a-managed-hsm", A + "two-supported-ways-to-grant-key-access"],
facts=["The identity that a CMK registry uses must be allowed to read the key"],
answer_facts=["a third mechanism applies (local rbac)", "the two supported ways to grant"],
truth="No: access policies and role assignments are the two ways to grant key access in a Key Vault vault, but a Managed HSM has no access policies; it uses a third mechanism, its local RBAC. Grant the identity's principal ID the local role Managed HSM Crypto Service Encryption User at the key's scope: az keyvault role assignment create --hsm-name <hsm> --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id <principal ID> --assignee-principal-type MSI --scope /keys/<key>. That role covers what the registry needs (read, wrap, unwrap), and ACR never creates it for you."),

dict(key="A10", style="agent", kind="troubleshoot", form="keywords", category="identity", quals=[], flags=[],
question="az acr identity remove on crflint claims the user identity id-flint-old is not assigned so nothing can be removed, yet that identity lives in rg-shared and is attached",
canonical=[I + "the-encryption-identity-cannot-simply-be-removed"],
related=[T + "removing-the-encryption-identity-fails", I + "switch-to-a-different-user-assigned-identity", T + "registry-identity-is-inactive-or-expired"],
facts=["A user-assigned identity given by name is looked up in the registry's resource group"],
answer_facts=["there is nothing to remove", "needs its full resource id"],
truth="That refusal comes from the CLI before anything is sent: a user-assigned identity given by name is looked up in the registry's own resource group, so id-flint-old in rg-shared isn't found and the CLI concludes there is nothing to remove. Pass its full resource ID instead, and check az acr identity show -n crflint for what is really attached. Before removing it, make sure crflint's encryption doesn't use it (az acr encryption show --query keyVaultProperties.identity); if it does, the service refuses the removal, so rotate encryption to another identity that has key access first, and only then remove id-flint-old."),

dict(key="A11", style="agent", kind="howto", form="imperative", category="identity", quals=["hsm", "oct2026"], flags=[],
question="Outline how crquartz's encryption moves off its user-assigned identity onto its own system-assigned identity when the key sits in Managed HSM mhsm-rhine, including which grant to create first.",
canonical=[I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
related=[K + "rotate-with-a-different-identity-or-the-system-assigned-identity", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope", I + "quote-system-in-shell-commands"],
facts=["Confirm that `keyVaultProperties.identity` now reads `system`"],
answer_facts=["acr does not create this for you", "keep the original user-assigned identity attached"],
truth="1) Turn the system identity on: az acr identity assign -n crquartz --identities '[system]'. 2) Read its principal ID: az acr identity show -n crquartz --query principalId -o tsv. 3) Grant that principal the local role in mhsm-rhine before anything else, since ACR won't: az keyvault role assignment create --hsm-name mhsm-rhine --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id <principal ID> --assignee-principal-type MSI --scope /keys/<key>, and wait a few minutes. 4) Point encryption at it with the key ID read from the HSM (az keyvault key show --hsm-name mhsm-rhine): az acr encryption rotate-key -n crquartz --key-encryption-key <key ID> --identity '[system]'. 5) Check that az acr encryption show --query keyVaultProperties.identity reads system. Keep the user-assigned identity attached, with its role, until then."),

dict(key="A12", style="agent", kind="howto", form="context", category="rotation", quals=[], flags=[],
question="Context: crmarble uses the versionless URI of marble-kek in kv-marble; ops wants a fresh version today, no rotation policy. Question: does az keyvault key create with the existing name add a version or a second key, and must crmarble change?",
canonical=[K + "create-a-new-version-with-az-keyvault-key-create"],
related=[K + "how-new-key-versions-are-created", K + "automatic-rotation-with-a-versionless-key-id", K + "rotate-immediately-with-az-keyvault-key-rotate"],
facts=["Keep the key type RSA or RSA-HSM"],
answer_facts=["adds a new version to that key", "an ec version would not be usable"],
truth="It adds a new version to marble-kek rather than creating a second key: az keyvault key create --name marble-kek --vault-name kv-marble --kty RSA --size 3072. Keep the type RSA (or RSA-HSM); an EC version would be unusable for the registry. Nothing is needed on crmarble: with the versionless URI it starts using the new version within an hour, and az acr encryption show then reports it in versionedKeyIdentifier. az keyvault key rotate is the other one-off way to make a version."),
]

# ---------------- off-topic ----------------
OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind=OFF, category=OFF, subject="juicefs", near_miss=True,
question="""We self-host a Distribution (registry:2) server whose blobs sit on a JuiceFS volume with data encryption enabled: JuiceFS encrypts every block with a random symmetric key that is protected by an RSA private key and passphrase we generated ourselves, a bit like a customer-managed key. Security wants that RSA key replaced every year. How do we rotate the JuiceFS encryption key pair without re-uploading every image layer?""",
truth="Not covered: rotating the encryption key pair of a JuiceFS volume behind a self-hosted registry is outside the knowledge, which is about Azure Container Registry encryption with customer-managed keys."),

dict(key="X2", style="long", kind=OFF, category=OFF, subject="proxmox", near_miss=True,
question="""The VM that runs our on-premises registry mirror is backed up to a Proxmox Backup Server datastore with client-side encryption, using an encryption key file created on the Proxmox host. After an audit we have to switch to a new key, but the existing backups of the registry VM must stay restorable until they expire. How do we change the backup encryption key in Proxmox without losing access to the older backups?""",
truth="Not covered: Proxmox Backup Server encryption keys are a backup-tool topic outside the knowledge, which covers ACR customer-managed key encryption."),

dict(key="X3", style="long", kind=OFF, category=OFF, subject="bacula", near_miss=True,
question="""Bacula backs up the storage directory of our registry mirror every night, with data encryption on the file daemon: each client has its own key pair, and a master key pair can decrypt everything. The master key was created by someone who left, and we want new client and master keys. How do we roll over the Bacula encryption keys so new jobs use them while old volumes remain restorable?""",
truth="Not covered: Bacula data-encryption key pairs are a backup-software topic the knowledge does not cover."),

dict(key="X4", style="long", kind=OFF, category=OFF, subject="duplicacy", near_miss=True,
question="""We copy the blob store of a small registry mirror to object storage with Duplicacy, using an encrypted storage whose master key is protected by a storage password. The password was shared too widely and must change, and ideally the key material too, without uploading every chunk of image data again. How do we change the Duplicacy storage password, and can its encryption key be replaced in place?""",
truth="Not covered: Duplicacy storage passwords and encryption keys are outside the knowledge, which is about Azure Container Registry customer-managed keys."),

dict(key="X5", style="long", kind=OFF, category=OFF, subject="woodpecker",
question="""Woodpecker CI builds our services and pushes the images to a private registry. The registry password lives in a Woodpecker secret shared across about thirty repositories, and the deploy key for the source checkout is stored next to it. After a contractor left we must replace both. What is the least painful way to rotate a Woodpecker secret used by many repositories, and to swap the deploy key?""",
truth="Not covered: rotating secrets and deploy keys in Woodpecker CI is a CI-tool topic the knowledge does not cover."),

dict(key="X6", style="long", kind=OFF, category=OFF, subject="dokku",
question="""Dokku runs our internal apps from images in a private registry. The registry login is stored with dokku registry:login on the host, and an SSH key pair is used for git pushes to Dokku. Both have to be replaced this quarter. How do we update the stored registry login and the SSH key in Dokku without redeploying every app by hand?""",
truth="Not covered: Dokku registry logins and SSH keys are a PaaS-tool topic outside the knowledge."),

dict(key="X7", style="agent", kind=OFF, category=OFF, form="context", subject="zitadel",
question="Context: users sign in to our internal registry portal through Zitadel, which signs its OIDC responses with web keys. Question: how do we rotate Zitadel's signing keys without logging every user out?",
truth="Not covered: Zitadel signing-key rotation is an identity-provider topic outside the knowledge."),

dict(key="X8", style="agent", kind=OFF, category=OFF, form="imperative", subject="teleport",
question="Explain how to rotate the certificate authority of the Teleport cluster that gives our engineers SSH access to the registry build hosts, without locking anyone out mid-rotation.",
truth="Not covered: Teleport certificate-authority rotation is an access-proxy topic the knowledge does not cover."),

dict(key="X9", style="agent", kind=OFF, category=OFF, form="keywords", subject="headscale",
question="headscale control server private key for the mesh network linking our registry mirrors, how to replace it without re-registering every node",
truth="Not covered: replacing a Headscale server key is a mesh-VPN topic outside the knowledge, which is about ACR customer-managed key encryption."),

dict(key="X10", style="short", kind=OFF, category=OFF, subject="wazuh",
question="how do i regenerate the wazuh agent key on our registry host?",
truth="Not covered: Wazuh agent keys are a security-monitoring topic outside the knowledge."),

dict(key="X11", style="short", kind=OFF, category=OFF, subject="graylog",
question="graylog password secret for our registry logs, how to rotate it?",
truth="Not covered: rotating Graylog's password secret is a log-platform topic the knowledge does not cover."),

dict(key="X12", style="short", kind=OFF, category=OFF, subject="opnsense",
question="replace the opnsense web gui certificate key in front of our registry",
truth="Not covered: replacing an OPNsense GUI certificate key is a firewall-appliance topic outside the knowledge."),
]
# ---- end of questions ----

QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"retenion": "retention", "prinicpal": "principal", "trusetd": "trusted"}
SHAPES = ["two_facts", "ticket_template", "quoted_reply", "markdown_table", "manager_ask", "emoji_casual"]

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
    rng = random.Random(46)
    while True:
        rng.shuffle(items)
        cats = [q["category"] for q in items]
        if not any(cats[i] == cats[i + 1] == cats[i + 2] for i in range(len(cats) - 2)):
            break
    entries, meta = [], {}
    for n, q in enumerate(items, 1):
        qid = "b%03d" % n
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
    with open(os.path.join(HERE, "blind46.json"), "w", encoding="utf-8") as fh:
        json.dump(entries, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    with open(os.path.join(HERE, "blind46-meta.json"), "w", encoding="utf-8") as fh:
        json.dump(meta, fh, indent=1, ensure_ascii=False, sort_keys=True)
        fh.write("\n")
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    with open(os.path.join(HERE, "blind46-first-canonicals.txt"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(firsts) + "\n")


if __name__ == "__main__":
    main()
