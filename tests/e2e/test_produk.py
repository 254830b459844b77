"""End to end, in the real app: a product with a wholesale tier, stock received twice (the
second at a higher price), the level and moving-average HPP in the list and the kartu stok,
a stock count typed the way a barcode scanner types, and an import with bad rows shown
before anything is written. The figures are checked against the command line reading the
same file."""
import datetime
import json
import struct
import zlib

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.file_detector import UselessFileDetector
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from test_first_run import set_value, shot, tid, wait_error
from test_pembukuan import add_cash, rows, select_text, wait
from test_sync import create_business


def png(path, width=320, height=240):
    """A small striped PNG, written by hand (no imaging library needed)."""
    raw = b"".join(
        b"\x00" + b"".join(bytes((40 + x % 200, 110 + (y * 3) % 120, 90)) for x in range(width)) for y in range(height)
    )

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    return path


def product_row(d, sku):
    for r in rows(d, "product-row"):
        if r.get_attribute("data-sku") == sku:
            return r
    return None


def cell(row, name):
    # Empty while the list is still loading (the row is not there yet), so a wait retries.
    if row is None:
        return ""
    return row.find_element(By.CSS_SELECTOR, f'[data-testid="{name}"]').text


def receive(d, sku, qty, cost, supplier=None, pay="Kas"):
    """Barang masuk from the product's row: quantity and cost, paid from Kas (or `pay`)."""
    # The list may still be loading (after switching back to its tab).
    wait(d, lambda drv: product_row(drv, sku)).find_element(By.CSS_SELECTOR, '[data-testid="product-receive"]').click()
    tid(d, "receive-dialog")
    if supplier is not None:
        select_text(tid(d, "receive-supplier"), supplier)
    line = wait(d, lambda drv: rows(drv, "receive-line"))[0]
    qty_field = line.find_element(By.CSS_SELECTOR, '[data-testid="receive-qty"]')
    set_value(d, qty_field, "")
    qty_field.send_keys(qty)
    cost_field = line.find_element(By.CSS_SELECTOR, '[data-testid="receive-cost"]')
    set_value(d, cost_field, "")
    cost_field.send_keys(cost)
    select_text(tid(d, "receive-pay"), pay)
    tid(d, "receive-save").click()
    wait(d, lambda drv: not rows(drv, "receive-dialog"))


