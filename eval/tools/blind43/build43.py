"""blind43 builder: holds the 60 questions (QUESTIONS) and writes blind43.json, blind43-meta.json and
blind43-first-canonicals.txt."""
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
dict(key="L1", style="long", kind="howto", category="setup", quals=[], flags=["step_list"],
question="""Setting up the first encrypted registry for the claims team from my laptop (az CLI 2.67). This is the order I plan to run tomorrow morning, nothing executed yet:

1. `az group create` for rg-claims-reg in westeurope
2. `az identity create -n id-claimsreg -g rg-claims-reg`, noting its id and principalId
3. `az keyvault create -n kv-claimsreg-01 -g rg-claims-reg --enable-purge-protection`
4. `az keyvault set-policy -n kv-claimsreg-01 --object-id <principalId> --key-permissions get wrapKey unwrapKey`
5. `az keyvault key create --vault-name kv-claimsreg-01 -n claims-kek --kty RSA --size 3072`
6. `az acr create -n crclaimsreg -g rg-claims-reg --sku Premium --identity <id> --key-encryption-key <kid minus version>`

A teammate did pretty much this last year and says it went through first time. Is any of these steps wrong for a CLI as new as mine, and if so which one and what should it look like?""",
canonical=[A + "azure-cli-262-and-later-create-rbac-vaults-by-default"],
related=[T + "set-policy-fails-on-an-rbac-key-vault", S + "step-3-create-the-key-vault-with-purge-protection", A + "which-permission-model-does-my-key-vault-use"],
facts=["run `az keyvault set-policy` therefore fail on a current CLI"],
answer_facts=["sets --enable-rbac-authorization to true", "therefore fail on a current cli"],
truth="Step 4 is the one that breaks. From azure-cli 2.62 on, step 3 creates an Azure RBAC vault unless you say otherwise, and az keyvault set-policy refuses to run against such a vault. Either add --enable-rbac-authorization false to step 3 to keep the access-policy route, or keep the RBAC vault and replace step 4 with a role assignment for the identity's principal ID: az role assignment create --assignee-object-id <principalId> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <vault resource ID>. With an RBAC vault you also need a data-plane role such as Key Vault Crypto Officer yourself before step 5 can create the key. The rest of the order is fine."),

dict(key="L2", style="long", kind="troubleshoot", category="network", quals=[], flags=["step_list"],
question="""We are rebuilding registry crledgerx (Premium) with its key in kv-ledger-prd, because security wants that vault closed to the internet. What I ran, in this order:

- created kv-ledger-prd and the key ledger-kek while the vault was still open
- assigned id-ledger-acr the vault's Crypto Service Encryption User role
- `az keyvault update -n kv-ledger-prd -g rg-ledger --default-action Deny`
- added our office range with `az keyvault network-rule add -n kv-ledger-prd --ip-address 198.51.100.0/26`
- `az acr create -n crledgerx -g rg-ledger --sku Premium --identity id-ledger-acr --key-encryption-key https://kv-ledger-prd.vault.azure.net/keys/ledger-kek`

That last command fails:

```
(BadRequest) Failed to access KeyId 'https://kv-ledger-prd.vault.azure.net/keys/ledger-kek'.
Correlation: 6d0f2c3a-91be-4a77-b0d4-2e5c8a9f1e07
```

The role assignment is definitely there, and the office rule works for me from my desk. Which step did I get wrong?""",
canonical=[N + "allow-trusted-services-and-deny-other-traffic"],
related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", T + "registry-creation-cannot-access-the-key", N + "allow-your-own-clients-through-the-vault-firewall"],
facts=["This is the **key vault's** bypass"],
answer_facts=["set the bypass to azureservices", "bypass should be azureservices"],
truth="The third step: --default-action Deny without --bypass AzureServices also shuts out trusted Azure services, and ACR reaches the vault as one of them, never through an IP rule like your office range. Run az keyvault update -n kv-ledger-prd -g rg-ledger --bypass AzureServices --default-action Deny, confirm that az keyvault show -n kv-ledger-prd --query properties.networkAcls reports bypass AzureServices, then rerun the az acr create step. Keep the role and the office rule: the bypass opens only the network path, and the identity still needs its role."),

dict(key="L3", style="long", kind="howto", category="identity", quals=[], flags=["step_list", "two_facts"],
question="""Registry crwayfind currently encrypts through id-maps-old, which is being retired together with the old subscription layout. Its replacement id-maps-2027 has been created already, same resource group. My change plan for tonight:

1. read id-maps-2027's principalId with `az identity show`
2. assign that principal the vault's encryption-user role (Key Vault Crypto Service Encryption User) in kv-maps, an RBAC vault
3. `az acr encryption rotate-key -n crwayfind -g rg-maps --identity id-maps-2027 --key-encryption-key <current versionless id>`
4. run `az acr encryption show -n crwayfind` and compare its identity field with id-maps-2027's clientId
5. `az acr identity remove -n crwayfind -g rg-maps --identities id-maps-old`

The reviewer says something is missing before step 3 but won't tell me what (teaching moment, apparently). Which step did I leave out?""",
canonical=[I + "switch-to-a-different-user-assigned-identity", I + "how-rotate-key-interprets-the---identity-value"],
related=[I + "switch-to-the-registrys-system-assigned-identity-after-creation", I + "which-identity-value-goes-where", K + "rotate-with-a-different-identity-or-the-system-assigned-identity"],
facts=["Only after `az acr encryption show` reports the new client ID should the old identity be detached"],
answer_facts=["attach it, grant it access", "not attach the identity to the registry"],
truth="Nothing in the plan attaches id-maps-2027 to crwayfind. az acr encryption rotate-key resolves the name you pass to that identity's client ID and stores it, but it never attaches the identity to the registry, so add az acr identity assign -n crwayfind -g rg-maps --identities <id-maps-2027 resource ID> before step 3 (after the grant in step 2 is fine). Leave id-maps-old attached, with its role, until step 4 shows id-maps-2027's client ID; only then run step 5."),

dict(key="L4", style="long", kind="troubleshoot", category="recovery", quals=[], flags=["step_list"],
question="""On Friday a pipeline run with the wrong variable file deleted kv-billing-01, the RBAC-model vault that holds the key of registry crbilling. Here is what I did on Saturday morning:

1. `az keyvault list-deleted --resource-type vault` showed it, good
2. `az keyvault recover --name kv-billing-01`
3. `az keyvault key show --vault-name kv-billing-01 -n billing-kek` returns the key, enabled
4. waited an hour, then tried a pull from my workstation

The pull still fails:

```
$ docker pull crbilling.azurecr.io/invoice-api:5.2.0
Error response from daemon: Head "https://crbilling.azurecr.io/v2/invoice-api/manifests/5.2.0": denied
```

Monday is a release day and I'd like to be done before then. Which step am I missing?""",
canonical=[T + "key-vault-or-key-was-deleted"],
related=[V + "re-create-rbac-role-assignments-after-recovering-a-vault", V + "recover-a-deleted-key-vault", V + "how-purge-protection-protects-the-registry"],
facts=["recovering the vault with `az keyvault recover` does **not** bring them back"],
answer_facts=["are removed and are not restored", "create the encryption identity's role assignment again"],
truth="The missing step comes right after step 2: re-create the registry identity's role assignment. Deleting an RBAC vault deletes its Azure role assignments, and az keyvault recover does not restore them, so the encryption identity has lost Key Vault Crypto Service Encryption User on kv-billing-01. Run az role assignment create --assignee-object-id <principal ID of the encryption identity> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <kv-billing-01 resource ID> (use az acr identity show --query principalId if encryption runs on the system identity), wait a few minutes and pull again. Put any operator roles back the same way, and turn on purge protection if it is off."),

