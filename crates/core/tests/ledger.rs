//! Pembukuan through the public API: a month of "Toko Kue Bu Sari" with every figure computed
//! by hand, bad input that must write nothing, random postings that must keep the books
//! balanced, and two devices that must show the same statements.

#![allow(clippy::unwrap_used)] // test code: a failure should panic with its location

use jiff::civil::{Date, date};
use std::sync::Arc;
use usahaku_core::ledger::{
    AccountRole, Aging, CashMove, EntryKind, LedgerError, NewDebt, NewEntry, NewLine,
};
use usahaku_core::{
    BusinessType, CoreError, Home, ManualClock, Money, NewBusiness, Store, TaxpayerKind, Timezone,
};
use uuid::Uuid;

fn rp(n: i64) -> Money {
    Money::from_rupiah(n)
}

fn business(dir: &std::path::Path, name: &str) -> Store {
    let clock = ManualClock::stepping(1_793_000_000_000, 5);
    Home::new(dir)
        .create(
            Arc::new(clock),
            NewBusiness {
                name: name.into(),
                owner_name: "Sari".into(),
                business_type: BusinessType::Kuliner,
                timezone: Timezone::Wib,
            },
        )
        .unwrap()
        .0
}

fn id(s: &Store, code: &str) -> Uuid {
    s.account_by_code(code).unwrap().id
}

fn cash_move(date: Date, amount: i64, category: Uuid, money: Uuid, note: &str) -> CashMove {
    CashMove {
        date,
        amount: rp(amount),
        category,
        money_account: money,
        note: note.into(),
        counterparty: None,
    }
}

/// November 2026 of Toko Kue Bu Sari, as in the issue. Returns (piutang Pak Budi, utang supplier).
fn november(s: &mut Store) -> (Uuid, Uuid) {
    let kas = s.account_by_role(AccountRole::Cash).unwrap().id;
    let bank = s.account_by_role(AccountRole::Bank).unwrap().id;
    let (peralatan, bahan, sewa, listrik, penjualan) =
        (id(s, "1-401"), id(s, "6-101"), id(s, "6-103"), id(s, "6-104"), id(s, "4-101"));
    s.capital_in(date(2026, 11, 1), kas, rp(10_000_000), "Modal awal").unwrap();
    s.record_expense(&cash_move(date(2026, 11, 2), 3_500_000, peralatan, kas, "Oven")).unwrap();
    s.record_expense(&cash_move(date(2026, 11, 3), 1_200_000, bahan, kas, "Bahan kue, bayar tunai")).unwrap();
    let supplier = s
        .record_payable(&NewDebt {
            date: date(2026, 11, 3),
            counterparty: "Toko Bahan Makmur".into(),
            amount: rp(800_000),
            category: bahan,
            due_date: Some(date(2026, 11, 30)),
            note: "Bahan kue, sisa".into(),
        })
        .unwrap();
    for (day, amount) in [(5, 1_500_000), (10, 1_000_000), (17, 2_000_000), (22, 1_200_000), (27, 800_000)] {
        s.record_income(&cash_move(date(2026, 11, day), amount, penjualan, kas, "")).unwrap();
    }
    let budi = s
        .record_receivable(&NewDebt {
            date: date(2026, 11, 15),
            counterparty: "Warung Pak Budi".into(),
            amount: rp(1_500_000),
            category: penjualan,
            due_date: Some(date(2026, 11, 30)),
            note: "Kue pesanan".into(),
        })
        .unwrap();
    s.record_expense(&cash_move(date(2026, 11, 20), 1_000_000, sewa, kas, "Sewa")).unwrap();
    s.record_expense(&cash_move(date(2026, 11, 20), 350_000, listrik, kas, "Listrik")).unwrap();
    s.settle_debt(budi, date(2026, 11, 25), rp(1_000_000), kas, "").unwrap();
    s.settle_debt(supplier, date(2026, 11, 28), rp(500_000), kas, "").unwrap();
    s.transfer(date(2026, 11, 29), kas, bank, rp(2_000_000), "").unwrap();
    s.owner_drawing(date(2026, 11, 30), kas, rp(700_000), "").unwrap();
    (budi, supplier)
}

fn amount_of(lines: &[usahaku_core::reports::AccountAmount], code: &str) -> Money {
    lines.iter().find(|l| l.account.code == code).map_or(Money::ZERO, |l| l.amount)
}

