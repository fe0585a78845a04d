"""blind56 builder: holds the 60 questions (QUESTIONS) and writes blind56.json, blind56-meta.json and
blind56-first-canonicals.txt. render() returns the three files' exact text (check56.py compares it byte for byte)."""
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
# ---- kubectl_events ----
dict(key="L1", style="long", kind="troubleshoot", category="recovery", quals=["hsm", "oct2026"], flags=["kubectl_events", "two_facts"],
question="""Since yesterday afternoon no pod in our AKS cluster can start a new image from crkestrel. A clean-up script deleted every resource without an owner tag, and kestrelhsm, the Managed HSM that holds crkestrel's key, was one of them. Events of one of the failing pods:

```text
Events:
  Type      Reason    Age                From      Message
  ----      ------    ----               ----      -------
  Normal    Pulling   6m (x5 over 9m)    kubelet   Pulling image "crkestrel.azurecr.io/checkout/api:5.3.1"
  Warning   Failed    6m (x5 over 9m)    kubelet   Failed to pull image "crkestrel.azurecr.io/checkout/api:5.3.1": unexpected status from HEAD request: 403 Forbidden
  Warning   Failed    6m (x5 over 9m)    kubelet   Error: ErrImagePull
  Warning   BackOff   3m (x12 over 9m)   kubelet   Back-off pulling image "crkestrel.azurecr.io/checkout/api:5.3.1"
```

The deleted-resources view for HSMs still lists kestrelhsm. Can we bring the Managed HSM back, what does the person doing it need, and is a deleted HSM still costing us money while we sort this out?""",
canonical=[V + "recover-a-deleted-managed-hsm", M + "recover-a-deleted-managed-hsm-key-or-hsm"],
related=[T + "key-vault-or-key-was-deleted", V + "what-revocation-does-to-the-registry", V + "how-purge-protection-protects-the-registry"],
facts=["The HSM name stays reserved while it is soft-deleted."],
answer_facts=["keeps being billed while it waits", "because its hardware stays allocated", "the azure role managed hsm contributor"],
truth="The 403 Forbidden and ErrImagePull come from the missing key store: without kestrelhsm, crkestrel can't unwrap its data, so every pull fails. A deleted Managed HSM is soft-deleted first and can be recovered within the retention period chosen when it was created (7 to 90 days): az keyvault recover --hsm-name kestrelhsm --location <the region it was in>. Whoever runs that needs the Azure role Managed HSM Contributor. And yes, it costs money: a soft-deleted HSM is billed the whole time, because its hardware remains allocated, so recover it promptly and never purge it, since purging would destroy crkestrel's key and with it the registry's data. Afterwards check that the key and the identity's local role assignment are in place, then retry the pulls."),

dict(key="L2", style="long", kind="yes", category="troubleshooting", quals=[], flags=["kubectl_events"],
question="""Postmortem question. A quarterly permissions review on kv-plover, an access-policy vault, deleted every policy whose object ID the reviewer didn't recognise, and one of them belonged to id-plover, the identity crplover uses for its key. Within minutes the cluster looked like this:

```text
$ kubectl get events -n payments --field-selector type=Warning
LAST SEEN   TYPE      REASON    OBJECT                       MESSAGE
2m          Warning   Failed    pod/ledger-5c8d7b9f6-qwt2m   Failed to pull image "crplover.azurecr.io/payments/ledger:2.14.0": failed to authorize: 403 Forbidden
2m          Warning   Failed    pod/ledger-5c8d7b9f6-qwt2m   Error: ErrImagePull
90s         Warning   BackOff   pod/ledger-5c8d7b9f6-qwt2m   Back-off pulling image "crplover.azurecr.io/payments/ledger:2.14.0"
```

We put the policy back with get, wrapKey and unwrapKey an hour later and the pulls recovered on their own. Was re-adding the policy really all it took, with nothing to run on crplover itself, and is it expected that every repository failed, not just payments?""",
canonical=[T + "registry-access-lost-after-key-permissions-were-revoked"],
related=[V + "what-revocation-does-to-the-registry", V + "restore-access-after-a-revocation", V + "revoke-by-removing-the-access-policy"],
facts=["Retry registry operations once the grant has propagated"],
answer_facts=["blocks access to all data", "the registry picks it up"],
truth="Yes: deleting id-plover's policy revoked crplover's customer-managed key, and a revocation blocks all of the registry's data, so the 403 and ErrImagePull hit every repository, not just payments; revocation doesn't work per repository. It is reversible as long as the key exists: as soon as the identity may read, wrap and unwrap with the key again, the registry resumes by itself, and no command on crplover is needed. On an access-policy vault, putting the policy back for id-plover's principal ID was the right fix (a role assignment would have done nothing there). For the next review, compare each policy's object ID with the registries' encryption identities first, and treat permission changes on kv-plover as production changes."),

dict(key="L3", style="long", kind="howto", category="keys", quals=["iac"], flags=["kubectl_events"],
question="""Someone on the platform team wanted a gentler way than deleting to take a key out of service and, in the portal, set the current version of heron-kek in kv-heron to Enabled = No. That version was the one crheron was using. Our deployments started failing straight after:

```text
Events:
  Type      Reason    Age                From      Message
  ----      ------    ----               ----      -------
  Normal    Pulling   40s (x3 over 2m)   kubelet   Pulling image "crheron.azurecr.io/ml/trainer:0.9.7"
  Warning   Failed    40s (x3 over 2m)   kubelet   Failed to pull image "crheron.azurecr.io/ml/trainer:0.9.7": rpc error: code = Unknown desc = failed to resolve reference: 403 Forbidden
  Warning   Failed    40s (x3 over 2m)   kubelet   Error: ErrImagePull
```

How do we get crheron back, and if we ever want to retire a key version without breaking the registry, what is the proper sequence?""",
canonical=[T + "key-is-disabled-or-expired"],
related=[V + "disabling-the-key-instead-a-key-vault-option-not-in-the-acr-docs", K + "check-which-key-version-the-registry-uses", K + "move-to-a-new-version-of-the-same-key"],
facts=["Enable the key version the registry uses again."],
answer_facts=["refuses every cryptographic operation on a disabled", "in effect this is a revocation"],
truth="Turn that version back on. Key Vault refuses all cryptographic operations with a disabled key version, so crheron can't unwrap its data and the pulls end in 403 and ErrImagePull; in practice that is a revocation, although the ACR articles don't list disabling as one. Take the version from versionedKeyIdentifier in az acr encryption show (its last path segment) and run az keyvault key set-attributes --vault-name kv-heron --name heron-kek --version <that version> --enabled true, then retry the rollout. To phase a version out, don't disable the one in use: create a new version first (az keyvault key create with the same name, or az keyvault key rotate), move crheron to it (within an hour with a versionless key ID, or with az acr encryption rotate-key if it is pinned), and confirm in versionedKeyIdentifier that it is no longer the old one."),

dict(key="L4", style="long", kind="why", category="recovery", quals=[], flags=["kubectl_events"],
question="""kv-osprey has had purge protection on since the day crosprey was built, and our risk register lists it as the control against losing the registry's key. Last Tuesday an engineer deleted osprey-kek by mistake while tidying up test keys; we noticed within twenty minutes and recovered it. For those twenty minutes the cluster showed this on every rollout:

```text
$ kubectl get events -A --field-selector reason=Failed
NAMESPACE   LAST SEEN   TYPE      REASON   OBJECT                        MESSAGE
web         14m         Warning   Failed   pod/storefront-6b7c9d-h4x8p   Failed to pull image "crosprey.azurecr.io/web/storefront:8.1.2": 403 Forbidden
web         14m         Warning   Failed   pod/storefront-6b7c9d-h4x8p   Error: ErrImagePull
```

Management now asks why the control we were relying on did not prevent the outage. What should I tell them?""",
canonical=[V + "how-purge-protection-protects-the-registry"],
related=[V + "recover-a-deleted-key", V + "what-revocation-does-to-the-registry", O + "soft-delete-and-purge-protection-on-the-key-vault"],
facts=["Purge protection cannot be turned off again"],
answer_facts=["does not stop a deletion", "locked out from the moment of deletion"],
truth="Because purge protection guards against a different failure. It makes sure a deleted key or vault can't be erased before its retention period ends, so osprey-kek could always be brought back, but it doesn't stop anyone from deleting the key. From the deletion until the recovery, crosprey had no usable key, and every pull ended in 403 Forbidden and ErrImagePull. So the control did its job: it turned an accidental deletion into a twenty-minute outage instead of the permanent loss of the registry's data. Preventing the outage itself is a different control, such as restricting who may delete keys in kv-osprey."),

dict(key="L5", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["kubectl_events"],
question="""We're preparing the first revocation drill for crmerlin, whose key merlin-kek lives in merlinhsm, our Managed HSM. Only one team should be affected, so the plan was to revoke during their maintenance window. A dry run in staging with the same setup produced this on a pod of a completely different team:

```text
Events:
  Type      Reason    Age   From      Message
  ----      ------    ---   ----      -------
  Warning   Failed    51s   kubelet   Failed to pull image "crmerlinstg.azurecr.io/search/indexer:3.0.4": 403 Forbidden
  Warning   Failed    51s   kubelet   Error: ErrImagePull
  Warning   BackOff   38s   kubelet   Back-off pulling image "crmerlinstg.azurecr.io/search/indexer:3.0.4"
```

Can a revocation in the Managed HSM be limited to some repositories? If it can't, how do we run the drill and bring crmerlin back afterwards?""",
canonical=[V + "what-revocation-does-to-the-registry"],
related=[M + "revoke-access-to-a-managed-hsm-key", V + "revoke-access-to-a-key-in-a-managed-hsm", V + "restore-access-after-a-revocation"],
facts=["Deleting the key, or the whole key vault or Managed HSM, has the same effect"],
answer_facts=["there is no partial revocation per repository", "the registry picks the key up again"],
truth="It can't: when the registry's identity loses its permission on the key, all of the registry's data becomes unreadable, which is why the indexer pull of another team failed as well. Plan the drill as an outage of the whole registry. Revoke by deleting the identity's Managed HSM Crypto Service Encryption User assignment at the same scope it was created at: list it first with az keyvault role assignment list --hsm-name merlinhsm --assignee-object-id <principal ID>, then az keyvault role assignment delete with the same role and --scope /keys/merlin-kek, and remove any assignment at /keys or / too, or the drill won't bite. To end it, create the assignment again with --assignee-principal-type MSI at /keys/merlin-kek; once it has taken effect, crmerlin reconnects to its key without any registry command and ErrImagePull stops."),

