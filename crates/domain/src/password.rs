//! Passwords as argon2id hashes. Verification of an unknown user spends the same
//! time as of a known one, so the login answer does not tell which usernames exist.

use argon2::{
    Argon2,
    password_hash::{PasswordHasher, PasswordVerifier, phc::PasswordHash},
};
use std::sync::OnceLock;

/// The shortest password accepted for a new account.
pub const MIN_LENGTH: usize = 10;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    #[error("lösenordet är tomt")]
    Empty,
    #[error("lösenordet måste ha minst {MIN_LENGTH} tecken")]
    TooShort,
}

/// Hashes a new password after checking that it is acceptable.
pub fn hash_new(password: &str) -> Result<String, PasswordError> {
    if password.is_empty() {
        return Err(PasswordError::Empty);
    }
    if password.chars().count() < MIN_LENGTH {
        return Err(PasswordError::TooShort);
    }
    Ok(hash(password))
}

fn hash(password: &str) -> String {
    let mut salt = [0u8; 16];
    rand::RngCore::fill_bytes(&mut rand::rng(), &mut salt);
    Argon2::default()
        .hash_password_with_salt(password.as_bytes(), &salt)
        .expect("argon2id with default parameters hashes any input")
        .to_string()
}

/// Checks a password against a stored hash; with `None` (unknown user) it checks
/// against a fixed dummy hash and answers false, spending the same time.
pub fn verify(password: &str, stored: Option<&str>) -> bool {
    static DUMMY: OnceLock<String> = OnceLock::new();
    let dummy = DUMMY.get_or_init(|| hash("samsyn-dummy-password"));
    let (hash_text, known) = match stored {
        Some(h) => (h, true),
        None => (dummy.as_str(), false),
    };
    let ok = PasswordHash::new(hash_text)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false);
    ok && known
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hashed_password_verifies_and_a_wrong_one_does_not() {
        let h = hash_new("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify("correct horse battery", Some(&h)));
        assert!(!verify("wrong horse battery", Some(&h)));
    }

    #[test]
    fn an_unknown_user_never_verifies() {
        assert!(!verify("samsyn-dummy-password", None));
    }

    #[test]
    fn empty_and_short_passwords_are_refused() {
        assert_eq!(hash_new(""), Err(PasswordError::Empty));
        assert_eq!(hash_new("kort"), Err(PasswordError::TooShort));
    }

    #[test]
    fn a_corrupt_stored_hash_does_not_verify() {
        assert!(!verify("x", Some("not-a-hash")));
    }
}
