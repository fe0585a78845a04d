"""blind52 builder: holds the 60 questions (QUESTIONS) and writes blind52.json, blind52-meta.json and
blind52-first-canonicals.txt. render() returns the three files' exact text (check52.py compares it byte for byte)."""
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
# ---- tldr_summary ----
dict(key="L1", style="long", kind="troubleshoot", category="identity", quals=[], flags=["tldr_summary", "two_facts"],
question="""TL;DR: every pull from crheron now fails with 403 and a message that its identity is inactive, and nobody has touched the registry in months. How do we get it working again?

Longer version. Back in September a contractor tidying up identities ran an identity removal on crheron against id-heron-enc, the one its encryption uses. The command errored out, he shrugged and moved on, and everything kept working, so we forgot about it. This morning the deploy jobs started failing:

```text
$ docker pull crheron.azurecr.io/payments/api:5.2
Error response from daemon: unknown: 403 Forbidden ... registry is inactive ...
```

id-heron-enc still exists, it still has its access policy on kv-heron, and the key is enabled.""",
canonical=[T + "registry-identity-is-inactive-or-expired", I + "the-encryption-identity-cannot-simply-be-removed"],
related=[T + "removing-the-encryption-identity-fails", L + "check-the-encryption-status-of-a-registry", I + "which-identity-value-goes-where"],
facts=["Assign the user-assigned encryption identity to the registry again."],
answer_facts=["system identity gets a new principal", "rotate encryption to a different identity"],
truth="Re-attach id-heron-enc to crheron. The failed removal in September stopped the identity from being renewed, so pulls went on working until its credentials ran out, usually around three months later, and since then every request gets 403 with the inactive-identity message. Run az acr identity assign -n crheron --identities <id-heron-enc resource ID> (from az identity show -n id-heron-enc -g <resource group> --query id -o tsv) and retry the pull; the access policy on kv-heron and the key need no change. Then check that keyVaultProperties.identity in az acr encryption show still holds id-heron-enc's client ID. If you really want to get rid of that identity one day, move encryption to another identity with rotate-key first and detach it afterwards; had the encryption identity been the system-assigned one, the docs would send you to a support request instead."),

dict(key="L2", style="long", kind="howto", category="hsm", quals=["hsm", "iac", "oct2026"], flags=["tldr_summary"],
question="""Our ops team does everything through the portal (no CLI on the jump hosts, long story). Security bought into Managed HSM last quarter, and mhsm-kestrel is now provisioned and activated, with me as one of its administrators. The next registry, crkestrel, has to be Premium with its customer-managed key in that HSM, and the user-assigned identity id-kestrel already exists.

I've found the Encryption tab in the create-registry wizard, but I'm not sure what the HSM side needs before I get there, or whether the wizard sets up permissions for me the way some other services do.

tl;dr what do I click in the Managed HSM and then in the registry wizard, in which order, so crkestrel gets created with its key?""",
canonical=[M + "set-up-a-registry-with-a-managed-hsm-key-in-the-azure-portal"],
related=[M + "local-rbac-roles-for-acr-encryption", M + "key-picker-blocked-by-the-hsm-firewall", S + "set-up-cmk-in-the-azure-portal"],
facts=["Neither the portal nor ACR creates the role assignment of step 4"],
answer_facts=["stores the chosen key without a version", "registry's user-assigned identity, scoped to that key"],
truth="HSM first, registry second, and nothing is done for you. 1) In mhsm-kestrel under Settings > Keys, create or import an RSA-HSM key that permits wrapKey and unwrapKey; whoever does that needs a key-creating local role such as Managed HSM Crypto User. 2) Under Settings > Local RBAC, assign Managed HSM Crypto Service Encryption User to id-kestrel, scoped to that key. As an HSM administrator you are allowed to create it, and neither the portal nor ACR will; give it a few minutes to take effect. 3) If the Managed HSM firewall is on, let trusted services through now (and your own client IP, or the key picker can't list keys). 4) Create crkestrel on the Premium tier; on the Encryption tab enable the customer-managed key, choose id-kestrel, then either Select from Key Vault, which now lists Managed HSMs and stores the chosen key without a version so it rotates automatically, or Enter key URI with https://mhsm-kestrel.managedhsm.azure.net/keys/<key-name>. Without the step 2 assignment the registry cannot be created."),

dict(key="L3", style="long", kind="why", category="network", quals=[], flags=["tldr_summary"],
question="""TL;DR: with kv-plover on default action Deny, my laptop could change the vault's network rules but could not create a key in it. Why is one allowed from a blocked address and not the other?

Background: crplover is a CMK registry and kv-plover holds its key. On Saturday I was working from home, off the corporate range, and wanted to prepare the next key version ahead of Monday's change. This is what happened:

```text
$ az keyvault network-rule add -g rg-plover -n kv-plover --ip-address 198.51.100.23
(ok, the rule shows up in the portal right away)
$ az keyvault key create --vault-name kv-plover -n plover-cmk --kty RSA --size 3072
(Forbidden) ... ForbiddenByFirewall
```

A few minutes later the key create went through, I assume once the new rule kicked in. But the first command succeeded instantly from an address the firewall was supposed to block, and that feels like a hole to me.""",
canonical=[N + "the-vault-firewall-covers-the-data-plane-only"],
related=[N + "allow-your-own-clients-through-the-vault-firewall", N + "allow-trusted-services-and-deny-other-traffic", T + "http-403-after-enabling-the-key-vault-firewall"],
facts=["Changes made through Azure Resource Manager"],
answer_facts=["do not pass through that filter"],
truth="Because the vault firewall only filters calls to the vault's own data-plane endpoint, kv-plover.vault.azure.net: reading keys, creating versions, wrapping and unwrapping. Adding a network rule is a change to the vault resource that goes through Azure Resource Manager, so the firewall never sees it; what governs it is your Azure role on the vault, not your address. That is by design rather than a hole: network rules, access policies and role assignments of a locked vault can be corrected from any network by someone with rights on the resource, while key operations such as your key create need an allowed network; the registry itself gets through only by way of the trusted-services exception. Remove the 198.51.100.23 rule again if it was only meant for the weekend."),

dict(key="L4", style="long", kind="undocumented", category="keys", quals=[], flags=["tldr_summary"],
question="""Our external auditor sent a follow-up list after the CMK rollout, and item 7 is one I can't close from memory. She wants a description of the key hierarchy for crlapwing: does our key in kv-lapwing encrypt the image layers themselves, or does it wrap some per-registry data key that Microsoft holds, and where does Microsoft's own platform encryption sit in that picture? For what it's worth, the registry identity has get, wrapKey and unwrapKey on the vault and nothing else.

TL;DR: is there an official description of how the ACR customer-managed key relates to the data keys that actually encrypt the layers?""",
canonical=[O + "what-customer-managed-key-encryption-adds-to-a-registry"],
related=[O + "default-encryption-at-rest-without-a-cmk", O + "why-teams-use-a-customer-managed-key", V + "what-revocation-does-to-the-registry"],
facts=["the ACR documentation does not describe the internal key hierarchy"],
answer_facts=["treat that as an inference"],
truth="Not documented: the ACR articles describe the customer-managed key as a second layer on top of the platform encryption with Microsoft-managed keys, which stays in place, but they give no description of the internal key hierarchy or of any per-registry data key. The permissions you list (get, wrapKey and unwrapKey, no encrypt or decrypt) suggest that the key wraps the registry's own encryption keys rather than encrypting the layers directly, yet that is an inference, so give it to the auditor as one. If she needs an official statement on how the layers are encrypted, ask Microsoft support for it."),

dict(key="L5", style="long", kind="howto", category="rotation", quals=["iac"], flags=["tldr_summary"],
question="""We're moving crgrebe's key out of kv-grebe-old, which gets retired together with its subscription, into kv-grebe-2026, a new RBAC vault in our own subscription. grebe-kek-2026 already exists there. crgrebe encrypts through id-grebe, a user-assigned identity, and the change window will be run by a colleague who only works in the portal.

What I want to hand him is a short list: which grant has to exist beforehand, what he picks in the registry's encryption settings, and how he can tell it worked before kv-grebe-old is deleted. crgrebe should keep following new key versions on its own afterwards.

TL;DR: portal-only steps to switch a CMK registry to a key in a different vault without an outage?""",
canonical=[K + "rotate-the-key-in-the-azure-portal"],
related=[K + "move-to-a-different-key-or-to-a-key-in-another-vault", A + "access-to-a-key-in-a-second-key-vault", K + "check-which-key-version-the-registry-uses"],
facts=["Grant the identity access to the new key first"],
answer_facts=["a key chosen there is stored versionless"],
truth="Grant first, change the key second, verify, and only then retire the old vault. 1) Give id-grebe the role Key Vault Crypto Service Encryption User on kv-grebe-2026 (vault > Access control (IAM) > Add role assignment > managed identity id-grebe); access is granted per vault, so the grant on kv-grebe-old doesn't carry over. 2) In the portal, open crgrebe > Settings > Encryption > Change key, keep id-grebe, and pick grebe-kek-2026 with Select from Key Vault: a key chosen there is stored without a version, so the registry keeps following new versions. Enter key URI works as well if he pastes the versionless https://kv-grebe-2026.vault.azure.net/keys/grebe-kek-2026. 3) Save, then watch the Encryption page (or az acr encryption show) until both the configured key and the version in use point at kv-grebe-2026. Keep kv-grebe-old and id-grebe's access to it until that is the case, so there is no outage."),

