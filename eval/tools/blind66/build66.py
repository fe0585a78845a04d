"""blind66 builder: holds the 60 questions (QUESTIONS) and writes blind66.json, blind66-meta.json and
blind66-first-canonicals.txt. render() returns the three files' exact text (check66.py compares it byte for byte)."""
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
# ---- service_tag_json ----
dict(key="A1", style="long", kind="no", category="network", quals=[], flags=["service_tag_json"],
question="""Our network team wants to tighten kv-alder, the vault that holds the key of our Premium registry cralder. Their plan: add the published address ranges of the registry service in our region as IP rules, then untick "Allow trusted Microsoft services". This is the entry they took from this week's service tags download:

```json
{
  "name": "AzureContainerRegistry.WestEurope",
  "id": "AzureContainerRegistry.WestEurope",
  "properties": {
    "changeNumber": 31,
    "region": "westeurope",
    "regionId": 18,
    "platform": "Azure",
    "systemService": "AzureContainerRegistry",
    "addressPrefixes": [
      "20.61.99.64/26",
      "20.103.81.128/25",
      "51.124.193.0/26",
      "2603:1020:206:402::80/123"
    ],
    "networkFeatures": ["API", "NSG", "UDR", "FW"]
  }
}
```

Once those prefixes sit in the vault's network rules, can the trusted-services exception be switched off without cralder losing access to its key?""",
canonical=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
related=[N + "azure-container-registry-in-key-vaults-trusted-services-list", N + "allow-your-own-clients-through-the-vault-firewall", N + "allow-trusted-services-and-deny-other-traffic"],
facts=["These rules are for your clients."],
answer_facts=["without it the registry cannot reach"],
truth="""No: keep the exception on. cralder gets to kv-alder as a trusted Azure service (Key Vault lists Azure Container Registry among the services it lets through for customer-managed key encryption), and without the AzureServices bypass the registry cannot reach its key, whatever ranges are listed. The AzureContainerRegistry.WestEurope prefixes are not a substitute; network rules are meant for your own clients, such as admins or pipelines that add key versions. The bypass only clears the network path, so the identity's role or access policy on the vault stays necessary too."""),

dict(key="A2", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["service_tag_json"],
question="""We are about to create crrowan with its key in hsm-rowan, and the HSM firewall already denies public traffic. Our network engineer suggested allowing the registry service's ranges on the HSM and pasted this from `az network list-service-tags --location northeurope`:

```json
[
  {
    "id": "AzureContainerRegistry.NorthEurope",
    "name": "AzureContainerRegistry.NorthEurope",
    "properties": {
      "addressPrefixes": [
        "13.69.227.80/29",
        "20.50.72.128/26",
        "52.146.131.32/27"
      ],
      "changeNumber": "12",
      "region": "northeurope",
      "state": "GA",
      "systemService": "AzureContainerRegistry"
    },
    "serviceTagChangeNumber": "205"
  }
]
```

How should hsm-rowan be opened for the registry instead, and does that have to happen before az acr create runs?""",
canonical=[O + "network-requirement-for-a-locked-down-key-vault"],
related=[M + "managed-hsm-firewall-and-trusted-services", N + "managed-hsm-firewall-and-trusted-services", M + "requirements-for-a-managed-hsm-key-store"],
facts=["the registry needs the key at the moment it is created"],
answer_facts=["the same applies to a managed hsm"],
truth="""Open it through the Managed HSM's trusted-services bypass rather than with the AzureContainerRegistry.NorthEurope ranges: az keyvault update-hsm --hsm-name hsm-rowan --resource-group <rg> --bypass AzureServices --default-action Deny, and yes, before az acr create, because the registry already needs its key while it is being created. Confirm with az keyvault show --hsm-name hsm-rowan (networkAcls). The bypass only clears the network; the registry identity still needs the local role Managed HSM Crypto Service Encryption User on the key, which you create yourself beforehand. Add IP rules only for your own clients, for example whoever creates key versions."""),

dict(key="A3", style="long", kind="howto", category="network", quals=[], flags=["service_tag_json"],
question="""Reviewing the runbook for a new registry, crhazel, whose key will live in kv-hazel. The vault must end up reachable from our hub network only. The draft says: first set kv-hazel to deny everything, add the tag below as the single allow rule, then create the key from an engineer's laptop, and finally create the registry.

```json
{
  "values": [
    {
      "name": "AzureContainerRegistry",
      "id": "AzureContainerRegistry",
      "properties": {
        "changeNumber": 58,
        "region": "",
        "systemService": "AzureContainerRegistry",
        "addressPrefixes": ["4.149.249.208/28", "13.66.140.72/29", "20.37.69.0/26"]
      }
    }
  ]
}
```

In which order should these steps really run so that the key gets created and the registry can use it?""",
canonical=[N + "create-the-key-before-the-registry-when-the-vault-is-locked-down"],
related=[N + "allow-trusted-services-and-deny-other-traffic", S + "create-the-key-before-the-registry-for-restricted-vaults", N + "the-vault-firewall-covers-the-data-plane-only"],
facts=["Turn on the trusted-services bypass and set the default action to `Deny`."],
answer_facts=["create the key before creating the registry"],
truth="""Create kv-hazel and its key while the laptop can still reach the vault's data plane (or from an allowed network), give crhazel's user-assigned identity its role or access policy, then set the bypass to AzureServices with the default action Deny, and only after that run az acr create with --identity and --key-encryption-key. Take the AzureContainerRegistry rule out of the plan: the registry gets through as a trusted service, not by address. And once the default action is Deny, the laptop cannot create or rotate keys unless its own address is allowed."""),

