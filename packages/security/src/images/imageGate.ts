import type { KubeObject, Plan } from '@opspilot/core';
import { containersOf, type KubeObj } from '@opspilot/manifests';
import { z } from 'zod';
import { SEVERITY_ORDER } from '../posture/securityFinding.js';
import type { ImageVulnerability } from './matchVulnerabilities.js';
import type { ImageScanReport } from './scannerReports.js';

/**
 * The seed-001 gate "images must pass security scanning": an image passes when its latest scan has no vulnerability
 * more severe than `max_severity` outside `allow` (advisory ids accepted as a risk, matched on id or alias).
 */
export const ImageGatePolicy = z.object({
  /** The most severe vulnerability tolerated; `none` tolerates none. */
  max_severity: z.enum(['none', 'low', 'medium', 'high', 'critical']).default('medium'),
  /** Advisory ids accepted (a CVE with a compensating control, a false positive). */
  allow: z.array(z.string().min(1).max(100)).max(500).default([]),
  /** Vulnerabilities without a released fix do not block (what `trivy --ignore-unfixed` does). */
  ignore_unfixed: z.boolean().default(false),
  /** An image with no scan at all blocks (otherwise it passes as NOT_SCANNED). */
  require_scan: z.boolean().default(false),
});
export type ImageGatePolicy = z.infer<typeof ImageGatePolicy>;

/** The verdict on one image. */
export interface ImageGateResult {
  image: string;
  status: 'PASS' | 'FAIL' | 'NOT_SCANNED';
  /** The vulnerabilities that block it. */
  blocking: ImageVulnerability[];
  /** Vulnerabilities tolerated by severity, the allow-list or `ignore_unfixed`. */
  tolerated: number;
  reason: string;
}

/** The gate over every image checked; `passed` is false when any image FAILs (or is NOT_SCANNED under require_scan). */
export interface ImageGateVerdict {
  passed: boolean;
  images: ImageGateResult[];
}

/** `nginx` and `docker.io/library/nginx:latest` are one image; a digest is kept. */
export function normalizeImage(ref: string): string {
  let image = ref.trim();
  if (!image.includes('@') && !/:[^/]+$/.test(image)) image = `${image}:latest`;
  const first = image.split('/')[0] ?? '';
  const hasRegistry = image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (!hasRegistry) image = image.includes('/') ? `docker.io/${image}` : `docker.io/library/${image}`;
  return image;
}

/** The scan report that describes `image`: same reference, or the digest the image is pinned to. */
export function reportFor(image: string, reports: readonly ImageScanReport[]): ImageScanReport | undefined {
  const wanted = normalizeImage(image);
  const digest = image.match(/sha256:[a-f0-9]{64}/)?.[0];
  return (
    reports.find((r) => normalizeImage(r.image) === wanted) ??
    (digest ? reports.find((r) => r.digests.includes(digest)) : undefined)
  );
}

/** Checks each image against its scan report under the policy. */
export function checkImageGate(
  policyInput: z.input<typeof ImageGatePolicy>,
  images: readonly string[],
  reports: readonly ImageScanReport[],
): ImageGateVerdict {
  const policy = ImageGatePolicy.parse(policyInput);
  const allowed = new Set(policy.allow.map((a) => a.toUpperCase()));
  const limit = policy.max_severity === 'none' ? SEVERITY_ORDER.length : SEVERITY_ORDER.indexOf(policy.max_severity);
  const results = [...new Set(images)].sort().map((image): ImageGateResult => {
    const report = reportFor(image, reports);
    if (!report) {
      return {
        image,
        status: 'NOT_SCANNED',
        blocking: [],
        tolerated: 0,
        reason: policy.require_scan ? 'no scan of this image (the gate requires one)' : 'no scan of this image',
      };
    }
    const blocking = report.vulnerabilities.filter(
      (v) =>
        SEVERITY_ORDER.indexOf(v.severity) < limit &&
        !allowed.has(v.id.toUpperCase()) &&
        !v.aliases.some((a) => allowed.has(a.toUpperCase())) &&
        !(policy.ignore_unfixed && !v.fixedVersion),
    );
    const worst = blocking.map((v) => v.severity).sort((a, b) => SEVERITY_ORDER.indexOf(a) - SEVERITY_ORDER.indexOf(b));
    return {
      image,
      status: blocking.length ? 'FAIL' : 'PASS',
      blocking,
      tolerated: report.vulnerabilities.length - blocking.length,
      reason: blocking.length
        ? `${blocking.length} vulnerabilit${blocking.length === 1 ? 'y' : 'ies'} above ${policy.max_severity} (worst ${worst[0]}: ${blocking
            .slice(0, 3)
            .map((v) => v.id)
            .join(', ')})`
        : `no vulnerability above ${policy.max_severity}`,
    };
  });
  return {
    passed: results.every((r) => r.status === 'PASS' || (r.status === 'NOT_SCANNED' && !policy.require_scan)),
    images: results,
  };
}

/** The container images of objects (workloads, pods, CronJobs), init containers included. */
export function imagesOfObjects(objects: readonly KubeObject[]): string[] {
  const out = new Set<string>();
  for (const obj of objects) {
    for (const { c } of containersOf(obj as unknown as KubeObj)) if (typeof c.image === 'string') out.add(c.image);
  }
  return [...out];
}

/** The images a plan sets: those of its apply steps' objects (a patch that changes an image names it). */
export function imagesOfPlan(plan: Pick<Plan, 'steps'>): string[] {
  return imagesOfObjects(plan.steps.flatMap((s) => (s.op === 'apply' ? [s.object as KubeObject] : [])));
}

/** One line per blocking image, for an operation's problems or a CI log. */
export function gateProblems(verdict: ImageGateVerdict, policy: z.input<typeof ImageGatePolicy>): string[] {
  const required = ImageGatePolicy.parse(policy).require_scan;
  return verdict.images
    .filter((r) => r.status === 'FAIL' || (r.status === 'NOT_SCANNED' && required))
    .map((r) => `image gate: ${r.image}: ${r.reason}`);
}
