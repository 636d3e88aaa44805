import { err, InputError, ok, type Result } from '@opspilot/core';
import type { z } from 'zod';
import type { DescriptionField, DescriptionIssue, ParsedDescription } from '../description/descriptionFields.js';
import { parseDescription } from '../description/parseDescription.js';
import { type GeneratedFile, toYamlDocuments } from '../generatedFile.js';
import {
  CronJobSpec,
  DataSpec,
  DeploymentSpec,
  HpaSpec,
  IngressSpec,
  type ManifestKind,
  NetworkPolicySpec,
  PdbSpec,
  ServiceSpec,
  WorkloadSpec,
} from './manifestSpecs.js';
import { ingressManifest, networkPolicyManifest, serviceManifest } from './networkManifests.js';
import { configMapManifest, hpaManifest, pdbManifest, secretManifest } from './scalingManifests.js';
import { isSecretLike, secretNameFor } from './secretEnv.js';
import { cronJobManifest, deploymentManifest, jobManifest, type Manifest } from './workloadManifests.js';

/** What `generate <kind> "<description>"` produced. */
export interface ManifestGeneration {
  kind: ManifestKind;
  /** The validated spec the manifest was built from (defaults filled in). */
  spec: Record<string, unknown>;
  manifests: Manifest[];
  /** One YAML file, `k8s/<name>-<kind>.yaml` (a Deployment of 2+ replicas with its PodDisruptionBudget). */
  files: GeneratedFile[];
  /** Words not understood, settings the kind does not use, values deliberately not written. */
  issues: DescriptionIssue[];
}

const BASE: DescriptionField[] = ['name', 'namespace', 'partOf', 'component'];
const WORKLOAD: DescriptionField[] = [...BASE, 'image', 'port', 'cpu', 'memory', 'env', 'healthPath', 'command'];

interface KindRecipe {
  schema: z.ZodType<Record<string, unknown>>;
  fields: DescriptionField[];
  build(spec: never, cpuGiven: boolean): Manifest;
  /** Words naming the kind, skipped at the start of a description. */
  words: string[];
}

const RECIPES: Record<ManifestKind, KindRecipe> = {
  deployment: {
    schema: DeploymentSpec,
    fields: [...WORKLOAD, 'replicas'],
    build: deploymentManifest,
    words: ['deployment', 'deploy'],
  },
  job: { schema: WorkloadSpec, fields: WORKLOAD, build: jobManifest, words: ['job'] },
  cronjob: {
    schema: CronJobSpec,
    fields: [...WORKLOAD, 'schedule'],
    build: cronJobManifest,
    words: ['cronjob', 'cron-job'],
  },
  service: {
    schema: ServiceSpec,
    fields: [...BASE, 'target', 'port', 'targetPort', 'serviceType'],
    build: serviceManifest,
    words: ['service', 'svc'],
  },
  ingress: {
    schema: IngressSpec,
    fields: [...BASE, 'host', 'path', 'target', 'port', 'tls', 'tlsSecret', 'ingressClass'],
    build: ingressManifest,
    words: ['ingress'],
  },
  configmap: {
    schema: DataSpec,
    fields: [...BASE, 'env'],
    build: configMapManifest,
    words: ['configmap', 'config-map', 'config'],
  },
  secret: { schema: DataSpec, fields: [...BASE, 'env'], build: secretManifest, words: ['secret'] },
  hpa: {
    schema: HpaSpec,
    fields: [...BASE, 'target', 'minReplicas', 'maxReplicas', 'targetCpuPercent', 'targetMemoryPercent'],
    build: hpaManifest,
    words: ['hpa', 'autoscaler', 'horizontalpodautoscaler'],
  },
  pdb: {
    schema: PdbSpec,
    fields: [...BASE, 'target', 'minAvailable', 'maxUnavailable'],
    build: pdbManifest,
    words: ['pdb', 'poddisruptionbudget'],
  },
  networkpolicy: {
    schema: NetworkPolicySpec,
    fields: [...BASE, 'target', 'allowFrom', 'denyAll', 'port'],
    build: networkPolicyManifest,
    words: ['networkpolicy', 'netpol', 'network-policy'],
  },
};

function unusedFields(parsed: ParsedDescription, kind: ManifestKind): DescriptionIssue[] {
  const allowed = new Set(RECIPES[kind].fields);
  const reported = new Set<string>();
  const issues: DescriptionIssue[] = [];
  for (const [field, text] of Object.entries(parsed.sources) as [DescriptionField, string][]) {
    if (allowed.has(field) || reported.has(text)) continue;
    reported.add(text);
    issues.push({ text, reason: `${field} does not apply to a ${kind}; it was not used` });
  }
  return issues;
}

