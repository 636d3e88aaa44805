import { namespaceOf } from '@opspilot/manifests';
import { z } from 'zod';
import { defineTemplate } from '../policyTemplate.js';

/** Gatekeeper `k8sblocknodeport`. */
export const blockNodePort = defineTemplate({
  id: 'k8sblocknodeport',
  title: 'Block NodePort',
  description: 'Services must not be of type NodePort',
  kinds: ['Service'],
  parameters: z.object({}),
  keywords: ['nodeport', 'node port', 'service', 'type'],
  check: (obj) => (obj.spec?.type === 'NodePort' ? ['the Service is of type NodePort'] : []),
});

/** Gatekeeper `k8sblockloadbalancer`. */
export const blockLoadBalancer = defineTemplate({
  id: 'k8sblockloadbalancer',
  title: 'Block LoadBalancer',
  description: 'Services must not be of type LoadBalancer',
  kinds: ['Service'],
  parameters: z.object({}),
  keywords: ['loadbalancer', 'load balancer', 'service', 'type', 'public'],
  check: (obj) => (obj.spec?.type === 'LoadBalancer' ? ['the Service is of type LoadBalancer'] : []),
});

/** Gatekeeper `k8sexternalips`: external IPs only from the allow-list (none when empty). */
export const externalIps = defineTemplate({
  id: 'k8sexternalips',
  title: 'Allowed Service external IPs',
  description: 'Services may use only the listed externalIPs',
  kinds: ['Service'],
  parameters: z.object({ allowedIPs: z.array(z.string()).default([]) }),
  keywords: ['externalip', 'external ip', 'externalips', 'ip', 'ips', 'address'],
  check: (obj, p) =>
    (Array.isArray(obj.spec?.externalIPs) ? obj.spec.externalIPs : [])
      .filter((ip: unknown) => !p.allowedIPs.includes(String(ip)))
      .map((ip: unknown) => `external IP ${String(ip)} is not allowed`),
});

/** Gatekeeper `k8suniqueserviceselector`: no two Services of a namespace share a selector. */
export const uniqueServiceSelector = defineTemplate({
  id: 'k8suniqueserviceselector',
  title: 'Unique Service selector',
  description: 'No two Services of a namespace may have the same selector',
  kinds: ['Service'],
  parameters: z.object({}),
  keywords: ['selector', 'unique', 'same selector', 'duplicate'],
  check: (obj, _p, ctx) => {
    const key = (o: typeof obj) => JSON.stringify(Object.entries(o.spec?.selector ?? {}).sort());
    if (!obj.spec?.selector || Object.keys(obj.spec.selector).length === 0) return [];
    const mine = key(obj);
    return ctx
      .inNamespace('Service', namespaceOf(obj))
      .filter((s) => s.obj !== obj && s.obj.metadata?.name !== obj.metadata?.name && key(s.obj) === mine)
      .map((s) => `same selector as Service ${s.obj.metadata?.name}`);
  },
});
