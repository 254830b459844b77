import { describe, expect, it } from "vitest";
import { dictionaries, en, id, interpolate } from "./messages";

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();

describe("dictionaries", () => {
  it("have exactly the same keys in id and en", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
  });

  it("have no empty strings", () => {
    for (const dict of Object.values(dictionaries)) {
      for (const [key, value] of Object.entries(dict)) {
        expect(value.trim(), key).not.toBe("");
      }
    }
  });

  it("use the same placeholders in both languages", () => {
    for (const key of Object.keys(id) as (keyof typeof id)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(id[key]));
    }
  });

  it("carry the agreed Indonesian wording", () => {
    expect(id["wizard.title"]).toBe("Selamat datang di Usahaku");
    expect(id["wizard.submit"]).toBe("Buat usaha");
    expect(id["settings.profile.saved"]).toBe("Profil usaha tersimpan.");
    expect(id["businessType.kuliner"]).toBe("Kuliner (makanan & minuman)");
    expect(id["businessType.toko"]).toBe("Toko / perdagangan");
    expect(id["timezone.WITA.hint"]).toBe("Bali, NTB, NTT, Sulawesi, Kalimantan Selatan, Timur & Utara");
    expect(id["taxpayer.badan"]).toBe("Badan usaha");
    expect(id["unavailable.kasir"]).toBe(
      "Nanti di sini Anda mencatat penjualan dengan cepat, menerima pembayaran tunai atau QRIS, dan mencetak nota.",
    );
  });

  it("name the sidebar sections in both languages", () => {
    const sections = ["beranda", "kasir", "pesanan", "produk", "pelanggan", "pembukuan", "laporan", "sinkronisasi", "pengaturan"] as const;
    expect(sections.map((s) => id[`nav.${s}`])).toEqual([
      "Beranda", "Kasir", "Pesanan", "Produk", "Pelanggan", "Pembukuan", "Laporan", "Sinkronisasi", "Pengaturan",
    ]);
    expect(sections.map((s) => en[`nav.${s}`])).toEqual([
      "Home", "Cashier", "Orders", "Products", "Customers", "Bookkeeping", "Reports", "Sync", "Settings",
    ]);
  });
});

describe("interpolate", () => {
  it("fills named placeholders", () => {
    expect(interpolate("Halo, {name}!", { name: "Bu Sari" })).toBe("Halo, Bu Sari!");
    expect(interpolate("{section} belum tersedia di versi ini.", { section: "Kasir" })).toBe(
      "Kasir belum tersedia di versi ini.",
    );
  });

  it("fills repeated and several placeholders, numbers too", () => {
    expect(interpolate("{a}-{b}-{a}", { a: "x", b: 2 })).toBe("x-2-x");
    expect(interpolate("{zone} — {hint}", { zone: "WIT", hint: "Maluku & Papua" })).toBe("WIT — Maluku & Papua");
  });

  it("leaves unknown placeholders as written and text without params alone", () => {
    expect(interpolate("Perangkat {code}", {})).toBe("Perangkat {code}");
    expect(interpolate("Perangkat {code}")).toBe("Perangkat {code}");
    expect(interpolate("Tanpa parameter", { code: "X" })).toBe("Tanpa parameter");
  });

  it("does not interpret replacement patterns in values", () => {
    expect(interpolate("Halo, {name}!", { name: "$& $1 $$" })).toBe("Halo, $& $1 $$!");
  });
});
