//! `usahaku pelanggan …`: customers, service records, segments and loyalty settings from the
//! command line, through the same core functions as the app.

use crate::write_json as json;
use clap::Subcommand;
use std::io::Write;
use usahaku_core::crm::{CrmError, CustomerInput, InteractionInput, InteractionStatus, Segment};
use usahaku_core::marketing::{MarketingError, ReviewInput};
use usahaku_core::{CoreError, Lang, Store};

#[derive(Debug, clap::Args)]
pub(crate) struct CustomerArgs {
    /// Nama.
    #[arg(long, visible_alias = "nama", default_value = "")]
    name: String,
    /// Nomor HP/WhatsApp (0812…, +62 812…).
    #[arg(long, visible_alias = "hp", default_value = "")]
    phone: String,
    /// Alamat.
    #[arg(long, visible_alias = "alamat", default_value = "")]
    address: String,
    /// Tanggal lahir, mis. 17/08/1990.
    #[arg(long, visible_alias = "lahir", default_value = "")]
    birthday: String,
    /// Label, dipisah koma.
    #[arg(long, visible_alias = "label", default_value = "")]
    tags: String,
    /// Catatan.
    #[arg(long, visible_alias = "catatan", default_value = "")]
    notes: String,
    /// Asal pelanggan: toko, whatsapp, instagram, facebook, tokopedia, shopee, tiktok, lainnya.
    #[arg(long, visible_alias = "sumber", default_value = "")]
    source: String,
    /// Keluaran JSON.
    #[arg(long)]
    json: bool,
}

impl CustomerArgs {
    fn input(&self) -> CustomerInput {
        CustomerInput {
            name: self.name.clone(),
            phone: self.phone.clone(),
            address: self.address.clone(),
            birthday: self.birthday.clone(),
            tags: self.tags.clone(),
            notes: self.notes.clone(),
            source: self.source.clone(),
        }
    }
}

