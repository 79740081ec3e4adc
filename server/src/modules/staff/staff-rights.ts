import { forbidden, rightMissing } from '../../lib/errors.js';
import { holdsRight, normaliseRights, type Actor, type Right } from '../auth/auth.public.js';

/*
 * Nobody grants rights they do not hold: a staff user's rights are at most the actor's, and a staff
 * user who holds a right the actor lacks is not the actor's to change, block or archive (it would be
 * a way to take its rights away or to borrow its account).
 */

/** Refuses (403 right_missing, naming the first) a list of rights with one the actor does not hold. */
export function checkGrantable(actor: Actor, rights: readonly string[]): Right[] {
  const wanted = normaliseRights(rights);
  const missing = wanted.find((right) => !holdsRight(actor, right));
  if (missing !== undefined) throw rightMissing(missing);
  return wanted;
}

/** Refuses a change to a user who holds more than the actor, or to the actor itself (its own rights). */
export function checkManageable(actor: Actor, target: { id: number; rights: readonly string[] }) {
  if (target.id === actor.userId) throw forbidden('staff_self_change');
  checkGrantable(actor, target.rights);
}
