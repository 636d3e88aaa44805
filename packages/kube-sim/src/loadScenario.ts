import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '@opspilot/core';
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import { StatusError } from './api/statusError.js';
import { Anomaly, isAnomalyDocument } from './behaviour/anomaly.js';
import type { AnomalySchedule } from './behaviour/anomalySchedule.js';
import { ImageDocument, imageRegistryOf } from './controllers/imageRegistry.js';
import { addGpuNodePool } from './gpu/addGpuNodePool.js';
import { GpuNodePool, isGpuNodePoolDocument } from './gpu/gpuNodePool.js';
import type { SimApi } from './server/simApi.js';
import { createObject } from './server/writeOperations.js';

const SCENARIO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'scenarios');

/**
 * The scenarios shipped with opspilot.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/object-management/
 */
export const BUILTIN_SCENARIOS = ['demo', 'broken', 'gpu', 'cost'] as const;

const Include = z.object({ include: z.string().min(1) }).strict();
const Document = z
  .object({
    apiVersion: z.string().min(1),
    kind: z.string().min(1),
    metadata: z.object({ name: z.string().min(1) }).loose(),
  })
  .loose();

function isImageDocument(value: unknown): boolean {
  const v = value as { apiVersion?: unknown; kind?: unknown };
  return v?.apiVersion === 'sim.opspilot.dev/v1' && v?.kind === 'Image';
}

/**
 * Where a scenario comes from: a built-in name or a YAML file path.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/object-management/
 */
export function scenarioPath(nameOrFile: string): string {
  if ((BUILTIN_SCENARIOS as readonly string[]).includes(nameOrFile)) return join(SCENARIO_DIR, `${nameOrFile}.yaml`);
  if (existsSync(nameOrFile)) return resolve(nameOrFile);
  throw new InputError(`no scenario "${nameOrFile}"`, {
    hint: `use one of ${BUILTIN_SCENARIOS.join(', ')} or the path of a YAML file`,
  });
}

/** Where a scenario's non-Kubernetes documents go. */
export interface ScenarioSinks {
  /** Receives the `sim.opspilot.dev/v1` Anomaly documents, scheduled from the moment of loading. */
  anomalies?: AnomalySchedule;
}

/**
 * Loads a scenario — multi-document YAML of Kubernetes objects, optionally starting with `include: <scenario>` —
 * into the cluster through the same admission path as API requests (validation, defaults). Documents of
 * `apiVersion: sim.opspilot.dev/v1, kind: Anomaly` schedule anomalies instead (refused when no schedule is given);
 * `kind: Image` documents declare image repositories and tags in the cluster's registry (see ImageDeclaration);
 * `kind: GpuNodePool` documents add GPU nodes (see GpuNodePool).
 * A bad document fails with an InputError naming the file, the document and the problem; the documents before it
 * stay created.
 * @example
 * await loadScenario(sim.api, 'broken');
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/object-management/
 */
export function loadScenario(
  api: SimApi,
  nameOrFile: string,
  sinks: ScenarioSinks = {},
  seen: Set<string> = new Set(),
): number {
  const file = scenarioPath(nameOrFile);
  if (seen.has(file)) throw new InputError(`scenario ${file} includes itself`, { hint: 'remove the circular include' });
  seen.add(file);
  const docs = parseAllDocuments(readFileSync(file, 'utf8'));
  let created = 0;
  docs.forEach((doc, index) => {
    const where = `${file}, document ${index + 1}`;
    if (doc.errors.length > 0)
      throw new InputError(`${where}: ${doc.errors[0]!.message}`, { hint: 'fix the YAML syntax' });
    const value = doc.toJS();
    if (value === null || value === undefined) return;
    const include = Include.safeParse(value);
    if (include.success) {
      created += loadScenario(api, include.data.include, sinks, seen);
      return;
    }
    if (isImageDocument(value)) {
      const image = ImageDocument.safeParse(value);
      if (!image.success) {
        const issue = image.error.issues[0]!;
        throw new InputError(`${where}: ${issue.path.join('.')} ${issue.message}`, {
          hint: 'an Image needs spec.repository and may list tags, missingTags and like (a catalogued repository)',
        });
      }
      try {
        imageRegistryOf(api.store).declare(image.data.spec);
      } catch (error) {
        if (error instanceof InputError) throw new InputError(`${where}: ${error.message}`, { hint: error.hint });
        throw error;
      }
      created++;
      return;
    }
    if (isGpuNodePoolDocument(value)) {
      const pool = GpuNodePool.safeParse(value);
      if (!pool.success) {
        const issue = pool.error.issues[0]!;
        throw new InputError(`${where}: ${issue.path.join('.')} ${issue.message}`, {
          hint: 'a GpuNodePool needs spec.product (a100-80gb, a100-40gb, h100-80gb, l4, t4) and may set nodes, gpusPerNode and seed',
        });
      }
      try {
        created += addGpuNodePool(api, pool.data);
      } catch (error) {
        if (error instanceof InputError) throw new InputError(`${where}: ${error.message}`, { hint: error.hint });
        throw error;
      }
      return;
    }
    if (isAnomalyDocument(value)) {
      const anomaly = Anomaly.safeParse(value);
      if (!anomaly.success) {
        const issue = anomaly.error.issues[0]!;
        throw new InputError(`${where}: ${issue.path.join('.')} ${issue.message}`, {
          hint: 'an Anomaly needs spec.type (cpu-spike, memory-leak, error-burst), spec.namespace and durations like 5m',
        });
      }
      if (!sinks.anomalies)
        throw new InputError(`${where}: anomalies need a running behaviour model`, {
          hint: 'load the scenario through startSimCluster({ scenario }) or `opspilot sim serve --scenario`',
        });
      sinks.anomalies.add(anomaly.data, api.now());
      created++;
      return;
    }
    const parsed = Document.safeParse(value);
    if (!parsed.success) {
      throw new InputError(`${where}: ${parsed.error.issues[0]!.path.join('.')} ${parsed.error.issues[0]!.message}`, {
        hint: 'each document needs apiVersion, kind and metadata.name (or is `include: <scenario>`)',
      });
    }
    const type = api.registry.byKind(parsed.data.apiVersion, parsed.data.kind);
    if (!type)
      throw new InputError(
        `${where}: the simulated cluster does not serve ${parsed.data.kind} in ${parsed.data.apiVersion}`,
        { hint: 'check apiVersion and kind' },
      );
    try {
      createObject(api.write, type, value, (value as { metadata: { namespace?: string } }).metadata.namespace, false);
      created++;
    } catch (error) {
      if (error instanceof StatusError)
        throw new InputError(`${where}: ${error.message}`, {
          hint: 'fix the object in the scenario file',
          cause: error,
        });
      throw error;
    }
  });
  return created;
}
