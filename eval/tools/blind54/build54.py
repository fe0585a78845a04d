"""blind54 builder: holds the 60 questions (QUESTIONS) and writes blind54.json, blind54-meta.json and
blind54-first-canonicals.txt. render() returns the three files' exact text (check54.py compares it byte for byte)."""
import base64
import hashlib
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


# ---- access tokens pasted by users (jwt_token items) ----
# Each token is built from its claims: header and payload are base64url-encoded compact JSON, the signature is a
# made-up, deterministic base64url string (sha256 of header.payload, repeated); nothing here is a real credential.
TENANT = "3f6c1a2e-8b47-4d90-a1c5-e2f7b8d04a63"
ISS = "https://sts.windows.net/%s/" % TENANT


def _b64(data):
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def jwt(claims):
    header = {"typ": "JWT", "alg": "RS256", "kid": "q3Xw9TzK1bVnR7yLm2PcD4sHf0A"}
    h = _b64(json.dumps(header, separators=(",", ":")).encode())
    p = _b64(json.dumps(claims, separators=(",", ":")).encode())
    sig = _b64(hashlib.sha256((h + "." + p).encode()).digest() * 3)
    return h + "." + p + "." + sig


def mi_claims(appid, oid, mirid=None, aud="https://management.azure.com/", iat=1796112000):
    c = {"aud": aud, "iss": ISS, "iat": iat, "nbf": iat, "exp": iat + 86399, "appid": appid, "appidacr": "2",
         "idp": ISS, "idtyp": "app", "oid": oid, "sub": oid, "tid": TENANT, "ver": "1.0"}
    if mirid:
        c["xms_mirid"] = mirid
    return c


TOKENS = {
    "L15": jwt(mi_claims("c81d4e7a-2f5b-4a96-b3e0-7d1f9a2c5e84", "5b2e9f13-6c84-4d07-9e1a-3f8c7b0d2a61",
                         "/subscriptions/8d4f2b71-0c3e-4a59-b6d8-1e7f3a9c0b25/resourcegroups/rg-holly/providers/"
                         "Microsoft.ManagedIdentity/userAssignedIdentities/id-holly")),
    "S3": jwt(mi_claims("e2b9d47c-1a58-4c3e-8f60-95d7b3a1c0e8", "7c41e0b9-2d6a-4f83-9b15-6e0a3c8d2f47",
                        "/subscriptions/8d4f2b71-0c3e-4a59-b6d8-1e7f3a9c0b25/resourcegroups/rg-olive/providers/"
                        "Microsoft.ManagedIdentity/userAssignedIdentities/id-olive", iat=1796371200)),
    "S4": jwt(mi_claims("1f6a3d8e-94c2-4b07-a5e1-c8d2f07b9e36", "b94e2c17-5a0d-4e6f-8c31-2d7f9a1b6e05",
                        "/subscriptions/8d4f2b71-0c3e-4a59-b6d8-1e7f3a9c0b25/resourcegroups/rg-pine/providers/"
                        "Microsoft.ManagedIdentity/userAssignedIdentities/id-pine", iat=1796457600)),
    "A5": jwt(mi_claims("4d8e1b6a-73c9-4f20-9d5e-a0b3c6f81e27", "a61f3c9e-0b84-4d57-b2e6-9f1d7c3a5e08",
                        aud="https://vault.azure.net", iat=1796544000)),
    "A6": jwt(mi_claims("6c0e9a4f-b318-4d72-8e5a-1f9b3d7c2a60", "f2d81b5c-4e07-4a93-b6c1-8e5a0d2f9c74",
                        "/subscriptions/8d4f2b71-0c3e-4a59-b6d8-1e7f3a9c0b25/resourcegroups/rg-ebony/providers/"
                        "Microsoft.ManagedIdentity/userAssignedIdentities/id-ebony", iat=1796630400)),
}


def tok(text):
    """Questions holding a pasted access token: @@JWT:<key>@@ stands for that item's token."""
    return re.sub(r"@@JWT:(\w+)@@", lambda m: TOKENS[m.group(1)], text)