# ---- caps_shouting ----
dict(key="L6", style="long", kind="troubleshoot", category="keys", quals=[], flags=["caps_shouting"],
question="""I am following the rotate and revoke tutorial LITERALLY word for word, and it tells me to give the identity get, wrap and unwrap. So that is exactly what I typed for crdunlin's new identity:

```text
$ az keyvault set-policy -g rg-dunlin --name kv-dunlin --key-permissions get wrap unwrap --object-id 6e0c...
ERROR: 'wrap' is not a valid value for '--key-permissions'. Allowed values: all, backup, create, ...
```

kv-dunlin is an old access-policy vault, I checked that first. WHY does the CLI reject the exact words from Microsoft's own article, and what do I actually have to type?""",
canonical=[A + "grant-access-with-a-key-vault-access-policy"],
related=[T + "invalid-key-permission-names-wrap-and-unwrap", S + "option-b-access-policy-on-an-access-policy-vault", A + "which-permission-model-does-my-key-vault-use"],
facts=["access policies cannot be limited to a single key"],
answer_facts=["shorthand such as wrap and unwrap"],
truth="Type the CLI's own permission names: az keyvault set-policy -g rg-dunlin -n kv-dunlin --object-id <principal ID of the identity> --key-permissions get wrapKey unwrapKey. The article's get, wrap and unwrap is prose shorthand; the CLI only accepts its fixed list of key permissions, and wrap and unwrap are not in it (the names are matched without regard to case, so only the spelling matters). Pass the identity's principal (object) ID, not its client ID, and keep in mind that the policy covers every key in kv-dunlin, because access policies can't be narrowed to one key."),

dict(key="L7", style="long", kind="troubleshoot", category="recovery", quals=[], flags=["caps_shouting"],
question="""Quarterly revocation drill for crsnipe, and it did NOTHING. Step one of our runbook removes the identity's encryption role on kv-snipe (an RBAC vault). Done, and verified twice:

```text
$ az role assignment list --scope "$SNIPE_KV" --assignee-object-id "$SNIPE_OID" -o table
(empty)
$ az role assignment list --assignee-object-id "$SNIPE_OID" --all --include-inherited --query "[].{role:roleDefinitionName, scope:scope}" -o tsv
Key Vault Crypto User    /subscriptions/.../resourceGroups/rg-snipe-sec
```

Forty minutes later docker pull from crsnipe STILL works, and the whole point of the drill is showing that we can lock the registry out. What is keeping it alive, and what does a real revocation look like here?""",
canonical=[V + "revoke-by-deleting-the-rbac-role-assignment"],
related=[V + "what-revocation-does-to-the-registry", A + "why-key-vault-crypto-user-is-not-needed", T + "registry-access-lost-after-key-permissions-were-revoked"],
facts=["those keep access working"],
answer_facts=["an assignment inherited from the resource group"],
truth="The Key Vault Crypto User assignment on the resource group rg-snipe-sec. kv-snipe inherits it, and that role includes wrap and unwrap, so the identity can still use the key although the vault-scoped encryption role is gone. A real revocation removes every grant that lets the identity use the key: list with --include-inherited as you did, then delete the Crypto User assignment at its own scope (az role assignment delete --assignee-object-id <principal ID> --role \"Key Vault Crypto User\" --scope <rg-snipe-sec resource ID>; delete removes every match of its filters, so keep them precise) and check again. Once nothing grants wrap and unwrap any more, all data in crsnipe is blocked. The registry identity never needed Crypto User, so when you restore after the drill, give back only Key Vault Crypto Service Encryption User on the vault."),

dict(key="L8", style="long", kind="troubleshoot", category="setup", quals=[], flags=["caps_shouting"],
question="""OK this is driving me nuts. Create script for crcurlew, copied from our wiki and adjusted:

```bash
az acr create -g rg-curlew -n crcurlew --sku Premium \\
  --key-encryption-key "$CURLEW_KID"
  --identity "$CURLEW_UAI_ID"
```

Output:

```text
Usage error: --identity and --key-encryption-key ...
bash: --identity: command not found
```

I am DEFINITELY passing --identity, it's RIGHT there on the third line, and both variables are set (I echoed them before running it). Is the CLI broken or am I?""",
canonical=[T + "acr-create-needs-both-identity-and-key"],
related=[S + "rules-that-az-acr-create-enforces-for-cmk", S + "step-7-create-the-premium-registry-with-the-customer-managed-key", I + "a-user-assigned-identity-is-required-when-the-registry-is-created"],
facts=["passing just one of them is rejected before anything is sent to Azure"],
answer_facts=["only when it gets both"],
truth="Your script, in one character: the second line has no trailing backslash, so the shell ends the az acr create command there and then runs the third line as a command of its own, which is where command not found comes from. az acr create therefore received --key-encryption-key without --identity, and the CLI configures a customer-managed key only when it gets both, refusing before anything is sent. Add the missing backslash after \"$CURLEW_KID\" (or put the whole command on one line) and run it again. --identity takes the user-assigned identity's resource ID, or its name if it sits in rg-curlew, which is what $CURLEW_UAI_ID should hold."),

dict(key="L9", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["caps_shouting"],
question="""Setting up crpipit; its key lives in mhsm-pipit, our Managed HSM. The key is RSA-HSM with wrapKey and unwrapKey, the HSM shows Active, and there is no firewall on it yet. I created the local role for id-pipit on /keys/pipit-kek, and the list shows it:

```text
$ az keyvault role assignment list --scope /keys/pipit-kek --hsm-name mhsm-pipit -o table
Principal       RoleName                                      Scope
3b1e...         Managed HSM Crypto Service Encryption User    /keys/pipit-kek
3b1e...         Managed HSM Crypto Service Encryption User    /keys/pipit-kek
3b1e...         Managed HSM Crypto Service Encryption User    /keys/pipit-kek
```

Yes, three of them: az acr create failed straight after the first one, so I kept re-running the assignment, which obviously did NOTHING. Is there something ELSE the Managed HSM wants from id-pipit before it lets the registry use that key?""",
canonical=[T + "managed-hsm-role-assignment-not-yet-in-effect"],
related=[M + "local-rbac-roles-for-acr-encryption", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope", M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli"],
facts=["Do not pile up duplicate assignments in the meantime."],
answer_facts=["can take several minutes to propagate"],
truth="Most likely nothing else: the first assignment was right, it just hadn't taken effect when az acr create ran. Local RBAC changes in a Managed HSM can take several minutes to propagate, and during that time a listed assignment still counts for nothing; re-running it doesn't make it faster. Wait a few minutes, retry az acr create, and afterwards remove the two duplicates so one assignment remains. If the create still fails well after that, go through the other Managed HSM checks: activation, an RSA-HSM key that permits wrapKey and unwrapKey, the key URI, and the HSM firewall."),

