import { beforeEach, describe, expect, it, vi } from "vitest";

const setLanguage = vi.fn(async (_lang: string) => null);
vi.mock("./bindings", () => ({ commands: { setLanguage: (lang: string) => setLanguage(lang) } }));

class MemoryStorage {
  data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, String(v));
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

describe("i18n", () => {
  beforeEach(() => {
    vi.resetModules();
    setLanguage.mockClear();
    vi.stubGlobal("localStorage", new MemoryStorage());
  });

  it("speaks Indonesian by default and interpolates", async () => {
    const { t, locale } = await import("./i18n.svelte");
    expect(locale()).toBe("id");
    expect(t("nav.kasir")).toBe("Kasir");
    expect(t("unavailable.title", { section: "Kasir" })).toBe("Kasir belum tersedia di versi ini.");
    expect(t("topbar.device", { code: "K7F2" })).toBe("Perangkat K7F2");
  });

  it("switches language, remembers it and tells Rust", async () => {
    const { t, locale, setLocale, STORAGE_KEY } = await import("./i18n.svelte");
    await setLocale("en");
    expect(locale()).toBe("en");
    expect(t("nav.kasir")).toBe("Cashier");
    expect(t("unavailable.title", { section: t("nav.kasir") })).toBe(
      "Cashier is not available in this version yet.",
    );
    expect(localStorage.getItem(STORAGE_KEY)).toBe("en");
    expect(setLanguage).toHaveBeenCalledWith("en");
  });

  it("at start prefers the stored language over Rust's, and tells Rust", async () => {
    localStorage.setItem("usahaku.lang", "en");
    const { initLocale, locale } = await import("./i18n.svelte");
    await expect(initLocale("id")).resolves.toBe("en");
    expect(locale()).toBe("en");
    expect(setLanguage).toHaveBeenCalledTimes(1);
    expect(setLanguage).toHaveBeenCalledWith("en");
  });

  it("at start without a stored choice takes Rust's language", async () => {
    const { initLocale, locale } = await import("./i18n.svelte");
    await expect(initLocale("en")).resolves.toBe("en");
    expect(locale()).toBe("en");
    expect(localStorage.getItem("usahaku.lang")).toBe("en");
  });

  it("ignores a garbage stored value", async () => {
    localStorage.setItem("usahaku.lang", "fr");
    const { initLocale } = await import("./i18n.svelte");
    await expect(initLocale(null)).resolves.toBe("id");
    expect(setLanguage).toHaveBeenCalledWith("id");
  });

  it("keeps working when Rust cannot be told", async () => {
    setLanguage.mockRejectedValueOnce(new Error("no tauri"));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { setLocale, locale } = await import("./i18n.svelte");
    await expect(setLocale("en")).resolves.toBeUndefined();
    expect(locale()).toBe("en");
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