#[test]
fn a_month_of_toko_kue_bu_sari_gives_the_hand_computed_statements() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = business(dir.path(), "Toko Kue Bu Sari");
    let (budi, supplier) = november(&mut s);
    let (from, to) = (date(2026, 11, 1), date(2026, 11, 30));

    let pl = s.profit_and_loss(from, to).unwrap();
    assert_eq!(pl.revenue, rp(8_000_000));
    assert_eq!(pl.expenses, rp(3_350_000));
    assert_eq!(pl.net_profit, rp(4_650_000));

    let bs = s.balance_sheet(to).unwrap();
    assert_eq!(amount_of(&bs.assets, "1-101"), rp(8_250_000), "Kas");
    assert_eq!(amount_of(&bs.assets, "1-102"), rp(2_000_000), "Bank");
    assert_eq!(amount_of(&bs.assets, "1-201"), rp(500_000), "Piutang");
    assert_eq!(amount_of(&bs.assets, "1-401"), rp(3_500_000), "Peralatan");
    assert_eq!(bs.total_assets, rp(14_250_000));
    assert_eq!(amount_of(&bs.liabilities, "2-101"), rp(300_000), "Utang usaha");
    assert_eq!(bs.total_liabilities, rp(300_000));
    assert_eq!(amount_of(&bs.equity, "3-101"), rp(10_000_000), "Modal");
    assert_eq!(amount_of(&bs.equity, "3-102"), rp(-700_000), "Prive");
    assert_eq!(bs.retained_earnings, rp(4_650_000));
    assert_eq!(bs.total_equity, rp(13_950_000));

    let cf = s.cash_flow(from, to).unwrap();
    assert_eq!(cf.operating, rp(4_450_000));
    assert_eq!(cf.investing, rp(-3_500_000));
    assert_eq!(cf.financing, rp(9_300_000));
    assert_eq!(cf.net, rp(10_250_000));
    assert_eq!((cf.opening, cf.closing), (rp(0), rp(10_250_000)));

    let individual = s.pph_final(2026, 11, TaxpayerKind::OrangPribadi).unwrap();
    assert_eq!(individual.revenue, rp(8_000_000));
    assert_eq!(individual.tax, rp(0), "under Rp500 juta in the year");
    let company = s.pph_final(2026, 11, TaxpayerKind::Badan).unwrap();
    assert_eq!(company.tax, rp(40_000));
    assert_eq!((company.kap.as_str(), company.basis.as_str(), company.rate_bp), ("411128", "PP 55/2022", 50));

    let tb = s.trial_balance(to).unwrap();
    let debit: i64 = tb.iter().map(|r| r.debit.rupiah()).sum();
    let credit: i64 = tb.iter().map(|r| r.credit.rupiah()).sum();
    assert_eq!(debit, credit);
    // Kas 8.250.000 + Bank 2.000.000 + Piutang 500.000 + Peralatan 3.500.000 + Prive 700.000
    // + Bahan 2.000.000 + Sewa 1.000.000 + Listrik 350.000.
    assert_eq!(debit, 18_300_000);

    let debts = s.debts().unwrap();
    let b = debts.iter().find(|d| d.id == budi).unwrap();
    assert_eq!((b.receivable, b.paid, b.outstanding), (true, rp(1_000_000), rp(500_000)));
    assert_eq!(b.aging(date(2026, 11, 30)), Aging::NotDue);
    // Due 30 Nov: 30 Dec is 30 days late, 31 Dec 31 days, 29 Jan 60 days, 30 Jan 61 days.
    assert_eq!(b.aging(date(2026, 12, 30)), Aging::Overdue1To30);
    assert_eq!(b.aging(date(2026, 12, 31)), Aging::Overdue31To60);
    assert_eq!(b.aging(date(2027, 1, 29)), Aging::Overdue31To60);
    assert_eq!(b.aging(date(2027, 1, 30)), Aging::OverdueOver60);
    let sup = debts.iter().find(|d| d.id == supplier).unwrap();
    assert_eq!((sup.receivable, sup.outstanding), (false, rp(300_000)));
}

