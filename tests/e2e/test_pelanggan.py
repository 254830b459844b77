"""End to end, in the real app: a customer is added in Pelanggan (phone typed as 0812-…), a
sale is made to them at the cashier (picked by name), the sale shows in their history with
the total, and a complaint is logged and closed. The command line reads the same from the
file afterwards."""
import json

from selenium.webdriver.common.keys import Keys

from test_first_run import set_value, shot, tid
from test_pembukuan import rows, wait


def test_customer_sale_history_and_complaint(app, home, shots, cli):
    for args in [
        ("init", "--nama", "Toko Batik Bu Sari", "--pemilik", "Sari"),
        ("produk", "tambah", "--nama", "Kain Batik Tulis", "--sku", "BATIK", "--barcode", "4006381333931",
         "--harga", "85.000", "--tanpa-stok"),
    ]:
        done = cli(home, *args)
        assert done.returncode == 0, done.stderr

    d = app.start()
    tid(d, "nav-pelanggan").click()
    tid(d, "pelanggan-page")
    tid(d, "customer-add").click()
    tid(d, "customer-dialog")
    tid(d, "customer-name").send_keys("Bu Rina")
    tid(d, "customer-phone").send_keys("0812-1111-2222")
    tid(d, "customer-address").send_keys("Jl. Kenanga 5, Jepara")
    shot(d, shots / "47-pelanggan-baru.png")
    tid(d, "customer-save").click()
    wait(d, lambda drv: len(rows(drv, "customer-row")) == 1)
    assert "Bu Rina" in rows(d, "customer-row")[0].text

    # At the cashier: scan the cloth, pick Bu Rina, pay cash.
    tid(d, "nav-kasir").click()
    scan = tid(d, "kasir-scan")
    wait(d, lambda drv: drv.switch_to.active_element == scan)
    scan.send_keys("4006381333931" + Keys.ENTER)
    wait(d, lambda drv: len(rows(drv, "cart-row")) == 1)
    tid(d, "sale-customer").send_keys("Rina")
    wait(d, lambda drv: len(rows(drv, "sale-customer-option")) >= 1)
    rows(d, "sale-customer-option")[0].click()
    wait(d, lambda drv: "Bu Rina" in tid(drv, "sale-customer-chosen").text)
    shot(d, shots / "48-kasir-pelanggan.png")
    tid(d, "kasir-pay").click()
    tid(d, "pay-dialog")
    tid(d, "pay-method-tunai").click()
    amount = tid(d, "pay-amount")
    set_value(d, amount, "")
    amount.send_keys("100.000")
    wait(d, lambda drv: tid(drv, "pay-change").get_attribute("data-value") == "15000")
    tid(d, "pay-confirm").click()
    tid(d, "sale-done")
    number = tid(d, "sale-number").text.strip()

    # Her page: the nota in the history, then a complaint logged and closed.
    tid(d, "nav-pelanggan").click()
    tid(d, "customer-search").send_keys("rina")
    wait(d, lambda drv: len(rows(drv, "customer-row")) == 1)
    tid(d, "customer-open").click()
    tid(d, "customer-page")
    wait(d, lambda drv: len(rows(drv, "customer-history-row")) == 1)
    assert number in rows(d, "customer-history-row")[0].text
    assert "Rp85.000" in tid(d, "customer-total").text
    tid(d, "complaint-add").click()
    tid(d, "complaint-subject").send_keys("Warna kain luntur setelah dicuci")
    tid(d, "complaint-save").click()
    wait(d, lambda drv: [r.get_attribute("data-status") for r in rows(drv, "complaint-row")] == ["baru"])
    tid(d, "complaint-response").send_keys("Kain kami ganti yang baru, diantar besok.")
    tid(d, "complaint-close").click()
    wait(d, lambda drv: [r.get_attribute("data-status") for r in rows(drv, "complaint-row")] == ["selesai"])
    shot(d, shots / "49-halaman-pelanggan.png")
    app.stop()

    page = json.loads(cli(home, "pelanggan", "lihat", "Bu Rina", "--json").stdout)
    assert page["summary"]["customer"]["phone"] == "6281211112222"
    assert [h["number"] for h in page["history"]] == [number]
    assert page["summary"]["total"] == 85_000
    assert page["interactions"][0]["status"] == "selesai"
    assert page["interactions"][0]["response"] == "Kain kami ganti yang baru, diantar besok."
