import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client';
import { ProblemAlert } from '../../ui/problem-alert';
import { useAddTariffPrice } from './tariffs-api';
import { decimalText, tariffRules } from './tariff-rules';
import type { Tariff } from './tariff-types';

interface NewPriceDialogProps {
  tariff: Tariff;
  /** Reads the tariff as it is now (after someone else changed it). */
  onReload: () => Promise<void>;
  onClose: () => void;
  onDone: () => void;
}

interface NewPriceForm {
  price: string;
  effectiveFrom: Dayjs | null;
}

const fields = new Set(['price', 'effectiveFrom']);

/** New price: a version from a day on (today or later); the days before keep their price. */
export function NewPriceDialog({ tariff, onReload, onClose, onDone }: NewPriceDialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NewPriceForm>();
  const addPrice = useAddTariffPrice();
  const [problem, setProblem] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const rules = tariffRules(t);
  const field = (name: string) => t(`tariff.fields.${name}`);

  const submit = (values: NewPriceForm) => {
    if (!values.effectiveFrom) return;
    setProblem(null);
    setStale(false);
    addPrice.mutate(
      {
        id: tariff.id,
        version: tariff.version,
        values: {
          price: decimalText(values.price),
          effectiveFrom: values.effectiveFrom.format('YYYY-MM-DD'),
        },
      },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (!(error instanceof ApiError)) return setProblem(t('common.networkError'));
          setStale(error.code === 'version_conflict');
          const onForm = error.errors.filter((entry) => fields.has(entry.field));
          form.setFields(onForm.map((entry) => ({ name: entry.field as never, errors: [entry.message] })));
          const rest = error.errors.filter((entry) => !fields.has(entry.field));
          setProblem(
            rest.length || !onForm.length
              ? [error.title, ...rest.map((entry) => entry.message)].join(' ')
              : null,
          );
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('tariff.newPrice.title', { name: tariff.name })}
      okText={t('tariff.newPrice.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={addPrice.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
    >
      <ProblemAlert
        problem={problem}
        stale={stale}
        staleText={t('tariff.staleVersion')}
        reloadText={t('tariff.reload')}
        onReload={() =>
          void onReload().then(() => {
            setStale(false);
            setProblem(null);
          })
        }
      />
      <Form<NewPriceForm>
        form={form}
        name="tariff-new-price"
        layout="vertical"
        onFinish={submit}
        initialValues={{ price: '', effectiveFrom: dayjs().add(1, 'day') }}
      >
        <Form.Item label={field('price')} name="price" rules={rules.price} required>
          <Input inputMode="decimal" placeholder="0.00" autoFocus suffix={tariff.currency} />
        </Form.Item>
        <Form.Item
          label={field('effectiveFrom')}
          name="effectiveFrom"
          rules={rules.effectiveFrom}
          required
          extra={t('tariff.newPrice.dateHelp')}
        >
          <DatePicker
            format="YYYY-MM-DD"
            allowClear={false}
            style={{ width: '100%' }}
            // Days already charged keep their price: a new one starts today or later.
            disabledDate={(day) => day.isBefore(dayjs(), 'day')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