# ---------------- long on-topic ----------------
QL = [
# ---- merge_conflict_markers ----
dict(key="L1", style="long", kind="troubleshoot", category="iac", quals=["iac"], flags=["merge_conflict_markers"],
question="""Two branches touched our registry stack in the same week: one moved the azurerm provider from 3.x to 4.x, the other added the customer-managed key to crlarch (the registry gets rebuilt this sprint anyway, so setting CMK at creation is fine). Git left this in acr.tf:

```hcl
  encryption {
<<<<<<< HEAD
    identity_client_id = module.larch_id.client_id
    key_vault_key_id   = module.larch_kek.versionless_id
=======
    enabled            = true
    identity_client_id = module.larch_id.client_id
    key_vault_key_id   = module.larch_kek.versionless_id
>>>>>>> feature/larch-cmk
  }
```

The author of the feature branch says Terraform ignored the block without that line when he wrote it last year. Taking his side, plan on the new provider stops with:

```text
Error: Unsupported argument
  31:     enabled            = true
```

Which side is right for azurerm 4.x? And does dropping the line risk ending up with a registry that isn't encrypted with our key?""",
canonical=[C + "azurerm-4x-removed-encryptionenabled-other-version-changes"],
related=[C + "common-terraform-and-bicep-errors-with-acr-encryption", C + "terraform-azurerm_container_registry-encryption-block", C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep"],
facts=["keep the block for every CMK registry"],
answer_facts=["the block's presence enables cmk", "delete the line when upgrading"],
truth="Keep HEAD, the side without the enabled argument. azurerm 4.0 removed encryption.enabled: on 4.x it is the presence of the encryption block that turns the customer-managed key on, so the feature branch's line is exactly what the Unsupported argument error rejects. Your colleague remembers 3.x correctly; there the block had enabled with a default of false, and without enabled = true the provider sent status disabled, so CMK was silently not set. On 4.x nothing of that remains: as long as the block stays, crlarch is created with the key, and the versionless key URI and the client ID are the right values. Confirm after apply that az acr encryption show -n crlarch reports status enabled. And never drop the block itself later: from azurerm 5.0 a missing block plans an update that the upgrade guide describes as disabling encryption."),

dict(key="L2", style="long", kind="troubleshoot", category="iac", quals=["iac"], flags=["merge_conflict_markers"],
question="""Rebasing my branch of the Bicep module for cralder onto main gave me a conflict inside the registry resource, and the two sides disagree on which ID of the identity goes into the encryption settings:

```bicep
    encryption: {
      status: 'enabled'
      keyVaultProperties: {
<<<<<<< HEAD
        identity: alderId.properties.principalId
=======
        identity: alderId.properties.clientId
>>>>>>> origin/main
        keyIdentifier: alderKek.properties.keyUri
      }
    }
```

HEAD is my edit from Friday. I changed it to principalId because the role assignment for the same identity, a few lines further up, uses principalId, and it looked inconsistent. A test deployment of my branch then failed at the moment the registry was created, while main deploys without trouble. Which line do I keep, and would the identity's resource ID (alderId.id) be a valid alternative there?""",
canonical=[C + "arm-template-json-propertiesencryption-and-keyvaultproperties"],
related=[C + "bicep-registry-with-a-customer-managed-key", I + "which-identity-value-goes-where", S + "set-up-cmk-with-an-arm-template"],
facts=["Do not copy the read-only properties into a template."],
answer_facts=["not principal id, not resource id", "object keyed by identity resource ids"],
truth="Keep origin/main: identity: alderId.properties.clientId. keyVaultProperties.identity expects the client ID of the identity; the principal ID does not work there and neither does the resource ID, so alderId.id is no alternative. The principal ID is correct where you saw it, in the role assignment that gives the identity Key Vault Crypto Service Encryption User on the vault (principalType ServicePrincipal). The resource ID has its own place too: the registry's identity.userAssignedIdentities object, keyed by alderId.id with an empty object as value. After resolving, deploy the branch to a test resource group again and check with az acr encryption show that identity holds the client ID."),

dict(key="L3", style="long", kind="howto", category="network", quals=["iac"], flags=["merge_conflict_markers"],
question="""The platform repo has one shared Bicep module for key vaults, and two hardening pull requests collided in its network settings. kv-rowan, built from that module, will hold the key of crrowan, which we create next week:

```bicep
    networkAcls: {
      defaultAction: 'Deny'
<<<<<<< HEAD
      bypass: 'None'
      ipRules: [ { value: '192.0.2.0/24' } ]
=======
      bypass: 'AzureServices'
>>>>>>> sec/trusted-services
    }
```

HEAD comes from the network team, who want no exceptions whatsoever and only our build range let in. The other side is from security. I have to merge today and can take either side or a mix of both. Which lines should the merged module carry, so that creating crrowan can reach its key and our pipelines can still work with keys in the vault?""",
canonical=[O + "network-requirement-for-a-locked-down-key-vault"],
related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", N + "allow-your-own-clients-through-the-vault-firewall", N + "allow-trusted-services-and-deny-other-traffic"],
facts=["Without it the registry cannot reach the key."],
answer_facts=["must allow trusted azure services to bypass"],
truth="A mix: keep defaultAction 'Deny', take bypass: 'AzureServices' from sec/trusted-services, and keep the ipRules entry for 192.0.2.0/24 from HEAD. A key vault behind its firewall has to let trusted Azure services through, or crrowan cannot reach its key when it is created; that bypass is the exception, and Container Registry is one of the services it admits for customer-managed key encryption. The IP rule serves a different audience, your own pipelines and people who create keys and versions; the registry does not come in through an IP rule, so the network team's range alone would not help it. The bypass only opens the path: crrowan's identity still needs its role or access policy on kv-rowan. Create the key from the allowed range, or before the lockdown applies."),

dict(key="L4", style="long", kind="howto", category="identity", quals=[], flags=["merge_conflict_markers"],
question="""The identity swap for crhazel is scripted in our runbook repo, and two edits of the same block collided. We are replacing id-hazel-old with id-hazel-2027 on that registry; the key sits in kv-hazel, an RBAC vault:

```bash
<<<<<<< HEAD
az acr identity remove -n crhazel --identities "$OLD_ID"
az acr identity assign -n crhazel --identities "$NEW_ID"
az acr encryption rotate-key -n crhazel --key-encryption-key "$KEK" --identity "$NEW_ID"
=======
az acr identity assign -n crhazel --identities "$NEW_ID"
az role assignment create --assignee-object-id "$NEW_OID" --assignee-principal-type ServicePrincipal --role "$KV_ROLE" --scope "$HAZEL_KV"
az acr encryption rotate-key -n crhazel --key-encryption-key "$KEK" --identity "$NEW_ID"
>>>>>>> ops/hazel-order
```

The HEAD version takes the old identity off first, so that the registry never carries two. KV_ROLE holds the name of the key role we use on all our vaults. Which side should the runbook keep, and when may id-hazel-old actually be taken off crhazel?""",
canonical=[I + "switch-to-a-different-user-assigned-identity"],
related=[I + "the-encryption-identity-cannot-simply-be-removed", K + "rotate-with-a-different-identity-or-the-system-assigned-identity", I + "how-rotate-key-interprets-the---identity-value"],
facts=["The service refuses to detach the identity that encryption currently uses."],
answer_facts=["should the old identity be detached", "grant it access to the key"],
truth="Keep ops/hazel-order, and add the removal as a separate last step behind a check. That side follows the documented order: attach id-hazel-2027, give its principal ID Key Vault Crypto Service Encryption User on kv-hazel, then rotate-key to it. HEAD starts by detaching the identity that crhazel's encryption still depends on, which the service refuses (and an attempted removal can leave that identity inactive), and it never grants the new identity anything, so the rotate would point crhazel at an identity that can't use the key. Only when az acr encryption show -n crhazel reports id-hazel-2027's client ID should id-hazel-old lose its role and be detached with az acr identity remove -n crhazel --identities \"$OLD_ID\"."),

dict(key="L5", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["merge_conflict_markers"],
question="""Two of us scripted the access grant for crjuniper, which gets its key from juniperhsm, our Managed HSM, when the registry is rebuilt, and the branches collided:

```bash
<<<<<<< HEAD
HSM_ID=$(az keyvault show --hsm-name juniperhsm -o json | jq -r .id)
az role assignment create --role "$KV_ENC_ROLE" --assignee-object-id "$JUNIPER_OID" --assignee-principal-type ServicePrincipal --scope "$HSM_ID"
=======
az keyvault role assignment create --role "$HSM_ENC_ROLE" --hsm-name juniperhsm --assignee-object-id "$JUNIPER_OID" --assignee-principal-type MSI --scope /keys/juniper-kek
>>>>>>> hsm-local-grant
```

KV_ENC_ROLE holds the vault role we always give registry identities, Key Vault Crypto Service Encryption User; HSM_ENC_ROLE holds Managed HSM Crypto Service Encryption User. My side (HEAD) ran cleanly in a test, and the assignment is listed on the HSM's IAM blade, yet a trial registry create still reported that the identity had no usable key access. Which side grants the identity its permission on the Managed HSM key, and who is allowed to run it?""",
canonical=[T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
related=[M + "local-rbac-roles-for-acr-encryption", A + "grant-access-to-a-key-in-a-managed-hsm", T + "managed-hsm-role-assignment-not-yet-in-effect"],
facts=["ACR and the portal never create one"],
answer_facts=["azure rbac covers the hsm's management only", "key use only through its local rbac"],
truth="The hsm-local-grant side. A Managed HSM authorizes key use only through its own local RBAC, and an Azure role assignment on the HSM resource, which is what HEAD creates, covers management of the HSM and never lets anyone use a key, however it looks on the IAM blade. Keep az keyvault role assignment create --hsm-name juniperhsm with Managed HSM Crypto Service Encryption User at /keys/juniper-kek for the identity's principal ID and principal type MSI, and drop the HEAD lines (the IAM assignment they made can be deleted). The person or pipeline running it needs Managed HSM Administrator, Managed HSM Crypto Officer or Managed HSM Policy Administrator inside the HSM; neither ACR nor the portal creates this assignment for you. Local role changes can take several minutes, so wait before retrying the create."),

# ---- jira_markup ----
dict(key="L6", style="long", kind="troubleshoot", category="keys", quals=[], flags=["jira_markup"],
question="""Pasting the ticket our service desk escalated to me, markup and all:

h3. Summary
Grant step fails for the new registry craspen
h3. Details
The onboarding script gives {{id-aspen}} its key permissions on {{kv-aspen}} the way our 2022 wiki page describes, then creates the registry. The same script created the vault a minute earlier, with a current Azure CLI. Output of the grant step:
{code:bash}
$ az keyvault set-policy -n kv-aspen -g rg-aspen --object-id 5d0c9e3a-71b4-4c2f-9a86-e3f1b7d24c05 --key-permissions get wrapKey unwrapKey
Cannot set policies to a vault with '--enable-rbac-authorization' specified
{code}
The registry create that follows fails as well.

What changed since 2022, and what should the script run for {{id-aspen}} instead?""",
canonical=[T + "set-policy-fails-on-an-rbac-key-vault"],
related=[A + "azure-cli-262-and-later-create-rbac-vaults-by-default", A + "which-permission-model-does-my-key-vault-use", A + "grant-access-with-an-azure-rbac-role"],
facts=["is the only role needed; broader roles are not required"],
answer_facts=["the cli refuses to edit them", "az keyvault create makes rbac vaults"],
truth="The CLI default changed, not ACR: since Azure CLI 2.62.0, az keyvault create builds vaults on the Azure RBAC permission model unless told otherwise, so kv-aspen ignores access policies and the CLI won't even write one. Give id-aspen the role instead, at the vault's scope: az role assignment create --assignee-object-id <principal ID of id-aspen> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <resource ID of kv-aspen>, then allow a few minutes before creating craspen. That role is all the identity needs. Whoever runs the script now also needs a data-plane role such as Key Vault Crypto Officer to create the key. If you want the 2022 access-policy flow back, create new vaults with --enable-rbac-authorization false rather than flipping existing ones."),

dict(key="L7", style="long", kind="howto", category="limits", quals=[], flags=["jira_markup"],
question="""Copying our audit finding from Jira as it came out of the export:

h2. Finding AUD-2031
*Requirement:* build logs of everything built into {{crwillow}} are kept for 400 days.
*Observed:* {{az acr task logs --registry crwillow --run-id cw4k1}} returned nothing two days after the run, while runs on our older registry without a customer-managed key still show logs from last spring.
*Owner:* platform team
{noformat}
crwillow   Premium   encryption: enabled   keyRotationEnabled: true
{noformat}

Is there a retention setting on crwillow that we can raise, and if not, how do we keep the task logs so that the finding can be closed?""",
canonical=[L + "export-task-run-logs-before-they-expire"],
related=[T + "task-run-logs-disappear-after-24-hours", L + "acr-tasks-run-logs-are-kept-for-only-24-hours", L + "feature-compatibility-summary"],
facts=["the docs offer no setting that extends the 24-hour retention on a CMK registry"],
answer_facts=["no log is lost after a day", "ship it to a storage account"],
truth="There is no such setting: a registry encrypted with a customer-managed key keeps ACR Tasks run logs for 24 hours, nothing in the docs extends that, and logs that have already aged out can't be brought back, so crwillow's empty result is expected. Close the finding with an export: at the end of each pipeline that starts a task, list the recent runs (az acr task list-runs --registry crwillow --top 20 -o table), fetch each run's log with az acr task logs --registry crwillow --run-id <run ID> and write it to a file, a storage account or your log platform with 400-day retention. Runs that ACR triggers by itself, such as base-image updates, never pass through a pipeline, so give the export its own schedule, well inside the 24 hours."),

dict(key="L8", style="long", kind="why", category="keys", quals=[], flags=["jira_markup"],
question="""From our Jira, unedited:

h3. Problem
{{az acr create}} for {{cryew}} fails at the key step. The key was created by the crypto team according to their standard, which says curve keys for everything new:
{code}
az keyvault key create --vault-name kv-yew -n yew-kek --kty EC-HSM --curve P-384
{code}
The vault is on the Premium tier, the registry identity holds its encryption role on the vault, and the firewall lets trusted services through.
h3. Ask
Why won't the registry take this key? The crypto team want the reason in writing before they create anything else.""",
canonical=[T + "elliptic-curve-key-rejected"],
related=[O + "which-key-types-and-sizes-are-supported", O + "key-sizes-offered-by-key-vault", O + "rsa-hsm-keys-need-a-premium-key-vault"],
facts=["The ACR docs do not prescribe a key size"],
answer_facts=["can't wrap keys and are not supported", "on any curve"],
truth="Because encrypting a registry with a customer-managed key works with RSA keys only, RSA or RSA-HSM: elliptic-curve keys, EC and EC-HSM alike and on every curve including P-384, are not supported, since they can't wrap keys, and wrapping and unwrapping is all the registry identity does with its key. The vault tier, the role and the firewall are all in order, so the key type is the only problem. For cryew the crypto team should create an RSA-HSM key in kv-yew under a new name, for example az keyvault key create --vault-name kv-yew -n yew-kek-rsa --kty RSA-HSM --size 3072 (the ACR docs prescribe no size; Key Vault offers 2048, 3072 and 4096 bits), and az acr create should get that key's ID. Their curve-key standard needs an exception for registry encryption."),

dict(key="L9", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["jira_markup"],
question="""Ticket text exactly as Jira exported it:

h3. Environment
Managed HSM {{hornbeamhsm}}, provisioned on Tuesday by the infra pipeline; registry {{crhornbeam}} planned on top of it.
h3. Symptoms
Creating the key fails, the local role assignment for {{id-hornbeam}} fails too, and in fact every data-plane call gets turned away. Status as the pipeline prints it:
{noformat}
provisioningState : Succeeded
activationStatus  : NotActivated
{noformat}
h3. Question
The infra team says provisioning succeeded, so the HSM is ready for us. What is missing before we can grant {{id-hornbeam}} access on the HSM and create the key, and who has to do it?""",
canonical=[T + "managed-hsm-is-not-activated"],
related=[M + "provision-and-activate-the-managed-hsm", M + "requirements-for-a-managed-hsm-key-store", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
facts=["Only now create the key and the identity's local role assignment, then create the registry."],
answer_facts=["is only the first half", "downloads the hsm's security domain"],
truth="Activation. A provisioned Managed HSM refuses every data-plane request until it has been activated, and hornbeamhsm still reports NotActivated: no key, no local role and no registry before that. One of the initial administrators named when the HSM was provisioned has to download its security domain, encrypted to at least three RSA public keys with a quorum (for example az keyvault security-domain download --hsm-name hornbeamhsm --sd-wrapping-keys <three certificates> --sd-quorum 2 --security-domain-file <file>), and keep that file and the private keys safe for disaster recovery. Once activationStatus reads Active, someone holding a key-creating local role such as Managed HSM Crypto User creates the RSA-HSM key with wrapKey and unwrapKey, a Managed HSM Administrator, Crypto Officer or Policy Administrator gives id-hornbeam Managed HSM Crypto Service Encryption User at /keys/<key name>, and then crhornbeam can be created."),

# ---- html_entities ----
dict(key="L10", style="long", kind="troubleshoot", category="setup", quals=[], flags=["html_entities"],
question="""Our pipeline writes a JUnit report for every stage, and the grant stage for crlinden failed. The portal only renders an empty test tab, so this is the raw report file:

```xml
<testcase name="grant-kv-linden" classname="acr.cmk.setup" time="3.4">
  <failure message="az keyvault set-policy exited with 2">ERROR: &#39;wrap&#39; is not a valid value for &#39;--key-permissions&#39;. Allowed values: all, backup, create, decrypt, delete, encrypt, get, ...</failure>
</testcase>
```

The stage passes --key-permissions get wrap unwrap, which we took from the rotate-and-revoke tutorial, where the permissions are listed as get, wrap and unwrap. kv-linden is a vault that uses access policies. Is the tutorial wrong, and what should the stage pass?""",
canonical=[T + "invalid-key-permission-names-wrap-and-unwrap"],
related=[A + "grant-access-with-a-key-vault-access-policy", S + "option-b-access-policy-on-an-access-policy-vault", T + "set-policy-fails-on-an-rbac-key-vault"],
facts=["Matching is case-insensitive (`WRAPKEY` works)."],
answer_facts=["is only shorthand used in prose", "the exact permission names wrapkey and unwrapkey"],
truth="The tutorial's list is shorthand rather than the CLI's vocabulary: the permission names are wrapKey and unwrapKey, and neither 'wrap' nor 'unwrap' is an accepted value, hence the failure on --key-permissions. Let the stage run az keyvault set-policy -n kv-linden -g <resource group> --object-id <principal ID of crlinden's identity> --key-permissions get unwrapKey wrapKey (upper or lower case doesn't matter). Those three permissions are everything the registry needs on a vault with access policies. A role assignment would do nothing on kv-linden; only if the vault ever moves to the RBAC model does the stage have to switch to the Key Vault Crypto Service Encryption User role."),

dict(key="L11", style="long", kind="troubleshoot", category="identity", quals=[], flags=["html_entities"],
question="""Our runbooks live in Confluence, and the export the wiki team sent me still carries the HTML escaping. The step that grants crmaple's identity its key role reads like this in the export:

```bash
az role assignment create --role &quot;Key Vault Crypto Service Encryption User&quot; --scope &quot;$MAPLE_KV_ID&quot; --assignee-principal-type MSI --assignee-object-id &quot;$MAPLE_OID&quot;
```

After I fixed the quotes by hand, the CLI stopped before sending anything, complaining that MSI isn't an allowed principal type. The same runbook uses MSI for our Managed HSM grants, and those run fine. kv-maple is an ordinary key vault on the RBAC model. What should this step say?""",
canonical=[T + "role-assignment-rejects-the-principal-type-or-the-assignee"],
related=[A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities", A + "grant-access-with-an-azure-rbac-role", M + "local-rbac-roles-for-acr-encryption"],
facts=["it takes exactly one"],
answer_facts=["a managed identity is a serviceprincipal there", "msi belongs to another command"],
truth="ServicePrincipal instead of MSI: az role assignment create --role \"Key Vault Crypto Service Encryption User\" --scope \"$MAPLE_KV_ID\" --assignee-principal-type ServicePrincipal --assignee-object-id \"$MAPLE_OID\". az role assignment create only knows User, Group, ServicePrincipal and ForeignGroup, and a managed identity counts as a service principal there. MSI is a value of a different command, az keyvault role assignment create, which hands out a Managed HSM's local roles; that is why your HSM steps work. Keep --assignee-object-id with the identity's principal ID and don't add --assignee next to it, which would end in the assignee usage error. In the runbook itself, replace the escaped entities with plain double quotes so nobody has to repair them by hand."),

# ---- numbered_subquestions ----
dict(key="L12", style="long", kind="value", category="recovery", quals=[], flags=["numbered_subquestions", "two_facts"],
question="""I'm writing the key-vault section of the design for crbirch, our first CMK registry, and the reviewer left three questions on the draft that I can't answer with confidence:

1. How long does a deleted vault or key stay recoverable if we set nothing, and can we choose another period?
2. If we switch purge protection on now and regret it later, can we switch it off again?
3. Our older scripts pass --enable-soft-delete true when they create a vault. Do we still need that?

kv-birch doesn't exist yet; it will be created with a current Azure CLI.""",
canonical=[O + "soft-delete-and-purge-protection-on-the-key-vault", O + "soft-delete-and-purge-protection-behaviour-in-key-vault"],
related=[S + "step-3-create-the-key-vault-with-purge-protection", V + "how-purge-protection-protects-the-registry", V + "recover-a-deleted-key-vault"],
facts=["The current CLI has no `--enable-soft-delete` option; do not pass one."],
answer_facts=["90 by default, --retention-days at creation", "enabling purge protection is a one-way change"],
truth="(1) 90 days by default, and you can pick anything from 7 to 90 days with --retention-days when kv-birch is created; during that window a deleted vault or key can be recovered. (2) No, purge protection is a one-way change: once on, it stays on. That is its point, since it stops anyone from erasing a deleted vault or key before the retention period ends, which would make crbirch's data unrecoverable; the ACR docs recommend it but don't require it. (3) No, remove the flag: soft delete is always on for new vaults, and the current CLI has no --enable-soft-delete option at all. Something like az keyvault create -n kv-birch -g <resource group> --retention-days 90 --enable-purge-protection covers all three."),

dict(key="L13", style="long", kind="value", category="limits", quals=["hsm", "oct2026"], flags=["numbered_subquestions"],
question="""Finance wants the cost side of moving crspruce to a customer-managed key held in our Managed HSM, sprucehsm. Three items are still open on my list:

1) Is there an ACR charge for CMK as such, beyond what the Premium tier costs?
2) We plan automatic rotation with a rotation policy on the key in the HSM. Is every rotation billed?
3) If someone deletes the Managed HSM by mistake, does it keep costing money while it sits soft-deleted?

They don't need amounts, only which of these items would appear on a bill at all.""",
canonical=[L + "pricing-considerations"],
related=[M + "recover-a-deleted-managed-hsm-key-or-hsm", V + "recover-a-deleted-managed-hsm", M + "rotate-a-managed-hsm-key"],
facts=["includes the time it spends soft-deleted"],
answer_facts=["rotation itself carries no extra charge", "the acr docs list no separate charge"],
truth="(1) No separate charge for the CMK feature is listed by ACR; the real cost of choosing CMK is that the registry must be on the Premium tier. Key operations are billed by the key store, not by ACR. (2) Not for a key in a Managed HSM: Managed HSM key rotation carries no extra charge, whereas Key Vault vaults bill each scheduled rotation done by a rotation policy. (3) Yes: a Managed HSM keeps generating charges through its whole soft-deleted period too, because its capacity stays reserved for it. It stops costing money only once it is recovered or purged, and purging sprucehsm would also destroy the key crspruce depends on, so a mistaken deletion should be recovered quickly."),

dict(key="L14", style="long", kind="howto", category="rotation", quals=["hsm", "oct2026"], flags=["numbered_subquestions"],
question="""crelm's key, elm-kek, lives in our Managed HSM elmhsm, and the registry is configured with the versionless key URI. Before I automate new key versions there, I'd like three things confirmed:

1. Can I give the HSM key a rotation policy that rotates every 14 days, the same cadence our vault keys use?
2. When a new version of elm-kek shows up, do I have to give the registry identity another local role for it?
3. Is there an upper limit on how many versions a single key can collect?

In case it matters: elm-kek has no rotation policy yet, and I meant to test first with az keyvault key rotate --hsm-name elmhsm.""",
canonical=[K + "create-a-new-version-in-a-managed-hsm"],
related=[M + "rotate-a-managed-hsm-key", K + "automatic-rotation-with-a-versionless-key-id", K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy"],
facts=["a key holds at most 100 versions"],
answer_facts=["more often than every 28 days", "covers every version of the key"],
truth="(1) No: in a Managed HSM a rotation policy can't rotate more often than every 28 days, so a 14-day cadence is fine for your vault keys (vaults allow 7 days) but not for elm-kek. (2) No: the identity's Managed HSM Crypto Service Encryption User role scoped to /keys/elm-kek covers every version of that key, so new versions need no new assignment; only a new key name would. (3) Yes, a key can hold at most 100 versions. About the test: on-demand az keyvault key rotate --hsm-name works only after the key has a rotation policy, so create the policy first; the Managed HSM Crypto User role covers setting the policy as well as rotating. With the versionless URI, crelm switches to each new version within an hour."),

# ---- jwt_token ----
dict(key="L15", style="long", kind="howto", category="identity", quals=["hsm", "iac", "oct2026"], flags=["jwt_token"],
question="""For crholly's key in our Managed HSM hollyhsm I have to give id-holly its local role, and later put its client ID into an ARM template. I can't read the identity in the portal, but it is attached to one of our build VMs, so I fetched an access token for it there and pasted it:

```text
@@JWT:L15@@
```

The decoded payload holds several GUIDs and I can't tell them apart. Which value do I grant the Managed HSM role to, and which one goes into keyVaultProperties.identity?""",
canonical=[I + "managed-identities-for-acr-cmk-encryption"],
related=[I + "which-identity-value-goes-where", M + "local-rbac-roles-for-acr-encryption", I + "create-the-user-assigned-identity-and-capture-its-ids"],
facts=["always uses the principal ID"],
answer_facts=["each command or template field expects", "as a managed identity"],
truth="The oid claim, 5b2e9f13-6c84-4d07-9e1a-3f8c7b0d2a61, is id-holly's principal (object) ID, and that is the one to grant: az keyvault role assignment create --hsm-name hollyhsm --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id 5b2e9f13-6c84-4d07-9e1a-3f8c7b0d2a61 --assignee-principal-type MSI --scope /keys/<key name>. The appid claim, c81d4e7a-2f5b-4a96-b3e0-7d1f9a2c5e84, is the client ID, which keyVaultProperties.identity expects (neither the principal ID nor the resource ID works there). xms_mirid holds the identity's resource ID, the value az acr create --identity takes. Key access always goes to the principal ID, the registry's encryption settings hold the client ID. The token is a live credential until its exp time, so don't paste it anywhere else."),

# ---- plain long ----
dict(key="L16", style="long", kind="undocumented", category="network", quals=[], flags=[],
question="""Security architecture wants crsumac reachable through private endpoints only: public network access switched off on the registry itself, clients in three spoke networks coming in over private links. crsumac will be created with a customer-managed key from kv-sumac, which is only reachable over a private endpoint of its own, with trusted services allowed. I read the customer-managed key tutorials twice and found plenty about the vault side and nothing at all about the registry being private. Before the design board meets on Thursday I need one answer: does Microsoft say anywhere whether a CMK registry may have private endpoints of its own, with public access switched off, as a supported setup?""",
canonical=[N + "registry-private-endpoints-and-cmk-are-not-covered-by-the-docs"],
related=[L + "feature-compatibility-summary", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", N + "key-vault-networking-for-cmk-registries"],
facts=["The key store side rules above (trusted services, identity access) apply regardless of how clients reach the registry."],
answer_facts=["it neither lists that combination as supported", "treat it as undocumented"],
truth="Not documented: the ACR customer-managed key articles only deal with the key store, a vault or Managed HSM behind a firewall, a virtual network or a private endpoint. About a CMK registry that has private endpoints of its own, a registry firewall or public access disabled they say nothing, neither calling it supported nor listing it as a limitation. Tell the board it is undocumented, test the combination in a non-production subscription, and get Microsoft support to confirm if you need a guarantee. What holds either way: kv-sumac must keep letting trusted Azure services through, and crsumac's identity needs its key permissions, whichever way clients reach the registry."),

dict(key="L17", style="long", kind="troubleshoot", category="network", quals=["hsm", "oct2026"], flags=["two_facts"],
question="""For a year crcedar has been encrypted with a key from cedarhsm, one of our Managed HSMs. Last Monday a tenant-wide hardening change switched the HSM's firewall on, with only the office egress range allowed. Since then the weekly base-image import fails:

```text
$ az acr import -n crcedar --source crcedarstage.azurecr.io/base/runtime:2.3 --image base/runtime:2.3
(Forbidden) ... Code: ForbiddenByFirewall
```

Pulling images we already have seems fine so far. The key ID is versionless, and we also noticed that lastKeyRotationTimestamp hasn't changed since the hardening, although the key got a new version on Wednesday. What do we need to change on the HSM side, and is there anything to run on crcedar afterwards to get its access back?""",
canonical=[N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry", M + "managed-hsm-firewall-and-trusted-services"],
related=[N + "managed-hsm-firewall-and-trusted-services", T + "http-403-after-enabling-the-key-vault-firewall", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["If the 403 persists, open an Azure support case."],
answer_facts=["the documented examples are image import", "can break image import and automatic rotation"],
truth="The Managed HSM has to let trusted Azure services through, and after that crcedar's present key settings get applied once more. The registry reaches cedarhsm as a trusted service, and since Monday the firewall turns it away; image import and automatic rotation are the documented casualties, which also explains why Wednesday's version never arrived. Step one: az keyvault update-hsm --hsm-name cedarhsm -g <resource group> --bypass AzureServices, leaving default action Deny and the office rule in place, then confirm networkAcls with az keyvault show --hsm-name cedarhsm. Step two: read keyIdentifier and identity from az acr encryption show -n crcedar and hand the same two values to az acr encryption rotate-key -n crcedar (use '[system]' if identity says system). Then retry the import; if it still gets 403, raise a support case."),

dict(key="L18", style="long", kind="troubleshoot", category="recovery", quals=["hsm", "oct2026"], flags=[],
question="""Quarterly revocation drill on crpoplar, whose key poplar-kek lives in poplarhsm. The runbook step deleted the key-scoped local role of crpoplar's identity, and a check afterwards still finds one assignment:

```text
$ az keyvault role assignment delete --hsm-name poplarhsm --scope /keys/poplar-kek --role "$HSM_ENC_ROLE" --assignee-object-id 0e7c5a92-3b1f-4d68-8a4e-9c2d6f1b7e30
$ az keyvault role assignment list --hsm-name poplarhsm --assignee-object-id 0e7c5a92-3b1f-4d68-8a4e-9c2d6f1b7e30 -o json | jq -r '.[].scope'
/keys
```

HSM_ENC_ROLE is Managed HSM Crypto Service Encryption User.

Forty minutes later crpoplar still serves pulls and pushes as if nothing had happened, so the drill got marked as failed. Why did revoking the Managed HSM role not cut the registry off, and what does the runbook need to do for a real revocation?""",
canonical=[V + "revoke-access-to-a-key-in-a-managed-hsm"],
related=[M + "revoke-access-to-a-managed-hsm-key", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope", V + "what-revocation-does-to-the-registry"],
facts=["keeps access working too"],
answer_facts=["made at /keys or at /", "delete it at its own scope"],
truth="Because the identity still holds the same role at /keys, a wider scope: a delete scoped to /keys/poplar-kek removes only the assignment made at that exact path, and the one at /keys (covering every key in poplarhsm) keeps granting access to poplar-kek. For a real revocation the runbook has to list the identity's local roles without a scope filter and delete the role at every scope where it shows up, here also az keyvault role assignment delete --hsm-name poplarhsm --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id <principal ID> --scope /keys, and check that no other local role able to wrap and unwrap (Managed HSM Crypto User, for example) is left. Then all of crpoplar's data is blocked; re-creating the key-scoped assignment ends the drill."),

dict(key="L19", style="long", kind="howto", category="recovery", quals=["hsm", "oct2026"], flags=["two_facts"],
question="""A clean-up script with a filter that was far too broad deleted two things this morning: first the key baobab-kek inside our Managed HSM baobabhsm, then, on a second pass, the whole HSM. crbaobab, which encrypts with that key, has failed since the first pass. The deleted HSM is still listed:

```text
$ az keyvault list-deleted -o json --resource-type hsm | jq -r '.[] | .name + "  " + .properties.location'
baobabhsm  northeurope
```

Our on-call people only hold a handful of roles, so I want the order and the permissions right. How do I recover the deleted Managed HSM and then the key, which role does each step need, and is there any reason not to simply purge everything and rebuild?""",
canonical=[M + "recover-a-deleted-managed-hsm-key-or-hsm", V + "recover-a-deleted-managed-hsm"],
related=[V + "recover-a-deleted-key", L + "pricing-considerations", T + "key-vault-or-key-was-deleted"],
facts=["never purge an HSM whose key a registry still needs"],
answer_facts=["a key needs managed hsm crypto officer", "recovery needs the hsm's location"],
truth="HSM first, key second. 1) az keyvault recover --hsm-name baobabhsm --location northeurope; listing, recovering and purging a deleted HSM takes the Azure role Managed HSM Contributor. 2) When it is back, az keyvault key list-deleted --hsm-name baobabhsm, then az keyvault key recover --hsm-name baobabhsm --name baobab-kek; recovering a key takes the local role Managed HSM Crypto Officer, which Crypto User doesn't cover. 3) Check with az keyvault role assignment list --hsm-name baobabhsm that crbaobab's identity still holds Managed HSM Crypto Service Encryption User on /keys/baobab-kek, re-create it if not, and the registry picks the key up again by itself. Don't purge: that wipes the HSM and every key in it for good, and crbaobab's data with them. Don't dawdle either, since a soft-deleted Managed HSM is still billed."),

dict(key="L20", style="long", kind="howto", category="setup", quals=[], flags=["two_facts"],
question="""crcypress has been our main Premium registry for four years, without a customer-managed key: about 180 repositories, pulled by AKS clusters and a couple of on-prem build farms. A new policy says its content must be encrypted with our own key. The obvious route failed: rotate-key with our key and identity was turned down by the CLI, which says rotation is only for registries that have CMK on already, and az acr update offers no key option either. For reference, the current state:

```text
$ az acr encryption show -n crcypress -o json
{
  "keyVaultProperties": null,
  "status": "disabled"
}
```

What is the supported way to get crcypress's content under our key, and what does the move mean for the clients?""",
canonical=[O + "moving-an-existing-registry-to-cmk", T + "key-rotation-fails-on-a-registry-without-cmk"],
related=[O + "cmk-can-only-be-enabled-when-the-registry-is-created", L + "feature-compatibility-summary", C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep"],
facts=["The official docs give no migration procedure."],
answer_facts=["pull secrets must then be pointed", "only on registries that already use cmk"],
truth="A new registry. crcypress can't be switched to CMK in place: rotate-key only works on registries that already use one, the key can only be chosen at creation, and an ACR maintainer has said converting existing registries is not planned. 1) Grant your identity access to the key, then create a new Premium registry with both, for example az acr create -g <resource group> -n crcypresscmk --sku Premium --identity <identity resource ID> --key-encryption-key <versionless key URI>. 2) Copy all 180 repositories with az acr import, one image per call (--name crcypresscmk --source crcypress.azurecr.io/<repo>:<tag> --image <repo>:<tag>), scripted over az acr repository list. 3) Point the AKS clusters, build farms, pipelines and pull secrets at crcypresscmk.azurecr.io. 4) Delete crcypress only after checking that everything arrived, because that step can't be undone."),

dict(key="L21", style="long", kind="yes", category="limits", quals=[], flags=[],
question="""crsequoia runs on Premium with replicas in three regions, and it was created last year with its key from kv-sequoia in France Central:

```text
$ az acr replication list -r crsequoia -o table
NAME                LOCATION            PROVISIONING STATE    STATUS
francecentral       francecentral       Succeeded             Ready
germanywestcentral  germanywestcentral  Succeeded             Ready
switzerlandnorth    switzerlandnorth    Succeeded             Ready
```

Our DR review flagged that nobody ever checked whether geo-replication and a CMK may be combined at all, and the reviewer suspects each replica might need a key vault of its own in its own region. Is a geo-replicated registry like this one a supported setup with a single key? And does Microsoft give any guidance on keeping it resilient?""",
canonical=[L + "geo-replication-works-with-cmk"],
related=[L + "geo-replication-with-a-managed-hsm-key", L + "feature-compatibility-summary", O + "soft-delete-and-purge-protection-on-the-key-vault"],
facts=["all replicas rely on the same key vault"],
answer_facts=["no other cmk-specific geo-replication limit", "can be encrypted with a customer-managed key"],
truth="Yes: a geo-replicated Premium registry can use a customer-managed key, and the docs name no geo-replication limit specific to CMK, so crsequoia with its single key from kv-sequoia is a supported setup; nothing asks for a vault per replica. The geo-replication article's advice is to follow Azure Key Vault's failover and redundancy guidance for the best resilience, because every replica depends on that one vault being available. So the DR review should look at kv-sequoia itself: Key Vault's own regional failover behaviour, soft delete with purge protection against accidental deletion, and the registry identity's access, rather than at extra vaults."),

dict(key="L22", style="long", kind="yes", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="""Architecture review for crteak. Our security team wants its key in teakhsm, a Managed HSM. The reviewer pushed back with the registry security guide, which only ever talks about Key Vault for the registry's key and has no word on Managed HSM, so in his view we would be building on something undocumented. A colleague, on the other hand, swears the CMK tutorials now contain Managed HSM steps. Who is right: can a CMK registry keep its key in a Managed HSM as a supported setup, and which documents should our design cite?""",
canonical=[M + "managed-hsm-is-a-supported-key-store-for-acr-cmk"],
related=[O + "managed-hsm-keys", M + "limits-and-open-points-with-managed-hsm", L + "managed-hsm-is-not-available-everywhere"],
facts=["store it unchanged, whatever its host name"],
answer_facts=["documented as the second supported key store", "follow the cmk tutorials"],
truth="Yes: your colleague is right. Since the October 2026 revision of the four ACR customer-managed key tutorials, Managed HSM is documented as a supported key store next to Key Vault vaults, with Managed HSM variants of the setup, rotation, revocation and troubleshooting steps, and the key may be generated in the HSM or imported into it. The security guide and the registry security overview predate that revision and still speak of Key Vault only, so cite the CMK tutorials for Managed HSM and note the inconsistency in the design. The Azure CLI is consistent with the tutorials: az acr create and rotate-key pass a managedhsm.azure.net key URI through unchanged. One check remains for crteak: Managed HSM must be offered in its cloud and region."),

dict(key="L23", style="long", kind="no", category="recovery", quals=[], flags=[],
question="""Yesterday's security clean-up removed the access policy of id-walnut on kv-walnut, a vault that uses access policies, and crwalnut has refused every pull since. Ten minutes ago we put the policy back:

```text
$ az keyvault set-policy -n kv-walnut -g rg-walnut --object-id 9a3d6e21-47c0-4b8f-b5d2-1e8c7f0a4b96 --key-permissions unwrapKey wrapKey get
```

A test pull a few minutes later still failed. My colleague insists that the policy alone can't be enough: according to him the registry has to be re-pointed at its key with rotate-key, or even be recreated, before it reads its data again. Is a rotate-key or a new registry really required to bring crwalnut back?""",
canonical=[V + "restore-access-after-a-revocation"],
related=[V + "what-revocation-does-to-the-registry", T + "registry-access-lost-after-key-permissions-were-revoked", V + "revoke-by-removing-the-access-policy"],
facts=["Give the same identity its access back (or recover the key)"],
answer_facts=["no registry command is needed", "reconnects to the key on its own"],
truth="No: putting the access back is the whole fix. Once id-walnut can read, wrap and unwrap with the key again, crwalnut reconnects to it by itself and data access resumes; there is nothing to run on the registry, and recreating it would throw away the registry rather than repair it. If pulls still fail after a few more minutes, look at the grant, not the registry: the object ID you used must be the principal ID of the identity named by az acr encryption show -n crwalnut (it shows that identity's client ID, so compare it with id-walnut's clientId), and the policy must hold get, wrapKey and unwrapKey. Then check the registry's view with az acr encryption show once more."),

dict(key="L24", style="long", kind="howto", category="network", quals=[], flags=["two_facts"],
question="""I'm scripting crchestnut from scratch. Our landing-zone policy makes every key vault reachable through a private endpoint only, from the moment the vault's networking module runs, and our build agents sit outside that network; the policy can't be changed. My current order: create the registry identity, create kv-chestnut with the module (which locks it down), grant the identity its role, create the key, create the registry. The key step is where it falls over:

```text
$ az keyvault key create -n chestnut-kek --vault-name kv-chestnut --kty RSA --size 3072
(Forbidden) Public network access is disabled and request is not from a trusted service nor via an approved private link.
```

In which order should the script do things so that the key exists and crchestnut can still be created against a locked-down vault?""",
canonical=[N + "create-the-key-before-the-registry-when-the-vault-is-locked-down", S + "create-the-key-before-the-registry-for-restricted-vaults"],
related=[N + "the-vault-firewall-covers-the-data-plane-only", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", N + "allow-your-own-clients-through-the-vault-firewall"],
facts=["Turn on the trusted-services bypass and set the default action to `Deny`."],
answer_facts=["can still reach the vault's data plane", "from inside the registry's create flow"],
truth="Create the key before the lockdown, and let the registry in through the trusted-services exception rather than your agents' network. 1) Create id-chestnut. 2) Create kv-chestnut without applying the networking module yet and create chestnut-kek right away, while the agent can still reach the vault's data plane (the script's identity needs a role such as Key Vault Crypto Officer for that). 3) Grant id-chestnut Key Vault Crypto Service Encryption User on the vault. 4) Apply the module's lockdown with trusted Azure services allowed: private endpoint, default action Deny, bypass AzureServices. 5) Run az acr create -n crchestnut ... --identity <identity resource ID> --key-encryption-key <key ID>; the registry reaches the key as a trusted service. Role assignments and network settings stay changeable through Resource Manager, but future key versions need a network path for whoever creates them."),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=["html_entities"],
question="hsm role list --scope &quot;/keys/fir-kek&quot; comes back empty: which other scope to check",
canonical=[A + "verify-the-identitys-access"], related=[T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope", M + "local-rbac-roles-for-acr-encryption", V + "revoke-access-to-a-key-in-a-managed-hsm"],
facts=["or a wider one (`/keys`, `/`)"], answer_facts=["no assignment at that exact scope", "find assignments made at / or /keys"],
truth="/keys and /: a list filtered to /keys/fir-kek only shows assignments made at that exact scope, so an empty result means nothing was assigned on the key itself. Run az keyvault role assignment list --hsm-name <hsm> --assignee-object-id <principal ID> without --scope to see whether the identity holds Managed HSM Crypto Service Encryption User at /keys or at / instead."),
dict(key="S2", style="short", kind="no", category="recovery", quals=["oct2026"], flags=["html_entities"],
question="the docs' delete-policy takes --object-id &lt;identity-principal-id&gt;; can i pass the key id?",
canonical=[V + "revoke-by-removing-the-access-policy"], related=[V + "revoke-by-deleting-the-rbac-role-assignment", V + "what-revocation-does-to-the-registry", I + "which-identity-value-goes-where"],
facts=["On an RBAC vault this command fails"], answer_facts=["not a key id", "principal id of the registry's identity"],
truth="No: --object-id is the principal ID of the registry's identity, which is what identity-principal-id stands for, never a key ID. Revisions of the rotate-and-revoke tutorial before October 2026 showed a key ID there, and that form doesn't work. delete-policy only applies to vaults with access policies; on an RBAC vault remove the role assignment instead."),
dict(key="S3", style="short", kind="value", category="identity", quals=[], flags=["jwt_token"],
question="mi token @@JWT:S3@@ which claim goes to --assignee-object-id?",
canonical=[A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities"], related=[I + "which-identity-value-goes-where", A + "grant-access-with-an-azure-rbac-role", T + "role-assignment-rejects-the-principal-type-or-the-assignee"],
facts=["`--assignee` and `--assignee-object-id` are mutually exclusive"], answer_facts=["pass its principal id with --assignee-object-id", "this skips the microsoft graph lookup"],
truth="The oid claim, 7c41e0b9-2d6a-4f83-9b15-6e0a3c8d2f47: it is the identity's principal (object) ID. Pass it with --assignee-object-id and --assignee-principal-type ServicePrincipal, which also spares the Graph lookup. appid is the client ID and doesn't belong there. And don't post the token itself again; it is a credential until it expires."),
dict(key="S4", style="short", kind="yes", category="rotation", quals=[], flags=["jwt_token"],
question="can rotate-key --identity take the appid from this uami token: @@JWT:S4@@?",
canonical=[K + "rotate-with-a-different-identity-or-the-system-assigned-identity"], related=[I + "how-rotate-key-interprets-the---identity-value", K + "manual-rotation-with-az-acr-encryption-rotate-key", I + "switch-to-a-different-user-assigned-identity"],
facts=["treats a GUID as a client ID"], answer_facts=["grant it key access first"],
truth="Yes: the appid claim, 1f6a3d8e-94c2-4b07-a5e1-c8d2f07b9e36, is the identity's client ID, and rotate-key --identity accepts a client ID just as well as a resource ID, a name or '[system]'. Attach the identity to the registry and give it access to the key first, though; rotate-key itself attaches nothing."),
dict(key="S5", style="short", kind="value", category="keys", quals=[], flags=[], typo="curently",
question="acr cmk vault: which permission model does az keyvault create curently default to?",
canonical=[A + "azure-cli-262-and-later-create-rbac-vaults-by-default"], related=[A + "which-permission-model-does-my-key-vault-use", T + "set-policy-fails-on-an-rbac-key-vault", S + "step-3-create-the-key-vault-with-purge-protection"],
facts=["therefore fail on a current CLI"], answer_facts=["up to 2.61.0 the default was false", "unless told otherwise"],
truth="RBAC. Vaults created with azure-cli 2.62.0 or newer use Azure role-based access unless --enable-rbac-authorization false is passed; older CLIs made access-policy vaults. On such a vault the registry identity needs the Key Vault Crypto Service Encryption User role, and az keyvault set-policy is refused."),
dict(key="S6", style="short", kind="undocumented", category="limits", quals=[], flags=[], typo="compatable",
question="is moving a cmk acr from premium down to standard compatable with its key?",
canonical=[L + "changing-the-sku-of-a-cmk-registry-is-not-documented"], related=[T + "cmk-needs-the-premium-tier", O + "cmk-requires-the-premium-sku", O + "cmk-cannot-be-disabled-after-it-is-enabled"],
facts=["Moving down from Premium turns off Premium-only features"], answer_facts=["do not assume it works", "ask azure support before attempting a downgrade"],
truth="Not documented: the docs don't say whether a registry encrypted with a customer-managed key can move from Premium down to Standard or Basic. CMK is a Premium feature that can't be switched off, so don't count on the downgrade working; keep the registry on Premium and ask Azure support before trying."),
dict(key="S7", style="short", kind="yes", category="keys", quals=[], flags=[],
question="acr without a cmk: images still encrypted at rest or not",
canonical=[O + "default-encryption-at-rest-without-a-cmk"], related=[O + "what-customer-managed-key-encryption-adds-to-a-registry", O + "why-teams-use-a-customer-managed-key", O + "acr-customer-managed-key-encryption-overview-and-requirements"],
facts=["It adds a **second layer** on top of it"], answer_facts=["still encrypted at rest with microsoft-managed keys", "not needed to get encryption at rest"],
truth="Yes: ACR encrypts the stored images and artifacts of every registry with Microsoft-managed keys by default, and that can't be turned off. CMK is an optional extra layer for teams that have to control the key themselves, typically for compliance."),
dict(key="S8", style="short", kind="no", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="can acr use a managed hsm secret uri as its key encryption key?",
canonical=[T + "managed-hsm-uri-is-not-a-key-uri"], related=[M + "managed-hsm-key-uris", O + "the-key-encryption-key-kek-and-its-identifier", S + "using-a-managed-hsm-key-instead-of-a-key-vault"],
facts=["The Azure CLI copies whatever you pass without checking host or path"], answer_facts=["the https uri of a key", "secrets, certificates or any other object path"],
truth="No: ACR takes only the HTTPS URI of a key in the Managed HSM, https://<hsm>.managedhsm.azure.net/keys/<key> with an optional version; secret and certificate URIs, other object paths and the bare HSM URI are all refused. Read the kid with az keyvault key show --hsm-name <hsm> --name <key> rather than assembling it."),
dict(key="S9", style="short", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="byok into managed hsm for acr cmk: what must the imported key allow?",
canonical=[O + "managed-hsm-keys"], related=[O + "bring-your-own-key-byok", M + "requirements-for-a-managed-hsm-key-store", T + "managed-hsm-key-has-the-wrong-type-or-operations"],
facts=["created outside Azure and imported into it"], answer_facts=["must be rsa-hsm and permit wrapkey"],
truth="Import it as an RSA-HSM key whose permitted operations include wrapKey and unwrapKey; a Managed HSM key needs exactly that, whether generated in the HSM or brought in. Elliptic-curve keys are out. Then give the registry identity Managed HSM Crypto Service Encryption User on /keys/<key> and use the key's URI."),
dict(key="S10", style="short", kind="undocumented", category="rotation", quals=[], flags=[], typo="recomend",
question="how often does microsoft recomend rotating the acr cmk?",
canonical=[K + "how-often-to-rotate"], related=[K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", K + "automatic-rotation-with-a-versionless-key-id", K + "versioned-and-versionless-key-ids"],
facts=["The shortest allowed rotation interval is **7 days**."], answer_facts=["they give no fixed rotation frequency", "anything from 7 days up"],
truth="Not documented as an interval: the docs ask for regular rotation of key versions on whatever schedule your organisation's compliance policy sets, without a fixed frequency. Key Vault rotation policies allow 7 days and longer (28 days and longer for Managed HSM keys), and a versionless key ID makes the registry follow each new version within an hour."),
dict(key="S11", style="short", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question="notation signatures on our cmk acr not found via the referrers api",
canonical=[L + "notation-signatures-on-cmk-registries"], related=[L + "oci-referrers-api-is-not-supported", T + "oras-and-notation-store-referrers-as-tags", L + "docker-content-trust-is-being-retired-use-notation"],
facts=["make sure other tools that read referrers also support the tag schema fallback"], answer_facts=["notation 1.2.0 and later store signatures", "notes the same limitation"],
truth="Expected, nothing is broken: a CMK registry has no OCI Referrers API, so Notation 1.2.0 and later keep signatures through the referrers tag schema. Stay on Notation 1.2.0 or newer, find signatures with notation list or oras discover, and swap out tools that can only query the Referrers API."),
dict(key="S12", style="short", kind="why", category="identity", quals=[], flags=[],
question="unquoted --identities [system] in az acr identity assign became 's', why?",
canonical=[I + "quote-system-in-shell-commands"], related=[T + "system-assigned-identity-rejected-at-registry-creation", I + "switch-to-the-registrys-system-assigned-identity-after-creation", K + "rotate-with-a-different-identity-or-the-system-assigned-identity"],
facts=["`[system]` is the CLI's alias for the system-assigned identity"], answer_facts=["bash reads [system] as a glob", "would silently pass that file name instead"],
truth="Because unquoted, [system] is a shell glob: bash matches it against one-letter file names such as s or m in the current directory and quietly passes that name if such a file exists, while zsh stops with no matches found. In single quotes the CLI receives the literal alias for the registry's system-assigned identity."),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="A1", style="agent", form="context", kind="howto", category="setup", quals=[], flags=["jira_markup"],
question="Context: the Jira ticket says {{az acr create -n cr-Myrtle-Prod}} was rejected before anything reached Azure, and {{kv-myrtle}} still needs a final name. Question: which naming rules apply to the registry and the vault, and what rights do I need on the vault?",
canonical=[S + "before-you-start-variables-and-prerequisites"], related=[S + "rules-that-az-acr-create-enforces-for-cmk", S + "step-3-create-the-key-vault-with-purge-protection", A + "your-own-permissions-to-create-keys-in-an-rbac-vault"],
facts=["Registry names are globally unique."], answer_facts=["5 to 50 lowercase letters and digits", "3 to 24 characters"],
truth="Registry: 5 to 50 lowercase letters and digits, unique across Azure; az acr create turns down uppercase letters and dashes, so cr-Myrtle-Prod has to become something like crmyrtleprod. Vault: 3 to 24 characters of letters, digits and dashes, also globally unique, so kv-myrtle works if nobody has taken it. Besides the right to create resources in the resource group, you need a role that can assign roles on the vault (Owner, User Access Administrator or Role Based Access Control Administrator)."),
dict(key="A2", style="agent", form="context", kind="troubleshoot", category="iac", quals=["iac"], flags=["html_entities"],
question="Context: our wiki export shows the encryption block of crlaurel as identity_client_id = &quot;azurerm_user_assigned_identity.laurel.principal_id&quot;, and apply fails although that is a valid UUID. Question: which attribute belongs there in the Terraform encryption block?",
canonical=[C + "complete-terraform-example-with-key-vault-role-assignment-and-registry"], related=[C + "common-terraform-and-bicep-errors-with-acr-encryption", C + "terraform-azurerm_container_registry-encryption-block", I + "which-identity-value-goes-where"],
facts=["The identity running Terraform needs a key-creating data-plane role on the vault"], answer_facts=["identity_client_id = azurerm_user_assigned_identity.acr_cmk.client_id", "principal_id = azurerm_user_assigned_identity.acr_cmk.principal_id"],
truth="client_id: identity_client_id = azurerm_user_assigned_identity.laurel.client_id. The value in your export passes the UUID check but is the object ID; azurerm_user_assigned_identity.laurel.principal_id belongs in the azurerm_role_assignment that gives the identity Key Vault Crypto Service Encryption User on the vault, and the registry should depend on that assignment."),
dict(key="A3", style="agent", form="context", kind="howto", category="identity", quals=[], flags=["numbered_subquestions"],
question="Context: crmagnolia encrypts through id-magnolia, which we want gone. Question: (1) can we simply detach id-magnolia? (2) what does the access error we got when trying mean? (3) in what order do we replace it?",
canonical=[I + "the-encryption-identity-cannot-simply-be-removed"], related=[T + "removing-the-encryption-identity-fails", I + "switch-to-a-different-user-assigned-identity", T + "registry-identity-is-inactive-or-expired"],
facts=["For the system-assigned identity in this state the docs direct you to an Azure support ticket."], answer_facts=["refuses to detach the identity", "and only then remove the original"],
truth="(1) No, not while encryption uses it; the service refuses. (2) The message that the registry does not have access to identity, with its suggestion to add the identity back, means the removal was blocked and the registry may now be in a state where key rotation fails too, so re-attach id-magnolia with az acr identity assign first. (3) Attach and grant the replacement (another user-assigned identity or '[system]'), move encryption to it with az acr encryption rotate-key --identity, check az acr encryption show, and only then remove id-magnolia."),
dict(key="A4", style="agent", form="imperative", kind="undocumented", category="limits", quals=[], flags=["numbered_subquestions"],
question="Tell me what the docs say for crtamarind, a new CMK registry: (1) is zone redundancy supported together with CMK? (2) can --zone-redundancy be switched on later? (3) does the CLI refuse the combination?",
canonical=[L + "zone-redundancy-with-cmk-is-not-documented"], related=[L + "feature-compatibility-summary", N + "registry-private-endpoints-and-cmk-are-not-covered-by-the-docs", L + "changing-the-sku-of-a-cmk-registry-is-not-documented"],
facts=["Verify in a test subscription or with support."], answer_facts=["neither as supported nor as a limitation", "cannot be changed after creation"],
truth="Not documented, at least the first point: (1) the CMK articles don't mention zone redundancy at all, so there is no statement either way; test it in a separate subscription or ask support. (2) No, the zone-redundancy flag is fixed at creation, so decide when crtamarind is created. (3) No, az acr create accepts --zone-redundancy Enabled next to the CMK options (the flag is marked preview)."),
dict(key="A5", style="agent", form="context", kind="troubleshoot", category="troubleshooting", quals=[], flags=["jwt_token"],
question="Context: our pipeline's service principal gets Forbidden from az keyvault key create in kv-acacia, an RBAC vault on which it is Contributor; decoded access token: @@JWT:A5@@. Question: which role is it missing?",
canonical=[T + "operator-cannot-create-the-key-in-an-rbac-vault"], related=[A + "your-own-permissions-to-create-keys-in-an-rbac-vault", A + "azure-cli-262-and-later-create-rbac-vaults-by-default", T + "set-policy-fails-on-an-rbac-key-vault"],
facts=["Do not give the registry's managed identity \"Key Vault Crypto Officer\""], answer_facts=["managing the vault resource is not enough", "full control of keys"],
truth="A data-plane key role: Contributor manages the vault resource but can't create keys in an RBAC vault. Have an Owner or User Access Administrator give the principal with oid a61f3c9e-0b84-4d57-b2e6-9f1d7c3a5e08 Key Vault Crypto Officer on kv-acacia, with --assignee-object-id and --assignee-principal-type ServicePrincipal, wait a few minutes and retry. The registry identity still needs only Key Vault Crypto Service Encryption User."),
dict(key="A6", style="agent", form="keywords", kind="value", category="iac", quals=["iac"], flags=["jwt_token"],
question="arm template keyVaultProperties.identity value for the user-assigned identity behind this managed identity token @@JWT:A6@@",
canonical=[S + "example-template-for-an-existing-access-policy-vault"], related=[C + "arm-template-json-propertiesencryption-and-keyvaultproperties", S + "set-up-cmk-with-an-arm-template", I + "which-identity-value-goes-where"],
facts=["This template creates the identity, adds its access policy to an existing access-policy vault"], answer_facts=["reference(variables('identityId'), '2023-01-31').clientId"],
truth="The appid claim, 6c0e9a4f-b318-4d72-8e5a-1f9b3d7c2a60: keyVaultProperties.identity wants the identity's client ID, which a managed identity token carries as appid (oid is the principal ID and doesn't work there). In the template, better read it with reference(<identity resource ID>, '2023-01-31').clientId than hard-code it."),
dict(key="A7", style="agent", form="imperative", kind="why", category="hsm", quals=["hsm", "iac", "oct2026"], flags=[],
question="Explain why the portal's key picker lists our Managed HSM banyanhsm but none of its keys when I work from the hotel Wi-Fi, although trusted services are allowed on the HSM firewall",
canonical=[M + "key-picker-blocked-by-the-hsm-firewall"], related=[N + "the-portal-key-picker-and-a-key-store-firewall", T + "portal-key-picker-cannot-list-keys-behind-the-managed-hsm-firewall", M + "set-up-a-registry-with-a-managed-hsm-key-in-the-azure-portal"],
facts=["or use **Enter key URI** with the key ID"], answer_facts=["a data-plane call made from your browser", "it does nothing for a browser"],
truth="Because the picker lists keys through banyanhsm's data plane from your own browser, and the HSM firewall does not allow the hotel's address. The trusted-services exception lets ACR itself through, not a browser outside the network boundary. Add your current public IP to the Managed HSM firewall for the change, or switch to Enter key URI and paste the key ID read from an allowed network."),
dict(key="A8", style="agent", form="keywords", kind="howto", category="setup", quals=["iac"], flags=[],
question="portal walkthrough: new premium registry, cmk from an existing key vault key, existing user-assigned identity",
canonical=[S + "set-up-cmk-in-the-azure-portal"], related=[S + "create-the-key-before-the-registry-for-restricted-vaults", K + "rotate-the-key-in-the-azure-portal", N + "the-portal-key-picker-and-a-key-store-firewall"],
facts=["choose the **Premium** pricing tier"], answer_facts=["stores the key without a version", "set customer-managed key to enabled"],
truth="Grant the identity access to the key first (the role or an access policy, whichever the vault's model needs). Then start Create container registry, pick the Premium tier, and on the Encryption tab turn Customer-managed key to Enabled, choose the user-assigned identity, and either Select from Key Vault (the key is stored without a version, so automatic rotation is on) or Enter key URI with a versioned or versionless key ID. Review and create."),
dict(key="A9", style="agent", form="imperative", kind="howto", category="rotation", quals=[], flags=[],
question="Write the command that moves crsassafras to version 7f3a9c2e1b5d4e6f8a0b2c4d6e8f0a1b of sassafras-kek in kv-sassafras and keeps the identity it already uses",
canonical=[K + "manual-rotation-with-az-acr-encryption-rotate-key"], related=[K + "move-to-a-new-version-of-the-same-key", K + "versioned-and-versionless-key-ids", K + "check-which-key-version-the-registry-uses"],
facts=["the CLI sends a partial update"], answer_facts=["leaving out --identity keeps the current identity"],
truth="az acr encryption rotate-key -n crsassafras --key-encryption-key https://kv-sassafras.vault.azure.net/keys/sassafras-kek/7f3a9c2e1b5d4e6f8a0b2c4d6e8f0a1b, without --identity: only the values you pass are changed, so the current identity stays. The versioned ID pins crsassafras to that version, with no automatic rotation until you pass a versionless ID."),
dict(key="A10", style="agent", form="context", kind="no", category="recovery", quals=[], flags=[],
question="Context: for a revocation drill on crhickory we'd rather disable the key version in kv-hickory than touch any permissions. Question: is disabling the key one of the revocation methods the ACR docs describe?",
canonical=[V + "revoking-and-restoring-access-to-the-customer-managed-key"], related=[V + "disabling-the-key-instead-a-key-vault-option-not-in-the-acr-docs", V + "what-revocation-does-to-the-registry", T + "key-is-disabled-or-expired"],
facts=["do **not** list disabling or expiring the key"], answer_facts=["there are two ways to revoke", "cannot read any of its content"],
truth="No: the docs name two ways, removing the registry identity's access to the key (access policy, role assignment or Managed HSM local role) or deleting the key. Disabling a key is a Key Vault control the ACR articles leave out, so its effect on crhickory isn't documented; expect it to block the registry the same way, and test it before the drill relies on it."),
dict(key="A11", style="agent", form="keywords", kind="howto", category="iac", quals=["hsm", "iac", "oct2026"], flags=[],
question="terraform registry encryption with a managed hsm key: minimum azurerm version, which key attribute is versionless, role assignment type",
canonical=[C + "managed-hsm-key-in-terraform"], related=[C + "common-terraform-and-bicep-errors-with-acr-encryption", C + "azurerm-4x-removed-encryptionenabled-other-version-changes", M + "local-rbac-roles-for-acr-encryption"],
facts=["No provider test covers ACR with an HSM key."], answer_facts=["use azurerm 4.65.0 or later", "id is the versionless uri"],
truth="azurerm 4.65.0 or later; older releases reject .managedhsm. URIs in key_vault_key_id. On the Managed HSM key resource, id is already the versionless URI and versioned_id the versioned one (there is no versionless_id), so point key_vault_key_id at id for automatic rotation. Grant the identity Managed HSM Crypto Service Encryption User with the provider's Managed HSM role assignment resource at /keys/<key> (local RBAC), not azurerm_role_assignment, and add it to the registry's depends_on."),
dict(key="A12", style="agent", form="imperative", kind="troubleshoot", category="troubleshooting", quals=["hsm", "oct2026"], flags=[],
question="Find out which version crfir is really using: the rotation policy in our Managed HSM made a new version of fir-kek two days ago, the key ID is versionless, and the HSM firewall went on last week",
canonical=[K + "automatic-rotation-with-a-versionless-key-id"], related=[K + "check-which-key-version-the-registry-uses", N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry", T + "registry-keeps-using-an-old-key-version"],
facts=["`versionedKeyIdentifier` shows the version currently in use"], answer_facts=["makes automatic rotation fail with http 403", "polls the hsm in the same way"],
truth="Read keyVaultProperties.versionedKeyIdentifier from az acr encryption show -n crfir: that is the version in use, next to keyRotationEnabled (true for a versionless ID) and lastKeyRotationTimestamp. If it still names the old version two days on, blame the firewall: the registry has to reach the Managed HSM to notice new versions, and an HSM firewall without the trusted-services exception makes automatic rotation fail with 403. Allow trusted services on the HSM (az keyvault update-hsm --bypass AzureServices), re-apply the current identity and key with rotate-key, then check again."),
]

OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind="off-topic", category=OFF, subject="reprepro", near_miss=True,
question="""Alongside our container registry we run an internal package repository for our base images, managed with reprepro, and the base images we push to the registry install their packages from it. The repository's signing key expires at the end of next month. Roughly 400 build hosts and image build stages trust the current public key through a keyring file baked into them. How do we move reprepro to a new signing key and get the new public key onto every consumer before the old one runs out, without a window in which package installs refuse the repository?""",
truth="Not covered: moving a reprepro package repository to a new signing key and distributing its public key is package-repository administration, outside customer-managed key encryption of Azure container registries."),
dict(key="X2", style="long", kind="off-topic", category=OFF, subject="spire", near_miss=True,
question="""Our build workloads prove who they are to the push proxy in front of our container registry with workload certificates issued by a SPIRE server, which signs them with an upstream CA key kept in a file on that server. Security wants the upstream key replaced after a disk image of the server turned up on a shared drive. How does a SPIRE server handle a switch to a new upstream signing key, and will workloads holding certificates from the old key keep working until they renew?""",
truth="Not covered: replacing the upstream CA key of a SPIRE server and how its workload certificates roll over belongs to workload-identity infrastructure, not to the ACR customer-managed key knowledge."),
dict(key="X3", style="long", kind="off-topic", category=OFF, subject="nats", near_miss=True,
question="""Every push to our container registry is relayed as an event onto our NATS cluster, and the build farms subscribe to those events. The NATS accounts are managed with operator and account signing keys, and one account signing key ended up committed to a repository by mistake. How do we rotate that account signing key in NATS, and what happens to the user credentials that were issued with it while we roll the change out?""",
truth="Not covered: rotating account signing keys in NATS and reissuing the user credentials they signed is messaging-system administration, unrelated to customer-managed keys for Azure Container Registry."),
dict(key="X4", style="long", kind="off-topic", category=OFF, subject="garage", near_miss=True,
question="""The on-prem cache in front of our container registry keeps its blobs in a small Garage cluster, the self-hosted S3-compatible object store. Its nodes talk to each other with a shared RPC secret, and the cache writes objects with server-side encryption using a customer-provided key that it sends with each request. Both values sat in a config file that leaked. How do we rotate the RPC secret across a running Garage cluster, and what happens to the objects written under the old customer-provided key?""",
truth="Not covered: rotating a Garage cluster's RPC secret and re-keying objects stored with customer-provided keys is object-storage administration, outside the ACR customer-managed key knowledge."),
dict(key="X5", style="long", kind="off-topic", category=OFF, subject="imgcrypt", near_miss=True,
question="""A few images in our container registry are pushed with encrypted layers, and the containerd nodes that run them decrypt the layers with imgcrypt, using private keys we distribute to each node. One node's key directory was copied off a machine before it was decommissioned. How do we move to a new decryption key pair with imgcrypt: re-encrypt and push every affected image again, or can the layers list both recipients during the transition so running nodes keep pulling?""",
truth="Not covered: rotating the key pairs that imgcrypt uses to decrypt encrypted image layers on containerd nodes is an image-encryption tooling question, not about encrypting an Azure container registry with a customer-managed key."),
dict(key="X6", style="long", kind="off-topic", category=OFF, subject="incus",
question="""We publish system container images from an Incus image server that runs next to our container registry. The remote hosts added that server with a pinned certificate, and they trust its images through the key pair on the server. After an audit the server's key pair has to be replaced. What is the procedure to give the Incus image server a new key and certificate, and how do the remote hosts that added it learn to trust it again?""",
truth="Not covered: replacing the key and certificate of an Incus image server and re-trusting it on remote hosts is system-container administration, outside the ACR customer-managed key documentation."),
dict(key="X7", style="agent", form="context", kind="off-topic", category=OFF, subject="lldap",
question="Context: the login portal of our internal registry authenticates against lldap, and its session secret and key seed were exposed in a log. Question: how do we rotate both without locking every user out?",
truth="Not covered: rotating lldap's session secret and key seed is directory-service administration, unrelated to customer-managed keys for Azure Container Registry."),
dict(key="X8", style="agent", form="imperative", kind="off-topic", category=OFF, subject="dex",
question="Explain how Dex rotates the signing keys behind the OIDC logins that our registry proxy verifies, and how long the old public keys stay published",
truth="Not covered: how Dex rotates and publishes its signing keys is an identity-provider question, not part of the ACR CMK knowledge."),
dict(key="X9", style="agent", form="keywords", kind="off-topic", category=OFF, subject="flux",
question="flux image automation pushing tag updates for a private registry, rotate the deploy key it uses to write to git",
truth="Not covered: rotating the deploy key of Flux image automation is a GitOps tooling question outside customer-managed key encryption of Azure container registries."),
dict(key="X10", style="short", kind="off-topic", category=OFF, subject="argocd",
question="argocd: re-encrypt repo credentials after the admin left?",
truth="Not covered: protecting or re-creating Argo CD repository credentials is a deployment-tool question, not about customer-managed keys for Azure Container Registry."),
dict(key="X11", style="short", kind="off-topic", category=OFF, subject="seafile",
question="seafile encrypted library: does changing its password re-encrypt the files?",
truth="Not covered: how Seafile handles a password change on an encrypted library is a file-sync product question the ACR CMK knowledge does not address."),
dict(key="X12", style="short", kind="off-topic", category=OFF, subject="cargo",
question="cargo alternative registry credentials, where are they stored",
truth="Not covered: where cargo keeps credentials for an alternative package registry is a Rust tooling question, unrelated to customer-managed key encryption of Azure container registries."),
]
for _q in QL + QS + QA:
    _q["question"] = tok(_q["question"])
QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"curently": "currently", "compatable": "compatible", "recomend": "recommend"}
SHAPES = ["two_facts", "merge_conflict_markers", "jira_markup", "html_entities", "numbered_subquestions",
          "jwt_token"]
SEED = 54
ID_PREFIX = "j"

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
SPREAD_SETS = (53, 52)
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
    """(blind54.json text, blind54-meta.json text, blind54-first-canonicals.txt text)"""
    entries, meta = build()
    j = json.dumps(entries, indent=1, ensure_ascii=False) + "\n"
    m = json.dumps(meta, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    f = "\n".join(firsts) + "\n"
    return j, m, f


def main(out=HERE):
    j, m, f = render()
    for name, text in (("blind54.json", j), ("blind54-meta.json", m), ("blind54-first-canonicals.txt", f)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
