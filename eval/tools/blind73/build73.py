"""blind73 builder: holds the 60 questions (QUESTIONS) and writes blind73.json, blind73-meta.json and
blind73-first-canonicals.txt. render() returns the three files' exact text (check73.py compares it byte for byte)."""
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
# ---- kubectl_get_pods ----
dict(key="P1", style="long", kind="troubleshoot", category="recovery", quals=[], flags=["kubectl_get_pods", "two_facts"],
question=r"""A clean-up script that was meant for old test resources deleted kv-lumenpay on Friday evening. That vault holds the key crlumenpay is encrypted with. Since Saturday morning the payments namespace looks like this:

```text
$ kubectl get pods -n payments
NAME                              READY   STATUS             RESTARTS   AGE
ledger-api-7d9c5b6f4-2xkqp        0/1     ImagePullBackOff   0          41m
ledger-worker-5f8b7c9d6-mw4tz     0/1     ErrImagePull       0          41m
settlement-cron-28815360-9hj2v    0/1     ImagePullBackOff   0          12m
```

kv-lumenpay used the RBAC permission model, purge protection was on, and the deletion is less than two days old. What do we have to do, and in which order, to get these pods pulling from crlumenpay again?""",
canonical=[V + "recover-a-deleted-key-vault", V + "re-create-rbac-role-assignments-after-recovering-a-vault"],
related=[T + "key-vault-or-key-was-deleted", V + "how-purge-protection-protects-the-registry"],
facts=["its Azure RBAC role assignments are deleted with it"],
answer_facts=["A deleted key vault can be recovered", "does **not** bring them back"],
truth="""Recover the vault first: a deleted key vault stays soft-deleted for its retention period, so az keyvault recover --name kv-lumenpay brings it back together with its keys, and with purge protection on nobody could have purged it in the meantime. Because kv-lumenpay uses Azure RBAC, its role assignments went away with the vault and do not come back on recovery, so then re-create the Key Vault Crypto Service Encryption User assignment for the registry's identity on the recovered vault (and any operator roles you need). Once the identity can use the key again, crlumenpay carries on by itself, and the pods stuck in ImagePullBackOff and ErrImagePull pull on their next retry."""),

dict(key="P2", style="long", kind="troubleshoot", category="identity", quals=[], flags=["kubectl_get_pods"],
question=r"""In July, while tidying up identities, a colleague ran az acr identity remove against id-marlowe-enc on crmarlowe, got an error and moved on. Nobody linked that to anything until this week, when deployments that pull from crmarlowe started to fail:

```text
NAME                           READY   STATUS             RESTARTS   AGE
web-frontend-64b9f7d8c-k2l9x   0/1     ImagePullBackOff   0          3h
web-frontend-64b9f7d8c-p8r4n   1/1     Running            0          6d
search-indexer-7c4d8b-qq2wz    0/1     ErrImagePull       0          2h
```

The running pod is older than the trouble and had its image cached on the node. Describing the failing pods shows a 403 from crmarlowe.azurecr.io whose message calls the registry's identity inactive. Nothing was changed on kv-marlowe in months. What brings the pulls back?""",
canonical=[T + "registry-identity-is-inactive-or-expired"],
related=[I + "the-encryption-identity-cannot-simply-be-removed", T + "removing-the-encryption-identity-fails"],
facts=["Re-assigning the identity with `az acr identity assign` fixes it."],
answer_facts=["usually after about three months"],
truth="""The ImagePullBackOff and ErrImagePull pods are the late effect of July's removal attempt: it stopped id-marlowe-enc from being renewed, pulls kept working until its credentials ran out, usually after about three months, and since then every request gets 403. Attach the same user-assigned identity to crmarlowe again with az acr identity assign and its resource ID, then retry a pull; kv-marlowe needs no change. If you really want id-marlowe-enc gone, move encryption to another identity with az acr encryption rotate-key first and remove the old one only after that."""),

dict(key="P3", style="long", kind="why", category="limits", quals=[], flags=["kubectl_get_pods"],
question=r"""We run the same services on two AKS clusters. The old one pulls from crtidewater, a Premium registry that has no customer-managed key and where we turned on artifact streaming last spring; the new one pulls from crtidewatercmk, its encrypted replacement. A scale-out on the new cluster this morning, four minutes in:

```text
NAME                            READY   STATUS              RESTARTS   AGE
inference-gpu-6b8d9c7f5-4kzpl   0/1     ContainerCreating   0          4m12s
inference-gpu-6b8d9c7f5-9vwxs   0/1     ContainerCreating   0          4m12s
inference-gpu-6b8d9c7f5-tq7mn   1/1     Running             0          2d
```

On the old cluster the same 14 GB image is serving in well under a minute. I tried to turn streaming on for crtidewatercmk the same way and it would not take. Why is that, and did we set something wrong on the new registry?""",
canonical=[L + "feature-compatibility-summary"],
related=[L + "artifact-streaming-is-not-supported", O + "cmk-cannot-be-disabled-after-it-is-enabled"],
facts=["lists CMK-encrypted registries among its unsupported"],
answer_facts=["Not supported on CMK registries"],
truth="""Artifact streaming is one of the features a registry gives up with a customer-managed key, so crtidewatercmk cannot stream and every node pulls the whole 14 GB image before the container starts; that is why the new pods sit in ContainerCreating for minutes. Nothing is misconfigured: the limitation comes with the encryption, and the customer-managed key cannot be taken off crtidewatercmk again. Expect full pulls of the image on that registry and plan node start-up around them."""),

dict(key="P4", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["kubectl_get_pods"],
question=r"""A permissions review on hsm-corvid last Tuesday deleted local role assignments that looked unused. One of them, we now know, gave id-corvid (the identity crcorvid encrypts with) its local role on kek-corvid, Managed HSM Crypto Service Encryption User. Our deploy this morning:

```text
NAME                          READY   STATUS             RESTARTS   AGE
billing-api-59d7c6b8f-x4m2d   0/1     ErrImagePull       0          6m
billing-api-59d7c6b8f-zq8lt   0/1     ImagePullBackOff   0          6m
```

The key itself is untouched and nobody purged anything. Did deleting that assignment revoke crcorvid's access to its key, and what undoes that revocation on the Managed HSM without rebuilding the registry?""",
canonical=[T + "registry-access-lost-after-key-permissions-were-revoked"],
related=[V + "revoke-access-to-a-key-in-a-managed-hsm", M + "revoke-access-to-a-managed-hsm-key"],
facts=["re-creating the assignment (or recovering a deleted key) brings the registry back"],
answer_facts=["It is reversible"],
truth="""That deletion was a revocation: without its local role, id-corvid can no longer use kek-corvid, and a registry whose identity loses its key permission is blocked for all of its data, which is why the pods show ErrImagePull and ImagePullBackOff. It can be undone. Have someone holding Managed HSM Administrator, Crypto Officer or Policy Administrator re-create Managed HSM Crypto Service Encryption User for id-corvid's principal ID at the scope it had, /keys/kek-corvid, with az keyvault role assignment create --hsm-name hsm-corvid and --assignee-principal-type MSI. Local role changes can take several minutes to apply; after that crcorvid picks its key up again on its own, with no rebuild."""),

dict(key="P5", style="long", kind="no", category="network", quals=[], flags=["kubectl_get_pods"],
question=r"""Security switched kv-brightwell to deny public traffic last night and asked me to open it only for what really needs it. Since then the image pulls from crbrightwell fail:

```text
NAME                          READY   STATUS             RESTARTS   AGE
orders-api-5c7b9d6f8-8nq4v    0/1     ImagePullBackOff   0          52m
orders-api-5c7b9d6f8-f3k7r    0/1     ImagePullBackOff   0          52m
```

crbrightwell is encrypted with a key in kv-brightwell. My plan is to add the outbound range of the AKS node pool, 20.31.118.0/28, as a network rule on kv-brightwell so that the nodes can reach the key. Is that the rule that gives crbrightwell its key back?""",
canonical=[N + "allow-your-own-clients-through-the-vault-firewall"],
related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry"],
facts=["Without it the registry cannot reach the key."],
answer_facts=["not via an IP rule"],
truth="""No: the AKS nodes never talk to kv-brightwell; only crbrightwell does, as a trusted Azure service, so a rule for the node pool's addresses does nothing for it. Turn on the trusted-services exception on the vault (az keyvault update with --bypass AzureServices; the default action can stay Deny), then re-apply crbrightwell's current identity and key with az acr encryption rotate-key, and open a support case if the 403 answers continue. Network rules are for your own clients, such as people or pipelines that create key versions. Once the registry reaches its key again, the pods in ImagePullBackOff pull on their next retry."""),

