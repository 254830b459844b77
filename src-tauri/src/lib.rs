//! The desktop shell: Tauri commands that hand off to `usahaku-core` in a line or two.
//! Logic lives in the core; this crate only holds the open store and the UI language.

mod books;
mod kasir;
mod pelanggan;
mod pesanan;
mod products;
mod stock;
mod sync;

use serde::Serialize;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use tauri::Manager;
use usahaku_core::{Clock, CoreError, Home, Lang, NewBusiness, Profile, ProfileInput, Store, SystemClock};

/// An error as the UI shows it: a stable code, a translated message, and the input to mark.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct UiError {
    /// Stable machine-readable code.
    pub code: String,
    /// Message in the user's language.
    pub message: String,
    /// The input field the error is about, if any.
    pub field: Option<String>,
}

impl UiError {
    fn from_core(e: &CoreError, lang: Lang) -> Self {
        tracing::warn!(error = %e, "command failed");
        UiError { code: e.code().to_owned(), message: e.message(lang), field: e.field().map(str::to_owned) }
    }

    fn internal(lang: Lang) -> Self {
        UiError {
            code: "internal".into(),
            message: lang
                .pick(
                    "Terjadi kesalahan di aplikasi. Coba lagi.",
                    "Something went wrong in the app. Please try again.",
                )
                .into(),
            field: None,
        }
    }
}

/// What the UI needs at start.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct AppState {
    /// The open business, or `None` before the first-run wizard.
    pub profile: Option<Profile>,
    /// The UI language the app last heard.
    pub language: Lang,
    /// Where the businesses' files are.
    pub data_dir: String,
    /// Why the existing business could not be opened, if it could not.
    pub open_error: Option<UiError>,
}

/// The app's state: the data folder, the open business, the language.
#[derive(Debug)]
pub struct Shell {
    home: Home,
    clock: Arc<dyn Clock>,
    store: Mutex<Option<Store>>,
    lang: Mutex<Lang>,
    sync: sync::SyncState,
    pending_import: products::PendingImport,
}

impl Shell {
    /// A shell over the data folder `home`.
    pub fn new(home: Home, clock: Arc<dyn Clock>) -> Self {
        Shell {
            home,
            clock,
            store: Mutex::new(None),
            lang: Mutex::new(Lang::Id),
            sync: sync::SyncState::default(),
            pending_import: products::PendingImport::default(),
        }
    }

    fn lang(&self) -> Lang {
        self.lang.lock().map(|l| *l).unwrap_or_default()
    }

    fn state(&self) -> AppState {
        let lang = self.lang();
        let mut open_error = None;
        let profile = match self.store.lock() {
            Ok(mut guard) => {
                if guard.is_none() {
                    // Several businesses on one PC come with the business switcher; until then
                    // the newest one opens.
                    let newest = self.home.list().map(|all| all.last().map(|b| b.id.clone()));
                    match newest {
                        Ok(Some(id)) => match self.home.open(self.clock.clone(), Some(&id)) {
                            Ok(store) => *guard = Some(store),
                            Err(e) => open_error = Some(UiError::from_core(&e, lang)),
                        },
                        Ok(None) => {}
                        Err(e) => open_error = Some(UiError::from_core(&e, lang)),
                    }
                }
                guard.as_ref().map(Store::profile).transpose().unwrap_or_else(|e| {
                    open_error = Some(UiError::from_core(&e, lang));
                    None
                })
            }
            Err(_) => {
                open_error = Some(UiError::internal(lang));
                None
            }
        };
        AppState { profile, language: lang, data_dir: self.home.root().display().to_string(), open_error }
    }

    /// Where exported reports go: Documents/Usahaku, else `laporan` in the data folder.
    fn export_dir(&self) -> PathBuf {
        dirs::document_dir().map_or_else(|| self.home.root().join("laporan"), |d| d.join("Usahaku"))
    }

    /// A path for `name` in the export folder (made if missing).
    fn export_file(&self, name: &str) -> Result<PathBuf, UiError> {
        let dir = self.export_dir();
        std::fs::create_dir_all(&dir).map_err(|e| UiError::from_core(&CoreError::Io(e), self.lang()))?;
        Ok(dir.join(name))
    }

    fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> Result<T, CoreError>) -> Result<T, UiError> {
        let lang = self.lang();
        let mut guard = self.store.lock().map_err(|_| UiError::internal(lang))?;
        let store = guard
            .as_mut()
            .ok_or_else(|| UiError::from_core(&CoreError::NoBusiness(self.home.root().to_owned()), lang))?;
        f(store).map_err(|e| UiError::from_core(&e, lang))
    }
}

#[tauri::command]
#[specta::specta]
async fn app_state(shell: tauri::State<'_, Shell>) -> Result<AppState, UiError> {
    Ok(shell.state())
}

#[tauri::command]
#[specta::specta]
async fn set_language(shell: tauri::State<'_, Shell>, lang: Lang) -> Result<(), UiError> {
    let mut guard = shell.lang.lock().map_err(|_| UiError::internal(lang))?;
    *guard = lang;
    Ok(())
}

#[tauri::command]
#[specta::specta]
async fn create_business(shell: tauri::State<'_, Shell>, input: NewBusiness) -> Result<Profile, UiError> {
    let lang = shell.lang();
    let mut guard = shell.store.lock().map_err(|_| UiError::internal(lang))?;
    let (store, profile) =
        shell.home.create(shell.clock.clone(), input).map_err(|e| UiError::from_core(&e, lang))?;
    *guard = Some(store);
    Ok(profile)
}

#[tauri::command]
#[specta::specta]
async fn update_profile(shell: tauri::State<'_, Shell>, input: ProfileInput) -> Result<Profile, UiError> {
    shell.with_store(|s| s.update_profile(&input))
}

/// The command set, shared by the app and the bindings generator.
pub fn specta_builder() -> tauri_specta::Builder<tauri::Wry> {
    tauri_specta::Builder::<tauri::Wry>::new()
        // Our types serialise and deserialise the same way: one TS type each.
        .disable_serde_phases()
        // Our i64s are milliseconds since 1970 and Rupiah amounts, far below 2^53: exact as
        // JS numbers.
        .dangerously_cast_bigints_to_number()
        .commands(tauri_specta::collect_commands![
            app_state,
            set_language,
            create_business,
            update_profile,
            sync::sync_status,
            sync::sync_now,
            sync::sync_conflicts,
            sync::sync_register,
            sync::sync_pairing_code,
            sync::join_business,
            books::ledger_accounts,
            books::ledger_today,
            books::cash_book,
            books::record_cash,
            books::record_debt,
            books::record_payment,
            books::debts,
            books::debt_reminder,
            books::reverse_entry,
            books::report_profit_and_loss,
            books::report_balance_sheet,
            books::report_cash_flow,
            books::report_trial_balance,
            books::report_general_ledger,
            books::report_pph_final,
            books::report_notes,
            books::budget_report,
            books::set_budget,
            books::lock_month,
            books::locked_months,
            books::open_whatsapp,
            books::export_report,
            books::open_exported,
            books::add_account,
            books::rename_account,
            books::remove_account,
            books::record_journal,
            products::products,
            products::search_products,
            products::add_product,
            products::update_product,
            products::set_product_active,
            products::archived_products,
            products::preview_import,
            products::import_products,
            products::write_import_template,
            products::export_products,
            products::set_product_photo,
            products::remove_product_photo,
            products::product_thumbnail,
            stock::receive_stock,
            stock::adjust_stock,
            stock::count_stock,
            stock::stock_card,
            stock::stock_value,
            stock::book_stock_difference,
            stock::expiring,
            stock::supplier_purchases,
            stock::low_stock,
            stock::suppliers,
            stock::add_supplier,
            stock::update_supplier,
            stock::promos,
            stock::add_promo,
            stock::cancel_promo,
            stock::price_for,
            kasir::quote_sale,
            kasir::record_sale,
            kasir::cancel_sale,
            kasir::return_sale,
            kasir::quote_return,
            kasir::sales_report,
            kasir::sales_on,
            kasir::daily_recap,
            kasir::shop_settings,
            kasir::set_qris,
            kasir::read_qris_image,
            kasir::set_receipt_footer,
            kasir::qris_code,
            kasir::nota_pdf,
            kasir::nota_message,
            kasir::print_nota,
            pesanan::add_order,
            pesanan::order,
            pesanan::open_orders,
            pesanan::order_pdf,
            pesanan::order_message,
            pelanggan::customers,
            pelanggan::search_customers,
            pelanggan::customer_page,
            pelanggan::add_customer,
            pelanggan::update_customer,
            pelanggan::merge_customers,
            pelanggan::duplicate_customers,
            pelanggan::segment_counts,
            pelanggan::crm_settings,
            pelanggan::set_crm_settings,
            pelanggan::add_interaction,
            pelanggan::update_interaction,
            pelanggan::service_queue,
            pelanggan::add_review,
            pelanggan::reviews,
            pelanggan::set_testimonial,
            pelanggan::testimonials_text,
            pelanggan::review_request,
            pelanggan::campaign,
            pelanggan::content_plan,
            pelanggan::add_post,
            pelanggan::update_post,
            pelanggan::set_post_status,
            pelanggan::add_promo_code,
            pelanggan::promo_codes,
            pelanggan::set_promo_code_active,
            pelanggan::promo_code_report,
            pesanan::pay_order,
            pesanan::verify_order_payment,
            pesanan::set_order_status,
        ])
}

