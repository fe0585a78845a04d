"""blind57 builder: holds the 60 questions (QUESTIONS) and writes blind57.json, blind57-meta.json and
blind57-first-canonicals.txt. render() returns the three files' exact text (check57.py compares it byte for byte)."""
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
# ---- curl_verbose ----
dict(key="L1", style="long", kind="troubleshoot", category="network", quals=[], flags=["curl_verbose"],
question="""Since Monday the nightly job that mirrors base images into crbasalt with az acr import ends in a 403. The timing matches the security team moving kv-basalt, the vault that holds crbasalt's key, to selected networks. To see what the vault itself answers, I called its data plane from the same build agent:

```text
$ curl -sv "https://kv-basalt.vault.azure.net/keys/basalt-kek?api-version=7.4" -H "Authorization: Bearer $KV_AT"
*   Trying 52.236.189.77:443...
* Connected to kv-basalt.vault.azure.net (52.236.189.77) port 443
> GET /keys/basalt-kek?api-version=7.4 HTTP/2
> Host: kv-basalt.vault.azure.net
> user-agent: curl/8.5.0
> accept: */*
>
< HTTP/2 403
< content-type: application/json; charset=utf-8
< x-ms-keyvault-region: westeurope
< x-ms-keyvault-network-info: conn_type=Ipv4;addr=198.51.100.23;act_addr_fam=InterNetwork;
< x-ms-request-id: 0f6c2a91-3b7e-4d58-9e0c-5a1b7f2d8c44
<
{"error":{"code":"Forbidden","message":"The request came from a client address that the vault's network rules do not allow.","innererror":{"code":"ForbiddenByFirewall"}}}
```

198.51.100.23 is the agent's outbound address. Does the import fail for the same reason as my curl call, and what has to change on kv-basalt so that crbasalt works again without opening the vault to everyone?""",
canonical=[N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry"],
related=[T + "http-403-after-enabling-the-key-vault-firewall", N + "allow-trusted-services-and-deny-other-traffic", N + "allow-your-own-clients-through-the-vault-firewall"],
facts=["If the 403 persists, open an Azure support case."],
answer_facts=["after the registry was encrypted", "with the same identity and key", "open an azure support case"],
truth="Partly: both are refused by the new firewall, but for different callers. The 403 with ForbiddenByFirewall shows that kv-basalt now turns away everything outside its allowed networks. Your agent is refused as an ordinary client; crbasalt is refused because it reaches its key as a trusted Azure service, and the vault no longer lets trusted services through. Fix the registry first and keep the rest closed: az keyvault update --name kv-basalt -g <resource group> --bypass AzureServices --default-action Deny. Then apply crbasalt's current key and identity once more with az acr encryption rotate-key, taking both values from az acr encryption show (pass '[system]' if the identity reads system), and rerun the import. If the 403 stays, open a support case with Azure. The bypass does nothing for the agent itself: if it has to call the vault directly, add 198.51.100.23 as a network rule."),

dict(key="L2", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["curl_verbose"],
question="""Our landing-zone pipeline provisioned gneisshsm, a Managed HSM meant for crgneiss, last week, and the portal shows the resource as Succeeded. Before wiring up the registry I wanted to prove that keys can be created in it, so I sent the create call by hand:

```text
$ curl -sv -X POST "https://gneisshsm.managedhsm.azure.net/keys/gneiss-kek/create?api-version=7.4" -H "Authorization: Bearer $HSM_AT" -H "Content-Type: application/json" -d '{"kty":"RSA-HSM","key_ops":["wrapKey","unwrapKey"]}'
> POST /keys/gneiss-kek/create?api-version=7.4 HTTP/1.1
> Host: gneisshsm.managedhsm.azure.net
> Content-Type: application/json
> Content-Length: 52
>
< HTTP/1.1 403 Forbidden
< Content-Type: application/json; charset=utf-8
< x-ms-server-latency: 3
< x-ms-request-id: 8d24c7e0-51af-4b3c-a9f6-27e0d3b1c85a
<
{"error":{"code":"Forbidden","message":"The pool is not ready to serve requests (state: NotActivated)."}}
```

The pipeline named me as one of the HSM's administrators. What does the Managed HSM still need before keys can be created in it, who on our side can do that, and what has to follow before crgneiss can be created with the key?""",
canonical=[T + "managed-hsm-is-not-activated"],
related=[M + "provision-and-activate-the-managed-hsm", M + "requirements-for-a-managed-hsm-key-store", T + "general-diagnostic-checklist"],
facts=["Confirm that `activationStatus` now reads `Active`."],
answer_facts=["until it has been activated", "is only the first half", "keep the security domain file"],
truth="Activation. Provisioning only created the resource; until the Managed HSM is activated it refuses every data-plane request, which is the 403 with NotActivated, and no key or local role can exist in it yet. Since you are one of the initial administrators, you can activate it by downloading its security domain: az keyvault security-domain download --hsm-name gneisshsm --sd-wrapping-keys <three or more certificate files> --sd-quorum <how many of them are needed> --security-domain-file gneisshsm-sd.json. Keep that file and the private keys of the certificates somewhere safe, because disaster recovery depends on them, and check that activationStatus reads Active (az keyvault show --hsm-name gneisshsm). After that: hold a key-creating local role such as Managed HSM Crypto User, create gneiss-kek as RSA-HSM with wrapKey and unwrapKey, give crgneiss's user-assigned identity Managed HSM Crypto Service Encryption User at /keys/gneiss-kek yourself (ACR never does it), allow trusted services if the HSM firewall is on, and then create the Premium registry with the identity and the key URI."),

dict(key="L3", style="long", kind="troubleshoot", category="keys", quals=[], flags=["curl_verbose"],
question="""Our platform wiki tells everyone who works on CMK registries to take Key Vault Crypto User, and I also have Contributor on kv-shale because I created it. Still, creating the key for crshale fails, so I reproduced the call against the vault's endpoint:

```text
$ curl -sv -X POST "https://kv-shale.vault.azure.net/keys/shale-kek/create?api-version=7.4" -H "Authorization: Bearer $KV_AT" -H "Content-Type: application/json" -d '{"kty":"RSA","key_size":3072}'
> POST /keys/shale-kek/create?api-version=7.4 HTTP/2
> Host: kv-shale.vault.azure.net
> content-type: application/json
> content-length: 30
>
< HTTP/2 403
< content-type: application/json; charset=utf-8
< x-ms-keyvault-region: northeurope
< x-ms-request-id: 3a9e51d7-0c2b-4f86-b7d4-e16f08a2c93b
<
{"error":{"code":"Forbidden","message":"No role assignment on kv-shale grants keys/create to this caller.","innererror":{"code":"ForbiddenByRbac"}}}
```

Which role do I actually need to create the key, and should crshale's identity get Key Vault Crypto User as the wiki says?""",
canonical=[S + "option-a-azure-rbac-role-on-an-rbac-vault"],
related=[T + "operator-cannot-create-the-key-in-an-rbac-vault", A + "your-own-permissions-to-create-keys-in-an-rbac-vault", A + "why-key-vault-crypto-user-is-not-needed"],
facts=["it is not required and grants more than the registry needs"],
answer_facts=["you also need a data-plane role yourself", "grants more than the registry needs"],
truth="Key Vault Crypto Officer for you, and not Crypto User for the identity. kv-shale uses the RBAC permission model, where Contributor only manages the vault as a resource and Key Vault Crypto User can use keys but not create them, hence the 403 with ForbiddenByRbac. Have someone who may assign roles on the vault (Owner, User Access Administrator or Role Based Access Control Administrator) give your object ID Key Vault Crypto Officer at the vault's scope, wait a few minutes and create shale-kek again. crshale's identity needs only Key Vault Crypto Service Encryption User on kv-shale, assigned to its principal ID as ServicePrincipal: Key Vault Crypto User goes beyond what the registry needs, so the wiki should drop that advice."),

dict(key="L4", style="long", kind="howto", category="hsm", quals=["hsm", "iac", "oct2026"], flags=["curl_verbose"],
question="""Our Bicep parameter file for crmica sets keyUri to https://micahsm.managedhsm.azure.net/, which someone copied from the overview page of micahsm, our Managed HSM, and the deployment is rejected. I fetched the key to see what the HSM returns for it:

```text
$ curl -sv "https://micahsm.managedhsm.azure.net/keys/mica-kek?api-version=7.4" -H "Authorization: Bearer $HSM_AT"
> GET /keys/mica-kek?api-version=7.4 HTTP/1.1
> Host: micahsm.managedhsm.azure.net
> Accept: */*
>
< HTTP/1.1 200 OK
< Content-Type: application/json; charset=utf-8
< x-ms-server-latency: 2
<
{"key":{"kid":"https://micahsm.managedhsm.azure.net/keys/mica-kek/3c6e0b1f9a2d4e78b5c10f4d2e9a7b61","kty":"RSA-HSM","key_ops":["wrapKey","unwrapKey"],"e":"AQAB"},"attributes":{"enabled":true,"exportable":false}}
```

crmica should follow new versions of the key by itself. What exactly belongs in keyUri for a Managed HSM key, and can I paste the kid from that response as it is?""",
canonical=[T + "managed-hsm-uri-is-not-a-key-uri"],
related=[M + "managed-hsm-key-uris", O + "the-key-encryption-key-kek-and-its-identifier", M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli"],
facts=["Read the key ID from the HSM rather than building it by hand."],
answer_facts=["only the https uri of a key", "copies whatever you pass without checking host"],
truth="https://micahsm.managedhsm.azure.net/keys/mica-kek, the key's URI without its version. The bare host you had is the Managed HSM's own address, not a key, and only the HTTPS URI of a key is accepted. The 200 response shows a usable key (RSA-HSM, wrapKey and unwrapKey allowed), but its kid ends in a version, so pasting it unchanged would pin crmica to that one version until someone rotates by hand. Cut the last path segment for automatic rotation. Rather than typing the value, read it with az keyvault key show --hsm-name micahsm --name mica-kek (the DNS suffix is different outside the global cloud), and make sure crmica's identity holds Managed HSM Crypto Service Encryption User at /keys/mica-kek before the deployment runs."),

dict(key="L5", style="long", kind="troubleshoot", category="recovery", quals=["oct2026"], flags=["curl_verbose"],
question="""For last week's revocation drill on crslate we followed a printout of the rotate-and-revoke tutorial that someone made years ago and ran az keyvault delete-policy against kv-slate, an access-policy vault, passing the key's URI as --object-id. The command returned without an error, yet crslate went on serving pulls all afternoon. Afterwards I read the vault through Resource Manager:

```text
$ curl -sv "https://management.azure.com/subscriptions/5f2e8c41-9a07-4d3b-b6e1-c84d20f79a15/resourceGroups/rg-slate/providers/Microsoft.KeyVault/vaults/kv-slate?api-version=2023-07-01" -H "Authorization: Bearer $ARM_AT"
> GET /subscriptions/5f2e8c41-9a07-4d3b-b6e1-c84d20f79a15/resourceGroups/rg-slate/providers/Microsoft.KeyVault/vaults/kv-slate?api-version=2023-07-01 HTTP/2
> Host: management.azure.com
>
< HTTP/2 200
< content-type: application/json; charset=utf-8
< x-ms-ratelimit-remaining-subscription-reads: 11998
<
{"name":"kv-slate","properties":{"enableRbacAuthorization":false,"accessPolicies":[{"objectId":"a3f19c2e-7d04-4b61-8e55-c2b9d07f1e38","permissions":{"keys":["get","wrapKey","unwrapKey"]}}]}}
```

a3f19c2e-7d04-4b61-8e55-c2b9d07f1e38 is the principal ID of id-slate, crslate's identity. Why didn't the drill cut crslate off, and what should the runbook say instead?""",
canonical=[V + "revoke-by-removing-the-access-policy"],
related=[V + "what-revocation-does-to-the-registry", V + "restore-access-after-a-revocation", A + "verify-the-identitys-access"],
facts=["use the role assignment instead."],
answer_facts=["not a key id", "earlier revisions put a key id there"],
truth="Because no policy was removed: --object-id must be the principal ID of the registry's identity, and a key URI matches no policy, so kv-slate still lists a3f19c2e-7d04-4b61-8e55-c2b9d07f1e38 with get, wrapKey and unwrapKey in the 200 response and crslate kept its key. The old tutorial text put a key ID in that place; since its October 2026 revision the rotate-and-revoke tutorial shows the principal ID. The runbook line should read az keyvault delete-policy --name kv-slate --resource-group rg-slate --object-id a3f19c2e-7d04-4b61-8e55-c2b9d07f1e38 (from az identity show, or az acr identity show if the registry uses its system identity). Expect all of crslate's data to be blocked, not single repositories, and end the drill by setting the policy again with get, wrapKey and unwrapKey; the registry then picks its key up by itself."),

# ---- git_log_oneline ----
dict(key="L6", style="long", kind="troubleshoot", category="iac", quals=["iac"], flags=["git_log_oneline", "two_facts"],
question="""After a round of provider upgrades our Terraform stack for crgarnet stopped planning. History of the stack since the last green run:

```text
$ git log --oneline -5 -- stacks/registry
9c41e7a (HEAD -> main) tag registries with the cost centre
b7d20f3 move the whole stack to azurerm ~> 4.12
4e8a1c5 raise the dev node count
d03f9b2 add diagnostic settings for crgarnet
a6c57e1 rename outputs of the vault module
```

The plan now stops at line 31 of registry.tf, which sits inside the encryption block we've had since crgarnet was created with its key, complaining that an argument called enabled doesn't belong there. Which commit broke the plan, and if we delete that line, does crgarnet lose its customer-managed key?""",
canonical=[C + "azurerm-4x-removed-encryptionenabled-other-version-changes", C + "common-terraform-and-bicep-errors-with-acr-encryption"],
related=[C + "terraform-azurerm_container_registry-encryption-block", C + "complete-terraform-example-with-key-vault-role-assignment-and-registry", C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep"],
facts=["Delete the line when upgrading"],
answer_facts=["the block's presence enables cmk", "3.x configuration on azurerm 4.x"],
truth="b7d20f3, the move to azurerm 4.x. From 4.0 the encryption block has no enabled argument any more, so a configuration written for 3.x fails exactly like this. Delete the enabled line and keep the rest of the block: in 4.x the block being there is what enables CMK, so crgarnet keeps its key, and a customer-managed key can't be switched off on the service side anyway. Never remove the encryption block itself: 4.x shows no diff for that, but from 5.0 a missing block is planned as disabling encryption, which ACR doesn't allow and whose outcome is undocumented."),

dict(key="L7", style="long", kind="troubleshoot", category="iac", quals=["iac"], flags=["git_log_oneline"],
question="""Every few weeks terraform plan for crjasper proposes an in-place change of encryption.key_vault_key_id that nobody asked for: the URI stays on jasper-kek in kv-jasper, only the version at the end differs. We apply it, and a few weeks later it comes back. The module's recent history:

```text
$ git log --oneline -6 -- modules/registry
f18d2c9 (HEAD -> main, origin/main) bump the time provider
e52f0ab look up the CMK key through a data source instead of hard-coding it
1d9b6c4 add outputs for the login server
8a07fe2 document the break-glass rotate-key runbook
c3e45b7 enable diagnostic logs for crjasper
7b0a1f6 initial registry module
```

The break-glass runbook has been used twice this year, both times by on-call engineers who ran az acr encryption rotate-key by hand. Which of these changes explains the drift, and how do we stop it while keeping crjasper on the newest key version?""",
canonical=[C + "common-terraform-and-bicep-errors-with-acr-encryption"],
related=[C + "automatic-key-rotation-in-terraform-versionless_id-vs-id", C + "terraform-azurerm_container_registry-encryption-block", K + "manual-rotation-with-az-acr-encryption-rotate-key"],
facts=["use `versionless_id`; rotate in one place only"],
answer_facts=["moved to a new key version", "rotate in one place only"],
truth="Mainly e52f0ab. Since then key_vault_key_id reads the data source's id, which is the newest versioned URI at every refresh, so each new version of jasper-kek turns into an encryption change on the next plan: rotation by terraform apply, not by the registry. Use the versionless_id of the data source (or of the key resource) instead; crjasper then follows new versions within an hour on its own and the plan stays quiet. The runbook from 8a07fe2 adds a second source of drift: a manual rotate-key changes what Terraform manages, so the next apply sets it back. Rotate in one place only, and if break-glass rotation stays, update the Terraform value in the same change."),

dict(key="L8", style="long", kind="why", category="iac", quals=["hsm", "iac", "oct2026"], flags=["git_log_oneline"],
question="""We're moving crpumice's key from kv-pumice into pumicehsm, a Managed HSM, and split the Terraform change into three commits on top of an older pin:

```text
$ git log --oneline -4
f3a9d12 (HEAD -> main) point crpumice at the key in pumicehsm
27bc0e8 give the crpumice identity the HSM encryption role on pumice-kek
c81d4f6 create pumice-kek in pumicehsm as RSA-HSM with wrap and unwrap
0b5e7a3 pin azurerm to 4.48.0 until the 4.50 regression is fixed
```

The first two applied cleanly; the last one fails:

```text
Error: parsing "https://pumicehsm.managedhsm.azure.net/keys/pumice-kek": Managed HSM IDs are not supported as Key Vault Nested Items
```

A colleague rotated a test registry to a key in the same HSM with az acr encryption rotate-key without any problem. Why does Terraform refuse the key URI that the CLI accepted, and does the provider support a Managed HSM key for the registry at all?""",
canonical=[C + "managed-hsm-key-in-terraform"],
related=[C + "common-terraform-and-bicep-errors-with-acr-encryption", C + "azurerm-4x-removed-encryptionenabled-other-version-changes", M + "local-rbac-roles-for-acr-encryption"],
facts=["No provider test covers ACR with an HSM key."],
answer_facts=["reject any .managedhsm. uri", "the reverse of a vault key"],
truth="Because of 0b5e7a3: azurerm 4.48.0 still rejects every .managedhsm. URI in key_vault_key_id, and support for Managed HSM keys arrived in 4.65.0, whereas the CLI passes such a URI through unchanged. Lift the pin to 4.65.0 or later and apply f3a9d12 again. While you are at it, check two details: in azurerm_key_vault_managed_hardware_security_module_key the plain id is the versionless URI and versioned_id the pinned one (the opposite of a vault key), so use id for automatic rotation; and the registry should list the HSM role assignment from 27bc0e8 in depends_on. That assignment has to be the HSM's local role resource, not azurerm_role_assignment. There is no provider test for a registry with a Managed HSM key, so try it outside production first."),

dict(key="L9", style="long", kind="troubleshoot", category="setup", quals=[], flags=["git_log_oneline"],
question="""Our bootstrap script creates a vault, gives the registry identity an access policy and then creates the CMK registry for each new environment. It ran unchanged for two years, but the first environment bootstrapped this month fails at the policy step. Recent history of the pipeline and tools folders:

```text
$ git log --oneline -4 -- ci/ tools/
3e7b90c move the bootstrap job to the shared runner image 2026.11
d41a8f6 add owner tags to bootstrap resources
96c2e1b fix a typo in the README
5fa03d7 retry the registry create on transient errors
```

The old image had azure-cli 2.58.0, the shared one ships 2.66.0. The failing step prints:

```text
Cannot set policies to a vault with '--enable-rbac-authorization' specified
```

Existing environments still work. Which change broke new environments, and how should the script create and grant so that it behaves the same on both CLI versions?""",
canonical=[A + "azure-cli-262-and-later-create-rbac-vaults-by-default"],
related=[T + "set-policy-fails-on-an-rbac-key-vault", S + "step-3-create-the-key-vault-with-purge-protection", A + "which-permission-model-does-my-key-vault-use"],
facts=["On an access-policy vault the CLI also gives the signed-in user a full access policy, unless `--no-self-perms` is passed."],
answer_facts=["unless told otherwise", "therefore fail on a current cli"],
truth="3e7b90c. With the shared image the script runs on azure-cli 2.66.0, and since 2.62.0 az keyvault create makes vaults with the RBAC permission model unless told otherwise, so the following set-policy is refused; vaults made earlier by 2.58.0 use access policies, which is why old environments are fine. Make the model explicit in the create call. Either keep the policy path with --enable-rbac-authorization false and the existing set-policy (get, wrapKey and unwrapKey), or pass true and grant the identity Key Vault Crypto Service Encryption User with az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal --scope <vault ID>; in that case whoever creates the key also needs a data-plane role such as Key Vault Crypto Officer."),

dict(key="L10", style="long", kind="howto", category="identity", quals=[], flags=["git_log_oneline"],
question="""We replaced the identity of cronyx through our scripted change pipeline, which applies each commit in order. The pipeline applied the first commit below, failed on the second and then on the third:

```text
$ git log --oneline -3 -- registries/cronyx
a8e3c10 (HEAD -> main) rotate cronyx encryption to id-onyx-2026
c2f8a61 detach id-onyx-2025 from cronyx
7e90b4d attach id-onyx-2026 and grant it key access on kv-onyx
```

The detach step said the registry does not have access to the identity and suggested adding it back by force, and the rotation after it failed as well. Pulls still work for now. How do we get cronyx back into a clean state? And in what order should these three changes have gone in?""",
canonical=[I + "the-encryption-identity-cannot-simply-be-removed"],
related=[I + "switch-to-a-different-user-assigned-identity", T + "removing-the-encryption-identity-fails", I + "how-rotate-key-interprets-the---identity-value"],
facts=["Key rotation can fail in the same state."],
answer_facts=["refuses to detach the identity that encryption", "only then remove the original"],
truth="Put the old identity back first. c2f8a61 tried to detach id-onyx-2025 while encryption still used it; the service refuses that, and the attempt can leave rotation failing as well, which is what happened to a8e3c10. Attach it again with az acr identity assign -n cronyx --identities <resource ID of id-onyx-2025>, then run the rotation from a8e3c10 once more: az acr encryption rotate-key -n cronyx --key-encryption-key <current key URI> --identity <resource ID of id-onyx-2026>, the identity that 7e90b4d already attached and granted. When az acr encryption show lists id-onyx-2026's client ID, detach id-onyx-2025 and remove its key access. So the right order is 7e90b4d, then a8e3c10, and the detach last."),

# ---- csv_export ----
dict(key="L11", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["csv_export"],
question="""crquartz has used quartz-kek in quartzhsm, our Managed HSM, for a year. For the yearly key change we created quartz-kek-2027 in the same HSM, and the rotate-key call that should move crquartz onto it fails on key access. I exported the HSM's local role assignments for the change review:

```console
$ az keyvault role assignment list --hsm-name quartzhsm -o json | jq -r '["scope","role","principalId"], (.[] | [.scope, .roleName, .principalId]) | @csv'
"scope","role","principalId"
"/keys/quartz-kek","Managed HSM Crypto Service Encryption User","e81c4b2a-5f97-4d3e-b06a-91d7c2f4e835"
"/keys","Managed HSM Crypto User","2d6f0a93-c1b8-47e5-8f24-6ab3e9d01c57"
"/","Managed HSM Administrator","2d6f0a93-c1b8-47e5-8f24-6ab3e9d01c57"
```

e81c4b2a-5f97-4d3e-b06a-91d7c2f4e835 is crquartz's user-assigned identity and the other principal is the platform team's group. The identity has its encryption role in the HSM, so why can't it use the new key, and what exactly has to be created, at which scope?""",
canonical=[T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
related=[M + "rotate-a-managed-hsm-key", A + "grant-access-to-a-key-in-a-managed-hsm", K + "move-to-a-different-key-or-to-a-key-in-another-vault"],
facts=["Wait several minutes for the local role to take effect"],
answer_facts=["an assignment on another key's scope", "the previous identity after a switch"],
truth="Because the role is granted per key. The identity's only assignment sits at /keys/quartz-kek, which covers every version of the old key but nothing under another name, and quartz-kek-2027 is a different key. Someone from the group holding Managed HSM Administrator has to create it: az keyvault role assignment create --hsm-name quartzhsm --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id e81c4b2a-5f97-4d3e-b06a-91d7c2f4e835 --assignee-principal-type MSI --scope /keys/quartz-kek-2027. Give it several minutes, check that it is listed, then run rotate-key again. Leave the old assignment in place until the registry's encryption settings show quartz-kek-2027; ACR never creates these assignments for you."),

dict(key="L12", style="long", kind="no", category="troubleshooting", quals=[], flags=["csv_export"],
question="""Our clean-up job for crchert deletes every tag that isn't a version number, and before enabling it on payments/api I exported that repository's tags:

```text
Tag,Digest,Last updated,Signed
4.2.1,sha256:0c4b1e7d9a2f5c8e3b6d0a4f7e1c9b2d5a8f3e6c0b4d7a1e9f2c5b8d3a6e0f14,2026-11-30T08:14:22Z,yes
4.2.0,sha256:7a21d4f8c3e6b9a0d5f2e8c1b4a7d0e3f6c9b2a5d8e1f4c7b0a3d6e9f2c5b817,2026-11-18T16:02:09Z,yes
sha256-0c4b1e7d9a2f5c8e3b6d0a4f7e1c9b2d5a8f3e6c0b4d7a1e9f2c5b8d3a6e0f14,sha256:e93d6a0c2f5b8e1d4a7c0f3b6e9d2a5c8f1b4e7d0a3c6f9b2e5d8a1c4f7b0e29,2026-11-30T08:14:31Z,
sha256-7a21d4f8c3e6b9a0d5f2e8c1b4a7d0e3f6c9b2a5d8e1f4c7b0a3d6e9f2c5b817,sha256:1f80b3e6d9c2a5f8e1b4d7a0c3f6e9b2d5a8c1f4e7b0d3a6c9f2e5b8d1a4c735,2026-11-18T16:02:15Z,
```

crchert uses a customer-managed key, and we started signing with Notation last month. Nobody pushes the sha256- tags by hand, so where do they come from? Can the clean-up delete them?""",
canonical=[T + "oras-and-notation-store-referrers-as-tags"],
related=[L + "oci-referrers-api-is-not-supported", L + "notation-signatures-on-cmk-registries", L + "feature-compatibility-summary"],
facts=["Keep ORAS and Notation at the versions above or later so the fallback is used automatically."],
answer_facts=["this is expected behaviour", "deleting them hides those artifacts from discovery"],
truth="No: those tags are how Notation finds the signatures on crchert. Registries with a customer-managed key don't support the OCI Referrers API, so Notation (1.2.0 and later) and ORAS fall back to the referrers tag schema and record which artifacts hang off an image in a tag derived from that image's digest. sha256-0c4b1e7d9a2f5c8e3b6d0a4f7e1c9b2d5a8f3e6c0b4d7a1e9f2c5b8d3a6e0f14 belongs to 4.2.1; remove it and the signature of 4.2.1 can no longer be discovered, although it still exists. Exclude tags that start with sha256- from the clean-up, and verify with tools that read the tag schema, such as notation list or oras discover."),

dict(key="L13", style="long", kind="value", category="limits", quals=["hsm", "iac", "oct2026"], flags=["csv_export", "two_facts"],
question="""Finance wants to know what our customer-managed key setup costs. This is last month's cost export from the portal, filtered to the resources involved:

```text
ServiceName,ResourceName,Meter,UsageQuantity,Unit
Container Registry,crflint,Premium Registry Unit,30,Days
Key Vault,kv-flint,Operations,41230,10K Transactions
Key Vault,kv-flint,Automated Key Rotation,1,Rotations
Key Vault,flinthsm,Managed HSM Pool,720,Hours
```

flinthsm is the Managed HSM we tried first; we moved crflint's key back into kv-flint and deleted flinthsm at the start of October, yet it is still on the bill. Which of these lines are caused by the customer-managed key, and why is the deleted HSM still charged?""",
canonical=[L + "pricing-considerations", M + "recover-a-deleted-managed-hsm-key-or-hsm"],
related=[L + "feature-compatibility-summary", V + "recover-a-deleted-managed-hsm", K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy"],
facts=["Managed HSM key rotation itself carries no extra charge."],
answer_facts=["the main cost of choosing cmk", "because its hardware stays allocated"],
truth="None of them is a charge for the CMK feature itself; the ACR docs list no such fee. The Premium Registry Unit line is the real price of the key, because only Premium registries can have one. The kv-flint lines come from Key Vault's own billing, not from ACR: the operations, and the Automated Key Rotation charge for each version its rotation policy made. flinthsm costs money because a deleted Managed HSM is only soft-deleted and keeps its hardware allocated, so billing runs until it is recovered or purged. Since no registry uses its keys any more, purging it (which needs the Azure role Managed HSM Contributor) ends the charge; it also destroys every key in it for good, so confirm first that nothing still refers to a flinthsm key."),

dict(key="L14", style="long", kind="howto", category="keys", quals=[], flags=["csv_export"],
question="""Three new CMK registries are going in next sprint, each with its key in a different existing vault. I pulled the vaults from Resource Graph to plan the grants:

```text
name,resourceGroup,enableRbacAuthorization,enablePurgeProtection
kv-marble-weu,rg-marble,true,true
kv-marble-neu,rg-marble,,true
kv-talcum-legacy,rg-talcum,false,
```

Our runbook only has the role assignment command. How should each registry's identity get access to its key in these three vaults, and what does the empty value in the second row mean?""",
canonical=[A + "which-permission-model-does-my-key-vault-use"],
related=[A + "grant-access-with-an-azure-rbac-role", A + "grant-access-with-a-key-vault-access-policy", A + "two-supported-ways-to-grant-key-access"],
facts=["Use the role assignment."],
answer_facts=["access policies on it are ignored", "false or empty"],
truth="Match each grant to the vault's permission model. kv-marble-weu reads true, so it uses Azure RBAC: assign Key Vault Crypto Service Encryption User to the identity's principal ID with the vault's resource ID as scope (az role assignment create ... --assignee-principal-type ServicePrincipal); access policies there would be ignored. An empty value counts like false, so kv-marble-neu and kv-talcum-legacy both use access policies and a role assignment would do nothing on them: run az keyvault set-policy --name <vault> --object-id <principal ID> --key-permissions get unwrapKey wrapKey instead. The runbook's command therefore fits only the first vault. Separately, kv-talcum-legacy has no purge protection; it is recommended rather than required, but worth turning on before a registry depends on it."),

dict(key="L15", style="long", kind="undocumented", category="limits", quals=[], flags=["csv_export"],
question="""crobsidian is a Premium registry without a customer-managed key, and it has to move to one with a key by the end of the quarter. Before planning I exported its repositories:

```text
Repository,Tags,Manifests,SizeGB
platform/base,42,118,36.4
payments/api,17,64,12.9
tools/helm-charts,9,9,0.2
ml/trainer,6,21,88.7
```

I'd like to follow whatever Microsoft prescribes for this rather than invent our own process. Is there a documented migration procedure or tool for moving a registry like this to CMK with its tags and digests intact?""",
canonical=[O + "moving-an-existing-registry-to-cmk"],
related=[O + "cmk-can-only-be-enabled-when-the-registry-is-created", T + "key-rotation-fails-on-a-registry-without-cmk", C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep"],
facts=["Clients, pipelines and pull secrets must then be pointed at the new login server"],
answer_facts=["the official docs give no migration procedure", "one image or artifact at a time"],
truth="Not documented: Microsoft's docs give no migration procedure and no tool. What they do establish is that crobsidian can't be converted in place, since a key can only be chosen when a registry is created; on GitHub an ACR maintainer ruled out converting existing registries and pointed to a fresh Premium registry with CMK into which the content is copied. So create the new registry with its identity and key, copy with az acr import, which handles one image or artifact at a time (ml/trainer, at almost 89 GB, will take longest), then point clients, pipelines and pull secrets at the new login server and retire crobsidian. Whether every digest and referrer survives the copy is for you to verify."),

# ---- crontab_line (long) ----
dict(key="L16", style="long", kind="howto", category="limits", quals=[], flags=["crontab_line"],
question="""crpyrite runs ACR Tasks builds around the clock, and our SIEM needs every run's log. A collector on a jump host fetches them:

```text
$ crontab -l
# ship ACR task logs to the SIEM
15 6 * * 1-5 /opt/acr/collect-task-logs.sh crpyrite
```

On Mondays the SIEM has nothing from the weekend and only part of Friday, and az acr task logs for those runs returns nothing. The script itself hasn't changed since crpyrite was rebuilt with a customer-managed key in the summer. How should the collection be set up so that no run's log is lost?""",
canonical=[L + "export-task-run-logs-before-they-expire"],
related=[L + "acr-tasks-run-logs-are-kept-for-only-24-hours", T + "task-run-logs-disappear-after-24-hours", L + "feature-compatibility-summary"],
facts=["Find recent runs, fetch a run's log and write it to a file"],
answer_facts=["no log is lost after a day", "at the end of each pipeline"],
truth="Collect each log within a day of its run. Once a registry has a customer-managed key, a task run's log survives just 24 hours, and collect-task-logs.sh runs only on weekdays at 06:15, so weekend runs and most of Friday's have expired by Monday morning. The most reliable place is the end of each pipeline that starts a task: az acr task logs --registry crpyrite --run-id <run ID> > acr-run-<run ID>.log, then ship the file. If you keep a scheduled collector, run it every few hours on every day of the week and use az acr task list-runs --registry crpyrite to find the runs since the last pass. Logs that have already expired can't be fetched again."),

dict(key="L17", style="long", kind="troubleshoot", category="rotation", quals=["hsm", "oct2026"], flags=["crontab_line"],
question="""Our security standard asked for aggressive key rotation, so since March a job on an ops VM adds a new version of jade-kek in jadehsm, our Managed HSM, every night. crjade has the versionless key URI and follows along:

```text
$ crontab -l | grep jade
40 2 * * * /usr/local/bin/jade-kek-roll.sh >> /var/log/jade-kek-roll.log 2>&1
```

The script only calls az keyvault key create for jade-kek again, keeping RSA-HSM and the wrap and unwrap operations. This week it fails every night, and the log only says the request was refused. I'd like to replace the job with a rotation policy in the HSM that rotates weekly. Why did the nightly rotation stop working, and would the Managed HSM accept a weekly rotation policy?""",
canonical=[K + "create-a-new-version-in-a-managed-hsm"],
related=[M + "rotate-a-managed-hsm-key", K + "automatic-rotation-with-a-versionless-key-id", K + "how-new-key-versions-are-created"],
facts=["a new version needs no new role assignment"],
answer_facts=["a key holds at most 100 versions", "more often than every 28 days"],
truth="Most likely the version limit: a Managed HSM key holds at most 100 versions, and jade-kek-roll.sh has added one every night since March, so jade-kek is full. A weekly policy won't work either, because a Managed HSM rotation policy can't rotate more often than every 28 days; and on-demand rotation with az keyvault key rotate --hsm-name only works once a policy exists. Choose an interval of 28 days or more that your standard accepts (the ACR docs prescribe no frequency) and set it with az keyvault key rotation-policy update --hsm-name jadehsm; Managed HSM Crypto User is enough for that. To get moving again, create a new key under a new name, give crjade's identity Managed HSM Crypto Service Encryption User at that key's scope and rotate crjade to it. Versions of one key need no extra grant, and crjade keeps picking each one up within an hour."),

dict(key="L18", style="long", kind="troubleshoot", category="troubleshooting", quals=[], flags=["crontab_line"],
question="""A probe on our monitoring host checks our registries every half hour:

```text
*/30 * * * * /srv/probes/acr-health.sh crzircon >> /var/log/acr-health.log 2>&1
```

Since Thursday it reports CMK_ERROR for crzircon, with the message that the identity used for the registry's encryption doesn't exist, although pulls and pushes still work. On Thursday someone tidying up identities ran az acr identity remove for id-zircon; the command failed and we assumed nothing had changed. id-zircon still exists, in rg-identity rather than the registry's own resource group. What does the error mean in this situation, and how do we clear it?""",
canonical=[T + "check-health-reports-cmk_error"],
related=[L + "az-acr-check-health-and-cmk_error", T + "registry-identity-is-inactive-or-expired", I + "the-encryption-identity-cannot-simply-be-removed"],
facts=["Run the health check again; the CMK check should pass."],
answer_facts=["no longer attached to the registry", "the cmk check should pass"],
truth="CMK_ERROR means crzircon can't reach the identity its encryption is configured with. id-zircon still exists, so Thursday's failed removal has most likely left it detached or inactive rather than gone. Pulls work for now, but an identity left in that state is no longer renewed, and requests start failing with 403 once its credentials run out, usually after about three months. Attach it again: az acr identity assign -n crzircon --identities <full resource ID of id-zircon>, the full ID because a bare name would be looked up in crzircon's own resource group, not in rg-identity. Check az acr identity show, then let acr-health.sh run again; within half an hour the CMK check should pass. If id-zircon really has to go, move encryption to another identity that can use the key first and detach it afterwards."),

# ---- plain long ----
dict(key="L19", style="long", kind="yes", category="recovery", quals=["hsm", "oct2026"], flags=["two_facts"],
question="""During last month's revocation exercise for crberyl, whose key lives in berylhsm, our runbook removed the identity's encryption role on /keys/beryl-kek (Managed HSM Crypto Service Encryption User), using the delete variant of az keyvault role assignment. The command succeeded and a listing at that scope came back empty, yet crberyl kept serving pulls during the whole hour we waited. Digging further, we found the identity also holds the same role at /keys, left over from the HSM's first setup, and it is a member of a platform group that has Managed HSM Crypto User. Is that why the revocation in the Managed HSM did nothing, and what does a revocation that really cuts crberyl off look like?""",
canonical=[V + "revoke-access-to-a-key-in-a-managed-hsm", M + "revoke-access-to-a-managed-hsm-key"],
related=[V + "restore-access-after-a-revocation", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope", A + "verify-the-identitys-access"],
facts=["A Managed HSM has no access policies to remove."],
answer_facts=["does not touch an assignment made at", "any other local role that includes wrap"],
truth="Yes: a delete at /keys/beryl-kek leaves the assignment at /keys alone, and that one still gives the identity the key, as one at / would. The group's Managed HSM Crypto User role includes wrap and unwrap, so it keeps access working too. For a real revocation, list the identity's assignments without a scope filter (az keyvault role assignment list --hsm-name berylhsm --assignee-object-id <principal ID>), delete the encryption role at every scope it appears, and take the identity out of that group for the exercise. Expect crberyl to lose all of its data at once, not single repositories. To end it, create the assignment again at /keys/beryl-kek with --assignee-principal-type MSI; the registry resumes by itself."),

dict(key="L20", style="long", kind="undocumented", category="limits", quals=[], flags=[],
question="""Our availability standard requires zone redundancy for anything in production, and the new registry crolivine also has to use a customer-managed key. In a sandbox the CLI accepted --zone-redundancy Enabled together with --identity and --key-encryption-key without a complaint, and the portal offers both on the same create page. Before this goes into the production design, the architecture board wants a reference to where Microsoft confirms that the two features are supported together. Where is that stated?""",
canonical=[L + "zone-redundancy-with-cmk-is-not-documented"],
related=[L + "feature-compatibility-summary", L + "geo-replication-works-with-cmk", S + "rules-that-az-acr-create-enforces-for-cmk"],
facts=["the flag is marked preview in the CLI and cannot be changed after creation"],
answer_facts=["neither as supported nor as a limitation", "in a test subscription or with support"],
truth="Not documented: the customer-managed key articles don't mention zone redundancy at all, either as supported or as a limitation, so there is no page to cite. The CLI accepting both sets of options only shows that the command can be sent; the zone-redundancy flag is marked preview in the CLI and can't be changed once the registry exists. Get written confirmation from Microsoft support, or at least test the combination thoroughly outside production, before committing crolivine to it."),

dict(key="L21", style="long", kind="value", category="setup", quals=[], flags=[],
question="""Our naming convention produced cr-talc-prod-westeurope for the registry and kv-talc-cmk-prod-westeurope-01 for the vault that will hold its key, and both create commands in the CMK setup script fail on the names before anything else happens. I'd rather fix the convention once than keep shortening names by hand for every application. What are the length and character rules for a registry name and for a key vault name?""",
canonical=[S + "before-you-start-variables-and-prerequisites"],
related=[S + "rules-that-az-acr-create-enforces-for-cmk", S + "step-7-create-the-premium-registry-with-the-customer-managed-key", S + "step-3-create-the-key-vault-with-purge-protection"],
facts=["Registry names are globally unique."],
answer_facts=["5 to 50 lowercase letters and digits", "3 to 24 characters"],
truth="Registry: 5 to 50 characters, lowercase letters and digits only; az acr create rejects capitals and dashes, so cr-talc-prod-westeurope fails on its dashes, and crtalcprodwesteurope would pass. Key vault: 3 to 24 characters of letters, digits and dashes, so kv-talc-cmk-prod-westeurope-01, at 30 characters, is too long; a short region code such as kv-talc-cmk-prod-weu-01 fits. Both kinds of name must be unique across Azure, so the convention needs a way around collisions as well."),

dict(key="L22", style="long", kind="howto", category="iac", quals=["iac"], flags=[],
question="""I'm writing an ARM template in plain JSON that creates a user-assigned identity, gives it access to a key in an existing vault that uses the RBAC permission model, and creates crspinel encrypted with that key. The identity and registry resources are roughed out, but I'm unsure about everything in between: how the access is expressed in the template for this kind of vault, which of the identity's values goes into the encryption settings, and how to make sure the access exists before the registry is deployed. What should the template contain?""",
canonical=[S + "set-up-cmk-with-an-arm-template"],
related=[S + "example-template-for-an-existing-access-policy-vault", C + "arm-template-json-propertiesencryption-and-keyvaultproperties", S + "the-enable-tutorials-own-template"],
facts=["`properties.encryption.status` is `enabled`."],
answer_facts=["depend on the access grant", "a principal id or resource id here"],
truth="Express the access as a Microsoft.Authorization/roleAssignments resource scoped to the vault, with role definition ID e147488a-f6f5-4113-8e2d-b22465e65bf6 (Key Vault Crypto Service Encryption User), the identity's principalId and principalType ServicePrincipal; an accessPolicies resource would only work on a vault that uses access policies. The registry needs sku Premium, identity.type UserAssigned with the identity's resource ID under userAssignedIdentities, and properties.encryption with status enabled, keyVaultProperties.keyIdentifier set to the key URI (versionless for automatic rotation) and keyVaultProperties.identity set to the identity's client ID, read with reference(<identity resource ID>).clientId, never its principal or resource ID. Finally give the registry a dependsOn on the role assignment, because nothing else orders the two and the key has to be usable at the moment the registry is created."),

dict(key="L23", style="long", kind="yes", category="network", quals=[], flags=["two_facts"],
question="""For crtopaz the security architects want kv-topaz reachable only through a private endpoint from the day it is created, before anything sensitive goes into it. Our usual flow is to create the vault, start the registry in the portal, and have a new key made right there from the encryption tab of the create page. Can a CMK registry still be built on a vault that is private-endpoint-only from the start, and if so, in which order do the pieces have to be created?""",
canonical=[N + "create-the-key-before-the-registry-when-the-vault-is-locked-down", S + "create-the-key-before-the-registry-for-restricted-vaults"],
related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", N + "allow-trusted-services-and-deny-other-traffic", O + "network-requirement-for-a-locked-down-key-vault"],
facts=["Create the vault and the key while your client can still reach the vault's data plane"],
answer_facts=["workable order in which to create things", "from inside the registry's create flow"],
truth="Yes: as long as the key exists before the registry and the vault lets trusted Azure services through. Create kv-topaz and its key from a network that can reach the vault's data plane (through the private endpoint, or before access is closed), give the registry identity its role or access policy, turn on the trusted-services bypass with default action Deny, and only then create crtopaz with its identity and the key URI. Don't rely on the encryption tab to create the key: from a browser outside the private network the portal can't reach the vault's data plane, so create the key beforehand and give its URI with Enter key URI."),

dict(key="L24", style="long", kind="howto", category="identity", quals=["hsm", "oct2026"], flags=[],
question="""We want crhalite to stop depending on id-halite, the user-assigned identity it was created with, and use its own system-assigned identity instead. Its key is halite-kek in halitehsm, a Managed HSM, and crhalite uses the versionless key URI. Our identity runbook only covers vaults, where it grants the new principal Key Vault Crypto Service Encryption User. How do we give the system-assigned identity access to halite-kek inside the Managed HSM? And in which order should the switch happen so that pulls never fail?""",
canonical=[K + "rotate-with-a-different-identity-or-the-system-assigned-identity"],
related=[I + "switch-to-the-registrys-system-assigned-identity-after-creation", M + "local-rbac-roles-for-acr-encryption", A + "grant-access-to-a-key-in-a-managed-hsm"],
facts=["Full identity guidance, including switching to another user-assigned identity"],
answer_facts=["grant it key access first", "instead of the vault role"],
truth="With a local role in the HSM, created before the switch. First turn the system identity on with az acr identity assign -n crhalite --identities '[system]' and read its principal ID from az acr identity show. The vault role means nothing in a Managed HSM, so run az keyvault role assignment create --hsm-name halitehsm --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id <system principal ID> --assignee-principal-type MSI --scope /keys/halite-kek; ACR won't create it for you, and it can take several minutes to apply. Then az acr encryption rotate-key -n crhalite --key-encryption-key <versionless halite-kek URI> --identity '[system]', and confirm that keyVaultProperties.identity reads system. Only after that remove id-halite and its HSM assignment."),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="no", category="limits", quals=[], flags=[], typo="permanant",
question="can we turn cmk off on acr later, or is it permanant?",
canonical=[O + "cmk-cannot-be-disabled-after-it-is-enabled"], related=[O + "requirements-at-a-glance", L + "feature-compatibility-summary", K + "manual-rotation-with-az-acr-encryption-rotate-key"],
facts=["There is no command or portal switch to go back to Microsoft-managed keys only."], answer_facts=["the setting is permanent", "some customer-managed key must stay configured"],
truth="No: a registry that has a customer-managed key keeps one for as long as it exists; no command and no portal switch returns it to Microsoft-managed keys alone. What you can still change is the key, its version, the vault and the identity, with az acr encryption rotate-key."),
dict(key="S2", style="short", kind="why", category="identity", quals=[], flags=[],
question="why do the docs single-quote '[system]' in az acr identity commands?",
canonical=[I + "quote-system-in-shell-commands"], related=[T + "system-assigned-identity-rejected-at-registry-creation", I + "switch-to-the-registrys-system-assigned-identity-after-creation", I + "how-rotate-key-interprets-the---identity-value"],
facts=["`[system]` is the CLI's alias for the system-assigned identity"], answer_facts=["reads `[system]` as a glob", "silently pass that file name instead"],
truth="Because the shell would otherwise expand it: unquoted, bash treats [system] as a pattern that matches a file whose one-letter name is any letter of the word system, and if such a file exists in the working directory it hands that name to az without a warning, and zsh stops with no matches found. Quoted, the CLI always receives its alias for the system-assigned identity."),
dict(key="S3", style="short", kind="undocumented", category="rotation", quals=[], flags=[],
question="required rotation interval for the acr cmk key, if microsoft sets one",
canonical=[K + "how-often-to-rotate"], related=[K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", K + "automatic-rotation-with-a-versionless-key-id", O + "why-teams-use-a-customer-managed-key"],
facts=["on the schedule your organisation's compliance policy sets"], answer_facts=["no fixed rotation frequency", "anything from 7 days up"],
truth="Not documented: the ACR docs ask for regular rotation on the schedule your own compliance policy sets and name no interval. The technical bounds come from the key store: a Key Vault rotation policy allows 7 days or more, a Managed HSM policy 28 days or more."),
dict(key="S4", style="short", kind="yes", category="rotation", quals=["hsm", "oct2026"], flags=[],
question="does versionless auto rotation work the same with a managed hsm key?",
canonical=[K + "rotating-the-customer-managed-key"], related=[K + "automatic-rotation-with-a-versionless-key-id", K + "versioned-and-versionless-key-ids", M + "rotate-a-managed-hsm-key"],
facts=["Rotation means moving the registry to a different key version, or to a different key."], answer_facts=["the rules are the same", "depends on the form of key id"],
truth="Yes: given the versionless Managed HSM key URI, the registry polls the HSM and switches to a new key version within an hour, just as with a vault; a versioned URI keeps it on that version until rotate-key. Either way the new versions have to be created on the HSM side."),
dict(key="S5", style="short", kind="value", category="troubleshooting", quals=[], flags=[], typo="dissapear",
question="when does dct dissapear from acr entirely, and what replaces it?",
canonical=[L + "docker-content-trust-is-being-retired-use-notation"], related=[L + "docker-content-trust-is-not-supported", T + "content-trust-cannot-be-enabled", L + "notation-signatures-on-cmk-registries"],
facts=["Notation works on CMK registries"], answer_facts=["dct is removed on 2028-03-31", "the replacement is the notary project"],
truth="On 2028-03-31; the deprecation started on 2025-03-31. Images are meant to be signed with Notation, the Notary Project's CLI (its Azure Key Vault plug-in can hold the signing key), which also works on registries with a customer-managed key, where content trust can't be turned on at all."),
dict(key="S6", style="short", kind="howto", category="network", quals=["hsm", "iac", "oct2026"], flags=[],
question="portal picker shows our hsm but lists no keys, how to pick one",
canonical=[M + "key-picker-blocked-by-the-hsm-firewall"], related=[N + "the-portal-key-picker-and-a-key-store-firewall", T + "portal-key-picker-cannot-list-keys-behind-the-managed-hsm-firewall", M + "set-up-a-registry-with-a-managed-hsm-key-in-the-azure-portal"],
facts=["Either add your client IP to the HSM firewall, or use **Enter key URI** with the key ID."], answer_facts=["a data-plane call made from your browser", "does nothing for a browser outside"],
truth="Skip the picker: choose Enter key URI and paste the key's ID, read on a machine inside an allowed network, or add your client IP to the Managed HSM firewall. The list is fetched by your browser through the HSM's data plane, and the trusted-services bypass admits ACR, not your browser, so leave that bypass enabled."),
dict(key="S7", style="short", kind="troubleshoot", category="setup", quals=[], flags=[], typo="wierd",
question="set-policy rejects wrap and unwrap for our acr identity, wierd, what works?",
canonical=[S + "option-b-access-policy-on-an-access-policy-vault"], related=[T + "invalid-key-permission-names-wrap-and-unwrap", A + "grant-access-with-a-key-vault-access-policy", T + "set-policy-fails-on-an-rbac-key-vault"],
facts=["The permission names are `wrapKey` and `unwrapKey`"], answer_facts=["the permission names are wrapkey and unwrapkey", "wrap and unwrap are rejected"],
truth="The full permission names: az keyvault set-policy --name <vault> --object-id <principal ID> --key-permissions get unwrapKey wrapKey. wrap and unwrap are only the shorthand the docs use in prose; letter case doesn't matter. If the vault uses RBAC, set-policy is refused for another reason and the identity needs Key Vault Crypto Service Encryption User instead."),
dict(key="S8", style="short", kind="no", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="does a managed hsm take access policies for the acr identity?",
canonical=[A + "granting-the-registry-identity-access-to-the-key-vault"], related=[A + "grant-access-to-a-key-in-a-managed-hsm", M + "local-rbac-roles-for-acr-encryption", M + "key-vault-and-managed-hsm-compared"],
facts=["the two supported ways to grant that in a Key Vault vault"], answer_facts=["a third mechanism applies (local rbac)", "must be allowed to read the key"],
truth="No: access policies don't exist on a Managed HSM. Give the identity's principal ID the local role Managed HSM Crypto Service Encryption User at /keys/<key name>, with az keyvault role assignment create --hsm-name ... --assignee-principal-type MSI; ACR never makes that assignment for you."),
dict(key="S9", style="short", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="confirm the acr identity's permission on our managed hsm key, which command",
canonical=[A + "verify-the-identitys-access"], related=[A + "grant-access-to-a-key-in-a-managed-hsm", T + "managed-hsm-role-assignment-not-yet-in-effect", M + "local-rbac-roles-for-acr-encryption"],
facts=["Access-policy vault: show the key permissions of the identity's policy."], answer_facts=["an empty result means no assignment", "run it again without --scope"],
truth="az keyvault role assignment list --hsm-name <hsm> --assignee-object-id <principal ID> --scope /keys/<key name>, which should show Managed HSM Crypto Service Encryption User. An empty answer only means nothing at that exact scope; repeat it without --scope to see roles held at / or /keys."),
dict(key="S10", style="short", kind="value", category="iac", quals=["iac"], flags=["copilot_refs"],
question="@azure #file:registry.json which registries apiVersion to use for the ARM encryption block",
canonical=[C + "api-versions-that-support-registry-encryption"], related=[C + "arm-template-json-propertiesencryption-and-keyvaultproperties", S + "set-up-cmk-with-an-arm-template", C + "bicep-registry-with-a-customer-managed-key"],
facts=["all have the same `encryption` and `keyVaultProperties` shape"], answer_facts=["prefer the newest stable version", "first appears in `2019-12-01-preview`"],
truth="The newest stable one, 2025-11-01, in registry.json. encryption has existed since 2019-12-01-preview, and the stable versions 2021-09-01, 2023-07-01, 2025-04-01 and 2025-11-01 all shape encryption and keyVaultProperties the same way, so any of them works."),
dict(key="S11", style="short", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=["copilot_refs"],
question="@workspace #file:hsm-setup.sh which hsm role do we give the acr identity?",
canonical=[O + "managed-hsm-keys"], related=[M + "local-rbac-roles-for-acr-encryption", M + "requirements-for-a-managed-hsm-key-store", A + "grant-access-to-a-key-in-a-managed-hsm"],
facts=["the HSM must be provisioned and activated first"], answer_facts=["which you must assign yourself", "best at the key's scope"],
truth="Managed HSM Crypto Service Encryption User, a local role that hsm-setup.sh has to assign itself with az keyvault role assignment create --hsm-name, to the identity's principal ID, with --assignee-principal-type MSI and scope /keys/<key name>. No Key Vault role or access policy applies there, and ACR never creates the assignment."),
dict(key="S12", style="short", kind="yes", category="rotation", quals=[], flags=["crontab_line"],
question="`0 3 1 * * /opt/kv/kek-roll.sh` reruns key create, same name: new version only?",
canonical=[K + "create-a-new-version-with-az-keyvault-key-create"], related=[K + "how-new-key-versions-are-created", K + "automatic-rotation-with-a-versionless-key-id", K + "check-which-key-version-the-registry-uses"],
facts=["Keep the key type RSA or RSA-HSM; an EC version would not be usable by the registry."], answer_facts=["adds a new version to that key", "rather than creating a second key"],
truth="Yes: each monthly run of kek-roll.sh adds a version to the existing key rather than a second key, as long as the name stays the same; keep the type RSA or RSA-HSM. A registry with the versionless key ID moves to it within an hour, a pinned one only after rotate-key."),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="A1", style="agent", form="context", kind="howto", category="rotation", quals=[], flags=["crontab_line"],
question="Context: a crontab line `0 4 * * 1 /srv/ops/acr-follow.sh` runs az acr encryption rotate-key for crrutile every Monday with the newest versioned kid of rutile-kek. Question: how do we retire the job and let the registry follow new versions by itself?",
canonical=[K + "switch-from-manual-to-automatic-rotation"], related=[K + "versioned-and-versionless-key-ids", K + "automatic-rotation-with-a-versionless-key-id", K + "check-which-key-version-the-registry-uses"],
facts=["From then on the registry detects new versions by itself."], answer_facts=["rotating to the versionless id", "the reverse also works"],
truth="Rotate once more, this time to the versionless key ID of rutile-kek (the kid without its last path segment): az acr encryption rotate-key -n crrutile --key-encryption-key https://<vault>.vault.azure.net/keys/rutile-kek; without --identity the current identity stays. keyRotationEnabled then reads true and crrutile picks up each new version within an hour, so acr-follow.sh and its weekly Monday run can go. Versions still have to be created somewhere, for example by a rotation policy."),
dict(key="A2", style="agent", form="imperative", kind="howto", category="iac", quals=["iac"], flags=["copilot_refs"],
question="Check #file:acr.tf and list what it still lacks for a Terraform-built crbasanite whose vault uses RBAC, so that the identity can use the key and the registry follows new key versions",
canonical=[C + "complete-terraform-example-with-key-vault-role-assignment-and-registry"], related=[C + "why-the-registry-needs-depends_on-on-the-role-assignment", C + "automatic-key-rotation-in-terraform-versionless_id-vs-id", C + "terraform-azurerm_container_registry-encryption-block"],
facts=["The vault uses the RBAC permission model"], answer_facts=["a key-creating data-plane role on the vault", "follows new versions"],
truth="acr.tf needs: an azurerm_role_assignment on the vault's id giving Key Vault Crypto Service Encryption User to the identity's principal_id, principal_type ServicePrincipal; a Premium registry whose identity block (UserAssigned) lists the identity's id; an encryption block with identity_client_id set to the identity's client_id and key_vault_key_id set to the key's versionless_id, since id would pin a version; and depends_on from the registry to the role assignment. Whoever runs Terraform also needs a key-creating data-plane role such as Key Vault Crypto Officer, and new versions still have to come from somewhere, for example a rotation_policy block on the key."),
dict(key="A3", style="agent", form="context", kind="troubleshoot", category="identity", quals=[], flags=["copilot_refs"],
question="Context: #terminalLastCommand shows our az role assignment create call for the crapatite identity on kv-apatite, with MSI as the principal type, copied from #file:hsm-runbook.md; it stops before sending anything. Question: what should change?",
canonical=[T + "role-assignment-rejects-the-principal-type-or-the-assignee"], related=[A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities", A + "grant-access-with-an-azure-rbac-role", A + "grant-access-to-a-key-in-a-managed-hsm"],
facts=["it takes exactly one"], answer_facts=["a managed identity is a serviceprincipal there", "msi belongs to another command"],
truth="The principal type. MSI is a value of az keyvault role assignment create, the Managed HSM command that hsm-runbook.md was written for; az role assignment create only knows the types User, Group, ServicePrincipal or ForeignGroup, and a managed identity is a ServicePrincipal for it. Run it again with --assignee-principal-type ServicePrincipal, the identity's principal ID in --assignee-object-id (and no --assignee next to it), and kv-apatite's resource ID as scope."),
dict(key="A4", style="agent", form="keywords", kind="undocumented", category="network", quals=[], flags=["copilot_refs"],
question="private endpoint on the registry itself plus disabled public access for a cmk registry as in #file:network.bicep, supported per acr docs or not covered",
canonical=[N + "registry-private-endpoints-and-cmk-are-not-covered-by-the-docs"], related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", L + "feature-compatibility-summary", N + "key-vault-networking-for-cmk-registries"],
facts=["test it in your environment"], answer_facts=["treat it as undocumented", "regardless of how clients reach the registry"],
truth="Not documented: the CMK docs cover the key store behind a firewall or private endpoint, but a registry with its own private endpoint and public access disabled, as in network.bicep, is listed neither as supported nor as a limitation. Test it in your own environment and get Microsoft support to confirm if you need certainty; the key store still has to let trusted services through and the identity still needs its access."),
dict(key="A5", style="agent", form="imperative", kind="howto", category="setup", quals=["hsm", "oct2026"], flags=["two_facts"],
question="Write the Azure CLI steps, in order, that create crcalcite with a key in calcitehsm, an activated Managed HSM, using the user-assigned identity id-calcite and automatic key rotation",
canonical=[M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli", S + "using-a-managed-hsm-key-instead-of-a-key-vault"],
related=[M + "requirements-for-a-managed-hsm-key-store", M + "managed-hsm-key-uris", T + "managed-hsm-role-assignment-not-yet-in-effect"],
facts=["`--role` and `--scope` are required"], answer_facts=["holding a key-creating role", "not as an azure resource id", "steps 4 and 5 swap places"],
truth="1) Signed in with a key-creating local role such as Managed HSM Crypto User: az keyvault key create --hsm-name calcitehsm --name <key> --kty RSA-HSM --ops wrapKey unwrapKey. 2) Give id-calcite's principal ID (az identity show) the local role: az keyvault role assignment create --hsm-name calcitehsm --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id <principal ID> --assignee-principal-type MSI --scope /keys/<key>; the scope is the path inside the HSM, not a resource ID, and the role can need several minutes. 3) Read the kid with az keyvault key show --hsm-name calcitehsm --name <key> and strip the version. 4) Allow trusted services if the HSM firewall is on. 5) az acr create -n crcalcite -g <resource group> --sku Premium --identity <resource ID of id-calcite> --key-encryption-key <versionless URI>. 6) Check keyIdentifier in az acr encryption show."),
dict(key="A6", style="agent", form="context", kind="troubleshoot", category="troubleshooting", quals=["hsm", "oct2026"], flags=[],
question="Context: three hours ago we added a new version of feldspar-kek in feldsparhsm, but crfeldspar still shows the previous one as versionedKeyIdentifier. Question: which key version is crfeldspar using from the Managed HSM, and why hasn't it moved?",
canonical=[T + "registry-keeps-using-an-old-key-version"], related=[K + "check-which-key-version-the-registry-uses", M + "rotate-a-managed-hsm-key", K + "switch-from-manual-to-automatic-rotation"],
facts=["A rotation policy or `az keyvault key rotate` only creates versions; it does not move the registry."], answer_facts=["versionless id makes the registry poll", "within about an hour"],
truth="Still the previous one, since versionedKeyIdentifier is the version in use. Look at keyRotationEnabled in az acr encryption show: false means crfeldspar got a versioned Managed HSM key URI and stays where it is until you run rotate-key, either to the new version or to the versionless URI so that it follows from now on. If it is true, check the HSM firewall for trusted services, the identity's role at /keys/feldspar-kek and whether the new version is enabled."),
dict(key="A7", style="agent", form="imperative", kind="value", category="setup", quals=[], flags=[],
question="Give the identity value, resource ID or principal ID, that az acr create --identity and the key vault role assignment each expect when creating crgypsum",
canonical=[S + "step-2-create-a-user-assigned-managed-identity-and-capture-its-ids"], related=[I + "which-identity-value-goes-where", I + "create-the-user-assigned-identity-and-capture-its-ids", S + "step-7-create-the-premium-registry-with-the-customer-managed-key"],
facts=["A user-assigned identity is mandatory at creation time"], answer_facts=["is what az acr create --identity takes", "the access grant in step 4"],
truth="az acr create --identity wants the resource ID (id in az identity show; the bare name also works if the identity sits in crgypsum's resource group), and the role assignment wants the principal ID in --assignee-object-id. The client ID is what the registry later stores in its encryption settings, not something you pass to either command."),
dict(key="A8", style="agent", form="keywords", kind="no", category="recovery", quals=[], flags=[],
question="az keyvault create --enable-soft-delete true still required for the vault behind a new acr cmk registry on the current cli",
canonical=[O + "soft-delete-and-purge-protection-on-the-key-vault"], related=[S + "step-3-create-the-key-vault-with-purge-protection", S + "azure-cli-version-notes-for-cmk-commands", V + "how-purge-protection-protects-the-registry"],
facts=["It is off by default, needs soft delete, and cannot be turned off once on."], answer_facts=["the current cli has no `--enable-soft-delete` option", "cannot be turned off"],
truth="No: every vault created today already has soft delete, which can't be switched off, and the current CLI no longer has --enable-soft-delete, so drop the flag. The setting that matters is purge protection: recommended rather than required, off by default and one-way, passed as --enable-purge-protection when the vault is created."),
dict(key="A9", style="agent", form="context", kind="why", category="network", quals=[], flags=[],
question="Context: kv-cinnabar only accepts traffic from one build subnet, and crcinnabar sits in another region with no network path to that subnet, yet its pulls work fine. Question: why does the registry still reach its key through that firewall?",
canonical=[O + "network-requirement-for-a-locked-down-key-vault"], related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", N + "azure-container-registry-in-key-vaults-trusted-services-list", N + "the-vault-firewall-covers-the-data-plane-only"],
facts=["The same applies to a Managed HSM with its firewall on"], answer_facts=["the vault must allow trusted azure services", "before creating the registry"],
truth="Because the registry never comes through your networks: it reaches kv-cinnabar as a trusted Azure service, and the vault's trusted-services bypass lets it past the firewall whatever its region or network. Keep that bypass enabled, or crcinnabar loses its key. The bypass only opens the network path; the identity's role or policy is still what authorizes the key use."),
dict(key="A10", style="agent", form="imperative", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question="Explain why rotating the key of crdolomite, a Premium registry we built two years ago, with az acr encryption rotate-key ends in a usage error saying rotation only applies to registries with CMK enabled",
canonical=[K + "manual-rotation-with-az-acr-encryption-rotate-key"], related=[T + "key-rotation-fails-on-a-registry-without-cmk", O + "cmk-can-only-be-enabled-when-the-registry-is-created", O + "moving-an-existing-registry-to-cmk"],
facts=["Both `--key-encryption-key` and `--identity` are optional"], answer_facts=["cmk cannot be added after creation", "only the values you pass are changed"],
truth="crdolomite was created without a customer-managed key, and rotate-key only changes the key or identity of a registry that already has one; a key can't be added to an existing registry, Premium or not, and az acr encryption show will report status disabled. To get CMK, create a new Premium registry with --identity and --key-encryption-key, copy the images with az acr import, move clients to the new login server and retire crdolomite."),
dict(key="A11", style="agent", form="keywords", kind="howto", category="setup", quals=["iac"], flags=[],
question="portal steps for a new premium registry crhematite with a customer-managed key from an existing vault key and a user-assigned identity, with automatic rotation",
canonical=[S + "set-up-cmk-in-the-azure-portal"], related=[S + "step-4-grant-the-identity-access-to-the-key-vault", K + "rotate-the-key-in-the-azure-portal", N + "the-portal-key-picker-and-a-key-store-firewall"],
facts=["Start **Create container registry**, choose the **Premium** pricing tier."], answer_facts=["stores the key without a version", "set customer-managed key to enabled"],
truth="Before opening the wizard, give the identity access to the key (role or access policy, matching the vault's model); the portal won't do that. Then Create container registry with the Premium tier; switch Customer-managed key to Enabled on the Encryption tab, choose the user-assigned identity and pick vault and key through Select from Key Vault, which saves the key without a version, so crhematite follows new versions on its own (Enter key URI with a versionless URI does the same). Review and create. If the vault firewall hides the keys from your browser, use Enter key URI."),
dict(key="A12", style="agent", form="context", kind="howto", category="recovery", quals=[], flags=[],
question="Context: compliance wants a documented emergency procedure to cut crcorundum off from its key in kv-corundum, an access-policy vault, and to undo it afterwards. Question: what are the documented ways to revoke, and how is each one reversed?",
canonical=[V + "revoking-and-restoring-access-to-the-customer-managed-key"], related=[V + "revoke-by-removing-the-access-policy", V + "revoke-by-deleting-the-key", V + "restore-access-after-a-revocation"],
facts=["without the key the registry cannot read any of its content"], answer_facts=["there are two ways to revoke", "delete the access policy"],
truth="Two: remove what lets the identity use the key, or delete the key itself. On kv-corundum the first is az keyvault delete-policy --name kv-corundum --object-id <principal ID of the registry identity>, reversed by setting the policy again with get, wrapKey and unwrapKey, after which crcorundum reconnects by itself. Deleting the key (az keyvault key delete removes all its versions) is reversed with az keyvault key recover within the retention period; once purged, the registry's data is gone. Both block all of the registry's data, so plan either as an outage."),
]

OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind="off-topic", category=OFF, subject="tuf", near_miss=True,
question="""Images in our container registry are checked against a TUF repository we run ourselves, and its root metadata needs two of three offline root keys. One of the three root key holders has left the company, and the hardware device with their key can't be found. How do we rotate that root key so that clients which trust the current root metadata accept the new one, and what happens to the targets and snapshot metadata while we do it?""",
truth="Not covered: replacing a root key of an update-framework repository and re-signing its root metadata is a supply-chain trust question; the ACR customer-managed key material does not deal with it."),
dict(key="X2", style="long", kind="off-topic", category=OFF, subject="portieris", near_miss=True,
question="""Our clusters run Portieris, which only admits images from our container registry whose signatures verify against public keys held in its image policies. We're replacing the signing key pair because the private key lived on a shared build VM. How do we roll the new public key into the Portieris policies so that images signed with either key are admitted during the transition, and then drop the old key?""",
truth="Not covered: updating the trust keys in Portieris image policies concerns an admission controller for signed images, not customer-managed key encryption of a registry's content in Azure."),
dict(key="X3", style="long", kind="off-topic", category=OFF, subject="rauc", near_miss=True,
question="""Our embedded devices install RAUC update bundles that CI assembles from container images in our registry, and each bundle is signed with a key whose certificate sits in the devices' keyring. That signing key expires next spring. How do we introduce a new signing certificate to the keyring of devices already in the field without bricking the ones that miss an update, and when can the old certificate be removed?""",
truth="Not covered: renewing the signing certificate in a RAUC keyring belongs to embedded update tooling; nothing in the ACR CMK knowledge applies to it."),
dict(key="X4", style="long", kind="off-topic", category=OFF, subject="credhub", near_miss=True,
question="""On our Cloud Foundry foundation, CredHub stores the password our apps use to pull from the container registry, encrypted with CredHub's internal encryption key. An audit requires that key to be rotated. How do we add a new encryption key to CredHub, re-encrypt the stored credentials, and retire the old key without downtime for the apps?""",
truth="Not covered: rotating CredHub's encryption keys is a platform secrets-store procedure and lies outside Azure Container Registry encryption with customer-managed keys."),
dict(key="X5", style="long", kind="off-topic", category=OFF, subject="melange", near_miss=True,
question="""We build our base images from APK packages compiled with melange, and the packages are signed with a melange-generated RSA key before the images containing them are pushed to our container registry. The private key leaked in a build log. How do we generate a new signing key, re-sign the package index, and make the package manager inside existing images trust it?""",
truth="Not covered: replacing a melange package signing key and re-signing an APK index is a packaging matter, unrelated to the keys that encrypt an Azure registry's storage."),
dict(key="X6", style="long", kind="off-topic", category=OFF, subject="bamboo",
question="""Our Bamboo server pushes release images to our container registry with a shared credential, and Bamboo encrypts stored credentials with its own instance key. After we restored the server from an older backup, builds can no longer decrypt that credential. How do we reset or rotate Bamboo's encryption key and enter the registry credential again so that the plans run?""",
truth="Not covered: recovering or resetting the encryption key of a Bamboo server is a build-server administration task that the ACR customer-managed key docs never touch."),
dict(key="X7", style="agent", form="context", kind="off-topic", category=OFF, subject="cirrus",
question="Context: Cirrus CI pushes our images to the container registry with a password kept as an encrypted variable in .cirrus.yml. Question: how do we replace that encrypted variable after the password changes?",
truth="Not covered: regenerating an encrypted variable in Cirrus CI configuration is a hosted-build question with no link to customer-managed keys in Azure Container Registry."),
dict(key="X8", style="agent", form="imperative", kind="off-topic", category=OFF, subject="bitrise",
question="Explain how to rotate the Bitrise secret that holds our registry push password so that builds already waiting in the queue still succeed",
truth="Not covered: rotating a Bitrise secret for queued builds is a mobile CI service question outside the ACR CMK knowledge."),
dict(key="X9", style="agent", form="keywords", kind="off-topic", category=OFF, subject="wal-g",
question="wal-g backup encryption key change for the database behind our registry metadata service, existing backups must stay restorable",
truth="Not covered: switching the libsodium key of WAL-G backups is a database backup question, not part of customer-managed key encryption for Azure registries."),
dict(key="X10", style="short", kind="off-topic", category=OFF, subject="tinc",
question="tinc: how do i replace a node's private key without downtime?",
truth="Not covered: regenerating a node key in a tinc mesh VPN is networking software administration the ACR CMK material leaves out."),
dict(key="X11", style="short", kind="off-topic", category=OFF, subject="serf",
question="serf: rotate the gossip encryption key across all members?",
truth="Not covered: installing and switching gossip keys in a Serf cluster is a cluster-membership question beyond ACR customer-managed keys."),
dict(key="X12", style="short", kind="off-topic", category=OFF, subject="bupstash",
question="bupstash key rotation for our nightly repository backups",
truth="Not covered: moving bupstash backups to new keys is a backup-tool question outside the scope of registry CMK encryption on Azure."),
]
QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"permanant": "permanent", "dissapear": "disappear", "wierd": "weird"}
SHAPES = ["two_facts", "curl_verbose", "git_log_oneline", "csv_export", "crontab_line", "copilot_refs"]
SEED = 57
ID_PREFIX = "m"

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
SPREAD_SETS = (56, 55)
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
    """(blind57.json text, blind57-meta.json text, blind57-first-canonicals.txt text)"""
    entries, meta = build()
    j = json.dumps(entries, indent=1, ensure_ascii=False) + "\n"
    m = json.dumps(meta, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    f = "\n".join(firsts) + "\n"
    return j, m, f


def main(out=HERE):
    j, m, f = render()
    for name, text in (("blind57.json", j), ("blind57-meta.json", m), ("blind57-first-canonicals.txt", f)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
