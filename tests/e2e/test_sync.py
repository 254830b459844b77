"""End to end, in the real app: connect a business to a sync server, make a pairing code,
join the business from a second computer, and see a change travel between them."""
import json

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from test_first_run import set_value, shot, tid, wait_error, wait_text


def create_business(d, name):
    tid(d, "wizard")
    tid(d, "wizard-name").send_keys(name)
    tid(d, "wizard-owner").send_keys("Ani Suryani")
    Select(tid(d, "wizard-type")).select_by_value("kuliner")
    tid(d, "wizard-submit").click()
    wait_text(d, "topbar-business-name", name)


def attr(d, name, attribute):
    return d.find_element(By.CSS_SELECTOR, f'[data-testid="{name}"]').get_attribute(attribute)


def test_two_computers_share_a_business(new_app, sync_server, shots, cli):
    first = new_app()
    d = first.start()
    create_business(d, "Toko Roti Ibu Ani")
    tid(d, "nav-sinkronisasi").click()
    tid(d, "sync-connect-form")
    shot(d, shots / "09-sinkronisasi-belum.png")
    # A short password is refused before anything is sent.
    tid(d, "sync-server").send_keys(sync_server.removeprefix("http://"))
    tid(d, "sync-password").send_keys("pendek")
    tid(d, "sync-connect").click()
    wait_error(d, "8 karakter")
    set_value(d, tid(d, "sync-password"), "")
    tid(d, "sync-password").send_keys("roti-enak-sekali")
    tid(d, "sync-connect").click()
    WebDriverWait(d, 30).until(lambda drv: attr(drv, "sync-indicator", "data-kind") == "synced")
    assert tid(d, "sync-server-url").get_attribute("textContent") == sync_server
    tid(d, "sync-make-code").click()
    code = tid(d, "sync-code").get_attribute("textContent").strip()
    assert len(code) == 9 and code[4] == "-", code
    shot(d, shots / "10-sinkronisasi-kode.png")
    tid(d, "sync-conflicts-empty")
    first.stop()

    second = new_app()
    d = second.start()
    tid(d, "wizard-join").click()
    tid(d, "join-form")
    tid(d, "join-server").send_keys(sync_server)
    tid(d, "join-code").send_keys("ZZZZ-ZZZZ")
    tid(d, "join-submit").click()
    wait_error(d, "Kode pasangan salah")
    shot(d, shots / "11-gabung-kode-salah.png")
    code_input = tid(d, "join-code")
    set_value(d, code_input, "")
    code_input.send_keys(code.lower())
    tid(d, "join-submit").click()
    wait_text(d, "topbar-business-name", "Toko Roti Ibu Ani")
    assert "B" in tid(d, "topbar-device-code").get_attribute("textContent")
    # A change on the second computer, sent at once.
    tid(d, "nav-pengaturan").click()
    tid(d, "profile-phone").send_keys("0812 7777 8888")
    tid(d, "profile-save").click()
    tid(d, "profile-saved")
    tid(d, "nav-sinkronisasi").click()
    tid(d, "sync-now").click()
    WebDriverWait(d, 30).until(lambda drv: attr(drv, "sync-pending", "data-count") == "0")
    shot(d, shots / "12-sinkronisasi-perangkat-b.png")
    second.stop()

    # The first computer receives it.
    out = cli(first.home, "sync")
    assert out.returncode == 0, out.stderr
    assert "1 perubahan diterima" in out.stdout
    profile = json.loads(cli(first.home, "profile", "show", "--json").stdout)
    assert profile["phone"] == "6281277778888"
