import { describe, expect, it } from "vitest";
import type { Account } from "./bindings";
import {
  addReceiptLine,
  bookingSyncWarning,
  addScanned,
  bytesOf,
  cardKindKey,
  cardReasonKey,
  EXPIRING_DAYS,
  expiryWhen,
  countChanges,
  countDifference,
  countLines,
  isPayable,
  isTableFile,
  lineTotal,
  newReceiptLine,
  parseQtyText,
  payFromAccounts,
  qtyValue,
  readFileBytes,
  receiptLines,
  receiptTotal,
  signedAdjustQty,
  stockAfterAdjust,
  valueTotal,
  withStockField,
  type CountRow,
} from "./stock";

describe("parseQtyText", () => {
  it("reads whole numbers, decimal commas and dot thousands", () => {
    expect(parseQtyText("12")).toBe(12_000);
    expect(parseQtyText("1,5")).toBe(1_500);
    expect(parseQtyText("0,125")).toBe(125);
    expect(parseQtyText("1.000")).toBe(1_000_000);
    expect(parseQtyText("1.000,25")).toBe(1_000_250);
    expect(parseQtyText(" 2,50 ")).toBe(2_500);
    expect(parseQtyText("-2")).toBe(-2_000);
    expect(parseQtyText("-0,75")).toBe(-750);
  });

  it("refuses what the backend refuses", () => {
    expect(parseQtyText("")).toBeNull();
    expect(parseQtyText("abc")).toBeNull();
    expect(parseQtyText("1,2345")).toBeNull(); // more than three decimals
    expect(parseQtyText("1.5")).toBeNull(); // a dot groups thousands only
    expect(parseQtyText("1,5,0")).toBeNull();
    expect(parseQtyText("12.00")).toBeNull();
  });
});

describe("barang masuk", () => {
  it("values a line half away from zero, like the backend", () => {
    // 1,5 kg × Rp12.345 = 18.517,5 → 18.518
    expect(qtyValue(1_500, 12_345)).toBe(18_518);
    // 0,333 × Rp1.000 = 333
    expect(qtyValue(333, 1_000)).toBe(333);
    // 2,5 × Rp3 = 7,5 → 8; taken out: -8
    expect(qtyValue(2_500, 3)).toBe(8);
    expect(qtyValue(-2_500, 3)).toBe(-8);
  });

  it("totals the lines that can be read", () => {
    expect(lineTotal({ qty: "10", cost: "4.500" })).toBe(45_000);
    expect(lineTotal({ qty: "2,5", cost: "Rp12.000" })).toBe(30_000);
    expect(lineTotal({ qty: "3", cost: "" })).toBe(0); // no price: Rp0
    expect(lineTotal({ qty: "", cost: "1.000" })).toBeNull();
    expect(lineTotal({ qty: "0", cost: "1.000" })).toBeNull();
    expect(lineTotal({ qty: "2", cost: "abc" })).toBeNull();
    // 10 × 4.500 + 2,5 × 12.000 + 12 × 6.050 = 45.000 + 30.000 + 72.600 = 147.600
    expect(
      receiptTotal([
        { qty: "10", cost: "4.500" },
        { qty: "2,5", cost: "12.000" },
        { qty: "12", cost: "6.050" },
      ]),
    ).toEqual({ total: 147_600, complete: true });
    expect(
      receiptTotal([
        { qty: "10", cost: "4.500" },
        { qty: "", cost: "12.000" },
      ]),
    ).toEqual({ total: 45_000, complete: false });
  });

  it("prefills the harga beli with the current HPP", () => {
    const p = { id: "p", name: "Gula", sku: "G1", unit: "kg", avg_cost: 14_250 };
    expect(newReceiptLine(p)).toEqual({ product: { id: "p", name: "Gula", sku: "G1", unit: "kg" }, qty: "", cost: "14.250" });
    expect(newReceiptLine({ ...p, avg_cost: 0 }).cost).toBe("");
  });

  it("adds a product once and sends the lines as typed", () => {
    const a = newReceiptLine({ id: "a", name: "A", sku: "A", unit: "pcs", avg_cost: 0 });
    const b = newReceiptLine({ id: "b", name: "B", sku: "B", unit: "pcs", avg_cost: 1_000 });
    let r = addReceiptLine([], a);
    r = addReceiptLine(r.lines, b);
    expect(r.index).toBe(1);
    const again = addReceiptLine(r.lines, a);
    expect(again.index).toBe(0);
    expect(again.lines).toHaveLength(2);
    const lines = again.lines.map((l) => ({ ...l, qty: " 5 " }));
    expect(receiptLines(lines)).toEqual([
      { product: "a", qty: "5", unit_cost: "" },
      { product: "b", qty: "5", unit_cost: "1.000" },
    ]);
  });

  const acc = (id: string, code: string, role: Account["role"], archived = false): Account => ({
    id,
    code,
    name: id,
    kind: role === "payable" ? "liability" : "asset",
    role,
    archived,
  });

  it("is paid from kas, bank, dompet digital, or Utang usaha last", () => {
    const accounts = [
      acc("utang", "2-101", "payable"),
      acc("bank", "1-102", "bank"),
      acc("kas", "1-101", "cash"),
      acc("persediaan", "1-301", "inventory"),
      acc("ovo", "1-103", "ewallet"),
      acc("lama", "1-104", "bank", true),
    ];
    expect(payFromAccounts(accounts).map((a) => a.id)).toEqual(["kas", "bank", "ovo", "utang"]);
    expect(isPayable("utang", accounts)).toBe(true);
    expect(isPayable("kas", accounts)).toBe(false);
  });

  it("puts a date refusal by the date", () => {
    expect(withStockField({ code: "locked_month", message: "m", field: null }).field).toBe("date");
    expect(withStockField({ code: "bad_qty", message: "m", field: "qty" }).field).toBe("qty");
    expect(withStockField({ code: "other", message: "m", field: null }).field).toBeNull();
  });
});