# ---- powershell_error_record ----
dict(key="L6", style="long", kind="troubleshoot", category="keys", quals=[], flags=["powershell_error_record"],
question=r"""Our security baseline now asks for HSM-protected keys, so I changed the key step of our Windows provisioning script to RSA-HSM. The vault kv-curlew was created by the same script a while ago, with no SKU given. Now the key step fails:

```text
PS C:\platform\acr> .\New-CmkRegistry.ps1 -Name crcurlew
az : ERROR: (BadParameter) The operation is not supported for keys of this type in this vault.
At C:\platform\acr\New-CmkRegistry.ps1:48 char:5
+     az keyvault key create --vault-name $VaultName --name $KeyName --kty RSA-HSM --size 3072
+     ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
    + CategoryInfo          : NotSpecified: (ERROR: (BadPara...in this vault.:String) [], RemoteException
    + FullyQualifiedErrorId : NativeCommandError
```

Is something wrong with the command, or with kv-curlew? We'd like to keep using that vault if we can.""",
canonical=[T + "rsa-hsm-key-creation-fails-in-a-standard-vault"],
related=[O + "rsa-hsm-keys-need-a-premium-key-vault", O + "which-key-types-and-sizes-are-supported", T + "managed-hsm-key-has-the-wrong-type-or-operations"],
facts=["If software protection is acceptable, create a plain RSA key in the current vault."],
answer_facts=["available only on the premium vault tier", "can hold software-protected rsa keys only"],
truth="kv-curlew is the problem, not the command. Created without a SKU, it is a Standard vault, and HSM-protected keys (RSA-HSM) need the Premium vault tier; a Standard vault only holds software-protected RSA keys. NativeCommandError is just PowerShell reporting that az wrote an error. To keep kv-curlew, create a plain RSA key instead (--kty RSA --size 3072), which ACR accepts just as well. If the baseline insists on HSM protection, create a Premium vault (az keyvault create with --sku premium and --enable-purge-protection), give crcurlew's identity access there and create the RSA-HSM key in it, or use a Managed HSM, where every key is HSM-backed and no vault tier is involved."),

dict(key="L7", style="long", kind="troubleshoot", category="identity", quals=[], flags=["powershell_error_record"],
question=r"""I'm creating crdunlin from PowerShell and wanted to skip the separate identity altogether, since the registry gets an identity of its own anyway. The create step:

```text
PS C:\work> az acr create -n crdunlin -g rg-dunlin --identity '[system]' --key-encryption-key https://kv-dunlin.vault.azure.net/keys/dunlin-kek --sku Premium
az : ERROR: (ResourceNotFound) The user-assigned identity named [system] could not be found in resource group rg-dunlin.
At line:1 char:1
+ az acr create -n crdunlin -g rg-dunlin --identity '[system]' --key-en ...
+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
    + CategoryInfo          : NotSpecified: (ERROR: (Resourc...s not found.:String) [], RemoteException
    + FullyQualifiedErrorId : NativeCommandError
```

Quoting [system] worked for az acr identity assign on other registries, so why does it look for a user-assigned identity here, and what is the least effort way to end up with crdunlin encrypted under its own identity?""",
canonical=[T + "system-assigned-identity-rejected-at-registry-creation"],
related=[I + "a-user-assigned-identity-is-required-when-the-registry-is-created", I + "switch-to-the-registrys-system-assigned-identity-after-creation", S + "rules-that-az-acr-create-enforces-for-cmk"],
facts=["Switch encryption to the system-assigned identity."],
answer_facts=["can be used only later", "treated as the name of a user-assigned"],
truth="Because az acr create only takes a user-assigned identity: the registry's own identity doesn't exist before the registry does, so the CLI reads [system] as the name of a user-assigned identity in rg-dunlin, and that lookup fails (NativeCommandError is only PowerShell relaying az's error). Create crdunlin with a user-assigned identity that already has access to dunlin-kek (get, wrapKey and unwrapKey, or Key Vault Crypto Service Encryption User on kv-dunlin). Then switch: az acr identity assign -n crdunlin --identities '[system]', give the principal ID that az acr identity show returns the same access, run az acr encryption rotate-key -n crdunlin --key-encryption-key <key ID> --identity '[system]', and check that az acr encryption show reports system. Only after that detach the user-assigned identity."),

dict(key="L8", style="long", kind="howto", category="setup", quals=[], flags=["powershell_error_record"],
question=r"""New subscription, new vault, first CMK registry. I created kv-gannet with the current Azure CLI from PowerShell a minute ago and I'm Owner on the subscription, yet creating the key fails:

```text
PS C:\Users\ops> az keyvault key create --vault-name kv-gannet -n gannet-kek --kty RSA --size 4096
az : ERROR: (Forbidden) The caller lacks permission for this key operation on kv-gannet.
Action: 'Microsoft.KeyVault/vaults/keys/create/action'
Assignment: (not found)
Inner error: ForbiddenByRbac
At line:1 char:1
+ az keyvault key create --vault-name kv-gannet -n gannet-kek --kty RSA ...
+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
    + CategoryInfo          : NotSpecified: (ERROR: (Forbidd...n kv-gannet.:String) [], RemoteException
    + FullyQualifiedErrorId : NativeCommandError
```

Which role do I need to give myself on kv-gannet, and should crgannet's identity get the same one so that everything is in one place?""",
canonical=[A + "your-own-permissions-to-create-keys-in-an-rbac-vault"],
related=[T + "operator-cannot-create-the-key-in-an-rbac-vault", A + "azure-cli-262-and-later-create-rbac-vaults-by-default", A + "grant-access-with-an-azure-rbac-role"],
facts=["This role is for the operator only"],
answer_facts=["does not let you create keys", "cannot grant access to others"],
truth="Key Vault Crypto Officer for yourself, and a different, smaller role for the identity. kv-gannet uses the RBAC permission model (the CLI default since 2.62), where Owner covers the vault as an Azure resource but not the keys inside it; creating a key is a data-plane action, hence ForbiddenByRbac (the NativeCommandError line is only PowerShell's wrapper). As Owner you may assign the role yourself: az role assignment create --assignee-object-id <your object ID> --assignee-principal-type User --role \"Key Vault Crypto Officer\" --scope <resource ID of kv-gannet>, then wait a few minutes and create the key again. crgannet's identity should get only Key Vault Crypto Service Encryption User on the vault, as ServicePrincipal; Crypto Officer would let it manage every key, far more than reading one and wrapping and unwrapping with it."),

dict(key="L9", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["powershell_error_record"],
question=r"""shrikehsm, the Managed HSM for crshrike, was provisioned this morning by our infrastructure pipeline and the portal shows it as Succeeded. My PowerShell script then creates the key and gives the registry identity its local role, and the very first call fails:

```text
PS C:\ops\hsm> .\Initialize-ShrikeKey.ps1
az : ERROR: (Forbidden) The requested operation is not permitted for this HSM pool in its current state.
At C:\ops\hsm\Initialize-ShrikeKey.ps1:12 char:1
+ az keyvault key create --hsm-name shrikehsm --name shrike-kek --kty R ...
+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
    + CategoryInfo          : NotSpecified: (ERROR: (Forbidd...current state.:String) [], RemoteException
    + FullyQualifiedErrorId : NativeCommandError
```

I'm one of the administrators the pipeline named when it created the HSM. Why won't the Managed HSM take the key? And what else has to be true before crshrike can be created with it?""",
canonical=[M + "requirements-for-a-managed-hsm-key-store"],
related=[M + "provision-and-activate-the-managed-hsm", T + "managed-hsm-is-not-activated", M + "local-rbac-roles-for-acr-encryption"],
facts=["A new Managed HSM accepts no data-plane requests until it has been activated"],
answer_facts=["no local roles assigned before then", "you create that role assignment yourself"],
truth="Most likely shrikehsm hasn't been activated yet. Provisioning (Succeeded) is only the first half; until activation the Managed HSM refuses every data-plane request, so neither the key nor the local role can be created, and NativeCommandError is only PowerShell passing az's error on. Check activationStatus under securityDomainProperties with az keyvault show --hsm-name shrikehsm; as an initial administrator you activate it by downloading the security domain, protected by three or more RSA public keys plus a quorum. Then, before crshrike can use the key: create it as RSA-HSM with wrapKey and unwrapKey permitted, which needs a key-creating local role such as Managed HSM Crypto User; give the registry's user-assigned identity Managed HSM Crypto Service Encryption User at /keys/shrike-kek yourself, since nothing does that for you; allow trusted services if the HSM firewall is on; and make sure Managed HSM is offered in crshrike's region."),

