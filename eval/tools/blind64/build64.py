"""blind64 builder: holds the 60 questions (QUESTIONS) and writes blind64.json, blind64-meta.json and
blind64-first-canonicals.txt. render() returns the three files' exact text (check64.py compares it byte for byte)."""
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

# Document Details block that Microsoft Learn's feedback button appends to a docs issue (fields as GitHub shows them)
DOCS = {
    "OV": ("Overview of customer-managed keys", "tutorial-customer-managed-keys"),
    "EN": ("Enable a customer-managed key", "tutorial-enable-customer-managed-keys"),
    "RR": ("Rotate and revoke a customer-managed key", "tutorial-rotate-revoke-customer-managed-keys"),
    "SEC": ("Secure your registry", "secure-container-registry"),
}


def details(doc, doc_id, vid, login):
    title, stem = DOCS[doc]
    return ("---\n#### Document Details\n\n"
            "\u26a0 *Do not edit this section. It is required for learn.microsoft.com \u279f GitHub issue linking.*\n\n"
            "* ID: %s\n* Version Independent ID: %s\n"
            "* Content: [%s - Azure Container Registry](https://learn.microsoft.com/en-us/azure/container-registry/%s)\n"
            "* Content Source: [articles/container-registry/%s.md](https://github.com/MicrosoftDocs/azure-management-docs"
            "/blob/main/articles/container-registry/%s.md)\n"
            "* Service: **azure-container-registry**\n* GitHub Login: @%s\n* Microsoft Alias: **%s**"
            % (doc_id, vid, title, stem, stem, stem, login, login))


