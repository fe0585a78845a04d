"""blind58 builder: holds the 60 questions (QUESTIONS) and writes blind58.json, blind58-meta.json and
blind58-first-canonicals.txt. render() returns the three files' exact text (check58.py compares it byte for byte)."""
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
# ---- nslookup_output ----
dict(key="L1", style="long", kind="howto", category="network", quals=[], flags=["nslookup_output"],
question="""Our release pipeline creates a new version of heron-kek every quarter, and crheron, which has the versionless key URI, picks each one up by itself. Since the security team locked down kv-heron (default action Deny, trusted services allowed, plus a private endpoint in the hub network), the key step on our Microsoft-hosted agent ends in a 403, while pulls from crheron keep working. This is how the agent sees the vault:

```text
$ nslookup kv-heron.vault.azure.net
Server:\t\t127.0.0.53
Address:\t127.0.0.53#53

Non-authoritative answer:
kv-heron.vault.azure.net\tcanonical name = kv-heron.privatelink.vaultcore.azure.net.
kv-heron.privatelink.vaultcore.azure.net\tcanonical name = data-prod-weu.vaultcore.azure.net.
Name:\tdata-prod-weu.vaultcore.azure.net
Address: 20.61.103.228
```

Switching the firewall off again is not an option for the security team. Why does the registry still get to its key when our agent can't, and how should the pipeline's key step be set up so it works again?""",
canonical=[N + "allow-your-own-clients-through-the-vault-firewall"],
related=[N + "the-vault-firewall-covers-the-data-plane-only", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", N + "allow-trusted-services-and-deny-other-traffic"],
facts=["The registry itself gets through via the trusted-services bypass, not via an IP rule."],
answer_facts=["build agents that keep managing keys", "these rules are for your clients"],
truth="They come in through different doors. crheron reaches kv-heron as a trusted Azure service, and the bypass lets it through whatever its address. Your agent is an ordinary client: the lookup shows it resolving the vault to the public address 20.61.103.228, so its request arrives from outside the private endpoint and the default action turns it away. Creating a key version is a data-plane call, so the agent needs an allowed path of its own. Either run the step on a self-hosted agent in a network that reaches the private endpoint and resolves kv-heron.privatelink.vaultcore.azure.net to its private address, or let the agent's outbound range in with az keyvault network-rule add --name kv-heron --ip-address <range>. Hosted agents change their addresses, so the self-hosted agent is the sturdier choice. Leave the trusted-services bypass alone: it is what keeps crheron working, and the registry itself needs no IP rule."),

dict(key="L2", style="long", kind="howto", category="hsm", quals=["hsm", "iac", "oct2026"], flags=["nslookup_output"],
question="""I'm creating crlapwing in the portal, with its key in lapwinghsm, our Managed HSM. Its firewall lets trusted services through, and the app network reaches the HSM through a private endpoint. On the Encryption tab I chose Select from Key Vault; lapwinghsm shows up there, but its key list stays empty. From my laptop on the corporate network:

```text
C:\\> nslookup lapwinghsm.managedhsm.azure.net
Server:  dns01.corp.example
Address:  10.10.0.53

Non-authoritative answer:
Name:    mhsm-weu-2.westeurope.cloudapp.azure.com
Address:  51.144.32.17
Aliases:  lapwinghsm.managedhsm.azure.net
          lapwinghsm.privatelink.managedhsm.azure.net
```

The identity for crlapwing already holds its local role on the key. How do I get the Managed HSM key into the portal form anyway, and does the registry also need its own way through the HSM firewall?""",
canonical=[T + "portal-key-picker-cannot-list-keys-behind-the-managed-hsm-firewall"],
related=[M + "key-picker-blocked-by-the-hsm-firewall", N + "the-portal-key-picker-and-a-key-store-firewall", M + "managed-hsm-firewall-and-trusted-services"],
facts=["Keep the trusted-services bypass on, so the registry itself can still reach the key."],
answer_facts=["instead of the picker", "does not cover a browser outside the"],
truth="Paste the key instead of picking it. The picker loads the key list in your browser, straight from the Managed HSM's data plane; your laptop resolves the HSM to its public address 51.144.32.17, which the HSM firewall refuses, so the list stays empty. Choose Enter key URI and give the key's URI, which someone on an allowed network can print with az keyvault key show --hsm-name lapwinghsm --name <key> --query key.kid; drop the version at the end if crlapwing should follow new versions on its own. Allowing your client IP on the HSM firewall for a while is the other way. The registry needs nothing extra: it reaches the key through the trusted-services bypass, so keep that enabled."),

dict(key="L3", style="long", kind="undocumented", category="network", quals=[], flags=["nslookup_output"],
question="""We're adding a private endpoint to crosprey, which already has a customer-managed key in kv-osprey, and then turning off public network access on the registry itself. In the test environment the endpoint works; from a node in the app network:

```text
$ nslookup crosprey.azurecr.io
Server:\t\t10.40.0.10
Address:\t10.40.0.10#53

Non-authoritative answer:
crosprey.azurecr.io\tcanonical name = crosprey.privatelink.azurecr.io.
Name:\tcrosprey.privatelink.azurecr.io
Address: 10.40.2.7
```

kv-osprey stays as it is, with its firewall and the trusted-services exception. Before approving the production change, the change board wants a Microsoft page saying that a CMK registry which has its own private endpoint, with public access disabled, is a supported combination. Which page should we cite?""",
canonical=[L + "feature-compatibility-summary"],
related=[N + "registry-private-endpoints-and-cmk-are-not-covered-by-the-docs", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", L + "zone-redundancy-with-cmk-is-not-documented"],
facts=["The key store side rules above (trusted services, identity access) apply regardless of how clients reach the registry."],
answer_facts=["registry's own private endpoints", "needs the trusted-services bypass"],
truth="Not documented: none of the ACR customer-managed key articles say whether a key-encrypted registry behind its own private endpoint, public access switched off, is supported, and none calls it unsupported either, so nothing can be quoted. The lookup only shows that clients reach crosprey through crosprey.privatelink.azurecr.io. What the docs do cover is the key store side: kv-osprey must keep letting trusted services through and the identity keeps its access, however clients reach the registry. Test a production-like setup, and if the board insists on something in writing, get it from Microsoft support."),

dict(key="L4", style="long", kind="troubleshoot", category="network", quals=["oct2026"], flags=["nslookup_output"],
question="""Every night our mirror job runs az acr import to copy vendor images into crplover. Yesterday the network team gave kv-plover, the vault that holds crplover's key, a private endpoint in our spoke network and set its firewall to deny everything else. From the build VM in that spoke:

```text
$ nslookup kv-plover.vault.azure.net
Server:\t\t168.63.129.16
Address:\t168.63.129.16#53

Non-authoritative answer:
kv-plover.vault.azure.net\tcanonical name = kv-plover.privatelink.vaultcore.azure.net.
Name:\tkv-plover.privatelink.vaultcore.azure.net
Address: 10.60.4.5
```

az keyvault key show for plover-kek works fine from there too, so the network path looks right. Still, every import into crplover since the change has ended in a 403, and the vault's networkAcls show bypass None. What is blocking the imports, and how do we get crplover healthy again?""",
canonical=[N + "azure-container-registry-in-key-vaults-trusted-services-list"],
related=[N + "http-403-after-enabling-the-vault-firewall-on-an-existing-cmk-registry", N + "allow-trusted-services-and-deny-other-traffic", T + "http-403-after-enabling-the-key-vault-firewall"],
facts=["If the 403 persists, open an Azure support case."],
answer_facts=["allow trusted microsoft services", "services that can pass the firewall"],
truth="The vault no longer lets crplover in. Your build VM uses the private endpoint (10.60.4.5), but the registry never travels through your network: Key Vault counts ACR among the services it trusts, and the registry gets to the key through that exception, which bypass None turns off. Switch it back on and leave everything else closed: az keyvault update -n kv-plover -g <resource group> --bypass AzureServices --default-action Deny. Afterwards re-apply crplover's encryption settings unchanged, running az acr encryption rotate-key with the keyIdentifier and identity that az acr encryption show reports ('[system]' if the identity is system), and retry an import. Should the 403 remain, raise a support case. The same order of steps applies to a Managed HSM behind its firewall."),

dict(key="L5", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["nslookup_output"],
question="""Our registry template builds the key URI as https://${hsmName}.managedhsm.azure.net/keys/${keyName}. That has worked for every registry in the public cloud, but the first deployment of crbittern, which lives in one of the national clouds with its key in bitternhsm, fails. From the deployment runner:

```text
$ nslookup bitternhsm.managedhsm.azure.net
Server:\t\t10.1.0.10
Address:\t10.1.0.10#53

** server can't find bitternhsm.managedhsm.azure.net: NXDOMAIN

$ nslookup bitternhsm.managedhsm.usgovcloudapi.net
Server:\t\t10.1.0.10
Address:\t10.1.0.10#53

Non-authoritative answer:
Name:\tbitternhsm.managedhsm.usgovcloudapi.net
Address: 52.227.140.9
```

How should the template work out the host of a Managed HSM key URI so that it is right in every cloud, and is a URI we assemble ourselves accepted at all?""",
canonical=[M + "managed-hsm-key-uris"],
related=[T + "managed-hsm-uri-is-not-a-key-uri", L + "managed-hsm-is-not-available-everywhere", O + "the-key-encryption-key-kek-and-its-identifier"],
facts=["The URI must use HTTPS and must point at a key."],
answer_facts=["differs in other clouds", "take the host from the hsm's hsmuri"],
truth="Read the host from the HSM instead of hard-coding the suffix. The DNS suffix of a Managed HSM differs between Azure clouds, and the lookup shows that bitternhsm answers as bitternhsm.managedhsm.usgovcloudapi.net, not under managedhsm.azure.net. Take the host from the HSM's hsmUri (az keyvault show --hsm-name bitternhsm --query properties.hsmUri), or better, take the whole key ID from az keyvault key show --hsm-name bitternhsm --name <key> --query key.kid and cut the last segment for automatic rotation. A URI you build yourself is accepted as long as it is the HTTPS URI of a key on the right host; nothing before the service checks the host, so a wrong one only fails when the registry is created. Also confirm that Managed HSM is offered in crbittern's region before relying on it."),

# ---- dockerfile ----
dict(key="L6", style="long", kind="troubleshoot", category="limits", quals=[], flags=["dockerfile"],
question="""We build our signing image like this and run it as the last stage of every release:

```dockerfile
FROM debian:bookworm-slim
ARG NOTATION_VERSION=1.1.1
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl && rm -rf /var/lib/apt/lists/*
RUN curl -fsSL -o /tmp/notation.tgz https://github.com/notaryproject/notation/releases/download/v${NOTATION_VERSION}/notation_${NOTATION_VERSION}_linux_amd64.tar.gz \\
 && tar -xzf /tmp/notation.tgz -C /usr/local/bin notation
COPY sign.sh /usr/local/bin/sign.sh
ENTRYPOINT ["/usr/local/bin/sign.sh"]
```

It has worked for two years against our old registry. Since the release flow moved to crkite, a registry with a customer-managed key from day one, the stage fails when it pushes the signature, and notation list against crkite shows no signatures at all. The signing key in Key Vault and the plug-in setup are unchanged. What is different for Notation on the new registry, and what do we have to change in the image?""",
canonical=[L + "notation-signatures-on-cmk-registries"],
related=[L + "oci-referrers-api-is-not-supported", T + "oras-and-notation-store-referrers-as-tags", L + "docker-content-trust-is-being-retired-use-notation"],
facts=["Expect those extra tags in repository listings"],
answer_facts=["notation 1.2.0 and later", "instead of the referrers api"],
truth="crkite has no OCI Referrers API, because registries with a customer-managed key don't offer it. According to the docs, Notation detects the missing API from 1.2.0 on and then keeps its signatures under the referrers tag schema; the image pins NOTATION_VERSION to 1.1.1, below that line. Raise the argument to 1.2.0 or newer, rebuild and sign again. Afterwards expect tags named after image digests (sha256-...) in crkite's repositories: they are how the signatures are found, so keep them out of any tag clean-up, and use tools that understand those tags, such as notation list or oras discover, to look at them."),

dict(key="L7", style="long", kind="no", category="limits", quals=[], flags=["dockerfile"],
question="""Our training image is big, and start-up on the accelerator node pool is dominated by the pull. The Dockerfile, trimmed:

```dockerfile
FROM nvcr.io/nvidia/pytorch:24.10-py3
WORKDIR /opt/trainer
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY src/ ./src/
ENV TRAINER_CHECKPOINT_DIR=/mnt/ckpt
ENTRYPOINT ["python", "-m", "src.train"]
```

The result is about 19 GB and goes to crmerlin, a Premium registry whose key, held in kv-merlin, is customer-managed. Someone suggested artifact streaming so that nodes can start the container before the whole image has arrived. Can we turn that on for the trainer repository in crmerlin?""",
canonical=[L + "artifact-streaming-is-not-supported"],
related=[L + "feature-compatibility-summary", L + "cmk-limitations-compatibility-and-status-checks", O + "cmk-cannot-be-disabled-after-it-is-enabled"],
facts=["Not supported on CMK registries"],
answer_facts=["among its unsupported configurations", "plan for full image pulls"],
truth="No: artifact streaming, still a preview feature, lists key-encrypted registries like crmerlin as unsupported, so crmerlin can't stream the image built on nvcr.io/nvidia/pytorch:24.10-py3. Plan for full pulls there: keep the image lean and pre-pull it onto the nodes. If streaming really matters, the repository would have to live in a registry without a customer-managed key, if your compliance rules allow that; crmerlin's key can't be switched off to make room for the feature."),

dict(key="L8", style="long", kind="why", category="rotation", quals=[], flags=["dockerfile"],
question="""Each release of our platform runs a small job image that, among other things, re-applies the registry's encryption settings "to be safe":

```dockerfile
FROM ghcr.io/platform-tools/az-runner:2026.11
ENV ACR_NAME=crkestrel \\
    ACR_KEK=https://kv-kestrel.vault.azure.net/keys/kestrel-kek/5c1e8a0d27f94b63a1d0e7c4f92b6d18
COPY reapply.sh /usr/local/bin/reapply.sh
ENTRYPOINT ["/usr/local/bin/reapply.sh"]
```

reapply.sh calls az acr encryption rotate-key with those two values and nothing else. Last quarter we gave kestrel-kek a rotation policy, and Key Vault has created two new versions since. Yet az acr encryption show for crkestrel still reports the version baked into the image as versionedKeyIdentifier, and keyRotationEnabled is false. Why does crkestrel ignore the new versions?""",
canonical=[K + "versioned-and-versionless-key-ids"],
related=[K + "switch-from-manual-to-automatic-rotation", K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", T + "registry-keeps-using-an-old-key-version"],
facts=["The kid that az keyvault key show and az keyvault key create return is always versioned."],
answer_facts=["until you rotate manually", "follows the newest version automatically"],
truth="Because the job pins it again with every release. ACR_KEK ends in a version, and a key URI with a version tells the registry to stay on exactly that version; each release runs rotate-key with it, which puts crkestrel back on 5c1e8a0d27f94b63a1d0e7c4f92b6d18 and keeps automatic rotation off. The rotation policy only creates versions; the registry follows them by itself only when its key URI has no version. Set ACR_KEK to https://kv-kestrel.vault.azure.net/keys/kestrel-kek, or drop the re-apply step, and run it once: crkestrel then moves to the newest version within an hour and shows keyRotationEnabled as true."),

dict(key="L9", style="long", kind="troubleshoot", category="keys", quals=[], flags=["dockerfile"],
question="""Our security baseline says new keys should use P-384, so the key-provisioning image that the platform team maintains defaults to it:

```dockerfile
FROM python:3.12-slim
RUN pip install --no-cache-dir azure-identity==1.19.0 azure-keyvault-keys==4.10.0
ENV KEY_TYPE=EC-HSM \\
    KEY_CURVE=P-384
COPY provision_key.py /opt/provision_key.py
ENTRYPOINT ["python", "/opt/provision_key.py"]
```

It created wren-kek in kv-wren, a Premium vault, without complaint. The identity got the service encryption role on the vault, but az acr create for crwren with that key fails every time, and so does pointing an existing test registry at it. Is the key itself the problem? And what should the image produce when the key is meant for a registry?""",
canonical=[T + "elliptic-curve-key-rejected"],
related=[O + "which-key-types-and-sizes-are-supported", O + "key-sizes-offered-by-key-vault", O + "rsa-hsm-keys-need-a-premium-key-vault"],
facts=["Container Registry encryption supports only RSA and RSA-HSM keys."],
answer_facts=["can't wrap keys and are not supported", "on any curve"],
truth="The key is the problem. Registry encryption works only with RSA or RSA-HSM keys; an elliptic-curve key such as the one KEY_TYPE=EC-HSM with KEY_CURVE=P-384 produced can't wrap keys, whatever the curve, so no registry can use wren-kek. For registry keys set KEY_TYPE to RSA-HSM (kv-wren is Premium, so HSM protection is available; plain RSA would also do) and leave out KEY_CURVE, with a size of 2048, 3072 or 4096 bits as your baseline prefers. Create the key under a new name, take its ID from az keyvault key show and run az acr create again; the role on the vault already covers the new key. P-384 can remain the rule for other keys."),

dict(key="L10", style="long", kind="troubleshoot", category="recovery", quals=[], flags=["dockerfile"],
question="""We build most services with ACR Tasks on crfulmar, and the Dockerfiles start from base images kept in the same registry:

```dockerfile
ARG BASE_IMAGE=crfulmar.azurecr.io/base/jre:21.0.5-alpine
FROM ${BASE_IMAGE}
WORKDIR /srv/app
COPY target/orders.jar app.jar
ENV JAVA_TOOL_OPTIONS=-XX:MaxRAMPercentage=75
ENTRYPOINT ["java", "-jar", "/srv/app/app.jar"]
```

During this morning's revocation exercise, security removed the access policy of crfulmar's identity on kv-fulmar for an hour. We expected running services to lose their pulls, but every az acr build queued in that hour failed as well, already at the FROM step, and even the team that only pushes test images to a sandbox repository in crfulmar was blocked. Why did the builds die at the FROM step? Can the exercise be limited to the production repositories next time?""",
canonical=[V + "what-revocation-does-to-the-registry"],
related=[V + "revoke-by-removing-the-access-policy", V + "restore-access-after-a-revocation", L + "acr-tasks-run-logs-are-kept-for-only-24-hours"],
facts=["Because revoking is this disruptive, treat permission changes on the vault or HSM as production-affecting changes."],
answer_facts=["access to all registry data is blocked", "no partial revocation per repository"],
truth="Because a revocation takes the whole registry, not single repositories. Once crfulmar's identity lost its policy on kv-fulmar, the registry could no longer use its key, and everything that reads stored content stopped: the pull of crfulmar.azurecr.io/base/jre:21.0.5-alpine that each task needs for its FROM as much as the pushes to the sandbox repository. The docs know no partial revocation per repository, so the exercise can't be narrowed that way. To practise without stopping builds, keep base images and test pushes in a registry that isn't part of the exercise, or run the drill on a dedicated test registry with its own key. crfulmar reconnected by itself once the policy with get, wrapKey and unwrapKey was back."),
# ---- windows_event_log ----
dict(key="L11", style="long", kind="troubleshoot", category="identity", quals=[], flags=["windows_event_log"],
question="""Our Windows build hosts pull their tool images from crsiskin. Since this morning every pull fails, on all hosts, and the Application log shows the same entry each time:

```text
Log Name:      Application
Source:        docker
Date:          11/28/2026 6:02:41 AM
Event ID:      4
Task Category: None
Level:         Error
Keywords:      Classic
User:          N/A
Computer:      WINBUILD-07.build.example
Description:
Handler for POST /v1.47/images/create returned error: error from registry: crsiskin.azurecr.io/tools/msbuild:17.12 could not be read; the registry reports that its identity is no longer active and has to be assigned again
```

crsiskin has a customer-managed key and uses id-siskin, a user-assigned identity. Nobody touched the vault. The only identity-related change I can find is from late August, when a colleague tried to remove id-siskin from crsiskin during a clean-up; the command failed and we left it at that. Could that be related after three months, and what brings the hosts back?""",
canonical=[T + "registry-identity-is-inactive-or-expired"],
related=[I + "the-encryption-identity-cannot-simply-be-removed", T + "removing-the-encryption-identity-fails", T + "check-health-reports-cmk_error"],
facts=["Assign the user-assigned encryption identity to the registry again."],
answer_facts=["usually after about three months", "stopped that identity from being renewed automatically"],
truth="Very likely. The failed removal in August stopped id-siskin from being renewed; the registry carried on until the identity's credentials expired, typically some three months on, and now every request is refused, which is why the pull of crsiskin.azurecr.io/tools/msbuild:17.12 fails on all hosts. Attach the identity to the registry again with az acr identity assign -n crsiskin --identities <resource ID of id-siskin>, then retry a pull. If id-siskin really has to go, switch encryption to a different identity with access to the key first (az acr encryption rotate-key) and detach id-siskin only once az acr encryption show names its successor."),

dict(key="L12", style="long", kind="troubleshoot", category="rotation", quals=["hsm", "oct2026"], flags=["windows_event_log"],
question="""A scheduled task on our Windows ops host is supposed to roll rail-kek every week. rail-kek is the key that crrail uses in railhsm, our Managed HSM, and crrail has the versionless key URI. The task has never succeeded; each Sunday the script writes this to the Application log:

```text
Log Name:      Application
Source:        RailKeyRoll
Date:          11/30/2026 2:00:07 AM
Event ID:      1002
Task Category: None
Level:         Error
Keywords:      Classic
User:          SYSTEM
Computer:      OPSJUMP-02.ops.example
Description:
Weekly roll of rail-kek failed. Command: az keyvault key rotate --hsm-name railhsm --name rail-kek. Exit code: 1. Output: (BadParameter) rotation is not configured for this key
```

The account the task runs as holds Managed HSM Crypto User at /keys, and when I create a version by hand with az keyvault key create it works. What does on-demand rotation in the Managed HSM need before it works? Can we keep the weekly rhythm once it does?""",
canonical=[M + "rotate-a-managed-hsm-key"],
related=[K + "create-a-new-version-in-a-managed-hsm", K + "rotate-immediately-with-az-keyvault-key-rotate", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["Managed HSM Crypto User is enough for both."],
answer_facts=["a rotation policy has to exist", "at most 100 versions"],
truth="A rotation policy on the key. In a Managed HSM, az keyvault key rotate only works after a rotation policy has been set for that key, which is what the BadParameter output points at; Managed HSM Crypto User is enough both to set the policy and to rotate. Add one with az keyvault key rotation-policy update --hsm-name railhsm --name rail-kek --value <policy JSON>. The weekly on-demand run can then stay, although the policy's own automatic rotation can't be more frequent than every 28 days. Mind the other Managed HSM limit of 100 versions per key: a weekly roll fills rail-kek in about two years; plan a new key name before then, with its own role assignment for crrail's identity. crrail keeps picking up each new version within an hour."),

dict(key="L13", style="long", kind="yes", category="keys", quals=[], flags=["windows_event_log"],
question="""Since 14:05 yesterday every pull from crteal fails with a 403. crteal's key is in kv-teal, and in the portal the access policy for crteal's identity is still there with get, wrapKey and unwrapKey. The vault's activity log only shows an update at that time, so we went through the PowerShell log of the ops jump host and found this:

```text
Log Name:      Microsoft-Windows-PowerShell/Operational
Source:        Microsoft-Windows-PowerShell
Date:          11/26/2026 2:05:13 PM
Event ID:      4104
Task Category: Execute a Remote Command
Level:         Verbose
Keywords:      None
User:          OPS\\adm-rkoval
Computer:      JUMP-OPS-01.ops.example
Description:
Creating Scriptblock text (1 of 1):
az keyvault update --name kv-teal --resource-group rg-sec-teal --enable-rbac-authorization true --only-show-errors

ScriptBlock ID: 3e81c0d5-92a4-4b17-8f6e-0c5d7a2b9e14
Path: C:\\ops\\hardening\\Set-VaultRbac.ps1
```

The hardening script belongs to a project that moves all our vaults to RBAC. Is this what cut crteal off, even though its policy is still listed, and how do we restore pulls while keeping the vault on RBAC?""",
canonical=[A + "changing-an-existing-vaults-permission-model"],
related=[A + "grant-access-with-an-azure-rbac-role", A + "which-permission-model-does-my-key-vault-use", T + "registry-access-lost-after-key-permissions-were-revoked"],
facts=["The ACR docs do not discuss switching models."],
answer_facts=["the old access policies stop counting", "first grant access under the new model"],
truth="Yes: once Set-VaultRbac.ps1 switched kv-teal to the RBAC permission model, its access policies stopped counting, so the policy you still see grants nothing and crteal lost its key. Keep RBAC and give the identity its role: az role assignment create --assignee-object-id <principal ID of crteal's identity> --assignee-principal-type ServicePrincipal --role \"Key Vault Crypto Service Encryption User\" --scope <resource ID of kv-teal>. After a few minutes the registry uses the key again without any registry command. Check every other application that relied on kv-teal's policies too, and let the hardening script create the role assignments before it switches the next vault."),

dict(key="L14", style="long", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=["windows_event_log"],
question="""Our provisioning service, a Windows service on the platform host, builds new registries end to end. For crsnipe it logged this:

```text
Log Name:      Application
Source:        PlatformProvisioner
Date:          12/2/2026 9:41:19 AM
Event ID:      3107
Task Category: Registry
Level:         Error
Keywords:      Classic
User:          N/A
Computer:      PLAT-SVC-01.platform.example
Description:
Step 4/5 'create registry crsnipe' failed after 14 s: identity id-snipe could not use https://snipehsm.managedhsm.azure.net/keys/snipe-kek (Forbidden). Step 3/5 'assign local role' finished at 09:41:02 without errors.
```

Listing the local role assignments of snipehsm shows id-snipe holding the service encryption role at /keys/snipe-kek, just as step 3 intended, and snipe-kek is RSA-HSM, created with wrapKey and unwrapKey among its operations. Should the service grant the role a second time, or what else is missing before the registry can be created with the Managed HSM key?""",
canonical=[A + "grant-access-to-a-key-in-a-managed-hsm"],
related=[T + "managed-hsm-role-assignment-not-yet-in-effect", M + "set-up-a-registry-with-a-managed-hsm-key-using-the-azure-cli", T + "general-diagnostic-checklist"],
facts=["Do not pile up duplicate assignments in the meantime."],
answer_facts=["can take several minutes to take effect", "create it before az acr create"],
truth="Nothing is missing but time. Local roles in a Managed HSM need several minutes before they apply, and step 4 started 17 seconds after step 3, so id-snipe still counted as having no access. Don't assign the role again; extra copies don't make it apply sooner. Let the service wait a few minutes after the role step, or retry step 4 with a back-off, and create crsnipe then. Should it fail long after that, look at the remaining HSM suspects: activation, the key URI and whether the HSM firewall admits trusted services."),

dict(key="L15", style="long", kind="howto", category="recovery", quals=[], flags=["windows_event_log", "two_facts"],
question="""All pulls from crgannet started failing on our Windows container hosts an hour ago:

```text
Log Name:      Application
Source:        docker
Date:          12/3/2026 10:17:55 AM
Event ID:      4
Task Category: None
Level:         Error
Keywords:      Classic
User:          N/A
Computer:      WINCTR-03.apps.example
Description:
Handler for POST /v1.47/images/create returned error: error from registry: content of crgannet.azurecr.io/apps/intake-api:2.8.4 is unavailable because the registry cannot reach its encryption key
```

It turns out that kv-gannet, the vault holding crgannet's key, was deleted in the portal during a cost clean-up this morning. kv-gannet is an RBAC vault, and purge protection was turned on. What exactly do we need to run to bring crgannet back, and does anything get lost on the way that we have to set up again?""",
canonical=[V + "recover-a-deleted-key-vault", V + "re-create-rbac-role-assignments-after-recovering-a-vault"],
related=[V + "how-purge-protection-protects-the-registry", T + "key-vault-or-key-was-deleted", V + "recover-a-deleted-key"],
facts=["Re-create any operator roles (for example Key Vault Crypto Officer) the same way."],
answer_facts=["together with its keys", "does not bring them back"],
truth="Recover the vault, then re-create its role assignments. A deleted vault is only soft-deleted, and purge protection keeps anyone from erasing it early, so az keyvault list-deleted --resource-type vault should list kv-gannet and az keyvault recover --name kv-gannet brings it back together with its keys. The vault's Azure role assignments don't come back with it: give crgannet's identity Key Vault Crypto Service Encryption User on kv-gannet again (az role assignment create --assignee-object-id <principal ID> --assignee-principal-type ServicePrincipal with that role and the vault's resource ID as scope), and do the same for operators' roles, Key Vault Crypto Officer for instance. Once the identity can use the key, pulls such as crgannet.azurecr.io/apps/intake-api:2.8.4 work again without any change on the registry."),
# ---- monitor_alert_payload ----
dict(key="L16", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["monitor_alert_payload", "two_facts"],
question="""This reached our ops channel overnight through the alert webhook:

```json
{
  "schemaId": "azureMonitorCommonAlertSchema",
  "data": {
    "essentials": {
      "alertRule": "hsm-delete-watch",
      "severity": "Sev1",
      "signalType": "Activity Log",
      "monitorCondition": "Fired",
      "monitoringService": "Activity Log - Administrative",
      "alertTargetIDs": [
        "/subscriptions/7a3c5e19-2b8d-4f60-9e14-c0d8b6a2f5e3/resourcegroups/rg-shared-keys/providers/microsoft.keyvault/managedhsms/shrikehsm"
      ],
      "firedDateTime": "2026-12-04T01:12:44.5810392Z"
    },
    "alertContext": {
      "authorization": {
        "action": "Microsoft.KeyVault/managedHSMs/delete",
        "scope": "/subscriptions/7a3c5e19-2b8d-4f60-9e14-c0d8b6a2f5e3/resourceGroups/rg-shared-keys/providers/Microsoft.KeyVault/managedHSMs/shrikehsm"
      },
      "caller": "decom-runner@platform.example",
      "operationName": "Microsoft.KeyVault/managedHSMs/delete",
      "status": "Succeeded",
      "eventTimestamp": "2026-12-04T01:11:58.0634127Z"
    }
  }
}
```

shrikehsm holds the key of crshrike, and since then nothing can be pulled from crshrike. The decommissioning runner had picked the wrong HSM. What does it take to bring shrikehsm and the registry back, which role does that need, and is the deleted Managed HSM still billed in the meantime?""",
canonical=[M + "recover-a-deleted-managed-hsm-key-or-hsm", L + "pricing-considerations"],
related=[V + "recover-a-deleted-managed-hsm", V + "what-revocation-does-to-the-registry", V + "how-purge-protection-protects-the-registry"],
facts=["Purging removes it for good, and with it every key, so never purge an HSM whose key a registry still needs."],
answer_facts=["needs the azure role managed hsm contributor", "keeps costing money"],
truth="Recover it while it is soft-deleted. A deleted Managed HSM can be brought back within its retention period, 7 to 90 days as set at creation: az keyvault list-deleted --resource-type hsm lists it, and az keyvault recover --hsm-name shrikehsm --location <its region> brings it back with its keys. That takes the Azure role Managed HSM Contributor, not a local HSM role. Once shrikehsm is back, crshrike picks its key up again and pulls resume; a test pull and az acr encryption show confirm it. And yes, it costs money meanwhile: a soft-deleted Managed HSM is billed because its hardware stays allocated, until it is recovered or purged. Don't purge it, since that destroys every key in it for good. To guard against another Microsoft.KeyVault/managedHSMs/delete by mistake, turn on purge protection for shrikehsm and fix the runner's selection."),

dict(key="L17", style="long", kind="troubleshoot", category="identity", quals=[], flags=["monitor_alert_payload"],
question="""We're switching cregret's encryption from id-egret to the registry's own system identity. Yesterday we turned that identity on, gave its principal a policy on kv-egret and ran the switch. This morning, as planned, we removed id-egret's policy; minutes later this fired and pulls from cregret failed:

```json
{
  "schemaId": "azureMonitorCommonAlertSchema",
  "data": {
    "essentials": {
      "alertRule": "kv-egret-wrap-denied",
      "severity": "Sev2",
      "signalType": "Log",
      "monitorCondition": "Fired",
      "monitoringService": "Log Alerts V2",
      "firedDateTime": "2026-12-01T08:23:10.2271046Z"
    },
    "alertContext": {
      "conditionType": "LogQueryCriteria",
      "condition": {
        "windowSize": "PT15M",
        "allOf": [
          {
            "searchQuery": "AzureDiagnostics | where OperationName in ('KeyWrap', 'KeyUnwrap') and ResultSignature == 'Forbidden' | summarize count() by identity_claim_oid_g",
            "operator": "GreaterThan",
            "threshold": "0",
            "dimensions": [
              {
                "name": "identity_claim_oid_g",
                "value": "9f4a1c7e-3b25-4d80-b6e9-0a2d5c8f1e74"
              }
            ],
            "metricValue": 37
          }
        ]
      }
    }
  }
}
```

That oid is id-egret's principal ID, not the system identity's. Why is the registry still calling the vault as id-egret? And how do we get pulls back without giving up the move?""",
canonical=[I + "switch-to-the-registrys-system-assigned-identity-after-creation"],
related=[K + "rotate-with-a-different-identity-or-the-system-assigned-identity", V + "restore-access-after-a-revocation", I + "which-identity-value-goes-where"],
facts=["Keep the original user-assigned identity attached and its access in place until step 5 shows the change"],
answer_facts=["keyvaultproperties.identity now reads system", "removing it earlier cuts the registry off"],
truth="Because the switch never took effect: the refused wrap and unwrap calls come from identity_claim_oid_g 9f4a1c7e-3b25-4d80-b6e9-0a2d5c8f1e74, so cregret's encryption settings still name id-egret, and removing its policy revoked the key. First give id-egret its policy back (get, wrapKey, unwrapKey); the registry then reconnects without further action. Then look at az acr encryption show --query keyVaultProperties.identity. If it still shows id-egret's client ID, run az acr encryption rotate-key -n cregret --key-encryption-key <current key URI> --identity '[system]' again and check that the value now reads system. Only after that remove id-egret's policy and detach it."),

dict(key="L18", style="long", kind="howto", category="limits", quals=[], flags=["monitor_alert_payload", "two_facts"],
question="""Governance assigned the built-in policy that checks registries for a customer-managed key, and our alert on policy events now fires for crpipitlegacy, a Premium registry from 2023 that was created without one. The payload, trimmed:

```json
{
  "schemaId": "azureMonitorCommonAlertSchema",
  "data": {
    "essentials": {
      "alertRule": "policy-audit-registries",
      "severity": "Sev3",
      "signalType": "Activity Log",
      "monitorCondition": "Fired",
      "monitoringService": "Activity Log - Policy",
      "alertTargetIDs": [
        "/subscriptions/5b8e2d71-0c4a-4f96-8d13-7e6a9c2b0f58/resourcegroups/rg-pipit/providers/microsoft.containerregistry/registries/crpipitlegacy"
      ],
      "firedDateTime": "2026-11-19T04:31:07.6640913Z"
    },
    "alertContext": {
      "caller": "policy-evaluation",
      "operationName": "Microsoft.Authorization/policies/audit/action",
      "status": "Succeeded",
      "properties": {
        "isComplianceCheck": "True",
        "resourceLocation": "northeurope",
        "complianceState": "NonCompliant"
      }
    }
  }
}
```

Governance wants crpipitlegacy compliant by the end of the quarter, and someone proposed a remediation task. What is the way to make this registry compliant?""",
canonical=[L + "azure-policy-built-in-for-cmk", T + "key-rotation-fails-on-a-registry-without-cmk"],
related=[O + "moving-an-existing-registry-to-cmk", O + "cmk-can-only-be-enabled-when-the-registry-is-created", L + "check-the-encryption-status-of-a-registry"],
facts=["Assign it at subscription or resource-group scope to report non-compliant registries."],
answer_facts=["cannot be remediated in place", "only on registries that already use cmk"],
truth="Replace it; it can't be remediated. The audit event (Microsoft.Authorization/policies/audit/action) just reports the fact that crpipitlegacy has no customer-managed key, and a registry gets one at creation or never; az acr encryption rotate-key on it would only answer that rotation applies to registries with CMK enabled. Build a new Premium registry with a user-assigned identity and a key, import the images into it with az acr import, move clients, pipelines and pull secrets over to its login server, and delete crpipitlegacy once everything checks out. Don't count on a remediation task: nothing can add a key in place, and a non-official, unmerged docs pull request reports that Modify remediations fail with BadRequest on CMK registries anyway."),

dict(key="L19", style="long", kind="troubleshoot", category="troubleshooting", quals=[], flags=["monitor_alert_payload"],
question="""A colleague tidying up kv-brant in the portal set Enabled to No on what he took for an unused version of brant-kek. Minutes later pulls from crbrant failed and this came in:

```json
{
  "schemaId": "azureMonitorCommonAlertSchema",
  "data": {
    "essentials": {
      "alertRule": "kv-brant-unwrap-errors",
      "severity": "Sev1",
      "signalType": "Log",
      "monitorCondition": "Fired",
      "monitoringService": "Log Alerts V2",
      "firedDateTime": "2026-11-24T15:08:51.0415376Z"
    },
    "alertContext": {
      "conditionType": "LogQueryCriteria",
      "condition": {
        "windowSize": "PT5M",
        "allOf": [
          {
            "searchQuery": "AzureDiagnostics | where OperationName == 'KeyUnwrap' and httpStatusCode_d >= 400 | summarize count() by ResultDescription, id_s",
            "threshold": "5",
            "dimensions": [
              {
                "name": "ResultDescription",
                "value": "The key version is disabled and cannot be used (KeyDisabled)"
              },
              {
                "name": "id_s",
                "value": "https://kv-brant.vault.azure.net/keys/brant-kek/0e6b3d91c4a24f7f8d52a1c9b7e03f46"
              }
            ],
            "metricValue": 212
          }
        ]
      }
    }
  }
}
```

How do we bring crbrant back quickly? And is disabling a key version one of the ways the ACR docs give for revoking a registry's key?""",
canonical=[V + "disabling-the-key-instead-a-key-vault-option-not-in-the-acr-docs"],
related=[T + "key-is-disabled-or-expired", K + "check-which-key-version-the-registry-uses", V + "what-revocation-does-to-the-registry"],
facts=["Re-enable with --enabled true."],
answer_facts=["disabling or expiring the key", "unusable for cryptographic operations without deleting it"],
truth="He disabled the version crbrant is using: the refused unwrap calls name https://kv-brant.vault.azure.net/keys/brant-kek/0e6b3d91c4a24f7f8d52a1c9b7e03f46, and Key Vault allows no cryptographic operation on a disabled version. Compare it with versionedKeyIdentifier in az acr encryption show, then switch it back on: az keyvault key set-attributes --vault-name kv-brant --name brant-kek --version 0e6b3d91c4a24f7f8d52a1c9b7e03f46 --enabled true; the registry resumes on its own. Disabling isn't among the revocation methods the ACR docs name (they list removing access and deleting the key), so its effect on a registry is undocumented, even if here it behaved like one. Before retiring old versions, check which one the registry is on."),

dict(key="L20", style="long", kind="undocumented", category="limits", quals=[], flags=["monitor_alert_payload"],
question="""crstarling is geo-replicated to West Europe (its home region), North Europe and Sweden Central, and its key lives in kv-starling in West Europe. During this service health event pulls failed in all three regions for about 40 minutes:

```json
{
  "schemaId": "azureMonitorCommonAlertSchema",
  "data": {
    "essentials": {
      "alertRule": "svc-health-keyvault",
      "severity": "Sev1",
      "signalType": "Activity Log",
      "monitorCondition": "Fired",
      "monitoringService": "ServiceHealth",
      "alertTargetIDs": [
        "/subscriptions/3e9d07b2-5c41-4a8f-9b63-d1f2e0a7c845"
      ],
      "firedDateTime": "2026-11-21T07:46:02.9914470Z"
    },
    "alertContext": {
      "channels": "Admin",
      "eventSource": "ServiceHealth",
      "operationName": "Microsoft.ServiceHealth/incident/action",
      "properties": {
        "title": "Degraded availability of Key Vault in West Europe",
        "service": "Key Vault",
        "region": "West Europe",
        "incidentType": "Incident",
        "trackingId": "7KQ2-R8T",
        "stage": "Active"
      }
    }
  }
}
```

We had expected the replicas in the other two regions to keep serving. Is there a documented way to keep a geo-replicated registry with a customer-managed key pulling in its other regions when the vault's region has an outage, for example a second vault per region?""",
canonical=[L + "geo-replication-works-with-cmk"],
related=[L + "feature-compatibility-summary", L + "geo-replication-with-a-managed-hsm-key", N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault"],
facts=["A geo-replicated Premium registry can be encrypted with a customer-managed key."],
answer_facts=["failover and redundancy (disaster-recovery) guidance", "no other cmk-specific geo-replication limit"],
truth="Not documented: the ACR docs allow geo-replication together with a customer-managed key and add just one piece of advice, to follow Key Vault's own failover and redundancy guidance; they describe no second vault per region and no other way for replicas to keep serving while kv-starling's region is degraded, as during incident 7KQ2-R8T. A registry has a single key URI, so every replica most likely depends on that one vault, which would explain why North Europe and Sweden Central failed too. Work through the Key Vault disaster-recovery guidance for kv-starling and ask Microsoft support what resilience a CMK registry can have beyond that."),

# ---- checkov_finding (long) ----
dict(key="L21", style="long", kind="yes", category="troubleshooting", quals=["iac"], flags=["checkov_finding"],
question="""Checkov runs on every pull request in our platform repo, and the registry module now fails the gate:

```text
Check: CKV_AZURE_110: "Ensure that key vault enables purge protection"
\tPASSED for resource: azurerm_key_vault.dipper
\tFile: /modules/registry/main.tf:14-33
Check: CKV_AZURE_164: "Ensures that ACR uses signed/trusted images"
\tFAILED for resource: azurerm_container_registry.dipper
\tFile: /modules/registry/main.tf:52-81
```

crdipper, the registry that module manages, has had a customer-managed key since the day it was created. A colleague added trust_policy_enabled = true to the Terraform resource to satisfy the check, and the apply failed. We already sign our images with Notation. Is suppressing this check for crdipper the right move?""",
canonical=[T + "content-trust-cannot-be-enabled"],
related=[L + "docker-content-trust-is-not-supported", L + "docker-content-trust-is-being-retired-use-notation", C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs"],
facts=["Sign images with Notation (the Notary Project), for example with its Azure Key Vault plug-in."],
answer_facts=["leave content trust off", "so the service blocks turning it on"],
truth="Yes: CKV_AZURE_164 asks for Docker Content Trust, which a registry encrypted with your own key can never have; the service refuses it, which is why the apply with trust_policy_enabled failed. Take that line out again and record a skip for this check on crdipper's resource with the reason, for example a checkov:skip comment naming CKV_AZURE_164. Your Notation signatures are the documented replacement, and Docker Content Trust is being retired from ACR anyway, with removal due on 2028-03-31."),

# ---- plain long ----
dict(key="L22", style="long", kind="howto", category="hsm", quals=["hsm", "oct2026"], flags=["two_facts"],
question="""Twice a year our auditors want to see that we can cut crpetrel off from its key and bring it back. The key, petrel-kek, lives in petrelhsm, a Managed HSM, and crpetrel's user-assigned identity got the HSM's service encryption role, scoped to /keys/petrel-kek, when the registry was built. For registries with keys in a vault, our runbook simply deletes the identity's access policy and sets it again afterwards, but petrelhsm has no access policies. Which of the documented ways to revoke the Managed HSM key should the drill use so that it is easy to undo, what exactly do we run, and what could make the revocation quietly not happen?""",
canonical=[M + "revoke-access-to-a-managed-hsm-key", V + "revoke-access-to-a-key-in-a-managed-hsm"],
related=[V + "what-revocation-does-to-the-registry", V + "restore-access-after-a-revocation", T + "managed-hsm-role-missing-or-assigned-at-the-wrong-scope"],
facts=["A Managed HSM has no access policies to remove."],
answer_facts=["take the identity's access away", "any other local role that includes wrap", "same scope where it was created"],
truth="Remove the identity's local role assignment rather than the key; deleting petrel-kek would also revoke, but then the key has to be recovered (by someone with Managed HSM Crypto Officer) and is lost if anyone purges it. Before the drill, list everything the identity holds: az keyvault role assignment list --hsm-name petrelhsm --assignee-object-id <principal ID>, without --scope. Then delete at the scope where the role was made: az keyvault role assignment delete --hsm-name petrelhsm --role \"Managed HSM Crypto Service Encryption User\" --assignee-object-id <principal ID> --scope /keys/petrel-kek. From then on all of crpetrel's data is blocked. To end the drill, recreate that assignment (--assignee-principal-type MSI, same scope); the registry resumes by itself once the local role applies, which can take several minutes. The drill quietly fails if the identity also holds the role at /keys or /, or some other local role allowing wrap and unwrap, Managed HSM Crypto User through a group for instance; remove those for the drill as well."),

dict(key="L23", style="long", kind="value", category="iac", quals=["hsm", "iac", "oct2026"], flags=[],
question="""We're moving our registries to the Azure Verified Module for Terraform (Azure/avm-res-containerregistry-registry/azurerm), and the customer-managed key should follow new key versions on its own, without anyone touching the registry. Before I pin a module version in our template repository I need three facts: from which module version does customer_managed_key use the key's versionless ID by default, which azurerm versions does that module line require, and is a key in our Managed HSM supported by the module at all? We are on azurerm 4.52 today.""",
canonical=[C + "avm-terraform-module-customer_managed_key-variable"],
related=[C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs", C + "managed-hsm-key-in-terraform", C + "automatic-key-rotation-in-terraform-versionless_id-vs-id"],
facts=["v0.3.0-v0.5.1 always used the versioned id and ignored key_version."],
answer_facts=["unless key_version is set", "only key vault keys"],
truth="From v0.6.0: from that release on, customer_managed_key hands the registry the key's versionless_id, so new versions are followed automatically as long as key_version stays unset (the releases v0.3.0 through v0.5.1 pinned the versioned id whatever you set). That module line demands azurerm 4.81.0 or newer, below 5.0.0, so 4.52 has to be raised first. A Managed HSM key is not possible with the module, which only takes Key Vault keys (key_vault_resource_id and key_name); for an HSM key use azurerm_container_registry directly with azurerm 4.65.0 or later. Also list the identity in managed_identities.user_assigned_resource_ids and create its role assignment yourself, with depends_on on the module."),

dict(key="L24", style="long", kind="value", category="setup", quals=[], flags=[],
question="""Three places in our estate run the az commands around our CMK registries: a legacy build VM pinned to azure-cli 2.45.0, Cloud Shell, which everybody uses ad hoc, and our runner image on 2.67.0. I'm writing one set of scripts for all three and need to know which behaviours relevant to customer-managed keys differ between 2.45 and a current CLI, in particular around creating vaults, role assignments, soft-delete flags and the acr encryption and acr identity commands. What differs between those versions, and what behaves the same?""",
canonical=[S + "azure-cli-version-notes-for-cmk-commands"],
related=[S + "step-3-create-the-key-vault-with-purge-protection", A + "azure-cli-262-and-later-create-rbac-vaults-by-default", T + "set-policy-fails-on-an-rbac-key-vault"],
facts=["Soft delete needs no flag: it is always on."],
answer_facts=["removed before 2.45", "unchanged in behaviour"],
truth="Four things differ, while the registry commands don't. Vaults created by 2.45 (or anything up to 2.61.0) use access policies, those created from 2.62.0 on use RBAC, so state --enable-rbac-authorization true or false in every create. 2.45 lets az role assignment create run without --scope, a current CLI insists on it; pass the vault's resource ID each time. Neither version knows --enable-soft-delete, since soft delete can't be turned off, so leave it out. The --key-encryption-key help mentions Managed HSM only in releases after 2.63, although no release checks the URI's host. The same on 2.45 and 2.91: the CMK options of az acr create, az acr encryption show and rotate-key, and az acr identity assign/show/remove including '[system]'; az keyvault key rotate and rotation-policy show/update exist in both."),
]

# ---------------- short on-topic ----------------
QS = [
dict(key="S1", style="short", kind="no", category="setup", quals=[], flags=["checkov_finding"],
question="`CKV_AZURE_110 FAILED for resource: azurerm_key_vault.cmk` is purge protection required for acr cmk?",
canonical=[S + "step-3-create-the-key-vault-with-purge-protection"], related=[O + "soft-delete-and-purge-protection-on-the-key-vault", V + "how-purge-protection-protects-the-registry", O + "soft-delete-and-purge-protection-behaviour-in-key-vault"],
facts=["Soft delete needs no flag: it is always on."], answer_facts=["recommended (not required)", "soft delete is always on"],
truth="No: CKV_AZURE_110 asks for purge protection, which the ACR docs recommend for the key's vault but don't require; soft delete is on anyway. Turning it on is still sensible, since it keeps a deleted key or vault from being purged while the registry needs it, but it can never be switched off again."),
dict(key="S2", style="short", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="which version of our managed hsm key is acr actually using right now?",
canonical=[S + "step-8-verify-the-encryption-status"], related=[K + "check-which-key-version-the-registry-uses", L + "check-the-encryption-status-of-a-registry", M + "managed-hsm-key-uris"],
facts=["In the portal the same information is under Settings > Encryption of the registry."], answer_facts=["the exact key version in use", "returns the same object"],
truth="The one in versionedKeyIdentifier: az acr encryption show -n <registry> lists it under keyVaultProperties, next to keyIdentifier (the URI you configured, maybe without a version) and keyRotationEnabled. It reads the same for a Managed HSM key; the version is the last path segment of that managedhsm.azure.net URI."),
dict(key="S3", style="short", kind="why", category="setup", quals=[], flags=[],
question="why does az acr create reject cr-dunnock-prod before touching the key?",
canonical=[S + "rules-that-az-acr-create-enforces-for-cmk"], related=[S + "before-you-start-variables-and-prerequisites", T + "acr-create-needs-both-identity-and-key", S + "step-7-create-the-premium-registry-with-the-customer-managed-key"],
facts=["Registry names are globally unique."], answer_facts=["uppercase letters or dashes are rejected", "is checked by the service"],
truth="Because the CLI checks registry names itself, before any request: only lowercase letters and digits are allowed, so the dashes in cr-dunnock-prod are refused with Registry name cannot contain dashes. crdunnockprod would pass, if nobody else has taken it. Other rules, such as the Premium tier, are only checked by the service."),
dict(key="S4", style="short", kind="yes", category="setup", quals=["hsm", "iac", "oct2026"], flags=[],
question="does the acr create form in the portal accept a managed hsm key?",
canonical=[M + "set-up-a-registry-with-a-managed-hsm-key-in-the-azure-portal"], related=[S + "set-up-cmk-in-the-azure-portal", M + "key-picker-blocked-by-the-hsm-firewall", M + "requirements-for-a-managed-hsm-key-store"],
facts=["Provision and activate the Managed HSM (Managed HSM portal quickstart)."], answer_facts=["stores the chosen key without a version", "neither the portal nor acr creates"],
truth="Yes: on the Encryption tab, Select from Key Vault now offers Managed HSMs as well as vaults and saves the picked key in its versionless form, and Enter key URI takes a Managed HSM key URI. The HSM has to be activated, and the identity needs its local role (Managed HSM Crypto Service Encryption User) on the key beforehand; the portal won't assign it."),
dict(key="S5", style="short", kind="no", category="rotation", quals=["hsm", "oct2026"], flags=[],
question="versionless managed hsm key uri: does acr create new key versions itself?",
canonical=[K + "automatic-rotation-with-a-versionless-key-id"], related=[K + "how-new-key-versions-are-created", M + "rotate-a-managed-hsm-key", K + "versioned-and-versionless-key-ids"],
facts=["It works the same when the key is in a Managed HSM"], answer_facts=["it does not create them", "within one hour of it appearing"],
truth="No: the registry only follows versions. With the versionless Managed HSM key URI it polls the HSM and switches to a new version within an hour, but something on the HSM side has to create that version: az keyvault key create under the same name, az keyvault key rotate --hsm-name, or a rotation policy."),
dict(key="S6", style="short", kind="undocumented", category="limits", quals=[], flags=[],
question="downgrade a cmk acr from premium to standard to cut costs",
canonical=[L + "changing-the-sku-of-a-cmk-registry-is-not-documented"], related=[T + "cmk-needs-the-premium-tier", O + "cmk-requires-the-premium-sku", L + "pricing-considerations"],
facts=["Moving down from Premium turns off Premium-only features"], answer_facts=["do not assume it works", "ask azure support before attempting a downgrade"],
truth="Not documented: nothing in the ACR articles covers a tier change for a registry that holds a customer-managed key. The general SKU rules let you move down if storage fits, with Premium-only features turned off, but encryption with your key is one of those features and can never be disabled, so expect trouble rather than savings. Get Azure support's answer first and never test it on a production registry."),
dict(key="S7", style="short", kind="troubleshoot", category="setup", quals=[], flags=[], typo="definately",
question="az acr create without --identity fails, is it definately required for cmk?",
canonical=[T + "acr-create-needs-both-identity-and-key"], related=[S + "rules-that-az-acr-create-enforces-for-cmk", I + "a-user-assigned-identity-is-required-when-the-registry-is-created", S + "step-7-create-the-premium-registry-with-the-customer-managed-key"],
facts=["The registry name must be lowercase with no dashes."], answer_facts=["passing just one of them is rejected", "not its client or principal id"],
truth="It is: for a customer-managed key the CLI wants --identity, naming the user-assigned identity by resource ID (a bare name only works within the registry's resource group), together with --key-encryption-key, and refuses one without the other before sending anything. The system-assigned identity isn't accepted at creation."),
dict(key="S8", style="short", kind="troubleshoot", category="keys", quals=[], flags=[],
question="subscription owner, yet az keyvault key create on our new kv returns forbidden",
canonical=[T + "operator-cannot-create-the-key-in-an-rbac-vault"], related=[A + "your-own-permissions-to-create-keys-in-an-rbac-vault", A + "azure-cli-262-and-later-create-rbac-vaults-by-default", S + "option-a-azure-rbac-role-on-an-rbac-vault"],
facts=["Wait a few minutes for the assignment to propagate, then create the key again."], answer_facts=["managing the vault resource is not enough", "full control of keys"],
truth="Owner only manages the vault as a resource. Your new vault runs on the RBAC model, which the CLI picks by default since 2.62.0, and there key creation needs a data-plane role: ask someone who can assign roles on the vault to give you Key Vault Crypto Officer, give it a few minutes and retry. The registry's own identity keeps needing nothing beyond Key Vault Crypto Service Encryption User."),
dict(key="S9", style="short", kind="howto", category="recovery", quals=[], flags=[], typo="occured",
question="restore acr pulls after a removal of the identity's access policy occured by mistake",
canonical=[V + "restore-access-after-a-revocation"], related=[V + "revoke-by-removing-the-access-policy", T + "registry-access-lost-after-key-permissions-were-revoked", A + "grant-access-with-a-key-vault-access-policy"],
facts=["Give the same identity its access back (or recover the key) and the registry reconnects to the key on its own"], answer_facts=["reconnects to the key on its own", "no registry command is needed"],
truth="Set the policy again for the same principal ID, with get, wrapKey and unwrapKey as key permissions (az keyvault set-policy -n <vault> --object-id <principal ID>). The registry finds its key again by itself; nothing has to be run on the registry, and az acr encryption show confirms the state afterwards."),
dict(key="S10", style="short", kind="howto", category="rotation", quals=[], flags=[],
question="moving acr cmk to a key in another kv, what do we grant first?",
canonical=[A + "access-to-a-key-in-a-second-key-vault"], related=[K + "move-to-a-different-key-or-to-a-key-in-another-vault", K + "manual-rotation-with-az-acr-encryption-rotate-key", A + "which-permission-model-does-my-key-vault-use"],
facts=["Keep the old vault and key, with access, until az acr encryption show reports the new key."], answer_facts=["access is granted per vault", "otherwise the rotation leaves the registry unable"],
truth="Access on the new vault, before rotate-key: grants are per vault, so the identity needs the service encryption role there on an RBAC vault, or a policy with get, wrapKey and unwrapKey otherwise. Only then point the registry at the new key URI with rotate-key, and leave the old vault's grant in place until encryption show lists the new key."),
dict(key="S11", style="short", kind="howto", category="rotation", quals=["hsm", "iac", "oct2026"], flags=[],
question="portal steps to switch our acr key to one in a managed hsm",
canonical=[K + "rotate-the-key-in-the-azure-portal"], related=[M + "rotate-a-managed-hsm-key", M + "local-rbac-roles-for-acr-encryption", K + "move-to-a-different-key-or-to-a-key-in-another-vault"],
facts=["Grant the identity access to the new key first"], answer_facts=["offers key vaults and managed hsms", "does not create the local role assignment"],
truth="Grant first: under the HSM's Local RBAC, the registry's identity needs the local role Managed HSM Crypto Service Encryption User on that key, and the portal won't add it. Then in the registry go to Settings > Encryption > Change key, choose the HSM and key through Select from Key Vault (stored without a version) or type the key ID into Enter key URI, and save."),
dict(key="S12", style="short", kind="value", category="recovery", quals=[], flags=[], typo="happend",
question="acr cmk key delete happend by mistake, how long is it recoverable?",
canonical=[V + "recover-a-deleted-key"], related=[V + "revoke-by-deleting-the-key", V + "how-purge-protection-protects-the-registry", T + "key-vault-or-key-was-deleted"],
facts=["The identity's access policy or role assignment on the vault is unaffected by deleting and recovering a key."], answer_facts=["90 by default", "registry operations resume"],
truth="As long as the vault's soft-delete retention lasts, which is anything from 7 to 90 days and 90 if nobody chose otherwise. az keyvault key recover --vault-name <vault> --name <key> brings it back, and the registry works again. If it is purged within that time, or the period runs out, the registry's content is gone for good."),
]

# ---------------- agent on-topic ----------------
QA = [
dict(key="A1", style="agent", form="context", kind="howto", category="keys", quals=[], flags=["checkov_finding"],
question="Context: checkov reports `CKV_AZURE_112 FAILED for resource: azurerm_key_vault_key.ruff` for the CMK key of crruff, which sits in a standard-tier vault, kv-ruff. Question: what would moving crruff to an HSM-backed key take?",
canonical=[O + "rsa-hsm-keys-need-a-premium-key-vault"], related=[T + "rsa-hsm-key-creation-fails-in-a-standard-vault", K + "move-to-a-different-key-or-to-a-key-in-another-vault", O + "which-key-types-and-sizes-are-supported"],
facts=["--protection hsm together with --kty RSA has the same effect as --kty RSA-HSM"], answer_facts=["supports software-protected rsa keys only", "the premium key vault sku"],
truth="A new vault. CKV_AZURE_112 wants an RSA-HSM key, which ACR accepts as readily as RSA, but a vault can only hold HSM-protected keys on its Premium tier, and kv-ruff is standard. Set up a Premium vault (--sku premium, with purge protection), give crruff's identity access to it, create the RSA-HSM key there and rotate crruff onto that key's ID. kv-ruff and its grant stay until the registry's encryption settings list the new key."),
dict(key="A2", style="agent", form="keywords", kind="undocumented", category="troubleshooting", quals=[], flags=["checkov_finding"],
question="checkov `CKV_AZURE_40 FAILED for resource: azurerm_key_vault_key.acr_cmk` wants an expiration date on the acr cmk key, effect of an expired key on the registry per docs",
canonical=[T + "key-is-disabled-or-expired"], related=[K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", V + "disabling-the-key-instead-a-key-vault-option-not-in-the-acr-docs", K + "automatic-rotation-with-a-versionless-key-id"],
facts=["To phase out an expiring key properly, create a new key version and rotate to it rather than letting the old one lapse."], answer_facts=["still allows unwrap on an expired key", "registry behaviour for expired keys"],
truth="Not documented: the ACR docs don't describe what a registry does once its key version expires. Key Vault keeps unwrapping with an expired key yet won't wrap with it, so failures can be partial, for instance when the registry or a rotate-key call has to wrap. If you satisfy CKV_AZURE_40, pair the expiry with a rotation policy so that a fresh version always exists well before it, keep the registry on the versionless key ID, and treat an expired encryption key as an incident."),
dict(key="A3", style="agent", form="imperative", kind="howto", category="network", quals=["iac"], flags=["checkov_finding"],
question="Explain how to fix `CKV_AZURE_109 FAILED for resource: azurerm_key_vault.cmk` in our Terraform without cutting the registry off from its customer-managed key",
canonical=[N + "key-vault-networking-for-cmk-registries"], related=[N + "trusted-azure-services-must-be-allowed-through-a-restricted-key-vault", N + "allow-your-own-clients-through-the-vault-firewall", N + "allow-trusted-services-and-deny-other-traffic"],
facts=["The bypass only opens the network path."], answer_facts=["the data plane of its key store", "that path has to stay open"],
truth="CKV_AZURE_109 wants the vault firewall to deny by default. Give azurerm_key_vault a network_acls block with default_action = \"Deny\" and bypass = \"AzureServices\": the registry reaches its key over the vault's data plane as a trusted Azure service, so the bypass is what keeps its path open. Add ip_rules or virtual_network_subnet_ids for the agents that run Terraform, because creating keys and key versions goes through the data plane too."),
dict(key="A4", style="agent", form="context", kind="value", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="Context: crlinnet's user-assigned identity needs its role in linnethsm, which holds three keys belonging to different teams. Question: at which scope in the Managed HSM should the role be assigned, and what would /keys or / grant instead?",
canonical=[O + "identity-and-key-access-requirements"], related=[M + "local-rbac-roles-for-acr-encryption", A + "grant-access-to-a-key-in-a-managed-hsm", M + "requirements-for-a-managed-hsm-key-store"],
facts=["/keys: every key in the HSM."], answer_facts=["preferably scoped to the key", "acr never creates the assignment for you"],
truth="Scope it to the one key, /keys/<key name>: that is least privilege and still covers all versions of that key. At /keys the identity could wrap and unwrap with every team's key, at / with anything in linnethsm. The role is Managed HSM Crypto Service Encryption User, given to the identity's principal ID with az keyvault role assignment create --hsm-name linnethsm ... --assignee-principal-type MSI; ACR never creates it."),
dict(key="A5", style="agent", form="context", kind="troubleshoot", category="hsm", quals=["hsm", "oct2026"], flags=[],
question="Context: we imported our own key into gullhsm as gull-kek-2027, and rotating crgull to it fails; the key's operations are just sign and verify. Question: why isn't this Managed HSM key supported, and how do we fix it?",
canonical=[T + "managed-hsm-key-has-the-wrong-type-or-operations"], related=[M + "requirements-for-a-managed-hsm-key-store", M + "rotate-a-managed-hsm-key", O + "bring-your-own-key-byok"],
facts=["Expect kty RSA-HSM and an ops list that contains wrapKey and unwrapKey"], answer_facts=["the key itself must allow the operations", "cannot wrap and unwrap the registry's keys"],
truth="The key doesn't permit what the registry does with it: ACR needs an RSA-HSM key that is allowed to wrapKey and unwrapKey, and a key limited to sign and verify can't wrap the registry's keys, whatever role the identity holds. Import the key material again as a new version of gull-kek-2027 with wrapKey and unwrapKey permitted, or, if your own material isn't required, create a version in the HSM with az keyvault key create --hsm-name gullhsm --name gull-kek-2027 --kty RSA-HSM --ops wrapKey unwrapKey. Because it is a new key name, crgull's identity also needs Managed HSM Crypto Service Encryption User at /keys/gull-kek-2027; then run rotate-key again."),
dict(key="A6", style="agent", form="imperative", kind="why", category="iac", quals=["iac"], flags=[],
question="Explain why our Terraform registry resource needs depends_on for the role assignment when it already references the identity and the key and the plan graph looks complete",
canonical=[C + "why-the-registry-needs-depends_on-on-the-role-assignment"], related=[C + "complete-terraform-example-with-key-vault-role-assignment-and-registry", T + "registry-creation-cannot-access-the-key", C + "common-terraform-and-bicep-errors-with-acr-encryption"],
facts=["A new role assignment can also take a few minutes to take effect"], answer_facts=["but not the role assignment", "may create both in parallel"],
truth="Because nothing in the registry points at the role assignment. Terraform orders resources only through references, so it can create the registry and the grant at the same time, yet the key has to be usable by the registry the moment it is created; without the grant in place the create fails with Failed to access KeyId. depends_on makes the grant come first. A fresh assignment can also lag by a few minutes, so a second apply or a time_sleep between grant and registry can be needed as well."),
dict(key="A7", style="agent", form="context", kind="yes", category="identity", quals=[], flags=["two_facts"],
question="Context: crfinch encrypts with id-finch-old, which must be retired in favour of id-finch-new, both user-assigned, and the key sits in an RBAC vault. Question: can encryption move to id-finch-new while id-finch-old stays attached, without an outage?",
canonical=[I + "switch-to-a-different-user-assigned-identity", I + "the-encryption-identity-cannot-simply-be-removed"],
related=[I + "how-rotate-key-interprets-the---identity-value", K + "rotate-with-a-different-identity-or-the-system-assigned-identity", A + "grant-access-with-an-azure-rbac-role"],
facts=["Only after az acr encryption show reports the new client ID should the old identity be detached or lose its access."], answer_facts=["then rotate to it", "refuses to detach the identity that encryption"],
truth="Yes: attach id-finch-new to crfinch, grant its principal the vault's service encryption role, then rotate with the key URI crfinch already uses and --identity pointing at id-finch-new's resource ID. id-finch-old keeps its attachment and its role until the encryption settings show id-finch-new's client ID; detaching it before that is refused and can leave rotation failing as well."),
dict(key="A8", style="agent", form="keywords", kind="no", category="iac", quals=["iac"], flags=[],
question="terraform encryption block added to the existing premium registry crshag, in-place update that enables cmk or not",
canonical=[C + "adding-cmk-to-an-existing-registry-with-terraform-or-bicep"], related=[O + "moving-an-existing-registry-to-cmk", C + "where-terraform-bicep-and-avm-differ-from-the-acr-docs", T + "key-rotation-fails-on-a-registry-without-cmk"],
facts=["ACR accepts a customer-managed key only when the registry is created."], answer_facts=["plans an in-place update", "every image in it"],
truth="No: a registry gets its customer-managed key at creation or not at all. azurerm treats the new block as an in-place change, not a replacement, and the service should refuse it when applied. Declare a second, key-encrypted registry under another name, bring the images over with az acr import, move clients over and remove crshag afterwards; -replace would delete crshag together with all of its images."),
dict(key="A9", style="agent", form="context", kind="troubleshoot", category="setup", quals=[], flags=[],
question="Context: kv-knot, created years ago, uses access policies; we gave crknot's identity the vault's service encryption role through Azure RBAC, yet az acr create still says the identity lacks Get, Wrap Key and Unwrap Key. Question: what is wrong?",
canonical=[A + "two-supported-ways-to-grant-key-access"], related=[T + "role-assignment-has-no-effect-on-an-access-policy-vault", A + "grant-access-with-a-key-vault-access-policy", A + "which-permission-model-does-my-key-vault-use"],
facts=["In every case the grant goes to the identity's principal ID (object ID), never to its client ID or resource ID."], answer_facts=["matching the vault's permission model", "policies are vault-wide"],
truth="The grant doesn't match the vault's permission model. kv-knot uses access policies, and on such a vault a role assignment grants nothing; give the identity's principal ID a policy with the key permissions get, wrapKey and unwrapKey (az keyvault set-policy -n kv-knot --object-id <principal ID>), then run az acr create again. az keyvault show --query properties.enableRbacAuthorization tells you the model up front: false or empty means access policies."),
dict(key="A10", style="agent", form="keywords", kind="value", category="setup", quals=["iac"], flags=[],
question="bicep roleassignments resource granting the acr identity its key access, roledefinitionid guid for the service encryption user role on the vault",
canonical=[A + "grant-access-with-an-azure-rbac-role"], related=[C + "bicep-registry-with-a-customer-managed-key", S + "set-up-cmk-with-an-arm-template", A + "use-the-object-id-and-the-serviceprincipal-principal-type-for-managed-identities"],
facts=["--scope is required by current CLI versions"], answer_facts=["e147488a-f6f5-4113-8e2d-b22465e65bf6", "needs as its role definition"],
truth="e147488a-f6f5-4113-8e2d-b22465e65bf6. Put it in roleDefinitionId through subscriptionResourceId('Microsoft.Authorization/roleDefinitions', ...), scope the assignment to the vault, set principalId to the identity's principal ID with principalType ServicePrincipal, and give the registry a dependsOn on the assignment."),
dict(key="A11", style="agent", form="imperative", kind="howto", category="identity", quals=[], flags=[],
question="Write the commands that create id-sora and capture the three IDs a CMK setup needs, noting which later command or template field takes each of them",
canonical=[I + "create-the-user-assigned-identity-and-capture-its-ids"], related=[I + "which-identity-value-goes-where", S + "step-2-create-a-user-assigned-managed-identity-and-capture-its-ids", I + "a-user-assigned-identity-is-required-when-the-registry-is-created"],
facts=["copy the ID your own az identity show returns, never one rebuilt from that sample."], answer_facts=["the three ids you will need later", "always the identity's own name"],
truth="az identity create --name id-sora --resource-group <rg>, then read id, principalId and clientId with az identity show --name id-sora --resource-group <rg> --query <field> --output tsv. The resource ID (id) goes to az acr create --identity and az acr identity assign; the principal ID to every key grant (set-policy --object-id, role assignments, Managed HSM local roles); the client ID to the ARM field keyVaultProperties.identity or to rotate-key --identity. Copy the id that az identity show returns instead of rebuilding it; the tutorial's sample output ends in the wrong segment."),
dict(key="A12", style="agent", form="imperative", kind="howto", category="iac", quals=["iac"], flags=[],
question="Show the Terraform for crtwite's key so that Key Vault creates a new version every 90 days and the registry follows each one without a plan diff",
canonical=[C + "automatic-key-rotation-in-terraform-versionless_id-vs-id"], related=[K + "rotate-on-a-schedule-with-a-key-vault-rotation-policy", C + "terraform-azurerm_container_registry-encryption-block", C + "complete-terraform-example-with-key-vault-role-assignment-and-registry"],
facts=["versionedKeyIdentifier in az acr encryption show shows the version in use."], answer_facts=["an encryption change on the next apply", "create them with a rotation_policy block"],
truth="Give the azurerm_key_vault_key a rotation_policy block with an automatic rule (for example time_after_creation = \"P90D\", plus expire_after if you want an expiry) so that Key Vault creates the versions, and set encryption.key_vault_key_id on crtwite to the key's versionless_id, not id. The registry then switches to every new version by itself, within an hour, and Terraform sees no change, since the versionless ID stays the same. Don't feed it a data source's id either: that is the newest versioned URI at every refresh and turns each new version into an encryption change."),
]

OFF = "off-topic"
QX = [
dict(key="X1", style="long", kind="off-topic", category=OFF, subject="awx", near_miss=True,
question="""AWX runs our deployment jobs, and the execution environments it starts are pulled from our container registry with a registry credential stored in AWX. AWX encrypts every stored credential with one instance-wide key generated at install time, and since the engineer who installed it has left, our auditors want that key replaced. How do we rotate the key AWX uses to encrypt credentials, get the registry credential and all the others re-encrypted, and keep scheduled jobs running while we do it?""",
truth="Not covered: replacing the key an AWX installation uses to encrypt its stored credentials is an automation-platform task, and the ACR customer-managed key knowledge doesn't deal with it."),
dict(key="X2", style="long", kind="off-topic", category=OFF, subject="nifi", near_miss=True,
question="""Our data engineers keep their flow versions in NiFi Registry, and the flows they commit there carry sensitive properties encrypted with the sensitive properties key configured in nifi.properties on the NiFi nodes. That key ended up in a public repository by mistake. How do we change the sensitive properties key without losing the encrypted values in flows already versioned in the registry, and what has to happen on each NiFi node?""",
truth="Not covered: changing the NiFi sensitive properties key for flows kept in NiFi Registry is a data-flow platform question, not Azure Container Registry encryption."),
dict(key="X3", style="long", kind="off-topic", category=OFF, subject="tang", near_miss=True,
question="""The hosts of our on-premises caching mirror for the container registry keep their disks encrypted and unlock them at boot by contacting two tang servers on the build network. Our security policy now requires the tang servers' signing and exchange keys to be rotated every year. How do we rotate the keys on the tang servers without leaving the mirror hosts unable to unlock after their next reboot, and when is it safe to delete the old key material?""",
truth="Not covered: rotating tang server keys for network-bound disk unlocking is host-security tooling that lies outside the ACR CMK material."),
dict(key="X4", style="long", kind="off-topic", category=OFF, subject="git-secret", near_miss=True,
question="""Our deployment repository keeps the password for pushing to our container registry in a file encrypted with git-secret, and every engineer who may read it has their public key registered with the repository. One of them left last week. How do we remove that person's key and re-encrypt the registry password so they can't read future versions, and what about the copies that are already in the git history?""",
truth="Not covered: removing a person from a git-secret setup and re-encrypting its files is repository secrets management, unrelated to customer-managed keys on a container registry."),
dict(key="X5", style="long", kind="off-topic", category=OFF, subject="goreleaser", near_miss=True,
question="""Our Go services are released with GoReleaser, which builds the binaries, pushes the container images to our registry and signs the checksums file with a signing key kept as a CI secret. Security wants that key replaced before the next major release. How do we bring a new signing key into the GoReleaser configuration so that people verifying older releases aren't confused, and how should the new public key be published?""",
truth="Not covered: swapping the key GoReleaser signs release checksums with is a release-engineering topic, outside ACR encryption with customer-managed keys."),
dict(key="X6", style="long", kind="off-topic", category=OFF, subject="kubeseal",
question="""The pull secret our workloads use for the container registry sits in our deployment repository in encrypted form, produced with kubeseal. The in-cluster controller renewed its key pair last month, as it does every thirty days, and now someone asks whether the older encrypted files still work or must be produced again. What happens to existing files when the controller's key is renewed, and how do we re-encrypt them with the newest key?""",
truth="Not covered: key renewal in the kubeseal controller and re-encrypting files for it is a cluster secrets question; the ACR CMK knowledge has nothing on it."),
dict(key="X7", style="agent", form="context", kind="off-topic", category=OFF, subject="saltstack",
question="Context: our SaltStack master hands the registry credentials to minions through pillar data. Question: how do we rotate the master's key pair and get every minion to accept the new one?",
truth="Not covered: rotating a SaltStack master key and having minions accept it again is configuration-management work, not part of ACR customer-managed key encryption."),
dict(key="X8", style="agent", form="imperative", kind="off-topic", category=OFF, subject="node-red",
question="Explain how to change the credentialSecret of our Node-RED instance without losing the credentials already stored in its flows",
truth="Not covered: changing the credential encryption setting of Node-RED is a flow-editor administration question outside the ACR CMK knowledge."),
dict(key="X9", style="agent", form="keywords", kind="off-topic", category=OFF, subject="typesense",
question="typesense api key rotation for the search cluster behind our internal image catalogue with zero downtime",
truth="Not covered: rotating Typesense API keys is a search-engine operation that the ACR customer-managed key docs don't touch."),
dict(key="X10", style="short", kind="off-topic", category=OFF, subject="meilisearch",
question="meilisearch master key rotation without breaking the api keys we already issued?",
truth="Not covered: changing the master key of a Meilisearch instance is search-server administration, beyond ACR customer-managed keys."),
dict(key="X11", style="short", kind="off-topic", category=OFF, subject="zigbee2mqtt",
question="zigbee2mqtt network key change without re-pairing every device?",
truth="Not covered: changing the network key of a zigbee2mqtt setup is home-automation tooling that the ACR CMK material leaves out."),
dict(key="X12", style="short", kind="off-topic", category=OFF, subject="dendrite",
question="dendrite matrix homeserver signing key rotation steps",
truth="Not covered: rotating the signing key of a Dendrite homeserver is a chat-federation question that the ACR CMK knowledge does not address."),
]

QUESTIONS = QL + QS + QA + QX
SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
TYPOS = {"definately": "definitely", "occured": "occurred", "happend": "happened"}
SHAPES = ["two_facts", "nslookup_output", "dockerfile", "windows_event_log", "monitor_alert_payload",
          "checkov_finding"]
SEED = 58
ID_PREFIX = "n"

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
SPREAD_SETS = (57, 56)
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
    """(blind58.json text, blind58-meta.json text, blind58-first-canonicals.txt text)"""
    entries, meta = build()
    j = json.dumps(entries, indent=1, ensure_ascii=False) + "\n"
    m = json.dumps(meta, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    firsts = [e["canonical"][0] for e in entries if e["canonical"]]
    f = "\n".join(firsts) + "\n"
    return j, m, f


def main(out=HERE):
    j, m, f = render()
    for name, text in (("blind58.json", j), ("blind58-meta.json", m), ("blind58-first-canonicals.txt", f)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
