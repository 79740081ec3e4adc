import { addDays, today } from '@server-lib/clock';
import { earliestPriceStart } from '@server-lib/price-start';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { DayPicker } from '../../ui/day-picker';
import { decimalText } from '../../ui/decimal-text';
import { FormDialog } from '../../ui/form-dialog';
import { formatDay } from '../../ui/format-day';
import { amountInput } from '../../ui/input-presets';
import { fieldsNamed } from '../../ui/server-errors';
import { useServerErrors } from '../../ui/use-server-errors';
import { useAddTariffPrice } from './tariffs-api';
import { tariffRules } from './tariff-rules';
import type { TariffDetail } from './tariff-types';

interface NewPriceDialogProps {
  tariff: TariffDetail;
  /** Reads the tariff as it is now (after someone else changed it). */
  onReload: () => Promise<void>;
  onClose: () => void;
  onDone: () => void;
}

interface NewPriceForm {
  price: string;
  effectiveFrom: string | null;
}

/**
 * New price: a version from a day on — today or later, or an earlier day after the last one billed at
 * the tariff (any day while it was never billed); the days before keep their price. The day typed is
 * the day sent: one the rule refuses is refused under the field, never replaced.
 */
export function NewPriceDialog({ tariff, onReload, onClose, onDone }: NewPriceDialogProps) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<NewPriceForm>();
  const addPrice = useAddTariffPrice();
  const serverErrors = useServerErrors({ form, fieldOf: fieldsNamed(['price', 'effectiveFrom']) });
  const rules = tariffRules(t, i18n.language);
  const field = (name: string) => t(`tariff.fields.${name}`);
  const earliest = earliestPriceStart(today(), tariff.billedThrough);

  const submit = (values: NewPriceForm) => {
    if (!values.effectiveFrom) return;
    serverErrors.clear();
    addPrice.mutate(
      {
        id: tariff.id,
        version: tariff.version,
        values: { price: decimalText(values.price), effectiveFrom: values.effectiveFrom },
      },
      { onSuccess: onDone, onError: serverErrors.show },
    );
  };

  return (
    <FormDialog
      form={form}
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
        initialValues={{ price: '', effectiveFrom: addDays(today(), 1) }}
      >
        <Form.Item label={field('price')} name="price" rules={rules.price} required>
          <Input {...amountInput} autoFocus suffix={tariff.currency} />
        </Form.Item>
        <Form.Item
          label={field('effectiveFrom')}
          name="effectiveFrom"
          rules={[...rules.effectiveFrom, rules.priceStart(tariff.billedThrough)]}
          required
          extra={
            earliest === null || tariff.billedThrough === null
              ? t('tariff.newPrice.anyDayHelp')
              : t('tariff.newPrice.dateHelp', {
                  earliest: formatDay(earliest, i18n.language),
                  billedThrough: formatDay(tariff.billedThrough, i18n.language),
                })
          }
        >
          <DayPicker allowClear={false} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
