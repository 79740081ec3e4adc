import { useState } from 'react';

/** The hidden columns saved under `storageKey`, known keys only; else (or unreadable) the defaults. */
function savedHiddenColumns<Key extends string>(
  storageKey: string,
  keys: readonly Key[],
  hiddenByDefault: Key[],
): Key[] {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(storageKey) ?? 'null');
    if (Array.isArray(saved)) return keys.filter((key) => saved.includes(key));
  } catch {
    // An unreadable setting falls back to the default.
  }
  return hiddenByDefault;
}

/**
 * The columns a person hid, remembered in this browser under `storageKey` (the key stays the same
 * across releases: people would lose their choice).
 */
export function useHiddenColumns<Key extends string>(
  storageKey: string,
  keys: readonly Key[],
  hiddenByDefault: Key[] = [],
) {
  const [hidden, setHidden] = useState<Key[]>(() => savedHiddenColumns(storageKey, keys, hiddenByDefault));
  const hide = (next: Key[]) => {
    setHidden(next);
    localStorage.setItem(storageKey, JSON.stringify(next));
  };
  return [hidden, hide] as const;
}
