import { COUNT, parseCount } from '../numbers.js';
import { parseTarget } from '../parseTarget.js';
import { dataValues } from './dataValues.js';
import type { Matcher } from './matcher.js';

const NAME = String.raw`(?:called\s+|named\s+)?['"]?([a-z0-9][a-z0-9.-]*)['"]?`;
const CREATE = String.raw`^(?:create|make|add|set\s+up|new)\s+(?:a\s+|an\s+)?(?:new\s+)?`;

function details(rest: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const image = rest.match(/(?:with|using|from|running|of)\s+(?:the\s+)?(?:image\s+)?([\w.\-/]+(?::[\w.-]+)?)/i);
  if (image?.[1] && !/^(replicas?|port|\d+)$/i.test(image[1])) out.image = image[1];
  const replicas = rest.match(new RegExp(String.raw`${COUNT}\s+(?:replicas?|instances?|copies|pods)`, 'i'));
  if (replicas) out.replicas = parseCount(replicas[1]);
  const port = rest.match(/\bport\s+(\d+)/i);
  if (port) out.port = Number(port[1]);
  return out;
}

/** Creation from a description: namespaces, deployments, pods, ConfigMaps, Secrets and HPAs. */
export const createMatcher: Matcher = (text, { namespace }) => {
  const ns = namespace ? { namespace } : {};
  let m = text.match(new RegExp(`${CREATE}namespace\\s+${NAME}$`, 'i'));
  if (m?.[1]) return { action: 'create', kind: 'Namespace', name: m[1].toLowerCase() };
  m = text.match(new RegExp(`${CREATE}(deployment|pod)\\s+${NAME}(.*)$`, 'i'));
  if (m?.[1] && m[2]) {
    const kind = m[1].toLowerCase() === 'pod' ? 'Pod' : 'Deployment';
    return { action: 'create', kind, name: m[2].toLowerCase(), ...ns, ...details(m[3] ?? '') };
  }
  m = text.match(
    /^(?:run|start|launch|deploy)\s+(?:a\s+)?(?:pod|container)\s+(?:called\s+|named\s+)?([a-z0-9][a-z0-9.-]*)\s+(.*)$/i,
  );
  if (m?.[1]) return { action: 'create', kind: 'Pod', name: m[1].toLowerCase(), ...ns, ...details(m[2] ?? '') };
  m = text.match(
    /^(?:deploy|run|launch)\s+(?:image\s+)?([\w.\-/]+:[\w.-]+|[\w.\-/]+)\s+as\s+(?:a\s+deployment\s+)?(?:called\s+|named\s+)?([a-z0-9][a-z0-9.-]*)(.*)$/i,
  );
  if (m?.[1] && m[2]) {
    return {
      action: 'create',
      kind: 'Deployment',
      name: m[2].toLowerCase(),
      ...ns,
      ...details(m[3] ?? ''),
      image: m[1],
    };
  }
  m = text.match(new RegExp(`${CREATE}(config\\s*map|configmap|secret)\\s+${NAME}(.*)$`, 'i'));
  if (m?.[1] && m[2]) {
    const kind = /secret/i.test(m[1]) ? 'Secret' : 'ConfigMap';
    const name = m[2].toLowerCase();
    return { action: 'create', kind, name, ...ns, data: dataValues(kind, name, m[3] ?? '') };
  }
  m = text.match(
    new RegExp(
      String.raw`^(?:(?:create|add|set\s+up)\s+(?:an?\s+)?(?:hpa|autoscaler|horizontal\s+pod\s+autoscaler)\s+(?:for|on)|autoscale)\s+(.+?)\s+(?:from|between|with\s+min(?:imum)?)\s+${COUNT}\s+(?:and|to|-|max(?:imum)?)\s+${COUNT}(?:\s+(?:replicas|pods))?(?:\s+(?:at|on|targeting|when\s+cpu\s+(?:is\s+)?(?:above|over))\s+(\d+)\s*%(?:\s+cpu(?:\s+utili[sz]ation)?)?)?$`,
      'i',
    ),
  );
  if (m?.[1]) {
    const target = parseTarget(m[1], namespace);
    if (!target) return undefined;
    return {
      action: 'create',
      kind: 'HorizontalPodAutoscaler',
      name: target.name,
      ...ns,
      target,
      minReplicas: parseCount(m[2]),
      maxReplicas: parseCount(m[3]),
      cpuPercent: m[4] ? Number(m[4]) : 80,
    };
  }
  return undefined;
};

