"""End to end, in the real app: a cash sale and an expense in the cash book, a piutang with
its WhatsApp reminder, a budget, then Laba Rugi shows the profit and exports a PDF. The
figures are checked against the command line reading the same file."""
import datetime
import json
import time

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from test_first_run import set_value, shot, tid, wait_error
from test_sync import create_business


def rows(d, name):
    """The displayed elements with this test id (one re-rendered meanwhile counts as gone)."""
    out = []
    for e in d.find_elements(By.CSS_SELECTOR, f'[data-testid="{name}"]'):
        try:
            if e.is_displayed():
                out.append(e)
        except StaleElementReferenceException:
            pass
    return out


def wait(d, condition, timeout=10):
    """Waits for `condition`; an element re-rendered while it is read just means "not yet"."""
    return WebDriverWait(d, timeout, ignored_exceptions=(StaleElementReferenceException,)).until(condition)


def select_text(el, fragment):
    """Picks the first option whose text contains `fragment`."""
    for o in Select(el).options:
        if fragment.lower() in o.text.lower():
            Select(el).select_by_visible_text(o.text)
            return
    raise AssertionError(f"no option with {fragment!r}: {[o.text for o in Select(el).options]}")


MONTHS = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]


def add_cash(d, button, amount, category, note, date=None):
    tid(d, button).click()
    field = tid(d, "cash-amount")
    wait(d, lambda drv: drv.switch_to.active_element == field)
    field.send_keys(amount)
    select_text(tid(d, "cash-category"), category)
    if date is not None:
        day = tid(d, "cash-date")
        set_value(d, day, "")
        day.send_keys(date)
    tid(d, "cash-note").send_keys(note)
    # Enter saves (keyboard use at the counter).
    tid(d, "cash-note").send_keys(Keys.ENTER)
    tid(d, "cash-saved")
    wait(d, lambda drv: not rows(drv, "cash-dialog"))


