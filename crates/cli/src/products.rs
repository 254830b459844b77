//! `usahaku produk …`: the product catalogue from the command line, through the same core
//! functions as the app.

use crate::write_json as json;
use clap::{Args, Subcommand};
use std::io::Write;
use usahaku_core::catalog::{Product, ProductInput};
use usahaku_core::{CoreError, Lang, Store};

#[derive(Debug, Subcommand)]
pub(crate) enum ProdukAction {
    /// Tambah produk.
    Tambah(ProductArgs),
    /// Ubah produk (sebut SKU, barcode atau ID); isian yang tidak disebut tetap.
    Ubah {
        /// SKU, barcode atau ID produk.
        product: String,
        #[command(flatten)]
        args: ProductArgs,
    },
    /// Arsipkan produk (disembunyikan dari daftar dan kasir; riwayat tetap).
    Arsip {
        /// SKU, barcode atau ID produk.
        product: String,
    },
    /// Aktifkan lagi produk yang diarsipkan (muncul lagi di daftar dan kasir).
    Aktifkan {
        /// SKU, barcode atau ID produk.
        product: String,
    },
    /// Daftar produk aktif (atau yang diarsipkan, dengan --arsip).
    Daftar {
        /// Produk yang diarsipkan.
        #[arg(long = "archived", visible_alias = "arsip")]
        archived: bool,
        /// Keluaran JSON.
        #[arg(long)]
        json: bool,
    },
    /// Cari produk dari nama, SKU atau barcode (sebagian kata pun bisa).
    Cari {
        /// Kata yang dicari.
        query: String,
        /// Keluaran JSON.
        #[arg(long)]
        json: bool,
    },
    /// Impor produk dari berkas .xlsx atau .csv: tampilkan dulu, simpan dengan --ya.
    Impor {
        /// Berkas .xlsx, .xls, .ods atau .csv.
        file: std::path::PathBuf,
        /// Simpan semua baris yang benar.
        #[arg(long, visible_alias = "yes")]
        ya: bool,
        /// Keluaran JSON.
        #[arg(long)]
        json: bool,
    },
    /// Ekspor daftar produk ke .xlsx atau .csv (kolom sama dengan templat impor).
    Ekspor {
        /// Berkas tujuan.
        file: std::path::PathBuf,
    },
    /// Tulis templat impor (.xlsx) dengan petunjuk.
    Templat {
        /// Berkas tujuan.
        file: std::path::PathBuf,
    },
    /// Harga promo untuk satu periode.
    Promo {
        /// SKU, barcode atau ID produk.
        product: String,
        /// Harga promo per satuan.
        #[arg(long, visible_alias = "harga")]
        price: String,
        /// Tanggal mulai (kosong = hari ini).
        #[arg(long, visible_alias = "mulai", default_value = "")]
        start: String,
        /// Tanggal selesai.
        #[arg(long, visible_alias = "sampai")]
        end: String,
        /// Nama promo.
        #[arg(long, visible_alias = "nama", default_value = "")]
        name: String,
    },
}

#[derive(Debug, Args)]
pub(crate) struct ProductArgs {
    /// Nama produk.
    #[arg(long, visible_alias = "nama")]
    name: Option<String>,
    /// Harga jual, mis. 15.000.
    #[arg(long, visible_alias = "harga")]
    price: Option<String>,
    /// SKU (kosong = otomatis).
    #[arg(long)]
    sku: Option<String>,
    /// Barcode EAN-13, EAN-8 atau UPC-A.
    #[arg(long)]
    barcode: Option<String>,
    /// Kategori.
    #[arg(long, visible_alias = "kategori")]
    category: Option<String>,
    /// Satuan: pcs, kg, gram, liter, ml, pack, lusin, kodi, box, botol, bungkus, porsi, meter, set, lembar, karung.
    #[arg(long, visible_alias = "satuan")]
    unit: Option<String>,
    /// Harga grosir JUMLAH=HARGA, mis. --grosir 12=13.500 (boleh diulang; menggantikan yang lama).
    #[arg(long = "tier", visible_alias = "grosir")]
    tiers: Vec<String>,
    /// Deskripsi.
    #[arg(long, visible_alias = "deskripsi")]
    description: Option<String>,
    /// Nomor sertifikat halal.
    #[arg(long)]
    halal: Option<String>,
    /// Nomor izin BPOM atau P-IRT.
    #[arg(long)]
    bpom: Option<String>,
    /// Tanggal kedaluwarsa.
    #[arg(long, visible_alias = "kedaluwarsa")]
    expiry: Option<String>,
    /// Garansi.
    #[arg(long, visible_alias = "garansi")]
    warranty: Option<String>,
    /// Stok minimum (untuk daftar stok menipis).
    #[arg(long = "min-stock", visible_alias = "stok-min")]
    min_stock: Option<String>,
    /// Jasa atau barang pesanan: stok tidak dihitung.
    #[arg(long = "untracked", visible_alias = "tanpa-stok")]
    untracked: bool,
    /// Isi paket SKU=JUMLAH (boleh diulang; menjadikan produk ini paket).
    #[arg(long = "component", visible_alias = "isi")]
    components: Vec<String>,
}

