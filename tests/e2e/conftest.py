"""Fixtures for driving the real Usahaku desktop app through tauri-driver + WebKitWebDriver.

Run under Xvfb (`xvfb-run -a pytest tests/e2e`); the app binary comes from USAHAKU_APP
(default target/debug/usahaku-app). Screenshots go to SCREENSHOT_DIR (default
target/e2e-screenshots).
"""
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.common.options import ArgOptions

ROOT = Path(__file__).resolve().parents[2]
APP = Path(os.environ.get("USAHAKU_APP", ROOT / "target" / "debug" / "usahaku-app")).resolve()
CLI = Path(os.environ.get("USAHAKU_CLI", ROOT / "target" / "debug" / "usahaku")).resolve()
SERVER = Path(os.environ.get("USAHAKU_SERVER", ROOT / "target" / "debug" / "usahaku-server")).resolve()
SHOTS = Path(os.environ.get("SCREENSHOT_DIR", ROOT / "target" / "e2e-screenshots"))


def _port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _tauri_driver() -> str:
    found = shutil.which("tauri-driver") or str(Path.home() / ".cargo" / "bin" / "tauri-driver")
    if not Path(found).exists():
        pytest.fail("tauri-driver not installed: cargo install tauri-driver --version '^2' --locked")
    return found


@pytest.fixture(scope="module")
def home():
    """A fresh data folder shared by the app runs of one test module."""
    with tempfile.TemporaryDirectory(prefix="usahaku-e2e-") as d:
        yield Path(d)


class AppRunner:
    """Starts tauri-driver for each app run, so one data folder survives app restarts."""

    def __init__(self, home: Path):
        self.home = home
        self.proc = None
        self.driver = None

    def start(self):
        assert APP.exists(), f"build the app first: {APP}"
        for port in (4444, 4445):
            assert not _port_open(port), f"port {port} already in use"
        # The WebView keeps its own storage (the chosen language, …) under XDG_DATA_HOME: one per
        # data folder, so a test never starts from what an earlier run left behind.
        env = dict(os.environ, USAHAKU_HOME=str(self.home), XDG_DATA_HOME=str(self.home / "webview-data"))
        self.proc = subprocess.Popen([_tauri_driver()], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while not (_port_open(4444) and _port_open(4445)):
            if self.proc.poll() is not None:
                raise RuntimeError(f"tauri-driver exited: {self.proc.stderr.read().decode(errors='replace')}")
            if time.monotonic() > deadline:
                raise RuntimeError("tauri-driver did not listen on 4444/4445 within 30 s")
            time.sleep(0.1)
        opts = ArgOptions()
        opts.set_capability("browserName", "wry")
        opts.set_capability("tauri:options", {"application": str(APP)})
        self.driver = webdriver.Remote(command_executor="http://127.0.0.1:4444", options=opts)
        self.driver.implicitly_wait(0)
        try:
            self.driver.set_window_size(1366, 768)  # the owners' common laptop screen
        except Exception:  # a driver that cannot resize keeps the default window
            pass
        return self.driver

    def stop(self):
        if self.driver is not None:
            try:
                self.driver.quit()
            finally:
                self.driver = None
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self.proc = None
            deadline = time.monotonic() + 10
            while (_port_open(4444) or _port_open(4445)) and time.monotonic() < deadline:
                time.sleep(0.1)


@pytest.fixture
def app(home):
    runner = AppRunner(home)
    yield runner
    runner.stop()


@pytest.fixture(scope="session")
def shots():
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS


@pytest.fixture(scope="session")
def cli():
    def run(home: Path, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(CLI), "--home", str(home), *args], capture_output=True, text=True, timeout=60)

    assert CLI.exists(), f"build the CLI first: {CLI}"
    return run


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def sync_server():
    """A sync server on loopback with SQLite storage in a temp dir; yields its URL."""
    assert SERVER.exists(), f"build the server first: {SERVER}"
    with tempfile.TemporaryDirectory(prefix="usahaku-e2e-server-") as d:
        port = _free_port()
        proc = subprocess.Popen(
            [str(SERVER), "--db", f"sqlite:{d}/server.db", "--listen", f"127.0.0.1:{port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 20
            while not _port_open(port):
                assert proc.poll() is None, "usahaku-server exited"
                assert time.monotonic() < deadline, "usahaku-server did not listen"
                time.sleep(0.1)
            yield f"http://127.0.0.1:{port}"
        finally:
            proc.terminate()
            proc.wait(timeout=10)


@pytest.fixture
def new_app():
    """Makes app runners on fresh data folders; stops them afterwards."""
    runners, dirs = [], []

    def make():
        d = tempfile.TemporaryDirectory(prefix="usahaku-e2e-")
        dirs.append(d)
        runner = AppRunner(Path(d.name))
        runners.append(runner)
        return runner

    yield make
    for r in runners:
        r.stop()
    for d in dirs:
        d.cleanup()