# ---------------- long on-topic ----------------
QL = [
# ---- tf_lock_file ----
dict(key="T1", style="long", kind="troubleshoot", category="iac", quals=["iac"], flags=["tf_lock_file"],
question="""We replaced the hand-written registry resource for crtamar with the AVM container registry module, version 0.8.0, and pass customer_managed_key with our vault, the key name and the user-assigned identity. Since then `terraform init -upgrade` in the pipeline stops, saying no azurerm release satisfies all the version constraints. The lock file the repository has carried since spring:

```hcl
# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "registry.terraform.io/hashicorp/azurerm" {
  version     = "4.72.0"
  constraints = "~> 4.72.0"
  hashes = [
    "h1:Qm3vX8sTnK1bR4yEw9LpZc2dJf6HaU0oGi7MxVt5NsY=",
    "zh:0b8f3e6d2c41a97f55e8d3b1c07a6f92e4d8b13c5a70f9e26d1b84c3e5f7a902",
    "zh:1c7e2a9b5f03d68e41b2c7f9a0d35e86b4f1c29d7e0a53b8f6c14d92e7a3b0f5",
  ]
}
```

The root module pins the provider that tightly because an earlier upgrade broke a different stack. What does the module need from us, and does it also set up the identity's access to the key?""",
canonical=[C + "avm-terraform-module-customer_managed_key-variable"],
related=[C + "azurerm-4x-removed-encryptionenabled-other-version-changes", C + "why-the-registry-needs-depends_on-on-the-role-assignment", C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs"],
facts=["it must also be in `managed_identities.user_assigned_resource_ids`"],
answer_facts=["v0.6.0 and later require azurerm", "the module uses the key's versionless_id"],
truth="""A newer provider than the locked 4.72.0: the AVM registry module requires azurerm >= 4.81.0 and < 5.0.0 from v0.6.0 on, so relax the root constraint (for example ~> 4.81), run terraform init -upgrade and commit the new lock file. Key access stays your job: create the Key Vault Crypto Service Encryption User assignment for the identity on the vault yourself and give the module a depends_on on it, and list the same identity in managed_identities.user_assigned_resource_ids too. Without key_version the module uses the key's versionless ID, so crtamar will follow new key versions."""),

dict(key="T2", style="long", kind="howto", category="iac", quals=["iac"], flags=["two_facts", "tf_lock_file"],
question="""crwye was created two years ago from Terraform on the 3.x provider, with an encryption block that carried the key ID and the identity's client ID. Nobody noticed that `az acr encryption show` reports it as disabled until an audit last week. We have since moved the configuration to the 4.x provider, and the plan now wants to change crwye in place, adding the encryption settings. Current lock file:

```hcl
provider "registry.terraform.io/hashicorp/azurerm" {
  version     = "4.46.0"
  constraints = ">= 4.0.0, < 5.0.0"
  hashes = [
    "h1:Yt7pWq2cLm9xRb4Ks0NvEj6aHg1ZdU3oFi8TsX5yMcA=",
    "zh:4a1d9c7e2b06f53e8a1c4d9b7f2e60a3c5b8d1e4f7a92c0b3d6e8f1a4c7b9d2e",
  ]
}
```

Why did the old configuration leave crwye without its customer-managed key? And how do we get the registry we actually wanted without breaking the teams that pull from crwye today?""",
canonical=[C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep", C + "azurerm-4x-removed-encryptionenabled-other-version-changes"],
related=[O + "moving-an-existing-registry-to-cmk", C + "terraform-azurerm_container_registry-encryption-block"],
facts=["ACR accepts a customer-managed key only when the registry is created."],
answer_facts=["deletes the old one and every image", "the provider sent status: disabled"],
truth="""On 3.x the encryption block also needed enabled = true; without it the provider sent status disabled, so crwye was created without CMK. With the locked 4.46.0 the block alone enables CMK, hence the in-place change, and the service is expected to refuse it because a customer-managed key can only be set when a registry is created. Don't force it with -replace either, which deletes crwye and all its images. Declare a second Premium registry with the encryption block, copy the images with az acr import, repoint clients and pipelines to the new login server, and retire crwye afterwards."""),

dict(key="T3", style="long", kind="troubleshoot", category="iac", quals=["iac"], flags=["tf_lock_file"],
question="""I copied the reference Terraform for a CMK registry (vault with RBAC, the identity's role assignment, registry with depends_on) into our platform repository for crexe. Plan fails on the vault before anything else:

```text
Error: Unsupported argument

An argument named "rbac_authorization_enabled" is not expected here.
```

Our lock file, which we are not allowed to bump this quarter:

```hcl
provider "registry.terraform.io/hashicorp/azurerm" {
  version     = "4.31.0"
  constraints = "~> 4.31"
  hashes = [
    "h1:Ha8dT2wQv5nXc0Lr7Mz3Kb9YeF1sUj4iGp6oNt2RxWE=",
    "zh:7e2c5a9d1b4f08e3a6c1d7b9f2e5a08c3d6b9e1f4a7c20d5b8e1f3a6c9d2b7e4",
  ]
}
```

Which spelling works with the provider we have, and does the rest of that example hold on it?""",
canonical=[C + "complete-terraform-example-with-key-vault-role-assignment-and-registry"],
related=[C + "azurerm-4x-removed-encryptionenabled-other-version-changes", C + "why-the-registry-needs-depends_on-on-the-role-assignment", C + "common-terraform-and-bicep-errors-with-acr-encryption"],
facts=["The identity running Terraform needs a key-creating data-plane role on the vault"],
answer_facts=["written for azurerm 4.42 or later", "enable_rbac_authorization before 4.42"],
truth="""With the locked 4.31.0 write enable_rbac_authorization = true on the vault: the rbac_authorization_enabled name only exists from azurerm 4.42.0, which the example is written for, and 5.x drops the old name, so switch when the bump comes. The rest works on 4.31.0: the encryption block without enabled (gone since 4.0), versionless_id, the registry identity holding only Key Vault Crypto Service Encryption User on the vault, and the registry's depends_on on that assignment. The identity that runs Terraform still needs a data-plane role such as Key Vault Crypto Officer to create the key."""),

dict(key="T4", style="long", kind="howto", category="rotation", quals=["iac"], flags=["tf_lock_file"],
question="""Every quarter, right after security rotates kek-dart in our vault, the Terraform plan shows crdart's encryption block changing in place to the new key ID, and the next apply moves the registry to that version. The key is read through a data source:

```hcl
data "azurerm_key_vault_key" "dart" {
  name         = "kek-dart"
  key_vault_id = data.azurerm_key_vault.dart.id
}

locals {
  dart_kek = data.azurerm_key_vault_key.dart.id
}

# inside azurerm_container_registry.dart
  encryption {
    key_vault_key_id   = local.dart_kek
    identity_client_id = module.dart_identity.client_id
  }
```

```hcl
provider "registry.terraform.io/hashicorp/azurerm" {
  version = "4.58.0"
  hashes = [
    "h1:Pw4cN8vRt1yXk6Ls3Jq0Hb7ZmD2eGa5UoFi9Ts6KyBo=",
  ]
}
```

We would like crdart to pick up new versions by itself, with Terraform no longer part of each rotation. What should we change?""",
canonical=[C + "automatic-key-rotation-in-terraform-versionless_id-vs-id"],
related=[C + "common-terraform-and-bicep-errors-with-acr-encryption", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["Automatic rotation only follows versions"],
answer_facts=["is the newest version at each refresh"],
truth="""Set local.dart_kek, and with it key_vault_key_id, to data.azurerm_key_vault_key.dart.versionless_id instead of .id. On the locked azurerm 4.58.0 the data source's id is the newest versioned key ID at every refresh, so each rotation turns into an encryption change on the next apply. With the versionless ID the change is applied once, and after that crdart moves to each new version of kek-dart on its own within about an hour while plans stay quiet. Don't rotate with az acr encryption rotate-key on the side; versionedKeyIdentifier in az acr encryption show tells which version crdart uses."""),

dict(key="T5", style="long", kind="no", category="iac", quals=["hsm", "iac", "oct2026"], flags=["two_facts", "tf_lock_file"],
question="""We are moving crnene's key into hsm-nene, our Managed HSM. Terraform already creates the HSM key and grants crnene's identity its role on it, but plan now stops at the registry resource with a parsing error about nested items in key_vault_key_id. Lock file of that configuration:

```hcl
provider "registry.terraform.io/hashicorp/azurerm" {
  version     = "4.52.0"
  constraints = "~> 4.52"
  hashes = [
    "h1:Jx2mV6cQe9tLb1Ws4Nk8Rf0YhZ3aDg7UoPi5Tv2KsMw=",
    "zh:9c3e1a7d5b2f48e0a6c3d9b1f7e2a54c8d1b6e9f3a7c05d2b8e4f1a6c3d9b7e0",
  ]
}

provider "registry.terraform.io/hashicorp/time" {
  version = "0.12.1"
  hashes = [
    "h1:Bk5nR1wZt7qYc3Lm9Jv2Hd6XsE0gFa4UoTi8Np1KyQe=",
  ]
}
```

Is there a way to keep the locked azurerm release and still point the registry at the Managed HSM key, and which output of the HSM key resource should feed key_vault_key_id so that new versions are followed?""",
canonical=[C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs", C + "managed-hsm-key-in-terraform"],
related=[C + "common-terraform-and-bicep-errors-with-acr-encryption", M + "managed-hsm-key-uris"],
facts=["older versions reject any `.managedhsm.` URI in `key_vault_key_id`"],
answer_facts=["azurerm from 4.65.0; neither avm module", "versioned_id the versioned one"],
truth="""No: azurerm 4.52.0 rejects every Managed HSM key URI in key_vault_key_id, and only 4.65.0 and later accept it, so raise the constraint and commit a new lock file (neither AVM registry module takes an HSM key, so stay on the plain resource). Then use the id of azurerm_key_vault_managed_hardware_security_module_key: for HSM keys id is already the versionless URI and versioned_id the pinned one, and with id crnene follows new key versions within an hour. Keep the HSM role assignment in the registry's depends_on."""),
# ---- openapi_schema ----
dict(key="O1", style="long", kind="no", category="iac", quals=["iac"], flags=["openapi_schema"],
question="""Our Bicep for crusk sets `keyRotationEnabled: true` inside keyVaultProperties, next to a key URI that ends in a version, because the platform standard says rotation must be on. The deployment goes through without complaint, yet the registry keeps reporting that rotation is off. Searching the REST specs of the registry API I found this:

```json
"KeyVaultProperties": {
  "type": "object",
  "properties": {
    "keyIdentifier": {
      "type": "string",
      "description": "Key vault uri to access the encryption key."
    },
    "keyRotationEnabled": {
      "type": "boolean",
      "readOnly": true,
      "description": "Auto key rotation status for a CMK enabled registry."
    },
    "lastKeyRotationTimestamp": {
      "type": "string",
      "format": "date-time",
      "readOnly": true,
      "description": "Timestamp of the last successful key rotation."
    }
  }
}
```

Is there any way to flip that flag to true from the template itself?""",
canonical=[C + "arm-template-json-propertiesencryption-and-keyvaultproperties"],
related=[C + "bicep-registry-with-a-customer-managed-key", K + "versioned-and-versionless-key-ids", S + "step-8-verify-the-encryption-status"],
facts=["`keyUriWithVersion` pins the current version"],
answer_facts=["do not copy the read-only properties", "when a versionless uri makes the registry"],
truth="""No: keyRotationEnabled is read-only, like lastKeyRotationTimestamp, so the value in crusk's Bicep is simply ignored and such properties don't belong in a template at all. The flag follows keyIdentifier: give it the versionless key URI (the key's keyUri instead of keyUriWithVersion) and redeploy, which is a normal key change on an existing CMK registry. keyRotationEnabled then reads true, and crusk moves to each new key version within an hour."""),

dict(key="O2", style="long", kind="value", category="identity", quals=["iac"], flags=["two_facts", "openapi_schema"],
question="""I am writing the ARM template for crspey by hand from the registry API's OpenAPI file rather than from a tutorial, and this is the part about encryption:

```json
{
  "EncryptionProperty": {
    "type": "object",
    "properties": {
      "status": {
        "type": "string",
        "enum": ["enabled", "disabled"],
        "x-ms-enum": {"name": "EncryptionStatus", "modelAsString": true}
      },
      "keyVaultProperties": {"$ref": "#/definitions/KeyVaultProperties"}
    }
  },
  "KeyVaultProperties": {
    "type": "object",
    "properties": {
      "keyIdentifier": {"type": "string"},
      "identity": {
        "type": "string",
        "description": "The client id of the identity which will be used to access key vault."
      }
    }
  }
}
```

id-spey has a resource ID, a principal ID and a client ID, and my first draft put in the principal ID, copied from the access policy section. Which of the three belongs in that field? And how do I get it inside the template?""",
canonical=[C + "customer-managed-keys-in-terraform-bicep-and-arm-templates", I + "which-identity-value-goes-where"],
related=[S + "set-up-cmk-with-an-arm-template", C + "arm-template-json-propertiesencryption-and-keyvaultproperties"],
facts=["A principal ID or resource ID here does not work."],
answer_facts=["encryption settings with the key uri", "reference(<identity resource ID>).clientId in the template"],
truth="""The client ID. keyVaultProperties.identity wants id-spey's client ID, not the principal ID that the access policy takes and not the resource ID. In the template read it with reference(<resource ID of id-spey>, '2023-01-31').clientId, list the same identity under identity.userAssignedIdentities by its resource ID, set status to enabled and keyIdentifier to the key URI, and let the registry depend on the access grant."""),

dict(key="O3", style="long", kind="why", category="limits", quals=[], flags=["openapi_schema"],
question="""Finance asked us to drop the customer-managed key on crlune and go back to plain platform encryption, so a colleague changed status to disabled in the registry's template and redeployed. The deployment fails. He points at the API definition, where disabled is listed as a perfectly valid value:

```json
"EncryptionProperty": {
  "description": "The encryption settings of the container registry.",
  "type": "object",
  "properties": {
    "status": {
      "description": "Indicates whether or not the encryption is enabled for container registry.",
      "type": "string",
      "enum": ["enabled", "disabled"]
    },
    "keyVaultProperties": {
      "$ref": "#/definitions/KeyVaultProperties",
      "description": "Key vault properties."
    }
  }
}
```

Why does the service turn down a value that its own specification allows?""",
canonical=[O + "cmk-cannot-be-disabled-after-it-is-enabled"],
related=[L + "feature-compatibility-summary", O + "cmk-can-only-be-enabled-when-the-registry-is-created"],
facts=["There is no command or portal switch to go back to Microsoft-managed keys only."],
answer_facts=["you cannot turn cmk encryption off later"],
truth="""Because the status enum describes two kinds of registry rather than a switch: disabled is what a registry created without a customer-managed key reports. Once crlune was created with CMK, the setting is permanent for the life of the registry, and no template, CLI command or portal option turns it off again. You can still change the key, its version, the vault and the identity; platform-only encryption would mean a new registry with the images copied over."""),

dict(key="O4", style="long", kind="howto", category="rotation", quals=[], flags=["openapi_schema"],
question="""Our change board wants crteme pinned to one approved key version and moved only by hand. Reading the registry API definition I hoped to write the approved version into the second of these two properties:

```json
"KeyVaultProperties": {
  "type": "object",
  "properties": {
    "keyIdentifier": {
      "type": "string",
      "description": "Key vault uri to access the encryption key."
    },
    "versionedKeyIdentifier": {
      "type": "string",
      "readOnly": true,
      "description": "The fully qualified key identifier that includes the version of the key that is actually used for encryption."
    }
  }
}
```

The deployment accepts it and changes nothing. How do we pin crteme to the version the board approved, and how do we move it to the next one later on?""",
canonical=[S + "step-6-choose-a-versioned-or-versionless-key-id"],
related=[K + "move-to-a-new-version-of-the-same-key", K + "check-which-key-version-the-registry-uses", C + "arm-template-json-propertiesencryption-and-keyvaultproperties"],
facts=["version actually in use"],
answer_facts=["the registry stays on that version"],
truth="""Put the version into keyIdentifier itself: the versioned key URI (.../keys/<key>/<version>) pins crteme, while versionedKeyIdentifier is read-only and only reports the version in use. For the next approved version, create it in the vault and run az acr encryption rotate-key --name crteme --key-encryption-key <new versioned URI>, or deploy the template with that URI; without --identity the current identity stays. Check versionedKeyIdentifier in az acr encryption show afterwards."""),

dict(key="O5", style="long", kind="yes", category="hsm", quals=["hsm", "oct2026"], flags=["openapi_schema"],
question="""Before we move crtrent's key into hsm-trent I read the registry API definition, because our internal provisioning API validates requests against it before calling Azure. The key property reads:

```json
"KeyVaultProperties": {
  "type": "object",
  "properties": {
    "keyIdentifier": {
      "type": "string",
      "description": "Key vault uri to access the encryption key."
    },
    "identity": {
      "type": "string",
      "description": "The client id of the identity which will be used to access key vault."
    }
  }
}
```

Because of that wording, the validator someone wrote only lets vault.azure.net hosts through. Does the service take a Managed HSM key URI in that same property, and in which form?""",
canonical=[O + "the-key-encryption-key-kek-and-its-identifier"],
related=[M + "managed-hsm-key-uris", M + "managed-hsm-is-a-supported-key-store-for-acr-cmk", S + "azure-cli-version-notes-for-cmk-commands"],
facts=["The URI must be HTTPS and must name a key, not a secret or certificate"],
answer_facts=["the dns suffix differs between azure clouds", "the uri must be https"],
truth="""Yes: keyIdentifier takes a Managed HSM key URI as well. Since the October 2026 revision of the ACR CMK tutorials Managed HSM is a documented key store, and the CLI passes managedhsm.azure.net URIs into that property unchanged. Use https://hsm-trent.managedhsm.azure.net/keys/<key> for automatic rotation, or add /<version> to pin it; it must be HTTPS and point at a key, and the DNS suffix differs outside the global cloud, so widen the validator to those hosts instead of hard-coding vault.azure.net."""),
# ---- role_definition_json (long) ----
dict(key="R1", style="long", kind="troubleshoot", category="keys", quals=[], flags=["role_definition_json"],
question="""Our security team does not allow built-in data roles on key vaults, so the identity of the new registry crtees got this custom role on kv-tees, which uses the RBAC permission model:

```json
{
  "Name": "Registry Key Reader",
  "IsCustom": true,
  "Description": "Lets registry identities read and unwrap their encryption keys.",
  "Actions": [],
  "NotActions": [],
  "DataActions": [
    "Microsoft.KeyVault/vaults/keys/read",
    "Microsoft.KeyVault/vaults/keys/unwrap/action"
  ],
  "NotDataActions": [],
  "AssignableScopes": [
    "/subscriptions/5c0e7a42-93d1-4b6f-a8e2-1f4d9c3b7e60/resourceGroups/rg-tees-keys"
  ]
}
```

The assignment on the vault was made yesterday, so it is not a timing issue, yet az acr create for crtees keeps failing with an error saying the identity needs get, wrap and unwrap rights on the key. What is wrong with the role?""",
canonical=[O + "identity-and-key-access-requirements"],
related=[A + "grant-access-with-an-azure-rbac-role", T + "registry-creation-cannot-access-the-key", A + "why-key-vault-crypto-user-is-not-needed"],
facts=["New role assignments can take a few minutes to take effect."],
answer_facts=["key permissions get, wrapkey and unwrapkey"],
truth="""It cannot wrap: Registry Key Reader grants Microsoft.KeyVault/vaults/keys/read and Microsoft.KeyVault/vaults/keys/unwrap/action but not Microsoft.KeyVault/vaults/keys/wrap/action, and the registry identity needs all three of get, wrapKey and unwrapKey. Add the wrap data action to the role, or better assign the built-in Key Vault Crypto Service Encryption User, which is exactly read, wrap and unwrap and the only role the ACR docs name; give a changed role a few minutes, then run az acr create again."""),

dict(key="R2", style="long", kind="undocumented", category="hsm", quals=["hsm", "oct2026"], flags=["role_definition_json"],
question="""The administrators of hsm-wear defined their own local role for every service that wraps keys there, and they want crwear's encryption identity to receive that one rather than the built-in role. What they showed me:

```json
{
  "roleName": "Key Wrap Service",
  "roleType": "CustomRole",
  "type": "Microsoft.Authorization/roleDefinitions",
  "assignableScopes": ["/"],
  "permissions": [
    {
      "actions": [],
      "notActions": [],
      "dataActions": [
        "Microsoft.KeyVault/managedHsm/keys/read/action",
        "Microsoft.KeyVault/managedHsm/keys/wrap/action",
        "Microsoft.KeyVault/managedHsm/keys/unwrap/action"
      ],
      "notDataActions": []
    }
  ]
}
```

It would be assigned to the identity at /keys/kek-wear. Is a custom local role like this a supported way to give the registry its Managed HSM key, or does it have to be the built-in one?""",
canonical=[A + "grant-access-to-a-key-in-a-managed-hsm"],
related=[M + "local-rbac-roles-for-acr-encryption", M + "requirements-for-a-managed-hsm-key-store"],
facts=["Scope: the key, `/keys/<key-name>`, for least privilege"],
answer_facts=["managed hsm crypto service encryption user"],
truth="""Not documented: the ACR tutorials only ever name the built-in Managed HSM Crypto Service Encryption User role for the registry identity and say nothing about custom local roles. Key Wrap Service holds the same three data actions (Microsoft.KeyVault/managedHsm/keys/read/action plus wrap and unwrap), so it may work, but nothing confirms it. For a supported setup assign the built-in role to the identity's principal ID at /keys/kek-wear with az keyvault role assignment create --hsm-name hsm-wear; try the custom role only on a test HSM first."""),

# ---- docs_feedback_block ----
dict(key="D1", style="long", kind="troubleshoot", category="recovery", quals=["oct2026"], flags=["docs_feedback_block"],
question="""Last year I filed a docs issue about the revoke example, and it was closed as fixed. Our revocation runbook, though, was copied from the page before the fix and still hands the key's URI to the object ID, which the CLI rejects. The issue as GitHub shows it:

```markdown
The revoke section removes the access policy with `--object-id <key-vault-key-id>`. Object IDs are GUIDs of principals, so copying this fails.

""" + details("RR", "6d2f0b84-1c7a-4e95-b3d8-92a4f5c1e077", "b1e9c3a5-7f20-4d68-8c4b-3a5e0f9d2c16", "mhellberg") + """
```

kv-derwent uses access policies and protects crderwent. What exactly should the runbook pass there, and what happens to crderwent once that step has run?""",
canonical=[V + "revoke-by-removing-the-access-policy"],
related=[V + "what-revocation-does-to-the-registry", V + "restore-access-after-a-revocation", I + "which-identity-value-goes-where"],
facts=["Once the registry's identity loses its permission to use the key, access to **all** registry data is blocked"],
answer_facts=["not a key id"],
truth="""Pass the principal ID of crderwent's encryption identity: az keyvault delete-policy --name kv-derwent --resource-group <rg> --object-id <principal ID>; a key URI never belongs there. tutorial-rotate-revoke-customer-managed-keys shows it that way since its October 2026 revision, which is the fix your issue got. Once the step runs, the identity loses get, wrapKey and unwrapKey and every pull, push and import on crderwent stops; adding the policy back with set-policy brings the registry back without any command on the registry itself."""),

dict(key="D2", style="long", kind="howto", category="iac", quals=["iac", "oct2026"], flags=["docs_feedback_block"],
question="""Our team opened this issue because the enable tutorial's ARM template stopped working for us after the page changed:

```markdown
The template on this page no longer has a vault_name parameter or an access policy resource. Our pipeline deploys it against an RBAC vault and the registry fails to deploy because its identity cannot use the key. Is the template incomplete?

""" + details("EN", "9a4c1e73-2b58-4d06-8f3e-c7d1a5b90e24", "3f7e0c92-d461-4a1b-b5c8-e29a06f4d317", "lstraub") + """
```

Until somebody answers there: what has to exist before the deployment runs, and how do we fold that into our own template so the registry never races the grant?""",
canonical=[S + "set-up-cmk-with-an-arm-template"],
related=[S + "the-enable-tutorials-own-template", C + "arm-template-json-propertiesencryption-and-keyvaultproperties", A + "grant-access-with-an-azure-rbac-role"],
facts=["It grants no key access itself"],
answer_facts=["must depend on the access grant"],
truth="""Since the October 2026 revision the template in tutorial-enable-customer-managed-keys grants no key access on purpose: the user-assigned identity and its access must exist first. For an RBAC vault add a Microsoft.Authorization/roleAssignments resource scoped to the vault with role definition ID e147488a-f6f5-4113-8e2d-b22465e65bf6 (Key Vault Crypto Service Encryption User), principalType ServicePrincipal and the identity's principal ID, and make the registry depend on that assignment; keyVaultProperties.identity still takes the identity's client ID."""),

dict(key="D3", style="long", kind="yes", category="hsm", quals=["hsm", "oct2026"], flags=["docs_feedback_block"],
question="""A colleague raised this against the registry security guide, and our architecture board will not approve the HSM-based design for crmersey until it is settled:

```markdown
This page recommends a customer-managed key stored in Azure Key Vault and never mentions Managed HSM, while the CMK tutorials describe HSM keys step by step. Which page is right?

""" + details("SEC", "2b8e5f10-73c4-4a9d-9e61-d0f3b7a5c842", "c5a1d7e3-08b2-4f6c-a94d-71e3f0b2c958", "rvandermeer") + """
```

Is a key in our Managed HSM actually a supported choice for crmersey's customer-managed key?""",
canonical=[M + "using-an-azure-key-vault-managed-hsm-key-for-registry-encryption"],
related=[M + "managed-hsm-is-a-supported-key-store-for-acr-cmk", O + "managed-hsm-keys", M + "requirements-for-a-managed-hsm-key-store"],
facts=["They were written before the tutorials were revised"],
answer_facts=["azure key vault managed hsm (mhsm)", "the registry side stays the same"],
truth="""Yes: since the October 2026 revision the four ACR CMK tutorials document Managed HSM as a second key store next to Key Vault vaults. secure-container-registry was written before that revision and still speaks of Key Vault only, so follow the tutorials for the design: an activated HSM, an RSA-HSM key that allows wrapKey and unwrapKey, the Managed HSM Crypto Service Encryption User role for crmersey's identity at the key's scope (which you create yourself), and Managed HSM available in crmersey's cloud and region."""),

dict(key="D4", style="long", kind="troubleshoot", category="troubleshooting", quals=["oct2026"], flags=["docs_feedback_block"],
question="""We opened this after a new admin followed the rotation page word for word:

```markdown
The rotation section lists the permissions as get, wrap, and unwrap. Running set-policy with exactly those three values is rejected as invalid. Please fix the wording.

""" + details("RR", "e0c6a9b2-5d17-48f3-a2e4-6b9c1d8f0a35", "74d2b8f6-1e09-4c35-9a7b-f5e3c0d1a286", "tkowalczyk") + """
```

The issue is still open, and crcolne's new identity needs its access policy on kv-colne today. Which values does set-policy accept? Is the page actually wrong?""",
canonical=[T + "invalid-key-permission-names-wrap-and-unwrap"],
related=[A + "grant-access-with-a-key-vault-access-policy", T + "set-policy-fails-on-an-rbac-key-vault"],
facts=["Matching is case-insensitive (`WRAPKEY` works)."],
answer_facts=["wrap and unwrap are not accepted values"],
truth="""Use get, wrapKey and unwrapKey, for example az keyvault set-policy --name kv-colne --object-id <principal ID> --key-permissions get unwrapKey wrapKey. The wording in tutorial-rotate-revoke-customer-managed-keys is prose shorthand that the October 2026 revision still carries, and the CLI turns down wrap and unwrap as values (case does not matter for the real names). If kv-colne uses RBAC instead, set-policy will not run at all; assign Key Vault Crypto Service Encryption User there."""),

dict(key="D5", style="long", kind="howto", category="identity", quals=["oct2026"], flags=["docs_feedback_block"],
question="""Docs issue from our team, still open:

```markdown
In the sample output of the identity creation step, the id ends in /userAssignedIdentities/myresourcegroup instead of the identity's name. Our setup script built its test fixture from that sample and derived the identity value for registry creation from it.

""" + details("EN", "8f1d3b6c-4a20-47e9-b8c5-0d2e9a7f13b4", "a6c0e4f8-93d1-4b72-8e5a-c1f7d3b09e62", "nokafor") + """
```

Meanwhile registry creation for crstour fails because the identity cannot be found. Where should the script take the identity's value from, and which of the identity's IDs does az acr create want?""",
canonical=[I + "create-the-user-assigned-identity-and-capture-its-ids"],
related=[I + "which-identity-value-goes-where", S + "step-2-create-a-user-assigned-managed-identity-and-capture-its-ids", S + "rules-that-az-acr-create-enforces-for-cmk"],
facts=["`IDENTITY_ID` (resource ID) is what `az acr create --identity` takes."],
answer_facts=["a slip in the sample", "always the identity's own name"],
truth="""From the real identity, never from the sample: the id ending in /myresourcegroup is a slip in the sample output of tutorial-enable-customer-managed-keys, still present in its October 2026 revision, and a real ID always ends in the identity's own name. Let the script call az identity show for the identity and use its id, the resource ID, which is what az acr create --identity takes (the bare name also works if the identity sits in crstour's resource group); the principal ID is only for the key grant."""),
# ---- md_footnotes ----
dict(key="F1", style="long", kind="troubleshoot", category="recovery", quals=["hsm", "oct2026"], flags=["md_footnotes"],
question="""For the quarterly drill we cut crlugg off from kek-lugg in hsm-lugg by deleting its encryption identity's role assignment at /keys/kek-lugg[^1]. The delete succeeded and the assignment no longer shows at that scope, but pulls from crlugg kept working for the whole two-hour window[^2], so we ended the drill believing revocation is broken.

Why didn't removing the key-scoped assignment revoke anything, and which deletions would actually lock crlugg out of its HSM key?

[^1]: Same command as on the rotate-and-revoke page, only with our names filled in.
[^2]: The identity also received the encryption user role for every key in the pool when the bootstrap pipeline onboarded crlugg in 2025.""",
canonical=[M + "revoke-access-to-a-managed-hsm-key"],
related=[V + "revoke-access-to-a-key-in-a-managed-hsm", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
facts=["Any other local role that includes wrap and unwrap (for example Managed HSM Crypto User) keeps access working too."],
answer_facts=["either of those still grants access"],
truth="""The bootstrap pipeline gave the identity the role at /keys, the whole pool, and that assignment survived: deleting at /keys/kek-lugg touches only what was created at exactly that path. List every local role the identity holds in hsm-lugg without a scope filter (az keyvault role assignment list --hsm-name hsm-lugg --assignee-object-id <principal ID>), remove the Managed HSM Crypto Service Encryption User assignment at /keys too, and look for other roles able to wrap, such as Managed HSM Crypto User. Only then is crlugg cut off; recreating the kek-lugg assignment afterwards brings it back."""),

dict(key="F2", style="long", kind="howto", category="recovery", quals=["hsm", "oct2026"], flags=["md_footnotes"],
question="""We retired crleven last month and deleted hsm-leven along with it, since the HSM held nothing else[^1]. This month's invoice still shows the HSM pool at nearly the full rate[^2], and finance wants it gone. How do we stop paying for the HSM we already deleted? Is it safe to purge it now?

[^1]: The registry was removed first; its images had been copied into crmedway, whose key sits in an ordinary vault.
[^2]: Roughly the same daily charge as while it was running, starting the day after deletion.""",
canonical=[M + "recover-a-deleted-managed-hsm-key-or-hsm"],
related=[V + "recover-a-deleted-managed-hsm", L + "pricing-considerations"],
facts=["Purging removes it for good, and with it every key"],
answer_facts=["keeps being billed until it is recovered"],
truth="""Purge it: a deleted Managed HSM is only soft-deleted, its capacity stays allocated, and it keeps being billed until it is recovered or purged (or its retention period ends). Nothing needs hsm-leven's keys any more, since crleven is gone and crmedway uses a vault key, so purging with az keyvault purge --hsm-name hsm-leven --location <region> by someone holding Managed HSM Contributor is safe and ends the charge; if purge protection was switched on, the purge is refused and the pool stays billed until the retention period runs out. Purging is irreversible, which is exactly why it must never happen while a registry still depends on that HSM."""),

dict(key="F3", style="long", kind="troubleshoot", category="troubleshooting", quals=[], flags=["two_facts", "md_footnotes"],
question="""Since this morning every pull from crarun returns 403 and az acr import fails as well, yet nobody touched the registry, its identity or the access policies on kv-arun[^1]. The key is still there and `az keyvault key show` lists it without complaint. The only recent change in that subscription is a nightly hygiene job[^2].

What did the job do to crarun, and how do we get the registry working again without waiting for a brand new key?

[^1]: Checked in the activity log and with az keyvault show; the policy still grants get, wrapKey and unwrapKey.
[^2]: It walks all vaults and sets Enabled to No on key versions older than a year, to push teams towards rotation.""",
canonical=[T + "key-is-disabled-or-expired", V + "disabling-the-key-instead-a-key-vault-option-not-in-the-acr-docs"],
related=[T + "registry-access-lost-after-key-permissions-were-revoked"],
facts=["Key Vault refuses every cryptographic operation on a disabled key version"],
answer_facts=["in effect this is a revocation", "re-enable with --enabled true"],
truth="""It disabled the key version crarun encrypts with: that version is older than a year, and Key Vault refuses every wrap and unwrap on a disabled version, which locks the registry out just like a revocation. Read versionedKeyIdentifier from az acr encryption show, run az keyvault key set-attributes --vault-name kv-arun --name <key> --version <that version> --enabled true, and retry a pull. Then exclude registry keys from the job, or create a new version and move crarun to it before the old one gets switched off again."""),

dict(key="F4", style="long", kind="howto", category="limits", quals=[], flags=["md_footnotes"],
question="""crtaff replicates to West Europe, Sweden Central and UK South[^1], while its key lives in a single vault, kv-taff, in West Europe[^2]. Our resilience review wants to know what the registry documentation says about keeping the replicas usable when that one region has trouble, and whether anything specific to customer-managed keys limits geo-replication at all.

What does the guidance say, and what should we change on the key side?

[^1]: Replicas added over the last year with az acr replication create; none was ever removed.
[^2]: Standard tier, access policies, purge protection on, and no backup copy of the key anywhere.""",
canonical=[L + "geo-replication-works-with-cmk"],
related=[L + "geo-replication-with-a-managed-hsm-key", L + "feature-compatibility-summary"],
facts=["A geo-replicated Premium registry can be encrypted with a customer-managed key."],
answer_facts=["the docs state no other cmk-specific"],
truth="""Geo-replication works with a customer-managed key, and the docs state no other CMK-specific limit; what the geo-replication article asks of CMK users is to follow Azure Key Vault's own failover and redundancy (disaster-recovery) guidance. Every replica of crtaff depends on kv-taff, so treat that vault's availability as the registry's: apply the Key Vault guidance to kv-taff, deal with the missing backup of the key as part of it, and keep purge protection on so a deleted key stays recoverable. The registry docs go no further than that."""),

dict(key="F5", style="long", kind="troubleshoot", category="setup", quals=[], flags=["md_footnotes"],
question="""I wanted crteign's own identity to reach kek-teign from the first day, so I ran az acr create with --identity [system] and the key URI[^1]. zsh stopped at once with "no matches found"[^2]. After quoting it the shell was happy, but the CLI then looked for a user-assigned identity literally named [system] and gave up.

How do I get crteign onto its system-assigned identity?

[^1]: Versionless URI of kek-teign in kv-teign, which uses the RBAC model.
[^2]: Same on a colleague's Mac; in bash on the build agent the command picked up a stray file called m from the working directory instead.""",
canonical=[T + "system-assigned-identity-rejected-at-registry-creation"],
related=[I + "quote-system-in-shell-commands", I + "switch-to-the-registrys-system-assigned-identity-after-creation", S + "rules-that-az-acr-create-enforces-for-cmk"],
facts=["`--identity '[system]'` is not accepted by `az acr create`"],
answer_facts=["system-assigned identity can be used only later"],
truth="""Only after creation: az acr create accepts just a user-assigned identity, because crteign's own identity does not exist yet. Create crteign with a user-assigned identity that holds Key Vault Crypto Service Encryption User on kv-teign, then run az acr identity assign --identities '[system]' (always quoted, or zsh complains and bash may substitute that stray file), give the new principal ID the same role on kv-teign, and switch with az acr encryption rotate-key --key-encryption-key <versionless URI> --identity '[system]'."""),

# ---- other long posts ----
dict(key="L23", style="long", kind="troubleshoot", category="network", quals=["hsm", "iac", "oct2026"], flags=[],
question="""While creating crbure in the portal I switched on the Encryption tab's customer-managed key option, picked our user-assigned identity and went for Select from Key Vault. hsm-bure shows up in the list, but after I select it the key drop-down stays empty, although kek-bure exists and our identity was granted the HSM role on it last week. From a jump box inside the network the HSM answers normally. The network part of `az keyvault show --hsm-name hsm-bure`:

```json
{
  "networkAcls": {
    "bypass": "AzureServices",
    "defaultAction": "Deny",
    "ipRules": []
  },
  "publicNetworkAccess": "Enabled"
}
```

What keeps the portal from showing me the keys of hsm-bure? And can I still finish creating crbure there?""",
canonical=[N + "the-portal-key-picker-and-a-key-store-firewall"],
related=[M + "key-picker-blocked-by-the-hsm-firewall", T + "portal-key-picker-cannot-list-keys-behind-the-managed-hsm-firewall", S + "set-up-cmk-in-the-azure-portal"],
facts=["lists keys through the key store's data plane, from your browser"],
answer_facts=["allow your client ip on the hsm", "read from a network that is allowed"],
truth="""The picker lists keys from your browser through hsm-bure's data plane, and with defaultAction Deny and no IP rule your address is refused; the AzureServices bypass only lets ACR itself through, not a browser outside the network boundary. You can still finish in the portal: choose Enter key URI and paste kek-bure's key ID, read on the jump box with az keyvault key show --hsm-name hsm-bure --name kek-bure (without the version for automatic rotation), or add your client IP to the Managed HSM firewall for the picker and remove it afterwards. Leave the bypass on so crbure can reach the key."""),

dict(key="L24", style="long", kind="undocumented", category="limits", quals=[], flags=[],
question="""Budget review: crrother is on Premium only because it was created with a customer-managed key in 2024. It has no replicas, no private endpoints and no connected registries, and at about 300 GB it fits comfortably into Standard. Finance wants it on Standard from next month. Its encryption settings today:

```json
{
  "keyVaultProperties": {
    "identity": "0b9d4e27-3f61-4a8c-9d05-6e2c7b1a8f43",
    "keyIdentifier": "https://kv-rother.vault.azure.net/keys/kek-rother",
    "keyRotationEnabled": true
  },
  "status": "enabled"
}
```

Can a registry like this be moved down to Standard while it keeps its key, and what would you do before trying?""",
canonical=[L + "changing-the-sku-of-a-cmk-registry-is-not-documented"],
related=[T + "cmk-needs-the-premium-tier", O + "cmk-cannot-be-disabled-after-it-is-enabled"],
facts=["Don't try it on a production registry"],
answer_facts=["do not assume it works"],
truth="""Not documented: registries can in general change SKU when the target tier has room, with Premium-only features switched off or removed first, but the docs do not say whether a CMK-encrypted registry can go from Premium to Standard. CMK exists only on Premium and can never be disabled, so don't assume crrother can move: ask Azure support before any attempt and never test it on the production registry. If the saving matters more, the route that relies on nothing undocumented is a new Standard registry without CMK, with the images copied across."""),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="troubleshoot", category="keys", quals=[], flags=["role_definition_json"],
question='custom role `{"DataActions":["Microsoft.KeyVault/vaults/keys/read","Microsoft.KeyVault/vaults/keys/wrap/action","Microsoft.KeyVault/vaults/keys/unwrap/action"]}` on our access-policy kv, acr still denied?',
canonical=[T + "role-assignment-has-no-effect-on-an-access-policy-vault"],
related=[A + "which-permission-model-does-my-key-vault-use", A + "changing-an-existing-vaults-permission-model"],
facts=["only its access policies count"],
answer_facts=["azure role assignments grant no key access"],
truth="""On an access-policy vault no Azure role counts, custom or built-in: even Microsoft.KeyVault/vaults/keys/wrap/action in a role grants nothing there, only access policies do. Give the identity's principal ID a policy with get, wrapKey and unwrapKey (az keyvault set-policy --key-permissions get unwrapKey wrapKey), or move the vault to RBAC after creating role assignments for everything that uses it."""),
dict(key="S2", style="short", kind="howto", category="limits", quals=[], flags=[],
question="one command to list every acr in the subscription with its cmk status",
canonical=[L + "check-the-encryption-status-of-a-registry"],
related=[S + "step-8-verify-the-encryption-status"],
facts=["`status` is `enabled` for a CMK registry"],
answer_facts=["to list every registry in the subscription"],
truth="""az acr list with a projection of name, SKU and encryption status, for example --query "[].{name:name, sku:sku.name, cmk:encryption.status}" --output table; enabled marks a CMK registry. For the key details of one registry use az acr encryption show."""),
dict(key="S3", style="short", kind="value", category="rotation", quals=["hsm", "oct2026"], flags=[],
question="shortest rotation interval for a managed hsm key policy behind an acr",
canonical=[M + "rotate-a-managed-hsm-key"],
related=[K + "create-a-new-version-in-a-managed-hsm", K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy"],
facts=["a key holds at most 100 versions"],
answer_facts=["rotate more often than every 28 days"],
truth="""28 days: a Managed HSM rotation policy cannot rotate more often than that, unlike vault policies, which go down to 7 days. A policy must exist before on-demand rotation works there, a key holds at most 100 versions, and a registry on the versionless URI picks each new version up within an hour."""),
dict(key="S4", style="short", kind="yes", category="limits", quals=[], flags=[],
question="can notation still sign images pushed to our cmk acr?",
canonical=[L + "notation-signatures-on-cmk-registries"],
related=[L + "docker-content-trust-is-being-retired-use-notation", T + "content-trust-cannot-be-enabled"],
facts=["Notation works on CMK registries"],
answer_facts=["notation 1.2.0 and later store signatures"],
truth="""Yes: Notation 1.2.0 or later signs images on a CMK registry and, since such registries lack the OCI Referrers API, stores the signatures through the referrers tag schema. Docker Content Trust is the one that cannot be enabled there."""),
dict(key="S5", style="short", kind="no", category="limits", quals=["iac"], flags=[],
question="can the portal turn cmk off on an existing acr later?",
canonical=[L + "feature-compatibility-summary"],
related=[O + "cmk-cannot-be-disabled-after-it-is-enabled"],
facts=["Only at creation; create a new registry and copy content"],
answer_facts=["permanent for the life of the registry"],
truth="""No: disabling CMK is not possible anywhere, portal included; a registry created with a customer-managed key keeps one for life. Only the key, its version, the vault and the identity can change; otherwise it takes a new registry without CMK and copying the images."""),
dict(key="S6", style="short", kind="undocumented", category="recovery", quals=[], flags=[],
question="does disabling the kv key revoke acr access the way deleting it does?",
canonical=[V + "disabling-the-key-instead-a-key-vault-option-not-in-the-acr-docs"],
related=[V + "what-revocation-does-to-the-registry", T + "key-is-disabled-or-expired"],
facts=["Re-enable with `--enabled true`."],
answer_facts=["effect on a registry is not documented"],
truth="""Not documented: the ACR articles only list removing the identity's access and deleting the key as ways to revoke. Key Vault refuses cryptographic operations on a disabled key, so expect the registry to be blocked the same way and to recover after set-attributes --enabled true, but test that before relying on it."""),
dict(key="S7", style="short", kind="troubleshoot", category="troubleshooting", quals=[], flags=[],
question="az acr check-health flags cmk_error since we deleted an old uami, how to fix?",
canonical=[T + "check-health-reports-cmk_error"],
related=[L + "az-acr-check-health-and-cmk_error", I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
facts=["rotate the key to a different managed identity that has access to the key"],
answer_facts=["typically that identity was deleted"],
truth="""The check means the registry cannot reach the identity its encryption is set to use, here the deleted one, so a reattach is no longer possible. Give another identity access to the key (for example the system-assigned one after az acr identity assign '[system]' and a grant on the vault), rotate onto it with az acr encryption rotate-key and the current key URI, then run az acr check-health again."""),
dict(key="S8", style="short", kind="howto", category="identity", quals=[], flags=[], typo="succesfully",
question="rotate-key finished succesfully, how do i confirm acr now uses the new uami?",
canonical=[I + "switch-to-a-different-user-assigned-identity"],
related=[I + "which-identity-value-goes-where", K + "rotate-with-a-different-identity-or-the-system-assigned-identity"],
facts=["client ID, or `system` for the system-assigned identity"],
answer_facts=["reports the new client id"],
truth="""Run az acr encryption show and compare keyVaultProperties.identity with the new identity's client ID from az identity show; only once it shows the new value should the old identity be detached or lose its access to the key."""),
dict(key="S9", style="short", kind="value", category="recovery", quals=[], flags=[], typo="accesible",
question="how long does a deleted kv key stay accesible for recovery by the acr?",
canonical=[V + "recover-a-deleted-key"],
related=[V + "revoke-by-deleting-the-key", O + "soft-delete-and-purge-protection-on-the-key-vault"],
facts=["If the key is later purged, or the retention period runs out, the registry's content is lost for good."],
answer_facts=["90 by default"],
truth="""For the vault's soft-delete retention period: 7 to 90 days, 90 unless set otherwise when the vault was created. Recover it with az keyvault key recover inside that window and the registry resumes; once purged or past retention, the registry's content is gone for good."""),
dict(key="S10", style="short", kind="value", category="setup", quals=[], flags=[], typo="arguement",
question="which arguement of az acr create takes the uami, and in what form?",
canonical=[S + "step-7-create-the-premium-registry-with-the-customer-managed-key"],
related=[S + "rules-that-az-acr-create-enforces-for-cmk", I + "which-identity-value-goes-where"],
facts=["`--identity` and `--key-encryption-key` go together."],
answer_facts=["not its principal id or client id"],
truth="""--identity, with the user-assigned identity's resource ID (or only its name when it sits in the registry's resource group), never its principal ID or client ID; it has to come together with --key-encryption-key."""),
dict(key="S11", style="short", kind="why", category="keys", quals=[], flags=[],
question="why does our standard kv refuse rsa-hsm keys for the acr cmk?",
canonical=[O + "rsa-hsm-keys-need-a-premium-key-vault"],
related=[T + "rsa-hsm-key-creation-fails-in-a-standard-vault", O + "which-key-types-and-sizes-are-supported"],
facts=["`--protection hsm` together with `--kty RSA` has the same effect as `--kty RSA-HSM`"],
answer_facts=["a standard vault (the default) supports"],
truth="""Premium is Key Vault's condition for HSM-backed keys: the Standard tier offers software-protected RSA only, so --kty RSA-HSM (or --protection hsm) fails there. ACR is fine with plain RSA, so that key works as it is; if policy demands HSM protection, put the key in a vault created with --sku premium and give the identity its grant on that vault."""),
dict(key="S12", style="short", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="checking the uami's access on the hsm key before running acr create",
canonical=[A + "verify-the-identitys-access"],
related=[M + "local-rbac-roles-for-acr-encryption", T + "managed-hsm-role-assignment-not-yet-in-effect"],
facts=["run it again without `--scope`"],
answer_facts=["an empty result means no assignment at"],
truth="""Query the HSM's local RBAC for the identity's principal ID at the key: az keyvault role assignment list --hsm-name <hsm> --assignee-object-id <principal ID> --scope /keys/<key>; a correct setup returns Managed HSM Crypto Service Encryption User. Nothing returned just means nothing sits at that exact path, so drop --scope to look at / and /keys too, and allow several minutes after a fresh assignment before creating the registry."""),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="A1", style="agent", form="context", kind="troubleshoot", category="keys", quals=[], flags=["role_definition_json"],
question='Context: kv-calder uses RBAC and our custom role for registry identities is `{"Actions":["Microsoft.KeyVault/vaults/read","Microsoft.KeyVault/vaults/keys/read"],"DataActions":[],"AssignableScopes":["/subscriptions/5c0e7a42-93d1-4b6f-a8e2-1f4d9c3b7e60"]}`. Question: why can crcalder\'s identity still not use its key?',
canonical=[A + "your-own-permissions-to-create-keys-in-an-rbac-vault"],
related=[A + "grant-access-with-an-azure-rbac-role", A + "why-key-vault-crypto-user-is-not-needed"],
facts=["This role is for the operator only"],
answer_facts=["those are management-plane roles"],
truth="""Both entries are management-plane Actions: Microsoft.KeyVault/vaults/read and Microsoft.KeyVault/vaults/keys/read let the identity see the vault and key resources through Resource Manager, just as Owner or Contributor would, but using the key is data-plane work that only DataActions grant (keys read, wrap and unwrap). Assign the built-in Key Vault Crypto Service Encryption User on kv-calder to the identity instead."""),
dict(key="A2", style="agent", form="imperative", kind="value", category="keys", quals=[], flags=["role_definition_json"],
question='List which data actions of this draft role the registry identity on kv-marden really needs: `{"DataActions":["Microsoft.KeyVault/vaults/keys/read","Microsoft.KeyVault/vaults/keys/encrypt/action","Microsoft.KeyVault/vaults/keys/decrypt/action","Microsoft.KeyVault/vaults/keys/wrap/action","Microsoft.KeyVault/vaults/keys/unwrap/action","Microsoft.KeyVault/vaults/keys/sign/action"]}`',
canonical=[T + "troubleshooting-customer-managed-keys"],
related=[A + "why-key-vault-crypto-user-is-not-needed", O + "identity-and-key-access-requirements"],
facts=["general cryptographic operations with keys"],
answer_facts=["get, wrapkey and unwrapkey"],
truth="""Three of them: Microsoft.KeyVault/vaults/keys/read, Microsoft.KeyVault/vaults/keys/wrap/action and Microsoft.KeyVault/vaults/keys/unwrap/action, the data-plane counterpart of get, wrapKey and unwrapKey. Encrypt, decrypt and sign are the extra operations of Key Vault Crypto User that the registry never uses; the built-in Key Vault Crypto Service Encryption User already is exactly the needed set."""),
dict(key="A3", style="agent", form="context", kind="howto", category="identity", quals=["hsm", "oct2026"], flags=[],
question="Context: crnidd encrypts with kek-nidd in hsm-nidd through a user-assigned identity we want to retire. Question: how do we move crnidd to its system-assigned identity, including the grant on the HSM key?",
canonical=[I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
related=[M + "local-rbac-roles-for-acr-encryption", K + "rotate-with-a-different-identity-or-the-system-assigned-identity"],
facts=["Keep the original user-assigned identity attached and its access in place until step 5 shows the change"],
answer_facts=["the system-assigned identity of the registry"],
truth="""Four moves, then a check: assign '[system]' to crnidd with az acr identity assign, look up the new principal ID with az acr identity show, create the Managed HSM Crypto Service Encryption User assignment for it at /keys/kek-nidd in hsm-nidd (az keyvault role assignment create --hsm-name hsm-nidd with --assignee-principal-type MSI; nothing in ACR does this for you), and switch encryption with az acr encryption rotate-key --identity '[system]' and the unchanged key URI. When az acr encryption show says system, the old user-assigned identity can go."""),
dict(key="A4", style="agent", form="imperative", kind="howto", category="rotation", quals=["hsm", "iac", "oct2026"], flags=[],
question="Outline the portal steps to rotate crsolway from its vault key onto kek-solway in our Managed HSM hsm-solway, including the parts the portal leaves to us",
canonical=[K + "rotate-the-key-in-the-azure-portal"],
related=[M + "rotate-a-managed-hsm-key", N + "the-portal-key-picker-and-a-key-store-firewall"],
facts=["for a Managed HSM key the portal does not create the local role assignment"],
answer_facts=["offers key vaults and managed hsms"],
truth="""First give crsolway's encryption identity the Managed HSM Crypto Service Encryption User role on kek-solway under hsm-solway's Settings > Local RBAC; the portal will not create it. Then open crsolway, Settings > Encryption > Change key, pick the key with Select from Key Vault (which now lists Managed HSMs and stores the key versionless, so automatic rotation is on) or paste the HSM key ID into Enter key URI, and save. Keep the vault key and its access until az acr encryption show reports the new key."""),
dict(key="A5", style="agent", form="keywords", kind="howto", category="rotation", quals=["hsm", "oct2026"], flags=[],
question="new version of the acr cmk key inside managed hsm, keep rsa-hsm and the wrapkey unwrapkey ops, registry on versionless uri",
canonical=[K + "create-a-new-version-with-az-keyvault-key-create"],
related=[K + "create-a-new-version-in-a-managed-hsm", K + "how-new-key-versions-are-created"],
facts=["The registry identity's local role, scoped to `/keys/<key-name>`, covers every version of the key"],
answer_facts=["adds a new version to that key"],
truth="""Run az keyvault key create again under the existing key name: az keyvault key create --name <key> --hsm-name <hsm> --kty RSA-HSM --ops wrapKey unwrapKey adds a version instead of a second key. The identity's Managed HSM role at /keys/<key> already covers the new version, and a registry on the versionless URI switches to it within an hour (see versionedKeyIdentifier)."""),
dict(key="A6", style="agent", form="context", kind="yes", category="rotation", quals=["hsm", "oct2026"], flags=[],
question="Context: at creation crtavy got a versioned key URI from hsm-tavy, because we pasted the kid straight from the key show output. Question: can we move crtavy to automatic rotation without building a new registry, and which version is it on right now?",
canonical=[K + "manual-rotation-with-az-acr-encryption-rotate-key"],
related=[K + "switch-from-manual-to-automatic-rotation", K + "check-which-key-version-the-registry-uses", M + "managed-hsm-key-uris"],
facts=["rotating to a versioned ID pins the registry to that version"],
answer_facts=["leaving out --identity keeps the current identity"],
truth="""Yes: rotate-key changes the key URI of the existing registry. Run az acr encryption rotate-key --name crtavy --key-encryption-key https://hsm-tavy.managedhsm.azure.net/keys/<key>, the kid without its last segment; leaving out --identity keeps the current identity, and crtavy then follows new Managed HSM key versions within an hour. versionedKeyIdentifier in az acr encryption show names the version in use, before and after."""),
dict(key="A7", style="agent", form="imperative", kind="why", category="rotation", quals=[], flags=[],
question="Explain why kek-garry has not received a single new version in six months although crgarry reports keyRotationEnabled as true",
canonical=[K + "automatic-rotation-with-a-versionless-key-id"],
related=[K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", K + "how-new-key-versions-are-created"],
facts=["The shortest allowed rotation interval is **7 days**."],
answer_facts=["it does not create them"],
truth="""Because automatic rotation only makes crgarry follow new versions; it never produces them, and keyRotationEnabled true merely reflects the versionless key URI. Something on the vault side has to create versions: a person or pipeline running az keyvault key rotate, or a rotation policy on kek-garry (for example every P90D). crgarry then moves to each one within an hour."""),
dict(key="A8", style="agent", form="keywords", kind="troubleshoot", category="network", quals=[], flags=[],
question="acr import into cmk registry returns 403 forbiddenbyfirewall since the kv firewall went on, order of fix steps",
canonical=[N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry"],
related=[N + "allow-trusted-services-and-deny-other-traffic", T + "http-403-after-enabling-the-key-vault-firewall"],
facts=["The documented examples are **image import**"],
answer_facts=["open an azure support case"],
truth="""The vault firewall is refusing ACR. Step one: allow trusted Azure services on the vault (az keyvault update --name <vault> --bypass AzureServices; the Deny default may stay) and confirm it in networkAcls. Step two: re-apply what the registry already uses, running rotate-key with the same key URI and identity that az acr encryption show lists. Step three, only if imports still get 403: a support case."""),
dict(key="A9", style="agent", form="context", kind="no", category="keys", quals=[], flags=[],
question="Context: crnevis uses a key in kv-nevis-old and we are about to rotate it to a key in kv-nevis-new. Question: does the identity's existing grant on the old vault also cover the new one?",
canonical=[A + "access-to-a-key-in-a-second-key-vault"],
related=[K + "move-to-a-different-key-or-to-a-key-in-another-vault", A + "which-permission-model-does-my-key-vault-use"],
facts=["Keep the old vault and key, with access, until `az acr encryption show` reports the new key."],
answer_facts=["access is granted per vault"],
truth="""No: access is granted per vault, so the identity needs its own grant on kv-nevis-new (a role assignment or an access policy, matching that vault's permission model) before az acr encryption rotate-key, or crnevis loses its key. Keep kv-nevis-old and its access until az acr encryption show reports the new key."""),
dict(key="A10", style="agent", form="keywords", kind="undocumented", category="keys", quals=[], flags=[],
question="acr cmk official required rsa key size for the registry key, 2048 3072 or 4096",
canonical=[O + "which-key-types-and-sizes-are-supported"],
related=[O + "key-sizes-offered-by-key-vault", T + "elliptic-curve-key-rejected"],
facts=["pick the size your compliance policy asks for"],
answer_facts=["the acr articles name no size"],
truth="""Not documented: the ACR articles set no key size, only the type (RSA or RSA-HSM, no elliptic curve). Key Vault offers RSA 2048, 3072 and 4096 bits and any of them is valid; use what your compliance policy requires, and keep wrapKey and unwrapKey if you restrict the key's operations."""),
dict(key="A11", style="agent", form="imperative", kind="howto", category="recovery", quals=[], flags=["two_facts"],
question="Give the az commands to bring back kv-arrow after someone deleted the whole vault, and to get crarrow pulling again; the vault used the RBAC model",
canonical=[V + "recover-a-deleted-key-vault", V + "re-create-rbac-role-assignments-after-recovering-a-vault"],
related=[T + "key-vault-or-key-was-deleted"],
facts=["The vault name stays reserved while the vault is soft-deleted"],
answer_facts=["a deleted vault is also soft-deleted", "does not bring them back"],
truth="""Recover the soft-deleted vault with its keys: az keyvault list-deleted --resource-type vault, then az keyvault recover --name kv-arrow. Its Azure role assignments were removed with it and recovery does not restore them, so re-create the identity's grant: az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal --role "Key Vault Crypto Service Encryption User" --scope <vault resource ID>, plus any operator roles. Then retry a pull, and do not purge anything."""),
dict(key="A12", style="agent", form="context", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="Context: kek-yare sits in hsm-yare and our template builds the registry's key URI from the HSM name by hand. Question: what host and path should that URI have, and where should the host come from instead?",
canonical=[M + "managed-hsm-key-uris"],
related=[O + "the-key-encryption-key-kek-and-its-identifier", T + "managed-hsm-uri-is-not-a-key-uri"],
facts=["neither is the bare HSM URI without `/keys/<key-name>`"],
answer_facts=["take the host from the hsm's hsmuri"],
truth="""https://hsm-yare.managedhsm.azure.net/keys/kek-yare for automatic rotation, or with /<version> appended to pin it; HTTPS and a /keys/ path are required, and secret, certificate or bare HSM URIs are refused. managedhsm.azure.net is the Managed HSM suffix of the global cloud only, so take the host from the HSM's hsmUri (az keyvault show --hsm-name hsm-yare) or from the key's kid instead of building it."""),
]

# ---------------- off-topic ----------------
OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind="off-topic", category=OFF, subject="checkmk", near_miss=True,
question="""checkmk monitors the VMs that run our container registry's caching proxy and the build agents that push images into the registry. Its agents report to the monitoring site over TLS, and the certificate authority the site uses to sign agent connections, together with its private key, dates from the site's installation in 2020. Our new baseline says that key has to be replaced. How do I roll the checkmk site's agent CA over so that the agents keep reporting without someone visiting every machine?""",
truth="""Not covered: renewing the agent certificate authority of a checkmk monitoring site is infrastructure-monitoring work; the knowledge only covers how an Azure container registry uses its customer-managed key."""),
dict(key="X2", style="long", kind="off-topic", category=OFF, subject="crowdsec", near_miss=True,
question="""The caching proxy in front of our container registry runs nginx with a crowdsec bouncer, and that bouncer authenticates to the local crowdsec API with an API key that an engineer who has since left pasted into its config file. I want to issue a new key for the bouncer and make sure the old one stops working, without a window in which the proxy lets every request through. What is the clean way to do that in crowdsec?""",
truth="""Not covered: re-keying a crowdsec bouncer belongs to intrusion-prevention tooling on your proxy host, which this ACR CMK material never discusses."""),
dict(key="X3", style="long", kind="off-topic", category=OFF, subject="kea", near_miss=True,
question="""On our build subnet kea hands out the addresses, and it updates DNS records for the build agents that push to the container registry, signing every update with a TSIG key that the DNS server also holds. Both sides still use the key from the original install five years ago. How do I rotate the TSIG key between kea and the DNS server without updates failing while the two sides are out of step?""",
truth="""Not covered: rotating the TSIG key shared by kea and a DNS server is DHCP and DNS administration; the registry encryption knowledge has no material on it."""),
dict(key="X4", style="long", kind="off-topic", category=OFF, subject="greenbone", near_miss=True,
question="""Greenbone runs authenticated scans against the VMs that host our container registry build agents, logging in with an SSH key stored as a scan credential. That SSH key is six years old and the auditors want it replaced before the next quarterly report. How do I swap the credential's key in Greenbone and on the target machines so that next week's scan still logs in everywhere?""",
truth="""Not covered: replacing the SSH credential of Greenbone's authenticated scans is vulnerability-scanner upkeep, unrelated to encrypting an Azure registry with a key you manage."""),
dict(key="X5", style="long", kind="off-topic", category=OFF, subject="znc", near_miss=True,
question="""Our on-call engineers follow registry build notifications in a chat channel through a ZNC bouncer we host ourselves. The certificate and private key in znc.pem run out at the end of the month, and several people stay connected around the clock from phones. How do I put a new key and certificate into ZNC without cutting everyone off the network or making their clients reject the connection?""",
truth="""Not covered: swapping the TLS material of a ZNC bouncer is IRC service administration; questions about ACR customer-managed keys are the only thing this knowledge answers."""),
dict(key="X6", style="long", kind="off-topic", category=OFF, subject="lighttpd",
question="""A small internal page that shows which customer-managed key protects each of our container registries is served by lighttpd on a tiny VM. The TLS key of that page was generated in 2019 and security wants a 3072-bit key instead. How do I give lighttpd the new key and certificate so the page keeps answering while the change happens?""",
truth="""Not covered: installing a new TLS key in lighttpd is web-server configuration on your own VM, even when the page it serves lists registry keys; it is outside the ACR CMK knowledge."""),
dict(key="X7", style="agent", form="context", kind="off-topic", category=OFF, subject="telegraf",
question="Context: telegraf on each build agent ships registry push metrics to our InfluxDB. Question: how do we rotate the InfluxDB write credential that telegraf uses without a gap in the metrics?",
truth="""Not covered: rotating the InfluxDB credential that telegraf writes with is metrics-pipeline administration, which has nothing to do with ACR encryption keys."""),
dict(key="X8", style="agent", form="imperative", kind="off-topic", category=OFF, subject="gotify",
question="Describe how to move our gotify server, which receives alerts from the registry cleanup job, to a new VM without losing the message history",
truth="""Not covered: migrating a gotify notification server and its history is self-hosted messaging work, not something the registry customer-managed key guidance deals with."""),
dict(key="X9", style="agent", form="keywords", kind="off-topic", category=OFF, subject="munin",
question="munin node disk usage plugin on the registry cache host shows gaps in the graphs after an os upgrade",
truth="""Not covered: gaps in munin graphs after an upgrade are a host-monitoring problem, far from Azure Container Registry encryption with customer-managed keys."""),
dict(key="X10", style="short", kind="off-topic", category=OFF, subject="vikunja",
question="vikunja: can i export every project with its tasks to a file?",
truth="""Not covered: exporting projects from Vikunja is to-do app administration, not part of the ACR CMK documentation."""),
dict(key="X11", style="short", kind="off-topic", category=OFF, subject="piwigo",
question="piwigo albums moved to new storage and every thumbnail is broken now",
truth="""Not covered: fixing Piwigo thumbnails after a storage move is photo-gallery maintenance outside anything about registry encryption."""),
dict(key="X12", style="short", kind="off-topic", category=OFF, subject="kavita",
question="why does kavita skip some epub files when it scans my library?",
truth="""Not covered: Kavita's library scanning of epub files is e-book server troubleshooting and lies outside the ACR customer-managed key topic."""),
]

QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"accesible": "accessible", "succesfully": "successfully", "arguement": "argument"}
SHAPES = ["two_facts", "md_footnotes", "role_definition_json", "tf_lock_file", "docs_feedback_block", "openapi_schema"]
SEED = 64
ID_PREFIX = "ab"

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
SPREAD_SETS = (63, 62)
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
    """(blind64.json text, blind64-meta.json text, blind64-first-canonicals.txt text)"""
    entries, meta = build()
    j = json.dumps(entries, indent=1, ensure_ascii=False) + "\n"
    m = json.dumps(meta, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    f = "\n".join(firsts) + "\n"
    return j, m, f


def main(out=HERE):
    j, m, f = render()
    for name, text in (("blind64.json", j), ("blind64-meta.json", m), ("blind64-first-canonicals.txt", f)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
