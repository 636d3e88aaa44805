/**
 * @opspilot/store — one list of Kysely migrations for SQLite and PostgreSQL, a repository per aggregate, and the
 * append-only, hash-chained audit log.
 */
export { ALERT_EVENT_SPEC, NewStoredAlertEvent, StoredAlertEvent } from './alertEvent.js';
export type { AlertRepository } from './alertRepository.js';
export {
  type AuditCheckpoint,
  type AuditCheckpointOptions,
  type AuditHead,
  type CheckpointReading,
  createAuditCheckpoint,
} from './audit/auditCheckpoint.js';
export { auditEntryHash, canonicalJson } from './audit/auditHash.js';
export type { AuditLogRepository } from './audit/auditLogRepository.js';
export type { AuditVerifyReport, CheckpointState } from './audit/compareWithCheckpoint.js';
export { findChainBreak } from './audit/findChainBreak.js';
export { BUDGET_NOTICE_SPEC, NewStoredBudgetNotice, StoredBudgetNotice } from './budgetNoticeRepository.js';
export { MCP_SERVER_SPEC, NewStoredMcpServer, StoredMcpServer } from './chatMcpServerRepository.js';
export type { ChatRepository, NewChatMessage, NewChatSession } from './chatRepository.js';
export type { ClusterRepository, CredentialsInput } from './clusterRepository.js';
export type { Database, Db, Row } from './database.js';
export type { Dialect } from './dialect.js';
export {
  createFindingSightingRepository,
  type FindingSightingRepository,
  NewFindingSighting,
  StoredFindingSighting,
} from './findingSightingRepository.js';
export type { GeneratedConfigRepository } from './generatedConfigRepository.js';
export {
  type Actor,
  auditActionOf,
  GENERATOR_TOOL,
  type GeneratedFinding,
  type StoredConfig,
  storeGenerated,
  toValidationResult,
  transitionAudited,
} from './generatedConfigWorkflow.js';
export type { IncidentRepository, NewIncidentActionOf } from './incidentRepository.js';
export type { Filter, FilterValue, RangeFilter } from './listFilter.js';
export { MIGRATION_NAMES } from './migrations/migrations.js';
export { openStore, type Store, type StoreOptions } from './openStore.js';
export {
  DOC_VERSION_SPEC,
  NewStoredDocVersion,
  NewStoredReportFile,
  NewStoredReportSchedule,
  REPORT_FILE_SPEC,
  REPORT_SCHEDULE_SPEC,
  StoredDocVersion,
  StoredReportFile,
  StoredReportSchedule,
} from './reportRecords.js';
export type { ReportScheduleRepository } from './reportScheduleRepository.js';
export type { Repositories } from './repositories.js';
export type { EntitySpec, Repository } from './repository.js';
export { createSecretBox, type SecretBox } from './secretBox.js';
export {
  NewStoredSecurityFinding,
  SECURITY_FINDING_SPEC,
  StoredSecurityFinding,
} from './securityFindingRepository.js';
export {
  NewStoredScanSchedule,
  NewStoredSecurityGate,
  SCAN_SCHEDULE_SPEC,
  SECURITY_GATE_SPEC,
  StoredScanSchedule,
  StoredSecurityGate,
} from './securityScheduleRepository.js';
export { type SpanRepository, SpanRow } from './spanRepository.js';
export { maskDatabaseUrl } from './storeErrors.js';
export type { StoreLogger } from './storeLogger.js';
export type { ApiTokenRepository, NewApiToken } from './users/apiTokenRepository.js';
export {
  AUTH_TABLES,
  ClusterGrant,
  LoginAttempt,
  LoginLimit,
  StoredApiToken,
  StoredSession,
  StoredUser,
} from './users/authRows.js';
export type { AttemptKey, LoginAttemptRepository } from './users/loginAttemptRepository.js';
export {
  hashPassword,
  MIN_PASSWORD_LENGTH,
  UNUSABLE_PASSWORD_HASH,
  verifyPassword,
} from './users/passwordHash.js';
export type { NewSession, SessionRepository } from './users/sessionRepository.js';
export type { NewUser, UserPatch, UserRepository } from './users/userRepository.js';
export { verifyAuditChain } from './verifyAuditChain.js';
export type { WebhookSecretInfo, WebhookSecretRepository } from './webhookSecretRepository.js';
