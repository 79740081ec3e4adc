/** The contracts section: placeholder until its list is built. */
export function ContractsSection() {
  return null;
}