# ---- smart_punctuation ----
dict(key="L10", style="long", kind="troubleshoot", category="identity", quals=[], flags=["smart_punctuation"],
question="""Our platform lead posted the commands for moving crwren onto its system-assigned identity in a Teams chat, and I pasted them straight into my terminal (zsh on a Mac):

```text
% az acr identity assign -n crwren -g rg-wren --identities ‘[system]’
zsh: no matches found: ‘[system]’
```

He swears the line works for him. I also tried it without any quotes and got the same message. I'd like crwren on its own identity today, so what's wrong with that line, and is there anything else in his sequence I should watch out for?""",
canonical=[I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
related=[I + "quote-system-in-shell-commands", T + "system-assigned-identity-rejected-at-registry-creation", K + "rotate-with-a-different-identity-or-the-system-assigned-identity"],
facts=["Keep the original user-assigned identity attached and its access in place"],
answer_facts=["now reads system"],
truth="The quotes. The chat client replaced the straight single quotes with curly typographic ones, and zsh doesn't treat curly quotes as quoting at all, so [system] is still read as a glob pattern, matches no file, and zsh stops before az even runs; without quotes you get the same glob. Retype them as plain straight quotes: az acr identity assign -n crwren -g rg-wren --identities '[system]'. For the rest of the switch: read the new principal ID with az acr identity show -n crwren -g rg-wren --query principalId -o tsv, give it access to the key (Key Vault Crypto Service Encryption User or a get/wrapKey/unwrapKey policy on a vault, the local role at the key's scope in a Managed HSM), run az acr encryption rotate-key -n crwren --key-encryption-key <the key ID you keep> --identity '[system]' with straight quotes again, and only once keyVaultProperties.identity reads system detach or strip the old user-assigned identity."),

dict(key="L11", style="long", kind="troubleshoot", category="setup", quals=[], flags=["smart_punctuation"],
question="""New CMK setup for crtern. kv-tern came from a recent CLI, which makes it an RBAC vault, and step 4 of our runbook (a Word document, sadly) grants the identity its role. Straight from the doc:

```text
$ az role assignment create --scope /subscriptions/.../vaults/kv-tern --assignee-object-id 4c2d7e90-... --assignee-principal-type ServicePrincipal --description "crtern cmk" --role “Key Vault Crypto Service Encryption User”
ERROR: unrecognized arguments: Vault Crypto Service Encryption User”
```

The role name is definitely right, I compared it with the portal. What is the CLI choking on? And once the grant works, is it enough for az acr create, or do I need something for myself too?""",
canonical=[S + "option-a-azure-rbac-role-on-an-rbac-vault"],
related=[A + "grant-access-with-an-azure-rbac-role", A + "your-own-permissions-to-create-keys-in-an-rbac-vault", A + "azure-cli-262-and-later-create-rbac-vaults-by-default"],
facts=["You also need a data-plane role yourself to create the key in step 5"],
answer_facts=["you also need a data-plane role yourself"],
truth="On the curly double quotes Word put around the role name. The shell only groups words inside straight quotes, so --role received just the first word with a typographic quote stuck to it, and the other words were left over as extra arguments. Retype the quotes as plain straight ones: az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <kv-tern resource ID>. That role, scoped to the vault, is all the registry identity needs. You do need something for yourself as well: on an RBAC vault, creating crtern's key takes a data-plane role such as Key Vault Crypto Officer on kv-tern, because Owner or Contributor on the vault doesn't cover keys. Then create the key, and give a fresh role assignment a few minutes before running az acr create."),

# ---- jmespath_query ----
dict(key="L12", style="long", kind="troubleshoot", category="troubleshooting", quals=[], flags=["jmespath_query", "two_facts"],
question="""crmartin's creation keeps failing on key access and I'm going in circles. The role is there:

```text
$ az role assignment list --scope "$MARTIN_KV_ID" --assignee-object-id "$MARTIN_OID" --query "[].roleDefinitionName" --output json
[
  "Key Vault Crypto Service Encryption User"
]
```

To be thorough I also looked at the vault's policies, which came back empty, but I figured that's irrelevant with a role in place:

```text
$ az keyvault show -n kv-martin --query "properties.accessPolicies[?objectID=='$MARTIN_OID'].permissions.keys"
[]
```

kv-martin is older than my time here; a colleague built it with some 2.5x CLI years ago. Is my policy query even right, and why doesn't the role do anything?""",
canonical=[T + "role-assignment-has-no-effect-on-an-access-policy-vault", A + "which-permission-model-does-my-key-vault-use"],
related=[A + "verify-the-identitys-access", A + "grant-access-with-a-key-vault-access-policy", S + "azure-cli-version-notes-for-cmk-commands"],
facts=["Azure role assignments grant no key access on such a vault"],
answer_facts=["only its access policies count", "empty: the vault uses access policies"],
truth="Neither is helping you. JMESPath field names are case-sensitive, so objectID never matches and that query returns an empty list whatever the policies are; the field is objectId: az keyvault show -n kv-martin --query \"properties.accessPolicies[?objectId=='$MARTIN_OID'].permissions.keys\". More to the point, a vault created with a CLI of that age uses access policies unless told otherwise (check with az keyvault show -n kv-martin --query properties.enableRbacAuthorization -o tsv; false or empty means access policies), and on such a vault Azure role assignments grant no key access at all, only its policies count. Add one: az keyvault set-policy -n kv-martin --object-id \"$MARTIN_OID\" --key-permissions get unwrapKey wrapKey, then retry creating crmartin. The role can stay or go; it does nothing on kv-martin."),

dict(key="L13", style="long", kind="howto", category="rotation", quals=[], flags=["jmespath_query"],
question="""Writing a small health script for our registries (bash plus az), and one thing it has to print is the key version each CMK registry is really using right now. For crjay I tried:

```text
$ az acr encryption show -n crjay --query encryption.keyVaultProperties.versionedKeyIdentifier -o tsv

$ az acr encryption show -n crjay --query properties.encryption.keyVaultProperties.keyIdentifier -o tsv

```

Both print an empty line, no error. A plain az acr encryption show -n crjay does show a filled-in keyVaultProperties block, so the data is there. What should the query look like, and which field tells me the version in use as opposed to what we configured?""",
canonical=[S + "step-8-verify-the-encryption-status"],
related=[K + "check-which-key-version-the-registry-uses", L + "check-the-encryption-status-of-a-registry", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["returns the same object"],
answer_facts=["read-only: the exact key version in use"],
truth="Drop the prefix: az acr encryption show already returns the encryption object itself, so the path starts at keyVaultProperties: az acr encryption show -n crjay --query keyVaultProperties.versionedKeyIdentifier -o tsv. versionedKeyIdentifier is read-only and names the exact version in use; keyIdentifier is what you configured, with or without a version, so it only shows a version when the registry is pinned. If the script reads az acr show instead, the same object sits under encryption there (az acr show -n crjay --query encryption.keyVaultProperties.versionedKeyIdentifier -o tsv). Printing keyRotationEnabled and lastKeyRotationTimestamp as well tells you whether the registry follows new versions and when it last switched."),

# ---- regex_pattern ----
dict(key="L14", style="long", kind="howto", category="keys", quals=["hsm", "iac", "oct2026"], flags=["regex_pattern"],
question=r"""Our Bicep pipeline has a pre-deployment gate that validates the kek parameter before any registry is deployed. It was written two years ago, when all our keys lived in vaults and we pinned versions:

```text
^https://[a-z0-9-]+\.vault\.azure\.net/keys/[a-zA-Z0-9-]+/[0-9a-f]{32}$
```

Two things have changed since then: new registries should follow key versions automatically, and the crypto team now also hands out keys from our Managed HSM, mhsm-shrike. What regex should the gate use so it lets through a versionless key URI from either a vault or the Managed HSM, and nothing that isn't a key?""",
canonical=[O + "the-key-encryption-key-kek-and-its-identifier"],
related=[M + "managed-hsm-key-uris", K + "versioned-and-versionless-key-ids", T + "managed-hsm-uri-is-not-a-key-uri"],
facts=["The URI must be HTTPS and must name a key"],
answer_facts=["the dns suffix differs between azure clouds"],
truth=r"""Accept both hosts and stop at the key name: `^https://[a-z0-9-]+\.(vault|managedhsm)\.azure\.net/keys/[a-zA-Z0-9-]+$`. It lets https://kv-shrike.vault.azure.net/keys/shrike-kek and https://mhsm-shrike.managedhsm.azure.net/keys/shrike-kek through, and it refuses versioned URIs such as https://kv-shrike.vault.azure.net/keys/shrike-kek/3d1f0c5b9e2a4c7d8b6e0f1a2c3d4e5f (a pinned version would stop automatic rotation) as well as secret or certificate paths, which ACR doesn't accept in either store. Vault and Managed HSM keys follow the same HTTPS pattern, /keys/<name> with an optional /<version>; the managedhsm.azure.net suffix is the one of the global Azure cloud, so a registry in another cloud needs that cloud's suffix in the pattern."""),

dict(key="L15", style="long", kind="troubleshoot", category="iac", quals=["iac"], flags=["regex_pattern"],
question="""Terraform module for our CMK registries, azurerm 4.x. To stop people passing random strings, someone added a validation on the key variable:

```hcl
variable "kek_id" {
  type = string
  validation {
    condition     = can(regex("^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft.KeyVault/vaults/[^/]+/keys/[^/]+$", var.kek_id))
    error_message = "kek_id must be a key resource id."
  }
}
```

Callers now pass azurerm_key_vault_key.this.resource_versionless_id, since that's the only attribute the check lets through, and every plan for crfulmar dies on key_vault_key_id with expected 2 or 3 path segments. Which attribute belongs there, and what should the validation regex be instead?""",
canonical=[C + "automatic-key-rotation-in-terraform-versionless_id-vs-id"],
related=[C + "common-terraform-and-bicep-errors-with-acr-encryption", C + "terraform-azurerm_container_registry-encryption-block", K + "versioned-and-versionless-key-ids"],
facts=["rejected: an ARM ID, not a key URI"],
answer_facts=["only the first two are key uris"],
truth=r"""versionless_id. key_vault_key_id wants a key URI, and resource_versionless_id is an ARM resource ID, which the provider rejects with that path-segments error; versionless_id (https://<vault>.vault.azure.net/keys/<key>) also gives you automatic rotation, whereas id would pin the version Terraform created. Make the validation check for a key URI instead, for example `^https://[a-z0-9-]+\.vault\.azure\.net/keys/[a-zA-Z0-9-]+$`: it accepts https://kv-fulmar.vault.azure.net/keys/fulmar-kek and rejects the /subscriptions/... form. Inside an HCL string every backslash has to be doubled, and if you ever want pinned versions too, add an optional /<version> group."""),

# ---- plain long ----
dict(key="L16", style="long", kind="howto", category="network", quals=["hsm", "oct2026"], flags=[],
question="""Next month we create crosprey with its key in mhsm-osprey, and our network policy requires the Managed HSM firewall to be on from day one: public access only from our two office ranges, everything else denied. Current state of the HSM:

```json
"networkAcls": {
  "bypass": "None",
  "defaultAction": "Deny",
  "ipRules": [ { "value": "203.0.113.0/25" }, { "value": "198.51.100.64/26" } ]
}
```

The build agents that will create new key versions later run from a third range, 192.0.2.0/24. What has to change on the Managed HSM so az acr create can reach the key? And where do the agents fit in?""",
canonical=[M + "managed-hsm-firewall-and-trusted-services"],
related=[N + "managed-hsm-firewall-and-trusted-services", N + "the-portal-key-picker-and-a-key-store-firewall", M + "requirements-for-a-managed-hsm-key-store"],
facts=["the registry needs the key at the moment it is created"],
answer_facts=["need an allowed address", "deny the rest"],
truth="Turn the trusted-services exception on before crosprey is created: az keyvault update-hsm --hsm-name mhsm-osprey -g <resource group> --bypass AzureServices --default-action Deny. With bypass None the registry, which reaches the key as a trusted Azure service, is blocked at the moment of creation and az acr create fails; the office IP rules don't help it. The agents are your own clients, so they get a rule of their own: az keyvault network-rule add --hsm-name mhsm-osprey --ip-address 192.0.2.0/24. The bypass only opens the network path; crosprey's identity still needs the local role Managed HSM Crypto Service Encryption User on the key, which nobody creates for you. Check the result with az keyvault show --hsm-name mhsm-osprey --query properties.networkAcls before running az acr create."),

dict(key="L17", style="long", kind="howto", category="recovery", quals=["hsm", "oct2026"], flags=["two_facts"],
question="""Legal hold situation. crlark belongs to a subsidiary we're selling, and until the deal closes legal wants us able to make its content unreadable at short notice without destroying anything. crlark encrypts with id-lark and the key lark-kek in our Managed HSM mhsm-lark. id-lark's local role was assigned at /keys/lark-kek when we set it up, and I believe someone added a second assignment at /keys during an incident last spring. The buyer's lawyers also asked whether we could block only their two repositories and leave the rest readable. How do I revoke crlark's access to the Managed HSM key properly? And is the per-repository variant possible?""",
canonical=[M + "revoke-access-to-a-managed-hsm-key", V + "what-revocation-does-to-the-registry"],
related=[V + "revoke-access-to-a-key-in-a-managed-hsm", V + "restore-access-after-a-revocation", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
facts=["Any other local role that includes wrap and unwrap"],
answer_facts=["either of those still grants access", "no partial revocation per repository"],
truth="Remove id-lark's local role at every scope where it holds it, and leave lark-kek alone: deleting the key also revokes, but it is harder to undo. List first without a scope filter, az keyvault role assignment list --hsm-name mhsm-lark --assignee-object-id <id-lark principal ID>, so both the /keys/lark-kek and the /keys assignment show up. Then delete each at its own scope: az keyvault role assignment delete --hsm-name mhsm-lark --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id <principal ID> --scope /keys/lark-kek, and the same with --scope /keys. A delete at the key's scope leaves the wider assignment in place, and that alone would keep crlark readable; also make sure id-lark holds no other local role with wrap and unwrap, such as Managed HSM Crypto User. Then all of crlark's data is blocked. The per-repository variant doesn't exist: revocation is all or nothing for the registry. To lift the hold, re-create the assignment at /keys/lark-kek and the registry picks the key up again by itself."),

dict(key="L18", style="long", kind="no", category="iac", quals=["iac"], flags=[],
question="""crswift was created two years ago without encryption and is managed by Terraform (azurerm 4.x). Compliance now wants it on a customer-managed key, so I added the user-assigned identity and an encryption block pointing at our vault key, and the plan looks harmless:

```text
  ~ resource "azurerm_container_registry" "swift" {
      + encryption {
          + identity_client_id = "9a2c..."
          + key_vault_key_id   = "https://kv-swift.vault.azure.net/keys/swift-kek"
        }
        id = "/subscriptions/.../registries/crswift"
    }
```

In-place update, no replacement, and our 300 GB of images stay where they are. Can I just apply this and end up with crswift encrypted by our key?""",
canonical=[C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep"],
related=[O + "cmk-can-only-be-enabled-when-the-registry-is-created", O + "moving-an-existing-registry-to-cmk", C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs"],
facts=["deletes the old one and every image in it"],
answer_facts=["plans an in-place update", "expected to reject at apply"],
truth="No: ACR accepts a customer-managed key only when a registry is created. The provider just doesn't mark encryption as forcing a replacement, which is why the plan shows an in-place update; the service is expected to reject it at apply (the exact error isn't documented). Forcing the issue with terraform apply -replace would give you a new crswift, but it deletes the old registry and every image in it. The safe route is a second, CMK-enabled registry under a new name declared next to crswift, the images copied across with az acr import, clients and pipelines pointed at the new login server, and the old registry removed once everything has moved."),

dict(key="L19", style="long", kind="yes", category="network", quals=[], flags=[],
question="""Our security architect is pushing back on the plan for crnightjar. kv-nightjar will be locked down to its private endpoint plus "Allow trusted Microsoft services", nothing else, and his position is that "trusted services" means a fixed list of platform services like Backup and disk encryption, that a container registry isn't on it, and that the registry will be locked out the day we flip the switch. I remember reading the opposite but can't find where. Before I book a meeting with him: is Azure Container Registry really one of the services that exception lets through, for the purpose of registry encryption?""",
canonical=[N + "azure-container-registry-in-key-vaults-trusted-services-list"],
related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", N + "create-the-key-before-the-registry-when-the-vault-is-locked-down", O + "network-requirement-for-a-locked-down-key-vault"],
facts=["for the purpose of encrypting registries with customer-managed keys"],
answer_facts=["lists azure container registry among the services"],
truth="Yes: Key Vault's own documentation names Azure Container Registry among the trusted services that pass the vault firewall when \"Allow trusted Microsoft services\" is on, specifically for encrypting registries with customer-managed keys, and the ACR tutorial tells you to turn that exception on for a vault behind a firewall or private endpoint. Two caveats for the meeting: the exception only opens the network path, so crnightjar's identity still needs Key Vault Crypto Service Encryption User or a get/wrapKey/unwrapKey policy on kv-nightjar, and the key should be created before the vault is locked down, from a network that can still reach it."),

dict(key="L20", style="long", kind="value", category="keys", quals=[], flags=[],
question="""Our new crypto standard came out last week, with a table of approved asymmetric keys: RSA with a modulus of at least 3072 bits, or ECC on P-384. I have to pick the key for crbunting, which gets created next sprint with its key in kv-bunting (a Premium vault, so HSM-backed is possible if needed). I'd like to follow whatever the ACR docs prescribe and note the source in our design record. Which key sizes can I choose from for the registry key, and is P-384 an option at all?""",
canonical=[O + "key-sizes-offered-by-key-vault"],
related=[O + "which-key-types-and-sizes-are-supported", T + "elliptic-curve-key-rejected", O + "rsa-hsm-keys-need-a-premium-key-vault"],
facts=["This is a Key Vault statement, not an ACR one."],
answer_facts=["come in 2048, 3072 and 4096 bits"],
truth="3072 or 4096 bits, RSA in both cases. Key Vault's RSA keys, software or HSM-protected, come in 2048, 3072 and 4096 bits, and your standard rules out 2048. The ACR docs themselves prescribe no size, so cite Key Vault for the available sizes and your standard for the choice. P-384 is not an option: registry encryption takes RSA or RSA-HSM keys only and rejects elliptic-curve keys on every curve. On the Premium vault that could be az keyvault key create --vault-name kv-bunting -n bunting-kek --kty RSA-HSM --size 3072."),

dict(key="L21", style="long", kind="undocumented", category="recovery", quals=[], flags=[],
question="""For this year's DR exercise the security team wants to simulate losing the key of crrobin, but they don't want to touch RBAC, because the role assignments on kv-robin belong to another team with its own change process. Their proposal: set the enabled attribute of robin-cmk to false for thirty minutes, then back to true. I have to tell the change board what happens to crrobin during those thirty minutes and how quickly it comes back afterwards. Does Microsoft describe the registry's behaviour with a disabled key anywhere?""",
canonical=[V + "disabling-the-key-instead-a-key-vault-option-not-in-the-acr-docs"],
related=[T + "key-is-disabled-or-expired", V + "what-revocation-does-to-the-registry", V + "restore-access-after-a-revocation"],
facts=["expect it to block the registry the same way"],
answer_facts=["effect on a registry is not documented"],
truth="Not documented: the ACR articles list removing the identity's access and deleting the key as the ways to revoke; disabling a key is a Key Vault control they don't mention, so neither its effect on crrobin nor the time it takes to recover is described. Key Vault refuses cryptographic operations on a disabled key, so expect crrobin to be blocked much like after a revocation and to pick the key up again once az keyvault key set-attributes --vault-name kv-robin -n robin-cmk --enabled true has run. Present that to the change board as an expectation, not a documented behaviour, and rehearse it on a non-production CMK registry first."),

dict(key="L22", style="long", kind="howto", category="identity", quals=["iac"], flags=[],
question="""I'm writing the parameters file for an ARM deployment of crfinch, and I built the identity's resource ID by copying the example output from the enable tutorial and swapping in our names:

```json
"identityResourceId": {
  "value": "/subscriptions/<sub>/resourceGroups/rg-finch/providers/Microsoft.ManagedIdentity/userAssignedIdentities/rg-finch"
}
```

It looked odd that the last segment is the resource group's name, but that's how the sample shows it. The deployment now says the identity can't be found. Which IDs of id-finch do I actually need for this template, and how do I get them without building anything by hand?""",
canonical=[I + "create-the-user-assigned-identity-and-capture-its-ids"],
related=[I + "which-identity-value-goes-where", C + "arm-template-json-propertiesencryption-and-keyvaultproperties", S + "step-2-create-a-user-assigned-managed-identity-and-capture-its-ids"],
facts=["the last segment is always the identity's own name"],
answer_facts=["a slip in the sample"],
truth="The sample is the problem: its id ending in /userAssignedIdentities/myresourcegroup is a slip in the tutorial, and the last segment of an identity's resource ID is always the identity's own name, so yours has to end in /userAssignedIdentities/id-finch. Don't build it, read it: az identity show -n id-finch -g rg-finch --query id -o tsv gives the resource ID (for identity.userAssignedIdentities and your parameter), --query principalId the principal ID (for the key access grant), and --query clientId the client ID that keyVaultProperties.identity needs. In the template, read that one with reference(<identity resource ID>).clientId rather than pasting it."),

dict(key="L23", style="long", kind="howto", category="limits", quals=["iac"], flags=[],
question="""Management group level question. We have roughly 60 registries across 14 subscriptions, and the CISO wants a dashboard of the ones that are not encrypted with a customer-managed key, plus "automatic remediation" for them. I'd prefer the built-in Azure Policy definition over writing our own, assigned once and visible in the portal's compliance view. How do I find and assign the right definition? And what can the remediation part realistically do for the registries it flags?""",
canonical=[L + "azure-policy-built-in-for-cmk"],
related=[O + "cmk-can-only-be-enabled-when-the-registry-is-created", L + "check-the-encryption-status-of-a-registry", O + "moving-an-existing-registry-to-cmk"],
facts=["audits whether registries use CMK"],
answer_facts=["cannot be remediated in place"],
truth="Use the built-in definition \"Container Registries should be encrypted with a Customer-Managed Key (CMK)\": find it under Policy > Definitions in the portal, or get its name with az policy definition list --query \"[?displayName=='Container Registries should be encrypted with a Customer-Managed Key (CMK)'].name\" -o tsv, and assign it at a scope that covers the 14 subscriptions (the ACR article describes subscription or resource-group assignments; one per subscription works too); registries without CMK then show up as non-compliant in the compliance view. The remediation part can't help: CMK can only be chosen when a registry is created, so a flagged registry cannot be fixed in place and has to be replaced by a new Premium CMK registry with its images copied across (az acr import). An unmerged, non-official docs pull request also reports Modify remediation tasks failing with BadRequest on CMK registries, so treat the policy as an audit and plan the replacements yourselves."),

dict(key="L24", style="long", kind="howto", category="troubleshooting", quals=["hsm", "oct2026"], flags=[],
question="""I'm on call this week for the container platform, and we have eleven CMK registries: eight keep their key in ordinary vaults, three in the Managed HSM the crypto team runs. The runbook entry for "registry returns 403 / content unreadable" is a single line saying "check the key", which doesn't help much at 3 a.m. I'd like a read-only sequence I can run without changing anything. Which commands, in what order, tell me whether the problem is the registry's identity, the key store's access or network settings, or the key itself, and how do I see which key store a registry is really using, vault or Managed HSM?""",
canonical=[T + "general-diagnostic-checklist"],
related=[T + "troubleshooting-customer-managed-keys", L + "az-acr-check-health-and-cmk_error", A + "verify-the-identitys-access"],
facts=["Run steps 4 to 6 for a key vault, or step 7 instead"],
answer_facts=["whether the key is enabled and unexpired"],
truth="Start at the registry and work outwards, all read-only. 1) az acr encryption show -n <reg>: status, keyIdentifier (a vault.azure.net host means a vault, managedhsm.azure.net the Managed HSM), versionedKeyIdentifier and the identity's client ID or system. 2) az acr identity show -n <reg>: is that identity still attached? 3) az acr check-health -n <reg> --ignore-errors --yes, looking for CMK_ERROR. For a vault: 4) az keyvault show -n <vault> for enableRbacAuthorization, networkAcls, public network access, soft delete and purge protection; 5) the identity's grant, az role assignment list --scope <vault ID> --assignee-object-id <principal ID> or its accessPolicies entry; 6) az keyvault key show --vault-name <vault> -n <key> --query attributes for enabled and expiry. For the Managed HSM instead: az keyvault show --hsm-name <hsm> for activationStatus (expect Active), network ACLs and purge protection; az keyvault key show --hsm-name <hsm> -n <key> for kty RSA-HSM, wrapKey and unwrapKey in the operations, and the attributes; and az keyvault role assignment list --hsm-name <hsm> --assignee-object-id <principal ID> --scope /keys/<key> for the local role. Take the principal ID from az acr identity show when the identity is system."),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="why", category="limits", quals=[], flags=["caps_shouting"],
question="acr task logs GONE after a day since we enabled cmk, WHY",
canonical=[L + "acr-tasks-run-logs-are-kept-for-only-24-hours"], related=[L + "export-task-run-logs-before-they-expire", T + "task-run-logs-disappear-after-24-hours", L + "feature-compatibility-summary"],
facts=["retained for 24 hours only"], answer_facts=["so they vanish after a day"],
truth="Because on a registry encrypted with a customer-managed key, ACR Tasks keeps run logs for 24 hours only. That is a documented limitation of CMK registries, not a fault, and no setting extends it. Copy each run's log out within the day, for example by saving the output of az acr task logs --registry <registry> --run-id <run ID> at the end of the pipeline that starts the run."),
dict(key="S2", style="short", kind="troubleshoot", category="rotation", quals=[], flags=["smart_punctuation"],
question="az acr encryption rotate-key -n crswan –-key-encryption-key \"$kid\" → unrecognized arguments?",
canonical=[K + "move-to-a-new-version-of-the-same-key"], related=[K + "manual-rotation-with-az-acr-encryption-rotate-key", K + "switch-from-manual-to-automatic-rotation", T + "registry-keeps-using-an-old-key-version"],
facts=["point the registry at it with the same identity"], answer_facts=["capture its kid"],
truth="The option starts with an en dash instead of a plain hyphen, typical of text pasted from a wiki or chat, so the CLI doesn't see an option at all and reports the words as leftover arguments. Retype both hyphens: az acr encryption rotate-key -n crswan --key-encryption-key \"$kid\". Leaving out --identity keeps the current identity; pass the new version's kid to pin that version, or the versionless key ID to follow new versions automatically."),
dict(key="S3", style="short", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=["jmespath_query"],
question="az keyvault show --hsm-name mhsm-ibis --query properties.activationstatus prints nothing, what should the hsm say?",
canonical=[M + "provision-and-activate-the-managed-hsm"], related=[T + "managed-hsm-is-not-activated", M + "requirements-for-a-managed-hsm-key-store", O + "requirements-at-a-glance"],
facts=["Only an initial administrator can do this."], answer_facts=["should read active"],
truth="Active. The field sits one level deeper and its name is case-sensitive: az keyvault show --hsm-name mhsm-ibis --query properties.securityDomainProperties.activationStatus -o tsv. Until it reads Active (NotActivated or Failed otherwise), the Managed HSM accepts no key or role work; an initial administrator activates it by downloading the security domain."),
dict(key="S4", style="short", kind="troubleshoot", category="setup", quals=[], flags=["regex_pattern"],
question="kv key id gate `^https://.+/keys/.+$` lets pinned versions through, why",
canonical=[S + "step-6-choose-a-versioned-or-versionless-key-id"], related=[K + "versioned-and-versionless-key-ids", K + "switch-from-manual-to-automatic-rotation", S + "step-5-create-an-rsa-key-and-capture-its-key-id"],
facts=["Automatic: the registry moves to each new key version within one hour"], answer_facts=["the registry stays on that version"],
truth=r"""Because .+ also matches slashes, so .../keys/<key>/<version> satisfies it too. Use `^https://[^/]+/keys/[^/]+$`, which stops at the key name: https://kv-stork.vault.azure.net/keys/stork-kek passes and https://kv-stork.vault.azure.net/keys/stork-kek/0b7e4c2a9d1f4e6b8a3c5d7e9f1a2b3c is refused. Only the versionless form makes the registry move to each new key version within an hour; a versioned one keeps it on that version until someone rotates by hand."""),
dict(key="S5", style="short", kind="value", category="recovery", quals=[], flags=[],
question="which permission does the pipeline need to delete our acr's cmk key in kv?",
canonical=[V + "revoke-by-deleting-the-key"], related=[V + "recover-a-deleted-key", A + "your-own-permissions-to-create-keys-in-an-rbac-vault", V + "what-revocation-does-to-the-registry"],
facts=["it cannot delete just one key version"], answer_facts=["the keys delete permission"],
truth="The keys delete permission in an access policy, or on an RBAC vault a role that includes it, such as Key Vault Crypto Officer (in a Managed HSM a local role like Managed HSM Crypto User). Deleting removes the whole key with all its versions and locks out every registry that uses it until the key is recovered within the retention period."),
dict(key="S6", style="short", kind="howto", category="keys", quals=[], flags=[], typo="accross",
question="moving the acr key accross to another kv, what to grant before rotate-key?",
canonical=[A + "access-to-a-key-in-a-second-key-vault"], related=[K + "move-to-a-different-key-or-to-a-key-in-another-vault", A + "two-supported-ways-to-grant-key-access", A + "which-permission-model-does-my-key-vault-use"],
facts=["Access is granted per vault."], answer_facts=["using that vault's permission model"],
truth="Give the identity the registry encrypts with access on the new vault first, in that vault's own model: Key Vault Crypto Service Encryption User on an RBAC vault, or an access policy with get, wrapKey and unwrapKey otherwise, always to its principal ID; grants don't carry over from the old vault. Then run az acr encryption rotate-key with the new key URI, and keep the old vault's access until az acr encryption show reports the new key."),
dict(key="S7", style="short", kind="yes", category="limits", quals=[], flags=[], typo="agianst",
question="does oras attach still work agianst a cmk encrypted acr?",
canonical=[L + "oci-referrers-api-is-not-supported"], related=[T + "oras-and-notation-store-referrers-as-tags", L + "notation-signatures-on-cmk-registries", L + "feature-compatibility-summary"],
facts=["storing the link between an artifact and its subject as a specially named tag"], answer_facts=["fall back to the referrers tag schema"],
truth="Yes: ORAS (v1.2.3) notices that a CMK registry has no OCI Referrers API and falls back to the referrers tag schema, so attaching signatures, SBOMs and similar artifacts keeps working. Expect extra digest-named tags in the repository listing; leave them in place, and make sure other tools that read referrers understand the tag schema too."),
dict(key="S8", style="short", kind="no", category="limits", quals=[], flags=[],
question="artifact streaming for big ml images on our cmk premium acr, possible?",
canonical=[L + "artifact-streaming-is-not-supported"], related=[L + "feature-compatibility-summary", O + "cmk-cannot-be-disabled-after-it-is-enabled", L + "cmk-limitations-compatibility-and-status-checks"],
facts=["Plan for full image pulls on a CMK registry."], answer_facts=["lists cmk-encrypted registries among its unsupported configurations"],
truth="No: artifact streaming, still a preview feature, lists registries encrypted with a customer-managed key among its unsupported configurations, so on this registry plan for full image pulls. Being on Premium doesn't change that; the CMK rules it out, and CMK can't be turned off on an existing registry."),
dict(key="S9", style="short", kind="yes", category="limits", quals=[], flags=[],
question="acr tasks builds on a cmk registry: do they work at all",
canonical=[L + "feature-compatibility-summary"], related=[L + "acr-tasks-run-logs-are-kept-for-only-24-hours", L + "export-task-run-logs-before-they-expire", L + "docker-content-trust-is-not-supported"],
facts=["Not supported on CMK registries"], answer_facts=["kept for 24 hours only"],
truth="Yes: ACR Tasks runs on a CMK registry, with one documented catch: its run logs are kept for 24 hours only, so export the ones you need in time. The features that don't work with CMK are others: Docker Content Trust, artifact streaming and the OCI Referrers API."),
dict(key="S10", style="short", kind="howto", category="recovery", quals=["hsm", "oct2026"], flags=[],
question="turn on purge protection for the managed hsm holding our acr key, how?",
canonical=[V + "how-purge-protection-protects-the-registry"], related=[M + "recover-a-deleted-managed-hsm-key-or-hsm", V + "recover-a-deleted-managed-hsm", O + "soft-delete-and-purge-protection-on-the-key-vault"],
facts=["Purge protection cannot be turned off again"], answer_facts=["a managed hsm supports purge protection too"],
truth="Run az keyvault update-hsm --hsm-name <hsm> -g <resource group> --enable-purge-protection true. It is a one-way switch: from then on neither a deleted key nor the deleted Managed HSM itself can be purged before its retention period ends, so an accident stays recoverable. It doesn't stop the deletion itself, and a soft-deleted HSM keeps being billed."),
dict(key="S11", style="short", kind="undocumented", category="hsm", quals=["hsm", "oct2026"], flags=[], typo="availble",
question="is managed hsm availble and supported for acr cmk in azure government?",
canonical=[L + "managed-hsm-is-not-available-everywhere"], related=[M + "limits-and-open-points-with-managed-hsm", M + "managed-hsm-key-uris", O + "requirements-at-a-glance"],
facts=["A Key Vault vault remains the alternative."], answer_facts=["not offered in every azure cloud"],
truth="Not documented: for Azure Government the ACR material gives no answer either way. It warns that Managed HSM exists only in some clouds and regions, names none of them, and notes that HSM key URIs carry a cloud-specific DNS suffix outside global Azure. Check the Managed HSM product availability for your target region before you commit to it, and keep a Key Vault vault as the plan B."),
dict(key="S12", style="short", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="max versions per managed hsm key, and how often can its rotation policy rotate?",
canonical=[M + "rotate-a-managed-hsm-key"], related=[K + "create-a-new-version-in-a-managed-hsm", K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["Managed HSM Crypto User is enough for both."], answer_facts=["at most 100 versions", "more often than every 28 days"],
truth="At most 100 versions per key, and a Managed HSM rotation policy can't rotate more often than every 28 days (a vault policy allows 7). A policy also has to exist before on-demand rotation works, and Managed HSM Crypto User is enough to manage both."),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="A1", style="agent", form="context", kind="troubleshoot", category="keys", quals=[], flags=["smart_punctuation"],
question="Context: granting crpetrel's identity on the access-policy vault kv-petrel with az keyvault set-policy -n kv-petrel --object-id “$PETREL_OID” --key-permissions get wrapKey unwrapKey, pasted from an Outlook mail, fails. Question: what is wrong with the command?",
canonical=[S + "option-b-access-policy-on-an-access-policy-vault"], related=[A + "grant-access-with-a-key-vault-access-policy", A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities", I + "which-identity-value-goes-where"],
facts=["The permission names are `wrapKey` and `unwrapKey`"], answer_facts=["--object-id \"$PRINCIPAL_ID\" --key-permissions get unwrapKey wrapKey"],
truth="The curly double quotes around $PETREL_OID: the shell treats them as ordinary characters, so the variable is expanded but the object ID reaches the CLI with a typographic quote glued to each end and is no valid ID. Use straight quotes or none: az keyvault set-policy -n kv-petrel --object-id \"$PETREL_OID\" --key-permissions get wrapKey unwrapKey, with $PETREL_OID holding the identity's principal ID."),
dict(key="A2", style="agent", form="imperative", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["smart_punctuation"],
question="Write the corrected form of this Managed HSM grant from our Word runbook, which fails when pasted: az keyvault role assignment create --scope /keys/smew-kek --hsm-name mhsm-smew --assignee-object-id $SMEW_OID --assignee-principal-type MSI --only-show-errors --role “Managed HSM Crypto Service Encryption User”",
canonical=[A + "grant-access-to-a-key-in-a-managed-hsm"], related=[M + "local-rbac-roles-for-acr-encryption", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope", T + "managed-hsm-role-assignment-not-yet-in-effect"],
facts=["Local role changes can take several minutes to take effect."], answer_facts=["the portal never create this assignment"],
truth="az keyvault role assignment create --scope /keys/smew-kek --hsm-name mhsm-smew --assignee-object-id \"$SMEW_OID\" --assignee-principal-type MSI --only-show-errors --role \"Managed HSM Crypto Service Encryption User\". The only real change is the quotes: the runbook's curly double quotes mean nothing to the shell, so the role name fell apart into separate words. Run it as a Managed HSM Administrator, Crypto Officer or Policy Administrator, with $SMEW_OID holding the identity's principal ID, and give the local role several minutes before the registry uses the key."),
dict(key="A3", style="agent", form="context", kind="value", category="keys", quals=[], flags=["jmespath_query"],
question="Context: az role assignment list --scope $KV_PARAKEET_ID --assignee-object-id $PARAKEET_OID --query \"[].roleDefinitionId\" -o tsv prints one path ending in e147488a-f6f5-4113-8e2d-b22465e65bf6. Question: which role is that, and is it the right one for crparakeet's encryption identity?",
canonical=[A + "grant-access-with-an-azure-rbac-role"], related=[A + "why-key-vault-crypto-user-is-not-needed", S + "set-up-cmk-with-an-arm-template", A + "verify-the-identitys-access"],
facts=["which is what an ARM or Bicep `Microsoft.Authorization/roleAssignments` resource needs"], answer_facts=["e147488a-f6f5-4113-8e2d-b22465e65bf6"],
truth="Key Vault Crypto Service Encryption User, whose role ID is e147488a-f6f5-4113-8e2d-b22465e65bf6, and it is the right one: it lets the identity read the key and wrap and unwrap with it, scoped to the vault, which is all the registry needs. Next time ask for names directly with --query \"[].roleDefinitionName\"."),
dict(key="A4", style="agent", form="keywords", kind="value", category="limits", quals=[], flags=["jmespath_query"],
question="az acr list --query \"[].{reg:name, cmk:encryption.Status}\" -o table shows an empty cmk column for every registry although three use cmk, correct field and its value",
canonical=[L + "check-the-encryption-status-of-a-registry"], related=[S + "step-8-verify-the-encryption-status", L + "azure-policy-built-in-for-cmk", L + "az-acr-check-health-and-cmk_error"],
facts=["To list every registry in the subscription with its encryption status"], answer_facts=["status is enabled for a cmk registry"],
truth="encryption.status, with a lowercase s, and its value is enabled for a CMK registry (disabled otherwise). JMESPath field names are case-sensitive, so Status matches nothing and the column stays empty: az acr list --query \"[].{registry:name, cmk:encryption.status}\" -o table. To keep only the CMK registries, filter on the value, which is lowercase as well: az acr list --query \"[?encryption.status=='enabled'].name\" -o tsv."),
dict(key="A5", style="agent", form="context", kind="yes", category="hsm", quals=["hsm", "oct2026"], flags=["regex_pattern"],
question=r"Context: our admission check only lets through key URIs matching `^https://[a-z0-9-]+\.managedhsm\.azure\.net/keys/[a-z0-9-]+$`. Question: will the versionless Managed HSM key URI for crpuffin pass it?",
canonical=[M + "managed-hsm-key-uris"], related=[T + "managed-hsm-uri-is-not-a-key-uri", O + "the-key-encryption-key-kek-and-its-identifier", K + "versioned-and-versionless-key-ids"],
facts=["The DNS suffix is `managedhsm.azure.net` in the global Azure cloud"], answer_facts=["the registry follows new key versions automatically"],
truth=r"""Yes: a versionless Managed HSM key URI such as https://mhsm-puffin.managedhsm.azure.net/keys/puffin-kek matches, as long as the key name uses only lowercase letters, digits and dashes. The check refuses the versioned form, https://mhsm-puffin.managedhsm.azure.net/keys/puffin-kek/8f2d6c1a9b4e4f7a, which is fine while you want crpuffin to follow new versions; should you ever pin one, `^https://[a-z0-9-]+\.managedhsm\.azure\.net/keys/[a-z0-9-]+(/[0-9a-f]+)?$` allows both. It also knows only the global cloud's managedhsm.azure.net suffix; other Azure clouds use another one."""),
dict(key="A6", style="agent", form="imperative", kind="howto", category="rotation", quals=["iac"], flags=["regex_pattern"],
question=r"Write a Terraform validation regex for our kek_id variable that accepts only versionless Key Vault key IDs; the current `^https://.+\.vault\.azure\.net/keys/.+$` also lets pinned versions in and breaks automatic rotation",
canonical=[K + "versioned-and-versionless-key-ids"], related=[C + "automatic-key-rotation-in-terraform-versionless_id-vs-id", S + "step-6-choose-a-versioned-or-versionless-key-id", K + "switch-from-manual-to-automatic-rotation"],
facts=["Remove the last path segment to get the versionless form"], answer_facts=["follows the newest version automatically"],
truth=r"""Use `^https://[^/]+\.vault\.azure\.net/keys/[^/]+$` and double each backslash inside the HCL string. It accepts https://kv-gannet.vault.azure.net/keys/gannet-kek and refuses https://kv-gannet.vault.azure.net/keys/gannet-kek/5c9e1f3a7b2d4e6f8a0b1c2d3e4f5a6b, because the key-name part can no longer contain a slash. A versionless ID makes the registry follow new versions within an hour; from azurerm, pass azurerm_key_vault_key.<name>.versionless_id, since its id carries the version."""),
dict(key="A7", style="agent", form="context", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="Context: crgull's creation fails with gull-kek from mhsm-gull; id-gull has the local role on /keys/gull-kek, and key show lists keyOps sign and verify only. Question: why won't the registry accept this Managed HSM key, and can I fix it without renaming the key?",
canonical=[T + "managed-hsm-key-has-the-wrong-type-or-operations"], related=[M + "requirements-for-a-managed-hsm-key-store", K + "create-a-new-version-in-a-managed-hsm", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
facts=["The role assignment alone does not help"], answer_facts=["the key itself must allow the operations"],
truth="Because ACR needs an RSA-HSM key whose permitted operations include wrapKey and unwrapKey, and gull-kek allows only sign and verify, so the registry can't wrap with it whatever role id-gull holds. You can keep the name if gull-kek is RSA-HSM: add a new version that allows both, az keyvault key create --hsm-name mhsm-gull --name gull-kek --kty RSA-HSM --ops wrapKey unwrapKey. The local role on /keys/gull-kek covers every version, so no new assignment is needed; then create crgull with the versionless URI https://mhsm-gull.managedhsm.azure.net/keys/gull-kek. If the key is not RSA-HSM at all, create one under a new name in the Managed HSM and grant id-gull on that key."),
dict(key="A8", style="agent", form="context", kind="howto", category="recovery", quals=["hsm", "oct2026"], flags=[],
question="Context: a clean-up job deleted the key skua-kek from our Managed HSM mhsm-skua an hour ago, and crskua can't serve images since. Question: how do we get the deleted Managed HSM key back, and who is allowed to recover it?",
canonical=[V + "recover-a-deleted-key"], related=[M + "recover-a-deleted-managed-hsm-key-or-hsm", T + "key-vault-or-key-was-deleted", M + "local-rbac-roles-for-acr-encryption"],
facts=["the caller needs Managed HSM Crypto Officer"], answer_facts=["registry operations resume"],
truth="Recover it from the soft-deleted state within the HSM's retention period: az keyvault key list-deleted --hsm-name mhsm-skua shows it, and az keyvault key recover --hsm-name mhsm-skua --name skua-kek brings it back. That takes the local role Managed HSM Crypto Officer; Crypto User can delete keys but can't recover or purge them. Don't purge anything. Once the key is back, crskua resumes on its own; confirm that its identity's local role on /keys/skua-kek is still listed with az keyvault role assignment list --hsm-name mhsm-skua, and re-create it if it isn't."),
dict(key="A9", style="agent", form="keywords", kind="no", category="setup", quals=[], flags=[],
question="az acr create --identity '[system]' together with --key-encryption-key for a brand-new cmk registry, accepted or not, alternative for using the registry's own identity",
canonical=[S + "rules-that-az-acr-create-enforces-for-cmk"], related=[T + "system-assigned-identity-rejected-at-registry-creation", I + "a-user-assigned-identity-is-required-when-the-registry-is-created", I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
facts=["The CLI stores the identity's client ID in the encryption settings"], answer_facts=["is not accepted by az acr create"],
truth="No: '[system]' is refused there, since a registry that doesn't exist yet has no identity of its own that could hold key access; for CMK, az acr create wants a user-assigned identity, given by resource ID or by name when it lives in the registry's resource group. The way to end up on the registry's own identity is two-stage: create with a user-assigned one, afterwards enable the system-assigned identity (az acr identity assign --identities '[system]'), give its principal ID access to the key, and move encryption over with az acr encryption rotate-key --identity '[system]'."),
dict(key="A10", style="agent", form="imperative", kind="why", category="network", quals=[], flags=["two_facts"],
question="Explain why az acr create for crtitmouse fails with Failed to access KeyId when kv-titmouse has default action Deny and bypass None, although id-titmouse already holds the encryption role on that vault",
canonical=[T + "registry-creation-cannot-access-the-key", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"], related=[N + "allow-trusted-services-and-deny-other-traffic", N + "create-the-key-before-the-registry-when-the-vault-is-locked-down", C + "common-terraform-and-bicep-errors-with-acr-encryption"],
facts=["Azure Container Registry is on Key Vault's list of trusted services"], answer_facts=["trusted azure services are not allowed through", "the bypass only opens the network path"],
truth="Because the registry has to use the key at the very moment it is created, and with default action Deny and bypass None the vault firewall turns everything away, ACR included: Container Registry gets through a restricted vault only as a trusted Azure service, through the trusted-services exception. The role settles permission, not the network path. Run az keyvault update -n kv-titmouse -g <resource group> --bypass AzureServices --default-action Deny, then run the create again; keep creating or rotating keys from a network the vault allows."),
dict(key="A11", style="agent", form="imperative", kind="undocumented", category="network", quals=[], flags=[],
question="Tell me whether Microsoft documents the trick of creating a CMK registry against a temporary open vault and rotating to the firewalled vault afterwards, which a colleague found in an old GitHub thread",
canonical=[N + "reports-of-first-time-creation-failing-against-a-firewalled-vault-not-official"], related=[N + "create-the-key-before-the-registry-when-the-vault-is-locked-down", T + "registry-creation-cannot-access-the-key", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
facts=["These reports may be out of date"], answer_facts=["the current docs only say to enable"],
truth="Not documented: the workaround comes only from older GitHub reports in which a first creation against a firewalled vault failed although trusted services were allowed. The current ACR docs mention no temporary vault; they tell you to allow trusted Azure services and to create the key before the registry. Do that first, and if creation still fails, the reported route (create with a key in an unrestricted vault, then az acr encryption rotate-key to the firewalled one) may work, but it is not an official procedure and those reports may be out of date."),
dict(key="A12", style="agent", form="keywords", kind="no", category="iac", quals=["iac"], flags=[],
question="avm terraform container registry module pinned at 0.5.1, customer_managed_key with key_version left null, does the registry follow new key versions",
canonical=[C + "avm-terraform-module-customer_managed_key-variable"], related=[C + "avm-bicep-module-customermanagedkey-parameter", C + "automatic-key-rotation-in-terraform-versionless_id-vs-id", C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs"],
facts=["v0.6.0 and later require azurerm `>= 4.81.0, < 5.0.0`"], answer_facts=["always used the versioned id"],
truth="No: at 0.5.1 the module still builds the key reference from the versioned id and never looks at key_version, which was the behaviour from 0.3.0 on, so your registry is pinned to whatever version existed when it was deployed. Upgrading to v0.6.0 or newer switches it to versionless_id whenever key_version is unset, and then the registry picks up new versions within an hour; plan the provider bump with it, since those module releases require azurerm from 4.81.0 up to, but not including, 5.0.0."),
]

OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind="off-topic", category=OFF, subject="aptly", near_miss=True,
question="""Our internal APT package registry is served by aptly, and every published repository is signed with a GPG key that expires at the end of next month. About 400 build agents and servers carry the current public key in their apt keyring. What is the least painful way to roll over to a new signing key: can aptly publish with both keys for a while, so machines that only know the old one keep working, and how do I get the new public key onto the machines before the old one lapses?""",
truth="Not covered: rolling over the GPG key that signs aptly-published repositories, and distributing its successor to apt clients, is Debian package-repository administration that the ACR customer-managed key knowledge says nothing about."),
dict(key="X2", style="long", kind="off-topic", category=OFF, subject="renovate", near_miss=True,
question="""We self-host Renovate to keep the image tags in our Dockerfiles current, and it reads those tags from our private container registry. The registry password lives in the repo config as an encrypted secret, encrypted with the public half of the key pair Renovate was started with. A copy of that private key turned up in an old CI artifact, so the key pair has to be replaced. What happens to secrets that were encrypted with the old public key, and can Renovate run with both keys while the teams re-encrypt their configs?""",
truth="Not covered: replacing the key pair behind Renovate's encrypted config secrets and re-encrypting those secrets is a matter of running the Renovate bot, outside Azure Container Registry encryption with customer-managed keys."),
dict(key="X3", style="long", kind="off-topic", category=OFF, subject="jupyterhub", near_miss=True,
question="""Our JupyterHub spawns single-user servers from images in a private container registry, and each user's registry credentials are kept in auth_state, which the hub encrypts with JUPYTERHUB_CRYPT_KEY. That key sits in an environment file that got copied to the wrong share, so I want to change it. If I set a new key, do existing users lose their stored auth_state until they log in again, or can the hub hold the old and the new key side by side during the switch?""",
truth="Not covered: how JupyterHub encrypts auth_state and handles a change of its crypt key is a JupyterHub question, unrelated to the customer-managed key of an Azure container registry."),
dict(key="X4", style="long", kind="off-topic", category=OFF, subject="chartmuseum", near_miss=True,
question="""We publish internal Helm charts to ChartMuseum, our chart registry, and every chart is signed when it's packaged so consumers can install with provenance verification turned on. The signing key belongs to someone who has left, and security wants a new key pair this quarter. How do I re-sign the charts already sitting in the registry with the new key, and what do consumers have to change so verification passes for both old and new chart versions during the transition?""",
truth="Not covered: re-signing Helm charts and their provenance files in ChartMuseum, and rolling out a new verification key to consumers, are Helm practices rather than part of the ACR CMK documentation."),
dict(key="X5", style="long", kind="off-topic", category=OFF, subject="nix-serve", near_miss=True,
question="""Besides our container registry, the build farm pulls prebuilt packages from a Nix package cache that we serve with nix-serve, and every store path it hands out is signed with the cache's secret key. That key file was readable by a service account it should never have been shared with. How do I generate a new signing key for nix-serve, and what do the machines that list the old public key in trusted-public-keys need so they keep accepting paths during the switch?""",
truth="Not covered: regenerating the signing key of a nix-serve package cache and updating trusted-public-keys on its clients is Nix administration, which the knowledge about ACR customer-managed keys does not touch."),
dict(key="X6", style="long", kind="off-topic", category=OFF, subject="bigbluebutton",
question="""We run BigBlueButton for internal training sessions, with the Greenlight front end deployed as a container image from our own registry. The shared secret, effectively the API key Greenlight uses to talk to the BigBlueButton server, was pasted into a public ticket by mistake and has to change today. Which command sets a new secret on the server, and where does Greenlight need the new value so that meetings keep starting?""",
truth="Not covered: changing the shared secret of a BigBlueButton server and updating Greenlight's settings is web-conferencing administration, with no link to customer-managed keys for Azure Container Registry."),
dict(key="X7", style="agent", form="context", kind="off-topic", category=OFF, subject="roundcube",
question="Context: our ops team reads mail through Roundcube, whose des_key setting encrypts the IMAP passwords it keeps in sessions. Question: what breaks for logged-in users if I change des_key, and does the web server need a restart?",
truth="Not covered: what happens to open Roundcube webmail sessions when des_key changes is Roundcube configuration, far from the ACR CMK knowledge."),
dict(key="X8", style="agent", form="imperative", kind="off-topic", category=OFF, subject="atlantis",
question="Describe how to replace the webhook secret that Atlantis shares with our Git server without breaking automated plans on pull requests that are already open",
truth="Not covered: swapping the webhook secret between Atlantis and a Git host belongs to setting up Atlantis, not to encrypting Azure container registries."),
dict(key="X9", style="agent", form="keywords", kind="off-topic", category=OFF, subject="zerotier",
question="zerotier self-hosted network controller, move it to a new vm, keep the controller identity and all member authorizations",
truth="Not covered: migrating a ZeroTier network controller and its identity to another machine is ZeroTier operations, with no bearing on ACR customer-managed keys."),
dict(key="X10", style="short", kind="off-topic", category=OFF, subject="mealie",
question="mealie recipe import from a url keeps failing, why",
truth="Not covered: failing URL imports in the Mealie recipe manager have nothing to do with the ACR CMK documentation."),
dict(key="X11", style="short", kind="off-topic", category=OFF, subject="umami",
question="umami analytics: can i change the hash salt without losing stats?",
truth="Not covered: changing the hashing salt of a Umami analytics install is web-analytics configuration, outside customer-managed key encryption of registries."),
dict(key="X12", style="short", kind="off-topic", category=OFF, subject="firefly",
question="export firefly iii transactions to csv from the command line?",
truth="Not covered: exporting transactions from Firefly III is a feature of that personal-finance app, not something the ACR CMK knowledge covers."),
]

QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"accross": "across", "agianst": "against", "availble": "available"}
SHAPES = ["two_facts", "tldr_summary", "caps_shouting", "smart_punctuation", "jmespath_query", "regex_pattern"]
SEED = 52
ID_PREFIX = "h"

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
    return entries, meta


def render():
    """(blind52.json text, blind52-meta.json text, blind52-first-canonicals.txt text)"""
    entries, meta = build()
    j = json.dumps(entries, indent=1, ensure_ascii=False) + "\n"
    m = json.dumps(meta, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    f = "\n".join(firsts) + "\n"
    return j, m, f


def main(out=HERE):
    j, m, f = render()
    for name, text in (("blind52.json", j), ("blind52-meta.json", m), ("blind52-first-canonicals.txt", f)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
