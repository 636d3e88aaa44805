import type {
  CiRun,
  DeploymentRecord,
  NewCiRun,
  NewDeploymentRecord,
  NewTestCaseResult,
  NewTestReport,
  NewWebhookDelivery,
  OperationStore,
  TestCaseResult,
  TestReport,
  WebhookDelivery,
} from '@opspilot/core';
import { type AlertRepository, createAlertRepository } from './alertRepository.js';
import { type AuditAnchor, type AuditLogRepository, createAuditLog } from './audit/auditLogRepository.js';
import { BUDGET_NOTICE_SPEC, type NewStoredBudgetNotice, type StoredBudgetNotice } from './budgetNoticeRepository.js';
import { MCP_SERVER_SPEC, type NewStoredMcpServer, type StoredMcpServer } from './chatMcpServerRepository.js';
import { type ChatRepository, createChatRepository } from './chatRepository.js';
import { type ClusterRepository, createClusterRepository } from './clusterRepository.js';
import type { Db } from './database.js';
import {
  CI_RUN_SPEC,
  DEPLOYMENT_RECORD_SPEC,
  TEST_CASE_RESULT_SPEC,
  TEST_REPORT_SPEC,
  WEBHOOK_DELIVERY_SPEC,
} from './deliveryRecords.js';
import type { Dialect } from './dialect.js';
import { ENTITY_SPECS } from './entitySpecs.js';
import { createFindingSightingRepository, type FindingSightingRepository } from './findingSightingRepository.js';
import { createGeneratedConfigRepository, type GeneratedConfigRepository } from './generatedConfigRepository.js';
import { createIncidentRepository, type IncidentRepository } from './incidentRepository.js';
import { createOperationRepository } from './operationRepository.js';
import {
  DOC_VERSION_SPEC,
  type NewStoredDocVersion,
  type NewStoredReportFile,
  REPORT_FILE_SPEC,
  type StoredDocVersion,
  type StoredReportFile,
} from './reportRecords.js';
import { createReportScheduleRepository, type ReportScheduleRepository } from './reportScheduleRepository.js';
import { createRepository, type EntitySpec, type Repository } from './repository.js';
import type { SecretBox } from './secretBox.js';
import {
  type NewStoredSecurityFinding,
  SECURITY_FINDING_SPEC,
  type StoredSecurityFinding,
} from './securityFindingRepository.js';
import {
  type NewStoredScanSchedule,
  type NewStoredSecurityGate,
  SCAN_SCHEDULE_SPEC,
  SECURITY_GATE_SPEC,
  type StoredScanSchedule,
  type StoredSecurityGate,
} from './securityScheduleRepository.js';
import { createSpanRepository, type SpanRepository } from './spanRepository.js';
import { type ApiTokenRepository, createApiTokenRepository } from './users/apiTokenRepository.js';
import { createLoginAttemptRepository, type LoginAttemptRepository } from './users/loginAttemptRepository.js';
import { createSessionRepository, type SessionRepository } from './users/sessionRepository.js';
import { createUserRepository, type UserRepository } from './users/userRepository.js';
import { createWebhookSecretRepository, type WebhookSecretRepository } from './webhookSecretRepository.js';

type Specs = typeof ENTITY_SPECS;
type RepositoryOf<S> = S extends EntitySpec<infer T, infer N> ? Repository<T, N> : never;

