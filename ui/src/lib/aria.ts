// How a form control points at the lines Field.svelte shows under it: `{id}-error`, then `{id}-help`.

/** `aria-invalid`: present (true) only while the control has an error; absent otherwise. */
export function ariaInvalid(error: unknown): true | undefined {
  return error ? true : undefined;
}

/** `aria-describedby`: the error line (when shown), then the help line (when shown); absent when neither. */
export function ariaDescribedBy(id: string, hasError: boolean, hasHelp = false): string | undefined {
  return [hasError ? `${id}-error` : "", hasHelp ? `${id}-help` : ""].filter(Boolean).join(" ") || undefined;
}