/// Where the TypeScript bindings live, relative to this crate.
pub const BINDINGS_PATH: &str = "../ui/src/lib/bindings.ts";

/// The data folder: `--home DIR`, else `USAHAKU_HOME`, else the platform's data folder.
fn home_from_env() -> Home {
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--home" {
            if let Some(dir) = args.next() {
                return Home::new(PathBuf::from(dir));
            }
        } else if let Some(dir) = a.strip_prefix("--home=") {
            return Home::new(PathBuf::from(dir));
        }
    }
    match std::env::var_os("USAHAKU_HOME") {
        Some(dir) if !dir.is_empty() => Home::new(PathBuf::from(dir)),
        _ => Home::platform_default(),
    }
}

/// Starts the desktop app. Logs go to stderr (`RUST_LOG=debug` for more).
pub fn run() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    let builder = specta_builder();
    let shell = Shell::new(home_from_env(), Arc::new(SystemClock));
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_opener::init())
        .manage(shell)
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move {
                let shell = handle.state::<Shell>();
                shell.sync_loop().await;
            });
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("Usahaku tidak dapat dimulai / could not start: {e}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The UI's bindings are generated from these commands; a stale file fails here.
    /// Regenerate with: `UPDATE_BINDINGS=1 cargo test -p usahaku-app bindings`.
    #[test]
    fn bindings_are_current() {
        let dir = tempfile::tempdir().unwrap();
        let fresh = dir.path().join("bindings.ts");
        specta_builder().export(specta_typescript::Typescript::default(), &fresh).unwrap();
        let fresh = std::fs::read_to_string(fresh).unwrap();
        let committed = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(BINDINGS_PATH);
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&committed, &fresh).unwrap();
        }
        let current = std::fs::read_to_string(&committed).unwrap_or_default();
        assert!(
            current == fresh,
            "ui/src/lib/bindings.ts is stale: UPDATE_BINDINGS=1 cargo test -p usahaku-app bindings"
        );
    }

    #[test]
    fn shell_creates_then_reopens_the_business() {
        use usahaku_core::{BusinessType, ManualClock, Timezone};
        let dir = tempfile::tempdir().unwrap();
        let clock: Arc<dyn Clock> = Arc::new(ManualClock::stepping(1_763_800_000_000, 1));
        let shell = Shell::new(Home::new(dir.path()), clock.clone());
        assert!(shell.state().profile.is_none());
        let bad = NewBusiness {
            name: "".into(),
            owner_name: "Sri".into(),
            business_type: BusinessType::Kuliner,
            timezone: Timezone::Wib,
        };
        let (store, _) = match shell.home.create(clock.clone(), bad) {
            Ok(_) => panic!("empty name accepted"),
            Err(e) => {
                let ui = UiError::from_core(&e, Lang::Id);
                assert_eq!((ui.code.as_str(), ui.field.as_deref()), ("invalid_input", Some("name")));
                assert_eq!(ui.message, "Nama usaha wajib diisi.");
                shell
                    .home
                    .create(
                        clock.clone(),
                        NewBusiness {
                            name: "Warung Sri".into(),
                            owner_name: "Sri".into(),
                            business_type: BusinessType::Kuliner,
                            timezone: Timezone::Wib,
                        },
                    )
                    .unwrap()
            }
        };
        drop(store);
        let again = Shell::new(Home::new(dir.path()), clock);
        assert_eq!(again.state().profile.unwrap().name, "Warung Sri");
    }
}
