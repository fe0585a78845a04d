"""blind61 builder: holds the 60 questions (QUESTIONS) and writes blind61.json, blind61-meta.json and
blind61-first-canonicals.txt. render() returns the three files' exact text (check61.py compares it byte for byte)."""
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
# ---- jenkins_console ----
dict(key="L1", style="long", kind="troubleshoot", category="limits", quals=["iac"], flags=["jenkins_console"],
question="""The data team provisions its own registries through our shared Jenkins job, which deploys `registry.bicep` with the key and identity prepared by the platform team. To save money they set the tier parameter to Standard for their new registry, crhazel, and the job broke:

```text
[Pipeline] { (Deploy registry)
[Pipeline] sh
+ az deployment group create --resource-group rg-hazel-data --template-file registry.bicep --parameters name=crhazel sku=Standard keyUri=https://kv-hazel.vault.azure.net/keys/kek-hazel
ERROR: (DeploymentFailed) Deployment 'registry' failed; see the inner error.
Inner error: (BadRequest) Encryption with a customer-managed key can't be configured on a registry of this tier.
[Pipeline] }
[Pipeline] // stage
[Pipeline] End of Pipeline
ERROR: script returned exit code 1
Finished: FAILURE
```

The same template works for every Premium registry we run. Is the tier really the problem here? And if they create crhazel as Standard without the key for now, can they move it to Premium and switch the key on later, once the budget is approved?""",
canonical=[T + "cmk-needs-the-premium-tier"],
related=[O + "cmk-requires-the-premium-sku", S + "rules-that-az-acr-create-enforces-for-cmk", L + "feature-compatibility-summary"],
facts=["Upgrading a Basic or Standard registry to Premium does not add CMK afterwards."],
answer_facts=["exists only in the premium tier", "does not add cmk afterwards"],
truth="The tier is the problem: customer-managed key encryption exists only for Premium registries, and since neither the CLI nor the Bicep deployment checks that, the service refuses crhazel at az deployment group create. The later upgrade path doesn't work either: CMK can only be set while a registry is created, so a Standard crhazel moved to Premium afterwards still has no customer-managed key and can't get one. Either deploy crhazel as Premium with the key now, or create it without CMK and accept that getting CMK later means a new Premium registry and importing the images into it."),

dict(key="L2", style="long", kind="troubleshoot", category="identity", quals=[], flags=["jenkins_console"],
question="""We want new registries to encrypt through their own system-assigned identity from day one, so nobody has to look after user-assigned identities. Our provisioning pipeline now stops at the create step:

```text
[Pipeline] { (Create registry)
[Pipeline] sh
+ az acr create --name crbirch --identity [system] --resource-group rg-birch-prod --key-encryption-key https://kv-birch.vault.azure.net/keys/kek-birch --sku Premium
ERROR: No user-assigned identity named '[system]' was found in resource group 'rg-birch-prod'.
[Pipeline] }
[Pipeline] // stage
ERROR: script returned exit code 1
Finished: FAILURE
```

The sh step runs under bash; on a colleague's laptop with zsh the very same line fails even earlier with `no matches found`. Is missing quoting the whole story here, or can a registry not start out with its system-assigned identity at all? What should the pipeline do instead?""",
canonical=[T + "system-assigned-identity-rejected-at-registry-creation"],
related=[I + "quote-system-in-shell-commands", I + "switch-to-the-registrys-system-assigned-identity-after-creation", S + "rules-that-az-acr-create-enforces-for-cmk"],
facts=["an unquoted `[system]` is a shell glob"],
answer_facts=["system-assigned identity does not exist yet", "can be used only later, through rotate-key"],
truth="Quoting is only part of it: az acr create accepts a user-assigned identity only (its resource ID, or its name in the registry's resource group), because the registry's system-assigned identity does not exist before the registry does, so [system] is looked up as a user-assigned identity of that name and the lookup fails whether you quote it or not. Unquoted it is also a shell glob, hence the zsh error and the risk that bash swaps in a one-letter file name. Let the pipeline create crbirch with a user-assigned identity, then run az acr identity assign -n crbirch --identities '[system]', give that principal Key Vault Crypto Service Encryption User on kv-birch (or an access policy with get, wrapKey and unwrapKey), and switch with az acr encryption rotate-key -n crbirch --key-encryption-key <key ID> --identity '[system]'."),

dict(key="L3", style="long", kind="troubleshoot", category="troubleshooting", quals=[], flags=["jenkins_console"],
question="""Our new crypto baseline says every newly created key must use elliptic curves, so the key stage of the registry pipeline was updated. Since then:

```text
[Pipeline] { (Key and registry)
[Pipeline] sh
+ az keyvault key create --vault-name kv-larch --name kek-larch --kty EC-HSM --curve P-384 --output none
+ az acr create --resource-group rg-larch --name crlarch --sku Premium --identity id-larch-acr --key-encryption-key https://kv-larch.vault.azure.net/keys/kek-larch
ERROR: (BadRequest) The key type of 'https://kv-larch.vault.azure.net/keys/kek-larch' cannot be used to encrypt this registry.
[Pipeline] }
[Pipeline] // stage
ERROR: script returned exit code 1
Finished: FAILURE
```

kv-larch is a Premium vault, the identity has its role there, and the key itself was created fine. Is there a curve or key size the registry does accept, or do we need an exception from the baseline for registry keys?""",
canonical=[T + "elliptic-curve-key-rejected"],
related=[O + "which-key-types-and-sizes-are-supported", O + "key-sizes-offered-by-key-vault", L + "feature-compatibility-summary"],
facts=["Key Vault offers RSA keys of 2048, 3072 and 4096 bits."],
answer_facts=["supports only rsa and rsa-hsm keys", "can't wrap keys and are not supported"],
truth="You need the exception: registry encryption works with RSA and RSA-HSM keys only, and elliptic-curve keys (EC or EC-HSM, on P-256, P-256K, P-384 or P-521 alike) are refused, which is why az acr create failed even though kek-larch itself exists. The ACR docs prescribe no key size; Key Vault offers 2048, 3072 and 4096 bits, so pick the one your baseline wants. Create an RSA-HSM key under a new name in kv-larch (az keyvault key create --vault-name kv-larch --name <new name> --kty RSA-HSM --size 3072; the Premium vault allows HSM keys), give the stage that key's URI, and leave the EC key unused."),

dict(key="L4", style="long", kind="troubleshoot", category="troubleshooting", quals=[], flags=["jenkins_console"],
question="""Every night a Jenkins job runs the registry health check for each of our registries and fails the build on the first error. Since Tuesday it fails for crrowan:

```text
[Pipeline] { (Health crrowan)
[Pipeline] sh
+ az acr check-health --name crrowan --yes
Docker daemon status: available
Docker version: 'Docker version 27.3.1, build ce12230'
Docker pull of 'mcr.microsoft.com/mcr/hello-world:latest' : OK
DNS lookup to crrowan.azurecr.io at IP 10.20.4.9 : OK
Azure CLI version: 2.68.0
CMK_ERROR: The identity used for registry 'crrowan' encryption doesn't exist.
Please refer to https://aka.ms/acr/errors#cmk_error for more information.
[Pipeline] }
[Pipeline] // stage
ERROR: script returned exit code 1
Finished: FAILURE
```

On Monday the cloud team ran a clean-up that deleted managed identities nobody had claimed, and id-rowan-acr was on their list. kv-rowan uses RBAC. What exactly is the check telling us, and how do we repair crrowan without rebuilding it?""",
canonical=[T + "check-health-reports-cmk_error"],
related=[L + "az-acr-check-health-and-cmk_error", I + "switch-to-the-registrys-system-assigned-identity-after-creation", T + "registry-identity-is-inactive-or-expired"],
facts=["Typically that identity was deleted, or it is no longer attached to the registry."],
answer_facts=["the registry cannot reach the managed identity", "rotate the key onto a different identity"],
truth="That az acr check-health line means crrowan can no longer reach the identity its encryption is configured with; here id-rowan-acr was deleted, so there is nothing to attach again (re-attaching only helps when the identity still exists). Move the encryption onto an identity that exists and can use the key: turn on the system-assigned identity with az acr identity assign -n crrowan --identities '[system]', read its principal ID with az acr identity show, grant it Key Vault Crypto Service Encryption User scoped to kv-rowan, then run az acr encryption rotate-key -n crrowan --key-encryption-key <current keyIdentifier> --identity '[system]' and rerun the health check, which should now pass. Ask the cloud team to exclude encryption identities from future clean-ups."),