# ---- resource_change_record ----
dict(key="B1", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["resource_change_record"],
question="""Since Tuesday every pull from crjuniper ends in 403. Its key is kek-juniper in hsm-juniper, configured with the versionless URI. Nobody owns up to a change, but the registry's change history in Resource Graph shows this:

```json
{
  "targetResourceId": "/subscriptions/7c1d2e40-95ab-4f61-8e0a-3b2c9d4f6a18/resourceGroups/rg-juniper/providers/Microsoft.ContainerRegistry/registries/crjuniper",
  "targetResourceType": "microsoft.containerregistry/registries",
  "changeType": "Update",
  "changeAttributes": {
    "timestamp": "2026-11-24T16:02:51.117Z",
    "changesCount": 2,
    "correlationId": "e4a0b7c2-1f38-4d95-a6e3-80c5f2d19b47"
  },
  "changes": {
    "identity.type": {
      "previousValue": "UserAssigned",
      "newValue": "SystemAssigned, UserAssigned",
      "changeCategory": "User",
      "propertyChangeType": "Update"
    },
    "properties.encryption.keyVaultProperties.identity": {
      "previousValue": "3f8b0e21-6c4d-4a97-b215-9d7e0c6a4f32",
      "newValue": "system",
      "changeCategory": "User",
      "propertyChangeType": "Update"
    }
  }
}
```

The old user-assigned identity has kept its local role, scoped to /keys/kek-juniper. What broke, and what must be granted in hsm-juniper to get pulls working again?""",
canonical=[T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
related=[I + "switch-to-the-registrys-system-assigned-identity-after-creation", M + "local-rbac-roles-for-acr-encryption"],
facts=["Wait several minutes for the local role to take effect"],
answer_facts=["the previous identity after a switch"],
truth="""Someone moved encryption to crjuniper's system-assigned identity: keyVaultProperties.identity changed from the user-assigned identity's client ID to system, and that new principal holds no local role in hsm-juniper, so the registry can no longer unwrap with kek-juniper. Read its principal ID with az acr identity show --name crjuniper --query principalId -o tsv and have a Managed HSM Administrator, Crypto Officer or Policy Administrator run az keyvault role assignment create --hsm-name hsm-juniper --role "Managed HSM Crypto Service Encryption User" --assignee-object-id <that ID> --assignee-principal-type MSI --scope /keys/kek-juniper, then allow several minutes. The other way out is to rotate back with az acr encryption rotate-key --identity 3f8b0e21-6c4d-4a97-b215-9d7e0c6a4f32."""),

dict(key="B2", style="long", kind="why", category="rotation", quals=[], flags=["resource_change_record"],
question="""A rotation policy on kek-sorrel in kv-sorrel has produced a new version every 90 days since spring, and crsorrel used to pick each one up within the hour. The version created on 3 November never got used. This is the registry's change record from October:

```json
{
  "targetResourceId": "/subscriptions/0d6e3a91-28b4-4c57-9f13-a6e2b8c40d75/resourceGroups/rg-sorrel/providers/Microsoft.ContainerRegistry/registries/crsorrel",
  "changeType": "Update",
  "changeAttributes": {"timestamp": "2026-10-14T09:41:07Z", "changesCount": 2},
  "changes": {
    "properties.encryption.keyVaultProperties.keyIdentifier": {
      "previousValue": "https://kv-sorrel.vault.azure.net/keys/kek-sorrel",
      "newValue": "https://kv-sorrel.vault.azure.net/keys/kek-sorrel/5e9a1c07d3b24f68a2c4e0b71d93f856",
      "propertyChangeType": "Update"
    },
    "properties.encryption.keyVaultProperties.keyRotationEnabled": {
      "previousValue": "true",
      "newValue": "false",
      "propertyChangeType": "Update"
    }
  }
}
```

Why did the registry stop following the policy after that change?""",
canonical=[T + "registry-keeps-using-an-old-key-version"],
related=[K + "switch-from-manual-to-automatic-rotation", K + "check-which-key-version-the-registry-uses"],
facts=["Only a versionless ID makes the registry poll the key store"],
answer_facts=["it does not move the registry"],
truth="""Because the October update pinned crsorrel to a single version: keyIdentifier now ends in /5e9a1c07d3b24f68a2c4e0b71d93f856, and with a versioned key ID the registry stays on that version (keyRotationEnabled false) until someone rotates by hand. The rotation policy keeps making versions, but making them never moves the registry. Point it back at the versionless ID, az acr encryption rotate-key --name crsorrel --key-encryption-key https://kv-sorrel.vault.azure.net/keys/kek-sorrel (without --identity the current identity stays), and it moves to the newest version within about an hour."""),

dict(key="B3", style="long", kind="troubleshoot", category="keys", quals=[], flags=["resource_change_record"],
question="""All pushes and pulls on crbirch have failed since 14:10 yesterday. The vault team says they only "modernised" kv-birch. Its change history:

```json
{
  "targetResourceId": "/subscriptions/5a2f8c19-7e03-4b6d-91c4-2d8e0f7b3a65/resourceGroups/rg-birch/providers/Microsoft.KeyVault/vaults/kv-birch",
  "targetResourceType": "microsoft.keyvault/vaults",
  "changeType": "Update",
  "changeAttributes": {"timestamp": "2026-12-01T14:08:33Z", "changesCount": 1},
  "changes": {
    "properties.enableRbacAuthorization": {
      "previousValue": "false",
      "newValue": "true",
      "changeCategory": "User",
      "propertyChangeType": "Update"
    }
  }
}
```

The registry's user-assigned identity had a get/wrapKey/unwrapKey access policy and nothing more. Why would flipping that one property cut the registry off? What is the quickest safe repair?""",
canonical=[A + "changing-an-existing-vaults-permission-model"],
related=[A + "which-permission-model-does-my-key-vault-use", A + "grant-access-with-an-azure-rbac-role", T + "role-assignment-has-no-effect-on-an-access-policy-vault"],
facts=["The ACR docs do not discuss switching models."],
answer_facts=["the old access policies stop counting"],
truth="""Setting enableRbacAuthorization to true moved kv-birch to the Azure RBAC permission model, under which access policies are ignored, so the identity's get/wrapKey/unwrapKey policy grants nothing any more and the registry lost its key. Repair it without flipping again: give the same identity Key Vault Crypto Service Encryption User on the vault (az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal --role "Key Vault Crypto Service Encryption User" --scope <kv-birch resource ID>); crbirch recovers once the assignment is in effect. Switching back to access policies would also work, but it would hit every other application that now relies on roles. Next time, grant under the new model first and switch afterwards."""),

# ---- hex_dump ----
dict(key="C1", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["hex_dump"],
question="""Our bootstrap script writes the HSM key ID to a file on a Windows build host, and a Linux job reads it later:

```text
$ KEK="$(cat kek-aspen.txt)"
$ az acr create -n craspen -g rg-aspen --sku Premium --identity id-aspen --key-encryption-key "$KEK"
ERROR: (InvalidKeyReference) The supplied encryption key reference could not be used.
$ xxd kek-aspen.txt
00000000: 6874 7470 733a 2f2f 6873 6d2d 6173 7065  https://hsm-aspe
00000010: 6e2e 6d61 6e61 6765 6468 736d 2e61 7a75  n.managedhsm.azu
00000020: 7265 2e6e 6574 2f6b 6579 732f 6b65 6b2d  re.net/keys/kek-
00000030: 6173 7065 6e0d 0a                        aspen..
```

The registry identity already holds its role on /keys/kek-aspen, and hsm-aspen is activated. Is the Managed HSM key URI itself what the service rejects here, even though the CLI accepted it without complaint?""",
canonical=[T + "managed-hsm-uri-is-not-a-key-uri"],
related=[M + "managed-hsm-key-uris", S + "azure-cli-version-notes-for-cmk-commands"],
facts=["Read the key ID from the HSM rather than building it by hand."],
answer_facts=["copies whatever you pass without checking"],
truth="""Most likely, yes: the file ends in 0d 0a (a Windows CRLF), so what you pass is https://hsm-aspen.managedhsm.azure.net/keys/kek-aspen followed by a carriage return, which is no longer a valid HTTPS key URI for the Managed HSM. The Azure CLI forwards --key-encryption-key without checking host or path, so only the service turns it down. Strip the CR (tr -d '\\r' or dos2unix) or, better, read the ID fresh with az keyvault key show --hsm-name hsm-aspen --name kek-aspen --query key.kid -o tsv and drop the version with ${KEK%/*} if you want automatic rotation."""),

dict(key="C2", style="long", kind="troubleshoot", category="identity", quals=[], flags=["hex_dump"],
question="""Moving crwillow to a second user-assigned identity from a bash step keeps failing. The client ID was exported by a Windows PowerShell 5.1 job with `Out-File clientid.txt`:

```text
$ az acr encryption rotate-key -n crwillow --key-encryption-key "$KEK" --identity "$(cat clientid.txt)"
ERROR: No user-assigned identity with that name exists in rg-willow.
$ hexdump -C clientid.txt
00000000  ff fe 39 00 62 00 34 00  63 00 31 00 65 00 30 00  |..9.b.4.c.1.e.0.|
00000010  37 00 2d 00 32 00 64 00  35 00 38 00 2d 00 34 00  |7.-.2.d.5.8.-.4.|
00000020  66 00 33 00 61 00 2d 00  61 00 36 00 65 00 31 00  |f.3.a.-.a.6.e.1.|
00000030  2d 00 30 00 63 00 37 00  66 00 35 00 64 00 38 00  |-.0.c.7.f.5.d.8.|
00000040  33 00 62 00 32 00 39 00  34 00 0d 00 0a 00        |3.b.2.9.4.....|
0000004e
```

The GUID itself is right; we compared it with az identity show. Why does the CLI go hunting for a named identity instead of taking the value as a client ID?""",
canonical=[I + "how-rotate-key-interprets-the---identity-value"],
related=[I + "which-identity-value-goes-where", K + "rotate-with-a-different-identity-or-the-system-assigned-identity"],
facts=["It does **not** attach the identity to the registry"],
answer_facts=["treats a GUID as a client ID"],
truth="""Because the file is UTF-16LE with a byte order mark (ff fe at the start, a 00 after every character and a CRLF at the end), so what reaches --identity is not a bare GUID. rotate-key stores a GUID unchanged as a client ID, but anything else is resolved as the name or resource ID of a user-assigned identity in the registry's resource group, and that lookup fails. Write the value as plain UTF-8 without BOM (PowerShell 7, or Out-File -Encoding ascii) or skip the file: --identity "$(az identity show -n <identity> -g rg-willow --query clientId -o tsv)". The identity must already be attached to crwillow and hold key access before you rotate."""),

dict(key="C3", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["hex_dump"],
question="""Setting up crlinden with kek-linden in linden-hsm. The identity's principal ID comes from a file our Windows admin saved in Notepad:

```text
$ az keyvault role assignment create --hsm-name linden-hsm --scope /keys/kek-linden --assignee-principal-type MSI --assignee-object-id "$(cat principal.txt)" --role "Managed HSM Crypto Service Encryption User"
ERROR: The assignee object id is not a valid GUID.
$ xxd principal.txt
00000000: efbb bf36 6132 6630 6438 342d 3139 6533  ...6a2f0d84-19e3
00000010: 2d34 6337 352d 3862 3039 2d65 3431 6137  -4c75-8b09-e41a7
00000020: 3063 3266 3539 64                        0c2f59d
```

How do I get a clean value into that command? And is /keys/kek-linden inside linden-hsm the right scope for the registry identity?""",
canonical=[M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli"],
related=[M + "local-rbac-roles-for-acr-encryption", T + "managed-hsm-role-assignment-not-yet-in-effect"],
facts=["`--role` and `--scope` are required"],
answer_facts=["not as an azure resource id"],
truth="""Drop the UTF-8 byte order mark (ef bb bf at offset 0) that Notepad added, or better, read the ID straight from Azure: PRINCIPAL_ID=$(az identity show -n <identity> -g <rg> --query principalId -o tsv), then pass "$PRINCIPAL_ID" to az keyvault role assignment create --hsm-name linden-hsm ... --assignee-principal-type MSI. The scope is right: /keys/kek-linden is the least-privilege scope for Managed HSM Crypto Service Encryption User, written as the path inside the HSM and not as a resource ID, and --role and --scope must both be given. Give the assignment a few minutes before running az acr create."""),

dict(key="C4", style="long", kind="value", category="keys", quals=[], flags=["hex_dump", "two_facts"],
question="""We keep the key ID for crhornbeam in our config repository. A pipeline step wrote the kid of kek-hornbeam (from kv-hornbeam) into kid.txt as tsv output, and a reviewer flagged the final byte:

```text
$ xxd kid.txt
00000000: 6874 7470 733a 2f2f 6b76 2d68 6f72 6e62  https://kv-hornb
00000010: 6561 6d2e 7661 756c 742e 617a 7572 652e  eam.vault.azure.
00000020: 6e65 742f 6b65 7973 2f6b 656b 2d68 6f72  net/keys/kek-hor
00000030: 6e62 6561 6d2f 3261 3931 6630 6334 3736  nbeam/2a91f0c476
00000040: 6435 3465 3862 6231 3063 3933 6537 3566  d54e8bb10c93e75f
00000050: 3134 6132 3864 0a                        14a28d.
```

Our script hands it over as `--key-encryption-key "$(cat kid.txt)"`. Does that trailing byte do any harm? And which kind of key ID have we actually stored?""",
canonical=[S + "step-5-create-an-rsa-key-and-capture-its-key-id", K + "versioned-and-versionless-key-ids"],
related=[S + "step-6-choose-a-versioned-or-versionless-key-id", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["Remove the last path segment to get the versionless form"],
answer_facts=["the key's kid, the versioned key id", "return is always versioned"],
truth="""The trailing 0a is just the newline that tsv output ends with, and $(...) drops trailing newlines, so the value arrives intact. What you stored is the versioned kid (.../keys/kek-hornbeam/2a91f0c476d54e8bb10c93e75f14a28d; key show and key create always return that form), so crhornbeam stays on that one version until someone runs az acr encryption rotate-key. For automatic rotation keep the versionless form instead, KEY_ID="${KEY_ID%/*}", and the registry will follow new versions within an hour."""),

dict(key="C5", style="long", kind="troubleshoot", category="iac", quals=["iac"], flags=["hex_dump"],
question="""Our Terraform root reads the registry's key ID from a file another team publishes:

```hcl
resource "azurerm_container_registry" "main" {
  name                = "crsallow"
  sku                 = "Premium"
  # location, resource group and identity omitted
  encryption {
    key_vault_key_id   = file("${path.module}/published/kek-id.txt")
    identity_client_id = module.identity.client_id
  }
}
```

terraform plan stops with an error that the key_vault_key_id value is not a valid key URI. Yet cat shows a perfectly normal URI, so I dumped the file:

```text
$ xxd published/kek-id.txt
00000000: 6874 7470 733a 2f2f 6b76 2d73 616c 6c6f  https://kv-sallo
00000010: 772e 7661 756c 742e 617a 7572 652e 6e65  w.vault.azure.ne
00000020: 742f 6b65 7973 2f6b 656b 2d73 616c 6c6f  t/keys/kek-sallo
00000030: 770a                                     w.
```

What is the provider choking on, and how should the value be fed in?""",
canonical=[C + "common-terraform-and-bicep-errors-with-acr-encryption"],
related=[C + "automatic-key-rotation-in-terraform-versionless_id-vs-id", C + "terraform-azurerm_container_registry-encryption-block"],
facts=["Only the first two are key URIs that `key_vault_key_id` accepts."],
answer_facts=["use versionless_id or id"],
truth="""The trailing 0a: file() keeps the line feed at the end of kek-id.txt, so key_vault_key_id receives https://kv-sallow.vault.azure.net/keys/kek-sallow plus a newline, and the provider's check for a URI ending in keys/<name> rejects it. Wrap it in trimspace(file(...)), or better reference the key itself, for example a data.azurerm_key_vault_key with its versionless_id (resource_id and resource_versionless_id are ARM IDs and are refused), which also gives automatic rotation. The identity_client_id line is fine as it is."""),

# ---- pac_file ----
dict(key="D1", style="long", kind="troubleshoot", category="network", quals=["hsm", "oct2026"], flags=["pac_file"],
question="""Since the firewall on hsm-hawthorn went on, I can no longer add a version to kek-hawthorn from the HSM's Keys page in the portal, although my laptop's address (198.51.100.24) is now on the HSM's network rules. crhawthorn itself keeps working. Our browsers take their proxy settings from this PAC file:

```javascript
function FindProxyForURL(url, host) {
  if (isPlainHostName(host) || dnsDomainIs(host, ".corp.contoso.example"))
    return "DIRECT";
  if (shExpMatch(host, "*.managedhsm.azure.net") || shExpMatch(host, "*.vault.azure.net"))
    return "PROXY egress-weu.contoso.example:3128";
  return "PROXY web.contoso.example:8080; DIRECT";
}
```

Which address does hsm-hawthorn actually see when my browser makes that call? What should be allowed instead?""",
canonical=[M + "managed-hsm-firewall-and-trusted-services"],
related=[N + "managed-hsm-firewall-and-trusted-services", T + "portal-key-picker-cannot-list-keys-behind-the-managed-hsm-firewall"],
facts=["the registry needs the key at the moment it is created"],
answer_facts=["need an allowed address"],
truth="""It sees the public egress address of egress-weu.contoso.example:3128, because the PAC file sends every *.managedhsm.azure.net request through that proxy; 198.51.100.24 never reaches the HSM. Adding a key version from the portal is a data-plane call made by your browser, so allow the proxy's outbound address instead (ask the proxy team which one) with az keyvault network-rule add --hsm-name hsm-hawthorn --ip-address <that address>, or do the work from a machine whose own address is allowed. Leave the trusted-services bypass alone: that is how crhawthorn keeps reaching its Managed HSM key, and with a versionless key URI it picks up the new version within an hour."""),

dict(key="D2", style="long", kind="no", category="network", quals=[], flags=["pac_file"],
question="""We put kv-beech behind a private endpoint, and public access is denied apart from trusted services. Staff reach it through the company tunnel, which is why our proxy auto-config file now reads:

```javascript
function FindProxyForURL(url, host) {
  if (dnsDomainIs(host, "kv-beech.vault.azure.net"))
    return "DIRECT";
  if (shExpMatch(host, "*.azurecr.io"))
    return "PROXY proxy-hub.beech.example:8080";
  return "PROXY proxy-hub.beech.example:8080";
}
```

A colleague now insists that crbeech will lose its key unless we add another rule so that the registry's own calls to kv-beech also bypass the proxy. Does the registry's key traffic really depend on our proxy configuration?""",
canonical=[N + "key-vault-networking-for-cmk-registries"],
related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", N + "azure-container-registry-in-key-vaults-trusted-services-list"],
facts=["Azure Container Registry is on Key Vault's list of trusted services"],
answer_facts=["that path has to stay open"],
truth="""No: the PAC file only steers your own clients. crbeech calls kv-beech from inside Azure, over the vault's data plane as a trusted service, so what keeps that path open is the vault's trusted-services bypass (AzureServices) together with the identity's role or access policy, not your proxy setup; neither proxy-hub.beech.example:8080 nor the DIRECT rule is on that path. Keep the bypass switched on and the identity's access in place, and leave the PAC file to your staff's traffic."""),

dict(key="D3", style="long", kind="undocumented", category="network", quals=[], flags=["pac_file"],
question="""Next step for crspruce (CMK, key kek-spruce in kv-spruce) is giving the registry its own private endpoint and switching its public network access off. Our PAC file already sends the registry's names straight to the endpoint:

```javascript
function FindProxyForURL(url, host) {
  if (shExpMatch(host, "crspruce.azurecr.io") ||
      shExpMatch(host, "crspruce.westeurope.data.azurecr.io"))
    return "DIRECT";
  return "PROXY gw.spruce-corp.example:8080";
}
```

Before the change board meets: is a customer-managed-key registry that sits behind its own private endpoint, with public access off, a combination Microsoft supports?""",
canonical=[N + "registry-private-endpoints-and-cmk-are-not-covered-by-the-docs"],
related=[L + "feature-compatibility-summary", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
facts=["The key store side rules above (trusted services, identity access) apply regardless of how clients reach the registry."],
answer_facts=["treat it as undocumented"],
truth="""Not documented: the ACR customer-managed key docs only deal with the key store (vault or Managed HSM) behind a firewall or private endpoint; about a CMK registry with its own private endpoint, registry firewall or disabled public access they say nothing, neither that it is supported nor that it is a limitation. Test it in a non-production subscription and ask Microsoft support if you need a commitment. Sending crspruce.azurecr.io DIRECT in the PAC file only affects your clients; whatever you decide, kv-spruce's trusted-services bypass and the identity's access still apply."""),

dict(key="D4", style="long", kind="howto", category="setup", quals=["iac"], flags=["pac_file"],
question="""I'm creating crcedar in the portal. kv-cedar only admits our office range and trusted services. On the registry's Encryption tab I tried to make a brand-new key from inside the create flow and it fails; I suspect the proxy, because this is our PAC file:

```javascript
function FindProxyForURL(url, host) {
  if (shExpMatch(host, "*.vault.azure.net"))
    return "PROXY cloud-out.cedar.example:3128";
  return "DIRECT";
}
```

What is the right way to give crcedar a key while the vault is locked down like this?""",
canonical=[S + "create-the-key-before-the-registry-for-restricted-vaults"],
related=[N + "create-the-key-before-the-registry-when-the-vault-is-locked-down", N + "the-portal-key-picker-and-a-key-store-firewall"],
facts=["For a Managed HSM with its firewall on, likewise configure trusted services"],
answer_facts=["create the key ahead of the registry"],
truth="""Make the key before the registry instead of inside the create flow: from a machine in the allowed office range (or after allowing the public address behind cloud-out.cedar.example:3128, where your browser's vault traffic leaves), run az keyvault key create --vault-name kv-cedar --name <key> --kty RSA, give the user-assigned identity its role or access policy, keep the trusted-services bypass on, and then on the Encryption tab choose that identity and paste the key ID under Enter key URI (or use the picker once your browser is allowed). The registry itself reaches the key through the bypass, not through your proxy."""),

dict(key="D5", style="long", kind="yes", category="rotation", quals=[], flags=["pac_file", "two_facts"],
question="""Every quarter someone on our team rotates kek-fir in kv-fir by hand, and every quarter it becomes a fight with the proxy, because our PAC file routes vault traffic through a gateway whose address the vault firewall does not admit:

```javascript
function FindProxyForURL(url, host) {
  if (dnsDomainIs(host, ".vault.azure.net"))
    return "PROXY sec-gw.fir.example:8443";
  return "DIRECT";
}
```

crfir is set up with the versionless key URI. Could Key Vault produce the new versions on a schedule by itself, so that none of our clients has to reach the vault each quarter?""",
canonical=[K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", K + "automatic-rotation-with-a-versionless-key-id"],
related=[K + "rotate-immediately-with-az-keyvault-key-rotate", N + "the-vault-firewall-covers-the-data-plane-only"],
facts=["Managing a rotation policy needs Key Vault Crypto Officer on an RBAC vault"],
answer_facts=["create new versions on its own", "within one hour of it appearing"],
truth="""Yes: give kek-fir a rotation policy (az keyvault key rotation-policy update --vault-name kv-fir --name kek-fir with a Rotate action after P90D, for example) and Key Vault creates each version itself; because crfir uses the versionless URI, it switches to every new version within an hour. Setting the policy is still one data-plane call, so do it once from an allowed address, or admit the outbound address of sec-gw.fir.example:8443 for that moment, as someone holding Key Vault Crypto Officer. Any interval of 7 days or more works, and Key Vault charges for each automated rotation."""),

# ---- fence_file_labels ----
dict(key="E1", style="long", kind="troubleshoot", category="iac", quals=["iac"], flags=["fence_file_labels"],
question="""Roughly one terraform apply in three fails on its first run with Failed to access KeyId, and a plain re-run always goes through. The layout:

```hcl main.tf
module "vault" {
  source = "./modules/vault"
  name   = "kv-quince"
}

locals {
  encryption_role = "Key Vault Crypto Service Encryption User"
}

resource "azurerm_role_assignment" "registry_key" {
  principal_id         = azurerm_user_assigned_identity.quince.principal_id
  role_definition_name = local.encryption_role
  scope                = module.vault.id
}

module "registry" {
  source      = "./modules/registry"
  key_id      = module.vault.key_versionless_id
  identity_id = azurerm_user_assigned_identity.quince.id
  client_id   = azurerm_user_assigned_identity.quince.client_id
}
```

```hcl modules/registry/main.tf
resource "azurerm_container_registry" "this" {
  name                = "crquince"
  sku                 = "Premium"
  resource_group_name = var.resource_group_name
  location            = var.location
  identity {
    type         = "UserAssigned"
    identity_ids = [var.identity_id]
  }
  encryption {
    key_vault_key_id   = var.key_id
    identity_client_id = var.client_id
  }
}
```

Where does the fix belong, and what is it?""",
canonical=[C + "why-the-registry-needs-depends_on-on-the-role-assignment"],
related=[C + "complete-terraform-example-with-key-vault-role-assignment-and-registry", T + "registry-creation-cannot-access-the-key"],
facts=["A new role assignment can also take a few minutes to take effect"],
answer_facts=["may create both in parallel"],
truth="""In the root main.tf. The registry module uses the identity and the key but nothing links it to azurerm_role_assignment.registry_key, so Terraform is free to create crquince while the grant is still being made, and the registry cannot use its key yet. Add depends_on = [azurerm_role_assignment.registry_key] to the module "registry" block. Because a fresh assignment can also need a few minutes before it works, a re-run of apply or a time_sleep between grant and registry is a sensible extra guard (its length is a guess, not a documented value)."""),

dict(key="E2", style="long", kind="howto", category="iac", quals=["hsm", "iac", "oct2026"], flags=["fence_file_labels"],
question="""We are moving crdamson's key into hsm-damson with Terraform (azurerm 4.71). The module's main.tf declares the RSA-HSM key itself as local.kek; these are the two other files of the change:

```hcl modules/hsm-key/access.tf
resource "azurerm_role_assignment" "acr_key" {
  principal_id         = var.registry_principal_id
  scope                = var.managed_hsm_id
  role_definition_name = local.registry_role
}
```

```hcl modules/hsm-key/outputs.tf
output "key_uri" {
  description = "Key URI handed to the registry's encryption block"
  value       = local.kek.versioned_id
}
```

We want the narrowest grant possible. What has to change in the HSM module so that the registry follows new versions, and which attribute holds the versionless key URI there?""",
canonical=[C + "managed-hsm-key-in-terraform"],
related=[M + "local-rbac-roles-for-acr-encryption", C + "azurerm-4x-removed-encryptionenabled-other-version-changes"],
facts=["No provider test covers ACR with an HSM key."],
answer_facts=["is the reverse of a vault key"],
truth="""Two things. In modules/hsm-key/access.tf, replace azurerm_role_assignment with azurerm_key_vault_managed_hardware_security_module_role_assignment scoped to "/keys/<key name>", using the role definition ID of Managed HSM Crypto Service Encryption User and the identity's principal_id, because an Azure role on the HSM resource never grants use of a key. In modules/hsm-key/outputs.tf, output local.kek.id: for a Managed HSM key that attribute is the versionless URI, while versioned_id is the pinned one (there is no versionless_id). azurerm 4.71 is past 4.65.0, the first release that accepts HSM key URIs; also put the HSM role assignment into the registry's depends_on."""),

dict(key="E3", style="long", kind="troubleshoot", category="keys", quals=[], flags=["fence_file_labels"],
question="""We keep one grant script per key store. The HSM one has worked for months; the vault one was cloned from it last week and stops before anything reaches Azure:

```bash scripts/grant-hsm.sh
#!/usr/bin/env bash
set -euo pipefail
ROLE="Managed HSM Crypto Service Encryption User"
az keyvault role assignment create --hsm-name "$POOL" --scope "/keys/$KEY" \\
  --role "$ROLE" --assignee-principal-type MSI --assignee-object-id "$OID"
```

```bash scripts/grant-kv.sh
#!/usr/bin/env bash
ROLE="Key Vault Crypto Service Encryption User"
set -euo pipefail
az role assignment create --scope "$VAULT_ID" \\
  --role "$ROLE" --assignee-principal-type MSI --assignee-object-id "$OID" --assignee "$OID"
```

Running grant-kv.sh for crsloe against kv-sloe ends with a parameter error straight away. What is wrong with it?""",
canonical=[T + "role-assignment-rejects-the-principal-type-or-the-assignee"],
related=[A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities", A + "grant-access-with-an-azure-rbac-role"],
facts=["it takes exactly one"],
answer_facts=["a managed identity is a serviceprincipal there"],
truth="""scripts/grant-kv.sh mixes the conventions of two commands. az role assignment create takes exactly one of --assignee or --assignee-object-id (both together give the --assignee STRING | --assignee-object-id GUID usage error), and its principal types are only User, Group, ServicePrincipal and ForeignGroup, so MSI, which belongs to the HSM's az keyvault role assignment create, is refused before anything is sent. Remove --assignee and pass --assignee-object-id "$OID" --assignee-principal-type ServicePrincipal with --scope "$VAULT_ID"; scripts/grant-hsm.sh can stay as it is."""),

dict(key="E4", style="long", kind="howto", category="setup", quals=["iac", "oct2026"], flags=["fence_file_labels"],
question="""Our deployment of an ARM template for crmaple, built from an old copy of the enable tutorial, fails because a required parameter has no value. The relevant parts of the two files:

```json azuredeploy.json
      "encryption": {
        "keyVaultProperties": {
          "keyIdentifier": "[parameters('kek_id')]",
          "identity": "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identity_name')), '2018-11-30').clientId]"
        },
        "status": "enabled"
      }
```

```bash deploy.sh
az deployment group create -g rg-maple -f azuredeploy.json \\
  --parameters registry_name=crmaple identity_name=id-maple vault_name=kv-maple \\
               key_id="$KEY_ID_VERSIONLESS"
```

How should deploy.sh look so that the template gets the key?""",
canonical=[S + "deploy-the-template"],
related=[S + "the-enable-tutorials-own-template", S + "example-template-for-an-existing-access-policy-vault"],
facts=["Its parameters are `registry_name`, `identity_name` and `kek_id`"],
answer_facts=["older revisions of the tutorial passed"],
truth="""deploy.sh has to pass kek_id, the name the template reads in [parameters('kek_id')]; key_id is the slip that earlier revisions of the tutorial's deployment example had, corrected in the October 2026 revision. Use az deployment group create -g rg-maple -f azuredeploy.json --parameters registry_name=crmaple identity_name=id-maple vault_name=kv-maple kek_id="$KEY_ID_VERSIONLESS". vault_name stays only because this template also writes the access policy; the tutorial's own template no longer has that parameter."""),

dict(key="E5", style="long", kind="troubleshoot", category="iac", quals=["iac"], flags=["fence_file_labels"],
question="""After bumping the provider, terraform plan for crwhitebeam stops at the encryption block: the "enabled" argument is reported as unexpected there. The two files:

```hcl versions.tf
terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.12"
    }
  }
}
```

```hcl registry.tf
resource "azurerm_container_registry" "whitebeam" {
  name = "crwhitebeam"
  sku  = "Premium"
  # other arguments left out
  encryption {
    enabled            = true
    key_vault_key_id   = var.kek_versionless_uri
    identity_client_id = var.encryption_client_id
  }
}
```

Is it safe to delete that line on a registry that already uses CMK, or would that switch encryption off?""",
canonical=[C + "azurerm-4x-removed-encryptionenabled-other-version-changes"],
related=[C + "common-terraform-and-bicep-errors-with-acr-encryption", C + "terraform-azurerm_container_registry-encryption-block"],
facts=["keep the block for every CMK registry"],
answer_facts=["the block's presence enables cmk"],
truth="""Deleting it is exactly what registry.tf needs: azurerm 4.0.0 removed encryption.enabled, and from 4.x on the presence of the encryption block is what turns CMK on, so dropping enabled = true changes nothing for crwhitebeam (and ACR could never switch CMK off anyway). Keep the block itself: in 4.x leaving it out shows no diff, but from 5.0 a missing block plans what the upgrade guide calls disabling encryption."""),

# ---- unshaped long posts ----
dict(key="L1", style="long", kind="troubleshoot", category="troubleshooting", quals=["hsm", "oct2026"], flags=[],
question="""Brand-new HSM for crholly: az keyvault create --hsm-name hsm-holly completed fine, but every step after it fails, whether I create the key or assign the local role for the registry identity. The status query returns:

```json
{
  "activationStatus": "NotActivated",
  "message": "Waiting for an administrator to download the security domain.",
  "provisioningState": "Succeeded"
}
```

What is still missing before hsm-holly accepts keys and role assignments, and who on our side is able to do it?""",
canonical=[T + "managed-hsm-is-not-activated"],
related=[M + "provision-and-activate-the-managed-hsm", M + "requirements-for-a-managed-hsm-key-store"],
facts=["Confirm that `activationStatus` now reads `Active`."],
answer_facts=["is only the first half"],
truth="""Activation. A Managed HSM takes no data-plane requests until one of the initial administrators named at creation downloads its security domain, so neither a key nor a local role can be created in hsm-holly yet. Have one of those administrators run az keyvault security-domain download --hsm-name hsm-holly with at least three RSA public keys (--sd-wrapping-keys), a quorum (--sd-quorum) and a target file, store the file and the matching private keys safely for recovery, and wait until activationStatus reads Active. Then create the RSA-HSM key, give the registry identity its local role at /keys/<key> and create crholly."""),

dict(key="L2", style="long", kind="undocumented", category="limits", quals=["iac"], flags=[],
question="""Draft Bicep for a new registry:

```bicep
resource osierRegistry 'Microsoft.ContainerRegistry/registries@2025-11-01' = {
  name: 'crosier'
  location: 'swedencentral'
  sku: { name: 'Premium' }
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${idOsier.id}': {} } }
  properties: {
    zoneRedundancy: 'Enabled'
    encryption: {
      status: 'enabled'
      keyVaultProperties: {
        keyIdentifier: kekOsier.properties.keyUri
        identity: idOsier.properties.clientId
      }
    }
  }
}
```

Our architect wants zone redundancy and a customer-managed key on crosier from day one. Since neither can be changed later, I would like to know before deploying: does the ACR documentation actually support that pairing?""",
canonical=[L + "zone-redundancy-with-cmk-is-not-documented"],
related=[L + "feature-compatibility-summary", O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
facts=["Verify in a test subscription or with support."],
answer_facts=["neither as supported nor as a limitation"],
truth="""Not documented: the CMK articles mention zone redundancy neither as supported nor as a limitation. The CLI takes --zone-redundancy Enabled together with the CMK options (it is a preview flag that cannot be changed after creation), and your Bicep says the same thing, but that only shows the request is well formed. Because both settings are fixed once crosier exists, try the combination in a test subscription or get a statement from Microsoft support first."""),

dict(key="L3", style="long", kind="howto", category="recovery", quals=[], flags=["two_facts"],
question="""Incident drill next week: we have to show that we can cut crpoplar off from kv-poplar (an RBAC vault) and bring it back. Current assignments of the registry's identity:

```text
Principal                             Role                                      Scope
------------------------------------  ----------------------------------------  --------------------------------------------------------------------------
8d3f1a6c-4e27-4b90-a1c5-7f2e9d0b6384  Key Vault Crypto Service Encryption User  /subscriptions/2b7e.../resourceGroups/rg-poplar/providers/Microsoft.KeyVault/vaults/kv-poplar
8d3f1a6c-4e27-4b90-a1c5-7f2e9d0b6384  Key Vault Crypto User                     /subscriptions/2b7e.../resourceGroups/rg-poplar
```

What exactly do we remove to make the revocation real, and what does crpoplar need to come back afterwards?""",
canonical=[V + "revoke-by-deleting-the-rbac-role-assignment", V + "restore-access-after-a-revocation"],
related=[V + "what-revocation-does-to-the-registry", T + "registry-access-lost-after-key-permissions-were-revoked"],
facts=["those keep access working; remove them as well"],
answer_facts=["removes every assignment that matches its filters", "no registry command is needed"],
truth="""Remove both: Key Vault Crypto Service Encryption User at the kv-poplar scope and the Key Vault Crypto User assignment inherited from rg-poplar, because that role can also wrap and unwrap and would keep the registry working. List with the same filters before each az role assignment delete, since the delete takes out every match. While access is gone every pull and push on crpoplar fails, across all repositories. To end the drill, re-create only the service encryption role on the vault for principal 8d3f1a6c-4e27-4b90-a1c5-7f2e9d0b6384; nothing has to be run on the registry, which picks the key up again by itself."""),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="howto", category="recovery", quals=[], flags=[], typo="collegue",
question="my collegue removed the acr identity's kv role, how do we restore access?",
canonical=[V + "restore-access-after-a-revocation"],
related=[V + "revoke-by-deleting-the-rbac-role-assignment", T + "registry-access-lost-after-key-permissions-were-revoked"],
facts=["Check the registry's view afterwards:"],
answer_facts=["reconnects to the key on its own"],
truth="""Re-create the same assignment: az role assignment create --assignee-object-id <the identity's principal ID> --assignee-principal-type ServicePrincipal --role "Key Vault Crypto Service Encryption User" --scope <vault resource ID>. Nothing has to be run against the registry; once the assignment takes effect the registry finds its key again and pulls and pushes work as before."""),
dict(key="S2", style="short", kind="no", category="identity", quals=[], flags=[], typo="begining",
question="from the begining: can az acr create take --identity '[system]' for cmk?",
canonical=[S + "rules-that-az-acr-create-enforces-for-cmk"],
related=[I + "a-user-assigned-identity-is-required-when-the-registry-is-created", T + "system-assigned-identity-rejected-at-registry-creation"],
facts=["The CLI stores the identity's **client ID** in the encryption settings"],
answer_facts=["is not accepted by az acr create"],
truth="""No: az acr create only takes a user-assigned identity (its resource ID, or its name if it sits in the registry's resource group), since the registry's own system-assigned identity cannot exist before the registry does. Create with a user-assigned identity and switch later: az acr identity assign --identities '[system]', grant that principal access to the key, then az acr encryption rotate-key --identity '[system]'."""),
dict(key="S3", style="short", kind="why", category="keys", quals=[], flags=[], typo="aparently",
question="aparently the acr identity needs no kv crypto user role, why not?",
canonical=[S + "option-a-azure-rbac-role-on-an-rbac-vault"],
related=[A + "why-key-vault-crypto-user-is-not-needed", A + "grant-access-with-an-azure-rbac-role"],
facts=["Do not add it."],
answer_facts=["grants more than the registry needs"],
truth="""Because three operations are all the registry performs with its key (get, wrapKey, unwrapKey), and the service encryption role already bundles exactly those on an RBAC vault. The broader Crypto User role would let the identity encrypt, decrypt, sign and verify as well, powers the registry never exercises, so handing it out just enlarges what a compromised identity could do; the tutorials stick to the narrower role."""),
dict(key="S4", style="short", kind="value", category="limits", quals=[], flags=[],
question="when is docker content trust removed from acr, and what replaces it?",
canonical=[L + "docker-content-trust-is-being-retired-use-notation"],
related=[L + "docker-content-trust-is-not-supported", T + "content-trust-cannot-be-enabled"],
facts=["Notation works on CMK registries"],
answer_facts=["dct is removed on 2028-03-31"],
truth="""On 2028-03-31 (the deprecation started on 2025-03-31); its successor is the Notary Project with the Notation CLI, for example through the Azure Key Vault plug-in. For CMK registries this matters doubly: content trust cannot be turned on for them at all, while Notation works there and keeps its signatures through the referrers tag schema."""),
dict(key="S5", style="short", kind="value", category="keys", quals=[], flags=[],
question="which rsa key sizes can back an acr cmk",
canonical=[O + "key-sizes-offered-by-key-vault"],
related=[O + "which-key-types-and-sizes-are-supported", O + "rsa-hsm-keys-need-a-premium-key-vault"],
facts=["pick the size your compliance policy asks for"],
answer_facts=["this is a key vault statement"],
truth="""ACR names no size of its own; the choice comes from Key Vault, whose RSA keys (software or HSM-protected) come in 2048, 3072 and 4096 bits, and any of them can serve. Take whatever your compliance rules demand; elliptic-curve keys are not an option at all."""),
dict(key="S6", style="short", kind="value", category="limits", quals=[], flags=[],
question="task run logs on a cmk acr: retained for how long",
canonical=[L + "acr-tasks-run-logs-are-kept-for-only-24-hours"],
related=[L + "export-task-run-logs-before-they-expire", T + "task-run-logs-disappear-after-24-hours"],
facts=["copy them out while they exist"],
answer_facts=["so they vanish after a day"],
truth="""24 hours: on a registry encrypted with a customer-managed key, ACR Tasks keeps run logs for only one day, so save them elsewhere (for example the output of az acr task logs --run-id at the end of each pipeline) if you need them longer. There is no setting that extends it."""),
dict(key="S7", style="short", kind="yes", category="limits", quals=["hsm", "oct2026"], flags=["two_facts"],
question="does a soft-deleted managed hsm still cost money?",
canonical=[L + "pricing-considerations", V + "recover-a-deleted-managed-hsm"],
related=[M + "recover-a-deleted-managed-hsm-key-or-hsm", L + "feature-compatibility-summary"],
facts=["The ACR docs list no separate charge for the CMK feature itself."],
answer_facts=["a deleted hsm keeps costing money", "the hsm name stays reserved"],
truth="""Yes: a Managed HSM is billed for as long as it exists, and its time in the soft-deleted state counts, so the charges stop only when it is recovered or purged. Its name also stays reserved during that time. Purge it only once no registry needs any of its keys, because purging destroys them for good."""),
dict(key="S8", style="short", kind="yes", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="is a managed hsm key supported as the acr kek now?",
canonical=[O + "managed-hsm-keys"],
related=[M + "managed-hsm-is-a-supported-key-store-for-acr-cmk", L + "managed-hsm-is-not-available-everywhere"],
facts=["the CLI passes a `managedhsm.azure.net` URI through unchanged"],
answer_facts=["as a supported key store alongside"],
truth="""Yes: since their October 2026 revision the ACR CMK tutorials name Azure Key Vault Managed HSM as a supported key store beside Key Vault vaults. The HSM has to be provisioned and activated, the key must be RSA-HSM with wrapKey and unwrapKey permitted, and the registry identity needs Managed HSM Crypto Service Encryption User at the key's scope, which you assign yourself; also check that Managed HSM is offered in your cloud and region."""),
dict(key="S9", style="short", kind="howto", category="setup", quals=[], flags=[],
question="az keyvault create flags for a cmk vault with purge protection and access policies",
canonical=[S + "step-3-create-the-key-vault-with-purge-protection"],
related=[A + "azure-cli-262-and-later-create-rbac-vaults-by-default", O + "soft-delete-and-purge-protection-on-the-key-vault"],
facts=["Decide the permission model now, because it decides how step 4 works"],
answer_facts=["soft delete needs no flag"],
truth="""az keyvault create --name <vault> --resource-group <rg> --location <region> --enable-purge-protection --enable-rbac-authorization false, plus --sku premium if you want RSA-HSM keys. Soft delete needs nothing (there is no --enable-soft-delete any more), and without the explicit false a current CLI makes an RBAC vault, where set-policy is refused."""),
dict(key="S10", style="short", kind="howto", category="setup", quals=["hsm", "oct2026"], flags=[],
question="how do i create the managed hsm key for a cmk acr?",
canonical=[S + "using-a-managed-hsm-key-instead-of-a-key-vault"],
related=[M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli", M + "requirements-for-a-managed-hsm-key-store"],
facts=["There are no access policies, and ACR never makes this assignment for you"],
answer_facts=["steps 4 and 5 swap places"],
truth="""In an activated Managed HSM, as someone holding a key-creating local role such as Managed HSM Crypto User: az keyvault key create --hsm-name <hsm> --name <key> --kty RSA-HSM --ops wrapKey unwrapKey (or import your own RSA-HSM key with the same operations). Afterwards give the registry identity Managed HSM Crypto Service Encryption User at /keys/<key> and read the kid with az keyvault key show --hsm-name."""),
dict(key="S11", style="short", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question="our standard-tier kv refuses --kty rsa-hsm keys: which vault tier then?",
canonical=[T + "rsa-hsm-key-creation-fails-in-a-standard-vault"],
related=[O + "rsa-hsm-keys-need-a-premium-key-vault", O + "key-sizes-offered-by-key-vault"],
facts=["a Managed HSM has no such tier"],
answer_facts=["available only on the premium vault tier"],
truth="""The Premium tier: HSM-protected keys live only in Premium vaults, and a Standard one stores software-protected RSA keys. Two ways on: accept a software RSA key in the current vault (--kty RSA works for the registry just as well), or stand up a second vault with --sku premium and purge protection, generate the RSA-HSM key there, give the registry's identity its access on that new vault and point the registry at the new key ID. A Managed HSM would be the other HSM-backed option, without any vault tier."""),
dict(key="S12", style="short", kind="undocumented", category="limits", quals=[], flags=[],
question="cmk acr on premium today: is a later switch to the standard tier possible",
canonical=[O + "cmk-requires-the-premium-sku"],
related=[L + "changing-the-sku-of-a-cmk-registry-is-not-documented", T + "cmk-needs-the-premium-tier"],
facts=["Always pass `--sku Premium`"],
answer_facts=["can later be moved down to standard"],
truth="""Not documented: CMK requires Premium and can never be switched off, and the docs do not say whether such a registry can drop to Standard or Basic. Do not try it on a production registry; ask Azure support before any downgrade."""),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="A4", style="agent", form="imperative", kind="why", category="hsm", quals=["hsm", "iac", "oct2026"], flags=["service_tag_json"],
question='Explain why adding the AzurePortal tag `{"name": "AzurePortal", "properties": {"addressPrefixes": ["20.37.158.0/23", "20.45.112.0/26"], "systemService": "AzurePortal"}}` to the firewall of hsm-yew still leaves the portal key picker empty for our new registry',
canonical=[T + "portal-key-picker-cannot-list-keys-behind-the-managed-hsm-firewall"],
related=[M + "key-picker-blocked-by-the-hsm-firewall", N + "the-portal-key-picker-and-a-key-store-firewall"],
facts=["The trusted-services exception only lets ACR itself through"],
answer_facts=["lists keys through the hsm's data plane"],
truth="""Because the picker is not the portal's back end talking to hsm-yew: your browser itself calls the Managed HSM's data plane to enumerate keys, so the firewall judges the public address of your workstation (or of your proxy), and the AzurePortal ranges play no part. Admit that address as an HSM network rule, or type the key's ID into Enter key URI instead of browsing. The registry's own traffic keeps going through the trusted-services bypass either way."""),
dict(key="A5", style="agent", form="context", kind="value", category="network", quals=[], flags=["service_tag_json"],
question='Context: we ran az acr update --allow-trusted-services true on crlarch, and the network team sent `{"name": "AzureContainerRegistry.SwedenCentral", "properties": {"addressPrefixes": ["51.12.25.64/27"], "systemService": "AzureContainerRegistry"}}` for kv-larch. Question: which setting on the vault actually lets crlarch reach its key?',
canonical=[N + "allow-trusted-services-and-deny-other-traffic"],
related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", N + "azure-container-registry-in-key-vaults-trusted-services-list"],
facts=["The bypass only opens the network path."],
answer_facts=["nothing to do with reaching the key"],
truth="""The vault's own trusted-services exception: az keyvault update --name kv-larch --bypass AzureServices --default-action Deny (in the portal, the option to let trusted Microsoft services bypass the firewall), checked with az keyvault show --query properties.networkAcls. --allow-trusted-services on crlarch only decides who may pass the registry's own firewall, and the AzureContainerRegistry.SwedenCentral ranges are not how the registry gets to kv-larch."""),
dict(key="B4", style="agent", form="context", kind="howto", category="rotation", quals=["hsm", "oct2026"], flags=["resource_change_record"],
question='Context: a planned change on crtamarack will produce the record `{"changes": {"properties.encryption.keyVaultProperties.keyIdentifier": {"previousValue": "https://kv-tamarack.vault.azure.net/keys/kek-tamarack", "newValue": "https://hsm-tamarack.managedhsm.azure.net/keys/kek-tamarack2"}}}`. Question: what access must exist in hsm-tamarack before we run it?',
canonical=[K + "move-to-a-different-key-or-to-a-key-in-another-vault"],
related=[M + "rotate-a-managed-hsm-key", A + "access-to-a-key-in-a-second-key-vault"],
facts=["Keep the old vault and key, with access, until"],
answer_facts=["a local role on that key"],
truth="""The identity crtamarack will use (the current one, or the one you name in rotate-key) must hold the local role Managed HSM Crypto Service Encryption User on /keys/kek-tamarack2 in hsm-tamarack, assigned to its principal ID with az keyvault role assignment create --hsm-name hsm-tamarack --assignee-principal-type MSI, before the keyIdentifier change is applied; neither ACR nor the portal creates it. hsm-tamarack must be activated and kek-tamarack2 an RSA-HSM key that allows wrapKey and unwrapKey. Keep kv-tamarack and its access until az acr encryption show reports the new key."""),
dict(key="B5", style="agent", form="imperative", kind="no", category="recovery", quals=[], flags=["resource_change_record"],
question='Tell me whether this change on kv-medlar can be undone later if the security team regrets it: `{"changes": {"properties.enablePurgeProtection": {"previousValue": "false", "newValue": "true", "propertyChangeType": "Update"}}}`',
canonical=[O + "soft-delete-and-purge-protection-on-the-key-vault"],
related=[O + "soft-delete-and-purge-protection-behaviour-in-key-vault", V + "how-purge-protection-protects-the-registry"],
facts=["Enabling purge protection is a one-way change."],
answer_facts=["cannot be turned off once on"],
truth="""No: enablePurgeProtection is a one-way switch, so kv-medlar keeps it for good. It builds on soft delete, which every new vault has anyway, and from now on nobody can purge a deleted key or the vault before its retention period (7 to 90 days) runs out, which is exactly why the ACR docs recommend it for a CMK vault. It does not prevent deletions, and the docs recommend it rather than require it."""),
dict(key="G1", style="agent", form="context", kind="troubleshoot", category="identity", quals=[], flags=[],
question="Context: our cleanup job tried to detach id-elder from crelder, was refused with a does-not-have-access-to-identity error and a hint to force-add it back, and rotate-key now fails as well. Question: how do we recover and still retire id-elder?",
canonical=[I + "the-encryption-identity-cannot-simply-be-removed"],
related=[T + "removing-the-encryption-identity-fails", T + "registry-identity-is-inactive-or-expired"],
facts=["Key rotation can fail in the same state."],
answer_facts=["rotate encryption to a different identity"],
truth="""Attach id-elder again first (az acr identity assign --name crelder --identities <id-elder resource ID>) so encryption keeps working. Then give another identity access to the key (the system-assigned one or a second user-assigned identity), move encryption to it with az acr encryption rotate-key --identity, check that keyVaultProperties.identity has changed, and only then remove id-elder. The service refuses to detach whatever identity encryption currently relies on."""),
dict(key="G2", style="agent", form="imperative", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="List everything that must be in place in hsm-sycamore, and for id-sycamore, before az acr create can give crsycamore a key from that HSM, in the order we should do it",
canonical=[M + "requirements-for-a-managed-hsm-key-store"],
related=[S + "using-a-managed-hsm-key-instead-of-a-key-vault", M + "provision-and-activate-the-managed-hsm"],
facts=["check availability for the registry's cloud and region before designing around it"],
answer_facts=["you create that role assignment yourself"],
truth="""1) hsm-sycamore provisioned and activated (security domain downloaded); 2) Managed HSM offered in the registry's cloud and region; 3) an RSA-HSM key permitting wrapKey and unwrapKey, created or imported by someone with a key-creating role such as Managed HSM Crypto User; 4) the local role Managed HSM Crypto Service Encryption User for id-sycamore's principal ID at /keys/<key>, created by you (ACR never does it) and given a few minutes to take effect; 5) if the HSM firewall is on, trusted services allowed. Then run az acr create with --identity and --key-encryption-key."""),
dict(key="G3", style="agent", form="keywords", kind="value", category="setup", quals=["hsm", "iac", "oct2026"], flags=[],
question="portal encryption tab, managed hsm key picked from the select from key vault list: which version ends up stored, does auto rotation stay on",
canonical=[M + "set-up-a-registry-with-a-managed-hsm-key-in-the-azure-portal"],
related=[K + "rotate-the-key-in-the-azure-portal", S + "set-up-cmk-in-the-azure-portal"],
facts=["Neither the portal nor ACR creates the role assignment of step 4"],
answer_facts=["stores the chosen key without a version"],
truth="""None: a Managed HSM key picked with Select from Key Vault is stored without a version, so automatic rotation is on and the registry moves to new key versions within an hour. Only Enter key URI keeps exactly the form you paste, versioned or versionless. Either way the identity's local role Managed HSM Crypto Service Encryption User on that key has to exist first; the portal does not create it."""),
dict(key="G4", style="agent", form="context", kind="yes", category="recovery", quals=["hsm", "oct2026"], flags=["two_facts"],
question="Context: for a revocation drill on crmulberry we plan to delete kek-mulberry in hsm-mulberry. Question: does a single az keyvault key delete --hsm-name revoke crmulberry's access to all versions of that key in one go?",
canonical=[V + "revoke-by-deleting-the-key", M + "recover-a-deleted-managed-hsm-key-or-hsm"],
related=[V + "recover-a-deleted-key", M + "revoke-access-to-a-managed-hsm-key"],
facts=["With soft delete (always on) the key goes into the deleted state"],
answer_facts=["cannot delete just one key version", "needs managed hsm crypto officer"],
truth="""Yes: az keyvault key delete --hsm-name hsm-mulberry --name kek-mulberry removes the whole key with all its versions (a single version cannot be deleted), and crmulberry loses access to all of its data at once. The key is only soft-deleted, so someone holding Managed HSM Crypto Officer can bring it back within the retention period with az keyvault key recover --hsm-name, after which the registry picks it up again; do not purge it. The caller of the delete needs a role with key delete rights, such as Managed HSM Crypto User."""),
dict(key="G5", style="agent", form="imperative", kind="howto", category="rotation", quals=[], flags=[],
question="Show how to move crbuckthorn, created with a pinned key version from kv-buckthorn, over to automatic rotation without changing its identity",
canonical=[K + "switch-from-manual-to-automatic-rotation"],
related=[K + "versioned-and-versionless-key-ids", T + "registry-keeps-using-an-old-key-version"],
facts=["The reverse also works"],
answer_facts=["by rotating to the versionless id"],
truth="""Rotate once to the versionless key ID: KEY_ID=$(az keyvault key show --vault-name kv-buckthorn --name <key> --query key.kid -o tsv), then az acr encryption rotate-key --name crbuckthorn --key-encryption-key "${KEY_ID%/*}" (leave out --identity, or pass the current one). From then on the registry picks up each new version within an hour, and az acr encryption show reports keyRotationEnabled true. Rotating to a versioned ID later would pin it again."""),
dict(key="G6", style="agent", form="keywords", kind="undocumented", category="rotation", quals=[], flags=[],
question="mandated cmk key rotation cadence for acr, does microsoft set a minimum frequency or a maximum key age",
canonical=[K + "how-often-to-rotate"],
related=[K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["Key Vault rotation policies allow anything from 7 days up"],
answer_facts=["they give no fixed rotation frequency"],
truth="""Not documented: the ACR articles leave the cadence to you, asking only for regular rotation in line with your own compliance rules, with no interval and no maximum age. Limits come from the key store instead: a Key Vault rotation policy cannot rotate more often than every 7 days (28 days for a Managed HSM key). Whatever interval you pick, a registry on a versionless key ID moves to each new version within the hour."""),
dict(key="G7", style="agent", form="context", kind="howto", category="keys", quals=[], flags=[],
question="Context: our 2023 runbook creates kv-walnut with az keyvault create and then runs az keyvault set-policy for the registry identity, and on today's CLI the second step is refused. Question: how should the vault be created if we want to keep the access-policy path?",
canonical=[A + "azure-cli-262-and-later-create-rbac-vaults-by-default"],
related=[A + "grant-access-with-a-key-vault-access-policy", T + "set-policy-fails-on-an-rbac-key-vault"],
facts=["The second form is the one to use if you want the access-policy path."],
answer_facts=["unless told otherwise"],
truth="""Pick the permission model explicitly: since azure-cli 2.62.0 az keyvault create makes Azure RBAC vaults by default, and set-policy then refuses to touch such a vault. Create it with az keyvault create --name kv-walnut --resource-group <rg> --location <region> --enable-purge-protection --enable-rbac-authorization false, then run set-policy with the identity's principal ID and get unwrapKey wrapKey. Or stay on RBAC and assign Key Vault Crypto Service Encryption User instead."""),
dict(key="G8", style="agent", form="keywords", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question="acr check-health now flags cmk_error on crgreengage since the cleanup deleted unused managed identities, pulls still fine, how to fix before it breaks",
canonical=[L + "az-acr-check-health-and-cmk_error"],
related=[T + "check-health-reports-cmk_error", I + "the-encryption-identity-cannot-simply-be-removed"],
facts=["Typically that identity was deleted"],
answer_facts=["it is a health-check error code"],
truth="""CMK_ERROR means the registry cannot reach the managed identity its encryption is configured with, most likely because the cleanup removed it. Compare keyVaultProperties.identity from az acr encryption show with what az acr identity show lists, then give an identity that does exist access to the key (the system-assigned one, or a new user-assigned identity) and move encryption to it with az acr encryption rotate-key --identity; run az acr check-health --ignore-errors --yes again to confirm."""),
]

# ---------------- off-topic ----------------
OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind="off-topic", category=OFF, subject="zuul", near_miss=True,
question="""Our Zuul installation runs the CI jobs whose output images end up in our container registry. The push credentials are stored as Zuul secrets, encrypted with the public half of the project key the scheduler generated years ago. Security now wants that project key replaced, because an old backup of the scheduler's data went missing. How do we give the project a new key and re-encrypt the secrets without the image jobs failing in between?""",
truth="""Not covered: replacing a Zuul project's key and re-encrypting its secrets is CI administration; the knowledge covers only the customer-managed key that encrypts an Azure container registry."""),
dict(key="X2", style="long", kind="off-topic", category=OFF, subject="urbackup", near_miss=True,
question="""UrBackup protects the machines where our images are built before they go to the container registry. We reinstalled the UrBackup server on new hardware, and since then the clients refuse to talk to it because the server's identity key no longer matches the one they stored. How do I carry the old server's key over to the new installation, or make the clients accept the new one, without enrolling every host again by hand?""",
truth="""Not covered: carrying over an UrBackup server's identity key is backup-software administration, unrelated to ACR customer-managed key encryption."""),
dict(key="X3", style="long", kind="off-topic", category=OFF, subject="meshcentral", near_miss=True,
question="""We manage the VMs that build images for our container registry with MeshCentral. Its agents trust the server through the hash of the server's agent certificate, and after an audit the key behind that certificate has to be replaced. What is the safe order for swapping it, so that the agents reconnect instead of dropping offline?""",
truth="""Not covered: swapping the agent certificate key of a MeshCentral server is remote-management administration and lies outside the Azure Container Registry CMK topic."""),
dict(key="X4", style="long", kind="off-topic", category=OFF, subject="uptime kuma", near_miss=True,
question="""Uptime Kuma checks the health endpoint of our container registry and posts alerts into our chat. The API key we made for the status dashboard appeared on a slide in a public talk. How do I withdraw that key in Uptime Kuma and hand the dashboard a new one without it going blank for the on-call team?""",
truth="""Not covered: issuing a fresh API key in Uptime Kuma and retiring the leaked one is a task for the uptime monitor's own settings; ACR encryption with customer-managed keys has no part in it."""),
dict(key="X5", style="long", kind="off-topic", category=OFF, subject="sourcehut", near_miss=True,
question="""Our repository on sourcehut runs builds.sr.ht jobs which produce container images and upload them into our registry. The jobs log in with a private key stored as a build secret, uploaded by a colleague who has since left. How do I put a new key in place and retire the old one without editing every build manifest?""",
truth="""Not covered: replacing the key behind a sourcehut build secret is CI administration on sourcehut, not ACR encryption with customer-managed keys."""),
dict(key="X6", style="long", kind="off-topic", category=OFF, subject="peertube",
question="""Our PeerTube instance hosts recorded demos of the platform team. After we moved the videos to object storage, older videos still play, but newly uploaded ones stay stuck at the transcoding step. What should I check in the PeerTube configuration so that transcoding jobs find the new storage?""",
truth="""Not covered: PeerTube transcoding and storage settings are video-platform administration, outside the ACR customer-managed key material."""),
dict(key="X7", style="agent", form="context", kind="off-topic", category=OFF, subject="dokuwiki",
question="Context: the platform team documents its registry procedures in a DokuWiki. Question: how do I move the wiki to a new host while keeping page history and user accounts?",
truth="""Not covered: migrating a DokuWiki with its history and accounts is wiki administration, not part of registry CMK encryption."""),
dict(key="X8", style="agent", form="imperative", kind="off-topic", category=OFF, subject="frigate",
question="Explain how to make Frigate record only when a person is detected instead of recording continuously from every camera",
truth="""Not covered: recording rules in Frigate belong to video-surveillance software, far from Azure Container Registry encryption."""),
dict(key="X9", style="agent", form="keywords", kind="off-topic", category=OFF, subject="wekan",
question="wekan cards lost their uploaded files after restoring the database dump on a new server",
truth="""Not covered: files missing from WeKan cards after a restore are kanban-tool troubleshooting, unrelated to the ACR CMK knowledge."""),
dict(key="X10", style="short", kind="off-topic", category=OFF, subject="tandoor",
question="how do i give my family their own logins on our tandoor instance?",
truth="""Not covered: user accounts in Tandoor are kitchen-planner configuration and not something the registry CMK documentation covers."""),
dict(key="X11", style="short", kind="off-topic", category=OFF, subject="linkding",
question="linkding browser extension stopped saving bookmarks after the update",
truth="""Not covered: a linkding browser extension that no longer saves bookmarks is bookmark-manager troubleshooting, unrelated to registry encryption."""),
dict(key="X12", style="short", kind="off-topic", category=OFF, subject="esphome",
question="esphome device keeps rebooting after flashing over wifi, why?",
truth="""Not covered: reboot loops of an ESPHome device after an over-the-air flash are home-automation firmware troubleshooting, outside the ACR customer-managed key topic."""),
]

QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"collegue": "colleague", "begining": "beginning", "aparently": "apparently"}
SHAPES = ["two_facts", "service_tag_json", "resource_change_record", "hex_dump", "pac_file", "fence_file_labels"]
SEED = 66
ID_PREFIX = "ad"

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
SPREAD_SETS = (65, 64)
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
    """(blind66.json text, blind66-meta.json text, blind66-first-canonicals.txt text)"""
    entries, meta = build()
    j = json.dumps(entries, indent=1, ensure_ascii=False) + "\n"
    m = json.dumps(meta, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    f = "\n".join(firsts) + "\n"
    return j, m, f


def main(out=HERE):
    j, m, f = render()
    for name, text in (("blind66.json", j), ("blind66-meta.json", m), ("blind66-first-canonicals.txt", f)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
