// Typed mapping from data values to UI strings, so templates never build keys by hand.
import type { AccountKind, AccountRole, BusinessType, EntryKind, Lang, TaxpayerKind, Timezone, UiError } from "./bindings";
import { FIELD_LABEL_KEYS, type FieldKey } from "./forms";
import { t, type MessageKey } from "./i18n.svelte";
import type { Message } from "./messages";
import type { Section } from "./sections";
import type { ConflictLine, ConflictValue } from "./conflicts";
import { skewMessage, type ClockSkew } from "./sync";
import {
  DEBT_STATUS_KEYS,
  ENTRY_KIND_KEYS,
  KIND_KEYS,
  NEW_ROLE_KEYS,
  ROLE_ABOUT_KEYS,
  type DebtStatus,
  type NewAccountRole,
} from "./ledger";
import { parseIsoDate, weekday, type YearMonth } from "./period";

const BUSINESS_TYPE_KEYS: Record<BusinessType, MessageKey> = {
  kuliner: "businessType.kuliner",
  fesyen: "businessType.fesyen",
  kerajinan: "businessType.kerajinan",
  toko: "businessType.toko",
  jasa: "businessType.jasa",
  pertanian: "businessType.pertanian",
  lainnya: "businessType.lainnya",
};

const TIMEZONE_KEYS: Record<Timezone, { long: MessageKey; utc: MessageKey; hint: MessageKey }> = {
  WIB: { long: "timezone.WIB.long", utc: "timezone.WIB.utc", hint: "timezone.WIB.hint" },
  WITA: { long: "timezone.WITA.long", utc: "timezone.WITA.utc", hint: "timezone.WITA.hint" },
  WIT: { long: "timezone.WIT.long", utc: "timezone.WIT.utc", hint: "timezone.WIT.hint" },
};

const TAXPAYER_KEYS: Record<TaxpayerKind, MessageKey> = {
  orang_pribadi: "taxpayer.orang_pribadi",
  badan: "taxpayer.badan",
};

const LANG_KEYS: Record<Lang, { short: MessageKey; name: MessageKey }> = {
  id: { short: "lang.short.id", name: "lang.name.id" },
  en: { short: "lang.short.en", name: "lang.name.en" },
};

const REQUIRED_KEYS: Partial<Record<FieldKey, MessageKey>> = {
  name: "error.required.name",
  owner_name: "error.required.owner_name",
  business_type: "error.required.business_type",
};

const SECTION_KEYS: Record<Section, MessageKey> = {
  beranda: "nav.beranda",
  kasir: "nav.kasir",
  pesanan: "nav.pesanan",
  produk: "nav.produk",
  pelanggan: "nav.pelanggan",
  pembukuan: "nav.pembukuan",
  laporan: "nav.laporan",
  sinkronisasi: "nav.sinkronisasi",
  pengaturan: "nav.pengaturan",
};

export const businessTypeLabel = (v: BusinessType): string => t(BUSINESS_TYPE_KEYS[v]);
export const timezoneLong = (v: Timezone): string => t(TIMEZONE_KEYS[v].long);
export const timezoneUtc = (v: Timezone): string => t(TIMEZONE_KEYS[v].utc);
export const timezoneHint = (v: Timezone): string => t(TIMEZONE_KEYS[v].hint);
export const timezoneOption = (v: Timezone): string =>
  t("timezone.option", { zone: v, long: timezoneLong(v) });
export const timezoneDetail = (v: Timezone): string =>
  t("timezone.detail", { utc: timezoneUtc(v), hint: timezoneHint(v) });
export const taxpayerLabel = (v: TaxpayerKind): string => t(TAXPAYER_KEYS[v]);
export const langShort = (v: Lang): string => t(LANG_KEYS[v].short);
export const langName = (v: Lang): string => t(LANG_KEYS[v].name);
export const fieldLabel = (v: FieldKey): string => t(FIELD_LABEL_KEYS[v]);
export const sectionLabel = (v: Section): string => t(SECTION_KEYS[v]);

/** Client-side hints for required fields left empty, as message keys. */
export function requiredHints(missing: readonly FieldKey[]): Partial<Record<FieldKey, MessageKey>> {
  const hints: Partial<Record<FieldKey, MessageKey>> = {};
  for (const f of missing) hints[f] = REQUIRED_KEYS[f] ?? "error.unexpected";
  return hints;
}

/** Looks up a Message (or passes Rust's text through). */
export function message(m: Message): string {
  return "raw" in m ? m.raw : t(m.key, m.params);
}

/** "“Kue Tini Jaya” diganti dengan “Kue Tini Manis”." */
export function conflictSentence(c: ConflictLine): string {
  return t(c.sentence, { lost: conflictValueText(c.lost), kept: conflictValueText(c.kept) });
}

/** "“Kue Tini Jaya”", or "(kosong)" unquoted. */
export function conflictValueText(v: ConflictValue): string {
  return v.quoted ? t("sync.conflicts.quoted", { value: message(v.text) }) : message(v.text);
}

/** "Jam komputer ini terlambat sekitar 12 menit dibanding server." */
export function skewSentence(skew: ClockSkew): string {
  const { sentence, amount } = skewMessage(skew);
  return t(sentence, { amount: message(amount) });
}

const MONTH_KEYS: readonly MessageKey[] = [
  "month.1", "month.2", "month.3", "month.4", "month.5", "month.6",
  "month.7", "month.8", "month.9", "month.10", "month.11", "month.12",
];

/** "November 2026". */
export function monthLabel(ym: YearMonth): string {
  return t("period.month", { month: t(MONTH_KEYS[ym.month - 1] ?? "month.1"), year: ym.year });
}

export const entryKindLabel = (v: EntryKind): string => t(ENTRY_KIND_KEYS[v]);
export const accountKindLabel = (v: AccountKind): string => t(KIND_KEYS[v]);
export const roleAbout = (v: AccountRole): string => t(ROLE_ABOUT_KEYS[v]);
export const newRoleLabel = (v: NewAccountRole): string => t(NEW_ROLE_KEYS[v]);

const WEEKDAY_KEYS: readonly MessageKey[] = [
  "weekday.0", "weekday.1", "weekday.2", "weekday.3", "weekday.4", "weekday.5", "weekday.6",
];

/** "Senin, 30 November 2026", or "" for a text that is not a date. */
export function longDate(iso: string): string {
  const d = parseIsoDate(iso);
  if (!d) return "";
  return t("date.long", {
    weekday: t(WEEKDAY_KEYS[weekday(iso)] ?? "weekday.0"),
    day: d.day,
    month: t(MONTH_KEYS[d.month - 1] ?? "month.1"),
    year: d.year,
  });
}
export const debtStatusLabel = (v: DebtStatus): string => t(DEBT_STATUS_KEYS[v]);

/** What to show for a refusal from Rust (already translated), or the generic message. */
export function errorMessage(error: UiError | null | undefined): string {
  const text = typeof error?.message === "string" ? error.message.trim() : "";
  return text === "" ? t("error.unexpected") : text;
}
