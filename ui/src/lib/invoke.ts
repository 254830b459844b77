// One way to call a backend command from a screen: a refusal (UiError, already translated)
// and a thrown failure both come back as a value, so every screen handles them the same way.
import type { UiError } from "./bindings";

export type Outcome<T> = { ok: true; data: T } | { ok: false; error: UiError };

type Answer<T> = { status: "ok"; data: T } | { status: "error"; error: UiError };

/** The error used when a command threw instead of answering (a bug or a lost IPC channel). */
export const UNEXPECTED: UiError = { code: "unexpected", message: "", field: null };

/** Runs a command; `what` names it in the console when it throws. */
export async function call<T>(what: string, run: () => Promise<Answer<T>>): Promise<Outcome<T>> {
  try {
    const answer = await run();
    return answer.status === "ok" ? { ok: true, data: answer.data } : { ok: false, error: answer.error };
  } catch (e) {
    console.error(`${what} failed`, e);
    return { ok: false, error: UNEXPECTED };
  }
}
