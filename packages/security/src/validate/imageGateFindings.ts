import { containersOf, type Finding } from '@opspilot/manifests';
import type { z } from 'zod';
import { checkImageGate, type ImageGatePolicy } from '../images/imageGate.js';
import type { ImageScanReport } from '../images/scannerReports.js';
import { fileResources } from '../posture/toResources.js';

/** The rule id of the image gate's validation findings. */
export const IMAGE_GATE_RULE = 'image-gate';

/**
 * The seed-001 gate on manifest files ("images must pass security scanning"): one ERROR finding per container whose
 * image fails the gate against the scan reports given (Trivy, Grype, or an SBOM matched against OSV), located at its
 * `image` field; under `require_scan`, images with no report fail too.
 */
export function imageGateFindings(
  files: readonly { path: string; text: string }[],
  policy: z.input<typeof ImageGatePolicy>,
  reports: readonly ImageScanReport[],
): Finding[] {
  const findings: Finding[] = [];
  for (const f of files) {
    for (const r of fileResources(f.path, f.text).resources) {
      for (const { c, path } of containersOf(r.obj)) {
        if (typeof c.image !== 'string') continue;
        const verdict = checkImageGate(policy, [c.image], reports);
        const result = verdict.images[0];
        if (verdict.passed || !result) continue;
        const pos = r.doc.locate(`${path}.image`);
        findings.push({
          rule: IMAGE_GATE_RULE,
          severity: 'ERROR',
          message: `image ${c.image} fails the image gate: ${result.reason}`,
          fix:
            result.status === 'NOT_SCANNED'
              ? 'scan the image (trivy image -f json, grype -o json) and pass the report with --image-report'
              : `upgrade the packages (${result.blocking
                  .slice(0, 3)
                  .map((v) => `${v.package} ${v.installedVersion} → ${v.fixedVersion ?? 'no fix yet'}`)
                  .join('; ')}) or allow the advisories explicitly`,
          path: `${path}.image`,
          line: pos.line,
          column: pos.column,
          file: r.file,
          category: 'security',
          resource: r.ref,
        });
      }
    }
  }
  return findings;
}