def test_product_with_tier_receive_stock_count_and_import(app, home, shots, cli, tmp_path):
    d = app.start()
    create_business(d, "Toko Kopi Nusantara")
    tid(d, "nav-produk").click()
    tid(d, "products-empty")
    shot(d, shots / "28-produk-kosong.png")

    # A product with a wholesale tier; a bad barcode is refused first.
    tid(d, "product-add").click()
    tid(d, "product-dialog")
    tid(d, "product-name").send_keys("Kopi Bubuk Kintamani 250 g")
    tid(d, "product-sku").send_keys("KOPI-250")
    tid(d, "product-barcode").send_keys("4006381333932")
    Select(tid(d, "product-unit")).select_by_value("pack")
    tid(d, "product-price").send_keys("15.000")
    tid(d, "product-tier-add").click()
    wait(d, lambda drv: rows(drv, "product-tier-qty"))[0].send_keys("12")
    rows(d, "product-tier-price")[0].send_keys("13.500")
    tid(d, "product-min-stock").send_keys("5")
    tid(d, "product-save").click()
    wait_error(d, "check digit")
    shot(d, shots / "29-produk-barcode-salah.png")
    barcode = tid(d, "product-barcode")
    set_value(d, barcode, "")
    barcode.send_keys("4006381333931")
    shot(d, shots / "30-produk-baru.png")
    tid(d, "product-save").click()
    wait(d, lambda drv: not rows(drv, "product-dialog"))
    row = wait(d, lambda drv: product_row(drv, "KOPI-250"))
    assert "Rp15.000" in row.text

    # A photo: the original stays on this computer, the thumbnail shows in the list.
    d.file_detector = UselessFileDetector()
    row.find_element(By.CSS_SELECTOR, '[data-testid="product-edit"]').click()
    tid(d, "product-dialog")
    tid(d, "photo-file").send_keys(str(png(tmp_path / "kopi.png")))
    photo = tid(d, "photo-img")
    wait(d, lambda drv: (photo.get_attribute("src") or "").startswith("data:image/jpeg"))
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", photo)
    shot(d, shots / "36-foto-produk.png")
    tid(d, "product-dialog").send_keys(Keys.ESCAPE)
    wait(d, lambda drv: not rows(drv, "product-dialog"))
    wait(d, lambda drv: product_row(drv, "KOPI-250").find_elements(By.CSS_SELECTOR, '[data-testid="product-thumb"]'))

    # Receive 10 at Rp5.000, then 14 at Rp6.500: 24 in stock; HPP (50.000 + 91.000) / 24
    # = 5.875 each.
    receive(d, "KOPI-250", "10", "5.000")
    wait(d, lambda drv: cell(product_row(drv, "KOPI-250"), "product-stock").startswith("10"))
    receive(d, "KOPI-250", "14", "6.500")
    wait(d, lambda drv: cell(product_row(drv, "KOPI-250"), "product-stock").startswith("24"))
    assert "Rp5.875" in cell(product_row(d, "KOPI-250"), "product-hpp")
    shot(d, shots / "31-daftar-produk.png")
    # Margin on the price: 15.000 − 5.875 = 9.125, 9.125 / 15.000 = 61 %.
    assert cell(product_row(d, "KOPI-250"), "product-margin-cell") == "61%"

    # In the product dialog: the margin, and a warning when a price typed is below HPP.
    product_row(d, "KOPI-250").find_element(By.CSS_SELECTOR, '[data-testid="product-edit"]').click()
    margin = tid(d, "product-margin")
    assert margin.get_attribute("data-value") == "9125"
    assert "Untung Rp9.125" in margin.text and "61%" in margin.text, margin.text
    price = tid(d, "product-price")
    set_value(d, price, "")
    price.send_keys("5.000")
    wait(d, lambda drv: tid(drv, "product-margin").get_attribute("data-value") == "-875")
    assert "Di bawah HPP Rp5.875: rugi Rp875" in tid(d, "product-margin").text
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", price)
    shot(d, shots / "64-produk-di-bawah-hpp.png")
    # Back to Rp15.000, and the label's expiry date: ten days from now.
    set_value(d, price, "")
    price.send_keys("15.000")
    d.find_element(By.CSS_SELECTOR, "[data-testid='product-dialog'] details.more summary").click()
    expiry = tid(d, "product-expiry")
    expiry.send_keys((datetime.date.today() + datetime.timedelta(days=10)).strftime("%d/%m/%Y"))
    tid(d, "product-save").click()
    wait(d, lambda drv: not rows(drv, "product-dialog"))
    assert "Rp15.000" in product_row(d, "KOPI-250").text

    # Kartu stok: two receipts with running balances.
    product_row(d, "KOPI-250").find_element(By.CSS_SELECTOR, '[data-testid="product-card"]').click()
    tid(d, "card-dialog")
    wait(d, lambda drv: len(rows(drv, "card-row")) == 2)
    assert "Rp141.000" in tid(d, "card-closing").text
    shot(d, shots / "32-kartu-stok.png")
    tid(d, "card-dialog").send_keys(Keys.ESCAPE)
    wait(d, lambda drv: not rows(drv, "card-dialog"))

    # Stok opname with a scanner: the barcode typed then Enter; 22 counted of 24.
    tid(d, "products-tab-count").click()
    scan = tid(d, "count-scan")
    wait(d, lambda drv: drv.switch_to.active_element == scan)
    scan.send_keys("4006381333931" + Keys.ENTER)
    count_row = wait(d, lambda drv: rows(drv, "count-row"))[0]
    qty = count_row.find_element(By.CSS_SELECTOR, '[data-testid="count-qty"]')
    set_value(d, qty, "")
    qty.send_keys("22")
    wait(d, lambda drv: "-2" in rows(drv, "count-row")[0].find_element(By.CSS_SELECTOR, '[data-testid="count-diff"]').text)
    shot(d, shots / "33-stok-opname.png")
    tid(d, "count-save").click()
    tid(d, "count-done")
    tid(d, "products-tab-list").click()
    wait(d, lambda drv: cell(product_row(drv, "KOPI-250"), "product-stock").startswith("22"))

    # Segera kedaluwarsa (in the Stok menipis tab): the kopi expires in ten days (nine in a
    # time zone already past midnight); its 22 packs are worth 22 × 5.875 = 129.250.
    tid(d, "products-tab-low").click()
    row = wait(d, lambda drv: rows(drv, "expiring-row"))[0]
    assert row.get_attribute("data-sku") == "KOPI-250"
    assert "hari lagi" in row.find_element(By.CSS_SELECTOR, '[data-testid="expiring-when"]').text
    assert tid(d, "expiring-total").get_attribute("data-value") == "129250"
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", tid(d, "expiring-card"))
    shot(d, shots / "65-segera-kedaluwarsa.png")
    # Sesuaikan from the list opens the adjustment with the reason kedaluwarsa chosen.
    row.find_element(By.CSS_SELECTOR, '[data-testid="expiring-adjust"]').click()
    tid(d, "adjust-dialog")
    assert Select(tid(d, "adjust-reason")).first_selected_option.get_attribute("value") == "kedaluwarsa"
    tid(d, "adjust-dialog").send_keys(Keys.ESCAPE)
    wait(d, lambda drv: not rows(drv, "adjust-dialog"))
    # Within 7 days nothing expires: the empty message names the days chosen.
    select_text(tid(d, "expiring-days"), "7 hari")
    wait(d, lambda drv: "7 hari" in tid(drv, "expiring-empty").text)

    # Nilai persediaan: 22 × 5.875 = 129.250, equal to the books.
    tid(d, "products-tab-value").click()
    wait(d, lambda drv: "Rp129.250" in tid(drv, "value-total").text)
    assert "Rp129.250" in tid(d, "value-ledger").text
    shot(d, shots / "34-nilai-persediaan.png")

    # Rp20.000 of goods bought through the cash book, not received into stock: the books
    # hold 149.250 of Persediaan against 129.250 of stock. The owner books the difference.
    tid(d, "nav-pembukuan").click()
    add_cash(d, "cash-out", "20.000", "Persediaan", "Belanja kemasan")
    tid(d, "nav-produk").click()
    tid(d, "products-tab-value").click()
    wait(d, lambda drv: "Rp149.250" in tid(drv, "value-ledger").text)
    assert tid(d, "value-difference").get_attribute("data-value") == "-20000"
    tid(d, "value-book").click()
    question = tid(d, "book-difference-dialog").text
    assert "dikurangi Rp20.000" in question, question
    shot(d, shots / "62-bukukan-selisih-persediaan.png")
    tid(d, "book-difference-dialog-confirm").click()
    tid(d, "value-booked")
    shot(d, shots / "63-selisih-dibukukan.png")
    assert tid(d, "value-difference").get_attribute("data-value") == "0"
    assert "Rp129.250" in tid(d, "value-ledger").text

    # Import: a CSV with one good row and two bad ones; the bad rows are listed with their
    # numbers and nothing is written until confirmed.
    csv = tmp_path / "produk.csv"
    csv.write_text(
        "Nama produk;SKU;Barcode;Satuan;Harga jual;Stok awal;Harga beli\n"
        "Teh Tubruk 100 g;TEH-100;;pack;8.000;30;5.000\n"
        ";KOSONG;;pcs;1.000;;\n"
        "Gula Aren;GULA-AREN;;ekor;12.000;;\n",
        encoding="utf-8",
    )
    tid(d, "products-tab-import").click()
    tid(d, "import-file").send_keys(str(csv))
    wait(d, lambda drv: len(rows(drv, "import-issue")) == 2)
    issues = [r.text for r in rows(d, "import-issue")]
    assert "3" in issues[0] and "Nama produk wajib diisi" in issues[0], issues
    assert "4" in issues[1] and "ekor" in issues[1], issues
    assert "1" in tid(d, "import-new-count").text
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", rows(d, "import-issue")[0])
    shot(d, shots / "35-impor-pratinjau.png")
    tid(d, "import-confirm").click()
    tid(d, "import-done")
    tid(d, "products-tab-list").click()
    wait(d, lambda drv: product_row(drv, "TEH-100") is not None)
    assert cell(product_row(d, "TEH-100"), "product-stock").startswith("30")

    # Archived by mistake: "Batalkan" in the notice brings the product straight back.
    product_row(d, "TEH-100").find_element(By.CSS_SELECTOR, '[data-testid="product-archive"]').click()
    tid(d, "archive")
    tid(d, "archive-confirm").click()
    wait(d, lambda drv: not rows(drv, "archive"))
    assert "Teh Tubruk 100 g" in tid(d, "product-archived").text
    wait(d, lambda drv: product_row(drv, "TEH-100") is None)
    tid(d, "product-unarchive-undo").click()
    wait(d, lambda drv: "Teh Tubruk 100 g aktif lagi." in tid(drv, "product-restored").text)
    wait(d, lambda drv: product_row(drv, "TEH-100") is not None)
    assert cell(product_row(d, "TEH-100"), "product-stock").startswith("30")
    wait(d, lambda drv: not rows(drv, "products-archived-toggle"))

    # Archived again, it waits under "Produk diarsipkan (1)" and comes back from there.
    product_row(d, "TEH-100").find_element(By.CSS_SELECTOR, '[data-testid="product-archive"]').click()
    tid(d, "archive")
    tid(d, "archive-confirm").click()
    wait(d, lambda drv: not rows(drv, "archive"))
    wait(d, lambda drv: product_row(drv, "TEH-100") is None)
    toggle = wait(d, lambda drv: next((e for e in rows(drv, "products-archived-toggle") if "(1)" in e.text), None))
    assert "Produk diarsipkan (1)" in toggle.text, toggle.text
    toggle.click()
    archived = wait(d, lambda drv: rows(drv, "archived-row"))
    assert [r.get_attribute("data-sku") for r in archived] == ["TEH-100"]
    assert "Teh Tubruk 100 g" in archived[0].text and "Rp8.000" in archived[0].text, archived[0].text
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", archived[0])
    shot(d, shots / "68-produk-diarsipkan.png")
    archived[0].find_element(By.CSS_SELECTOR, '[data-testid="archived-restore"]').click()
    wait(d, lambda drv: "Teh Tubruk 100 g aktif lagi." in tid(drv, "product-restored").text)
    wait(d, lambda drv: product_row(drv, "TEH-100") is not None)
    assert cell(product_row(d, "TEH-100"), "product-stock").startswith("30")
    wait(d, lambda drv: not rows(drv, "archived-row") and not rows(drv, "products-archived-toggle"))

    # Pemasok: a new supplier nothing was bought from yet. Its Riwayat opens on this year
    # so far, with the empty state and nothing spent or owed; then 10 teh bought from it on
    # credit (10 × 5.000 = 50.000) show in it, all still owed.
    tid(d, "products-tab-suppliers").click()
    tid(d, "suppliers-tab")
    tid(d, "supplier-add").click()
    tid(d, "supplier-dialog")
    tid(d, "supplier-name").send_keys("UD Sumber Rejeki")
    tid(d, "supplier-save").click()
    wait(d, lambda drv: not rows(drv, "supplier-dialog"))
    supplier = wait(d, lambda drv: next((r for r in rows(drv, "supplier-row") if "UD Sumber Rejeki" in r.text), None))
    supplier.find_element(By.CSS_SELECTOR, '[data-testid="supplier-history"]').click()
    assert "Belanja dari UD Sumber Rejeki" in tid(d, "supplier-history-dialog").text
    tid(d, "supplier-history-empty")
    assert tid(d, "supplier-history-total").get_attribute("data-value") == "0"
    assert tid(d, "supplier-history-owed").get_attribute("data-value") == "0"
    assert not rows(d, "supplier-history-row")
    tid(d, "supplier-history-dialog").send_keys(Keys.ESCAPE)
    wait(d, lambda drv: not rows(drv, "supplier-history-dialog"))
    tid(d, "products-tab-list").click()
    receive(d, "TEH-100", "10", "5.000", supplier="UD Sumber Rejeki", pay="Utang usaha")
    wait(d, lambda drv: cell(product_row(drv, "TEH-100"), "product-stock").startswith("40"))
    tid(d, "products-tab-suppliers").click()
    supplier = wait(d, lambda drv: next((r for r in rows(drv, "supplier-row") if "UD Sumber Rejeki" in r.text), None))
    supplier.find_element(By.CSS_SELECTOR, '[data-testid="supplier-history"]').click()
    wait(d, lambda drv: len(rows(drv, "supplier-history-row")) == 1)
    assert tid(d, "supplier-history-total").get_attribute("data-value") == "50000"
    assert tid(d, "supplier-history-owed").get_attribute("data-value") == "50000"
    shot(d, shots / "69-riwayat-pemasok.png")
    tid(d, "supplier-history-dialog").send_keys(Keys.ESCAPE)
    wait(d, lambda drv: not rows(drv, "supplier-history-dialog"))

    # The command line reads the same figures from the same file.
    app.stop()
    kopi = json.loads(cli(home, "produk", "cari", "KOPI-250", "--json").stdout)[0]
    assert (kopi["stock"], kopi["avg_cost"], kopi["tiers"][0]["price"]) == (22_000, 5_875, 13_500)
    value = json.loads(cli(home, "stok", "nilai", "--json").stdout)
    # 129.250 + 40 × 5.000, equal to the books after the difference was booked.
    assert (value["total"], value["difference"]) == (329_250, 0)
