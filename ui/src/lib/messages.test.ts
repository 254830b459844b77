import { describe, expect, it } from "vitest";
import { dictionaries, en, id, interpolate } from "./messages";

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();

describe("dictionaries", () => {
  it("have exactly the same keys in id and en", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
  });

  it("have no empty strings", () => {
    for (const dict of Object.values(dictionaries)) {
      for (const [key, value] of Object.entries(dict)) {
        expect(value.trim(), key).not.toBe("");
      }
    }
  });

  it("use the same placeholders in both languages", () => {
    for (const key of Object.keys(id) as (keyof typeof id)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(id[key]));
    }
  });

  it("carry the agreed Indonesian wording", () => {
    expect(id["wizard.title"]).toBe("Selamat datang di Usahaku");
    expect(id["wizard.submit"]).toBe("Buat usaha");
    expect(id["settings.profile.saved"]).toBe("Profil usaha tersimpan.");
    expect(id["businessType.kuliner"]).toBe("Kuliner (makanan & minuman)");
    expect(id["businessType.toko"]).toBe("Toko / perdagangan");
    expect(id["timezone.WITA.hint"]).toBe("Bali, NTB, NTT, Sulawesi, Kalimantan Selatan, Timur & Utara");
    expect(id["taxpayer.badan"]).toBe("Badan usaha");
  });

  it("carry the agreed chart-of-accounts and date wording", () => {
    expect(id["accounts.intro"]).toBe(
      "Daftar akun untuk mengelompokkan uang masuk dan keluar. Tambahkan rekening bank kedua atau jenis beban baru di sini.",
    );
    expect(id["books.tab.accounts"]).toBe("Bagan akun");
    expect(id["field.account_code.help"]).toBe("Kosongkan untuk kode otomatis.");
    expect(id["role.option.cash"]).toBe("Kas / laci kasir");
    expect(id["role.option.loan"]).toBe("Utang bank / pinjaman");
    expect(id["date.placeholder"]).toBe("hh/bb/tttt");
    expect(en["date.placeholder"]).toBe("dd/mm/yyyy");
  });

  it("carry the agreed sync wording", () => {
    expect(id["sync.now"]).toBe("Sinkronkan sekarang");
    expect(id["sync.chip.none"]).toBe("Belum terhubung");
    expect(id["sync.chip.syncing"]).toBe("Menyinkron…");
    expect(id["sync.chip.error"]).toBe("Gagal sinkron");
    expect(interpolate(id["sync.chip.synced"], { time: "10:15" })).toBe("Tersinkron 10:15");
    expect(interpolate(id["sync.chip.pending"], { count: 3 })).toBe("3 menunggu");
    expect(id["sync.status.pending"]).toBe("Menunggu dikirim");
    expect(id["sync.status.lastSync"]).toBe("Terakhir sinkron");
    expect(id["sync.connect.title"]).toBe("Hubungkan ke server");
    expect(id["sync.devices.title"]).toBe("Tambah perangkat");
    expect(id["sync.devices.make"]).toBe("Buat kode pasangan");
    expect(id["field.server_url.placeholder"]).toBe("http://192.168.1.10:8780");
    expect(id["wizard.join.open"]).toBe("Gabung ke usaha yang sudah ada");
    expect(id["join.back"]).toBe("Buat usaha baru");
    // The instruction names the wizard button exactly as the wizard shows it.
    expect(id["sync.devices.howto"]).toContain(`“${id["wizard.join.open"]}”`);
    expect(en["sync.devices.howto"]).toContain(`“${en["wizard.join.open"]}”`);
    expect(id["join.how"]).toContain(`“${id["sync.devices.make"]}”`);
    expect(en["join.how"]).toContain(`“${en["sync.devices.make"]}”`);
  });

  it("name the sidebar sections in both languages", () => {
    const sections = ["beranda", "kasir", "pesanan", "produk", "pelanggan", "pembukuan", "laporan", "sinkronisasi", "pengaturan"] as const;
    expect(sections.map((s) => id[`nav.${s}`])).toEqual([
      "Beranda", "Kasir", "Pesanan", "Produk", "Pelanggan", "Pembukuan", "Laporan", "Sinkronisasi", "Pengaturan",
    ]);
    expect(sections.map((s) => en[`nav.${s}`])).toEqual([
      "Home", "Cashier", "Orders", "Products", "Customers", "Bookkeeping", "Reports", "Sync", "Settings",
    ]);
  });
});

