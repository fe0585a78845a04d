"""blind68 builder: holds the 60 questions (QUESTIONS) and writes blind68.json, blind68-meta.json and
blind68-first-canonicals.txt. render() returns the three files' exact text (check68.py compares it byte for byte)."""
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
# ---- name_check_json ----
dict(key="N1", style="long", kind="troubleshoot", category="recovery", quals=[], flags=["name_check_json", "two_facts"],
question="""A cleanup script removed kv-ledger last night. It held the customer-managed key of crledger, and every pull from crledger has failed since then. Our recovery plan was to redeploy the vault from our template under the same name, but the deployment says the name is taken. I asked the CLI directly:

```json
$ az keyvault check-name --name kv-ledger
{
  "message": "The vault name 'kv-ledger' is already in use. Names are global, and a deleted vault keeps its name until it is purged.",
  "nameAvailable": false,
  "reason": "AlreadyExists"
}
```

No other team uses that name, and kv-ledger used the RBAC permission model. Who is holding the name, and how do we get crledger serving images again as fast as possible?""",
canonical=[T + "key-vault-or-key-was-deleted", V + "re-create-rbac-role-assignments-after-recovering-a-vault"],
related=[V + "recover-a-deleted-key-vault", V + "how-purge-protection-protects-the-registry"],
facts=["The vault name stays reserved while the vault is soft-deleted"],
answer_facts=["cuts off every image and artifact", "does not bring them back"],
truth="""The deleted kv-ledger itself: a deleted key vault is only soft-deleted, and its name stays reserved for the whole retention period, which is what the AlreadyExists answer means. Do not redeploy under that name and do not purge it, because purging would destroy the key and with it crledger's data. Recover the vault with az keyvault recover --name kv-ledger (az keyvault list-deleted --resource-type vault shows it); the key comes back with it. Its Azure role assignments do not, so create Key Vault Crypto Service Encryption User again for crledger's encryption identity at the vault scope, plus any Crypto Officer grants, and pulls resume without any command on the registry."""),

dict(key="N2", style="long", kind="no", category="iac", quals=["iac"], flags=["name_check_json"],
question="""Our Terraform module for short-lived test environments creates kv-sbx-acr (purge protection on, as our policy demands) plus a small registry that uses a key from it, and a nightly job runs terraform destroy followed by apply. Since the second night the apply stops at the vault because the name is not available. The check agrees:

```json
{
  "message": "The vault name 'kv-sbx-acr' is already in use.",
  "nameAvailable": false,
  "reason": "AlreadyExists"
}
```

A teammate wants to add az keyvault purge --name kv-sbx-acr right after the destroy step so that the name is free again for the next run. Will that purge step work for this vault?""",
canonical=[V + "how-purge-protection-protects-the-registry"],
related=[O + "soft-delete-and-purge-protection-on-the-key-vault", V + "recover-a-deleted-key-vault"],
facts=["Purge protection cannot be turned off again"],
answer_facts=["cannot be erased early by anyone"],
truth="""No: with purge protection on, the destroyed kv-sbx-acr stays soft-deleted and nobody can purge it before its retention period has run out, so the name remains reserved and the purge call is refused; purge protection cannot be switched off afterwards either. Either recover the vault with az keyvault recover --name kv-sbx-acr and import it into the Terraform state, or give each run a vault name of its own (a short retention, 7 days at the least, set when a vault is created, frees old names sooner). The ACR docs recommend purge protection rather than require it, so throwaway sandboxes could also go without it if your policy allows."""),