describe("penyesuaian", () => {
  it("turns Kurangi into a minus; a typed minus always takes out", () => {
    expect(signedAdjustQty("out", "2")).toBe("-2");
    expect(signedAdjustQty("in", " 2 ")).toBe("2");
    expect(signedAdjustQty("in", "-2")).toBe("-2");
    expect(signedAdjustQty("out", "-1,5")).toBe("-1,5");
    expect(signedAdjustQty("out", "")).toBe("");
  });

  it("shows the stock after it", () => {
    expect(stockAfterAdjust(12_000, "out", "2")).toBe(10_000);
    expect(stockAfterAdjust(12_000, "in", "0,5")).toBe(12_500);
    expect(stockAfterAdjust(12_000, "in", "-3")).toBe(9_000);
    expect(stockAfterAdjust(12_000, "out", "0")).toBeNull();
    expect(stockAfterAdjust(12_000, "out", "x")).toBeNull();
  });
});

describe("stok opname", () => {
  const kopi = { id: "kopi", name: "Kopi", sku: "K1", unit: "pack", stock: 12_000 };
  const gula = { id: "gula", name: "Gula", sku: "G1", unit: "kg", stock: 2_500 };

  it("counts 1 on the first scan and one more on each scan after", () => {
    let r = addScanned([], kopi);
    expect(r.index).toBe(0);
    expect(r.rows[0]).toEqual({ product: "kopi", name: "Kopi", sku: "K1", unit: "pack", recorded: 12_000, counted: "1" });
    r = addScanned(r.rows, gula);
    expect(r.index).toBe(1);
    r = addScanned(r.rows, kopi);
    r = addScanned(r.rows, kopi);
    expect(r.index).toBe(0);
    expect(r.rows.map((x) => x.counted)).toEqual(["3", "1"]);
  });

  it("adds one to a typed count, even with decimals", () => {
    const rows: CountRow[] = [{ product: "gula", name: "Gula", sku: "G1", unit: "kg", recorded: 2_500, counted: "1,5" }];
    expect(addScanned(rows, gula).rows[0]?.counted).toBe("2,5");
    const cleared = [{ ...rows[0]!, counted: "" }];
    expect(addScanned(cleared, gula).rows[0]?.counted).toBe("1");
  });

  it("computes the selisih: counted minus recorded", () => {
    const row = { recorded: 12_000, counted: "10" };
    expect(countDifference(row)).toBe(-2_000);
    expect(countDifference({ recorded: 2_500, counted: "3" })).toBe(500);
    expect(countDifference({ recorded: 2_500, counted: "2,5" })).toBe(0);
    expect(countDifference({ recorded: 2_500, counted: "" })).toBeNull();
    expect(countDifference({ recorded: 2_500, counted: "-1" })).toBeNull();
  });

  it("sends the counted rows and says how many differ", () => {
    const rows: CountRow[] = [
      { product: "kopi", name: "Kopi", sku: "K1", unit: "pack", recorded: 12_000, counted: " 10 " },
      { product: "gula", name: "Gula", sku: "G1", unit: "kg", recorded: 2_500, counted: "2,5" },
      { product: "teh", name: "Teh", sku: "T1", unit: "pcs", recorded: 4_000, counted: "" },
    ];
    expect(countLines(rows)).toEqual([
      { product: "kopi", counted: "10" },
      { product: "gula", counted: "2,5" },
    ]);
    expect(countChanges(rows)).toBe(1);
  });
});

