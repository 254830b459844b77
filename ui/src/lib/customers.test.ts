import { describe, expect, it } from "vitest";
import type { CrmSettings, Customer, CustomerSummary } from "./bindings";
import {
  SEGMENTS,
  SEGMENT_KEYS,
  crmToFields,
  customerRef,
  customerToFields,
  emptyCustomerFields,
  emptyInteractionFields,
  exactCustomer,
  fillFromCustomer,
  followUpDue,
  historyKindKey,
  historyKindTone,
  historyStatusKey,
  inSegment,
  interactionKindKey,
  isOpenInteraction,
  loyaltyExample,
  canRedeemPoints,
  negativePointsCause,
  negativePointsNote,
  pointsNegative,
  loyaltyOn,
  normalisePhone,
  parsePoints,
  parseWhole,
  phoneText,
  pointReasonKey,
  pointsText,
  prepareCrmSettings,
  prepareCustomerInput,
  prepareInteractionInput,
  redeemProblem,
  redeemValue,
  responseTime,
  segmentAbout,
  segmentKey,
  segmentTone,
  segmentTotals,
  sourceKey,
  tagsText,
} from "./customers";

const SETTINGS: CrmSettings = {
  rupiah_per_point: 10_000,
  point_value: 100,
  new_days: 30,
  at_risk_days: 60,
  inactive_days: 180,
  loyal_purchases: 5,
};

function customer(over: Partial<Customer> = {}): Customer {
  return {
    id: "c1",
    name: "Bu Ani",
    phone: "6281234567890",
    address: "Jl. Melati 3",
    birthday: null,
    tags: [],
    notes: "",
    source: "",
    merged_into: null,
    ...over,
  };
}

function summary(over: Partial<CustomerSummary> = {}): CustomerSummary {
  return {
    customer: customer(),
    purchases: 0,
    total: 0,
    average: 0,
    first_purchase: null,
    last_purchase: null,
    open_balance: 0,
    points: 0,
    segment: "reguler",
    ...over,
  };
}

describe("segments", () => {
  it("are the backend's five, each with a label and a colour", () => {
    expect(SEGMENTS).toEqual(["setia", "baru", "berisiko", "tidak_aktif", "reguler"]);
    expect(Object.keys(SEGMENT_KEYS).sort()).toEqual([...SEGMENTS].sort());
    expect(segmentKey("berisiko")).toBe("segment.berisiko");
    expect(segmentKey("entah")).toBe("segment.reguler");
    expect(SEGMENTS.map(segmentTone)).toEqual(["success", "info", "warning", "danger", "neutral"]);
    expect(segmentTone("entah")).toBe("neutral");
  });

  it("explain themselves with the shop's own numbers", () => {
    expect(segmentAbout("setia", SETTINGS)).toEqual({ key: "segment.about.setia", params: { count: 5, days: 60 } });
    expect(segmentAbout("baru", SETTINGS)).toEqual({ key: "segment.about.baru", params: { days: 30 } });
    expect(segmentAbout("berisiko", SETTINGS)).toEqual({ key: "segment.about.berisiko", params: { days: 60 } });
    expect(segmentAbout("tidak_aktif", SETTINGS)).toEqual({ key: "segment.about.tidak_aktif", params: { days: 180 } });
    expect(segmentAbout("reguler", SETTINGS)).toEqual({ key: "segment.about.reguler" });
  });

  it("count every segment and the total", () => {
    const { counts, total } = segmentTotals([
      ["setia", 3],
      ["berisiko", 2],
      ["reguler", 10],
    ]);
    expect(counts).toEqual({ setia: 3, baru: 0, berisiko: 2, tidak_aktif: 0, reguler: 10 });
    expect(total).toBe(15);
    expect(segmentTotals([]).total).toBe(0);
  });

  it("narrow a search to one segment", () => {
    const rows = [summary({ segment: "setia" }), summary({ segment: "berisiko" }), summary({ segment: "setia" })];
    expect(inSegment(rows, "")).toHaveLength(3);
    expect(inSegment(rows, "setia")).toHaveLength(2);
    expect(inSegment(rows, "baru")).toEqual([]);
  });
});

