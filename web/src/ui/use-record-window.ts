import { App } from 'antd';
import { useRef, useState } from 'react';

type OpenFor = number | 'new' | { copyOf: number } | null;

/** The list's row (or the control) the focus was on when a window opened, to return to when it closes. */
function focusOrigin(): HTMLElement | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || active === document.body) return null;
  return active.closest<HTMLElement>('tr[tabindex]') ?? active;
}

/**
 * The record window a list opens: none, Add's (an empty window, or one filled with a copy of a record
 * that is not saved until Save) or a record's. After Save the window closes and says so with `savedText`.
 * When it closes, the focus goes back to the row it was opened from (the window is unmounted at once,
 * so the dialog cannot do it itself).
 */
export function useRecordWindow(savedText: string) {
  const { message } = App.useApp();
  const [openFor, setOpenFor] = useState<OpenFor>(null);
  const origin = useRef<HTMLElement | null>(null);
  const openAs = (next: OpenFor) => {
    if (openFor === null) origin.current = focusOrigin();
    setOpenFor(next);
  };
  const close = () => {
    setOpenFor(null);
    const back = origin.current;
    origin.current = null;
    if (back) setTimeout(() => back.isConnected && back.focus(), 0);
  };
  return {
    isOpen: openFor !== null,
    /** The record shown; null in Add's window. */
    recordId: typeof openFor === 'number' ? openFor : null,
    /** Add's window filled with a copy of this record (Clone). */
    copyOf: typeof openFor === 'object' && openFor !== null ? openFor.copyOf : null,
    /** Tells one window from the next, so that opening another record starts afresh. */
    key: JSON.stringify(openFor),
    openNew: () => openAs('new'),
    open: (recordId: number) => openAs(recordId),
    openCopy: (recordId: number) => openAs({ copyOf: recordId }),
    close,
    saved: () => {
      close();
      void message.success(savedText);
    },
  };
}