function secretValueIssues(
  kind: ManifestKind,
  name: string,
  env: Record<string, string> | undefined,
): DescriptionIssue[] {
  if (!env || !['secret', 'deployment', 'job', 'cronjob'].includes(kind)) return [];
  return Object.entries(env)
    .filter(([key, value]) => value !== '' && (kind === 'secret' || isSecretLike(key)))
    .map(([key]) => ({
      text: `${key}=…`,
      reason:
        kind === 'secret'
          ? `the value of ${key} was not written: set it with kubectl create secret or a secret store`
          : `${key} looks like a credential: its value was not written, the container reads it from Secret ${secretNameFor(name)} (create it with: opspilot generate secret "${secretNameFor(name)} keys ${key}")`,
    }));
}

/**
 * Builds one manifest from a plain-English description: parses it ({@link parseDescription}), shapes it into the
 * kind's zod spec (defaults filled in), and renders the object with secure, reliable defaults. A description that
 * cannot make a valid spec (no name, no pinned image, min above max …) is an InputError whose hint names the fix;
 * words that were not understood or not used are returned as `issues`.
 * @example
 * const r = generateManifest('deployment', 'api image ghcr.io/acme/api:1.4 3 replicas port 8080 512Mi');
 * if (r.ok) console.log(r.value.files[0].content);
 */
export function generateManifest(kind: ManifestKind, description: string): Result<ManifestGeneration, InputError> {
  const recipe = RECIPES[kind];
  const parsed = parseDescription(description, recipe.words);
  const checked = recipe.schema.safeParse(parsed.fields);
  if (!checked.success) {
    const problems = checked.error.issues.map((i) => `${i.path.join('.') || 'description'}: ${i.message}`);
    return err(
      new InputError(`cannot generate a ${kind} from "${description}": ${problems.join('; ')}`, {
        hint: hintFor(kind, checked.error.issues[0]?.path[0]),
        details: { problems, unparsed: parsed.unparsed },
      }),
    );
  }
  const spec = checked.data;
  const manifest = recipe.build(spec as never, parsed.fields.cpu !== undefined);
  const manifests = kind === 'deployment' ? [manifest, ...companionPdb(spec as DeploymentSpec)] : [manifest];
  const name = String(spec.name);
  return ok({
    kind,
    spec,
    manifests,
    files: [{ path: `k8s/${name}-${kind}.yaml`, content: toYamlDocuments(manifests), resourceType: manifest.kind }],
    issues: [...parsed.unparsed, ...unusedFields(parsed, kind), ...secretValueIssues(kind, name, parsed.fields.env)],
  });
}

/**
 * Builds one manifest of `kind` from fields already known (no description to parse) with the same templates and
 * defaults as {@link generateManifest}: for callers that understood a request themselves (the planner of
 * `@opspilot/ai`) and want the generator's objects rather than their own copy of them. Invalid fields (an unpinned
 * image, a bad name) are an InputError naming them.
 * @example
 * const r = manifestFromFields('deployment', { name: 'web', namespace: 'dev', image: 'nginx:1.27', replicas: 2 });
 */
export function manifestFromFields(kind: ManifestKind, fields: Record<string, unknown>): Result<Manifest, InputError> {
  const recipe = RECIPES[kind];
  const checked = recipe.schema.safeParse(fields);
  if (!checked.success) {
    const problems = checked.error.issues.map((i) => `${i.path.join('.') || 'fields'}: ${i.message}`);
    return err(
      new InputError(`cannot build a ${kind}: ${problems.join('; ')}`, {
        hint: hintFor(kind, checked.error.issues[0]?.path[0]),
        details: { problems },
      }),
    );
  }
  return ok(recipe.build(checked.data as never, fields.cpu !== undefined));
}

/** A Deployment of two or more replicas comes with a PodDisruptionBudget keeping one of them up during drains. */
function companionPdb(spec: DeploymentSpec): Manifest[] {
  if (spec.replicas < 2) return [];
  return [
    pdbManifest({
      name: spec.name,
      namespace: spec.namespace,
      partOf: spec.partOf,
      component: spec.component,
      minAvailable: 1,
    }),
  ];
}

function hintFor(kind: ManifestKind, field: PropertyKey | undefined): string {
  switch (field) {
    case 'name':
      return `start the description with a name in lowercase letters, digits and '-', e.g. "${kind === 'cronjob' ? 'nightly-report' : 'api'} …"`;
    case 'image':
      return 'add a pinned image, e.g. "image ghcr.io/acme/api:1.4"';
    case 'schedule':
      return 'add a schedule, e.g. "every 5 minutes", "daily at 03:00" or schedule "*/5 * * * *"';
    case 'maxReplicas':
      return 'give a max at least as large as the min, e.g. "min 2 max 10"';
    default:
      return `see opspilot generate ${kind} --help for the words understood`;
  }
}