#[test]
fn pph_final_for_an_individual_starts_when_the_year_passes_500_juta() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = business(dir.path(), "Konveksi Besar");
    let kas = s.account_by_role(AccountRole::Cash).unwrap().id;
    let penjualan = id(&s, "4-101");
    // Rp450 juta by October, Rp80 juta in November: Rp30 juta of November is taxed.
    s.record_income(&cash_move(date(2026, 3, 10), 450_000_000, penjualan, kas, "")).unwrap();
    s.record_income(&cash_move(date(2026, 11, 10), 80_000_000, penjualan, kas, "")).unwrap();
    let nov = s.pph_final(2026, 11, TaxpayerKind::OrangPribadi).unwrap();
    assert_eq!(nov.revenue_before, rp(450_000_000));
    assert_eq!(nov.taxable, rp(30_000_000));
    assert_eq!(nov.tax, rp(150_000));
    // A new year starts from zero again.
    s.record_income(&cash_move(date(2027, 1, 5), 80_000_000, penjualan, kas, "")).unwrap();
    assert_eq!(s.pph_final(2027, 1, TaxpayerKind::OrangPribadi).unwrap().tax, rp(0));
    assert_eq!(s.pph_final(2027, 1, TaxpayerKind::Badan).unwrap().tax, rp(400_000));
}

#[test]
fn bad_input_is_refused_with_a_clear_message_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = business(dir.path(), "Toko Uji");
    let kas = s.account_by_role(AccountRole::Cash).unwrap().id;
    let (penjualan, sewa) = (id(&s, "4-101"), id(&s, "6-103"));
    s.record_income(&cash_move(date(2026, 10, 5), 100_000, penjualan, kas, "")).unwrap();
    s.lock_month(2026, 10, true).unwrap();
    let manual = |lines: Vec<NewLine>, day: Date| NewEntry {
        date: day,
        kind: EntryKind::Manual,
        memo: "Jurnal umum".into(),
        counterparty: None,
        due_date: None,
        settles: None,
        reverses: None,
        lines,
    };
    let nov = date(2026, 11, 10);
    let cases: Vec<(&str, Result<Uuid, CoreError>, LedgerError)> = vec![
        ("zero", s.record_income(&cash_move(nov, 0, penjualan, kas, "")), LedgerError::AmountNotPositive),
        (
            "negative",
            s.record_expense(&cash_move(nov, -5_000, sewa, kas, "")),
            LedgerError::AmountNotPositive,
        ),
        (
            "overflow",
            s.post(&manual(
                vec![
                    NewLine::debit(kas, Money::MAX),
                    NewLine::debit(kas, rp(1)),
                    NewLine::credit(penjualan, Money::MAX),
                ],
                nov,
            )),
            LedgerError::AmountTooLarge,
        ),
        (
            "unbalanced",
            s.post(&manual(
                vec![NewLine::debit(kas, rp(10_000)), NewLine::credit(penjualan, rp(9_000))],
                nov,
            )),
            LedgerError::Unbalanced { debit: rp(10_000), credit: rp(9_000) },
        ),
        (
            "unknown account",
            s.post(&manual(
                vec![NewLine::debit(Uuid::from_u128(42), rp(10)), NewLine::credit(kas, rp(10))],
                nov,
            )),
            LedgerError::UnknownAccount,
        ),
        (
            "locked month",
            s.record_income(&cash_move(date(2026, 10, 31), 50_000, penjualan, kas, "")),
            LedgerError::LockedMonth("2026-10".into()),
        ),
        (
            "due before date",
            s.record_receivable(&NewDebt {
                date: nov,
                counterparty: "Bu Ani".into(),
                amount: rp(20_000),
                category: penjualan,
                due_date: Some(date(2026, 11, 1)),
                note: String::new(),
            }),
            LedgerError::DueBeforeDate,
        ),
        (
            "no counterparty",
            s.record_payable(&NewDebt {
                date: nov,
                counterparty: "  ".into(),
                amount: rp(20_000),
                category: sewa,
                due_date: None,
                note: String::new(),
            }),
            LedgerError::Required("counterparty"),
        ),
        ("sales into sales", s.record_income(&cash_move(nov, 5_000, kas, kas, "")), LedgerError::SameAccount),
    ];
    let ops = s.op_count().unwrap();
    for (what, result, expected) in cases {
        match result {
            Err(CoreError::Ledger(e)) => {
                assert_eq!(e, expected, "{what}");
                let msg = CoreError::Ledger(e).message(usahaku_core::Lang::Id);
                assert!(!msg.is_empty() && !msg.contains("Ledger"), "{what}: {msg}");
            }
            other => panic!("{what}: {other:?}"),
        }
    }
    assert_eq!(s.op_count().unwrap(), ops, "nothing written");
    assert_eq!(
        CoreError::Ledger(LedgerError::LockedMonth("2026-10".into())).message(usahaku_core::Lang::Id),
        "Bulan 2026-10 sudah ditutup (tutup buku). Pakai tanggal di bulan yang masih terbuka."
    );
    // Paying more than is owed is refused too; the exact amount is accepted.
    let debt = s
        .record_receivable(&NewDebt {
            date: nov,
            counterparty: "Bu Ani".into(),
            amount: rp(20_000),
            category: penjualan,
            due_date: None,
            note: String::new(),
        })
        .unwrap();
    let over = s.settle_debt(debt, nov, rp(20_001), kas, "").unwrap_err();
    assert!(
        matches!(over, CoreError::Ledger(LedgerError::OverPayment { outstanding }) if outstanding == rp(20_000))
    );
    s.settle_debt(debt, nov, rp(20_000), kas, "").unwrap();
    assert!(matches!(
        s.settle_debt(debt, nov, rp(1), kas, ""),
        Err(CoreError::Ledger(LedgerError::NotADebt))
    ));
}

