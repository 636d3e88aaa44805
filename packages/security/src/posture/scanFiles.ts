import type { KubeResource } from '@opspilot/manifests';
import type { PostureOptions } from './runPosture.js';
import { scanResources } from './scanResources.js';
import type { SecurityScan } from './securityScan.js';
import { fileResources } from './toResources.js';

/**
 * Scans manifest files with the same checks as a live cluster (the files' objects are the "cluster"); YAML that
 * cannot be read is named in `errors`.
 */
export function scanFiles(
  files: { path: string; text: string }[],
  options: PostureOptions & { startedAt: Date; id?: string },
): SecurityScan {
  const resources: KubeResource[] = [];
  const errors: string[] = [];
  for (const f of files) {
    const read = fileResources(f.path, f.text);
    resources.push(...read.resources);
    errors.push(...read.problems);
  }
  return scanResources(resources, { ...options, target: files.map((f) => f.path).join(', '), errors });
}
