import { useState } from 'react';

/** The choice saved under `storageKey` when it is one of `choices`; else (or unreadable) the default. */
function savedChoice<Choice extends string>(
  storageKey: string,
  choices: readonly Choice[],
  byDefault: Choice,
): Choice {
  try {
    const saved = localStorage.getItem(storageKey);
    return choices.find((choice) => choice === saved) ?? byDefault;
  } catch {
    // Storage that cannot be read (a private window's policy) leaves the default.
    return byDefault;
  }
}

/**
 * One of a few choices a person makes about a screen (the Partners section's Table or Tree), remembered
 * in this browser under `storageKey` as the column choices are (use-hidden-columns.ts); the key stays
 * the same across releases, or people would lose their choice.
 */
export function useRememberedChoice<Choice extends string>(
  storageKey: string,
  choices: readonly Choice[],
  byDefault: Choice,
) {
  const [choice, setChoice] = useState<Choice>(() => savedChoice(storageKey, choices, byDefault));
  const choose = (next: Choice) => {
    setChoice(next);
    localStorage.setItem(storageKey, next);
  };
  return [choice, choose] as const;
}
