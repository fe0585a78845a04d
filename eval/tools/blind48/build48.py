"""blind48 builder: holds the 60 questions (QUESTIONS) and writes blind48.json, blind48-meta.json and
blind48-first-canonicals.txt."""
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
dict(key="L1", style="long", kind="howto", category="rotation", quals=[], flags=["compliance_requirements"],
question="""Our ISMS review for the container platform came back with these controls for anything holding customer data at rest:

- CRY-04: encryption keys are generated and held in our own Azure subscription
- CRY-07: key material rotated at least every 90 days, no manual step allowed
- CRY-09: rotation evidence retained for the auditors (when each new version appeared)
- OPS-12: the platform team alone can revoke access to keys

crnumbat is already Premium with a CMK in kv-numbat, using the versionless key URI, and the identity has its role. CRY-07 is the one I can't map yet, because right now nobody creates new versions unless someone remembers to. What is the supported way to get a new key version every 90 days without a human involved? And will the registry follow it by itself?""",
canonical=[K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy"],
related=[K + "automatic-rotation-with-a-versionless-key-id", K + "how-often-to-rotate", L + "pricing-considerations"],
facts=["`P90D` = 90 days"],
answer_facts=["shortest allowed rotation interval is 7 days"],
truth="For CRY-07, put a rotation policy on the key in kv-numbat: a lifetime action of type Rotate triggered at timeAfterCreate P90D (optionally with an expiry for new versions), set with az keyvault key rotation-policy update and checked with rotation-policy show. Key Vault then produces a fresh version every 90 days with no one involved, and because crnumbat points at the versionless URI it switches to each new version within about an hour. Intervals can be anything from 7 days upward. Whoever sets the policy needs Key Vault Crypto Officer on an RBAC vault (or rotate, getrotationpolicy and setrotationpolicy permissions on an access-policy vault), and each automated rotation is billed by Key Vault. For the CRY-09 evidence, az keyvault key list-versions shows when each version was created, and az acr encryption show reports lastKeyRotationTimestamp and the version in use."),

dict(key="L2", style="long", kind="yes", category="hsm", quals=["hsm", "oct2026"], flags=["compliance_requirements"],
question="""Before we can move our images into ACR, the security office wants every requirement below answered in writing:

- Key custody: the key encryption key lives in a single-tenant HSM that we control, not a multi-tenant vault
- Hardware: FIPS 140-3 Level 3 validated modules
- Separation of duties: the people running the registry cannot export or delete the key
- Recovery: documented procedure if the key store is deleted

Our cloud team says the plain Key Vault Premium tier will not pass the first item, and they'd like an Azure Key Vault Managed HSM instead. Can an ACR registry actually take its customer-managed key from a Managed HSM, or is that only a Key Vault feature?""",
canonical=[M + "using-an-azure-key-vault-managed-hsm-key-for-registry-encryption"],
related=[O + "managed-hsm-keys", M + "managed-hsm-is-a-supported-key-store-for-acr-cmk", M + "key-vault-and-managed-hsm-compared"],
facts=["Premium only, chosen at creation, never switched off, a user-assigned identity at creation"],
answer_facts=["single-tenant pool of hardware security modules"],
truth="Yes: since the October 2026 revision of the ACR tutorials, a Managed HSM is a documented key store for a registry's customer-managed key, next to ordinary Key Vault vaults, so the custody item can be met with a single-tenant HSM pool under your control. The registry side does not change: it must be Premium, get the key when it is created (it can't be added later or switched off), and use a user-assigned identity at creation. What differs is the key store side: the HSM must be provisioned and activated, the key is RSA-HSM with wrap and unwrap allowed, and access comes from a local HSM role you assign yourself. The ACR articles say nothing about FIPS levels, so take the hardware item from Managed HSM's own compliance documentation, and check that Managed HSM is offered in the registry's region."),

dict(key="L3", style="long", kind="howto", category="recovery", quals=["hsm", "oct2026"], flags=["compliance_requirements", "two_facts"],
question="""Compliance control list for our HSM-backed registry crpangolin (key pangolin-kek in mhsm-pangolin):

- R1: the security team, not the platform team, holds the right to revoke the registry's key access
- R2: revocation must take effect without touching the registry resource
- R3: after revocation, a second person verifies that no other grant still lets the registry in
- R4: revocation is reversible during an incident review

R1, R2 and R4 look fine on paper. R3 worries me: last year a colleague gave the identity a role at a broader level in the HSM while debugging, and I'm not sure it was ever cleaned up. How do we revoke crpangolin's access to its Managed HSM key properly, and what should the verifier look for so that a leftover assignment doesn't quietly keep things working?""",
canonical=[V + "revoke-access-to-a-key-in-a-managed-hsm", M + "revoke-access-to-a-managed-hsm-key"],
related=[K + "rotate-with-a-different-identity-or-the-system-assigned-identity", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope", V + "restore-access-after-a-revocation"],
facts=["A Managed HSM has no access policies to remove."],
answer_facts=["has no access policies to remove", "managed hsm crypto user"],
truth="A Managed HSM has nothing like an access policy to take away, so the revocation is a deletion of the identity's local role assignment (Managed HSM Crypto Service Encryption User) with az keyvault role assignment delete --hsm-name mhsm-pangolin, at the exact scope where it was made, normally /keys/pangolin-kek. For R3 the verifier should list that identity's assignments without a scope filter: a copy of the role at /keys or / survives a key-scoped delete and keeps access alive, and so does any other local role that can wrap and unwrap, such as Managed HSM Crypto User; those must be deleted at their own scope. Once nothing is left, all registry data is blocked. For R4, re-creating the assignment (or recovering a deleted key) brings crpangolin back, and deleting the key is the other documented revocation route."),

dict(key="L4", style="long", kind="undocumented", category="network", quals=[], flags=["compliance_requirements"],
question="""Network requirements from our cloud security standard, version 3.2, for any registry holding production images:

- NET-01: client access to the registry only via a private endpoint; its public endpoint switched off
- NET-02: the key vault used for encryption denies public traffic by default
- NET-03: no exceptions except ones Microsoft documents for the service
- ENC-02: customer-managed key encryption mandatory

I've read the ACR CMK material on putting the key vault behind a firewall and the trusted services bypass, so NET-02 seems covered. What I can't find is anything about NET-01 combined with ENC-02. Does the CMK documentation say whether a CMK registry that only has private endpoints and no public access is supported?""",
canonical=[N + "registry-private-endpoints-and-cmk-are-not-covered-by-the-docs"],
related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", N + "allow-trusted-services-and-deny-other-traffic", L + "feature-compatibility-summary"],
facts=["Treat it as undocumented"],
answer_facts=["treat it as undocumented"],
truth="Not documented: the CMK articles only deal with the key store (vault or Managed HSM) sitting behind a firewall, a virtual network or a private endpoint. A registry that itself has private endpoints, a registry firewall or public access turned off is neither listed as supported nor named as a limitation, so NET-01 together with ENC-02 is an open point: test it in a non-production subscription and get a written answer from Microsoft support if the standard needs a guarantee. NET-02 is handled as you describe: deny by default on the vault with the trusted Microsoft services exception, which is how the registry reaches its key regardless of how clients reach the registry."),

dict(key="L5", style="long", kind="howto", category="limits", quals=["iac"], flags=["compliance_requirements"],
question="""Internal audit handed us this for the container estate (about forty registries across six subscriptions):

- A-1: every production registry encrypted with a customer-managed key (key custody on our side)
- A-2: continuous audit evidence of A-1, not a one-off spreadsheet
- A-3: non-compliant registries flagged automatically and their encryption fixed within 30 days

I'd rather not write a script that loops over az acr encryption show in every subscription. Is there something built into Azure that reports which registries don't use CMK, ideally visible in the portal compliance view, and what does "fixed" realistically mean for a registry that was created without one?""",
canonical=[L + "azure-policy-built-in-for-cmk"],
related=[O + "cmk-can-only-be-enabled-when-the-registry-is-created", O + "moving-an-existing-registry-to-cmk", L + "check-the-encryption-status-of-a-registry"],
facts=["audits whether registries use CMK"],
answer_facts=["audits whether registries use cmk"],
truth="For A-2, assign the built-in Azure Policy definition \"Container Registries should be encrypted with a Customer-Managed Key (CMK)\" at each subscription (or resource group); it audits whether registries use CMK and the non-compliant ones show up in the portal's policy compliance view. For A-3, fixing in place is not possible: CMK can only be chosen when a registry is created, so a flagged registry has to be replaced by a new Premium CMK registry, images copied across with az acr import, clients switched, and the old one deleted. Don't count on Modify remediation tasks either; an unofficial report says they fail with BadRequest on CMK registries."),

dict(key="L6", style="long", kind="troubleshoot", category="identity", quals=[], flags=["az_debug"],
question="""Creating crtarsier fails and the error text is unhelpful, so I reran it with `az acr create -g rg-tarsier -n crtarsier --identity '[system]' --sku Premium --key-encryption-key https://kv-tarsier.vault.azure.net/keys/tarsier-kek --debug`. The interesting part:

```text
cli.knack.cli: Command arguments: ['acr', 'create', '-n', 'crtarsier', '--identity', '[system]', '--debug']
cli.azure.cli.core.sdk.policies: Request URL: 'https://management.azure.com/subscriptions/5d0c9a31-7e2b-4f86-b1d4-0a93c6e2f718/resourceGroups/rg-tarsier/providers/Microsoft.ManagedIdentity/userAssignedIdentities/[system]?api-version=2023-01-31'
cli.azure.cli.core.sdk.policies: Request method: 'GET'
cli.azure.cli.core.sdk.policies: Response status: 404
cli.azure.cli.core.sdk.policies:     'x-ms-request-id': '3f9b2c74-1d8e-4a65-9c07-b5e81f2d6a40'
cli.azure.cli.core.azclierror: ResourceNotFound: The Resource '[system]' under resource group 'rg-tarsier' was not found.
```

So it goes looking for an identity literally named [system]. The idea was to let the registry's own identity reach the key from the start, and the vault already grants the role to it. Why is it looking up a user identity, and what's the right order to end up on the system identity?""",
canonical=[T + "system-assigned-identity-rejected-at-registry-creation"],
related=[I + "quote-system-in-shell-commands", I + "a-user-assigned-identity-is-required-when-the-registry-is-created", K + "rotate-with-a-different-identity-or-the-system-assigned-identity"],
facts=["`--identity` must be a user-assigned identity"],
answer_facts=["system-assigned identity can be used only later"],
truth="The 404 is the lookup of a user-assigned identity called [system] in rg-tarsier: at creation time --identity has to name a user-assigned identity (resource ID, or name in the registry's resource group), because the registry's own identity does not exist before the registry does, so the CLI treats [system] as an ordinary name. The vault grant you mention can't be for that identity either, for the same reason. Order: create an identity with az identity create, give it access to tarsier-kek, create crtarsier with --identity set to its resource ID; then turn on the system identity with az acr identity assign --identities '[system]' (quoted), grant that principal ID the vault role or access policy, and switch with az acr encryption rotate-key --identity '[system]'. Only then can the user-assigned identity be retired."),

dict(key="L7", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["az_debug"],
question="""crokapi is our first registry keyed from a Managed HSM, and its creation fails every time. On the mhsm-okapi resource I assigned id-okapi-enc our usual vault role for CMK (Crypto Service Encryption User on Key Vault) with `az role assignment create`, same as for vaults, and then ran the create with `az acr create -n crokapi -g rg-okapi --sku Premium --identity <id> --key-encryption-key https://mhsm-okapi.managedhsm.azure.net/keys/okapi-kek --debug`:

```text
cli.azure.cli.core.sdk.policies: Request URL: 'https://management.azure.com/subscriptions/0b7e4d12-93a6-4c0f-8e51-d6a2f9c3b784/resourceGroups/rg-okapi/providers/Microsoft.ContainerRegistry/registries/crokapi?api-version=2025-04-01'
cli.azure.cli.core.sdk.policies: Request method: 'PUT'
cli.azure.cli.core.sdk.policies: Response status: 400
cli.azure.cli.core.sdk.policies:     'x-ms-correlation-request-id': 'a41d7e90-58c3-4b2f-bf16-7c0e2d93a58e'
cli.azure.cli.core.azclierror: (KeyVaultAccessDenied) The identity could not unwrap with the configured key.
```

The Azure role shows up fine under Access control on the HSM. Is an Azure role at the HSM resource scope simply the wrong kind of grant here, and what role and scope does the identity need instead?""",
canonical=[T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
related=[M + "local-rbac-roles-for-acr-encryption", A + "grant-access-to-a-key-in-a-managed-hsm", T + "managed-hsm-role-assignment-not-yet-in-effect"],
facts=["Managed HSM Crypto Service Encryption User"],
answer_facts=["azure rbac covers the hsm's management only"],
truth="That is the wrong kind of grant and the cause of the 400: a Managed HSM decides key use only through its own local RBAC, and an Azure role assigned with az role assignment create on the HSM resource covers its management, never key operations, so what you see under Access control does nothing for crokapi. Inside mhsm-okapi, give id-okapi-enc's principal ID (not its client ID) the local role Managed HSM Crypto Service Encryption User, scoped to /keys/okapi-kek, with az keyvault role assignment create --hsm-name mhsm-okapi --assignee-principal-type MSI; someone holding Managed HSM Administrator, Crypto Officer or Policy Administrator must run it, and ACR never creates it for you. Wait several minutes, confirm with az keyvault role assignment list on that scope, then retry the create. The Azure role on the resource can be removed."),

dict(key="L8", style="long", kind="troubleshoot", category="keys", quals=[], flags=["az_debug", "two_facts"],
question="""I created kv-serval myself twenty minutes ago (I'm Owner on the subscription) and now can't create the registry key in it. Debug output of `az keyvault key create --vault-name kv-serval -n serval-kek --kty RSA --size 3072 --debug`:

```text
cli.azure.cli.core.sdk.policies: Request URL: 'https://kv-serval.vault.azure.net/keys/serval-kek/create?api-version=7.5'
cli.azure.cli.core.sdk.policies: Request method: 'POST'
cli.azure.cli.core.sdk.policies: Response status: 403
cli.azure.cli.core.sdk.policies:     'x-ms-request-id': 'e2c85a17-04bd-4f93-a6e8-91d3b7f02c6a'
cli.azure.cli.core.azclierror: (Forbidden) Caller lacks permission for keys/create. ForbiddenByRbac
```

How can the Owner of the whole subscription be refused on a vault they just made? The vault came out with the RBAC permission model, we didn't choose that explicitly. Which role do I need, and does the registry's identity need that same role too, so we assign only once?""",
canonical=[A + "your-own-permissions-to-create-keys-in-an-rbac-vault", T + "operator-cannot-create-the-key-in-an-rbac-vault"],
related=[A + "azure-cli-262-and-later-create-rbac-vaults-by-default", A + "grant-access-with-an-azure-rbac-role", A + "why-key-vault-crypto-user-is-not-needed"],
facts=["Key Vault Crypto Officer"],
answer_facts=["does not let you create keys", "wait a few minutes for the assignment"],
truth="The 403 with ForbiddenByRbac is expected: recent CLI versions create vaults with the Azure RBAC model, and there being Owner or Contributor is a management-plane right that does not let you create keys. Have someone who can assign roles (Owner, User Access Administrator or Role Based Access Control Administrator on the vault) give your user Key Vault Crypto Officer on kv-serval with az role assignment create --assignee-object-id <your object ID> --assignee-principal-type User; use the object ID and ServicePrincipal for a pipeline. Wait a few minutes for it to propagate, then rerun the key create. Don't hand the registry identity the same role: it only needs Key Vault Crypto Service Encryption User, which is a separate assignment."),

dict(key="L9", style="long", kind="troubleshoot", category="keys", quals=[], flags=["az_debug"],
question="""Per our key standard, elliptic curve is preferred for anything new, so kv-ocelot (premium vault) got an EC-HSM key on P-384. Creating the registry then fails; this is `az acr create -n crocelot -g rg-ocelot --sku Premium --identity "$UAMI" --key-encryption-key "$KID" --debug`:

```text
cli.azure.cli.core.sdk.policies: Request URL: 'https://management.azure.com/subscriptions/7a3e19c0-52d8-4b6f-90e4-c18d2b7f6a05/resourceGroups/rg-ocelot/providers/Microsoft.ContainerRegistry/registries/crocelot?api-version=2025-04-01'
cli.azure.cli.core.sdk.policies: Request method: 'PUT'
cli.azure.cli.core.sdk.policies: Response status: 400
cli.azure.cli.core.sdk.policies:     'x-ms-request-id': '6d2f0b83-c9a1-4e57-8b34-f0a7e6c1d928'
cli.azure.cli.core.azclierror: (InvalidKeyType) Key 'ocelot-kek' has kty EC-HSM, which cannot be used to encrypt this registry.
```

The identity can read the key and the vault firewall is off. Is the curve the problem, or does ACR not do EC at all? If it's the latter, what key should we create?""",
canonical=[T + "elliptic-curve-key-rejected"],
related=[O + "which-key-types-and-sizes-are-supported", O + "key-sizes-offered-by-key-vault", O + "rsa-hsm-keys-need-a-premium-key-vault"],
facts=["Elliptic-curve keys"],
answer_facts=["supports only rsa and rsa-hsm keys"],
truth="It isn't the curve: registry encryption accepts only RSA and RSA-HSM keys, and elliptic-curve keys of any curve (P-256, P-256K, P-384, P-521) can't wrap keys, which is why the PUT comes back 400. Create a new RSA key under another name in kv-ocelot; since the vault is premium you can use RSA-HSM if the standard wants hardware protection (az keyvault key create --kty RSA-HSM, with 2048, 3072 or 4096 bits; the ACR docs don't prescribe a size). Read its kid, make sure the identity still has its grant, and rerun az acr create with that URI (or its versionless form). Your key standard will need an exception for this use."),

dict(key="L10", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["az_debug"],
question="""mhsm-dugong finished deploying (provisioningState Succeeded) an hour ago. Now nothing works against it: the key create fails, and so does the local role assignment for id-dugong-enc. Here's `az keyvault key create --hsm-name mhsm-dugong -n dugong-kek --kty RSA-HSM --ops wrapKey unwrapKey --debug`:

```text
cli.azure.cli.core.sdk.policies: Request URL: 'https://mhsm-dugong.managedhsm.azure.net/keys/dugong-kek/create?api-version=7.5'
cli.azure.cli.core.sdk.policies: Request method: 'POST'
cli.azure.cli.core.sdk.policies: Response status: 401
cli.azure.cli.core.sdk.policies:     'x-ms-request-id': 'c07e4a29-b6d1-4f38-95a2-3e8d1f60b7c4'
cli.azure.cli.core.azclierror: Operation returned an invalid status 'Unauthorized'
```

I'm listed as an initial administrator. Why does the new Managed HSM refuse even its own admin, and what has to happen before the key and the registry's grant can be created?""",
canonical=[T + "managed-hsm-is-not-activated"],
related=[M + "provision-and-activate-the-managed-hsm", S + "using-a-managed-hsm-key-instead-of-a-key-vault", M + "requirements-for-a-managed-hsm-key-store"],
facts=["activationStatus"],
answer_facts=["data-plane requests until it has been activated"],
truth="The 401 comes from an HSM that isn't activated yet: a Managed HSM refuses every data-plane call (creating or importing keys, local role assignments, ACR using a key) until activation, whoever the caller is; a Succeeded provisioning state is only half the job. Check properties.securityDomainProperties.activationStatus with az keyvault show --hsm-name mhsm-dugong. To activate, one of the initial administrators downloads the security domain with az keyvault security-domain download, wrapped with at least three RSA certificates and a quorum of them, and keeps the file and the private keys safe for disaster recovery. Once the status reads Active, create dugong-kek, give id-dugong-enc the Managed HSM Crypto Service Encryption User role at /keys/dugong-kek, and then create the registry."),

dict(key="L11", style="long", kind="troubleshoot", category="rotation", quals=["hsm", "oct2026"], flags=["rest_api"],
question="""Our HSM team created a new version of gerenuk-kek in mhsm-gerenuk yesterday morning and expected crgerenuk to move to it. I pulled the registry's encryption settings straight from ARM:

```bash
az rest --method get --url "https://management.azure.com/subscriptions/2c8d5e71-0f49-4b3a-a6e2-91b7c4d0e358/resourceGroups/rg-gerenuk/providers/Microsoft.ContainerRegistry/registries/crgerenuk?api-version=2025-04-01" --query properties.encryption
```
```json
{
  "keyVaultProperties": {
    "identity": "4e1a7c93-2b58-4d06-9f3e-a8c5d2b71e60",
    "keyIdentifier": "https://mhsm-gerenuk.managedhsm.azure.net/keys/gerenuk-kek/3b9e0f2a7c4d41e68a15d0c7b2f9e4a1",
    "keyRotationEnabled": false,
    "versionedKeyIdentifier": "https://mhsm-gerenuk.managedhsm.azure.net/keys/gerenuk-kek/3b9e0f2a7c4d41e68a15d0c7b2f9e4a1"
  },
  "status": "enabled"
}
```

Which key version is the registry on right now, and what do we run so it uses the new one from the Managed HSM?""",
canonical=[K + "move-to-a-new-version-of-the-same-key"],
related=[T + "registry-keeps-using-an-old-key-version", K + "versioned-and-versionless-key-ids", M + "rotate-a-managed-hsm-key"],
facts=["create the new version, capture its `kid`"],
answer_facts=["create the new version, capture its kid"],
truth="crgerenuk is on the old version, 3b9e0f2a...: keyIdentifier ends in that version, so the registry is pinned to it (keyRotationEnabled is false) and will never move to yesterday's version by itself. Read the new version's kid with az keyvault key show --hsm-name mhsm-gerenuk --name gerenuk-kek, then point the registry at it with az acr encryption rotate-key -n crgerenuk --key-encryption-key <new kid> --identity 4e1a7c93-... (the same identity, here by client ID). If you'd rather have the registry follow future versions on its own, pass the versionless URI https://mhsm-gerenuk.managedhsm.azure.net/keys/gerenuk-kek instead; it then picks up new versions within about an hour. Either way the identity needs its local role on gerenuk-kek in the Managed HSM."),

dict(key="L12", style="long", kind="no", category="setup", quals=[], flags=["rest_api"],
question="""crquokka is an existing Premium registry with about 900 repositories. The CLI has no flag on `az acr update` for a key, so I tried going under it with ARM directly:

```text
PATCH https://management.azure.com/subscriptions/9f2a6d40-1c7b-4e83-b5d9-37e0a8c1f264/resourceGroups/rg-quokka/providers/Microsoft.ContainerRegistry/registries/crquokka?api-version=2025-04-01
{
  "identity": { "type": "UserAssigned", "userAssignedIdentities": { "/subscriptions/.../id-quokka-enc": {} } },
  "properties": {
    "encryption": {
      "status": "enabled",
      "keyVaultProperties": { "keyIdentifier": "https://kv-quokka.vault.azure.net/keys/quokka-kek", "identity": "<client id>" }
    }
  }
}
```

Before I push this through change management: will a PATCH carrying that block switch crquokka over to our own key after the fact?""",
canonical=[O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
related=[O + "moving-an-existing-registry-to-cmk", T + "key-rotation-fails-on-a-registry-without-cmk", C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep"],
facts=["`az acr update` has no `--identity` or `--key-encryption-key` option."],
answer_facts=["no way to turn it on afterwards"],
truth="No: encryption with a customer-managed key can only be chosen when a registry is created, and nothing turns it on later, whether the CLI (az acr update has no key or identity option, and rotate-key refuses registries without CMK), the portal or a raw PATCH carrying an encryption block with keyVaultProperties; expect the service to reject it. For crquokka, create a new Premium registry with the identity and key set at creation, copy the repositories across with az acr import, move clients over, and only then remove the old registry."),

dict(key="L13", style="long", kind="value", category="iac", quals=["iac", "oct2026"], flags=["rest_api"],
question="""Our in-house deployment service calls the REST API directly and deploys the ARM template published with the ACR tutorial for turning CMK on:

```text
PUT https://management.azure.com/subscriptions/61d4b2e8-7a05-4c39-9e1f-c28a5d03b7f4/resourcegroups/rg-bilby/providers/Microsoft.Resources/deployments/cmk-bilby?api-version=2021-04-01
{
  "properties": {
    "mode": "Incremental",
    "templateLink": { "uri": "https://stbilbytemplates.blob.core.windows.net/arm/CMKtemplate.json" },
    "parameters": {
      "registry_name": { "value": "crbilby" },
      "identity_name": { "value": "id-bilby-enc" },
      "vault_name": { "value": "kv-bilby" },
      "key_id": { "value": "https://kv-bilby.vault.azure.net/keys/bilby-kek" }
    }
  }
}
```

Since the template was refreshed, the deployment is rejected because of the parameters. What parameter names does the tutorial's current template expect?""",
canonical=[S + "the-enable-tutorials-own-template"],
related=[S + "set-up-cmk-with-an-arm-template", S + "deploy-the-template", C + "arm-template-json-propertiesencryption-and-keyvaultproperties"],
facts=["no `vault_name` parameter and no access-policy resource"],
answer_facts=["its parameters are registry_name, identity_name and kek_id"],
truth="The October 2026 version of the tutorial's template takes exactly three parameters: registry_name, identity_name and kek_id. Rename key_id to kek_id (older revisions of the tutorial passed key_id by mistake) and drop vault_name, because this template no longer grants any key access itself and has no parameter for the vault. That also means the identity must exist and already have access before the deployment: an access policy with get, wrapKey and unwrapKey, or the Key Vault Crypto Service Encryption User role on kv-bilby. Deploy into the identity's resource group, since the template declares the identity resource. The longer example template in the docs that also writes an access policy is a different one and does take vault_name."),

dict(key="L14", style="long", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=["rest_api"],
question="""The HSM team created a key for our new registry in mhsm-tapir and sent me the key's JSON as proof it's ready. I fetched it myself too:

```bash
az rest --method get --resource https://managedhsm.azure.net --url "https://mhsm-tapir.managedhsm.azure.net/keys/tapir-kek?api-version=7.5"
```
```json
{
  "attributes": { "enabled": true, "exportable": false },
  "key": {
    "kid": "https://mhsm-tapir.managedhsm.azure.net/keys/tapir-kek/8d41c6e0b2a94f7c9e35a1d0f6b8c274",
    "kty": "oct-HSM",
    "key_ops": ["encrypt", "decrypt", "wrapKey", "unwrapKey"]
  }
}
```

It's an AES key, which they say is what every other service of ours uses for wrapping. Before I create crtapir with it: what key type does ACR need when the key sits in a Managed HSM?""",
canonical=[O + "managed-hsm-keys"],
related=[M + "requirements-for-a-managed-hsm-key-store", T + "managed-hsm-key-has-the-wrong-type-or-operations", O + "which-key-types-and-sizes-are-supported"],
facts=["the key must be RSA-HSM and permit `wrapKey` and `unwrapKey`"],
answer_facts=["rsa-hsm and permit wrapkey and unwrapkey"],
truth="ACR needs an RSA-HSM key from the Managed HSM, with wrapKey and unwrapKey allowed; the pasted kty is oct-HSM (a symmetric AES key), so crtapir can't use tapir-kek even though its key_ops include wrap and unwrap. Ask the HSM team for a new key created with --kty RSA-HSM --ops wrapKey unwrapKey (az keyvault key create --hsm-name mhsm-tapir). The rest of the list still applies: the HSM activated, the registry identity holding the local role Managed HSM Crypto Service Encryption User at /keys/<new key>, which you assign yourself, and Managed HSM available in the region. Managed HSM has been a documented store for this since the October 2026 revision."),

dict(key="L15", style="long", kind="howto", category="identity", quals=[], flags=["rest_api"],
question="""We want crgenet to stop depending on the user-assigned identity id-genet-enc, which belongs to a team that's being dissolved, and use the registry's own identity instead. Current state via `az rest --method get` on the registry (api-version 2025-04-01), trimmed:

```json
{
  "identity": { "type": "UserAssigned", "userAssignedIdentities": { ".../id-genet-enc": { "clientId": "b7f2d9c1-3a64-4e05-8d1b-6c0e9a2f7384" } } },
  "properties": {
    "encryption": {
      "status": "enabled",
      "keyVaultProperties": { "identity": "b7f2d9c1-3a64-4e05-8d1b-6c0e9a2f7384", "keyIdentifier": "https://kv-genet.vault.azure.net/keys/genet-kek" }
    }
  }
}
```

kv-genet uses Azure RBAC. What's the sequence to move encryption over to the system-assigned identity without an outage?""",
canonical=[K + "rotate-with-a-different-identity-or-the-system-assigned-identity"],
related=[I + "switch-to-the-registrys-system-assigned-identity-after-creation", I + "quote-system-in-shell-commands", T + "removing-the-encryption-identity-fails"],
facts=["Attach the identity to the registry and grant it key access first"],
answer_facts=["and grant it key access first"],
truth="Today keyVaultProperties.identity holds id-genet-enc's client ID. First attach the system identity with az acr identity assign -n crgenet --identities '[system]' and read its principalId from az acr identity show; then grant that principal Key Vault Crypto Service Encryption User on kv-genet (az role assignment create --assignee-principal-type ServicePrincipal, scoped to the vault). Only after that run az acr encryption rotate-key -n crgenet --key-encryption-key https://kv-genet.vault.azure.net/keys/genet-kek --identity '[system]', keeping the same versionless keyIdentifier. Check that az acr encryption show now reports system as the identity, and only then detach id-genet-enc; removing it earlier is refused because encryption still uses it."),

dict(key="L16", style="long", kind="why", category="identity", quals=[], flags=["negated_question", "two_facts"],
question="""Cleaning up old identities in our subscription. crsaola was created with id-saola-legacy for its CMK, and that identity is on the cleanup list, and `az acr identity remove --identities id-saola-legacy -n crsaola` came back with:

```text
(BadRequest) Registry crsaola does not have access to identity id-saola-legacy. Try adding it back to the registry forcibly.
```

Now a colleague says key rotation on crsaola also errors since my attempt. Why can't I just detach an identity from a registry like every other resource lets me, and is the registry now at risk beyond the rotation error?""",
canonical=[T + "removing-the-encryption-identity-fails", I + "the-encryption-identity-cannot-simply-be-removed"],
related=[I + "switch-to-a-different-user-assigned-identity", I + "which-identity-value-goes-where", T + "registry-identity-is-inactive-or-expired"],
facts=["An identity can only be removed after encryption has been moved to a different identity."],
answer_facts=["open an azure support request", "usually after about three months"],
truth="Because id-saola-legacy is the identity the registry uses to reach its key, the service won't let it go while encryption depends on it; the failed attempt can leave the registry in a state where rotation fails too, and it can also make the identity inactive: it is no longer renewed, pulls and pushes keep working until it expires (typically about three months later) and then fail with 403. Re-attach it with az acr identity assign -n crsaola --identities <its resource ID>, then move encryption to another identity (the system identity or a new user-assigned one that already has key access) with az acr encryption rotate-key, confirm keyVaultProperties.identity changed, and only then remove id-saola-legacy. Had it been the system-assigned identity, the only route would be to open an Azure support request."),

dict(key="L17", style="long", kind="no", category="limits", quals=["iac"], flags=["negated_question"],
question="""We're rebuilding our prod registry as crzorilla with a customer-managed key, reusing the Bicep module from the old registry. The old one had content trust on (trustPolicy enabled) and our pipeline runs docker trust sign after each push. Only that property breaks the deployment:

```text
{"code":"BlockedForEncryptionEnabledRegistry","message":"Trust policy is blocked for registry 'crzorilla'."}
```

We have a signing runbook built around DCT that I'd prefer not to throw away. Isn't there some supported setting or order of deployment that keeps Docker Content Trust on for an encrypted registry?""",
canonical=[L + "docker-content-trust-is-not-supported"],
related=[T + "content-trust-cannot-be-enabled", L + "docker-content-trust-is-being-retired-use-notation", L + "notation-signatures-on-cmk-registries"],
facts=["it cannot be enabled on a registry that is encrypted with a customer-managed key"],
answer_facts=["blockedforencryptionenabledregistry"],
truth="No: content trust does not work with customer-managed key encryption and the service blocks switching it on, which is the BlockedForEncryptionEnabledRegistry error; no deployment order changes that. Remove the trust policy from the Bicep module for crzorilla and move signing to Notation (for example with its Azure Key Vault plug-in); with Notation 1.2.0 or later, signatures on a CMK registry are kept through the referrers tag schema. DCT is being retired in ACR anyway (deprecation began 2025-03-31, removal on 2028-03-31), so the runbook would need replacing regardless; move the pipeline's verification to Notation checks as well."),

dict(key="L18", style="long", kind="howto", category="iac", quals=["hsm", "iac", "oct2026"], flags=[],
question="""Terraform question for an HSM-backed registry. The HSM itself is deployed and activated elsewhere (its ID comes in as local.hsm_caracal), and I'm adding the key and the registry:

```hcl
# modules/hsm-key/main.tf, body of the HSM key resource
  name           = "caracal-kek"
  managed_hsm_id = local.hsm_caracal
  key_type       = "RSA-HSM"
  key_opts       = ["unwrapKey", "wrapKey"]
  key_size       = 4096
```

For vault keys we always use versionless_id in key_vault_key_id, but the HSM key resource type (the managed_hardware_security_module_key one) has no such attribute and plan errors out. Which attribute gives the versionless key URI for the Managed HSM, and how should the grant for the identity be declared so the registry doesn't race it?""",
canonical=[C + "managed-hsm-key-in-terraform"],
related=[C + "terraform-azurerm_container_registry-encryption-block", C + "why-the-registry-needs-depends_on-on-the-role-assignment", M + "local-rbac-roles-for-acr-encryption"],
facts=["older versions reject any `.managedhsm.` URI in `key_vault_key_id`"],
answer_facts=["there is no versionless_id"],
truth="On the Managed HSM key resource it's the other way round from a vault key: id is the versionless URI and versioned_id the pinned one; there is no versionless_id. Set key_vault_key_id on the registry to azurerm_key_vault_managed_hardware_security_module_key.kek.id for automatic rotation, with azurerm 4.65.0 or later (older providers reject managedhsm URIs there). Grant the identity through azurerm_key_vault_managed_hardware_security_module_role_assignment, which is the HSM's local RBAC, not azurerm_role_assignment: scope /keys/caracal-kek, the Managed HSM Crypto Service Encryption User role definition, the identity's principal_id and a fresh GUID as name. Put that role assignment in the registry's depends_on. The provider's own tests don't exercise this combination with ACR, so prove it in a test subscription first."),

dict(key="L19", style="long", kind="troubleshoot", category="iac", quals=["iac"], flags=[],
question="""Writing the Terraform for crfossa (azurerm 4.x, Premium, user-assigned identity id-fossa-enc). Plan is clean, but apply dies on the registry:

```text
azurerm_container_registry.fossa: Creating...
Error: creating Registry "crfossa": status 400: EncryptionIdentityMismatch:
no identity attached to crfossa has client ID 'c94e0a7b-25d1-4f8e-b6a3-0d7e91c2f548'
```

Line 31 of registry.tf has `identity_client_id = azurerm_user_assigned_identity.fossa.principal_id`, since an earlier attempt with .id failed validation and principal_id at least looks like a UUID. The same identity is in the identity block and has its Key Vault role. Which attribute belongs in identity_client_id?""",
canonical=[C + "common-terraform-and-bicep-errors-with-acr-encryption"],
related=[C + "terraform-azurerm_container_registry-encryption-block", I + "which-identity-value-goes-where", C + "complete-terraform-example-with-key-vault-role-assignment-and-registry"],
facts=["use `azurerm_user_assigned_identity.<name>.client_id`"],
answer_facts=["principal_id (object id) passed instead of client_id"],
truth="identity_client_id needs the identity's client ID: use azurerm_user_assigned_identity.fossa.client_id. principal_id is the object ID, which passes the UUID validation but is the wrong value, so apply fails; it belongs in the Key Vault role assignment (or access policy) for the identity. The earlier .id attempt failed for the same reason in another form: that is a resource ID, which goes into identity_ids of the registry's identity block, not into the encryption block."),

dict(key="L20", style="long", kind="howto", category="rotation", quals=["iac"], flags=[],
question="""Our key vault kv-margay-old is being decommissioned as part of a subscription reorganisation, and crmargay has to switch to a key that lives in kv-margay-core instead (RBAC model, same tenant). The registry uses the user-assigned identity id-margay-enc, and we'd like automatic rotation on the new key as well. The portal has a Change key option on the registry's Encryption page, but our change process wants CLI commands. I've seen the rotate-key command, but I'm unsure about the order of the grant, the key creation and the switch, and when it is safe to delete the old vault. What sequence should we follow?""",
canonical=[K + "move-to-a-different-key-or-to-a-key-in-another-vault"],
related=[A + "access-to-a-key-in-a-second-key-vault", K + "rotate-the-key-in-the-azure-portal", K + "manual-rotation-with-az-acr-encryption-rotate-key"],
facts=["grant the identity access there first, then rotate"],
answer_facts=["keep the old vault and key"],
truth="Grant first, switch second, delete last. Give id-margay-enc's principal ID Key Vault Crypto Service Encryption User on kv-margay-core (az role assignment create --assignee-principal-type ServicePrincipal, scoped to the new vault), create an RSA key there (for example 3072 bits) and read its kid. Then run az acr encryption rotate-key -n crmargay --key-encryption-key with the kid minus its version segment, so the registry follows new versions automatically, and --identity id-margay-enc. Keep the old vault and key, with the identity's access intact, until az acr encryption show lists the new key; after that kv-margay-old can be decommissioned."),

dict(key="L21", style="long", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question="""We keep one runbook for both our HSM-backed and vault-backed registries, and the vault variant of the grant step fails before anything reaches Azure:

```text
$ az role assignment create --assignee-object-id 5c2e8a17-... --assignee-principal-type MSI --scope "$KV_DHOLE_ID" --role "$CMK_ROLE"
ERROR: argument --assignee-principal-type: 'MSI' not in allowed values [User, Group, ServicePrincipal, ForeignGroup]
```

CMK_ROLE is the vault's encryption-user role. MSI works fine in the HSM section of the same runbook, which confuses the team. When someone "fixed" it by adding --assignee with the identity name next to the object ID, they got a usage error instead. What's going on with these two errors?""",
canonical=[T + "role-assignment-rejects-the-principal-type-or-the-assignee"],
related=[A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities", A + "grant-access-with-an-azure-rbac-role", A + "grant-access-to-a-key-in-a-managed-hsm"],
facts=["`MSI` belongs to another command, `az keyvault role assignment create`"],
answer_facts=["a managed identity is a serviceprincipal there"],
truth="Two different commands are being mixed. az role assignment create, used for the vault, only knows User, Group, ServicePrincipal and ForeignGroup, and a managed identity counts as ServicePrincipal there; MSI is a value of az keyvault role assignment create, the command that grants a Managed HSM's local roles, which is why the HSM section works. The usage error is separate: the command takes exactly one of --assignee or --assignee-object-id, never both. For kv-dhole, pass only --assignee-object-id with the identity's principal ID and --assignee-principal-type ServicePrincipal, keeping the role and the vault scope as they are."),

dict(key="L22", style="long", kind="howto", category="recovery", quals=["iac"], flags=["two_facts"],
question="""Messy incident on crlynx. Sequence: during a revocation drill we deleted the registry identity's role assignment on kv-lynx (RBAC vault), which blocked the registry as planned. Before we restored it, an unrelated cleanup script deleted kv-lynx itself. We recovered the vault from the portal's deleted vaults list an hour later, and the key is there again with all versions.

The registry still can't pull. I assumed recovering the vault restores everything as it was. Do we have to re-create the role assignment even though the vault is back, and is there any command to run on crlynx itself once access is restored?""",
canonical=[V + "restore-access-after-a-revocation", V + "re-create-rbac-role-assignments-after-recovering-a-vault"],
related=[V + "recover-a-deleted-key-vault", V + "revoke-by-deleting-the-rbac-role-assignment", T + "key-vault-or-key-was-deleted"],
facts=["Access policies are part of the vault and come back with it."],
answer_facts=["no registry command is needed", "does not bring them back"],
truth="Re-create it: Azure RBAC role assignments are deleted together with a vault, and recovering the vault does not bring them back (access policies would have come back, as they are part of the vault). In your case the identity's assignment was already gone from the drill anyway. Give the same identity Key Vault Crypto Service Encryption User on kv-lynx again (az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal, vault scope), plus any operator roles such as Key Vault Crypto Officer that vanished with the vault. Nothing needs to run on crlynx: once its identity can use the key again, the registry reconnects on its own and pulls resume; az acr encryption show lets you confirm."),

dict(key="L23", style="long", kind="value", category="limits", quals=["hsm", "oct2026"], flags=[],
question="""Finance asked me to explain the cost side of moving our registries to customer-managed keys. Current plan: registries to Premium, keys in a Key Vault Premium vault with a 90-day rotation policy. We also ran a Managed HSM pilot that was deleted last week after the pilot ended, but it still appears on the bill, which finance flagged. What exactly adds cost with CMK, and is a deleted Managed HSM really still charged?""",
canonical=[L + "pricing-considerations"],
related=[O + "cmk-requires-the-premium-sku", K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", V + "recover-a-deleted-managed-hsm"],
facts=["The ACR docs list no separate charge for the CMK feature itself."],
answer_facts=["the main cost of choosing cmk"],
truth="The Premium tier is the main cost of choosing CMK; ACR itself lists no separate charge for the feature. Key-side costs are billed by Key Vault: key operations, HSM-protected keys (which need the Premium vault you're planning) and a charge for every automated rotation the policy performs. And yes, the deleted Managed HSM keeps being billed while it sits soft-deleted, until it is recovered or purged, so purge it (if purge protection isn't on) or accept the charge until retention ends. Key rotation inside a Managed HSM costs nothing extra."),

dict(key="L24", style="long", kind="troubleshoot", category="network", quals=["hsm", "iac", "oct2026"], flags=[],
question="""New registry crcoati, created through the portal, key kept in our HSM (mhsm-coati). On the Encryption tab I choose Select from Key Vault, pick mhsm-coati, and the key list stays empty. The HSM is locked down:

```json
{
  "publicNetworkAccess": "Enabled",
  "networkAcls": { "bypass": "AzureServices", "defaultAction": "Deny", "ipRules": [] }
}
```

The key coati-kek definitely exists and the identity has its local role. Trusted services are allowed, so why can't the portal list the HSM's keys, and how do I finish the create without opening the firewall wide?""",
canonical=[T + "portal-key-picker-cannot-list-keys-behind-the-managed-hsm-firewall"],
related=[N + "the-portal-key-picker-and-a-key-store-firewall", M + "key-picker-blocked-by-the-hsm-firewall", N + "managed-hsm-firewall-and-trusted-services"],
facts=["The picker lists keys through the HSM's data plane, from your browser."],
answer_facts=["enter key uri instead of the picker"],
truth="The picker runs in your browser and lists keys over the Managed HSM's data plane, so with defaultAction Deny and no IP rule for you the listing is refused; the trusted-services bypass only lets ACR itself through, not your browser. Switch to the Enter key URI option and paste https://mhsm-coati.managedhsm.azure.net/keys/coati-kek (read it with az keyvault key show --hsm-name mhsm-coati from a machine on an allowed network). Alternatively add your own public address with az keyvault network-rule add --hsm-name mhsm-coati and remove it afterwards. Keep the AzureServices bypass on so the registry can reach the key."),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="no", category="recovery", quals=[], flags=["negated_question"],
question="doesn't the key vault need purge protection before acr will accept a cmk?",
canonical=[O + "soft-delete-and-purge-protection-on-the-key-vault"], related=[V + "how-purge-protection-protects-the-registry", S + "step-3-create-the-key-vault-with-purge-protection"],
facts=["Purge protection** is **recommended, not required**"], answer_facts=["recommended, not required"],
truth="No: the current ACR docs recommend purge protection but don't require it; soft delete is always on anyway. It is still worth enabling (--enable-purge-protection at creation or az keyvault update later) because it stops a deleted key from being purged before retention ends, and it can't be switched off once set. Claims that it is mandatory come from the retired 2020 preview page."),
dict(key="S2", style="short", kind="why", category="limits", quals=[], flags=["negated_question"],
question="why can't oras attach store referrers the normal oci way on our cmk acr?",
canonical=[L + "oci-referrers-api-is-not-supported"], related=[T + "oras-and-notation-store-referrers-as-tags", L + "notation-signatures-on-cmk-registries"],
facts=["fall back to the **referrers tag schema**"], answer_facts=["do not support the oci referrers api"],
truth="Because registries encrypted with a customer-managed key don't offer the OCI Referrers API. ORAS (1.2.3) and Notation 1.2.0+ notice that and fall back to the referrers tag schema, recording the artifact-to-subject link as a specially named tag, so you'll see extra tags in listings; other tools reading referrers must support that fallback too."),
dict(key="S3", style="short", kind="no", category="limits", quals=[], flags=["negated_question"],
question="isn't geo-replication blocked once a premium acr is encrypted with cmk?",
canonical=[L + "geo-replication-works-with-cmk"], related=[L + "geo-replication-with-a-managed-hsm-key", L + "feature-compatibility-summary"],
facts=["A geo-replicated Premium registry can be encrypted with a customer-managed key."], answer_facts=["the docs state no other cmk-specific"],
truth="No: a geo-replicated Premium registry can use a customer-managed key. The only advice is to follow Key Vault's failover and redundancy guidance, since every replica depends on the same vault; no other CMK-specific replication limit is stated."),
dict(key="S4", style="short", kind="howto", category="identity", quals=[], flags=[], typo="qoute",
question="how to qoute [system] for az acr identity assign in zsh and bash",
canonical=[I + "quote-system-in-shell-commands"], related=[T + "system-assigned-identity-rejected-at-registry-creation", I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
facts=["`--identities '[system]'`"], answer_facts=["write it in single quotes"],
truth="Wrap it in single quotes: --identities '[system]' (and --identity '[system]' for rotate-key). Left bare, the brackets are a glob: zsh stops with no matches found, and bash can silently substitute a one-letter file such as s or m from the current directory."),
dict(key="S5", style="short", kind="value", category="rotation", quals=[], flags=[], typo="shedule",
question="what rotation shedule does microsoft recommend for an acr cmk?",
canonical=[K + "how-often-to-rotate"], related=[K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["They give no fixed rotation frequency"], answer_facts=["they give no fixed rotation frequency"],
truth="There is no fixed interval in the docs: they say to rotate key versions regularly, at whatever cadence your own compliance policy requires. If you automate it with a Key Vault rotation policy, the shortest interval allowed is 7 days."),
dict(key="S6", style="short", kind="troubleshoot", category="troubleshooting", quals=[], flags=[], typo="permssions",
question="kv set-policy rejects wrap and unwrap in my key permssions list",
canonical=[T + "invalid-key-permission-names-wrap-and-unwrap"], related=[A + "grant-access-with-a-key-vault-access-policy", S + "option-b-access-policy-on-an-access-policy-vault"],
facts=["The CLI expects the exact permission names `wrapKey` and `unwrapKey`."], answer_facts=["wrap and unwrap are not accepted values"],
truth="Use the full names: --key-permissions get unwrapKey wrapKey. The short words wrap and unwrap only appear in prose; the CLI rejects them. This only applies to an access-policy vault; on an RBAC vault grant the Key Vault Crypto Service Encryption User role instead."),
dict(key="S7", style="short", kind="howto", category="keys", quals=[], flags=[],
question="how to confirm the acr identity has get/wrapKey/unwrapKey on an access-policy kv",
canonical=[A + "verify-the-identitys-access"], related=[A + "grant-access-with-a-key-vault-access-policy", A + "which-permission-model-does-my-key-vault-use"],
facts=["The result should contain `get`, `wrapKey` and `unwrapKey` (case may vary)."], answer_facts=["case may vary"],
truth="Query the vault's access policies for the identity's principal (object) ID: az keyvault show -n <vault> --query \"properties.accessPolicies[?objectId=='<principal ID>'].permissions.keys\". The list should include get, wrapKey and unwrapKey, possibly in different letter case. On an RBAC vault list role assignments for that principal at the vault scope instead."),
dict(key="S8", style="short", kind="value", category="keys", quals=[], flags=[],
question="which key vault sku do i need to hold rsa-hsm keys for acr cmk?",
canonical=[O + "rsa-hsm-keys-need-a-premium-key-vault"], related=[O + "which-key-types-and-sizes-are-supported", T + "rsa-hsm-key-creation-fails-in-a-standard-vault"],
facts=["A Standard vault (the default) supports software-protected `RSA` keys only."], answer_facts=["premium key vault sku"],
truth="The Premium Key Vault SKU (az keyvault create --sku premium). The default Standard vault holds only software-protected RSA keys, so an RSA-HSM key can't be created there. A Managed HSM has no such SKU choice; all its keys are HSM-backed."),
dict(key="S9", style="short", kind="undocumented", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="any documented way to recover the managed hsm behind a geo-replicated acr?",
canonical=[M + "limits-and-open-points-with-managed-hsm"], related=[L + "geo-replication-with-a-managed-hsm-key", V + "recover-a-deleted-managed-hsm", L + "geo-replication-works-with-cmk"],
facts=["A Managed HSM is billed while it exists, including while soft-deleted."], answer_facts=["plan hsm recovery (security domain, backups) separately"],
truth="Not documented for ACR: the geo-replication article still points CMK users only to Key Vault's disaster-recovery guidance. With a Managed HSM key store you have to plan HSM recovery on your own, around the security domain and backups, and remember the HSM keeps being billed while soft-deleted."),
dict(key="S10", style="short", kind="troubleshoot", category="setup", quals=[], flags=[],
question="acr create with cmk on standard sku fails though the cli accepted the flags",
canonical=[O + "cmk-requires-the-premium-sku"], related=[T + "cmk-needs-the-premium-tier", S + "rules-that-az-acr-create-enforces-for-cmk"],
facts=["Registries on the Basic or Standard SKU cannot use a customer-managed key."], answer_facts=["the service rejects the request"],
truth="Customer-managed keys need the Premium tier. The CLI doesn't validate the SKU, so it happily sends Standard with the key options and the service then refuses it. Create the registry again with --sku Premium."),
dict(key="S11", style="short", kind="yes", category="network", quals=[], flags=[],
question="is acr on key vault's trusted microsoft services list for cmk encryption?",
canonical=[N + "azure-container-registry-in-key-vaults-trusted-services-list"], related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", N + "allow-trusted-services-and-deny-other-traffic"],
facts=["for the purpose of encrypting registries with customer-managed keys"], answer_facts=["lists azure container registry among the services"],
truth="Yes: Key Vault's own documentation names Azure Container Registry as a trusted service, specifically for registry encryption with customer-managed keys, so it gets through the vault firewall when \"Allow trusted Microsoft services\" is switched on."),
dict(key="S12", style="short", kind="howto", category="rotation", quals=[], flags=[],
question="rotate the cmk right now instead of waiting for the policy, which command?",
canonical=[K + "rotate-immediately-with-az-keyvault-key-rotate"], related=[K + "manual-rotation-with-az-acr-encryption-rotate-key", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["`az keyvault key rotate` generates a new version at once"], answer_facts=["with the same key type and size"],
truth="az keyvault key rotate --name <key> --vault-name <vault> creates a new version immediately, keeping the key type and size; it needs Key Vault Crypto Officer on an RBAC vault or the rotate permission on an access-policy vault. A registry using the versionless key URI switches within an hour; one pinned to a version stays put until you run az acr encryption rotate-key."),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="A1", style="agent", form="context", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["agent_plan_step"],
question="Context: executing the setup plan for crkinkajou, key kinkajou-kek already created in mhsm-kinkajou. Step 4/7: grant the encryption identity access to the Managed HSM key; I need the exact role, scope and command before proceeding?",
canonical=[S + "using-a-managed-hsm-key-instead-of-a-key-vault"], related=[M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli", A + "grant-access-to-a-key-in-a-managed-hsm", M + "local-rbac-roles-for-acr-encryption"],
facts=["There are no access policies, and ACR never makes this assignment for you"], answer_facts=["acr never makes this assignment for you"],
truth="Assign the local role Managed HSM Crypto Service Encryption User to the identity's principal ID at the key's scope: az keyvault role assignment create --hsm-name mhsm-kinkajou --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id <principal ID> --assignee-principal-type MSI --scope /keys/kinkajou-kek. There are no access policies on a Managed HSM and ACR won't create this grant itself; give it a few minutes before the az acr create step."),
dict(key="A2", style="agent", form="imperative", kind="howto", category="setup", quals=[], flags=["agent_plan_step"],
question="Explain what Step 2/6 of my CMK plan for crdhole needs: creating the user-assigned identity, and which of its IDs the registry create and the vault grant each take",
canonical=[S + "step-2-create-a-user-assigned-managed-identity-and-capture-its-ids"], related=[I + "create-the-user-assigned-identity-and-capture-its-ids", I + "which-identity-value-goes-where"],
facts=["`IDENTITY_ID` (resource ID) is what `az acr create --identity` takes."], answer_facts=["a user-assigned identity is mandatory at creation"],
truth="Run az identity create for the identity in the registry's resource group and location, then read two values with az identity show: id (the resource ID), which az acr create --identity takes, and principalId (the object ID), which the Key Vault grant in the next step takes. A user-assigned identity is required at creation; the system identity only becomes usable later."),
dict(key="A3", style="agent", form="keywords", kind="value", category="setup", quals=[], flags=["agent_plan_step"],
question="step 3/5 blocked: az keyvault create flags for kv-caracal so a deleted cmk key stays recoverable, plus permission model choice, registry crcaracal",
canonical=[S + "step-3-create-the-key-vault-with-purge-protection"], related=[O + "soft-delete-and-purge-protection-on-the-key-vault", A + "azure-cli-262-and-later-create-rbac-vaults-by-default"],
facts=["Soft delete is always on."], answer_facts=["soft delete needs no flag"],
truth="Pass --enable-purge-protection (soft delete is permanent and has no switch, so no extra flag) and choose the model explicitly: --enable-rbac-authorization true for Azure RBAC, the default of CLI 2.62 and later, or false for access policies; add --sku premium if the key will be RSA-HSM. Capture the vault's id afterwards with az keyvault show for the role scope."),
dict(key="A4", style="agent", form="context", kind="troubleshoot", category="network", quals=[], flags=["agent_plan_step"],
question="Context: Step 5/8 of the hardening plan enabled the kv-genet firewall, and az acr import into crgenet now returns 403 Forbidden. Blocked: what restores the registry's key access, in which order?",
canonical=[N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry"], related=[N + "allow-trusted-services-and-deny-other-traffic", T + "http-403-after-enabling-the-key-vault-firewall"],
facts=["Allow trusted services on the vault, or on the Managed HSM"], answer_facts=["re-apply the registry's key configuration"],
truth="First allow trusted services on the vault while keeping deny: az keyvault update --name kv-genet --bypass AzureServices --default-action Deny. Then re-apply the registry's current key and identity with az acr encryption rotate-key -n crgenet, using keyIdentifier and identity from az acr encryption show ('[system]' if it reads system). If the 403 remains, open a support case."),
dict(key="A5", style="agent", form="imperative", kind="howto", category="keys", quals=[], flags=["agent_plan_step"],
question="Write the exact grant command for Step 3/7: crmargay's managed identity on kv-margay, which uses the RBAC model; need the role name and scope before proceeding",
canonical=[A + "grant-access-with-an-azure-rbac-role"], related=[S + "option-a-azure-rbac-role-on-an-rbac-vault", A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities"],
facts=["`--scope` is required by current CLI versions"], answer_facts=["wait and retry"],
truth="az role assignment create --assignee-object-id <identity principal ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <kv-margay resource ID>. The scope is required by current CLI versions and the docs use the vault, not a single key. New assignments can take a few minutes; if the registry create then fails on key access, wait and retry."),
dict(key="A6", style="agent", form="context", kind="yes", category="rotation", quals=["hsm", "oct2026"], flags=[],
question="Context: crjerboa uses a versionless key URI in mhsm-jerboa and a rotation job adds key versions monthly. Question: will the registry pick up each new version from the Managed HSM by itself, like with a vault?",
canonical=[K + "automatic-rotation-with-a-versionless-key-id"], related=[M + "rotate-a-managed-hsm-key", K + "how-new-key-versions-are-created"],
facts=["the registry polls the HSM in the same way"], answer_facts=["the same one-hour window applies"],
truth="Yes: with a versionless URI the registry polls the Managed HSM exactly as it polls a vault and moves to a new version within about an hour; az acr encryption show then shows the version in use and lastKeyRotationTimestamp. The identity must still reach the HSM at that moment (firewall bypass, local role)."),
dict(key="A7", style="agent", form="context", kind="undocumented", category="iac", quals=["iac"], flags=[],
question="Context: upgrading Terraform azurerm from 4.x to 5.0 for crcoati, and a reviewer wants to delete the encryption block because 4.x ignored it. Question: what does ACR do when 5.0 applies that?",
canonical=[C + "azurerm-4x-removed-encryptionenabled-other-version-changes"], related=[C + "terraform-azurerm_container_registry-encryption-block", O + "cmk-cannot-be-disabled-after-it-is-enabled"],
facts=["keep the block for every CMK registry"], answer_facts=["the result is undocumented"],
truth="Not documented: from 5.0 a missing block plans an update that the provider's upgrade guide describes as disabling encryption, which ACR does not allow, and what the service then does isn't described anywhere. Keep the encryption block on every CMK registry, including crcoati."),
dict(key="A8", style="agent", form="imperative", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question="Check why az acr check-health on crfossa prints CMK_ERROR saying the encryption identity doesn't exist, then list the fix",
canonical=[L + "az-acr-check-health-and-cmk_error"], related=[T + "registry-identity-is-inactive-or-expired", K + "rotate-with-a-different-identity-or-the-system-assigned-identity"],
facts=["It is a health-check error code, not a status the registry reports on its own."], answer_facts=["that identity was deleted"],
truth="CMK_ERROR means the registry can't reach the managed identity configured for encryption, typically because that identity was deleted. It's only a health-check code. Fix it by rotating to another identity that already has access to the key: grant it first, then az acr encryption rotate-key -n crfossa with the key URI and --identity set to the new one."),
dict(key="A9", style="agent", form="imperative", kind="why", category="identity", quals=[], flags=[],
question="Explain why an ACR registry encrypted with a customer-managed key needs a managed identity at all, rather than storing Key Vault credentials itself",
canonical=[I + "why-the-registry-needs-a-managed-identity"], related=[I + "managed-identities-for-acr-cmk-encryption", O + "identity-and-key-access-requirements"],
facts=["The registry does not hold credentials for its key store."], answer_facts=["the single point through which the registry"],
truth="Because the registry keeps no secrets for its key store: it calls the vault or Managed HSM as a managed identity, and the store decides from that identity's access policy, Azure role or HSM local role whether it may read, wrap and unwrap the key. That identity is therefore the one path between the registry and its key."),
dict(key="A10", style="agent", form="keywords", kind="yes", category="recovery", quals=[], flags=[],
question="purge protection on kv-oryx guarantee deleted cmk key stays recoverable whole retention window, registry croryx",
canonical=[V + "how-purge-protection-protects-the-registry"], related=[O + "soft-delete-and-purge-protection-on-the-key-vault", V + "recover-a-deleted-key"],
facts=["Purge protection cannot be turned off again"], answer_facts=["cannot be erased early by anyone"],
truth="Yes: with purge protection on, nobody can purge a deleted key or vault before the retention period ends, so it stays recoverable. It doesn't prevent the deletion itself; croryx is locked out from the deletion until the key is recovered."),
dict(key="A11", style="agent", form="keywords", kind="undocumented", category="recovery", quals=[], flags=[],
question="disable cmk key version via az keyvault key set-attributes enabled false instead of deleting, effect on registry crhyrax",
canonical=[V + "disabling-the-key-instead-a-key-vault-option-not-in-the-acr-docs"], related=[V + "what-revocation-does-to-the-registry", T + "key-is-disabled-or-expired"],
facts=["Re-enable with `--enabled true`."], answer_facts=["effect on a registry is not documented"],
truth="Not documented: the ACR articles don't list disabling (or expiring) the key as a way to revoke, so the effect on crhyrax isn't described. Expect it to block the registry like a revocation, re-enable with --enabled true, and test before relying on it."),
dict(key="A12", style="agent", form="context", kind="howto", category="rotation", quals=[], flags=[],
question="Context: crtakin is pinned to one version of takin-kek and we also want a second user-assigned identity. Question: can az acr encryption rotate-key change both in one call, and what values does it take?",
canonical=[K + "manual-rotation-with-az-acr-encryption-rotate-key"], related=[I + "how-rotate-key-interprets-the---identity-value", K + "move-to-a-new-version-of-the-same-key"],
facts=["the CLI sends a partial update"], answer_facts=["only the values you pass are changed"],
truth="One call can change both: --key-encryption-key takes a versioned or versionless key URI and --identity a client ID, a user-assigned identity's resource ID or name, or '[system]'; whatever you leave out stays as it is. The new identity must already have access to the target key before you run it."),
]

OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind="off-topic", category=OFF, subject="truenas", near_miss=True,
question="""Our self-hosted image registry keeps its blobs on a TrueNAS box, on an encrypted dataset, and the dataset's key is stored on the NAS itself. The storage admin who set it up has left, and an audit finding says the encryption key for that dataset needs to be exported and held offline by two people. I can see the encryption options in the dataset's settings, but I'm nervous about touching anything while the registry is serving pulls. How do I export and rotate the key for a TrueNAS encrypted dataset without taking the registry's storage offline?""",
truth="Not covered: this is about TrueNAS dataset encryption keys for self-hosted storage, not Azure Container Registry's customer-managed keys; see the TrueNAS documentation on dataset encryption."),
dict(key="X2", style="long", kind="off-topic", category=OFF, subject="cfssl", near_miss=True,
question="""We run an internal certificate authority with cfssl, and it signs the TLS certificates for our on-prem image registry mirror. The CA signing key was generated five years ago, lives in a file on the CA host, and our new crypto policy says signing keys must be rotated and moved into hardware. I'm trying to work out how to roll the cfssl CA key to a new one with an overlap period so that docker clients trusting the old root keep pulling from the registry until we've redistributed the new root. What's the usual way to do that with cfssl?""",
truth="Not covered: rotating a cfssl certificate authority's signing key for registry TLS is outside the ACR customer-managed key knowledge; see the cfssl documentation."),
dict(key="X3", style="long", kind="off-topic", category=OFF, subject="concourse", near_miss=True,
question="""Concourse CI question. Our pipelines push images to a private registry and the registry password sits in pipeline vars, which Concourse encrypts in its database with the key we passed at install time. That encryption key was committed to an old Helm values file by accident, so security wants it rotated today. I've seen there is an old-key setting next to the current one but I don't understand the order of operations, and I'm worried the web nodes will fail to decrypt the pipelines mid-rotation. How do I rotate the database encryption key in Concourse safely?""",
truth="Not covered: rotating Concourse's database encryption key has nothing to do with ACR customer-managed key encryption; see Concourse's documentation on encryption."),
dict(key="X4", style="long", kind="off-topic", category=OFF, subject="sonarqube", near_miss=True,
question="""We have SonarQube scanning the images and code that end up in our registry, and its settings hold a couple of encrypted passwords (the registry service account, the SMTP relay). They were encrypted with the secret key generated on the old server, and after migrating to a new VM the encrypted values can't be read any more. I'd like to know where SonarQube expects its secret key file to live and whether I can regenerate the key and re-encrypt those settings, or whether I have to copy the old key over?""",
truth="Not covered: SonarQube's settings encryption key is unrelated to Azure Container Registry customer-managed keys; check SonarQube's documentation on encrypting settings."),
dict(key="X5", style="long", kind="off-topic", category=OFF, subject="kamal",
question="""Deploying a Rails app with Kamal. The deploy config logs in to our private container registry with a password from the secrets file, and the app needs its master key at runtime. A contractor had access to both, so we're rotating everything. Changing the registry password is easy, but I'm unsure how Kamal passes the new master key to running containers and whether the old one lingers anywhere on the hosts after a redeploy. What's the cleanest way to rotate these with Kamal?""",
truth="Not covered: rotating Kamal deployment secrets and a Rails master key is outside the ACR customer-managed key knowledge; see the Kamal and Rails documentation."),
dict(key="X6", style="long", kind="off-topic", category=OFF, subject="dokploy",
question="""We host a handful of services with Dokploy on a single VPS. It pulls images from our registry and deploys over SSH to a second server, using a key pair Dokploy generated during setup. After a laptop with the server's root login was lost, I want to replace that SSH key and the registry credentials Dokploy stored. Where does Dokploy keep them, and will changing the key break existing deployments?""",
truth="Not covered: Dokploy's SSH keys and stored registry credentials are not part of the ACR customer-managed key knowledge; see Dokploy's documentation."),
dict(key="X7", style="agent", form="context", kind="off-topic", category=OFF, subject="linkerd",
question="Context: our service mesh trust anchor from linkerd install expires next month. Question: how do I rotate the linkerd trust anchor and issuer certificate without dropping traffic between meshed pods?",
truth="Not covered: Linkerd certificate rotation is unrelated to ACR customer-managed key encryption."),
dict(key="X8", style="agent", form="imperative", kind="off-topic", category=OFF, subject="authelia",
question="Explain how to rotate the storage encryption key of our Authelia instance without losing the registered second-factor devices of every user",
truth="Not covered: Authelia's storage encryption key is outside the ACR customer-managed key knowledge; see Authelia's documentation."),
dict(key="X9", style="agent", form="keywords", kind="off-topic", category=OFF, subject="velociraptor",
question="velociraptor server frontend certificate renewal steps, clients keep connecting, config regeneration after ten years expiry",
truth="Not covered: Velociraptor server certificates are unrelated to ACR customer-managed keys."),
dict(key="X10", style="short", kind="off-topic", category=OFF, subject="jellyfin",
question="how do i reset the jellyfin admin password after losing it?",
truth="Not covered: resetting a Jellyfin password is outside the ACR customer-managed key knowledge."),
dict(key="X11", style="short", kind="off-topic", category=OFF, subject="immich",
question="where does immich keep its database password after the docker setup?",
truth="Not covered: Immich configuration is unrelated to ACR customer-managed keys."),
dict(key="X12", style="short", kind="off-topic", category=OFF, subject="homebridge",
question="homebridge pairing code changed after reinstall, how to pair again",
truth="Not covered: Homebridge pairing has nothing to do with ACR customer-managed keys."),
]

QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"qoute": "quote", "shedule": "schedule", "permssions": "permissions"}
SHAPES = ["two_facts", "compliance_requirements", "az_debug", "negated_question", "agent_plan_step", "rest_api"]

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
    rng = random.Random(48)
    while True:
        rng.shuffle(items)
        cats = [q["category"] for q in items]
        if not any(cats[i] == cats[i + 1] == cats[i + 2] for i in range(len(cats) - 2)):
            break
    entries, meta = [], {}
    for n, q in enumerate(items, 1):
        qid = "d%03d" % n
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
    with open(os.path.join(HERE, "blind48.json"), "w", encoding="utf-8") as fh:
        json.dump(entries, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    with open(os.path.join(HERE, "blind48-meta.json"), "w", encoding="utf-8") as fh:
        json.dump(meta, fh, indent=1, ensure_ascii=False, sort_keys=True)
        fh.write("\n")
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    with open(os.path.join(HERE, "blind48-first-canonicals.txt"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(firsts) + "\n")


if __name__ == "__main__":
    main()
