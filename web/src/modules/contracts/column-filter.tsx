import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space } from 'antd';
import type { FilterDropdownProps } from 'antd/es/table/interface';
import type { KeyboardEvent } from 'react';

export const filterTriggerId = (scope: string, param: string) => `${scope}-filter-${param}`;
export const filterInputId = (scope: string, param: string) => `${scope}-filter-${param}-input`;

/*
 * Ant Design wraps the filter icon in a span of role "button" that is out of the Tab order; the icon
 * here is the real button, so the wrapper gives up its role (one button, not a button in a button).
 */
function unnestButton(element: HTMLSpanElement | null) {
  const wrapper = element?.parentElement;
  if (wrapper?.classList.contains('ant-table-filter-trigger')) wrapper.removeAttribute('role');
}

/** The column's filter button: in the Tab order, Enter or Space opens its panel. */
export function FilterTrigger(props: { id: string; label: string; active: boolean }) {
  return (
    <span
      id={props.id}
      role="button"
      tabIndex={0}
      aria-label={props.label}
      aria-haspopup="dialog"
      ref={unnestButton}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          event.stopPropagation();
          event.currentTarget.click();
        }
      }}
    >
      <SearchOutlined style={{ color: props.active ? '#1677ff' : undefined }} />
    </span>
  );
}

interface FilterPanelProps extends FilterDropdownProps {
  triggerId: string;
  inputId: string;
  label: string;
  applyLabel: string;
  clearLabel: string;
  /** Digits only (ID), upper-case letters (currency code) or free text. */
  kind: 'digits' | 'code' | 'text';
  /** A list to choose from instead of a text box. */
  options?: { value: string; label: string }[];
}

/** A column's filter: a text box (or a list), Apply and clear; Escape closes it. */
export function FilterPanel(props: FilterPanelProps) {
  const { triggerId, inputId, label, applyLabel, clearLabel, kind, options } = props;
  const { selectedKeys, setSelectedKeys, confirm, clearFilters, close } = props;
  // A closing popup would leave the focus nowhere; it goes back to the column's filter button.
  const backToTrigger = () => document.getElementById(triggerId)?.focus();
  const apply = () => {
    confirm();
    backToTrigger();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    // Keys typed here must not reach the column header (Enter there would change the sorting).
    event.stopPropagation();
    if (event.key === 'Escape') {
      close();
      backToTrigger();
    }
  };
  const clean = (text: string) => {
    if (kind === 'digits') return text.replace(/\D/g, '').replace(/^0+/, '');
    if (kind === 'code') return text.replace(/[^a-z]/gi, '').toUpperCase();
    return text;
  };
  return (
    <Space style={{ padding: 8 }} onKeyDown={onKeyDown}>
      {options ? (
        <Select
          id={inputId}
          aria-label={label}
          style={{ width: 220 }}
          allowClear
          // Inside the filter panel, so choosing an option is not a click outside that closes it.
          getPopupContainer={(trigger: HTMLElement) => trigger.parentElement ?? document.body}
          value={(selectedKeys[0] as string | undefined) ?? null}
          options={options}
          onChange={(value: string | null) => setSelectedKeys(value ? [value] : [])}
        />
      ) : (
        <Input
          id={inputId}
          autoFocus
          aria-label={label}
          value={selectedKeys[0]}
          inputMode={kind === 'digits' ? 'numeric' : undefined}
          maxLength={kind === 'digits' ? 15 : kind === 'code' ? 3 : 200}
          onChange={(event) => {
            const value = clean(event.target.value);
            setSelectedKeys(value ? [value] : []);
          }}
          onPressEnter={apply}
        />
      )}
      <Button type="primary" icon={<SearchOutlined />} onClick={apply} aria-label={applyLabel} />
      <Button
        aria-label={clearLabel}
        onClick={() => {
          clearFilters?.();
          apply();
        }}
      >
        ×
      </Button>
    </Space>
  );
}
