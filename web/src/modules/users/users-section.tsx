/** The users section: placeholder until its list is built. */
export function UsersSection() {
  return null;
}
