/**
 * The advisory lock every billing run holds for its transaction (an arbitrary constant, unique to the
 * billing run). Runs take it exclusively; a save that must not race a run (an object's active days
 * narrowed over charged days) tries it in shared mode.
 */
export const BILLING_RUN_LOCK = 5_005_001;
