#!/usr/bin/env python3
"""Builds eval/dev-long.json: the dev and held-out questions wrapped the way long
real-world questions come (greetings, context, pasted configuration, CLI output or
logs, sign-offs). The labels are the core question's, so the set measures whether a
1,500-character question ranks as well as its core. The filler is written for this
script; it quotes nobody. Deterministic: rerun to regenerate the same file."""
import hashlib
import json
import os

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")

OPENINGS = [
    "Hi all, hoping someone can point me in the right direction here.",
    "Hello team! We are migrating a few workloads this sprint and ran into something I could not figure out from the docs.",
    "Not sure if this is the right place to ask, apologies in advance if not.",
    "Quick question from our platform team, we have been going back and forth on this internally for a couple of days.",
    "Hey, I've read through the documentation a few times now and I'm still a bit confused.",
    "Good morning. Context: we run about forty microservices and push images from GitHub Actions and Azure Pipelines.",
]
CLOSINGS = [
    "Thanks in advance for any help, much appreciated!",
    "Any pointers would be great. Cheers.",
    "Happy to provide more details if needed. Thank you!",
    "We are on a tight deadline so a quick answer would really help, thanks a lot.",
    "Let me know if you need logs or anything else.",
    "Thanks!! Sorry for the long post.",
]
PASTES = [
    """Our current setup (trimmed):
```hcl
resource "azurerm_resource_group" "main" {
  name     = "rg-platform-prod"
  location = "westeurope"
  tags = {
    owner      = "platform"
    costcenter = "4711"
  }
}

module "network" {
  source              = "./modules/network"
  resource_group_name = azurerm_resource_group.main.name
  address_space       = ["10.20.0.0/16"]
}
```""",
    """Output of the last run:
```
{
  "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-platform-prod",
  "location": "westeurope",
  "managedBy": null,
  "name": "rg-platform-prod",
  "properties": {
    "provisioningState": "Succeeded"
  },
  "tags": {
    "owner": "platform"
  },
  "type": "Microsoft.Resources/resourceGroups"
}
```""",
    """Pipeline log excerpt:
```
2026-11-12T08:14:03.512Z [info] Starting job 7f3e2a91-5c0d-4b8e-9e21-3a6f0c9d1b44
2026-11-12T08:14:05.020Z [info] Checking out repository at commit 9c1d2e3f4a5b
2026-11-12T08:14:19.871Z [info] Restoring cache key linux-x64-node20-3b5c
2026-11-12T08:15:42.006Z [info] Step 4/9 finished in 82.3s
```""",
    """Environment:
- az version 2.91.0 on Ubuntu 22.04 (WSL)
- terraform 1.9.8, azurerm provider pinned in versions.tf
- subscription is in West Europe, landing zone with hub and spoke
- we deploy from a self-hosted agent in the spoke network""",
    """Here's our Bicep parameters file for the environment:
```bicep
param environmentName string = 'prod'
param location string = resourceGroup().location
param tags object = {
  workload: 'shipping'
  criticality: 'high'
}
```""",
    """Kubernetes side, in case it matters:
```yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders-api
spec:
  replicas: 3
  template:
    spec:
      containers:
        - name: orders-api
          ports:
            - containerPort: 8080
```""",
]
CONTEXT = [
    "Our compliance people asked us to sort this out before the next audit.",
    "We are a small team and nobody here has done this before.",
    "This is for the production subscription, the dev one is fine for now.",
    "I already searched GitHub issues and Stack Overflow without luck.",
]


def pick(items, key, salt):
    h = int(hashlib.sha256(f"{salt}:{key}".encode()).hexdigest(), 16)
    return items[h % len(items)]


def main():
    out = []
    for name in ("questions.json", "heldout.json"):
        with open(os.path.join(ROOT, "eval", name)) as f:
            for q in json.load(f):
                if not q["canonical"]:
                    continue
                k = q["id"]
                text = "\n\n".join([
                    pick(OPENINGS, k, "open") + " " + pick(CONTEXT, k, "ctx"),
                    q["question"],
                    pick(PASTES, k, "paste"),
                    pick(CLOSINGS, k, "close"),
                ])
                long_q = dict(q)
                long_q["id"] = "long-" + k
                long_q["category"] = "long_" + q["category"]
                long_q["question"] = text
                out.append(long_q)
    with open(os.path.join(ROOT, "eval", "dev-long.json"), "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"{len(out)} questions written to eval/dev-long.json")


if __name__ == "__main__":
    main()
