// Pure sync rules for the UI: what the sync chip says, the clock warning, pairing codes,
// server addresses and the two sync forms. No Svelte, no Tauri: unit-tested in sync.test.ts.

import type { SyncView, Timezone } from "./bindings";
import { formatCount, formatDate, formatDateTime, formatTime, sameDay } from "./format";
import type { Message, MessageKey } from "./messages";

// ---------- Status chip ----------

/**
 * `unknown`: no status yet; `none`: not connected to a server; `syncing`: a round is running;
 * `error`: the last round failed; `pending`: changes wait to be sent; `synced`: all sent;
 * `connected`: connected but never synced and nothing waiting.
 */
export type SyncChipKind = "unknown" | "none" | "syncing" | "error" | "pending" | "synced" | "connected";

export type SyncChip = { kind: SyncChipKind; label: Message; title: Message };

/** "10:15" when `ms` was today in the business's zone, else "21 Nov 2026". */
export function shortWhen(ms: number, nowMs: number, zone: Timezone): string {
  return sameDay(ms, nowMs, zone) ? formatTime(ms, zone) : formatDate(ms, "short", zone);
}

/** What the top-bar chip says. `view` is null until the first status has arrived. */
export function syncChip(view: SyncView | null, nowMs: number, zone: Timezone): SyncChip {
  if (!view) {
    return { kind: "unknown", label: { key: "sync.chip.unknown" }, title: { key: "sync.chip.title.unknown" } };
  }
  if (view.server_url === null) {
    return { kind: "none", label: { key: "sync.chip.none" }, title: { key: "sync.chip.title.none" } };
  }
  if (view.syncing) {
    return { kind: "syncing", label: { key: "sync.chip.syncing" }, title: { key: "sync.chip.title.syncing" } };
  }
  const error = lastError(view);
  if (error !== null) {
    return { kind: "error", label: { key: "sync.chip.error" }, title: { raw: error } };
  }
  if (view.pending > 0) {
    const count = formatCount(view.pending);
    return {
      kind: "pending",
      label: { key: "sync.chip.pending", params: { count } },
      title: { key: "sync.chip.title.pending", params: { count } },
    };
  }
  if (view.last_sync_ms !== null) {
    return {
      kind: "synced",
      label: { key: "sync.chip.synced", params: { time: shortWhen(view.last_sync_ms, nowMs, zone) } },
      title: { key: "sync.chip.title.synced", params: { when: formatDateTime(view.last_sync_ms, zone) } },
    };
  }
  return { kind: "connected", label: { key: "sync.chip.connected" }, title: { key: "sync.chip.title.connected" } };
}

/** The last sync error worth showing (a blank one is none). */
export function lastError(view: SyncView): string | null {
  const e = view.last_error?.trim();
  return e ? e : null;
}

/** "3 perubahan" / "1 change", "1.250 changes". */
export function pendingChanges(n: number): Message {
  return { key: n === 1 ? "sync.pending.one" : "sync.pending.other", params: { count: formatCount(n) } };
}

// ---------- Clock skew ----------

/** Beyond this, the PC's clock is called wrong. */
export const SKEW_WARN_MS = 5 * 60_000;

export type SkewUnit = "minutes" | "hours" | "days";

/** `behind`: this PC's clock is slow (the server's is later); `ahead`: it is fast. */
export type ClockSkew = { direction: "behind" | "ahead"; unit: SkewUnit; amount: number };

/** How far this PC's clock is off, when it is off by more than five minutes; else null. */
export function clockSkew(skewMs: number | null): ClockSkew | null {
  if (skewMs === null || !Number.isFinite(skewMs) || Math.abs(skewMs) <= SKEW_WARN_MS) return null;
  const direction = skewMs > 0 ? "behind" : "ahead";
  const abs = Math.abs(skewMs);
  if (abs < 90 * 60_000) return { direction, unit: "minutes", amount: Math.round(abs / 60_000) };
  if (abs < 48 * 3_600_000) return { direction, unit: "hours", amount: Math.round(abs / 3_600_000) };
  return { direction, unit: "days", amount: Math.round(abs / 86_400_000) };
}

const DURATION_KEYS: Record<SkewUnit, { one: MessageKey; other: MessageKey }> = {
  minutes: { one: "duration.minutes.one", other: "duration.minutes.other" },
  hours: { one: "duration.hours.one", other: "duration.hours.other" },
  days: { one: "duration.days.one", other: "duration.days.other" },
};

/** The warning sentence and, separately, its `{amount}` ("12 menit"). */
export function skewMessage(skew: ClockSkew): { sentence: MessageKey; amount: Message } {
  const keys = DURATION_KEYS[skew.unit];
  return {
    sentence: skew.direction === "behind" ? "sync.skew.behind" : "sync.skew.ahead",
    amount: { key: skew.amount === 1 ? keys.one : keys.other, params: { n: formatCount(skew.amount) } },
  };
}

// ---------- Pairing codes ----------

/** Crockford base32, as the server makes codes: no I, L, O, U. */
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A code as it is being typed: a–z shown as A–Z, nothing else touched (same length, so the caret stays put). */
export function codeAsTyped(typed: string): string {
  return typed.replace(/[a-z]/g, (c) => c.toUpperCase());
}