/** Services for a workload: `expose backend on port 80`, `expose frontend port 80 to 3000 as a NodePort`. */
export const exposeMatcher: Matcher = (text, { namespace }) => {
  const m =
    text.match(/^expose\s+(.+?)\s+(?:on|at|via|with|using)?\s*(?:port\s+(\d+).*)$/i) ??
    text.match(
      /^(?:create|add|make)\s+(?:a\s+)?(?:nodeport\s+|loadbalancer\s+|clusterip\s+)?service\s+(?:for|to\s+expose|in\s+front\s+of)\s+(.+?)\s+(?:on|at)\s+port\s+(\d+).*$/i,
    );
  if (!m?.[1] || !m[2]) return undefined;
  const target = parseTarget(
    m[1].replace(/\s+as\s+(?:a\s+)?(nodeport|loadbalancer|clusterip)(\s+service)?$/i, ''),
    namespace,
  );
  if (!target) return undefined;
  const targetPort = text.match(/(?:to|targeting|->|target\s*port)\s+(?:target\s*port\s+|port\s+)?(\d+)\b/i);
  const type = text
    .match(/\b(nodeport|loadbalancer|load\s+balancer|clusterip)\b/i)?.[1]
    ?.toLowerCase()
    .replace(/\s+/g, '');
  const types: Record<string, string> = { nodeport: 'NodePort', loadbalancer: 'LoadBalancer', clusterip: 'ClusterIP' };
  return {
    action: 'expose',
    target,
    port: Number(m[2]),
    ...(targetPort ? { targetPort: Number(targetPort[1]) } : {}),
    type: (type && types[type]) ?? 'ClusterIP',
  };
};

/** Deletion: `delete pod backend-7d9f`, `remove the frontend deployment`, `delete namespace staging`. */
export const deleteMatcher: Matcher = (text, { namespace }) => {
  const m = text.match(/^(?:delete|remove|destroy|kill|drop|get\s+rid\s+of|tear\s+down|nuke)\s+(?:the\s+)?(.+)$/i);
  const target = m?.[1] ? parseTarget(m[1], namespace) : undefined;
  if (!target) return undefined;
  if (target.kind === 'Namespace') return { action: 'delete', target: { kind: 'Namespace', name: target.name } };
  return { action: 'delete', target };
};

/** Node maintenance: `cordon sim-worker-1`, `drain node sim-worker-2`, `uncordon sim-worker-1`, `mark X unschedulable`. */
export const nodeMatcher: Matcher = (text) => {
  let m = text.match(
    /^(cordon|uncordon|drain|evacuate)\s+(?:the\s+)?(?:node\s+)?(.+?)(?:\s+node)?(?:\s+for\s+maintenance)?$/i,
  );
  let op = m?.[1]?.toLowerCase();
  let phrase = m?.[2];
  if (!m) {
    m = text.match(
      /^(?:mark|make|set)\s+(?:the\s+)?(?:node\s+)?(.+?)\s+(?:as\s+)?(unschedulable|schedulable)(?:\s+again)?$/i,
    );
    op = m?.[2]?.toLowerCase() === 'unschedulable' ? 'cordon' : 'uncordon';
    phrase = m?.[1];
  }
  if (!phrase || !op) return undefined;
  const target = parseTarget(phrase);
  if (!target) return undefined;
  return { action: 'node', op: op === 'evacuate' ? 'drain' : op, target: { kind: 'Node', name: target.name } };
};
