//! Tokens, pairing codes and owner passwords.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use sha2::{Digest, Sha256};

/// Crockford base32: no I, L, O, U, so codes read aloud and typed by hand survive.
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

fn random_bytes<const N: usize>() -> Result<[u8; N], getrandom::Error> {
    let mut b = [0u8; N];
    getrandom::fill(&mut b)?;
    Ok(b)
}

/// A new device token (`uhk_` + 48 hex digits, 192 random bits: short, since it rides on
/// every poll) and its hash for storage.
pub fn new_token() -> Result<(String, [u8; 32]), getrandom::Error> {
    let bytes: [u8; 24] = random_bytes()?;
    let token = format!("uhk_{}", bytes.iter().map(|b| format!("{b:02x}")).collect::<String>());
    let hash = hash_secret(&token);
    Ok((token, hash))
}

/// SHA-256 of a high-entropy secret (tokens, normalised pairing codes).
pub fn hash_secret(secret: &str) -> [u8; 32] {
    Sha256::digest(secret.as_bytes()).into()
}

/// A new pairing code, `XXXX-XXXX` (40 random bits).
pub fn new_pairing_code() -> Result<String, getrandom::Error> {
    let bytes: [u8; 8] = random_bytes()?;
    let chars: String = bytes.iter().map(|b| CROCKFORD[usize::from(b & 31)] as char).collect();
    Ok(format!("{}-{}", &chars[..4], &chars[4..]))
}

/// The canonical form of a typed code: upper case, no spaces or dashes, and the letters people
/// confuse mapped as Crockford says (O→0, I/L→1). `None` if it cannot be a code.
pub fn normalize_code(typed: &str) -> Option<String> {
    let mut out = String::with_capacity(8);
    for c in typed.chars() {
        let c = match c.to_ascii_uppercase() {
            ' ' | '-' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        };
        if !CROCKFORD.contains(&(c as u8)) || !c.is_ascii() {
            return None;
        }
        out.push(c);
    }
    (out.len() == 8).then_some(out)
}

/// Hashes an owner password with Argon2id.
pub fn hash_password(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt_bytes: [u8; 16] = random_bytes().map_err(|_| argon2::password_hash::Error::Crypto)?;
    let salt = SaltString::encode_b64(&salt_bytes)?;
    Ok(Argon2::default().hash_password(password.as_bytes(), &salt)?.to_string())
}

/// Checks a password against a stored Argon2id hash.
pub fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
        .unwrap_or(false)
}

/// The `n`-th device code of a business: A…Z, then AA, AB, …
pub fn device_code(n: u64) -> String {
    let mut n = n;
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_typeable() {
        let code = new_pairing_code().unwrap();
        assert_eq!(code.len(), 9);
        let norm = normalize_code(&code.to_lowercase()).unwrap();
        assert_eq!(norm, code.replace('-', ""));
        assert_eq!(normalize_code("abcd efgh").as_deref(), Some("ABCDEFGH"));
        assert_eq!(normalize_code("o0il-1234").as_deref(), Some("00111234"));
        assert_eq!(normalize_code("ABCD-EFG"), None);
        assert_eq!(normalize_code("ABCD-EFGU"), None);
    }

    #[test]
    fn passwords_verify() {
        let h = hash_password("rahasia-toko").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("rahasia-toko", &h));
        assert!(!verify_password("rahasia-tokO", &h));
    }

    #[test]
    fn device_codes_count_like_columns() {
        assert_eq!(device_code(0), "A");
        assert_eq!(device_code(1), "B");
        assert_eq!(device_code(25), "Z");
        assert_eq!(device_code(26), "AA");
        assert_eq!(device_code(27), "AB");
        assert_eq!(device_code(26 + 26 * 26), "AAA");
    }
}