def test_cash_book_debts_budget_and_profit(app, home, shots, cli):
    d = app.start()
    create_business(d, "Toko Kue Bu Sari")
    tid(d, "nav-pembukuan").click()
    tid(d, "cash-empty")
    shot(d, shots / "13-buku-kas-kosong.png")

    # A bad amount is refused in the dialog, and nothing is written.
    tid(d, "cash-in").click()
    tid(d, "cash-amount").send_keys("abc")
    select_text(tid(d, "cash-category"), "Penjualan")
    tid(d, "cash-save").click()
    wait_error(d, "Jumlah belum benar")
    shot(d, shots / "14-uang-masuk-salah.png")
    set_value(d, tid(d, "cash-amount"), "")
    tid(d, "cash-amount").send_keys(Keys.ESCAPE)
    wait(d, lambda drv: not rows(drv, "cash-dialog"))
    assert rows(d, "cash-row") == []

    # A cash sale and two expenses, typed the way owners type amounts.
    add_cash(d, "cash-in", "1.500.000", "Penjualan", "Kue ulang tahun")
    # Dated the first of this month, typed day first as Indonesians write it.
    first = datetime.date.today().replace(day=1)
    add_cash(d, "cash-in", "Rp250.000", "Penjualan", "Bolu pandan", first.strftime("%d/%m/%Y"))
    add_cash(d, "cash-out", "350000", "listrik", "Token listrik")
    wait(d, lambda drv: len(rows(drv, "cash-row")) == 3)
    # Kas: 1.500.000 + 250.000 − 350.000.
    wait(d, lambda drv: "Rp1.400.000" in tid(drv, "cash-closing").text)
    first_text = f"{first.day} {MONTHS[first.month - 1]} {first.year}"
    assert any(first_text in r.text and "Bolu pandan" in r.text for r in rows(d, "cash-row")), first_text
    shot(d, shots / "15-buku-kas.png")

    # A piutang with a reminder message for WhatsApp.
    tid(d, "books-tab-debts").click()
    tid(d, "debt-add").click()
    tid(d, "debt-kind-receivable").click()
    tid(d, "debt-counterparty").send_keys("Warung Pak Budi")
    tid(d, "debt-amount").send_keys("600.000")
    tid(d, "debt-save").click()
    wait(d, lambda drv: len(rows(drv, "debt-row")) == 1)
    tid(d, "debt-remind").click()
    tid(d, "remind-phone").send_keys("0812-3456-7890")
    tid(d, "remind-make").click()
    wait(d, condition=lambda drv: "Rp600.000" in (tid(drv, "remind-text").get_attribute("value") or ""))
    shot(d, shots / "16-piutang-pengingat.png")
    tid(d, "remind-phone").send_keys(Keys.ESCAPE)
    wait(d, lambda drv: not rows(drv, "remind-text"))
    shot(d, shots / "17-utang-piutang.png")

    # A budget for electricity: Rp300.000 against Rp350.000 spent.
    tid(d, "books-tab-budget").click()
    wait(d, lambda drv: len(rows(drv, "budget-row")) > 0)
    listrik = next(r for r in rows(d, "budget-row") if "listrik" in r.text.lower())
    field = listrik.find_element(By.CSS_SELECTOR, '[data-testid="budget-input"]')
    field.send_keys("300.000")
    field.send_keys(Keys.ENTER)
    wait(
        d,
        lambda drv: "50.000"
        in next(r for r in rows(drv, "budget-row") if "listrik" in r.text.lower())
        .find_element(By.CSS_SELECTOR, '[data-testid="budget-difference"]')
        .text,
    )
    shot(d, shots / "18-anggaran.png")

    # Laba Rugi: revenue 1.500.000 + 250.000 + 600.000 (the credit sale); expenses 350.000.
    tid(d, "nav-laporan").click()
    wait(d, timeout=20, condition=lambda drv: tid(drv, "pl-net-profit").get_attribute("data-value") == "2000000")
    assert "Rp2.000.000" in tid(d, "pl-net-profit").text
    shot(d, shots / "19-laba-rugi.png")
    tid(d, "export-pdf").click()
    done = tid(d, "export-done")
    assert ".pdf" in done.text
    tid(d, "report-tab-bs").click()
    tid(d, "bs-total-assets")
    shot(d, shots / "20-posisi-keuangan.png")
    for tab, name in [("cf", "22-arus-kas"), ("tb", "23-neraca-saldo"), ("gl", "24-buku-besar"), ("pph", "25-pph-final"), ("notes", "21-calk")]:
        tid(d, f"report-tab-{tab}").click()
        tid(d, f"report-{tab}")
        time.sleep(0.5)
        shot(d, shots / f"{name}.png")
    tb_debit = tid(d, "report-tab-tb")
    tb_debit.click()
    # Neraca Saldo balances: debits Kas 1.400.000 + Piutang 600.000 + listrik 350.000.
    wait(d, lambda drv: "Rp2.350.000" in tid(drv, "tb-total-debit").text)
    assert "Rp2.350.000" in tid(d, "tb-total-credit").text

    # Tutup buku: closing last month is one click and says what it means.
    tid(d, "nav-pembukuan").click()
    tid(d, "books-tab-closing").click()
    wait(d, lambda drv: len(rows(drv, "closing-row")) == 12)
    shot(d, shots / "26-tutup-buku.png")

    # Bagan akun: a second bank account, then it is offered as a money account.
    tid(d, "books-tab-accounts").click()
    tid(d, "account-add").click()
    tid(d, "account-name").send_keys("Bank BRI")
    Select(tid(d, "account-kind")).select_by_value("bank")
    tid(d, "account-save").click()
    wait(d, lambda drv: any("Bank BRI" in r.text for r in rows(drv, "account-row")))
    tab = tid(d, "books-tab-cash")
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", tab)
    shot(d, shots / "27-bagan-akun.png")
    tab.click()
    tid(d, "cash-in").click()
    assert any("Bank BRI" in o.text for o in Select(tid(d, "cash-account")).options)
    tid(d, "cash-amount").send_keys(Keys.ESCAPE)

    # The command line reads the same figures from the same file.
    app.stop()
    today = json.loads(cli(home, "laporan", "laba-rugi", "--json").stdout)
    assert (today["revenue"], today["expenses"], today["net_profit"]) == (2_350_000, 350_000, 2_000_000)
    budget = json.loads(cli(home, "laporan", "anggaran", "--json").stdout)
    row = next(r for r in budget["rows"] if "listrik" in r["account"]["name"].lower())
    assert (row["budget"], row["actual"], row["difference"]) == (300_000, 350_000, -50_000)