#[derive(Debug, Subcommand)]
pub(crate) enum PelangganAction {
    /// Tambah pelanggan.
    Tambah(CustomerArgs),
    /// Ubah pelanggan (isian yang diberikan saja; yang lain tetap).
    Ubah {
        /// Pelanggan (nama, nomor HP atau id).
        customer: String,
        #[command(flatten)]
        args: CustomerArgs,
    },
    /// Daftar pelanggan dengan belanja dan segmennya.
    Daftar {
        /// Hanya satu segmen: setia, baru, berisiko, tidak_aktif, reguler.
        #[arg(long, visible_alias = "segmen")]
        segment: Option<String>,
        /// Keluaran JSON.
        #[arg(long)]
        json: bool,
    },
    /// Cari pelanggan dari nama atau nomor HP.
    Cari {
        /// Teks yang dicari.
        query: String,
        /// Keluaran JSON.
        #[arg(long)]
        json: bool,
    },
    /// Halaman pelanggan: belanja, riwayat, layanan, poin.
    Lihat {
        /// Pelanggan (nama, nomor HP atau id).
        customer: String,
        /// Keluaran JSON.
        #[arg(long)]
        json: bool,
    },
    /// Gabungkan pelanggan ganda: riwayat DUPLIKAT pindah ke UTAMA.
    Gabung {
        /// Pelanggan yang dipertahankan.
        keep: String,
        /// Id pelanggan ganda.
        other: String,
    },
    /// Pelanggan dengan nomor HP yang sama.
    Duplikat {
        /// Keluaran JSON.
        #[arg(long)]
        json: bool,
    },
    /// Jumlah pelanggan per segmen.
    Segmen {
        /// Keluaran JSON.
        #[arg(long)]
        json: bool,
    },
    /// Catat pertanyaan, keluhan atau masukan.
    Keluhan {
        /// Pelanggan (nama, nomor HP atau id).
        customer: String,
        /// Isinya.
        subject: String,
        /// Jenis: pertanyaan, keluhan, masukan.
        #[arg(long, visible_alias = "jenis", default_value = "keluhan")]
        kind: String,
        /// Saluran: toko, whatsapp, instagram, …
        #[arg(long, visible_alias = "saluran", default_value = "")]
        channel: String,
        /// Tanggal tindak lanjut.
        #[arg(long = "follow-up", visible_alias = "tindak-lanjut", default_value = "")]
        follow_up: String,
    },
    /// Tanggapi atau tutup pertanyaan/keluhan: status diproses atau selesai.
    Tanggapi {
        /// Id catatan layanan.
        id: String,
        /// Status baru: diproses, selesai.
        #[arg(long, default_value = "diproses")]
        status: String,
        /// Jawaban untuk pelanggan.
        #[arg(long, visible_alias = "jawaban", default_value = "")]
        response: String,
        /// Tindak lanjut sudah dilakukan.
        #[arg(long = "done", visible_alias = "tindak-lanjut-selesai")]
        follow_up_done: bool,
    },
    /// Pertanyaan/keluhan yang masih terbuka dan tindak lanjut hari ini.
    Layanan {
        /// Keluaran JSON.
        #[arg(long)]
        json: bool,
    },
    /// Catat ulasan (bintang 1–5) untuk pesanan atau produk.
    Ulasan {
        /// Pelanggan (nama, nomor HP atau id).
        customer: String,
        /// Bintang 1–5.
        rating: String,
        /// Isi ulasan.
        #[arg(default_value = "")]
        text: String,
        /// Nomor pesanan yang diulas.
        #[arg(long, visible_alias = "pesanan", default_value = "")]
        order: String,
        /// Produk yang diulas (SKU atau barcode).
        #[arg(long, visible_alias = "produk", default_value = "")]
        product: String,
    },
    /// Tandai ulasan sebagai testimoni (atau --batal), atau tampilkan semua testimoni.
    Testimoni {
        /// Id ulasan; kosong untuk menampilkan teks testimoni.
        #[arg(default_value = "")]
        id: String,
        /// Hapus tanda testimoni.
        #[arg(long)]
        batal: bool,
    },
    /// Pesan WhatsApp minta ulasan untuk pesanan yang sudah selesai.
    MintaUlasan {
        /// Nomor pesanan.
        order: String,
    },
    /// Pesan WhatsApp pribadi dari templat: {nama}, {produk_terakhir}, {kode_promo}.
    Pesan {
        /// Templat pesan.
        template: String,
        /// Hanya satu segmen: setia, baru, berisiko, tidak_aktif, reguler.
        #[arg(long, visible_alias = "segmen")]
        segment: Option<String>,
        /// Kode promo untuk {kode_promo}.
        #[arg(long, visible_alias = "kode", default_value = "")]
        code: String,
        /// Keluaran JSON.
        #[arg(long)]
        json: bool,
    },
    /// Pengaturan poin dan segmen (yang diberikan saja).
    Atur {
        /// Satu poin untuk setiap sekian Rupiah belanja (0 = program poin mati).
        #[arg(long = "rupiah-per-poin")]
        rupiah_per_point: Option<i64>,
        /// Nilai satu poin saat ditukar (Rupiah).
        #[arg(long = "nilai-poin")]
        point_value: Option<i64>,
        /// Pelanggan baru: belanja pertama dalam sekian hari.
        #[arg(long = "hari-baru")]
        new_days: Option<i64>,
        /// Berisiko hilang: tidak belanja lebih dari sekian hari.
        #[arg(long = "hari-berisiko")]
        at_risk_days: Option<i64>,
        /// Tidak aktif: tidak belanja lebih dari sekian hari.
        #[arg(long = "hari-tidak-aktif")]
        inactive_days: Option<i64>,
        /// Pelanggan setia: minimal sekian kali belanja.
        #[arg(long = "min-setia")]
        loyal_purchases: Option<i64>,
    },
}

fn segment_label(s: Segment, lang: Lang) -> &'static str {
    match s {
        Segment::Loyal => lang.pick("Pelanggan setia", "Loyal"),
        Segment::New => lang.pick("Baru", "New"),
        Segment::AtRisk => lang.pick("Berisiko hilang", "At risk"),
        Segment::Inactive => lang.pick("Tidak aktif", "Inactive"),
        Segment::Regular => lang.pick("Reguler", "Regular"),
    }
}

