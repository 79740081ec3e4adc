import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space } from 'antd';
import type { FilterDropdownProps } from 'antd/es/table/interface';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Digits only (an ID), three upper-case letters (a currency code) or free text. */
export type FilterKind = 'digits' | 'code' | 'text';

export interface FilterPanelProps extends FilterDropdownProps {
  triggerId: string;
  inputId: string;
  label: string;
  kind: FilterKind;
  /** A list to choose from instead of a text box. */
  options?: { value: string; label: string }[];
}

/** What a filter box keeps of the typed text, so the API is never sent what it would refuse. */
function cleanFilterText(kind: FilterKind, text: string) {
  if (kind === 'digits') return text.replace(/\D/g, '').replace(/^0+/, '');
  if (kind === 'code') return text.replace(/[^a-z]/gi, '').toUpperCase();
  return text;
}

/** A column's filter: a text box (or a list), Apply and clear; Escape closes it. */
export function FilterPanel(props: FilterPanelProps) {
  const { t } = useTranslation();
  const { triggerId, inputId, label, kind, options } = props;
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
  return (
    <Space style={{ padding: 8 }} onKeyDown={onKeyDown}>
      {options ? (
        <Select
          id={inputId}
          aria-label={label}
          style={{ width: 220 }}
          allowClear
          // Inside the filter's pop-up, so choosing an option is not a click outside that closes it;
          // beside the panel, not in it: the panel hides what overflows it, which cut the options off.
          getPopupContainer={(trigger: HTMLElement) => trigger.closest('.ant-dropdown') ?? document.body}
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
            const value = cleanFilterText(kind, event.target.value);
            setSelectedKeys(value ? [value] : []);
          }}
          onPressEnter={apply}
        />
      )}
      <Button type="primary" icon={<SearchOutlined />} onClick={apply} aria-label={t('list.applyFilter')} />
      <Button
        aria-label={t('list.clearFilter')}
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
