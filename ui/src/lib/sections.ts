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

/** Sections with a screen of their own in this version. */
export const BUILT_SECTIONS = [
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

type BuiltSection = (typeof BUILT_SECTIONS)[number];

/**
 * Sections that only show a "not available yet" card in this version (none now: every
 * section is built). Kept so a section added to the sidebar ahead of its screen has a home.
 */
export type UnbuiltSection = Exclude<Section, BuiltSection>;

export const UNBUILT_DESCRIPTION: Record<UnbuiltSection, MessageKey> = {};

export function isUnbuilt(s: Section): s is UnbuiltSection {
  return !(BUILT_SECTIONS as readonly Section[]).includes(s);
}
