import { createLanguageModel } from '@opspilot/ai-providers';
import type { Clock, KubeObject, ManualClock } from '@opspilot/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatReply, startOpenAiLoopback } from '../__fixtures__/openAiLoopback.js';
import { type SimPlannerCluster, startSimPlannerCluster } from '../__fixtures__/simPlannerCluster.js';
import { planRequest } from '../planRequest.js';

// Secrets planted everywhere a model could read them in the simulated cluster, and in the request itself; a model
// behind a loopback OpenAI endpoint reads all of it through the agent's tools. No request body may carry one.
const b64 = (text: string) => Buffer.from(text).toString('base64');
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwYXlyb2xsIn0.Qm9vbXNoYWthbGFrYTEyMzQ1Njc4OTA';
const PEM = '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIPlantedPemBody0123\n-----END EC PRIVATE KEY-----';
const SECRETS = {
  secretData: 'correct-horse-battery',
  secretStringData: 'plain-stringdata-value',
  envValue: 'env-value-planted',
  stripeInEnv: 'sk_live_51PlantedStripeKey0000abc',
  annotationToken: 'annotation-token-planted',
  annotationPhrase: 'note-pw-planted',
  lastAppliedSecret: 'lastapplied-secret-planted',
  lastAppliedEnv: 'lastapplied-env-planted',
  configMapUrl: 'cm-url-pass',
  configMapKey: 'cm-apikey-planted',
  configMapGithub: 'ghp_PlantedGithubToken0123456789abcdefAB',
  logPassword: 'hunter-log-planted',
  logJwt: JWT,
  logAws: 'AKIAPLANTEDAWS012345',
  pem: 'MHcCAQEEIPlantedPemBody0123',
  eventToken: 'event-token-planted',
  requestPassword: 'request-pw-planted',
  requestKey: 'sk-proj-PlantedOpenAiKey0123456789',
  modelArgument: 'glpat-PlantedGitlabToken0123',
};

const secret: KubeObject = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'payroll-creds', namespace: 'todo' },
  type: 'Opaque',
  data: { password: b64(SECRETS.secretData) },
  stringData: { 'db.conf': SECRETS.secretStringData },
} as KubeObject;

const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'payroll',
    namespace: 'todo',
    labels: { app: 'payroll' },
    annotations: {
      'example.com/api-token': SECRETS.annotationToken,
      'example.com/note': `ask ops, pw=${SECRETS.annotationPhrase}`,
      [LAST_APPLIED]: JSON.stringify({
        kind: 'Deployment',
        spec: {
          template: { spec: { containers: [{ env: [{ name: 'DB_PASSWORD', value: SECRETS.lastAppliedEnv }] }] } },
        },
      }),
    },
  },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'payroll' } },
    template: {
      metadata: { labels: { app: 'payroll' } },
      spec: {
        containers: [
          {
            name: 'payroll',
            image: 'todo/backend:1.0',
            env: [
              { name: 'DB_PASSWORD', value: SECRETS.envValue },
              { name: 'PAYMENTS', value: SECRETS.stripeInEnv },
              { name: 'MODE', value: 'fast' },
            ],
          },
        ],
      },
    },
  },
};

const configMap: KubeObject = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: {
    name: 'payroll-config',
    namespace: 'todo',
    annotations: {
      [LAST_APPLIED]: JSON.stringify({ kind: 'Secret', stringData: { password: SECRETS.lastAppliedSecret } }),
    },
  },
  data: {
    DATABASE_URL: `postgres://payroll:${SECRETS.configMapUrl}@db:5432/payroll`,
    'app.properties': `api_key=${SECRETS.configMapKey}\nmode=fast\n`,
    'signing.pem': PEM,
    deploy: `git clone https://github.com/acme/payroll with ${SECRETS.configMapGithub}`,
  },
} as KubeObject;

const event = (name: string, message: string): KubeObject =>
  ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: 'todo' },
    involvedObject: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'payroll', namespace: 'todo' },
    type: 'Warning',
    reason: 'FailedPull',
    message,
  }) as KubeObject;

const LOG_LINES = [
  `connecting to db with password ${SECRETS.logPassword}`,
  `Authorization: Bearer ${JWT}`,
  `aws key ${SECRETS.logAws} loaded`,
  'GET /api/payroll 200 in 12ms',
];