#[test]
fn a_correction_reverses_an_entry_once_and_leaves_it_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = business(dir.path(), "Toko Koreksi");
    let kas = s.account_by_role(AccountRole::Cash).unwrap().id;
    let sewa = id(&s, "6-103");
    let wrong =
        s.record_expense(&cash_move(date(2026, 11, 3), 1_000_000, sewa, kas, "Sewa (salah)")).unwrap();
    s.reverse_entry(wrong, date(2026, 11, 4), "").unwrap();
    s.record_expense(&cash_move(date(2026, 11, 4), 100_000, sewa, kas, "Sewa")).unwrap();
    let pl = s.profit_and_loss(date(2026, 11, 1), date(2026, 11, 30)).unwrap();
    assert_eq!(pl.expenses, rp(100_000));
    assert_eq!(s.entry(wrong).unwrap().lines[0].debit, rp(1_000_000), "the original is never edited");
    assert!(matches!(
        s.reverse_entry(wrong, date(2026, 11, 5), ""),
        Err(CoreError::Ledger(LedgerError::AlreadyReversed))
    ));
}

/// Random valid postings (income, expense, transfers, debts, settlements, capital, drawings
/// and reversals) on random days: at every date the trial balance sums to zero and
/// assets = liabilities + equity.
#[test]
fn random_postings_keep_the_books_balanced_at_every_date() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = business(dir.path(), "Toko Acak");
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n
    };
    let money: Vec<Uuid> = [AccountRole::Cash, AccountRole::Bank, AccountRole::Ewallet]
        .iter()
        .map(|r| s.account_by_role(*r).unwrap().id)
        .collect();
    let categories: Vec<Uuid> =
        ["4-101", "4-201", "6-101", "6-102", "6-103", "1-401", "1-301"].iter().map(|c| id(&s, c)).collect();
    let mut posted = Vec::new();
    let mut debts = Vec::new();
    for _ in 0..400 {
        let day = date(2026, 1 + next(12) as i8, 1 + next(28) as i8);
        let amount = rp(1 + next(5_000_000) as i64);
        let m = money[next(3) as usize];
        let cat = categories[next(categories.len() as u64) as usize];
        let r = match next(8) {
            0 => s.record_income(&cash_move(day, amount.rupiah(), cat, m, "")),
            1 => s.record_expense(&cash_move(day, amount.rupiah(), cat, m, "")),
            2 => s.transfer(
                day,
                m,
                money[(next(2) as usize + 1 + money.iter().position(|x| *x == m).unwrap()) % 3],
                amount,
                "",
            ),
            3 => s.capital_in(day, m, amount, ""),
            4 => s.owner_drawing(day, m, amount, ""),
            5 => {
                let d = NewDebt {
                    date: day,
                    counterparty: "Pelanggan".into(),
                    amount,
                    category: cat,
                    due_date: None,
                    note: String::new(),
                };
                let r = if next(2) == 0 { s.record_receivable(&d) } else { s.record_payable(&d) };
                if let Ok(id) = r {
                    debts.push(id);
                }
                r
            }
            6 if !debts.is_empty() => {
                let debt = debts[next(debts.len() as u64) as usize];
                let open = s.debts().unwrap().into_iter().find(|d| d.id == debt).unwrap().outstanding;
                if open > Money::ZERO {
                    s.settle_debt(debt, day, rp(1 + next(open.rupiah() as u64) as i64), m, "")
                } else {
                    continue;
                }
            }
            _ if !posted.is_empty() => {
                let e = posted[next(posted.len() as u64) as usize];
                match s.reverse_entry(e, day, "") {
                    Err(CoreError::Ledger(LedgerError::AlreadyReversed)) => continue,
                    other => other,
                }
            }
            _ => continue,
        };
        posted.push(r.unwrap());
    }
    assert!(posted.len() > 300, "{} postings", posted.len());
    for month in 1..=12 {
        let end = date(2026, month, 1).last_of_month();
        let tb = s.trial_balance(end).unwrap();
        let debit: i64 = tb.iter().map(|r| r.debit.rupiah()).sum();
        let credit: i64 = tb.iter().map(|r| r.credit.rupiah()).sum();
        assert_eq!(debit, credit, "trial balance at {end}");
        let bs = s.balance_sheet(end).unwrap();
        assert_eq!(
            bs.total_assets.rupiah(),
            bs.total_liabilities.rupiah() + bs.total_equity.rupiah(),
            "{end}"
        );
        let cf = s.cash_flow(date(2026, month, 1), end).unwrap();
        assert_eq!(cf.opening.rupiah() + cf.net.rupiah(), cf.closing.rupiah(), "cash flow of {end}");
    }
}

