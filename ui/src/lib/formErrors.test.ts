import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("./bindings", () => ({ commands: { setLanguage: async () => null } }));

import { FormErrorState } from "./formErrors.svelte";
import { PROFILE_FIELDS, WIZARD_FIELDS } from "./forms";
import { CONNECT_FIELDS, JOIN_FIELDS, type SyncField } from "./sync";
import { setLocale } from "./i18n.svelte";

describe("FormErrorState", () => {
  beforeEach(async () => {
    await setLocale("id");
  });

  it("starts empty", () => {
    expect(new FormErrorState(WIZARD_FIELDS).current).toEqual({ top: null, fields: {} });
  });

  it("shows required-field hints in the current language, following a switch", async () => {
    const s = new FormErrorState(WIZARD_FIELDS);
    s.setMissing(["name", "business_type"]);
    expect(s.current).toEqual({
      top: null,
      fields: { name: "Nama usaha wajib diisi.", business_type: "Pilih jenis usaha terlebih dahulu." },
    });
    await setLocale("en");
    expect(s.current.fields).toEqual({
      name: "Business name is required.",
      business_type: "Please choose a business type.",
    });
  });

  it("shows Rust's message by its field, and clears it when the field is edited", () => {
    const s = new FormErrorState(PROFILE_FIELDS);
    s.setMissing(["name"]);
    s.setUiError({ code: "npwp_invalid", message: "NPWP harus 15 atau 16 digit.", field: "npwp" });
    expect(s.current).toEqual({ top: null, fields: { npwp: "NPWP harus 15 atau 16 digit." } });
    s.clearField("phone");
    expect(s.current.fields.npwp).toBe("NPWP harus 15 atau 16 digit.");
    s.clearField("npwp");
    expect(s.current).toEqual({ top: null, fields: {} });
  });

  it("shows a translated generic message for an unexpected failure", async () => {
    const s = new FormErrorState(PROFILE_FIELDS);
    s.setUnexpected();
    expect(s.current).toEqual({
      top: "Terjadi kesalahan yang tidak terduga. Silakan coba lagi.",
      fields: {},
    });
    await setLocale("en");
    expect(s.current.top).toBe("Something unexpected went wrong. Please try again.");
    s.clear();
    expect(s.current).toEqual({ top: null, fields: {} });
  });

  it("removes a required hint once the field is edited", () => {
    const s = new FormErrorState(WIZARD_FIELDS);
    s.setMissing(["name", "owner_name"]);
    s.clearField("name");
    expect(s.current.fields).toEqual({ owner_name: "Nama pemilik wajib diisi." });
  });

  it("works for the sync forms: hints follow a language switch, Rust's field errors land by their field", async () => {
    const s = new FormErrorState<SyncField>(CONNECT_FIELDS);
    s.setHints({ server_url: "error.required.server_url", owner_password: "error.short.owner_password" });
    expect(s.current.fields).toEqual({
      server_url: "Alamat server wajib diisi.",
      owner_password: "Kata sandi pemilik minimal 8 karakter.",
    });
    await setLocale("en");
    expect(s.current.fields.owner_password).toBe("The owner password needs at least 8 characters.");
    s.clearField("owner_password");
    expect(s.current.fields).toEqual({ server_url: "Server address is required." });

    s.setUiError({ code: "wrong_password", message: "Kata sandi pemilik salah.", field: "owner_password" });
    expect(s.current).toEqual({ top: null, fields: { owner_password: "Kata sandi pemilik salah." } });

    const join = new FormErrorState<SyncField>(JOIN_FIELDS);
    join.setUiError({ code: "bad_code", message: "Kode pasangan salah.", field: "code" });
    expect(join.current).toEqual({ top: null, fields: { code: "Kode pasangan salah." } });
    // owner_password is not on the join form: shown at the top.
    join.setUiError({ code: "x", message: "Kata sandi pemilik salah.", field: "owner_password" });
    expect(join.current).toEqual({ top: "Kata sandi pemilik salah.", fields: {} });
  });

  it("shows a generic message when a refusal arrives without one", () => {
    const s = new FormErrorState<SyncField>(JOIN_FIELDS);
    // A failed invoke can reject with a bare string, which typedError passes on as the "UiError".
    s.setUiError("command join_business not found" as unknown as Parameters<typeof s.setUiError>[0]);
    expect(s.current).toEqual({ top: "Terjadi kesalahan yang tidak terduga. Silakan coba lagi.", fields: {} });
  });
});