const payroll = { kind: 'Deployment', name: 'payroll', namespace: 'todo' };
const script: ChatReply[] = [
  { call: { name: 'list_objects', arguments: { kind: 'Secret', namespace: 'todo' } } },
  { call: { name: 'get_object', arguments: { kind: 'Secret', name: 'payroll-creds', namespace: 'todo' } } },
  { call: { name: 'get_object', arguments: payroll } },
  { call: { name: 'get_object', arguments: { kind: 'ConfigMap', name: 'payroll-config', namespace: 'todo' } } },
  { call: { name: 'get_logs', arguments: payroll } },
  { call: { name: 'describe_object', arguments: payroll } },
  { call: { name: 'get_events', arguments: { namespace: 'todo', kind: 'Deployment', name: 'payroll' } } },
  { call: { name: 'analyze_object', arguments: payroll } },
  { call: { name: 'get_logs', arguments: { ...payroll, container: SECRETS.modelArgument } } },
  {
    call: {
      name: 'propose_plan',
      arguments: {
        summary: 'restart payroll',
        steps: [{ op: 'rolloutRestart', target: payroll, description: 'restart payroll' }],
      },
    },
  },
];

const instant: Clock = { now: () => new Date('2026-01-01T00:00:00Z'), sleep: async () => {} };

describe('no secret reaches a model (simulated cluster, OpenAI wire format)', () => {
  let cluster: SimPlannerCluster;
  beforeAll(async () => {
    cluster = await startSimPlannerCluster();
    for (const object of [secret, deployment, configMap]) await cluster.gateway.apply(object);
    await cluster.gateway.apply(
      event('payroll.1', `failed to pull: registry said token: ${SECRETS.eventToken} is invalid`),
    );
    await cluster.gateway.apply(event('payroll.2', `key material follows ${PEM}`));
    const hooks = cluster.sim.api.hooks;
    cluster.sim.api.hooks = {
      ...hooks,
      logs: (request) =>
        request.pod.metadata?.name?.startsWith('payroll-')
          ? [...hooks.logs(request), ...LOG_LINES]
          : hooks.logs(request),
    };
    for (let i = 0; i < 5; i++) {
      cluster.sim.controllers?.reconcileNow();
      await (cluster.sim.clock as ManualClock).advance(1_000);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }, 60_000);
  afterAll(() => cluster?.stop());

  it('inspects every planted place and sends none of the planted values, in any encoding', async () => {
    const server = await startOpenAiLoopback(script);
    try {
      const model = createLanguageModel(
        { provider: 'openai', base_url: server.url, api_key: 'test-key', model: 'gpt-4o-mini' },
        { clock: instant, policy: { maxRetries: 0 } },
      );
      if (!model.ok) throw model.error;
      const outcome = await planRequest(
        `payroll is broken. my password is ${SECRETS.requestPassword} and the key ${SECRETS.requestKey}, restart it`,
        { gateway: cluster.gateway, model: model.value, budgets: { maxIterations: script.length + 1 } },
      );
      expect(await cluster.gateway.list('Pod', { namespace: 'todo', labelSelector: 'app=payroll' })).not.toHaveLength(
        0,
      );
      expect(outcome.kind).toBe('plan');
      expect(server.bodies).toHaveLength(script.length);

      const sent = server.bodies.join('\n');
      for (const [where, value] of Object.entries(SECRETS)) {
        for (const form of [value, b64(value)]) expect(sent, `${where} leaked`).not.toContain(form);
      }
      // What the model needs is still there: names, images, counts, ordinary settings and log lines.
      for (const kept of [
        'payroll-creds',
        'todo/backend:1.0',
        'DB_PASSWORD',
        '\\"replicas\\": 2',
        'MODE',
        'mode=fast',
        'GET /api/payroll 200 in 12ms',
        'FailedPull',
        LAST_APPLIED,
        'example.com/api-token',
        'app.properties',
      ]) {
        expect(sent).toContain(kept);
      }
      const tools = server.requests.at(-1)?.messages.filter((m) => m.role === 'tool') ?? [];
      expect(tools).toHaveLength(script.length - 1);
      expect(String(tools[4]?.content)).toContain('connecting to db with password [REDACTED]');
    } finally {
      await server.stop();
    }
  });
});
