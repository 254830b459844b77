// Pure rules of the Pelanggan screens and the customer pickers of Kasir and Pesanan: segment
// labels and colours, the customer and loyalty/segment settings forms, response times of
// inquiries and complaints, history and points labels, what a number of points is worth, and
// a points balance below zero (why, from its movements).
// Figures (totals, points, segments) are never computed here: the backend sends them.
// No Svelte, no Tauri: unit-tested in customers.test.ts.

import type {
  CrmSettings,
  Customer,
  CustomerInput,
  CustomerSummary,
  HistoryItem,
  Interaction,
  InteractionInput,
  InteractionStatus,
  OrderStatus,
  PointMovement,
  Segment,
} from "./bindings";
import { formatCount, formatPhone } from "./format";
import { parseAmountText, type Checked } from "./ledger";
import type { Message, MessageKey } from "./messages";
import { CHANNEL_KEYS, ORDER_CHANNELS, STATUS_KEYS, type OrderChannel } from "./orders";
import { isIsoDate } from "./period";

const blank = (s: string): boolean => s.trim() === "";

/** A badge colour (app.css `.badge.tone-…`). */
export type Tone = "success" | "info" | "neutral" | "warning" | "danger";

// ---------- Segments ----------

/** In the order the filter chips show them. */
export const SEGMENTS: readonly Segment[] = ["setia", "baru", "berisiko", "tidak_aktif", "reguler"];

export const SEGMENT_KEYS: Record<Segment, MessageKey> = {
  setia: "segment.setia",
  baru: "segment.baru",
  berisiko: "segment.berisiko",
  tidak_aktif: "segment.tidak_aktif",
  reguler: "segment.reguler",
};

/** Green for the loyal ones, teal for new ones, amber and red for those slipping away. */
export const SEGMENT_TONE: Record<Segment, Tone> = {
  setia: "success",
  baru: "info",
  berisiko: "warning",
  tidak_aktif: "danger",
  reguler: "neutral",
};

export function isSegment(code: string): code is Segment {
  return (SEGMENTS as readonly string[]).includes(code);
}

/** The label of a segment code from the backend; an unknown one reads "Reguler". */
export function segmentKey(code: string): MessageKey {
  return isSegment(code) ? SEGMENT_KEYS[code] : SEGMENT_KEYS.reguler;
}

export function segmentTone(code: string): Tone {
  return isSegment(code) ? SEGMENT_TONE[code] : "neutral";
}

/** What a segment means with the shop's own settings ("sudah lebih dari 60 hari tidak belanja"). */
export function segmentAbout(segment: Segment, s: CrmSettings): Message {
  switch (segment) {
    case "setia":
      return { key: "segment.about.setia", params: { count: s.loyal_purchases, days: s.at_risk_days } };
    case "baru":
      return { key: "segment.about.baru", params: { days: s.new_days } };
    case "berisiko":
      return { key: "segment.about.berisiko", params: { days: s.at_risk_days } };
    case "tidak_aktif":
      return { key: "segment.about.tidak_aktif", params: { days: s.inactive_days } };
    case "reguler":
      return { key: "segment.about.reguler" };
  }
}

/** segment_counts as a record (every segment present) and the total. */
export function segmentTotals(pairs: readonly (readonly [Segment, number])[]): { counts: Record<Segment, number>; total: number } {
  const counts: Record<Segment, number> = { setia: 0, baru: 0, berisiko: 0, tidak_aktif: 0, reguler: 0 };
  let total = 0;
  for (const [segment, n] of pairs) {
    if (!isSegment(segment)) continue;
    counts[segment] += n;
    total += n;
  }
  return { counts, total };
}

/**
 * The rows of one segment ("" for all). A search ignores the segment on the backend, so the
 * list found is narrowed here.
 */
export function inSegment(rows: readonly CustomerSummary[], segment: Segment | ""): CustomerSummary[] {
  return segment === "" ? [...rows] : rows.filter((r) => r.segment === segment);
}

// ---------- Phone numbers ----------

/** A stored number (`6281234567890`) as people read it (`+62 812-3456-7890`); "" for none. */
export function phoneText(stored: string): string {
  return stored.trim() === "" ? "" : formatPhone(stored.trim());
}

/**
 * A number as typed, in the stored form: digits only, a leading 0 or 8 becomes 62
 * ("0812-3456-7890" → "6281234567890"). Null when it is not a phone number.
 */
