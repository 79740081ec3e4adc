import { today } from '@server-lib/clock';
import { App, Form } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useSession } from '../../app/session';
import { fillForm } from '../../ui/fill-form';
import { RecordWindow } from '../../ui/record-window';
import { useRecordForm } from '../../ui/use-record-form';
import { NewPriceDialog } from './new-price-dialog';
import { decimalText } from '../../ui/decimal-text';
import type { Tariff, TariffFormValues } from './tariff-types';
import { TariffVersionsTab } from './tariff-versions-tab';
import { TariffMainTab } from './tariff-main-tab';
import { useSaveTariff, useTariff } from './tariffs-api';

interface TariffWindowProps {
  /** null: the Add window. */
  tariffId: number | null;
  onClose: () => void;
  onSaved: (tariffId: number) => void;
}

const formValuesOf = (tariff: Tariff): TariffFormValues => ({
  name: tariff.name,
  currency: tariff.currency,
  period: tariff.period,
});

/**
 * Who may change a tariff: its owner's tree. A super administrator changes any; a partner
 * administrator its own partner's and its sub-partners' tariffs, not the platform's or a parent's.
 */
export function canChangeTariff(tariff: Tariff, role: string | undefined) {
  if (role === 'super_admin') return true;
  return !tariff.ownedByAncestor && tariff.ownerPartnerId !== null;
}

/** The tariff window: its name, currency, period and price, and its dated price versions. */
export function TariffWindow({ tariffId, onClose, onSaved }: TariffWindowProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useSession();
  const [form] = Form.useForm<TariffFormValues>();
  const tariffQuery = useTariff(tariffId);
  const tariff = tariffQuery.data ?? null;
  const save = useSaveTariff();
  const reloadRecord = async () => {
    const fresh = await tariffQuery.refetch();
    if (fresh.data) {
      form.resetFields();
      fillForm(form, formValuesOf(fresh.data));
    }
  };
  const state = useRecordForm(form, { formTab: 'main', reloadRecord });
  const [filled, setFilled] = useState(false);
  const [newPrice, setNewPrice] = useState(false);
  const mayWrite = useCan()('tariffs:write');
  const readOnly = !mayWrite || (tariff !== null && !canChangeTariff(tariff, user?.role));

  // The form is filled once: a refetch (after a new price) must not overwrite what the person typed.
  useEffect(() => {
    if (filled) return;
    if (tariffId === null) {
      fillForm(form, { period: 'month', effectiveFrom: today() });
      setFilled(true);
    } else if (tariff) {
      fillForm(form, formValuesOf(tariff));
      setFilled(true);
    }
  }, [filled, tariffId, tariff, form]);

  const submit = (values: TariffFormValues) => {
    state.startSaving();
    const body: TariffFormValues =
      tariffId === null
        ? {
            name: values.name.trim(),
            currency: values.currency,
            period: values.period,
            price: decimalText(values.price ?? ''),
            ...(values.effectiveFrom ? { effectiveFrom: values.effectiveFrom } : {}),
          }
        : { name: values.name.trim() };
    save.mutate(
      { id: tariffId, values: body, version: tariff?.version },
      { onSuccess: (saved) => onSaved(saved.id), onError: state.showServerErrors },
    );
  };

  return (
    <RecordWindow
      title={tariffId === null ? t('tariff.addTitle') : (tariff?.name ?? t('tariff.loading'))}
      width={760}
      textsKey="tariff"
      state={state}
      loading={tariffId !== null && tariffQuery.isLoading}
      failed={tariffId !== null && tariffQuery.isError ? t('tariff.notFound') : undefined}
      saving={save.isPending}
      saveDisabled={readOnly}
      readOnly={!mayWrite}
      onSave={() => form.submit()}
      onClose={onClose}
      tabs={[
        {
          key: 'main',
          label: t('tariff.tabs.main'),
          forceRender: true,
          children: <TariffMainTab form={form} tariff={tariff} readOnly={readOnly} onSubmit={submit} />,
        },
        {
          key: 'versions',
          label: t('tariff.tabs.versions'),
          disabled: tariff === null,
          children: tariff && (
            <TariffVersionsTab tariff={tariff} readOnly={readOnly} onNewPrice={() => setNewPrice(true)} />
          ),
        },
      ]}
    >
      {newPrice && tariff && (
        <NewPriceDialog
          tariff={tariff}
          onReload={async () => void (await tariffQuery.refetch())}
          onClose={() => setNewPrice(false)}
          onDone={() => {
            setNewPrice(false);
            void message.success(t('tariff.newPrice.done'));
          }}
        />
      )}
    </RecordWindow>
  );
}
