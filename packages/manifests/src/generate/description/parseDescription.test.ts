import { describe, expect, it } from 'vitest';
import { parseDescription } from './parseDescription.js';

describe('parseDescription', () => {
  it('reads the example of the docs into name, image, replicas, port and memory', () => {
    const { fields, unparsed } = parseDescription(
      'deployment api image ghcr.io/acme/api:1.4 3 replicas port 8080 512Mi',
      ['deployment'],
    );
    expect(fields).toEqual({ name: 'api', image: 'ghcr.io/acme/api:1.4', replicas: 3, port: 8080, memory: '512Mi' });
    expect(unparsed).toEqual([]);
  });

  it.each([
    [
      'web with 2 replicas on port 80 using nginx:1.27 and 250m cpu',
      { replicas: 2, port: 80, image: 'nginx:1.27', cpu: '250m' },
    ],
    ['web memory limit 1GiB cpu 0.5', { memory: '1Gi', cpu: '500m' }],
    ['web 256MB', { memory: '256M' }],
    [
      'web env LOG_LEVEL=info MODE=prod namespace shop',
      { env: { LOG_LEVEL: 'info', MODE: 'prod' }, namespace: 'shop' },
    ],
    ['web health /healthz', { healthPath: '/healthz' }],
    [
      'web host shop.example.com path /api tls secret shop-tls class nginx',
      { host: 'shop.example.com', path: '/api', tls: true, tlsSecret: 'shop-tls', ingressClass: 'nginx' },
    ],
    ['web min 2 max 10 cpu 70%', { minReplicas: 2, maxReplicas: 10, targetCpuPercent: 70 }],
    ['web between 3 and 9 replicas memory 80%', { minReplicas: 3, maxReplicas: 9, targetMemoryPercent: 80 }],
    ['web 2-6 replicas target 60%', { minReplicas: 2, maxReplicas: 6, targetCpuPercent: 60 }],
    ['web max unavailable 25%', { maxUnavailable: '25%' }],
    ['web min available 2', { minAvailable: 2 }],
    ['web type nodeport port 80 target port 8080', { serviceType: 'NodePort', port: 80, targetPort: 8080 }],
    ['web allow from frontend and gateway', { allowFrom: ['frontend', 'gateway'] }],
    ['web deny all', { denyAll: true }],
    ['web for deployment api', { target: 'api' }],
    ['web command "python -m worker --once"', { command: ['python', '-m', 'worker', '--once'] }],
    ['web part of shop component api', { partOf: 'shop', component: 'api' }],
    ['web keys DATABASE_URL JWT_SECRET', { env: { DATABASE_URL: '', JWT_SECRET: '' } }],
  ])('understands %j', (description, expected) => {
    const parsed = parseDescription(description);
    expect(parsed.fields).toMatchObject({ name: 'web', ...expected });
    expect(parsed.unparsed).toEqual([]);
  });

  it('reports words it does not understand instead of dropping them', () => {
    const { fields, unparsed } = parseDescription('api image x/y:1 with sparkles and "magic dust"');
    expect(fields).toMatchObject({ name: 'api', image: 'x/y:1' });
    expect(unparsed.map((u) => u.text)).toEqual(['sparkles', '"magic dust"']);
  });

  it('keeps the first value of a setting given twice and reports the second', () => {
    const { fields, unparsed } = parseDescription('api replicas 2 replicas 5');
    expect(fields.replicas).toBe(2);
    expect(unparsed).toEqual([{ text: 'replicas 5', reason: expect.stringContaining('already set by "replicas 2"') }]);
  });

  it('records the words that set each field', () => {
    expect(parseDescription('api every 5 minutes port 80').sources).toEqual({
      name: 'api',
      schedule: 'every 5 minutes',
      port: 'port 80',
    });
  });

  it('leaves an empty description empty', () => {
    expect(parseDescription('   ')).toEqual({ fields: {}, sources: {}, unparsed: [] });
  });
});