# ---- dig_answer ----
dict(key="D1", style="long", kind="howto", category="network", quals=[], flags=["dig_answer"],
question=r"""We are building crhalyard, encrypted with our own key, and the landing-zone rules say every key vault gets a private endpoint and no public access. kv-halyard already has its endpoint; from a jump host in the hub network:

```text
$ dig kv-halyard.vault.azure.net

; <<>> DiG 9.18.28-1~deb12u2-Debian <<>> kv-halyard.vault.azure.net
;; global options: +cmd
;; QUESTION SECTION:
;kv-halyard.vault.azure.net.    IN      A

;; ANSWER SECTION:
kv-halyard.vault.azure.net. 60  IN      CNAME   kv-halyard.privatelink.vaultcore.azure.net.
kv-halyard.privatelink.vaultcore.azure.net. 10 IN A 10.42.8.5

;; Query time: 3 msec
```

Public network access on the vault goes off on Thursday. The identity id-halyard exists, no key does yet. In which order should we create the key, the grant, the lock-down and the registry so that az acr create does not fail against the locked vault?""",
canonical=[N + "create-the-key-before-the-registry-when-the-vault-is-locked-down"],
related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", S + "create-the-key-before-the-registry-for-restricted-vaults"],
facts=["Turn on the trusted-services bypass and set the default action to `Deny`."],
answer_facts=["create the key before creating the registry"],
truth="""Create the key in kv-halyard while you can still reach its data plane (before Thursday, or from an allowed network), then grant id-halyard its access (Key Vault Crypto Service Encryption User on an RBAC vault, or get, wrapKey and unwrapKey as an access policy), then turn on the trusted-services bypass with the default action Deny, and only after that run az acr create with the identity and the key ID. The private endpoint that kv-halyard resolves to (10.42.8.5) serves your own clients; crhalyard reaches the key as a trusted Azure service, so the bypass has to be on before the registry is created."""),

dict(key="D2", style="long", kind="yes", category="hsm", quals=["hsm", "oct2026"], flags=["dig_answer"],
question=r"""Our security architects chose Managed HSM for the key of crpelican, and hsm-pelican was locked down before anyone thought of the registry: public access off, a private endpoint in the shared-services network.

```text
$ dig hsm-pelican.managedhsm.azure.net
...
;; ANSWER SECTION:
hsm-pelican.managedhsm.azure.net. 300 IN CNAME hsm-pelican.privatelink.managedhsm.azure.net.
hsm-pelican.privatelink.managedhsm.azure.net. 10 IN A 10.60.4.20
```

The local role for id-pelican (Managed HSM Crypto Service Encryption User) is already in place for kek-pelican. A colleague says ACR will never get through to an HSM like this and we should move the key into a vault, but I would rather keep the HSM. If we allow trusted Azure services on hsm-pelican before running az acr create, does crpelican get access to its Managed HSM key that way?""",
canonical=[O + "network-requirement-for-a-locked-down-key-vault"],
related=[N + "managed-hsm-firewall-and-trusted-services", M + "managed-hsm-firewall-and-trusted-services"],
facts=["As with a vault, the bypass only opens the network; the identity still needs its local role."],
answer_facts=["before creating the registry"],
truth="""Yes: a Managed HSM behind its firewall can hold the key, as long as the way in for ACR is opened before the registry is created. Turn on the trusted-services bypass on hsm-pelican (az keyvault update-hsm with --bypass AzureServices and --default-action Deny), then run az acr create. The bypass only opens the network path; id-pelican's local role on /keys/kek-pelican is what lets the registry use the key, and it is already there. The exception covers ACR only, so your own clients, including the portal's key picker, still need an allowed address or Enter key URI."""),

