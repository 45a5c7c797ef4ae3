/**
 * What other features may use of the knowledge base (the lint rule's import zones allow
 * no other way in): the record type and its parser, the repository that reads records,
 * and where the records are.
 */
export type { Partnership } from './domain/partnership';
export { parsePartnership } from './domain/partnership';
export { PartnershipRepository } from './data/partnershipRepository';
export { readPartnerships } from './data/partnershipReader';
export type { RecordsConfig } from './init/records';
export { readRecord, recordUrl, recordsApi, recordsCache } from './init/records';
