"""End to end, in the real app: a nota of 2 kopi + 1 madu with a Rp2.500 discount is in
Riwayat nota; one kopi comes back (retur): the refund is previewed by hand's figure
(Rp15.000 − Rp517 = Rp14.483), recorded as damaged (not back on the shelf), and the nota
shows the retur. The Laporan penjualan tab then shows the month net of it and writes the
report as a PDF."""
import json
from pathlib import Path

from test_first_run import shot, tid
from test_pembukuan import rows, wait


def test_return_one_item_and_see_the_sales_report(app, home, shots, cli):
    for args in [
        ("init", "--nama", "Toko Kopi Nusantara", "--pemilik", "Made"),
        ("produk", "tambah", "--nama", "Kopi Bubuk Kintamani 250 g", "--sku", "KOPI", "--harga", "15.000"),
        ("produk", "tambah", "--nama", "Madu Hutan 500 ml", "--sku", "MADU", "--harga", "42.500"),
        ("stok", "masuk", "KOPI", "10", "10.000", "--juga", "MADU:5:30.000"),
        ("jual", "KOPI=2", "MADU", "--diskon", "2.500", "--bayar", "tunai:100.000"),
    ]:
        done = cli(home, *args)
        assert done.returncode == 0, done.stderr

    d = app.start()
    tid(d, "nav-kasir").click()
    tid(d, "kasir-tab-history").click()
    wait(d, lambda drv: len(rows(drv, "history-row")) == 1)
    tid(d, "history-return").click()
    tid(d, "return-dialog")
    qty = rows(d, "return-qty")
    assert len(qty) == 2
    qty[0].send_keys("1")
    # 15.000 less 2.500 × 15.000 / 72.500 of the nota discount.
    wait(d, lambda drv: tid(drv, "return-refund").get_attribute("data-value") == "14483")
    assert "Rp14.483" in tid(d, "return-refund").text
    tid(d, "return-reason").send_keys("Kemasan sobek")
    # Torn packaging: the kopi is not sold again.
    tid(d, "return-damaged").click()
    assert "Stok tidak bertambah" in tid(d, "return-dialog").text
    shot(d, shots / "44-retur.png")
    wait(d, lambda drv: tid(drv, "return-confirm").is_enabled())
    tid(d, "return-confirm").click()
    tid(d, "return-done")
    # The retur nota opens like any nota; close it and look at the list.
    d.find_element("css selector", "[data-testid='nota-dialog'] .dialog-close").click()
    wait(d, lambda drv: not drv.find_elements("css selector", "[data-testid='nota-dialog']"))
    wait(d, lambda drv: len(rows(drv, "history-row")) == 2)
    statuses = sorted(r.get_attribute("data-status") for r in rows(d, "history-row"))
    assert statuses == ["done", "return"], statuses
    assert "Retur" in tid(d, "history-returns").text
    assert tid(d, "history-damaged").text == "Rusak"
    shot(d, shots / "45-riwayat-retur.png")

    tid(d, "kasir-tab-report").click()
    tid(d, "sales-report")
    # 70.000 − 14.483.
    wait(d, lambda drv: "Rp55.517" in tid(drv, "report-total").text)
    assert any(r.get_attribute("data-channel") == "toko" for r in rows(d, "report-channel-row"))
    tid(d, "report-export-pdf").click()
    path = wait(d, lambda drv: tid(drv, "report-export-path").get_attribute("data-path") or None)
    assert Path(path).read_bytes().startswith(b"%PDF")
    shot(d, shots / "46-laporan-penjualan.png")
    app.stop()

    recap = json.loads(cli(home, "rekap", "--json").stdout)
    assert (recap["returns"], recap["total"]) == (1, 55_517)
    # 10 received, 2 sold, 1 back damaged: 8 on the shelf.
    kopi = json.loads(cli(home, "produk", "cari", "KOPI", "--json").stdout)[0]
    assert kopi["stock"] == 8_000
