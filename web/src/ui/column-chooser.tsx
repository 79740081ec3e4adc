import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface ColumnChooserProps<Key extends string> {
  /** Every column the list may show, in its order. */
  keys: readonly Key[];
  hidden: Key[];
  onHiddenChange: (hidden: Key[]) => void;
  /** The column's name on its box. */
  labelOf: (key: Key) => string;
}

/** The Columns button: a box per column, ticked when shown. */
export function ColumnChooser<Key extends string>(props: ColumnChooserProps<Key>) {
  const { keys, hidden, onHiddenChange, labelOf } = props;
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        // The keyboard goes straight to the first column's box.
        if (next) setTimeout(() => panel.current?.querySelector('input')?.focus(), 50);
      }}
      // Kept next to its button in the page, so Tab moves from the button through the boxes.
      getPopupContainer={(trigger) => trigger.parentElement ?? document.body}
      content={
        <div
          ref={panel}
          role="group"
          aria-label={t('list.columnsButton')}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            setOpen(false);
            button.current?.focus();
          }}
        >
          <Checkbox.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            value={keys.filter((key) => !hidden.includes(key))}
            options={keys.map((key) => ({ value: key, label: labelOf(key) }))}
            onChange={(shown) => onHiddenChange(keys.filter((key) => !shown.includes(key)))}
          />
        </div>
      }
    >
      <Button ref={button} icon={<SettingOutlined />} aria-expanded={open}>
        {t('list.columnsButton')}
      </Button>
    </Popover>
  );
}
