// UI text. Indonesian (`id`) is the source; English (`en`) must have exactly the same keys:
// `en` is typed as Record<MessageKey, string>, so a missing or extra key fails `npm run check`.
// Placeholders are written `{name}` and filled in by t(key, { name: ... }).

export const id = {
  "app.name": "Usahaku",
  "app.tagline": "Pembukuan dan penjualan untuk usaha Anda",
  "app.loading": "Membuka Usahaku…",
  "app.loadFailed.title": "Usahaku belum bisa dibuka",
  "app.loadFailed.body":
    "Data usaha tidak bisa dibaca. Coba lagi sebentar. Jika masih gagal, tutup Usahaku lalu buka kembali, atau hubungi pendamping Anda.",
  "app.retry": "Coba lagi",
  "app.offline": "Bekerja tanpa internet. Data tersimpan di komputer ini.",

  "error.unexpected": "Terjadi kesalahan yang tidak terduga. Silakan coba lagi.",
  "error.required.name": "Nama usaha wajib diisi.",
  "error.required.owner_name": "Nama pemilik wajib diisi.",
  "error.required.business_type": "Pilih jenis usaha terlebih dahulu.",

  "lang.groupLabel": "Bahasa tampilan",
  "lang.short.id": "ID",
  "lang.short.en": "EN",
  "lang.name.id": "Bahasa Indonesia",
  "lang.name.en": "English",

  "field.optional": "opsional",
  "field.name": "Nama usaha",
  "field.name.placeholder": "Contoh: Warung Bu Sari",
  "field.owner_name": "Nama pemilik",
  "field.owner_name.placeholder": "Contoh: Sari Wulandari",
  "field.business_type": "Jenis usaha",
  "field.business_type.placeholder": "Pilih jenis usaha…",
  "field.timezone": "Zona waktu",
  "field.timezone.help": "Dipakai untuk tanggal dan jam pada nota dan laporan.",
  "field.address": "Alamat",
  "field.address.placeholder": "Jalan, nomor, RT/RW, kelurahan, kecamatan, kota",
  "field.phone": "Nomor telepon/WhatsApp",
  "field.phone.placeholder": "Contoh: 0812 3456 7890",
  "field.phone.help": "Nomor yang bisa dihubungi pelanggan lewat telepon atau WhatsApp.",
  "field.npwp": "NPWP",
  "field.npwp.placeholder": "15 atau 16 digit",
  "field.npwp.help": "Nomor Pokok Wajib Pajak, 15 digit (lama) atau 16 digit. Boleh dikosongkan.",
  "field.taxpayer_kind": "Jenis wajib pajak",
  "field.taxpayer_kind.help": "Menentukan aturan PPh Final UMKM 0,5% yang berlaku untuk usaha Anda.",

  "businessType.kuliner": "Kuliner (makanan & minuman)",
  "businessType.fesyen": "Fesyen & pakaian",
  "businessType.kerajinan": "Kerajinan",
  "businessType.toko": "Toko / perdagangan",
  "businessType.jasa": "Jasa",
  "businessType.pertanian": "Pertanian & perikanan",
  "businessType.lainnya": "Lainnya",

  "timezone.WIB.long": "Waktu Indonesia Barat",
  "timezone.WIB.utc": "UTC+7",
  "timezone.WIB.hint": "Sumatra, Jawa, Kalimantan Barat & Tengah",
  "timezone.WITA.long": "Waktu Indonesia Tengah",
  "timezone.WITA.utc": "UTC+8",
  "timezone.WITA.hint": "Bali, NTB, NTT, Sulawesi, Kalimantan Selatan, Timur & Utara",
  "timezone.WIT.long": "Waktu Indonesia Timur",
  "timezone.WIT.utc": "UTC+9",
  "timezone.WIT.hint": "Maluku & Papua",
  "timezone.option": "{zone} — {long}",
  "timezone.detail": "{utc} · {hint}",

  "taxpayer.orang_pribadi": "Orang pribadi",
  "taxpayer.badan": "Badan usaha",

  "wizard.title": "Selamat datang di Usahaku",
  "wizard.intro":
    "Mari mulai dengan membuat usaha Anda. Hanya perlu satu menit, dan semua data tersimpan di komputer ini — tanpa perlu internet.",
  "wizard.submit": "Buat usaha",
  "wizard.saving": "Membuat usaha…",
  "wizard.footnote": "Alamat, nomor telepon, dan NPWP bisa dilengkapi nanti di Pengaturan.",

  "nav.label": "Menu utama",
  "nav.beranda": "Beranda",
  "nav.kasir": "Kasir",
  "nav.pesanan": "Pesanan",
  "nav.produk": "Produk",
  "nav.pelanggan": "Pelanggan",
  "nav.pembukuan": "Pembukuan",
  "nav.laporan": "Laporan",
  "nav.sinkronisasi": "Sinkronisasi",
  "nav.pengaturan": "Pengaturan",

  "topbar.device": "Perangkat {code}",
  "topbar.device.title": "Kode perangkat ini. Sebutkan kode ini jika meminta bantuan.",

  "home.greeting": "Halo, {name}!",
  "home.intro": "Usaha Anda sudah dibuat dan tersimpan dengan aman di komputer ini.",
  "home.details": "Data usaha",
  "home.next.title": "Yang bisa Anda lakukan sekarang",
  "home.next.profile": "Lengkapi profil usaha — alamat, nomor telepon/WhatsApp, dan NPWP — di Pengaturan.",
  "home.next.profile.action": "Buka Pengaturan",
  "home.next.language": "Ganti bahasa tampilan kapan saja lewat tombol ID / EN di kanan atas.",
  "home.next.coming":
    "Kasir, pesanan, produk, pelanggan, pembukuan, laporan, dan sinkronisasi sedang disiapkan untuk versi berikutnya.",

  "unavailable.title": "{section} belum tersedia di versi ini.",
  "unavailable.badge": "Segera hadir",
  "unavailable.back": "Kembali ke Beranda",
  "unavailable.kasir":
    "Nanti di sini Anda mencatat penjualan dengan cepat, menerima pembayaran tunai atau QRIS, dan mencetak nota.",
  "unavailable.pesanan":
    "Nanti di sini Anda mencatat pesanan pelanggan beserta uang muka (DP) dan ongkir, lalu memantaunya sampai barang dikirim.",
  "unavailable.produk":
    "Nanti di sini Anda menyimpan daftar produk dengan harga jual, harga pokok, dan jumlah stok.",
  "unavailable.pelanggan":
    "Nanti di sini Anda menyimpan data pelanggan, riwayat belanja mereka, dan piutang yang belum dibayar.",
  "unavailable.pembukuan":
    "Nanti di sini Anda mencatat pemasukan, pengeluaran, utang, dan piutang dalam buku kas.",
  "unavailable.laporan":
    "Nanti di sini Anda melihat laporan laba rugi, laporan posisi keuangan, dan perkiraan PPh Final UMKM.",
  "unavailable.sinkronisasi":
    "Nanti di sini data Anda dikirim ke perangkat lain saat ada internet. Tanpa internet pun semua data tetap aman di komputer ini.",

  "settings.title": "Pengaturan",
  "settings.intro": "Atur profil usaha dan bahasa tampilan.",
  "settings.profile.title": "Profil usaha",
  "settings.profile.intro": "Data ini akan dipakai pada nota, laporan, dan perhitungan pajak.",
  "settings.profile.save": "Simpan",
  "settings.profile.saving": "Menyimpan…",
  "settings.profile.saved": "Profil usaha tersimpan.",
  "settings.language.title": "Bahasa",
  "settings.language.intro": "Pilih bahasa tampilan Usahaku. Pesan dari aplikasi ikut berganti.",
  "settings.storage.title": "Penyimpanan data",
  "settings.storage.intro": "Semua data usaha tersimpan di folder ini pada komputer Anda:",
} satisfies Record<string, string>;

