import { describe, expect, it } from "vitest";
import type { PromoCode, PromoCodeUse } from "./bindings";
import {
  appliedPromo,
  CODE_MAX,
  duplicatePromoCodes,
  promoUsedOn,
  emptyPromoFields,
  isPromoRefusal,
  keptPromo,
  minPurchaseText,
  parsePercent,
  placePromoError,
  preparePromoInput,
  PROMO_STATUS_KEYS,
  promoCodeCaret,
  promoCodeField,
  promoCodeStatus,
  promoPeriodParts,
  promoCodeText,
  promoValueText,
  usesInPeriod,
  usesTotals,
  type PromoFields,
} from "./promo";

const promo = (over: Partial<PromoCode> = {}): PromoCode => ({
  id: "p1",
  name: "Hemat akhir bulan",
  code: "HEMAT5",
  kind: "potongan",
  value: 5_000,
  min_purchase: 0,
  from: "2026-11-01",
  to: "2026-11-30",
  segment: null,
  active: true,
  ...over,
});

const use = (over: Partial<PromoCode>, uses: number, discount: number, revenue: number): PromoCodeUse => ({
  promo: promo(over),
  uses,
  discount,
  revenue,
});

const fields = (over: Partial<PromoFields> = {}): PromoFields => ({
  name: "Diskon pelanggan setia",
  code: "SETIA10",
  kind: "persen",
  value: "10",
  min_purchase: "",
  from: "2026-11-01",
  to: "2026-11-30",
  segment: "setia",
  ...over,
});

describe("a code as typed", () => {
  it("is upper case, letters, digits and dashes only, at most 20", () => {
    expect(promoCodeText("hemat5")).toBe("HEMAT5");
    expect(promoCodeText(" Hemat 10! ")).toBe("HEMAT10");
    expect(promoCodeText("ramadan-2026")).toBe("RAMADAN-2026");
    expect(promoCodeText("diskon.akhir_bulan")).toBe("DISKONAKHIRBULAN");
    expect(promoCodeText("")).toBe("");
    expect(promoCodeText("a".repeat(25))).toBe("A".repeat(20));
    expect(CODE_MAX).toBe(20);
  });

  it("keeps the caret after what was typed before it", () => {
    // "hem at5" with the caret after the space (index 4): "hem " → "HEM", so 3.
    expect(promoCodeCaret("hem at5", 4)).toBe(3);
    expect(promoCodeCaret("hemat5", 6)).toBe(6);
    expect(promoCodeCaret("he mat5", 0)).toBe(0);
    expect(promoCodeCaret("he mat5", 99)).toBe(6);
    expect(promoCodeCaret("he mat5", -3)).toBe(0);
  });
});

describe("status and labels", () => {
  it("runs from the first to the last day, both included", () => {
    const p = promo();
    expect(promoCodeStatus(p, "2026-10-31")).toBe("planned");
    expect(promoCodeStatus(p, "2026-11-01")).toBe("running");
    expect(promoCodeStatus(p, "2026-11-30")).toBe("running");
    expect(promoCodeStatus(p, "2026-12-01")).toBe("ended");
  });

  it("reads as stopped whatever its dates once stopped", () => {
    expect(promoCodeStatus(promo({ active: false }), "2026-11-15")).toBe("stopped");
    expect(promoCodeStatus(promo({ active: false }), "2026-10-01")).toBe("stopped");
    expect(promoCodeStatus(promo({ active: false }), "2027-01-01")).toBe("stopped");
    expect(PROMO_STATUS_KEYS.stopped).toBe("promoCode.status.stopped");
  });

  it("says a percent or a Rupiah amount, and the minimum purchase", () => {
    expect(promoValueText({ kind: "persen", value: 10 })).toBe("10%");
    expect(promoValueText({ kind: "potongan", value: 5_000 })).toBe("Rp5.000");
    expect(promoValueText({ kind: "potongan", value: 1_250_000 })).toBe("Rp1.250.000");
    expect(minPurchaseText({ min_purchase: 50_000 })).toBe("Rp50.000");
    expect(minPurchaseText({ min_purchase: 0 })).toBeNull();
  });

  it("writes the period short, the year once within a year", () => {
    expect(promoPeriodParts({ from: "2026-11-01", to: "2026-11-30" })).toEqual({ from: "1 Nov", to: "30 Nov 2026" });
    expect(promoPeriodParts({ from: "2026-11-22", to: "2026-11-22" })).toEqual({ from: "22 Nov", to: "22 Nov 2026" });
    expect(promoPeriodParts({ from: "2026-12-15", to: "2027-01-15" })).toEqual({ from: "15 Des 2026", to: "15 Jan 2027" });
  });
});