pub(crate) fn pelanggan(store: &mut Store, action: PelangganAction, lang: Lang) -> Result<(), CoreError> {
    let mut out = std::io::stdout().lock();
    match action {
        PelangganAction::Tambah(a) => {
            let c = store.add_customer(&a.input())?;
            if a.json {
                return json(&mut out, &c);
            }
            writeln!(
                out,
                "{} {} ({})",
                lang.pick("Pelanggan ditambahkan:", "Customer added:"),
                c.name,
                c.id
            )?;
        }
        PelangganAction::Ubah { customer, args } => {
            let c = store.find_customer(&customer)?;
            let pick = |new: &str, old: String| if new.trim().is_empty() { old } else { new.to_owned() };
            let input = CustomerInput {
                name: pick(&args.name, c.name.clone()),
                phone: pick(&args.phone, c.phone.clone()),
                address: pick(&args.address, c.address.clone()),
                birthday: pick(&args.birthday, c.birthday.map(|d| d.to_string()).unwrap_or_default()),
                tags: pick(&args.tags, c.tags.join(", ")),
                notes: pick(&args.notes, c.notes.clone()),
                source: pick(&args.source, c.source.clone()),
            };
            let c = store.update_customer(c.id, &input)?;
            if args.json {
                return json(&mut out, &c);
            }
            writeln!(out, "{} {}", lang.pick("Pelanggan diubah:", "Customer changed:"), c.name)?;
        }
        PelangganAction::Daftar { segment, json: as_json } => {
            let segment = match segment.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(t) => Some(Segment::from_code(t).ok_or_else(|| CrmError::UnknownValue(t.to_owned()))?),
            };
            let list = store.customer_list(segment)?;
            if as_json {
                return json(&mut out, &list);
            }
            for c in &list {
                writeln!(
                    out,
                    "{:<28} {:<16} {:<16} {:>4}x {:>14}",
                    c.customer.name,
                    usahaku_core::profile::format_phone(&c.customer.phone),
                    segment_label(c.segment, lang),
                    c.purchases,
                    c.total.to_string()
                )?;
            }
        }
        PelangganAction::Cari { query, json: as_json } => {
            let found = store.search_customers(&query, 20)?;
            if as_json {
                return json(&mut out, &found);
            }
            for c in &found {
                writeln!(out, "{:<28} {}", c.name, usahaku_core::profile::format_phone(&c.phone))?;
            }
        }
        PelangganAction::Lihat { customer, json: as_json } => {
            let id = store.find_customer(&customer)?.id;
            let page = store.customer_page(id)?;
            if as_json {
                return json(&mut out, &page);
            }
            let s = &page.summary;
            writeln!(out, "{} ({})", s.customer.name, segment_label(s.segment, lang))?;
            writeln!(
                out,
                "{} {}x, {} {}, {} {}, {} {}",
                lang.pick("Belanja", "Purchases"),
                s.purchases,
                lang.pick("total", "total"),
                s.total,
                lang.pick("sisa tagihan", "owed"),
                s.open_balance,
                lang.pick("poin", "points"),
                s.points
            )?;
            for h in &page.history {
                writeln!(
                    out,
                    "  {} {:<8} {:<16} {:>14} {}",
                    usahaku_core::profile::format_date(h.date),
                    h.kind,
                    h.number,
                    h.total.to_string(),
                    h.items
                )?;
            }
            for i in &page.interactions {
                writeln!(out, "  [{}] {} {}: {}", i.status.code(), i.id, i.kind, i.subject)?;
            }
        }
        PelangganAction::Gabung { keep, other } => {
            let keep = store.find_customer(&keep)?.id;
            let other =
                uuid::Uuid::parse_str(other.trim()).map_err(|_| CrmError::UnknownCustomer(other.clone()))?;
            let c = store.merge_customers(keep, other)?;
            writeln!(out, "{} {}", lang.pick("Digabung ke", "Merged into"), c.name)?;
        }
        PelangganAction::Duplikat { json: as_json } => {
            let groups = store.duplicate_customers()?;
            if as_json {
                return json(&mut out, &groups);
            }
            for g in &groups {
                let names: Vec<String> = g.iter().map(|c| format!("{} ({})", c.name, c.id)).collect();
                writeln!(out, "{}: {}", usahaku_core::profile::format_phone(&g[0].phone), names.join(", "))?;
            }
        }
        PelangganAction::Segmen { json: as_json } => {
            let counts = store.segment_counts()?;
            if as_json {
                return json(&mut out, &counts);
            }
            for (s, n) in counts {
                writeln!(out, "{:<20} {n:>6}", segment_label(s, lang))?;
            }
        }
        PelangganAction::Keluhan { customer, subject, kind, channel, follow_up } => {
            let i =
                store.add_interaction(&InteractionInput { customer, kind, channel, subject, follow_up })?;
            writeln!(out, "{} {}", lang.pick("Dicatat:", "Logged:"), i.id)?;
        }
        PelangganAction::Tanggapi { id, status, response, follow_up_done } => {
            let id = uuid::Uuid::parse_str(id.trim()).map_err(|_| CrmError::UnknownInteraction)?;
            let status = InteractionStatus::from_code(status.trim())
                .ok_or_else(|| CrmError::UnknownValue(status.clone()))?;
            let i = store.update_interaction(id, status, &response, follow_up_done)?;
            writeln!(out, "{} {}", lang.pick("Status:", "Status:"), i.status.code())?;
        }
        PelangganAction::Layanan { json: as_json } => {
            let today = store.today()?;
            let queue = store.service_queue(today)?;
            if as_json {
                return json(&mut out, &queue);
            }
            for i in &queue {
                writeln!(
                    out,
                    "[{}] {} {}: {} ({})",
                    i.status.code(),
                    i.customer_name,
                    i.kind,
                    i.subject,
                    i.id
                )?;
            }
        }
        PelangganAction::Ulasan { customer, rating, text, order, product } => {
            let r = store.add_review(&ReviewInput {
                customer,
                order,
                product,
                rating,
                text,
                date: String::new(),
            })?;
            writeln!(
                out,
                "{} {} ({})",
                lang.pick("Ulasan dicatat:", "Review saved:"),
                "★".repeat(r.rating as usize),
                r.id
            )?;
        }
        PelangganAction::Testimoni { id, batal } => {
            if id.trim().is_empty() {
                writeln!(out, "{}", store.testimonials_text()?)?;
            } else {
                let id = uuid::Uuid::parse_str(id.trim()).map_err(|_| MarketingError::Unknown)?;
                let r = store.set_testimonial(id, !batal)?;
                writeln!(
                    out,
                    "{}",
                    if r.testimonial {
                        lang.pick("Dipakai sebagai testimoni.", "Used as a testimonial.")
                    } else {
                        lang.pick("Bukan testimoni lagi.", "No longer a testimonial.")
                    }
                )?;
            }
        }
        PelangganAction::MintaUlasan { order } => {
            let id = store.find_order(&order)?.id;
            let m = store.review_request(id, lang)?;
            writeln!(out, "{}\n{}", m.text, m.link)?;
        }
        PelangganAction::Pesan { template, segment, code, json: as_json } => {
            let segment = match segment.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(t) => Some(Segment::from_code(t).ok_or_else(|| CrmError::UnknownValue(t.to_owned()))?),
            };
            let messages = store.campaign(&template, segment, &code)?;
            if as_json {
                return json(&mut out, &messages);
            }
            for m in &messages {
                writeln!(out, "{}: {}", m.customer.name, m.link)?;
            }
        }
        PelangganAction::Atur {
            rupiah_per_point,
            point_value,
            new_days,
            at_risk_days,
            inactive_days,
            loyal_purchases,
        } => {
            let mut s = store.crm_settings()?;
            s.rupiah_per_point = rupiah_per_point.unwrap_or(s.rupiah_per_point);
            s.point_value = point_value.unwrap_or(s.point_value);
            s.new_days = new_days.unwrap_or(s.new_days);
            s.at_risk_days = at_risk_days.unwrap_or(s.at_risk_days);
            s.inactive_days = inactive_days.unwrap_or(s.inactive_days);
            s.loyal_purchases = loyal_purchases.unwrap_or(s.loyal_purchases);
            let s = store.set_crm_settings(&s)?;
            json(&mut out, &s)?;
        }
    }
    Ok(())
}