dict(key="L5", style="long", kind="howto", category="setup", quals=[], flags=["jenkins_console"],
question="""Some of our older teams still run vaults on the access-policy model, so the onboarding pipeline has a separate grant stage for them. It was written from the rotate tutorial and fails every time:

```text
[Pipeline] { (Grant key access)
[Pipeline] sh
+ az keyvault set-policy --name kv-juniper --object-id 6d1f0b2e-93a4-4c57-8e1b-0f2a7c9d4e31 --key-permissions get wrap unwrap
ERROR: az keyvault set-policy: 'wrap' is not a valid value for '--key-permissions'.
[Pipeline] }
[Pipeline] // stage
ERROR: script returned exit code 1
Finished: FAILURE
```

That GUID is id-juniper-acr's principal ID (crjuniper will be created with that identity), and kv-juniper's enableRbacAuthorization is false. What should this stage run so the identity gets exactly what the registry needs, and how do we check the result before the create stage starts?""",
canonical=[S + "option-b-access-policy-on-an-access-policy-vault"],
related=[T + "invalid-key-permission-names-wrap-and-unwrap", A + "grant-access-with-a-key-vault-access-policy", A + "verify-the-identitys-access"],
facts=["The result should contain `get`, `wrapKey` and `unwrapKey` (case may vary)."],
answer_facts=["the permission names are wrapkey and unwrapkey", "wrap and unwrap are rejected"],
truth="Fix the permission names in the az keyvault set-policy call: az keyvault set-policy --name kv-juniper --resource-group <rg> --object-id <principal ID of id-juniper-acr> --key-permissions get unwrapKey wrapKey. The CLI only knows wrapKey and unwrapKey; the tutorial's wrap and unwrap are shorthand and get rejected. Principal ID and access-policy vault are both right. To check before creating crjuniper, query the vault's policies for that object ID, e.g. az keyvault show --name kv-juniper --query \"properties.accessPolicies[?objectId=='<principal ID>'].permissions.keys\", and expect get, wrapKey and unwrapKey in the result."),
# ---- dotnet_exception ----
dict(key="L6", style="long", kind="troubleshoot", category="rotation", quals=[], flags=["dotnet_exception"],
question="""KeyRoller, our small .NET 8 service, creates a new version of each registry key every 90 days through Azure.Security.KeyVault.Keys. It worked for years against access-policy vaults, but on the new RBAC vault kv-cedar2 the first run died:

```text
Unhandled exception. Azure.RequestFailedException: The caller lacks permission for 'Microsoft.KeyVault/vaults/keys/rotate/action' on kv-cedar2.
Status: 403 (Forbidden)
ErrorCode: Forbidden

Content:
{"error":{"code":"Forbidden","message":"The caller lacks permission for 'Microsoft.KeyVault/vaults/keys/rotate/action' on kv-cedar2.","innererror":{"code":"ForbiddenByRbac"}}}

Headers:
x-ms-keyvault-service-version: 1.9.2141.1
x-ms-keyvault-region: westeurope
Content-Type: application/json; charset=utf-8

   at Azure.Core.HttpPipelineExtensions.ProcessMessageAsync(HttpPipeline pipeline, HttpMessage message, RequestContext requestContext, CancellationToken cancellationToken)
   at Azure.Security.KeyVault.Keys.KeyClient.RotateKeyAsync(String name, CancellationToken cancellationToken)
   at KeyRoller.Program.Main(String[] args) in /src/KeyRoller/Program.cs:line 41
```

To keep things simple we gave KeyRoller's managed identity the role crcedar's identity already holds on kv-cedar2, Key Vault Crypto Service Encryption User. Which role does a rotation service like this need on an RBAC vault, and should the registry's identity get the same?""",
canonical=[S + "option-a-azure-rbac-role-on-an-rbac-vault"],
related=[T + "operator-cannot-create-the-key-in-an-rbac-vault", K + "rotate-immediately-with-az-keyvault-key-rotate", A + "your-own-permissions-to-create-keys-in-an-rbac-vault"],
facts=["On an RBAC vault the caller needs Key Vault Crypto Officer"],
answer_facts=["you also need a data-plane role yourself", "grants more than the registry needs"],
truth="A data-plane key role such as Key Vault Crypto Officer on kv-cedar2 for KeyRoller's identity: the ForbiddenByRbac answer comes from rotating a key (keys/rotate) with a role that only lets its holder read the key and wrap and unwrap with it. Assign Crypto Officer scoped to the vault (az role assignment create --assignee-object-id <KeyRoller principal ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Officer\" --scope <kv-cedar2 resource ID>), wait a few minutes, and rerun. crcedar's identity should keep Key Vault Crypto Service Encryption User only; neither Crypto Officer nor Key Vault Crypto User is needed by the registry, and both would grant it more than it uses."),

