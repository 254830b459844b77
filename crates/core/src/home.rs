//! The data folder: one store file per business, `<home>/usaha/<business id>.usahaku`.

use crate::clock::{Clock, new_id};
use crate::error::{CoreError, Result};
use crate::profile::{NewBusiness, Profile};
use crate::store::Store;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The folder holding a device's businesses.
#[derive(Debug, Clone)]
pub struct Home {
    root: PathBuf,
}

/// A business file found in the data folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BusinessFile {
    /// The business id (file stem).
    pub id: String,
    /// The store file.
    pub path: PathBuf,
}

impl Home {
    /// A data folder at `root` (created when the first business is).
    pub fn new(root: impl Into<PathBuf>) -> Home {
        Home { root: root.into() }
    }

    /// The platform's data folder: `~/.local/share/usahaku` on Linux,
    /// `%APPDATA%\usahaku` on Windows.
    pub fn platform_default() -> Home {
        let base = dirs::data_dir().unwrap_or_else(|| PathBuf::from("."));
        Home::new(base.join("usahaku"))
    }

    /// The data folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    fn dir(&self) -> PathBuf {
        self.root.join("usaha")
    }

    /// The businesses in this folder, oldest first (ids are time-ordered UUIDv7).
    pub fn list(&self) -> Result<Vec<BusinessFile>> {
        let dir = self.dir();
        if !dir.exists() {
            return Ok(Vec::new());
        }
        let mut out = Vec::new();
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.extension().and_then(|e| e.to_str()) != Some("usahaku") {
                continue;
            }
            let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            if uuid::Uuid::parse_str(stem).is_ok() {
                out.push(BusinessFile { id: stem.to_owned(), path });
            }
        }
        out.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(out)
    }

    /// Validates `input`, then creates the business's store and its first profile op.
    /// Bad input writes nothing, not even a file.
    pub fn create(&self, clock: Arc<dyn Clock>, input: NewBusiness) -> Result<(Store, Profile)> {
        let profile = input.into_input().validated()?;
        let id = new_id(clock.as_ref());
        let path = self.dir().join(format!("{id}.usahaku"));
        let mut store = Store::create_file(&path, clock, id)?;
        let profile = store.init_profile(&profile)?;
        Ok((store, profile))
    }

    /// Creates this device's copy of an existing business after pairing: an empty store with
    /// the business's id, the device id and code the server registered, and the server link.
    /// The profile and everything else arrive with the first pull.
    pub fn join(
        &self,
        clock: Arc<dyn Clock>,
        business_id: uuid::Uuid,
        device: &crate::Device,
        link: &crate::SyncLink,
    ) -> Result<Store> {
        let path = self.dir().join(format!("{business_id}.usahaku"));
        let mut store = Store::create_file_as(&path, clock, business_id, &device.code, device.id.0)?;
        store.link_to_server(link)?;
        Ok(store)
    }

    /// Opens business `id`, or — with `None` — the only business in the folder.
    pub fn open(&self, clock: Arc<dyn Clock>, id: Option<&str>) -> Result<Store> {
        let all = self.list()?;
        let file = match id {
            Some(id) => all
                .into_iter()
                .find(|b| b.id.eq_ignore_ascii_case(id.trim()))
                .ok_or_else(|| CoreError::BusinessNotFound(id.to_owned()))?,
            None => match all.len() {
                0 => return Err(CoreError::NoBusiness(self.root.clone())),
                1 => all.into_iter().next().ok_or_else(|| CoreError::NoBusiness(self.root.clone()))?,
                _ => return Err(CoreError::ManyBusinesses(self.root.clone())),
            },
        };
        Store::open(&file.path, clock)
    }
}
