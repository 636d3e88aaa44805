import type { KubeObject } from '@opspilot/core';
import type { Condition } from './kubeTypes.js';

/** The Gateway API kinds as a snapshot lists them (custom resources: named with their apiVersion). */
export const GATEWAY_KINDS = {
  GatewayClass: 'gateway.networking.k8s.io/v1/GatewayClass',
  Gateway: 'gateway.networking.k8s.io/v1/Gateway',
  HTTPRoute: 'gateway.networking.k8s.io/v1/HTTPRoute',
} as const;

/** A condition of `status.conditions` that is not True (False or Unknown), or undefined. */
export function failingCondition(obj: KubeObject, type: string): Condition | undefined {
  const c = ((obj.status as { conditions?: Condition[] } | undefined)?.conditions ?? []).find((x) => x.type === type);
  return c && c.status !== 'True' ? c : undefined;
}