export function normalisePhone(text: string): string | null {
  const t = text.trim();
  if (!/^\+?[\d\s.()-]+$/.test(t)) return null;
  let digits = t.replace(/\D/g, "");
  if (digits.startsWith("0")) digits = `62${digits.slice(1)}`;
  else if (digits.startsWith("8")) digits = `62${digits}`;
  return digits.length >= 9 && digits.length <= 15 ? digits : null;
}

// ---------- Sources (channels) ----------

export const CUSTOMER_SOURCES: readonly OrderChannel[] = ORDER_CHANNELS;

/** The label of a stored source; empty reads "Toko", an unknown one "Lainnya". */
export function sourceKey(code: string): MessageKey {
  if (code.trim() === "") return CHANNEL_KEYS.toko;
  return (ORDER_CHANNELS as readonly string[]).includes(code) ? CHANNEL_KEYS[code as OrderChannel] : CHANNEL_KEYS.lainnya;
}

// ---------- The customer form ----------

export type CustomerField = "name" | "phone" | "address" | "birthday" | "tags" | "source" | "notes";

/** In the order the form shows them (errors from Rust name one of these). */
export const CUSTOMER_FIELDS: readonly CustomerField[] = ["name", "phone", "address", "birthday", "tags", "source", "notes"];

export type CustomerFields = Record<CustomerField, string>;

export function emptyCustomerFields(): CustomerFields {
  return { name: "", phone: "", address: "", birthday: "", tags: "", source: "toko", notes: "" };
}

export function customerToFields(c: Customer): CustomerFields {
  return {
    name: c.name,
    phone: phoneText(c.phone),
    address: c.address,
    birthday: c.birthday ?? "",
    tags: c.tags.join(", "),
    source: c.source.trim() === "" ? "toko" : c.source,
    notes: c.notes,
  };
}

