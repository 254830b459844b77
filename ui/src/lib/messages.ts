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
  "error.required.server_url": "Alamat server wajib diisi.",
  "error.invalid.server_url": "Alamat server tidak dikenali. Tulis seperti contoh: http://192.168.1.10:8780",
  "error.required.owner_password": "Kata sandi pemilik wajib diisi.",
  "error.short.owner_password": "Kata sandi pemilik minimal 8 karakter.",
  "error.required.code": "Kode pasangan wajib diisi.",
  "error.invalid.code": "Kode pasangan terdiri dari 8 huruf dan angka, misalnya 7K3M-Q9TX.",

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
  "field.server_url": "Alamat server",
  "field.server_url.placeholder": "http://192.168.1.10:8780",
  "field.server_url.help": "Tanyakan kepada pendamping jika belum tahu.",
  "field.owner_password": "Kata sandi pemilik",
  "field.owner_password.help": "Minimal 8 karakter.",
  "field.code": "Kode pasangan",
  "field.code.placeholder": "Contoh: 7K3M-Q9TX",
  "field.code.help": "8 huruf dan angka dari komputer pertama, boleh dengan atau tanpa tanda hubung.",

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
  "wizard.join.prompt": "Usaha Anda sudah tercatat di komputer lain? Gabungkan komputer ini ke usaha yang sama.",
  "wizard.join.open": "Gabung ke usaha yang sudah ada",

  "join.title": "Gabung ke usaha yang sudah ada",
  "join.intro":
    "Pakai komputer ini untuk usaha yang sudah tercatat di komputer lain. Data usaha akan diambil dari server.",
  "join.how":
    "Di komputer pertama, buka Sinkronisasi lalu klik “Buat kode pasangan”. Ketik alamat server dan kode itu di bawah ini.",
  "join.server.help": "Sama dengan alamat server di halaman Sinkronisasi komputer pertama.",
  "join.submit": "Gabung",
  "join.saving": "Mengambil data usaha…",
  "join.back": "Buat usaha baru",

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
    "Kasir, pesanan, produk, pelanggan, pembukuan, dan laporan sedang disiapkan untuk versi berikutnya.",

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

  "sync.chip.unknown": "Sinkronisasi",
  "sync.chip.none": "Belum terhubung",
  "sync.chip.syncing": "Menyinkron…",
  "sync.chip.error": "Gagal sinkron",
  "sync.chip.pending": "{count} menunggu",
  "sync.chip.synced": "Tersinkron {time}",
  "sync.chip.connected": "Terhubung",
  "sync.chip.title.unknown": "Status sinkronisasi belum diketahui. Klik untuk membuka Sinkronisasi.",
  "sync.chip.title.none": "Belum terhubung ke server: data hanya ada di komputer ini. Klik untuk membuka Sinkronisasi.",
  "sync.chip.title.syncing": "Sedang mengirim dan menerima perubahan.",
  "sync.chip.title.pending": "Perubahan yang menunggu dikirim ke server: {count}.",
  "sync.chip.title.synced": "Semua perubahan sudah terkirim. Terakhir sinkron: {when}.",
  "sync.chip.title.connected": "Terhubung ke server. Belum ada perubahan yang perlu dikirim.",

  "sync.title": "Sinkronisasi",
  "sync.intro":
    "Pakai usaha yang sama di beberapa komputer. Perubahan dikirim dan diterima lewat server Usahaku.",
  "sync.loading": "Memeriksa status sinkronisasi…",
  "sync.unreadable": "Status sinkronisasi belum bisa dibaca. Usahaku mencoba lagi sebentar lagi.",
  "sync.status.connected": "Terhubung ke server",
  "sync.status.notConnected": "Belum terhubung ke server",
  "sync.status.notConnected.body":
    "Data usaha hanya tersimpan di komputer ini. Hubungkan ke server agar usaha ini bisa dipakai juga di komputer lain.",
  "sync.status.server": "Alamat server",
  "sync.status.pending": "Menunggu dikirim",
  "sync.status.lastSync": "Terakhir sinkron",
  "sync.status.never": "Belum pernah",
  "sync.pending.one": "{count} perubahan",
  "sync.pending.other": "{count} perubahan",
  "sync.now": "Sinkronkan sekarang",
  "sync.now.running": "Menyinkron…",
  "sync.now.needsServer": "Hubungkan ke server terlebih dahulu.",
  "sync.error.title": "Sinkronisasi terakhir belum berhasil",
  "sync.skew.title": "Jam komputer ini tidak tepat",
  "sync.skew.behind": "Jam komputer ini terlambat sekitar {amount} dibanding server.",
  "sync.skew.ahead": "Jam komputer ini lebih cepat sekitar {amount} dibanding server.",
  "sync.skew.fix": "Betulkan tanggal, jam, dan zona waktu komputer agar waktu pada catatan dan laporan tepat.",
  "duration.minutes.one": "{n} menit",
  "duration.minutes.other": "{n} menit",
  "duration.hours.one": "{n} jam",
  "duration.hours.other": "{n} jam",
  "duration.days.one": "{n} hari",
  "duration.days.other": "{n} hari",

  "sync.connect.title": "Hubungkan ke server",
  "sync.connect.intro":
    "Isi alamat server Usahaku dan buat kata sandi pemilik. Setelah terhubung, perubahan dikirim otomatis.",
  "sync.connect.passwordNote":
    "Kata sandi pemilik melindungi akun usaha Anda di server dan diperlukan untuk menambah perangkat. Simpan baik-baik: catat di tempat yang aman dan jangan berikan kepada orang lain.",
  "sync.connect.submit": "Hubungkan",
  "sync.connect.saving": "Menghubungkan…",
  "sync.connect.done": "Terhubung ke server. Perubahan akan dikirim otomatis.",

  "sync.devices.title": "Tambah perangkat",
  "sync.devices.intro":
    "Pakai usaha ini juga di komputer lain, misalnya komputer kasir. Buat kode pasangan di sini, lalu ketik kode itu di komputer lain.",
  "sync.devices.make": "Buat kode pasangan",
  "sync.devices.again": "Buat kode baru",
  "sync.devices.making": "Membuat kode…",
  "sync.devices.code": "Kode pasangan",
  "sync.devices.expires": "Berlaku sampai {time} · hanya sekali pakai",
  "sync.devices.expired": "Kode ini sudah tidak berlaku. Buat kode baru.",
  "sync.devices.howto":
    "Di komputer lain, pilih “Gabung ke usaha yang sudah ada” di layar pertama, lalu ketik alamat server dan kode ini.",

  "sync.conflicts.title": "Catatan konflik",
  "sync.conflicts.intro":
    "Bila dua komputer mengubah isian yang sama sebelum sempat sinkron, perubahan yang terakhir dipakai. Nilai yang tertimpa dicatat di sini, terbaru di atas.",
  "sync.conflicts.empty": "Belum ada konflik.",
  "sync.conflicts.loading": "Membaca catatan konflik…",
  "sync.conflicts.unreadable": "Catatan konflik belum bisa dibaca. Usahaku mencoba lagi pada sinkronisasi berikutnya.",
  "sync.conflicts.sentence": "{lost} diganti dengan {kept}",
  "sync.conflicts.quoted": "“{value}”",
  "sync.conflicts.emptyValue": "(kosong)",
  "sync.conflicts.times": "Nilai lama diisi {lostAt} · nilai baru diisi {keptAt}",
  "sync.conflicts.more": "dan {count} lainnya",

  "sync.note":
    "Sinkronisasi bisa lewat jaringan lokal (LAN/Wi-Fi) maupun internet. Saat jaringan putus, Anda tetap bisa bekerja: perubahan disimpan di komputer ini dan dikirim otomatis begitu tersambung lagi. Tidak ada data yang hilang.",
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
  "error.required.server_url": "Server address is required.",
  "error.invalid.server_url": "This server address is not recognised. Write it like the example: http://192.168.1.10:8780",
  "error.required.owner_password": "Owner password is required.",
  "error.short.owner_password": "The owner password needs at least 8 characters.",
  "error.required.code": "Pairing code is required.",
  "error.invalid.code": "A pairing code has 8 letters and digits, for example 7K3M-Q9TX.",

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
  "field.server_url": "Server address",
  "field.server_url.placeholder": "http://192.168.1.10:8780",
  "field.server_url.help": "Ask your facilitator if you do not know it.",
  "field.owner_password": "Owner password",
  "field.owner_password.help": "At least 8 characters.",
  "field.code": "Pairing code",
  "field.code.placeholder": "Example: 7K3M-Q9TX",
  "field.code.help": "8 letters and digits from the first computer, with or without the dash.",

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
  "wizard.join.prompt": "Is your business already on another computer? Join this computer to the same business.",
  "wizard.join.open": "Join an existing business",

  "join.title": "Join an existing business",
  "join.intro":
    "Use this computer for a business that is already recorded on another computer. The business data will be fetched from the server.",
  "join.how":
    "On the first computer, open Sync and click “Make pairing code”. Type the server address and that code below.",
  "join.server.help": "The same server address as on the Sync page of the first computer.",
  "join.submit": "Join",
  "join.saving": "Fetching business data…",
  "join.back": "Create a new business",

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
    "Cashier, orders, products, customers, bookkeeping and reports are being prepared for the next version.",

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

  "sync.chip.unknown": "Sync",
  "sync.chip.none": "Not connected",
  "sync.chip.syncing": "Syncing…",
  "sync.chip.error": "Sync failed",
  "sync.chip.pending": "{count} waiting",
  "sync.chip.synced": "Synced {time}",
  "sync.chip.connected": "Connected",
  "sync.chip.title.unknown": "Sync status not known yet. Click to open Sync.",
  "sync.chip.title.none": "Not connected to a server: the data is only on this computer. Click to open Sync.",
  "sync.chip.title.syncing": "Sending and receiving changes.",
  "sync.chip.title.pending": "Changes waiting to be sent to the server: {count}.",
  "sync.chip.title.synced": "All changes sent. Last synced: {when}.",
  "sync.chip.title.connected": "Connected to the server. Nothing needs sending yet.",

  "sync.title": "Sync",
  "sync.intro":
    "Use the same business on several computers. Changes are sent and received through a Usahaku server.",
  "sync.loading": "Checking the sync status…",
  "sync.unreadable": "The sync status cannot be read yet. Usahaku will try again shortly.",
  "sync.status.connected": "Connected to the server",
  "sync.status.notConnected": "Not connected to a server",
  "sync.status.notConnected.body":
    "The business data is only on this computer. Connect to a server so this business can be used on other computers too.",
  "sync.status.server": "Server address",
  "sync.status.pending": "Waiting to be sent",
  "sync.status.lastSync": "Last synced",
  "sync.status.never": "Never",
  "sync.pending.one": "{count} change",
  "sync.pending.other": "{count} changes",
  "sync.now": "Sync now",
  "sync.now.running": "Syncing…",
  "sync.now.needsServer": "Connect to a server first.",
  "sync.error.title": "The last sync did not succeed",
  "sync.skew.title": "This computer's clock is wrong",
  "sync.skew.behind": "This computer's clock is about {amount} behind the server.",
  "sync.skew.ahead": "This computer's clock is about {amount} ahead of the server.",
  "sync.skew.fix": "Correct the computer's date, time and time zone so that times on records and reports are right.",
  "duration.minutes.one": "{n} minute",
  "duration.minutes.other": "{n} minutes",
  "duration.hours.one": "{n} hour",
  "duration.hours.other": "{n} hours",
  "duration.days.one": "{n} day",
  "duration.days.other": "{n} days",

  "sync.connect.title": "Connect to a server",
  "sync.connect.intro":
    "Enter the Usahaku server address and choose an owner password. Once connected, changes are sent automatically.",
  "sync.connect.passwordNote":
    "The owner password protects your business account on the server and is needed to add devices. Keep it safe: write it down somewhere secure and do not give it to anyone.",
  "sync.connect.submit": "Connect",
  "sync.connect.saving": "Connecting…",
  "sync.connect.done": "Connected to the server. Changes will be sent automatically.",

  "sync.devices.title": "Add a device",
  "sync.devices.intro":
    "Use this business on another computer too, for example the cashier's. Make a pairing code here, then type it on the other computer.",
  "sync.devices.make": "Make pairing code",
  "sync.devices.again": "Make a new code",
  "sync.devices.making": "Making the code…",
  "sync.devices.code": "Pairing code",
  "sync.devices.expires": "Valid until {time} · single use",
  "sync.devices.expired": "This code is no longer valid. Make a new one.",
  "sync.devices.howto":
    "On the other computer, choose “Join an existing business” on the first screen, then type the server address and this code.",

  "sync.conflicts.title": "Conflict log",
  "sync.conflicts.intro":
    "When two computers change the same field before they sync, the later change is kept. The overwritten value is recorded here, newest first.",
  "sync.conflicts.empty": "No conflicts yet.",
  "sync.conflicts.loading": "Reading the conflict log…",
  "sync.conflicts.unreadable": "The conflict log cannot be read yet. Usahaku will try again at the next sync.",
  "sync.conflicts.sentence": "{lost} was replaced with {kept}",
  "sync.conflicts.quoted": "“{value}”",
  "sync.conflicts.emptyValue": "(empty)",
  "sync.conflicts.times": "Old value set {lostAt} · new value set {keptAt}",
  "sync.conflicts.more": "and {count} more",

  "sync.note":
    "Sync works over the local network (LAN/Wi-Fi) or the internet. When the connection drops you can keep working: changes are kept on this computer and sent automatically once connected again. Nothing is lost.",
};

export const dictionaries = { id, en } as const;

export type Params = Record<string, string | number>;

/** A UI string not yet looked up (so it follows a language switch), or a text Rust already translated. */
export type Message = { key: MessageKey; params?: Params } | { raw: string };

/** Replaces each `{name}` with params.name; unknown placeholders are left as written. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}