/**
 * The canonical `XXXX-XXXX` form of a typed code, read the way the server reads it: case,
 * spaces and dashes do not matter, and O/I/L typed for 0/1 are forgiven. Null if it cannot be a code.
 */
export function normalizePairingCode(typed: string): string | null {
  let out = "";
  for (const ch of typed.toUpperCase()) {
    if (ch === " " || ch === "-") continue;
    const c = ch === "O" ? "0" : ch === "I" || ch === "L" ? "1" : ch;
    if (!CROCKFORD.includes(c)) return null;
    out += c;
  }
  return out.length === 8 ? `${out.slice(0, 4)}-${out.slice(4)}` : null;
}

/** When a code stops working, in the business's zone: `10:30 WITA`, or with the date if not today. */
export function expiryTime(expiresMs: number, nowMs: number, zone: Timezone): string {
  return sameDay(expiresMs, nowMs, zone) ? `${formatTime(expiresMs, zone)} ${zone}` : formatDateTime(expiresMs, zone);
}

/** Whether a pairing code has run out, judged on the server's clock (`skewMs` = server − PC). */
export function codeExpired(expiresMs: number, nowMs: number, skewMs: number | null): boolean {
  return nowMs + (skewMs ?? 0) >= expiresMs;
}

// ---------- Server address ----------

export type UrlCheck = { ok: true; url: string } | { ok: false; problem: "empty" | "invalid" };

/**
 * Tidies a typed server address: trims it, adds `http://` when no scheme is written, and drops
 * trailing slashes. Only http and https with a host are accepted.
 * `192.168.1.10:8780/` -> `http://192.168.1.10:8780`.
 */
export function normalizeServerUrl(typed: string): UrlCheck {
  const text = typed.trim();
  if (text === "") return { ok: false, problem: "empty" };
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  // "http:/x" or "https:x": a scheme half typed; do not guess.
  if (!hasScheme && /^https?:/i.test(text)) return { ok: false, problem: "invalid" };
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `http://${text}`);
  } catch {
    return { ok: false, problem: "invalid" };
  }
  if (
    (url.protocol !== "http:" && url.protocol !== "https:") ||
    url.hostname === "" ||
    url.username !== "" ||
    url.password !== "" ||
    url.search !== "" ||
    url.hash !== "" ||
    /\s/.test(text)
  ) {
    return { ok: false, problem: "invalid" };
  }
  const path = url.pathname.replace(/\/+$/, "");
  return { ok: true, url: `${url.protocol}//${url.host}${path}` };
}

// ---------- The two sync forms ----------

/** An input of a sync form; Rust's UiError.field is one of these (or null). */
export type SyncField = "server_url" | "owner_password" | "code";

/** In the order the connect form shows them. */
export const CONNECT_FIELDS: readonly SyncField[] = ["server_url", "owner_password"];
/** In the order the join form shows them. */
export const JOIN_FIELDS: readonly SyncField[] = ["server_url", "code"];

export const MIN_OWNER_PASSWORD = 8;

/** What is wrong with an owner password, or null. Counted in characters, as the server does. */
export function ownerPasswordProblem(password: string): MessageKey | null {
  if (password.trim() === "") return "error.required.owner_password";
  if ([...password].length < MIN_OWNER_PASSWORD) return "error.short.owner_password";
  return null;
}

function serverUrlProblem(check: UrlCheck): MessageKey | null {
  if (check.ok) return null;
  return check.problem === "empty" ? "error.required.server_url" : "error.invalid.server_url";
}

/** Client-side problems are message keys, so they follow a language switch. */
export type Checked<T> = { ok: true; input: T } | { ok: false; problems: Partial<Record<SyncField, MessageKey>> };

export type ConnectFields = { server_url: string; owner_password: string };
export type JoinFields = { server_url: string; code: string };

/** What sync_register gets: a tidy address and the password exactly as typed. */
export function prepareConnect(f: ConnectFields): Checked<{ serverUrl: string; ownerPassword: string }> {
  const url = normalizeServerUrl(f.server_url);
  const problems: Partial<Record<SyncField, MessageKey>> = {};
  const urlProblem = serverUrlProblem(url);
  if (urlProblem) problems.server_url = urlProblem;
  const passwordProblem = ownerPasswordProblem(f.owner_password);
  if (passwordProblem) problems.owner_password = passwordProblem;
  if (!url.ok || passwordProblem) return { ok: false, problems };
  return { ok: true, input: { serverUrl: url.url, ownerPassword: f.owner_password } };
}

/** What join_business gets: a tidy address and the code in `XXXX-XXXX` form. */
export function prepareJoin(f: JoinFields): Checked<{ serverUrl: string; code: string }> {
  const url = normalizeServerUrl(f.server_url);
  const code = normalizePairingCode(f.code);
  const problems: Partial<Record<SyncField, MessageKey>> = {};
  const urlProblem = serverUrlProblem(url);
  if (urlProblem) problems.server_url = urlProblem;
  if (code === null) problems.code = f.code.trim() === "" ? "error.required.code" : "error.invalid.code";
  if (!url.ok || code === null) return { ok: false, problems };
  return { ok: true, input: { serverUrl: url.url, code } };
}
