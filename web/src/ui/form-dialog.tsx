import { Modal, type FormInstance } from 'antd';
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { focusFirstField } from './focus-first-field';
import { ProblemAlert } from './problem-alert';
import { useDiscardGuard } from './use-discard-guard';

interface FormDialogProps {
  title: string;
  okText: string;
  /** The request is under way: OK shows it spinning. */
  sending: boolean;
  /** What stopped the last request, told above the form. */
  problem: string | null;
  /** The record changed meanwhile: the alert says so and offers Reload instead. */
  stale?: { staleText: string; reloadText: string; onReload: () => void } | false;
  /** Whether a click beside the dialog closes it; dialogs that hold typed input say no. */
  maskClosable?: boolean;
  /** The dialog's form: when the person changed it, closing without OK asks first. */
  form?: FormInstance;
  onOk: () => void;
  onCancel: () => void;
  children: ReactNode;
}

/** A small dialog with a form: its problem alert on top, then the form, then Cancel and OK. */
export function FormDialog({ stale, maskClosable = false, form, ...props }: FormDialogProps) {
  const { t } = useTranslation();
  const guard = useDiscardGuard();
  const body = useRef<HTMLDivElement>(null);
  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      cancelText={t('common.cancel')}
      confirmLoading={props.sending}
      onOk={props.onOk}
      onCancel={() => guard(Boolean(form?.isFieldsTouched()), props.onCancel)}
      destroyOnHidden
      maskClosable={maskClosable}
      afterOpenChange={(open) => open && focusFirstField(body.current)}
    >
      <div ref={body}>
        <ProblemAlert problem={props.problem} stale={Boolean(stale)} {...(stale || {})} />
        {props.children}
      </div>
    </Modal>
  );
}
