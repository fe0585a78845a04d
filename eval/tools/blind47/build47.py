"""blind47 builder: holds the 60 questions (QUESTIONS) and writes blind47.json, blind47-meta.json and
blind47-first-canonicals.txt."""
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
dict(key="L1", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["checklist"],
question="""Setting up our first HSM-backed registry this week. Where I am so far:

- [x] mhsm-avocet provisioned, security domain downloaded, activationStatus shows Active
- [x] avocet-kek created (RSA-HSM; wrap/unwrap permitted)
- [x] id-avocet-enc created, resource ID and principal ID saved in the runbook
- [ ] craovocet created with the versionless key URI

The create step is the only box left and I'd like it to pass on the first try. Is anything missing between the key and the create, and what grant does the Managed HSM need for id-avocet-enc?""",
canonical=[M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli"],
related=[M + "local-rbac-roles-for-acr-encryption", A + "grant-access-to-a-key-in-a-managed-hsm", M + "requirements-for-a-managed-hsm-key-store"],
facts=["`--role` and `--scope` are required"],
answer_facts=["can take several minutes to take effect", "wait and run it again"],
truth="One step is missing: the identity has no access to avocet-kek yet, and ACR will not create that grant for you. Before az acr create, give id-avocet-enc's principal ID the Managed HSM local role on that one key: az keyvault role assignment create --hsm-name mhsm-avocet --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id <principal ID> --assignee-principal-type MSI --scope /keys/avocet-kek (a local role through --hsm-name, not az role assignment create; --role and --scope are required). A new local assignment can take several minutes to take effect, so if the create still reports that the identity can't use the key, wait and run it again. Then create craovocet on the Premium tier with --identity set to the identity's resource ID and --key-encryption-key set to https://mhsm-avocet.managedhsm.azure.net/keys/avocet-kek, and confirm with az acr encryption show."),

dict(key="L2", style="long", kind="troubleshoot", category="network", quals=[], flags=["checklist", "two_facts"],
question="""Change record for locking down kv-marten, which holds the key of our registry crmarten:

- [x] firewall default action set to Deny
- [x] office range 198.51.100.0/24 added as an IP rule
- [x] private endpoint for the build subnet created
- [ ] "allow trusted Microsoft services" (left unticked on purpose, we thought it was too broad)

Since the change, az acr import into crmarten fails and the nightly automatic rotation reports an error:

```text
(Forbidden) ForbiddenByFirewall: request from a non-allowed network was rejected
```

Pulls of existing images still look fine for now. Which item on this list caused it, and what else do we have to run after fixing it?""",
canonical=[T + "http-403-after-enabling-the-key-vault-firewall", N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry"],
related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", N + "allow-trusted-services-and-deny-other-traffic", N + "the-vault-firewall-covers-the-data-plane-only"],
facts=["Container Registry reaches the key store as a trusted Azure service"],
answer_facts=["open an azure support request", "the documented examples are image import"],
truth="The unticked box is the cause: crmarten reaches kv-marten as a trusted Azure service, so with the default action Deny and no trusted-services bypass the vault refuses the registry's key calls, and image import and automatic rotation are the documented operations that fail with 403. Fix it in this order: turn the bypass on while keeping Deny (az keyvault update --name kv-marten --bypass AzureServices --default-action Deny), then re-apply the registry's current key and identity with az acr encryption rotate-key -n crmarten --key-encryption-key <keyIdentifier from az acr encryption show> --identity <its identity value, or '[system]' if it reads system>. If the 403s continue after that, open an Azure support request. The office IP rule and the private endpoint only matter for your own clients; the registry does not come in through them."),

dict(key="L3", style="long", kind="howto", category="iac", quals=["iac"], flags=["checklist"],
question="""Reviewing a colleague's Terraform for crlinnet before it goes to plan. Her notes:

- [x] azurerm_user_assigned_identity.linnet, its principal_id granted the encryption-user role on kv-linnet
- [x] azurerm_key_vault_key.linnet, RSA 3072, wrapKey and unwrapKey
- [x] encryption block points at the key's resource_versionless_id attribute
- [ ] depends_on from the registry to the role assignment

She chose that attribute since its name suggested automatic rotation to her. Is that attribute right for the encryption block, and what else should change before we apply?""",
canonical=[C + "automatic-key-rotation-in-terraform-versionless_id-vs-id"],
related=[C + "why-the-registry-needs-depends_on-on-the-role-assignment", C + "terraform-azurerm_container_registry-encryption-block", C + "common-terraform-and-bicep-errors-with-acr-encryption"],
facts=["Only the first two are key URIs that `key_vault_key_id` accepts."],
answer_facts=["an arm id, not a key uri", "automatic rotation only follows versions"],
truth="It's the wrong attribute: resource_versionless_id is an ARM resource path (/subscriptions/.../vaults/kv-linnet/keys/<key>), not a key URI, and key_vault_key_id rejects it (the provider expects 2 or 3 path segments). Use azurerm_key_vault_key.linnet.versionless_id, which gives https://kv-linnet.vault.azure.net/keys/<key> and lets crlinnet follow new versions within an hour; id would pin the version Terraform created. Add the missing depends_on on the role assignment so the grant exists before the registry is created, otherwise the create can fail to access the key. Keep in mind that automatic rotation only follows versions; something still has to create them, e.g. a rotation_policy block on the key or az keyvault key rotate."),

dict(key="L4", style="long", kind="howto", category="recovery", quals=[], flags=["checklist"],
question="""We ran a revocation drill on crpetrel by deleting its key petrel-kek in kv-petrel (purge protection on, access-policy vault). Recovery notes so far:

- [x] az keyvault key list-deleted shows petrel-kek with a scheduled purge date well in the future
- [ ] recover petrel-kek
- [ ] re-create the access policy for id-petrel-enc
- [ ] restart or re-point crpetrel so it picks the key up again

Before I tick the rest off: are the last two items actually needed once the key is recovered?""",
canonical=[V + "recover-a-deleted-key"],
related=[V + "restore-access-after-a-revocation", V + "revoke-by-deleting-the-key", V + "how-purge-protection-protects-the-registry"],
facts=["The identity's access policy or role assignment on the vault is unaffected by deleting and recovering a key."],
answer_facts=["registry operations resume", "unaffected by deleting and recovering a key"],
truth="Only the recover step is needed. Run az keyvault key recover --vault-name kv-petrel --name petrel-kek while it is still inside the retention period. Deleting and recovering a key leaves the identity's access policy (or role assignment) on the vault as it was, so there is nothing to re-grant, and there is no registry command to run either: once petrel-kek is back, crpetrel's registry operations resume by themselves. Check afterwards with az acr encryption show -n crpetrel and a test pull. Purge protection is what kept this drill safe; without it a purge during the drill would have lost crpetrel's content for good."),

dict(key="L5", style="long", kind="yes", category="setup", quals=["iac"], flags=["checklist"],
question="""Creating crdipper through the portal today, key in kv-dipper. My list before I press Review + create:

- [x] Premium pricing tier selected
- [x] user-assigned identity id-dipper-enc chosen on the Encryption tab
- [x] id-dipper-enc holds the service-encryption role on kv-dipper
- [ ] decide how rotation should work

For that last item: security wants new key versions picked up without a ticket each time. If I choose the key through Select from Key Vault rather than pasting its URI, will the registry follow new key versions by itself?""",
canonical=[K + "versioned-and-versionless-key-ids"],
related=[K + "automatic-rotation-with-a-versionless-key-id", K + "rotate-the-key-in-the-azure-portal", K + "how-new-key-versions-are-created"],
facts=["**Enter key URI** keeps whatever form you paste."],
answer_facts=["is stored without a version", "keeps whatever form you paste"],
truth="Yes: a key picked with Select from Key Vault is stored without a version, so automatic rotation is on and crdipper moves to each new version of the key within an hour of it appearing. Enter key URI keeps whatever form you paste, so a pasted versioned ID would pin the registry instead. The registry only follows versions; something has to create them, such as a rotation policy on the key in kv-dipper or az keyvault key rotate, and the identity's role on the vault covers the new versions."),

dict(key="L6", style="long", kind="troubleshoot", category="identity", quals=[], flags=["code_switch"],
question="""Hola, estoy creando el registro crtorcaz con CMK y quiero usar la identidad del sistema desde el principio, porque no queremos mantener una user-assigned identity más. El comando falla siempre:

```text
$ az acr create -g rg-torcaz -n crtorcaz --sku Premium --identity [system] --key-encryption-key https://kv-torcaz.vault.azure.net/keys/torcaz-kek
zsh: no matches found: [system]
```

Con comillas el error cambia y dice que no encuentra la identidad. What am I doing wrong, and is there a supported way to end up on the system-assigned identity?""",
canonical=[I + "a-user-assigned-identity-is-required-when-the-registry-is-created"],
related=[T + "system-assigned-identity-rejected-at-registry-creation", I + "switch-to-the-registrys-system-assigned-identity-after-creation", I + "quote-system-in-shell-commands"],
facts=["`az acr create` does **not** accept `--identity '[system]'`."],
answer_facts=["the registry does not exist yet", "after creation you may switch"],
truth="Two things happen. Unquoted, [system] is a shell glob, so zsh stops before the CLI even runs; always write '[system]'. Quoted, it still fails because az acr create only takes a user-assigned identity (its resource ID, or its name in the registry's resource group): the registry does not exist yet, so its own system-assigned identity can't have been granted the key. Create crtorcaz with a user-assigned identity that already has get, wrapKey and unwrapKey (or Key Vault Crypto Service Encryption User) on kv-torcaz. Afterwards switch: az acr identity assign -n crtorcaz --identities '[system]', grant that identity's principal ID access to the key, then az acr encryption rotate-key -n crtorcaz --key-encryption-key <key ID> --identity '[system]', and remove the user-assigned identity only once az acr encryption show reports system."),

dict(key="L7", style="long", kind="value", category="keys", quals=[], flags=["code_switch"],
question="""Kurze Frage aus dem Security-Review für crkiebitz: wir müssen für die Dokumentation festlegen, welche RSA-Schlüsselgröße wir nehmen, und ob auch ein EC-Schlüssel in Frage kommt. Unser Key Vault kv-kiebitz ist Standard tier, the key will be created with az keyvault key create and used as the registry's CMK. Which key sizes can we actually choose from for the registry key, and does ACR itself prescribe one?""",
canonical=[O + "key-sizes-offered-by-key-vault"],
related=[O + "which-key-types-and-sizes-are-supported", O + "rsa-hsm-keys-need-a-premium-key-vault", T + "elliptic-curve-key-rejected"],
facts=["This is a Key Vault statement, not an ACR one."],
answer_facts=["come in 2048, 3072 and 4096 bits", "not an acr one"],
truth="ACR names no key size. The sizes come from Key Vault, whose RSA keys come in 2048, 3072 and 4096 bits, and any of them is a valid registry key; pick the one your compliance baseline asks for and pass it explicitly (az keyvault key create --vault-name kv-kiebitz -n <key> --kty RSA --size 3072, for example). That statement is Key Vault's, not an ACR one. An EC key is out of the question: ACR supports only RSA and RSA-HSM, and since kv-kiebitz is a Standard vault, only software-protected RSA is available there (RSA-HSM would need a Premium vault)."),

dict(key="L8", style="long", kind="troubleshoot", category="rotation", quals=[], flags=["log_timestamps"],
question="""Our rotation policy on sorrel-kek fired yesterday, but crsorrel doesn't seem to care. Events collected from the vault and from our hourly encryption check:

```text
2026-11-02T09:00:12Z kv-sorrel  rotation policy triggered for sorrel-kek
2026-11-02T09:00:13Z kv-sorrel  new version sorrel-kek/5e8b1d4f7a0c3e6b9d2f5a8c1e4b7d0a created
2026-11-02T12:30:40Z crsorrel   keyRotationEnabled=false  in use: sorrel-kek/0f3a6c9e1b2d4857a3c6e9f1b4d7a2c5
2026-11-03T08:05:02Z crsorrel   in use: sorrel-kek/0f3a6c9e1b2d4857a3c6e9f1b4d7a2c5 (unchanged)
```

I expected the switch within the hour the docs talk about, and nothing has moved almost a day later. What is holding crsorrel on the old version, and how do I get it onto the new one?""",
canonical=[K + "check-which-key-version-the-registry-uses"],
related=[K + "versioned-and-versionless-key-ids", K + "switch-from-manual-to-automatic-rotation", K + "move-to-a-new-version-of-the-same-key"],
facts=["`inUse` (`versionedKeyIdentifier`): the exact version the registry is using now."],
answer_facts=["needs az acr encryption rotate-key", "the exact version the registry is using"],
truth="The 12:30 line gives it away: keyRotationEnabled=false means crsorrel was configured with a versioned key ID, so it stays on 0f3a6c9e... no matter how many versions the 09:00 policy run creates; the one-hour pick-up only applies to a versionless ID. Move it yourself with az acr encryption rotate-key -n crsorrel --key-encryption-key https://kv-sorrel.vault.azure.net/keys/sorrel-kek/5e8b1d4f7a0c3e6b9d2f5a8c1e4b7d0a --identity <current identity>, or better pass the versionless https://kv-sorrel.vault.azure.net/keys/sorrel-kek so future policy runs are followed automatically. Afterwards versionedKeyIdentifier in az acr encryption show should name the new version (the exact version the registry is using) and keyRotationEnabled should read true for the versionless form."),

dict(key="L9", style="long", kind="troubleshoot", category="keys", quals=[], flags=["log_timestamps"],
question="""Overnight every pull from crthrush started failing. Relevant lines from the vault's audit log and our pull monitor:

```text
2026-11-04T02:10:55Z kv-thrush   KeyUpdate thrush-kek attributes.enabled=false caller=sp-ops-tidy
2026-11-04T02:11:30Z crthrush    pull web/api:1.9 -> 403
2026-11-04T02:11:31Z crthrush    detail: Operation unwrapKey is not allowed on a disabled key
2026-11-04T06:45:02Z crthrush    pull web/api:1.9 -> 403
```

Nobody removed the identity's access and the key still exists, so this doesn't look like the revocation cases in the docs. What happened here, and what brings crthrush back?""",
canonical=[T + "key-is-disabled-or-expired"],
related=[V + "disabling-the-key-instead-a-key-vault-option-not-in-the-acr-docs", V + "what-revocation-does-to-the-registry", K + "check-which-key-version-the-registry-uses"],
facts=["Enable the key version the registry uses again."],
answer_facts=["in effect this is a revocation", "is not allowed on a disabled key"],
truth="The 02:10 entry is the cause: the tidy-up service principal disabled thrush-kek, and Key Vault refuses every cryptographic operation on a disabled key version, so from 02:11 the registry could no longer unwrap and every pull got 403. The ACR articles only list access removal and key deletion as revocation, but in effect this is a revocation. Re-enable the version crthrush uses: read it from az acr encryption show -n crthrush --query keyVaultProperties.versionedKeyIdentifier, then az keyvault key set-attributes --vault-name kv-thrush --name thrush-kek --version <that version> --enabled true, and retry. Also stop sp-ops-tidy from touching keys that protect registries; expiry dates deserve the same care."),

dict(key="L10", style="long", kind="troubleshoot", category="network", quals=["hsm", "iac", "oct2026"], flags=["log_timestamps"],
question="""I'm creating crsandpiper in the portal with a key from mhsm-sandpiper. On the Encryption tab the HSM appears in Select from Key Vault, but the key list stays empty. The HSM's diagnostic log from that attempt:

```text
2026-11-05T14:02:11Z mhsm-sandpiper KeyList   caller=198.51.100.23 result=Forbidden
2026-11-05T14:02:40Z mhsm-sandpiper KeyUnwrap caller=crotter (trusted service) result=Success
2026-11-05T14:03:05Z mhsm-sandpiper KeyList   caller=198.51.100.23 result=Forbidden
```

(crotter is an older registry on the same HSM.) Why does the portal get refused by the Managed HSM when ACR gets through fine, and how do I finish the create?""",
canonical=[N + "the-portal-key-picker-and-a-key-store-firewall"],
related=[T + "portal-key-picker-cannot-list-keys-behind-the-managed-hsm-firewall", M + "key-picker-blocked-by-the-hsm-firewall", N + "managed-hsm-firewall-and-trusted-services"],
facts=["The trusted-services exception lets ACR through; it does **not** cover a browser outside the network boundary."],
answer_facts=["from your browser", "read from a network that is allowed"],
truth="The picker lists keys from your browser, over the HSM's data plane, and 198.51.100.23 isn't an allowed address on the Managed HSM firewall, hence the Forbidden KeyList entries at 14:02 and 14:03. The 14:02:40 unwrap succeeds because crotter comes in through the trusted-services exception, which covers ACR but not a browser outside the network boundary. Either add your client IP to the HSM firewall for the duration (az keyvault network-rule add --hsm-name mhsm-sandpiper --ip-address 198.51.100.23), or skip the picker: choose Enter key URI and paste the key ID you read with az keyvault key show --hsm-name mhsm-sandpiper -n <key> --query key.kid from a network that is allowed. Keep the trusted-services bypass on, and make sure the registry identity's local role on the key exists before you create."),

dict(key="L11", style="long", kind="troubleshoot", category="setup", quals=[], flags=["log_timestamps"],
question="""Our environment pipeline creates the grant and the registry back to back. Output of the last run:

```text
2026-11-06T10:00:01Z [grant]    Key Vault Crypto Service Encryption User -> id-sedge-enc on kv-sedge: created
2026-11-06T10:00:09Z [registry] az acr create -n crsedge --sku Premium --identity id-sedge-enc ...
2026-11-06T10:00:31Z [registry] ERROR: Failed to access KeyId https://kv-sedge.vault.azure.net/keys/sedge-kek
2026-11-06T10:07:45Z [registry] manual re-run by on-call: succeeded
```

kv-sedge is an RBAC vault with no firewall, and the role is the right one. The same pipeline failed the same way last week and also worked on a manual re-run a few minutes later, so I'd like to understand the pattern before adding a blind retry loop to the registry stage. What is going on between the grant and the create?""",
canonical=[T + "registry-creation-cannot-access-the-key"],
related=[A + "grant-access-with-an-azure-rbac-role", C + "why-the-registry-needs-depends_on-on-the-role-assignment", N + "reports-of-first-time-creation-failing-against-a-firewalled-vault-not-official"],
facts=["Wait a few minutes for a new role assignment to take effect, then run the create again."],
answer_facts=["then run the create again", "the wrong permission model"],
truth="The grant at 10:00:01 was correct but not yet in effect when the create at 10:00:09 needed the key: the registry must already be able to use the key at the moment it is created, and a new Azure role assignment can take a few minutes to apply, which is why the 10:07 re-run worked. A wait of a few minutes between the two stages (or a bounded retry of the create) is the documented remedy; then run the create again. If it ever fails for longer, check the other causes of this error: the grant made in the wrong permission model (an access policy on an RBAC vault does nothing), or a vault firewall without the trusted-services bypass."),

dict(key="L12", style="long", kind="howto", category="recovery", quals=["hsm", "oct2026"], flags=["log_timestamps", "two_facts"],
question="""A teardown job ran against the wrong resource group last night. Activity log and registry monitor:

```text
2026-11-06T16:40:02Z Microsoft.KeyVault/managedHSMs/delete  mhsm-osprey  caller=sp-teardown-nightly  Succeeded
2026-11-06T16:41:10Z crosprey  pull library/nginx:1.27 -> 403
2026-11-06T16:55:47Z crosprey  push ci/build-agent:332 -> 403
```

crosprey's key osprey-kek lived in that HSM; the key itself was never deleted separately. How do we bring the Managed HSM back so crosprey works again? And does the HSM keep costing us while it sits deleted?""",
canonical=[V + "recover-a-deleted-managed-hsm", M + "recover-a-deleted-managed-hsm-key-or-hsm"],
related=[V + "what-revocation-does-to-the-registry", V + "how-purge-protection-protects-the-registry", L + "pricing-considerations"],
facts=["Recovery needs the HSM's location and the Azure role Managed HSM Contributor"],
answer_facts=["keeps being billed while it waits", "because its hardware stays allocated"],
truth="The 16:40 delete put mhsm-osprey into the soft-deleted state, and from 16:41 crosprey could not use osprey-kek, so pulls and pushes fail. Recover the HSM within its retention period: find it with az keyvault list-deleted --resource-type hsm, then az keyvault recover --hsm-name mhsm-osprey --location <its region>, which needs its location and the Azure role Managed HSM Contributor. Its keys come back with it, and the registry resumes once it can reach osprey-kek again. And it does cost you: the HSM is still billed during the soft-deleted period, since its hardware stays allocated. Its name also stays reserved, so don't try to create a new HSM under that name, never purge it while crosprey needs the key, and turn on purge protection (az keyvault update-hsm --enable-purge-protection true) once it's back."),

dict(key="L13", style="long", kind="howto", category="identity", quals=[], flags=["python_sdk"],
question="""We create registries from a Python provisioning service instead of the CLI. The call below fails on the encryption settings:

```python
from azure.identity import DefaultAzureCredential
from azure.mgmt.msi import ManagedServiceIdentityClient
from azure.mgmt.containerregistry import ContainerRegistryManagementClient
from azure.mgmt.containerregistry.models import (
    Registry, Sku, IdentityProperties, UserIdentityProperties, EncryptionProperty, KeyVaultProperties)

cred = DefaultAzureCredential()
uami = ManagedServiceIdentityClient(cred, SUB).user_assigned_identities.get("rg-wren", "id-wren-enc")
reg = Registry(
    location="westeurope", sku=Sku(name="Premium"),
    identity=IdentityProperties(type="UserAssigned",
                                user_assigned_identities={uami.id: UserIdentityProperties()}),
    encryption=EncryptionProperty(status="enabled", key_vault_properties=KeyVaultProperties(
        key_identifier="https://kv-wren.vault.azure.net/keys/wren-kek",
        identity=uami.principal_id)))
ContainerRegistryManagementClient(cred, SUB).registries.begin_create("rg-wren", "crwren", reg).result()
```

Which identity ID should KeyVaultProperties.identity carry? And which one should the key grant on kv-wren use?""",
canonical=[I + "which-identity-value-goes-where"],
related=[C + "arm-template-json-propertiesencryption-and-keyvaultproperties", I + "create-the-user-assigned-identity-and-capture-its-ids", A + "two-supported-ways-to-grant-key-access"],
facts=["A managed identity has a resource ID, a principal (object) ID and a client (application) ID."],
answer_facts=["always uses the principal id", "always store the client id"],
truth="Swap principal_id for client_id in KeyVaultProperties: the encryption settings always store the identity's client ID (uami.client_id), never the principal ID or the resource ID; that is the same field the CLI fills when you run az acr create --identity <resource ID>, and the one az acr encryption show reports as keyVaultProperties.identity. The resource ID (uami.id) belongs only in user_assigned_identities, as you have it. Key access always uses the principal ID: on kv-wren grant uami.principal_id either Key Vault Crypto Service Encryption User (RBAC vault, like az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal) or get, wrapKey and unwrapKey (access-policy vault, az keyvault set-policy --object-id <principal ID>), and let that grant exist before the create runs."),

dict(key="L14", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["python_sdk"],
question="""Our key team generated the registry key for crpipit with the Python SDK:

```python
from azure.identity import DefaultAzureCredential
from azure.keyvault.keys import KeyClient, KeyOperation

kc = KeyClient("https://mhsm-pipit.managedhsm.azure.net", DefaultAzureCredential())
key = kc.create_rsa_key("pipit-kek", size=3072, hardware_protected=True,
                        key_operations=[KeyOperation.encrypt, KeyOperation.decrypt])
print(key.id)
```

id-pipit-enc has the encryption-user role at /keys/pipit-kek (we listed it twice), mhsm-pipit is active and has no firewall, yet az acr create for crpipit keeps failing on the key. We're out of ideas on the role side, so: what is wrong with this Managed HSM key? And is a fresh key name needed to repair it?""",
canonical=[T + "managed-hsm-key-has-the-wrong-type-or-operations"],
related=[M + "requirements-for-a-managed-hsm-key-store", K + "create-a-new-version-in-a-managed-hsm", M + "rotate-a-managed-hsm-key"],
facts=["ACR needs an **RSA-HSM** key whose permitted operations include **wrapKey** and **unwrapKey**."],
answer_facts=["the key itself must allow the operations", "the role assignment alone does not help"],
truth="The key's permitted operations are the problem: key_operations limits pipit-kek to encrypt and decrypt, but ACR needs an RSA-HSM key in the Managed HSM that allows wrapKey and unwrapKey. Holding the role is not enough on its own, since the key must itself permit those operations. The type is already RSA-HSM, so no new name is needed: add a new version of pipit-kek that allows wrap and unwrap, e.g. az keyvault key create --hsm-name mhsm-pipit --name pipit-kek --kty RSA-HSM --ops wrapKey unwrapKey (in the SDK, key_operations=[KeyOperation.wrap_key, KeyOperation.unwrap_key]). The existing role at /keys/pipit-kek covers every version, so no new assignment is required. Then run az acr create again, ideally with the versionless https://mhsm-pipit.managedhsm.azure.net/keys/pipit-kek, and check it with az keyvault key show --hsm-name mhsm-pipit -n pipit-kek --query \"{kty: key.kty, ops: key.keyOps}\"."),

dict(key="L15", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["python_sdk"],
question="""This is how our platform code gives a registry identity access to its key in mhsm-stilt:

```python
from azure.identity import DefaultAzureCredential
from azure.keyvault.administration import KeyVaultAccessControlClient, KeyVaultRoleScope

ac = KeyVaultAccessControlClient("https://mhsm-stilt.managedhsm.azure.net", DefaultAzureCredential())
role = next(r for r in ac.list_role_definitions(KeyVaultRoleScope.GLOBAL)
            if r.role_name.endswith("Crypto Service Encryption User"))
ac.create_role_assignment(KeyVaultRoleScope.GLOBAL, role.id, principal_id=CRSTILT_PRINCIPAL_ID)
```

crstilt works fine with it. A reviewer flagged the scope argument. Is the global scope acceptable for the registry identity in the Managed HSM, or which scope should the assignment use instead?""",
canonical=[A + "grant-access-to-a-key-in-a-managed-hsm"],
related=[M + "local-rbac-roles-for-acr-encryption", V + "revoke-access-to-a-key-in-a-managed-hsm", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
facts=["Scope: the key, `/keys/<key-name>`, for least privilege"],
answer_facts=["also work but grant more", "never create this assignment"],
truth="It works but grants too much: KeyVaultRoleScope.GLOBAL is the scope /, so crstilt's identity can wrap and unwrap with every key in mhsm-stilt. Least privilege is the key's own scope, /keys/<key-name> (/keys or / also work but grant more). The CLI equivalent is az keyvault role assignment create --hsm-name mhsm-stilt --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id <principal ID> --assignee-principal-type MSI --scope /keys/<key-name>. Create the key-scoped assignment first, wait a few minutes, then delete the one at /; a delete at /keys/<key-name> would not remove the global one, and a leftover wide grant also defeats a later revocation. Neither ACR nor the portal will make this assignment for you, so it stays your code's job for every new key or identity."),

dict(key="L16", style="long", kind="why", category="rotation", quals=[], flags=["python_sdk"],
question="""Our monthly job rotates keys with the SDK and nothing else:

```python
from azure.identity import DefaultAzureCredential
from azure.keyvault.keys import KeyClient

kc = KeyClient("https://kv-alder.vault.azure.net", DefaultAzureCredential())
for name in ("alder-kek", "aldertest-kek"):
    new = kc.rotate_key(name)
    print(name, new.properties.version)
```

The job never calls azure-mgmt-containerregistry. Still, cralder was encrypting with the new alder-kek version about forty minutes after the job ran, while craldertest is on the old aldertest-kek version a week later. Both registries were created from the same template, except that someone pasted the test key ID by hand. Why does one registry follow the new version and the other one doesn't?""",
canonical=[K + "how-new-key-versions-are-created"],
related=[K + "versioned-and-versionless-key-ids", K + "rotate-immediately-with-az-keyvault-key-rotate", K + "manual-rotation-with-az-acr-encryption-rotate-key"],
facts=["Three Key Vault mechanisms produce a new version of an existing key"],
answer_facts=["picks up the result within an hour", "with a versioned key id"],
truth="Because of the key ID each registry was given. rotate_key is the SDK form of az keyvault key rotate: it only makes a new version in the vault. A registry configured with the versionless key ID (cralder, evidently) picks up the result within an hour on its own, which matches the forty minutes. craldertest was most likely given a versioned key ID when someone pasted it, and with a versioned key ID the registry stays on that version until you run az acr encryption rotate-key. Check with az acr encryption show -n craldertest (keyRotationEnabled false, keyIdentifier ending in a version), then rotate it to the versionless https://kv-alder.vault.azure.net/keys/aldertest-kek so later runs are followed automatically."),

dict(key="L17", style="long", kind="no", category="setup", quals=[], flags=["python_sdk"],
question="""cryew has run without a customer-managed key for two years. Compliance now wants CMK on it, and our Python tooling already manages the registry, so the plan is this update:

```python
from azure.mgmt.containerregistry.models import (
    RegistryUpdateParameters, IdentityProperties, UserIdentityProperties, EncryptionProperty, KeyVaultProperties)

params = RegistryUpdateParameters(
    identity=IdentityProperties(type="UserAssigned",
                                user_assigned_identities={YEW_UAMI_ID: UserIdentityProperties()}),
    encryption=EncryptionProperty(status="enabled", key_vault_properties=KeyVaultProperties(
        key_identifier="https://kv-yew.vault.azure.net/keys/yew-kek", identity=YEW_UAMI_CLIENT_ID)))
acr_client.registries.begin_update("rg-yew", "cryew", params).result()
```

cryew is already Premium and id-yew-enc already has access to yew-kek. Will this update turn cryew into a CMK registry?""",
canonical=[O + "moving-an-existing-registry-to-cmk"],
related=[O + "cmk-can-only-be-enabled-when-the-registry-is-created", C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep", L + "azure-policy-built-in-for-cmk"],
facts=["Clients, pipelines and pull secrets must then be pointed at the new login server"],
answer_facts=["converting existing registries is not planned", "one image or artifact at a time"],
truth="No: a customer-managed key can only be chosen when a registry is created, so an update that adds encryption to cryew is not a supported path (the CLI has no such option either: az acr update takes neither --identity nor --key-encryption-key, and rotate-key refuses registries created without CMK). An ACR maintainer has said converting existing registries is not planned. Create a new Premium registry with id-yew-enc and yew-kek at creation, copy the content over with az acr import (it copies one image or artifact at a time, so script it over all repositories and tags), then point clients, pipelines and pull secrets at the new login server and retire cryew."),

dict(key="L18", style="long", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=["url_paste"],
question="""Our key team sent me this for the new registry crkestrel:

https://mhsm-kestrel.managedhsm.azure.net/keys/kestrel-kek/9c1e4b7a2d3f40e8b6a1c5d7e9f02b34

crkestrel will also be deployed to a sovereign cloud region later, from the same pipeline. Is this the right kind of URI for the registry's key-encryption-key if we want automatic rotation, and will the host part stay the same in the other cloud?""",
canonical=[O + "the-key-encryption-key-kek-and-its-identifier"],
related=[M + "managed-hsm-key-uris", K + "versioned-and-versionless-key-ids", L + "managed-hsm-is-not-available-everywhere"],
facts=["`az acr create --key-encryption-key <key URI>` and `az acr encryption rotate-key --key-encryption-key <key URI>`."],
answer_facts=["the dns suffix differs between azure clouds", "not a secret or certificate"],
truth="It is a valid Managed HSM key URI, but a versioned one: the trailing 9c1e4b7a... pins crkestrel to that version of kestrel-kek, so rotation would be manual with az acr encryption rotate-key. For automatic rotation drop the last segment and pass https://mhsm-kestrel.managedhsm.azure.net/keys/kestrel-kek as --key-encryption-key; the registry then follows new versions within an hour. It must stay HTTPS and name a key, not a secret or certificate. The host will not stay the same: managedhsm.azure.net is the global cloud's suffix and the DNS suffix differs between Azure clouds, so have the pipeline read the HSM's hsmUri (az keyvault show --hsm-name <hsm> --query properties.hsmUri) instead of hard-coding it, and check first that Managed HSM is offered in that cloud and region at all."),

dict(key="L19", style="long", kind="undocumented", category="limits", quals=["hsm", "iac", "oct2026"], flags=["url_paste"],
question="""crplover is geo-replicated to three regions, and its key sits in a Managed HSM:

- replicas: https://portal.azure.com/#@fabrikam.onmicrosoft.com/resource/subscriptions/0b7d2c44-5e1a-4f7b-9d36-1c8e2a6f4b90/resourceGroups/rg-plover/providers/Microsoft.ContainerRegistry/registries/crplover/replications
- key: https://mhsm-plover.managedhsm.azure.net/keys/plover-kek

For the disaster-recovery plan, the geo-replication article only sends us to Key Vault's failover guidance. What do the ACR docs actually say about protecting the Managed HSM side for a replicated registry like this?""",
canonical=[L + "geo-replication-with-a-managed-hsm-key"],
related=[L + "geo-replication-works-with-cmk", M + "limits-and-open-points-with-managed-hsm", M + "provision-and-activate-the-managed-hsm"],
facts=["it still points CMK users to the Key Vault disaster-recovery guidance only"],
answer_facts=["the acr docs say nothing more specific", "was not updated for managed hsm"],
truth="Not documented: the geo-replication article was not updated for Managed HSM and still points CMK users only at Key Vault's disaster-recovery guidance, and the ACR docs say nothing more specific for a key in mhsm-plover. Geo-replication itself works with CMK, and all of crplover's replicas depend on plover-kek being reachable. Plan the HSM's own recovery separately: keep the security domain file and its wrapping key pairs safe, keep backups, turn on purge protection, and check Managed HSM availability in each region you rely on."),

dict(key="L20", style="long", kind="howto", category="keys", quals=[], flags=["url_paste"],
question="""Security created a new key for crfinch in a separate vault in the second region, and asked us to move the registry onto it:

https://kv-finch-weu2.vault.azure.net/keys/finch-kek2

crfinch currently uses finch-kek in kv-finch with its user-assigned identity id-finch-enc. kv-finch-weu2 is an RBAC vault. What has to happen before we point the registry at this key? And when can the old vault be retired?""",
canonical=[A + "access-to-a-key-in-a-second-key-vault"],
related=[K + "move-to-a-different-key-or-to-a-key-in-another-vault", A + "grant-access-with-an-azure-rbac-role", K + "manual-rotation-with-az-acr-encryption-rotate-key"],
facts=["Access is granted per vault."],
answer_facts=["access is granted per vault", "unable to reach its key"],
truth="Access is granted per vault, so id-finch-enc's grant on kv-finch means nothing in kv-finch-weu2. First give its principal ID Key Vault Crypto Service Encryption User on kv-finch-weu2: az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <kv-finch-weu2 resource ID>, and give it a few minutes. Only then rotate: az acr encryption rotate-key -n crfinch --key-encryption-key https://kv-finch-weu2.vault.azure.net/keys/finch-kek2 --identity id-finch-enc (this versionless form keeps automatic rotation). Rotating before the grant would leave the registry unable to reach its key. Keep kv-finch, finch-kek and the old access until az acr encryption show reports finch-kek2, and only retire it after that."),

dict(key="L21", style="long", kind="undocumented", category="iac", quals=["iac"], flags=[],
question="""We're upgrading the azurerm provider to 5.0 across all stacks. During the 4.x cleanup someone deleted the encryption block from crheron's azurerm_container_registry because 4.x showed no diff without it. Now the 5.0 plan says:

```text
  # azurerm_container_registry.heron: in-place update
  ~ heron {
      - encryption {
          - identity_client_id = "5b0e7c1d-2a4f-4e8b-9c3d-7f1a6e2b0c94" -> null
          - key_vault_key_id   = "https://kv-heron.vault.azure.net/keys/heron-kek" -> null
        }
    }
```

crheron is a CMK registry in production. If we apply this in Terraform, what will actually happen to the registry's encryption?""",
canonical=[C + "azurerm-4x-removed-encryptionenabled-other-version-changes"],
related=[C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs", O + "cmk-cannot-be-disabled-after-it-is-enabled", C + "terraform-azurerm_container_registry-encryption-block"],
facts=["In 4.x omitting the block on a CMK registry shows no diff."],
answer_facts=["the result is undocumented", "keep the block for every cmk registry"],
truth="Not documented: from azurerm 5.0 an absent encryption block plans an update that the upgrade guide calls disabling encryption, which ACR itself doesn't allow (CMK can't be turned off once enabled), and what the service does with that request is undocumented. Don't apply it to find out. Put the encryption block back into crheron's configuration with its key_vault_key_id and identity_client_id (the identity's client ID) so the plan shows no change, and keep the block for every CMK registry; 4.x hid the problem by showing no diff."),

dict(key="L22", style="long", kind="troubleshoot", category="troubleshooting", quals=[], flags=["two_facts"],
question="""Following an older internal wiki page, I created kv-grebe with a current CLI and then tried to give the registry identity its key permissions:

```text
$ az keyvault set-policy -n kv-grebe --object-id 3f6a1d2e-8b4c-4e7a-9f10-2c5d8e7b6a41 --key-permissions get wrapKey unwrapKey
Cannot set policies to a vault with '--enable-rbac-authorization' specified
```

The wiki was written two years ago and every step before this worked. What is the CLI telling me, and what should the identity get on kv-grebe instead?""",
canonical=[T + "set-policy-fails-on-an-rbac-key-vault", A + "which-permission-model-does-my-key-vault-use"],
related=[A + "azure-cli-262-and-later-create-rbac-vaults-by-default", A + "grant-access-with-an-azure-rbac-role", A + "changing-an-existing-vaults-permission-model"],
facts=["Since Azure CLI 2.62.0, `az keyvault create` makes RBAC vaults unless told otherwise"],
answer_facts=["is the only role needed", "rbac data-plane roles such as key vault"],
truth="kv-grebe uses the Azure RBAC permission model, the default for vaults made by Azure CLI 2.62.0 and later, and on such a vault access policies are ignored, so the CLI refuses to set one. You can confirm with az keyvault show -n kv-grebe --query properties.enableRbacAuthorization (true). Give the identity a role assignment instead: az role assignment create --assignee-object-id 3f6a1d2e-8b4c-4e7a-9f10-2c5d8e7b6a41 --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <kv-grebe resource ID>. That is the only role needed; broader roles are not. Only if you deliberately want access policies, create a vault with --enable-rbac-authorization false; switching an existing vault's model disrupts everything that uses it."),

dict(key="L23", style="long", kind="value", category="iac", quals=["iac"], flags=[],
question="""We're moving crgannet's Bicep onto the container-registry module from Azure Verified Modules. Our current hand-written template creates the identity, the role assignment on kv-gannet and the registry, and passes the versionless key URI. I've read the module's parameter list twice and still can't tell how much of that the module does for us. Which fields does its customerManagedKey parameter take, does the AVM module also grant the identity access to the key, and will the default keep automatic rotation as our template has it today?""",
canonical=[C + "avm-bicep-module-customermanagedkey-parameter"],
related=[C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs", C + "bicep-registry-with-a-customer-managed-key", C + "avm-terraform-module-customer_managed_key-variable"],
facts=["`acrSku` defaults to `Premium`"],
answer_facts=["the module does not grant key access", "added autorotationenabled"],
truth="customerManagedKey takes keyVaultResourceId (the vault's resource ID, a vault rather than a Managed HSM) and keyName, both required, plus the optional keyVersion and autoRotationEnabled, and userAssignedIdentityResourceId, which is optional on paper but needed in practice because its client ID goes into keyVaultProperties.identity; pass the same identity in managedIdentities.userAssignedResourceIds. The module does not grant key access: keep your role assignment on kv-gannet and give the module a dependsOn on it. autoRotationEnabled defaults to true, which uses the versionless keyUri, so rotation stays automatic, but only from module version 0.7.0, which added autoRotationEnabled; 0.6.0 and older always pinned the current version. acrSku defaults to Premium."),

dict(key="L24", style="long", kind="yes", category="limits", quals=[], flags=[],
question="""We have to move crtaiga off Docker Content Trust, because the security team found out content trust was never switched on there after the registry got its customer-managed key. The plan is to sign with Notation and the Azure Key Vault plug-in from the release pipeline and verify at deploy time. I've seen people say the Referrers API is missing on encrypted registries, which made me worry that signing would be blocked there too. Will Notation signatures actually work on crtaiga?""",
canonical=[L + "notation-signatures-on-cmk-registries"],
related=[L + "oci-referrers-api-is-not-supported", L + "docker-content-trust-is-being-retired-use-notation", T + "oras-and-notation-store-referrers-as-tags"],
facts=["on a CMK registry Notation 1.2.0 and later store signatures using the referrers tag schema"],
answer_facts=["instead of the referrers api", "notation 1.2.0 and later"],
truth="Yes: Notation works on a CMK registry. The missing Referrers API only changes how signatures are stored: Notation 1.2.0 and later detect it and store them through the referrers tag schema instead of the Referrers API, so expect extra digest-named tags in crtaiga's repositories and leave them in place. Use Notation 1.2.0 or newer in the pipeline, and make sure any other tool that reads signatures understands the tag schema. Docker Content Trust can't be enabled on a CMK registry anyway and is being retired in ACR, so Notation is the intended replacement."),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="why", category="limits", quals=[], flags=["code_switch"],
question="pourquoi les logs de nos tasks acr disparaissent après un jour avec cmk?",
canonical=[L + "acr-tasks-run-logs-are-kept-for-only-24-hours"],
related=[L + "export-task-run-logs-before-they-expire", T + "task-run-logs-disappear-after-24-hours", L + "feature-compatibility-summary"],
facts=["so they vanish after a day"],
answer_facts=["retained for 24 hours only", "copy them out while they exist"],
truth="Because on a registry encrypted with a customer-managed key, ACR Tasks keeps the logs of task runs for 24 hours only; it is a documented CMK limitation, not a fault, and there is no setting to extend it. If you need the logs longer, copy them out while they exist: after each run, save the output of az acr task logs --registry <registry> --run-id <run ID> to a file or to your log platform, ideally from the pipeline that triggers the task."),

dict(key="S2", style="short", kind="no", category="setup", quals=[], flags=["code_switch"],
question="é possível desligar a cmk do nosso acr depois que ele está em uso?",
canonical=[O + "cmk-cannot-be-disabled-after-it-is-enabled"],
related=[L + "feature-compatibility-summary", O + "moving-an-existing-registry-to-cmk", K + "manual-rotation-with-az-acr-encryption-rotate-key"],
facts=["some customer-managed key must stay configured and reachable for as long as the registry exists"],
answer_facts=["the setting is permanent", "no command or portal switch"],
truth="No: once a registry is encrypted with a customer-managed key the setting is permanent, and there is no command or portal switch that returns it to Microsoft-managed keys only. You can still change the key, its version, the vault and the identity with az acr encryption rotate-key, but some customer-managed key has to stay configured and reachable for the registry's whole life. Getting rid of CMK means creating a new registry without it and copying the images over."),

dict(key="S3", style="short", kind="howto", category="troubleshooting", quals=[], flags=["code_switch"],
question="wie kann ich prüfen, ob unsere acr mit cmk verschlüsselt ist?",
canonical=[L + "check-the-encryption-status-of-a-registry"],
related=[S + "step-8-verify-the-encryption-status", K + "check-which-key-version-the-registry-uses", L + "az-acr-check-health-and-cmk_error"],
facts=["`status` is `enabled` for a CMK registry"],
answer_facts=["status is enabled for a cmk registry", "settings > encryption"],
truth="Run az acr encryption show --name <registry> --resource-group <rg>: status is enabled for a CMK registry, and keyVaultProperties shows the identity, the configured keyIdentifier and the versionedKeyIdentifier in use. az acr show --name <registry> --query encryption returns the same object, and az acr list --query \"[].{name:name, cmk:encryption.status}\" -o table lists every registry in the subscription. In the portal the same information is under the registry's Settings > Encryption."),

dict(key="S4", style="short", kind="value", category="keys", quals=[], flags=["url_paste"],
question="is https://kv-tern.vault.azure.net/keys/tern-kek/0f3a6c9e1b2d4857a3c6e9f1b4d7a2c5 versioned or versionless for our acr?",
canonical=[S + "step-5-create-an-rsa-key-and-capture-its-key-id"],
related=[K + "versioned-and-versionless-key-ids", S + "step-6-choose-a-versioned-or-versionless-key-id", O + "the-key-encryption-key-kek-and-its-identifier"],
facts=["`KEY_ID` is the key's `kid`, the **versioned** key ID"],
answer_facts=["the versioned key id", "32-character version"],
truth="Versioned: the 32-character segment after tern-kek is a key version, which is exactly what the kid returned by az keyvault key show looks like. A registry given this URI stays on that version until you rotate with az acr encryption rotate-key. For automatic rotation, drop the last segment and use https://kv-tern.vault.azure.net/keys/tern-kek; the registry then picks up new versions within an hour."),

dict(key="S5", style="short", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["url_paste"],
question="acr create rejects our managed hsm uri https://mhsm-puffin.managedhsm.azure.net/secrets/puffin-kek, why?",
canonical=[M + "managed-hsm-key-uris"],
related=[T + "managed-hsm-uri-is-not-a-key-uri", O + "the-key-encryption-key-kek-and-its-identifier", M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli"],
facts=["The URI must use HTTPS and must point at a **key**."],
answer_facts=["must point at a key", "take the host from the hsm's hsmuri"],
truth="Because it points at a secret, not a key: the key-encryption-key must be an HTTPS Managed HSM key URI of the form https://mhsm-puffin.managedhsm.azure.net/keys/<key-name>, optionally followed by /<version> to pin a version; secret, certificate or other object paths, and the bare HSM address, are not accepted. If puffin-kek is an RSA-HSM key allowing wrapKey and unwrapKey, pass .../keys/puffin-kek. Read the kid with az keyvault key show --hsm-name mhsm-puffin -n puffin-kek --query key.kid rather than typing it, and take the host from the HSM's hsmUri."),

dict(key="S6", style="short", kind="value", category="keys", quals=[], flags=[], typo="assignemnt",
question="which role assignemnt does our acr identity need on an rbac kv?",
canonical=[S + "option-a-azure-rbac-role-on-an-rbac-vault"],
related=[A + "grant-access-with-an-azure-rbac-role", A + "why-key-vault-crypto-user-is-not-needed", A + "your-own-permissions-to-create-keys-in-an-rbac-vault"],
facts=["You also need a data-plane role yourself to create the key in step 5"],
answer_facts=["key vault crypto service encryption user", "you also need a data-plane role yourself"],
truth="Key Vault Crypto Service Encryption User, assigned to the identity's principal ID at the vault's scope: az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <vault resource ID>. Nothing broader; Key Vault Crypto User is not needed. Separately, whoever creates the key needs a data-plane role of their own, such as Key Vault Crypto Officer."),

dict(key="S7", style="short", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=[], typo="activaiton",
question="key create on our new managed hsm fails before activaiton",
canonical=[M + "provision-and-activate-the-managed-hsm"],
related=[T + "managed-hsm-is-not-activated", M + "requirements-for-a-managed-hsm-key-store", S + "using-a-managed-hsm-key-instead-of-a-key-vault"],
facts=["`activationStatus` under `properties.securityDomainProperties` should read `Active`"],
answer_facts=["activate it by downloading its security domain", "only an initial administrator can do this"],
truth="Expected: a provisioned Managed HSM accepts no data-plane requests until it is activated, so neither keys nor local role assignments can be created yet. Activate it by downloading its security domain, which only an initial administrator can do: az keyvault security-domain download --hsm-name <hsm> --sd-wrapping-keys <3 to 10 public key files> --sd-quorum <n> --security-domain-file <file>. Check that az keyvault show --hsm-name <hsm> reports activationStatus Active, then create the key. Keep the security domain file and the key pairs safe for disaster recovery."),

dict(key="S8", style="short", kind="no", category="network", quals=[], flags=[], typo="netwrok",
question="does the trusted services bypass also let my laptop through the kv netwrok rules",
canonical=[N + "allow-your-own-clients-through-the-vault-firewall"],
related=[N + "allow-trusted-services-and-deny-other-traffic", N + "the-vault-firewall-covers-the-data-plane-only", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
facts=["These rules are for your clients."],
answer_facts=["not via an ip rule", "also need a way in"],
truth="No: the trusted-services bypass only lets trusted Azure services such as the registry through. People, pipelines and build agents that manage keys also need a way in: add your address or range as a network rule (az keyvault network-rule add --name <vault> --ip-address <your IP or CIDR>) or a subnet with the Microsoft.KeyVault service endpoint. The registry itself keeps using the bypass, not an IP rule."),

dict(key="S9", style="short", kind="yes", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="do the acr cmk tutorials now support managed hsm as the key store?",
canonical=[M + "managed-hsm-is-a-supported-key-store-for-acr-cmk"],
related=[O + "managed-hsm-keys", M + "requirements-for-a-managed-hsm-key-store", M + "key-vault-and-managed-hsm-compared"],
facts=["The CLI reference for `rotate-key` shows a Managed HSM key URI as its example for automatic rotation."],
answer_facts=["documented as the second supported key store", "follow the cmk tutorials"],
truth="Yes: since their October 2026 revision the four ACR customer-managed key tutorials document Azure Key Vault Managed HSM as the second supported key store next to Key Vault vaults, with Managed HSM variants of setup, rotation, revocation and troubleshooting. The CLI passes managedhsm.azure.net key URIs through unchanged. Two newer ACR security articles still describe the key as living in Key Vault only; for Managed HSM, follow the CMK tutorials."),

dict(key="S10", style="short", kind="howto", category="rotation", quals=[], flags=[],
question="switch acr from a pinned key version to auto rotation",
canonical=[K + "switch-from-manual-to-automatic-rotation"],
related=[K + "versioned-and-versionless-key-ids", K + "automatic-rotation-with-a-versionless-key-id", K + "check-which-key-version-the-registry-uses"],
facts=["From then on the registry detects new versions by itself."],
answer_facts=["to the versionless id of the key", "the reverse also works"],
truth="Rotate the registry to the versionless ID of the same key: az acr encryption rotate-key --name <registry> --key-encryption-key https://<vault>.vault.azure.net/keys/<key> --identity <current identity>. From then on the registry picks up each new key version within an hour by itself, and az acr encryption show reports keyRotationEnabled true. The reverse also works: rotating to a versioned ID pins it again."),

dict(key="S11", style="short", kind="undocumented", category="keys", quals=[], flags=[],
question="is the cmk applied to image blobs themselves or just wrapping acr's internal keys?",
canonical=[O + "what-customer-managed-key-encryption-adds-to-a-registry"],
related=[O + "default-encryption-at-rest-without-a-cmk", O + "identity-and-key-access-requirements", O + "bring-your-own-key-byok"],
facts=["It adds a **second layer** on top of it"],
answer_facts=["treat that as an inference", "does not describe the internal key hierarchy"],
truth="Not documented: the ACR documentation does not describe the internal key hierarchy. The identity's permissions on the key are only get, wrapKey and unwrapKey, which suggests the customer-managed key wraps the registry's own encryption keys rather than encrypting layers directly, but treat that as an inference. What is documented is that the CMK adds a second layer on top of the Microsoft-managed encryption at rest."),

dict(key="S12", style="short", kind="howto", category="setup", quals=[], flags=[],
question="create an access-policy kv for acr cmk with a current az cli",
canonical=[A + "azure-cli-262-and-later-create-rbac-vaults-by-default"],
related=[S + "step-3-create-the-key-vault-with-purge-protection", S + "option-b-access-policy-on-an-access-policy-vault", T + "set-policy-fails-on-an-rbac-key-vault"],
facts=["up to 2.61.0 the default was `false`, i.e. access policies"],
answer_facts=["unless told otherwise", "--enable-rbac-authorization false"],
truth="Say so explicitly at creation, because from azure-cli 2.62.0 az keyvault create makes an Azure RBAC vault unless told otherwise: az keyvault create --name <vault> --resource-group <rg> --location <region> --enable-purge-protection --enable-rbac-authorization false. Then grant the registry identity get, wrapKey and unwrapKey with az keyvault set-policy --name <vault> --object-id <principal ID> --key-permissions get unwrapKey wrapKey."),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="A1", style="agent", kind="howto", form="context", category="recovery", quals=["hsm", "oct2026"], flags=[],
question="Context: our runbook must cover cutting crmagpie off from its key, whether it sits in an access-policy vault, an RBAC vault or a Managed HSM. Question: for each case, the Managed HSM one included, what do we remove to revoke, and what is the alternative?",
canonical=[V + "revoking-and-restoring-access-to-the-customer-managed-key"],
related=[V + "revoke-by-removing-the-access-policy", V + "revoke-by-deleting-the-rbac-role-assignment", V + "revoke-access-to-a-key-in-a-managed-hsm"],
facts=["There are two ways to revoke"],
answer_facts=["delete the local role assignment (managed hsm)", "or delete the key"],
truth="You can revoke in two ways: take the identity's access to the key away, or delete the key. Removing access depends on the store: for an access-policy vault, remove the policy that belongs to the identity (az keyvault delete-policy --name <vault> --object-id <principal ID>), on an RBAC vault delete its Key Vault Crypto Service Encryption User role assignment (list first, delete removes every match), and in a Managed HSM delete the local role assignment at the same scope it was created at, usually /keys/<key>. Deleting the key (az keyvault key delete, with --vault-name or --hsm-name) is the alternative. Either way all of crmagpie's data is blocked until access is given back or the key is recovered."),

dict(key="A2", style="agent", kind="howto", form="imperative", category="rotation", quals=["hsm", "oct2026"], flags=[],
question="Explain how to rotate crbittern from bittern-kek to a brand-new key bittern-kek2 in the same Managed HSM, and say whether the registry identity needs another role assignment for that.",
canonical=[M + "rotate-a-managed-hsm-key"],
related=[K + "move-to-a-different-key-or-to-a-key-in-another-vault", K + "create-a-new-version-in-a-managed-hsm", A + "access-to-a-key-in-a-second-key-vault"],
facts=["Because the role is per key, a new key name needs a new role assignment"],
answer_facts=["because the role is per key", "on the target key"],
truth="A new assignment is needed, because the role is per key: a new version of bittern-kek would be covered, a new key name is not. 1) Create bittern-kek2 as RSA-HSM allowing wrap and unwrap: az keyvault key create --hsm-name <hsm> --name bittern-kek2 --kty RSA-HSM --ops wrapKey unwrapKey. 2) Give the identity crbittern uses the local role on the target key: az keyvault role assignment create --hsm-name <hsm> --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id <principal ID> --assignee-principal-type MSI --scope /keys/bittern-kek2, and wait a few minutes. 3) Read its kid with az keyvault key show --hsm-name <hsm> -n bittern-kek2 --query key.kid and run az acr encryption rotate-key -n crbittern --key-encryption-key <kid without the version for automatic rotation> --identity <that identity>. Keep the old key and its role until az acr encryption show names bittern-kek2."),

dict(key="A3", style="agent", kind="value", form="keywords", category="troubleshooting", quals=["hsm", "oct2026"], flags=[],
question="crheron managed hsm key which key and version is the registry actually using right now, and which fields of az acr encryption show tell configured key versus version in use",
canonical=[S + "step-8-verify-the-encryption-status"],
related=[K + "check-which-key-version-the-registry-uses", L + "check-the-encryption-status-of-a-registry", M + "managed-hsm-key-uris"],
facts=["`az acr show --name \"$REGISTRY_NAME\" --query encryption` returns the same object."],
answer_facts=["read-only: the exact key version in use", "the key uri you configured"],
truth="Run az acr encryption show -n crheron. keyVaultProperties.keyIdentifier is the key URI you configured, versioned or versionless; for a Managed HSM key it reads https://<hsm>.managedhsm.azure.net/keys/<key>[/<version>]. keyVaultProperties.versionedKeyIdentifier is read-only and gives the exact key version in use right now. keyRotationEnabled true means a versionless configuration that follows new versions, lastKeyRotationTimestamp says when the registry last switched, identity shows the client ID (or system), and status reads enabled."),

dict(key="A4", style="agent", kind="why", form="context", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="Context: crgull's identity got an Azure role assignment (az role assignment create) scoped to the Managed HSM resource itself, and az acr create still says it cannot use the key. Question: why doesn't that role grant access to the key?",
canonical=[M + "local-rbac-roles-for-acr-encryption"],
related=[A + "grant-access-to-a-key-in-a-managed-hsm", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope", M + "requirements-for-a-managed-hsm-key-store"],
facts=["Key Vault access policies do not exist on a Managed HSM."],
answer_facts=["govern management operations only", "they never let anyone use a key"],
truth="Because a Managed HSM authorizes key use with its own local RBAC, inside the HSM. Azure role assignments made with az role assignment create on the HSM resource govern management operations only (creating, updating or deleting the HSM); they never let anyone use a key, and access policies don't exist there. Give crgull's identity the local role instead: az keyvault role assignment create --hsm-name <hsm> --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id <principal ID> --assignee-principal-type MSI --scope /keys/<key>. Whoever runs that needs Managed HSM Administrator, Crypto Officer or Policy Administrator; wait a few minutes, then create again."),

dict(key="A5", style="agent", kind="troubleshoot", form="imperative", category="troubleshooting", quals=[], flags=[],
question="Check why az acr create for crgrebe stops immediately with a usage error when our script passes --key-encryption-key but the variable meant for --identity turned out to be empty.",
canonical=[T + "acr-create-needs-both-identity-and-key"],
related=[S + "rules-that-az-acr-create-enforces-for-cmk", I + "which-identity-value-goes-where", S + "step-7-create-the-premium-registry-with-the-customer-managed-key"],
facts=["passing just one of them is rejected before anything is sent to Azure"],
answer_facts=["rejected before anything is sent to azure", "must be both supplied"],
truth="With the identity variable empty, the CLI receives only --key-encryption-key, and it configures CMK only when it gets both the user-assigned identity and the key URI; a lone one is rejected before anything is sent to Azure with a usage error saying both options must be supplied. Fill the variable with the identity's resource ID (az identity show -n <identity> -g <rg> --query id -o tsv), not its client or principal ID, and fail the script early when it is empty. Then run az acr create -n crgrebe --sku Premium --identity <resource ID> --key-encryption-key <key ID>."),

dict(key="A6", style="agent", kind="troubleshoot", form="keywords", category="iac", quals=["iac"], flags=[],
question="arm template for crdunlin sets keyVaultProperties identity to the principalId of the user-assigned identity and the deployment fails, which value belongs there and what else to leave out",
canonical=[C + "arm-template-json-propertiesencryption-and-keyvaultproperties"],
related=[I + "which-identity-value-goes-where", S + "set-up-cmk-with-an-arm-template", C + "bicep-registry-with-a-customer-managed-key"],
facts=["Do not copy the read-only properties into a template."],
answer_facts=["not principal id, not resource id", "do not copy the read-only properties"],
truth="keyVaultProperties.identity takes the identity's client ID, not the principal ID and not the resource ID: use [reference(parameters('identityResourceId'), '2023-01-31').clientId]. The resource ID belongs in identity.userAssignedIdentities, with identity.type UserAssigned; keyIdentifier takes the key URI and status is enabled. Leave versionedKeyIdentifier, keyRotationEnabled and lastKeyRotationTimestamp out: do not copy the read-only properties into the template. Make the registry depend on the access grant as well as on the identity."),

dict(key="A7", style="agent", kind="no", form="context", category="network", quals=["hsm", "oct2026"], flags=[],
question="Context: mhsm-ibis runs its firewall with default deny, and we want to create cribis first and sort out the network afterwards. Question: can opening access through the Managed HSM firewall wait until after az acr create?",
canonical=[N + "managed-hsm-firewall-and-trusted-services"],
related=[M + "managed-hsm-firewall-and-trusted-services", S + "create-the-key-before-the-registry-for-restricted-vaults", N + "the-portal-key-picker-and-a-key-store-firewall"],
facts=["Clients that manage keys (people, pipelines, the portal) need an allowed address of their own"],
answer_facts=["reach the key when it is created", "the bypass only opens the network"],
truth="No: the registry has to reach its key at the moment it is created, so with mhsm-ibis denying by default, allow trusted Azure services before az acr create: az keyvault update-hsm --hsm-name mhsm-ibis --resource-group <rg> --bypass AzureServices --default-action Deny, and check it with az keyvault show --hsm-name mhsm-ibis. The bypass only opens the network; cribis's identity still needs the Managed HSM Crypto Service Encryption User local role on the key. People and pipelines that manage keys need their own allowed address (az keyvault network-rule add --hsm-name mhsm-ibis --ip-address <IP>)."),

dict(key="A8", style="agent", kind="yes", form="imperative", category="iac", quals=["iac"], flags=[],
question="Confirm whether our Bicep file needs an explicit dependsOn from the registry to the role assignment resource, given that the registry only references the identity and the key.",
canonical=[C + "bicep-registry-with-a-customer-managed-key"],
related=[C + "why-the-registry-needs-depends_on-on-the-role-assignment", C + "common-terraform-and-bicep-errors-with-acr-encryption", S + "set-up-cmk-with-an-arm-template"],
facts=["`keyUri` is the versionless key URI (automatic rotation); `keyUriWithVersion` pins the current version."],
answer_facts=["makes the grant exist first", "does not reference keyaccess"],
truth="Yes: the registry resource does not reference the role assignment, so Bicep sees no dependency and may deploy both in parallel; the registry then can't use the key at creation. The explicit dependsOn on the Key Vault Crypto Service Encryption User role assignment is what makes the grant exist first. A fresh assignment can still take a few minutes to apply, so a retry of the deployment may occasionally be needed."),

dict(key="A9", style="agent", kind="undocumented", form="keywords", category="keys", quals=[], flags=[],
question="switching kv-dipper from access policies to rbac while crdipper is encrypted with its key, what the acr docs say about it and which order avoids an outage",
canonical=[A + "changing-an-existing-vaults-permission-model"],
related=[A + "which-permission-model-does-my-key-vault-use", T + "set-policy-fails-on-an-rbac-key-vault", V + "what-revocation-does-to-the-registry"],
facts=["`az keyvault update --enable-rbac-authorization true|false` switches a vault between the two models."],
answer_facts=["do not discuss switching models", "the models do not carry over"],
truth="Not documented: the ACR docs do not discuss switching a vault's permission model. From Key Vault's behaviour, the models do not carry over: once kv-dipper uses RBAC, its access policies stop counting, and crdipper would lose its key (blocking all its data) unless its identity already holds access under the new model. Safe order: first assign the identity's principal ID Key Vault Crypto Service Encryption User on kv-dipper, then switch with az keyvault update --name kv-dipper --enable-rbac-authorization true, then check a pull; other applications using access policies on that vault need the same treatment."),

dict(key="A10", style="agent", kind="troubleshoot", form="context", category="recovery", quals=[], flags=["two_facts"],
question="Context: a permissions clean-up removed roles on kv-godwit last night and now every pull and push on crgodwit fails with 403. Question: what did the clean-up do to the registry, and what must we run so it recovers?",
canonical=[T + "registry-access-lost-after-key-permissions-were-revoked", V + "restore-access-after-a-revocation"],
related=[V + "what-revocation-does-to-the-registry", V + "revoke-by-deleting-the-rbac-role-assignment", A + "verify-the-identitys-access"],
facts=["Revocation blocks access to all data in the registry."],
answer_facts=["blocks access to all data", "no registry command is needed"],
truth="The clean-up most likely removed the encryption identity's Key Vault Crypto Service Encryption User assignment, which revokes the customer-managed key and blocks access to all data in crgodwit. Find the identity (az acr encryption show -n crgodwit --query keyVaultProperties.identity), check what it still holds with az role assignment list --scope <kv-godwit ID> --assignee-object-id <principal ID>, and re-create the role: az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <kv-godwit ID>. No registry command is needed: once the grant has propagated, crgodwit picks the key up again and pulls and pushes work."),

dict(key="A11", style="agent", kind="howto", form="imperative", category="identity", quals=[], flags=[],
question="Describe how to hand az acr encryption rotate-key for crsiskin a user-assigned identity that lives in another resource group, and whether rotate-key attaches that identity to the registry by itself.",
canonical=[I + "how-rotate-key-interprets-the---identity-value"],
related=[I + "switch-to-a-different-user-assigned-identity", I + "which-identity-value-goes-where", K + "rotate-with-a-different-identity-or-the-system-assigned-identity"],
facts=["Both a client ID and a resource ID work for `--identity`."],
answer_facts=["not attach the identity to the registry", "looked up in the registry's resource group"],
truth="Pass the identity's full resource ID (or its client ID) to --identity: a bare name is looked up in the registry's resource group, so a name from another group won't resolve. The CLI stores the identity's client ID in the encryption settings, a GUID counts as a client ID, and '[system]' is stored as system. rotate-key does not attach the identity to the registry, so first run az acr identity assign -n crsiskin --identities <resource ID> and grant its principal ID access to the key, then az acr encryption rotate-key -n crsiskin --key-encryption-key <key ID> --identity <resource ID>."),

dict(key="A12", style="agent", kind="howto", form="context", category="troubleshooting", quals=["hsm", "oct2026"], flags=[],
question="Context: crkite's key lives in Managed HSM mhsm-kite and the registry fails now and then. Question: which read-only checks should we run on the Managed HSM side, including the identity's access on the key, instead of the key vault steps?",
canonical=[T + "general-diagnostic-checklist"],
related=[T + "managed-hsm-key-has-the-wrong-type-or-operations", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope", A + "verify-the-identitys-access"],
facts=["Run steps 4 to 6 for a key vault, or step 7 instead when `keyIdentifier` points at a Managed HSM"],
answer_facts=["or step 7 instead", "expect active"],
truth="Start with the registry side as usual: az acr encryption show, az acr identity show and az acr check-health --ignore-errors --yes. Then, because keyIdentifier points at managedhsm.azure.net, skip the vault steps and run step 7 instead: az keyvault show --hsm-name mhsm-kite for activation (expect Active), network rules, soft delete and purge protection; az keyvault key show --hsm-name mhsm-kite -n <key> for kty RSA-HSM, wrapKey and unwrapKey and an enabled, unexpired key; and az keyvault role assignment list --hsm-name mhsm-kite --assignee-object-id <principal ID> --scope /keys/<key> for the identity's Managed HSM Crypto Service Encryption User role (run it without --scope too, to see assignments at / or /keys)."),
]

# ---------------- off-topic ----------------
OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind=OFF, category=OFF, subject="bareos", near_miss=True,
question="""Nightly copies of our self-hosted container registry go to LTO tape through a Bareos storage daemon. The drives encrypt in hardware, and the scsicrypto plugin derives each tape's key from a key-encryption key kept in the Bareos configuration. An auditor wants that key-encryption key changed, yet the tapes already written must stay readable for seven years. How do we change the Bareos key-encryption key without losing access to the older tapes?""",
truth="Not covered: Bareos file-daemon encryption key pairs are a backup-software topic outside the knowledge, which covers Azure Container Registry encryption with customer-managed keys."),

dict(key="X2", style="long", kind=OFF, category=OFF, subject="infisical", near_miss=True,
question="""Our self-hosted Infisical instance stores the registry pull credentials for every environment, and its database is encrypted with a root encryption key we supplied at install time, which feels a lot like a customer-managed key. The security team wants that root key changed once a year. How do we rotate the Infisical root encryption key without losing the secrets already stored, including the registry credentials?""",
truth="Not covered: rotating Infisical's root encryption key is a secrets-manager topic the knowledge does not cover; it only covers ACR customer-managed keys."),

dict(key="X3", style="long", kind=OFF, category=OFF, subject="sftpgo", near_miss=True,
question="""We export registry images as tarballs to an SFTPGo server for an air-gapped site. The SFTPGo virtual folder uses its encrypted local filesystem with a passphrase, so the exported files sit on disk protected by a passphrase-derived key that we own. The passphrase was pasted into a ticket and now has to change. What's the way to swap that SFTPGo folder passphrase without re-uploading every exported image?""",
truth="Not covered: SFTPGo's encrypted filesystem passphrase is outside the knowledge, which is about Azure Container Registry customer-managed key encryption."),

dict(key="X4", style="long", kind=OFF, category=OFF, subject="conjur", near_miss=True,
question="""Conjur Open Source holds the registry robot credentials for our build farm. Its data key, which encrypts everything in the database, was generated at install time and is now older than our key policy allows. We'd like to replace that data key and then re-encrypt the stored registry secrets, ideally without downtime for the build farm. What is the procedure for rotating the Conjur data key?""",
truth="Not covered: rotating Conjur's data key is a secrets-vault topic outside the knowledge, which covers ACR customer-managed keys."),

dict(key="X5", style="long", kind=OFF, category=OFF, subject="coolify",
question="""Coolify deploys our small services, pulling their images from a private registry whose login is saved per server in Coolify's settings, and Coolify connects to every server with a private SSH key that it generated during setup. A laptop with that key was stolen, so both the key and the registry password must be replaced. How do we rotate the server SSH key in Coolify and update the stored registry credentials without breaking running deployments?""",
truth="Not covered: Coolify SSH keys and stored registry logins are a self-hosting-platform topic the knowledge does not cover."),

dict(key="X6", style="long", kind=OFF, category=OFF, subject="caprover",
question="""CapRover pulls our app images from a self-hosted registry, and the cluster's nodes were joined with an SSH key pair. After a staff change we want a new key pair for the nodes and a new password for the registry entry in CapRover's cluster settings. What is the safe order to swap the SSH key and the registry password in CapRover so deployments keep pulling images?""",
truth="Not covered: CapRover node SSH keys and registry settings are a PaaS-tool topic outside the knowledge."),

dict(key="X7", style="agent", kind=OFF, category=OFF, form="context", subject="kanidm",
question="Context: engineers authenticate to our internal registry dashboard through Kanidm, which signs its OAuth2 responses with its own keys. Question: how do we rotate Kanidm's signing keys without forcing everyone to log in again?",
truth="Not covered: Kanidm signing-key rotation is an identity-server topic outside the knowledge, which is about ACR customer-managed key encryption."),

dict(key="X8", style="agent", kind=OFF, category=OFF, form="imperative", subject="pomerium",
question="Explain how to replace the signing key that Pomerium uses for the identity-aware proxy in front of our registry web UI, without breaking sessions for people already signed in.",
truth="Not covered: Pomerium's signing key is an access-proxy topic the knowledge does not cover."),

dict(key="X9", style="agent", kind=OFF, category=OFF, form="keywords", subject="netbird",
question="netbird setup key for the peers that reach our registry mirrors expired, how to issue a new one and re-enroll the peers quickly",
truth="Not covered: NetBird setup keys and peer enrolment are a mesh-network topic outside the knowledge."),

dict(key="X10", style="short", kind=OFF, category=OFF, subject="mattermost",
question="how do i rotate the mattermost at-rest encryption key for our registry alerts channel?",
truth="Not covered: Mattermost's at-rest encryption key is a chat-platform topic outside the knowledge."),

dict(key="X11", style="short", kind=OFF, category=OFF, subject="powerdns",
question="powerdns dnssec key rollover for the zone serving our registry hostname, how?",
truth="Not covered: PowerDNS DNSSEC key rollovers are a DNS topic the knowledge does not cover."),

dict(key="X12", style="short", kind=OFF, category=OFF, subject="passbolt",
question="regenerate the passbolt server openpgp key that guards our registry passwords",
truth="Not covered: regenerating the Passbolt server key is a password-manager topic outside the knowledge."),
]
# ---- end of questions ----


QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"assignemnt": "assignment", "activaiton": "activation", "netwrok": "network"}
SHAPES = ["two_facts", "checklist", "code_switch", "log_timestamps", "url_paste", "python_sdk"]

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
    rng = random.Random(47)
    while True:
        rng.shuffle(items)
        cats = [q["category"] for q in items]
        if not any(cats[i] == cats[i + 1] == cats[i + 2] for i in range(len(cats) - 2)):
            break
    entries, meta = [], {}
    for n, q in enumerate(items, 1):
        qid = "c%03d" % n
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
    with open(os.path.join(HERE, "blind47.json"), "w", encoding="utf-8") as fh:
        json.dump(entries, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    with open(os.path.join(HERE, "blind47-meta.json"), "w", encoding="utf-8") as fh:
        json.dump(meta, fh, indent=1, ensure_ascii=False, sort_keys=True)
        fh.write("\n")
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    with open(os.path.join(HERE, "blind47-first-canonicals.txt"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(firsts) + "\n")


if __name__ == "__main__":
    main()
