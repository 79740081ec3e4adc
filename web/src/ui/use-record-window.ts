import { App } from 'antd';
import { useState } from 'react';

type OpenFor = number | 'new' | { copyOf: number } | null;

/**
 * The record window a list opens: none, Add's (an empty window, or one filled with a copy of a record
 * that is not saved until Save) or a record's. After Save the window closes and says so with `savedText`.
 */
export function useRecordWindow(savedText: string) {
  const { message } = App.useApp();
  const [openFor, setOpenFor] = useState<OpenFor>(null);
  return {
    isOpen: openFor !== null,
    /** The record shown; null in Add's window. */
    recordId: typeof openFor === 'number' ? openFor : null,
    /** Add's window filled with a copy of this record (Clone). */
    copyOf: typeof openFor === 'object' && openFor !== null ? openFor.copyOf : null,
    /** Tells one window from the next, so that opening another record starts afresh. */
    key: JSON.stringify(openFor),
    openNew: () => setOpenFor('new'),
    open: (recordId: number) => setOpenFor(recordId),
    openCopy: (recordId: number) => setOpenFor({ copyOf: recordId }),
    close: () => setOpenFor(null),
    saved: () => {
      setOpenFor(null);
      void message.success(savedText);
    },
  };
}
