"""blind69 builder: holds the 60 questions (QUESTIONS) and writes blind69.json, blind69-meta.json and
blind69-first-canonicals.txt. render() returns the three files' exact text (check69.py compares it byte for byte)."""
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
# ---- mcp_tool_call ----
dict(key="M1", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["mcp_tool_call", "two_facts"],
question="""I'm wiring an incident-response agent into our platform tooling. In last night's revocation drill it asked our documentation server the following over MCP, then ran the role deletion it had planned:

```json
{
  "jsonrpc": "2.0",
  "id": 41,
  "method": "tools/call",
  "params": {
    "name": "ask_registry_docs",
    "arguments": {
      "registry": "crtagus",
      "key_store": "hsm-tagus-weu",
      "key_name": "kek-tagus",
      "identity": "uami-tagus-enc",
      "question": "Once the encryption role of uami-tagus-enc on /keys/kek-tagus is deleted, how long until pulls from crtagus stop?"
    }
  }
}
```

The delete returned cleanly and the assignment on /keys/kek-tagus no longer shows up. Forty minutes later docker pull from crtagus still works, so the drill never reached its "registry dark" checkpoint. Our HSM admins set things up two years ago and nobody remembers the details. Why did removing that role not revoke the access of crtagus to the Managed HSM key?""",
canonical=[V + "revoke-access-to-a-key-in-a-managed-hsm", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
related=[M + "revoke-access-to-a-managed-hsm-key", V + "what-revocation-does-to-the-registry"],
facts=["Any other local role that includes wrap and unwrap"],
answer_facts=["does not touch an assignment made at", "keeps granting access after the key-scoped one"],
truth="""Most likely uami-tagus-enc still holds a grant elsewhere in hsm-tagus-weu: deleting the assignment scoped to /keys/kek-tagus removes that one assignment only, and the same Managed HSM Crypto Service Encryption User role given at /keys or at / keeps working, as does any other local role that can wrap and unwrap (Managed HSM Crypto User, for instance). List every local assignment of the identity in hsm-tagus-weu without a scope filter (az keyvault role assignment list --hsm-name hsm-tagus-weu --assignee-object-id <principal ID>), delete each one at the scope where it was made, and the registry loses access to all of its data; re-creating the key-scoped assignment ends the drill."""),

dict(key="M2", style="long", kind="howto", category="identity", quals=[], flags=["mcp_tool_call"],
question="""Our platform bot drives registry changes through an MCP server that wraps the Azure CLI. Before executing anything it asks our docs tool for a plan, and this is the request it produced for one of our production registries:

```json
{
  "jsonrpc": "2.0",
  "id": 7,
  "method": "tools/call",
  "params": {
    "name": "plan_registry_change",
    "arguments": {
      "registry": "crloire",
      "resource_group": "rg-loire-prod",
      "key_vault": "kv-loire-cmk",
      "vault_permission_model": "rbac",
      "current_identity": "uami-loire-cmk",
      "goal": "encrypt with the registry's own system-assigned identity from now on, then delete uami-loire-cmk"
    }
  }
}
```

The plan it got back starts by deleting uami-loire-cmk, which scares me. What order should the bot follow? And at which step does deleting uami-loire-cmk become safe?""",
canonical=[I + "the-encryption-identity-cannot-simply-be-removed"],
related=[I + "switch-to-the-registrys-system-assigned-identity-after-creation", T + "removing-the-encryption-identity-fails"],
facts=["Keep the original user-assigned identity attached and its access in place until step 5 shows the change"],
answer_facts=["and only then remove the original"],
truth="""Keep uami-loire-cmk until the very end. First turn on the system-assigned identity of crloire (az acr identity assign --name crloire --resource-group rg-loire-prod --identities '[system]'), read its principal ID with az acr identity show, and give that principal Key Vault Crypto Service Encryption User on kv-loire-cmk; it is an RBAC vault, so a role assignment and not an access policy. Then run az acr encryption rotate-key for crloire with the key URI it already uses and --identity '[system]', and check that az acr encryption show now reports the identity as system. Only after that may uami-loire-cmk be detached and deleted: removing it earlier cuts the registry off from its key, and the service refuses to detach the identity that encryption still uses."""),

dict(key="M3", style="long", kind="troubleshoot", category="rotation", quals=["hsm", "oct2026"], flags=["mcp_tool_call"],
question="""We have an agent that watches key rotation across our registries. It filed this call to our docs server after the quarterly rotation:

```json
{
  "jsonrpc": "2.0",
  "id": 118,
  "method": "tools/call",
  "params": {
    "name": "ask_registry_docs",
    "arguments": {
      "registry": "crrhone",
      "configured_key": "https://hsm-rhone.managedhsm.azure.net/keys/kek-rhone/0d4ab24983f419cdebd54849941b5a56",
      "new_version": "1e1df37995d733fcb607d11670cc39e6",
      "hours_since_new_version": "27",
      "symptom": "registry still reports the previous version"
    }
  }
}
```

The new version was created in hsm-rhone with the same key type and the wrapKey/unwrapKey operations, and the local role of the registry identity sits on /keys/kek-rhone. A day later the registry has not moved. Why is crrhone ignoring the rotation in the Managed HSM, and which version is it really using right now?""",
canonical=[T + "registry-keeps-using-an-old-key-version"],
related=[K + "versioned-and-versionless-key-ids", K + "create-a-new-version-in-a-managed-hsm", M + "rotate-a-managed-hsm-key"],
facts=["covers every version of the key, so a new version needs no new role assignment"],
answer_facts=["the registry stays on that version until"],
truth="""crrhone was given a versioned key ID: the configured URI ends in version 0d4ab24983f419cdebd54849941b5a56, and a versioned ID pins the registry to that version until someone rotates by hand. Only a versionless URI makes the registry poll the Managed HSM and switch to a new version within about an hour. az acr encryption show --name crrhone shows the version in use under versionedKeyIdentifier (still the old one) and keyRotationEnabled as false. To take the new version, run az acr encryption rotate-key --name crrhone with --key-encryption-key https://hsm-rhone.managedhsm.azure.net/keys/kek-rhone (versionless, automatic from then on) or with the new versioned URI; the key-scoped role already covers every version, so no new assignment is needed."""),

dict(key="M4", style="long", kind="undocumented", category="limits", quals=[], flags=["mcp_tool_call"],
question="""Design review time. Our architecture assistant checks every new registry spec against the docs before anyone writes Terraform, and for the new EU registry it sent this:

```json
{
  "jsonrpc": "2.0",
  "id": 9,
  "method": "tools/call",
  "params": {
    "name": "check_registry_design",
    "arguments": {
      "registry": "crodra",
      "sku": "Premium",
      "customer_managed_key": "https://kv-odra-cmk.vault.azure.net/keys/kek-odra",
      "zone_redundancy": "Enabled",
      "region": "westeurope"
    }
  }
}
```

The tool answered that the combination is fine, but it cited nothing for the zone redundancy part, and our reviewers want a source. Is a zone-redundant registry with a customer-managed key a setup that Microsoft supports?""",
canonical=[L + "zone-redundancy-with-cmk-is-not-documented"],
related=[L + "feature-compatibility-summary", O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
facts=["cannot be changed after creation"],
answer_facts=["do not mention zone redundancy"],
truth="""Not documented: the ACR customer-managed key articles say nothing about zone redundancy, neither that it works with a CMK nor that it is excluded, so the tool's answer has no source behind it. az acr create does accept --zone-redundancy Enabled together with --identity and --key-encryption-key (the flag is marked preview and cannot be changed once crodra exists), but the CLI accepting it is not a support statement. Try the combination in a non-production subscription or get a confirmation from Azure support before fixing the design of crodra, keeping in mind that the CMK itself can only be chosen at creation."""),

# ---- resource_graph_result ----
dict(key="R1", style="long", kind="howto", category="setup", quals=[], flags=["resource_graph_result"],
question="""Our governance team now audits registries with Resource Graph, and the first run for the payments subscription came back like this:

```json
{
  "count": 3,
  "data": [
    {
      "name": "crsava",
      "resourceGroup": "rg-pay-build",
      "sku": "Standard",
      "cmk": "disabled"
    },
    {
      "name": "crdrava",
      "resourceGroup": "rg-pay-prod",
      "sku": "Premium",
      "cmk": "disabled"
    },
    {
      "name": "crmura",
      "resourceGroup": "rg-pay-prod",
      "sku": "Premium",
      "cmk": "enabled"
    }
  ],
  "skip_token": null,
  "total_records": 3
}
```

The audit rule demands customer-managed keys on every registry in this subscription before the quarter closes. crdrava is already Premium, so I assumed we only need to switch encryption on there, and upgrade crsava first. How do we get both crsava and crdrava compliant, and what will our pipelines notice?""",
canonical=[O + "moving-an-existing-registry-to-cmk"],
related=[T + "cmk-needs-the-premium-tier", L + "azure-policy-built-in-for-cmk"],
facts=["Upgrading a Basic or Standard registry to Premium does not add CMK afterwards"],
answer_facts=["one image or artifact at a time"],
truth="""Neither registry can be switched over: a customer-managed key can only be chosen when a registry is created, so crdrava being Premium does not help, and upgrading crsava to Premium does not add a CMK either. For each of them, create a new Premium registry with the user-assigned identity and the key configured (the identity granted access to the key beforehand), copy the content across with az acr import, which handles one image or artifact per call, and then point clients, pipelines and pull secrets at the new login server, <new-name>.azurecr.io; that change of address is what your pipelines will notice. Retire crsava and crdrava only after checking that everything was copied."""),

dict(key="R2", style="long", kind="value", category="rotation", quals=[], flags=["resource_graph_result"],
question="""Security moved our key vaults to a 90-day rotation policy this month. Before the first automatic rotation fires I pulled the encryption settings of our registries out of Resource Graph:

```json
{
  "count": 4,
  "data": [
    {
      "name": "crvltava",
      "keyIdentifier": "https://kv-plat-cmk.vault.azure.net/keys/kek-vltava"
    },
    {
      "name": "crmorava",
      "keyIdentifier": "https://kv-plat-cmk.vault.azure.net/keys/kek-morava/64e4fbce88450a753ff95da836cf4c2b"
    },
    {
      "name": "crhron",
      "keyIdentifier": "https://kv-plat-cmk.vault.azure.net/keys/kek-hron"
    },
    {
      "name": "crjizera",
      "keyIdentifier": "https://kv-plat-cmk.vault.azure.net/keys/kek-jizera/6fe9ff7a6452b735ef3fcbb2673cd416"
    }
  ],
  "skip_token": null,
  "total_records": 4
}
```

All four identities can reach the vault and none of us has touched these registries since they were created. Which of the four will start using the new key version on their own once the policy creates it, and how long after?""",
canonical=[S + "step-8-verify-the-encryption-status"],
related=[K + "automatic-rotation-with-a-versionless-key-id", K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy"],
facts=["starts using a freshly created key version within one hour of it"],
answer_facts=["when a versionless id makes the registry"],
truth="""crvltava and crhron: their keyIdentifier carries no version, so each polls kv-plat-cmk and moves to a new version within one hour of it appearing (keyRotationEnabled reads true for them). crmorava and crjizera are pinned to the versions at the end of their URIs and will stay there after the policy runs; rotate each with az acr encryption rotate-key, either to the new versioned URI every quarter or once to its versionless URI so that it follows future versions by itself. The policy only creates versions; it never moves a registry."""),

dict(key="R3", style="long", kind="troubleshoot", category="identity", quals=[], flags=["resource_graph_result"],
question="""On Friday a cleanup job deleted what it considered orphaned user-assigned identities across the platform subscription. Since Monday, az acr check-health on one of our registries prints CMK_ERROR and says the encryption identity no longer exists. I asked Resource Graph for the encryption identity of every registry in that subscription:

```json
{
  "count": 3,
  "data": [
    {
      "name": "crelbe",
      "encryptionIdentity": "system"
    },
    {
      "name": "crsaale",
      "encryptionIdentity": "d4690ac6-2e04-440a-99e9-4b107437f50d"
    },
    {
      "name": "crhavel",
      "encryptionIdentity": "1c37ce0f-d0ae-4b81-baa4-31ee8ae09490"
    }
  ],
  "skip_token": null,
  "total_records": 3
}
```

The job log lists client ID 1c37ce0f-d0ae-4b81-baa4-31ee8ae09490 among the identities it removed; d4690ac6-2e04-440a-99e9-4b107437f50d is not in it. Which registry is the error about, and how do I get it healthy again?""",
canonical=[L + "az-acr-check-health-and-cmk_error"],
related=[T + "check-health-reports-cmk_error", I + "which-identity-value-goes-where"],
facts=["rotate the key to a different managed identity that has access to the key"],
answer_facts=["for example because that identity was deleted"],
truth="""crhavel: its encryption identity is client ID 1c37ce0f-d0ae-4b81-baa4-31ee8ae09490, the one the job deleted, and CMK_ERROR means exactly that the identity configured for encryption cannot be reached. crelbe uses its system-assigned identity and the identity of crsaale is not in the job log, so they are not the ones affected. A deleted identity cannot be attached again, so move the encryption of crhavel to another identity: turn on its system-assigned identity (az acr identity assign --name crhavel --identities '[system]'), grant that principal access to the key (the vault role, or get, wrapKey and unwrapKey on an access-policy vault), run az acr encryption rotate-key --name crhavel with its current key URI and --identity '[system]', then run check-health again."""),

dict(key="R4", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["resource_graph_result"],
question="""We are standardising on system-assigned identities for registry encryption. Resource Graph shows which key store each registry uses today:

```json
{
  "count": 3,
  "data": [
    {
      "name": "crnarew",
      "keyHost": "kv-narew-cmk.vault.azure.net",
      "vaultModel": "rbac"
    },
    {
      "name": "crwarta",
      "keyHost": "hsm-warta.managedhsm.azure.net",
      "keyName": "kek-warta"
    },
    {
      "name": "crbug",
      "keyHost": "hsm-warta.managedhsm.azure.net",
      "keyName": "kek-bug"
    }
  ],
  "skip_token": null,
  "total_records": 3
}
```

Each registry already has its system-assigned identity switched on, and we have its principal ID. For each of the three, what grant does that identity need before we run rotate-key with '[system]', and at which scope inside the Managed HSM?""",
canonical=[I + "why-the-registry-needs-a-managed-identity"],
related=[K + "rotate-with-a-different-identity-or-the-system-assigned-identity", M + "local-rbac-roles-for-acr-encryption"],
facts=["Azure RBAC assignments made with `az role assignment create` on the HSM resource govern management operations only"],
answer_facts=["Managed HSM has no access policies"],
truth="""crnarew keeps its key in an RBAC vault, so its system identity needs an Azure role assignment of Key Vault Crypto Service Encryption User on kv-narew-cmk. crwarta and crbug need a local RBAC assignment inside hsm-warta instead, made with az keyvault role assignment create --hsm-name hsm-warta --role "Managed HSM Crypto Service Encryption User" --assignee-object-id <system principal ID> --assignee-principal-type MSI, each scoped to its own key: /keys/kek-warta for crwarta and /keys/kek-bug for crbug. An Azure role on the HSM resource grants no key use, and neither ACR nor the portal creates these local assignments; create them, give them a few minutes to take effect before rotate-key, and keep the current identity's access until az acr encryption show reports system."""),

# ---- private_endpoint_json ----
dict(key="P1", style="long", kind="troubleshoot", category="network", quals=[], flags=["private_endpoint_json", "two_facts"],
question="""Last week the network team moved kv-mosel behind a private endpoint as part of our landing zone clean-up and denied public access on it. Since then every az acr import into crmosel fails with 403, and the registry has not picked up the key version we created on Monday. This is the endpoint:

```json
{
  "name": "pe-kv-mosel",
  "location": "germanywestcentral",
  "privateLinkServiceConnections": [
    {
      "name": "kv-mosel-conn",
      "groupIds": [
        "vault"
      ],
      "privateLinkServiceId": "/subscriptions/3f7084d9-3915-44d6-a2c6-43cb52567821/resourceGroups/rg-mosel/providers/Microsoft.KeyVault/vaults/kv-mosel",
      "privateLinkServiceConnectionState": {
        "status": "Approved",
        "description": "Auto-Approved"
      }
    }
  ],
  "customDnsConfigs": [
    {
      "fqdn": "kv-mosel.vault.azure.net",
      "ipAddresses": [
        "10.42.8.5"
      ]
    }
  ]
}
```

crmosel itself keeps its public endpoint; only the vault changed, and name resolution inside the VNet works. What do we have to change so that crmosel can use its key again?""",
canonical=[T + "http-403-after-enabling-the-key-vault-firewall", N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry"],
related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", N + "allow-trusted-services-and-deny-other-traffic"],
facts=["If the 403 persists, open an Azure support case."],
answer_facts=["unless the vault or hsm allows trusted", "key configuration with the same identity"],
truth="""The endpoint itself is fine; kv-mosel's network settings now turn the registry away, because ACR reaches its key as a trusted Azure service and not through your VNet. Turn on the trusted-services exception for kv-mosel (az keyvault update --name kv-mosel --bypass AzureServices --default-action Deny), then re-apply the identity and key that crmosel already uses with az acr encryption rotate-key, reading both values from az acr encryption show (pass '[system]' if the identity reads system). Imports and the automatic move to Monday's version should work after that; if the 403 does not go away, open a support case."""),

dict(key="P2", style="long", kind="undocumented", category="network", quals=[], flags=["private_endpoint_json"],
question="""Our security baseline now says that no registry may be reachable from the internet. For crinn, whose customer-managed key lives in kv-inn-cmk, we added this endpoint and are about to disable public network access on the registry:

```json
{
  "name": "pe-crinn",
  "privateLinkServiceConnections": [
    {
      "name": "crinn-registry",
      "groupIds": [
        "registry"
      ],
      "privateLinkServiceId": "/subscriptions/117b2ab3-1d37-4c7e-a105-1f44041db060/resourceGroups/rg-inn/providers/Microsoft.ContainerRegistry/registries/crinn",
      "privateLinkServiceConnectionState": {
        "status": "Approved"
      }
    }
  ]
}
```

kv-inn-cmk stays as it is, with trusted services allowed. Before the change board signs this off, I need a reference: does Microsoft state anywhere that a CMK registry reached only through a private endpoint of its own, with the public endpoint disabled, is supported?""",
canonical=[N + "registry-private-endpoints-and-cmk-are-not-covered-by-the-docs"],
related=[L + "feature-compatibility-summary", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
facts=["Treat it as undocumented"],
answer_facts=["registry that itself uses private endpoints"],
truth="""Not documented: the ACR customer-managed key material only covers the key store, a vault or a Managed HSM, sitting behind a firewall or a private endpoint. For a registry such as crinn that is itself reached through a private endpoint with public access disabled, it names the combination neither as supported nor as a limitation, so there is no reference to give the board either way. The rules that do apply concern kv-inn-cmk (trusted services allowed, the identity keeping its access) and hold however clients reach the registry; validate pulls, pushes and imports on a test registry first, or ask Microsoft support for a statement."""),

dict(key="P3", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026", "iac"], flags=["private_endpoint_json"],
question="""I'm creating crlabe in the portal: Premium, and on the Encryption tab the user-assigned identity uami-labe-enc. Select from Key Vault lists our Managed HSM hsm-labe, but no keys ever appear below it. The landing-zone team set up the HSM with this endpoint and a firewall that denies everything else, trusted services allowed:

```json
{
  "name": "pe-hsm-labe",
  "privateLinkServiceConnections": [
    {
      "name": "hsm-labe-conn",
      "groupIds": [
        "managedhsm"
      ],
      "privateLinkServiceId": "/subscriptions/a2475950-ec2a-4f74-9a1f-8d9f8f3cf298/resourceGroups/rg-labe/providers/Microsoft.KeyVault/managedHSMs/hsm-labe",
      "privateLinkServiceConnectionState": {
        "status": "Approved"
      }
    }
  ]
}
```

I'm working from home over the internet, not from inside the VNet, and the local role of uami-labe-enc on /keys/kek-labe is in place. Why can't the portal show the keys of the Managed HSM, and can I finish creating the registry by pasting the key URI instead?""",
canonical=[M + "key-picker-blocked-by-the-hsm-firewall"],
related=[T + "portal-key-picker-cannot-list-keys-behind-the-managed-hsm-firewall", N + "the-portal-key-picker-and-a-key-store-firewall"],
facts=["Listing keys in **Select from Key Vault** is a data-plane call made from your browser."],
answer_facts=["does nothing for a browser outside the"],
truth="""Because the key list is a data-plane call made by your own browser, and the firewall of hsm-labe only admits its private endpoint and trusted services: the trusted-services exception lets ACR through, never a browser outside the network. Pasting the URI works: choose Enter key URI and use the ID of kek-labe, read from a machine inside the VNet with az keyvault key show --hsm-name hsm-labe --name kek-labe (without the version, https://hsm-labe.managedhsm.azure.net/keys/kek-labe, for automatic rotation); alternatively allow your client address on the HSM firewall for the duration. Creation then succeeds as long as the Managed HSM key is RSA-HSM with wrapKey and unwrapKey and the role of uami-labe-enc has taken effect."""),

dict(key="P4", style="long", kind="howto", category="network", quals=[], flags=["private_endpoint_json"],
question="""We're building crtisza from scratch with a customer-managed key, and our landing zone forces every key vault onto a private endpoint with public access denied. The vault already exists (RBAC model, purge protection on) and the policy-created endpoint looks like this:

```json
{
  "name": "pe-kv-tisza",
  "manualPrivateLinkServiceConnections": [],
  "privateLinkServiceConnections": [
    {
      "name": "kv-tisza-pe",
      "groupIds": [
        "vault"
      ],
      "privateLinkServiceId": "/subscriptions/a03505e2-9216-4040-89eb-bbcccb54d18f/resourceGroups/rg-tisza/providers/Microsoft.KeyVault/vaults/kv-tisza",
      "privateLinkServiceConnectionState": {
        "status": "Approved"
      }
    }
  ]
}
```

Our deployment pipeline runs on hosted agents outside the VNet. In which order should the pipeline create the key, grant the registry identity, open whatever needs opening and create crtisza, given that the vault is locked from the start?""",
canonical=[N + "create-the-key-before-the-registry-when-the-vault-is-locked-down"],
related=[N + "the-vault-firewall-covers-the-data-plane-only", S + "create-the-key-before-the-registry-for-restricted-vaults", A + "your-own-permissions-to-create-keys-in-an-rbac-vault"],
facts=["create the key ahead of the registry"],
answer_facts=["create the key before creating the registry"],
truth="""Create the key before crtisza, from a place that can reach the data plane of kv-tisza: a self-hosted agent inside the VNet, or a temporary network rule for the hosted agent's address, because creating a key goes through the vault's own endpoint; in an RBAC vault the pipeline identity also needs a role such as Key Vault Crypto Officer to create it. Next give the registry's user-assigned identity Key Vault Crypto Service Encryption User on kv-tisza (a management-plane change that works from anywhere), make sure kv-tisza lets trusted Azure services through with the default action Deny, and only then run az acr create for crtisza with --identity and --key-encryption-key. Remove any temporary rule afterwards."""),

# ---- deployment_outputs_json ----
dict(key="D1", style="long", kind="troubleshoot", category="identity", quals=["iac"], flags=["deployment_outputs_json", "two_facts"],
question="""Our Bicep deployment creates the identity, the key and crvarda, and a follow-up script reads what it needs from the deployment outputs:

```json
{
  "identityClientId": {
    "type": "String",
    "value": "95db221a-ca9f-4316-a71c-ae496b96b952"
  },
  "identityPrincipalId": {
    "type": "String",
    "value": "f0473b98-d206-4590-9669-98c3d74e4b68"
  },
  "identityResourceId": {
    "type": "String",
    "value": "/subscriptions/3f7084d9-3915-44d6-a2c6-43cb52567821/resourceGroups/rg-varda/providers/Microsoft.ManagedIdentity/userAssignedIdentities/uami-varda-enc"
  },
  "keyUri": {
    "type": "String",
    "value": "https://kv-varda-cmk.vault.azure.net/keys/kek-varda"
  }
}
```

Later the script moves crvarda to a key in a second vault and calls az acr encryption rotate-key with --identity set to identityPrincipalId, since that is the value we used for the role assignment on the new vault. The rotation fails with an identity error, although that role assignment is in place. What is wrong with the script?""",
canonical=[I + "how-rotate-key-interprets-the---identity-value", I + "which-identity-value-goes-where"],
related=[K + "manual-rotation-with-az-acr-encryption-rotate-key", C + "bicep-registry-with-a-customer-managed-key"],
facts=["Both a client ID and a resource ID work for `--identity`."],
answer_facts=["treats a GUID as a client ID", "always uses the principal ID"],
truth="""It hands rotate-key the wrong ID. rotate-key --identity takes the client ID, or the resource ID or name, of a user-assigned identity, and a GUID is taken as a client ID exactly as given, so identityPrincipalId is read as the client ID of an identity that crvarda does not have. Pass identityClientId (or identityResourceId) to --identity, and keep identityPrincipalId for the access grants: role assignments, access policies and Managed HSM local roles always take the principal ID, while the encryption settings store the client ID."""),

dict(key="D2", style="long", kind="howto", category="iac", quals=["iac"], flags=["deployment_outputs_json"],
question="""We deploy crwisla with an ARM template that also exposes the key's identifiers as outputs:

```json
{
  "keyUri": {
    "type": "String",
    "value": "https://kv-wisla.vault.azure.net/keys/kek-wisla"
  },
  "keyUriWithVersion": {
    "type": "String",
    "value": "https://kv-wisla.vault.azure.net/keys/kek-wisla/1d14f4fdc992b649649e58b3e5617324"
  },
  "registryLoginServer": {
    "type": "String",
    "value": "crwisla.azurecr.io"
  }
}
```

The template currently puts the versioned one into keyVaultProperties.keyIdentifier, and since our rotation policy started producing versions the registry has stayed on the first. We want crwisla to follow new versions by itself from now on. What should change in the template, and what do we do about the registry that is already deployed?""",
canonical=[C + "arm-template-json-propertiesencryption-and-keyvaultproperties"],
related=[C + "bicep-registry-with-a-customer-managed-key", K + "switch-from-manual-to-automatic-rotation"],
facts=["`keyUriWithVersion` pins the current version"],
answer_facts=["a versionless URI makes the registry follow"],
truth="""Point keyVaultProperties.keyIdentifier at keyUri, the versionless URI: with no version in the identifier the registry follows new key versions within an hour and keyRotationEnabled reads true, whereas keyUriWithVersion pins it to one version. crwisla already has a CMK, so changing its key is allowed: redeploying the template with the new keyIdentifier is an ordinary key update, the template counterpart of az acr encryption rotate-key --name crwisla --key-encryption-key https://kv-wisla.vault.azure.net/keys/kek-wisla, which does the same from the CLI. Keep identity set to the client ID, and leave read-only properties such as versionedKeyIdentifier out of the template."""),

dict(key="D3", style="long", kind="troubleshoot", category="keys", quals=["hsm", "oct2026", "iac"], flags=["deployment_outputs_json"],
question="""Our Bicep module for the Managed HSM hands these outputs to the registry deployment:

```json
{
  "hsmUri": {
    "type": "String",
    "value": "https://hsm-drwca.managedhsm.azure.net/"
  },
  "cmkKeyName": {
    "type": "String",
    "value": "kek-drwca"
  },
  "hsmPurgeProtection": {
    "type": "Bool",
    "value": true
  }
}
```

Someone read "HSM URI" in our runbook and wired hsmUri straight into --key-encryption-key of az acr create for crdrwca. The CLI happily sent the request, then the create failed and the registry does not exist. The identity's local role on /keys/kek-drwca is there. What exactly does the key URI for a Managed HSM key have to look like, and where should the pipeline get it from?""",
canonical=[T + "managed-hsm-uri-is-not-a-key-uri"],
related=[M + "managed-hsm-key-uris", O + "the-key-encryption-key-kek-and-its-identifier"],
facts=["neither is the bare HSM URI without `/keys/<key-name>`"],
answer_facts=["copies whatever you pass without checking host"],
truth="""hsmUri is only the endpoint of the HSM; the key encryption key must be the HTTPS URI of a key inside it: https://hsm-drwca.managedhsm.azure.net/keys/kek-drwca for the versionless form (automatic rotation), or the same with /<version> appended to pin one version. The CLI copies whatever it is given without checking host or path, so only the service turned the bare Managed HSM host away. Let the pipeline read the key's kid with az keyvault key show --hsm-name hsm-drwca --name kek-drwca (and strip the version for the versionless form), or have the module output hsmUri joined with keys/ and cmkKeyName."""),

dict(key="D4", style="long", kind="no", category="iac", quals=["iac"], flags=["deployment_outputs_json"],
question="""crwieprz was deployed two years ago from a Bicep template without encryption. The platform team has now added the encryption block (status enabled, keyVaultProperties with the client ID of the identity and a versionless key URI) plus the role assignment to the same template, and wants to redeploy it over the existing registry this weekend. The outputs of the last deployment, for reference:

```json
{
  "registryName": {
    "type": "String",
    "value": "crwieprz"
  },
  "skuName": {
    "type": "String",
    "value": "Premium"
  },
  "encryptionStatus": {
    "type": "String",
    "value": "disabled"
  }
}
```

The identity, the key and the role assignment are all ready. Will redeploying the updated template turn on the customer-managed key for crwieprz?""",
canonical=[C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep"],
related=[O + "cmk-can-only-be-enabled-when-the-registry-is-created", O + "moving-an-existing-registry-to-cmk"],
facts=["ACR accepts a customer-managed key only when the registry is created."],
answer_facts=["hits the same rule"],
truth="""No: a customer-managed key can only be set when a registry is created, and redeploying a Bicep or ARM template that adds encryption to an existing registry hits the same rule; expect the service to reject the deployment (its exact error is not documented), and encryptionStatus stays disabled. Deploy the updated template as a new registry under a new name, copy the images of crwieprz into it with az acr import, move clients to the new login server, and retire crwieprz afterwards."""),

# ---- dependabot_pr_body ----
dict(key="B1", style="long", kind="troubleshoot", category="iac", quals=["iac"], flags=["dependabot_pr_body"],
question="""Dependabot opened this on our infra repo last night:

```text
Bumps [hashicorp/azurerm](https://github.com/hashicorp/terraform-provider-azurerm) from 3.117.1 to 4.14.0.

Dependabot will resolve any conflicts with this PR as long as you don't alter it yourself.
```

The plan job on the PR now fails in the module that builds our encrypted registry crnysa:

```text
╷
│ Error: Unsupported argument
│
│   on modules/acr-cmk/registry.tf line 143, in resource "azurerm_container_registry" "this":
│  143:     enabled            = var.cmk_enabled
│
```

(The last line of the box says that argument is not expected there.)

That line sits in the encryption block, right above the key URI and the client ID of the identity. If we delete it, does the provider still know that crnysa must stay encrypted, or will it try to turn the CMK off?""",
canonical=[C + "common-terraform-and-bicep-errors-with-acr-encryption"],
related=[C + "azurerm-4x-removed-encryptionenabled-other-version-changes", O + "cmk-cannot-be-disabled-after-it-is-enabled"],
facts=["the block's presence enables CMK"],
answer_facts=["delete `enabled` from the block"],
truth="""Delete the line. azurerm 4.x removed encryption.enabled (deprecated since 3.102.0), and with 4.14.0 the presence of the encryption block is what configures the CMK, so the two arguments that remain, the key URI and the client ID of the identity, keep crnysa encrypted and the plan should show no change to its encryption. Nothing can turn the CMK off in any case, because the service never allows disabling it; just keep the encryption block in the module for every CMK registry."""),

dict(key="B2", style="long", kind="no", category="iac", quals=["iac"], flags=["dependabot_pr_body"],
question="""Dependabot wants to take us to the next major provider version:

```text
Bumps [hashicorp/azurerm](https://github.com/hashicorp/terraform-provider-azurerm) from 4.58.0 to 5.0.0.
```

While reviewing it, a colleague pointed out that the encryption block of crpilica has confused people before and proposed to remove it from the config in the same PR, because in his words encryption can't be switched off anyway, so Terraform does not need to know about it. Our key vault resource still says enable_rbac_authorization = true. Is it safe to merge the bump with the encryption block of crpilica removed?""",
canonical=[C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs"],
related=[C + "azurerm-4x-removed-encryptionenabled-other-version-changes", O + "cmk-cannot-be-disabled-after-it-is-enabled"],
facts=["keep the block for every CMK registry"],
answer_facts=["azurerm 5.0 guide: an absent block means"],
truth="""No: from 5.0.0 the encryption block is no longer computed, so a registry without it plans an update that the provider's upgrade guide describes as disabling encryption; ACR never allows turning a CMK off, and what such an apply does is not documented. Keep the encryption block for crpilica. The same bump also drops enable_rbac_authorization from azurerm_key_vault, so rename it to rbac_authorization_enabled = true (required from 5.0) before merging."""),

dict(key="B3", style="long", kind="why", category="iac", quals=["iac"], flags=["dependabot_pr_body"],
question="""Routine dependency PR from Dependabot:

```text
Bumps [Azure/avm-res-containerregistry-registry/azurerm](https://github.com/Azure/terraform-azurerm-avm-res-containerregistry-registry) from 0.5.1 to 0.6.0.
```

We expected a no-op, but the plan for crbrda now wants to update its encryption settings in place, even though nobody touched our customer_managed_key input (key_vault_resource_id, key_name and the identity, no key_version). On top of that, init complained about our azurerm pin, which is 4.70.0. Why does a module bump change the encryption of the registry? And what is init unhappy about?""",
canonical=[C + "avm-terraform-module-customer_managed_key-variable"],
related=[C + "automatic-key-rotation-in-terraform-versionless_id-vs-id", K + "versioned-and-versionless-key-ids"],
facts=["v0.3.0-v0.5.1 always used the versioned `id` and ignored `key_version`"],
answer_facts=["require azurerm `>= 4.81.0, < 5.0.0`"],
truth="""Because from 0.6.0 the module passes the key's versionless_id unless key_version is set, whereas 0.5.1 always used the versioned id. The keyIdentifier of crbrda therefore changes from a pinned version to the versionless URI, an in-place key update that puts the registry on automatic rotation (new versions picked up within an hour); set key_version if you want it to stay pinned. The init error comes from the module's provider constraint: v0.6.0 and later require azurerm >= 4.81.0 and < 5.0.0, so the 4.70.0 pin has to go up to at least 4.81.0."""),

dict(key="B4", style="long", kind="yes", category="iac", quals=["hsm", "oct2026", "iac"], flags=["dependabot_pr_body"],
question="""Finally some good news, maybe:

```text
Bumps [hashicorp/azurerm](https://github.com/hashicorp/terraform-provider-azurerm) from 4.61.0 to 4.66.0.
```

For a year our registry module has failed whenever we tried a Managed HSM key, with a complaint that HSM IDs cannot be used as nested items, so crbzura still uses a vault key although our key policy says it belongs in hsm-bzura. The HSM key already exists as an RSA-HSM resource with wrapKey and unwrapKey. Once this is merged, will key_vault_key_id take the URI of a Managed HSM key, and which attribute of our HSM key resource belongs there?""",
canonical=[C + "managed-hsm-key-in-terraform"],
related=[C + "azurerm-4x-removed-encryptionenabled-other-version-changes", K + "move-to-a-different-key-or-to-a-key-in-another-vault"],
facts=["older versions reject any `.managedhsm.` URI in `key_vault_key_id`"],
answer_facts=["use azurerm 4.65.0 or later"],
truth="""Yes: 4.66.0 is past 4.65.0, the release from which key_vault_key_id accepts Managed HSM key URIs. Pass the id of your azurerm_key_vault_managed_hardware_security_module_key, which for HSM keys is the versionless URI (versioned_id is the pinned form, and there is no versionless_id). Give the registry identity Managed HSM Crypto Service Encryption User at /keys/<key name> with azurerm_key_vault_managed_hardware_security_module_role_assignment and list it in depends_on; the switch of crbzura is then an in-place key update, and the vault key with its access should stay until az acr encryption show reports the HSM key."""),

# ---- no new shape ----
dict(key="L1", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="""Setting up our first Managed HSM for registry encryption. Terraform created warnow-mhsm yesterday with three initial administrators and a 90-day retention, provisioning finished, and the portal shows the resource without errors. Today, signed in as one of those administrators, both of these are refused with a message that the HSM cannot serve the request in its current state:

```bash
az keyvault key create --hsm-name warnow-mhsm --name kek-warnow --kty RSA-HSM --ops wrapKey unwrapKey
# and the key-creator role for our pipeline identity:
az keyvault role assignment create --hsm-name warnow-mhsm --role "Managed HSM Crypto User" --assignee-object-id 2a9ee43c-5dbf-42fb-8d00-4e024b166cbd --assignee-principal-type User --scope /keys
```

I expected the Terraform apply to leave the HSM ready for use, and our registry rollout is blocked on it. What is still missing before warnow-mhsm accepts keys and role assignments, and how do we check it?""",
canonical=[T + "managed-hsm-is-not-activated"],
related=[M + "provision-and-activate-the-managed-hsm", M + "requirements-for-a-managed-hsm-key-store"],
facts=["Only an initial administrator can do this."],
answer_facts=["is only the first half"],
truth="""Activation. A Managed HSM accepts no data-plane requests, so no key creation and no local role assignment, until it has been activated, and provisioning is only the first half. One of the initial administrators has to download the security domain, wrapped with at least three RSA public keys and a quorum (for example az keyvault security-domain download --hsm-name warnow-mhsm --sd-wrapping-keys <three .cer files> --sd-quorum 2 --security-domain-file warnow-mhsm-sd.json), and keep the file and the private keys safe for disaster recovery. Check properties.securityDomainProperties.activationStatus with az keyvault show --hsm-name warnow-mhsm; once it reads Active, create the key, then the local roles, then the registry."""),

dict(key="L2", style="long", kind="howto", category="keys", quals=[], flags=[],
question="""Our crypto standard says the key that protects registry content must be HSM-protected, so I tried to create it as RSA-HSM in the vault we already use for other keys:

```bash
az keyvault key create --vault-name kv-bobr-shared --name kek-bobr --kty RSA-HSM --size 3072
```

That fails, and so does the same call with --kty RSA --protection hsm. The vault was created with the CLI defaults a few years ago, and plain RSA keys work fine in it. The registry crbobr does not exist yet, so nothing depends on the key so far. Where and how should the HSM-protected key for crbobr be created?""",
canonical=[T + "rsa-hsm-key-creation-fails-in-a-standard-vault"],
related=[O + "rsa-hsm-keys-need-a-premium-key-vault", S + "step-3-create-the-key-vault-with-purge-protection"],
facts=["A Standard vault (the default) supports software-protected `RSA` keys only."],
answer_facts=["available only on the premium vault tier"],
truth="""kv-bobr-shared is on the default Standard vault tier, which holds software-protected RSA keys only; RSA-HSM, or --protection hsm, needs a vault on the Premium tier. Create a new vault with --sku premium (purge protection on), create kek-bobr there with --kty RSA-HSM, give the user-assigned identity of crbobr access to that vault in its permission model (the Key Vault Crypto Service Encryption User role, or get, wrapKey and unwrapKey), and create crbobr with the new key ID. A Managed HSM, whose keys are always HSM-backed, would also do, but a Premium vault is enough for an RSA-HSM key."""),

dict(key="L3", style="long", kind="howto", category="recovery", quals=[], flags=["two_facts"],
question="""Post-incident question. On Tuesday an engineer deleted kv-narva-enc by mistake while cleaning up a resource group, and pulls from crnarva failed right away. We recovered the vault about an hour later with az keyvault recover; the key and its versions are back and enabled, yet crnarva is still locked out six hours on. The vault uses Azure RBAC, the registry's encryption identity is user-assigned, and nothing else was changed. What else do we need to do to get the registry back? And should we purge any deleted leftovers to be safe?""",
canonical=[V + "re-create-rbac-role-assignments-after-recovering-a-vault", T + "key-vault-or-key-was-deleted"],
related=[V + "recover-a-deleted-key-vault", V + "how-purge-protection-protects-the-registry"],
facts=["Re-create any operator roles (for example Key Vault Crypto Officer) the same way."],
answer_facts=["Access policies are part of the vault", "purging is irreversible"],
truth="""Re-create the registry identity's role assignment: deleting the vault removed its Azure RBAC role assignments, and az keyvault recover does not bring them back (access policies would have returned with the vault). Run az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal --role "Key Vault Crypto Service Encryption User" --scope <resource ID of kv-narva-enc>, add back operator roles such as Key Vault Crypto Officer, and crnarva picks the key up again without any registry command. Do not purge anything: purging is irreversible, and turn on purge protection so that a future deletion cannot become permanent."""),

dict(key="L4", style="long", kind="yes", category="limits", quals=[], flags=[],
question="""Since we started signing images with Notation 1.3 last sprint, every repository on our encrypted registry crlaba has grown a second set of tags named after digests, next to the release tags. Our retention job was about to delete them as junk. A colleague says the customer-managed key of the registry has something to do with it, which sounds odd to me, since signing and encryption seem unrelated. Is it expected that a CMK registry keeps signature links as these extra tags, and do we need to keep them?""",
canonical=[L + "oci-referrers-api-is-not-supported"],
related=[T + "oras-and-notation-store-referrers-as-tags", L + "notation-signatures-on-cmk-registries"],
facts=["deleting them hides those artifacts from discovery"],
answer_facts=["do not support the OCI Referrers API"],
truth="""Yes: registries encrypted with a customer-managed key do not support the OCI Referrers API, so Notation (1.2.0 and later) and ORAS fall back to the referrers tag schema and record the signatures and other artifacts attached to an image under a tag derived from its digest. Those tags are how the signatures on crlaba are found, so keep them: exclude them from the retention job, because deleting them hides the signatures from discovery, and use tools that understand the tag schema, such as notation list or oras discover."""),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="M5", style="agent", form="context", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=["mcp_tool_call"],
question='Context: our setup agent keeps failing at key creation and logged this call `{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"ask_registry_docs","arguments":{"key_store":"hsm-elbe-01","step":"az keyvault key create"}}}` Question: which Managed HSM role gives the person creating the key permission to do it?',
canonical=[M + "requirements-for-a-managed-hsm-key-store"],
related=[M + "local-rbac-roles-for-acr-encryption", A + "your-own-permissions-to-create-keys-in-an-rbac-vault"],
facts=["holds a key-creating local role"],
answer_facts=["for example Managed HSM Crypto User"],
truth="""A key-creating local role inside hsm-elbe-01, for example Managed HSM Crypto User, assigned to whoever runs the key creation rather than to the registry identity, which gets only Managed HSM Crypto Service Encryption User on the key. The HSM also has to be activated before any key can be created."""),

dict(key="R5", style="agent", form="keywords", kind="no", category="limits", quals=[], flags=["resource_graph_result"],
question='resource graph says `{"count":1,"data":[{"name":"crnemunas","sku":"Premium","cmk":"disabled"}],"skip_token":null,"total_records":1}` turn on customer managed key for crnemunas with az acr update, possible or new registry needed',
canonical=[T + "cmk-needs-the-premium-tier"],
related=[O + "cmk-can-only-be-enabled-when-the-registry-is-created", L + "feature-compatibility-summary"],
facts=["`az acr update` has no `--identity` or `--key-encryption-key` option."],
answer_facts=["be set when the registry is created"],
truth="""No: crnemunas cannot get a customer-managed key now. A CMK can only be chosen when a registry is created, az acr update has no identity or key options, and being Premium already changes nothing. Create a new Premium registry with the identity and key, and import the images of crnemunas into it."""),

dict(key="P5", style="agent", form="context", kind="why", category="network", quals=[], flags=["private_endpoint_json"],
question='Context: kv-sieg sits behind `{"name":"pe-kv-sieg","privateLinkServiceConnections":[{"groupIds":["vault"],"privateLinkServiceId":"/subscriptions/a03505e2-9216-4040-89eb-bbcccb54d18f/resourceGroups/rg-sieg/providers/Microsoft.KeyVault/vaults/kv-sieg"}]}` and from my laptop the set-policy for the registry identity works but az keyvault key create is refused. Question: why only the key command?',
canonical=[N + "the-vault-firewall-covers-the-data-plane-only"],
related=[N + "allow-your-own-clients-through-the-vault-firewall", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
facts=["These rules are for your clients."],
answer_facts=["do not pass through that filter"],
truth="""Because the firewall and private endpoint of kv-sieg filter only its data plane. Creating a key is a call to the vault's own endpoint, which your laptop outside the network cannot reach, while access policies, role assignments and network settings are changed through Azure Resource Manager and are not filtered. Create keys from an allowed network or add your address as a network rule; the registry itself gets through with the trusted-services exception."""),

dict(key="D5", style="agent", form="imperative", kind="howto", category="iac", quals=["iac"], flags=["deployment_outputs_json"],
question='Write the az command that gives the registry identity key access, using these Bicep deployment outputs: `{"identityPrincipalId":{"type":"String","value":"77a507cd-34fc-4611-91f1-df126aed826c"},"vaultId":{"type":"String","value":"/subscriptions/e54f499b-d675-4138-8306-e552fb6803c1/resourceGroups/rg-notec/providers/Microsoft.KeyVault/vaults/kv-notec"},"vaultRbac":{"type":"Bool","value":true}}`',
canonical=[S + "option-a-azure-rbac-role-on-an-rbac-vault"],
related=[A + "grant-access-with-an-azure-rbac-role", A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities"],
facts=["A managed identity counts as `ServicePrincipal` there."],
answer_facts=["it is not required and grants more"],
truth="""vaultRbac is true, so grant an Azure role, not an access policy: az role assignment create --assignee-object-id 77a507cd-34fc-4611-91f1-df126aed826c --assignee-principal-type ServicePrincipal --role "Key Vault Crypto Service Encryption User" --scope /subscriptions/e54f499b-d675-4138-8306-e552fb6803c1/resourceGroups/rg-notec/providers/Microsoft.KeyVault/vaults/kv-notec. The registry identity needs no other role, Key Vault Crypto User included."""),

dict(key="B5", style="agent", form="context", kind="value", category="iac", quals=["iac"], flags=["dependabot_pr_body"],
question='Context: after merging `Bumps [hashicorp/azurerm](https://github.com/hashicorp/terraform-provider-azurerm) from 4.41.0 to 4.42.0.` terraform plan warns that enable_rbac_authorization on the key vault behind our CMK registry is deprecated. Question: what is the argument called now?',
canonical=[C + "complete-terraform-example-with-key-vault-role-assignment-and-registry"],
related=[C + "azurerm-4x-removed-encryptionenabled-other-version-changes", A + "which-permission-model-does-my-key-vault-use"],
facts=["Written for azurerm 4.42 or later (the `rbac_authorization_enabled` name) and 5.x."],
answer_facts=["enable_rbac_authorization before 4.42"],
truth="""rbac_authorization_enabled: 4.42.0 renamed enable_rbac_authorization to it, deprecating the old name, which 5.0 removes. Set rbac_authorization_enabled = true to keep the vault on the RBAC model; the rename changes nothing about the Key Vault Crypto Service Encryption User role of the registry identity."""),

dict(key="G1", style="agent", form="imperative", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="List the az commands to create a Premium registry crwda encrypted with a new key in the activated Managed HSM hsm-wda, including how its user-assigned identity gets access to that key",
canonical=[M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli"],
related=[M + "local-rbac-roles-for-acr-encryption", S + "using-a-managed-hsm-key-instead-of-a-key-vault"],
facts=["New local role assignments can take several minutes to take effect."],
answer_facts=["not with `az role assignment create`"],
truth="""Signed in with a key-creating local role such as Managed HSM Crypto User: az keyvault key create --hsm-name hsm-wda --name kek-wda --kty RSA-HSM --ops wrapKey unwrapKey; then az keyvault role assignment create --hsm-name hsm-wda --role "Managed HSM Crypto Service Encryption User" --assignee-object-id <identity principal ID> --assignee-principal-type MSI --scope /keys/kek-wda, which ACR never creates for you (give it a few minutes); read the kid with az keyvault key show --hsm-name hsm-wda --name kek-wda and drop the version for automatic rotation; az acr create --resource-group <rg> --name crwda --identity <identity resource ID> --key-encryption-key <key URI> --sku Premium; check with az acr encryption show --name crwda."""),

dict(key="G2", style="agent", form="imperative", kind="howto", category="recovery", quals=[], flags=[],
question="Show how to revoke the access of crwkra to its key in the RBAC vault kv-wkra without deleting the key, and how to see beforehand what the delete will remove",
canonical=[V + "revoke-by-deleting-the-rbac-role-assignment"],
related=[V + "what-revocation-does-to-the-registry", V + "restore-access-after-a-revocation"],
facts=["There is no partial revocation per repository."],
answer_facts=["removes every assignment that matches its filters"],
truth="""Take the identity's principal ID and the vault ID, then list with the same filters you will delete with: az role assignment list --assignee-object-id <principal ID> --role "Key Vault Crypto Service Encryption User" --scope <kv-wkra ID>, because az role assignment delete removes every match; then run az role assignment delete with those filters. Also remove any other role on kv-wkra or a parent scope that lets the identity wrap and unwrap (Key Vault Crypto User, an inherited assignment), or access continues. From then on all data of crwkra is blocked until the role is granted again."""),

dict(key="G3", style="agent", form="imperative", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question="Explain why granting our registry identity with az keyvault set-policy fails, saying it cannot set policies on an RBAC-enabled vault created last week with CLI 2.64, and give the fix",
canonical=[T + "set-policy-fails-on-an-rbac-key-vault"],
related=[A + "azure-cli-262-and-later-create-rbac-vaults-by-default", A + "grant-access-with-an-azure-rbac-role"],
facts=["Older guides that create a vault and then run `az keyvault set-policy` therefore fail on a current CLI."],
answer_facts=["the CLI refuses to edit them"],
truth="""Since azure-cli 2.62.0 az keyvault create makes vaults that use the Azure RBAC permission model unless told otherwise, and on such a vault the CLI refuses to touch access policies. Grant the role instead: az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal --role "Key Vault Crypto Service Encryption User" --scope <vault resource ID>. set-policy only applies to a vault created with --enable-rbac-authorization false."""),

dict(key="G4", style="agent", form="keywords", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question="content trust enable fails on cmk registry crlyna, deployment error BlockedForEncryptionEnabledRegistry, need image signing that works there instead",
canonical=[T + "content-trust-cannot-be-enabled"],
related=[L + "docker-content-trust-is-not-supported", L + "docker-content-trust-is-being-retired-use-notation"],
facts=["DCT is removed on **2028-03-31**"],
answer_facts=["so the service blocks turning it on"],
truth="""Docker Content Trust cannot be enabled on a registry encrypted with a customer-managed key, which is what BlockedForEncryptionEnabledRegistry reports, and DCT is being retired in ACR anyway (deprecated since 2025-03-31, removed on 2028-03-31). Leave content trust off on crlyna, drop the trust policy from the template, and sign with Notation from the Notary Project, for example with its Azure Key Vault plug-in; on a CMK registry its signatures are kept through the referrers tag schema."""),

dict(key="G5", style="agent", form="keywords", kind="yes", category="keys", quals=["hsm", "oct2026"], flags=[],
question="byok into managed hsm: import our own rsa key generated on premises into hsm-ner and use it as the registry key, supported by the acr docs now",
canonical=[M + "managed-hsm-is-a-supported-key-store-for-acr-cmk"],
related=[O + "bring-your-own-key-byok", M + "requirements-for-a-managed-hsm-key-store"],
facts=["Both key stores support both"],
answer_facts=["imported into it (bring your own key)"],
truth="""Yes: since the October 2026 revision the ACR CMK tutorials document Managed HSM as a supported key store, and the key may be generated in the HSM or imported into it. Import it into hsm-ner as an RSA-HSM key that permits wrapKey and unwrapKey, give the registry identity Managed HSM Crypto Service Encryption User at /keys/<key name>, and point the registry at its key URI, at creation or later with rotate-key."""),

dict(key="G6", style="agent", form="context", kind="undocumented", category="keys", quals=[], flags=[],
question="Context: the template of our crypto standard asks which RSA key size the service requires for registry encryption. Question: does ACR mandate 2048, 3072 or 4096 bits for a customer-managed key?",
canonical=[O + "requirements-at-a-glance"],
related=[O + "which-key-types-and-sizes-are-supported", O + "key-sizes-offered-by-key-vault"],
facts=["This is a Key Vault statement, not an ACR one."],
answer_facts=["Not stated by ACR"],
truth="""Not documented: the ACR CMK articles name no key size; they only require an RSA or RSA-HSM key and rule out EC keys. Key Vault itself offers RSA keys of 2048, 3072 and 4096 bits, so record whichever of them your standard asks for."""),

dict(key="G7", style="agent", form="context", kind="howto", category="rotation", quals=[], flags=[],
question="Context: registry crnetze uses a versionless key URI for its key in kv-netze. Question: how do I make the vault produce a new key version every 90 days so the registry rotates without a manual step?",
canonical=[K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy"],
related=[K + "automatic-rotation-with-a-versionless-key-id", L + "pricing-considerations"],
facts=["Durations are ISO 8601 (`P90D` = 90 days, `P2Y` = 2 years)."],
answer_facts=["makes Key Vault create new versions"],
truth="""Give the key a rotation policy: az keyvault key rotation-policy update --vault-name kv-netze --name <key> --value with a lifetime action of type Rotate triggered at timeAfterCreate P90D, plus an expiryTime such as P2Y. Key Vault then creates the versions, and because the key URI of crnetze is versionless the registry moves to each new one within an hour. Managing the policy needs Key Vault Crypto Officer on an RBAC vault (or rotate, getrotationpolicy and setrotationpolicy), and Key Vault bills each automated rotation."""),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="undocumented", category="keys", quals=[], flags=[], typo="heirarchy",
question="does acr document the key heirarchy it uses under a cmk?",
canonical=[O + "what-customer-managed-key-encryption-adds-to-a-registry"],
related=[O + "the-key-encryption-key-kek-and-its-identifier", O + "identity-and-key-access-requirements"],
facts=["treat that as an inference"],
answer_facts=["does not describe the internal key hierarchy"],
truth="""Not documented: the ACR docs do not describe the internal key hierarchy. Because the registry identity may only get, wrap and unwrap the key, the customer-managed key probably wraps the registry's own encryption keys rather than encrypting layers itself, but that is an inference, not a documented design."""),

dict(key="S2", style="short", kind="yes", category="setup", quals=[], flags=["two_facts"], typo="independant",
question="is the cmk layer independant of microsoft's own encryption at rest?",
canonical=[O + "default-encryption-at-rest-without-a-cmk", O + "what-customer-managed-key-encryption-adds-to-a-registry"],
related=[O + "why-teams-use-a-customer-managed-key"],
facts=["it is not needed to get encryption at rest"],
answer_facts=["still encrypted at rest with Microsoft-managed keys", "a second layer on top of it"],
truth="""Yes: the CMK sits as an extra, separate layer above the platform encryption with Microsoft-managed keys, which every registry gets regardless and which stays switched on; your own key never takes its place."""),

dict(key="S3", style="short", kind="no", category="rotation", quals=[], flags=[], typo="arbitary",
question="can a kv rotation policy rotate at arbitary intervals, say every 3 days",
canonical=[K + "how-often-to-rotate"],
related=[K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", K + "create-a-new-version-in-a-managed-hsm"],
facts=["The shortest allowed rotation interval is **7 days** in a key vault"],
answer_facts=["allow anything from 7 days up"],
truth="""No: a rotation policy in a key vault cannot rotate more often than every 7 days (in a Managed HSM every 28 days). Any interval from there up is allowed, and the ACR docs set no fixed frequency, only regular rotation per your compliance policy."""),

dict(key="S4", style="short", kind="howto", category="limits", quals=[], flags=[],
question="az cli one-liner to list every registry in a subscription with its cmk status",
canonical=[L + "check-the-encryption-status-of-a-registry"],
related=[S + "step-8-verify-the-encryption-status", L + "azure-policy-built-in-for-cmk"],
facts=["In the portal, open the registry and go to **Settings > Encryption**."],
answer_facts=["To list every registry in the subscription"],
truth="""One command covers the whole subscription: az acr list --query "[].{name:name, sku:sku.name, cmk:encryption.status}" --output table, where the cmk column reads enabled for each registry that has a customer-managed key. For the details of a single registry: az acr encryption show --name <registry>."""),

dict(key="S5", style="short", kind="value", category="recovery", quals=["hsm", "oct2026"], flags=[],
question="what does a soft-deleted managed hsm cost us until we purge it?",
canonical=[L + "pricing-considerations"],
related=[V + "recover-a-deleted-managed-hsm", M + "recover-a-deleted-managed-hsm-key-or-hsm"],
facts=["A soft-deleted Managed HSM keeps being billed while it waits"],
answer_facts=["keeps costing money until it is recovered"],
truth="""The billing carries on: a soft-deleted Managed HSM is still billed until it is recovered or purged, because its HSM capacity stays allocated. Purge it only once no registry needs its keys, since purging destroys them for good."""),

dict(key="S6", style="short", kind="howto", category="identity", quals=[], flags=[],
question="uami prep before rotate-key to a key in a second kv?",
canonical=[A + "access-to-a-key-in-a-second-key-vault"],
related=[K + "move-to-a-different-key-or-to-a-key-in-another-vault", K + "manual-rotation-with-az-acr-encryption-rotate-key"],
facts=["Keep the old vault and key, with access, until `az acr encryption show` reports the new key."],
answer_facts=["Access is granted per vault"],
truth="""Grant it access on the second vault first, in that vault's own permission model: Key Vault Crypto Service Encryption User on the vault (RBAC) or get, wrapKey and unwrapKey through set-policy (access policies). The grant on the old vault does not carry over; rotate only once the new grant exists, and keep the old vault and key until az acr encryption show reports the new key."""),

dict(key="S7", style="short", kind="howto", category="setup", quals=[], flags=[],
question="how do i see which permission model our kv uses before granting acr?",
canonical=[A + "which-permission-model-does-my-key-vault-use"],
related=[A + "two-supported-ways-to-grant-key-access", A + "changing-an-existing-vaults-permission-model"],
facts=["RBAC data-plane roles such as Key Vault Crypto Service Encryption User have no effect on it."],
answer_facts=["the vault uses Azure RBAC"],
truth="""Check the enableRbacAuthorization property that az keyvault show --name <vault> --resource-group <rg> returns under properties: when it is true the vault works with Azure RBAC and the registry identity needs the Key Vault Crypto Service Encryption User role; when it is false or missing the vault works with access policies and the identity needs set-policy with get, wrapKey and unwrapKey."""),

dict(key="S8", style="short", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question="az keyvault create --enable-soft-delete gives unrecognized arguments, what now",
canonical=[S + "azure-cli-version-notes-for-cmk-commands"],
related=[O + "soft-delete-and-purge-protection-on-the-key-vault", S + "step-3-create-the-key-vault-with-purge-protection"],
facts=["The current CLI has no `--enable-soft-delete` option; do not pass one."],
answer_facts=["soft delete is always on"],
truth="""Drop the flag: --enable-soft-delete is gone from the Azure CLI (removed before 2.45) because soft delete is always on for new vaults. Keep --enable-purge-protection if you want purge protection, which the ACR docs recommend for CMK vaults."""),

dict(key="S9", style="short", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question="acr task logs from yesterday are gone on our cmk registry",
canonical=[L + "acr-tasks-run-logs-are-kept-for-only-24-hours"],
related=[L + "export-task-run-logs-before-they-expire", T + "task-run-logs-disappear-after-24-hours"],
facts=["Logs that have already aged out cannot be retrieved"],
answer_facts=["retained for **24 hours** only"],
truth="""Expected on a registry with a customer-managed key: ACR Tasks keeps run logs for only 24 hours there, and no setting extends that. Save each run's output with az acr task logs --registry <registry> --run-id <run ID> to a file or storage account from the pipeline that starts the run."""),

dict(key="S10", style="short", kind="value", category="identity", quals=[], flags=[],
question="which rbac role does the registry identity need on the kv?",
canonical=[A + "two-supported-ways-to-grant-key-access"],
related=[A + "why-key-vault-crypto-user-is-not-needed", A + "grant-access-with-a-key-vault-access-policy"],
facts=["never to its client ID or resource ID"],
answer_facts=["role **Key Vault Crypto Service Encryption User**"],
truth="""Key Vault Crypto Service Encryption User, assigned to the identity's principal ID and scoped to the key vault; a vault that uses access policies needs get, wrapKey and unwrapKey instead."""),

dict(key="S11", style="short", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="at what scope should the managed hsm role for the acr identity sit?",
canonical=[O + "identity-and-key-access-requirements"],
related=[M + "local-rbac-roles-for-acr-encryption", A + "grant-access-to-a-key-in-a-managed-hsm"],
facts=["`/keys` or `/` also work but grant more"],
answer_facts=["preferably scoped to the key"],
truth="""At the key itself, /keys/<key-name>: the Managed HSM Crypto Service Encryption User assignment of the registry identity is best scoped to that one key for least privilege; /keys or / also work but reach more keys."""),

dict(key="S12", style="short", kind="why", category="network", quals=[], flags=[],
question="why isn't the role enough when our kv has a firewall?",
canonical=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
related=[N + "azure-container-registry-in-key-vaults-trusted-services-list", O + "network-requirement-for-a-locked-down-key-vault"],
facts=["The bypass only opens the network path."],
answer_facts=["the registry cannot reach the key"],
truth="""Because the role and the firewall are separate gates: the role decides what the identity may do with the key, and the vault firewall decides whether the call gets through at all. The registry passes a restricted vault only through the trusted Azure services exception, so turn that on too; the exception in turn grants no key access by itself."""),
]

# ---------------- off-topic ----------------
OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind="off-topic", category=OFF, subject="excalidraw", near_miss=True,
question="""We self-host Excalidraw for architecture sketches and pull its image from our own container registry. A link to one shared drawing, including the key after the # that decrypts it, was pasted into a public channel yesterday. How do I make that drawing unreadable for whoever holds the old link, and hand the team a fresh link?""",
truth="""Not covered: withdrawing a shared Excalidraw drawing and the key in its link is whiteboard-app handling; the ACR customer-managed key material has nothing on it."""),
dict(key="X2", style="long", kind="off-topic", category=OFF, subject="adguard home", near_miss=True,
question="""AdGuard Home answers DNS for our build hosts, including the lookups for our container registry, and it serves DNS-over-HTTPS with a certificate we issued ourselves. The private key behind that certificate was copied to a team drive by mistake, so it has to be replaced. Where in AdGuard Home do I swap the certificate and its private key, and do the clients need any change afterwards?""",
truth="""Not covered: replacing the TLS certificate and private key of AdGuard Home's encrypted DNS is DNS-server configuration, unrelated to ACR encryption with customer-managed keys."""),
dict(key="X3", style="long", kind="off-topic", category=OFF, subject="actual budget", near_miss=True,
question="""Our team tracks shared expenses in Actual Budget, which runs from an image in our private container registry. End-to-end encryption is on for the budget file, and the person who chose the key password has left. How do I change that password in Actual Budget, and what happens to the devices that are already synced?""",
truth="""Not covered: changing the end-to-end encryption password of an Actual Budget file is expense-app administration, outside ACR encryption with customer-managed keys."""),
dict(key="X4", style="long", kind="off-topic", category=OFF, subject="netbox", near_miss=True,
question="""NetBox is our source of truth for the hosts and networks behind our container registry. Its SECRET_KEY setting was pasted into a ticket by mistake, and security wants the key changed. What does NetBox use that key for, and can I replace it without logging everyone out or losing anything it stores?""",
truth="""Not covered: the SECRET_KEY of NetBox and what rotating it breaks belong to that inventory tool; customer-managed keys for Azure Container Registry are a different subject."""),
dict(key="X5", style="long", kind="off-topic", category=OFF, subject="oxidized", near_miss=True,
question="""Oxidized backs up the running configs of the switches in our build network, and its container image comes from our private container registry. It logs in to the devices with an SSH key whose private half sits in the volume of the Oxidized container, and the network team now wants that key replaced on all 40 switches. How do I point Oxidized at a new key without breaking the nightly backups?""",
truth="""Not covered: switching the SSH key that Oxidized uses to log in to network devices is network-automation housekeeping, unrelated to registry encryption with customer-managed keys."""),
dict(key="X6", style="long", kind="off-topic", category=OFF, subject="penpot",
question="""Our UX team moved from a hosted design tool to a self-hosted Penpot instance. Since the move, exporting a board to PDF produces blank pages for every frame that uses one of our custom fonts, while PNG exports of the same frames look fine. Where does Penpot keep uploaded fonts, and what do we have to configure so that the exporter can see them?""",
truth="""Not covered: fonts in Penpot's PDF export are a design-tool issue with no connection to Azure Container Registry encryption."""),
dict(key="X7", style="agent", form="context", kind="off-topic", category=OFF, subject="grist",
question="Context: finance keeps its budget tables in a self-hosted Grist server. Question: how do we let each team edit only the rows of its own department?",
truth="""Not covered: row-level access rules in Grist are spreadsheet-database administration, outside ACR customer-managed keys."""),
dict(key="X8", style="agent", form="imperative", kind="off-topic", category=OFF, subject="nocodb",
question="Explain how to connect NocoDB to an existing SQL database without letting it change the schema",
truth="""Not covered: connecting NocoDB to an external database without schema changes is no-code tooling, unrelated to the Azure Container Registry CMK topic."""),
dict(key="X9", style="agent", form="keywords", kind="off-topic", category=OFF, subject="baserow",
question="baserow self hosted backup and restore of a whole workspace between two servers, which command",
truth="""Not covered: moving Baserow workspaces between servers is database-app administration, not part of the ACR customer-managed key knowledge."""),
dict(key="X10", style="short", kind="off-topic", category=OFF, subject="octoprint",
question="how do i add a webcam stream to octoprint?",
truth="""Not covered: OctoPrint webcam setup is 3D-printer software, far from ACR encryption."""),
dict(key="X11", style="short", kind="off-topic", category=OFF, subject="calibre-web",
question="calibre-web will not show covers for newly added books",
truth="""Not covered: missing covers in Calibre-Web are an e-book library issue, unrelated to registry encryption with customer-managed keys."""),
dict(key="X12", style="short", kind="off-topic", category=OFF, subject="tasmota",
question="can tasmota switch a relay off ten minutes after turning it on?",
truth="""Not covered: timer rules on Tasmota devices are home-automation firmware, not ACR customer-managed keys."""),
]

QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"heirarchy": "hierarchy", "independant": "independent", "arbitary": "arbitrary"}
SHAPES = ["two_facts", "mcp_tool_call", "resource_graph_result", "private_endpoint_json", "deployment_outputs_json",
          "dependabot_pr_body"]
SEED = 69
ID_PREFIX = "ag"

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
SPREAD_SETS = (68, 67)
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
    """(blind69.json text, blind69-meta.json text, blind69-first-canonicals.txt text)"""
    entries, meta = build()
    j = json.dumps(entries, indent=1, ensure_ascii=False) + "\n"
    m = json.dumps(meta, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    f = "\n".join(firsts) + "\n"
    return j, m, f


def main(out=HERE):
    j, m, f = render()
    for name, text in (("blind69.json", j), ("blind69-meta.json", m), ("blind69-first-canonicals.txt", f)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
