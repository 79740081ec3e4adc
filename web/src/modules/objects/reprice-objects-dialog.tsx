import { DatePicker, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useContract } from '../../app/contract-lookups';
import { usePartner } from '../../app/partner-lookups';
import { tariffChoiceLabel, useTariffChoices } from '../../app/tariff-choices';
import { FormDialog } from '../../ui/form-dialog';
import { dayInputFormats } from '../../ui/format-day';
import { fieldsNamed } from '../../ui/server-errors';
import { useServerErrors } from '../../ui/use-server-errors';
import { useRepriceObjects } from './objects-api';

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
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<RepriceValues>();
  const contract = useContract(contractId ?? null);
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
  const serverErrors = useServerErrors({ form, fieldOf: fieldsNamed(['tariffId', 'effectiveFrom']) });
  const label = (name: string) => t(`objects.reprice.${name}`);

  const submit = (values: RepriceValues) => {
    if (values.tariffId === null || values.effectiveFrom === null) return;
    serverErrors.clearProblem();
    reprice.mutate(
      {
        ...(contractId === undefined ? { partnerId } : { contractId }),
        tariffId: values.tariffId,
        effectiveFrom: values.effectiveFrom.format('YYYY-MM-DD'),
      },
      { onSuccess: (answer) => onDone(answer.repriced), onError: serverErrors.show },
    );
  };

  return (
    <FormDialog
      form={form}
      title={label('title')}
      okText={label('submit')}
      sending={reprice.isPending}
      problem={serverErrors.problem}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
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
              label: tariffChoiceLabel(tariff),
            }))}
          />
        </Form.Item>
        <Form.Item
          label={label('effectiveFrom')}
          name="effectiveFrom"
          rules={[{ required: true, message: t('errors.required', { field: label('effectiveFrom') }) }]}
          required
        >
          <DatePicker format={dayInputFormats(i18n.language)} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
