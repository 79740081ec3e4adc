import { SearchOutlined } from '@ant-design/icons';

/*
 * Ant Design wraps the filter icon in a span of role "button" that is out of the Tab order; the icon
 * here is the real button, so the wrapper gives up its role (one button, not a button in a button).
 */
function unnestButton(element: HTMLSpanElement | null) {
  const wrapper = element?.parentElement;
  if (wrapper?.classList.contains('ant-table-filter-trigger')) wrapper.removeAttribute('role');
}

interface FilterTriggerProps {
  id: string;
  label: string;
  active: boolean;
  className?: string;
}

/** A column's filter button: in the Tab order, Enter or Space opens its panel. */
export function FilterTrigger({ id, label, active, className }: FilterTriggerProps) {
  return (
    <span
      id={id}
      role="button"
      tabIndex={0}
      aria-label={label}
      aria-haspopup="dialog"
      className={className}
      ref={unnestButton}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          event.stopPropagation();
          event.currentTarget.click();
        }
      }}
    >
      <SearchOutlined style={{ color: active ? '#1677ff' : undefined }} />
    </span>
  );
}
