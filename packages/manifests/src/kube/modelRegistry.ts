import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { installLeanModelValidation } from './leanModelValidation.js';

/** A kubernetes-models class: construct it over an object and call `validate()` (throws on a schema error). */
export interface ModelClass {
  apiVersion: string;
  kind: string;
  new (data: unknown): { validate(): void };
}

const requireModel = createRequire(import.meta.url);
/**
 * The folder of the compiled CLI's bundled kind schemas (one file per kind, see scripts/build.mjs), as a file URL;
 * defined by the build's banner, absent when running from source (then each kind loads from node_modules).
 */
declare const __opspilotModels: string | undefined;
const bundledModels = typeof __opspilotModels === 'string' ? __opspilotModels : undefined;

/** The exports of one kind's module: its bundled file in the compiled CLI when there is one, else `file`. */
function requireKind(apiVersion: string, kind: string, file: string): Record<string, unknown> {
  if (bundledModels) {
    const bundled = fileURLToPath(new URL(`${apiVersion.replaceAll('/', '_')}_${kind}.cjs`, bundledModels));
    try {
      return requireModel(bundled) as Record<string, unknown>;
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND';
      if (!missing || !String((error as Error).message).includes(bundled)) throw error;
    }
  }
  return requireModel(file) as Record<string, unknown>;
}
/** `v1`, `apps/v1`, `networking.k8s.io/v1beta1`: the shape of every apiVersion kubernetes-models has a folder for. */
const API_VERSION = /^(?:[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?\/)?v[0-9]+(?:(?:alpha|beta)[0-9]+)?$/;
const KIND = /^[A-Z][A-Za-z0-9]*$/;
const cache = new Map<string, ModelClass | undefined>();

/**
 * The class of one kind, loaded from its own module (`kubernetes-models/apps/v1/Deployment`) with only the schemas
 * it needs, rather than all of kubernetes-models (1,800 modules), which cost every validation ~0.3 s.
 */
function loadModel(apiVersion: string, kind: string): ModelClass | undefined {
  if (!API_VERSION.test(apiVersion) || !KIND.test(kind)) return undefined;
  let exports: Record<string, unknown>;
  try {
    const file = requireModel.resolve(`kubernetes-models/${apiVersion}/${kind}`);
    installLeanModelValidation(requireModel.cache, file);
    exports = requireKind(apiVersion, kind, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'MODULE_NOT_FOUND' || code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') return undefined;
    throw error;
  }
  const c = exports[kind];
  if (typeof c !== 'function') return undefined;
  const model = c as unknown as ModelClass;
  return model.apiVersion === apiVersion && model.kind === kind ? model : undefined;
}

/** The kubernetes-models class of `apiVersion` + `kind` (built-in APIs only), or undefined for others (CRDs). */
export function modelFor(apiVersion: string, kind: string): ModelClass | undefined {
  const key = `${apiVersion}/${kind}`;
  if (!cache.has(key)) cache.set(key, loadModel(apiVersion, kind));
  return cache.get(key);
}
