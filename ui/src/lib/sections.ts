// The sections of the main shell, in sidebar order.
import type { MessageKey } from "./messages";

export const SECTIONS = [
  "beranda",
  "kasir",
  "pesanan",
  "produk",
  "pelanggan",
  "pembukuan",
  "laporan",
  "sinkronisasi",
  "pengaturan",
] as const;

export type Section = (typeof SECTIONS)[number];

/** Sections that only show a "not available yet" card in this version. */
export type UnbuiltSection = Exclude<Section, "beranda" | "sinkronisasi" | "pengaturan">;

export const UNBUILT_DESCRIPTION: Record<UnbuiltSection, MessageKey> = {
  kasir: "unavailable.kasir",
  pesanan: "unavailable.pesanan",
  produk: "unavailable.produk",
  pelanggan: "unavailable.pelanggan",
  pembukuan: "unavailable.pembukuan",
  laporan: "unavailable.laporan",
};

export function isUnbuilt(s: Section): s is UnbuiltSection {
  return s !== "beranda" && s !== "sinkronisasi" && s !== "pengaturan";
}
