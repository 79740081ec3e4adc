/* The audit module's public face: the one audit writer (single, many, set-based) and the History answer. */
export {
  archiveEventOf,
  type AuditActor,
  type AuditEntityType,
  type AuditEventInput,
} from './audit-event.js';
export { changedFields, createdFields } from './audit-changes.js';
export { snapshotOf, type AuditedField } from './audited-fields.js';
export { recordArchiveEvent, recordAuditEvent, recordAuditEvents } from './audit.repository.js';
export { changeJson, createdChangesJson, insertAuditEventsFrom } from './audit.sql.js';
export { HistoryResponse } from './audit.schemas.js';
export { changeArchived, entityHistory } from './audit.service.js';
