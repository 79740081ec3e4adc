import type { FormInstance } from 'antd';
import { useEffect, useRef } from 'react';
import { usePartner } from '../../app/partner-lookups';
import type { PartnerFormValues } from './partner-types';

/*
 * A new sub-partner is offered its parent's currency, as it most often bills in it. When the parent
 * changes, the offer follows it unless the person chose a currency of their own.
 */
export function useProposedCurrency(
  form: FormInstance<PartnerFormValues>,
  isNew: boolean,
  parentId: number | null,
) {
  const parent = usePartner(isNew ? parentId : null).data;
  const proposed = useRef<string | null>(null);
  useEffect(() => {
    if (!isNew || !parent || parent.id !== parentId) return;
    const current = (form.getFieldValue('currency') as string | null | undefined) ?? null;
    if (current !== null && current !== '' && current !== proposed.current) return;
    form.setFieldValue('currency', parent.currency);
    proposed.current = parent.currency;
  }, [isNew, parent, parentId, form]);
}
