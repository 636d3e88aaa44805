import type { ClusterGateway, KubeObject, ObjectRef } from '@opspilot/core';

const kindName = (kind: string) => kind.split('/').at(-1)!.toLowerCase();

/**
 * The cluster as the planner sees it once the user answered "Which one did you mean?": a list of a chosen object's
 * kind holds only the chosen objects, so the original request resolves to them and nothing else — the request text is
 * never rewritten. Every other call goes to `gateway` unchanged.
 */
export function narrowToChoices(gateway: ClusterGateway, choices: readonly ObjectRef[]): ClusterGateway {
  if (choices.length === 0) return gateway;
  const narrowed: ClusterGateway = Object.create(gateway);
  narrowed.list = async (kind, options) => {
    const items: KubeObject[] = await gateway.list(kind, options);
    const picks = choices.filter((c) => kindName(c.kind) === kindName(kind));
    if (picks.length === 0) return items;
    return items.filter((o) =>
      picks.some((c) => c.name === o.metadata.name && (c.namespace ?? '') === (o.metadata.namespace ?? '')),
    );
  };
  return narrowed;
}
