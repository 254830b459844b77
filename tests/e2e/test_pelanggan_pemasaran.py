"""End to end, in the real app: the marketing side of Pelanggan with data set up from the
command line — the service queue, a review marked as testimonial, personal WhatsApp messages
built from a template, the content plan calendar, the promo codes with their uses, a CRM
report written as PDF, and a promo code typed at the cashier taking Rp5.000 off."""
import datetime
from pathlib import Path

from selenium.webdriver.common.keys import Keys

from test_first_run import shot, tid
from test_pembukuan import rows, wait


def test_service_reviews_messages_content_plan_promo_and_reports(app, home, shots, cli):
    # Dates in the business's zone (WIB), so "this month" is the app's month too.
    today = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=7)).date()
    day = lambda d: d.strftime("%d/%m/%Y")  # noqa: E731
    first = today.replace(day=1)
    later = today + datetime.timedelta(days=2) if today.day < 27 else today
    for args in [
        ("init", "--nama", "Toko Batik Bu Sari", "--pemilik", "Sari", "--zona", "WIB"),
        ("produk", "tambah", "--nama", "Kain Batik Tulis", "--sku", "BATIK", "--barcode", "4006381333931",
         "--harga", "50.000", "--tanpa-stok"),
        ("produk", "tambah", "--nama", "Selendang Sutra", "--sku", "SELENDANG", "--harga", "75.000", "--tanpa-stok"),
        ("pelanggan", "tambah", "--nama", "Bu Rina", "--hp", "0812-1111-2222", "--label", "reseller"),
        ("pelanggan", "tambah", "--nama", "Pak Dedi", "--hp", "0813-3333-4444"),
        ("jual", "BATIK=2", "--bayar", "tunai:100.000", "--pelanggan", "Bu Rina"),
        ("jual", "SELENDANG", "--bayar", "tunai:75.000", "--pelanggan", "Pak Dedi"),
        ("pelanggan", "keluhan", "Pak Dedi", "Selendang ada benang yang lepas", "--saluran", "whatsapp"),
        ("pelanggan", "ulasan", "Bu Rina", "5", "Kainnya halus, warnanya awet.", "--produk", "BATIK"),
        ("konten", "tambah", day(today), "instagram", "Foto motif parang di bawah matahari pagi", "--produk", "BATIK"),
        ("konten", "tambah", day(later), "tiktok", "Video proses mencanting", "--status", "dijadwalkan"),
        ("promo", "tambah", "Hemat akhir bulan", "HEMAT5", "--potongan", "5.000", "--dari", day(first),
         "--sampai", day(today + datetime.timedelta(days=30))),
    ]:
        done = cli(home, *args)
        assert done.returncode == 0, (args, done.stderr)

    d = app.start()
    tid(d, "nav-pelanggan").click()
    tid(d, "pelanggan-page")

    tid(d, "customers-tab-service").click()
    wait(d, lambda drv: len(rows(drv, "service-row")) == 1)
    assert "benang" in rows(d, "service-row")[0].text
    shot(d, shots / "50-layanan-pelanggan.png")

    tid(d, "customers-tab-reviews").click()
    wait(d, lambda drv: len(rows(drv, "review-row")) == 1)
    tid(d, "review-testimonial").click()
    wait(d, lambda drv: tid(drv, "review-testimonial").get_attribute("aria-pressed") == "true")
    shot(d, shots / "51-ulasan.png")
    tid(d, "review-add").click()
    tid(d, "review-dialog")
    shot(d, shots / "61-ulasan-baru.png")
    tid(d, "review-dialog").send_keys(Keys.ESCAPE)
    wait(d, lambda drv: not rows(drv, "review-dialog"))

    tid(d, "customers-tab-campaign").click()
    tid(d, "campaign-code").send_keys("HEMAT5")
    tid(d, "campaign-build").click()
    wait(d, lambda drv: len(rows(drv, "campaign-row")) == 2)
    texts = " ".join(r.text for r in rows(d, "campaign-row"))
    assert "Bu Rina" in texts and "Pak Dedi" in texts
    shot(d, shots / "52-pesan-promosi.png")

    tid(d, "customers-tab-content").click()
    wait(d, lambda drv: len(rows(drv, "content-post")) >= 1)
    shot(d, shots / "53-rencana-konten.png")
    tid(d, "content-add").click()
    tid(d, "content-dialog")
    shot(d, shots / "60-postingan-baru.png")
    tid(d, "content-dialog").send_keys(Keys.ESCAPE)
    wait(d, lambda drv: not rows(drv, "content-dialog"))

    tid(d, "customers-tab-promo").click()
    wait(d, lambda drv: len(rows(drv, "promo-row")) == 1)
    assert rows(d, "promo-row")[0].get_attribute("data-code") == "HEMAT5"
    shot(d, shots / "54-kode-promo.png")
    tid(d, "promo-add").click()
    tid(d, "promo-dialog")
    shot(d, shots / "59-kode-promo-baru.png")
    tid(d, "promo-dialog").send_keys(Keys.ESCAPE)
    wait(d, lambda drv: not rows(drv, "promo-dialog"))

    tid(d, "customers-tab-reports").click()
    tid(d, "crm-report-marketing-pdf").click()
    path = wait(d, lambda drv: tid(drv, "crm-report-path").get_attribute("data-path") or None)
    assert Path(path).read_bytes().startswith(b"%PDF")
    shot(d, shots / "55-laporan-pelanggan.png")

    tid(d, "customers-tab-settings").click()
    tid(d, "crm-settings")
    shot(d, shots / "56-pengaturan-pelanggan.png")

    # At the cashier: one cloth (Rp50.000) with HEMAT5 → Rp45.000.
    tid(d, "nav-kasir").click()
    scan = tid(d, "kasir-scan")
    wait(d, lambda drv: drv.switch_to.active_element == scan)
    scan.send_keys("4006381333931" + Keys.ENTER)
    wait(d, lambda drv: len(rows(drv, "cart-row")) == 1)
    tid(d, "sale-promo").send_keys("hemat5" + Keys.ENTER)
    wait(d, lambda drv: tid(drv, "kasir-total").get_attribute("data-value") == "45000")
    chip = tid(d, "sale-promo-chosen")
    assert (chip.get_attribute("data-code"), chip.get_attribute("data-value")) == ("HEMAT5", "5000")
    shot(d, shots / "57-kasir-kode-promo.png")
    app.stop()
