import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { decimalText } from '../../ui/decimal-text';
import { FormDialog } from '../../ui/form-dialog';
import { amountInput } from '../../ui/input-presets';
import { fieldsNamed } from '../../ui/server-errors';
import { useServerErrors } from '../../ui/use-server-errors';
import { useAddTariffPrice } from './tariffs-api';
import { tariffRules } from './tariff-rules';
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

/** New price: a version from a day on (today or later); the days before keep their price. */
export function NewPriceDialog({ tariff, onReload, onClose, onDone }: NewPriceDialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NewPriceForm>();
  const addPrice = useAddTariffPrice();
  const serverErrors = useServerErrors({ form, fieldOf: fieldsNamed(['price', 'effectiveFrom']) });
  const rules = tariffRules(t);
  const field = (name: string) => t(`tariff.fields.${name}`);

  const submit = (values: NewPriceForm) => {
    if (!values.effectiveFrom) return;
    serverErrors.clear();
    addPrice.mutate(
      {
        id: tariff.id,
        version: tariff.version,
        values: {
          price: decimalText(values.price),
          effectiveFrom: values.effectiveFrom.format('YYYY-MM-DD'),
        },
      },
      { onSuccess: onDone, onError: serverErrors.show },
    );
  };

  return (
    <FormDialog
      title={t('tariff.newPrice.title', { name: tariff.name })}
      okText={t('tariff.newPrice.submit')}
      sending={addPrice.isPending}
      problem={serverErrors.problem}
      stale={
        serverErrors.stale && {
          staleText: t('tariff.staleVersion'),
          reloadText: t('tariff.reload'),
          onReload: () => void onReload().then(serverErrors.clear),
        }
      }
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<NewPriceForm>
        form={form}
        name="tariff-new-price"
        layout="vertical"
        onFinish={submit}
        initialValues={{ price: '', effectiveFrom: dayjs().add(1, 'day') }}
      >
        <Form.Item label={field('price')} name="price" rules={rules.price} required>
          <Input {...amountInput} autoFocus suffix={tariff.currency} />
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
    </FormDialog>
  );
}
