"""End to end, in the real app: at the cashier, two products are scanned by typing their
barcodes (as a scanner does, Enter after each), paid in cash, the change is shown and a
58 mm nota PDF is written. The command line then reads the same sale from the same file."""
import json
from pathlib import Path

from selenium.webdriver.common.keys import Keys

from test_first_run import set_value, shot, tid
from test_pembukuan import rows, wait


def test_scan_two_products_pay_cash_and_print_a_nota(app, home, shots, cli):
    # The shop and its stock, set up from the command line (the same file the app opens).
    for args in [
        ("init", "--nama", "Toko Kopi Nusantara", "--pemilik", "Made"),
        ("produk", "tambah", "--nama", "Kopi Bubuk Kintamani 250 g", "--sku", "KOPI", "--barcode", "4006381333931", "--harga", "15.000"),
        ("produk", "tambah", "--nama", "Madu Hutan 500 ml", "--sku", "MADU", "--barcode", "8991234567891", "--harga", "42.500"),
        ("stok", "masuk", "KOPI", "10", "10.000", "--juga", "MADU:5:30.000"),
    ]:
        done = cli(home, *args)
        assert done.returncode == 0, done.stderr

    d = app.start()
    tid(d, "nav-kasir").click()
    scan = tid(d, "kasir-scan")
    wait(d, lambda drv: drv.switch_to.active_element == scan)
    scan.send_keys("4006381333931" + Keys.ENTER)
    wait(d, lambda drv: len(rows(drv, "cart-row")) == 1)
    tid(d, "kasir-scan").send_keys("8991234567891" + Keys.ENTER)
    wait(d, lambda drv: len(rows(drv, "cart-row")) == 2)
    # 15.000 + 42.500
    wait(d, lambda drv: tid(drv, "kasir-total").get_attribute("data-value") == "57500")
    assert "Rp57.500" in tid(d, "kasir-total").text
    shot(d, shots / "37-kasir.png")

    tid(d, "kasir-pay").click()
    tid(d, "pay-dialog")
    tid(d, "pay-method-tunai").click()
    amount = tid(d, "pay-amount")
    set_value(d, amount, "")
    amount.send_keys("100.000")
    # Kembalian: 100.000 − 57.500.
    wait(d, lambda drv: tid(drv, "pay-change").get_attribute("data-value") == "42500")
    assert "Rp42.500" in tid(d, "pay-change").text
    shot(d, shots / "38-kasir-bayar.png")
    tid(d, "pay-confirm").click()

    tid(d, "sale-done")
    assert "Rp42.500" in tid(d, "sale-change").text
    number = tid(d, "sale-number").text.strip()
    assert "-2026-" in number or "-20" in number, number
    tid(d, "nota-pdf-58").click()
    path_text = wait(d, lambda drv: tid(drv, "nota-path").text.strip() or None)
    pdf = Path(path_text.split()[-1]) if not Path(path_text).exists() else Path(path_text)
    assert pdf.exists(), path_text
    assert pdf.read_bytes().startswith(b"%PDF")
    shot(d, shots / "39-kasir-selesai.png")

    tid(d, "kasir-tab-recap").click()
    wait(d, lambda drv: "Rp57.500" in tid(drv, "recap-total").text)
    shot(d, shots / "40-rekap-harian.png")

    app.stop()
    recap = json.loads(cli(home, "rekap", "--json").stdout)
    assert (recap["sales"], recap["total"], recap["cash_expected"]) == (1, 57_500, 57_500)
    kopi = json.loads(cli(home, "produk", "cari", "KOPI", "--json").stdout)[0]
    assert kopi["stock"] == 9_000
