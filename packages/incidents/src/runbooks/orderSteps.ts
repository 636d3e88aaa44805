/** A step as ordering sees it: its id and what it runs after (the previous step when missing). */
export interface Orderable {
  id: string;
  after?: string[];
}

/**
 * The execution order of steps: each after the steps it names (or the one before it), in listed order among those
 * ready together; or the cycle that makes an order impossible.
 */
export function orderSteps(steps: readonly Orderable[]): { order: string[] } | { cycle: string[] } {
  const deps = new Map(steps.map((s, i) => [s.id, s.after ?? (i > 0 ? [steps[i - 1]?.id as string] : [])]));
  const done = new Set<string>();
  const order: string[] = [];
  while (order.length < steps.length) {
    const ready = steps.find((s) => !done.has(s.id) && (deps.get(s.id) ?? []).every((d) => done.has(d)));
    if (!ready) return { cycle: findCycle(deps, done) };
    done.add(ready.id);
    order.push(ready.id);
  }
  return { order };
}

function findCycle(deps: Map<string, string[]>, done: Set<string>): string[] {
  const start = [...deps.keys()].find((k) => !done.has(k)) as string;
  const path: string[] = [];
  let current = start;
  while (!path.includes(current)) {
    path.push(current);
    current = (deps.get(current) ?? []).find((d) => !done.has(d)) as string;
  }
  return [...path.slice(path.indexOf(current)), current];
}
