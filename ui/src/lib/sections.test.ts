import { describe, expect, it } from "vitest";
import { SECTIONS, UNBUILT_DESCRIPTION, isUnbuilt } from "./sections";

describe("sections", () => {
  it("keeps the sidebar order", () => {
    expect(SECTIONS).toEqual([
      "beranda", "kasir", "pesanan", "produk", "pelanggan", "pembukuan", "laporan", "sinkronisasi", "pengaturan",
    ]);
  });

  it("builds Kasir, Produk, Pembukuan and Laporan; the others still show the unavailable card", () => {
    expect(SECTIONS.filter(isUnbuilt)).toEqual(["pesanan", "pelanggan"]);
    expect(isUnbuilt("kasir")).toBe(false);
    expect(isUnbuilt("produk")).toBe(false);
    expect(isUnbuilt("pembukuan")).toBe(false);
    expect(isUnbuilt("laporan")).toBe(false);
    expect(Object.keys(UNBUILT_DESCRIPTION).sort()).toEqual(["pelanggan", "pesanan"]);
  });
});
