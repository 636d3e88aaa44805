import type { DescriptionIssue, ProjectSummary } from '@opspilot/manifests';
import type { StoredRecords } from './generateRecords.js';
import type { StoredConfig } from './reviewWorkflow.js';

/** What `opspilot generate` prints (`-o json` shows exactly this). */
export interface GenerateResult {
  what: string;
  request: string;
  files: (StoredConfig & { content?: string })[];
  issues: DescriptionIssue[];
  /** Ids of the seed-001 records: Docker Images, the Helm Chart, Kubernetes Resources. */
  records: StoredRecords;
  validation: { valid: boolean; errors: number; warnings: number; infos: number };
  findings: { file: string; rule: string; severity: string; message: string; line?: number }[];
  /** The project and the services generated for (all found, or those chosen). */
  project?: ProjectSummary;
  /** The validation of the project's own Dockerfiles (used as they are; reported, not stored). */
  own_dockerfiles?: {
    files: string[];
    valid: boolean;
    errors: number;
    warnings: number;
    findings: { file: string; rule: string; severity: string; message: string; line?: number }[];
  };
  written_to?: string;
}

/**
 * The text output of `opspilot generate`: each file's content (a `# file:` header when there are several), then
 * the project, validation summary, findings, description issues and stored configuration ids as `#` comments, so
 * the output of a single manifest or Dockerfile stays valid YAML / Dockerfile when redirected to a file.
 */
export function renderGenerateText(r: GenerateResult): string {
  const out: string[] = [];
  for (const file of r.files) {
    if (file.content === undefined) continue;
    if (r.files.length > 1) out.push(`# file: ${file.path}`);
    out.push(file.content.trimEnd());
  }
  const notes: string[] = [];
  if (r.written_to) notes.push(`wrote ${r.files.length} file(s) to ${r.written_to}`);
  if (r.project) {
    for (const app of r.project.apps) {
      notes.push(
        `app ${app.name} (${app.path || '.'}): ${app.framework} (${app.stack}${app.runtime_version ? ` ${app.runtime_version}` : ''}, ${app.package_manager}), port ${app.port}, ${app.probe === 'http' ? `health ${app.health_path}${app.probe_port ? ` on port ${app.probe_port}` : ''}` : app.probe === 'grpc' ? 'gRPC health service' : 'TCP probe (no health endpoint found)'}${app.dockerfile ? `, own ${app.dockerfile}` : ''}`,
        ...(app.env.length > 0 ? [`  reads ${app.env.join(', ')}`] : []),
        ...(app.notes ?? []).map((n) => `  note: ${n}`),
      );
    }
    for (const n of r.project.notes ?? []) notes.push(`note: ${n}`);
    if (r.project.apps.length > 1)
      notes.push(`${r.project.apps.length} services; choose with --service NAME (repeat or comma-separate)`);
  }
  if (r.own_dockerfiles) {
    const o = r.own_dockerfiles;
    notes.push(
      `own Dockerfiles (used, not generated): ${o.files.join(', ')} — ${o.valid ? 'valid' : 'INVALID'}, ${o.errors} error(s), ${o.warnings} warning(s)`,
    );
    for (const f of o.findings.filter((x) => x.severity !== 'INFO')) {
      notes.push(`  ${f.severity} ${f.file}${f.line ? `:${f.line}` : ''} [${f.rule}] ${f.message}`);
    }
  }
  const v = r.validation;
  notes.push(
    `validation: ${v.valid ? 'valid' : 'INVALID'} — ${v.errors} error(s), ${v.warnings} warning(s), ${v.infos} info(s)`,
  );
  for (const f of r.findings.filter((x) => x.severity !== 'INFO')) {
    notes.push(`  ${f.severity} ${f.file}${f.line ? `:${f.line}` : ''} [${f.rule}] ${f.message}`);
  }
  for (const issue of r.issues) notes.push(`issue: "${issue.text}" — ${issue.reason}`);
  for (const file of r.files) notes.push(`stored ${file.id} ${file.state} ${file.path}`);
  if (r.records.revision > 1) notes.push(`revision ${r.records.revision}: the earlier revisions are kept`);
  if (r.records.helm_chart) notes.push(`recorded Helm chart ${r.records.helm_chart}`);
  if (r.records.docker_images.length) notes.push(`recorded ${r.records.docker_images.length} Docker image(s)`);
  if (r.records.kubernetes_resources.length) {
    notes.push(`recorded ${r.records.kubernetes_resources.length} Kubernetes resource(s)`);
  }
  const pending = r.files.filter((f) => f.state === 'NEEDS_REVIEW');
  if (pending.length > 0) notes.push(`review with: opspilot review show ${pending[0]!.id}`);
  return `${[...out, ...notes.map((n) => `# ${n}`)].join('\n')}\n`;
}
