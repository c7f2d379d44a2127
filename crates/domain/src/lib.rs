#![forbid(unsafe_code)]
//! samsyn's domain: the values, rules and arithmetic that the rest of the system
//! stands on. Nothing here does I/O, so every rule can be tested as a plain function.

pub mod agreement;
pub mod agreement_cycle;
pub mod audit;
pub mod care;
pub mod deviation;
pub mod discharge;
pub mod discharge_duties;
pub mod economy;
pub mod governance;
pub mod hex;
pub mod ical;
pub mod ids;
pub mod kva;
pub mod org;
pub mod password;
pub mod person;
pub mod policy;
pub mod principal;
pub mod protocol;
pub mod protocol_pdf;
pub mod roles;
pub mod stats;
pub mod throttle;
pub mod time_fmt;
pub mod token;

pub use ids::{InvalidValue, PartyCode, UnitCode, Username};
pub use principal::Principal;
pub use roles::{Role, RoleAssignment};
