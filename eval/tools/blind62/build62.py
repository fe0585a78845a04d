"""blind62 builder: holds the 60 questions (QUESTIONS) and writes blind62.json, blind62-meta.json and
blind62-first-canonicals.txt. render() returns the three files' exact text (check62.py compares it byte for byte)."""
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
# ---- github_suggestion ----
dict(key="L1", style="long", kind="why", category="iac", quals=["iac"], flags=["github_suggestion"],
question="""Our platform repo builds registries with Terraform. In the pull request for the new registry crgouda, a reviewer left this on `registry.tf`, right under the `encryption` block:

```suggestion
  }

  depends_on = [azurerm_role_assignment.gouda_kek_access]
}
```

The author answered that this is noise: the registry already references `azurerm_user_assigned_identity.gouda.client_id` and the key's `versionless_id`, so Terraform "knows the order". Last week an apply for a different registry did fail once at create time and went through on a rerun, but nobody kept the log. Why would the registry need an explicit dependency on the role assignment? And is rerunning the only remedy when the grant is brand new?""",
canonical=[C + "why-the-registry-needs-depends_on-on-the-role-assignment"],
related=[C + "complete-terraform-example-with-key-vault-role-assignment-and-registry", T + "registry-creation-cannot-access-the-key", A + "grant-access-with-an-azure-rbac-role"],
facts=["A new role assignment can also take a few minutes to take effect"],
answer_facts=["may create both in parallel", "a few minutes to take effect"],
truth="Because crgouda has to be able to use its key at the moment Azure creates it, yet nothing in the registry block points at the role assignment: Terraform orders resources only by references, so without the dependency it may create the grant and the registry in parallel, and the create then fails with Failed to access KeyId. Accept the suggestion; depends_on = [azurerm_role_assignment.gouda_kek_access] makes the grant exist first. A brand-new grant can still need a few minutes before it works, so the first create may fail even with the dependency: run terraform apply again, or put a time_sleep from the hashicorp/time provider between grant and registry (its duration is a guess, not a documented value). On an access-policy vault depend on the azurerm_key_vault_access_policy instead."),