export type MessageKey = keyof typeof id;

export const en: Record<MessageKey, string> = {
  "app.name": "Usahaku",
  "app.tagline": "Bookkeeping and sales for your business",
  "app.loading": "Opening Usahaku…",
  "app.loadFailed.title": "Usahaku could not be opened",
  "app.loadFailed.body":
    "Your business data could not be read. Try again in a moment. If it still fails, close Usahaku and open it again, or ask your facilitator for help.",
  "app.retry": "Try again",
  "app.offline": "Works without internet. Data is stored on this computer.",

  "error.unexpected": "Something unexpected went wrong. Please try again.",
  "error.required.name": "Business name is required.",
  "error.required.owner_name": "Owner name is required.",
  "error.required.business_type": "Please choose a business type.",

  "lang.groupLabel": "Display language",
  "lang.short.id": "ID",
  "lang.short.en": "EN",
  "lang.name.id": "Bahasa Indonesia",
  "lang.name.en": "English",

  "field.optional": "optional",
  "field.name": "Business name",
  "field.name.placeholder": "Example: Warung Bu Sari",
  "field.owner_name": "Owner name",
  "field.owner_name.placeholder": "Example: Sari Wulandari",
  "field.business_type": "Business type",
  "field.business_type.placeholder": "Choose a business type…",
  "field.timezone": "Time zone",
  "field.timezone.help": "Used for dates and times on receipts and reports.",
  "field.address": "Address",
  "field.address.placeholder": "Street, number, RT/RW, village, district, city",
  "field.phone": "Phone/WhatsApp number",
  "field.phone.placeholder": "Example: 0812 3456 7890",
  "field.phone.help": "The number customers can call or message on WhatsApp.",
  "field.npwp": "NPWP (tax ID)",
  "field.npwp.placeholder": "15 or 16 digits",
  "field.npwp.help": "Taxpayer identification number, 15 digits (old) or 16 digits. May be left empty.",
  "field.taxpayer_kind": "Taxpayer type",
  "field.taxpayer_kind.help": "Decides which PPh Final UMKM 0.5% rules apply to your business.",

  "businessType.kuliner": "Culinary (food & drink)",
  "businessType.fesyen": "Fashion & clothing",
  "businessType.kerajinan": "Crafts",
  "businessType.toko": "Shop / trading",
  "businessType.jasa": "Services",
  "businessType.pertanian": "Agriculture & fisheries",
  "businessType.lainnya": "Other",

  "timezone.WIB.long": "Western Indonesia Time",
  "timezone.WIB.utc": "UTC+7",
  "timezone.WIB.hint": "Sumatra, Java, West & Central Kalimantan",
  "timezone.WITA.long": "Central Indonesia Time",
  "timezone.WITA.utc": "UTC+8",
  "timezone.WITA.hint": "Bali, NTB, NTT, Sulawesi, South, East & North Kalimantan",
  "timezone.WIT.long": "Eastern Indonesia Time",
  "timezone.WIT.utc": "UTC+9",
  "timezone.WIT.hint": "Maluku & Papua",
  "timezone.option": "{zone} — {long}",
  "timezone.detail": "{utc} · {hint}",

  "taxpayer.orang_pribadi": "Individual",
  "taxpayer.badan": "Business entity",

  "wizard.title": "Welcome to Usahaku",
  "wizard.intro":
    "Let's start by creating your business. It takes a minute, and all data stays on this computer — no internet needed.",
  "wizard.submit": "Create business",
  "wizard.saving": "Creating business…",
  "wizard.footnote": "You can add the address, phone number and NPWP later in Settings.",

  "nav.label": "Main menu",
  "nav.beranda": "Home",
  "nav.kasir": "Cashier",
  "nav.pesanan": "Orders",
  "nav.produk": "Products",
  "nav.pelanggan": "Customers",
  "nav.pembukuan": "Bookkeeping",
  "nav.laporan": "Reports",
  "nav.sinkronisasi": "Sync",
  "nav.pengaturan": "Settings",

  "topbar.device": "Device {code}",
  "topbar.device.title": "This device's code. Mention it when asking for help.",

  "home.greeting": "Hello, {name}!",
  "home.intro": "Your business has been created and is stored safely on this computer.",
  "home.details": "Business details",
  "home.next.title": "What you can do now",
  "home.next.profile": "Complete the business profile — address, phone/WhatsApp number and NPWP — in Settings.",
  "home.next.profile.action": "Open Settings",
  "home.next.language": "Switch the display language any time with the ID / EN buttons at the top right.",
  "home.next.coming":
    "Cashier, orders, products, customers, bookkeeping, reports and sync are being prepared for the next version.",

  "unavailable.title": "{section} is not available in this version yet.",
  "unavailable.badge": "Coming soon",
  "unavailable.back": "Back to Home",
  "unavailable.kasir":
    "Here you will record sales quickly, take cash or QRIS payments, and print receipts.",
  "unavailable.pesanan":
    "Here you will record customer orders with down payments (DP) and shipping costs, and follow them until they are delivered.",
  "unavailable.produk":
    "Here you will keep your product list with selling prices, cost prices and stock levels.",
  "unavailable.pelanggan":
    "Here you will keep customer details, their purchase history and any unpaid receivables.",
  "unavailable.pembukuan":
    "Here you will record income, expenses, payables and receivables in the cash book.",
  "unavailable.laporan":
    "Here you will see the profit and loss statement, the balance sheet and an estimate of PPh Final UMKM.",
  "unavailable.sinkronisasi":
    "Here your data will be sent to your other devices whenever there is internet. Without internet, all data stays safe on this computer.",

  "settings.title": "Settings",
  "settings.intro": "Manage the business profile and display language.",
  "settings.profile.title": "Business profile",
  "settings.profile.intro": "This information will be used on receipts, reports and tax calculations.",
  "settings.profile.save": "Save",
  "settings.profile.saving": "Saving…",
  "settings.profile.saved": "Business profile saved.",
  "settings.language.title": "Language",
  "settings.language.intro": "Choose the display language for Usahaku. App messages switch too.",
  "settings.storage.title": "Data storage",
  "settings.storage.intro": "All business data is stored in this folder on your computer:",
};

export const dictionaries = { id, en } as const;

export type Params = Record<string, string | number>;

/** Replaces each `{name}` with params.name; unknown placeholders are left as written. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}