/// Two devices record cash entries offline, then exchange their ops: both show the same
/// statements.
#[test]
fn two_devices_that_exchange_ops_show_the_same_statements() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = business(&dir.path().join("a"), "Toko Dua Kasir");
    let link = usahaku_core::SyncLink { server_url: "http://127.0.0.1:9".into(), token: "t".into() };
    a.link_to_server(&link).unwrap();
    let device =
        usahaku_core::Device { id: usahaku_proto::DeviceId(Uuid::from_u128(0xB0B)), code: "B".into() };
    let clock = ManualClock::stepping(1_793_000_100_000, 3);
    let mut b =
        Home::new(dir.path().join("b")).join(Arc::new(clock), a.business_id(), &device, &link).unwrap();
    for op in a.outbox(1000).unwrap() {
        b.apply_remote(&op).unwrap();
    }
    let kas = a.account_by_role(AccountRole::Cash).unwrap().id;
    let (penjualan, sewa) = (id(&a, "4-101"), id(&a, "6-103"));
    a.record_income(&cash_move(date(2026, 11, 2), 250_000, penjualan, kas, "Kasir A")).unwrap();
    a.record_expense(&cash_move(date(2026, 11, 3), 40_000, sewa, kas, "")).unwrap();
    b.record_income(&cash_move(date(2026, 11, 2), 175_000, penjualan, kas, "Kasir B")).unwrap();
    let from_a = a.outbox(1000).unwrap();
    let from_b = b.outbox(1000).unwrap();
    for op in &from_b {
        a.apply_remote(op).unwrap();
    }
    for op in from_a.iter().chain(from_a.iter()) {
        b.apply_remote(op).unwrap(); // twice: a retried delivery changes nothing
    }
    let (from, to) = (date(2026, 11, 1), date(2026, 11, 30));
    for s in [&a, &b] {
        let pl = s.profit_and_loss(from, to).unwrap();
        assert_eq!((pl.revenue, pl.expenses, pl.net_profit), (rp(425_000), rp(40_000), rp(385_000)));
        assert_eq!(amount_of(&s.balance_sheet(to).unwrap().assets, "1-101"), rp(385_000));
    }
    assert_eq!(a.trial_balance(to).unwrap(), b.trial_balance(to).unwrap());
}

