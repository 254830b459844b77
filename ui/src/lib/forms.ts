// Pure form logic shared by the first-run wizard and the profile form.
// No Svelte, no Tauri: unit-tested in forms.test.ts.

import type {
  BusinessType,
  NewBusiness,
  Profile,
  ProfileInput,
  TaxpayerKind,
  Timezone,
  UiError,
} from "./bindings";
import { formatPhone } from "./format";
import type { MessageKey } from "./messages";

export const BUSINESS_TYPES: readonly BusinessType[] = [
  "kuliner",
  "fesyen",
  "kerajinan",
  "toko",
  "jasa",
  "pertanian",
  "lainnya",
];
export const TIMEZONES: readonly Timezone[] = ["WIB", "WITA", "WIT"];
export const TAXPAYER_KINDS: readonly TaxpayerKind[] = ["orang_pribadi", "badan"];

/** A field of the profile; Rust's UiError.field is one of these (or null). */
export type FieldKey = keyof ProfileInput;

/** The label of each profile field ("Nama usaha"). */
export const FIELD_LABEL_KEYS: Record<FieldKey, MessageKey> = {
  name: "field.name",
  owner_name: "field.owner_name",
  business_type: "field.business_type",
  address: "field.address",
  phone: "field.phone",
  timezone: "field.timezone",
  npwp: "field.npwp",
  taxpayer_kind: "field.taxpayer_kind",
};

/** In the order the profile form shows them. */
export const PROFILE_FIELDS: readonly FieldKey[] = [
  "name",
  "owner_name",
  "business_type",
  "timezone",
  "address",
  "phone",
  "npwp",
  "taxpayer_kind",
];
/** In the order the first-run wizard shows them. */
export const WIZARD_FIELDS: readonly FieldKey[] = ["name", "business_type", "owner_name", "timezone"];

/** What the inputs hold: plain strings, "" for nothing chosen or typed. */
export type WizardFields = {
  name: string;
  owner_name: string;
  business_type: BusinessType | "";
  timezone: Timezone;
};

export type ProfileFields = {
  name: string;
  owner_name: string;
  business_type: BusinessType | "";
  address: string;
  phone: string;
  timezone: Timezone;
  npwp: string;
  taxpayer_kind: TaxpayerKind;
};

export type Prepared<T> = { ok: true; input: T } | { ok: false; missing: FieldKey[] };

/** Trims; an empty (or blank) text becomes null. */
export function emptyToNull(value: string | null | undefined): string | null {
  const trimmed = (value ?? "").trim();
  return trimmed === "" ? null : trimmed;
}

export function emptyWizardFields(): WizardFields {
  return { name: "", owner_name: "", business_type: "", timezone: "WIB" };
}

export function prepareNewBusiness(f: WizardFields): Prepared<NewBusiness> {
  const name = f.name.trim();
  const owner_name = f.owner_name.trim();
  const missing: FieldKey[] = [];
  if (name === "") missing.push("name");
  if (f.business_type === "") missing.push("business_type");
  if (owner_name === "") missing.push("owner_name");
  if (f.business_type === "" || missing.length > 0) return { ok: false, missing };
  return {
    ok: true,
    input: { name, owner_name, business_type: f.business_type, timezone: f.timezone },
  };
}

export function profileToFields(p: Profile): ProfileFields {
  return {
    name: p.name,
    owner_name: p.owner_name,
    business_type: p.business_type,
    address: p.address ?? "",
    phone: p.phone ? formatPhone(p.phone) : "",
    timezone: p.timezone,
    npwp: p.npwp ?? "",
    taxpayer_kind: p.taxpayer_kind,
  };
}

/** Builds what update_profile expects: required texts trimmed, empty optional texts sent as null. */
export function prepareProfileInput(f: ProfileFields): Prepared<ProfileInput> {
  const name = f.name.trim();
  const owner_name = f.owner_name.trim();
  const missing: FieldKey[] = [];
  if (name === "") missing.push("name");
  if (owner_name === "") missing.push("owner_name");
  if (f.business_type === "") missing.push("business_type");
  if (f.business_type === "" || missing.length > 0) return { ok: false, missing };
  return {
    ok: true,
    input: {
      name,
      owner_name,
      business_type: f.business_type,
      address: emptyToNull(f.address),
      phone: emptyToNull(f.phone),
      timezone: f.timezone,
      npwp: emptyToNull(f.npwp),
      taxpayer_kind: f.taxpayer_kind,
    },
  };
}

/**
 * Errors as a form shows them: one by each named field, or one at the top of the form.
 * `K` names the form's fields (the profile's by default; the sync forms have their own).
 */
export type FormErrors<K extends string = FieldKey> = { top: string | null; fields: Partial<Record<K, string>> };

export function noErrors<K extends string = FieldKey>(): FormErrors<K> {
  return { top: null, fields: {} };
}

/**
 * Places an (already translated) error from Rust: beside its field when the form has that
 * field, otherwise at the top of the form. Never shows the code.
 */
export function placeUiError<K extends string = FieldKey>(
  error: UiError,
  formFields: readonly K[],
  fallbackMessage: string,
): FormErrors<K> {
  // Defensive: a failed invoke can reject with a bare string instead of a UiError.
  const text = typeof error?.message === "string" ? error.message.trim() : "";
  const message = text === "" ? fallbackMessage : error.message;
  const field = formFields.find((f) => f === error?.field);
  if (!field) return { top: message, fields: {} };
  const fields: Partial<Record<K, string>> = {};
  fields[field] = message;
  return { top: null, fields };
}

/** The first field (in form order) that has an error, to move the keyboard focus there. */
export function firstErrorField<K extends string = FieldKey>(
  errors: FormErrors<K>,
  formFields: readonly K[],
): K | undefined {
  return formFields.find((f) => errors.fields[f] !== undefined);
}
