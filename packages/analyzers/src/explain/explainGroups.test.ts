import type { GenerateRequest, GenerateResult, LanguageModel } from '@opspilot/core';
import { runAnalyzers } from '@opspilot/core';
import { describe, expect, it } from 'vitest';
import { ctx, event, snapshotOf } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { BUILTIN_ANALYZERS } from '../builtinAnalyzers.js';
import { groupFindings } from '../grouping/groupFindings.js';
import { withPodLogs } from '../podLogs.js';
import { explainGroups } from './explainGroups.js';

/** A LanguageModel (the core port) that records every request it gets and answers with a fixed text. */
function recordingModel(answer: (request: GenerateRequest) => string): LanguageModel & { requests: GenerateRequest[] } {
  const requests: GenerateRequest[] = [];
  return {
    id: 'test:recording',
    requests,
    async generate(request): Promise<GenerateResult> {
      requests.push(request);
      return { text: answer(request), toolCalls: [], usage: { inputTokens: 1, outputTokens: 1 }, finishReason: 'stop' };
    },
  };
}

const DB_PASSWORD = 'Sup3r-S3cret-Pa55';
const API_TOKEN = 'tok_live_9f8e7d6c5b4a';
const DB_URL = `postgresql://todo:${DB_PASSWORD}@db.internal:5432/todo`;

/** A broken cluster whose logs, events and messages leak Secret values everywhere a finding can quote them. */
function leakyCluster() {
  const cluster = healthyCluster();
  const secret = cluster.find('Secret', 'web-secret') as unknown as {
    data: Record<string, string>;
    stringData?: Record<string, string>;
  };
  secret.data = { password: btoa(DB_PASSWORD), url: btoa(DB_URL), token: btoa(API_TOKEN) };
  secret.stringData = { extra: 'stringdata-value-42' };
  const pod = cluster.find('Pod', 'web-5d8f7-abcde');
  (pod.status as Record<string, unknown>).containerStatuses = [
    {
      name: 'web',
      ready: false,
      restartCount: 5,
      state: { waiting: { reason: 'CrashLoopBackOff', message: `back-off; last error: auth ${API_TOKEN}` } },
      lastState: { terminated: { exitCode: 1, reason: 'Error', message: `cannot connect to ${DB_URL}` } },
    },
  ];
  cluster.add(
    event(pod, 'Warning', 'BackOff', `Back-off restarting; env PASSWORD=${DB_PASSWORD} base64 ${btoa(DB_PASSWORD)}`),
  );
  cluster.add(event(pod, 'Warning', 'FailedMount', `token ${btoa(API_TOKEN)} rejected; stringdata-value-42 ignored`));
  const snapshot = withPodLogs(
    snapshotOf(
      cluster.objects,
      BUILTIN_ANALYZERS.flatMap((a) => a.kinds),
    ),
    [
      {
        namespace: 'shop',
        pod: 'web-5d8f7-abcde',
        container: 'web',
        previous: true,
        lines: ['starting', `using password ${DB_PASSWORD}`, `DSN=${DB_URL}`],
      },
    ],
  );
  const groups = groupFindings(runAnalyzers([...BUILTIN_ANALYZERS], snapshot, ctx).findings, snapshot);
  return { snapshot, groups };
}

describe('explainGroups', () => {
  it('explains offline by default, from the evidence, without calling anything', async () => {
    const { snapshot, groups } = leakyCluster();
    const explanations = await explainGroups(groups, snapshot);
    expect(explanations.every((e) => e.source === 'offline')).toBe(true);
    const crash = explanations.find((e) => e.groupId.startsWith('pod-crash-loop'));
    expect(crash?.text).toContain('Why: The main process exits soon after starting');
    expect(crash?.text).toContain('Evidence:');
  });

  it('never lets a Secret value (decoded or base64) reach the model', async () => {
    const { snapshot, groups } = leakyCluster();
    const model = recordingModel(() => 'fine');
    await explainGroups(groups, snapshot, { model });
    expect(model.requests.length).toBe(groups.length);
    const payload = JSON.stringify(model.requests);
    // Every value the snapshot's Secrets hold, as stored and decoded, must be absent.
    const secrets = (snapshot.objects.Secret ?? []).flatMap((s) => {
      const { data = {}, stringData = {} } = s as {
        data?: Record<string, string>;
        stringData?: Record<string, string>;
      };
      return [...Object.values(data), ...Object.values(data).map((v) => atob(v)), ...Object.values(stringData)];
    });
    expect(secrets).toContain(DB_PASSWORD);
    for (const value of [...secrets, DB_PASSWORD, API_TOKEN, 'db.internal:5432/todo'])
      expect(payload).not.toContain(value);
    // The leaks were really there to be masked.
    expect(JSON.stringify(groups)).toContain(DB_PASSWORD);
    expect(payload).toContain('<secret-');
  });

  it('labels cluster text as untrusted and masks identifiers, then unmasks the answer', async () => {
    const { snapshot, groups } = leakyCluster();
    const model = recordingModel((request) => {
      const name = /<name-\d+>/.exec(request.messages[0]!.content)?.[0] ?? '';
      return `Pod ${name} crashes.`;
    });
    const [first] = await explainGroups(groups.slice(0, 1), snapshot, { model });
    const request = model.requests[0]!;
    expect(request.system).toContain('untrusted data');
    expect(request.messages[0]?.content).toMatch(/^<untrusted-cluster-data>\n[\s\S]*\n<\/untrusted-cluster-data>\n/);
    expect(request.messages[0]?.content).not.toContain('web-5d8f7-abcde');
    expect(first?.source).toBe('model');
    expect(first?.text).toMatch(/^Pod [a-z0-9-]+ crashes\.$/);
    expect(first?.text).not.toMatch(/<name-/);
  });

  it('falls back to the offline explanation when the model fails or answers nothing', async () => {
    const { snapshot, groups } = leakyCluster();
    const failing: LanguageModel = {
      id: 'test:failing',
      generate: async () => {
        throw new Error('rate limited');
      },
    };
    const [a] = await explainGroups(groups.slice(0, 1), snapshot, { model: failing });
    expect(a).toMatchObject({ source: 'offline', error: 'rate limited' });
    const [b] = await explainGroups(groups.slice(0, 1), snapshot, { model: recordingModel(() => '   ') });
    expect(b).toMatchObject({ source: 'offline', error: 'the model returned no text' });
  });
});