describe("the Buat kode promo form", () => {
  it("starts today, ends at the end of the month, for everyone, as a percent", () => {
    expect(emptyPromoFields("2026-11-22")).toEqual({
      name: "",
      code: "",
      kind: "persen",
      value: "",
      min_purchase: "",
      from: "2026-11-22",
      to: "2026-11-30",
      segment: "",
    });
    expect(emptyPromoFields("2028-02-10").to).toBe("2028-02-29");
    expect(emptyPromoFields("2026-12-31").to).toBe("2026-12-31");
  });

  it("reads a percent from 1 to 100", () => {
    expect(parsePercent("10")).toBe(10);
    expect(parsePercent(" 15 % ")).toBe(15);
    expect(parsePercent("100%")).toBe(100);
    expect(parsePercent("0")).toBeNull();
    expect(parsePercent("101")).toBeNull();
    expect(parsePercent("2,5")).toBeNull();
    expect(parsePercent("")).toBeNull();
  });

  it("builds what add_promo_code takes", () => {
    expect(preparePromoInput(fields({ name: "  Diskon   pelanggan setia ", value: "10%", min_purchase: " 50.000 " }))).toEqual({
      ok: true,
      input: {
        name: "Diskon pelanggan setia",
        code: "SETIA10",
        kind: "persen",
        value: "10",
        min_purchase: "50.000",
        from: "2026-11-01",
        to: "2026-11-30",
        segment: "setia",
      },
    });
    const amount = preparePromoInput(fields({ code: "hemat5", kind: "potongan", value: "Rp5.000", segment: "" }));
    expect(amount).toMatchObject({ ok: true, input: { code: "HEMAT5", kind: "potongan", value: "Rp5.000", segment: "" } });
    // One day is a period too.
    expect(preparePromoInput(fields({ from: "2026-11-22", to: "2026-11-22" })).ok).toBe(true);
  });

  it("names the slips before sending", () => {
    const bad = preparePromoInput(
      fields({ name: " ", code: "HEMAT 10", value: "150", min_purchase: "lima puluh", from: "31/11/2026", to: "" }),
    );
    expect(bad).toEqual({
      ok: false,
      hints: {
        name: "promoCode.error.name",
        code: "promoCode.error.code",
        value: "promoCode.error.percent",
        min_purchase: "promoCode.error.min",
        from: "promoCode.error.from",
        to: "promoCode.error.to",
      },
    });
    expect(preparePromoInput(fields({ code: "" }))).toEqual({ ok: false, hints: { code: "promoCode.error.code" } });
    expect(preparePromoInput(fields({ kind: "potongan", value: "0" }))).toEqual({
      ok: false,
      hints: { value: "promoCode.error.amount" },
    });
    expect(preparePromoInput(fields({ from: "2026-11-30", to: "2026-11-01" }))).toEqual({
      ok: false,
      hints: { to: "promoCode.error.order" },
    });
  });

  it("places a refusal under its field", () => {
    const f = { from: "2026-11-01", to: "2026-11-30" };
    const e = (code: string, field: string | null) => ({ code, message: "…", field });
    expect(placePromoError(e("duplicate_code", "code"), f).field).toBe("code");
    expect(placePromoError(e("bad_promo", "value"), f).field).toBe("value");
    expect(placePromoError(e("bad_promo", "dates"), f).field).toBe("to");
    expect(placePromoError(e("bad_date", "birthday"), f).field).toBe("from");
    expect(placePromoError(e("bad_date", "birthday"), { from: "2026-11-01", to: "30/11" }).field).toBe("to");
    expect(placePromoError(e("unknown_value", null), f).field).toBe("segment");
    expect(placePromoError(e("unexpected", null), f).field).toBeNull();
    expect(placePromoError(e("bad_promo", "name"), f)).toEqual(e("bad_promo", "name"));
  });
});

describe("Pemakaian promo", () => {
  const november = { from: "2026-11-01", to: "2026-11-30" };

  it("lists the codes used or running in the period, most used first", () => {
    const rows = [
      use({ id: "a", code: "OKTOBER", from: "2026-10-01", to: "2026-10-31" }, 0, 0, 0),
      use({ id: "b", code: "HEMAT5" }, 3, 15_000, 285_000),
      use({ id: "c", code: "BARU", from: "2026-11-20", to: "2026-12-20" }, 0, 0, 0),
      use({ id: "d", code: "SETIA10", kind: "persen", value: 10 }, 5, 42_500, 382_500),
      use({ id: "e", code: "LAMA", from: "2026-09-01", to: "2026-10-15" }, 1, 2_000, 18_000),
      use({ id: "f", code: "AKHIR", from: "2026-11-30", to: "2026-12-31" }, 3, 20_000, 180_000),
    ];
    expect(usesInPeriod(rows, november).map((r) => r.promo.code)).toEqual(["SETIA10", "AKHIR", "HEMAT5", "LAMA", "BARU"]);
  });

  it("adds up uses, discount and sales", () => {
    const rows = [use({}, 3, 15_000, 285_000), use({}, 5, 42_500, 382_500), use({}, 0, 0, 0)];
    expect(usesTotals(rows)).toEqual({ uses: 8, discount: 57_500, revenue: 667_500 });
    expect(usesTotals([])).toEqual({ uses: 0, discount: 0, revenue: 0 });
  });
});

