import { today } from '@server-lib/clock';
import { normalizePhone } from '@server-lib/contact';
import { hasValidLuhnDigit } from '@server-lib/luhn';
import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { formatDay } from '../../ui/format-day';

const optionalText = (value: string | null | undefined) => value?.trim() ?? '';

/*
 * The form checks what the server checks (the same Luhn digit), so most mistakes show before Save.
 * The server stays the authority: its messages replace these when they differ.
 */
export function objectRules(t: TFunction) {
  const field = (name: string) => t(`object.fields.${name}`);
  const phone = (name: string): FormRule[] => [
    {
      validator: async (_rule, value: string | null | undefined) => {
        const text = optionalText(value);
        // Without + the number is read in the partner's country, which only the server knows.
        if (text.startsWith('+') && !normalizePhone(text, null))
          throw new Error(t('errors.phone_invalid', { field: field(name) }));
      },
    },
  ];
  return {
    contractId: [
      { required: true, message: t('errors.required', { field: field('contractId') }) },
    ] as FormRule[],
    name: [
      { required: true, whitespace: true, message: t('errors.required', { field: field('name') }) },
    ] as FormRule[],
    deviceId: [
      { required: true, whitespace: true, message: t('errors.required', { field: field('deviceId') }) },
      {
        validator: async (_rule, value: string | undefined) => {
          const text = optionalText(value);
          // Fifteen digits are an IMEI, whose last digit checks the others; any other ID is the maker's.
          if (/^\d{15}$/.test(text) && !hasValidLuhnDigit(text)) {
            throw new Error(t('object.errors.imei_checksum', { field: field('deviceId') }));
          }
        },
      },
    ] as FormRule[],
    simPhone: phone('simPhone'),
    sim2Phone: phone('sim2Phone'),
    iccid: [
      {
        validator: async (_rule, value: string | null | undefined) => {
          const text = optionalText(value).replace(/\s/g, '');
          if (!text) return;
          if (!/^\d{19,20}$/.test(text))
            throw new Error(t('object.errors.iccid_format', { field: field('iccid') }));
          if (!hasValidLuhnDigit(text))
            throw new Error(t('object.errors.iccid_checksum', { field: field('iccid') }));
        },
      },
    ] as FormRule[],
  };
}

/** The earliest Active from the server takes: the same day 10 years back (it judges 29 February). */
export const earliestActiveFrom = (day: string) => `${Number(day.slice(0, 4)) - 10}${day.slice(4)}`;

/**
 * Active from and Active until as the server judges them, on the platform's day (UTC): Active from
 * not in the future nor more than 10 years back (a stored day that is not changed is not judged
 * again), Active until not before Active from. Values are 'YYYY-MM-DD'.
 */
export function activeDayRules(t: TFunction, language: string, storedActiveFrom: string | null) {
  const field = (name: string) => t(`object.fields.${name}`);
  return {
    activeFrom: [
      // A stored object keeps its day; only a new one may leave it empty (the day of creation).
      ...(storedActiveFrom === null
        ? []
        : [{ required: true, message: t('errors.required', { field: field('activeFrom') }) }]),
      {
        validator: async (_rule, value: string | null | undefined) => {
          if (!value || value === storedActiveFrom) return;
          const day = today();
          if (value > day)
            throw new Error(t('object.errors.active_from_future', { field: field('activeFrom') }));
          if (value < earliestActiveFrom(day)) {
            throw new Error(
              t('object.errors.active_from_too_early', {
                field: field('activeFrom'),
                min: formatDay(earliestActiveFrom(day), language),
              }),
            );
          }
        },
      },
    ] as FormRule[],
    activeUntil: [
      ({ getFieldValue }) => ({
        validator: async (_rule, value: string | null | undefined) => {
          const from =
            (getFieldValue('activeFrom') as string | null | undefined) || storedActiveFrom || today();
          if (value && value < from) {
            throw new Error(
              t('object.errors.active_until_before_from', {
                field: field('activeUntil'),
                activeFrom: formatDay(from, language),
              }),
            );
          }
        },
      }),
    ] as FormRule[],
  };
}
