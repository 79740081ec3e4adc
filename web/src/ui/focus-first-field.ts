/** What a person types into first: the first enabled input, text area or select's search box. */
const FIELD_SELECTOR = 'input:not([disabled]):not([type="hidden"]), textarea:not([disabled])';

/**
 * Puts the focus in the first field of a window that has just opened, so a person can type at once
 * (the dialog itself takes the focus otherwise), unless the focus is already in one of its fields.
 */
export function focusFirstField(container: HTMLElement | null) {
  // A person (or the keyboard) already in one of its fields keeps its place.
  if (!container || container.contains(document.activeElement)) return;
  container.querySelector<HTMLElement>(FIELD_SELECTOR)?.focus();
}