/// Cash book, Buku Besar and the piutang reminder on Bu Sari's month.
#[test]
fn the_cash_book_and_buku_besar_of_bu_sari_show_the_hand_computed_balances() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = business(dir.path(), "Toko Kue Bu Sari");
    let (budi, supplier) = november(&mut s);
    let kas = s.account_by_role(AccountRole::Cash).unwrap().id;
    let nov = |money_account, category| usahaku_core::journal::CashBookFilter {
        from: date(2026, 11, 1),
        to: date(2026, 11, 30),
        money_account,
        category,
    };

    // Kas: in 10.000.000 + 6.500.000 + 1.000.000; out 3.500.000 + 1.200.000 + 1.000.000
    // + 350.000 + 500.000 + 2.000.000 + 700.000.
    let book = s.cash_book(&nov(Some(kas), None)).unwrap();
    assert_eq!(book.opening, rp(0));
    assert_eq!(book.total_in, rp(17_500_000));
    assert_eq!(book.total_out, rp(9_250_000));
    assert_eq!(book.closing, rp(8_250_000));
    assert_eq!(book.rows.len(), 14);
    assert_eq!(book.rows.last().unwrap().balance, rp(8_250_000));
    assert_eq!(book.rows[1].money_out, rp(3_500_000));
    assert_eq!(book.rows[1].balance, rp(6_500_000), "after the oven");
    // All money accounts: the transfer moves Rp2.000.000 out of Kas and into Bank.
    let all = s.cash_book(&nov(None, None)).unwrap();
    assert_eq!((all.total_in, all.total_out, all.closing), (rp(19_500_000), rp(9_250_000), rp(10_250_000)));
    // Category Penjualan: the five cash sales only.
    let sales = s.cash_book(&nov(None, Some(id(&s, "4-101")))).unwrap();
    assert_eq!((sales.rows.len(), sales.total_in, sales.total_out), (5, rp(6_500_000), rp(0)));
    // From 21 Nov: opening is what Kas held after the 20th.
    let late = s
        .cash_book(&usahaku_core::journal::CashBookFilter {
            from: date(2026, 11, 21),
            to: date(2026, 11, 30),
            money_account: Some(kas),
            category: None,
        })
        .unwrap();
    // 10.000.000 − 3.500.000 − 1.200.000 + 1.500.000 + 1.000.000 + 2.000.000 − 1.000.000 − 350.000
    assert_eq!(late.opening, rp(8_450_000));
    assert_eq!(late.closing, rp(8_250_000));

    // Buku Besar Utang usaha (credit-normal): 800.000 on the 3rd, 500.000 paid on the 28th.
    let utang = id(&s, "2-101");
    let gl = s.general_ledger(utang, date(2026, 11, 1), date(2026, 11, 30)).unwrap();
    let balances: Vec<Money> = gl.rows.iter().map(|r| r.balance).collect();
    assert_eq!(balances, vec![rp(800_000), rp(300_000)]);
    let part = s.general_ledger(utang, date(2026, 11, 10), date(2026, 12, 31)).unwrap();
    assert_eq!((part.opening, part.rows.len(), part.closing), (rp(800_000), 1, rp(300_000)));
    assert_eq!(part.rows[0].debit, rp(500_000));

    // The reminder for Pak Budi's Rp500.000, due 30 Nov.
    let r = s.debt_reminder(budi, "0812-3456-7890", usahaku_core::Lang::Id).unwrap();
    assert_eq!(
        r.text,
        "Halo Warung Pak Budi, kami dari Toko Kue Bu Sari ingin mengingatkan tagihan sebesar Rp500.000 (Kue pesanan) \
         yang jatuh tempo pada 30 Nov 2026. Terima kasih."
    );
    assert!(
        r.link.starts_with("https://wa.me/6281234567890?text=Halo%20Warung%20Pak%20Budi%2C%20kami"),
        "{}",
        r.link
    );
    assert!(r.link.contains("Rp500%2E000"), "{}", r.link);
    let bad = s.debt_reminder(budi, "08123", usahaku_core::Lang::Id).unwrap_err();
    assert!(
        bad.message(usahaku_core::Lang::Id).contains("Nomor telepon"),
        "{}",
        bad.message(usahaku_core::Lang::Id)
    );
    let _ = supplier;
    // A piutang without a keterangan of its own: the message does not name the category.
    let plain = s
        .record_receivable(&NewDebt {
            date: date(2026, 11, 16),
            counterparty: "Bu Rina".into(),
            amount: rp(75_000),
            category: id(&s, "4-101"),
            due_date: None,
            note: String::new(),
        })
        .unwrap();
    let r = s.debt_reminder(plain, "+62 812 3456 7890", usahaku_core::Lang::Id).unwrap();
    assert_eq!(
        r.text,
        "Halo Bu Rina, kami dari Toko Kue Bu Sari ingin mengingatkan tagihan sebesar Rp75.000. Terima kasih."
    );
}

