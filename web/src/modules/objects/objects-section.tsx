/** The objects section: placeholder until its list is built. */
export function ObjectsSection() {
  return null;
}
