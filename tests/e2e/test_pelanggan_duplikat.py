"""End to end, in the real app: two computers of one shop each add the same customer (the same
WhatsApp number) while offline; after they sync, the Duplikat tab shows the pair, and merging
keeps one customer with both names' details. The second computer, after syncing again, lists
one customer too."""
import json
import re

from test_first_run import shot, tid
from test_pembukuan import rows, wait


def run(cli, home, *args):
    done = cli(home, *args)
    assert done.returncode == 0, f"{args}: {done.stderr}"
    return done.stdout


def test_the_same_customer_added_on_two_computers_is_merged(new_app, sync_server, shots, cli):
    first, second = new_app(), new_app()
    run(cli, first.home, "init", "--nama", "Toko Batik Bu Sari", "--pemilik", "Sari")
    run(cli, first.home, "sync", "register", "--server", sync_server, "--password", "batik-tulis-solo")
    code = re.search(r"[A-Z0-9]{4}-[A-Z0-9]{4}", run(cli, first.home, "sync", "code")).group(0)
    run(cli, second.home, "pair", "--server", sync_server, "--code", code)

    # Offline on both: the same WhatsApp number, written two ways, under two names.
    run(cli, first.home, "pelanggan", "tambah", "--nama", "Bu Rina", "--hp", "0812-1111-2222")
    run(cli, second.home, "pelanggan", "tambah", "--nama", "Rina Wati", "--hp", "+62 812 1111 2222",
        "--alamat", "Jl. Slamet Riyadi 12, Solo")
    for home in (first.home, second.home, first.home):
        run(cli, home, "sync")

    d = first.start()
    tid(d, "nav-pelanggan").click()
    tid(d, "customers-tab-duplicates").click()
    group = wait(d, lambda drv: rows(drv, "duplicate-group"))
    assert len(group) == 1
    names = [r.text for r in rows(d, "duplicate-open")]
    assert sorted(names) == ["Bu Rina", "Rina Wati"], names
    shot(d, shots / "66-pelanggan-duplikat.png")

    # Keep "Bu Rina": the address from the other record fills her empty one.
    keep = next(r for r in rows(d, "duplicate-customer") if "Bu Rina" in r.text)
    keep.find_element("css selector", '[data-testid="duplicate-merge"]').click()
    tid(d, "merge")
    shot(d, shots / "67-gabung-pelanggan.png")
    tid(d, "merge-confirm").click()
    tid(d, "duplicates-empty")
    first.stop()

    run(cli, first.home, "sync")
    run(cli, second.home, "sync")
    for home in (first.home, second.home):
        listed = json.loads(run(cli, home, "pelanggan", "daftar", "--json"))
        assert [c["customer"]["name"] for c in listed] == ["Bu Rina"], listed
    rina = json.loads(run(cli, second.home, "pelanggan", "lihat", "Bu Rina", "--json"))["summary"]["customer"]
    assert (rina["phone"], rina["address"]) == ("6281211112222", "Jl. Slamet Riyadi 12, Solo"), rina
