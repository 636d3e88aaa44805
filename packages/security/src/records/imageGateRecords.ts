import type { Plan, SecurityScan as SecurityScanRow, Vulnerability } from '@opspilot/core';
import { checkImageGate, gateProblems, ImageGatePolicy, imagesOfPlan, normalizeImage } from '../images/imageGate.js';
import type { ImageScanReport } from '../images/scannerReports.js';
import { imageReportFromRows } from './vulnerabilityRecords.js';

type Page = { page?: number; page_size?: number };
type Listed<T> = Promise<{ items: T[]; total_pages: number }>;

/** A gate policy row (the store's `securityGates`): its kind, scope and settings. */
export interface StoredGateRow {
  kind: 'IMAGE' | 'SECRET_MAX_AGE';
  scope: string;
  settings: Record<string, unknown>;
  enabled: boolean;
}

/**
 * Where the image gate reads from: the store's `securityGates`, `securityScans` and `vulnerabilities` repositories
 * (the server's store and the CLI's are the same kind).
 */
export interface ImageGateRecords {
  securityGates: { list(filter: { kind: string; scope: string }, page: Page): Listed<StoredGateRow> };
  securityScans: { list(filter: { scan_type: 'CONTAINER'; target: string }, page: Page): Listed<SecurityScanRow> };
  vulnerabilities: { list(filter: { scan_id: string }, page: Page): Listed<Vulnerability> };
}

/** The stored gate of a kind for a cluster: the cluster's own, else the one for every cluster (`all`). */
export async function storedGate<R extends StoredGateRow>(
  records: { securityGates: { list(filter: { kind: string; scope: string }, page: Page): Listed<R> } },
  kind: StoredGateRow['kind'],
  clusterId?: string,
): Promise<R | undefined> {
  for (const scope of clusterId ? [clusterId, 'all'] : ['all']) {
    const [row] = (await records.securityGates.list({ kind, scope }, { page_size: 1 })).items;
    if (row) return row;
  }
  return undefined;
}

/** The image gate in force for a cluster, or undefined when none is set or it is disabled. */
export async function imageGateOf(records: ImageGateRecords, clusterId?: string): Promise<ImageGatePolicy | undefined> {
  const row = await storedGate(records, 'IMAGE', clusterId);
  return row?.enabled ? ImageGatePolicy.parse(row.settings) : undefined;
}

/** The latest stored scan of each image (as reported, or normalised), read back for the gate. */
export async function latestImageReports(
  records: ImageGateRecords,
  images: readonly string[],
): Promise<ImageScanReport[]> {
  const out: ImageScanReport[] = [];
  for (const image of new Set(images)) {
    for (const target of new Set([image, normalizeImage(image)])) {
      const [scan] = (await records.securityScans.list({ scan_type: 'CONTAINER', target }, { page_size: 1 })).items;
      if (!scan) continue;
      const rows: Vulnerability[] = [];
      for (let page = 1; ; page++) {
        const found = await records.vulnerabilities.list({ scan_id: scan.id }, { page, page_size: 100 });
        rows.push(...found.items);
        if (page >= found.total_pages) break;
      }
      out.push(imageReportFromRows(scan, rows));
      break;
    }
  }
  return out;
}

/**
 * The seed-001 gate on a plan that changes images: each image the plan sets is checked against its latest stored
 * scan under the cluster's image gate (else the gate for every cluster). Returns the images and the problems that make
 * the operation INVALID; no gate, or a plan that sets no image, has none. The server and the CLI both give this to
 * the operation lifecycle as `planGate`.
 */
export async function planImageGateProblems(
  records: ImageGateRecords,
  clusterId: string | undefined,
  plan: Pick<Plan, 'steps'>,
): Promise<{ images: string[]; problems: string[] }> {
  const images = imagesOfPlan(plan);
  if (images.length === 0) return { images, problems: [] };
  const policy = await imageGateOf(records, clusterId);
  if (!policy) return { images, problems: [] };
  const verdict = checkImageGate(policy, images, await latestImageReports(records, images));
  return { images, problems: gateProblems(verdict, policy) };
}
