import { useLayoutEffect, useRef } from 'react';

/** The header's controls: sortable column titles (antd makes them focusable) and filter buttons. */
const CONTROLS = 'thead th[tabindex], thead [role="button"][tabindex]';
/**
 * antd copies the header's titles into a hidden measuring row of the body to size the columns, filter
 * buttons included: those copies are never a tab stop.
 */
const COPIES = '.ant-table-measure-row [tabindex]';

const MOVES: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (index, count) => Math.min(index + 1, count - 1),
  ArrowLeft: (index) => Math.max(index - 1, 0),
  Home: () => 0,
  End: (_index, count) => count - 1,
};

/**
 * A table's header as one tab stop (a roving tabindex, as accessible grids do): Tab enters the header
 * at the control last used, the arrow keys, Home and End move between its sort and filter controls,
 * and the next Tab leaves for the rows. Without it a list's header with a dozen sortable, filterable
 * columns was two dozen Tab presses between the search box and the first row.
 *
 * antd renders the controls itself, so their tabindex is set on the DOM after each render and after
 * any change of the header's cells (columns shown, hidden or moved). The keys are heard on the DOM's
 * header, not React's: a filter's pop-up is a portal, and its text box's arrows are its own.
 */
export function useRovingHeader<Element extends HTMLElement>() {
  const ref = useRef<Element>(null);
  const current = useRef(0);

  useLayoutEffect(() => {
    const root = ref.current;
    const head = root?.querySelector('thead');
    if (!root || !head) return;
    const table = head.closest('table') ?? root;
    const controls = () => Array.from(root.querySelectorAll<HTMLElement>(CONTROLS));
    const rove = () => {
      const all = controls();
      current.current = Math.min(current.current, Math.max(all.length - 1, 0));
      const copies = Array.from(table.querySelectorAll<HTMLElement>(COPIES));
      const tabIndexOf = (control: HTMLElement) => (all.indexOf(control) === current.current ? '0' : '-1');
      for (const control of [...all, ...copies]) {
        const tabIndex = tabIndexOf(control);
        if (control.getAttribute('tabindex') !== tabIndex) control.setAttribute('tabindex', tabIndex);
      }
    };
    const onFocusIn = (event: FocusEvent) => {
      const index = controls().indexOf(event.target as HTMLElement);
      if (index < 0 || index === current.current) return;
      current.current = index;
      rove();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const move = MOVES[event.key];
      const all = controls();
      const index = all.indexOf(event.target as HTMLElement);
      if (!move || index < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      current.current = move(index, all.length);
      rove();
      all[current.current]?.focus();
    };
    rove();
    // Only the cells' own changes (childList) are watched: the tabindex written here is an attribute.
    const observer = new MutationObserver(rove);
    observer.observe(table, { childList: true, subtree: true });
    head.addEventListener('focusin', onFocusIn);
    head.addEventListener('keydown', onKeyDown);
    return () => {
      observer.disconnect();
      head.removeEventListener('focusin', onFocusIn);
      head.removeEventListener('keydown', onKeyDown);
    };
  });

  return ref;
}
