import type { ImportResponse, ObjectResponse } from '@server-schemas/objects/objects.schemas';
import type { Static } from 'typebox';

/** A tracked object (vehicle with its tracker) as the API returns it. Days are 'YYYY-MM-DD'. */
export type TrackedObject = Static<typeof ObjectResponse>;

/** What POST /objects/import answers: the rows created and, for each refused row, why. */
export type ImportReport = Static<typeof ImportResponse>;

/** The values of the object form, named as the API's fields. */
export interface ObjectFormValues {
  contractId?: number | null;
  name: string;
  deviceId: string;
  deviceType?: string | null;
  simPhone?: string | null;
  sim2Phone?: string | null;
  iccid?: string | null;
  simProvider?: string | null;
  plateNumber?: string | null;
  active: boolean;
  /** 'YYYY-MM-DD'; empty on a new object: the server takes the day of creation. */
  activeFrom?: string | null;
  activeUntil?: string | null;
}