/** "pelanggan tetap, ,reseller  ,Reseller" → "pelanggan tetap, reseller" (blanks and repeats dropped). */
export function tagsText(text: string): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(",")) {
    const tag = raw.trim().replace(/\s+/g, " ");
    const key = tag.toLocaleLowerCase("id");
    if (tag === "" || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out.join(", ");
}

/** What add_customer and update_customer take; a name is needed, a birthday must be a date. */
export function prepareCustomerInput(f: CustomerFields): Checked<CustomerInput, CustomerField> {
  const hints: Partial<Record<CustomerField, MessageKey>> = {};
  if (blank(f.name)) hints.name = "customer.error.nameRequired";
  if (!blank(f.birthday) && !isIsoDate(f.birthday)) hints.birthday = "customer.error.birthday";
  if (Object.keys(hints).length > 0) return { ok: false, hints };
  return {
    ok: true,
    input: {
      name: f.name.trim().replace(/\s+/g, " "),
      phone: f.phone.trim(),
      address: f.address.trim(),
      birthday: f.birthday.trim(),
      tags: tagsText(f.tags),
      notes: f.notes.trim(),
      source: f.source.trim() === "toko" ? "" : f.source.trim(),
    },
  };
}

// ---------- Loyalty and segment settings ----------

export type CrmField = "rupiah_per_point" | "point_value" | "new_days" | "at_risk_days" | "inactive_days" | "loyal_purchases";

export const CRM_FIELDS: readonly CrmField[] = [
  "rupiah_per_point",
  "point_value",
  "new_days",
  "at_risk_days",
  "inactive_days",
  "loyal_purchases",
];

export type CrmFields = { loyalty: boolean } & Record<CrmField, string>;

/** Loyalty points are given (and can be redeemed). */
export const loyaltyOn = (s: Pick<CrmSettings, "rupiah_per_point">): boolean => s.rupiah_per_point > 0;

const whole = (n: number): string => (n > 0 ? String(n) : "");
const money = (n: number): string => (n > 0 ? groupDots(n) : "");

function groupDots(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

export function crmToFields(s: CrmSettings): CrmFields {
  return {
    loyalty: loyaltyOn(s),
    rupiah_per_point: money(s.rupiah_per_point),
    point_value: money(s.point_value),
    new_days: whole(s.new_days),
    at_risk_days: whole(s.at_risk_days),
    inactive_days: whole(s.inactive_days),
    loyal_purchases: whole(s.loyal_purchases),
  };
}

/** A whole number as typed ("30", "1.000"); null for anything else (decimals, signs, words). */
export function parseWhole(text: string): number | null {
  const t = text.trim().replace(/\s+/g, "");
  if (!/^(\d{1,3}(\.\d{3})+|\d+)$/.test(t)) return null;
  const n = Number(t.replace(/\./g, ""));
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * What set_crm_settings takes. With loyalty off, 1 poin per Rp0 (off) is sent and the point
 * value is kept as it was. Days and the number of purchases are whole numbers from 1; an
 * inactive customer has been away longer than one at risk.
 */
export function prepareCrmSettings(f: CrmFields, current: CrmSettings): Checked<CrmSettings, CrmField> {
  const hints: Partial<Record<CrmField, MessageKey>> = {};
  let rupiahPerPoint = 0;
  let pointValue = current.point_value;
  if (f.loyalty) {
    const rpp = parseAmountText(f.rupiah_per_point);
    if (rpp === null || rpp < 1) hints.rupiah_per_point = "crm.error.rupiahPerPoint";
    else rupiahPerPoint = rpp;
    const pv = parseAmountText(f.point_value);
    if (pv === null || pv < 1) hints.point_value = "crm.error.pointValue";
    else pointValue = pv;
  }
  const positive = (field: CrmField): number => {
    const n = parseWhole(f[field]);
    if (n === null || n < 1) {
      hints[field] = "crm.error.days";
      return 0;
    }
    return n;
  };
  const newDays = positive("new_days");
  const atRisk = positive("at_risk_days");
  const inactive = positive("inactive_days");
  const loyal = parseWhole(f.loyal_purchases);
  if (loyal === null || loyal < 1) hints.loyal_purchases = "crm.error.purchases";
  if (!hints.at_risk_days && !hints.inactive_days && inactive <= atRisk) hints.inactive_days = "crm.error.inactiveAfterRisk";
  if (Object.keys(hints).length > 0) return { ok: false, hints };
  return {
    ok: true,
    input: {
      rupiah_per_point: rupiahPerPoint,
      point_value: pointValue,
      new_days: newDays,
      at_risk_days: atRisk,
      inactive_days: inactive,
      loyal_purchases: loyal ?? 1,
    },
  };
}

/** For the settings' plain example: a purchase of `spend` earns `points`, worth `value` when redeemed. */
export function loyaltyExample(
  s: Pick<CrmSettings, "rupiah_per_point" | "point_value">,
  spend: number,
): { points: number; value: number } {
  if (!loyaltyOn(s)) return { points: 0, value: 0 };
  const points = Math.floor(spend / s.rupiah_per_point);
  return { points, value: points * s.point_value };
}

// ---------- Redeeming points at the cashier ----------

/** Points as typed ("50", "1.000"); empty is 0; null when it is not a whole number. */
export function parsePoints(text: string): number | null {
  if (blank(text)) return 0;
  return parseWhole(text);
}

/** What the points typed are worth in Rupiah; null while the text is not a whole number. */
export function redeemValue(text: string, s: Pick<CrmSettings, "point_value">): number | null {
  const points = parsePoints(text);
  return points === null ? null : points * s.point_value;
}

/** What the cashier can say about the points typed, before the backend checks them. */
export function redeemProblem(text: string, balance: number): MessageKey | null {
  const points = parsePoints(text);
  if (points === null) return "kasir.member.redeem.format";
  if (points > balance) return "kasir.member.redeem.tooMany";
  return null;
}

// ---------- Customer chosen in a picker ----------

/** What a sale or order keeps of a chosen customer (enough for the chip). */
export type CustomerRef = { id: string; name: string; phone: string };

export function customerRef(c: Pick<Customer, "id" | "name" | "phone">): CustomerRef {
  return { id: c.id, name: c.name, phone: c.phone };
}

/** The customer meant by the text typed: the same name (any case) or the same phone number. */
export function exactCustomer<T extends Pick<Customer, "name" | "phone">>(query: string, list: readonly T[]): T | null {
  const q = query.trim().replace(/\s+/g, " ").toLocaleLowerCase("id");
  if (q === "") return null;
  const phone = normalisePhone(query);
  return (
    list.find((c) => c.name.trim().replace(/\s+/g, " ").toLocaleLowerCase("id") === q) ??
    (phone ? list.find((c) => c.phone !== "" && c.phone === phone) : undefined) ??
    null
  );
}

/** The order form's name, phone and address, with the empty ones filled from the customer. */
export function fillFromCustomer<T extends { customer: string; phone: string; address: string }>(
  fields: T,
  c: Pick<Customer, "name" | "phone" | "address">,
): T {
  return {
    ...fields,
    customer: blank(fields.customer) ? c.name : fields.customer,
    phone: blank(fields.phone) ? phoneText(c.phone) : fields.phone,
    address: blank(fields.address) ? c.address : fields.address,
  };
}

// ---------- History and points ----------

export type HistoryKind = "nota" | "retur" | "batal" | "pesanan";

export const HISTORY_KIND_KEYS: Record<HistoryKind, MessageKey> = {
  nota: "customer.history.kind.nota",
  retur: "customer.history.kind.retur",
  batal: "customer.history.kind.batal",
  pesanan: "customer.history.kind.pesanan",
};

const HISTORY_KIND_TONE: Record<HistoryKind, Tone> = {
  nota: "success",
  pesanan: "info",
  retur: "warning",
  batal: "danger",
};

const isHistoryKind = (k: string): k is HistoryKind => k in HISTORY_KIND_KEYS;

export function historyKindKey(kind: string): MessageKey {
  return isHistoryKind(kind) ? HISTORY_KIND_KEYS[kind] : HISTORY_KIND_KEYS.nota;
}

export function historyKindTone(kind: string): Tone {
  return isHistoryKind(kind) ? HISTORY_KIND_TONE[kind] : "neutral";
}

/** For an order line: the label of its status; null for notas (and an unknown status). */
export function historyStatusKey(item: Pick<HistoryItem, "kind" | "status">): MessageKey | null {
  if (item.kind !== "pesanan" || !(item.status in STATUS_KEYS)) return null;
  return STATUS_KEYS[item.status as OrderStatus];
}

export const POINT_REASON_KEYS: Record<string, MessageKey> = {
  belanja: "customer.points.reason.belanja",
  tukar: "customer.points.reason.tukar",
  batal: "customer.points.reason.batal",
  retur: "customer.points.reason.retur",
  retur_tukar: "customer.points.reason.retur_tukar",
};

export function pointReasonKey(reason: string): MessageKey {
  return POINT_REASON_KEYS[reason] ?? "customer.points.reason.belanja";
}

/** "+25" for points earned, "−10" for points used or taken back. */
export function pointsText(points: number): string {
  if (points > 0) return `+${groupDots(points)}`;
  if (points < 0) return `−${groupDots(-points)}`;
  return "0";
}

// ---------- Points below zero ----------

/**
 * A balance below zero. The balance is the sum of every points movement, and each computer
 * checks a redemption only against the movements it has seen, so two cashiers offline at the
 * same time can each let the customer redeem the same points; once they sync the sum is
 * negative. (Points of a nota cancelled or returned after they were redeemed are taken back
 * too, and can also leave it below zero.) Shown in red, with a note on the customer page.
 */
export function pointsNegative(balance: number): boolean {
  return balance < 0;
}

/** Points can be redeemed ("Tukar poin") only from a balance above zero. */
export function canRedeemPoints(balance: number | null): boolean {
  return balance !== null && balance > 0;
}

/** Why a balance is below zero, as far as the movements tell. */
export type NegativePointsCause = "offline" | "takenBack" | "unknown";

/** Movements that take earned points back: a nota cancelled, goods returned. */
const isTakeBack = (m: Pick<PointMovement, "points" | "reason">): boolean =>
  m.points < 0 && (m.reason === "batal" || m.reason === "retur");

/**
 * Why `balance` (below zero) is negative, from the customer's movements:
 * - "offline": more points were redeemed than were ever earned (leaving the take-backs out the
 *   sum is still below zero). One computer never allows that, so the same points were redeemed
 *   on two computers while offline.
 * - "takenBack": without the take-backs the sum is not negative, so it is the points of a
 *   cancelled or returned nota, taken back after they had been redeemed.
 * - "unknown": the movements listed do not add up to the balance (the page shows only the
 *   latest ones), so they cannot tell.
 * Null when the balance is not below zero.
 */
export function negativePointsCause(
  balance: number,
  movements: readonly Pick<PointMovement, "points" | "reason">[],
): NegativePointsCause | null {
  if (!pointsNegative(balance)) return null;
  const listed = movements.reduce((sum, m) => sum + m.points, 0);
  if (listed !== balance) return "unknown";
  const takenBack = movements.reduce((sum, m) => (isTakeBack(m) ? sum + m.points : sum), 0);
  return balance - takenBack < 0 ? "offline" : "takenBack";
}

const NEGATIVE_POINTS_KEYS: Record<NegativePointsCause, MessageKey> = {
  offline: "customer.points.negative.offline",
  takenBack: "customer.points.negative.takenBack",
  unknown: "customer.points.negative.unknown",
};

/** The customer page's note on a balance below zero ("Poin minus 10: …"); null otherwise. */
export function negativePointsNote(
  balance: number,
  movements: readonly Pick<PointMovement, "points" | "reason">[],
): Message | null {
  const cause = negativePointsCause(balance, movements);
  if (cause === null) return null;
  return { key: NEGATIVE_POINTS_KEYS[cause], params: { points: formatCount(-balance) } };
}

// ---------- Inquiries and complaints ----------

export const INTERACTION_KINDS = ["pertanyaan", "keluhan", "masukan"] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export const INTERACTION_KIND_KEYS: Record<InteractionKind, MessageKey> = {
  pertanyaan: "service.kind.pertanyaan",
  keluhan: "service.kind.keluhan",
  masukan: "service.kind.masukan",
};

export function interactionKindKey(kind: string): MessageKey {
  return kind in INTERACTION_KIND_KEYS ? INTERACTION_KIND_KEYS[kind as InteractionKind] : INTERACTION_KIND_KEYS.pertanyaan;
}

export const INTERACTION_STATUS_KEYS: Record<InteractionStatus, MessageKey> = {
  baru: "service.status.baru",
  diproses: "service.status.diproses",
  selesai: "service.status.selesai",
};

export const INTERACTION_STATUS_TONE: Record<InteractionStatus, Tone> = {
  baru: "warning",
  diproses: "info",
  selesai: "success",
};

export const isOpenInteraction = (i: Pick<Interaction, "status">): boolean => i.status !== "selesai";

/** A tindak lanjut that is set, not done, and due today or earlier. `today` is ISO. */
export function followUpDue(i: Pick<Interaction, "follow_up" | "follow_up_done">, today: string): boolean {
  return !!i.follow_up && !i.follow_up_done && i.follow_up <= today;
}

export type InteractionFields = { kind: InteractionKind; channel: OrderChannel; subject: string; follow_up: string };
export type InteractionField = "kind" | "channel" | "subject" | "follow_up";
export const INTERACTION_FIELDS: readonly InteractionField[] = ["kind", "channel", "subject", "follow_up"];

export function emptyInteractionFields(source = ""): InteractionFields {
  const channel = (ORDER_CHANNELS as readonly string[]).includes(source) ? (source as OrderChannel) : "toko";
  return { kind: "keluhan", channel, subject: "", follow_up: "" };
}

export function prepareInteractionInput(customer: string, f: InteractionFields): Checked<InteractionInput, InteractionField> {
  const hints: Partial<Record<InteractionField, MessageKey>> = {};
  if (blank(f.subject)) hints.subject = "service.error.subject";
  if (!blank(f.follow_up) && !isIsoDate(f.follow_up)) hints.follow_up = "service.error.followUp";
  if (Object.keys(hints).length > 0) return { ok: false, hints };
  return {
    ok: true,
    input: {
      customer,
      kind: f.kind,
      channel: f.channel === "toko" ? "" : f.channel,
      subject: f.subject.trim(),
      follow_up: f.follow_up.trim(),
    },
  };
}

/**
 * How long the first answer took: "kurang dari 1 menit", "25 menit", "2 jam 5 menit",
 * "3 hari 4 jam". Null until answered.
 */
export function responseTime(minutes: number | null): Message | null {
  if (minutes === null || !Number.isFinite(minutes) || minutes < 0) return null;
  const m = Math.floor(minutes);
  if (m < 1) return { key: "service.time.lessMinute" };
  if (m < 60) return { key: "service.time.minutes", params: { m } };
  if (m < 1440) {
    const h = Math.floor(m / 60);
    const rest = m % 60;
    return rest === 0 ? { key: "service.time.hours", params: { h } } : { key: "service.time.hoursMinutes", params: { h, m: rest } };
  }
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  return h === 0 ? { key: "service.time.days", params: { d } } : { key: "service.time.daysHours", params: { d, h } };
}