describe("phone numbers", () => {
  it("show a stored number the way people read it", () => {
    expect(phoneText("6281234567890")).toBe("+62 812-3456-7890");
    expect(phoneText("628123456789")).toBe("+62 812-3456-789");
    expect(phoneText("")).toBe("");
    expect(phoneText("021555")).toBe("021555");
  });

  it("read a typed number in the stored form", () => {
    expect(normalisePhone("0812-3456-7890")).toBe("6281234567890");
    expect(normalisePhone("+62 812 3456 7890")).toBe("6281234567890");
    expect(normalisePhone("812 3456 7890")).toBe("6281234567890");
    expect(normalisePhone("Bu Ani")).toBeNull();
    expect(normalisePhone("0812")).toBeNull();
  });
});

describe("the customer form", () => {
  it("starts empty, from the shop", () => {
    expect(emptyCustomerFields()).toEqual({ name: "", phone: "", address: "", birthday: "", tags: "", source: "toko", notes: "" });
  });

  it("fills in a customer", () => {
    const c = customer({ birthday: "1990-08-17", tags: ["reseller", "langganan"], source: "instagram", notes: "Suka kopi" });
    expect(customerToFields(c)).toEqual({
      name: "Bu Ani",
      phone: "+62 812-3456-7890",
      address: "Jl. Melati 3",
      birthday: "1990-08-17",
      tags: "reseller, langganan",
      source: "instagram",
      notes: "Suka kopi",
    });
    expect(customerToFields(customer({ phone: "", source: "" }))).toMatchObject({ phone: "", source: "toko" });
  });

  it("tidies the labels", () => {
    expect(tagsText(" pelanggan  tetap, ,reseller  ,Reseller,")).toBe("pelanggan tetap, reseller");
    expect(tagsText("")).toBe("");
  });

  it("needs a name and a real birthday", () => {
    expect(prepareCustomerInput({ ...emptyCustomerFields(), name: "  " })).toEqual({
      ok: false,
      hints: { name: "customer.error.nameRequired" },
    });
    expect(prepareCustomerInput({ ...emptyCustomerFields(), name: "Bu Ani", birthday: "31/02/1990" })).toEqual({
      ok: false,
      hints: { birthday: "customer.error.birthday" },
    });
  });

  it("builds what add_customer takes", () => {
    expect(
      prepareCustomerInput({
        name: "  Bu   Ani ",
        phone: " 0812 3456 7890 ",
        address: " Jl. Melati 3 ",
        birthday: "1990-08-17",
        tags: "reseller,, langganan ",
        source: "toko",
        notes: " Suka kopi ",
      }),
    ).toEqual({
      ok: true,
      input: {
        name: "Bu Ani",
        phone: "0812 3456 7890",
        address: "Jl. Melati 3",
        birthday: "1990-08-17",
        tags: "reseller, langganan",
        notes: "Suka kopi",
        source: "",
      },
    });
    const ig = prepareCustomerInput({ ...emptyCustomerFields(), name: "Rina", source: "instagram" });
    expect(ig.ok && ig.input.source).toBe("instagram");
  });

  it("names sources like order channels", () => {
    expect(sourceKey("")).toBe("orders.channel.toko");
    expect(sourceKey("shopee")).toBe("orders.channel.shopee");
    expect(sourceKey("pasar")).toBe("orders.channel.lainnya");
  });
});