dict(key="L5", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["step_list"],
question="""Compliance asked us to cut registry crsandbox off from its key as a drill. The key sandbox-kek lives in Managed HSM mh-lab-02 and the registry runs on identity id-sandbox-acr. Steps I took:

1. listed that identity's local role assignments in mh-lab-02, filtered by its object id and `--scope /keys/sandbox-kek`: one hit
2. deleted that assignment, same role, same assignee, `--scope /keys/sandbox-kek`
3. listed again with the same filters: empty
4. waited 40 minutes for propagation

```
$ docker pull crsandbox.azurecr.io/tools/jq:1.7
1.7: Pulling from tools/jq
Digest: sha256:7c3f0e1b9a...
Status: Image is up to date for crsandbox.azurecr.io/tools/jq:1.7
```

Pulls keep working. Why is the revocation of the Managed HSM access not taking hold, and which step of mine is missing something?""",
canonical=[M + "revoke-access-to-a-managed-hsm-key"],
related=[V + "revoke-access-to-a-key-in-a-managed-hsm", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope", M + "local-rbac-roles-for-acr-encryption"],
facts=["Any other local role that includes wrap and unwrap"],
answer_facts=["leaves alone any assignment the identity holds", "or the revocation does not happen"],
truth="Step 1 was filtered on --scope /keys/sandbox-kek, so it only showed the assignment at that exact scope. Deleting there leaves any Managed HSM Crypto Service Encryption User assignment the identity also holds at /keys or at / untouched, and either one keeps key use working (so would another local role with wrap and unwrap, such as Managed HSM Crypto User). Run az keyvault role assignment list --hsm-name mh-lab-02 --assignee-object-id <oid> without --scope, then delete each remaining assignment at its own scope (--scope /keys or --scope /). Once none is left, all of crsandbox's data is blocked; re-creating the key-scoped assignment ends the drill."),

dict(key="L6", style="long", kind="undocumented", category="limits", quals=["iac"], flags=["what_happens"],
question="""Finance flagged our three Premium registries as too expensive. Two of them can drop to Standard without drama. The third, crarchive, was created with a customer-managed key two years ago; it barely gets traffic any more and has no replications or connected registries left. Before I click through the tier change in the portal: what happens to crarchive if I move it from Premium to Standard, does the key setting quietly disappear, does the change get refused, or does the registry end up broken? I'd like to know what Microsoft actually commits to here, not guesses.""",
canonical=[L + "changing-the-sku-of-a-cmk-registry-is-not-documented"],
related=[O + "cmk-cannot-be-disabled-after-it-is-enabled", T + "cmk-needs-the-premium-tier", O + "cmk-requires-the-premium-sku"],
facts=["treat a CMK registry as staying on Premium"],
answer_facts=["do not say whether a cmk-encrypted registry", "ask azure support before attempting a downgrade"],
truth="Not documented: the docs do not say whether a CMK-encrypted registry can move from Premium to Standard or Basic, so none of your three outcomes is promised. What is documented is that CMK is a Premium-only feature and cannot be disabled, so a Standard crarchive that quietly loses its key setting is not something you can plan on, and a refused or half-applied tier change on a registry whose data depends on that key is a real risk. Keep crarchive on Premium and ask Azure support before trying; if the cost matters more, one way out is a new, cheaper registry without CMK and the images copied over with az acr import."),

dict(key="L7", style="long", kind="value", category="identity", quals=[], flags=["what_happens"],
question="""Small mess on registry crtelemetry. A colleague cleaning up identities ran `az acr identity remove` against id-telem-acr, which is the identity the registry's encryption runs on. The command came back with an error about the registry having no access to that identity and a suggestion to add it back by force, so he left it and went on holiday. Nothing looks broken today: pulls and pushes are fine and az acr encryption show looks normal. My manager wants to close the ticket as no impact. Will pulls keep working if we just leave things as they are, and for roughly how long?""",
canonical=[I + "the-encryption-identity-cannot-simply-be-removed"],
related=[T + "registry-identity-is-inactive-or-expired", T + "removing-the-encryption-identity-fails", I + "switch-to-a-different-user-assigned-identity"],
facts=["it stops being renewed"],
answer_facts=["usually after about three months", "az acr identity assign fixes it"],
truth="Probably not for long. An attempted removal can leave the identity inactive: it is no longer renewed, pulls and pushes keep working until it expires, usually after about three months, and from then on they fail with HTTP 403 and a message that the registry's identity is inactive. Don't wait for that: re-assign it now with az acr identity assign -n crtelemetry --identities <id-telem-acr resource ID> and check az acr identity show. If the real goal is to retire id-telem-acr, rotate encryption to another identity that has key access first, and remove it only afterwards."),

dict(key="L8", style="long", kind="troubleshoot", category="recovery", quals=[], flags=["outage"],
question="""URGENT, prod is down. Since about 07:30 every pull from crpayments fails, every repository, for the AKS nodes and for our laptops alike:

```
$ docker pull crpayments.azurecr.io/checkout/api:2026.11.4
Error response from daemon: unexpected status from HEAD request to https://crpayments.azurecr.io/v2/checkout/api/manifests/2026.11.4: 403 Forbidden
```

Nothing was deployed to the registry overnight. The only change I can find is a ticket from the security team, "removed stale and over-broad role assignments on kv-pay-keys (RBAC vault)", closed at 07:12. The registry encrypts with the user-assigned identity id-pay-acr. Where do I look first and what brings it back?""",
canonical=[T + "registry-access-lost-after-key-permissions-were-revoked"],
related=[V + "restore-access-after-a-revocation", V + "revoke-by-deleting-the-rbac-role-assignment", V + "what-revocation-does-to-the-registry"],
facts=["No registry command is needed"],
answer_facts=["access to all data in the registry", "picks it up and access comes back"],
truth="Most likely the clean-up removed id-pay-acr's Key Vault Crypto Service Encryption User assignment, which amounts to revoking the key and blocks all registry data. Confirm with az role assignment list --scope <kv-pay-keys resource ID> --assignee-object-id <id-pay-acr principal ID> --query \"[].roleDefinitionName\" -o tsv (an empty result means it is gone). Put it back with az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <vault ID>; once that has propagated the registry reconnects to the key by itself, with nothing to run on the registry side. Then ask security to exclude that assignment from future clean-ups."),

dict(key="L9", style="long", kind="troubleshoot", category="recovery", quals=["hsm", "oct2026"], flags=["outage"],
question="""Sev1 in progress. A tidy-up script ran `az keyvault key delete` against every key in Managed HSM mh-core-01 it believed was unused, and one of them, core-kek, is the key of registry crcore. Since 10:05 nothing can be pulled or pushed.

```
$ az keyvault key list-deleted --hsm-name mh-core-01 -o table
Kid                                                    RecoveryId                                                      ScheduledPurgeDate
-----------------------------------------------------  --------------------------------------------------------------  -------------------------
https://mh-core-01.managedhsm.azure.net/keys/core-kek  https://mh-core-01.managedhsm.azure.net/deletedkeys/core-kek  2027-02-10T10:05:11+00:00
```

I'm on the bridge call with the HSM admins. Can core-kek be brought back from the Managed HSM's deleted state so the registry comes back, and which role does whoever runs the recovery need?""",
canonical=[V + "recover-a-deleted-key"],
related=[M + "recover-a-deleted-managed-hsm-key-or-hsm", T + "key-vault-or-key-was-deleted", M + "local-rbac-roles-for-acr-encryption"],
facts=["Recovering a key needs Managed HSM Crypto Officer"],
answer_facts=["the caller needs managed hsm crypto officer", "registry operations resume"],
truth="Recover it while it is soft-deleted: az keyvault key recover --hsm-name mh-core-01 --name core-kek, run by someone who holds the local role Managed HSM Crypto Officer (Managed HSM Crypto User cannot recover deleted keys). Once core-kek is back, registry operations resume; check it with az keyvault key show --hsm-name mh-core-01 --name core-kek --query attributes, make sure crcore's encryption identity still holds its local role on /keys/core-kek (az keyvault role assignment list --hsm-name mh-core-01 --assignee-object-id <oid>), and retry a pull. Purge nothing, and fix the script before it runs again."),

dict(key="L10", style="long", kind="troubleshoot", category="identity", quals=["iac"], flags=["outage"],
question="""Pushes and pulls on crhr have been failing for 25 minutes and the on-call channel is on fire. Timeline: at 14:20 a colleague who wants to get rid of user-assigned identities opened crhr in the portal, set System assigned to On under Identity, then under Encryption used Change key, kept the same key from kv-hr-01 and picked the system-assigned identity. It saved without complaint. The first 403s showed up at 14:31.

```
$ az acr encryption show -n crhr --query keyVaultProperties.identity -o tsv
system
$ KV=$(az keyvault show -n kv-hr-01 --query id -o tsv)
$ az role assignment list --scope "$KV" --query "[].principalName" -o tsv
id-hr-acr
```

The old identity id-hr-acr is still attached. What did he skip, and what is the quickest way to get crhr serving again?""",
canonical=[I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
related=[I + "which-identity-value-goes-where", K + "rotate-with-a-different-identity-or-the-system-assigned-identity", T + "registry-access-lost-after-key-permissions-were-revoked"],
facts=["Keep the original user-assigned identity attached and its access in place"],
answer_facts=["grant that principal access to the key", "removing it earlier cuts the registry off"],
truth="He pointed encryption at the system-assigned identity without giving that identity any access: the only role on kv-hr-01 belongs to id-hr-acr. Read the system identity's principal ID with az acr identity show -n crhr --query principalId -o tsv and give it Key Vault Crypto Service Encryption User on the vault (az role assignment create --assignee-object-id <that ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <kv-hr-01 ID>); after a few minutes crhr should reach its key again. The other quick way back is Change key once more with id-hr-acr, which still has its role. Either way keep id-hr-acr attached with its access until encryption shows system and pulls work."),

dict(key="L11", style="long", kind="no", category="recovery", quals=["oct2026"], flags=["docs_claim"],
question="""We keep a break-glass runbook for cutting a registry off from its key. The access-policy part was written from a blog post back in 2024, which told us to revoke by running delete-policy on the vault and handing it the key's identifier as the object id, supposedly so that only the policy for that one key goes away. The runbook line looks like this:

```
az keyvault delete-policy --name kv-ops-keys --object-id https://kv-ops-keys.vault.azure.net/keys/ops-kek
```

We've never actually had to run it. Is that claim right for our access-policy vault kv-ops-keys, or does the command want something else there?""",
canonical=[V + "revoke-by-removing-the-access-policy"],
related=[A + "grant-access-with-a-key-vault-access-policy", V + "what-revocation-does-to-the-registry", T + "set-policy-fails-on-an-rbac-key-vault"],
facts=["access policies cannot be limited to a single key"],
answer_facts=["principal id of the registry's identity", "not a key id"],
truth="No: --object-id takes the principal (object) ID of the registry's identity, not a key ID, and delete-policy removes that identity's whole policy on kv-ops-keys, because access policies are vault-wide and can't target one key. The ACR rotate-and-revoke article was corrected in its October 2026 revision; the older key-ID example never worked. Use az keyvault delete-policy --name kv-ops-keys --resource-group <rg> --object-id <identity principal ID>, and expect every pull and push to be blocked until the policy is added back."),

dict(key="L12", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["docs_claim"],
question="""Our platform architect insists, from a training course he took a while back, that ACR encryption only ever works with one role, the Key Vault one, and that for our new Managed HSM mh-fin-01 we should simply run the usual az role assignment create against the HSM resource with that role for the registry identity, the same way we do for vaults. He says nothing else is needed, no policies, nothing special. We are about to build registry crfinance against the key fin-kek in that HSM and I don't want to find out at creation time. How do we give the registry identity access to fin-kek in that Managed HSM today, and at which scope?""",
canonical=[M + "key-vault-and-managed-hsm-compared"],
related=[M + "local-rbac-roles-for-acr-encryption", A + "grant-access-to-a-key-in-a-managed-hsm", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
facts=["they never let anyone use a key"],
answer_facts=["best scoped to the key", "az keyvault role assignment create --hsm-name"],
truth="Since the October 2026 revision of the ACR CMK docs a Managed HSM is a supported key store, but it does not use the Key Vault role at all: an Azure RBAC assignment made with az role assignment create on the HSM resource only governs managing the HSM and never lets anyone use a key. Give the identity the HSM's local role instead, Managed HSM Crypto Service Encryption User, scoped to the key: az keyvault role assignment create --hsm-name mh-fin-01 --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id <identity principal ID> --assignee-principal-type MSI --scope /keys/fin-kek. Nobody else creates it for you, neither ACR nor the portal, so do it before az acr create, as someone holding Managed HSM Administrator, Crypto Officer or Policy Administrator, and allow a few minutes for it to take effect."),

dict(key="L13", style="long", kind="troubleshoot", category="troubleshooting", quals=["iac"], flags=["pipeline"],
question="""Our GitHub Actions workflow builds the whole encrypted-registry stack for a new product line. It signs in with OIDC as the app registration sp-gh-platform, which is Owner on the subscription. The vault kv-prodline-07 is made by an earlier job (RBAC model, the CLI default), and this job should add the key before a Bicep deployment creates the registry:

```yaml
  create-key:
    runs-on: ubuntu-latest
    needs: vault
    steps:
      - name: sign in (OIDC)
        uses: azure/login@v2
        with:
          tenant-id: ${{ secrets.PLAT_TENANT }}
          client-id: ${{ secrets.PLAT_APP }}
          subscription-id: ${{ secrets.PLAT_SUB }}
      - run: az keyvault key create --vault-name kv-prodline-07 -n prodline-kek --kty RSA --size 4096
```

The run step dies with:

```
ERROR: (Forbidden) The operation is not allowed by RBAC.
Code: ForbiddenByRbac
Action: 'Microsoft.KeyVault/vaults/keys/create/action'
```

How can an Owner not be allowed to create a key, and what do I grant so the workflow gets through?""",
canonical=[T + "operator-cannot-create-the-key-in-an-rbac-vault"],
related=[A + "your-own-permissions-to-create-keys-in-an-rbac-vault", A + "azure-cli-262-and-later-create-rbac-vaults-by-default", A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities"],
facts=["Wait a few minutes for the assignment to propagate"],
answer_facts=["managing the vault resource is not enough", "use its object id and serviceprincipal"],
truth="On an RBAC vault, Owner only covers the vault as a resource; creating or reading keys is a data-plane action and needs a data-plane role such as Key Vault Crypto Officer. Have an Owner or User Access Administrator give it to the workflow's service principal on the vault: az role assignment create --assignee-object-id <sp-gh-platform object ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Officer\" --scope <kv-prodline-07 resource ID> (the vault job is a natural place for it), wait a few minutes and rerun. That role is for the pipeline only; the registry's identity still gets just Key Vault Crypto Service Encryption User."),

dict(key="L14", style="long", kind="howto", category="identity", quals=[], flags=["pipeline"],
question="""Our GitLab CI job provisions a registry identity and grants it key access straight away. It runs as a service principal that has zero Microsoft Graph rights (our security team refuses to grant any). The relevant part of .gitlab-ci.yml:

```yaml
grant-key-access:
  stage: keys
  script:
    - KEKROLE="Key Vault Crypto Service Encryption User"
    - ID_PRINCIPAL=$(az identity show -g rg-imaging -n id-imaging-acr --query principalId -o tsv)
    - VAULT_RID=$(az keyvault show -n kv-imaging-02 --query id -o tsv)
    - echo "granting on $VAULT_RID"
    - az role assignment create --scope "$VAULT_RID" --assignee "$ID_PRINCIPAL" --role "$KEKROLE"
```

Most runs fail at the last line with an insufficient-privileges message, and the odd run that gets further complains the principal can't be found, although the identity was created seconds earlier in the same stage. How should that line be written so it works for a managed identity without any Graph access?""",
canonical=[A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities"],
related=[A + "grant-access-with-an-azure-rbac-role", T + "role-assignment-rejects-the-principal-type-or-the-assignee", A + "your-own-permissions-to-create-keys-in-an-rbac-vault"],
facts=["`--assignee` and `--assignee-object-id` are mutually exclusive"],
answer_facts=["skips the microsoft graph lookup", "a managed identity counts as serviceprincipal there"],
truth="Pass the principal ID with --assignee-object-id instead of --assignee, and add --assignee-principal-type ServicePrincipal: az role assignment create --scope \"$VAULT_RID\" --assignee-object-id \"$ID_PRINCIPAL\" --assignee-principal-type ServicePrincipal --role \"$KEKROLE\". Given the object ID and the type, the CLI skips the Microsoft Graph lookup that --assignee does, so the job needs no Graph permissions and a freshly created identity that hasn't replicated yet stops being a problem. Don't pass --assignee and --assignee-object-id together, and don't use MSI as the type here (that value belongs to the Managed HSM local-role command). The job's own principal still needs a role that may assign roles on the vault, such as User Access Administrator."),

dict(key="L15", style="long", kind="howto", category="limits", quals=[], flags=["pipeline"],
question="""Audit requirement: build logs for anything that lands in our encrypted registry crfactory have to be kept for a year. We found out the hard way that ACR Tasks runs on that registry lose their logs after a day. Most builds are started from an Azure DevOps pipeline, but the base-image rebuilds are triggered by ACR itself when upstream images change, so the pipeline never sees those runs. I'm thinking of a scheduled job in the same Azure DevOps project:

```yaml
schedules:
  - cron: "0 */6 * * *"
    displayName: sweep acr task logs
    branches:
      include: [main]
    always: true
```

running as our service connection sc-factory-reader. What should that job run to catch every run's log before it disappears, and is there a registry setting that would simply keep them longer?""",
canonical=[L + "export-task-run-logs-before-they-expire"],
related=[L + "acr-tasks-run-logs-are-kept-for-only-24-hours", T + "task-run-logs-disappear-after-24-hours", L + "feature-compatibility-summary"],
facts=["the docs offer no setting that extends the 24-hour retention on a CMK registry"],
answer_facts=["write it to a file", "no log is lost after a day"],
truth="Have each sweep list the recent runs with az acr task list-runs --registry crfactory --top 50 --query \"[].runId\" -o tsv, and for every run ID not archived yet fetch the log with az acr task logs --registry crfactory --run-id <id> and write it to a file or a storage account. Every six hours is well inside the 24-hour window, and a sweep also catches the base-image runs the pipeline never sees. There is no such setting: on a CMK registry the task run logs are kept for 24 hours only, and logs that have already aged out cannot be fetched."),

dict(key="L16", style="long", kind="howto", category="setup", quals=["iac"], flags=["two_facts"],
question="""New regulated workload. The vault kv-reg-claims has to end up reachable only through its private endpoint, with the public endpoint denying everything. The registry crregclaims (Premium, CMK) gets created afterwards, partly via the portal by the app team. Our self-hosted build agents in subnet snet-agents also need to add key versions in that vault every quarter. I'm drafting the order of work. Does the key have to exist before the registry when the vault is this locked down, or can the app team create it from within the registry's create flow later? And how do the build agents keep working once the vault denies public traffic?""",
canonical=[S + "create-the-key-before-the-registry-for-restricted-vaults", N + "allow-your-own-clients-through-the-vault-firewall"],
related=[N + "create-the-key-before-the-registry-when-the-vault-is-locked-down", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", N + "the-portal-key-picker-and-a-key-store-firewall"],
facts=["These rules are for your clients"],
answer_facts=["create the key ahead of the registry", "service endpoint enabled on it"],
truth="Create the key first, ahead of the registry and not from the registry's create flow, while your client can still reach the vault's data plane; grant the registry identity its role or policy; allow trusted Azure services through the vault firewall (az keyvault update --bypass AzureServices --default-action Deny); only then create crregclaims, in the portal with Enter key URI if the key picker can't list keys from the app team's browser. For the agents add a network rule for their subnet, az keyvault network-rule add --name kv-reg-claims --resource-group <rg> --vnet-name <vnet> --subnet snet-agents, with the Microsoft.KeyVault service endpoint enabled on snet-agents (or give them a route to the private endpoint). The registry itself never uses those rules; it comes in through the trusted-services bypass."),

dict(key="L17", style="long", kind="value", category="identity", quals=["iac"], flags=["two_facts"],
question="""Bicep review for the new registry crlogistics. The author wired up the identity values in a way that looks odd to me:

```bicep
resource uami 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: 'id-logistics-acr'
}

resource logisticsReg 'Microsoft.ContainerRegistry/registries@2025-04-01' = {
  name: 'crlogistics'
  location: location
  identity: {
    userAssignedIdentities: { '${uami.id}': {} }
    type: 'UserAssigned'
  }
  sku: { name: 'Premium' }
  properties: {
    encryption: {
      keyVaultProperties: {
        keyIdentifier: kekUri
        identity: uami.properties.principalId
      }
      status: 'enabled'
    }
  }
}
```

The role assignment on the vault, in a separate module, also uses uami.properties.principalId. Which identity value belongs in keyVaultProperties.identity, and is the role assignment module using the right one?""",
canonical=[C + "arm-template-json-propertiesencryption-and-keyvaultproperties", I + "which-identity-value-goes-where"],
related=[C + "bicep-registry-with-a-customer-managed-key", S + "set-up-cmk-with-an-arm-template", C + "common-terraform-and-bicep-errors-with-acr-encryption"],
facts=["object keyed by identity **resource IDs**"],
answer_facts=["client id of the identity", "always uses the principal id"],
truth="keyVaultProperties.identity needs the identity's client ID, uami.properties.clientId, not its principal ID and not its resource ID, so the template as written points encryption at the wrong value. The role assignment module is the other way round and is right: key access (Azure role assignments, access policies, Managed HSM local roles) always goes to the principal ID. userAssignedIdentities is keyed by resource ID, so '${uami.id}' is correct as well. Also give logisticsReg a dependsOn on the role assignment module so key access exists when the registry is created."),

dict(key="L18", style="long", kind="no", category="iac", quals=["iac"], flags=[],
question="""We have crwarehouse, a Premium registry managed in Terraform (azurerm 4.x) since 2023, without CMK. Compliance now requires CMK for it. I added a user-assigned identity and an encryption block, and the plan looks harmless:

```hcl
  ~ resource "azurerm_container_registry" "warehouse" {
        id   = "/subscriptions/.../registries/crwarehouse"
        name = "crwarehouse"
      + encryption {
          + identity_client_id = "5f0c2d9e-1b7a-4e3c-9d21-6a8b0c4e7f13"
          + key_vault_key_id   = "https://kv-warehouse.vault.azure.net/keys/wh-kek"
        }
        # (18 unchanged attributes hidden)
    }
```

No replacement, so the images stay where they are. Will terraform apply turn CMK on for this existing registry?""",
canonical=[C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep"],
related=[O + "moving-an-existing-registry-to-cmk", O + "cmk-can-only-be-enabled-when-the-registry-is-created", C + "terraform-azurerm_container_registry-encryption-block"],
facts=["deletes the old one and every image in it"],
answer_facts=["plans an in-place update", "expected to reject at apply"],
truth="No: ACR only accepts a customer-managed key when a registry is created, and azurerm doesn't treat the encryption block as forcing replacement, so the plan shows an in-place update that the service is expected to reject at apply (the exact error is undocumented). Don't reach for -replace on crwarehouse either, since that deletes the registry and every image in it. Declare a second registry with CMK under a new name, copy the images across with az acr import, move clients to the new login server, and retire crwarehouse afterwards."),

dict(key="L19", style="long", kind="yes", category="limits", quals=["hsm", "oct2026"], flags=[],
question="""Our main registry crglobal is geo-replicated to westeurope, eastus2 and southeastasia, and today its key sits in an ordinary vault. The security office wants every new CMK registry to keep its key in a Managed HSM from next year on, and crglobal2 will be built the same way (Premium, replicas in the same three regions). The geo-replication page only talks about Key Vault disaster recovery for CMK users, which makes me nervous. Is geo-replication supported at all when the registry's key sits in a Managed HSM, and if so, what do we have to plan on the HSM side that the ACR docs don't spell out?""",
canonical=[L + "geo-replication-with-a-managed-hsm-key"],
related=[L + "geo-replication-works-with-cmk", L + "managed-hsm-is-not-available-everywhere", M + "provision-and-activate-the-managed-hsm"],
facts=["the ACR docs say nothing more specific"],
answer_facts=["plan the hsm's own recovery", "was not updated for managed hsm"],
truth="Yes: geo-replication works with CMK, and since the October 2026 revision a Managed HSM is a supported key store; the geo-replication article just wasn't revised and still only points to Key Vault's disaster-recovery guidance. Plan the HSM's own recovery yourself: keep the security domain file and its key pairs safe, keep backups, and confirm Managed HSM is offered in the cloud and regions you need. The replicas all depend on the one configured key, so the HSM's availability matters for every region (an inference). Beyond that the ACR docs give nothing more specific."),

dict(key="L20", style="long", kind="yes", category="network", quals=[], flags=[],
question="""Situation: kv-shared-keys holds the key for registry crportal; it is set to deny by default, trusted services are let through, and only the office network is on the allow list. I'm working from home this week on a residential line and need to do two things on that vault: add an access policy for a second registry identity, and later adjust the network rules themselves. A colleague thinks both will be refused because my address isn't on the list. Will those management changes go through from my home connection? And if I then try to create a new key version from home, does the same apply?""",
canonical=[N + "the-vault-firewall-covers-the-data-plane-only"],
related=[N + "allow-your-own-clients-through-the-vault-firewall", T + "http-403-after-enabling-the-key-vault-firewall", N + "allow-trusted-services-and-deny-other-traffic"],
facts=["a locked vault's network settings can still be corrected from any network"],
answer_facts=["do not pass through that filter", "only works from an allowed network"],
truth="Yes: the vault firewall only filters calls to the vault's own data-plane endpoint, so changes made through Azure Resource Manager, such as access policies, role assignments and the network rules themselves, go through from any network, your home line included. Creating a key version is different: that is a data-plane call, so from home it is refused until your address is allowed (az keyvault network-rule add --ip-address <your IP>) or you work from an allowed network. crportal itself is unaffected either way, since it comes in through the trusted-services bypass."),

dict(key="L21", style="long", kind="value", category="rotation", quals=["hsm", "oct2026"], flags=[],
question="""Security wants the key of registry crsignals, which lives in Managed HSM mh-sig-01, rotated every 14 days by a rotation policy instead of by hand. The registry already points at the versionless URI. I tried

```
$ az keyvault key rotation-policy update -n signals-kek --value @policy14d.json --hsm-name mh-sig-01
```

with a P14D timeAfterCreate trigger in the file, and it was refused. In our vaults we rotate weekly without trouble. What's the minimum gap between rotations that a Managed HSM rotation policy allows? And after a rotation, which key version is the registry really using, and where do I see that?""",
canonical=[K + "create-a-new-version-in-a-managed-hsm"],
related=[M + "rotate-a-managed-hsm-key", K + "check-which-key-version-the-registry-uses", K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy"],
facts=["a key holds at most 100 versions"],
answer_facts=["more often than every 28 days", "covers every version of the key"],
truth="28 days: in a Managed HSM a rotation policy cannot rotate more often than every 28 days (the 7-day minimum is the Key Vault vault rule), so use P28D or longer; a policy also has to exist before on-demand rotation works, and a key can hold at most 100 versions. Because crsignals uses the versionless URI it moves to each new version within an hour, and the identity's local role at /keys/signals-kek already covers every version. az acr encryption show tells you which version is in use in keyVaultProperties.versionedKeyIdentifier, with lastKeyRotationTimestamp showing when the registry last switched."),

dict(key="L22", style="long", kind="why", category="troubleshooting", quals=["iac"], flags=[],
question="""Creating crlegal with az acr create keeps failing although, as far as I can tell, the identity has everything it needs:

```
$ az acr create -n crlegal -g rg-legal --sku Premium --identity id-legal-acr --key-encryption-key https://kv-legal-old.vault.azure.net/keys/legal-kek
(BadRequest) Failed to access KeyId 'https://kv-legal-old.vault.azure.net/keys/legal-kek'. Identity 3e9a41c7-... lacks permission on the key.
```

In the portal, the vault's Access control (IAM) blade clearly lists id-legal-acr with Key Vault Crypto Service Encryption User, assigned yesterday, so it can't be propagation. The vault is old, created around 2022 by another team. Why would that role simply be ignored?""",
canonical=[T + "role-assignment-has-no-effect-on-an-access-policy-vault"],
related=[A + "which-permission-model-does-my-key-vault-use", A + "two-supported-ways-to-grant-key-access", T + "registry-creation-cannot-access-the-key"],
facts=["RBAC data-plane roles such as Key Vault Crypto Service Encryption User have no effect on it"],
answer_facts=["azure role assignments grant no key access", "only its access policies count"],
truth="Because kv-legal-old almost certainly uses the access-policy permission model (enableRbacAuthorization false, the default for vaults made with CLI 2.61 or earlier), and on such a vault Azure role assignments give no key access at all; only access policies count. Check with az keyvault show -n kv-legal-old --query properties.enableRbacAuthorization -o tsv. If it says false, add a policy for the identity's principal ID, az keyvault set-policy -n kv-legal-old -g <rg> --object-id <id-legal-acr principal ID> --key-permissions get unwrapKey wrapKey, and run az acr create again. Switching the vault to RBAC would work too, but it is disruptive for every app that relies on its policies."),

dict(key="L23", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="""First registry on our Managed HSM, crvision. The HSM mh-vis-01 is active, the key vision-kek is an RSA-HSM key allowing wrap and unwrap, and id-vision-acr holds the local role at /keys/vision-kek (checked twice). I took the key URI from the HSM's overview page rather than the CLI:

```
$ az acr create -n crvision -g rg-vision --sku Premium --identity id-vision-acr --key-encryption-key https://mh-vis-01.managedhsm.azure.net/
```

The CLI takes it and sends it off, and then the service turns it down with an invalid key identifier message. Does the registry want a different URI for a Managed HSM key, and how do I get the right one without typing it by hand?""",
canonical=[T + "managed-hsm-uri-is-not-a-key-uri"],
related=[M + "managed-hsm-key-uris", O + "the-key-encryption-key-kek-and-its-identifier", M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli"],
facts=["neither is the bare HSM URI without `/keys/<key-name>`"],
answer_facts=["read the key id from the hsm", "only the https uri of a key"],
truth="What you passed is the Managed HSM's own URI; ACR only takes the HTTPS URI of a key, here https://mh-vis-01.managedhsm.azure.net/keys/vision-kek, optionally followed by /<version>. Bare HSM, secret and certificate URIs are refused, and the CLI doesn't check the path, which is why only the service complained. Read it from the HSM instead: KEY_ID=$(az keyvault key show --hsm-name mh-vis-01 --name vision-kek --query key.kid -o tsv), then pass ${KEY_ID%/*} to --key-encryption-key for the versionless form and automatic rotation, or $KEY_ID to pin that version. The host part comes from the HSM's hsmUri, and its DNS suffix differs outside the global Azure cloud."),

dict(key="L24", style="long", kind="howto", category="limits", quals=["iac"], flags=["two_facts"],
question="""We sign release images with Docker Content Trust today (docker trust sign in CI, DOCKER_CONTENT_TRUST=1 on the deploy hosts) against our current Standard registry. The replacement registry crsecure will be Premium with a customer-managed key. While prototyping, a Bicep deployment that sets the trust policy on crsecure failed with BlockedForEncryptionEnabledRegistry, and we'd rather not lose image signing in the move. What is the supported way to keep signing and verifying images on the encrypted registry, and is there a deadline we should know about for the old mechanism anyway?""",
canonical=[L + "docker-content-trust-is-not-supported", L + "docker-content-trust-is-being-retired-use-notation"],
related=[T + "content-trust-cannot-be-enabled", L + "notation-signatures-on-cmk-registries", L + "oci-referrers-api-is-not-supported"],
facts=["Notation works on CMK registries"],
answer_facts=["cannot be enabled on a registry", "dct is removed on 2028-03-31"],
truth="Content trust cannot be turned on for a CMK registry at all, so take the trust policy out of the crsecure template and move signing to the Notary Project's Notation CLI (for example with its Azure Key Vault plug-in), switching deploy-time verification from DOCKER_CONTENT_TRUST to Notation signature checks. On a CMK registry Notation 1.2.0 and later store signatures through the referrers tag schema, so expect extra digest-named tags. As for the deadline: Docker Content Trust is deprecated in ACR since 2025-03-31 and removed on 2028-03-31, so you would have to move anyway."),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="S1", typo="truested", style="short", kind="value", category="network", quals=[], flags=["what_happens"],
question="what happens to our cmk acr if the kv firewall skips truested services?",
canonical=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
related=[T + "http-403-after-enabling-the-key-vault-firewall", N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry", N + "azure-container-registry-in-key-vaults-trusted-services-list"],
facts=["Azure Container Registry is on Key Vault's list of trusted services"],
answer_facts=["the registry cannot reach the key"],
truth="The registry can no longer reach its key. ACR gets through a vault firewall only as a trusted Azure service, so without that exception the operations that need the key, documented as image import and automatic key rotation, fail with HTTP 403 (ForbiddenByFirewall). Turn it on with az keyvault update --bypass AzureServices, then re-apply the registry's current key and identity with az acr encryption rotate-key."),

dict(key="S2", style="short", kind="no", category="hsm", quals=["hsm", "oct2026"], flags=["docs_claim"],
question="coworker says acr cmk can't take a managed hsm key, is that still true?",
canonical=[M + "using-an-azure-key-vault-managed-hsm-key-for-registry-encryption"],
related=[M + "managed-hsm-is-a-supported-key-store-for-acr-cmk", O + "managed-hsm-keys", M + "requirements-for-a-managed-hsm-key-store"],
facts=["documented as the second supported key store next to Key Vault vaults"],
answer_facts=["in an azure key vault managed hsm", "about the registry side stays the same"],
truth="No: since the October 2026 revision of the ACR CMK tutorials, a key in Azure Key Vault Managed HSM is a documented, supported key store next to Key Vault vaults, and the CLI stores a managedhsm.azure.net key URI unchanged. The HSM has to be activated, the key must be RSA-HSM allowing wrapKey and unwrapKey, and the registry identity needs the local role Managed HSM Crypto Service Encryption User."),

dict(key="S3", style="short", kind="yes", category="limits", quals=[], flags=["docs_claim"],
question="forum post says cmk registries keep task logs only 24h, still the case?",
canonical=[L + "feature-compatibility-summary"],
related=[L + "acr-tasks-run-logs-are-kept-for-only-24-hours", L + "export-task-run-logs-before-they-expire", T + "task-run-logs-disappear-after-24-hours"],
facts=["retained for **24 hours** only"],
answer_facts=["kept for 24 hours only"],
truth="Yes: ACR Tasks run logs on a CMK registry are still kept for 24 hours only, and no setting extends that; copy each run's log out while it exists (az acr task logs --registry <registry> --run-id <id> into a file or storage)."),

dict(key="S4", style="short", kind="value", category="keys", quals=[], flags=[],
question="rsa 2048 or 4096 for the acr cmk key, what size does azure want",
canonical=[O + "which-key-types-and-sizes-are-supported"],
related=[O + "key-sizes-offered-by-key-vault", T + "elliptic-curve-key-rejected", S + "step-5-create-an-rsa-key-and-capture-its-key-id"],
facts=["2048, 3072 and 4096 bits"],
answer_facts=["the acr articles name no size", "the size your compliance policy asks for"],
truth="Any of them: the ACR articles name no size, so any RSA or RSA-HSM key Key Vault offers works (2048, 3072 or 4096 bits), and you pick the size your compliance policy asks for. Only elliptic-curve keys are ruled out. Pass --kty and --size explicitly to az keyvault key create, and if you restrict --ops, keep wrapKey and unwrapKey."),

dict(key="S5", style="short", kind="howto", category="setup", quals=[], flags=[],
question="bash one-liner to cut the version off a kid for acr auto-rotation",
canonical=[S + "step-6-choose-a-versioned-or-versionless-key-id"],
related=[K + "versioned-and-versionless-key-ids", K + "automatic-rotation-with-a-versionless-key-id", S + "step-5-create-an-rsa-key-and-capture-its-key-id"],
facts=["Automatic: the registry moves to each new key version within one hour"],
answer_facts=["remove the last path segment", "the acr overview recommends the versionless form"],
truth="Cut off the last path segment with parameter expansion: KEY_ID_VERSIONLESS=\"${KEY_ID%/*}\" turns https://<vault>.vault.azure.net/keys/<key>/<version> into .../keys/<key>. Pass that to --key-encryption-key on az acr create (or rotate-key) and the registry follows each new key version within an hour; the full kid would pin it to one version instead. The tutorial does the same with sed."),

dict(key="S6", style="short", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="which managed hsm role gives our key admins permission to create the acr key?",
canonical=[M + "requirements-for-a-managed-hsm-key-store"],
related=[A + "your-own-permissions-to-create-keys-in-an-rbac-vault", M + "local-rbac-roles-for-acr-encryption", T + "operator-cannot-create-the-key-in-an-rbac-vault"],
facts=["whoever assigns the registry identity its role needs Managed HSM Administrator, Crypto Officer or Policy Administrator"],
answer_facts=["holds a key-creating local role", "for example managed hsm crypto user"],
truth="Give them a key-creating local role such as Managed HSM Crypto User, assigned inside the HSM: az keyvault role assignment create --hsm-name <hsm> --role \"Managed HSM Crypto User\" --assignee-object-id <their object ID> --assignee-principal-type User --scope /keys, made by someone holding Managed HSM Administrator, Crypto Officer or Policy Administrator. Managed HSM Crypto Service Encryption User is for the registry identity only; it can read, wrap and unwrap but cannot create keys."),

dict(key="S7", typo="recoverd", style="short", kind="howto", category="recovery", quals=[], flags=[],
question="kv with our acr key got deleted, can it be recoverd and how",
canonical=[V + "recover-a-deleted-key-vault"],
related=[V + "re-create-rbac-role-assignments-after-recovering-a-vault", T + "key-vault-or-key-was-deleted", V + "how-purge-protection-protects-the-registry"],
facts=["Access policies are part of the vault and come back with it"],
answer_facts=["together with its keys", "the vault name stays reserved"],
truth="While it is still soft-deleted, yes: find it with az keyvault list-deleted --resource-type vault and bring it back, keys included, with az keyvault recover --name <vault> (the name stays reserved meanwhile, so don't create a new one). On an RBAC vault, re-create the registry identity's Key Vault Crypto Service Encryption User assignment afterwards, because role assignments don't survive the deletion (access policies do). Then retry a pull."),

dict(key="S8", style="short", kind="troubleshoot", category="keys", quals=[], flags=[],
question="set-policy fails on our new kv, says rbac authorization is enabled. fix?",
canonical=[A + "which-permission-model-does-my-key-vault-use"],
related=[T + "set-policy-fails-on-an-rbac-key-vault", A + "grant-access-with-an-azure-rbac-role", A + "azure-cli-262-and-later-create-rbac-vaults-by-default"],
facts=["Access policies on it are ignored"],
answer_facts=["the vault uses azure rbac", "use the role assignment"],
truth="The vault uses the Azure RBAC permission model (enableRbacAuthorization true, which az keyvault create picks by default since CLI 2.62), so access policies don't apply and the CLI won't edit them. Grant the registry identity the role instead: az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <vault resource ID>. az keyvault show --query properties.enableRbacAuthorization shows which model a vault uses."),

dict(key="S9", style="short", kind="troubleshoot", category="identity", quals=[], flags=[],
question="az acr create --identity '[system]' won't work for cmk, is that expected?",
canonical=[T + "system-assigned-identity-rejected-at-registry-creation"],
related=[I + "a-user-assigned-identity-is-required-when-the-registry-is-created", I + "quote-system-in-shell-commands", S + "rules-that-az-acr-create-enforces-for-cmk"],
facts=["`az acr create` does **not** accept `--identity '[system]'`"],
answer_facts=["system-assigned identity does not exist yet", "can be used only later, through rotate-key"],
truth="Expected: at creation --identity must be a user-assigned identity (its resource ID, or its name in the registry's resource group), because the registry's own system-assigned identity doesn't exist yet and so can't have been given key access. Use a user-assigned identity for the create, then turn the system identity on (az acr identity assign --identities '[system]', quoted), grant its principal ID access to the key, and switch with az acr encryption rotate-key --identity '[system]'."),

dict(key="S10", typo="pricipal", style="short", kind="why", category="identity", quals=[], flags=[],
question="why does acr encryption show list a client id, not the pricipal id?",
canonical=[I + "which-identity-value-goes-where"],
related=[I + "how-rotate-key-interprets-the---identity-value", S + "step-8-verify-the-encryption-status", I + "create-the-user-assigned-identity-and-capture-its-ids"],
facts=["Each place expects a specific one"],
answer_facts=["encryption settings always store the client id"],
truth="Because that is what the registry's encryption settings hold: az acr create and rotate-key resolve whichever identity you pass to its client ID (or the literal system for the system-assigned identity), and an ARM template's keyVaultProperties.identity takes the client ID too. The principal (object) ID is used only on the key side, for access policies, Azure role assignments and Managed HSM local role assignments."),

dict(key="S11", style="short", kind="undocumented", category="keys", quals=[], flags=[],
question="does the cmk wrap acr's own data keys or encrypt layers directly",
canonical=[O + "what-customer-managed-key-encryption-adds-to-a-registry"],
related=[O + "default-encryption-at-rest-without-a-cmk", O + "why-teams-use-a-customer-managed-key", O + "identity-and-key-access-requirements"],
facts=["adds a **second layer** on top of it"],
answer_facts=["does not describe the internal key hierarchy", "treat that as an inference"],
truth="Not documented: the ACR docs don't describe the internal key hierarchy. The registry identity is only allowed get, wrapKey and unwrapKey on the key, which suggests the key wraps the registry's own encryption keys rather than encrypting layers, but that is an inference. What is documented is that the CMK adds a second layer on top of Microsoft-managed encryption at rest rather than replacing it."),

dict(key="S12", style="short", kind="undocumented", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="managed hsm key uri in azure china - which dns suffix exactly?",
canonical=[L + "managed-hsm-is-not-available-everywhere"],
related=[M + "managed-hsm-key-uris", M + "limits-and-open-points-with-managed-hsm", T + "managed-hsm-uri-is-not-a-key-uri"],
facts=["take the host from the HSM's `hsmUri` rather than typing it"],
answer_facts=["use a different dns suffix", "confirm it exists in the cloud"],
truth="Not documented: the ACR docs only say that Managed HSM key URIs use a different DNS suffix outside the global Azure cloud (managedhsm.azure.net there) and that Managed HSM is not offered in every cloud and region; they don't name the suffix for Azure China. Check that Managed HSM exists there first, then take the host from the HSM itself (az keyvault show --hsm-name <hsm> --query properties.hsmUri) or read the kid with az keyvault key show --hsm-name."),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="A1", style="agent", kind="value", form="context", category="recovery", quals=[], flags=["what_happens"],
question="Context: key acr-kek in vault kv-media-eu was deleted yesterday; the vault keeps deleted items 90 days and has no purge protection, and registry crmedia encrypts with that key. Question: what happens to crmedia's images if nobody recovers the key before that window closes?",
canonical=[V + "revoke-by-deleting-the-key"],
related=[V + "recover-a-deleted-key", V + "how-purge-protection-protects-the-registry", T + "key-vault-or-key-was-deleted"],
facts=["it cannot delete just one key version"],
answer_facts=["the registry's content is lost for good", "every key version at once"],
truth="They are lost for good. Deleting the key already cut crmedia off from every version of it, and once the deleted key is purged or its retention period runs out, the registry's content cannot come back. Until then az keyvault key recover --vault-name kv-media-eu --name acr-kek brings the key back and registry operations resume. Without purge protection someone with purge rights could also destroy it before the 90 days end, so recover it now and turn purge protection on."),

dict(key="A2", style="agent", kind="howto", form="keywords", category="hsm", quals=["hsm", "oct2026"], flags=["what_happens"],
question="managed hsm mh-ret-01 holding our registry key deleted by mistake this morning, what happens to pulls and to the bill while it sits soft-deleted, and how to get it back",
canonical=[M + "recover-a-deleted-managed-hsm-key-or-hsm"],
related=[V + "recover-a-deleted-managed-hsm", L + "pricing-considerations", T + "key-vault-or-key-was-deleted"],
facts=["makes the registry's content inaccessible"],
answer_facts=["keeps being billed until it is recovered", "needs the azure role managed hsm contributor"],
truth="Pulls and every other operation fail, because deleting the Managed HSM leaves the registry's content inaccessible, and the soft-deleted HSM keeps costing money until it is recovered or purged. Recover it within its retention period: find it with az keyvault list-deleted --resource-type hsm, then run az keyvault recover --hsm-name mh-ret-01 --location <location> as someone with the Azure role Managed HSM Contributor. Never purge it while a registry needs its key, since purging removes every key for good, and turn on purge protection afterwards (az keyvault update-hsm --enable-purge-protection true)."),

dict(key="A3", style="agent", kind="troubleshoot", form="keywords", category="troubleshooting", quals=[], flags=["outage"],
question="prod down since 06:00, every pull and push on crledger gets 403, message claims the identity of the registry went inactive and should be reassigned, someone tried removing id-ledger-acr back in august",
canonical=[T + "registry-identity-is-inactive-or-expired"],
related=[I + "the-encryption-identity-cannot-simply-be-removed", T + "removing-the-encryption-identity-fails", T + "check-health-reports-cmk_error"],
facts=["stopped that identity from being renewed automatically"],
answer_facts=["encryption identity to the registry again", "usually after about three months"],
truth="The removal attempt in August stopped id-ledger-acr from being renewed; pulls and pushes kept working until its credentials ran out, usually about three months later, and now fail with 403. Re-assign it: az acr identity assign --name crledger --identities <id-ledger-acr resource ID>, check az acr identity show, then retry a pull. If you really want another identity, rotate encryption to it first and only then remove id-ledger-acr."),

dict(key="A4", style="agent", kind="troubleshoot", form="context", category="keys", quals=[], flags=["outage"],
question="Context: incident right now, all pulls from crdocs fail with 403 since 08:40, when a platform change flipped vault kv-docs-keys from access policies to RBAC; the registry identity only ever had an access policy. Task: say how to restore service fastest.",
canonical=[A + "changing-an-existing-vaults-permission-model"],
related=[T + "registry-access-lost-after-key-permissions-were-revoked", A + "grant-access-with-an-azure-rbac-role", A + "which-permission-model-does-my-key-vault-use"],
facts=["The ACR docs do not discuss switching models"],
answer_facts=["old access policies stop counting", "first grant access under the new model"],
truth="Flipping the model made the identity's access policy stop counting, which revokes the key for crdocs. The fastest fix that keeps the platform change is to give the encryption identity's principal ID the role on the vault: az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <kv-docs-keys ID>; once it propagates the registry reconnects to the key by itself. Reverting with az keyvault update --enable-rbac-authorization false should put the old policy back in force as well, but may break whatever the change was for. Next time grant under the new model before switching."),

dict(key="A5", style="agent", kind="no", form="context", category="iac", quals=["iac", "oct2026"], flags=["docs_claim"],
question="Context: our internal wiki copied the ACR enable tutorial's ARM template years ago; it takes vault_name, adds an accessPolicies resource and gets deployed with key_id=. Question: is that still what the tutorial's template looks like?",
canonical=[S + "the-enable-tutorials-own-template"],
related=[S + "set-up-cmk-with-an-arm-template", S + "deploy-the-template", C + "arm-template-json-propertiesencryption-and-keyvaultproperties"],
facts=["deploy it into the identity's own resource group"],
answer_facts=["it grants no key access itself", "now passes kek_id"],
truth="No: since its October 2026 revision the tutorial's template grants no key access itself. There is no vault_name parameter and no accessPolicies resource, so you create the identity and give it access (access policy or Key Vault Crypto Service Encryption User on a vault, the local role on a Managed HSM) before deploying. It still declares the identity, spells the property keyIdentifier, reads the client ID with reference() at apiVersion 2018-11-30, and its example passes registry_name, identity_name and kek_id; the old key_id= was a mistake."),

dict(key="A6", style="agent", kind="howto", form="imperative", category="rotation", quals=[], flags=["pipeline"],
question="Write the Azure DevOps pipeline step that each quarter moves registry crbank, pinned to a versioned key in kv-bank-01, onto a fresh key version, running under service connection sc-bank-keys.",
canonical=[K + "move-to-a-new-version-of-the-same-key"],
related=[K + "rotate-immediately-with-az-keyvault-key-rotate", K + "switch-from-manual-to-automatic-rotation", A + "your-own-permissions-to-create-keys-in-an-rbac-vault"],
facts=["On an RBAC vault the caller needs Key Vault Crypto Officer"],
answer_facts=["create the new version, capture its kid"],
truth="In an AzureCLI@2 task on sc-bank-keys run: az keyvault key rotate --name <key> --vault-name kv-bank-01, then NEW_KID=$(az keyvault key show --name <key> --vault-name kv-bank-01 --query key.kid -o tsv), then az acr encryption rotate-key --name crbank --key-encryption-key \"$NEW_KID\" --identity <encryption identity client ID>. Because crbank is pinned, that last call is what moves it. The service connection's principal needs Key Vault Crypto Officer on kv-bank-01 (or the rotate permission on an access-policy vault) to make the version. Passing the versionless ID once instead would let the registry follow new versions within an hour and drop the rotate-key call."),

dict(key="A7", style="agent", kind="troubleshoot", form="imperative", category="iac", quals=["iac"], flags=["pipeline"],
question="Check why our Jenkins job's terraform apply creates the identity and the vault role assignment fine but fails on azurerm_container_registry with Failed to access KeyId, then succeeds when the job is re-run.",
canonical=[C + "why-the-registry-needs-depends_on-on-the-role-assignment"],
related=[C + "complete-terraform-example-with-key-vault-role-assignment-and-registry", C + "common-terraform-and-bicep-errors-with-acr-encryption", T + "registry-creation-cannot-access-the-key"],
facts=["The registry must be able to use the key at the moment it is created"],
answer_facts=["terraform may create both in parallel", "can also take a few minutes"],
truth="The registry references the identity and the key but not the Key Vault Crypto Service Encryption User assignment, so Terraform can create the registry in parallel with the grant, before it exists or has taken effect; on the re-run the assignment is already in place. Add depends_on = [azurerm_role_assignment.<name>] to the azurerm_container_registry resource, and if the first apply still races propagation, re-run or put a time_sleep between grant and registry (any duration is a guess, not a documented value)."),

dict(key="A8", style="agent", kind="howto", form="imperative", category="setup", quals=["hsm", "iac", "oct2026"], flags=[],
question="List the portal steps for creating registry crnotary with its key in Managed HSM mh-sec-03, including who grants the registry identity its access on the key, and at what point.",
canonical=[M + "set-up-a-registry-with-a-managed-hsm-key-in-the-azure-portal"],
related=[M + "key-picker-blocked-by-the-hsm-firewall", S + "set-up-cmk-in-the-azure-portal", M + "requirements-for-a-managed-hsm-key-store"],
facts=["Neither the portal nor ACR creates the role assignment of step 4"],
answer_facts=["under settings > local rbac", "without it the registry cannot be created"],
truth="In the HSM, which must be provisioned and activated: make sure the key creator holds a key-creating local role such as Managed HSM Crypto User, create or import an RSA-HSM key allowing wrapKey and unwrapKey under Settings > Keys, then under Settings > Local RBAC assign Managed HSM Crypto Service Encryption User to the registry's user-assigned identity at that key's scope. You do that yourself, before the registry exists; neither the portal nor ACR does it. Configure the HSM firewall (trusted services) if it is on. Then create crnotary on Premium and, on the Encryption tab, pick the identity and either Select from Key Vault (which lists Managed HSMs and stores the key versionless) or Enter key URI."),

dict(key="A9", style="agent", kind="yes", form="context", category="network", quals=["hsm", "oct2026"], flags=[],
question="Context: Managed HSM mh-core-07 has its firewall on with default deny and no exceptions, and registry crcore7 does not exist yet. Question: must we give ACR a way through the Managed HSM firewall, such as trusted services, before az acr create runs?",
canonical=[M + "managed-hsm-firewall-and-trusted-services"],
related=[N + "managed-hsm-firewall-and-trusted-services", M + "requirements-for-a-managed-hsm-key-store", T + "http-403-after-enabling-the-key-vault-firewall"],
facts=["the bypass only opens the network"],
answer_facts=["at the moment it is created", "trusted azure services and deny the rest"],
truth="Yes: the registry needs the key at the moment it is created, so open the path before az acr create, for example az keyvault update-hsm --hsm-name mh-core-07 --resource-group <rg> --bypass AzureServices --default-action Deny, and check it with az keyvault show --hsm-name mh-core-07 --query properties.networkAcls. The bypass opens only the network: the identity still needs Managed HSM Crypto Service Encryption User on the key, and your own clients (the portal key picker, pipelines adding key versions) need an allowed address via az keyvault network-rule add --hsm-name."),

dict(key="A10", style="agent", kind="why", form="imperative", category="rotation", quals=[], flags=[],
question="Explain why versionedKeyIdentifier on registry crtrade still shows last quarter's key version two hours after our Key Vault rotation policy created a new one.",
canonical=[K + "check-which-key-version-the-registry-uses"],
related=[T + "registry-keeps-using-an-old-key-version", K + "switch-from-manual-to-automatic-rotation", K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy"],
facts=["A rotation policy or `az keyvault key rotate` only creates versions"],
answer_facts=["configured with a versioned id", "check the key store's firewall"],
truth="Most likely crtrade was configured with a versioned key ID: then keyRotationEnabled is false and the registry stays on that version until someone runs az acr encryption rotate-key, whatever the policy produces, because a rotation policy only makes versions. Check az acr encryption show (keyIdentifier, versionedKeyIdentifier, keyRotationEnabled). If it is false, rotate once to the versionless ID so the registry follows new versions within an hour; if it is already true, look at the vault firewall (trusted services) and the identity's access, and check that the new version is enabled."),

dict(key="A11", style="agent", kind="undocumented", form="keywords", category="recovery", quals=[], flags=[],
question="setting the cmk key to enabled false instead of deleting it to pause a registry for a week, documented effect on acr and how to undo",
canonical=[V + "disabling-the-key-instead-a-key-vault-option-not-in-the-acr-docs"],
related=[T + "key-is-disabled-or-expired", V + "what-revocation-does-to-the-registry", V + "restore-access-after-a-revocation"],
facts=["expect it to block the registry the same way"],
answer_facts=["re-enable with --enabled true", "effect on a registry is not documented"],
truth="Not documented: the ACR articles list only removing access and deleting the key as ways to revoke, and disabling the key with az keyvault key set-attributes --enabled false is a Key Vault control whose exact effect on a registry they don't describe. Expect it to block the registry like a revocation, since Key Vault refuses cryptographic operations on a disabled key, and test it before relying on it. Undo it with --enabled true on the same key (or on the version in use)."),

dict(key="A12", style="agent", kind="howto", form="context", category="network", quals=[], flags=[],
question="Context: creating registry crgeo2 against vault kv-geo2, which denies public traffic with trusted services allowed, keeps failing with Failed to access KeyId, and the vault logs call the caller not a trusted service. Task: give a workaround.",
canonical=[N + "reports-of-first-time-creation-failing-against-a-firewalled-vault-not-official"],
related=[T + "registry-creation-cannot-access-the-key", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", N + "allow-trusted-services-and-deny-other-traffic"],
facts=["the Key Vault logs showed the caller was not treated as a trusted service"],
answer_facts=["a key in a temporary, open vault", "these reports may be out of date"],
truth="First rule out the documented causes: the identity's role or access policy on kv-geo2 (and its propagation delay), and bypass AzureServices in az keyvault show --query properties.networkAcls. If both are right, older GitHub issues (not the docs, and possibly outdated) describe exactly this, with a workaround: create crgeo2 with a key in a temporary vault that has no network restrictions, then use az acr encryption rotate-key, often with the system-assigned identity ('[system]' once it has access), to move to the key in kv-geo2. If that fails too, open a support case."),
]

# ---------------- off-topic ----------------
OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind=OFF, category=OFF, subject="sigstore", near_miss=True,
question="""We push images to our private registry and sign them keyless with Sigstore: the CI job gets a short-lived certificate from the public Fulcio instance, and every signature also lands in the public Rekor log. Legal no longer wants our image digests sitting in a public transparency log, so the plan is to run our own Fulcio and Rekor, with the Fulcio CA key held in an HSM. How do we stand up a private Sigstore stack, and do the verifiers on our hosts need a new trust root for it?""",
truth="Not covered: running a private Sigstore stack (Fulcio, Rekor and its trust root) is outside the knowledge, which covers encrypting Azure Container Registry with a customer-managed key."),

dict(key="X2", style="long", kind=OFF, category=OFF, subject="barbican", near_miss=True,
question="""Our on-prem OpenStack cloud runs a private image registry whose storage backend encrypts blobs at rest, and the encryption key for that is held in Barbican with a PKCS#11 backend behind it. The security team now wants that key rotated once a year, with the old material kept around so existing blobs can still be decrypted. How do we rotate a Barbican secret that the registry's storage driver references without making the existing blobs unreadable?""",
truth="Not covered: rotating secrets in OpenStack Barbican for a self-hosted registry's storage driver is not part of the knowledge, which is about Azure Container Registry customer-managed keys."),

dict(key="X3", style="long", kind=OFF, category=OFF, subject="veeam", near_miss=True,
question="""A Windows VM runs the pull-through registry mirror for our branch offices, and Veeam backs it up every night with backup encryption turned on. The encryption password was set years ago by someone who has since left, and the auditors now want that key changed while the old one stays usable for restores. How do I change the encryption password on the Veeam job and still be able to restore last month's restore points?""",
truth="Not covered: Veeam backup job encryption and its passwords are a backup-product topic outside the knowledge."),

dict(key="X4", style="long", kind=OFF, category=OFF, subject="teamcity", near_miss=True,
question="""Our TeamCity server builds and pushes images to the company registry. Its registry credentials are stored as secure parameters, which TeamCity scrambles with a server-side encryption key. After moving the server to new hardware we want a fresh key for those values rather than the one that came across in the backup. How do we rotate TeamCity's encryption key for secure parameters without re-entering every password in every project?""",
truth="Not covered: TeamCity's server-side encryption key for secure parameters is a CI-server topic the knowledge does not cover."),

dict(key="X5", style="long", kind=OFF, category=OFF, subject="jamf",
question="""Our developers' Macs are managed with Jamf Pro. Each developer signs the images they push to the team registry with a personal key, and we want to hand that key out as a configuration profile containing a PKCS#12 bundle so it lands in the login keychain without anyone emailing files around. How do we build and scope that profile in Jamf so the private key can't be exported from the keychain afterwards?""",
truth="Not covered: distributing certificates and private keys to Macs with Jamf Pro configuration profiles is outside the knowledge."),

dict(key="X6", style="long", kind=OFF, category=OFF, subject="pagerduty",
question="""We forward our registry's health alerts to PagerDuty through an Events API v2 integration, and last week the integration key was pasted into a public wiki page by accident. The page is gone, but we have to assume the key leaked. How do we rotate the PagerDuty integration key and update the alert rules that send to it without missing pages for the on-call rotation in between?""",
truth="Not covered: PagerDuty integration keys and alert routing are outside the knowledge, which covers ACR customer-managed key encryption only."),

dict(key="X7", style="agent", kind=OFF, category=OFF, form="context", subject="splunk",
question="Context: the container hosts that pull from our encrypted registry forward their logs to Splunk with the universal forwarder. Task: explain how to rotate the forwarder's SSL certificate and its private key password across about 300 hosts.",
truth="Not covered: Splunk universal forwarder certificates and key passwords are a logging-platform topic outside the knowledge."),

dict(key="X8", style="agent", kind=OFF, category=OFF, form="imperative", subject="puppet",
question="Write a Puppet manifest that installs our registry's internal CA certificate into the system trust store on every Linux build agent and restarts the container runtime afterwards.",
truth="Not covered: Puppet manifests for distributing CA certificates are configuration-management work the knowledge does not cover."),

dict(key="X9", style="agent", kind=OFF, category=OFF, form="keywords", subject="nextcloud",
question="nextcloud server-side encryption master key for the share where we keep registry export archives, how to rotate it and re-encrypt the existing files",
truth="Not covered: Nextcloud server-side encryption and its master key are not part of the knowledge."),

dict(key="X10", style="short", kind=OFF, category=OFF, subject="keytool",
question="keytool: change the password of a jks keystore without losing entries?",
truth="Not covered: Java keystores and keytool password changes are outside the knowledge."),

dict(key="X11", style="short", kind=OFF, category=OFF, subject="borg",
question="borg repo key lost, can the backup still be restored with just the passphrase?",
truth="Not covered: Borg backup repository keys and passphrases are a backup-tool topic outside the knowledge."),

dict(key="X12", style="short", kind=OFF, category=OFF, subject="auth0",
question="auth0 tenant signing key rotation, how do clients pick up the new one?",
truth="Not covered: Auth0 signing key rotation is an identity-provider topic the knowledge does not cover."),
]
# ---- end of questions ----

QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"truested": "trusted", "recoverd": "recovered", "pricipal": "principal"}
SHAPES = ["two_facts", "step_list", "what_happens", "outage", "docs_claim", "pipeline"]

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
    rng = random.Random(43)
    while True:
        rng.shuffle(items)
        cats = [q["category"] for q in items]
        if not any(cats[i] == cats[i + 1] == cats[i + 2] for i in range(len(cats) - 2)):
            break
    entries, meta = [], {}
    for n, q in enumerate(items, 1):
        qid = "m%03d" % n
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
    with open(os.path.join(HERE, "blind43.json"), "w", encoding="utf-8") as fh:
        json.dump(entries, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    with open(os.path.join(HERE, "blind43-meta.json"), "w", encoding="utf-8") as fh:
        json.dump(meta, fh, indent=1, ensure_ascii=False, sort_keys=True)
        fh.write("\n")
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    with open(os.path.join(HERE, "blind43-first-canonicals.txt"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(firsts) + "\n")


if __name__ == "__main__":
    main()
