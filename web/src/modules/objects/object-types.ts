import type {
  ImportResponse,
  ObjectResponse,
  RepriceBody,
  RepriceResponse,
} from '@server-schemas/objects/objects.schemas';
import type { Static } from 'typebox';

/** A tracked object (vehicle with its tracker) as the API returns it. Days are 'YYYY-MM-DD'. */
export type TrackedObject = Static<typeof ObjectResponse>;

/** What POST /objects/import answers: the rows created and, for each refused row, why. */
export type ImportReport = Static<typeof ImportResponse>;

/** POST /objects/reprice: which objects (a contract's, or a partner's), the tariff and the day it applies from. */
export type RepriceRequest = Static<typeof RepriceBody>;
export type RepriceAnswer = Static<typeof RepriceResponse>;

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
