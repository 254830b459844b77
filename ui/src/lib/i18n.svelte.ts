// Reactive current language and the t() lookup used by every component.
import { commands, type Lang } from "./bindings";
import { dictionaries, interpolate, type MessageKey, type Params } from "./messages";

export type { MessageKey, Params } from "./messages";

export const LANGS: readonly Lang[] = ["id", "en"];
export const STORAGE_KEY = "usahaku.lang";

let current = $state<Lang>("id");

export function isLang(value: unknown): value is Lang {
  return value === "id" || value === "en";
}

/** The current language; reading it inside a component or $derived makes that reactive. */
export function locale(): Lang {
  return current;
}

/** Looks up a UI string in the current language and fills in `{placeholders}`. */
export function t(key: MessageKey, params?: Params): string {
  return interpolate(dictionaries[current][key], params);
}

/** The language stored on this computer by an earlier run, if any. */
export function storedLang(): Lang | null {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLang(value) ? value : null;
  } catch {
    return null; // storage can be disabled; fall back to the default
  }
}

function apply(lang: Lang): void {
  current = lang;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // not fatal: the choice simply will not survive a restart
  }
  if (typeof document !== "undefined") document.documentElement.lang = lang;
}

/** Tells the Rust side, so the error messages it sends come in the same language. */
async function tellRust(lang: Lang): Promise<void> {
  try {
    await commands.setLanguage(lang);
  } catch (e) {
    console.warn("set_language failed", e);
  }
}

/** Switches the UI language, remembers it, and tells Rust. */
export async function setLocale(lang: Lang): Promise<void> {
  apply(lang);
  await tellRust(lang);
}

/**
 * At start: the language stored on this computer wins, else the one Rust reports
 * (or Indonesian). Applies it and tells Rust.
 */
export async function initLocale(fromRust?: Lang | null): Promise<Lang> {
  const lang = storedLang() ?? (isLang(fromRust) ? fromRust : "id");
  await setLocale(lang);
  return lang;
}

/** Applies the stored language before anything is drawn (no Rust call). */
export function applyStoredLocale(): void {
  const lang = storedLang();
  if (lang) apply(lang);
}
