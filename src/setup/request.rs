//! What a caller asks `get_setup_commands` for: the scenario and its parameters.

use schemars::JsonSchema;
use serde::Deserialize;

/// The CMK task to plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(inline)]
pub enum Scenario {
    /// A new Premium registry encrypted with a customer-managed key.
    CreateRegistry,
    /// Move the registry to a new key version, another key, or a key in another vault.
    RotateKey,
    /// Switch the registry to a versionless key ID so it follows new key versions.
    EnableAutoRotation,
    /// Turn on the registry's system-assigned identity and encrypt through it.
    UseSystemIdentity,
    /// Remove the identity's access to the key (blocks all registry data).
    RevokeAccess,
    /// Give the identity its access back, recovering a deleted key or vault first.
    RestoreAccess,
    /// Lock an existing key vault to selected networks with the trusted-services bypass.
    KeyVaultFirewall,
    /// Show encryption status, identity, key version in use, and health.
    ShowStatus,
}

impl Scenario {
    pub const ALL: [Scenario; 8] = [
        Scenario::CreateRegistry,
        Scenario::RotateKey,
        Scenario::EnableAutoRotation,
        Scenario::UseSystemIdentity,
        Scenario::RevokeAccess,
        Scenario::RestoreAccess,
        Scenario::KeyVaultFirewall,
        Scenario::ShowStatus,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Scenario::CreateRegistry => "create_registry",
            Scenario::RotateKey => "rotate_key",
            Scenario::EnableAutoRotation => "enable_auto_rotation",
            Scenario::UseSystemIdentity => "use_system_identity",
            Scenario::RevokeAccess => "revoke_access",
            Scenario::RestoreAccess => "restore_access",
            Scenario::KeyVaultFirewall => "key_vault_firewall",
            Scenario::ShowStatus => "show_status",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Scenario::CreateRegistry => {
                "Create a Premium registry encrypted with a customer-managed key"
            }
            Scenario::RotateKey => "Rotate the registry's customer-managed key",
            Scenario::EnableAutoRotation => "Turn on automatic key rotation (versionless key ID)",
            Scenario::UseSystemIdentity => {
                "Encrypt through the registry's system-assigned identity"
            }
            Scenario::RevokeAccess => "Revoke the registry's access to its key",
            Scenario::RestoreAccess => "Restore the registry's access to its key",
            Scenario::KeyVaultFirewall => "Lock the key vault to selected networks",
            Scenario::ShowStatus => "Show the registry's encryption status",
        }
    }

    pub fn from_name(name: &str) -> Option<Scenario> {
        Scenario::ALL.into_iter().find(|s| s.name() == name)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[schemars(inline)]
pub enum KeyType {
    #[serde(rename = "RSA")]
    Rsa,
    #[serde(rename = "RSA-HSM")]
    RsaHsm,
}

impl KeyType {
    pub fn as_str(self) -> &'static str {
        match self {
            KeyType::Rsa => "RSA",
            KeyType::RsaHsm => "RSA-HSM",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(inline)]
pub enum PermissionModel {
    /// Azure RBAC: the role "Key Vault Crypto Service Encryption User".
    Rbac,
    /// Vault access policy with get, wrapKey and unwrapKey.
    AccessPolicy,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(inline)]
pub enum KeyVersioning {
    /// The registry follows new key versions automatically (within an hour).
    Versionless,
    /// The registry stays on one key version until rotated by hand.
    Versioned,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(inline)]
pub enum KeyVaultNetwork {
    Public,
    Restricted,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(inline)]
pub enum Recover {
    Key,
    KeyVault,
}

/// Parameters of `get_setup_commands`. Only `scenario` is required; a name that a
/// scenario needs but was not given becomes a placeholder listed in
/// `missing_parameters`.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SetupRequest {
    /// The task: create_registry, rotate_key, enable_auto_rotation, use_system_identity,
    /// revoke_access, restore_access, key_vault_firewall or show_status.
    #[schemars(required)]
    pub scenario: Option<Scenario>,
    /// Registry name: 5-50 lowercase letters and digits.
    pub registry_name: Option<String>,
    /// Resource group of the registry (and, unless stated otherwise, the vault and identity).
    pub resource_group: Option<String>,
    /// Azure region, lowercase (e.g. westeurope). Used by create_registry.
    pub location: Option<String>,
    /// User-assigned identity name; '[system]' selects the registry's system-assigned
    /// identity where a scenario allows it (rotate_key, revoke_access, restore_access).
    pub identity_name: Option<String>,
    /// Key vault name: 3-24 letters, digits and hyphens.
    pub key_vault_name: Option<String>,
    /// Key name: 1-127 letters, digits and hyphens.
    pub key_name: Option<String>,
    /// RSA (default) or RSA-HSM. EC keys are not supported by ACR.
    pub key_type: Option<KeyType>,
    /// RSA key size in bits: 2048, 3072 (default) or 4096.
    #[schemars(extend("enum" = [2048, 3072, 4096]))]
    pub key_size: Option<u32>,
    /// How the vault grants access: rbac (default) or access_policy.
    pub permission_model: Option<PermissionModel>,
    /// versionless (default; automatic rotation) or versioned (manual rotation).
    pub key_versioning: Option<KeyVersioning>,
    /// rotate_key: move to a key in this other vault.
    pub new_key_vault_name: Option<String>,
    /// rotate_key: resource group of the other vault (default: resource_group).
    pub new_key_vault_resource_group: Option<String>,
    /// rotate_key: move to this other key (in the same vault, or in new_key_vault_name).
    pub new_key_name: Option<String>,
    /// IPv4 addresses or CIDR ranges allowed through the vault firewall.
    pub allowed_ip_ranges: Option<Vec<String>>,
    /// create_registry: public (default) or restricted (selected networks plus trusted services).
    pub key_vault_network: Option<KeyVaultNetwork>,
    /// ISO 8601 rotation interval of at least 7 days (e.g. P90D): sets a Key Vault rotation policy.
    pub key_rotation_interval: Option<String>,
    /// restore_access: recover a soft-deleted key or key_vault first.
    pub recover: Option<Recover>,
    /// create_registry: create the resource group first (default true).
    pub create_resource_group: Option<bool>,
    /// revoke_access: also delete the key (soft delete; recoverable within the retention period).
    pub delete_key: Option<bool>,
}