dict(key="L7", style="long", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=["dotnet_exception"],
question="""KeyRoller (our .NET rotation service) also sets a rotation policy on each registry key. After crspruce's key moved to the Managed HSM hsm-spruce, the policy step started failing, although the same P14D policy is accepted on our vault keys:

```text
Unhandled exception. Azure.RequestFailedException: The rotation policy is invalid: the automatic rotation interval is shorter than permitted.
Status: 400 (Bad Request)
ErrorCode: BadParameter

Content:
{"error":{"code":"BadParameter","message":"The rotation policy is invalid: the automatic rotation interval is shorter than permitted."}}

   at Azure.Security.KeyVault.Keys.KeyClient.UpdateKeyRotationPolicyAsync(String keyName, KeyRotationPolicy policy, CancellationToken cancellationToken)
   at KeyRoller.PolicySync.ApplyAsync(String keyName) in /src/KeyRoller/PolicySync.cs:line 58
```

What is the shortest automatic rotation interval we can set on a Managed HSM key, and are there other Managed HSM rotation limits we should build into KeyRoller before it handles crspruce's key?""",
canonical=[M + "rotate-a-managed-hsm-key"],
related=[K + "create-a-new-version-in-a-managed-hsm", K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", K + "how-often-to-rotate"],
facts=["Managed HSM Crypto User is enough for both."],
answer_facts=["more often than every 28 days", "at most 100 versions"],
truth="28 days: a Managed HSM rotation policy cannot rotate a key more often than that (the 7-day minimum applies to key vaults only), so P14D comes back as BadParameter; use P28D or a longer interval. Two more Managed HSM rules for KeyRoller: a rotation policy has to exist on the key before on-demand rotation works, and a key can hold at most 100 versions. Managed HSM Crypto User covers both the policy and the rotation. crspruce itself needs nothing new: with a versionless key URI it moves to each new version within an hour, and its local role at /keys/<key> covers every version of that key."),

dict(key="L8", style="long", kind="howto", category="recovery", quals=[], flags=["dotnet_exception", "two_facts"],
question="""Since yesterday afternoon nothing can be pulled from cralder. It turns out a clean-up deleted kek-alder from kv-alder (soft delete with 90 days retention, no purge protection). Our .NET tool EnsureKey, which re-creates missing registry keys, then tried to fix it on its own:

```text
Unhandled exception. Azure.RequestFailedException: Key kek-alder is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the key can only be recovered or purged.
Status: 409 (Conflict)
ErrorCode: Conflict

Content:
{"error":{"code":"Conflict","message":"Key kek-alder is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the key can only be recovered or purged.","innererror":{"code":"ObjectIsDeletedButRecoverable"}}}

   at Azure.Security.KeyVault.Keys.KeyClient.CreateRsaKeyAsync(CreateRsaKeyOptions rsaKeyOptions, CancellationToken cancellationToken)
   at EnsureKey.Program.Main(String[] args) in /src/EnsureKey/Program.cs:line 27
```

Someone suggested teaching EnsureKey to purge the deleted key and then create a fresh kek-alder. Is that a good idea, or how should we get cralder back?""",
canonical=[V + "recover-a-deleted-key", T + "key-vault-or-key-was-deleted"],
related=[V + "how-purge-protection-protects-the-registry", V + "what-revocation-does-to-the-registry", O + "soft-delete-and-purge-protection-on-the-key-vault"],
facts=["A deleted key stays recoverable for the vault's soft-delete retention period (7 to 90 days, 90 by default)."],
answer_facts=["once the key is back", "purging is irreversible"],
truth="Recover the key, never purge it: ObjectIsDeletedButRecoverable says kek-alder is only soft-deleted, so az keyvault key recover --vault-name kv-alder --name kek-alder brings back the same key with all its versions, after which cralder's pulls and pushes resume without any registry command; the identity's access on kv-alder was not touched by the delete. Purging is irreversible, and a fresh key under the old name would be new key material that cannot unwrap what cralder already stores, so the content would stay unreadable. Change EnsureKey to stop on a deleted-but-recoverable key (or recover it) instead of creating one, and turn on purge protection for kv-alder."),

dict(key="L9", style="long", kind="troubleshoot", category="network", quals=[], flags=["dotnet_exception"],
question="""On Friday kv-poplar was locked down: public traffic is now refused, and only trusted Azure services may pass. crpoplar carries on pulling and pushing without a problem. Our KeyInventory job (.NET, runs on a self-hosted agent at 198.51.100.40 and reports key expiry dates) has failed ever since:

```text
Unhandled exception. Azure.RequestFailedException: Request from 198.51.100.40 was blocked by the firewall of vault kv-poplar.
Status: 403 (Forbidden)
ErrorCode: Forbidden

Content:
{"error":{"code":"Forbidden","message":"Request from 198.51.100.40 was blocked by the firewall of vault kv-poplar.","innererror":{"code":"ForbiddenByFirewall"}}}

   at Azure.Security.KeyVault.Keys.KeyClient.GetPropertiesOfKeysAsync(CancellationToken cancellationToken)+MoveNext()
   at KeyInventory.Worker.ExecuteAsync(CancellationToken stoppingToken) in /src/KeyInventory/Worker.cs:line 33
```

Since the registry is fine, how do we let KeyInventory back in without opening kv-poplar to everyone again?""",
canonical=[N + "allow-your-own-clients-through-the-vault-firewall"],
related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", N + "allow-trusted-services-and-deny-other-traffic", N + "the-vault-firewall-covers-the-data-plane-only"],
facts=["The registry itself gets through via the trusted-services bypass, not via an IP rule."],
answer_facts=["these rules are for your clients", "ip ranges or subnets as network rules"],
truth="Add a network rule for the agent and leave the rest as it is: az keyvault network-rule add --name kv-poplar --resource-group <rg> --ip-address 198.51.100.40 (or the agents' subnet, with the Microsoft.KeyVault service endpoint on it). ForbiddenByFirewall means the vault's firewall rejected that client address; the trusted-services bypass only lets Azure services such as Container Registry through, never your own agents or laptops, which is why crpoplar is unaffected. Keep the default action Deny and the AzureServices bypass, and check the result with az keyvault show --name kv-poplar --query properties.networkAcls."),

dict(key="L10", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["dotnet_exception"],
question="""A tidy-up script deleted kek-willow from our Managed HSM hsm-willow this morning, and crwillow has been unusable since. Our .NET ops tool tried to recover the key, running as the platform automation principal, which holds the local role Managed HSM Crypto User on /keys:

```text
Unhandled exception. Azure.RequestFailedException: Operation not allowed: the caller has no permission to recover deleted keys in this HSM.
Status: 403 (Forbidden)
ErrorCode: Forbidden

Content:
{"error":{"code":"Forbidden","message":"Operation not allowed: the caller has no permission to recover deleted keys in this HSM."}}

   at Azure.Security.KeyVault.Keys.KeyClient.StartRecoverDeletedKeyAsync(String name, CancellationToken cancellationToken)
   at OpsTool.Commands.RecoverKey.RunAsync(String name) in /src/OpsTool/Commands/RecoverKey.cs:line 19
```

Which Managed HSM role does recovering the deleted key take? And a colleague asks whether it would be quicker to purge it and give crwillow a new key instead; is there any reason not to?""",
canonical=[M + "recover-a-deleted-managed-hsm-key-or-hsm"],
related=[V + "recover-a-deleted-managed-hsm", T + "key-vault-or-key-was-deleted", V + "what-revocation-does-to-the-registry"],
facts=["HSM and key names stay reserved while they are soft-deleted."],
answer_facts=["needs managed hsm crypto officer", "purging removes it for good"],
truth="Managed HSM Crypto Officer: recovering a deleted key in a Managed HSM needs that local role, and Crypto User (enough to create or delete keys) is not sufficient, hence the 403 Forbidden. Have an HSM administrator grant it to the automation principal or run az keyvault key recover --hsm-name hsm-willow --name kek-willow as someone who holds it; once the key is back, crwillow can use it again. Do not purge: purging removes kek-willow for good, and a new key cannot unwrap the content crwillow already holds, so its images would be lost. Purge protection on hsm-willow would stop that from ever being possible."),
# ---- nodejs_error ----
dict(key="L11", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["nodejs_error", "two_facts"],
question="""Our Node.js provisioning script (Azure SDK for JavaScript) first makes the registry key in hsm-maple, our Managed HSM, then gives the registry identity its local encryption role on /keys/kek-maple, waits ten minutes and finally creates crmaple. That last step fails:

```text
RestError: The key 'https://hsm-maple.managedhsm.azure.net/keys/kek-maple' does not permit the wrapKey operation that registry encryption relies on.
    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)
    at async createRegistry (/work/provision/src/registry.mjs:61:5)
    at async main (/work/provision/src/index.mjs:22:3) {
  code: 'InvalidKeyOperations',
  statusCode: 400
}
```

Looking at the script, the key options were copied from our signing-key helper, so the key was created as RSA-HSM with keyOps ['sign', 'verify']. Which key should crmaple end up with from the Managed HSM: can kek-maple be repaired, or does it have to be a new one?""",
canonical=[T + "managed-hsm-key-has-the-wrong-type-or-operations", M + "requirements-for-a-managed-hsm-key-store"],
related=[M + "rotate-a-managed-hsm-key", K + "create-a-new-version-in-a-managed-hsm", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
facts=["The identity's role, scoped to the key, covers the new version"],
answer_facts=["the role assignment alone does not help", "every key is hsm-backed"],
truth="kek-maple can stay in the Managed HSM: it is already RSA-HSM, and only its permitted operations are wrong, so add a new version of the same key that allows wrapKey and unwrapKey (az keyvault key create --hsm-name hsm-maple --name kek-maple --kty RSA-HSM --ops wrapKey unwrapKey). The identity's local role at /keys/kek-maple covers the new version, so no new assignment is needed, and the role alone could never have helped while the key refused wrapping. Then let the script create crmaple with the versionless URI https://hsm-maple.managedhsm.azure.net/keys/kek-maple and fix the copied key options so that keys for registries always carry wrapKey and unwrapKey. A new key name would only be needed if the key type itself were wrong."),

dict(key="L12", style="long", kind="troubleshoot", category="keys", quals=["oct2026"], flags=["nodejs_error"],
question="""Our security policy now asks for HSM-backed keys for everything that encrypts data at rest, so I changed our Node.js key script to create the registry key for crholly as RSA-HSM. The vault kv-holly was created last year with the defaults. The script now stops right away:

```text
RestError: HSM-protected key types are not available for a vault on the standard pricing tier.
    at async createKey (/opt/keys/lib/keys.mjs:12:21)
    at async rotate (/opt/keys/rotate.mjs:40:17) {
  code: 'BadParameter',
  statusCode: 400
}
```

With plain RSA the same script works. Do we have to rebuild kv-holly on a different tier to get an HSM-backed key for crholly, or is there another way to satisfy the policy?""",
canonical=[O + "rsa-hsm-keys-need-a-premium-key-vault"],
related=[T + "rsa-hsm-key-creation-fails-in-a-standard-vault", O + "managed-hsm-keys", M + "requirements-for-a-managed-hsm-key-store"],
facts=["`--protection hsm` together with `--kty RSA` has the same effect as `--kty RSA-HSM`"],
answer_facts=["supports software-protected rsa keys only", "there is no vault sku involved"],
truth="An RSA-HSM key needs a Premium key vault; kv-holly was created on the default Standard tier, which supports software-protected RSA keys only, hence the refusal. Either create a new vault with --sku premium (plus --enable-purge-protection) and make the RSA-HSM key there, then point crholly at it with az acr encryption rotate-key after giving its identity access to the new vault, or keep the key in a Managed HSM, where every key is HSM-backed and there is no vault SKU to think about; Managed HSM has been a documented CMK key store since the October 2026 revision of the tutorials. Plain RSA keeps working for the registry if the policy lets you stay on it."),

dict(key="L13", style="long", kind="value", category="setup", quals=["iac"], flags=["nodejs_error"],
question="""We create registries from a Node.js tool built on the JavaScript management SDK for Container Registry, mirroring the ARM template we used before. For crlinden the create call fails:

```text
RestError: Encryption identity '4b7e2c90-1d3a-4f65-9a8e-5c0b7d2e6f14' is not among the identities attached to registry 'crlinden'.
    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)
    at async createCmkRegistry (/srv/acrtool/lib/create.js:88:3)
    at async main (/srv/acrtool/bin/acrtool.js:17:5) {
  code: 'InvalidEncryptionIdentity',
  statusCode: 400
}
```

The request sets identity.type to UserAssigned with id-linden-acr, and encryption.keyVaultProperties.identity to the principal ID we get from az identity show, since that's the value our role assignment used. In the ARM model, which of the identity's values belongs in keyVaultProperties.identity, and what must the keys of userAssignedIdentities be?""",
canonical=[C + "arm-template-json-propertiesencryption-and-keyvaultproperties"],
related=[I + "which-identity-value-goes-where", C + "api-versions-that-support-registry-encryption", S + "set-up-cmk-with-an-arm-template"],
facts=["Do not copy the read-only properties into a template."],
answer_facts=["client id of the identity", "object keyed by identity resource ids"],
truth="The client ID: keyVaultProperties.identity must hold id-linden-acr's client ID, not its principal ID and not its resource ID, which is why the service finds no matching user-assigned identity on crlinden. identity.userAssignedIdentities is an object keyed by the identity's full resource ID, with an empty object as the value. The principal ID only belongs in the key access grant (role assignment or access policy). Read the client ID with az identity show --query clientId, keep keyVaultProperties.keyIdentifier as the key URI, and leave out the read-only fields (versionedKeyIdentifier, keyRotationEnabled, lastKeyRotationTimestamp)."),

dict(key="L14", style="long", kind="howto", category="keys", quals=[], flags=["nodejs_error"],
question="""We're consolidating keys: a Node.js migration script moves each registry from its old vault to a key in the new RBAC vault kv-elm, using the registries update call with the new keyIdentifier and the unchanged identity. The first registry, crelm12, failed:

```text
RestError: Registry 'crelm12' could not read key 'https://kv-elm.vault.azure.net/keys/kek-elm12' with its encryption identity; access was denied by the key vault.
    at async moveKey (/home/ci/migrate/move-key.mjs:54:7)
    at async main (/home/ci/migrate/index.mjs:9:3) {
  code: 'KeyVaultAccessDenied',
  statusCode: 403
}
```

crelm12 still runs on its old key, and its identity id-elm12-acr has worked with the old vault for two years. What must the script do for each registry before it switches the key over to kv-elm?""",
canonical=[A + "access-to-a-key-in-a-second-key-vault"],
related=[K + "move-to-a-different-key-or-to-a-key-in-another-vault", A + "grant-access-with-an-azure-rbac-role", K + "manual-rotation-with-az-acr-encryption-rotate-key"],
facts=["New role assignments can take a few minutes to take effect."],
answer_facts=["access is granted per vault", "unable to reach its key"],
truth="Grant the registry's identity access in kv-elm first, because access is granted per vault and the old vault's grant means nothing there; the key vault denied id-elm12-acr, and switching anyway would leave crelm12 unable to reach its key. For each registry: look up the identity's principal ID, run az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <kv-elm resource ID>, wait a few minutes, then switch (the update call, or az acr encryption rotate-key --key-encryption-key <new key URI>). Keep the old vault's access until az acr encryption show reports the new key."),

dict(key="L15", style="long", kind="why", category="limits", quals=[], flags=["nodejs_error"],
question="""For our audit trail a nightly Node.js job downloads the ACR Tasks run logs of all our registries. On crwalnut, which we set up with our own key this spring, every run older than about a day fails:

```text
RestError: The log of run 'cb3f' is no longer available.
    at async fetchRunLog (/jobs/tasklogs/fetch.js:71:18)
    at async exportRegistry (/jobs/tasklogs/export.js:40:7)
    at async Promise.all (index 3) {
  code: 'RunLogNotFound',
  statusCode: 404
}
```

Runs from this morning download fine, and on our other registries the job collects logs that are weeks old. Why does crwalnut lose its run logs so quickly?""",
canonical=[T + "task-run-logs-disappear-after-24-hours"],
related=[L + "acr-tasks-run-logs-are-kept-for-only-24-hours", L + "export-task-run-logs-before-they-expire", L + "feature-compatibility-summary"],
facts=["This is a documented limitation of CMK registries, not a fault."],
answer_facts=["keeps run logs for only 24 hours", "already aged out cannot be retrieved"],
truth="Because crwalnut is encrypted with a customer-managed key, and on such registries ACR Tasks keeps run logs for only 24 hours; that is a documented limitation, not a fault of the job, and the docs offer no setting to extend it. Logs older than a day are no longer available and cannot be brought back. Move the export closer to the run: save each run's log with az acr task logs --registry crwalnut --run-id <id> at the end of the pipeline that starts it (or at least within the day), into a file, a storage account or your log platform."),
# ---- mermaid_diagram ----
dict(key="L16", style="long", kind="howto", category="network", quals=[], flags=["mermaid_diagram"],
question="""We locked kv-sequoia down (default action Deny plus the trusted-services bypass) and now the on-call rota worries about incidents at night. This is how we understand the paths:

```mermaid
flowchart LR
    oncall[On-call laptop] -->|firewall settings and role assignments| arm[Resource Manager]
    arm --> settings[kv-sequoia settings]
    oncall -.->|new key version| data[kv-sequoia data plane]
    registry[crsequoia] -->|wrap and unwrap as trusted service| data
    agent[release agent] -->|scheduled key versions| data
```

The release agent's address is in the vault's network rules; the on-call laptops are at home on changing addresses. During an incident, which of these arrows still work from a laptop at home, and how should the on-call person add a key version for crsequoia if they really must?""",
canonical=[N + "the-vault-firewall-covers-the-data-plane-only"],
related=[N + "allow-your-own-clients-through-the-vault-firewall", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", K + "create-a-new-version-with-az-keyvault-key-create"],
facts=["So a locked vault's network settings can still be corrected from any network"],
answer_facts=["do not pass through that filter", "only works from an allowed network"],
truth="Everything that goes through Resource Manager keeps working from home: the vault firewall only filters calls to kv-sequoia's own data plane, so firewall settings, role assignments and access policies can be changed from any network. The dashed arrow from the On-call laptop straight to the data plane is blocked, because creating a key version is a data-plane call and the laptop's address isn't allowed. For an emergency version, either run az keyvault key create (or az keyvault key rotate) on the release agent, or add the laptop's current address with az keyvault network-rule add --name kv-sequoia --ip-address <address> and remove it afterwards. crsequoia itself keeps its path through the trusted-services bypass in any case."),

dict(key="L17", style="long", kind="yes", category="limits", quals=["hsm", "oct2026"], flags=["mermaid_diagram"],
question="""crpine is about to get two more replicas, and its key lives in a single Managed HSM, hsm-pine, in West Europe. The architecture board drew it like this:

```mermaid
flowchart TB
    home[crpine-weu] --> neu[crpine-neu]
    home --> sdc[crpine-sdc]
    home -->|wrap and unwrap| hsm[hsm-pine]
    neu -.->|same key| hsm
    sdc -.->|same key| hsm
```

The board's question: is geo-replication supported for a registry encrypted with a key from one Managed HSM, and what do the ACR docs want us to do about the HSM sitting in a single region?""",
canonical=[L + "geo-replication-works-with-cmk"],
related=[L + "geo-replication-with-a-managed-hsm-key", M + "limits-and-open-points-with-managed-hsm", L + "managed-hsm-is-not-available-everywhere"],
facts=["If the key is in a Managed HSM, plan the HSM's own recovery (security domain, backups, region availability) separately"],
answer_facts=["a geo-replicated premium registry can be encrypted", "no other cmk-specific geo-replication limit"],
truth="Yes: geo-replication and a customer-managed key go together on Premium, and a Managed HSM is a supported key store for it, so crpine-neu and crpine-sdc can be added. The geo-replication article's only CMK advice is to follow Key Vault's failover and redundancy (disaster-recovery) guidance; it hasn't been updated for Managed HSM, so plan hsm-pine's own recovery (security domain, backups, availability in its region) yourselves. Every replica depends on that one key store, as the drawing shows; beyond this the docs state no other CMK-specific limit for geo-replication."),

dict(key="L18", style="long", kind="undocumented", category="recovery", quals=[], flags=["mermaid_diagram"],
question="""Our incident playbook wants a quick way to freeze craspen when we suspect a compromise, without deleting anything. The idea is to disable the key version in Key Vault, because re-enabling it later is a single command:

```mermaid
sequenceDiagram
    participant SecOps
    participant KV as kv-aspen
    participant ACR as craspen
    SecOps->>KV: disable the current version of kek-aspen
    ACR->>KV: unwrap on the next pull
    KV-->>ACR: refused
    SecOps->>KV: enable the version again
    ACR->>KV: unwrap
```

What will craspen actually do while the version is disabled, and is disabling the key an officially supported way to revoke a registry's key?""",
canonical=[V + "disabling-the-key-instead-a-key-vault-option-not-in-the-acr-docs"],
related=[T + "key-is-disabled-or-expired", V + "what-revocation-does-to-the-registry", V + "revoke-by-deleting-the-rbac-role-assignment"],
facts=["Re-enable with `--enabled true`."],
answer_facts=["makes it unusable for cryptographic operations", "not list disabling or expiring the key"],
truth="Not documented: the ACR articles do not list disabling (or expiring) the key as a way to revoke, so what craspen does while the version is disabled is not described. Key Vault refuses every cryptographic operation with a disabled version, so expect the refused unwrap from kv-aspen in your drawing and craspen to behave as if revoked, and expect the SecOps re-enable step (az keyvault key set-attributes --enabled true) to bring it back; test that in a non-production registry before the playbook relies on it. The documented ways to revoke are removing the identity's access to the key or deleting the key, both of which block all registry data until they are undone."),

dict(key="L19", style="long", kind="howto", category="identity", quals=["hsm", "oct2026"], flags=["mermaid_diagram"],
question="""crfir encrypts with the user-assigned identity id-fir-acr and a versionless key in our Managed HSM hsm-fir. We want it on its system-assigned identity before id-fir-acr's subscription is closed. This is the change plan someone drew up:

```mermaid
sequenceDiagram
    participant Ops
    participant ACR as crfir
    participant HSM as hsm-fir
    Ops->>ACR: turn on the system-assigned identity
    Ops->>ACR: detach id-fir-acr
    Ops->>HSM: give the new principal access
    Ops->>ACR: rotate-key with the system identity
```

Is this order safe for crfir? And what access exactly does the new principal need in the Managed HSM, and who has to create it?""",
canonical=[I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
related=[K + "rotate-with-a-different-identity-or-the-system-assigned-identity", M + "local-rbac-roles-for-acr-encryption", A + "grant-access-to-a-key-in-a-managed-hsm"],
facts=["Confirm that `keyVaultProperties.identity` now reads `system`"],
answer_facts=["removing it earlier cuts the registry off", "acr does not create this for you"],
truth="Move the detach step to the very end: detaching id-fir-acr before the switch cuts crfir off from its key. Turn on the system-assigned identity of crfir, read its principal ID (az acr identity show --query principalId), and have someone with Managed HSM Administrator, Crypto Officer or Policy Administrator give that principal the local role Managed HSM Crypto Service Encryption User at /keys/<key> in hsm-fir (az keyvault role assignment create --hsm-name hsm-fir with --assignee-principal-type MSI); ACR never creates it. Then run az acr encryption rotate-key -n crfir --key-encryption-key <the versionless hsm-fir key URI> --identity '[system]', check that keyVaultProperties.identity reads system, and only after that detach id-fir-acr."),

dict(key="L20", style="long", kind="no", category="recovery", quals=[], flags=["mermaid_diagram"],
question="""We're reviewing the disaster-recovery runbook for crhornbeam in case someone deletes its vault. The runbook author drew it like this:

```mermaid
flowchart LR
    alert[deletion alert] -->|step 1| listing[deleted vault listing]
    listing -->|step 2 create it again| vault[kv-hornbeam]
    vault -->|step 3 import key backup| key[kek-hornbeam]
    key -->|step 4 point the registry at it| registry[crhornbeam]
```

Step 2 creates a fresh kv-hornbeam in the same resource group straight away so that nothing else has to change. Can we create a vault with that name while the deleted one is still soft-deleted, or does the runbook need a different path?""",
canonical=[V + "recover-a-deleted-key-vault"],
related=[V + "re-create-rbac-role-assignments-after-recovering-a-vault", T + "key-vault-or-key-was-deleted", V + "how-purge-protection-protects-the-registry"],
facts=["A deleted key vault can be recovered too."],
answer_facts=["the vault name stays reserved", "together with its keys"],
truth="No: the name kv-hornbeam stays reserved while the deleted vault sits in soft delete, so step 2 would fail, and it isn't needed anyway. Recover the deleted vault instead (az keyvault list-deleted --resource-type vault, then az keyvault recover --name kv-hornbeam), which brings it back together with its keys, so kek-hornbeam returns and crhornbeam can read its content again without steps 3 and 4. One step has to be added: a recovered vault does not get its Azure role assignments back, so create the registry identity's Key Vault Crypto Service Encryption User assignment again if kv-hornbeam uses RBAC."),
# ---- make_error (long) ----
dict(key="L21", style="long", kind="troubleshoot", category="setup", quals=[], flags=["make_error", "two_facts"],
question="""Our platform Makefile builds all resource names from the team and the environment, following the company naming standard (dashes between parts). Creating the first CMK registry for the mulberry team fails:

```text
$ make acr-create TEAM=mulberry ENV=dev
az acr create --resource-group rg-mulberry-dev --name cr-mulberry-dev --sku Premium --identity id-mulberry-acr --key-encryption-key https://kv-mulberry-dev.vault.azure.net/keys/kek-mulberry
ERROR: Registry name cannot contain dashes.
make: *** [Makefile:23: acr-create] Error 1
```

The vault, the key and the identity were created by earlier targets with the same pattern and all exist. Which naming rule are we breaking here, and is it the CLI or Azure that refuses the name?""",
canonical=[S + "before-you-start-variables-and-prerequisites", S + "rules-that-az-acr-create-enforces-for-cmk"],
related=[T + "acr-create-needs-both-identity-and-key", S + "step-7-create-the-premium-registry-with-the-customer-managed-key", I + "create-the-user-assigned-identity-and-capture-its-ids"],
facts=["Key vault names are globally unique too (3 to 24 characters, letters, digits and dashes)."],
answer_facts=["5 to 50 lowercase letters and digits", "registry names with uppercase letters or dashes"],
truth="The registry name rule: a registry name must be 5 to 50 lowercase letters and digits, globally unique, with no dashes and no uppercase, and it is the CLI that refuses it, before anything is sent to Azure. Vault and identity names may keep their dashes (vault names allow 3 to 24 letters, digits and dashes), so only the registry pattern has to change, e.g. crmulberrydev instead of cr-mulberry-dev in the acr-create target. The rest of the command (Premium, the identity, the key URI) can stay as it is."),
# ---- plain long posts ----
dict(key="L22", style="long", kind="no", category="iac", quals=["iac"], flags=[],
question="""Compliance flagged crbeech, created in 2024 without a customer-managed key. A colleague put an `encryption` block (plus a user-assigned identity) into the existing Terraform resource, and the plan only shows an in-place update:

```text
  ~ resource "azurerm_container_registry" "main" {
        id   = "/subscriptions/0b7c.../resourceGroups/rg-beech/providers/Microsoft.ContainerRegistry/registries/crbeech"
        name = "crbeech"
      + encryption {
          + identity_client_id = "8c2d51f0-6e3b-4a7d-b9c4-1f0e2a7d5c63"
          + key_vault_key_id   = "https://kv-beech.vault.azure.net/keys/kek-beech"
        }
      ~ identity {
          ~ type         = "SystemAssigned" -> "UserAssigned"
          + identity_ids = [ ... ]
        }
    }
```

Terraform replaces nothing and destroys nothing, and crbeech holds about 900 GB of images we can't lose. If we apply this, will crbeech simply switch to our key with all its images intact?""",
canonical=[C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep"],
related=[O + "moving-an-existing-registry-to-cmk", O + "cmk-can-only-be-enabled-when-the-registry-is-created", T + "key-rotation-fails-on-a-registry-without-cmk"],
facts=["ACR accepts a customer-managed key only when the registry is created."],
answer_facts=["plans an in-place update", "every image in it"],
truth="No: ACR only accepts a customer-managed key while a registry is being created. azurerm doesn't mark encryption as forcing replacement, so the plan shows an in-place update, but the service is expected to reject it at apply (the exact error isn't documented), and crbeech stays as it is. Forcing it with terraform apply -replace would delete crbeech and every image in it. The safe route is a second, CMK-enabled registry under a new name in the same configuration, copying the images over with az acr import, switching clients, and removing crbeech only at the end."),

dict(key="L23", style="long", kind="howto", category="iac", quals=["iac"], flags=["two_facts"],
question="""We deploy crivy with the AVM Terraform module and want automatic key rotation. The relevant part:

```hcl
module "registry" {
  version = "0.5.1"
  source  = "Azure/avm-res-containerregistry-registry/azurerm"
  name    = "crivy"
  customer_managed_key = {
    key_version            = null
    key_name               = local.ivy_key_name
    key_vault_resource_id  = local.ivy_vault_id
    user_assigned_identity = { resource_id = local.ivy_identity_id }
  }
  sku     = "Premium"
}
```

Even with key_version left null, az acr encryption show reports a keyIdentifier with a version at the end and keyRotationEnabled false. How do we get crivy onto automatic rotation with the module? And if we dropped AVM and wrote azurerm_container_registry ourselves, which azurerm_key_vault_key attribute belongs in key_vault_key_id?""",
canonical=[C + "avm-terraform-module-customer_managed_key-variable", C + "automatic-key-rotation-in-terraform-versionless_id-vs-id"],
related=[C + "terraform-azurerm_container_registry-encryption-block", K + "versioned-and-versionless-key-ids", K + "switch-from-manual-to-automatic-rotation"],
facts=["v0.3.0-v0.5.1 always used the versioned `id` and ignored `key_version`."],
answer_facts=["the module uses the key's versionless_id", "an arm id, not a key uri"],
truth="Upgrade the module to 0.6.0 or later: versions 0.3.0 to 0.5.1 always passed the key's versioned id and ignored key_version, which is what pins crivy now, while from 0.6.0 the module uses the key's versionless_id unless key_version is set, so keep key_version null and apply; afterwards keyRotationEnabled should read true. Note that 0.6.0 and later need azurerm >= 4.81.0 and < 5.0.0, and the identity must also be listed in managed_identities.user_assigned_resource_ids. Without AVM, use the versionless_id attribute of your azurerm_key_vault_key resource; id pins the version, and resource_versionless_id or resource_id are ARM IDs that key_vault_key_id rejects."),

dict(key="L24", style="long", kind="undocumented", category="limits", quals=[], flags=[],
question="""FinOps noticed that crchestnut only runs Premium because of its customer-managed key. Its geo-replications were removed last quarter and it stores well under the Standard limit. Current state:

```json
{
  "name": "crchestnut",
  "sku": { "name": "Premium", "tier": "Premium" },
  "encryption": {
    "status": "enabled",
    "keyVaultProperties": { "keyIdentifier": "https://kv-chestnut.vault.azure.net/keys/kek-chestnut" }
  }
}
```

They want to run `az acr update -n crchestnut --sku Standard` next sprint. Will ACR allow that while CMK is enabled, and if so, what becomes of the encryption of the images crchestnut already stores?""",
canonical=[L + "changing-the-sku-of-a-cmk-registry-is-not-documented"],
related=[O + "cmk-requires-the-premium-sku", O + "cmk-cannot-be-disabled-after-it-is-enabled", T + "cmk-needs-the-premium-tier"],
facts=["Moving down from Premium turns off Premium-only features"],
answer_facts=["do not say whether a cmk-encrypted registry", "ask azure support before attempting a downgrade"],
truth="Not documented: the SKU article lets a registry change tier when the target has enough storage (Premium-only features are switched off on the way down), but the docs do not say whether a CMK-encrypted registry can move from Premium to Standard, nor what would happen to its encryption. What is documented points against it: CMK exists only on Premium and can never be disabled. Don't run the update on crchestnut to find out; ask Azure support before attempting a downgrade, and budget for Premium while the registry exists (or move the images to a new Standard registry without CMK, if compliance allows)."),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="troubleshoot", category="setup", quals=[], flags=["make_error"],
question="`make: *** [Makefile:9: acr-new] Error 2`: acr create wants identity and key together?",
canonical=[T + "acr-create-needs-both-identity-and-key"], related=[S + "rules-that-az-acr-create-enforces-for-cmk", S + "step-7-create-the-premium-registry-with-the-customer-managed-key", I + "create-the-user-assigned-identity-and-capture-its-ids"],
facts=["The CLI configures CMK only when it gets both the user-assigned identity and the key URI"], answer_facts=["passing just one of them is rejected", "look up the identity's resource id"],
truth="The acr-new target gave az acr create only one of --identity and --key-encryption-key; the CLI needs both together and rejects either on its own before anything reaches Azure. Pass the identity's resource ID and the key ID in the same call, with --sku Premium and a lowercase name without dashes."),
dict(key="S2", style="short", kind="value", category="identity", quals=[], flags=["make_error"],
question="`make: *** [Makefile:17: acr-up] Error 1`: which identity id goes into --identity?",
canonical=[S + "step-2-create-a-user-assigned-managed-identity-and-capture-its-ids"], related=[I + "which-identity-value-goes-where", I + "create-the-user-assigned-identity-and-capture-its-ids", T + "acr-create-needs-both-identity-and-key"],
facts=["A user-assigned identity is mandatory at creation time"], answer_facts=["is what az acr create --identity takes", "the access grant in step 4 takes"],
truth="The resource ID (/subscriptions/.../userAssignedIdentities/<name>, from az identity show --query id): that is what az acr create --identity expects, so fix the acr-up target to pass it. The principal ID belongs to the key access grant, and the client ID ends up in the encryption settings on its own."),
dict(key="S3", style="short", kind="howto", category="rotation", quals=["iac"], flags=[],
question="portal path to switch an acr to a different cmk key",
canonical=[K + "rotate-the-key-in-the-azure-portal"], related=[K + "versioned-and-versionless-key-ids", K + "move-to-a-different-key-or-to-a-key-in-another-vault", N + "the-portal-key-picker-and-a-key-store-firewall"],
facts=["**Enter key URI** accepts a Key Vault or a Managed HSM key ID, versioned or versionless."], answer_facts=["select change key", "access to the new key first"],
truth="Open the registry, Settings > Encryption, Change key, then pick the new key with Select from Key Vault (saved without a version, so it keeps rotating) or paste it under Enter key URI, optionally with another identity, and save. Give the identity access to the new key first; for a key in a Managed HSM the portal won't create the local role for you."),
dict(key="S4", style="short", kind="no", category="recovery", quals=[], flags=[], typo="mandetory",
question="is purge protection mandetory on the kv for acr cmk?",
canonical=[O + "requirements-at-a-glance"], related=[O + "soft-delete-and-purge-protection-on-the-key-vault", S + "step-3-create-the-key-vault-with-purge-protection", V + "how-purge-protection-protects-the-registry"],
facts=["Recommended, not required"], answer_facts=["recommended, not required", "on by default for new vaults"],
truth="No: purge protection is recommended, not required; the registry works without it, and soft delete is on by default for new vaults anyway. It is still worth turning on, because it keeps a deleted key or vault recoverable until the retention period ends, but it can never be switched off again."),
dict(key="S5", style="short", kind="undocumented", category="keys", quals=[], flags=[], typo="tommorow",
question="our acr cmk key version expires tommorow, what happens to the registry?",
canonical=[T + "key-is-disabled-or-expired"], related=[V + "disabling-the-key-instead-a-key-vault-option-not-in-the-acr-docs", K + "manual-rotation-with-az-acr-encryption-rotate-key", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["An expiry date (`exp`) behaves differently"], answer_facts=["registry behaviour for expired keys", "still allows unwrap on an expired key"],
truth="Not documented: nothing in the ACR docs says how a registry reacts once the version it uses has expired. Key Vault itself keeps allowing unwrap with an expired version but refuses wrap, so expect partial failures rather than a clean stop, for instance when a rotate-key call needs to wrap. Don't find out: move the expiry date with az keyvault key set-attributes --expires <new date>, or create a new version today and let the registry move to it."),
dict(key="S6", style="short", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="managed hsm key uri for acr cmk in a sovereign cloud, which host?",
canonical=[M + "managed-hsm-key-uris"], related=[O + "the-key-encryption-key-kek-and-its-identifier", T + "managed-hsm-uri-is-not-a-key-uri", K + "versioned-and-versionless-key-ids"],
facts=["The URI must use HTTPS and must point at a **key**."], answer_facts=["differs in other clouds", "take the host from the hsm's hsmuri"],
truth="Whatever the HSM's own hsmUri says: the Managed HSM key URI is https://<hsm-name>.<managed-hsm-dns-suffix>/keys/<key-name>[/<version>], and the suffix managedhsm.azure.net only applies to global Azure. Read it with az keyvault show --hsm-name <hsm> --query properties.hsmUri instead of typing it, and keep it HTTPS and pointing at a key."),
dict(key="S7", style="short", kind="yes", category="network", quals=["hsm", "iac", "oct2026"], flags=[],
question="hsm firewall hides keys in the portal picker, can i paste the uri instead?",
canonical=[M + "key-picker-blocked-by-the-hsm-firewall"], related=[T + "portal-key-picker-cannot-list-keys-behind-the-managed-hsm-firewall", N + "the-portal-key-picker-and-a-key-store-firewall", M + "managed-hsm-firewall-and-trusted-services"],
facts=["The trusted-services exception lets ACR itself through"], answer_facts=["enter key uri with the key id", "a data-plane call made from your browser"],
truth="Yes: choose Enter key URI and paste the Managed HSM key ID. The picker lists keys through a data-plane call from your browser, which the HSM firewall refuses for your address; the trusted-services exception only lets ACR through. Allowing your client IP on the HSM firewall would make the picker work too."),
dict(key="S8", style="short", kind="why", category="keys", quals=[], flags=[],
question="why bother with a cmk when acr already encrypts everything at rest?",
canonical=[O + "why-teams-use-a-customer-managed-key"], related=[O + "what-customer-managed-key-encryption-adds-to-a-registry", O + "default-encryption-at-rest-without-a-cmk", V + "what-revocation-does-to-the-registry"],
facts=["**Regulatory compliance**: the most common driver"], answer_facts=["the most common driver is a rule", "audit how and when it is used"],
truth="Because the default encryption uses keys Microsoft manages, while a CMK adds a layer under your own control: compliance rules that want data at rest protected by a key the organisation controls, control over rotation and over who may use the key, the option to make the content unreadable by revoking access, and auditing of key use in your own vault or Managed HSM."),
dict(key="S9", style="short", kind="howto", category="setup", quals=[], flags=[], typo="explicitely",
question="creating the kv with access policies explicitely on az cli 2.67",
canonical=[S + "step-3-create-the-key-vault-with-purge-protection"], related=[A + "azure-cli-262-and-later-create-rbac-vaults-by-default", S + "option-b-access-policy-on-an-access-policy-vault", A + "which-permission-model-does-my-key-vault-use"],
facts=["Soft delete needs no flag: it is always on."], answer_facts=["decide the permission model now", "the default of azure-cli 2.62 and later"],
truth="Add --enable-rbac-authorization false to az keyvault create (with --enable-purge-protection); since 2.62 the CLI makes RBAC vaults unless told otherwise. Then grant the registry identity get, wrapKey and unwrapKey with az keyvault set-policy, using its principal ID."),
dict(key="S10", style="short", kind="howto", category="identity", quals=[], flags=[],
question="checking the acr identity really has wrapkey on an access-policy kv",
canonical=[A + "verify-the-identitys-access"], related=[A + "grant-access-with-a-key-vault-access-policy", A + "which-permission-model-does-my-key-vault-use", T + "role-assignment-has-no-effect-on-an-access-policy-vault"],
facts=["Access-policy vault: show the key permissions of the identity's policy."], answer_facts=["should contain get, wrapkey and unwrapkey", "key permissions of the identity's policy"],
truth="Query the vault's policy for the identity's principal ID: az keyvault show --name <vault> --query \"properties.accessPolicies[?objectId=='<principal ID>'].permissions.keys\". The list must hold get, wrapKey and unwrapKey (case can differ); role assignments don't count on such a vault."),
dict(key="S11", style="short", kind="howto", category="keys", quals=[], flags=[],
question="safest order to flip a cmk kv from access policies to rbac",
canonical=[A + "changing-an-existing-vaults-permission-model"], related=[A + "grant-access-with-an-azure-rbac-role", A + "which-permission-model-does-my-key-vault-use", T + "role-assignment-has-no-effect-on-an-access-policy-vault"],
facts=["The ACR docs do not discuss switching models."], answer_facts=["the models do not carry over", "the old access policies stop counting"],
truth="Grant first, switch second: give the registry identity Key Vault Crypto Service Encryption User on the vault (and every other app its RBAC role), then run az keyvault update --enable-rbac-authorization true. The models don't carry over, so after the switch the old access policies stop counting and a registry without a role assignment loses its key."),
dict(key="S12", style="short", kind="troubleshoot", category="limits", quals=[], flags=[],
question="enabling content trust fails on our cmk acr, what now?",
canonical=[L + "docker-content-trust-is-being-retired-use-notation"], related=[T + "content-trust-cannot-be-enabled", L + "docker-content-trust-is-not-supported", L + "notation-signatures-on-cmk-registries"],
facts=["the deprecation started on **2025-03-31**"], answer_facts=["dct is removed on 2028-03-31", "notation works on cmk registries"],
truth="Leave content trust off: CMK registries don't support Docker Content Trust, and DCT itself is on its way out of ACR (deprecated since 2025-03-31, removed on 2028-03-31). Move signing to Notation from the Notary Project, e.g. with its Azure Key Vault plug-in; it works on CMK registries, where signatures are kept via the referrers tag schema because the Referrers API isn't available."),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="A1", style="agent", form="context", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["make_error"],
question="Context: after creating kek-tamarack2 in hsm-tamarack we ran our rotation target and got `make: *** [Makefile:31: rotate-hsm] Error 1` from rotate-key. Question: what access does crtamarack's identity need on a new Managed HSM key before the switch?",
canonical=[A + "grant-access-to-a-key-in-a-managed-hsm"], related=[M + "rotate-a-managed-hsm-key", K + "move-to-a-different-key-or-to-a-key-in-another-vault", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
facts=["Local role changes can take several minutes to take effect."], answer_facts=["never create this assignment", "again for any new key"],
truth="Its own local role on that key: Managed HSM Crypto Service Encryption User at /keys/kek-tamarack2, because access in a Managed HSM is granted per key and the assignment for the old key doesn't cover the new one, and ACR never creates it for you. Have an HSM administrator run az keyvault role assignment create --hsm-name hsm-tamarack with the identity's principal ID, --assignee-principal-type MSI and --scope /keys/kek-tamarack2, wait several minutes, then rerun the rotate-hsm target."),
dict(key="A2", style="agent", form="keywords", kind="value", category="iac", quals=["iac"], flags=["make_error"],
question="terraform `make: *** [Makefile:12: tf-apply] Error 1` key_vault_key_id refuses resource_versionless_id, which azurerm_key_vault_key attribute gives automatic rotation",
canonical=[C + "automatic-key-rotation-in-terraform-versionless_id-vs-id"], related=[C + "terraform-azurerm_container_registry-encryption-block", C + "complete-terraform-example-with-key-vault-role-assignment-and-registry", K + "versioned-and-versionless-key-ids"],
facts=["Automatic rotation only follows versions"], answer_facts=["an arm id, not a key uri", "only the first two are key uris"],
truth="versionless_id: key_vault_key_id needs a key URI, and resource_versionless_id (like resource_id) is an ARM ID, which is why the tf-apply target fails. With versionless_id the registry follows new key versions within an hour; id would pin the version it was created with. New versions still have to come from a rotation_policy block on the key or from outside Terraform."),
dict(key="A3", style="agent", form="context", kind="yes", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="Context: our HSM administrators would rather assign the registry identity's role in hsm-cypress once at scope / than per key. Question: does a Managed HSM role assignment at / also give crcypress access to its key?",
canonical=[O + "identity-and-key-access-requirements"], related=[A + "grant-access-to-a-key-in-a-managed-hsm", M + "local-rbac-roles-for-acr-encryption", M + "revoke-access-to-a-managed-hsm-key"],
facts=["There are no access policies, and ACR never creates the assignment for you."], answer_facts=["preferably scoped to the key", "acr never creates the assignment for you"],
truth="Yes: Managed HSM Crypto Service Encryption User assigned at / (or at /keys) also lets crcypress's identity use its key, but it covers every key in hsm-cypress, whereas the docs prefer scoping it to /keys/<key> for least privilege. Whichever scope you pick, you create the assignment yourself, and a later revocation has to delete it at that same scope."),
dict(key="A4", style="agent", form="imperative", kind="howto", category="hsm", quals=["hsm", "iac", "oct2026"], flags=[],
question="Give me the portal steps to create crsumac with its key in our new Managed HSM hsm-sumac, including who has to grant the registry identity access and when",
canonical=[M + "set-up-a-registry-with-a-managed-hsm-key-in-the-azure-portal"], related=[M + "provision-and-activate-the-managed-hsm", S + "set-up-cmk-in-the-azure-portal", M + "local-rbac-roles-for-acr-encryption"],
facts=["Make sure whoever creates the key holds a key-creating local role such as Managed HSM Crypto User."], answer_facts=["nor acr creates the role assignment", "which now lists managed hsms as well"],
truth="First hsm-sumac has to be provisioned and activated, and the person making the key needs a key-creating local role (Managed HSM Crypto User). In the HSM, create or import the key on the Keys page as RSA-HSM with wrapKey and unwrapKey permitted. Next, and before crsumac exists, an HSM administrator opens Local RBAC and gives the user-assigned identity Managed HSM Crypto Service Encryption User on that one key; the portal and ACR never do this part. If the HSM firewall is on, let trusted services through. Finally create crsumac on Premium; on its Encryption tab choose the identity, then either Select from Key Vault (which also lists Managed HSMs and stores the key without a version) or Enter key URI."),
dict(key="A5", style="agent", form="context", kind="no", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="Context: in a revocation drill we deleted crteak's local role at /keys/kek-teak in hsm-teak, but pulls still work, and the identity has a second assignment of that role at /keys. Question: was revoking crteak's Managed HSM role at the key scope alone enough?",
canonical=[M + "revoke-access-to-a-managed-hsm-key"], related=[V + "revoke-access-to-a-key-in-a-managed-hsm", V + "what-revocation-does-to-the-registry", A + "verify-the-identitys-access"],
facts=["Any other local role that includes wrap and unwrap (for example Managed HSM Crypto User) keeps access working too."], answer_facts=["either of those still grants access", "list first to see that scope"],
truth="No: in a Managed HSM the delete at /keys/kek-teak leaves the assignment at /keys untouched, and that one still lets crteak's identity use the key, so the registry keeps working. Delete the role at /keys as well (az keyvault role assignment delete --hsm-name hsm-teak ... --scope /keys), check that no other local role with wrap and unwrap remains, and expect all of crteak's data to be blocked from then on; re-creating the assignment brings it back."),
dict(key="A6", style="agent", form="keywords", kind="why", category="keys", quals=[], flags=[],
question="why the acr cli calls the cmk a key encryption key, --key-encryption-key vs keyidentifier naming",
canonical=[O + "the-key-encryption-key-kek-and-its-identifier"], related=[O + "what-customer-managed-key-encryption-adds-to-a-registry", S + "step-5-create-an-rsa-key-and-capture-its-key-id", C + "arm-template-json-propertiesencryption-and-keyvaultproperties"],
facts=["ARM / REST: `properties.encryption.keyVaultProperties.keyIdentifier`."], answer_facts=["called the key encryption key (kek)", "is the uri of a key"],
truth="Because the customer-managed key isn't used on the image data directly; it protects the keys that are, so the CLI and ARM call it the key encryption key (KEK). --key-encryption-key on az acr create and az acr encryption rotate-key and properties.encryption.keyVaultProperties.keyIdentifier in ARM hold the same value: the HTTPS URI of a key, versioned or versionless, in a vault or a Managed HSM."),
dict(key="A7", style="agent", form="imperative", kind="value", category="identity", quals=[], flags=[],
question="Tell me what the resource ID passed to az acr create --identity looks like for id-acacia-acr, since the tutorial's sample output ends it in /myresourcegroup",
canonical=[I + "create-the-user-assigned-identity-and-capture-its-ids"], related=[I + "which-identity-value-goes-where", S + "step-2-create-a-user-assigned-managed-identity-and-capture-its-ids", T + "acr-create-needs-both-identity-and-key"],
facts=["copy the ID your own `az identity show` returns"], answer_facts=["always the identity's own name", "a slip in the sample"],
truth="/subscriptions/<subscription>/resourceGroups/<resource group>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-acacia-acr: the last segment is always the identity's own name, and the sample's /myresourcegroup ending is a mistake in the tutorial. Take the value from az identity show --name id-acacia-acr --resource-group <rg> --query id --output tsv rather than building it by hand."),
dict(key="A8", style="agent", form="context", kind="troubleshoot", category="network", quals=[], flags=[],
question="Context: since kv-magnolia's firewall went on last night, az acr import into crmagnolia fails with 403 ForbiddenByFirewall, although we then added the trusted-services bypass. Question: what else has to happen before imports work again?",
canonical=[N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry"], related=[T + "http-403-after-enabling-the-key-vault-firewall", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", K + "manual-rotation-with-az-acr-encryption-rotate-key"],
facts=["The documented examples are **image import**"], answer_facts=["same identity and key it already uses", "open an azure support case"],
truth="Re-apply crmagnolia's current key configuration so it re-establishes access: read keyVaultProperties.keyIdentifier and identity from az acr encryption show, then run az acr encryption rotate-key --name crmagnolia --key-encryption-key <that key ID> --identity <that client ID> ('[system]' if it reads system). Check with az keyvault show --query properties.networkAcls that the bypass really is AzureServices; if imports still get 403 afterwards, open a support case."),
dict(key="A9", style="agent", form="context", kind="howto", category="identity", quals=[], flags=["two_facts"],
question="Context: crsassafras encrypts with id-sassafras-old, which lives in a subscription we're closing; id-sassafras-new exists and kv-sassafras uses RBAC. Question: in what order do we move encryption to the new identity without the registry losing its key?",
canonical=[I + "switch-to-a-different-user-assigned-identity", K + "rotate-with-a-different-identity-or-the-system-assigned-identity"],
related=[I + "the-encryption-identity-cannot-simply-be-removed", I + "how-rotate-key-interprets-the---identity-value", T + "removing-the-encryption-identity-fails"],
facts=["attach it, grant it access to the key, then rotate to it"], answer_facts=["only after az acr encryption show reports", "grant it key access first"],
truth="Attach, grant, rotate, verify, detach: az acr identity assign -n crsassafras --identities <id-sassafras-new resource ID>; give its principal ID Key Vault Crypto Service Encryption User on kv-sassafras; az acr encryption rotate-key -n crsassafras --key-encryption-key <current key ID> --identity <id-sassafras-new resource ID>; confirm that az acr encryption show reports the new client ID; only then remove id-sassafras-old and its role."),
dict(key="A10", style="agent", form="keywords", kind="undocumented", category="rotation", quals=[], flags=[],
question="official recommended rotation frequency for an acr cmk key version, how many days microsoft expects between versions",
canonical=[K + "how-often-to-rotate"], related=[K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", K + "automatic-rotation-with-a-versionless-key-id", M + "rotate-a-managed-hsm-key"],
facts=["The docs recommend rotating key versions regularly"], answer_facts=["they give no fixed rotation frequency", "anything from 7 days up"],
truth="Not documented: the ACR docs only say to rotate key versions regularly, on the schedule your own compliance policy sets, and give no number of days. What exists are the key store limits: a Key Vault rotation policy allows anything from 7 days up (a Managed HSM policy 28 days up)."),
dict(key="A11", style="agent", form="imperative", kind="yes", category="rotation", quals=[], flags=[],
question="Confirm that crsycamore, configured with a versionless key ID in kv-sycamore, moves to a freshly created key version on its own, and say how quickly that happens",
canonical=[K + "automatic-rotation-with-a-versionless-key-id"], related=[K + "versioned-and-versionless-key-ids", K + "check-which-key-version-the-registry-uses", K + "how-new-key-versions-are-created"],
facts=["The docs call this automatic key rotation."], answer_facts=["within one hour of it appearing", "it does not create them"],
truth="Yes: with a versionless key ID crsycamore checks kv-sycamore periodically and starts using a new version within one hour of its creation; keyRotationEnabled reads true and versionedKeyIdentifier shows the version in use. It only follows versions, it doesn't make them, and the vault must stay reachable for it (a firewall without the trusted-services bypass breaks this with 403)."),
dict(key="A12", style="agent", form="imperative", kind="howto", category="network", quals=["hsm", "iac", "oct2026"], flags=[],
question="Explain how to choose crwisteria's key during portal creation when Select from Key Vault shows our firewalled Managed HSM hsm-wisteria but lists none of its keys",
canonical=[N + "the-portal-key-picker-and-a-key-store-firewall"], related=[T + "portal-key-picker-cannot-list-keys-behind-the-managed-hsm-firewall", M + "key-picker-blocked-by-the-hsm-firewall", M + "managed-hsm-firewall-and-trusted-services"],
facts=["The ACR tutorials name this for Managed HSM"], answer_facts=["through the key store's data plane", "the trusted-services exception lets acr through"],
truth="Skip the picker and use Enter key URI with the key ID, read from a machine on an allowed network (az keyvault key show --hsm-name hsm-wisteria --name <key> --query key.kid; drop the version for automatic rotation), or allow your client IP on hsm-wisteria's firewall for the duration. The picker lists keys from your browser through the Managed HSM's data plane, and the trusted-services exception only lets ACR itself through, so keep that bypass on for crwisteria."),
]

# ---------------- off-topic ----------------
OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind="off-topic", category=OFF, subject="libreswan", near_miss=True,
question="""Images reach the on-prem registry copy in our plant every night from the cloud registry, over a site-to-site connection between two libreswan hosts. The connection authenticates with a pre-shared key that was set up in 2021 and sits in the secrets file on both hosts, and the auditors now want it replaced. How do we swap that key on the two libreswan hosts so that tonight's image copy isn't interrupted, considering the old key has to stop working everywhere at once?""",
truth="Not covered: changing the pre-shared key of a libreswan site-to-site connection is network administration between your own sites, unrelated to Azure Container Registry's customer-managed key encryption."),
dict(key="X2", style="long", kind="off-topic", category=OFF, subject="keepalived", near_miss=True,
question="""The two nodes in front of our on-prem registry copy share one virtual address through keepalived, and their VRRP advertisements are authenticated with a shared key in the auth_pass setting. That key has been in the config since 2022 and an administrator who knew it has left. How can we change the key on both nodes without the virtual address flapping, or both nodes briefly believing they own it?""",
truth="Not covered: changing the VRRP authentication password of keepalived is load-balancer administration for your own hosts, which the ACR customer-managed key material does not address."),
dict(key="X3", style="long", kind="off-topic", category=OFF, subject="rsyslog", near_miss=True,
question="""The audit log of our container registry is forwarded by an rsyslog relay to the SIEM over TLS. The relay's private key and its certificate expire next month, and the SIEM team also wants a longer key this time. How do we roll a new key and certificate onto the rsyslog relay without dropping or duplicating registry audit events during the switch?""",
truth="Not covered: renewing the TLS key and certificate of an rsyslog relay is log-forwarding administration, not something the ACR customer-managed key docs deal with."),
dict(key="X4", style="long", kind="off-topic", category=OFF, subject="envoy", near_miss=True,
question="""Four Envoy instances terminate TLS for the DNS name of our on-prem registry copy, and session resumption uses ticket keys that each instance loads from a file. Our policy says the ticket key has to change every day. How do we rotate the session ticket key across all four Envoy instances so that clients resuming sessions don't all fall back to full handshakes at the same moment?""",
truth="Not covered: rotating Envoy's TLS session ticket keys is proxy configuration for your own front end; the ACR customer-managed key documentation has nothing on it."),
dict(key="X5", style="long", kind="off-topic", category=OFF, subject="openldap", near_miss=True,
question="""Administrators sign in to the web console of our on-prem registry copy against OpenLDAP, which serves its directory over TLS with a private key generated five years ago. Security wants that slapd key replaced with a 4096-bit one this week. How do we switch slapd to the new key and certificate without the registry console's sign-ins breaking for the clients that cached the old certificate?""",
truth="Not covered: replacing the TLS key of an OpenLDAP server is directory-service administration, outside what the ACR CMK knowledge covers."),
dict(key="X6", style="long", kind="off-topic", category=OFF, subject="foundationdb",
question="""The promotion records of our container registry (which digest went to which stage, who approved it) are kept in a FoundationDB cluster whose processes talk to each other over mutual TLS. The cluster's TLS key was generated when we built it in 2022, and the new crypto policy forbids keys older than three years. How do we rotate the key and certificate of every FoundationDB process without taking the cluster down?""",
truth="Not covered: rotating the TLS credentials of a FoundationDB cluster is database operations work, not encryption of an Azure Container Registry with a customer-managed key."),
dict(key="X7", style="agent", form="context", kind="off-topic", category=OFF, subject="etherpad",
question="Context: we write the runbooks for our container registry together in a self-hosted Etherpad. Question: how do we replace Etherpad's session key without throwing people out of the pads they have open?",
truth="Not covered: replacing the session key of an Etherpad server is collaboration-tool administration and has nothing to do with ACR customer-managed keys."),
dict(key="X8", style="agent", form="imperative", kind="off-topic", category=OFF, subject="freeradius",
question="Explain how to change the shared secret between our FreeRADIUS server and the VPN concentrators without dropping users who are already connected",
truth="Not covered: changing a FreeRADIUS shared secret is network authentication administration that the ACR CMK docs do not touch."),
dict(key="X9", style="agent", form="keywords", kind="off-topic", category=OFF, subject="glpi",
question="glpi encryption key regeneration after a server migration, are the stored inventory passwords still decryptable afterwards or lost",
truth="Not covered: regenerating GLPI's encryption key is IT-asset-tool administration, which lies outside the ACR customer-managed key material."),
dict(key="X10", style="short", kind="off-topic", category=OFF, subject="rocket.chat",
question="rocket.chat e2e encryption key reset for one user, are old messages lost?",
truth="Not covered: resetting a user's end-to-end key in Rocket.Chat concerns a chat product, not ACR customer-managed key encryption."),
dict(key="X11", style="short", kind="off-topic", category=OFF, subject="kimai",
question="kimai app secret change after a leak, do open sessions survive?",
truth="Not covered: changing the app secret of Kimai is time-tracking software administration and is not part of the Azure Container Registry CMK knowledge."),
dict(key="X12", style="short", kind="off-topic", category=OFF, subject="erpnext",
question="erpnext encryption key rotation, are site backups still usable afterwards",
truth="Not covered: rotating the encryption key of an ERPNext site belongs to ERP administration, far from ACR encryption with customer-managed keys."),
]

QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"mandetory": "mandatory", "tommorow": "tomorrow", "explicitely": "explicitly"}
SHAPES = ["two_facts", "make_error", "mermaid_diagram", "nodejs_error", "dotnet_exception", "jenkins_console"]
SEED = 61
ID_PREFIX = "q"

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
SPREAD_SETS = (60, 59)
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
    """(blind61.json text, blind61-meta.json text, blind61-first-canonicals.txt text)"""
    entries, meta = build()
    j = json.dumps(entries, indent=1, ensure_ascii=False) + "\n"
    m = json.dumps(meta, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    f = "\n".join(firsts) + "\n"
    return j, m, f


def main(out=HERE):
    j, m, f = render()
    for name, text in (("blind61.json", j), ("blind61-meta.json", m), ("blind61-first-canonicals.txt", f)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