impl ProductArgs {
    /// The given flags over `base`.
    fn over(self, mut p: ProductInput) -> Result<ProductInput, CoreError> {
        let set = |slot: &mut String, v: Option<String>| {
            if let Some(v) = v {
                *slot = v;
            }
        };
        set(&mut p.name, self.name);
        set(&mut p.price, self.price);
        set(&mut p.sku, self.sku);
        set(&mut p.barcode, self.barcode);
        set(&mut p.category, self.category);
        set(&mut p.unit, self.unit);
        set(&mut p.description, self.description);
        set(&mut p.halal_no, self.halal);
        set(&mut p.bpom_no, self.bpom);
        set(&mut p.expiry, self.expiry);
        set(&mut p.warranty, self.warranty);
        set(&mut p.min_stock, self.min_stock);
        if self.untracked {
            p.tracked = false;
        }
        if !self.components.is_empty() {
            p.components = Vec::new();
            for c in self.components {
                let (sku, q) = c.rsplit_once('=').ok_or_else(|| {
                    CoreError::from(usahaku_core::catalog::ProductError::BadComponent(c.clone()))
                })?;
                p.components.push((sku.to_owned(), q.to_owned()));
            }
        }
        if !self.tiers.is_empty() {
            p.tiers = Vec::new();
            for t in self.tiers {
                let (q, price) = t.split_once('=').ok_or_else(|| {
                    CoreError::from(usahaku_core::catalog::ProductError::BadTier(t.clone()))
                })?;
                p.tiers.push((q.to_owned(), price.to_owned()));
            }
        }
        Ok(p)
    }
}

fn line(out: &mut impl Write, p: &Product) -> Result<(), CoreError> {
    let barcode = if p.barcode.is_empty() { "-" } else { p.barcode.as_str() };
    writeln!(out, "{:<10} {:<13} {:<44} {:>12} / {}", p.sku, barcode, p.name, p.price.to_string(), p.unit)?;
    for t in &p.tiers {
        writeln!(out, "{:<69} ≥ {} {}: {}", "", t.min_qty, p.unit, t.price)?;
    }
    Ok(())
}

pub(crate) fn produk(store: &mut Store, action: ProdukAction, lang: Lang) -> Result<(), CoreError> {
    let mut out = std::io::stdout().lock();
    match action {
        ProdukAction::Tambah(args) => {
            let input = args.over(ProductInput { tracked: true, ..ProductInput::default() })?;
            let p = store.add_product(&input)?;
            write!(out, "{} ", lang.pick("Produk ditambahkan:", "Product added:"))?;
            line(&mut out, &p)
        }
        ProdukAction::Ubah { product, args } => {
            let current = store.find_product(&product)?;
            let input = args.over(current.input())?;
            let p = store.update_product(current.id, &input)?;
            write!(out, "{} ", lang.pick("Produk diubah:", "Product changed:"))?;
            line(&mut out, &p)
        }
        ProdukAction::Arsip { product } => {
            let p = store.find_product(&product)?;
            store.set_product_active(p.id, false)?;
            writeln!(out, "{} {} {}", lang.pick("Produk diarsipkan:", "Product archived:"), p.sku, p.name)?;
            Ok(())
        }
        ProdukAction::Aktifkan { product } => {
            let p = store.find_product(&product)?;
            store.set_product_active(p.id, true)?;
            writeln!(
                out,
                "{} {} {}",
                lang.pick("Produk aktif lagi:", "Product active again:"),
                p.sku,
                p.name
            )?;
            Ok(())
        }
        ProdukAction::Daftar { archived, json: as_json } => {
            let all = if archived { store.archived_products()? } else { store.products()? };
            if as_json {
                return json(&mut out, &all);
            }
            if all.is_empty() {
                let none = if archived {
                    lang.pick("Tidak ada produk yang diarsipkan.", "No archived products.")
                } else {
                    lang.pick("Belum ada produk.", "No products yet.")
                };
                writeln!(out, "{none}")?;
            }
            for p in &all {
                line(&mut out, p)?;
            }
            Ok(())
        }
        ProdukAction::Cari { query, json: as_json } => {
            let hits = store.search_products(&query, 50)?;
            if as_json {
                return json(&mut out, &hits);
            }
            if hits.is_empty() {
                writeln!(out, "{}", lang.pick("Tidak ada produk yang cocok.", "No matching products."))?;
            }
            for p in &hits {
                line(&mut out, p)?;
            }
            Ok(())
        }
        ProdukAction::Impor { file, ya, json: as_json } => {
            crate::stock::impor(store, &file, ya, as_json, lang)
        }
        ProdukAction::Ekspor { file } => crate::stock::ekspor(store, &file, false, lang),
        ProdukAction::Templat { file } => crate::stock::ekspor(store, &file, true, lang),
        ProdukAction::Promo { product, price, start, end, name } => crate::stock::promo(
            store,
            usahaku_core::pricing::PromoInput { product, name, price, start, end },
            lang,
        ),
    }
}
