import type { FormInstance } from 'antd';
import { useEffect, useRef } from 'react';
import { useVatRateInForce } from '../../app/reference-queries';
import type { PartnerFormValues } from './partner-types';

/*
 * A new partner is offered the standard VAT rate in force in its region's country. When the region
 * changes, the offer follows it, unless the person typed a rate of their own: a VAT field that still
 * holds the last offer (or nothing) takes the new country's rate, or empties when it has none.
 */
export function useProposedVatRate(
  form: FormInstance<PartnerFormValues>,
  isNew: boolean,
  country: string | null,
) {
  const vatInForce = useVatRateInForce(country);
  const proposedVat = useRef<string | null>(null);
  const vatKnown = country === null || vatInForce.isSuccess;
  const vatForCountry = country === null ? null : (vatInForce.data?.inForce?.ratePercent ?? null);
  useEffect(() => {
    if (!isNew || !vatKnown) return;
    const current = (form.getFieldValue('vatPercent') as string | null | undefined)?.trim() || null;
    if (current !== null && current !== proposedVat.current) return;
    if (current !== vatForCountry) form.setFieldValue('vatPercent', vatForCountry);
    proposedVat.current = vatForCountry;
  }, [isNew, vatKnown, vatForCountry, form]);
}