/** Every repository of the store: the generic ones of {@link ENTITY_SPECS} and the aggregates with behaviour. */
export type Repositories = { [K in keyof Specs]: RepositoryOf<Specs[K]> } & {
  clusters: ClusterRepository;
  alerts: AlertRepository;
  generatedConfigs: GeneratedConfigRepository;
  chat: ChatRepository;
  incidents: IncidentRepository;
  audit: AuditLogRepository;
  operations: OperationStore;
  users: UserRepository;
  sessions: SessionRepository;
  apiTokens: ApiTokenRepository;
  loginAttempts: LoginAttemptRepository;
  spans: SpanRepository;
  securityFindings: Repository<StoredSecurityFinding, NewStoredSecurityFinding>;
  budgetNotices: Repository<StoredBudgetNotice, NewStoredBudgetNotice>;
  mcpServers: Repository<StoredMcpServer, NewStoredMcpServer>;
  findingSightings: FindingSightingRepository;
  scanSchedules: Repository<StoredScanSchedule, NewStoredScanSchedule>;
  securityGates: Repository<StoredSecurityGate, NewStoredSecurityGate>;
  reportFiles: Repository<StoredReportFile, NewStoredReportFile>;
  reportSchedules: ReportScheduleRepository;
  docVersions: Repository<StoredDocVersion, NewStoredDocVersion>;
  ciRuns: Repository<CiRun, NewCiRun>;
  webhookDeliveries: Repository<WebhookDelivery, NewWebhookDelivery>;
  webhookSecrets: WebhookSecretRepository;
  deploymentRecords: Repository<DeploymentRecord, NewDeploymentRecord>;
  testReports: Repository<TestReport, NewTestReport>;
  testCaseResults: Repository<TestCaseResult, NewTestCaseResult>;
};

/** Builds every repository over one database handle (or transaction). */
export function createRepositories(
  db: Db,
  dialect: Dialect,
  secretBox: SecretBox | undefined,
  inTransaction: <R>(fn: (tx: Db) => Promise<R>) => Promise<R>,
  auditAnchor?: AuditAnchor,
): Repositories {
  const generic = Object.fromEntries(
    Object.entries(ENTITY_SPECS).map(([name, spec]) => [
      name,
      createRepository(db, dialect, spec as EntitySpec<unknown, unknown>),
    ]),
  ) as { [K in keyof Specs]: RepositoryOf<Specs[K]> };
  return {
    ...generic,
    clusters: createClusterRepository(db, dialect, secretBox, inTransaction),
    alerts: createAlertRepository(db, dialect),
    generatedConfigs: createGeneratedConfigRepository(db, dialect, inTransaction),
    chat: createChatRepository(db, dialect, inTransaction),
    incidents: createIncidentRepository(db, dialect, inTransaction),
    audit: createAuditLog(db, dialect, inTransaction, auditAnchor),
    operations: createOperationRepository(db, dialect, secretBox),
    users: createUserRepository(db, dialect),
    sessions: createSessionRepository(db, dialect),
    apiTokens: createApiTokenRepository(db, dialect),
    loginAttempts: createLoginAttemptRepository(db, dialect),
    spans: createSpanRepository(db, dialect),
    securityFindings: createRepository(db, dialect, SECURITY_FINDING_SPEC),
    budgetNotices: createRepository(db, dialect, BUDGET_NOTICE_SPEC),
    mcpServers: createRepository(db, dialect, MCP_SERVER_SPEC),
    findingSightings: createFindingSightingRepository(db, dialect),
    scanSchedules: createRepository(db, dialect, SCAN_SCHEDULE_SPEC),
    securityGates: createRepository(db, dialect, SECURITY_GATE_SPEC),
    reportFiles: createRepository(db, dialect, REPORT_FILE_SPEC),
    reportSchedules: createReportScheduleRepository(db, dialect, secretBox),
    docVersions: createRepository(db, dialect, DOC_VERSION_SPEC),
    ciRuns: createRepository(db, dialect, CI_RUN_SPEC),
    webhookDeliveries: createRepository(db, dialect, WEBHOOK_DELIVERY_SPEC),
    webhookSecrets: createWebhookSecretRepository(db, dialect, secretBox),
    deploymentRecords: createRepository(db, dialect, DEPLOYMENT_RECORD_SPEC),
    testReports: createRepository(db, dialect, TEST_REPORT_SPEC),
    testCaseResults: createRepository(db, dialect, TEST_CASE_RESULT_SPEC),
  };
}