/// Anggaran: set once, a budget holds for the months after it; actual vs budget by hand.
#[test]
fn budgets_hold_from_their_month_on_and_compare_with_what_was_spent() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = business(dir.path(), "Toko Kue Bu Sari");
    november(&mut s);
    let (bahan, sewa, listrik, gaji) = (id(&s, "6-101"), id(&s, "6-103"), id(&s, "6-104"), id(&s, "6-102"));
    s.set_budget(bahan, 2026, 10, rp(2_500_000)).unwrap();
    s.set_budget(sewa, 2026, 11, rp(1_000_000)).unwrap();
    s.set_budget(listrik, 2026, 11, rp(300_000)).unwrap();
    s.set_budget(gaji, 2026, 12, rp(1_500_000)).unwrap();
    let r = s.budget_report(2026, 11).unwrap();
    let row = |code: &str| {
        r.rows.iter().find(|x| x.account.code == code).map(|x| (x.budget, x.actual, x.difference))
    };
    assert_eq!(row("6-101"), Some((rp(2_500_000), rp(2_000_000), rp(500_000))), "October's budget holds");
    assert_eq!(row("6-103"), Some((rp(1_000_000), rp(1_000_000), rp(0))));
    assert_eq!(row("6-104"), Some((rp(300_000), rp(350_000), rp(-50_000))), "over budget");
    assert_eq!(row("6-102"), None, "December's budget does not reach back");
    assert_eq!(
        (r.total_budget, r.total_actual, r.total_difference),
        (rp(3_800_000), rp(3_350_000), rp(450_000))
    );
    // A later change for December leaves November alone.
    s.set_budget(bahan, 2026, 12, rp(0)).unwrap();
    assert_eq!(s.budget_for(bahan, 2026, 11).unwrap(), rp(2_500_000));
    assert_eq!(s.budget_for(bahan, 2027, 3).unwrap(), rp(0));

    let ops = s.op_count().unwrap();
    let penjualan = id(&s, "4-101");
    assert!(matches!(
        s.set_budget(penjualan, 2026, 11, rp(1)).unwrap_err(),
        CoreError::Ledger(LedgerError::NotExpenseAccount(_))
    ));
    assert!(matches!(
        s.set_budget(sewa, 2026, 11, rp(-1)).unwrap_err(),
        CoreError::Ledger(LedgerError::NegativeBudget)
    ));
    assert!(matches!(
        s.set_budget(sewa, 2026, 13, rp(1)).unwrap_err(),
        CoreError::Ledger(LedgerError::BadDate(_))
    ));
    assert_eq!(s.op_count().unwrap(), ops, "nothing written");
}

/// Reports read whole months from the monthly totals and the rest from the lines: over any
/// period they equal the sum of the posted lines, added up here from the entries themselves.
#[test]
fn reports_over_any_period_equal_the_sum_of_the_posted_lines() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = business(dir.path(), "Toko Periode");
    let kas = s.account_by_role(AccountRole::Cash).unwrap().id;
    let (penjualan, bahan) = (id(&s, "4-101"), id(&s, "6-101"));
    let mut entries = Vec::new();
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n
    };
    for i in 0..300 {
        let day = date(2025 + next(2) as i16, 1 + next(12) as i8, 1 + next(28) as i8);
        let amount = 1 + next(900_000) as i64;
        let e = if i % 3 == 0 {
            s.record_expense(&cash_move(day, amount, bahan, kas, "")).unwrap()
        } else {
            s.record_income(&cash_move(day, amount, penjualan, kas, "")).unwrap()
        };
        entries.push(e);
    }
    let lines: Vec<(Date, Uuid, i64)> = entries
        .iter()
        .flat_map(|e| {
            let e = s.entry(*e).unwrap();
            e.lines.into_iter().map(move |l| (e.date, l.account, l.debit.rupiah() - l.credit.rupiah()))
        })
        .collect();
    let net = |account: Uuid, from: Date, to: Date| -> i64 {
        lines.iter().filter(|(d, a, _)| *a == account && *d >= from && *d <= to).map(|l| l.2).sum()
    };
    for _ in 0..60 {
        let a = date(2025 + next(2) as i16, 1 + next(12) as i8, 1 + next(31).min(27) as i8);
        let b = date(2025 + next(2) as i16, 1 + next(12) as i8, 1 + next(28) as i8);
        let (from, to) = if a <= b { (a, b) } else { (b, a) };
        let to = if next(3) == 0 { to.last_of_month() } else { to };
        let pl = s.profit_and_loss(from, to).unwrap();
        assert_eq!(pl.revenue.rupiah(), -net(penjualan, from, to), "revenue {from}..{to}");
        assert_eq!(pl.expenses.rupiah(), net(bahan, from, to), "expenses {from}..{to}");
        let bs = s.balance_sheet(to).unwrap();
        assert_eq!(amount_of(&bs.assets, "1-101").rupiah(), net(kas, date(2000, 1, 1), to), "kas at {to}");
        // Every entry moves Kas, so the cash from operations is what the other lines moved.
        let cf = s.cash_flow(from, to).unwrap();
        assert_eq!(
            cf.operating.rupiah(),
            -(net(penjualan, from, to) + net(bahan, from, to)),
            "cash {from}..{to}"
        );
        assert_eq!(cf.net.rupiah(), net(kas, from, to), "net cash {from}..{to}");
    }
}

