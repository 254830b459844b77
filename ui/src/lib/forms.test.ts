import { describe, expect, it } from "vitest";
import type { Profile } from "./bindings";
import {
  PROFILE_FIELDS,
  WIZARD_FIELDS,
  emptyToNull,
  emptyWizardFields,
  firstErrorField,
  placeUiError,
  prepareNewBusiness,
  prepareProfileInput,
  profileToFields,
  type ProfileFields,
} from "./forms";

const profile: Profile = {
  business_id: "01JD0000000000000000000000",
  name: "Warung Bu Sari",
  owner_name: "Sari Wulandari",
  business_type: "kuliner",
  address: null,
  phone: "6281234567890",
  timezone: "WITA",
  npwp: null,
  taxpayer_kind: "orang_pribadi",
  device_code: "K7F2",
};

describe("emptyToNull", () => {
  it("trims and turns blank text into null", () => {
    expect(emptyToNull("")).toBeNull();
    expect(emptyToNull("   \n\t ")).toBeNull();
    expect(emptyToNull(null)).toBeNull();
    expect(emptyToNull(undefined)).toBeNull();
    expect(emptyToNull("  Jl. Melati 5 ")).toBe("Jl. Melati 5");
    expect(emptyToNull("Jl. Melati 5\nDenpasar")).toBe("Jl. Melati 5\nDenpasar");
  });
});

describe("prepareNewBusiness", () => {
  it("starts with WIB and nothing else chosen", () => {
    expect(emptyWizardFields()).toEqual({ name: "", owner_name: "", business_type: "", timezone: "WIB" });
  });

  it("reports every missing required field, in form order", () => {
    expect(prepareNewBusiness(emptyWizardFields())).toEqual({
      ok: false,
      missing: ["name", "business_type", "owner_name"],
    });
    expect(
      prepareNewBusiness({ name: "  ", owner_name: "Sari", business_type: "jasa", timezone: "WIB" }),
    ).toEqual({ ok: false, missing: ["name"] });
    expect(
      prepareNewBusiness({ name: "Warung", owner_name: "Sari", business_type: "", timezone: "WIT" }),
    ).toEqual({ ok: false, missing: ["business_type"] });
  });

  it("builds a trimmed NewBusiness", () => {
    expect(
      prepareNewBusiness({ name: " Warung Bu Sari ", owner_name: "Sari  ", business_type: "kuliner", timezone: "WITA" }),
    ).toEqual({
      ok: true,
      input: { name: "Warung Bu Sari", owner_name: "Sari", business_type: "kuliner", timezone: "WITA" },
    });
  });
});

describe("profile form", () => {
  it("shows null optional values as empty inputs", () => {
    expect(profileToFields(profile)).toEqual({
      name: "Warung Bu Sari",
      owner_name: "Sari Wulandari",
      business_type: "kuliner",
      address: "",
      phone: "+62 812-3456-7890",
      timezone: "WITA",
      npwp: "",
      taxpayer_kind: "orang_pribadi",
    });
  });

  it("sends empty optional inputs as null and trims the rest", () => {
    const fields: ProfileFields = {
      name: "  Warung Bu Sari Baru ",
      owner_name: " Sari Wulandari",
      business_type: "toko",
      address: "   ",
      phone: " 0812 3456 7890 ",
      timezone: "WIT",
      npwp: "",
      taxpayer_kind: "badan",
    };
    expect(prepareProfileInput(fields)).toEqual({
      ok: true,
      input: {
        name: "Warung Bu Sari Baru",
        owner_name: "Sari Wulandari",
        business_type: "toko",
        address: null,
        phone: "0812 3456 7890",
        timezone: "WIT",
        npwp: null,
        taxpayer_kind: "badan",
      },
    });
  });

  it("round-trips a saved profile unchanged", () => {
    const prepared = prepareProfileInput(profileToFields(profile));
    expect(prepared).toEqual({
      ok: true,
      input: {
        name: profile.name,
        owner_name: profile.owner_name,
        business_type: profile.business_type,
        address: null,
        // shown readable; the store normalises it back to the same 6281234567890
        phone: "+62 812-3456-7890",
        timezone: profile.timezone,
        npwp: null,
        taxpayer_kind: profile.taxpayer_kind,
      },
    });
  });

  it("refuses blank required fields", () => {
    const fields = { ...profileToFields(profile), name: " ", owner_name: "" };
    expect(prepareProfileInput(fields)).toEqual({ ok: false, missing: ["name", "owner_name"] });
  });
});

describe("placing errors from Rust", () => {
  it("puts a field error beside its field", () => {
    const errors = placeUiError(
      { code: "npwp_invalid", message: "NPWP harus 15 atau 16 digit.", field: "npwp" },
      PROFILE_FIELDS,
      "fallback",
    );
    expect(errors).toEqual({ top: null, fields: { npwp: "NPWP harus 15 atau 16 digit." } });
    expect(firstErrorField(errors, PROFILE_FIELDS)).toBe("npwp");
  });

  it("puts an error without a field at the top, never the code", () => {
    const errors = placeUiError(
      { code: "storage_failed", message: "Data tidak bisa disimpan.", field: null },
      PROFILE_FIELDS,
      "fallback",
    );
    expect(errors).toEqual({ top: "Data tidak bisa disimpan.", fields: {} });
    expect(JSON.stringify(errors)).not.toContain("storage_failed");
    expect(firstErrorField(errors, PROFILE_FIELDS)).toBeUndefined();
  });

  it("puts an error for a field the form does not have at the top", () => {
    expect(
      placeUiError({ code: "x", message: "NPWP tidak valid.", field: "npwp" }, WIZARD_FIELDS, "fallback"),
    ).toEqual({ top: "NPWP tidak valid.", fields: {} });
    expect(
      placeUiError({ code: "x", message: "Aneh.", field: "bukan_field" }, PROFILE_FIELDS, "fallback"),
    ).toEqual({ top: "Aneh.", fields: {} });
  });

  it("uses the fallback text when Rust sends an empty message", () => {
    expect(placeUiError({ code: "x", message: " ", field: "name" }, WIZARD_FIELDS, "Terjadi kesalahan.")).toEqual({
      top: null,
      fields: { name: "Terjadi kesalahan." },
    });
  });

  it("finds the first errored field in form order", () => {
    expect(
      firstErrorField({ top: null, fields: { npwp: "a", owner_name: "b", phone: "c" } }, PROFILE_FIELDS),
    ).toBe("owner_name");
    expect(
      firstErrorField({ top: null, fields: { owner_name: "a", business_type: "b" } }, WIZARD_FIELDS),
    ).toBe("business_type");
  });
});
