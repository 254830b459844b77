// Error state of one form. Client-side hints are kept as field names and translated when shown,
// so they follow a language switch; messages from Rust are shown as Rust sent them.
import type { UiError } from "./bindings";
import { noErrors, placeUiError, type FieldKey, type FormErrors } from "./forms";
import { t } from "./i18n.svelte";
import { requiredErrors } from "./labels";

export class FormErrorState {
  private missing: FieldKey[] = $state([]);
  private fromRust: FormErrors = $state(noErrors());
  private unexpected = $state(false);

  /** What the form shows now. */
  readonly current: FormErrors = $derived({
    top: this.unexpected ? t("error.unexpected") : this.fromRust.top,
    fields: { ...this.fromRust.fields, ...requiredErrors(this.missing).fields },
  });

  constructor(private readonly formFields: readonly FieldKey[]) {}

  clear(): void {
    this.missing = [];
    this.fromRust = noErrors();
    this.unexpected = false;
  }

  /** Required fields left empty (checked before anything is sent to Rust). */
  setMissing(missing: readonly FieldKey[]): void {
    this.clear();
    this.missing = [...missing];
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

  /** The person edited this field: its message has done its job. */
  clearField(name: string | undefined): void {
    if (!name) return;
    this.missing = this.missing.filter((f) => f !== name);
    if (name in this.fromRust.fields) {
      const { [name as FieldKey]: _gone, ...rest } = this.fromRust.fields;
      this.fromRust = { top: this.fromRust.top, fields: rest };
    }
  }
}