dict(key="N3", style="long", kind="howto", category="setup", quals=[], flags=["name_check_json"],
question="""We have to bring crtundra under a customer-managed key. It is Premium, holds about 400 repositories, and 60 services pull from crtundra.azurecr.io. I hoped to delete it and recreate it with encryption under the same name, but even the name check says no while the old one exists:

```json
{
  "message": "The registry crtundra is already in use.",
  "nameAvailable": false,
  "reason": "AlreadyExists"
}
```

Deleting first would mean losing everything in it before the new one exists. What is the supported route to an encrypted registry here? And what happens to the crtundra.azurecr.io address?""",
canonical=[T + "key-rotation-fails-on-a-registry-without-cmk"],
related=[O + "moving-an-existing-registry-to-cmk", O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
facts=["The official docs give no migration procedure."],
answer_facts=["Deleting the old registry is irreversible"],
truth="""Build the encrypted registry under a new name: a customer-managed key can only be chosen when a registry is created, az acr encryption rotate-key refuses a registry created without one, and the name stays taken as long as crtundra exists. Give a user-assigned identity access to the key, create a new Premium registry with --identity and --key-encryption-key, copy the content with az acr import (one image or artifact per call; az acr repository list gives the repositories), then point the 60 services, pipelines and pull secrets at the new login server. crtundra.azurecr.io stays with the old registry; delete crtundra only after checking the copy, because that cannot be undone."""),

dict(key="N4", style="long", kind="troubleshoot", category="setup", quals=[], flags=["name_check_json"],
question="""Our platform templates derive every resource name from the service name, so the payments team got kv-payments-cmk for the vault (created fine, key and role assignment in place) and cr-payments-cmk for the registry. The registry step of the pipeline dies straight away, and a name check gives:

```json
{
  "message": "The specified registry name 'cr-payments-cmk' is not valid. Use alphanumeric characters only, between 5 and 50 long.",
  "nameAvailable": false,
  "reason": "Invalid"
}
```

Why does the same naming pattern work for the vault but not for the registry, and what should the template produce instead?""",
canonical=[S + "before-you-start-variables-and-prerequisites"],
related=[S + "rules-that-az-acr-create-enforces-for-cmk", S + "step-7-create-the-premium-registry-with-the-customer-managed-key"],
facts=["Registry name cannot contain dashes."],
answer_facts=["5 to 50 lowercase letters and digits"],
truth="""Registry names follow stricter rules than vault names: 5 to 50 lowercase letters and digits, no dashes and no capitals (az acr create refuses both), whereas vault names may contain dashes. cr-payments-cmk is therefore invalid; let the template strip the dashes, for example crpaymentscmk, and keep in mind that registry names are globally unique, so the check may still find one taken. Nothing else in the setup changes: keep kv-payments-cmk, the identity and its grant, and pass the identity's resource ID and the key URI to the create call as before."""),

# ---- tag_detail_json ----
dict(key="T1", style="long", kind="howto", category="limits", quals=[], flags=["tag_detail_json"],
question="""Audit flagged crmarble through the built-in policy that expects registries to use a customer-managed key, and the remediation task does nothing useful. crmarble is small, so I listed what one of its two repositories holds:

```json
[
  {
    "changeableAttributes": {"deleteEnabled": true, "listEnabled": true, "readEnabled": true, "writeEnabled": true},
    "createdTime": "2026-08-03T11:40:09.1183320Z",
    "digest": "sha256:9740b22e6229f1fcbf7b01d34bb09aeb0eb022842293829c7a44bfec7f0da2fe",
    "lastUpdateTime": "2026-08-03T11:40:09.1183320Z",
    "name": "v3.2.0",
    "signed": false
  },
  {
    "changeableAttributes": {"deleteEnabled": false, "listEnabled": true, "readEnabled": true, "writeEnabled": false},
    "createdTime": "2026-10-21T07:05:52.4409815Z",
    "digest": "sha256:c415dd8804e39777a7964e2e420952a166cd4ddeca1dc6ec6441a580a0a29508",
    "lastUpdateTime": "2026-10-29T16:12:30.0021947Z",
    "name": "v3.3.1",
    "signed": false
  }
]
```

That is billing/api; the other repository is billing/worker. How do we get crmarble's content into a compliant state?""",
canonical=[L + "azure-policy-built-in-for-cmk"],
related=[O + "moving-an-existing-registry-to-cmk", O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
facts=["copies one image or artifact at a time"],
answer_facts=["cannot be remediated in place"],
truth="""Replace the registry instead of fixing it: a customer-managed key can only be set when a registry is created, so a registry the policy reports as non-compliant cannot be brought into line where it is. Create a new Premium registry with a user-assigned identity that already has access to the key, then import each tag, for example az acr import --name <new registry> --source crmarble.azurecr.io/billing/api:v3.3.1 --image billing/api:v3.3.1, and the same for v3.2.0 and every billing/worker tag, one image per call. Point clients at the new login server, and delete crmarble only once the copy has been checked."""),

dict(key="T2", style="long", kind="no", category="limits", quals=[], flags=["tag_detail_json"],
question="""Our release checklist for crquarry still has a step from the days before we moved to our own key: sign each release tag with Docker Content Trust. Today the tags look like this:

```json
[
  {"name": "2026.11.2", "digest": "sha256:53dfc654b0b731075f0366d1545abda123bca9a2a62c4b8a3c1e25a257a797c4", "signed": false,
   "changeableAttributes": {"deleteEnabled": true, "listEnabled": true, "readEnabled": true, "writeEnabled": true},
   "createdTime": "2026-11-20T09:14:02.1100457Z", "lastUpdateTime": "2026-11-20T09:14:02.1100457Z"},
  {"name": "2026.11.3", "digest": "sha256:9308f2f54803f0f3a9a47bac7fff3d7e1e5fc275ae4c46bef1c06fc23a9a1e98", "signed": false,
   "changeableAttributes": {"deleteEnabled": true, "listEnabled": true, "readEnabled": true, "writeEnabled": true},
   "createdTime": "2026-11-27T15:48:37.9075213Z", "lastUpdateTime": "2026-11-27T15:48:37.9075213Z"}
]
```

crquarry was created in September with a customer-managed key from kv-quarry. Can we switch content trust on for crquarry so that these tags show up as signed?""",
canonical=[L + "docker-content-trust-is-not-supported"],
related=[L + "docker-content-trust-is-being-retired-use-notation", T + "content-trust-cannot-be-enabled"],
facts=["Code: BlockedForEncryptionEnabledRegistry"],
answer_facts=["it cannot be enabled on a registry"],
truth="""No: content trust cannot be turned on for a registry encrypted with a customer-managed key (the service blocks the attempt, reported as BlockedForEncryptionEnabledRegistry), so 2026.11.2 and 2026.11.3 will not become signed that way. Docker Content Trust is on its way out of ACR anyway: deprecated since 2025-03-31 and removed on 2028-03-31. Sign the release tags with Notation from the Notary Project instead, for example with its Key Vault plug-in; on a CMK registry Notation 1.2.0 or later stores the signatures through the referrers tag schema. Move the verification step of the release to Notation as well."""),

dict(key="T3", style="long", kind="troubleshoot", category="troubleshooting", quals=[], flags=["tag_detail_json"],
question="""An ACR task in crcobalt builds our base image every night. Two days after a bad build went out, I went to read its log and got nothing back. The tag in question:

```json
{
  "changeableAttributes": {"deleteEnabled": true, "listEnabled": true, "readEnabled": true, "writeEnabled": true},
  "createdTime": "2026-11-24T02:13:55.0841726Z",
  "digest": "sha256:5d91ec676fe18548090922e30322e2977076776576f3466d52dd1c0760682684",
  "lastUpdateTime": "2026-11-24T02:13:55.0841726Z",
  "name": "base-20261124",
  "signed": false
}
```

az acr task logs for that night's run ID returns an empty result, while the same task on our older registry, crcobaltlegacy (no customer-managed key), still shows logs from October. The newer crcobalt uses our own key. Is the log gone for good, and how do we avoid this next time?""",
canonical=[L + "export-task-run-logs-before-they-expire"],
related=[T + "task-run-logs-disappear-after-24-hours", L + "acr-tasks-run-logs-are-kept-for-only-24-hours"],
facts=["Logs that have already aged out cannot be retrieved"],
answer_facts=["no log is lost after a day"],
truth="""It is gone: on a registry encrypted with a customer-managed key, ACR Tasks run logs are kept for 24 hours only, so the log of the run that built base-20261124 expired a day after the build. That is a documented CMK limitation rather than a fault, and no setting extends it. From now on copy each log out within the day, for example at the end of the pipeline that starts the task: find the run with az acr task list-runs, save the output of az acr task logs --run-id <id> to a file or to storage, and keep it as long as your audits need."""),

dict(key="T4", style="long", kind="troubleshoot", category="recovery", quals=["hsm", "oct2026"], flags=["tag_detail_json", "two_facts"],
question="""We ran a revocation drill on crsable this morning. Its key kek-sable sits in hsm-sable, a Managed HSM, and before the drill I saved the tag list of the main repository:

```json
[
  {"name": "web-1.18.0", "changeableAttributes": {"deleteEnabled": true, "listEnabled": true, "readEnabled": true, "writeEnabled": true},
   "createdTime": "2026-11-02T12:01:44.6530987Z", "lastUpdateTime": "2026-11-02T12:01:44.6530987Z",
   "digest": "sha256:00f46b68abf9a294543cef268171bb4d6df1af8ad0273e104c3ea7b6690b374f", "signed": false},
  {"name": "web-1.19.0", "changeableAttributes": {"deleteEnabled": true, "listEnabled": true, "readEnabled": true, "writeEnabled": true},
   "createdTime": "2026-11-25T08:30:19.2214530Z", "lastUpdateTime": "2026-11-25T08:30:19.2214530Z",
   "digest": "sha256:e3f5131867e3bc046fb6f19051605f76055e154fc1b97ef7ae24db69df830f63", "signed": false}
]
```

Then we removed the local role that the encryption identity held on /keys/kek-sable. We expected new pushes to fail; instead pulls of both tags fail too, although readEnabled is true on each. Is that really what revoking the Managed HSM role does, and how do we end the drill?""",
canonical=[V + "what-revocation-does-to-the-registry", V + "restore-access-after-a-revocation"],
related=[M + "revoke-access-to-a-managed-hsm-key", M + "local-rbac-roles-for-acr-encryption"],
facts=["Only these built-in roles can write role assignments"],
answer_facts=["access to all registry data is blocked", "No registry command is needed"],
truth="""That is the documented effect: once the identity loses its permission on the key, all registry data is blocked, pulls of web-1.18.0 and web-1.19.0 as much as pushes, because revocation has no per-repository or per-tag scope; readEnabled is only a lock setting of each tag and says nothing about key access. To end the drill, have a Managed HSM Administrator, Crypto Officer or Policy Administrator assign Managed HSM Crypto Service Encryption User to the identity's principal ID again at /keys/kek-sable (az keyvault role assignment create --hsm-name hsm-sable ... --assignee-principal-type MSI --scope /keys/kek-sable). Nothing has to be run on crsable: once the local role takes effect, which can take several minutes, the registry reconnects on its own."""),

# ---- xml_prompt_tags ----
dict(key="Q1", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["xml_prompt_tags", "two_facts"],
question="""Asking an assistant before I open a support case, so here is everything in one go.

<setup>
Registry to be created: crkestrel (Premium, westeurope)
Key: kek-kestrel, RSA-HSM with wrap and unwrap allowed, kept in hsm-kestrel (activated)
Encryption identity: id-kestrel-enc, principal 1eaef1ef-f901-4e73-b52b-5f9ea003427e
</setup>

<what_i_ran>
```bash
KESTREL_HSM=hsm-kestrel
KESTREL_KEY=kek-kestrel
KESTREL_OBJ=1eaef1ef-f901-4e73-b52b-5f9ea003427e
KESTREL_ROLE="Managed HSM Crypto Service Encryption User"
# step 1: grant, step 2: create
az keyvault role assignment create --hsm-name "$KESTREL_HSM" --scope "/keys/$KESTREL_KEY" \\
  --assignee-principal-type MSI --assignee-object-id "$KESTREL_OBJ" --role "$KESTREL_ROLE"
sleep 30
az acr create -g rg-kestrel -n crkestrel --sku Premium --identity id-kestrel-enc \\
  --key-encryption-key "https://$KESTREL_HSM.managedhsm.azure.net/keys/$KESTREL_KEY"
```
</what_i_ran>

<result>
The create call fails: the identity is not allowed to use the key. Listing the identity's local roles right afterwards shows the new assignment at /keys/kek-kestrel with the correct principal.
</result>

My first guess was a wrong scope, but the list looks right. What is wrong with the Managed HSM role, and what should I do now?""",
canonical=[T + "managed-hsm-role-assignment-not-yet-in-effect", M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli"],
related=[T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope", A + "grant-access-to-a-key-in-a-managed-hsm"],
facts=["Do not pile up duplicate assignments in the meantime."],
answer_facts=["can take several minutes to propagate", "wait and run it again"],
truth="""Nothing is wrong with it: local role assignments in a Managed HSM can take several minutes to take effect, and until then id-kestrel-enc counts as having no access even though the list already shows the assignment, so 30 seconds was simply too short. Wait several minutes, do not add duplicate assignments meanwhile, and run the same az acr create for crkestrel again. If it still fails well after that, go through the other checks: the HSM's activation, the key's type and operations, the key URI and the HSM firewall."""),

dict(key="Q2", style="long", kind="howto", category="identity", quals=["hsm", "oct2026"], flags=["xml_prompt_tags"],
question="""Pasting this into our team's assistant chat; the tags are only there to keep things apart.

<current>
crwillow is encrypted with kek-willow from hsm-willow through the user-assigned identity id-willow-enc. The key URI has no version.
</current>

<goal>
Switch encryption over to the system-assigned identity of crwillow itself, so id-willow-enc can be deleted next quarter.
</goal>

<constraints>
No interruption of pulls at any point. Only the security team, who hold Managed HSM Administrator, can create local role assignments, and they want a complete list of commands for their change ticket.
</constraints>

Which commands, in which order, get crwillow onto its system identity with the Managed HSM key, and how long does id-willow-enc have to stay attached?""",
canonical=[K + "rotate-with-a-different-identity-or-the-system-assigned-identity"],
related=[I + "switch-to-the-registrys-system-assigned-identity-after-creation", M + "local-rbac-roles-for-acr-encryption"],
facts=["Keep the original user-assigned identity attached and its access in place"],
answer_facts=["grant it key access first"],
truth="""Turn on the system-assigned identity with az acr identity assign --name crwillow --identities '[system]', read its principal ID from az acr identity show --name crwillow (principalId), and let the security team give it the local role on the key: az keyvault role assignment create --hsm-name hsm-willow --role "Managed HSM Crypto Service Encryption User" --assignee-object-id <that principal ID> --assignee-principal-type MSI --scope /keys/kek-willow. Once that role is in effect, switch with az acr encryption rotate-key --name crwillow --key-encryption-key https://hsm-willow.managedhsm.azure.net/keys/kek-willow --identity '[system]'. Only after az acr encryption show reports the identity as system may id-willow-enc lose its role and be detached; doing it earlier cuts crwillow off from its key."""),

dict(key="Q3", style="long", kind="why", category="network", quals=["hsm", "oct2026"], flags=["xml_prompt_tags"],
question="""<environment>
Key store: hsm-alder, firewall on with default action Deny, allowed range 198.51.100.0/24 for our office
Registry: cralder, created in May with kek-alder from hsm-alder, identity id-alder-enc with its local role at /keys/kek-alder
</environment>

<symptom>
Since the firewall went on last week, every az acr import into cralder fails with 403 (ForbiddenByFirewall). From the office we can still list keys in hsm-alder and add key versions without any problem.
</symptom>

<my_theory>
The firewall cannot be the cause, because traffic from our own machines passes.
</my_theory>

Why do our office machines get through the Managed HSM firewall while cralder is refused, and what brings the imports back?""",
canonical=[N + "managed-hsm-firewall-and-trusted-services"],
related=[N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry", M + "managed-hsm-firewall-and-trusted-services"],
facts=["need an allowed address of their own"],
answer_facts=["the bypass only opens the network"],
truth="""Because the address rule only covers clients in 198.51.100.0/24: cralder does not come from your office range but reaches hsm-alder as a trusted Azure service, and that path stays closed until the Managed HSM firewall lets trusted services through. Opening the network is all the bypass does; id-alder-enc still needs its local role, which it has. Run az keyvault update-hsm --hsm-name hsm-alder --resource-group <resource group> --bypass AzureServices (the Deny default can stay), then re-apply the registry's current key and identity with az acr encryption rotate-key --name cralder, passing the keyIdentifier and identity that az acr encryption show reports. If the 403 persists after that, open a support case."""),

# ---- portal_review_summary ----
dict(key="W1", style="long", kind="howto", category="network", quals=["iac"], flags=["portal_review_summary"],
question="""Before I click Create on the new vault for crpine's key, this is what the portal shows on the Review + create tab:

```text
Basics
Subscription                      Platform Shared
Resource group                    rg-pine
Key vault name                    kv-pine-cmk
Region                            West Europe
Pricing tier                      Standard
Days to retain deleted vaults     90
Purge protection                  Enabled

Access configuration
Permission model                  Azure role-based access control

Networking
Enable public access              Yes
Public access                     Selected networks
Allowed IP ranges                 192.0.2.128/25
Allow trusted services            No
```

Once the vault exists we will create kek-pine in it and then crpine with that key. What should I change in this summary, and in which order should the rest happen, so that crpine can use kek-pine behind this firewall?""",
canonical=[N + "azure-container-registry-in-key-vaults-trusted-services-list"],
related=[N + "create-the-key-before-the-registry-when-the-vault-is-locked-down", N + "allow-your-own-clients-through-the-vault-firewall"],
facts=["The registry itself gets through via the trusted-services bypass, not via an IP rule."],
answer_facts=["for the purpose of encrypting registries"],
truth="""Set Allow trusted services to Yes: Azure Container Registry is on Key Vault's list of trusted services for encrypting registries, and with Selected networks and no exception crpine could not reach kek-pine at all. The allowed IP range is for your own clients, the people and pipelines that manage keys, not for the registry. Then create the vault, create kek-pine from an address inside the allowed range, give crpine's user-assigned identity Key Vault Crypto Service Encryption User on kv-pine-cmk (the Permission model row shows RBAC), and only then create crpine with --identity and --key-encryption-key. The Standard tier is fine for an RSA key; only RSA-HSM keys need a Premium vault."""),

dict(key="W2", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "iac", "oct2026"], flags=["portal_review_summary", "two_facts"],
question="""Creating crheron in the portal failed after about a minute with a message that the identity has no access to the key. This is what the Review + create tab showed before I clicked Create:

```text
Basics
Subscription              Platform Prod
Resource group            rg-heron
Registry name             crheron
Location                  Sweden Central
Pricing plan              Premium

Encryption
Customer-managed key      Enabled
Identity                  id-heron-enc
Encryption key            https://hsm-heron.managedhsm.azure.net/keys/kek-heron
Key selection             Select from Key Vault
```

The key picker listed hsm-heron and kek-heron without any trouble, so I assumed the portal had taken care of access as well. Does the portal give id-heron-enc access to a Managed HSM key? If not, what is missing before I try again?""",
canonical=[S + "set-up-cmk-in-the-azure-portal", M + "set-up-a-registry-with-a-managed-hsm-key-in-the-azure-portal"],
related=[A + "grant-access-to-a-key-in-a-managed-hsm", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
facts=["ACR and the portal never create this assignment."],
answer_facts=["portal does not do this for you", "without it the registry cannot be created"],
truth="""It does not: neither the portal nor ACR ever creates Managed HSM role assignments, and the picker only shows what your own browser is allowed to list. Before retrying, have a Managed HSM Administrator, Crypto Officer or Policy Administrator give id-heron-enc's principal ID the local role Managed HSM Crypto Service Encryption User at /keys/kek-heron, either in hsm-heron under Settings > Local RBAC or with az keyvault role assignment create --hsm-name hsm-heron ... --assignee-principal-type MSI. Allow several minutes for it to take effect, then create crheron again with the same Encryption key; since it was picked with Select from Key Vault, it is stored without a version and will rotate automatically."""),

dict(key="W3", style="long", kind="yes", category="rotation", quals=["hsm", "iac", "oct2026"], flags=["portal_review_summary"],
question="""Second registry for the same team, this time with the key picker. Review + create in the portal:

```text
Basics
Registry name             crlark
Resource group            rg-lark
Location                  Germany West Central
Pricing plan              Premium

Encryption
Customer-managed key      Enabled
Identity                  id-lark-enc
Key store                 hsm-lark (Managed HSM)
Encryption key            https://hsm-lark.managedhsm.azure.net/keys/kek-lark
```

The key URI in the summary ends at the key name, without the version that the key's page in the HSM shows. Our rotation policy adds a new version of kek-lark every quarter. Will crlark move to those new versions by itself with this Managed HSM key URI, without anyone running rotate-key?""",
canonical=[K + "versioned-and-versionless-key-ids"],
related=[K + "automatic-rotation-with-a-versionless-key-id", K + "create-a-new-version-in-a-managed-hsm"],
facts=["the same one-hour window applies"],
answer_facts=["is stored without a version"],
truth="""Yes: a key chosen with Select from Key Vault is stored without a version, which is what the Encryption key row shows, so crlark polls hsm-lark and switches to each new version of kek-lark within an hour of its creation, just as it would with a vault. The policy only creates the versions, and in a Managed HSM it cannot rotate more often than every 28 days, so a quarterly schedule is fine. No new role assignment is needed either: id-lark-enc's Managed HSM Crypto Service Encryption User role at /keys/kek-lark covers every version of the key."""),

dict(key="W4", style="long", kind="undocumented", category="limits", quals=["iac"], flags=["portal_review_summary"],
question="""Review + create in the portal for crcedar, our new production registry:

```text
Basics
Registry name             crcedar
Location                  North Europe
Pricing plan              Premium
Availability zones        Enabled

Networking
Connectivity configuration   Public access (all networks)

Encryption
Customer-managed key      Enabled
Identity                  id-cedar-enc
Encryption key            https://kv-cedar.vault.azure.net/keys/kek-cedar
```

Our architecture board approves a design only when every combination in it is backed by Microsoft documentation. The customer-managed key pages are clear about Premium and the identity. Which page confirms that one registry may combine zone redundancy with a key of our own?""",
canonical=[L + "zone-redundancy-with-cmk-is-not-documented"],
related=[L + "feature-compatibility-summary", O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
facts=["Zone redundancy | Not documented | See below"],
answer_facts=["is not stated in the official docs"],
truth="""Not documented: the customer-managed key articles never mention zone redundancy, neither as supported nor as a limitation, so there is no page to cite for the Availability zones row in combination with encryption. The CLI does accept --zone-redundancy Enabled together with --identity and --key-encryption-key (the flag is marked preview and cannot be changed after creation), but that only shows the request is accepted. Since both choices are fixed once crcedar exists, try the combination on a test registry in a test subscription, or get a statement from Azure support, before the board signs off."""),

dict(key="W5", style="long", kind="troubleshoot", category="troubleshooting", quals=["iac"], flags=["portal_review_summary"],
question="""Two wizards, one failure. First the vault, which I created through the portal last month:

```text
Basics
Key vault name            kv-spruce
Region                    East US 2
Pricing tier              Standard
Purge protection          Enabled

Access configuration
Permission model          Vault access policy
```

Today id-spruce-enc received Key Vault Crypto Service Encryption User through the IAM blade, scoped to the whole vault, and then I started crspruce in the registry wizard with kek-spruce. Creation fails with a message that the identity lacks get, wrap and unwrap rights for kek-spruce, yet the role assignment is right there in IAM. What is wrong, and how do I fix it without rebuilding the vault?""",
canonical=[T + "role-assignment-has-no-effect-on-an-access-policy-vault"],
related=[A + "which-permission-model-does-my-key-vault-use", A + "grant-access-with-a-key-vault-access-policy"],
facts=["RBAC data-plane roles such as Key Vault Crypto Service Encryption User have no effect on it"],
answer_facts=["role assignments grant no key access"],
truth="""The Permission model row says Vault access policy, and on such a vault Azure role assignments give no key access at all, however visible they are in IAM; only access policies count. Add a policy for id-spruce-enc's principal ID: az keyvault set-policy --name kv-spruce --object-id <principal ID> --key-permissions get unwrapKey wrapKey, then create crspruce again. Switching kv-spruce to the RBAC model would work too, but every existing access policy would stop counting for all applications that use the vault, so create the needed role assignments first if you ever go that way."""),

# ---- keyvault_event_json ----
dict(key="E1", style="long", kind="howto", category="rotation", quals=[], flags=["keyvault_event_json"],
question="""We wired kv-pelican to an Azure Function through Event Grid. This arrived at 06:00 when the rotation policy created a new version:

```json
[
  {
    "id": "981deef0-9de7-476f-a182-b250b28fcbe3",
    "topic": "/subscriptions/99973bbd-3df6-4c60-ba8d-b0c71ce71421/resourceGroups/rg-pelican/providers/Microsoft.KeyVault/vaults/kv-pelican",
    "subject": "kek-pelican",
    "eventType": "Microsoft.KeyVault.KeyNewVersionCreated",
    "data": {
      "Id": "https://kv-pelican.vault.azure.net/keys/kek-pelican/8ac1f1620da1a0aff79442f8889627b9",
      "VaultName": "kv-pelican",
      "ObjectType": "Key",
      "ObjectName": "kek-pelican",
      "Version": "8ac1f1620da1a0aff79442f8889627b9",
      "NBF": null,
      "EXP": null
    },
    "dataVersion": "1",
    "metadataVersion": "1",
    "eventTime": "2026-12-01T06:00:04.3312877Z"
  }
]
```

crpelican was created with a versioned key ID on purpose, because our auditors want each key change recorded as a deployment, and it still reports the previous version. What should the function run for crpelican whenever an event like this comes in?""",
canonical=[K + "move-to-a-new-version-of-the-same-key"],
related=[K + "manual-rotation-with-az-acr-encryption-rotate-key", K + "check-which-key-version-the-registry-uses"],
facts=["only the values you pass are changed"],
answer_facts=["point the registry at it"],
truth="""Point crpelican at the version named in the event, keeping its identity: az acr encryption rotate-key --name crpelican --key-encryption-key https://kv-pelican.vault.azure.net/keys/kek-pelican/8ac1f1620da1a0aff79442f8889627b9 --identity <client ID of its current identity>, i.e. the versioned URI from the event's Id (leaving --identity out also keeps the current one). A versioned key ID never moves on its own, so without that call crpelican stays on the old version. Afterwards versionedKeyIdentifier in az acr encryption show should end in 8ac1f1620da1a0aff79442f8889627b9; keep the old version enabled until it does."""),

dict(key="E2", style="long", kind="troubleshoot", category="keys", quals=[], flags=["keyvault_event_json"],
question="""Pushes to crwren started failing this morning while pulls still work, and a rotate-key retry from our runbook failed too. The only thing I can connect it to is this event our automation logged and nobody acted on:

```json
{
  "id": "6074e54a-1ed5-4191-85fd-0238440391a5",
  "topic": "/subscriptions/49a6c9b0-afc0-411b-abfe-f84c6ab042a1/resourceGroups/rg-wren/providers/Microsoft.KeyVault/vaults/kv-wren",
  "subject": "kek-wren",
  "eventType": "Microsoft.KeyVault.KeyExpired",
  "data": {
    "Id": "https://kv-wren.vault.azure.net/keys/kek-wren/ff935ef90c5fa5900b139c101646631b",
    "VaultName": "kv-wren",
    "ObjectType": "Key",
    "ObjectName": "kek-wren",
    "Version": "ff935ef90c5fa5900b139c101646631b",
    "NBF": 1764547200,
    "EXP": 1796083200
  },
  "dataVersion": "1",
  "metadataVersion": "1",
  "eventTime": "2026-12-01T00:00:41.9905612Z"
}
```

That version is the one the registry's versionedKeyIdentifier shows. Why would an expired key break pushes but not pulls? And what do we do now?""",
canonical=[T + "key-is-disabled-or-expired"],
related=[V + "disabling-the-key-instead-a-key-vault-option-not-in-the-acr-docs", K + "check-which-key-version-the-registry-uses"],
facts=["Expiry dates (`--expires`) are a related Key Vault control."],
answer_facts=["still allows unwrap on an expired key"],
truth="""Key Vault still lets the registry unwrap with an expired version but refuses to wrap with it, so reading what is stored keeps working while anything that needs a wrap with that version fails, which fits the failing pushes and the rotate-key retry; the ACR docs do not describe registry behaviour for expired keys, so treat it as a fault to fix now. Move the expiry of version ff935ef90c5fa5900b139c101646631b into the future with az keyvault key set-attributes --vault-name kv-wren --name kek-wren --version ff935ef90c5fa5900b139c101646631b --expires <new UTC date> and retry. Then create a new key version and rotate crwren to it instead of letting versions lapse, and act on the KeyNearExpiry event next time."""),

dict(key="E3", style="long", kind="yes", category="rotation", quals=[], flags=["keyvault_event_json"],
question="""Design review comment on our key automation. kv-puffin publishes its key events to Event Grid, and a colleague has drafted a Function that reacts to this one:

```json
{
  "eventType": "Microsoft.KeyVault.KeyNewVersionCreated",
  "subject": "kek-puffin",
  "data": {
    "Id": "https://kv-puffin.vault.azure.net/keys/kek-puffin/32395e4902322d6d78912ff240dbb7c0",
    "VaultName": "kv-puffin",
    "ObjectType": "Key",
    "ObjectName": "kek-puffin",
    "Version": "32395e4902322d6d78912ff240dbb7c0"
  },
  "eventTime": "2026-11-30T04:00:12.6650139Z"
}
```

On that event the Function would call az acr encryption rotate-key for crpuffin with the versionless URI again, to make sure the registry notices. crpuffin has used https://kv-puffin.vault.azure.net/keys/kek-puffin without a version since it was created. Can we drop the Function and still have crpuffin on the new version within the hour?""",
canonical=[K + "how-new-key-versions-are-created"],
related=[K + "automatic-rotation-with-a-versionless-key-id", T + "registry-keeps-using-an-old-key-version"],
facts=["It does not create them."],
answer_facts=["picks up the result within an hour"],
truth="""Yes: with a versionless key ID the registry checks kv-puffin by itself and starts using a new version within an hour of its creation, so after a KeyNewVersionCreated event like this one crpuffin moves to 32395e4902322d6d78912ff240dbb7c0 without any call. Something still has to create the versions, here the rotation policy or a person, and crpuffin's identity must be able to reach kv-puffin when it checks. If you want the Function to stay as a safety net, let it compare the event's version with versionedKeyIdentifier from az acr encryption show an hour later instead of rotating."""),

dict(key="E4", style="long", kind="troubleshoot", category="recovery", quals=[], flags=["keyvault_event_json"],
question="""Our key automation also forwards vault events to a chat channel. At 14:07 this one came in for kv-finch, and from 14:10 every pull from crfinch failed with 403:

```json
{
  "id": "248d374b-8920-47c6-b4bd-de616630d5a4",
  "topic": "/subscriptions/6c95c5f6-3286-4491-a08f-199c68a1c4f5/resourceGroups/rg-finch/providers/Microsoft.KeyVault/vaults/kv-finch",
  "subject": "kv-finch",
  "eventType": "Microsoft.KeyVault.VaultAccessPolicyChanged",
  "data": {
    "Id": "https://kv-finch.vault.azure.net/",
    "VaultName": "kv-finch",
    "ObjectType": "Vault",
    "ObjectName": "kv-finch",
    "Version": null,
    "NBF": null,
    "EXP": null
  },
  "dataVersion": "1",
  "metadataVersion": "1",
  "eventTime": "2026-11-26T14:07:31.5520648Z"
}
```

kv-finch still uses access policies, and crfinch's encryption identity is id-finch-enc. Could one policy change on the vault really take down every repository at once, and how do we get crfinch back?""",
canonical=[V + "revoking-and-restoring-access-to-the-customer-managed-key"],
related=[V + "what-revocation-does-to-the-registry", V + "restore-access-after-a-revocation"],
facts=["treat permission changes on the vault or HSM as production-affecting changes"],
answer_facts=["the strongest control a CMK gives you"],
truth="""The VaultAccessPolicyChanged event at 14:07 fits: if that change removed or trimmed id-finch-enc's access policy, the registry lost its key, and losing key access blocks all registry data at once, with no partial effect per repository. Look at kv-finch's access policies for id-finch-enc's principal ID (az keyvault show --name kv-finch) and put get, wrapKey and unwrapKey back with az keyvault set-policy --name kv-finch --object-id <principal ID> --key-permissions get unwrapKey wrapKey. Nothing has to be run on crfinch; it picks the key up again once the policy is in place. From now on treat policy edits on kv-finch as production changes."""),

# ---- unshaped long posts ----
dict(key="L1", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="""Provisioning of our first HSM pool finished:

```bash
az keyvault create --hsm-name hsm-egret -g rg-keys -l swedencentral \\
  --administrators 2874f52a-1b70-4298-beb6-61722ec1cec6 1dc9de71-ef11-46f6-9356-bbcb7d698613 \\
  --retention-days 28 --enable-purge-protection
```

provisioningState says Succeeded, yet the next step of our plan, creating kek-egret for the new registry cregret, is refused. I understand the pool has to be activated first. Who on the team can activate the Managed HSM, and what do we need to prepare for it? How do we confirm it is done before we create the key?""",
canonical=[M + "provision-and-activate-the-managed-hsm"],
related=[T + "managed-hsm-is-not-activated", M + "requirements-for-a-managed-hsm-key-store"],
facts=["A new Managed HSM accepts no data-plane requests until it has been activated"],
answer_facts=["Only an initial administrator can do this."],
truth="""Only one of the initial administrators you named with --administrators can activate hsm-egret, by downloading its security domain. Prepare at least three (at most ten) RSA key pairs, pass their public certificates with --sd-wrapping-keys, choose a quorum with --sd-quorum (how many of the private keys are needed to decrypt the security domain later), and keep the security domain file and the private keys safe, since disaster recovery depends on them. Then check az keyvault show --hsm-name hsm-egret until activationStatus under securityDomainProperties reads Active. Only after that create kek-egret as RSA-HSM with wrapKey and unwrapKey, give cregret's identity its local role on the key, and create the registry with the Managed HSM key."""),

dict(key="L2", style="long", kind="howto", category="iac", quals=["hsm", "iac", "oct2026"], flags=["two_facts"],
question="""crheath comes from the AVM Terraform module, pinned to an older release:

```hcl
module "acr_heath" {
  version = "0.4.2"

  name                = "crheath"
  source              = "Azure/avm-res-containerregistry-registry/azurerm"
  location            = "uksouth"
  resource_group_name = "rg-heath"
  managed_identities  = { user_assigned_resource_ids = [var.heath_identity_id] }
  customer_managed_key = {
    key_name               = "kek-heath"
    key_vault_resource_id  = var.heath_vault_id
    user_assigned_identity = { resource_id = var.heath_identity_id }
  }
}
```

az acr encryption show says keyRotationEnabled is false, and new key versions are ignored. Next year we also want the key in a Managed HSM. What do we change in Terraform so that crheath follows new versions? And will the module carry us to the Managed HSM key later?""",
canonical=[C + "avm-terraform-module-customer_managed_key-variable", C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs"],
related=[C + "managed-hsm-key-in-terraform", C + "automatic-key-rotation-in-terraform-versionless_id-vs-id"],
facts=["Use azurerm **4.65.0 or later**"],
answer_facts=["unless key_version is set", "neither AVM module"],
truth="""Move to v0.6.0 or later of the module and keep key_version unset: from v0.6.0 the module passes the key's versionless_id, so crheath moves to each new version within an hour, whereas v0.3.0 to v0.5.1 always used the versioned id. Those releases need azurerm >= 4.81.0 and < 5.0.0, and the identity has to stay listed in managed_identities, as it is now. The Managed HSM plan will not work through this module: it takes Key Vault keys only, and neither AVM module supports a Managed HSM key, so for that registry use azurerm_container_registry directly (azurerm 4.65.0 or later) with the HSM key's id and a local role assignment for the identity."""),

dict(key="L3", style="long", kind="value", category="iac", quals=["iac"], flags=[],
question="""I am writing the ARM template for crbirch by hand, since nobody on this team uses Bicep, and the role assignment resource is the last open piece:

```json
{
  "name": "[guid(resourceGroup().id, 'crbirch-kv-role')]",
  "apiVersion": "2022-04-01",
  "type": "Microsoft.Authorization/roleAssignments",
  "scope": "[resourceId('Microsoft.KeyVault/vaults', parameters('kvName'))]",
  "properties": {
    "roleDefinitionId": "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '<fill in>')]",
    "principalId": "[reference(variables('encIdentityId'), '2023-01-31').principalId]",
    "principalType": "ServicePrincipal"
  }
}
```

kv-birch uses the RBAC permission model, and crbirch's identity should get only what it needs. Which GUID goes into the placeholder?""",
canonical=[A + "grant-access-with-an-azure-rbac-role"],
related=[S + "set-up-cmk-with-an-arm-template", A + "why-key-vault-crypto-user-is-not-needed"],
facts=["The registry must depend on the access grant"],
answer_facts=["e147488a-f6f5-4113-8e2d-b22465e65bf6"],
truth="""e147488a-f6f5-4113-8e2d-b22465e65bf6, the ID of Key Vault Crypto Service Encryption User, which lets crbirch's identity read the key and wrap and unwrap with it and nothing more. Keep the vault as the scope and principalType ServicePrincipal, and make the registry resource depend on this role assignment so that the grant exists when crbirch is created; a new assignment can still need a few minutes."""),

dict(key="L4", style="long", kind="undocumented", category="network", quals=[], flags=[],
question="""We are closing public access on crjuniper after a security review. crjuniper is encrypted with a key in kv-juniper, and kv-juniper already allows trusted services and has a private endpoint of its own. The registry changes planned for Saturday:

```bash
az network private-endpoint create -g rg-juniper -n pe-crjuniper --vnet-name vnet-hub --subnet snet-pe \\
  --private-connection-resource-id "$CRJUNIPER_ID" --group-id registry --connection-name crjuniper-pe
az acr update -n crjuniper --public-network-enabled false
```

Do the Microsoft docs on customer-managed keys say whether a registry that is reached only through its own private endpoint keeps working with its key, or anything about this setup at all?""",
canonical=[N + "registry-private-endpoints-and-cmk-are-not-covered-by-the-docs"],
related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", L + "feature-compatibility-summary"],
facts=["The bypass only opens the network path."],
answer_facts=["neither lists that combination as supported"],
truth="""Not documented: the CMK articles only deal with the key store, a vault or a Managed HSM, sitting behind a firewall, a virtual network or a private endpoint, and say nothing about a CMK registry that is itself reached through a private endpoint with public network access disabled, neither as supported nor as a limitation. What they do say still holds for kv-juniper: trusted services must stay allowed and the identity keeps its access, whatever way clients reach crjuniper. Test pe-crjuniper with pulls, pushes and an az acr import on a non-production registry first, or get a confirmation from Microsoft support."""),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="N5", style="agent", form="context", kind="value", category="recovery", quals=[], flags=["name_check_json"],
question='Context: three days after we deleted kv-orbit, which has purge protection, `az keyvault check-name --name kv-orbit` still returns `{"nameAvailable": false, "reason": "AlreadyExists"}`. Question: for how many days will the name stay taken if nobody recovers the vault?',
canonical=[O + "soft-delete-and-purge-protection-on-the-key-vault"],
related=[V + "recover-a-deleted-key-vault", O + "soft-delete-and-purge-protection-behaviour-in-key-vault"],
facts=["it either gets recovered or is removed automatically when its retention window ends"],
answer_facts=["retention period of 7 to 90 days"],
truth="""For the vault's soft-delete retention period, counted from the deletion: between 7 and 90 days as chosen when kv-orbit was created, 90 if nobody set it (softDeleteRetentionInDays shows it). Purge protection stops anyone from purging it earlier, so the name stays reserved until that window closes; recovering kv-orbit with az keyvault recover is the only way to use the name sooner."""),

dict(key="T5", style="agent", form="keywords", kind="no", category="limits", quals=[], flags=["tag_detail_json"],
question='artifact streaming for the 14 GB tag `{"name": "trainer-v8", "changeableAttributes": {"readEnabled": true, "writeEnabled": true}}` in our cmk encrypted premium registry, turn it on or not possible',
canonical=[L + "artifact-streaming-is-not-supported"],
related=[L + "feature-compatibility-summary", L + "cmk-limitations-compatibility-and-status-checks"],
facts=["Not supported on CMK registries"],
answer_facts=["Plan for full image pulls"],
truth="""No: artifact streaming, a preview feature, lists registries encrypted with a customer-managed key among the setups it does not support, so trainer-v8 cannot be streamed from that registry; plan for full pulls of the 14 GB image there."""),

dict(key="Q4", style="agent", form="context", kind="howto", category="rotation", quals=["hsm", "oct2026"], flags=["xml_prompt_tags"],
question="Context: <registry>crfjord, pinned to a versioned key from hsm-fjord, our Managed HSM</registry> <goal>follow new versions of kek-fjord automatically from now on</goal> Question: which rotate-key call switches crfjord to automatic rotation?",
canonical=[K + "switch-from-manual-to-automatic-rotation"],
related=[K + "versioned-and-versionless-key-ids", M + "managed-hsm-key-uris"],
facts=["The registry follows new key versions automatically."],
answer_facts=["rotating to the versionless ID"],
truth="""az acr encryption rotate-key --name crfjord --key-encryption-key https://hsm-fjord.managedhsm.azure.net/keys/kek-fjord, i.e. the Managed HSM key URI without its version segment; leaving out --identity keeps the current identity. From then on crfjord moves to each new version of kek-fjord within an hour and keyRotationEnabled reads true; the identity's existing role at /keys/kek-fjord already covers every version."""),

dict(key="Q5", style="agent", form="imperative", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=["xml_prompt_tags"],
question="Give the narrowest scope for the local role of <identity>id-lynx-enc</identity> in <store>hsm-lynx, key kek-lynx</store> so that crlynx can encrypt with that Managed HSM key and nothing more",
canonical=[A + "grant-access-to-a-key-in-a-managed-hsm"],
related=[M + "local-rbac-roles-for-acr-encryption", M + "requirements-for-a-managed-hsm-key-store"],
facts=["one key, all its versions"],
answer_facts=["also work but grant more"],
truth="""/keys/kek-lynx: assign Managed HSM Crypto Service Encryption User to the principal ID of id-lynx-enc at the scope of that one key, which covers all of its versions. /keys or / would work as well but would let the identity use every key in hsm-lynx."""),

dict(key="E5", style="agent", form="context", kind="yes", category="rotation", quals=[], flags=["keyvault_event_json"],
question='Context: at 10:00 our Function received `{"eventType": "Microsoft.KeyVault.KeyNewVersionCreated", "data": {"VaultName": "kv-plover", "ObjectName": "kek-plover", "Version": "6ddda9df7c652333d939437f1d9a799a"}}` and crplover uses the versionless key ID. Question: will versionedKeyIdentifier show that version by 11:00 without us doing anything?',
canonical=[K + "check-which-key-version-the-registry-uses"],
related=[K + "automatic-rotation-with-a-versionless-key-id", T + "registry-keeps-using-an-old-key-version"],
facts=["within one hour of it appearing"],
answer_facts=["after more than an hour"],
truth="""Yes: with a versionless key ID crplover takes up a new version within an hour of its creation, so versionedKeyIdentifier should end in 6ddda9df7c652333d939437f1d9a799a by about 11:00. If it still shows the old version after more than an hour, check keyRotationEnabled (false would mean a versioned ID after all), then the firewall of kv-plover and the identity's access to it."""),

dict(key="G1", style="agent", form="imperative", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="List the commands that move crmoss from its key in kv-moss to a new key kek-moss2 in the Managed HSM hsm-moss, including the grant for its identity id-moss-enc and how to confirm which key is in use",
canonical=[K + "move-to-a-different-key-or-to-a-key-in-another-vault"],
related=[M + "rotate-a-managed-hsm-key", K + "check-which-key-version-the-registry-uses"],
facts=["a new key name needs a new role assignment"],
answer_facts=["instead of a vault-wide role"],
truth="""Create the key with az keyvault key create --hsm-name hsm-moss --name kek-moss2 --kty RSA-HSM --ops wrapKey unwrapKey. Give id-moss-enc's principal ID the local role with az keyvault role assignment create --hsm-name hsm-moss --role "Managed HSM Crypto Service Encryption User" --assignee-object-id <principal ID> --assignee-principal-type MSI --scope /keys/kek-moss2 and let it take effect. Read the kid with az keyvault key show --hsm-name hsm-moss --name kek-moss2, then run az acr encryption rotate-key --name crmoss --key-encryption-key <kid without its version> --identity id-moss-enc. keyIdentifier and versionedKeyIdentifier in az acr encryption show then point at hsm-moss; keep kv-moss and its access until they do."""),

dict(key="G2", style="agent", form="keywords", kind="troubleshoot", category="identity", quals=[], flags=[],
question="zsh no matches found [system] when running az acr identity assign --identities [system] to switch registry encryption to its own identity",
canonical=[I + "quote-system-in-shell-commands"],
related=[T + "system-assigned-identity-rejected-at-registry-creation", I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
facts=["an unquoted `[system]` is a shell glob"],
answer_facts=["Write it in single quotes"],
truth="""Quote it: --identities '[system]', in single quotes, and the same for rotate-key --identity '[system]'. Unquoted, the shell treats [system] as a glob; zsh stops with no matches found, and bash may quietly substitute a one-letter file name such as s or m from the current directory, which would then be looked up as a user-assigned identity."""),

dict(key="G3", style="agent", form="context", kind="troubleshoot", category="keys", quals=[], flags=[],
question="Context: creating our registry key with --kty RSA-HSM fails in kv-aspen, a vault we made with default settings. Question: what is wrong, given that an HSM pool is not an option for us?",
canonical=[O + "rsa-hsm-keys-need-a-premium-key-vault"],
related=[T + "rsa-hsm-key-creation-fails-in-a-standard-vault", O + "which-key-types-and-sizes-are-supported"],
facts=["A Standard-tier vault can hold software-protected RSA keys only."],
answer_facts=["created only in a key vault"],
truth="""kv-aspen is a Standard vault, the default, and HSM-protected RSA-HSM keys can only be created in a vault of the Premium SKU. Either create a software-protected RSA key in kv-aspen with --kty RSA, which ACR accepts just as well, or create a new vault with --sku premium, grant the registry identity access there and create the RSA-HSM key in it."""),

dict(key="G4", style="agent", form="imperative", kind="why", category="identity", quals=[], flags=[],
question="Explain why the key grant for our registry identity takes its principal ID while az acr encryption show lists a client ID for the same identity",
canonical=[I + "which-identity-value-goes-where"],
related=[A + "two-supported-ways-to-grant-key-access", I + "create-the-user-assigned-identity-and-capture-its-ids"],
facts=["the grant goes to the identity's **principal ID** (object ID), never to its client ID or resource ID"],
answer_facts=["always uses the principal ID"],
truth="""Because the two values serve different sides: key access, whether a vault access policy, an Azure role assignment or a Managed HSM local role, is always granted to the identity's principal (object) ID, while the registry's encryption settings always store the identity's client ID, or system for the system-assigned identity. Both belong to the same identity; az identity show returns principalId and clientId side by side."""),

dict(key="G5", style="agent", form="context", kind="undocumented", category="keys", quals=[], flags=[],
question="Context: our key standard asks for RSA 4096 everywhere, but the vendor questionnaire wants the key size that the ACR documentation requires. Question: which RSA size do the ACR customer-managed key docs prescribe?",
canonical=[O + "key-sizes-offered-by-key-vault"],
related=[O + "which-key-types-and-sizes-are-supported", O + "requirements-at-a-glance"],
facts=["Not stated by ACR; Key Vault offers RSA 2048, 3072 and 4096"],
answer_facts=["Key Vault statement, not an ACR one"],
truth="""Not documented: the ACR articles name no key size at all. The sizes come from Key Vault, which offers RSA and RSA-HSM keys of 2048, 3072 and 4096 bits, so 4096 is valid and the choice follows your own standard; cite it in the questionnaire as a Key Vault fact, not an ACR requirement."""),

dict(key="G6", style="agent", form="imperative", kind="howto", category="identity", quals=["hsm", "oct2026"], flags=[],
question="Show the check that proves id-holly-enc holds its local role on /keys/kek-holly in the Managed HSM hsm-holly before we create crholly, and what an empty result means",
canonical=[A + "verify-the-identitys-access"],
related=[A + "grant-access-to-a-key-in-a-managed-hsm", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
facts=["no assignment at that exact scope"],
answer_facts=["An empty result means no assignment"],
truth="""az keyvault role assignment list --hsm-name hsm-holly --assignee-object-id <principal ID of id-holly-enc> --scope /keys/kek-holly; the entry should name Managed HSM Crypto Service Encryption User. An empty result only means there is no assignment at exactly that scope: run it again without --scope to find one at /keys or /, and if there is none, have an administrator create it before crholly is created."""),

dict(key="G7", style="agent", form="keywords", kind="howto", category="iac", quals=["iac"], flags=[],
question="bicep avm container registry module customerManagedKey keeps pinning the key version at deploy time, how to get automatic rotation",
canonical=[C + "avm-bicep-module-customermanagedkey-parameter"],
related=[C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs", C + "bicep-registry-with-a-customer-managed-key"],
facts=["The module does not grant key access"],
answer_facts=["Version 0.7.0 (January 2025) added"],
truth="""Use version 0.7.0 or later of br/public:avm/res/container-registry/registry and leave customerManagedKey.autoRotationEnabled at its default true, without a keyVersion: the module then writes the versionless key URI and the registry follows new key versions. Up to 0.6.0 it always pinned the version current at deployment. The module still grants no key access, so keep your own role assignment and a dependsOn on it."""),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="howto", category="network", quals=[], flags=[], typo="publically",
question="how do we stop our kv being reachable publically and keep acr working?",
canonical=[N + "allow-trusted-services-and-deny-other-traffic"],
related=[N + "allow-your-own-clients-through-the-vault-firewall", N + "azure-container-registry-in-key-vaults-trusted-services-list"],
facts=["has nothing to do with reaching the key"],
answer_facts=["Set the bypass to AzureServices"],
truth="""Deny by default and let trusted Azure services through: az keyvault update --name <vault> --resource-group <rg> --bypass AzureServices --default-action Deny, then confirm the bypass in properties.networkAcls. ACR reaches the key as a trusted service; people and pipelines that still manage keys need their own IP or subnet rules."""),

dict(key="S2", style="short", kind="howto", category="identity", quals=[], flags=[],
question="client id for rotate-key --identity: how do i get it",
canonical=[I + "create-the-user-assigned-identity-and-capture-its-ids"],
related=[I + "how-rotate-key-interprets-the---identity-value", I + "which-identity-value-goes-where"],
facts=["Both a client ID and a resource ID work for `--identity`."],
answer_facts=["Capture the three IDs you will need"],
truth="""Read clientId from az identity show --name <identity> --resource-group <rg>. rotate-key --identity also takes the identity's resource ID or name, or '[system]'; whichever you pass, the identity has to be attached to the registry and able to use the key first."""),

dict(key="S3", style="short", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="our deleted managed hsm keeps billing us, how do we get it back?",
canonical=[V + "recover-a-deleted-managed-hsm"],
related=[M + "recover-a-deleted-managed-hsm-key-or-hsm", O + "soft-delete-and-purge-protection-on-the-key-vault"],
facts=["Purging removes it for good, and with it every key"],
answer_facts=["Recovery needs the HSM's location"],
truth="""Recover it within its retention period: az keyvault list-deleted --resource-type hsm shows it, and az keyvault recover --hsm-name <hsm> --location <its region> brings it back; the caller needs the Azure role Managed HSM Contributor. A soft-deleted Managed HSM is billed until it is recovered or purged, but never purge one whose key a registry still needs."""),

dict(key="S4", style="short", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question="why is msi refused as assignee principal type by az role assignment create?",
canonical=[T + "role-assignment-rejects-the-principal-type-or-the-assignee"],
related=[A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities", A + "grant-access-with-an-azure-rbac-role"],
facts=["`MSI` belongs to another command"],
answer_facts=["a managed identity is a ServicePrincipal there"],
truth="""Because MSI is a principal type of a different command, the one for Managed HSM local roles (az keyvault role assignment create). Azure RBAC's az role assignment create only knows User, Group, ServicePrincipal and ForeignGroup; to it a managed identity is a ServicePrincipal, so pass that together with the identity's principal ID in --assignee-object-id."""),

dict(key="S5", style="short", kind="troubleshoot", category="keys", quals=[], flags=[],
question="our ec-hsm key is refused when creating the cmk registry",
canonical=[T + "elliptic-curve-key-rejected"],
related=[O + "which-key-types-and-sizes-are-supported", O + "rsa-hsm-keys-need-a-premium-key-vault"],
facts=["Not supported: elliptic-curve keys"],
answer_facts=["supports only RSA and RSA-HSM keys"],
truth="""ACR takes only RSA and RSA-HSM keys; elliptic-curve keys, EC or EC-HSM on any curve, cannot wrap keys and are refused. Create an RSA or RSA-HSM key under a new name (RSA-HSM needs a Premium vault), make sure the identity can use it, and create the registry with that key's ID."""),

dict(key="S6", style="short", kind="value", category="limits", quals=[], flags=[],
question="when was docker content trust deprecated in acr and when is it removed?",
canonical=[L + "docker-content-trust-is-being-retired-use-notation"],
related=[L + "docker-content-trust-is-not-supported", T + "content-trust-cannot-be-enabled"],
facts=["The replacement is the Notary Project"],
answer_facts=["DCT is removed on 2028-03-31"],
truth="""Deprecation began on 2025-03-31, and Docker Content Trust is removed on 2028-03-31. On a registry with a customer-managed key it cannot be enabled at all; sign with Notation from the Notary Project instead."""),

dict(key="S7", style="short", kind="value", category="rotation", quals=[], flags=[], typo="managment",
question="which role lets our key managment job run az keyvault key rotate?",
canonical=[K + "rotate-immediately-with-az-keyvault-key-rotate"],
related=[A + "your-own-permissions-to-create-keys-in-an-rbac-vault", K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy"],
facts=["which covers the full key lifecycle but cannot grant access to others"],
answer_facts=["the caller needs Key Vault Crypto Officer"],
truth="""Key Vault Crypto Officer, if the vault uses Azure RBAC; an access-policy vault wants the rotate permission in the job's policy instead. Keep that role with the job, never with the registry's encryption identity; a registry configured without a key version then picks up the rotated version within an hour."""),

dict(key="S8", style="short", kind="value", category="iac", quals=["iac"], flags=[],
question="arm api version that first supported registry encryption",
canonical=[C + "api-versions-that-support-registry-encryption"],
related=[C + "arm-template-json-propertiesencryption-and-keyvaultproperties", S + "set-up-cmk-with-an-arm-template"],
facts=["so prefer the newest stable version"],
answer_facts=["first appears in 2019-12-01-preview"],
truth="""The encryption property first shows up in 2019-12-01-preview, the API version of the tutorial's original template. Stable versions like 2021-09-01, 2023-07-01, 2025-04-01 and 2025-11-01 carry the same encryption and keyVaultProperties layout, so write new templates against the newest stable one."""),

dict(key="S9", style="short", kind="yes", category="hsm", quals=["hsm", "iac", "oct2026"], flags=[],
question="does the portal key picker support managed hsm keys for a new acr?",
canonical=[M + "set-up-a-registry-with-a-managed-hsm-key-in-the-azure-portal"],
related=[S + "set-up-cmk-in-the-azure-portal", N + "the-portal-key-picker-and-a-key-store-firewall"],
facts=["The trusted-services exception lets ACR through"],
answer_facts=["Managed HSMs as well as key vaults"],
truth="""Yes: on the Encryption tab, Select from Key Vault offers Managed HSMs next to key vaults and stores the chosen key without a version, so it rotates automatically. You still have to give the identity Managed HSM Crypto Service Encryption User on the key yourself beforehand; the portal does not do it."""),

dict(key="S10", style="short", kind="no", category="identity", quals=[], flags=[], typo="existance",
question="can acr's system identity get key access before the registry's existance?",
canonical=[T + "system-assigned-identity-rejected-at-registry-creation"],
related=[I + "a-user-assigned-identity-is-required-when-the-registry-is-created", I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
facts=["`az acr create` does **not** accept `--identity '[system]'`."],
answer_facts=["the registry's system-assigned identity does not exist"],
truth="""No: the system-assigned identity only comes into being with the registry, so nothing can be granted to it beforehand, and az acr create refuses '[system]'. Start with a user-assigned identity at creation; afterwards turn the system identity on, grant it access and switch with az acr encryption rotate-key --identity '[system]'."""),

dict(key="S11", style="short", kind="why", category="keys", quals=[], flags=[],
question="why would we pick cmk when acr encrypts at rest already?",
canonical=[O + "why-teams-use-a-customer-managed-key"],
related=[O + "default-encryption-at-rest-without-a-cmk", O + "what-customer-managed-key-encryption-adds-to-a-registry"],
facts=["it is not needed to get encryption at rest"],
answer_facts=["the most common driver is a rule"],
truth="""Because a customer-managed key adds control rather than encryption: every registry is already encrypted at rest with Microsoft's keys, and CMK puts a second layer on top with a key you own. Teams take it mostly for compliance rules that demand a key they control, and to decide themselves on rotation, on access (revoking it locks the registry) and on auditing how the key is used."""),

dict(key="S12", style="short", kind="undocumented", category="iac", quals=["iac"], flags=[],
question="terraform azurerm 5.0 plans to disable encryption on our cmk acr, what if applied?",
canonical=[C + "azurerm-4x-removed-encryptionenabled-other-version-changes"],
related=[C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs", O + "cmk-cannot-be-disabled-after-it-is-enabled"],
facts=["keep the block for every CMK registry"],
answer_facts=["the result is undocumented"],
truth="""Not documented: from azurerm 5.0 a missing encryption block plans an update that the upgrade guide calls disabling encryption, which ACR does not allow, and what happens on apply is not described anywhere. Do not apply it; put the encryption block back for the registry (under 4.x its absence showed no diff) so the plan is clean."""),
]

# ---------------- off-topic ----------------
OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind="off-topic", category=OFF, subject="netdata", near_miss=True,
question="""Netdata keeps track of the build hosts that push images into our container registry: an agent on each host streams its metrics to a central Netdata parent. All children authenticate to the parent with one shared streaming key, and that key ended up in a support forum post by mistake. How do I rotate the streaming key on the parent and on every child without a gap in the charts?""",
truth="""Not covered: rotating the streaming key between Netdata agents and their parent is monitoring configuration, unrelated to customer-managed key encryption of Azure Container Registry."""),
dict(key="X2", style="long", kind="off-topic", category=OFF, subject="coder", near_miss=True,
question="""We run Coder for cloud development workspaces, and its templates pull workspace images from our container registry. Workspace builds run on external provisioners that authenticate to the Coder server with a provisioner key, and a contractor who had that key has left. How do I issue a new provisioner key in Coder and move the provisioners over without failing builds in between?""",
truth="""Not covered: minting a fresh provisioner key in Coder and re-registering external provisioners belongs to that dev-workspace platform; nothing in the ACR encryption material describes it."""),
dict(key="X3", style="long", kind="off-topic", category=OFF, subject="fluent bit", near_miss=True,
question="""Fluent Bit ships the logs of our container registry's build hosts to a Fluentd aggregator over the forward protocol, secured with a shared key set on both ends. Security now wants that shared key changed every quarter. Can Fluent Bit accept two keys during the switch, or do the senders and the aggregator have to change at the same moment?""",
truth="""Not covered: changing the forward protocol's shared key between Fluent Bit and Fluentd is log-pipeline configuration, outside ACR encryption with customer-managed keys."""),
dict(key="X4", style="long", kind="off-topic", category=OFF, subject="resilio sync", near_miss=True,
question="""We copy image tarballs exported from our container registry to an offline site with Resilio Sync. The shared folder's read-write key was posted in a chat by mistake, so anyone holding it could alter the tarballs. How do I replace the folder's key in Resilio Sync and link the peers that should keep syncing again?""",
truth="""Not covered: swapping a Resilio Sync share's read-write secret and re-adding peers is peer-to-peer sync housekeeping; tarball transfers to an offline site are not part of the ACR customer-managed key knowledge."""),
dict(key="X5", style="long", kind="off-topic", category=OFF, subject="unraid", near_miss=True,
question="""The small Unraid server in our lab hosts a local container registry for test images. Its USB boot drive died yesterday, and Unraid's license key is tied to that drive. How do I move the license key to a new USB drive and get the array and the registry container running again?""",
truth="""Not covered: moving an Unraid license to a new boot drive is home-server administration, outside the ACR customer-managed key material."""),
dict(key="X6", style="long", kind="off-topic", category=OFF, subject="stirling-pdf",
question="""Our documentation team turns incident reports into PDF/A files with a self-hosted Stirling-PDF instance. Since the last update, OCR on scanned pages only returns English text, although most reports are written in several other European languages. Where does Stirling-PDF look for extra OCR language data, and how do we add it so that it survives the next container update?""",
truth="""Not covered: OCR language data for Stirling-PDF is a document-tool question; the knowledge is about customer-managed keys for Azure Container Registry."""),
dict(key="X7", style="agent", form="context", kind="off-topic", category=OFF, subject="searxng",
question="Context: the platform team runs SearXNG as its internal search page. Question: results from one search engine vanished after the last upgrade, how do we find out which engine is failing?",
truth="""Not covered: finding a failing engine in SearXNG is metasearch administration, unrelated to ACR encryption with customer-managed keys."""),
dict(key="X8", style="agent", form="imperative", kind="off-topic", category=OFF, subject="kiwix",
question="Explain how to serve two offline Wikipedia archives from one kiwix-serve instance so that both appear on its start page",
truth="""Not covered: serving several archives with kiwix-serve is offline-content hosting, outside the Azure Container Registry CMK topic."""),
dict(key="X9", style="agent", form="keywords", kind="off-topic", category=OFF, subject="languagetool",
question="languagetool self hosted server ngram data for english, where to download it and how much disk space it needs",
truth="""Not covered: n-gram data for a LanguageTool server is grammar-checker setup, not part of the ACR customer-managed key knowledge."""),
dict(key="X10", style="short", kind="off-topic", category=OFF, subject="ghostfolio",
question="how do i import my broker's transaction export into ghostfolio?",
truth="""Not covered: importing broker data into Ghostfolio is personal-finance software use, unrelated to registry encryption."""),
dict(key="X11", style="short", kind="off-topic", category=OFF, subject="wger",
question="wger workout plans lost their exercise images after the upgrade",
truth="""Not covered: missing exercise images in wger are a fitness-app issue with nothing to do with customer-managed keys in ACR."""),
dict(key="X12", style="short", kind="off-topic", category=OFF, subject="lubelogger",
question="can lubelogger track two cars under one account?",
truth="""Not covered: vehicle records in LubeLogger are outside the Azure Container Registry CMK material."""),
]

QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"publically": "publicly", "managment": "management", "existance": "existence"}
SHAPES = ["two_facts", "name_check_json", "tag_detail_json", "xml_prompt_tags", "portal_review_summary",
          "keyvault_event_json"]
SEED = 68
ID_PREFIX = "af"

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
SPREAD_SETS = (67, 66)
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
    """(blind68.json text, blind68-meta.json text, blind68-first-canonicals.txt text)"""
    entries, meta = build()
    j = json.dumps(entries, indent=1, ensure_ascii=False) + "\n"
    m = json.dumps(meta, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    f = "\n".join(firsts) + "\n"
    return j, m, f


def main(out=HERE):
    j, m, f = render()
    for name, text in (("blind68.json", j), ("blind68-meta.json", m), ("blind68-first-canonicals.txt", f)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
