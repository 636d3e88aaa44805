import * as models from 'kubernetes-models';

/** A kubernetes-models class: construct it over an object and call `validate()` (throws on a schema error). */
export interface ModelClass {
  apiVersion: string;
  kind: string;
  new (data: unknown): { validate(): void };
}

let registry: Map<string, ModelClass> | undefined;

/** The kubernetes-models class of `apiVersion` + `kind` (built-in APIs only), or undefined for others (CRDs). */
export function modelFor(apiVersion: string, kind: string): ModelClass | undefined {
  if (!registry) {
    const found = new Map<string, ModelClass>();
    // The core group exports classes directly (`v1.Pod`); named groups nest a level (`apps.v1.Deployment`).
    const visit = (value: unknown, depth: number): void => {
      const c = value as Partial<ModelClass>;
      if (typeof value === 'function') {
        if (typeof c.apiVersion === 'string' && typeof c.kind === 'string')
          found.set(`${c.apiVersion}/${c.kind}`, c as ModelClass);
        return;
      }
      if (depth < 3 && typeof value === 'object' && value !== null) {
        for (const child of Object.values(value)) visit(child, depth + 1);
      }
    };
    visit(models, 0);
    registry = found;
  }
  return registry.get(`${apiVersion}/${kind}`);
}