dict(key="L10", style="long", kind="troubleshoot", category="setup", quals=["iac"], flags=["powershell_error_record"],
question=r"""Our Windows automation talks to the ARM REST API directly with Invoke-RestMethod instead of using the CLI. The request body for crsiskin asks for a customer-managed key, but our parameter file overrides the SKU with Standard to save money, and the request fails:

```text
PS C:\automation> .\Deploy-Registry.ps1 -Name crsiskin -Environment prod
Invoke-RestMethod : {"error":{"code":"BadRequest","message":"Customer-managed key encryption requires the Premium tier."}}
At C:\automation\Deploy-Registry.ps1:77 char:1
+ Invoke-RestMethod -Method Put -Uri $registryUri -Headers $headers -Bo ...
+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
    + CategoryInfo          : InvalidOperation: (System.Net.HttpWebRequest:HttpWebRequest) [Invoke-RestMethod], WebException
    + FullyQualifiedErrorId : WebCmdletWebResponseException,Microsoft.PowerShell.Commands.InvokeRestMethodCommand
```

Finance would like the registry on Standard. Can we create it as Standard now and turn the key on once we upgrade, or create it as Premium with the key and drop to Standard afterwards?""",
canonical=[T + "cmk-needs-the-premium-tier"],
related=[O + "cmk-requires-the-premium-sku", L + "changing-the-sku-of-a-cmk-registry-is-not-documented", O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
facts=["confirm with Azure support"],
answer_facts=["exists only in the premium tier", "does not add cmk afterwards"],
truth="Neither route works as hoped. A customer-managed key exists only on the Premium tier, so Resource Manager rejects the request with Standard (WebCmdletWebResponseException is simply how Invoke-RestMethod reports the HTTP error), and the key can only be chosen while the registry is being created, so a Standard crsiskin upgraded to Premium later still couldn't get one. The other direction isn't documented: nothing in the docs says whether a CMK registry may move down from Premium, and since CMK can never be switched off, don't plan on it without asking Azure support first. If crsiskin needs its own key, deploy it as Premium with encryption from the start; if Standard matters more, it has to run without a customer-managed key."),

# ---- gha_log_groups ----
dict(key="L11", style="long", kind="troubleshoot", category="network", quals=[], flags=["gha_log_groups"],
question="""Our nightly GitHub Actions workflow imports base images from Docker's public registry into crlinnet. It ran fine for a year, but since security switched kv-linnet to Deny with a couple of office ranges allowed, it fails every night. Raw log of the step:

```text
2026-11-17T02:00:41.1836220Z ##[group]Run az acr import --name crlinnet --source docker.io/library/redis:7.4 --image mirror/redis:7.4
2026-11-17T02:00:41.1837104Z az acr import --name crlinnet --source docker.io/library/redis:7.4 --image mirror/redis:7.4
2026-11-17T02:00:41.1891562Z shell: /usr/bin/bash -e {0}
2026-11-17T02:00:41.1892018Z ##[endgroup]
2026-11-17T02:01:12.7740931Z ERROR: (Forbidden) The key store rejected the request from the registry. Code: ForbiddenByFirewall
2026-11-17T02:01:12.9021773Z ##[error]Process completed with exit code 1.
```

Pulls by our developers still work. What did the firewall change break, and how do we fix it without opening kv-linnet up again?""",
canonical=[T + "http-403-after-enabling-the-key-vault-firewall"],
related=[N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry", N + "allow-trusted-services-and-deny-other-traffic", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
facts=["The trusted-services exception only covers ACR, not your own clients or the portal"],
answer_facts=["now reject requests from the registry", "open an azure support request"],
truth="The firewall now turns away crlinnet itself. Importing into an encrypted registry needs the key, and with default action Deny only trusted Azure services get through, which kv-linnet evidently doesn't allow, hence ForbiddenByFirewall. Keep Deny and the office ranges and let trusted services pass: az keyvault update --name kv-linnet -g <resource group> --bypass AzureServices. Then apply crlinnet's current key and identity again with rotate-key, taking both from az acr encryption show (keyVaultProperties.keyIdentifier and keyVaultProperties.identity, or '[system]' if the identity reads system), and rerun the workflow. Automatic key rotation breaks for the same reason, so check versionedKeyIdentifier afterwards; if the 403s persist, open a support request with Azure."),

dict(key="L12", style="long", kind="value", category="iac", quals=["iac"], flags=["gha_log_groups"],
question="""First run of our new Terraform registry module for crtern in GitHub Actions. The plan looked fine, with the identity block listing id-tern and encryption filled in from the identity's outputs, but the apply step fails:

```text
2026-11-20T09:14:02.5518734Z ##[group]Run terraform apply -input=false -auto-approve tfplan
2026-11-20T09:14:02.5519310Z terraform apply -input=false -auto-approve tfplan
2026-11-20T09:14:02.5580442Z shell: /usr/bin/bash -e {0}
2026-11-20T09:14:02.5581057Z ##[endgroup]
2026-11-20T09:15:31.3302918Z Error: creating Registry "crtern": InvalidEncryptionIdentity: client ID 4b9e2c70-1d5a-4f83-9a62-e07c3d8b5f19 does not match any user-assigned identity of the registry
2026-11-20T09:15:31.4118320Z ##[error]Terraform exited with code 1.
```

4b9e2c70-1d5a-4f83-9a62-e07c3d8b5f19 is the principal_id output of id-tern. Which value belongs in identity_client_id, and where do the identity's other IDs go?""",
canonical=[C + "terraform-azurerm_container_registry-encryption-block"],
related=[C + "common-terraform-and-bicep-errors-with-acr-encryption", I + "which-identity-value-goes-where", C + "complete-terraform-example-with-key-vault-role-assignment-and-registry"],
facts=["The identity in `encryption` must also be listed in `identity_ids`."],
answer_facts=["the user-assigned identity's `client_id`", "list containing the same identity's resource `id`"],
truth="The identity's client ID: identity_client_id takes the user-assigned identity's client_id (azurerm_user_assigned_identity.<name>.client_id). A principal_id is a UUID too, so the plan accepts it, but it matches none of the registry's identities, hence InvalidEncryptionIdentity at apply. The principal_id belongs in the role assignment that gives the identity key access. The resource ID goes into the registry's identity block, type = \"UserAssigned\" with identity_ids containing id-tern's id, and the identity used for encryption has to be listed there. key_vault_key_id takes the key URI (the key's versionless_id for automatic rotation), and sku must be Premium."),

dict(key="L13", style="long", kind="howto", category="iac", quals=["iac"], flags=["gha_log_groups"],
question="""Our Bicep file for crpuffin deploys the identity, a role assignment on the existing vault kv-puffin, and the registry. In a fresh environment the GitHub Actions deployment fails on the registry, and a rerun of the same commit a few minutes later goes green:

```text
2026-11-21T15:42:10.0038517Z ##[group]Run az deployment group create -g rg-puffin -f infra/registry.bicep -p registryName=crpuffin keyVaultName=kv-puffin keyName=puffin-kek
2026-11-21T15:42:10.0039140Z az deployment group create -g rg-puffin -f infra/registry.bicep -p registryName=crpuffin keyVaultName=kv-puffin keyName=puffin-kek
2026-11-21T15:42:10.0102365Z shell: /usr/bin/bash -e {0}
2026-11-21T15:42:10.0102988Z ##[endgroup]
2026-11-21T15:44:58.6610294Z ERROR: DeploymentFailed: At least one resource deployment operation failed. BadRequest: Failed to access KeyId 'https://kv-puffin.vault.azure.net/keys/puffin-kek'.
2026-11-21T15:44:58.8123006Z ##[error]Process completed with exit code 1.
```

The registry resource only uses the identity's clientId and the key's keyUri. How should the template change so that the first deployment goes through?""",
canonical=[C + "bicep-registry-with-a-customer-managed-key"],
related=[C + "common-terraform-and-bicep-errors-with-acr-encryption", C + "why-the-registry-needs-depends_on-on-the-role-assignment", A + "grant-access-with-an-azure-rbac-role"],
facts=["Key Vault Crypto Service Encryption User"],
answer_facts=["what makes the grant exist first", "the registry does not reference `keyaccess`"],
truth="Give the registry resource an explicit dependsOn on the role assignment (dependsOn: [ keyAccess ], or whatever your assignment resource is called). The registry refers to the identity and the key but not to the assignment, so Resource Manager deploys them side by side, and the registry can be created before its identity has key access: that is the DeploymentFailed with Failed to access KeyId, and the rerun passes because the grant exists by then. A brand-new role assignment may also need a few minutes to become effective, so an occasional retry can still be needed. Keep the assignment as Key Vault Crypto Service Encryption User (role ID e147488a-f6f5-4113-8e2d-b22465e65bf6) scoped to the vault, with principalType ServicePrincipal."),

dict(key="L14", style="long", kind="howto", category="limits", quals=[], flags=["gha_log_groups"],
question="""Our weekly compliance job in GitHub Actions collects the build logs of every ACR Tasks run on crredstart for the audit archive. Since crredstart was rebuilt with a customer-managed key, it archives almost nothing:

```text
2026-11-23T06:30:04.2271905Z ##[group]Run ./scripts/archive-task-logs.sh crredstart 7d
2026-11-23T06:30:04.2272580Z ./scripts/archive-task-logs.sh crredstart 7d
2026-11-23T06:30:04.2330117Z shell: /usr/bin/bash -e {0}
2026-11-23T06:30:04.2330871Z ##[endgroup]
2026-11-23T06:30:31.0905512Z az acr task logs --registry crredstart --run-id cf2a: empty
2026-11-23T06:30:31.4102296Z az acr task logs --registry crredstart --run-id cf29: empty
2026-11-23T06:30:33.8861140Z archived 1 of 41 runs
2026-11-23T06:30:33.9924418Z ##[error]Archive incomplete for crredstart
```

Is there a retention setting we missed on the new registry, and how should the archiving work from now on?""",
canonical=[L + "acr-tasks-run-logs-are-kept-for-only-24-hours"],
related=[L + "export-task-run-logs-before-they-expire", T + "task-run-logs-disappear-after-24-hours", L + "feature-compatibility-summary"],
facts=["so they vanish after a day"],
answer_facts=["retained for **24 hours** only", "copy them out while they exist"],
truth="Nothing was missed: ACR Tasks run logs live for just 24 hours on a registry that has a customer-managed key, and the docs offer no way to extend that, so a weekly job finds the older runs' logs already gone. Archive each log within a day instead, ideally at the end of the pipeline that starts the task: az acr task logs --registry crredstart --run-id <run ID> > acr-run-<run ID>.log, then upload the file to the archive (az acr task list-runs --registry crredstart lists the run IDs). Logs that have already expired can't be recovered."),

dict(key="L15", style="long", kind="howto", category="network", quals=["hsm", "oct2026"], flags=["gha_log_groups"],
question="""A scheduled GitHub Actions workflow adds a new version of bittern-kek in bitternhsm every quarter; crbittern has the versionless key URI, so it picks the version up by itself. This quarter the step broke, right after the network team turned on the Managed HSM firewall:

```text
2026-11-24T04:00:09.6617240Z ##[group]Run az keyvault key create --hsm-name bitternhsm --name bittern-kek --kty RSA-HSM --ops wrapKey unwrapKey
2026-11-24T04:00:09.6617893Z az keyvault key create --hsm-name bitternhsm --name bittern-kek --kty RSA-HSM --ops wrapKey unwrapKey
2026-11-24T04:00:09.6671550Z shell: /usr/bin/bash -e {0}
2026-11-24T04:00:09.6672215Z ##[endgroup]
2026-11-24T04:00:11.2039148Z ERROR: (Forbidden) Client address 20.61.118.42 is not authorized for this HSM. Code: ClientAddressNotAuthorized
2026-11-24T04:00:11.3150672Z ##[error]Process completed with exit code 1.
```

The workflow runs on GitHub-hosted runners. What does the Managed HSM need so that the workflow can add versions again, and does crbittern itself also need an address on that firewall?""",
canonical=[N + "managed-hsm-firewall-and-trusted-services"],
related=[M + "managed-hsm-firewall-and-trusted-services", N + "the-vault-firewall-covers-the-data-plane-only", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["the registry must reach the key when it is created"],
answer_facts=["need an allowed address of their own", "the bypass only opens the network"],
truth="A network rule for the workflow's address. The HSM firewall filters the data plane, where key versions are created, and the trusted-services exception only lets ACR through, not your workflow, hence ClientAddressNotAuthorized. Add the runner's egress address with az keyvault network-rule add --hsm-name bitternhsm --ip-address <address>; since GitHub-hosted runners don't come from one fixed address, run this job on a runner with a known address or inside an allowed network. crbittern needs no address of its own: it reaches the key as a trusted service, so keep the bypass on the Managed HSM (az keyvault update-hsm --hsm-name bitternhsm -g <resource group> --bypass AzureServices --default-action Deny). Without that bypass, automatic rotation would fail with 403 just like your workflow."),

# ---- ndjson_log ----
dict(key="L16", style="long", kind="troubleshoot", category="keys", quals=[], flags=["ndjson_log"],
question="""crfulmar lost access to its key yesterday at 14:02 and nobody admits to touching the key. The activity log of kv-fulmar, pulled with the CLI and flattened with jq, has this around that time:

```text
$ az monitor activity-log list --resource-id "$FULMAR_KV_ID" --start-time 2026-11-25T13:30Z -o json | jq -c '.[] | {time: .eventTimestamp, op: .operationName.value, caller, status: .status.value}'
{"time":"2026-11-25T14:01:47Z","op":"Microsoft.KeyVault/vaults/write","caller":"landing-zone-bot@contoso.com","status":"Succeeded"}
{"time":"2026-11-25T13:58:03Z","op":"Microsoft.Authorization/policyAssignments/write","caller":"landing-zone-bot@contoso.com","status":"Succeeded"}
{"time":"2026-11-25T13:41:22Z","op":"Microsoft.KeyVault/vaults/read","caller":"mira.olsen@contoso.com","status":"Succeeded"}
```

The landing-zone change that ran at that time rolled out RBAC for all vaults. kv-fulmar used access policies until then, and crfulmar's identity id-fulmar had an access policy granting get, wrapKey and unwrapKey. Is the vault write the likely cause? And what is the quickest way to restore access without undoing the landing-zone change?""",
canonical=[A + "changing-an-existing-vaults-permission-model"],
related=[A + "which-permission-model-does-my-key-vault-use", A + "grant-access-with-an-azure-rbac-role", T + "role-assignment-has-no-effect-on-an-access-policy-vault"],
facts=["The ACR docs do not discuss switching models."],
answer_facts=["the models do not carry over", "the old access policies stop counting"],
truth="Very likely: the Microsoft.KeyVault/vaults/write by landing-zone-bot at 14:01 would be the switch to the RBAC permission model, and the two models don't carry over. Once kv-fulmar uses Azure RBAC, its access policies no longer count, so id-fulmar's get, wrapKey and unwrapKey stopped granting anything and crfulmar couldn't reach its key. Keep RBAC and give id-fulmar the role instead: az role assignment create --assignee-object-id <principal ID of id-fulmar> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <resource ID of kv-fulmar>; a few minutes later crfulmar picks up its key again. Confirm the switch with properties.enableRbacAuthorization in az keyvault show, and ask the landing-zone team to create the role assignments before they flip the next vault."),

dict(key="L17", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["ndjson_log"],
question="""crgrebe is supposed to get its key from grebehsm, our new Managed HSM, but creating the registry fails on key access every time. Our cloud team granted access the way they always do for vaults. The role assignments of crgrebe's identity, as JSON lines:

```text
$ az role assignment list --include-inherited --all --assignee-object-id 5e2b8d14-9c3f-4a70-b6d1-0f8e2a7c4b93 -o json | jq -c '.[] | {scope, role: .roleDefinitionName}'
{"scope":"/subscriptions/8b41f0d2-6e37-4c95-a0b8-d2f5c19e7a36/resourceGroups/rg-apps","role":"AcrPull"}
{"scope":"/subscriptions/8b41f0d2-6e37-4c95-a0b8-d2f5c19e7a36/resourceGroups/rg-grebe","role":"Reader"}
{"scope":"/subscriptions/8b41f0d2-6e37-4c95-a0b8-d2f5c19e7a36/resourceGroups/rg-grebe/providers/Microsoft.KeyVault/managedHSMs/grebehsm","role":"Key Vault Crypto Service Encryption User"}
```

What grant does the identity actually need on the Managed HSM, at which scope, and who on our side is allowed to create it?""",
canonical=[M + "local-rbac-roles-for-acr-encryption"],
related=[A + "grant-access-to-a-key-in-a-managed-hsm", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope", M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli"],
facts=["Key Vault access policies do not exist on a Managed HSM."],
answer_facts=["govern management operations only", "the least-privilege scope the acr tutorials recommend"],
truth="A role inside the HSM's own local RBAC, not an Azure role assignment. The Key Vault Crypto Service Encryption User entry on the managedHSMs resource is Azure RBAC, which only covers managing grebehsm and never lets anyone use a key, and vault roles don't reach a Managed HSM's keys anyway. Give the identity's principal ID the local role Managed HSM Crypto Service Encryption User on the key: az keyvault role assignment create --hsm-name grebehsm --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id 5e2b8d14-9c3f-4a70-b6d1-0f8e2a7c4b93 --assignee-principal-type MSI --scope /keys/<key name>. /keys or / would work too but grant more. Only a Managed HSM Administrator, Crypto Officer or Policy Administrator can create that assignment; allow several minutes before retrying the create, and remove the useless Azure assignment."),

dict(key="L18", style="long", kind="troubleshoot", category="recovery", quals=["iac"], flags=["ndjson_log", "two_facts"],
question="""Timeline from last night, exported from the activity log as JSON lines. kv-nightjar holds the key of crnightjar and uses Azure RBAC:

```text
{"time":"2026-11-26T22:10:05Z","op":"Microsoft.KeyVault/vaults/delete","caller":"decom-runner","status":"Succeeded"}
{"time":"2026-11-26T22:11:40Z","op":"Microsoft.ContainerRegistry/registries/importImage/action","caller":"release-pipeline","status":"Failed"}
{"time":"2026-11-26T23:02:17Z","op":"Microsoft.KeyVault/locations/deletedVaults/recover/action","caller":"oncall.sre@contoso.com","status":"Succeeded"}
{"time":"2026-11-27T07:45:33Z","op":"Microsoft.ContainerRegistry/registries/importImage/action","caller":"release-pipeline","status":"Failed"}
```

The on-call engineer recovered the vault in the portal about fifty minutes later, and the key came back with all its versions. Yet imports into crnightjar still fail this morning. What is still missing after the recovery, and is there anything we should not do while fixing it?""",
canonical=[V + "re-create-rbac-role-assignments-after-recovering-a-vault", T + "key-vault-or-key-was-deleted"],
related=[V + "recover-a-deleted-key-vault", V + "how-purge-protection-protects-the-registry", A + "grant-access-with-an-azure-rbac-role"],
facts=["Access policies are part of the vault and come back with it."],
answer_facts=["does **not** bring them back", "do **not** purge the deleted vault"],
truth="The registry identity's role assignment. When decom-runner deleted kv-nightjar, its Azure role assignments went with it, and recovering a vault doesn't restore them, unlike access policies, which are stored in the vault itself. Re-create Key Vault Crypto Service Encryption User for crnightjar's encryption identity: az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <resource ID of kv-nightjar>, plus any operator roles such as Key Vault Crypto Officer, then retry the import. What not to do: don't purge anything while you work on it; purging a deleted vault or key can't be undone and would take the registry's data with it. Turning on purge protection stops that from ever happening by accident."),

dict(key="L19", style="long", kind="no", category="limits", quals=["iac"], flags=["ndjson_log"],
question="""Compliance wants every Premium registry in the subscription encrypted with our own key by the end of the quarter. I listed them and flattened the output:

```text
$ az acr list -o json | jq -c '.[] | {name, sku: .sku.name, cmk: .encryption.status}'
{"name":"crwaxwing","sku":"Premium","cmk":"disabled"}
{"name":"crwaxwingdr","sku":"Premium","cmk":"disabled"}
{"name":"crbrambling","sku":"Premium","cmk":"enabled"}
```

crbrambling was built with a key last year. For the other two I was going to set the identity and the key under Encryption in the portal, or through a redeploy of our ARM template that adds encryption. Can crwaxwing and crwaxwingdr be switched to a customer-managed key in place?""",
canonical=[O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
related=[O + "moving-an-existing-registry-to-cmk", T + "key-rotation-fails-on-a-registry-without-cmk", C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep"],
facts=["In the portal, the switch that enables a customer-managed key is on the **Encryption** tab of the create-registry flow."],
answer_facts=["no way to turn it on afterwards", "even a premium one, cannot be switched"],
truth="No: a customer-managed key can only be chosen when a registry is created, so neither crwaxwing nor crwaxwingdr can be converted, Premium or not. az acr update has no identity or key options, rotate-key refuses registries without CMK, the portal offers the encryption switch only while creating a registry, and a template redeploy with encryption added runs into the same rule. To comply, create a new Premium registry with a key for each, copy the images with az acr import, point clients and pull secrets at the new login servers, then retire the old registries. crbrambling already meets the requirement."),

dict(key="L20", style="long", kind="troubleshoot", category="network", quals=[], flags=["ndjson_log"],
question="""Creating crbunting against kv-bunting keeps failing on key access, even though id-bunting got its encryption role on kv-bunting a day ago. kv-bunting only accepts traffic from two virtual networks. We turned on diagnostic logs and queried the audit records around the failed create:

```text
{"TimeGenerated":"2026-11-28T10:21:07Z","OperationName":"VaultGet","CallerIPAddress":"10.42.8.15","ResultSignature":"OK","identity_upn":"deploy@contoso.com"}
{"TimeGenerated":"2026-11-28T10:23:51Z","OperationName":"KeyGet","CallerIPAddress":"52.174.31.200","ResultSignature":"Forbidden","ResultDescription":"Client address is not authorized; caller is not a trusted service."}
{"TimeGenerated":"2026-11-28T10:23:52Z","OperationName":"KeyWrap","CallerIPAddress":"52.174.31.200","ResultSignature":"Forbidden","ResultDescription":"Client address is not authorized; caller is not a trusted service."}
```

The grant is in place. What blocks the registry, then? What change do we need on kv-bunting?""",
canonical=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
related=[N + "allow-trusted-services-and-deny-other-traffic", N + "azure-container-registry-in-key-vaults-trusted-services-list", T + "registry-creation-cannot-access-the-key"],
facts=["Azure Container Registry is on Key Vault's list of trusted services"],
answer_facts=["the registry cannot reach the key", "the bypass only opens the network path"],
truth="The vault firewall, not the permissions. The KeyGet and KeyWrap calls made for the registry were refused because kv-bunting only admits its two virtual networks and doesn't let trusted Azure services through, and the registry reaches its key as such a service, never from your networks. Turn the exception on and keep the rest closed: az keyvault update --name kv-bunting -g <resource group> --bypass AzureServices --default-action Deny. Azure Container Registry is on Key Vault's trusted-services list precisely for customer-managed key encryption of registries. The exception opens the network path only, so id-bunting still needs its role, as it has. Then create crbunting again; the key already exists, which is what a locked-down vault requires."),

# ---- plain long ----
dict(key="L21", style="long", kind="yes", category="rotation", quals=[], flags=["two_facts"],
question="""We're splitting our key vaults by business unit. crdipper currently uses dipper-kek in kv-shared-01 with a versionless key ID, and its new home is kv-logistics, an RBAC vault, with a freshly created key. The registry's identity stays the same user-assigned one, id-dipper. I'd rather not rebuild crdipper or copy 600 GB of images for this. Can the existing registry simply be pointed at a key in a different vault, and what has to be in place in kv-logistics before the switch?""",
canonical=[K + "move-to-a-different-key-or-to-a-key-in-another-vault", A + "access-to-a-key-in-a-second-key-vault"],
related=[K + "manual-rotation-with-az-acr-encryption-rotate-key", A + "grant-access-with-an-azure-rbac-role", K + "versioned-and-versionless-key-ids"],
facts=["grant the identity access there first"],
answer_facts=["keep the old vault and key", "access is granted per vault"],
truth="Yes: moving a CMK registry to another key, even one in a different vault, is an ordinary key rotation with az acr encryption rotate-key, and crdipper keeps all its images. Access is granted per vault, so first give id-dipper's principal ID Key Vault Crypto Service Encryption User with kv-logistics' resource ID as scope (az role assignment create ... --assignee-principal-type ServicePrincipal); without it the switch would leave crdipper unable to reach its key. Then run az acr encryption rotate-key -n crdipper --key-encryption-key <versionless URI of the new key> --identity id-dipper, the versionless form keeping automatic rotation. Leave kv-shared-01, dipper-kek and the old grant alone until az acr encryption show lists the new key."),

dict(key="L22", style="long", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=["two_facts"],
question="""Our runbook for CMK registries was written for Key Vault vaults. The next registry, crpetrel, will use a key from petrelhsm, a Managed HSM, and I'm extending the runbook rather than writing a new one. Its sections are: preparing the key store, creating the key and who may do it, granting the registry identity access, network lock-down, and what happens if the key store is deleted. For a Managed HSM, which command grants the registry identity its access, which role must the person creating the key hold, and what is different about a deleted HSM compared with a deleted vault?""",
canonical=[M + "key-vault-and-managed-hsm-compared", O + "requirements-at-a-glance"],
related=[M + "local-rbac-roles-for-acr-encryption", M + "recover-a-deleted-managed-hsm-key-or-hsm", A + "grant-access-to-a-key-in-a-managed-hsm"],
facts=["`az keyvault role assignment create --hsm-name`"],
answer_facts=["still billed while soft-deleted", "created by you, never by acr"],
truth="Three differences. Access is a local RBAC assignment inside the HSM, made with az keyvault role assignment create --hsm-name petrelhsm, which gives the identity's principal ID Managed HSM Crypto Service Encryption User at /keys/<key name> with --assignee-principal-type MSI; there are no access policies, Azure roles on the HSM resource don't grant key use, and nothing creates this assignment for you. The key creator needs a key-creating local role such as Managed HSM Crypto User instead of Key Vault Crypto Officer, and the key has to be RSA-HSM with wrapKey and unwrapKey. A deleted HSM is soft-deleted and recoverable like a vault, but it keeps being billed while it is soft-deleted. Add one item to the preparation section as well: the HSM has to be provisioned and then activated before anyone can create keys or role assignments in it."),

dict(key="L23", style="long", kind="undocumented", category="limits", quals=["hsm", "oct2026"], flags=[],
question="""crskua has replicas in three regions, and we are moving its key from a vault into skuahsm, a Managed HSM in the home region. For the vault we followed what the geo-replication article says about CMK registries, which is to read Key Vault's failover and redundancy guidance. I can't find an equivalent for a Managed HSM anywhere in the container registry docs. What does Microsoft say about disaster recovery for a geo-replicated registry that takes its key from a Managed HSM?""",
canonical=[L + "geo-replication-with-a-managed-hsm-key"],
related=[L + "geo-replication-works-with-cmk", M + "limits-and-open-points-with-managed-hsm", M + "provision-and-activate-the-managed-hsm"],
facts=["it still points CMK users to the Key Vault disaster-recovery guidance only"],
answer_facts=["the acr docs say nothing more specific", "was not updated for managed hsm"],
truth="Not documented: the registry documentation has no Managed HSM version of that advice, because the geo-replication page was left at the Key Vault guidance when Managed HSM became a supported key store. You have to design skuahsm's recovery yourselves: protect the security domain file together with the key pairs needed to decrypt it, keep backups of the HSM, make sure a Managed HSM can be provided in the regions crskua would fail over to, and enable purge protection. Every replica depends on that one HSM, so it deserves the same care as the registry."),

dict(key="L24", style="long", kind="howto", category="identity", quals=[], flags=[],
question="""We're moving crwarbler from id-warbler-old to a new user-assigned identity, id-warbler-2027, which lives in a shared identities resource group, not in the registry's. I gave the new identity its role on the key vault and then ran rotate-key, passing the new identity's client ID. The command succeeded and az acr encryption show now lists that client ID, but az acr identity show doesn't list id-warbler-2027 at all, and I'm nervous about pulls. What did I skip, and how should I pass the identity so that nothing is looked up in the wrong resource group?""",
canonical=[I + "how-rotate-key-interprets-the---identity-value"],
related=[I + "switch-to-a-different-user-assigned-identity", I + "which-identity-value-goes-where", K + "rotate-with-a-different-identity-or-the-system-assigned-identity"],
facts=["a bare name is looked up in the registry's resource group"],
answer_facts=["treats a guid as a client id", "does not attach the identity"],
truth="Attaching the identity. rotate-key doesn't attach anything to the registry; it only writes the identity's client ID into the registry's encryption settings, and a GUID is stored as a client ID just as it is. Run az acr identity assign -n crwarbler --identities <resource ID of id-warbler-2027> now, then check az acr identity show and az acr encryption show again. Always pass the full resource ID for this identity, to identity assign as well as to rotate-key: a bare name is resolved in the registry's own resource group and would miss an identity kept in your shared group. Leave id-warbler-old attached, with its key access, until id-warbler-2027 is attached and working, and only then detach the old one."),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="troubleshoot", category="recovery", quals=[], flags=["logfmt_line"],
question='containerd level=error msg="pull failed" host=crwren.azurecr.io status=403, kv-wren got deleted',
canonical=[T + "key-vault-or-key-was-deleted"], related=[V + "recover-a-deleted-key-vault", V + "re-create-rbac-role-assignments-after-recovering-a-vault", V + "how-purge-protection-protects-the-registry"],
facts=["Both stores use soft delete"], answer_facts=["cannot unwrap its data without the key", "purging is **irreversible**"],
truth="Deleting kv-wren removed crwren's key with it, so pulls from crwren.azurecr.io fail until the vault is back. It is soft-deleted: find it with az keyvault list-deleted --resource-type vault, run az keyvault recover --name kv-wren, and on an RBAC vault create the identity's Key Vault Crypto Service Encryption User assignment again. Don't purge it; that can't be undone."),
dict(key="S2", style="short", kind="value", category="rotation", quals=[], flags=["logfmt_line"],
question='level=info msg="key version created" key=teal-kek vault=kv-teal: when does acr switch?',
canonical=[S + "step-6-choose-a-versioned-or-versionless-key-id"], related=[K + "automatic-rotation-with-a-versionless-key-id", K + "versioned-and-versionless-key-ids", K + "check-which-key-version-the-registry-uses"],
facts=["To drop the version from the `kid`, remove the last path segment"], answer_facts=["each new key version within one hour", "stays on that version until you run"],
truth="Within an hour, provided the registry was given the versionless key ID of teal-kek; with a versioned ID it stays on the old version until you run az acr encryption rotate-key. versionedKeyIdentifier in az acr encryption show tells you which version is in use."),
dict(key="S3", style="short", kind="value", category="rotation", quals=[], flags=[],
question="which role does az keyvault key rotate need on an rbac vault?",
canonical=[K + "rotate-immediately-with-az-keyvault-key-rotate"], related=[K + "how-new-key-versions-are-created", K + "create-a-new-version-with-az-keyvault-key-create", A + "your-own-permissions-to-create-keys-in-an-rbac-vault"],
facts=["generates a new version at once"], answer_facts=["the caller needs key vault crypto officer", "the same key type and size"],
truth="Key Vault Crypto Officer (on an access-policy vault, the rotate key permission instead). The new version gets the same type and size; registries configured with the versionless ID move to it within an hour, a pinned one only after az acr encryption rotate-key."),
dict(key="S4", style="short", kind="no", category="identity", quals=[], flags=[], typo="necesary",
question="is the full uami resource id necesary for az acr create --identity?",
canonical=[I + "a-user-assigned-identity-is-required-when-the-registry-is-created"], related=[I + "which-identity-value-goes-where", S + "step-7-create-the-premium-registry-with-the-customer-managed-key", T + "acr-create-needs-both-identity-and-key"],
facts=["At creation time only a **user-assigned** managed identity (UAMI) can be used"], answer_facts=["resolves it to the identity's client id", "does **not** accept `--identity '[system]'`"],
truth="No: az acr create --identity also accepts just the identity's name when it is in the registry's resource group; the CLI resolves it and stores the client ID. An identity from another resource group needs the full resource ID, and '[system]' isn't accepted at creation."),
dict(key="S5", style="short", kind="howto", category="rotation", quals=["hsm", "oct2026"], flags=[], typo="realy",
question="how do i see what version of our hsm key acr realy uses?",
canonical=[K + "check-which-key-version-the-registry-uses"], related=[S + "step-8-verify-the-encryption-status", M + "rotate-a-managed-hsm-key", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["If it is `true`, check the key store's firewall (vault or Managed HSM) and the identity's access."], answer_facts=["the exact version the registry is using", "`true` for a versionless configuration"],
truth="Read versionedKeyIdentifier from az acr encryption show -n <registry>: it is the exact version in use, whether the key sits in a vault or a Managed HSM. keyIdentifier shows what was configured, keyRotationEnabled whether the registry follows new versions, and lastKeyRotationTimestamp when it last switched."),
dict(key="S6", style="short", kind="value", category="network", quals=[], flags=[],
question="bypass value that lets acr through the key vault firewall",
canonical=[N + "allow-trusted-services-and-deny-other-traffic"], related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", N + "azure-container-registry-in-key-vaults-trusted-services-list", N + "allow-your-own-clients-through-the-vault-firewall"],
facts=["Check the result (`bypass` should be `AzureServices`)"], answer_facts=["set the bypass to `azureservices`", "nothing to do with reaching the key"],
truth="AzureServices, together with default action Deny for everything else: az keyvault update --name <vault> --bypass AzureServices --default-action Deny. This bypass belongs to the vault; --allow-trusted-services on the registry is a different switch and does nothing for key access."),
dict(key="S7", style="short", kind="yes", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="does acr cmk support a key kept in a managed hsm?",
canonical=[M + "using-an-azure-key-vault-managed-hsm-key-for-registry-encryption"], related=[M + "managed-hsm-is-a-supported-key-store-for-acr-cmk", O + "managed-hsm-keys", M + "requirements-for-a-managed-hsm-key-store"],
facts=["What differs is how the key is created"], answer_facts=["the registry side stays the same", "a single-tenant pool of hardware security modules"],
truth="Yes: since the October 2026 revision of the tutorials, a Managed HSM is a documented key store alongside Key Vault vaults. The registry rules stay as they are (Premium, chosen at creation); the HSM must be activated, the key RSA-HSM with wrapKey and unwrapKey, and the identity needs Managed HSM Crypto Service Encryption User on it."),
dict(key="S8", style="short", kind="no", category="recovery", quals=[], flags=[], typo="untill",
question="can we switch kv purge protection off untill our vault migration is done?",
canonical=[O + "soft-delete-and-purge-protection-behaviour-in-key-vault"], related=[O + "soft-delete-and-purge-protection-on-the-key-vault", V + "how-purge-protection-protects-the-registry", V + "recover-a-deleted-key-vault"],
facts=["With purge protection on, nobody can permanently erase a deleted vault or key early"], answer_facts=["enabling purge protection is a one-way change", "purge protection depends on soft delete"],
truth="No: once purge protection is on it stays on for the life of the vault. While it is on, a deleted vault or key can't be purged early; it is recovered or goes away when its retention period ends, which is the guarantee that keeps your registry's key recoverable."),
dict(key="S9", style="short", kind="yes", category="keys", quals=[], flags=[],
question="is key vault crypto service encryption user alone enough for the acr identity?",
canonical=[A + "why-key-vault-crypto-user-is-not-needed"], related=[A + "grant-access-with-an-azure-rbac-role", A + "two-supported-ways-to-grant-key-access", S + "option-a-azure-rbac-role-on-an-rbac-vault"],
facts=["Both are data-plane roles"], answer_facts=["grants more than the registry needs", "the only key vault role"],
truth="Yes: that role lets the identity read the key's properties and wrap and unwrap with it, which is everything the registry does, and it is the one Key Vault role the ACR documentation names. Don't add Key Vault Crypto User; its general cryptographic rights go beyond what the registry needs. Both roles only take effect on RBAC vaults."),
dict(key="S10", style="short", kind="why", category="identity", quals=[], flags=[],
question="why does a cmk registry need a managed identity at all?",
canonical=[I + "why-the-registry-needs-a-managed-identity"], related=[I + "a-user-assigned-identity-is-required-when-the-registry-is-created", O + "identity-and-key-access-requirements", I + "which-identity-value-goes-where"],
facts=["Managed HSM has no access policies."], answer_facts=["not hold credentials for its key store", "the single point through which the registry"],
truth="Because the registry keeps no credentials for its key store: it calls the vault or Managed HSM as that identity, and the key store checks the identity's access policy or role before allowing it to read, wrap and unwrap the key. The identity in the encryption settings is the registry's only way to its key."),
dict(key="S11", style="short", kind="undocumented", category="keys", quals=[], flags=[],
question="what rsa key size does acr require for a cmk?",
canonical=[O + "key-sizes-offered-by-key-vault"], related=[O + "which-key-types-and-sizes-are-supported", T + "elliptic-curve-key-rejected", S + "step-5-create-an-rsa-key-and-capture-its-key-id"],
facts=["Key Vault's RSA keys (software and HSM-protected) come in 2048, 3072 and 4096 bits."], answer_facts=["a key vault statement, not an acr", "come in 2048, 3072 and 4096 bits"],
truth="Not documented: ACR states no size requirement, only the key type, RSA or RSA-HSM rather than elliptic curve. The 2048, 3072 and 4096-bit options are simply what Key Vault offers for RSA keys, so the choice among them belongs to your own key policy."),
dict(key="S12", style="short", kind="undocumented", category="troubleshooting", quals=[], flags=[],
question="acr tasks logs gone after a day on cmk registry, any retention setting",
canonical=[T + "task-run-logs-disappear-after-24-hours"], related=[L + "acr-tasks-run-logs-are-kept-for-only-24-hours", L + "export-task-run-logs-before-they-expire", L + "feature-compatibility-summary"],
facts=["Logs that have already aged out cannot be retrieved"], answer_facts=["the docs offer no setting that extends", "not a fault"],
truth="Not documented: no setting that keeps ACR Tasks run logs longer than 24 hours on a CMK registry is described; the short retention is a documented limitation. Save each run's log with az acr task logs --registry <registry> --run-id <run ID> within a day, for example from the pipeline that starts the run."),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="A1", style="agent", form="context", kind="troubleshoot", category="setup", quals=[], flags=["logfmt_line"],
question='Context: our provisioning service logs level=error msg="az acr create failed" registry=crhobby identity=6d1f0b3e-8a27-4c59-9e14-b2c7a5d0f368 err=ResourceNotFound, and that GUID is the principal ID of the identity. Question: what should it pass instead?',
canonical=[S + "step-7-create-the-premium-registry-with-the-customer-managed-key"], related=[I + "which-identity-value-goes-where", S + "step-2-create-a-user-assigned-managed-identity-and-capture-its-ids", T + "acr-create-needs-both-identity-and-key"],
facts=["`--sku Premium` is required for CMK"], answer_facts=["not its principal id or client id", "the service rejects other tiers"],
truth="The resource ID of the user-assigned identity (a bare name also works when the identity sits in crhobby's resource group), never its principal or client ID. az acr create looks the value up as a user-assigned identity, so a principal ID matches nothing, hence ResourceNotFound. Take the id field from az identity show, keep the principal ID for the key grant, and pass --sku Premium and --key-encryption-key in the same call."),
dict(key="A2", style="agent", form="keywords", kind="troubleshoot", category="troubleshooting", quals=[], flags=["logfmt_line"],
question='acr health exporter level=error msg="check-health failed" registry=crlapwing code=CMK_ERROR identity=id-lapwing, identity removed in last week\'s cleanup, how to fix',
canonical=[L + "az-acr-check-health-and-cmk_error"], related=[T + "check-health-reports-cmk_error", I + "switch-to-the-registrys-system-assigned-identity-after-creation", L + "check-the-encryption-status-of-a-registry"],
facts=["The CLI prints it with the message"], answer_facts=["it is a health-check error code", "for example because that identity was deleted"],
truth="CMK_ERROR means crlapwing can no longer reach the identity its encryption is configured to use, here because id-lapwing is gone. Move encryption to an identity that exists and can use the key: turn on the system-assigned identity (az acr identity assign -n crlapwing --identities '[system]'), give its principal ID Key Vault Crypto Service Encryption User on the vault (or an access policy with get, wrapKey and unwrapKey), run az acr encryption rotate-key -n crlapwing --key-encryption-key <current key ID> --identity '[system]', and repeat az acr check-health -n crlapwing --ignore-errors --yes."),
dict(key="A3", style="agent", form="imperative", kind="howto", category="rotation", quals=["hsm", "oct2026"], flags=["logfmt_line"],
question='Explain how new versions of stint-kek in our Managed HSM stinthsm get made, since our audit job logs level=warn msg="no new key version in 180 days" registry=crstint key=stint-kek and crstint uses the versionless URI',
canonical=[K + "how-new-key-versions-are-created"], related=[K + "create-a-new-version-in-a-managed-hsm", M + "rotate-a-managed-hsm-key", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["with a versioned key ID you still have to run `az acr encryption rotate-key`"], answer_facts=["each also exists for managed hsm keys", "picks up the result within an hour"],
truth="The registry only follows versions and never creates them: with the versionless URI crstint moves to a new version of stint-kek within an hour, but something on the Managed HSM side has to produce it. Either create the key again under the same name with RSA-HSM and wrapKey and unwrapKey (az keyvault key create --hsm-name stinthsm --name stint-kek --kty RSA-HSM --ops wrapKey unwrapKey), or use az keyvault key rotate --hsm-name with a rotation policy, which in a Managed HSM can't rotate more often than every 28 days. Whoever does it needs a role such as Managed HSM Crypto User; the registry identity's role on /keys/stint-kek already covers the new versions."),
dict(key="A4", style="agent", form="context", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="Context: crsmew's identity will need its role in smewhsm on three different keys over the next year as we move between them. Question: should the Managed HSM role be assigned at /keys once, or at each key's scope?",
canonical=[A + "grant-access-to-a-key-in-a-managed-hsm"], related=[M + "local-rbac-roles-for-acr-encryption", M + "rotate-a-managed-hsm-key", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
facts=["Local role changes can take several minutes to take effect."], answer_facts=["also work but grant more", "for least privilege"],
truth="At each key's scope, /keys/<key name>, which is the least-privilege way to hand out Managed HSM Crypto Service Encryption User; /keys or / would work as well but would give the identity every key in smewhsm. Create each assignment with az keyvault role assignment create --hsm-name smewhsm ... --assignee-principal-type MSI before the rotate-key that moves crsmew to that key: new versions of a key are covered, a new key name needs its own assignment, and ACR never makes it for you."),
dict(key="A5", style="agent", form="imperative", kind="howto", category="setup", quals=["hsm", "oct2026"], flags=["two_facts"],
question="List which steps of our vault-based CLI runbook for crruff change when its key moves into a Managed HSM, and in what order they run",
canonical=[S + "using-a-managed-hsm-key-instead-of-a-key-vault", M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli"],
related=[M + "provision-and-activate-the-managed-hsm", M + "requirements-for-a-managed-hsm-key-store", M + "managed-hsm-key-uris"],
facts=["If the HSM firewall is on, allow trusted services before step 7."], answer_facts=["steps 4 and 5 swap places", "not with `az role assignment create`"],
truth="Resource group, user-assigned identity, az acr create and az acr encryption show stay as they are. Instead of creating a vault, provision and activate the Managed HSM (activation means downloading its security domain). Then create the key before any grant, as someone with a key-creating role such as Managed HSM Crypto User: az keyvault key create --hsm-name <hsm> --name <key> --kty RSA-HSM --ops wrapKey unwrapKey. Only then give crruff's identity Managed HSM Crypto Service Encryption User at /keys/<key> with az keyvault role assignment create --hsm-name and --assignee-principal-type MSI, because the grant is made on the key itself. Read the kid with az keyvault key show --hsm-name, drop the version for automatic rotation, and open the HSM firewall to trusted services before creating the registry."),
dict(key="A6", style="agent", form="keywords", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="managed hsm for acr cmk in a sovereign cloud region, whether it is offered there and what host suffix key uris use outside global azure",
canonical=[L + "managed-hsm-is-not-available-everywhere"], related=[M + "managed-hsm-key-uris", M + "limits-and-open-points-with-managed-hsm", O + "managed-hsm-keys"],
facts=["confirm it exists in the cloud and region you need"], answer_facts=["a key vault vault remains the alternative", "use a different dns suffix"],
truth="Check first: Managed HSM isn't offered in every Azure cloud and region, and a Key Vault vault remains the alternative. Outside the global cloud, key URIs don't end in managedhsm.azure.net; the suffix differs per cloud, so take the host from the HSM's hsmUri (az keyvault show --hsm-name <hsm>) and append /keys/<key>."),
dict(key="A7", style="agent", form="context", kind="no", category="iac", quals=["iac", "oct2026"], flags=[],
question="Context: for crcoot we deploy CMKtemplate.json from the enable tutorial's ARM section (October 2026 revision) with kek_id, identity_name and registry_name as parameters. Question: will deploying it give the identity its access to our key vault?",
canonical=[S + "the-enable-tutorials-own-template"], related=[S + "set-up-cmk-with-an-arm-template", S + "deploy-the-template", C + "arm-template-json-propertiesencryption-and-keyvaultproperties"],
facts=["deploy it into the identity's own resource group"], answer_facts=["it grants no key access itself", "no `vault_name` parameter"],
truth="No: the October 2026 revision took every key grant out of that template, so a deployment creates the identity and the registry and nothing on the key side. Set up the identity's access yourself first: on a vault an access policy with get, wrapKey and unwrapKey or the Key Vault Crypto Service Encryption User role, on a Managed HSM the local role at key scope. Then deploy to the resource group that holds the identity, since the template declares that identity resource for the registry to depend on."),
dict(key="A8", style="agent", form="imperative", kind="howto", category="limits", quals=["iac"], flags=[],
question="Show me how to list all registries of our subscription together with their tier and CMK status, and where the portal shows this for a single registry",
canonical=[L + "check-the-encryption-status-of-a-registry"], related=[S + "step-8-verify-the-encryption-status", L + "azure-policy-built-in-for-cmk", L + "az-acr-check-health-and-cmk_error"],
facts=["In the portal, open the registry and go to **Settings > Encryption**."], answer_facts=["`status` is `enabled` for a cmk registry", "the same object is available"],
truth="For the subscription: az acr list -o table --query \"[].{registry:name, tier:sku.name, encryption:encryption.status}\"; the encryption column reads enabled for a customer-managed key. For one registry, az acr encryption show --name <registry> gives status and keyVaultProperties (identity, keyIdentifier, versionedKeyIdentifier, keyRotationEnabled, lastKeyRotationTimestamp), and az acr show with the encryption property returns the same object. In the portal it is the registry's Settings > Encryption page."),
dict(key="A9", style="agent", form="context", kind="why", category="network", quals=[], flags=[],
question="Context: kv-rook denies all traffic except our build subnet, yet from my laptop outside it I could add an access policy and edit the network rules, while az keyvault key create fails. Question: why does the firewall let some changes through?",
canonical=[N + "the-vault-firewall-covers-the-data-plane-only"], related=[N + "allow-your-own-clients-through-the-vault-firewall", N + "allow-trusted-services-and-deny-other-traffic", T + "http-403-after-enabling-the-key-vault-firewall"],
facts=["So a locked vault's network settings can still be corrected from any network"], answer_facts=["do not pass through that filter", "only works from an allowed network"],
truth="Because the vault firewall only filters the vault's own data-plane endpoint, https://kv-rook.vault.azure.net, where keys are created, read and used to wrap and unwrap. Access policies, role assignments and the network settings are changed through Azure Resource Manager, which the firewall doesn't filter, so those work from anywhere; key operations work only from an allowed network, or from your laptop once its address is added as a network rule."),
dict(key="A10", style="agent", form="keywords", kind="undocumented", category="network", quals=["iac"], flags=[],
question="acr docs on the portal key picker showing no keys behind a key vault firewall rather than a managed hsm one, documented or only described for hsm",
canonical=[N + "the-portal-key-picker-and-a-key-store-firewall"], related=[T + "portal-key-picker-cannot-list-keys-behind-the-managed-hsm-firewall", M + "key-picker-blocked-by-the-hsm-firewall", S + "set-up-cmk-in-the-azure-portal"],
facts=["skip the picker and use **Enter key URI** with the key ID"], answer_facts=["tutorials name this for managed hsm", "from your browser"],
truth="Not documented for vaults in the ACR tutorials: they describe the empty picker only for a Managed HSM firewall, while Key Vault's own networking documentation describes the same effect for a vault firewall. The picker fetches the key list from the key store's data plane, in your browser, so allow your client IP on the vault firewall or use Enter key URI; the trusted-services exception only covers ACR."),
dict(key="A11", style="agent", form="imperative", kind="howto", category="iac", quals=["iac"], flags=[],
question="Tell me how to make the AVM Bicep container registry module follow new key versions automatically for crjay, and which module version we need at least",
canonical=[C + "avm-bicep-module-customermanagedkey-parameter"], related=[C + "avm-terraform-module-customer_managed_key-variable", C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs", C + "bicep-registry-with-a-customer-managed-key"],
facts=["`acrSku` defaults to `Premium`"], answer_facts=["version 0.7.0 (january 2025) added `autorotationenabled`", "the module does not grant key access"],
truth="Use version 0.7.0 or later and leave keyVersion out of customerManagedKey: autoRotationEnabled defaults to true there, so the module writes the versionless keyUri and crjay follows new versions. Up to 0.6.0 it always pinned the version that was current at deployment. Pass keyVaultResourceId (a vault, not a Managed HSM), keyName and userAssignedIdentityResourceId, list the identity in managedIdentities.userAssignedResourceIds, and create the key's role assignment yourself with a dependsOn from the module, since the module grants no key access."),
dict(key="A12", style="agent", form="context", kind="troubleshoot", category="identity", quals=["iac"], flags=[],
question="Context: the ARM deployment of crkite fails, and the identity field of keyVaultProperties in our template is filled with the identity's principal ID. Question: which identity value should that field hold?",
canonical=[I + "which-identity-value-goes-where"], related=[S + "set-up-cmk-with-an-arm-template", C + "arm-template-json-propertiesencryption-and-keyvaultproperties", I + "create-the-user-assigned-identity-and-capture-its-ids"],
facts=["Each place expects a specific one"], answer_facts=["always uses the **principal id**", "always store the **client id** (or `system`)"],
truth="The client ID: keyVaultProperties.identity takes the identity's clientId, neither the principal ID nor the resource ID, so read it in the template with reference(<identity resource ID>).clientId. The principal ID belongs in key grants (access policy or role assignment), and the resource ID goes under identity.userAssignedIdentities with type UserAssigned."),
]

OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind="off-topic", category=OFF, subject="storj", near_miss=True,
question="""Images we no longer serve from our container registry end up in a cold archive on Storj, which a nightly job fills by exporting old tags. Our security policy now requires the archive's encryption passphrase to change every year, and the job's access grant carries the encryption key derived from the current one. How do we change the passphrase for new uploads, and will the objects already archived under the old passphrase stay readable afterwards?""",
truth="Not covered: changing the encryption passphrase behind Storj access grants is a storage-provider question, unrelated to customer-managed key encryption of Azure Container Registry."),
dict(key="X2", style="long", kind="off-topic", category=OFF, subject="werf", near_miss=True,
question="""werf builds the service images and pushes them into our container registry, and the chart's secret values are encrypted with werf's secret key, which sits in a CI variable. That key was copied into a contractor's laptop backup, so we need a new one. How do we generate a new werf secret key and re-encrypt the existing secret values files with it, without breaking releases that are already deployed?""",
truth="Not covered: regenerating the werf secret key and re-encrypting secret values files is a deployment-tool question, outside the ACR customer-managed key knowledge."),
dict(key="X3", style="long", kind="off-topic", category=OFF, subject="wasmcloud", near_miss=True,
question="""We publish WebAssembly components for wasmCloud to our container registry, and each one is signed with our account and issuer keys before it is pushed. The issuer's private key sat on a shared drive that far too many people could read. How do we rotate the issuer key so that hosts keep running components signed with the old one until we republish them, and what has to change in the host configuration?""",
truth="Not covered: rotating the issuer signing keys of wasmCloud components is a WebAssembly platform question, not about customer-managed key encryption of an Azure container registry."),
dict(key="X4", style="long", kind="off-topic", category=OFF, subject="talos", near_miss=True,
question="""Our cluster nodes run Talos Linux and pull all images through our container registry, with the registry's credentials stored in the machine configuration. That configuration was generated from a secrets bundle whose CA key we now consider compromised. How do we rotate the Talos CA and re-issue the machine configurations without rebuilding every node, and do the registry credentials in them need to change as well?""",
truth="Not covered: rotating the CA of a Talos Linux cluster and regenerating machine configurations is operating-system and cluster administration, outside the ACR CMK documentation."),
dict(key="X5", style="long", kind="off-topic", category=OFF, subject="ejson", near_miss=True,
question="""Our deploy tool reads the container registry's push password from an ejson file committed to the repository, encrypted to a public key whose private key lives on the build hosts. One build host was compromised last week. How do we generate a new ejson keypair, re-encrypt the file for it, and make sure the old private key can no longer decrypt anything we commit from now on?""",
truth="Not covered: replacing an ejson keypair and re-encrypting the secrets file is a secrets-in-repository question, unrelated to customer-managed keys for Azure Container Registry."),
dict(key="X6", style="long", kind="off-topic", category=OFF, subject="balena",
question="""Our fleet of kiosks runs on balenaCloud, and the release images are built from base images we keep in our container registry. The balena API key our build server uses to push releases turned up in a log file that was shared with a vendor. How do we revoke that key and issue a new one, and do the devices need anything after the key changes?""",
truth="Not covered: revoking and reissuing a balena API key is a device-fleet platform question, not part of the ACR customer-managed key knowledge."),
dict(key="X7", style="agent", form="context", kind="off-topic", category=OFF, subject="travis",
question="Context: Travis CI builds our images and pushes them to our container registry with a password encrypted through travis encrypt. Question: how do we re-encrypt that password after changing it?",
truth="Not covered: re-encrypting a Travis CI secure variable is a CI-service question outside customer-managed key encryption of Azure container registries."),
dict(key="X8", style="agent", form="imperative", kind="off-topic", category=OFF, subject="appveyor",
question="Explain how to replace the secure variable in AppVeyor that holds our registry push password, and whether builds queued before the change keep working",
truth="Not covered: replacing an AppVeyor secure variable is a CI configuration question, not part of the ACR CMK knowledge."),
dict(key="X9", style="agent", form="keywords", kind="off-topic", category=OFF, subject="litestream",
question="litestream replica encryption for the sqlite database of our registry metadata service, switch to a new encryption key for existing replicas",
truth="Not covered: changing the encryption key of Litestream replicas is a database-replication question unrelated to customer-managed keys for Azure Container Registry."),
dict(key="X10", style="short", kind="off-topic", category=OFF, subject="tarsnap",
question="tarsnap: how do i replace a compromised key file?",
truth="Not covered: replacing a tarsnap key file is a backup-service question the ACR CMK knowledge does not address."),
dict(key="X11", style="short", kind="off-topic", category=OFF, subject="pgsodium",
question="pgsodium: can the server root key be rotated without losing data?",
truth="Not covered: rotating the pgsodium server root key is a database-extension question outside the ACR customer-managed key knowledge."),
dict(key="X12", style="short", kind="off-topic", category=OFF, subject="signify",
question="signify release key rotation for the package mirror we run",
truth="Not covered: rotating a signify release signing key is a package-signing question, unrelated to customer-managed keys for Azure Container Registry."),
]
QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"necesary": "necessary", "realy": "really", "untill": "until"}
SHAPES = ["two_facts", "gha_log_groups", "powershell_error_record", "kubectl_events", "ndjson_log", "logfmt_line"]
SEED = 56
ID_PREFIX = "l"

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
SPREAD_SETS = (55, 54)
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
    """(blind56.json text, blind56-meta.json text, blind56-first-canonicals.txt text)"""
    entries, meta = build()
    j = json.dumps(entries, indent=1, ensure_ascii=False) + "\n"
    m = json.dumps(meta, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    f = "\n".join(firsts) + "\n"
    return j, m, f


def main(out=HERE):
    j, m, f = render()
    for name, text in (("blind56.json", j), ("blind56-meta.json", m), ("blind56-first-canonicals.txt", f)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
