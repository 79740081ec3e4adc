import type { HistoryEntry } from '../../ui/history-table';

export interface Reference {
  id: number;
  name: string;
}

/** A tracked object (vehicle with its tracker) as the API returns it. */
export interface TrackedObject {
  id: number;
  contractId: number;
  contract: Reference | null;
  partner: Reference | null;
  name: string;
  deviceId: string;
  deviceType: string | null;
  simPhone: string | null;
  sim2Phone: string | null;
  iccid: string | null;
  simProvider: string | null;
  plateNumber: string | null;
  active: boolean;
  /** The first day billed, 'YYYY-MM-DD'. */
  activeFrom: string;
  /** The last day billed, 'YYYY-MM-DD', or null: no end. */
  activeUntil: string | null;
  tariffId: number | null;
  tariff: Reference | null;
  tariffPinnedAt: string | null;
  version: number;
  createdAt?: string;
  updatedAt?: string;
  archivedAt: string | null;
}

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

export interface Page<T> {
  items: T[];
  total: number;
}

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/** What POST /objects/import answers: the rows created and, for each refused row, why. */
export interface ImportReport {
  total: number;
  created: number;
  createdIds?: number[];
  refused: { row: number; errors: FieldProblem[] }[];
}

/** A contract as offered in a Contract select. */
export interface ContractChoice {
  id: number;
  name: string;
  partnerId?: number;
  partner?: Reference;
  currency: string;
  isWarehouse: boolean;
}

export type { HistoryEntry };
