import { Alert, DatePicker, Form, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-client';
import { usePartner } from '../partners/partners-api';
import { useTariffChoices } from '../partners/reference-api';
import { useContract, useRepriceObjects } from './objects-api';

interface RepriceObjectsDialogProps {
  partnerId?: number;
  /** Only this contract's objects; otherwise every object of the partner's contracts. */
  contractId?: number;
  onClose: () => void;
  onDone: (count: number) => void;
}

interface RepriceValues {
  tariffId: number | null;
  effectiveFrom: Dayjs | null;
}

/**
 * "Apply tariff to existing objects": the one explicit way to move existing objects to another
 * tariff from a date (changing a contract's or partner's tariff never does it).
 */
export function RepriceObjectsDialog({ partnerId, contractId, onClose, onDone }: RepriceObjectsDialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RepriceValues>();
  const contract = useContract(contractId);
  const partner = usePartner(contractId === undefined ? (partnerId ?? null) : null);
  // A contract bills in its one currency, a partner's contracts in any of the partner's currencies.
  const currencies = contract.data
    ? [contract.data.currency]
    : partner.data
      ? [partner.data.currency, ...partner.data.additionalCurrencies]
      : [];
  const choices = useTariffChoices({
    purpose: 'price',
    partnerId: contract.data?.partnerId ?? partnerId ?? null,
    parentId: null,
    currencies,
  });
  const reprice = useRepriceObjects();
  const [problem, setProblem] = useState<string | null>(null);
  const label = (name: string) => t(`objects.reprice.${name}`);

  const submit = (values: RepriceValues) => {
    if (values.tariffId === null || values.effectiveFrom === null) return;
    setProblem(null);
    reprice.mutate(
      {
        ...(contractId === undefined ? { partnerId } : { contractId }),
        tariffId: values.tariffId,
        effectiveFrom: values.effectiveFrom.format('YYYY-MM-DD'),
      },
      {
        onSuccess: (answer) => onDone(answer.repriced),
        onError: (error) => {
          if (!(error instanceof ApiError)) return setProblem(t('common.networkError'));
          const known = new Set(['tariffId', 'effectiveFrom']);
          form.setFields(
            error.errors
              .filter((entry) => known.has(entry.field))
              .map((entry) => ({ name: entry.field as keyof RepriceValues, errors: [entry.message] })),
          );
          const rest = error.errors.filter((entry) => !known.has(entry.field));
          if (rest.length || rest.length === error.errors.length) {
            setProblem([error.title, ...rest.map((entry) => entry.message)].join(' '));
          }
        },
      },
    );
  };

  return (
    <Modal
      open
      title={label('title')}
      okText={label('submit')}
      cancelText={t('common.cancel')}
      confirmLoading={reprice.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
    >
      {problem && <Alert role="alert" type="error" showIcon message={problem} style={{ marginBottom: 12 }} />}
      <p>{contractId === undefined ? label('hintPartner') : label('hintContract')}</p>
      <Form<RepriceValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ tariffId: null, effectiveFrom: dayjs() }}
      >
        <Form.Item
          label={label('tariff')}
          name="tariffId"
          rules={[{ required: true, message: t('errors.required', { field: label('tariff') }) }]}
          required
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={choices.isLoading}
            options={(choices.data?.items ?? []).map((tariff) => ({
              value: tariff.id,
              label: `${tariff.name} — ${tariff.price ?? '—'} ${tariff.currency}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          label={label('effectiveFrom')}
          name="effectiveFrom"
          rules={[{ required: true, message: t('errors.required', { field: label('effectiveFrom') }) }]}
          required
        >
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
