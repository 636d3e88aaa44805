import type { YamlDoc } from '../yaml/parseYamlFile.js';

/** A Kubernetes object read from YAML: loosely typed, because rules must cope with anything a user wrote. */
export interface KubeObj {
  apiVersion: string;
  kind: string;
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, unknown>;
    annotations?: Record<string, unknown>;
  };
  // biome-ignore lint/suspicious/noExplicitAny: manifests are user input; rules read them defensively
  spec?: any;
  // biome-ignore lint/suspicious/noExplicitAny: as above
  [key: string]: any;
}

/** One object of the input with where it came from. */
export interface KubeResource {
  file: string;
  doc: YamlDoc;
  obj: KubeObj;
  /** `Deployment/web` or `Deployment/shop/web`. */
  ref: string;
}

/** Whether a YAML value looks like a Kubernetes object (has string `apiVersion` and `kind`). */
export function isKubeObj(value: unknown): value is KubeObj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return typeof v.apiVersion === 'string' && typeof v.kind === 'string';
}

/** `Kind/name` or `Kind/namespace/name`. */
export function refOfObj(obj: KubeObj): string {
  const name = typeof obj.metadata?.name === 'string' ? obj.metadata.name : '(unnamed)';
  const ns = obj.metadata?.namespace;
  return typeof ns === 'string' && ns !== '' ? `${obj.kind}/${ns}/${name}` : `${obj.kind}/${name}`;
}