dict(key="D3", style="long", kind="troubleshoot", category="troubleshooting", quals=[], flags=["dig_answer", "two_facts"],
question=r"""Last week the network team put kv-osprey behind a private endpoint and changed its firewall to refuse all other traffic. crosprey has had its customer-managed key in kv-osprey for a year. Since then the nightly job that runs az acr import into crosprey fails with 403 Forbidden, and the response body mentions ForbiddenByFirewall. Name resolution from the build agent:

```text
$ dig kv-osprey.vault.azure.net
;; ANSWER SECTION:
kv-osprey.vault.azure.net. 60 IN CNAME kv-osprey.privatelink.vaultcore.azure.net.
kv-osprey.privatelink.vaultcore.azure.net. 10 IN A 10.12.0.36
```

The network team will not switch public access back on. What is the documented way to fix the imports, and what do we do if the 403 is still there afterwards?""",
canonical=[N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry", T + "http-403-after-enabling-the-key-vault-firewall"],
related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
facts=["The documented examples are image import"],
answer_facts=["re-apply the registry's key configuration", "open an Azure support request"],
truth="""Start on the vault side, so that ACR can get to the key again: let trusted Azure services pass kv-osprey's firewall (az keyvault update --name kv-osprey --bypass AzureServices, keeping the default action Deny); public access can stay off, and the private endpoint at 10.12.0.36 keeps serving your own clients. Then re-apply crosprey's existing identity and key with az acr encryption rotate-key, passing the keyIdentifier and identity that az acr encryption show reports ('[system]' if it says system). If the imports still get 403 after that, open an Azure support request."""),

dict(key="D4", style="long", kind="undocumented", category="network", quals=[], flags=["dig_answer"],
question=r"""Platform is moving every registry onto private endpoints. crkestrel is encrypted with a key in kv-kestrel, which allows trusted services and has worked for two years. After adding a private endpoint to crkestrel itself and disabling its public network access, the build agents see this:

```text
$ dig crkestrel.azurecr.io
;; ANSWER SECTION:
crkestrel.azurecr.io.    300 IN CNAME crkestrel.privatelink.azurecr.io.
crkestrel.privatelink.azurecr.io. 10 IN A 10.80.2.14
```

Pushes and pulls work through the endpoint so far. Our architecture board wants a written statement that a customer-managed key registry reachable only through an endpoint of its own, public access disabled, is a supported setup. Where in the ACR docs is that stated?""",
canonical=[N + "registry-private-endpoints-and-cmk-are-not-covered-by-the-docs"],
related=[L + "feature-compatibility-summary"],
facts=["only discusses the key store"],
answer_facts=["Treat it as undocumented"],
truth="""Not documented: the ACR customer-managed key articles only deal with the key store behind a firewall, virtual network or private endpoint; they say nothing about a CMK registry like crkestrel having its own private endpoint or public access turned off, neither as supported nor as a limitation. So there is no statement to quote: keep testing the setup in your environment and ask Microsoft support if the board needs a guarantee. The key-store side is unchanged either way: kv-kestrel must keep letting trusted services through and the identity keeps its key access."""),

dict(key="D5", style="long", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=["dig_answer"],
question=r"""crgannet will encrypt with kek-gannet in the Managed HSM hsm-gannet, and this project lives in a sovereign cloud. I built the key URI from a blog post and it did not resolve, so I looked the HSM up:

```text
$ dig hsm-gannet.managedhsm.usgovcloudapi.net
;; ANSWER SECTION:
hsm-gannet.managedhsm.usgovcloudapi.net. 300 IN CNAME hsm-gannet.privatelink.managedhsm.usgovcloudapi.net.
hsm-gannet.privatelink.managedhsm.usgovcloudapi.net. 10 IN A 10.7.3.11
```

So the host here is clearly not the one from the blog. What exactly should the Managed HSM key URI I pass to --key-encryption-key look like for kek-gannet, and where do I take its host from instead of guessing?""",
canonical=[M + "managed-hsm-key-uris"],
related=[O + "the-key-encryption-key-kek-and-its-identifier", T + "managed-hsm-uri-is-not-a-key-uri"],
facts=["The DNS suffix is `managedhsm.azure.net` in the global Azure cloud and differs in other clouds"],
answer_facts=["take the host from the HSM's `hsmUri`"],
truth="""It is the HTTPS URI of the key itself: https://<host>/keys/kek-gannet to follow new versions automatically, or the same with /<version> appended to pin one, where <host> is hsm-gannet's own Managed HSM host. The DNS suffix differs between Azure clouds (managedhsm.azure.net is the global cloud's), so read the host from the HSM's hsmUri, az keyvault show --hsm-name hsm-gannet --query properties.hsmUri, or take the kid straight from az keyvault key show --hsm-name hsm-gannet --name kek-gannet. The URI of a secret or certificate, or the bare HSM URI without /keys/kek-gannet, is not accepted."""),

# ---- terraform_import_output ----
dict(key="I1", style="long", kind="howto", category="iac", quals=["iac"], flags=["terraform_import_output"],
question=r"""We inherited crquillmoor, a CMK registry somebody created by hand with az acr create, and are bringing it under Terraform. The import went fine:

```text
azurerm_container_registry.quillmoor: Importing from ID "/subscriptions/5b0e7c1a-3f9d-4e2b-8a61-0c4d2f7e9b13/resourceGroups/rg-quillmoor/providers/Microsoft.ContainerRegistry/registries/crquillmoor"...
azurerm_container_registry.quillmoor: Import prepared!
  Prepared azurerm_container_registry for import
azurerm_container_registry.quillmoor: Refreshing state... [id=/subscriptions/5b0e7c1a-3f9d-4e2b-8a61-0c4d2f7e9b13/resourceGroups/rg-quillmoor/providers/Microsoft.ContainerRegistry/registries/crquillmoor]

Import successful!
```

Now the resource block has to be written so that the plan shows no changes. az acr encryption show gives the key as https://kv-quillmoor.vault.azure.net/keys/kek-quillmoor, without a version, and the identity as a GUID. What goes into the encryption block in Terraform? And what else does the resource need for the identity?""",
canonical=[C + "terraform-azurerm_container_registry-encryption-block"],
related=[C + "complete-terraform-example-with-key-vault-role-assignment-and-registry", C + "azurerm-4x-removed-encryptionenabled-other-version-changes"],
facts=["The identity in `encryption` must also be listed in `identity_ids`."],
answer_facts=["the user-assigned identity's `client_id`"],
truth="""In the encryption block, key_vault_key_id takes the key URI as the registry has it, https://kv-quillmoor.vault.azure.net/keys/kek-quillmoor (versionless, so crquillmoor keeps following new versions), and identity_client_id takes the user-assigned identity's client ID, the GUID that az acr encryption show reports, best referenced as the identity resource's client_id. The same identity's resource ID must also be in identity_ids of the identity block, with type UserAssigned, and sku must be Premium. There is no status argument, the provider sets it, and on azurerm 4.x or later the old enabled argument must not be written."""),

dict(key="I2", style="long", kind="troubleshoot", category="iac", quals=["iac"], flags=["terraform_import_output"],
question=r"""To adopt our existing registry in Terraform I imported it:

```text
azurerm_container_registry.main: Importing from ID "/subscriptions/0f3c9a2e-7b41-4d8e-9c05-6a2e1b7d4f80/resourceGroups/rg-saltmarsh/providers/Microsoft.ContainerRegistry/registries/crsaltmarsh"...
azurerm_container_registry.main: Import prepared!
  Prepared azurerm_container_registry for import
azurerm_container_registry.main: Refreshing state... [id=/subscriptions/0f3c9a2e-7b41-4d8e-9c05-6a2e1b7d4f80/resourceGroups/rg-saltmarsh/providers/Microsoft.ContainerRegistry/registries/crsaltmarsh]

Import successful!
```

The first plan after that was empty. Since then, every few weeks, a plan wants to change encryption.key_vault_key_id from one versioned key URI to another, although nobody touched the code. Our configuration reads the key through a data source, data.azurerm_key_vault_key.saltmarsh, and passes its id. Separately, the security team runs az acr encryption rotate-key by hand whenever they add a key version. Why does this drift keep coming back, and what should we change?""",
canonical=[C + "common-terraform-and-bicep-errors-with-acr-encryption"],
related=[C + "automatic-key-rotation-in-terraform-versionless_id-vs-id", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["The data source's `id` is the newest version at each refresh"],
answer_facts=["rotate in one place only"],
truth="""The data source's id always resolves to the newest key version, so each new version of the key turns into an encryption change on the next plan, and the hand-run rotate-key moves crsaltmarsh behind Terraform's back as well. Point key_vault_key_id at the key's versionless_id instead: the registry then follows new versions by itself within about an hour and the plan stays quiet. Stop the manual rotate-key runs on crsaltmarsh too, so that the key is rotated in one place only; new versions still come from Key Vault, a rotation policy or your pipeline."""),

dict(key="I3", style="long", kind="no", category="setup", quals=["iac"], flags=["terraform_import_output"],
question=r"""crbramble has been a Premium registry since 2023 and never had a customer-managed key. We have just imported it into Terraform:

```text
azurerm_container_registry.bramble: Importing from ID "/subscriptions/9d2e4f61-0a7b-4c3e-b8d5-1f6a2c9e7b04/resourceGroups/rg-bramble/providers/Microsoft.ContainerRegistry/registries/crbramble"...
azurerm_container_registry.bramble: Import prepared!
  Prepared azurerm_container_registry for import

Import successful!
```

Next in the ticket is compliance: add an identity block and an encryption block with our key from kv-bramble, plan and apply. The plan shows an in-place update, not a replacement, so the team assumes the apply will simply switch crbramble over to our key while it keeps running. Will applying that plan turn on the customer-managed key for crbramble?""",
canonical=[O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
related=[C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep", O + "moving-an-existing-registry-to-cmk"],
facts=["adding the block to an existing registry plans an in-place update"],
answer_facts=["no way to turn it on afterwards"],
truth="""No: a customer-managed key can only be chosen when a registry is created, and an existing registry such as crbramble cannot be converted, Premium or not. azurerm plans the added encryption block as an in-place update, but the service is expected to refuse it at apply; the exact error is not documented. Forcing a replacement would create a new registry but delete crbramble together with its images. Instead add a second registry to the configuration, under another name and with the key from the start, copy the images into it with az acr import, point clients at its login server, and remove crbramble only after that."""),

dict(key="I4", style="long", kind="howto", category="iac", quals=["iac", "hsm", "oct2026"], flags=["terraform_import_output"],
question=r"""Last month we moved crwagtail's key, by hand, to kek-wagtail in the Managed HSM hsm-wagtail with rotate-key. Now the registry goes into Terraform (azurerm 4.71), next to the HSM key resource we already declared:

```text
azurerm_container_registry.wagtail: Importing from ID "/subscriptions/8c1f5e3a-2d7b-4a90-b6e2-4f0d9c3a7e51/resourceGroups/rg-wagtail/providers/Microsoft.ContainerRegistry/registries/crwagtail"...
azurerm_container_registry.wagtail: Import prepared!
  Prepared azurerm_container_registry for import

Import successful!
```

With vault keys I always wrote key_vault_key_id from the key's versionless_id, but the HSM key resource does not seem to have one. Which attribute of the Managed HSM key should key_vault_key_id get so that crwagtail keeps following new versions, and what should the registry depend on?""",
canonical=[C + "managed-hsm-key-in-terraform"],
related=[M + "local-rbac-roles-for-acr-encryption", C + "automatic-key-rotation-in-terraform-versionless_id-vs-id"],
facts=["Use azurerm **4.65.0 or later**"],
answer_facts=["`id` is the **versionless** URI"],
truth="""Use the HSM key's id: on azurerm_key_vault_managed_hardware_security_module_key, id is the versionless URI (https://hsm-wagtail.managedhsm.azure.net/keys/kek-wagtail) and versioned_id the pinned one, the reverse of a vault key, and there is no versionless_id. With id, crwagtail keeps following new versions of kek-wagtail, and azurerm 4.71 is recent enough because Managed HSM URIs are accepted from 4.65.0 on. Grant the registry's identity its Managed HSM Crypto Service Encryption User role at /keys/kek-wagtail with azurerm_key_vault_managed_hardware_security_module_role_assignment (not azurerm_role_assignment), and put that role assignment into the registry's depends_on."""),

dict(key="I5", style="long", kind="no", category="identity", quals=["iac"], flags=["terraform_import_output"],
question=r"""Two years ago crlapwing's encryption was moved over to crlapwing's own system-assigned identity (rotate-key with --identity '[system]'). I am importing it into Terraform now:

```text
azurerm_container_registry.lapwing: Importing from ID "/subscriptions/3e7d1c5b-8f2a-4b96-a0e4-7c9b2d6f1a38/resourceGroups/rg-lapwing/providers/Microsoft.ContainerRegistry/registries/crlapwing"...
azurerm_container_registry.lapwing: Import prepared!
  Prepared azurerm_container_registry for import

Import successful!
```

az acr encryption show gives identity: system. I tried identity_client_id = "system" and the plan refused it. Is there any value I can write into the encryption block so that Terraform describes crlapwing, with its system-assigned encryption identity, as it is?""",
canonical=[C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs"],
related=[I + "switch-to-a-different-user-assigned-identity", C + "terraform-azurerm_container_registry-encryption-block"],
facts=["must be a UUID"],
answer_facts=["`identity_client_id` accepts only a UUID"],
truth="""No: the provider wants a UUID in identity_client_id, which leaves Terraform no way to describe a registry whose encryption uses the system-assigned identity, even though the ACR docs allow that identity after creation. If crlapwing is to be managed by Terraform, first move its encryption to a user-assigned identity: attach it, grant it access to the key, run az acr encryption rotate-key with --identity set to it, and check that az acr encryption show reports its client ID. Then write that client ID into identity_client_id and list the identity in identity_ids."""),

# ---- service_health_notice ----
dict(key="H1", style="long", kind="value", category="limits", quals=[], flags=["service_health_notice"],
question=r"""From the notice that went out yesterday:

```text
Tracking ID: 7LQ4-RT9
Title: Key Vault - Degraded availability in West Europe
Impacted services: Key Vault
Impacted regions: West Europe
Status: Resolved
Start time: 13 Oct 2026 06:52 UTC
End time: 13 Oct 2026 08:31 UTC
Summary of impact: Between 06:52 and 08:31 UTC, a subset of customers using Key Vault in West Europe may have seen failures or timeouts on key operations.
```

crheron is geo-replicated to West Europe, Sweden Central and North Europe, and its key lives in kv-heron in West Europe. During that window pulls failed in all three regions, not only in West Europe, which surprised the on-call team. What does the ACR guidance actually tell customer-managed key users to do for a geo-replicated registry, so that we can plan for the next one?""",
canonical=[L + "geo-replication-works-with-cmk"],
related=[L + "feature-compatibility-summary", L + "geo-replication-with-a-managed-hsm-key"],
facts=["all replicas rely on the same key vault"],
answer_facts=["follow Azure Key Vault's failover and redundancy"],
truth="""For the best resilience, the geo-replication article points CMK users to Azure Key Vault's own guidance, asking them to follow Azure Key Vault's failover and redundancy advice, and it names no other CMK-specific limit for geo-replication. Every replica of crheron depends on the same key in kv-heron, so a Key Vault problem in West Europe can reach all three regions, not just West Europe; that is a reading of the docs rather than a stated rule. Plan the resilience on the key vault side, with Key Vault's own recovery and redundancy options, rather than expecting the replicas to cover for it."""),

dict(key="H2", style="long", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=["service_health_notice"],
question=r"""Service Health mailed us this morning:

```text
Tracking ID: 2HVN-KD6
Title: Managed HSM - Data plane failures in Germany West Central
Impacted services: Key Vault Managed HSM
Impacted regions: Germany West Central
Status: Active
Summary of impact: Starting at 04:15 UTC on 20 Oct 2026, customers may experience failures when performing data plane operations against Managed HSM pools in Germany West Central.
```

crsparrow is geo-replicated to Germany West Central and Switzerland North, and its key kek-sparrow is in hsm-sparrow, in Germany West Central. Our continuity runbook only says to follow the Key Vault disaster-recovery guidance, copied from the geo-replication article. Does the ACR guidance say anything specific for a registry whose key is in a Managed HSM? And what do we have to plan ourselves?""",
canonical=[L + "geo-replication-with-a-managed-hsm-key"],
related=[M + "limits-and-open-points-with-managed-hsm", M + "provision-and-activate-the-managed-hsm"],
facts=["plan HSM recovery (security domain, backups) separately"],
answer_facts=["the ACR docs say nothing more specific"],
truth="""Nothing specific: the geo-replication article has no Managed HSM wording yet and still refers CMK users only to the Key Vault disaster-recovery guidance; the ACR docs say no more than that for an HSM key. Plan hsm-sparrow's own recovery separately: its security domain with the key pairs and quorum that decrypt it, backups, and whether Managed HSM is offered in any region you would recover into. Every replica of crsparrow needs kek-sparrow, so an HSM incident in Germany West Central concerns both regions of the registry."""),

dict(key="H3", style="long", kind="undocumented", category="keys", quals=[], flags=["service_health_notice"],
question=r"""We run crplover with a customer-managed key in kv-plover, North Europe. This notice came in during the night:

```text
Tracking ID: 9PXA-ZM1
Title: Key Vault - Intermittent request failures in North Europe
Impacted services: Key Vault
Impacted regions: North Europe
Status: Resolved
Summary of impact: Between 01:10 and 01:35 UTC on 15 Oct 2026, a subset of customers using Key Vault in North Europe may have received intermittent errors.
```

Our pull success rate did not move at all in those 25 minutes. One engineer believes the registry keeps the unwrapped key material in memory for a while, so that a short Key Vault blip is harmless, and wants to put that into our risk assessment. Do the ACR docs say how long a registry can keep serving content without reaching its key?""",
canonical=[O + "what-customer-managed-key-encryption-adds-to-a-registry"],
related=[V + "what-revocation-does-to-the-registry"],
facts=["access to **all** registry data is blocked"],
answer_facts=["does not describe the internal key hierarchy"],
truth="""Not documented: the ACR docs do not describe the registry's internal key hierarchy or any caching, so nothing in them backs a statement about how long crplover could keep serving content without kv-plover. What they do say is that the registry's identity may only get, wrap and unwrap with the key, which suggests the key protects the registry's own keys (an inference), and that losing access to the key blocks all registry data. Record what you observed during the North Europe incident, but keep the engineer's explanation out of the risk assessment as a fact."""),

dict(key="H4", style="long", kind="howto", category="rotation", quals=[], flags=["service_health_notice", "two_facts"],
question=r"""After this notice our architecture review asked us to stop depending on a single vault for crfinch:

```text
Tracking ID: 4KRW-BN2
Title: Key Vault - Availability degradation in UK South
Impacted services: Key Vault
Impacted regions: UK South
Status: Mitigated
Summary of impact: Between 11:02 and 12:47 UTC on 9 Oct 2026, customers using Key Vault in UK South may have experienced errors for key and secret operations.
```

crfinch encrypts with kek-finch in kv-finch (UK South, RBAC model) through the user-assigned identity id-finch. The plan is a new key, kek-finch-ukw, in a new vault kv-finch-ukw in UK West, and then moving crfinch onto it. What is the order of steps, and what must already be in place before the switch itself?""",
canonical=[K + "manual-rotation-with-az-acr-encryption-rotate-key", A + "access-to-a-key-in-a-second-key-vault"],
related=[K + "move-to-a-different-key-or-to-a-key-in-another-vault"],
facts=["Keep the old vault and key, with access, until az acr encryption show reports the new key."],
answer_facts=["before you run the command", "Access is granted per vault"],
truth="""Give id-finch access on kv-finch-ukw first, in that vault's own permission model (for RBAC, Key Vault Crypto Service Encryption User scoped to kv-finch-ukw), because access is granted vault by vault. Then create kek-finch-ukw, read its kid, and run az acr encryption rotate-key on crfinch with --key-encryption-key set to that key ID (the versionless form if crfinch should follow new versions) and --identity id-finch; the identity must be able to use the new key before that command runs. Leave kv-finch, kek-finch and id-finch's access there untouched until az acr encryption show lists kek-finch-ukw as the registry's key. The move only helps against a UK South incident like this one because the new vault is in another region."""),

dict(key="H5", style="long", kind="yes", category="recovery", quals=[], flags=["service_health_notice"],
question=r"""This is the notice for the outage that broke our deployments yesterday afternoon:

```text
Tracking ID: 6MTC-QF4
Title: Key Vault - Request failures in East US 2
Impacted services: Key Vault
Impacted regions: East US 2
Status: Resolved
Summary of impact: Between 14:20 and 15:05 UTC on 21 Oct 2026, a subset of customers using Key Vault in East US 2 experienced failed requests.
```

crmallard, whose key is in kv-mallard in that region, answered pulls with 403 for about the same time, and has been fine since the evening. My manager wants a rotate-key run with the same key and identity anyway, as we did once after a firewall change. Now that Key Vault is healthy again, does crmallard carry on by itself without any command on the registry?""",
canonical=[V + "restore-access-after-a-revocation"],
related=[N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry"],
facts=["the registry reconnects to the key on its own"],
answer_facts=["No registry command is needed"],
truth="""Yes: once the registry can use its key again it reconnects by itself and data access resumes, with nothing to run on crmallard, and the pulls that have worked since the evening show it already has. Re-applying key and identity with rotate-key is the documented step for the firewall case, where the key store's network settings changed after encryption; an East US 2 Key Vault incident changed nothing in kv-mallard's settings or in crmallard's encryption settings. az acr encryption show gives you something to show your manager."""),

# ---- grafana_alert (long) ----
dict(key="G1", style="long", kind="troubleshoot", category="keys", quals=[], flags=["grafana_alert"],
question=r"""Our on-call got this from Grafana at 09:12:

```text
[FIRING:1] AcrPullErrorRate Platform (crstarling kv-starling critical)
**Firing**

Labels:
 - alertname = AcrPullErrorRate
 - grafana_folder = Platform
 - registry = crstarling
 - keyvault = kv-starling
 - severity = critical
Annotations:
 - summary = More than 90% of pulls from the registry fail
Source: https://grafana.internal.example/alerting/grafana/cf3a91/view
```

Nobody touched permissions or networking on kv-starling. What did change: last Friday a hygiene campaign set an expiry date on every key in the vault, and the date for kek-starling was this morning at 09:00. Is the expiry the likely cause? And how do we get the registry going again without waiting for a new key?""",
canonical=[T + "key-is-disabled-or-expired"],
related=[V + "disabling-the-key-instead-a-key-vault-option-not-in-the-acr-docs", K + "check-which-key-version-the-registry-uses"],
facts=["move its expiry date into the future"],
answer_facts=["allows unwrap on an expired key"],
truth="""An expired key fits: Key Vault still allows unwrap with an expired key version but refuses wrap, so failures can be partial, and the ACR docs do not describe how a registry behaves with an expired key, so treat it as a fault to fix now. Read the version crstarling uses from versionedKeyIdentifier in az acr encryption show, move that version's expiry into the future with az keyvault key set-attributes --vault-name kv-starling --name kek-starling --version <version> --expires <UTC date>, check it is still enabled, and retry the pulls. Later, retire the key by creating a new version and rotating to it rather than letting a version lapse."""),

dict(key="G2", style="long", kind="howto", category="rotation", quals=[], flags=["grafana_alert", "two_facts"],
question=r"""We alert on the Key Vault near-expiry event for every key our registries use. This one fired overnight:

```text
[FIRING:1] CmkKeyNearExpiry Security (crlinnet kv-linnet kek-linnet)
Labels:
 - alertname = CmkKeyNearExpiry
 - grafana_folder = Security
 - registry = crlinnet
 - keyvault = kv-linnet
 - key = kek-linnet
Annotations:
 - description = The current version of kek-linnet expires in 30 days
```

crlinnet points at kek-linnet without a version, and az acr encryption show has keyRotationEnabled true. The team's first instinct is to push the expiry date out again, but I would rather give the key a fresh version the normal way. Which command makes the new version, and does crlinnet need anything from us afterwards?""",
canonical=[K + "create-a-new-version-with-az-keyvault-key-create", K + "automatic-rotation-with-a-versionless-key-id"],
related=[K + "rotate-immediately-with-az-keyvault-key-rotate", A + "your-own-permissions-to-create-keys-in-an-rbac-vault"],
facts=["Keep the key type RSA or RSA-HSM"],
answer_facts=["adds a new version to that key", "within one hour"],
truth="""Run az keyvault key create with the existing name, for example az keyvault key create --name kek-linnet --vault-name kv-linnet --kty RSA --size 3072: it adds a new version to kek-linnet instead of making a second key (keep the type RSA or RSA-HSM); az keyvault key rotate does the same in one step. Because crlinnet uses the versionless key ID, it moves to the new version by itself within one hour, and versionedKeyIdentifier in az acr encryption show then names it, so no rotate-key is needed. Whoever creates the version needs a key-creating role such as Key Vault Crypto Officer if kv-linnet is an RBAC vault."""),

dict(key="G3", style="long", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=["grafana_alert"],
question=r"""FinOps wired a cost alert into Grafana and it fired for our platform subscription:

```text
[FIRING:1] CostAnomaly FinOps (sub-platform-prod hsm-ortolan-old)
Labels:
 - alertname = CostAnomaly
 - grafana_folder = FinOps
 - subscription = sub-platform-prod
 - resource = hsm-ortolan-old
Annotations:
 - summary = Daily cost of a deleted resource is unchanged since deletion
```

hsm-ortolan-old held the key of a CMK registry we retired in September, and we deleted the HSM two weeks ago. Nobody expected it to keep costing money. Why are we still billed for a Managed HSM we deleted, how long could it still be recovered, and what is the safe way to stop the charges?""",
canonical=[L + "pricing-considerations"],
related=[V + "recover-a-deleted-managed-hsm", M + "recover-a-deleted-managed-hsm-key-or-hsm"],
facts=["set with `--retention-days` when it was created, 7 to 90 days"],
answer_facts=["a deleted HSM keeps costing money"],
truth="""A deleted Managed HSM is only soft-deleted, and it is billed for as long as it stays in that state, until it is recovered or purged, because its capacity remains allocated. It can be recovered within the retention period chosen when it was created, 7 to 90 days, with az keyvault recover --hsm-name hsm-ortolan-old --location <location>. The charges stop only when it is purged, which removes hsm-ortolan-old and every key in it for good, so purge only once no registry needs any of its keys; the retired registry no longer does. With purge protection on, the HSM cannot be purged before its retention period ends."""),

# ---- long without a new shape ----
dict(key="L1", style="long", kind="howto", category="setup", quals=["iac"], flags=[],
question=r"""I am setting up our first encrypted registry through the Azure portal, because the team that will own it does not use the command line. The identity id-quail and the RBAC vault kv-quail with the key kek-quail are ready, and id-quail's grant on kv-quail (Key Vault Crypto Service Encryption User) is in place. The create flow's Encryption tab offers two ways to give the key: picking it with Select from Key Vault, or typing it in with Enter key URI. Our auditors want the registry to pick up new key versions automatically, without anybody editing the registry each time. I also noticed that the Encryption tab looked different on our Standard test registry. Which pricing tier do I need, which of the two options gives automatic rotation, and is there anything that must happen before I click create?""",
canonical=[S + "set-up-cmk-in-the-azure-portal"],
related=[K + "versioned-and-versionless-key-ids", O + "cmk-requires-the-premium-sku"],
facts=["Registries on the Basic or Standard SKU cannot use a customer-managed key."],
answer_facts=["stores the key **without a version**"],
truth="""Choose the Premium tier; customer-managed keys are not available on Basic or Standard. On the Encryption tab set Customer-managed key to Enabled, pick id-quail, and use Select from Key Vault to choose kv-quail and kek-quail: the portal stores a key picked there without a version, so the registry follows new versions of kek-quail by itself. Enter key URI keeps whatever form you paste, so a versioned URI there would pin the version. The identity, the key and the access grant have to exist before you create the registry, and yours do; if kv-quail's firewall keeps your browser from listing keys, allow your client IP or use Enter key URI with the versionless ID."""),
]


# ---------------- agent on-topic ----------------
QA = [
dict(key="G4", style="agent", form="context", kind="troubleshoot", category="network", quals=[], flags=["grafana_alert"],
question=r"""Context: `[FIRING:1] AcrImportFailures Platform (crwren kv-wren)` started right after the network team set kv-wren to deny all public traffic, and az acr import into crwren now returns 403. Question: what fixes it?""",
canonical=[N + "allow-trusted-services-and-deny-other-traffic"],
related=[N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry"],
facts=["re-apply the registry's key configuration with the **same** identity and key it already uses"],
answer_facts=["Set the bypass to `AzureServices`"],
truth="""Let trusted Azure services through kv-wren's firewall: set its bypass to AzureServices (the default action can stay Deny), then re-apply crwren's current key and identity with az acr encryption rotate-key, and open a support case if the imports still get 403. crwren reaches kv-wren as a trusted service, so address rules would not help it."""),

dict(key="G5", style="agent", form="imperative", kind="troubleshoot", category="troubleshooting", quals=[], flags=["grafana_alert"],
question=r"""Explain what to do about `[FIRING:1] AcrHealthCheck Platform (crbittern westeurope)`: our probe runs az acr check-health against crbittern and has reported CMK_ERROR since last week's identity clean-up.""",
canonical=[L + "az-acr-check-health-and-cmk_error"],
related=[T + "check-health-reports-cmk_error"],
facts=["If the user-assigned identity still exists and is only detached from the registry, attach it again and re-run the check."],
answer_facts=["It is a health-check error code"],
truth="""CMK_ERROR means crbittern cannot reach the managed identity its encryption is set to use, most likely because the clean-up deleted or detached it. If that user-assigned identity still exists, attach it to crbittern again with az acr identity assign; otherwise rotate the key onto another identity that exists and has key access (for example the system-assigned one, after granting it access) with az acr encryption rotate-key. Then run the health check again."""),

dict(key="A1", style="agent", form="context", kind="value", category="rotation", quals=["hsm", "oct2026"], flags=[],
question=r"""Context: crlarkspur encrypts with the versionless URI of kek-larkspur in the Managed HSM hsm-larkspur, and security created a new key version an hour ago. Question: which key version of the Managed HSM key is in use by crlarkspur at this moment, and what shows it?""",
canonical=[S + "step-8-verify-the-encryption-status"],
related=[K + "check-which-key-version-the-registry-uses", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["the same one-hour window applies"],
answer_facts=["read-only: the exact key version in use"],
truth="""Read versionedKeyIdentifier from az acr encryption show: it names the exact version of kek-larkspur in use, while keyIdentifier stays the versionless URI you configured. With a versionless Managed HSM key ID the registry switches to a new version within one hour of its creation, and lastKeyRotationTimestamp tells you when it last switched."""),

dict(key="A2", style="agent", form="imperative", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["two_facts"],
question=r"""Write the az command that grants crvesper's user-assigned identity id-vesper use of the key kek-vesper in the Managed HSM hsm-vesper, scoped to that single key and not to the whole HSM.""",
canonical=[A + "grant-access-to-a-key-in-a-managed-hsm", M + "local-rbac-roles-for-acr-encryption"],
related=[M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli"],
facts=["Local role changes can take several minutes to take effect."],
answer_facts=["Scope: the key, `/keys/<key-name>`, for least privilege", "one key, all its versions"],
truth="""Run az keyvault role assignment create --hsm-name hsm-vesper --role "Managed HSM Crypto Service Encryption User" --assignee-object-id <principal ID of id-vesper> --assignee-principal-type MSI --scope /keys/kek-vesper, with the principal ID from az identity show. That Managed HSM local role lets id-vesper read kek-vesper and wrap and unwrap with it; the /keys/kek-vesper scope covers all versions of that one key, whereas /keys or / would grant more. ACR never creates this assignment for you, and it can take several minutes to apply."""),

dict(key="A3", style="agent", form="keywords", kind="howto", category="identity", quals=[], flags=[],
question=r"""switch cmk registry crsandpiper from its user-assigned identity to its system-assigned identity, access-policy vault kv-sandpiper, steps in order""",
canonical=[I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
related=[K + "rotate-with-a-different-identity-or-the-system-assigned-identity", I + "quote-system-in-shell-commands"],
facts=["removing it earlier cuts the registry off from its key"],
answer_facts=["Confirm that `keyVaultProperties.identity` now reads `system`"],
truth="""Turn on crsandpiper's system-assigned identity with az acr identity assign --identities '[system]', read its principal ID with az acr identity show, and give that principal get, wrapKey and unwrapKey on kv-sandpiper with az keyvault set-policy. Then run az acr encryption rotate-key with the key ID you want to keep and --identity '[system]', and check that keyVaultProperties.identity reads system. Keep the old user-assigned identity attached, with its access, until that check passes."""),

dict(key="A4", style="agent", form="context", kind="yes", category="keys", quals=[], flags=[],
question=r"""Context: our crypto policy requires 4096-bit RSA keys for everything new, and we are about to create the key for crwillet in kv-willet. Question: can the registry's customer-managed key be a 4096-bit RSA key?""",
canonical=[O + "which-key-types-and-sizes-are-supported"],
related=[O + "key-sizes-offered-by-key-vault"],
facts=["Key Vault's RSA keys (software and HSM-protected) come in 2048, 3072 and 4096 bits."],
answer_facts=["the ACR articles name **no** size"],
truth="""Yes: ACR accepts RSA and RSA-HSM keys without prescribing a size, and 4096 bits is one of the three RSA sizes Key Vault offers (with 2048 and 3072), so a 4096-bit RSA key for crwillet is fine; create it with --kty RSA --size 4096 (RSA-HSM would need a Premium vault). If you limit the key's operations, keep wrapKey and unwrapKey in the list."""),

dict(key="A5", style="agent", form="imperative", kind="why", category="troubleshooting", quals=[], flags=[],
question=r"""Explain why the role assignment for id-thrush at kv-thrush (Key Vault Crypto Service Encryption User) changed nothing, when az keyvault show reports enableRbacAuthorization false and creating crthrush still says the identity lacks key permissions.""",
canonical=[T + "role-assignment-has-no-effect-on-an-access-policy-vault"],
related=[A + "which-permission-model-does-my-key-vault-use", A + "grant-access-with-a-key-vault-access-policy"],
facts=["RBAC data-plane roles such as Key Vault Crypto Service Encryption User have no effect on it"],
answer_facts=["only its access policies count"],
truth="""kv-thrush uses the access-policy permission model (enableRbacAuthorization is false), and on such a vault Azure role assignments grant no key access at all; only its access policies count. Give id-thrush's principal ID a policy with get, wrapKey and unwrapKey (az keyvault set-policy --object-id ... --key-permissions get unwrapKey wrapKey) and create crthrush again. Switching kv-thrush to RBAC would also work, but it is disruptive for everything else that uses the vault."""),

dict(key="A6", style="agent", form="context", kind="undocumented", category="recovery", quals=[], flags=[],
question=r"""Context: for an incident drill we want to cut crjunco off from its key without deleting anything, by disabling kek-junco in kv-junco. Question: do the ACR docs say what disabling the key does to the registry?""",
canonical=[V + "disabling-the-key-instead-a-key-vault-option-not-in-the-acr-docs"],
related=[T + "key-is-disabled-or-expired"],
facts=["Re-enable with `--enabled true`."],
answer_facts=["test before relying on it"],
truth="""Not documented: the ACR articles name only removing the identity's access and deleting the key as ways to revoke; disabling a key (az keyvault key set-attributes --enabled false) is a Key Vault control they leave out. Key Vault refuses cryptographic operations with a disabled key, so expect crjunco to be blocked as in a revocation and to recover when the key is enabled again, but let the drill confirm it instead of relying on it."""),

dict(key="A7", style="agent", form="keywords", kind="howto", category="iac", quals=["iac"], flags=[],
question=r"""terraform azurerm_container_registry with cmk fails on first apply with Failed to access KeyId, role assignment created in the same run, how to order it""",
canonical=[C + "why-the-registry-needs-depends_on-on-the-role-assignment"],
related=[C + "complete-terraform-example-with-key-vault-role-assignment-and-registry", C + "common-terraform-and-bicep-errors-with-acr-encryption"],
facts=["add `depends_on`, wait and re-apply"],
answer_facts=["Terraform may create both in parallel"],
truth="""Add depends_on with the role assignment to the azurerm_container_registry resource: the registry refers to the identity and the key but not to the grant, so Terraform may create both at once and the registry is created before its identity can use the key. A fresh role assignment can also need a few minutes to apply, so re-run terraform apply, or put a time_sleep between grant and registry (its length is a guess, not a documented value)."""),

dict(key="A8", style="agent", form="context", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=[],
question=r"""Context: I ran az role assignment create to give id-dunlin, on the hsm-dunlin resource, Key Vault Crypto Service Encryption User, and az acr create for crdunlin still cannot use the Managed HSM key. Question: why, and at which scope should the grant be made?""",
canonical=[T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
related=[M + "local-rbac-roles-for-acr-encryption"],
facts=["they never let anyone use a key"],
answer_facts=["never grants key use"],
truth="""That command created an Azure RBAC assignment on the HSM resource, which only covers managing the HSM and never grants key use, and a vault role means nothing to a Managed HSM anyway. Key use comes only from the HSM's local RBAC: assign Managed HSM Crypto Service Encryption User to id-dunlin's principal ID with az keyvault role assignment create --hsm-name hsm-dunlin --assignee-principal-type MSI at the key's scope, /keys/<key-name>, wait several minutes, then retry creating crdunlin."""),

dict(key="A9", style="agent", form="imperative", kind="howto", category="recovery", quals=[], flags=[],
question=r"""Give the steps to recover the key kek-avocet that a clean-up deleted from kv-avocet yesterday, so that our CMK registry cravocet can pull and push again.""",
canonical=[V + "recover-a-deleted-key"],
related=[T + "key-vault-or-key-was-deleted"],
facts=["Do **not** purge the deleted vault, HSM or key"],
answer_facts=["registry operations resume"],
truth="""List the deleted keys with az keyvault key list-deleted --vault-name kv-avocet, then run az keyvault key recover --vault-name kv-avocet --name kek-avocet; the key can be brought back as long as the vault's soft-delete retention (7 to 90 days, 90 by default) has not run out. Once kek-avocet is back, cravocet works again on its own, and the identity's access on kv-avocet is not affected by the deletion and recovery. Do not purge the key: a purged key cannot be brought back."""),

dict(key="A10", style="agent", form="keywords", kind="troubleshoot", category="keys", quals=["iac"], flags=[],
question=r"""terraform azurerm_key_vault_key with key_type RSA-HSM fails in kv-puffin, standard sku vault, key meant for crpuffin customer-managed key""",
canonical=[T + "rsa-hsm-key-creation-fails-in-a-standard-vault"],
related=[O + "rsa-hsm-keys-need-a-premium-key-vault", C + "complete-terraform-example-with-key-vault-role-assignment-and-registry"],
facts=["A Standard vault (the default) supports software-protected `RSA` keys only."],
answer_facts=["available only on the Premium vault tier"],
truth="""HSM-protected RSA-HSM keys can only be created in a Premium-tier key vault, and kv-puffin is Standard, which holds software-protected RSA keys only. Either set key_type to RSA if software protection is acceptable for crpuffin, or create the key in a Premium vault (sku_name premium), grant the registry's identity access there, and use that key's ID."""),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="howto", category="iac", quals=["iac"], flags=[], typo="paralel",
question=r"""how do i stop bicep deploying the cmk registry and role assignment in paralel?""",
canonical=[C + "bicep-registry-with-a-customer-managed-key"],
related=[C + "common-terraform-and-bicep-errors-with-acr-encryption"],
facts=["add `dependsOn` on the role assignment"],
answer_facts=["The registry does not reference `keyAccess`"],
truth="""Give the registry resource an explicit dependsOn on the role assignment: the registry does not refer to the grant, so without it Bicep deploys both at the same time and the registry can be created before its identity may use the key."""),

dict(key="S2", style="short", kind="yes", category="setup", quals=[], flags=[], typo="unecessary",
question=r"""would granting key vault crypto user to our acr identity be unecessary?""",
canonical=[A + "two-supported-ways-to-grant-key-access"],
related=[A + "why-key-vault-crypto-user-is-not-needed"],
facts=["Do not add it."],
answer_facts=["the only two options"],
truth="""Yes: the registry's identity needs only Key Vault Crypto Service Encryption User on an RBAC vault (or get, wrapKey and unwrapKey in an access policy); Key Vault Crypto User grants more than the registry uses and should not be added."""),

dict(key="S3", style="short", kind="howto", category="rotation", quals=[], flags=[], typo="buisness",
question=r"""move acr off its fixed key version onto automatic rotation in buisness hours""",
canonical=[K + "switch-from-manual-to-automatic-rotation"],
related=[K + "versioned-and-versionless-key-ids", T + "registry-keeps-using-an-old-key-version"],
facts=["leaving out `--identity` keeps the current identity"],
answer_facts=["rotating to the **versionless** ID"],
truth="""Run az acr encryption rotate-key on the registry with the versionless key ID (the key URI without its version segment); from then on it picks up new key versions by itself within an hour, and leaving out --identity keeps the current identity. The docs mention no maintenance window for this change."""),

dict(key="S4", style="short", kind="howto", category="setup", quals=[], flags=[],
question=r"""az keyvault create for a cmk registry: how do i get access policies?""",
canonical=[A + "azure-cli-262-and-later-create-rbac-vaults-by-default"],
related=[S + "step-3-create-the-key-vault-with-purge-protection"],
facts=["Purge protection is recommended (not required)"],
answer_facts=["unless told otherwise"],
truth="""Pass --enable-rbac-authorization false to az keyvault create: since azure-cli 2.62.0 the command makes RBAC vaults unless told otherwise, and az keyvault set-policy is refused on those. Add --enable-purge-protection too, which is recommended for a vault that holds a registry key."""),

dict(key="S5", style="short", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question=r"""set-policy fails with cannot set policies on rbac vault, acr cmk setup""",
canonical=[T + "set-policy-fails-on-an-rbac-key-vault"],
related=[A + "grant-access-with-an-azure-rbac-role"],
facts=["always pass the vault's resource ID"],
answer_facts=["Grant access with a role assignment instead"],
truth="""The vault uses the Azure RBAC permission model (the az keyvault create default since 2.62.0), where access policies do not apply. Give the registry identity Key Vault Crypto Service Encryption User on the vault instead, with az role assignment create using its principal ID, --assignee-principal-type ServicePrincipal and the vault's resource ID as scope."""),

dict(key="S6", style="short", kind="value", category="recovery", quals=["hsm", "oct2026"], flags=[],
question=r"""how many days can a deleted managed hsm be recovered?""",
canonical=[O + "soft-delete-and-purge-protection-on-the-key-vault"],
related=[V + "recover-a-deleted-managed-hsm"],
facts=["keeps being billed"],
answer_facts=["retention 7 to 90 days"],
truth="""Between 7 and 90 days: a Managed HSM's soft-delete retention is fixed with --retention-days when the HSM is created, and it can be recovered within that period; it keeps being billed while it waits."""),

dict(key="S7", style="short", kind="why", category="limits", quals=[], flags=[],
question=r"""why do acr task logs vanish after a day on our cmk registry?""",
canonical=[T + "task-run-logs-disappear-after-24-hours"],
related=[L + "export-task-run-logs-before-they-expire"],
facts=["Automate this"],
answer_facts=["not a fault"],
truth="""ACR Tasks retains run logs for just one day when the registry uses a customer-managed key; that is a documented limitation, not a fault, and no setting extends it. Save each run's az acr task logs output somewhere else within that day."""),

dict(key="S8", style="short", kind="undocumented", category="limits", quals=[], flags=[],
question=r"""can a cmk registry be zone redundant?""",
canonical=[L + "zone-redundancy-with-cmk-is-not-documented"],
related=[L + "feature-compatibility-summary"],
facts=["cannot be changed after creation"],
answer_facts=["neither as supported nor as a limitation"],
truth="""Not documented: zone redundancy appears nowhere in the CMK articles, not as a feature and not as a restriction. The CLI lets you pass --zone-redundancy Enabled along with the key options when creating the registry (and the setting is fixed afterwards), yet whether that pairing is supported is open; try it in a test subscription or ask support."""),

dict(key="S9", style="short", kind="no", category="hsm", quals=["hsm", "oct2026"], flags=[],
question=r"""is managed hsm supported in all azure regions, sovereign clouds included?""",
canonical=[L + "managed-hsm-is-not-available-everywhere"],
related=[M + "requirements-for-a-managed-hsm-key-store"],
facts=["**Managed HSM exists where you need it.**"],
answer_facts=["A Key Vault vault remains the alternative"],
truth="""No: Managed HSM is missing from some Azure clouds and regions, so check that it exists for the registry's cloud and region before picking it as the key store; a Key Vault vault remains the fallback."""),

dict(key="S10", style="short", kind="howto", category="recovery", quals=["hsm", "oct2026"], flags=[],
question=r"""revoking a managed hsm key from our acr: which command?""",
canonical=[V + "revoke-access-to-a-key-in-a-managed-hsm"],
related=[M + "revoke-access-to-a-managed-hsm-key"],
facts=["Any other local role that includes wrap and unwrap (for example Managed HSM Crypto User) keeps access working too."],
answer_facts=["deleting the identity's local role assignment"],
truth="""Delete the registry identity's Managed HSM Crypto Service Encryption User local role assignment at the scope where it was made (normally /keys/<key-name>) with az keyvault role assignment delete --hsm-name, listing it first, and remove any assignment at /keys or / that would keep access. Deleting the key is the other way. Either one blocks all registry data until access is given back."""),

dict(key="S11", style="short", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=[],
question=r"""acr create with managed hsm key fails, hsm shows NotActivated""",
canonical=[M + "provision-and-activate-the-managed-hsm"],
related=[T + "managed-hsm-is-not-activated"],
facts=["A Managed HSM accepts no data-plane requests until it has been activated"],
answer_facts=["Activate** it by downloading its security domain"],
truth="""The HSM was provisioned but never activated, and a Managed HSM takes no data-plane requests until it is. Have an initial administrator activate it by downloading its security domain (az keyvault security-domain download, with at least three wrapping keys and a quorum), check that activationStatus reads Active, then create the key and the local role assignment and run az acr create again."""),

dict(key="S12", style="short", kind="troubleshoot", category="identity", quals=[], flags=[],
question=r"""acr identity remove fails: does not have access to identity, cmk registry""",
canonical=[I + "the-encryption-identity-cannot-simply-be-removed"],
related=[T + "removing-the-encryption-identity-fails"],
facts=["open an Azure support request"],
answer_facts=["rotate encryption to a different identity"],
truth="""That error means you tried to take away the identity the registry encrypts with, which the service does not allow. With a user-assigned one: put it back on the registry (az acr identity assign), switch encryption over to a different identity through az acr encryption rotate-key, and detach the old one only afterwards. If it is the system-assigned identity, the documented route is a support ticket."""),
]

# ---------------- off-topic ----------------
OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind=OFF, category=OFF, subject="tooljet", near_miss=True,
question=r"""Our back-office apps are built in ToolJet, which we run from an image copied into our private container registry. ToolJet encrypts the credentials of the databases each app connects to with a key that we put into its environment during the first install. That value sits in a shared vault entry that a departing contractor could read, so we want to replace it. How do we change that ToolJet key without every saved database connection breaking?""",
truth="""Not covered: changing the key ToolJet uses for stored database credentials is administration of that app builder, not customer-managed key encryption of Azure Container Registry."""),

dict(key="X2", style="long", kind=OFF, category=OFF, subject="directus", near_miss=True,
question=r"""We serve our product catalogue through Directus, deployed from a container image we keep in a private registry. Its configuration carries a key value and a separate signing value that a developer generated years ago before leaving, and a penetration test flagged both as never rotated. If we put new values into the Directus environment, do existing user sessions and uploaded files survive the change, and which of the two values actually matters for that?""",
truth="""Not covered: rotating the key and signing values of a Directus installation is configuration of that content platform, unrelated to ACR encryption with customer-managed keys."""),

dict(key="X3", style="long", kind=OFF, category=OFF, subject="psono", near_miss=True,
question=r"""Psono, the password manager our teams share, runs from an image we host in our own container registry. Its server encrypts parts of its database with a key that was generated at install time and written into the settings file. After an audit finding we have to replace that key. Does Psono support changing it in place, or do we have to export everything and build a fresh server?""",
truth="""Not covered: replacing the server key of a Psono installation is password-manager administration, outside the ACR customer-managed key knowledge."""),

dict(key="X4", style="long", kind=OFF, category=OFF, subject="zipline", near_miss=True,
question=r"""We share files inside the company through Zipline, running from a container image that our private registry hosts. The core key it signs upload links and login sessions with has to change, because a laptop with a copy of our configuration was stolen. What breaks for existing uploads and signed-in users if I change that key in Zipline's settings and restart it?""",
truth="""Not covered: the signing key of a Zipline file-sharing server is that application's configuration, not customer-managed key encryption of a container registry."""),

dict(key="X5", style="long", kind=OFF, category=OFF, subject="plausible", near_miss=True,
question=r"""We run Plausible Analytics for the marketing sites, from an image stored in our private container registry. Its configuration holds the base key that Plausible signs its sessions with, and that value was committed to a repository by mistake. If I generate a new one and restart Plausible, what happens to the people who are currently logged in to the analytics app, and is anything else encrypted with that key?""",
truth="""Not covered: regenerating the session signing key of a Plausible Analytics instance is web-analytics configuration, unrelated to Azure Container Registry CMK encryption."""),

dict(key="X6", style="long", kind=OFF, category=OFF, subject="docmost",
question=r"""Our engineering handbook lives in Docmost. Every team has its own space, and after a reorganisation two teams were merged, so the pages of both spaces should end up in one. Moving pages one by one works, but there are more than four hundred of them and the links between them have to keep working. Is there a way to merge two spaces in Docmost, or a bulk move that keeps the internal links intact?""",
truth="""Not covered: merging spaces in Docmost is documentation-wiki administration, far from ACR encryption with customer-managed keys."""),

dict(key="X7", style="agent", form="context", kind=OFF, category=OFF, subject="technitium",
question=r"""Context: a Technitium server answers name lookups for our office network. Question: how do I block a published list of advertising domains for every client at once?""",
truth="""Not covered: block lists in Technitium are name-server configuration, unrelated to the ACR customer-managed key topic."""),

dict(key="X8", style="agent", form="imperative", kind=OFF, category=OFF, subject="logseq",
question=r"""Explain how to publish a subset of our Logseq pages as a static site for the team without exposing the private journal pages.""",
truth="""Not covered: publishing Logseq pages is outliner tool usage, outside ACR customer-managed keys."""),

dict(key="X9", style="agent", form="keywords", kind=OFF, category=OFF, subject="changedetection",
question=r"""changedetection.io watch a supplier price page and send a webhook only when the listed value drops below a threshold""",
truth="""Not covered: watch filters in changedetection.io are website-monitoring tool settings, not part of the ACR customer-managed key knowledge."""),

dict(key="X10", style="short", kind=OFF, category=OFF, subject="lychee",
question=r"""does lychee strip exif metadata on upload?""",
truth="""Not covered: metadata handling in Lychee is photo-gallery configuration, unrelated to registry encryption."""),

dict(key="X11", style="short", kind=OFF, category=OFF, subject="dashy",
question=r"""how do i group links into sections in dashy""",
truth="""Not covered: link sections in Dashy are start-page layout settings, not ACR customer-managed keys."""),

dict(key="X12", style="short", kind=OFF, category=OFF, subject="siyuan",
question=r"""can siyuan sync notes between two laptops?""",
truth="""Not covered: note synchronisation in SiYuan is a note app's feature, far from ACR encryption with customer-managed keys."""),
]

QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"paralel": "parallel", "unecessary": "unnecessary", "buisness": "business"}
SHAPES = ["two_facts", "kubectl_get_pods", "dig_answer", "terraform_import_output", "grafana_alert",
          "service_health_notice"]
SEED = 73
ID_PREFIX = "ak"

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
SPREAD_SETS = (72, 71)
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
    """(blind73.json text, blind73-meta.json text, blind73-first-canonicals.txt text)"""
    entries, meta = build()
    j = json.dumps(entries, indent=1, ensure_ascii=False) + "\n"
    m = json.dumps(meta, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    f = "\n".join(firsts) + "\n"
    return j, m, f


def main(out=HERE):
    j, m, f = render()
    for name, text in (("blind73.json", j), ("blind73-meta.json", m), ("blind73-first-canonicals.txt", f)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
