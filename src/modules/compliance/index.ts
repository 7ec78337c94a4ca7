/** Compliance: authentication, the audit journal's API, bootstrap of the first administrator. */
export { registerAuthRoutes, actorResolver } from './auth/auth.routes.js';
export { login, MAX_FAILED_LOGINS } from './auth/login.command.js';
export { bootstrapAdmin } from './auth/bootstrap.js';
export { registerJournalRoutes, presentEvent } from './journal/journal.routes.js';
export { registerEventStream } from './journal/events.routes.js';
export { registerBatchRecordQuery } from './records/batch-record.routes.js';
export { batchRecord } from './records/batch-record.query.js';
export type * from './records/batch-record.types.js';
export * from './signatures/index.js';
export { registerRecordSignoffRoutes } from './records/record-signoff.routes.js';
export { pruneEndedSessions } from './account/account.commands.js';
