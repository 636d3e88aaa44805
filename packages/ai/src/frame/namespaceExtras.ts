import type { PlanStep } from '@opspilot/core';
import { create, meta } from './createStep.js';
import type { Frame } from './frame.js';

/** The quota and default-deny policy a namespace description asks for. */
export function namespaceExtras(frame: Frame, namespace: string): PlanStep[] {
  const q = frame.quantities;
  const list: PlanStep[] = [];
  const hard: Record<string, string> = {};
  const pods = frame.text.match(/\b(\d+)\s+pods\b|\bpods?\s*(?:=|:|of|to|at)?\s*(\d+)\b/i);
  if (pods && /\bquota|\blimit|\bmax|\bat\s+most|\bcap/i.test(frame.text)) hard.pods = pods[1] ?? pods[2] ?? '';
  if (/\bquota|\blimit|\bmax|\bcap/i.test(frame.text)) {
    for (const r of ['cpu', 'memory'] as const) {
      if (q.requests[r]) hard[`requests.${r}`] = q.requests[r] as string;
      if (q.limits[r]) hard[`limits.${r}`] = q.limits[r] as string;
    }
  }
  if (Object.keys(hard).length) {
    list.push(
      create({
        apiVersion: 'v1',
        kind: 'ResourceQuota',
        metadata: meta(`${namespace}-quota`, namespace),
        spec: { hard },
      }),
    );
  }
  if (
    /\bdefault[- ]deny\b|\bden(?:y|ies|ying|ied)\s+(?:all|everything|by\s+default)\b|\bdenied\b|\bdeny-all\b|\bisolat\w+\b|\block(?:ed)?\s+down\b|\bblock\w*\s+all\b/i.test(
      frame.text,
    )
  ) {
    const egress = /\begress\b|\ball\s+traffic\b|\bboth\s+directions\b|\bin\s+and\s+out\b/i.test(frame.text);
    list.push(
      create(
        {
          apiVersion: 'networking.k8s.io/v1',
          kind: 'NetworkPolicy',
          metadata: meta('default-deny', namespace),
          spec: { podSelector: {}, policyTypes: egress ? ['Ingress', 'Egress'] : ['Ingress'] },
        },
        `create NetworkPolicy default-deny in namespace ${namespace} (no ${egress ? 'traffic in or out' : 'incoming traffic'} unless allowed)`,
      ),
    );
  }
  return list;
}