describe("loyalty and segment settings", () => {
  it("shows the stored settings in the form", () => {
    expect(crmToFields(SETTINGS)).toEqual({
      loyalty: true,
      rupiah_per_point: "10.000",
      point_value: "100",
      new_days: "30",
      at_risk_days: "60",
      inactive_days: "180",
      loyal_purchases: "5",
    });
    expect(crmToFields({ ...SETTINGS, rupiah_per_point: 0, point_value: 0 })).toMatchObject({
      loyalty: false,
      rupiah_per_point: "",
      point_value: "",
    });
  });

  it("reads whole numbers only", () => {
    expect(parseWhole("30")).toBe(30);
    expect(parseWhole(" 1.000 ")).toBe(1000);
    expect(parseWhole("1,5")).toBeNull();
    expect(parseWhole("-3")).toBeNull();
    expect(parseWhole("tiga")).toBeNull();
    expect(parseWhole("")).toBeNull();
  });

  it("builds the settings, loyalty on", () => {
    const f = { ...crmToFields(SETTINGS), rupiah_per_point: "Rp20.000", point_value: "250" };
    expect(prepareCrmSettings(f, SETTINGS)).toEqual({
      ok: true,
      input: { ...SETTINGS, rupiah_per_point: 20_000, point_value: 250 },
    });
  });

  it("switches loyalty off with 0 Rupiah per point, keeping the point value", () => {
    const f = { ...crmToFields(SETTINGS), loyalty: false, rupiah_per_point: "abc" };
    expect(prepareCrmSettings(f, SETTINGS)).toEqual({ ok: true, input: { ...SETTINGS, rupiah_per_point: 0 } });
  });

  it("says what is wrong, field by field", () => {
    const f = {
      loyalty: true,
      rupiah_per_point: "0",
      point_value: "",
      new_days: "0",
      at_risk_days: "60",
      inactive_days: "45",
      loyal_purchases: "dua",
    };
    expect(prepareCrmSettings(f, SETTINGS)).toEqual({
      ok: false,
      hints: {
        rupiah_per_point: "crm.error.rupiahPerPoint",
        point_value: "crm.error.pointValue",
        new_days: "crm.error.days",
        inactive_days: "crm.error.inactiveAfterRisk",
        loyal_purchases: "crm.error.purchases",
      },
    });
  });

  it("gives a plain example", () => {
    expect(loyaltyOn(SETTINGS)).toBe(true);
    expect(loyaltyOn({ rupiah_per_point: 0 })).toBe(false);
    // Rp125.000 at 1 poin per Rp10.000 → 12 poin; 12 × Rp100 = Rp1.200.
    expect(loyaltyExample(SETTINGS, 125_000)).toEqual({ points: 12, value: 1_200 });
    expect(loyaltyExample({ rupiah_per_point: 0, point_value: 100 }, 125_000)).toEqual({ points: 0, value: 0 });
  });
});

describe("redeeming points", () => {
  it("reads the points typed", () => {
    expect(parsePoints("")).toBe(0);
    expect(parsePoints(" 50 ")).toBe(50);
    expect(parsePoints("1.200")).toBe(1200);
    expect(parsePoints("2,5")).toBeNull();
  });

  it("says what they are worth", () => {
    expect(redeemValue("50", SETTINGS)).toBe(5_000);
    expect(redeemValue("1.200", { point_value: 250 })).toBe(300_000);
    expect(redeemValue("", SETTINGS)).toBe(0);
    expect(redeemValue("lima", SETTINGS)).toBeNull();
  });

  it("checks them against the balance", () => {
    expect(redeemProblem("50", 120)).toBeNull();
    expect(redeemProblem("", 0)).toBeNull();
    expect(redeemProblem("121", 120)).toBe("kasir.member.redeem.tooMany");
    expect(redeemProblem("x", 120)).toBe("kasir.member.redeem.format");
  });
});

describe("customer pickers", () => {
  const list = [customer(), customer({ id: "c2", name: "Budi Santoso", phone: "6285700001111" })];

  it("keeps what the chip needs", () => {
    expect(customerRef(customer())).toEqual({ id: "c1", name: "Bu Ani", phone: "6281234567890" });
  });

  it("finds the customer meant by an exact name or phone", () => {
    expect(exactCustomer(" bu  ani ", list)?.id).toBe("c1");
    expect(exactCustomer("0857-0000-1111", list)?.id).toBe("c2");
    expect(exactCustomer("Budi", list)).toBeNull();
    expect(exactCustomer("", list)).toBeNull();
  });

  it("fills only the empty order fields", () => {
    expect(fillFromCustomer({ customer: "", phone: "", address: "", note: "x" }, customer())).toEqual({
      customer: "Bu Ani",
      phone: "+62 812-3456-7890",
      address: "Jl. Melati 3",
      note: "x",
    });
    expect(fillFromCustomer({ customer: "Ibu Ani", phone: " ", address: "Kantor" }, customer())).toEqual({
      customer: "Ibu Ani",
      phone: "+62 812-3456-7890",
      address: "Kantor",
    });
  });
});

