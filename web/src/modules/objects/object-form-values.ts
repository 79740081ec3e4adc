import type { ObjectFormValues, TrackedObject } from './object-types';

export const emptyObjectValues = (contractId: number | undefined): Partial<ObjectFormValues> => ({
  contractId: contractId ?? null,
  active: true,
  activeFrom: null,
  activeUntil: null,
});

export function objectFormValuesOf(object: TrackedObject): ObjectFormValues {
  return {
    contractId: object.contractId,
    name: object.name,
    deviceId: object.deviceId,
    deviceType: object.deviceType,
    simPhone: object.simPhone,
    sim2Phone: object.sim2Phone,
    iccid: object.iccid,
    simProvider: object.simProvider,
    plateNumber: object.plateNumber,
    active: object.active,
    activeFrom: object.activeFrom,
    activeUntil: object.activeUntil,
  };
}

const optionalFields = [
  'deviceType',
  'simPhone',
  'sim2Phone',
  'iccid',
  'simProvider',
  'plateNumber',
] as const;

/**
 * The body to send: text trimmed, a cleared field sent as null (absent would mean "unchanged" to
 * PATCH). The contract of an existing object changes only through Move, so it is left out of PATCH.
 * An empty Active from is left out: the server's default (the day of creation) or the stored day.
 */
export function objectRequestBodyOf(values: ObjectFormValues, isNew: boolean): ObjectFormValues {
  const body: ObjectFormValues = { ...values, name: values.name.trim(), deviceId: values.deviceId.trim() };
  for (const field of optionalFields) {
    const value = body[field]?.trim();
    body[field] = value ? value : null;
  }
  if (body.iccid) body.iccid = body.iccid.replace(/\s/g, '');
  if (!body.activeFrom) delete body.activeFrom;
  body.activeUntil = body.activeUntil || null;
  if (!isNew) delete body.contractId;
  return body;
}
