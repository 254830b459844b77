//! Usahaku core: the domain and the local store.
//!
//! No Tauri, no HTTP. Every synced change goes through the op log ([`oplog`]); money and
//! quantities are integers ([`money`]); time comes from a [`clock::Clock`].

#[macro_use]
mod code_enum;

pub mod budget;
pub mod catalog;
pub mod catalog_import;
pub mod clock;
pub mod crm;
pub mod error;
pub mod home;
pub mod journal;
pub mod ledger;
pub mod ledger_input;
mod lww;
pub mod marketing;
pub mod money;
pub mod notes;
pub mod oplog;
pub mod orders;
pub mod photo;
pub mod pricing;
pub mod profile;
pub mod promo;
pub mod qris;
pub mod replica;
pub mod reports;
pub mod sales;
pub mod stock;
pub mod store;

pub use clock::{Clock, ManualClock, SystemClock};
pub use error::{CoreError, Lang, Result};
pub use home::{BusinessFile, Home};
pub use money::{AmountError, Money, Qty};
pub use profile::{BusinessType, NewBusiness, Profile, ProfileInput, TaxpayerKind, Timezone};
pub use replica::{Conflict, SyncLink, SyncPosition};
pub use store::{Device, Store};