describe("interpolate", () => {
  it("fills named placeholders", () => {
    expect(interpolate("Halo, {name}!", { name: "Bu Sari" })).toBe("Halo, Bu Sari!");
    expect(interpolate("{section} belum tersedia di versi ini.", { section: "Kasir" })).toBe(
      "Kasir belum tersedia di versi ini.",
    );
  });

  it("fills repeated and several placeholders, numbers too", () => {
    expect(interpolate("{a}-{b}-{a}", { a: "x", b: 2 })).toBe("x-2-x");
    expect(interpolate("{zone} — {hint}", { zone: "WIT", hint: "Maluku & Papua" })).toBe("WIT — Maluku & Papua");
  });

  it("leaves unknown placeholders as written and text without params alone", () => {
    expect(interpolate("Perangkat {code}", {})).toBe("Perangkat {code}");
    expect(interpolate("Perangkat {code}")).toBe("Perangkat {code}");
    expect(interpolate("Tanpa parameter", { code: "X" })).toBe("Tanpa parameter");
  });

  it("does not interpret replacement patterns in values", () => {
    expect(interpolate("Halo, {name}!", { name: "$& $1 $$" })).toBe("Halo, $& $1 $$!");
  });
});

describe("Produk wording", () => {
  it("uses the plain words a shop owner knows", () => {
    expect(id["nav.produk"]).toBe("Produk");
    expect(id["products.tab.count"]).toBe("Stok opname");
    expect(id["products.tab.low"]).toBe("Stok menipis & kedaluwarsa");
    expect(id["low.title"]).toBe("Stok menipis");
    expect(id["expiring.title"]).toBe("Segera kedaluwarsa");
    expect(id["products.tab.value"]).toBe("Nilai persediaan");
    expect(id["products.tab.suppliers"]).toBe("Pemasok");
    expect(id["products.receive"]).toBe("Barang masuk");
    expect(id["card.title"]).toBe("Kartu stok");
    expect(id["col.hpp"]).toBe("HPP/unit");
    expect(id["product.tiers.title"]).toBe("Harga grosir");
    expect(id["field.product.unit"]).toBe("Satuan");
    expect(id["field.product.sku.placeholder"]).toBe("kosongkan: dibuat otomatis");
    expect(id["low.empty"]).toBe("Semua stok aman.");
    expect(id["products.empty.title"]).toBe("Tambahkan produk pertama Anda");
    expect(id["count.scan"]).toBe("Pindai barcode atau ketik SKU/nama, lalu Enter");
  });

  it("names the new kinds of journal entry", () => {
    expect([id["entryKind.purchase"], id["entryKind.stock_adjustment"], id["entryKind.sale"]]).toEqual([
      "Pembelian barang",
      "Penyesuaian stok",
      "Penjualan (HPP)",
    ]);
    expect([en["entryKind.purchase"], en["entryKind.stock_adjustment"], en["entryKind.sale"]]).toEqual([
      "Stock purchase",
      "Stock adjustment",
      "Sale (cost of goods)",
    ]);
  });

  it("words product photos as agreed, the refusal as the backend sends it", () => {
    expect(id["photo.pick"]).toBe("Pilih foto…");
    expect(id["photo.remove"]).toBe("Hapus foto");
    expect(id["photo.none"]).toBe("Belum ada foto");
    expect(id["photo.hint"]).toBe("Foto asli disimpan di komputer ini; versi kecil ikut tersinkron.");
    // Shown before a too-large file is sent, so it reads like the backend's own refusal.
    expect(id["photo.bad"]).toBe("Foto tidak bisa dibaca. Pilih gambar JPG, PNG atau WebP, paling besar 20 MB.");
    expect(en["photo.bad"]).toBe("The photo cannot be read. Pick a JPG, PNG or WebP picture of at most 20 MB.");
    expect(interpolate(id["photo.alt"], { name: "Kopi Bubuk" })).toBe("Foto Kopi Bubuk");
  });

  it("fills in the import and stock count sentences", () => {
    expect(interpolate(id["import.confirm"], { count: 118 })).toBe("Impor 118 produk");
    expect(interpolate(id["count.done.down"], { count: 2, amount: "Rp8.250" })).toBe(
      "Hasil opname tersimpan: 2 produk disesuaikan. Nilai persediaan berkurang Rp8.250.",
    );
    expect(interpolate(id["receive.saved"], { count: 1, amount: "Rp72.600" })).toBe(
      "Barang masuk tercatat: 1 produk, total Rp72.600.",
    );
  });
});

