"""End to end, in the real app: the first-run wizard, bad input refused, the profile page,
and the business still there after a restart."""
import json
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait


def tid(driver, name, timeout=20):
    return WebDriverWait(driver, timeout).until(
        EC.visibility_of_element_located((By.CSS_SELECTOR, f'[data-testid="{name}"]'))
    )


def wait_text(driver, name, expected, timeout=20):
    """Waits until the element's text is `expected` (rendering may lag the click)."""
    el = tid(driver, name, timeout)
    WebDriverWait(driver, timeout).until(lambda _: el.get_attribute("textContent").strip() == expected)
    return el


def error_texts(driver):
    return [e.get_attribute("textContent") for e in driver.find_elements(By.CSS_SELECTOR, '[data-testid="error-message"]') if e.is_displayed()]


def wait_error(driver, fragment, timeout=10):
    WebDriverWait(driver, timeout).until(lambda d: any(fragment in t for t in error_texts(d)))


def set_value(driver, element, value):
    """Puts a value in an input the way a paste does (fast even for 10 000 characters)."""
    driver.execute_script(
        "arguments[0].value = arguments[1];"
        "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        element,
        value,
    )


def shot(driver, path):
    """Screenshot after transitions (hover, highlight) have settled."""
    time.sleep(0.4)
    driver.save_screenshot(str(path))


def business_files(home):
    return sorted(p.name for p in (home / "usaha").glob("*.usahaku")) if (home / "usaha").exists() else []


def test_wizard_refuses_bad_input_then_creates_and_survives_restart(app, home, shots, cli):
    d = app.start()
    tid(d, "wizard")
    shot(d, shots / "01-wizard.png")

    # Empty name: refused with a clear message, nothing written.
    tid(d, "wizard-owner").send_keys("Ni Luh Putu Ayu")
    Select(tid(d, "wizard-type")).select_by_value("kuliner")
    tid(d, "wizard-submit").click()
    wait_error(d, "Nama usaha wajib diisi.")
    shot(d, shots / "02-wizard-error.png")
    assert business_files(home) == []

    # A 10 000-character name: refused by the store's validation, nothing written.
    set_value(d, tid(d, "wizard-name"), "x" * 10_000)
    tid(d, "wizard-submit").click()
    wait_error(d, "Nama usaha terlalu panjang (paling banyak 100 karakter).")
    assert business_files(home) == []

    # An unknown time zone cannot be chosen in the wizard; sent to the command directly it
    # is refused too and writes nothing.
    refused = d.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "window.__TAURI_INTERNALS__.invoke('create_business', {input: {name: 'Toko', owner_name: 'Ayu',"
        " business_type: 'toko', timezone: 'GMT'}}).then(() => done('accepted'), (e) => done(String(e)));"
    )
    assert refused != "accepted" and "GMT" in refused, refused
    assert business_files(home) == []

    name = tid(d, "wizard-name")
    set_value(d, name, "")
    name.send_keys("Warung Makan Bu Ayu")
    tid(d, "wizard-tz-WITA").click()
    tid(d, "wizard-submit").click()
    wait_text(d, "topbar-business-name", "Warung Makan Bu Ayu")
    tid(d, "shell")
    shot(d, shots / "03-beranda.png")
    assert len(business_files(home)) == 1

    # A new shop's customer list says what it is for.
    tid(d, "nav-pelanggan").click()
    tid(d, "pelanggan-page")
    shot(d, shots / "04-pelanggan-kosong.png")

    # Profile page: a phone number with letters is refused, then a good one is saved.
    tid(d, "nav-pengaturan").click()
    tid(d, "profile-form")
    phone = tid(d, "profile-phone")
    phone.send_keys("0812-ABCD-7890")
    tid(d, "profile-save").click()
    wait_error(d, "Nomor telepon hanya boleh berisi angka")
    shot(d, shots / "05-profil-error.png")
    set_value(d, phone, "")
    phone.send_keys("0812 3456 7890")
    tid(d, "profile-address").send_keys("Jl. Danau Tamblingan No. 5, Sanur")
    tid(d, "profile-save").click()
    tid(d, "profile-saved")
    assert tid(d, "profile-phone").get_attribute("value") == "+62 812-3456-7890"
    shot(d, shots / "06-profil-tersimpan.png")

    # English on request.
    tid(d, "lang-en").click()
    WebDriverWait(d, 10).until(lambda drv: "Settings" in drv.find_element(By.CSS_SELECTOR, '[data-testid="nav-pengaturan"]').get_attribute("textContent"))
    shot(d, shots / "07-settings-en.png")
    tid(d, "lang-id").click()
    app.stop()

    # What the app wrote, read back through the CLI: the profile and exactly two ops
    # (creation + one profile edit); the refused attempts left nothing.
    shown = cli(home, "profile", "show", "--json")
    assert shown.returncode == 0, shown.stderr
    profile = json.loads(shown.stdout)
    assert profile["name"] == "Warung Makan Bu Ayu"
    assert profile["owner_name"] == "Ni Luh Putu Ayu"
    assert profile["timezone"] == "WITA"
    assert profile["phone"] == "6281234567890"
    ops = json.loads(cli(home, "ops", "list", "--json").stdout)
    assert [o["op"]["device_seq"] for o in ops] == [2, 1]

    # Restart: straight into the business, no wizard.
    d = app.start()
    wait_text(d, "topbar-business-name", "Warung Makan Bu Ayu")
    assert d.find_elements(By.CSS_SELECTOR, '[data-testid="wizard"]') == []
    tid(d, "nav-pengaturan").click()
    assert tid(d, "profile-address").get_attribute("value") == "Jl. Danau Tamblingan No. 5, Sanur"
    shot(d, shots / "08-setelah-restart.png")
