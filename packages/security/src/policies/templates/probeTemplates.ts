import { containersOf } from '@opspilot/manifests';
import { z } from 'zod';
import { defineTemplate } from '../policyTemplate.js';
import { POD_KINDS } from './workloadKinds.js';

const TYPES = ['tcpSocket', 'httpGet', 'exec', 'grpc'];

/** Gatekeeper `k8srequiredprobes`: the named probes are set with one of the probe types (init containers exempt). */
export const requiredProbes = defineTemplate({
  id: 'k8srequiredprobes',
  title: 'Required probes',
  description: 'Containers must define the listed probes',
  kinds: POD_KINDS,
  parameters: z.object({
    probes: z.array(z.enum(['readinessProbe', 'livenessProbe', 'startupProbe'])).min(1),
    probeTypes: z.array(z.enum(['tcpSocket', 'httpGet', 'exec', 'grpc'])).default(TYPES as never),
  }),
  keywords: ['probe', 'probes', 'readiness', 'liveness', 'health', 'healthcheck', 'startup'],
  check: (obj, p) =>
    containersOf(obj, false).flatMap(({ c, name }) =>
      p.probes
        .filter((probe) => {
          const value = c[probe];
          return typeof value !== 'object' || value === null || !p.probeTypes.some((t) => value[t] !== undefined);
        })
        .map((probe) => `container "${name}" has no ${probe}`),
    ),
});
