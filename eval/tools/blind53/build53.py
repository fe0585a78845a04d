"""blind53 builder: holds the 60 questions (QUESTIONS) and writes blind53.json, blind53-meta.json and
blind53-first-canonicals.txt. render() returns the three files' exact text (check53.py compares it byte for byte)."""
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
E = "\x1b"  # escape character of ANSI colour codes in pasted CI logs



def esc(text):
    """Questions pasted from raw CI logs: {ESC} stands for the escape character of ANSI colour codes."""
    return text.replace("{ESC}", E)


# ---------------- long on-topic ----------------
QL = [
# ---- shell_history ----
dict(key="L1", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["shell_history"],
question="""Trying to get crzircon created, with the encryption key held in mhsm-zircon, our Managed HSM. The HSM is activated (the crypto team did that part) and the key exists, but az acr create keeps failing on key access. This is my shell history from the session, trimmed to the relevant bits:

```text
 4107  az keyvault key create --hsm-name mhsm-zircon -n zircon-kek --kty RSA-HSM --ops wrapKey unwrapKey
 4108  ZIRCON_OID=$(az identity show -g rg-zircon -n id-zircon -o json | jq -r .principalId)
 4109  MHSM_ID=$(az keyvault show --hsm-name mhsm-zircon -o json | jq -r .id)
 4110  az role assignment create --scope $MHSM_ID --assignee-principal-type ServicePrincipal --assignee-object-id $ZIRCON_OID --role "Key Vault Crypto Service Encryption User"
 4111  az acr create -g rg-zircon -n crzircon --sku Premium --identity id-zircon --key-encryption-key https://mhsm-zircon.managedhsm.azure.net/keys/zircon-kek
 4112  sleep 900; az acr create -g rg-zircon -n crzircon --sku Premium --identity id-zircon --key-encryption-key https://mhsm-zircon.managedhsm.azure.net/keys/zircon-kek
```

4110 went through without a complaint, and the assignment is visible on the HSM's Access control (IAM) blade. Waiting fifteen minutes (4112) changed nothing. Which step was supposed to grant id-zircon access to its Managed HSM key, and why isn't it doing that?""",
canonical=[M + "local-rbac-roles-for-acr-encryption"],
related=[T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope", A + "grant-access-to-a-key-in-a-managed-hsm", M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli"],
facts=["they never let anyone use a key"],
answer_facts=["govern management operations only", "marks it as a managed identity"],
truth="Entry 4110, and it can't work: it is an Azure RBAC assignment on the HSM resource, and in a Managed HSM those govern only management of the HSM itself (create, update, delete), never use of a key. Key use is granted by the HSM's own local RBAC, and there the identity needs the local role Managed HSM Crypto Service Encryption User, preferably on the one key: az keyvault role assignment create --hsm-name mhsm-zircon --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id $ZIRCON_OID --assignee-principal-type MSI --scope /keys/zircon-kek. Whoever runs it needs Managed HSM Administrator, Crypto Officer or Policy Administrator inside the HSM; ACR won't create it, and the portal won't either. Give the new local role several minutes, then repeat 4111. The IAM assignment from 4110 grants nothing useful and can be removed."),

dict(key="L2", style="long", kind="howto", category="rotation", quals=[], flags=["shell_history"],
question="""We want a monthly job on a self-hosted build agent that creates a fresh version of crgalena's key. The agent runs as its own managed identity. I tested the idea by hand on the agent:

```text
  301  az login --identity --username $AGENT_MI_CLIENT_ID
  302  az keyvault key rotate --vault-name kv-galena -n galena-kek
  303  az role assignment list --assignee $AGENT_MI_CLIENT_ID --scope $GALENA_KV_ID -o table
  304  az keyvault key rotate --vault-name kv-galena -n galena-kek --debug 2>&1 | grep -i forbidden
```

302 came back Forbidden. 303 shows the agent identity with the same role the registry identity has on kv-galena (Crypto Service Encryption User); I copied it from the registry's setup because I assumed that's the key role. kv-galena is an RBAC vault, and crgalena is deliberately configured with a versioned key ID. What does the agent need for the rotate to go through, and does the job have to do anything else so that crgalena actually ends up on the new version?""",
canonical=[K + "rotate-immediately-with-az-keyvault-key-rotate"],
related=[A + "your-own-permissions-to-create-keys-in-an-rbac-vault", K + "move-to-a-new-version-of-the-same-key", A + "why-key-vault-crypto-user-is-not-needed"],
facts=["same key type and size as the current one"],
answer_facts=["the caller needs key vault crypto officer", "keeps the old one until you run"],
truth="Give the agent's identity Key Vault Crypto Officer on kv-galena: az role assignment create --assignee-object-id <agent principal ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Officer\" --scope $GALENA_KV_ID. Entry 302 creates a key version, which on an RBAC vault takes that data-plane role; Crypto Service Encryption User only lets its holder read a key and wrap and unwrap with it, which is what the registry needs and not the job. Because crgalena is pinned to a version, the new version alone changes nothing for it: after the rotate, the job has to read the new kid (az keyvault key show --vault-name kv-galena -n galena-kek --query key.kid -o tsv) and run az acr encryption rotate-key -n crgalena --key-encryption-key <that kid>, leaving out --identity to keep the current identity. If you ever switch crgalena to the versionless key ID, that second step disappears and the registry follows within an hour."),

dict(key="L3", style="long", kind="troubleshoot", category="identity", quals=[], flags=["shell_history"],
question="""Moving crberyl from id-beryl-old to a fresh identity, id-beryl-2026, because the old one was created by a team that no longer exists. Here's what I ran:

```text
 1520  az identity create -g rg-beryl -n id-beryl-2026
 1521  NEW_CID=$(az identity show -g rg-beryl -n id-beryl-2026 -o json | jq -r .clientId)
 1522  NEW_OID=$(az identity show -g rg-beryl -n id-beryl-2026 -o json | jq -r .principalId)
 1523  az role assignment create --scope $BERYL_VAULT --assignee-principal-type ServicePrincipal --assignee-object-id $NEW_OID --role "Key Vault Crypto Service Encryption User"
 1524  az acr encryption rotate-key -n crberyl --key-encryption-key https://kv-beryl.vault.azure.net/keys/beryl-kek --identity $NEW_CID
 1525  az acr encryption show -n crberyl -o json | jq .keyVaultProperties.identity
```

1524 returned without errors and 1525 prints the new client ID, so I told everyone we were done. Not long after, pulls from crberyl started failing. id-beryl-old is untouched: still attached, role still in place. What did I miss?""",
canonical=[I + "how-rotate-key-interprets-the---identity-value"],
related=[I + "switch-to-a-different-user-assigned-identity", K + "rotate-with-a-different-identity-or-the-system-assigned-identity", I + "which-identity-value-goes-where"],
facts=["do that first with az acr identity assign"],
answer_facts=["not attach the identity to the registry", "treats a guid as a client id"],
truth="Attaching id-beryl-2026 to crberyl. Given a GUID, entry 1524 stores it as the client ID unchanged and does not attach that identity to the registry, so crberyl's encryption settings now name an identity the registry doesn't have. Attach it: az acr identity assign -n crberyl -g rg-beryl --identities <id-beryl-2026 resource ID>, then run 1524 again and check that pulls work. The role from 1523 is right as it is. Leave id-beryl-old attached with its role until az acr encryption show has reported the new client ID for a while and the registry is healthy; only then detach it. Next time the order is: attach, grant, rotate, verify, remove."),

dict(key="L4", style="long", kind="troubleshoot", category="recovery", quals=[], flags=["shell_history", "two_facts"],
question="""Someone's clean-up script deleted kv-spinel on Friday evening; crspinel's key lives there. We noticed on Monday and I brought the vault back:

```text
  612  az keyvault list-deleted --resource-type vault | grep spinel
  613  az keyvault recover -n kv-spinel
  614  az keyvault key show --vault-name kv-spinel -n spinel-kek -o table
  615  docker pull crspinel.azurecr.io/web/portal:3.4
```

613 finished, and 614 shows the key enabled (my own rights on the vault come from a subscription-level assignment). 615 still fails with 403, same as before the recovery. crspinel encrypts through id-spinel, whose only grant was the encryption role on that vault, and kv-spinel is an RBAC vault. Nobody touched the registry. Why is crspinel still locked out after the recovery? And on Saturday, before we found the deleted vault, a colleague tried to create a replacement vault with the same name and got refused. Same cause?""",
canonical=[V + "re-create-rbac-role-assignments-after-recovering-a-vault", V + "recover-a-deleted-key-vault"],
related=[T + "key-vault-or-key-was-deleted", V + "restore-access-after-a-revocation", V + "how-purge-protection-protects-the-registry"],
facts=["its Azure RBAC role assignments are deleted with it"],
answer_facts=["does not bring them back", "stays reserved while the vault is soft-deleted"],
truth="Because the role assignment didn't come back with the vault: deleting kv-spinel deleted its Azure RBAC role assignments, and the recovery in entry 613 restores the vault and its keys but not those assignments, so id-spinel has had no grant on the key since Friday. Your own access survived only because it is inherited from the subscription. Re-create the registry identity's role: az role assignment create --assignee-object-id <id-spinel principal ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <kv-spinel resource ID>, give it a few minutes, and repeat 615; the registry picks the key up again by itself. Re-create any other roles that were assigned directly on the vault (Key Vault Crypto Officer for operators, for example) the same way. Saturday's refusal had the same origin: while a vault is soft-deleted its name stays reserved, so nobody can create a new vault under that name until it is recovered or purged. Good thing nobody purged it."),

dict(key="L5", style="long", kind="howto", category="keys", quals=[], flags=["shell_history"],
question="""We're standardising every key vault on Azure RBAC. In staging I did the CMK vault first and took crcoralstg down for about twenty minutes:

```text
 2290  az keyvault show -n kv-coral-stg -o json | jq .properties.enableRbacAuthorization
 2291  az keyvault update -n kv-coral-stg -g rg-coral-stg --enable-rbac-authorization true
 2292  docker pull crcoralstg.azurecr.io/base/jdk:21
 2293  az role assignment create --scope $CORAL_STG_KV --assignee-principal-type ServicePrincipal --assignee-object-id $CORAL_STG_OID --role "Key Vault Crypto Service Encryption User"
 2294  docker pull crcoralstg.azurecr.io/base/jdk:21
```

2290 printed false, 2292 failed, and 2294 worked again after a few minutes. Production crcoral hangs off kv-coral the same way: access policy with get, wrapKey and unwrapKey for id-coral, and two app teams read secrets from the same vault. How do I switch kv-coral to RBAC next week without the outage this time?""",
canonical=[A + "changing-an-existing-vaults-permission-model"],
related=[A + "which-permission-model-does-my-key-vault-use", A + "grant-access-with-an-azure-rbac-role", T + "role-assignment-has-no-effect-on-an-access-policy-vault"],
facts=["The ACR docs do not discuss switching models."],
answer_facts=["the models do not carry over", "the old access policies stop counting"],
truth="Swap the order of 2291 and 2293: grant under the new model first, switch second. The two models don't carry over, so the moment a vault flips to RBAC its access policies stop counting, which is exactly what entry 2291 did to crcoralstg until 2293 caught up. For kv-coral: 1) assign id-coral's principal ID Key Vault Crypto Service Encryption User on the vault (az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <kv-coral resource ID>); 2) give the app teams' identities and your key operators their RBAC roles as well (secret reader roles for the apps, Key Vault Crypto Officer for whoever manages keys), since their policies stop applying too; 3) wait a few minutes; 4) az keyvault update -n kv-coral -g <resource group> --enable-rbac-authorization true; 5) test a pull from crcoral. The ACR docs don't cover switching models, so this rests on Key Vault's own rules; keep the old policies in place until the switch, so rolling back with --enable-rbac-authorization false stays possible."),

# ---- dotenv_file ----
dict(key="L6", style="long", kind="troubleshoot", category="identity", quals=[], flags=["dotenv_file", "two_facts"],
question="""Our create script for crpearl reads its settings from a .env file that a colleague filled in from the portal:

```bash
PEARL_RG=rg-pearl
PEARL_IDENTITY=7f3c2a10-5b8e-4d21-9c6a-0e4b7d1f2a93
PEARL_PRINCIPAL=/subscriptions/2c5e9a71-8d34-4f0b-b6a2-91e7c4d8f305/resourceGroups/rg-pearl/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-pearl
PEARL_KEK=https://kv-pearl.vault.azure.net/keys/pearl-kek
```

The script's grant step passes $PEARL_PRINCIPAL as the assignee object ID, and the create step passes $PEARL_IDENTITY to --identity. The role assignment fails immediately, and when I skip it by hand, az acr create can't find the identity. The GUID is the Client ID from the identity's Overview page. Which values are supposed to go into these variables?""",
canonical=[I + "which-identity-value-goes-where", S + "step-2-create-a-user-assigned-managed-identity-and-capture-its-ids"],
related=[I + "create-the-user-assigned-identity-and-capture-its-ids", I + "a-user-assigned-identity-is-required-when-the-registry-is-created", A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities"],
facts=["Each place expects a specific one"],
answer_facts=["always uses the principal id", "is what az acr create --identity takes"],
truth="Neither variable holds what its command needs. The role assignment wants the identity's principal (object) ID, and az acr create --identity wants its resource ID (or just the name id-pearl, since it lives in the registry's resource group); the client ID from the Overview page fits neither and only ends up in the registry's encryption settings, where the CLI puts it by itself. Read the values instead of copying them: PEARL_PRINCIPAL=$(az identity show -n id-pearl -g rg-pearl --query principalId -o tsv) and PEARL_IDENTITY=$(az identity show -n id-pearl -g rg-pearl --query id -o tsv). The resource ID your colleague pasted into PEARL_PRINCIPAL is the right value for PEARL_IDENTITY, so you can also simply swap the two and replace the GUID by the principal ID. PEARL_KEK is fine as a versionless key URI."),

dict(key="L7", style="long", kind="howto", category="iac", quals=["iac", "oct2026"], flags=["dotenv_file"],
question="""I'm reviving an old release pipeline that deploys the ARM template from the enable-CMK tutorial (CMKtemplate.json, freshly downloaded from the tutorial this week) for a new registry, crmalachite. The pipeline takes everything from an env file:

```ini
TPL_FILE=CMKtemplate.json
TPL_RG=rg-malachite-id
TPL_PARAMS="registry_name=crmalachite identity_name=id-malachite vault_name=kv-malachite key_id=https://kv-malachite.vault.azure.net/keys/malachite-kek"
```

Validation now fails on the parameters before anything is deployed. Back when this pipeline was written, the same template also set up the vault access for the identity, which is why there's no separate grant step. What should the env file hold now, and is anything else missing before the deployment can succeed?""",
canonical=[S + "the-enable-tutorials-own-template"],
related=[S + "set-up-cmk-with-an-arm-template", S + "deploy-the-template", C + "arm-template-json-propertiesencryption-and-keyvaultproperties"],
facts=["now passes kek_id"],
answer_facts=["it grants no key access itself", "into the identity's own resource group"],
truth="Drop vault_name and rename key_id: TPL_PARAMS=\"registry_name=crmalachite identity_name=id-malachite kek_id=https://kv-malachite.vault.azure.net/keys/malachite-kek\". Since the October 2026 revision, the tutorial's template has no vault_name parameter and no access-policy resource, and its deployment example passes kek_id (older revisions showed key_id by mistake). The missing piece is the grant: the template no longer gives the identity access to the key, so before deploying create id-malachite and give it get, wrapKey and unwrapKey as an access policy on kv-malachite, or Key Vault Crypto Service Encryption User on the vault if it uses RBAC. The template still declares the identity so the registry can depend on it, so keep deploying into the identity's own resource group, which TPL_RG already is."),

dict(key="L8", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["dotenv_file"],
question="""We have a reusable pipeline that builds CMK registries against key vaults, and I've been asked to add a Managed HSM flavour. First draft of the variables for the first registry on it, crazurite:

```bash
MHSM_NAME=mhsm-azurite
KEK_NAME=azurite-kek
KEK_KTY=RSA
KEK_OPS="sign verify"
ROLE_NAME="Key Vault Crypto Service Encryption User"
ROLE_SCOPE=/
```

The platform team provisioned mhsm-azurite last Thursday and said it's ready. Before I wire this in: which of these values are wrong for a Managed HSM key that ACR can use (type, operations, role, scope), and what has to be true about the HSM and the role assignment before the pipeline gets to az acr create?""",
canonical=[M + "requirements-for-a-managed-hsm-key-store"],
related=[M + "provision-and-activate-the-managed-hsm", M + "local-rbac-roles-for-acr-encryption", T + "managed-hsm-key-has-the-wrong-type-or-operations"],
facts=["Managed HSM has no access policies."],
answer_facts=["the hsm is provisioned and activated", "you create that role assignment yourself"],
truth="Four of them: KEK_KTY=RSA-HSM, KEK_OPS=\"wrapKey unwrapKey\", ROLE_NAME=\"Managed HSM Crypto Service Encryption User\" (a local role of the HSM, granted with az keyvault role assignment create --hsm-name, not the vault role) and ROLE_SCOPE=/keys/azurite-kek, the least-privilege scope instead of the whole HSM. Before az acr create: mhsm-azurite must be activated, not just provisioned (check that activationStatus reads Active; until an initial administrator downloads the security domain it refuses all key and role work); the pipeline identity that creates the key needs a key-creating local role such as Managed HSM Crypto User; the pipeline itself has to create the registry identity's role assignment beforehand, because neither ACR nor the portal does; if the HSM firewall is on, trusted Azure services must be allowed through; and Managed HSM must be offered in the registry's region and cloud."),

dict(key="L9", style="long", kind="troubleshoot", category="network", quals=[], flags=["dotenv_file", "two_facts"],
question="""Our landing-zone module hardens every key vault from a small env file, and since it ran against kv-zinc, creating crzinc fails with Failed to access KeyId. The settings it applied:

```bash
KV_NAME=kv-zinc
KV_DEFAULT_ACTION=Deny
KV_BYPASS=None
KV_ALLOWED_IPS=198.51.100.0/26
```

The module feeds them into az keyvault update and az keyvault network-rule add. id-zinc has its encryption role (Crypto Service Encryption User) on kv-zinc, and the key was created before the lock-down, from the allowed range. Security chose bypass None on purpose ("no exceptions"). What has to change so crzinc can be created? And could we add the registry's outbound addresses to the allowed IPs instead of opening an exception?""",
canonical=[N + "allow-trusted-services-and-deny-other-traffic", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
related=[N + "allow-your-own-clients-through-the-vault-firewall", T + "registry-creation-cannot-access-the-key", N + "create-the-key-before-the-registry-when-the-vault-is-locked-down"],
facts=["The bypass only opens the network path."],
answer_facts=["set the bypass to azureservices", "the registry cannot reach the key"],
truth="KV_BYPASS=AzureServices, keeping KV_DEFAULT_ACTION=Deny and the IP rule. With bypass None the firewall turns away Container Registry as well, and the registry has to use the key at the moment it is created; it gets through a restricted vault as a trusted Azure service, which is the exception security switched off. The documented route is that exception, not IP rules: the network rules are for your own people and pipelines, and the registry is not meant to come in through them. The exception does not hand out permissions either; id-zinc still needs its role, which it has. After the module has applied the change (check properties.networkAcls shows bypass AzureServices), run az acr create for crzinc again."),

dict(key="L10", style="long", kind="howto", category="rotation", quals=["iac"], flags=["dotenv_file"],
question="""crnickel was created two years ago by our Bicep pipeline with a pinned key version, and the values still sit in the pipeline's env file:

```bash
NICKEL_REGISTRY=crnickel
NICKEL_KEY_ID=https://kv-nickel.vault.azure.net/keys/nickel-kek/9e4b21c07d3a4f58b6c2e1a0f7d9c3b5
NICKEL_IDENTITY=id-nickel
```

Security now asks that crnickel pick up new key versions with no change ticket each quarter, and the key team is adding a rotation policy to nickel-kek. What do I change so crnickel follows new versions from now on, and does that mean redeploying or recreating the registry?""",
canonical=[K + "switch-from-manual-to-automatic-rotation"],
related=[K + "versioned-and-versionless-key-ids", K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", C + "api-versions-that-support-registry-encryption"],
facts=["rotating to a versioned ID pins the registry to that version"],
answer_facts=["rotating to the versionless id", "detects new versions by itself"],
truth="Drop the version from the key ID, NICKEL_KEY_ID=https://kv-nickel.vault.azure.net/keys/nickel-kek, and point the existing registry at it: az acr encryption rotate-key -n crnickel --key-encryption-key https://kv-nickel.vault.azure.net/keys/nickel-kek --identity id-nickel. That is a change of crnickel's key setting, not a new registry, so nothing is recreated; if the Bicep pipeline owns the registry, put the same versionless value into keyVaultProperties.keyIdentifier so the next deployment doesn't pin it again. From then on keyRotationEnabled reads true and crnickel moves to each new version within an hour. The rotation policy only produces the versions; the versionless ID is what makes the registry follow them."),

# ---- ansi_escape_codes ----
dict(key="L11", style="long", kind="troubleshoot", category="troubleshooting", quals=[], flags=["ansi_escape_codes"],
question=esc("""The nightly job that imports base images into crcopper has been red since Tuesday. Raw log from the agent, colour codes and all:

```text
{ESC}[36m>> import{ESC}[0m mcr.microsoft.com/dotnet/runtime:9.0 -> crcopper/base/dotnet-runtime:9.0
{ESC}[31mERROR:{ESC}[0m (Forbidden) Operation returned an invalid status 'Forbidden' {ESC}[1;31mForbiddenByFirewall{ESC}[0m
{ESC}[33m>> retry 2/3{ESC}[0m
```

On Tuesday the firewall of kv-copper was turned on by the network team (default Deny, our office range allowed). Pulling the images we already have seems fine. What do we have to do to get the imports going again?"""),
canonical=[T + "http-403-after-enabling-the-key-vault-firewall"],
related=[N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry", N + "allow-trusted-services-and-deny-other-traffic", N + "the-vault-firewall-covers-the-data-plane-only"],
facts=["If the 403 errors continue after this, open an Azure support request."],
answer_facts=["now reject requests from the registry", "the registry's current identity and key again"],
truth="Let trusted Azure services through kv-copper's firewall, then re-apply crcopper's current key settings. The ForbiddenByFirewall comes from the vault: since Tuesday it rejects the registry, which reaches the key as a trusted Azure service, and image import is one of the operations documented to break that way (automatic rotation is the other). 1) az keyvault update -n kv-copper -g <resource group> --bypass AzureServices, leaving the Deny default and the office rule as they are. 2) Read keyIdentifier and identity from az acr encryption show -n crcopper and pass the same values back: az acr encryption rotate-key -n crcopper --key-encryption-key <keyIdentifier> --identity <identity> (use '[system]' if identity reads system). 3) Re-run the import. If the 403s continue after that, open a support request."),

dict(key="L12", style="long", kind="troubleshoot", category="iac", quals=["iac"], flags=["ansi_escape_codes"],
question=esc("""terraform apply for crbismuth (azurerm 4.x) dies like this in the pipeline log:

```text
{ESC}[31m╷{ESC}[0m{ESC}[0m
{ESC}[31m│{ESC}[0m {ESC}[0m{ESC}[1m{ESC}[31mError: {ESC}[0m{ESC}[0m{ESC}[1mexpected "{ESC}[1mencryption.0.identity_client_id{ESC}[22m" to be a valid UUID, got /subscriptions/.../userAssignedIdentities/id-bismuth{ESC}[0m
{ESC}[31m│{ESC}[0m {ESC}[0m
{ESC}[31m│{ESC}[0m {ESC}[0m  with azurerm_container_registry.bismuth,
{ESC}[31m╵{ESC}[0m{ESC}[0m
```

In the encryption block I wrote identity_client_id = azurerm_user_assigned_identity.bismuth.id, because everywhere else the identity goes in by its ID. Which attribute belongs there? Someone on the team suggested principal_id instead; would that work?"""),
canonical=[C + "common-terraform-and-bicep-errors-with-acr-encryption"],
related=[C + "terraform-azurerm_container_registry-encryption-block", C + "complete-terraform-example-with-key-vault-role-assignment-and-registry", I + "which-identity-value-goes-where"],
facts=["use azurerm_user_assigned_identity.<name>.client_id"],
answer_facts=["a resource id was passed", "principal_id (object id) passed instead of client_id"],
truth="client_id: identity_client_id = azurerm_user_assigned_identity.bismuth.client_id. The provider checks that encryption.0.identity_client_id is a UUID, and the resource ID you passed belongs in identity.identity_ids instead, which must list the same identity. principal_id would get past that check, since it is a UUID too, but apply would still fail: it is the object ID, which goes into the azurerm_role_assignment that grants the key access, not into the encryption settings."),

dict(key="L13", style="long", kind="troubleshoot", category="limits", quals=["iac"], flags=["ansi_escape_codes"],
question=esc("""Our Bicep deployment for the new crcinnabar fails at the very end. Output of az deployment group create from the pipeline:

```text
{ESC}[33mWARNING:{ESC}[0m This command is in preview and under development.
{ESC}[91mERROR:{ESC}[0m {"status":"Failed","error":{"code":"DeploymentFailed","details":[{"code":"{ESC}[1mBlockedForEncryptionEnabledRegistry{ESC}[0m","message":"..."}]}}
```

It's our standard registry module, which has always set policies.trustPolicy.status to enabled, because the old release process signed images with docker trust. crcinnabar is the first registry we build with a customer-managed key. What exactly is the deployment objecting to, and what do we do about signing on this registry?"""),
canonical=[T + "content-trust-cannot-be-enabled"],
related=[L + "docker-content-trust-is-not-supported", L + "docker-content-trust-is-being-retired-use-notation", L + "notation-signatures-on-cmk-registries"],
facts=["Leave content trust off on the CMK registry and remove the trust policy from templates that target it."],
answer_facts=["so the service blocks turning it on"],
truth="The trust policy. BlockedForEncryptionEnabledRegistry is the service refusing Docker Content Trust on a registry encrypted with a customer-managed key: content trust can't be enabled there at all. Make the module leave trustPolicy out (or disabled) for CMK registries and deploy again. For signing, move to Notation from the Notary Project, for example with its Azure Key Vault plug-in; on a CMK registry Notation 1.2.0 and later keep signatures through the referrers tag schema, and verification in your deployment pipeline moves from docker trust to Notation checks. Content trust is on its way out of ACR anyway (deprecated since 2025-03-31, removed on 2028-03-31), so the old process needs replacing either way."),

dict(key="L14", style="long", kind="howto", category="keys", quals=[], flags=["ansi_escape_codes"],
question=esc("""Compliance says crgypsum's key has to be HSM-protected, so the CI job that prepares the key now asks for one, and fails:

```console
$ az keyvault key create -n gypsum-kek --vault-name kv-gypsum --size 3072 --kty RSA-HSM
{ESC}[31mERROR:{ESC}[0m (BadParameter) ... key type {ESC}[1mRSA-HSM{ESC}[0m ...
```

kv-gypsum is the Standard-tier vault our team has used for years, and a dozen application secrets live in it too. How do I get an HSM-protected key for crgypsum: is there a flag I'm missing on key create, or does it need somewhere else to live?"""),
canonical=[T + "rsa-hsm-key-creation-fails-in-a-standard-vault"],
related=[O + "rsa-hsm-keys-need-a-premium-key-vault", O + "which-key-types-and-sizes-are-supported", O + "managed-hsm-keys"],
facts=["A Standard-tier vault can hold software-protected RSA keys only."],
answer_facts=["available only on the premium vault tier"],
truth="Somewhere else: in a Key Vault vault, RSA-HSM keys exist only on the Premium tier, and kv-gypsum is Standard, so it can only hold software-protected RSA keys; --protection hsm asks for the same thing and fails the same way. Create a Premium vault for the key, for example az keyvault create -n <new vault> -g <resource group> --sku premium --enable-purge-protection, grant crgypsum's identity access there (role or access policy, matching that vault's permission model), create the key with --kty RSA-HSM --size 3072, and use its key ID when you create crgypsum. The application secrets can stay where they are. A Managed HSM would also meet the requirement, since its keys are always HSM-backed, but it is a bigger commitment than a Premium vault."),

# ---- strikethrough_correction ----
dict(key="L15", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["strikethrough_correction"],
question="""Design review for crcalcite next quarter. Draft v1 of our design doc said the registry key would live in ~~a Premium key vault with an access policy for the identity~~ mhsm-calcite, our new Managed HSM, because the crypto team is retiring Premium vaults. I now have to rewrite the section on access and operations, and I'd rather not miss anything. Compared with what we wrote for a vault, what changes when the key sits in the Managed HSM: how the registry identity gets access, who can create the key, what the key must look like, and what networking needs?""",
canonical=[M + "key-vault-and-managed-hsm-compared"],
related=[M + "requirements-for-a-managed-hsm-key-store", M + "managed-hsm-is-a-supported-key-store-for-acr-cmk", N + "managed-hsm-firewall-and-trusted-services"],
facts=["no access policies exist"],
answer_facts=["only after it is provisioned and activated", "soft-deleted, recoverable, still billed while soft-deleted"],
truth="Rewrite it around local RBAC. mhsm-calcite has no access policies: crcalcite's identity gets the local role Managed HSM Crypto Service Encryption User, best scoped to the key (/keys/<key>), granted with az keyvault role assignment create --hsm-name, and you create that assignment yourself before the registry exists. Whoever creates or imports the key needs a key-creating local role such as Managed HSM Crypto User. The key has to be of type RSA-HSM, with wrapKey and unwrapKey among its permitted operations; there is no vault tier to worry about. The HSM only works once it is activated, not merely provisioned. Key URIs use the host https://mhsm-calcite.managedhsm.azure.net/keys/<key>. Networking: the HSM's own firewall with the trusted-services bypass, set before az acr create. Add two operational notes: a deleted HSM can be recovered but keeps being billed while soft-deleted, and Managed HSM isn't offered in every cloud and region, so confirm it for crcalcite's region."),

dict(key="L16", style="long", kind="why", category="recovery", quals=["hsm", "oct2026"], flags=["strikethrough_correction"],
question="""Incident follow-up for crfluorite, whose key fluorite-kek lives in mhsm-fluorite. Yesterday a contractor ~~deleted the key~~ removed id-fluorite's local role on /keys/fluorite-kek, intending to lock out two repositories that had leaked credentials into image layers. Instead every pull and push on the whole registry failed until we put the role back an hour later. The postmortem template has a "why" box I have to fill in. Why did revoking the Managed HSM role take down every repository instead of the two, and is a per-repository cut-off possible at all?""",
canonical=[V + "what-revocation-does-to-the-registry"],
related=[V + "revoke-access-to-a-key-in-a-managed-hsm", V + "restore-access-after-a-revocation", M + "revoke-access-to-a-managed-hsm-key"],
facts=["treat permission changes on the vault or HSM as production-affecting changes"],
answer_facts=["there is no partial revocation per repository"],
truth="Because revocation acts on the whole registry: once id-fluorite lost its permission to use fluorite-kek, crfluorite could no longer read any of its stored content, so pulls, pushes and every other operation touching data stopped in all repositories at once. There is no partial revocation per repository, whether the key is in a Managed HSM or a vault; the key is an all-or-nothing control. It came back because the local role was restored, which is the documented way out. Keeping two repositories unreadable is a job for the registry's own access controls or for removing those images, not for the key. For the postmortem actions: treat changes to local roles on mhsm-fluorite as production changes."),

# ---- percent_encoded_uri ----
dict(key="L17", style="long", kind="troubleshoot", category="identity", quals=[], flags=["percent_encoded_uri"],
question="""Creating crhalite from my laptop. I didn't want to type out the identity's resource ID, so I copied it from the browser's address bar while id-halite was open in the portal and pasted it into the command:

```text
$ az acr create -g rg-halite -n crhalite --sku Premium --identity %2Fsubscriptions%2F6b1d3e2f-9a41-4c7e-8d05-2f7a9c1e3b64%2FresourceGroups%2Frg-halite%2Fproviders%2FMicrosoft.ManagedIdentity%2FuserAssignedIdentities%2Fid-halite --key-encryption-key https://kv-halite.vault.azure.net/keys/halite-kek
```

It says the identity can't be found. The identity definitely exists, it's in rg-halite, and it already holds its role on kv-halite. What's wrong with what I passed, and is there a shorter way than the full ID?""",
canonical=[I + "a-user-assigned-identity-is-required-when-the-registry-is-created"],
related=[S + "rules-that-az-acr-create-enforces-for-cmk", S + "step-7-create-the-premium-registry-with-the-customer-managed-key", I + "create-the-user-assigned-identity-and-capture-its-ids"],
facts=["az acr create does not accept --identity '[system]'."],
answer_facts=["or just its name if the identity", "resolves it to the identity's client id"],
truth="It's still URL-encoded: the portal's address bar escapes every slash, so the CLI received a string that is neither a resource ID nor an identity name. Pass the decoded resource ID, /subscriptions/6b1d3e2f-9a41-4c7e-8d05-2f7a9c1e3b64/resourceGroups/rg-halite/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-halite, or better read it with az identity show -n id-halite -g rg-halite --query id -o tsv. The shorter way: since id-halite is in crhalite's resource group, --identity id-halite is enough; the CLI looks the name up there, stores the identity's client ID in the encryption settings and sets the identity type to UserAssigned. An identity from another resource group needs the full resource ID."),

# ---- plain long ----
dict(key="L18", style="long", kind="howto", category="network", quals=["hsm", "iac", "oct2026"], flags=["two_facts"],
question="""Creating crolivine in the portal. On the Encryption tab, Select from Key Vault offers our Managed HSM, mhsm-olivine, but no keys ever appear beneath it: a spinner, then an empty list. The HSM's firewall is on with trusted services allowed, and I'm working from home on the consumer VPN rather than in the office. A colleague says the firewall must be blocking ACR and that we should toggle trusted services off and on. Is ACR really shut out of the Managed HSM here, and how do I finish creating crolivine from the portal?""",
canonical=[N + "the-portal-key-picker-and-a-key-store-firewall", M + "key-picker-blocked-by-the-hsm-firewall"],
related=[T + "portal-key-picker-cannot-list-keys-behind-the-managed-hsm-firewall", M + "set-up-a-registry-with-a-managed-hsm-key-in-the-azure-portal", S + "set-up-cmk-in-the-azure-portal"],
facts=["or use enter key uri with the key id"],
answer_facts=["does not cover a browser outside", "it does nothing for a browser"],
truth="Your browser is shut out, not ACR. The picker lists keys through mhsm-olivine's data plane from your own machine, and the trusted-services exception only covers ACR itself, so from an address the firewall doesn't allow the HSM shows up with no keys. Leave trusted services on; the registry needs that path when it is created. Then either add your current public IP to the HSM firewall (az keyvault network-rule add --hsm-name mhsm-olivine --ip-address <your IP>, removed again afterwards), or skip the picker: choose Enter key URI and paste https://mhsm-olivine.managedhsm.azure.net/keys/<key name>, read from a machine on an allowed network (versionless for automatic rotation). Also make sure the identity you pick already holds Managed HSM Crypto Service Encryption User on that key; the portal won't create it."),

dict(key="L19", style="long", kind="value", category="recovery", quals=["hsm", "oct2026"], flags=[],
question="""Budget question with a recovery twist. Our cleanup automation deletes Managed HSMs that fail a naming audit, and last night it removed mhsm-peridot, which holds the key of crperidot; the registry has been dark since. Before I file the change to bring it back, finance wants two numbers from me: how long do we have to recover the deleted Managed HSM, and what does it cost while it sits in the deleted state? Also, which role does the person doing the recovery need?""",
canonical=[V + "recover-a-deleted-managed-hsm"],
related=[M + "recover-a-deleted-managed-hsm-key-or-hsm", T + "key-vault-or-key-was-deleted", L + "pricing-considerations"],
facts=["The HSM name stays reserved while it is soft-deleted."],
answer_facts=["keeps being billed", "the azure role managed hsm contributor"],
truth="As long as its retention period, which was fixed when mhsm-peridot was created (--retention-days, somewhere between 7 and 90 days; check what your deployment used), and during that time it costs what a running HSM costs: a Managed HSM in the soft-deleted state is billed just like a live one, because its capacity stays allocated. The recovery itself is az keyvault list-deleted --resource-type hsm to find it, then az keyvault recover --hsm-name mhsm-peridot --location <its location>, run by someone with the Azure role Managed HSM Contributor. The name stays reserved meanwhile, and nobody should purge it: that would destroy the key crperidot needs. Once the HSM is back, the registry can use its key again; also take mhsm-peridot off the audit's delete list."),

dict(key="L20", style="long", kind="yes", category="setup", quals=[], flags=[],
question="""Our build agents can't leave azure-cli 2.45 until the platform team rebuilds their images, realistically months from now. I have to ship scripts that create CMK registries (az acr create with the identity and key options), switch identities with az acr identity assign '[system]', and rotate keys with az acr encryption rotate-key, and the only place I can test is my laptop with 2.91. Will those acr commands behave the same on the old agents? And is anything in the Key Vault and role commands around them going to differ between the two versions?""",
canonical=[S + "azure-cli-version-notes-for-cmk-commands"],
related=[A + "azure-cli-262-and-later-create-rbac-vaults-by-default", S + "rules-that-az-acr-create-enforces-for-cmk", S + "before-you-start-variables-and-prerequisites"],
facts=["does not exist; soft delete is always on"],
answer_facts=["unchanged in behaviour"],
truth="Yes: the CMK parts of az acr (create with --identity and --key-encryption-key, encryption show and rotate-key, identity assign/show/remove with '[system]') already existed in 2.45.0 and behave the same in 2.91; only their help text changed. The differences are in the commands around them. az keyvault create makes access-policy vaults on 2.45 but RBAC vaults from 2.62.0 on, so pass --enable-rbac-authorization true or false explicitly and grant accordingly. az role assignment create treated --scope as optional in 2.45 and requires it now, so always pass the vault's resource ID. --enable-soft-delete exists in neither version. Managed HSM key URIs pass through both versions unchanged, since no version examined checks the host."),

dict(key="L21", style="long", kind="no", category="limits", quals=["iac"], flags=[],
question="""crtuff was built with a customer-managed key for a customer project that has since ended, and the key team would love to stop running kv-tuff and its key just for this one registry. The registry itself stays: three other teams pull base images from it. In the portal, Settings > Encryption has a Change key button but nothing that looks like an off switch. Is there a supported way to put crtuff back on Microsoft-managed keys only, so that kv-tuff can be retired?""",
canonical=[O + "cmk-cannot-be-disabled-after-it-is-enabled"],
related=[L + "feature-compatibility-summary", K + "move-to-a-different-key-or-to-a-key-in-another-vault", O + "moving-an-existing-registry-to-cmk"],
facts=["some customer-managed key must stay configured and reachable"],
answer_facts=["there is no command or portal switch"],
truth="No: once a registry is encrypted with a customer-managed key, that is permanent for its lifetime, and there is no command or portal setting that returns crtuff to Microsoft-managed keys only. What can change is the key, its version, the vault and the identity, so kv-tuff can still be retired: give crtuff's identity access to a key in a vault you keep running anyway, move the registry there with az acr encryption rotate-key (or Change key in the portal), and retire kv-tuff only after az acr encryption show reports the new key. If the goal is to be rid of CMK altogether, the only way is a new registry without it, with the images copied across (az acr import) and the three teams pointed at the new login server."),

dict(key="L22", style="long", kind="undocumented", category="limits", quals=["hsm", "oct2026"], flags=[],
question="""crscoria is geo-replicated to three regions, and we're about to move its key from kv-scoria into our Managed HSM. For the vault, our DR section simply pointed at the geo-replication article, which tells CMK users to rely on Key Vault's own DR guidance. The architecture reviewer now wants the Managed HSM equivalent from Microsoft. Does Microsoft document how the key of a geo-replicated registry should be protected when it lives in a Managed HSM, or is a Managed HSM key supported only for registries in a single region?""",
canonical=[L + "geo-replication-with-a-managed-hsm-key"],
related=[L + "geo-replication-works-with-cmk", M + "limits-and-open-points-with-managed-hsm", L + "managed-hsm-is-not-available-everywhere"],
facts=["it still points CMK users to the Key Vault disaster-recovery guidance only"],
answer_facts=["the acr docs say nothing more specific"],
truth="Not documented: the geo-replication article was not updated for Managed HSM and still sends CMK users to the Key Vault disaster-recovery guidance only, so there is no Microsoft statement on protecting a Managed HSM key behind a geo-replicated registry. Nor is there any statement limiting Managed HSM keys to single-region registries; geo-replicated Premium registries can use CMK, and the ACR docs name no HSM-specific restriction. For the reviewer, plan the HSM's own recovery separately: the security domain file and the key pairs and quorum that decrypt it, backups, and Managed HSM availability in the regions concerned."),

dict(key="L23", style="long", kind="undocumented", category="keys", quals=[], flags=[],
question="""Our key policy puts a two-year expiry date on every key version. The version crlapis currently uses, in lapis-kek on kv-lapis, expires on 14 January, and there is no newer version yet because the rotation ticket is stuck in approvals. Nobody on the team knows what the registry will do when that date passes: keep serving, stop everything, or something in between. We'd like to quote Microsoft in the risk register. What does the documentation say a CMK registry does once the key version it uses has expired?""",
canonical=[T + "key-is-disabled-or-expired"],
related=[V + "disabling-the-key-instead-a-key-vault-option-not-in-the-acr-docs", K + "move-to-a-new-version-of-the-same-key", K + "rotate-immediately-with-az-keyvault-key-rotate"],
facts=["treat an expired encryption key as a fault to fix straight away"],
answer_facts=["allows unwrap on an expired key", "registry behaviour for expired keys"],
truth="Not documented: the ACR articles describe no registry behaviour for an expired key, so there is nothing from Microsoft to quote for that case. What Key Vault itself does is known: it still unwraps with an expired key but refuses to wrap with it, so expect partial failures rather than a clean stop, for example whenever something, a rotate-key call included, has to wrap with that version. Put it in the register as a fault to avoid, not a state to run in: before 14 January either create a new version and move crlapis to it (by itself within an hour with a versionless key ID, otherwise with az acr encryption rotate-key), or push the expiry out with az keyvault key set-attributes --vault-name kv-lapis -n lapis-kek --version <version> --expires <UTC date>."),

dict(key="L24", style="long", kind="howto", category="setup", quals=[], flags=[],
question="""Writing the vault step of crcerium's setup script. Our crypto standard says: the key must be HSM-protected, nobody may be able to destroy a deleted key before its retention runs out, and access is managed through Azure RBAC like everywhere else. I started from an old wiki page, `az keyvault create -n kv-cerium -g rg-cerium --enable-soft-delete true`, and the CLI says it doesn't know that option. What should the create command be, and what should the script keep from this step for the later ones?""",
canonical=[S + "step-3-create-the-key-vault-with-purge-protection"],
related=[O + "soft-delete-and-purge-protection-on-the-key-vault", O + "rsa-hsm-keys-need-a-premium-key-vault", A + "azure-cli-262-and-later-create-rbac-vaults-by-default"],
facts=["for rsa-hsm keys add --sku premium"],
answer_facts=["soft delete needs no flag", "resource id for the role scope"],
truth="az keyvault create -n kv-cerium -g rg-cerium -l <location> --sku premium --enable-purge-protection --enable-rbac-authorization true. Drop --enable-soft-delete: soft delete is always on, and the current CLI has no such option. --sku premium is what allows RSA-HSM keys, because the default standard vault holds software-protected keys only; purge protection stops anyone from purging a deleted key or vault before its retention period ends, and it can't be switched off later; --enable-rbac-authorization true is the default from CLI 2.62.0, but spelling it out keeps the script right on older CLIs. Keep the vault's resource ID for the role assignments that follow: KV_ID=$(az keyvault show -n kv-cerium -g rg-cerium --query id -o tsv)."),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=["strikethrough_correction"],
question="~~key vault~~ managed hsm: which local rbac role lets a pipeline create keys?",
canonical=[A + "your-own-permissions-to-create-keys-in-an-rbac-vault"], related=[M + "local-rbac-roles-for-acr-encryption", M + "requirements-for-a-managed-hsm-key-store", T + "operator-cannot-create-the-key-in-an-rbac-vault"],
facts=["whoever assigns the registry identity its role needs Managed HSM Administrator, Crypto Officer or Policy Administrator"], answer_facts=["such as managed hsm crypto user"],
truth="Managed HSM Crypto User, or another key-creating local role, for example az keyvault role assignment create --hsm-name <hsm> --role \"Managed HSM Crypto User\" --assignee-object-id <pipeline object ID> --assignee-principal-type ServicePrincipal --scope /keys. Creating that assignment takes a Managed HSM Administrator, Crypto Officer or Policy Administrator, and the registry's own identity still gets only Managed HSM Crypto Service Encryption User."),
dict(key="S2", style="short", kind="yes", category="network", quals=[], flags=["strikethrough_correction"],
question="~~firewalled~~ private-endpoint-only kv: can acr reach the cmk via trusted services?",
canonical=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"], related=[N + "azure-container-registry-in-key-vaults-trusted-services-list", N + "create-the-key-before-the-registry-when-the-vault-is-locked-down", O + "network-requirement-for-a-locked-down-key-vault"],
facts=["Without it the registry cannot reach the key."], answer_facts=["on key vault's list of trusted services"],
truth="Yes: a vault reachable only through a private endpoint still lets ACR reach the key once the trusted Azure services exception is on, because Container Registry is on Key Vault's trusted list for registry encryption with customer-managed keys. The exception only opens the network path: the identity still needs its role or access policy, and create the key before the vault is closed to your own network."),
dict(key="S3", style="short", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=["percent_encoded_uri"],
question="versionless uri for https%3A%2F%2Fmhsm-iridium.managedhsm.azure.net%2Fkeys%2Firidium-kek%2F0c4e7a9b2d5f4816 so acr auto-rotates?",
canonical=[S + "using-a-managed-hsm-key-instead-of-a-key-vault"], related=[M + "managed-hsm-key-uris", K + "versioned-and-versionless-key-ids", M + "rotate-a-managed-hsm-key"],
facts=["versioned for manual"], answer_facts=["the same rule on a different host"],
truth="https://mhsm-iridium.managedhsm.azure.net/keys/iridium-kek. What you have is the URL-escaped form of the Managed HSM key's versioned kid; decoded and with the last segment (the version) removed, it is the versionless key URI, and the registry then follows new versions automatically, exactly as with a vault key."),
dict(key="S4", style="short", kind="troubleshoot", category="setup", quals=[], flags=["percent_encoded_uri"],
question="acr create rejects --key-encryption-key https%3A%2F%2Fkv-osmium.vault.azure.net%2Fkeys%2Fosmium-kek, why",
canonical=[S + "step-7-create-the-premium-registry-with-the-customer-managed-key"], related=[S + "step-5-create-an-rsa-key-and-capture-its-key-id", O + "the-key-encryption-key-kek-and-its-identifier", S + "rules-that-az-acr-create-enforces-for-cmk"],
facts=["--sku Premium is required for CMK; the service rejects other tiers."], answer_facts=["https, pointing at a key"],
truth="The value is still percent-encoded (copied from a URL), so the service gets no HTTPS key URI. Pass the decoded key URI, https://kv-osmium.vault.azure.net/keys/osmium-kek, ideally read from az keyvault key show and stripped of its version for automatic rotation, together with --identity (the identity's resource ID) and --sku Premium."),
dict(key="S5", style="short", kind="no", category="rotation", quals=[], flags=[], typo="immediatly",
question="new kv key version: does acr use it immediatly with a versionless kid?",
canonical=[K + "how-new-key-versions-are-created"], related=[K + "automatic-rotation-with-a-versionless-key-id", K + "create-a-new-version-with-az-keyvault-key-create", T + "registry-keeps-using-an-old-key-version"],
facts=["with a versioned key ID you still have to run az acr encryption rotate-key"], answer_facts=["picks up the result within an hour"],
truth="No: with a versionless key ID the registry moves to a new version within an hour of its creation, not at once, and keeps using the previous one until then. With a versioned ID it never moves by itself; that takes az acr encryption rotate-key."),
dict(key="S6", style="short", kind="value", category="keys", quals=[], flags=[], typo="enviroment",
question="dev enviroment kv: which permissions does the acr identity need, and at what scope?",
canonical=[A + "two-supported-ways-to-grant-key-access"], related=[A + "which-permission-model-does-my-key-vault-use", A + "grant-access-with-an-azure-rbac-role", A + "grant-access-with-a-key-vault-access-policy"],
facts=["never to its client ID or resource ID"], answer_facts=["the key vault resource id", "policies are vault-wide"],
truth="It depends on the vault's permission model. On an RBAC vault: the role Key Vault Crypto Service Encryption User, scoped to the vault's resource ID. On an access-policy vault: the key permissions get, wrapKey and unwrapKey in a policy, which always applies to the whole vault. Either way, grant it to the identity's principal ID."),
dict(key="S7", style="short", kind="yes", category="hsm", quals=["hsm", "oct2026"], flags=[], typo="propogate",
question="hsm role granted, acr create still fails, does it need time to propogate?",
canonical=[M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli"], related=[T + "managed-hsm-role-assignment-not-yet-in-effect", A + "grant-access-to-a-key-in-a-managed-hsm", M + "local-rbac-roles-for-acr-encryption"],
facts=["wait and run it again"], answer_facts=["can take several minutes to take effect"],
truth="Yes: a new local role assignment in a Managed HSM can need several minutes before it counts, so when az acr create fails on key access right after the grant, wait and run it again instead of adding duplicate assignments. If it still fails after that, check activation, the RSA-HSM key with wrapKey and unwrapKey, the /keys/<key> scope and the HSM firewall."),
dict(key="S8", style="short", kind="troubleshoot", category="limits", quals=[], flags=[],
question="cmk acr tag list filled with sha256-... tags after notation signing, delete them?",
canonical=[T + "oras-and-notation-store-referrers-as-tags"], related=[L + "oci-referrers-api-is-not-supported", L + "notation-signatures-on-cmk-registries", L + "feature-compatibility-summary"],
facts=["deleting them hides those artifacts from discovery"], answer_facts=["this is expected behaviour"],
truth="Leave them: a CMK registry has no OCI Referrers API, so Notation (1.2.0 and later) and ORAS fall back to the referrers tag schema and keep each image's attached signatures under those digest-named tags. Deleting them hides the signatures; list them with notation list or oras discover instead."),
dict(key="S9", style="short", kind="why", category="keys", quals=[], flags=[],
question="why won't acr accept our p-384 ec key for cmk",
canonical=[O + "which-key-types-and-sizes-are-supported"], related=[T + "elliptic-curve-key-rejected", O + "key-sizes-offered-by-key-vault", O + "requirements-at-a-glance"],
facts=["Supported key types: RSA and RSA-HSM."], answer_facts=["whatever the curve"],
truth="Because registry encryption works with RSA and RSA-HSM keys only: elliptic-curve keys, EC or EC-HSM, are not supported on any curve, even though Key Vault will happily create them. Create an RSA key of the size your policy wants (Key Vault offers 2048, 3072 and 4096 bits) and use that."),
dict(key="S10", style="short", kind="undocumented", category="recovery", quals=[], flags=[],
question="cmk key got purged by mistake: documented way to recover the acr's images?",
canonical=[T + "key-vault-or-key-was-deleted"], related=[V + "how-purge-protection-protects-the-registry", V + "revoke-by-deleting-the-key", V + "recover-a-deleted-key"],
facts=["contact Azure support"], answer_facts=["purging is irreversible"],
truth="Not documented: a purge can't be undone, and the docs give no way to get a registry's data back once its key is purged, so the only step left is Azure support. Soft delete protects only until the purge; turn on purge protection on the key store so it can't happen again."),
dict(key="S11", style="short", kind="howto", category="iac", quals=["iac"], flags=[],
question="avm bicep registry module: how do i make the cmk follow new key versions?",
canonical=[C + "avm-bicep-module-customermanagedkey-parameter"], related=[C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs", C + "bicep-registry-with-a-customer-managed-key", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["The module does not grant key access"], answer_facts=["version 0.7.0 (january 2025) added autorotationenabled"],
truth="Use module version 0.7.0 or later and leave customerManagedKey.autoRotationEnabled at its default, true, without a keyVersion: the module then hands the registry the versionless keyUri. Up to 0.6.0 it always pinned the current version. The module doesn't grant key access, so create the role assignment yourself and give the module a dependsOn on it."),
dict(key="S12", style="short", kind="howto", category="troubleshooting", quals=[], flags=[],
question="acr check-health prints cmk_error for our registry, how do we clear it?",
canonical=[L + "az-acr-check-health-and-cmk_error"], related=[T + "check-health-reports-cmk_error", I + "the-encryption-identity-cannot-simply-be-removed", K + "rotate-with-a-different-identity-or-the-system-assigned-identity"],
facts=["It is a health-check error code, not a status the registry reports on its own."], answer_facts=["rotate the key to a different"],
truth="Point the registry's encryption at an identity that exists and can use the key. CMK_ERROR means the registry can't reach the managed identity its encryption is configured with, usually because it was deleted. If it still exists and was only detached, attach it again with az acr identity assign; otherwise give another identity (the system-assigned one, for instance) access to the key and run az acr encryption rotate-key with --identity. Then run az acr check-health --ignore-errors --yes again."),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="A1", style="agent", form="context", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["strikethrough_correction"],
question="Context: crrhodium's key moves from kv-rhodium to ~~a second vault~~ mhsm-rhodium, our Managed HSM, next week, with the same identity id-rhodium. Question: what grant does id-rhodium need in the Managed HSM before we run rotate-key?",
canonical=[A + "granting-the-registry-identity-access-to-the-key-vault"], related=[A + "grant-access-to-a-key-in-a-managed-hsm", K + "move-to-a-different-key-or-to-a-key-in-another-vault", A + "access-to-a-key-in-a-second-key-vault"],
facts=["ACR and the portal never create this assignment."], answer_facts=["a third mechanism applies (local rbac)"],
truth="The local role Managed HSM Crypto Service Encryption User on the target key, assigned inside mhsm-rhodium: az keyvault role assignment create --hsm-name mhsm-rhodium --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id <id-rhodium principal ID> --assignee-principal-type MSI --scope /keys/<key name>. No access policy or vault role applies there, and neither ACR nor the portal creates it; give it a few minutes, then run rotate-key."),
dict(key="A2", style="agent", form="imperative", kind="howto", category="setup", quals=[], flags=["percent_encoded_uri"],
question="Write the az role assignment create command that gives crgallium's identity its key role, using the vault scope I copied from the portal: %2Fsubscriptions%2F0d9e8f71-3c42-4b6a-a5e1-7f2c9b0d4e18%2FresourceGroups%2Frg-gallium%2Fproviders%2FMicrosoft.KeyVault%2Fvaults%2Fkv-gallium",
canonical=[O + "identity-and-key-access-requirements"], related=[A + "grant-access-with-an-azure-rbac-role", A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities", A + "which-permission-model-does-my-key-vault-use"],
facts=["That identity needs access to the key in its key store"], answer_facts=["scoped to the vault"],
truth="az role assignment create --assignee-object-id <identity principal ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope /subscriptions/0d9e8f71-3c42-4b6a-a5e1-7f2c9b0d4e18/resourceGroups/rg-gallium/providers/Microsoft.KeyVault/vaults/kv-gallium. The scope has to be the decoded resource ID, since the portal's address bar escapes the slashes. This fits an RBAC vault; if kv-gallium uses access policies, give the identity get, wrapKey and unwrapKey with az keyvault set-policy instead."),
dict(key="A3", style="agent", form="context", kind="troubleshoot", category="iac", quals=["iac"], flags=["percent_encoded_uri"],
question="Context: our Terraform tfvars sets kek_id = \"https%3A%2F%2Fkv-indium.vault.azure.net%2Fkeys%2Findium-kek\", copied from a portal link, for crindium's encryption block. Question: why does the plan reject key_vault_key_id, and what should the value be?",
canonical=[C + "terraform-azurerm_container_registry-encryption-block"], related=[C + "automatic-key-rotation-in-terraform-versionless_id-vs-id", C + "common-terraform-and-bicep-errors-with-acr-encryption", C + "complete-terraform-example-with-key-vault-role-assignment-and-registry"],
facts=["the identity in encryption must also be listed in identity_ids."], answer_facts=["a uri ending in keys/<name>"],
truth="Because the value is still percent-encoded, and the provider only accepts a key URI ending in keys/<name> or keys/<name>/<version>. Decode it: kek_id = \"https://kv-indium.vault.azure.net/keys/indium-kek\", a versionless ID, so crindium follows new key versions. Better still, reference azurerm_key_vault_key.<name>.versionless_id (or the data source) instead of pasting a string."),
dict(key="A4", style="agent", form="context", kind="troubleshoot", category="troubleshooting", quals=[], flags=["ansi_escape_codes"],
question=esc("Context: the nightly az acr check-health step for crboron prints {ESC}[31mCMK_ERROR{ESC}[0m since last week's clean-up removed a batch of managed identities. Question: what does it mean, and how do we fix it?"),
canonical=[T + "check-health-reports-cmk_error"], related=[L + "az-acr-check-health-and-cmk_error", I + "the-encryption-identity-cannot-simply-be-removed", I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
facts=["Run the health check again; the CMK check should pass."], answer_facts=["typically that identity was deleted"],
truth="CMK_ERROR means crboron can't reach the managed identity its encryption is configured to use, almost certainly one the clean-up deleted or detached. Compare keyVaultProperties.identity from az acr encryption show with az acr identity show. If that identity still exists, attach it again with az acr identity assign and re-run the check; if it is gone, attach another identity (for example '[system]'), give it access to the key and move encryption to it with az acr encryption rotate-key --identity. The check should then pass."),
dict(key="A5", style="agent", form="imperative", kind="no", category="identity", quals=["hsm", "oct2026"], flags=[],
question="Confirm whether I can give crargon's identity an access policy on our Managed HSM instead of a role assignment, the way we always did on our key vaults",
canonical=[I + "why-the-registry-needs-a-managed-identity"], related=[A + "grant-access-to-a-key-in-a-managed-hsm", M + "local-rbac-roles-for-acr-encryption", O + "identity-and-key-access-requirements"],
facts=["The identity named in the registry's encryption settings is therefore the single point"], answer_facts=["managed hsm has no access policies"],
truth="No: a Managed HSM has no access policies at all. crargon's identity gets the local RBAC role Managed HSM Crypto Service Encryption User, ideally on the key's own scope (/keys/<key>), assigned inside the HSM with az keyvault role assignment create --hsm-name; Azure role assignments on the HSM resource don't grant key use either."),
dict(key="A6", style="agent", form="imperative", kind="why", category="limits", quals=[], flags=["two_facts"],
question="Explain why az acr encryption rotate-key on crxenon, a two-year-old Premium registry, stops with a usage error claiming rotation is only for CMK registries",
canonical=[T + "key-rotation-fails-on-a-registry-without-cmk", O + "cmk-can-only-be-enabled-when-the-registry-is-created"], related=[O + "moving-an-existing-registry-to-cmk", L + "feature-compatibility-summary", T + "cmk-needs-the-premium-tier"],
facts=["rotate-key works only on registries that already use CMK"], answer_facts=["converting existing registries is not planned", "has no --identity or --key-encryption-key option"],
truth="Because crxenon was created without a customer-managed key, and CMK can only be chosen at creation: rotate-key changes the key of registries that already use one, and az acr update has no option to add a key or identity later. Premium doesn't change that, and an ACR maintainer has said converting existing registries is not planned. To get crxenon's content under CMK, create a new Premium registry with the identity and key, copy the images with az acr import and repoint the clients."),
dict(key="A7", style="agent", form="keywords", kind="value", category="iac", quals=["iac"], flags=[],
question="arm template roleassignments resource for the registry identity on an rbac key vault, role definition id and principal type",
canonical=[S + "set-up-cmk-with-an-arm-template"], related=[C + "bicep-registry-with-a-customer-managed-key", A + "grant-access-with-an-azure-rbac-role", C + "arm-template-json-propertiesencryption-and-keyvaultproperties"],
facts=["The registry must depend on the access grant"], answer_facts=["e147488a-f6f5-4113-8e2d-b22465e65bf6"],
truth="Use e147488a-f6f5-4113-8e2d-b22465e65bf6 as the role definition (built via subscriptionResourceId for Microsoft.Authorization/roleDefinitions); it is Key Vault Crypto Service Encryption User. Put the assignment at the vault's scope, set principalType to ServicePrincipal and principalId to the user-assigned identity's principal ID (reference(...).principalId), and list the assignment in the registry resource's dependsOn, so the grant is already in place when the registry and its encryption settings are deployed."),
dict(key="A8", style="agent", form="keywords", kind="no", category="keys", quals=[], flags=[],
question="key vault crypto user role for the acr cmk identity in addition to crypto service encryption user, needed or not",
canonical=[A + "why-key-vault-crypto-user-is-not-needed"], related=[A + "grant-access-with-an-azure-rbac-role", A + "two-supported-ways-to-grant-key-access", V + "revoke-by-deleting-the-rbac-role-assignment"],
facts=["Both are data-plane roles and only work on vaults that use the Azure RBAC permission model."], answer_facts=["do not add it"],
truth="No: Key Vault Crypto Service Encryption User on its own (read the key, wrap and unwrap with it) is all the registry needs, and it is the only Key Vault role the ACR docs use. Crypto User adds general cryptographic operations the registry never uses, so leave it off; if it is already there, it also keeps access alive during a revocation."),
dict(key="A9", style="agent", form="keywords", kind="yes", category="rotation", quals=["hsm", "oct2026"], flags=[],
question="managed hsm key with a rotation policy and a versionless key id on the registry, new versions picked up without rotate-key",
canonical=[K + "rotating-the-customer-managed-key"], related=[K + "automatic-rotation-with-a-versionless-key-id", M + "rotate-a-managed-hsm-key", K + "create-a-new-version-in-a-managed-hsm"],
facts=["How it happens depends on the form of key ID the registry was given."], answer_facts=["the rules are the same whether"],
truth="Yes: rotation works the same for a Managed HSM key as for a vault key, so with a versionless key ID the registry moves to each new version within an hour, whether the rotation policy, az keyvault key rotate --hsm-name or a new key create made it. Mind the HSM limits: a rotation policy can't rotate more often than every 28 days, and a key holds at most 100 versions."),
dict(key="A10", style="agent", form="context", kind="undocumented", category="setup", quals=[], flags=[],
question="Context: our crypto policy wants the registry key size justified by vendor guidance in crkrypton's design record. Question: does the ACR documentation itself prescribe an RSA key size for the customer-managed key?",
canonical=[O + "requirements-at-a-glance"], related=[O + "which-key-types-and-sizes-are-supported", O + "key-sizes-offered-by-key-vault", T + "elliptic-curve-key-rejected"],
facts=["Key Vault offers RSA 2048, 3072 and 4096"], answer_facts=["not stated by acr"],
truth="Not documented: ACR states no key size. The sizes on offer, RSA 2048, 3072 and 4096 bits, come from Key Vault, so cite Key Vault for what is available and your own policy for the choice. What ACR does prescribe is the type: RSA or RSA-HSM, never elliptic-curve."),
dict(key="A11", style="agent", form="context", kind="howto", category="network", quals=["hsm", "oct2026"], flags=[],
question="Context: crneon is already encrypted with a key in mhsm-neon, and security switches on the Managed HSM firewall next week. Question: what must be set on the HSM so image import and automatic rotation keep working?",
canonical=[N + "managed-hsm-firewall-and-trusted-services"], related=[M + "managed-hsm-firewall-and-trusted-services", N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry", T + "http-403-after-enabling-the-key-vault-firewall"],
facts=["Clients that manage keys (people, pipelines, the portal) need an allowed address of their own"], answer_facts=["the bypass only opens the network"],
truth="Allow trusted Azure services on the HSM before the firewall goes on: az keyvault update-hsm --hsm-name mhsm-neon -g <resource group> --bypass AzureServices --default-action Deny, so the Managed HSM keeps letting the registry through, then check networkAcls with az keyvault show --hsm-name mhsm-neon. People and pipelines that manage keys need IP rules of their own (az keyvault network-rule add --hsm-name mhsm-neon ...). If 403s show up anyway, re-apply crneon's current identity and key with az acr encryption rotate-key."),
dict(key="A12", style="agent", form="imperative", kind="value", category="rotation", quals=["hsm", "oct2026"], flags=[],
question="Tell me which key version crradon is really using right now and which az acr encryption show field says so; its key sits in our Managed HSM",
canonical=[K + "check-which-key-version-the-registry-uses"], related=[S + "step-8-verify-the-encryption-status", L + "check-the-encryption-status-of-a-registry", M + "managed-hsm-key-uris"],
facts=["the URI you set, with or without a version"], answer_facts=["the exact version the registry is using"],
truth="keyVaultProperties.versionedKeyIdentifier: it is read-only and names the exact version in use, with the Managed HSM host and the version at the end of the URI, for example az acr encryption show -n crradon --query keyVaultProperties.versionedKeyIdentifier -o tsv. keyIdentifier only shows what you configured, often without a version; keyRotationEnabled and lastKeyRotationTimestamp tell you whether and when it last switched."),
]

OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind="off-topic", category=OFF, subject="portworx", near_miss=True,
question="""We run a pull-through registry mirror on a small on-prem cluster, and its image storage sits on Portworx volumes with volume encryption switched on. The cluster-wide secret Portworx uses for that encryption is kept in Azure Key Vault. An engineer who had access to it has left, so security wants the secret replaced. Can Portworx re-key the existing encrypted volumes under a new cluster-wide secret in place, or do we have to create new volumes and copy the mirror's data across?""",
truth="Not covered: re-keying Portworx encrypted volumes under a new cluster-wide secret is storage-platform administration, outside the knowledge about customer-managed key encryption of Azure container registries."),
dict(key="X2", style="long", kind="off-topic", category=OFF, subject="kasten", near_miss=True,
question="""Kasten K10 backs up the namespace that hosts our internal container registry to a blob storage location profile, and the backups are encrypted with a passkey (the key K10 derives its backup encryption from) that we set at install time. That passkey was shared in a chat with a contractor, so it has to be replaced. Can K10 hold the old and the new passkey side by side while we switch, and will restore points written under the old passkey still be restorable afterwards?""",
truth="Not covered: replacing the passkey that encrypts Kasten K10 backups and restoring older restore points is a backup-product matter, not part of the ACR customer-managed key documentation."),
dict(key="X3", style="long", kind="off-topic", category=OFF, subject="flatpak", near_miss=True,
question="""Next to our container registry we host a Flatpak repository for internal workstation tools, and every commit in it is signed with a GPG key whose subkey expires in six weeks. Around 300 laptops have the repository configured with the current public key. What is the cleanest way to move the Flatpak repo to a new signing key, and how do the laptops learn the new key before the old one runs out, without everybody re-adding the remote by hand?""",
truth="Not covered: rolling the GPG signing key of a Flatpak repository and getting the new public key onto its clients is desktop package-distribution work that the ACR CMK knowledge does not address."),
dict(key="X4", style="long", kind="off-topic", category=OFF, subject="in-toto", near_miss=True,
question="""Our CI records in-toto link metadata for every image it pushes to the company's container registry, and the deploy step verifies a root layout signed by the project owner's key. That owner key sits on a laptop we're about to retire. How do we re-sign the root layout with a new owner key, and what has to change on the verifier side so images built under the old layout still verify during the switch?""",
truth="Not covered: re-signing an in-toto root layout with a new owner key and updating its verifiers is supply-chain tooling, with no connection to encrypting an Azure container registry with a customer-managed key."),
dict(key="X5", style="long", kind="off-topic", category=OFF, subject="akeyless", near_miss=True,
question="""Our pipelines fetch the push credentials for our container registry from Akeyless, and the account uses a customer fragment so that Akeyless alone can never decrypt our secrets. The machine that keeps that customer fragment is being moved to a new subscription, and the security team also wants the fragment itself rotated. The fragment is, in effect, our share of the encryption key. How does rotating a customer fragment work in Akeyless, and what happens to the secrets encrypted under the old one?""",
truth="Not covered: rotating an Akeyless customer fragment and moving the gateway that holds it are questions about that secrets platform, not about customer-managed keys for Azure Container Registry."),
dict(key="X6", style="long", kind="off-topic", category=OFF, subject="trustee",
question="""We're piloting confidential containers: the image layers in our registry are encrypted, and the decryption key is only released by a Trustee key broker once the pod proves it runs in a trusted environment. We need to rotate the key the broker releases for one workload and then re-encrypt that workload's images. How do we register the new key with Trustee while running pods still use the old one, and in what order should the images be re-encrypted and pushed?""",
truth="Not covered: rotating keys in a Trustee key broker for encrypted confidential-container images is a confidential-computing topic, not part of the Azure Container Registry CMK knowledge."),
dict(key="X7", style="agent", form="context", kind="off-topic", category=OFF, subject="openebs",
question="Context: the on-prem cluster that runs our registry mirror keeps its data on OpenEBS LVM volumes. Question: can we switch on encryption for an existing OpenEBS volume without recreating it and copying the data?",
truth="Not covered: encrypting existing OpenEBS volumes is a storage-engine question for an on-prem cluster, unrelated to customer-managed keys for Azure Container Registry."),
dict(key="X8", style="agent", form="imperative", kind="off-topic", category=OFF, subject="istio",
question="Explain how to replace the plug-in CA certificate and key of our Istio mesh without breaking the encrypted traffic between sidecars during the switch",
truth="Not covered: swapping an Istio mesh's plug-in CA certificate and key is service-mesh administration outside the ACR customer-managed key knowledge."),
dict(key="X9", style="agent", form="keywords", kind="off-topic", category=OFF, subject="thanos",
question="thanos object storage config for an azure blob bucket, server-side encryption with our own key, which fields",
truth="Not covered: configuring Thanos object storage and its encryption settings is a monitoring-backend question, not something the ACR CMK documentation describes."),
dict(key="X10", style="short", kind="off-topic", category=OFF, subject="etcd",
question="etcd encryption at rest: how do i rotate the aescbc key safely?",
truth="Not covered: rotating the aescbc key of etcd encryption at rest is cluster administration, outside customer-managed key encryption of Azure container registries."),
dict(key="X11", style="short", kind="off-topic", category=OFF, subject="gopass",
question="gopass: add a new gpg recipient and re-encrypt the whole store?",
truth="Not covered: adding recipients and re-encrypting a gopass password store is a password-manager task the ACR CMK knowledge does not touch."),
dict(key="X12", style="short", kind="off-topic", category=OFF, subject="kaniko",
question="kaniko layer cache in a private repo, where does the executor read credentials from",
truth="Not covered: how the kaniko executor finds credentials for its layer cache is a build-tool question, not about customer-managed keys for Azure Container Registry."),
]
QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"enviroment": "environment", "immediatly": "immediately", "propogate": "propagate"}
SHAPES = ["two_facts", "shell_history", "dotenv_file", "ansi_escape_codes", "strikethrough_correction",
          "percent_encoded_uri"]
SEED = 53
ID_PREFIX = "i"

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
    meta["_set"] = summary(entries, meta)
    return entries, meta


NEW_SHAPES = SHAPES[1:]
SPREAD_SETS = (52, 51)
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
    """(blind53.json text, blind53-meta.json text, blind53-first-canonicals.txt text)"""
    entries, meta = build()
    j = json.dumps(entries, indent=1, ensure_ascii=False) + "\n"
    m = json.dumps(meta, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    f = "\n".join(firsts) + "\n"
    return j, m, f


def main(out=HERE):
    j, m, f = render()
    for name, text in (("blind53.json", j), ("blind53-meta.json", m), ("blind53-first-canonicals.txt", f)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
