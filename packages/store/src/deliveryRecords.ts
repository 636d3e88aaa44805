import * as m from '@opspilot/core';
import type { EntitySpec } from './repository.js';

/** The generic-repository mapping of `ci_runs` (migration 0021); `run_key` is unique. */
export const CI_RUN_SPEC: EntitySpec<m.CiRun, m.NewCiRun> = {
  table: 'ci_runs',
  noun: 'pipeline run',
  schema: m.CiRun,
  newSchema: m.NewCiRun,
  stamps: ['created_at', 'updated_at'],
};

/** The generic-repository mapping of `webhook_deliveries`: the id is `<provider>:<delivery id>`, given, not assigned. */
export const WEBHOOK_DELIVERY_SPEC: EntitySpec<m.WebhookDelivery, m.NewWebhookDelivery> = {
  table: 'webhook_deliveries',
  noun: 'webhook delivery',
  schema: m.WebhookDelivery,
  newSchema: m.NewWebhookDelivery,
  stamps: ['created_at'],
};

/** The generic-repository mapping of `deployment_records`, newest deployment first. */
export const DEPLOYMENT_RECORD_SPEC: EntitySpec<m.DeploymentRecord, m.NewDeploymentRecord> = {
  table: 'deployment_records',
  noun: 'deployment',
  schema: m.DeploymentRecord,
  newSchema: m.NewDeploymentRecord,
  stamps: ['created_at'],
  orderBy: 'deployed_at',
};

/** The generic-repository mapping of `test_reports` (migration 0022). */
export const TEST_REPORT_SPEC: EntitySpec<m.TestReport, m.NewTestReport> = {
  table: 'test_reports',
  noun: 'test report',
  schema: m.TestReport,
  newSchema: m.NewTestReport,
  stamps: ['created_at'],
};

/** The generic-repository mapping of `test_case_results`, newest run first. */
export const TEST_CASE_RESULT_SPEC: EntitySpec<m.TestCaseResult, m.NewTestCaseResult> = {
  table: 'test_case_results',
  noun: 'test result',
  schema: m.TestCaseResult,
  newSchema: m.NewTestCaseResult,
  stamps: ['created_at'],
  orderBy: 'run_at',
};