describe("Kasir wording", () => {
  it("uses the words a cashier knows", () => {
    expect([id["kasir.tab.sale"], id["kasir.tab.history"], id["kasir.tab.recap"], id["kasir.tab.settings"]]).toEqual([
      "Penjualan",
      "Riwayat nota",
      "Rekap harian",
      "Pengaturan nota & QRIS",
    ]);
    expect(id["kasir.scan.label"]).toBe("Pindai barcode atau ketik nama/SKU, lalu Enter");
    expect(id["kasir.pay"]).toBe("Bayar");
    expect(id["kasir.pay.exact"]).toBe("Uang pas");
    expect(id["kasir.pay.change"]).toBe("Kembalian");
    expect(id["kasir.pay.addLine"]).toBe("+ Bayar dengan cara lain");
    expect(id["kasir.qris.dynamic"]).toBe("QR berisi nominal (QRIS dinamis)");
    expect(id["kasir.qris.confirm"]).toBe("Pembayaran QRIS sudah masuk");
    expect(id["kasir.done.new"]).toBe("Transaksi baru");
    expect(id["kasir.nota.wa"]).toBe("Kirim ke WhatsApp");
    expect(id["kasir.nota.copy"]).toBe("Salin teks nota");
    expect(id["kasir.hold"]).toBe("Tahan");
    expect(id["kasir.status.cancelled"]).toBe("Dibatalkan");
    expect(id["kasir.status.cancellation"]).toBe("Pembatalan");
    expect(id["kasir.recap.cashExpected"]).toBe("Uang tunai yang seharusnya di laci");
    expect(id["kasir.settings.qris.image"]).toBe("Pilih gambar QRIS");
    expect(en["kasir.method.dompet"]).toBe("E-wallet");
  });

  it("fills in the cashier sentences", () => {
    expect(interpolate(id["kasir.pay.short"], { amount: "Rp5.000" })).toBe("Kurang Rp5.000");
    expect(interpolate(en["kasir.pay.short"], { amount: "Rp5.000" })).toBe("Rp5.000 short");
    expect(interpolate(id["kasir.held"], { count: 2 })).toBe("Ditahan (2)");
    expect(interpolate(id["kasir.recap.over"], { amount: "Rp2.000" })).toBe("Lebih Rp2.000");
    expect(interpolate(id["kasir.recap.short"], { amount: "Rp4.500" })).toBe("Kurang Rp4.500");
    expect(interpolate(id["kasir.cancel.done"], { number: "A-0001", cancel: "A-0002" })).toBe(
      "Nota A-0001 dibatalkan. Nota pembatalan: A-0002.",
    );
  });

  it("names the buttons in the hints exactly as the buttons read", () => {
    expect(id["kasir.pay.qrisPending"]).toContain(`“${id["kasir.qris.confirm"]}”`);
    expect(en["kasir.pay.qrisPending"]).toContain(`“${en["kasir.qris.confirm"]}”`);
    expect(id["kasir.qris.none"]).toContain(`“${id["kasir.tab.settings"]}”`);
    expect(en["kasir.qris.none"]).toContain(`“${en["kasir.tab.settings"]}”`);
    expect(id["kasir.nota.printer.none"]).toContain(`“${id["kasir.tab.settings"]}”`);
    expect(en["kasir.nota.printer.none"]).toContain(`“${en["kasir.tab.settings"]}”`);
    expect(id["kasir.settings.qris.read"]).toContain(id["kasir.settings.qris.save"]);
    expect(en["kasir.settings.qris.read"]).toContain(en["kasir.settings.qris.save"]);
  });
});