/// CALK states compliance with SAK EMKM and carries the business and the period's figures.
#[test]
fn the_notes_state_compliance_with_sak_emkm_and_carry_the_figures() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = business(dir.path(), "Toko Kue Bu Sari");
    november(&mut s);
    let n = s.notes(date(2026, 11, 1), date(2026, 11, 30), usahaku_core::Lang::Id).unwrap();
    let text: Vec<String> = n.notes.iter().flat_map(|n| n.paragraphs.clone()).collect();
    let all = text.join("\n");
    assert!(
        all.contains("Toko Kue Bu Sari adalah usaha di bidang kuliner (makanan dan minuman) milik Sari."),
        "{all}"
    );
    assert!(
        all.contains(
            "sesuai dengan Standar Akuntansi Keuangan Entitas Mikro, Kecil, dan Menengah (SAK EMKM)"
        )
    );
    assert!(all.contains("periode 1 Nov 2026 – 30 Nov 2026"), "{all}");
    // Kas 8.250.000 + Bank 2.000.000; piutang 500.000; utang 300.000; laba 4.650.000.
    assert!(all.contains("sebesar Rp10.250.000 per 30 Nov 2026"), "{all}");
    assert!(all.contains("belum diterima: Rp500.000"), "{all}");
    assert!(all.contains("masih harus dibayar: Rp300.000"), "{all}");
    assert!(all.contains("laba (rugi) bersih Rp4.650.000"), "{all}");
    assert_eq!(n.notes[1].title, "Pernyataan kepatuhan");
}

/// The owner adds a second bank account and a new expense, renames one, and may remove only
/// an account never used that did not come with the app.
#[test]
fn owners_add_rename_and_remove_only_unused_accounts() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = business(dir.path(), "Toko Kue Bu Sari");
    let bri = s.add_account("", "Bank BRI", AccountRole::Bank).unwrap();
    assert_eq!(
        (bri.code.as_str(), bri.kind),
        ("1-403", usahaku_core::ledger::AccountKind::Asset),
        "after 1-402"
    );
    let kemasan = s.add_account("6-150", "Beban kemasan", AccountRole::Expense).unwrap();
    let ops = s.op_count().unwrap();
    for (result, code) in [
        (s.add_account("", "bank bri", AccountRole::Bank), "duplicate_name"),
        (s.add_account("6-150", "Beban plastik", AccountRole::Expense), "duplicate_code"),
        (s.add_account("", "  ", AccountRole::Expense), "required"),
    ] {
        match result {
            Err(CoreError::Ledger(e)) => assert_eq!(e.code(), code),
            other => panic!("{code}: {other:?}"),
        }
    }
    assert_eq!(s.op_count().unwrap(), ops, "nothing written");

    // Money in through the new bank, spent on the new expense: both reports see them.
    s.record_income(&cash_move(date(2026, 11, 2), 900_000, id(&s, "4-101"), bri.id, "Transfer pelanggan"))
        .unwrap();
    s.record_expense(&cash_move(date(2026, 11, 3), 120_000, kemasan.id, bri.id, "Kardus")).unwrap();
    let cf = s.cash_flow(date(2026, 11, 1), date(2026, 11, 30)).unwrap();
    assert_eq!((cf.operating, cf.closing), (rp(780_000), rp(780_000)));
    let book = s
        .cash_book(&usahaku_core::journal::CashBookFilter {
            from: date(2026, 11, 1),
            to: date(2026, 11, 30),
            money_account: Some(bri.id),
            category: None,
        })
        .unwrap();
    assert_eq!((book.rows.len(), book.closing), (2, rp(780_000)));

    s.rename_account(kemasan.id, "Beban kemasan & label").unwrap();
    assert_eq!(s.find_account("kemasan").unwrap().name, "Beban kemasan & label");
    assert!(matches!(
        s.rename_account(kemasan.id, "Beban sewa"),
        Err(CoreError::Ledger(LedgerError::DuplicateName(_)))
    ));
    let in_use =
        |r: usahaku_core::Result<()>| matches!(r, Err(CoreError::Ledger(LedgerError::AccountInUse(_))));
    assert!(in_use(s.remove_account(kemasan.id)), "used");
    assert!(in_use(s.remove_account(id(&s, "1-103"))), "ships with the app");
    let spare = s.add_account("", "Beban lain cadangan", AccountRole::Expense).unwrap();
    s.remove_account(spare.id).unwrap();
    assert!(s.account(spare.id).unwrap().archived);
    // Its name is free again.
    s.add_account("", "Beban lain cadangan", AccountRole::Expense).unwrap();
}
