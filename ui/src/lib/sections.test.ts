import { describe, expect, it } from "vitest";
import { SECTIONS, UNBUILT_DESCRIPTION, isUnbuilt } from "./sections";

describe("sections", () => {
  it("keeps the sidebar order", () => {
    expect(SECTIONS).toEqual([
      "beranda", "kasir", "pesanan", "produk", "pelanggan", "pembukuan", "laporan", "sinkronisasi", "pengaturan",
    ]);
  });

  it("builds Kasir, Pesanan, Produk, Pembukuan and Laporan; Pelanggan still shows the unavailable card", () => {
    expect(SECTIONS.filter(isUnbuilt)).toEqual(["pelanggan"]);
    expect(isUnbuilt("pesanan")).toBe(false);
    expect(isUnbuilt("kasir")).toBe(false);
    expect(isUnbuilt("produk")).toBe(false);
    expect(isUnbuilt("pembukuan")).toBe(false);
    expect(isUnbuilt("laporan")).toBe(false);
    expect(Object.keys(UNBUILT_DESCRIPTION).sort()).toEqual(["pelanggan"]);
  });
});
