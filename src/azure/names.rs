//! Azure naming rules for the values a caller passes.
//!
//! Every value that can reach a generated command passes one of these checks first.
//! The rules are Azure's own, tightened to ASCII so a look-alike character (a Cyrillic
//! `а` in a resource group) is refused rather than sent to Azure. Where Azure's rule
//! itself forbids a leading `-` (registries, vaults, HSMs, identities, regions) such a
//! value is refused here; resource group and key names may legally start with one,
//! so commands pass them as `--flag=value` instead (see
//! [`Line::guard_dashed_values`](super::command::Line::guard_dashed_values)).

use crate::error::InputError;

/// A naming-rule check: `(field, value)` → the error that names both.
pub type Check = fn(&str, &str) -> Result<(), InputError>;

/// Shows a caller's value inside an error message: escaped, and cut when long.
pub fn shown(value: &str) -> String {
    let cut: String = value.chars().take(80).collect();
    let more = if value.chars().count() > 80 {
        "…"
    } else {
        ""
    };
    format!("{:?}{more}", cut)
}

fn fail(field: &str, value: &str, what: &str, rule: &str) -> InputError {
    InputError::new(
        field,
        format!("{} is not a valid {what}: {rule}", shown(value)),
    )
}

fn len_between(value: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&value.len())
}

pub const REGISTRY_RULE: &str =
    "it must be 5-50 characters of lowercase letters a-z and digits 0-9, with no hyphens";
pub const KEY_VAULT_RULE: &str = "it must be 3-24 characters of letters, digits and hyphens, start with a letter, end with a letter or digit, and have no consecutive hyphens";
pub const RESOURCE_GROUP_RULE: &str = "it must be 1-90 characters of ASCII letters, digits, '_', '-', '.', '(' and ')', and must not end with '.'";
pub const IDENTITY_RULE: &str =
    "it must be 3-128 characters of letters, digits, '-' and '_', starting with a letter or digit";
pub const KEY_RULE: &str = "it must be 1-127 characters of letters, digits and hyphens";
pub const HSM_RULE: &str = "it must be 3-24 characters of letters, digits and hyphens, start with a letter, end with a letter or digit, and have no consecutive hyphens";
pub const LOCATION_RULE: &str =
    "it must be an Azure region name of lowercase letters and digits, such as 'westeurope'";
pub const IP_RULE: &str =
    "it must be an IPv4 address or CIDR range such as '203.0.113.7' or '203.0.113.0/24'";

pub fn registry_name(field: &str, v: &str) -> Result<(), InputError> {
    let ok = len_between(v, 5, 50)
        && v.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
    ok.then_some(())
        .ok_or_else(|| fail(field, v, "registry name", REGISTRY_RULE))
}

pub fn key_vault_name(field: &str, v: &str) -> Result<(), InputError> {
    let b = v.as_bytes();
    let ok = len_between(v, 3, 24)
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
        && b[0].is_ascii_alphabetic()
        && b[b.len() - 1].is_ascii_alphanumeric()
        && !v.contains("--");
    ok.then_some(())
        .ok_or_else(|| fail(field, v, "key vault name", KEY_VAULT_RULE))
}

/// A Managed HSM name: the same shape as a key vault name, in a namespace of its own.
pub fn hsm_name(field: &str, v: &str) -> Result<(), InputError> {
    key_vault_name(field, v).map_err(|_| fail(field, v, "Managed HSM name", HSM_RULE))
}

pub fn resource_group(field: &str, v: &str) -> Result<(), InputError> {
    let ok = len_between(v, 1, 90)
        && v.bytes()
            .all(|c| c.is_ascii_alphanumeric() || b"_-.()".contains(&c))
        && !v.ends_with('.');
    ok.then_some(())
        .ok_or_else(|| fail(field, v, "resource group name", RESOURCE_GROUP_RULE))
}

pub fn identity_name(field: &str, v: &str) -> Result<(), InputError> {
    let ok = len_between(v, 3, 128)
        && v.bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
        && v.as_bytes()[0].is_ascii_alphanumeric();
    ok.then_some(())
        .ok_or_else(|| fail(field, v, "user-assigned identity name", IDENTITY_RULE))
}

pub fn key_name(field: &str, v: &str) -> Result<(), InputError> {
    let ok = len_between(v, 1, 127) && v.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-');
    ok.then_some(())
        .ok_or_else(|| fail(field, v, "key name", KEY_RULE))
}

pub fn location(field: &str, v: &str) -> Result<(), InputError> {
    let ok = len_between(v, 2, 40)
        && v.bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    ok.then_some(())
        .ok_or_else(|| fail(field, v, "location", LOCATION_RULE))
}

pub fn ip_range(field: &str, v: &str) -> Result<(), InputError> {
    let (addr, prefix) = match v.split_once('/') {
        Some((a, p)) => (a, Some(p)),
        None => (v, None),
    };
    // std accepts only dotted-quad with no leading zeros: exactly what Key Vault takes.
    let addr_ok = addr.parse::<std::net::Ipv4Addr>().is_ok();
    // A prefix is written as Key Vault writes it back: no leading zero (`/08`).
    let prefix_ok = prefix.is_none_or(|p| {
        !p.is_empty()
            && p.len() <= 2
            && p.bytes().all(|b| b.is_ascii_digit())
            && !(p.len() == 2 && p.starts_with('0'))
            && p.parse::<u8>().is_ok_and(|n| n <= 32)
    });
    (addr_ok && prefix_ok)
        .then_some(())
        .ok_or_else(|| fail(field, v, "IP range", IP_RULE))
}