describe("at the cashier and in orders", () => {
  it("reads the code kept with a cart", () => {
    expect(keptPromo("HEMAT5")).toBe("HEMAT5");
    expect(keptPromo(" hemat5 ")).toBe("HEMAT5");
    expect(keptPromo(5)).toBe("");
    expect(keptPromo(null)).toBe("");
    expect(keptPromo(undefined)).toBe("");
  });

  it("sends promo_code only when there is a code", () => {
    expect(promoCodeField("hemat5")).toEqual({ promo_code: "HEMAT5" });
    expect(promoCodeField("")).toEqual({});
    expect(promoCodeField("  ")).toEqual({});
    expect(promoCodeField(undefined)).toEqual({});
    expect(promoCodeField(null)).toEqual({});
  });

  it("knows a refusal of the code", () => {
    expect(isPromoRefusal({ field: "promo_code" })).toBe(true);
    expect(isPromoRefusal({ field: "points" })).toBe(false);
    expect(isPromoRefusal({ field: null })).toBe(false);
  });

  it("shows the chip with what the code took off once priced for it", () => {
    expect(appliedPromo("HEMAT5", { promo: "HEMAT5", promo_discount: 5_000 })).toEqual({ code: "HEMAT5", discount: 5_000 });
    // Priced before the code (or for another): the code, its amount not known yet.
    expect(appliedPromo("HEMAT5", { promo: null, promo_discount: 0 })).toEqual({ code: "HEMAT5", discount: null });
    expect(appliedPromo("HEMAT5", { promo: "SETIA10", promo_discount: 9_000 })).toEqual({ code: "HEMAT5", discount: null });
    expect(appliedPromo("HEMAT5", null)).toEqual({ code: "HEMAT5", discount: null });
    expect(appliedPromo("", { promo: "HEMAT5", promo_discount: 5_000 })).toBeNull();
    expect(appliedPromo(undefined, null)).toBeNull();
  });
});

describe("one code, several promos", () => {
  const today = "2026-11-10";
  // Made offline on two computers the same morning: both HEMAT5 for November.
  const here = promo({ id: "a", from: "2026-11-10", to: "2026-11-30" });
  const there = promo({ id: "b", code: " hemat5 ", from: "2026-11-10", to: "2026-11-30" });

  it("groups the promos that share a code, in any case and spacing", () => {
    expect(duplicatePromoCodes([here, there], today)).toEqual([{ code: "HEMAT5", ids: ["a", "b"] }]);
    const third = promo({ id: "c", from: "2026-11-20", to: "2026-12-05" });
    expect(duplicatePromoCodes([here, there, third], today)).toEqual([{ code: "HEMAT5", ids: ["a", "b", "c"] }]);
  });

  it("leaves out stopped and finished promos", () => {
    expect(duplicatePromoCodes([here, { ...there, active: false }], today)).toEqual([]);
    // Ended on 9 November: over by the 10th.
    expect(duplicatePromoCodes([here, promo({ id: "old", from: "2026-11-01", to: "2026-11-09" })], today)).toEqual([]);
    // Not started yet, but its days overlap: it will clash.
    const planned = promo({ id: "p", from: "2026-11-25", to: "2026-12-10" });
    expect(duplicatePromoCodes([here, planned], today)).toEqual([{ code: "HEMAT5", ids: ["a", "p"] }]);
  });

  it("allows one code for periods apart", () => {
    // 10–30 November and 1–31 December never run on the same day (what add_promo_code allows).
    const december = promo({ id: "d", from: "2026-12-01", to: "2026-12-31" });
    expect(duplicatePromoCodes([here, december], today)).toEqual([]);
    // A third one overlapping only the first: the December one stays out.
    const overlap = promo({ id: "e", from: "2026-11-15", to: "2026-11-20" });
    expect(duplicatePromoCodes([here, december, overlap], today)).toEqual([{ code: "HEMAT5", ids: ["a", "e"] }]);
  });

  it("lists each code once, by code", () => {
    const other = [promo({ id: "x", code: "BARU" }), promo({ id: "y", code: "BARU" })];
    expect(duplicatePromoCodes([here, there, ...other, promo({ id: "z", code: "SOLO" })], "2026-11-15")).toEqual([
      { code: "BARU", ids: ["x", "y"] },
      { code: "HEMAT5", ids: ["a", "b"] },
    ]);
  });

  it("takes at the cashier the running one that starts latest, as the backend does", () => {
    const early = promo({ id: "early", from: "2026-11-01", to: "2026-11-30" });
    const late = promo({ id: "late", from: "2026-11-08", to: "2026-11-30" });
    expect(promoUsedOn([early, late], "hemat5", "2026-11-10")).toBe("late");
    // Before the later one starts, only the earlier runs.
    expect(promoUsedOn([early, late], "HEMAT5", "2026-11-05")).toBe("early");
    // A stopped one is never taken.
    expect(promoUsedOn([early, { ...late, active: false }], "HEMAT5", "2026-11-10")).toBe("early");
    // Same first day: the one made first (the smaller, time-ordered id), on every computer.
    expect(promoUsedOn([there, here], "HEMAT5", today)).toBe("a");
    expect(promoUsedOn([here], "LAIN", today)).toBeNull();
  });
});