describe("kartu stok", () => {
  it("names each kind of row, and the reason of a penyesuaian", () => {
    expect(cardKindKey("receipt")).toBe("card.kind.receipt");
    expect(cardKindKey("opening")).toBe("card.kind.opening");
    expect(cardKindKey("sale")).toBe("card.kind.sale");
    expect(cardKindKey("adjustment")).toBe("card.kind.adjustment");
    expect(cardKindKey("count")).toBe("card.kind.count");
    expect(cardKindKey("return")).toBe("card.kind.return");
    expect(cardKindKey("transfer_v9")).toBe("card.kind.other");
    expect(cardReasonKey("adjustment", "rusak")).toBe("adjust.reason.rusak");
    expect(cardReasonKey("adjustment", "aneh")).toBeNull();
    expect(cardReasonKey("sale", "rusak")).toBeNull();
  });
});

describe("nilai persediaan", () => {
  it("adds the values", () => {
    // 12 × 6.050 + 2,5 × 14.000 = 72.600 + 35.000
    expect(valueTotal([{ value: 72_600 }, { value: 35_000 }])).toBe(107_600);
    expect(valueTotal([])).toBe(0);
  });
});

describe("segera kedaluwarsa", () => {
  it("says how long is left, urgent when past or today", () => {
    expect(expiryWhen(-2)).toEqual({ key: "expiring.when.past", days: 2, tone: "danger" });
    expect(expiryWhen(-1)).toEqual({ key: "expiring.when.pastOne", days: 1, tone: "danger" });
    expect(expiryWhen(0)).toEqual({ key: "expiring.when.today", days: 0, tone: "danger" });
    expect(expiryWhen(1)).toEqual({ key: "expiring.when.leftOne", days: 1, tone: "warning" });
    expect(expiryWhen(5)).toEqual({ key: "expiring.when.left", days: 5, tone: "warning" });
    expect(expiryWhen(7)).toEqual({ key: "expiring.when.left", days: 7, tone: "warning" });
    expect(expiryWhen(8)).toEqual({ key: "expiring.when.left", days: 8, tone: "neutral" });
    expect(expiryWhen(30)).toEqual({ key: "expiring.when.left", days: 30, tone: "neutral" });
  });

  it("looks 7 to 90 days ahead", () => {
    expect(EXPIRING_DAYS).toEqual([7, 14, 30, 60, 90]);
  });

  it("totals the value at risk", () => {
    // Susu UHT: 6 × HPP 5.500 = 33.000; Roti tawar: 2,5 × 14.000 = 35.000; Yogurt: 3 × 7.250 = 21.750.
    // 33.000 + 35.000 + 21.750 = 89.750
    expect(valueTotal([{ value: 33_000 }, { value: 35_000 }, { value: 21_750 }])).toBe(89_750);
    expect(qtyValue(2_500, 14_000)).toBe(35_000);
  });
});

describe("impor", () => {
  it("accepts spreadsheets and CSV by name", () => {
    expect(isTableFile("produk.xlsx")).toBe(true);
    expect(isTableFile("PRODUK.CSV")).toBe(true);
    expect(isTableFile("lama.xls")).toBe(true);
    expect(isTableFile("libre.ods")).toBe(true);
    expect(isTableFile("foto.jpg")).toBe(false);
    expect(isTableFile(".csv")).toBe(false);
  });

  it("turns a file into the byte numbers the backend takes", async () => {
    expect(bytesOf(new Uint8Array([0x50, 0x4b, 3, 4]).buffer)).toEqual([80, 75, 3, 4]);
    const csv = new Blob(["Nama;Harga\n"]);
    const bytes = await readFileBytes(csv);
    expect(bytes).toHaveLength(11);
    expect(bytes[0]).toBe(78); // "N"
    expect(bytes[10]).toBe(10); // "\n"
  });
});

describe("syncing before booking the stock difference", () => {
  const now = 1_800_000_000_000;
  const connected = { server_url: "http://192.168.1.10:8780", pending: 0, last_sync_ms: now - 60_000 };

  it("says nothing for a computer without a server, or synced a minute ago with nothing unsent", () => {
    expect(bookingSyncWarning(null, now)).toBeNull();
    expect(bookingSyncWarning({ server_url: null, pending: 4, last_sync_ms: null }, now)).toBeNull();
    expect(bookingSyncWarning(connected, now)).toBeNull();
  });

  it("names the changes not sent yet", () => {
    expect(bookingSyncWarning({ ...connected, pending: 1200 }, now)).toEqual({
      key: "value.book.unsent",
      params: { count: "1.200" },
    });
  });

  it("asks to sync when the last sync is more than 15 minutes old, or never happened", () => {
    // 15 minutes and one second ago.
    expect(bookingSyncWarning({ ...connected, last_sync_ms: now - 901_000 }, now)).toEqual({
      key: "value.book.stale",
      params: { minutes: "15" },
    });
    expect(bookingSyncWarning({ ...connected, last_sync_ms: now - 900_000 }, now)).toBeNull();
    expect(bookingSyncWarning({ ...connected, last_sync_ms: null }, now)?.key).toBe("value.book.stale");
  });
});
