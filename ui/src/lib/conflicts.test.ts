import { describe, expect, it } from "vitest";
import type { Conflict, Lang } from "./bindings";
import {
  MAX_CONFLICTS,
  conflictFieldLabel,
  conflictLine,
  conflictValue,
  visibleConflicts,
  type ConflictValue,
} from "./conflicts";
import { dictionaries, interpolate, type Message } from "./messages";

/** What the UI shows for a Message, without the Svelte i18n module. */
function say(m: Message, lang: Lang = "id"): string {
  return "raw" in m ? m.raw : interpolate(dictionaries[lang][m.key], m.params);
}

/** As labels.conflictValueText does it. */
function value(v: ConflictValue, lang: Lang = "id"): string {
  return v.quoted ? interpolate(dictionaries[lang]["sync.conflicts.quoted"], { value: say(v.text, lang) }) : say(v.text, lang);
}

/** The whole entry as shown: label, sentence, times (as labels.conflictSentence composes it). */
function show(c: Conflict, lang: Lang = "id"): string[] {
  const line = conflictLine(c, "WITA");
  return [
    say(line.label, lang),
    interpolate(dictionaries[lang][line.sentence], { lost: value(line.lost, lang), kept: value(line.kept, lang) }),
    say(line.times, lang),
  ];
}

// 22 Nov 2026 02:15 UTC = 10:15 WITA; 03:40 UTC = 11:40 WITA.
const LOST_AT = Date.UTC(2026, 10, 22, 2, 15);
const KEPT_AT = Date.UTC(2026, 10, 22, 3, 40);

const nameConflict: Conflict = {
  entity: "business_profile",
  field: "name",
  kept_value: "Kue Tini Manis",
  kept_at_ms: KEPT_AT,
  lost_value: "Kue Tini Jaya",
  lost_at_ms: LOST_AT,
};

describe("conflictLine", () => {
  it("says which value was overwritten by which, with the times in the business's zone", () => {
    expect(show(nameConflict)).toEqual([
      "Nama usaha",
      "“Kue Tini Jaya” diganti dengan “Kue Tini Manis”",
      "Nilai lama diisi 22 Nov 2026 10:15 WITA · nilai baru diisi 22 Nov 2026 11:40 WITA",
    ]);
    expect(show(nameConflict, "en")).toEqual([
      "Business name",
      "“Kue Tini Jaya” was replaced with “Kue Tini Manis”",
      "Old value set 22 Nov 2026 10:15 WITA · new value set 22 Nov 2026 11:40 WITA",
    ]);
  });

  it("shows an empty value as (kosong), without quotes", () => {
    const c: Conflict = { ...nameConflict, field: "address", lost_value: null, kept_value: "Jl. Melati 3" };
    expect(show(c)[1]).toBe("(kosong) diganti dengan “Jl. Melati 3”");
    expect(show(c, "en")[1]).toBe("(empty) was replaced with “Jl. Melati 3”");
    const cleared: Conflict = { ...nameConflict, field: "npwp", lost_value: "012345678901234", kept_value: null };
    expect(show(cleared)).toContain("“012345678901234” diganti dengan (kosong)");
    expect(show(cleared, "en")[0]).toBe("NPWP (tax ID)");
  });

  it("shows choices and phone numbers the way the profile form does", () => {
    const type: Conflict = { ...nameConflict, field: "business_type", lost_value: "kuliner", kept_value: "toko" };
    expect(show(type)[1]).toBe("“Kuliner (makanan & minuman)” diganti dengan “Toko / perdagangan”");
    expect(show(type, "en")[1]).toBe("“Culinary (food & drink)” was replaced with “Shop / trading”");
    const tax: Conflict = { ...nameConflict, field: "taxpayer_kind", lost_value: "orang_pribadi", kept_value: "badan" };
    expect(show(tax)[1]).toBe("“Orang pribadi” diganti dengan “Badan usaha”");
    const phone: Conflict = { ...nameConflict, field: "phone", lost_value: "6281234567890", kept_value: "628111222333" };
    expect(show(phone)).toEqual([
      "Nomor telepon/WhatsApp",
      "“+62 812-3456-7890” diganti dengan “+62 811-1222-333”",
      "Nilai lama diisi 22 Nov 2026 10:15 WITA · nilai baru diisi 22 Nov 2026 11:40 WITA",
    ]);
  });

  it("passes unknown fields and values through as written", () => {
    expect(say(conflictFieldLabel({ entity: "product", field: "name" }))).toBe("name");
    expect(say(conflictFieldLabel({ entity: "business_profile", field: "colour" }))).toBe("colour");
    expect(say(conflictFieldLabel({ entity: "business_profile", field: "toString" }))).toBe("toString");
    expect(value(conflictValue("business_type", "bengkel"))).toBe("“bengkel”");
    expect(value(conflictValue("timezone", "WIT"), "en")).toBe("“WIT”");
    expect(value(conflictValue("name", ""))).toBe("“”");
  });
});

describe("visibleConflicts", () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => i);

  it("shows everything up to the limit", () => {
    expect(visibleConflicts([])).toEqual({ shown: [], more: null });
    const twenty = visibleConflicts(many(MAX_CONFLICTS));
    expect(twenty.shown).toHaveLength(20);
    expect(twenty.more).toBeNull();
  });

  it("keeps the newest and counts the rest", () => {
    const list = visibleConflicts(many(21));
    expect(list.shown).toEqual(many(20));
    expect(say(list.more!)).toBe("dan 1 lainnya");
    expect(say(list.more!, "en")).toBe("and 1 more");
    expect(say(visibleConflicts(many(1270)).more!)).toBe("dan 1.250 lainnya");
    expect(say(visibleConflicts(many(1270)).more!, "en")).toBe("and 1.250 more");
  });
});