/// An ISO 8601 duration of whole years, months, weeks and days (`P90D`, `P1Y`,
/// `P3M`), at least 7 days long: Key Vault's shortest rotation interval. Returns the
/// duration's length in days, counting a month as 28 days so the minimum is never
/// overstated.
pub fn rotation_interval(field: &str, v: &str) -> Result<u32, InputError> {
    let rule = "it must be an ISO 8601 duration in years, months, weeks or days (such as 'P90D', 'P12W', 'P1Y') of at least 7 days, Key Vault's shortest rotation interval";
    let bad = || fail(field, v, "rotation interval", rule);
    let rest = v.strip_prefix('P').ok_or_else(bad)?;
    if rest.is_empty() || rest.contains('T') {
        return Err(bad());
    }
    let mut days: u64 = 0;
    let mut number = String::new();
    let mut last_unit = 0;
    for c in rest.chars() {
        if c.is_ascii_digit() {
            // No leading zeros (`P0007D`): Key Vault stores the duration as written.
            if number == "0" {
                return Err(bad());
            }
            number.push(c);
            if number.len() > 5 {
                return Err(bad());
            }
            continue;
        }
        let (order, per) = match c {
            'Y' => (1, 365),
            'M' => (2, 28),
            'W' => (3, 7),
            'D' => (4, 1),
            _ => return Err(bad()),
        };
        if number.is_empty() || order <= last_unit {
            return Err(bad());
        }
        days += number.parse::<u64>().map_err(|_| bad())? * per;
        number.clear();
        last_unit = order;
    }
    if !number.is_empty() || !(7..=36_500).contains(&days) {
        return Err(bad());
    }
    Ok(days as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_names() {
        assert!(registry_name("registry_name", "myregistry01").is_ok());
        for bad in [
            "abcd",
            "My-Registry",
            "my-registry",
            &"a".repeat(51),
            "regіstry1", /* Cyrillic i */
            "reg;rm -rf",
        ] {
            let e = registry_name("registry_name", bad).unwrap_err();
            assert_eq!(e.field, "registry_name");
            assert!(e.problem.contains("5-50"), "{e}");
        }
    }

    #[test]
    fn key_vault_names() {
        assert!(key_vault_name("f", "kv-cmk-01").is_ok());
        for bad in [
            "kv",
            "1kv",
            "kv-",
            "kv--x",
            "kv_x",
            &"a".repeat(25),
            "k$(id)",
        ] {
            assert!(key_vault_name("f", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn other_names() {
        assert!(resource_group("f", "rg-app_(prod).1").is_ok());
        assert!(resource_group("f", "rg.").is_err());
        assert!(resource_group("f", "").is_err());
        assert!(resource_group("f", "rg name").is_err());
        assert!(identity_name("f", "id-acr_cmk").is_ok());
        assert!(identity_name("f", "-id").is_err());
        assert!(identity_name("f", "[system]").is_err());
        assert!(key_name("f", "cmk-key-1").is_ok());
        assert!(key_name("f", "cmk_key").is_err());
        assert!(hsm_name("f", "contoso-hsm-01").is_ok());
        for bad in ["-hsm", "hsm-", "h", "hsm--x", "hsm_x"] {
            let e = hsm_name("hsm_name", bad).unwrap_err();
            assert!(e.problem.contains("Managed HSM name"), "{e}");
        }
        // Azure allows a leading hyphen here; commands join such values to their flag.
        assert!(resource_group("f", "-rg").is_ok());
        for refused in ["-h", "--debug"] {
            assert!(registry_name("f", refused).is_err());
            assert!(key_vault_name("f", refused).is_err());
            assert!(identity_name("f", refused).is_err());
            assert!(location("f", refused).is_err());
        }
        assert!(location("f", "westeurope").is_ok());
        assert!(location("f", "West Europe").is_err());
    }

    #[test]
    fn ip_ranges() {
        for ok in ["203.0.113.7", "203.0.113.0/24", "0.0.0.0/0"] {
            assert!(ip_range("f", ok).is_ok(), "{ok}");
        }
        for bad in [
            "203.0.113.0/33",
            "203.0.113",
            "::1",
            "1.2.3.4/",
            "1.2.3.4/024",
            "1.2.3.4/08",
            "1.2.3.4; ls",
            "01.2.3.4",
        ] {
            assert!(ip_range("f", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn rotation_intervals() {
        assert_eq!(rotation_interval("f", "P90D").unwrap(), 90);
        assert_eq!(rotation_interval("f", "P1W").unwrap(), 7);
        assert_eq!(rotation_interval("f", "P1Y6M").unwrap(), 365 + 6 * 28);
        for bad in [
            "P6D",
            "90D",
            "P",
            "PT24H",
            "P1D2Y",
            "P1.5D",
            "P99999999D",
            "P1M1M",
            "P0007D",
            "P0D",
        ] {
            assert!(rotation_interval("f", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn shown_values_are_escaped_and_cut() {
        assert_eq!(shown("a\nb"), "\"a\\nb\"");
        assert!(shown(&"x".repeat(500)).ends_with("\"…"));
    }
}
