// Small outline icons (24×24, stroke), drawn by Icon.svelte. Kept as data, not markup.
export type IconShape = { paths: readonly string[]; circles?: readonly (readonly [number, number, number])[] };

export const ICONS = {
  beranda: { paths: ["M3 10.5 12 3l9 7.5", "M5 9v11.5h14V9", "M10 20.5V15h4v5.5"] },
  kasir: {
    paths: ["M6 2.5h12v19l-3-2-3 2-3-2-3 2z", "M9 7.5h6", "M9 11.5h6", "M9 15.5h3"],
  },
  pesanan: {
    paths: ["M9 3.5h6v3H9z", "M15 5h3.5v16h-13V5H9", "M9 11h6", "M9 15h4"],
  },
  produk: {
    paths: ["M3.5 7.5 12 3l8.5 4.5v9L12 21l-8.5-4.5z", "M3.5 7.5 12 12l8.5-4.5", "M12 12v9"],
  },
  pelanggan: {
    paths: ["M2.5 20c0-3.6 2.9-6 6.5-6s6.5 2.4 6.5 6", "M15.5 4.3a3.5 3.5 0 0 1 0 6.9", "M18 14.3c2.1.7 3.5 2.8 3.5 5.7"],
    circles: [[9, 7.5, 3.5]],
  },
  pembukuan: {
    paths: ["M4 19.5v-15A2.5 2.5 0 0 1 6.5 2H20v20H6.5a2.5 2.5 0 0 1 0-5H20", "M8.5 7h7", "M8.5 10.5h5"],
  },
  laporan: { paths: ["M3.5 20.5h17", "M7 17v-6", "M12 17V6.5", "M17 17v-8.5"] },
  sinkronisasi: {
    paths: [
      "M20 11a8 8 0 0 0-14.3-4.9L4 8",
      "M4 3.5V8h4.5",
      "M4 13a8 8 0 0 0 14.3 4.9L20 16",
      "M20 20.5V16h-4.5",
    ],
  },
  pengaturan: {
    paths: ["M4 6h8.5", "M17.5 6H20", "M4 12h2.5", "M11.5 12H20", "M4 18h10.5", "M19.5 18h.5"],
    circles: [
      [15, 6, 2.5],
      [9, 12, 2.5],
      [17, 18, 2.5],
    ],
  },
  alert: { paths: ["M12 7.5v5.5", "M12 16.5h.01"], circles: [[12, 12, 9.5]] },
  check: { paths: ["m7.5 12.5 3 3 6-6.5"], circles: [[12, 12, 9.5]] },
  device: { paths: ["M4.5 5.5h15v10h-15z", "M2.5 19h19"] },
  offline: { paths: ["M12 3.5v11", "m7.5 10 4.5 4.5 4.5-4.5", "M5 20.5h14"] },
  arrowRight: { paths: ["M5 12h14", "m13 6 6 6-6 6"] },
  arrowLeft: { paths: ["M19 12H5", "m11 6-6 6 6 6"] },
  clock: { paths: ["M12 7v5l3.5 2"], circles: [[12, 12, 9.5]] },
  lock: { paths: ["M5.5 11h13v10h-13z", "M8.5 11V7.5a3.5 3.5 0 0 1 7 0V11", "M12 15v2.5"] },
  link: {
    paths: ["M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1", "M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"],
  },
  folder: { paths: ["M3 6.5A1.5 1.5 0 0 1 4.5 5H9l2 2.5h8.5A1.5 1.5 0 0 1 21 9v9.5a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 18.5z"] },
  language: {
    paths: ["M3.5 12h17", "M12 2.5c2.6 2.6 3.8 6 3.8 9.5s-1.2 6.9-3.8 9.5c-2.6-2.6-3.8-6-3.8-9.5S9.4 5.1 12 2.5"],
    circles: [[12, 12, 9.5]],
  },
  store: {
    paths: ["M4 9.5V20h16V9.5", "M3 9.5 4.5 4h15L21 9.5a3 3 0 0 1-6 0 3 3 0 0 1-6 0 3 3 0 0 1-6 0", "M10 20v-5h4v5"],
  },
  plus: { paths: ["M12 5v14", "M5 12h14"] },
  minus: { paths: ["M5 12h14"] },
  close: { paths: ["M6 6l12 12", "M18 6 6 18"] },
  transfer: { paths: ["M4 8h14", "m14 4 4 4-4 4", "M20 16H6", "m10 12-4 4 4 4"] },
  message: { paths: ["M4 5.5h16v11H9l-5 4z"] },
  copy: { paths: ["M9 9h11v11H9z", "M5 15H4V4h11v1"] },
  undo: { paths: ["M9 14 4 9l5-5", "M4 9h10.5a5.5 5.5 0 0 1 0 11H11"] },
  unlock: { paths: ["M5.5 11h13v10h-13z", "M8.5 11V7.5a3.5 3.5 0 0 1 6.8-1.2", "M12 15v2.5"] },
  edit: { paths: ["M4 20h4L19 9l-4-4L4 16z", "M13.5 6.5l4 4"] },
  archive: { paths: ["M3.5 4.5h17v4h-17z", "M5 8.5v11h14v-11", "M10 12.5h4"] },
  trash: { paths: ["M4 7h16", "M9.5 7V4.5h5V7", "M6.5 7l1 13h9l1-13", "M10.5 11v5.5", "M13.5 11v5.5"] },
  image: { paths: ["M3.5 5h17v14h-17z", "m3.5 16 5-5 4.5 4.5 3-3 4.5 4.5"], circles: [[15.5, 9, 1.5]] },
  star: { paths: ["M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.9l-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z"] },
  calendar: { paths: ["M4 5.5h16V20H4z", "M4 10h16", "M8.5 3.5v4", "M15.5 3.5v4"] },
} satisfies Record<string, IconShape>;

export type IconName = keyof typeof ICONS;
