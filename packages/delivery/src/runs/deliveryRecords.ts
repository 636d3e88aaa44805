import type {
  CiRun,
  DeploymentRecord,
  NewCiRun,
  NewDeploymentRecord,
  NewTestCaseResult,
  NewTestReport,
  NewWebhookDelivery,
  Paginated,
  TestCaseResult,
  TestReport,
  WebhookDelivery,
} from '@opspilot/core';

/** A filter on a record list: equality with a scalar, or a range (`gte`, `lt`, …) on one column. */
export type RecordFilter = Record<
  string,
  string | number | boolean | { gt?: string; gte?: string; lt?: string; lte?: string } | undefined
>;

/** The part of a store repository the delivery engines use (the store's generic repositories fit it). */
export interface Records<T, N> {
  create(input: N): Promise<T>;
  update(id: string, patch: Partial<T>): Promise<T>;
  find(id: string): Promise<T | undefined>;
  list(filter?: RecordFilter, page?: { page?: number; page_size?: number }): Promise<Paginated<T>>;
  /** Removes a record (the store's repositories have it; engines that only read or append need not). */
  delete?(id: string): Promise<void>;
}

/** The records run tracking and test intelligence read and write (migrations 0021 and 0022). */
export interface DeliveryRecords {
  ciRuns: Records<CiRun, NewCiRun>;
  webhookDeliveries: Records<WebhookDelivery, NewWebhookDelivery>;
  deploymentRecords: Records<DeploymentRecord, NewDeploymentRecord>;
  testReports: Records<TestReport, NewTestReport>;
  testCaseResults: Records<TestCaseResult, NewTestCaseResult>;
}

/** Every record matching `filter`, newest first, reading at most `limit` (pages of 100). */
export async function listAll<T>(
  records: Pick<Records<T, unknown>, 'list'>,
  filter: RecordFilter,
  limit = 10_000,
): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; out.length < limit; page++) {
    const found = await records.list(filter, { page, page_size: 100 });
    out.push(...found.items);
    if (page >= found.total_pages) break;
  }
  return out.slice(0, limit);
}