dict(key="L2", style="long", kind="no", category="keys", quals=["iac"], flags=["github_suggestion"],
question="""Review comment on `keyAccess.bicep` in the pull request that adds crcheddar, written by a colleague who maintains our AVM wrappers:

> In my experience the service encryption role is too narrow for ACR, and the AVM test setup uses the broader one, so let's align:

```suggestion
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '12338af0-0e69-4776-bea7-57ae8d297424')
```

The current line uses e147488a-f6f5-4113-8e2d-b22465e65bf6, i.e. Key Vault Crypto Service Encryption User. kv-cheddar runs on Azure RBAC and crcheddar has not been deployed yet, so nothing proves either choice so far. Does the registry's identity really need Key Vault Crypto User for encryption with a customer-managed key?""",
canonical=[A + "why-key-vault-crypto-user-is-not-needed"],
related=[A + "grant-access-with-an-azure-rbac-role", S + "option-a-azure-rbac-role-on-an-rbac-vault", C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs"],
facts=["The ACR docs do not mention it"],
answer_facts=["grants more than the registry needs", "the acr docs do not mention it"],
truth="No: the registry only reads the key and wraps and unwraps with it, which is all Key Vault Crypto Service Encryption User allows, and that is the one Key Vault role the ACR articles name for it. Key Vault Crypto User (12338af0-0e69-4776-bea7-57ae8d297424) is never mentioned there; it adds general cryptographic operations such as encrypt, decrypt, sign and verify, so it grants more than crcheddar needs. Reject the suggestion and keep roleDefinitionId on e147488a-f6f5-4113-8e2d-b22465e65bf6, scoped to kv-cheddar. Either role only takes effect on a vault that uses the Azure RBAC model, which kv-cheddar does."),

dict(key="L3", style="long", kind="howto", category="setup", quals=["iac", "oct2026"], flags=["github_suggestion"],
question="""Our `deploy-cmk.sh` still follows the ARM template section of the enable tutorial as it looked two years ago (it passed `vault_name` and `key_id`). Since we refreshed `CMKtemplate.json` from the current tutorial, a reviewer proposes this for the deployment line:

```suggestion
az deployment group create --resource-group rg-brie-id --template-file arm/CMKtemplate.json --parameters kek_id="$KEK_URI" registry_name=crbrie identity_name=id-brie-acr
```

So far the script deployed into rg-brie-app, and the old template created the access policy on kv-brie by itself. The reviewer wrote nothing else. Besides the renamed parameter, what does the script now have to do before this line runs so that crbrie comes up encrypted?""",
canonical=[S + "the-enable-tutorials-own-template"],
related=[S + "set-up-cmk-with-an-arm-template", S + "deploy-the-template", A + "grant-access-with-a-key-vault-access-policy"],
facts=["deploy it into the identity's own resource group"],
answer_facts=["it grants no key access itself", "its deployment example now passes kek_id"],
truth="Accept the suggestion and add a grant step in front of it. The current tutorial template takes registry_name, identity_name and kek_id, and its deployment example now passes kek_id (key_id was a slip of older revisions); since the October 2026 revision it has no vault_name parameter and grants no key access itself, so nothing in the deployment creates the access policy any more. Before the line runs, create id-brie-acr and give its principal ID get, wrapKey and unwrapKey on kv-brie with az keyvault set-policy (on an RBAC vault, Key Vault Crypto Service Encryption User instead; for a key in a Managed HSM, the local role at /keys/<key>). The template still declares the identity so the registry can depend on it, and it is meant to be deployed into the identity's own resource group, which is why the suggestion targets rg-brie-id (crbrie is created there too)."),

dict(key="L4", style="long", kind="yes", category="rotation", quals=[], flags=["github_suggestion"],
question="""Part of our `provision.sh` for crfeta:

```bash
KEK_URI=$(az keyvault key create --vault-name kv-feta --name kek-feta --kty RSA --size 3072 | jq -r .key.kid)
az acr create -g rg-feta -n crfeta --sku Premium --identity "$FETA_UAMI_ID" --key-encryption-key "$KEK_URI"
```

In the pull request a reviewer commented "as written this pins crfeta to today's key version forever" and suggested inserting a line between the two:

```suggestion
KEK_URI="${KEK_URI%/*}"   # drop the version so the registry follows new ones
```

I assumed the registry always uses the latest version of its key anyway. Is the reviewer right that, with the kid exactly as `key create` returns it, crfeta would never move to a newer key version by itself?""",
canonical=[K + "versioned-and-versionless-key-ids"],
related=[S + "step-6-choose-a-versioned-or-versionless-key-id", K + "switch-from-manual-to-automatic-rotation", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["Enter key URI keeps whatever form you paste."],
answer_facts=["follows the newest version automatically", "is always versioned"],
truth="Yes: the kid that az keyvault key create (or key show) returns always ends in a version, and a registry configured with that versioned ID keeps using exactly that version until someone runs az acr encryption rotate-key. Accept the suggestion: KEK_URI=\"${KEK_URI%/*}\" drops the last path segment, so crfeta gets the versionless https://kv-feta.vault.azure.net/keys/kek-feta and follows the newest version automatically, picking up each new version within an hour of its creation. That is also what the ACR overview recommends; keep the version only if you want to control rotation by hand."),

dict(key="L5", style="long", kind="howto", category="iac", quals=["iac"], flags=["github_suggestion"],
question="""We consume the AVM Bicep module from the public registry for our registries, still on version 0.6.0, and every registry built with it reports a keyIdentifier that ends in a version, although nobody ever set keyVersion. In the pull request that adds crhalloumi, a reviewer asked to move the module to 0.12.1 and suggested this change inside our customerManagedKey block:

```suggestion
      keyName: 'kek-halloumi'
      autoRotationEnabled: true
      userAssignedIdentityResourceId: idHalloumi.id
```

So far our block sets only keyVaultResourceId and keyName, and the identity is attached through the module's managedIdentities parameter. Apart from taking the suggestion, what else must our Bicep do so that crhalloumi is created with working key access and keeps following new key versions?""",
canonical=[C + "avm-bicep-module-customermanagedkey-parameter"],
related=[C + "bicep-registry-with-a-customer-managed-key", K + "automatic-rotation-with-a-versionless-key-id", A + "grant-access-with-an-azure-rbac-role"],
facts=["Newest version checked: 0.12.1."],
answer_facts=["up to 0.6.0 the module always pinned", "the module does not grant key access"],
truth="Accept the suggestion, together with the move to 0.12.1. Up to 0.6.0 the module always pinned the key version current at deployment, which is why the older registries show a versioned keyIdentifier; autoRotationEnabled arrived in 0.7.0 and defaults to true, so crhalloumi gets the versionless key URI (setting it explicitly is harmless). userAssignedIdentityResourceId is needed in practice, since its client ID goes into the encryption settings; keep idHalloumi.id in managedIdentities.userAssignedResourceIds as well. What the suggestion leaves out: the module does not grant key access: declare the role assignment yourself (Key Vault Crypto Service Encryption User for the identity's principal ID, scoped to the vault behind kvHalloumi, or an access policy on an access-policy vault) and give the module a dependsOn on it, so the grant exists before the registry is created. acrSku already defaults to Premium."),
# ---- go_test_failure ----
dict(key="L6", style="long", kind="troubleshoot", category="limits", quals=["iac"], flags=["go_test_failure", "two_facts"],
question="""Our Terraform module for CMK registries has a Terratest suite. A new test signs an image with Notation 1.3 and then asks the registry's Referrers API for the signature, through a small Go helper of ours. Against crstilton it fails on every run:

```text
=== RUN   TestSignatureDiscoverable
    sign_test.go:71: signed crstilton.azurecr.io/app/api@sha256:5be0c2f8 with notation
    sign_test.go:84: referrers lookup for sha256:5be0c2f8 returned 404, endpoint unavailable on this registry
--- FAIL: TestSignatureDiscoverable (37.92s)
FAIL
FAIL	github.com/contoso/tf-acr-cmk/test	38.114s
```

Notation itself reported success, and `oras repo tags` lists an extra tag named `sha256-5be0c2f8` next to our release tags, which the release team would like to delete. Is the signature missing, or is the test looking in the wrong place?""",
canonical=[L + "oci-referrers-api-is-not-supported", T + "oras-and-notation-store-referrers-as-tags"],
related=[L + "notation-signatures-on-cmk-registries", L + "feature-compatibility-summary", L + "docker-content-trust-is-being-retired-use-notation"],
facts=["Expect those extra tags in repository listings"],
answer_facts=["expect those extra tags in repository listings", "leave the digest-named tags in place"],
truth="The test is looking in the wrong place; the signature exists. crstilton is encrypted with a customer-managed key, and such registries do not support the OCI Referrers API, hence the 404 from the referrers endpoint. Notation 1.2.0 and later (and ORAS 1.2.3) notice this and fall back to the referrers tag schema, keeping the link between signature and image under a tag derived from the image digest: that is the sha256-5be0c2f8 tag. Change the test to discover signatures through the tag schema, for example with notation list or oras discover, and leave the digest-named tags in place, because deleting them hides the signatures from discovery."),

dict(key="L7", style="long", kind="troubleshoot", category="limits", quals=[], flags=["go_test_failure"],
question="""Our registry baseline is checked by a Go test suite that runs nightly against every Premium registry in the tenant. Since crcomte joined, one test fails for it and only for it:

```text
=== RUN   TestTrustPolicy
    trust_test.go:39: enabling content trust on crcomte (Premium, customer-managed key)
    trust_test.go:47: content-trust update rejected: (BlockedForEncryptionEnabledRegistry) the operation is blocked for this registry
--- FAIL: TestTrustPolicy (12.40s)
FAIL
FAIL	github.com/contoso/acr-baseline/test	12.903s
```

The suite's service principal is Contributor on all registry resource groups, and the same test passes on every registry that has no customer-managed key. Is this a permissions problem of the service principal? If not, what should the baseline demand from CMK registries instead?""",
canonical=[L + "docker-content-trust-is-not-supported"],
related=[L + "docker-content-trust-is-being-retired-use-notation", T + "content-trust-cannot-be-enabled", L + "feature-compatibility-summary"],
facts=["A non-official report (Azure/PSRule.Rules.Azure#1810)"],
answer_facts=["based on notary v1", "cannot be enabled on a registry"],
truth="Not a permissions issue: content trust (Docker Content Trust, built on Notary v1) cannot be enabled on a registry encrypted with a customer-managed key, and BlockedForEncryptionEnabledRegistry is the service refusing exactly that (a non-official report shows the same code). Exempt crcomte and every other CMK registry from the content trust check and require Notation signing instead (Notary Project, for example with its Azure Key Vault plug-in). DCT is on its way out of ACR anyway, deprecated since 2025-03-31 and removed on 2028-03-31, so the baseline should move all registries to Notation."),

dict(key="L8", style="long", kind="troubleshoot", category="rotation", quals=["iac"], flags=["go_test_failure"],
question="""One Terratest case of our Terraform registry module checks automatic rotation end to end: it creates a new version of the key and then polls the registry every 30 seconds for ten minutes. It never passes:

```text
=== RUN   TestKeyRollover
    rollover_test.go:52: created version 9d04c1e7a2b84f0c8e61d3b5a7f20c49 of kek-munster
    rollover_test.go:66: versionedKeyIdentifier still ends in 3a7e5b1d08c44e2f9b6a0c1d2e3f4a5b after 10m0s (keyRotationEnabled true)
--- FAIL: TestKeyRollover (612.38s)
FAIL
```

The module passes the versionless key ID to crmunster, and `az acr encryption show` confirms that keyRotationEnabled is true. How long does the test have to wait before a failure means anything, and what should it look at when the version really doesn't move?""",
canonical=[K + "check-which-key-version-the-registry-uses"],
related=[K + "automatic-rotation-with-a-versionless-key-id", T + "registry-keeps-using-an-old-key-version", S + "step-8-verify-the-encryption-status"],
facts=["`true` for a versionless configuration"],
answer_facts=["not changed after more than an hour", "the exact version the registry is using"],
truth="More than an hour: with a versionless key ID crmunster moves to a new version of kek-munster only within about an hour of the version appearing, so a ten-minute poll fails even when nothing is wrong. Read versionedKeyIdentifier, the exact version the registry is using, and count it as a failure only if it has not changed after more than an hour. Since keyRotationEnabled is already true, a real miss points at the key store: its firewall (the trusted-services bypass) or the identity's access to the key; false would instead mean a versioned ID that needs az acr encryption rotate-key."),

dict(key="L9", style="long", kind="howto", category="setup", quals=["iac"], flags=["go_test_failure"],
question="""After the module creates a registry, a Terratest case compares the encryption settings with what Terraform should have set. For crgruyere it fails on the identity:

```text
=== RUN   TestEncryptionSettings
    encryption_test.go:33: status enabled, keyIdentifier https://kv-gruyere.vault.azure.net/keys/kek-gruyere
    encryption_test.go:41: identity mismatch: got 7c1f0d2a-4b6e-4e8a-9f3d-2a5c8b1e6d40, want 0e9b3c51-2d7a-4f18-b6c4-93a1e7d2f085 (principal_id of id-gruyere-acr)
--- FAIL: TestEncryptionSettings (3.17s)
FAIL
```

The GUID the test got turns out to be the client ID of id-gruyere-acr, and crgruyere pulls and pushes fine. How should the test check which identity the registry uses for its key, and can it also recognise a registry that runs on its system-assigned identity?""",
canonical=[S + "step-8-verify-the-encryption-status"],
related=[I + "which-identity-value-goes-where", K + "check-which-key-version-the-registry-uses", L + "feature-compatibility-summary"],
facts=["read-only: the exact key version in use"],
answer_facts=["client id of the identity used", "enabled for a cmk registry, disabled otherwise"],
truth="Compare with the client ID instead of the principal ID: the identity field that az acr encryption show reports (keyVaultProperties.identity) holds the client ID of the identity used to reach the key, or the literal system when the registry's system-assigned identity is in use. So take client_id from the azurerm_user_assigned_identity resource and expect a match, and treat system as the sign of the system-assigned identity. Keep the status check (enabled for a CMK registry, disabled otherwise); versionedKeyIdentifier, read-only, tells which key version is in use if the test wants that too. The principal ID belongs to the key access grant, not to this field."),

dict(key="L10", style="long", kind="troubleshoot", category="limits", quals=[], flags=["go_test_failure"],
question="""The ML team's cold starts pull 12 GB trainer images, so they added a Go test that switches on artifact streaming for their repository and checks it afterwards. Against crparmesan it fails:

```text
=== RUN   TestStreamingEnabled
    streaming_test.go:28: az acr artifact-streaming update --repository ml/trainer --enable-streaming true
    streaming_test.go:31: streaming refused for crparmesan: feature not available with this registry's encryption settings
--- FAIL: TestStreamingEnabled (8.61s)
FAIL
FAIL	github.com/contoso/ml-acr/test	9.044s
```

crparmesan was created last month with our own key because the data team's policy requires it. Is there a setting or a newer CLI that allows streaming on it, or what do we tell the ML team?""",
canonical=[L + "artifact-streaming-is-not-supported"],
related=[L + "feature-compatibility-summary", O + "requirements-at-a-glance", O + "cmk-cannot-be-disabled-after-it-is-enabled"],
facts=["Artifact streaming (preview) lists CMK-encrypted registries among its unsupported configurations."],
answer_facts=["among its unsupported configurations", "plan for full image pulls"],
truth="There is no switch for it: artifact streaming, a preview feature, lists registries encrypted with a customer-managed key among its unsupported configurations, and the streaming refused result for crparmesan is that limitation rather than a CLI version problem. CMK can't be turned off on crparmesan, so tell the ML team to plan for full image pulls there (smaller images, pre-pulling on the nodes), or to keep the trainer images in a separate registry without CMK if the data team's policy allows images outside the customer-managed key."),
# ---- systemd_journal ----
dict(key="L11", style="long", kind="troubleshoot", category="rotation", quals=[], flags=["systemd_journal"],
question="""A VM in our ops subnet runs a monthly systemd timer that gives each registry key a new version. The vault of crasiago still uses access policies, and the VM's managed identity has a policy there with get, list, create and update on keys. Since we switched the script from `key create` to `key rotate`, the unit fails:

```text
Nov 03 04:00:01 ops-vm-02 systemd[1]: Starting kek-monthly.service - Monthly new version of registry keys...
Nov 03 04:00:06 ops-vm-02 kek-monthly.sh[20931]: rotating kek-asiago in kv-asiago
Nov 03 04:00:08 ops-vm-02 kek-monthly.sh[20931]: ERROR: (Forbidden) The policy of this caller on kv-asiago lacks the permission needed to rotate kek-asiago.
Nov 03 04:00:08 ops-vm-02 systemd[1]: kek-monthly.service: Main process exited, code=exited, status=1/FAILURE
Nov 03 04:00:08 ops-vm-02 systemd[1]: kek-monthly.service: Failed with result 'exit-code'.
```

What does the VM's identity need on kv-asiago for `az keyvault key rotate`, and does crasiago need anything after the new version exists?""",
canonical=[K + "rotate-immediately-with-az-keyvault-key-rotate"],
related=[K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", A + "grant-access-with-a-key-vault-access-policy", K + "manual-rotation-with-az-acr-encryption-rotate-key"],
facts=["with the same key type and size as the current one"],
answer_facts=["generates a new version at once", "the rotate key permission"],
truth="The rotate key permission: az keyvault key rotate generates a new version at once, and on an access-policy vault such as kv-asiago the caller's policy has to include rotate, which get, list, create and update do not cover (on an RBAC vault it would be Key Vault Crypto Officer). Set the policy again with the full list, e.g. az keyvault set-policy --name kv-asiago --object-id <VM identity principal ID> --key-permissions get list create update rotate. crasiago needs nothing if it was given the versionless key ID: it moves to the new version on its own within an hour. If it is pinned to a version, run az acr encryption rotate-key with the new kid after each run. The registry's own identity keeps just get, wrapKey and unwrapKey."),

dict(key="L12", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["systemd_journal"],
question="""We moved the key of cremmental from a vault to our Managed HSM hsm-emmental, and the key-version job on our ops VM now calls `az keyvault key rotate --hsm-name`. Its first run:

```text
Dec 01 03:30:00 keyops-01 systemd[1]: Starting hsm-keyversion.service - New version for HSM-held registry keys...
Dec 01 03:30:04 keyops-01 new-version.sh[7714]: az keyvault key rotate --hsm-name hsm-emmental --name kek-emmental
Dec 01 03:30:06 keyops-01 new-version.sh[7714]: ERROR: (BadRequest) kek-emmental has no rotation policy; on-demand rotation requires one.
Dec 01 03:30:06 keyops-01 systemd[1]: hsm-keyversion.service: Main process exited, code=exited, status=1/FAILURE
Dec 01 03:30:06 keyops-01 systemd[1]: hsm-keyversion.service: Failed with result 'exit-code'.
```

The job runs under an identity that was given the local Crypto User role on /keys, and cremmental uses the versionless key URI, with its identity's local role at /keys/kek-emmental. What does the job have to change to rotate kek-emmental inside the Managed HSM, and will cremmental follow the new versions without another role assignment?""",
canonical=[K + "create-a-new-version-in-a-managed-hsm"],
related=[M + "rotate-a-managed-hsm-key", K + "how-new-key-versions-are-created", M + "local-rbac-roles-for-acr-encryption"],
facts=["a key holds at most 100 versions"],
answer_facts=["a policy must exist before on-demand rotation", "needs no new role assignment"],
truth="Give kek-emmental a rotation policy first: in a Managed HSM a policy must exist before on-demand rotation works, which is what the no rotation policy error says. Set one with az keyvault key rotation-policy update --hsm-name hsm-emmental --name kek-emmental (an automatic interval there can't be shorter than 28 days), or let the job add versions with az keyvault key create --hsm-name hsm-emmental --name kek-emmental --kty RSA-HSM --ops wrapKey unwrapKey instead. Managed HSM Crypto User covers both; a key can hold at most 100 versions. cremmental needs no new role assignment: its local role at /keys/kek-emmental covers every version of the key, and with the versionless URI it switches to each new version within an hour."),

dict(key="L13", style="long", kind="troubleshoot", category="identity", quals=[], flags=["systemd_journal", "two_facts"],
question="""New registries are onboarded by a templated systemd service on one of our ops VMs. For crpecorino it stopped at the grant step:

```text
Nov 24 09:12:40 ops-vm-05 systemd[1]: Started acr-onboard@crpecorino.service - Onboard registry crpecorino.
Nov 24 09:12:44 ops-vm-05 onboard.sh[3310]: assigning the vault's service encryption role for kv-pecorino to 2f6a9d10-5c3e-4b7a-8e21-d4c09b7a6e35
Nov 24 09:12:45 ops-vm-05 onboard.sh[3310]: ERROR: unknown principal kind MSI passed to az role assignment create; accepted kinds are User, Group, ServicePrincipal, ForeignGroup
Nov 24 09:12:45 ops-vm-05 systemd[1]: acr-onboard@crpecorino.service: Main process exited, code=exited, status=2/INVALIDARGUMENT
Nov 24 09:12:45 ops-vm-05 systemd[1]: acr-onboard@crpecorino.service: Failed with result 'exit-code'.
```

The GUID is the principal ID of id-pecorino-acr. The grant line was copied from our Managed HSM runbook, where the same value works every week. How should the job assign the vault role to a registry's managed identity, and why does the runbook's value fail here?""",
canonical=[A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities", T + "role-assignment-rejects-the-principal-type-or-the-assignee"],
related=[A + "grant-access-with-an-azure-rbac-role", M + "local-rbac-roles-for-acr-encryption", S + "option-a-azure-rbac-role-on-an-rbac-vault"],
facts=["A managed identity counts as `ServicePrincipal` there."],
answer_facts=["skips the microsoft graph lookup", "it takes exactly one"],
truth="Pass the principal ID with --assignee-object-id and --assignee-principal-type ServicePrincipal: az role assignment create --assignee-object-id 2f6a9d10-5c3e-4b7a-8e21-d4c09b7a6e35 --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <kv-pecorino resource ID>. That command accepts only User, Group, ServicePrincipal and ForeignGroup, and a managed identity counts as a service principal there; MSI belongs to az keyvault role assignment create, which grants a Managed HSM's local roles, so it only works in the runbook. Using the object ID also skips the Microsoft Graph lookup that --assignee would do, so the job needs no Graph permissions and doesn't stumble over an identity that hasn't replicated yet. Give the command exactly one of --assignee and --assignee-object-id."),

dict(key="L14", style="long", kind="howto", category="recovery", quals=[], flags=["systemd_journal"],
question="""Every quarter we rehearse revocation on the staging registry crtaleggio: at night a unit deletes the role assignment that lets its identity wrap and unwrap with the key in kv-taleggio (an RBAC vault), and in the morning a restore unit gives it back. The restore unit failed this time:

```text
Nov 14 07:00:00 drill-vm systemd[1]: Starting cmk-drill-restore.service - Give crtaleggio its key back...
Nov 14 07:00:05 drill-vm drill-restore.sh[9023]: role assignment re-created for principal 8b3d5e2f-61a0-4c9d-a7f4-0e2b6c9d1a38 on kv-taleggio
Nov 14 07:00:09 drill-vm drill-restore.sh[9023]: re-applying key with az acr encryption rotate-key -n crtaleggio
Nov 14 07:00:41 drill-vm drill-restore.sh[9023]: ERROR: registry crtaleggio could not use its key yet; identity lacks access
Nov 14 07:00:41 drill-vm systemd[1]: cmk-drill-restore.service: Main process exited, code=exited, status=1/FAILURE
```

About a quarter of an hour later, pulls from crtaleggio worked again without anybody touching it. How should the restore unit bring the registry back? Is the rotate-key step needed at all?""",
canonical=[V + "restore-access-after-a-revocation"],
related=[V + "what-revocation-does-to-the-registry", V + "revoke-by-deleting-the-rbac-role-assignment", T + "registry-access-lost-after-key-permissions-were-revoked"],
facts=["Give the same identity its access back (or recover the key)"],
answer_facts=["no registry command is needed", "reconnects to the key on its own"],
truth="Drop the rotate-key step: once the same identity has its role on kv-taleggio again, crtaleggio reconnects to the key on its own and data access resumes, so no registry command is needed. The step failed only because the fresh role assignment had not taken effect yet, which is also why pulls came back a little later without help. Let the unit re-create the assignment (az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <kv-taleggio resource ID>), then retry a test pull for a few minutes and check az acr encryption show before it reports success."),

dict(key="L15", style="long", kind="troubleshoot", category="troubleshooting", quals=[], flags=["systemd_journal"],
question="""A bootstrap service on one of our VMs prepares the key store for every new registry: it creates a vault and a key, then hands over to the registry pipeline. After we upgraded the Azure CLI on that VM to 2.68 it fails right after creating the vault:

```text
Dec 02 11:20:13 bootstrap-vm systemd[1]: Starting acr-bootstrap.service - Key store and key for new registries...
Dec 02 11:20:31 bootstrap-vm bootstrap.sh[1182]: vault kv-roquefort created (permission model left to the CLI default)
Dec 02 11:20:35 bootstrap-vm bootstrap.sh[1182]: ERROR: (Forbidden) id-bootstrap may not run keys/create on kv-roquefort. Inner error: ForbiddenByRbac
Dec 02 11:20:35 bootstrap-vm systemd[1]: acr-bootstrap.service: Main process exited, code=exited, status=1/FAILURE
Dec 02 11:20:35 bootstrap-vm systemd[1]: acr-bootstrap.service: Failed with result 'exit-code'.
```

id-bootstrap has been Owner on the subscription for years, and the script itself is unchanged. Why can an Owner not create a key in a vault it created a second earlier? And which role should id-bootstrap get without the registries ending up with more than they need?""",
canonical=[T + "operator-cannot-create-the-key-in-an-rbac-vault"],
related=[A + "your-own-permissions-to-create-keys-in-an-rbac-vault", A + "azure-cli-262-and-later-create-rbac-vaults-by-default", S + "option-a-azure-rbac-role-on-an-rbac-vault"],
facts=["Wait a few minutes for the assignment to propagate, then create the key again."],
answer_facts=["managing the vault resource is not enough", "not of who has access"],
truth="kv-roquefort came out as an RBAC vault, the CLI default since 2.62.0, and on such a vault managing the vault resource is not enough to work with its keys: Owner is a management-plane role, so creating the key is refused with ForbiddenByRbac. Have someone who may assign roles on the vault (Owner or User Access Administrator) give id-bootstrap Key Vault Crypto Officer scoped to the vault (az role assignment create --assignee-object-id <id-bootstrap principal ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Officer\" --scope <vault resource ID>), wait a few minutes, and let the service create the key again. That role covers the key lifecycle but not who has access; the registries' own identities still get only Key Vault Crypto Service Encryption User."),
# ---- python_repl ----
dict(key="L16", style="long", kind="value", category="keys", quals=[], flags=["python_repl"],
question="""Our auditor asks which RSA key size Azure Container Registry requires for the customer-managed key, because our crypto standard says 3072 bits for anything new. crcamembert was set up two years ago with the CLI defaults, so I checked its key from a Python shell:

```python
>>> from azure.identity import DefaultAzureCredential
>>> import azure.keyvault.keys as akv
>>> client = akv.KeyClient(vault_url="https://kv-camembert.vault.azure.net", credential=DefaultAzureCredential())
>>> k = client.get_key("kek-camembert")
>>> k.key_type
'RSA'
>>> len(k.key.n) * 8
2048
```

What key size does ACR require or recommend, and which sizes could we choose when we replace this key?""",
canonical=[O + "key-sizes-offered-by-key-vault"],
related=[O + "which-key-types-and-sizes-are-supported", S + "step-5-create-an-rsa-key-and-capture-its-key-id", T + "elliptic-curve-key-rejected"],
facts=["This is a Key Vault statement, not an ACR one."],
answer_facts=["come in 2048, 3072 and 4096 bits", "not an acr one"],
truth="None at all: the ACR articles only require an RSA or RSA-HSM key and name no size, so kek-camembert, an RSA key of 2048 bits, is valid. The sizes on offer come from Key Vault, whose RSA keys come in 2048, 3072 and 4096 bits; that is a Key Vault statement, not an ACR one. To meet the 3072 standard, create a new version of kek-camembert (or a new key) with --kty RSA --size 3072; with a versionless key ID crcamembert picks the new version up within an hour, otherwise rotate it with az acr encryption rotate-key."),

dict(key="L17", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["python_repl"],
question="""`az acr create` for crmanchego keeps failing because the key cannot be used for encryption, although id-manchego-acr has had its local encryption role on kek-manchego for a day. The key was generated in our on-premises HSM and imported into hsm-manchego with whatever operations the import tool offered by default. A look from Python:

```python
>>> from azure.keyvault.keys import KeyClient
>>> hsm = KeyClient("https://hsm-manchego.managedhsm.azure.net", cred)
>>> k = hsm.get_key("kek-manchego")
>>> k.key_type
'RSA-HSM'
>>> k.key_operations
['encrypt', 'decrypt', 'sign', 'verify']
>>> k.properties.enabled
True
```

Which key does crmanchego need from the Managed HSM, and can we keep this imported one or must it be replaced?""",
canonical=[M + "requirements-for-a-managed-hsm-key-store"],
related=[T + "managed-hsm-key-has-the-wrong-type-or-operations", M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli", M + "local-rbac-roles-for-acr-encryption"],
facts=["Managed HSM has no access policies."],
answer_facts=["permitted operations include wrapkey and unwrapkey", "every key is hsm-backed"],
truth="An RSA-HSM key whose permitted operations include wrapKey and unwrapKey. kek-manchego has the right type, 'RSA-HSM' (every key in a Managed HSM is HSM-backed), but its operations are only 'encrypt', 'decrypt', 'sign' and 'verify', so the registry cannot wrap with it, and the role assignment alone can't change that. You can keep the key name: import (or create) a new version of kek-manchego in hsm-manchego that permits wrapKey and unwrapKey, for example with --ops wrapKey unwrapKey; the identity's local role at /keys/kek-manchego covers the new version. Then run az acr create again with the versionless URI https://hsm-manchego.managedhsm.azure.net/keys/kek-manchego."),

dict(key="L18", style="long", kind="value", category="identity", quals=[], flags=["python_repl"],
question="""We're writing a script that re-grants key access after a vault migration, starting from what each registry reports about itself. For crgorgonzola I tried it in a Python shell:

```python
>>> reg = acr.registries.get("rg-gorgonzola", "crgorgonzola")
>>> reg.encryption.key_vault_properties.identity
'5d2c8e1a-7f40-4b93-a6e5-0c1b9d3f7a24'
>>> uami = msi.user_assigned_identities.get("rg-gorgonzola", "id-gorgonzola-acr")
>>> uami.client_id, uami.principal_id
('5d2c8e1a-7f40-4b93-a6e5-0c1b9d3f7a24', 'c09e4b7d-2a61-4f85-b3d0-8e7a1c5f2b96')
```

The target is kv-gorgonzola2, which uses access policies. Which of the two GUIDs belongs in `az keyvault set-policy --object-id`, and which one will the registry keep showing afterwards?""",
canonical=[I + "which-identity-value-goes-where"],
related=[I + "create-the-user-assigned-identity-and-capture-its-ids", S + "step-8-verify-the-encryption-status", A + "two-supported-ways-to-grant-key-access"],
facts=["A managed identity has a resource ID, a principal (object) ID and a client (application) ID."],
answer_facts=["always uses the principal id", "always store the client id"],
truth="The principal ID, 'c09e4b7d-2a61-4f85-b3d0-8e7a1c5f2b96', goes to set-policy: key access, whether an access policy, an Azure role assignment or a Managed HSM local role, always uses the principal (object) ID, so run az keyvault set-policy --name kv-gorgonzola2 --object-id c09e4b7d-2a61-4f85-b3d0-8e7a1c5f2b96 --key-permissions get unwrapKey wrapKey. The GUID the registry reports, 5d2c8e1a-7f40-4b93-a6e5-0c1b9d3f7a24, is the client ID: the encryption settings always store the client ID (or system for the system-assigned identity), and it stays the same after the migration as long as crgorgonzola keeps the same identity. Don't feed the client ID to set-policy."),

dict(key="L19", style="long", kind="howto", category="keys", quals=[], flags=["python_repl"],
question="""kv-ricotta was handed over to us by another team, and crricotta will be created on it next week with id-ricotta-acr. Before doing anything I looked at the vault with the management SDK:

```python
>>> v = kvm.vaults.get("rg-ricotta", "kv-ricotta")
>>> v.properties.enable_rbac_authorization
True
>>> [p.object_id for p in v.properties.access_policies]
['a4e1c7b2-9d03-4f6a-8b25-71c0e3d9f6a8']
```

The single access policy belongs to someone from the old team, and a colleague now wants to add a second policy for id-ricotta-acr next to it. How do we give the identity access that actually counts on this vault, and at what scope?""",
canonical=[A + "two-supported-ways-to-grant-key-access"],
related=[A + "which-permission-model-does-my-key-vault-use", A + "grant-access-with-an-azure-rbac-role", A + "grant-access-with-a-key-vault-access-policy"],
facts=["Built-in role **Key Vault Crypto Service Encryption User**"],
answer_facts=["only two options the acr docs name", "the vault (policies are vault-wide)"],
truth="With the Azure RBAC role, because enable_rbac_authorization is True: on such a vault access policies are ignored, so the old team's policy counts for nothing and a new one would too (az keyvault set-policy even refuses to run there). Assign Key Vault Crypto Service Encryption User to the principal ID of id-ricotta-acr, scoped to kv-ricotta's resource ID: az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <kv-ricotta resource ID>. For a vault, that role or an access policy are the only two options the ACR docs name, picked by the permission model; the policy route (get, wrapKey and unwrapKey, always vault-wide) would only apply after switching the vault to access policies."),

dict(key="L20", style="long", kind="no", category="hsm", quals=["hsm", "oct2026"], flags=["python_repl"],
question="""After crprovolone was decommissioned we deleted its Managed HSM hsm-provolone the same day; nothing else used it. Our FinOps notebook now shows it like this:

```python
>>> [(h.name, str(h.properties.scheduled_purge_date)) for h in kvm.managed_hsms.list_deleted()]
[('hsm-provolone', '2027-02-12 09:41:07+00:00')]
>>> h = kvm.managed_hsms.get_deleted("hsm-provolone", "westeurope")
>>> h.properties.purge_protection_enabled
False
```

The plan was to leave it alone until the purge date in February and let it disappear by itself. Is a deleted Managed HSM sitting in soft delete free of charge until then?""",
canonical=[V + "recover-a-deleted-managed-hsm"],
related=[M + "recover-a-deleted-managed-hsm-key-or-hsm", L + "pricing-considerations", V + "how-purge-protection-protects-the-registry"],
facts=["Recovery needs the HSM's location and the Azure role Managed HSM Contributor"],
answer_facts=["keeps being billed while it waits", "the hsm name stays reserved"],
truth="No: a Managed HSM in soft delete is still billed, since its hardware stays reserved for it, so 'hsm-provolone' costs money every day until 2027-02-12. Since no registry needs its keys any more (crprovolone is gone), purge it now with az keyvault purge --hsm-name hsm-provolone --location westeurope, which needs the Azure role Managed HSM Contributor; purge protection is off for it, so nothing blocks that. Purging is final, and until it happens the HSM name stays reserved."),
# ---- browser_console (long) ----
dict(key="L21", style="long", kind="troubleshoot", category="network", quals=["hsm", "iac", "oct2026"], flags=["browser_console", "two_facts"],
question="""Creating crmozzarella in the portal, Encryption tab: I pick our identity, then Select from Key Vault, choose the Managed HSM hsm-mozzarella, and the key list stays empty. The browser console while the blade loads:

```text
GET https://hsm-mozzarella.managedhsm.azure.net/keys?api-version=7.5&maxresults=25 403 (Forbidden)
Failed to load resource: the server responded with a status of 403 ()
[KeyPicker] listKeys failed for hsm-mozzarella, showing empty list
```

The HSM's firewall only lets trusted Azure services in, and today I sit at home. kek-mozzarella exists, and the identity's local role on it is in place. Is the Managed HSM blocking the registry here, and how do I finish creating crmozzarella with that key, maybe through its key URI?""",
canonical=[T + "portal-key-picker-cannot-list-keys-behind-the-managed-hsm-firewall", M + "key-picker-blocked-by-the-hsm-firewall"],
related=[N + "managed-hsm-firewall-and-trusted-services", M + "set-up-a-registry-with-a-managed-hsm-key-in-the-azure-portal", T + "http-403-after-enabling-the-key-vault-firewall"],
facts=["Keep the trusted-services bypass on, so the registry itself can still reach the key."],
answer_facts=["remove it again afterwards", "a data-plane call made from your browser"],
truth="The registry isn't blocked: the 403 comes from the Managed HSM hsm-mozzarella answering your browser. The key picker lists keys through a data-plane call made from your browser, and the HSM firewall does not allow your home address; the trusted-services exception lets ACR through, not a browser outside the network boundary. Choose Enter key URI instead and paste https://hsm-mozzarella.managedhsm.azure.net/keys/kek-mozzarella (versionless, for automatic rotation), read with az keyvault key show --hsm-name hsm-mozzarella --name kek-mozzarella from a machine on an allowed network; or add your client IP to the HSM firewall for the moment and remove it again afterwards. Keep the trusted-services bypass on so that crmozzarella can reach its key."),
# ---- plain long posts ----
dict(key="L22", style="long", kind="undocumented", category="network", quals=[], flags=["two_facts"],
question="""Our network team locked kv-fontina down before we created the registry (trusted services allowed, default action Deny, no public access for us), the key was created beforehand from the admin jump host, and id-fontina-acr has had its service encryption role on the vault since yesterday. The create still fails:

```text
$ az acr create -g rg-fontina -n crfontina --sku Premium --identity id-fontina-acr --key-encryption-key https://kv-fontina.vault.azure.net/keys/kek-fontina
(InvalidRequest) Failed to access KeyId 'https://kv-fontina.vault.azure.net/keys/kek-fontina'. Identity 'b6f0e2a9-13c7-4d58-9e4a-7a2c0d8f5b31' was refused by the key vault.
```

Searching turned up a GitHub thread in which people create the registry against a temporary vault without a firewall and then switch over to the locked vault with rotate-key. Is that detour a procedure Microsoft documents, or just something people did?""",
canonical=[N + "reports-of-first-time-creation-failing-against-a-firewalled-vault-not-official", T + "registry-creation-cannot-access-the-key"],
related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", N + "create-the-key-before-the-registry-when-the-vault-is-locked-down", N + "allow-trusted-services-and-deny-other-traffic"],
facts=["the current docs only say to enable trusted services and to create the key before the registry"],
answer_facts=["these reports may be out of date", "caller is not a trusted service"],
truth="Not documented as a procedure: the temporary-vault detour comes from older GitHub issues (all from before 2023), where creating a registry against a firewalled vault failed with Failed to access KeyId while the Key Vault logs showed the caller was not treated as a trusted service; people created the registry with a key in an open, temporary vault and then used az acr encryption rotate-key (often with the system-assigned identity) to move to the locked vault. Those reports may be out of date. The current docs only say to allow trusted services and to create the key before the registry, which you did, so first check kv-fontina's networkAcls (bypass AzureServices) and the role assignment for id-fontina-acr's principal ID, and ask Azure support before relying on the detour."),

dict(key="L23", style="long", kind="undocumented", category="limits", quals=[], flags=[],
question="""Our governance team assigned a custom policy with the Modify effect to the shared resource group; it adds an owner tag to registries. The remediation task worked for every registry without a customer-managed key, but each CMK registry ends like this:

```json
{
  "remediation": "tag-owner-fix-1127",
  "resourceId": "/subscriptions/4c1e0b2d-7a93-4f58-b6e1-2d9c0a7f3e15/resourceGroups/rg-shared/providers/Microsoft.ContainerRegistry/registries/crbrillat",
  "deploymentStatus": "Failed",
  "error": "BadRequest: the registry update was rejected"
}
```

We also run the built-in audit policy for CMK, and that one reports fine. Is it documented anywhere that Modify remediation does not work on CMK registries? And should we expect a fix?""",
canonical=[L + "azure-policy-built-in-for-cmk"],
related=[L + "feature-compatibility-summary", O + "cmk-can-only-be-enabled-when-the-registry-is-created", T + "key-rotation-fails-on-a-registry-without-cmk"],
facts=["Assign it at subscription or resource-group scope to report non-compliant registries."],
answer_facts=["cannot be remediated in place", "a non-official, unmerged docs pull request"],
truth="Not documented: the ACR articles say nothing official about Modify remediation on CMK registries, and nothing about a fix. The only source is a non-official, unmerged docs pull request (MicrosoftDocs/azure-management-docs#158, July 2026) reporting that Modify remediation tasks fail with BadRequest on CMK registries, which matches what you see on crbrillat. Treat it as a known gap: set the owner tag on CMK registries outside the remediation task and raise a support case if you need a committed answer. The built-in CMK policy only audits; a non-compliant existing registry can't be remediated in place either, since CMK is chosen at creation."),

dict(key="L24", style="long", kind="howto", category="recovery", quals=["hsm", "oct2026"], flags=[],
question="""Security wants an emergency step in our incident runbook that cuts crburrata off from its key in hsm-burrata without touching anything else. Here is the role assignment listing of hsm-burrata for the principals around that key:

```json
[
  {
    "roleName": "Managed HSM Crypto Service Encryption User",
    "principalId": "e2a7c4f1-8b39-4d06-95ae-3f1c7b0d9e82",
    "scope": "/keys/kek-burrata"
  },
  {
    "roleName": "Managed HSM Crypto Service Encryption User",
    "principalId": "e2a7c4f1-8b39-4d06-95ae-3f1c7b0d9e82",
    "scope": "/"
  },
  {
    "roleName": "Managed HSM Crypto User",
    "principalId": "1d9b6e30-4c72-4a8f-b5e1-0f7a2c9d3b64",
    "scope": "/keys"
  }
]
```

e2a7c4f1-... is crburrata's identity; 1d9b6e30-... is our key-rotation pipeline, which must keep working. Which of these assignments must the step delete to revoke crburrata in the Managed HSM, and at which scope?""",
canonical=[V + "revoke-access-to-a-key-in-a-managed-hsm"],
related=[M + "revoke-access-to-a-managed-hsm-key", V + "what-revocation-does-to-the-registry", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
facts=["A Managed HSM has no access policies to remove."],
answer_facts=["the same scope where it was created", "does not touch an assignment made at"],
truth="Both of crburrata's Managed HSM Crypto Service Encryption User assignments, each at the scope where it was created: the one at /keys/kek-burrata and the one at /. A delete at /keys/kek-burrata does not touch the assignment made at /, and that wider one keeps access working, so the step needs two commands: az keyvault role assignment delete --hsm-name hsm-burrata --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id e2a7c4f1-8b39-4d06-95ae-3f1c7b0d9e82 --scope /keys/kek-burrata, then the same with --scope /. Leave the pipeline's Managed HSM Crypto User assignment at /keys alone; it belongs to another principal. Once both are gone all of crburrata's data is blocked, and re-creating the assignment brings it back; list the principal's assignments again afterwards to confirm nothing is left."),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="troubleshoot", category="identity", quals=["iac"], flags=["browser_console"],
question="portal: disabling the system identity that encrypts crvacherin gives `PATCH https://management.azure.com/subscriptions/.../registries/crvacherin?api-version=2025-04-01 400 (Bad Request)`",
canonical=[T + "removing-the-encryption-identity-fails"], related=[I + "the-encryption-identity-cannot-simply-be-removed", I + "switch-to-the-registrys-system-assigned-identity-after-creation", T + "registry-identity-is-inactive-or-expired"],
facts=["An identity can only be removed after encryption has been moved to a different identity."], answer_facts=["open an azure support request", "the service refuses to detach the identity"],
truth="The 400 is the service protecting crvacherin: its customer-managed key is reached through that system-assigned identity, and the identity encryption depends on can't be detached. For the system-assigned identity there is no self-service way out of this state, so stop retrying and open an Azure support request. (A user-assigned one would be attached again, encryption rotated to another identity, and only then removed.)"),
dict(key="S2", style="short", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["browser_console"],
question="new hsm lists nothing: `GET https://hsm-raclette.managedhsm.azure.net/keys?api-version=7.5 403 (Forbidden)`, how to activate it?",
canonical=[M + "provision-and-activate-the-managed-hsm"], related=[T + "managed-hsm-is-not-activated", M + "requirements-for-a-managed-hsm-key-store", S + "using-a-managed-hsm-key-instead-of-a-key-vault"],
facts=["activate it by downloading its security domain."], answer_facts=["only an initial administrator can do this", "what disaster recovery needs"],
truth="Check activation first: a freshly provisioned Managed HSM accepts no data-plane requests, such as this key listing of hsm-raclette that came back 403, until it is activated. An initial administrator activates it by downloading its security domain (az keyvault security-domain download --hsm-name hsm-raclette with at least three wrapping certificates, a quorum and an output file); keep that file and the private keys safe, and wait for activationStatus to read Active before creating keys or role assignments."),
dict(key="S3", style="short", kind="why", category="keys", quals=[], flags=[],
question="why does the acr identity only need get, wrapkey and unwrapkey, never encrypt?",
canonical=[O + "what-customer-managed-key-encryption-adds-to-a-registry"], related=[O + "default-encryption-at-rest-without-a-cmk", A + "why-key-vault-crypto-user-is-not-needed", O + "the-key-encryption-key-kek-and-its-identifier"],
facts=["A CMK registry is therefore protected twice: once by Microsoft's keys and once by yours."], answer_facts=["treat that as an inference", "the key stays in its key store"],
truth="Because the registry doesn't encrypt image layers with your key directly: the key stays in the key store, and the identity only reads it and wraps and unwraps with it, which points to the key protecting the registry's own encryption keys as a second layer over Microsoft's. The ACR docs don't describe that internal key hierarchy, so treat it as an inference; the documented grant is simply get, wrapKey and unwrapKey or the matching role."),
dict(key="S4", style="short", kind="undocumented", category="limits", quals=["hsm", "oct2026"], flags=[],
question="does the acr geo-replication doc cover a managed hsm outage for cmk registries?",
canonical=[L + "geo-replication-with-a-managed-hsm-key"], related=[L + "geo-replication-works-with-cmk", M + "limits-and-open-points-with-managed-hsm", M + "provision-and-activate-the-managed-hsm"],
facts=["plan the HSM's own recovery (security domain, backups, region availability) separately"], answer_facts=["was not updated for managed hsm", "the acr docs say nothing more specific"],
truth="Not documented: for CMK the geo-replication article refers only to Key Vault failover and redundancy guidance and has not been revised for Managed HSM, so an HSM outage isn't addressed at all. All replicas of the registry rely on that single HSM; its security domain, backups and availability in its region are yours to plan."),
dict(key="S5", style="short", kind="yes", category="keys", quals=[], flags=[], typo="propably",
question="propably a silly one: byok and cmk mean the same thing for acr?",
canonical=[O + "bring-your-own-key-byok"], related=[O + "what-customer-managed-key-encryption-adds-to-a-registry", M + "managed-hsm-is-a-supported-key-store-for-acr-cmk", O + "the-key-encryption-key-kek-and-its-identifier"],
facts=["link to `https://aka.ms/acr/cmk`"], answer_facts=["refer to the same thing for acr", "both key stores support both"],
truth="Yes: for ACR both names mean the same feature, and the service's own error messages speak of \"bring your own key\" with a link to aka.ms/acr/cmk. BYOK also covers how the key gets there: generated in Key Vault or a Managed HSM, or made outside Azure and imported; the registry only sees the key URI either way."),
dict(key="S6", style="short", kind="no", category="recovery", quals=[], flags=[], typo="guarentee",
question="does purge protection guarentee we can always recover a deleted kv?",
canonical=[O + "soft-delete-and-purge-protection-behaviour-in-key-vault"], related=[O + "soft-delete-and-purge-protection-on-the-key-vault", V + "how-purge-protection-protects-the-registry", V + "recover-a-deleted-key-vault"],
facts=["Purge protection depends on soft delete, which every new vault already has."], answer_facts=["when its retention window ends", "enabling purge protection is a one-way change"],
truth="No: it only guarantees that nobody can erase the deleted vault or key early. You still have to recover it inside the retention window (7 to 90 days, 90 by default); once the window closes it is removed automatically, and a CMK registry's content goes with it. Turning purge protection on can't be undone."),
dict(key="S7", style="short", kind="troubleshoot", category="recovery", quals=[], flags=[], typo="maintainance",
question="kv recovered after a maintainance script deleted it, acr still gets 403 everywhere",
canonical=[V + "re-create-rbac-role-assignments-after-recovering-a-vault"], related=[V + "recover-a-deleted-key-vault", T + "key-vault-or-key-was-deleted", A + "grant-access-with-an-azure-rbac-role"],
facts=["Re-create any operator roles (for example Key Vault Crypto Officer) the same way."], answer_facts=["does not bring them back", "access policies are part of the vault"],
truth="On an RBAC vault that is expected: deleting the vault removed its Azure role assignments, and az keyvault recover does not bring them back, so the registry's identity lost Key Vault Crypto Service Encryption User. Assign it again to the identity's principal ID, scoped to the vault, and re-add operator roles such as Key Vault Crypto Officer; access policies, by contrast, come back with the vault."),
dict(key="S8", style="short", kind="howto", category="setup", quals=[], flags=[],
question="getting the kid of a new rsa key for az acr create",
canonical=[S + "step-5-create-an-rsa-key-and-capture-its-key-id"], related=[S + "step-6-choose-a-versioned-or-versionless-key-id", S + "step-7-create-the-premium-registry-with-the-customer-managed-key", K + "versioned-and-versionless-key-ids"],
facts=["Only RSA and RSA-HSM keys work; EC keys are not supported."], answer_facts=["the key's kid, the versioned key id", "while you can still reach the vault"],
truth="Create it with az keyvault key create --vault-name <vault> --name <key> --kty RSA --size 3072, then read az keyvault key show --vault-name <vault> --name <key> --query key.kid -o tsv. That kid is the versioned key ID (https://<vault>.vault.azure.net/keys/<key>/<version>); cut the last segment if the registry should follow new versions. Only RSA or RSA-HSM keys will do."),
dict(key="S9", style="short", kind="howto", category="setup", quals=[], flags=[],
question="kv will only allow selected networks: order of key, grant and registry",
canonical=[S + "create-the-key-before-the-registry-for-restricted-vaults"], related=[N + "create-the-key-before-the-registry-when-the-vault-is-locked-down", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", S + "set-up-cmk-in-the-azure-portal"],
facts=["allow trusted Azure services through the vault firewall"], answer_facts=["create the key ahead of the registry", "from inside the registry's create flow"],
truth="Prepare everything before the registry exists: from a network the vault still accepts, make the key up front (the registry's create flow can't reach a locked vault), give the registry identity its access (role on an RBAC vault, policy otherwise), then switch on the exception for trusted Azure services and deny the rest; the registry itself comes last."),
dict(key="S10", style="short", kind="howto", category="network", quals=["hsm", "oct2026"], flags=[],
question="hsm firewall is on: how does acr get access before az acr create?",
canonical=[N + "managed-hsm-firewall-and-trusted-services"], related=[M + "managed-hsm-firewall-and-trusted-services", T + "http-403-after-enabling-the-key-vault-firewall", M + "requirements-for-a-managed-hsm-key-store"],
facts=["Clients that manage keys (people, pipelines, the portal) need an allowed address of their own"], answer_facts=["reach the key when it is created", "the bypass only opens the network"],
truth="Allow trusted Azure services on the Managed HSM before creating the registry: az keyvault update-hsm --hsm-name <hsm> --resource-group <rg> --bypass AzureServices --default-action Deny. That bypass only opens the network path; the identity still needs Managed HSM Crypto Service Encryption User on the key, and your own clients need their addresses allowed."),
dict(key="S11", style="short", kind="value", category="iac", quals=["iac"], flags=[],
question="terraform: which attribute of the uami goes into identity_client_id?",
canonical=[C + "terraform-azurerm_container_registry-encryption-block"], related=[C + "complete-terraform-example-with-key-vault-role-assignment-and-registry", C + "common-terraform-and-bicep-errors-with-acr-encryption", I + "which-identity-value-goes-where"],
facts=["The provider sets `status = enabled` itself; there is no status argument."], answer_facts=["the user-assigned identity's client_id", "must also be listed in identity_ids"],
truth="client_id of the azurerm_user_assigned_identity (a UUID), not principal_id and not its resource id. List the same identity's id in identity.identity_ids as well, with type UserAssigned; the provider sets the encryption status to enabled by itself."),
dict(key="S12", style="short", kind="value", category="identity", quals=[], flags=[],
question="az acr create --identity: the uami's whole arm path, or only its name?",
canonical=[I + "a-user-assigned-identity-is-required-when-the-registry-is-created"], related=[I + "which-identity-value-goes-where", S + "rules-that-az-acr-create-enforces-for-cmk", S + "step-2-create-a-user-assigned-managed-identity-and-capture-its-ids"],
facts=["az acr create does not accept --identity '[system]'."], answer_facts=["the same resource group as the registry", "resolves it to the identity's client id"],
truth="Either works in one case: the resource ID always does, the bare name only when the identity sits in the same resource group as the registry. The CLI turns it into the identity's client ID for the encryption settings; it must be a user-assigned identity, since '[system]' isn't accepted at creation."),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="A1", style="agent", form="context", kind="troubleshoot", category="troubleshooting", quals=["iac"], flags=["browser_console"],
question="Context: the portal create of our CMK registry crbanon fails, and the console shows `PUT https://management.azure.com/subscriptions/.../registries/crbanon?api-version=2025-04-01 400 (Bad Request)` with Failed to access KeyId; the vault firewall is on, trusted services off. Question: what blocks the create, and what do we change?",
canonical=[T + "registry-creation-cannot-access-the-key"], related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", N + "allow-trusted-services-and-deny-other-traffic", S + "create-the-key-before-the-registry-for-restricted-vaults"],
facts=["Wait a few minutes for a new role assignment to take effect, then run the create again."], answer_facts=["trusted azure services are not allowed through", "at the moment it is created"],
truth="The 400 on the PUT for crbanon is the create failing because the registry couldn't reach its key: with the vault firewall on and trusted Azure services not allowed through, Container Registry is blocked at the moment the registry is created. Turn the bypass on (az keyvault update --name <vault> --bypass AzureServices, default action Deny can stay), make sure the identity has its role or access policy, wait a few minutes after any new grant, and submit the portal create again."),
dict(key="A2", style="agent", form="imperative", kind="value", category="hsm", quals=["hsm", "iac", "oct2026"], flags=["browser_console"],
question="Tell me which Managed HSM local role I need to grant the registry identity its role on hsm-tomme in the portal, since as a Crypto User I get `PUT https://hsm-tomme.managedhsm.azure.net/providers/Microsoft.Authorization/roleAssignments/7a3c1e90-5b2d-4f68-8c04-d9e1b6a2f357?api-version=7.5 403 (Forbidden)`",
canonical=[M + "local-rbac-roles-for-acr-encryption"], related=[A + "grant-access-to-a-key-in-a-managed-hsm", M + "set-up-a-registry-with-a-managed-hsm-key-in-the-azure-portal", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
facts=["Scopes in local RBAC are paths inside the HSM"], answer_facts=["these built-in roles can write role assignments", "it cannot recover or purge deleted keys"],
truth="Managed HSM Administrator, Managed HSM Crypto Officer or Managed HSM Policy Administrator: only these built-in local roles may write role assignments, so the 403 from hsm-tomme on the roleAssignments PUT is your Crypto User role being refused. Crypto User is for creating and rotating keys, not for granting. Have an HSM administrator give the registry identity Managed HSM Crypto Service Encryption User at /keys/<key>, or give you one of those three roles."),
dict(key="A3", style="agent", form="context", kind="howto", category="hsm", quals=["hsm", "iac", "oct2026"], flags=[],
question="Context: we deploy crlimburger with the enable tutorial's ARM template, and its key lives in our Managed HSM hsm-limburger. Question: what access must exist in the Managed HSM before the ARM deployment runs, and who has to create it?",
canonical=[M + "limits-and-open-points-with-managed-hsm"], related=[S + "the-enable-tutorials-own-template", M + "local-rbac-roles-for-acr-encryption", A + "grant-access-to-a-key-in-a-managed-hsm"],
facts=["A Managed HSM is billed while it exists, including while soft-deleted."], answer_facts=["creates no key access at all", "confirm it for the registry's location first"],
truth="The identity's local role Managed HSM Crypto Service Encryption User at /keys/<key> in hsm-limburger, assigned to its principal ID: the tutorial's ARM template creates no key access at all, and neither ACR nor the portal makes Managed HSM assignments. Create it yourself before deploying, with az keyvault role assignment create --hsm-name hsm-limburger --assignee-principal-type MSI, as someone who holds Managed HSM Administrator, Crypto Officer or Policy Administrator."),
dict(key="A4", style="agent", form="imperative", kind="yes", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="Confirm that az acr create accepts a managedhsm.azure.net key URI for --key-encryption-key, even though our new container registry security guide still describes the CMK as living in Key Vault",
canonical=[M + "managed-hsm-is-a-supported-key-store-for-acr-cmk"], related=[O + "managed-hsm-keys", S + "azure-cli-version-notes-for-cmk-commands", M + "managed-hsm-key-uris"],
facts=["The key can be generated in the HSM or imported into it (bring your own key)"], answer_facts=["store it unchanged, whatever its host name", "follow the cmk tutorials"],
truth="Yes: az acr create (and az acr encryption rotate-key) take a Managed HSM key URI for --key-encryption-key and store it unchanged, and since the October 2026 revision the CMK tutorials document Managed HSM as a supported key store. The security articles that mention only Key Vault were written before that revision; for Managed HSM, follow the CMK tutorials."),
dict(key="A5", style="agent", form="context", kind="yes", category="network", quals=[], flags=[],
question="Context: kv-morbier allows trusted Microsoft services and denies all other traffic, and crmorbier will be created next week. Question: does the trusted-services exception really cover Container Registry here, or does crmorbier also need an IP rule?",
canonical=[N + "azure-container-registry-in-key-vaults-trusted-services-list"], related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", N + "allow-your-own-clients-through-the-vault-firewall", N + "allow-trusted-services-and-deny-other-traffic"],
facts=["Key Vault's documentation lists Azure Container Registry among the services that can pass the firewall"], answer_facts=["for the purpose of encrypting registries", "allow trusted microsoft services"],
truth="Yes: Key Vault lists Azure Container Registry among its trusted services, for encrypting registries with customer-managed keys, so crmorbier passes kv-morbier's firewall through the bypass and needs no IP rule (those are for your own clients). The bypass only opens the network; the identity still needs its role or access policy."),
dict(key="A6", style="agent", form="keywords", kind="why", category="identity", quals=[], flags=[],
question="why acr cmk registries talk to the key store as a managed identity rather than with a stored secret",
canonical=[I + "managed-identities-for-acr-cmk-encryption"], related=[I + "why-the-registry-needs-a-managed-identity", I + "a-user-assigned-identity-is-required-when-the-registry-is-created", I + "which-identity-value-goes-where"],
facts=["The registry does not hold credentials for its key store."], answer_facts=["as a managed identity", "which identity type is allowed when"],
truth="Because the registry keeps no credentials for its key store: it calls the vault or Managed HSM as a managed identity, and the key store decides from that identity's access policy or role whether it may read, wrap and unwrap the key. That identity is the registry's only path to the key, which is why it must be user-assigned at creation and can only be replaced later by rotating encryption to another identity."),
dict(key="A7", style="agent", form="imperative", kind="value", category="keys", quals=["iac"], flags=[],
question="Tell me the role definition ID our Bicep roleAssignments resource needs so that crreblochon's identity can use its key in an RBAC vault",
canonical=[A + "grant-access-with-an-azure-rbac-role"], related=[C + "bicep-registry-with-a-customer-managed-key", S + "set-up-cmk-with-an-arm-template", A + "why-key-vault-crypto-user-is-not-needed"],
facts=["New role assignments can take a few minutes to take effect."], answer_facts=["the role's id is e147488a-f6f5-4113-8e2d-b22465e65bf6", "scope the role to the vault"],
truth="Use e147488a-f6f5-4113-8e2d-b22465e65bf6, the ID of the built-in role Key Vault Crypto Service Encryption User, which lets crreblochon's identity read the key and wrap and unwrap with it and nothing else. The ACR docs grant it at vault scope, so the Bicep assignment targets the vault with the identity's principal ID (principalType ServicePrincipal); new assignments can take a few minutes to work, and the registry should depend on it."),
dict(key="A8", style="agent", form="context", kind="no", category="iac", quals=["iac"], flags=[],
question="Context: the AVM Bicep module's test setup gives the registry identity Key Vault Crypto User and treats purge protection as required. Question: do the ACR docs themselves require either of these for a CMK registry?",
canonical=[C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs"], related=[C + "avm-bicep-module-customermanagedkey-parameter", A + "why-key-vault-crypto-user-is-not-needed", O + "requirements-at-a-glance"],
facts=["module examples enable it"], answer_facts=["the avm bicep test calls it required", "both grant more"],
truth="No: the ACR docs ask only for Key Vault Crypto Service Encryption User (or an access policy with get, wrapKey and unwrapKey), and Key Vault Crypto User grants more than that; purge protection is recommended by them, not required. Both are choices of the module's test setup, not ACR rules."),
dict(key="A9", style="agent", form="context", kind="howto", category="setup", quals=["hsm", "oct2026"], flags=["two_facts"],
question="Context: our CLI runbook follows the key vault path, steps 1 to 8, and the key of crtilsit must now live in the Managed HSM hsm-tilsit. Question: which steps change for the Managed HSM, and in what order do they run?",
canonical=[S + "using-a-managed-hsm-key-instead-of-a-key-vault", M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli"],
related=[M + "provision-and-activate-the-managed-hsm", M + "local-rbac-roles-for-acr-encryption", M + "managed-hsm-firewall-and-trusted-services"],
facts=["Steps 1, 2, 7 and 8 stay as they are."], answer_facts=["steps 4 and 5 swap places", "as the hsm-internal path"],
truth="Steps 1, 2, 7 and 8 stay; 3 to 6 change. Provision hsm-tilsit and activate it by downloading its security domain; then, holding a key-creating role such as Managed HSM Crypto User, create the RSA-HSM key with --ops wrapKey unwrapKey before any grant, since access is given on the key itself (steps 4 and 5 swap); assign Managed HSM Crypto Service Encryption User to the identity's principal ID with az keyvault role assignment create --hsm-name hsm-tilsit --assignee-principal-type MSI --scope /keys/<key>, a path inside the HSM rather than a resource ID; read the kid with az keyvault key show --hsm-name and drop the version for automatic rotation; allow trusted services on the HSM firewall if it is on; then create crtilsit as before."),
dict(key="A10", style="agent", form="keywords", kind="undocumented", category="recovery", quals=[], flags=[],
question="kek-bleu deleted from kv-bleu last month and then purged, vault had no purge protection, ways to make the images in crbleu readable again",
canonical=[T + "key-vault-or-key-was-deleted"], related=[V + "how-purge-protection-protects-the-registry", V + "recover-a-deleted-key", O + "soft-delete-and-purge-protection-on-the-key-vault"],
facts=["The registry cannot unwrap its data without the key"], answer_facts=["the docs describe no way to recover", "purging is irreversible"],
truth="Not documented: once kek-bleu was purged the docs describe no way to get crbleu's data back, since the registry can't unwrap anything without that key, and a new key, even under the same name, is different key material. Contact Azure support, and turn on purge protection for kv-bleu so that a deleted key stays recoverable next time."),
dict(key="A11", style="agent", form="imperative", kind="howto", category="network", quals=[], flags=[],
question="Write the fix order for crcantal, whose az acr import runs return 403 since kv-cantal got a firewall with default action Deny last night",
canonical=[T + "http-403-after-enabling-the-key-vault-firewall"], related=[N + "allow-trusted-services-and-deny-other-traffic", N + "allow-your-own-clients-through-the-vault-firewall", K + "manual-rotation-with-az-acr-encryption-rotate-key"],
facts=["The trusted-services exception only covers ACR, not your own clients or the portal"], answer_facts=["current identity and key again with rotate-key", "open an azure support request"],
truth="First let ACR through: az keyvault update --name kv-cantal --resource-group <rg> --bypass AzureServices (Deny can stay). Then re-apply crcantal's current key and identity: read keyIdentifier and identity from az acr encryption show and pass them to az acr encryption rotate-key (--identity '[system]' if it reads system). Retry the import; if the 403 persists, open an Azure support request. Separately add network rules for your own agents, because the bypass covers only ACR."),
dict(key="A12", style="agent", form="keywords", kind="howto", category="troubleshooting", quals=[], flags=[],
question="crmimolette pulls return 403 saying its identity is inactive, months after a failed attempt to remove id-mimolette-acr, steps to reassign",
canonical=[T + "registry-identity-is-inactive-or-expired"], related=[I + "the-encryption-identity-cannot-simply-be-removed", T + "removing-the-encryption-identity-fails", T + "check-health-reports-cmk_error"],
facts=["Assign the user-assigned encryption identity to the registry again."], answer_facts=["usually after about three months", "re-created system identity gets a new principal"],
truth="Attach id-mimolette-acr to crmimolette again with az acr identity assign --name crmimolette --identities <id-mimolette-acr resource ID>, then retry a pull. The failed removal stopped the identity from being renewed, so it kept working until it ran out; re-assigning brings it back. If you really want another identity, rotate encryption to it first and remove the old one only afterwards."),
]

# ---------------- off-topic ----------------
OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind="off-topic", category=OFF, subject="stunnel", near_miss=True,
question="""Our branch office pulls images from the container registry through a small VM that wraps the connection in stunnel, because the office firewall lets only one TLS port out. The private key and certificate of that stunnel service were generated in 2022, and the security team wants a fresh 3072-bit key before the audit. How do I replace the key on the stunnel VM so that pulls already running at the office aren't cut off halfway?""",
truth="Not covered: replacing the TLS key of an stunnel wrapper is administration of your own VM and network path, outside Azure Container Registry encryption with customer-managed keys."),
dict(key="X2", style="long", kind="off-topic", category=OFF, subject="squid", near_miss=True,
question="""Build agents in our data centre reach the container registry only through a squid proxy, and squid's HTTPS listener uses a private key that a former operations lead generated years ago. We want to swap that key for one issued through our new certificate process, without the agents failing their image pushes during the change. What is the cleanest way to roll the new key into squid and reload it?""",
truth="Not covered: rolling a new TLS key into a squid proxy is proxy administration in your data centre; the ACR CMK material has nothing on it."),
dict(key="X3", style="long", kind="off-topic", category=OFF, subject="varnish", near_miss=True,
question="""An office cache built on varnish keeps copies of the layers developers pull from our container registry. Its management interface is protected by the varnishadm secret that was set at installation and has since been copied into several maintenance scripts. It isn't an encryption key, but policy says it must change every year, like every other key. How do we change the varnish admin secret and update the scripts without an outage of the cache?""",
truth="Not covered: changing the varnishadm secret of a caching server is cache administration, not encryption of a container registry with a customer-managed key."),
dict(key="X4", style="long", kind="off-topic", category=OFF, subject="unbound", near_miss=True,
question="""Office machines resolve our container registry's private endpoint name through two unbound resolvers. unbound-control on both is secured with the control keys and certificates that unbound-control-setup generated when we built them, and a new policy says every such key must be renewed after two years. How do we regenerate the unbound control keys on both resolvers without a gap in name resolution for the registry?""",
truth="Not covered: renewing the unbound-control keys of DNS resolvers is name-service administration, which the ACR customer-managed key knowledge does not address."),
dict(key="X5", style="long", kind="off-topic", category=OFF, subject="pgbouncer", near_miss=True,
question="""The database behind our registry's vulnerability-scan dashboard sits behind pgbouncer, which terminates TLS for the scanners with its own private key. Both pgbouncer instances share that key, and it expires in a month. How do I roll a new key and certificate into pgbouncer with a reload instead of a restart, so that scan results from the registry keep flowing?""",
truth="Not covered: rotating the TLS key of pgbouncer is database connection-pooler administration and lies outside ACR encryption with customer-managed keys."),
dict(key="X6", style="long", kind="off-topic", category=OFF, subject="chrony",
question="""Our build hosts, which push signed images to the container registry, take their time from two internal chrony servers over NTS. The NTS key and certificate of those chrony servers are five years old, and the new crypto policy wants them replaced. How do I rotate the NTS key on both chrony machines so that the build hosts keep authenticated time throughout the switch?""",
truth="Not covered: rotating the NTS key of chrony time servers is time-service administration; the ACR CMK docs do not deal with it."),
dict(key="X7", style="agent", form="context", kind="off-topic", category=OFF, subject="prosody",
question="Context: our release announcements for registry pushes go through a self-hosted Prosody XMPP server. Question: how do we swap Prosody's TLS private key while clients stay connected?",
truth="Not covered: swapping the TLS key of a Prosody XMPP server is chat-server administration and unrelated to ACR customer-managed keys."),
dict(key="X8", style="agent", form="imperative", kind="off-topic", category=OFF, subject="zammad",
question="Explain how to renew the TLS key of our self-hosted Zammad helpdesk without interrupting the agents who are answering tickets",
truth="Not covered: renewing the TLS key of a Zammad helpdesk is web application administration that the ACR CMK knowledge does not include."),
dict(key="X9", style="agent", form="keywords", kind="off-topic", category=OFF, subject="proftpd",
question="proftpd ftps certificate and private key renewal, graceful reload while uploads are still running",
truth="Not covered: renewing the FTPS key of a ProFTPD server is file-transfer server administration, far from ACR encryption with customer-managed keys."),
dict(key="X10", style="short", kind="off-topic", category=OFF, subject="coturn",
question="coturn static auth secret change, do active calls drop?",
truth="Not covered: changing the static auth secret of a coturn relay is real-time media infrastructure, not Azure Container Registry CMK encryption."),
dict(key="X11", style="short", kind="off-topic", category=OFF, subject="owncloud",
question="owncloud instance id change, will every client resync all files?",
truth="Not covered: changing the instance ID of ownCloud concerns a file-sync product and has nothing to do with ACR customer-managed keys."),
dict(key="X12", style="short", kind="off-topic", category=OFF, subject="matomo",
question="matomo archive moved to a new server, do old reports survive",
truth="Not covered: moving a Matomo archive is web-analytics administration, outside the ACR customer-managed key material."),
]

QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"propably": "probably", "guarentee": "guarantee", "maintainance": "maintenance"}
SHAPES = ["two_facts", "github_suggestion", "go_test_failure", "systemd_journal", "python_repl", "browser_console"]
SEED = 62
ID_PREFIX = "r"

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
SPREAD_SETS = (61, 60)
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
    """(blind62.json text, blind62-meta.json text, blind62-first-canonicals.txt text)"""
    entries, meta = build()
    j = json.dumps(entries, indent=1, ensure_ascii=False) + "\n"
    m = json.dumps(meta, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    f = "\n".join(firsts) + "\n"
    return j, m, f


def main(out=HERE):
    j, m, f = render()
    for name, text in (("blind62.json", j), ("blind62-meta.json", m), ("blind62-first-canonicals.txt", f)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
