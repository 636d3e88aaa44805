import { parseDockerfile } from '../docker/dockerDoc.js';
import { DOCKER_RULES } from '../rules/dockerRules.js';
import type { ResolvedSettings } from './ruleSettings.js';
import type { Finding } from './types.js';

/**
 * Runs every Dockerfile rule over one Dockerfile, honouring `# opspilot-ignore rule` comments (on the line above
 * an instruction) and `# opspilot-ignore-file rule` comments, and the settings.
 */
export function checkDockerfile(file: string, text: string, settings: ResolvedSettings): Finding[] {
  const doc = parseDockerfile(text);
  const findings: Finding[] = [];
  for (const rule of DOCKER_RULES) {
    if (doc.ignoredInFile.has(rule.id) || !settings.enabled(rule.id, file)) continue;
    for (const v of rule.check(doc, undefined)) {
      if (v.line !== undefined && doc.ignoredAt.get(v.line)?.has(rule.id)) continue;
      findings.push({ ...v, severity: settings.severity(rule.id, v.severity), file, category: rule.category });
    }
  }
  return findings;
}
