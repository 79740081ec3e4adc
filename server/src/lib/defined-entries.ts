/**
 * The fields a PATCH body actually sends: undefined means "not sent, keep the stored value", so an
 * update merges only these over the record's draft.
 */
export function definedEntries<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}