describe("history and points", () => {
  it("labels the kinds of purchase", () => {
    expect(["nota", "retur", "batal", "pesanan"].map(historyKindKey)).toEqual([
      "customer.history.kind.nota",
      "customer.history.kind.retur",
      "customer.history.kind.batal",
      "customer.history.kind.pesanan",
    ]);
    expect(["nota", "retur", "batal", "pesanan", "x"].map(historyKindTone)).toEqual([
      "success",
      "warning",
      "danger",
      "info",
      "neutral",
    ]);
  });

  it("shows an order's status, not a nota's", () => {
    expect(historyStatusKey({ kind: "pesanan", status: "dikirim" })).toBe("orders.status.dikirim");
    expect(historyStatusKey({ kind: "nota", status: "" })).toBeNull();
    expect(historyStatusKey({ kind: "pesanan", status: "hilang" })).toBeNull();
  });

  it("labels points movements", () => {
    expect(pointReasonKey("tukar")).toBe("customer.points.reason.tukar");
    expect(pointReasonKey("retur")).toBe("customer.points.reason.retur");
    expect(pointsText(25)).toBe("+25");
    expect(pointsText(-1500)).toBe("−1.500");
    expect(pointsText(0)).toBe("0");
  });
});

describe("inquiries and complaints", () => {
  it("labels kinds and knows open ones and due follow-ups", () => {
    expect(interactionKindKey("keluhan")).toBe("service.kind.keluhan");
    expect(interactionKindKey("x")).toBe("service.kind.pertanyaan");
    expect(isOpenInteraction({ status: "baru" })).toBe(true);
    expect(isOpenInteraction({ status: "diproses" })).toBe(true);
    expect(isOpenInteraction({ status: "selesai" })).toBe(false);
    expect(followUpDue({ follow_up: "2026-11-22", follow_up_done: false }, "2026-11-22")).toBe(true);
    expect(followUpDue({ follow_up: "2026-11-20", follow_up_done: false }, "2026-11-22")).toBe(true);
    expect(followUpDue({ follow_up: "2026-11-23", follow_up_done: false }, "2026-11-22")).toBe(false);
    expect(followUpDue({ follow_up: "2026-11-20", follow_up_done: true }, "2026-11-22")).toBe(false);
    expect(followUpDue({ follow_up: null, follow_up_done: false }, "2026-11-22")).toBe(false);
  });

  it("starts a complaint on the customer's channel", () => {
    expect(emptyInteractionFields("whatsapp")).toEqual({ kind: "keluhan", channel: "whatsapp", subject: "", follow_up: "" });
    expect(emptyInteractionFields("")).toMatchObject({ channel: "toko" });
  });

  it("builds what add_interaction takes", () => {
    expect(prepareInteractionInput("c1", { kind: "keluhan", channel: "toko", subject: "  ", follow_up: "2026-02-31" })).toEqual({
      ok: false,
      hints: { subject: "service.error.subject", follow_up: "service.error.followUp" },
    });
    expect(
      prepareInteractionInput("c1", { kind: "pertanyaan", channel: "whatsapp", subject: " Ada ukuran XL? ", follow_up: "2026-11-25" }),
    ).toEqual({
      ok: true,
      input: { customer: "c1", kind: "pertanyaan", channel: "whatsapp", subject: "Ada ukuran XL?", follow_up: "2026-11-25" },
    });
    const toko = prepareInteractionInput("c1", { kind: "keluhan", channel: "toko", subject: "Basi", follow_up: "" });
    expect(toko.ok && toko.input.channel).toBe("");
  });

  it("says how long the first answer took", () => {
    expect(responseTime(null)).toBeNull();
    expect(responseTime(0)).toEqual({ key: "service.time.lessMinute" });
    expect(responseTime(25)).toEqual({ key: "service.time.minutes", params: { m: 25 } });
    expect(responseTime(120)).toEqual({ key: "service.time.hours", params: { h: 2 } });
    expect(responseTime(125)).toEqual({ key: "service.time.hoursMinutes", params: { h: 2, m: 5 } });
    expect(responseTime(2880)).toEqual({ key: "service.time.days", params: { d: 2 } });
    // 3 days (4320) + 4 hours (240) + 10 minutes → "3 hari 4 jam".
    expect(responseTime(4570)).toEqual({ key: "service.time.daysHours", params: { d: 3, h: 4 } });
  });
});

