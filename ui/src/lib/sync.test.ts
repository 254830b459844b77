import { describe, expect, it } from "vitest";
import type { Lang, SyncView } from "./bindings";
import { dictionaries, interpolate, type Message } from "./messages";
import {
  SKEW_WARN_MS,
  clockSkew,
  codeAsTyped,
  codeExpired,
  expiryTime,
  normalizePairingCode,
  normalizeServerUrl,
  ownerPasswordProblem,
  pendingChanges,
  prepareConnect,
  prepareJoin,
  shortWhen,
  skewMessage,
  syncChip,
} from "./sync";

/** What the UI shows for a Message, without the Svelte i18n module. */
function say(m: Message, lang: Lang = "id"): string {
  return "raw" in m ? m.raw : interpolate(dictionaries[lang][m.key], m.params);
}

// 22 Nov 2026 02:15 UTC = 09:15 WIB = 10:15 WITA = 11:15 WIT.
const SYNCED = Date.UTC(2026, 10, 22, 2, 15);
// 22 Nov 2026 05:00 UTC = 13:00 WITA, the same day.
const NOW = Date.UTC(2026, 10, 22, 5, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;

const connected: SyncView = {
  server_url: "http://192.168.1.10:8780",
  pending: 0,
  last_sync_ms: SYNCED,
  last_error: null,
  skew_ms: 0,
  syncing: false,
};

describe("syncChip", () => {
  it("says nothing definite before the first status", () => {
    const chip = syncChip(null, NOW, "WITA");
    expect(chip.kind).toBe("unknown");
    expect(say(chip.label)).toBe("Sinkronisasi");
  });

  it("shows 'not connected' without a server, whatever else the status says", () => {
    const chip = syncChip(
      { ...connected, server_url: null, pending: 4, last_error: "x", syncing: true, last_sync_ms: null },
      NOW,
      "WITA",
    );
    expect(chip.kind).toBe("none");
    expect(say(chip.label)).toBe("Belum terhubung");
    expect(say(chip.label, "en")).toBe("Not connected");
  });

  it("shows a running round before an old error", () => {
    const chip = syncChip({ ...connected, syncing: true, last_error: "Server tidak terjangkau." }, NOW, "WITA");
    expect(chip.kind).toBe("syncing");
    expect(say(chip.label)).toBe("Menyinkron…");
    expect(say(chip.label, "en")).toBe("Syncing…");
  });

  it("shows a failure with Rust's own message as the title", () => {
    const error = "Server tidak terjangkau. Data tetap aman di komputer ini; sinkronisasi dicoba lagi nanti.";
    const chip = syncChip({ ...connected, pending: 3, last_error: error }, NOW, "WITA");
    expect(chip.kind).toBe("error");
    expect(say(chip.label)).toBe("Gagal sinkron");
    expect(say(chip.label, "en")).toBe("Sync failed");
    expect(chip.title).toEqual({ raw: error });
  });

  it("ignores a blank error", () => {
    expect(syncChip({ ...connected, last_error: "  " }, NOW, "WITA").kind).toBe("synced");
  });

  it("counts changes still waiting", () => {
    const chip = syncChip({ ...connected, pending: 3 }, NOW, "WITA");
    expect(chip.kind).toBe("pending");
    expect(say(chip.label)).toBe("3 menunggu");
    expect(say(chip.label, "en")).toBe("3 waiting");
    expect(say(chip.title)).toBe("Perubahan yang menunggu dikirim ke server: 3.");
    expect(say(syncChip({ ...connected, pending: 1250 }, NOW, "WITA").label)).toBe("1.250 menunggu");
  });

  it("shows the time of the last sync in the business's zone", () => {
    const chip = syncChip(connected, NOW, "WITA");
    expect(chip.kind).toBe("synced");
    expect(say(chip.label)).toBe("Tersinkron 10:15");
    expect(say(chip.label, "en")).toBe("Synced 10:15");
    expect(say(chip.title)).toBe("Semua perubahan sudah terkirim. Terakhir sinkron: 22 Nov 2026 10:15 WITA.");
    expect(say(syncChip(connected, NOW, "WIB").label)).toBe("Tersinkron 09:15");
    expect(say(syncChip(connected, NOW, "WIT").label)).toBe("Tersinkron 11:15");
  });

  it("shows the date instead when the last sync was not today", () => {
    const yesterday = { ...connected, last_sync_ms: Date.UTC(2026, 10, 21, 2, 15) };
    expect(say(syncChip(yesterday, NOW, "WITA").label)).toBe("Tersinkron 21 Nov 2026");
  });

  it("says 'connected' when connected, never synced and nothing waits", () => {
    const chip = syncChip({ ...connected, last_sync_ms: null }, NOW, "WITA");
    expect(chip.kind).toBe("connected");
    expect(say(chip.label)).toBe("Terhubung");
  });
});

describe("shortWhen", () => {
  it("judges 'today' in the business's zone, not UTC", () => {
    // 21 Nov 16:30 UTC is already 22 Nov 00:30 WITA: the same day as NOW in WITA.
    expect(shortWhen(Date.UTC(2026, 10, 21, 16, 30), NOW, "WITA")).toBe("00:30");
    // In WIB it is 21 Nov 23:30: the day before.
    expect(shortWhen(Date.UTC(2026, 10, 21, 16, 30), NOW, "WIB")).toBe("21 Nov 2026");
  });
});

describe("pendingChanges", () => {
  it("has one Indonesian form and English singular/plural", () => {
    expect(say(pendingChanges(0))).toBe("0 perubahan");
    expect(say(pendingChanges(1))).toBe("1 perubahan");
    expect(say(pendingChanges(3))).toBe("3 perubahan");
    expect(say(pendingChanges(0), "en")).toBe("0 changes");
    expect(say(pendingChanges(1), "en")).toBe("1 change");
    expect(say(pendingChanges(1250), "en")).toBe("1.250 changes");
  });
});

describe("clockSkew", () => {
  it("stays quiet up to five minutes either way", () => {
    expect(SKEW_WARN_MS).toBe(300_000);
    expect(clockSkew(null)).toBeNull();
    expect(clockSkew(0)).toBeNull();
    expect(clockSkew(300_000)).toBeNull();
    expect(clockSkew(-300_000)).toBeNull();
    expect(clockSkew(Number.NaN)).toBeNull();
  });

  it("warns beyond five minutes; a positive skew means this PC is behind", () => {
    expect(clockSkew(300_001)).toEqual({ direction: "behind", unit: "minutes", amount: 5 });
    expect(clockSkew(12 * MIN + 20_000)).toEqual({ direction: "behind", unit: "minutes", amount: 12 });
    expect(clockSkew(-750_000)).toEqual({ direction: "ahead", unit: "minutes", amount: 13 });
    expect(clockSkew(89 * MIN)).toEqual({ direction: "behind", unit: "minutes", amount: 89 });
  });

  it("switches to hours from 90 minutes and to days from 48 hours", () => {
    expect(clockSkew(90 * MIN)).toEqual({ direction: "behind", unit: "hours", amount: 2 });
    expect(clockSkew(-(HOUR + 2 * MIN))).toEqual({ direction: "ahead", unit: "minutes", amount: 62 });
    expect(clockSkew(-(3 * HOUR + 10 * MIN))).toEqual({ direction: "ahead", unit: "hours", amount: 3 });
    expect(clockSkew(47 * HOUR)).toEqual({ direction: "behind", unit: "hours", amount: 47 });
    expect(clockSkew(-51 * HOUR)).toEqual({ direction: "ahead", unit: "days", amount: 2 });
  });

  it("makes a plain sentence in both languages", () => {
    const text = (skewMs: number, lang: Lang) => {
      const skew = clockSkew(skewMs);
      if (!skew) throw new Error("expected a skew");
      const { sentence, amount } = skewMessage(skew);
      return interpolate(dictionaries[lang][sentence], { amount: say(amount, lang) });
    };
    expect(text(12 * MIN + 20_000, "id")).toBe("Jam komputer ini terlambat sekitar 12 menit dibanding server.");
    expect(text(12 * MIN + 20_000, "en")).toBe("This computer's clock is about 12 minutes behind the server.");
    expect(text(-(HOUR + 40 * MIN), "id")).toBe("Jam komputer ini lebih cepat sekitar 2 jam dibanding server.");
    expect(text(-(HOUR + 40 * MIN), "en")).toBe("This computer's clock is about 2 hours ahead of the server.");
    expect(text(-70 * HOUR, "en")).toBe("This computer's clock is about 3 days ahead of the server.");
    expect(text(-30 * HOUR, "en")).toBe("This computer's clock is about 30 hours ahead of the server.");
  });
});

describe("pairing codes", () => {
  it("shows letters in capitals as typed, keeping the length", () => {
    expect(codeAsTyped("7k3m-q9tx")).toBe("7K3M-Q9TX");
    expect(codeAsTyped("7k3m q")).toBe("7K3M Q");
    expect(codeAsTyped("ß")).toBe("ß");
  });

  it("accepts a code with or without the dash, in any case, with spaces", () => {
    expect(normalizePairingCode("7K3M-Q9TX")).toBe("7K3M-Q9TX");
    expect(normalizePairingCode("7k3mq9tx")).toBe("7K3M-Q9TX");
    expect(normalizePairingCode(" 7k3m q9tx ")).toBe("7K3M-Q9TX");
    expect(normalizePairingCode("7K-3M-Q9-TX")).toBe("7K3M-Q9TX");
  });

  it("forgives O for 0 and I or L for 1, as the server does", () => {
    expect(normalizePairingCode("o0il-1234")).toBe("0011-1234");
  });

  it("refuses what cannot be a code", () => {
    expect(normalizePairingCode("")).toBeNull();
    expect(normalizePairingCode("ABCD-EFG")).toBeNull();
    expect(normalizePairingCode("ABCD-EFGHJ")).toBeNull();
    expect(normalizePairingCode("ABCD-EFGU")).toBeNull();
    expect(normalizePairingCode("7K3M—Q9TX")).toBeNull();
    expect(normalizePairingCode("7K3M_Q9TX")).toBeNull();
  });

  it("expires on the server's clock", () => {
    expect(codeExpired(1_000, 999, null)).toBe(false);
    expect(codeExpired(1_000, 1_000, null)).toBe(true);
    expect(codeExpired(1_000, 900, 100)).toBe(true);
    expect(codeExpired(1_000, 1_000, -1)).toBe(false);
  });

  it("shows the expiry time in the business's zone, with the date past midnight", () => {
    expect(expiryTime(Date.UTC(2026, 10, 22, 2, 30), Date.UTC(2026, 10, 22, 2, 15), "WITA")).toBe("10:30 WITA");
    // 22 Nov 16:55 UTC = 23:55 WIB; the code runs out at 00:05 WIB on 23 Nov.
    expect(expiryTime(Date.UTC(2026, 10, 22, 17, 5), Date.UTC(2026, 10, 22, 16, 55), "WIB")).toBe(
      "23 Nov 2026 00:05 WIB",
    );
  });
});

describe("normalizeServerUrl", () => {
  const ok = (url: string) => ({ ok: true, url });
  const bad = (problem: "empty" | "invalid") => ({ ok: false, problem });

  it("adds http:// when no scheme is written and drops trailing slashes", () => {
    expect(normalizeServerUrl("192.168.1.10:8780")).toEqual(ok("http://192.168.1.10:8780"));
    expect(normalizeServerUrl("  http://192.168.1.10:8780/ ")).toEqual(ok("http://192.168.1.10:8780"));
    expect(normalizeServerUrl("localhost:8780")).toEqual(ok("http://localhost:8780"));
    expect(normalizeServerUrl("https://sync.usahaku.id/")).toEqual(ok("https://sync.usahaku.id"));
    expect(normalizeServerUrl("HTTP://Hub.Local:8780//")).toEqual(ok("http://hub.local:8780"));
    expect(normalizeServerUrl("https://hub.example.id/usahaku/")).toEqual(ok("https://hub.example.id/usahaku"));
    expect(normalizeServerUrl("http://192.168.1.10:80")).toEqual(ok("http://192.168.1.10"));
  });

  it("says when nothing was typed", () => {
    expect(normalizeServerUrl("")).toEqual(bad("empty"));
    expect(normalizeServerUrl("   ")).toEqual(bad("empty"));
  });

  it("refuses what is not an http(s) server address", () => {
    expect(normalizeServerUrl("ftp://192.168.1.10")).toEqual(bad("invalid"));
    expect(normalizeServerUrl("http:/192.168.1.10:8780")).toEqual(bad("invalid"));
    expect(normalizeServerUrl("https:hub.local")).toEqual(bad("invalid"));
    expect(normalizeServerUrl("192.168.1.10 8780")).toEqual(bad("invalid"));
    expect(normalizeServerUrl("http://user:rahasia@hub.local")).toEqual(bad("invalid"));
    expect(normalizeServerUrl("http://hub.local:99999")).toEqual(bad("invalid"));
    expect(normalizeServerUrl("http://hub.local/?token=1")).toEqual(bad("invalid"));
    expect(normalizeServerUrl("http://")).toEqual(bad("invalid"));
  });
});

describe("owner password", () => {
  it("needs at least 8 characters, counted as the server counts them", () => {
    expect(ownerPasswordProblem("")).toBe("error.required.owner_password");
    expect(ownerPasswordProblem("        ")).toBe("error.required.owner_password");
    expect(ownerPasswordProblem("rahasia")).toBe("error.short.owner_password");
    expect(ownerPasswordProblem("rahasia1")).toBeNull();
    expect(ownerPasswordProblem("pässwörd")).toBeNull();
    // 7 characters, 14 UTF-16 units.
    expect(ownerPasswordProblem("🔑🔑🔑🔑🔑🔑🔑")).toBe("error.short.owner_password");
  });
});

describe("prepareConnect", () => {
  it("reports every problem, as message keys", () => {
    expect(prepareConnect({ server_url: "", owner_password: "" })).toEqual({
      ok: false,
      problems: { server_url: "error.required.server_url", owner_password: "error.required.owner_password" },
    });
    expect(prepareConnect({ server_url: "ftp://x", owner_password: "rahasia" })).toEqual({
      ok: false,
      problems: { server_url: "error.invalid.server_url", owner_password: "error.short.owner_password" },
    });
    expect(prepareConnect({ server_url: "192.168.1.10:8780", owner_password: "abc" })).toEqual({
      ok: false,
      problems: { owner_password: "error.short.owner_password" },
    });
  });

  it("sends a tidy address and the password exactly as typed", () => {
    expect(prepareConnect({ server_url: " 192.168.1.10:8780/ ", owner_password: " rahasia toko " })).toEqual({
      ok: true,
      input: { serverUrl: "http://192.168.1.10:8780", ownerPassword: " rahasia toko " },
    });
  });
});

describe("prepareJoin", () => {
  it("reports every problem, as message keys", () => {
    expect(prepareJoin({ server_url: "", code: "" })).toEqual({
      ok: false,
      problems: { server_url: "error.required.server_url", code: "error.required.code" },
    });
    expect(prepareJoin({ server_url: "192.168.1.10 8780", code: "123" })).toEqual({
      ok: false,
      problems: { server_url: "error.invalid.server_url", code: "error.invalid.code" },
    });
  });

  it("sends a tidy address and the code as XXXX-XXXX", () => {
    expect(prepareJoin({ server_url: "192.168.1.10:8780", code: "7k3mq9tx" })).toEqual({
      ok: true,
      input: { serverUrl: "http://192.168.1.10:8780", code: "7K3M-Q9TX" },
    });
  });
});
