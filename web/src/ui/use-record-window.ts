import { App } from 'antd';
import { useState } from 'react';

/**
 * The record window a list opens: none, Add's (an empty window) or a record's. After Save the window
 * closes and says so with `savedText`.
 */
export function useRecordWindow(savedText: string) {
  const { message } = App.useApp();
  const [openFor, setOpenFor] = useState<number | 'new' | null>(null);
  return {
    isOpen: openFor !== null,
    /** The record shown; null in Add's window. */
    recordId: openFor === 'new' ? null : openFor,
    /** Tells one window from the next, so that opening another record starts afresh. */
    key: String(openFor),
    openNew: () => setOpenFor('new'),
    open: (recordId: number) => setOpenFor(recordId),
    close: () => setOpenFor(null),
    saved: () => {
      setOpenFor(null);
      void message.success(savedText);
    },
  };
}