describe("points below zero", () => {
  // Movements as the backend lists them (newest first); the balance is their sum.
  const earned = { points: 50, reason: "belanja" };
  const redeemedHere = { points: -30, reason: "tukar" };
  const redeemedThere = { points: -30, reason: "tukar" };

  it("is negative when the same points are redeemed on two computers offline", () => {
    // 50 earned; each computer, offline, sees 50 and lets 30 be redeemed: 50 − 30 − 30 = −10.
    const balance = -10;
    expect(pointsNegative(balance)).toBe(true);
    expect(pointsNegative(0)).toBe(false);
    expect(pointsNegative(20)).toBe(false);
    const movements = [redeemedThere, redeemedHere, earned];
    expect(negativePointsCause(balance, movements)).toBe("offline");
    expect(negativePointsNote(balance, movements)).toEqual({ key: "customer.points.negative.offline", params: { points: "10" } });
  });

  it("is made good by the next points earned", () => {
    // −10, then a purchase earns 25: −10 + 25 = 15, nothing to say.
    const balance = 15;
    expect(pointsNegative(balance)).toBe(false);
    expect(negativePointsNote(balance, [{ points: 25, reason: "belanja" }, redeemedThere, redeemedHere, earned])).toBeNull();
  });

  it("tells a take-back from a double redemption", () => {
    // Nota A earns 40, 40 redeemed on nota B, then nota A cancelled: 40 − 40 − 40 = −40;
    // without the take-back the sum is 40 − 40 = 0, so nothing was redeemed twice.
    const movements = [{ points: -40, reason: "batal" }, { points: -40, reason: "tukar" }, { points: 40, reason: "belanja" }];
    expect(negativePointsCause(40 - 40 - 40, movements)).toBe("takenBack");
    expect(negativePointsNote(-40, movements)).toEqual({ key: "customer.points.negative.takenBack", params: { points: "40" } });
    // A cancelled nota that had redeemed points gives them back (+), which is no take-back:
    // 50 − 30 − 30 + 30 (nota with the second 30 cancelled) − 30 (redeemed again) = −10.
    const again = [redeemedThere, { points: 30, reason: "batal" }, redeemedThere, redeemedHere, earned];
    expect(negativePointsCause(50 - 30 - 30 + 30 - 30, again)).toBe("offline");
  });

  it("cannot tell when the movements listed do not add up to the balance", () => {
    // The page lists only the latest movements: −1.200 in all, −60 listed.
    expect(negativePointsCause(-1200, [redeemedThere, redeemedHere])).toBe("unknown");
    expect(negativePointsNote(-1200, [redeemedThere, redeemedHere])).toEqual({
      key: "customer.points.negative.unknown",
      params: { points: "1.200" },
    });
    expect(negativePointsCause(0, [])).toBeNull();
  });

  it("offers Tukar poin only above zero", () => {
    expect(canRedeemPoints(-10)).toBe(false);
    expect(canRedeemPoints(0)).toBe(false);
    expect(canRedeemPoints(null)).toBe(false);
    expect(canRedeemPoints(1)).toBe(true);
  });
});
