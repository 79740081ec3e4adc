/* The finance module's public face: what the schedule's housekeeping prunes of it. */
export { deleteIdempotencyKeysOlderThan } from './idempotency.repository.js';
