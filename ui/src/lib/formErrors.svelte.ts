// Error state of one form. Client-side hints are kept as message keys and translated when shown,
// so they follow a language switch; messages from Rust are shown as Rust sent them.
import type { UiError } from "./bindings";
import { tick } from "svelte";
import { firstErrorField, noErrors, placeUiError, type FieldKey, type FormErrors } from "./forms";
import { t, type MessageKey } from "./i18n.svelte";
import { requiredHints } from "./labels";

/** `K` names the form's fields: the profile's by default, or a sync form's. */
export class FormErrorState<K extends string = FieldKey> {
  private hints: Partial<Record<K, MessageKey>> = $state({});
  private fromRust: FormErrors<K> = $state(noErrors<K>());
  private unexpected = $state(false);

  /** What the form shows now. */
  readonly current: FormErrors<K> = $derived({
    top: this.unexpected ? t("error.unexpected") : this.fromRust.top,
    fields: { ...this.fromRust.fields, ...this.translatedHints() },
  });

  constructor(private readonly formFields: readonly K[]) {}

  private translatedHints(): Partial<Record<K, string>> {
    const out: Partial<Record<K, string>> = {};
    for (const f of Object.keys(this.hints) as K[]) {
      const key = this.hints[f];
      if (key) out[f] = t(key);
    }
    return out;
  }

  clear(): void {
    this.hints = {};
    this.fromRust = noErrors<K>();
    this.unexpected = false;
  }

  /** Problems found before anything is sent to Rust, one message key per field. */
  setHints(hints: Partial<Record<K, MessageKey>>): void {
    this.clear();
    this.hints = { ...hints };
  }

  /** Required fields left empty (checked before anything is sent to Rust). */
  setMissing(this: FormErrorState<FieldKey>, missing: readonly FieldKey[]): void {
    this.setHints(requiredHints(missing));
  }

  /** A refusal from Rust: beside its field, or at the top of the form. */
  setUiError(error: UiError): void {
    this.clear();
    this.fromRust = placeUiError(error, this.formFields, t("error.unexpected"));
  }

  /** Something failed that Rust did not explain (a thrown exception). */
  setUnexpected(): void {
    this.clear();
    this.unexpected = true;
  }

  /**
   * After the messages are on screen: focus the first field that has one (by `inputIds`),
   * or bring the top alert into view when only the form as a whole has one.
   */
  async focusFirst(inputIds: Partial<Record<K, string>>, topAlert: HTMLElement | undefined): Promise<void> {
    await tick();
    const field = firstErrorField(this.current, this.formFields);
    const id = field && inputIds[field];
    if (id) document.getElementById(id)?.focus();
    else topAlert?.scrollIntoView({ block: "nearest" });
  }

  /** An input event: the edited field (by its `name`) has its message cleared. */
  clearEdited(event: Event): void {
    this.clearField((event.target as HTMLInputElement | null)?.name);
  }

  /** The person edited this field: its message has done its job. */
  clearField(name: string | undefined): void {
    if (!name || !this.formFields.includes(name as K)) return;
    const field = name as K;
    if (field in this.hints) {
      const { [field]: _hint, ...rest } = this.hints;
      this.hints = rest as Partial<Record<K, MessageKey>>;
    }
    if (field in this.fromRust.fields) {
      const { [field]: _gone, ...rest } = this.fromRust.fields;
      this.fromRust = { top: this.fromRust.top, fields: rest as Partial<Record<K, string>> };
    }
  }
}
