import { Alert, Button, ConfigProvider, Modal, Space, Spin, Tabs, type TabsProps } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { focusFirstField } from './focus-first-field';
import { ProblemAlert } from './problem-alert';
import { useDiscardGuard } from './use-discard-guard';
import type { RecordFormState } from './use-record-form';

interface RecordWindowProps {
  title: string;
  width: number;
  /** The record's texts in the translations: `<textsKey>.save`, `.staleVersion` and `.reload`. */
  textsKey: string;
  state: Pick<
    RecordFormState,
    'formTab' | 'problem' | 'stale' | 'reload' | 'activeTab' | 'setActiveTab' | 'isChanged'
  >;
  /** The record is being loaded: a spinner instead of the tabs. */
  loading: boolean;
  /** The record could not be loaded: this message instead of the tabs. */
  failed?: string;
  /** The tabs; one `hidden` (the user lacks its area's read right) is left out. */
  tabs: (NonNullable<TabsProps['items']>[number] & { hidden?: boolean })[];
  /** The footer's buttons before Cancel and Save (Clone, Move, Delete/Restore, …). */
  actions?: ReactNode;
  saving: boolean;
  saveDisabled?: boolean;
  /**
   * The user may look, not change (no write right, or a record changed elsewhere): the form's tab
   * shows its fields disabled and there is no Save. The window's actions are the caller's to leave out.
   */
  readOnly?: boolean;
  onSave: () => void;
  onClose: () => void;
  /** Dialogs the window opens over itself. */
  children?: ReactNode;
}

/** A record's window: its tabs, the problem alert above them, and the footer ending in Cancel and Save. */
export function RecordWindow(props: RecordWindowProps) {
  const { t } = useTranslation();
  const { title, width, textsKey, state, loading, failed, tabs, readOnly = false } = props;
  const guard = useDiscardGuard();
  // Escape, the X and Cancel alike: a form with changes asks before they are thrown away.
  const onClose = () => guard(!readOnly && state.isChanged(), props.onClose);
  // Once the window is open and its record loaded, the focus is in its first field.
  const body = useRef<HTMLDivElement>(null);
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    if (opened && !loading) focusFirstField(body.current);
  }, [opened, loading]);
  const shownTabs = tabs
    .filter((tab) => !tab.hidden)
    .map(({ hidden: _hidden, ...tab }) =>
      readOnly && tab.key === state.formTab
        ? { ...tab, children: <ConfigProvider componentDisabled>{tab.children}</ConfigProvider> }
        : tab,
    );
  return (
    <Modal
      open
      title={title}
      width={width}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
      afterOpenChange={setOpened}
      footer={
        <Space wrap>
          {props.actions}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          {!readOnly && (
            <Button
              type="primary"
              loading={props.saving}
              disabled={props.saveDisabled}
              onClick={props.onSave}
            >
              {t(`${textsKey}.save`)}
            </Button>
          )}
        </Space>
      }
    >
      <ProblemAlert
        problem={state.problem}
        stale={state.stale}
        staleText={t(`${textsKey}.staleVersion`)}
        reloadText={t(`${textsKey}.reload`)}
        onReload={() => void state.reload()}
      />
      <div ref={body}>
        {loading ? (
          <Spin />
        ) : failed ? (
          <Alert role="alert" type="error" showIcon message={failed} />
        ) : (
          <Tabs activeKey={state.activeTab} onChange={state.setActiveTab} items={shownTabs} />
        )}
      </div>
      {props.children}
    </Modal>
  );
}
