import { describe, expect, it } from "vitest";
import { BUILT_SECTIONS, SECTIONS, UNBUILT_DESCRIPTION, isUnbuilt } from "./sections";

describe("sections", () => {
  it("keeps the sidebar order", () => {
    expect(SECTIONS).toEqual([
      "beranda", "kasir", "pesanan", "produk", "pelanggan", "pembukuan", "laporan", "sinkronisasi", "pengaturan",
    ]);
  });

  it("builds every section, Pelanggan too: none shows the unavailable card", () => {
    expect(SECTIONS.filter(isUnbuilt)).toEqual([]);
    for (const s of SECTIONS) expect(isUnbuilt(s), s).toBe(false);
    expect([...BUILT_SECTIONS].sort()).toEqual([...SECTIONS].sort());
    expect(Object.keys(UNBUILT_DESCRIPTION)).toEqual([]);
  });
});