describe("Pelanggan wording", () => {
  it("names the customer groups as a shop owner says them", () => {
    expect([id["segment.setia"], id["segment.baru"], id["segment.berisiko"], id["segment.tidak_aktif"], id["segment.reguler"]]).toEqual([
      "Pelanggan setia",
      "Baru",
      "Berisiko hilang",
      "Tidak aktif",
      "Reguler",
    ]);
    expect(interpolate(id["segment.about.berisiko"], { days: 60 })).toBe(
      "Sudah lama tidak belanja: lebih dari 60 hari. Coba sapa lewat WhatsApp.",
    );
    expect([id["customers.tab.list"], id["customers.tab.service"], id["customers.tab.duplicates"], id["customers.tab.settings"]]).toEqual([
      "Daftar pelanggan",
      "Layanan",
      "Duplikat",
      "Pengaturan",
    ]);
    expect(id["customer.whatsapp"]).toBe("Chat WhatsApp");
    expect(id["customer.service.add"]).toBe("Catat pertanyaan/keluhan");
  });

  it("fills in the customer sentences", () => {
    expect(interpolate(id["service.respondedIn"], { time: interpolate(id["service.time.hoursMinutes"], { h: 2, m: 5 }) })).toBe(
      "Dijawab dalam 2 jam 5 menit",
    );
    expect(interpolate(id["crm.example"], { spend: "Rp100.000", points: 10, value: "Rp1.000" })).toBe(
      "Dengan pengaturan ini: belanja Rp100.000 dapat 10 poin, bisa ditukar jadi potongan Rp1.000.",
    );
    expect(interpolate(id["kasir.done.pointsEarned"], { points: 8 })).toBe("+8 poin");
    expect(interpolate(en["kasir.done.pointsEarned"], { points: 8 })).toBe("+8 points");
  });

  it("names the merge button in the duplicates list exactly as the confirmation does", () => {
    expect(id["duplicates.confirm.do"]).toBe(id["duplicates.mergeInto"]);
    expect(en["duplicates.confirm.do"]).toBe(en["duplicates.mergeInto"]);
  });
});

describe("Pelanggan marketing wording", () => {
  it("names the new tabs and buttons as agreed", () => {
    expect([id["customers.tab.reviews"], id["customers.tab.campaign"], id["customers.tab.content"], id["customers.tab.reports"]]).toEqual([
      "Ulasan",
      "Pesan promosi",
      "Rencana konten",
      "Laporan",
    ]);
    expect(id["reviews.add"]).toBe("Catat ulasan");
    expect(id["reviews.testimonial"]).toBe("Jadikan testimoni");
    expect(id["reviews.onlyTestimonials"]).toBe("Hanya testimoni");
    expect(id["reviews.copy"]).toBe("Salin testimoni");
    expect(id["campaign.build"]).toBe("Buat pesan");
    expect(id["campaign.send"]).toBe("Kirim WA");
    expect(id["content.add"]).toBe("Tambah postingan");
    expect(id["content.remove"]).toBe("Hapus dari rencana");
    expect(id["orders.review.request"]).toBe("Minta ulasan lewat WhatsApp");
  });

  it("names the buttons in the hints exactly as the buttons read", () => {
    for (const d of [id, en]) {
      expect(d["reviews.copy.none"]).toContain(`“${d["reviews.testimonial"]}”`);
      expect(d["reviews.empty"]).toContain(`“${d["reviews.add"]}”`);
      expect(d["reviews.empty.testimonials"]).toContain(`“${d["reviews.onlyTestimonials"]}”`);
      expect(d["reviews.empty.testimonials"]).toContain(`“${d["reviews.testimonial"]}”`);
      expect(d["content.empty"]).toContain(`“${d["content.add"]}”`);
      expect(d["campaign.send.label"]).toContain(d["campaign.send"]);
      expect(d["campaign.sendAgain.label"]).toContain(d["campaign.sendAgain"]);
    }
  });

  it("keeps the backend's placeholders in the example message, in both languages", () => {
    for (const d of [id, en]) {
      expect(d["campaign.template.example"]).toContain("{nama}");
      expect(d["campaign.template.example"]).toContain("{produk_terakhir}");
      // Shown as written: t() has nothing to fill them with.
      expect(interpolate(d["campaign.template.example"])).toBe(d["campaign.template.example"]);
    }
  });

  it("says plainly that nothing is sent by itself", () => {
    expect(id["campaign.oneByOne"]).toContain("tidak ada pesan yang terkirim otomatis");
    expect(en["campaign.oneByOne"]).toContain("nothing is sent automatically");
  });
});
