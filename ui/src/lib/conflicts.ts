// The conflict log on the Sync page: when two computers changed the same field, which value was
// overwritten by which. No Svelte, no Tauri: unit-tested in conflicts.test.ts.

import type { Conflict, Timezone } from "./bindings";
import { formatCount, formatDateTime, formatPhone } from "./format";
import { BUSINESS_TYPES, FIELD_LABEL_KEYS, TAXPAYER_KINDS, type FieldKey } from "./forms";
import type { Message, MessageKey } from "./messages";

/** The page shows this many entries at most (newest first), then "dan N lainnya". */
export const MAX_CONFLICTS = 20;

function isProfileField(field: string): field is FieldKey {
  return Object.prototype.hasOwnProperty.call(FIELD_LABEL_KEYS, field);
}

/** The field's label as on the profile form ("Nama usaha"); an unknown field is shown as Rust named it. */
export function conflictFieldLabel(c: Pick<Conflict, "entity" | "field">): Message {
  return c.entity === "business_profile" && isProfileField(c.field)
    ? { key: FIELD_LABEL_KEYS[c.field] }
    : { raw: c.field };
}

/** A value as the log shows it: `quoted` text goes inside “…” (see labels.conflictValueText). */
export type ConflictValue = { text: Message; quoted: boolean };

/** A stored value as people read it: “Kue Tini”, “+62 812-3456-7890”, “Kuliner (…)”; null is "(kosong)". */
export function conflictValue(field: string, value: string | null): ConflictValue {
  if (value === null) return { text: { key: "sync.conflicts.emptyValue" }, quoted: false };
  if (field === "phone") return { text: { raw: formatPhone(value) }, quoted: true };
  if (field === "business_type") {
    const v = BUSINESS_TYPES.find((b) => b === value);
    if (v) return { text: { key: `businessType.${v}` }, quoted: true };
  }
  if (field === "taxpayer_kind") {
    const v = TAXPAYER_KINDS.find((k) => k === value);
    if (v) return { text: { key: `taxpayer.${v}` }, quoted: true };
  }
  return { text: { raw: value }, quoted: true };
}

/** One entry of the log, not yet looked up. `sentence` takes `{lost}` and `{kept}` (see labels.conflictSentence). */
export type ConflictLine = {
  label: Message;
  sentence: MessageKey;
  lost: ConflictValue;
  kept: ConflictValue;
  times: Message;
};

export function conflictLine(c: Conflict, zone: Timezone): ConflictLine {
  return {
    label: conflictFieldLabel(c),
    sentence: "sync.conflicts.sentence",
    lost: conflictValue(c.field, c.lost_value),
    kept: conflictValue(c.field, c.kept_value),
    times: {
      key: "sync.conflicts.times",
      params: { lostAt: formatDateTime(c.lost_at_ms, zone), keptAt: formatDateTime(c.kept_at_ms, zone) },
    },
  };
}

/** The first `max` entries, and "dan N lainnya" when there are more. */
export function visibleConflicts<T>(all: readonly T[], max = MAX_CONFLICTS): { shown: T[]; more: Message | null } {
  const hidden = all.length - max;
  return {
    shown: all.slice(0, max),
    more: hidden > 0 ? { key: "sync.conflicts.more", params: { count: formatCount(hidden) } } : null,
  };
}
