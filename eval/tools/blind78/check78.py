"""blind78 validator: prints OK, or one line per problem and exits 1.
Env overrides: BLIND78_DIR, BLIND78_KROOT, BLIND78_FACTS."""
import importlib.util
import base64
import csv
import functools
import html
import html.entities
import json
import os
import re
import shlex
import sys
import urllib.parse

DIR = os.environ.get("BLIND78_DIR", os.path.dirname(os.path.abspath(__file__)))
KROOT = os.environ.get("BLIND78_KROOT", "/work/scratch/blind78/kstripped")
FACTS = os.environ.get("BLIND78_FACTS", "/work/shared/facts")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kparse  # noqa: E402

SOURCE = "written blind by a helper from the fact sheets"
KEYS = ["id", "category", "question", "canonical", "related", "facts", "answer_facts", "source", "truth"]
CATEGORIES = {"keys", "hsm", "network", "recovery", "limits", "iac", "identity", "setup",
              "troubleshooting", "rotation", "off-topic"}
KINDS = {"howto": 14, "troubleshoot": 13, "value": 6, "yes": 4, "no": 4, "why": 3, "undocumented": 4,
         "off-topic": 12}
STYLES_ON = {"agent": 12, "short": 12, "long": 24}
STYLES_OFF = {"agent": 3, "short": 3, "long": 6}
FORMS_ON = {"context": 5, "imperative": 4, "keywords": 3}
REF_DOCS = ["identities", "infrastructure-as-code", "key-rotation", "key-vault-access", "limitations",
            "managed-hsm", "networking", "overview", "revocation-and-recovery", "setup-cli",
            "troubleshooting"]
SHAPES = ["two_facts", "email_thread", "assistant_chat_copy", "python_logging", "watch_output",
          "runbook_front_matter"]
# two_facts is a floor; each new shape must be used exactly SHAPE_EXACT times
SHAPE_FLOORS = {"two_facts": 4}
SHAPE_EXACT = {"email_thread": 5, "assistant_chat_copy": 5, "python_logging": 5, "watch_output": 5,
               "runbook_front_matter": 5}
NEW_SHAPES = list(SHAPE_EXACT)
# the shapes of blind52 to blind77: no question of the set may show any of them (detected in the text, flag or no
# flag); their flags are unknown fields (DROPPED_FIELDS)
OLD_SHAPES = {"tldr_summary": 52, "caps_shouting": 52, "smart_punctuation": 52, "jmespath_query": 52,
              "regex_pattern": 52, "shell_history": 53, "dotenv_file": 53, "ansi_escape_codes": 53,
              "strikethrough_correction": 53, "percent_encoded_uri": 53, "merge_conflict_markers": 54,
              "jira_markup": 54, "html_entities": 54, "numbered_subquestions": 54, "jwt_token": 54,
              "python_traceback": 55, "details_block": 55, "screenshot_embed": 55, "double_encoded_json": 55,
              "escaped_markdown": 55, "gha_log_groups": 56, "powershell_error_record": 56, "kubectl_events": 56,
              "ndjson_log": 56, "logfmt_line": 56, "curl_verbose": 57, "git_log_oneline": 57, "csv_export": 57,
              "crontab_line": 57, "copilot_refs": 57, "nslookup_output": 58, "dockerfile": 58,
              "windows_event_log": 58, "monitor_alert_payload": 58, "checkov_finding": 58, "openssl_key_text": 59,
              "ini_config": 59, "ps_format_list": 59, "ansible_output": 59, "oci_manifest": 59,
              "pytest_failure": 60, "github_alert": 60, "changelog_entry": 60, "maven_build_log": 60,
              "azd_output": 60, "make_error": 61, "mermaid_diagram": 61, "nodejs_error": 61, "dotnet_exception": 61,
              "jenkins_console": 61, "github_suggestion": 62, "go_test_failure": 62, "systemd_journal": 62,
              "python_repl": 62, "browser_console": 62, "cli_help_text": 63, "acr_task_log": 63,
              "gherkin_feature": 63, "dir_tree": 63, "precommit_hooks": 63, "md_footnotes": 64,
              "role_definition_json": 64, "tf_lock_file": 64, "docs_feedback_block": 64, "openapi_schema": 64,
              "adr_record": 65, "learn_page_copy": 65, "arrow_annotations": 65, "redacted_paste": 65,
              "graph_sp_object": 65, "service_tag_json": 66, "resource_change_record": 66, "hex_dump": 66,
              "pac_file": 66, "fence_file_labels": 66, "replication_list": 67, "cloud_profile": 67,
              "aks_check_acr": 67, "az_account_json": 67, "slide_outline": 67, "name_check_json": 68,
              "tag_detail_json": 68, "xml_prompt_tags": 68, "portal_review_summary": 68, "keyvault_event_json": 68,
              "mcp_tool_call": 69, "resource_graph_result": 69, "private_endpoint_json": 69,
              "deployment_outputs_json": 69, "dependabot_pr_body": 69, "docker_push_output": 70,
              "gitlab_job_log": 70, "keyvault_audit_log": 70, "java_exception": 70, "asciidoc_runbook": 70,
              "go_sdk_error": 71, "pulumi_output": 71, "webvtt_transcript": 71, "terraform_test_run": 71,
              "compose_file": 71, "bicep_diagnostics": 72, "whatif_output": 72, "terraform_state_show": 72,
              "skopeo_copy": 72, "oras_output": 72, "kubectl_get_pods": 73, "dig_answer": 73,
              "terraform_import_output": 73, "grafana_alert": 73, "service_health_notice": 73,
              "argocd_app_get": 74, "servicenow_change": 74, "renovate_pr": 74, "conftest_output": 74,
              "netcat_probe": 74, "bash_xtrace": 75, "prometheus_metrics": 75, "rollout_status": 75,
              "hosts_file": 75, "bicepparam_file": 75, "az_yaml_output": 76, "azure_pipelines_yaml": 76,
              "react_trace": 76, "http_request_file": 76, "issue_form": 76, "ls_listing": 77,
              "grep_matches": 77, "cloud_shell_session": 77, "access_log": 77, "coding_agent_transcript": 77}
# detectors of earlier shapes that also fire on questions written before their set (caps_shouting: 19 items of
# blind22-51 besides blind52's five; jmespath_query: 149 items of blind19-51 and a sixth blind52 item besides blind52's
# five; dotenv_file: blind50 f002 besides blind53's five); every other detector of OLD_SHAPES finds exactly its own
# set's five items in blind19-77 and nothing else, which the checker verifies on every run
DETECT_LOOSE = {"caps_shouting", "jmespath_query", "dotenv_file"}
META_KEYS = {"style", "kind", "form", "quals", "qual", "typo", "subject", "near_miss"} | set(SHAPES)
TYPOS = {"whithout", "configration", "automaticaly"}
ERROR_ANCHORS = [
    "Cannot set policies to a vault with '--enable-rbac-authorization' specified",
    "Failed to access KeyId",
    "ForbiddenByFirewall",
    "'wrap' is not a valid value for '--key-permissions'",
]
BANNED_SUBJECTS = [
    # blind77 (its twelve subjects, then other products and settings its off-topic questions and truths name)
    "bookwyrm", "shlink", "mautic", "windmill", "taiga", "traccar", "openhab", "posthog", "radarr", "docuseal",
    "filebrowser", "osticket",
    "reading history", "social reading", "custom slugs", "url-shortener", "short links", "campaign", "site key",
    "marketing tool", "third-party accounts", "outside agency", "automation scripts", "shared drive",
    "script platform", "sprints", "user stories", "ready for test", "project-management", "geofence", "vehicle",
    "gps tracking", "heating", "radiator setpoint", "window contact", "product analytics", "support bundle",
    "public issue", "analytics product", "1080p", "2160p", "release selection", "media-library",
    "contract signing", "sales office", "ci job output", "external collaborators", "document-signing",
    "share link", "file manager", "file browser", "support desk", "mailboxes", "wrong cloud subscription",
    "support-desk", "stale user stories", "credentials of the sources", "heating control", "movie", "key setting",
    "self-host", "webhook",
    # blind76 (its twelve subjects, then other products and settings its off-topic questions and truths name)
    "budibase", "kestra", "metube", "anytype", "jellyseerr", "zoneminder", "lidarr", "flowise", "tautulli", "teamspeak",
    "prefect", "dolibarr",
    "admin screens", "warehouse", "connection settings", "env file", "contractor", "laptop", "data loads",
    "encrypted inputs", "application.yml", "public fork", "past executions", "aes key", "orchestrator", "playlist",
    "upload date", "video download front end", "sync server", "relatives", "films", "requests per week",
    "request quotas", "media request tool", "motion zones", "camera", "busy street", "video-surveillance",
    "lossless releases", "320 kbps", "mp3", "quality profiles", "upgrade rules", "music-collection", "agent workflows",
    "ai services", "diagnostics archive", "workflow tool", "weekly report", "most watched titles",
    "media-server statistics", "gaming club", "privilege key", "club forum", "admin rights", "voice-chat", "analysts",
    "flaky partner service", "team channel", "growing delay", "failure notifications", "workflow-orchestration",
    "finance office", "conf.php", "outside consultancy", "erp", "leaked key", "self-hosted sync",
    # blind75 (its twelve subjects, then other products and settings its off-topic questions and truths name)
    "dagster", "espocrm", "funkwhale", "ihatemoney", "invoiceplane", "koel", "librechat", "mkdocs", "owncast",
    "papermerge", "smokeping", "writefreely",
    "assistant front end", "model services", "creds_key", "creds_iv", "build log", "latency", "branch sites",
    "probe targets", "alert threshold", "target groups", "latency-monitoring", "engineering blog", "keys folder",
    "key files", "wrong bucket", "writers", "blogging-platform", "text recognition", "scanned letters",
    "recognition languages", "document-management", "music library", "mounted folder", "audio platform",
    "sales team", "mail accounts", "mail credentials", "former admin", "crm", "town hall", "stream key",
    "screen share", "broadcast", "encoder settings", "obs", "live-streaming", "client bills", "ipconfig",
    "security review", "billing application", "split a bill", "uneven splits", "data team", "nightly jobs",
    "hourly partitions", "partition mappings", "data-orchestration", "materialises", "strict link validation",
    "documentation-build", "flac", "music streaming",
    # blind74 (its twelve subjects, then other products and settings its off-topic questions name)
    "formbricks", "strapi", "borgmatic", "akaunting", "pterodactyl", "gotenberg", "readeck", "hledger", "mediawiki",
    "beancount", "fider", "invidious",
    "customer feedback", "survey product", "stored values", "headless cms", "public website", "app keys", "app key",
    "admin logins", "support call", "pasted log", "accounting app", "subsidiaries", "auditors", "game servers",
    "game-server panel", "old maintainer", "archiving tool", "archive run", "database hooks", "html reports",
    "pdf files", "paper size", "conversion request", "document-conversion", "read-it-later", "offline reading",
    "journal file", "household", "freelance accounts", "balance assertions", "opening balances",
    "plain-text accounting", "yearly files", "localsettings.php", "upgrade key", "chat channel", "web installer",
    "stock split", "accounting language", "feedback board", "duplicate posts", "supporters", "channel list",
    "channel lists", "video front-end",
    # blind73 (its twelve subjects, then other products and settings its off-topic questions name)
    "directus", "siyuan", "dashy", "logseq", "technitium", "changedetection", "tooljet", "plausible", "psono",
    "docmost", "zipline", "lychee",
    "changedetection.io", "plausible analytics", "product catalogue", "signing value", "penetration test",
    "user sessions", "uploaded files", "content platform", "sync notes", "note synchronisation", "note app",
    "start-page", "link sections", "static site", "private journal", "outliner", "name lookups", "office network",
    "advertising domains", "block lists", "name-server", "supplier price page", "website-monitoring",
    "back-office apps", "app builder", "database credentials", "database connections", "departing contractor",
    "marketing sites", "analytics app", "web-analytics", "session signing key", "password manager", "server key",
    "settings file", "audit finding", "engineering handbook", "documentation-wiki", "bulk move", "internal links",
    "upload links", "login sessions", "file-sharing", "exif metadata", "photo-gallery",
    # blind72 (its twelve subjects, then other products and settings its off-topic questions name)
    "hoppscotch", "leantime", "chatwoot", "documenso", "memos", "activepieces", "monica", "freescout", "rallly",
    "typebot", "langfuse", "kasm",
    "kasm workspaces", "web requests", "environments", "collections", "data encryption key", "support forum",
    "project timelines", "spreadsheet", "milestone", "milestones", "customer conversations", "inbox", "inboxes",
    "contracts", "e-signature", "signed documents", "business automations", "automations", "connection credentials",
    "birthday reminders", "shared mailbox", "mailbox", "poll", "polls", "chatbot", "chatbots", "llm calls",
    "provider credentials", "playground", "browser session", "quick notes", "single sign-on", "company accounts",
    "help-desk", "observability tool", "remote-desktop", "note-taking",
    # blind71 (its twelve subjects, then other products and settings its off-topic questions name)
    "collabora", "pocketbase", "appsmith", "invoice ninja", "yourls", "tube archivist", "pinchflat", "scrutiny",
    "karakeep", "glance", "wakapi", "tududi",
    "collabora online", "proof key", "document editing", "file platform", "intranet", "old snapshot",
    "smtp password", "app settings", "team chat", "datasource", "datasources", "internal tools", "low-code",
    "payment gateway", "deployment log", "invoicing", "link shortener", "cookie key", "login cookies", "admin area",
    "conference talks", "downloads folder", "re-index", "rss widget", "widget", "inference server",
    "automatic tagging", "local model", "reallocated sectors", "disk health", "coding history", "task list",
    "episodes", "training library", "bookmark", "time-tracking",
    # blind70 (its twelve subjects, then other products and settings its off-topic questions name)
    "homarr", "ntfy", "owntracks", "dozzle", "radicale", "listmonk", "etesync", "teslamate", "gatus", "valetudo",
    "spoolman", "linkwarden",
    "tesla", "tesla account", "encryption_key", "company vehicles", "vehicle-logging", "drive history", "recorder",
    "location payloads", "location updates", "phones", "web push", "public repository", "dashboard", "integrations",
    "wiki page", "calendars and contacts", "encryption password", "sync service", "research links", "archived pdf",
    "screenshot", "status page", "endpoints", "docker host", "double opt-in", "confirmation email", "subscribers",
    "newsletter", "filament", "spool", "3d-printing", "shared calendar", "caldav", "maps", "two floors",
    "robot-vacuum", "log-viewer", "link-saving",
    # blind69 (its twelve subjects, then other products and settings its off-topic questions name)
    "nocodb", "tasmota", "calibre-web", "oxidized", "octoprint", "penpot", "grist", "excalidraw", "adguard home",
    "baserow", "actual budget", "netbox",
    "sql database", "relay", "timer rules", "home-automation", "covers", "e-book", "books", "running configs",
    "switches", "ssh key", "nightly backups", "webcam", "3d-printer", "3d printer", "custom fonts", "pdf export",
    "design tool", "budget tables", "row-level", "architecture sketches", "shared drawing", "whiteboard",
    "public channel", "dns-over-https", "encrypted dns", "tls certificate", "team drive", "workspace",
    "shared expenses", "end-to-end encryption", "key password", "budget file", "secret_key", "source of truth",
    # blind68 (its twelve subjects, then other products and settings its off-topic questions name)
    "wger", "searxng", "fluent bit", "kiwix", "resilio sync", "languagetool", "coder", "ghostfolio", "netdata",
    "stirling-pdf", "unraid", "lubelogger",
    "workout plans", "exercise images", "search engine", "fluentd", "forward protocol", "shared key", "wikipedia",
    "kiwix-serve", "start page", "read-write key", "tarballs", "ngram", "n-gram", "provisioner key",
    "provisioners", "workspace images", "transaction export", "streaming key", "pdf/a", "ocr", "license key",
    "boot drive", "two cars",
    # blind67 (its twelve subjects, then other products and settings its off-topic questions name)
    "planka", "healthchecks", "snipe-it", "beszel", "openproject", "docspell", "homebox", "defectdojo", "librespeed",
    "glitchtip", "kitchenowl", "flagsmith",
    "ping key", "vulnerability findings", "dsn", "crash reports", "environment key", "canary hosts", "hub key",
    "public key", "work packages", "full-text index", "shopping list", "admin password", "line speed",
    # blind66 (its twelve subjects, then other products and settings its off-topic questions name)
    "peertube", "uptime kuma", "sourcehut", "wekan", "zuul", "linkding", "tandoor", "urbackup", "dokuwiki", "esphome",
    "frigate", "meshcentral",
    "project key", "scheduler", "builds.sr.ht", "build secret", "build manifest", "identity key", "agent certificate",
    "api key", "status dashboard", "object storage", "transcoding", "page history", "database dump",
    "browser extension", "bookmarks", "over-the-air",
    # blind65 (its twelve subjects, then other products and settings its off-topic questions name)
    "gerrit", "photoprism", "trilium", "syslog-ng", "lemmy", "easy-rsa", "yggdrasil", "weblate", "komga",
    "audiobookshelf", "flarum", "grocy",
    "replication plugin", "collector", "client certificates", "certificate authority", "mesh network",
    "yggdrasil.conf", "listening progress", "library scan", "network share", "comic files", "barcode scanner",
    "translated strings", "change announcements",
    # blind64 (its twelve subjects, then other products and settings its off-topic questions name)
    "checkmk", "crowdsec", "kea", "greenbone", "znc", "lighttpd", "telegraf", "gotify", "munin", "vikunja", "piwigo",
    "kavita",
    "monitoring site", "agent ca", "bouncer", "caching proxy", "nginx", "tsig", "tsig key", "dns server",
    "scan credential", "authenticated scans", "znc.pem", "influxdb", "write credential", "message history",
    "munin node", "epub",
    # blind63 (its twelve subjects, then other products and settings its off-topic questions name)
    "freshrss", "gitolite", "hitch", "monit", "redmine", "dropbear", "librenms", "openresty", "jitsi", "ejabberd",
    "mumble", "kanboard",
    "read states", "admin repository", "admin repo", "pem bundle", "image cache", "pen test", "jump host",
    "host key", "host keys", "fingerprint warnings", "snmpv3", "authentication key", "privacy key", "device-down",
    "catalogue site", "lua", "videobridge", "web interface", "pem file", "request tracker", "registered users",
    "channel permissions", "chat room",
    # blind62 (its twelve subjects, then other products and settings its off-topic questions name)
    "stunnel", "squid", "varnish", "unbound", "pgbouncer", "chrony", "prosody", "zammad", "proftpd", "coturn",
    "owncloud", "matomo",
    "xmpp", "ftps", "varnishadm", "admin secret", "unbound-control", "unbound-control-setup", "control keys", "nts",
    "nts key", "static auth secret", "instance id", "helpdesk", "https listener", "vulnerability-scan dashboard",
    "crypto policy", "branch office", "office cache", "certificate process",
    # blind61 (its twelve subjects, then other products and settings its off-topic questions name)
    "rocket.chat", "foundationdb", "glpi", "libreswan", "openldap", "rsyslog", "keepalived", "kimai", "erpnext",
    "freeradius", "etherpad", "envoy",
    "pre-shared key", "site-to-site", "secrets file", "vrrp", "auth_pass", "virtual address", "siem", "rsyslog relay",
    "session ticket key", "ticket keys", "session resumption", "slapd", "promotion records", "mutual tls",
    "session key", "pads", "shared secret", "vpn concentrators", "inventory passwords", "e2e", "app secret",
    "site backups",
    # blind60 (its twelve subjects, then other products and settings its off-topic questions name)
    "redash", "rudder", "acme.sh", "yugabytedb", "pulsar", "teampass", "spiped", "zulip", "hedgedoc", "plakar",
    "arangodb", "openziti",
    "redash_secret_key", "data source passwords", "rudder server", "server key", "acme", "acme server",
    "account key", "universe key", "apache pulsar", "producer encryption key", "zulip-secrets.conf", "ziti",
    "ziti service", "intermediate ca key", "air-gapped replica", "keyfile", "coordinators", "db servers", "nas",
    "overlay",
    # blind59 (its twelve subjects, then other products and settings its off-topic questions name)
    "scylladb", "ghostunnel", "couchbase", "casdoor", "dotenvx", "bookstack", "yubihsm", "opensearch", "temporal",
    "keylime", "hydra", "rustic",
    "ory", "ory hydra", "system secret", "system key", "data converter", "payload encryption key", "registry mirror",
    "repository key", "sftp", "app_key", "wrap key", "yubihsm 2", "master password", "keystore password", "registrar",
    "verifier", "couchbase server", "internal ca", "certificate key", "encryption-at-rest keys", "release service",
    # blind58 (its twelve subjects, then other products and settings its off-topic questions name)
    "awx", "nifi", "tang", "git-secret", "goreleaser", "kubeseal", "saltstack", "node-red", "typesense", "meilisearch",
    "zigbee2mqtt", "dendrite",
    "execution environments", "registry credential", "instance-wide key", "nifi registry", "nifi.properties",
    "sensitive properties key", "caching mirror", "tang servers", "exchange keys", "checksums file", "ci secret",
    "signing key", "pull secret", "in-cluster controller", "key pair", "pillar", "minions", "credentialsecret",
    "search cluster", "image catalogue", "master key", "network key", "re-pairing", "matrix", "homeserver",
    # blind57 (its twelve subjects, then other products and settings its off-topic questions name)
    "tuf", "portieris", "rauc", "credhub", "melange", "bamboo", "cirrus", "bitrise", "wal-g", "tinc", "serf",
    "bupstash",
    "cloud foundry", "cirrus ci", ".cirrus.yml", "apk", "root metadata", "snapshot metadata", "update bundles",
    "image policies", "instance key", "encrypted variable", "gossip encryption key", "libsodium", "push password",
    "package index", "signing certificate", "keyring", "root key",
    # blind56 (its twelve subjects, then other products and settings its off-topic questions name)
    "storj", "werf", "wasmcloud", "talos", "ejson", "balena", "travis", "appveyor", "litestream", "tarsnap",
    "pgsodium", "signify",
    "talos linux", "machine configuration", "secrets bundle", "webassembly", "issuer key", "travis ci",
    "travis encrypt", "secure variable", "server root key", "balenacloud", "balena api key", "access grant",
    "encryption passphrase", "key file", "release key", "package mirror", "sqlite", "secret values", "secret key",
    # blind55 (its twelve subjects, then other products and settings its off-topic questions name)
    "connaisseur", "chef", "mender", "nebula", "backblaze", "ostree", "oauth2-proxy", "circleci", "dependabot",
    "sqlcipher", "fscrypt", "duplicity",
    "chef-client", "data bag", "b2", "backblaze b2", "cookie secret", "context secret", "trust root",
    "application key", "update artifacts", "pull-through cache", "overlay network", "protector", "rekey", "ed25519",
    "gist",
    # blind54 (its twelve subjects, then other products and settings its off-topic questions name)
    "reprepro", "spire", "nats", "garage", "imgcrypt", "incus", "lldap", "dex", "flux", "argocd", "seafile", "cargo",
    "containerd", "argo cd", "s3", "oidc", "rpc secret", "customer-provided key", "key seed", "image automation",
    "upstream ca", "account signing key", "deploy key", "session secret", "alternative registry",
    # blind53 (its twelve subjects, then other products and settings its off-topic questions name)
    "portworx", "kasten", "flatpak", "in-toto", "akeyless", "trustee", "openebs", "istio", "thanos", "etcd",
    "gopass", "kaniko", "kasten k10", "k10", "gpg", "root layout", "customer fragment", "confidential containers",
    "lvm", "plug-in ca", "aescbc",
    # blind52 (its twelve subjects, then other products and settings its off-topic questions name)
    "aptly", "renovate", "jupyterhub", "chartmuseum", "nix-serve", "bigbluebutton", "roundcube", "atlantis",
    "zerotier", "mealie", "umami", "firefly", "greenlight", "des_key", "auth_state", "jupyterhub_crypt_key",
    "trusted-public-keys", "firefly iii",
    # blind51 (its twelve subjects, then other products and settings its off-topic questions name)
    "buildah", "airflow", "devpi", "synology", "portus", "discourse", "metabase", "superset", "sentry", "django",
    "laravel", "wallabag", "devpi-server", "fernet", "dsm", "jwe", "secret_key_base", "mb_encryption_secret_key",
    "docker distribution", "key manager", "apache airflow", "apache superset",
    # blind50 (its twelve subjects, then other products its off-topic questions name)
    "katello", "octopus", "drone", "k3s", "rancher", "dovecot", "rustdesk", "icinga", "guacamole", "joplin",
    "miniflux", "paperless", "foreman", "mail_crypt",
    # blind49 (its twelve subjects, then other products its off-topic questions name)
    "gocd", "freeipa", "percona", "cockroachdb", "n8n", "semaphore", "mosquitto", "zabbix", "cloudflared", "pihole",
    "navidrome", "mastodon", "ansible", "innodb", "pi-hole", "vapid",
    # blind48
    "truenas", "cfssl", "concourse", "sonarqube", "kamal", "dokploy", "linkerd", "authelia", "velociraptor",
    "jellyfin", "immich", "homebridge",
    # blind47
    "bareos", "infisical", "sftpgo", "conjur", "coolify", "caprover", "kanidm", "pomerium", "netbird", "mattermost",
    "powerdns", "passbolt",
    # blind46
    "juicefs", "proxmox", "bacula", "duplicacy", "woodpecker", "dokku", "zitadel", "teleport", "headscale", "wazuh",
    "graylog", "opnsense",
    # blind45
    "longhorn", "ejbca", "pgbackrest", "gocryptfs", "rundeck", "spinnaker", "authentik", "syncthing", "minisign",
    "seaweedfs", "vaultwarden", "pritunl",
    # blind44
    "ceph", "venafi", "duplicati", "portainer", "transcrypt", "nomad", "caddy", "datadog", "terragrunt", "mkcert",
    "rclone", "nitrokey",
    # blind43
    "sigstore", "barbican", "veeam", "teamcity", "jamf", "pagerduty", "splunk", "puppet", "nextcloud", "keytool",
    "borg", "auth0",
    # blind42
    "consul", "1password", "cyberark", "haproxy", "tailscale", "nutanix", "falco", "filevault", "lastpass",
    "cryptomator", "tink", "dashlane",
    # blind41
    "transparent data encryption", "sealed secrets", "certbot", "kopia", "strongswan", "okta", "openvpn", "tpm",
    "bitwarden", "keepass", "fido2", "traefik",
    # blind40
    "storage account", "prometheus", "cert-manager", "restic", "backstage", "dm-crypt", "veracrypt", "totp",
    "iscsi", "zfs", "doppler", "scim",
    # blind39
    "openbao", "cryptographyclient", "management group", "sgx", "step-ca", "tekton", "luks", "keytab",
    "android", "saml", "ldaps", "mtls",
    # blind38
    "multi-region", "utimaco", "metric alert", "private dns zone", "resource lock", "keycloak", "dkim",
    "deployment environments", "wireguard", "jwt", "pgp", "yubikey",
    # blind36 .. blind19: their off-topic subjects, read from each set's off-topic questions and truths
    "privileged identity management", "signtool", "codespaces", "ratify", "gatekeeper", "key attestation",
    "scope maps", "secrets store csi driver", "immutability policies", "application insights", "regional endpoints",
    "workload identity federation",
    "azure local", "azure migrate", "azure stack hub", "purview", "intune", "static web apps", "bastion",
    "web pubsub", "verified id", "trusted signing", "mariadb", "ssh keys",
    "task credential", "export policy", "power platform", "ai speech", "terraform state", "always encrypted",
    "encryption scopes", "vm extension", "cloud hsm", "translator", "tls versions", "customer lockbox",
    "buildkit", "azure files", "data manager for energy", "azure openai", "snowflake", "confluent", "minio", "kes",
    "site recovery", "postgresql", "timer triggers", "sharepoint",
    "databricks", "service bus", "cosmos db", "container apps", "azure cache for redis", "container instances",
    "synapse", "docker hub", "cache rules", "credential sets", "app configuration", "tls offload",
    "enabledfortemplatedeployment", "vpn gateway", "zarf", "nerdctl", "credential renew", "multifernet",
    "cloudflare", "azure relay", "iot central", "trusted launch", "git-crypt",
    "ionos", "dedicated hsm", "stackit", "dnssec", "cloud services", "macsec", "expressroute", "chainguard", "dapr",
    "secure key release", "domain name label", "continuous patching",
    "agent pools", "kraken", "jenkins", "naver", "virtual network encryption", "azure firewall", "pulumi", "forgejo",
    "signalr", "digicert", "video indexer",
    "logic apps", "digital twins", "podman", "virtual desktop", "azure maps", "notification hubs", "dev box",
    "spring apps", "payment hsm", "health bot", "dataverse", "chaos studio",
    "vmware solution", "data box", "fluid relay", "verdaccio", "communication services", "sentinel", "hpc cache",
    "double key encryption", "microsoft fabric", "apptainer", "confidential ledger", "bot service",
    "api management", "elastic san", "docker swarm", "power bi", "lightsail", "application gateway", "ai search",
    "managed grafana", "managed lustre", "event grid", "customer key", "exchange online", "stream analytics",
    "netapp", "openshift", "front door", "data explorer", "cassandra", "azure automation", "sops",
    "azure artifacts", "fhir", "image builder", "load testing",
    "ocicrypt", "docker build cloud", "cosign", "secrets manager", "dragonfly", "auto-unseal", "opentofu", "proget",
    "service fabric", "compute gallery", "cloud deploy", "mirantis",
    "yandex", "gitea", "cloud run", "lambda", "heroku", "ovhcloud", "backup vault", "binary authorization",
    "fly.io", "vultr", "pulp",
    "digitalocean", "cloud build", "xks", "cloud ekm", "scaleway", "key protect", "hyper protect", "huawei", "swr",
    "zot", "alibaba", "cloudsmith", "tencent", "nexus",
    "quarantine", "github actions", "encryption at host", "webhooks", "anonymous pull", "diagnostic settings",
    "cognitive services", "bitlocker", "gitlab", "helm",
    "connected registries", "app service", "artifactory", "jfrog", "defender", "oracle", "retention policy",
    "acr purge", "abac", "dedicated data endpoints", "transfer pipelines",
    "azure functions", "data factory", "artifact registry", "machine learning", "iot hub", "event hubs",
    "hdinsight", "kafka", "github container registry", "log analytics", "disk encryption sets", "mysql",
    "azure batch",
    # blind37
    "kyverno", "velero", "trivy", "crossplane", "dependency-track", "throttling", "elasticsearch",
    "salesforce", "clickhouse", "rabbitmq", "mongodb", "buildkite",
]
BANNED_WORDS = ["kms", "aws", "harbor", "token", "kubernetes", "gcp", "ecr", "hashicorp vault", "quay"]
ABBREVS = ["acr", "cmk", "kv", "hsm", "mi", "uami", "rbac", "kek", "az", "cli", "id", "tf", "sku", "pe",
           "dct", "oras", "kid", "rg"]
# distinctive subject words of earlier off-topic questions (see off_topic_subject_words)
OFF_NAME = re.compile(r"(?<=[a-z0-9,;:()\"'] )([A-Z][A-Za-z0-9_\-]*[a-z0-9][A-Za-z0-9_\-]*|[A-Za-z]*[a-z][A-Z][A-Za-z0-9]*)")
OFF_SUBJECT_MAX_SETS = 2
HSM_RE = re.compile(r"\b(managed hsm|hsm|hsms|managedhsm)\b", re.I)
IAC_RE = re.compile(r"\b(portal|terraform|bicep|arm|avm)\b", re.I)
OCT_TRUTH_RE = re.compile(r"managed hsm|october 2026", re.I)
# fences: Markdown fences, and Jira's {code}/{noformat} blocks (the Jira form of a fence; jira_markup items paste
# them). MD_FENCE_RE alone counts for the fenced-long-post floors.
FENCE_RE = re.compile(r"```.*?```|\{(code|noformat)(?::[^}\n]*)?\}.*?\{\1\}", re.S)
MD_FENCE_RE = re.compile(r"```.*?```", re.S)
# Managed HSM asked in varied ways: topics looked for in the asking part of hsm-asked items
HSM_TOPICS = [
    ("access", re.compile(r"\b(access|grant\w*|give|giving|permission\w*)\b", re.I)),
    ("which_key", re.compile(r"\b(which|what) (key|version|one)\b|\b(is|are) (it|the registry|we) "
                             r"(really )?(on|using)\b|\bin use\b", re.I)),
    ("rbac", re.compile(r"\b(rbac|scope|scoped|/keys)\b", re.I)),
    ("purge", re.compile(r"\b(purge\w*|soft[- ]delet\w*|deleted|recover\w*)\b", re.I)),
    ("uri", re.compile(r"\b(uri|url|host|kid|dns|address)\b", re.I)),
    ("rotation", re.compile(r"\b(rotat\w*|new (key )?versions?)\b", re.I)),
    ("revocation", re.compile(r"\b(revok\w*|revocation|cut (it |the registry |us )?off)\b", re.I)),
    ("unsupported", re.compile(r"\b(support\w*|unsupported|off the table|not available|accepts?|take)\b",
                               re.I)),
]
HSM_TOPIC_FLOOR = 7
# flags of earlier sets, now unknown fields (listed so the mutation driver can prove each is rejected)
DROPPED_FIELDS = ["ascii_diagram", "guid_values", "cost_amount", "iso_duration", "persona_prompt",
                  "kql_query", "azure_policy_json", "tool_versions", "quantity_unit", "portal_click_path",
                  "slack_thread", "terraform_plan_output", "yes_no_with_condition", "comparison", "bicep_snippet",
                  "compliance_requirements", "az_debug", "negated_question", "agent_plan_step", "rest_api",
                  "checklist", "code_switch", "log_timestamps", "url_paste", "python_sdk",
                  "ticket_template", "quoted_reply", "markdown_table", "manager_ask", "emoji_casual",
                  "multiple_choice", "support_email", "voice_dictation", "code_comment", "powershell_user",
                  "analogy", "undo", "chat_transcript", "shorthand", "pr_diff",
                  "step_list", "what_happens", "outage", "docs_claim", "pipeline",
                  "script_paste", "difference", "auditor", "many_registries", "first_timer",
                  "pasted_output", "either_or", "without", "non_native", "follow_up",
                  "plan_review", "iac_error", "newcomer", "timeline", "output_rule",
                  "issue_title", "tried_steps", "json_field", "wrong_command", "other_cloud", "field", "wrong",
                  "other", "wrong_premise", "premise", "which_of_two", "shape",
                  "tldr_summary", "caps_shouting", "smart_punctuation", "jmespath_query", "regex_pattern",
                  "shell_history", "dotenv_file", "ansi_escape_codes", "strikethrough_correction",
                  "percent_encoded_uri",
                  "merge_conflict_markers", "jira_markup", "html_entities", "numbered_subquestions", "jwt_token",
                  "python_traceback", "details_block", "screenshot_embed", "double_encoded_json", "escaped_markdown",
                  "gha_log_groups", "powershell_error_record", "kubectl_events", "ndjson_log", "logfmt_line",
                  "curl_verbose", "git_log_oneline", "csv_export", "crontab_line", "copilot_refs",
                  "nslookup_output", "dockerfile", "windows_event_log", "monitor_alert_payload", "checkov_finding",
                  "openssl_key_text", "ini_config", "ps_format_list", "ansible_output", "oci_manifest",
                  "pytest_failure", "github_alert", "changelog_entry", "maven_build_log", "azd_output",
                  "make_error", "mermaid_diagram", "nodejs_error", "dotnet_exception", "jenkins_console",
                  "github_suggestion", "go_test_failure", "systemd_journal", "python_repl", "browser_console",
                  "cli_help_text", "acr_task_log", "gherkin_feature", "dir_tree", "precommit_hooks",
                  "md_footnotes", "role_definition_json", "tf_lock_file", "docs_feedback_block", "openapi_schema",
                  "adr_record", "learn_page_copy", "arrow_annotations", "redacted_paste", "graph_sp_object",
                  "service_tag_json", "resource_change_record", "hex_dump", "pac_file", "fence_file_labels",
                  "replication_list", "cloud_profile", "aks_check_acr", "az_account_json", "slide_outline",
                  "name_check_json", "tag_detail_json", "xml_prompt_tags", "portal_review_summary",
                  "keyvault_event_json", "mcp_tool_call", "resource_graph_result", "private_endpoint_json",
                  "deployment_outputs_json", "dependabot_pr_body", "docker_push_output", "gitlab_job_log",
                  "keyvault_audit_log", "java_exception", "asciidoc_runbook", "go_sdk_error", "pulumi_output",
                  "webvtt_transcript", "terraform_test_run", "compose_file", "bicep_diagnostics", "whatif_output",
                  "terraform_state_show", "skopeo_copy", "oras_output", "kubectl_get_pods", "dig_answer",
                  "terraform_import_output", "grafana_alert", "service_health_notice", "argocd_app_get",
                  "servicenow_change", "renovate_pr", "conftest_output", "netcat_probe", "bash_xtrace",
                  "prometheus_metrics", "rollout_status", "hosts_file", "bicepparam_file", "az_yaml_output",
                  "azure_pipelines_yaml", "react_trace", "http_request_file", "issue_form", "ls_listing",
                  "grep_matches", "cloud_shell_session", "access_log", "coding_agent_transcript"]
# prev sets: blind19-77, all 59 present in prev/
PREV_SETS = list(range(19, 78))
PREV_LABEL = "blind19-77"
# first-canonical lists of the two previous sets (spread); they sit next to the set's own files, not in prev/
SPREAD_SETS = (77, 76)
# floors: first canonicals not in the first list / in neither list
SPREAD_FLOORS = (40, 30)
ID_PREFIX = "ap"
SET = "blind78"


# ---- blind52's shapes, rejected in every question of this set (the detectors reuse blind52's lexical rules) ----
# tldr_summary (long): the post carries a "TL;DR" line (TL;DR, tl;dr, TLDR, with or without a colon) with >= 5
# words after the marker, standing in the first or the last paragraph of the prose; the TL;DR line holds the ask (a
# "?"); the truth shares >= 2 content words (>= 5 letters, not stop words) with the TL;DR line
TLDR_LINE = re.compile(r"^[ \t]*(?:\*\*)?(?:tl;\s?dr|tldr)(?:\*\*)?[ \t]*[:\-]?[ \t]*(.*)$", re.I | re.M)
TLDR_MIN_WORDS = 5
TLDR_SHARED = 2
STOP = {"about", "after", "again", "their", "there", "these", "those", "which", "while", "where", "would", "could",
        "should", "other", "every", "without", "within", "before", "under", "being", "still", "since", "because",
        "through", "whether", "what", "really", "actually", "thing", "things", "something", "anything"}
# caps_shouting (long or short): the question's prose (fences and `inline code` left out) holds >= 2 distinct
# shouted words (all capitals, >= 3 letters, standing alone) that are not acronyms: neither in a fixed list nor
# written in capitals anywhere in the knowledge or the fact sheets; the truth stays calm (no shouted word, no "!")
SHOUT = re.compile(r"(?<![\w$./\-])([A-Z]{3,})(?![\w\-])")
ACRONYMS = {"ACR", "CMK", "HSM", "MHSM", "RBAC", "SKU", "API", "APIS", "URI", "URIS", "URL", "CLI", "AKS", "DCT",
            "ORAS", "KEK", "KID", "BYOK", "TLS", "DNS", "IAM", "RSA", "JSON", "YAML", "SDK", "VNET", "HTTP",
            "HTTPS", "EOF", "UTC", "IDS", "PIM", "AAD", "SPN", "OID", "GUID", "UUID", "MSI", "UAMI", "ARM", "AVM",
            "HCL", "GPG", "SSH", "CSV", "OCI", "SBOM", "CISO", "GMT", "CET", "PDF", "FAQ", "ETA", "ASAP", "TBD",
            "RG", "KV", "MI", "PE", "EC", "IP", "ID", "VM", "SP", "DR", "OK", "CI", "CD", "AZ", "TF"}
SHOUT_MIN = 2
# smart_punctuation (any style): the user pasted a command from a chat tool or word processor, so a line holding
# an "az ..." command carries a typographic quote or dash (U+2018/2019/201C/201D/2013/2014) after the "az"; the
# truth names the cause (curly/smart/typographic quotes, en/em dash, straight quotes, plain hyphen, ASCII), holds
# no typographic quote or dash itself, and repeats the corrected command (az + the same two command words)
SMART_CHARS = "\u2018\u2019\u201c\u201d\u2013\u2014"
AZ_CMD = re.compile(r"\baz\s+([a-z][a-z\-]*)\s+([a-z][a-z\-]*)")
SMART_WORDS = re.compile(r"\b(?:curly|smart|typographic|en[ -]dash|em[ -]dash|straight(?: single| double)? "
                         r"quotes?|plain (?:ascii )?(?:quotes?|hyphens?)|ascii)\b", re.I)
# jmespath_query (any style): the question holds an "--query <expression>"; the truth gives an "--query
# <expression>" of its own that is not one of the question's, and every expression in the truth is well formed
# (brackets and braces balanced outside string literals, quotes closed, not empty)
QUERY_ARG = re.compile(r"--query\s+(\"[^\"\n]*\"|'[^'\n]*'|[^\s`'\"]+)")
# regex_pattern (any style): the question quotes a regular expression (in `inline code`, a fence line or a quoted
# string inside a fence) that compiles, is anchored (^ at the start or $ at the end) and uses >= 2 regex constructs;
# the truth quotes a different such regex in `inline code` and at least one https URI on which the truth's regex and
# the question's regex disagree (one matches, the other does not)
REGEX_CONSTRUCT = re.compile(r"\\[dwsSDW.]|\[\^|\[[A-Za-z0-9]-|\(\?:|\{\d+(?:,\d*)?\}|(?<!\\)[+*]|\(\w*\|")
REGEX_MIN_CONSTRUCTS = 2
URI = re.compile(r"https://[^\s`'\"<>()\[\],;]+")


# ---- blind53's shapes, rejected in every question of this set (the detectors reuse blind53's lexical rules) ----
# shell_history (long only): the user pastes part of their shell history: a fence holding >= 3 lines of the form
# "<number>  <command>" with strictly increasing numbers, at least one of them an "az ..." command; the truth cites
# at least one of those history numbers as "entry N", "entries N", "line N", "command N", "step N" or "#N"
HISTORY_LINE = re.compile(r"^\s*(\d{1,5})\s{1,4}(\S.*)$")
HISTORY_MIN = 3
HISTORY_CITE = re.compile(r"(?:\b(?:entry|entries|line|command|step)\s+#?|#)(\d{1,5})\b", re.I)
# dotenv_file (long only): the user pastes an env file: a fence whose every non-blank, non-comment line is
# NAME=value (NAME in capitals, optional "export "), >= 3 of them; the truth gives a corrected NAME=value for at
# least one of the file's names, with a value different from the file's (quotes and trailing punctuation ignored)
DOTENV_LINE = re.compile(r"^\s*(?:export\s+)?([A-Z][A-Z0-9_]*)=(.*)$")
DOTENV_MIN = 3
DOTENV_TRUTH = re.compile(r"(?<![\w$])([A-Z][A-Z0-9_]*)=(\"[^\"\n]*\"|'[^'\n]*'|[^\s\"']+)")
# ansi_escape_codes (long or agent): text copied from a raw CI log keeps its colour codes: the question holds >= 2
# ANSI SGR sequences (ESC[...m, or the caret form ^[[...m); at least one word (>= 6 characters, not a generic log
# word) of a coloured span (text after a non-reset code up to the next code) appears in the truth, and the truth
# holds no escape character, caret escape or SGR remnant
ANSI_SGR = re.compile(r"(?:\x1b|\^\[)\[([0-9;]*)m")
ANSI_MIN = 2
ANSI_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.\-]{5,}")
ANSI_GENERIC = {"error", "errors", "warning", "warnings", "retrying", "failed", "failure", "success", "import",
                "importing", "debug", "notice", "status"}
ANSI_LEFTOVER = re.compile(r"\x1b|\^\[\[|\[[0-9;]*m")
# strikethrough_correction (any style): the user corrects themselves with Markdown strikethrough: the prose holds
# >= 1 "~~struck~~" span directly followed by its replacement; for every span the truth does not repeat the struck
# words (as a token run) and shares >= 1 word (>= 3 letters, not a stop word) with the replacement (the words
# after the span up to the next punctuation, at most 8), and the truth holds no "~~"
STRIKE = re.compile(r"~~([^~\n]{1,80})~~([^.,;:?!\n]{0,200})")
STRIKE_STOP = {"the", "and", "our", "for", "with", "from", "that", "this", "its", "are", "was", "not", "but", "you",
               "has", "have", "had", "new", "one", "all", "any", "can", "now", "then", "into", "onto", "instead"}
# percent_encoded_uri (any style): the user copied a key URI or a resource ID out of a browser address bar or a
# portal link, so it is still percent-encoded: the question holds a token with >= 2 escapes of "/" or ":" (%2F,
# %3A) that decodes to an https URI or a /subscriptions/ resource ID; the truth gives the decoded value (or the
# decoded value without its last path segment, e.g. the versionless key URI) and holds no %2F or %3A itself
PERCENT_TOKEN = re.compile(r"[A-Za-z0-9%._~:/\-]*%(?:2[Ff]|3[Aa])[A-Za-z0-9%._~:/\-]*")
PERCENT_ESC = re.compile(r"%(?:2[Ff]|3[Aa])")
PERCENT_MIN = 2


problems = []


def bad(msg):
    problems.append(msg)


def toks(s):
    return re.findall(r"[a-z0-9]+", s.lower())


def norm(s):
    s = s.lower().replace("*", "").replace("`", "")
    return re.sub(r"\s+", " ", s).strip()


def prose(text):
    return FENCE_RE.sub(" ", text)


def fences(text):
    return [m.group(0) for m in FENCE_RE.finditer(text)]


def md_fences(text):
    return [m.group(0) for m in MD_FENCE_RE.finditer(text)]


def sentences(text):
    parts = re.split(r"(?<=[.!?])\s+|\n\s*\n", text.strip())
    return [p.strip() for p in parts if p.strip()]


def ask_part(text):
    ss = sentences(prose(text))
    asked = [s for s in ss if "?" in s]
    return " ".join(asked) if asked else (ss[-1] if ss else "")


def grams(tokens, n):
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


@functools.lru_cache(maxsize=None)
def _word_re(word):
    return re.compile(r"(?<![a-z0-9])" + re.escape(word) + r"(?![a-z0-9])")


def word_in(word, text):
    # same test as before; the compiled pattern of each word is cached (a speed-up only)
    return _word_re(word.lower()).search(text.lower()) is not None


def mask_anchors(text):
    for a in ERROR_ANCHORS:
        text = re.sub(re.escape(a), " zzanchor ", text, flags=re.I)
    return text


def source_blocks(text):
    """Paragraph-like blocks: wrapped lines are joined; blank lines, headings, list items, table rows
    and fence lines start a new block."""
    blocks, cur = [], []
    for line in text.split("\n"):
        st = line.strip()
        if not st or re.match(r"(#|[-*|]|\d+[.)]\s|```|<!--)", st):
            if cur:
                blocks.append(" ".join(cur))
            cur = [st] if st else []
        else:
            cur.append(st)
    if cur:
        blocks.append(" ".join(cur))
    return blocks


def subject_words(text):
    return re.findall(r"[a-z0-9][a-z0-9_\-]*[a-z0-9]|[a-z0-9]", text.lower())


def off_topic_subject_words(prev_q, prev_t, prev_off, source_text):
    """Distinctive subject words of the earlier sets' off-topic questions: words of their questions and truths
    that no earlier on-topic question or truth and no knowledge or fact-sheet text uses, that turn up in the
    off-topic entries of at most OFF_SUBJECT_MAX_SETS sets, and that are written as a name somewhere (capitalised or
    camel-cased after the start of a sentence) or stand in a one-line off-topic question of <= 14 words (where
    product names are mostly written in lowercase)."""
    off_ids = {(n, q) for n, q, _ in prev_off}
    on = set()
    for (n, _, q), t in zip(prev_q, prev_t):
        if (n, q) not in off_ids:
            on.update(subject_words(q + " " + t))
    src = set(subject_words(source_text))
    sets_of = {}
    for n, q, t in prev_off:
        for w in set(subject_words(q + " " + t)):
            if len(w) >= 3 and w not in on and w not in src:
                sets_of.setdefault(w, set()).add(n)
    named = set()
    for n, q, t in prev_off:
        for m in OFF_NAME.finditer(q + " " + t):
            named.add(m.group(1).lower())
        if "\n" not in q and len(q.split()) <= 14:
            named.update(subject_words(q))
    return {w for w, ns in sets_of.items() if len(ns) <= OFF_SUBJECT_MAX_SETS and w in named}


def main():
    try:
        entries = json.load(open(os.path.join(DIR, SET + ".json"), encoding="utf-8"))
        meta = json.load(open(os.path.join(DIR, SET + "-meta.json"), encoding="utf-8"))
    except Exception as exc:  # noqa: BLE001
        print("set: cannot load files: %s" % exc)
        return 1
    # the stripped knowledge may sit directly under KROOT or under KROOT/acr-cmk; section ids always carry the
    # skill's own folder name, acr-cmk/, as in every earlier set
    sections = {(k if k.startswith("acr-cmk/") else "acr-cmk/" + k): v for k, v in kparse.parse_all(KROOT).items()}
    ktext = kparse.all_text(KROOT)
    ftext = kparse.all_text(FACTS)
    if not ftext.strip():
        bad("set: fact sheets missing")
    src_low = (ktext + "\n" + ftext).lower()
    SOURCE_CAPS.update(SHOUT.findall(ktext + "\n" + ftext))
    src_toks = toks(ktext + "\n" + ftext)
    src8, src12 = grams(src_toks, 8), grams(src_toks, 12)
    src_sents = set()
    for block in source_blocks(ktext + "\n" + ftext):
        for s in re.split(r"(?<=[.!?])\s+", block):
            t = toks(s)
            if len(t) >= 8:
                src_sents.add(" ".join(t))
    headings = {" ".join(toks(s["heading"])) for s in sections.values() if len(toks(s["heading"])) >= 5}
    for a in ERROR_ANCHORS:
        if a.lower() not in src_low:
            bad("set: error anchor not in sources: %r" % a)

    # prev sets
    prev_q, prev_t, prev_off = [], [], []
    for n in PREV_SETS:
        p = os.path.join(DIR, "prev", "blind%d.json" % n)
        if not os.path.exists(p):
            bad("set: prev file missing: blind%d.json" % n)
            continue
        for e in json.load(open(p, encoding="utf-8")):
            prev_q.append((n, e.get("id"), e.get("question", "")))
            prev_t.append(e.get("truth", ""))
            if e.get("category") == "off-topic":
                prev_off.append((n, e.get("question", ""), e.get("truth", "")))
    distinctive = off_topic_subject_words(prev_q, prev_t, prev_off, ktext + "\n" + ftext)
    # the detectors reused from earlier sets must find exactly their own set's five items in blind19-77 (the loose
    # ones excepted, see DETECT_LOOSE), and this set's new shapes must not occur in any earlier question
    for f, n in OLD_SHAPES.items():
        if f in DETECT_LOOSE:
            continue
        hits = [(m_, i_) for m_, i_, q_ in prev_q if OLD_DETECT[f](q_)]
        own = [h for h in hits if h[0] == n]
        other = ["blind%d %s" % h for h in hits if h[0] != n]
        if len(own) != 5 or other:
            bad("set: detector %s (blind%d) finds %d items of blind%d and %d elsewhere (%s), want 5 and 0"
                % (f, n, len(own), n, len(other), ", ".join(other[:3])))
    for f in NEW_SHAPES:
        hits = ["blind%d %s" % (m_, i_) for m_, i_, q_ in prev_q if NEW_DETECT[f](q_)]
        if hits:
            bad("set: new shape %s already occurs in %s (%s)" % (f, PREV_LABEL, ", ".join(hits[:3])))
    prev8 = set()
    for _, _, q in prev_q:
        prev8 |= grams(toks(mask_anchors(q)), 8)
    prev_sets = [(n, i, set(toks(q))) for n, i, q in prev_q]
    prev_all_low = "\n".join(q for _, _, q in prev_q).lower()
    prev_truth_low = "\n".join(prev_t).lower()
    prev_t8 = set()
    for t in prev_t:
        prev_t8 |= grams(toks(t), 8)
    prev_tsets = [(n, i, set(toks(t))) for (n, i, _), t in zip(prev_q, prev_t)]
    firsts = {}
    for n in SPREAD_SETS:
        p = os.path.join(DIR, "blind%d-first-canonicals.txt" % n)
        if not os.path.exists(p):
            bad("set: first-canonical list missing: blind%d" % n)
            firsts[n] = set()
            continue
        lines = [x.strip() for x in open(p, encoding="utf-8") if x.strip()]
        if len(lines) != 48:
            bad("set: first-canonical list blind%d has %d lines, not 48" % (n, len(lines)))
        firsts[n] = set(lines)

    # structure
    if not isinstance(entries, list) or len(entries) != 60:
        bad("set: need a list of 60 entries")
        print("\n".join(problems))
        return 1
    ids = [e.get("id") for e in entries]
    for n, e in enumerate(entries, 1):
        if list(e.keys()) != KEYS:
            bad("%s: keys or key order wrong" % e.get("id"))
        if e.get("id") != "%s%03d" % (ID_PREFIX, n):
            bad("%s: bad id at position %d (want %s%03d)" % (e.get("id"), n, ID_PREFIX, n))
        if e.get("source") != SOURCE:
            bad("%s: bad source" % e.get("id"))
    if set(k for k in meta if k != "_set") != set(ids):
        bad("meta: ids do not match the set")
    cats = [e.get("category") for e in entries]
    for i in range(len(cats) - 2):
        if cats[i] == cats[i + 1] == cats[i + 2]:
            bad("set: three %s entries in a row at %s" % (cats[i], ids[i]))

    # rebuild: build78.py's render() must give the three files byte for byte
    bp = os.path.join(DIR, "build78.py")
    if os.path.exists(bp):
        try:
            spec = importlib.util.spec_from_file_location("build78_chk", bp)
            mod = importlib.util.module_from_spec(spec)
            sys.path.insert(0, DIR)
            spec.loader.exec_module(mod)
            for name, text in zip((SET + ".json", SET + "-meta.json", SET + "-first-canonicals.txt"), mod.render()):
                p = os.path.join(DIR, name)
                if not os.path.exists(p) or open(p, "rb").read() != text.encode("utf-8"):
                    bad("set: rebuild differs from %s" % name)
        except Exception as exc:  # noqa: BLE001
            bad("set: build78.py failed: %s" % exc)
    # the first-canonical list must match the set
    fp = os.path.join(DIR, SET + "-first-canonicals.txt")
    if not os.path.exists(fp):
        bad("set: %s-first-canonicals.txt missing" % SET)
    else:
        flines = open(fp, encoding="utf-8").read().split("\n")
        if flines and flines[-1] == "":
            flines.pop()
        want = [e["canonical"][0] for e in entries if e.get("canonical")]
        if flines != want:
            bad("set: %s-first-canonicals.txt does not list the set's %d first canonicals in order"
                % (SET, len(want)))

    count = {}

    def inc(k, v=1):
        count[k] = count.get(k, 0) + v

    on_sets = []
    first_docs = {}
    hsm_topics = set()
    for e in entries:
        qid = e.get("id")
        m = meta.get(qid, {})
        q = e.get("question", "")
        truth = e.get("truth", "")
        for k in m:
            if k not in META_KEYS:
                bad("%s: unknown field %r" % (qid, k))
        style, kind = m.get("style"), m.get("kind")
        off = kind == "off-topic"
        if kind not in KINDS:
            bad("%s: bad kind %r" % (qid, kind))
        if style not in STYLES_ON:
            bad("%s: bad style %r" % (qid, style))
        if e.get("category") not in CATEGORIES:
            bad("%s: bad category %r" % (qid, e.get("category")))
        if off != (e.get("category") == "off-topic"):
            bad("%s: off-topic category and kind disagree" % qid)
        inc(("style", off, style))
        inc(("kind", kind))
        inc(("kind_style", kind, style))
        if style == "agent":
            inc(("form", off, m.get("form")))
        elif "form" in m:
            bad("%s: form on a non-agent item" % qid)

        # style rules
        if style == "long":
            if not 250 <= len(q) <= 1500:
                bad("%s: long question length %d outside 250-1500" % (qid, len(q)))
        elif style == "short":
            nw = len(q.split())
            if not 3 <= nw <= 14:
                bad("%s: short question has %d words" % (qid, nw))
            if "\n" in q:
                bad("%s: short question spans lines" % qid)
            if q != q.lower():
                inc("short_upper")
            if "?" not in q:
                inc("short_noq")
            if any(word_in(a, q) for a in ABBREVS):
                inc("short_abbrev")
        elif style == "agent":
            nw = len(q.split())
            if not 12 <= nw <= 45:
                bad("%s: agent query has %d words" % (qid, nw))
            if "\n" in q or "```" in q:
                bad("%s: agent query spans lines" % qid)
            form = m.get("form")
            if form == "context" and not q.startswith("Context:"):
                bad("%s: context form must open with 'Context:'" % qid)
            elif form == "imperative" and not re.match(
                    r"(Give|List|Explain|Show|Write|Find|Tell|Check|Draft|Summarize|Return|Produce|Outline|"
                    r"Confirm|Describe|Say)\b", q):
                bad("%s: imperative form must open with an imperative verb" % qid)
            elif form == "keywords" and (not q[:1].islower() or "?" in q or q.rstrip().endswith(".")):
                bad("%s: keywords form must open lowercase without ? or final ." % qid)
            elif form not in FORMS_ON:
                bad("%s: bad agent form %r" % (qid, form))

        # shapes seen in the text: the shapes of blind52 to blind77 are banned everywhere; a new shape needs its flag
        for f, n in OLD_SHAPES.items():
            if OLD_DETECT[f](q):
                bad("%s: question shows blind%d's shape %s" % (qid, n, f))
        for f in NEW_SHAPES:
            if NEW_DETECT[f](q) and not m.get(f):
                bad("%s: question shows the shape %s without its flag" % (qid, f))

        # truths
        if kind == "yes" and not truth.startswith("Yes: "):
            bad("%s: yes truth must open 'Yes: '" % qid)
        elif kind == "no" and not truth.startswith("No: "):
            bad("%s: no truth must open 'No: '" % qid)
        elif kind == "undocumented" and not truth.startswith("Not documented"):
            bad("%s: undocumented truth must open 'Not documented'" % qid)
        elif kind == "off-topic" and not truth.startswith("Not covered: "):
            bad("%s: off-topic truth must open 'Not covered: '" % qid)
        elif kind in ("howto", "troubleshoot", "value", "why") and re.match(
                r"(Yes|No|Not documented|Not covered)\b", truth):
            bad("%s: %s truth opens with a verdict word" % (qid, kind))

        # copying
        pq = prose(q)
        for g in grams(toks(pq), 8):
            if g in src8:
                bad("%s: 8-token run shared with knowledge/facts: %s" % (qid, " ".join(g)))
                break
        for g in grams(toks(mask_anchors(q)), 12):
            if g in src12:
                bad("%s: 12-token run (fences included) shared with knowledge/facts: %s" % (qid, " ".join(g)))
                break
        for g in grams(toks(mask_anchors(q)), 8):
            if g in prev8:
                bad("%s: 8-token run shared with %s: %s" % (qid, PREV_LABEL, " ".join(g)))
                break
        for g in grams(toks(pq), 8):
            if g in prev_t8:
                bad("%s: 8-token run shared with a %s truth: %s" % (qid, PREV_LABEL, " ".join(g)))
                break
        for label, text in (("question", prose(q)), ("truth", truth)):
            jt = " " + " ".join(toks(text)) + " "
            for s in src_sents:
                if " " + s + " " in jt:
                    bad("%s: %s copies a knowledge/fact sentence: %s" % (qid, label, s[:60]))
                    break
        jq = " " + " ".join(toks(q)) + " "
        for h in headings:
            if " " + h + " " in jq:
                bad("%s: question echoes a heading: %s" % (qid, h))
        qs = set(toks(q))
        for n, pid, ps in prev_sets:
            if qs and ps and len(qs & ps) / len(qs | ps) > 0.6:
                bad("%s: Jaccard > 0.6 with blind%d %s" % (qid, n, pid))
                break
        for oid, os_ in on_sets:
            if len(qs & os_) / len(qs | os_) > 0.6:
                bad("%s: Jaccard > 0.6 with %s" % (qid, oid))
        on_sets.append((qid, qs))
        ts = set(toks(truth))
        for n, pid, ps in prev_tsets:
            if ts and ps and len(ts & ps) / len(ts | ps) > 0.6:
                bad("%s: truth Jaccard > 0.6 with blind%d %s truth" % (qid, n, pid))
                break

        # typos
        if "typo" in m:
            t = m["typo"]
            if t not in TYPOS:
                bad("%s: typo %r not in the set's typo list" % (qid, t))
            if off or style != "short":
                bad("%s: typo must sit in a short on-topic question" % qid)
            if not word_in(t, q):
                bad("%s: typo %r not in the question" % (qid, t))
            inc(("typo", t))
        for t in TYPOS:
            if word_in(t, q) and m.get("typo") != t:
                bad("%s: unrecorded typo %r" % (qid, t))

        if off:
            if e["canonical"] or e["related"] or e["facts"] or e["answer_facts"]:
                bad("%s: off-topic item must have empty lists" % qid)
            subj = m.get("subject")
            if not subj:
                bad("%s: off-topic subject missing" % qid)
            else:
                if not word_in(subj, q):
                    bad("%s: subject %r not in the question" % (qid, subj))
                if subj.lower() in BANNED_SUBJECTS:
                    bad("%s: banned off-topic subject %r" % (qid, subj))
                if word_in(subj, prev_all_low):
                    bad("%s: subject %r used in %s" % (qid, subj, PREV_LABEL))
            for w in BANNED_SUBJECTS + BANNED_WORDS:
                if word_in(w, q):
                    bad("%s: off-topic question names banned %r" % (qid, w))
            seen_words = sorted(w for w in set(subject_words(q)) if w in distinctive)
            if seen_words:
                bad("%s: off-topic question repeats an earlier off-topic subject word: %s"
                    % (qid, ", ".join(seen_words)))
            if m.get("near_miss"):
                if style != "long":
                    bad("%s: near_miss only on long off-topic posts" % qid)
                inc("near_miss")
            if style == "long" and re.search(r"\bregistr", q, re.I) and re.search(r"\bkey\b", q, re.I):
                inc("off_story")
            for f in SHAPES:
                if m.get(f):
                    bad("%s: shape flag %s on an off-topic item" % (qid, f))
            if m.get("quals"):
                bad("%s: quals on an off-topic item" % qid)
            continue
        if "subject" in m or "near_miss" in m:
            bad("%s: subject/near_miss on an on-topic item" % qid)

        # sections
        can, rel = e.get("canonical", []), e.get("related", [])
        if not 1 <= len(can) <= 2:
            bad("%s: canonical must hold 1 or 2 sections" % qid)
            continue
        for sid in can + rel:
            if sid not in sections:
                bad("%s: unknown section %s" % (qid, sid))
        if set(can) & set(rel) or len(set(can + rel)) != len(can + rel):
            bad("%s: repeated section in canonical/related" % qid)
        if not rel:
            bad("%s: related is empty" % qid)
        c0 = can[0]
        if not c0.startswith("acr-cmk/references/"):
            bad("%s: first canonical not a reference doc" % qid)
        doc = c0.split("/")[-1].split(".md")[0]
        first_docs[doc] = first_docs.get(doc, 0) + 1
        inc("on")
        if c0 not in firsts.get(SPREAD_SETS[0], set()):
            inc("new_a")
            if c0 not in firsts.get(SPREAD_SETS[1], set()):
                inc("new_ab")
        two = bool(m.get("two_facts"))
        if len(can) == 2 and not two:
            bad("%s: two canonical sections need two_facts" % qid)
        if two and len(can) != 2:
            bad("%s: two_facts needs two canonical sections" % qid)
        texts = {sid: norm(sections[sid]["text"]) for sid in can + rel if sid in sections}
        af = e.get("answer_facts", [])
        if not af:
            bad("%s: no answer_facts" % qid)
        where = []
        for a in af:
            if len(a.split()) > 7:
                bad("%s: answer_fact over 7 words: %r" % (qid, a))
            na = norm(a)
            ins = [sid for sid in can if na in texts.get(sid, "")]
            where.append(ins)
            if two:
                if not ins:
                    bad("%s: answer_fact not in either canonical: %r" % (qid, a))
            elif c0 not in ins:
                bad("%s: answer_fact not in first canonical: %r" % (qid, a))
        if two and len(can) == 2:
            if not any(w == [can[0]] for w in where) or not any(w == [can[1]] for w in where):
                bad("%s: two_facts needs one answer_fact only in each canonical" % qid)
        fa = e.get("facts", [])
        if not fa:
            bad("%s: no facts" % qid)
        for f in fa:
            nf = norm(f)
            if not any(nf in t for t in texts.values()):
                bad("%s: fact not in a canonical or related section: %r" % (qid, f))

        # qualifiers
        quals = m.get("quals", [])
        if not set(quals) <= {"hsm", "iac", "oct2026"}:
            bad("%s: bad quals %r" % (qid, quals))
        ask = ask_part(q)
        if "hsm" in quals:
            if not HSM_RE.search(q):
                bad("%s: hsm qualifier but no Managed HSM in the question" % qid)
            if HSM_RE.search(ask):
                inc("hsm_asked")
                for tname, trx in HSM_TOPICS:
                    if trx.search(ask):
                        hsm_topics.add(tname)
        if "iac" in quals:
            if not IAC_RE.search(q):
                bad("%s: iac qualifier but no portal/Terraform/Bicep/ARM/AVM in the question" % qid)
            else:
                inc("iac_named")
        if "oct2026" in quals:
            if not OCT_TRUTH_RE.search(truth):
                bad("%s: October 2026 truth names neither Managed HSM nor the revision" % qid)
            inc("oct2026")
        hit = ("hsm" in quals and HSM_RE.search(ask)) or ("iac" in quals and IAC_RE.search(ask))
        want = "none" if not quals else ("asked" if hit else "story")
        if m.get("qual") != want:
            bad("%s: qual is %r, should be %r" % (qid, m.get("qual"), want))

        # long-post measures
        if style == "long":
            if md_fences(q):
                inc("long_fenced")
                if kind == "troubleshoot":
                    inc("long_fenced_ts")
            ss = sentences(prose(q))
            qsents = [i for i, s in enumerate(ss) if "?" in s]
            if qsents == [len(ss) - 1]:
                pos = prose(q).rfind(ss[-1])
                if pos >= 250:
                    inc("last_only")
            if prose(q).count("?") >= 2:
                inc("two_asks")

        # shapes
        for f in SHAPES:
            if m.get(f):
                inc(("shape", f))
        nshapes = [f for f in NEW_SHAPES if m.get(f)]
        if len(nshapes) > 1:
            bad("%s: more than one new shape on one item (%s)" % (qid, ", ".join(nshapes)))
        if m.get("email_thread"):
            check_email_threads(qid, style, q, truth)
        if m.get("assistant_chat_copy"):
            check_chat_copies(qid, style, q, truth)
        if m.get("python_logging"):
            check_python_logs(qid, style, q, truth)
        if m.get("watch_output"):
            check_watch_outputs(qid, style, q, truth)
        if m.get("runbook_front_matter"):
            check_front_matters(qid, style, q, truth)

    # set-level counts
    for off, table in ((False, STYLES_ON), (True, STYLES_OFF)):
        for s, n in table.items():
            if count.get(("style", off, s), 0) != n:
                bad("set: %s %s count %d, want %d" % ("off-topic" if off else "on-topic", s,
                                                      count.get(("style", off, s), 0), n))
    for k, n in KINDS.items():
        if count.get(("kind", k), 0) != n:
            bad("set: kind %s count %d, want %d" % (k, count.get(("kind", k), 0), n))
    groups = [("howto",), ("troubleshoot",), ("value",), ("yes", "no"), ("why",), ("undocumented",)]
    for g in groups:
        for s in STYLES_ON:
            if not sum(count.get(("kind_style", k, s), 0) for k in g):
                bad("set: kind group %s missing from style %s" % ("/".join(g), s))
    for f, n in FORMS_ON.items():
        if count.get(("form", False, f), 0) != n:
            bad("set: on-topic agent form %s count %d, want %d" % (f, count.get(("form", False, f), 0), n))
        if count.get(("form", True, f), 0) != 1:
            bad("set: off-topic agent form %s count %d, want 1" % (f, count.get(("form", True, f), 0)))
    catc = {}
    for e in entries:
        if e.get("category") != "off-topic":
            catc[e.get("category")] = catc.get(e.get("category"), 0) + 1
    for c in CATEGORIES - {"off-topic"}:
        if not 2 <= catc.get(c, 0) <= 9:
            bad("set: category %s count %d outside 2-9" % (c, catc.get(c, 0)))
    for d in REF_DOCS:
        if not 2 <= first_docs.get(d, 0) <= 8:
            bad("set: first canonical doc %s count %d outside 2-8" % (d, first_docs.get(d, 0)))
    a, b = SPREAD_SETS
    if count.get("new_a", 0) < SPREAD_FLOORS[0]:
        bad("set: spread: only %d first canonicals new against blind%d (floor %d)"
            % (count.get("new_a", 0), a, SPREAD_FLOORS[0]))
    if count.get("new_ab", 0) < SPREAD_FLOORS[1]:
        bad("set: spread: only %d first canonicals new against blind%d and blind%d (floor %d)"
            % (count.get("new_ab", 0), a, b, SPREAD_FLOORS[1]))
    want_set = set_summary(entries, meta, firsts)
    if meta.get("_set") != want_set:
        bad("meta: _set summary does not match the set (want %s)" % json.dumps(want_set, sort_keys=True)[:300])
    floors = [("hsm_asked", 10, "Managed HSM asked"), ("iac_named", 8, "portal/Terraform/Bicep/ARM/AVM named"),
              ("oct2026", 12, "October 2026"), ("long_fenced", 14, "fenced long posts"),
              ("long_fenced_ts", 6, "fenced long troubleshoot posts"),
              ("last_only", 4, "long posts asking only in the last sentence"),
              ("two_asks", 3, "long posts asking two things"), ("short_abbrev", 8, "short questions with an abbreviation"),
              ("off_story", 5, "long off-topic registry+key stories"), ("near_miss", 4, "near misses")]
    for k, n, label in floors:
        if count.get(k, 0) < n:
            bad("set: floor: %s %d < %d" % (label, count.get(k, 0), n))
    if count.get("short_upper", 0) > 2:
        bad("set: %d short questions not lowercase (max 2)" % count.get("short_upper", 0))
    if not 3 <= count.get("short_noq", 0) <= 9:
        bad("set: %d short questions without '?' (want 3-9)" % count.get("short_noq", 0))
    if count.get("hsm_asked", 0) and len(hsm_topics) < HSM_TOPIC_FLOOR:
        bad("set: Managed HSM asked in only %d of %d ways (%s; floor %d)"
            % (len(hsm_topics), len(HSM_TOPICS), ", ".join(sorted(hsm_topics)), HSM_TOPIC_FLOOR))
    for f, n in SHAPE_FLOORS.items():
        if count.get(("shape", f), 0) < n:
            bad("set: floor: shape %s %d < %d" % (f, count.get(("shape", f), 0), n))
    for f, n in SHAPE_EXACT.items():
        if count.get(("shape", f), 0) != n:
            bad("set: shape %s used %d times, want exactly %d" % (f, count.get(("shape", f), 0), n))
    for t in TYPOS:
        if count.get(("typo", t), 0) != 1:
            bad("set: typo %r used %d times, want 1" % (t, count.get(("typo", t), 0)))
        if word_in(t, prev_all_low) or word_in(t, prev_truth_low):
            bad("set: typo %r already used in %s" % (t, PREV_LABEL))
        if word_in(t, src_low):
            bad("set: typo %r stands in the knowledge or facts" % t)

    if problems:
        print("\n".join(problems))
        return 1
    print("OK")
    if "--stats" in sys.argv:
        for k in sorted(count, key=str):
            print("  %s: %s" % (k, count[k]))
        print("  hsm topics: %s" % ", ".join(sorted(hsm_topics)))
        print("  first docs: %s" % ", ".join("%s %d" % kv for kv in sorted(first_docs.items())))
        print("  categories: %s" % ", ".join("%s %d" % kv for kv in sorted(catc.items())))
    return 0


def set_summary(entries, meta, firsts):
    """The "_set" record the meta file must carry: items per new shape, the off-topic subjects, the spread of first
    canonicals against SPREAD_SETS (with the floors) and where each typo sits."""
    a, b = firsts.get(SPREAD_SETS[0], set()), firsts.get(SPREAD_SETS[1], set())
    fc = [e["canonical"][0] for e in entries if e.get("canonical")]
    ms = {e.get("id"): meta.get(e.get("id"), {}) for e in entries}
    return {
        "new_shapes": {f: [e.get("id") for e in entries if ms[e.get("id")].get(f)] for f in NEW_SHAPES},
        "off_topic_subjects": {e.get("id"): ms[e.get("id")]["subject"] for e in entries
                               if "subject" in ms[e.get("id")]},
        "spread": {
            "first_canonicals": len(fc),
            "new_against_blind%d" % SPREAD_SETS[0]: sum(1 for c in fc if c not in a),
            "new_against_blind%d_and_blind%d" % SPREAD_SETS: sum(1 for c in fc if c not in a and c not in b),
            "floors": list(SPREAD_FLOORS),
        },
        "typos": {ms[e.get("id")]["typo"]: e.get("id") for e in entries if "typo" in ms[e.get("id")]},
    }


def fence_body(f):
    lines = f.split("\n")
    return "\n".join(lines[1:-1]) if len(lines) >= 2 else ""


def content_words(text):
    return {w for w in toks(text) if len(w) >= 5 and w.isalpha() and w not in STOP}


SOURCE_CAPS = set()


def shouted(text):
    text = re.sub(r"`[^`\n]*`", " ", prose(text))
    return {w for w in SHOUT.findall(text) if w not in ACRONYMS and w not in SOURCE_CAPS}


def query_exprs(text):
    out = []
    for m in QUERY_ARG.finditer(text):
        e = m.group(1)
        if e[:1] in "\"'" and e[-1:] == e[:1] and len(e) >= 2:
            e = e[1:-1]
        out.append(e.strip())
    return out


def regex_ok(r):
    r = r.strip()
    if not (r.startswith("^") or r.endswith("$")):
        return False
    if len(REGEX_CONSTRUCT.findall(r)) < REGEX_MIN_CONSTRUCTS:
        return False
    try:
        re.compile(r)
    except re.error:
        return False
    return True


def question_regexes(q):
    cands = re.findall(r"`([^`\n]+)`", prose(q))
    for f in fences(q):
        for line in fence_body(f).split("\n"):
            cands.append(line.strip())
            cands += re.findall(r'"([^"\n]+)"', line)
    return [c.strip() for c in cands if regex_ok(c)]


TLDR_ANY = re.compile(r"(?<![\w])(?:tl;\s?dr|tldr)(?![\w])", re.I)


def tldr_lines(q):
    return [m.group(1) for m in TLDR_LINE.finditer(prose(q))]


# the shapes of earlier sets, detected in any question (no flag needed). blind52's: a TL;DR marker (line start or
# anywhere in the prose); >= 2 shouted words; a typographic quote or dash anywhere; an --query expression; an
# anchored regular expression with >= 2 constructs. blind53's (added below): a numbered shell history with an az
# command; an env file; >= 2 ANSI colour codes; a ~~strikethrough~~ span; a percent-encoded https URI or resource ID.
# blind54's (added further below): a fenced <<<<<<< / ======= / >>>>>>> hunk; a Jira {code}/{noformat} block or >= 2
# {{monospace}} spans; >= 2 HTML character references; >= 3 numbered sub-questions each with a "?"; a decodable
# eyJ... access token.
OLD_DETECT = {
    "tldr_summary": lambda q: bool(tldr_lines(q)) or bool(TLDR_ANY.search(prose(q))),
    "caps_shouting": lambda q: len(shouted(q)) >= SHOUT_MIN,
    "smart_punctuation": lambda q: any(ch in q for ch in SMART_CHARS),
    "jmespath_query": lambda q: bool(query_exprs(q)),
    "regex_pattern": lambda q: bool(question_regexes(q)),
}


# ---- blind53's shapes: parsing (for detection only; their flags are dropped fields) ----
def history_numbers(q):
    """History numbers of every fence that reads as pasted shell history (>= HISTORY_MIN numbered lines, strictly
    increasing, at least one an az command); empty set if none."""
    nums = set()
    for f in fences(q):
        rows = []
        for line in fence_body(f).split("\n"):
            mm = HISTORY_LINE.match(line)
            if mm:
                rows.append((int(mm.group(1)), mm.group(2)))
        if len(rows) < HISTORY_MIN:
            continue
        if any(b <= a for (a, _), (b, _) in zip(rows, rows[1:])):
            continue
        if not any(re.match(r"az\s", cmd) for _, cmd in rows):
            continue
        nums |= {n for n, _ in rows}
    return nums


def strip_quotes(v):
    v = v.strip()
    if len(v) >= 2 and v[0] == v[-1] and v[0] in "\"'":
        v = v[1:-1]
    return v


def dotenv_vars(q):
    """NAME -> value of every fence that is a pure env file (>= DOTENV_MIN NAME=value lines, nothing else but
    blank lines and # comments)."""
    out = {}
    for f in fences(q):
        found, pure = {}, True
        for line in fence_body(f).split("\n"):
            st = line.strip()
            if not st or st.startswith("#"):
                continue
            mm = DOTENV_LINE.match(line)
            if not mm:
                pure = False
                break
            found[mm.group(1)] = strip_quotes(mm.group(2))
        if pure and len(found) >= DOTENV_MIN:
            out.update(found)
    return out


def ansi_spans(q):
    """Texts that follow a non-reset SGR code, up to the next code."""
    ms = list(ANSI_SGR.finditer(q))
    spans = []
    for i, mm in enumerate(ms):
        if mm.group(1) in ("", "0"):
            continue
        stop = ms[i + 1].start() if i + 1 < len(ms) else len(q)
        spans.append(q[mm.end():stop].split("\n")[0])
    return spans


def strike_spans(q):
    return [(mm.group(1).strip(), mm.group(2)) for mm in STRIKE.finditer(prose(q))]


def replacement_words(rest):
    words = [w for w in toks(rest)[:8] if len(w) >= 3 and w not in STRIKE_STOP and not w.isdigit()]
    return words


def percent_tokens(q):
    """(token, decoded) for every percent-encoded https URI or /subscriptions/ ID in the question."""
    out = []
    for t in PERCENT_TOKEN.findall(q):
        if len(PERCENT_ESC.findall(t)) < PERCENT_MIN:
            continue
        d = urllib.parse.unquote(t)
        if d.startswith("https://") or d.startswith("/subscriptions/"):
            out.append((t, d))
    return out


OLD_DETECT.update({
    "shell_history": lambda q: bool(history_numbers(q)),
    "dotenv_file": lambda q: bool(dotenv_vars(q)),
    "ansi_escape_codes": lambda q: len(ANSI_SGR.findall(q)) >= ANSI_MIN,
    "strikethrough_correction": lambda q: bool(strike_spans(q)),
    "percent_encoded_uri": lambda q: bool(percent_tokens(q)),
})


# ---- blind54's shapes, rejected in every question of this set (detection reuses blind54's lexical rules) ----
# (blind54's rules, kept verbatim: their flags are dropped fields now, and the detectors below reject the shapes)
# merge_conflict_markers (long only): the user pastes a file with an unresolved git merge conflict: a fence holding a
# hunk "<<<<<<< <label>" / "=======" / ">>>>>>> <label>" (each marker at a line start, in that order); the truth
# repeats >= 1 side token (>= 6 characters) that stands on only one side of a hunk, i.e. it says which side's
# content to keep, and holds no conflict marker itself
CONFLICT_OPEN = re.compile(r"^<{7}(?: .*)?$")
CONFLICT_MID = re.compile(r"^={7}$")
CONFLICT_CLOSE = re.compile(r"^>{7}(?: .*)?$")
SIDE_TOKEN = re.compile(r"[A-Za-z0-9_$/][A-Za-z0-9_.:/$\-]*[A-Za-z0-9_]")
SIDE_TOKEN_MIN = 6
CONFLICT_LEFTOVER = re.compile(r"<{7}|>{7}|^={7}\s*$", re.M)
# jira_markup (any style): text copied out of a Jira ticket keeps its wiki markup: a {code}...{code} or
# {noformat}...{noformat} block, or >= 2 {{monospace}} spans; the truth repeats the content of >= 1 {{...}} span of
# the question and holds no Jira markup ({{, }}, {code, {noformat})
JIRA_BLOCK = re.compile(r"\{(code|noformat)(?::[^}\n]*)?\}.*?\{\1\}", re.S)
# (not a GitHub Actions expression: no "$" before the braces, no space just inside them)
JIRA_MONO = re.compile(r"(?<!\$)\{\{(?! )([^{}\n]{1,160}?)(?<! )\}\}")
JIRA_MONO_MIN = 2
JIRA_LEFTOVER = re.compile(r"\{\{|\}\}|\{code|\{noformat\}")
# html_entities (any style): text copied from an HTML or XML source (a wiki export, a test report, an e-mail's
# HTML) keeps its character references: >= 2 valid references (&quot; &#39; &lt; ...); the truth holds no
# character reference and repeats >= 1 entity-quoted span verbatim: the text between an opening reference (a quote
# or <) and the next reference on the same line when that is its closer (the same quote, or >)
HTML_REF = re.compile(r"&(#[0-9]{2,5}|#[xX][0-9a-fA-F]{2,4}|[A-Za-z][A-Za-z0-9]{1,9});")
HTML_MIN = 2
HTML_PAIRS = {'"': '"', "'": "'", "<": ">"}
HTML_SPAN_MIN = 3
# numbered_subquestions (long or agent): the user stacks numbered sub-questions: the prose holds a run of >= 3
# markers numbered 1, 2, 3, ... ("1." "1)" or "(1)" at a line start or after a space), each followed by text with a
# "?" before the next marker (the last one up to its line end); the truth answers them in order, with a marker
# "(1)", "(2)", ... for every number of the run, in increasing positions
SUBQ_MARK = re.compile(r"(?:^|(?<=\s))(?:\((\d)\)|(\d)[.)])(?=\s)", re.M)
SUBQ_MIN = 3
# jwt_token (any style): the user pastes an access token: a token eyJ...eyJ...<signature> whose header and payload
# decode (base64url) to JSON objects, the header naming its "alg"; the truth names >= 1 claim of the payload
# together with its value (a string of >= 8 characters, e.g. oid and the principal ID) and holds no token fragment
JWT_RE = re.compile(r"eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{10,}")
JWT_FRAGMENT = re.compile(r"eyJ[A-Za-z0-9_-]{10,}")
JWT_VALUE_MIN = 8


def conflict_hunks(q):
    """(ours, theirs) line lists of every complete conflict hunk inside the question's fences."""
    hunks = []
    for f in md_fences(q):
        state, ours, theirs = None, [], []
        for line in fence_body(f).split("\n"):
            if CONFLICT_OPEN.match(line):
                state, ours, theirs = "ours", [], []
            elif CONFLICT_MID.match(line) and state == "ours":
                state = "theirs"
            elif CONFLICT_CLOSE.match(line) and state == "theirs":
                hunks.append((ours, theirs))
                state = None
            elif state == "ours":
                ours.append(line)
            elif state == "theirs":
                theirs.append(line)
    return hunks


def side_tokens(lines):
    return {t for t in SIDE_TOKEN.findall("\n".join(lines)) if len(t) >= SIDE_TOKEN_MIN}


def token_in(tok_, text):
    return re.search(r"(?<![A-Za-z0-9_.:/$\-])" + re.escape(tok_) + r"(?![A-Za-z0-9_:/$\-]|\.[A-Za-z0-9_])",
                     text) is not None


def jira_spans(q):
    return [m.group(1).strip() for m in JIRA_MONO.finditer(q) if m.group(1).strip()]


def html_refs(q):
    """Valid character references of the question, as (start, end, decoded character) in order."""
    out = []
    for m in HTML_REF.finditer(q):
        body = m.group(1)
        if body.startswith("#"):
            try:
                ch = chr(int(body[2:], 16) if body[1:2] in "xX" else int(body[1:]))
            except (ValueError, OverflowError):
                continue
        elif body + ";" in html.entities.html5:
            ch = html.entities.html5[body + ";"]
        else:
            continue
        out.append((m.start(), m.end(), ch))
    return out


def html_spans(q):
    """Entity-quoted spans: text between an opening reference and its closer, the next reference on the line."""
    refs = html_refs(q)
    spans, i = [], 0
    while i < len(refs) - 1:
        s0, e0, ch = refs[i]
        s1, e1, ch1 = refs[i + 1]
        between = q[e0:s1]
        if ch in HTML_PAIRS and ch1 == HTML_PAIRS[ch] and "\n" not in between:
            if len(between.strip()) >= HTML_SPAN_MIN:
                spans.append(between.strip())
            i += 2
        else:
            i += 1
    return spans


def subq_runs(q):
    """Lists of sub-question numbers for every run of >= SUBQ_MIN numbered markers 1, 2, 3, ... in the prose whose
    segments each hold a '?'."""
    text = prose(q)
    marks = [(m, int(m.group(1) or m.group(2))) for m in SUBQ_MARK.finditer(text)]
    runs, cur = [], []
    for m, n in marks:
        if n == 1:
            if len(cur) >= SUBQ_MIN:
                runs.append(cur)
            cur = [m]
        elif cur and n == len(cur) + 1:
            cur.append(m)
        else:
            if len(cur) >= SUBQ_MIN:
                runs.append(cur)
            cur = []
    if len(cur) >= SUBQ_MIN:
        runs.append(cur)
    good = []
    for run in runs:
        ok = True
        for k, m in enumerate(run):
            if k + 1 < len(run):
                seg = text[m.end():run[k + 1].start()]
            else:
                nl = text.find("\n", m.end())
                seg = text[m.end():nl if nl >= 0 else len(text)]
            if "?" not in seg:
                ok = False
        if ok:
            good.append(list(range(1, len(run) + 1)))
    return good


def b64json(seg):
    try:
        data = base64.urlsafe_b64decode(seg + "=" * (-len(seg) % 4))
        obj = json.loads(data.decode("utf-8"))
    except Exception:  # noqa: BLE001
        return None
    return obj if isinstance(obj, dict) else None


def jwt_payloads(q):
    """Decoded payloads of every well-formed token in the question."""
    out = []
    for m in JWT_RE.finditer(q):
        h, p, _ = m.group(0).split(".", 2)
        hdr, pay = b64json(h), b64json(p)
        if hdr is not None and "alg" in hdr and pay is not None:
            out.append(pay)
    return out


OLD_DETECT.update({
    "merge_conflict_markers": lambda q: bool(conflict_hunks(q)),
    "jira_markup": lambda q: bool(JIRA_BLOCK.search(q)) or len(jira_spans(q)) >= JIRA_MONO_MIN,
    "html_entities": lambda q: len(html_refs(q)) >= HTML_MIN,
    "numbered_subquestions": lambda q: bool(subq_runs(q)),
    "jwt_token": lambda q: bool(jwt_payloads(q)),
})


# ---- blind55's shapes, rejected in every question of this set (detection reuses blind55's lexical rules) ----
# (blind55's rules, kept verbatim: their flags are dropped fields now, and the detectors below reject the shapes)
# python_traceback (long only): the user pastes a Python traceback (the Azure CLI's "unexpected error" dump, or a
# crash of their own SDK script): a Markdown fence holding "Traceback (most recent call last):", >= 1 frame line
# 'File "<path>", line <n>, in <name>' and, after the frames, an unindented exception line "<Name>Error: ..."
# (Error/Exception/Exit/Interrupt/Warning); the truth names the exception class (its last dotted part, as a word) and
# holds no frame line and no traceback header
TB_HEAD = re.compile(r"^\s*Traceback \(most recent call last\):\s*$")
TB_FRAME = re.compile(r'^\s+File "[^"\n]+", line \d+, in \S+')
TB_EXC = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*"
                    r"(?:Error|Exception|Exit|Interrupt|Warning))(?::[ \t].*)?$")
TB_LEFTOVER = re.compile(r'File "[^"\n]*", line \d+|most recent call last')
# details_block (long only): a GitHub issue keeps a collapsed section: "<details>" (attributes allowed), then
# "<summary>...</summary>", then the hidden body, then "</details>"; the truth repeats >= 1 hidden token (>= 6
# characters of [A-Za-z0-9_.:/$-], as a whole token) that stands in a collapsed body and nowhere else in the
# question, i.e. the answer read the collapsed part, and holds no details/summary tag
DETAILS = re.compile(r"<details(?:\s[^>\n]*)?>\s*<summary>(.*?)</summary>(.*?)</details>", re.S | re.I)
DETAILS_LEFTOVER = re.compile(r"</?(?:details|summary)\b", re.I)
HIDDEN_MIN = 6
# screenshot_embed (any style): the user pastes a screenshot into a GitHub issue or a chat, which arrives as a
# Markdown image: "![alt](https://...)" whose address ends in .png/.jpg/.jpeg/.gif/.webp or is a GitHub
# user-attachments asset; the truth holds no image markup and none of the image addresses, and repeats >= 1
# descriptive word of an alt text (>= 5 letters, not a generic word such as "image" or "screenshot")
IMG = re.compile(r"!\[([^\]\n]*)\]\((https://[^\s)]+)\)")
IMG_EXT = re.compile(r"\.(?:png|jpe?g|gif|webp)$", re.I)
IMG_GENERIC = {"image", "images", "screenshot", "screenshots", "screen", "capture", "picture", "photo", "pasted",
               "attachment", "attachments", "shows", "showing", "below", "above"}
IMG_WORD_MIN = 5
# double_encoded_json (any style): the user copies a field out of a JSON log (an activity-log statusMessage, a
# deployment operation) whose value is itself a JSON document, so it arrives escaped: a one-line JSON string literal
# with >= 2 escaped quotes (\") that decodes to a string which parses as a JSON object or array; the truth holds no
# escaped quote and repeats >= 1 string value (>= 6 characters) of the inner document verbatim
JSTR = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
JSON_ESC_MIN = 2
JSON_VALUE_MIN = 6
# escaped_markdown (any style): text copied through a rich-text editor's "copy as Markdown" keeps backslash escapes:
# the prose (fences and `inline code` left out) holds >= 2 escapes \_ \* \[ \] \#; the truth holds no such escape
# and repeats >= 1 escaped word unescaped (a run of name characters that held an escape, backslashes removed, >= 4
# characters, as a whole token)
MD_ESC = re.compile(r"\\[_*\[\]#]")
MD_ESC_MIN = 2
MD_ESC_TOKEN = re.compile(r"(?:\\[_*\[\]#]|[A-Za-z0-9_.\-/\[\]])+")
MD_ESC_WORD_MIN = 4


def tracebacks(q, fenced=True):
    """Exception names of every complete traceback (header, >= 1 frame, exception line) in the question's Markdown
    fences (or, with fenced=False, anywhere in the question)."""
    found = []
    bodies = [fence_body(f) for f in md_fences(q)] if fenced else [q]
    for body in bodies:
        state, frames = None, 0
        for line in body.split("\n"):
            if TB_HEAD.match(line):
                state, frames = "tb", 0
            elif state == "tb" and TB_FRAME.match(line):
                frames += 1
            elif state == "tb" and frames and TB_EXC.match(line):
                found.append(TB_EXC.match(line).group(1))
                state = None
    return found


def traceback_seen(q):
    """Detection in any question: a traceback header followed by a frame line, fenced or not."""
    lines = q.split("\n")
    for i, line in enumerate(lines):
        if TB_HEAD.match(line) and any(TB_FRAME.match(x) for x in lines[i + 1:]):
            return True
    return False


def details_blocks(q):
    return [(m.group(1).strip(), m.group(2)) for m in DETAILS.finditer(q)]


def hidden_tokens(q):
    """Tokens (>= HIDDEN_MIN characters) of the collapsed bodies that occur nowhere else in the question."""
    bodies = [m.group(2) for m in DETAILS.finditer(q)]
    outside = DETAILS.sub(lambda m: " " + m.group(1) + " ", q)
    inside = set()
    for b in bodies:
        inside |= {t for t in SIDE_TOKEN.findall(b) if len(t) >= HIDDEN_MIN}
    return {t for t in inside if not token_in(t, outside)}


def images(q):
    """(alt, url) of every Markdown image that points at a screenshot-like address."""
    out = []
    for m in IMG.finditer(q):
        url = m.group(2)
        path = re.split(r"[?#]", url)[0]
        if IMG_EXT.search(path) or "/user-attachments/assets/" in path:
            out.append((m.group(1), url))
    return out


def alt_words(alt):
    return [w for w in toks(alt) if len(w) >= IMG_WORD_MIN and w.isalpha() and w not in IMG_GENERIC]


def double_json(q):
    """Inner documents of every one-line JSON string literal (>= JSON_ESC_MIN escaped quotes) whose value parses as
    JSON (an object or an array)."""
    out = []
    for m in JSTR.finditer(q):
        body = m.group(1)
        if body.count('\\"') < JSON_ESC_MIN:
            continue
        try:
            inner = json.loads('"' + body + '"')
            doc = json.loads(inner)
        except Exception:  # noqa: BLE001
            continue
        if isinstance(doc, (dict, list)):
            out.append(doc)
    return out


def json_strings(doc):
    if isinstance(doc, dict):
        return [s for v in doc.values() for s in json_strings(v)]
    if isinstance(doc, list):
        return [s for v in doc for s in json_strings(v)]
    return [doc] if isinstance(doc, str) else []


def md_prose(q):
    return re.sub(r"`[^`\n]*`", " ", prose(q))


def escaped_words(q):
    """Unescaped forms of the words of the prose that carried a Markdown backslash escape."""
    out = []
    for m in MD_ESC_TOKEN.finditer(md_prose(q)):
        t = m.group(0)
        if not MD_ESC.search(t):
            continue
        w = re.sub(r"\\(.)", r"\1", t).strip(".-/")
        if len(w) >= MD_ESC_WORD_MIN:
            out.append(w)
    return out


def word_token_in(w, text):
    return re.search(r"(?<![A-Za-z0-9_\-\\])" + re.escape(w) + r"(?![A-Za-z0-9_\-])", text) is not None


OLD_DETECT.update({
    "python_traceback": traceback_seen,
    "details_block": lambda q: bool(DETAILS.search(q)),
    "screenshot_embed": lambda q: bool(images(q)),
    "double_encoded_json": lambda q: bool(double_json(q)),
    "escaped_markdown": lambda q: len(MD_ESC.findall(md_prose(q))) >= MD_ESC_MIN,
})


# ---- blind56's shapes, rejected in every question of this set (detection reuses blind56's lexical rules) ----
# (blind56's rules, kept verbatim: their flags are dropped fields now, and the detectors below reject the shapes)
# gha_log_groups (long only): the user pastes the raw log of a GitHub Actions step ("View raw logs"): a Markdown fence
# holding >= 3 lines that start with a runner timestamp (2026-11-17T02:00:41.1836220Z), a "##[group]" line, a later
# "##[endgroup]" line and, after that, a "##[error]" line; the truth repeats >= 1 identifier-like token (>= 6
# characters with "_", "-", a digit or an inner capital, e.g. ForbiddenByFirewall, identity_client_id, run-id) of the
# step's own output (the lines between the last "##[endgroup]" and the "##[error]" line, timestamps removed), and
# holds no "##[" marker and no runner timestamp
GHA_TS = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z(?: |$)")
GHA_TS_MIN = 3
GHA_SEEN = re.compile(r"##\[(?:group|endgroup)\]")
GHA_TOKEN = re.compile(r"(?<![A-Za-z0-9_])[A-Za-z_][A-Za-z0-9_\-]*[A-Za-z0-9_]")
GHA_TOKEN_MIN = 6
GHA_LEFTOVER = re.compile(r"##\[|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{4,}Z")
# powershell_error_record (long only): the user pastes what Windows PowerShell prints when a command fails (az writing
# to stderr, or a cmdlet such as Invoke-RestMethod): a Markdown fence holding an "At <line:n | path:n> char:<n>"
# line followed by "+ CategoryInfo : ..." and "+ FullyQualifiedErrorId : <id>"; the truth names the error ID (its
# first comma-separated part, last dotted component, e.g. NativeCommandError) as a word and holds no CategoryInfo or
# FullyQualifiedErrorId label, no "char:<n>" position and no "~~~~" underline
PS_AT = re.compile(r"^At (?:line:\d+|\S.*:\d+) char:\d+\s*$")
PS_CAT = re.compile(r"^\s*\+ CategoryInfo\s+:\s*\S")
PS_FQID = re.compile(r"^\s*\+ FullyQualifiedErrorId\s+:\s*([A-Za-z][A-Za-z0-9_.]*)")
PS_SEEN = re.compile(r"(?m)^\s*\+ (?:CategoryInfo|FullyQualifiedErrorId)\s*:")
PS_LEFTOVER = re.compile(r"CategoryInfo|FullyQualifiedErrorId|\bchar:\d+|~{4,}")
# kubectl_events (long only): the user pastes the events of a pod (kubectl describe pod, or kubectl get events): a
# Markdown fence holding a header line with the columns Type, Reason, ..., Message (or TYPE, REASON, ..., MESSAGE),
# followed by >= 1 row whose Type column reads Warning; the truth repeats >= 1 identifier-like token (>= 8 characters
# with "_", "-", ".", "/", ":", a digit or an inner capital, e.g. ErrImagePull or an image reference) of a Warning
# row's message, and holds no header and no copied Warning row
EV_HEAD = re.compile(r"\b(?:Type|TYPE)\s{2,}(?:Reason|REASON)\s{2,}.*\b(Message|MESSAGE)\s*$")
EV_SEEN = re.compile(r"\b(?:Type|TYPE)\s{2,}(?:Reason|REASON)\s{2,}")
EV_TOKEN_MIN = 8
EV_LEFTOVER = re.compile(r"\b(?:Type|TYPE)\s{2,}(?:Reason|REASON)\b|\bWarning\s{2,}[A-Za-z]+\s{2,}")
# ndjson_log (long only): the user pastes log records as JSON lines (an activity-log or audit export flattened with
# jq -c, a Log Analytics export): a Markdown fence whose lines, apart from "$ <command>" lines, are each one JSON
# object, >= 3 of them; the truth repeats >= 1 string value (>= 6 characters, as a whole token) that occurs in exactly
# one of the records, i.e. it points at the record that matters, and holds no pasted object ('{"')
NDJSON_MIN = 3
NDJSON_VALUE_MIN = 6
# logfmt_line (any style): the user pastes a key=value log line (containerd, an exporter, their own service): a
# line holding >= 3 logfmt pairs, two of them level= and msg=; the truth repeats >= 1 value (>= 6 characters,
# quotes and trailing punctuation removed, as a whole token) of a pair other than time/ts/level/msg/caller, and holds
# no level= or msg= pair
LOGFMT_PAIR = re.compile(r'(?<![A-Za-z0-9_.\-])([a-z][a-z0-9_.]*)=("(?:[^"\\\n]|\\.)*"|[^\s"]+)')
LOGFMT_MIN = 3
LOGFMT_SKIP = {"time", "ts", "level", "msg", "caller"}
LOGFMT_VALUE_MIN = 6
LOGFMT_LEFTOVER = re.compile(r"(?<![A-Za-z0-9_.\-])(?:level|msg)=")


def ident_like(t, extra=""):
    return bool(re.search(r"[_\-0-9" + extra + r"]", t) or re.search(r"[a-z][A-Z]", t))


def bounded_in(tok_, text):
    return re.search(r"(?<![A-Za-z0-9_])" + re.escape(tok_) + r"(?![A-Za-z0-9_])", text) is not None


def gha_logs(q):
    """For every complete runner log in the question's Markdown fences: the step's output lines (between the last
    ##[endgroup] before the ##[error] line and that line), timestamps removed."""
    found = []
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        ms = [GHA_TS.match(x) for x in lines]
        if sum(1 for m in ms if m) < GHA_TS_MIN:
            continue
        text = [x[m.end():] if m else x for x, m in zip(lines, ms)]
        g = next((i for i, t in enumerate(text) if t.startswith("##[group]")), None)
        if g is None:
            continue
        e = next((i for i in range(g + 1, len(text)) if text[i].startswith("##[endgroup]")), None)
        if e is None:
            continue
        r = next((i for i in range(e + 1, len(text)) if text[i].startswith("##[error]")), None)
        if r is None:
            continue
        last = max(i for i in range(e, r) if text[i].startswith("##[endgroup]"))
        found.append([t for t in text[last + 1:r] if not t.startswith("##[")])
    return found


def gha_tokens(q):
    return {t for out in gha_logs(q) for line in out for t in GHA_TOKEN.findall(line)
            if len(t) >= GHA_TOKEN_MIN and ident_like(t)}


def ps_records(q):
    """Error IDs (first comma-separated part) of every complete PowerShell error record in the Markdown fences."""
    ids = []
    for f in md_fences(q):
        state = None
        for line in fence_body(f).split("\n"):
            if PS_AT.match(line):
                state = "at"
            elif state == "at" and PS_CAT.match(line):
                state = "cat"
            elif state == "cat" and PS_FQID.match(line):
                ids.append(PS_FQID.match(line).group(1))
                state = None
    return ids


def event_warnings(q):
    """Messages of the Warning rows of every events table (header with Type/Reason/.../Message) in the fences."""
    msgs = []
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        for i, line in enumerate(lines):
            m = EV_HEAD.search(line)
            if not m:
                continue
            col = m.start(1)
            tcol = line.find("Type") if "Type" in line else line.find("TYPE")
            for row in lines[i + 1:]:
                if not row.strip() or set(row.strip()) <= set("- "):
                    continue
                if row[tcol:tcol + 7] == "Warning" and len(row) > col:
                    msgs.append(row[col:])
            break
    return msgs


def event_tokens(q):
    return {t for msg in event_warnings(q) for t in SIDE_TOKEN.findall(msg)
            if len(t) >= EV_TOKEN_MIN and ident_like(t, "./:")}


def ndjson_records(q, strict=True):
    """Record lists of the fences that hold JSON lines: strict, every line apart from "$ " command lines is a JSON
    object and there are >= NDJSON_MIN; otherwise (detection), >= NDJSON_MIN consecutive object lines."""
    out = []
    for f in md_fences(q):
        objs, pure, run, best = [], True, 0, 0
        for line in fence_body(f).split("\n"):
            st = line.strip()
            if not st or st.startswith("$ "):
                continue
            try:
                obj = json.loads(st)
            except Exception:  # noqa: BLE001
                obj = None
            if isinstance(obj, dict):
                objs.append(obj)
                run += 1
                best = max(best, run)
            else:
                pure = False
                run = 0
        if (strict and pure and len(objs) >= NDJSON_MIN) or (not strict and best >= NDJSON_MIN):
            out.append(objs)
    return out


def ndjson_unique_values(q):
    """String values (>= NDJSON_VALUE_MIN characters) that occur in exactly one record of a JSON-lines fence."""
    vals = set()
    for objs in ndjson_records(q):
        per = [set(json_strings(o)) for o in objs]
        for v in set().union(*per):
            if len(v) >= NDJSON_VALUE_MIN and sum(1 for p in per if v in p) == 1:
                vals.add(v)
    return vals


def logfmt_lines(q):
    found = []
    for line in q.split("\n"):
        pairs = LOGFMT_PAIR.findall(line)
        if len(pairs) >= LOGFMT_MIN and {"level", "msg"} <= {k for k, _ in pairs}:
            found.append(pairs)
    return found


def logfmt_value(v):
    if len(v) >= 2 and v[0] == '"' and v[-1] == '"':
        return v[1:-1]
    return v.rstrip(",;:.?!")


def logfmt_values(q):
    return {logfmt_value(v) for pairs in logfmt_lines(q) for k, v in pairs
            if k not in LOGFMT_SKIP and len(logfmt_value(v)) >= LOGFMT_VALUE_MIN}


OLD_DETECT.update({
    "gha_log_groups": lambda q: bool(GHA_SEEN.search(q)),
    "powershell_error_record": lambda q: bool(PS_SEEN.search(q)),
    "kubectl_events": lambda q: bool(EV_SEEN.search(q)),
    "ndjson_log": lambda q: bool(ndjson_records(q, strict=False)),
    "logfmt_line": lambda q: bool(logfmt_lines(q)),
})


# ---- blind57's shapes, rejected in every question of this set (detection reuses blind57's lexical rules) ----
# (blind57's rules, kept verbatim: their flags are dropped fields now, and the detectors below reject the shapes)
# curl_verbose (long only): the user pastes the verbose trace of a curl call against the key store's data plane or
# Resource Manager (curl -v): a Markdown fence holding a request line "> METHOD <path> HTTP/<version>", after it a
# status line "< HTTP/<version> <code>" and >= 1 response header line "< name: value"; the truth names the status code
# (three digits standing alone) and repeats >= 1 identifier-like token (>= 6 characters with "_", "-", ".", "/", ":", a
# digit or an inner capital) of the response (the header values after the status line and the body lines that
# follow; the request's own lines do not count), and holds no trace line ("> " or "< " at a line start, "< HTTP/",
# a "> GET /..." request) and no bearer credential
CURL_REQ = re.compile(r"^> (?:GET|POST|PUT|PATCH|DELETE|HEAD) \S+ HTTP/[\d.]+\s*$")
CURL_STATUS = re.compile(r"^< HTTP/[\d.]+ (\d{3})(?: .*)?$")
CURL_HDR = re.compile(r"^< ([A-Za-z][A-Za-z0-9-]*): ?(.*)$")
CURL_SEEN = re.compile(r"(?m)^> (?:GET|POST|PUT|PATCH|DELETE|HEAD) \S+ HTTP/|^< HTTP/\d")
CURL_TOKEN_MIN = 6
CURL_LEFTOVER = re.compile(r"(?m)^[<>] |< HTTP/\d|> (?:GET|POST|PUT|PATCH|DELETE|HEAD) /|\bBearer\s+[^\s<]")
# git_log_oneline (long only): the user pastes "git log --oneline" output of the repository that holds the registry's
# infrastructure or scripts: a Markdown fence holding >= 3 consecutive lines "<hash> [(<refs>)] <subject>" (an
# abbreviated hash of 7-12 lowercase hex digits with >= 1 letter; a "$ git log ..." line may stand before them); the
# truth names >= 1 of those hashes as a whole token, i.e. it points at the commit that matters, and copies no subject
# line (a subject of >= 12 characters, verbatim)
GITLOG_LINE = re.compile(r"^(?:\*\s+)?([0-9a-f]{7,12})(?: \([^)\n]*\))? (\S.*)$")
GITLOG_MIN = 3
GITLOG_SUBJECT_MIN = 12
# csv_export (long only): the user pastes a CSV export (a portal "Download CSV", a Resource Graph or cost export, or
# a CLI result turned into CSV with jq @csv): a Markdown fence holding a header of >= 3 column names and >= 2 data
# rows with as many fields (parsed as CSV; "$ " command lines may stand before the header); the truth repeats >= 1
# cell value (>= 6 characters, as a whole token) that occurs in exactly one data row, i.e. it points at the row that
# matters, and copies no row (no 3 neighbouring cells of a row joined by commas, quoted or not)
CSV_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9 _./()-]{0,39}$")
CSV_MIN_COLS = 3
CSV_MIN_ROWS = 2
CSV_VALUE_MIN = 6
# crontab_line (any style): the user pastes the crontab entry of a job around the key (new key versions, log export,
# health probes): a line holding five cron time fields (digits, "*", "/", ",", "-"; >= 1 field with "*") followed by
# the command; the truth names the scheduled program (the basename of the command's first word, >= 5 characters, as a
# whole token), says in words when it runs (minutes, hours, days, weeks, months, weekdays ...), and holds no cron time
# expression itself
CRON_LINE = re.compile(r"(?:^|(?<=[\s`]))((?:[0-9*][0-9*/,-]*[ \t]+){4}[0-9*][0-9*/,-]*)[ \t]+([/~.$A-Za-z][^\s`]*)",
                       re.M)
CRON_EXPR = re.compile(r"(?:^|(?<=[\s`(]))((?:[0-9*][0-9*/,-]*[ \t]+){4}[0-9*][0-9*/,-]*)(?=[\s`).,;]|$)", re.M)
CRON_WORDS = re.compile(r"\b(?:minutes?|hours?|hourly|days?|daily|nights?|nightly|weeks?|weekly|weekdays?|weekends?|"
                        r"months?|monthly|quarters?|quarterly|years?|yearly|annually|midnight|mondays?|tuesdays?|"
                        r"wednesdays?|thursdays?|fridays?|saturdays?|sundays?)\b", re.I)
CRON_PROG_MIN = 5
# copilot_refs (any style): the user asks through GitHub Copilot Chat and keeps its chat participants and context
# variables in the text ("@workspace", "@azure", "@terminal", "@vscode", "@github", "#file:<path>", "#selection",
# "#codebase", "#editor", "#terminalLastCommand", "#terminalSelection", "#changes"); a flagged item references >= 1
# file with "#file:<path>"; the truth names the basename of >= 1 referenced file as a whole token (the answer looked at
# the attached file) and holds no participant or context variable
COPILOT_PART = re.compile(r"(?<![\w@.])@(?:workspace|azure|terminal|vscode|github)\b")
COPILOT_VAR = re.compile(r"(?<![\w#])#(?:file|selection|codebase|editor|terminalLastCommand|terminalSelection|"
                         r"changes)\b")
COPILOT_FILE = re.compile(r"(?<![\w#])#file:([^\s,;`'\"()]+)")


def curl_traces(q):
    """(status code, response text) of every complete curl -v trace in the question's Markdown fences: a request line,
    a later status line and >= 1 response header after it; the response text holds the header values and the body
    lines after the status line."""
    out = []
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        r = next((i for i, x in enumerate(lines) if CURL_REQ.match(x)), None)
        if r is None:
            continue
        s = next((i for i in range(r + 1, len(lines)) if CURL_STATUS.match(lines[i])), None)
        if s is None:
            continue
        code = CURL_STATUS.match(lines[s]).group(1)
        parts, headers = [], 0
        for x in lines[s + 1:]:
            mh = CURL_HDR.match(x)
            if mh:
                headers += 1
                parts.append(mh.group(2))
            elif x.startswith(("> ", "* ", "$ ", "< ")) or x.strip() in ("<", ">", ""):
                continue
            else:
                parts.append(x)
        if headers:
            out.append((code, "\n".join(parts)))
    return out


def curl_tokens(q):
    return {t for _, text in curl_traces(q) for t in SIDE_TOKEN.findall(text)
            if len(t) >= CURL_TOKEN_MIN and ident_like(t, "./:")}


def gitlog_runs(lines):
    """Runs of >= GITLOG_MIN consecutive git log --oneline lines, as lists of (hash, subject)."""
    runs, cur = [], []
    for x in lines + [""]:
        mm = GITLOG_LINE.match(x)
        if mm and re.search(r"[a-f]", mm.group(1)):
            cur.append((mm.group(1), mm.group(2).strip()))
        else:
            if len(cur) >= GITLOG_MIN:
                runs.append(cur)
            cur = []
    return runs


def gitlog_fenced(q):
    return [run for f in md_fences(q) for run in gitlog_runs(fence_body(f).split("\n"))]


def csv_cells(line):
    try:
        return [c.strip() for c in next(csv.reader([line]))]
    except Exception:  # noqa: BLE001
        return []


def csv_tables(lines):
    """(header, rows) of every CSV table: a header line of >= CSV_MIN_COLS column names followed by >= CSV_MIN_ROWS
    lines with as many fields ("$ " lines are skipped; lines starting with whitespace or "{" never count)."""
    tables, i = [], 0
    lines = [x for x in lines if not x.startswith("$ ")]
    while i < len(lines):
        x = lines[i]
        head = csv_cells(x) if x.strip() and not x[:1].isspace() and not x.startswith("{") else []
        if len(head) >= CSV_MIN_COLS and all(CSV_NAME.match(c) for c in head):
            rows, j = [], i + 1
            while j < len(lines):
                y = lines[j]
                if not y.strip() or y[:1].isspace() or y.startswith("{"):
                    break
                cells = csv_cells(y)
                if len(cells) != len(head):
                    break
                rows.append((y, cells))
                j += 1
            if len(rows) >= CSV_MIN_ROWS:
                tables.append((head, rows))
                i = j
                continue
        i += 1
    return tables


def csv_fenced(q):
    return [t for f in md_fences(q) for t in csv_tables(fence_body(f).split("\n"))]


def csv_unique_values(q):
    vals = set()
    for _, rows in csv_fenced(q):
        per = [set(c for c in cells if c) for _, cells in rows]
        for v in set().union(*per):
            if len(v) >= CSV_VALUE_MIN and sum(1 for p in per if v in p) == 1:
                vals.add(v)
    return vals


def value_in(v, text):
    return re.search(r"(?<![A-Za-z0-9_./:-])" + re.escape(v) + r"(?![A-Za-z0-9_/:-])", text) is not None


def cron_entries(q):
    """(time fields, program basename) of every crontab entry in the question."""
    out = []
    for mm in CRON_LINE.finditer(q):
        fields = mm.group(1).split()
        if not any("*" in x for x in fields):
            continue
        prog = mm.group(2).rstrip(".,;:?!").rstrip("/").split("/")[-1]
        out.append((fields, prog))
    return out


def cron_exprs(text):
    return [mm.group(1) for mm in CRON_EXPR.finditer(text) if "*" in mm.group(1)]


def copilot_files(q):
    return [mm.group(1).rstrip(".?!:").split("/")[-1] for mm in COPILOT_FILE.finditer(q)]


OLD_DETECT.update({
    "curl_verbose": lambda q: bool(CURL_SEEN.search(q)),
    "git_log_oneline": lambda q: bool(gitlog_runs(q.split("\n"))),
    "csv_export": lambda q: bool(csv_tables(q.split("\n"))),
    "crontab_line": lambda q: bool(cron_entries(q)),
    "copilot_refs": lambda q: bool(COPILOT_PART.search(q) or COPILOT_VAR.search(q)),
})


# ---- blind58's shapes, rejected in every question of this set (detection reuses blind58's lexical rules) ----
# (blind58's rules, kept verbatim: their flags are dropped fields now, and the detectors below reject the shapes)
# nslookup_output (long only): the user pastes what nslookup printed for the key store's or the registry's host name
# (Linux or Windows form): a Markdown fence holding a "Server:" line with the resolver's "Address:" line under it, and
# >= 1 answer, a "Name:" line directly followed by an "Address:" or "Addresses:" line ("Aliases:" and
# "<host> canonical name = <host>" lines also count as answers); the truth repeats >= 1 answer value (a resolved
# address or an answered, alias or canonical host name, trailing dot removed, >= 7 characters, as a whole token;
# the resolver's own address does not count) and holds no "Non-authoritative answer", no "canonical name =" and no
# "Server:"/"Name:"/"Address:"/"Aliases:" line
NS_SERVER = re.compile(r"^Server:\s+(\S+)\s*$")
NS_ADDR = re.compile(r"^Address(?:es)?:\s+(\S+)\s*$")
NS_NAME = re.compile(r"^Name:\s+(\S+)\s*$")
NS_LIST = re.compile(r"^(?:Aliases|Addresses):\s+(\S+)\s*$")
NS_CONT = re.compile(r"^\s{4,}(\S+)\s*$")
NS_CNAME = re.compile(r"^(\S+)\s+canonical name = (\S+)\s*$")
NS_VALUE_MIN = 7
NS_SEEN = re.compile(r"(?m)^\s*Non-authoritative answer:|canonical name = |^\s*Name:\s+\S+[ \t]*\n\s*Address(?:es)?:\s+\S|"
                     r"can't find \S+: (?:NXDOMAIN|Non-existent domain)")
NS_LEFTOVER = re.compile(r"(?m)Non-authoritative answer|canonical name =|^\s*(?:Server|Name|Address(?:es)?|Aliases):\s")
# dockerfile (long only): the user pastes the Dockerfile of the image that matters (a job or tool image, a build that
# starts from the registry): a Markdown fence whose instructions (continuation lines joined, comments and blank lines
# skipped) start with FROM (only ARG lines may stand before it) and number >= 3; the truth names >= 1 build input of
# the file, i.e. the FROM image reference or its tag (>= 3 characters), or the name or value (>= 4 characters) of an
# ENV or ARG line, as a whole token, and holds no Dockerfile instruction line
DF_INSTR = re.compile(r"^(FROM|RUN|COPY|ADD|ENV|ARG|WORKDIR|ENTRYPOINT|CMD|USER|LABEL|SHELL|EXPOSE|VOLUME|HEALTHCHECK|"
                      r"ONBUILD|STOPSIGNAL)\s+(\S.*)$")
DF_MIN = 3
DF_NAME_MIN = 4
DF_TAG_MIN = 3
DF_LEFTOVER = re.compile(r"(?m)^\s*(?:FROM|RUN|COPY|ADD|ENV|ARG|WORKDIR|ENTRYPOINT|CMD)\s+\S")
# windows_event_log (long only): the user pastes a Windows Event Viewer record as "Copy details as text" gives it (a
# Windows container host, a scheduled task, a service, PowerShell script block logging): a Markdown fence with the
# header lines "Log Name:", "Source:", "Event ID: <n>" and "Level:" and then a "Description:" line followed by (or
# holding) the event text; the truth repeats >= 1 identifier-like token (>= 6 characters with "_", "-", ".", "/",
# ":", a digit or an inner capital) of the description that stands in none of the header values, i.e. it read the
# event itself, and holds no header or "Description:" label line
WEL_LINE = re.compile(r"^(Log Name|Source|Date|Event ID|Task Category|Level|Opcode|Keywords|User|Computer):[ \t]*(.*)$")
WEL_DESC = re.compile(r"^Description:[ \t]*(.*)$")
WEL_REQUIRED = ("Log Name", "Source", "Event ID", "Level")
WEL_TOKEN_MIN = 6
WEL_SEEN = re.compile(r"(?m)^\s*(?:Event ID:[ \t]*\d+|Log Name:[ \t]+\S)")
WEL_LEFTOVER = re.compile(r"(?m)^\s*(?:Log Name|Event ID|Task Category|Keywords|Computer|Description):")
# monitor_alert_payload (long only): the user pastes the JSON an Azure Monitor alert sent to a webhook or Logic App
# (the common alert schema): a Markdown fence whose body is one JSON object with "schemaId":
# "azureMonitorCommonAlertSchema", a "data.essentials" object holding alertRule, severity, signalType and
# monitorCondition, and a non-empty "data.alertContext" object; the truth repeats >= 1 identifier-like string value
# (>= 6 characters with "_", "-", ".", "/", ":", a digit or an inner capital, as a whole token: an operation name, an
# object ID, a key ID, a tracking ID) of the alert context that is not also a value of the essentials, i.e. what
# actually happened rather than which rule fired, and holds no JSON fragment ('{"', '": "'), no schema id and no
# essentials/alertContext key
ALERT_SCHEMA = "azureMonitorCommonAlertSchema"
ALERT_ESSENTIALS = ("alertRule", "severity", "signalType", "monitorCondition")
ALERT_VALUE_MIN = 6
ALERT_SEEN = re.compile(r'azureMonitorCommonAlertSchema|"alertContext"\s*:|"essentials"\s*:')
ALERT_LEFTOVER = re.compile(r'\{"|"\s*:\s*["{\[]|azureMonitorCommonAlertSchema|"(?:essentials|alertContext|schemaId)"')
# checkov_finding (any style): the user pastes Checkov's verdict on their Terraform (or ARM/Bicep): a check ID
# (CKV_<FRAMEWORK>_<n> or CKV2_...) followed, on its own line or on one of the next two, by "PASSED for resource:",
# "FAILED for resource:" or "SKIPPED for resource:" and the resource address; in a long post the console output sits
# in a Markdown fence, in a one-line question the finding is quoted inline; a flagged item holds >= 1 FAILED finding;
# the truth names the check ID of >= 1 FAILED finding (a passed or skipped check does not count) and holds no
# "for resource:" result and no "Check: CKV..." line
CKV_ID = re.compile(r"\bCKV2?_[A-Z0-9]+_\d+\b")
CKV_RESULT = re.compile(r"\b(PASSED|FAILED|SKIPPED) for resource: ?([^\s`]+)")
CKV_LEFTOVER = re.compile(r"(?m)\bfor resource:|^\s*Check: CKV")


def ns_answers(q):
    """Answer values of every nslookup output in the question's Markdown fences (resolved addresses and answered,
    alias or canonical names, trailing dots removed); the resolver's 'Server:'/'Address:' pair is left out. A fence
    counts only with a 'Server:' line and >= 1 'Name:' line directly followed by an address line."""
    out = []
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        servers = [i for i, x in enumerate(lines) if NS_SERVER.match(x)]
        if not servers:
            continue
        skip = set()
        for i in servers:
            skip.add(i)
            if i + 1 < len(lines) and NS_ADDR.match(lines[i + 1]):
                skip.add(i + 1)
        vals, named, in_list = [], False, False
        for i, x in enumerate(lines):
            if i in skip:
                in_list = False
                continue
            m = NS_NAME.match(x)
            if m:
                vals.append(m.group(1))
                if i + 1 < len(lines) and NS_ADDR.match(lines[i + 1]):
                    named = True
                in_list = False
                continue
            m = NS_LIST.match(x)
            if m:
                vals.append(m.group(1))
                in_list = True
                continue
            m = NS_ADDR.match(x)
            if m:
                vals.append(m.group(1))
                in_list = False
                continue
            m = NS_CONT.match(x)
            if m and in_list:
                vals.append(m.group(1))
                continue
            m = NS_CNAME.match(x)
            if m:
                vals += [m.group(1), m.group(2)]
            in_list = False
        if named:
            out.append({v.rstrip(".") for v in vals if len(v.rstrip(".")) >= NS_VALUE_MIN})
    return out


def df_instructions(body):
    """(keyword, argument) of the instructions of a Dockerfile body: continuation lines joined, comments and blank
    lines skipped; None if a line is neither an instruction nor a continuation."""
    instr, cur = [], None
    for line in body.split("\n"):
        st = line.strip()
        if cur is not None:
            cur += " " + st.rstrip("\\").strip()
            if not st.endswith("\\"):
                instr.append(cur)
                cur = None
            continue
        if not st or st.startswith("#"):
            continue
        if not DF_INSTR.match(st):
            return None
        if st.endswith("\\"):
            cur = st.rstrip("\\").strip()
        else:
            instr.append(st)
    if cur is not None:
        instr.append(cur)
    return [tuple(DF_INSTR.match(x).groups()) for x in instr]


def df_pairs(arg):
    """name/value pairs of an ENV or ARG argument (k=v k2="v 2", or the old 'ENV k v' form)."""
    try:
        parts = shlex.split(arg)
    except ValueError:
        parts = arg.split()
    if parts and "=" not in parts[0]:
        return [(parts[0], " ".join(parts[1:]))]
    return [tuple(p.split("=", 1)) if "=" in p else (p, "") for p in parts]


def dockerfiles(q):
    """Build inputs (FROM reference and tag, ENV/ARG names and values) of every Dockerfile in the question's
    Markdown fences."""
    out = []
    for f in md_fences(q):
        ins = df_instructions(fence_body(f))
        if not ins or len(ins) < DF_MIN:
            continue
        first = next((k for k, _ in ins if k != "ARG"), None)
        if first != "FROM":
            continue
        inputs = set()
        for k, arg in ins:
            if k == "FROM":
                toks_ = [t for t in arg.split() if not t.startswith("--")]
                ref = toks_[0] if toks_ else ""
                if ref and "$" not in ref:
                    inputs.add(ref)
                    last = ref.split("/")[-1]
                    if ":" in last and len(last.split(":", 1)[1]) >= DF_TAG_MIN:
                        inputs.add(last.split(":", 1)[1])
            elif k in ("ENV", "ARG"):
                for name, val in df_pairs(arg):
                    for v in (name, val):
                        if len(v) >= DF_NAME_MIN and "$" not in v:
                            inputs.add(v)
        out.append(inputs)
    return out


def dockerfile_seen(q):
    lines = [x.strip().lstrip("`") for x in q.split("\n")]
    return any(re.match(r"FROM\s+\S", x) for x in lines) and sum(1 for x in lines if DF_INSTR.match(x)) >= 2


def event_records(q):
    """(header values, description) of every Event Viewer record in the question's Markdown fences."""
    out = []
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        hdr, desc = {}, None
        for i, x in enumerate(lines):
            m = WEL_LINE.match(x)
            if m:
                hdr[m.group(1)] = m.group(2).strip()
                continue
            m = WEL_DESC.match(x)
            if m:
                body = []
                for y in [m.group(1)] + lines[i + 1:]:
                    if y.startswith("Event Xml:"):
                        break
                    body.append(y)
                desc = "\n".join(body).strip()
                break
        if desc and all(k in hdr for k in WEL_REQUIRED) and re.fullmatch(r"\d+", hdr["Event ID"]):
            out.append((hdr, desc))
    return out


def wel_tokens(q):
    toks_ = set()
    for hdr, desc in event_records(q):
        head = "\n".join(hdr.values())
        toks_ |= {t for t in SIDE_TOKEN.findall(desc)
                  if len(t) >= WEL_TOKEN_MIN and ident_like(t, "./:") and not token_in(t, head)}
    return toks_


def alert_payloads(q):
    """(essentials, alertContext) of every common-alert-schema payload in the question's Markdown fences."""
    out = []
    for f in md_fences(q):
        try:
            doc = json.loads(fence_body(f))
        except Exception:  # noqa: BLE001
            continue
        if not isinstance(doc, dict) or doc.get("schemaId") != ALERT_SCHEMA:
            continue
        data = doc.get("data")
        if not isinstance(data, dict):
            continue
        ess, ctx = data.get("essentials"), data.get("alertContext")
        if not isinstance(ess, dict) or not all(k in ess for k in ALERT_ESSENTIALS):
            continue
        if not isinstance(ctx, dict) or not ctx:
            continue
        out.append((ess, ctx))
    return out


def alert_values(q):
    vals = set()
    for ess, ctx in alert_payloads(q):
        evals = set(json_strings(ess))
        vals |= {v for v in json_strings(ctx) if len(v) >= ALERT_VALUE_MIN and ident_like(v, "./:") and v not in evals}
    return vals


def checkov_findings(q):
    """(check ID, result, resource) of every Checkov finding in the question: the first result line after a check ID,
    on the ID's own line or one of the next two, before the next check ID."""
    out = []
    for m in CKV_ID.finditer(q):
        window = "\n".join(q[m.end():].split("\n")[:3])
        nxt = CKV_ID.search(window)
        if nxt:
            window = window[:nxt.start()]
        r = CKV_RESULT.search(window)
        if r:
            out.append((m.group(0), r.group(1), r.group(2).rstrip(".,;:")))
    return out


OLD_DETECT.update({
    "nslookup_output": lambda q: bool(NS_SEEN.search(q)),
    "dockerfile": dockerfile_seen,
    "windows_event_log": lambda q: bool(WEL_SEEN.search(q)),
    "monitor_alert_payload": lambda q: bool(ALERT_SEEN.search(q)),
    "checkov_finding": lambda q: bool(CKV_ID.search(q)),
})


# ---- blind59's shapes, rejected in every question of this set (detection reuses blind59's lexical rules) ----
# (blind59's rules, kept verbatim: their flags are dropped fields now, and the detectors below reject the shapes)
# openssl_key_text (any style): the user pastes what openssl printed for the key (or the certificate holding it)
# with -text -noout ("openssl rsa -pubin -text", "openssl pkey -text", "openssl x509 -text", "openssl ec -text"): a
# key-size line "Public-Key: (<n> bit)" / "RSA Public-Key: (<n> bit)" / "Private-Key: (<n> bit[, 2 primes])"; in a
# long post it stands in a Markdown fence together with >= 1 other openssl field line (Modulus:, publicExponent: or
# Exponent:, ASN1 OID:, NIST CURVE:, pub:, Public Key Algorithm:), in a one-line question it is quoted inline
# (`inline code`); the truth names the key's size (the bit count as a whole number, "4096-bit" counts) or, for an
# elliptic-curve key, its curve (the ASN1 OID or NIST CURVE value), and holds no openssl field line and no run of
# colon-separated hex bytes (6 or more)
SSL_SIZE = re.compile(r"(?:RSA )?(?:Public|Private)-Key: \((\d{3,5}) bit(?:, \d primes?)?\)")
SSL_FIELD = re.compile(r"(?m)^[ \t]*(?:Modulus|modulus|publicExponent|Exponent|ASN1 OID|NIST CURVE|pub|priv|"
                       r"Public Key Algorithm):")
SSL_CURVE = re.compile(r"(?m)^[ \t]*(?:ASN1 OID|NIST CURVE):[ \t]*(\S+)")
SSL_SEEN = re.compile(r"(?m)(?:Public|Private)-Key: \(\d+ bit|^\s*(?:Modulus|ASN1 OID|NIST CURVE|publicExponent):")
SSL_LEFTOVER = re.compile(r"(?m)(?:Public|Private)-Key: \(|^[ \t]*(?:Modulus|publicExponent|ASN1 OID|NIST CURVE|"
                          r"pub|priv):|(?:[0-9a-fA-F]{2}:){5,}[0-9a-fA-F]{2}")
# ini_config (long only): the user pastes a configuration file in INI or TOML form (~/.azure/config, a systemd
# service unit, containerd's config.toml, containers' registries.conf): a Markdown fence whose every line apart from
# blank lines and # or ; comments is a section header ([name], [[name]], TOML dotted and quoted names allowed) or a
# key = value line (top-level TOML keys may stand before the first header), with >= 2 headers and >= 3 key = value
# lines; the truth repeats >= 1 value token of the file (a run of >= 5 characters with "_", "-", ".", "/", ":", a
# digit or an inner capital, from the value side of a key = value line, quotes removed, as a whole token, that is
# neither a section name nor a key name of the file), i.e. it read what the file sets, and holds no section header
# line and no key = value line
INI_HEAD = re.compile(r"^[ \t]*\[\[?([^\[\]\n]+)\]\]?[ \t]*$")
INI_KV = re.compile(r"^[ \t]*([A-Za-z0-9_.\"\-]+)[ \t]*=[ \t]*(.*)$")
INI_MIN_HEADS = 2
INI_MIN_KV = 3
INI_VALUE_MIN = 5
INI_BOOL = {"true", "false", "yes", "no", "on", "off"}
INI_SEEN = re.compile(r"(?m)^[ \t]*\[\[?[^\[\]\n]+\]\]?[ \t]*\n(?:[ \t]*[#;].*\n)*[ \t]*[A-Za-z0-9_.\"\-]+[ \t]*=")
INI_LEFTOVER = re.compile(r"(?m)^[ \t]*\[\[?[^\[\]\n]+\]\]?[ \t]*$|^[ \t]*[A-Za-z0-9_.\"\-]+[ \t]*=[ \t]*\S")
# ps_format_list (long only): the user pastes what Azure PowerShell printed for an Az cmdlet (Get-AzKeyVault,
# Get-AzRoleAssignment, Get-AzUserAssignedIdentity, Get-AzKeyVaultKey, Get-AzKeyVaultManagedHsm ...) in its default
# list form: a Markdown fence holding a prompt line "PS <path>> <Verb>-Az<Noun> ..." followed by a run of >= 4
# consecutive property lines "<Label> : <value>" whose colons stand in the same column, with >= 1 space before the
# colon; the truth repeats >= 1 identifier-like token (>= 6 characters with "_", "-", ".", "/", ":", a digit or an
# inner capital, as a whole token) of a property value (the prompt line's own arguments do not count), and holds no
# property line and no "PS ...>" prompt
PSL_PROMPT = re.compile(r"^PS [^>\n]*> *([A-Z][a-z]+-Az[A-Za-z]+)\b")
PSL_PROP = re.compile(r"^([A-Za-z][^:\n]*?)[ \t]+:(?:[ \t](.*))?$")
PSL_MIN = 4
PSL_TOKEN_MIN = 6
PSL_SEEN = re.compile(r"(?m)^PS [^>\n]*> *[A-Z][a-z]+-Az[A-Za-z]+")
PSL_LEFTOVER = re.compile(r"(?m)^[A-Za-z][^:\n]*?[ \t]{2,}:[ \t]|^PS [^>\n]*>")
# ansible_output (long only): the user pastes the console output of an ansible-playbook run whose task ran the Azure
# CLI: a Markdown fence holding a "TASK [<name>] ***" banner and, after it, a "fatal: [<host>]: FAILED! => {...}"
# line whose result is one JSON object; the truth repeats >= 1 identifier-like token (>= 6 characters with "_", "-",
# ".", "/", ":", a digit or an inner capital, as a whole token) of the failed result's msg, stderr or stdout (their
# _lines included) that stands in no TASK banner, i.e. it read the error, and holds no TASK banner, no fatal/FAILED!
# line, no PLAY RECAP and no JSON fragment
ANS_TASK = re.compile(r"^TASK \[(.*)\] \*{3,}\s*$")
ANS_FATAL = re.compile(r"^fatal: \[([^\]\n]+)\]: FAILED! => (\{.*\})\s*$")
ANS_FIELDS = ("msg", "stderr", "stdout", "stderr_lines", "stdout_lines")
ANS_TOKEN_MIN = 6
ANS_SEEN = re.compile(r"(?m)^TASK \[.*\] \*{3,}|fatal: \[[^\]\n]+\]: (?:FAILED|UNREACHABLE)!|^PLAY RECAP \*")
ANS_LEFTOVER = re.compile(r"TASK \[|fatal: \[|FAILED! =>|PLAY RECAP|\{\"|\"\s*:\s*[\"\{\[]")
# oci_manifest (long only): the user pastes an image or artifact manifest (or an image index) as "oras manifest
# fetch", "az acr manifest show", "docker manifest inspect" or "regctl manifest get" print it: a Markdown fence
# whose body (after optional "$ " command lines) is one JSON object with "schemaVersion": 2, an OCI or Docker
# manifest or index mediaType and a non-empty "layers", "manifests" or "blobs" list; the truth repeats >= 1 value of
# the document that tells it apart: a descriptor digest ("sha256:" + 64 hex digits; its referrers-tag form
# "sha256-<hex>" also counts), an artifactType or an annotation value (identifier-like, >= 6 characters), as a whole
# token (media types of the document or its descriptors do not count), and holds no JSON fragment, no
# "schemaVersion" and no "mediaType" key
OCI_TYPES = re.compile(r"^application/vnd\.(?:oci\.image\.(?:manifest|index)\.v1|"
                       r"docker\.distribution\.manifest(?:\.list)?\.v2)\+json$")
OCI_DIGEST = re.compile(r"^sha256:[0-9a-f]{64}$")
OCI_VALUE_MIN = 6
OCI_SEEN = re.compile(r'"schemaVersion"\s*:\s*2|application/vnd\.oci\.image\.(?:manifest|index)\.v1\+json|'
                      r'application/vnd\.docker\.distribution\.manifest|"artifactType"\s*:')
OCI_LEFTOVER = re.compile(r'\{"|"\s*:\s*["\{\[]|schemaVersion|"mediaType"')


def ssl_facts(q, style):
    """(sizes, curves) of the openssl key text of a question: in a long post from the Markdown fences that hold a
    key-size line and >= 1 other field line; in a one-line question from the inline code spans holding a key-size
    line (curves from their ASN1 OID / NIST CURVE parts)."""
    sizes, curves = set(), set()
    if style == "long":
        for f in md_fences(q):
            body = fence_body(f)
            s = SSL_SIZE.findall(body)
            if s and SSL_FIELD.search(body):
                sizes |= set(s)
                curves |= set(SSL_CURVE.findall(body))
    else:
        for span in re.findall(r"`([^`\n]+)`", q):
            s = SSL_SIZE.findall(span)
            if s:
                sizes |= set(s)
        for span in re.findall(r"`([^`\n]+)`", q):
            curves |= set(re.findall(r"(?:ASN1 OID|NIST CURVE):[ \t]*([A-Za-z0-9\-]+)", span))
    return sizes, curves


def number_in(n, text):
    return re.search(r"(?<![\w.,])" + re.escape(n) + r"(?![0-9A-Za-z_])", text) is not None


def ini_files(q):
    """(sections, keys, value tokens) of every INI/TOML file in the question's Markdown fences."""
    out = []
    for f in md_fences(q):
        heads, keys, values, ok = [], [], [], True
        for line in fence_body(f).split("\n"):
            st = line.strip()
            if not st or st.startswith("#") or st.startswith(";"):
                continue
            mh = INI_HEAD.match(line)
            if mh:
                heads.append(mh.group(1).strip())
                continue
            mk = INI_KV.match(line)
            if mk:
                keys.append(mk.group(1).strip('"'))
                values.append(mk.group(2))
                continue
            ok = False
            break
        if not ok or len(heads) < INI_MIN_HEADS or len(keys) < INI_MIN_KV:
            continue
        names = set()
        for h in heads:
            names |= {p.strip('"') for p in re.split(r"\.(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", h)}
            names.add(h)
        names |= set(keys)
        toks_ = set()
        for v in values:
            v = v.strip()
            for t in SIDE_TOKEN.findall(v.replace('"', " ").replace("'", " ")):
                if len(t) >= INI_VALUE_MIN and ident_like(t, "./:") and t not in names and t.lower() not in INI_BOOL:
                    toks_.add(t)
        out.append((heads, keys, toks_))
    return out


def ps_lists(q):
    """(cmdlet, value tokens, prompt tokens) of every Az PowerShell list in the question's Markdown fences: a prompt
    line with an Az cmdlet followed by >= PSL_MIN consecutive property lines aligned on one colon column."""
    out = []
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        for i, line in enumerate(lines):
            mp = PSL_PROMPT.match(line)
            if not mp:
                continue
            run, col, vals, best = 0, None, [], []
            for x in lines[i + 1:]:
                if PSL_PROMPT.match(x):
                    break
                mm = PSL_PROP.match(x)
                if mm and not x[:1].isspace():
                    c = x.index(":", len(mm.group(1)))
                    if run and c == col:
                        run += 1
                        vals.append(mm.group(2) or "")
                    else:
                        run, col, vals = 1, c, [mm.group(2) or ""]
                else:
                    run, col, vals = 0, None, []
                if run >= PSL_MIN and len(vals) > len(best):
                    best = list(vals)
            if best:
                toks_ = {t for v in best for t in SIDE_TOKEN.findall(v)
                         if len(t) >= PSL_TOKEN_MIN and ident_like(t, "./:")}
                ptoks = set(SIDE_TOKEN.findall(line[mp.end():]))
                out.append((mp.group(1), toks_, ptoks))
    return out


def ps_tokens(q):
    return {t for _, toks_, _ in ps_lists(q) for t in toks_}


def ansible_runs(q):
    """(task names, failed result) of every ansible-playbook output in the question's Markdown fences: a TASK banner
    and, after it, a fatal ... FAILED! => line whose result parses as a JSON object."""
    out = []
    for f in md_fences(q):
        tasks, results = [], []
        for line in fence_body(f).split("\n"):
            mt = ANS_TASK.match(line)
            if mt:
                tasks.append(mt.group(1))
                continue
            mf = ANS_FATAL.match(line)
            if mf and tasks:
                try:
                    res = json.loads(mf.group(2))
                except Exception:  # noqa: BLE001
                    continue
                if isinstance(res, dict):
                    results.append(res)
        if tasks and results:
            out.append((tasks, results))
    return out


def ansible_tokens(q):
    toks_ = set()
    for tasks, results in ansible_runs(q):
        banner = " ".join(tasks)
        for res in results:
            for k in ANS_FIELDS:
                v = res.get(k)
                texts = v if isinstance(v, list) else [v]
                for t in texts:
                    if isinstance(t, str):
                        toks_ |= {x for x in SIDE_TOKEN.findall(t) if len(x) >= ANS_TOKEN_MIN
                                  and ident_like(x, "./:") and not token_in(x, banner)}
    return toks_


def oci_docs(q):
    """Manifest or index documents (parsed JSON) in the question's Markdown fences."""
    out = []
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        while lines and lines[0].startswith("$ "):
            lines = lines[1:]
        try:
            doc = json.loads("\n".join(lines))
        except Exception:  # noqa: BLE001
            continue
        if not isinstance(doc, dict) or doc.get("schemaVersion") != 2:
            continue
        if not isinstance(doc.get("mediaType"), str) or not OCI_TYPES.match(doc["mediaType"]):
            continue
        if not any(isinstance(doc.get(k), list) and doc.get(k) for k in ("layers", "manifests", "blobs")):
            continue
        out.append(doc)
    return out


def oci_values(doc):
    """Digests, artifactTypes and annotation values of a manifest or index (media types left out)."""
    vals = set()

    def walk(o, key=None):
        if isinstance(o, dict):
            for k, v in o.items():
                if k == "annotations" and isinstance(v, dict):
                    vals.update(x for x in v.values() if isinstance(x, str) and len(x) >= OCI_VALUE_MIN
                                and ident_like(x, "./:"))
                elif k in ("digest", "artifactType") and isinstance(v, str):
                    if OCI_DIGEST.match(v) or (k == "artifactType" and len(v) >= OCI_VALUE_MIN):
                        vals.add(v)
                else:
                    walk(v, k)
        elif isinstance(o, list):
            for v in o:
                walk(v, key)
    walk(doc)
    return vals


def oci_truth_hit(vals, truth):
    for v in vals:
        if value_in(v, truth):
            return True
        if OCI_DIGEST.match(v) and value_in("sha256-" + v[7:], truth):
            return True
    return False


OLD_DETECT.update({
    "openssl_key_text": lambda q: bool(SSL_SEEN.search(q)),
    "ini_config": lambda q: bool(INI_SEEN.search(q)),
    "ps_format_list": lambda q: bool(PSL_SEEN.search(q)),
    "ansible_output": lambda q: bool(ANS_SEEN.search(q)),
    "oci_manifest": lambda q: bool(OCI_SEEN.search(q)),
})


# ---- blind60's shapes, rejected in every question of this set (detection reuses blind60's lexical rules) ----
# (blind60's rules, kept verbatim: their flags are dropped fields now, and the detectors below reject the shapes)
# pytest_failure (any style): the user pastes what pytest printed for a failing test of their own check suite (tests
# that read a CMK registry's encryption settings, rotate its key, create registries, read task logs): in a long post a
# Markdown fence holding a short-summary line "FAILED <path>::<test>[ - <message>]" together with >= 1 other pytest
# line (an "E   " assertion line, a "____ <test> ____" section header, or the closing "N failed[, M passed] in X.XXs"
# summary, with or without "=" borders); in a one-line question the FAILED line is quoted inline (`inline code`); the
# truth names >= 1 failing test (the function name after the last "::", parameters left out, as a whole token) and
# holds no FAILED/PASSED/ERROR summary line, no "E   " assertion line and no "=====" separator
PYT_FAILED = re.compile(r"(?<![\w/.\-])FAILED[ \t]+(\S+::\S+)")
PYT_E_LINE = re.compile(r"(?m)^E {2,}\S")
PYT_SECTION = re.compile(r"(?m)^_{3,} \S+ _{3,}[ \t]*$")
PYT_SUMMARY = re.compile(r"(?m)^(?:=+ )?\d+ (?:failed|passed|errors?)(?:, \d+ (?:failed|passed|skipped|errors?|"
                         r"warnings?|xfailed|xpassed))* in [\d.]+s\b")
PYT_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
PYT_SEEN = re.compile(r"(?m)(?<![\w/.\-])(?:FAILED|ERROR)[ \t]+\S+::\S|^E {3,}\S|short test summary info|"
                      r"^=+ (?:FAILURES|ERRORS) =+|^(?:=+ )?\d+ failed(?:, \d+ \w+)* in [\d.]+s\b")
PYT_LEFTOVER = re.compile(r"(?m)(?:FAILED|PASSED|ERROR)[ \t]+\S+::|^E {2,}\S|={5,}")
# github_alert (long only): the user quotes a GitHub alert (a note, tip, warning ... block of GitHub-flavoured
# Markdown) from their own README, wiki page or runbook, usually to ask whether it is right: in the prose (not inside a
# fence) a blockquote line "> [!NOTE]" / "[!TIP]" / "[!IMPORTANT]" / "[!WARNING]" / "[!CAUTION]" directly followed by
# >= 1 quoted line ("> ...") whose text has >= 5 words; the truth shares >= 2 content words (>= 5 letters, not stop
# words) with the alert's text, i.e. it answers what the alert claims, and holds no alert marker and no quoted line
GFM_HEAD = re.compile(r"^[ \t]*>[ \t]*\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*$")
GFM_QUOTE = re.compile(r"^[ \t]*>[ \t]?(.*)$")
GFM_SEEN = re.compile(r"\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]", re.I)
GFM_MIN_WORDS = 5
GFM_SHARED = 2
GFM_LEFTOVER = re.compile(r"\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]|^[ \t]*>", re.I | re.M)
# changelog_entry (long only): the user pastes release notes of the tool or module involved (the azurerm provider's
# CHANGELOG, an Azure Verified Module's changelog, Azure CLI release notes): a Markdown fence holding >= 1 version
# heading ("## 4.0.0 (August 22, 2024)", "## [0.7.0] - 2025-01-21", "# v2.62.0") and, after the first one, >= 2 bullet
# lines ("* ..." or "- ..."); the truth names >= 1 version of a heading (as a whole token, e.g. "4.65.0") and holds no
# version heading line and no section label line (BREAKING CHANGES:, ENHANCEMENTS:, ### Added, ### Changed ...)
CL_VERSION = re.compile(r"^[ \t]*#{1,3}[ \t]+\[?v?(\d+\.\d+\.\d+)\]?(?=[\s(]|$)")
CL_BULLET = re.compile(r"^[ \t]*[*\-][ \t]+\S")
CL_MIN_BULLETS = 2
CL_SEEN = re.compile(r"(?m)^[ \t]*#{1,3}[ \t]+\[?v?\d+\.\d+\.\d+\]?(?=[\s(]|$)|"
                     r"^[ \t]*(?:BREAKING CHANGES|ENHANCEMENTS|BUG FIXES|FEATURES|DEPRECATIONS):[ \t]*$|"
                     r"^[ \t]*#{2,4}[ \t]+(?:Added|Changed|Deprecated|Removed|Fixed|Security)[ \t]*$")
CL_LEFTOVER = CL_SEEN
# maven_build_log (long only): the user pastes the console output of a Maven build that pushes the image with Jib
# (or another plugin): a Markdown fence holding >= 3 lines "[INFO] ...", "[WARNING] ..." or "[ERROR] ...", among them
# an "[INFO] BUILD FAILURE" line and >= 1 "[ERROR]" line; the truth repeats >= 1 word of the error (a word of >= 5
# letters from an [ERROR] line, the "Failed to execute goal <plugin> (<execution>) on project <name>:" prefix left out,
# that is not a generic build word and stands in no [INFO] or [WARNING] line, e.g. Forbidden, inactive, configured),
# i.e. it read what the registry answered, and holds no [INFO]/[WARNING]/[ERROR] marker, no BUILD FAILURE/SUCCESS line
# and no "Failed to execute goal"
MVN_LINE = re.compile(r"^\[(INFO|WARNING|ERROR)\](?: (.*))?$")
MVN_RESULT = re.compile(r"^\[INFO\] BUILD FAILURE[ \t]*$")
MVN_GOAL = re.compile(r"Failed to execute goal \S+(?: \([^)\n]*\))? on project [^:\s]+:\s*")
MVN_MIN = 3
MVN_WORD_MIN = 5
MVN_GENERIC = {"error", "errors", "failed", "failure", "build", "image", "images", "execute", "project", "plugin",
               "please", "information", "check", "should", "could", "would", "there", "their", "which", "about",
               "after", "before", "while", "maven", "registry", "registries", "azurecr"}
MVN_SEEN = re.compile(r"(?m)^\[(?:INFO|WARNING|ERROR)\] |BUILD (?:FAILURE|SUCCESS)|Failed to execute goal")
MVN_LEFTOVER = re.compile(r"\[(?:INFO|WARNING|ERROR)\]|BUILD (?:FAILURE|SUCCESS)|Failed to execute goal")
# azd_output (long only): the user pastes what the Azure Developer CLI printed for "azd up" or "azd provision": a
# Markdown fence holding >= 1 "(✓) Done: <resource type>: <name>" line, >= 1 "(x) Failed: <resource type>: <name>"
# line and, after a failed line, an "ERROR: ..." line; the truth names >= 1 failed resource (its name, as a whole
# token), i.e. it says which resource broke, and holds no status line, no "ERROR: " line and no "(azd ...)" banner
AZD_STATUS = re.compile(r"^[ \t]*\((\u2713|x|-)\)[ \t]+(Done|Failed|Skipped):[ \t]+(.+?):[ \t]+(\S+?)"
                        r"(?:[ \t]+\([\d.]+m?s\))?[ \t]*$")
AZD_ERROR = re.compile(r"^ERROR: \S")
AZD_SEEN = re.compile(r"(?m)^[ \t]*\((?:\u2713|x|-)\)[ \t]+(?:Done|Failed|Skipped):|\(azd (?:provision|up|deploy|down)\)")
AZD_LEFTOVER = re.compile(r"(?m)\((?:\u2713|x|-)\)[ \t]+(?:Done|Failed|Skipped):|^ERROR: |"
                          r"\(azd (?:provision|up|deploy|down)\)")


def pytest_name(token):
    """Function name of a pytest node ID (the part after the last '::', parameters left out), or None."""
    token = token.rstrip("`.,;:")
    parts = token.split("::")
    if len(parts) < 2:
        return None
    name = parts[-1].split("[")[0]
    return name if PYT_NAME.match(name) else None


def pytest_tests(q, style):
    """Names of the failing tests of the question's pytest output: in a long post from the Markdown fences that hold a
    FAILED summary line and >= 1 other pytest line; in a one-line question from the inline code spans that hold a
    FAILED line."""
    names = set()
    if style == "long":
        for f in md_fences(q):
            body = fence_body(f)
            found = [pytest_name(t) for t in PYT_FAILED.findall(body)]
            found = [n for n in found if n]
            if found and (PYT_E_LINE.search(body) or PYT_SECTION.search(body) or PYT_SUMMARY.search(body)):
                names |= set(found)
    else:
        for span in re.findall(r"`([^`\n]+)`", q):
            names |= {n for n in (pytest_name(t) for t in PYT_FAILED.findall(span)) if n}
    return names


def gfm_alerts(q):
    """(type, text) of every GitHub alert in the prose: a '> [!TYPE]' line followed by quoted lines."""
    out = []
    lines = prose(q).split("\n")
    for i, line in enumerate(lines):
        mh = GFM_HEAD.match(line)
        if not mh:
            continue
        body = []
        for x in lines[i + 1:]:
            mq = GFM_QUOTE.match(x)
            if not mq or GFM_HEAD.match(x):
                break
            body.append(mq.group(1))
        text = " ".join(body).strip()
        if len(text.split()) >= GFM_MIN_WORDS:
            out.append((mh.group(1), text))
    return out


def changelogs(q):
    """Heading versions of every release-notes excerpt in the question's Markdown fences: >= 1 version heading and
    >= CL_MIN_BULLETS bullet lines after the first one."""
    out = []
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        heads = [(i, CL_VERSION.match(x).group(1)) for i, x in enumerate(lines) if CL_VERSION.match(x)]
        if not heads:
            continue
        bullets = sum(1 for x in lines[heads[0][0] + 1:] if CL_BULLET.match(x))
        if bullets >= CL_MIN_BULLETS:
            out.append({v for _, v in heads})
    return out


def version_in(v, text):
    return re.search(r"(?<![\w.])" + re.escape(v) + r"(?![\w]|\.\d)", text) is not None


def maven_logs(q):
    """[(level, text)] of every Maven console log in the question's Markdown fences: >= MVN_MIN log lines, an
    '[INFO] BUILD FAILURE' line and >= 1 [ERROR] line."""
    out = []
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        rows = [(MVN_LINE.match(x).group(1), MVN_LINE.match(x).group(2) or "") for x in lines if MVN_LINE.match(x)]
        if len(rows) < MVN_MIN or not any(lvl == "ERROR" for lvl, _ in rows):
            continue
        if not any(MVN_RESULT.match(x) for x in lines):
            continue
        out.append(rows)
    return out


def maven_error_words(q):
    words = set()
    for rows in maven_logs(q):
        other = {w.lower() for lvl, t in rows if lvl != "ERROR" for w in re.findall(r"[A-Za-z]+", t)}
        for lvl, t in rows:
            if lvl != "ERROR":
                continue
            for w in re.findall(r"[A-Za-z]+", MVN_GOAL.sub(" ", t)):
                lw = w.lower()
                if len(lw) >= MVN_WORD_MIN and lw not in MVN_GENERIC and lw not in STOP and lw not in other:
                    words.add(lw)
    return words


def azd_runs(q):
    """Names of the failed resources of every azd output in the question's Markdown fences: >= 1 Done line, >= 1
    Failed line and an 'ERROR: ' line after a failed one."""
    out = []
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        done, failed, err = False, [], False
        for i, x in enumerate(lines):
            ms = AZD_STATUS.match(x)
            if ms and ms.group(2) == "Done":
                done = True
            elif ms and ms.group(2) == "Failed":
                failed.append(ms.group(4))
            elif AZD_ERROR.match(x) and failed:
                err = True
        if done and failed and err:
            out.append(set(failed))
    return out


OLD_DETECT.update({
    "pytest_failure": lambda q: bool(PYT_SEEN.search(q)),
    "github_alert": lambda q: bool(GFM_SEEN.search(q)),
    "changelog_entry": lambda q: bool(CL_SEEN.search(q)),
    "maven_build_log": lambda q: bool(MVN_SEEN.search(q)),
    "azd_output": lambda q: bool(AZD_SEEN.search(q)),
})


# ---- blind61's shapes, rejected in every question of this set (detection reuses blind61's lexical rules) ----
# (blind61's rules, kept verbatim: their flags are dropped fields now, and the detectors below reject the shapes)
# make_error (any style): the user pastes what GNU make printed when a target of the team's own Makefile (the wrapper
# around their az or terraform commands) failed: in a long post a Markdown fence holding a make error line
# "make: *** [<file>:<line>: <target>] Error <n>" (the older "make: *** [<target>] Error <n>" form and a "make[N]:"
# prefix count too) with >= 1 other non-blank line before it in the same fence (the echoed recipe command or the
# tool's own output); in a one-line question the error line is quoted inline (`inline code`); the truth names the
# failing target (as a whole token; the makefile's name and the line number do not count) and holds no make error
# line ("make: ***" or "] Error <n>")
MAKE_ERR = re.compile(r"\bmake(?:\[\d+\])?: \*\*\* \[(?:([^\]\s:]+):(\d+): )?([^\]\s]+)\] Error (\d+)")
MAKE_SEEN = re.compile(r"\bmake(?:\[\d+\])?: \*\*\*|\] Error \d+\b")
MAKE_LEFTOVER = MAKE_SEEN
# mermaid_diagram (long only): the user sketches the setup as a Mermaid diagram, the way GitHub issues and chat
# assistants render it: a Markdown fence opened with ```mermaid whose first non-blank line is a flowchart header
# ("flowchart <dir>" or "graph <dir>") or "sequenceDiagram", with >= 3 edge lines (flowchart: -->, ---, -.->, ==>,
# --o, --x, <-->) or message lines (sequence: ->>, -->>, ->, -->, -x, --x, -), --)); the truth names >= 2 nodes of the
# diagram (a flowchart node's label, or its ID when it has no label anywhere in the diagram; a sequence participant's
# name or alias; as a whole phrase, case ignored, >= 4 characters; edge labels never count), i.e. it places the answer
# on the drawing, and holds no Mermaid edge and no diagram header
MMD_FENCE = re.compile(r"```mermaid[ \t]*\n(.*?)```", re.S)
MMD_HEAD = re.compile(r"^\s*(?:(?:flowchart|graph)\s+(?:TD|TB|BT|LR|RL)|sequenceDiagram)\s*$")
MMD_FLOW_EDGE = re.compile(r"--+>|---|-\.+-+>?|==+>|--+[ox](?![\w])|<--+>")
MMD_SEQ_MSG = re.compile(r"^\s*([^:\n]+?)\s*(?:-->>|->>|-->|->|--x|-x|--\)|-\))[+\-]?\s*([^:\n]+?)\s*:")
MMD_NODE = re.compile(r"\b([A-Za-z][\w\-]*)\s*(\[\[|\[\(|\(\[|\(\(|\[/|\[|\(|\{|>)\s*\"?([^\"\[\]\(\)\{\}\n|]+?)\"?\s*"
                      r"(\]\]|\)\]|\]\)|\)\)|/\]|\]|\)|\})")
MMD_BARE = re.compile(r"(?:^|(?<=[\s>&-]))([A-Za-z][\w\-]*)(?=\s*(?:--|==|-\.|<--|&|$))")
MMD_PART = re.compile(r"^\s*(?:participant|actor)\s+([^\s]+)(?:\s+as\s+(.+?))?\s*$")
MMD_MIN_EDGES = 3
MMD_NODE_MIN = 4
MMD_SHARED = 2
MMD_SEEN = re.compile(r"```mermaid|^\s*(?:(?:flowchart|graph)\s+(?:TD|TB|BT|LR|RL)|sequenceDiagram)\b", re.M)
MMD_LEFTOVER = re.compile(r"-->|->>|-\.->|==>|```mermaid|^\s*(?:(?:flowchart|graph)\s+(?:TD|TB|BT|LR|RL)|sequenceDiagram)\b",
                          re.M)
# nodejs_error (long only): the user pastes what Node.js printed when their own script (built on the Azure SDK for
# JavaScript) threw: a Markdown fence holding an error line "<Name>Error: <message>" ("Uncaught " before it and a
# "[CODE]" after the name allowed) followed by >= 2 stack frame lines "    at <function> (<path>:<line>:<col>)" or
# "    at <path>:<line>:<col>"; the truth repeats >= 1 word of the error (a word of >= 5 letters from the error
# line's message, or a "code: '...'" value of the printed error object, that is not a generic word and stands in no
# frame line), i.e. it read what the service answered, and holds no stack frame and no "node:internal" path
JS_ERR = re.compile(r"^(?:Uncaught )?([A-Z][A-Za-z0-9]*Error)(?: \[[A-Z0-9_]+\])?: (\S.*)$")
JS_FRAME = re.compile(r"^\s+at (?:.+? \()?(?:file://)?[^\s()]+:\d+:\d+\)?(?: \{)?\s*$")
JS_CODE = re.compile(r"^\s+code: '([^'\n]+)',?\s*$")
JS_MIN_FRAMES = 2
JS_WORD_MIN = 5
JS_GENERIC = {"error", "errors", "request", "requests", "failed", "failure", "status", "statuscode", "response",
              "message", "unable", "invalid", "could", "cannot", "operation", "service", "client", "azure"}
JS_SEEN = re.compile(r"^\s+at (?:.+? \()?(?:file://)?[^\s()]+:\d+:\d+\)?|node:internal/", re.M)
JS_LEFTOVER = re.compile(r"\bat (?:\S+ \()?(?:file://)?[^\s()]+:\d+:\d+\)?|node:internal/|\.[cm]?[jt]s:\d+:\d+")
# dotnet_exception (long only): the user pastes what a .NET tool of theirs (built on the Azure SDK for .NET) printed for
# an unhandled Azure.RequestFailedException: a Markdown fence holding the exception line
# "<Namespace>.<Name>Exception: <message>" ("Unhandled exception. " before it allowed), a "Status: <nnn> (<reason>)"
# line and an "ErrorCode: <code>" line (a "Content:" block with the service's JSON, a "Headers:" block and
# "   at ..." frames may follow); the truth names >= 1 error code of the paste (the ErrorCode value, or a "code" value
# inside the Content JSON, as a whole token), i.e. it read the service's verdict, and holds no "Status: nnn (" line,
# no "ErrorCode:" label, no stack frame and no "Content:"/"Headers:" label line
NET_EXC = re.compile(r"^(?:Unhandled exception\. )?((?:[A-Z][A-Za-z0-9]*\.)+[A-Z][A-Za-z0-9]*Exception): (\S.*)$")
NET_STATUS = re.compile(r"^\s*Status: (\d{3}) \(([^)\n]+)\)\s*$")
NET_CODE = re.compile(r"^\s*ErrorCode: ([A-Za-z][A-Za-z0-9_.]*)\s*$")
NET_JSON_CODE = re.compile(r'"code"\s*:\s*"([A-Za-z][A-Za-z0-9_.]*)"')
NET_SEEN = re.compile(r"RequestFailedException|^\s*Status: \d{3} \(|^\s*ErrorCode: \S|"
                      r"--- End of (?:inner exception )?stack trace|:line \d+\b", re.M)
NET_LEFTOVER = re.compile(r"Status: \d{3} \(|ErrorCode:|^\s*at [A-Za-z_][\w.`<>]*\(|:line \d+\b|"
                          r"^\s*(?:Content|Headers):\s*$", re.M)
# jenkins_console (long only): the user pastes the console output of a failed Jenkins pipeline run whose sh step ran
# the Azure CLI (or Terraform): a Markdown fence holding >= 2 "[Pipeline] ..." lines, >= 1 shell trace line
# "+ <command>" and a closing "Finished: FAILURE" line after them; the truth names the failing command, i.e. the
# command of the last "+ " trace line before "Finished:" (its leading words up to the first option, variable, quoted
# value, path or assignment, at most four and at least two, e.g. "az acr encryption rotate-key"), and holds no
# "[Pipeline]" line, no "Finished: ..." line and no "+ " trace line
JK_PIPE = re.compile(r"^\[Pipeline\] \S")
JK_TRACE = re.compile(r"^\+ (\S.*)$")
JK_FINISHED = re.compile(r"^Finished: FAILURE\s*$")
JK_MIN_PIPE = 2
JK_SEEN = re.compile(r"\[Pipeline\]|^Finished: (?:SUCCESS|FAILURE|UNSTABLE|ABORTED|NOT_BUILT)\s*$", re.M)
JK_LEFTOVER = re.compile(r"\[Pipeline\]|^Finished: [A-Z_]+|^\+ \S", re.M)


def make_targets(q, style):
    """Failing targets of the question's make output: in a long post from the Markdown fences that hold a make error
    line with >= 1 other non-blank line before it; in a one-line question from the inline code spans that hold one."""
    targets = set()
    if style == "long":
        for f in md_fences(q):
            lines = fence_body(f).split("\n")
            for i, line in enumerate(lines):
                mm = MAKE_ERR.search(line)
                if mm and any(x.strip() for x in lines[:i]):
                    targets.add(mm.group(3))
    else:
        for span in re.findall(r"`([^`\n]+)`", q):
            targets |= {mm.group(3) for mm in MAKE_ERR.finditer(span)}
    return targets


def mermaid_nodes(q):
    """Node names of every Mermaid diagram in the question: a ```mermaid fence with a flowchart or sequence header and
    >= MMD_MIN_EDGES edge or message lines; flowchart nodes by label (or ID when the node has no label), sequence
    nodes by participant name and alias."""
    out = []
    for mm in MMD_FENCE.finditer(q):
        lines = [x for x in mm.group(1).split("\n") if x.strip() and not x.strip().startswith("%%")]
        if not lines or not MMD_HEAD.match(lines[0]):
            continue
        seq = "sequenceDiagram" in lines[0]
        names, edges = set(), 0
        # an ID that carries a label anywhere in the diagram counts by its label only, never as a bare ID
        labelled = {nm.group(1) for line in lines[1:] for nm in MMD_NODE.finditer(line.strip())}
        for line in lines[1:]:
            st = line.strip()
            if seq:
                mp = MMD_PART.match(st)
                if mp:
                    names.add(mp.group(1))
                    if mp.group(2):
                        names.add(mp.group(2).strip())
                    continue
                ms = MMD_SEQ_MSG.match(st)
                if ms:
                    edges += 1
                    names.add(ms.group(1).strip())
                    names.add(ms.group(2).strip())
            else:
                if st.startswith(("subgraph", "end", "classDef", "class ", "style ", "linkStyle", "click ")):
                    continue
                if MMD_FLOW_EDGE.search(st):
                    edges += 1
                for nm in MMD_NODE.finditer(st):
                    names.add(nm.group(3).strip())
                for bm in MMD_BARE.finditer(re.sub(r"\|[^|\n]*\|", " ", st)):
                    if bm.group(1) not in labelled:
                        names.add(bm.group(1))
        if edges >= MMD_MIN_EDGES:
            out.append({n for n in names if len(n) >= MMD_NODE_MIN})
    return out


def phrase_in(p, text):
    return re.search(r"(?<![A-Za-z0-9_\-])" + re.escape(p) + r"(?![A-Za-z0-9_\-])", text, re.I) is not None


def node_errors(q):
    """(message words, frame text) of every Node.js error in the question's Markdown fences: an error line followed by
    >= JS_MIN_FRAMES frame lines; the words come from the error line's message and the error object's code values."""
    out = []
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        for i, line in enumerate(lines):
            me = JS_ERR.match(line)
            if not me:
                continue
            frames = [x for x in lines[i + 1:] if JS_FRAME.match(x)]
            if len(frames) < JS_MIN_FRAMES:
                continue
            codes = [JS_CODE.match(x).group(1) for x in lines[i + 1:] if JS_CODE.match(x)]
            out.append((me.group(2) + " " + " ".join(codes), "\n".join(frames)))
    return out


def node_error_words(q):
    words = set()
    for msg, frames in node_errors(q):
        fw = {w.lower() for w in re.findall(r"[A-Za-z]+", frames)}
        for w in re.findall(r"[A-Za-z]+", msg):
            lw = w.lower()
            if len(lw) >= JS_WORD_MIN and lw not in JS_GENERIC and lw not in STOP and lw not in fw:
                words.add(lw)
    return words


def dotnet_codes(q):
    """Error codes of every RequestFailedException paste in the question's Markdown fences: the exception line, a
    Status line and an ErrorCode line; the codes are the ErrorCode value and the "code" values of the JSON after it."""
    out = []
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        e = next((i for i, x in enumerate(lines) if NET_EXC.match(x)), None)
        if e is None:
            continue
        rest = lines[e + 1:]
        if not any(NET_STATUS.match(x) for x in rest):
            continue
        codes = [NET_CODE.match(x).group(1) for x in rest if NET_CODE.match(x)]
        if not codes:
            continue
        codes += NET_JSON_CODE.findall("\n".join(rest))
        out.append(set(codes))
    return out


def jenkins_command(cmd):
    """Leading words of a traced command, up to the first option, variable, quoted value, path or assignment (at most
    four); None when fewer than two words remain."""
    words = []
    for w in cmd.split():
        if w.startswith("-") or re.search(r"[$=\"'/\\<>|;&`(){}]", w) or len(words) == 4:
            break
        words.append(w)
    return " ".join(words) if len(words) >= 2 else None


def jenkins_runs(q):
    """Failing commands of every Jenkins console in the question's Markdown fences: >= JK_MIN_PIPE [Pipeline] lines,
    >= 1 trace line and a Finished: FAILURE line after them; the failing command is the last trace line's."""
    out = []
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        fin = next((i for i, x in enumerate(lines) if JK_FINISHED.match(x)), None)
        if fin is None:
            continue
        pipes = sum(1 for x in lines[:fin] if JK_PIPE.match(x))
        traces = [JK_TRACE.match(x).group(1) for x in lines[:fin] if JK_TRACE.match(x)]
        if pipes < JK_MIN_PIPE or not traces:
            continue
        cmd = jenkins_command(traces[-1])
        if cmd:
            out.append(cmd)
    return out


OLD_DETECT.update({
    "make_error": lambda q: bool(MAKE_SEEN.search(q)),
    "mermaid_diagram": lambda q: bool(MMD_SEEN.search(q)),
    "nodejs_error": lambda q: bool(JS_SEEN.search(q)),
    "dotnet_exception": lambda q: bool(NET_SEEN.search(q)),
    "jenkins_console": lambda q: bool(JK_SEEN.search(q)),
})


# ---- blind62's shapes, rejected in every question of this set (detection reuses blind62's lexical rules) ----
# (blind62's rules, kept verbatim: their flags are dropped fields now, and the detectors below reject the shapes)
# github_suggestion (long only): the user pastes a pull-request review comment from GitHub whose reviewer proposed a
# change with a suggestion block, and asks whether to take it: a Markdown fence opened with ```suggestion holding >= 1
# non-blank line (the lines the reviewer wants instead); the truth repeats >= 1 value of the suggested lines (a quoted
# string of >= 4 characters, quotes removed, as a whole phrase, case ignored; or an identifier-like token of >= 5
# characters with "_", "-", ".", "/", ":", a digit or an inner capital, a dotted token also by each of its parts, as a
# whole token), i.e. it discusses what the reviewer proposed, gives a verdict on it (accept, apply, commit, merge,
# reject, decline, dismiss or ignore, in any form), and holds no ```suggestion fence
SUG_FENCE = re.compile(r"^[ \t]*```suggestion[ \t]*\n(.*?)^[ \t]*```", re.S | re.M)
SUG_SEEN = re.compile(r"```suggestion\b")
SUG_STRING = re.compile(r"\"([^\"\n]+)\"|'([^'\n]+)'")
SUG_STRING_MIN = 4
SUG_TOKEN_MIN = 5
SUG_VERDICT = re.compile(r"\b(?:accept\w*|apply|applies|applying|applied|commit\w*|merg\w*|reject\w*|declin\w*|"
                         r"dismiss\w*|ignor\w*)\b", re.I)
SUG_LEFTOVER = SUG_SEEN
# go_test_failure (long only): the user pastes what "go test" printed when a Terratest test of their own Terraform
# module failed: a Markdown fence holding a "--- FAIL: <Test> (<seconds>s)" line and >= 1 test log line
# "    <file>_test.go:<line>: <message>"; the truth repeats >= 1 word of a log message (a word of >= 5 letters from the
# text after "<file>_test.go:<line>: ", not a generic test word, not a stop word, and standing in no "--- FAIL",
# "--- PASS" or "=== RUN" line), i.e. it read what the assertion reported, and holds no "--- FAIL"/"--- PASS" line, no
# "=== RUN" line, no "<file>_test.go:<line>" reference and no "FAIL<tab>" package line
GT_FAIL = re.compile(r"^\s*--- FAIL: (\S+) \((\d+(?:\.\d+)?)s\)\s*$")
GT_MSG = re.compile(r"^\s+([\w.\-]+_test\.go):(\d+): (\S.*)$")
GT_HEAD = re.compile(r"^\s*(?:--- (?:FAIL|PASS|SKIP): |=== (?:RUN|PAUSE|CONT|NAME) )(.*)$")
GT_SEEN = re.compile(r"^\s*--- (?:FAIL|PASS|SKIP): \S|^=== (?:RUN|PAUSE|CONT|NAME) |\b\w+_test\.go:\d+:|^FAIL\t\S", re.M)
GT_LEFTOVER = re.compile(r"--- (?:FAIL|PASS|SKIP):|=== (?:RUN|PAUSE|CONT|NAME)\b|_test\.go:\d+|^FAIL\t|^ok  \t", re.M)
GT_WORD_MIN = 5
GT_GENERIC = {"error", "errors", "failed", "failure", "fails", "expected", "actual", "should", "equal", "value",
              "values", "tests", "testing", "assert", "require", "registry", "registries", "azure", "unexpected",
              "received", "returned", "string", "strings", "output", "terraform", "terratest", "messages"}
# systemd_journal (long only): the user pastes what journalctl printed for the systemd service (or timer) that runs
# their job on a VM: a Markdown fence holding >= 3 journal lines "<Mon DD HH:MM:SS> <host> <ident>[<pid>]: <message>"
# (journalctl's default short format; the ISO form is left out because runner logs with ISO timestamps are common in
# earlier sets), among them >= 1 line of systemd itself reporting the failure ("Main
# process exited, code=...", "Failed with result '...'" or "Failed to start ...") and >= 1 line of another process (the
# job); the truth repeats >= 1 word of the job's own lines (a word of >= 5 letters from the message of a non-systemd
# line, not a generic word, not a stop word, and standing in no systemd line), i.e. it read what the job printed,
# and holds no journal line prefix, no "Main process exited" and no "Failed with result"
JR_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
JR_TIME = JR_MONTH + r" [ \d]\d \d\d:\d\d:\d\d"
JR_LINE = re.compile(r"^" + JR_TIME + r" (\S+) ([^\s\[:]+)(?:\[(\d+)\])?: (.*)$")
JR_FAIL = re.compile(r"Main process exited, code=\w+, status=|Failed with result '|Failed to start ")
JR_SEEN = re.compile(r"^" + JR_TIME + r" \S+ [^\s\[:]+(?:\[\d+\])?: |Main process exited, code=|Failed with result '",
                     re.M)
JR_LEFTOVER = re.compile(JR_TIME + r" \S+ [^\s\[:]+(?:\[\d+\])?: |Main process exited|Failed with result")
JR_MIN = 3
JR_WORD_MIN = 5
JR_GENERIC = {"error", "errors", "failed", "failure", "started", "starting", "stopped", "finished", "service",
              "process", "exited", "status", "result", "script", "azure", "registry", "warning", "running", "job"}
# python_repl (long only): the user pastes an interactive Python session in which they inspected the key, the vault or
# the registry with the Azure SDK for Python: a Markdown fence holding >= 2 prompt lines ">>> <code>" and >= 1
# output line (a non-blank line that is neither a prompt nor a "..." continuation) after the first prompt; the truth
# names >= 1 value the session printed (a quoted string of an output line, quotes removed, >= 2 characters, or an
# output line that is a single bare token such as False or 3072; as a whole phrase, case kept), i.e. it read the
# output, and holds no ">>> " prompt
PY_PROMPT = re.compile(r"^>>> (\S.*)$")
PY_CONT = re.compile(r"^\.\.\.(?: .*)?$")
PY_SEEN = re.compile(r"^>>> \S|^In \[\d+\]: \S", re.M)
PY_LEFTOVER = re.compile(r">>> |^In \[\d+\]:|^Out\[\d+\]:", re.M)
PY_STR = re.compile(r"'([^'\n]*)'|\"([^\"\n]*)\"")
PY_MIN_PROMPTS = 2
PY_VALUE_MIN = 2
# browser_console (any style): the user pastes what the browser's developer tools console showed while a portal page
# failed (the Encryption tab's key picker, Change key, Local RBAC, Identity): a failed request line as Chromium prints
# it, "<METHOD> https://<host>/<path> <status> (<reason>)" with a status of 400 or more; in a long post it stands in a
# Markdown fence together with >= 1 other non-blank console line ("Failed to load resource: ...", an "Uncaught (in
# promise)" line, the page's own log line), in a one-line question it is quoted inline (`inline code`); the truth
# names the status code of a failed request (three digits standing alone) and >= 1 name from that request's URL
# (the first label of its host, unless it is a shared endpoint such as management.azure.com, or the name after
# registries/, vaults/, managedHSMs/, keys/, userAssignedIdentities/ or roleAssignments/; >= 4 characters, as a
# whole token, case ignored), i.e. it says which endpoint refused what, and holds no request line and no "Failed to
# load resource"
BC_REQ = re.compile(r"(?<![A-Za-z])(GET|PUT|POST|PATCH|DELETE|HEAD|OPTIONS) (https://[^\s`'\"]+) (\d{3}) \(([^()\n]*)\)")
BC_SEEN = re.compile(r"(?<![A-Za-z])(?:GET|PUT|POST|PATCH|DELETE|HEAD|OPTIONS) https://\S+ \d{3} \(|"
                     r"Failed to load resource: |Uncaught \(in promise\)")
BC_LEFTOVER = BC_SEEN
BC_SEG = re.compile(r"/(?:registries|vaults|managedHSMs|keys|userAssignedIdentities|roleAssignments)/([^/?#\s]+)", re.I)
BC_SHARED_HOSTS = {"management", "login", "portal", "graph", "main", "www"}
BC_NAME_MIN = 4


def suggestion_values(q):
    """Values of every ```suggestion fence: quoted strings (>= SUG_STRING_MIN characters) and identifier-like tokens
    (>= SUG_TOKEN_MIN characters; a dotted token also by each part)."""
    out = []
    for mm in SUG_FENCE.finditer(q):
        body = mm.group(1)
        if not body.strip():
            continue
        vals = set()
        for sm in SUG_STRING.finditer(body):
            v = (sm.group(1) if sm.group(1) is not None else sm.group(2)).strip()
            if len(v) >= SUG_STRING_MIN:
                vals.add(("phrase", v))
        for t in SIDE_TOKEN.findall(body):
            parts = [t] + t.split(".")
            for p_ in parts:
                if len(p_) >= SUG_TOKEN_MIN and ident_like(p_, "./:"):
                    vals.add(("token", p_))
        out.append(vals)
    return out


def gotest_runs(q):
    """Message words of every go test failure in the question's Markdown fences: a "--- FAIL:" line and >= 1
    "<file>_test.go:<n>:" log line; words of the test-name lines do not count."""
    out = []
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        if not any(GT_FAIL.match(x) for x in lines):
            continue
        msgs = [GT_MSG.match(x).group(3) for x in lines if GT_MSG.match(x)]
        if not msgs:
            continue
        head = {w.lower() for x in lines if GT_HEAD.match(x) for w in re.findall(r"[A-Za-z]+", GT_HEAD.match(x).group(1))}
        words = set()
        for m_ in msgs:
            for w in re.findall(r"[A-Za-z]+", m_):
                lw = w.lower()
                if len(lw) >= GT_WORD_MIN and lw not in GT_GENERIC and lw not in STOP and lw not in head:
                    words.add(lw)
        out.append(words)
    return out


def journal_runs(q):
    """Words of the job's own lines of every journal excerpt in the question's Markdown fences: >= JR_MIN journal
    lines, a systemd line reporting the failure and >= 1 line of another process; words that stand in a systemd line
    do not count."""
    out = []
    for f in md_fences(q):
        rows = [JR_LINE.match(x) for x in fence_body(f).split("\n")]
        rows = [r for r in rows if r]
        if len(rows) < JR_MIN:
            continue
        sysd = [r for r in rows if r.group(2) == "systemd"]
        job = [r for r in rows if r.group(2) != "systemd"]
        if not job or not any(JR_FAIL.search(r.group(4)) for r in sysd):
            continue
        sys_words = {w.lower() for r in sysd for w in re.findall(r"[A-Za-z]+", r.group(4))}
        words = set()
        for r in job:
            for w in re.findall(r"[A-Za-z]+", r.group(4)):
                lw = w.lower()
                if len(lw) >= JR_WORD_MIN and lw not in JR_GENERIC and lw not in STOP and lw not in sys_words:
                    words.add(lw)
        out.append(words)
    return out


def repl_sessions(q):
    """Printed values of every Python session in the question's Markdown fences: >= PY_MIN_PROMPTS prompt lines and
    >= 1 output line after the first prompt; values are the quoted strings of output lines and bare one-token output
    lines."""
    out = []
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        first = next((i for i, x in enumerate(lines) if PY_PROMPT.match(x)), None)
        if first is None or sum(1 for x in lines if PY_PROMPT.match(x)) < PY_MIN_PROMPTS:
            continue
        outs = [x for x in lines[first + 1:] if x.strip() and not PY_PROMPT.match(x) and not PY_CONT.match(x)]
        if not outs:
            continue
        vals = set()
        for x in outs:
            for sm in PY_STR.finditer(x):
                v = sm.group(1) if sm.group(1) is not None else sm.group(2)
                if len(v.strip()) >= PY_VALUE_MIN:
                    vals.add(v.strip())
            st = x.strip()
            if len(st) >= PY_VALUE_MIN and " " not in st and not PY_STR.search(st) and re.match(r"^[\w.\-]+$", st):
                vals.add(st)
        out.append(vals)
    return out


def value_phrase_in(v, text):
    return re.search(r"(?<![A-Za-z0-9_\-])" + re.escape(v) + r"(?![A-Za-z0-9_\-])", text) is not None


def browser_requests(q, style):
    """(status, names) of the failed requests of the question's console paste: in a long post from the Markdown
    fences that hold a failed request line and >= 1 other non-blank line; in a one-line question from the inline code
    spans that hold one."""
    found = []
    if style == "long":
        chunks = []
        for f in md_fences(q):
            body = fence_body(f)
            lines = [x for x in body.split("\n") if x.strip()]
            reqs = [m_ for m_ in BC_REQ.finditer(body) if int(m_.group(3)) >= 400]
            if reqs and len(lines) >= 2:
                chunks += reqs
    else:
        chunks = [m_ for span in re.findall(r"`([^`\n]+)`", q) for m_ in BC_REQ.finditer(span)
                  if int(m_.group(3)) >= 400]
    for m_ in chunks:
        url = m_.group(2)
        host = url[len("https://"):].split("/")[0].split("?")[0]
        names = set()
        label = host.split(".")[0]
        if label.lower() not in BC_SHARED_HOSTS and len(label) >= BC_NAME_MIN:
            names.add(label)
        names |= {s_ for s_ in BC_SEG.findall(url) if len(s_) >= BC_NAME_MIN}
        found.append((m_.group(3), names))
    return found


OLD_DETECT.update({
    "github_suggestion": lambda q: bool(SUG_SEEN.search(q)),
    "go_test_failure": lambda q: bool(GT_SEEN.search(q)),
    "systemd_journal": lambda q: bool(JR_SEEN.search(q)),
    "python_repl": lambda q: bool(PY_SEEN.search(q)),
    "browser_console": lambda q: bool(BC_SEEN.search(q)),
})


# ---- blind63's shapes, rejected in every question of this set (detection reuses blind63's lexical rules) ----
# (blind63's rules, kept verbatim: their flags are dropped fields now, and the detectors below reject the shapes)
# cli_help_text (long only): the user pastes what "az <command> --help" printed (shortened, as people paste it into a
# GitHub issue or an assistant chat) and asks which option or value to use: a Markdown fence holding a "Command" header
# line, the command line "    az <words> : <summary>" after it, and an arguments header ("Arguments", or "<Group>
# Arguments" such as "Customer managed key Arguments") followed by >= 2 argument lines
# "    --<option>[ -<x>][ [Required]] : <description>"; the truth names >= 1 option of those argument lines (as a whole
# token; an option that stands only in the prose around the help does not count), i.e. it answers from the pasted
# help, and holds no help layout (no "Command"/"Arguments"/"Global Arguments"/"Examples" header line, no
# "[Required] :" and no "    az ... : " command line)
HELP_CMD_HEAD = re.compile(r"^Command[ \t]*$")
HELP_CMD = re.compile(r"^[ \t]{2,}az(?: [a-z][a-z0-9\-]*)+ : \S")
HELP_ARGS_HEAD = re.compile(r"^(?:[A-Z][A-Za-z ]* )?Arguments[ \t]*$")
HELP_ARG = re.compile(r"^[ \t]{2,}(--[a-z][a-z0-9\-]*)(?: -[A-Za-z])?(?:[ \t]+\[Required\])?[ \t]+: \S")
HELP_SEEN = re.compile(r"^Command[ \t]*$|^Arguments[ \t]*$|^Global Arguments[ \t]*$|\[Required\] : ", re.M)
HELP_LEFTOVER = re.compile(r"^(?:Command|Arguments|Global Arguments|Examples)[ \t]*$|\[Required\] :|"
                           r"^[ \t]{2,}az(?: [a-z][a-z0-9\-]*)+ : ", re.M)
HELP_MIN_ARGS = 2
# acr_task_log (long only): the user pastes the streamed log of an ACR Tasks run (az acr build, az acr run or
# az acr task logs) on the CMK registry: a Markdown fence holding >= 3 run-log lines "YYYY/MM/DD HH:MM:SS <message>"
# and, after them, the run's result line "Run ID: <id> was successful after <t>" (or "failed after", "was canceled
# after"); the truth names the run by its ID (the ID of a result line, as a whole token, case ignored; an ID that
# stands only outside the fence, or only in a "Queued a run with ID:" line, does not count), i.e. it talks about the
# run that was pasted, and holds no run-log line (no "YYYY/MM/DD HH:MM:SS" stamp), no result line and no
# "Queued a run with ID:" line
TL_LINE = re.compile(r"^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d \S")
TL_RESULT = re.compile(r"^Run ID: ([A-Za-z0-9]+) (?:was successful|failed|was canceled) after \S")
TL_SEEN = re.compile(r"^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d |Run ID: [A-Za-z0-9]+ (?:was successful|failed|was canceled) after"
                     r"|Queued a run with ID:|Waiting for an agent\.\.\.", re.M)
TL_LEFTOVER = re.compile(r"\d{4}/\d\d/\d\d \d\d:\d\d:\d\d|Run ID: [A-Za-z0-9]+ (?:was successful|failed|was canceled) "
                         r"after|Queued a run with ID:")
TL_MIN = 3
TL_ID_MIN = 2
# gherkin_feature (long only): the user pastes a BDD feature file of their compliance or drill suite (terraform-compliance,
# godog, behave) that states what the registry, vault or HSM must look like: a Markdown fence holding a "Feature:"
# line, >= 1 "Scenario:" (or "Scenario Outline:") line and >= 2 step lines ("Given/When/Then/And/But <text>") after
# the first scenario, >= 1 of them with a double-quoted parameter; the truth names >= 1 quoted parameter of the step
# lines (quotes removed, >= 3 characters, as a whole phrase, case ignored; a value quoted only in a Feature or Scenario
# line does not count), i.e. it answers about what the spec checks, and holds no "Feature:", "Scenario:" or
# "Scenario Outline:" line
GK_FEATURE = re.compile(r"^[ \t]*Feature:[ \t]+\S")
GK_SCENARIO = re.compile(r"^[ \t]*Scenario(?: Outline)?:[ \t]+\S")
GK_STEP = re.compile(r"^[ \t]*(?:Given|When|Then|And|But) (\S.*)$")
GK_QUOTED = re.compile(r'"([^"\n]+)"')
GK_SEEN = re.compile(r"^[ \t]*(?:Feature|Scenario(?: Outline)?|Examples):(?:[ \t]|$)", re.M)
GK_LEFTOVER = re.compile(r"\b(?:Feature|Scenario(?: Outline)?):")
GK_MIN_STEPS = 2
GK_VALUE_MIN = 3
# dir_tree (long only): the user pastes the layout of the repository or folder the question is about, as the tree
# command prints it: a Markdown fence holding >= 3 entry lines drawn with tree's connectors ("├── ", "└── ", nested
# under "│   " or four spaces; or tree's ASCII form "|-- ", "`-- "); the truth names >= 1 file of the tree (an entry
# whose name has an extension, >= 4 characters, as a whole token, case ignored; a directory, or a file named only in
# the prose and not in the tree, does not count), i.e. it places the answer in the user's repository, and holds no
# tree connector and no tree line
DT_ENTRY = re.compile(r"^(?:(?:│|\|)[ \t\u00a0]{2,3}|[ \t]{4})*(?:[├└]──|\|--|`--) (\S.*?)[ \t]*$")
DT_SEEN = re.compile(r"[├└]── |^[ \t│|]*(?:\|--|`--) \S", re.M)
DT_LEFTOVER = re.compile(r"[├└│]|^[ \t|]*(?:\|--|`--) ", re.M)
DT_FILE = re.compile(r"^[\w.\-]+\.[A-Za-z0-9]{1,12}$")
DT_MIN = 3
DT_FILE_MIN = 4
# precommit_hooks (any style): the user pastes what pre-commit printed when a hook of their repository (a Terraform,
# Bicep or policy check, or a local script hook) failed on their change: in a long post a Markdown fence holding >= 2
# hook status lines "<hook name>.....<Passed|Failed|Skipped>" (dots padding the line, "(no files to check)" before
# "Skipped" allowed), >= 1 of them "Failed", and a "- hook id: <id>" line after a failed status line; in a one-line
# question a failed status line quoted inline (`inline code`); the truth names a failed hook (its name, as a whole
# phrase, or the hook id printed under it, as a whole token, case ignored; a hook that passed or was skipped does not
# count), i.e. it says which check objected, and holds no status line, no "- hook id:" and no "- exit code:" line
PC_STATUS = re.compile(r"^(\S(?:.*?\S)?)\.{4,}(?:\([^)\n]*\))?(Passed|Failed|Skipped)[ \t]*$")
PC_HOOKID = re.compile(r"^- hook id: (\S+)[ \t]*$")
PC_SEEN = re.compile(r"\.{4,}(?:\([^)\n]*\))?(?:Passed|Failed|Skipped)\b|^- hook id: |^- exit code: ", re.M)
PC_LEFTOVER = re.compile(r"\.{4,}(?:\([^)\n]*\))?(?:Passed|Failed|Skipped)\b|- hook id:|- exit code:")
PC_MIN = 2
PC_NAME_MIN = 4


def help_options(q):
    """Options of every pasted az help text in the question's Markdown fences: a Command header, an "az ..." command
    line after it, and an arguments header followed by >= HELP_MIN_ARGS argument lines."""
    out = []
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        head = next((i for i, x in enumerate(lines) if HELP_CMD_HEAD.match(x)), None)
        if head is None:
            continue
        rest = [x for x in lines[head + 1:] if x.strip()]
        if not rest or not HELP_CMD.match(rest[0]):
            continue
        opts, in_args = set(), False
        for x in lines[head + 1:]:
            if HELP_ARGS_HEAD.match(x):
                in_args = True
                continue
            if re.match(r"^\S", x):
                in_args = False
                continue
            mm = HELP_ARG.match(x)
            if in_args and mm:
                opts.add(mm.group(1))
        if len(opts) >= HELP_MIN_ARGS:
            out.append(opts)
    return out


def option_in(opt, text):
    return re.search(r"(?<![\w\-])" + re.escape(opt) + r"(?![\w\-])", text) is not None


def task_runs(q):
    """Run IDs of every pasted ACR Tasks run log in the question's Markdown fences: >= TL_MIN run-log lines and a result
    line after them; the IDs come from the result lines only."""
    out = []
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        stamped = [i for i, x in enumerate(lines) if TL_LINE.match(x)]
        if len(stamped) < TL_MIN:
            continue
        ids = {TL_RESULT.match(x).group(1) for x in lines[stamped[TL_MIN - 1] + 1:] if TL_RESULT.match(x)}
        ids = {i_ for i_ in ids if len(i_) >= TL_ID_MIN}
        if ids:
            out.append(ids)
    return out


def gherkin_values(q):
    """Quoted step parameters of every pasted feature file in the question's Markdown fences: a Feature line, a
    Scenario line and >= GK_MIN_STEPS step lines after the first scenario; Feature and Scenario lines give no values."""
    out = []
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        if not any(GK_FEATURE.match(x) for x in lines):
            continue
        first = next((i for i, x in enumerate(lines) if GK_SCENARIO.match(x)), None)
        if first is None:
            continue
        steps = [GK_STEP.match(x).group(1) for x in lines[first + 1:] if GK_STEP.match(x)]
        if len(steps) < GK_MIN_STEPS:
            continue
        vals = {v.strip() for st in steps for v in GK_QUOTED.findall(st) if len(v.strip()) >= GK_VALUE_MIN}
        if vals:
            out.append(vals)
    return out


def tree_files(q):
    """File names of every pasted tree listing in the question's Markdown fences: >= DT_MIN entry lines; files are the
    entries whose name has an extension."""
    out = []
    for f in md_fences(q):
        names = [DT_ENTRY.match(x).group(1) for x in fence_body(f).split("\n") if DT_ENTRY.match(x)]
        if len(names) < DT_MIN:
            continue
        files = set()
        for n in names:
            n = n.split()[0].rstrip("/")
            if len(n) >= DT_FILE_MIN and DT_FILE.match(n):
                files.add(n)
        out.append(files)
    return out


def precommit_failed(q, style):
    """Names and hook ids of the failed hooks of the question's pre-commit output: in a long post from the Markdown
    fences that hold >= PC_MIN status lines, a Failed one among them and a "- hook id:" line after a failed status
    line; in a one-line question from the inline code spans that hold a failed status line."""
    found = []
    if style == "long":
        for f in md_fences(q):
            lines = fence_body(f).split("\n")
            status = [(i, PC_STATUS.match(x)) for i, x in enumerate(lines) if PC_STATUS.match(x)]
            if len(status) < PC_MIN:
                continue
            names, has_id = set(), False
            for k, (i, mm) in enumerate(status):
                if mm.group(2) != "Failed":
                    continue
                names.add(mm.group(1))
                end = status[k + 1][0] if k + 1 < len(status) else len(lines)
                for x in lines[i + 1:end]:
                    mh = PC_HOOKID.match(x)
                    if mh:
                        names.add(mh.group(1))
                        has_id = True
            if names and has_id:
                found.append({n for n in names if len(n) >= PC_NAME_MIN})
    else:
        for span in re.findall(r"`([^`\n]+)`", q):
            mm = PC_STATUS.match(span.strip())
            if mm and mm.group(2) == "Failed" and len(mm.group(1)) >= PC_NAME_MIN:
                found.append({mm.group(1)})
    return found


OLD_DETECT.update({
    "cli_help_text": lambda q: bool(HELP_SEEN.search(q)),
    "acr_task_log": lambda q: bool(TL_SEEN.search(q)),
    "gherkin_feature": lambda q: bool(GK_SEEN.search(q)),
    "dir_tree": lambda q: bool(DT_SEEN.search(q)),
    "precommit_hooks": lambda q: bool(PC_SEEN.search(q)),
})


# ---- blind64's shapes, rejected in every question of this set (detection reuses blind64's lexical rules) ----
# (blind64's rules, kept verbatim: their flags are dropped fields now, and the detectors below reject the shapes)
# md_footnotes (long only): the user writes the post with GitHub's Markdown footnotes, putting side details (versions,
# what a script does, who set something up) into footnotes: the prose (outside fences) holds >= 2 footnotes, each a
# reference "[^label]" in the text and a definition line "[^label]: <text>" at a line start after that reference;
# the truth names >= 1 footnote-only word (a word with >= 5 letters, not a stop word, from a definition's text that
# stands nowhere in the question outside the definition lines, fences included; case and a possessive "'s" ignored),
# i.e. it took the detail that only the footnotes carry into account, and holds no "[^label]" marker
FN_LABEL = r"[A-Za-z0-9][A-Za-z0-9_\-]{0,19}"
FN_REF = re.compile(r"\[\^(" + FN_LABEL + r")\](?!:)")
FN_DEF = re.compile(r"^\[\^(" + FN_LABEL + r")\]:[ \t]+(\S.*)$")
FN_SEEN = re.compile(r"\[\^" + FN_LABEL + r"\]")
FN_LEFTOVER = FN_SEEN
FN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'\-]*[A-Za-z0-9]")
FN_MIN = 2
FN_WORD_MIN = 5
# role_definition_json (long, short or agent): the user pastes the Azure RBAC (or Managed HSM local RBAC) role
# definition they made or were given for the registry's identity or for their own pipeline, as JSON: in a long post a
# Markdown fence whose body parses as JSON and holds a role definition (an object with an "AssignableScopes" /
# "assignableScopes" key and, on itself or in its "permissions" entries, "Actions", "NotActions", "DataActions" or
# "NotDataActions" lists, any casing of the first letter, with >= 1 action string in all); in a one-line question the
# same JSON quoted inline (`inline code`), where "AssignableScopes" may be left out; the truth names >= 1 action
# string of those lists (as a whole token, case ignored; an action named only in the prose does not count), i.e. it
# judges the permissions that were pasted, and holds no JSON key of a role definition ('"DataActions":' and the like)
RD_LISTS = {"actions", "notactions", "dataactions", "notdataactions"}
RD_SEEN = re.compile(r'"(?:[Nn]ot)?(?:[Dd]ata)?[Aa]ctions"\s*:|"[Aa]ssignable[Ss]copes"\s*:')
RD_LEFTOVER = re.compile(r'"(?:[Nn]ot)?(?:[Dd]ata)?[Aa]ctions"\s*:|"[Aa]ssignable[Ss]copes"\s*:|"[Rr]ole[Nn]ame"\s*:|'
                         r'"[Pp]ermissions"\s*:')
RD_ACTION = re.compile(r"^[A-Za-z][A-Za-z0-9.\-]*/[A-Za-z0-9_./*\-]+$")
# tf_lock_file (long only): the user pastes the .terraform.lock.hcl of the configuration that manages the registry, so
# that the provider version actually in use is known: a Markdown fence holding >= 1 provider block as terraform init
# writes it, 'provider "<host>/<namespace>/<type>" {', a 'version = "<x.y.z>"' line and a 'hashes = [' list with >= 1
# "h1:" or "zh:" hash line, closed by "}"; the truth names the locked version of >= 1 provider block (as a whole
# token; a version that stands only in the constraints line or only in the prose does not count), i.e. it answers for
# the provider release that is really locked, and holds no hash string and no provider line of a lock file
LK_PROVIDER = re.compile(r'^provider "([a-z0-9][a-z0-9.\-]*\.[a-z]{2,}/[A-Za-z0-9_\-]+/[A-Za-z0-9_\-]+)" \{[ \t]*$')
LK_VERSION = re.compile(r'^[ \t]+version[ \t]+= "(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)"[ \t]*$')
LK_HASH = re.compile(r'^[ \t]+"(?:h1|zh):[A-Za-z0-9+/=]{8,}",?[ \t]*$')
LK_SEEN = re.compile(r'^provider "[^"\n/]+/[^"\n/]+/[^"\n/]+" \{|"(?:h1|zh):[A-Za-z0-9+/=]{8,}', re.M)
LK_LEFTOVER = re.compile(r'(?:h1|zh):[A-Za-z0-9+/=]{8,}|^\s*provider "[^"\n/]+/[^"\n/]+/[^"\n/]+"', re.M)
# docs_feedback_block (long only): the user brings a documentation issue opened through Microsoft Learn's feedback
# button, whose body ends in the "Document Details" block that links the issue to the article: a "Document Details"
# heading line followed by >= 4 bullet lines "* <Field>: <value>" (ID, Version Independent ID, Content, Content
# Source, Service, Sub-service, GitHub Login, Microsoft Alias), among them "Content: [<title>](https://learn.microsoft.com
# /...)" and "Content Source: [<path>.md](https://github.com/...)"; the truth names the article of that block (the file
# name of the Content Source path without ".md", as a whole token, or the title of the Content link up to " - ", as
# a whole phrase; case ignored), i.e. it answers about the page the issue is filed against, and holds no line of the
# block (no "Document Details", "Version Independent ID", "Content Source:", "GitHub Login:" or "Microsoft Alias:")
FB_HEAD = re.compile(r"^[ \t]*(?:#{1,6}[ \t]*)?Document Details[ \t]*$")
FB_LINE = re.compile(r"^[ \t]*[*-] (ID|Version Independent ID|Content|Content Source|Service|Sub-service|GitHub Login|"
                     r"Microsoft Alias): (\S.*)$")
FB_CONTENT = re.compile(r"^\[([^\]\n]+)\]\((https://learn\.microsoft\.com/[^)\s]+)\)\s*$")
FB_SOURCE = re.compile(r"^\[([^\]\n]*?([A-Za-z0-9_.\-]+)\.md)\]\((https://github\.com/[^)\s]+)\)\s*$")
FB_SEEN = re.compile(r"^[ \t]*(?:#{1,6}[ \t]*)?Document Details[ \t]*$|Version Independent ID:|Content Source: \[|"
                     r"Microsoft Alias:|GitHub Login: @", re.M)
FB_LEFTOVER = re.compile(r"Document Details|Version Independent ID|Content Source:|GitHub Login:|Microsoft Alias:")
FB_MIN = 4
# openapi_schema (long only): the user pastes an excerpt of the registry API's OpenAPI (Swagger) definitions from
# azure-rest-api-specs to ask what a property means or whether it can be set: a Markdown fence whose body parses as
# JSON (a fragment that starts with a quoted name is read as an object) and holds >= 1 schema, an object with a
# "properties" object of >= 2 property schemas (each an object with "type", "description", "$ref", "readOnly",
# "enum", "format" or "x-ms-enum"); the truth names >= 1 property of those schemas (as a whole token, case kept; a
# property named only in the prose does not count), i.e. it answers in terms of the pasted definition, and holds no
# schema layout ('"type":', '"readOnly":', '"$ref":', '"description":')
OA_KEYS = {"type", "description", "$ref", "readOnly", "enum", "format", "x-ms-enum"}
OA_SEEN = re.compile(r'"readOnly"\s*:|"x-ms-(?:enum|client-flatten|client-name|azure-resource|mutability|secret)"\s*:|'
                     r'"\$ref"\s*:|"definitions"\s*:|"swagger"\s*:|"type"\s*:\s*"(?:object|string|boolean|integer|array)"')
OA_LEFTOVER = re.compile(r'"(?:type|readOnly|\$ref|description)"\s*:')
OA_MIN = 2


def footnotes(q):
    """(labels, footnote-only words) of the question's footnotes: labels referenced in the prose (outside fences and
    definition lines) and defined at a line start after their first reference; the words come from the definitions
    of those labels and stand nowhere else in the question."""
    lines = prose(q).split("\n")
    defs, first_ref = {}, {}
    for i, x in enumerate(lines):
        dm = FN_DEF.match(x)
        if dm:
            defs.setdefault(dm.group(1), (i, dm.group(2)))
            continue
        for rm in FN_REF.finditer(x):
            first_ref.setdefault(rm.group(1), i)
    labels = [lb for lb, (i, _) in defs.items() if lb in first_ref and first_ref[lb] < i]
    if len(labels) < FN_MIN:
        return [], set()
    rest = "\n".join(x for i, x in enumerate(q.split("\n")) if not FN_DEF.match(x))
    rest_words = {fn_norm(w) for w in FN_WORD.findall(rest)}
    words = set()
    for lb in labels:
        for w in FN_WORD.findall(defs[lb][1]):
            lw = fn_norm(w)
            if len(re.sub(r"[^a-z]", "", lw)) >= FN_WORD_MIN and lw not in STOP and lw not in rest_words:
                words.add(lw)
    return labels, words


def fn_norm(w):
    """A word in lower case without a possessive ending (identity's and identities' count as identity, identities)."""
    w = w.lower()
    return w[:-2] if w.endswith("'s") else w.rstrip("'")


def word_token_in_ci(w, text):
    return re.search(r"(?<![A-Za-z0-9'\-])" + re.escape(w) + r"(?:'s|')?(?![A-Za-z0-9'\-])", text, re.I) is not None


def _role_actions(obj, out, found):
    """Collect the action strings of every role definition in a parsed JSON value."""
    if isinstance(obj, dict):
        low = {k.lower(): v for k, v in obj.items() if isinstance(k, str)}
        acts = []
        for k, v in low.items():
            if k in RD_LISTS and isinstance(v, list):
                acts += [a for a in v if isinstance(a, str)]
        for p in low.get("permissions", []) if isinstance(low.get("permissions"), list) else []:
            if isinstance(p, dict):
                for k, v in p.items():
                    if isinstance(k, str) and k.lower() in RD_LISTS and isinstance(v, list):
                        acts += [a for a in v if isinstance(a, str)]
        if acts:
            found.append(("assignablescopes" in low, [a.strip() for a in acts if RD_ACTION.match(a.strip())]))
        for v in obj.values():
            _role_actions(v, out, found)
    elif isinstance(obj, list):
        for v in obj:
            _role_actions(v, out, found)


def role_definitions(q, style):
    """Action strings of the pasted role definitions: in a long post from Markdown fences whose body is JSON with a
    role definition (AssignableScopes and >= 1 action); in a one-line question from inline code spans holding such
    JSON (AssignableScopes optional)."""
    if style == "long":
        chunks = [fence_body(f) for f in md_fences(q)]
    else:
        chunks = re.findall(r"`([^`\n]+)`", q)
    out = []
    for ch in chunks:
        try:
            doc = json.loads(ch)
        except ValueError:
            continue
        found = []
        _role_actions(doc, None, found)
        for has_scopes, acts in found:
            if acts and (has_scopes or style != "long"):
                out.append(set(acts))
    return out


def action_in(a, text):
    return re.search(r"(?<![\w./*\-])" + re.escape(a) + r"(?![\w/*\-]|\.\w)", text, re.I) is not None


def lock_versions(q):
    """Locked versions of every provider block of the lock files pasted in the question's Markdown fences: a provider
    line, a version line and >= 1 hash line before the closing brace."""
    out = []
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        vers = set()
        i = 0
        while i < len(lines):
            if LK_PROVIDER.match(lines[i]):
                j = i + 1
                ver, hashes = None, 0
                while j < len(lines) and lines[j].rstrip() != "}":
                    vm = LK_VERSION.match(lines[j])
                    if vm:
                        ver = vm.group(1)
                    if LK_HASH.match(lines[j]):
                        hashes += 1
                    j += 1
                if ver and hashes and j < len(lines):
                    vers.add(ver)
                i = j
            i += 1
        if vers:
            out.append(vers)
    return out


def version_in(v, text):
    return re.search(r"(?<![\w.])" + re.escape(v) + r"(?![\w]|\.\w)", text) is not None


def feedback_blocks(q):
    """(file stem, title) of every Document Details block in the question: the heading, then >= FB_MIN field lines
    with a Content link to learn.microsoft.com and a Content Source link to a .md file on github.com."""
    out = []
    lines = q.split("\n")
    for i, x in enumerate(lines):
        if not FB_HEAD.match(x):
            continue
        fields = {}
        for y in lines[i + 1:]:
            if not y.strip() or y.strip().startswith("\u26a0"):
                continue
            fm = FB_LINE.match(y)
            if not fm:
                if fields:
                    break
                continue
            fields[fm.group(1)] = fm.group(2)
        if len(fields) < FB_MIN:
            continue
        cm = FB_CONTENT.match(fields.get("Content", ""))
        sm = FB_SOURCE.match(fields.get("Content Source", ""))
        if cm and sm:
            out.append((sm.group(2), cm.group(1).split(" - ")[0].strip()))
    return out


def stem_in(stem, text):
    return re.search(r"(?<![\w\-])" + re.escape(stem) + r"(?![\w\-])", text, re.I) is not None


def _schemas(obj, out):
    if isinstance(obj, dict):
        props = obj.get("properties")
        if isinstance(props, dict):
            names = [k for k, v in props.items() if isinstance(v, dict) and OA_KEYS & set(v)]
            if len(names) >= OA_MIN:
                out.append(set(names))
        for v in obj.values():
            _schemas(v, out)
    elif isinstance(obj, list):
        for v in obj:
            _schemas(v, out)


def openapi_properties(q):
    """Property names of every OpenAPI schema pasted in the question's Markdown fences (JSON; a fragment that starts
    with a quoted name is read inside braces)."""
    out = []
    for f in md_fences(q):
        body = fence_body(f).strip()
        if body.startswith('"'):
            body = "{" + body + "}"
        try:
            doc = json.loads(body)
        except ValueError:
            continue
        _schemas(doc, out)
    return out


def prop_in(p, text):
    return re.search(r"(?<![\w$.\-])" + re.escape(p) + r"(?![\w\-])", text) is not None


OLD_DETECT.update({
    "md_footnotes": lambda q: bool(FN_SEEN.search(q)),
    "role_definition_json": lambda q: bool(RD_SEEN.search(q)),
    "tf_lock_file": lambda q: bool(LK_SEEN.search(q)),
    "docs_feedback_block": lambda q: bool(FB_SEEN.search(q)),
    "openapi_schema": lambda q: bool(OA_SEEN.search(q)),
})


# ---- blind65's shapes, rejected in every question of this set (detection reuses blind65's lexical rules) ----
# (blind65's rules, kept verbatim: their flags are dropped fields now, and the detectors below reject the shapes)
# adr_record (long only): the user pastes an architecture decision record (ADR) of their team about the registry, its
# key store or its identities and asks whether the decision holds: a Markdown fence holding a title heading
# "# ADR-<n>: <title>" (or "ADR <n>", or Nygard's "# <n>. <title>", level 1 or 2) and >= 3 of the section headings
# "Status", "Context", "Decision" and "Consequences" (level 2 or 3), "Status" and "Decision" among them, with a status
# line under "Status"; the truth names the record by its number ("ADR-0031", "ADR 31", "ADR31"; leading zeros
# optional, case ignored) and repeats >= 1 decision-only word (a word with >= 5 letters, not a stop word, from the
# Decision section that stands nowhere else in the question; case ignored), i.e. it judges what was decided, and holds
# no ADR heading
AD_TITLE = re.compile(r"^[ \t]*#{1,2}[ \t]+(?:ADR[- ]?0*(\d{1,5})\b|0*(\d{1,5})\.)[ \t:.\-]*\S", re.I)
AD_HEAD = re.compile(r"^[ \t]*#{2,3}[ \t]*(Status|Context|Decision|Consequences)[ \t]*$")
AD_ANY_HEAD = re.compile(r"^[ \t]*#{1,6}[ \t]")
AD_SEEN = re.compile(r"^[ \t]*#{1,6}[ \t]*(?:Status|Context|Decision|Consequences)[ \t]*$|^[ \t]*#{1,6}[ \t]*ADR[- ]?\d",
                     re.M | re.I)
AD_LEFTOVER = re.compile(r"(?:^|\s)#{1,6}[ \t]*(?:Status|Context|Decision|Consequences)\b", re.I)
AD_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_'\-]*[A-Za-z0-9]")
AD_MIN_HEADS = 3
AD_WORD_MIN = 5
# learn_page_copy (long only): the user copies part of a Microsoft Learn page into the post and the page's UI chrome
# comes along: a Markdown fence holding >= 1 copied code block, i.e. a language-label line ("Azure CLI", "Bash",
# "Azure PowerShell", "PowerShell", "JSON", "Bicep", "Terraform", "Console", "YAML") directly followed by a "Copy"
# line (an "Open Cloud Shell" line may follow it) and then code lines up to the next blank line, >= 1 of them an
# "az ..." command (alone or inside "NAME=$(...)"); a table copied from the page brings an "Expand table" line; the
# truth names the command of >= 1 copied az line ("az <group> <word>", its first three words, as a phrase; a command
# that stands only in the prose does not count), i.e. it answers about the command that was copied, and holds no chrome
# line ("Copy", "Open Cloud Shell", "Expand table")
LC_LABELS = {"Azure CLI", "Bash", "Azure PowerShell", "PowerShell", "JSON", "Bicep", "Terraform", "Console", "YAML"}
LC_SEEN = re.compile(r"^[ \t]*(?:Copy|Open Cloud Shell|Expand table)[ \t]*$", re.M)
LC_LEFTOVER = re.compile(r"Open Cloud Shell|Expand table|(?:^|\n)[ \t]*Copy[ \t]*(?:\n|$)")
LC_AZ = re.compile(r"^[ \t]*(?:[A-Za-z_][A-Za-z0-9_]*=\$\()?(az(?: [a-z][a-z0-9\-]*){2})(?![\w\-])")
# arrow_annotations (long only): the user marks the lines that matter in pasted output with arrow notes of their own
# ("<-- why false?", "<== still the old one"): a Markdown fence holding >= 2 lines "<content> <-- <note>" (an arrow of
# >= 2 dashes or equals signs after the content and whitespace, a note after the arrow); the truth names >= 1 marked
# value, i.e. a quoted string (>= 4 characters) or an identifier-like token (>= 4 characters with a digit, "_", "-",
# ".", ":" or an inner capital; not true/false/null) from the content part of an annotated line that stands in no
# unannotated line of the question's fences (as a whole phrase, case ignored), i.e. it answers about what the user
# pointed at, and holds no arrow
AR_LINE = re.compile(r"^(.*\S)[ \t]+<(?:-{2,}|={2,})(?![\->=])[ \t]*(\S.*)$")
AR_SEEN = re.compile(r"(?<![<!\-=\w])<(?:-{2,}|={2,})(?![\->=])")
AR_LEFTOVER = AR_SEEN
AR_MIN = 2
AR_VALUE_MIN = 4
AR_SKIP = {"true", "false", "null"}
# redacted_paste (any style): the user masks IDs and names in what they paste before posting it: redaction markers
# ("<redacted>", "[REDACTED]", a bare "REDACTED", an all-x GUID "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"; case ignored)
# in a long post's Markdown fences (>= 2 markers) or in the inline code of a one-line question (>= 1 marker); the
# truth names >= 1 redacted field, i.e. the key or option whose value was masked (the JSON, "name =" or "name:" key,
# or the "--option" in front of the marker on its line; as a whole token, case ignored), so that it says which value
# belongs there, and holds no redaction marker
RX_MARK = re.compile(r"<redacted>|\[redacted\]|(?<![\w\-])redacted(?![\w\-])|"
                     r"(?<![\w\-])x{8}-x{4}-x{4}-x{4}-x{12}(?![\w\-])", re.I)
RX_SEEN = RX_MARK
RX_LEFTOVER = RX_MARK
RX_OPT = re.compile(r"(--[a-z][a-z0-9\-]*)[ \t]+[\"']?[^\s\"']*$")
RX_KEY = re.compile(r"[\"']?([A-Za-z_][A-Za-z0-9_.\-]*)[\"']?[ \t]*[:=][ \t]*\[?[ \t]*[\"']?[^\s\"']*$")
RX_MIN_LONG = 2
# graph_sp_object (any style): the user pastes what "az ad sp show" returned for the principal in question (the
# Microsoft Graph service principal behind a managed identity or an app registration) to see whose ID was used
# where: in a long post a Markdown fence whose body parses as a JSON object with string values for "appId", "id" and
# "servicePrincipalType"; in a one-line question the same object quoted inline (`inline code`); the truth names the
# principal by its "displayName" (as a whole phrase, case ignored) or by its "appId" or "id" value (as a whole token),
# i.e. it says which principal or which of its IDs the answer is about, and holds no JSON key of the object
# ('"appId":', '"servicePrincipalType":', '"alternativeNames":', '"displayName":', '"appDisplayName":')
GS_SEEN = re.compile(r'"(?:servicePrincipalType|appId|alternativeNames|appOwnerOrganizationId|servicePrincipalNames)"\s*:|'
                     r'"@odata\.context"')
GS_LEFTOVER = re.compile(r'"(?:appId|servicePrincipalType|alternativeNames|displayName|appDisplayName)"\s*:')


def adr_records(q):
    """(number, decision-only words) of every ADR pasted in the question's Markdown fences: a title heading with the
    record's number and >= AD_MIN_HEADS section headings, Status (with a status line) and Decision among them."""
    out = []
    for f in md_fences(q):
        body = fence_body(f)
        lines = body.split("\n")
        num = None
        for x in lines:
            tm = AD_TITLE.match(x)
            if tm:
                num = tm.group(1) or tm.group(2)
                break
        if num is None:
            continue
        heads = [(i, AD_HEAD.match(x).group(1)) for i, x in enumerate(lines) if AD_HEAD.match(x)]
        names = {h for _, h in heads}
        if len(names) < AD_MIN_HEADS or "Status" not in names or "Decision" not in names:
            continue
        si = next(i for i, h in heads if h == "Status")
        status = next((x for x in lines[si + 1:] if x.strip()), "")
        if not status.strip() or AD_ANY_HEAD.match(status):
            continue
        di = next(i for i, h in heads if h == "Decision")
        end = next((j for j in range(di + 1, len(lines)) if AD_ANY_HEAD.match(lines[j])), len(lines))
        dec_lines = set(range(di + 1, end))
        dec_text = "\n".join(lines[j] for j in sorted(dec_lines))
        # the rest of the question: everything but the Decision section's lines inside this fence
        start = q.find(body)
        before = q[:start]
        after = q[start + len(body):]
        rest = before + "\n" + "\n".join(x for j, x in enumerate(lines) if j not in dec_lines) + "\n" + after
        rest_words = {fn_norm(w) for w in AD_WORD.findall(rest)}
        words = set()
        for w in AD_WORD.findall(dec_text):
            lw = fn_norm(w)
            if len(re.sub(r"[^a-z]", "", lw)) >= AD_WORD_MIN and lw not in STOP and lw not in rest_words:
                words.add(lw)
        out.append((num, words))
    return out


def adr_number_in(num, text):
    return re.search(r"(?<![\w\-])ADR[- ]?0*" + re.escape(num.lstrip("0") or "0") + r"(?![\w\-])", text, re.I) is not None


def learn_copies(q):
    """Commands ("az <group> <word>") of every code block copied from a Learn page in the question's Markdown fences: a
    language label line, a Copy line (an Open Cloud Shell line may follow), then code lines up to a blank line."""
    out = []
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        cmds = set()
        for i, x in enumerate(lines[:-1]):
            if x.strip() not in LC_LABELS or lines[i + 1].strip() != "Copy":
                continue
            j = i + 2
            if j < len(lines) and lines[j].strip() == "Open Cloud Shell":
                j += 1
            while j < len(lines) and lines[j].strip():
                mm = LC_AZ.match(lines[j])
                if mm:
                    cmds.add(mm.group(1))
                j += 1
        if cmds:
            out.append(cmds)
    return out


def phrase_in_cs(p, text):
    return re.search(r"(?<![\w\-])" + re.escape(p) + r"(?![\w\-])", text) is not None


def _marked_values(content):
    vals = set()
    for s in re.findall(r"\"([^\"\n]+)\"|'([^'\n]+)'", content):
        v = (s[0] or s[1]).strip()
        if len(v) >= AR_VALUE_MIN:
            vals.add(v)
    bare = re.sub(r"\"[^\"\n]*\"|'[^'\n]*'", " ", content)
    for t in re.findall(r"[A-Za-z0-9_.:\-]+", bare):
        t = t.strip(".:,-")
        if len(t) >= AR_VALUE_MIN and t.lower() not in AR_SKIP and (re.search(r"[0-9_.:\-]", t)
                                                                      or re.search(r"[a-z][A-Z]", t)):
            vals.add(t)
    return {v for v in vals if v.lower() not in AR_SKIP}


def arrow_marks(q):
    """Marked values of the question's arrow annotations: values from the content part of annotated fence lines
    (>= AR_MIN of them in a fence) that stand in no unannotated fence line; None when no fence has AR_MIN arrows."""
    annotated, plain, seen = [], [], False
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        ann = [AR_LINE.match(x) for x in lines]
        if sum(1 for m in ann if m) >= AR_MIN:
            seen = True
        for x, m in zip(lines, ann):
            if m:
                annotated.append(m.group(1))
            else:
                plain.append(x)
    if not seen:
        return None
    plain_text = "\n".join(plain)
    vals = set()
    for c in annotated:
        for v in _marked_values(c):
            if not value_in_ci(v, plain_text):
                vals.add(v)
    return vals


def value_in_ci(v, text):
    return re.search(r"(?<![\w\-])" + re.escape(v) + r"(?![\w\-])", text, re.I) is not None


def redacted_fields(q, style):
    """Fields (key or --option) whose values are masked by a redaction marker: in a long post from the Markdown
    fences holding >= RX_MIN_LONG markers, in a one-line question from inline code spans holding a marker; None when
    there is no such paste."""
    if style == "long":
        chunks = [fence_body(f) for f in md_fences(q) if len(RX_MARK.findall(fence_body(f))) >= RX_MIN_LONG]
    else:
        chunks = [c for c in re.findall(r"`([^`\n]+)`", q) if RX_MARK.search(c)]
    if not chunks:
        return None
    fields = set()
    for ch in chunks:
        for line in ch.split("\n"):
            for mm in RX_MARK.finditer(line):
                pre = line[:mm.start()]
                om = RX_OPT.search(pre)
                km = RX_KEY.search(pre)
                if om:
                    fields.add(om.group(1))
                elif km:
                    fields.add(km.group(1))
    return fields


def field_in(fld, text):
    return re.search(r"(?<![\w\-])" + re.escape(fld) + r"(?![\w\-])", text, re.I) is not None


def graph_objects(q, style):
    """(displayName, appId, id) of every service principal object pasted in the question: long posts from Markdown
    fences whose body is such a JSON object, one-line questions from inline code spans."""
    if style == "long":
        chunks = [fence_body(f) for f in md_fences(q)]
    else:
        chunks = re.findall(r"`([^`\n]+)`", q)
    out = []
    for ch in chunks:
        try:
            doc = json.loads(ch)
        except ValueError:
            continue
        if not isinstance(doc, dict):
            continue
        if all(isinstance(doc.get(k), str) and doc.get(k) for k in ("appId", "id", "servicePrincipalType")):
            dn = doc.get("displayName") if isinstance(doc.get("displayName"), str) else ""
            out.append((dn, doc["appId"], doc["id"]))
    return out


OLD_DETECT.update({
    "adr_record": lambda q: bool(AD_SEEN.search(q)),
    "learn_page_copy": lambda q: bool(LC_SEEN.search(q)),
    "arrow_annotations": lambda q: bool(AR_SEEN.search(q)),
    "redacted_paste": lambda q: bool(RX_SEEN.search(q)),
    "graph_sp_object": lambda q: bool(GS_SEEN.search(q)),
})


# ---- blind66's shapes, rejected in every question of this set (detection reuses blind66's lexical rules) ----
# (blind66's rules, kept verbatim: their flags are dropped fields now, and the detectors below reject the shapes)
# service_tag_json (any style): the user pastes an entry of Azure's service tags (the weekly "Azure IP Ranges and
# Service Tags" download, or "az network list-service-tags") to ask whether those address ranges should be allowed on
# the key store's firewall: in a long post a Markdown fence whose body parses as JSON and holds >= 1 service tag, i.e.
# an object with a string "name" and a "properties" object whose "addressPrefixes" list holds >= 1 string; in a
# one-line question the same JSON quoted inline (`inline code`); the truth names >= 1 pasted tag by its name (as a
# whole token, case ignored), i.e. it answers about the tag that was pasted, and repeats none of the pasted address
# prefixes and no key of the tag file ('"addressPrefixes":', '"systemService":', '"changeNumber":',
# '"networkFeatures":')
ST_SEEN = re.compile(r'"(?:addressPrefixes|systemService|changeNumber|networkFeatures)"\s*:')
ST_LEFTOVER = ST_SEEN
# resource_change_record (any style): the user pastes a change record of the registry, its key store or its identity
# from Azure Resource Graph's change history (resourcechanges) to find out what changed: in a long post a Markdown
# fence whose body parses as JSON and holds >= 1 change record, i.e. an object whose "changes" object maps property
# paths to objects with a "previousValue" or "newValue"; in a one-line question the same JSON quoted inline; the truth
# names >= 1 changed property (its last path segment when that is a camel-case name such as keyIdentifier, otherwise
# its last two segments such as keyVaultProperties.identity, or the full path; as a whole token, case ignored; a
# property of the record that did not change does not count), i.e. it says which change matters, and holds no key of
# the change record ('"previousValue":', '"newValue":', '"propertyChangeType":', '"changeAttributes":')
RC_SEEN = re.compile(r'"(?:previousValue|newValue|propertyChangeType|changeAttributes|targetResourceType|'
                     r'previousResourceSnapshotId|newResourceSnapshotId|changesCount|changeCategory)"\s*:')
RC_LEFTOVER = re.compile(r'"(?:previousValue|newValue|propertyChangeType|changeAttributes)"\s*:')
# hex_dump (long only): the user dumps the bytes of a file that carries a key URI or an identity's ID (xxd, or
# hexdump -C) because the value that looks right fails once it is read into a command: a Markdown fence holding >= 2
# dump lines (an 8-digit hex offset, then hex byte groups: xxd's "00000000: 6874 7470 ...  https" or hexdump -C's
# "00000000  68 74 74 70 ...  |http|"); the truth names >= 1 byte of the dump that is not printable ASCII, either by
# its hex value ("0d", "0x0d", "ef bb bf", "ff fe"; case ignored) or by its name (carriage return, CR, CRLF, line
# feed, LF, newline, BOM, byte order mark, UTF-16, NUL, tab), i.e. it says which odd byte causes (or does not cause)
# the trouble, and holds no dump line
HX_SEEN = re.compile(r"(?m)^[ \t]*[0-9a-f]{8}(?:: | {2})[0-9a-f]{2,4}(?: {1,2}[0-9a-f]{2,4}){2,}")
HX_LEFTOVER = HX_SEEN
HX_XXD = re.compile(r"^[ \t]*([0-9a-f]{8}): (\S.*)$")
HX_HEXC = re.compile(r"^[ \t]*([0-9a-f]{8})  (\S.*)$")
HX_MIN = 2
HX_NAMES = {
    0x0d: ["0d", "0x0d", "\\r", "carriage return", "carriage-return", "cr", "crlf"],
    0x0a: ["0a", "0x0a", "\\n", "line feed", "line-feed", "linefeed", "lf", "newline", "new line", "crlf"],
    0x09: ["09", "0x09", "\\t", "tab"],
    0x00: ["00", "0x00", "nul", "null byte", "null bytes", "utf-16", "utf-16le", "utf16"],
    0xef: ["ef bb bf", "efbbbf", "bom", "byte order mark", "byte-order mark"],
    0xbb: ["ef bb bf", "efbbbf", "bom", "byte order mark", "byte-order mark"],
    0xbf: ["ef bb bf", "efbbbf", "bom", "byte order mark", "byte-order mark"],
    0xff: ["ff fe", "fffe", "bom", "byte order mark", "byte-order mark", "utf-16", "utf-16le"],
    0xfe: ["ff fe", "fffe", "bom", "byte order mark", "byte-order mark", "utf-16", "utf-16le"],
}
# pac_file (long only): the user pastes the proxy auto-config (PAC) file that steers their browsers (and tools that honour
# it) towards the key store or the registry: a Markdown fence holding "function FindProxyForURL(" and >= 1 returned
# route string ('return "PROXY host:port"', '"DIRECT"', several separated by ";"); the truth names >= 1 route of the
# file: a proxy as host:port or as its host (as a whole token, case ignored), or DIRECT (in capitals) when the file
# returns it, i.e. it says which way the traffic in question goes, and holds no PAC code
PAC_SEEN = re.compile(r"FindProxyForURL|shExpMatch\s*\(|dnsDomainIs\s*\(|isInNet\s*\(|isPlainHostName\s*\(|"
                      r"dnsResolve\s*\(")
PAC_LEFTOVER = PAC_SEEN
PAC_FUNC = re.compile(r"function\s+FindProxyForURL\s*\(")
PAC_RETURN = re.compile(r'return\s+"([^"\n]*)"')
PAC_ROUTE = re.compile(r"^(PROXY|HTTPS|SOCKS5?|SOCKS4)\s+([A-Za-z0-9.\-]+):(\d{2,5})$|^(DIRECT)$")
# fence_file_labels (long only): the user pastes several files, each in a Markdown fence whose opening line names the
# file (the way AI coding assistants and docs sites label code blocks): "```hcl modules/registry/main.tf",
# '```hcl title="main.tf"', "```12:30:scripts/grant.sh" or "```main.tf"; >= 2 such fences with different paths; the
# truth names >= 1 of those paths (the full path, or its file name when no other label has the same file name; as a
# whole token, case kept; a path named only in the prose does not count), i.e. it says in which file the answer
# belongs, and holds no fence
FL_OPEN = re.compile(r'^[ \t]*```(?:[A-Za-z0-9_+\-]+[ \t]+)?(?:(?:title|filename|file)=)?"?(?:\d+:\d+:)?'
                     r'((?:[\w.\-]+/)*[\w.\-]*\.(?:tf|tfvars|bicep|bicepparam|json|jsonc|ya?ml|sh|ps1|py|hcl|txt|env|'
                     r'conf|cfg|ini|md|js|xml|toml))"?[ \t]*$')
FL_SEEN = re.compile(FL_OPEN.pattern, re.M)
FL_LEFTOVER = re.compile(r"```")
FL_MIN = 2


def _json_chunks(q, style):
    """Parsed JSON documents of the question: from Markdown fences in a long post, from `inline code` spans in a
    one-line question (a fragment that starts with a quoted name is read inside braces)."""
    if style == "long":
        raw = [fence_body(f) for f in md_fences(q)]
    else:
        raw = re.findall(r"`([^`\n]+)`", q)
    docs = []
    for ch in raw:
        body = ch.strip()
        for cand in (body, "{" + body + "}") if body.startswith('"') else (body,):
            try:
                docs.append(json.loads(cand))
                break
            except ValueError:
                continue
    return docs


def _walk(obj):
    if isinstance(obj, dict):
        yield obj
        for v in obj.values():
            yield from _walk(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _walk(v)


def service_tags(q, style):
    """(tag names, address prefixes) of every service tag pasted in the question; None when there is none."""
    names, prefixes = set(), set()
    for doc in _json_chunks(q, style):
        for d in _walk(doc):
            props = d.get("properties")
            if isinstance(d.get("name"), str) and d["name"] and isinstance(props, dict) \
                    and isinstance(props.get("addressPrefixes"), list):
                pf = [p for p in props["addressPrefixes"] if isinstance(p, str) and p]
                if pf:
                    names.add(d["name"])
                    prefixes.update(pf)
    return (names, prefixes) if names else None


def prefix_in(p, text):
    return re.search(r"(?<![\w.:/])" + re.escape(p) + r"(?![\w:/]|\.\w)", text) is not None


def change_paths(q, style):
    """Changed property paths of every change record pasted in the question; None when there is none."""
    paths = set()
    for doc in _json_chunks(q, style):
        for d in _walk(doc):
            ch = d.get("changes")
            if isinstance(ch, dict):
                for k, v in ch.items():
                    if isinstance(k, str) and isinstance(v, dict) and ("previousValue" in v or "newValue" in v):
                        paths.add(k)
    return paths or None


def path_labels(path):
    """The names a truth may use for a changed property: the full path, and its last segment when that is a
    camel-case name, otherwise its last two segments."""
    segs = [x for x in path.split(".") if x]
    out = {path}
    if segs and re.search(r"[a-z][A-Z]", segs[-1]):
        out.add(segs[-1])
    elif len(segs) >= 2:
        out.add(".".join(segs[-2:]))
    return out


def label_in(lb, text):
    return re.search(r"(?<![\w.\-])" + re.escape(lb) + r"(?![\w\-]|\.\w)", text, re.I) is not None


def _dump_bytes(line):
    """The bytes of one xxd or hexdump -C line, or None when the line is not one."""
    m = HX_XXD.match(line)
    if m:
        groups = m.group(2).split("  ")[0].split(" ")
        if groups and all(re.fullmatch(r"[0-9a-f]{2}|[0-9a-f]{4}", g) for g in groups):
            return bytes.fromhex("".join(groups))
    m = HX_HEXC.match(line)
    if m:
        toks_ = m.group(2).split("|")[0].split()
        if toks_ and all(re.fullmatch(r"[0-9a-f]{2}", t) for t in toks_):
            return bytes.fromhex("".join(toks_))
    return None


def dump_odd_bytes(q):
    """The bytes outside printable ASCII of every dump pasted in the question's Markdown fences (a fence needs
    >= HX_MIN dump lines); None when there is no such dump."""
    odd, seen = set(), False
    for f in md_fences(q):
        rows = [b for b in (_dump_bytes(x) for x in fence_body(f).split("\n")) if b is not None]
        if len(rows) >= HX_MIN:
            seen = True
            for b in rows:
                odd.update(c for c in b if c < 0x20 or c > 0x7e)
    return odd if seen else None


def byte_names(c):
    return set(HX_NAMES.get(c, [])) | {"%02x" % c, "0x%02x" % c}


def name_in(n, text):
    return re.search(r"(?<![\w\-])" + re.escape(n) + r"(?![\w\-])", text, re.I) is not None


def pac_routes(q):
    """Routes returned by every PAC file pasted in the question's Markdown fences: proxies as (host, host:port) and
    DIRECT; None when no fence holds a FindProxyForURL function with a route."""
    proxies, direct, seen = set(), False, False
    for f in md_fences(q):
        body = fence_body(f)
        if not PAC_FUNC.search(body):
            continue
        for ret in PAC_RETURN.findall(body):
            for part in ret.split(";"):
                m = PAC_ROUTE.match(part.strip())
                if not m:
                    continue
                seen = True
                if m.group(4):
                    direct = True
                else:
                    proxies.add((m.group(2), "%s:%s" % (m.group(2), m.group(3))))
    return (proxies, direct) if seen else None


def file_labels(q):
    """Paths named on the opening lines of the question's Markdown fences."""
    out = []
    for f in md_fences(q):
        m = FL_OPEN.match(f.split("\n")[0])
        if m and m.group(1) not in out:
            out.append(m.group(1))
    return out


def path_in(p, text):
    return re.search(r"(?<![\w./\-])" + re.escape(p) + r"(?![\w/\-]|\.\w)", text) is not None


OLD_DETECT.update({
    "service_tag_json": lambda q: bool(ST_SEEN.search(q)),
    "resource_change_record": lambda q: bool(RC_SEEN.search(q)),
    "hex_dump": lambda q: bool(HX_SEEN.search(q)),
    "pac_file": lambda q: bool(PAC_SEEN.search(q)),
    "fence_file_labels": lambda q: bool(FL_SEEN.search(q)),
})


# ---- blind67's shapes, rejected in every question of this set (detection reuses blind67's lexical rules) ----
# (blind67's rules, kept verbatim: their flags are dropped fields now, and the detectors below reject the shapes)
# replication_list (any style): the user pastes what "az acr replication list" returned for the registry (its
# geo-replicas) to ask what a customer-managed key means for them: in a long post a Markdown fence whose body parses
# as JSON and holds >= 1 replication, i.e. an object with a string "location" and either a "regionEndpointEnabled"
# key or a "type" ending in "/replications"; in a one-line question the same JSON quoted inline (`inline code`); the
# truth names >= 1 pasted replica by its location (as a whole token, case ignored; a location that was not pasted does
# not count), i.e. it answers for the replicas in question, and holds no key of the replication JSON
# ('"regionEndpointEnabled":', '"zoneRedundancy":', '"provisioningState":', '"displayStatus":')
RL_SEEN = re.compile(r'"(?:regionEndpointEnabled|displayStatus)"\s*:|Microsoft\.ContainerRegistry/registries/replications')
RL_LEFTOVER = re.compile(r'"(?:regionEndpointEnabled|zoneRedundancy|provisioningState|displayStatus)"\s*:')
# cloud_profile (any style): the user pastes the Azure CLI's profile of the cloud they work in ("az cloud show": the
# cloud's name, its endpoints and its DNS suffixes), usually a sovereign cloud, to ask about key store host names or
# availability: in a long post a Markdown fence whose body parses as JSON and holds >= 1 cloud profile, i.e. an object
# with a string "name" and a "suffixes" object holding >= 1 non-empty string; in a one-line question the same JSON
# quoted inline; the truth names the pasted cloud by its name or repeats >= 1 pasted suffix (with or without its
# leading dot; as a whole token, case ignored; a cloud that was not pasted does not count), i.e. it answers for the
# cloud in question, and holds no key of the profile ('"suffixes":', '"endpoints":', '"mhsmDns":', '"keyvaultDns":',
# '"acrLoginServerEndpoint":')
CP_SEEN = re.compile(r'"(?:suffixes|mhsmDns|keyvaultDns|acrLoginServerEndpoint|activeDirectoryResourceId)"\s*:')
CP_LEFTOVER = re.compile(r'"(?:suffixes|endpoints|mhsmDns|keyvaultDns|acrLoginServerEndpoint)"\s*:')
# aks_check_acr (long only): the user pastes the report of "az aks check-acr" (an AKS cluster's check that it can pull
# from the registry) because pulls fail although the cluster side looks fine: a Markdown fence holding >= 3 lines
# stamped "[<UTC timestamp>] " and >= 1 of the report's own phrases ("Checking host name resolution", "Validating
# image pull permission", "Canonical name for ACR", "Kubelet managed identity client ID"); the truth names >= 1
# check of the report (the label of a stamped "Checking|Validating <label>[ (<target>)]: <VERDICT>" line, e.g. "image
# pull permission", as a phrase, case ignored; a check the report does not hold does not count) or the kubelet
# identity's client ID from the report, i.e. it says what the report did or did not test, and holds no stamped line
CA_STAMP = re.compile(r"^[ \t]*\[(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)\][ \t]?(.*)$")
CA_PHRASE = re.compile(r"Checking host name resolution|Validating image pull permission|Canonical name for ACR|"
                       r"Kubelet managed identity client ID")
CA_SEEN = re.compile(r"Checking host name resolution|Validating image pull permission|Canonical name for ACR|"
                     r"Kubelet managed identity client ID|Your cluster can pull images from")
CA_CHECK = re.compile(r"^(?:Checking|Validating)[ \t]+(.+?)(?:[ \t]*\([^)\n]*\))?[ \t]*:[ \t]*"
                      r"(?:SUCCEEDED|FAILED|SUCCESS|FAILURE|ERROR)\b")
CA_KUBELET = re.compile(r"Kubelet managed identity client ID:[ \t]*([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-"
                        r"[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})")
CA_LEFTOVER = re.compile(r"\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z\]")
CA_MIN = 3
# az_account_json (any style): the user pastes what the Azure CLI printed for the signed-in account ("az login",
# "az login --identity", "az account show" or "az account list") to show who a script or pipeline runs as: in a long
# post a Markdown fence whose body parses as JSON and holds >= 1 account entry, i.e. an object with a "user" object
# (string "name" and "type") and a "tenantId", "isDefault" or "homeTenantId" key; in a one-line question the same JSON
# quoted inline; the truth names the signed-in principal (the user's "name", or the ID or identity named in an
# "assignedIdentityInfo" value such as MSIClient-<client ID> or MSIResource-<resource ID>, the resource ID's last
# segment included; as a whole token, case ignored), i.e. it says which principal needs what, and holds no key of
# the account JSON ('"user":', '"assignedIdentityInfo":', '"isDefault":', '"tenantId":', '"homeTenantId":')
AC_SEEN = re.compile(r'"(?:assignedIdentityInfo|homeTenantId|isDefault|managedByTenants|environmentName)"\s*:')
AC_LEFTOVER = re.compile(r'"(?:user|assignedIdentityInfo|isDefault|tenantId|homeTenantId)"\s*:')
AC_MSI = re.compile(r"^MSI(?:Client|Object|Resource)-(.+)$")
# slide_outline (long only): the user pastes the text of their slides (a deck for a review board, an onboarding or a
# tabletop exercise) and asks whether they hold: >= 2 slide headings, lines "Slide <n>:" (or "Slide <n>." / "-" /
# ")", optionally after "#" marks or in bold) with strictly increasing numbers, each followed by >= 1 line of content
# before the next heading; the truth cites >= 1 pasted slide by its number ("slide 3", "slides 2 and 4"; case ignored;
# a number that was not pasted does not count), i.e. it says which slide is right or wrong, and holds no slide
# heading line
SL_HEAD = re.compile(r"^[ \t]*(?:#{1,6}[ \t]*)?(?:\*\*)?Slide[ \t]+(\d{1,2})\b[ \t]*(?:\*\*)?[ \t]*[:.)\-]", re.I)
SL_SEEN = re.compile(SL_HEAD.pattern, re.I | re.M)
SL_CITE = re.compile(r"\bslides?[ \t]+(\d{1,2}(?:[ \t]*(?:,|and|&|to)[ \t]*\d{1,2})*)\b", re.I)
SL_LEFTOVER = SL_SEEN
SL_MIN = 2


def replica_locations(q, style):
    """Locations of every replication pasted in the question; None when there is none."""
    locs = set()
    for doc in _json_chunks(q, style):
        for d in _walk(doc):
            loc = d.get("location")
            kind = d.get("type")
            if isinstance(loc, str) and loc and ("regionEndpointEnabled" in d or (
                    isinstance(kind, str) and kind.lower().endswith("/replications"))):
                locs.add(loc)
    return locs or None


def cloud_profiles(q, style):
    """(cloud names, suffixes without their leading dot) of every cloud profile pasted in the question; None when
    there is none."""
    names, suffixes = set(), set()
    for doc in _json_chunks(q, style):
        for d in _walk(doc):
            sf = d.get("suffixes")
            if isinstance(d.get("name"), str) and d["name"] and isinstance(sf, dict):
                vals = [v.lstrip(".") for v in sf.values() if isinstance(v, str) and v.lstrip(".")]
                if vals:
                    names.add(d["name"])
                    suffixes.update(vals)
    return (names, suffixes) if names else None


def check_acr_reports(q):
    """(check labels, kubelet client IDs) of every check-acr report pasted in the question's Markdown fences (a fence
    needs >= CA_MIN stamped lines and one of the report's phrases); None when there is none."""
    checks, ids, seen = set(), set(), False
    for f in md_fences(q):
        body = fence_body(f)
        stamped = [CA_STAMP.match(x) for x in body.split("\n")]
        stamped = [m_ for m_ in stamped if m_]
        if len(stamped) < CA_MIN or not CA_PHRASE.search(body):
            continue
        seen = True
        for m_ in stamped:
            cm = CA_CHECK.match(m_.group(2).strip())
            if cm:
                checks.add(cm.group(1).strip().lower())
        ids.update(x.lower() for x in CA_KUBELET.findall(body))
    return (checks, ids) if seen else None


def phrase_in_ci(p, text):
    return re.search(r"(?<![\w\-])" + re.escape(p) + r"(?![\w\-])", text, re.I) is not None


def account_principals(q, style):
    """Names and IDs of the signed-in principal of every account entry pasted in the question; None when there is
    none."""
    out, seen = set(), False
    for doc in _json_chunks(q, style):
        for d in _walk(doc):
            u = d.get("user")
            if not (isinstance(u, dict) and isinstance(u.get("name"), str) and isinstance(u.get("type"), str)):
                continue
            if not any(k_ in d for k_ in ("tenantId", "isDefault", "homeTenantId")):
                continue
            seen = True
            if u["name"]:
                out.add(u["name"])
            info = u.get("assignedIdentityInfo")
            if isinstance(info, str):
                mm = AC_MSI.match(info)
                if mm:
                    out.add(mm.group(1))
                    last = mm.group(1).rstrip("/").split("/")[-1]
                    if last:
                        out.add(last)
    return out if seen else None


def slide_numbers(q):
    """Numbers of the pasted slides: >= SL_MIN headings with strictly increasing numbers, each followed by >= 1
    content line; None when the question holds no such outline."""
    lines = q.split("\n")
    heads = [(i, int(SL_HEAD.match(x).group(1))) for i, x in enumerate(lines) if SL_HEAD.match(x)]
    if len(heads) < SL_MIN:
        return None
    nums = [n_ for _, n_ in heads]
    if any(b_ <= a_ for a_, b_ in zip(nums, nums[1:])):
        return None
    bounds = [i for i, _ in heads] + [len(lines)]
    for (i, _), end in zip(heads, bounds[1:]):
        if not any(x.strip() and not x.strip().startswith("```") for x in lines[i + 1:end]):
            return None
    return set(nums)


def cited_slides(text):
    out = set()
    for mm in SL_CITE.finditer(text):
        out.update(int(x) for x in re.findall(r"\d{1,2}", mm.group(1)))
    return out


OLD_DETECT.update({
    "replication_list": lambda q: bool(RL_SEEN.search(q)),
    "cloud_profile": lambda q: bool(CP_SEEN.search(q)),
    "aks_check_acr": lambda q: bool(CA_SEEN.search(q)),
    "az_account_json": lambda q: bool(AC_SEEN.search(q)),
    "slide_outline": lambda q: bool(SL_SEEN.search(q)),
})


# ---- blind68's shapes, rejected in every question of this set (detection reuses blind68's lexical rules) ----
# (blind68's rules, kept verbatim: their flags are dropped fields now, and the detectors below reject the shapes)
# name_check_json (any style): the user pastes what "az acr check-name" or "az keyvault check-name" returned (the
# availability check of a registry or key vault name) because a name is refused or taken: in a long post a Markdown
# fence whose body (after optional "$ " command lines) parses as JSON and holds >= 1 check result, i.e. an object
# with a boolean "nameAvailable" and a string "reason" or "message", >= 1 of them with "nameAvailable": false and a
# reason of AlreadyExists or Invalid; in a one-line question the same JSON quoted inline (`inline code`); the truth
# says why the name is not available in words that fit a pasted reason (AlreadyExists: taken, in use, reserved,
# already exists, still exists, soft-deleted; Invalid: invalid, not valid, not allowed, lowercase, dash(es),
# hyphen(s), characters; case ignored; words that fit only a reason that was not pasted do not count), and holds no
# key of the check result ('"nameAvailable":', '"reason":')
NC_SEEN = re.compile(r'"nameAvailable"\s*:|"reason"\s*:\s*"(?:AlreadyExists|Invalid)"')
NC_LEFTOVER = re.compile(r'"(?:nameAvailable|reason)"\s*:')
NC_WORDS = {
    "AlreadyExists": re.compile(r"\b(?:taken|in use|reserved|already exists|still exists|soft-deleted)\b", re.I),
    "Invalid": re.compile(r"\b(?:invalid|not valid|not allowed|lowercase|dash(?:es)?|hyphens?|characters)\b", re.I),
}
# tag_detail_json (any style): the user pastes what "az acr repository show-tags --detail" (or "az acr repository
# show --image") printed for the tags of a repository: in a long post a Markdown fence whose body parses as JSON and
# holds >= 1 tag record, i.e. an object with a string "name" and a "changeableAttributes" object holding >= 1 of
# deleteEnabled, listEnabled, readEnabled, writeEnabled; in a one-line question the same JSON quoted inline; the truth
# names >= 1 pasted tag by its name (as a whole token, case kept; a tag that was not pasted does not count), i.e. it
# answers for the images in question, and holds no key of the tag record ('"changeableAttributes":', '"readEnabled":',
# '"writeEnabled":', '"deleteEnabled":', '"listEnabled":', '"lastUpdateTime":', '"createdTime":', '"digest":')
TD_SEEN = re.compile(r'"(?:changeableAttributes|lastUpdateTime)"\s*:')
TD_LEFTOVER = re.compile(r'"(?:changeableAttributes|readEnabled|writeEnabled|deleteEnabled|listEnabled|lastUpdateTime|'
                         r'createdTime|digest)"\s*:')
TD_ATTRS = ("deleteEnabled", "listEnabled", "readEnabled", "writeEnabled")
# xml_prompt_tags (any style): the user structures a prompt for an AI assistant with XML-style tags around the
# material (<setup>...</setup>, <error>...</error>, <goal>...</goal>), as prompt-writing guides advise: >= 2 sections
# with different tag names, each "<name>" closed by a later "</name>" and holding non-empty content; tag names are
# lowercase (letters, digits, "_", "-") and not HTML element names (details, summary, code, br, ...); in a long post
# every tag stands on a line of its own, in a one-line question the sections stand inline; the truth repeats >= 1
# identifier-like token (>= 6 characters with "-", "_", ".", "/", ":", a digit or an inner capital, as a whole token,
# case kept) that stands inside a tagged section and nowhere in the question outside the sections, i.e. it used the
# tagged material, and holds no tag ("<name>" or "</name>")
XT_PAIR = re.compile(r"<([a-z][a-z0-9_\-]{0,30})>(.*?)</\1>", re.S)
XT_LINE = re.compile(r"^[ \t]*<([a-z][a-z0-9_\-]{0,30})>[ \t]*\n(.*?)\n[ \t]*</\1>[ \t]*$", re.S | re.M)
XT_HTML = {"a", "abbr", "address", "article", "aside", "audio", "b", "blockquote", "body", "br", "caption", "center",
           "cite", "code", "dd", "del", "details", "div", "dl", "dt", "em", "figcaption", "figure", "font", "footer",
           "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "i", "img", "ins", "kbd", "li", "main",
           "mark", "nav", "ol", "p", "picture", "pre", "q", "s", "samp", "script", "section", "small", "source", "span",
           "strike", "strong", "style", "sub", "summary", "sup", "table", "tbody", "td", "testcase", "testsuite",
           "th", "thead", "title", "tr", "tt", "u", "ul", "var", "video"}
XT_LEFTOVER = re.compile(r"</?[a-z][a-z0-9_\-]{0,30}>")
XT_TOKEN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.:/\-]*[A-Za-z0-9_]")
XT_TOKEN_MIN = 6
XT_MIN = 2
# portal_review_summary (long only): the user copies the summary the Azure portal shows on the Review + create tab of
# a create wizard (a registry, a key vault): >= 2 section headings, lines that hold nothing but a wizard tab name
# (Basics, Access configuration, Networking, Encryption, Advanced, Tags), each followed by >= 1 row
# "<label><tab or >= 2 spaces><value>" before the next heading; fenced or not; the truth cites >= 1 row label of the
# summary (a label of >= 2 words or >= 8 characters, as a phrase, case ignored; a label that was not pasted does not
# count), i.e. it says which setting matters, and holds no summary row (a tab or a run of >= 2 spaces between two
# non-blank characters) and no heading line
PR_HEAD = re.compile(r"^[ \t]*(Basics|Access configuration|Networking|Encryption|Advanced|Tags)[ \t]*$")
PR_SEEN = re.compile(PR_HEAD.pattern, re.M)
PR_ROW = re.compile(r"^[ \t]*(\S(?:.*?\S)?)(?:\t+| {2,})(\S.*?)[ \t]*$")
PR_LEFTOVER = re.compile(r"\S(?:\t| {2,})\S|^[ \t]*(?:Basics|Access configuration|Networking|Encryption|Advanced|Tags)"
                         r"[ \t]*$", re.M)
PR_MIN = 2
PR_LABEL_MIN = 8
# keyvault_event_json (any style): the user pastes a Key Vault event as Event Grid delivers it to a subscriber (a
# Function, a Logic App, a webhook): in a long post a Markdown fence whose body parses as JSON and holds >= 1 event,
# i.e. an object whose "eventType" (Event Grid schema) or "type" (CloudEvents schema) is a string
# "Microsoft.KeyVault.<Name>" and whose "data" object holds a string "ObjectName" or "VaultName"; in a one-line
# question the same JSON quoted inline; the truth names >= 1 pasted event by its type (the last dotted segment, e.g.
# KeyNearExpiry, as a whole token, case kept) or a pasted key version (data.Version, as a whole token, case ignored;
# a type or version that was not pasted does not count), i.e. it answers for the event in question, and holds no key
# of the event ('"eventType":', '"data":', '"ObjectName":', '"VaultName":', '"ObjectType":')
KE_SEEN = re.compile(r'Microsoft\.KeyVault\.(?:Key|Secret|Certificate|Vault)[A-Z][A-Za-z]+|'
                     r'"(?:VaultName|ObjectType|ObjectName)"\s*:')
KE_LEFTOVER = re.compile(r'"(?:eventType|data|ObjectName|VaultName|ObjectType)"\s*:')
KE_TYPE = re.compile(r"^Microsoft\.KeyVault\.([A-Za-z]+)$")


def _docs68(q, style):
    """Parsed JSON documents of the question: from Markdown fences in a long post ("$ " command lines left out), from
    `inline code` spans in a one-line question (a fragment that starts with a quoted name is read inside braces)."""
    if style == "long":
        raw = ["\n".join(x for x in fence_body(f).split("\n") if not x.lstrip().startswith("$ ")) for f in md_fences(q)]
    else:
        raw = re.findall(r"`([^`\n]+)`", q)
    docs = []
    for ch in raw:
        body = ch.strip()
        for cand in (body, "{" + body + "}") if body.startswith('"') else (body,):
            try:
                docs.append(json.loads(cand))
                break
            except ValueError:
                continue
    return docs


def name_checks(q, style):
    """Reasons of the pasted check results that report a name as unavailable (None when the question holds no check
    result at all)."""
    seen, reasons = False, set()
    for doc in _docs68(q, style):
        for d in _walk(doc):
            if isinstance(d.get("nameAvailable"), bool) and (isinstance(d.get("reason"), str)
                                                             or isinstance(d.get("message"), str)):
                seen = True
                if d["nameAvailable"] is False and isinstance(d.get("reason"), str):
                    reasons.add(d["reason"])
    return reasons if seen else None


def tag_names(q, style):
    """Names of the pasted tag records (None when there is none)."""
    names = set()
    for doc in _docs68(q, style):
        for d in _walk(doc):
            ca = d.get("changeableAttributes")
            if isinstance(d.get("name"), str) and d["name"] and isinstance(ca, dict) and any(a in ca for a in TD_ATTRS):
                names.add(d["name"])
    return names or None


def tag_in(t, text):
    return re.search(r"(?<![\w.\-])" + re.escape(t) + r"(?![\w\-]|\.\w)", text) is not None


def xml_sections(q, lines_only=False):
    """(name, content) of every XML-style section of the question (HTML element names left out)."""
    rx = XT_LINE if lines_only else XT_PAIR
    return [(m.group(1), m.group(2)) for m in rx.finditer(q) if m.group(1) not in XT_HTML]


def xml_inside_tokens(q):
    """Identifier-like tokens that stand inside the tagged sections and nowhere outside them."""
    secs = xml_sections(q)
    outside = XT_PAIR.sub(lambda m: " " if m.group(1) not in XT_HTML else m.group(0), q)
    inside = set()
    for _, content in secs:
        for t in XT_TOKEN.findall(content):
            if len(t) >= XT_TOKEN_MIN and ident_like(t, ".:/") and not token_in(t, outside):
                inside.add(t)
    return inside


def review_summary(q):
    """(headings, row labels) of a pasted Review + create summary: >= PR_MIN headings, each followed by >= 1 row
    before the next heading (fence lines are ignored); None when there is none."""
    lines = [x for x in q.split("\n") if not x.strip().startswith("```")]
    heads = [(i, PR_HEAD.match(x).group(1)) for i, x in enumerate(lines) if PR_HEAD.match(x)]
    if len({h for _, h in heads}) < PR_MIN:
        return None
    labels = set()
    bounds = [i for i, _ in heads] + [len(lines)]
    for (i, _), end in zip(heads, bounds[1:]):
        rows = []
        for x in lines[i + 1:end]:
            if not x.strip():
                if rows:
                    break
                continue
            mm = PR_ROW.match(x)
            if not mm:
                break
            rows.append(mm.group(1))
        if not rows:
            return None
        labels.update(rows)
    return [h for _, h in heads], labels


def key_events(q, style):
    """(event type names, key versions) of the pasted Key Vault events (None when there is none)."""
    types, versions, seen = set(), set(), False
    for doc in _docs68(q, style):
        for d in _walk(doc):
            et = d.get("eventType", d.get("type"))
            data = d.get("data")
            if not (isinstance(et, str) and KE_TYPE.match(et) and isinstance(data, dict)):
                continue
            if not (isinstance(data.get("ObjectName"), str) or isinstance(data.get("VaultName"), str)):
                continue
            seen = True
            types.add(KE_TYPE.match(et).group(1))
            if isinstance(data.get("Version"), str) and len(data["Version"]) >= 8:
                versions.add(data["Version"])
    return (types, versions) if seen else None


OLD_DETECT.update({
    "name_check_json": lambda q: bool(NC_SEEN.search(q)),
    "tag_detail_json": lambda q: bool(TD_SEEN.search(q)),
    "xml_prompt_tags": lambda q: bool(xml_sections(q)),
    "portal_review_summary": lambda q: bool(PR_SEEN.search(q)),
    "keyvault_event_json": lambda q: bool(KE_SEEN.search(q)),
})


# ---- blind69's shapes, rejected in every question of this set (detection reuses blind69's lexical rules) ----
# (blind69's rules, kept verbatim: their flags are dropped fields now, and the detectors below reject the shapes)
# mcp_tool_call (any style): an AI agent, or the developer of one, pastes the Model Context Protocol request its
# client sent to a tool server (a JSON-RPC 2.0 "tools/call" request whose arguments carry the registry, key store and
# question at hand): in a long post a Markdown fence whose body parses as JSON and holds >= 1 such request, i.e. an
# object with "jsonrpc": "2.0", "method": "tools/call" and a "params" object with a string "name" and an "arguments"
# object holding >= 1 string value; in a one-line question the same JSON quoted inline (`inline code`); the truth
# names >= 1 single-token argument value (a string value without whitespace of >= MC_VALUE_MIN characters, such as a
# registry, key, identity or key URI; as a whole token, case kept; a value that was not passed does not count), i.e.
# it answers for the resources the call names, and holds no key of the request ('"jsonrpc":', '"method":',
# '"params":', '"arguments":')
MC_SEEN = re.compile(r'"jsonrpc"\s*:|"tools/call"')
MC_LEFTOVER = re.compile(r'"(?:jsonrpc|method|params|arguments)"\s*:')
MC_VALUE_MIN = 4
# resource_graph_result (any style): the user pastes what an Azure Resource Graph query returned ("az graph query":
# a JSON object with "count", "data", "skip_token" and "total_records") for the registries of a subscription or
# tenant, to ask what the result means for their customer-managed keys: in a long post a Markdown fence whose body
# parses as JSON and holds >= 1 result, i.e. an object with a "data" list of >= 1 row objects, each with a string
# "name", and an integer "count" or "total_records"; in a one-line question the same JSON quoted inline; the truth
# names >= 1 pasted row by its name (as a whole token, case kept; a name that was not pasted does not count), i.e. it
# answers for the registries in question, and holds no key of the result ('"data":', '"count":', '"skip_token":',
# '"total_records":')
RG_SEEN = re.compile(r'"(?:skip_token|total_records)"\s*:')
RG_LEFTOVER = re.compile(r'"(?:data|count|skip_token|total_records)"\s*:')
# private_endpoint_json (any style): the user pastes what "az network private-endpoint show" (or "list") printed for
# a private endpoint in front of the key vault, the Managed HSM or the registry: in a long post a Markdown fence whose
# body parses as JSON and holds >= 1 private endpoint, i.e. an object with a "privateLinkServiceConnections" or
# "manualPrivateLinkServiceConnections" list holding >= 1 connection with a string "privateLinkServiceId" and a
# "groupIds" list (the connection's fields may also sit under its "properties"); in a one-line question the same JSON
# quoted inline; the truth names >= 1 resource behind a pasted endpoint (the last segment of a privateLinkServiceId)
# or a pasted endpoint by its name (as a whole token, case ignored; a resource that was not pasted does not count),
# i.e. it answers for the key store or registry in question, and holds no key of the endpoint JSON
# ('"privateLinkServiceConnections":', '"manualPrivateLinkServiceConnections":', '"groupIds":',
# '"privateLinkServiceId":', '"privateLinkServiceConnectionState":', '"customDnsConfigs":')
PE_SEEN = re.compile(r'"(?:manualP|p)rivateLinkServiceConnections"\s*:|"groupIds"\s*:|'
                     r'"privateLinkServiceConnectionState"\s*:')
PE_LEFTOVER = re.compile(r'"(?:privateLinkServiceConnections|manualPrivateLinkServiceConnections|groupIds|'
                         r'privateLinkServiceId|privateLinkServiceConnectionState|customDnsConfigs)"\s*:')
PE_LISTS = ("privateLinkServiceConnections", "manualPrivateLinkServiceConnections")
# deployment_outputs_json (any style): the user pastes the outputs of an ARM or Bicep deployment (what "az deployment
# group show" holds under properties.outputs: each output an object with an ARM "type" and a "value"), usually the
# key URI and the identity's IDs that a template handed on to a script: in a long post a Markdown fence whose body
# parses as JSON and holds >= 1 output, i.e. an object member whose value is an object with a "type" of String,
# Object, Bool, Int, Array, SecureString or SecureObject and a "value" key; in a one-line question the same JSON quoted
# inline; the truth names >= 1 pasted output by its name (as a whole token, case kept; a name that was not pasted, or
# the name in another case, does not count), i.e. it says which output goes where, and holds no output entry (an ARM
# '"type": "String"' pair or a '"value":' key)
DO_TYPES = ("String", "Object", "Bool", "Int", "Array", "SecureString", "SecureObject")
DO_SEEN = re.compile(r'"type"\s*:\s*"(?:String|Object|Bool|Int|Array|SecureString|SecureObject)"')
DO_LEFTOVER = re.compile(r'"type"\s*:\s*"(?:String|Object|Bool|Int|Array|SecureString|SecureObject)"|"value"\s*:')
# dependabot_pr_body (any style): the user pastes the body of a Dependabot pull request that bumps a Terraform
# provider or an infrastructure module their encrypted registry is built with ("Bumps [<dependency>](<link>) from
# <old> to <new>."), asking whether the bump is safe for the customer-managed key: in a long post the bump line stands
# in a Markdown fence; in a one-line question it is quoted inline; the truth names the target version of a pasted bump
# (the "to" version, as a whole token; a version that was not pasted does not count), i.e. it answers for the version
# in question, and holds no bump line or Dependabot command ("Bumps [", "@dependabot")
DB_BUMP = re.compile(r"\bBumps \[([^\]\n]+)\]\((https?://[^)\s]+)\) from (\S+?) to (\S+?)\.?(?=\s|$|`)")
DB_SEEN = re.compile(r"\bBumps \[[^\]\n]+\]\([^)\s]+\) from \S+ to \S|Dependabot will resolve any conflicts|"
                     r"@dependabot (?:rebase|recreate|merge|squash|cancel|ignore|close|reopen)\b")
DB_LEFTOVER = re.compile(r"\bBumps \[|@dependabot\b")


def _docs69(q, style):
    """Parsed JSON documents of the question: from Markdown fences in a long post, from `inline code` spans in a
    one-line question (a fragment that starts with a quoted name is read inside braces)."""
    return _json_chunks(q, style)


def mcp_calls(q, style):
    """Single-token string values of the arguments of every tools/call request pasted in the question (None when
    there is no request)."""
    seen, vals = False, set()
    for doc in _docs69(q, style):
        for d in _walk(doc):
            params = d.get("params")
            if not (d.get("jsonrpc") == "2.0" and d.get("method") == "tools/call" and isinstance(params, dict)):
                continue
            args = params.get("arguments")
            if not (isinstance(params.get("name"), str) and isinstance(args, dict)):
                continue
            strs = [v for v in args.values() if isinstance(v, str) and v.strip()]
            if not strs:
                continue
            seen = True
            vals.update(v for v in strs if not re.search(r"\s", v) and len(v) >= MC_VALUE_MIN)
    return vals if seen else None


def graph_rows(q, style):
    """Row names of every Resource Graph result pasted in the question (None when there is none)."""
    names, seen = set(), False
    for doc in _docs69(q, style):
        for d in _walk(doc):
            data = d.get("data")
            cnt = [d.get(k) for k in ("count", "total_records")]
            if not (isinstance(data, list) and any(isinstance(c, int) and not isinstance(c, bool) for c in cnt)):
                continue
            rows = [r for r in data if isinstance(r, dict) and isinstance(r.get("name"), str) and r["name"]]
            if rows:
                seen = True
                names.update(r["name"] for r in rows)
    return names if seen else None


def endpoint_targets(q, style):
    """(endpoint names, target resource names) of every private endpoint pasted in the question (None when there is
    none)."""
    pes, targets = set(), set()
    for doc in _docs69(q, style):
        for d in _walk(doc):
            conns = []
            for holder in (d, d.get("properties") if isinstance(d.get("properties"), dict) else {}):
                for k in PE_LISTS:
                    if isinstance(holder.get(k), list):
                        conns += holder[k]
            found = False
            for cn in conns:
                if not isinstance(cn, dict):
                    continue
                c = cn.get("properties") if isinstance(cn.get("properties"), dict) else cn
                sid = c.get("privateLinkServiceId")
                if isinstance(sid, str) and sid.strip("/") and isinstance(c.get("groupIds"), list):
                    found = True
                    targets.add(sid.rstrip("/").split("/")[-1])
            if found:
                if isinstance(d.get("name"), str) and d["name"]:
                    pes.add(d["name"])
    return (pes, targets) if targets else None


def deployment_outputs(q, style):
    """Names of every deployment output pasted in the question (None when there is none)."""
    names = set()
    for doc in _docs69(q, style):
        for d in _walk(doc):
            for k, v in d.items():
                if isinstance(v, dict) and v.get("type") in DO_TYPES and "value" in v:
                    names.add(k)
    return names or None


def dependabot_bumps(q, style):
    """(dependency, from, to) of every Dependabot bump line that stands where the shape needs it: in a Markdown fence
    of a long post, in an inline code span of a one-line question."""
    if style == "long":
        parts = [fence_body(f) for f in md_fences(q)]
    else:
        parts = re.findall(r"`([^`\n]+)`", q)
    out = []
    for part in parts:
        for mm in DB_BUMP.finditer(part):
            out.append((mm.group(1), mm.group(3), mm.group(4)))
    return out


def exact_in(v, text):
    return re.search(r"(?<![\w.:/\-])" + re.escape(v) + r"(?![\w:/\-]|\.\w)", text) is not None


OLD_DETECT.update({
    "mcp_tool_call": lambda q: bool(MC_SEEN.search(q)),
    "resource_graph_result": lambda q: bool(RG_SEEN.search(q)),
    "private_endpoint_json": lambda q: bool(PE_SEEN.search(q)),
    "deployment_outputs_json": lambda q: bool(DO_SEEN.search(q)),
    "dependabot_pr_body": lambda q: bool(DB_SEEN.search(q)),
})


# ---- blind70's shapes, rejected in every question of this set (detection reuses blind70's lexical rules) ----
# (blind70's rules, kept verbatim: their flags are dropped fields now, and the detectors below reject the shapes)
# docker_push_output (any style): the user pastes what "docker push" printed while pushing an image to the encrypted
# registry: in a long post a Markdown fence holding a repository line "The push refers to repository
# [<login server>/<repository>]" and, after it in the same fence, >= 1 layer line "<12 hex digits>: <status>"
# (Preparing, Waiting, Pushing, Pushed, Layer already exists, Mounted from <repository>) or a digest line
# "<tag>: digest: sha256:<64 hex digits> size: <bytes>"; in a one-line question the repository line quoted inline,
# with a layer or digest line in another inline code span; the truth names the registry of a pasted push (its login
# server, or the login server's first label, e.g. crfoo for crfoo.azurecr.io) or its repository (the path after the
# login server), as a whole token, case kept (a registry or repository that was not pasted does not count), i.e. it
# answers for the registry in question, and holds no push output (no repository, layer or digest line)
DP_REPO = re.compile(r"The push refers to repository \[([a-z0-9][a-z0-9.\-]*(?::\d+)?)/([a-z0-9][a-z0-9._/\-]*)\]")
DP_LAYER = re.compile(r"(?<![0-9a-f])[0-9a-f]{12}: (?:Preparing|Waiting|Pushing|Pushed|Layer already exists|"
                      r"Mounted from \S+)")
DP_DIGEST = re.compile(r"\S+: digest: sha256:[0-9a-f]{64} size: \d+")
DP_SEEN = re.compile(r"The push refers to repository \[|(?<![0-9a-f])[0-9a-f]{12}: (?:Preparing|Waiting|Pushing|"
                     r"Pushed|Layer already exists|Mounted from)\b|\bdigest: sha256:[0-9a-f]{64} size: \d+")
DP_LEFTOVER = DP_SEEN
# gitlab_job_log (long only): the user pastes the log of a GitLab CI job (as the job page shows it) whose script runs
# az or terraform commands against the registry or its key store: a Markdown fence holding the runner banner
# "Running with gitlab-runner <version>", after it >= 1 script line "$ <command>", and after those the job result,
# "ERROR: Job failed: <reason>" or "Job succeeded"; the truth names the command of the script line that failed (the
# last "$ " line before "ERROR: Job failed"), or of any script line of a job that succeeded: the command is the
# line's leading words up to the first option, value or variable (e.g. "az keyvault set-policy", "terraform apply"),
# >= 2 words, as a phrase, case kept (a command that was not pasted, or not the failing one, does not count), i.e. it
# answers for the step that broke, and holds no runner banner, script line or job result line
GL_BANNER = re.compile(r"^Running with gitlab-runner \d+\.\d+\.\d+")
GL_RESULT = re.compile(r"^(?:ERROR: Job failed: \S.*|Job succeeded)\s*$")
GL_SCRIPT = re.compile(r"^\$ (\S.*)$")
GL_WORD = re.compile(r"[a-z][a-z0-9\-]*")
GL_SEEN = re.compile(r"Running with gitlab-runner|ERROR: Job failed: |^\s*Job succeeded\s*$|"
                     r"Executing \"step_script\" stage", re.M)
GL_LEFTOVER = re.compile(r"Running with gitlab-runner|ERROR: Job failed|Job succeeded|^\s*\$ \S|"
                         r"Executing \"step_script\"", re.M)
GL_MAX_WORDS = 5
# keyvault_audit_log (any style): the user pastes Key Vault (or Managed HSM) diagnostic log records of the AuditEvent
# category, as a diagnostic setting writes them to a storage account or Log Analytics returns them, to ask why the
# registry's calls to its key fail or who touched the key: in a long post a Markdown fence whose body parses as JSON
# and holds >= 1 record, i.e. an object with a string "operationName", a string "resultSignature" and a string
# "callerIpAddress"; in a one-line question the same JSON quoted inline; the truth names the operation of a pasted
# record (its operationName, e.g. KeyUnwrap, as a whole token, case kept; an operation that was not pasted does not
# count), i.e. it answers for the calls in question, and holds no key of the record ('"operationName":',
# '"resultSignature":', '"resultType":', '"callerIpAddress":', '"category":', '"identity":', '"properties":')
KA_SEEN = re.compile(r'"(?:resultSignature|callerIpAddress)"\s*:|"category"\s*:\s*"AuditEvent"')
KA_LEFTOVER = re.compile(r'"(?:operationName|resultSignature|resultType|callerIpAddress|category|identity|'
                         r'properties)"\s*:')
# java_exception (any style): the user pastes the exception their Java service got from the Azure SDK for Java (a
# platform service that creates registries, rotates keys or reads the key store): in a long post a Markdown fence
# holding an exception line "<package>.<Class>Exception: <message>" (or ...Error; optionally after 'Exception in
# thread "<name>" ') followed by >= 2 stack frames "at <class>.<method>(<File>.java:<line>)" (or "(Native Method)",
# "(Unknown Source)"), with optional "Caused by: " exceptions further down; in a one-line question the exception line
# quoted inline (a fully qualified exception class with a message); the truth names a pasted exception by its simple
# class name (the last segment, e.g. ManagementException) or an error code given in a pasted message ('"code":"X"'),
# as a whole token, case kept (a class or code that was not pasted does not count), i.e. it answers for the failure
# in question, and holds no stack frame and no "Caused by:"
JX_HEAD = re.compile(r"^(?:Exception in thread \"[^\"\n]*\" )?(?:Caused by: )?((?:[a-z][\w$]*\.)+"
                     r"([A-Z][\w$]*(?:Exception|Error)))(?:: (\S.*))?$")
JX_FRAME = re.compile(r"^\s+at [\w$.<>/]+\((?:[\w$]+\.java:\d+|Native Method|Unknown Source)\)\s*$")
JX_CODE = re.compile(r'"code"\s*:\s*"([A-Za-z][A-Za-z0-9_.]*)"')
JX_SEEN = re.compile(r"\bat [\w$.<>/]+\([\w$]+\.java:\d+\)|Caused by: (?:[a-z][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error)\b"
                     r"|\b(?:java|javax|com\.azure|reactor)\.(?:[\w$]+\.)*[A-Z][\w$]*(?:Exception|Error)\b")
JX_LEFTOVER = re.compile(r"\bat [\w$.<>/]+\([^()\n]*\.java:\d+\)|Caused by:|\.java:\d+")
JX_MIN_FRAMES = 2
# asciidoc_runbook (long only): the user pastes a part of the team's runbook, written in AsciiDoc (as kept in a docs
# repository or an Antora site), and asks whether its steps are right: a Markdown fence holding >= 1 section title
# ("== Title" to "===== Title") and >= 1 listing block: a "[source,<language>]" line, then a "----" line, >= 1 line of
# content and a closing "----" line; the truth cites >= 1 pasted section title (the title's text, as a phrase, case
# ignored; a title that was not pasted does not count), i.e. it says which part of the runbook to keep or change, and
# holds no AsciiDoc markup (no "[source" attribute, no "----" delimiter line, no "= " title line, no admonition label)
ADOC_TITLE = re.compile(r"^={2,5} (\S.*?)\s*$")
ADOC_SOURCE = re.compile(r"^\[source(?:,[^\]\n]*)?\]\s*$")
ADOC_DELIM = re.compile(r"^-{4}\s*$")
ADOC_SEEN = re.compile(r"^\[source(?:,[^\]\n]*)?\]\s*$|^(?:NOTE|TIP|IMPORTANT|CAUTION|WARNING): \S|"
                       r"^:[a-z][a-z0-9_\-]*:(?: |$)", re.M)
ADOC_LEFTOVER = re.compile(r"\[source\b|^-{4}\s*$|^={1,5} \S|^(?:NOTE|TIP|IMPORTANT|CAUTION|WARNING): ", re.M)


def _inline_spans(q):
    return re.findall(r"`([^`\n]+)`", q)


def docker_pushes(q, style):
    """Names a truth may use for every complete push pasted in the question: login servers, their first labels and
    repositories (None when there is no complete push)."""
    names = set()
    if style == "long":
        for f in md_fences(q):
            body = fence_body(f)
            for mm in DP_REPO.finditer(body):
                rest = body[mm.end():]
                if DP_LAYER.search(rest) or DP_DIGEST.search(rest):
                    names.update((mm.group(1), mm.group(1).split(".")[0], mm.group(2)))
    else:
        spans = _inline_spans(q)
        for i, sp in enumerate(spans):
            for mm in DP_REPO.finditer(sp):
                if any(DP_LAYER.search(o) or DP_DIGEST.search(o) for j, o in enumerate(spans) if j != i):
                    names.update((mm.group(1), mm.group(1).split(".")[0], mm.group(2)))
    return names or None


def command_words(line):
    """The command of a script line: its leading lowercase words up to the first option, value or variable."""
    out = []
    for w in line.split():
        if not GL_WORD.fullmatch(w) or len(out) >= GL_MAX_WORDS:
            break
        out.append(w)
    return " ".join(out) if len(out) >= 2 else None


def gitlab_jobs(q):
    """For every complete job log in the question's Markdown fences: the commands a truth may name (the failing
    script line's command, or every script line's command for a job that succeeded); None when there is none."""
    found = None
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        start = next((i for i, x in enumerate(lines) if GL_BANNER.match(x)), None)
        if start is None:
            continue
        scripts = []
        for x in lines[start + 1:]:
            if GL_SCRIPT.match(x):
                scripts.append(GL_SCRIPT.match(x).group(1))
            elif GL_RESULT.match(x):
                if scripts:
                    cmds = [command_words(s) for s in scripts]
                    want = [cmds[-1]] if x.startswith("ERROR") else cmds
                    found = (found or set()) | {c for c in want if c}
                break
    return found


def audit_records(q, style):
    """operationName values of every AuditEvent record pasted in the question (None when there is none)."""
    ops = set()
    for doc in _json_chunks(q, style):
        for d in _walk(doc):
            if all(isinstance(d.get(k), str) for k in ("operationName", "resultSignature", "callerIpAddress")):
                if d["operationName"]:
                    ops.add(d["operationName"])
    return ops or None


def java_exceptions(q, style):
    """Simple class names and error codes of every Java exception pasted where the shape needs it (None when there
    is none)."""
    names = set()
    if style == "long":
        for f in md_fences(q):
            lines = fence_body(f).split("\n")
            for i, x in enumerate(lines):
                mm = JX_HEAD.match(x)
                if not mm or x.startswith("Caused by: "):
                    continue
                frames = 0
                for y in lines[i + 1:]:
                    if JX_FRAME.match(y):
                        frames += 1
                    elif not (y.strip() == "" or y.lstrip().startswith("...") or y.startswith("Caused by: ")
                              or y.lstrip().startswith("Suppressed: ") or JX_HEAD.match(y.lstrip())):
                        break
                if frames >= JX_MIN_FRAMES:
                    for y in lines[i:]:
                        m2 = JX_HEAD.match(y.lstrip())
                        if m2:
                            names.add(m2.group(2))
                            names.update(JX_CODE.findall(m2.group(3) or ""))
    else:
        for sp in _inline_spans(q):
            mm = JX_HEAD.match(sp.strip())
            if mm and mm.group(3):
                names.add(mm.group(2))
                names.update(JX_CODE.findall(mm.group(3)))
    return names or None


def asciidoc_titles(q):
    """Section titles of every AsciiDoc runbook pasted in the question's Markdown fences (a fence with >= 1 title
    and >= 1 complete listing block); None when there is none."""
    titles = set()
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        tt = [ADOC_TITLE.match(x).group(1) for x in lines if ADOC_TITLE.match(x)]
        listing = False
        for i, x in enumerate(lines):
            if ADOC_SOURCE.match(x) and i + 1 < len(lines) and ADOC_DELIM.match(lines[i + 1]):
                close = next((k for k in range(i + 2, len(lines)) if ADOC_DELIM.match(lines[k])), None)
                if close is not None and close > i + 2:
                    listing = True
        if tt and listing:
            titles.update(tt)
    return titles or None


OLD_DETECT.update({
    "docker_push_output": lambda q: bool(DP_SEEN.search(q)),
    "gitlab_job_log": lambda q: bool(GL_SEEN.search(q)),
    "keyvault_audit_log": lambda q: bool(KA_SEEN.search(q)),
    "java_exception": lambda q: bool(JX_SEEN.search(q)),
    "asciidoc_runbook": lambda q: bool(ADOC_SEEN.search(q)),
})


# ---- blind71's shapes, rejected in every question of this set (detection reuses blind71's lexical rules) ----
# (blind71's rules, kept verbatim: their flags are dropped fields now, and the detectors below reject the shapes)
# go_sdk_error (any style): the user pastes the error their Go service got from the Azure SDK for Go (an
# azcore.ResponseError, as printed by err.Error(): the request line, a rule of 80 dashes, "RESPONSE <status>: <status>
# <text>", "ERROR CODE: <code>", another rule, the response body, a closing rule) while it creates registries, writes
# key versions or reads the key store: in a long post a Markdown fence holding a request line "<METHOD> https://...",
# then (the next non-blank line) a rule of exactly 80 dashes, then a "RESPONSE <n>: <n> <text>" line (the same status
# twice) and then an "ERROR CODE: <code>" line; in a one-line question the "RESPONSE <n>: <n> <text>" line quoted
# inline together with an "ERROR CODE: <code>" span; the truth names the error code of a pasted error (the ERROR CODE
# value, or a '"code": "X"' value of the response body below it; as a whole token, case kept; a code that was not
# pasted, or the code in another case, does not count), i.e. it answers for the failure in question, and holds no
# RESPONSE line, no ERROR CODE label and no dash rule
GO_REQ = re.compile(r"^(?:GET|PUT|POST|PATCH|DELETE|HEAD) https://[^\s/]+(?:/\S*)?\s*$")
GO_RULE = re.compile(r"^-{80}\s*$")
GO_RESP = re.compile(r"^RESPONSE (\d{3}): \1 \S.*$")
GO_CODE = re.compile(r"^ERROR CODE: ([A-Za-z][A-Za-z0-9_.]*)\s*$")
GO_BODY_CODE = re.compile(r'"code"\s*:\s*"([A-Za-z][A-Za-z0-9_.]*)"')
GO_SEEN = re.compile(r"RESPONSE \d{3}: \d{3}\b|ERROR CODE(?:: | UNAVAILABLE)|^-{80}\s*$", re.M)
GO_LEFTOVER = re.compile(r"RESPONSE \d{3}:|ERROR CODE|-{20,}")
# pulumi_output (long only): the user pastes what "pulumi up" (or "pulumi preview") printed for the stack that builds
# the encrypted registry and its key store: a Markdown fence holding the resource table (a row with the stack's own
# type, pulumi:pulumi:Stack), then a "Diagnostics:" line and, after it, >= 1 resource header
# "  <package>:<module>:<Type> (<name>):" followed by an indented "error: ..." line; the truth names a resource whose
# diagnostics hold an error, by its logical name (the name in parentheses; not the stack itself; as a whole token,
# case kept; a name that was not pasted, or one without an error, does not count), i.e. it says which resource
# failed, and holds no Pulumi type token (<package>:<module>:<Type>), no "Diagnostics:" label and no tree glyph
PU_TYPE = r"[a-z][a-z0-9\-]*:[a-z][A-Za-z0-9]*:[A-Z][A-Za-z0-9]*"
PU_STACK = re.compile(r"\bpulumi:pulumi:Stack\b")
PU_DIAG = re.compile(r"^Diagnostics:\s*$")
PU_HEAD = re.compile(r"^ {2}(" + PU_TYPE + r") \(([^()\s]+)\):\s*$")
PU_ERR = re.compile(r"^ {4,}error: \S")
PU_SEEN = re.compile(r"pulumi:pulumi:Stack|^Diagnostics:\s*$|\b(?:azure-native|azure|azuread|random|command|tls):"
                     r"[a-z][A-Za-z0-9]*:[A-Z][A-Za-z0-9]*\b", re.M)
PU_LEFTOVER = re.compile(r"\b" + PU_TYPE + r"\b|Diagnostics:|[\u251c\u2514]\u2500")
# webvtt_transcript (long only): the user pastes part of the transcript of a recorded call (an incident bridge, a
# design review), downloaded from the meeting tool as a WebVTT file, in which colleagues disagree about the registry's
# key, and asks who is right: a Markdown fence whose first non-blank line is "WEBVTT", holding >= 2 cues, each a
# timing line "HH:MM:SS.mmm --> HH:MM:SS.mmm" followed by a text line that opens with a voice tag "<v Speaker Name>";
# the truth names >= 1 pasted speaker (the voice name, or its first word; as a whole token, case kept; a person who
# does not speak in a cue does not count), i.e. it says whose statement holds, and holds no cue timing, no voice tag
# and no WEBVTT header
VT_HEAD = re.compile(r"^WEBVTT\b")
VT_CUE = re.compile(r"^(?:\d\d:)?\d\d:\d\d\.\d{3} --> (?:\d\d:)?\d\d:\d\d\.\d{3}(?:[ \t].*)?$")
VT_VOICE = re.compile(r"^<v(?:\.[\w.\-]+)? ([^<>\n]+)>")
VT_MIN_CUES = 2
VT_SEEN = re.compile(r"^WEBVTT\b|\d\d:\d\d\.\d{3} --> (?:\d\d:)?\d\d:\d\d\.\d{3}|<v(?:\.[\w.\-]+)? [A-Z][^<>\n]*>", re.M)
VT_LEFTOVER = re.compile(r"-->|<v[ .]|</v>|WEBVTT")
# terraform_test_run (long only): the user pastes what "terraform test" printed for the module that builds the
# encrypted registry: a Markdown fence holding a test file line "<path>.tftest.hcl... in progress" (or pass, fail,
# skip, tearing down), >= 1 run line '  run "<name>"... pass|fail|skip|error' after it, and after the runs the
# summary "Success! <n> passed, <n> failed." or "Failure! <n> passed, <n> failed." (optionally ", <n> skipped"); the
# truth names a run block that failed (fail or error; when every run passed, any run) by its name (as a whole token,
# case kept; a run that was not pasted, or one that passed next to a failed one, does not count), i.e. it answers for
# the test that broke, and holds no test file line, no run line, no summary line and no box glyph of Terraform's
# diagnostics
TT_FILE = re.compile(r"^(\S+\.tftest\.hcl)\.\.\. (?:in progress|pass|fail|skip|tearing down)\s*$")
TT_RUN = re.compile(r"^\s+run \"([^\"\n]+)\"\.\.\. (pass|fail|skip|error)\s*$")
TT_SUM = re.compile(r"^(?:Success|Failure)! \d+ passed, \d+ failed(?:, \d+ skipped)?\.\s*$")
TT_SEEN = re.compile(r"\.tftest\.hcl\b|^\s*run \"[^\"\n]+\"\.\.\. (?:pass|fail|skip|error)\b|"
                     r"^(?:Success|Failure)! \d+ passed", re.M)
TT_LEFTOVER = re.compile(r"\.tftest\.hcl|run \"[^\"\n]+\"\.\.\.|(?:Success|Failure)! \d+ passed|[\u2502\u2577\u2575]")
# compose_file (long only): the user pastes the Docker Compose file of the hosts that pull from the encrypted
# registry: a Markdown fence holding a top-level "services:" line and, under it, >= 1 service (a key indented by two
# spaces) whose block holds an "image: <reference>" line indented by four spaces; the truth names >= 1 pasted service
# (the service key, as a whole token, case kept; a service that was not pasted does not count), i.e. it answers for
# the workloads in question, and holds no compose line (no "services:" line, no "image:" line)
CF_SERVICES = re.compile(r"^services:\s*$")
CF_SERVICE = re.compile(r"^ {2}([a-z0-9][a-z0-9_.\-]*):\s*$")
CF_IMAGE = re.compile(r"^ {4}image:[ \t]+[\"']?[^\s\"']+[\"']?\s*$")
CF_SEEN = re.compile(r"^services:\s*$|^[ \t]+image:[ \t]+\S", re.M)
CF_LEFTOVER = re.compile(r"^\s*services:|\bimage:\s", re.M)


def go_errors(q, style):
    """Error codes of every Azure SDK for Go ResponseError pasted where the shape needs it: the ERROR CODE value and
    the "code" values of the body below it (None when there is none)."""
    codes = set()
    if style == "long":
        for f in md_fences(q):
            lines = fence_body(f).split("\n")
            for i, x in enumerate(lines):
                if not GO_REQ.match(x):
                    continue
                rest = [y for y in lines[i + 1:] if y.strip()]
                if len(rest) >= 3 and GO_RULE.match(rest[0]) and GO_RESP.match(rest[1]) and GO_CODE.match(rest[2]):
                    codes.add(GO_CODE.match(rest[2]).group(1))
                    for y in rest[3:]:
                        if GO_REQ.match(y):
                            break
                        codes.update(GO_BODY_CODE.findall(y))
    else:
        spans = [s.strip() for s in _inline_spans(q)]
        if any(GO_RESP.match(s) or re.match(r"RESPONSE (\d{3}): \1 \S", s) for s in spans):
            for s in spans:
                for mm in re.finditer(r"ERROR CODE: ([A-Za-z][A-Za-z0-9_.]*)", s):
                    codes.add(mm.group(1))
    return codes or None


def pulumi_failures(q):
    """Logical names of the resources (not the stack) whose diagnostics hold an error, in every pulumi up output
    pasted in the question's Markdown fences (None when there is no complete output)."""
    found = None
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        diag = next((i for i, x in enumerate(lines) if PU_DIAG.match(x)), None)
        if diag is None or not any(PU_STACK.search(x) for x in lines[:diag]):
            continue
        names = set()
        for i in range(diag + 1, len(lines)):
            mm = PU_HEAD.match(lines[i])
            if not mm:
                continue
            for y in lines[i + 1:]:
                if not y.strip() or PU_HEAD.match(y):
                    break
                if PU_ERR.match(y):
                    if mm.group(1) != "pulumi:pulumi:Stack":
                        names.add(mm.group(2))
                    break
        if names:
            found = (found or set()) | names
    return found


def vtt_speakers(q):
    """Speakers (voice names and their first words) of every WebVTT transcript pasted in the question's Markdown
    fences (a fence opening with WEBVTT and holding >= VT_MIN_CUES voiced cues); None when there is none."""
    found = None
    for f in md_fences(q):
        lines = [x.rstrip() for x in fence_body(f).split("\n")]
        body = [x for x in lines if x.strip()]
        if not body or not VT_HEAD.match(body[0]):
            continue
        names, cues = set(), 0
        for i, x in enumerate(lines):
            if VT_CUE.match(x) and i + 1 < len(lines):
                mm = VT_VOICE.match(lines[i + 1])
                if mm:
                    cues += 1
                    full = mm.group(1).strip()
                    names.update((full, full.split()[0]))
        if cues >= VT_MIN_CUES:
            found = (found or set()) | names
    return found


def tftest_runs(q):
    """Names of the failed runs (or, when none failed, of all runs) of every terraform test output pasted in the
    question's Markdown fences (None when there is no complete output)."""
    found = None
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        start = next((i for i, x in enumerate(lines) if TT_FILE.match(x)), None)
        if start is None:
            continue
        runs, done = [], False
        for x in lines[start + 1:]:
            mm = TT_RUN.match(x)
            if mm:
                runs.append((mm.group(1), mm.group(2)))
            elif TT_SUM.match(x) and runs:
                done = True
                break
        if done:
            bad_runs = {n for n, r in runs if r in ("fail", "error")}
            found = (found or set()) | (bad_runs or {n for n, _ in runs})
    return found


def compose_services(q):
    """Service keys (with an image line) of every compose file pasted in the question's Markdown fences (None when
    there is none)."""
    found = None
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        start = next((i for i, x in enumerate(lines) if CF_SERVICES.match(x)), None)
        if start is None:
            continue
        names, cur = set(), None
        for x in lines[start + 1:]:
            if x.strip() and not x.startswith(" "):
                break
            mm = CF_SERVICE.match(x)
            if mm:
                cur = mm.group(1)
            elif cur and CF_IMAGE.match(x):
                names.add(cur)
        if names:
            found = (found or set()) | names
    return found


OLD_DETECT.update({
    "go_sdk_error": lambda q: bool(GO_SEEN.search(q)),
    "pulumi_output": lambda q: bool(PU_SEEN.search(q)),
    "webvtt_transcript": lambda q: bool(VT_SEEN.search(q)),
    "terraform_test_run": lambda q: bool(TT_SEEN.search(q)),
    "compose_file": lambda q: bool(CF_SEEN.search(q)),
})


# ---- blind72's shapes, rejected in every question of this set (detection reuses blind72's lexical rules) ----
# (blind72's rules, kept verbatim: their flags are dropped fields now, and the detectors below reject the shapes)
# bicep_diagnostics (any style): the user pastes what the Bicep compiler printed (bicep build, az bicep build, or the
# diagnostics az deployment group create stops on) for the template that builds the encrypted registry: in a long
# post a Markdown fence holding >= 1 diagnostic line "<path>.bicep(<line>,<column>) : Error|Warning|Info BCP<nnn>:
# <message>"; in a one-line question such a line quoted inline; the truth names the code of a pasted Error diagnostic
# (BCP<nnn>; when only warnings or infos were pasted, any pasted code; as a whole token, case kept; a code that was
# not pasted does not count), i.e. it answers for the diagnostic in question, and holds no diagnostic location
# ("<file>.bicep(<line>,<column>)") and no severity label ("Error BCP<nnn>:")
BD_LINE = re.compile(r"^(\S+\.bicep)\((\d+),(\d+)\) : (Error|Warning|Info) (BCP\d{3}): (\S.*)$")
BD_SEEN = re.compile(r"\.bicep\(\d+,\d+\)|\bBCP\d{3}\b")
BD_LEFTOVER = re.compile(r"\.bicep\(\d+,\d+\)|\b(?:Error|Warning|Info) BCP\d{3}:")
# whatif_output (long only): the user pastes what "az deployment group what-if" (or a deployment's what-if step)
# printed for the template that builds or changes the encrypted registry and its key access: a Markdown fence holding
# the scope line "Scope: /subscriptions/...", after it >= 1 resource change line "  <symbol> <Namespace>/<type>/<name>
# [<api version>]" (symbol - + ~ = * ! x), and after those the summary "Resource changes: <n> to <verb>[, ...]."; the
# truth names a resource the deployment would create, delete or modify (- + ~; when none would change, any pasted
# resource) by its name (the last segment of its path; as a whole token, case kept; a resource that was not pasted,
# or one left unchanged next to a changed one, does not count), i.e. it answers for the change in question, and holds
# no resource change line, no "Resource changes:" summary, no scope line and no "=>" of a property change
WI_SCOPE = re.compile(r"^Scope: (/subscriptions/\S+)\s*$")
WI_CHANGE = re.compile(r"^ {2}([-+~=*!x]) ([A-Z][A-Za-z]+\.[A-Za-z]+/[^\s\[\]]+) \[(\d{4}-\d\d-\d\d(?:-preview)?)\]\s*$")
WI_SUM = re.compile(r"^Resource changes: \d+ [a-z][a-z ]*[a-z](?:, \d+ [a-z][a-z ]*[a-z])*\.\s*$")
WI_SEEN = re.compile(r"^Scope: /subscriptions/|^Resource changes: \d|^\s*[-+~=*!x] [A-Z][A-Za-z]+\.[A-Za-z]+/\S+ "
                     r"\[\d{4}-\d\d-\d\d|Resource and property changes are indicated", re.M)
WI_LEFTOVER = re.compile(r"=>|Resource changes:|Scope: /|^\s*[-+~=*!x] [A-Z][A-Za-z]+\.[A-Za-z]+/\S+ \[", re.M)
# terraform_state_show (long only): the user pastes what "terraform state show <address>" printed for the registry,
# its key, its key store or the key access grant: a Markdown fence holding an address comment line "# <address>:"
# (a resource or data source address, optionally inside modules and with an index), then (the next non-blank line)
# the block header 'resource|data "<type>" "<name>" {' of that same type and name, >= 1 attribute line "<name> = ..."
# and a closing "}" at the start of a line; the truth names >= 1 attribute of a pasted block (an attribute name with
# an underscore, e.g. key_vault_key_id, other than resource_group_name; as a whole token, case kept; an attribute that
# was not pasted does not count), i.e. it answers for the setting in question, and holds no address line and no
# block header
TS_ADDR = re.compile(r"^# ((?:module\.[A-Za-z0-9_\-]+(?:\[[^\]\n]+\])?\.)*(?:(data)\.)?([a-z][a-z0-9_]*)\."
                     r"([A-Za-z0-9_\-]+)(?:\[[^\]\n]+\])?):\s*$")
TS_HEAD = re.compile(r"^(resource|data) \"([a-z][a-z0-9_]*)\" \"([A-Za-z0-9_\-]+)\" \{\s*$")
TS_ATTR = re.compile(r"^\s+([a-z][a-z0-9_]*)\s+= \S")
TS_SKIP = {"resource_group_name"}
TS_SEEN = re.compile(r"^# (?:module\.\S+\.)?(?:data\.)?[a-z][a-z0-9]*_[a-z0-9_]+\.[A-Za-z0-9_\-]+(?:\[[^\]\n]+\])?:\s*$",
                     re.M)
TS_LEFTOVER = re.compile(r"# (?:module\.\S+\.)?(?:data\.)?[a-z][a-z0-9]*_[a-z0-9_]+\.[A-Za-z0-9_\-]+(?:\[[^\]\n]+\])?:"
                         r"|\b(?:resource|data) \"[a-z][a-z0-9_]*\" \"")
# skopeo_copy (long only): the user pastes a "skopeo copy" run that copies images into (or out of) the encrypted
# registry, e.g. while moving to a new CMK registry: a Markdown fence holding the command line "$ skopeo copy ...
# docker://<source> docker://<destination>", then (after it) "Getting image source signatures" and >= 1 "Copying
# blob|config <digest>" line; the truth names the destination of a pasted copy (its login server, the login server's
# first label, e.g. crfoo for crfoo.azurecr.io, or its repository; as a whole token, case kept; a registry or
# repository that was not the destination of a pasted copy does not count), i.e. it answers for the registry being
# written to, and holds no "docker://" reference and no skopeo progress line
SK_CMD = re.compile(r"^\$ skopeo copy\b.*?\sdocker://(\S+)\s+docker://([a-z0-9][a-z0-9.\-]*(?::\d+)?)/"
                    r"([a-z0-9][a-z0-9._/\-]*?)(?:[:@]\S+)?\s*$")
SK_SIG = re.compile(r"^Getting image source signatures\s*$")
SK_BLOB = re.compile(r"^Copying (?:blob|config) (?:sha256:)?[0-9a-f]{12,64}\b")
SK_SEEN = re.compile(r"Getting image source signatures|^\s*Copying (?:blob|config) (?:sha256:)?[0-9a-f]{6,}|"
                     r"Writing manifest to image destination|\bskopeo (?:copy|sync)\b", re.M)
SK_LEFTOVER = re.compile(r"docker://|Copying (?:blob|config)|Getting image source|Writing manifest")
# oras_output (long only): the user pastes what "oras attach" or "oras push" (ORAS 1.2 or later) printed while
# attaching an SBOM, a signature or another artifact to an image in the encrypted registry, or pushing one to it: a
# Markdown fence holding >= 1 step line "<check mark> Uploaded|Exists|Skipped  <name>", after it the result line
# "Attached to [registry] <ref>" or "Pushed [registry] <ref>" and after that a "Digest: sha256:<64 hex digits>" line;
# the truth names the registry or repository of a pasted result line (its login server, the login server's first
# label, or the repository path; as a whole token, case kept; one that was not pasted does not count), i.e. it
# answers for the artifact in question, and holds no "[registry]" label, no "Digest: sha256:" line and no check mark
OR_STEP = re.compile("^\\s*\u2713 (?:Uploaded|Exists|Skipped) +\\S")
OR_DONE = re.compile(r"^(?:Attached to|Pushed) \[registry\] ([a-z0-9][a-z0-9.\-]*(?::\d+)?)/"
                     r"([a-z0-9][a-z0-9._/\-]*?)(?:[:@]\S+)?\s*$")
OR_DIGEST = re.compile(r"^Digest: sha256:[0-9a-f]{64}\s*$")
OR_SEEN = re.compile("(?:Attached to|Pushed) \\[registry\\] |^\\s*\u2713 (?:Uploaded|Exists|Skipped) ", re.M)
OR_LEFTOVER = re.compile("\\[registry\\]|Digest: sha256:|\u2713")


def bicep_codes(q, style):
    """BCP codes a truth may name, from every Bicep diagnostic pasted where the shape needs it (the Error codes, or
    all codes when no Error was pasted); None when there is none."""
    diags = []
    if style == "long":
        for f in md_fences(q):
            for x in fence_body(f).split("\n"):
                mm = BD_LINE.match(x.strip())
                if mm:
                    diags.append((mm.group(4), mm.group(5)))
    else:
        for sp in _inline_spans(q):
            mm = BD_LINE.match(sp.strip())
            if mm:
                diags.append((mm.group(4), mm.group(5)))
    if not diags:
        return None
    errs = {c for sev, c in diags if sev == "Error"}
    return errs or {c for _, c in diags}


def whatif_changes(q):
    """Names of the resources a pasted what-if output would create, delete or modify (or of all its resources when
    none would change); None when there is no complete output."""
    found = None
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        start = next((i for i, x in enumerate(lines) if WI_SCOPE.match(x)), None)
        if start is None:
            continue
        rows, done = [], False
        for x in lines[start + 1:]:
            mm = WI_CHANGE.match(x)
            if mm:
                rows.append((mm.group(1), mm.group(2).rstrip("/").split("/")[-1]))
            elif WI_SUM.match(x):
                done = bool(rows)
                break
        if done:
            changed = {n for sym, n in rows if sym in "+-~"}
            found = (found or set()) | (changed or {n for _, n in rows})
    return found


def state_attributes(q):
    """Attribute names (with an underscore, resource_group_name aside) of every complete terraform state show block
    pasted in the question's Markdown fences (None when there is none)."""
    found = None
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        for i, x in enumerate(lines):
            mm = TS_ADDR.match(x)
            if not mm:
                continue
            rest = [(k, y) for k, y in enumerate(lines) if k > i and y.strip()]
            if not rest:
                continue
            k0, head = rest[0]
            hm = TS_HEAD.match(head)
            if not hm or hm.group(2) != mm.group(3) or hm.group(3) != mm.group(4):
                continue
            if (hm.group(1) == "data") != bool(mm.group(2)):
                continue
            names, closed = set(), False
            for y in lines[k0 + 1:]:
                if y.startswith("}"):
                    closed = True
                    break
                am = TS_ATTR.match(y)
                if am and "_" in am.group(1) and am.group(1) not in TS_SKIP:
                    names.add(am.group(1))
            if closed and names:
                found = (found or set()) | names
    return found


def skopeo_destinations(q):
    """Destination login servers, their first labels and repositories of every complete skopeo copy pasted in the
    question's Markdown fences (None when there is none)."""
    found = None
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        for i, x in enumerate(lines):
            mm = SK_CMD.match(x)
            if not mm:
                continue
            sig = next((k for k in range(i + 1, len(lines)) if SK_SIG.match(lines[k])), None)
            if sig is None:
                continue
            blobs = 0
            for y in lines[sig + 1:]:
                if SK_CMD.match(y):
                    break
                if SK_BLOB.match(y):
                    blobs += 1
            if blobs:
                host, repo = mm.group(2), mm.group(3)
                found = (found or set()) | {host, host.split(".")[0], repo}
    return found


def oras_targets(q):
    """Login servers, their first labels and repositories of every complete oras attach/push output pasted in the
    question's Markdown fences (None when there is none)."""
    found = None
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        steps = False
        for i, x in enumerate(lines):
            if OR_STEP.match(x):
                steps = True
                continue
            mm = OR_DONE.match(x)
            if mm and steps and any(OR_DIGEST.match(y) for y in lines[i + 1:]):
                host, repo = mm.group(1), mm.group(2)
                found = (found or set()) | {host, host.split(".")[0], repo}
    return found


OLD_DETECT.update({
    "bicep_diagnostics": lambda q: bool(BD_SEEN.search(q)),
    "whatif_output": lambda q: bool(WI_SEEN.search(q)),
    "terraform_state_show": lambda q: bool(TS_SEEN.search(q)),
    "skopeo_copy": lambda q: bool(SK_SEEN.search(q)),
    "oras_output": lambda q: bool(OR_SEEN.search(q)),
})


# ---- blind73's shapes, rejected in every question of this set (detection reuses blind73's lexical rules) ----
# (blind73's rules, kept verbatim: their flags are dropped fields now, and the detectors below reject the shapes)
# kubectl_get_pods (long only): the user pastes what "kubectl get pods" printed for a workload that pulls its images
# from the encrypted registry: a Markdown fence holding the header line "NAME  READY  STATUS  RESTARTS  AGE" and,
# after it, >= 1 pod row "<name>  <ready>/<total>  <status>  <restarts>  <age>"; the truth names the status of a
# pasted pod that is not running (ErrImagePull, ImagePullBackOff, CrashLoopBackOff, ...; Running and Completed do not
# count unless every pasted pod has one of them, then a pasted pod name counts; as a whole token, case kept), i.e.
# it answers for the failure in question, and holds no header line and no pod row
KP_HEAD = re.compile(r"^\s*NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\b")
KP_ROW = re.compile(r"^\s*([a-z0-9][a-z0-9.\-]*)\s+(\d+/\d+)\s+([A-Za-z][A-Za-z:]*)\s+(\d+(?: \([^)\n]*\))?)\s+(\S+)\s*$")
KP_OK = {"Running", "Completed"}
KP_SEEN = re.compile(r"^\s*NAME\s+READY\s+STATUS\b", re.M)
KP_LEFTOVER = re.compile(r"\bNAME\s+READY\b|\b\d+/\d+\s{2,}[A-Za-z:]+\s{2,}\d+")
# dig_answer (long only): the user pastes what "dig" printed for the key store's host name (a vault.azure.net or
# managedhsm.azure.net name, typically while checking a private endpoint): a Markdown fence holding the line
# ";; ANSWER SECTION:" and, after it, >= 1 record line "<owner>. <ttl> IN A|AAAA|CNAME <data>"; the truth names the
# first label of a pasted record's owner name (e.g. kv-foo for kv-foo.vault.azure.net.) or a pasted A/AAAA address
# (as a whole token, case kept), i.e. it answers for the key store that was looked up, and holds no ";;" line and
# no record line
DG_ANSWER = re.compile(r"^;; ANSWER SECTION:\s*$")
DG_RECORD = re.compile(r"^([A-Za-z0-9][A-Za-z0-9.\-]*)\.\s+(\d+)\s+IN\s+(A|AAAA|CNAME)\s+(\S+?)\.?\s*$")
DG_SEEN = re.compile(r"<<>> DiG\b|^;; (?:ANSWER|QUESTION|AUTHORITY) SECTION:|^\S+\.\s+\d+\s+IN\s+(?:A|AAAA|CNAME)\s",
                     re.M)
DG_LEFTOVER = re.compile(r";;|<<>>|\bIN\s+(?:A|AAAA|CNAME)\s")
# terraform_import_output (long only): the user pastes what "terraform import <address> <id>" printed while
# bringing the encrypted registry, its key store, key, identity or key access grant under Terraform: a Markdown
# fence holding '<address>: Importing from ID "<id>"...', then (after it) '<address>: Import prepared!' for the same
# address, and after that "Import successful!"; the truth names the imported resource (the last segment of a pasted
# ID; as a whole token, case kept), i.e. it answers for the resource in question, and holds no Importing/Import
# prepared/Import successful/Refreshing state line
TI_START = re.compile(r"^((?:module\.[A-Za-z0-9_\-]+(?:\[[^\]\n]+\])?\.)*[a-z][a-z0-9_]*\.[A-Za-z0-9_\-]+"
                      r"(?:\[[^\]\n]+\])?): Importing from ID \"([^\"\n]+)\"\.\.\.\s*$")
TI_PREP = re.compile(r"^(\S+): Import prepared!\s*$")
TI_DONE = re.compile(r"^Import successful!\s*$")
TI_SEEN = re.compile(r"Importing from ID \"|Import prepared!|Import successful!|Prepared \S+ for import")
TI_LEFTOVER = re.compile(r"Importing from ID|Import prepared|Import successful|Refreshing state\.\.\.")
# grafana_alert (any style): the user pastes the Grafana alert notification that fired about the encrypted
# registry or its key store: in a long post a Markdown fence holding the title line "[FIRING:<n>] <group values>
# (<label values>)" and a "Labels:" line followed by >= 1 label line " - <name> = <value>", one of them
# " - alertname = <name>"; in a one-line question the title line quoted inline; the truth names a pasted label value
# other than the alert's name (a label line's value, or a value in the title's parentheses; as a whole token, case
# kept), e.g. the registry or vault the alert is about, i.e. it answers for the alerting resource, and holds no
# "[FIRING:" or "[RESOLVED]" marker and no label line
GA_TITLE = re.compile(r"^\[FIRING:(\d+)\] (\S[^()\n]*?)(?: \(([^()\n]+)\))?\s*$")
GA_LABELS = re.compile(r"^Labels:\s*$")
GA_LABEL = re.compile(r"^ - ([a-z_][a-z0-9_]*) = (\S.*?)\s*$")
GA_SEEN = re.compile(r"\[(?:FIRING:\d+|RESOLVED)\]|^\s*- alertname = ", re.M)
GA_LEFTOVER = re.compile(r"\[(?:FIRING|RESOLVED)|^\s*- [a-z_][a-z0-9_]* = ", re.M)
# service_health_notice (long only): the user pastes an Azure Service Health notice about Key Vault or Managed HSM
# (copied from the portal or the notification email) while asking what it meant for the encrypted registry: a
# Markdown fence holding "Tracking ID: <XXXX-XXX>", "Impacted services: <list>" and "Impacted regions: <list>"
# lines; the truth names an impacted region of a pasted notice (as whole words, case kept), i.e. it answers for the
# outage in question, and holds no "Tracking ID:" label and no "Impacted services:"/"Impacted regions:" label
SH_TRACK = re.compile(r"^Tracking ID: ([A-Z0-9]{3,5}-[A-Z0-9]{2,4})\s*$")
SH_SERVICES = re.compile(r"^Impacted services: (\S.*?)\s*$")
SH_REGIONS = re.compile(r"^Impacted regions: (\S.*?)\s*$")
SH_SEEN = re.compile(r"Tracking ID: [A-Z0-9]{3,5}-[A-Z0-9]{2,4}|^\s*Impacted (?:services|regions):|Summary of impact:",
                     re.M)
SH_LEFTOVER = re.compile(r"Tracking ID:|Impacted (?:services|regions):|Summary of impact:", re.I)


def pod_statuses(q):
    """Statuses (or, when every pasted pod runs, pod names) a truth may name, from every kubectl get pods listing
    pasted in the question's Markdown fences (None when there is none)."""
    found = None
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        start = next((i for i, x in enumerate(lines) if KP_HEAD.match(x)), None)
        if start is None:
            continue
        rows = []
        for x in lines[start + 1:]:
            mm = KP_ROW.match(x)
            if mm:
                rows.append((mm.group(1), mm.group(3)))
            elif x.strip():
                break
        if rows:
            bad_ = {st for _, st in rows if st not in KP_OK}
            found = (found or set()) | (bad_ or {n_ for n_, _ in rows})
    return found


def dig_names(q):
    """First labels of record owner names and A/AAAA addresses of every dig answer pasted in the question's Markdown
    fences (None when there is none)."""
    found = None
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        start = next((i for i, x in enumerate(lines) if DG_ANSWER.match(x)), None)
        if start is None:
            continue
        names = set()
        for x in lines[start + 1:]:
            mm = DG_RECORD.match(x)
            if mm:
                names.add(mm.group(1).split(".")[0])
                if mm.group(3) in ("A", "AAAA"):
                    names.add(mm.group(4))
            elif x.strip():
                break
        if names:
            found = (found or set()) | names
    return found


def import_names(q):
    """Last segments of the IDs of every complete terraform import pasted in the question's Markdown fences (None
    when there is none)."""
    found = None
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        for i, x in enumerate(lines):
            mm = TI_START.match(x)
            if not mm:
                continue
            prep = next((k for k in range(i + 1, len(lines)) if TI_PREP.match(lines[k])
                         and TI_PREP.match(lines[k]).group(1) == mm.group(1)), None)
            if prep is None:
                continue
            if any(TI_DONE.match(y) for y in lines[prep + 1:]):
                found = (found or set()) | {mm.group(2).rstrip("/").split("/")[-1]}
    return found


def alert_values(q, style):
    """Label values other than the alert name of every Grafana alert notification pasted where the shape needs it
    (None when there is none)."""
    found = None
    if style == "long":
        for f in md_fences(q):
            lines = fence_body(f).split("\n")
            if not any(GA_TITLE.match(x) for x in lines):
                continue
            start = next((i for i, x in enumerate(lines) if GA_LABELS.match(x)), None)
            if start is None:
                continue
            labels = []
            for x in lines[start + 1:]:
                mm = GA_LABEL.match(x)
                if not mm:
                    break
                labels.append((mm.group(1), mm.group(2)))
            if any(k == "alertname" for k, _ in labels):
                vals = {v for k, v in labels if k != "alertname"}
                if vals:
                    found = (found or set()) | vals
    else:
        for sp in _inline_spans(q):
            mm = GA_TITLE.match(sp.strip())
            if mm and mm.group(3):
                found = (found or set()) | set(mm.group(3).split())
    return found


def health_regions(q):
    """Impacted regions of every Service Health notice pasted in the question's Markdown fences (None when there is
    none)."""
    found = None
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        if not any(SH_TRACK.match(x) for x in lines) or not any(SH_SERVICES.match(x) for x in lines):
            continue
        regs = set()
        for x in lines:
            mm = SH_REGIONS.match(x)
            if mm:
                regs |= {r.strip() for r in mm.group(1).split(",") if r.strip()}
        if regs:
            found = (found or set()) | regs
    return found


def phrase_cs_in(p, text):
    return re.search(r"(?<![A-Za-z0-9_.\-])" + re.escape(p) + r"(?![A-Za-z0-9_\-])", text) is not None


OLD_DETECT.update({
    "kubectl_get_pods": lambda q: bool(KP_SEEN.search(q)),
    "dig_answer": lambda q: bool(DG_SEEN.search(q)),
    "terraform_import_output": lambda q: bool(TI_SEEN.search(q)),
    "grafana_alert": lambda q: bool(GA_SEEN.search(q)),
    "service_health_notice": lambda q: bool(SH_SEEN.search(q)),
})


# ---- blind74's shapes, rejected in every question of this set (detection reuses blind74's lexical rules) ----
# (blind74's rules, kept verbatim: their flags are dropped fields now, and the detectors below reject the shapes)
# argocd_app_get (long only): the user pastes what "argocd app get <app>" printed for the GitOps application that
# deploys workloads pulling from the encrypted registry: a Markdown fence holding a "Health Status: <status>" line
# and the resource table header "GROUP  KIND  NAMESPACE  NAME  STATUS  HEALTH  HOOK  MESSAGE" followed by >= 1
# resource row (columns read by the header's positions; NAME a resource name, HEALTH one of Argo CD's health
# statuses); the truth names a pasted resource whose health is not Healthy (when every pasted resource is Healthy,
# any pasted resource; as a whole token, case kept), i.e. it answers for the resource in trouble, and holds no
# "Health Status:"/"Sync Status:" label, no table header and no resource row
AG_HEALTH = re.compile(r"^Health Status:[ \t]+\S")
AG_HEAD = re.compile(r"^GROUP\s+KIND\s+NAMESPACE\s+NAME\s+STATUS\s+HEALTH\s+HOOK\s+MESSAGE\s*$")
AG_NAME = re.compile(r"^[a-z0-9][a-z0-9.\-]*$")
AG_STATES = {"Healthy", "Degraded", "Progressing", "Missing", "Suspended", "Unknown"}
AG_SEEN = re.compile(r"^(?:Health|Sync) Status:[ \t]+\S|^GROUP\s+KIND\s+NAMESPACE\s+NAME\s+STATUS\s+HEALTH\b", re.M)
AG_LEFTOVER = re.compile(r"(?:Health|Sync) Status:|\bGROUP\s+KIND\b|\b(?:Synced|OutOfSync)\s{2,}"
                         r"(?:Healthy|Degraded|Progressing|Missing|Suspended|Unknown)\b")
# servicenow_change (long only): the user pastes a ServiceNow change request for planned work on the registry or
# its key: a Markdown fence holding "Number: CHG<7 digits>", "Short description: ..." and an "Implementation plan:"
# line; the truth names the change number (as a whole token), i.e. it answers for that change, and holds no
# "Short description:", "Implementation plan:" or "Backout plan:" label and no "Number:" line
SN_NUMBER = re.compile(r"^Number:[ \t]+(CHG\d{7})\s*$")
SN_SHORT = re.compile(r"^Short description:[ \t]+\S")
SN_IMPL = re.compile(r"^Implementation plan:")
SN_SEEN = re.compile(r"\bCHG\d{7}\b|^\s*Short description:|^\s*(?:Implementation|Backout) plan:", re.M)
SN_LEFTOVER = re.compile(r"Short description:|Implementation plan:|Backout plan:|^\s*Number:", re.M)
# renovate_pr (long only): the user pastes the body of a Renovate pull request that bumps a provider, module or
# tool their registry setup depends on: a Markdown fence holding "This PR contains the following updates:" and a
# Markdown table whose header starts with "| Package |" and ends with "| Change |", with >= 1 row whose last cell
# reads `<old>` -> `<new>`; the truth names a pasted package (a link text of the Package cell, or the cell itself)
# or its new version (as a whole token, case kept), i.e. it answers for the update in question, and holds no table
# row, no "This PR contains" line and no `<old>` -> `<new>` change
RN_INTRO = re.compile(r"^This PR contains the following updates:\s*$")
RN_HEAD = re.compile(r"^\|\s*Package\s*\|(?:[^|\n]*\|)*?\s*Change\s*\|\s*$")
RN_ROW = re.compile(r"^\|\s*(\S[^|\n]*?)\s*\|(?:[^|\n]*\|)*?\s*`([^`\s]+)`\s*->\s*`([^`\s]+)`\s*\|\s*$")
RN_LINK = re.compile(r"\[([^\]\n]+)\]\(")
RN_SEEN = re.compile(r"This PR contains the following updates|^\|\s*Package\s*\|.*\|\s*Change\s*\|\s*$|"
                     r"`[^`\n]+`\s*->\s*`[^`\n]+`", re.M)
RN_LEFTOVER = re.compile(r"This PR contains|^\s*\|.*\|\s*$|`[^`\n]*`\s*->\s*`", re.M)
# conftest_output (long only): the user pastes what "conftest test" printed when their policy-as-code gate ran on a
# Terraform plan of the registry stack: a Markdown fence holding >= 1 result line "FAIL - <file> - <namespace> -
# <message>" and, after it, the summary "<n> tests, <n> passed, <n> warnings, <n> failures, <n> exceptions"; the
# truth names an identifier-like token (>= 6 characters with "_", ".", "-" or a digit, e.g. the resource address
# azurerm_key_vault.kv) of a FAIL message (as a whole token, case kept), i.e. it answers for the failing check, and
# holds no result line and no summary
CT_LINE = re.compile(r"^(FAIL|WARN|EXCEPTION) - (\S+) - (\S+) - (\S.*)$")
CT_SUM = re.compile(r"^\d+ tests?, \d+ passed, \d+ warnings?, \d+ failures?, \d+ exceptions?\s*$")
CT_TOKEN = re.compile(r"(?<![A-Za-z0-9_.\-])[A-Za-z_][A-Za-z0-9_.\-]*[A-Za-z0-9_]")
CT_TOKEN_MIN = 6
CT_SEEN = re.compile(r"^(?:FAIL|WARN|EXCEPTION) - \S+ - \S+ - |\b\d+ tests?, \d+ passed, \d+ warnings?, \d+ failures?",
                     re.M)
CT_LEFTOVER = re.compile(r"(?:FAIL|WARN|EXCEPTION) - \S+ - |\d+ tests?, \d+ passed")
# netcat_probe (long or agent): the user pastes what "nc -vz <host> 443" printed while checking whether the key
# store (or the registry) can be reached: in a long post a Markdown fence holding a line "Connection to <host>
# [(<address>)] <port> port [tcp/<service>] succeeded!" or "nc: connect to <host> [(<address>)] port <port> (tcp)
# failed|timed out: <reason>"; in an agent query such a line quoted inline; the truth names the first label of a
# probed host (e.g. kv-foo for kv-foo.vault.azure.net) or a pasted address (as a whole token, case kept), i.e. it
# answers for the endpoint that was probed, and holds no netcat line ("port [tcp/", "(tcp) failed|timed out",
# "succeeded!", "nc: connect to")
NP_OK = re.compile(r"^Connection to ([A-Za-z0-9][A-Za-z0-9.\-]*) (?:\(([0-9a-fA-F.:]+)\) )?(\d+) port "
                   r"\[tcp/[^\]\s]*\] succeeded!\s*$")
NP_FAIL = re.compile(r"^nc: connect to ([A-Za-z0-9][A-Za-z0-9.\-]*) (?:\(([0-9a-fA-F.:]+)\) )?port (\d+) \(tcp\) "
                     r"(?:failed|timed out): \S.*$")
NP_SEEN = re.compile(r"port \[tcp/[^\]\s]*\] succeeded!|nc: connect to \S+ (?:\(\S+\) )?port \d+ \(tcp\)")
NP_LEFTOVER = re.compile(r"port \[tcp/|\(tcp\) (?:failed|timed out)|succeeded!|nc: connect to")


def argocd_resources(q):
    """Names of the pasted resources a truth may name (those not Healthy; all of them when every one is Healthy)
    from every argocd app get output pasted in the question's Markdown fences (None when there is none)."""
    found = None
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        if not any(AG_HEALTH.match(x) for x in lines):
            continue
        start = next((i for i, x in enumerate(lines) if AG_HEAD.match(x)), None)
        if start is None:
            continue
        head = lines[start]
        pos = {m_.group(0): m_.start() for m_ in re.finditer(r"\S+", head)}
        rows = []
        for x in lines[start + 1:]:
            if not x.strip():
                break
            name = x[pos["NAME"]:pos["STATUS"]].strip()
            health = x[pos["HEALTH"]:pos["HOOK"]].strip()
            if AG_NAME.match(name) and health in AG_STATES:
                rows.append((name, health))
        if rows:
            sick = {n_ for n_, h_ in rows if h_ != "Healthy"}
            found = (found or set()) | (sick or {n_ for n_, _ in rows})
    return found


def change_numbers(q):
    """Change numbers of every ServiceNow change request pasted in the question's Markdown fences (None when there
    is none)."""
    found = None
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        nums = [SN_NUMBER.match(x).group(1) for x in lines if SN_NUMBER.match(x)]
        if nums and any(SN_SHORT.match(x) for x in lines) and any(SN_IMPL.match(x) for x in lines):
            found = (found or set()) | set(nums)
    return found


def renovate_updates(q):
    """Package names and new versions of every Renovate update table pasted in the question's Markdown fences
    (None when there is none)."""
    found = None
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        intro = next((i for i, x in enumerate(lines) if RN_INTRO.match(x)), None)
        if intro is None:
            continue
        head = next((i for i in range(intro + 1, len(lines)) if RN_HEAD.match(lines[i])), None)
        if head is None:
            continue
        vals = set()
        for x in lines[head + 1:]:
            mm = RN_ROW.match(x)
            if mm:
                cell = mm.group(1)
                links = RN_LINK.findall(cell)
                vals.add(links[0] if links else cell)
                vals.add(mm.group(3))
            elif not re.match(r"^\|[\s:|\-]*\|\s*$", x):
                break
        if vals:
            found = (found or set()) | vals
    return found


def conftest_tokens(q):
    """Identifier-like tokens of the FAIL messages of every conftest run pasted in the question's Markdown fences
    (None when there is none)."""
    found = None
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        toks_ = set()
        fails = False
        for i, x in enumerate(lines):
            mm = CT_LINE.match(x)
            if mm and mm.group(1) == "FAIL" and any(CT_SUM.match(y) for y in lines[i + 1:]):
                fails = True
                for t_ in CT_TOKEN.findall(mm.group(4)):
                    if len(t_) >= CT_TOKEN_MIN and re.search(r"[_.\-0-9]", t_):
                        toks_.add(t_)
        if fails:
            found = (found or set()) | toks_
    return found


def netcat_targets(q, style):
    """First labels of the probed hosts and the pasted addresses of every netcat line pasted where the shape needs
    it (None when there is none)."""
    found = None
    if style == "long":
        lines = [x for f in md_fences(q) for x in fence_body(f).split("\n")]
    else:
        lines = [sp.strip() for sp in _inline_spans(q)]
    for x in lines:
        mm = NP_OK.match(x) or NP_FAIL.match(x)
        if mm:
            vals = {mm.group(1).split(".")[0]}
            if mm.group(2):
                vals.add(mm.group(2))
            found = (found or set()) | vals
    return found


OLD_DETECT.update({
    "argocd_app_get": lambda q: bool(AG_SEEN.search(q)),
    "servicenow_change": lambda q: bool(SN_SEEN.search(q)),
    "renovate_pr": lambda q: bool(RN_SEEN.search(q)),
    "conftest_output": lambda q: bool(CT_SEEN.search(q)),
    "netcat_probe": lambda q: bool(NP_SEEN.search(q)),
})


# ---- blind75's shapes, rejected in every question of this set (detection reuses blind75's lexical rules) ----
# (blind75's rules, kept verbatim: their flags are dropped fields now, and the detectors below reject the shapes)
# bash_xtrace (long only): the user pastes what their shell script printed under "set -x" (bash -x) while it set up,
# rotated or checked the registry's key: a Markdown fence holding >= 3 trace lines ("+ <command>", and "++ <command>"
# for command substitutions), among them >= 1 assignment "+ NAME=value" and >= 1 "az ..." command; the truth names a
# variable assigned in the trace (NAME, as a whole token, case kept), i.e. it points at the value that matters, and
# holds no trace line ("+ " or "++ " before an az command or an assignment, or "++ " before anything)
BX_LINE = re.compile(r"^(\+{1,3}) (\S.*)$")
BX_ASSIGN = re.compile(r"^\+{1,3} ([A-Za-z_][A-Za-z0-9_]*)=")
BX_AZ = re.compile(r"^\+{1,3} az \S")
BX_MIN = 3
BX_SEEN = re.compile(r"^\+{1,3} [A-Za-z_][A-Za-z0-9_]*=|^\+\+ \S", re.M)
BX_LEFTOVER = re.compile(r"(?:^|\s)\+{1,3} (?:az |[A-Za-z_][A-Za-z0-9_]*=)|\+\+ \S", re.M)
# prometheus_metrics (long only): the user pastes what a Prometheus exporter (or the /metrics page of their own
# service) exposed about the registry, its key or its key store: a Markdown fence holding "# HELP <metric> <text>" and
# "# TYPE <metric> counter|gauge|histogram|summary|untyped" for the same metric and >= 1 sample of it with labels,
# '<metric>{<label>="<value>",...} <number>' (histogram and summary suffixes _bucket, _sum, _count allowed); the truth
# names a label value of such a sample (>= 3 characters with a letter; as a whole token, case kept), e.g. the registry
# or key store a series is about, i.e. it answers for the series in question, and holds no HELP/TYPE line and no
# sample ('<name>{<label>="')
PM_HELP = re.compile(r"^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) \S")
PM_TYPE = re.compile(r"^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (?:counter|gauge|histogram|summary|untyped)\s*$")
PM_SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)\{((?:[a-zA-Z_][a-zA-Z0-9_]*="[^"\n]*",?)+)\} '
                       r'(?:-?[0-9][0-9.eE+\-]*|NaN|[+-]Inf)(?: \d+)?\s*$')
PM_LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="([^"\n]*)"')
PM_VALUE_MIN = 3
PM_SEEN = re.compile(r'^# (?:HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* \S|'
                     r'^[a-zA-Z_:][a-zA-Z0-9_:]*\{[a-zA-Z_][a-zA-Z0-9_]*="[^"\n]*"[^}\n]*\} -?[0-9]', re.M)
PM_LEFTOVER = re.compile(r'# (?:HELP|TYPE) |[a-zA-Z0-9_:]\{[a-zA-Z_][a-zA-Z0-9_]*="')
# rollout_status (long only): the user pastes what "kubectl rollout status" printed for a deployment whose pods pull
# from the encrypted registry: a Markdown fence holding >= 1 line 'Waiting for deployment "<name>" rollout to finish:
# <progress>' and, after it, the outcome for the same deployment, 'error: deployment "<name>" exceeded its progress
# deadline' or 'deployment "<name>" successfully rolled out'; the truth names such a deployment (as a whole token,
# case kept), i.e. it answers for the workload in question, and holds no rollout status text (Waiting for ...,
# rollout to finish, exceeded its progress deadline, successfully rolled out)
RO_WAIT = re.compile(r'^Waiting for deployment "([a-z0-9][a-z0-9.\-]*)" rollout to finish: \S.*$')
RO_END = re.compile(r'^(?:error: deployment "([a-z0-9][a-z0-9.\-]*)" exceeded its progress deadline|'
                    r'deployment "([a-z0-9][a-z0-9.\-]*)" successfully rolled out)\s*$')
RO_SEEN = re.compile(r'Waiting for (?:deployment|daemon set|statefulset|rollout)\b[^\n]*"|rollout to finish|'
                     r'exceeded its progress deadline|successfully rolled out')
RO_LEFTOVER = re.compile(r'Waiting for (?:deployment|daemon set|statefulset)|rollout to finish|'
                         r'exceeded its progress deadline|successfully rolled out', re.I)
# hosts_file (long or agent): the user pastes lines of a hosts file (/etc/hosts, or the Windows hosts file) that pin
# the name of the key store or of the registry to an address, typically a private endpoint's: in a long post a
# Markdown fence holding >= 1 line "<IPv4> <host> [<alias> ...] [# comment]" whose host ends in vault.azure.net,
# managedhsm.azure.net or azurecr.io; in an agent query such a line quoted inline; the truth names the first label of
# a pinned host (e.g. kv-foo for kv-foo.vault.azure.net) or a pinned address (as a whole token, case kept), i.e. it
# answers for the endpoint in question, and holds no hosts line (an address followed by such a host name)
HF_HOSTS = r"(?:[A-Za-z0-9\-]+\.)+(?:vault\.azure\.net|managedhsm\.azure\.net|azurecr\.io)"
HF_LINE = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3}){3})[ \t]+(" + HF_HOSTS + r")(?:[ \t]+[^\s#]+)*[ \t]*(?:#.*)?$")
HF_SEEN = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}[ \t]+" + HF_HOSTS + r"(?![A-Za-z0-9\-])")
HF_LEFTOVER = HF_SEEN
# bicepparam_file (long only): the user pastes a Bicep parameters file (.bicepparam) that deploys the registry, its
# key store or its identity: a Markdown fence holding a "using '<path>.bicep'" line and, after it, >= 2 assignments
# "param <name> = <value>" of different parameters; the truth names a parameter of the file (as a whole token, case
# kept), i.e. it answers for the setting in question, and holds no "using '....bicep'" line and no "param <name> ="
# assignment
BP_USING = re.compile(r"^\s*using\s+'[^'\n]+\.bicep'\s*$")
BP_PARAM = re.compile(r"^\s*param\s+([A-Za-z_][A-Za-z0-9_]*)\s*=\s*\S")
BP_MIN = 2
BP_SEEN = re.compile(r"^\s*using\s+'[^'\n]+\.bicep'|^\s*param\s+[A-Za-z_][A-Za-z0-9_]*\s*=\s*\S", re.M)
BP_LEFTOVER = re.compile(r"\busing\s+'[^'\n]*\.bicep'|\bparam\s+[A-Za-z_][A-Za-z0-9_]*\s*=")


def xtrace_names(q):
    """Variables assigned in every set -x trace pasted in the question's Markdown fences (None when there is
    none)."""
    found = None
    for f in md_fences(q):
        lines = [x for x in fence_body(f).split("\n") if BX_LINE.match(x)]
        names = {BX_ASSIGN.match(x).group(1) for x in lines if BX_ASSIGN.match(x)}
        if len(lines) >= BX_MIN and names and any(BX_AZ.match(x) for x in lines):
            found = (found or set()) | names
    return found


def prom_values(q):
    """Label values of the samples of every metric pasted with its HELP and TYPE lines in the question's Markdown
    fences (None when there is none)."""
    found = None
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        helps = {PM_HELP.match(x).group(1) for x in lines if PM_HELP.match(x)}
        types = {PM_TYPE.match(x).group(1) for x in lines if PM_TYPE.match(x)}
        metrics = helps & types
        vals = set()
        for x in lines:
            mm = PM_SAMPLE.match(x)
            if not mm:
                continue
            name = mm.group(1)
            if not any(name == m_ or name in (m_ + "_bucket", m_ + "_sum", m_ + "_count") for m_ in metrics):
                continue
            for _, v in PM_LABEL.findall(mm.group(2)):
                if len(v) >= PM_VALUE_MIN and re.search(r"[A-Za-z]", v):
                    vals.add(v)
        if vals:
            found = (found or set()) | vals
    return found


def rollout_names(q):
    """Deployments with a waiting line and a later outcome line in every kubectl rollout status output pasted in the
    question's Markdown fences (None when there is none)."""
    found = None
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        names = set()
        for i, x in enumerate(lines):
            mm = RO_WAIT.match(x)
            if not mm:
                continue
            for y in lines[i + 1:]:
                me = RO_END.match(y)
                if me and (me.group(1) or me.group(2)) == mm.group(1):
                    names.add(mm.group(1))
                    break
        if names:
            found = (found or set()) | names
    return found


def hosts_targets(q, style):
    """First labels of the pinned hosts and the pinned addresses of every hosts line pasted where the shape needs it
    (None when there is none)."""
    found = None
    if style == "long":
        lines = [x for f in md_fences(q) for x in fence_body(f).split("\n")]
    else:
        lines = [sp.strip() for sp in _inline_spans(q)]
    for x in lines:
        mm = HF_LINE.match(x)
        if mm:
            found = (found or set()) | {mm.group(1), mm.group(2).split(".")[0]}
    return found


def bicepparam_names(q):
    """Parameter names of every Bicep parameters file pasted in the question's Markdown fences (None when there is
    none)."""
    found = None
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        start = next((i for i, x in enumerate(lines) if BP_USING.match(x)), None)
        if start is None:
            continue
        names = {BP_PARAM.match(x).group(1) for x in lines[start + 1:] if BP_PARAM.match(x)}
        if len(names) >= BP_MIN:
            found = (found or set()) | names
    return found


OLD_DETECT.update({
    "bash_xtrace": lambda q: bool(BX_SEEN.search(q)),
    "prometheus_metrics": lambda q: bool(PM_SEEN.search(q)),
    "rollout_status": lambda q: bool(RO_SEEN.search(q)),
    "hosts_file": lambda q: bool(HF_SEEN.search(q)),
    "bicepparam_file": lambda q: bool(BP_SEEN.search(q)),
})


# ---- blind76's shapes, rejected in every question of this set (detection reuses blind76's lexical rules) ----
# (blind76's rules, kept verbatim: their flags are dropped fields now, and the detectors below reject the shapes)
# az_yaml_output (long only): the user pastes what an az command printed with "-o yaml" (--output yaml) about the
# registry, its identity, its key or its key store: a Markdown fence holding an az command line with -o yaml or
# --output yaml and, after it, >= 2 YAML lines of its output ("<key>: <value>" or "- <item>"; the output runs on to the
# next "$ " prompt); the truth names a scalar value of that output (quotes stripped, >= 3 characters with a letter; as a
# whole token, case kept), i.e. it answers for the value the command showed, and holds neither the -o yaml flag nor a
# pasted "<key>: <value>" line
AY_CMD = re.compile(r"^(?:\$ )?az \S.*(?:-o|--output)[ =]yaml\b")
AY_PAIR = re.compile(r"^\s*(?:- )?([A-Za-z_][\w.\-]*):(?:\s+(\S.*?))?\s*$")
AY_ITEM = re.compile(r"^\s*- (\S.*?)\s*$")
AY_MIN = 2
AY_VALUE_MIN = 3
AY_SEEN = re.compile(r"(?:^|\s)(?:-o|--output)[ =]yaml\b", re.M)
AY_LEFTOVER = re.compile(r"(?:-o|--output)[ =]yaml\b")
# azure_pipelines_yaml (long only): the user pastes the Azure Pipelines YAML (azure-pipelines.yml) of the pipeline that
# sets up, rotates or checks the registry's key: a Markdown fence holding a "steps:" line and, after it, >= 1 step
# "- task: <Name>@<major>" and >= 1 "displayName: <text>" line; the truth names a pasted step by its displayName (the
# text without quotes, as a phrase, case kept), i.e. it answers for the step in question, and holds no "task: <Name>@n",
# no "inlineScript:" and no "displayName:"
AP_STEPS = re.compile(r"^\s*steps:\s*$")
AP_TASK = re.compile(r"^\s*(?:-\s+)?task:\s*([A-Za-z][\w.\-]*)@(\d+)\s*$")
AP_NAME = re.compile(r"^\s*(?:-\s+)?displayName:\s*(?:'([^'\n]+)'|\"([^\"\n]+)\"|([^'\"\s#][^#\n]*?))\s*$")
AP_SEEN = re.compile(r"^\s*(?:-\s+)?task:\s*[A-Za-z][\w.\-]*@\d+\s*$|^\s*inlineScript:|^\s*azureSubscription:", re.M)
AP_LEFTOVER = re.compile(r"\btask:\s*[A-Za-z][\w.\-]*@\d+|inlineScript:|displayName:")
# react_trace (long only): an agent pastes its own ReAct-style trace (the Thought / Action / Action Input /
# Observation loop of an LLM agent) from a run against the registry or its key store and asks what to do next: a
# Markdown fence holding a "Thought: ..." line, after it an "Action: ..." line and after that an "Observation: ..."
# line (at line starts; an observation runs on to the next label); the truth names an identifier-like token of an
# observation (>= 5 characters, starting with a letter, holding a digit, "-", "_" or "." or an inner capital, e.g.
# keyRotationEnabled or kv-foo; as a whole token, case kept), i.e. it answers for what the agent observed, and holds no
# "Thought:", "Action Input:" or "Observation:" label
RT_THOUGHT = re.compile(r"^Thought: \S")
RT_ACTION = re.compile(r"^Action: \S")
RT_OBS = re.compile(r"^Observation: (\S.*)$")
RT_LABEL = re.compile(r"^(?:Thought|Action|Action Input|Observation|Final Answer):")
RT_TOKEN = re.compile(r"(?<![A-Za-z0-9_.\-])[A-Za-z][A-Za-z0-9_.\-]*[A-Za-z0-9]")
RT_TOKEN_MIN = 5
RT_SEEN = re.compile(r"^\s*(?:Thought|Observation|Action Input):\s", re.M)
RT_LEFTOVER = re.compile(r"\b(?:Thought|Observation|Action Input):")
# http_request_file (long or agent): the user pastes an HTTP request as written in a .http file for the VS Code REST
# Client or a JetBrains HTTP client (the request line "<METHOD> https://<host>/<path>[?<query>] HTTP/1.1", header
# lines, a blank line and an optional JSON body): in a long post a Markdown fence holding such a request line followed
# directly by >= 1 header line "<Name>: <value>"; in an agent query such a request line quoted inline; the truth names
# the last path segment of a pasted request URL (e.g. the registry or key name) or, in a long post, a property name of
# a pasted JSON body (e.g. keyIdentifier; as a whole token, case kept), i.e. it answers for the request in question,
# and holds no request line and no "HTTP/1.x"
HR_LINE = re.compile(r"^(GET|POST|PUT|PATCH|DELETE|HEAD) (https?://[^\s?#]+)(\?\S*)? HTTP/\d(?:\.\d)?\s*$")
HR_HEADER = re.compile(r"^[A-Za-z][A-Za-z0-9\-]*: \S")
HR_PROP = re.compile(r'"([A-Za-z_][A-Za-z0-9_]*)"\s*:')
HR_SEEN = re.compile(r"(?:^|`)(?:GET|POST|PUT|PATCH|DELETE|HEAD) https?://\S+ HTTP/\d(?:\.\d)?(?=[ \t]*$|`)", re.M)
HR_LEFTOVER = re.compile(r"\b(?:GET|POST|PUT|PATCH|DELETE|HEAD) https?://|\bHTTP/\d\.\d\b")
# issue_form (long only): the user pastes the body of a GitHub issue filed through an issue form (each field rendered
# as a "### <label>" heading, a blank line and the field's value; an empty optional field reads "_No response_"), e.g.
# from their platform team's registry request template: >= 3 fields outside fences, >= 1 of them "_No response_" and
# >= 1 with a one-line value; the truth names a token of a one-line field value (>= 4 characters holding a digit, ".",
# "-" or "_", e.g. kv-foo or 2.61.0; as a whole token, case kept), i.e. it answers for the case the form describes, and
# holds no "### " heading and no "_No response_"
IF_HEAD = re.compile(r"^### (\S[^\n]*?)\s*$")
IF_EMPTY = "_No response_"
IF_TOKEN = re.compile(r"(?<![A-Za-z0-9_.\-])[A-Za-z0-9][A-Za-z0-9_.\-]*[A-Za-z0-9]")
IF_TOKEN_MIN = 4
IF_MIN_FIELDS = 3
IF_HEAD_SEEN = re.compile(r"^### \S[^\n]*\n[ \t]*\n", re.M)
IF_LEFTOVER = re.compile(r"^\s*### |_No response_", re.M)


def _unquote(v):
    v = v.strip()
    if len(v) >= 2 and v[0] == v[-1] and v[0] in "'\"":
        v = v[1:-1]
    return v


def yaml_outputs(q):
    """(scalar values, "key: value" lines) of every az -o yaml output pasted in the question's Markdown fences (None
    when there is none)."""
    found = None
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        for i, x in enumerate(lines):
            if not AY_CMD.match(x):
                continue
            vals, pairs, n = set(), set(), 0
            for y in lines[i + 1:]:
                if y.startswith("$ "):
                    break
                mp = AY_PAIR.match(y)
                mi = None if mp else AY_ITEM.match(y)
                if mp:
                    n += 1
                    if mp.group(2):
                        v = _unquote(mp.group(2))
                        pairs.add("%s: %s" % (mp.group(1), mp.group(2).strip()))
                        if len(v) >= AY_VALUE_MIN and re.search(r"[A-Za-z]", v):
                            vals.add(v)
                elif mi:
                    n += 1
                    v = _unquote(mi.group(1))
                    if len(v) >= AY_VALUE_MIN and re.search(r"[A-Za-z]", v):
                        vals.add(v)
            if n >= AY_MIN:
                if found is None:
                    found = (set(), set())
                found[0].update(vals)
                found[1].update(pairs)
    return found


def pipeline_steps(q):
    """displayName texts of every Azure Pipelines YAML with a task step pasted in the question's Markdown fences (None
    when there is none)."""
    found = None
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        start = next((i for i, x in enumerate(lines) if AP_STEPS.match(x)), None)
        if start is None:
            continue
        rest = lines[start + 1:]
        names = set()
        for x in rest:
            mm = AP_NAME.match(x)
            if mm:
                names.add((mm.group(1) or mm.group(2) or mm.group(3)).strip())
        if names and any(AP_TASK.match(x) for x in rest):
            found = (found or set()) | names
    return found


def _rt_ok(t):
    return len(t) >= RT_TOKEN_MIN and (re.search(r"[0-9_.\-]", t) or re.search(r"[a-z][A-Z]", t))


def react_tokens(q):
    """Identifier-like tokens of the observations of every ReAct trace pasted in the question's Markdown fences (None
    when there is none)."""
    found = None
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        t = next((i for i, x in enumerate(lines) if RT_THOUGHT.match(x)), None)
        if t is None:
            continue
        a = next((i for i in range(t + 1, len(lines)) if RT_ACTION.match(lines[i])), None)
        if a is None:
            continue
        obs, cur = [], None
        for x in lines[a + 1:]:
            mo = RT_OBS.match(x)
            if mo:
                cur = [mo.group(1)]
                obs.append(cur)
            elif RT_LABEL.match(x):
                cur = None
            elif cur is not None:
                cur.append(x)
        if not obs:
            continue
        toks_ = {t_ for o in obs for t_ in RT_TOKEN.findall("\n".join(o)) if _rt_ok(t_)}
        found = (found or set()) | toks_
    return found


def http_targets(q, style):
    """Last path segments of the pasted request URLs and (long posts) the property names of the pasted JSON bodies
    (None when no request is pasted where the shape needs it)."""
    found = None
    if style == "long":
        for f in md_fences(q):
            lines = fence_body(f).split("\n")
            for i, x in enumerate(lines):
                mm = HR_LINE.match(x)
                if not mm or i + 1 >= len(lines) or not HR_HEADER.match(lines[i + 1]):
                    continue
                vals = {mm.group(2).rstrip("/").split("/")[-1]}
                j = i + 1
                while j < len(lines) and lines[j].strip():
                    j += 1
                body = []
                for y in lines[j + 1:]:
                    if HR_LINE.match(y) or y.startswith("###"):
                        break
                    body.append(y)
                vals |= set(HR_PROP.findall("\n".join(body)))
                found = (found or set()) | vals
    else:
        for sp in _inline_spans(q):
            mm = HR_LINE.match(sp.strip())
            if mm:
                found = (found or set()) | {mm.group(2).rstrip("/").split("/")[-1]}
    return found


def issue_fields(q):
    """(label, value lines) of every "### " field of the question outside fences; a field's value is its first
    paragraph (a fenced block belongs to the paragraph it opens), so text after the form is not taken as a value."""
    fields, cur, infence, done = [], None, False, False
    for x in q.split("\n"):
        if x.lstrip().startswith("```"):
            infence = not infence
            if cur is not None and not done:
                cur[1].append(x)
            continue
        if infence:
            if cur is not None and not done:
                cur[1].append(x)
            continue
        mh = IF_HEAD.match(x)
        if mh:
            cur, done = (mh.group(1), []), False
            fields.append(cur)
        elif cur is not None and not done:
            if x.strip():
                cur[1].append(x)
            elif cur[1]:
                done = True
    return fields


def issue_values(q):
    """Tokens of the one-line field values of a pasted GitHub issue form (None when the question holds none)."""
    fields = issue_fields(q)
    if len(fields) < IF_MIN_FIELDS or not any(v == [IF_EMPTY] for _, v in fields):
        return None
    ones = [v[0].strip() for _, v in fields if len(v) == 1 and v[0].strip() != IF_EMPTY
            and not v[0].lstrip().startswith("```")]
    if not ones:
        return None
    return {t_ for o in ones for t_ in IF_TOKEN.findall(o)
            if len(t_) >= IF_TOKEN_MIN and re.search(r"[0-9_.\-]", t_)}


OLD_DETECT.update({
    "az_yaml_output": lambda q: bool(AY_SEEN.search(q)),
    "azure_pipelines_yaml": lambda q: bool(AP_SEEN.search(q)),
    "react_trace": lambda q: bool(RT_SEEN.search(q)),
    "http_request_file": lambda q: bool(HR_SEEN.search(q)),
    "issue_form": lambda q: IF_EMPTY in q or len(IF_HEAD_SEEN.findall(q)) >= 2,
})


# ---- blind77's shapes, rejected in every question of this set (detection reuses blind77's lexical rules) ----
# (blind77's rules, kept verbatim: their flags are dropped fields now, and the detectors below reject the shapes)
# ls_listing (long only): the user pastes what "ls -l" (ls -la, ls -lh) printed for the folder the question is about
# (a script's working directory, exported run logs, a template or Terraform folder, the files kept for a key store): a
# Markdown fence holding >= 2 long-listing lines "<type+permissions> <links> <owner> <group> <size> <Mon> <day>
# <time|year> <name>" (a "$ ls ..." command line and a "total N" line may stand before them); the truth names >= 1
# listed entry (its name, >= 3 characters, not "." or "..", as a whole token, case kept; for a symbolic link the name
# before " -> "), i.e. it answers about a file that was listed, and holds no permission string ("-rw-r--r--") and so
# no listing line
LL_LINE = re.compile(r"^([-dlcbps])([rwxsStT-]{9})[.@+]?[ \t]+(\d+)[ \t]+(\S+)[ \t]+(\S+)[ \t]+([\d.,]+[KMGT]?)[ \t]+"
                     r"([A-Z][a-z]{2})[ \t]+(\d{1,2})[ \t]+(\d{1,2}:\d{2}|\d{4})[ \t]+(\S.*?)[ \t]*$")
LL_MIN = 2
LL_NAME_MIN = 3
LL_SEEN = re.compile(r"^[-dlcbps][rwxsStT-]{9}[.@+]?[ \t]+\d+[ \t]+\S+[ \t]+\S+[ \t]+[\d.,]+[KMGT]?[ \t]+[A-Z][a-z]{2}[ \t]",
                     re.M)
LL_LEFTOVER = re.compile(r"(?<![\w\-])[-dl][rwxsStT-]{9}(?![\w\-])")
# grep_matches (long or agent): the user, or an agent's search tool, pastes what grep -rn, rg -n or git grep -n found
# in the repository behind the registry (scripts, Terraform, Bicep, pipelines, runbooks): in a long post a Markdown
# fence holding >= 2 match lines "<path>:<line>:<text>" (a path ending in a file extension; a "$ grep ..." command line
# may stand before them); in an agent query one such match line quoted inline (`inline code`); the truth names >= 1
# matched file (its path or its base name, >= 4 characters, as a whole token, case kept), i.e. it says which file
# matters or has to change, and holds no match line ("<file>:<line>:")
GM_LINE = re.compile(r"^((?:\./)?[\w.\-]+(?:/[\w.\-]+)*\.[A-Za-z0-9]{1,8}):(\d+):(.*)$")
GM_MIN = 2
GM_NAME_MIN = 4
GM_SEEN_LINE = re.compile(r"^(?:\./)?[\w.\-]+(?:/[\w.\-]+)*\.[A-Za-z0-9]{1,8}:\d+:", re.M)
GM_SEEN_INLINE = re.compile(r"`(?:\./)?[\w.\-]+(?:/[\w.\-]+)*\.[A-Za-z0-9]{1,8}:\d+:")
GM_LEFTOVER = re.compile(r"[\w.\-]+\.[A-Za-z0-9]{1,8}:\d+:")
# cloud_shell_session (long only): the user pastes a stretch of an Azure Cloud Shell (Bash) session: a Markdown fence
# holding the Cloud Shell prompt ("<user>@Azure:~$ " or "<user> [ ~ ]$ ") before an "az ..." command and >= 1 output
# line after it (the output runs on to the next prompt; the banner lines "Requesting a Cloud Shell.Succeeded." and
# "Connecting terminal..." may stand before); the truth names >= 1 identifier-like token of the output (>= 5
# characters starting with a letter, with a digit, "-", "_", "." or an inner capital; a JSON key of the output and a
# token of a prompt line do not count; as a whole token, case kept), i.e. it read what the command returned, and holds
# no prompt and no banner line
CS_PROMPT = re.compile(r"^(?:\S+@Azure:[^$\n]*|\S+ \[ [^\]\n]+ \])\$(?: (.*))?$")
CS_SEEN = re.compile(r"Requesting a Cloud Shell|Connecting terminal\.\.\.|^\S+@Azure:[^$\n]*\$|^\S+ \[ [^\]\n]+ \]\$",
                     re.M)
CS_LEFTOVER = re.compile(r"@Azure:|\S \[ [^\]\n]+ \]\$|Requesting a Cloud Shell|Connecting terminal")
CS_TOKEN = re.compile(r"(?<![A-Za-z0-9_.\-])[A-Za-z][A-Za-z0-9_.\-]*[A-Za-z0-9]")
CS_TOKEN_MIN = 5
CS_JSON_KEY = re.compile(r'"([^"\n]+)"\s*:')
# access_log (long only): the user pastes lines of a web server's or reverse proxy's access log (nginx or Apache in
# front of the registry, a pull-through cache, a gateway) in the common or combined log format: a Markdown fence
# holding >= 2 lines '<client> <ident> <user> [<dd/Mon/yyyy:HH:MM:SS +zzzz>] "<METHOD> <path> HTTP/<v>" <status>
# <size>' (referrer, user agent and other fields may follow), >= 1 of them with a status of 400 or more; the truth
# names, for >= 1 failed line, its status code (three digits standing alone) together with a segment of its path
# (>= 3 characters, not "v2", query left out; as a whole token, case kept), i.e. it says which requests failed and
# how, and holds no log timestamp and no quoted request line ('"GET /...')
AL_LINE = re.compile(r'^(\S+) \S+ \S+ \[(\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4})\] '
                     r'"(GET|HEAD|PUT|POST|PATCH|DELETE|OPTIONS) (\S+) HTTP/[\d.]+" (\d{3}) (\d+|-)(?: .*)?$')
AL_MIN = 2
AL_SEG_MIN = 3
AL_SEEN = re.compile(r'\[\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}\]|'
                     r'"(?:GET|HEAD|PUT|POST|PATCH|DELETE|OPTIONS) /\S* HTTP/\d(?:\.\d)?" \d{3}')
AL_LEFTOVER = re.compile(r'\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}|"(?:GET|HEAD|PUT|POST|PATCH|DELETE|OPTIONS) /')
# coding_agent_transcript (long only): the user pastes the terminal transcript of a coding agent (a Claude Code-style
# session) that worked on the registry or its key store: a Markdown fence holding >= 1 tool call line
# "\u23fa <Tool>(<arguments>)" (Bash, Read, Grep, Edit ...) and after it a result block opened by a "\u23bf" line (the
# result runs on over the indented lines that follow); the truth names >= 1 identifier-like token of a result block
# (>= 5 characters starting with a letter, with a digit, "-", "_", "." or an inner capital; a JSON key of the result and
# a token of a tool call line do not count; as a whole token, case kept), i.e. it read what the tool returned, and
# holds no "\u23fa" and no "\u23bf"
TA_CALL = re.compile("^\u23fa ([A-Z][A-Za-z]*)\\((.*)\\)[ \t]*$")
TA_RESULT = re.compile("^[ \t]*\u23bf[ \t]+(.*)$")
TA_SEEN = re.compile("[\u23fa\u23bf]")
TA_LEFTOVER = TA_SEEN
TA_TOKEN_MIN = 5


def ls_entries(q):
    """Entry names of every ls -l listing (>= LL_MIN entry lines) in the question's Markdown fences (None when there
    is none)."""
    found = None
    for f in md_fences(q):
        names = []
        for x in fence_body(f).split("\n"):
            mm = LL_LINE.match(x)
            if mm:
                name = mm.group(10)
                if mm.group(1) == "l" and " -> " in name:
                    name = name.split(" -> ")[0]
                names.append(name.strip())
        if len(names) >= LL_MIN:
            found = (found or set()) | {n for n in names if n not in (".", "..") and len(n) >= LL_NAME_MIN}
    return found


def grep_files(q, style):
    """Paths and base names of the matched files: in a long post from the Markdown fences holding >= GM_MIN match
    lines, in an agent query from the inline code spans that are a match line (None when there is none)."""
    found = None
    if style == "long":
        for f in md_fences(q):
            hits = [GM_LINE.match(x) for x in fence_body(f).split("\n")]
            hits = [h for h in hits if h]
            if len(hits) >= GM_MIN:
                found = (found or set()) | {h.group(1) for h in hits}
    else:
        for sp in _inline_spans(q):
            h = GM_LINE.match(sp.strip())
            if h:
                found = (found or set()) | {h.group(1)}
    if found is None:
        return None
    out = set()
    for p_ in found:
        p_ = p_[2:] if p_.startswith("./") else p_
        for v in (p_, p_.split("/")[-1]):
            if len(v) >= GM_NAME_MIN:
                out.add(v)
    return out


def _id_token(t):
    return len(t) >= CS_TOKEN_MIN and (re.search(r"[0-9_.\-]", t) or re.search(r"[a-z][A-Z]", t))


def _value_tokens(lines, exclude_text):
    text = "\n".join(lines)
    keys = set(CS_JSON_KEY.findall(text))
    excl = set(CS_TOKEN.findall(exclude_text))
    return {t_ for t_ in CS_TOKEN.findall(text) if _id_token(t_) and t_ not in keys and t_ not in excl}


def cloud_shell_outputs(q):
    """Identifier-like tokens of the output of every az command run at a Cloud Shell prompt in the question's
    Markdown fences (None when no fence holds a prompt with an az command and output after it)."""
    found = None
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        prompts = [x for x in lines if CS_PROMPT.match(x)]
        outs, cur, ok = [], None, False
        for x in lines:
            mp = CS_PROMPT.match(x)
            if mp:
                cmd = (mp.group(1) or "").strip()
                cur = [] if cmd.startswith("az ") else None
                if cur is not None:
                    outs.append(cur)
            elif cur is not None and x.strip():
                cur.append(x)
                ok = True
        if ok:
            toks_ = _value_tokens([y for o in outs for y in o], "\n".join(prompts))
            found = (found or set()) | toks_
    return found


def access_failures(q):
    """(status, path segments) of every failed line (status >= 400) of the access logs in the question's Markdown
    fences (fences with >= AL_MIN log lines; None when there is no such log with a failed line)."""
    found = None
    for f in md_fences(q):
        hits = [AL_LINE.match(x) for x in fence_body(f).split("\n")]
        hits = [h for h in hits if h]
        if len(hits) < AL_MIN:
            continue
        fails = []
        for h in hits:
            if int(h.group(5)) >= 400:
                path = h.group(4).split("?")[0]
                segs = {s_ for s_ in path.split("/") if len(s_) >= AL_SEG_MIN and s_ != "v2"}
                fails.append((h.group(5), segs))
        if fails:
            found = (found or []) + fails
    return found


def agent_results(q):
    """Identifier-like tokens of the result blocks of a coding agent's tool calls in the question's Markdown fences
    (None when no fence holds a tool call line followed by a result block)."""
    found = None
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        calls = [x for x in lines if TA_CALL.match(x)]
        res, cur, seen_call = [], None, False
        for x in lines:
            if TA_CALL.match(x):
                seen_call, cur = True, None
                continue
            mr = TA_RESULT.match(x)
            if mr and seen_call:
                cur = [mr.group(1)]
                res.append(cur)
            elif cur is not None and x[:1] in (" ", "\t") and x.strip():
                cur.append(x)
            else:
                cur = None
        if res:
            toks_ = _value_tokens([y for r_ in res for y in r_], "\n".join(calls))
            found = (found or set()) | toks_
    return found


OLD_DETECT.update({
    "ls_listing": lambda q: bool(LL_SEEN.search(q)),
    "grep_matches": lambda q: len(GM_SEEN_LINE.findall(q)) >= GM_MIN or bool(GM_SEEN_INLINE.search(q)),
    "cloud_shell_session": lambda q: bool(CS_SEEN.search(q)),
    "access_log": lambda q: bool(AL_SEEN.search(q)),
    "coding_agent_transcript": lambda q: bool(TA_SEEN.search(q)),
})


# ---- new shapes (blind78) ----
# email_thread (long only): the user pastes or forwards an e-mail about the registry or its key (from the security
# team, a colleague, an auditor or Microsoft support) together with the mail client's header block: consecutive lines
# at line starts "From: <sender>", then "Sent: <date>" or "Date: <date>", then optionally "To: ...", "Cc: ..." and
# "Importance: ...", and "Subject: <subject>" (inside or outside a Markdown fence), followed by >= 1 line of the mail's
# body; the truth names >= 1 identifier-like token of a pasted Subject line (>= 5 characters starting with a letter,
# with a digit, "-", "_", "." or an inner capital, e.g. a ticket number or a resource name; as a whole token, case
# kept), i.e. it answers for the case the mail is about, and holds no header field ("From:", "Sent:", "Subject:",
# "Cc:") and no "-----Original Message-----" line
EM_FROM = re.compile(r"^From:[ \t]+\S")
EM_DATE = re.compile(r"^(?:Sent|Date):[ \t]+\S")
EM_OTHER = re.compile(r"^(?:To|Cc|Importance):[ \t]+\S")
EM_SUBJECT = re.compile(r"^Subject:[ \t]+(\S.*?)[ \t]*$")
EM_SEEN = re.compile(r"^From: .*\n(?:Sent|Date): |^Subject: \S|-----Original Message-----", re.M)
EM_LEFTOVER = re.compile(r"(?<![\w\-])(?:From|Sent|Subject|Cc):[ \t]|-----Original Message-----")
# assistant_chat_copy (long only): the user pastes a conversation copied out of a general AI assistant's chat window
# (ChatGPT, Copilot, Gemini ...), where each turn is introduced by a line "You said:" or "<Assistant> said:", and asks
# whether the assistant's answer holds: >= 1 line "You said:" and after it >= 1 line "<Name> said:" (a capitalised
# name of one or two words other than You), each alone on its line at a line start (inside or outside a Markdown
# fence); a turn runs on to the next such line or the end of its fence; the truth names >= 1 identifier-like token of
# an assistant turn (as for email_thread; a token that also stands in the user's turns does not count; whole token,
# case kept), i.e. it judges what the assistant claimed, and holds no "said:" label
AI_TURN = re.compile(r"^[ \t]*(You|[A-Z][A-Za-z0-9]*(?: [A-Z][A-Za-z0-9]*)?) said:[ \t]*$")
AI_SEEN = re.compile(r"^[ \t]*(?:You|[A-Z][A-Za-z0-9]*(?: [A-Z][A-Za-z0-9]*)?) said:[ \t]*$", re.M)
AI_LEFTOVER = re.compile(r"\bsaid:")
# python_logging (long or agent): the user, or an agent that wrote a Python script against the Azure SDKs
# (azure-identity, azure-keyvault-keys, azure-mgmt-containerregistry ...), pastes log records as Python's logging
# module prints them: "<LEVEL>:<logger>:<message>" (basicConfig's default format) or "<yyyy-mm-dd> <HH:MM:SS,mmm>
# <LEVEL> <logger>: <message>"; in a long post a Markdown fence holding >= 2 records, >= 1 of them at WARNING, ERROR or
# CRITICAL; in an agent query one WARNING/ERROR/CRITICAL record quoted inline (`inline code`); the truth names >= 1
# identifier-like token of the message of a WARNING/ERROR/CRITICAL record (as for email_thread; the logger name does
# not count; whole token, case kept), i.e. it explains the failure the log shows, and holds no record prefix
# ("ERROR:<logger>:") and no "HH:MM:SS,mmm" timestamp
PL_BASIC = re.compile(r"^(DEBUG|INFO|WARNING|ERROR|CRITICAL):([A-Za-z_][\w.]*):(.*)$")
PL_STAMP = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) (DEBUG|INFO|WARNING|ERROR|CRITICAL) "
                      r"([A-Za-z_][\w.]*): (.*)$")
PL_SEEN = re.compile(r"(?:^|(?<=`))(?:(?:DEBUG|INFO|WARNING|ERROR|CRITICAL):[A-Za-z_][\w.]*:|"
                     r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} )", re.M)
PL_LEFTOVER = re.compile(r"\b(?:DEBUG|INFO|WARNING|ERROR|CRITICAL):[A-Za-z_][\w.]*:|\d\d:\d\d:\d\d,\d{3}")
PL_MIN = 2
PL_FAIL = {"WARNING", "ERROR", "CRITICAL"}
# watch_output (long only): the user pastes what "watch" showed while it re-ran an az command (waiting for automatic
# rotation, an HSM activation, a role or a recovery to take effect): a Markdown fence holding watch's header line
# "Every <n>s: az ..." (the host name and the time may follow on the same line) and >= 1 output line after it (the
# output runs on to the next header); the truth names >= 1 identifier-like token of the output (as for email_thread; a
# JSON key of the output and a token of a header line do not count; whole token, case kept), i.e. it reads what the
# command returned, and holds no watch header ("Every <n>s:")
WA_HEAD = re.compile(r"^Every \d+(?:\.\d+)?s: (.*?)[ \t]*$")
WA_SEEN = re.compile(r"^Every \d+(?:\.\d+)?s: ", re.M)
WA_LEFTOVER = re.compile(r"\bEvery \d+(?:\.\d+)?s:")
# runbook_front_matter (long only): the user pastes an internal runbook or wiki page about the registry's key, kept as
# Markdown with YAML front matter (as Backstage TechDocs, Docusaurus or Obsidian keep pages): a Markdown fence whose
# body opens with a "---" line, >= 2 "key: value" lines and a closing "---" line, followed by >= 1 line of the page;
# the truth names a token of a front-matter value (>= 4 characters holding a digit, ".", "-" or "_", e.g. a review
# date, a version or a team slug; whole token, case kept), i.e. it weighs the page by its metadata (how old it is,
# whose it is), and holds neither a pasted "key: value" line nor a "---" line
FM_PAIR = re.compile(r"^([A-Za-z_][\w\-]*):[ \t]+(\S.*?)[ \t]*$")
FM_DELIM = re.compile(r"^---[ \t]*$")
FM_SEEN = re.compile(r"^---[ \t]*\n(?:[A-Za-z_][\w\-]*:[ \t]*.*\n){2,}---[ \t]*$", re.M)
FM_TOKEN = re.compile(r"(?<![A-Za-z0-9_.\-])[A-Za-z0-9][A-Za-z0-9_.\-]*[A-Za-z0-9]")
FM_TOKEN_MIN = 4
FM_MIN = 2


def email_subjects(q):
    """Identifier-like tokens of the Subject lines of every complete mail header block in the question (From, then
    Sent/Date, then optional To/Cc/Importance, and Subject, with >= 1 body line after the block; fence markers are
    skipped); None when there is no such block."""
    lines = [x for x in q.split("\n") if not x.lstrip().startswith("```")]
    found = None
    i = 0
    while i < len(lines) - 1:
        if EM_FROM.match(lines[i]) and EM_DATE.match(lines[i + 1]):
            j, subj = i + 2, None
            while j < len(lines) and (EM_OTHER.match(lines[j]) or EM_SUBJECT.match(lines[j])):
                ms = EM_SUBJECT.match(lines[j])
                if ms:
                    subj = ms.group(1)
                j += 1
            body = [x for x in lines[j:j + 4] if x.strip() and not EM_FROM.match(x)]
            if subj is not None and body:
                toks_ = {t_ for t_ in CS_TOKEN.findall(subj) if _id_token(t_)}
                found = (found or set()) | toks_
            i = j
        else:
            i += 1
    return found


def chat_turns(q):
    """(user turn texts, assistant turn texts) of a pasted assistant conversation: turns open with a "You said:" or
    "<Name> said:" line and run on to the next such line or the end of their fence; None unless a "You said:" turn is
    followed by an assistant turn."""
    user, bot, cur, seen_you = [], [], None, False
    for x in q.split("\n"):
        if x.lstrip().startswith("```"):
            cur = None
            continue
        mt = AI_TURN.match(x)
        if mt:
            if mt.group(1) == "You":
                cur, seen_you = [], True
                user.append(cur)
            elif seen_you:
                cur = []
                bot.append(cur)
            else:
                cur = None
            continue
        if cur is not None:
            cur.append(x)
    if not user or not bot:
        return None
    return ["\n".join(t) for t in user], ["\n".join(t) for t in bot]


def chat_claims(q):
    """Identifier-like tokens of the assistant turns that do not stand in the user's turns (None when the question
    holds no pasted conversation)."""
    turns = chat_turns(q)
    if turns is None:
        return None
    user_toks = {t_ for u in turns[0] for t_ in CS_TOKEN.findall(u)}
    return {t_ for b in turns[1] for t_ in CS_TOKEN.findall(b) if _id_token(t_) and t_ not in user_toks}


def _log_record(line):
    """(level, logger, message) of a Python logging record line, or None."""
    mb = PL_BASIC.match(line)
    if mb:
        return mb.group(1), mb.group(2), mb.group(3)
    ms = PL_STAMP.match(line)
    if ms:
        return ms.group(2), ms.group(3), ms.group(4)
    return None


def log_failures(q, style):
    """Identifier-like tokens of the messages of the WARNING/ERROR/CRITICAL records: in a long post from the Markdown
    fences holding >= PL_MIN records, in an agent query from the inline code spans that are such a record (None when
    there is none)."""
    recs = []
    if style == "long":
        for f in md_fences(q):
            rs = [r_ for r_ in map(_log_record, fence_body(f).split("\n")) if r_]
            if len(rs) >= PL_MIN:
                recs += rs
    else:
        for sp in _inline_spans(q):
            r_ = _log_record(sp.strip())
            if r_:
                recs.append(r_)
    fails = [r_ for r_ in recs if r_[0] in PL_FAIL]
    if not fails:
        return None
    return {t_ for _, _, msg_ in fails for t_ in CS_TOKEN.findall(msg_) if _id_token(t_)}


def watch_outputs(q):
    """Identifier-like tokens of what watch showed for an az command in the question's Markdown fences (JSON keys and
    tokens of header lines left out); None when no fence holds a header running az with output after it."""
    found = None
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        heads = [x for x in lines if WA_HEAD.match(x)]
        outs, cur, ok = [], None, False
        for x in lines:
            mh = WA_HEAD.match(x)
            if mh:
                cur = [] if mh.group(1).startswith("az ") else None
                if cur is not None:
                    outs.append(cur)
            elif cur is not None and x.strip():
                cur.append(x)
                ok = True
        if ok:
            toks_ = _value_tokens([y for o in outs for y in o], "\n".join(heads))
            found = (found or set()) | toks_
    return found


def front_matters(q):
    """(tokens of front-matter values, pasted "key: value" lines) of every Markdown page with YAML front matter pasted
    in the question's Markdown fences (None when there is none)."""
    found = None
    for f in md_fences(q):
        lines = fence_body(f).split("\n")
        k = 0
        while k < len(lines) and not lines[k].strip():
            k += 1
        if k >= len(lines) or not FM_DELIM.match(lines[k]):
            continue
        end = next((i for i in range(k + 1, len(lines)) if FM_DELIM.match(lines[i])), None)
        if end is None:
            continue
        pairs = [FM_PAIR.match(x) for x in lines[k + 1:end]]
        pairs = [p_ for p_ in pairs if p_]
        if len(pairs) < FM_MIN or not any(x.strip() for x in lines[end + 1:]):
            continue
        vals = set()
        for p_ in pairs:
            v = p_.group(2).strip().strip("'\"[]")
            vals |= {t_ for t_ in FM_TOKEN.findall(v) if len(t_) >= FM_TOKEN_MIN and re.search(r"[0-9_.\-]", t_)}
        if found is None:
            found = (set(), set())
        found[0].update(vals)
        found[1].update(p_.group(0).strip() for p_ in pairs)
    return found


NEW_DETECT = {
    "email_thread": lambda q: bool(EM_SEEN.search(q)),
    "assistant_chat_copy": lambda q: bool(AI_SEEN.search(q)),
    "python_logging": lambda q: bool(PL_SEEN.search(q)),
    "watch_output": lambda q: bool(WA_SEEN.search(q)),
    "runbook_front_matter": lambda q: bool(FM_SEEN.search(q)),
}


# ---- new shapes: checks of flagged items ----
def check_email_threads(qid, style, q, truth):
    if style != "long":
        bad("%s: email_thread only in long posts" % qid)
        return
    toks_ = email_subjects(q)
    if toks_ is None:
        bad("%s: email_thread needs a mail header block (From, Sent/Date, Subject) and a body" % qid)
        return
    if not any(phrase_cs_in(t_, truth) for t_ in toks_):
        bad("%s: email_thread truth names no token of a Subject line" % qid)
    if EM_LEFTOVER.search(truth):
        bad("%s: email_thread truth still holds a mail header" % qid)


def check_chat_copies(qid, style, q, truth):
    if style != "long":
        bad("%s: assistant_chat_copy only in long posts" % qid)
        return
    toks_ = chat_claims(q)
    if toks_ is None:
        bad("%s: assistant_chat_copy needs a 'You said:' turn followed by an assistant turn" % qid)
        return
    if not any(phrase_cs_in(t_, truth) for t_ in toks_):
        bad("%s: assistant_chat_copy truth names no token of an assistant turn" % qid)
    if AI_LEFTOVER.search(truth):
        bad("%s: assistant_chat_copy truth still holds a turn label" % qid)


def check_python_logs(qid, style, q, truth):
    if style == "short":
        bad("%s: python_logging only in long posts and agent queries" % qid)
        return
    toks_ = log_failures(q, style)
    if toks_ is None:
        if style == "long":
            bad("%s: python_logging needs a fence with >= 2 log records, one at WARNING or above" % qid)
        else:
            bad("%s: python_logging needs a WARNING/ERROR record quoted inline" % qid)
        return
    if not any(phrase_cs_in(t_, truth) for t_ in toks_):
        bad("%s: python_logging truth names no token of a failed record's message" % qid)
    if PL_LEFTOVER.search(truth):
        bad("%s: python_logging truth still holds a log record prefix" % qid)


def check_watch_outputs(qid, style, q, truth):
    if style != "long":
        bad("%s: watch_output only in long posts" % qid)
        return
    toks_ = watch_outputs(q)
    if toks_ is None:
        bad("%s: watch_output needs a fence with a watch header running az and its output" % qid)
        return
    if not any(phrase_cs_in(t_, truth) for t_ in toks_):
        bad("%s: watch_output truth names no token of the output" % qid)
    if WA_LEFTOVER.search(truth):
        bad("%s: watch_output truth still holds a watch header" % qid)


def check_front_matters(qid, style, q, truth):
    if style != "long":
        bad("%s: runbook_front_matter only in long posts" % qid)
        return
    fm = front_matters(q)
    if fm is None:
        bad("%s: runbook_front_matter needs a fence with a page opening with front matter (>= 2 key: value lines)" % qid)
        return
    if not any(phrase_cs_in(t_, truth) for t_ in fm[0]):
        bad("%s: runbook_front_matter truth names no front-matter value" % qid)
    if any(p_ in truth for p_ in fm[1]) or re.search(r"(?m)^---[ \t]*$", truth):
        bad("%s: runbook_front_matter truth still holds front matter" % qid)


if __name__ == "__main__":
    sys.exit(main())
